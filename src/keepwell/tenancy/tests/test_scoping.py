from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError

from keepwell.people.models import Employee, OrgUnit
from keepwell.people.selectors import employee_scope
from keepwell.tenancy.context import TenantNotSet, tenant_context


def test_scoped_manager_refuses_to_query_without_a_tenant(world):
    with pytest.raises(TenantNotSet):
        list(Employee.objects.all())


def test_scoped_manager_sees_only_the_current_tenant(world):
    with tenant_context(world.tenant_a):
        assert sorted(Employee.objects.values_list("employee_id", flat=True)) == [
            "D001",
            "N000",
            "N001",
            "N002",
            "S000",
            "S001",
        ]
    with tenant_context(world.tenant_b):
        assert list(Employee.objects.values_list("employee_id", flat=True)) == ["B001"]


def test_unscoped_is_the_explicit_bypass(world):
    assert Employee.objects.unscoped().count() == 7


def test_create_without_tenant_context_fails(world):
    with pytest.raises(TenantNotSet):
        OrgUnit.objects.create(code="x", name="x")


def test_instance_without_tenant_is_refused_by_the_database(world):
    team = OrgUnit.objects.unscoped().get(code="north")
    with pytest.raises(IntegrityError):
        Employee(
            employee_id="Z1",
            name="Z",
            team=team,
            role="r",
            hire_date=date(2024, 1, 1),
            jurisdiction="CN",
            timezone="UTC",
            currency="CNY",
        ).save()


@pytest.mark.parametrize(
    ("user", "visible"),
    [
        ("admin_a", ["D001", "N000", "N001", "N002", "S000", "S001"]),
        ("hr_a", ["D001", "N000", "N001", "N002", "S000", "S001"]),
        ("director_a", ["D001", "N000", "N001", "N002", "S000", "S001"]),
        ("manager_north", ["N000", "N001", "N002"]),
        ("manager_south", ["S000", "S001"]),
        ("employee_north", ["N001"]),
        ("auditor_a", []),
        ("hr_b", ["B001"]),
    ],
)
def test_employee_scope_by_role(world, user, visible):
    membership = world.membership(user)
    with tenant_context(membership.tenant):
        assert sorted(employee_scope(membership=membership).values_list("employee_id", flat=True)) == visible
