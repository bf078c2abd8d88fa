"""France: expiry and renewal of fixed-term contracts (CDD) under the Labour Code (Code du travail).

Sources: Labour Code L1242-1, L1242-2 (permitted reasons), L1242-8 (maximum duration), L1243-13 (renewals),
L1243-8 and L1243-10 (end-of-contract indemnity, IFC), L1243-11 (work after the term), L1244-3 and L1244-4
(waiting period), L1245-1 and L1245-2 (reclassification), with the statutory figures that apply since the
2017 ordinances when no extended sector agreement sets others; as summarised in RULES.md §6 and §20.3.

What the pack reads from the request:

- ``contracts``: the current contract and the adjacent fixed-term contracts before it that state the same
  ``objective_reason`` are one CDD and its renewals (adjacent: the next starts the day after the previous
  ends). An earlier fixed-term contract with a gap or another reason is a previous CDD, for the waiting
  period.
- ``contracts[].objective_reason``: the reason for using a CDD, recognised by keywords in French or English
  (temporary increase in activity / accroissement, replacement / remplacement, seasonal / saisonnier, usage,
  waiting for a new hire / attente, job abroad / étranger, post abolished / suppression, senior, defined
  object / objet défini). Null means the reason is not recorded: the default limits are applied at medium
  confidence, as they are for an unrecognised reason.
- ``pay.total_gross_pay_over_contracts``: the total gross pay over the current CDD and its renewals (base
  of the IFC); ``pay.monthly_wage``: the monthly salary (the reclassification indemnity is at least one).
- ``statuses``: ``student_on_vacation`` (no IFC), ``pregnant``, ``maternity_leave`` (do not stop expiry),
  ``union_representative`` (labour-inspector procedure, medium); other kinds are reported as not
  considered.
- ``facts``: ``sector_agreement_overrides_defaults``, ``seasonal_work``, ``substitution_contract``,
  ``extensions_agreed_before_expiry_terms_unchanged`` (renewals agreed in writing before the term ended),
  ``continued_working_after_expiry_days`` with ``new_contract_signed`` (L1243-11),
  ``employee_refused_offer`` with ``offered_contract_type`` and ``decision.offer`` (IFC),
  ``labour_inspectorate_notified``, ``proposed_contract_objective_reason`` (a renewal's reason).
- ``decision``: a ``renew_fixed_term`` dated the day after expiry is a renewal; a later date is a new CDD,
  subject to the waiting period. ``new_end_date`` is the proposed last day.

No notice is due before the end of a CDD with a fixed end date, so ``last_notice_date`` is null. No
regional variants.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import Schedule, constant
from keepwell.law.reading import folded, matching_kind
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, Outcome, Rule, StatusScopeRule, format_decimal
from keepwell.law.service import ONE_DAY, adjacent, chain_start, day_count, period_last_day
from keepwell.law.types import Action, Confidence, Contract, Damages, Field, Offer, Severance, Severity

# The 2017 ordinances (published 2017-09-23) let extended sector agreements set durations, renewals and the
# waiting period; the statutory defaults below apply without such an agreement.
PACK_FROM = date(2017, 9, 24)

# --- Dated parameters ------------------------------------------------------------------------------------

DEFAULT_MAX_MONTHS = constant("fr.default_max_months", PACK_FROM, 18, citation="C. trav. L1242-8")
WAITING_FOR_HIRE_MAX_MONTHS = constant(
    "fr.waiting_for_hire_max_months", PACK_FROM, 9, citation="C. trav. L1242-8"
)
LONG_CASES_MAX_MONTHS = constant("fr.long_cases_max_months", PACK_FROM, 24, citation="C. trav. L1242-8")
MAX_RENEWALS = constant("fr.max_renewals", PACK_FROM, 2, citation="C. trav. L1243-13")
INDEMNITY_RATE = constant(
    "fr.end_of_contract_indemnity_rate", PACK_FROM, Decimal("0.10"), citation="C. trav. L1243-8"
)
# The rate a collective agreement may set where it gives access to training (stated, not applied).
AGREEMENT_INDEMNITY_RATE = constant(
    "fr.agreement_indemnity_rate", PACK_FROM, Decimal("0.06"), citation="C. trav. L1243-8"
)
RECLASSIFICATION_MIN_MONTHS = constant(
    "fr.reclassification_indemnity_min_months", PACK_FROM, Decimal(1), citation="C. trav. L1245-2"
)
# The waiting period is a share of the contract's total days: 1/3 from this many days on, 1/2 below.
WAITING_LONG_FROM_DAYS = constant("fr.waiting_long_from_days", PACK_FROM, 14, citation="C. trav. L1244-3")
WAITING_SHARE_LONG = constant("fr.waiting_share_long", PACK_FROM, Fraction(1, 3), citation="C. trav. L1244-3")
WAITING_SHARE_SHORT = constant(
    "fr.waiting_share_short", PACK_FROM, Fraction(1, 2), citation="C. trav. L1244-3"
)


class ReasonKind(StrEnum):
    """The permitted reasons of L1242-2 the pack tells apart (codes used in finding params)."""

    ACTIVITY_INCREASE = "activity_increase"
    REPLACEMENT = "replacement"
    WAITING_FOR_HIRE = "waiting_for_hire"
    POST_ABOLITION = "post_abolition"
    ABROAD = "abroad"
    SEASONAL = "seasonal"
    USAGE = "usage"
    SENIOR = "senior"
    DEFINED_OBJECT = "defined_object"
    UNRECOGNISED = "unrecognised"
    NOT_RECORDED = "not_recorded"


# Checked in order: the replacement sub-cases before replacement itself.
REASON_KEYWORDS: tuple[tuple[ReasonKind, tuple[str, ...]], ...] = (
    (ReasonKind.WAITING_FOR_HIRE, ("attente", "waiting for", "pending the arrival")),
    (ReasonKind.POST_ABOLITION, ("suppression", "abolition", "abolished")),
    (ReasonKind.REPLACEMENT, ("remplacement", "replac", "absent", "substitut")),
    (ReasonKind.SEASONAL, ("saison", "seasonal")),
    (ReasonKind.USAGE, ("usage", "customary")),
    (ReasonKind.ABROAD, ("etranger", "abroad")),
    (ReasonKind.SENIOR, ("senior",)),
    (ReasonKind.DEFINED_OBJECT, ("objet defini", "defined object", "defined mission")),
    (
        ReasonKind.ACTIVITY_INCREASE,
        ("accroissement", "surcroit", "increase in activity", "activity increase"),
    ),
)
MAX_MONTHS: dict[ReasonKind, Schedule[int]] = {
    ReasonKind.ACTIVITY_INCREASE: DEFAULT_MAX_MONTHS,
    ReasonKind.REPLACEMENT: DEFAULT_MAX_MONTHS,
    ReasonKind.WAITING_FOR_HIRE: WAITING_FOR_HIRE_MAX_MONTHS,
    ReasonKind.POST_ABOLITION: LONG_CASES_MAX_MONTHS,
    ReasonKind.ABROAD: LONG_CASES_MAX_MONTHS,
    ReasonKind.UNRECOGNISED: DEFAULT_MAX_MONTHS,
    ReasonKind.NOT_RECORDED: DEFAULT_MAX_MONTHS,
}
# Seasonal and usage contracts, senior-worker and defined-object CDDs follow their own limits (the season,
# decrees, agreements), which the pack does not check.
UNCHECKED_KINDS = frozenset(
    {ReasonKind.SEASONAL, ReasonKind.USAGE, ReasonKind.SENIOR, ReasonKind.DEFINED_OBJECT}
)
NO_INDEMNITY_KINDS = frozenset({ReasonKind.SEASONAL, ReasonKind.USAGE})
NO_WAITING_KINDS = frozenset({ReasonKind.REPLACEMENT, ReasonKind.SEASONAL, ReasonKind.USAGE})
DEFAULTED_KINDS = frozenset({ReasonKind.UNRECOGNISED, ReasonKind.NOT_RECORDED})

# --- Messages (English templates, translated through the catalogues) ---------------------------------

REASON_RECOGNISED = gettext_noop("The reason for the CDD is read as %(kind)s.")
REASON_NOT_RECORDED = gettext_noop(
    "The reason for the CDD is not recorded. A CDD is lawful only for a permitted temporary reason stated "
    "in the contract; the default limits (%(max_months)s months, %(max_renewals)s renewals) were applied."
)
REASON_NOT_RECOGNISED = gettext_noop(
    "The reason for the CDD was not recognised; the default limits (%(max_months)s months, "
    "%(max_renewals)s renewals) were applied. Check that it is a permitted temporary reason."
)
WITHIN_LIMITS = Plural(
    "renewals",
    one=gettext_noop(
        "The CDD runs from %(start)s to %(expiry)s with %(renewals)s renewal: within %(max_months)s "
        "months (last allowed day %(limit)s) and %(max_renewals)s renewals."
    ),
    other=gettext_noop(
        "The CDD runs from %(start)s to %(expiry)s with %(renewals)s renewals: within %(max_months)s "
        "months (last allowed day %(limit)s) and %(max_renewals)s renewals."
    ),
)
DURATION_NOT_CHECKED = gettext_noop(
    "For a CDD of kind %(kind)s the maximum duration depends on the season, a decree or an agreement and "
    "was not checked; at most %(max_renewals)s renewals apply (%(renewals)s used)."
)
SECTOR_AGREEMENT = gettext_noop(
    "An extended sector agreement sets the maximum duration, renewals and waiting period; the statutory "
    "defaults do not apply, so the limits were not checked."
)
DURATION_EXCEEDED = gettext_noop(
    "contracts[%(index)s], starting %(start)s, runs to %(end)s, past the last allowed day %(limit)s "
    "(%(max_months)s months from %(first_start)s): the CDD is deemed open-ended (CDI) from %(start)s."
)
TOO_MANY_RENEWALS = gettext_noop(
    "contracts[%(index)s], starting %(start)s, is renewal number %(number)s; at most %(max_renewals)s are "
    "allowed: the CDD is deemed open-ended (CDI) from %(start)s."
)
RENEWAL_NOT_AGREED = gettext_noop(
    "A renewal was not agreed in writing before the term ended (by a clause or a signed amendment): the "
    "employee worked on without a valid CDD, which makes the contract open-ended. Which renewal was at fault "
    "is not recorded, so the date is unknown."
)
RENEWAL_AGREEMENT_UNCONFIRMED = Plural(
    "renewals",
    one=gettext_noop(
        "The %(renewals)s renewal needs a renewal clause in the contract or an amendment signed before "
        "the term ended; otherwise the contract is open-ended. Record "
        "extensions_agreed_before_expiry_terms_unchanged."
    ),
    other=gettext_noop(
        "Each of the %(renewals)s renewals needs a renewal clause in the contract or an amendment "
        "signed before the term ended; otherwise the contract is open-ended. Record "
        "extensions_agreed_before_expiry_terms_unchanged."
    ),
)
LIMITS_REACHED = gettext_noop(
    "No renewal is left (%(renewals)s of %(max_renewals)s used, last allowed day %(limit)s): continuing on "
    "the same post needs a CDI, or a new CDD after the waiting period or under an exception."
)
WAITING_PERIOD_BREACHED = Plural(
    "gap",
    one=Plural(
        "days",
        one=gettext_noop(
            "contracts[%(index)s] starts %(gap)s day after the previous CDD ended on %(previous_end)s; "
            "a new CDD on the same post must wait %(days)s day on which the establishment is open "
            "(%(share)s of its length in days, %(total_days)s). If it is the same post, the new CDD is "
            "deemed open-ended (CDI) from %(start)s."
        ),
        other=gettext_noop(
            "contracts[%(index)s] starts %(gap)s day after the previous CDD ended on %(previous_end)s; "
            "a new CDD on the same post must wait %(days)s days on which the establishment is open "
            "(%(share)s of its length in days, %(total_days)s). If it is the same post, the new CDD is "
            "deemed open-ended (CDI) from %(start)s."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "contracts[%(index)s] starts %(gap)s days after the previous CDD ended on "
            "%(previous_end)s; a new CDD on the same post must wait %(days)s day on which the "
            "establishment is open (%(share)s of its length in days, %(total_days)s). If it is the "
            "same post, the new CDD is deemed open-ended (CDI) from %(start)s."
        ),
        other=gettext_noop(
            "contracts[%(index)s] starts %(gap)s days after the previous CDD ended on "
            "%(previous_end)s; a new CDD on the same post must wait %(days)s days on which the "
            "establishment is open (%(share)s of its length in days, %(total_days)s). If it is the "
            "same post, the new CDD is deemed open-ended (CDI) from %(start)s."
        ),
    ),
)
WAITING_PERIOD_OPEN_DAYS = Plural(
    "gap",
    one=Plural(
        "days",
        one=gettext_noop(
            "contracts[%(index)s] starts %(gap)s calendar day after the previous CDD; the waiting "
            "period on the same post is %(days)s day on which the establishment is open: check that "
            "the gap had that many."
        ),
        other=gettext_noop(
            "contracts[%(index)s] starts %(gap)s calendar day after the previous CDD; the waiting "
            "period on the same post is %(days)s days on which the establishment is open: check that "
            "the gap had that many."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "contracts[%(index)s] starts %(gap)s calendar days after the previous CDD; the waiting "
            "period on the same post is %(days)s day on which the establishment is open: check that "
            "the gap had that many."
        ),
        other=gettext_noop(
            "contracts[%(index)s] starts %(gap)s calendar days after the previous CDD; the waiting "
            "period on the same post is %(days)s days on which the establishment is open: check that "
            "the gap had that many."
        ),
    ),
)
WAITING_PERIOD_AFTER = Plural(
    "days",
    one=gettext_noop(
        "A new CDD on the same post may start only after %(days)s day on which the establishment is "
        "open (%(share)s of the length in days of this CDD and its renewals, %(total_days)s), unless "
        "an exception applies (replacement, seasonal or usage work, an employee who refused a "
        "renewal)."
    ),
    other=gettext_noop(
        "A new CDD on the same post may start only after %(days)s days on which the establishment is "
        "open (%(share)s of the length in days of this CDD and its renewals, %(total_days)s), unless "
        "an exception applies (replacement, seasonal or usage work, an employee who refused a "
        "renewal)."
    ),
)
CONTINUED_WORK = Plural(
    "days",
    one=gettext_noop(
        "The employee worked %(days)s day after the term without a new contract: the contract became "
        "open-ended (CDI) from %(from_date)s."
    ),
    other=gettext_noop(
        "The employee worked %(days)s days after the term without a new contract: the contract became "
        "open-ended (CDI) from %(from_date)s."
    ),
)
INDEMNITY = gettext_noop(
    "The end-of-contract indemnity (IFC) is %(amount)s %(currency)s: %(basis)s. Paid-leave compensation "
    "for untaken leave is owed separately."
)
INDEMNITY_PAY_UNKNOWN = gettext_noop(
    "The end-of-contract indemnity (IFC) is %(rate)s%% of the total gross pay over the CDD and its "
    "renewals; give total_gross_pay_over_contracts to compute it."
)
INDEMNITY_LOWER_RATE = gettext_noop(
    "A collective agreement may lower the rate to %(rate)s%% where it gives access to training; the "
    "statutory rate was applied."
)
NO_INDEMNITY_KIND = gettext_noop("No end-of-contract indemnity is due for a CDD of kind %(kind)s.")
NO_INDEMNITY_STUDENT = gettext_noop(
    "No end-of-contract indemnity is due to a young person working during school or university holidays."
)
NO_INDEMNITY_REFUSED_CDI = gettext_noop(
    "The employee refused an open-ended contract (CDI) for the same or a similar job at least as well paid: "
    "no end-of-contract indemnity is due."
)
REFUSED_LOWER_OFFER = gettext_noop(
    "The employee refused a less favourable offer; that does not remove the end-of-contract indemnity."
)
REFUSED_OFFER_TYPE_UNKNOWN = gettext_noop(
    "The employee refused an offer on the same or better terms: if it was a CDI for the same or a similar "
    "job, no indemnity is due. Record offered_contract_type."
)
NO_INDEMNITY_CDI = gettext_noop(
    "No end-of-contract indemnity is due when the CDD continues as an open-ended contract."
)
RECLASSIFIED = gettext_noop(
    "The contract is deemed open-ended (CDI): ending it on %(expiry)s is a dismissal, with the dismissal "
    "rules and remedies, and a reclassification indemnity of at least %(months)s month's salary is owed."
)
RECLASSIFICATION_RISK = gettext_noop(
    "If the contract is reclassified as open-ended (CDI), ending it is a dismissal and a reclassification "
    "indemnity of at least %(months)s month's salary is owed."
)
ENDS_AT_TERM = gettext_noop("The CDD ends on its term %(expiry)s; nothing in the facts given stops that.")
NO_NOTICE = gettext_noop(
    "No notice is needed before the end of a CDD with a fixed end date (notice applies only to breaking a "
    "probation or ending early)."
)
OPEN_ENDED_RENEWAL = gettext_noop("Continuing with an open-ended contract (CDI) meets the Labour Code.")
ALREADY_OPEN_ENDED = gettext_noop(
    "The contract is already deemed open-ended (CDI), so another fixed term cannot be agreed."
)
RENEWAL_WITHIN_LIMITS = gettext_noop(
    "Renewing to %(new_end)s is renewal number %(number)s, within the limits (last allowed day %(limit)s). "
    "It needs a renewal clause or an amendment signed before %(expiry)s."
)
RENEWAL_OVER_LIMITS = gettext_noop(
    "Renewing to %(new_end)s would be renewal number %(number)s; the limits are %(max_renewals)s renewals "
    "and the last allowed day %(limit)s, so the contract would be deemed open-ended."
)
RENEWAL_COUNT_ONLY = gettext_noop(
    "Renewing to %(new_end)s is renewal number %(number)s of at most %(max_renewals)s; the maximum duration "
    "for kind %(kind)s was not checked."
)
NEW_CDD_TOO_LONG = gettext_noop(
    "The new CDD to %(new_end)s would exceed %(max_months)s months (last allowed day %(limit)s)."
)
NEW_CDD_AFTER_WAITING = Plural(
    "gap",
    one=Plural(
        "days",
        one=gettext_noop(
            "A new CDD from %(start)s comes %(gap)s calendar day after this one; the waiting period on "
            "the same post is %(days)s day on which the establishment is open. Check the open days."
        ),
        other=gettext_noop(
            "A new CDD from %(start)s comes %(gap)s calendar day after this one; the waiting period on "
            "the same post is %(days)s days on which the establishment is open. Check the open days."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "A new CDD from %(start)s comes %(gap)s calendar days after this one; the waiting period "
            "on the same post is %(days)s day on which the establishment is open. Check the open days."
        ),
        other=gettext_noop(
            "A new CDD from %(start)s comes %(gap)s calendar days after this one; the waiting period "
            "on the same post is %(days)s days on which the establishment is open. Check the open "
            "days."
        ),
    ),
)
NEW_CDD_EXCEPTION = gettext_noop("A new CDD of kind %(kind)s needs no waiting period.")
NEW_CDD_TOO_SOON = Plural(
    "gap",
    one=Plural(
        "days",
        one=gettext_noop(
            "A new CDD from %(start)s comes only %(gap)s day after this one; on the same post it must "
            "wait %(days)s day on which the establishment is open, or it is deemed open-ended. On "
            "another post it is lawful."
        ),
        other=gettext_noop(
            "A new CDD from %(start)s comes only %(gap)s day after this one; on the same post it must "
            "wait %(days)s days on which the establishment is open, or it is deemed open-ended. On "
            "another post it is lawful."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "A new CDD from %(start)s comes only %(gap)s days after this one; on the same post it must "
            "wait %(days)s day on which the establishment is open, or it is deemed open-ended. On "
            "another post it is lawful."
        ),
        other=gettext_noop(
            "A new CDD from %(start)s comes only %(gap)s days after this one; on the same post it must "
            "wait %(days)s days on which the establishment is open, or it is deemed open-ended. On "
            "another post it is lawful."
        ),
    ),
)
NEW_END_DATE_NEEDED = gettext_noop(
    "Give decision.new_end_date to check the proposed term against the limits."
)
STATUS_DOES_NOT_BLOCK = gettext_noop("Status %(kind)s does not stop a CDD from ending on %(expiry)s.")
REPRESENTATIVE_PROCEDURE = gettext_noop(
    "A staff representative on a CDD is covered by a labour-inspector procedure before the term ends; "
    "check it was followed (recalled from the statute, not verified in the sources used)."
)
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the France rule pack.")


# --- Shared computations --------------------------------------------------------------------------------


def reason_kind(reason: str | None) -> ReasonKind:
    """The permitted reason a free-text ``objective_reason`` names."""
    if reason is None:
        return ReasonKind.NOT_RECORDED
    kind = matching_kind(folded(reason), REASON_KEYWORDS)
    return ReasonKind.UNRECOGNISED if kind is None else kind


def same_reason(first: str | None, second: str | None) -> bool:
    return (first and folded(first).strip()) == (second and folded(second).strip())


@dataclass(frozen=True)
class Cdd:
    """The current CDD: its first entry and renewals, its reason and its limits."""

    first_index: int
    contracts: tuple[Contract, ...]
    kind: ReasonKind
    max_months: int | None
    limit: date | None

    @property
    def start(self) -> date:
        return self.contracts[0].start

    @property
    def renewals(self) -> int:
        return len(self.contracts) - 1

    def contract_end(self, index: int) -> date:
        end = self.contracts[index].end
        assert end is not None  # parsing refuses a fixed-term contract without an end
        return end

    @property
    def total_days(self) -> int:
        return day_count(self.start, self.contract_end(len(self.contracts) - 1))


def current_cdd(case: Case) -> Cdd:
    """The trailing run of adjacent fixed-term contracts with the current contract's reason."""
    contracts = case.employee.contracts
    reason = case.current_contract.objective_reason
    first = chain_start(
        contracts,
        lambda previous, following: (
            previous.is_fixed_term
            and adjacent(previous, following)
            and same_reason(previous.objective_reason, reason)
        ),
    )
    kind = kind_of(case, reason)
    schedule = MAX_MONTHS.get(kind)
    max_months = None if schedule is None else schedule.at(case.on)
    start = contracts[first].start
    return Cdd(
        first_index=first,
        contracts=contracts[first:],
        kind=kind,
        max_months=max_months,
        limit=None if max_months is None else period_last_day(start, max_months),
    )


