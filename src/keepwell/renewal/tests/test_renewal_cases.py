"""Renewal cases: opened by the scan (idempotently), shown whole, and seen only by those allowed."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from keepwell.audit.models import AuditEvent
from keepwell.evaluation.models import MetricSnapshot
from keepwell.renewal.models import RenewalCase
from keepwell.renewal.services import last_complete_month, renewal_scan, stored_evaluation_is_as_of
from keepwell.tenancy.context import tenant_context

pytestmark = pytest.mark.django_db(transaction=True)
AS_OF = date(2026, 11, 27)
STABLE_KEYS = {
    "employee_id",
    "quadrant",
    "scores",
    "trend",
    "diagnosis",
    "client_risk",
    "bench",
    "legal",
    "cost",
    "recommendation",
}


@pytest.fixture
def scanned(crm_facts):
    result = renewal_scan(tenant=crm_facts.tenant_a, as_of=AS_OF)
    return crm_facts, result


@pytest.mark.parametrize(
    ("as_of", "month"),
    [(date(2026, 11, 27), "2026-10"), (date(2026, 11, 30), "2026-11"), (date(2026, 12, 1), "2026-11")],
)
def test_last_complete_month(as_of, month):
    assert last_complete_month(as_of) == month


def test_scan_opens_one_case_per_contract_ending_and_is_idempotent(scanned):
    world, first = scanned
    # Only N001's contract (ends 2027-01-15) is within 90 days of 2026-11-27; S001's ends in June.
    assert first == {"contracts": 1, "opened": 1, "refreshed": 0, "closed": 0}
    second = renewal_scan(tenant=world.tenant_a, as_of=AS_OF)
    assert second == {"contracts": 1, "opened": 0, "refreshed": 1, "closed": 0}
    with tenant_context(world.tenant_a):
        case = RenewalCase.objects.get()
        assert case.employee.employee_id == "N001"
        # Beijing: written notice 30 days before the 2027-01-15 expiry.
        assert case.notice_deadline == date(2026, 12, 16)
        assert list(
            AuditEvent.objects.filter(action__startswith="renewal_case").values_list("action", flat=True)
        ) == ["renewal_case.open", "renewal_case.refresh"]
    with tenant_context(world.tenant_b):
        assert RenewalCase.objects.count() == 0


def test_show_prints_the_stable_keys(scanned):
    out = StringIO()
    call_command("renewal", "show", "N001", "--tenant", "acme", "--json", stdout=out)
    case = json.loads(out.getvalue())
    assert set(case) >= STABLE_KEYS
    assert case["employee_id"] == "N001"
    # Hired 2022-01-01 but with facts only in October/November: too little to judge.
    assert case["quadrant"] == "insufficient_data"
    assert set(case["scores"]) >= {"attitude", "performance", "confidence"}
    assert set(case["client_risk"]) >= {"revenue_12m", "revenue_strong_relationship", "accounts"}
    assert case["client_risk"]["accounts"] == 2
    # 50,000 CNY + 1,000 EUR × 7.8 within the 365 days to 2026-11-27.
    assert case["client_risk"]["revenue_12m"] == "57800"
    assert case["bench"]["strength"] in {"none", "thin", "ready"}
    assert set(case["legal"]) == {"not_renew", "renew_fixed_term", "renew_open_ended"}
    # Service from hire (2022-01-01) to expiry (2027-01-15): 5 years and 15 days → 5.5 months × 20,000.
    assert case["legal"]["not_renew"]["severance"]["amount"] == "110000.00"
    assert set(case["recommendation"]) >= {"action", "reasons"}
    assert case["recommendation"]["action"] in {
        "renew",
        "renew_with_improvement_plan",
        "renew_open_ended_required",
        "do_not_renew",
        "escalate",
    }
    assert all(isinstance(reason, str) and reason for reason in case["recommendation"]["reasons"])


def test_show_with_as_of_recomputes_without_storing(crm_facts):
    out = StringIO()
    call_command("renewal", "show", "N001", "--tenant", "acme", "--as-of", "2026-11-27", stdout=out)
    assert json.loads(out.getvalue())["as_of"] == "2026-11-27"
    with tenant_context(crm_facts.tenant_a):
        assert RenewalCase.objects.count() == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["show", "NOPE", "--tenant", "acme", "--as-of", "2026-11-27"], "employee_id: no employee 'NOPE'"),
        (["show", "S000", "--tenant", "acme", "--as-of", "2026-11-27"], "no fixed-term contract"),
        (["show", "N001", "--tenant", "acme"], "run `renewal scan`"),
        (["scan", "--tenant", "acme", "--as-of", "2026-11-27", "--horizon-days", "0"], "horizon_days"),
        (["scan", "--tenant", "nope", "--as-of", "2026-11-27"], "no tenant 'nope'"),
        (["scan", "--tenant", "acme", "--as-of", "27.11.2026"], "--as-of: expected YYYY-MM-DD"),
    ],
)
def test_bad_input_is_named_and_changes_nothing(crm_facts, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("renewal", *arguments, stdout=StringIO())
    with tenant_context(crm_facts.tenant_a):
        assert RenewalCase.objects.count() == 0


PAGE_MATRIX = [
    ("anonymous", 302, 302),
    ("nobody", 403, 403),
    ("auditor_a", 404, 404),
    ("employee_north", 404, 404),
    ("hr_b", 200, 404),
    ("manager_south", 200, 404),
    ("manager_north", 200, 200),
    ("director_a", 200, 200),
    ("hr_a", 200, 200),
    ("admin_a", 200, 200),
]


@pytest.mark.parametrize(("user", "queue_status", "case_status"), PAGE_MATRIX)
def test_renewal_pages_permission_matrix(scanned, user, queue_status, case_status):
    world, _ = scanned
    client = world.client_for(user)
    queue = client.get("/renewals/")
    assert queue.status_code == queue_status
    if queue_status == 200:
        listed = [row["case"].employee.employee_id for row in queue.context["rows"]]
        assert listed == (["N001"] if case_status == 200 else [])
    assert client.get("/renewals/N001/").status_code == case_status


API_MATRIX = [
    ("anonymous", 403, 403),
    ("nobody", 403, 403),
    ("auditor_a", 403, 403),
    ("employee_north", 403, 403),
    ("hr_b", 200, 404),
    ("manager_south", 200, 404),
    ("manager_north", 200, 200),
    ("hr_a", 200, 200),
    ("admin_a", 200, 200),
]


@pytest.mark.parametrize(("user", "queue_status", "case_status"), API_MATRIX)
def test_renewal_api_permission_matrix(scanned, user, queue_status, case_status):
    world, _ = scanned
    client = world.client_for(user)
    queue = client.get("/api/renewals/")
    assert queue.status_code == queue_status
    if queue_status == 200:
        expected = ["N001"] if case_status == 200 else []
        assert [row["employee_id"] for row in queue.json()["results"]] == expected
    case = client.get("/api/renewals/N001/")
    assert case.status_code == case_status
    if case_status == 200:
        body = case.json()
        assert set(body) >= STABLE_KEYS
        # A manager sees the evidence but not pay-derived amounts.
        hidden = user == "manager_north"
        assert (body["cost"] is None) is hidden
        assert (body["legal"]["not_renew"]["severance"] is None) is hidden
        recommendation = body["recommendation"]
        assert len(recommendation["reasons"]) == len(recommendation["reason_codes"])
        # Nor the reasons that quote them (the cost view names the severance).
        assert ("cost.comparison" in recommendation["reason_codes"]) is not hidden
        assert not hidden or not any("110,000.00" in reason for reason in recommendation["reasons"])
        assert hidden or any("separation 110,000.00 CNY" in reason for reason in recommendation["reasons"])


def test_case_page_shows_the_evidence(scanned):
    world, _ = scanned
    content = world.client_for("hr_a").get("/renewals/N001/").content.decode()
    for anchor in (
        'id="recommendation"',
        'id="matrix"',
        'id="diagnosis"',
        'id="risk"',
        'id="bench"',
        'id="legal"',
    ):
        assert anchor in content
    assert "2026-12-16" in content
    # Severance of 5.5 months × 20,000 CNY, grouped, in the legal table.
    assert "110,000.00 CNY" in content
    # A manager sees that there is a payment, not its amount.
    manager_view = world.client_for("manager_north").get("/renewals/N001/").content.decode()
    assert "110,000.00" not in manager_view
    assert "yes (amount visible to HR)" in manager_view


def test_showing_another_date_does_not_touch_the_stored_evaluation(scanned):
    world, _ = scanned
    with tenant_context(world.tenant_a):
        before = sorted(MetricSnapshot.objects.values_list("run_id", "month"))
    out = StringIO()
    call_command("renewal", "show", "N001", "--tenant", "acme", "--as-of", "2026-12-20", stdout=out)
    assert json.loads(out.getvalue())["as_of"] == "2026-12-20"
    with tenant_context(world.tenant_a):
        assert sorted(MetricSnapshot.objects.values_list("run_id", "month")) == before
        assert stored_evaluation_is_as_of(AS_OF)


def test_a_scan_re_evaluates_when_the_stored_months_are_of_another_date(scanned):
    world, _ = scanned
    call_command("evaluate", "--tenant", "acme", "--as-of", "2026-12-20", stdout=StringIO())
    with tenant_context(world.tenant_a):
        assert not stored_evaluation_is_as_of(AS_OF)
    renewal_scan(tenant=world.tenant_a, as_of=AS_OF)
    with tenant_context(world.tenant_a):
        assert stored_evaluation_is_as_of(AS_OF)
        assert RenewalCase.objects.get().evidence["as_of"] == "2026-11-27"


def test_the_notice_deadline_is_a_dated_alert_on_the_home_page(scanned):
    world, _ = scanned
    from keepwell.renewal.selectors import notice_alerts

    hr = world.membership("hr_a")
    with tenant_context(world.tenant_a):
        # Deadline 2026-12-16: not yet within 30 days on 2026-11-15, 1 day left on 2026-12-15, passed after.
        assert notice_alerts(membership=hr, today=date(2026, 11, 15)) == []
        (alert,) = notice_alerts(membership=hr, today=date(2026, 12, 15))
        assert (alert["case"].employee.employee_id, alert["days_left"], alert["passed"]) == ("N001", 1, False)
        (late,) = notice_alerts(membership=hr, today=date(2026, 12, 17))
        assert (late["days_left"], late["passed"]) == (-1, True)
        assert notice_alerts(membership=world.membership("manager_south"), today=date(2026, 12, 15)) == []
