"""Germany: expiry and renewal of fixed-term contracts under the Part-Time and Fixed-Term Employment Act.

Sources: Part-Time and Fixed-Term Employment Act (TzBfG) §§14-17 in the numbering in force since
2022-08-01 (§15(3) on probation inserted, the former §15(5) on continued work now §15(6)); Social Code Book
III (SGB III) §38; General Equal Treatment Act (AGG) for refusals because of pregnancy; as summarised in
RULES.md §5 and §20.11.

What the pack reads from the request:

- ``contracts``: the current contract, and the adjacent fixed-term contracts without ``objective_reason`` just
  before it, are read as one fixed term and its extensions (§14(2)); adjacent means the next contract starts
  the day after the previous one ends. Any earlier contract, a gap, or a ``hire_date`` before that run is
  earlier employment with the same employer, which bars a fixed term without objective reason.
- ``contracts[].objective_reason``: null means no objective reason (§14(2) or §14(3) must then hold); any
  text means a fixed term with an objective reason (§14(1)), which the pack takes as stated.
- ``birth_date`` (else ``facts.age_at_hire``) and ``facts.unemployed_months_before_hire``: the §14(3) route
  for employees aged 52 or more who were out of work for at least 4 months right before.
- ``statuses``: ``pregnant``, ``maternity_leave``, ``disabled``, ``union_representative`` (none of them stops
  a valid term from expiring); other kinds are reported as not considered.
- ``facts``: ``prior_employment_with_employer``, ``extensions_agreed_before_expiry_terms_unchanged``,
  ``continued_working_after_expiry_days``, ``employer_aware_of_continued_work``,
  ``employer_objected_without_delay`` (§15(6)); ``reason_for_end`` (``completion_of_task`` marks a
  purpose-limited contract, §15(2)) with ``termination_notice_given`` (the date of the written notice that the
  purpose was achieved); ``proposed_contract_objective_reason`` for a renewal.
- ``decision``: a ``renew_fixed_term`` dated the day after expiry is an extension of the current term; a
  later date makes it a new contract. ``new_end_date`` is the proposed last day.
- ``pay`` is not read: nothing is owed on expiry, so ``severance`` stays null.

No regional variants: the rules are federal (``national=True``), and a region in the request gets them
with ``law.national_law_applies``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import constant
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, Outcome, Rule, StatusScopeRule
from keepwell.law.service import ONE_DAY, add_months, add_years, adjacent, chain_start, period_last_day
from keepwell.law.types import Action, Confidence, Contract, Field, Severity

# Decisions from this day on: the numbering of TzBfG §15 used here and §15(3) on probation.
PACK_FROM = date(2022, 8, 1)

# --- Dated parameters ------------------------------------------------------------------------------------

NO_REASON_MAX_MONTHS = constant("de.no_reason_max_months", PACK_FROM, 24, citation="TzBfG §14(2)")
NO_REASON_MAX_EXTENSIONS = constant("de.no_reason_max_extensions", PACK_FROM, 3, citation="TzBfG §14(2)")
OLDER_WORKER_MIN_AGE = constant("de.older_worker_min_age", PACK_FROM, 52, citation="TzBfG §14(3)")
OLDER_WORKER_UNEMPLOYED_MONTHS = constant(
    "de.older_worker_unemployed_months", PACK_FROM, 4, citation="TzBfG §14(3)"
)
OLDER_WORKER_MAX_MONTHS = constant("de.older_worker_max_months", PACK_FROM, 60, citation="TzBfG §14(3)")
START_UP_MAX_MONTHS = constant("de.start_up_max_months", PACK_FROM, 48, citation="TzBfG §14(2a)")
START_UP_YEARS_AFTER_FOUNDING = constant(
    "de.start_up_years_after_founding", PACK_FROM, 4, citation="TzBfG §14(2a)"
)
CLAIM_PERIOD_DAYS = constant("de.claim_period_days", PACK_FROM, 21, citation="TzBfG §17")
PURPOSE_NOTICE_DAYS = constant("de.purpose_notice_days", PACK_FROM, 14, citation="TzBfG §15(2)")
JOB_SEEKER_REGISTRATION_MONTHS = constant(
    "de.job_seeker_registration_months", PACK_FROM, 3, citation="SGB III §38"
)

COMPLETION_OF_TASK = "completion_of_task"

# --- Messages (English templates, translated through the catalogues) ---------------------------------

NO_REASON_WITHIN_LIMITS = Plural(
    "extensions",
    one=gettext_noop(
        "The fixed term without an objective reason runs from %(start)s to %(expiry)s with "
        "%(extensions)s extension: within the limits of %(max_months)s months (last allowed day "
        "%(limit)s) and %(max_extensions)s extensions."
    ),
    other=gettext_noop(
        "The fixed term without an objective reason runs from %(start)s to %(expiry)s with "
        "%(extensions)s extensions: within the limits of %(max_months)s months (last allowed day "
        "%(limit)s) and %(max_extensions)s extensions."
    ),
)
OLDER_WORKER_WITHIN_LIMITS = gettext_noop(
    "The employee was at least %(min_age)s at the start on %(start)s and out of work for at least "
    "%(unemployed_months)s months before: a fixed term without objective reason may run up to "
    "%(max_months)s months (last allowed day %(limit)s) with any number of extensions; it ends on "
    "%(expiry)s."
)
PRIOR_EMPLOYMENT_HISTORY = gettext_noop(
    "The employee already worked for the employer before %(start)s (from %(earlier)s). A fixed term without "
    "an objective reason is not allowed after any earlier employment, so the term is invalid and the "
    "contract is open-ended from %(start)s."
)
PRIOR_EMPLOYMENT_FACT = gettext_noop(
    "The employee was employed by the same employer before. A fixed term without an objective reason is not "
    "allowed after any earlier employment, so the term is invalid and the contract is open-ended from "
    "%(start)s."
)
PRIOR_EMPLOYMENT_EXCEPTIONS = gettext_noop(
    "Courts allow exceptions only where the earlier job was very long ago, very different or very short "
    "(Federal Constitutional Court 2018, 1 BvL 7/14); 8 years earlier still barred a new term (BAG 2019)."
)
PRIOR_EMPLOYMENT_UNCONFIRMED = gettext_noop(
    "The history shows no earlier employment, but prior_employment_with_employer is not recorded. Any "
    "earlier employment with the same employer, on any kind of contract, makes this term invalid: confirm."
)
TOO_MANY_EXTENSIONS = gettext_noop(
    "contracts[%(index)s], starting %(start)s, is extension number %(number)s; at most %(max_extensions)s "
    "are allowed without an objective reason, so the term is invalid and the contract is open-ended from "
    "%(start)s."
)
DURATION_EXCEEDED = gettext_noop(
    "contracts[%(index)s], starting %(start)s, runs to %(end)s, past the last allowed day %(limit)s "
    "(%(max_months)s months from %(first_start)s), so the term is invalid and the contract is open-ended "
    "from %(start)s."
)
EXTENSION_NOT_VALID = gettext_noop(
    "An extension was not agreed before expiry with all other terms unchanged, so it counts as a new "
    "contract, which the earlier employment bars: the term is invalid. Which extension was at fault is not "
    "recorded, so the conversion date is unknown."
)
EXTENSION_TERMS_UNCONFIRMED = Plural(
    "extensions",
    one=gettext_noop(
        "The %(extensions)s extension must have been agreed before the previous term expired, without "
        "a gap and with all other terms unchanged; otherwise it is a new contract and the term is "
        "invalid. Record extensions_agreed_before_expiry_terms_unchanged."
    ),
    other=gettext_noop(
        "Each of the %(extensions)s extensions must have been agreed before the previous term expired, "
        "without a gap and with all other terms unchanged; otherwise it is a new contract and the term "
        "is invalid. Record extensions_agreed_before_expiry_terms_unchanged."
    ),
)
START_UP_NOT_ASSESSED = gettext_noop(
    "In the first %(years)s years after founding, a start-up may agree a fixed term of up to "
    "%(max_months)s months without objective reason, with any number of extensions (TzBfG §14(2a)); the "
    "founding date is not part of the request, so this was not assessed."
)
OLDER_WORKER_UNCONFIRMED = gettext_noop(
    "The employee was at least %(min_age)s at the start: if out of work for at least %(unemployed_months)s "
    "months right before, a fixed term of up to %(max_months)s months is allowed (TzBfG §14(3)). Record "
    "unemployed_months_before_hire."
)
PURPOSE_NEEDS_REASON = gettext_noop(
    "A purpose-limited contract (reason_for_end completion_of_task) always needs an objective reason, and "
    "none is recorded for the current contract: whether the term is valid cannot be told."
)
LIMITS_REACHED = Plural(
    "max_extensions",
    one=gettext_noop(
        "The limits for a fixed term without objective reason are reached (%(extensions)s of "
        "%(max_extensions)s extension, last allowed day %(limit)s): a further fixed term needs an "
        "objective reason (TzBfG §14(1)); without one, continued employment is open-ended."
    ),
    other=gettext_noop(
        "The limits for a fixed term without objective reason are reached (%(extensions)s of "
        "%(max_extensions)s extensions, last allowed day %(limit)s): a further fixed term needs an "
        "objective reason (TzBfG §14(1)); without one, continued employment is open-ended."
    ),
)
EXTENSION_WITHIN_LIMITS = gettext_noop(
    "Extending to %(new_end)s is extension number %(number)s and stays within the limits (last allowed day "
    "%(limit)s). Agree it in writing before %(expiry)s and change no other term."
)
EXTENSION_OVER_LIMITS = Plural(
    "max_extensions",
    one=gettext_noop(
        "Extending to %(new_end)s would be extension number %(number)s; the limits are "
        "%(max_extensions)s extension and the last allowed day %(limit)s. Without an objective reason "
        "the term would be invalid."
    ),
    other=gettext_noop(
        "Extending to %(new_end)s would be extension number %(number)s; the limits are "
        "%(max_extensions)s extensions and the last allowed day %(limit)s. Without an objective reason "
        "the term would be invalid."
    ),
)
NEW_CONTRACT_BARRED = gettext_noop(
    "A new fixed-term contract without an objective reason is not allowed with an employer the employee "
    "has worked for before; it would be open-ended."
)
NEW_END_DATE_NEEDED = gettext_noop(
    "Give decision.new_end_date to check the proposed fixed term against the limits."
)
OBJECTIVE_REASON_TERM = gettext_noop(
    "The current contract states an objective reason; a fixed term with an objective reason has no fixed "
    "length or extension limit. The reason must have existed when the contract was concluded; the employer "
    "has to prove it."
)
ABUSE_CHECK = Plural(
    "contracts",
    one=gettext_noop(
        "The fixed term with this employer spans %(start)s to %(end)s in %(contracts)s contract, "
        "beyond the limits for terms without reason (%(max_months)s months, %(max_contracts)s "
        "contracts). Courts check long chains for abuse even with an objective reason; the thresholds "
        "are not settled in the sources used."
    ),
    other=gettext_noop(
        "The fixed terms with this employer span %(start)s to %(end)s over %(contracts)s contracts, "
        "beyond the limits for terms without reason (%(max_months)s months, %(max_contracts)s "
        "contracts). Courts check long chains for abuse even with an objective reason; the thresholds "
        "are not settled in the sources used."
    ),
)
RENEWAL_WITH_REASON = gettext_noop(
    "A renewal with the objective reason stated for it is allowed without a fixed length or number of "
    "extensions; the reason must exist when the contract is concluded."
)
OPEN_ENDED_RENEWAL = gettext_noop("An open-ended contract meets the Fixed-Term Employment Act.")
CONTINUED_WORK_CONVERTS = Plural(
    "days",
    one=gettext_noop(
        "The employee worked %(days)s day after expiry with the employer's knowledge and the employer "
        "did not object without delay: the contract continues as open-ended from %(from_date)s."
    ),
    other=gettext_noop(
        "The employee worked %(days)s days after expiry with the employer's knowledge and the employer "
        "did not object without delay: the contract continues as open-ended from %(from_date)s."
    ),
)
CONTINUED_WORK_NO_EFFECT = Plural(
    "days",
    one=gettext_noop(
        "The employee worked %(days)s day after expiry, but the employer did not know or objected "
        "without delay, so the contract did not become open-ended that way."
    ),
    other=gettext_noop(
        "The employee worked %(days)s days after expiry, but the employer did not know or objected "
        "without delay, so the contract did not become open-ended that way."
    ),
)
CONTINUED_WORK_UNCLEAR = Plural(
    "days",
    one=gettext_noop(
        "The employee worked %(days)s day after expiry. If the employer knew and did not object "
        "without delay, the contract is open-ended from %(from_date)s: record "
        "employer_aware_of_continued_work and employer_objected_without_delay."
    ),
    other=gettext_noop(
        "The employee worked %(days)s days after expiry. If the employer knew and did not object "
        "without delay, the contract is open-ended from %(from_date)s: record "
        "employer_aware_of_continued_work and employer_objected_without_delay."
    ),
)
TERM_INVALID = gettext_noop(
    "The term is invalid, so the contract counts as concluded for an indefinite period: ending it on "
    "%(expiry)s would need a dismissal."
)
CLAIM_DEADLINE = gettext_noop(
    "The employee must bring a claim within %(days)s days after the agreed end, by %(deadline)s; otherwise "
    "the term counts as valid. If the employee keeps working, the period starts when the employer's written "
    "statement that the contract has ended is received."
)
CLAIM_PERIOD = gettext_noop(
    "The employee can challenge the term in court until %(deadline)s (%(days)s days after the agreed end); "
    "after that it counts as valid."
)
TERM_UNCERTAIN = gettext_noop(
    "Whether the term is valid cannot be told from the facts given, so whether the contract ends on "
    "%(expiry)s is open. The employee can challenge the term until %(deadline)s."
)
ENDS_AT_EXPIRY = gettext_noop(
    "The fixed-term contract ends on its agreed last day %(expiry)s without notice; nothing in the facts "
    "given stops that."
)
NO_PAYMENT = gettext_noop("German law provides no payment when a fixed-term contract ends at expiry.")
NO_NOTICE_CALENDAR_TERM = gettext_noop(
    "No notice is needed for a contract with a calendar end date: it ends on %(expiry)s."
)
PURPOSE_NOTICE = gettext_noop(
    "A purpose-limited contract ends at the earliest %(days)s days after the employer's written notice that "
    "the purpose is achieved: give it by %(deadline)s for the contract to end on %(expiry)s."
)
PURPOSE_NOTICE_IN_TIME = gettext_noop("Notice given on %(given)s meets the %(deadline)s deadline.")
PURPOSE_NOTICE_LATE = gettext_noop(
    "Notice given on %(given)s is after the %(deadline)s deadline: the contract runs until %(until)s."
)
PURPOSE_NOTICE_PASSED = gettext_noop(
    "As of %(as_of)s the notice deadline %(deadline)s has passed and no notice is recorded: the contract "
    "runs until %(days)s days after the notice is given."
)
JOB_SEEKER_REGISTRATION = gettext_noop(
    "The employee must register with the employment agency as a job-seeker at least %(months)s months "
    "before the end, by %(deadline)s; registering late can cost a one-week block on unemployment benefit."
)
JOB_SEEKER_REGISTRATION_SHORT = gettext_noop(
    "The contract is shorter than %(months)s months: the employee must register with the employment agency "
    "as a job-seeker as soon as the end is known; registering late can cost a one-week block on "
    "unemployment benefit."
)
PROBATION_PROPORTIONATE = gettext_noop(
    "Any probation in a fixed-term contract must be proportionate to its expected length and the kind of "
    "work; there is no fixed ratio (BAG 2 AZR 160/24, 2025), and it may not cover the whole term (BAG 2 AZR "
    "275/23, 2024)."
)
STATUS_DOES_NOT_BLOCK = gettext_noop(
    "Status %(kind)s does not stop a valid fixed term from expiring on %(expiry)s."
)
PREGNANCY_DISCRIMINATION = gettext_noop(
    "Refusing a renewal because of pregnancy can be discrimination under the General Equal Treatment Act; "
    "the remedy is compensation, not an open-ended contract. Keep the reasons for the decision on record."
)
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the Germany rule pack.")


# --- Shared computations --------------------------------------------------------------------------------


def purpose_limited(case: Case) -> bool:
    """True when the request marks the contract as ending on completion of its purpose (§15(2))."""
    return case.facts.text("reason_for_end") == COMPLETION_OF_TASK


@dataclass(frozen=True)
class NoReasonTerm:
    """The current fixed term without objective reason, read with its extensions (TzBfG §14(2)/(3))."""

    first_index: int
    contracts: tuple[Contract, ...]
    older_worker: bool | None
    max_months: int
    max_extensions: int | None  # None: any number (§14(3))
    limit: date  # the last day the term may reach
    earlier_employment: date | None  # first day of earlier employment seen in the history
    prior_employment_fact: bool | None

    @property
    def start(self) -> date:
        return self.contracts[0].start

    @property
    def extensions(self) -> int:
        return len(self.contracts) - 1

    @property
    def bars_prior_employment(self) -> bool:
        """The §14(2) bar on earlier employment applies (the §14(3) route has no such bar)."""
        return self.older_worker is not True

    @property
    def prior_employment(self) -> bool | None:
        if self.earlier_employment is not None or self.prior_employment_fact is True:
            return True
        return self.prior_employment_fact

    def room_left(self, expiry: date) -> bool:
        """True when one more extension is still possible without objective reason."""
        more_extensions = self.max_extensions is None or self.extensions < self.max_extensions
        return more_extensions and expiry < self.limit


def older_worker(case: Case, start: date) -> bool | None:
    """TzBfG §14(3): aged 52+ at the start of the term and out of work for 4+ months right before.

    The age comes from ``birth_date``, else ``facts.age_at_hire``; the months out of work are those before
    hire, so the route is read only for a term that starts on the first day of employment. ``None`` when the
    employee is old enough but the months out of work are unknown.
    """
    on = case.on
    if start != case.employee.first_day:
        return False
    birth = case.employee.birth_date
    if birth is not None:
        aged = add_years(birth, OLDER_WORKER_MIN_AGE.at(on)) <= start
    else:
        age = case.facts.integer("age_at_hire")
        aged = age is not None and age >= OLDER_WORKER_MIN_AGE.at(on)
    if not aged:
        return False
    unemployed = case.facts.integer("unemployed_months_before_hire")
    if unemployed is None:
        return None
    return unemployed >= OLDER_WORKER_UNEMPLOYED_MONTHS.at(on)


def no_reason_term(case: Case) -> NoReasonTerm:
    """The trailing run of adjacent fixed-term contracts without objective reason, and its limits."""
    contracts = case.employee.contracts
    first = chain_start(
        contracts,
        lambda previous, following: (
            previous.is_fixed_term and previous.objective_reason is None and adjacent(previous, following)
        ),
    )
    run = contracts[first:]
    start = run[0].start
    earlier = [contract.start for contract in contracts[:first]]
    if case.employee.hire_date is not None and case.employee.hire_date < start:
        earlier.append(case.employee.hire_date)
    older = older_worker(case, start)
    on = case.on
    if older is True:
        max_months, max_extensions = OLDER_WORKER_MAX_MONTHS.at(on), None
    else:
        max_months, max_extensions = NO_REASON_MAX_MONTHS.at(on), NO_REASON_MAX_EXTENSIONS.at(on)
    return NoReasonTerm(
        first_index=first,
        contracts=run,
        older_worker=older,
        max_months=max_months,
        max_extensions=max_extensions,
        limit=period_last_day(start, max_months),
        earlier_employment=min(earlier) if earlier else None,
        prior_employment_fact=case.facts.boolean("prior_employment_with_employer"),
    )


@dataclass
class Breaches:
    """What a rule found wrong: its findings, and the days the contract became open-ended where known."""

    starts: list[date] = field(default_factory=list)
    findings: list[Outcome] = field(default_factory=list)

    def add(self, start: date | None, finding: Outcome) -> None:
        if start is not None:
            self.starts.append(start)
        self.findings.append(finding)


# --- Rules ----------------------------------------------------------------------------------------------


class NoReasonTermRule(Rule):
    """TzBfG §14(2) and (3): a fixed term without objective reason, its extensions and earlier employment."""

    code = "de.tzbfg.s14_2"
    citation = "TzBfG §14(2)"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.current_contract.objective_reason is None:
            yield from self._current_term(case)
        if case.decision.action is Action.RENEW_FIXED_TERM and not case.facts.text(
            "proposed_contract_objective_reason"
        ):
            yield from self._renewal(case)

    def _current_term(self, case: Case) -> Iterator[Outcome]:
        if purpose_limited(case):
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None)
            yield self.finding(
                "de.tzbfg.s14_1.purpose_needs_reason",
                Severity.SHOULD,
                PURPOSE_NEEDS_REASON,
                citation="TzBfG §14(1), §15(2)",
            )
            return
        term = no_reason_term(case)
        citation = "TzBfG §14(3)" if term.older_worker is True else "TzBfG §14(2)"
        breaches = self._breaches(case, term)
        if not breaches.findings:
            yield from self._valid(case, term, citation)
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
        if breaches.starts:
            yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, min(breaches.starts))
        yield from breaches.findings
        if term.older_worker is None:
            on = case.on
            yield self.finding(
                "de.tzbfg.s14_3.older_worker_unconfirmed",
                Severity.SHOULD,
                OLDER_WORKER_UNCONFIRMED,
                citation="TzBfG §14(3)",
                min_age=OLDER_WORKER_MIN_AGE.at(on),
                unemployed_months=OLDER_WORKER_UNEMPLOYED_MONTHS.at(on),
                max_months=OLDER_WORKER_MAX_MONTHS.at(on),
            )

    def _breaches(self, case: Case, term: NoReasonTerm) -> Breaches:
        """Every way the term breaks the limits; ``starts`` are the days the contract became open-ended."""
        breaches = Breaches()
        if term.bars_prior_employment and term.prior_employment:
            code = "de.tzbfg.s14_2.prior_employment"
            if term.earlier_employment is None:
                finding = self.finding(code, Severity.MUST, PRIOR_EMPLOYMENT_FACT, start=term.start)
            else:
                finding = self.finding(
                    code,
                    Severity.MUST,
                    PRIOR_EMPLOYMENT_HISTORY,
                    start=term.start,
                    earlier=term.earlier_employment,
                )
            breaches.add(term.start, finding)
            breaches.add(
                None,
                self.finding(
                    "de.tzbfg.s14_2.prior_employment_exceptions", Severity.INFO, PRIOR_EMPLOYMENT_EXCEPTIONS
                ),
            )
        if term.max_extensions is not None and term.extensions > term.max_extensions:
            number = term.max_extensions + 1
            contract = term.contracts[number]
            finding = self.finding(
                "de.tzbfg.s14_2.too_many_extensions",
                Severity.MUST,
                TOO_MANY_EXTENSIONS,
                index=term.first_index + number,
                start=contract.start,
                number=number,
                max_extensions=term.max_extensions,
            )
            breaches.add(contract.start, finding)
        for index, contract in enumerate(term.contracts):
            if contract.end is None or contract.end <= term.limit:
                continue
            finding = self.finding(
                "de.tzbfg.s14_2.duration_exceeded",
                Severity.MUST,
                DURATION_EXCEEDED,
                citation="TzBfG §14(3)" if term.older_worker is True else "TzBfG §14(2)",
                index=term.first_index + index,
                start=contract.start,
                end=contract.end,
                limit=term.limit,
                max_months=term.max_months,
                first_start=term.start,
            )
            breaches.add(contract.start, finding)
            if term.older_worker is not True:
                finding = self.finding(
                    "de.tzbfg.s14_2a.start_up_not_assessed",
                    Severity.SHOULD,
                    START_UP_NOT_ASSESSED,
                    citation="TzBfG §14(2a)",
                    max_months=START_UP_MAX_MONTHS.at(case.on),
                    years=START_UP_YEARS_AFTER_FOUNDING.at(case.on),
                )
                breaches.add(None, finding)
            break
        if term.extensions and case.facts.boolean("extensions_agreed_before_expiry_terms_unchanged") is False:
            breaches.add(
                None, self.finding("de.tzbfg.s14_2.extension_not_valid", Severity.MUST, EXTENSION_NOT_VALID)
            )
        return breaches

    def _valid(self, case: Case, term: NoReasonTerm, citation: str) -> Iterator[Outcome]:
        on, expiry = case.on, case.expiry
        yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
        if term.older_worker is True:
            yield self.finding(
                "de.tzbfg.s14_3.within_limits",
                Severity.INFO,
                OLDER_WORKER_WITHIN_LIMITS,
                citation=citation,
                min_age=OLDER_WORKER_MIN_AGE.at(on),
                unemployed_months=OLDER_WORKER_UNEMPLOYED_MONTHS.at(on),
                max_months=term.max_months,
                limit=term.limit,
                start=term.start,
                expiry=expiry,
            )
        else:
            yield self.finding(
                "de.tzbfg.s14_2.within_limits",
                Severity.INFO,
                NO_REASON_WITHIN_LIMITS,
                start=term.start,
                expiry=expiry,
                extensions=term.extensions,
                max_months=term.max_months,
                limit=term.limit,
                max_extensions=term.max_extensions or 0,
            )
        if term.bars_prior_employment and term.prior_employment is None:
            yield self.finding(
                "de.tzbfg.s14_2.prior_employment_unconfirmed", Severity.SHOULD, PRIOR_EMPLOYMENT_UNCONFIRMED
            )
        if term.extensions and case.facts.boolean("extensions_agreed_before_expiry_terms_unchanged") is None:
            yield self.finding(
                "de.tzbfg.s14_2.extension_terms_unconfirmed",
                Severity.SHOULD,
                EXTENSION_TERMS_UNCONFIRMED,
                extensions=term.extensions,
            )
        if term.room_left(expiry):
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
            return
        proposed = case.facts.text("proposed_contract_objective_reason")
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False if proposed else None)
        yield self.finding(
            "de.tzbfg.s14_2.limits_reached",
            Severity.INFO,
            LIMITS_REACHED,
            citation=citation,
            extensions=term.extensions,
            max_extensions=term.extensions if term.max_extensions is None else term.max_extensions,
            limit=term.limit,
        )

    def _renewal(self, case: Case) -> Iterator[Outcome]:
        """A fixed-term renewal without objective reason: an extension the day after expiry, else barred."""
        expiry, decision = case.expiry, case.decision
        current_has_reason = case.current_contract.objective_reason is not None
        if current_has_reason or decision.date != expiry + ONE_DAY:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
            yield self.finding("de.tzbfg.s14_2.new_contract_barred", Severity.MUST, NEW_CONTRACT_BARRED)
            return
        if case.conclusions.get(Field.AUTOMATIC_CONVERSION) is True:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
            yield self.finding("de.tzbfg.s14_2.new_contract_barred", Severity.MUST, NEW_CONTRACT_BARRED)
            return
        new_end = decision.new_end_date
        if new_end is None:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            yield self.finding("de.tzbfg.s14_2.new_end_date_needed", Severity.SHOULD, NEW_END_DATE_NEEDED)
            return
        term = no_reason_term(case)
        number = term.extensions + 1
        within = new_end <= term.limit and (term.max_extensions is None or number <= term.max_extensions)
        if within:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "de.tzbfg.s14_2.extension_within_limits",
                Severity.MUST,
                EXTENSION_WITHIN_LIMITS,
                new_end=new_end,
                number=number,
                limit=term.limit,
                expiry=expiry,
            )
            return
        yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
        yield self.finding(
            "de.tzbfg.s14_2.extension_over_limits",
            Severity.MUST,
            EXTENSION_OVER_LIMITS,
            new_end=new_end,
            number=number,
            max_extensions=number - 1 if term.max_extensions is None else term.max_extensions,
            limit=term.limit,
        )


class ObjectiveReasonRule(Rule):
    """TzBfG §14(1): a fixed term with an objective reason; long chains are checked for abuse (medium)."""

    code = "de.tzbfg.s14_1"
    citation = "TzBfG §14(1)"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        long_chain = self._long_chain(case)
        if case.current_contract.objective_reason is not None:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            yield self.finding("de.tzbfg.s14_1.objective_reason", Severity.INFO, OBJECTIVE_REASON_TERM)
            yield from long_chain
        proposed = case.facts.text("proposed_contract_objective_reason")
        if case.decision.action is Action.RENEW_FIXED_TERM and proposed:
            medium = Confidence.MEDIUM if self._is_long(case) else None
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True, medium)
            yield self.finding("de.tzbfg.s14_1.renewal_with_reason", Severity.INFO, RENEWAL_WITH_REASON)
            if case.current_contract.objective_reason is None:
                yield from long_chain

    def _fixed_terms(self, case: Case) -> list[Contract]:
        return [contract for contract in case.employee.contracts if contract.is_fixed_term]

    def _is_long(self, case: Case) -> bool:
        fixed_terms = self._fixed_terms(case)
        on = case.on
        limit = period_last_day(fixed_terms[0].start, NO_REASON_MAX_MONTHS.at(on))
        return case.expiry > limit or len(fixed_terms) > NO_REASON_MAX_EXTENSIONS.at(on) + 1

    def _long_chain(self, case: Case) -> list[Outcome]:
        if not self._is_long(case):
            return []
        fixed_terms = self._fixed_terms(case)
        on = case.on
        return [
            self.finding(
                "de.tzbfg.s14_1.abuse_check",
                Severity.SHOULD,
                ABUSE_CHECK,
                start=fixed_terms[0].start,
                end=case.expiry,
                contracts=len(fixed_terms),
                max_months=NO_REASON_MAX_MONTHS.at(on),
                max_contracts=NO_REASON_MAX_EXTENSIONS.at(on) + 1,
            ),
            self.conclude(Field.CONFIDENCE, Confidence.MEDIUM),
        ]


class ContinuedWorkRule(Rule):
    """TzBfG §15(6): work continued after expiry with the employer's knowledge and no prompt objection."""

    code = "de.tzbfg.s15_6"
    citation = "TzBfG §15(6)"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        days = case.facts.count("continued_working_after_expiry_days")
        if not days:
            return
        aware = case.facts.boolean("employer_aware_of_continued_work")
        objected = case.facts.boolean("employer_objected_without_delay")
        from_date = case.expiry + ONE_DAY
        if aware is False or objected is True:
            yield self.finding(
                "de.tzbfg.s15_6.continued_work_no_effect", Severity.INFO, CONTINUED_WORK_NO_EFFECT, days=days
            )
            return
        if aware is True and objected is False:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
            yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, from_date)
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
            yield self.finding(
                "de.tzbfg.s15_6.continued_work",
                Severity.MUST,
                CONTINUED_WORK_CONVERTS,
                days=days,
                from_date=from_date,
            )
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, None)
        yield self.finding(
            "de.tzbfg.s15_6.continued_work_unclear",
            Severity.SHOULD,
            CONTINUED_WORK_UNCLEAR,
            days=days,
            from_date=from_date,
        )


