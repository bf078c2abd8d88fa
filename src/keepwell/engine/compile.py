"""Translation of metric specs into DuckDB SQL.

Everything exact is carried as HUGEINT *units* of ``10**-SCALE``: counts and minutes are
multiplied up, money arrives in units already (4 decimal places of the amount times 10 of the
rate make exactly 14). Division happens only once, at the end, by :func:`rounded_quotients`,
which rounds half to even with integer arithmetic so that the result does not depend on
floating point or on the order in which DuckDB's threads add things up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from keepwell.engine.metrics import (
    Aggregate,
    AtLeast,
    AtMost,
    Condition,
    Count,
    CountDistinct,
    Difference,
    Equals,
    FromStream,
    IsTrue,
    MetricSpec,
    NotAfter,
    Present,
    Sum,
    Within,
)

SCALE = 14
UNIT = 10**SCALE
# Long division runs in two chunks of 7 digits so that ``remainder * 10**7`` stays far inside
# HUGEINT even for denominators of 10**30 units.
_CHUNK_DIGITS = 7
_CHUNK = 10**_CHUNK_DIGITS

# Stream columns that already hold units of 10**-SCALE (everything else is a plain integer).
COLUMNS_IN_UNITS = frozenset({"amount"})


def quote_literal(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def microseconds(delta_seconds: float) -> int:
    return round(delta_seconds * 1_000_000)


def condition_sql(condition: Condition) -> str:
    """SQL for a condition over stream columns (timestamps are epoch microseconds)."""
    match condition:
        case Present(column):
            return f"{quote_identifier(column)} IS NOT NULL"
        case Within(later, earlier, limit):
            limit_us = limit.days * 86_400_000_000 + limit.seconds * 1_000_000 + limit.microseconds
            return (
                f"{quote_identifier(later)} IS NOT NULL"
                f" AND {quote_identifier(later)} - {quote_identifier(earlier)} <= {limit_us}"
            )
        case NotAfter(later, earlier):
            later_sql = quote_identifier(later)
            return f"{later_sql} IS NOT NULL AND {later_sql} <= {quote_identifier(earlier)}"
        case Equals(column, value):
            return f"{quote_identifier(column)} = {quote_literal(value)}"
        case AtLeast(column, value):
            return f"{quote_identifier(column)} >= {int(value)}"
        case AtMost(column, value):
            return f"{quote_identifier(column)} <= {int(value)}"
        case IsTrue(column):
            return f"{quote_identifier(column)} IS TRUE"
    raise TypeError(f"unknown condition {condition!r}")


Leaf = Count | CountDistinct | Sum


def _leaves(aggregate: Aggregate) -> Iterable[Leaf]:
    if isinstance(aggregate, Difference):
        yield aggregate.minuend
        yield aggregate.subtrahend
    else:
        yield aggregate


def _filter(where: Condition | None) -> str:
    return f" FILTER (WHERE {condition_sql(where)})" if where is not None else ""


@dataclass
class StreamAggregation:
    """All numerators and denominators that one event stream feeds, as one GROUP BY.

    A distinct count (customers followed) is what makes a grouped aggregate expensive. When
    the stream has one, rows are first grouped by employee, month *and* the distinct column
    -- every other aggregate is additive, so partial counts and sums per group add up -- and
    the distinct count becomes a plain count of the second-level groups. One hash aggregate
    instead of a separate distinct aggregate over the same rows.
    """

    stream: str
    metrics: Sequence[MetricSpec]
    _leaf_names: dict[Leaf, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for spec in self.metrics:
            assert isinstance(spec.computation, FromStream)
            for aggregate in (spec.computation.numerator, spec.computation.denominator):
                if aggregate is None:
                    continue
                for leaf in _leaves(aggregate):
                    self._leaf_names.setdefault(leaf, f"leaf_{len(self._leaf_names)}")

    @property
    def distinct_column(self) -> str | None:
        columns = {leaf.column for leaf in self._leaf_names if isinstance(leaf, CountDistinct)}
        if len(columns) > 1:
            raise ValueError(f"stream {self.stream}: at most one distinct column is supported")
        return next(iter(columns), None)

    def _leaf_in_units(self, leaf: Leaf, inner: str) -> str:
        """Scale a leaf's integer result up to units; ``inner`` is its aggregate SQL."""
        if isinstance(leaf, Sum) and leaf.column in COLUMNS_IN_UNITS:
            return f"coalesce({inner}, 0::HUGEINT)"
        return f"coalesce(CAST({inner} AS HUGEINT), 0::HUGEINT) * {UNIT}"

    def sql(self, rows_sql: str) -> str:
        """SELECT employee_key, month, leaf_0, leaf_1, ... over the stream's rows."""
        distinct = self.distinct_column
        if distinct is None:
            columns = []
            for leaf, name in self._leaf_names.items():
                if isinstance(leaf, Count):
                    inner = f"count(*){_filter(leaf.where)}"
                elif isinstance(leaf, Sum):
                    inner = f"sum({quote_identifier(leaf.column)}){_filter(leaf.where)}"
                else:  # pragma: no cover - excluded by distinct_column
                    raise AssertionError
                columns.append(f"{self._leaf_in_units(leaf, inner)} AS {name}")
            return (
                f"SELECT employee_key, month, {', '.join(columns)}\n"
                f"FROM ({rows_sql}) AS stream_rows GROUP BY employee_key, month"
            )
        partial, final = [], []
        for leaf, name in self._leaf_names.items():
            if isinstance(leaf, Count):
                partial.append(f"count(*){_filter(leaf.where)} AS {name}")
                final.append(f"{self._leaf_in_units(leaf, f'sum({name})')} AS {name}")
            elif isinstance(leaf, Sum):
                partial.append(f"sum({quote_identifier(leaf.column)}){_filter(leaf.where)} AS {name}")
                final.append(f"{self._leaf_in_units(leaf, f'sum({name})')} AS {name}")
            else:
                final.append(f"{self._leaf_in_units(leaf, f'count({quote_identifier(distinct)})')} AS {name}")
        distinct_sql = quote_identifier(distinct)
        return (
            f"SELECT employee_key, month, {', '.join(final)} FROM (\n"
            f"  SELECT employee_key, month, {distinct_sql}, {', '.join(partial) or '1 AS unused'}\n"
            f"  FROM ({rows_sql}) AS stream_rows GROUP BY employee_key, month, {distinct_sql}\n"
            f") AS partials GROUP BY employee_key, month"
        )

    def aggregate_sql(self, aggregate: Aggregate, table_alias: str) -> str:
        """The aggregate, in units, from this stream's aggregated table."""
        if isinstance(aggregate, Difference):
            return (
                f"({self.aggregate_sql(aggregate.minuend, table_alias)}"
                f" - {self.aggregate_sql(aggregate.subtrahend, table_alias)})"
            )
        return f"{table_alias}.{self._leaf_names[aggregate]}"