def kind_of(case: Case, reason: str | None) -> ReasonKind:
    """The reason's kind, with the seasonal and substitution facts taking precedence over the text."""
    kind = reason_kind(reason)
    if case.facts.boolean("seasonal_work") is True:
        return ReasonKind.SEASONAL
    if case.facts.boolean("substitution_contract") is True and kind not in (
        ReasonKind.WAITING_FOR_HIRE,
        ReasonKind.POST_ABOLITION,
    ):
        return ReasonKind.REPLACEMENT
    return kind


def waiting_days(total_days: int, on: date) -> tuple[int, Fraction]:
    """L1244-3: the waiting period in open days (rounded up) and the share of ``total_days`` it is."""
    share = (
        WAITING_SHARE_LONG.at(on)
        if total_days >= WAITING_LONG_FROM_DAYS.at(on)
        else WAITING_SHARE_SHORT.at(on)
    )
    return math.ceil(total_days * share), share


def share_text(share: Fraction) -> str:
    return f"{share.numerator}/{share.denominator}"


def sector_agreement(case: Case) -> bool:
    return case.facts.boolean("sector_agreement_overrides_defaults") is True


# --- Rules ----------------------------------------------------------------------------------------------


class ReasonRule(Rule):
    """L1242-2: a CDD only for a permitted temporary reason; says how the stated reason was read."""

    code = "fr.ctrav.l1242_2"
    citation = "C. trav. L1242-2"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        cdd = current_cdd(case)
        on = case.on
        if cdd.kind is ReasonKind.NOT_RECORDED:
            message, code = REASON_NOT_RECORDED, "fr.ctrav.l1242_2.reason_not_recorded"
        elif cdd.kind is ReasonKind.UNRECOGNISED:
            message, code = REASON_NOT_RECOGNISED, "fr.ctrav.l1242_2.reason_not_recognised"
        else:
            yield self.finding(
                "fr.ctrav.l1242_2.reason", Severity.INFO, REASON_RECOGNISED, kind=cdd.kind.value
            )
            return
        yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
        yield self.finding(
            code,
            Severity.SHOULD,
            message,
            max_months=DEFAULT_MAX_MONTHS.at(on),
            max_renewals=MAX_RENEWALS.at(on),
        )


