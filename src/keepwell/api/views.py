"""REST API: thin views over the same selectors and services as the web pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from keepwell.api.serializers import ContractSerializer, EmployeeSerializer, EmployeeUpdateSerializer
from keepwell.contracts.selectors import contract_scope, contracts_ending
from keepwell.errors import KeepWellError, NotFound, PermissionDenied
from keepwell.people.selectors import employee_access, employee_list
from keepwell.people.services import employee_update
from keepwell.renewal.selectors import case_evidence_for, renewal_case_access, renewal_queue
from keepwell.renewal.services import renewal_policy, renewal_policy_set, renewal_policy_view
from keepwell.tenancy.models import Membership
from keepwell.tenancy.permissions import (
    can_change_renewal_policy,
    can_see_people,
    can_see_renewals,
    can_see_salary,
)
from keepwell.tenancy.selectors import tenant_today


class IsTenantMember(permissions.BasePermission):
    message = "no membership in any tenant"

    def has_permission(self, request: Request, view: Any) -> bool:
        return getattr(request._request, "membership", None) is not None


class SeesPeople(IsTenantMember):
    message = "your role has no access to employee records"

    def has_permission(self, request: Request, view: Any) -> bool:
        return can_see_people(getattr(request._request, "membership", None))


def membership_of(request: Request) -> Membership:
    return request._request.membership  # type: ignore[attr-defined, no-any-return]


def raise_api_error(error: KeepWellError) -> None:
    if isinstance(error, NotFound):
        raise exceptions.NotFound(str(error))
    if isinstance(error, PermissionDenied):
        raise exceptions.PermissionDenied(str(error))
    raise exceptions.ValidationError({error.field or "non_field_errors": [error.message]})


class EmployeeListView(generics.ListAPIView):
    permission_classes = [permissions.IsAuthenticated, SeesPeople]
    serializer_class = EmployeeSerializer

    @extend_schema(parameters=[OpenApiParameter("team", str), OpenApiParameter("q", str)])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        request = self.request
        return employee_list(
            membership=membership_of(request),
            team=request.query_params.get("team") or None,
            search=request.query_params.get("q", ""),
        )


class EmployeeDetailView(APIView):
    permission_classes = [permissions.IsAuthenticated, SeesPeople]

    @extend_schema(responses=EmployeeSerializer)
    def get(self, request: Request, employee_id: str) -> Response:
        try:
            employee = employee_access(membership=membership_of(request), employee_id=employee_id)
        except KeepWellError as error:
            raise_api_error(error)
        return Response(EmployeeSerializer(employee).data)

    @extend_schema(request=EmployeeUpdateSerializer, responses=EmployeeSerializer)
    def patch(self, request: Request, employee_id: str) -> Response:
        if not isinstance(request.data, dict):
            raise exceptions.ValidationError({"non_field_errors": ["expected a JSON object"]})
        changes = dict(request.data)
        try:
            employee = employee_update(
                membership=membership_of(request), employee_id=employee_id, changes=changes
            )
        except KeepWellError as error:
            raise_api_error(error)
        return Response(EmployeeSerializer(employee).data, status=status.HTTP_200_OK)


class ContractListView(generics.ListAPIView):
    permission_classes = [permissions.IsAuthenticated, SeesPeople]
    serializer_class = ContractSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("employee_id", str),
            OpenApiParameter("ending_within_days", int, description="only fixed-term contracts ending soon"),
            OpenApiParameter("as_of", str, description="YYYY-MM-DD; default today"),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_serializer_context(self) -> dict[str, Any]:
        membership = membership_of(self.request)
        return {**super().get_serializer_context(), "salary_visible": lambda e: can_see_salary(membership, e)}

    def get_queryset(self) -> Any:
        membership = membership_of(self.request)
        params = self.request.query_params
        if "ending_within_days" in params:
            try:
                horizon = int(params["ending_within_days"])
                as_of = (
                    date.fromisoformat(params["as_of"])
                    if params.get("as_of")
                    else tenant_today(membership.tenant)
                )
            except ValueError as error:
                raise exceptions.ValidationError({"ending_within_days": [str(error)]}) from None
            if not 1 <= horizon <= 730:
                raise exceptions.ValidationError({"ending_within_days": ["between 1 and 730"]})
            contracts = contracts_ending(membership=membership, as_of=as_of, horizon_days=horizon)
        else:
            contracts = (
                contract_scope(membership=membership)
                .select_related("employee")
                .order_by("employee__employee_id", "sequence")
            )
        if params.get("employee_id"):
            contracts = contracts.filter(employee__employee_id=params["employee_id"])
        return contracts


class SeesRenewals(IsTenantMember):
    message = "your role has no access to renewal cases"

    def has_permission(self, request: Request, view: Any) -> bool:
        return can_see_renewals(getattr(request._request, "membership", None))


class RenewalQueueView(APIView):
    """Open renewal cases the caller may see, the most urgent first (summary rows)."""

    permission_classes = [permissions.IsAuthenticated, SeesRenewals]

    def get(self, request: Request) -> Response:
        rows = [
            {
                "employee_id": case.employee.employee_id,
                "name": case.employee.name,
                "team": case.employee.team.code,
                "contract_id": case.contract.contract_id,
                "contract_end": case.contract_end.isoformat(),
                "notice_deadline": case.notice_deadline.isoformat() if case.notice_deadline else None,
                "quadrant": case.quadrant,
                "recommendation": case.recommended_action,
                "as_of": case.as_of.isoformat(),
            }
            for case in renewal_queue(membership=membership_of(request))
        ]
        return Response({"count": len(rows), "results": rows})


class RenewalCaseView(APIView):
    """The whole renewal case of an employee, as `keepwell renewal show` prints it."""

    permission_classes = [permissions.IsAuthenticated, SeesRenewals]

    def get(self, request: Request, employee_id: str) -> Response:
        try:
            case = renewal_case_access(membership=membership_of(request), employee_id=employee_id)
        except KeepWellError as error:
            raise_api_error(error)
        return Response(case_evidence_for(membership=membership_of(request), case=case))


class RenewalPolicyView(APIView):
    """The tenant's scoring and renewal settings: read by those who see renewal cases, changed by HR and
    admins. A change is all or nothing; a bad value is named and nothing is stored."""

    permission_classes = [permissions.IsAuthenticated, SeesRenewals]

    def get(self, request: Request) -> Response:
        return Response(renewal_policy_view(renewal_policy()))

    def patch(self, request: Request) -> Response:
        if not can_change_renewal_policy(membership_of(request)):
            raise exceptions.PermissionDenied("only HR and admins change the renewal policy")
        data = request.data
        if not isinstance(data, dict):
            raise exceptions.ValidationError({"non_field_errors": ["send a JSON object"]})
        weights = data.get("weights") or {}
        if not isinstance(weights, dict) or not all(isinstance(table, dict) for table in weights.values()):
            raise exceptions.ValidationError({"weights": ["an object {dimension: {metric: weight}}"]})
        settings = {key: value for key, value in data.items() if key not in ("weights", "comparison_group")}
        try:
            policy = renewal_policy_set(
                settings=settings,
                weights={
                    f"{dimension}.{metric}": weight
                    for dimension, table in weights.items()
                    for metric, weight in table.items()
                },
                group=data.get("comparison_group"),
                actor=request.user,
            )
        except KeepWellError as error:
            raise_api_error(error)
        return Response(renewal_policy_view(policy))
