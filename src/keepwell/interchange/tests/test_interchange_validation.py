# ruff: noqa: E501 - the case tables read better unwrapped
"""What each column accepts and the exact reason a row is rejected for, entity by entity."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from keepwell.contracts.models import EmploymentContract
from keepwell.crm.models import Activity, Customer, Feedback, Lead, Order, Target
from keepwell.interchange.entities import ENTITIES
from keepwell.interchange.services import Rejection, import_file
from keepwell.interchange.tests.files import write_csv, write_json
from keepwell.money.models import ExchangeRate
from keepwell.people.models import Employee, OrgUnit
from keepwell.tenancy.context import tenant_context

pytestmark = pytest.mark.django_db

GOOD = {
    "employees": {
        "employee_id": "E1", "name": "Eva", "email": "eva@example.com", "team": "north", "manager_id": "N000",
        "role": "sales_engineer", "hire_date": "2024-02-29", "jurisdiction": "CN-SH", "timezone": "Asia/Shanghai",
        "currency": "CNY",
    },
    "contracts": {
        "contract_id": "K1", "employee_id": "N002", "sequence": "1", "type": "fixed_term",
        "start_date": "2025-01-01", "end_date": "2026-12-31", "monthly_base_salary": "18000.00", "currency": "CNY",
    },
    "customers": {"customer_id": "C2", "name": "Two", "industry": "", "size": "", "owner_employee_id": "N001"},
    "leads": {
        "lead_id": "L2", "customer_id": "C1", "owner_employee_id": "N001", "created_at": "2026-01-05T09:00:00+08:00",
        "qualified_at": "", "won_at": "", "lost_at": "", "amount": "100.50", "currency": "CNY",
    },
    "activities": {
        "activity_id": "A1", "employee_id": "N001", "customer_id": "C1", "lead_id": "L1", "kind": "call",
        "purpose": "screening", "started_at": "2026-01-05T09:30:00+08:00", "duration_minutes": "30",
        "inbound_at": "", "replied_at": "",
    },
    "orders": {
        "order_id": "O1", "customer_id": "C1", "employee_id": "N001", "ordered_at": "2026-01-05T09:30:00Z",
        "amount": "500", "currency": "CNY",
    },
    "feedback": {
        "feedback_id": "F1", "customer_id": "C1", "employee_id": "N001", "submitted_at": "2026-01-05T09:30:00Z",
        "csat": "4", "nps": "9", "complaint": "false",
    },
    "tasks": {
        "task_id": "T1", "employee_id": "N001", "title": "Call back", "kind": "follow_up",
        "due_at": "2026-01-05T09:30:00Z", "completed_at": "",
    },
    "targets": {"employee_id": "N001", "month": "2026-01", "metric": "revenue", "value": "300000"},
    "fx_rates": {"date": "2026-01-01", "base": "EUR", "quote": "CNY", "rate": "7.8"},
}  # fmt: skip


@pytest.fixture
def tenant(world):
    with tenant_context(world.tenant_a):
        owner = Employee.objects.get(employee_id="N001")
        customer = Customer.objects.create(customer_id="C1", name="One", owner=owner)
        Lead.objects.create(
            lead_id="L1", customer=customer, owner=owner, created_at=datetime(2026, 1, 1, tzinfo=UTC)
        )
    return world.tenant_a


def _row(entity, **changes):
    values = {**GOOD[entity], **changes}
    return [values[name] for name in ENTITIES[entity].column_names]


def _import(tenant, tmp_path, entity, rows):
    path = write_csv(tmp_path / f"{entity}.csv", entity, rows)
    return import_file(tenant=tenant, entity=entity, path=path)


@pytest.mark.parametrize("entity", list(GOOD))
def test_the_good_row_of_every_entity_is_imported(tenant, tmp_path, entity):
    result = _import(tenant, tmp_path, entity, [_row(entity)])
    assert (result.summary(), result.rejections) == ("read 1, imported 1, updated 0, rejected 0", ())


REJECTED = [
    # (case, entity, changes, column, reason)
    ("timestamp without offset", "activities", {"started_at": "2026-01-05T09:30:00"}, "started_at",
     "'2026-01-05T09:30:00' has no UTC offset (write it as 2026-01-31T09:30:00+08:00 or …Z)"),
    ("timestamp not a date", "activities", {"started_at": "2026-02-30T09:30:00Z"}, "started_at",
     "'2026-02-30T09:30:00Z' is not a real date and time"),
    ("timestamp garbage", "leads", {"created_at": "yesterday"}, "created_at",
     "'yesterday' is not an ISO 8601 timestamp with an offset (such as 2026-01-31T09:30:00+08:00)"),
    ("timestamp seven digits", "tasks", {"due_at": "2026-01-05T09:30:00.1234567Z"}, "due_at",
     "'2026-01-05T09:30:00.1234567Z' is not an ISO 8601 timestamp with an offset (such as 2026-01-31T09:30:00+08:00)"),
    ("timestamp past year 9999 in UTC", "tasks", {"due_at": "9999-12-31T23:30:00-01:00"}, "due_at",
     "'9999-12-31T23:30:00-01:00' is outside the years 1 to 9999 in UTC"),
    ("date", "employees", {"hire_date": "2023-02-29"}, "hire_date", "'2023-02-29' is not a date (YYYY-MM-DD)"),
    ("date format", "fx_rates", {"date": "01/02/2026"}, "date", "'01/02/2026' is not a date (YYYY-MM-DD)"),
    ("month", "targets", {"month": "2026-13"}, "month", "'2026-13' is not a month (YYYY-MM)"),
    ("month format", "targets", {"month": "2026-01-01"}, "month", "'2026-01-01' is not a month (YYYY-MM)"),
    ("kind", "activities", {"kind": "Call"}, "kind", "'Call' is not one of call, visit, email, meeting, demo"),
    ("contract type", "contracts", {"type": "permanent"}, "type",
     "'permanent' is not one of fixed_term, open_ended"),
    ("metric", "targets", {"metric": "revenu"}, "metric", "'revenu' is not one of activities, customers_followed, "
     "response_24h_rate, screening_share, new_intents, lead_conversion_rate, deal_conversion_rate, revenue, "
     "quota_attainment, repurchase_rate, task_on_time_rate, csat, nps, complaint_rate"),
    ("csat low", "feedback", {"csat": "0"}, "csat", "'0' must be between 1 and 5"),
    ("csat high", "feedback", {"csat": "6"}, "csat", "'6' must be between 1 and 5"),
    ("nps", "feedback", {"nps": "11"}, "nps", "'11' must be between 0 and 10"),
    ("nps decimal", "feedback", {"nps": "9.5"}, "nps", "'9.5' is not a whole number"),
    ("complaint", "feedback", {"complaint": "maybe"}, "complaint", "'maybe' is not true or false"),
    ("negative duration", "activities", {"duration_minutes": "-1"}, "duration_minutes", "'-1' must not be negative"),
    ("duration too large", "activities", {"duration_minutes": "2147483648"}, "duration_minutes",
     "'2147483648' is too large (at most 2147483647)"),
    ("negative amount", "orders", {"amount": "-0.01"}, "amount", "'-0.01' must not be negative"),
    ("decimal syntax", "orders", {"amount": "1,000.00"}, "amount",
     "'1,000.00' is not a decimal number (digits and a '.', such as 1234.50)"),
    ("decimal places", "orders", {"amount": "1.00001"}, "amount", "'1.00001' has more than 4 decimal places"),
    ("decimal too large", "targets", {"value": "12345678901234567"}, "value",
     "'12345678901234567' is too large: at most 16 digits before the point"),
    ("zero rate", "fx_rates", {"rate": "0"}, "rate", "'0' must be greater than 0"),
    ("negative salary", "contracts", {"monthly_base_salary": "-1"}, "monthly_base_salary",
     "'-1' must not be negative"),
    ("sequence", "contracts", {"sequence": "0"}, "sequence", "'0' must be between 1 and 32767"),
    ("end before start", "contracts", {"end_date": "2024-12-31"}, "end_date",
     "ends before the contract starts (start_date)"),
    ("fixed term without end", "contracts", {"end_date": ""}, "end_date", "a fixed-term contract needs an end date"),
    ("currency", "orders", {"currency": "XYZ"}, "currency", "unknown currency 'XYZ' (an ISO 4217 code such as CNY)"),
    ("currency case", "fx_rates", {"quote": "cny"}, "quote", "unknown currency 'cny' (an ISO 4217 code such as CNY)"),
    ("amount without currency", "leads", {"currency": ""}, "currency", "missing: an amount needs its currency"),
    ("time zone", "employees", {"timezone": "China/Beijing"}, "timezone",
     "unknown time zone 'China/Beijing' (an IANA name such as Asia/Shanghai)"),
    ("jurisdiction format", "employees", {"jurisdiction": "Germany"}, "jurisdiction",
     "'Germany' is not a jurisdiction (a country such as DE, or with its subdivision: CN-BJ)"),
    ("jurisdiction country", "employees", {"jurisdiction": "XX-AB"}, "jurisdiction", "unknown country in 'XX-AB'"),
    ("legacy subdivision", "employees", {"jurisdiction": "CN-99"}, "jurisdiction",
     "unknown former subdivision code 'CN-99' (use CN-BJ etc.)"),
    ("email", "employees", {"email": "eva"}, "email", "'eva' is not an e-mail address"),
    ("name too long", "customers", {"name": "x" * 201}, "name", "longer than 200 characters"),
    ("missing id", "orders", {"order_id": ""}, "order_id", "missing id (the column is required)"),
    ("missing required value", "tasks", {"due_at": ""}, "due_at", "missing value (the column is required)"),
    ("NUL character", "customers", {"name": "a\x00b"}, "name", "contains a NUL character"),
    ("control character in an id", "orders", {"order_id": "O\t1"}, "order_id", "contains a control character"),
    ("line break in a reference", "orders", {"employee_id": "N00\n1"}, "employee_id", "contains a control character"),
    ("unknown employee", "activities", {"employee_id": "Z9"}, "employee_id", "unknown employee 'Z9'"),
    ("unknown customer of an order", "orders", {"customer_id": "C9"}, "customer_id", "unknown customer 'C9'"),
    ("unknown customer of a lead", "leads", {"customer_id": "C9"}, "customer_id", "unknown customer 'C9'"),
    ("unknown lead", "activities", {"lead_id": "L9"}, "lead_id", "unknown lead 'L9'"),
    ("unknown owner", "customers", {"owner_employee_id": "Z9"}, "owner_employee_id", "unknown employee 'Z9'"),
    ("unknown contract employee", "contracts", {"employee_id": "Z9"}, "employee_id", "unknown employee 'Z9'"),
    ("unknown target employee", "targets", {"employee_id": "Z9"}, "employee_id", "unknown employee 'Z9'"),
    ("unknown manager", "employees", {"manager_id": "Z9"}, "manager_id", "unknown manager 'Z9'"),
    ("own manager", "employees", {"manager_id": "E1"}, "manager_id", "management cycle: E1 → E1"),
    ("taken sequence", "contracts", {"employee_id": "N001"}, "sequence",
     "employee 'N001' has contract 'C-N001' with this sequence already"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("entity", "changes", "column", "reason"),
    [case[1:] for case in REJECTED],
    ids=[case[0] for case in REJECTED],
)
def test_a_bad_value_rejects_its_row_naming_column_and_reason(
    tenant, tmp_path, entity, changes, column, reason
):
    result = _import(tenant, tmp_path, entity, [_row(entity, **changes)])

    assert result.summary() == "read 1, imported 0, updated 0, rejected 1"
    assert result.rejections == (Rejection(2, column, reason),)


ACCEPTED = [
    # (case, entity, changes, model field, stored value)
    ("offset Z", "activities", {"started_at": "2026-01-05T01:30:00Z"}, "started_at",
     datetime(2026, 1, 5, 1, 30, tzinfo=UTC)),
    ("offset without colon", "activities", {"started_at": "2026-01-05T09:30:00+0800"}, "started_at",
     datetime(2026, 1, 5, 1, 30, tzinfo=UTC)),
    ("space and negative offset", "activities", {"started_at": "2026-01-04 20:30:00.000001-05:00"}, "started_at",
     datetime(2026, 1, 5, 1, 30, 0, 1, tzinfo=UTC)),
    ("minutes only", "activities", {"started_at": "2026-01-05T09:30+08:00"}, "started_at",
     datetime(2026, 1, 5, 1, 30, tzinfo=UTC)),
    ("fraction kept", "activities", {"started_at": "2026-01-05T09:30:00.5+08:00"}, "started_at",
     datetime(2026, 1, 5, 1, 30, 0, 500000, tzinfo=UTC)),
    ("empty purpose is blank", "activities", {"purpose": ""}, "purpose", ""),
    ("empty duration is missing", "activities", {"duration_minutes": ""}, "duration_minutes", None),
    ("duration with zeros", "activities", {"duration_minutes": "007"}, "duration_minutes", 7),
    ("complaint 1", "feedback", {"complaint": "1"}, "complaint", True),
    ("complaint TRUE", "feedback", {"complaint": "TRUE"}, "complaint", True),
    ("complaint empty is false", "feedback", {"complaint": ""}, "complaint", False),
    ("nps 0", "feedback", {"nps": "0"}, "nps", 0),
    ("csat empty", "feedback", {"csat": ""}, "csat", None),
    ("amount exponent", "orders", {"amount": "1e3"}, "amount", Decimal("1000")),
    ("amount four places", "orders", {"amount": "0.0001"}, "amount", Decimal("0.0001")),
    ("legacy CN-11", "employees", {"jurisdiction": "CN-11"}, "jurisdiction", "CN-BJ"),
    ("lower case jurisdiction", "employees", {"jurisdiction": "de-by"}, "jurisdiction", "DE-BY"),
    ("country only", "employees", {"jurisdiction": "JP"}, "jurisdiction", "JP"),
    ("no email", "employees", {"email": ""}, "email", ""),
    ("month", "targets", {"month": "2026-02"}, "month", date(2026, 2, 1)),
    ("open-ended without end", "contracts", {"type": "open_ended", "end_date": ""}, "end_date", None),
    ("rate with ten places", "fx_rates", {"rate": "7.1234567891"}, "rate", Decimal("7.1234567891")),
    ("lead without amount", "leads", {"amount": "", "currency": ""}, "currency", ""),
]  # fmt: skip

MODELS = {
    "activities": (Activity, "activity_id"),
    "feedback": (Feedback, "feedback_id"),
    "orders": (Order, "order_id"),
    "employees": (Employee, "employee_id"),
    "targets": (Target, "metric"),
    "contracts": (EmploymentContract, "contract_id"),
    "fx_rates": (ExchangeRate, "date"),
    "leads": (Lead, "lead_id"),
}


@pytest.mark.parametrize(
    ("entity", "changes", "field", "stored"),
    [case[1:] for case in ACCEPTED],
    ids=[case[0] for case in ACCEPTED],
)
def test_accepted_values_are_stored_exactly(tenant, tmp_path, entity, changes, field, stored):
    row = _row(entity, **changes)
    result = _import(tenant, tmp_path, entity, [row])

    assert result.rejections == ()
    model, key = MODELS[entity]
    with tenant_context(tenant):
        instance = model.objects.get(**{key: GOOD[entity][key]})
    assert getattr(instance, field) == stored
    assert type(getattr(instance, field)) is type(stored)


def test_a_row_whose_id_came_earlier_in_the_file_is_rejected(tenant, tmp_path):
    rows = [_row("orders"), _row("orders", amount="1"), _row("orders", order_id="O2"), _row("orders")]

    result = _import(tenant, tmp_path, "orders", rows)

    assert result.summary() == "read 4, imported 2, updated 0, rejected 2"
    assert result.rejections == (
        Rejection(3, "order_id", "duplicate order_id, first at row 2"),
        Rejection(5, "order_id", "duplicate order_id, first at row 2"),
    )
    with tenant_context(tenant):
        assert Order.objects.get(order_id="O1").amount == Decimal("500")


def test_a_duplicate_counts_even_when_its_first_row_was_rejected(tenant, tmp_path):
    rows = [_row("orders", amount="-1"), _row("orders")]

    result = _import(tenant, tmp_path, "orders", rows)

    assert [str(rejection) for rejection in result.rejections] == [
        "row 2, amount: '-1' must not be negative",
        "row 3, order_id: duplicate order_id, first at row 2",
    ]


def test_two_revenue_targets_for_the_same_employee_and_month_are_a_duplicate(tenant, tmp_path):
    rows = [_row("targets"), _row("targets", metric="csat", value="4.5"), _row("targets", value="1")]

    result = _import(tenant, tmp_path, "targets", rows)

    assert result.rejections == (
        Rejection(4, "employee_id", "duplicate employee_id, month and metric, first at row 2"),
    )
    with tenant_context(tenant):
        assert Target.objects.get(metric="revenue").value == Decimal("300000")


def test_two_contracts_of_one_employee_with_one_sequence_are_a_duplicate(tenant, tmp_path):
    rows = [_row("contracts"), _row("contracts", contract_id="K2")]

    result = _import(tenant, tmp_path, "contracts", rows)

    assert result.rejections == (
        Rejection(3, "sequence", "duplicate employee_id and sequence, first at row 2"),
    )


def test_a_contract_takes_its_employees_jurisdiction(tenant, tmp_path):
    _import(tenant, tmp_path, "contracts", [_row("contracts")])
    with tenant_context(tenant):
        contract = EmploymentContract.objects.get(contract_id="K1")
        assert (contract.jurisdiction, contract.monthly_base_salary) == ("CN-BJ", Decimal("18000.00"))


def test_employees_find_or_create_their_team_and_may_name_a_manager_further_down(tenant, tmp_path):
    rows = [
        _row("employees", employee_id="E1", manager_id="E2", team="east"),
        _row("employees", employee_id="E2", manager_id="N000", team="north"),
        _row("employees", employee_id="E3", manager_id="E1", team="east"),
    ]

    result = _import(tenant, tmp_path, "employees", rows)

    assert result.summary() == "read 3, imported 3, updated 0, rejected 0"
    with tenant_context(tenant):
        managers = dict(
            Employee.objects.filter(employee_id__startswith="E").values_list(
                "employee_id", "manager__employee_id"
            )
        )
        assert managers == {"E1": "E2", "E2": "N000", "E3": "E1"}
        east = OrgUnit.objects.get(code="east")
        assert (east.name, east.kind, east.parent) == ("east", "team", None)
        assert Employee.objects.get(employee_id="E2").team == OrgUnit.objects.get(code="north")
        assert OrgUnit.objects.get(code="north").name == "North"


def test_a_management_cycle_is_rejected_with_everyone_who_depends_on_it(tenant, tmp_path):
    rows = [
        _row("employees", employee_id="E1", manager_id="E2"),
        _row("employees", employee_id="E2", manager_id="E3"),
        _row("employees", employee_id="E3", manager_id="E1"),
        _row("employees", employee_id="E4", manager_id="E3"),
        _row("employees", employee_id="E5", manager_id="N000"),
    ]

    result = _import(tenant, tmp_path, "employees", rows)

    assert [str(rejection) for rejection in result.rejections] == [
        "row 2, manager_id: management cycle: E1 → E2 → E3 → E1",
        "row 3, manager_id: management cycle: E2 → E3 → E1 → E2",
        "row 4, manager_id: management cycle: E3 → E1 → E2 → E3",
        "row 5, manager_id: unknown manager 'E3'",
    ]
    assert result.summary() == "read 5, imported 1, updated 0, rejected 4"


def test_a_cycle_through_existing_employees_is_rejected(tenant, tmp_path):
    # N000 reports to D001 in the database; making D001 report to N001 (who reports to N000) closes a loop.
    result = _import(
        tenant, tmp_path, "employees", [_row("employees", employee_id="D001", manager_id="N001")]
    )

    assert [str(rejection) for rejection in result.rejections] == [
        "row 2, manager_id: management cycle: D001 → N001 → N000 → D001"
    ]


def test_updating_an_employee_keeps_status_and_may_clear_the_manager(tenant, tmp_path):
    with tenant_context(tenant):
        Employee.objects.filter(employee_id="N001").update(status="on_leave")

    result = _import(tenant, tmp_path, "employees", [_row("employees", employee_id="N001", manager_id="")])

    assert result.summary() == "read 1, imported 0, updated 1, rejected 0"
    with tenant_context(tenant):
        employee = Employee.objects.get(employee_id="N001")
        assert (employee.status, employee.manager, employee.name) == ("on_leave", None, "Eva")


def test_json_records_are_numbered_from_one_and_may_hold_numbers(tenant, tmp_path):
    path = tmp_path / "feedback.json"
    path.write_text(
        '[{"feedback_id": "F1", "customer_id": null, "employee_id": "N001", "submitted_at": "2026-01-05T09:30:00Z",'
        ' "csat": 4, "nps": 10, "complaint": true},\n'
        ' {"feedback_id": "F2", "customer_id": null, "employee_id": "N001", "submitted_at": "2026-01-05T09:30:00Z",'
        ' "csat": 4.5, "nps": null, "complaint": false},\n'
        ' {"feedback_id": "F3", "employee_id": "N001", "submitted_at": "2026-01-05T09:30:00Z",'
        ' "csat": 4, "nps": null, "complaint": false},\n'
        ' ["F4"]]',
        encoding="utf-8",
    )

    result = import_file(tenant=tenant, entity="feedback", path=path)

    assert [str(rejection) for rejection in result.rejections] == [
        "row 2, csat: '4.5' is not a whole number",
        "row 3, customer_id: missing from this record",
        "row 4, feedback_id: not an object with the entity's columns",
    ]
    with tenant_context(tenant):
        feedback = Feedback.objects.get(feedback_id="F1")
        assert (feedback.csat, feedback.nps, feedback.complaint) == (4, 10, True)


def test_json_written_by_the_test_helper_imports(tenant, tmp_path):
    path = write_json(tmp_path / "orders.json", "orders", [_row("orders")])
    assert import_file(tenant=tenant, entity="orders", path=path).summary() == (
        "read 1, imported 1, updated 0, rejected 0"
    )