class PurposeNoticeRule(Rule):
    """TzBfG §15(2): a purpose-limited contract ends 2 weeks after notice; a calendar term needs none."""

    code = "de.tzbfg.s15_2"
    citation = "TzBfG §15(2)"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        expiry = case.expiry
        if case.decision.action is not Action.NOT_RENEW or not purpose_limited(case):
            yield self.conclude(Field.LAST_NOTICE_DATE, None)
            yield self.finding(
                "de.tzbfg.s15_1.no_notice_calendar_term",
                Severity.INFO,
                NO_NOTICE_CALENDAR_TERM,
                citation="TzBfG §15(1)",
                expiry=expiry,
            )
            return
        days = PURPOSE_NOTICE_DAYS.at(case.on)
        deadline = expiry - timedelta(days=days)
        yield self.conclude(Field.LAST_NOTICE_DATE, deadline)
        yield self.finding(
            "de.tzbfg.s15_2.purpose_notice",
            Severity.MUST,
            PURPOSE_NOTICE,
            days=days,
            deadline=deadline,
            expiry=expiry,
        )
        given = case.facts.date_of("termination_notice_given")
        if given is not None and given <= deadline:
            yield self.finding(
                "de.tzbfg.s15_2.notice_in_time",
                Severity.INFO,
                PURPOSE_NOTICE_IN_TIME,
                given=given,
                deadline=deadline,
            )
        elif given is not None:
            until = given + timedelta(days=days)
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
            yield self.conclude(Field.CONTRACT_EXTENDED_UNTIL, until)
            yield self.finding(
                "de.tzbfg.s15_2.notice_late",
                Severity.MUST,
                PURPOSE_NOTICE_LATE,
                given=given,
                deadline=deadline,
                until=until,
            )
        elif case.request.as_of is not None and case.request.as_of > deadline:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
            yield self.conclude(Field.CONTRACT_EXTENDED_UNTIL, None)
            yield self.finding(
                "de.tzbfg.s15_2.notice_deadline_passed",
                Severity.MUST,
                PURPOSE_NOTICE_PASSED,
                as_of=case.request.as_of,
                deadline=deadline,
                days=days,
            )


