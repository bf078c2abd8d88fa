"""Japan: expiry and renewal of fixed-term contracts under the Labor Contract Act and Labor Standards Act.

Sources (RULES.md §3): Labor Standards Act (LSA) Art 14 (longest term of one contract), Art 15 with the
Enforcement Ordinance Art 5 (terms stated in writing, additions from 2024-04-01); Labor Contract Act (LCA)
Art 18 (conversion to an indefinite contract on application) and Art 19 (the doctrine restricting
non-renewal); the MHLW Standards for the Conclusion, Renewal and Termination of Fixed-Term Labor Contracts
(notice of non-renewal, certificate of reasons).

What the pack reads from the request:

- ``contracts``: fixed-term contracts that start on or after 2013-04-01 are added up for the 5-year rule of
  Art 18; a gap without a contract that is long enough (the cooling-off period) restarts the count. The
  trailing run of fixed-term contracts gives the renewals counted by the notice standard and Art 19.
  ``hire_date`` is not needed: only contract periods count.
- ``birth_date``: a worker aged 60 or more when a proposed contract starts may have a term of up to 5 years
  (LSA Art 14).
- ``statuses``: ``re_employed_older_worker`` (re-employed after mandatory retirement under the special
  measures: no conversion right while so employed). Other kinds are reported as not considered.
- ``facts``: ``employee_requested_open_ended`` with ``employee_request_date`` (the Art 18 application),
  ``employee_requested_continuation`` (the request to renew that Art 19 needs), ``renewal_criteria_clause``
  (a promise of renewal, Art 19), ``non_renewal_stated_in_advance`` (removes the notice duty),
  ``termination_notice_given`` (checked against the notice deadline).
- ``decision.new_end_date``: the proposed term of a fixed-term renewal (LSA Art 14; Art 18 arising in the
  new contract; the 2024 disclosure duties).
- ``as_of``: reports a notice deadline that has passed with no notice recorded.

Nothing is owed on expiry, so ``severance`` stays null and ``pay`` is not read. The rules are national
(``national=True``): a region in the request gets them with the framework's "national law applies" finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypedDict

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import constant
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, Outcome, Rule, StatusScopeRule
from keepwell.law.service import (
    ONE_DAY,
    ServiceLength,
    age_on,
    contract_period,
    notice_deadline,
    service_length,
    total_length,
    trailing_fixed_terms,
)
from keepwell.law.types import Action, Confidence, Field, Period, Severity

# LCA Art 18 took effect on 2013-04-01; the pack assesses decisions from that day.
ART18_IN_FORCE = date(2013, 4, 1)
DISCLOSURE_RULES_IN_FORCE = date(2024, 4, 1)

# --- Dated parameters -------------------------------------------------------------------------------------

CONVERSION_COUNTED_FROM = constant(
    "jp.conversion_counted_from",
    ART18_IN_FORCE,
    ART18_IN_FORCE,
    citation="LCA Art 18 (contracts from 2013-04-01)",
)
CONVERSION_THRESHOLD_MONTHS = constant(
    "jp.conversion_threshold_months", ART18_IN_FORCE, 60, citation="LCA Art 18(1)"
)
# A counted period of this many months or more is reset only by a gap of COOLING_OFF_MONTHS or more.
COOLING_OFF_FULL_PERIOD_MONTHS = constant(
    "jp.cooling_off_full_period_months", ART18_IN_FORCE, 12, citation="LCA Art 18(2)"
)
COOLING_OFF_MONTHS = constant("jp.cooling_off_months", ART18_IN_FORCE, 6, citation="LCA Art 18(2)")
# Shorter counted periods (in whole months, part months rounded up): (up to N months, gap needed).
COOLING_OFF_SHORT_PERIODS = constant(
    "jp.cooling_off_short_periods",
    ART18_IN_FORCE,
    ((2, 1), (4, 2), (6, 3), (8, 4), (10, 5), (12, 6)),
    citation="LCA Art 18(2); MHLW ordinance on the counted period",
)
MAX_TERM_MONTHS = constant("jp.max_term_months", ART18_IN_FORCE, 36, citation="LSA Art 14(1)")
MAX_TERM_MONTHS_EXPERT_OR_OLDER = constant(
    "jp.max_term_months_expert_or_older", ART18_IN_FORCE, 60, citation="LSA Art 14(1)(i)-(ii)"
)
OLDER_WORKER_AGE = constant("jp.older_worker_age", ART18_IN_FORCE, 60, citation="LSA Art 14(1)(ii)")
NOTICE_DAYS = constant("jp.notice_days", ART18_IN_FORCE, 30, citation="MHLW Standard (non-renewal notice)")
NOTICE_RENEWALS = constant(
    "jp.notice_renewals", ART18_IN_FORCE, 3, citation="MHLW Standard (non-renewal notice)"
)
# Notice is also owed when continuous employment, or the contract's own term, exceeds this many months.
NOTICE_MONTHS = constant(
    "jp.notice_months", ART18_IN_FORCE, 12, citation="MHLW Standard (non-renewal notice)"
)

NOTICE_CITATION = "MHLW Standard on fixed-term contracts (non-renewal notice)"
CERTIFICATE_CITATION = "MHLW Standard on fixed-term contracts (certificate of reasons)"
DISCLOSURE_CITATION = "LSA Art 15; LSA Enforcement Ordinance Art 5; MHLW Standard (2024)"


# --- Messages ---------------------------------------------------------------------------------------------

ART18_NOT_REACHED = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "Fixed-term contracts counted since %(count_from)s: %(contracts)s, adding up to %(months)s "
            "month and %(days)s day at expiry; the right to convert needs two or more contracts adding "
            "up to more than %(threshold)s months."
        ),
        other=gettext_noop(
            "Fixed-term contracts counted since %(count_from)s: %(contracts)s, adding up to %(months)s "
            "month and %(days)s days at expiry; the right to convert needs two or more contracts "
            "adding up to more than %(threshold)s months."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "Fixed-term contracts counted since %(count_from)s: %(contracts)s, adding up to %(months)s "
            "months and %(days)s day at expiry; the right to convert needs two or more contracts "
            "adding up to more than %(threshold)s months."
        ),
        other=gettext_noop(
            "Fixed-term contracts counted since %(count_from)s: %(contracts)s, adding up to %(months)s "
            "months and %(days)s days at expiry; the right to convert needs two or more contracts "
            "adding up to more than %(threshold)s months."
        ),
    ),
)
ART18_RIGHT = Plural(
    "days",
    one=gettext_noop(
        "The %(contracts)s fixed-term contracts counted add up to %(months)s months and %(days)s day, "
        "more than %(threshold)s months: since %(right_from)s the employee may apply for an indefinite "
        "contract at any time until %(expiry)s, and the employer is deemed to accept."
    ),
    other=gettext_noop(
        "The %(contracts)s fixed-term contracts counted add up to %(months)s months and %(days)s days, "
        "more than %(threshold)s months: since %(right_from)s the employee may apply for an indefinite "
        "contract at any time until %(expiry)s, and the employer is deemed to accept."
    ),
)
ART18_CONVERTED = gettext_noop(
    "The employee applied for an indefinite contract on %(request_date)s, while the right existed: the "
    "employer is deemed to have accepted, and the contract is indefinite from %(effective)s on the same "
    "terms apart from its duration. Ending it is a dismissal, not an expiry."
)
ART18_CONVERTED_UNDATED = gettext_noop(
    "The employee applied for an indefinite contract: the employer is deemed to have accepted, and the "
    "contract is indefinite from %(effective)s on the same terms apart from its duration. Ending it is a "
    "dismissal, not an expiry."
)
ART18_MAY_APPLY = gettext_noop(
    "Whether the employee has applied is not recorded. If the employee applies by %(expiry)s, the contract "
    "becomes indefinite from %(effective)s and cannot end at expiry. Record the employee's answer."
)
ART18_NOT_APPLIED = gettext_noop(
    "The employee has not applied for an indefinite contract. The right arises again in every renewed "
    "fixed-term contract while the count is not reset."
)
ART18_PREMATURE = gettext_noop(
    "The application of %(request_date)s was made before the right arose on %(right_from)s and has no "
    "effect; the employee may apply again until %(expiry)s."
)
ART18_AFTER_EXPIRY = gettext_noop(
    "The application of %(request_date)s came after the contract ended on %(expiry)s and does not convert it."
)
ART18_OPEN_ENDED_RENEWAL = gettext_noop("Renewing as an indefinite contract meets LCA Art 18.")
ART18_GAP_RESETS = gettext_noop(
    "The gap before contracts[%(index)s] is at least the cooling-off period needed after the counted "
    "period before it (gap in months and days: %(gap_months)s and %(gap_days)s; needed in months: "
    "%(required)s; counted period in months and days: %(months)s and %(days)s): the 5-year count "
    "starts again."
)
ART18_GAP_TOO_SHORT = gettext_noop(
    "The gap before contracts[%(index)s] is shorter than the cooling-off period needed after the "
    "counted period before it (gap in months and days: %(gap_months)s and %(gap_days)s; needed in "
    "months: %(required)s; counted period in months and days: %(months)s and %(days)s): the count goes "
    "on, and the contract periods on both sides are added up (30 spare days make a month)."
)
ART18_RE_EMPLOYED = gettext_noop(
    "The employee is re-employed after mandatory retirement: under the special measures no conversion right "
    "arises while so employed, provided the employer's plan is certified. Check the certification."
)
ART18_ARISES_IN_NEW_CONTRACT = gettext_noop(
    "The proposed contract takes the counted period to more than %(threshold)s months: the employee may "
    "apply for an indefinite contract from %(right_from)s."
)
LSA14_WITHIN = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "The proposed term of %(months)s month and %(days)s day is within the %(limit)s-month "
            "limit for one contract."
        ),
        other=gettext_noop(
            "The proposed term of %(months)s month and %(days)s days is within the %(limit)s-month "
            "limit for one contract."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "The proposed term of %(months)s months and %(days)s day is within the %(limit)s-month "
            "limit for one contract."
        ),
        other=gettext_noop(
            "The proposed term of %(months)s months and %(days)s days is within the %(limit)s-month "
            "limit for one contract."
        ),
    ),
)
LSA14_OLDER = Plural(
    "days",
    one=gettext_noop(
        "The proposed term of %(months)s months and %(days)s day exceeds %(limit)s months, but the "
        "worker is %(age)s when it starts (%(older_age)s or more), so up to %(older_limit)s months are "
        "allowed."
    ),
    other=gettext_noop(
        "The proposed term of %(months)s months and %(days)s days exceeds %(limit)s months, but the "
        "worker is %(age)s when it starts (%(older_age)s or more), so up to %(older_limit)s months are "
        "allowed."
    ),
)
LSA14_EXPERT_ONLY = Plural(
    "days",
    one=gettext_noop(
        "The proposed term of %(months)s months and %(days)s day exceeds %(limit)s months: it is "
        "allowed only for a worker with designated high expertise doing work that needs it, a worker "
        "aged %(older_age)s or more (up to %(older_limit)s months), or a specific project. Check which "
        "applies."
    ),
    other=gettext_noop(
        "The proposed term of %(months)s months and %(days)s days exceeds %(limit)s months: it is "
        "allowed only for a worker with designated high expertise doing work that needs it, a worker "
        "aged %(older_age)s or more (up to %(older_limit)s months), or a specific project. Check which "
        "applies."
    ),
)
LSA14_PROJECT_ONLY = Plural(
    "days",
    one=gettext_noop(
        "The proposed term of %(months)s months and %(days)s day exceeds %(older_limit)s months: it is "
        "allowed only for the time needed to complete a specific project."
    ),
    other=gettext_noop(
        "The proposed term of %(months)s months and %(days)s days exceeds %(older_limit)s months: it "
        "is allowed only for the time needed to complete a specific project."
    ),
)
ART19_NOT_TRIGGERED = gettext_noop(
    "The current contract was not renewed before and no renewal-criteria clause is recorded, so the "
    "restriction of non-renewal (LCA Art 19) is not expected to apply; check what the employer said about "
    "renewal."
)
ART19_NO_REQUEST = gettext_noop(
    "The employee did not ask for renewal, so LCA Art 19 does not deem the contract renewed."
)
ART19_APPLIES = Plural(
    "renewals",
    one=gettext_noop(
        "The contract has been renewed %(renewals)s time or promises renewal on stated criteria, so "
        "the employee may reasonably expect renewal. The employee asked to renew: unless the refusal "
        "has an objectively reasonable ground and is socially appropriate, the contract is deemed "
        "renewed on the same terms. Document the grounds."
    ),
    other=gettext_noop(
        "The contract has been renewed %(renewals)s times or promises renewal on stated criteria, so "
        "the employee may reasonably expect renewal. The employee asked to renew: unless the refusal "
        "has an objectively reasonable ground and is socially appropriate, the contract is deemed "
        "renewed on the same terms. Document the grounds."
    ),
)
ART19_IF_REQUESTED = Plural(
    "renewals",
    one=gettext_noop(
        "The contract has been renewed %(renewals)s time or promises renewal on stated criteria, so "
        "the employee may reasonably expect renewal. If the employee asks to renew, refusing without "
        "an objectively reasonable, socially appropriate ground renews the contract on the same terms. "
        "Record whether the employee asked."
    ),
    other=gettext_noop(
        "The contract has been renewed %(renewals)s times or promises renewal on stated criteria, so "
        "the employee may reasonably expect renewal. If the employee asks to renew, refusing without "
        "an objectively reasonable, socially appropriate ground renews the contract on the same terms. "
        "Record whether the employee asked."
    ),
)
EXPIRY_ENDS_CONTRACT = gettext_noop(
    "The fixed-term contract ends on its expiry date %(expiry)s; nothing in the facts given blocks that."
)
RENEWAL_LAWFUL = gettext_noop("Renewing on the terms proposed meets the Labor Contract Act.")
NO_PAYMENT = gettext_noop(
    "No statutory payment is owed when a fixed-term contract ends at expiry; 30 days' notice or pay in lieu "
    "(LSA Art 20) applies to dismissals only."
)
NOTICE_REQUIRED = gettext_noop(
    "Notice of non-renewal is owed at least %(days)s days before expiry (renewals: %(renewals)s; "
    "continuous employment in months and days: %(continuous_months)s and %(continuous_days)s; current "
    "term in months and days: %(term_months)s and %(term_days)s): give it by %(deadline)s (expiry "
    "%(expiry)s), unless the employer stated clearly in advance that the contract would not be "
    "renewed."
)
NOTICE_NOT_REQUIRED = gettext_noop(
    "No notice of non-renewal is owed under the MHLW standard: fewer than %(renewals_needed)s renewals "
    "(%(renewals)s), continuous employment and the current term not over %(months_needed)s months."
)
NOTICE_STATED_IN_ADVANCE = gettext_noop(
    "The employer stated in advance that the contract would not be renewed, so the %(days)s days' notice of "
    "the MHLW standard is not owed."
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
REASON_CERTIFICATE = gettext_noop(
    "If the employee asks, the employer must promptly issue a certificate stating the reason for not "
    "renewing."
)
DISCLOSE_CAP = gettext_noop(
    "At this renewal the employer must state in writing whether there is a cap on the number of renewals or "
    "on the total term, and what it is; adding or shortening a cap after the first contract needs the reason "
    "explained in advance."
)
DISCLOSE_CONVERSION = gettext_noop(
    "The renewed contract carries the right to apply for an indefinite contract: the employer must state the "
    "right to apply and the terms that will apply after conversion."
)
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the Japan rule pack.")


# --- Shared computations ----------------------------------------------------------------------------------


def proposed_period(case: Case) -> Period | None:
    """The proposed fixed-term contract: from the day after expiry (or the later decision date) to
    ``new_end_date``; ``None`` when the decision is not a fixed-term renewal with a known end."""
    decision = case.decision
    if decision.action is not Action.RENEW_FIXED_TERM or decision.new_end_date is None:
        return None
    return (case.renewal_start, decision.new_end_date)


@dataclass(frozen=True)
class Gap:
    """A period without a contract inside the counted chain, and whether it restarted the 5-year count."""

    index: int
    length: ServiceLength
    counted_before: ServiceLength
    required_months: int
    resets: bool


@dataclass(frozen=True)
class ConversionCount:
    """LCA Art 18 count at the end of the last period given.

    ``indexes`` are the contract indexes counted since the last reset (``len(contracts)`` stands for a
    proposed contract); ``right_from`` is the index of the first of them during which the right exists.
    """

    indexes: tuple[int, ...]
    starts: tuple[date, ...]
    ends: tuple[date, ...]
    counted: ServiceLength
    right_from: int | None
    gaps: tuple[Gap, ...]
    split_by_gap: bool

    @property
    def exceeds(self) -> bool:
        return self.right_from is not None

    def position(self, index: int) -> int:
        return self.indexes.index(index)


def cooling_off_months(counted: ServiceLength, on: date) -> int:
    """Months without a contract that reset a counted period of ``counted`` (LCA Art 18(2))."""
    if counted.total_months >= COOLING_OFF_FULL_PERIOD_MONTHS.at(on):
        return COOLING_OFF_MONTHS.at(on)
    months = counted.total_months + (1 if counted.days else 0)
    for up_to, required in COOLING_OFF_SHORT_PERIODS.at(on):
        if months <= up_to:
            return required
    return COOLING_OFF_MONTHS.at(on)


def conversion_count(case: Case, proposed: Period | None = None) -> ConversionCount:
    """Add up the fixed-term contracts counted for Art 18 (and ``proposed`` after them), resetting on a
    long enough gap, and find the contract during which the right to apply first exists."""
    on = case.on
    contracts = case.employee.contracts
    counted_from = CONVERSION_COUNTED_FROM.at(on)
    threshold = CONVERSION_THRESHOLD_MONTHS.at(on)
    # Contracts are in date order, so those started before 2013-04-01 are a prefix of the run.
    indexes = [index for index in trailing_fixed_terms(contracts) if contracts[index].start >= counted_from]
    periods = [contract_period(contracts[index]) for index in indexes]
    if proposed is not None:
        indexes.append(len(contracts))
        periods.append(proposed)
    segment = 0
    gaps: list[Gap] = []
    for position in range(1, len(periods)):
        gap_first, gap_last = periods[position - 1][1] + ONE_DAY, periods[position][0] - ONE_DAY
        if gap_last < gap_first:
            continue
        before = total_length(periods[segment:position])
        required = cooling_off_months(before, on)
        length = service_length(gap_first, gap_last)
        resets = length.total_months >= required
        gaps.append(Gap(indexes[position], length, before, required, resets))
        if resets:
            segment = position
    right_from = None
    for position in range(segment + 1, len(periods)):
        if total_length(periods[segment : position + 1]).longer_than(threshold):
            right_from = indexes[position]
            break
    kept = indexes[segment:]
    return ConversionCount(
        indexes=tuple(kept),
        starts=tuple(period[0] for period in periods[segment:]),
        ends=tuple(period[1] for period in periods[segment:]),
        counted=total_length(periods[segment:]),
        right_from=right_from,
        gaps=tuple(gaps),
        split_by_gap=any(not gap.resets and gap.index in kept for gap in gaps),
    )


# --- Rules ------------------------------------------------------------------------------------------------


class Application(StrEnum):
    """What the facts say about the employee's Art 18 application for the current contract."""

    MADE = "made"
    NOT_MADE = "not_made"
    UNKNOWN = "unknown"


