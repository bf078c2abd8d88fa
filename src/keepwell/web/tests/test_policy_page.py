"""The renewal policy page: who sees it, who changes it; a refused or invalid change stores nothing."""

from __future__ import annotations

import pytest

from keepwell.audit.models import AuditEvent
from keepwell.renewal.models import RenewalPolicy

pytestmark = pytest.mark.django_db
URL = "/renewal-policy/"


def _form(**changes: str) -> dict[str, str]:
    """What the page posts when nothing is edited, with ``changes`` applied."""
    form = {
        "comparison_group": "team",
        "window_months": "3",
        "attitude_threshold": "50.00",
        "performance_threshold": "50.00",
        "horizon_days": "90",
        "replacement_cost": "60000.00",
        "ramp_up_months": "4.00",
        "improvement_plan_cost": "15000.00",
        "gross_margin_rate": "0.3000",
        "weight.attitude.customers_followed": "1",
        "weight.attitude.response_24h_rate": "1",
        "weight.attitude.task_on_time_rate": "1",
        "weight.attitude.csat": "1",
        "weight.attitude.manager_rating": "1",
        "weight.attitude.nps": "",
        "weight.performance.quota_attainment": "2",
        "weight.performance.lead_conversion_rate": "1",
        "weight.performance.deal_conversion_rate": "1",
        "weight.performance.repurchase_rate": "1",
        "weight.performance.revenue": "",
    }
    return {**form, **changes}


def _state():
    return (
        list(RenewalPolicy.objects.unscoped().values_list("tenant__slug", "window_months", "weights")),
        AuditEvent.objects.unscoped().count(),
    )


@pytest.mark.parametrize(
    ("user", "status", "editable"),
    [
        ("nobody", 403, False),
        ("auditor_a", 404, False),
        ("employee_north", 404, False),
        ("manager_north", 200, False),
        ("hr_a", 200, True),
        ("admin_a", 200, True),
    ],
)
def test_page_matrix(world, user, status, editable):
    response = world.client_for(user).get(URL)
    assert response.status_code == status
    content = response.content.decode()
    if status == 200:
        assert "Renewal policy" in content
        assert ('name="window_months"' in content) is editable
        assert ("Save policy" in content) is editable


def test_anonymous_is_sent_to_sign_in(world):
    response = world.client_for("anonymous").get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.parametrize(
    ("user", "status"), [("manager_north", 403), ("employee_north", 404), ("auditor_a", 404)]
)
def test_a_refused_change_stores_nothing(world, user, status):
    before = _state()
    response = world.client_for(user).post(URL, _form(window_months="6"))
    assert response.status_code == status
    assert _state() == before


def test_hr_changes_the_policy(world):
    before = _state()
    response = world.client_for("hr_a").post(
        URL, _form(window_months="6", **{"weight.attitude.csat": "2", "weight.attitude.manager_rating": ""})
    )
    assert response.status_code == 302
    policies, events = _state()
    assert policies == [
        (
            "acme",
            6,
            {
                "attitude": {
                    "customers_followed": "1",
                    "response_24h_rate": "1",
                    "task_on_time_rate": "1",
                    "csat": "2",
                },
                "performance": {
                    "quota_attainment": "2",
                    "lead_conversion_rate": "1",
                    "deal_conversion_rate": "1",
                    "repurchase_rate": "1",
                },
            },
        )
    ]
    assert events == before[1] + 1
    page = world.client_for("hr_a").get(response["Location"]).content.decode()
    assert "Saved." in page
    assert 'name="weight.attitude.csat" value="2"' in page


def test_a_bad_value_is_named_and_nothing_is_stored(world):
    before = _state()
    response = world.client_for("hr_a").post(URL, _form(window_months="6", gross_margin_rate="2"))
    assert response.status_code == 400
    content = response.content.decode()
    message = "<strong>Gross margin rate (0–1)</strong>: must be between 0 and 1, got 2. Nothing was saved."
    assert message in content
    # What was typed stays in the form.
    assert 'name="window_months" value="6"' in content
    assert _state() == before