@dataclass(frozen=True)
class Quotient:
    """``round_half_even(numerator / denominator * 10**SCALE)`` named ``name`` (null when 0/null)."""

    name: str
    numerator: str
    denominator: str


def rounded_quotients(relation_sql: str, quotients: Sequence[Quotient], keep: Sequence[str]) -> str:
    """SELECT ``keep`` columns plus each quotient in units, rounded half to even.

    Written as stacked subqueries so that each intermediate (quotient, remainder of each
    chunk) is computed once per row; a macro would repeat its arguments instead.
    """
    steps = [f"SELECT {', '.join(keep)}"]
    for q in quotients:
        # Sign folded into the numerator so that the division runs on non-negative numbers.
        steps.append(
            f"CASE WHEN {q.denominator} <> 0 THEN abs({q.denominator}) END AS {q.name}__d, "
            f"CAST({q.numerator} AS HUGEINT) * sign({q.denominator}) AS {q.name}__n"
        )
    sql = f"{', '.join(steps)} FROM ({relation_sql}) AS relation_0"
    level_columns = list(keep)
    carry = [f"{q.name}__d" for q in quotients]

    def wrap(selects: list[str], depth: int) -> str:
        return f"SELECT {', '.join(level_columns + carry + selects)} FROM ({sql}) AS relation_{depth}"

    sql = wrap(
        [
            item
            for q in quotients
            for item in (
                f"sign({q.name}__n) AS {q.name}__s",
                f"abs({q.name}__n) // {q.name}__d AS {q.name}__q",
                f"abs({q.name}__n) % {q.name}__d AS {q.name}__r",
            )
        ],
        1,
    )
    carry += [f"{q.name}__s" for q in quotients]
    for depth in (2, 3):
        sql = wrap(
            [
                item
                for q in quotients
                for item in (
                    f"{q.name}__q * {_CHUNK} + ({q.name}__r * {_CHUNK}) // {q.name}__d AS {q.name}__q",
                    f"({q.name}__r * {_CHUNK}) % {q.name}__d AS {q.name}__r",
                )
            ],
            depth,
        )
    final = [
        f"{q.name}__s * ({q.name}__q + CASE WHEN 2 * {q.name}__r > {q.name}__d"
        f" OR (2 * {q.name}__r = {q.name}__d AND {q.name}__q % 2 = 1) THEN 1 ELSE 0 END) AS {q.name}"
        for q in quotients
    ]
    return f"SELECT {', '.join([*keep, *final])} FROM ({sql}) AS relation_4"


assert _CHUNK_DIGITS * 2 == SCALE, "two chunks of long division must produce exactly SCALE digits"