class ConversionRule(Rule):
    """LCA Art 18: contracts adding up to more than 5 years become indefinite when the employee applies."""

    code = "jp.lca.art18"
    citation = "LCA Art 18"
    effective_from = ART18_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        count = conversion_count(case)
        on, expiry = case.on, case.expiry
        yield from self._gaps(count)
        if count.split_by_gap:
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
        if any(
            status.kind == "re_employed_older_worker" and status.active_on(expiry)
            for status in case.employee.statuses
        ):
            yield self.conclude(Field.EMPLOYEE_MAY_REQUEST_OPEN_ENDED, False, Confidence.MEDIUM)
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False, Confidence.MEDIUM)
            yield self.finding("jp.lca.art18.re_employed_older_worker", Severity.SHOULD, ART18_RE_EMPLOYED)
            return
        threshold = CONVERSION_THRESHOLD_MONTHS.at(on)
        if count.right_from is None:
            yield self.conclude(Field.EMPLOYEE_MAY_REQUEST_OPEN_ENDED, False)
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
            yield self.finding(
                "jp.lca.art18.not_reached",
                Severity.INFO,
                ART18_NOT_REACHED,
                count_from=CONVERSION_COUNTED_FROM.at(on),
                contracts=len(count.indexes),
                months=count.counted.total_months,
                days=count.counted.days,
                threshold=threshold,
            )
            return
        right_from = count.starts[count.position(count.right_from)]
        yield self.conclude(Field.EMPLOYEE_MAY_REQUEST_OPEN_ENDED, True)
        yield self.finding(
            "jp.lca.art18.conversion_right",
            Severity.MUST,
            ART18_RIGHT,
            contracts=len(count.indexes),
            months=count.counted.total_months,
            days=count.counted.days,
            threshold=threshold,
            right_from=right_from,
            expiry=expiry,
        )
        application, effective, outcomes = self._application(case, count, right_from)
        yield from outcomes
        action = case.decision.action
        if application is Application.MADE:
            assert effective is not None
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
            yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, effective)
            if action is Action.NOT_RENEW:
                yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
            else:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, action is Action.RENEW_OPEN_ENDED)
        elif application is Application.UNKNOWN:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, None)
            if action is Action.RENEW_OPEN_ENDED:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            else:
                field = (
                    Field.NON_RENEWAL_LAWFUL
                    if action is Action.NOT_RENEW
                    else Field.RENEWAL_AS_PROPOSED_LAWFUL
                )
                yield self.conclude(field, None)
            yield self.finding(
                "jp.lca.art18.may_apply",
                Severity.SHOULD,
                ART18_MAY_APPLY,
                expiry=expiry,
                effective=expiry + ONE_DAY,
            )
        else:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
            yield self.finding("jp.lca.art18.not_applied", Severity.INFO, ART18_NOT_APPLIED)
        if action is Action.RENEW_OPEN_ENDED:
            yield self.finding("jp.lca.art18.open_ended_renewal", Severity.INFO, ART18_OPEN_ENDED_RENEWAL)

    def _gaps(self, count: ConversionCount) -> Iterator[Outcome]:
        for gap in count.gaps:
            yield self.finding(
                "jp.lca.art18.cooling_off_reset" if gap.resets else "jp.lca.art18.gap_too_short",
                Severity.INFO,
                ART18_GAP_RESETS if gap.resets else ART18_GAP_TOO_SHORT,
                citation="LCA Art 18(2)",
                gap_months=gap.length.total_months,
                gap_days=gap.length.days,
                index=gap.index,
                required=gap.required_months,
                months=gap.counted_before.total_months,
                days=gap.counted_before.days,
            )

    def _application(
        self, case: Case, count: ConversionCount, right_from: date
    ) -> tuple[Application, date | None, list[Outcome]]:
        """Whether the employee applied while the right existed, and from when the contract is indefinite."""
        expiry = case.expiry
        applied = case.facts.boolean("employee_requested_open_ended")
        request_date = case.facts.date_of("employee_request_date")
        if applied is None:
            return Application.UNKNOWN, None, []
        if applied is False:
            return Application.NOT_MADE, None, []
        if request_date is None:
            finding = self.finding(
                "jp.lca.art18.converted_on_application",
                Severity.MUST,
                ART18_CONVERTED_UNDATED,
                effective=expiry + ONE_DAY,
            )
            return Application.MADE, expiry + ONE_DAY, [finding]
        if request_date > expiry:
            finding = self.finding(
                "jp.lca.art18.application_after_expiry",
                Severity.INFO,
                ART18_AFTER_EXPIRY,
                request_date=request_date,
                expiry=expiry,
            )
            return Application.NOT_MADE, None, [finding]
        # The application converts the contract during which it was made (from the day after its end).
        assert count.right_from is not None
        first = count.position(count.right_from)
        for position in range(first, len(count.indexes)):
            if count.starts[position] <= request_date <= count.ends[position]:
                effective = count.ends[position] + ONE_DAY
                finding = self.finding(
                    "jp.lca.art18.converted_on_application",
                    Severity.MUST,
                    ART18_CONVERTED,
                    request_date=request_date,
                    effective=effective,
                )
                return Application.MADE, effective, [finding]
        finding = self.finding(
            "jp.lca.art18.application_premature",
            Severity.SHOULD,
            ART18_PREMATURE,
            request_date=request_date,
            right_from=right_from,
            expiry=expiry,
        )
        return Application.UNKNOWN, None, [finding]


