from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from keepwell.fields import EncryptedDecimalField
from keepwell.tenancy.models import TenantModel


class ContractType(models.TextChoices):
    FIXED_TERM = "fixed_term", _("Fixed term")
    OPEN_ENDED = "open_ended", _("Open-ended")


class EmploymentContract(TenantModel):
    contract_id = models.CharField(max_length=64)
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="contracts", db_index=False
    )
    sequence = models.PositiveSmallIntegerField()
    type = models.CharField(max_length=16, choices=ContractType.choices)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    monthly_base_salary = EncryptedDecimalField()
    currency = models.CharField(max_length=3)
    # Defaults to the employee's jurisdiction; kept per contract because people move.
    jurisdiction = models.CharField(max_length=10)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "contract_id"], name="contract_id_unique"),
            models.UniqueConstraint(
                fields=["tenant", "employee", "sequence"], name="contract_sequence_unique"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="contract_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(type="open_ended") | Q(end_date__isnull=False),
                name="contract_fixed_term_has_end",
            ),
            models.CheckConstraint(condition=Q(sequence__gte=1), name="contract_sequence_positive"),
        ]
        indexes = [models.Index(fields=["tenant", "end_date"], name="contract_end_idx")]
        ordering = ["employee_id", "sequence"]

    def __str__(self) -> str:
        return self.contract_id
