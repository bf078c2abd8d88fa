"""SQLite: an import outside any transaction runs without per-row foreign-key lookups, and its rows
still hold every reference (checked here by SQLite itself); the connection's setting comes back."""

from __future__ import annotations

import pytest
from django.db import connection

from keepwell.interchange.services import import_file
from keepwell.interchange.tests.files import COMPANY, IMPORT_ORDER, write_csv

# SQLite's foreign-key pragma: these run in the SQLite pass and are deselected in the PostgreSQL one.
pytestmark = pytest.mark.sqlite_only


def _pragma(name):
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA {name}")
        return cursor.fetchall()


@pytest.mark.django_db(transaction=True)
def test_imported_rows_pass_sqlites_foreign_key_check_and_enforcement_returns(world, tmp_path):
    assert not connection.in_atomic_block
    during = set()
    for entity in IMPORT_ORDER:
        path = write_csv(tmp_path / f"{entity}.csv", entity, COMPANY[entity])
        result = import_file(
            tenant=world.tenant_b,
            entity=entity,
            path=path,
            progress=lambda *_: during.add(_pragma("foreign_keys")[0]),
        )
        assert result.rejected == 0

    assert during == {(0,)}
    assert _pragma("foreign_keys") == [(1,)]
    assert _pragma("foreign_key_check") == []


@pytest.mark.django_db(transaction=True)
def test_enforcement_returns_when_an_import_fails(world, tmp_path):
    path = tmp_path / "activities.csv"
    path.write_text("activity_id,employee_id\n", encoding="utf-8")
    with pytest.raises(Exception, match="lacks column"):
        import_file(tenant=world.tenant_b, entity="activities", path=path)
    rows = [["A1", "B001", "", "", "call", "", "2026-01-05T09:30:00Z", "", "", ""]]
    result = import_file(tenant=world.tenant_b, entity="activities", path=write_csv(path, "activities", rows))

    assert result.imported == 1
    assert _pragma("foreign_keys") == [(1,)]
