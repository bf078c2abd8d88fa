"""Every index of a tenant-owned table leads with tenant_id (one documented exception: sign-in).

A table partitioned by tenant (PostgreSQL) holds one tenant per partition: there a unique key ends with
tenant_id (PostgreSQL requires the partition key in it) and a plain index leaves it out.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection

from keepwell.crm.partitions import is_partitioned
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
                if is_partitioned(connection, table):
                    keyed = columns[-1] == "tenant_id" if constraint["unique"] else "tenant_id" not in columns
                    if not keyed:
                        offenders.append((table, name, columns))
                elif columns[0] != "tenant_id" and (table, columns) not in EXCEPTIONS:
                    offenders.append((table, name, columns))
    assert offenders == []


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_the_partitioned_activity_table_keys_its_indexes_for_partitions():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "crm_activity")
    assert constraints["activity_id_unique"]["columns"] == ["activity_id", "tenant_id"]
    assert constraints["activity_employee_started_idx"]["columns"] == ["employee_id", "started_at"]
