"""Evaluate every metric for every employee and month, set-wise, with DuckDB.

The plan, in SQL over the Arrow fact tables (no Python loop over facts or output rows):

1. Each event stream (see :data:`keepwell.engine.metrics.STREAMS`) places its rows in the
   employee's local month through the calendar lookup table (:mod:`keepwell.engine.calendar`),
   drops what happened at or after ``as_of``, and is aggregated once per employee and month.
2. Orders get their local date the same way and are converted through a table of daily rates
   (each day carrying the latest rate on or before it); their customers are checked for an
   order in the 365 days before with a semi join.
3. The rows (employee x month from the hire month) pick up every numerator and denominator,
   values are divided once with half-even integer rounding, and benchmarks are computed per
   comparison group from those values.

Representation of results (both tables are Arrow):

* ``numerator``, ``denominator``, ``value`` are ``decimal128(38, 14)``. Numerator and
  denominator are exact: integers for counts and minutes, the exact converted sum for money.
* ``value`` is the numerator itself for metrics without a denominator (counts, revenue), and
  otherwise ``numerator / denominator`` (times 100 for nps) rounded half to even to 14 decimal
  places; null when the denominator is 0 or null.
* Benchmark ``mean``, ``median``, ``p90`` and ``top_decile_mean`` are computed exactly from
  those values and rounded half to even to 14 decimal places; ``p90`` and the median use
  linear interpolation at position ``p * (n - 1)`` (numpy's default) with exact arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import duckdb
import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
import pyarrow.compute as pc  # type: ignore[import-untyped, unused-ignore]

from keepwell.core.periods import (
    MICROSECONDS_PER_DAY,
    Month,
    end_of_day,
    first_instant_of_month,
)
from keepwell.engine.calendar import ZONE_SHIFT, CalendarTables, build_calendar
from keepwell.engine.compile import (
    SCALE,
    Quotient,
    StreamAggregation,
    quote_identifier,
    quote_literal,
    rounded_quotients,
)
from keepwell.engine.errors import (
    AmbiguousExchangeRate,
    DuplicateTarget,
    FactsUnreadable,
    InvalidArgument,
    InvalidFacts,
    MissingExchangeRate,
)
from keepwell.engine.facts import DUCKDB_TYPES, TABLE_CONTRACTS, ColumnKind, Facts, FactScan
from keepwell.engine.metrics import METRICS, STREAMS, FromStream, MetricSpec, OverTarget, StreamSpec

GROUP_KINDS = ("team", "department", "role", "tenant")
DECIMAL_TYPE = pa.decimal128(38, SCALE)
_RATE_SCALE = 10
_AMOUNT_SCALE = 4
_REPURCHASE_LOOKBACK = timedelta(days=365)

METRIC_VALUES_SCHEMA = pa.schema(
    [
        pa.field("employee_key", pa.int64(), nullable=False),
        pa.field("employee_id", pa.string(), nullable=False),
        pa.field("month", pa.string(), nullable=False),
        pa.field("metric", pa.string(), nullable=False),
        pa.field("value", DECIMAL_TYPE),
        pa.field("numerator", DECIMAL_TYPE, nullable=False),
        pa.field("denominator", DECIMAL_TYPE),
        pa.field("provisional", pa.bool_(), nullable=False),
    ]
)
BENCHMARKS_SCHEMA = pa.schema(
    [
        pa.field("group_kind", pa.string(), nullable=False),
        pa.field("group_id", pa.string(), nullable=False),
        pa.field("month", pa.string(), nullable=False),
        pa.field("metric", pa.string(), nullable=False),
        pa.field("n", pa.int64(), nullable=False),
        pa.field("mean", DECIMAL_TYPE),
        pa.field("median", DECIMAL_TYPE),
        pa.field("p90", DECIMAL_TYPE),
        pa.field("top_decile_mean", DECIMAL_TYPE),
    ]
)

ProgressCallback = Callable[[str, int, int], None]


@dataclass(frozen=True)
class EngineSettings:
    """DuckDB resources for one evaluation.

    Two threads match the deployment target (a 2-core machine, app and worker sharing it);
    the memory limit bounds DuckDB's own buffers (the Arrow facts live outside it) and makes
    large aggregations spill to ``temp_directory`` instead of growing without bound.
    """

    threads: int = 2
    memory_limit: str = "2GiB"
    temp_directory: str | None = None


@dataclass(frozen=True, eq=False)
class Evaluation:
    """What :func:`evaluate` returns: metric values and benchmarks as Arrow tables."""

    metric_values: pa.Table
    benchmarks: pa.Table
    as_of: date
    group_by: str
    reporting_currency: str


def _to_decimal_sql(units: str) -> str:
    """HUGEINT units, exported by DuckDB as decimal128(38, 0); see :func:`_units_as_decimals`."""
    return f"CAST({units} AS HUGEINT)"


def _units_as_decimals(table: pa.Table, names: Sequence[str]) -> pa.Table:
    """Reinterpret integer units (decimal128(38, 0)) as decimal128(38, SCALE) without copying.

    A decimal128 is its unscaled 128-bit integer; only the type's scale differs. Converting in
    DuckDB instead would cost a DECIMAL multiplication per value.
    """
    for name in names:
        index = table.schema.get_field_index(name)
        column = table.column(index)
        if column.type != pa.decimal128(38, 0):
            raise TypeError(f"{name}: expected decimal128(38, 0) units, got {column.type}")
        chunks = [
            pa.Array.from_buffers(DECIMAL_TYPE, len(chunk), chunk.buffers(), chunk.null_count, chunk.offset)
            for chunk in column.chunks
        ]
        table = table.set_column(index, name, pa.chunked_array(chunks, DECIMAL_TYPE))
    return table


def _decimal_units_sql(column: str, scale: int) -> str:
    """A DECIMAL column as a BIGINT count of ``10**-scale`` units.

    Through DECIMAL(18, scale), whose integer cast is a 64-bit division: casting a wider
    DECIMAL straight to HUGEINT costs DuckDB a 128-bit division per row (~30x slower). Values
    too large for 18 digits fail the cast loudly instead of being truncated.
    """
    return f"CAST(CAST({column} AS DECIMAL(18,{scale})) * {10**scale} AS BIGINT)"


def _timestamp_literal(microseconds: int) -> str:
    instant = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=microseconds)
    return f"TIMESTAMPTZ '{instant.isoformat(sep=' ')}'"


def _month_label_sql(month: str) -> str:
    return f"printf('%04d-%02d', {month} // 12, {month} % 12 + 1)"


@dataclass(frozen=True)
class _Plan:
    as_of: date
    first_month: Month
    last_month: Month
    zones: tuple[str, ...]
    calendar: CalendarTables
    employees: pa.Table


def _validate_arguments(group_by: str, month_from: str | None, month_to: str | None) -> None:
    if group_by not in GROUP_KINDS:
        raise InvalidArgument(f"group_by must be one of {', '.join(GROUP_KINDS)}, got {group_by!r}")
    for label in (month_from, month_to):
        if label is not None:
            try:
                Month.parse(label)
            except ValueError as error:
                raise InvalidArgument(str(error)) from error


def _plan(
    facts: Facts, *, as_of: date, month_from: str | None, month_to: str | None, group_by: str
) -> _Plan | None:
    """Employee dimension (zone, as_of instant, month range, group) and the calendar tables."""
    employees = facts.employees
    zones = tuple(sorted(set(employees.column("timezone").to_pylist())))
    zone_ids = {name: index for index, name in enumerate(zones)}
    as_of_by_zone = {name: end_of_day(name, as_of) for name in zones}

    hire = employees.column("hire_date")
    hire_month = pc.add(pc.multiply(pc.year(hire), 12), pc.subtract(pc.month(hire), 1))
    first = hire_month
    if month_from is not None:
        first = pc.max_element_wise(first, Month.parse(month_from).index)
    last_index = Month.of(as_of).index
    if month_to is not None:
        last_index = min(last_index, Month.parse(month_to).index)
    zone_names = employees.column("timezone").to_pylist()
    if group_by == "tenant":
        groups = pa.array([facts.tenant_id] * employees.num_rows, pa.string())
    else:
        groups = employees.column(group_by).cast(pa.string())
    dimension = pa.table(
        {
            "employee_key": employees.column("employee_key"),
            "employee_id": employees.column("employee_id").cast(pa.string()),
            "group_id": groups,
            "zone_id": pa.array([zone_ids[name] for name in zone_names], pa.int64()),
            "zone_base": pa.array([zone_ids[name] << ZONE_SHIFT for name in zone_names], pa.int64()),
            "as_of": pa.array([as_of_by_zone[name] for name in zone_names], pa.int64()),
            "first_month": first.cast(pa.int64()),
            "last_month": pa.array([last_index] * employees.num_rows, pa.int64()),
        }
    )
    dimension = dimension.filter(pc.less_equal(dimension.column("first_month"), last_index))
    if dimension.num_rows == 0:
        return None
    first_month = Month.from_index(pc.min(dimension.column("first_month")).as_py())
    last_month = Month.from_index(last_index)
    used_zones = sorted({zones[index] for index in pc.unique(dimension.column("zone_id")).to_pylist()})
    # The window must end where the latest zone's last row month or as_of day ends.
    window_end = max(
        min(as_of_by_zone[name], first_instant_of_month(name, last_month.shifted(1))) for name in used_zones
    )
    calendar = build_calendar(zones, first_month=first_month, last_month=last_month, window_end=window_end)
    return _Plan(as_of, first_month, last_month, zones, calendar, dimension)


def _connect(settings: EngineSettings) -> duckdb.DuckDBPyConnection:
    config: dict[str, Any] = {
        "threads": settings.threads,
        "memory_limit": settings.memory_limit,
        # Output order is imposed explicitly; letting DuckDB ignore insertion order saves memory.
        "preserve_insertion_order": False,
    }
    if settings.temp_directory is not None:
        config["temp_directory"] = settings.temp_directory
    connection = duckdb.connect(":memory:", config=config)
    connection.execute("SET TimeZone = 'UTC'")
    connection.execute("SET enable_progress_bar = false")
    return connection


_INTEGER_TYPES = frozenset({"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER"})


def _typed_scan(connection: duckdb.DuckDBPyConnection, name: str, query: str) -> str:
    """``query`` as a SELECT of exactly fact ``name``'s columns, integers widened; other types refused."""
    contract = TABLE_CONTRACTS[name]
    try:
        described = {str(row[0]): str(row[1]) for row in connection.execute(f"DESCRIBE {query}").fetchall()}
    except duckdb.Error as error:
        raise FactsUnreadable(f"{name} cannot be scanned: {error}") from None
    columns = []
    for column in contract.columns:
        found, expected = described.get(column.name), DUCKDB_TYPES[column.kind]
        identifier = quote_identifier(column.name)
        if found is None:
            raise InvalidFacts(f"{name} has no column {column.name!r}")
        if found == expected:
            columns.append(identifier)
        elif column.kind is ColumnKind.INT64 and found in _INTEGER_TYPES:
            columns.append(f"CAST({identifier} AS BIGINT) AS {identifier}")
        else:
            raise InvalidFacts(f"{name}.{column.name} must be {expected}, got {found}")
    return f"SELECT {', '.join(columns)} FROM ({query}) AS scanned"


