"""Build engine Facts from reference Scenarios and read engine results back as dicts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from keepwell.engine.evaluate import Evaluation
from keepwell.engine.facts import TABLE_CONTRACTS, Facts, FactScan
from keepwell.engine.tests.reference import BenchmarkRow, MetricRow, Scenario


def facts_from_scenario(scenario: Scenario) -> Facts:
    tables: dict[str, Any] = {}
    for name, contract in TABLE_CONTRACTS.items():
        rows = getattr(scenario, name)
        tables[name] = pa.Table.from_pylist(rows, schema=contract.schema) if rows else contract.empty()
    return Facts(reporting_currency=scenario.reporting_currency, tenant_id=scenario.tenant_id, **tables)


def scanned_facts_from_scenario(scenario: Scenario, directory: Path, streamed: frozenset[str]) -> Facts:
    """The scenario's facts as the engine scans them: every fact table but the employees in a Parquet file
    under ``directory``, read by a query in the engine's session; ``streamed`` ones scanned where used."""
    given = facts_from_scenario(scenario)
    queries = {}
    for name, table in given.tables().items():
        if name != "employees":
            path = directory / f"{name}.parquet"
            pq.write_table(table, path)
            queries[name] = f"SELECT * FROM read_parquet('{path}')"
    return Facts(
        employees=given.employees,
        reporting_currency=given.reporting_currency,
        tenant_id=given.tenant_id,
        scan=FactScan(setup=(), queries=queries, streamed=streamed),
    )


def metric_rows(evaluation: Evaluation) -> dict[tuple[str, str, str], MetricRow]:
    result = {}
    for row in evaluation.metric_values.to_pylist():
        key = (row["employee_id"], row["month"], row["metric"])
        assert key not in result, f"duplicate row {key}"
        result[key] = (row["value"], row["numerator"], row["denominator"], row["provisional"])
    return result


def benchmark_rows(evaluation: Evaluation) -> dict[tuple[str, str, str], BenchmarkRow]:
    result = {}
    for row in evaluation.benchmarks.to_pylist():
        key = (row["group_id"], row["month"], row["metric"])
        assert key not in result, f"duplicate row {key}"
        result[key] = (row["n"], row["mean"], row["median"], row["p90"], row["top_decile_mean"])
    return result


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def employee(
    key: int,
    *,
    team: str = "T1",
    hire_date: date = date(2025, 1, 1),
    timezone: str = "Asia/Shanghai",
    department: str | None = "Sales",
    role: str = "sales_engineer",
) -> dict[str, Any]:
    return {
        "employee_key": key,
        "employee_id": f"E{key:03d}",
        "team": team,
        "department": department,
        "role": role,
        "hire_date": hire_date,
        "timezone": timezone,
    }


def activity(
    employee_key: int,
    started_at: datetime,
    *,
    customer_key: int | None = None,
    purpose: str | None = None,
    duration_minutes: int | None = None,
    inbound_at: datetime | None = None,
    replied_at: datetime | None = None,
) -> dict[str, Any]:
    return {
        "employee_key": employee_key,
        "customer_key": customer_key,
        "purpose": purpose,
        "started_at": started_at,
        "duration_minutes": duration_minutes,
        "inbound_at": inbound_at,
        "replied_at": replied_at,
    }


def order(
    employee_key: int,
    ordered_at: datetime,
    amount: str,
    *,
    currency: str = "CNY",
    customer_key: int | None = 1,
) -> dict[str, Any]:
    return {
        "customer_key": customer_key,
        "employee_key": employee_key,
        "ordered_at": ordered_at,
        "amount": Decimal(amount),
        "currency": currency,
    }


def rate(on: date, base: str, rate: str, quote: str = "CNY") -> dict[str, Any]:
    return {"date": on, "base": base, "quote": quote, "rate": Decimal(rate)}


def target(employee_key: int, month: str, value: str, metric: str = "revenue") -> dict[str, Any]:
    return {"employee_key": employee_key, "month": month, "metric": metric, "value": Decimal(value)}
