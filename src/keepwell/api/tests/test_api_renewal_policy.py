"""The renewal policy over the API: who may read it, who may change it; a refused request changes nothing."""

from __future__ import annotations

import json

import pytest

from keepwell.audit.models import AuditEvent
from keepwell.renewal.models import RenewalPolicy

URL = "/api/renewal-policy/"

READ_MATRIX = [
    ("anonymous", 403),
    ("nobody", 403),
    ("auditor_a", 403),
    ("employee_north", 403),
    ("manager_north", 200),
    ("hr_a", 200),
    ("admin_a", 200),
]
WRITE_MATRIX = [
    ("anonymous", 403),
    ("nobody", 403),
    ("auditor_a", 403),
    ("employee_north", 403),
    ("manager_north", 403),
    ("hr_b", 200),  # tenant B's own policy, not tenant A's
    ("hr_a", 200),
    ("admin_a", 200),
]


def _state():
    policies = RenewalPolicy.objects.unscoped().order_by("tenant_id")
    return (
        list(policies.values_list("tenant__slug", "window_months", "weights")),
        AuditEvent.objects.unscoped().count(),
    )


@pytest.mark.parametrize(("user", "status"), READ_MATRIX)
def test_read_matrix(world, user, status):
    response = world.client_for(user).get(URL)
    assert response.status_code == status
    if status == 200:
        assert response.json()["window_months"] == 3
        assert response.json()["weights"]["performance"]["quota_attainment"] == "2"


@pytest.mark.parametrize(("user", "status"), WRITE_MATRIX)
def test_write_matrix_and_refusals_change_nothing(world, user, status):
    before = _state()
    response = world.client_for(user).patch(
        URL,
        json.dumps({"window_months": 6, "weights": {"attitude": {"csat": "2"}}}),
        content_type="application/json",
    )
    assert response.status_code == status
    if status == 200:
        tenant = "globex" if user == "hr_b" else "acme"
        assert response.json()["window_months"] == 6
        assert response.json()["weights"]["attitude"]["csat"] == "2"
        policies, events = _state()
        assert [(slug, months) for slug, months, _ in policies] == [(tenant, 6)]
        assert events == before[1] + 1
    else:
        assert _state() == before


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"window_months": 0}, {"window_months": ["must be between 1 and 12, got 0"]}),
        (
            {"window_months": 6, "gross_margin_rate": "1.5"},
            {"gross_margin_rate": ["must be between 0 and 1, got 1.5"]},
        ),
        ({"comparison_group": "galaxy"},
         {"comparison_group": ["must be one of team, department, role, tenant, got 'galaxy'"]}),
        ({"weights": {"attitude": {"csat": -1}}},
         {"weight attitude.csat": ["must be between 0 and 100, got -1"]}),
        ({"weights": ["csat"]}, {"weights": ["an object {dimension: {metric: weight}}"]}),
        ([1, 2], {"non_field_errors": ["send a JSON object"]}),
    ],
)  # fmt: skip
def test_bad_values_are_named_and_nothing_changes(world, body, errors):
    before = _state()
    response = world.client_for("hr_a").patch(URL, json.dumps(body), content_type="application/json")
    assert response.status_code == 400
    assert response.json() == errors
    assert _state() == before