def _read_scans(connection: duckdb.DuckDBPyConnection, facts: Facts) -> tuple[Facts, dict[str, str]]:
    """The facts with their held scanned tables read (as Arrow, checked like given ones), and the typed
    SELECT of each streamed table.

    Opens the transaction that the session keeps until its last scan (``_run`` ends it after the
    streams): every scan sees the source as it was at the first one.
    """
    scan = facts.scan
    if scan is None:
        return facts, {}
    try:
        for statement in scan.setup:
            connection.execute(statement)
    except duckdb.Error as error:
        raise FactsUnreadable(f"the facts' source cannot be opened: {error}") from None
    connection.execute("BEGIN TRANSACTION")
    held = {}
    for name, query in scan.queries.items():
        if name not in scan.streamed:
            try:
                held[name] = connection.execute(query).to_arrow_table()
            except duckdb.Error as error:
                raise FactsUnreadable(f"{name} cannot be scanned: {error}") from None
    streamed = {name: _typed_scan(connection, name, scan.queries[name]) for name in sorted(scan.streamed)}
    if not streamed:
        connection.execute("COMMIT")  # read: the source's snapshot (and its locks) are let go
    rest = FactScan(scan.setup, {name: scan.queries[name] for name in streamed}, scan.streamed)
    return facts.with_tables(held, rest if streamed else None), streamed