class EndingRule(Rule):
    """TzBfG §15(1), §16 and §17: a valid term ends on its last day; an invalid one makes it indefinite."""

    code = "de.tzbfg.s16"
    citation = "TzBfG §16"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        action, expiry = case.decision.action, case.expiry
        if action is Action.RENEW_OPEN_ENDED:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "de.tzbfg.s14.open_ended_renewal", Severity.INFO, OPEN_ENDED_RENEWAL, citation="TzBfG §14"
            )
        if action is not Action.NOT_RENEW:
            return
        converted = case.conclusions.get(Field.AUTOMATIC_CONVERSION)
        deadline = expiry + timedelta(days=CLAIM_PERIOD_DAYS.at(case.on))
        if converted is True:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
            yield self.finding("de.tzbfg.s16.term_invalid", Severity.MUST, TERM_INVALID, expiry=expiry)
            yield self.finding(
                "de.tzbfg.s17.claim_deadline",
                Severity.MUST,
                CLAIM_DEADLINE,
                citation="TzBfG §17",
                days=CLAIM_PERIOD_DAYS.at(case.on),
                deadline=deadline,
            )
        elif converted is None and case.concluded(Field.AUTOMATIC_CONVERSION):
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding(
                "de.tzbfg.s16.term_uncertain",
                Severity.SHOULD,
                TERM_UNCERTAIN,
                citation="TzBfG §16, §17",
                expiry=expiry,
                deadline=deadline,
            )
        elif not case.concluded(Field.NON_RENEWAL_LAWFUL):
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.finding(
                "de.tzbfg.s15_1.ends_at_expiry",
                Severity.INFO,
                ENDS_AT_EXPIRY,
                citation="TzBfG §15(1)",
                expiry=expiry,
            )
            yield self.finding(
                "de.tzbfg.s17.claim_period",
                Severity.INFO,
                CLAIM_PERIOD,
                citation="TzBfG §17",
                deadline=deadline,
                days=CLAIM_PERIOD_DAYS.at(case.on),
            )
        # Nothing is owed on expiry: severance stays null (SCHEMA.md), and the finding says why.
        yield self.finding("de.tzbfg.s15_1.no_payment", Severity.INFO, NO_PAYMENT, citation="TzBfG §15(1)")


