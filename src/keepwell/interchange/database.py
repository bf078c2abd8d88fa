"""Staging and applying checked batches in the database, set-wise, inside the import's transaction.

Every batch goes into a TEMP staging table (PostgreSQL: ``COPY``; SQLite: ``executemany``). SQL then
marks what only the database can tell — a key seen earlier in the file (``kw_import_seen`` keeps each
key's first row: it grows with the file on the database side, never in Python), a reference to an id the
tenant does not have, a clash with another row's unique pair — and upserts the good rows with one
``INSERT … SELECT … ON CONFLICT DO UPDATE``, resolving ids to primary keys by joins.

Employees are the exception: a manager may come later in the same file, so the whole file is staged
first and resolved at the end (unknown managers and management cycles, then teams, people, managers).

Values written are exactly what the ORM writes: on SQLite, timestamps as ``YYYY-MM-DD HH:MM:SS[.ffffff]``
text in UTC, decimals as text into NUMERIC columns (SQLite's affinity does the rest, as for the ORM),
booleans as 0/1; on PostgreSQL, typed values.
"""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
from django.apps import apps
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model
from django.db.utils import IntegrityError

from keepwell.crm.partitions import (
    build_like,
    create_partitions,
    is_partitioned,
    partition_of,
    swap_partition,
)
from keepwell.interchange import pgbinary
from keepwell.interchange.entities import REFERENCED_ID, Column, Entity, Kind
from keepwell.interchange.readers import BadRecord
from keepwell.interchange.validation import CheckedBatch

STAGE = "kw_import_stage"
SEEN = "kw_import_seen"
UPDATES = "kw_import_updates"
# SQLite page cache for the import's connection: the target's indexes stay in memory while they grow.
SQLITE_CACHE_KIB = 64 * 1024
# SQLite: files of at least this many rows, and at least as many as the table holds, build the table's
# secondary indexes after their rows are in rather than row by row.
SQLITE_DEFER_INDEXES_ROWS = 100_000
# SQLite: helper threads sorting an index built after the rows are in, and the page cache meanwhile (the
# size of each thread's sorted runs: at 5M rows 16 MiB builds faster than 64 MiB, in a quarter of the memory).
SQLITE_SORT_THREADS = 2
SQLITE_SORT_CACHE_KIB = 16 * 1024
# PostgreSQL: a file of at least this many rows into a tenant whose partition of a partitioned table is
# empty builds that partition as a new table and swaps it in (``keepwell.crm.partitions``), resolving
# references from maps of the referenced ids held in memory while it lasts — up to this many ids in all.
POSTGRES_BULK_ROWS = 100_000
POSTGRES_BULK_MAX_REFERENCED = 5_000_000
_SEPARATOR = "\x1f"  # between ids in a management-chain path; never in an id we would accept


@dataclass(frozen=True)
class Encoded:
    """Batches ready to load: the payload, the staged columns it fills, and what the checks count on."""

    data: Any
    columns: list[str]
    rows: int
    good: int  # rows without a validation problem
    keys: list[pa.Array]  # the keys present, by unique key (entity key first); composite ones joined
    # Rows already found wrong when encoded (a new partition's load): (row, column, reason), by row.
    rejected: tuple[tuple[int, str, str], ...] = ()

    @property
    def keyed(self) -> list[int]:
        return [len(keys) for keys in self.keys]

    def distinct(self, index: int) -> bool:
        """Whether the keys of unique key ``index`` are distinct among these rows (Arrow hashing)."""
        keys = self.keys[index]
        return len(pc.unique(keys)) == len(keys)

    @classmethod
    def combine(cls, items: list[Encoded]) -> Encoded:
        """What several loaded batches add up to, to apply them together."""
        if len(items) == 1:
            return items[0]
        keys = [pa.concat_arrays([item.keys[index] for item in items]) for index in range(len(items[0].keys))]
        rejected = tuple(rejection for item in items for rejection in item.rejected)
        rows, good = sum(item.rows for item in items), sum(item.good for item in items)
        return cls(None, [], rows, good, keys, rejected)


class BulkLoadRefused(Exception):
    """The rows of a new partition break a unique key or a reference: import the file row-wise instead."""


@dataclass(frozen=True)
class _Bulk:
    """A tenant's first large file: its rows go into a new table that becomes the tenant's partition."""

    table: str  # the new table
    # By referencing column: the referenced ids and their primary keys (Arrow arrays, same order).
    references: dict[str, tuple[pa.Array, pa.Array]]
    # The PostgreSQL type of each column written, when ``pgbinary`` can write them all (else CSV).
    types: dict[str, str] | None


@dataclass(frozen=True)
class Applied:
    """What one batch (or the whole file) did."""

    imported: int
    updated: int
    rejections: list[tuple[int, str, str]]  # (row, column, reason), staged rows only, by row


def _model(entity: Entity) -> type[Model]:
    return apps.get_model(entity.model)


def _value_name(column: Column) -> str:
    return f"v_{column.name}"


def _raw_name(column: Column) -> str:
    return f"raw_{column.name}"


def _org_units() -> str:
    return str(apps.get_model("people", "OrgUnit")._meta.db_table)