class TermSize(TypedDict):
    """Message params giving the length of a proposed term."""

    months: int
    days: int


class MaximumTermRule(Rule):
    """LSA Art 14: one contract lasts at most 3 years (5 for designated experts and workers aged 60+)."""

    code = "jp.lsa.art14"
    citation = "LSA Art 14(1)"
    effective_from = ART18_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        proposed = proposed_period(case)
        if proposed is None:
            return
        on = case.on
        term = service_length(*proposed)
        limit, older_limit = MAX_TERM_MONTHS.at(on), MAX_TERM_MONTHS_EXPERT_OR_OLDER.at(on)
        older_age = OLDER_WORKER_AGE.at(on)
        sizes = TermSize(months=term.total_months, days=term.days)
        if not term.longer_than(limit):
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "jp.lsa.art14.term_within_limit", Severity.INFO, LSA14_WITHIN, limit=limit, **sizes
            )
            return
        if term.longer_than(older_limit):
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            yield self.finding(
                "jp.lsa.art14.project_only",
                Severity.SHOULD,
                LSA14_PROJECT_ONLY,
                older_limit=older_limit,
                **sizes,
            )
            return
        birth = case.employee.birth_date
        age = None if birth is None else age_on(birth, proposed[0])
        if age is not None and age >= older_age:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "jp.lsa.art14.older_worker_term",
                Severity.INFO,
                LSA14_OLDER,
                citation="LSA Art 14(1)(ii)",
                limit=limit,
                age=age,
                older_age=older_age,
                older_limit=older_limit,
                **sizes,
            )
            return
        yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
        yield self.finding(
            "jp.lsa.art14.expert_or_project_only",
            Severity.SHOULD,
            LSA14_EXPERT_ONLY,
            limit=limit,
            older_age=older_age,
            older_limit=older_limit,
            **sizes,
        )


