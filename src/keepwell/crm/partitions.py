"""The activity table partitioned by tenant, on PostgreSQL.

Activities are by far the largest table (tens of millions of rows for a large sales force), and nothing
refers to them. On PostgreSQL ``crm_activity`` is partitioned by ``tenant_id``, one partition per tenant
(``crm_activity_t<tenant id>``), created with the tenant and dropped with it. Each tenant's activities
are then a table of their own: queries on one tenant read only its partition, and a tenant's first large
import builds its partition as a new table — rows copied in, indexes built once, sorted, foreign keys
checked by one join each — and swaps it in (``swap_partition``) instead of growing three indexes row by
row and checking four foreign keys per row.

The primary key becomes (id, tenant_id), as PostgreSQL requires of a partitioned table's unique
constraints to include the partition key; its index still serves lookups by ``id`` alone. Other unique keys
put ``tenant_id`` last and plain indexes leave it out (``key_partitions``): within a partition it never
differs. SQLite keeps a plain table (an embedded installation holds one company).
"""

from __future__ import annotations

import re
import secrets
import time
from typing import Any

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import OperationalError

from keepwell.errors import KeepWellError

PARTITIONED_TABLES = ("crm_activity",)
# Swapping a partition in takes a moment's exclusive lock on the whole table; waiting for it is bounded.
SWAP_LOCK_TIMEOUT = "2s"
SWAP_ATTEMPTS = 5


def partition_of(table: str, tenant_id: int) -> str:
    return f"{table}_t{int(tenant_id)}"


def is_partitioned(connection: BaseDatabaseWrapper, table: str) -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid "
            "WHERE c.relname = %s AND pg_table_is_visible(c.oid))",
            [table],
        )
        return bool(cursor.fetchone()[0])


def create_partitions(connection: BaseDatabaseWrapper, tenant_id: int) -> None:
    """The tenant's partitions (PostgreSQL, where the tables are partitioned); nothing if they exist."""
    for table in PARTITIONED_TABLES:
        if not is_partitioned(connection, table):
            continue
        partition = partition_of(table, tenant_id)
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s)", [partition])
            if cursor.fetchone()[0] is not None:
                continue
            # Created, then attached: ``CREATE TABLE … PARTITION OF`` would hold an exclusive lock on the
            # whole table until the transaction ends; attaching takes one that lets reads and writes on.
            bound = f"FOR VALUES IN ({int(tenant_id)})"
            like = f"LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS"
            cursor.execute(f"CREATE TABLE {partition} ({like})")
            cursor.execute(f"ALTER TABLE {table} ATTACH PARTITION {partition} {bound}")


def drop_partitions(connection: BaseDatabaseWrapper, tenant_id: int) -> None:
    for table in PARTITIONED_TABLES:
        if is_partitioned(connection, table):
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {partition_of(table, tenant_id)}")


