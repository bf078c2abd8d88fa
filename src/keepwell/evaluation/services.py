"""Running an evaluation and storing it so that readers never see half a run."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa
from django.db import connection, transaction
from django.utils import timezone

from keepwell.audit.services import audit_record
from keepwell.errors import KeepWellError
from keepwell.evaluation.facts_source import load_facts
from keepwell.evaluation.models import BenchmarkSnapshot, EvaluationRun, MetricSnapshot, RunStatus
from keepwell.tenancy.context import tenant_context
from keepwell.tenancy.models import Tenant

Progress = Callable[[str, int, int], None]


# Per employee-month: {metric: [value, numerator, denominator, provisional]}, decimals as exact text.
def _snapshot_sql(keys: str, fields: tuple[str, ...], source: str) -> str:
    """Rows of ``keys`` with a JSON object {metric: [field…]} of exact, trailing-zero-free decimal text.

    The object is assembled as text: metric ids are plain identifiers and every value is either a
    number's text or null, so nothing needs escaping. Keys come sorted by metric.
    """
    from keepwell.engine.export import _number_text

    numbers = [field for field in fields if field != "provisional"]
    texts = ", ".join(f"CAST({field} AS VARCHAR) AS {field}" for field in numbers)
    items = " || ',' || ".join(
        _PROVISIONAL if field == "provisional" else f"coalesce('\"' || {_number_text(field)} || '\"', 'null')"
        for field in fields
    )
    provisional = ", provisional" if "provisional" in fields else ""
    return f"""
WITH texts AS (SELECT {keys}, metric, {texts}{provisional} FROM {source})
SELECT {keys},
       '{{' || string_agg('"' || metric || '":[' || {items} || ']', ',' ORDER BY metric) || '}}' AS snapshot
FROM texts GROUP BY {keys} ORDER BY {keys}"""


_PROVISIONAL = """CASE WHEN provisional THEN '"true"' ELSE '"false"' END"""
# Per employee-month: {metric: [value, numerator, denominator, provisional]}.
_METRIC_ROWS_SQL = _snapshot_sql(
    "employee_key, month", ("value", "numerator", "denominator", "provisional"), "metric_values"
)
# Per group-month: {metric: [n, mean, median, p90, top_decile_mean]}.
_BENCHMARK_ROWS_SQL = _snapshot_sql(
    "group_kind, group_id, month", ("n", "mean", "median", "p90", "top_decile_mean"), "benchmarks"
)


def _snapshot_rows(evaluation: Any) -> tuple[pa.Table, pa.Table]:
    con = duckdb.connect(config={"threads": 2})
    try:
        con.register("metric_values", evaluation.metric_values)
        con.register("benchmarks", evaluation.benchmarks)
        return con.execute(_METRIC_ROWS_SQL).to_arrow_table(), con.execute(
            _BENCHMARK_ROWS_SQL
        ).to_arrow_table()
    finally:
        con.close()


def _bulk_insert(table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert many rows at once: COPY on PostgreSQL, one executemany on SQLite."""
    if not rows:
        return
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _store(run: EvaluationRun, metric_rows: pa.Table, benchmark_rows: pa.Table) -> None:
    tenant_id, run_id = run.tenant_id, run.pk
    _bulk_insert(
        MetricSnapshot._meta.db_table,
        ["tenant_id", "run_id", "employee_id", "month", "values"],
        [
            (tenant_id, run_id, employee, month, snapshot)
            for employee, month, snapshot in zip(
                metric_rows.column("employee_key").to_pylist(),
                metric_rows.column("month").to_pylist(),
                metric_rows.column("snapshot").to_pylist(),
                strict=True,
            )
        ],
    )
    _bulk_insert(
        BenchmarkSnapshot._meta.db_table,
        ["tenant_id", "run_id", "group_kind", "group_id", "month", "values"],
        [
            (tenant_id, run_id, kind, group, month, snapshot)
            for kind, group, month, snapshot in zip(
                benchmark_rows.column("group_kind").to_pylist(),
                benchmark_rows.column("group_id").to_pylist(),
                benchmark_rows.column("month").to_pylist(),
                benchmark_rows.column("snapshot").to_pylist(),
                strict=True,
            )
        ],
    )


def evaluation_run(
    *,
    tenant: Tenant,
    as_of: date,
    month_from: str | None = None,
    month_to: str | None = None,
    group_by: str = "team",
    progress: Progress | None = None,
    actor: Any = None,
) -> EvaluationRun:
    """Compute every metric and benchmark and replace the stored ones for those months in one transaction."""
    from keepwell.engine.errors import EngineError
    from keepwell.engine.evaluate import evaluate

    with tenant_context(tenant):
        run = EvaluationRun.objects.create(
            as_of=as_of,
            month_from=month_from or "",
            month_to=month_to or "",
            group_kind=group_by,
            started_at=timezone.now(),
        )
        try:
            if progress:
                progress("read facts", 0, 1)
            facts = load_facts(tenant)
            if progress:
                progress("read facts", 1, 1)
            evaluation = evaluate(
                facts,
                as_of=as_of,
                month_from=month_from,
                month_to=month_to,
                group_by=group_by,
                progress=progress,
            )
            metric_rows, benchmark_rows = _snapshot_rows(evaluation)
        except (EngineError, KeepWellError) as error:
            EvaluationRun.objects.filter(pk=run.pk).update(
                status=RunStatus.FAILED, error=str(error), finished_at=timezone.now()
            )
            if isinstance(error, KeepWellError):
                raise
            raise KeepWellError(str(error), code="evaluation_failed") from error
        months = metric_rows.column("month").to_pylist()
        run.month_from = min(months) if months else (month_from or "")
        run.month_to = max(months) if months else (month_to or "")
        run.employees = len(set(metric_rows.column("employee_key").to_pylist()))
        run.metric_rows = evaluation.metric_values.num_rows
        if progress:
            progress("store", 0, 1)
        with transaction.atomic():
            _store(run, metric_rows, benchmark_rows)
            stale = {"month__gte": run.month_from, "month__lte": run.month_to}
            MetricSnapshot.objects.filter(**stale).exclude(run=run).delete()
            BenchmarkSnapshot.objects.filter(**stale, group_kind=group_by).exclude(run=run).delete()
            run.status = RunStatus.COMPLETE
            run.finished_at = timezone.now()
            run.save()
            audit_record(
                action="evaluation.run",
                actor=actor,
                object_type="evaluation_run",
                object_id=str(run.pk),
                data={
                    "as_of": as_of.isoformat(),
                    "months": [run.month_from, run.month_to],
                    "rows": run.metric_rows,
                },
            )
        if progress:
            progress("store", 1, 1)
    return run


def snapshot_values(snapshot: MetricSnapshot | BenchmarkSnapshot) -> dict[str, list[Any]]:
    values = snapshot.values
    return json.loads(values) if isinstance(values, str) else dict(values)
