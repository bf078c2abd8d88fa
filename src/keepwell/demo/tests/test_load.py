"""`keepwell demo load`: the demo tenant, end to end through the interchange service.

These tests load a small company without evaluating it (``evaluate=False``): evaluation and the renewal
scan read the database through DuckDB's own connection, which does not see a test's open transaction.
The whole load, evaluation and renewal cases included, is tested in ``test_story_end_to_end.py``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from keepwell.audit.models import AuditEvent
from keepwell.audit.services import audit_verify
from keepwell.contracts.models import EmploymentContract
from keepwell.crm.models import Activity, Customer, Feedback, Lead, Order, Target, Task
from keepwell.demo.services import DEFAULT_PASSWORD, demo_load
from keepwell.demo.tests.files import AS_OF
from keepwell.demo.tests.reference import read
from keepwell.legal.models import LocalAverageWage
from keepwell.money.models import ExchangeRate
from keepwell.people.models import Employee, OrgUnit
from keepwell.renewal.models import ReserveCandidate
from keepwell.tenancy.context import tenant_context
from keepwell.tenancy.models import Membership, Tenant

pytestmark = pytest.mark.django_db
SMALL = {"employees": 30, "months": 4, "evaluate": False}
MODELS = {
    "employees": Employee,
    "contracts": EmploymentContract,
    "customers": Customer,
    "leads": Lead,
    "activities": Activity,
    "orders": Order,
    "feedback": Feedback,
    "tasks": Task,
    "targets": Target,
    "fx_rates": ExchangeRate,
}


def _counts(tenant: Tenant) -> dict[str, int]:
    with tenant_context(tenant):
        return {entity: model.objects.count() for entity, model in MODELS.items()}


def _file_counts(directory) -> dict[str, int]:
    return {entity: len(read(directory, entity)) for entity in MODELS}


def test_load_creates_the_demo_tenant_with_every_generated_row(tmp_path):
    result = demo_load(as_of=AS_OF, directory=tmp_path, **SMALL)

    tenant = Tenant.objects.get(slug="demo")
    assert (tenant.name, tenant.reporting_currency, tenant.time_zone, tenant.default_language) == (
        "Demo Sales Co.",
        "CNY",
        "Asia/Shanghai",
        "zh-hans",
    )
    assert _counts(tenant) == _file_counts(tmp_path) == result.rows
    with tenant_context(tenant):
        xiao_li = Employee.objects.get(employee_id="XL001")
        assert "小李" in xiao_li.name
        assert xiao_li.team.code == "bj-north"
        assert xiao_li.team.parent.code == "sales"
        assert OrgUnit.objects.get(code="sales").kind == "department"
        contract = EmploymentContract.objects.get(employee=xiao_li, sequence=2)
        assert contract.end_date == AS_OF + timedelta(days=45)
        beijing = ZoneInfo("Asia/Shanghai")
        october = Lead.objects.filter(
            owner=xiao_li,
            created_at__gte=datetime(2026, 10, 1, tzinfo=beijing),
            created_at__lt=datetime(2026, 11, 1, tzinfo=beijing),
        )
        assert october.count() == 25
        assert october.filter(qualified_at__isnull=False).count() >= 3


def test_load_gives_one_login_per_role(tmp_path):
    result = demo_load(as_of=AS_OF, directory=tmp_path, **SMALL)

    memberships = {
        membership.user.username: membership
        for membership in Membership.objects.unscoped()
        .filter(tenant=result.tenant)
        .select_related("user", "employee")
    }
    assert {name: membership.role for name, membership in memberships.items()} == {
        "admin@demo": "admin",
        "hr@demo": "hr",
        "manager@demo": "manager",
        "xiaoli@demo": "employee",
        "auditor@demo": "auditor",
    }
    assert memberships["xiaoli@demo"].employee.employee_id == "XL001"
    assert memberships["manager@demo"].employee == memberships["xiaoli@demo"].employee.manager
    assert all(membership.user.check_password(DEFAULT_PASSWORD) for membership in memberships.values())
    assert [login.username for login in result.logins] == [
        "admin@demo",
        "hr@demo",
        "manager@demo",
        "xiaoli@demo",
        "auditor@demo",
    ]


def test_the_password_comes_from_the_environment_when_set(tmp_path, monkeypatch):
    monkeypatch.setenv("KEEPWELL_DEMO_PASSWORD", "another demo secret")
    demo_load(as_of=AS_OF, directory=tmp_path, **SMALL)
    user = get_user_model().objects.get(username="hr@demo")
    assert user.check_password("another demo secret")
    assert not user.check_password(DEFAULT_PASSWORD)


def test_loading_again_changes_nothing(tmp_path):
    first = demo_load(as_of=AS_OF, directory=tmp_path, **SMALL)
    with tenant_context(first.tenant):
        keys = {
            entity: sorted(model.objects.values_list("pk", flat=True)) for entity, model in MODELS.items()
        }
        # Someone edits a row: the reload must notice, import again, and put the generated value back.
        target = Target.objects.order_by("pk").first()
        generated = target.value
        Target.objects.filter(pk=target.pk).update(value=generated + 1)

    second = demo_load(as_of=AS_OF, directory=tmp_path, **SMALL)

    assert not second.skipped
    assert second.tenant.pk == first.tenant.pk
    assert set(second.removed.values()) == {0}
    with tenant_context(second.tenant):
        assert {
            entity: sorted(model.objects.values_list("pk", flat=True)) for entity, model in MODELS.items()
        } == keys
        assert Target.objects.get(pk=target.pk).value == generated
        assert audit_verify() == (True, None)


def test_loading_again_with_nothing_changed_is_skipped(tmp_path):
    first = demo_load(as_of=AS_OF, directory=tmp_path / "first", **SMALL)
    with tenant_context(first.tenant):
        keys = {
            entity: sorted(model.objects.values_list("pk", flat=True)) for entity, model in MODELS.items()
        }

    second = demo_load(as_of=AS_OF, directory=tmp_path / "second", **SMALL)
    third = demo_load(as_of=AS_OF, directory=tmp_path / "third", **SMALL)

    assert (first.skipped, second.skipped, third.skipped) == (False, True, True)
    assert "import" in first.seconds
    assert "import" not in second.seconds
    assert second.rows == first.rows
    assert set(second.removed.values()) == {0}
    assert [login.username for login in second.logins] == [login.username for login in first.logins]
    with tenant_context(second.tenant):
        assert {
            entity: sorted(model.objects.values_list("pk", flat=True)) for entity, model in MODELS.items()
        } == keys
        loads = list(AuditEvent.objects.filter(action="demo.load").order_by("sequence"))
        assert [event.data["skipped"] for event in loads] == [False, True, True]
        assert len({event.data["fingerprint"] for event in loads}) == 1
        assert audit_verify() == (True, None)


def test_another_seed_is_not_skipped(tmp_path):
    demo_load(as_of=AS_OF, directory=tmp_path, **SMALL)
    result = demo_load(as_of=AS_OF, directory=tmp_path, seed=2, **SMALL)
    assert not result.skipped
    assert _counts(result.tenant) == _file_counts(tmp_path)


def test_load_stores_the_local_average_wages_and_the_reserve_candidates(tmp_path):
    result = demo_load(as_of=AS_OF, directory=tmp_path, **SMALL)

    with tenant_context(result.tenant):
        wages = sorted(
            LocalAverageWage.objects.values_list("jurisdiction", "effective_from", "amount", "currency")
        )
        candidates = list(
            ReserveCandidate.objects.order_by("candidate_id").values_list(
                "candidate_id", "team__code", "target_role", "readiness_date"
            )
        )
    assert wages == [
        ("CN-BJ", date(2026, 1, 1), Decimal("12000.00"), "CNY"),
        ("CN-SH", date(2026, 1, 1), Decimal("12500.00"), "CNY"),
    ]
    notes = {wage["note"] for wage in result.local_average_wages}
    assert notes == {"demo input, not the published figure"}
    assert len(candidates) == 3
    assert "bj-north" not in {team for _, team, _, _ in candidates}
    assert {role for _, _, role, _ in candidates} == {"sales_engineer"}
    assert [day for _, _, _, day in candidates] == [
        AS_OF + timedelta(days=20),
        AS_OF + timedelta(days=120),
        AS_OF + timedelta(days=30),
    ]

    later = AS_OF + timedelta(days=40)
    demo_load(as_of=later, directory=tmp_path, **SMALL)
    with tenant_context(result.tenant):
        assert set(LocalAverageWage.objects.values_list("effective_from", flat=True)) == {date(2027, 1, 1)}
        assert sorted(ReserveCandidate.objects.values_list("readiness_date", flat=True)) == sorted(
            later + timedelta(days=days) for days in (20, 30, 120)
        )


def test_loading_with_another_as_of_replaces_the_data(tmp_path):
    demo_load(as_of=AS_OF, directory=tmp_path / "first", employees=30, months=5)
    later = AS_OF + timedelta(days=40)

    result = demo_load(as_of=later, directory=tmp_path / "second", **SMALL)

    assert _counts(result.tenant) == _file_counts(tmp_path / "second")
    assert sum(result.removed.values()) > 0
    with tenant_context(result.tenant):
        contract = EmploymentContract.objects.get(employee__employee_id="XL001", sequence=2)
        assert contract.end_date == later + timedelta(days=45)
        assert audit_verify() == (True, None)
        assert AuditEvent.objects.filter(action="demo.load").count() == 2


def test_loading_leaves_other_tenants_alone(world, tmp_path):
    before = _counts(world.tenant_a), _counts(world.tenant_b)
    demo_load(as_of=AS_OF, directory=tmp_path, **SMALL)
    demo_load(as_of=AS_OF + timedelta(days=40), directory=tmp_path, **SMALL)
    assert (_counts(world.tenant_a), _counts(world.tenant_b)) == before


def test_the_load_command_prints_the_logins(tmp_path):
    output = StringIO()
    call_command(
        "demo",
        "load",
        "--as-of",
        AS_OF.isoformat(),
        "--dir",
        str(tmp_path),
        "--employees",
        "30",
        "--months",
        "4",
        "--no-evaluate",
        stdout=output,
    )
    text = output.getvalue()
    assert "Tenant 'demo' (Demo Sales Co.) as of 2026-11-27" in text
    assert "Local average monthly wage CN-BJ: 12000.00 CNY from 2026-01-01 (demo input" in text
    assert "Not evaluated (--no-evaluate)" in text
    for username in ("admin@demo", "hr@demo", "manager@demo", "xiaoli@demo", "auditor@demo"):
        assert username in text
    assert DEFAULT_PASSWORD in text

    again = StringIO()
    call_command(
        "demo",
        "load",
        *("--as-of", AS_OF.isoformat(), "--dir", str(tmp_path), "--employees", "30", "--months", "4"),
        "--no-evaluate",
        stdout=again,
    )
    assert "unchanged since the last load" in again.getvalue()
