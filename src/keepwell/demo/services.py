"""Loading the demo company into the ``demo`` tenant.

``demo_load`` generates the files (``keepwell.demo.generator``), imports them through the interchange
service like any customer's CRM export, removes what an earlier load left behind, stores what the files
have no place for (the local average wages of Beijing and Shanghai — demo inputs, not the published
figures — and the reserve candidates of the manifest), evaluates the tenant as of ``as_of`` and opens
the renewal cases (``renewal_scan``), so that the web pages show metrics and the renewal queue. It gives
one login per role.

Reloading never deletes the tenant: the audit trail is append-only (PostgreSQL refuses DELETE on it,
both databases refuse UPDATE), so the tenant and its audit events stay and the data is replaced in
place. Imports upsert by id, so a reload with the same arguments changes nothing; rows whose ids are
no longer generated (another size, another as_of) are deleted, and the load is recorded in the audit
trail. Other tenants are never touched.

A reload that would change nothing is skipped: each load records in its audit event a fingerprint of
what it loaded (the generated files byte for byte, the arguments, and KeepWell's own source code) and a
digest of every row the tenant holds afterwards (audit trail and memberships aside). When the next load
generates the same fingerprint and the tenant's rows still hash to that digest, nothing was changed in
between by anyone, so importing, evaluating and scanning again would give the same rows: only the logins
are ensured. Any change — an edited row, a new rating, a scan for another date, a new version of the
code — makes the digest or the fingerprint differ, and the load runs in full.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.db import models, transaction

import keepwell
from keepwell.audit.services import audit_record
from keepwell.demo.generator import ENTITIES, TENANT, XIAO_LI, Dataset, DemoSpec, generate, write_csv
from keepwell.errors import KeepWellError
from keepwell.evaluation.models import EvaluationRun
from keepwell.evaluation.services import evaluation_run
from keepwell.interchange.services import ImportResult, Progress, import_file
from keepwell.renewal.models import RenewalCase, ReserveCandidate
from keepwell.renewal.services import renewal_scan
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
    skipped: bool = False  # nothing changed since the last identical load: nothing was imported or computed
    evaluated: bool = False  # the tenant holds an evaluation and renewal cases as of as_of
    scan: dict[str, int] = field(default_factory=dict)  # what renewal_scan did (empty when it did not run)
    local_average_wages: tuple[dict[str, str], ...] = ()
    reserve_candidates: tuple[dict[str, str], ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)  # time spent, by step


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
    evaluate: bool = True,
    progress: Progress | None = None,
    report: Callable[[ImportResult], object] | None = None,
    step: Callable[[str], object] | None = None,
) -> DemoLoad:
    """Create or refresh the ``demo`` tenant with a generated company as of ``as_of`` (default today).

    With ``evaluate`` (the default) the tenant is then evaluated as of ``as_of`` and its renewal cases are
    opened; both read the database through DuckDB's own connection, so the imported rows must be committed
    (no surrounding transaction). ``progress`` is handed to each import; ``report`` gets each import's
    result as it finishes; ``step`` is told each step as it starts.
    """
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def done(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[name] = round(now - clock, 2)
        clock = now

    def starting(name: str) -> None:
        if step is not None:
            step(name)

    spec = DemoSpec(as_of=as_of or demo_today(), employees=employees, months=months, seed=seed)
    directory = directory or Path(settings.VAR_DIR) / "demo"
    starting("generate")
    dataset = generate(spec)
    paths = write_csv(dataset, directory)
    fingerprint = _fingerprint(spec, directory)
    wages = tuple(cast(list[dict[str, str]], dataset.manifest["local_average_wages"]))
    reserve = tuple(cast(list[dict[str, str]], dataset.manifest["reserve_candidates"]))
    tenant = _demo_tenant()
    done("generate")
    starting("compare")
    previous = _last_load(tenant)
    state = _state_digest(tenant) if previous.get("fingerprint") == fingerprint else None
    unchanged = state is not None and previous.get("state") == state
    done("compare")
    rows = {entity: len(dataset.tables[entity]) for entity in IMPORT_ORDER}
    removed = dict.fromkeys(IMPORT_ORDER, 0)
    if not unchanged:
        starting("import")
        _org_units(tenant, dataset)
        with tenant_context(tenant), transaction.atomic():
            removed_contracts = _remove_moved_contracts(dataset)
        for entity in IMPORT_ORDER:
            result = import_file(
                tenant=tenant,
                entity=entity,
                path=paths[entity],
                file_format="csv",
                actor=None,
                progress=progress,
            )
            _refuse_rejections(entity, result)
            if report is not None:
                report(result)
        with tenant_context(tenant), transaction.atomic():
            removed = _remove_stale(dataset)
            removed["contracts"] += removed_contracts
            _legal_inputs(wages)
            _reserve_candidates(reserve)
            # What was computed from the replaced rows no longer describes them.
            _forget_results(cases=not evaluate)
        done("import")
    evaluated = unchanged and bool(previous.get("evaluated"))
    scan: dict[str, int] = {}
    if evaluate and not evaluated:
        starting("evaluate")
        evaluation_run(tenant=tenant, as_of=spec.as_of)
        with tenant_context(tenant):
            EvaluationRun.objects.exclude(as_of=spec.as_of).delete()
        done("evaluate")
        starting("renewal scan")
        scan = renewal_scan(tenant=tenant, as_of=spec.as_of)
        with tenant_context(tenant):
            RenewalCase.objects.exclude(as_of=spec.as_of).delete()
        done("renewal scan")
        evaluated = True
    starting("record")
    with tenant_context(tenant), transaction.atomic():
        audit_record(
            action="demo.load",
            object_type="tenant",
            object_id=tenant.slug,
            data={
                "as_of": spec.as_of.isoformat(),
                "seed": seed,
                "employees": employees,
                "months": months,
                "rows": rows,
                "removed": removed,
                "skipped": unchanged,
                "evaluated": evaluated,
                "fingerprint": fingerprint,
                # The rows have not moved since they were compared unless this load wrote some.
                "state": state if unchanged and not scan else _state_digest(tenant),
            },
        )
    logins = _logins(tenant, dataset)
    done("record")
    return DemoLoad(
        tenant,
        spec.as_of,
        directory,
        rows,
        removed,
        logins,
        skipped=unchanged,
        evaluated=evaluated,
        scan=scan,
        local_average_wages=wages,
        reserve_candidates=reserve,
        seconds=seconds,
    )


# -- skipping a reload that would change nothing ------------------------------------------------------


@functools.cache
def _code_digest() -> str:
    """A hash of KeepWell's own source (tests aside): another version of the code may load differently."""
    root = Path(keepwell.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if "tests" in relative.parts:
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _fingerprint(spec: DemoSpec, directory: Path) -> str:
    """What a load loads: the written files byte for byte, the arguments and the code."""
    digest = hashlib.sha256()
    digest.update(json.dumps({**asdict(spec), "as_of": spec.as_of.isoformat()}, sort_keys=True).encode())
    digest.update(_code_digest().encode())
    for name in [f"{entity}.csv" for entity in ENTITIES] + ["manifest.json"]:
        digest.update(name.encode() + b"\0" + (directory / name).read_bytes() + b"\0")
    return digest.hexdigest()


def _last_load(tenant: Tenant) -> dict[str, Any]:
    """The data of the tenant's latest ``demo.load`` audit event ({} when none)."""
    from keepwell.audit.models import AuditEvent

    with tenant_context(tenant):
        event = AuditEvent.objects.filter(action="demo.load").order_by("-sequence").first()
    return dict(event.data) if event is not None and isinstance(event.data, dict) else {}


def _state_digest(tenant: Tenant) -> str:
    """A hash of every row the tenant holds, model by model in primary-key order.

    The audit trail (it grows with every load) and the memberships (re-granted by every load) are left
    out; every other tenant-owned model is in, including those added after this was written.
    """
    from keepwell.audit.models import AuditEvent
    from keepwell.tenancy.models import Membership, TenantModel

    digest = hashlib.sha256()
    digest.update(
        repr(
            [(field.attname, getattr(tenant, field.attname)) for field in Tenant._meta.concrete_fields]
        ).encode()
    )
    tenant_models = sorted(
        (
            model
            for model in apps.get_models()
            if issubclass(model, TenantModel)
            and model not in (AuditEvent, Membership)
            and not model._meta.proxy
            and model._meta.managed
        ),
        key=lambda model: model._meta.label,
    )
    with tenant_context(tenant):
        for model in tenant_models:
            columns = [field.attname for field in model._meta.concrete_fields]
            digest.update(model._meta.label.encode())
            rows = model.objects.order_by("pk").values_list(*columns)  # type: ignore[attr-defined]
            for row in rows.iterator(chunk_size=10_000):
                digest.update(repr(row).encode())
    return digest.hexdigest()


# -- the demo inputs kept in its manifest rather than in interchange files -------------------------------


def _legal_inputs(wages: Sequence[dict[str, str]]) -> None:
    """The local average monthly wages of the manifest (demo inputs); no other row is kept."""
    from keepwell.legal.models import LocalAverageWage

    kept = []
    for wage in wages:
        row, _ = LocalAverageWage.objects.update_or_create(
            jurisdiction=wage["jurisdiction"],
            effective_from=date.fromisoformat(wage["effective_from"]),
            defaults={"amount": Decimal(wage["amount"]), "currency": wage["currency"]},
        )
        kept.append(row.pk)
    LocalAverageWage.objects.exclude(pk__in=kept).delete()


def _reserve_candidates(candidates: Sequence[dict[str, str]]) -> None:
    """The reserve candidates of the manifest, upserted by id; no other candidate is kept."""
    from keepwell.people.models import OrgUnit

    teams = {unit.code: unit for unit in OrgUnit.objects.all()}
    for candidate in candidates:
        ReserveCandidate.objects.update_or_create(
            candidate_id=candidate["candidate_id"],
            defaults={
                "name": candidate["name"],
                "employee": None,
                "team": teams[candidate["team"]],
                "target_role": candidate["target_role"],
                "readiness_date": date.fromisoformat(candidate["readiness_date"]),
            },
        )
    ReserveCandidate.objects.exclude(
        candidate_id__in=[entry["candidate_id"] for entry in candidates]
    ).delete()


def _forget_results(*, cases: bool) -> None:
    """Drop the evaluations (and, with ``cases``, the renewal cases) computed from replaced rows."""
    EvaluationRun.objects.all().delete()
    if cases:
        RenewalCase.objects.all().delete()


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


def _remove_moved_contracts(dataset: Dataset) -> int:
    """Delete contracts an import would collide with: another id now holds their employee and sequence.

    (Another seed numbers the contracts differently; one employee may not have two contracts with the
    same sequence, so the old one must go before the new one comes in.)
    """
    from keepwell.contracts.models import EmploymentContract

    generated = {(row[0], row[1], row[2]) for row in dataset.tables["contracts"]}
    taken = {(row[1], row[2]) for row in dataset.tables["contracts"]}
    columns = ("pk", "contract_id", "employee__employee_id", "sequence")
    existing = EmploymentContract.objects.values_list(*columns)
    moved = [
        pk
        for pk, contract_id, employee_id, sequence in existing
        if (employee_id, str(sequence)) in taken
        and (contract_id, employee_id, str(sequence)) not in generated
    ]
    return _delete(EmploymentContract, moved)


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
