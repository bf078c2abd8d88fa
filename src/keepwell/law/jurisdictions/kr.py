"""South Korea: the 2-year limit on fixed-term employment and the retirement allowance on any exit.

Sources (RULES.md §4): Act on the Protection, etc. of Fixed-Term and Part-Time Employees ("Fixed-Term Act")
Art 3 (workplaces of 5 or more employees) and Art 4 (2-year limit, exceptions, deemed indefinite); Employee
Retirement Benefit Security Act (ERBSA) Arts 4, 8, 9; Act on Prohibition of Age Discrimination in Employment
and Aged Employment Promotion, Enforcement Decree Art 2 ("aged" is 55 or older); the Supreme Court's
renewal-expectation doctrine (2012Da18090; 2019Du45647) and continuity across short gaps (2004Da29736);
Labor Standards Act (LSA) Art 26 (dismissal notice, for contrast).

What the pack reads from the request:

- ``contracts``: the trailing run of fixed-term contracts is added up for the 2-year limit (gaps are taken
  as not breaking continuity, and flagged); every contract, plus employment before the first one from
  ``hire_date``, counts as service for the retirement allowance. ``contracts[].objective_reason``, when
  given on the contract that runs past 2 years, is reported as a possible Art 4(1) exception to check.
- ``workplace_headcount``: the 2-year limit applies to workplaces of 5 or more employees (Art 3).
- ``birth_date`` and status ``aged_55_plus``: employees aged 55 or more are an Art 4(1) exception.
- ``pay.daily_wage``: the average daily wage (wages of the last 3 months ÷ calendar days in them, not less
  than the ordinary wage); ``pay.currency`` (default KRW).
- ``facts``: ``renewal_criteria_clause`` (a legitimate expectation of renewal), ``substitution_contract``
  (replacing an absent worker, an Art 4(1) exception), ``proposed_contract_objective_reason`` (the stated
  reason of a proposed renewal).
- ``decision.new_end_date``: the proposed term of a fixed-term renewal, checked against the 2-year limit.

Other statuses are reported as not considered. The rules are national (``national=True``): a region in the
request gets them with the framework's "national law applies" finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import constant
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, NoNoticeRule, Outcome, Rule, StatusScopeRule, format_decimal
from keepwell.law.service import (
    ONE_DAY,
    age_on,
    contract_period,
    covered_days,
    first_day_beyond,
    total_length,
    trailing_fixed_terms,
)
from keepwell.law.types import Action, Confidence, Field, Severance, Severity

# The first day on which both rules stand as RULES.md gives them: the 2-year limit, and the retirement
# allowance in full at every workplace (since 2013). Earlier decisions are not assessed.
PACK_FROM = date(2013, 1, 1)

# --- Dated parameters -------------------------------------------------------------------------------------

LIMIT_MONTHS = constant("kr.fixed_term_limit_months", PACK_FROM, 24, citation="Fixed-Term Act Art 4(1)")
MIN_WORKPLACE_HEADCOUNT = constant(
    "kr.min_workplace_headcount", PACK_FROM, 5, citation="Fixed-Term Act Art 3(1)"
)
AGED_WORKER_AGE = constant(
    "kr.aged_worker_age",
    PACK_FROM,
    55,
    citation="Fixed-Term Act Art 4(1)(4); Aged Employment Promotion Act Enforcement Decree Art 2",
)
ALLOWANCE_DAYS_PER_YEAR = constant(
    "kr.allowance_days_per_year", PACK_FROM, Decimal(30), citation="ERBSA Art 8(1)"
)
DAYS_PER_YEAR = constant("kr.days_per_year", PACK_FROM, Decimal(365), citation="ERBSA Art 8(1)")
ALLOWANCE_MIN_SERVICE_MONTHS = constant(
    "kr.allowance_min_service_months", PACK_FROM, 12, citation="ERBSA Art 4(1)"
)
ALLOWANCE_PAYMENT_DAYS = constant("kr.allowance_payment_days", PACK_FROM, 14, citation="ERBSA Art 9")

EXPECTATION_CITATION = "Supreme Court 2012Da18090; 2019Du45647"


# --- Messages ---------------------------------------------------------------------------------------------

WITHIN_LIMIT = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "Fixed-term employment adds up to %(months)s month and %(days)s day at expiry, within the "
            "%(limit)s-month limit: the contract may end at expiry."
        ),
        other=gettext_noop(
            "Fixed-term employment adds up to %(months)s month and %(days)s days at expiry, within the "
            "%(limit)s-month limit: the contract may end at expiry."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "Fixed-term employment adds up to %(months)s months and %(days)s day at expiry, within the "
            "%(limit)s-month limit: the contract may end at expiry."
        ),
        other=gettext_noop(
            "Fixed-term employment adds up to %(months)s months and %(days)s days at expiry, within "
            "the %(limit)s-month limit: the contract may end at expiry."
        ),
    ),
)
AT_LIMIT = gettext_noop(
    "Fixed-term employment adds up to exactly %(limit)s months at expiry: any further employment without an "
    "Art 4(1) exception makes the employee indefinite from its first day."
)
EXCEEDED = gettext_noop(
    "Fixed-term employment went past the %(limit)s-month limit on %(beyond)s without an Art 4(1) exception: "
    "the employee is deemed employed without a fixed term from that day, with no request needed. Ending "
    "the employment is a dismissal, not an expiry."
)
RENEWAL_EXCEEDS = gettext_noop(
    "The proposed renewal runs past the %(limit)s-month limit on %(beyond)s: the fixed term would have no "
    "effect and the employee would be employed without a fixed term from that day."
)
RENEWAL_WITHIN = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "The proposed renewal keeps fixed-term employment within %(limit)s months (%(months)s "
            "month and %(days)s day in total)."
        ),
        other=gettext_noop(
            "The proposed renewal keeps fixed-term employment within %(limit)s months (%(months)s "
            "month and %(days)s days in total)."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "The proposed renewal keeps fixed-term employment within %(limit)s months (%(months)s "
            "months and %(days)s day in total)."
        ),
        other=gettext_noop(
            "The proposed renewal keeps fixed-term employment within %(limit)s months (%(months)s "
            "months and %(days)s days in total)."
        ),
    ),
)
RENEWAL_END_UNKNOWN = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "Fixed-term employment adds up to %(months)s month and %(days)s day; give the proposed end "
            "date to check the renewal against the %(limit)s-month limit."
        ),
        other=gettext_noop(
            "Fixed-term employment adds up to %(months)s month and %(days)s days; give the proposed "
            "end date to check the renewal against the %(limit)s-month limit."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "Fixed-term employment adds up to %(months)s months and %(days)s day; give the proposed "
            "end date to check the renewal against the %(limit)s-month limit."
        ),
        other=gettext_noop(
            "Fixed-term employment adds up to %(months)s months and %(days)s days; give the proposed "
            "end date to check the renewal against the %(limit)s-month limit."
        ),
    ),
)
OPEN_ENDED_RENEWAL = gettext_noop("Renewing without a fixed term meets the Fixed-Term Act.")
SMALL_WORKPLACE = Plural(
    "headcount",
    one=gettext_noop(
        "The workplace has %(headcount)s employee, fewer than %(minimum)s: the 2-year limit does not apply."
    ),
    other=gettext_noop(
        "The workplace has %(headcount)s employees, fewer than %(minimum)s: the 2-year limit does not apply."
    ),
)
HEADCOUNT_UNKNOWN = gettext_noop(
    "The 2-year limit applies only to workplaces of %(minimum)s or more employees, and the workplace "
    "headcount is not given: give workplace_headcount."
)
AGED_EXCEPTION = gettext_noop(
    "The employee is %(age)s or older when the contract running past the limit starts: an Art 4(1) "
    "exception, so employment beyond 2 years does not convert."
)
SUBSTITUTION_EXCEPTION = gettext_noop(
    "The contract replaces an absent worker until that worker returns: an Art 4(1) exception, so employment "
    "beyond 2 years does not convert."
)
STATED_REASON = gettext_noop(
    "The contract running past the limit states the reason %(reason)s. If that is an Art 4(1) exception "
    "(a project with a set completion date, study or training, a listed profession or programme), employment "
    "beyond 2 years does not convert; check it."
)
GAP_CONTINUITY = Plural(
    "days",
    one=gettext_noop(
        "There is %(days)s day between contracts[%(previous)s] and contracts[%(index)s]. Short gaps "
        "with a reasonable explanation do not break continuity, so the periods are added up; if the "
        "employment really ended in between, the count starts again."
    ),
    other=gettext_noop(
        "There are %(days)s days between contracts[%(previous)s] and contracts[%(index)s]. Short gaps "
        "with a reasonable explanation do not break continuity, so the periods are added up; if the "
        "employment really ended in between, the count starts again."
    ),
)
RENEWAL_EXPECTED = gettext_noop(
    "The contract sets criteria for renewal, so the employee may legitimately expect renewal: refusing to "
    "renew without reasonable grounds is void like an unfair dismissal, and the employer must prove the "
    "grounds."
)
NO_EXPECTATION_RECORDED = gettext_noop(
    "No renewal-criteria clause is recorded. Other circumstances (what the employer said, how other workers "
    "were treated) can also create a legitimate expectation of renewal; check them."
)
EXPIRY_ENDS_CONTRACT = gettext_noop(
    "The fixed-term contract ends on its expiry date %(expiry)s; nothing in the facts given blocks that."
)
RENEWAL_LAWFUL = gettext_noop("Renewing on the terms proposed meets the Fixed-Term Act.")
ALLOWANCE_AMOUNT = gettext_noop(
    "A retirement allowance of %(amount)s %(currency)s is owed on this exit: average daily wage %(daily)s "
    "× %(per_year)s days × %(service_days)s days of service ÷ %(year_days)s."
)
ALLOWANCE_WAGE_UNKNOWN = gettext_noop(
    "A retirement allowance of %(per_year)s days' average wage per %(year_days)s days of service is owed "
    "(%(service_days)s days of service); give the average daily wage (pay.daily_wage) to compute it."
)
ALLOWANCE_UNDER_A_YEAR = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "Service adds up to %(months)s month and %(days)s day, less than %(needed)s months: no "
            "retirement allowance is owed."
        ),
        other=gettext_noop(
            "Service adds up to %(months)s month and %(days)s days, less than %(needed)s months: no "
            "retirement allowance is owed."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "Service adds up to %(months)s months and %(days)s day, less than %(needed)s months: no "
            "retirement allowance is owed."
        ),
        other=gettext_noop(
            "Service adds up to %(months)s months and %(days)s days, less than %(needed)s months: no "
            "retirement allowance is owed."
        ),
    ),
)
ALLOWANCE_DUE = gettext_noop(
    "Pay the retirement allowance within %(days)s days of the exit, by %(due)s, unless the parties agree to "
    "a later date."
)
NO_NOTICE = gettext_noop(
    "No statutory notice is required before a fixed-term contract expires; the 30 days' notice of LSA Art 26 "
    "applies to dismissals."
)
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the South Korea rule pack.")


# --- Shared computations ----------------------------------------------------------------------------------


class Exemption(StrEnum):
    """Why the 2-year limit does not convert a given contract."""

    SMALL_WORKPLACE = "small_workplace"
    AGED = "aged_55_plus"
    SUBSTITUTION = "substitution_contract"


@dataclass(frozen=True)
class LimitScope:
    """Whether the limit converts the contract that starts on ``start``: ``applies`` is ``None`` when a fact
    needed to tell is missing; ``outcomes`` explain the answer."""

    applies: bool | None
    outcomes: tuple[Outcome, ...]


# --- Rules ------------------------------------------------------------------------------------------------


class TwoYearLimitRule(Rule):
    """Fixed-Term Act Art 4: fixed-term employment beyond 2 years, without an exception, is indefinite."""

    code = "kr.fta.art4"
    citation = "Fixed-Term Act Art 4"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        on, contracts = case.on, case.employee.contracts
        limit = LIMIT_MONTHS.at(on)
        run = trailing_fixed_terms(contracts)
        periods = [contract_period(contracts[index]) for index in run]
        yield from self.gap_findings(
            case,
            "kr.fta.art4.gap_between_contracts",
            GAP_CONTINUITY,
            indexes=run,
            citation="Supreme Court 2004Da29736",
        )
        beyond = first_day_beyond(periods, limit)
        action = case.decision.action
        if beyond is not None:
            index = next(i for i in run if contracts[i].start <= beyond <= contract_period(contracts[i])[1])
            exceeding = contracts[index]
            scope = self._scope(case, exceeding.start, exceeding.objective_reason)
            yield from scope.outcomes
            yield from self._converted(case, scope.applies, beyond, limit, history=True)
            return
        counted = total_length(periods)
        if action is Action.RENEW_OPEN_ENDED:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding("kr.fta.art4.open_ended_renewal", Severity.INFO, OPEN_ENDED_RENEWAL)
            return
        reason = case.facts.text("proposed_contract_objective_reason")
        if action is Action.NOT_RENEW:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            at_limit = counted.total_months == limit and counted.days == 0
            if not at_limit:
                yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
                yield self.finding(
                    "kr.fta.art4.within_limit",
                    Severity.INFO,
                    WITHIN_LIMIT,
                    limit=limit,
                    months=counted.total_months,
                    days=counted.days,
                )
                return
            scope = self._scope(case, case.renewal_start, reason)
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, scope.applies)
            yield self.finding("kr.fta.art4.at_limit", Severity.INFO, AT_LIMIT, limit=limit)
            yield from scope.outcomes
            return
        new_end = case.decision.new_end_date
        start = case.renewal_start
        if new_end is None:
            if counted.total_months < limit:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
                yield self.finding(
                    "kr.fta.art4.renewal_end_unknown",
                    Severity.SHOULD,
                    RENEWAL_END_UNKNOWN,
                    limit=limit,
                    months=counted.total_months,
                    days=counted.days,
                )
                return
            beyond = start  # already at the limit: the renewal's first day is beyond it
        else:
            beyond = first_day_beyond([*periods, (start, new_end)], limit)
        if beyond is None:
            assert new_end is not None
            total = total_length([*periods, (start, new_end)])
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "kr.fta.art4.renewal_within_limit",
                Severity.INFO,
                RENEWAL_WITHIN,
                limit=limit,
                months=total.total_months,
                days=total.days,
            )
            return
        scope = self._scope(case, start, reason)
        yield from scope.outcomes
        yield from self._converted(case, scope.applies, beyond, limit, history=False)

    def _converted(
        self, case: Case, applies: bool | None, beyond: date, limit: int, *, history: bool
    ) -> Iterator[Outcome]:
        """Conclusions once employment runs past the limit on ``beyond`` (in the history or the proposal)."""
        action, lawful_field = case.decision.action, case.lawful_field
        if applies is False:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
            if action is not Action.NOT_RENEW:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, applies)
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, applies)
        if applies is None:
            yield self.conclude(lawful_field, None)
            return
        yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, beyond)
        if action is Action.RENEW_OPEN_ENDED:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
        else:
            yield self.conclude(lawful_field, False)
        if history:
            yield self.finding(
                "kr.fta.art4.deemed_indefinite", Severity.MUST, EXCEEDED, limit=limit, beyond=beyond
            )
        else:
            yield self.finding(
                "kr.fta.art4.renewal_exceeds_limit",
                Severity.MUST,
                RENEWAL_EXCEEDS,
                limit=limit,
                beyond=beyond,
            )

    def _scope(self, case: Case, start: date, reason: str | None) -> LimitScope:
        """Does the limit convert a contract starting on ``start`` with the stated ``reason``?"""
        on = case.on
        headcount, minimum = case.employee.workplace_headcount, MIN_WORKPLACE_HEADCOUNT.at(on)
        if headcount is not None and headcount < minimum:
            finding = self.finding(
                "kr.fta.art3.small_workplace",
                Severity.INFO,
                SMALL_WORKPLACE,
                citation="Fixed-Term Act Art 3(1)",
                headcount=headcount,
                minimum=minimum,
            )
            return LimitScope(False, (finding,))
        age = AGED_WORKER_AGE.at(on)
        birth = case.employee.birth_date
        aged = (birth is not None and age_on(birth, start) >= age) or any(
            status.kind == "aged_55_plus" and status.active_on(start) for status in case.employee.statuses
        )
        if aged:
            finding = self.finding(
                "kr.fta.art4.aged_exception",
                Severity.INFO,
                AGED_EXCEPTION,
                citation="Fixed-Term Act Art 4(1)(4)",
                age=age,
            )
            return LimitScope(False, (finding,))
        if case.facts.boolean("substitution_contract") is True:
            finding = self.finding(
                "kr.fta.art4.substitution_exception",
                Severity.INFO,
                SUBSTITUTION_EXCEPTION,
                citation="Fixed-Term Act Art 4(1)(2)",
            )
            return LimitScope(False, (finding,))
        outcomes: list[Outcome] = []
        applies: bool | None = True
        if reason is not None:
            outcomes.append(
                self.finding("kr.fta.art4.stated_reason", Severity.SHOULD, STATED_REASON, reason=reason)
            )
            applies = None
        if headcount is None:
            outcomes.append(
                self.finding(
                    "kr.fta.art3.headcount_unknown",
                    Severity.SHOULD,
                    HEADCOUNT_UNKNOWN,
                    citation="Fixed-Term Act Art 3(1)",
                    minimum=minimum,
                )
            )
            applies = None
        return LimitScope(applies, tuple(outcomes))


class RenewalExpectationRule(Rule):
    """Supreme Court doctrine: with a legitimate expectation of renewal, refusal needs reasonable grounds."""

    code = "kr.expectation"
    citation = EXPECTATION_CITATION
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if (
            case.decision.action is not Action.NOT_RENEW
            or case.conclusions.get(Field.NON_RENEWAL_LAWFUL) is False
        ):
            return
        if case.facts.boolean("renewal_criteria_clause") is True:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding("kr.expectation.renewal_expected", Severity.MUST, RENEWAL_EXPECTED)
            return
        yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
        yield self.finding("kr.expectation.none_recorded", Severity.INFO, NO_EXPECTATION_RECORDED)


class ExpiryRule(Rule):
    """A fixed-term contract within the limit ends at expiry unless a rule above found otherwise."""

    code = "kr.expiry"
    citation = "Fixed-Term Act Art 4"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        field = case.lawful_field
        if not case.concluded(field):
            yield self.conclude(field, True)
        if case.conclusions.get(field) is not True:
            return
        if field is Field.NON_RENEWAL_LAWFUL:
            yield self.finding(
                "kr.expiry.ends_at_expiry", Severity.INFO, EXPIRY_ENDS_CONTRACT, expiry=case.expiry
            )
        else:
            yield self.finding("kr.expiry.renewal_lawful", Severity.INFO, RENEWAL_LAWFUL)


class RetirementAllowanceRule(Rule):
    """ERBSA Arts 4, 8, 9: 30 days' average wage per year of service on any exit after a year or more."""

    code = "kr.erbsa.art8"
    citation = "ERBSA Art 8"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        on, employee, expiry = case.on, case.employee, case.expiry
        periods = [contract_period(contract) for contract in employee.contracts]
        if employee.first_day < employee.contracts[0].start:
            periods.append((employee.first_day, employee.contracts[0].start - ONE_DAY))
        service = total_length(periods)
        needed = ALLOWANCE_MIN_SERVICE_MONTHS.at(on)
        if service.total_months < needed:
            yield self.finding(
                "kr.erbsa.art4.under_one_year",
                Severity.INFO,
                ALLOWANCE_UNDER_A_YEAR,
                citation="ERBSA Art 4(1)",
                months=service.total_months,
                days=service.days,
                needed=needed,
            )
            return
        service_days = covered_days(periods)
        per_year, year_days = ALLOWANCE_DAYS_PER_YEAR.at(on), DAYS_PER_YEAR.at(on)
        daily = employee.pay.daily_wage
        daily_text = (
            "average daily wage (unknown)" if daily is None else f"{format_decimal(daily)} average daily wage"
        )
        basis = (
            f"{daily_text} × {format_decimal(per_year)} days × {service_days} days of service ÷ "
            f"{format_decimal(year_days)} days"
        )
        amount = None if daily is None else case.money(daily * per_year * service_days / year_days)
        yield self.conclude(Field.SEVERANCE, Severance(amount, case.currency, None, basis))
        if daily is None or amount is None:
            yield self.finding(
                "kr.erbsa.art8.wage_unknown",
                Severity.SHOULD,
                ALLOWANCE_WAGE_UNKNOWN,
                per_year=per_year,
                year_days=year_days,
                service_days=service_days,
            )
        else:
            yield self.finding(
                "kr.erbsa.art8.retirement_allowance",
                Severity.MUST,
                ALLOWANCE_AMOUNT,
                amount=format(amount, "f"),
                currency=case.currency,
                daily=daily,
                per_year=per_year,
                service_days=service_days,
                year_days=year_days,
            )
        days = ALLOWANCE_PAYMENT_DAYS.at(on)
        yield self.finding(
            "kr.erbsa.art9.payment_due",
            Severity.INFO,
            ALLOWANCE_DUE,
            citation="ERBSA Art 9",
            days=days,
            due=expiry + timedelta(days=days),
        )


