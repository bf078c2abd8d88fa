"""The engine's input contract: a bundle of Arrow tables keyed by integer surrogate keys.

Loading these tables from the database is the job of an adapter outside the engine; the
engine only needs columns of the declared types. Keys (``employee_key``, ``customer_key``,
``owner_key``) are the database primary keys, so joins stay on integers; ``employee_id`` is
the human identifier used in exports and tie-breaks.

Column types, as Arrow types, after :class:`Facts` normalised them:

========== ================================================================================
table      columns (``?`` = nullable)
========== ================================================================================
employees  employee_key int64, employee_id string, team string, department string?,
           role string, hire_date date32, timezone string (IANA name)
activities employee_key int64, customer_key int64?, purpose string? (screening |
           needs_discovery | follow_up | demo | support), started_at ts, duration_minutes
           int64?, inbound_at ts?, replied_at ts?
leads      owner_key int64 (the current owner), created_at ts, qualified_at ts?, won_at ts?
orders     customer_key int64?, employee_key int64, ordered_at ts, amount decimal128(20,4),
           currency string
feedback   employee_key int64, submitted_at ts, csat int64? (1-5), nps int64? (0-10),
           complaint bool
tasks      employee_key int64, due_at ts, completed_at ts?
targets    employee_key int64, month string 'YYYY-MM', metric string, value decimal128(20,4)
fx_rates   date date32, base string, quote string, rate decimal128(20,10)
           (1 base = rate x quote)
========== ================================================================================

``ts`` is ``timestamp[us, tz=UTC]``. Any timezone-aware timestamp unit is accepted and
converted exactly (a lossy conversion raises); integer columns of any width are widened;
string columns may be plain, large or dictionary-encoded (dictionary encoding is kept: it
is how large low-cardinality columns such as ``purpose`` stay small in memory); decimals
are rescaled exactly or refused. Extra columns are ignored. A missing table is empty.

Magnitudes: the engine computes with 64-bit units, so an order amount or target must stay
below 10**14 and a rate below 10**8; a larger value makes :func:`evaluate` fail loudly rather
than round. Sums (revenue) are 128-bit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfoNotFoundError

import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
import pyarrow.compute as pc  # type: ignore[import-untyped, unused-ignore]
import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]

from keepwell.core.periods import zone
from keepwell.engine.errors import InvalidFacts

FACTS_MANIFEST = "facts.json"
FACTS_FORMAT_VERSION = 1


class ColumnKind(StrEnum):
    INT64 = "int64"
    STRING = "string"
    TIMESTAMP = "timestamp"
    DATE = "date"
    MONEY = "decimal(20,4)"
    RATE = "decimal(20,10)"
    BOOL = "bool"


_ARROW_TYPES: dict[ColumnKind, pa.DataType] = {
    ColumnKind.INT64: pa.int64(),
    ColumnKind.STRING: pa.string(),
    ColumnKind.TIMESTAMP: pa.timestamp("us", tz="UTC"),
    ColumnKind.DATE: pa.date32(),
    ColumnKind.MONEY: pa.decimal128(20, 4),
    ColumnKind.RATE: pa.decimal128(20, 10),
    ColumnKind.BOOL: pa.bool_(),
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: ColumnKind
    nullable: bool = False


@dataclass(frozen=True)
class TableContract:
    """Name and columns of one fact table."""

    name: str
    columns: tuple[Column, ...]
    # Columns with few distinct values, read dictionary-encoded from Parquet to save memory.
    dictionary_columns: tuple[str, ...] = ()

    @property
    def schema(self) -> pa.Schema:
        return pa.schema(
            [pa.field(column.name, _ARROW_TYPES[column.kind], column.nullable) for column in self.columns]
        )

    def empty(self) -> pa.Table:
        return self.schema.empty_table()


_I, _S, _T, _D = ColumnKind.INT64, ColumnKind.STRING, ColumnKind.TIMESTAMP, ColumnKind.DATE

EMPLOYEES = TableContract(
    "employees",
    (
        Column("employee_key", _I),
        Column("employee_id", _S),
        Column("team", _S),
        Column("department", _S, nullable=True),
        Column("role", _S),
        Column("hire_date", _D),
        Column("timezone", _S),
    ),
)
ACTIVITIES = TableContract(
    "activities",
    (
        Column("employee_key", _I),
        Column("customer_key", _I, nullable=True),
        Column("purpose", _S, nullable=True),
        Column("started_at", _T),
        Column("duration_minutes", _I, nullable=True),
        Column("inbound_at", _T, nullable=True),
        Column("replied_at", _T, nullable=True),
    ),
    dictionary_columns=("purpose",),
)
LEADS = TableContract(
    "leads",
    (
        Column("owner_key", _I),
        Column("created_at", _T),
        Column("qualified_at", _T, nullable=True),
        Column("won_at", _T, nullable=True),
    ),
)
ORDERS = TableContract(
    "orders",
    (
        Column("customer_key", _I, nullable=True),
        Column("employee_key", _I),
        Column("ordered_at", _T),
        Column("amount", ColumnKind.MONEY),
        Column("currency", _S),
    ),
    dictionary_columns=("currency",),
)
FEEDBACK = TableContract(
    "feedback",
    (
        Column("employee_key", _I),
        Column("submitted_at", _T),
        Column("csat", _I, nullable=True),
        Column("nps", _I, nullable=True),
        Column("complaint", ColumnKind.BOOL),
    ),
)
TASKS = TableContract(
    "tasks",
    (Column("employee_key", _I), Column("due_at", _T), Column("completed_at", _T, nullable=True)),
)
TARGETS = TableContract(
    "targets",
    (
        Column("employee_key", _I),
        Column("month", _S),
        Column("metric", _S),
        Column("value", ColumnKind.MONEY),
    ),
)
FX_RATES = TableContract(
    "fx_rates",
    (Column("date", _D), Column("base", _S), Column("quote", _S), Column("rate", ColumnKind.RATE)),
)

TABLE_CONTRACTS: dict[str, TableContract] = {
    contract.name: contract
    for contract in (EMPLOYEES, ACTIVITIES, LEADS, ORDERS, FEEDBACK, TASKS, TARGETS, FX_RATES)
}


def _is_string_like(data_type: pa.DataType) -> bool:
    if pa.types.is_dictionary(data_type):
        return _is_string_like(data_type.value_type)
    return bool(pa.types.is_string(data_type) or pa.types.is_large_string(data_type))


def _normalise_column(table_name: str, column: Column, values: pa.ChunkedArray) -> pa.ChunkedArray:
    source = values.type
    target = _ARROW_TYPES[column.kind]
    where = f"{table_name}.{column.name}"
    try:
        if column.kind is ColumnKind.STRING:
            if not (_is_string_like(source) or pa.types.is_null(source)):
                raise InvalidFacts(f"{where} must be a string column, got {source}")
            # Plain, large and dictionary strings all scan the same way; keep them as they are.
            return values if not pa.types.is_null(source) else values.cast(target)
        if column.kind is ColumnKind.TIMESTAMP:
            if pa.types.is_timestamp(source) and source.tz is None:
                raise InvalidFacts(f"{where} must be timezone-aware (naive timestamps are ambiguous)")
            if not (pa.types.is_timestamp(source) or pa.types.is_null(source)):
                raise InvalidFacts(f"{where} must be a timestamp, got {source}")
        elif column.kind is ColumnKind.INT64:
            if not (pa.types.is_integer(source) or pa.types.is_null(source)):
                raise InvalidFacts(f"{where} must be an integer column, got {source}")
        elif column.kind is ColumnKind.DATE:
            if not (pa.types.is_date(source) or pa.types.is_null(source)):
                raise InvalidFacts(f"{where} must be a date column, got {source}")
        elif column.kind in (ColumnKind.MONEY, ColumnKind.RATE):
            if not (pa.types.is_decimal(source) or pa.types.is_integer(source) or pa.types.is_null(source)):
                raise InvalidFacts(f"{where} must be a decimal column, got {source}")
        elif column.kind is ColumnKind.BOOL and not (pa.types.is_boolean(source) or pa.types.is_null(source)):
            raise InvalidFacts(f"{where} must be a boolean column, got {source}")
        # A safe cast refuses anything lossy (sub-microsecond digits, extra decimal places).
        return values if source == target else values.cast(target, safe=True)
    except pa.ArrowInvalid as error:
        raise InvalidFacts(f"{where} cannot be converted to {target} exactly: {error}") from error


def normalise_table(contract: TableContract, table: pa.Table | None) -> pa.Table:
    """Check ``table`` against ``contract`` and return it with exactly the contract's columns."""
    if table is None:
        return contract.empty()
    if isinstance(table, pa.RecordBatch):
        table = pa.Table.from_batches([table])
    if not isinstance(table, pa.Table):
        raise InvalidFacts(f"{contract.name} must be a pyarrow.Table, got {type(table).__name__}")
    arrays = []
    for column in contract.columns:
        if column.name not in table.column_names:
            raise InvalidFacts(f"{contract.name} has no column {column.name!r}")
        values = _normalise_column(contract.name, column, table.column(column.name))
        if not column.nullable and values.null_count:
            raise InvalidFacts(f"{contract.name}.{column.name} has {values.null_count} null value(s)")
        arrays.append(values)
    names = [column.name for column in contract.columns]
    return pa.Table.from_arrays(arrays, names=names)