def read_scanned(facts: Facts, settings: EngineSettings | None = None) -> Facts:
    """``facts`` with every scanned table read and held as Arrow, streamed ones included: what an
    evaluation would read, to look at (an evaluation itself streams what it is told to)."""
    if facts.scan is None:
        return facts
    connection = _connect(settings or EngineSettings())
    try:
        everything = FactScan(facts.scan.setup, facts.scan.queries)
        held, _ = _read_scans(connection, facts.with_tables({}, everything))
    finally:
        connection.close()
    return held


@contextmanager
def _engine_errors() -> Iterator[None]:
    try:
        yield
    except (duckdb.ConversionException, duckdb.OutOfRangeException) as error:
        # An amount, rate or sum beyond the documented magnitudes: refuse, never round.
        raise InvalidFacts(f"a value is out of the engine's range: {error}") from error
    except duckdb.IOException as error:  # only a streamed table's scan reads anything
        raise FactsUnreadable(f"the facts' source failed while it was read: {error}") from None


class _Session:
    """The DuckDB connection with the facts and the plan's tables registered."""

    def __init__(
        self, connection: duckdb.DuckDBPyConnection, facts: Facts, plan: _Plan, streamed: dict[str, str]
    ) -> None:
        self.connection = connection
        # DuckDB has no statistics for registered Arrow tables and may build its hash table on
        # the 26-million-row fact side. Every join here is written fact (probe) JOIN dimension
        # (build), so the written order is kept.
        self.connection.execute("SET disabled_optimizers = 'join_order,build_side_probe_side'")
        for name, table in facts.tables().items():
            if name in streamed:
                self.connection.execute(f"CREATE TEMP VIEW fact_{name} AS {streamed[name]}")
            else:
                self.connection.register(f"fact_{name}", table)
        self.connection.register("kw_employees", plan.employees)
        self.connection.register("kw_days", plan.calendar.days)
        self.connection.register("kw_month_starts", plan.calendar.month_starts)
        self.streamed = frozenset(streamed)
        self.plan = plan
        self.reporting_currency = facts.reporting_currency

    def execute(self, sql: str) -> None:
        with _engine_errors():
            self.connection.execute(sql)

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        with _engine_errors():
            return self.connection.execute(sql).fetchall()

    def arrow(self, sql: str) -> pa.Table:
        with _engine_errors():
            return self.connection.sql(sql).to_arrow_table()

    # -- stream rows -------------------------------------------------------------------------

    def located_rows_sql(
        self,
        table: str,
        employee_column: str,
        period: str,
        columns: Sequence[str],
        *,
        with_local_time: bool = False,
    ) -> str:
        """Rows of ``table`` in the window, with employee, local month and cut timestamps.

        ``columns`` are passed through; those ending in ``_at`` become epoch microseconds,
        null when at or after the employee's ``as_of``. The period column is ``__period``;
        ``with_local_time`` adds ``__local``, the period as local wall-clock microseconds.
        """
        calendar = self.plan.calendar
        projected = []
        for column in columns:
            if column == period:
                projected.append(f"source.__period AS {quote_identifier(column)}")
            elif column.endswith("_at"):
                projected.append(
                    f"CASE WHEN epoch_us(source.{quote_identifier(column)}) < e.as_of"
                    f" THEN epoch_us(source.{quote_identifier(column)}) END AS {quote_identifier(column)}"
                )
            else:
                projected.append(f"source.{quote_identifier(column)}")
        raw_columns = sorted({employee_column, period, *columns})
        local_time = (
            "source.__period + CASE WHEN source.__period >= d.offset_cut"
            " THEN d.offset_after ELSE d.offset_before END AS __local,"
            if with_local_time
            else ""
        )
        return f"""
SELECT * EXCLUDE (first_month, last_month) FROM (
  SELECT e.employee_key, e.first_month, e.last_month, source.__period,
         CASE WHEN source.__period >= d.month_cut THEN d.month_after ELSE d.month_before END AS month,
         {local_time}
         {", ".join(projected)}
  FROM (
    SELECT {", ".join(quote_identifier(name) for name in raw_columns)},
           epoch_us({quote_identifier(period)}) AS __period
    FROM fact_{table}
    -- On the microseconds, not the column: a plain column comparison would be pushed into
    -- the Arrow scan, where pyarrow filters by copying every batch (gigabytes at 26 M rows).
    WHERE epoch_us({quote_identifier(period)}) >= {calendar.window_start}
      AND epoch_us({quote_identifier(period)}) < {calendar.window_end}{self._pushed_window(table, period)}
  ) AS source
  JOIN kw_employees AS e ON e.employee_key = source.{quote_identifier(employee_column)}
  JOIN kw_days AS d ON d.key = e.zone_base + (source.__period - {calendar.day_base}) // {MICROSECONDS_PER_DAY}
  WHERE source.__period < e.as_of
) AS located
WHERE month BETWEEN first_month AND last_month"""

    def _pushed_window(self, table: str, period: str) -> str:
        """For a streamed table, the window once more as a plain comparison of the column, which DuckDB
        pushes into the source's scan (a PostgreSQL scan then filters on the server)."""
        if table not in self.streamed:
            return ""
        calendar = self.plan.calendar
        column = quote_identifier(period)
        return (
            f"\n      AND {column} >= {_timestamp_literal(calendar.window_start)}"
            f" AND {column} < {_timestamp_literal(calendar.window_end)}"
        )

    def stream_rows_sql(self, stream: StreamSpec) -> str:
        if stream.id == "order_placed":
            return "SELECT * FROM kw_orders_converted"
        if stream.id == "order_buyer":
            return "SELECT * FROM kw_order_buyers"
        return self.located_rows_sql(stream.table, stream.employee, stream.period, stream.columns)

    # -- orders ------------------------------------------------------------------------------

    def prepare_orders(self) -> None:
        currency = quote_literal(self.reporting_currency)
        located = self.located_rows_sql(
            "orders",
            "employee_key",
            "ordered_at",
            ["ordered_at", "customer_key", "currency", "amount"],
            with_local_time=True,
        )
        self.execute(
            f"""CREATE TEMP TABLE kw_order_rows AS
SELECT employee_key, month, ordered_at, customer_key, CAST(currency AS VARCHAR) AS currency,
       {_decimal_units_sql("amount", _AMOUNT_SCALE)} AS amount_units,
       CAST(make_timestamp(__local) AS DATE) AS local_date
FROM ({located}) AS located"""
        )
        ambiguous = self.rows(
            f"""SELECT CAST(base AS VARCHAR), date FROM fact_fx_rates WHERE quote = {currency}
GROUP BY ALL HAVING count(DISTINCT rate) > 1 ORDER BY 1, 2 LIMIT 1"""
        )
        if ambiguous:
            raise AmbiguousExchangeRate(
                currency=ambiguous[0][0], reporting_currency=self.reporting_currency, on=ambiguous[0][1]
            )
        # One rate per currency and day, carried forward from the latest rate on or before it:
        # the orders then find theirs with an equality join instead of an ASOF join.
        self.execute(
            f"""CREATE TEMP TABLE kw_daily_rates AS
WITH rates AS (
  SELECT DISTINCT CAST(base AS VARCHAR) AS currency, date,
         {_decimal_units_sql("rate", _RATE_SCALE)} AS rate_units
  FROM fact_fx_rates WHERE quote = {currency}
), spans AS (
  SELECT o.currency, least(min(o.local_date), (SELECT min(date) FROM rates WHERE rates.currency = o.currency))
           AS first_day,
         max(o.local_date) AS last_day
  FROM kw_order_rows AS o WHERE o.currency <> {currency} GROUP BY o.currency
), days AS (
  SELECT currency, CAST(unnest(generate_series(CAST(first_day AS TIMESTAMP), CAST(last_day AS TIMESTAMP),
                                               INTERVAL 1 DAY)) AS DATE) AS day
  FROM spans
)
SELECT days.currency, days.day,
       last_value(rates.rate_units IGNORE NULLS) OVER (
         PARTITION BY days.currency ORDER BY days.day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
       ) AS rate_units
FROM days LEFT JOIN rates ON rates.currency = days.currency AND rates.date = days.day"""
        )
        self.execute(
            f"""CREATE TEMP TABLE kw_orders_converted AS
SELECT o.employee_key, o.month, o.ordered_at, o.customer_key, o.currency, o.local_date,
       CASE WHEN o.currency = {currency} THEN CAST(o.amount_units AS HUGEINT) * {10**_RATE_SCALE}
            ELSE CAST(o.amount_units AS HUGEINT) * r.rate_units END AS amount
FROM kw_order_rows AS o
LEFT JOIN kw_daily_rates AS r ON r.currency = o.currency AND r.day = o.local_date"""
        )
        missing = self.rows(
            "SELECT currency, local_date FROM kw_orders_converted WHERE amount IS NULL ORDER BY 1, 2 LIMIT 1"
        )
        if missing:
            raise MissingExchangeRate(
                currency=missing[0][0], reporting_currency=self.reporting_currency, on=missing[0][1]
            )
        lookback = _REPURCHASE_LOOKBACK // timedelta(microseconds=1)
        # Returning: the same customer ordered (from anyone) in [anchor - 365 days, anchor).
        # A semi join on the customer key: each customer has few orders, and it is twice as
        # fast as an ASOF join over all orders.
        self.execute(
            f"""CREATE TEMP TABLE kw_order_buyers AS
SELECT b.employee_key, b.month, b.customer_key,
       EXISTS (
         SELECT 1 FROM (SELECT customer_key, epoch_us(ordered_at) AS ordered_at FROM fact_orders) AS history
         WHERE history.customer_key = b.customer_key
           AND history.ordered_at < b.anchor AND history.ordered_at >= b.anchor - {lookback}
       ) AS "returning"
FROM (
  SELECT employee_key, month, customer_key, min(ordered_at) AS anchor
  FROM kw_order_rows WHERE customer_key IS NOT NULL GROUP BY ALL
) AS b"""
        )

    def prepare_targets(self) -> None:
        duplicate = self.rows(
            """SELECT coalesce(e.employee_id, '#' || t.employee_key::VARCHAR), t.month
FROM fact_targets AS t LEFT JOIN kw_employees AS e USING (employee_key)
WHERE t.metric = 'revenue' GROUP BY ALL HAVING count(*) > 1 ORDER BY 1, 2 LIMIT 1"""
        )
        if duplicate:
            raise DuplicateTarget(employee_id=duplicate[0][0], month=duplicate[0][1])
        self.execute(
            f"""CREATE TEMP TABLE kw_targets AS
SELECT employee_key,
       CAST(substr(month, 1, 4) AS BIGINT) * 12 + CAST(substr(month, 6, 2) AS BIGINT) - 1 AS month,
       CAST({_decimal_units_sql("value", _AMOUNT_SCALE)} AS HUGEINT) AS target
FROM fact_targets WHERE metric = 'revenue'"""
        )


