"""United Kingdom (Great Britain): expiry and renewal of fixed-term contracts.

Sources (RULES.md §7 and §20.8): Employment Rights Act 1996 (ERA) ss86, 92, 95(1)(b), 98, 99, 108, 135,
155, 162, 227; Fixed-term Employees (Prevention of Less Favourable Treatment) Regulations 2002 regs 8 and 9;
Equality Act 2010 s18; Protection from Redundancy (Pregnancy and Family Leave) Act 2023 with its 2024
regulations.

What the pack reads from the request:

- ``contracts``: the chain of contracts. The four-year rule (reg 8) reaches the current contract only when
  an earlier contract in the list is fixed-term (the current one is a renewal, or follows an earlier fixed
  term). The current contract's ``objective_reason`` is read as the employer's claim that the fixed term
  was objectively justified when the contract was made or last renewed; whether it is, is not judged.
- ``hire_date`` (else the first contract's start): the start of continuous employment. Gaps between
  contracts are flagged, not treated as breaks in continuity.
- ``birth_date``: the age at the start of each year of service, for statutory redundancy pay.
- ``pay.weekly_pay``: a week's pay before the statutory cap; ``pay.currency`` (default GBP: the cap is
  tabled in pounds, so no amount is computed for pay in another currency).
- ``region``: England, Scotland and Wales share the GB rules; any other region (Northern Ireland has its
  own figures) gets the national rules without a redundancy-pay amount.
- ``statuses``: ``pregnant`` and ``maternity_leave`` (automatically unfair reasons; priority for
  alternative vacancies in a redundancy). Other kinds are reported as not considered.
- ``facts``: ``reason_for_end`` (``expiry``, ``redundancy``, ``misconduct``, ``completion_of_task``,
  ``some_other_substantial_reason``), ``pregnancy_notified_on``, ``child_birth_date``,
  ``proposed_contract_objective_reason``, ``termination_notice_given``.
- ``decision``: ``action``, ``date`` (a renewal starts on it; a non-renewal is the dismissal date, which
  picks the weekly cap) and ``new_end_date`` of a fixed-term renewal. ``offer`` is not read.

Service is counted from the first to the last day, both included, in anniversary years (RULES.md §0): an
employee hired on 2022-04-01 has two years' continuous employment on 2024-03-31 and four on 2026-03-31.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import Schedule, constant
from keepwell.law.registry import Pack, Region
from keepwell.law.rules import Case, Outcome, Rule, StatusScopeRule, format_decimal
from keepwell.law.service import (
    ONE_DAY,
    ServiceLength,
    add_years,
    age_on,
    notice_deadline,
    period_last_day,
    service_length,
)
from keepwell.law.types import Action, Confidence, Field, Severance, Severity, Status

# The first day every parameter below has a value for: the weekly cap is tabled from 6 April 2024.
GB_PACK_START = date(2024, 4, 6)
GBP = "GBP"
FTR = "Fixed-term Employees Regs reg 8"
PRIORITY_CITATION = "Protection from Redundancy (Pregnancy and Family Leave) Act 2023; 2024 regulations"

# --- Dated parameters (first row = the pack's start; earlier history is not modelled) -----------------

# The cap on a week's pay for redundancy pay, by dismissal date. It is re-set every April; the figure from
# 2026-04-06 is not in the reference, so it is recorded as unknown and no amount is computed for those
# dismissals. When the figure is known, replace ``None`` with it.
WEEKLY_PAY_CAP: Schedule[Decimal | None] = Schedule(
    "gb.weekly_pay_cap",
    (
        (date(2024, 4, 6), Decimal(700)),
        (date(2025, 4, 6), Decimal(719)),
        (date(2026, 4, 6), None),
    ),
    citation="ERA 1996 s227",
)
FTR_SERVICE_COUNTED_FROM = constant(
    "gb.ftr_service_counted_from", GB_PACK_START, date(2002, 7, 10), citation=FTR
)
PERMANENT_AFTER_YEARS = constant("gb.permanent_after_years", GB_PACK_START, 4, citation=FTR)
# In months, so that the Employment Rights Act 2025's 6 months is one more row once it commences.
UNFAIR_DISMISSAL_QUALIFYING_MONTHS = constant(
    "gb.unfair_dismissal_qualifying_months", GB_PACK_START, 24, citation="ERA 1996 s108"
)
WRITTEN_REASONS_QUALIFYING_MONTHS = constant(
    "gb.written_reasons_qualifying_months", GB_PACK_START, 24, citation="ERA 1996 s92"
)
REDUNDANCY_PAY_QUALIFYING_YEARS = constant(
    "gb.redundancy_pay_qualifying_years", GB_PACK_START, 2, citation="ERA 1996 s155"
)
REDUNDANCY_PAY_MAX_YEARS = constant(
    "gb.redundancy_pay_max_years", GB_PACK_START, 20, citation="ERA 1996 s162"
)
# Weeks' pay for a year of service by the age at the start of that year, highest band first: a year that
# straddles a band's birthday falls into the band below (ERA s162(2)).
REDUNDANCY_PAY_BANDS: Schedule[tuple[tuple[int, Decimal], ...]] = constant(
    "gb.redundancy_pay_bands",
    GB_PACK_START,
    ((41, Decimal("1.5")), (22, Decimal(1)), (0, Decimal("0.5"))),
    citation="ERA 1996 s162",
)
NOTICE_WEEKS_PER_YEAR = constant("gb.notice_weeks_per_year", GB_PACK_START, 1, citation="ERA 1996 s86")
NOTICE_MAX_WEEKS = constant("gb.notice_max_weeks", GB_PACK_START, 12, citation="ERA 1996 s86")
PRIORITY_MONTHS_AFTER_BIRTH = constant(
    "gb.priority_months_after_birth", GB_PACK_START, 18, citation=PRIORITY_CITATION
)


# --- Regions: the ERA and the 2002 Regulations extend to Great Britain --------------------------------

GB_WIDE = "GB-wide rules (ERA 1996, Fixed-term Employees Regs 2002)."
REGIONS: tuple[Region, ...] = (
    Region(
        key="england",
        name="England",
        iso_code="GB-ENG",
        aliases=("ENG",),
        confidence=Confidence.HIGH,
        notes=GB_WIDE,
    ),
    Region(
        key="scotland",
        name="Scotland",
        iso_code="GB-SCT",
        aliases=("SCT",),
        confidence=Confidence.HIGH,
        notes=GB_WIDE,
    ),
    Region(
        key="wales",
        name="Wales",
        iso_code="GB-WLS",
        aliases=("WLS", "Cymru"),
        confidence=Confidence.HIGH,
        notes=GB_WIDE,
    ),
)


# --- Messages (English templates, translated through the catalogues) ---------------------------------

GAP_BETWEEN_CONTRACTS = Plural(
    "days",
    one=gettext_noop(
        "There is %(days)s day between contracts[%(previous)s] and contracts[%(index)s]. Continuous "
        "employment is counted from %(first_day)s as if unbroken; if the gap broke continuity, the "
        "four-year rule, redundancy pay and unfair-dismissal rights may differ."
    ),
    other=gettext_noop(
        "There are %(days)s days between contracts[%(previous)s] and contracts[%(index)s]. Continuous "
        "employment is counted from %(first_day)s as if unbroken; if the gap broke continuity, the "
        "four-year rule, redundancy pay and unfair-dismissal rights may differ."
    ),
)
FIRST_FIXED_TERM = gettext_noop(
    "The current contract is the employee's first fixed-term contract and has not been renewed, so the "
    "four-year rule does not apply to it, whatever its length."
)
UNDER_FOUR_YEARS = gettext_noop(
    "Continuous employment counted from %(counted_from)s reaches %(years)s years on %(point)s, after the "
    "expiry date %(expiry)s: the fixed term keeps its effect."
)
PERMANENT = gettext_noop(
    "The employee reached %(years)s years' continuous employment on %(point)s on successive fixed-term "
    "contracts: the fixed-term clause has no effect and the contract is permanent from %(converts_on)s. "
    "Ending it is a dismissal of a permanent employee."
)
JUSTIFICATION_CLAIMED = gettext_noop(
    "The employee reached %(years)s years' continuous employment on %(point)s on successive fixed-term "
    "contracts. The contract stays fixed-term only if using a fixed term was objectively justified when "
    "it was made or last renewed (stated reason: %(reason)s); otherwise it is permanent from "
    "%(converts_on)s."
)
WRITTEN_STATEMENT = gettext_noop(
    "The employee may ask for a written statement confirming that the contract is permanent, or giving "
    "the objective grounds for the fixed term."
)
RENEWAL_WOULD_BE_PERMANENT = gettext_noop(
    "A fixed-term renewal from %(start)s would be permanent (%(years)s years' continuous employment were "
    "reached on %(point)s) unless the fixed term is objectively justified."
)
RENEWAL_BECOMES_PERMANENT = gettext_noop(
    "The proposed fixed-term renewal from %(start)s would be permanent from %(converts_on)s, when the "
    "employee has %(years)s years' continuous employment: its fixed-term clause would have no effect."
)
RENEWAL_STAYS_FIXED_TERM = gettext_noop(
    "The proposed renewal ends on %(end)s, before the employee reaches %(years)s years' continuous "
    "employment on %(point)s: it can run as a fixed term."
)
RENEWAL_END_NEEDED = gettext_noop(
    "The employee reaches %(years)s years' continuous employment on %(point)s. A renewal running to that "
    "day or later becomes permanent from it: give new_end_date."
)
RENEWAL_JUSTIFICATION_CLAIMED = gettext_noop(
    "From %(converts_on)s the renewal would be permanent unless the fixed term is objectively justified "
    "when renewed (stated reason: %(reason)s). Whether it is justified is not assessed."
)
RENEWAL_OPEN_ENDED = gettext_noop(
    "Renewing on a permanent contract meets the Fixed-term Employees Regulations."
)
EXPIRY_IS_DISMISSAL = gettext_noop(
    "The end of a fixed-term contract on %(expiry)s without renewal is a dismissal in law."
)
NO_QUALIFYING_SERVICE = gettext_noop(
    "Continuous employment from %(first_day)s to %(expiry)s is under %(needed)s months, so there is no "
    "claim for ordinary unfair dismissal. Automatically unfair reasons (such as pregnancy) and "
    "discrimination need no qualifying service."
)
FAIR_REASON_AND_PROCEDURE = gettext_noop(
    "With at least %(needed)s months' continuous employment (from %(first_day)s) the employee can claim "
    "unfair dismissal: the employer needs a fair reason, such as redundancy or some other substantial "
    "reason, and a fair procedure. Whether the non-renewal is lawful depends on both."
)
WRITTEN_REASONS = gettext_noop(
    "With at least %(needed)s months' continuous employment the employee may ask for written reasons for "
    "the dismissal."
)
AUTOMATICALLY_UNFAIR = gettext_noop(
    "Status %(kind)s on the expiry date %(expiry)s: a dismissal for a reason connected with pregnancy or "
    "maternity is automatically unfair, whatever the length of service, and may be discrimination. "
    "Record the reason for not renewing."
)
REDUNDANCY_PAY = gettext_noop("Statutory redundancy pay is due: %(amount)s %(currency)s (%(basis)s).")
REDUNDANCY_PAY_NOT_COMPUTED = gettext_noop(
    "Statutory redundancy pay is due but its amount is not computed: %(basis)s."
)
REDUNDANCY_PAY_IF_REDUNDANCY = gettext_noop(
    "The reason given (%(reason)s) does not say whether the dismissal is by reason of redundancy. If it "
    "is, statutory redundancy pay is due: %(basis)s."
)
REDUNDANCY_PAY_IF_REASON_GIVEN = gettext_noop(
    "The reason for the dismissal is not given. If it is redundancy, statutory redundancy pay is due: "
    "%(basis)s. State reason_for_end."
)
REASON_NOT_REDUNDANCY = gettext_noop(
    "The reason given is %(reason)s, not redundancy, so no statutory redundancy pay is due."
)
SHORT_SERVICE_NO_REDUNDANCY_PAY = Plural(
    "years",
    one=gettext_noop(
        "Continuous employment from %(first_day)s to %(expiry)s is %(years)s complete year; statutory "
        "redundancy pay needs %(needed)s."
    ),
    other=gettext_noop(
        "Continuous employment from %(first_day)s to %(expiry)s is %(years)s complete years; statutory "
        "redundancy pay needs %(needed)s."
    ),
)
WEEKLY_PAY_CAPPED = gettext_noop(
    "The week's pay %(pay)s is above the statutory cap of %(cap)s for dismissals on %(date)s, so %(cap)s "
    "is used."
)
REDUNDANCY_PRIORITY = gettext_noop(
    "The employee is in a protected period (%(kind)s on %(expiry)s): in a redundancy, the employee has "
    "priority for any suitable alternative vacancy, which must be offered before the contract ends."
)
REDUNDANCY_PRIORITY_IF_REDUNDANCY = gettext_noop(
    "The employee is in a protected period (%(kind)s): if the reason is redundancy, the employee has "
    "priority for any suitable alternative vacancy, which must be offered before the contract ends."
)
RETURNER_PRIORITY = gettext_noop(
    "The child was born on %(birth)s; the protected period for a parent returning from maternity leave "
    "runs until %(until)s. If the employee took that leave and the reason is redundancy, the employee has "
    "priority for any suitable alternative vacancy."
)
NO_NOTICE_ON_EXPIRY = gettext_noop(
    "No notice is needed for a fixed-term contract that ends on its agreed date (practitioner view; the "
    "statutory text was not confirmed)."
)
STATUTORY_NOTICE = Plural(
    "weeks",
    one=gettext_noop(
        "The contract is permanent, so ending it on %(expiry)s needs at least %(weeks)s week's notice "
        "(one week per complete year of continuous employment when notice is given, at most "
        "%(max_weeks)s), or the contractual notice if longer: give it by %(deadline)s."
    ),
    other=gettext_noop(
        "The contract is permanent, so ending it on %(expiry)s needs at least %(weeks)s weeks' notice "
        "(one week per complete year of continuous employment when notice is given, at most "
        "%(max_weeks)s), or the contractual notice if longer: give it by %(deadline)s."
    ),
)
STATUTORY_NOTICE_IF_PERMANENT = Plural(
    "weeks",
    one=gettext_noop(
        "If the fixed term was not objectively justified, the contract is permanent and ending it on "
        "%(expiry)s needs at least %(weeks)s week's notice, given by %(deadline)s."
    ),
    other=gettext_noop(
        "If the fixed term was not objectively justified, the contract is permanent and ending it on "
        "%(expiry)s needs at least %(weeks)s weeks' notice, given by %(deadline)s."
    ),
)
NOTICE_GIVEN_IN_TIME = gettext_noop("Notice given on %(given)s meets the %(deadline)s deadline.")
NOTICE_LATE = Plural(
    "days_late",
    one=gettext_noop("Notice given on %(given)s is %(days_late)s day after the %(deadline)s deadline."),
    other=gettext_noop("Notice given on %(given)s is %(days_late)s days after the %(deadline)s deadline."),
)
NOTICE_DEADLINE_PASSED = gettext_noop(
    "As of %(as_of)s the notice deadline %(deadline)s has passed and no notice date is recorded."
)
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the Great Britain rule pack.")


# --- Shared computations --------------------------------------------------------------------------------

REASONS = ("expiry", "redundancy", "misconduct", "completion_of_task", "some_other_substantial_reason")
# Reasons that say nothing about whether the dismissal is, in law, by reason of redundancy.
REASONS_OPEN_TO_REDUNDANCY = (None, "expiry", "completion_of_task")
MATERNITY_KINDS = ("pregnant", "maternity_leave")
CONSIDERED_KINDS = frozenset(MATERNITY_KINDS)


def reason_for_end(case: Case) -> str | None:
    return case.facts.choice("reason_for_end", REASONS)


def permanence_point(case: Case) -> date:
    """The day the employee has four years' continuous employment, service before 10 July 2002 ignored."""
    counted_from = max(case.employee.first_day, FTR_SERVICE_COUNTED_FROM.at(case.on))
    return period_last_day(counted_from, 12 * PERMANENT_AFTER_YEARS.at(case.on))