CONSIDERED_KINDS = frozenset(("aged_55_plus",))


RULES: tuple[Rule, ...] = (
    TwoYearLimitRule(),
    RenewalExpectationRule(),
    ExpiryRule(),
    RetirementAllowanceRule(),
    NoNoticeRule(
        code="kr.notice",
        citation="LSA Art 26",
        effective_from=PACK_FROM,
        finding_code="kr.notice.none_for_expiry",
        message=NO_NOTICE,
    ),
    StatusScopeRule(
        code="kr.statuses",
        effective_from=PACK_FROM,
        message=STATUS_NOT_CONSIDERED,
        considered=CONSIDERED_KINDS,
    ),
)

PACKS = (
    Pack(
        code="kr",
        jurisdiction="KR",
        name="South Korea",
        version="2026-07-01",
        effective_from=PACK_FROM,
        effective_to=None,
        currency="KRW",
        rules=RULES,
        national=True,
        confidence=Confidence.HIGH,
        confidence_notes=(
            "The 2-year limit, its exceptions, automatic conversion, the renewal-expectation doctrine and "
            "the retirement allowance: high (RULES.md §4); sources do not disagree (§20).",
            "Gaps between contracts are taken as not breaking continuity (Supreme Court 2004Da29736 needs a "
            "reasonable explanation): medium where there is a gap.",
            "RULES.md gives no rounding rule for the allowance: it is rounded half up to two places, as the "
            "shared examples show.",
        ),
        not_covered=(
            "Art 4(1) exceptions other than age 55+ and replacing an absent worker (projects with a set "
            "completion date, study or training, professions and programmes listed in the Decree, other "
            "listed grounds) are not recognised from free text: a stated reason is reported for checking.",
            "Whether a gap between contracts has a reasonable explanation is not decided: gaps are bridged "
            "and flagged.",
            "Dismissal of an employee already deemed indefinite (just cause, LSA Art 23; notice, LSA Art 26) "
            "is not assessed.",
            "A legitimate expectation of renewal is detected only from a renewal-criteria clause; other "
            "circumstances, and an expectation of conversion to an indefinite contract, are not assessed.",
            "The average daily wage is taken as given (pay.daily_wage); the ordinary-wage floor is not "
            "checked, and 15 or more hours a week on average is assumed.",
            "A later payment date agreed between the parties is not modelled.",
            "Transitional rules for contracts concluded before the Fixed-Term Act took effect, and the "
            "phased-in allowance for workplaces of 4 or fewer employees before 2013, are not modelled; the "
            "pack assesses decisions from 2013-01-01 and counts all service in full.",
            "Probation: no statutory cap; not checked.",
            "Regional rules: none are known; a region given gets national rules only.",
        ),
    ),
)