class LimitsRule(Rule):
    """L1242-8 and L1243-13: at most 18 months (9 or 24 in some cases) and 2 renewals; L1245-1 if exceeded."""

    code = "fr.ctrav.l1242_8"
    citation = "C. trav. L1242-8, L1243-13"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if sector_agreement(case):
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None)
            yield self.finding("fr.ctrav.l1242_8.sector_agreement", Severity.SHOULD, SECTOR_AGREEMENT)
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
            return
        cdd = current_cdd(case)
        max_renewals = MAX_RENEWALS.at(case.on)
        starts: list[date] = []
        findings: list[Outcome] = []
        if cdd.renewals > max_renewals:
            number = max_renewals + 1
            contract = cdd.contracts[number]
            starts.append(contract.start)
            findings.append(
                self.finding(
                    "fr.ctrav.l1243_13.too_many_renewals",
                    Severity.MUST,
                    TOO_MANY_RENEWALS,
                    citation="C. trav. L1243-13, L1245-1",
                    index=cdd.first_index + number,
                    start=contract.start,
                    number=number,
                    max_renewals=max_renewals,
                )
            )
        over = next(
            (
                index
                for index, contract in enumerate(cdd.contracts)
                if cdd.limit is not None and contract.end is not None and contract.end > cdd.limit
            ),
            None,
        )
        if over is not None and cdd.limit is not None and cdd.max_months is not None:
            contract = cdd.contracts[over]
            starts.append(contract.start)
            findings.append(
                self.finding(
                    "fr.ctrav.l1242_8.duration_exceeded",
                    Severity.MUST,
                    DURATION_EXCEEDED,
                    citation="C. trav. L1242-8, L1245-1",
                    index=cdd.first_index + over,
                    start=contract.start,
                    end=cdd.contract_end(over),
                    limit=cdd.limit,
                    max_months=cdd.max_months,
                    first_start=cdd.start,
                )
            )
        agreed = case.facts.boolean("extensions_agreed_before_expiry_terms_unchanged")
        if cdd.renewals and agreed is False:
            findings.append(
                self.finding(
                    "fr.ctrav.l1243_13.renewal_not_agreed",
                    Severity.MUST,
                    RENEWAL_NOT_AGREED,
                    citation="C. trav. L1243-13, L1243-11",
                )
            )
        if findings:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
            if starts:
                yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, min(starts))
            yield from findings
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
        yield from self._within(case, cdd, max_renewals)
        if cdd.renewals and agreed is None:
            yield self.finding(
                "fr.ctrav.l1243_13.renewal_agreement_unconfirmed",
                Severity.SHOULD,
                RENEWAL_AGREEMENT_UNCONFIRMED,
                citation="C. trav. L1243-13",
                renewals=cdd.renewals,
            )

    def _within(self, case: Case, cdd: Cdd, max_renewals: int) -> Iterator[Outcome]:
        expiry = case.expiry
        defaulted = Confidence.MEDIUM if cdd.kind in DEFAULTED_KINDS else None
        if cdd.limit is None or cdd.max_months is None:
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
            yield self.finding(
                "fr.ctrav.l1242_8.duration_not_checked",
                Severity.SHOULD,
                DURATION_NOT_CHECKED,
                kind=cdd.kind.value,
                max_renewals=max_renewals,
                renewals=cdd.renewals,
            )
            room = cdd.renewals < max_renewals
        else:
            yield self.finding(
                "fr.ctrav.l1242_8.within_limits",
                Severity.INFO,
                WITHIN_LIMITS,
                start=cdd.start,
                expiry=expiry,
                renewals=cdd.renewals,
                max_months=cdd.max_months,
                limit=cdd.limit,
                max_renewals=max_renewals,
            )
            room = cdd.renewals < max_renewals and expiry < cdd.limit
        if room:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False, defaulted)
            return
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, None)
        if cdd.limit is not None:
            yield self.finding(
                "fr.ctrav.l1243_13.limits_reached",
                Severity.INFO,
                LIMITS_REACHED,
                citation="C. trav. L1243-13, L1244-3",
                renewals=cdd.renewals,
                max_renewals=max_renewals,
                limit=cdd.limit,
            )