def _empty_evaluation(facts: Facts, as_of: date, group_by: str) -> Evaluation:
    return Evaluation(
        metric_values=METRIC_VALUES_SCHEMA.empty_table(),
        benchmarks=BENCHMARKS_SCHEMA.empty_table(),
        as_of=as_of,
        group_by=group_by,
        reporting_currency=facts.reporting_currency,
    )


def evaluate(
    facts: Facts,
    *,
    as_of: date,
    month_from: str | None = None,
    month_to: str | None = None,
    group_by: str = "team",
    progress: ProgressCallback | None = None,
    settings: EngineSettings | None = None,
) -> Evaluation:
    """Every metric for every employee and month, plus benchmarks per comparison group.

    Rows are every employee x every month from the hire month through the month of
    ``as_of`` (restricted to ``month_from``..``month_to`` when given, both ``'YYYY-MM'``),
    months being calendar months in the employee's zone. ``as_of`` is the end of that date in
    the employee's zone: anything that happened later is unknown. ``group_by`` picks the
    comparison group: ``team`` (default), ``department`` (employees without one are in no
    group), ``role`` or ``tenant`` (group id ``facts.tenant_id``). ``progress`` is called as
    ``progress(step, done, total)``.

    Raises :class:`MissingExchangeRate`, :class:`AmbiguousExchangeRate`,
    :class:`DuplicateTarget` or :class:`InvalidArgument` instead of guessing.
    """
    _validate_arguments(group_by, month_from, month_to)
    connection = _connect(settings or EngineSettings())
    try:
        facts, streamed = _read_scans(connection, facts)
        plan = _plan(facts, as_of=as_of, month_from=month_from, month_to=month_to, group_by=group_by)
        if plan is None:
            return _empty_evaluation(facts, as_of, group_by)
        return _run(_Session(connection, facts, plan, streamed), facts, plan, group_by, progress)
    finally:
        connection.close()