class JobSeekerRegistrationRule(Rule):
    """SGB III §38: the employee registers as a job-seeker at least 3 months before the end."""

    code = "de.sgb3.s38"
    citation = "SGB III §38"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        months = JOB_SEEKER_REGISTRATION_MONTHS.at(case.on)
        deadline = add_months(case.expiry, -months)
        if deadline < case.current_contract.start:
            yield self.finding(
                "de.sgb3.s38.job_seeker_registration",
                Severity.INFO,
                JOB_SEEKER_REGISTRATION_SHORT,
                months=months,
            )
            return
        yield self.finding(
            "de.sgb3.s38.job_seeker_registration",
            Severity.INFO,
            JOB_SEEKER_REGISTRATION,
            months=months,
            deadline=deadline,
        )


class ProbationRule(Rule):
    """TzBfG §15(3): probation in a fixed-term contract must be proportionate (no fixed ratio)."""

    code = "de.tzbfg.s15_3"
    citation = "TzBfG §15(3)"
    effective_from = PACK_FROM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is Action.RENEW_FIXED_TERM:
            yield self.finding(
                "de.tzbfg.s15_3.probation_proportionate", Severity.INFO, PROBATION_PROPORTIONATE
            )


NOT_BLOCKING_CITATIONS = {
    "pregnant": "Maternity Protection Act; AGG",
    "maternity_leave": "Maternity Protection Act; AGG",
    "disabled": "Social Code Book IX",
    "union_representative": "Works Constitution Act",
}


