"""Rules and the runner that collects what they say, in the manner of Django's password validators.

A rule is an object with a stable ``code``, a ``citation``, the dates it is in force and a confidence. Its
``inspect(case)`` yields ``Finding`` objects (explanations) and ``Conclusion`` objects (contributions to the
assessment's fields). The runner asks every rule in force on the decision date, in the pack's order, and
merges the contributions field by field with a fixed policy, so rules stay small and independent
("wins" in three-valued logic: otherwise any unknown gives unknown, else the other value):

| field | policy |
|---|---|
| next_contract_must_be_open_ended, employee_may_request_open_ended, automatic_conversion | any true wins |
| non_renewal_lawful, renewal_as_proposed_lawful | any false wins |
| last_notice_date, conversion_effective_date | earliest date given |
| contract_extended_until | latest date; unknown if any contribution is unknown |
| severance, damages_if_unlawful | one rule only (a second contribution is a pack error) |
| blocking_protections | every contribution, in order |
| confidence | lowest; every conclusion also counts with its rule's confidence |

A later rule can read what earlier rules concluded through ``case.conclusions`` (the damages rule reads
``non_renewal_lawful``, for instance).
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, TypedDict, Unpack

from keepwell.law.errors import RulePackError
from keepwell.law.i18n import Message
from keepwell.law.service import ONE_DAY, gaps_between
from keepwell.law.types import (
    Action,
    BlockingProtection,
    Conclusion,
    ConclusionValue,
    Confidence,
    Contract,
    Damages,
    Decision,
    Employee,
    Facts,
    Field,
    Finding,
    MessageParams,
    Request,
    Severance,
    Severity,
    lowest_confidence,
)

if TYPE_CHECKING:
    from keepwell.law.registry import Pack, Region

Outcome = Finding | Conclusion


@dataclass(frozen=True)
class Case:
    """What a rule sees: the request, the pack and region being applied, and earlier rules' conclusions."""

    request: Request
    pack: Pack
    region: Region | None
    conclusions: Mapping[Field, ConclusionValue] = field(default_factory=dict)

    @property
    def employee(self) -> Employee:
        return self.request.employee

    @property
    def decision(self) -> Decision:
        return self.request.decision

    @property
    def facts(self) -> Facts:
        return self.request.employee.facts

    @property
    def current_contract(self) -> Contract:
        return self.request.employee.current_contract

    @property
    def expiry(self) -> date:
        """Last day of the current fixed-term contract (``D`` in RULES.md)."""
        return self.request.expiry

    @property
    def on(self) -> date:
        """The day whose law applies: the decision date."""
        return self.request.decision.date

    @property
    def currency(self) -> str:
        """The pay currency, or the pack's currency when the request does not say."""
        return self.request.employee.pay.currency or self.pack.currency

    def money(self, amount: Decimal) -> Decimal:
        """``amount`` rounded the way the pack's jurisdiction rounds money (half up to cents by default)."""
        return amount.quantize(self.pack.money_quantum, rounding=self.pack.rounding)

    def concluded(self, conclusion_field: Field) -> bool:
        """True when an earlier rule has contributed to ``conclusion_field``."""
        return conclusion_field in self.conclusions

    def concluded_flag(self, conclusion_field: Field, *, otherwise: bool | None = False) -> bool | None:
        """What earlier rules concluded on a yes/no field: ``otherwise`` when none did, ``None`` when they
        left it unknown (``case.concluded_flag(Field.AUTOMATIC_CONVERSION)`` is "converted so far")."""
        if not self.concluded(conclusion_field):
            return otherwise
        value = self.conclusions.get(conclusion_field)
        return value if isinstance(value, bool) else None

    @property
    def lawful_field(self) -> Field:
        """The field that judges the decision: ``non_renewal_lawful`` for a non-renewal, else
        ``renewal_as_proposed_lawful``."""
        if self.request.decision.action is Action.NOT_RENEW:
            return Field.NON_RENEWAL_LAWFUL
        return Field.RENEWAL_AS_PROPOSED_LAWFUL

    @property
    def renewal_start(self) -> date:
        """First day of a renewal: the day after expiry, or the decision date when that is later."""
        return max(self.request.decision.date, self.expiry + ONE_DAY)


class RuleAttributes(TypedDict, total=False):
    """The attributes any rule takes as keywords (see ``Rule.__init__``)."""

    code: str
    citation: str
    effective_from: date
    effective_to: date
    confidence: Confidence


