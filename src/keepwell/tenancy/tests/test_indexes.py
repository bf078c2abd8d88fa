"""Every index of a tenant-owned table leads with tenant_id (one documented exception: sign-in)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection

from keepwell.tenancy.models import TenantModel

# Which tenants a user belongs to is asked before any tenant is known.
EXCEPTIONS = {("tenancy_membership", ("user_id",))}


@pytest.mark.django_db
def test_indexes_of_tenant_owned_tables_start_with_tenant_id():
    offenders = []
    tenant_models = [model for model in apps.get_models() if issubclass(model, TenantModel)]
    assert len(tenant_models) >= 20
    with connection.cursor() as cursor:
        for model in tenant_models:
            table = model._meta.db_table
            for name, constraint in connection.introspection.get_constraints(cursor, table).items():
                columns = tuple(constraint["columns"] or ())
                indexed = constraint["index"] or constraint["unique"]
                if not indexed or constraint["primary_key"] or not columns:
                    continue
                if columns[0] != "tenant_id" and (table, columns) not in EXCEPTIONS:
                    offenders.append((table, name, columns))
    assert offenders == []
