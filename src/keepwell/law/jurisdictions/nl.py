"""Netherlands: expiry and renewal of fixed-term contracts under the Civil Code, Book 7 (BW).

Sources: BW 7:668 (written notice of continuation or not, "aanzegplicht"), 7:668a (chain rule), 7:652
(probation), 7:673 (transition payment), as amended by the Labour Market in Balance Act (WAB) in force since
2020-01-01; the pending bill 36749 ("Wet meer zekerheid flexwerkers"); as summarised in RULES.md §8 and §20.6.

What the pack reads from the request:

- ``contracts``: the chain is the current contract and the fixed-term contracts before it that follow each
  other with interruptions of at most 6 months (an open-ended contract or a longer interruption starts a
  new chain). Every entry counts as a contract, so an extension listed as its own entry is a new contract.
- ``pay.monthly_wage``: the monthly salary for the transition payment, the 8% holiday allowance and fixed
  components included (RULES.md §21).
- ``facts.monthly_salary_excluding_holiday_allowance``: the bare monthly salary, the base of the penalty
  for missing or late notice.
- ``statuses``: ``pregnant``, ``maternity_leave`` (do not stop expiry); other kinds are reported as not
  considered.
- ``facts``: ``termination_notice_given`` (the date written notice was given), ``reason_for_end``
  (``completion_of_task``: no calendar end date, so no notice duty), ``sector_agreement_overrides_defaults``
  (a collective agreement may deviate from the chain rule), ``employee_refused_offer`` with
  ``decision.offer`` (continuation offered and declined).
- ``decision``: for ``renew_fixed_term``, the new contract runs from ``date`` to ``new_end_date``.

The notice penalty of 7:668(3) has no field in the assessment: it is given in the notice findings.
No regional variants.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import Schedule, constant
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, Outcome, Rule, StatusScopeRule, format_decimal
from keepwell.law.service import (
    ONE_DAY,
    ServiceLength,
    add_months,
    chain_start,
    fraction_to_decimal,
    period_last_day,
    pro_rata_years,
    pro_rata_years_text,
    service_length,
)
from keepwell.law.types import Action, Confidence, Contract, Field, Offer, Severance, Severity

PACK_FROM = date(2020, 1, 1)  # the Labour Market in Balance Act (WAB)

# --- Dated parameters ------------------------------------------------------------------------------------

CHAIN_MAX_CONTRACTS = constant("nl.chain_max_contracts", PACK_FROM, 3, citation="BW 7:668a")
CHAIN_MAX_MONTHS = constant("nl.chain_max_months", PACK_FROM, 36, citation="BW 7:668a")
CHAIN_RESET_MONTHS = constant("nl.chain_reset_months", PACK_FROM, 6, citation="BW 7:668a")
NOTICE_MIN_CONTRACT_MONTHS = constant("nl.notice_min_contract_months", PACK_FROM, 6, citation="BW 7:668")
NOTICE_MONTHS = constant("nl.notice_months", PACK_FROM, 1, citation="BW 7:668")
NOTICE_PENALTY_MONTHS = constant("nl.notice_penalty_months", PACK_FROM, Decimal(1), citation="BW 7:668(3)")
TRANSITION_SHARE_PER_YEAR = constant(
    "nl.transition_share_per_year", PACK_FROM, Fraction(1, 3), citation="BW 7:673"
)
# The fixed cap by calendar year of the end; None where the figure is not tabled (RULES.md found only 2025).
TRANSITION_CAP: Schedule[Decimal | None] = Schedule(
    "nl.transition_cap",
    ((PACK_FROM, None), (date(2025, 1, 1), Decimal("98000")), (date(2026, 1, 1), None)),
    citation="BW 7:673",
)
# A remainder of days counts as days / 365 of a year (months as months / 12).
TRANSITION_DAYS_PER_YEAR = constant("nl.transition_days_per_year", PACK_FROM, 365, citation="BW 7:673")
TRANSITION_CAP_SALARY_MONTHS = constant("nl.transition_cap_salary_months", PACK_FROM, 12, citation="BW 7:673")
PROBATION_NONE_UP_TO_MONTHS = constant("nl.probation_none_up_to_months", PACK_FROM, 6, citation="BW 7:652")
PROBATION_SHORT_MONTHS = constant("nl.probation_short_months", PACK_FROM, 1, citation="BW 7:652")
PROBATION_LONG_FROM_YEARS = constant("nl.probation_long_from_years", PACK_FROM, 2, citation="BW 7:652")
PROBATION_LONG_MONTHS = constant("nl.probation_long_months", PACK_FROM, 2, citation="BW 7:652")
# Bill 36749 is not law: its target date and reset gap are kept only to flag decisions it may affect.
PENDING_BILL_TARGET = constant("nl.pending_bill_target", PACK_FROM, date(2027, 1, 1), citation="bill 36749")
PENDING_BILL_RESET_MONTHS = constant("nl.pending_bill_reset_months", PACK_FROM, 60, citation="bill 36749")

COMPLETION_OF_TASK = "completion_of_task"

# --- Messages (English templates, translated through the catalogues) ---------------------------------

CHAIN_WITHIN = gettext_noop(
    "Contracts in the chain: %(contracts)s, from %(start)s to %(expiry)s; within %(max_contracts)s "
    "contracts and %(max_months)s months (last day %(limit)s)."
)
CHAIN_TOO_MANY = gettext_noop(
    "contracts[%(index)s], starting %(start)s, is contract number %(number)s in the chain; after "
    "%(max_contracts)s fixed-term contracts it is open-ended by law from %(start)s."
)
CHAIN_TOO_LONG = gettext_noop(
    "The chain from %(first_start)s exceeds %(max_months)s months after %(limit)s (interruptions counted): "
    "the contract is open-ended by law from %(from_date)s."
)
CHAIN_RESET = gettext_noop(
    "An interruption of more than %(months)s months before %(start)s started a new chain; earlier contracts "
    "do not count."
)
SECTOR_AGREEMENT = gettext_noop(
    "A collective agreement may deviate from the chain rule in this sector; the statutory limits were not "
    "applied."
)
NEXT_CONTRACT_OPEN_ENDED = gettext_noop(
    "A further contract starting within %(months)s months would be open-ended by law (contract number "
    "%(number)s, or beyond %(limit)s)."
)
CONVERTED = gettext_noop(
    "The contract is open-ended by law: it does not end on %(expiry)s, and ending it needs a dismissal "
    "through the employee insurance agency or the court."
)
CHAIN_UNDECIDED = gettext_noop(
    "Whether the contract is open-ended cannot be told without the collective agreement's limits."
)
ENDS_BY_LAW = gettext_noop("The fixed-term contract ends by law on %(expiry)s.")
NOTICE_REQUIRED = gettext_noop(
    "The contract lasts %(months)s months or more: tell the employee in writing whether it will continue, "
    "and on what terms, at least %(notice_months)s month before the end, by %(deadline)s."
)
NOTICE_NOT_REQUIRED = gettext_noop(
    "The contract lasts less than %(months)s months, so no written notice of continuation is required."
)
NOTICE_NO_CALENDAR_END = gettext_noop(
    "The contract has no calendar end date (it ends on completion of its task), so no written notice of "
    "continuation is required."
)
NOTICE_IN_TIME = gettext_noop("Notice given on %(given)s meets the %(deadline)s deadline.")
NOTICE_LATE = Plural(
    "days_late",
    one=gettext_noop(
        "Notice given on %(given)s is %(days_late)s day after the %(deadline)s deadline: the employer "
        "owes %(amount)s %(currency)s (%(days_late)s of %(period_days)s days of %(salary)s bare "
        "monthly salary)."
    ),
    other=gettext_noop(
        "Notice given on %(given)s is %(days_late)s days after the %(deadline)s deadline: the employer "
        "owes %(amount)s %(currency)s (%(days_late)s of %(period_days)s days of %(salary)s bare "
        "monthly salary)."
    ),
)
NOTICE_LATE_SALARY_UNKNOWN = Plural(
    "days_late",
    one=gettext_noop(
        "Notice given on %(given)s is %(days_late)s day after the %(deadline)s deadline: the employer "
        "owes that share (%(days_late)s of %(period_days)s days) of one month's bare salary; give "
        "monthly_salary_excluding_holiday_allowance to compute it."
    ),
    other=gettext_noop(
        "Notice given on %(given)s is %(days_late)s days after the %(deadline)s deadline: the employer "
        "owes that share (%(days_late)s of %(period_days)s days) of one month's bare salary; give "
        "monthly_salary_excluding_holiday_allowance to compute it."
    ),
)
NOTICE_MISSED = gettext_noop(
    "As of %(as_of)s the %(deadline)s deadline has passed with no notice recorded: the employer owes up to "
    "%(amount)s %(currency)s (one month's bare salary), less if notice is still given before the end."
)
NOTICE_MISSED_SALARY_UNKNOWN = gettext_noop(
    "As of %(as_of)s the %(deadline)s deadline has passed with no notice recorded: the employer owes up to "
    "one month's bare salary; give monthly_salary_excluding_holiday_allowance to compute it."
)
TRANSITION_PAYMENT = gettext_noop("The transition payment is %(amount)s %(currency)s: %(basis)s.")
TRANSITION_WAGE_UNKNOWN = gettext_noop(
    "The transition payment is %(basis)s; give the monthly salary (holiday allowance and fixed components "
    "included) to compute it."
)
TRANSITION_CAP_NOT_TABLED = gettext_noop(
    "The fixed cap on the transition payment for %(year)s is not tabled; the amount is above one year's "
    "salary, so the cap may apply."
)
TRANSITION_DECLINED = gettext_noop(
    "The employer offered to continue on the same or better terms and the employee declined: the contract "
    "does not end at the employer's initiative, so no transition payment is due (recalled, not verified)."
)
TRANSITION_WORSE_OFFER = gettext_noop(
    "The employee declined an offer on worse terms; whether that makes the ending the employee's initiative "
    "is not settled in the sources used, so the payment is shown as due."
)
PROBATION_NONE = gettext_noop("No probation may be agreed in a contract of %(months)s months or less.")
PROBATION_LIMIT = Plural(
    "max_months",
    one=gettext_noop(
        "Probation in the new contract may last at most %(max_months)s month (recalled, not verified)."
    ),
    other=gettext_noop(
        "Probation in the new contract may last at most %(max_months)s months (recalled, not verified)."
    ),
)
RENEWAL_LAWFUL = gettext_noop(
    "The new fixed-term contract to %(new_end)s is contract number %(number)s in the chain and stays within "
    "the limits (last day %(limit)s)."
)
RENEWAL_CONVERTS = gettext_noop(
    "The new contract would be contract number %(number)s in the chain, or run past %(limit)s: it would be "
    "open-ended by law, not fixed-term."
)
RENEWAL_NEW_CHAIN = gettext_noop(
    "The new contract starts more than %(months)s months after the current one ends, so it starts a new "
    "chain."
)
NEW_END_DATE_NEEDED = gettext_noop(
    "Give decision.new_end_date to check the new contract against the chain rule."
)
OPEN_ENDED_RENEWAL = gettext_noop("An open-ended contract meets the Civil Code.")
PENDING_BILL = gettext_noop(
    "Bill 36749 targets %(target)s for stretching the interruption that starts a new chain from %(months)s "
    "to %(pending_months)s months; it is not in force and was not applied."
)
PENDING_BILL_AFFECTS = gettext_noop(
    "Bill 36749 targets %(target)s for stretching the interruption that starts a new chain from %(months)s "
    "to %(pending_months)s months; this history has such an interruption, so the answer may change if the "
    "bill passes."
)
STATUS_DOES_NOT_BLOCK = gettext_noop(
    "Status %(kind)s does not stop the contract from ending on %(expiry)s; not renewing because of pregnancy "
    "breaches equal-treatment law, a separate claim."
)
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the Netherlands rule pack.")


# --- Shared computations --------------------------------------------------------------------------------


def within_reset(previous_end: date, next_start: date, months: int) -> bool:
    """True when the interruption between two contracts is at most ``months`` months (RULES.md §0)."""
    return next_start <= period_last_day(previous_end + ONE_DAY, months) + ONE_DAY


def chain_service(contracts: tuple[Contract, ...]) -> ServiceLength:
    """The service of each contract added up, interruptions left out: years, months (12 carried into a
    year) and days (never carried, as a month has no fixed number of days)."""
    parts = [service_length(contract.start, contract.end) for contract in contracts if contract.end]
    months = sum(part.total_months for part in parts)
    return ServiceLength(years=months // 12, months=months % 12, days=sum(part.days for part in parts))


@dataclass(frozen=True)
class Chain:
    """The current chain of fixed-term contracts (BW 7:668a) and where it turned open-ended."""

    first_index: int
    contracts: tuple[Contract, ...]
    limit: date  # last day of the 36 months from the chain's start
    too_many_at: int | None  # index in ``contracts`` of the first contract beyond the maximum number
    too_long_from: date | None  # the day the chain became open-ended by its length

    @property
    def start(self) -> date:
        return self.contracts[0].start

    @property
    def conversion_date(self) -> date | None:
        days = [day for day in (self.too_long_from,) if day is not None]
        if self.too_many_at is not None:
            days.append(self.contracts[self.too_many_at].start)
        return min(days) if days else None


def current_chain(case: Case) -> Chain:
    """Walk back from the current contract while fixed-term contracts follow within the reset period."""
    on = case.on
    reset = CHAIN_RESET_MONTHS.at(on)
    contracts = case.employee.contracts
    first = chain_start(
        contracts,
        lambda previous, following: (
            previous.is_fixed_term
            and previous.end is not None
            and within_reset(previous.end, following.start, reset)
        ),
    )
    chain = contracts[first:]
    limit = period_last_day(chain[0].start, CHAIN_MAX_MONTHS.at(on))
    max_contracts = CHAIN_MAX_CONTRACTS.at(on)
    too_long_from = None
    for contract in chain:
        if contract.end is not None and contract.end > limit:
            too_long_from = max(contract.start, limit + ONE_DAY)
            break
    return Chain(
        first_index=first,
        contracts=chain,
        limit=limit,
        too_many_at=max_contracts if len(chain) > max_contracts else None,
        too_long_from=too_long_from,
    )


def sector_agreement(case: Case) -> bool:
    return case.facts.boolean("sector_agreement_overrides_defaults") is True


# --- Rules ----------------------------------------------------------------------------------------------


class ChainRule(Rule):
    """BW 7:668a: more than 3 contracts, or more than 36 months, with interruptions of at most 6 months."""

    code = "nl.bw.art7_668a"
    citation = "BW 7:668a"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        on = case.on
        chain = current_chain(case)
        if chain.first_index > 0:
            yield self.finding(
                "nl.bw.art7_668a.chain_reset",
                Severity.INFO,
                CHAIN_RESET,
                months=CHAIN_RESET_MONTHS.at(on),
                start=chain.start,
            )
        if sector_agreement(case):
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None)
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, None)
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
            yield self.finding("nl.bw.art7_668a.sector_agreement", Severity.SHOULD, SECTOR_AGREEMENT)
            return
        max_contracts, max_months = CHAIN_MAX_CONTRACTS.at(on), CHAIN_MAX_MONTHS.at(on)
        conversion = chain.conversion_date
        if conversion is None:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            yield self.finding(
                "nl.bw.art7_668a.within_chain",
                Severity.INFO,
                CHAIN_WITHIN,
                contracts=len(chain.contracts),
                start=chain.start,
                expiry=case.expiry,
                max_contracts=max_contracts,
                max_months=max_months,
                limit=chain.limit,
            )
            yield from self._next_contract(case, chain)
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
        yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, conversion)
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
        if chain.too_many_at is not None:
            contract = chain.contracts[chain.too_many_at]
            yield self.finding(
                "nl.bw.art7_668a.too_many_contracts",
                Severity.MUST,
                CHAIN_TOO_MANY,
                index=chain.first_index + chain.too_many_at,
                start=contract.start,
                number=chain.too_many_at + 1,
                max_contracts=max_contracts,
            )
        if chain.too_long_from is not None:
            yield self.finding(
                "nl.bw.art7_668a.chain_too_long",
                Severity.MUST,
                CHAIN_TOO_LONG,
                first_start=chain.start,
                max_months=max_months,
                limit=chain.limit,
                from_date=chain.too_long_from,
            )

    def _next_contract(self, case: Case, chain: Chain) -> Iterator[Outcome]:
        on = case.on
        number = len(chain.contracts) + 1
        if number > CHAIN_MAX_CONTRACTS.at(on) or case.expiry >= chain.limit:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
            yield self.finding(
                "nl.bw.art7_668a.next_contract_open_ended",
                Severity.INFO,
                NEXT_CONTRACT_OPEN_ENDED,
                months=CHAIN_RESET_MONTHS.at(on),
                number=number,
                limit=chain.limit,
            )
        else:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)


class EndingRule(Rule):
    """BW 7:668a: an open-ended contract does not end by law; a valid fixed term does."""

    code = "nl.bw.art7_668a.ending"
    citation = "BW 7:668a"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        action, expiry = case.decision.action, case.expiry
        if action is Action.RENEW_OPEN_ENDED:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding("nl.bw.open_ended_renewal", Severity.INFO, OPEN_ENDED_RENEWAL)
        if action is not Action.NOT_RENEW:
            return
        converted = case.conclusions.get(Field.AUTOMATIC_CONVERSION)
        if converted is True:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
            yield self.finding("nl.bw.art7_668a.converted", Severity.MUST, CONVERTED, expiry=expiry)
        elif converted is None:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding("nl.bw.art7_668a.undecided", Severity.SHOULD, CHAIN_UNDECIDED)
        else:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.finding("nl.bw.ends_by_law", Severity.INFO, ENDS_BY_LAW, expiry=expiry)


class NoticeRule(Rule):
    """BW 7:668: written notice of continuation or not, one month ahead, for contracts of 6 months or more."""

    code = "nl.bw.art7_668"
    citation = "BW 7:668"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        on, expiry = case.on, case.expiry
        min_months = NOTICE_MIN_CONTRACT_MONTHS.at(on)
        if case.facts.text("reason_for_end") == COMPLETION_OF_TASK:
            yield self.conclude(Field.LAST_NOTICE_DATE, None)
            yield self.finding("nl.bw.art7_668.no_calendar_end", Severity.INFO, NOTICE_NO_CALENDAR_END)
            return
        length = service_length(case.current_contract.start, expiry)
        if length.total_months < min_months:
            yield self.conclude(Field.LAST_NOTICE_DATE, None)
            yield self.finding(
                "nl.bw.art7_668.not_required", Severity.INFO, NOTICE_NOT_REQUIRED, months=min_months
            )
            return
        notice_months = NOTICE_MONTHS.at(on)
        # "At least one month before the end" (RULES.md §0): for an end on the 31st, the last day of the
        # previous month; a shorter month clamps (31 March → 28 or 29 February).
        deadline = add_months(expiry, -notice_months)
        yield self.conclude(Field.LAST_NOTICE_DATE, deadline)
        yield self.finding(
            "nl.bw.art7_668.notice_required",
            Severity.MUST,
            NOTICE_REQUIRED,
            months=min_months,
            notice_months=notice_months,
            deadline=deadline,
        )
        yield from self._timeliness(case, deadline)

    def _timeliness(self, case: Case, deadline: date) -> Iterator[Outcome]:
        given = case.facts.date_of("termination_notice_given")
        salary = case.facts.decimal("monthly_salary_excluding_holiday_allowance")
        penalty = NOTICE_PENALTY_MONTHS.at(case.on)
        currency = case.currency
        if given is not None and given <= deadline:
            yield self.finding(
                "nl.bw.art7_668.notice_in_time", Severity.INFO, NOTICE_IN_TIME, given=given, deadline=deadline
            )
        elif given is not None:
            period_days = (case.expiry - deadline).days
            days_late = min((given - deadline).days, period_days)
            if salary is None:
                yield self.finding(
                    "nl.bw.art7_668.notice_late",
                    Severity.MUST,
                    NOTICE_LATE_SALARY_UNKNOWN,
                    given=given,
                    days_late=days_late,
                    deadline=deadline,
                    period_days=period_days,
                )
                return
            # Pro rata: the share of the notice month that the notice came late.
            amount = case.money(salary * penalty * days_late / period_days)
            yield self.finding(
                "nl.bw.art7_668.notice_late",
                Severity.MUST,
                NOTICE_LATE,
                given=given,
                days_late=days_late,
                deadline=deadline,
                period_days=period_days,
                amount=format(amount, "f"),
                currency=currency,
                salary=salary,
            )
        elif case.request.as_of is not None and case.request.as_of > deadline:
            if salary is None:
                yield self.finding(
                    "nl.bw.art7_668.notice_missed",
                    Severity.MUST,
                    NOTICE_MISSED_SALARY_UNKNOWN,
                    as_of=case.request.as_of,
                    deadline=deadline,
                )
                return
            yield self.finding(
                "nl.bw.art7_668.notice_missed",
                Severity.MUST,
                NOTICE_MISSED,
                as_of=case.request.as_of,
                deadline=deadline,
                amount=format(case.money(salary * penalty), "f"),
                currency=currency,
            )


class TransitionPaymentRule(Rule):
    """BW 7:673: one third of a month's salary per year of service, from day one, capped."""

    code = "nl.bw.art7_673"
    citation = "BW 7:673"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        currency = case.currency
        declined = case.facts.boolean("employee_refused_offer") is True
        if declined and case.decision.offer is Offer.SAME_OR_BETTER:
            basis = "continuation offered on the same or better terms and declined by the employee"
            yield self.conclude(
                Field.SEVERANCE, Severance(case.money(Decimal(0)), currency, None, basis), Confidence.MEDIUM
            )
            yield self.finding("nl.bw.art7_673.declined_continuation", Severity.INFO, TRANSITION_DECLINED)
            return
        chain = current_chain(case)
        service = chain_service(chain.contracts)
        share = TRANSITION_SHARE_PER_YEAR.at(case.on)
        days_per_year = TRANSITION_DAYS_PER_YEAR.at(case.on)
        years = pro_rata_years(service, days_per_year)
        share_text = f"{share.numerator}/{share.denominator}"
        counted = f"{pro_rata_years_text(service, days_per_year)} years ({service.describe()} of service)"
        wage = case.employee.pay.monthly_wage
        if wage is None:
            basis = f"{share_text} × monthly salary (unknown) × {counted}"
            yield self.conclude(Field.SEVERANCE, Severance(None, currency, None, basis))
            yield self.finding(
                "nl.bw.art7_673.wage_unknown", Severity.SHOULD, TRANSITION_WAGE_UNKNOWN, basis=basis
            )
            return
        exact = wage * fraction_to_decimal(share * years)
        amount, cap_text, cap_unknown = self._cap(case, exact, wage)
        basis = f"{share_text} × {format_decimal(wage)} × {counted}; {cap_text}"
        yield self.conclude(
            Field.SEVERANCE,
            Severance(case.money(amount), currency, None, basis),
            Confidence.MEDIUM if cap_unknown else None,
        )
        yield self.finding(
            "nl.bw.art7_673.transition_payment",
            Severity.MUST,
            TRANSITION_PAYMENT,
            amount=format(case.money(amount), "f"),
            currency=currency,
            basis=basis,
        )
        if cap_unknown:
            yield self.finding(
                "nl.bw.art7_673.cap_not_tabled", Severity.SHOULD, TRANSITION_CAP_NOT_TABLED, year=case.on.year
            )
        if declined and case.decision.offer is Offer.WORSE:
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
            yield self.finding("nl.bw.art7_673.declined_worse_offer", Severity.SHOULD, TRANSITION_WORSE_OFFER)

    def _cap(self, case: Case, amount: Decimal, wage: Decimal) -> tuple[Decimal, str, bool]:
        """The capped amount, the words for the basis, and whether the cap could not be checked."""
        salary_months = TRANSITION_CAP_SALARY_MONTHS.at(case.on)
        year_salary = wage * salary_months
        fixed = TRANSITION_CAP.at(case.on)
        salary_text = f"{salary_months} × {format_decimal(wage)} = {format_decimal(year_salary)}"
        if fixed is None:
            if amount <= year_salary:
                return amount, f"cap not reached (one year's salary {salary_text})", False
            return amount, f"cap for {case.on.year} not tabled (one year's salary {salary_text})", True
        cap = max(fixed, year_salary)
        cap_text = f"cap max({format_decimal(fixed)}, {salary_text}) = {format_decimal(cap)}"
        if amount > cap:
            return cap, f"{cap_text} applied", False
        return amount, f"{cap_text} not reached", False