class Rule(abc.ABC):
    """Base class of every rule. Subclasses set the attributes and implement ``inspect``.

    Attributes may be set on the class (one rule, one class) or passed to ``__init__`` (one class reused
    with different parameters, e.g. a notice rule per region).
    """

    code: str = ""
    citation: str = ""
    effective_from: date = date.min
    effective_to: date | None = None
    confidence: Confidence = Confidence.HIGH

    def __init__(
        self,
        *,
        code: str | None = None,
        citation: str | None = None,
        effective_from: date | None = None,
        effective_to: date | None = None,
        confidence: Confidence | None = None,
    ) -> None:
        if code is not None:
            self.code = code
        if citation is not None:
            self.citation = citation
        if effective_from is not None:
            self.effective_from = effective_from
        if effective_to is not None:
            self.effective_to = effective_to
        if confidence is not None:
            self.confidence = confidence
        if not self.code:
            raise RulePackError(f"{type(self).__name__} has no code")

    def in_force_on(self, day: date) -> bool:
        """True when ``day`` lies within the rule's effective dates (both included)."""
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    @abc.abstractmethod
    def inspect(self, case: Case) -> Iterable[Outcome]:
        """Yield the findings and conclusions drawn from ``case``; nothing when the rule does not apply."""

    def finding(
        self,
        code: str,
        severity: Severity,
        message: Message,
        *,
        citation: str | None = None,
        **params: str | int | date | Decimal,
    ) -> Finding:
        """A finding citing this rule unless ``citation`` says otherwise; ``message`` is a marked template,
        or a ``Plural`` whose form agreeing with ``params`` is used."""
        converted = message_params(**params)
        return Finding(
            code=code,
            severity=severity,
            message=message if isinstance(message, str) else message.select(converted),
            params=converted,
            citation=self.citation if citation is None else citation,
        )

    def conclude(
        self, conclusion_field: Field, value: ConclusionValue, confidence: Confidence | None = None
    ) -> Conclusion:
        """A contribution to ``conclusion_field``."""
        return Conclusion(conclusion_field, value, confidence)

    def gap_findings(
        self,
        case: Case,
        code: str,
        message: Message,
        *,
        indexes: Iterable[int] | None = None,
        citation: str | None = None,
        **params: str | int | date | Decimal,
    ) -> Iterator[Outcome]:
        """For each gap between neighbouring contracts (among ``indexes``, default all), a should finding
        with ``days``, ``previous`` and ``index`` (and ``params``) and medium confidence: the pack counts
        the history as unbroken, which the gap may contradict."""
        for previous, index, days in gaps_between(case.employee.contracts, indexes):
            yield self.finding(
                code,
                Severity.SHOULD,
                message,
                citation=citation,
                days=days,
                previous=previous,
                index=index,
                **params,
            )
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)

    def notice_timeliness(
        self,
        case: Case,
        deadline: date,
        *,
        in_time: tuple[str, Message],
        late: tuple[str, Message],
        passed: tuple[str, Message],
        citation: str | None = None,
    ) -> Iterator[Finding]:
        """Whether the notice recorded in ``facts.termination_notice_given`` met ``deadline``.

        ``in_time``, ``late`` and ``passed`` are ``(code, message)``: an info finding with ``given`` and
        ``deadline`` for notice in time; a must finding with ``given``, ``days_late`` and ``deadline`` for
        late notice; without a notice date, a must finding with ``as_of`` and ``deadline`` once ``as_of`` is
        past the deadline. Nothing when no notice is recorded and the deadline has not passed.
        """
        given = case.facts.date_of("termination_notice_given")
        as_of = case.request.as_of
        if given is not None and given <= deadline:
            code, message = in_time
            yield self.finding(
                code, Severity.INFO, message, citation=citation, given=given, deadline=deadline
            )
        elif given is not None:
            code, message = late
            yield self.finding(
                code,
                Severity.MUST,
                message,
                citation=citation,
                given=given,
                days_late=(given - deadline).days,
                deadline=deadline,
            )
        elif as_of is not None and as_of > deadline:
            code, message = passed
            yield self.finding(
                code, Severity.MUST, message, citation=citation, as_of=as_of, deadline=deadline
            )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code}>"


