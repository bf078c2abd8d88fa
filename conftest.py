"""Fixtures shared by every app's tests: two tenants, a small org chart in each, and one user per role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from keepwell.tenancy.context import tenant_context
from keepwell.tenancy.models import Membership, Role, Tenant

PASSWORD = "correct horse battery staple"


@dataclass
class World:
    """Tenant A (acme) with two teams under one director, tenant B (globex) with one team."""

    tenant_a: Tenant
    tenant_b: Tenant
    users: dict[str, object]

    def client_for(self, key: str) -> Client:
        client = Client()
        if key != "anonymous":
            client.force_login(self.users[key])
        return client

    def membership(self, key: str) -> Membership:
        return Membership.objects.unscoped().get(user=self.users[key])


@pytest.fixture
def in_tenant() -> object:
    """Run a block as a tenant: ``with in_tenant(tenant): ...``."""
    return tenant_context


def _employee(
    tenant: Tenant, employee_id: str, team: object, manager: object | None, **extra: object
) -> object:
    from keepwell.people.models import Employee

    return Employee.objects.create(
        tenant=tenant,
        employee_id=employee_id,
        name=extra.pop("name", employee_id),
        email=f"{employee_id.lower()}@example.com",
        team=team,
        manager=manager,
        role=extra.pop("role", "sales_engineer"),
        hire_date=extra.pop("hire_date", date(2022, 1, 1)),
        jurisdiction=extra.pop("jurisdiction", "CN-BJ"),
        timezone=extra.pop("timezone", "Asia/Shanghai"),
        currency=extra.pop("currency", "CNY"),
    )


@pytest.fixture
def world(db: object) -> World:
    from keepwell.contracts.models import EmploymentContract
    from keepwell.money.models import Currency
    from keepwell.money.reference import seed_currencies
    from keepwell.people.models import OrgUnit

    # Transactional tests flush every table, the migration's reference data included.
    seed_currencies(Currency)
    user_model = get_user_model()
    tenant_a = Tenant.objects.create(
        slug="acme", name="Acme", reporting_currency="CNY", time_zone="Asia/Shanghai"
    )
    tenant_b = Tenant.objects.create(
        slug="globex", name="Globex", reporting_currency="EUR", time_zone="Europe/Berlin"
    )
    users: dict[str, object] = {}

    def member(key: str, tenant: Tenant, role: str, employee: object | None = None) -> None:
        user = user_model.objects.create_user(username=key, password=PASSWORD)
        Membership.objects.create(tenant=tenant, user=user, role=role, employee=employee)
        users[key] = user

    with tenant_context(tenant_a):
        sales = OrgUnit.objects.create(code="sales", name="Sales", kind="department")
        north = OrgUnit.objects.create(code="north", name="North", parent=sales)
        south = OrgUnit.objects.create(code="south", name="South", parent=sales)
        director = _employee(tenant_a, "D001", sales, None, role="sales_director")
        north_lead = _employee(tenant_a, "N000", north, director, role="sales_manager")
        south_lead = _employee(tenant_a, "S000", south, director, role="sales_manager")
        north_rep = _employee(tenant_a, "N001", north, north_lead)
        _employee(tenant_a, "N002", north, north_lead)
        south_rep = _employee(tenant_a, "S001", south, south_lead)
        for employee, end in ((north_rep, date(2027, 1, 15)), (south_rep, date(2027, 6, 30))):
            EmploymentContract.objects.create(
                contract_id=f"C-{employee.employee_id}",
                employee=employee,
                sequence=1,
                type="fixed_term",
                start_date=date(2024, 1, 16),
                end_date=end,
                monthly_base_salary=Decimal("20000.00"),
                currency="CNY",
                jurisdiction="CN-BJ",
            )
        member("admin_a", tenant_a, Role.ADMIN)
        member("hr_a", tenant_a, Role.HR)
        member("director_a", tenant_a, Role.MANAGER, director)
        member("manager_north", tenant_a, Role.MANAGER, north_lead)
        member("manager_south", tenant_a, Role.MANAGER, south_lead)
        member("employee_north", tenant_a, Role.EMPLOYEE, north_rep)
        member("auditor_a", tenant_a, Role.AUDITOR)
    with tenant_context(tenant_b):
        team_b = OrgUnit.objects.create(code="berlin", name="Berlin")
        rep_b = _employee(
            tenant_b, "B001", team_b, None, jurisdiction="DE", timezone="Europe/Berlin", currency="EUR"
        )
        EmploymentContract.objects.create(
            contract_id="C-B001",
            employee=rep_b,
            sequence=1,
            type="fixed_term",
            start_date=date(2025, 1, 1),
            end_date=date(2026, 12, 31),
            monthly_base_salary=Decimal("5000.00"),
            currency="EUR",
            jurisdiction="DE",
        )
        member("hr_b", tenant_b, Role.HR)
        member("admin_b", tenant_b, Role.ADMIN)
    users["nobody"] = user_model.objects.create_user(username="nobody", password=PASSWORD)
    return World(tenant_a=tenant_a, tenant_b=tenant_b, users=users)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    """Argon2 is deliberately slow; tests of everything but hashing itself use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium; missing it fails the run in CI and skips (visibly) elsewhere."""
    import os

    path = os.environ.get("KEEPWELL_CHROMIUM", "/usr/bin/chromium")
    if not os.access(path, os.X_OK):
        message = f"Chromium not found at {path} (install Debian's chromium package or set KEEPWELL_CHROMIUM)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def browser_page(
    chromium_path: str, live_server: object, monkeypatch: pytest.MonkeyPatch
) -> Iterator[object]:
    """A Playwright page in headless Chromium, pointed at the live test server."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test itself are safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_FLAGS
        )
        context = browser.new_context(base_url=str(live_server), locale="en-US")
        page = context.new_page()
        page.set_default_timeout(15000)
        try:
            yield page
        finally:
            context.close()
            browser.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests of one database's behaviour run in that database's pass and are deselected (not skipped) in
    the other, so that the run says so and CI's no-skip rule holds."""
    from django.conf import settings

    vendor = "postgres" if "postgresql" in settings.DATABASES["default"]["ENGINE"] else "sqlite"
    other = "sqlite_only" if vendor == "postgres" else "postgres_only"
    kept = [item for item in items if other not in item.keywords]
    deselected = [item for item in items if other in item.keywords]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI nothing may be skipped silently: a skipped test fails the run."""
    import os

    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if os.environ.get("CI") != "true" or reporter is None or hasattr(session.config, "workerinput"):
        return
    skipped = reporter.stats.get("skipped", [])
    if skipped:
        reporter.write_line(f"CI: {len(skipped)} test(s) were skipped; in CI every test must run", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


@pytest.fixture
def crm_facts(world: World) -> World:
    """N001 (Asia/Shanghai) in October 2026: 4 activities, 5 leads, 2 orders; a 100,000 CNY target."""
    from keepwell.crm.models import Activity, Customer, Lead, Order, Target
    from keepwell.money.models import ExchangeRate
    from keepwell.people.models import Employee

    with tenant_context(world.tenant_a):
        rep = Employee.objects.get(employee_id="N001")
        alpha = Customer.objects.create(customer_id="K1", name="Alpha", owner=rep)
        beta = Customer.objects.create(customer_id="K2", name="Beta", owner=rep)
        activities = [
            # 2026-09-30T16:30Z is 00:30 on 1 October in Shanghai: October.
            ("A1", alpha, "screening", "2026-09-30T16:30:00+00:00", 30),
            ("A2", alpha, "follow_up", "2026-10-10T02:00:00+00:00", 60),
            ("A3", beta, "needs_discovery", "2026-10-20T02:00:00+00:00", 30),
            # 2026-10-31T16:30Z is already November in Shanghai.
            ("A4", beta, "screening", "2026-10-31T16:30:00+00:00", 45),
        ]
        for activity_id, customer, purpose, started, minutes in activities:
            Activity.objects.create(
                activity_id=activity_id,
                employee=rep,
                customer=customer,
                kind="call",
                purpose=purpose,
                started_at=_at(started),
                duration_minutes=minutes,
            )
        created = _at("2026-10-02T02:00:00+00:00")
        for index, qualified in enumerate([created.replace(day=30), None, None, None, None]):
            Lead.objects.create(lead_id=f"L{index}", owner=rep, created_at=created, qualified_at=qualified)
        Order.objects.create(
            order_id="O1",
            customer=alpha,
            employee=rep,
            ordered_at=_at("2026-10-15T02:00:00+00:00"),
            amount=Decimal("50000"),
            currency="CNY",
        )
        Order.objects.create(
            order_id="O2",
            customer=beta,
            employee=rep,
            ordered_at=_at("2026-10-16T02:00:00+00:00"),
            amount=Decimal("1000"),
            currency="EUR",
        )
        ExchangeRate.objects.create(
            date=date(2026, 10, 1), base_id="EUR", quote_id="CNY", rate=Decimal("7.8")
        )
        Target.objects.create(
            employee=rep, month=date(2026, 10, 1), metric="revenue", value=Decimal("100000")
        )
    return world
