"""Singapore: term contracts under the Employment Act, the Retirement and Re-employment Act and guidance.

Sources (RULES.md §15): Employment Act (EA), Part IX (maternity protection); Retirement and Re-employment Act
(RRA: retirement age 63 and re-employment age 68 from 2022-07-01, 64 and 69 from 2026-07-01); Tripartite
Guidelines on the Employment of Term Contract Employees (2016) and Tripartite Standard (2017): continuity of
renewed contracts, advance notice of non-renewal scaled to service; Tripartite Guidelines on Re-employment
(discuss 6 months ahead, offer 3 months ahead, contracts of at least a year, Employment Assistance Payment);
MOM guidance on retrenchment (a non-renewal for redundancy is a retrenchment; notification for term contracts
of 6 months or more; benefits by guideline, not statute).

What the pack reads from the request:

- ``contracts``: term contracts of 14 days or more renewed within a month of each other count as continuous
  service; the cumulative service scales the guideline notice, the retrenchment norm and maternity
  protection. The current contract's own term decides the retrenchment notification.
- ``birth_date``: age at expiry, against the retirement and re-employment ages in force on the decision date;
  service before the retirement age for re-employment eligibility.
- ``statuses``: ``re_employed_older_worker`` (already on re-employment), ``foreign_worker`` (not eligible for
  re-employment), ``pregnant`` and ``maternity_leave`` (EA Part IX). Other kinds are reported as not
  considered.
- ``facts``: ``reason_for_end`` (text: ``redundancy``, ``retrenchment``, ``reorganisation`` or
  ``restructuring`` make the non-renewal a retrenchment), ``foreign_national`` (re-employment is for
  citizens and permanent residents), ``satisfactory_performance``, ``medically_fit`` (re-employment
  eligibility), ``employee_refused_offer`` with ``decision.offer`` (a re-employment offer declined).
- ``decision.new_end_date``: the term of a re-employment contract (normally at least a year).

Nothing is owed at expiry by statute and no notice is statutory, so ``severance`` and ``last_notice_date``
stay null. The rules are national (``national=True``): a region in the request gets them with the
framework's "national law applies" finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import Schedule, constant
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, Outcome, Rule, StatusScopeRule
from keepwell.law.service import (
    ONE_DAY,
    ServiceLength,
    add_months,
    age_on,
    birthday,
    chain_start,
    contract_period,
    day_count,
    service_length,
    total_length,
)
from keepwell.law.types import Action, Confidence, Contract, Field, Offer, Severity

# The retirement and re-employment ages RULES.md gives (63 and 68) apply from 2022-07-01; the pack assesses
# decisions from then.
RRA_63_68_FROM = date(2022, 7, 1)

RRA = "Retirement and Re-employment Act"
TERM_GUIDELINES = "Tripartite Guidelines on the Employment of Term Contract Employees"
REEMPLOYMENT_GUIDELINES = "Tripartite Guidelines on Re-employment"
RETRENCHMENT_GUIDANCE = "MOM guidance on retrenchment"
MATERNITY = "Employment Act Part IX"

# --- Dated parameters -------------------------------------------------------------------------------------

RETIREMENT_AGE = Schedule("sg.retirement_age", ((RRA_63_68_FROM, 63), (date(2026, 7, 1), 64)), citation=RRA)
REEMPLOYMENT_AGE = Schedule(
    "sg.reemployment_age", ((RRA_63_68_FROM, 68), (date(2026, 7, 1), 69)), citation=RRA
)
# Service with the employer before reaching the retirement age needed for re-employment.
REEMPLOYMENT_SERVICE_MONTHS = constant("sg.reemployment_service_months", RRA_63_68_FROM, 24, citation=RRA)
REEMPLOYMENT_MIN_TERM_MONTHS = constant(
    "sg.reemployment_min_term_months", RRA_63_68_FROM, 12, citation=REEMPLOYMENT_GUIDELINES
)
REEMPLOYMENT_DISCUSS_MONTHS = constant(
    "sg.reemployment_discuss_months", RRA_63_68_FROM, 6, citation=REEMPLOYMENT_GUIDELINES
)
REEMPLOYMENT_OFFER_MONTHS = constant(
    "sg.reemployment_offer_months", RRA_63_68_FROM, 3, citation=REEMPLOYMENT_GUIDELINES
)
CONTINUITY_MIN_CONTRACT_DAYS = constant(
    "sg.continuity_min_contract_days", RRA_63_68_FROM, 14, citation=TERM_GUIDELINES
)
CONTINUITY_MAX_GAP_MONTHS = constant(
    "sg.continuity_max_gap_months", RRA_63_68_FROM, 1, citation=TERM_GUIDELINES
)
# Guideline notice of non-renewal by cumulative service: (service below, in weeks or months; notice days).
NOTICE_BANDS: Schedule[tuple[tuple[str, int | None, int], ...]] = constant(
    "sg.notice_bands",
    RRA_63_68_FROM,
    (("weeks", 26, 1), ("months", 24, 7), ("months", 60, 14), ("months", None, 28)),
    citation=TERM_GUIDELINES,
)
MATERNITY_MIN_SERVICE_MONTHS = constant(
    "sg.maternity_min_service_months", RRA_63_68_FROM, 3, citation=MATERNITY
)
NOTIFICATION_MIN_TERM_MONTHS = constant(
    "sg.retrenchment_notification_min_term_months", RRA_63_68_FROM, 6, citation=RETRENCHMENT_GUIDANCE
)
RETRENCHMENT_BENEFIT_MIN_YEARS = constant(
    "sg.retrenchment_benefit_min_years", RRA_63_68_FROM, 2, citation=RETRENCHMENT_GUIDANCE
)

RETRENCHMENT_REASONS = ("redundancy", "retrenchment", "reorganisation", "reorganization", "restructuring")


# --- Messages ---------------------------------------------------------------------------------------------

TERM_CONTRACT_ENDS = gettext_noop(
    "Term contracts have no cap on length or renewals; the contract ends at expiry on %(expiry)s and no "
    "statutory payment is owed."
)
RENEWAL_LAWFUL = gettext_noop("Renewing on the terms proposed is lawful: term contracts have no cap.")
CONTINUOUS_SERVICE = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "Contracts of %(min_days)s days or more renewed within %(gap_months)s month count as "
            "continuous service: %(contracts)s contracts since %(since)s, %(months)s month and "
            "%(days)s day of cumulative service."
        ),
        other=gettext_noop(
            "Contracts of %(min_days)s days or more renewed within %(gap_months)s month count as "
            "continuous service: %(contracts)s contracts since %(since)s, %(months)s month and "
            "%(days)s days of cumulative service."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "Contracts of %(min_days)s days or more renewed within %(gap_months)s month count as "
            "continuous service: %(contracts)s contracts since %(since)s, %(months)s months and "
            "%(days)s day of cumulative service."
        ),
        other=gettext_noop(
            "Contracts of %(min_days)s days or more renewed within %(gap_months)s month count as "
            "continuous service: %(contracts)s contracts since %(since)s, %(months)s months and "
            "%(days)s days of cumulative service."
        ),
    ),
)
NOTICE_GUIDELINE = Plural(
    "notice_days",
    one=gettext_noop(
        "No notice of non-renewal is required by statute. The tripartite guidelines ask for "
        "%(notice_days)s day's notice for the cumulative service (in months and days: %(months)s and "
        "%(days)s): give it by %(recommended)s (expiry %(expiry)s)."
    ),
    other=gettext_noop(
        "No notice of non-renewal is required by statute. The tripartite guidelines ask for "
        "%(notice_days)s days' notice for the cumulative service (in months and days: %(months)s and "
        "%(days)s): give it by %(recommended)s (expiry %(expiry)s)."
    ),
)
RETRENCHMENT = gettext_noop(
    "Not renewing because of redundancy or reorganisation is a retrenchment. Retrenchment benefits come from "
    "guidelines, not the Employment Act; the usual norm (2 weeks to 1 month's pay per year for %(min_years)s "
    "or more years' service, a norm not confirmed in the sources) is not computed."
)
RETRENCHMENT_SHORT_SERVICE = gettext_noop(
    "Not renewing because of redundancy or reorganisation is a retrenchment; with less than %(min_years)s "
    "years' service the usual retrenchment-benefit norm does not call for a payment."
)
RETRENCHMENT_NOTIFICATION = Plural(
    "days",
    one=gettext_noop(
        "The term contract lasts %(months)s months and %(days)s day (%(min_months)s months or more): "
        "notify MOM of the retrenchment."
    ),
    other=gettext_noop(
        "The term contract lasts %(months)s months and %(days)s days (%(min_months)s months or more): "
        "notify MOM of the retrenchment."
    ),
)
REEMPLOYMENT_DUTY = gettext_noop(
    "The employee is %(age)s at expiry, between the retirement age %(retirement_age)s and the re-employment "
    "age %(reemployment_age)s, and eligible: offer re-employment up to age %(reemployment_age)s on "
    "contracts of at least %(min_months)s months, or, if no suitable job exists, an Employment Assistance "
    "Payment. Discuss it by %(discuss_by)s and make the offer by %(offer_by)s."
)
REEMPLOYMENT_DUTY_CONTINUES = gettext_noop(
    "The employee is on re-employment and is eligible: re-employment continues up to age "
    "%(reemployment_age)s, or an Employment Assistance Payment is owed if no suitable job exists. Discuss "
    "it by %(discuss_by)s and make the offer by %(offer_by)s."
)
REEMPLOYMENT_DECLINED = gettext_noop(
    "The employee declined the re-employment offer, so not renewing is lawful."
)
REEMPLOYMENT_UNKNOWN = gettext_noop(
    "The employee is in the re-employment age band; eligibility is not known for: %(criteria)s. Eligible "
    "employees must be offered re-employment (or an Employment Assistance Payment)."
)
REEMPLOYMENT_NOT_ELIGIBLE = gettext_noop(
    "The employee is in the re-employment age band but does not meet: %(criteria)s. No re-employment offer "
    "is owed."
)
REEMPLOYMENT_BEYOND_AGE = gettext_noop(
    "The employee is %(age)s at expiry, at or past the re-employment age %(reemployment_age)s: no "
    "re-employment offer is owed."
)
REEMPLOYMENT_SHORT_TERM = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "The proposed re-employment contract lasts %(months)s month and %(days)s day; the "
            "guidelines call for at least %(min_months)s months unless the re-employment age comes "
            "sooner."
        ),
        other=gettext_noop(
            "The proposed re-employment contract lasts %(months)s month and %(days)s days; the "
            "guidelines call for at least %(min_months)s months unless the re-employment age comes "
            "sooner."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "The proposed re-employment contract lasts %(months)s months and %(days)s day; the "
            "guidelines call for at least %(min_months)s months unless the re-employment age comes "
            "sooner."
        ),
        other=gettext_noop(
            "The proposed re-employment contract lasts %(months)s months and %(days)s days; the "
            "guidelines call for at least %(min_months)s months unless the re-employment age comes "
            "sooner."
        ),
    ),
)
MATERNITY_REASON_UNKNOWN = gettext_noop(
    "The employee is pregnant or on maternity leave at expiry. MOM investigates term contracts deliberately "
    "not renewed to avoid maternity benefits: record the reason for not renewing."
)
MATERNITY_KEEP_EVIDENCE = gettext_noop(
    "The employee is pregnant or on maternity leave at expiry: keep evidence that the reason for not "
    "renewing is unrelated to the pregnancy, as MOM investigates non-renewals that avoid maternity benefits."
)
MATERNITY_BENEFITS_OWED = gettext_noop(
    "A pregnant employee with %(min_months)s months' service or more who is retrenched must still be paid "
    "her maternity benefits."
)
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the Singapore rule pack.")


# --- Shared computations ----------------------------------------------------------------------------------


def is_retrenchment(case: Case) -> bool:
    reason = case.facts.text("reason_for_end")
    return reason is not None and reason.casefold() in RETRENCHMENT_REASONS


@dataclass(frozen=True)
class Continuity:
    """The contracts that count as continuous service up to expiry, and what they add up to."""

    first_index: int
    since: date
    service: ServiceLength
    days: int


def continuity(case: Case) -> Continuity:
    """Walk back from the current contract while contracts of 14 days or more follow each other within a
    month (Tripartite Guidelines)."""
    contracts, on = case.employee.contracts, case.on
    min_days, max_gap = CONTINUITY_MIN_CONTRACT_DAYS.at(on), CONTINUITY_MAX_GAP_MONTHS.at(on)

    def long_enough(contract: Contract) -> bool:
        return day_count(*contract_period(contract)) >= min_days

    def continuous(previous: Contract, following: Contract) -> bool:
        if not long_enough(previous) or not long_enough(following):
            return False
        gap_first, gap_last = contract_period(previous)[1] + ONE_DAY, following.start - ONE_DAY
        return gap_last < gap_first or not service_length(gap_first, gap_last).longer_than(max_gap)

    first = chain_start(contracts, continuous)
    periods = [contract_period(contract) for contract in contracts[first:]]
    return Continuity(
        first_index=first,
        since=periods[0][0],
        service=total_length(periods),
        days=sum(day_count(*period) for period in periods),
    )


def guideline_notice_days(service: ServiceLength, days: int, on: date) -> int:
    """Days of notice the term-contract guidelines ask for after ``service`` (``days`` calendar days)."""
    for unit, below, notice in NOTICE_BANDS.at(on):
        if below is None:
            return notice
        if unit == "weeks" and days < below * 7:
            return notice
        if unit == "months" and service.total_months < below:
            return notice
    return NOTICE_BANDS.at(on)[-1][2]


# --- Rules ------------------------------------------------------------------------------------------------


class TermContractRule(Rule):
    """Employment Act: no cap on term contracts; a term contract ends at expiry with no statutory payment."""

    code = "sg.ea.term_contract"
    citation = "Employment Act; MOM FAQ on end of contract"
    effective_from = RRA_63_68_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
        if case.decision.action is Action.NOT_RENEW:
            if not case.concluded(Field.NON_RENEWAL_LAWFUL):
                yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            if case.conclusions.get(Field.NON_RENEWAL_LAWFUL) is True:
                yield self.finding(
                    "sg.ea.term_contract_ends", Severity.INFO, TERM_CONTRACT_ENDS, expiry=case.expiry
                )
            return
        if not case.concluded(Field.RENEWAL_AS_PROPOSED_LAWFUL):
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
        if case.conclusions.get(Field.RENEWAL_AS_PROPOSED_LAWFUL) is True:
            yield self.finding("sg.ea.renewal_lawful", Severity.INFO, RENEWAL_LAWFUL)


class ReemploymentRule(Rule):
    """RRA and the re-employment guidelines: eligible employees between the retirement and re-employment
    ages must be offered re-employment (or an Employment Assistance Payment)."""

    code = "sg.rra.reemployment"
    citation = f"{RRA}; {REEMPLOYMENT_GUIDELINES}"
    effective_from = RRA_63_68_FROM
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        on, expiry, employee = case.on, case.expiry, case.employee
        birth = employee.birth_date
        re_employed = any(
            status.kind == "re_employed_older_worker" and status.active_on(expiry)
            for status in employee.statuses
        )
        retirement_age, reemployment_age = RETIREMENT_AGE.at(on), REEMPLOYMENT_AGE.at(on)
        age = None if birth is None else age_on(birth, expiry)
        if age is not None and age >= reemployment_age:
            yield self.finding(
                "sg.rra.beyond_reemployment_age",
                Severity.INFO,
                REEMPLOYMENT_BEYOND_AGE,
                age=age,
                reemployment_age=reemployment_age,
            )
            return
        if not re_employed and (age is None or age < retirement_age):
            return
        unmet, unknown = self._eligibility(case, birth, retirement_age, re_employed)
        if unmet:
            yield self.finding(
                "sg.rra.not_eligible", Severity.INFO, REEMPLOYMENT_NOT_ELIGIBLE, criteria=", ".join(unmet)
            )
            return
        action = case.decision.action
        if unknown:
            if action is Action.NOT_RENEW:
                yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding(
                "sg.rra.eligibility_unknown",
                Severity.SHOULD,
                REEMPLOYMENT_UNKNOWN,
                criteria=", ".join(unknown),
            )
            return
        if action is Action.NOT_RENEW:
            yield from self._not_renewed(case, age, retirement_age, reemployment_age, re_employed)
        elif action is Action.RENEW_FIXED_TERM:
            yield from self._term(case, birth, reemployment_age)

    def _eligibility(
        self, case: Case, birth: date | None, retirement_age: int, re_employed: bool
    ) -> tuple[list[str], list[str]]:
        """The eligibility criteria not met and those not known, by their fact names."""
        employee = case.employee
        unmet: list[str] = []
        unknown: list[str] = []
        foreign = case.facts.boolean("foreign_national")
        if foreign is True or any(
            status.kind == "foreign_worker" and status.active_on(case.expiry) for status in employee.statuses
        ):
            unmet.append("foreign_national")
        elif foreign is None:
            unknown.append("foreign_national")
        if not re_employed:
            assert birth is not None  # reached only with an age at or past the retirement age
            reached = birthday(birth, retirement_age)
            needed = REEMPLOYMENT_SERVICE_MONTHS.at(case.on)
            served = (
                service_length(employee.first_day, reached - ONE_DAY)
                if employee.first_day < reached
                else None
            )
            if served is None or served.total_months < needed:
                unmet.append("service_before_retirement_age")
        for key in ("satisfactory_performance", "medically_fit"):
            value = case.facts.boolean(key)
            if value is False:
                unmet.append(key)
            elif value is None:
                unknown.append(key)
        return unmet, unknown

    def _not_renewed(
        self, case: Case, age: int | None, retirement_age: int, reemployment_age: int, re_employed: bool
    ) -> Iterator[Outcome]:
        on, expiry = case.on, case.expiry
        offered = case.decision.offer in (Offer.SAME_OR_BETTER, Offer.WORSE)
        if offered and case.facts.boolean("employee_refused_offer") is True:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.finding("sg.rra.offer_declined", Severity.INFO, REEMPLOYMENT_DECLINED)
            return
        yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
        discuss_by = add_months(expiry, -REEMPLOYMENT_DISCUSS_MONTHS.at(on))
        offer_by = add_months(expiry, -REEMPLOYMENT_OFFER_MONTHS.at(on))
        if age is None or (re_employed and age < retirement_age):
            yield self.finding(
                "sg.rra.reemployment_continues",
                Severity.MUST,
                REEMPLOYMENT_DUTY_CONTINUES,
                reemployment_age=reemployment_age,
                discuss_by=discuss_by,
                offer_by=offer_by,
            )
            return
        yield self.finding(
            "sg.rra.offer_reemployment",
            Severity.MUST,
            REEMPLOYMENT_DUTY,
            age=age,
            retirement_age=retirement_age,
            reemployment_age=reemployment_age,
            min_months=REEMPLOYMENT_MIN_TERM_MONTHS.at(on),
            discuss_by=discuss_by,
            offer_by=offer_by,
        )

    def _term(self, case: Case, birth: date | None, reemployment_age: int) -> Iterator[Outcome]:
        new_end = case.decision.new_end_date
        if new_end is None:
            return
        start = case.renewal_start
        term = service_length(start, new_end)
        minimum = REEMPLOYMENT_MIN_TERM_MONTHS.at(case.on)
        age_reached_sooner = birth is not None and birthday(birth, reemployment_age) <= new_end + ONE_DAY
        if term.total_months < minimum and not age_reached_sooner:
            yield self.finding(
                "sg.rra.reemployment_term_short",
                Severity.SHOULD,
                REEMPLOYMENT_SHORT_TERM,
                citation=REEMPLOYMENT_GUIDELINES,
                months=term.total_months,
                days=term.days,
                min_months=minimum,
            )


class NoticeGuidelineRule(Rule):
    """No statutory notice at expiry; the term-contract guidelines scale advance notice to service."""

    code = "sg.tripartite.notice"
    citation = TERM_GUIDELINES
    effective_from = RRA_63_68_FROM
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        on, expiry = case.on, case.expiry
        chain = continuity(case)
        if chain.first_index < len(case.employee.contracts) - 1:
            yield self.finding(
                "sg.tripartite.continuous_service",
                Severity.INFO,
                CONTINUOUS_SERVICE,
                min_days=CONTINUITY_MIN_CONTRACT_DAYS.at(on),
                gap_months=CONTINUITY_MAX_GAP_MONTHS.at(on),
                contracts=len(case.employee.contracts) - chain.first_index,
                since=chain.since,
                months=chain.service.total_months,
                days=chain.service.days,
            )
        notice = guideline_notice_days(chain.service, chain.days, on)
        yield self.conclude(Field.LAST_NOTICE_DATE, None)
        yield self.finding(
            "sg.tripartite.notice_of_non_renewal",
            Severity.SHOULD,
            NOTICE_GUIDELINE,
            notice_days=notice,
            months=chain.service.total_months,
            days=chain.service.days,
            recommended=expiry - timedelta(days=notice),
            expiry=expiry,
        )


class RetrenchmentRule(Rule):
    """MOM guidance: a non-renewal for redundancy is a retrenchment (notification; benefits by guideline)."""

    code = "sg.retrenchment"
    citation = RETRENCHMENT_GUIDANCE
    effective_from = RRA_63_68_FROM
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW or not is_retrenchment(case):
            return
        on = case.on
        chain = continuity(case)
        min_years = RETRENCHMENT_BENEFIT_MIN_YEARS.at(on)
        if chain.service.years >= min_years:
            yield self.finding(
                "sg.retrenchment.benefit_by_guideline", Severity.SHOULD, RETRENCHMENT, min_years=min_years
            )
        else:
            yield self.finding(
                "sg.retrenchment.short_service",
                Severity.INFO,
                RETRENCHMENT_SHORT_SERVICE,
                min_years=min_years,
            )
        term = service_length(case.current_contract.start, case.expiry)
        min_months = NOTIFICATION_MIN_TERM_MONTHS.at(on)
        if term.total_months >= min_months:
            yield self.finding(
                "sg.retrenchment.notify_mom",
                Severity.MUST,
                RETRENCHMENT_NOTIFICATION,
                months=term.total_months,
                days=term.days,
                min_months=min_months,
            )


class MaternityRule(Rule):
    """EA Part IX: maternity benefits survive retrenchment; MOM investigates non-renewals that avoid them."""

    code = "sg.ea.maternity"
    citation = MATERNITY
    effective_from = RRA_63_68_FROM
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        expiry = case.expiry
        if not any(
            status.kind in ("pregnant", "maternity_leave") and status.active_on(expiry)
            for status in case.employee.statuses
        ):
            return
        reason = case.facts.text("reason_for_end")
        if reason is None:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding("sg.ea.maternity_reason_unknown", Severity.SHOULD, MATERNITY_REASON_UNKNOWN)
            return
        yield self.finding("sg.ea.maternity_keep_evidence", Severity.SHOULD, MATERNITY_KEEP_EVIDENCE)
        min_months = MATERNITY_MIN_SERVICE_MONTHS.at(case.on)
        if is_retrenchment(case) and continuity(case).service.total_months >= min_months:
            yield self.finding(
                "sg.ea.maternity_benefits_owed", Severity.MUST, MATERNITY_BENEFITS_OWED, min_months=min_months
            )


CONSIDERED_KINDS = frozenset(("re_employed_older_worker", "foreign_worker", "pregnant", "maternity_leave"))


RULES: tuple[Rule, ...] = (
    ReemploymentRule(),
    MaternityRule(),
    TermContractRule(),
    NoticeGuidelineRule(),
    RetrenchmentRule(),
    StatusScopeRule(
        code="sg.statuses",
        effective_from=RRA_63_68_FROM,
        message=STATUS_NOT_CONSIDERED,
        considered=CONSIDERED_KINDS,
    ),
)

PACKS = (
    Pack(
        code="sg",
        jurisdiction="SG",
        name="Singapore",
        version="2026-07-01",
        effective_from=RRA_63_68_FROM,
        effective_to=None,
        currency="SGD",
        rules=RULES,
        national=True,
        confidence=Confidence.MEDIUM,
        confidence_notes=(
            "Medium-high for the main points (RULES.md §15): no cap on term contracts, nothing owed at "
            "expiry, the re-employment ages and the maternity protection.",
            "Guideline notice, re-employment timing and eligibility (2 years' service before the retirement "
            "age, as the source says): medium.",
            "Retrenchment benefit norm (2 weeks to 1 month per year for 2+ years) and the Employment "
            "Assistance Payment: not verified, low; neither is computed.",
        ),
        not_covered=(
            "Retrenchment benefits and the Employment Assistance Payment are explained, not computed "
            "(guideline amounts not verified).",
            "Who must notify MOM of a retrenchment (employer size) was not researched; the notification is "
            "reported for term contracts of 6 months or more.",
            "Whether the employee is a citizen or permanent resident is read from foreign_national only.",
            "Leave and other entitlements that follow from continuous service are not computed; only the "
            "cumulative service is reported.",
            "Notice and pay in lieu for termination during a contract (Employment Act) are out of scope.",
            "Decisions before 2022-07-01 (retirement age 62, re-employment age 67) are not assessed.",
            "Regional rules: none; a region given gets national rules only.",
        ),
    ),
)