def _run(
    session: _Session, facts: Facts, plan: _Plan, group_by: str, progress: ProgressCallback | None
) -> Evaluation:
    by_stream: dict[str, list[MetricSpec]] = {}
    for spec in METRICS:
        if isinstance(spec.computation, FromStream):
            by_stream.setdefault(spec.computation.stream, []).append(spec)
    steps = ["orders", "targets", *by_stream, "values", "benchmarks"]

    def report(step: str) -> None:
        if progress is not None:
            progress(step, steps.index(step) + 1, len(steps))

    session.prepare_orders()
    report("orders")
    session.prepare_targets()
    report("targets")
    aggregations: dict[str, StreamAggregation] = {}
    for stream_id, specs in by_stream.items():
        aggregation = StreamAggregation(stream_id, specs)
        aggregations[stream_id] = aggregation
        rows_sql = session.stream_rows_sql(STREAMS[stream_id])
        session.execute(f"CREATE TEMP TABLE kw_agg_{stream_id} AS {aggregation.sql(rows_sql)}")
        report(stream_id)
    if session.streamed:
        # Every scan is done: the transaction holding the source's snapshot (and, on PostgreSQL, a lock
        # that a partition swap would wait for) ends; the rest works on DuckDB's own tables.
        session.execute("COMMIT")

    metric_values = _metric_values(session, plan, aggregations)
    report("values")
    benchmarks = _benchmarks(session, group_by)
    report("benchmarks")
    return Evaluation(
        metric_values=metric_values,
        benchmarks=benchmarks,
        as_of=plan.as_of,
        group_by=group_by,
        reporting_currency=facts.reporting_currency,
    )


