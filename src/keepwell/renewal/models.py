from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from keepwell.tenancy.models import TenantModel


class RenewalPolicy(TenantModel):
    """A tenant's settings for evaluation and renewal advice; a tenant without a row uses the defaults."""

    horizon_days = models.PositiveSmallIntegerField(default=90)
    comparison_group = models.CharField(max_length=16, default="team")
    window_months = models.PositiveSmallIntegerField(default=3)
    attitude_threshold = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal(50))
    performance_threshold = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal(50))
    # Optional weight overrides: {"attitude": {"csat": 2, ...}, "performance": {...}}.
    weights = models.JSONField(default=dict, blank=True)
    # Cost assumptions, in the reporting currency.
    replacement_cost = models.DecimalField(max_digits=20, decimal_places=2, default=Decimal(60000))
    ramp_up_months = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal(4))
    improvement_plan_cost = models.DecimalField(max_digits=20, decimal_places=2, default=Decimal(15000))
    gross_margin_rate = models.DecimalField(max_digits=5, decimal_places=4, default=Decimal("0.3"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant"], name="renewal_policy_one_per_tenant"),
            models.CheckConstraint(
                condition=Q(gross_margin_rate__gte=0, gross_margin_rate__lte=1),
                name="renewal_policy_margin_rate",
            ),
        ]


class ReserveCandidate(TenantModel):
    """Someone being prepared for a role: an employee or an outside candidate, ready by a date."""

    candidate_id = models.CharField(max_length=64)
    name = models.CharField(max_length=200)
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, null=True, blank=True, related_name="+", db_index=False
    )
    team = models.ForeignKey("people.OrgUnit", on_delete=models.CASCADE, related_name="+", db_index=False)
    target_role = models.CharField(max_length=64)
    readiness_date = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "candidate_id"], name="reserve_candidate_unique")
        ]
        indexes = [models.Index(fields=["tenant", "team"], name="reserve_candidate_team_idx")]


class ManagerRating(TenantModel):
    """A manager's 1–5 rating of an employee's attitude in a month; joins the attitude score when present."""

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    month = models.DateField()  # the month's first day
    rating = models.PositiveSmallIntegerField()
    rated_by = models.ForeignKey(
        "people.Employee", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", db_index=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "employee", "month"], name="manager_rating_unique"),
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="manager_rating_1_5"),
        ]


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class RenewalCase(TenantModel):
    """One per contract up for renewal; ``evidence`` is the whole case as ``renewal show`` prints it."""

    contract = models.ForeignKey(
        "contracts.EmploymentContract", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    status = models.CharField(max_length=16, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    opened_at = models.DateTimeField()
    as_of = models.DateField()
    refreshed_at = models.DateTimeField()
    contract_end = models.DateField()
    notice_deadline = models.DateField(null=True, blank=True)
    quadrant = models.CharField(max_length=32)
    recommended_action = models.CharField(max_length=40)
    evidence = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "contract"], name="renewal_case_one_per_contract")
        ]
        indexes = [
            models.Index(fields=["tenant", "status", "notice_deadline"], name="renewal_case_queue_idx"),
            models.Index(fields=["tenant", "employee"], name="renewal_case_employee_idx"),
        ]