def _check_employees(employees: pa.Table) -> None:
    keys = employees.column("employee_key")
    if pc.count_distinct(keys).as_py() != len(keys):
        raise InvalidFacts("employees.employee_key has duplicates")
    for name in pc.unique(employees.column("timezone")).to_pylist():
        try:
            zone(name)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise InvalidFacts(f"employees.timezone {name!r} is not an IANA time zone") from error


def _check_targets(targets: pa.Table) -> None:
    months = targets.column("month")
    valid = pc.match_substring_regex(months, r"^\d{4}-(0[1-9]|1[0-2])$")
    if pc.any(pc.invert(valid)).as_py():
        bad = pc.filter(months, pc.invert(valid))[0].as_py()
        raise InvalidFacts(f"targets.month {bad!r} is not YYYY-MM")


# DuckDB's names for the contract's column kinds: what a scanned fact table's query must yield.
DUCKDB_TYPES: dict[ColumnKind, str] = {
    ColumnKind.INT64: "BIGINT",
    ColumnKind.STRING: "VARCHAR",
    ColumnKind.TIMESTAMP: "TIMESTAMP WITH TIME ZONE",
    ColumnKind.DATE: "DATE",
    ColumnKind.MONEY: "DECIMAL(20,4)",
    ColumnKind.RATE: "DECIMAL(20,10)",
    ColumnKind.BOOL: "BOOLEAN",
}