@dataclass(frozen=True)
class _MetricSql:
    """SQL over the wide row for one metric: outputs in units, and the division to perform."""

    numerator: str
    denominator: str
    # value * 10**SCALE = round_half_even(dividend / divisor); both null for a plain value.
    dividend: str
    divisor: str


# Targets are decimal(20, 4): the quota divisor is the target in 10**-4 units.
_TARGET_SCALE = _AMOUNT_SCALE


def _metric_sql(spec: MetricSpec, aggregations: dict[str, StreamAggregation]) -> _MetricSql:
    computation = spec.computation
    if isinstance(computation, FromStream):
        aggregation = aggregations[computation.stream]
        alias = f"agg_{computation.stream}"
        numerator_scale = StreamAggregation.scale(computation.numerator)
        natural = f"coalesce({aggregation.aggregate_sql(computation.numerator, alias)}, 0::HUGEINT)"
        numerator = f"({natural} * {10 ** (SCALE - numerator_scale)})"
        if computation.denominator is None:
            return _MetricSql(numerator, "NULL::HUGEINT", "NULL::HUGEINT", "NULL::HUGEINT")
        denominator_scale = StreamAggregation.scale(computation.denominator)
        divisor = f"coalesce({aggregation.aggregate_sql(computation.denominator, alias)}, 0::HUGEINT)"
        # numerator / denominator * 10**SCALE == numerator_units * 10**denominator_scale / divisor
        return _MetricSql(
            numerator=numerator,
            denominator=f"({divisor} * {10 ** (SCALE - denominator_scale)})",
            dividend=f"({numerator} * {spec.value_multiplier * 10**denominator_scale})",
            divisor=divisor,
        )
    if isinstance(computation, OverTarget):
        referenced_spec = next(metric for metric in METRICS if metric.id == computation.metric)
        referenced = _metric_sql(referenced_spec, aggregations)
        return _MetricSql(
            numerator=referenced.numerator,
            denominator=f"(target.target * {10 ** (SCALE - _TARGET_SCALE)})",
            dividend=f"({referenced.numerator} * {spec.value_multiplier * 10**_TARGET_SCALE})",
            divisor="target.target",
        )
    raise TypeError(f"unknown computation {computation!r}")


