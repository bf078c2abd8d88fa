"""Translation of metric specs into DuckDB SQL.

Aggregates are exact integers at their natural scale (counts and minutes: 0 decimal places;
money: already *units* of ``10**-SCALE``, since 4 decimal places of the amount times 10 of the
rate make exactly 14). Outputs are carried as HUGEINT units. Division happens once, at the
end, in :func:`rounded_quotients`, which rounds half to even exactly, so results depend
neither on floating point nor on the order in which DuckDB's threads add things up.
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

# Stream columns that already hold units of 10**-SCALE (everything else is a plain integer).
COLUMNS_IN_UNITS = frozenset({"amount"})


def quote_literal(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


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

    One scan and one hash aggregate per stream, however many metrics it feeds. (Grouping by
    the distinct column first and counting second-level groups was measured slower at 26 M
    activities than DuckDB's own ``count(DISTINCT ...)``.)
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

    def _leaf_in_units(self, leaf: Leaf, inner: str) -> str:
        """A leaf's aggregate as an integer at its natural scale (0 when there were no rows)."""
        del leaf
        return f"coalesce(CAST({inner} AS HUGEINT), 0::HUGEINT)"

    @staticmethod
    def scale(aggregate: Aggregate) -> int:
        """Decimal places of an aggregate's natural integer (amounts are units already)."""
        leaves = list(_leaves(aggregate))
        return (
            SCALE if any(isinstance(leaf, Sum) and leaf.column in COLUMNS_IN_UNITS for leaf in leaves) else 0
        )

    def sql(self, rows_sql: str) -> str:
        """SELECT employee_key, month, leaf_0, leaf_1, ... over the stream's rows."""
        columns = []
        for leaf, name in self._leaf_names.items():
            if isinstance(leaf, Count):
                inner = f"count(*){_filter(leaf.where)}"
            elif isinstance(leaf, Sum):
                inner = f"sum({quote_identifier(leaf.column)}){_filter(leaf.where)}"
            else:
                inner = f"count(DISTINCT {quote_identifier(leaf.column)})"
            columns.append(f"{self._leaf_in_units(leaf, inner)} AS {name}")
        return (
            f"SELECT employee_key, month, {', '.join(columns)}\n"
            f"FROM ({rows_sql}) AS stream_rows GROUP BY employee_key, month"
        )

    def aggregate_sql(self, aggregate: Aggregate, table_alias: str) -> str:
        """The aggregate at its natural scale (see :meth:`scale`) from the aggregated table."""
        if isinstance(aggregate, Difference):
            return (
                f"({self.aggregate_sql(aggregate.minuend, table_alias)}"
                f" - {self.aggregate_sql(aggregate.subtrahend, table_alias)})"
            )
        return f"{table_alias}.{self._leaf_names[aggregate]}"


@dataclass(frozen=True)
class Quotient:
    """``round_half_even(dividend / divisor)`` as an integer named ``name``; null for 0 or null."""

    name: str
    dividend: str
    divisor: str


# Two floating-point refinements bring any HUGEINT quotient to within one of the truth (each
# shrinks the error by ~2**-51, from at most 2**76); the last step is exact.
_REFINEMENTS = 2


# Rows whose dividends and divisors all lie within +-2**62 take the 64-bit path.
_FAST_LIMIT = 2**62


