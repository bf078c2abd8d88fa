"""The exact half-even division used for every value and benchmark statistic."""

from __future__ import annotations

from fractions import Fraction

import duckdb
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from keepwell.engine.compile import Quotient, rounded_quotients

HUGE = 10**37


def divide_in_duckdb(pairs: list[tuple[int, int]]) -> list[int | None]:
    connection = duckdb.connect()
    connection.register(
        "pairs",
        pa.table(
            {
                "position": list(range(len(pairs))),
                "a": pa.array([str(a) for a, _ in pairs]),
                "d": pa.array([str(d) for _, d in pairs]),
            }
        ),
    )
    relation = "SELECT position, CAST(a AS HUGEINT) AS a, CAST(d AS HUGEINT) AS d FROM pairs"
    sql = rounded_quotients(relation, [Quotient("q", "a", "d")], ["position"])
    rows = connection.execute(f"SELECT CAST(q AS VARCHAR) FROM ({sql}) ORDER BY position").fetchall()
    return [None if row[0] is None else int(row[0]) for row in rows]


def test_ties_go_to_the_even_neighbour_and_signs_are_kept() -> None:
    pairs = [
        (5, 2),
        (7, 2),
        (-5, 2),
        (-7, 2),
        (1, 3),
        (2, 3),
        (-2, 3),
        (0, 5),
        (5, 0),
        (3, -2),
        (HUGE + 1, 2),
    ]

    assert divide_in_duckdb(pairs) == [2, 4, -2, -4, 0, 1, -1, 0, None, -2, HUGE // 2]


@settings(max_examples=300, deadline=None)
@given(
    pairs=st.lists(
        st.tuples(
            st.one_of(st.integers(-HUGE, HUGE), st.integers(-(10**20), 10**20)),
            st.one_of(st.integers(1, 10**18), st.integers(1, 12), st.integers(-(10**25), -1)),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_matches_python_round_of_the_exact_fraction(pairs: list[tuple[int, int]]) -> None:
    assert divide_in_duckdb(pairs) == [round(Fraction(a, d)) for a, d in pairs]
