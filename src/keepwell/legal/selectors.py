"""The legal consequences of each renewal choice for an employee, from the rule packs in ``keepwell.law``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from keepwell import law
from keepwell.contracts.models import ContractType, EmploymentContract
from keepwell.legal.models import LegalProfile, LocalAverageWage, ProtectedStatus
from keepwell.people.models import Employee

ACTIONS = ("not_renew", "renew_fixed_term", "renew_open_ended")


@dataclass(frozen=True)
class LegalView:
    """Assessments of the three possible actions on the contract that ends next.

    ``error`` names the field when the recorded history cannot be assessed (e.g. overlapping contracts).
    """

    contract: EmploymentContract
    assessments: dict[str, dict[str, Any]]
    error: str | None = None

    @property
    def supported(self) -> bool:
        return self.error is None and bool(self.assessments["not_renew"]["supported"])

    @property
    def last_notice_date(self) -> date | None:
        text = self.assessments["not_renew"].get("last_notice_date") if self.error is None else None
        return date.fromisoformat(text) if text else None


def split_jurisdiction(code: str) -> tuple[str, str | None]:
    """``CN-BJ`` → (``CN``, ``CN-BJ``); ``DE`` → (``DE``, None)."""
    country, _, subdivision = code.partition("-")
    return country.upper(), (code.upper() if subdivision else None)


def _local_average_wage(jurisdiction: str, on: date) -> LocalAverageWage | None:
    candidates = [jurisdiction, split_jurisdiction(jurisdiction)[0]]
    return (
        LocalAverageWage.objects.filter(jurisdiction__in=candidates, effective_from__lte=on)
        .order_by("-effective_from")
        .first()
    )


def _same_length_renewal(contract: EmploymentContract) -> date:
    """End date of a renewal as long as the current contract (same day of month, leap-safe)."""
    assert contract.end_date is not None
    start, end = contract.start_date, contract.end_date
    months = (end.year - start.year) * 12 + end.month - start.month
    month_index = end.month - 1 + months
    year, month = end.year + month_index // 12, month_index % 12 + 1
    day = end.day
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def legal_request(
    *, employee: Employee, contracts: list[EmploymentContract], action: str, as_of: date
) -> dict[str, Any]:
    """The SCHEMA.md request for ``action`` on the last contract of ``contracts`` (oldest first)."""
    current = contracts[-1]
    jurisdiction, region = split_jurisdiction(current.jurisdiction or employee.jurisdiction)
    profile = LegalProfile.objects.filter(employee=employee).first()
    wage = _local_average_wage(current.jurisdiction or employee.jurisdiction, as_of)
    statuses = ProtectedStatus.objects.filter(employee=employee).order_by("starts_on")
    assert current.end_date is not None
    return {
        "jurisdiction": jurisdiction,
        "region": region,
        "as_of": as_of.isoformat(),
        "employee": {
            "hire_date": employee.hire_date.isoformat(),
            "birth_date": profile.birth_date.isoformat() if profile and profile.birth_date else None,
            "contracts": [
                {
                    "start": contract.start_date.isoformat(),
                    "end": contract.end_date.isoformat() if contract.end_date else None,
                    "type": contract.type,
                    "objective_reason": None,
                }
                for contract in contracts
            ],
            "pay": {
                "currency": current.currency,
                "monthly_wage": str(current.monthly_base_salary),
                "weekly_pay": None,
                "daily_wage": None,
                "annual_salary": None,
                "total_gross_pay_over_contracts": None,
            },
            "local_average_monthly_wage": str(wage.amount) if wage else None,
            "statuses": [
                {
                    "kind": status.kind,
                    "from": status.starts_on.isoformat(),
                    "until": status.ends_on.isoformat() if status.ends_on else None,
                }
                for status in statuses
            ],
            "workplace_headcount": None,
            "facts": dict(profile.facts) if profile else {},
        },
        "decision": {
            "action": action,
            # Not renewing takes effect on the last day; a renewal on the next contract's first day.
            "date": (
                current.end_date if action == "not_renew" else current.end_date + timedelta(days=1)
            ).isoformat(),
            "offer": "none" if action == "not_renew" else "same_or_better",
            "new_end_date": _same_length_renewal(current).isoformat()
            if action == "renew_fixed_term"
            else None,
        },
    }


def legal_view(*, employee: Employee, as_of: date) -> LegalView | None:
    """The three assessments for the employee's last contract, or None when it is not a fixed term ending."""
    contracts = list(EmploymentContract.objects.filter(employee=employee).order_by("sequence"))
    if not contracts or contracts[-1].type != ContractType.FIXED_TERM or contracts[-1].end_date is None:
        return None
    if contracts[-1].end_date < as_of:
        return None
    try:
        assessments = {
            action: law.assess(
                legal_request(employee=employee, contracts=contracts, action=action, as_of=as_of)
            )
            for action in ACTIONS
        }
    except law.InvalidRequest as error:
        return LegalView(contract=contracts[-1], assessments={}, error=str(error))
    return LegalView(contract=contracts[-1], assessments=assessments)
