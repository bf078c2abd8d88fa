from __future__ import annotations

import re
import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from keepwell.audit.services import audit_record
from keepwell.errors import KeepWellError
from keepwell.money.models import Currency
from keepwell.tenancy.context import tenant_context
from keepwell.tenancy.models import Membership, Role, Tenant

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def validate_time_zone(value: str, *, field: str = "timezone") -> str:
    if value not in zoneinfo.available_timezones():
        raise KeepWellError(
            f"unknown time zone {value!r} (use an IANA name such as Asia/Shanghai)", field=field
        )
    return value


def validate_currency(value: str, *, field: str = "currency") -> str:
    if not Currency.objects.filter(code=value).exists():
        raise KeepWellError(f"unknown currency {value!r} (use an ISO 4217 code such as CNY)", field=field)
    return value


def validate_language(value: str, *, field: str = "language") -> str:
    codes = [code for code, _ in settings.LANGUAGES]
    if value not in codes:
        raise KeepWellError(f"unsupported language {value!r}; one of {', '.join(codes)}", field=field)
    return value


def tenant_create(
    *,
    slug: str,
    name: str,
    reporting_currency: str = "USD",
    time_zone: str = "UTC",
    language: str = "en",
    jurisdiction: str = "",
) -> Tenant:
    if not _SLUG.match(slug):
        raise KeepWellError(
            "lowercase letters, digits and hyphens, starting with a letter or digit", field="slug"
        )
    if Tenant.objects.filter(slug=slug).exists():
        raise KeepWellError(f"a tenant {slug!r} exists already", field="slug", code="exists")
    if not name.strip():
        raise KeepWellError("must not be empty", field="name")
    validate_currency(reporting_currency, field="currency")
    validate_time_zone(time_zone)
    validate_language(language)
    with transaction.atomic():
        tenant = Tenant.objects.create(
            slug=slug,
            name=name.strip(),
            reporting_currency=reporting_currency,
            time_zone=time_zone,
            default_language=language,
            jurisdiction=jurisdiction,
        )
        with tenant_context(tenant):
            audit_record(
                action="tenant.create", object_type="tenant", object_id=slug, data={"name": tenant.name}
            )
    return tenant


def tenant_get(*, slug: str) -> Tenant:
    try:
        return Tenant.objects.get(slug=slug)
    except Tenant.DoesNotExist:
        raise KeepWellError(f"no tenant {slug!r}", field="tenant", code="not_found") from None


def membership_grant(
    *, tenant: Tenant, user: AbstractBaseUser, role: str, employee_id: str | None = None
) -> Membership:
    """Give ``user`` a ``role`` in ``tenant`` (replacing an earlier one), optionally linked to an employee."""
    from keepwell.people.models import Employee

    if role not in Role.values:
        raise KeepWellError(f"unknown role {role!r}; one of {', '.join(Role.values)}", field="role")
    with tenant_context(tenant), transaction.atomic():
        employee = None
        if employee_id:
            employee = Employee.objects.filter(employee_id=employee_id).first()
            if employee is None:
                raise KeepWellError(f"no employee {employee_id!r} in {tenant.slug}", field="employee")
        if role in (Role.MANAGER, Role.EMPLOYEE) and employee is None:
            raise KeepWellError(f"the {role} role needs the user's employee record", field="employee")
        membership, _ = Membership.objects.update_or_create(
            user=user, defaults={"role": role, "employee": employee}
        )
        audit_record(
            action="membership.grant",
            object_type="user",
            object_id=user.get_username(),
            data={"role": role, "employee_id": employee_id},
        )
    return membership


def user_ensure(*, username: str, password: str, email: str = "") -> AbstractBaseUser:
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=username, defaults={"email": email})
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
    return user