def _referenced_model(entity_name: str) -> type[Model]:
    from keepwell.interchange.entities import ENTITIES

    return _model(ENTITIES[entity_name])


class Stage:
    """The staging tables and statements of one import, on the connection of its transaction."""

    vendor = ""
    # Staged rows applied together: each application joins the referenced tables once.
    group_rows = 0

    def __init__(
        self, connection: BaseDatabaseWrapper, entity: Entity, tenant_id: int, *, allow_bulk: bool = True
    ) -> None:
        self.allow_bulk = allow_bulk
        self.connection = connection
        self.entity = entity
        self.tenant = int(tenant_id)
        self.model = _model(entity)
        self.table = self.model._meta.db_table
        self.keep_raw = entity.whole_file
        self.staged_columns = self._staged_columns()

    # -- naming and types ---------------------------------------------------------------------------

    def _staged_columns(self) -> list[str]:
        names = ["row_no"] + [_value_name(column) for column in self.entity.columns]
        if self.keep_raw:
            names += [_raw_name(column) for column in self.entity.columns]
        return [*names, "err_col", "err_reason"]

    def _blank_when_missing(self, column: Column) -> bool:
        field = self.model._meta.get_field(column.model_field)
        return (
            not column.required and not field.null and field.get_internal_type() in ("CharField", "TextField")
        )

    def _db_column(self, column: Column) -> str:
        field = self.model._meta.get_field(column.model_field)
        assert isinstance(field, Field)
        return str(field.column)

    def quote(self, name: str) -> str:
        return str(self.connection.ops.quote_name(name))

    def stage_type(self, column: Column) -> str:
        raise NotImplementedError

    def timestamp_value(self, expression: str) -> str:
        """A staged timestamp as the value to store."""
        raise NotImplementedError

    def position(self, needle: str, haystack: str) -> str:
        raise NotImplementedError

    # -- lifecycle ----------------------------------------------------------------------------------

    def execute(self, sql: str, params: list[Any] | tuple[Any, ...] | None = None) -> Any:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.rowcount

    def fetch(self, sql: str, params: list[Any] | tuple[Any, ...] | None = None) -> list[tuple[Any, ...]]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())

    def create(self) -> None:
        definitions = ["row_no bigint"]
        definitions += [f"{_value_name(column)} {self.stage_type(column)}" for column in self.entity.columns]
        if self.keep_raw:
            definitions += [f"{_raw_name(column)} text" for column in self.entity.columns]
        definitions += ["err_col text", "err_reason text"]
        self.execute(f"DROP TABLE IF EXISTS {STAGE}")
        self.execute(f"CREATE TEMP TABLE {STAGE} ({', '.join(definitions)}){self.temp_suffix()}")
        for index, key in enumerate(self._unique_keys()):
            seen = f"{SEEN}_{index}"
            columns = [f"k_{name} {self.stage_type(self.entity.column(name))}" for name in key]
            key_list = ", ".join(f"k_{name}" for name in key)
            self.execute(f"DROP TABLE IF EXISTS {seen}")
            self.execute(
                f"CREATE TEMP TABLE {seen} ({', '.join(columns)}, row_no bigint, PRIMARY KEY ({key_list}))"
                f"{self.temp_suffix()}"
            )

    def temp_suffix(self) -> str:
        return ""

    def expect(self, rows: int) -> None:
        """About ``rows`` rows are coming (estimated from the first batch); called before any write."""

    def drop(self) -> None:
        self.execute(f"DROP TABLE IF EXISTS {STAGE}")
        for index, _key in enumerate(self._unique_keys()):
            self.execute(f"DROP TABLE IF EXISTS {SEEN}_{index}")

    def _unique_keys(self) -> list[tuple[str, ...]]:
        return [self.entity.key, *self.entity.unique_together]

    # -- loading (encode runs in the reading thread; it must not touch the database) -----------------

    def encode(self, checked: CheckedBatch) -> Encoded:
        arrays: list[pa.Array] = [checked.raw.rows]
        for column in self.entity.columns:
            arrays.append(self.stage_array(column, checked.values[column.name]))
        if self.keep_raw:
            arrays += [_stageable(checked.raw.columns[column.name]) for column in self.entity.columns]
        good = checked.error_column.null_count
        columns = list(self.staged_columns)
        if good == len(checked):
            columns = columns[:-2]  # no problems: the error columns stay NULL
        else:
            arrays += [checked.error_column, checked.error_reason]
        keys = [_present_keys([checked.values[name] for name in key]) for key in self._unique_keys()]
        return Encoded(self.serialize(arrays, columns), columns, len(checked), good, keys)

    def encode_bad(self, records: list[BadRecord]) -> Encoded:
        """Structurally bad records, staged only for whole-file entities (their raw values are kept)."""
        width = len(self.entity.columns)
        arrays = [pa.array([record.row for record in records], pa.int64())]
        arrays += [pa.nulls(len(records), pa.string()) for _ in range(width)]
        arrays += [
            _stageable(pa.array([record.values[index] or None for record in records], pa.string()))
            for index in range(width)
        ]
        arrays += [
            pa.array([record.column for record in records], pa.string()),
            pa.array([record.reason for record in records], pa.string()),
        ]
        no_keys = [pa.array([], pa.string()) for _ in self._unique_keys()]
        return Encoded(
            self.serialize(arrays, self.staged_columns), self.staged_columns, len(records), 0, no_keys
        )

    def serialize(self, arrays: list[pa.Array], columns: list[str]) -> Any:
        raise NotImplementedError

    def load(self, encoded: Encoded) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def stage_array(self, column: Column, values: pa.Array) -> pa.Array:
        return values

    # -- checks -------------------------------------------------------------------------------------

    def mark_duplicates(self, encoded: Encoded | None = None) -> int:
        """Reject the rows whose key came earlier in the file (the seen table keeps first rows); how many."""
        marked = 0
        for index, key in enumerate(self._unique_keys()):
            seen = f"{SEEN}_{index}"
            staged = [f"v_{name}" for name in key]
            keys = ", ".join(f"k_{name}" for name in key)
            present = " AND ".join(f"{name} IS NOT NULL" for name in staged)
            if encoded is not None and encoded.distinct(index):  # no need to group
                select = f"SELECT {', '.join(staged)}, row_no FROM {STAGE} WHERE {present}"
            else:
                select = (
                    f"SELECT {', '.join(staged)}, min(row_no) FROM {STAGE} WHERE {present} "
                    f"GROUP BY {', '.join(staged)}"
                )
            new = self.execute(
                f"INSERT INTO {seen} ({keys}, row_no) {select} ON CONFLICT ({keys}) DO NOTHING"
            )
            if encoded is not None and new == encoded.keyed[index]:
                continue  # every key is new and distinct: no duplicate in this batch
            same = " AND ".join(f"k.k_{name} = s.v_{name}" for name in key)
            described = key[0] if len(key) == 1 else f"{', '.join(key[:-1])} and {key[-1]}"
            marked += self.execute(
                f"UPDATE {STAGE} AS s SET err_col = %s, "
                f"err_reason = %s || CAST(k.row_no AS TEXT) FROM {seen} AS k "
                f"WHERE {same} AND k.row_no <> s.row_no AND s.err_col IS NULL",
                [key[-1] if index else key[0], f"duplicate {described}, first at row "],
            )
        return marked

    def _lookup(self, column: Column) -> tuple[str, str, str] | None:
        """Where a staged value must be found for its row to be written: (table, id column, what it is).

        References to other entities, and org unit codes except in the employees file (which creates
        its teams beforehand). A manager_id is resolved separately, once the whole file is staged.
        """
        if column.kind is Kind.REFERENCE and column.references != self.entity.name:
            referenced = _referenced_model(column.references)._meta.db_table
            return referenced, REFERENCED_ID[column.references], column.references.rstrip("s")
        if column.kind is Kind.CODE and not self.entity.whole_file:
            return _org_units(), "code", "org unit code"
        return None

    def mark_unknown_references(self) -> int:
        """Reject the rows naming an id or code the tenant does not have; how many."""
        marked = 0
        for column in self.entity.columns:
            lookup = self._lookup(column)
            if lookup is None:
                continue
            table, id_column, what = lookup
            value = _value_name(column)
            marked += self.execute(
                f"UPDATE {STAGE} SET err_col = %s, err_reason = %s || {value} || '''' "
                f"WHERE err_col IS NULL AND {value} IS NOT NULL AND NOT EXISTS ("
                f"SELECT 1 FROM {table} r "
                f"WHERE r.tenant_id = {self.tenant} AND r.{id_column} = {STAGE}.{value})",
                [column.name, f"unknown {what} '"],
            )
        return marked

    def mark_taken_pairs(self) -> int:
        """Contracts: another contract of the same employee already has this sequence number."""
        if self.entity.name != "contracts":
            return 0
        contracts = self.table
        employees = _referenced_model("employees")._meta.db_table
        return self.execute(
            f"UPDATE {STAGE} AS s SET err_col = 'sequence', "
            f"err_reason = 'employee ''' || s.v_employee_id || ''' has contract ''' || c.contract_id "
            f"|| ''' with this sequence already' "
            f"FROM {contracts} AS c, {employees} AS e "
            f"WHERE c.tenant_id = {self.tenant} AND e.tenant_id = {self.tenant} AND e.id = c.employee_id "
            f"AND e.employee_id = s.v_employee_id AND c.sequence = s.v_sequence "
            f"AND c.contract_id <> s.v_contract_id AND s.err_col IS NULL"
        )

    def rejections(self) -> list[tuple[int, str, str]]:
        return [
            (int(row), str(column), str(reason))
            for row, column, reason in self.fetch(
                f"SELECT row_no, err_col, err_reason FROM {STAGE} WHERE err_col IS NOT NULL ORDER BY row_no"
            )
        ]

    # -- the upsert ---------------------------------------------------------------------------------

    def upsert_sql(self) -> str:
        """INSERT … SELECT from the stage into the entity's table, upserting by its key."""
        targets, values, joins, updates = ["tenant_id"], [str(self.tenant)], [], []
        conditions = ["s.err_col IS NULL"]
        insert_only: set[str] = set()
        for column in self.entity.columns:
            staged = f"s.{_value_name(column)}"
            db_column = self._db_column(column)
            lookup = self._lookup(column)
            if column.kind is Kind.REFERENCE and lookup is None:  # manager_id: set once everyone exists
                targets.append(db_column)
                values.append("NULL")
                insert_only.add(db_column)
                continue
            if column.kind in (Kind.REFERENCE, Kind.CODE):
                # Only rows whose references all exist are written; the others are marked afterwards.
                # Employees' team codes need no check: their teams were created beforehand.
                alias = f"r_{column.name}"
                table, id_column, _what = lookup or (_org_units(), "code", "")
                checked = lookup is not None
                joins.append(
                    f"{'' if checked and column.required else 'LEFT '}JOIN {table} {alias} "
                    f"ON {alias}.tenant_id = {self.tenant} AND {alias}.{id_column} = {staged}"
                )
                if checked and not column.required:
                    conditions.append(f"({staged} IS NULL OR {alias}.id IS NOT NULL)")
                expression = f"{alias}.id"
            elif column.kind is Kind.TIMESTAMP:
                expression = self.timestamp_value(staged)
            elif self._blank_when_missing(column):
                expression = f"COALESCE({staged}, '')"  # blank, not NULL, as the model stores it
            else:
                expression = staged
            targets.append(db_column)
            values.append(expression)
        if self.entity.name == "employees":
            targets.append("status")
            values.append("'active'")
            insert_only.add("status")
        if self.entity.name == "contracts":
            targets.append("jurisdiction")
            values.append("r_employee_id.jurisdiction")
            insert_only.add("jurisdiction")
        conflict = ["tenant_id", *(self._db_column(self.entity.column(name)) for name in self.entity.key)]
        updates = [
            f"{self.quote(target)} = EXCLUDED.{self.quote(target)}"
            for target in targets
            if target not in conflict and target not in insert_only
        ]
        return (
            f"INSERT INTO {self.table} ({', '.join(self.quote(target) for target in targets)}) "
            f"SELECT {', '.join(values)} FROM {STAGE} s {' '.join(joins)} WHERE {' AND '.join(conditions)} "
            f"ON CONFLICT ({', '.join(self.quote(name) for name in conflict)}) "
            f"DO UPDATE SET {', '.join(updates)}"
        )

    def existing_sql(self) -> str:
        """How many good staged rows have a key the tenant already has (they will be updates)."""
        joins, conditions = [], [f"t.tenant_id = {self.tenant}"]
        for name in self.entity.key:
            column = self.entity.column(name)
            if column.kind is Kind.REFERENCE:
                referenced = _referenced_model(column.references)._meta.db_table
                alias = f"k_{name}"
                joins.append(f"JOIN {referenced} {alias} ON {alias}.id = t.{self._db_column(column)}")
                conditions.append(f"{alias}.{REFERENCED_ID[column.references]} = s.v_{name}")
            else:
                conditions.append(f"t.{self.quote(self._db_column(column))} = s.v_{name}")
        return (
            f"SELECT count(*) FROM {STAGE} s WHERE s.err_col IS NULL AND EXISTS ("
            f"SELECT 1 FROM {self.table} t {' '.join(joins)} WHERE {' AND '.join(conditions)})"
        )

    def upsert(self) -> tuple[int, int]:
        """Write the good staged rows; (imported, updated)."""
        existing = int(self.fetch(self.existing_sql())[0][0])
        written = self.execute(self.upsert_sql())
        return written - existing, existing

    # -- per batch and whole file -------------------------------------------------------------------

    def apply_batch(self, encoded: Encoded) -> Applied:
        expected = encoded.good - self.mark_duplicates(encoded) - self.mark_taken_pairs()
        imported, updated = self.upsert()
        written = imported + updated
        if written != expected:  # some references are unknown: those rows were not written
            expected -= self.mark_unknown_references()
            if written != expected:
                raise RuntimeError(f"{self.entity.name}: {expected} good rows but {written} written")
        rejections = self.rejections() if written < encoded.rows else []
        self.clear()
        return Applied(imported, updated, rejections)

    def apply_whole_file(self) -> Applied:
        """Employees: managers may come later in the file; resolve them once everything is staged."""
        # Managers are looked up among the staged rows by id: index them, or the lookups are quadratic.
        self.execute(f"CREATE INDEX {STAGE}_key ON {STAGE} (v_employee_id)")
        self.analyze()
        self.mark_duplicates()
        self.mark_unknown_references()
        manager = self.entity.column("manager_id")
        while True:
            changed = self._mark_unknown_managers(manager)
            changed += self._mark_cycles()
            if not changed:
                break
        self._create_teams()
        imported, updated = self.upsert()
        self._set_managers()
        return Applied(imported, updated, [])

    def _mark_unknown_managers(self, manager: Column) -> int:
        employees = self.table
        return int(
            self.execute(
                f"UPDATE {STAGE} SET err_col = 'manager_id', err_reason = %s || v_manager_id || '''' "
                f"WHERE err_col IS NULL AND v_manager_id IS NOT NULL "
                f"AND NOT EXISTS (SELECT 1 FROM {employees} r WHERE r.tenant_id = {self.tenant} "
                f"AND r.employee_id = {STAGE}.v_manager_id) "
                f"AND NOT EXISTS (SELECT 1 FROM {STAGE} o WHERE o.err_col IS NULL "
                f"AND o.v_employee_id = {STAGE}.v_manager_id)",
                ["unknown manager '"],
            )
        )

    def _mark_cycles(self) -> int:
        """Reject the rows whose new manager chain leads back to themselves (file over database)."""
        employees = self.table
        separator = self.separator()
        cycles = self.fetch(
            f"""
            WITH RECURSIVE edges(employee, manager) AS (
                SELECT v_employee_id, v_manager_id FROM {STAGE} WHERE err_col IS NULL
                UNION ALL
                SELECT e.employee_id, m.employee_id FROM {employees} e
                LEFT JOIN {employees} m ON m.id = e.manager_id
                WHERE e.tenant_id = {self.tenant} AND NOT EXISTS (
                    SELECT 1 FROM {STAGE} s WHERE s.err_col IS NULL AND s.v_employee_id = e.employee_id)
            ),
            walk(start, current, path) AS (
                SELECT employee, manager, {separator} || employee || {separator}
                FROM edges WHERE manager IS NOT NULL
                AND employee IN (SELECT v_employee_id FROM {STAGE} WHERE err_col IS NULL)
                UNION ALL
                SELECT w.start, e.manager, w.path || w.current || {separator}
                FROM walk w JOIN edges e ON e.employee = w.current
                WHERE w.current <> w.start AND e.manager IS NOT NULL
                AND {self.position(f"{separator} || w.current || {separator}", "w.path")} = 0
            )
            SELECT start, path FROM walk WHERE current = start
            """
        )
        changed = 0
        for start, path in cycles:
            chain = " → ".join([*str(path).strip(_SEPARATOR).split(_SEPARATOR), str(start)])
            changed += int(
                self.execute(
                    f"UPDATE {STAGE} SET err_col = 'manager_id', err_reason = %s "
                    f"WHERE err_col IS NULL AND v_employee_id = %s",
                    [f"management cycle: {chain}", start],
                )
            )
        return changed

    def separator(self) -> str:
        raise NotImplementedError

    def analyze(self) -> None:
        """Give the planner the staged rows' statistics (temporary tables get none by themselves)."""
        self.execute(f"ANALYZE {STAGE}")

    def _create_teams(self) -> None:
        units = _org_units()
        self.execute(
            f"INSERT INTO {units} (tenant_id, code, name, kind) "
            f"SELECT DISTINCT {self.tenant}, v_team, v_team, 'team' FROM {STAGE} "
            f"WHERE err_col IS NULL AND v_team IS NOT NULL ON CONFLICT (tenant_id, code) DO NOTHING"
        )

    def _set_managers(self) -> None:
        employees = self.table
        self.execute(
            f"UPDATE {employees} SET manager_id = (SELECT m.id FROM {employees} m "
            f"WHERE m.tenant_id = {self.tenant} AND m.employee_id = s.v_manager_id) "
            f"FROM {STAGE} s WHERE {employees}.tenant_id = {self.tenant} "
            f"AND {employees}.employee_id = s.v_employee_id AND s.err_col IS NULL"
        )

    def staged_rejections(self) -> Iterator[tuple[int, str, str, tuple[str, ...]]]:
        """Whole-file entities: every rejected row with its raw values, by row (streamed)."""
        raw = ", ".join(_raw_name(column) for column in self.entity.columns)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT row_no, err_col, err_reason, {raw} FROM {STAGE} "
                f"WHERE err_col IS NOT NULL ORDER BY row_no"
            )
            while chunk := cursor.fetchmany(2000):
                for row, column, reason, *values in chunk:
                    yield int(row), str(column), str(reason), tuple(value or "" for value in values)


