"""Server-rendered pages. Each view parses the request, calls a selector or service and renders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from keepwell.contracts.selectors import contracts_ending, contracts_of_employee
from keepwell.errors import KeepWellError, NotFound
from keepwell.evaluation.selectors import employee_metric_table
from keepwell.legal.selectors import ACTIONS, LegalView, legal_view
from keepwell.people.models import OrgUnit
from keepwell.people.selectors import employee_access, employee_list, employee_scope
from keepwell.renewal.selectors import (
    can_see_renewals,
    case_evidence_for,
    notice_alerts,
    renewal_case_access,
    renewal_queue,
)
from keepwell.tenancy.models import Membership
from keepwell.tenancy.permissions import (
    can_change_renewal_policy,
    can_see_people,
    can_see_salary,
    capabilities,
)
from keepwell.tenancy.selectors import tenant_today

DEFAULT_HORIZON_DAYS = 90
View = Callable[..., HttpResponse]


def member_required(view: View) -> View:
    """Signed in and a member of a tenant; otherwise the sign-in page or a plain 'no access' page."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        membership = getattr(request, "membership", None)
        if membership is None:
            return render(request, "web/no_membership.html", status=403)
        return view(request, membership, *args, **kwargs)

    return wrapper


def people_required(view: View) -> View:
    @member_required
    @wraps(view)
    def wrapper(request: HttpRequest, membership: Membership, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_see_people(membership):
            raise Http404
        return view(request, membership, *args, **kwargs)

    return wrapper


def _page(request: HttpRequest, template: str, membership: Membership, **context: Any) -> HttpResponse:
    return render(request, template, {"can": capabilities(membership), **context})


def _as_of(request: HttpRequest, membership: Membership) -> date:
    text = request.GET.get("as_of", "")
    try:
        return date.fromisoformat(text) if text else tenant_today(membership.tenant)
    except ValueError:
        return tenant_today(membership.tenant)


def _horizon(request: HttpRequest) -> int:
    try:
        return min(max(int(request.GET.get("horizon", DEFAULT_HORIZON_DAYS)), 1), 730)
    except ValueError:
        return DEFAULT_HORIZON_DAYS


@member_required
def home(request: HttpRequest, membership: Membership) -> HttpResponse:
    context: dict[str, Any] = {"horizon_days": DEFAULT_HORIZON_DAYS}
    if can_see_renewals(membership):
        context["alerts"] = notice_alerts(membership=membership, today=tenant_today(membership.tenant))
    if can_see_people(membership):
        context["employee_count"] = employee_scope(membership=membership).count()
        context["ending_count"] = contracts_ending(
            membership=membership, as_of=tenant_today(membership.tenant)
        ).count()
        context["own_employee"] = membership.employee
    return _page(request, "web/home.html", membership, **context)


@people_required
def employee_list_view(request: HttpRequest, membership: Membership) -> HttpResponse:
    team = request.GET.get("team", "")
    search = request.GET.get("q", "").strip()
    employees = employee_list(membership=membership, team=team or None, search=search)
    page_obj = Paginator(employees, 50).get_page(request.GET.get("page"))
    teams = (
        OrgUnit.objects.filter(members__in=employee_scope(membership=membership)).distinct().order_by("name")
    )
    return _page(
        request,
        "web/employee_list.html",
        membership,
        section="employees",
        page_obj=page_obj,
        teams=teams,
        team=team,
        search=search,
        query=urlencode({"q": search, "team": team}),
    )


@people_required
def employee_detail_view(request: HttpRequest, membership: Membership, employee_id: str) -> HttpResponse:
    try:
        employee = employee_access(membership=membership, employee_id=employee_id)
    except NotFound:
        raise Http404 from None
    contracts = contracts_of_employee(membership=membership, employee_pk=employee.pk)
    can = {**capabilities(membership), "see_salary": can_see_salary(membership, employee)}
    legal = legal_view(employee=employee, as_of=_as_of(request, membership))
    context = {
        "employee": employee,
        "contracts": contracts,
        "section": "employees",
        "can": can,
        "legal": legal,
        "metric_table": employee_metric_table(employee=employee, months=12),
        "legal_columns": legal_columns(legal),
        "show_money": can["see_salary"],
    }
    return render(request, "web/employee_detail.html", context)


def legal_columns(legal: LegalView | None) -> list[tuple[str, dict[str, Any]]]:
    """The three actions, labelled, in the order a manager weighs them."""
    if legal is None or legal.error:
        return []
    labels = {
        "not_renew": _("Do not renew"),
        "renew_fixed_term": _("Renew fixed-term"),
        "renew_open_ended": _("Renew open-ended"),
    }
    return [(str(labels[action]), legal.assessments[action]) for action in ACTIONS]


@people_required
def contracts_ending_view(request: HttpRequest, membership: Membership) -> HttpResponse:
    as_of = _as_of(request, membership)
    horizon_days = _horizon(request)
    rows = [
        {"contract": contract, "days_left": (contract.end_date - as_of).days if contract.end_date else None}
        for contract in contracts_ending(membership=membership, as_of=as_of, horizon_days=horizon_days)
    ]
    return _page(
        request,
        "web/contracts_ending.html",
        membership,
        section="contracts",
        rows=rows,
        as_of=as_of,
        horizon_days=horizon_days,
    )


QUADRANT_LABELS = {
    "core": _("Core: retain"),
    "develop_skills": _("Develop skills"),
    "culture_fit": _("Strengthen culture fit"),
    "let_go": _("Let go"),
    "insufficient_data": _("Insufficient data"),
}
ACTION_LABELS = {
    "renew": _("Renew"),
    "renew_with_improvement_plan": _("Renew with an improvement plan"),
    "renew_open_ended_required": _("Renew (open-ended required)"),
    "do_not_renew": _("Do not renew"),
    "escalate": _("Escalate"),
}


def renewals_required(view: View) -> View:
    @member_required
    @wraps(view)
    def wrapper(request: HttpRequest, membership: Membership, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_see_renewals(membership):
            raise Http404
        return view(request, membership, *args, **kwargs)

    return wrapper


@renewals_required
def renewal_queue_view(request: HttpRequest, membership: Membership) -> HttpResponse:
    today = tenant_today(membership.tenant)
    rows = []
    for case in renewal_queue(membership=membership):
        days_to_notice = (case.notice_deadline - today).days if case.notice_deadline else None
        rows.append(
            {
                "case": case,
                "days_to_end": (case.contract_end - today).days,
                "days_to_notice": days_to_notice,
                "overdue": days_to_notice is not None and days_to_notice < 0,
                "urgent": days_to_notice is not None and 0 <= days_to_notice <= 14,
                "quadrant_label": QUADRANT_LABELS.get(case.quadrant, case.quadrant),
                "action_label": ACTION_LABELS.get(case.recommended_action, case.recommended_action),
            }
        )
    return _page(request, "web/renewal_queue.html", membership, section="renewals", rows=rows, today=today)


def _matrix_points(evidence: dict[str, Any], threshold: float = 50.0) -> list[dict[str, Any]]:
    """Team members on a 300×300 plot: performance across, attitude up (insufficient data left out)."""
    points = []
    for member in evidence.get("matrix", []):
        if member["attitude"] is None or member["performance"] is None:
            continue
        attitude, performance = float(member["attitude"]), float(member["performance"])
        points.append(
            {
                "x": round(20 + performance * 3, 1),
                "y": round(300 - attitude * 3, 1),
                "name": member["name"],
                "attitude": member["attitude"],
                "performance": member["performance"],
                "self": member["employee_id"] == evidence["employee_id"],
            }
        )
    return sorted(points, key=lambda point: point["self"])


@renewals_required
def renewal_case_view(request: HttpRequest, membership: Membership, employee_id: str) -> HttpResponse:
    from keepwell.engine.metrics import METRICS_BY_ID

    try:
        case = renewal_case_access(membership=membership, employee_id=employee_id)
    except NotFound:
        raise Http404 from None
    evidence = case_evidence_for(membership=membership, case=case)
    money_spec = METRICS_BY_ID["revenue"]
    key_metrics = [
        {
            **contribution,
            "name": METRICS_BY_ID[contribution["metric"]].name
            if contribution["metric"] in METRICS_BY_ID
            else _("Manager rating"),
            "spec": METRICS_BY_ID.get(contribution["metric"]),
            "dimension": dimension,
        }
        for dimension in ("attitude", "performance")
        for contribution in evidence["scores"]["details"][dimension]["contributions"]
        if contribution["status"] == "scored"
    ]
    diagnosis_items = [
        {
            **item,
            "name": METRICS_BY_ID[item["metric"]].name if item["metric"] in METRICS_BY_ID else item["metric"],
            "spec": METRICS_BY_ID.get(item["metric"]),
        }
        for item in evidence["diagnosis"]
    ]
    # The legal table says whether a payment is owed to everyone who sees the case; the template shows
    # its amount only with ``show_money``.
    assessments = case.evidence["legal"]
    legal = None
    if "not_renew" in assessments and assessments["not_renew"].get("supported"):
        legal = {
            "assessments": assessments,
            "supported": True,
            "contract": case.contract,
            "error": None,
            "last_notice_date": case.notice_deadline,
        }
    show_money = can_see_salary(membership, case.employee)
    return _page(
        request,
        "web/renewal_case.html",
        membership,
        section="renewals",
        case=case,
        evidence=evidence,
        action_label=ACTION_LABELS.get(case.recommended_action, case.recommended_action),
        matrix_points=_matrix_points(evidence),
        threshold_x=20 + 50 * 3,
        threshold_y=300 - 50 * 3,
        key_metrics=key_metrics,
        diagnosis_items=diagnosis_items,
        money_spec=money_spec,
        legal=legal,
        legal_columns=[
            (str(label), assessments[action]) for action, label in _LEGAL_LABELS if action in assessments
        ]
        if legal
        else [],
        show_money=show_money,
    )


_LEGAL_LABELS = (
    ("not_renew", _("Do not renew")),
    ("renew_fixed_term", _("Renew fixed-term")),
    ("renew_open_ended", _("Renew open-ended")),
)


def _policy_weights(view: dict[str, Any], posted: dict[str, str] | None) -> list[dict[str, Any]]:
    """Per dimension, every metric it may weigh with its weight (blank: not weighed)."""
    from keepwell.engine.metrics import METRICS_BY_ID
    from keepwell.renewal.services import policy_weight_metrics

    rows = []
    for dimension, label in (("attitude", _("Attitude")), ("performance", _("Performance"))):
        choices = [
            (metric, METRICS_BY_ID[metric].name if metric in METRICS_BY_ID else _("Manager rating"))
            for metric in policy_weight_metrics(dimension)
        ]
        table = view["weights"][dimension]
        rows.append(
            {
                "dimension": dimension,
                "label": label,
                "metrics": [
                    {
                        "id": metric,
                        "name": name,
                        "field": f"weight.{dimension}.{metric}",
                        "value": posted.get(f"weight.{dimension}.{metric}", "")
                        if posted is not None
                        else table.get(metric, ""),
                    }
                    for metric, name in choices
                ],
            }
        )
    return rows


@renewals_required
def renewal_policy_page(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The tenant's renewal policy; HR and admins change it here (all or nothing, each bad value named)."""
    from keepwell.engine.evaluate import GROUP_KINDS
    from keepwell.renewal.services import (
        POLICY_SETTINGS,
        renewal_policy,
        renewal_policy_set,
        renewal_policy_view,
    )

    can_change = can_change_renewal_policy(membership)
    error = None
    posted: dict[str, str] | None = None
    status = 200
    if request.method == "POST":
        if not can_change:
            return render(request, "web/no_membership.html", status=403)
        posted = {key: str(request.POST.get(key, "")) for key in request.POST if key != "csrfmiddlewaretoken"}
        settings = {setting.name: posted.get(setting.name, "") for setting in POLICY_SETTINGS}
        weights = {
            key.removeprefix("weight."): (value.strip() or "0")
            for key, value in posted.items()
            if key.startswith("weight.")
        }
        try:
            renewal_policy_set(
                settings=settings,
                weights=weights,
                group=posted.get("comparison_group", ""),
                actor=request.user,
            )
        except KeepWellError as refused:
            error = refused
            status = 400
        else:
            return redirect(f"{request.path}?saved=1")
    view = renewal_policy_view(renewal_policy())
    labels = {setting.name: setting.label for setting in POLICY_SETTINGS}
    response = _page(
        request,
        "web/renewal_policy.html",
        membership,
        section="renewals",
        can_change=can_change,
        error=error,
        error_label=labels.get(error.field or "", error.field) if error else None,
        currency=membership.tenant.reporting_currency,
        saved=request.GET.get("saved") == "1" and error is None,
        settings=[
            {
                "name": setting.name,
                "label": setting.label,
                "value": posted.get(setting.name, "") if posted else view[setting.name],
            }
            for setting in POLICY_SETTINGS
        ],
        group=posted.get("comparison_group", "") if posted else view["comparison_group"],
        groups=GROUP_KINDS,
        weights=_policy_weights(view, posted),
    )
    response.status_code = status
    return response
