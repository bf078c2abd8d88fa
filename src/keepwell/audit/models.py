from __future__ import annotations

from django.conf import settings
from django.db import models

from keepwell.tenancy.models import TenantModel


class AuditEvent(TenantModel):
    """Append-only, hash-chained record of every change: each row hashes its content and its predecessor."""

    sequence = models.PositiveBigIntegerField()
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    actor_label = models.CharField(max_length=200, blank=True, default="")
    action = models.CharField(max_length=64)
    object_type = models.CharField(max_length=64, blank=True, default="")
    object_id = models.CharField(max_length=64, blank=True, default="")
    data = models.JSONField(default=dict)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "sequence"], name="audit_sequence_unique")]
        ordering = ["sequence"]
