"""Spain: expiry and renewal of fixed-term contracts under the Workers' Statute (ET).

Sources: Workers' Statute (Estatuto de los Trabajadores, ET) Art 15 as rewritten by Royal Decree-Law (RDL)
32/2021, fully in force since 2022-03-30, and Art 49.1.c (end-of-contract payment, notice, work continued
after the end); as summarised in RULES.md §9 and §20.7.

What the pack reads from the request:

- ``contracts[].objective_reason``: the cause of each contract, recognised by keywords in Spanish or English:
  production circumstances (circunstancias de la producción), occasional foreseeable peaks (previsible),
  substitution (sustitución, interinidad) and training (formación, prácticas). Adjacent production contracts
  (the next starting the day after the previous ends) are one contract and its extensions. Null means the
  cause is not recorded, which the pack reports instead of guessing.
- ``pay.daily_wage``, else ``pay.annual_salary`` / 365, else ``pay.monthly_wage`` × 12 / 365: the daily
  salary for the end-of-contract payment and for notice not given.
- ``statuses``: ``pregnant``, ``maternity_leave`` (do not stop expiry); other kinds are reported as not
  considered.
- ``facts``: ``substitution_contract``, ``sector_agreement_overrides_defaults`` (a sector agreement may allow
  production contracts of up to 1 year), ``continued_working_after_expiry_days``,
  ``termination_notice_given``, ``employee_refused_offer`` with ``decision.offer`` (the worker, not the
  employer, chose not to extend), ``proposed_contract_objective_reason`` (the cause of a proposed contract).
- ``termination_notice_given`` is read as a date (the notice of termination, "denuncia", was given that day),
  ``true`` (given, date unknown), ``false`` (no notice given) or null (unknown). SCHEMA.md types it as a
  date; the boolean form is accepted because "no notice" has no date (examples.json ES-02). A notice dated
  after the end does not count as notice before the end.
- ``decision``: a ``renew_fixed_term`` dated the day after expiry extends a production contract; a later
  date, or another cause, is a new contract.

The pay owed for notice not given has no field in the assessment: it is given in the notice findings.
No regional variants: the Workers' Statute is national.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import constant
from keepwell.law.reading import folded, matching_kind
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, Outcome, Rule, StatusScopeRule, format_decimal
from keepwell.law.service import (
    ONE_DAY,
    add_months,
    adjacent,
    chain_start,
    extension_runs,
    fraction_to_decimal,
    period_last_day,
    pro_rata_years,
    pro_rata_years_text,
    service_length,
)
from keepwell.law.types import Action, Confidence, Contract, Facts, Field, Offer, Severance, Severity

PACK_FROM = date(2022, 3, 30)  # RDL 32/2021 fully in force

# --- Dated parameters ------------------------------------------------------------------------------------

PRODUCTION_MAX_MONTHS = constant("es.production_max_months", PACK_FROM, 6, citation="ET Art 15.2")
PRODUCTION_AGREEMENT_MAX_MONTHS = constant(
    "es.production_agreement_max_months", PACK_FROM, 12, citation="ET Art 15.2"
)
PRODUCTION_MAX_EXTENSIONS = constant("es.production_max_extensions", PACK_FROM, 1, citation="ET Art 15.2")
CHAIN_MONTHS = constant("es.chain_months", PACK_FROM, 18, citation="ET Art 15.5")
CHAIN_WINDOW_MONTHS = constant("es.chain_window_months", PACK_FROM, 24, citation="ET Art 15.5")
CHAIN_MIN_CONTRACTS = constant("es.chain_min_contracts", PACK_FROM, 2, citation="ET Art 15.5")
PAYMENT_DAYS_PER_YEAR = constant("es.end_payment_days_per_year", PACK_FROM, 12, citation="ET Art 49.1.c")
NOTICE_DAYS = constant("es.notice_days", PACK_FROM, 15, citation="ET Art 49.1.c")
NOTICE_FROM_YEARS = constant("es.notice_contracts_longer_than_years", PACK_FROM, 1, citation="ET Art 49.1.c")
# The daily salary is the annual salary / 365; a remainder of days counts as days / 365 of a year.
DAYS_PER_YEAR = constant("es.days_per_year", PACK_FROM, 365, citation="ET Art 49.1.c")

NOTICE_KEY = "termination_notice_given"


class Cause(StrEnum):
    """The causes of ET Art 15 the pack tells apart (codes used in finding params)."""

    PRODUCTION = "production"
    OCCASIONAL = "occasional_foreseeable"
    SUBSTITUTION = "substitution"
    TRAINING = "training"
    UNRECOGNISED = "unrecognised"
    NOT_RECORDED = "not_recorded"


CAUSE_KEYWORDS: tuple[tuple[Cause, tuple[str, ...]], ...] = (
    (Cause.SUBSTITUTION, ("sustituc", "substitut", "interinidad", "replac", "reemplaz")),
    (
        Cause.TRAINING,
        ("formaci", "formativ", "training", "aprendiz", "apprentice", "practicas", "internship"),
    ),
    (Cause.OCCASIONAL, ("previsible", "foreseeable", "ocasional", "occasional")),
    (Cause.PRODUCTION, ("produccion", "production")),
)
NO_PAYMENT_CAUSES = frozenset({Cause.SUBSTITUTION, Cause.TRAINING})
UNKNOWN_CAUSES = frozenset({Cause.UNRECOGNISED, Cause.NOT_RECORDED})

# --- Messages (English templates, translated through the catalogues) ---------------------------------

CAUSE_READ = gettext_noop("The cause of the current contract is read as %(cause)s.")
CAUSE_NOT_RECORDED = gettext_noop(
    "The cause of the current contract is not recorded. A fixed-term contract is lawful only for production "
    "circumstances or substitution, stated precisely; without a valid cause the worker is permanent (fijo). "
    "Record objective_reason."
)
CAUSE_NOT_RECOGNISED = gettext_noop(
    "The cause of the current contract was not recognised as production circumstances or substitution. "
    "Contracts are presumed open-ended; other fixed-term causes (such as works and services) no longer "
    "exist, so check the cause."
)
OCCASIONAL_NOT_CHECKED = gettext_noop(
    "Occasional foreseeable peaks allow at most 90 days per calendar year, not necessarily in a row; that "
    "limit was not checked."
)
PRODUCTION_WITHIN = Plural(
    "extensions",
    one=gettext_noop(
        "The production contract runs from %(start)s to %(expiry)s with %(extensions)s extension: "
        "within %(max_months)s months (last allowed day %(limit)s) and %(max_extensions)s extension."
    ),
    other=gettext_noop(
        "The production contract runs from %(start)s to %(expiry)s with %(extensions)s extensions: "
        "within %(max_months)s months (last allowed day %(limit)s) and %(max_extensions)s extension."
    ),
)
PRODUCTION_TOO_LONG = gettext_noop(
    "The production contract from %(start)s runs to %(expiry)s, past its maximum of %(max_months)s months "
    "(last allowed day %(limit)s): the worker is permanent (fijo) from %(from_date)s."
)
PRODUCTION_AGREEMENT_RANGE = gettext_noop(
    "The production contract runs past %(limit)s (%(max_months)s months); a sector agreement may allow up to "
    "%(agreement_months)s months. Whether this length is allowed depends on the agreement."
)
PRODUCTION_TOO_MANY_EXTENSIONS = gettext_noop(
    "contracts[%(index)s], starting %(start)s, is extension number %(number)s; a production contract may be "
    "extended only %(max_extensions)s time: the worker is permanent (fijo) from %(start)s."
)
CHAIN_EXCEEDED = gettext_noop(
    "Within the %(window_months)s months from %(window_start)s to %(from_date)s the worker was under "
    "%(contracts)s production contracts for more than %(months)s months (%(days)s of %(limit_days)s days): "
    "the worker is permanent (fijo) from %(from_date)s."
)
CONTINUED_WORK = Plural(
    "days",
    one=gettext_noop(
        "The worker went on working %(days)s day after the end without notice of termination: the "
        "contract is extended as open-ended from %(from_date)s, unless its temporary nature is proved."
    ),
    other=gettext_noop(
        "The worker went on working %(days)s days after the end without notice of termination: the "
        "contract is extended as open-ended from %(from_date)s, unless its temporary nature is proved."
    ),
)
CONTINUED_WITHIN_MAXIMUM = Plural(
    "days",
    one=gettext_noop(
        "The worker went on working %(days)s day after the end without notice of termination, but "
        "within the maximum duration (to %(limit)s); whether this is an extension or an open-ended "
        "contract depends on the facts."
    ),
    other=gettext_noop(
        "The worker went on working %(days)s days after the end without notice of termination, but "
        "within the maximum duration (to %(limit)s); whether this is an extension or an open-ended "
        "contract depends on the facts."
    ),
)
CONTINUED_NOTICE_UNKNOWN = Plural(
    "days",
    one=gettext_noop(
        "The worker went on working %(days)s day after the end. Without notice of termination the "
        "contract is open-ended from %(from_date)s: record termination_notice_given."
    ),
    other=gettext_noop(
        "The worker went on working %(days)s days after the end. Without notice of termination the "
        "contract is open-ended from %(from_date)s: record termination_notice_given."
    ),
)
CONTINUED_AFTER_NOTICE = Plural(
    "days",
    one=gettext_noop(
        "The worker went on working %(days)s day after the end although notice of termination was "
        "given; check why, as continued work can still point to an open-ended contract."
    ),
    other=gettext_noop(
        "The worker went on working %(days)s days after the end although notice of termination was "
        "given; check why, as continued work can still point to an open-ended contract."
    ),
)
PERMANENT = gettext_noop(
    "The worker is permanent (fijo): the contract does not end on %(expiry)s, and ending it would be a "
    "dismissal, whose rules and payments are not computed here."
)
UNDECIDED = gettext_noop(
    "Whether the contract is fixed-term cannot be told from the facts given, so whether it ends on "
    "%(expiry)s is open."
)
ENDS_AT_EXPIRY = gettext_noop(
    "The fixed-term contract ends on %(expiry)s; nothing in the facts given stops that."
)
PAYMENT = gettext_noop("The end-of-contract payment is %(amount)s %(currency)s: %(basis)s.")
PAYMENT_WAGE_UNKNOWN = gettext_noop(
    "The end-of-contract payment is %(basis)s; give the daily, annual or monthly salary to compute it."
)
PAYMENT_NOT_FOR_CAUSE = gettext_noop("No end-of-contract payment is due for a %(cause)s contract.")
PAYMENT_DECLINED = gettext_noop(
    "The worker, not the employer, chose not to continue (an offer on the same or better terms was "
    "declined): practitioners report that nothing is due then."
)
PAYMENT_WORSE_OFFER = gettext_noop(
    "The worker declined an offer on worse terms; that is not the worker choosing not to extend, so the "
    "payment is shown as due."
)
PAYMENT_NOT_ON_PERMANENT = gettext_noop(
    "The worker is permanent, so the end-of-contract payment does not apply; ending the employment is a "
    "dismissal."
)
NOTICE_REQUIRED = gettext_noop(
    "The contract lasts more than %(years)s year: the party ending it must give %(days)s days' notice, by "
    "%(deadline)s."
)
NOTICE_NOT_REQUIRED = gettext_noop(
    "The contract lasts %(years)s year or less: no statutory notice before the end (a collective agreement "
    "may require some)."
)
NOTICE_SUBSTITUTION = gettext_noop(
    "Sources disagree whether substitution contracts need this notice (one relies on Royal Decree "
    "2720/1998); it is shown as required."
)
NOTICE_IN_TIME = gettext_noop("Notice given on %(given)s meets the %(deadline)s deadline.")
NOTICE_SHORT = Plural(
    "missing",
    one=gettext_noop(
        "Notice came %(missing)s day short of the %(days)s required: the employer owes %(missing)s "
        "day's salary, %(amount)s %(currency)s (%(missing)s × daily salary %(daily)s)."
    ),
    other=gettext_noop(
        "Notice came %(missing)s days short of the %(days)s required: the employer owes %(missing)s "
        "days' salary, %(amount)s %(currency)s (%(missing)s × daily salary %(daily)s)."
    ),
)
NOTICE_SHORT_WAGE_UNKNOWN = Plural(
    "missing",
    one=gettext_noop(
        "Notice came %(missing)s day short of the %(days)s required: the employer owes %(missing)s "
        "day's salary; give the salary to compute it."
    ),
    other=gettext_noop(
        "Notice came %(missing)s days short of the %(days)s required: the employer owes %(missing)s "
        "days' salary; give the salary to compute it."
    ),
)
NOTICE_DATE_UNKNOWN = gettext_noop(
    "Notice of termination was given; record its date to check it against the %(deadline)s deadline."
)
NOTICE_DEADLINE_PASSED = gettext_noop(
    "As of %(as_of)s the %(deadline)s deadline has passed and no notice is recorded."
)
RENEWAL_EXTENSION = gettext_noop(
    "Extending the production contract to %(new_end)s stays within %(max_months)s months (last allowed day "
    "%(limit)s) and %(max_extensions)s extension."
)
RENEWAL_EXTENSION_OVER = gettext_noop(
    "Extending the production contract to %(new_end)s would be extension number %(number)s or pass the last "
    "allowed day %(limit)s: the worker would be permanent."
)
RENEWAL_NEW_PRODUCTION = gettext_noop(
    "A new production contract from %(start)s to %(new_end)s stays within %(max_months)s months and keeps "
    "the worker within %(months)s months of production contracts in any %(window_months)s."
)
RENEWAL_NEW_PRODUCTION_OVER = gettext_noop(
    "A new production contract from %(start)s to %(new_end)s would run past %(limit)s or take the worker "
    "over %(months)s months of production contracts in %(window_months)s (from %(from_date)s): the worker "
    "would be permanent."
)
RENEWAL_SUBSTITUTION = gettext_noop(
    "A substitution contract lasts while the substituted worker is absent; it has no fixed maximum here."
)
RENEWAL_ALREADY_PERMANENT = gettext_noop(
    "The worker is already permanent, so another fixed term cannot be agreed."
)
RENEWAL_CAUSE_UNKNOWN = gettext_noop(
    "The cause of the proposed contract is not recognised; state it in proposed_contract_objective_reason."
)
NEW_END_DATE_NEEDED = gettext_noop(
    "Give decision.new_end_date to check the proposed contract against the limits."
)
OPEN_ENDED_RENEWAL = gettext_noop("An open-ended contract meets the Workers' Statute.")
STATUS_DOES_NOT_BLOCK = gettext_noop(
    "Status %(kind)s does not stop the contract from ending on %(expiry)s; but not renewing because of "
    "pregnancy is discriminatory and void (recalled, not verified). Keep the reasons on record."
)
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the Spain rule pack.")


# --- Shared computations --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """``termination_notice_given`` read the Spanish way: whether notice was given, and on which day."""

    given: bool | None
    on: date | None = None


def notice_given(facts: Facts) -> Notice:
    """A date (given that day), ``true`` (given, date unknown), ``false`` (not given) or null (unknown)."""
    value = facts.date_or_boolean(NOTICE_KEY)
    if isinstance(value, date):
        return Notice(True, value)
    return Notice(value)


def cause_of(reason: str | None) -> Cause:
    """The Art 15 cause a free-text ``objective_reason`` names."""
    if reason is None:
        return Cause.NOT_RECORDED
    cause = matching_kind(folded(reason), CAUSE_KEYWORDS)
    return Cause.UNRECOGNISED if cause is None else cause


def current_cause(case: Case) -> Cause:
    if case.facts.boolean("substitution_contract") is True:
        return Cause.SUBSTITUTION
    return cause_of(case.current_contract.objective_reason)


def runs_of(contracts: tuple[Contract, ...], cause: Cause) -> list[tuple[int, tuple[Contract, ...]]]:
    """Contracts of ``cause`` grouped into one contract and its extensions (adjacent entries), each group
    with the index of its first entry."""
    runs = extension_runs(
        contracts, lambda contract: contract.is_fixed_term and cause_of(contract.objective_reason) is cause
    )
    return [(run[0], tuple(contracts[index] for index in run)) for run in runs]


@dataclass(frozen=True)
class ProductionContract:
    """The current production contract with its extensions and maximum."""

    first_index: int
    contracts: tuple[Contract, ...]
    limit: date  # last day of the statutory maximum
    max_months: int

    @property
    def start(self) -> date:
        return self.contracts[0].start

    @property
    def extensions(self) -> int:
        return len(self.contracts) - 1


def current_production(case: Case) -> ProductionContract | None:
    """The run of production contracts that ends with the current one, if it is a production contract."""
    if current_cause(case) is not Cause.PRODUCTION:
        return None
    first_index, contracts = runs_of(case.employee.contracts, Cause.PRODUCTION)[-1]
    max_months = PRODUCTION_MAX_MONTHS.at(case.on)
    return ProductionContract(
        first_index=first_index,
        contracts=contracts,
        limit=period_last_day(contracts[0].start, max_months),
        max_months=max_months,
    )


def current_run(case: Case) -> tuple[Contract, ...]:
    """The current contract with the adjacent contracts of the same cause before it."""
    contracts = case.employee.contracts
    cause = cause_of(case.current_contract.objective_reason)
    first = chain_start(
        contracts,
        lambda previous, following: (
            adjacent(previous, following) and cause_of(previous.objective_reason) is cause
        ),
    )
    return contracts[first:]


@dataclass(frozen=True)
class ChainBreach:
    """The first day the worker passed 18 months of production contracts within 24 (ET Art 15.5)."""

    day: date
    window_start: date
    days: int
    limit_days: int
    contracts: int


def chain_breach(periods: list[tuple[date, date]], on: date) -> ChainBreach | None:
    """Walk the production days in order; the first day whose 24-month window holds more days than the
    window's first 18 months have, over 2 or more contracts, is the breach.

    ``periods`` are the production contracts (each with its extensions) as first and last days.
    """
    months, window_months = CHAIN_MONTHS.at(on), CHAIN_WINDOW_MONTHS.at(on)
    min_contracts = CHAIN_MIN_CONTRACTS.at(on)
    if len(periods) < min_contracts:
        return None
    # No window of 18 months has fewer days than 18 short months; skip the days before that many.
    shortest = months * 28
    worked = 0
    for first, last in periods:
        day = first
        while day <= last:
            worked += 1
            if worked > shortest:
                window_start = add_months(day + ONE_DAY, -window_months)
                overlaps = [
                    (min(end, day) - max(start, window_start)).days + 1
                    for start, end in periods
                    if start <= day and end >= window_start
                ]
                limit_days = (period_last_day(window_start, months) - window_start).days + 1
                if sum(overlaps) > limit_days and len(overlaps) >= min_contracts:
                    return ChainBreach(day, window_start, sum(overlaps), limit_days, len(overlaps))
            day += ONE_DAY
    return None


def production_periods(contracts: tuple[Contract, ...]) -> list[tuple[date, date]]:
    periods = []
    for _, run in runs_of(contracts, Cause.PRODUCTION):
        end = run[-1].end
        assert end is not None  # parsing refuses a fixed-term contract without an end
        periods.append((run[0].start, end))
    return periods


@dataclass(frozen=True)
class DailySalary:
    """The daily salary as an exact fraction, and how it was obtained, for a basis."""

    amount: Fraction
    text: str


def daily_salary(case: Case) -> DailySalary | None:
    pay = case.employee.pay
    days = DAYS_PER_YEAR.at(case.on)
    if pay.daily_wage is not None:
        return DailySalary(Fraction(pay.daily_wage), format_decimal(pay.daily_wage))
    if pay.annual_salary is not None:
        return DailySalary(
            Fraction(pay.annual_salary) / days, f"{format_decimal(pay.annual_salary)} / {days}"
        )
    if pay.monthly_wage is not None:
        return DailySalary(
            Fraction(pay.monthly_wage) * 12 / days, f"{format_decimal(pay.monthly_wage)} × 12 / {days}"
        )
    return None


# --- Rules ----------------------------------------------------------------------------------------------


class CauseRule(Rule):
    """ET Art 15.1: a fixed-term contract only for production circumstances or substitution."""

    code = "es.et.art15"
    citation = "ET Art 15"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        cause = current_cause(case)
        if cause is Cause.NOT_RECORDED:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None, Confidence.MEDIUM)
            yield self.finding("es.et.art15.cause_not_recorded", Severity.SHOULD, CAUSE_NOT_RECORDED)
            return
        if cause is Cause.UNRECOGNISED:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None, Confidence.MEDIUM)
            yield self.finding("es.et.art15.cause_not_recognised", Severity.SHOULD, CAUSE_NOT_RECOGNISED)
            return
        yield self.finding("es.et.art15.cause", Severity.INFO, CAUSE_READ, cause=cause.value)
        if cause is Cause.OCCASIONAL:
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
            yield self.finding(
                "es.et.art15_2.occasional_not_checked",
                Severity.SHOULD,
                OCCASIONAL_NOT_CHECKED,
                citation="ET Art 15.2",
            )
        elif cause is not Cause.PRODUCTION:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)


class ProductionDurationRule(Rule):
    """ET Art 15.2: a production contract of at most 6 months (up to 1 year by sector agreement), extended
    at most once."""

    code = "es.et.art15_2"
    citation = "ET Art 15.2"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        production = current_production(case)
        if production is None:
            return
        on, expiry = case.on, case.expiry
        max_extensions = PRODUCTION_MAX_EXTENSIONS.at(on)
        breaches: list[date] = []
        if production.extensions > max_extensions:
            number = max_extensions + 1
            contract = production.contracts[number]
            breaches.append(contract.start)
            yield self.finding(
                "es.et.art15_2.too_many_extensions",
                Severity.MUST,
                PRODUCTION_TOO_MANY_EXTENSIONS,
                index=production.first_index + number,
                start=contract.start,
                number=number,
                max_extensions=max_extensions,
            )
        if expiry > production.limit:
            agreement = case.facts.boolean("sector_agreement_overrides_defaults") is True
            agreement_months = PRODUCTION_AGREEMENT_MAX_MONTHS.at(on)
            agreement_limit = period_last_day(production.start, agreement_months)
            if agreement and expiry <= agreement_limit:
                if not breaches:
                    yield self.conclude(Field.AUTOMATIC_CONVERSION, None, Confidence.MEDIUM)
                yield self.finding(
                    "es.et.art15_2.agreement_decides",
                    Severity.SHOULD,
                    PRODUCTION_AGREEMENT_RANGE,
                    limit=production.limit,
                    max_months=production.max_months,
                    agreement_months=agreement_months,
                )
            else:
                limit = agreement_limit if agreement else production.limit
                from_date = limit + ONE_DAY
                breaches.append(from_date)
                yield self.finding(
                    "es.et.art15_2.too_long",
                    Severity.MUST,
                    PRODUCTION_TOO_LONG,
                    start=production.start,
                    expiry=expiry,
                    max_months=agreement_months if agreement else production.max_months,
                    limit=limit,
                    from_date=from_date,
                )
        if breaches:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
            yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, min(breaches))
            return
        if expiry <= production.limit:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            yield self.finding(
                "es.et.art15_2.within_limits",
                Severity.INFO,
                PRODUCTION_WITHIN,
                start=production.start,
                expiry=expiry,
                extensions=production.extensions,
                max_months=production.max_months,
                limit=production.limit,
                max_extensions=max_extensions,
            )


class ChainRule(Rule):
    """ET Art 15.5: more than 18 months within any 24 through 2 or more production contracts → permanent."""

    code = "es.et.art15_5"
    citation = "ET Art 15.5"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        on = case.on
        breach = chain_breach(production_periods(case.employee.contracts), on)
        if breach is None:
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
        yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, breach.day)
        yield self.finding(
            "es.et.art15_5.eighteen_in_twenty_four",
            Severity.MUST,
            CHAIN_EXCEEDED,
            window_months=CHAIN_WINDOW_MONTHS.at(on),
            window_start=breach.window_start,
            from_date=breach.day,
            contracts=breach.contracts,
            months=CHAIN_MONTHS.at(on),
            days=breach.days,
            limit_days=breach.limit_days,
        )


class ContinuedWorkRule(Rule):
    """ET Art 49.1.c: work continued past the maximum duration without notice of termination → open-ended."""

    code = "es.et.art49_1c.continued_work"
    citation = "ET Art 49.1.c"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        days = case.facts.count("continued_working_after_expiry_days")
        if not days:
            return
        expiry = case.expiry
        notice = notice_given(case.facts)
        timely = notice.given is True and (notice.on is None or notice.on <= expiry)
        if timely:
            yield self.finding(
                "es.et.art49_1c.continued_after_notice", Severity.SHOULD, CONTINUED_AFTER_NOTICE, days=days
            )
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
            return
        production = current_production(case)
        agreement = case.facts.boolean("sector_agreement_overrides_defaults") is True
        limit = expiry if production is None else max(expiry, production.limit)
        worked_until = expiry + timedelta(days=days)
        if production is not None and agreement:
            # The agreement's maximum (up to a year) is unknown, so the day the maximum passed is too.
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None, Confidence.MEDIUM)
            yield self.finding(
                "es.et.art49_1c.continued_within_maximum",
                Severity.SHOULD,
                CONTINUED_WITHIN_MAXIMUM,
                days=days,
                limit=period_last_day(production.start, PRODUCTION_AGREEMENT_MAX_MONTHS.at(case.on)),
            )
            return
        if worked_until <= limit:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None, Confidence.MEDIUM)
            yield self.finding(
                "es.et.art49_1c.continued_within_maximum",
                Severity.SHOULD,
                CONTINUED_WITHIN_MAXIMUM,
                days=days,
                limit=limit,
            )
            return
        from_date = limit + ONE_DAY
        if notice.given is None:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None)
            yield self.finding(
                "es.et.art49_1c.continued_notice_unknown",
                Severity.SHOULD,
                CONTINUED_NOTICE_UNKNOWN,
                days=days,
                from_date=from_date,
            )
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
        yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, from_date)
        yield self.finding(
            "es.et.art49_1c.continued_work", Severity.MUST, CONTINUED_WORK, days=days, from_date=from_date
        )


class EndingRule(Rule):
    """ET Art 15 and 49.1.c: a permanent worker cannot simply be let go at the end of the term."""

    code = "es.et.art49_1c.ending"
    citation = "ET Art 49.1.c"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        action, expiry = case.decision.action, case.expiry
        state = case.concluded_flag(Field.AUTOMATIC_CONVERSION)
        if state is True:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
        if action is Action.RENEW_OPEN_ENDED:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "es.et.open_ended_renewal", Severity.INFO, OPEN_ENDED_RENEWAL, citation="ET Art 15"
            )
        if action is not Action.NOT_RENEW:
            return
        if state is True:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
            yield self.finding(
                "es.et.art15.permanent", Severity.MUST, PERMANENT, citation="ET Art 15", expiry=expiry
            )
        elif state is None:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding(
                "es.et.art15.undecided", Severity.SHOULD, UNDECIDED, citation="ET Art 15", expiry=expiry
            )
        else:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.finding("es.et.art49_1c.ends_at_expiry", Severity.INFO, ENDS_AT_EXPIRY, expiry=expiry)


class PaymentRule(Rule):
    """ET Art 49.1.c: 12 days' salary per year of service, pro rata; not for substitution or training."""

    code = "es.et.art49_1c.payment"
    citation = "ET Art 49.1.c"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        if case.concluded_flag(Field.AUTOMATIC_CONVERSION) is True:
            yield self.finding("es.et.art49_1c.not_on_permanent", Severity.INFO, PAYMENT_NOT_ON_PERMANENT)
            return
        cause = current_cause(case)
        if cause in NO_PAYMENT_CAUSES:
            yield self.finding(
                "es.et.art49_1c.not_for_cause", Severity.INFO, PAYMENT_NOT_FOR_CAUSE, cause=cause.value
            )
            return
        currency = case.currency
        declined = case.facts.boolean("employee_refused_offer") is True
        if declined and case.decision.offer is Offer.SAME_OR_BETTER:
            basis = "the worker declined to continue on the same or better terms"
            yield self.conclude(
                Field.SEVERANCE, Severance(case.money(Decimal(0)), currency, None, basis), Confidence.MEDIUM
            )
            yield self.finding("es.et.art49_1c.worker_declined", Severity.INFO, PAYMENT_DECLINED)
            return
        yield from self._amount(case)
        if declined and case.decision.offer is Offer.WORSE:
            yield self.finding("es.et.art49_1c.worse_offer_declined", Severity.INFO, PAYMENT_WORSE_OFFER)

    def _amount(self, case: Case) -> Iterator[Outcome]:
        on, currency = case.on, case.currency
        run = current_run(case)
        service = service_length(run[0].start, case.expiry)
        days_per_year = DAYS_PER_YEAR.at(on)
        per_year = PAYMENT_DAYS_PER_YEAR.at(on)
        counted = f"{pro_rata_years_text(service, days_per_year)} years ({service.describe()} of service)"
        daily = daily_salary(case)
        if daily is None:
            basis = f"{per_year} days' salary per year × {counted} × daily salary (unknown)"
            yield self.conclude(Field.SEVERANCE, Severance(None, currency, None, basis))
            yield self.finding(
                "es.et.art49_1c.salary_unknown", Severity.SHOULD, PAYMENT_WAGE_UNKNOWN, basis=basis
            )
            return
        amount = case.money(
            fraction_to_decimal(daily.amount * per_year * pro_rata_years(service, days_per_year))
        )
        basis = f"{per_year} days' salary per year × {counted} × daily salary {daily.text}"
        confidence = Confidence.MEDIUM if current_cause(case) in UNKNOWN_CAUSES else None
        yield self.conclude(Field.SEVERANCE, Severance(amount, currency, None, basis), confidence)
        yield self.finding(
            "es.et.art49_1c.payment",
            Severity.MUST,
            PAYMENT,
            amount=format(amount, "f"),
            currency=currency,
            basis=basis,
        )


