from typing import Any

from django.db import migrations


def key(apps: Any, schema_editor: Any) -> None:
    from keepwell.crm.partitions import key_partitions

    key_partitions(schema_editor.connection)


def unkey(apps: Any, schema_editor: Any) -> None:
    from keepwell.crm.partitions import unkey_partitions

    unkey_partitions(schema_editor.connection)


class Migration(migrations.Migration):
    """PostgreSQL: the partitioned activity table's unique key and index ordered for partitions
    (``keepwell.crm.partitions.key_partitions``); SQLite: nothing."""

    dependencies = [("crm", "0003_activity_partitions")]

    operations = [migrations.RunPython(key, unkey, elidable=False)]