class NonRenewalDoctrineRule(Rule):
    """LCA Art 19: after repeated renewals, or with a reasonable expectation, refusal needs a sound ground."""

    code = "jp.lca.art19"
    citation = "LCA Art 19"
    effective_from = ART18_IN_FORCE
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if (
            case.decision.action is not Action.NOT_RENEW
            or case.conclusions.get(Field.NON_RENEWAL_LAWFUL) is False
        ):
            return
        renewals = len(trailing_fixed_terms(case.employee.contracts)) - 1
        clause = case.facts.boolean("renewal_criteria_clause")
        asked = case.facts.boolean("employee_requested_continuation")
        if asked is False:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True, Confidence.HIGH)
            yield self.finding("jp.lca.art19.no_request", Severity.INFO, ART19_NO_REQUEST)
            return
        if renewals == 0 and clause is not True:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.finding("jp.lca.art19.not_triggered", Severity.INFO, ART19_NOT_TRIGGERED)
            return
        yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
        if asked is True:
            yield self.finding(
                "jp.lca.art19.deemed_renewal_risk",
                Severity.MUST,
                ART19_APPLIES,
                renewals=renewals,
            )
        else:
            yield self.finding(
                "jp.lca.art19.if_requested",
                Severity.SHOULD,
                ART19_IF_REQUESTED,
                renewals=renewals,
            )