class NoticeRule(Rule):
    """ET Art 49.1.c: 15 days' notice for a fixed-term contract of more than 1 year; pay for missing days."""

    code = "es.et.art49_1c.notice"
    citation = "ET Art 49.1.c"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        on, expiry = case.on, case.expiry
        years = NOTICE_FROM_YEARS.at(on)
        run = current_run(case)
        length = service_length(run[0].start, expiry)
        if length.years < years or (length.years == years and length.is_whole_years):
            yield self.conclude(Field.LAST_NOTICE_DATE, None)
            yield self.finding(
                "es.et.art49_1c.notice_not_required", Severity.INFO, NOTICE_NOT_REQUIRED, years=years
            )
            return
        days = NOTICE_DAYS.at(on)
        deadline = expiry - timedelta(days=days)
        substitution = current_cause(case) is Cause.SUBSTITUTION
        yield self.conclude(Field.LAST_NOTICE_DATE, deadline, Confidence.MEDIUM if substitution else None)
        yield self.finding(
            "es.et.art49_1c.notice_required",
            Severity.MUST,
            NOTICE_REQUIRED,
            years=years,
            days=days,
            deadline=deadline,
        )
        if substitution:
            yield self.finding(
                "es.et.art49_1c.notice_substitution_disputed", Severity.SHOULD, NOTICE_SUBSTITUTION
            )
        yield from self._timeliness(case, deadline, days)

    def _timeliness(self, case: Case, deadline: date, days: int) -> Iterator[Outcome]:
        notice = notice_given(case.facts)
        if notice.given is True and notice.on is None:
            yield self.finding(
                "es.et.art49_1c.notice_date_unknown", Severity.SHOULD, NOTICE_DATE_UNKNOWN, deadline=deadline
            )
            return
        if notice.on is not None and notice.on <= deadline:
            yield self.finding(
                "es.et.art49_1c.notice_in_time",
                Severity.INFO,
                NOTICE_IN_TIME,
                given=notice.on,
                deadline=deadline,
            )
            return
        if notice.on is not None:
            missing = min((notice.on - deadline).days, days)
        elif notice.given is False:
            missing = days
        else:
            as_of = case.request.as_of
            if as_of is not None and as_of > deadline:
                yield self.finding(
                    "es.et.art49_1c.notice_deadline_passed",
                    Severity.MUST,
                    NOTICE_DEADLINE_PASSED,
                    as_of=as_of,
                    deadline=deadline,
                )
            return
        daily = daily_salary(case)
        if daily is None:
            yield self.finding(
                "es.et.art49_1c.notice_short",
                Severity.MUST,
                NOTICE_SHORT_WAGE_UNKNOWN,
                missing=missing,
                days=days,
            )
            return
        amount = case.money(fraction_to_decimal(daily.amount * missing))
        yield self.finding(
            "es.et.art49_1c.notice_short",
            Severity.MUST,
            NOTICE_SHORT,
            missing=missing,
            days=days,
            amount=format(amount, "f"),
            currency=case.currency,
            daily=daily.text,
        )


