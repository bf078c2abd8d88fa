"""An import into one tenant never reads or writes another tenant's rows."""

from __future__ import annotations

import pytest

from keepwell.crm.models import Activity, Customer, Lead, Order
from keepwell.interchange.services import export_file, import_file
from keepwell.interchange.tests.files import write_csv
from keepwell.people.models import Employee
from keepwell.tenancy.context import tenant_context

pytestmark = pytest.mark.django_db


def _counts(tenant):
    with tenant_context(tenant):
        return {
            model.__name__: model.objects.count() for model in (Employee, Customer, Lead, Activity, Order)
        }


def test_ids_that_exist_only_in_another_tenant_are_unknown(world, tmp_path):
    # N001 and C-A exist in tenant A only; B001 is tenant B's.
    customers = write_csv(tmp_path / "customers.csv", "customers", [["C-A", "Acme client", "", "", "N001"]])
    assert import_file(tenant=world.tenant_a, entity="customers", path=customers).rejected == 0
    before_a = _counts(world.tenant_a)
    activities = write_csv(
        tmp_path / "activities.csv",
        "activities",
        [
            ["X1", "N001", "", "", "call", "", "2026-01-05T09:30:00Z", "", "", ""],
            ["X2", "B001", "C-A", "", "call", "", "2026-01-05T09:30:00Z", "", "", ""],
            ["X3", "B001", "", "", "call", "", "2026-01-05T09:30:00Z", "", "", ""],
        ],
    )
    orders = write_csv(
        tmp_path / "orders.csv", "orders", [["O1", "C-A", "B001", "2026-01-05T09:30:00Z", "10", "EUR"]]
    )
    leads = write_csv(
        tmp_path / "leads.csv", "leads", [["L1", "C-A", "B001", "2026-01-05T09:30:00Z", "", "", "", "", ""]]
    )

    activity_result = import_file(tenant=world.tenant_b, entity="activities", path=activities)
    order_result = import_file(tenant=world.tenant_b, entity="orders", path=orders)
    lead_result = import_file(tenant=world.tenant_b, entity="leads", path=leads)

    assert [str(rejection) for rejection in activity_result.rejections] == [
        "row 2, employee_id: unknown employee 'N001'",
        "row 3, customer_id: unknown customer 'C-A'",
    ]
    assert [str(rejection) for rejection in order_result.rejections] == [
        "row 2, customer_id: unknown customer 'C-A'"
    ]
    assert [str(rejection) for rejection in lead_result.rejections] == [
        "row 2, customer_id: unknown customer 'C-A'"
    ]
    assert _counts(world.tenant_a) == before_a
    with tenant_context(world.tenant_b):
        assert list(Activity.objects.values_list("activity_id", "employee__employee_id")) == [("X3", "B001")]
        assert Activity.objects.get().employee.tenant_id == world.tenant_b.pk


def test_the_same_ids_in_two_tenants_are_two_rows(world, tmp_path):
    rows = [["SHARED", "Same id", "", "", ""]]
    path = write_csv(tmp_path / "customers.csv", "customers", rows)

    first = import_file(tenant=world.tenant_a, entity="customers", path=path)
    second = import_file(tenant=world.tenant_b, entity="customers", path=path)

    assert (first.imported, second.imported, second.updated) == (1, 1, 0)
    assert Customer.objects.unscoped().filter(customer_id="SHARED").count() == 2


def test_an_employee_file_cannot_name_another_tenants_manager(world, tmp_path):
    row = ["B200", "New", "", "berlin", "N000", "rep", "2024-01-01", "DE", "Europe/Berlin", "EUR"]
    path = write_csv(tmp_path / "employees.csv", "employees", [row])

    result = import_file(tenant=world.tenant_b, entity="employees", path=path)

    assert [str(rejection) for rejection in result.rejections] == [
        "row 2, manager_id: unknown manager 'N000'"
    ]


def test_an_export_holds_only_the_tenants_rows(world, tmp_path):
    out = tmp_path / "employees.csv"
    export_file(tenant=world.tenant_b, entity="employees", path=out)
    assert out.read_text(encoding="utf-8").splitlines() == [
        "employee_id,name,email,team,manager_id,role,hire_date,jurisdiction,timezone,currency",
        "B001,B001,b001@example.com,berlin,,sales_engineer,2022-01-01,DE,Europe/Berlin,EUR",
    ]
