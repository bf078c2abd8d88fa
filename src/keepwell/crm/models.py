"""CRM facts, as imported from the tenant's CRM. Timestamps are stored in UTC."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from keepwell.tenancy.models import TenantModel


class ActivityKind(models.TextChoices):
    CALL = "call", _("Call")
    VISIT = "visit", _("Visit")
    EMAIL = "email", _("Email")
    MEETING = "meeting", _("Meeting")
    DEMO = "demo", _("Demo")


class ActivityPurpose(models.TextChoices):
    SCREENING = "screening", _("Lead screening")
    NEEDS_DISCOVERY = "needs_discovery", _("Needs discovery")
    FOLLOW_UP = "follow_up", _("Follow-up")
    DEMO = "demo", _("Demo")
    SUPPORT = "support", _("Support")


def _unique_id(field: str, name: str) -> models.UniqueConstraint:
    return models.UniqueConstraint(fields=["tenant", field], name=name)


def _not_negative(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}), name=name
    )


class Customer(TenantModel):
    customer_id = models.CharField(max_length=64)
    name = models.CharField(max_length=200)
    industry = models.CharField(max_length=100, blank=True, default="")
    size = models.CharField(max_length=32, blank=True, default="")
    owner = models.ForeignKey(
        "people.Employee",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="customers",
        db_index=False,
    )

    class Meta:
        constraints = [_unique_id("customer_id", "customer_id_unique")]
        indexes = [models.Index(fields=["tenant", "owner"], name="customer_owner_idx")]

    def __str__(self) -> str:
        return self.name


class Lead(TenantModel):
    lead_id = models.CharField(max_length=64)
    customer = models.ForeignKey(Customer, on_delete=models.SET_NULL, null=True, blank=True, db_index=False)
    owner = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="leads", db_index=False
    )
    created_at = models.DateTimeField()
    qualified_at = models.DateTimeField(null=True, blank=True)
    won_at = models.DateTimeField(null=True, blank=True)
    lost_at = models.DateTimeField(null=True, blank=True)
    amount = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True, default="")

    class Meta:
        constraints = [
            _unique_id("lead_id", "lead_id_unique"),
            _not_negative("amount", "lead_amount_not_negative"),
        ]
        indexes = [models.Index(fields=["tenant", "owner", "created_at"], name="lead_owner_created_idx")]


class Activity(TenantModel):
    activity_id = models.CharField(max_length=64)
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="activities", db_index=False
    )
    customer = models.ForeignKey(Customer, on_delete=models.SET_NULL, null=True, blank=True, db_index=False)
    lead = models.ForeignKey(Lead, on_delete=models.SET_NULL, null=True, blank=True, db_index=False)
    kind = models.CharField(max_length=16, choices=ActivityKind.choices)
    purpose = models.CharField(max_length=16, choices=ActivityPurpose.choices, blank=True, default="")
    started_at = models.DateTimeField()
    duration_minutes = models.IntegerField(null=True, blank=True)
    inbound_at = models.DateTimeField(null=True, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "activities"
        constraints = [
            _unique_id("activity_id", "activity_id_unique"),
            _not_negative("duration_minutes", "activity_duration_not_negative"),
        ]
        indexes = [
            models.Index(fields=["tenant", "employee", "started_at"], name="activity_employee_started_idx")
        ]


class Order(TenantModel):
    order_id = models.CharField(max_length=64)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="orders", db_index=False)
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.PROTECT, related_name="orders", db_index=False
    )
    ordered_at = models.DateTimeField()
    amount = models.DecimalField(max_digits=20, decimal_places=4)
    currency = models.CharField(max_length=3)

    class Meta:
        constraints = [
            _unique_id("order_id", "order_id_unique"),
            _not_negative("amount", "order_amount_not_negative"),
        ]
        indexes = [
            models.Index(fields=["tenant", "employee", "ordered_at"], name="order_employee_idx"),
            models.Index(fields=["tenant", "customer", "ordered_at"], name="order_customer_idx"),
        ]


class Feedback(TenantModel):
    feedback_id = models.CharField(max_length=64)
    customer = models.ForeignKey(Customer, on_delete=models.SET_NULL, null=True, blank=True, db_index=False)
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="feedback", db_index=False
    )
    submitted_at = models.DateTimeField()
    csat = models.SmallIntegerField(null=True, blank=True)
    nps = models.SmallIntegerField(null=True, blank=True)
    complaint = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "feedback"
        constraints = [
            _unique_id("feedback_id", "feedback_id_unique"),
            models.CheckConstraint(
                condition=Q(csat__isnull=True) | Q(csat__gte=1, csat__lte=5), name="feedback_csat_1_5"
            ),
            models.CheckConstraint(
                condition=Q(nps__isnull=True) | Q(nps__gte=0, nps__lte=10), name="feedback_nps_0_10"
            ),
        ]
        indexes = [models.Index(fields=["tenant", "employee", "submitted_at"], name="feedback_employee_idx")]


class Task(TenantModel):
    task_id = models.CharField(max_length=64)
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="tasks", db_index=False
    )
    title = models.CharField(max_length=300, blank=True, default="")
    kind = models.CharField(max_length=64, blank=True, default="")
    due_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [_unique_id("task_id", "task_id_unique")]
        indexes = [models.Index(fields=["tenant", "employee", "due_at"], name="task_employee_due_idx")]


class Target(TenantModel):
    """A monthly target of one metric; ``month`` is the first day of the month."""

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="targets", db_index=False
    )
    month = models.DateField()
    metric = models.CharField(max_length=64)
    value = models.DecimalField(max_digits=20, decimal_places=4)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "employee", "month", "metric"], name="target_unique"),
        ]