def tabled_cap_missing(case: Case) -> str | None:
    """Why the tabled weekly cap cannot be applied to this request, or ``None`` when it can."""
    if case.currency != GBP:
        return f"pay is given in {case.currency}; the cap is tabled in {GBP}"
    if case.request.region is not None and case.region is None:
        return f"the cap for {case.request.region} is not tabled"
    if WEEKLY_PAY_CAP.at(case.on) is None:
        return f"the cap for dismissals on {case.on.isoformat()} is not tabled"
    return None


@dataclass(frozen=True)
class RedundancyPay:
    """The ERA s162 arithmetic for a dismissal on the expiry date."""

    service: ServiceLength
    weeks: Decimal | None
    amount: Decimal | None
    basis: str
    capped: bool


def _weeks(case: Case, years: int) -> tuple[Decimal | None, str]:
    """Weeks' pay for the last ``years`` complete years, counted back from the day after expiry."""
    birth = case.employee.birth_date
    if birth is None:
        return None, "0.5, 1 or 1.5 weeks a year by age (birth_date unknown)"
    bands = REDUNDANCY_PAY_BANDS.at(case.on)
    counts = dict.fromkeys((weeks for _, weeks in bands), 0)
    after_expiry = case.expiry + ONE_DAY
    for back in range(1, years + 1):
        year_start = add_years(after_expiry, -back)
        age = age_on(birth, year_start)
        rate = next(weeks for minimum_age, weeks in bands if age >= minimum_age)
        counts[rate] += 1
    total = sum((rate * count for rate, count in counts.items()), Decimal(0))
    terms = " + ".join(f"{count} × {format_decimal(rate)}" for rate, count in counts.items() if count)
    return total, f"{terms or '0'} = {format_decimal(total)} weeks"