class SqliteStage(Stage):
    vendor = "sqlite"

    def stage_type(self, column: Column) -> str:
        return ""  # no affinity: values stay exactly as bound, the target column's affinity applies

    def timestamp_value(self, expression: str) -> str:
        # Django writes str(datetime): no fraction when the microseconds are 0.
        whole_second = f"substr({expression}, 20) = '.000000'"
        return f"CASE WHEN {whole_second} THEN substr({expression}, 1, 19) ELSE {expression} END"

    def position(self, needle: str, haystack: str) -> str:
        return f"instr({haystack}, {needle})"

    def separator(self) -> str:
        return "char(31)"

    def create(self) -> None:
        self._deferred_indexes: list[tuple[str, str]] = []  # (name, CREATE INDEX …) dropped by ``expect``
        with self.connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            self._cache_size = cursor.fetchone()[0]
            cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        super().create()
        if not self.entity.whole_file:
            # Rows an upsert updated rather than inserted, counted by a trigger of this connection only
            # (SQLite has no xmax): no pass over the table to find the existing keys first.
            self.execute(f"DROP TRIGGER IF EXISTS {UPDATES}_trigger")
            self.execute(f"DROP TABLE IF EXISTS {UPDATES}")
            self.execute(f"CREATE TEMP TABLE {UPDATES} (n INTEGER NOT NULL)")
            self.execute(f"INSERT INTO {UPDATES} VALUES (0)")
            self.execute(
                f"CREATE TEMP TRIGGER {UPDATES}_trigger AFTER UPDATE ON main.{self.table} "
                f"BEGIN UPDATE {UPDATES} SET n = n + 1; END"
            )

    def expect(self, rows: int) -> None:
        """A file at least as large as the table and over ``SQLITE_DEFER_INDEXES_ROWS`` rows: the table's
        secondary indexes are dropped now and built again, sorted, once the rows are in (``drop``).

        Inserting a row into an index that has outgrown the page cache costs a page read at a random
        place; building the index afterwards sorts once. The unique indexes stay: the upsert needs them.
        Both happen inside the import's transaction, so a failed or killed import leaves them as they were,
        and readers keep seeing the committed table and its indexes until the import commits.
        """
        if rows < SQLITE_DEFER_INDEXES_ROWS:
            return
        low, high = self.fetch(
            f"SELECT (SELECT min(id) FROM {self.table}), (SELECT max(id) FROM {self.table})"
        )[0]
        if low is not None and rows < int(high) - int(low) + 1:
            return
        unique = {str(row[1]) for row in self.fetch(f"PRAGMA index_list({self.table})") if row[2]}
        self._deferred_indexes = [
            (str(name), str(sql))
            for name, sql in self.fetch(
                "SELECT name, sql FROM sqlite_master"
                " WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
                [self.table],
            )
            if name not in unique
        ]
        for name, _sql in self._deferred_indexes:
            self.execute(f"DROP INDEX {self.quote(name)}")

    def drop(self) -> None:
        super().drop()
        self.execute(f"DROP TRIGGER IF EXISTS {UPDATES}_trigger")
        self.execute(f"DROP TABLE IF EXISTS {UPDATES}")
        if self._deferred_indexes:
            # SQLite sorts an index being built on helper threads when allowed to (off by default), each
            # sorting runs as large as the page cache: a smaller cache keeps them small and quick.
            threads = int(self.fetch("PRAGMA threads")[0][0])
            self.execute(f"PRAGMA threads = {SQLITE_SORT_THREADS}")
            self.execute(f"PRAGMA cache_size = -{SQLITE_SORT_CACHE_KIB}")
            try:
                for _name, sql in self._deferred_indexes:
                    self.execute(sql)
            finally:
                self.execute(f"PRAGMA threads = {threads}")
        self._deferred_indexes = []
        with self.connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(self._cache_size)}")

    def stage_array(self, column: Column, values: pa.Array) -> pa.Array:
        if (
            column.kind is Kind.TIMESTAMP
            or column.kind in (Kind.DATE, Kind.MONTH)
            or column.kind is Kind.DECIMAL
        ):
            return pc.cast(values, pa.string())
        if column.kind is Kind.BOOLEAN:
            return pc.cast(values, pa.int8())
        return values

    def serialize(self, arrays: list[pa.Array], columns: list[str]) -> list[pa.Array]:
        # Python values are made by ``load``, in the writing thread: making them here, in the reading
        # thread, would hold the GIL against executemany, which gives it up and takes it back per row.
        return arrays

    def load(self, encoded: Encoded) -> None:
        if not encoded.rows:
            return
        marks = ", ".join("?" * len(encoded.columns))
        rows = zip(*(array.to_pylist() for array in encoded.data), strict=True)
        with self.connection.cursor() as cursor:
            # The sqlite3 cursor's own method: Django's wrapper would rewrite %s for every batch.
            sqlite3.Cursor.executemany(
                cursor.cursor, f"INSERT INTO {STAGE} ({', '.join(encoded.columns)}) VALUES ({marks})", rows
            )

    def upsert(self) -> tuple[int, int]:
        if self.entity.whole_file:
            return super().upsert()
        before = self._updates()
        written = int(self.execute(self.upsert_sql()))
        updated = self._updates() - before
        return written - updated, updated

    def _updates(self) -> int:
        return int(self.fetch(f"SELECT n FROM {UPDATES}")[0][0])

    def clear(self) -> None:
        self.execute(f"DELETE FROM {STAGE}")