_QUOTA_POSITION = next(position for position, spec in enumerate(METRICS) if spec.id == "quota_attainment")
_REVENUE_POSITION = next(position for position, spec in enumerate(METRICS) if spec.id == "revenue")


def _metric_values(session: _Session, plan: _Plan, aggregations: dict[str, StreamAggregation]) -> pa.Table:
    joins = "\n".join(
        f"LEFT JOIN kw_agg_{stream_id} AS agg_{stream_id}"
        f" ON agg_{stream_id}.employee_key = r.employee_key AND agg_{stream_id}.month = r.month"
        for stream_id in aggregations
    )
    wide_columns = []
    for spec in METRICS:
        parts = _metric_sql(spec, aggregations)
        for suffix, sql in (
            ("n", parts.numerator),
            ("d", parts.denominator),
            ("x", parts.dividend),
            ("y", parts.divisor),
        ):
            wide_columns.append(f"{sql} AS {quote_identifier(f'{spec.id}__{suffix}')}")
    session.execute(
        f"""CREATE TEMP TABLE kw_wide AS
SELECT r.employee_key, r.employee_id, r.group_id, r.month, r.as_of, r.month_end, {", ".join(wide_columns)}
FROM (
  SELECT e.employee_key, e.employee_id, e.group_id, e.as_of, m.month, next_month.start AS month_end
  FROM kw_employees AS e
  JOIN range({plan.first_month.index}, {plan.last_month.index + 1}) AS m(month)
    ON m.month BETWEEN e.first_month AND e.last_month
  JOIN kw_month_starts AS next_month ON next_month.zone_id = e.zone_id AND next_month.month = m.month + 1
) AS r
{joins}
LEFT JOIN kw_targets AS target ON target.employee_key = r.employee_key AND target.month = r.month"""
    )
    selects = []
    for position, spec in enumerate(METRICS):
        if spec.provisional_window is not None:
            window = spec.provisional_window // timedelta(microseconds=1)
            provisional = f"(month_end + {window} > as_of)"
        else:
            provisional = "false"
        column = {suffix: quote_identifier(f"{spec.id}__{suffix}") for suffix in "ndxy"}
        selects.append(
            f"SELECT employee_key, employee_id, group_id, month, {position} AS metric_position,"
            f" {quote_literal(spec.id)} AS metric, {column['n']} AS numerator, {column['d']} AS denominator,"
            f" {column['x']} AS dividend, {column['y']} AS divisor,"
            f" {'true' if spec.is_ratio else 'false'} AS is_ratio, {provisional} AS provisional FROM kw_wide"
        )
    long_sql = "\nUNION ALL\n".join(selects)
    keep = [
        "employee_key",
        "employee_id",
        "group_id",
        "month",
        "metric_position",
        "metric",
        "numerator",
        "denominator",
        "provisional",
        "is_ratio",
    ]
    with_quotients = rounded_quotients(long_sql, [Quotient("ratio_value", "dividend", "divisor")], keep)
    session.execute(
        f"""CREATE TEMP TABLE kw_values AS
SELECT * EXCLUDE (ratio_value, is_ratio), CASE WHEN is_ratio THEN ratio_value ELSE numerator END AS value
FROM ({with_quotients}) AS computed"""
    )
    result = session.arrow(
        f"""SELECT employee_key, employee_id, {_month_label_sql("month")} AS month, metric,
       {_to_decimal_sql("value")} AS value, {_to_decimal_sql("numerator")} AS numerator,
       {_to_decimal_sql("denominator")} AS denominator, provisional
FROM kw_values ORDER BY employee_id, month, metric_position"""
    )
    return _units_as_decimals(result, ["value", "numerator", "denominator"]).cast(METRIC_VALUES_SCHEMA)


