"""Pages: what each role sees, and that nothing crosses tenants or teams."""

from __future__ import annotations

import pytest

N001_PAGE = "/employees/N001/"


@pytest.mark.parametrize(
    ("user", "status"),
    [
        ("anonymous", 302),
        ("nobody", 403),
        ("hr_b", 404),
        ("auditor_a", 404),
        ("employee_north", 200),
        ("manager_south", 404),
        ("manager_north", 200),
        ("director_a", 200),
        ("hr_a", 200),
        ("admin_a", 200),
    ],
)
def test_employee_page_permission_matrix(world, user, status):
    response = world.client_for(user).get(N001_PAGE)
    assert response.status_code == status
    if status == 200:
        assert b"N001" in response.content


@pytest.mark.parametrize(
    ("user", "status", "listed"),
    [
        ("anonymous", 302, None),
        ("nobody", 403, None),
        ("auditor_a", 404, None),
        ("hr_b", 200, ["B001"]),
        ("employee_north", 200, ["N001"]),
        ("manager_south", 200, ["S000", "S001"]),
        ("manager_north", 200, ["N000", "N001", "N002"]),
        ("hr_a", 200, ["D001", "N000", "N001", "N002", "S000", "S001"]),
    ],
)
def test_employee_list_shows_only_the_visible_people(world, user, status, listed):
    response = world.client_for(user).get("/employees/")
    assert response.status_code == status
    if listed is not None:
        assert [e.employee_id for e in response.context["page_obj"]] == listed


def test_salary_is_shown_to_hr_and_the_employee_but_not_the_manager(world):
    for user, shown in (("hr_a", True), ("employee_north", True), ("manager_north", False)):
        content = world.client_for(user).get(N001_PAGE).content.decode()
        assert ("20000.00 CNY" in content) is shown, user


@pytest.mark.parametrize(
    ("user", "listed"),
    [
        ("hr_a", ["C-N001"]),
        ("manager_north", ["C-N001"]),
        ("manager_south", []),
        ("employee_north", ["C-N001"]),
        ("hr_b", ["C-B001"]),
    ],
)
def test_contracts_ending_within_horizon(world, user, listed):
    response = world.client_for(user).get("/contracts/ending/?as_of=2026-11-27&horizon=90")
    assert response.status_code == 200
    assert [row["contract"].contract_id for row in response.context["rows"]] == listed
    if listed == ["C-N001"]:
        assert response.context["rows"][0]["days_left"] == 49


def test_contracts_ending_leaves_out_contracts_already_renewed(world, in_tenant):
    from datetime import date
    from decimal import Decimal

    from keepwell.contracts.models import EmploymentContract

    with in_tenant(world.tenant_a):
        first = EmploymentContract.objects.get(contract_id="C-N001")
        EmploymentContract.objects.create(
            contract_id="C-N001-2",
            employee=first.employee,
            sequence=2,
            type="open_ended",
            start_date=date(2027, 1, 16),
            monthly_base_salary=Decimal("21000"),
            currency="CNY",
            jurisdiction="CN-BJ",
        )
    response = world.client_for("hr_a").get("/contracts/ending/?as_of=2026-11-27&horizon=90")
    assert response.context["rows"] == []


def test_login_page_is_served_and_signs_in(world):
    client = world.client_for("anonymous")
    assert client.get("/login/").status_code == 200
    response = client.post("/login/", {"username": "hr_a", "password": "correct horse battery staple"})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
