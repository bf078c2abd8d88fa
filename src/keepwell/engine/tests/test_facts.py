"""The input contract: normalisation, refusals, and the Parquet round trip."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pyarrow as pa
import pytest

from keepwell.engine.errors import InvalidFacts
from keepwell.engine.evaluate import evaluate
from keepwell.engine.facts import EMPLOYEES, Facts
from keepwell.engine.tests.builders import activity, employee, facts_from_scenario, order, rate, target, utc
from keepwell.engine.tests.reference import Scenario


def test_parquet_round_trip_keeps_every_table_and_the_results(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # given
    facts = facts_from_scenario(
        Scenario(
            [employee(1, hire_date=date(2026, 9, 1)), employee(2, department=None)],
            activities=[activity(1, utc(2026, 9, 3), purpose="screening", duration_minutes=5)],
            orders=[order(1, utc(2026, 9, 3), "10.5", currency="USD")],
            fx_rates=[rate(date(2026, 9, 1), "USD", "7.0000000001")],
            targets=[target(1, "2026-09", "100")],
            tenant_id="acme",
        )
    )

    # when
    facts.to_parquet_dir(tmp_path)
    loaded = Facts.from_parquet_dir(tmp_path)

    # then
    assert (loaded.reporting_currency, loaded.tenant_id) == ("CNY", "acme")
    for name, table in facts.tables().items():
        assert loaded.tables()[name].cast(table.schema).equals(table), name
    as_of = date(2026, 9, 30)
    assert evaluate(loaded, as_of=as_of).metric_values.equals(evaluate(facts, as_of=as_of).metric_values)


def test_narrower_types_are_widened_and_other_units_converted_exactly() -> None:
    employees = pa.table(
        {
            "employee_key": pa.array([1], pa.int32()),
            "employee_id": pa.array(["E1"], pa.large_string()),
            "team": ["T"],
            "department": pa.array([None], pa.null()),
            "role": ["sales"],
            "hire_date": pa.array([date(2026, 1, 1)]),
            "timezone": ["Asia/Tokyo"],
            "ignored": [1],
        }
    )
    orders = pa.table(
        {
            "customer_key": pa.array([None], pa.int64()),
            "employee_key": [1],
            "ordered_at": pa.array([1_767_225_600_000_000_000], pa.timestamp("ns", tz="Asia/Tokyo")),
            "amount": pa.array([Decimal("1.5")], pa.decimal128(10, 2)),
            "currency": ["CNY"],
        }
    )

    facts = Facts(employees=employees, reporting_currency="CNY", orders=orders)

    assert facts.employees.schema.field("employee_key").type == pa.int64()
    assert facts.employees.column_names == [column.name for column in EMPLOYEES.columns]
    assert facts.orders.schema.field("ordered_at").type == pa.timestamp("us", tz="UTC")
    assert facts.orders.column("amount").to_pylist() == [Decimal("1.5000")]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"employee_key": pa.array([None], pa.int64())}, "null"),
        ({"hire_date": pa.array(["2026-01-01"])}, "date"),
        ({"employee_key": pa.array([1.5])}, "integer"),
    ],
)
def test_refusals_name_the_table_and_column(change: dict[str, pa.Array], message: str) -> None:
    table = pa.Table.from_pylist([employee(1)])
    for name, values in change.items():
        table = table.set_column(table.schema.get_field_index(name), name, values)

    with pytest.raises(InvalidFacts, match=message) as refused:
        Facts(employees=table, reporting_currency="CNY")

    assert "employees." in str(refused.value)


def test_sub_microsecond_timestamps_are_refused_rather_than_truncated() -> None:
    leads = pa.table(
        {"owner_key": [1], "created_at": pa.array([1_000_000_001], pa.timestamp("ns", tz="UTC"))}
    )
    with pytest.raises(InvalidFacts, match="exactly"):
        Facts(
            employees=facts_from_scenario(Scenario([employee(1)])).employees,
            reporting_currency="CNY",
            leads=leads,
        )


def test_duplicate_employee_keys_and_bad_target_months_are_refused() -> None:
    with pytest.raises(InvalidFacts, match="duplicates"):
        facts_from_scenario(Scenario([employee(1), employee(1)]))
    with pytest.raises(InvalidFacts, match="YYYY-MM"):
        facts_from_scenario(Scenario([employee(1)], targets=[target(1, "2026-1", "5")]))
