"""Reading a tenant's facts for the metrics engine straight from where they are stored.

DuckDB attaches the application database read-only (its SQLite or PostgreSQL scanner extension, installed
from PyPI with DuckDB itself, so nothing is downloaded at run time) and reads the fact tables set-wise,
typed to the engine's contract (``keepwell.engine.facts``). No Python loop touches a row.

PostgreSQL's facts are scanned by the engine itself, in its own DuckDB session and one snapshot of the
database (``FactScan``), each table in parallel. SQLite's scanner reads an attached table on one thread, so
SQLite tables are read here in id slices on two connections at once, and read again if a commit came in
between.
"""

from __future__ import annotations

import os
import queue
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
from django.apps import apps
from django.conf import settings
from django.db import connection

from keepwell.crm.partitions import partition_of
from keepwell.errors import KeepWellError

if TYPE_CHECKING:
    from keepwell.engine.facts import Facts
    from keepwell.tenancy.models import Tenant

SOURCE_ALIAS = "kw_source"

# The employee dimension: one join over a few thousand rows.
EMPLOYEES_QUERY = """
SELECT e.id AS employee_key, e.employee_id, t.code AS team,
       CASE WHEN d.kind = 'department' THEN d.code END AS department,
       e.role, e.hire_date, e.timezone
FROM {db}.people_employee AS e
JOIN {db}.people_orgunit AS t ON t.id = e.team_id
LEFT JOIN {db}.people_orgunit AS d ON d.id = t.parent_id
WHERE e.tenant_id = {tenant}"""


@dataclass(frozen=True)
class FactRead:
    """One fact table as the engine reads it: the stored table, the columns used, their projection."""

    table: str
    columns: tuple[str, ...]
    # DuckDB expressions over ``columns``, named and typed as ``keepwell.engine.facts`` declares.
    select: str


FACT_READS: dict[str, FactRead] = {
    "activities": FactRead(
        "crm_activity",
        (
            "employee_id",
            "customer_id",
            "purpose",
            "started_at",
            "duration_minutes",
            "inbound_at",
            "replied_at",
        ),
        "employee_id AS employee_key, customer_id AS customer_key, NULLIF(purpose, '') AS purpose,"
        " started_at, duration_minutes, inbound_at, replied_at",
    ),
    "leads": FactRead(
        "crm_lead",
        ("owner_id", "created_at", "qualified_at", "won_at"),
        "owner_id AS owner_key, created_at, qualified_at, won_at",
    ),
    "orders": FactRead(
        "crm_order",
        ("customer_id", "employee_id", "ordered_at", "amount", "currency"),
        "customer_id AS customer_key, employee_id AS employee_key, ordered_at,"
        " CAST(amount AS DECIMAL(20, 4)) AS amount, currency",
    ),
    "feedback": FactRead(
        "crm_feedback",
        ("employee_id", "submitted_at", "csat", "nps", "complaint"),
        "employee_id AS employee_key, submitted_at, CAST(csat AS BIGINT) AS csat, CAST(nps AS BIGINT) AS nps,"
        " CAST(complaint AS BOOLEAN) AS complaint",
    ),
    "tasks": FactRead(
        "crm_task",
        ("employee_id", "due_at", "completed_at"),
        "employee_id AS employee_key, due_at, completed_at",
    ),
    "targets": FactRead(
        "crm_target",
        ("employee_id", "month", "metric", "value"),
        "employee_id AS employee_key, strftime(CAST(month AS DATE), '%Y-%m') AS month, metric,"
        " CAST(value AS DECIMAL(20, 4)) AS value",
    ),
    "fx_rates": FactRead(
        "money_exchangerate",
        ("date", "base", "quote", "rate"),
        "CAST(date AS DATE) AS date, base, quote, CAST(rate AS DECIMAL(20, 10)) AS rate",
    ),
}
# SQLite: ids per slice of a table read in parallel (DuckDB reads one attached SQLite table on one thread),
# and at most this many slices per table (a sparse id range gets wider slices).
SQLITE_SLICE_IDS = 1_000_000
SQLITE_MAX_SLICES = 256
# Fact tables the engine scans where they are used rather than holding them (PostgreSQL).
STREAMED_FACTS = frozenset({"activities"})
# Reads retried when another connection committed while the slices were being read.
CONSISTENT_READ_ATTEMPTS = 3


def _to_encode(name: str, schema: pa.Schema) -> list[int]:
    """Positions of the columns of fact ``name`` that the engine's contract names as low-cardinality and
    that are not dictionary-encoded yet."""
    from keepwell.engine.facts import TABLE_CONTRACTS

    contract = TABLE_CONTRACTS.get(name)
    positions = [
        schema.get_field_index(column) for column in (contract.dictionary_columns if contract else ())
    ]
    return [at for at in positions if at >= 0 and not pa.types.is_dictionary(schema.field(at).type)]


