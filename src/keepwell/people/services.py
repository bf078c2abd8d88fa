"""Changes to people records. Each runs in one transaction with its audit event."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from keepwell.audit.services import audit_record
from keepwell.errors import KeepWellError, PermissionDenied
from keepwell.people.models import Employee, EmployeeStatus
from keepwell.people.selectors import employee_access
from keepwell.tenancy.models import Membership
from keepwell.tenancy.permissions import can_manage_people

EDITABLE_FIELDS = ("name", "email", "status")


def employee_update(*, membership: Membership | None, employee_id: str, changes: dict[str, Any]) -> Employee:
    """Change an employee's name, email or status (HR and admins); refused changes write nothing."""
    employee = employee_access(membership=membership, employee_id=employee_id)
    if not can_manage_people(membership):
        raise PermissionDenied("only HR and admins change employee records")
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise KeepWellError(
            f"cannot be changed here (editable: {', '.join(EDITABLE_FIELDS)})", field=unknown[0]
        )
    if "name" in changes and not str(changes["name"]).strip():
        raise KeepWellError("must not be empty", field="name")
    if changes.get("email"):
        try:
            validate_email(changes["email"])
        except ValidationError:
            raise KeepWellError(f"{changes['email']!r} is not an email address", field="email") from None
    if "status" in changes and changes["status"] not in EmployeeStatus.values:
        raise KeepWellError(f"one of {', '.join(EmployeeStatus.values)}", field="status")
    before = {field: getattr(employee, field) for field in changes}
    with transaction.atomic():
        for field, value in changes.items():
            setattr(employee, field, value.strip() if isinstance(value, str) else value)
        employee.save(update_fields=list(changes))
        audit_record(
            action="employee.update",
            actor=membership.user if membership else None,
            object_type="employee",
            object_id=employee.employee_id,
            data={"before": before, "after": {field: getattr(employee, field) for field in changes}},
        )
    return employee