class RenewalRule(Rule):
    """BW 7:668a and 7:652 for a proposed new fixed-term contract."""

    code = "nl.bw.art7_668a.renewal"
    citation = "BW 7:668a"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        decision = case.decision
        if decision.action is Action.NOT_RENEW:
            return
        yield from self._probation(case)
        if decision.action is not Action.RENEW_FIXED_TERM:
            return
        on = case.on
        if sector_agreement(case):
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            return
        reset = CHAIN_RESET_MONTHS.at(on)
        if not within_reset(case.expiry, decision.date, reset):
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "nl.bw.art7_668a.renewal_new_chain", Severity.INFO, RENEWAL_NEW_CHAIN, months=reset
            )
            return
        chain = current_chain(case)
        number = len(chain.contracts) + 1
        too_many = number > CHAIN_MAX_CONTRACTS.at(on) or chain.conversion_date is not None
        new_end = decision.new_end_date
        if not too_many and new_end is None:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            yield self.finding("nl.bw.art7_668a.new_end_date_needed", Severity.SHOULD, NEW_END_DATE_NEEDED)
            return
        if too_many or (new_end is not None and new_end > chain.limit):
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
            yield self.finding(
                "nl.bw.art7_668a.renewal_converts",
                Severity.MUST,
                RENEWAL_CONVERTS,
                number=number,
                limit=chain.limit,
            )
            return
        assert new_end is not None
        yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
        yield self.finding(
            "nl.bw.art7_668a.renewal_lawful",
            Severity.INFO,
            RENEWAL_LAWFUL,
            new_end=new_end,
            number=number,
            limit=chain.limit,
        )

    def _probation(self, case: Case) -> Iterator[Outcome]:
        """BW 7:652 (recalled, medium): no probation up to 6 months; 1 month under 2 years; else 2."""
        on, decision = case.on, case.decision
        none_up_to = PROBATION_NONE_UP_TO_MONTHS.at(on)
        if decision.action is Action.RENEW_FIXED_TERM:
            if decision.new_end_date is None:
                return
            length = service_length(decision.date, decision.new_end_date)
            if length.total_months < none_up_to or (length.total_months == none_up_to and not length.days):
                yield self.finding(
                    "nl.bw.art7_652.no_probation",
                    Severity.INFO,
                    PROBATION_NONE,
                    citation="BW 7:652",
                    months=none_up_to,
                )
                return
            long = length.years >= PROBATION_LONG_FROM_YEARS.at(on)
            max_months = PROBATION_LONG_MONTHS.at(on) if long else PROBATION_SHORT_MONTHS.at(on)
        else:
            max_months = PROBATION_LONG_MONTHS.at(on)
        yield self.finding(
            "nl.bw.art7_652.probation_limit",
            Severity.INFO,
            PROBATION_LIMIT,
            citation="BW 7:652",
            max_months=max_months,
        )