@dataclass(frozen=True)
class FactScan:
    """Fact tables that the engine reads itself, inside its own DuckDB session, instead of Arrow tables.

    ``setup`` are the statements that make the queries runnable in a fresh DuckDB connection (loading a
    scanner extension, attaching a database read-only); they run first. ``queries`` map fact table names
    (not ``employees``) to a SELECT yielding that table's columns as :data:`DUCKDB_TYPES` names them (any
    integer type is widened; other differences are refused). Every query runs in one DuckDB transaction,
    so a source that keeps a snapshot per transaction (PostgreSQL) is read in one consistent state.

    Tables named in ``streamed`` are never held: each use scans the source again, with the engine's
    filters and column choice pushed into the scan. That suits a table too large to copy, used by few
    streams (the activities). The others are read once, as Arrow, and checked like given tables. Nulls in
    a streamed table's non-nullable columns are the source's to prevent (its NOT NULL constraints).
    """

    # May hold credentials (an ATTACH with a password): never shown in a repr, a log or a traceback.
    setup: tuple[str, ...] = field(repr=False)
    queries: dict[str, str] = field(default_factory=dict)
    streamed: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = sorted(set(self.queries) - (set(TABLE_CONTRACTS) - {"employees"}))
        if unknown:
            raise InvalidFacts(f"cannot scan {', '.join(unknown)}: not a fact table (employees are given)")
        unqueried = sorted(self.streamed - set(self.queries))
        if unqueried:
            raise InvalidFacts(f"cannot stream {', '.join(unqueried)}: no query")