class StatusScopeRule(Rule):
    """What a pack says of the request's statuses that its other rules do not read.

    Each status kind is named once, in the order given: a kind in ``considered`` is left to the pack's
    other rules; a kind in ``not_blocking`` (kind → citation) that is in force on the expiry date gets a
    ``not_blocking_code`` finding saying it does not stop a valid term from expiring (``kind`` and
    ``expiry`` params); any other kind gets an info finding ``<pack>.status_not_considered`` with
    ``message``, so silence is not taken for a check. Override ``about`` to treat a kind the pack's own way.

        StatusScopeRule(
            code="jp.statuses",
            effective_from=ART18_IN_FORCE,
            message=STATUS_NOT_CONSIDERED,  # gettext_noop("Status %(kind)s is not considered by ...")
            considered=("re_employed_older_worker",),
        )
    """

    def __init__(
        self,
        *,
        message: Message,
        considered: Iterable[str] = (),
        not_blocking: Mapping[str, str] | None = None,
        not_blocking_code: str = "",
        not_blocking_message: Message = "",
        not_blocking_severity: Severity = Severity.INFO,
        **attributes: Unpack[RuleAttributes],
    ) -> None:
        super().__init__(**attributes)
        self.message = message
        self.considered = frozenset(considered)
        self.not_blocking = dict(not_blocking or {})
        self.not_blocking_code = not_blocking_code
        self.not_blocking_message = not_blocking_message
        self.not_blocking_severity = not_blocking_severity
        if self.not_blocking and not (not_blocking_code and not_blocking_message):
            raise RulePackError(f"{self!r}: not_blocking needs not_blocking_code and not_blocking_message")

    @property
    def not_considered_code(self) -> str:
        """``<pack>.status_not_considered``, the pack being the first part of the rule's code."""
        return f"{self.code.split('.')[0]}.status_not_considered"

    def inspect(self, case: Case) -> Iterator[Outcome]:
        for kind in dict.fromkeys(status.kind for status in case.employee.statuses):
            yield from self.about(case, kind)

    def about(self, case: Case, kind: str) -> Iterator[Outcome]:
        """What to say of one status kind; by default as the class docstring describes."""
        if kind in self.not_blocking:
            if self.in_force_at_expiry(case, kind):
                yield self.finding(
                    self.not_blocking_code,
                    self.not_blocking_severity,
                    self.not_blocking_message,
                    citation=self.not_blocking[kind],
                    kind=kind,
                    expiry=case.expiry,
                )
        elif kind not in self.considered:
            yield self.finding(self.not_considered_code, Severity.INFO, self.message, kind=kind)

    @staticmethod
    def in_force_at_expiry(case: Case, kind: str) -> bool:
        """True when a status of ``kind`` is in force on the expiry date."""
        return any(status.kind == kind and status.active_on(case.expiry) for status in case.employee.statuses)


class NoNoticeRule(Rule):
    """No notice is due when a fixed-term contract ends on its expiry date: for a non-renewal, concludes
    ``last_notice_date`` null and says why with ``message`` (no params) under ``finding_code``."""

    def __init__(
        self,
        *,
        finding_code: str,
        message: Message,
        severity: Severity = Severity.INFO,
        **attributes: Unpack[RuleAttributes],
    ) -> None:
        super().__init__(**attributes)
        self.finding_code = finding_code
        self.message = message
        self.severity = severity

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        yield self.conclude(Field.LAST_NOTICE_DATE, None)
        yield self.finding(self.finding_code, self.severity, self.message)


def _any_true(values: list[ConclusionValue]) -> ConclusionValue:
    if True in values:
        return True
    return None if None in values else False


def _all_true(values: list[ConclusionValue]) -> ConclusionValue:
    if False in values:
        return False
    return None if None in values else True


def _earliest(values: list[ConclusionValue]) -> ConclusionValue:
    dates = [value for value in values if isinstance(value, date)]
    return min(dates) if dates else None


def _latest_or_unknown(values: list[ConclusionValue]) -> ConclusionValue:
    dates = [value for value in values if isinstance(value, date)]
    return None if len(dates) < len(values) or not dates else max(dates)


def _single(values: list[ConclusionValue]) -> ConclusionValue:
    return values[-1]