class StatusRule(StatusScopeRule):
    """Protections that do not stop a valid term from expiring; other statuses are named as not considered.
    Not renewing a pregnant employee is also flagged as possible discrimination."""

    def about(self, case: Case, kind: str) -> Iterator[Outcome]:
        yield from super().about(case, kind)
        if (
            kind in ("pregnant", "maternity_leave")
            and self.in_force_at_expiry(case, kind)
            and case.decision.action is Action.NOT_RENEW
        ):
            yield self.finding(
                "de.agg.pregnancy_discrimination",
                Severity.SHOULD,
                PREGNANCY_DISCRIMINATION,
                citation="AGG §§1, 3, 15",
            )


RULES: tuple[Rule, ...] = (
    NoReasonTermRule(),
    ObjectiveReasonRule(),
    ContinuedWorkRule(),
    PurposeNoticeRule(),
    EndingRule(),
    JobSeekerRegistrationRule(),
    ProbationRule(),
    StatusRule(
        code="de.statuses",
        effective_from=PACK_FROM,
        message=STATUS_NOT_CONSIDERED,
        not_blocking=NOT_BLOCKING_CITATIONS,
        not_blocking_code="de.protection.does_not_block_expiry",
        not_blocking_message=STATUS_DOES_NOT_BLOCK,
    ),
)