class WaitingPeriodRule(Rule):
    """L1244-3 and L1244-4: the waiting period between two CDDs on the same post (open days)."""

    code = "fr.ctrav.l1244_3"
    citation = "C. trav. L1244-3"
    effective_from = PACK_FROM
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if sector_agreement(case):
            return
        cdd = current_cdd(case)
        yield from self._before(case, cdd)
        if case.decision.action is Action.NOT_RENEW and cdd.kind not in NO_WAITING_KINDS:
            days, share = waiting_days(cdd.total_days, case.on)
            yield self.finding(
                "fr.ctrav.l1244_3.waiting_period_after",
                Severity.INFO,
                WAITING_PERIOD_AFTER,
                days=days,
                share=share_text(share),
                total_days=cdd.total_days,
            )

    def _before(self, case: Case, cdd: Cdd) -> Iterator[Outcome]:
        """The CDD before the current one, if any, and whether the gap respected the waiting period."""
        contracts = case.employee.contracts
        if cdd.first_index == 0 or cdd.kind in NO_WAITING_KINDS:
            return
        previous = contracts[cdd.first_index - 1]
        if not previous.is_fixed_term or previous.end is None:
            return
        first = chain_start(
            contracts,
            lambda earlier, following: (
                adjacent(earlier, following)
                and same_reason(earlier.objective_reason, previous.objective_reason)
            ),
            last=cdd.first_index - 1,
        )
        total_days = day_count(contracts[first].start, previous.end)
        days, share = waiting_days(total_days, case.on)
        gap = (cdd.start - previous.end).days - 1
        if gap >= days:
            yield self.finding(
                "fr.ctrav.l1244_3.check_open_days",
                Severity.SHOULD,
                WAITING_PERIOD_OPEN_DAYS,
                index=cdd.first_index,
                gap=gap,
                days=days,
            )
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, None)
        yield self.finding(
            "fr.ctrav.l1244_3.waiting_period_not_respected",
            Severity.MUST,
            WAITING_PERIOD_BREACHED,
            citation="C. trav. L1244-3, L1245-1",
            index=cdd.first_index,
            gap=gap,
            previous_end=previous.end,
            days=days,
            share=share_text(share),
            total_days=total_days,
            start=cdd.start,
        )


