"""Taiwan: fixed-term contracts under the Labor Standards Act (LSA).

Sources (RULES.md §19): LSA Art 9 (fixed terms only for temporary, short-term, seasonal or specific work;
contracts deemed non-fixed-term after continued work or a re-hire within 30 days; the exemption of specific
and seasonal work), Art 18 (no notice pay or severance when a valid fixed-term contract ends); LSA
Enforcement Rules Art 6 (the longest term of each kind of work).

What the pack reads from the request:

- ``contracts``: consecutive fixed-term contracts are checked pair by pair for a re-hire within 30 days with
  more than 90 days in total (Art 9(2)(2)). ``contracts[].objective_reason`` names the kind of work:
  ``temporary``, ``short-term``, ``seasonal`` or ``specific`` (with or without "work"; case, hyphens and
  underscores ignored; 臨時性, 短期性, 季節性, 特定性 accepted). Other text is reported as not recognised.
- ``facts``: ``seasonal_work`` (the current work is seasonal, when the contract does not say),
  ``continued_working_after_expiry_days`` and ``employer_objected_without_delay`` (Art 9(2)(1)),
  ``proposed_contract_objective_reason`` (the kind of work of a proposed renewal; the current contract's
  kind when not given).
- ``decision.new_end_date``: the proposed term, checked against the longest term for its kind of work and,
  with the current contract, against Art 9(2)(2).

No payment or notice is owed when a valid fixed-term contract ends, so ``severance`` and
``last_notice_date`` stay null and ``pay`` is not read. Statuses are reported as not considered. The rules
are national (``national=True``): a region in the request gets them with the framework's "national law
applies" finding.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import constant
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, Outcome, Rule, StatusScopeRule
from keepwell.law.service import (
    ONE_DAY,
    contract_period,
    day_count,
    service_length,
    trailing_fixed_terms,
)
from keepwell.law.types import Action, Confidence, Field, Severity

# The LSA took effect on promulgation, 1984-07-30 (Art 86); the pack applies its current text from then.
LSA_IN_FORCE = date(1984, 7, 30)


class WorkType(StrEnum):
    """The kinds of work for which LSA Art 9(1) allows a fixed term."""

    TEMPORARY = "temporary"
    SHORT_TERM = "short_term"
    SEASONAL = "seasonal"
    SPECIFIC = "specific"


# --- Dated parameters -------------------------------------------------------------------------------------

MAX_TERM_MONTHS = constant(
    "tw.max_term_months",
    LSA_IN_FORCE,
    ((WorkType.TEMPORARY, 6), (WorkType.SHORT_TERM, 6), (WorkType.SEASONAL, 9)),
    citation="LSA Enforcement Rules Art 6",
)
SPECIFIC_WORK_APPROVAL_MONTHS = constant(
    "tw.specific_work_approval_months", LSA_IN_FORCE, 12, citation="LSA Art 9(1); Enforcement Rules Art 6"
)
REHIRE_GAP_DAYS = constant("tw.rehire_gap_days", LSA_IN_FORCE, 30, citation="LSA Art 9(2)(2)")
COMBINED_TERM_DAYS = constant("tw.combined_term_days", LSA_IN_FORCE, 90, citation="LSA Art 9(2)(2)")
EXEMPT_WORK = constant(
    "tw.exempt_work", LSA_IN_FORCE, (WorkType.SPECIFIC, WorkType.SEASONAL), citation="LSA Art 9(3)"
)

WORK_TYPE_NAMES = {
    "temporary": WorkType.TEMPORARY,
    "臨時性": WorkType.TEMPORARY,
    "short term": WorkType.SHORT_TERM,
    "shortterm": WorkType.SHORT_TERM,
    "短期性": WorkType.SHORT_TERM,
    "seasonal": WorkType.SEASONAL,
    "季節性": WorkType.SEASONAL,
    "specific": WorkType.SPECIFIC,
    "特定性": WorkType.SPECIFIC,
}


# --- Messages ---------------------------------------------------------------------------------------------

WORK_TYPE_PERMITTED = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "A fixed term is allowed for %(work_type)s work, and the term of %(months)s month and "
            "%(days)s day is within its limit."
        ),
        other=gettext_noop(
            "A fixed term is allowed for %(work_type)s work, and the term of %(months)s month and "
            "%(days)s days is within its limit."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "A fixed term is allowed for %(work_type)s work, and the term of %(months)s months and "
            "%(days)s day is within its limit."
        ),
        other=gettext_noop(
            "A fixed term is allowed for %(work_type)s work, and the term of %(months)s months and "
            "%(days)s days is within its limit."
        ),
    ),
)
WORK_TYPE_NO_LIMIT_CHECKED = gettext_noop(
    "A fixed term is allowed for %(work_type)s work; give the proposed end date to check the term."
)
TERM_EXCEEDS_WORK_TYPE = Plural(
    "days",
    one=gettext_noop(
        "The term of %(months)s months and %(days)s day is longer than the %(max_months)s months "
        "allowed for %(work_type)s work: the contract is a valid fixed term only if the work is of "
        "another permitted kind; work that continues needs a non-fixed-term contract."
    ),
    other=gettext_noop(
        "The term of %(months)s months and %(days)s days is longer than the %(max_months)s months "
        "allowed for %(work_type)s work: the contract is a valid fixed term only if the work is of "
        "another permitted kind; work that continues needs a non-fixed-term contract."
    ),
)
SPECIFIC_WORK_APPROVAL = Plural(
    "days",
    one=gettext_noop(
        "Specific work for more than %(max_months)s months (here %(months)s months and %(days)s day) "
        "needs the competent authority's approval; without it the fixed term is not valid. Check the "
        "approval."
    ),
    other=gettext_noop(
        "Specific work for more than %(max_months)s months (here %(months)s months and %(days)s days) "
        "needs the competent authority's approval; without it the fixed term is not valid. Check the "
        "approval."
    ),
)
WORK_TYPE_UNKNOWN = gettext_noop(
    "The kind of work is not stated: a fixed term is allowed only for temporary, short-term, seasonal or "
    "specific work, and continuing work needs a non-fixed-term contract. State the kind of work."
)
WORK_TYPE_NOT_RECOGNISED = gettext_noop(
    "The stated reason %(reason)s is not one of the kinds of work that allow a fixed term (temporary, "
    "short-term, seasonal, specific); continuing work needs a non-fixed-term contract. Check it."
)
REHIRED = Plural(
    "gap",
    one=gettext_noop(
        "contracts[%(index)s] began %(gap)s day after contracts[%(previous)s] ended (%(max_gap)s at "
        "most), and the two add up to %(combined)s days (more than %(max_combined)s): the contract is "
        "deemed non-fixed-term from %(start)s."
    ),
    other=gettext_noop(
        "contracts[%(index)s] began %(gap)s days after contracts[%(previous)s] ended (%(max_gap)s at "
        "most), and the two add up to %(combined)s days (more than %(max_combined)s): the contract is "
        "deemed non-fixed-term from %(start)s."
    ),
)
REHIRE_EXEMPT = gettext_noop(
    "contracts[%(index)s] was re-hired within %(max_gap)s days with more than %(max_combined)s days in "
    "total, but %(work_type)s work is exempt from the deemed non-fixed-term rule."
)
REHIRE_TYPE_UNKNOWN = Plural(
    "gap",
    one=gettext_noop(
        "contracts[%(index)s] began %(gap)s day after contracts[%(previous)s] ended and the two add up "
        "to %(combined)s days: unless the work is specific or seasonal, the contract is deemed "
        "non-fixed-term from %(start)s. State the kind of work."
    ),
    other=gettext_noop(
        "contracts[%(index)s] began %(gap)s days after contracts[%(previous)s] ended and the two add "
        "up to %(combined)s days: unless the work is specific or seasonal, the contract is deemed "
        "non-fixed-term from %(start)s. State the kind of work."
    ),
)
RENEWAL_REHIRE = Plural(
    "gap",
    one=gettext_noop(
        "The proposed contract starts %(gap)s day after the current one ends and the two add up to "
        "%(combined)s days (more than %(max_combined)s): it would be deemed non-fixed-term from "
        "%(start)s."
    ),
    other=gettext_noop(
        "The proposed contract starts %(gap)s days after the current one ends and the two add up to "
        "%(combined)s days (more than %(max_combined)s): it would be deemed non-fixed-term from "
        "%(start)s."
    ),
)
RENEWAL_REHIRE_UNKNOWN = Plural(
    "days",
    one=gettext_noop(
        "The current contract lasts %(days)s day; give the proposed end date to check whether the two "
        "contracts add up to more than %(max_combined)s days, which would make the new one "
        "non-fixed-term."
    ),
    other=gettext_noop(
        "The current contract lasts %(days)s days; give the proposed end date to check whether the two "
        "contracts add up to more than %(max_combined)s days, which would make the new one "
        "non-fixed-term."
    ),
)
CONTINUED_WORK = Plural(
    "days",
    one=gettext_noop(
        "The employee worked %(days)s day after expiry and the employer did not object at once: the "
        "contract is deemed non-fixed-term from %(start)s."
    ),
    other=gettext_noop(
        "The employee worked %(days)s days after expiry and the employer did not object at once: the "
        "contract is deemed non-fixed-term from %(start)s."
    ),
)
CONTINUED_WORK_OBJECTION_UNKNOWN = Plural(
    "days",
    one=gettext_noop(
        "The employee worked %(days)s day after expiry. Unless the employer objected at once, the "
        "contract is deemed non-fixed-term from %(start)s; record whether the employer objected."
    ),
    other=gettext_noop(
        "The employee worked %(days)s days after expiry. Unless the employer objected at once, the "
        "contract is deemed non-fixed-term from %(start)s; record whether the employer objected."
    ),
)
CONTINUED_WORK_OBJECTED = Plural(
    "days",
    one=gettext_noop(
        "The employee worked %(days)s day after expiry, but the employer objected at once: the "
        "contract is not deemed non-fixed-term."
    ),
    other=gettext_noop(
        "The employee worked %(days)s days after expiry, but the employer objected at once: the "
        "contract is not deemed non-fixed-term."
    ),
)
CONTINUED_WORK_EXEMPT = gettext_noop(
    "The employee worked on after expiry, but %(work_type)s work is exempt from the deemed non-fixed-term "
    "rule."
)
DEEMED_DISMISSAL = gettext_noop(
    "A non-fixed-term contract cannot end at expiry: ending it is a dismissal, with its own grounds, notice "
    "and severance (LSA Arts 11, 16, 17), which this pack does not assess."
)
NO_PAYMENT = gettext_noop(
    "A valid fixed-term contract ends at expiry with no notice, no notice pay and no severance."
)
OPEN_ENDED_RENEWAL = gettext_noop("Renewing as a non-fixed-term contract meets LSA Art 9.")
RENEWAL_LAWFUL = gettext_noop("Renewing on the terms proposed meets LSA Art 9.")
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the Taiwan rule pack.")


# --- Shared computations ----------------------------------------------------------------------------------


def work_type_of(text: str | None) -> WorkType | None:
    """The kind of work a stated reason names, or ``None`` when it names none."""
    if text is None:
        return None
    normalized = " ".join(text.casefold().replace("-", " ").replace("_", " ").split())
    for suffix in (" work", "工作"):
        normalized = normalized.removesuffix(suffix)
    return WORK_TYPE_NAMES.get(normalized.strip())


@dataclass(frozen=True)
class Subject:
    """The contract whose fixed term is judged: the current one, or a proposed renewal."""

    start: date
    end: date | None
    reason: str | None
    work_type: WorkType | None


def current_subject(case: Case) -> Subject:
    contract = case.current_contract
    reason = contract.objective_reason
    work_type = work_type_of(reason)
    if work_type is None and reason is None and case.facts.boolean("seasonal_work") is True:
        work_type = WorkType.SEASONAL
    return Subject(contract.start, case.expiry, reason, work_type)


def proposed_subject(case: Case) -> Subject:
    """A proposed fixed-term renewal; its kind of work is the current contract's unless stated."""
    start = case.renewal_start
    reason = case.facts.text("proposed_contract_objective_reason")
    current = current_subject(case)
    if reason is None:
        return Subject(start, case.decision.new_end_date, current.reason, current.work_type)
    return Subject(start, case.decision.new_end_date, reason, work_type_of(reason))