class ExpiryRule(Rule):
    """A fixed-term contract ends at expiry, with no payment and no automatic conversion, unless a rule
    above found otherwise."""

    code = "jp.expiry"
    citation = "LCA Art 19"
    effective_from = ART18_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        # Conversion needs the employee's application; nothing converts by the passing of time alone.
        yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
        if case.decision.action is Action.NOT_RENEW:
            if not case.concluded(Field.NON_RENEWAL_LAWFUL):
                yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            if case.conclusions.get(Field.NON_RENEWAL_LAWFUL) is True:
                yield self.finding(
                    "jp.expiry.ends_at_expiry", Severity.INFO, EXPIRY_ENDS_CONTRACT, expiry=case.expiry
                )
            yield self.finding(
                "jp.lsa.art20.no_payment_on_expiry", Severity.INFO, NO_PAYMENT, citation="LSA Art 20"
            )
            return
        if not case.concluded(Field.RENEWAL_AS_PROPOSED_LAWFUL):
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
        if case.conclusions.get(Field.RENEWAL_AS_PROPOSED_LAWFUL) is True:
            yield self.finding(
                "jp.expiry.renewal_lawful", Severity.INFO, RENEWAL_LAWFUL, citation="LSA Art 14; LCA Art 18"
            )


class NoticeRule(Rule):
    """MHLW Standard: 30 days' notice of non-renewal after 3 renewals or over a year's employment or term."""

    code = "jp.notice"
    citation = NOTICE_CITATION
    effective_from = ART18_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        on, expiry = case.on, case.expiry
        contracts = case.employee.contracts
        run = trailing_fixed_terms(contracts)
        renewals = len(run) - 1
        continuous = service_length(contracts[run[0]].start, expiry)
        term = service_length(case.current_contract.start, expiry)
        months, needed = NOTICE_MONTHS.at(on), NOTICE_RENEWALS.at(on)
        days = NOTICE_DAYS.at(on)
        owed = (
            renewals >= needed
            or (renewals >= 1 and continuous.longer_than(months))
            or term.longer_than(months)
        )
        if not owed:
            yield self.conclude(Field.LAST_NOTICE_DATE, None)
            yield self.finding(
                "jp.notice.not_required",
                Severity.INFO,
                NOTICE_NOT_REQUIRED,
                renewals_needed=needed,
                renewals=renewals,
                months_needed=months,
            )
            return
        if case.facts.boolean("non_renewal_stated_in_advance") is True:
            yield self.conclude(Field.LAST_NOTICE_DATE, None)
            yield self.finding(
                "jp.notice.stated_in_advance", Severity.INFO, NOTICE_STATED_IN_ADVANCE, days=days
            )
            yield self.finding(
                "jp.notice.reason_certificate",
                Severity.INFO,
                REASON_CERTIFICATE,
                citation=CERTIFICATE_CITATION,
            )
            return
        deadline = notice_deadline(expiry, days)
        yield self.conclude(Field.LAST_NOTICE_DATE, deadline)
        yield self.finding(
            "jp.notice.required",
            Severity.MUST,
            NOTICE_REQUIRED,
            days=days,
            renewals=renewals,
            continuous_months=continuous.total_months,
            continuous_days=continuous.days,
            term_months=term.total_months,
            term_days=term.days,
            deadline=deadline,
            expiry=expiry,
        )
        yield from self.notice_timeliness(
            case,
            deadline,
            in_time=("jp.notice.given_in_time", NOTICE_GIVEN_IN_TIME),
            late=("jp.notice.given_late", NOTICE_LATE),
            passed=("jp.notice.deadline_passed", NOTICE_DEADLINE_PASSED),
        )
        yield self.finding(
            "jp.notice.reason_certificate", Severity.INFO, REASON_CERTIFICATE, citation=CERTIFICATE_CITATION
        )


