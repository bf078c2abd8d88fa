"""Reading stored evaluations: only complete runs, so a run in progress is never half visible."""

from __future__ import annotations

import pyarrow as pa
from django.db.models import QuerySet

from keepwell.evaluation.models import BenchmarkSnapshot, EvaluationRun, MetricSnapshot, RunStatus
from keepwell.people.models import Employee


def latest_run() -> EvaluationRun | None:
    return EvaluationRun.objects.filter(status=RunStatus.COMPLETE).order_by("-finished_at", "-pk").first()


def metric_snapshots(*, month: str | None = None) -> QuerySet[MetricSnapshot]:
    snapshots = MetricSnapshot.objects.filter(run__status=RunStatus.COMPLETE)
    if month:
        snapshots = snapshots.filter(month=month)
    return snapshots


def benchmark_snapshots(
    *, month: str | None = None, group_kind: str | None = None
) -> QuerySet[BenchmarkSnapshot]:
    snapshots = BenchmarkSnapshot.objects.filter(run__status=RunStatus.COMPLETE)
    if month:
        snapshots = snapshots.filter(month=month)
    if group_kind:
        snapshots = snapshots.filter(group_kind=group_kind)
    return snapshots


_EXPORT_SQL = {
    "metrics": """
SELECT e.employee_id, s.month, m.metric,
       CAST(json_extract_string(s.j, '$.' || m.metric || '[0]') AS DECIMAL(38, 10)) AS value,
       CAST(json_extract_string(s.j, '$.' || m.metric || '[1]') AS DECIMAL(38, 10)) AS numerator,
       CAST(json_extract_string(s.j, '$.' || m.metric || '[2]') AS DECIMAL(38, 10)) AS denominator,
       json_extract_string(s.j, '$.' || m.metric || '[3]') = 'true' AS provisional
FROM (SELECT employee_id AS employee_key, month, CAST("values" AS JSON) AS j
      FROM {db}.evaluation_metricsnapshot
      WHERE tenant_id = {tenant} AND run_id IN ({runs}) {month_filter}) AS s
JOIN {db}.people_employee AS e ON e.id = s.employee_key
JOIN (SELECT unnest({metric_ids}) AS metric, generate_subscripts({metric_ids}, 1) AS position) AS m
  ON json_exists(s.j, '$.' || m.metric)
ORDER BY e.employee_id, s.month, m.position""",
    "benchmarks": """
SELECT s.group_id, s.month, m.metric,
       CAST(json_extract_string(s.j, '$.' || m.metric || '[0]') AS BIGINT) AS n,
       CAST(json_extract_string(s.j, '$.' || m.metric || '[1]') AS DECIMAL(38, 10)) AS mean,
       CAST(json_extract_string(s.j, '$.' || m.metric || '[2]') AS DECIMAL(38, 10)) AS median,
       CAST(json_extract_string(s.j, '$.' || m.metric || '[3]') AS DECIMAL(38, 10)) AS p90,
       CAST(json_extract_string(s.j, '$.' || m.metric || '[4]') AS DECIMAL(38, 10)) AS top_decile_mean
FROM (SELECT group_id, month, CAST("values" AS JSON) AS j
      FROM {db}.evaluation_benchmarksnapshot
      WHERE tenant_id = {tenant} AND run_id IN ({runs}) AND group_kind = {group_kind} {month_filter}) AS s
JOIN (SELECT unnest({metric_ids}) AS metric, generate_subscripts({metric_ids}, 1) AS position) AS m
  ON json_exists(s.j, '$.' || m.metric)
ORDER BY s.group_id, s.month, m.position""",
}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def export_table(*, kind: str, month: str | None = None, group_kind: str = "team") -> pa.Table:
    """The stored metrics or benchmarks of the current tenant as one Arrow table in the export's columns.

    Read set-wise by DuckDB from the database, the JSON of each snapshot unnested into one row per metric.
    """
    import duckdb

    from keepwell.engine import METRIC_IDS
    from keepwell.evaluation.facts_source import SOURCE_ALIAS, attach_source
    from keepwell.tenancy.context import get_current_tenant

    tenant = get_current_tenant()
    runs = list(EvaluationRun.objects.filter(status=RunStatus.COMPLETE).values_list("pk", flat=True)) or [0]
    sql = (
        _EXPORT_SQL[kind]
        .replace("{db}", SOURCE_ALIAS)
        .replace("{tenant}", str(int(tenant.pk)))
        .replace("{runs}", ", ".join(str(int(run)) for run in runs))
        .replace("{group_kind}", _quote(group_kind))
        .replace("{metric_ids}", "[" + ", ".join(_quote(metric) for metric in METRIC_IDS) + "]")
        .replace("{month_filter}", f"AND month = {_quote(month)}" if month else "")
    )
    con = duckdb.connect(config={"threads": 2})
    try:
        attach_source(con)
        return con.execute(sql).to_arrow_table()
    finally:
        con.close()


def employee_metric_history(*, employee: Employee, months: int = 12) -> list[MetricSnapshot]:
    """The employee's last ``months`` stored months, oldest first."""
    rows = list(metric_snapshots().filter(employee=employee).order_by("-month")[:months])
    return rows[::-1]


def employee_metric_table(*, employee: Employee, months: int = 12) -> dict[str, object]:
    """The employee's last ``months`` months of every metric beside the team mean and top decile.

    Returns ``{"months": [...], "rows": [{"spec", "cells": [{value, numerator, denominator, provisional,
    group_mean, top_decile_mean} | None]}]}``, metrics in specification order.
    """
    from keepwell.engine.metrics import METRICS

    history = employee_metric_history(employee=employee, months=months)
    month_labels = [snapshot.month for snapshot in history]
    benchmarks = {
        snapshot.month: snapshot.values
        for snapshot in benchmark_snapshots(group_kind="team").filter(
            group_id=employee.team.code, month__in=month_labels
        )
    }
    rows = []
    for spec in METRICS:
        cells: list[dict[str, object] | None] = []
        for snapshot in history:
            values = snapshot.values.get(spec.id)
            if values is None:
                cells.append(None)
                continue
            value, numerator, denominator, provisional = values
            group = benchmarks.get(snapshot.month, {}).get(spec.id) or [None] * 5
            cells.append(
                {
                    "value": value,
                    "numerator": numerator,
                    "denominator": denominator,
                    "provisional": provisional == "true",
                    "group_mean": group[1],
                    "top_decile_mean": group[4],
                }
            )
        rows.append({"spec": spec, "cells": cells})
    return {"months": month_labels, "rows": rows}
