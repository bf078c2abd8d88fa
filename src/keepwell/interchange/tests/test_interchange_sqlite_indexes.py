"""SQLite: a file that outweighs its table builds the table's secondary indexes after the rows are in."""

from __future__ import annotations

import pytest
from django.db import connection

from keepwell.crm.models import Activity
from keepwell.interchange import database
from keepwell.interchange.services import import_file
from keepwell.interchange.tests.files import write_csv
from keepwell.tenancy.context import tenant_context

pytestmark = [pytest.mark.sqlite_only, pytest.mark.django_db(transaction=True)]

SECONDARY = "activity_employee_started_idx"


def _indexes() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'crm_activity'")
        return {name for (name,) in cursor.fetchall()}


def _rows(first: int, count: int) -> list[list[str]]:
    return [
        [f"A{n:03d}", "B001", "", "", "call", "", f"2026-01-{1 + n % 28:02d}T09:30:00Z", "5", "", ""]
        for n in range(first, first + count)
    ]


def _import(world, path, rows):
    seen: list[set[str]] = []
    result = import_file(
        tenant=world.tenant_b,
        entity="activities",
        path=write_csv(path, "activities", rows),
        progress=lambda *_: seen.append(_indexes()),  # inside the import's transaction
    )
    return result, seen


def test_a_file_larger_than_its_table_builds_the_index_afterwards(world, tmp_path, monkeypatch):
    monkeypatch.setattr(database, "SQLITE_DEFER_INDEXES_ROWS", 5)
    before = _indexes()
    assert SECONDARY in before
    sort_threads: list[int] = []  # SQLite's helper threads when the index is built

    def watch(execute, sql, params, many, context):
        if sql.startswith("CREATE INDEX"):
            sort_threads.append(connection.connection.execute("PRAGMA threads").fetchone()[0])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(watch):
        result, seen = _import(world, tmp_path / "first.csv", _rows(0, 10))

    assert result.summary() == "read 10, imported 10, updated 0, rejected 0"
    assert seen
    assert all(SECONDARY not in names for names in seen)
    assert _indexes() == before
    assert sort_threads == [2]
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA threads")
        assert cursor.fetchone() == (0,)  # the connection's setting again
        cursor.execute("PRAGMA integrity_check")
        assert cursor.fetchall() == [("ok",)]
        cursor.execute(f"SELECT count(*) FROM crm_activity INDEXED BY {SECONDARY}")
        assert cursor.fetchone() == (10,)


def test_a_file_smaller_than_its_table_keeps_the_index(world, tmp_path, monkeypatch):
    monkeypatch.setattr(database, "SQLITE_DEFER_INDEXES_ROWS", 5)
    _import(world, tmp_path / "first.csv", _rows(0, 10))

    result, seen = _import(world, tmp_path / "second.csv", _rows(8, 6))  # 2 updates, 4 new rows

    assert result.summary() == "read 6, imported 4, updated 2, rejected 0"
    assert seen
    assert all(SECONDARY in names for names in seen)
    with tenant_context(world.tenant_b):
        assert Activity.objects.count() == 14


def test_a_failed_import_leaves_the_index_in_place(world, tmp_path, monkeypatch):
    monkeypatch.setattr(database, "SQLITE_DEFER_INDEXES_ROWS", 5)
    before = _indexes()

    def fail(*_):
        assert SECONDARY not in _indexes()
        raise RuntimeError("stopped part-way")

    with pytest.raises(RuntimeError, match="stopped part-way"):
        import_file(
            tenant=world.tenant_b,
            entity="activities",
            path=write_csv(tmp_path / "first.csv", "activities", _rows(0, 10)),
            progress=fail,
        )

    assert _indexes() == before
    with tenant_context(world.tenant_b):
        assert Activity.objects.count() == 0