class PendingBillRule(Rule):
    """Bill 36749 (RULES.md §8, §20.6): flags decisions from its target date whose history it may change."""

    code = "nl.pending_bill_36749"
    citation = "bill 36749 (pending)"
    effective_from = PACK_FROM
    confidence = Confidence.LOW

    def inspect(self, case: Case) -> Iterator[Outcome]:
        on = case.on
        target = PENDING_BILL_TARGET.at(on)
        if on < target:
            return
        months, pending = CHAIN_RESET_MONTHS.at(on), PENDING_BILL_RESET_MONTHS.at(on)
        affected = False
        contracts = case.employee.contracts
        for previous, following in itertools.pairwise(contracts):
            if previous.end is None or within_reset(previous.end, following.start, months):
                continue
            affected = affected or within_reset(previous.end, following.start, pending)
        if affected:
            yield self.conclude(Field.CONFIDENCE, Confidence.LOW)
            yield self.finding(
                "nl.pending_bill.may_change_chain",
                Severity.SHOULD,
                PENDING_BILL_AFFECTS,
                target=target,
                months=months,
                pending_months=pending,
            )
        else:
            yield self.finding(
                "nl.pending_bill.not_applied",
                Severity.INFO,
                PENDING_BILL,
                target=target,
                months=months,
                pending_months=pending,
            )


