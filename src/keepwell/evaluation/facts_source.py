"""Reading a tenant's facts for the metrics engine straight from where they are stored.

DuckDB attaches the application database read-only (its SQLite or PostgreSQL scanner extension, installed
from PyPI with DuckDB itself, so nothing is downloaded at run time) and reads each fact table in one
set-wise scan, typed to the engine's contract (``keepwell.engine.facts``). No Python loop touches a row.
"""

from __future__ import annotations

import os
from importlib import import_module
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa
from django.conf import settings
from django.db import connection

if TYPE_CHECKING:
    from keepwell.tenancy.models import Tenant

SOURCE_ALIAS = "kw_source"

# One SELECT per fact table, over the attached database; {tenant} is the tenant's primary key.
FACT_QUERIES: dict[str, str] = {
    "employees": """
SELECT e.id AS employee_key, e.employee_id, t.code AS team,
       CASE WHEN d.kind = 'department' THEN d.code END AS department,
       e.role, e.hire_date, e.timezone
FROM {db}.people_employee AS e
JOIN {db}.people_orgunit AS t ON t.id = e.team_id
LEFT JOIN {db}.people_orgunit AS d ON d.id = t.parent_id
WHERE e.tenant_id = {tenant}""",
    "activities": """
SELECT employee_id AS employee_key, customer_id AS customer_key, NULLIF(purpose, '') AS purpose,
       {ts:started_at}, duration_minutes, {ts:inbound_at}, {ts:replied_at}
FROM {db}.crm_activity WHERE tenant_id = {tenant}""",
    "leads": """
SELECT owner_id AS owner_key, {ts:created_at}, {ts:qualified_at}, {ts:won_at}
FROM {db}.crm_lead WHERE tenant_id = {tenant}""",
    "orders": """
SELECT customer_id AS customer_key, employee_id AS employee_key, {ts:ordered_at},
       CAST(amount AS DECIMAL(20, 4)) AS amount, currency
FROM {db}.crm_order WHERE tenant_id = {tenant}""",
    "feedback": """
SELECT employee_id AS employee_key, {ts:submitted_at}, CAST(csat AS BIGINT) AS csat,
       CAST(nps AS BIGINT) AS nps, CAST(complaint AS BOOLEAN) AS complaint
FROM {db}.crm_feedback WHERE tenant_id = {tenant}""",
    "tasks": """
SELECT employee_id AS employee_key, {ts:due_at}, {ts:completed_at}
FROM {db}.crm_task WHERE tenant_id = {tenant}""",
    "targets": """
SELECT employee_id AS employee_key, strftime(CAST(month AS DATE), '%Y-%m') AS month, metric,
       CAST(value AS DECIMAL(20, 4)) AS value
FROM {db}.crm_target WHERE tenant_id = {tenant}""",
    "fx_rates": """
SELECT CAST(date AS DATE) AS date, base, quote, CAST(rate AS DECIMAL(20, 10)) AS rate
FROM {db}.money_exchangerate WHERE tenant_id = {tenant}""",
}


def _extension_path(module_name: str, extension: str) -> str:
    module = import_module(module_name)
    folder = os.path.join(os.path.dirname(module.__file__ or ""), "extensions", f"v{duckdb.__version__}")
    path = os.path.join(folder, f"{extension}.duckdb_extension")
    if not os.path.exists(path):
        raise RuntimeError(
            f"DuckDB extension {extension} for DuckDB {duckdb.__version__} not found at {path}"
        )
    return path


def _libpq_dsn(database: dict[str, Any]) -> str:
    parts = {
        "host": database.get("HOST") or "",
        "port": str(database.get("PORT") or ""),
        "dbname": database.get("NAME") or "",
        "user": database.get("USER") or "",
        "password": database.get("PASSWORD") or "",
    }
    return " ".join(f"{key}={value}" for key, value in parts.items() if value)


def attach_database(
    con: duckdb.DuckDBPyConnection,
    database: dict[str, Any],
    *,
    alias: str = SOURCE_ALIAS,
    read_only: bool = True,
) -> str:
    """Attach a database described like Django's ``DATABASES`` entry; return its vendor."""
    con.execute("SET TimeZone = 'UTC'")
    mode = ", READ_ONLY" if read_only else ""
    engine = str(database["ENGINE"])
    if engine.endswith("sqlite3"):
        con.execute(f"LOAD '{_extension_path('duckdb_extension_sqlite_scanner', 'sqlite_scanner')}'")
        name = str(database["NAME"]).replace("'", "''")
        con.execute(f"ATTACH '{name}' AS {alias} (TYPE sqlite{mode})")
        return "sqlite"
    if "postgresql" in engine:
        con.execute(f"LOAD '{_extension_path('duckdb_extension_postgres_scanner', 'postgres_scanner')}'")
        dsn = _libpq_dsn(database).replace("'", "''")
        con.execute(f"ATTACH '{dsn}' AS {alias} (TYPE postgres{mode})")
        return "postgresql"
    raise RuntimeError(f"the metrics engine cannot read a {engine} database")


def attach_source(con: duckdb.DuckDBPyConnection) -> str:
    """Attach the application's database (the test database under tests) to ``con``, read-only."""
    return attach_database(con, {**settings.DATABASES["default"], "NAME": connection.settings_dict["NAME"]})


def fact_query(table: str, *, tenant: Tenant) -> str:
    """The typed SELECT of one fact table for one tenant.

    Timestamps are read as they are stored: TIMESTAMPTZ from PostgreSQL; from SQLite, Django's UTC text
    read as TIMESTAMP (UTC wall time), which ``load_facts`` then labels UTC in Arrow without converting:
    a per-row time-zone cast would cost more than the whole scan.
    """
    sql = FACT_QUERIES[table].replace("{db}", SOURCE_ALIAS).replace("{tenant}", str(int(tenant.pk)))
    while "{ts:" in sql:
        start = sql.index("{ts:")
        end = sql.index("}", start)
        sql = sql[:start] + sql[start + 4 : end] + sql[end + 1 :]
    return sql


def _utc_labelled(table: pa.Table) -> pa.Table:
    """Naive UTC timestamps as ``timestamp[us, UTC]``: the stored instants are unchanged."""
    for index, field in enumerate(table.schema):
        if pa.types.is_timestamp(field.type) and field.type.tz is None:
            table = table.set_column(
                index, field.name, table.column(index).cast(pa.timestamp("us", tz="UTC"))
            )
    return table


def load_facts(tenant: Tenant) -> Any:
    """The tenant's facts as the engine's ``Facts`` (Arrow tables read by DuckDB in bulk)."""
    from keepwell.engine.facts import Facts

    con = duckdb.connect(config={"threads": 2})
    try:
        attach_source(con)
        tables = {
            name: _utc_labelled(con.execute(fact_query(name, tenant=tenant)).to_arrow_table())
            for name in FACT_QUERIES
        }
    finally:
        con.close()
    return Facts(reporting_currency=tenant.reporting_currency, tenant_id=tenant.slug, **tables)