class ContinuedWorkRule(Rule):
    """L1243-11: working on after the term without a new contract makes the contract open-ended."""

    code = "fr.ctrav.l1243_11"
    citation = "C. trav. L1243-11"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        days = case.facts.count("continued_working_after_expiry_days")
        if not days or case.facts.boolean("new_contract_signed") is True:
            return
        from_date = case.expiry + ONE_DAY
        yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
        yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, from_date)
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
        yield self.finding(
            "fr.ctrav.l1243_11.continued_work", Severity.MUST, CONTINUED_WORK, days=days, from_date=from_date
        )


class IndemnityRule(Rule):
    """L1243-8 and L1243-10: the end-of-contract indemnity (IFC), 10% of the total gross pay, and its
    exceptions."""

    code = "fr.ctrav.l1243_8"
    citation = "C. trav. L1243-8"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        action = case.decision.action
        if action is Action.RENEW_OPEN_ENDED:
            yield self.finding(
                "fr.ctrav.l1243_10.not_due_cdi", Severity.INFO, NO_INDEMNITY_CDI, citation="C. trav. L1243-10"
            )
        if action is not Action.NOT_RENEW:
            return
        cdd = current_cdd(case)
        if cdd.kind in NO_INDEMNITY_KINDS:
            yield self.finding(
                "fr.ctrav.l1243_10.not_due_for_kind",
                Severity.INFO,
                NO_INDEMNITY_KIND,
                citation="C. trav. L1243-10",
                kind=cdd.kind.value,
            )
            return
        if any(
            status.kind == "student_on_vacation" and status.active_on(case.expiry)
            for status in case.employee.statuses
        ):
            yield self.finding(
                "fr.ctrav.l1243_10.not_due_student_holidays",
                Severity.INFO,
                NO_INDEMNITY_STUDENT,
                citation="C. trav. L1243-10",
            )
            return
        yield from self._offer(case, cdd)

    def _offer(self, case: Case, cdd: Cdd) -> Iterator[Outcome]:
        refused = case.facts.boolean("employee_refused_offer") is True
        offered = case.facts.choice("offered_contract_type", ("fixed_term", "open_ended"))
        offer = case.decision.offer
        if refused and offer is Offer.SAME_OR_BETTER and offered == "open_ended":
            basis = "open-ended contract at least as well paid offered and refused by the employee"
            yield self.conclude(
                Field.SEVERANCE, Severance(case.money(Decimal(0)), case.currency, None, basis)
            )
            yield self.finding(
                "fr.ctrav.l1243_10.refused_cdi",
                Severity.INFO,
                NO_INDEMNITY_REFUSED_CDI,
                citation="C. trav. L1243-10",
            )
            return
        yield from self._amount(case, cdd)
        if refused and offer is Offer.WORSE:
            yield self.finding(
                "fr.ctrav.l1243_10.refused_lower_offer",
                Severity.INFO,
                REFUSED_LOWER_OFFER,
                citation="C. trav. L1243-10",
            )
        elif refused and offer is Offer.SAME_OR_BETTER and offered is None:
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
            yield self.finding(
                "fr.ctrav.l1243_10.offer_type_unknown",
                Severity.SHOULD,
                REFUSED_OFFER_TYPE_UNKNOWN,
                citation="C. trav. L1243-10",
            )

    def _amount(self, case: Case, cdd: Cdd) -> Iterator[Outcome]:
        rate = INDEMNITY_RATE.at(case.on)
        percent = format_decimal(rate * 100)
        total = case.employee.pay.total_gross_pay_over_contracts
        renewals = {0: "", 1: " and its renewal"}.get(cdd.renewals, f" and its {cdd.renewals} renewals")
        if total is None:
            basis = f"{percent}% × total gross pay over the CDD{renewals} (unknown)"
            yield self.conclude(Field.SEVERANCE, Severance(None, case.currency, None, basis))
            yield self.finding(
                "fr.ctrav.l1243_8.total_pay_unknown", Severity.SHOULD, INDEMNITY_PAY_UNKNOWN, rate=percent
            )
        else:
            amount = case.money(total * rate)
            basis = f"{percent}% × {format_decimal(total)} total gross pay over the CDD{renewals}"
            yield self.conclude(Field.SEVERANCE, Severance(amount, case.currency, None, basis))
            yield self.finding(
                "fr.ctrav.l1243_8.indemnity",
                Severity.MUST,
                INDEMNITY,
                amount=format(amount, "f"),
                currency=case.currency,
                basis=basis,
            )
        yield self.finding(
            "fr.ctrav.l1243_8.lower_rate_by_agreement",
            Severity.INFO,
            INDEMNITY_LOWER_RATE,
            rate=format_decimal(AGREEMENT_INDEMNITY_RATE.at(case.on) * 100),
        )


