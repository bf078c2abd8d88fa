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
from django.shortcuts import render
from django.utils.translation import gettext as _

from keepwell.contracts.selectors import contracts_ending, contracts_of_employee
from keepwell.errors import NotFound
from keepwell.evaluation.selectors import employee_metric_table
from keepwell.legal.selectors import ACTIONS, LegalView, legal_view
from keepwell.people.models import OrgUnit
from keepwell.people.selectors import employee_access, employee_list, employee_scope
from keepwell.tenancy.models import Membership
from keepwell.tenancy.permissions import can_see_people, can_see_salary, capabilities
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