PACKS = (
    Pack(
        code="de",
        jurisdiction="DE",
        name="Germany",
        version="2026-07-01",
        effective_from=PACK_FROM,
        effective_to=None,
        currency="EUR",
        rules=RULES,
        national=True,
        confidence=Confidence.HIGH,
        confidence_notes=(
            "Limits without objective reason, earlier-employment bar, conversion and claim period (TzBfG "
            "§§14(2), 16, 17): high.",
            "Abuse control of long chains of terms with an objective reason: medium; the court thresholds "
            "were not verified, so long chains are flagged, not decided.",
            "Probation in a fixed-term contract: courts disagree on ratios (regional courts 25% or 50%; the "
            "BAG in 2025 rejects any fixed ratio); the pack only states the rule.",
        ),
        not_covered=(
            "Decisions before 2022-08-01 (the earlier numbering of §15 and the rules before the probation "
            "provision).",
            "The start-up privilege of §14(2a) (up to 4 years in the first 4 years after founding): the "
            "founding date is not part of the request, so it is flagged, not applied.",
            "Whether a stated objective reason is genuine, and abuse control of long chains with reasons: "
            "flagged, not decided.",
            "The exceptions to the earlier-employment bar (a job very long ago, very different or very "
            "short): flagged, not decided.",
            "The §14(3) route for people on transfer short-time allowance or in publicly funded schemes: "
            "only months unemployed before hire are read.",
            "The written form of the term (§14(4)): the request does not say whether the term was signed "
            "before work started.",
            "A plan to cut the no-reason maximum to 18 months was never enacted; its status is unknown and "
            "it is not applied.",
            "Compensation for discrimination (AGG) is mentioned, not computed; early termination and "
            "dismissal protection are out of scope.",
            "Regions: the rules are federal; no regional variants are modelled.",
        ),
    ),
)