def compute_redundancy_pay(case: Case) -> RedundancyPay:
    """Weeks by age band for up to 20 complete years, times a week's pay capped on the dismissal date."""
    on, expiry = case.on, case.expiry
    service = service_length(case.employee.first_day, expiry)
    counted = min(service.years, REDUNDANCY_PAY_MAX_YEARS.at(on))
    years_text = f"{service.years} complete years"
    if counted < service.years:
        years_text += f", the last {counted} counted,"
    weeks, weeks_text = _weeks(case, counted)
    pay = case.employee.pay.weekly_pay
    missing = tabled_cap_missing(case)
    cap = None if missing else WEEKLY_PAY_CAP.at(on)
    base: Decimal | None = None
    capped = False
    if missing is not None or cap is None:
        known = "unknown" if pay is None else format_decimal(pay)
        pay_text = f"a week's pay ({known}) capped, but {missing or 'the cap is not tabled'}"
    elif pay is None:
        pay_text = f"a week's pay (unknown), capped at {format_decimal(cap)}"
    elif pay > cap:
        base, capped = cap, True
        pay_text = f"{format_decimal(cap)} (weekly pay {format_decimal(pay)} capped at {format_decimal(cap)})"
    else:
        base = pay
        where = "at the cap" if pay == cap else "under the cap"
        pay_text = f"{format_decimal(pay)} (weekly pay {where} {format_decimal(cap)})"
    basis = f"{years_text} back from {expiry.isoformat()}: {weeks_text} × {pay_text}"
    amount = None if weeks is None or base is None else case.money(weeks * base)
    return RedundancyPay(service=service, weeks=weeks, amount=amount, basis=basis, capped=capped)


