"""Snapshots: one JSON object per employee-month (or group-month), numbers as exact text."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pyarrow as pa
import pytest

from keepwell.evaluation import services
from keepwell.evaluation.services import _snapshots


@pytest.mark.parametrize("rows", [0, 1, 3])
def test_snapshots_group_consecutive_rows_by_their_keys(rows):
    table = pa.table(
        {
            "employee_key": pa.array([7, 7, 9][:rows], pa.int64()),
            "month": pa.array(["2026-10", "2026-10", "2026-10"][:rows]),
            "metric": pa.array(["revenue", "csat", "revenue"][:rows]),
            "value": pa.array([Decimal("57800"), None, Decimal("0")][:rows], pa.decimal128(38, 14)),
            "provisional": pa.array([False, True, False][:rows]),
        }
    )
    snapshots = _snapshots(table, ("employee_key", "month"), ("value", "provisional")).to_pylist()
    expected = [
        {"employee_key": 7, "month": "2026-10", "snapshot": '{"revenue":["57800","false"]}'},
        {"employee_key": 9, "month": "2026-10", "snapshot": '{"revenue":["0","false"]}'},
    ]
    if rows == 3:
        expected[0]["snapshot"] = '{"revenue":["57800","false"],"csat":[null,"true"]}'
    assert snapshots == expected[: {0: 0, 1: 1, 3: 2}[rows]]


def _metric_table(runs: list[int]) -> pa.Table:
    """Employee-months 1, 2, … with ``runs[i]`` metrics each, in the engine's order."""
    employees = [index + 1 for index, length in enumerate(runs) for _ in range(length)]
    metrics = [f"m{position}" for length in runs for position in range(length)]
    count = len(employees)
    return pa.table(
        {
            "employee_key": pa.array(employees, pa.int64()),
            "month": pa.array(["2026-10"] * count),
            "metric": pa.array(metrics),
            "value": pa.array([Decimal(index) for index in range(count)], pa.decimal128(38, 14)),
            "numerator": pa.array([None] * count, pa.decimal128(38, 14)),
            "denominator": pa.array([Decimal(2)] * count, pa.decimal128(38, 14)),
            "provisional": pa.array([index % 2 == 0 for index in range(count)]),
        }
    )


@pytest.mark.parametrize(
    ("runs", "parts", "cuts"),
    [
        ([3, 3, 3, 3], 2, [0, 6, 12]),
        ([5, 1, 1, 1], 2, [0, 5, 8]),  # the middle falls inside the first run: cut at its end
        ([8], 2, [0, 8]),  # one run: never split
        ([2, 2, 2], 3, [0, 2, 4, 6]),
        ([1, 1], 5, [0, 1, 2]),
        ([], 2, [0, 0]),
    ],
)
def test_pieces_are_cut_between_runs_only(runs, parts, cuts):
    assert services._cuts(_metric_table(runs), ("employee_key", "month"), parts) == cuts


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_snapshots_assembled_in_pieces_equal_those_assembled_whole(monkeypatch, threads):
    monkeypatch.setattr(services, "SNAPSHOT_THREADS", threads)
    metric_values = _metric_table([4, 1, 7, 2, 2, 5, 1])
    benchmarks = pa.table(
        {
            "group_kind": pa.array(["team"] * 3),
            "group_id": pa.array(["north", "north", "south"]),
            "month": pa.array(["2026-10"] * 3),
            "metric": pa.array(["revenue", "csat", "revenue"]),
            "n": pa.array([3, 3, 1], pa.int64()),
            "mean": pa.array([Decimal("1.5"), None, Decimal(4)], pa.decimal128(38, 14)),
            "median": pa.array([Decimal(1)] * 3, pa.decimal128(38, 14)),
            "p90": pa.array([Decimal(2)] * 3, pa.decimal128(38, 14)),
            "top_decile_mean": pa.array([Decimal(3)] * 3, pa.decimal128(38, 14)),
        }
    )
    evaluation = SimpleNamespace(metric_values=metric_values, benchmarks=benchmarks)

    metric_rows, benchmark_rows = services._snapshot_rows(evaluation)

    whole = services._snapshots(metric_values, services._METRIC_KEYS, services._METRIC_FIELDS)
    assert metric_rows.to_pylist() == whole.to_pylist()
    assert metric_rows.column("employee_key").to_pylist() == [1, 2, 3, 4, 5, 6, 7]
    assert metric_rows.to_pylist()[1]["snapshot"] == '{"m0":["4",null,"2","true"]}'
    assert benchmark_rows.to_pylist() == [
        {
            "group_kind": "team",
            "group_id": "north",
            "month": "2026-10",
            "snapshot": '{"revenue":["3","1.5","1","2","3"],"csat":["3",null,"1","2","3"]}',
        },
        {
            "group_kind": "team",
            "group_id": "south",
            "month": "2026-10",
            "snapshot": '{"revenue":["1","4","1","2","3"]}',
        },
    ]
