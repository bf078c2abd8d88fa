"""PostgreSQL: a tenant's first large activities file builds the tenant's partition and swaps it in.

Whatever the path, the outcome is the row-wise import's: the same counts, rejections, stored rows
and exported file. The threshold is lowered so that small files take the partition path.
"""

from __future__ import annotations

import psycopg
import pytest
from django.db import connection
from django.utils import timezone

from keepwell.crm import partitions
from keepwell.crm.models import Activity
from keepwell.errors import KeepWellError
from keepwell.interchange import database
from keepwell.interchange.services import export_file, import_file
from keepwell.interchange.tests.files import write_csv
from keepwell.interchange.tests.test_interchange_activities import MALFORMED, REASONS, _activities_file
from keepwell.tenancy.context import tenant_context
from keepwell.tenancy.models import Tenant

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db]


def _partition_oid(tenant: Tenant) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::regclass::oid", [partitions.partition_of("crm_activity", tenant.pk)])
        return int(cursor.fetchone()[0])


def _load_table_exists(tenant: Tenant) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_regclass(%s)", [partitions.partition_of("crm_activity", tenant.pk) + "_load"]
        )
        return cursor.fetchone()[0] is not None


def _import(tenant: Tenant, path, *, bulk: bool, monkeypatch) -> tuple[object, list[bool]]:
    monkeypatch.setattr(database, "POSTGRES_BULK_ROWS", 1 if bulk else 10**12)
    loading: list[bool] = []
    result = import_file(
        tenant=tenant,
        entity="activities",
        path=path,
        progress=lambda *_: loading.append(_load_table_exists(tenant)),
    )
    return result, loading


def _one(directory, activity_id: str, employee_id: str):
    """A file of one activity."""
    row = [activity_id, employee_id, "", "", "call", "", "2026-01-05T09:30:00Z", "", "", ""]
    return write_csv(directory / f"{activity_id}.csv", "activities", [row])


def _count(tenant: Tenant) -> int:
    with tenant_context(tenant):
        return Activity.objects.count()


def test_the_first_large_file_builds_the_partition_with_the_row_wise_outcome(world, tmp_path, monkeypatch):
    path = _activities_file(tmp_path / "activities.csv")
    before = _partition_oid(world.tenant_a)

    result, loading = _import(world.tenant_a, path, bulk=True, monkeypatch=monkeypatch)

    assert loading
    assert all(loading)
    assert _partition_oid(world.tenant_a) != before  # a new table took the partition's place
    assert result.summary() == "read 10000, imported 9995, updated 0, rejected 5"
    assert [(r.row, r.column, r.reason) for r in result.rejections] == [
        (row, column, REASONS[row]) for row, (_line, column) in sorted(MALFORMED.items())
    ]
    bulk_export = tmp_path / "bulk.csv"
    export_file(tenant=world.tenant_a, entity="activities", path=bulk_export)
    bulk_rejected = result.rejected_path.read_bytes()

    with tenant_context(world.tenant_a):
        Activity.objects.all().delete()
    result, loading = _import(world.tenant_a, path, bulk=False, monkeypatch=monkeypatch)
    assert not any(loading)
    assert result.summary() == "read 10000, imported 9995, updated 0, rejected 5"
    row_wise_export = tmp_path / "row_wise.csv"
    export_file(tenant=world.tenant_a, entity="activities", path=row_wise_export)
    assert bulk_export.read_bytes() == row_wise_export.read_bytes()
    assert result.rejected_path.read_bytes() == bulk_rejected


def test_the_new_partition_is_indexed_constrained_and_found_by_primary_key(world, tmp_path, monkeypatch):
    _import(world.tenant_a, _activities_file(tmp_path / "a.csv"), bulk=True, monkeypatch=monkeypatch)

    name = partitions.partition_of("crm_activity", world.tenant_a.pk)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_index i JOIN pg_inherits h ON h.inhrelid = i.indexrelid "
            "WHERE i.indrelid = %s::regclass",
            [name],
        )
        attached_indexes = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f' "
            "AND conparentid <> 0 AND convalidated",
            [name],
        )
        foreign_keys = cursor.fetchone()[0]
    assert (attached_indexes, foreign_keys) == (3, 4)
    with tenant_context(world.tenant_a):
        activity = Activity.objects.get(activity_id="A000001")
        assert Activity.objects.unscoped().get(pk=activity.pk).activity_id == "A000001"
        activity.duration_minutes = 7
        activity.save()
        assert Activity.objects.get(activity_id="A000001").duration_minutes == 7


