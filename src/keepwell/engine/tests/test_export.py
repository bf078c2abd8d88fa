"""Export writers: the contract's columns, exact numbers, empty cells for nulls."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from keepwell.engine.evaluate import evaluate
from keepwell.engine.export import (
    BENCHMARK_EXPORT_COLUMNS,
    METRIC_EXPORT_COLUMNS,
    number_texts,
    write_benchmarks,
    write_metric_values,
)
from keepwell.engine.tests.builders import activity, employee, facts_from_scenario, order, target, utc
from keepwell.engine.tests.reference import Scenario


def _evaluation():  # type: ignore[no-untyped-def]
    scenario = Scenario(
        [
            employee(1, hire_date=date(2026, 10, 1)),
            {**employee(2, hire_date=date(2026, 10, 1)), "employee_id": 'x,"y'},
        ],
        activities=[
            activity(1, utc(2026, 10, 5), purpose="screening", duration_minutes=1),
            activity(1, utc(2026, 10, 5), duration_minutes=2),
        ],
        orders=[order(1, utc(2026, 10, 5), "1234567890.1234")],
        targets=[target(1, "2026-10", "3000000000")],
    )
    return evaluate(facts_from_scenario(scenario), as_of=date(2026, 10, 31))


def test_metric_csv_has_the_contract_columns_and_exact_numbers() -> None:
    # given
    evaluation = _evaluation()
    output = io.StringIO()

    # when
    written = write_metric_values(evaluation.metric_values, output)

    # then
    rows = list(csv.DictReader(io.StringIO(output.getvalue())))
    assert written == len(rows) == evaluation.metric_values.num_rows == 2 * 14
    assert tuple(rows[0]) == METRIC_EXPORT_COLUMNS
    by_key = {(row["employee_id"], row["metric"]): row for row in rows}
    assert by_key[("E001", "screening_share")] == {
        "employee_id": "E001",
        "month": "2026-10",
        "metric": "screening_share",
        "value": "0.33333333333333",
        "numerator": "1",
        "denominator": "3",
        "provisional": "false",
    }
    assert by_key[("E001", "revenue")]["value"] == "1234567890.1234"
    assert by_key[("E001", "revenue")]["denominator"] == ""
    assert by_key[("E001", "quota_attainment")]["value"] == "0.41152263004113"
    assert by_key[("E001", "csat")]["value"] == ""
    assert by_key[("E001", "lead_conversion_rate")]["provisional"] == "true"
    assert by_key[('x,"y', "activities")]["value"] == "0"


def test_metric_json_is_an_array_of_objects_with_exact_numbers() -> None:
    evaluation = _evaluation()
    output = io.StringIO()

    write_metric_values(evaluation.metric_values, output, export_format="json")

    rows = json.loads(output.getvalue(), parse_float=Decimal)
    assert len(rows) == 28
    assert tuple(rows[0]) == METRIC_EXPORT_COLUMNS
    revenue = next(row for row in rows if row["metric"] == "revenue" and row["employee_id"] == "E001")
    assert revenue == {
        "employee_id": "E001",
        "month": "2026-10",
        "metric": "revenue",
        "value": Decimal("1234567890.1234"),
        "numerator": Decimal("1234567890.1234"),
        "denominator": None,
        "provisional": False,
    }


def test_benchmark_exports_have_the_contract_columns(tmp_path) -> None:  # type: ignore[no-untyped-def]
    evaluation = _evaluation()

    write_benchmarks(evaluation.benchmarks, tmp_path / "b.csv")
    write_benchmarks(evaluation.benchmarks, tmp_path / "b.json", export_format="json")

    with open(tmp_path / "b.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == BENCHMARK_EXPORT_COLUMNS
    screening = next(row for row in rows if row["metric"] == "screening_share")
    assert screening == {
        "group_id": "T1",
        "month": "2026-10",
        "metric": "screening_share",
        "n": "1",
        "mean": "0.33333333333333",
        "median": "0.33333333333333",
        "p90": "0.33333333333333",
        "top_decile_mean": "0.33333333333333",
    }
    assert len(json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))) == len(rows) == 14


def test_an_empty_table_writes_a_header_or_an_empty_array() -> None:
    evaluation = _evaluation()
    empty = evaluation.metric_values.slice(0, 0)
    as_csv, as_json = io.StringIO(), io.StringIO()

    write_metric_values(empty, as_csv)
    write_metric_values(empty, as_json, export_format="json")

    assert as_csv.getvalue() == ",".join(METRIC_EXPORT_COLUMNS) + "\r\n"
    assert json.loads(as_json.getvalue()) == []


def test_number_texts_are_exact_and_positional_at_every_magnitude():
    values = pa.array(
        [
            Decimal("0"),
            Decimal("-0"),
            Decimal("0.00000000000001"),
            Decimal("-0.0000001"),
            Decimal("0.000001"),
            Decimal("0.625"),
            Decimal("-2.5"),
            Decimal("300000"),
            Decimal("123456789012345678901234.5"),
            None,
        ],
        pa.decimal128(38, 14),
    )
    assert number_texts(values).to_pylist() == [
        "0",
        "0",
        "0.00000000000001",
        "-0.0000001",
        "0.000001",
        "0.625",
        "-2.5",
        "300000",
        "123456789012345678901234.5",
        None,
    ]
    assert number_texts(pa.array([0, None, -7], pa.int64())).to_pylist() == ["0", None, "-7"]
    # Scale 0: the zeros are significant.
    whole = pa.array([Decimal(100), Decimal(0), None, Decimal(-10)], pa.decimal128(20, 0))
    assert number_texts(whole).to_pylist() == ["100", "0", None, "-10"]
    with pytest.raises(TypeError, match="scale >= 0"):
        number_texts(pa.array([Decimal("1E+2")], pa.decimal128(5, -2)))


@given(st.decimals(min_value=-(10**20), max_value=10**20, places=14, allow_nan=False))
def test_number_texts_read_back_as_the_same_decimal(value):
    (text,) = number_texts(pa.array([value], pa.decimal128(38, 14))).to_pylist()
    assert Decimal(text) == value
    assert "E" not in text
    assert not ("." in text and text.endswith("0"))