class EndingRule(Rule):
    """L1245-1 and L1245-2: a CDD deemed open-ended cannot simply end; the reclassification indemnity."""

    code = "fr.ctrav.l1245_1"
    citation = "C. trav. L1245-1, L1245-2"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        action, expiry = case.decision.action, case.expiry
        if action is Action.RENEW_OPEN_ENDED:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding("fr.ctrav.open_ended_renewal", Severity.INFO, OPEN_ENDED_RENEWAL)
        if action is not Action.NOT_RENEW:
            return
        converted = case.conclusions.get(Field.AUTOMATIC_CONVERSION)
        months = RECLASSIFICATION_MIN_MONTHS.at(case.on)
        if not case.concluded(Field.AUTOMATIC_CONVERSION):
            converted = False
        if converted is True:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
            yield self._damages(case, months)
            yield self.finding(
                "fr.ctrav.l1245_1.reclassified",
                Severity.MUST,
                RECLASSIFIED,
                expiry=expiry,
                months=months,
            )
        elif converted is None:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self._damages(case, months)
            yield self.finding(
                "fr.ctrav.l1245_1.reclassification_risk",
                Severity.SHOULD,
                RECLASSIFICATION_RISK,
                months=months,
            )
        elif not case.concluded(Field.NON_RENEWAL_LAWFUL):
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.finding(
                "fr.ctrav.l1242_8.ends_at_term",
                Severity.INFO,
                ENDS_AT_TERM,
                citation="C. trav. L1242-8, L1243-13",
                expiry=expiry,
            )

    def _damages(self, case: Case, months: Decimal) -> Outcome:
        wage = case.employee.pay.monthly_wage
        factor = format_decimal(months)
        tail = "reclassification indemnity, L1245-2; dismissal remedies not included"
        if wage is None:
            return self.conclude(
                Field.DAMAGES_IF_UNLAWFUL,
                Damages(None, case.currency, f"at least {factor} × monthly salary (unknown) ({tail})"),
            )
        amount = case.money(wage * months)
        basis = f"at least {factor} × {format_decimal(wage)} monthly salary ({tail})"
        return self.conclude(Field.DAMAGES_IF_UNLAWFUL, Damages(amount, case.currency, basis))


