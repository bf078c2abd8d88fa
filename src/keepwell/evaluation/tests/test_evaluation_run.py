"""Evaluating a tenant end to end: facts read from the database, values stored, exported, never mixed."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from django.core.management import call_command

from keepwell.engine.metrics import METRICS
from keepwell.errors import KeepWellError
from keepwell.evaluation.models import EvaluationRun, MetricSnapshot, RunStatus
from keepwell.evaluation.selectors import employee_metric_history, latest_run
from keepwell.evaluation.services import evaluation_run
from keepwell.money.models import ExchangeRate
from keepwell.people.models import Employee
from keepwell.tenancy.context import tenant_context

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def facts(crm_facts):
    return crm_facts


def _values(world, employee_id: str, month: str) -> dict[str, list[str | None]]:
    with tenant_context(world.tenant_a):
        return MetricSnapshot.objects.get(employee__employee_id=employee_id, month=month).values


def test_evaluation_computes_and_stores_exact_values(facts):
    run = evaluation_run(tenant=facts.tenant_a, as_of=date(2026, 11, 27))
    assert run.status == RunStatus.COMPLETE
    assert (run.month_from, run.month_to) == ("2022-01", "2026-11")
    october = _values(facts, "N001", "2026-10")
    assert october["activities"][:3] == ["3", "3", None]
    assert october["customers_followed"][:3] == ["2", "2", None]
    assert october["screening_share"][:3] == ["0.25", "30", "120"]
    assert october["revenue"][:2] == ["57800", "57800"]
    assert october["quota_attainment"][:3] == ["0.578", "57800", "100000"]
    assert october["lead_conversion_rate"] == ["0.2", "1", "5", "true"]
    november = _values(facts, "N001", "2026-11")
    assert november["activities"][:2] == ["1", "1"]


def test_a_missing_exchange_rate_fails_the_run_and_keeps_the_previous_values(facts):
    evaluation_run(tenant=facts.tenant_a, as_of=date(2026, 11, 27))
    with tenant_context(facts.tenant_a):
        ExchangeRate.objects.all().delete()
    with pytest.raises(KeepWellError, match="EUR"):
        evaluation_run(tenant=facts.tenant_a, as_of=date(2026, 11, 27))
    with tenant_context(facts.tenant_a):
        assert list(EvaluationRun.objects.order_by("pk").values_list("status", flat=True)) == [
            "complete",
            "failed",
        ]
    assert _values(facts, "N001", "2026-10")["revenue"][0] == "57800"


def test_recomputation_replaces_the_snapshot_for_its_months_only(facts):
    first = evaluation_run(tenant=facts.tenant_a, as_of=date(2026, 11, 27))
    second = evaluation_run(
        tenant=facts.tenant_a, as_of=date(2026, 11, 27), month_from="2026-10", month_to="2026-10"
    )
    with tenant_context(facts.tenant_a):
        rep = Employee.objects.get(employee_id="N001")
        runs = dict(MetricSnapshot.objects.filter(employee=rep).values_list("month", "run_id"))
        assert runs["2026-10"] == second.pk
        assert runs["2026-09"] == first.pk
        assert len([month for month in runs if month == "2026-10"]) == 1
        assert latest_run().pk == second.pk
        history = employee_metric_history(employee=rep, months=3)
    assert [snapshot.month for snapshot in history] == ["2026-09", "2026-10", "2026-11"]


def test_other_tenants_are_not_evaluated_or_touched(facts):
    evaluation_run(tenant=facts.tenant_a, as_of=date(2026, 11, 27))
    with tenant_context(facts.tenant_b):
        assert MetricSnapshot.objects.count() == 0
    run_b = evaluation_run(tenant=facts.tenant_b, as_of=date(2026, 11, 27))
    with tenant_context(facts.tenant_b):
        assert set(MetricSnapshot.objects.values_list("employee__employee_id", flat=True)) == {"B001"}
    assert run_b.employees == 1


def test_metrics_and_benchmarks_export_commands(facts, tmp_path):
    call_command("evaluate", "--tenant", "acme", "--as-of", "2026-11-27")
    out = tmp_path / "metrics.csv"
    call_command("metrics", "export", "--tenant", "acme", "--out", str(out), "--month", "2026-10")
    rows = list(csv.DictReader(out.open()))
    assert list(rows[0]) == [
        "employee_id",
        "month",
        "metric",
        "value",
        "numerator",
        "denominator",
        "provisional",
    ]
    n001 = {row["metric"]: row for row in rows if row["employee_id"] == "N001"}
    assert n001["lead_conversion_rate"] == {
        "employee_id": "N001",
        "month": "2026-10",
        "metric": "lead_conversion_rate",
        "value": "0.2",
        "numerator": "1",
        "denominator": "5",
        "provisional": "true",
    }
    assert n001["response_24h_rate"]["value"] == ""
    assert len(rows) == 6 * 14
    bench = tmp_path / "benchmarks.json"
    call_command("benchmarks", "export", "--tenant", "acme", "--out", str(bench), "--month", "2026-10")
    import json

    groups = json.loads(bench.read_text())
    north_revenue = next(row for row in groups if row["group_id"] == "north" and row["metric"] == "revenue")
    assert north_revenue["n"] == 3
    assert north_revenue["month"] == "2026-10"


def test_employee_page_shows_metrics_beside_team_benchmarks(facts):
    evaluation_run(tenant=facts.tenant_a, as_of=date(2026, 11, 27))
    response = facts.client_for("hr_a").get("/employees/N001/?as_of=2026-11-27")
    table = response.context["metric_table"]
    assert table["months"][-2:] == ["2026-10", "2026-11"]
    rows = {row["spec"].id: row["cells"] for row in table["rows"]}
    october = rows["lead_conversion_rate"][-2]
    assert october == {
        "value": "0.2",
        "numerator": "1",
        "denominator": "5",
        "provisional": True,
        # North team in October: N001 0.2, N000 and N002 have no leads (null): mean over the one value.
        "group_mean": "0.2",
        "top_decile_mean": "0.2",
    }
    content = response.content.decode()
    assert 'title="1 / 5"' in content
    assert "20.0%*" in content


@pytest.mark.postgres_only
def test_a_share_of_the_parallel_store_failing_fails_the_run_and_leaves_no_rows_of_it(facts, monkeypatch):
    from django.db import DatabaseError

    from keepwell.evaluation import services
    from keepwell.evaluation.models import BenchmarkSnapshot

    first = evaluation_run(tenant=facts.tenant_a, as_of=date(2026, 11, 27))
    stored = services._bulk_insert

    def failing(table: str, rows) -> None:
        if table == BenchmarkSnapshot._meta.db_table:  # the last share, after the first one committed
            raise DatabaseError("the server went away")
        stored(table, rows)

    monkeypatch.setattr(services, "_bulk_insert", failing)
    with pytest.raises(DatabaseError, match="the server went away"):
        evaluation_run(tenant=facts.tenant_a, as_of=date(2026, 11, 27))

    with tenant_context(facts.tenant_a):
        failed = EvaluationRun.objects.exclude(pk=first.pk).get()
        assert (failed.status, failed.error) == (RunStatus.FAILED, "the server went away")
        assert not MetricSnapshot.objects.filter(run=failed).exists()
        assert MetricSnapshot.objects.filter(run=first).count() == first.metric_rows // len(METRICS)
    assert _values(facts, "N001", "2026-10")["revenue"][0] == "57800"