def _fetch(cursor: Any, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    cursor.execute(sql, params)
    return list(cursor.fetchall())


def _definitions(cursor: Any, table: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    """A table's own constraints other than NOT NULL and CHECK — (name, type, definition) — and the
    definitions of its indexes that back no constraint."""
    constraints = [
        (str(name), str(kind), str(definition))
        for name, kind, definition in _fetch(
            cursor,
            "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'f') AND conparentid = 0 "
            "ORDER BY contype DESC, conname",
            [table],
        )
    ]
    indexes = [
        str(definition)
        for (definition,) in _fetch(
            cursor,
            "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid = %s::regclass AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY i.indexrelid",
            [table],
        )
    ]
    return constraints, indexes


def _rebuild(cursor: Any, table: str, *, partitioned: bool, tenants: list[int]) -> None:
    """Replace ``table`` by a partitioned (or plain) copy with the same rows, names and identity."""
    constraints, indexes = _definitions(cursor, table)
    ((last_value, is_called),) = _fetch(
        cursor, f"SELECT last_value, is_called FROM {_fetch(cursor, _SEQUENCE, [table])[0][0]}"
    )
    staging = f"{table}_rebuilt"
    suffix = " PARTITION BY LIST (tenant_id)" if partitioned else ""
    cursor.execute(f"CREATE TABLE {staging} (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS){suffix}")
    if partitioned:
        for tenant in tenants:
            part = partition_of(staging, tenant)
            cursor.execute(f"CREATE TABLE {part} PARTITION OF {staging} FOR VALUES IN ({tenant})")
    cursor.execute(f"INSERT INTO {staging} SELECT * FROM {table}")
    old_partitions = [
        str(name)
        for (name,) in _fetch(
            cursor,
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = %s::regclass",
            [table],
        )
    ]
    cursor.execute(f"DROP TABLE {table}")
    for name in old_partitions:
        cursor.execute(f"DROP TABLE IF EXISTS {name}")
    cursor.execute(f"ALTER TABLE {staging} RENAME TO {table}")
    if partitioned:
        for tenant in tenants:
            part = partition_of(staging, tenant)
            cursor.execute(f"ALTER TABLE {part} RENAME TO {partition_of(table, tenant)}")
    cursor.execute(
        f"ALTER TABLE {table} ALTER COLUMN id "
        f"ADD GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME {table}_id_seq)"
    )
    cursor.execute("SELECT setval(%s, %s, %s)", [f"{table}_id_seq", last_value, is_called])
    for name, kind, definition in constraints:
        if kind == "p":
            definition = "PRIMARY KEY (id, tenant_id)" if partitioned else "PRIMARY KEY (id)"
        cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
    for definition in indexes:
        cursor.execute(definition.replace(" ON ONLY ", " ON "))


_SEQUENCE = "SELECT pg_get_serial_sequence(%s, 'id')"
_KEY = re.compile(r"\(([^()]*)\)")


def _rekeyed(definition: str, *, partitioned: bool, unique: bool) -> str:
    """``definition`` (a UNIQUE constraint's or an index's) with its key columns in the order that suits
    the table: plain, ``tenant_id`` first (every tenant-scoped query seeks on it); partitioned, where each
    partition holds one tenant and ``tenant_id`` is the same in every row, a unique key keeps it last (the
    partition key must be in it) and an index leaves it out — a leading column that never differs would
    only make every comparison go through to the next one."""
    match = _KEY.search(definition)
    if match is None:
        raise ValueError(f"no key columns in {definition!r}")
    columns = [column.strip() for column in match.group(1).split(",")]
    others = [column for column in columns if column != "tenant_id"]
    if not partitioned:
        key = ["tenant_id", *others]
    elif unique:
        key = [*others, "tenant_id"]
    else:
        key = others or columns
    return f"{definition[: match.start(1)]}{', '.join(key)}{definition[match.end(1) :]}"


def _rekey(connection: BaseDatabaseWrapper, *, partitioned: bool) -> None:
    for table in PARTITIONED_TABLES:
        if not is_partitioned(connection, table):
            continue
        with connection.cursor() as cursor:
            constraints, indexes = _definitions(cursor, table)
            for name, kind, definition in constraints:
                if kind != "u":
                    continue
                wanted = _rekeyed(definition, partitioned=partitioned, unique=True)
                if wanted != definition:
                    cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
                    cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {wanted}")
            for definition in indexes:
                wanted = _rekeyed(definition, partitioned=partitioned, unique=False)
                if wanted != definition:
                    cursor.execute(f"DROP INDEX {definition.split()[2]}")
                    cursor.execute(wanted.replace(" ON ONLY ", " ON "))


def key_partitions(connection: BaseDatabaseWrapper) -> None:
    """Migration step: the partitioned tables' unique keys and indexes in the order that suits partitions
    (``_rekeyed``); those of plain tables are left as they are."""
    if connection.vendor == "postgresql":
        _rekey(connection, partitioned=True)


def unkey_partitions(connection: BaseDatabaseWrapper) -> None:
    """Migration step, reversed: ``tenant_id`` first again, as on a plain table."""
    if connection.vendor == "postgresql":
        _rekey(connection, partitioned=False)


def partition_tables(connection: BaseDatabaseWrapper) -> None:
    """Migration step: partition ``PARTITIONED_TABLES`` by tenant (PostgreSQL; SQLite is left as it is)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        tenants = [int(pk) for (pk,) in _fetch(cursor, "SELECT id FROM tenancy_tenant ORDER BY id")]
        for table in PARTITIONED_TABLES:
            if not is_partitioned(connection, table):
                _rebuild(cursor, table, partitioned=True, tenants=tenants)


def unpartition_tables(connection: BaseDatabaseWrapper) -> None:
    """Migration step, reversed: plain tables again."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in PARTITIONED_TABLES:
            if is_partitioned(connection, table):
                _rebuild(cursor, table, partitioned=False, tenants=[])


def build_like(connection: BaseDatabaseWrapper, table: str, tenant_id: int, name: str) -> None:
    """A new, unindexed table shaped like ``table`` to fill with one tenant's rows, then ``swap_partition``.

    Its ``id`` draws from the table's own sequence and its ``tenant_id`` defaults to the tenant.
    """
    with connection.cursor() as cursor:
        (sequence,) = _fetch(cursor, _SEQUENCE, [table])[0]
        cursor.execute(f"CREATE TABLE {name} (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)")
        cursor.execute(f"ALTER TABLE {name} ALTER COLUMN id SET DEFAULT nextval(%s::regclass)", [sequence])
        cursor.execute(f"ALTER TABLE {name} ALTER COLUMN tenant_id SET DEFAULT {int(tenant_id)}")


def swap_partition(connection: BaseDatabaseWrapper, table: str, tenant_id: int, name: str) -> None:
    """Make the filled table ``name`` the tenant's partition of ``table``, replacing the current one.

    Everything that reads rows happens on ``name`` alone, under no lock on ``table``: the partition
    bound as a CHECK constraint, the primary key, unique constraints and indexes built once, the foreign
    keys checked by one join each. A unique constraint that the rows break raises ``IntegrityError``.
    Then, under a short exclusive lock on ``table`` (waited for at most ``SWAP_LOCK_TIMEOUT`` at a time,
    ``SWAP_ATTEMPTS`` times), the old partition is detached and dropped and ``name`` attached in its
    place; PostgreSQL adopts the matching indexes and constraints rather than building them again.
    Runs inside the caller's transaction: until it commits, readers see the old partition.
    """
    partition = partition_of(table, tenant_id)
    # Index names are global and stay with a table renamed: each load names its own afresh.
    prefix = f"{partition}_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        constraints, indexes = _definitions(cursor, table)
        cursor.execute(
            f"ALTER TABLE {name} ALTER COLUMN id DROP DEFAULT, ALTER COLUMN tenant_id DROP DEFAULT"
        )
        cursor.execute(f"ALTER TABLE {name} ADD CONSTRAINT {prefix}_b CHECK (tenant_id = {int(tenant_id)})")
        for index, (_constraint, kind, definition) in enumerate(constraints):
            if kind in ("p", "u"):
                cursor.execute(f"ALTER TABLE {name} ADD CONSTRAINT {prefix}_k{index} {definition}")
        for index, definition in enumerate(indexes):
            columns = definition[definition.index(" USING ") :]
            cursor.execute(f"CREATE INDEX {prefix}_i{index} ON {name}{columns}")
        for index, (_constraint, kind, definition) in enumerate(constraints):
            if kind == "f":
                cursor.execute(f"ALTER TABLE {name} ADD CONSTRAINT {prefix}_f{index} {definition}")
    for attempt in range(1, SWAP_ATTEMPTS + 1):
        try:
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL lock_timeout = '{SWAP_LOCK_TIMEOUT}'")
                cursor.execute(f"ALTER TABLE {table} DETACH PARTITION {partition}")
                cursor.execute(f"DROP TABLE {partition}")
                cursor.execute(f"ALTER TABLE {name} RENAME TO {partition}")
                cursor.execute(
                    f"ALTER TABLE {table} ATTACH PARTITION {partition} FOR VALUES IN ({int(tenant_id)})"
                )
                cursor.execute("SET LOCAL lock_timeout TO DEFAULT")
            return
        except OperationalError as error:
            if getattr(error.__cause__, "sqlstate", None) != "55P03":  # lock_not_available
                raise
            if attempt == SWAP_ATTEMPTS:
                raise KeepWellError(
                    f"{table} stayed busy: its lock to put the new rows in place was not granted "
                    f"({SWAP_ATTEMPTS} attempts); nothing was changed, try again",
                    code="table_busy",
                ) from error
            time.sleep(attempt * 0.5)
