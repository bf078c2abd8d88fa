"""What each role may do. Views, API and services ask here rather than comparing roles themselves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from keepwell.tenancy.models import Membership, Role

if TYPE_CHECKING:
    from keepwell.people.models import Employee

PEOPLE_ROLES = frozenset({Role.ADMIN, Role.HR, Role.MANAGER, Role.EMPLOYEE})
PEOPLE_ADMIN_ROLES = frozenset({Role.ADMIN, Role.HR})


def can_see_people(membership: Membership | None) -> bool:
    return membership is not None and membership.role in PEOPLE_ROLES


def can_manage_people(membership: Membership | None) -> bool:
    """Change employee records, contracts and imports."""
    return membership is not None and membership.role in PEOPLE_ADMIN_ROLES


def can_see_salary(membership: Membership | None, employee: Employee) -> bool:
    """Pay is for HR, admins and the employee; a manager sees performance, not salary."""
    if membership is None:
        return False
    if membership.role in PEOPLE_ADMIN_ROLES:
        return True
    return membership.role == Role.EMPLOYEE and membership.employee_id == employee.pk


def can_see_renewals(membership: Membership | None) -> bool:
    """HR, admins and managers (their subtree) see renewal cases; employees do not see their own advice."""
    return membership is not None and membership.role in (Role.ADMIN, Role.HR, Role.MANAGER)


def can_change_renewal_policy(membership: Membership | None) -> bool:
    """The tenant's scoring weights, thresholds and cost assumptions: HR and admins."""
    return membership is not None and membership.role in PEOPLE_ADMIN_ROLES


def capabilities(membership: Membership | None) -> dict[str, bool]:
    return {
        "see_people": can_see_people(membership),
        "manage_people": can_manage_people(membership),
        "see_renewals": can_see_renewals(membership),
    }
