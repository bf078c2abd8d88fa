from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from keepwell.tenancy.models import TenantModel


class OrgUnitKind(models.TextChoices):
    COMPANY = "company", _("Company")
    DEPARTMENT = "department", _("Department")
    TEAM = "team", _("Team")


class OrgUnit(TenantModel):
    """A node of the organisation tree. ``code`` is the ``team`` value of the interchange files."""

    code = models.CharField(max_length=64)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=OrgUnitKind.choices, default=OrgUnitKind.TEAM)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", db_index=False
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "code"], name="org_unit_code_unique")]
        indexes = [models.Index(fields=["tenant", "parent"], name="org_unit_parent_idx")]
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class EmployeeStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ON_LEAVE = "on_leave", _("On leave")
    LEFT = "left", _("Left")


class Employee(TenantModel):
    employee_id = models.CharField(max_length=64)
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True, default="")
    team = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="members", db_index=False)
    manager = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="reports", db_index=False
    )
    role = models.CharField(max_length=64)
    hire_date = models.DateField()
    # ISO 3166-1 country, optionally with its ISO 3166-2 subdivision: "DE", "CN-BJ".
    jurisdiction = models.CharField(max_length=10)
    timezone = models.CharField(max_length=64)
    currency = models.CharField(max_length=3)
    status = models.CharField(max_length=16, choices=EmployeeStatus.choices, default=EmployeeStatus.ACTIVE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "employee_id"], name="employee_id_unique")]
        indexes = [
            models.Index(fields=["tenant", "team"], name="employee_team_idx"),
            models.Index(fields=["tenant", "manager"], name="employee_manager_idx"),
        ]
        ordering = ["employee_id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.employee_id})"