class PostgresStage(Stage):
    vendor = "postgresql"
    # A hash join builds its table of customers or leads once per application: apply ~100,000 rows at once.
    group_rows = 100_000

    _TYPES = {
        Kind.TIMESTAMP: "timestamp",
        Kind.DATE: "date",
        Kind.MONTH: "date",
        Kind.INTEGER: "bigint",
        Kind.DECIMAL: "numeric",
        Kind.BOOLEAN: "boolean",
    }

    def stage_type(self, column: Column) -> str:
        if self.entity.name == "contracts" and column.name == "monthly_base_salary":
            return "text"  # the encrypted token
        return self._TYPES.get(column.kind, "text")

    def timestamp_value(self, expression: str) -> str:
        return f"({expression} AT TIME ZONE 'UTC')"

    def position(self, needle: str, haystack: str) -> str:
        return f"strpos({haystack}, {needle})"

    def separator(self) -> str:
        return "chr(31)"

    def temp_suffix(self) -> str:
        return " ON COMMIT DROP"

    def create(self) -> None:
        self.execute("SET LOCAL TIME ZONE 'UTC'")
        self._analyzed = False
        self.bulk: _Bulk | None = None
        self.partitioned = is_partitioned(self.connection, self.table)
        super().create()

    def expect(self, rows: int) -> None:
        """A large file into a tenant whose partition is empty: load a new partition (``_Bulk``).

        The partition is locked against writes first (reads go on), so that nothing written meanwhile
        could be lost when it is replaced.
        """
        if not self.allow_bulk or rows < POSTGRES_BULK_ROWS or self.entity.whole_file or not self.partitioned:
            return
        create_partitions(self.connection, self.tenant)
        partition = partition_of(self.table, self.tenant)
        self.execute(f"LOCK TABLE {partition} IN EXCLUSIVE MODE")
        if self.fetch(f"SELECT EXISTS (SELECT 1 FROM {partition})")[0][0]:
            return
        references: dict[str, tuple[pa.Array, pa.Array]] = {}
        for column in self.entity.columns:
            if lookup := self._lookup(column):
                table, id_column, _what = lookup
                references[column.name] = self._reference_map(table, id_column)
                if sum(len(ids) for ids, _keys in references.values()) > POSTGRES_BULK_MAX_REFERENCED:
                    return  # too many to hold in memory: row-wise
        table = f"{partition}_load"
        build_like(self.connection, self.table, self.tenant, table)
        types = {
            str(name): str(kind)
            for name, kind in self.fetch(
                "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
                [table],
            )
        }
        written = [types[self._db_column(column)] for column in self.entity.columns]
        binary = all(pgbinary.supported(kind) for kind in written)
        self.bulk = _Bulk(table, references, types if binary else None)

    def _reference_map(self, table: str, id_column: str) -> tuple[pa.Array, pa.Array]:
        sink = io.BytesIO()
        with (
            self.connection.cursor() as cursor,
            cursor.cursor.copy(
                f"COPY (SELECT {id_column}, id FROM {table} WHERE tenant_id = {self.tenant}) "
                f"TO STDOUT (FORMAT csv)"
            ) as copy,
        ):
            for data in copy:
                sink.write(data)
        if not sink.tell():
            return pa.array([], pa.string()), pa.array([], pa.int64())
        sink.seek(0)
        read = pcsv.read_csv(
            sink,
            read_options=pcsv.ReadOptions(column_names=["key", "id"]),
            convert_options=pcsv.ConvertOptions(column_types={"key": pa.string(), "id": pa.int64()}),
        )
        return combined(read["key"]), combined(read["id"])

    def encode(self, checked: CheckedBatch) -> Encoded:
        if self.bulk is None:
            return super().encode(checked)
        # Rows for the new partition: references resolved here, against the maps; unknown ones rejected
        # with the words the row-wise path uses.
        column_at_fault, reason = checked.error_column, checked.error_reason
        resolved: dict[str, pa.Array] = {}
        for column in self.entity.columns:
            lookup = self._lookup(column)
            if lookup is None:
                continue
            ids, keys = self.bulk.references[column.name]
            values = checked.values[column.name]
            positions = pc.index_in(values, value_set=ids)
            missing = pc.and_(pc.is_valid(values), pc.is_null(positions))
            unknown = pc.and_(missing, pc.is_null(column_at_fault))
            if pc.any(unknown).as_py():
                column_at_fault = pc.if_else(unknown, pa.scalar(column.name, pa.string()), column_at_fault)
                quoted = pc.binary_join_element_wise(f"unknown {lookup[2]} '", values, "'", "")
                reason = pc.if_else(unknown, quoted, reason)
            resolved[column.name] = pc.take(keys, positions)
        good = pc.is_null(column_at_fault)
        names, arrays = [], []
        for column in self.entity.columns:
            values = resolved.get(column.name, checked.values[column.name])
            if self._blank_when_missing(column):
                values = pc.fill_null(values, "")
            names.append(self._db_column(column))
            arrays.append(values)
        rows = pa.Table.from_arrays(arrays, names=names).filter(good)
        bad = pc.invert(good)
        rejected = tuple(
            zip(
                checked.raw.rows.filter(bad).to_pylist(),
                column_at_fault.filter(bad).to_pylist(),
                reason.filter(bad).to_pylist(),
                strict=True,
            )
        )
        if not rows.num_rows:
            data = b""
        elif self.bulk.types is not None:
            data = pgbinary.encode([(combined(rows.column(name)), self.bulk.types[name]) for name in names])
        else:
            data = self.serialize(rows.columns, names)
        return Encoded(data, names, len(checked), rows.num_rows, [], rejected)

    def serialize(self, arrays: list[pa.Array], columns: list[str]) -> bytes:
        table = pa.Table.from_arrays(arrays, names=columns)
        sink = io.BytesIO()
        pcsv.write_csv(
            table, sink, write_options=pcsv.WriteOptions(include_header=False, quoting_style="needed")
        )
        return sink.getvalue()

    def load(self, encoded: Encoded) -> None:
        if not encoded.rows or not encoded.data:
            return
        target = STAGE if self.bulk is None else self.bulk.table
        columns = ", ".join(self.quote(name) for name in encoded.columns)
        options = "FORMAT csv"
        if self.bulk is not None:
            # The new table is this transaction's own, invisible to every other until the swap commits:
            # its rows go in frozen, so that neither the first reads nor vacuum have to visit them again.
            options = f"FORMAT {'binary' if self.bulk.types is not None else 'csv'}, FREEZE"
        with (
            self.connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {target} ({columns}) FROM STDIN ({options})") as copy,
        ):
            view = memoryview(encoded.data)
            for start in range(0, len(view), 1 << 20):
                copy.write(view[start : start + (1 << 20)])

    def clear(self) -> None:
        self.execute(f"TRUNCATE {STAGE}")

    def drop(self) -> None:
        super().drop()
        if self.bulk is not None:
            try:
                swap_partition(self.connection, self.table, self.tenant, self.bulk.table)
            except IntegrityError as error:  # a key twice in the file, or a reference deleted meanwhile
                raise BulkLoadRefused(str(error)) from error

    def apply_batch(self, encoded: Encoded) -> Applied:
        if self.bulk is not None:  # written by ``load`` already
            return Applied(encoded.good, 0, list(encoded.rejected))
        if not self._analyzed and encoded.rows >= 1000:
            # Without statistics the planner expects a few rows and probes every reference by index
            # instead of hashing. Batches are alike: once is enough.
            self.analyze()
            self._analyzed = True
        return super().apply_batch(encoded)

    def upsert(self) -> tuple[int, int]:
        if self.entity.whole_file or self.partitioned:
            return super().upsert()  # a partitioned table's RETURNING has no system columns
        # A row a conflict updated carries the updating transaction in xmax; a new row has 0.
        rows = self.fetch(
            f"WITH written AS ({self.upsert_sql()} RETURNING (xmax = 0) AS inserted) "
            f"SELECT count(*) FILTER (WHERE inserted), count(*) FROM written"
        )
        inserted, total = int(rows[0][0]), int(rows[0][1])
        return inserted, total - inserted


