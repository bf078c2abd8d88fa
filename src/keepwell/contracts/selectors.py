from __future__ import annotations

from datetime import date, timedelta

from django.db.models import F, QuerySet

from keepwell.contracts.models import ContractType, EmploymentContract
from keepwell.people.selectors import employee_scope
from keepwell.tenancy.models import Membership


def contract_scope(*, membership: Membership | None) -> QuerySet[EmploymentContract]:
    return EmploymentContract.objects.filter(employee__in=employee_scope(membership=membership))


def contracts_of_employee(*, membership: Membership | None, employee_pk: int) -> QuerySet[EmploymentContract]:
    return contract_scope(membership=membership).filter(employee_id=employee_pk).order_by("sequence")


def contracts_ending(
    *, membership: Membership | None, as_of: date, horizon_days: int = 90
) -> QuerySet[EmploymentContract]:
    """Fixed-term contracts ending within ``horizon_days`` after ``as_of`` that no later contract follows."""
    return (
        contract_scope(membership=membership)
        .filter(
            type=ContractType.FIXED_TERM,
            end_date__gte=as_of,
            end_date__lte=as_of + timedelta(days=horizon_days),
        )
        .exclude(employee__contracts__sequence__gt=F("sequence"))
        .select_related("employee", "employee__team")
        .order_by("end_date", "employee__employee_id")
    )
