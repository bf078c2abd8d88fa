"""Loading the demo company into the ``demo`` tenant.

``demo_load`` generates the files (``keepwell.demo.generator``), imports them through the interchange
service like any customer's CRM export, removes what an earlier load left behind, and gives one login
per role.

Reloading never deletes the tenant: the audit trail is append-only (PostgreSQL refuses DELETE on it,
both databases refuse UPDATE), so the tenant and its audit events stay and the data is replaced in
place. Imports upsert by id, so a reload with the same arguments changes nothing; rows whose ids are
no longer generated (another size, another as_of) are deleted, and the load is recorded in the audit
trail. Other tenants are never touched.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models, transaction

from keepwell.audit.services import audit_record
from keepwell.demo.generator import TENANT, XIAO_LI, Dataset, DemoSpec, generate, write_csv
from keepwell.errors import KeepWellError
from keepwell.interchange.services import ImportResult, Progress, import_file
from keepwell.tenancy.context import tenant_context
from keepwell.tenancy.models import Role, Tenant
from keepwell.tenancy.services import membership_grant, tenant_create, user_ensure

PASSWORD_VARIABLE = "KEEPWELL_DEMO_PASSWORD"  # noqa: S105 (the variable's name, not a password)
# The demo's documented password, for a local demo only; set KEEPWELL_DEMO_PASSWORD anywhere else.
DEFAULT_PASSWORD = "keepwell-demo"  # noqa: S105

# Parents before children: rates, people, their contracts, customers, then the facts about them.
IMPORT_ORDER = (
    "fx_rates",
    "employees",
    "contracts",
    "customers",
    "leads",
    "activities",
    "orders",
    "feedback",
    "tasks",
    "targets",
)
_DELETE_CHUNK = 500


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    who: str
    password: str


@dataclass(frozen=True)
class DemoLoad:
    tenant: Tenant
    as_of: date
    directory: Path
    rows: dict[str, int]  # rows imported, by entity
    removed: dict[str, int]  # rows of an earlier load no longer generated, by entity
    logins: tuple[DemoLogin, ...]


def demo_today() -> date:
    """Today in the demo company's time zone: the default as_of."""
    return datetime.now(ZoneInfo(TENANT["time_zone"])).date()


def demo_password() -> str:
    return os.environ.get(PASSWORD_VARIABLE) or DEFAULT_PASSWORD


def demo_load(
    *,
    as_of: date | None = None,
    directory: Path | None = None,
    seed: int = 1,
    employees: int = 60,
    months: int = 12,
    progress: Progress | None = None,
    report: Callable[[ImportResult], object] | None = None,
) -> DemoLoad:
    """Create or refresh the ``demo`` tenant with a generated company as of ``as_of`` (default today).

    ``progress`` is handed to each import; ``report`` gets each import's result as it finishes.
    """
    spec = DemoSpec(as_of=as_of or demo_today(), employees=employees, months=months, seed=seed)
    directory = directory or Path(settings.VAR_DIR) / "demo"
    dataset = generate(spec)
    paths = write_csv(dataset, directory)
    tenant = _demo_tenant()
    _org_units(tenant, dataset)
    rows: dict[str, int] = {}
    for entity in IMPORT_ORDER:
        result = import_file(
            tenant=tenant, entity=entity, path=paths[entity], file_format="csv", actor=None, progress=progress
        )
        _refuse_rejections(entity, result)
        if report is not None:
            report(result)
        rows[entity] = len(dataset.tables[entity])
    with tenant_context(tenant), transaction.atomic():
        removed = _remove_stale(dataset)
        audit_record(
            action="demo.load",
            object_type="tenant",
            object_id=tenant.slug,
            data={"as_of": spec.as_of.isoformat(), "seed": seed, "rows": rows, "removed": removed},
        )
    logins = _logins(tenant, dataset)
    return DemoLoad(tenant, spec.as_of, directory, rows, removed, logins)


def _demo_tenant() -> Tenant:
    tenant = Tenant.objects.filter(slug=TENANT["slug"]).first()
    if tenant is None:
        return tenant_create(
            slug=TENANT["slug"],
            name=TENANT["name"],
            reporting_currency=TENANT["reporting_currency"],
            time_zone=TENANT["time_zone"],
            language=TENANT["language"],
            jurisdiction=TENANT["jurisdiction"],
        )
    if tenant.reporting_currency != TENANT["reporting_currency"]:
        raise KeepWellError(
            f"a tenant {tenant.slug!r} exists with reporting currency {tenant.reporting_currency}; "
            f"the demo needs {TENANT['reporting_currency']} (remove that tenant or rename it)",
            field="tenant",
            code="exists",
        )
    return tenant


