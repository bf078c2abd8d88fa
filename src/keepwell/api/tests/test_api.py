"""REST API permission matrix; a refused request changes nothing."""

from __future__ import annotations

import json

import pytest

from keepwell.audit.models import AuditEvent
from keepwell.people.models import Employee

READ_MATRIX = [
    ("anonymous", 403),
    ("nobody", 403),
    ("auditor_a", 403),
    ("hr_b", 404),
    ("manager_south", 404),
    ("employee_north", 200),
    ("manager_north", 200),
    ("hr_a", 200),
    ("admin_a", 200),
]


@pytest.mark.parametrize(("user", "status"), READ_MATRIX)
def test_employee_read_matrix(world, user, status):
    response = world.client_for(user).get("/api/employees/N001/")
    assert response.status_code == status
    if status == 200:
        assert response.json()["employee_id"] == "N001"
        assert response.json()["team"] == "north"
        assert response.json()["manager_id"] == "N000"


WRITE_MATRIX = [
    ("anonymous", 403),
    ("nobody", 403),
    ("auditor_a", 403),
    ("hr_b", 404),
    ("manager_south", 404),
    ("employee_north", 403),
    ("manager_north", 403),
    ("hr_a", 200),
    ("admin_a", 200),
]


@pytest.mark.parametrize(("user", "status"), WRITE_MATRIX)
def test_employee_write_matrix_and_refusals_change_nothing(world, user, status):
    events_before = AuditEvent.objects.unscoped().count()
    response = world.client_for(user).patch(
        "/api/employees/N001/", json.dumps({"name": "Renamed"}), content_type="application/json"
    )
    assert response.status_code == status
    name = Employee.objects.unscoped().get(tenant=world.tenant_a, employee_id="N001").name
    if status == 200:
        assert name == "Renamed"
        assert AuditEvent.objects.unscoped().count() == events_before + 1
    else:
        assert name == "N001"
        assert AuditEvent.objects.unscoped().count() == events_before


def test_bad_field_is_named_and_nothing_changes(world):
    response = world.client_for("hr_a").patch(
        "/api/employees/N001/", json.dumps({"status": "gone"}), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"status": ["one of active, on_leave, left"]}
    response = world.client_for("hr_a").patch(
        "/api/employees/N001/", json.dumps({"hire_date": "2020-01-01"}), content_type="application/json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["hire_date"]
    assert Employee.objects.unscoped().get(tenant=world.tenant_a, employee_id="N001").status == "active"


@pytest.mark.parametrize(
    ("user", "listed"),
    [
        ("hr_a", ["D001", "N000", "N001", "N002", "S000", "S001"]),
        ("manager_south", ["S000", "S001"]),
        ("employee_north", ["N001"]),
        ("hr_b", ["B001"]),
    ],
)
def test_employee_list_is_scoped(world, user, listed):
    response = world.client_for(user).get("/api/employees/")
    assert [row["employee_id"] for row in response.json()["results"]] == listed


@pytest.mark.parametrize(
    ("user", "salary"),
    [("hr_a", "20000.00"), ("employee_north", "20000.00"), ("manager_north", None)],
)
def test_contracts_show_salary_only_to_those_allowed(world, user, salary):
    response = world.client_for(user).get("/api/contracts/?employee_id=N001")
    assert response.status_code == 200
    assert [(c["contract_id"], c["monthly_base_salary"]) for c in response.json()["results"]] == [
        ("C-N001", salary)
    ]


def test_contracts_ending_soon(world):
    response = world.client_for("hr_a").get("/api/contracts/?ending_within_days=90&as_of=2026-11-27")
    assert [c["contract_id"] for c in response.json()["results"]] == ["C-N001"]
    response = world.client_for("hr_a").get("/api/contracts/?ending_within_days=zero")
    assert response.status_code == 400
    assert "ending_within_days" in response.json()


def test_other_tenant_sees_none_of_tenant_a_contracts(world):
    response = world.client_for("hr_b").get("/api/contracts/")
    assert [c["contract_id"] for c in response.json()["results"]] == ["C-B001"]


def test_openapi_schema_lists_the_endpoints(world):
    response = world.client_for("hr_a").get("/api/schema/?format=json")
    assert response.status_code == 200
    paths = json.loads(response.content)["paths"]
    assert {
        "/api/employees/",
        "/api/employees/{employee_id}/",
        "/api/contracts/",
        "/api/renewals/",
        "/api/renewal-policy/",
    } <= set(paths)
