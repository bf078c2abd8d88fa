"""Poland: expiry and renewal of fixed-term contracts under the Labour Code (Kodeks pracy).

Sources: Labour Code Art 25¹ (limits on fixed-term employment, in force since 2016-02-22), Art 36 (notice
periods, for early termination only) and Art 177 §3 (contracts extended to the day of birth); as summarised
in RULES.md §17 and §20.9.

What the pack reads from the request:

- ``contracts``: every fixed-term entry is a contract (an extension counts as a new contract, Art 25¹ §2),
  except probation contracts and contracts under an exception of Art 25¹ §4, which are not counted.
- ``contracts[].objective_reason``: null means an ordinary fixed term. Text is read by keywords in Polish or
  English: probation (okres próbny), substitution (zastępstwo), casual or seasonal work (praca dorywcza,
  sezonowa), a term of office (kadencja); any other text is an objective reason on the employer's side (§4
  point 4), which must be notified to the labour inspectorate.
- ``statuses``: ``pregnant`` (Art 177 §3), ``maternity_leave`` (does not extend the contract); other kinds
  are reported as not considered.
- ``facts``: ``substitution_contract`` and ``seasonal_work`` (the current contract's exception),
  ``labour_inspectorate_notified`` (the §4 point 4 notification), ``pregnancy_month_3_ends`` (the end of the
  third month of pregnancy, counted in 28-day months; an input, not computed), ``child_birth_date`` (the day
  of birth, when the extension ends), ``proposed_contract_objective_reason`` (a renewal's reason).
- ``decision``: for ``renew_fixed_term``, the new contract runs from ``date`` to ``new_end_date``.

Gaps between contracts do not break the count (RULES.md §20.9: disputed, so flagged at medium confidence).
Nothing is owed and no notice is due at expiry. No regional variants.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import constant
from keepwell.law.reading import folded, matching_kind
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, Outcome, Rule, StatusScopeRule
from keepwell.law.service import (
    contract_period,
    day_count,
    first_day_past_days,
    gaps_between,
    period_days,
    service_length,
)
from keepwell.law.types import Action, BlockingProtection, Confidence, Contract, Field, Severity

PACK_FROM = date(2016, 2, 22)  # Art 25¹ in force

# --- Dated parameters ------------------------------------------------------------------------------------

MAX_CONTRACTS = constant("pl.max_contracts", PACK_FROM, 3, citation="Kodeks pracy Art 25¹ §1")
MAX_MONTHS = constant("pl.max_months", PACK_FROM, 33, citation="Kodeks pracy Art 25¹ §1")
INSPECTORATE_NOTICE_WORKING_DAYS = constant(
    "pl.inspectorate_notice_working_days", PACK_FROM, 5, citation="Kodeks pracy Art 25¹ §5"
)
PREGNANCY_MIN_CONTRACT_MONTHS = constant(
    "pl.pregnancy_min_contract_months", PACK_FROM, 1, citation="Kodeks pracy Art 177 §3"
)
PREGNANCY_MONTH_DAYS = constant("pl.pregnancy_month_days", PACK_FROM, 28, citation="Kodeks pracy Art 177 §3")


class Kind(StrEnum):
    """How a fixed-term entry counts under Art 25¹ (codes used in finding params)."""

    ORDINARY = "ordinary"
    PROBATION = "probation"
    SUBSTITUTION = "substitution"
    CASUAL_OR_SEASONAL = "casual_or_seasonal"
    TERM_OF_OFFICE = "term_of_office"
    OBJECTIVE_REASON = "objective_reason"


KIND_KEYWORDS: tuple[tuple[Kind, tuple[str, ...]], ...] = (
    (Kind.PROBATION, ("probn", "probation", "trial")),
    (Kind.SUBSTITUTION, ("zastep", "substitut", "replac", "absent")),
    (Kind.CASUAL_OR_SEASONAL, ("dorywcz", "sezon", "casual", "seasonal")),
    (Kind.TERM_OF_OFFICE, ("kadencj", "term of office")),
)
NOT_COUNTED = frozenset(
    {Kind.PROBATION, Kind.SUBSTITUTION, Kind.CASUAL_OR_SEASONAL, Kind.TERM_OF_OFFICE, Kind.OBJECTIVE_REASON}
)
EXCEPTIONS = frozenset(
    {Kind.SUBSTITUTION, Kind.CASUAL_OR_SEASONAL, Kind.TERM_OF_OFFICE, Kind.OBJECTIVE_REASON}
)

# --- Messages (English templates, translated through the catalogues) ---------------------------------

WITHIN_LIMITS = Plural(
    "days",
    one=gettext_noop(
        "Counted fixed-term contracts: %(contracts)s of %(max_contracts)s, %(days)s day of work "
        "(%(max_months)s months end after %(limit_days)s days): within the limits."
    ),
    other=gettext_noop(
        "Counted fixed-term contracts: %(contracts)s of %(max_contracts)s, %(days)s days of work "
        "(%(max_months)s months end after %(limit_days)s days): within the limits."
    ),
)
FOURTH_CONTRACT = gettext_noop(
    "contracts[%(index)s], starting %(start)s, is counted contract number %(number)s; after "
    "%(max_contracts)s fixed-term contracts the employment is open-ended by law from %(start)s."
)
MONTHS_EXCEEDED = gettext_noop(
    "Counted fixed-term work passes %(max_months)s months on %(from_date)s: the employment is open-ended by "
    "law from that day."
)
CURRENT_EXCEPTION = gettext_noop(
    "The current contract is of kind %(kind)s, to which the limits of %(max_contracts)s contracts and "
    "%(max_months)s months do not apply."
)
NOTIFY_INSPECTORATE = gettext_noop(
    "An objective reason on the employer's side must be notified to the labour inspectorate within "
    "%(days)s working days of concluding the contract; record labour_inspectorate_notified."
)
NOT_NOTIFIED = gettext_noop(
    "The objective reason was not notified to the labour inspectorate; whether the exception still holds "
    "is not settled in the sources used."
)
GAPS_DISPUTED = gettext_noop(
    "There are gaps between the counted contracts. Sources disagree whether gaps break the count; the pack "
    "counts every contract and leaves the gaps out of the months."
)
BEFORE_ARTICLE = gettext_noop(
    "contracts[%(index)s] began before %(in_force)s; the transitional rules for contracts of that time are "
    "not applied, and it is counted like the others."
)
NEXT_CONTRACT_OPEN_ENDED = gettext_noop(
    "The limits are reached: a further ordinary fixed-term contract would be open-ended by law, unless an "
    "exception of Art 25¹ §4 applies."
)
CONVERTED = gettext_noop(
    "The employment is open-ended: it does not end on %(expiry)s, and ending it would need notice under "
    "Art 36 and the dismissal rules."
)
UNDECIDED = gettext_noop(
    "Whether the employment is open-ended cannot be told from the facts given, so whether it ends on "
    "%(expiry)s is open."
)
ENDS_AT_EXPIRY = gettext_noop(
    "The fixed-term contract ends on %(expiry)s; nothing in the facts given stops that."
)
NO_NOTICE = gettext_noop(
    "No notice is needed when a fixed-term contract ends at expiry; the Art 36 notice periods apply only to "
    "early termination."
)
NO_PAYMENT = gettext_noop(
    "No payment is due when a fixed-term contract ends at expiry (severance pay applies to redundancy "
    "dismissals)."
)
PREGNANCY_EXTENDS = gettext_noop(
    "The employee is pregnant and the contract would end on %(expiry)s, after the third month of pregnancy "
    "ended on %(month_3_ends)s: the contract is extended by law until the day of birth."
)
PREGNANCY_BIRTH = gettext_noop("The extension ends on the day of birth, %(birth)s.")
PREGNANCY_BEFORE_MONTH_3 = gettext_noop(
    "The contract ends on %(expiry)s, not after the third month of pregnancy (it ends %(month_3_ends)s): no "
    "extension."
)
PREGNANCY_MONTH_3_UNKNOWN = gettext_noop(
    "The employee is pregnant on %(expiry)s. If the third month of pregnancy (counted in %(days)s-day "
    "months) ends before then, the contract is extended to the day of birth: give pregnancy_month_3_ends."
)
PREGNANCY_SHORT_CONTRACT = gettext_noop(
    "The contract lasts no more than %(months)s month, so pregnancy does not extend it."
)
PREGNANCY_SUBSTITUTION = gettext_noop("A substitution contract is not extended because of pregnancy.")
RENEWAL_LAWFUL = gettext_noop(
    "The new contract to %(new_end)s would be counted contract number %(number)s and keep counted work "
    "within %(max_months)s months."
)
RENEWAL_CONVERTS = gettext_noop(
    "The new contract would be counted contract number %(number)s or take counted work past %(max_months)s "
    "months: it would be open-ended by law."
)
RENEWAL_EXCEPTION = gettext_noop(
    "The new contract is of kind %(kind)s, outside the limits; the exception must be genuine."
)
NEW_END_DATE_NEEDED = gettext_noop("Give decision.new_end_date to check the new contract against the limits.")
ALREADY_OPEN_ENDED = gettext_noop(
    "The employment is already open-ended, so another fixed term cannot be agreed."
)
OPEN_ENDED_RENEWAL = gettext_noop("An open-ended contract meets the Labour Code.")
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the Poland rule pack.")
PREGNANCY_EFFECT = gettext_noop("contract extended by law until the day of birth")
MATERNITY_LEAVE = gettext_noop(
    "Maternity leave does not extend a fixed-term contract; only pregnancy does, until the day of birth."
)


# --- Shared computations --------------------------------------------------------------------------------


def kind_of(reason: str | None) -> Kind:
    """How an ``objective_reason`` counts: null is ordinary; other text is an exception or probation."""
    if reason is None:
        return Kind.ORDINARY
    # "ł" has no decomposition, so it is folded by hand.
    kind = matching_kind(folded(reason).replace("ł", "l"), KIND_KEYWORDS)
    return Kind.OBJECTIVE_REASON if kind is None else kind


def current_kind(case: Case) -> Kind:
    kind = kind_of(case.current_contract.objective_reason)
    if kind is Kind.PROBATION:
        return kind
    if case.facts.boolean("substitution_contract") is True:
        return Kind.SUBSTITUTION
    if case.facts.boolean("seasonal_work") is True:
        return Kind.CASUAL_OR_SEASONAL
    return kind


@dataclass(frozen=True)
class Counted:
    """The counted fixed-term contracts (index in the history, contract) and where the limits broke."""

    entries: tuple[tuple[int, Contract], ...]
    allowed_days: int  # days in 33 months from the first counted start
    fourth: tuple[int, Contract] | None
    months_passed_on: date | None

    @property
    def days(self) -> int:
        return sum(day_count(*contract_period(contract)) for _, contract in self.entries)

    @property
    def conversion_date(self) -> date | None:
        days = [day for day in (self.months_passed_on,) if day is not None]
        if self.fourth is not None:
            days.append(self.fourth[1].start)
        return min(days) if days else None


def counted_contracts(case: Case, extra: Contract | None = None) -> Counted:
    """Art 25¹ §1: the fixed-term contracts that count, their number and their months laid end to end."""
    contracts = list(case.employee.contracts)
    if extra is not None:
        contracts.append(extra)
    last = len(case.employee.contracts) - 1
    entries = []
    for index, contract in enumerate(contracts):
        if not contract.is_fixed_term:
            continue
        kind = current_kind(case) if index == last else kind_of(contract.objective_reason)
        if kind not in NOT_COUNTED:
            entries.append((index, contract))
    on = case.on
    max_contracts, max_months = MAX_CONTRACTS.at(on), MAX_MONTHS.at(on)
    if not entries:
        return Counted((), 0, None, None)
    allowed = period_days(entries[0][1].start, max_months)
    passed = first_day_past_days([contract_period(contract) for _, contract in entries], allowed)
    return Counted(
        entries=tuple(entries),
        allowed_days=allowed,
        fourth=entries[max_contracts] if len(entries) > max_contracts else None,
        months_passed_on=None if passed is None else passed[0],
    )


# --- Rules ----------------------------------------------------------------------------------------------


class LimitsRule(Rule):
    """Kodeks pracy Art 25¹: at most 33 months and 3 fixed-term contracts; beyond either, open-ended."""

    code = "pl.kp.art25_1"
    citation = "Kodeks pracy Art 25¹"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        on = case.on
        max_contracts, max_months = MAX_CONTRACTS.at(on), MAX_MONTHS.at(on)
        counted = counted_contracts(case)
        yield from self._history_notes(case, counted)
        conversion = counted.conversion_date
        if conversion is not None:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
            yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, conversion)
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
            if counted.fourth is not None:
                index, contract = counted.fourth
                yield self.finding(
                    "pl.kp.art25_1.fourth_contract",
                    Severity.MUST,
                    FOURTH_CONTRACT,
                    index=index,
                    start=contract.start,
                    number=max_contracts + 1,
                    max_contracts=max_contracts,
                )
            if counted.months_passed_on is not None:
                yield self.finding(
                    "pl.kp.art25_1.months_exceeded",
                    Severity.MUST,
                    MONTHS_EXCEEDED,
                    max_months=max_months,
                    from_date=counted.months_passed_on,
                )
            return
        kind = current_kind(case)
        if kind in EXCEPTIONS:
            yield from self._exception(case, kind)
        else:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
        yield self.finding(
            "pl.kp.art25_1.within_limits",
            Severity.INFO,
            WITHIN_LIMITS,
            contracts=len(counted.entries),
            max_contracts=max_contracts,
            days=counted.days,
            max_months=max_months,
            limit_days=counted.allowed_days,
        )
        full = len(counted.entries) >= max_contracts or (
            bool(counted.entries) and counted.days >= counted.allowed_days
        )
        if not full:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
            return
        proposed = case.facts.text("proposed_contract_objective_reason")
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, None if proposed else True)
        yield self.finding("pl.kp.art25_1.next_contract_open_ended", Severity.INFO, NEXT_CONTRACT_OPEN_ENDED)

    def _exception(self, case: Case, kind: Kind) -> Iterator[Outcome]:
        on = case.on
        yield self.finding(
            "pl.kp.art25_1.current_exception",
            Severity.INFO,
            CURRENT_EXCEPTION,
            citation="Kodeks pracy Art 25¹ §4",
            kind=kind.value,
            max_contracts=MAX_CONTRACTS.at(on),
            max_months=MAX_MONTHS.at(on),
        )
        if kind is not Kind.OBJECTIVE_REASON:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            return
        notified = case.facts.boolean("labour_inspectorate_notified")
        if notified is False:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None, Confidence.MEDIUM)
            yield self.finding(
                "pl.kp.art25_1.not_notified",
                Severity.SHOULD,
                NOT_NOTIFIED,
                citation="Kodeks pracy Art 25¹ §5",
            )
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, False, Confidence.MEDIUM)
        if notified is None:
            yield self.finding(
                "pl.kp.art25_1.notify_inspectorate",
                Severity.SHOULD,
                NOTIFY_INSPECTORATE,
                citation="Kodeks pracy Art 25¹ §5",
                days=INSPECTORATE_NOTICE_WORKING_DAYS.at(on),
            )

    def _history_notes(self, case: Case, counted: Counted) -> Iterator[Outcome]:
        entries = counted.entries
        gaps = any(gaps_between(case.employee.contracts, [index for index, _ in entries]))
        if gaps and len(entries) > 1:
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
            yield self.finding("pl.kp.art25_1.gaps_disputed", Severity.SHOULD, GAPS_DISPUTED)
        early = next((index for index, contract in entries if contract.start < PACK_FROM), None)
        if early is not None:
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
            yield self.finding(
                "pl.kp.art25_1.before_in_force",
                Severity.SHOULD,
                BEFORE_ARTICLE,
                index=early,
                in_force=PACK_FROM,
            )


class PregnancyRule(Rule):
    """Kodeks pracy Art 177 §3: a fixed-term or probation contract of more than a month that would end after
    the third month of pregnancy is extended to the day of birth (not for substitution contracts)."""

    code = "pl.kp.art177_3"
    citation = "Kodeks pracy Art 177 §3"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        expiry, on = case.expiry, case.on
        if case.decision.action is not Action.NOT_RENEW:
            return
        if not any(
            status.kind == "pregnant" and status.active_on(expiry) for status in case.employee.statuses
        ):
            return
        if current_kind(case) is Kind.SUBSTITUTION:
            yield self.finding("pl.kp.art177_3.substitution_excluded", Severity.INFO, PREGNANCY_SUBSTITUTION)
            return
        length = service_length(case.current_contract.start, expiry)
        min_months = PREGNANCY_MIN_CONTRACT_MONTHS.at(on)
        if length.total_months < min_months or (length.total_months == min_months and not length.days):
            yield self.finding(
                "pl.kp.art177_3.short_contract", Severity.INFO, PREGNANCY_SHORT_CONTRACT, months=min_months
            )
            return
        month_3_ends = case.facts.date_of("pregnancy_month_3_ends")
        if month_3_ends is None:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.conclude(Field.CONTRACT_EXTENDED_UNTIL, None)
            yield self.finding(
                "pl.kp.art177_3.month_3_unknown",
                Severity.SHOULD,
                PREGNANCY_MONTH_3_UNKNOWN,
                expiry=expiry,
                days=PREGNANCY_MONTH_DAYS.at(on),
            )
            return
        if expiry <= month_3_ends:
            yield self.finding(
                "pl.kp.art177_3.before_month_3",
                Severity.INFO,
                PREGNANCY_BEFORE_MONTH_3,
                expiry=expiry,
                month_3_ends=month_3_ends,
            )
            return
        birth = case.facts.date_of("child_birth_date")
        until = birth if birth is not None and birth > expiry else None
        yield self.conclude(
            Field.BLOCKING_PROTECTIONS,
            BlockingProtection("pregnant", PREGNANCY_EFFECT, "Kodeks pracy Art 177 §3"),
        )
        yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
        yield self.conclude(Field.CONTRACT_EXTENDED_UNTIL, until)
        yield self.finding(
            "pl.kp.art177_3.extended_to_birth",
            Severity.MUST,
            PREGNANCY_EXTENDS,
            expiry=expiry,
            month_3_ends=month_3_ends,
        )
        if until is not None:
            yield self.finding("pl.kp.art177_3.birth", Severity.INFO, PREGNANCY_BIRTH, birth=until)


class EndingRule(Rule):
    """A fixed term ends at expiry without notice or payment; open-ended employment does not end so."""

    code = "pl.kp.ending"
    citation = "Kodeks pracy Art 25¹"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        action, expiry = case.decision.action, case.expiry
        yield self.conclude(Field.LAST_NOTICE_DATE, None)
        if action is Action.RENEW_OPEN_ENDED:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding("pl.kp.open_ended_renewal", Severity.INFO, OPEN_ENDED_RENEWAL)
        if action is not Action.NOT_RENEW:
            return
        state = case.concluded_flag(Field.AUTOMATIC_CONVERSION)
        if state is True:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
            yield self.finding("pl.kp.art25_1.converted", Severity.MUST, CONVERTED, expiry=expiry)
        elif state is None:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding("pl.kp.art25_1.undecided", Severity.SHOULD, UNDECIDED, expiry=expiry)
        elif not case.concluded(Field.NON_RENEWAL_LAWFUL):
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.finding("pl.kp.ends_at_expiry", Severity.INFO, ENDS_AT_EXPIRY, expiry=expiry)
        yield self.finding(
            "pl.kp.art36.no_notice_at_expiry", Severity.INFO, NO_NOTICE, citation="Kodeks pracy Art 36"
        )
        yield self.finding("pl.kp.no_payment_at_expiry", Severity.INFO, NO_PAYMENT)


class RenewalRule(Rule):
    """Kodeks pracy Art 25¹ for a proposed new fixed-term contract."""

    code = "pl.kp.art25_1.renewal"
    citation = "Kodeks pracy Art 25¹"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        decision = case.decision
        if decision.action is not Action.RENEW_FIXED_TERM:
            return
        if case.concluded_flag(Field.AUTOMATIC_CONVERSION) is True:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
            yield self.finding("pl.kp.art25_1.already_open_ended", Severity.MUST, ALREADY_OPEN_ENDED)
            return
        on = case.on
        proposed = case.facts.text("proposed_contract_objective_reason")
        kind = kind_of(proposed)
        if kind in EXCEPTIONS:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True, Confidence.MEDIUM)
            yield self.finding(
                "pl.kp.art25_1.renewal_exception",
                Severity.SHOULD,
                RENEWAL_EXCEPTION,
                citation="Kodeks pracy Art 25¹ §4",
                kind=kind.value,
            )
            if kind is Kind.OBJECTIVE_REASON:
                yield self.finding(
                    "pl.kp.art25_1.notify_inspectorate",
                    Severity.SHOULD,
                    NOTIFY_INSPECTORATE,
                    citation="Kodeks pracy Art 25¹ §5",
                    days=INSPECTORATE_NOTICE_WORKING_DAYS.at(on),
                )
            return
        new_end = decision.new_end_date
        before = counted_contracts(case)
        number = len(before.entries) + 1
        max_contracts, max_months = MAX_CONTRACTS.at(on), MAX_MONTHS.at(on)
        if new_end is None:
            if number > max_contracts:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
                yield self.finding(
                    "pl.kp.art25_1.renewal_converts",
                    Severity.MUST,
                    RENEWAL_CONVERTS,
                    number=number,
                    max_months=max_months,
                )
                return
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            yield self.finding("pl.kp.art25_1.new_end_date_needed", Severity.SHOULD, NEW_END_DATE_NEEDED)
            return
        extra = Contract(
            start=decision.date, end=new_end, type=case.current_contract.type, objective_reason=None
        )
        after = counted_contracts(case, extra)
        if after.conversion_date is not None:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
            yield self.finding(
                "pl.kp.art25_1.renewal_converts",
                Severity.MUST,
                RENEWAL_CONVERTS,
                number=number,
                max_months=max_months,
            )
            return
        yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
        yield self.finding(
            "pl.kp.art25_1.renewal_lawful",
            Severity.INFO,
            RENEWAL_LAWFUL,
            new_end=new_end,
            number=number,
            max_months=max_months,
        )


class StatusRule(StatusScopeRule):
    """Names the statuses the pack does not use; maternity leave does not extend a contract."""

    def about(self, case: Case, kind: str) -> Iterator[Outcome]:
        if kind == "maternity_leave":
            yield self.finding(
                "pl.kp.art177_3.maternity_leave",
                Severity.INFO,
                MATERNITY_LEAVE,
                citation="Kodeks pracy Art 177 §3",
            )
        else:
            yield from super().about(case, kind)


RULES: tuple[Rule, ...] = (
    LimitsRule(),
    PregnancyRule(),
    EndingRule(),
    RenewalRule(),
    StatusRule(
        code="pl.statuses",
        effective_from=PACK_FROM,
        message=STATUS_NOT_CONSIDERED,
        considered=("pregnant",),  # read by the pregnancy rule
    ),
)

PACKS = (
    Pack(
        code="pl",
        jurisdiction="PL",
        name="Poland",
        version="2026-07-01",
        effective_from=PACK_FROM,
        effective_to=None,
        currency="PLN",
        rules=RULES,
        national=True,
        confidence=Confidence.HIGH,
        confidence_notes=(
            "The limits of 33 months and 3 contracts, conversion by law, and the extension to the day of "
            "birth (Art 25¹, Art 177 §3): high.",
            "Whether gaps between contracts break the count is disputed (RULES.md §20.9); the pack counts "
            "every contract, leaves gaps out of the months, and lowers confidence to medium when there are "
            "gaps.",
            "An objective reason not notified to the labour inspectorate: the consequence is not settled in "
            "the sources used (medium).",
        ),
        not_covered=(
            "Whether a stated exception (substitution, casual or seasonal work, a term of office, an "
            "objective reason) is genuine; exception contracts are left out of the count as stated.",
            "The transitional rules for contracts running on 2016-02-22: earlier contracts are counted like "
            "the others, at medium confidence.",
            "The end of the third month of pregnancy is an input (pregnancy_month_3_ends, 28-day months), "
            "not computed from the pregnancy's start.",
            "Probation limits (Art 25 §2: 1, 2 or 3 months by the length of the contract that follows) are "
            "not checked; probation contracts are only left out of the count.",
            "Early termination and its Art 36 notice periods, and severance pay on redundancy dismissals, "
            "are out of scope.",
            "Decisions before 2016-02-22 (the rules before Art 25¹).",
            "Regions: none; the Labour Code is national.",
        ),
    ),
)
