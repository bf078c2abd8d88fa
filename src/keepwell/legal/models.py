"""Legal facts about employees that the rule packs read, beyond contracts and pay."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from keepwell.tenancy.models import TenantModel


class ProtectedStatus(TenantModel):
    """A period during which the law may protect the employee (pregnancy, medical leave, work injury…).

    ``kind`` is one of the fact vocabulary's status kinds; health-related, so readable by HR and admins only.
    """

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    kind = models.CharField(max_length=32)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["tenant", "employee"], name="protected_status_employee_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="protected_status_dates",
            )
        ]


class LegalProfile(TenantModel):
    """Per-employee inputs of the rule packs: birth date and documented facts (e.g. a request to continue)."""

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    birth_date = models.DateField(null=True, blank=True)
    facts = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "employee"], name="legal_profile_one_per_employee")
        ]


class LocalAverageWage(TenantModel):
    """The published local average monthly wage (e.g. Beijing's), used by caps such as China's LCL Art 47."""

    jurisdiction = models.CharField(max_length=10)
    effective_from = models.DateField()
    amount = models.DecimalField(max_digits=20, decimal_places=2)
    currency = models.CharField(max_length=3)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "jurisdiction", "effective_from"], name="local_average_wage_unique"
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="local_average_wage_positive"),
        ]