def test_a_key_twice_in_the_file_is_imported_row_wise_and_reported(world, tmp_path, monkeypatch):
    rows = [[f"A{n}", "N001", "", "", "call", "", "2026-01-05T09:30:00Z", "5", "", ""] for n in range(6)]
    rows.append(["A2", "N002", "", "", "visit", "", "2026-01-06T09:30:00Z", "9", "", ""])
    rows.append(["A9", "X999", "", "", "visit", "", "2026-01-06T09:30:00Z", "9", "", ""])
    path = write_csv(tmp_path / "twice.csv", "activities", rows)

    result, loading = _import(world.tenant_a, path, bulk=True, monkeypatch=monkeypatch)

    assert result.summary() == "read 8, imported 6, updated 0, rejected 2"
    assert [(r.row, r.column, r.reason) for r in result.rejections] == [
        (8, "activity_id", "duplicate activity_id, first at row 4"),
        (9, "employee_id", "unknown employee 'X999'"),
    ]
    assert len(result.rejected_path.read_text(encoding="utf-8").splitlines()) == 3
    assert loading == [True, False]  # the partition load, then the row-wise pass
    with tenant_context(world.tenant_a):
        assert Activity.objects.get(activity_id="A2").duration_minutes == 5


def test_more_referenced_ids_than_the_cap_are_imported_row_wise(world, tmp_path, monkeypatch):
    monkeypatch.setattr(database, "POSTGRES_BULK_MAX_REFERENCED", 0)  # the tenant's employees exceed it
    before = _partition_oid(world.tenant_a)

    result, loading = _import(
        world.tenant_a, _one(tmp_path, "A1", "N001"), bulk=True, monkeypatch=monkeypatch
    )

    assert result.summary() == "read 1, imported 1, updated 0, rejected 0"
    assert loading == [False]
    assert _partition_oid(world.tenant_a) == before  # the same table: no partition was swapped in


def test_a_tenant_with_activities_is_imported_row_wise(world, tmp_path, monkeypatch):
    _import(world.tenant_a, _one(tmp_path, "A1", "N001"), bulk=False, monkeypatch=monkeypatch)
    before = _partition_oid(world.tenant_a)

    result, loading = _import(
        world.tenant_a, _activities_file(tmp_path / "a.csv"), bulk=True, monkeypatch=monkeypatch
    )

    assert not any(loading)
    assert _partition_oid(world.tenant_a) == before
    assert result.summary() == "read 10000, imported 9995, updated 0, rejected 5"
    assert _count(world.tenant_a) == 9996


def test_a_failure_after_the_load_leaves_everything_as_it_was(world, tmp_path, monkeypatch):
    _import(world.tenant_b, _one(tmp_path, "B1", "B001"), bulk=False, monkeypatch=monkeypatch)
    before = _partition_oid(world.tenant_a)

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(database, "swap_partition", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        _import(world.tenant_a, _activities_file(tmp_path / "a.csv"), bulk=True, monkeypatch=monkeypatch)

    assert (_count(world.tenant_a), _count(world.tenant_b)) == (0, 1)
    assert _partition_oid(world.tenant_a) == before
    assert not _load_table_exists(world.tenant_a)


@pytest.mark.django_db(transaction=True)  # the tenants' partitions committed: another reader can begin
def test_a_table_kept_busy_refuses_the_swap_and_changes_nothing(world, tmp_path, monkeypatch):
    monkeypatch.setattr(partitions, "SWAP_LOCK_TIMEOUT", "50ms")
    monkeypatch.setattr(partitions, "SWAP_ATTEMPTS", 2)
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"], port=settings["PORT"] or 5432, dbname=settings["NAME"], user=settings["USER"]
    ) as reader:
        reader.execute("SET lock_timeout = '10s'")
        reader.execute("BEGIN")
        reader.execute("LOCK TABLE crm_activity IN ACCESS SHARE MODE")  # a long read of any tenant
        with pytest.raises(KeepWellError) as refused:
            _import(world.tenant_a, _activities_file(tmp_path / "a.csv"), bulk=True, monkeypatch=monkeypatch)
        reader.execute("ROLLBACK")

    assert refused.value.code == "table_busy"
    assert _count(world.tenant_a) == 0
    assert not _load_table_exists(world.tenant_a)