def contract_work_type(case: Case, index: int) -> WorkType | None:
    if index == len(case.employee.contracts) - 1:
        return current_subject(case).work_type
    return work_type_of(case.employee.contracts[index].objective_reason)


# --- Rules ------------------------------------------------------------------------------------------------


class FixedTermWorkRule(Rule):
    """LSA Art 9(1), Enforcement Rules Art 6: a fixed term only for temporary (≤6 months), short-term
    (≤6 months), seasonal (≤9 months) or specific work (over a year with approval)."""

    code = "tw.lsa.art9.fixed_term_work"
    citation = "LSA Art 9(1); Enforcement Rules Art 6"
    effective_from = LSA_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        action = case.decision.action
        if action is Action.RENEW_OPEN_ENDED:
            return
        subject = current_subject(case) if action is Action.NOT_RENEW else proposed_subject(case)
        lawful_field = case.lawful_field
        if subject.work_type is None:
            yield self.conclude(lawful_field, None)
            if subject.reason is None:
                yield self.finding("tw.lsa.art9.work_type_unknown", Severity.SHOULD, WORK_TYPE_UNKNOWN)
            else:
                yield self.finding(
                    "tw.lsa.art9.work_type_not_recognised",
                    Severity.SHOULD,
                    WORK_TYPE_NOT_RECOGNISED,
                    reason=subject.reason,
                )
            return
        if subject.end is None:
            yield self.finding(
                "tw.lsa.art9.work_type_permitted",
                Severity.INFO,
                WORK_TYPE_NO_LIMIT_CHECKED,
                work_type=subject.work_type.value,
            )
            return
        term = service_length(subject.start, subject.end)
        on = case.on
        if subject.work_type is WorkType.SPECIFIC:
            approval = SPECIFIC_WORK_APPROVAL_MONTHS.at(on)
            if term.longer_than(approval):
                yield self.conclude(lawful_field, None)
                yield self.finding(
                    "tw.lsa.art9.specific_work_approval",
                    Severity.SHOULD,
                    SPECIFIC_WORK_APPROVAL,
                    max_months=approval,
                    months=term.total_months,
                    days=term.days,
                )
                return
        else:
            max_months = dict(MAX_TERM_MONTHS.at(on))[subject.work_type]
            if term.longer_than(max_months):
                yield self.conclude(lawful_field, None)
                yield self.finding(
                    "tw.lsa.art9.term_exceeds_work_type",
                    Severity.MUST,
                    TERM_EXCEEDS_WORK_TYPE,
                    citation="LSA Enforcement Rules Art 6",
                    months=term.total_months,
                    days=term.days,
                    max_months=max_months,
                    work_type=subject.work_type.value,
                )
                return
        yield self.finding(
            "tw.lsa.art9.work_type_permitted",
            Severity.INFO,
            WORK_TYPE_PERMITTED,
            work_type=subject.work_type.value,
            months=term.total_months,
            days=term.days,
        )


