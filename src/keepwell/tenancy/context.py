"""The current tenant of this request, job or command.

Tenant-owned models refuse to query without one (see ``TenantManager``), so code that forgets to
set it fails loudly instead of reading every tenant's rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keepwell.tenancy.models import Tenant

_current_tenant: ContextVar[Tenant | None] = ContextVar("keepwell_current_tenant", default=None)


class TenantNotSet(RuntimeError):
    """A tenant-owned table was queried with no current tenant."""


def get_current_tenant() -> Tenant:
    tenant = _current_tenant.get()
    if tenant is None:
        raise TenantNotSet(
            "no current tenant: wrap the code in tenant_context(tenant), or use .unscoped() on purpose"
        )
    return tenant


def get_current_tenant_or_none() -> Tenant | None:
    return _current_tenant.get()


@contextmanager
def tenant_context(tenant: Tenant | None) -> Iterator[Tenant | None]:
    token = _current_tenant.set(tenant)
    try:
        yield tenant
    finally:
        _current_tenant.reset(token)
