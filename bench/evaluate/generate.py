# ruff: noqa: E501 - SQL text reads better unwrapped
"""Synthetic facts at scale, generated set-wise by DuckDB straight into Parquet.

Randomness is ``hash(row, column, seed)``: deterministic for a seed, independent of thread
scheduling, and no Python loop per row. Volumes per employee and month follow a busy sales
engineer: ~217 activities (2,600 a year), 20 leads, 15 orders (plus half a year of order
history before the window, for repurchase), 10 feedback, 25 tasks, one revenue target.
Activities and orders come from a pool of 40 customers per employee, so customers recur.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

import duckdb

from keepwell.core.periods import Month
from keepwell.engine.facts import FACTS_FORMAT_VERSION, FACTS_MANIFEST

ZONES = (
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Europe/Berlin",
    "America/New_York",
    "Asia/Kolkata",
    "America/Los_Angeles",
    "Australia/Lord_Howe",
    "Asia/Singapore",
)
ACTIVITIES_PER_MONTH = 217
LEADS_PER_MONTH = 20
ORDERS_PER_MONTH = 15
FEEDBACK_PER_MONTH = 10
TASKS_PER_MONTH = 25
CUSTOMERS_PER_EMPLOYEE = 40
FIRST_MONTH = Month(2026, 1)


@dataclass(frozen=True)
class Dataset:
    employees: int
    months: int
    seed: int = 7

    @property
    def name(self) -> str:
        return f"facts-v2-{self.employees}e-{self.months}m-s{self.seed}"

    @property
    def last_month(self) -> Month:
        return FIRST_MONTH.shifted(self.months - 1)

    @property
    def as_of(self) -> date:
        """The last day of the window's last month."""
        return date.fromordinal(self.last_month.shifted(1).first_day.toordinal() - 1)


