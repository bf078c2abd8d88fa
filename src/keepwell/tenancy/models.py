from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from keepwell.tenancy.context import get_current_tenant


class Tenant(models.Model):
    slug = models.SlugField(max_length=63, unique=True)
    name = models.CharField(max_length=200)
    reporting_currency = models.CharField(
        max_length=3, default="USD", validators=[RegexValidator(r"^[A-Z]{3}$")]
    )
    default_language = models.CharField(max_length=10, default="en")
    time_zone = models.CharField(max_length=64, default="UTC")
    jurisdiction = models.CharField(max_length=10, blank=True, default="")
    seats = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug


class Role(models.TextChoices):
    ADMIN = "admin", _("Tenant admin")
    HR = "hr", _("HR")
    MANAGER = "manager", _("Manager")
    EMPLOYEE = "employee", _("Employee")
    AUDITOR = "auditor", _("Auditor")


class TenantQuerySet(models.QuerySet):
    """Rows created through the scoped manager belong to the current tenant unless one is given."""

    def _with_tenant(self, values: dict[str, Any]) -> dict[str, Any]:
        if "tenant" not in values and "tenant_id" not in values:
            values["tenant"] = get_current_tenant()
        return values

    def create(self, **kwargs: Any) -> Any:
        return super().create(**self._with_tenant(kwargs))

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> list[Any]:
        objs = list(objs)
        if any(obj.tenant_id is None for obj in objs):
            tenant_id = get_current_tenant().pk
            for obj in objs:
                if obj.tenant_id is None:
                    obj.tenant_id = tenant_id
        return super().bulk_create(objs, *args, **kwargs)


class TenantManager(models.Manager.from_queryset(TenantQuerySet)):  # type: ignore[misc]
    """Scopes every query to the current tenant and refuses to run without one.

    ``unscoped()`` is the one deliberate way around it (cross-tenant maintenance, sign-in).
    """

    def get_queryset(self) -> models.QuerySet[Any]:
        return super().get_queryset().filter(tenant_id=get_current_tenant().pk)

    def unscoped(self) -> models.QuerySet[Any]:
        return super().get_queryset()


class TenantModel(models.Model):
    """A row that belongs to one tenant. Indexes of subclasses start with ``tenant``."""

    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE, editable=False, db_index=False)

    objects: ClassVar[TenantManager] = TenantManager()

    class Meta:
        abstract = True


class Membership(TenantModel):
    # The one lookup that is not tenant-scoped by design (sign-in: which tenants is this user in?), so the
    # only index that does not start with the tenant.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices)
    employee = models.ForeignKey(
        "people.Employee",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        db_index=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "user"], name="membership_one_per_user_and_tenant"),
        ]
        indexes = [models.Index(fields=["tenant", "employee"], name="membership_employee_idx")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.tenant_id} ({self.role})"