class RenewalRule(Rule):
    """ET Art 15.2 and 15.5 for a proposed fixed-term contract."""

    code = "es.et.art15.renewal"
    citation = "ET Art 15"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        decision = case.decision
        if decision.action is not Action.RENEW_FIXED_TERM:
            return
        if case.concluded_flag(Field.AUTOMATIC_CONVERSION) is True:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
            yield self.finding("es.et.art15.already_permanent", Severity.MUST, RENEWAL_ALREADY_PERMANENT)
            return
        proposed = case.facts.text("proposed_contract_objective_reason")
        cause = cause_of(proposed) if proposed is not None else current_cause(case)
        if cause is Cause.SUBSTITUTION:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "es.et.art15_3.substitution", Severity.INFO, RENEWAL_SUBSTITUTION, citation="ET Art 15.3"
            )
            return
        if cause is not Cause.PRODUCTION:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            yield self.finding("es.et.art15.renewal_cause_unknown", Severity.SHOULD, RENEWAL_CAUSE_UNKNOWN)
            return
        new_end = decision.new_end_date
        if new_end is None:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            yield self.finding("es.et.art15.new_end_date_needed", Severity.SHOULD, NEW_END_DATE_NEEDED)
            return
        production = current_production(case)
        if production is not None and decision.date == case.expiry + ONE_DAY:
            yield from self._extension(case, production, new_end)
        else:
            yield from self._new_contract(case, new_end)

    def _extension(self, case: Case, production: ProductionContract, new_end: date) -> Iterator[Outcome]:
        max_extensions = PRODUCTION_MAX_EXTENSIONS.at(case.on)
        number = production.extensions + 1
        if number <= max_extensions and new_end <= production.limit:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "es.et.art15_2.extension_within_limits",
                Severity.INFO,
                RENEWAL_EXTENSION,
                citation="ET Art 15.2",
                new_end=new_end,
                max_months=production.max_months,
                limit=production.limit,
                max_extensions=max_extensions,
            )
            return
        yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
        yield self.finding(
            "es.et.art15_2.extension_over_limits",
            Severity.MUST,
            RENEWAL_EXTENSION_OVER,
            citation="ET Art 15.2",
            new_end=new_end,
            number=number,
            limit=production.limit,
        )

    def _new_contract(self, case: Case, new_end: date) -> Iterator[Outcome]:
        on, start = case.on, case.decision.date
        max_months = PRODUCTION_MAX_MONTHS.at(on)
        limit = period_last_day(start, max_months)
        periods = [*production_periods(case.employee.contracts), (start, new_end)]
        breach = chain_breach(periods, on)
        params = {"months": CHAIN_MONTHS.at(on), "window_months": CHAIN_WINDOW_MONTHS.at(on)}
        if new_end <= limit and breach is None:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "es.et.art15_5.new_production_contract",
                Severity.INFO,
                RENEWAL_NEW_PRODUCTION,
                citation="ET Art 15.2, 15.5",
                start=start,
                new_end=new_end,
                max_months=max_months,
                **params,
            )
            return
        yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
        yield self.finding(
            "es.et.art15_5.new_production_contract_over",
            Severity.MUST,
            RENEWAL_NEW_PRODUCTION_OVER,
            citation="ET Art 15.2, 15.5",
            start=start,
            new_end=new_end,
            limit=limit,
            from_date=limit + ONE_DAY if breach is None else breach.day,
            **params,
        )


