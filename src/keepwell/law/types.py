"""Immutable values of the labor-law package: the parsed request, findings, conclusions, the assessment.

The request types mirror SCHEMA.md one to one (``Status.start`` is the JSON ``from``). Money is ``Decimal``;
dates are ``datetime.date``; an unknown fact is ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from keepwell.law.errors import InvalidRequest

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DECIMAL_TEXT = re.compile(r"-?\d+(\.\d+)?")

# An inclusive period of days: its first and its last day.
Period = tuple[dt.date, dt.date]


class Severity(StrEnum):
    """How a finding should be read: a legal obligation, advice, or information."""

    MUST = "must"
    SHOULD = "should"
    INFO = "info"


class Confidence(StrEnum):
    """How sure the sources are (RULES.md): high, medium or low."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """2 for high, 1 for medium, 0 for low: the lowest rank wins when confidences combine."""
        return {"high": 2, "medium": 1, "low": 0}[self.value]


def lowest_confidence(*confidences: Confidence) -> Confidence:
    """The least confident of ``confidences``."""
    return min(confidences, key=lambda confidence: confidence.rank)


class ContractType(StrEnum):
    FIXED_TERM = "fixed_term"
    OPEN_ENDED = "open_ended"


class Action(StrEnum):
    NOT_RENEW = "not_renew"
    RENEW_FIXED_TERM = "renew_fixed_term"
    RENEW_OPEN_ENDED = "renew_open_ended"


class Offer(StrEnum):
    SAME_OR_BETTER = "same_or_better"
    WORSE = "worse"
    NONE = "none"


@dataclass(frozen=True)
class Contract:
    """One employment contract of the history; ``end`` is ``None`` only for an open-ended contract."""

    start: dt.date
    end: dt.date | None
    type: ContractType
    objective_reason: str | None = None

    @property
    def is_fixed_term(self) -> bool:
        return self.type is ContractType.FIXED_TERM


@dataclass(frozen=True)
class Status:
    """A special status such as ``pregnant``; ``start``/``until`` are ``None`` when unknown or open."""

    kind: str
    start: dt.date | None = None
    until: dt.date | None = None

    def active_on(self, day: dt.date) -> bool:
        """True when ``day`` falls inside the status (an unknown start or end is treated as open)."""
        return (self.start is None or self.start <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class Pay:
    """Wage facts; which one a pack reads is documented by the pack (China: ``monthly_wage``)."""

    currency: str | None = None
    monthly_wage: Decimal | None = None
    weekly_pay: Decimal | None = None
    daily_wage: Decimal | None = None
    annual_salary: Decimal | None = None
    total_gross_pay_over_contracts: Decimal | None = None


@dataclass(frozen=True)
class Facts:
    """The request's ``facts`` object, read through typed accessors.

    Facts are not validated up front because their meaning belongs to the pack that reads them; an accessor
    raises ``InvalidRequest`` naming ``employee.facts.<key>`` when a value has the wrong type.
    """

    values: Mapping[str, object] = field(default_factory=dict)

    def _path(self, key: str) -> str:
        return f"employee.facts.{key}"

    def has(self, key: str) -> bool:
        """True when ``key`` is present and not null."""
        return self.values.get(key) is not None

    def boolean(self, key: str) -> bool | None:
        """A yes/no fact, or ``None`` when unknown."""
        value = self.values.get(key)
        if value is None or isinstance(value, bool):
            return value
        raise InvalidRequest(self._path(key), f"expected true, false or null, got {value!r}")

    def date_of(self, key: str) -> dt.date | None:
        """A date fact (``YYYY-MM-DD``), or ``None`` when unknown."""
        value = self.values.get(key)
        if value is None:
            return None
        return parse_date(value, self._path(key))

    def integer(self, key: str) -> int | None:
        """A whole-number fact, or ``None`` when unknown."""
        value = self.values.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidRequest(self._path(key), f"expected a whole number, got {value!r}")
        return value

    def count(self, key: str) -> int | None:
        """A whole number of 0 or more (days worked, months out of work), or ``None`` when unknown."""
        value = self.integer(key)
        if value is not None and value < 0:
            raise InvalidRequest(self._path(key), f"must not be negative, got {value}")
        return value

    def text(self, key: str) -> str | None:
        """A free-text fact without surrounding blanks, or ``None`` when unknown or blank."""
        value = self.values.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise InvalidRequest(self._path(key), f"expected text, got {value!r}")
        return value.strip() or None

    def date_or_boolean(self, key: str) -> dt.date | bool | None:
        """A fact given as the day something happened, or as ``true`` (it happened, day unknown), ``false``
        (it did not happen) or null (unknown): SCHEMA.md's ``termination_notice_given`` read the Spanish way.
        """
        value = self.values.get(key)
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str):
            try:
                return parse_date(value, self._path(key))
            except InvalidRequest:
                pass
        raise InvalidRequest(
            self._path(key), f"expected a date as YYYY-MM-DD, true, false or null, got {value!r}"
        )

    def periods(self, key: str, *, open_end: dt.date) -> list[Period] | None:
        """A list of ``{"from": date, "to": date or null}`` periods, or ``None`` when unknown.

        A null ``to`` is a period still running on ``open_end``. A malformed item names its path, e.g.
        ``employee.facts.unemployment_insurance_periods[0].to``.
        """
        value = self.values.get(key)
        path = self._path(key)
        if value is None:
            return None
        if isinstance(value, str) or not isinstance(value, Sequence):
            raise InvalidRequest(path, f"expected a list of {{from, to}} periods, got {value!r}")
        periods: list[Period] = []
        for index, item in enumerate(value):
            item_path = f"{path}[{index}]"
            if not isinstance(item, Mapping):
                raise InvalidRequest(item_path, f"expected an object with from and to, got {item!r}")
            first = parse_date(item.get("from"), f"{item_path}.from")
            last = open_end if item.get("to") is None else parse_date(item.get("to"), f"{item_path}.to")
            if last < first:
                raise InvalidRequest(f"{item_path}.to", "before from")
            periods.append((first, last))
        return periods

    def decimal(self, key: str) -> Decimal | None:
        """A decimal fact such as an amount, or ``None`` when unknown."""
        return parse_decimal(self.values.get(key), self._path(key))

    def choice(self, key: str, options: tuple[str, ...]) -> str | None:
        """One of ``options``, or ``None`` when unknown."""
        value = self.values.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or value not in options:
            raise InvalidRequest(self._path(key), f"expected one of {', '.join(options)}, got {value!r}")
        return value


@dataclass(frozen=True)
class Employee:
    """The employee's history and facts as the request states them."""

    contracts: tuple[Contract, ...]
    hire_date: dt.date | None = None
    birth_date: dt.date | None = None
    pay: Pay = field(default_factory=Pay)
    local_average_monthly_wage: Decimal | None = None
    statuses: tuple[Status, ...] = ()
    workplace_headcount: int | None = None
    facts: Facts = field(default_factory=Facts)

    @property
    def first_day(self) -> dt.date:
        """First day of employment: the hire date, or the first contract's start when it is unknown."""
        return self.hire_date if self.hire_date is not None else self.contracts[0].start

    @property
    def current_contract(self) -> Contract:
        """The latest contract, the one the decision is about."""
        return self.contracts[-1]


