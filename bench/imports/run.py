"""One measured step of the import benchmark, run in a fresh process (``python -m bench.imports.run``).

``setup``: migrate the scratch database, create the ``bench`` tenant, import the reference files.
``import PATH``: the full, validated path, through ``keepwell.interchange.services.import_file``.
``bare PATH``: the same rows into the same table without any validation — PostgreSQL ``COPY``, SQLite
``executemany`` in one transaction — ids mapped to primary keys with Arrow, timestamps passed as text.
``bare-unindexed PATH``: PostgreSQL only: the same ``COPY`` into a new table shaped like the activity
table but without its indexes and constraints (created in the transaction, dropped afterwards) — the
ceiling of loading rows there.
``reset``: remove the tenant's activities.
``drop-foreign-keys``: PostgreSQL only, for the control experiment: the activity table's foreign-key
constraints removed from the scratch database, to show what their per-row checks cost.

The database comes from ``KEEPWELL_DATABASE_URL``. Prints one JSON line of figures.
"""

from __future__ import annotations

import io
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

COLUMNS = (
    "activity_id",
    "employee_id",
    "customer_id",
    "lead_id",
    "kind",
    "purpose",
    "started_at",
    "duration_minutes",
    "inbound_at",
    "replied_at",
)
TARGET = "crm_activity"


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "keepwell.config.settings")
    import django

    django.setup()


def setup(reference: dict[str, str]) -> dict[str, Any]:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from keepwell.interchange.services import import_file
    from keepwell.tenancy.models import Tenant

    tenant, _ = Tenant.objects.get_or_create(
        slug="bench", defaults={"name": "Bench", "reporting_currency": "CNY", "time_zone": "Asia/Shanghai"}
    )
    figures = {}
    for entity in ("employees", "customers", "leads"):
        result = import_file(tenant=tenant, entity=entity, path=reference[entity])
        figures[entity] = result.read
    return figures


def _backend_cpu(cursor: Any) -> float:
    """CPU seconds of this connection's PostgreSQL backend so far (same machine: read from /proc)."""
    cursor.execute("SELECT pg_backend_pid()")
    (pid,) = cursor.fetchone()
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def validated(path: str) -> dict[str, Any]:
    from django.db import connection

    from keepwell.interchange.services import import_file
    from keepwell.tenancy.models import Tenant

    tenant = Tenant.objects.get(slug="bench")
    postgres = connection.vendor == "postgresql"
    if postgres:
        with connection.cursor() as cursor:
            server_before = _backend_cpu(cursor)
    last_batch = [0.0]

    def progress(step: str, done: int, total: int) -> None:
        last_batch[0] = time.perf_counter()

    started = time.perf_counter()
    result = import_file(tenant=tenant, entity="activities", path=path, progress=progress)
    ended = time.perf_counter()
    server = {}
    if postgres:
        with connection.cursor() as cursor:
            server = {"server_cpu_seconds": _backend_cpu(cursor) - server_before}
    return {
        **server,
        "seconds": ended - started,
        # From the last batch written to the end: the commit (deferred foreign-key checks), the audit event.
        "commit_seconds": ended - last_batch[0],
        "read": result.read,
        "imported": result.imported,
        "updated": result.updated,
        "rejected": result.rejected,
    }


def _primary_keys(cursor: Any, table: str, id_column: str, tenant: int) -> tuple[pa.Array, pa.Array]:
    cursor.execute(f"SELECT {id_column}, id FROM {table} WHERE tenant_id = {tenant}")
    ids, keys = zip(*cursor.fetchall(), strict=True)
    return pa.array(ids, pa.string()), pa.array(keys, pa.int64())


def _mapped(values: pa.Array, ids: pa.Array, keys: pa.Array) -> pa.Array:
    return pc.take(keys, pc.index_in(values, value_set=ids))


def _batches(path: str) -> Any:
    return pcsv.open_csv(
        path,
        read_options=pcsv.ReadOptions(block_size=2 << 20),
        convert_options=pcsv.ConvertOptions(
            column_types={name: pa.string() for name in COLUMNS},
            null_values=[""],
            strings_can_be_null=True,
            quoted_strings_can_be_null=True,
        ),
    )


def bare(path: str, *, unindexed: bool = False) -> dict[str, Any]:
    from django.db import connection

    from keepwell.tenancy.models import Tenant

    tenant = Tenant.objects.get(slug="bench").pk
    with connection.cursor() as cursor:
        keys = (
            _primary_keys(cursor, "people_employee", "employee_id", tenant),
            _primary_keys(cursor, "crm_customer", "customer_id", tenant),
            _primary_keys(cursor, "crm_lead", "lead_id", tenant),
        )
    if connection.vendor == "postgresql":
        return _bare_postgres(path, tenant, keys, unindexed=unindexed)
    if unindexed:
        raise SystemExit("bare-unindexed is a PostgreSQL step")
    return _bare_sqlite(path, tenant, keys, connection.settings_dict["NAME"])