def weeks_of_notice_due(first_day: date, notice_day: date, on: date) -> int:
    """ERA s86 for two or more years' service: one week per complete year when notice is given, at most 12.

    ``on`` is the decision date, whose parameters apply.
    """
    years = service_length(first_day, notice_day).years if notice_day >= first_day else 0
    return min(years * NOTICE_WEEKS_PER_YEAR.at(on), NOTICE_MAX_WEEKS.at(on))


def statutory_notice(case: Case) -> tuple[int, date]:
    """The fewest weeks, and the latest day to give them, that still end the contract on its expiry.

    The weeks due depend on the service when notice is given, so a later notice day may need one week
    fewer: the answer is the latest day ``expiry − 7 × weeks`` on which the weeks due do not exceed
    ``weeks``.
    """
    expiry, first_day = case.expiry, case.employee.first_day
    most = NOTICE_MAX_WEEKS.at(case.on)
    for weeks in range(1, most + 1):
        deadline = notice_deadline(expiry, 7 * weeks)
        if weeks_of_notice_due(first_day, deadline, case.on) <= weeks:
            return weeks, deadline
    return most, notice_deadline(expiry, 7 * most)


def active_maternity_statuses(case: Case) -> list[Status]:
    """``pregnant`` and ``maternity_leave`` statuses in force on the expiry date."""
    return [
        status
        for status in case.employee.statuses
        if status.kind in MATERNITY_KINDS and status.active_on(case.expiry)
    ]


