"""Invalid requests raise ``InvalidRequest`` naming the exact JSON path; the command exits 2 with it."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from keepwell.law import InvalidRequest, assess
from keepwell.law.command import main
from keepwell.law.tests.factory import china_request, contract, status

Mutation = Callable[[dict[str, Any]], object]


def _two_contracts() -> dict[str, Any]:
    return china_request(
        contracts=[contract("2021-01-01", "2023-12-31"), contract("2024-01-01", "2026-12-31")]
    )


def _set(path: str, value: object) -> Mutation:
    """Set the value at a dotted path (``employee.contracts.1.end``) of the request."""

    def mutate(request: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = request
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if last.isdigit():
            target[int(last)] = value
        elif value is _DELETE:
            del target[last]
        else:
            target[last] = value

    return mutate


_DELETE = object()


@pytest.mark.parametrize(
    ("label", "mutation", "field", "message"),
    [
        (
            "end before start",
            _set("employee.contracts.1.end", "2023-06-30"),
            "employee.contracts[1].end",
            "before start",
        ),
        (
            "overlapping contracts",
            _set("employee.contracts.1.start", "2023-12-31"),
            "employee.contracts[1].start",
            "overlaps contracts[0] (ends 2023-12-31); list contracts oldest first, without overlaps",
        ),
        (
            "contracts out of order",
            _set("employee.contracts.1.start", "2020-01-01"),
            "employee.contracts[1].start",
            "overlaps contracts[0] (ends 2023-12-31); list contracts oldest first, without overlaps",
        ),
        (
            "contract after an open-ended contract without end",
            _set("employee.contracts.0", contract("2021-01-01", None, "open_ended")),
            "employee.contracts[1].start",
            "overlaps contracts[0] (no end); list contracts oldest first, without overlaps",
        ),
        (
            "unknown action",
            _set("decision.action", "fire"),
            "decision.action",
            "unknown action 'fire'; expected one of not_renew, renew_fixed_term, renew_open_ended",
        ),
        (
            "unknown contract type",
            _set("employee.contracts.0.type", "temporary"),
            "employee.contracts[0].type",
            "unknown contract type 'temporary'; expected one of fixed_term, open_ended",
        ),
        (
            "unknown offer",
            _set("decision.offer", "generous"),
            "decision.offer",
            "unknown offer 'generous'; expected one of same_or_better, worse, none",
        ),
        (
            "impossible date",
            _set("employee.contracts.0.start", "2021-02-30"),
            "employee.contracts[0].start",
            "expected a date as YYYY-MM-DD, got '2021-02-30'",
        ),
        (
            "date in another format",
            _set("employee.hire_date", "01/01/2021"),
            "employee.hire_date",
            "expected a date as YYYY-MM-DD, got '01/01/2021'",
        ),
        (
            "compact ISO date",
            _set("as_of", "20261127"),
            "as_of",
            "expected a date as YYYY-MM-DD, got '20261127'",
        ),
        (
            "money with a thousands separator",
            _set("employee.pay.monthly_wage", "20,000"),
            "employee.pay.monthly_wage",
            "expected a decimal string such as \"12000.50\", got '20,000'",
        ),
        (
            "money as a binary float",
            _set("employee.pay.monthly_wage", 20000.5),
            "employee.pay.monthly_wage",
            'expected a decimal string such as "12000.50", got 20000.5',
        ),
        (
            "negative money",
            _set("employee.local_average_monthly_wage", "-1"),
            "employee.local_average_monthly_wage",
            "must not be negative",
        ),
        (
            "currency that is not ISO 4217",
            _set("employee.pay.currency", "RMB¥"),
            "employee.pay.currency",
            "expected an ISO 4217 code such as CNY, got 'RMB¥'",
        ),
        ("missing jurisdiction", _set("jurisdiction", None), "jurisdiction", "required"),
        (
            "jurisdiction that is not a code",
            _set("jurisdiction", "China"),
            "jurisdiction",
            "expected an ISO 3166-1 alpha-2 code such as CN (or CN-BJ), got 'China'",
        ),
        (
            "region given twice, differently",
            lambda request: request.update(jurisdiction="CN-BJ", region="Shanghai"),
            "region",
            "conflicts with jurisdiction 'CN-BJ'; give the region once",
        ),
        (
            "no contracts",
            _set("employee.contracts", []),
            "employee.contracts",
            "at least one contract is required",
        ),
        (
            "fixed term without end",
            _set("employee.contracts.0.end", None),
            "employee.contracts[0].end",
            "required for a fixed-term contract",
        ),
        (
            "current contract open-ended",
            _set("employee.contracts.1", contract("2024-01-01", None, "open_ended")),
            "employee.contracts[1].type",
            "the current contract is open-ended; there is no expiry to assess",
        ),
        (
            "hire date after the first contract",
            _set("employee.hire_date", "2021-02-01"),
            "employee.hire_date",
            "after the first contract's start (2021-01-01)",
        ),
        (
            "status ends before it starts",
            _set("employee.statuses", [status("pregnant", "2026-05-01", "2026-04-30")]),
            "employee.statuses[0].until",
            "before from",
        ),
        (
            "status without kind",
            _set("employee.statuses", [{"from": "2026-05-01"}]),
            "employee.statuses[0].kind",
            "required",
        ),
        (
            "non-renewal dated before expiry",
            _set("decision.date", "2026-12-30"),
            "decision.date",
            "a non-renewal takes effect on the current contract's last day (2026-12-31)",
        ),
        (
            "renewal effective before expiry",
            lambda request: request["decision"].update(action="renew_open_ended", date="2026-06-30"),
            "decision.date",
            "a renewal takes effect on or after the current contract's last day (2026-12-31)",
        ),
        (
            "new end date before the renewal",
            lambda request: request["decision"].update(
                action="renew_fixed_term", date="2027-01-01", new_end_date="2026-12-31"
            ),
            "decision.new_end_date",
            "not after decision.date",
        ),
        (
            "new end date for a non-renewal",
            _set("decision.new_end_date", "2029-12-31"),
            "decision.new_end_date",
            "only for renew_fixed_term",
        ),
        ("missing decision", _set("decision", _DELETE), "decision", "required"),
        (
            "employee that is not an object",
            _set("employee", ["Xiao Li"]),
            "employee",
            "expected an object, got list",
        ),
        (
            "fact of the wrong type",
            _set("employee.facts", {"employee_requested_continuation": "yes"}),
            "employee.facts.employee_requested_continuation",
            "expected true, false or null, got 'yes'",
        ),
        (
            "date fact of the wrong type",
            _set("employee.facts", {"statutory_retirement_date": "soon"}),
            "employee.facts.statutory_retirement_date",
            "expected a date as YYYY-MM-DD, got 'soon'",
        ),
    ],
)
def test_invalid_request_names_the_field(label: str, mutation: Mutation, field: str, message: str) -> None:
    request = _two_contracts()
    mutation(request)

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert (raised.value.field, raised.value.message) == (field, message), label
    assert str(raised.value) == f"{field}: {message}", label


def test_request_that_is_not_an_object() -> None:
    with pytest.raises(InvalidRequest, match=r"^request: expected an object, got list$"):
        assess([])  # type: ignore[arg-type]


def test_money_as_decimal_or_integer_is_accepted() -> None:
    """A caller holding Decimal or int amounts (or a JSON number read as Decimal) gets exact arithmetic."""
    request = _two_contracts()
    request["employee"]["pay"]["monthly_wage"] = Decimal("20000.00")
    request["employee"]["local_average_monthly_wage"] = 12000

    assert assess(request)["severance"]["amount"] == "120000.00"


def test_command_reports_the_field_of_the_failing_request_in_a_batch(tmp_path: Path) -> None:
    valid, invalid = _two_contracts(), _two_contracts()
    invalid["employee"]["contracts"][1]["end"] = "2023-06-30"
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([valid, invalid]), encoding="utf-8")
    stdout, stderr = io.StringIO(), io.StringIO()

    status_code = main(["assess", str(path)], io.StringIO(), stdout, stderr)

    assert status_code == 2
    assert stdout.getvalue() == ""
    assert (
        stderr.getvalue()
        == "keepwell law assess: invalid request: [1].employee.contracts[1].end: before start\n"
    )


@pytest.mark.parametrize(
    ("label", "text", "error"),
    [
        (
            "not JSON",
            "{not json",
            "keepwell law assess: invalid JSON in standard input: Expecting property name enclosed in double "
            "quotes (line 1, column 2)\n",
        ),
        (
            "invalid single request",
            json.dumps({"jurisdiction": "CN"}),
            "keepwell law assess: invalid request: employee: required\n",
        ),
    ],
)
def test_command_exits_2_on_unusable_input(label: str, text: str, error: str) -> None:
    stdout, stderr = io.StringIO(), io.StringIO()

    status_code = main(["assess", "-"], io.StringIO(text), stdout, stderr)

    assert (status_code, stdout.getvalue(), stderr.getvalue()) == (2, "", error), label


def test_command_exits_2_on_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    stdout, stderr = io.StringIO(), io.StringIO()

    status_code = main(["assess", str(missing)], io.StringIO(), stdout, stderr)

    assert status_code == 2
    assert stderr.getvalue() == f"keepwell law assess: cannot read {missing}: No such file or directory\n"
