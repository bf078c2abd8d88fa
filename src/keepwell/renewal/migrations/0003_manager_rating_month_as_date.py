"""Manager ratings keep their month as the month's first day, as targets do ('2026-10' → 2026-10-01)."""

import datetime

from django.db import migrations, models


def months_to_dates(apps, schema_editor):
    rating_model = apps.get_model("renewal", "ManagerRating")
    for rating in rating_model._base_manager.all().iterator():
        year, month = rating.month.split("-")
        rating.month_start = datetime.date(int(year), int(month), 1)
        rating.save(update_fields=["month_start"])


class Migration(migrations.Migration):
    dependencies = [("renewal", "0002_indexes_lead_with_tenant")]

    operations = [
        migrations.RemoveConstraint(model_name="managerrating", name="manager_rating_unique"),
        migrations.AddField(
            model_name="managerrating", name="month_start", field=models.DateField(null=True)
        ),
        migrations.RunPython(months_to_dates, migrations.RunPython.noop),
        migrations.RemoveField(model_name="managerrating", name="month"),
        migrations.RenameField(model_name="managerrating", old_name="month_start", new_name="month"),
        migrations.AlterField(model_name="managerrating", name="month", field=models.DateField()),
        migrations.AddConstraint(
            model_name="managerrating",
            constraint=models.UniqueConstraint(
                fields=("tenant", "employee", "month"), name="manager_rating_unique"
            ),
        ),
    ]
