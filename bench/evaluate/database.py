# ruff: noqa: E501 - SQL reads better unwrapped; the benchmark is fixed SQL over generated data
"""The benchmark facts in a real KeepWell database (SQLite file or PostgreSQL), and a timed ``evaluate``.

``load`` migrates an empty database and bulk-copies the Parquet facts into KeepWell's tables with DuckDB
(a bench-only shortcut: the import path has its own benchmark). ``run`` evaluates the ``bench`` tenant
through the real service, in its own process, and reports the phases.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb

TENANT = "bench"
SQLITE_TIME = "strftime({column}, '%Y-%m-%d %H:%M:%S.%f')"


def _environment(url: str) -> dict[str, str]:
    return {**os.environ, "KEEPWELL_DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "keepwell.config.settings"}


def _keepwell(url: str, *arguments: str) -> None:
    command = [sys.executable, "-m", "keepwell", *arguments]
    subprocess.run(command, check=True, env=_environment(url), stdout=subprocess.DEVNULL)  # noqa: S603


def _postgres_admin(url: str, statement: str) -> None:
    import psycopg

    base, _, _ = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def prepare(url: str) -> None:
    """An empty, migrated database at ``url`` with the ``bench`` tenant."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
    else:
        name = url.rpartition("/")[2]
        _postgres_admin(url, f'DROP DATABASE IF EXISTS "{name}"')
        _postgres_admin(url, f'CREATE DATABASE "{name}"')
    _keepwell(url, "migrate", "-v0")
    _keepwell(url, "tenant", "create", TENANT, "--name", "Benchmark", "--currency", "CNY")


def _time(column: str, sqlite: bool) -> str:
    return SQLITE_TIME.format(column=column) if sqlite else column


def load(url: str, facts_directory: Path) -> dict[str, float]:
    """Copy the Parquet facts into the database's tables; returns seconds per table."""
    import dj_database_url

    from keepwell.evaluation.facts_source import attach_database

    sqlite = url.startswith("sqlite:///")
    connection = duckdb.connect(config={"threads": 2})
    attach_database(connection, dict(dj_database_url.parse(url)), alias="db", read_only=False)
    tenant = connection.execute(f"SELECT id FROM db.tenancy_tenant WHERE slug = '{TENANT}'").fetchone()
    assert tenant is not None
    tenant_id = int(tenant[0])

    def parquet(name: str) -> str:
        return f"read_parquet('{facts_directory / f'{name}.parquet'}')"

    t = lambda column: _time(column, sqlite)  # noqa: E731 - a local shorthand
    statements = {
        "departments": f"""
INSERT INTO db.people_orgunit (id, tenant_id, code, name, kind, parent_id)
SELECT row_number() OVER (ORDER BY department), {tenant_id}, department, department, 'department', NULL
FROM (SELECT DISTINCT department FROM {parquet("employees")} WHERE department IS NOT NULL)""",
        "teams": f"""
INSERT INTO db.people_orgunit (id, tenant_id, code, name, kind, parent_id)
SELECT 1000000 + row_number() OVER (ORDER BY e.team), {tenant_id}, e.team, e.team, 'team', d.id
FROM (SELECT team, max(department) AS department FROM {parquet("employees")} GROUP BY team) AS e
LEFT JOIN db.people_orgunit AS d ON d.code = e.department AND d.tenant_id = {tenant_id}""",
        "employees": f"""
INSERT INTO db.people_employee (id, tenant_id, employee_id, name, email, team_id, manager_id, role, hire_date,
                                jurisdiction, timezone, currency, status)
SELECT e.employee_key, {tenant_id}, e.employee_id, e.employee_id, '', t.id, NULL, e.role, e.hire_date,
       'CN', e.timezone, 'CNY', 'active'
FROM {parquet("employees")} AS e JOIN db.people_orgunit AS t ON t.code = e.team AND t.tenant_id = {tenant_id}""",
        "customers": f"""
INSERT INTO db.crm_customer (id, tenant_id, customer_id, name, industry, size, owner_id)
SELECT customer_key, {tenant_id}, 'C' || customer_key, 'Customer ' || customer_key, '', '', customer_key // 100
FROM (SELECT customer_key FROM {parquet("activities")} WHERE customer_key IS NOT NULL
      UNION SELECT customer_key FROM {parquet("orders")} WHERE customer_key IS NOT NULL)""",
        "activities": f"""
INSERT INTO db.crm_activity (id, tenant_id, activity_id, employee_id, customer_id, lead_id, kind, purpose,
                             started_at, duration_minutes, inbound_at, replied_at)
SELECT row_number() OVER (), {tenant_id}, 'A' || row_number() OVER (), employee_key, customer_key, NULL, 'call',
       coalesce(purpose, ''), {t("started_at")}, duration_minutes, {t("inbound_at")}, {t("replied_at")}
FROM {parquet("activities")}""",
        "leads": f"""
INSERT INTO db.crm_lead (id, tenant_id, lead_id, customer_id, owner_id, created_at, qualified_at, won_at, lost_at,
                         amount, currency)
SELECT row_number() OVER (), {tenant_id}, 'L' || row_number() OVER (), NULL, owner_key, {t("created_at")},
       {t("qualified_at")}, {t("won_at")}, NULL, NULL, ''
FROM {parquet("leads")}""",
        "orders": f"""
INSERT INTO db.crm_order (id, tenant_id, order_id, customer_id, employee_id, ordered_at, amount, currency)
SELECT row_number() OVER (), {tenant_id}, 'O' || row_number() OVER (), customer_key, employee_key,
       {t("ordered_at")}, amount, currency
FROM {parquet("orders")}""",
        "feedback": f"""
INSERT INTO db.crm_feedback (id, tenant_id, feedback_id, customer_id, employee_id, submitted_at, csat, nps, complaint)
SELECT row_number() OVER (), {tenant_id}, 'F' || row_number() OVER (), NULL, employee_key, {t("submitted_at")},
       csat, nps, complaint
FROM {parquet("feedback")}""",
        "tasks": f"""
INSERT INTO db.crm_task (id, tenant_id, task_id, employee_id, title, kind, due_at, completed_at)
SELECT row_number() OVER (), {tenant_id}, 'T' || row_number() OVER (), employee_key, '', '', {t("due_at")},
       {t("completed_at")}
FROM {parquet("tasks")}""",
        "targets": f"""
INSERT INTO db.crm_target (id, tenant_id, employee_id, month, metric, value)
SELECT row_number() OVER (), {tenant_id}, employee_key, CAST(month || '-01' AS DATE), metric, value
FROM {parquet("targets")}""",
        "fx_rates": f"""
INSERT INTO db.money_exchangerate (id, tenant_id, date, base, quote, rate)
SELECT row_number() OVER (), {tenant_id}, date, base, quote, rate FROM {parquet("fx_rates")}""",
    }
    seconds = {}
    for name, statement in statements.items():
        started = time.perf_counter()
        connection.execute(statement)
        seconds[name] = time.perf_counter() - started
    connection.close()
    started = time.perf_counter()
    _settle(url)
    seconds["settle"] = time.perf_counter() - started
    return seconds