@dataclass(frozen=True)
class Deemed:
    """Whether (and from when) the history makes the contract non-fixed-term: ``deemed`` is ``None`` when
    the kind of work needed to tell is unknown."""

    deemed: bool | None
    start: date | None


class DeemedNonFixedTermRule(Rule):
    """LSA Art 9(2)-(3): continued work without objection, or a re-hire within 30 days with more than 90
    days in total, makes the contract non-fixed-term (not for specific or seasonal work)."""

    code = "tw.lsa.art9.deemed_non_fixed_term"
    citation = "LSA Art 9(2)"
    effective_from = LSA_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        outcomes: list[Outcome] = []
        history = self._rehires(case, outcomes)
        if history.deemed is not True:
            continued = self._continued_work(case, outcomes)
            if continued.deemed is True or (continued.deemed is None and history.deemed is False):
                history = continued
        yield from outcomes
        action = case.decision.action
        if history.deemed is not False:
            yield from self._conclude(case, history)
            return
        yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
        if action is Action.RENEW_FIXED_TERM:
            yield from self._proposed(case)

    def _conclude(self, case: Case, deemed: Deemed) -> Iterator[Outcome]:
        action = case.decision.action
        lawful_field = case.lawful_field
        yield self.conclude(Field.AUTOMATIC_CONVERSION, deemed.deemed)
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, deemed.deemed)
        if deemed.deemed is None:
            yield self.conclude(lawful_field, None)
            return
        assert deemed.start is not None
        yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, deemed.start)
        yield self.conclude(lawful_field, action is Action.RENEW_OPEN_ENDED)
        if action is Action.NOT_RENEW:
            yield self.finding("tw.lsa.art9.ending_is_dismissal", Severity.MUST, DEEMED_DISMISSAL)

    def _rehires(self, case: Case, outcomes: list[Outcome]) -> Deemed:
        on, contracts = case.on, case.employee.contracts
        max_gap, max_combined = REHIRE_GAP_DAYS.at(on), COMBINED_TERM_DAYS.at(on)
        exempt = EXEMPT_WORK.at(on)
        unknown: Deemed | None = None
        for previous, index in itertools.pairwise(trailing_fixed_terms(contracts)):
            earlier, later = contracts[previous], contracts[index]
            gap = (later.start - contract_period(earlier)[1]).days - 1
            combined = day_count(*contract_period(earlier)) + day_count(*contract_period(later))
            if gap > max_gap or combined <= max_combined:
                continue
            work_type = contract_work_type(case, index)
            if work_type in exempt:
                assert work_type is not None
                outcomes.append(
                    self.finding(
                        "tw.lsa.art9.rehire_exempt",
                        Severity.INFO,
                        REHIRE_EXEMPT,
                        citation="LSA Art 9(3)",
                        index=index,
                        max_gap=max_gap,
                        max_combined=max_combined,
                        work_type=work_type.value,
                    )
                )
                continue
            if work_type is None:
                if unknown is None:
                    outcomes.append(
                        self.finding(
                            "tw.lsa.art9.rehire_work_type_unknown",
                            Severity.SHOULD,
                            REHIRE_TYPE_UNKNOWN,
                            citation="LSA Art 9(2)(2), (3)",
                            start=later.start,
                            index=index,
                            previous=previous,
                            gap=gap,
                            combined=combined,
                        )
                    )
                    unknown = Deemed(None, None)
                continue
            outcomes.append(
                self.finding(
                    "tw.lsa.art9.rehired_within_30_days",
                    Severity.MUST,
                    REHIRED,
                    citation="LSA Art 9(2)(2)",
                    start=later.start,
                    max_gap=max_gap,
                    max_combined=max_combined,
                    index=index,
                    previous=previous,
                    gap=gap,
                    combined=combined,
                )
            )
            return Deemed(True, later.start)
        return unknown or Deemed(False, None)

    def _continued_work(self, case: Case, outcomes: list[Outcome]) -> Deemed:
        days = case.facts.integer("continued_working_after_expiry_days")
        objected = case.facts.boolean("employer_objected_without_delay")
        if days is None or days <= 0:
            return Deemed(False, None)
        start = case.expiry + ONE_DAY
        work_type = current_subject(case).work_type
        if work_type in EXEMPT_WORK.at(case.on):
            assert work_type is not None
            outcomes.append(
                self.finding(
                    "tw.lsa.art9.continued_work_exempt",
                    Severity.INFO,
                    CONTINUED_WORK_EXEMPT,
                    citation="LSA Art 9(3)",
                    work_type=work_type.value,
                )
            )
            return Deemed(False, None)
        if objected is True:
            outcomes.append(
                self.finding(
                    "tw.lsa.art9.continued_work_objected",
                    Severity.INFO,
                    CONTINUED_WORK_OBJECTED,
                    citation="LSA Art 9(2)(1)",
                    days=days,
                )
            )
            return Deemed(False, None)
        if objected is None or work_type is None:
            outcomes.append(
                self.finding(
                    "tw.lsa.art9.continued_work_check",
                    Severity.SHOULD,
                    CONTINUED_WORK_OBJECTION_UNKNOWN,
                    citation="LSA Art 9(2)(1), (3)",
                    days=days,
                    start=start,
                )
            )
            return Deemed(None, None)
        outcomes.append(
            self.finding(
                "tw.lsa.art9.continued_work",
                Severity.MUST,
                CONTINUED_WORK,
                citation="LSA Art 9(2)(1)",
                days=days,
                start=start,
            )
        )
        return Deemed(True, start)

    def _proposed(self, case: Case) -> Iterator[Outcome]:
        """Art 9(2)(2) applied to the current contract and a proposed fixed-term renewal."""
        on = case.on
        max_gap, max_combined = REHIRE_GAP_DAYS.at(on), COMBINED_TERM_DAYS.at(on)
        subject = proposed_subject(case)
        current_days = day_count(case.current_contract.start, case.expiry)
        gap = (subject.start - case.expiry).days - 1
        if gap > max_gap or subject.work_type in EXEMPT_WORK.at(on):
            return
        if subject.end is None:
            if current_days >= max_combined:
                combined = current_days + 1  # any renewal of a day or more goes over
            else:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
                yield self.finding(
                    "tw.lsa.art9.renewal_end_unknown",
                    Severity.SHOULD,
                    RENEWAL_REHIRE_UNKNOWN,
                    citation="LSA Art 9(2)(2)",
                    days=current_days,
                    max_combined=max_combined,
                )
                return
        else:
            combined = current_days + day_count(subject.start, subject.end)
        if combined <= max_combined:
            return
        deemed: bool | None = None if subject.work_type is None else True
        yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None if deemed is None else False)
        yield self.conclude(Field.AUTOMATIC_CONVERSION, deemed)
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, deemed)
        if deemed:
            yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, subject.start)
        yield self.finding(
            "tw.lsa.art9.renewal_deemed_non_fixed_term",
            Severity.MUST if deemed else Severity.SHOULD,
            RENEWAL_REHIRE,
            citation="LSA Art 9(2)(2)",
            gap=gap,
            combined=combined,
            max_combined=max_combined,
            start=subject.start,
        )