def _benchmarks(session: _Session, group_by: str) -> pa.Table:
    # Top decile: ranked among members with a value by attainment (null last), then
    # revenue, then employee id as text (DuckDB compares VARCHAR by code point, like Python).
    session.execute(
        f"""CREATE TEMP TABLE kw_ranked AS
SELECT v.group_id, v.month, v.metric_position, v.value,
       row_number() OVER (PARTITION BY v.group_id, v.month, v.metric_position
                          ORDER BY keys.attainment DESC NULLS LAST, keys.revenue DESC, v.employee_id ASC)
         AS top_rank,
       count(*) OVER (PARTITION BY v.group_id, v.month, v.metric_position) AS n
FROM kw_values AS v
JOIN (
  SELECT employee_key, month,
         max(value) FILTER (WHERE metric_position = {_QUOTA_POSITION}) AS attainment,
         max(value) FILTER (WHERE metric_position = {_REVENUE_POSITION}) AS revenue
  FROM kw_values WHERE metric_position IN ({_QUOTA_POSITION}, {_REVENUE_POSITION}) GROUP BY ALL
) AS keys USING (employee_key, month)
WHERE v.group_id IS NOT NULL AND v.value IS NOT NULL"""
    )
    stats = """
SELECT g.group_id, g.month, g.metric_position, g.metric, coalesce(s.n, 0) AS n,
       s.total, s.top_total, (s.n + 9) // 10 AS top_n,
       s.sorted_values[(s.n - 1) // 2 + 1] AS median_low,
       s.sorted_values[(s.n - 1) // 2 + 1 + CASE WHEN (s.n - 1) % 2 > 0 THEN 1 ELSE 0 END] AS median_high,
       (s.n - 1) % 2 AS median_fraction,
       s.sorted_values[9 * (s.n - 1) // 10 + 1] AS p90_low,
       s.sorted_values[9 * (s.n - 1) // 10 + 1 + CASE WHEN 9 * (s.n - 1) % 10 > 0 THEN 1 ELSE 0 END]
         AS p90_high,
       9 * (s.n - 1) % 10 AS p90_fraction
FROM (SELECT DISTINCT group_id, month, metric_position, metric FROM kw_values WHERE group_id IS NOT NULL) AS g
LEFT JOIN (
  SELECT group_id, month, metric_position, count(*) AS n, sum(value) AS total,
         sum(value) FILTER (WHERE top_rank <= (n + 9) // 10) AS top_total,
         list_sort(list(value)) AS sorted_values
  FROM kw_ranked GROUP BY group_id, month, metric_position
) AS s USING (group_id, month, metric_position)"""
    quotients = rounded_quotients(
        stats,
        [
            Quotient("mean", "total", "n"),
            Quotient("median", "2 * median_low + median_fraction * (median_high - median_low)", "2"),
            Quotient("p90", "10 * p90_low + p90_fraction * (p90_high - p90_low)", "10"),
            Quotient("top_decile_mean", "top_total", "top_n"),
        ],
        ["group_id", "month", "metric_position", "metric", "n"],
    )
    result = session.arrow(
        f"""SELECT {quote_literal(group_by)} AS group_kind, group_id, {_month_label_sql("month")} AS month,
       metric, n, {_to_decimal_sql("mean")} AS mean, {_to_decimal_sql("median")} AS median,
       {_to_decimal_sql("p90")} AS p90, {_to_decimal_sql("top_decile_mean")} AS top_decile_mean
FROM ({quotients}) AS stats ORDER BY group_id, month, metric_position"""
    )
    return _units_as_decimals(result, ["mean", "median", "p90", "top_decile_mean"]).cast(BENCHMARKS_SCHEMA)


__all__ = [
    "BENCHMARKS_SCHEMA",
    "GROUP_KINDS",
    "METRIC_VALUES_SCHEMA",
    "EngineSettings",
    "Evaluation",
    "ProgressCallback",
    "evaluate",
    "read_scanned",
]