def _org_units(tenant: Tenant, dataset: Dataset) -> None:
    """The department and its teams, named, before the employees that point at them by code."""
    from keepwell.people.models import OrgUnit, OrgUnitKind

    teams: list[dict[str, str]] = dataset.manifest["teams"]  # type: ignore[assignment]
    with tenant_context(tenant), transaction.atomic():
        units: dict[str, OrgUnit] = {}
        for team in teams:
            parent = units.get(team["parent"])
            kind = OrgUnitKind.TEAM if parent else OrgUnitKind.DEPARTMENT
            units[team["code"]], _ = OrgUnit.objects.update_or_create(
                code=team["code"], defaults={"name": team["name"], "kind": kind, "parent": parent}
            )


def _refuse_rejections(entity: str, result: ImportResult) -> None:
    """A generated row the importer refuses is a bug of the generator or of the importer: stop."""
    if result.rejected:
        sample = "; ".join(str(rejection) for rejection in result.rejections[:3])
        raise KeepWellError(
            f"{result.rejected} generated {entity} row(s) rejected ({sample}); see {result.rejected_path}",
            field=entity,
        )


def _stale(existing: Iterable[tuple[Any, Any]], wanted: set[Any]) -> list[Any]:
    """Primary keys of ``(pk, key)`` pairs whose key is not wanted."""
    return [pk for pk, key in existing if key not in wanted]


def _delete(model: type[models.Model], primary_keys: Sequence[Any]) -> int:
    for start in range(0, len(primary_keys), _DELETE_CHUNK):
        model.objects.filter(pk__in=primary_keys[start : start + _DELETE_CHUNK]).delete()  # type: ignore[attr-defined]
    return len(primary_keys)


def _remove_stale(dataset: Dataset) -> dict[str, int]:
    """Delete the current tenant's rows that this dataset does not contain, children first."""
    from keepwell.contracts.models import EmploymentContract
    from keepwell.crm.models import Activity, Customer, Feedback, Lead, Order, Target, Task
    from keepwell.money.models import ExchangeRate
    from keepwell.people.models import Employee, OrgUnit

    tables = dataset.tables

    def first_column(entity: str) -> set[str]:
        return {row[0] for row in tables[entity]}

    targets = {(row[0], f"{row[1]}-01", row[2]) for row in tables["targets"]}
    rates = {(row[0], row[1], row[2]) for row in tables["fx_rates"]}
    removed: dict[str, int] = {}
    removed["targets"] = _delete(
        Target,
        [
            pk
            for pk, employee_id, month, metric in Target.objects.values_list(
                "pk", "employee__employee_id", "month", "metric"
            )
            if (employee_id, month.isoformat(), metric) not in targets
        ],
    )
    by_id: list[tuple[str, type[models.Model], str]] = [
        ("tasks", Task, "task_id"),
        ("feedback", Feedback, "feedback_id"),
        ("orders", Order, "order_id"),
        ("activities", Activity, "activity_id"),
        ("leads", Lead, "lead_id"),
        ("customers", Customer, "customer_id"),
        ("contracts", EmploymentContract, "contract_id"),
    ]
    for entity, model, column in by_id:
        existing = model.objects.values_list("pk", column)  # type: ignore[attr-defined]
        removed[entity] = _delete(model, _stale(existing, first_column(entity)))
    removed["fx_rates"] = _delete(
        ExchangeRate,
        [
            pk
            for pk, day, base, quote in ExchangeRate.objects.values_list("pk", "date", "base", "quote")
            if (day.isoformat(), base, quote) not in rates
        ],
    )
    removed["employees"] = _delete(
        Employee, _stale(Employee.objects.values_list("pk", "employee_id"), first_column("employees"))
    )
    teams = {team["code"] for team in dataset.manifest["teams"]}  # type: ignore[attr-defined]
    unused = OrgUnit.objects.exclude(code__in=teams).filter(members__isnull=True, children__isnull=True)
    _delete(OrgUnit, list(unused.values_list("pk", flat=True)))
    return removed


def _logins(tenant: Tenant, dataset: Dataset) -> tuple[DemoLogin, ...]:
    from keepwell.people.models import Employee

    password = demo_password()
    manager_id = dataset.manifest["story"]["manager_id"]  # type: ignore[index]
    with tenant_context(tenant):
        names = dict(
            Employee.objects.filter(employee_id__in=[manager_id, XIAO_LI]).values_list("employee_id", "name")
        )
    wanted = (
        ("admin@demo", Role.ADMIN, None, "tenant admin"),
        ("hr@demo", Role.HR, None, "HR business partner"),
        ("manager@demo", Role.MANAGER, manager_id, f"{names.get(manager_id, manager_id)}, Xiao Li's manager"),
        ("xiaoli@demo", Role.EMPLOYEE, XIAO_LI, f"{names.get(XIAO_LI, XIAO_LI)} himself"),
        ("auditor@demo", Role.AUDITOR, None, "auditor (read-only audit trail)"),
    )
    logins = []
    for username, role, employee_id, who in wanted:
        user = user_ensure(
            username=username, password=password, email=f"{username.split('@')[0]}@demo-sales.example"
        )
        membership_grant(tenant=tenant, user=user, role=role, employee_id=employee_id)
        logins.append(DemoLogin(username, str(role), who, password))
    return tuple(logins)