def _dictionary_encoded(name: str, table: pa.Table) -> pa.Table:
    """``table`` with its low-cardinality columns dictionary-encoded, as a Parquet copy of the facts reads
    them: the engine then filters and groups on small integers rather than on millions of strings."""
    for at in _to_encode(name, table.schema):
        table = table.set_column(at, table.schema.field(at).name, pc.dictionary_encode(table.column(at)))
    return table


def _extension_path(module_name: str, extension: str) -> str:
    module = import_module(module_name)
    folder = os.path.join(os.path.dirname(module.__file__ or ""), "extensions", f"v{duckdb.__version__}")
    path = os.path.join(folder, f"{extension}.duckdb_extension")
    if not os.path.exists(path):
        raise RuntimeError(
            f"DuckDB extension {extension} for DuckDB {duckdb.__version__} not found at {path}"
        )
    return path


def _libpq_dsn(database: dict[str, Any]) -> str:
    parts = {
        "host": database.get("HOST") or "",
        "port": str(database.get("PORT") or ""),
        "dbname": database.get("NAME") or "",
        "user": database.get("USER") or "",
        "password": database.get("PASSWORD") or "",
    }
    return " ".join(f"{key}={value}" for key, value in parts.items() if value)


def attach_statements(
    database: dict[str, Any], *, alias: str = SOURCE_ALIAS, read_only: bool = True
) -> tuple[str, tuple[str, ...]]:
    """The vendor of a database described like Django's ``DATABASES`` entry, and the statements that
    attach it to a DuckDB connection as ``alias``."""
    mode = ", READ_ONLY" if read_only else ""
    engine = str(database["ENGINE"])
    if engine.endswith("sqlite3"):
        name = str(database["NAME"]).replace("'", "''")
        return "sqlite", (
            "SET TimeZone = 'UTC'",
            f"LOAD '{_extension_path('duckdb_extension_sqlite_scanner', 'sqlite_scanner')}'",
            f"ATTACH '{name}' AS {alias} (TYPE sqlite{mode})",
        )
    if "postgresql" in engine:
        dsn = _libpq_dsn(database).replace("'", "''")
        return "postgresql", (
            "SET TimeZone = 'UTC'",
            f"LOAD '{_extension_path('duckdb_extension_postgres_scanner', 'postgres_scanner')}'",
            f"ATTACH '{dsn}' AS {alias} (TYPE postgres{mode})",
        )
    raise RuntimeError(f"the metrics engine cannot read a {engine} database")


def attach_database(
    con: duckdb.DuckDBPyConnection,
    database: dict[str, Any],
    *,
    alias: str = SOURCE_ALIAS,
    read_only: bool = True,
) -> str:
    """Attach a database described like Django's ``DATABASES`` entry; return its vendor."""
    vendor, statements = attach_statements(database, alias=alias, read_only=read_only)
    for statement in statements:
        con.execute(statement)
    return vendor


def _source_database() -> dict[str, Any]:
    """The application's database (the test database under tests) as a ``DATABASES`` entry."""
    return {**settings.DATABASES["default"], "NAME": connection.settings_dict["NAME"]}


def attach_source(con: duckdb.DuckDBPyConnection) -> str:
    """Attach the application's database to ``con``, read-only."""
    return attach_database(con, _source_database())


def fact_query(name: str, *, tenant: Tenant, partitions: frozenset[str] = frozenset()) -> str:
    """The typed SELECT of one fact table (or the employees) for one tenant, over the attached database.

    Timestamps are read as they are stored: TIMESTAMPTZ from PostgreSQL; from SQLite, Django's UTC text
    read as TIMESTAMP (UTC wall time), which ``load_facts`` then labels UTC in Arrow without converting:
    a per-row time-zone cast would cost more than the whole scan.
    """
    if name == "employees":
        return EMPLOYEES_QUERY.replace("{db}", SOURCE_ALIAS).replace("{tenant}", str(int(tenant.pk)))
    read = FACT_READS[name]
    if partition_of(read.table, tenant.pk) in partitions:
        # The tenant's own table, read in parallel. It holds the tenant's rows only (a list partition of
        # one tenant id), so no filter: it would make the server send the tenant id with every row.
        return f"SELECT {read.select} FROM {SOURCE_ALIAS}.{partition_of(read.table, tenant.pk)}"
    return f"SELECT {read.select} FROM {SOURCE_ALIAS}.{read.table} WHERE tenant_id = {int(tenant.pk)}"