RULES: tuple[Rule, ...] = (
    CauseRule(),
    ProductionDurationRule(),
    ChainRule(),
    ContinuedWorkRule(),
    EndingRule(),
    PaymentRule(),
    NoticeRule(),
    RenewalRule(),
    StatusScopeRule(
        code="es.statuses",
        effective_from=PACK_FROM,
        message=STATUS_NOT_CONSIDERED,
        not_blocking=dict.fromkeys(("pregnant", "maternity_leave"), "ET (non-discrimination; recalled)"),
        not_blocking_code="es.protection.pregnancy",
        not_blocking_message=STATUS_DOES_NOT_BLOCK,
        not_blocking_severity=Severity.SHOULD,
    ),
)

PACKS = (
    Pack(
        code="es",
        jurisdiction="ES",
        name="Spain",
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
            "Causes, maximum durations and the 18-in-24 rule (ET Art 15 after RDL 32/2021) and the "
            "end-of-contract payment and work continued without notice (Art 49.1.c): high. Pages still "
            "giving the pre-2022 24-in-30 rule are out of date (RULES.md §20.7).",
            "Notice details: medium; sources disagree whether substitution contracts need the 15 days' "
            "notice (shown as required, medium).",
            "No payment when the worker, not the employer, chose not to extend: practitioners' case law, "
            "medium.",
            "Causes are read from free text by keywords; a missing or unrecognised cause is reported and "
            "nothing is concluded on conversion.",
        ),
        not_covered=(
            "Occasional foreseeable peaks (90 days per calendar year): recognised, not checked.",
            "The 18-in-24 rule for a post filled by different temporary workers (recalled, not verified) and "
            "contracts through temporary-work agencies or other group companies: only this employer's "
            "contracts, as listed, are counted.",
            "Whether a stated cause is genuine and precise; fraud in the use of fixed-term contracts beyond "
            "the duration limits.",
            "The maximum a sector agreement sets for production contracts (up to 1 year): between 6 and 12 "
            "months nothing is concluded.",
            "Dismissal of a worker who is permanent (the unfair-dismissal payment) is out of scope.",
            "Notice a collective agreement adds for contracts of 1 year or less, and probation limits (ET "
            "Art 14).",
            "The daily salary is the annual salary / 365 (or the monthly × 12 / 365) unless a daily wage is "
            "given; salary components are taken as given.",
            "Decisions before 2022-03-30 (the rules before RDL 32/2021).",
            "Regions: none; the Workers' Statute is national.",
        ),
    ),
)