# --- Rules ----------------------------------------------------------------------------------------------


class ContinuityRule(Rule):
    """Flags gaps between contracts: continuous employment is counted as unbroken, which may be wrong."""

    code = "gb.history"
    citation = "ERA 1996 ss108, 155; Fixed-term Employees Regs reg 8"
    effective_from = GB_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        yield from self.gap_findings(
            case,
            "gb.history.gap_between_contracts",
            GAP_BETWEEN_CONTRACTS,
            first_day=case.employee.first_day,
        )


class PermanenceRule(Rule):
    """Fixed-term Employees Regs reg 8: successive fixed terms reaching four years become permanent."""

    code = "gb.ftr.reg8"
    citation = FTR
    effective_from = GB_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        point = permanence_point(case)
        yield from self._current_contract(case, point)
        action = case.decision.action
        if action is Action.RENEW_FIXED_TERM:
            yield from self._proposed_renewal(case, point)
            return
        start = case.decision.date if action is Action.RENEW_OPEN_ENDED else case.expiry + ONE_DAY
        years = PERMANENT_AFTER_YEARS.at(case.on)
        if point > start:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
        elif case.facts.text("proposed_contract_objective_reason") is not None:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, None)
        else:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
            if action is Action.NOT_RENEW:
                yield self.finding(
                    "gb.ftr.reg8.renewal_would_be_permanent",
                    Severity.INFO,
                    RENEWAL_WOULD_BE_PERMANENT,
                    start=start,
                    years=years,
                    point=point,
                )
        if action is Action.RENEW_OPEN_ENDED:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding("gb.ftr.reg8.open_ended_renewal", Severity.INFO, RENEWAL_OPEN_ENDED)

    def _current_contract(self, case: Case, point: date) -> Iterator[Outcome]:
        contracts, expiry = case.employee.contracts, case.expiry
        years = PERMANENT_AFTER_YEARS.at(case.on)
        if not any(contract.is_fixed_term for contract in contracts[:-1]):
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            yield self.finding("gb.ftr.reg8.first_fixed_term", Severity.INFO, FIRST_FIXED_TERM)
            return
        if point > expiry:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            yield self.finding(
                "gb.ftr.reg8.under_four_years",
                Severity.INFO,
                UNDER_FOUR_YEARS,
                counted_from=max(case.employee.first_day, FTR_SERVICE_COUNTED_FROM.at(case.on)),
                years=years,
                point=point,
                expiry=expiry,
            )
            return
        converts_on = max(case.current_contract.start, point)
        reason = case.current_contract.objective_reason
        if reason is not None:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None)
            yield self.finding(
                "gb.ftr.reg8.justification_claimed",
                Severity.SHOULD,
                JUSTIFICATION_CLAIMED,
                years=years,
                point=point,
                reason=reason,
                converts_on=converts_on,
            )
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
        yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, converts_on)
        yield self.finding(
            "gb.ftr.reg8.permanent",
            Severity.MUST,
            PERMANENT,
            years=years,
            point=point,
            converts_on=converts_on,
        )
        yield self.finding(
            "gb.ftr.reg9.written_statement",
            Severity.INFO,
            WRITTEN_STATEMENT,
            citation="Fixed-term Employees Regs reg 9",
        )

    def _proposed_renewal(self, case: Case, point: date) -> Iterator[Outcome]:
        start, end = case.decision.date, case.decision.new_end_date
        years = PERMANENT_AFTER_YEARS.at(case.on)
        converts_on = max(start, point)
        if end is not None and converts_on > end:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "gb.ftr.reg8.renewal_stays_fixed_term",
                Severity.INFO,
                RENEWAL_STAYS_FIXED_TERM,
                end=end,
                years=years,
                point=point,
            )
            return
        if end is None and point > start:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, None)
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            yield self.finding(
                "gb.ftr.reg8.renewal_end_needed",
                Severity.SHOULD,
                RENEWAL_END_NEEDED,
                years=years,
                point=point,
            )
            return
        reason = case.facts.text("proposed_contract_objective_reason")
        if reason is not None:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, None)
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            yield self.finding(
                "gb.ftr.reg8.renewal_justification_claimed",
                Severity.SHOULD,
                RENEWAL_JUSTIFICATION_CLAIMED,
                converts_on=converts_on,
                reason=reason,
            )
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
        yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, converts_on)
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
        yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
        yield self.finding(
            "gb.ftr.reg8.renewal_becomes_permanent",
            Severity.MUST,
            RENEWAL_BECOMES_PERMANENT,
            start=start,
            converts_on=converts_on,
            years=years,
        )