class ExpiryRule(Rule):
    """LSA Art 18: a valid fixed-term contract ends at expiry with no notice and no severance."""

    code = "tw.lsa.art18"
    citation = "LSA Art 18"
    effective_from = LSA_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        action = case.decision.action
        if action is Action.NOT_RENEW:
            if not case.concluded(Field.NON_RENEWAL_LAWFUL):
                yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.conclude(Field.LAST_NOTICE_DATE, None)
            if case.conclusions.get(Field.NON_RENEWAL_LAWFUL) is not False:
                yield self.finding("tw.lsa.art18.no_payment", Severity.INFO, NO_PAYMENT)
            return
        if not case.concluded(Field.RENEWAL_AS_PROPOSED_LAWFUL):
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
        if case.conclusions.get(Field.RENEWAL_AS_PROPOSED_LAWFUL) is True:
            message = OPEN_ENDED_RENEWAL if action is Action.RENEW_OPEN_ENDED else RENEWAL_LAWFUL
            yield self.finding("tw.lsa.art9.renewal_lawful", Severity.INFO, message, citation="LSA Art 9")


RULES: tuple[Rule, ...] = (
    FixedTermWorkRule(),
    DeemedNonFixedTermRule(),
    ExpiryRule(),
    StatusScopeRule(code="tw.statuses", effective_from=LSA_IN_FORCE, message=STATUS_NOT_CONSIDERED),
)