@dataclass(frozen=True)
class Decision:
    """What the employer intends: the action, its effective date, the offer made."""

    action: Action
    date: dt.date
    offer: Offer | None = None
    new_end_date: dt.date | None = None


@dataclass(frozen=True)
class Request:
    """A validated request. ``jurisdiction`` is upper-case ISO 3166-1 with aliases resolved (UK → GB)."""

    jurisdiction: str
    region: str | None
    as_of: dt.date | None
    employee: Employee
    decision: Decision

    @property
    def expiry(self) -> dt.date:
        """Last day of the current fixed-term contract (validation guarantees it exists)."""
        end = self.employee.current_contract.end
        assert end is not None  # parsing refuses an open-ended current contract
        return end


MessageParams = Mapping[str, str | int]


@dataclass(frozen=True)
class Finding:
    """One explained conclusion or warning.

    ``code`` is stable (``cn.lcl.art14.open_ended_on_request``); ``message`` is an English template with
    ``%(name)s`` placeholders, marked with ``gettext_noop`` so it can be translated; ``params`` fill it.
    """

    code: str
    severity: Severity
    message: str
    params: MessageParams = field(default_factory=dict)
    citation: str | None = None

    @property
    def text(self) -> str:
        """The English sentence: ``message`` with ``params`` filled in."""
        return self.message % dict(self.params)