class DisclosureRule(Rule):
    """LSA Art 15 and Enforcement Ordinance Art 5 (from 2024-04-01): what a renewal must state in writing."""

    code = "jp.lsa.art15"
    citation = DISCLOSURE_CITATION
    effective_from = DISCLOSURE_RULES_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.RENEW_FIXED_TERM:
            return
        yield self.finding("jp.lsa.art15.state_renewal_cap", Severity.MUST, DISCLOSE_CAP)
        # Without a proposed end date, only the history tells whether the renewed contract carries the right.
        proposed = proposed_period(case)
        count = conversion_count(case, proposed)
        if count.right_from is None:
            return
        if proposed is not None and count.right_from == len(case.employee.contracts):
            yield self.finding(
                "jp.lca.art18.arises_in_new_contract",
                Severity.INFO,
                ART18_ARISES_IN_NEW_CONTRACT,
                citation="LCA Art 18",
                threshold=CONVERSION_THRESHOLD_MONTHS.at(case.on),
                right_from=proposed[0],
            )
        yield self.finding("jp.lsa.art15.state_conversion_right", Severity.MUST, DISCLOSE_CONVERSION)


CONSIDERED_KINDS = frozenset(("re_employed_older_worker",))


RULES: tuple[Rule, ...] = (
    ConversionRule(),
    MaximumTermRule(),
    NonRenewalDoctrineRule(),
    ExpiryRule(),
    NoticeRule(),
    DisclosureRule(),
    StatusScopeRule(
        code="jp.statuses",
        effective_from=ART18_IN_FORCE,
        message=STATUS_NOT_CONSIDERED,
        considered=CONSIDERED_KINDS,
    ),
)

