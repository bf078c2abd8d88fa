from django.db import migrations


def seed(apps, schema_editor):
    from keepwell.money.reference import seed_currencies

    seed_currencies(apps.get_model("money", "Currency"))


class Migration(migrations.Migration):
    dependencies = [("money", "0002_tenant_links")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