class ExpiryDismissalRule(Rule):
    """ERA s95(1)(b), s98, s108: expiry is a dismissal; after two years it needs a fair reason and process."""

    code = "gb.era.s95"
    citation = "ERA 1996 s95(1)(b)"
    effective_from = GB_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        expiry, first_day = case.expiry, case.employee.first_day
        yield self.finding(
            "gb.era.s95.expiry_is_dismissal", Severity.INFO, EXPIRY_IS_DISMISSAL, expiry=expiry
        )
        months = service_length(first_day, expiry).total_months
        needed = UNFAIR_DISMISSAL_QUALIFYING_MONTHS.at(case.on)
        if months < needed:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.finding(
                "gb.era.s108.no_qualifying_service",
                Severity.INFO,
                NO_QUALIFYING_SERVICE,
                citation="ERA 1996 s108",
                first_day=first_day,
                expiry=expiry,
                needed=needed,
            )
        else:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding(
                "gb.era.s98.fair_reason_and_procedure",
                Severity.SHOULD,
                FAIR_REASON_AND_PROCEDURE,
                citation="ERA 1996 ss98, 108",
                needed=needed,
                first_day=first_day,
            )
        reasons_after = WRITTEN_REASONS_QUALIFYING_MONTHS.at(case.on)
        if months >= reasons_after:
            yield self.finding(
                "gb.era.s92.written_reasons",
                Severity.INFO,
                WRITTEN_REASONS,
                citation="ERA 1996 s92",
                needed=reasons_after,
            )