class NoticeRule(Rule):
    """No notice before the end of a CDD with a fixed end date (RULES.md §6)."""

    code = "fr.notice"
    citation = "C. trav. (CDD with a fixed end date)"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        yield self.conclude(Field.LAST_NOTICE_DATE, None)
        yield self.finding("fr.notice.none_for_fixed_end", Severity.INFO, NO_NOTICE)


class RenewalRule(Rule):
    """L1243-13 and L1244-3: a renewal within the limits, or a new CDD after the waiting period."""

    code = "fr.ctrav.l1243_13"
    citation = "C. trav. L1243-13"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        decision = case.decision
        if decision.action is not Action.RENEW_FIXED_TERM:
            return
        if case.conclusions.get(Field.AUTOMATIC_CONVERSION) is True:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
            yield self.finding(
                "fr.ctrav.l1245_1.already_open_ended",
                Severity.MUST,
                ALREADY_OPEN_ENDED,
                citation="C. trav. L1245-1",
            )
            return
        if sector_agreement(case):
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            return
        if decision.new_end_date is None:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            yield self.finding("fr.ctrav.l1243_13.new_end_date_needed", Severity.SHOULD, NEW_END_DATE_NEEDED)
            return
        cdd = current_cdd(case)
        if decision.date == case.expiry + ONE_DAY:
            yield from self._renewal(case, cdd, decision.new_end_date)
        else:
            yield from self._new_cdd(case, cdd, decision.new_end_date)

    def _renewal(self, case: Case, cdd: Cdd, new_end: date) -> Iterator[Outcome]:
        max_renewals = MAX_RENEWALS.at(case.on)
        number = cdd.renewals + 1
        if cdd.limit is None:
            lawful = number <= max_renewals
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, lawful, Confidence.MEDIUM)
            yield self.finding(
                "fr.ctrav.l1243_13.renewal_count_only",
                Severity.SHOULD,
                RENEWAL_COUNT_ONLY,
                new_end=new_end,
                number=number,
                max_renewals=max_renewals,
                kind=cdd.kind.value,
            )
            return
        lawful = number <= max_renewals and new_end <= cdd.limit
        yield self.conclude(
            Field.RENEWAL_AS_PROPOSED_LAWFUL,
            lawful,
            Confidence.MEDIUM if cdd.kind in DEFAULTED_KINDS else None,
        )
        if lawful:
            yield self.finding(
                "fr.ctrav.l1243_13.renewal_within_limits",
                Severity.MUST,
                RENEWAL_WITHIN_LIMITS,
                new_end=new_end,
                number=number,
                limit=cdd.limit,
                expiry=case.expiry,
            )
        else:
            yield self.finding(
                "fr.ctrav.l1243_13.renewal_over_limits",
                Severity.MUST,
                RENEWAL_OVER_LIMITS,
                new_end=new_end,
                number=number,
                max_renewals=max_renewals,
                limit=cdd.limit,
            )

    def _new_cdd(self, case: Case, cdd: Cdd, new_end: date) -> Iterator[Outcome]:
        start = case.decision.date
        proposed = case.facts.text("proposed_contract_objective_reason")
        kind = kind_of(case, proposed if proposed is not None else case.current_contract.objective_reason)
        schedule = MAX_MONTHS.get(kind)
        if schedule is not None:
            limit = period_last_day(start, schedule.at(case.on))
            if new_end > limit:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
                yield self.finding(
                    "fr.ctrav.l1242_8.new_cdd_too_long",
                    Severity.MUST,
                    NEW_CDD_TOO_LONG,
                    citation="C. trav. L1242-8",
                    new_end=new_end,
                    max_months=schedule.at(case.on),
                    limit=limit,
                )
                return
        if kind in NO_WAITING_KINDS:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "fr.ctrav.l1244_4.no_waiting_period",
                Severity.INFO,
                NEW_CDD_EXCEPTION,
                citation="C. trav. L1244-4",
                kind=kind.value,
            )
            return
        days, _ = waiting_days(cdd.total_days, case.on)
        gap = (start - case.expiry).days - 1
        if gap >= days:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True, Confidence.MEDIUM)
            yield self.finding(
                "fr.ctrav.l1244_3.new_cdd_after_waiting_period",
                Severity.SHOULD,
                NEW_CDD_AFTER_WAITING,
                citation="C. trav. L1244-3",
                start=start,
                gap=gap,
                days=days,
            )
            return
        yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
        yield self.finding(
            "fr.ctrav.l1244_3.new_cdd_too_soon",
            Severity.MUST,
            NEW_CDD_TOO_SOON,
            citation="C. trav. L1244-3, L1245-1",
            start=start,
            gap=gap,
            days=days,
        )