def combined(array: Any) -> pa.Array:
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _stageable(text: pa.Array) -> pa.Array:
    """Raw text as it can be staged: PostgreSQL text cannot hold NUL, shown as U+FFFD instead."""
    text = combined(text)
    buffers = text.buffers()
    if len(buffers) > 2 and buffers[2] is not None and b"\x00" in buffers[2].to_pybytes():
        return pc.replace_substring(text, "\x00", "\ufffd")
    return text


def _present_keys(columns: list[pa.Array]) -> pa.Array:
    """The keys of the rows that have every key column (composite keys joined into one text)."""
    present = None
    for values in columns:
        valid = pc.is_valid(values)
        present = valid if present is None else pc.and_(present, valid)
    assert present is not None
    if len(columns) == 1:
        return columns[0].filter(present)
    texts = [pc.cast(values.filter(present), pa.string()) for values in columns]
    return pc.binary_join_element_wise(*texts, _SEPARATOR)


@contextmanager
def import_connection(connection: BaseDatabaseWrapper) -> Iterator[None]:
    """Prepare the connection for an import's transaction (entered before the transaction begins).

    SQLite: foreign-key enforcement is switched off for the connection while it lasts. The import
    resolves every reference itself — inner joins for required ones, and optional ones must find their
    row — and SQLite's write lock, held from BEGIN IMMEDIATE to COMMIT, keeps the referenced rows
    there, so the per-row parent lookups would only repeat the joins (a fifth of the time). Inside an
    enclosing transaction the setting cannot change and enforcement simply stays on.
    """
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys")
        (enforced,) = cursor.fetchone()
        cursor.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if enforced else 'OFF'}")