class ProtectedReasonRule(Rule):
    """ERA s99 and Equality Act s18: a pregnancy-related dismissal is automatically unfair from day one."""

    code = "gb.era.s99"
    citation = "ERA 1996 s99; Equality Act 2010 s18"
    effective_from = GB_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        seen: set[str] = set()
        for status in active_maternity_statuses(case):
            if status.kind in seen:
                continue
            seen.add(status.kind)
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding(
                "gb.era.s99.automatically_unfair_if_connected",
                Severity.SHOULD,
                AUTOMATICALLY_UNFAIR,
                kind=status.kind,
                expiry=case.expiry,
            )


class RedundancyPayRule(Rule):
    """ERA ss135, 155, 162, 227: statutory redundancy pay after two years when the reason is redundancy."""

    code = "gb.era.s135"
    citation = "ERA 1996 ss135, 155, 162, 227"
    effective_from = GB_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        reason = reason_for_end(case)
        if reason not in REASONS_OPEN_TO_REDUNDANCY and reason != "redundancy":
            yield self.finding(
                "gb.era.s135.reason_not_redundancy",
                Severity.INFO,
                REASON_NOT_REDUNDANCY,
                citation="ERA 1996 s135",
                reason=str(reason),
            )
            return
        computed = compute_redundancy_pay(case)
        needed = REDUNDANCY_PAY_QUALIFYING_YEARS.at(case.on)
        if computed.service.years < needed:
            yield self.finding(
                "gb.era.s155.short_service",
                Severity.INFO,
                SHORT_SERVICE_NO_REDUNDANCY_PAY,
                citation="ERA 1996 s155",
                first_day=case.employee.first_day,
                expiry=case.expiry,
                years=computed.service.years,
                needed=needed,
            )
            return
        if reason != "redundancy":
            basis = computed.basis
            if computed.amount is not None:
                basis = f"{format(computed.amount, 'f')} {case.currency} ({computed.basis})"
            if reason is None:
                yield self.finding(
                    "gb.era.s135.reason_unknown", Severity.SHOULD, REDUNDANCY_PAY_IF_REASON_GIVEN, basis=basis
                )
            else:
                yield self.finding(
                    "gb.era.s135.if_redundancy",
                    Severity.SHOULD,
                    REDUNDANCY_PAY_IF_REDUNDANCY,
                    reason=reason,
                    basis=basis,
                )
            return
        yield self.conclude(Field.SEVERANCE, Severance(computed.amount, case.currency, None, computed.basis))
        if computed.amount is None:
            yield self.finding(
                "gb.era.s162.amount_not_computed",
                Severity.SHOULD,
                REDUNDANCY_PAY_NOT_COMPUTED,
                basis=computed.basis,
            )
        else:
            yield self.finding(
                "gb.era.s135.redundancy_pay",
                Severity.MUST,
                REDUNDANCY_PAY,
                amount=format(computed.amount, "f"),
                currency=case.currency,
                basis=computed.basis,
            )
        pay, cap = case.employee.pay.weekly_pay, WEEKLY_PAY_CAP.at(case.on)
        if computed.capped and pay is not None and cap is not None:
            yield self.finding(
                "gb.era.s227.weekly_pay_capped",
                Severity.INFO,
                WEEKLY_PAY_CAPPED,
                citation="ERA 1996 s227",
                pay=pay,
                cap=cap,
                date=case.on,
            )


class RedundancyPriorityRule(Rule):
    """From 6 April 2024: pregnant employees and returners have priority for vacancies in a redundancy."""

    code = "gb.prfla2023"
    citation = PRIORITY_CITATION
    effective_from = GB_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        reason = reason_for_end(case)
        if reason != "redundancy" and reason not in REASONS_OPEN_TO_REDUNDANCY:
            return
        expiry = case.expiry
        notified = case.facts.date_of("pregnancy_notified_on")
        for kind in dict.fromkeys(status.kind for status in active_maternity_statuses(case)):
            # Pregnancy is protected from the day the employer is told; maternity leave throughout.
            if kind == "pregnant" and notified is not None and notified > expiry:
                continue
            if reason == "redundancy":
                yield self.finding(
                    "gb.prfla2023.priority_for_vacancies",
                    Severity.MUST,
                    REDUNDANCY_PRIORITY,
                    kind=kind,
                    expiry=expiry,
                )
            else:
                yield self.finding(
                    "gb.prfla2023.priority_if_redundancy",
                    Severity.SHOULD,
                    REDUNDANCY_PRIORITY_IF_REDUNDANCY,
                    kind=kind,
                )
        birth = case.facts.date_of("child_birth_date")
        if birth is None or birth > expiry:
            return
        until = period_last_day(birth, PRIORITY_MONTHS_AFTER_BIRTH.at(case.on))
        if expiry <= until:
            yield self.finding(
                "gb.prfla2023.returner_priority", Severity.SHOULD, RETURNER_PRIORITY, birth=birth, until=until
            )