_INTEGER_FIELDS = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "BigIntegerField",
    "IntegerField",
    "SmallIntegerField",
    "PositiveBigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
}
_SIMPLE_TYPES = {
    "DateTimeField": "TIMESTAMP",
    "DateField": "DATE",
    "BooleanField": "BOOLEAN",
    "CharField": "VARCHAR",
    "TextField": "VARCHAR",
}


def _typed(column: str, field: Any) -> str:
    """``column``'s text, as SQLite hands it over, cast to the type Django stores in it."""
    target = field.target_field if field.is_relation else field
    kind = target.get_internal_type()
    if kind in _INTEGER_FIELDS:
        return f"CAST({column} AS BIGINT)"
    if kind == "DecimalField":
        # SQLite keeps NUMERIC values as REAL; through DOUBLE as DuckDB's SQLite scanner reads them (the
        # direct text-to-DECIMAL cast is also some twenty times slower).
        return f"CAST(CAST({column} AS DOUBLE) AS DECIMAL({target.max_digits}, {target.decimal_places}))"
    if kind in _SIMPLE_TYPES:
        return f"CAST({column} AS {_SIMPLE_TYPES[kind]})"
    raise TypeError(f"{field} ({kind}) has no DuckDB type for the fact reader")


@cache
def _typed_columns(table: str) -> dict[str, str]:
    model = next(model for model in apps.get_models() if model._meta.db_table == table)
    return {str(field.column): _typed(str(field.column), field) for field in model._meta.concrete_fields}


def sqlite_slice_query(name: str, *, tenant: Tenant, low: int, high: int) -> str:
    """The typed SELECT of the rows of one fact table whose ids lie in ``[low, high]``, for one tenant.

    SQLite runs the filter itself (``sqlite_query``: the id range is a seek on the table's b-tree) and hands
    the values over as text, which DuckDB casts to the columns' types; the projection is ``fact_query``'s.
    """
    read = FACT_READS[name]
    typed_columns = _typed_columns(read.table)
    inner = (
        f"SELECT {', '.join(read.columns)} FROM {read.table}"
        f" WHERE tenant_id = {int(tenant.pk)} AND id BETWEEN {int(low)} AND {int(high)}"
    )
    typed = ", ".join(f"{typed_columns[column]} AS {column}" for column in read.columns)
    return (
        f"SELECT {read.select} FROM (SELECT {typed}"
        f" FROM sqlite_query('{SOURCE_ALIAS}', '{inner.replace(chr(39), chr(39) * 2)}')) AS source"
    )


