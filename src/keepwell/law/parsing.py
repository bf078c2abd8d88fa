"""Turn a request ``dict`` (SCHEMA.md) into a validated ``Request``, or raise ``InvalidRequest``.

Every error names the JSON path at fault, e.g. ``employee.contracts[1].end: before start``. Keys the schema
does not know are ignored, so newer clients can send more facts than an older package reads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import TypeVar

from keepwell.law.errors import InvalidRequest
from keepwell.law.types import (
    Action,
    Contract,
    ContractType,
    Decision,
    Employee,
    Facts,
    Offer,
    Pay,
    Request,
    Status,
    parse_date,
    parse_decimal,
)

JURISDICTION = re.compile(r"([A-Za-z]{2})(?:-([A-Za-z0-9]{1,3}))?")
CURRENCY = re.compile(r"[A-Z]{3}")
E = TypeVar("E", bound=StrEnum)


def _object(value: object, path: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise InvalidRequest(path, f"expected an object, got {type(value).__name__}")
    return value


def _required(data: Mapping[str, object], key: str, path: str) -> object:
    value = data.get(key)
    if value is None:
        raise InvalidRequest(path, "required")
    return value


def _optional_date(data: Mapping[str, object], key: str, path: str) -> date | None:
    value = data.get(key)
    return None if value is None else parse_date(value, path)


def _optional_text(data: Mapping[str, object], key: str, path: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidRequest(path, f"expected text, got {value!r}")
    return value.strip() or None


def _choice(value: object, enum: type[E], path: str, what: str) -> E:
    options = [member.value for member in enum]
    if isinstance(value, str) and value in options:
        return enum(value)
    raise InvalidRequest(path, f"unknown {what} {value!r}; expected one of {', '.join(options)}")


def _list(value: object, path: str) -> Sequence[object]:
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise InvalidRequest(path, f"expected a list, got {type(value).__name__}")
    return value


def _contract(value: object, path: str) -> Contract:
    data = _object(value, path)
    start = parse_date(_required(data, "start", f"{path}.start"), f"{path}.start")
    end = _optional_date(data, "end", f"{path}.end")
    contract_type = _choice(
        _required(data, "type", f"{path}.type"), ContractType, f"{path}.type", "contract type"
    )
    if end is None and contract_type is ContractType.FIXED_TERM:
        raise InvalidRequest(f"{path}.end", "required for a fixed-term contract")
    if end is not None and end < start:
        raise InvalidRequest(f"{path}.end", "before start")
    reason = _optional_text(data, "objective_reason", f"{path}.objective_reason")
    return Contract(start=start, end=end, type=contract_type, objective_reason=reason)


def _contracts(value: object, path: str) -> tuple[Contract, ...]:
    items = _list(value, path)
    if not items:
        raise InvalidRequest(path, "at least one contract is required")
    contracts = tuple(_contract(item, f"{path}[{index}]") for index, item in enumerate(items))
    for index in range(1, len(contracts)):
        previous, contract = contracts[index - 1], contracts[index]
        if previous.end is None or contract.start <= previous.end:
            ends = "no end" if previous.end is None else f"ends {previous.end.isoformat()}"
            raise InvalidRequest(
                f"{path}[{index}].start",
                f"overlaps contracts[{index - 1}] ({ends}); list contracts oldest first, without overlaps",
            )
    if not contracts[-1].is_fixed_term:
        raise InvalidRequest(
            f"{path}[{len(contracts) - 1}].type",
            "the current contract is open-ended; there is no expiry to assess",
        )
    return contracts


def _status(value: object, path: str) -> Status:
    data = _object(value, path)
    kind = _optional_text(data, "kind", f"{path}.kind")
    if kind is None:
        raise InvalidRequest(f"{path}.kind", "required")
    start = _optional_date(data, "from", f"{path}.from")
    until = _optional_date(data, "until", f"{path}.until")
    if start is not None and until is not None and until < start:
        raise InvalidRequest(f"{path}.until", "before from")
    return Status(kind=kind, start=start, until=until)


def _pay(value: object, path: str) -> Pay:
    if value is None:
        return Pay()
    data = _object(value, path)
    currency = _optional_text(data, "currency", f"{path}.currency")
    if currency is not None and not CURRENCY.fullmatch(currency):
        raise InvalidRequest(f"{path}.currency", f"expected an ISO 4217 code such as CNY, got {currency!r}")

    return Pay(
        currency=currency,
        monthly_wage=parse_decimal(data.get("monthly_wage"), f"{path}.monthly_wage"),
        weekly_pay=parse_decimal(data.get("weekly_pay"), f"{path}.weekly_pay"),
        daily_wage=parse_decimal(data.get("daily_wage"), f"{path}.daily_wage"),
        annual_salary=parse_decimal(data.get("annual_salary"), f"{path}.annual_salary"),
        total_gross_pay_over_contracts=parse_decimal(
            data.get("total_gross_pay_over_contracts"), f"{path}.total_gross_pay_over_contracts"
        ),
    )


def _headcount(value: object, path: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidRequest(path, f"expected a whole number of 0 or more, got {value!r}")
    return value


def _employee(value: object, path: str) -> Employee:
    data = _object(value, path)
    contracts = _contracts(_required(data, "contracts", f"{path}.contracts"), f"{path}.contracts")
    hire_date = _optional_date(data, "hire_date", f"{path}.hire_date")
    if hire_date is not None and hire_date > contracts[0].start:
        raise InvalidRequest(
            f"{path}.hire_date", f"after the first contract's start ({contracts[0].start.isoformat()})"
        )
    birth_date = _optional_date(data, "birth_date", f"{path}.birth_date")
    first_day = hire_date if hire_date is not None else contracts[0].start
    if birth_date is not None and birth_date >= first_day:
        raise InvalidRequest(f"{path}.birth_date", "not before the first day of employment")
    statuses_value = data.get("statuses")
    statuses = (
        ()
        if statuses_value is None
        else tuple(
            _status(item, f"{path}.statuses[{index}]")
            for index, item in enumerate(_list(statuses_value, f"{path}.statuses"))
        )
    )
    facts_value = data.get("facts")
    facts = Facts() if facts_value is None else Facts(dict(_object(facts_value, f"{path}.facts")))
    return Employee(
        contracts=contracts,
        hire_date=hire_date,
        birth_date=birth_date,
        pay=_pay(data.get("pay"), f"{path}.pay"),
        local_average_monthly_wage=parse_decimal(
            data.get("local_average_monthly_wage"), f"{path}.local_average_monthly_wage"
        ),
        statuses=statuses,
        workplace_headcount=_headcount(data.get("workplace_headcount"), f"{path}.workplace_headcount"),
        facts=facts,
    )


def _decision(value: object, path: str, expiry: date) -> Decision:
    data = _object(value, path)
    action = _choice(_required(data, "action", f"{path}.action"), Action, f"{path}.action", "action")
    day = parse_date(_required(data, "date", f"{path}.date"), f"{path}.date")
    offer_value = data.get("offer")
    offer = None if offer_value is None else _choice(offer_value, Offer, f"{path}.offer", "offer")
    new_end_date = _optional_date(data, "new_end_date", f"{path}.new_end_date")
    if action is Action.NOT_RENEW and day != expiry:
        raise InvalidRequest(
            f"{path}.date",
            f"a non-renewal takes effect on the current contract's last day ({expiry.isoformat()})",
        )
    if action is not Action.NOT_RENEW and day < expiry:
        raise InvalidRequest(
            f"{path}.date",
            f"a renewal takes effect on or after the current contract's last day ({expiry.isoformat()})",
        )
    if new_end_date is not None:
        if action is not Action.RENEW_FIXED_TERM:
            raise InvalidRequest(f"{path}.new_end_date", "only for renew_fixed_term")
        if new_end_date <= day:
            raise InvalidRequest(f"{path}.new_end_date", "not after decision.date")
    return Decision(action=action, date=day, offer=offer, new_end_date=new_end_date)


def _jurisdiction(data: Mapping[str, object]) -> tuple[str, str | None]:
    value = _required(data, "jurisdiction", "jurisdiction")
    match = JURISDICTION.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise InvalidRequest(
            "jurisdiction", f"expected an ISO 3166-1 alpha-2 code such as CN (or CN-BJ), got {value!r}"
        )
    region = _optional_text(data, "region", "region")
    country, subdivision = match.group(1).upper(), match.group(2)
    if subdivision is not None:
        code = f"{country}-{subdivision.upper()}"
        if region is not None and region.casefold() != code.casefold():
            raise InvalidRequest("region", f"conflicts with jurisdiction {value!r}; give the region once")
        region = code
    return country, region


def parse_request(data: object) -> Request:
    """Validate ``data`` against SCHEMA.md and return the typed request.

    Raises ``InvalidRequest`` for malformed dates or money, an end before a start, overlapping contracts,
    an unknown action, offer or contract type, and decisions that do not fit the current contract.
    """
    root = _object(data, "request")
    jurisdiction, region = _jurisdiction(root)
    as_of = _optional_date(root, "as_of", "as_of")
    employee = _employee(_required(root, "employee", "employee"), "employee")
    expiry = employee.current_contract.end
    assert expiry is not None  # _contracts refuses an open-ended current contract
    decision = _decision(_required(root, "decision", "decision"), "decision", expiry)
    return Request(
        jurisdiction=jurisdiction, region=region, as_of=as_of, employee=employee, decision=decision
    )
