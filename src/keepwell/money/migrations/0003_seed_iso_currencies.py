from django.db import migrations


def seed_currencies(apps, schema_editor):
    from babel.numbers import get_currency_name, get_currency_precision, list_currencies

    currency = apps.get_model("money", "Currency")
    existing = set(currency.objects.values_list("code", flat=True))
    currency.objects.bulk_create(
        currency(
            code=code, name=get_currency_name(code, locale="en"), minor_unit=get_currency_precision(code)
        )
        for code in sorted(list_currencies())
        if len(code) == 3 and code not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("money", "0002_tenant_links")]
    operations = [migrations.RunPython(seed_currencies, migrations.RunPython.noop)]