def _sqlite_reads(tenant: Tenant) -> list[tuple[str, str]]:
    """(fact name, query) per slice of every fact table, largest tables first, then the employees."""
    reads: list[tuple[str, int, str]] = []
    with connection.cursor() as cursor:
        for name, read in FACT_READS.items():
            # The table's whole id range, whatever the tenant: SQLite answers a lone min() or max() of the
            # rowid with one b-tree descent, but scans the table for the two in one SELECT.
            cursor.execute(f"SELECT (SELECT min(id) FROM {read.table}), (SELECT max(id) FROM {read.table})")
            low, high = (int(value) if value is not None else None for value in cursor.fetchone())
            if low is None or high is None:
                reads.append((name, 0, sqlite_slice_query(name, tenant=tenant, low=1, high=0)))
                continue
            width = max(SQLITE_SLICE_IDS, -(-(high - low + 1) // SQLITE_MAX_SLICES))
            for start in range(low, high + 1, width):
                end = min(start + width - 1, high)
                sql = sqlite_slice_query(name, tenant=tenant, low=start, high=end)
                reads.append((name, high - low, sql))
    reads.sort(key=lambda item: -item[1])  # stable: slices keep their order within a table
    return [(name, sql) for name, _, sql in reads] + [("employees", fact_query("employees", tenant=tenant))]


def _sqlite_data_version() -> int:
    """Changes whenever another connection commits to the SQLite database."""
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA data_version")
        return int(cursor.fetchone()[0])


class _SliceReaders:
    """``threads`` DuckDB connections (one thread each) to the application's SQLite database."""

    def __init__(self, threads: int) -> None:
        database = _source_database()
        self.connections: list[duckdb.DuckDBPyConnection] = []
        try:
            for _ in range(threads):
                con = duckdb.connect(config={"threads": 1})
                self.connections.append(con)
                attach_database(con, database)
                # After a write (the run's own row), the first table read by a new connection changes
                # SQLite's data version though no one committed; one small read settles it beforehand.
                con.execute(
                    f"SELECT * FROM sqlite_query('{SOURCE_ALIAS}', 'SELECT id FROM tenancy_tenant LIMIT 1')"
                ).fetchall()
        except BaseException:
            self.close()
            raise

    def read(self, reads: list[tuple[str, str]]) -> dict[str, pa.Table]:
        """Run the reads on all connections at once; each fact's slices concatenated in order."""
        idle: queue.SimpleQueue[duckdb.DuckDBPyConnection] = queue.SimpleQueue()
        for con in self.connections:
            idle.put(con)

        def run(name: str, sql: str) -> pa.Table:
            con = idle.get()
            try:
                table = con.execute(sql).to_arrow_table()
            finally:
                idle.put(con)
            return _dictionary_encoded(name, table)  # on this slice's thread, while others read

        with ThreadPoolExecutor(max_workers=len(self.connections)) as pool:
            results = list(pool.map(run, [name for name, _ in reads], [sql for _, sql in reads]))
        pieces: dict[str, list[pa.Table]] = {}
        for (name, _), table in zip(reads, results, strict=True):
            pieces.setdefault(name, []).append(table)
        return {name: pa.concat_tables(tables) for name, tables in pieces.items()}

    def close(self) -> None:
        for con in self.connections:
            con.close()


def _read_sqlite(tenant: Tenant, *, threads: int) -> dict[str, pa.Table]:
    """Every fact table, read in id slices on ``threads`` connections at once.

    Each slice is its own SQLite read, so a commit landing between two of them (an import) would mix
    states: the data version is compared before and after, and the read is done again if it moved.
    """
    readers = _SliceReaders(threads)
    try:
        for _ in range(CONSISTENT_READ_ATTEMPTS):
            before = _sqlite_data_version()
            tables = readers.read(_sqlite_reads(tenant))
            if _sqlite_data_version() == before:
                return tables
            del tables  # before reading again: never two copies in memory
    finally:
        readers.close()
    raise KeepWellError(
        "the facts kept changing while they were read (an import running?); run the evaluation again",
        code="facts_changing",
    )


def _postgres_facts(tenant: Tenant, *, threads: int) -> Facts:
    """The employees read now; every fact table left to the engine to scan, in one snapshot.

    The engine holds the smaller tables and streams the activities: each of their two streams is one
    parallel scan with its time window filtered on the server, so the 26 million rows of a large sales
    force are never copied into memory.
    """
    from keepwell.engine.errors import redacted
    from keepwell.engine.facts import Facts, FactScan

    con = duckdb.connect(config={"threads": threads})
    try:
        try:
            attach_source(con)
        except duckdb.Error as error:
            # The driver's message quotes the connection string: shown without the password, and not chained.
            message = f"the database cannot be read: {redacted(str(error))}"
            raise KeepWellError(message, code="facts_unreadable") from None
        # The tenant's partitions the scanner sees (a partition created by a transaction still open is
        # not among them, nor are its rows: the parent table is read then).
        wanted = [partition_of(read.table, tenant.pk) for read in FACT_READS.values()]
        partitions = frozenset(
            str(name)
            for (name,) in con.execute(
                "SELECT table_name FROM duckdb_tables() "
                "WHERE database_name = ? AND list_contains(?, table_name)",
                [SOURCE_ALIAS, wanted],
            ).fetchall()
        )
        employees = con.execute(fact_query("employees", tenant=tenant)).to_arrow_table()
    finally:
        con.close()
    _, setup = attach_statements(_source_database())
    scan = FactScan(
        setup=setup,
        queries={name: fact_query(name, tenant=tenant, partitions=partitions) for name in FACT_READS},
        streamed=STREAMED_FACTS,
    )
    return Facts(
        employees=employees, reporting_currency=tenant.reporting_currency, tenant_id=tenant.slug, scan=scan
    )


def _utc_labelled(table: pa.Table) -> pa.Table:
    """Naive UTC timestamps as ``timestamp[us, UTC]``: the stored instants are unchanged."""
    for index, field in enumerate(table.schema):
        if pa.types.is_timestamp(field.type) and field.type.tz is None:
            table = table.set_column(
                index, field.name, table.column(index).cast(pa.timestamp("us", tz="UTC"))
            )
    return table


def load_facts(tenant: Tenant, *, threads: int = 2) -> Facts:
    """The tenant's facts as the engine's ``Facts``: on SQLite, Arrow tables read by DuckDB in bulk; on
    PostgreSQL, the employees and a scan of the rest that the engine runs itself."""
    from keepwell.engine.facts import Facts

    if connection.vendor != "sqlite":
        return _postgres_facts(tenant, threads=threads)
    tables = _read_sqlite(tenant, threads=threads)
    return Facts(
        reporting_currency=tenant.reporting_currency,
        tenant_id=tenant.slug,
        **{name: _utc_labelled(table) for name, table in tables.items()},
    )
