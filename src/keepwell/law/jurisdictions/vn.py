"""Vietnam: fixed-term labour contracts under the Labor Code 2019 (Law 45/2019/QH14, in force 2021-01-01).

Sources (RULES.md §11): Labor Code Art 20 (36-month limit; one further fixed term; continued work after
expiry), Arts 24-25 (probation), Art 45 (written notice of the end), Art 46 (severance allowance), Art 47
(job-loss allowance, for contrast), Art 48 (final settlement), Art 137(3) (priority of pregnant workers and
mothers of children under 12 months), Art 149(1) (elderly workers), Art 151(2) (foreign workers), Art 177(4)
(union officials); Decree 145/2020/ND-CP Art 8 (time counted for severance).

What the pack reads from the request:

- ``contracts``: the trailing run of fixed-term contracts gives the number of fixed terms signed in a row
  (Art 20(2)); every contract, plus employment before the first one from ``hire_date``, is working time for
  severance. Each fixed term is checked against 36 months.
- ``pay.monthly_wage``: the average contractual wage of the 6 months before the end (Art 46(3));
  ``pay.currency`` (default VND).
- ``statuses``: ``foreign_worker`` (Art 151(2)), ``re_employed_older_worker`` (Art 149(1)),
  ``union_representative`` (Art 177(4): the contract runs to the end of the term of office, given as the
  status's ``until``), ``pregnant``, ``maternity_leave``, ``nursing_period`` (Art 137(3)). Other kinds are
  reported as not considered.
- ``facts``: ``unemployment_insurance_periods`` (a list of ``{"from": date, "to": date or null}``; time
  covered is not counted for severance), ``foreign_national``, ``statutory_retirement_date`` (an elderly
  worker from that day; a possible pension removes severance), ``continued_working_after_expiry_days`` and
  ``new_contract_signed`` (Art 20(2)), ``child_birth_date`` (Art 137(3)), ``reason_for_end`` (text;
  ``redundancy`` points to Art 47), ``termination_notice_given`` (reported).
- ``decision.new_end_date``: a proposed fixed term, checked against 36 months.

The rules are national (``national=True``): a region in the request gets them with the framework's
"national law applies" finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from decimal import Decimal

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import constant
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, Outcome, Rule, StatusScopeRule, format_decimal
from keepwell.law.service import (
    ONE_DAY,
    ServiceLength,
    contract_period,
    merged_periods,
    period_last_day,
    service_length,
    total_length,
    trailing_fixed_terms,
)
from keepwell.law.types import Action, BlockingProtection, Confidence, Field, Period, Severance, Severity

CODE_IN_FORCE = date(2021, 1, 1)

# --- Dated parameters -------------------------------------------------------------------------------------

MAX_TERM_MONTHS = constant("vn.max_term_months", CODE_IN_FORCE, 36, citation="Labor Code 2019 Art 20(1)(b)")
FIXED_TERMS_BEFORE_INDEFINITE = constant(
    "vn.fixed_terms_before_indefinite", CODE_IN_FORCE, 2, citation="Labor Code 2019 Art 20(2)(c)"
)
CONTINUED_WORK_DAYS = constant(
    "vn.continued_work_days", CODE_IN_FORCE, 30, citation="Labor Code 2019 Art 20(2)"
)
SEVERANCE_MIN_SERVICE_MONTHS = constant(
    "vn.severance_min_service_months", CODE_IN_FORCE, 12, citation="Labor Code 2019 Art 46(1)"
)
SEVERANCE_MONTHS_PER_YEAR = constant(
    "vn.severance_months_per_year", CODE_IN_FORCE, Decimal("0.5"), citation="Labor Code 2019 Art 46(1)"
)
# A remainder of up to this many months counts as half a year; a longer one as a full year.
HALF_YEAR_REMAINDER_MONTHS = constant(
    "vn.half_year_remainder_months",
    CODE_IN_FORCE,
    6,
    citation="Decree 145/2020 Art 8 (as recalled in RULES.md)",
)
SETTLEMENT_WORKING_DAYS = constant(
    "vn.settlement_working_days", CODE_IN_FORCE, 14, citation="Labor Code 2019 Art 48"
)
SETTLEMENT_EXTENDED_DAYS = constant(
    "vn.settlement_extended_days", CODE_IN_FORCE, 30, citation="Labor Code 2019 Art 48"
)
PRIORITY_CHILD_MONTHS = constant(
    "vn.priority_child_months", CODE_IN_FORCE, 12, citation="Labor Code 2019 Art 137(3)"
)

SEVERANCE_CITATION = "Labor Code 2019 Art 46; Decree 145/2020 Art 8"
INSURANCE_KEY = "unemployment_insurance_periods"


# --- Messages ---------------------------------------------------------------------------------------------

TERM_OVER_LIMIT = Plural(
    "days",
    one=gettext_noop(
        "contracts[%(index)s] lasts %(months)s months and %(days)s day, more than the %(limit)s months "
        "allowed for a fixed-term contract."
    ),
    other=gettext_noop(
        "contracts[%(index)s] lasts %(months)s months and %(days)s days, more than the %(limit)s "
        "months allowed for a fixed-term contract."
    ),
)
PROPOSED_TERM_OVER_LIMIT = Plural(
    "days",
    one=gettext_noop(
        "The proposed fixed term of %(months)s months and %(days)s day is longer than the %(limit)s "
        "months allowed."
    ),
    other=gettext_noop(
        "The proposed fixed term of %(months)s months and %(days)s days is longer than the %(limit)s "
        "months allowed."
    ),
)
FIRST_FIXED_TERM = gettext_noop(
    "This is the first fixed-term contract in a row: one more fixed-term contract may follow; after that, "
    "continued work needs an indefinite contract."
)
NEXT_MUST_BE_INDEFINITE = gettext_noop(
    "%(fixed_terms)s fixed-term contracts have been signed in a row: if the work continues, the next "
    "contract must be indefinite."
)
FIXED_TERM_RENEWAL_REFUSED = gettext_noop(
    "After %(fixed_terms)s fixed-term contracts in a row, a further fixed-term contract is not allowed: the "
    "next contract must be indefinite."
)
TOO_MANY_FIXED_TERMS = gettext_noop(
    "%(fixed_terms)s fixed-term contracts have been signed in a row, but only %(allowed)s are allowed: "
    "contracts[%(index)s] should have been indefinite, so ending the employment at its expiry may be "
    "treated as a unilateral termination."
)
EXCEPTION_FOREIGN = gettext_noop(
    "A foreign worker's term follows the work permit, so repeated fixed-term contracts are allowed."
)
EXCEPTION_ELDERLY = gettext_noop(
    "The employee is an elderly worker (from %(retirement)s): repeated fixed-term contracts are allowed."
)
EXCEPTION_ELDERLY_STATUS = gettext_noop(
    "The employee is an elderly worker re-employed after retirement age: repeated fixed-term contracts are "
    "allowed."
)
EXCEPTION_UNION = gettext_noop(
    "The employee is a union official whose contract runs to the end of the term of office: repeated "
    "fixed-term contracts are allowed."
)
GAP_BETWEEN_CONTRACTS = Plural(
    "days",
    one=gettext_noop(
        "There is %(days)s day between contracts[%(previous)s] and contracts[%(index)s]; the contracts "
        "are counted as signed in a row. If the employment really ended in between, the count may "
        "differ."
    ),
    other=gettext_noop(
        "There are %(days)s days between contracts[%(previous)s] and contracts[%(index)s]; the "
        "contracts are counted as signed in a row. If the employment really ended in between, the "
        "count may differ."
    ),
)
CONTINUED_WORK_CONVERTS = gettext_noop(
    "The employee worked %(days)s days after expiry without a new contract, more than %(limit)s: the "
    "fixed-term contract has become indefinite."
)
CONTINUED_WORK_LATE_CONTRACT = gettext_noop(
    "The employee worked %(days)s days after expiry, more than %(limit)s, and a new contract was signed: "
    "if it was signed more than %(limit)s days after expiry, the old contract had already become indefinite."
)
CONTINUED_WORK_WINDOW = Plural(
    "days",
    one=gettext_noop(
        "The employee worked %(days)s day after expiry: a new contract must be signed by %(deadline)s, "
        "or the contract becomes indefinite."
    ),
    other=gettext_noop(
        "The employee worked %(days)s days after expiry: a new contract must be signed by "
        "%(deadline)s, or the contract becomes indefinite."
    ),
)
UNION_EXTENSION = gettext_noop(
    "The employee is a union official in office on the expiry date %(expiry)s: the contract is extended to "
    "the end of the term of office."
)
UNION_EXTENDED_UNTIL = gettext_noop("The term of office ends on %(until)s; the contract runs until then.")
SEVERANCE_AMOUNT = Plural(
    "years",
    one=gettext_noop(
        "A severance allowance of %(amount)s %(currency)s is owed: %(years)s year counted × "
        "%(per_year)s month's wage × %(wage)s."
    ),
    other=gettext_noop(
        "A severance allowance of %(amount)s %(currency)s is owed: %(years)s years counted × "
        "%(per_year)s month's wage × %(wage)s."
    ),
)
SEVERANCE_MONTHS_ONLY = Plural(
    "months",
    one=Plural(
        "years",
        one=gettext_noop(
            "A severance allowance of %(months)s month's wage is owed (%(years)s year counted × "
            "%(per_year)s); give the average monthly wage of the last 6 months to compute the amount."
        ),
        other=gettext_noop(
            "A severance allowance of %(months)s month's wage is owed (%(years)s years counted × "
            "%(per_year)s); give the average monthly wage of the last 6 months to compute the amount."
        ),
    ),
    other=Plural(
        "years",
        one=gettext_noop(
            "A severance allowance of %(months)s months' wage is owed (%(years)s year counted × "
            "%(per_year)s); give the average monthly wage of the last 6 months to compute the amount."
        ),
        other=gettext_noop(
            "A severance allowance of %(months)s months' wage is owed (%(years)s years counted × "
            "%(per_year)s); give the average monthly wage of the last 6 months to compute the amount."
        ),
    ),
)
SEVERANCE_ALL_INSURED = gettext_noop(
    "All working time was covered by unemployment insurance: the severance allowance is zero."
)
SEVERANCE_UNDER_A_YEAR = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "Working time adds up to %(months)s month and %(days)s day, less than %(needed)s months: "
            "no severance allowance is owed."
        ),
        other=gettext_noop(
            "Working time adds up to %(months)s month and %(days)s days, less than %(needed)s months: "
            "no severance allowance is owed."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "Working time adds up to %(months)s months and %(days)s day, less than %(needed)s months: "
            "no severance allowance is owed."
        ),
        other=gettext_noop(
            "Working time adds up to %(months)s months and %(days)s days, less than %(needed)s months: "
            "no severance allowance is owed."
        ),
    ),
)
SEVERANCE_INSURANCE_UNKNOWN = gettext_noop(
    "Time covered by unemployment insurance is not counted for severance, and the insured periods are not "
    "given: give unemployment_insurance_periods (an empty list if there were none)."
)
SEVERANCE_ROUNDING = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "The counted time has a remainder of %(months)s month and %(days)s day, counted as "
            "%(counted)s year; the rounding of odd months rests on an unconfirmed reading of Decree "
            "145."
        ),
        other=gettext_noop(
            "The counted time has a remainder of %(months)s month and %(days)s days, counted as "
            "%(counted)s year; the rounding of odd months rests on an unconfirmed reading of Decree "
            "145."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "The counted time has a remainder of %(months)s months and %(days)s day, counted as "
            "%(counted)s year; the rounding of odd months rests on an unconfirmed reading of Decree "
            "145."
        ),
        other=gettext_noop(
            "The counted time has a remainder of %(months)s months and %(days)s days, counted as "
            "%(counted)s year; the rounding of odd months rests on an unconfirmed reading of Decree "
            "145."
        ),
    ),
)
PENSION_EXCEPTION = gettext_noop(
    "The employee reaches statutory retirement on %(retirement)s: if the employee qualifies for a pension, "
    "no severance allowance is owed."
)
SETTLEMENT = gettext_noop(
    "Settle all amounts within %(days)s working days of the end, or %(extended)s days in the cases the law "
    "lists."
)
NOTICE_IN_WRITING = gettext_noop(
    "Notify the employee in writing that the contract ends on %(expiry)s. The 2019 Code sets no minimum lead "
    "time for expiry (the 15 days of the 2012 Code no longer apply)."
)
MATERNITY_PRIORITY = gettext_noop(
    "The employee is pregnant or raising a child under %(months)s months at expiry: she has priority for a "
    "new contract. This is a priority, not an extension of the contract."
)
JOB_LOSS_NOT_FOR_EXPIRY = gettext_noop(
    "The job-loss allowance (one month per year, at least two months) applies to restructuring and mergers, "
    "not to expiry; it is not computed here."
)
NO_NEW_PROBATION = gettext_noop("The renewed contract for the same job cannot set a new probation period.")
EXPIRY_ENDS_CONTRACT = gettext_noop(
    "The fixed-term contract ends on its expiry date %(expiry)s; nothing in the facts given blocks that."
)
RENEWAL_LAWFUL = gettext_noop("Renewing on the terms proposed meets the Labor Code.")
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the Vietnam rule pack.")

EFFECT_UNION = gettext_noop("contract extended to the end of the union term of office")


# --- Shared computations ----------------------------------------------------------------------------------


def without(periods: Iterable[Period], holes: Iterable[Period]) -> list[Period]:
    """The parts of ``periods`` outside every one of ``holes``."""
    pieces = merged_periods(periods)
    for hole_first, hole_last in merged_periods(holes):
        kept: list[Period] = []
        for first, last in pieces:
            if hole_last < first or last < hole_first:
                kept.append((first, last))
                continue
            if first < hole_first:
                kept.append((first, hole_first - ONE_DAY))
            if hole_last < last:
                kept.append((hole_last + ONE_DAY, last))
        pieces = kept
    return pieces


def insurance_periods(case: Case) -> list[Period] | None:
    """The periods covered by unemployment insurance, clipped to the expiry date; ``None`` when not given.

    Each item is ``{"from": date, "to": date or null}`` (null: still covered at expiry).
    """
    periods = case.facts.periods(INSURANCE_KEY, open_end=case.expiry)
    if periods is None:
        return None
    clipped = [(first, min(last, case.expiry)) for first, last in periods]
    return [(first, last) for first, last in clipped if first <= last]


def counted_years(counted: ServiceLength, on: date) -> Decimal:
    """Whole years, plus ½ for a remainder of up to 6 months, or 1 for a longer one (Decree 145 Art 8)."""
    years = Decimal(counted.years)
    if counted.months == 0 and counted.days == 0:
        return years
    half_up_to = HALF_YEAR_REMAINDER_MONTHS.at(on)
    if counted.months < half_up_to or (counted.months == half_up_to and counted.days == 0):
        return years + Decimal("0.5")
    return years + 1


def describe(length: ServiceLength | None) -> str:
    return "none" if length is None else length.describe()


# --- Rules ------------------------------------------------------------------------------------------------


class MaximumTermRule(Rule):
    """Labor Code Art 20(1)(b): a fixed-term contract lasts at most 36 months."""

    code = "vn.lc.art20.term"
    citation = "Labor Code 2019 Art 20(1)(b)"
    effective_from = CODE_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        limit = MAX_TERM_MONTHS.at(case.on)
        contracts = case.employee.contracts
        for index in trailing_fixed_terms(contracts):
            term = service_length(*contract_period(contracts[index]))
            if term.longer_than(limit):
                yield self.finding(
                    "vn.lc.art20.term_over_limit",
                    Severity.SHOULD,
                    TERM_OVER_LIMIT,
                    index=index,
                    months=term.total_months,
                    days=term.days,
                    limit=limit,
                )
        new_end = case.decision.new_end_date
        if case.decision.action is not Action.RENEW_FIXED_TERM or new_end is None:
            return
        term = service_length(case.renewal_start, new_end)
        if term.longer_than(limit):
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
            yield self.finding(
                "vn.lc.art20.proposed_term_over_limit",
                Severity.MUST,
                PROPOSED_TERM_OVER_LIMIT,
                months=term.total_months,
                days=term.days,
                limit=limit,
            )


class FixedTermCountRule(Rule):
    """Labor Code Art 20(2)(c): one further fixed term after the first; then indefinite (with exceptions)."""

    code = "vn.lc.art20.count"
    citation = "Labor Code 2019 Art 20(2)"
    effective_from = CODE_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        contracts, action = case.employee.contracts, case.decision.action
        run = trailing_fixed_terms(contracts)
        yield from self.gap_findings(
            case, "vn.lc.art20.gap_between_contracts", GAP_BETWEEN_CONTRACTS, indexes=run
        )
        exception = self._exception(case)
        if exception is not None:
            yield exception
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
            if action is not Action.NOT_RENEW:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            return
        allowed = FIXED_TERMS_BEFORE_INDEFINITE.at(case.on)
        count = len(run)
        if count < allowed:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
            yield self.finding("vn.lc.art20.first_fixed_term", Severity.INFO, FIRST_FIXED_TERM)
            if action is not Action.NOT_RENEW:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            return
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
        if count > allowed:
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
            yield self.finding(
                "vn.lc.art20.too_many_fixed_terms",
                Severity.MUST,
                TOO_MANY_FIXED_TERMS,
                fixed_terms=count,
                allowed=allowed,
                index=run[allowed],
            )
            if action is Action.NOT_RENEW:
                yield self.conclude(Field.NON_RENEWAL_LAWFUL, None, Confidence.MEDIUM)
        if action is Action.RENEW_FIXED_TERM:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
            yield self.finding(
                "vn.lc.art20.fixed_term_renewal_not_allowed",
                Severity.MUST,
                FIXED_TERM_RENEWAL_REFUSED,
                fixed_terms=count,
            )
        elif action is Action.RENEW_OPEN_ENDED:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
        elif count == allowed:
            yield self.finding(
                "vn.lc.art20.next_must_be_indefinite",
                Severity.INFO,
                NEXT_MUST_BE_INDEFINITE,
                fixed_terms=count,
            )

    def _exception(self, case: Case) -> Outcome | None:
        """The Art 20(2) exception that applies, as its finding, or ``None``."""
        expiry = case.expiry
        active = {status.kind for status in case.employee.statuses if status.active_on(expiry)}
        if "foreign_worker" in active or case.facts.boolean("foreign_national") is True:
            return self.finding(
                "vn.lc.art151.foreign_worker",
                Severity.INFO,
                EXCEPTION_FOREIGN,
                citation="Labor Code 2019 Art 151(2)",
            )
        retirement = case.facts.date_of("statutory_retirement_date")
        if retirement is not None and retirement <= expiry + ONE_DAY:
            return self.finding(
                "vn.lc.art149.elderly_worker",
                Severity.INFO,
                EXCEPTION_ELDERLY,
                citation="Labor Code 2019 Art 149(1)",
                retirement=retirement,
            )
        if "re_employed_older_worker" in active:
            return self.finding(
                "vn.lc.art149.elderly_worker",
                Severity.INFO,
                EXCEPTION_ELDERLY_STATUS,
                citation="Labor Code 2019 Art 149(1)",
            )
        if "union_representative" in active:
            return self.finding(
                "vn.lc.art177.union_official",
                Severity.INFO,
                EXCEPTION_UNION,
                citation="Labor Code 2019 Art 177(4)",
            )
        return None


class ContinuedWorkRule(Rule):
    """Labor Code Art 20(2)(a)-(b): work continuing more than 30 days after expiry with no new contract makes
    the fixed-term contract indefinite."""

    code = "vn.lc.art20.continued_work"
    citation = "Labor Code 2019 Art 20(2)"
    effective_from = CODE_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        days = case.facts.integer("continued_working_after_expiry_days")
        signed = case.facts.boolean("new_contract_signed")
        limit = CONTINUED_WORK_DAYS.at(case.on)
        if days is None or days <= 0:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            return
        if days <= limit:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            if signed is not True:
                yield self.finding(
                    "vn.lc.art20.sign_within_30_days",
                    Severity.SHOULD,
                    CONTINUED_WORK_WINDOW,
                    days=days,
                    deadline=case.expiry + timedelta(days=limit),
                )
            return
        lawful_field = case.lawful_field
        if signed is True:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None)
            yield self.conclude(lawful_field, None)
            yield self.finding(
                "vn.lc.art20.contract_signed_late",
                Severity.SHOULD,
                CONTINUED_WORK_LATE_CONTRACT,
                days=days,
                limit=limit,
            )
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
        yield self.conclude(lawful_field, case.decision.action is Action.RENEW_OPEN_ENDED)
        yield self.finding(
            "vn.lc.art20.continued_work_indefinite",
            Severity.MUST,
            CONTINUED_WORK_CONVERTS,
            days=days,
            limit=limit,
        )


class UnionOfficialRule(Rule):
    """Labor Code Art 177(4): a union official's contract expiring during the term of office is extended to
    the end of that term."""

    code = "vn.lc.art177"
    citation = "Labor Code 2019 Art 177(4)"
    effective_from = CODE_IN_FORCE
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        expiry = case.expiry
        offices = [
            status
            for status in case.employee.statuses
            if status.kind == "union_representative" and status.active_on(expiry)
        ]
        if not offices:
            return
        yield self.conclude(
            Field.BLOCKING_PROTECTIONS,
            BlockingProtection("union_representative", EFFECT_UNION, self.citation),
        )
        yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
        yield self.finding(
            "vn.lc.art177.extended_to_end_of_term", Severity.MUST, UNION_EXTENSION, expiry=expiry
        )
        ends = [status.until for status in offices]
        for end in ends:
            yield self.conclude(Field.CONTRACT_EXTENDED_UNTIL, end)
        if all(end is not None for end in ends):
            until = max(end for end in ends if end is not None)
            yield self.finding(
                "vn.lc.art177.extended_until", Severity.INFO, UNION_EXTENDED_UNTIL, until=until
            )


class ExpiryRule(Rule):
    """Labor Code Art 34(1): a fixed-term contract ends at expiry unless a rule above found otherwise."""

    code = "vn.lc.art34"
    citation = "Labor Code 2019 Art 34(1)"
    effective_from = CODE_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        field = case.lawful_field
        if not case.concluded(field):
            yield self.conclude(field, True)
        if case.conclusions.get(field) is not True:
            return
        if field is Field.NON_RENEWAL_LAWFUL:
            yield self.finding(
                "vn.lc.art34.ends_at_expiry", Severity.INFO, EXPIRY_ENDS_CONTRACT, expiry=case.expiry
            )
        else:
            yield self.finding(
                "vn.lc.art20.renewal_lawful", Severity.INFO, RENEWAL_LAWFUL, citation="Labor Code 2019 Art 20"
            )


class SeveranceRule(Rule):
    """Labor Code Art 46, Decree 145 Art 8: ½ month's wage per year worked, less time covered by
    unemployment insurance, after 12 months or more."""

    code = "vn.lc.art46"
    citation = SEVERANCE_CITATION
    effective_from = CODE_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        on, employee = case.on, case.employee
        periods = [contract_period(contract) for contract in employee.contracts]
        if employee.first_day < employee.contracts[0].start:
            periods.append((employee.first_day, employee.contracts[0].start - ONE_DAY))
        worked = total_length(periods)
        needed = SEVERANCE_MIN_SERVICE_MONTHS.at(on)
        if worked.total_months < needed:
            yield self.finding(
                "vn.lc.art46.under_12_months",
                Severity.INFO,
                SEVERANCE_UNDER_A_YEAR,
                months=worked.total_months,
                days=worked.days,
                needed=needed,
            )
            return
        insured = insurance_periods(case)
        currency = case.currency
        if insured is None:
            basis = f"{worked.describe()} worked; time covered by unemployment insurance unknown"
            yield self.conclude(Field.SEVERANCE, Severance(None, currency, None, basis))
            yield self.finding("vn.lc.art46.insurance_unknown", Severity.SHOULD, SEVERANCE_INSURANCE_UNKNOWN)
            return
        uncovered = without(periods, insured)
        covered = without(periods, uncovered)
        counted = total_length(uncovered) if uncovered else None
        per_year = SEVERANCE_MONTHS_PER_YEAR.at(on)
        years = Decimal(0) if counted is None else counted_years(counted, on)
        months = years * per_year
        wage = employee.pay.monthly_wage
        counted_text = (
            f"{worked.describe()} worked, {describe(total_length(covered) if covered else None)} covered by "
            f"unemployment insurance: {describe(counted)} counted"
        )
        if counted is not None and not counted.is_whole_years:
            counted_text += f", counted as {format_decimal(years)} years"
        wage_text = "monthly wage (unknown)" if wage is None else format_decimal(wage)
        basis = f"{counted_text} × {format_decimal(per_year)} × {wage_text}"
        if counted is None:
            amount: Decimal | None = case.money(Decimal(0))  # a computed zero: everything was insured
        else:
            amount = None if wage is None else case.money(months * wage)
        yield self.conclude(Field.SEVERANCE, Severance(amount, currency, months, basis))
        yield from self._explain(case, counted, years, months, amount)

    def _explain(
        self,
        case: Case,
        counted: ServiceLength | None,
        years: Decimal,
        months: Decimal,
        amount: Decimal | None,
    ) -> Iterator[Outcome]:
        on, per_year = case.on, SEVERANCE_MONTHS_PER_YEAR.at(case.on)
        wage = case.employee.pay.monthly_wage
        if counted is None:
            yield self.finding("vn.lc.art46.all_insured", Severity.INFO, SEVERANCE_ALL_INSURED)
        elif amount is None or wage is None:
            yield self.finding(
                "vn.lc.art46.wage_unknown",
                Severity.SHOULD,
                SEVERANCE_MONTHS_ONLY,
                months=months,
                years=years,
                per_year=per_year,
            )
        else:
            yield self.finding(
                "vn.lc.art46.severance_allowance",
                Severity.MUST,
                SEVERANCE_AMOUNT,
                amount=format(amount, "f"),
                currency=case.currency,
                years=years,
                per_year=per_year,
                wage=wage,
            )
        if counted is not None and not counted.is_whole_years:
            yield self.finding(
                "vn.decree145.art8.remainder_rounding",
                Severity.INFO,
                SEVERANCE_ROUNDING,
                citation="Decree 145/2020 Art 8",
                months=counted.months,
                days=counted.days,
                counted=years - counted.years,
            )
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
        retirement = case.facts.date_of("statutory_retirement_date")
        if retirement is not None and retirement <= case.expiry:
            yield self.finding(
                "vn.lc.art46.pension_exception",
                Severity.SHOULD,
                PENSION_EXCEPTION,
                citation="Labor Code 2019 Art 46(1)",
                retirement=retirement,
            )
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
        yield self.finding(
            "vn.lc.art48.settlement",
            Severity.INFO,
            SETTLEMENT,
            citation="Labor Code 2019 Art 48",
            days=SETTLEMENT_WORKING_DAYS.at(on),
            extended=SETTLEMENT_EXTENDED_DAYS.at(on),
        )


class NoticeRule(Rule):
    """Labor Code Art 45: written notice of the end, with no minimum lead time for expiry (medium)."""

    code = "vn.lc.art45"
    citation = "Labor Code 2019 Art 45"
    effective_from = CODE_IN_FORCE
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        yield self.conclude(Field.LAST_NOTICE_DATE, None)
        yield self.finding(
            "vn.lc.art45.notice_in_writing", Severity.SHOULD, NOTICE_IN_WRITING, expiry=case.expiry
        )


class OtherEndingsRule(Rule):
    """Labor Code Art 137(3) (priority for a new contract), Art 47 (job-loss allowance, not for expiry) and
    Art 25 (one probation per job): explanations that change no conclusion."""

    code = "vn.lc.other"
    citation = "Labor Code 2019 Art 137(3)"
    effective_from = CODE_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        action, expiry = case.decision.action, case.expiry
        if action is not Action.NOT_RENEW:
            yield self.finding(
                "vn.lc.art25.no_new_probation",
                Severity.INFO,
                NO_NEW_PROBATION,
                citation="Labor Code 2019 Art 25",
            )
            return
        months = PRIORITY_CHILD_MONTHS.at(case.on)
        maternity = any(
            status.kind in ("pregnant", "maternity_leave", "nursing_period") and status.active_on(expiry)
            for status in case.employee.statuses
        )
        birth = case.facts.date_of("child_birth_date")
        young_child = birth is not None and birth <= expiry <= period_last_day(birth, months)
        if maternity or young_child:
            yield self.finding(
                "vn.lc.art137.priority_for_new_contract", Severity.SHOULD, MATERNITY_PRIORITY, months=months
            )
        if case.facts.text("reason_for_end") == "redundancy":
            yield self.finding(
                "vn.lc.art47.job_loss_not_for_expiry",
                Severity.INFO,
                JOB_LOSS_NOT_FOR_EXPIRY,
                citation="Labor Code 2019 Art 47",
            )


CONSIDERED_KINDS = frozenset(
    (
        "foreign_worker",
        "re_employed_older_worker",
        "union_representative",
        "pregnant",
        "maternity_leave",
        "nursing_period",
    )
)


RULES: tuple[Rule, ...] = (
    MaximumTermRule(),
    FixedTermCountRule(),
    ContinuedWorkRule(),
    UnionOfficialRule(),
    ExpiryRule(),
    SeveranceRule(),
    NoticeRule(),
    OtherEndingsRule(),
    StatusScopeRule(
        code="vn.statuses",
        effective_from=CODE_IN_FORCE,
        message=STATUS_NOT_CONSIDERED,
        considered=CONSIDERED_KINDS,
    ),
)

PACKS = (
    Pack(
        code="vn",
        jurisdiction="VN",
        name="Vietnam",
        version="2026-07-01",
        effective_from=CODE_IN_FORCE,
        effective_to=None,
        currency="VND",
        rules=RULES,
        national=True,
        confidence=Confidence.HIGH,
        confidence_notes=(
            "Art 20 (36 months, one further fixed term, 30 days of continued work) and the Art 46 formula: "
            "high.",
            "Rounding of a remainder (up to 6 months counts as half a year, more as a year) rests on an "
            "unconfirmed recollection of Decree 145: medium whenever there is a remainder.",
            "Notice: the 2019 Code sets no minimum lead time for expiry (the 2012 Code's 15 days are gone); "
            "this is a reading of the Code: medium. Pages describing the 2012 Code are out of date "
            "(RULES.md §20).",
            "The union official's extension to the end of the term of office (Art 177(4)) is listed in "
            "RULES.md as an exception to the fixed-term count: medium.",
            "A new Employment Law (2025, reported in force from 2026-01-01) may widen unemployment-insurance "
            "coverage: not verified (low); the insured periods given are used as they are.",
        ),
        not_covered=(
            "Directors of state-invested enterprises (an exception to the fixed-term count) are not "
            "detected.",
            "Time already compensated by the employer (Decree 145 Art 8) is not deducted; only the "
            "unemployment insurance periods given are.",
            "Whether the employee qualifies for a pension (no severance) is flagged from "
            "statutory_retirement_date, not decided.",
            "The job-loss allowance (Art 47) for restructuring and mergers is not computed.",
            "The final-settlement deadline in working days is not computed (it needs the holiday calendar).",
            "The date from which a contract becomes indefinite after more than 30 days of continued work is "
            "not given.",
            "A third fixed-term contract already signed without an exception: its legal consequence is not "
            "decided (reported, lawfulness unknown).",
            "Probation limits (Arts 24-25) are not checked beyond 'no new probation for the same job'.",
            "Unilateral termination during the term (Arts 35-37) is out of scope.",
            "Regional rules: none are known; a region given gets national rules only.",
        ),
    ),
)