MERGE: dict[Field, Callable[[list[ConclusionValue]], ConclusionValue]] = {
    Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED: _any_true,
    Field.EMPLOYEE_MAY_REQUEST_OPEN_ENDED: _any_true,
    Field.AUTOMATIC_CONVERSION: _any_true,
    Field.CONVERSION_EFFECTIVE_DATE: _earliest,
    Field.NON_RENEWAL_LAWFUL: _all_true,
    Field.RENEWAL_AS_PROPOSED_LAWFUL: _all_true,
    Field.SEVERANCE: _single,
    Field.DAMAGES_IF_UNLAWFUL: _single,
    Field.LAST_NOTICE_DATE: _earliest,
    Field.CONTRACT_EXTENDED_UNTIL: _latest_or_unknown,
}

# Which value types each field accepts (None, "unknown", is always accepted).
ACCEPTS: dict[Field, tuple[type, ...]] = {
    Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED: (bool,),
    Field.EMPLOYEE_MAY_REQUEST_OPEN_ENDED: (bool,),
    Field.AUTOMATIC_CONVERSION: (bool,),
    Field.CONVERSION_EFFECTIVE_DATE: (date,),
    Field.NON_RENEWAL_LAWFUL: (bool,),
    Field.RENEWAL_AS_PROPOSED_LAWFUL: (bool,),
    Field.SEVERANCE: (Severance,),
    Field.DAMAGES_IF_UNLAWFUL: (Damages,),
    Field.LAST_NOTICE_DATE: (date,),
    Field.CONTRACT_EXTENDED_UNTIL: (date,),
    Field.BLOCKING_PROTECTIONS: (BlockingProtection,),
    Field.CONFIDENCE: (Confidence,),
}


@dataclass
class Collected:
    """Everything the rules said about one case, merged."""

    values: dict[Field, ConclusionValue] = field(default_factory=dict)
    protections: list[BlockingProtection] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    confidence: Confidence = Confidence.HIGH
    _contributions: dict[Field, list[ConclusionValue]] = field(default_factory=dict)

    def add(self, rule: Rule, outcome: Outcome) -> None:
        """Merge one outcome of ``rule``."""
        if isinstance(outcome, Finding):
            self.findings.append(outcome)
            return
        conclusion_field, value = outcome.field, outcome.value
        accepted = ACCEPTS[conclusion_field]
        if value is not None and not isinstance(value, accepted):
            raise RulePackError(f"{rule!r}: {conclusion_field.value} does not accept {value!r}")
        self.confidence = lowest_confidence(self.confidence, outcome.confidence or rule.confidence)
        if conclusion_field is Field.CONFIDENCE:
            if isinstance(value, Confidence):
                self.confidence = lowest_confidence(self.confidence, value)
            return
        if conclusion_field is Field.BLOCKING_PROTECTIONS:
            if isinstance(value, BlockingProtection):
                self.protections.append(value)
            return
        contributions = self._contributions.setdefault(conclusion_field, [])
        if MERGE[conclusion_field] is _single and contributions:
            raise RulePackError(f"{rule!r}: {conclusion_field.value} was already concluded by another rule")
        contributions.append(value)
        self.values[conclusion_field] = MERGE[conclusion_field](contributions)

    def view(self) -> Mapping[Field, ConclusionValue]:
        """A read-only, live view of the merged values, handed to later rules."""
        return MappingProxyType(self.values)


def run_rules(
    rules: Iterable[Rule], make_case: Callable[[Mapping[Field, ConclusionValue]], Case]
) -> Collected:
    """Ask every rule in force on the decision date, in order, and merge what they yield.

    ``make_case`` builds the case around the live view of conclusions, so each rule sees what the rules
    before it concluded.
    """
    collected = Collected()
    case = make_case(collected.view())
    for rule in rules:
        if not rule.in_force_on(case.on):
            continue
        for outcome in rule.inspect(case):
            collected.add(rule, outcome)
    return collected


def message_params(**params: str | int | date | Decimal) -> MessageParams:
    """Params for a message template: dates as ISO text, decimals as plain text."""
    converted: dict[str, str | int] = {}
    for key, value in params.items():
        if isinstance(value, date):
            converted[key] = value.isoformat()
        elif isinstance(value, Decimal):
            converted[key] = format_decimal(value)
        else:
            converted[key] = value
    return converted


def format_decimal(value: Decimal) -> str:
    """A decimal as plain text without trailing zeros or exponent: 6, 2.5, 20000, 12345.6."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"