def _bare_postgres(path: str, tenant: int, keys: Any, *, unindexed: bool) -> dict[str, Any]:
    import psycopg

    url = os.environ["KEEPWELL_DATABASE_URL"].replace("postgres://", "postgresql://", 1)
    rows = 0
    target = "kw_bench_unindexed" if unindexed else TARGET
    with psycopg.connect(url) as raw:
        with raw.cursor() as cursor:
            server_before = _backend_cpu(cursor)
        started = time.perf_counter()
        if unindexed:
            raw.execute(f"CREATE TABLE {target} (LIKE {TARGET} INCLUDING DEFAULTS)")
            raw.execute(f"ALTER TABLE {target} ALTER COLUMN id DROP NOT NULL")
        with (
            raw.cursor() as cursor,
            cursor.copy(f"COPY {target} (tenant_id, {', '.join(COLUMNS)}) FROM STDIN (FORMAT csv)") as copy,
        ):
            for batch in _batches(path):
                table = _rows(batch, tenant, *keys)
                rows += table.num_rows
                sink = io.BytesIO()
                pcsv.write_csv(table, sink, write_options=pcsv.WriteOptions(include_header=False))
                copy.write(sink.getvalue())
        committing = time.perf_counter()
        raw.commit()
        ended = time.perf_counter()
        with raw.cursor() as cursor:
            server = _backend_cpu(cursor) - server_before
        if unindexed:
            raw.execute(f"DROP TABLE {target}")
            raw.commit()
    return {
        "seconds": ended - started,
        "commit_seconds": ended - committing,
        "server_cpu_seconds": server,
        "read": rows,
    }


def _bare_sqlite(path: str, tenant: int, keys: Any, database: str) -> dict[str, Any]:
    import sqlite3

    from keepwell.interchange.database import SQLITE_CACHE_KIB

    # The connection settings of the application (WAL, foreign keys on) and the importer's page cache.
    raw = sqlite3.connect(database, isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute("PRAGMA foreign_keys=ON")
    raw.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    marks = ", ".join("?" * (len(COLUMNS) + 1))
    rows = 0
    started = time.perf_counter()
    raw.execute("BEGIN IMMEDIATE")
    for batch in _batches(path):
        table = _rows(batch, tenant, *keys)
        rows += table.num_rows
        values = zip(*(column.to_pylist() for column in table.columns), strict=True)
        raw.executemany(f"INSERT INTO {TARGET} (tenant_id, {', '.join(COLUMNS)}) VALUES ({marks})", values)
    committing = time.perf_counter()
    raw.execute("COMMIT")
    raw.close()
    ended = time.perf_counter()
    return {"seconds": ended - started, "commit_seconds": ended - committing, "read": rows}


def _rows(batch: pa.RecordBatch, tenant: int, employees: Any, customers: Any, leads: Any) -> pa.Table:
    count = batch.num_rows
    columns = {name: batch.column(name) for name in COLUMNS}
    columns["employee_id"] = _mapped(columns["employee_id"], *employees)
    columns["customer_id"] = _mapped(columns["customer_id"], *customers)
    columns["lead_id"] = _mapped(columns["lead_id"], *leads)
    columns["purpose"] = pc.fill_null(columns["purpose"], "")
    return pa.Table.from_arrays(
        [pa.array([tenant] * count, pa.int64()), *columns.values()], names=["tenant_id", *COLUMNS]
    )


def reset() -> dict[str, Any]:
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {TARGET}")
            cursor.execute("CHECKPOINT")
        else:
            cursor.execute(f"DELETE FROM {TARGET}")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"seconds": time.perf_counter() - started}


def drop_foreign_keys() -> dict[str, Any]:
    """For the control experiment only: the activity table without its foreign-key constraints."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            raise SystemExit("the control experiment drops constraints on PostgreSQL only")
        cursor.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'", [TARGET]
        )
        names = [name for (name,) in cursor.fetchall()]
        for name in names:
            cursor.execute(f'ALTER TABLE {TARGET} DROP CONSTRAINT "{name}"')
    return {"dropped": len(names)}


def main(argv: list[str]) -> int:
    _django()
    step = argv[0]
    if step == "setup":
        figures = setup(json.loads(argv[1]))
    elif step == "import":
        figures = validated(argv[1])
    elif step == "bare":
        figures = bare(argv[1])
    elif step == "bare-unindexed":
        figures = bare(argv[1], unindexed=True)
    elif step == "reset":
        figures = reset()
    elif step == "drop-foreign-keys":
        figures = drop_foreign_keys()
    else:
        raise SystemExit(f"unknown step {step!r}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