def _sql(dataset: Dataset) -> dict[str, str]:
    n = dataset.employees
    m = dataset.months
    start_us = f"epoch_us(TIMESTAMPTZ '{FIRST_MONTH.first_day.isoformat()} 00:00:00+00')"
    span_us = (
        f"epoch_us(TIMESTAMPTZ '{FIRST_MONTH.shifted(m).first_day.isoformat()} 00:00:00+00') - {start_us}"
    )
    day_us = 86_400_000_000
    zones = "[" + ", ".join(f"'{zone}'" for zone in ZONES) + "]"

    def uniform(column: int) -> str:
        # Uniform in [0, 1) from the row number, a column tag and the seed.
        return f"((hash(i, {column}, {dataset.seed}) % 4294967296)::DOUBLE / 4294967296.0)"

    def instant(column: int, start: str = start_us, span: str = span_us) -> str:
        return f"make_timestamptz(({start}) + CAST({uniform(column)} * ({span}) AS BIGINT))"

    def employee(per_month: int) -> str:
        del per_month
        return f"(i % {n} + 1)::BIGINT"

    def customer(column: int) -> str:
        return f"((i % {n} + 1) * 100 + CAST(floor({uniform(column)} * {CUSTOMERS_PER_EMPLOYEE}) AS BIGINT))::BIGINT"

    return {
        "employees": f"""
SELECT (i + 1)::BIGINT AS employee_key, 'E' || lpad(CAST(i + 1 AS VARCHAR), 6, '0') AS employee_id,
       'T' || lpad(CAST(i // 10 AS VARCHAR), 5, '0') AS team,
       CASE WHEN i % 50 = 7 THEN NULL ELSE 'D' || CAST(i // 100 AS VARCHAR) END AS department,
       CASE WHEN i % 10 = 0 THEN 'manager' ELSE 'sales_engineer' END AS role,
       CASE WHEN {uniform(1)} < 0.9
            THEN DATE '{FIRST_MONTH.first_day.isoformat()}' - CAST({uniform(2)} * 1500 AS INTEGER)
            ELSE DATE '{FIRST_MONTH.first_day.isoformat()}' + CAST({uniform(2)} * {m * 30} AS INTEGER) END
         AS hire_date,
       {zones}[(i // 10) % {len(ZONES)} + 1] AS timezone
FROM range({n}) AS t(i)""",
        "activities": f"""
SELECT employee_key, customer_key, purpose, started_at, duration_minutes, inbound_at,
       CASE WHEN inbound_at IS NOT NULL AND {uniform(8)} < 0.9
            THEN inbound_at + to_microseconds(CAST({uniform(9)} * 36 * 3600e6 AS BIGINT)) END AS replied_at
FROM (
  SELECT i, {employee(ACTIVITIES_PER_MONTH)} AS employee_key,
         CASE WHEN {uniform(3)} < 0.08 THEN NULL ELSE {customer(4)} END AS customer_key,
         (['screening', 'needs_discovery', 'follow_up', 'demo', 'support'])[CAST(floor({uniform(5)} * 5) AS INTEGER) + 1]
           AS purpose,
         {instant(6)} AS started_at,
         CASE WHEN {uniform(7)} < 0.05 THEN NULL ELSE 5 + CAST({uniform(10)} * 115 AS BIGINT) END
           AS duration_minutes,
         CASE WHEN {uniform(11)} < 0.2
              THEN {instant(6)} - to_microseconds(CAST({uniform(12)} * 6 * 3600e6 AS BIGINT)) END AS inbound_at
  FROM range({n * m * ACTIVITIES_PER_MONTH}) AS t(i)
)""",
        "leads": f"""
SELECT owner_key, created_at, qualified_at,
       CASE WHEN qualified_at IS NOT NULL AND {uniform(23)} < 0.35
            THEN qualified_at + to_microseconds(CAST({uniform(24)} * 90 * {day_us} AS BIGINT)) END AS won_at
FROM (
  SELECT i, {employee(LEADS_PER_MONTH)} AS owner_key, {instant(20)} AS created_at,
         CASE WHEN {uniform(21)} < 0.3
              THEN {instant(20)} + to_microseconds(CAST({uniform(22)} * 45 * {day_us} AS BIGINT)) END AS qualified_at
  FROM range({n * m * LEADS_PER_MONTH}) AS t(i)
)""",
        "orders": f"""
SELECT {customer(30)} AS customer_key, {employee(ORDERS_PER_MONTH)} AS employee_key,
       {instant(31, f"{start_us} - 182 * {day_us}", f"{span_us} + 182 * {day_us}")} AS ordered_at,
       CAST(100 + round({uniform(32)} * 99900, 4) AS DECIMAL(20, 4)) AS amount,
       CASE WHEN {uniform(33)} < 0.75 THEN 'CNY' WHEN {uniform(33)} < 0.9 THEN 'USD' ELSE 'EUR' END AS currency
FROM range({n * (m + 6) * ORDERS_PER_MONTH}) AS t(i)""",
        "feedback": f"""
SELECT {employee(FEEDBACK_PER_MONTH)} AS employee_key, {instant(40)} AS submitted_at,
       CASE WHEN {uniform(41)} < 0.8 THEN 1 + CAST(floor({uniform(42)} * 5) AS BIGINT) END AS csat,
       CASE WHEN {uniform(43)} < 0.6 THEN CAST(floor({uniform(44)} * 11) AS BIGINT) END AS nps,
       {uniform(45)} < 0.03 AS complaint
FROM range({n * m * FEEDBACK_PER_MONTH}) AS t(i)""",
        "tasks": f"""
SELECT employee_key, due_at,
       CASE WHEN {uniform(51)} < 0.85
            THEN due_at + to_microseconds(CAST(({uniform(52)} - 0.7) * 3 * {day_us} AS BIGINT)) END AS completed_at
FROM (SELECT i, {employee(TASKS_PER_MONTH)} AS employee_key, {instant(50)} AS due_at
      FROM range({n * m * TASKS_PER_MONTH}) AS t(i))""",
        "targets": f"""
SELECT employee_key, printf('%04d-%02d', month // 12, month % 12 + 1) AS month, 'revenue' AS metric,
       CAST(300000 + round({uniform(60)} * 900000, 0) AS DECIMAL(20, 4)) AS value
FROM (SELECT i, (i % {n} + 1)::BIGINT AS employee_key, {FIRST_MONTH.index} + i // {n} AS month
      FROM range({n * m}) AS t(i))
WHERE {uniform(61)} < 0.95""",
        "fx_rates": f"""
SELECT DATE '{FIRST_MONTH.first_day.isoformat()}' - 400 + CAST(i // 2 AS INTEGER) AS date,
       CASE WHEN i % 2 = 0 THEN 'USD' ELSE 'EUR' END AS base, 'CNY' AS quote,
       CAST(CASE WHEN i % 2 = 0 THEN 7.1 ELSE 7.8 END + round({uniform(70)} * 0.2, 10) AS DECIMAL(20, 10)) AS rate
FROM range({2 * (400 + m * 31 + 31)}) AS t(i)""",
    }


def generate(dataset: Dataset, directory: Path, *, threads: int = 2) -> dict[str, int]:
    """Write the dataset's Parquet files and manifest; returns rows per table."""
    directory.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(":memory:", config={"threads": threads, "preserve_insertion_order": False})
    connection.execute("SET TimeZone = 'UTC'")
    counts = {}
    for name, query in _sql(dataset).items():
        target = directory / f"{name}.parquet"
        connection.execute(f"COPY ({query}) TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
        result = connection.execute(f"SELECT count(*) FROM read_parquet('{target}')").fetchone()
        counts[name] = int(result[0]) if result else 0
    connection.close()
    manifest = {
        "format": FACTS_FORMAT_VERSION,
        "reporting_currency": "CNY",
        "tenant_id": "bench",
        "dataset": asdict(dataset),
        "rows": counts,
    }
    (directory / FACTS_MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return counts


def ensure(dataset: Dataset, root: Path) -> tuple[Path, dict[str, int], float]:
    """The dataset's directory, generating it unless a complete copy is cached."""
    directory = root / dataset.name
    manifest_file = directory / FACTS_MANIFEST
    if manifest_file.exists():
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
        if manifest.get("dataset") == asdict(dataset):
            return directory, manifest["rows"], 0.0
    started = time.perf_counter()
    counts = generate(dataset, directory)
    return directory, counts, time.perf_counter() - started