PACKS = (
    Pack(
        code="jp",
        jurisdiction="JP",
        name="Japan",
        version="2026-07-01",
        effective_from=ART18_IN_FORCE,
        effective_to=None,
        currency="JPY",
        rules=RULES,
        national=True,
        confidence=Confidence.HIGH,
        confidence_notes=(
            "LSA Art 14, LCA Arts 18 and 19, the MHLW notice standard and the 2024 disclosure rules: high.",
            "How LCA Art 19 plays out in a given case depends on the facts: medium; the pack reports it as "
            "unknown where it may apply.",
            "Adding up contract periods split by a gap that does not reset the count (30 spare days make a "
            "month) follows the counting ordinance as recalled, not RULES.md: medium.",
            "Sources do not disagree materially (RULES.md §20).",
        ),
        not_covered=(
            "The 10-year limits for university and research staff and for certified highly skilled "
            "professionals are not detected; the 5-year rule is applied to everyone.",
            "Re-employment after mandatory retirement: the certification of the employer's plan is not "
            "checked (status re_employed_older_worker is taken to mean a certified plan).",
            "Whether a worker has designated high expertise, or a contract covers a specific project (LSA "
            "Art 14 exceptions), is not known: terms over 3 years are reported as unknown unless the worker "
            "is 60 or more.",
            "Whether a refusal to renew has an objectively reasonable, socially appropriate ground (LCA Art "
            "19) is not decided; expectations created by what the employer said are not detected.",
            "Terms after conversion (works rules or agreements) and dismissal after conversion (LCA Art 16) "
            "are not assessed; nor is dismissal during the term (LCA Art 17) or dismissal notice (LSA Art "
            "20).",
            "Transfers between group companies or other changes of employer within a chain are not detected.",
            "Probation: no statutory maximum; not checked.",
            "Regional rules: none are known; a region given gets national rules only.",
        ),
        money_quantum=Decimal("1"),
    ),
)