@dataclass(frozen=True, eq=False)
class Facts:
    """Everything the metrics engine reads, as normalised Arrow tables.

    Construct it with keyword arguments; omitted fact tables are empty. Construction checks
    every table against :data:`TABLE_CONTRACTS` and raises :class:`InvalidFacts` otherwise.
    ``tenant_id`` is only used as the group id when benchmarking over the whole tenant. ``scan`` names
    tables the engine reads itself (see :class:`FactScan`); those are not given as Arrow tables.
    """

    employees: pa.Table
    reporting_currency: str
    activities: pa.Table = field(default_factory=ACTIVITIES.empty)
    leads: pa.Table = field(default_factory=LEADS.empty)
    orders: pa.Table = field(default_factory=ORDERS.empty)
    feedback: pa.Table = field(default_factory=FEEDBACK.empty)
    tasks: pa.Table = field(default_factory=TASKS.empty)
    targets: pa.Table = field(default_factory=TARGETS.empty)
    fx_rates: pa.Table = field(default_factory=FX_RATES.empty)
    tenant_id: str = "tenant"
    scan: FactScan | None = None

    def __post_init__(self) -> None:
        if not self.reporting_currency:
            raise InvalidFacts("reporting_currency is required")
        for name in self.scan.queries if self.scan else ():
            given = getattr(self, name)
            if given is not None and len(given):
                raise InvalidFacts(f"{name} is both given and scanned")
        for name, contract in TABLE_CONTRACTS.items():
            # Frozen dataclass: normalising in place is the documented escape hatch.
            object.__setattr__(self, name, normalise_table(contract, getattr(self, name)))
        _check_employees(self.employees)
        _check_targets(self.targets)

    def tables(self) -> dict[str, pa.Table]:
        """The fact tables by name (a scanned one is empty here)."""
        return {name: getattr(self, name) for name in TABLE_CONTRACTS}

    def with_tables(self, tables: dict[str, pa.Table], scan: FactScan | None) -> Facts:
        """These facts with ``tables`` given (checked as any given table is) and ``scan`` instead."""
        given = {name: tables.get(name, getattr(self, name)) for name in TABLE_CONTRACTS}
        return Facts(reporting_currency=self.reporting_currency, tenant_id=self.tenant_id, scan=scan, **given)

    @property
    def row_count(self) -> int:
        """Total rows over the given fact tables (for progress and benchmark reports)."""
        return sum(table.num_rows for table in self.tables().values())

    def to_parquet_dir(self, path: str | Path) -> None:
        """Write one ``<table>.parquet`` per table plus a ``facts.json`` manifest."""
        if self.scan is not None:
            raise InvalidFacts("scanned tables are not held here; only given tables can be written")
        directory = Path(path)
        directory.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables().items():
            pq.write_table(table, directory / f"{name}.parquet")
        manifest = {
            "format": FACTS_FORMAT_VERSION,
            "reporting_currency": self.reporting_currency,
            "tenant_id": self.tenant_id,
        }
        (directory / FACTS_MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def from_parquet_dir(cls, path: str | Path) -> Facts:
        """Read what :meth:`to_parquet_dir` wrote (or any directory laid out the same way)."""
        directory = Path(path)
        try:
            manifest = json.loads((directory / FACTS_MANIFEST).read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise InvalidFacts(f"{directory} has no {FACTS_MANIFEST}") from error
        tables: dict[str, pa.Table | None] = {}
        for name, contract in TABLE_CONTRACTS.items():
            file = directory / f"{name}.parquet"
            tables[name] = (
                pq.read_table(
                    file,
                    columns=[column.name for column in contract.columns],
                    read_dictionary=list(contract.dictionary_columns) or None,
                )
                if file.exists()
                else None
            )
        employees = tables.pop("employees")
        if employees is None:
            raise InvalidFacts(f"{directory} has no employees.parquet")
        return cls(
            employees=employees,
            reporting_currency=str(manifest["reporting_currency"]),
            tenant_id=str(manifest.get("tenant_id", "tenant")),
            **{
                name: table if table is not None else TABLE_CONTRACTS[name].empty()
                for name, table in tables.items()
            },
        )


FACT_FIELD_NAMES = tuple(item.name for item in fields(Facts))