def stage_for(
    connection: BaseDatabaseWrapper, entity: Entity, tenant_id: int, *, allow_bulk: bool = True
) -> Stage:
    """The stage for ``connection``'s database; ``allow_bulk`` lets it load a new partition (PostgreSQL)."""
    if connection.vendor == "postgresql":
        return PostgresStage(connection, entity, tenant_id, allow_bulk=allow_bulk)
    if connection.vendor == "sqlite":
        return SqliteStage(connection, entity, tenant_id, allow_bulk=allow_bulk)
    raise NotImplementedError(f"imports support SQLite and PostgreSQL, not {connection.vendor}")


def encrypt_salaries(checked: CheckedBatch) -> None:
    """Contracts: the salary as the ORM stores it — the encrypted text of ``str(Decimal(value))``."""
    from keepwell.contracts.models import EmploymentContract

    field = EmploymentContract._meta.get_field("monthly_base_salary")
    good = pc.is_null(checked.error_column)
    texts = checked.raw.columns["monthly_base_salary"]
    tokens = [
        field.get_prep_value(Decimal(text)) if keep and text is not None else None  # type: ignore[attr-defined]
        for keep, text in zip(good.to_pylist(), texts.to_pylist(), strict=True)
    ]
    checked.values["monthly_base_salary"] = pa.array(tokens, pa.string())
