# ruff: noqa: E501 - SQL text reads better unwrapped
"""Deterministic interchange files for the import benchmark, generated set-wise by DuckDB.

Randomness is ``hash(row, column)``: the same files on every run and machine, no Python loop per row.
The tenant has 1,000 employees, 20,000 customers and 50,000 leads; activities reference them (80 %
with a customer, 50 % with a lead, 30 % answering an inbound contact), with timestamps carrying
offsets and milliseconds, as CRM exports do.
"""

from __future__ import annotations

import time
from pathlib import Path

EMPLOYEES = 1_000
CUSTOMERS = 20_000
LEADS = 50_000

_REFERENCE = {
    "employees": f"""
        SELECT 'E' || lpad(i::VARCHAR, 5, '0') AS employee_id, 'Employee ' || i AS name,
               'e' || i || '@example.com' AS email, 'team-' || (i % 40) AS team, NULL AS manager_id,
               'sales_engineer' AS role, DATE '2020-01-01' + (i % 1500)::INTEGER AS hire_date,
               'CN-BJ' AS jurisdiction, 'Asia/Shanghai' AS timezone, 'CNY' AS currency
        FROM range({EMPLOYEES}) t(i) ORDER BY i""",
    "customers": f"""
        SELECT 'C' || lpad(i::VARCHAR, 6, '0') AS customer_id, 'Customer ' || i AS name,
               ['finance', 'retail', 'industry', NULL][1 + (hash(i, 1) % 4)::BIGINT] AS industry,
               NULL AS size, 'E' || lpad((hash(i, 2) % {EMPLOYEES})::VARCHAR, 5, '0') AS owner_employee_id
        FROM range({CUSTOMERS}) t(i) ORDER BY i""",
    "leads": f"""
        SELECT 'L' || lpad(i::VARCHAR, 6, '0') AS lead_id,
               'C' || lpad((hash(i, 1) % {CUSTOMERS})::VARCHAR, 6, '0') AS customer_id,
               'E' || lpad((hash(i, 2) % {EMPLOYEES})::VARCHAR, 5, '0') AS owner_employee_id,
               strftime(TIMESTAMP '2025-01-01' + to_seconds((hash(i, 3) % 31536000)::BIGINT), '%Y-%m-%dT%H:%M:%S') || '+08:00' AS created_at,
               NULL AS qualified_at, NULL AS won_at, NULL AS lost_at,
               ((hash(i, 4) % 10000000) / 100)::DECIMAL(18, 2)::VARCHAR AS amount, 'CNY' AS currency
        FROM range({LEADS}) t(i) ORDER BY i""",
}

_ACTIVITIES = f"""
    SELECT 'A' || lpad(i::VARCHAR, 10, '0') AS activity_id,
           'E' || lpad((hash(i, 1) % {EMPLOYEES})::VARCHAR, 5, '0') AS employee_id,
           CASE WHEN hash(i, 2) % 10 < 8 THEN 'C' || lpad((hash(i, 3) % {CUSTOMERS})::VARCHAR, 6, '0') END AS customer_id,
           CASE WHEN hash(i, 4) % 10 < 5 THEN 'L' || lpad((hash(i, 5) % {LEADS})::VARCHAR, 6, '0') END AS lead_id,
           ['call', 'visit', 'email', 'meeting', 'demo'][1 + (hash(i, 6) % 5)::BIGINT] AS kind,
           ['screening', 'needs_discovery', 'follow_up', 'demo', 'support', NULL][1 + (hash(i, 7) % 6)::BIGINT] AS purpose,
           strftime(TIMESTAMP '2024-01-01' + to_microseconds((hash(i, 8) % 63072000000)::BIGINT * 1000), '%Y-%m-%dT%H:%M:%S.%g') || '+08:00' AS started_at,
           CASE WHEN hash(i, 9) % 10 < 9 THEN (hash(i, 10) % 240)::VARCHAR END AS duration_minutes,
           CASE WHEN hash(i, 11) % 10 < 3 THEN strftime(TIMESTAMP '2024-01-01' + to_seconds((hash(i, 12) % 63072000)::BIGINT), '%Y-%m-%dT%H:%M:%S') || 'Z' END AS inbound_at,
           CASE WHEN hash(i, 11) % 10 < 2 THEN strftime(TIMESTAMP '2024-01-01' + to_seconds((hash(i, 12) % 63072000)::BIGINT + 3600 + hash(i, 13) % 86400), '%Y-%m-%dT%H:%M:%S') || 'Z' END AS replied_at
    FROM range({{rows}}) t(i) ORDER BY i"""


def _write(query: str, path: Path) -> None:
    import duckdb

    partial = path.with_suffix(".part")
    connection = duckdb.connect()
    connection.execute("SET preserve_insertion_order = true")
    connection.execute(f"COPY ({query}) TO '{partial}' (HEADER, DELIMITER ',')")
    connection.close()
    partial.replace(path)


def reference_files(directory: Path) -> dict[str, Path]:
    """employees, customers and leads, written once."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for entity, query in _REFERENCE.items():
        path = directory / f"{entity}.csv"
        if not path.exists():
            _write(query, path)
        paths[entity] = path
    return paths


def activities_file(directory: Path, rows: int) -> tuple[Path, float]:
    """The activities file of ``rows`` rows (cached); the seconds it took to generate (0 if cached)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"activities-{rows}.csv"
    if path.exists():
        return path, 0.0
    started = time.perf_counter()
    _write(_ACTIVITIES.format(rows=rows), path)
    return path, time.perf_counter() - started


def main(argv: list[str]) -> int:
    """``python -m bench.imports.generate DIRECTORY ROWS…``: write the files, print their paths (JSON)."""
    import json

    directory = Path(argv[0])
    reference = {entity: str(path) for entity, path in reference_files(directory).items()}
    activities = {}
    for rows in argv[1:]:
        path, seconds = activities_file(directory, int(rows))
        activities[rows] = {"path": str(path), "seconds": seconds}
    print(json.dumps({"reference": reference, "activities": activities}))
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
