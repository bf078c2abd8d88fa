from typing import Any

from django.db import migrations


def partition(apps: Any, schema_editor: Any) -> None:
    from keepwell.crm.partitions import partition_tables

    partition_tables(schema_editor.connection)


def unpartition(apps: Any, schema_editor: Any) -> None:
    from keepwell.crm.partitions import unpartition_tables

    unpartition_tables(schema_editor.connection)


class Migration(migrations.Migration):
    """PostgreSQL: activities partitioned by tenant (``keepwell.crm.partitions``); SQLite: nothing."""

    dependencies = [("crm", "0002_tenant_links")]

    operations = [migrations.RunPython(partition, unpartition, elidable=False)]
