"""Snapshots: one JSON object per employee-month (or group-month), numbers as exact text."""

from __future__ import annotations

from decimal import Decimal

import pyarrow as pa
import pytest

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