class StatusRule(StatusScopeRule):
    """Pregnancy does not stop a CDD; a staff representative's CDD needs the inspector procedure (medium)."""

    def about(self, case: Case, kind: str) -> Iterator[Outcome]:
        if kind != "union_representative":
            yield from super().about(case, kind)
            return
        if not self.in_force_at_expiry(case, kind):
            return
        yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
        if case.facts.boolean("labour_inspectorate_notified") is not True:
            yield self.finding(
                "fr.ctrav.representative_procedure",
                Severity.SHOULD,
                REPRESENTATIVE_PROCEDURE,
                citation="C. trav. (protected employees, recalled)",
            )


RULES: tuple[Rule, ...] = (
    ReasonRule(),
    LimitsRule(),
    WaitingPeriodRule(),
    ContinuedWorkRule(),
    IndemnityRule(),
    EndingRule(),
    NoticeRule(),
    RenewalRule(),
    StatusRule(
        code="fr.statuses",
        effective_from=PACK_FROM,
        message=STATUS_NOT_CONSIDERED,
        considered=("student_on_vacation",),  # read by the indemnity rule
        not_blocking=dict.fromkeys(("pregnant", "maternity_leave"), "C. trav. (maternity protection)"),
        not_blocking_code="fr.protection.does_not_block_expiry",
        not_blocking_message=STATUS_DOES_NOT_BLOCK,
    ),
)

PACKS = (
    Pack(
        code="fr",
        jurisdiction="FR",
        name="France",
        version="2026-07-01",
        effective_from=PACK_FROM,
        effective_to=None,
        currency="EUR",
        # Euro amounts are rounded to the cent, half up (commercial rounding).
        money_quantum=Decimal("0.01"),
        rounding=ROUND_HALF_UP,
        rules=RULES,
        national=True,
        confidence=Confidence.HIGH,
        confidence_notes=(
            "Maximum duration, renewals, reclassification and the 10% indemnity (L1242-8, L1243-13, "
            "L1245-1, L1243-8): high. Pages still citing one renewal or a 6% rate are out of date (RULES.md "
            "§20.3).",
            "The waiting period is counted in days the establishment is open; the pack counts calendar days, "
            "so a gap long enough in calendar days is flagged for checking: medium.",
            "Reasons are read from free text by keywords; an unrecognised or missing reason gets the default "
            "limits at medium confidence.",
            "The labour-inspector procedure for staff representatives on a CDD was recalled, not verified: "
            "medium.",
        ),
        not_covered=(
            "Limits set by an extended sector agreement (sector_agreement_overrides_defaults): the statutory "
            "defaults are then not applied and nothing is concluded on the limits.",
            "Maximum durations of seasonal and usage CDDs, senior-worker CDDs (18-36 months) and "
            "defined-object CDDs: not checked; only the renewal count is.",
            "Whether the stated reason is genuine, and whether a CDD durably fills a permanent job "
            "(L1242-1).",
            "Whether two CDDs were on the same post: a short gap is flagged, not decided, and the exceptions "
            "of L1244-4 other than replacement, seasonal and usage work are not detected.",
            "The 6% indemnity rate a collective agreement may set with access to training: mentioned, not "
            "applied.",
            "Paid-leave compensation, dismissal indemnities and damages after reclassification: only the "
            "minimum reclassification indemnity (one month's salary) is computed.",
            "Other exceptions to the indemnity (early termination, gross misconduct, force majeure, a break "
            "during probation): out of scope of an expiry decision.",
            "Probation limits (L1242-10) are not checked.",
            "Regions: none; overseas specifics are not modelled.",
        ),
    ),
)