def rounded_quotients(relation_sql: str, quotients: Sequence[Quotient], keep: Sequence[str]) -> str:
    """SELECT ``keep`` columns plus each quotient, rounded half to even, exactly.

    Most rows (counts, ratios of counts) fit in 64 bits and are divided with BIGINT ``//`` and
    ``%``. DuckDB divides HUGEINTs bit by bit (about a microsecond each), so for the others the
    quotient is estimated in DOUBLE and corrected with exact HUGEINT multiplication and
    subtraction: ``q += floor((a - q*d) / d)`` twice, then a final +-1 against the exact
    remainder, in stacked subqueries so that each intermediate is computed once per row.
    """
    fits = " AND ".join(
        f"coalesce(abs(CAST({q.dividend} AS HUGEINT)) < {_FAST_LIMIT}"
        f" AND abs(CAST({q.divisor} AS HUGEINT)) < {_FAST_LIMIT}, true)"
        for q in quotients
    )
    fast = []
    for q in quotients:
        dividend = f"CAST(abs({q.dividend}) AS BIGINT)"
        divisor = f"CAST(CASE WHEN {q.divisor} <> 0 THEN abs({q.divisor}) END AS BIGINT)"
        quotient = f"({dividend} // {divisor})"
        remainder = f"({dividend} % {divisor})"
        fast.append(
            f"CAST(sign(CAST({q.dividend} AS HUGEINT)) * sign({q.divisor}) AS BIGINT) * ({quotient}"
            f" + CASE WHEN 2 * {remainder} > {divisor}"
            f" OR (2 * {remainder} = {divisor} AND {quotient} % 2 = 1) THEN 1 ELSE 0 END) AS {q.name}"
        )
    return (
        f"WITH quotient_input AS MATERIALIZED ({relation_sql})\n"
        f"SELECT {', '.join([*keep, *fast])} FROM quotient_input WHERE {fits}\n"
        "UNION ALL\n" + _exact_quotients(f"SELECT * FROM quotient_input WHERE NOT ({fits})", quotients, keep)
    )


def _exact_quotients(relation_sql: str, quotients: Sequence[Quotient], keep: Sequence[str]) -> str:
    first = [f"SELECT {', '.join(keep)}"]
    for q in quotients:
        # The sign is folded into the dividend so that the division runs on non-negative numbers.
        first.append(
            f"CAST(CASE WHEN {q.divisor} <> 0 THEN abs({q.divisor}) END AS HUGEINT) AS {q.name}__d, "
            f"abs(CAST({q.dividend} AS HUGEINT)) AS {q.name}__a, "
            f"sign(CAST({q.dividend} AS HUGEINT)) * sign({q.divisor}) AS {q.name}__s"
        )
    sql = f"{', '.join(first)} FROM ({relation_sql}) AS relation_0"
    carry = [*keep, *(f"{q.name}__{part}" for q in quotients for part in ("d", "a", "s"))]

    def wrap(selects: list[str], depth: int) -> str:
        return f"SELECT {', '.join(carry + selects)} FROM ({sql}) AS relation_{depth}"

    def estimate(numerator: str, q: Quotient) -> str:
        return f"CAST(floor(CAST({numerator} AS DOUBLE) / CAST({q.name}__d AS DOUBLE)) AS HUGEINT)"

    sql = wrap([f"{estimate(f'{q.name}__a', q)} AS {q.name}__q" for q in quotients], 1)
    for depth in range(2, 2 + _REFINEMENTS):
        sql = wrap(
            [
                f"{q.name}__q + {estimate(f'({q.name}__a - {q.name}__q * {q.name}__d)', q)} AS {q.name}__q"
                for q in quotients
            ],
            depth,
        )
    # Exact remainder; one last step of +-1 puts it in [0, d).
    sql = wrap(
        [
            item
            for q in quotients
            for item in (f"{q.name}__q", f"{q.name}__a - {q.name}__q * {q.name}__d AS {q.name}__r")
        ],
        2 + _REFINEMENTS,
    )
    sql = wrap(
        [
            item
            for q in quotients
            for item in (
                f"{q.name}__q + CASE WHEN {q.name}__r < 0 THEN -1 WHEN {q.name}__r >= {q.name}__d THEN 1"
                f" ELSE 0 END AS {q.name}__q",
                f"{q.name}__r - CASE WHEN {q.name}__r < 0 THEN -{q.name}__d WHEN {q.name}__r >= {q.name}__d"
                f" THEN {q.name}__d ELSE 0 END AS {q.name}__r",
            )
        ],
        3 + _REFINEMENTS,
    )
    final = [
        f"{q.name}__s * ({q.name}__q + CASE WHEN 2 * {q.name}__r > {q.name}__d"
        f" OR (2 * {q.name}__r = {q.name}__d AND ({q.name}__q & 1) = 1) THEN 1 ELSE 0 END) AS {q.name}"
        for q in quotients
    ]
    return f"SELECT {', '.join([*keep, *final])} FROM ({sql}) AS relation_final"