PACKS = (
    Pack(
        code="tw",
        jurisdiction="TW",
        name="Taiwan",
        version="2026-07-01",
        effective_from=LSA_IN_FORCE,
        effective_to=None,
        currency="TWD",
        rules=RULES,
        national=True,
        confidence=Confidence.HIGH,
        confidence_notes=(
            "LSA Arts 9 and 18 and Enforcement Rules Art 6: high (official text; RULES.md §19).",
            "The pack applies the Act's current text to every decision since 1984-07-30; earlier wordings "
            "of Art 9 and of the Enforcement Rules are not modelled.",
        ),
        not_covered=(
            "The kind of work is read from the stated reason only; whether work really is temporary, "
            "short-term, seasonal or specific (or continuing) is not judged.",
            "Approval of specific work lasting more than a year is not an input: such terms are reported as "
            "unknown.",
            "Staffing-agency contracts, which must be non-fixed-term, are not detected.",
            "Dismissal of a contract deemed non-fixed-term (grounds, notice, severance: LSA Arts 11, 16, 17) "
            "is not assessed.",
            "Art 9(2)(2) is applied to each pair of consecutive fixed-term contracts; the exemption of "
            "specific and seasonal work is judged by the later contract's kind of work.",
            "Probation: no statutory maximum; not checked.",
            "Regional rules: none are known; a region given gets national rules only.",
        ),
    ),
)
