"""Stored evaluations: one run computes every metric for a range of months; readers see complete runs only."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from keepwell.tenancy.models import TenantModel


class RunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    COMPLETE = "complete", _("Complete")
    FAILED = "failed", _("Failed")


class EvaluationRun(TenantModel):
    as_of = models.DateField()
    month_from = models.CharField(max_length=7)
    month_to = models.CharField(max_length=7)
    group_kind = models.CharField(max_length=16, default="team")
    status = models.CharField(max_length=16, choices=RunStatus.choices, default=RunStatus.RUNNING)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    employees = models.PositiveIntegerField(default=0)
    metric_rows = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["tenant", "status", "finished_at"], name="evaluation_run_status_idx")]


class MetricSnapshot(TenantModel):
    """Every metric of one employee and month: ``values`` maps metric id → [value, numerator, denominator,
    provisional] (decimal strings or null). One row per employee-month keeps a 10,000-person evaluation
    a few hundred thousand rows rather than millions."""

    run = models.ForeignKey(EvaluationRun, on_delete=models.CASCADE, related_name="+", db_index=False)
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    month = models.CharField(max_length=7)
    values = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "employee", "month", "run"], name="metric_snapshot_unique"
            )
        ]
        indexes = [models.Index(fields=["tenant", "run"], name="metric_snapshot_run_idx")]


class BenchmarkSnapshot(TenantModel):
    """Benchmarks of one comparison group and month: ``values`` maps metric id → [n, mean, median, p90,
    top_decile_mean]."""

    run = models.ForeignKey(EvaluationRun, on_delete=models.CASCADE, related_name="+", db_index=False)
    group_kind = models.CharField(max_length=16)
    group_id = models.CharField(max_length=64)
    month = models.CharField(max_length=7)
    values = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "group_kind", "group_id", "month", "run"], name="benchmark_snapshot_unique"
            )
        ]
        indexes = [models.Index(fields=["tenant", "run"], name="benchmark_snapshot_run_idx")]