@dataclass(frozen=True)
class Severance:
    """A statutory payment on non-renewal; ``amount`` is ``None`` when a needed wage fact is unknown."""

    amount: Decimal | None
    currency: str
    months: Decimal | None
    basis: str


@dataclass(frozen=True)
class Damages:
    """What an unlawful ending would cost."""

    amount: Decimal | None
    currency: str
    basis: str


@dataclass(frozen=True)
class BlockingProtection:
    """A protection in force at expiry that stops the contract from ending then."""

    kind: str
    effect: str
    citation: str


class Field(StrEnum):
    """The assessment's conclusions that rules contribute to (keys of SCHEMA.md's assessment)."""

    NEXT_CONTRACT_MUST_BE_OPEN_ENDED = "next_contract_must_be_open_ended"
    EMPLOYEE_MAY_REQUEST_OPEN_ENDED = "employee_may_request_open_ended"
    AUTOMATIC_CONVERSION = "automatic_conversion"
    CONVERSION_EFFECTIVE_DATE = "conversion_effective_date"
    NON_RENEWAL_LAWFUL = "non_renewal_lawful"
    RENEWAL_AS_PROPOSED_LAWFUL = "renewal_as_proposed_lawful"
    SEVERANCE = "severance"
    DAMAGES_IF_UNLAWFUL = "damages_if_unlawful"
    LAST_NOTICE_DATE = "last_notice_date"
    CONTRACT_EXTENDED_UNTIL = "contract_extended_until"
    BLOCKING_PROTECTIONS = "blocking_protections"
    CONFIDENCE = "confidence"


ConclusionValue = bool | dt.date | Severance | Damages | BlockingProtection | Confidence | None


@dataclass(frozen=True)
class Conclusion:
    """A rule's contribution to one field; ``None`` as ``value`` means "cannot tell from the facts".

    ``confidence`` overrides the rule's own confidence for this contribution (a regional variant that rests
    on thinner sources, for example).
    """

    field: Field
    value: ConclusionValue
    confidence: Confidence | None = None


@dataclass(frozen=True)
class Assessment:
    """The answer to one request, field for field as SCHEMA.md's assessment."""

    jurisdiction: str
    region: str | None
    rule_pack: str | None
    rule_pack_version: str | None
    supported: bool
    next_contract_must_be_open_ended: bool | None = None
    employee_may_request_open_ended: bool | None = None
    automatic_conversion: bool | None = None
    conversion_effective_date: dt.date | None = None
    non_renewal_lawful: bool | None = None
    renewal_as_proposed_lawful: bool | None = None
    severance: Severance | None = None
    damages_if_unlawful: Damages | None = None
    last_notice_date: dt.date | None = None
    contract_extended_until: dt.date | None = None
    blocking_protections: tuple[BlockingProtection, ...] | None = None
    findings: tuple[Finding, ...] = ()
    citations: tuple[str, ...] = ()
    confidence: Confidence | None = None


def parse_date(value: object, path: str) -> dt.date:
    """``YYYY-MM-DD`` text as a date; anything else raises ``InvalidRequest`` naming ``path``."""
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidRequest(path, f"expected a date as YYYY-MM-DD, got {value!r}")


def parse_decimal(value: object, path: str) -> Decimal | None:
    """A decimal string (or an integer, or a ``Decimal``) as a non-negative ``Decimal``; null is ``None``.

    Binary floats are refused: a wage must arrive exactly as written.
    """
    if value is None:
        return None
    if isinstance(value, bool | float):
        raise InvalidRequest(path, f'expected a decimal string such as "12000.50", got {value!r}')
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal) and value.is_finite():
        amount = value
    elif isinstance(value, str) and DECIMAL_TEXT.fullmatch(value.strip()):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid literals
            raise InvalidRequest(path, f"not a decimal number: {value!r}") from None
    else:
        raise InvalidRequest(path, f'expected a decimal string such as "12000.50", got {value!r}')
    if amount < 0:
        raise InvalidRequest(path, "must not be negative")
    return amount