_RESULT_TABLES = ("evaluation_metricsnapshot", "evaluation_benchmarksnapshot", "evaluation_evaluationrun")


def _statements(url: str, statements: list[str]) -> list[tuple[object, ...] | None]:
    """Run ``statements`` in one transaction; the first row of each."""
    if url.startswith("sqlite:///"):
        import sqlite3

        with sqlite3.connect(url.removeprefix("sqlite:///")) as database:
            return [database.execute(statement).fetchone() for statement in statements]
    import psycopg

    with psycopg.connect(url) as database:
        cursors = [database.execute(statement) for statement in statements]
        return [cursor.fetchone() if cursor.description else None for cursor in cursors]


def reuse(url: str, counts: dict[str, int]) -> bool:
    """If ``url`` already holds exactly this dataset, drop the results of earlier runs there and say so.

    The next run then starts from the state a fresh load leaves (no snapshots to replace); loading tens
    of millions of rows again would only repeat untimed work.
    """
    import sqlite3

    import psycopg

    from keepwell.evaluation.facts_source import FACT_READS

    try:
        tenants = _statements(url, [f"SELECT count(*) FROM tenancy_tenant WHERE slug = '{TENANT}'"])
        rows = _statements(url, [f"SELECT count(*) FROM {read.table}" for read in FACT_READS.values()])
    except (sqlite3.Error, psycopg.Error):  # no database there, or not a KeepWell one: load it
        return False
    if tenants != [(1,)] or rows != [(counts[name],) for name in FACT_READS]:
        return False
    _statements(url, [f"DELETE FROM {table}" for table in _RESULT_TABLES])
    _settle(url)
    return True


def _settle(url: str) -> None:
    """Leave the freshly loaded database as a running installation would have it by the next evaluation.

    PostgreSQL: ``VACUUM (ANALYZE)``, what autovacuum does after a bulk load (it is off on some test
    servers; without it the first scan pays for setting every row's hint bits). SQLite: the write-ahead
    log checkpointed into the database file, as SQLite's automatic checkpoints do for the application.
    """
    if url.startswith("sqlite:///"):
        import sqlite3

        with sqlite3.connect(url.removeprefix("sqlite:///")) as database:
            database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            database.execute("ANALYZE")
        return
    import psycopg

    with psycopg.connect(url, autocommit=True) as database:
        database.execute("VACUUM (ANALYZE)")


def run(url: str, as_of: str, month_from: str) -> dict[str, float | int]:
    """Evaluate the bench tenant through ``evaluation_run``; the phases as seconds (call in a child)."""
    os.environ.update(_environment(url))
    import django

    django.setup()
    from datetime import date

    from keepwell.evaluation.services import evaluation_run
    from keepwell.tenancy.services import tenant_get

    tenant = tenant_get(slug=TENANT)
    marks: dict[str, float] = {}

    def progress(step: str, done: int, total: int) -> None:
        marks.setdefault(f"{step}:{'end' if done >= total else 'start'}", time.perf_counter())

    started = time.perf_counter()
    result = evaluation_run(
        tenant=tenant, as_of=date.fromisoformat(as_of), month_from=month_from, progress=progress
    )
    finished = time.perf_counter()
    read_end = marks.get("read facts:end", started)
    store_start = marks.get("store:start", finished)
    return {
        "read_s": read_end - started,
        "evaluate_s": store_start - read_end,
        "store_s": finished - store_start,
        "total_s": finished - started,
        "metric_rows": result.metric_rows,
    }


if __name__ == "__main__":
    print(json.dumps(run(*sys.argv[1:4])))