RULES: tuple[Rule, ...] = (
    ChainRule(),
    EndingRule(),
    NoticeRule(),
    TransitionPaymentRule(),
    RenewalRule(),
    PendingBillRule(),
    StatusScopeRule(
        code="nl.statuses",
        effective_from=PACK_FROM,
        message=STATUS_NOT_CONSIDERED,
        not_blocking=dict.fromkeys(("pregnant", "maternity_leave"), "Equal Treatment Act"),
        not_blocking_code="nl.protection.does_not_block_expiry",
        not_blocking_message=STATUS_DOES_NOT_BLOCK,
    ),
)

PACKS = (
    Pack(
        code="nl",
        jurisdiction="NL",
        name="Netherlands",
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
            "Chain rule, notice duty and transition payment (BW 7:668a, 7:668, 7:673): high. Pages written "
            "for the 2015-2019 regime (24 months) or before 2015 (3-month interruptions) are out of date "
            "(RULES.md §20.6).",
            "The fixed cap on the transition payment is tabled for 2025 only (EUR 98,000); for other years "
            "an amount above one year's salary is flagged: medium.",
            "No transition payment when the employee declines continuation on the same or better terms: "
            "recalled, not verified (medium).",
            "Probation limits (BW 7:652): recalled, not verified (medium); given as information only.",
            "Bill 36749 (60-month interruption, target 2027-01-01) is pending: low; it is flagged, never "
            "applied.",
        ),
        not_covered=(
            "Deviations from the chain rule by collective agreement (sector_agreement_overrides_defaults): "
            "nothing is concluded on the chain then.",
            "The exceptions for workers under 18 working 12 hours a week or less and for vocational "
            "training (BBL) are not detected.",
            "Succession of employers (good-employer chains) and agency work: only contracts with this "
            "employer, as listed, are counted.",
            "The transition payment's salary components are taken as given in pay.monthly_wage; the fixed "
            "cap is tabled for 2025 only; deductions for transition and employability costs are not "
            "applied.",
            "The notice penalty pro rata for late notice is read as the share of the notice month that the "
            "notice came late; the assessment has no field for it, so it is given in the finding.",
            "Dismissal of a contract that became open-ended (grounds, the employee insurance agency, the "
            "court, fair compensation) is out of scope.",
            "Decisions before 2020-01-01 (the rules before the Labour Market in Balance Act).",
            "Regions: none; the Caribbean Netherlands are not covered.",
        ),
    ),
)
