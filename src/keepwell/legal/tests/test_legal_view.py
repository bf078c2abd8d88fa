"""Each employee's contract history, pay and jurisdiction feed the rule packs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from keepwell.contracts.models import EmploymentContract
from keepwell.legal.models import LocalAverageWage, ProtectedStatus
from keepwell.legal.selectors import legal_request, legal_view, split_jurisdiction
from keepwell.people.models import Employee
from keepwell.tenancy.context import tenant_context


@pytest.mark.parametrize(
    ("code", "expected"),
    [("CN-BJ", ("CN", "CN-BJ")), ("DE", ("DE", None)), ("cn-11", ("CN", "CN-11"))],
)
def test_split_jurisdiction(code, expected):
    assert split_jurisdiction(code) == expected


def test_request_carries_history_pay_statuses_and_local_wage(world):
    with tenant_context(world.tenant_a):
        employee = Employee.objects.get(employee_id="N001")
        LocalAverageWage.objects.create(
            jurisdiction="CN-BJ", effective_from=date(2026, 7, 1), amount=Decimal("12000"), currency="CNY"
        )
        ProtectedStatus.objects.create(employee=employee, kind="pregnant", starts_on=date(2026, 10, 1))
        contracts = list(EmploymentContract.objects.filter(employee=employee))
        request = legal_request(
            employee=employee, contracts=contracts, action="renew_fixed_term", as_of=date(2026, 11, 27)
        )
    assert request["jurisdiction"] == "CN"
    assert request["region"] == "CN-BJ"
    assert request["employee"]["contracts"] == [
        {"start": "2024-01-16", "end": "2027-01-15", "type": "fixed_term", "objective_reason": None}
    ]
    assert request["employee"]["pay"]["monthly_wage"] == "20000.00"
    assert request["employee"]["local_average_monthly_wage"] == "12000.00"
    assert request["employee"]["statuses"] == [{"kind": "pregnant", "from": "2026-10-01", "until": None}]
    # Same length as the current contract (3 years) from the day after it ends.
    assert request["decision"] == {
        "action": "renew_fixed_term",
        "date": "2027-01-16",
        "offer": "same_or_better",
        "new_end_date": "2030-01-15",
    }


def test_second_consecutive_fixed_term_in_beijing(world):
    """Second fixed term ending 2027-01-15, hired 2021-01-16 (6 years), 20,000 CNY, local average 12,000.

    LCL Art 14(2)(3): after two consecutive fixed terms the employee may ask for an open-ended contract.
    LCL Art 46(5)/47: not renewing owes N = 6 months × 20,000 = 120,000 (cap 3 × 12,000 = 36,000 not reached).
    Beijing: written notice 30 days before expiry → 2026-12-16.
    """
    with tenant_context(world.tenant_a):
        employee = Employee.objects.get(employee_id="N001")
        Employee.objects.filter(pk=employee.pk).update(hire_date=date(2021, 1, 16))
        employee.refresh_from_db()
        EmploymentContract.objects.filter(employee=employee).update(sequence=2)
        EmploymentContract.objects.create(
            contract_id="C-N001-1",
            employee=employee,
            sequence=1,
            type="fixed_term",
            start_date=date(2021, 1, 16),
            end_date=date(2024, 1, 15),
            monthly_base_salary=Decimal("18000"),
            currency="CNY",
            jurisdiction="CN-BJ",
        )
        LocalAverageWage.objects.create(
            jurisdiction="CN-BJ", effective_from=date(2026, 1, 1), amount=Decimal("12000"), currency="CNY"
        )
        view = legal_view(employee=employee, as_of=date(2026, 11, 27))
    assert view is not None
    assert view.supported
    not_renew = view.assessments["not_renew"]
    assert not_renew["employee_may_request_open_ended"] is True
    assert not_renew["severance"]["amount"] == "120000.00"
    assert not_renew["severance"]["currency"] == "CNY"
    assert view.last_notice_date == date(2026, 12, 16)


def test_unsupported_jurisdiction_is_said_plainly(world):
    with tenant_context(world.tenant_a):
        employee = Employee.objects.get(employee_id="N001")
        EmploymentContract.objects.filter(employee=employee).update(jurisdiction="ZZ")
        view = legal_view(employee=employee, as_of=date(2026, 11, 27))
    assert view is not None
    assert view.supported is False
    assert view.last_notice_date is None


def test_open_ended_or_expired_contracts_have_no_renewal_question(world):
    with tenant_context(world.tenant_a):
        employee = Employee.objects.get(employee_id="N001")
        assert legal_view(employee=employee, as_of=date(2027, 1, 16)) is None
        EmploymentContract.objects.filter(employee=employee).update(type="open_ended", end_date=None)
        assert legal_view(employee=employee, as_of=date(2026, 11, 27)) is None