def test_a_second_large_file_after_the_rows_were_removed_builds_the_partition_again(
    world, tmp_path, monkeypatch
):
    path = _activities_file(tmp_path / "a.csv")
    _import(world.tenant_a, path, bulk=True, monkeypatch=monkeypatch)
    with tenant_context(world.tenant_a):
        Activity.objects.all().delete()

    result, loading = _import(world.tenant_a, path, bulk=True, monkeypatch=monkeypatch)

    assert all(loading)
    assert result.summary() == "read 10000, imported 9995, updated 0, rejected 5"
    assert _count(world.tenant_a) == 9995


def test_each_tenant_has_a_partition_from_creation_to_deletion(db):
    tenant = Tenant.objects.create(slug="initech", name="Initech", reporting_currency="USD", time_zone="UTC")
    name = partitions.partition_of("crm_activity", tenant.pk)
    assert _partition_oid(tenant)

    tenant.delete()

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [name])
        assert cursor.fetchone()[0] is None


def test_the_migration_steps_keep_rows_names_and_the_sequence_both_ways(world, tmp_path, monkeypatch):
    _import(world.tenant_a, _one(tmp_path, "A1", "N001"), bulk=False, monkeypatch=monkeypatch)
    _import(world.tenant_b, _one(tmp_path, "B1", "B001"), bulk=False, monkeypatch=monkeypatch)

    def shape() -> tuple[object, ...]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT id, tenant_id, activity_id FROM crm_activity ORDER BY id")
            rows = cursor.fetchall()
            cursor.execute(
                "SELECT conname FROM pg_constraint WHERE conrelid = 'crm_activity'::regclass ORDER BY conname"
            )
            names = [name for (name,) in cursor.fetchall()]
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'crm_activity' ORDER BY 1"
            )
            indexes = cursor.fetchall()
        return rows, names, indexes

    with connection.cursor() as cursor:  # a migration runs in a transaction of its own: no checks pending
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    partitioned = shape()
    partitions.unkey_partitions(connection)
    partitions.unpartition_tables(connection)
    assert not partitions.is_partitioned(connection, "crm_activity")
    plain = shape()
    partitions.partition_tables(connection)
    partitions.key_partitions(connection)

    assert partitions.is_partitioned(connection, "crm_activity")
    # Plain: every key starts with the tenant; partitioned: the unique key ends with it, the index omits it.
    assert plain[2] == [
        (
            "activity_employee_started_idx",
            "CREATE INDEX activity_employee_started_idx ON public.crm_activity"
            " USING btree (tenant_id, employee_id, started_at)",
        ),
        (
            "activity_id_unique",
            "CREATE UNIQUE INDEX activity_id_unique ON public.crm_activity"
            " USING btree (tenant_id, activity_id)",
        ),
        (
            "crm_activity_pkey",
            "CREATE UNIQUE INDEX crm_activity_pkey ON public.crm_activity USING btree (id)",
        ),
    ]
    assert partitioned[2] == [
        (
            "activity_employee_started_idx",
            "CREATE INDEX activity_employee_started_idx ON ONLY"
            " public.crm_activity USING btree (employee_id, started_at)",
        ),
        (
            "activity_id_unique",
            "CREATE UNIQUE INDEX activity_id_unique ON ONLY public.crm_activity"
            " USING btree (activity_id, tenant_id)",
        ),
        (
            "crm_activity_pkey",
            "CREATE UNIQUE INDEX crm_activity_pkey ON ONLY public.crm_activity USING btree (id, tenant_id)",
        ),
    ]
    assert plain[:2] == partitioned[:2]
    assert shape() == partitioned
    assert _partition_oid(world.tenant_a)
    assert _partition_oid(world.tenant_b)
    with tenant_context(world.tenant_a):
        later = Activity.objects.create(
            activity_id="A2", employee=Activity.objects.get().employee, kind="call", started_at=timezone.now()
        )
    assert later.pk > max(row[0] for row in partitioned[0])
    assert (_count(world.tenant_a), _count(world.tenant_b)) == (2, 1)
