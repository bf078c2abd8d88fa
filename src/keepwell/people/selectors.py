"""Reads of people through the caller's membership: managers see their subtree, employees themselves."""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from keepwell.errors import NotFound
from keepwell.people.models import Employee
from keepwell.tenancy.models import Membership, Role

FULL_VIEW_ROLES = frozenset({Role.ADMIN, Role.HR})

_SUBTREE_SQL = """
WITH RECURSIVE subtree(id) AS (
    SELECT id FROM people_employee WHERE tenant_id = %s AND id = %s
    UNION
    SELECT e.id FROM people_employee e JOIN subtree s ON e.manager_id = s.id WHERE e.tenant_id = %s
)
SELECT id FROM subtree
"""


def employee_scope(*, membership: Membership | None) -> QuerySet[Employee]:
    """Every employee the member may see: all (admin, HR), own reporting subtree (manager), self (employee).

    Auditors and members without an employee record see no one.
    """
    employees = Employee.objects.all()
    if membership is None:
        return employees.none()
    if membership.role in FULL_VIEW_ROLES:
        return employees
    if membership.employee_id is None or membership.role not in (Role.MANAGER, Role.EMPLOYEE):
        return employees.none()
    if membership.role == Role.EMPLOYEE:
        return employees.filter(pk=membership.employee_id)
    tenant_id = membership.tenant_id
    # A fixed recursive query with bound parameters: nothing user-supplied reaches the SQL text.
    subtree = RawSQL(_SUBTREE_SQL, (tenant_id, membership.employee_id, tenant_id))  # noqa: S611
    return employees.filter(pk__in=subtree)


def employee_access(*, membership: Membership | None, employee_id: str) -> Employee:
    """The employee with this id if the member may see it; the same NotFound for missing and forbidden."""
    employee = employee_scope(membership=membership).filter(employee_id=employee_id).first()
    if employee is None:
        raise NotFound(f"no employee {employee_id!r}", field="employee_id")
    return employee


def employee_list(
    *, membership: Membership | None, team: str | None = None, search: str = ""
) -> QuerySet[Employee]:
    employees = employee_scope(membership=membership).select_related("team", "manager")
    if team:
        employees = employees.filter(team__code=team)
    if search:
        employees = employees.filter(name__icontains=search) | employees.filter(employee_id__icontains=search)
    return employees.order_by("employee_id")
