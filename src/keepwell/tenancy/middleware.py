from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from keepwell.tenancy.context import tenant_context
from keepwell.tenancy.models import Membership

SESSION_TENANT_KEY = "keepwell_tenant_id"


class TenantMiddleware:
    """Sets the current tenant from the signed-in user's membership for the whole request.

    A user with several memberships picks one (stored in the session); a request from a user with no
    membership runs with no tenant, so any tenant-owned query it attempts fails closed.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        membership = None
        if request.user.is_authenticated:
            memberships = Membership.objects.unscoped().select_related("tenant", "employee")
            memberships = memberships.filter(user=request.user).order_by("tenant__slug")
            chosen = request.session.get(SESSION_TENANT_KEY)
            if chosen is not None:
                membership = memberships.filter(tenant_id=chosen).first()
            if membership is None:
                membership = memberships.first()
        request.membership = membership  # type: ignore[attr-defined]
        with tenant_context(membership.tenant if membership else None):
            return self.get_response(request)
