from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from keepwell.tenancy.models import Tenant


def tenant_today(tenant: Tenant) -> date:
    """Today's date in the tenant's time zone: the default ``as_of`` of pages and commands."""
    return datetime.now(tz=ZoneInfo(tenant.time_zone)).date()
