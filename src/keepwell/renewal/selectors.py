"""Reading renewal cases, scoped to what the member may see."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import QuerySet
from django.db.models.functions import Coalesce

from keepwell.contracts.models import ContractType, EmploymentContract
from keepwell.errors import KeepWellError, NotFound
from keepwell.people.models import Employee
from keepwell.people.selectors import employee_scope
from keepwell.renewal.models import CaseStatus, RenewalCase
from keepwell.tenancy.models import Membership
from keepwell.tenancy.permissions import can_see_renewals, can_see_salary


def renewal_queue(*, membership: Membership | None) -> QuerySet[RenewalCase]:
    """Open cases the member may see, the most urgent notice deadline first."""
    return (
        RenewalCase.objects.filter(status=CaseStatus.OPEN, employee__in=_visible(membership))
        .select_related("employee", "employee__team", "contract")
        # The date by which something must happen: the notice deadline, else the contract's end.
        .order_by(Coalesce("notice_deadline", "contract_end"), "contract_end", "employee__employee_id")
    )


NOTICE_ALERT_DAYS = 30


def notice_alerts(*, membership: Membership | None, today: date) -> list[dict[str, Any]]:
    """Open cases whose notice deadline has passed or comes within 30 days, the most urgent first."""
    alerts = []
    cases = renewal_queue(membership=membership).filter(
        notice_deadline__isnull=False, notice_deadline__lte=today + timedelta(days=NOTICE_ALERT_DAYS)
    )
    for case in cases:
        assert case.notice_deadline is not None
        days = (case.notice_deadline - today).days
        alerts.append({"case": case, "days_left": days, "passed": days < 0})
    return alerts


def renewal_case_access(*, membership: Membership | None, employee_id: str) -> RenewalCase:
    """The latest case of the employee if the member may see it; one NotFound for missing and forbidden."""
    case = renewal_queue(membership=membership).filter(employee__employee_id=employee_id).first()
    if case is None:
        case = (
            RenewalCase.objects.filter(employee__in=_visible(membership), employee__employee_id=employee_id)
            .order_by("-contract_end")
            .first()
        )
    if case is None:
        raise NotFound(f"no renewal case for {employee_id!r}", field="employee_id")
    return case


def _visible(membership: Membership | None) -> QuerySet[Employee]:
    """Whose cases the member may see: their scope, never their own."""
    if membership is None or not can_see_renewals(membership):
        return Employee.objects.none()
    employees = employee_scope(membership=membership)
    if membership.employee_id is not None:
        employees = employees.exclude(pk=membership.employee_id)
    return employees


def renewal_case_for(*, employee_id: str, as_of: date | None = None) -> dict[str, Any]:
    """The whole case of the employee's last fixed-term contract (system view, for the command line).

    Without ``as_of`` the stored case; with it, the case recomputed as of that date (not stored).
    """
    from keepwell.engine.errors import EngineError
    from keepwell.engine.evaluate import evaluate
    from keepwell.evaluation.facts_source import load_facts
    from keepwell.renewal.services import case_evidence, evaluation_metric_rows
    from keepwell.tenancy.context import get_current_tenant

    employee = Employee.objects.select_related("team").filter(employee_id=employee_id).first()
    if employee is None:
        raise NotFound(f"no employee {employee_id!r}", field="employee_id")
    if as_of is None:
        case = RenewalCase.objects.filter(employee=employee).order_by("-contract_end").first()
        if case is None:
            raise NotFound(
                f"no renewal case for {employee_id!r}: run `renewal scan` or pass --as-of",
                field="employee_id",
            )
        return dict(case.evidence)
    contract = (
        EmploymentContract.objects.filter(
            employee=employee, type=ContractType.FIXED_TERM, end_date__gte=as_of
        )
        .order_by("-sequence")
        .first()
    )
    if contract is None:
        raise NotFound(
            f"{employee_id!r} has no fixed-term contract ending on or after {as_of}", field="employee_id"
        )
    # Computed in memory: showing a case as of another date must not replace the stored evaluation.
    try:
        evaluation = evaluate(load_facts(get_current_tenant()), as_of=as_of)
    except EngineError as error:
        raise KeepWellError(str(error), code="evaluation_failed") from error
    return case_evidence(
        employee=employee, contract=contract, as_of=as_of, metric_rows=evaluation_metric_rows(evaluation)
    )


def case_evidence_for(*, membership: Membership | None, case: RenewalCase) -> dict[str, Any]:
    """The case's evidence as ``membership`` may see it: without pay-derived amounts (severance, damages,
    the cost view and the reasons quoting them) for those who may not see the employee's pay."""
    from keepwell.engine.recommendation import PAY_DERIVED_REASON_CODES

    evidence = dict(case.evidence)
    if can_see_salary(membership, case.employee):
        return evidence
    evidence["cost"] = None
    evidence["legal"] = {
        action: {**assessment, "severance": None, "damages_if_unlawful": None}
        if isinstance(assessment, dict)
        else assessment
        for action, assessment in evidence["legal"].items()
    }
    recommendation = dict(evidence["recommendation"])
    kept = [
        index
        for index, code in enumerate(recommendation.get("reason_codes", []))
        if code not in PAY_DERIVED_REASON_CODES
    ]
    for key in ("reasons", "reason_codes"):
        if key in recommendation:
            recommendation[key] = [recommendation[key][index] for index in kept]
    evidence["recommendation"] = recommendation
    return evidence
