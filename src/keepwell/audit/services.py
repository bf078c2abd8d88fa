"""Writing and verifying the audit trail. Call ``audit_record`` inside the transaction of the change."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone

from keepwell.audit.models import AuditEvent
from keepwell.tenancy.context import get_current_tenant

GENESIS_HASH = "0" * 64


def _digest(*, previous_hash: str, payload: dict[str, Any]) -> str:
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((previous_hash + text).encode()).hexdigest()


def _payload(event: AuditEvent) -> dict[str, Any]:
    return {
        "sequence": event.sequence,
        "occurred_at": event.occurred_at.isoformat(),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "data": event.data,
    }


def audit_record(
    *,
    action: str,
    actor: AbstractBaseUser | AnonymousUser | None = None,
    actor_label: str = "",
    object_type: str = "",
    object_id: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the current tenant's chain (must run inside the change's transaction)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must run inside the transaction of the change it records")
    tenant = get_current_tenant()
    last = AuditEvent.objects.select_for_update().order_by("-sequence").first()
    user: Any = actor if actor is not None and actor.is_authenticated else None
    event = AuditEvent(
        tenant=tenant,
        sequence=(last.sequence + 1) if last else 1,
        occurred_at=timezone.now(),
        actor=user,
        actor_label=actor_label or (user.get_username() if user else "system"),
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        data=json.loads(json.dumps(data or {}, default=str)),
        previous_hash=last.hash if last else GENESIS_HASH,
    )
    event.hash = _digest(previous_hash=event.previous_hash, payload=_payload(event))
    event.save()
    return event


def audit_verify() -> tuple[bool, int | None]:
    """Check the current tenant's chain; return (intact, sequence of the first broken event)."""
    previous = GENESIS_HASH
    for event in AuditEvent.objects.order_by("sequence").iterator():
        if event.previous_hash != previous or event.hash != _digest(
            previous_hash=previous, payload=_payload(event)
        ):
            return False, event.sequence
        previous = event.hash
    return True, None
