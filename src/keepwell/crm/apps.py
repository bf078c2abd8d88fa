from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_delete, post_save


def _tenant_created(sender: Any, instance: Any, created: bool, using: str, **kwargs: Any) -> None:
    if created and not kwargs.get("raw"):
        from keepwell.crm.partitions import create_partitions

        create_partitions(connections[using], instance.pk)


def _tenant_deleted(sender: Any, instance: Any, using: str, **kwargs: Any) -> None:
    from keepwell.crm.partitions import drop_partitions

    drop_partitions(connections[using], instance.pk)


class CrmConfig(AppConfig):
    name = "keepwell.crm"
    label = "crm"

    def ready(self) -> None:
        from keepwell.tenancy.models import Tenant

        # On PostgreSQL each tenant's activities live in a partition of their own (``partitions``).
        post_save.connect(_tenant_created, sender=Tenant, dispatch_uid="crm.tenant_partitions")
        post_delete.connect(_tenant_deleted, sender=Tenant, dispatch_uid="crm.tenant_partitions_drop")