class NoticeRule(Rule):
    """No notice when a fixed term ends on its date; ERA s86 notice once reg 8 has made it permanent."""

    code = "gb.notice"
    citation = "ERA 1996 s86"
    effective_from = GB_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        expiry = case.expiry
        converted = case.conclusions.get(Field.AUTOMATIC_CONVERSION)
        if converted is False or not case.concluded(Field.AUTOMATIC_CONVERSION):
            yield self.conclude(Field.LAST_NOTICE_DATE, None, Confidence.MEDIUM)
            yield self.finding(
                "gb.notice.none_on_expiry", Severity.INFO, NO_NOTICE_ON_EXPIRY, citation="ERA 1996 s95(1)(b)"
            )
            return
        weeks, deadline = statutory_notice(case)
        max_weeks = NOTICE_MAX_WEEKS.at(case.on)
        if converted is None:
            yield self.conclude(Field.LAST_NOTICE_DATE, None)
            yield self.finding(
                "gb.era.s86.notice_if_permanent",
                Severity.SHOULD,
                STATUTORY_NOTICE_IF_PERMANENT,
                expiry=expiry,
                weeks=weeks,
                deadline=deadline,
            )
            return
        yield self.conclude(Field.LAST_NOTICE_DATE, deadline)
        yield self.finding(
            "gb.era.s86.statutory_notice",
            Severity.MUST,
            STATUTORY_NOTICE,
            expiry=expiry,
            weeks=weeks,
            max_weeks=max_weeks,
            deadline=deadline,
        )
        yield from self.notice_timeliness(
            case,
            deadline,
            in_time=("gb.era.s86.notice_given_in_time", NOTICE_GIVEN_IN_TIME),
            late=("gb.era.s86.notice_given_late", NOTICE_LATE),
            passed=("gb.era.s86.deadline_passed", NOTICE_DEADLINE_PASSED),
        )


RULES: tuple[Rule, ...] = (
    ContinuityRule(),
    PermanenceRule(),
    ExpiryDismissalRule(),
    ProtectedReasonRule(),
    RedundancyPayRule(),
    RedundancyPriorityRule(),
    NoticeRule(),
    StatusScopeRule(
        code="gb.statuses",
        effective_from=GB_PACK_START,
        message=STATUS_NOT_CONSIDERED,
        considered=CONSIDERED_KINDS,
    ),
)

PACKS = (
    Pack(
        code="gb",
        jurisdiction="GB",
        name="United Kingdom (Great Britain)",
        version="2026-07-01",
        effective_from=GB_PACK_START,
        effective_to=None,
        currency=GBP,
        rules=RULES,
        regions=REGIONS,
        confidence=Confidence.HIGH,
        confidence_notes=(
            "The four-year rule (reg 8), expiry as a dismissal and statutory redundancy pay: high.",
            "No notice for a fixed term that ends on its agreed date: medium, a common practitioner view "
            "whose statutory text was not confirmed; every non-renewal assessment is therefore medium.",
            "The Employment Rights Act 2025 (6-month qualifying period, expected in 2027): its start date is "
            "not known, so it is not applied.",
        ),
        not_covered=(
            "Decisions before 6 April 2024: the weekly cap on redundancy pay is tabled from that date.",
            "The weekly cap for dismissals from 6 April 2026 is not in the reference: redundancy pay for "
            "those dismissals gives its weeks and basis but no amount until the figure is added.",
            "Northern Ireland, which has its own legislation and figures, and any region other than England, "
            "Scotland and Wales: national rules only, and no redundancy-pay amount.",
            "Whether the reason and the procedure are fair (ERA s98) is not judged: after two years' service "
            "non-renewal is left undecided.",
            "Whether a fixed term was objectively justified (reg 8) is not judged: a stated reason leaves "
            "the conversion undecided.",
            "Unfair-dismissal and discrimination awards are not computed (damages_if_unlawful stays null).",
            "Breaks in continuous employment: gaps between contracts are flagged, not applied.",
            "A week's pay is an input (pay.weekly_pay); it is not derived from monthly or annual pay.",
            "Losing redundancy pay by unreasonably refusing suitable alternative employment, contractual "
            "notice and contractual redundancy terms are not assessed.",
            "Equal treatment of fixed-term employees (reg 3) is not checked; there is no statutory "
            "probation regime.",
            "Dismissal for a reason connected with disability, age or other protected characteristics: "
            "only pregnancy and maternity are considered.",
        ),
    ),
)
