"""`keepwell demo load`: the demo tenant, end to end through the interchange service."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from keepwell.demo.tests.files import AS_OF
from keepwell.demo.tests.reference import read

interchange = pytest.importorskip("keepwell.interchange.services")
if not hasattr(interchange, "import_file"):
    pytest.skip("the interchange service has no import_file yet", allow_module_level=True)

from keepwell.audit.models import AuditEvent  # noqa: E402
from keepwell.audit.services import audit_verify  # noqa: E402
from keepwell.contracts.models import EmploymentContract  # noqa: E402
from keepwell.crm.models import Activity, Customer, Feedback, Lead, Order, Target, Task  # noqa: E402
from keepwell.demo.services import DEFAULT_PASSWORD, demo_load  # noqa: E402
from keepwell.money.models import ExchangeRate  # noqa: E402
from keepwell.people.models import Employee, OrgUnit  # noqa: E402
from keepwell.tenancy.context import tenant_context  # noqa: E402
from keepwell.tenancy.models import Membership, Tenant  # noqa: E402

pytestmark = pytest.mark.django_db
SMALL = {"employees": 30, "months": 4}
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

    second = demo_load(as_of=AS_OF, directory=tmp_path, **SMALL)

    assert second.tenant.pk == first.tenant.pk
    assert set(second.removed.values()) == {0}
    with tenant_context(second.tenant):
        assert {
            entity: sorted(model.objects.values_list("pk", flat=True)) for entity, model in MODELS.items()
        } == keys
        assert audit_verify() == (True, None)


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
        stdout=output,
    )
    text = output.getvalue()
    assert "Tenant 'demo' (Demo Sales Co.) as of 2026-11-27" in text
    for username in ("admin@demo", "hr@demo", "manager@demo", "xiaoli@demo", "auditor@demo"):
        assert username in text
    assert DEFAULT_PASSWORD in text


@pytest.mark.django_db(transaction=True)
def test_the_loaded_demo_tells_the_story_through_the_engine(tmp_path):
    facts_source = pytest.importorskip("keepwell.evaluation.facts_source")
    from keepwell.engine.evaluate import evaluate

    result = demo_load(as_of=AS_OF, directory=tmp_path, **SMALL)
    evaluation = evaluate(
        facts_source.load_facts(result.tenant), as_of=AS_OF, month_from="2026-08", month_to="2026-10"
    )

    values = {
        (row["month"], row["metric"]): row["value"]
        for row in evaluation.metric_values.to_pylist()
        if row["employee_id"] == "XL001"
    }
    for month in ("2026-08", "2026-09", "2026-10"):
        assert values[(month, "customers_followed")] == 30
        assert values[(month, "lead_conversion_rate")] == Decimal("0.12")
        assert values[(month, "repurchase_rate")] == Decimal("0.08")
        assert values[(month, "screening_share")] == Decimal("0.1")
        assert values[(month, "quota_attainment")] == Decimal("0.6")
        assert values[(month, "csat")] == Decimal("4.7")
