"""Brazil: expiry, extension and succession of fixed-term contracts under the CLT.

Sources (RULES.md §12 and §20.4): Consolidation of Labour Laws (CLT) Arts 443 §2, 445, 451, 452, 479-481;
Decree 99.684/1990 Art 14; ADCT Art 10 II b with Superior Labour Court (TST) Súmula 244 III and Federal
Supreme Court (STF) Theme 497; TST Súmula 378 III.

What the pack reads from the request:

- ``contracts``: the chain. A fixed-term contract that starts the day after the previous fixed-term
  contract ends is read as an *extension* of it (one fixed term; Arts 445 and 451), unless
  ``facts.extensions_agreed_before_expiry_terms_unchanged`` is false, in which case it is a *new* contract
  (Art 452). A fixed-term contract after a gap is a new contract. The current fixed term is the last
  contract with the extensions before it; the contract just before that term, if fixed-term, is "the
  previous contract" of Art 452. ``objective_reason`` is only checked for presence (the cause of Art 443
  §2 is not judged).
- ``hire_date`` is not needed: the rules count the contracts' own dates.
- ``statuses``: ``pregnant`` and ``maternity_leave`` (job security, Súmula 244 III), ``work_injury``
  (Súmula 378 III). Other kinds are reported as not considered.
- ``facts``: ``previous_contract_ended_on_service_completion_or_event`` (the exception of Art 452, about
  the contract before the current term), ``extensions_agreed_before_expiry_terms_unchanged``,
  ``child_birth_date`` (end of the pregnancy protection), ``sector_agreement_overrides_defaults``
  (contracts under Law 9.601/1998).
- ``decision``: for ``renew_fixed_term``, a start on the day after expiry is an extension of the current
  term; a later start is a new contract. ``new_end_date`` gives its end. ``offer`` and ``pay`` are not read:
  nothing is computed on normal expiry.

``next_contract_must_be_open_ended`` answers whether the employment can go on right after expiry on a
fixed term: for ``renew_fixed_term``, whether the proposed term would be indefinite; otherwise, whether any
extension would be.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import constant
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, NoNoticeRule, Outcome, Rule, StatusScopeRule
from keepwell.law.service import ONE_DAY, add_months, adjacent, chain_start, day_count, period_last_day
from keepwell.law.types import (
    Action,
    BlockingProtection,
    Confidence,
    Damages,
    Field,
    Severity,
)

# The reference describes the law after the 2017 labour reform and STF Theme 497 (2018); the pack assesses
# decisions from 2019-01-01, when all of it applied. Earlier history is not modelled.
BR_PACK_START = date(2019, 1, 1)
PREGNANCY_CITATION = "ADCT Art 10 II b; TST Súmula 244 III"
WORK_ACCIDENT_CITATION = "TST Súmula 378 III"

# --- Dated parameters (first row = the pack's start) ---------------------------------------------------

MAXIMUM_MONTHS = constant("br.maximum_months", BR_PACK_START, 24, citation="CLT Art 445")
MAXIMUM_EXTENSIONS = constant("br.maximum_extensions", BR_PACK_START, 1, citation="CLT Art 451")
EXPERIENCE_MAXIMUM_DAYS = constant("br.experience_maximum_days", BR_PACK_START, 90, citation="CLT Art 445")
SUCCESSION_WINDOW_MONTHS = constant("br.succession_window_months", BR_PACK_START, 6, citation="CLT Art 452")
PREGNANCY_SECURITY_MONTHS_AFTER_BIRTH = constant(
    "br.pregnancy_security_months_after_birth", BR_PACK_START, 5, citation=PREGNANCY_CITATION
)


# --- Messages (English templates, translated through the catalogues) ---------------------------------

TREATED_AS_EXTENSION = gettext_noop(
    "contracts[%(index)s] starts the day after contracts[%(previous)s] ends, so it is read as an extension "
    "of the same fixed term. If it was a new contract, the 6-month rule of CLT Art 452 applies instead: "
    "give extensions_agreed_before_expiry_terms_unchanged."
)
CAUSE_NOT_GIVEN = gettext_noop(
    "The current contract's cause is not given. A fixed term is valid only for work whose nature or "
    "temporary character justifies it, for transitory business activities, or as an experience contract."
)
SECTOR_AGREEMENT = gettext_noop(
    "Fixed-term contracts under a collective agreement (Law 9.601/1998) follow other rules, which this pack "
    "does not apply; the limits below are the CLT's."
)
OVER_MAXIMUM = gettext_noop(
    "The fixed term from %(start)s to %(end)s runs past the %(months)s-month maximum (last day "
    "%(last_day)s): the contract is indefinite from %(converts_on)s."
)
WITHIN_MAXIMUM = gettext_noop(
    "The fixed term from %(start)s to %(end)s is within the %(months)s-month maximum (last day %(last_day)s)."
)
PROPOSAL_OVER_MAXIMUM = gettext_noop(
    "The proposed term would run past the %(months)s-month maximum counted from %(start)s (last day "
    "%(last_day)s): the contract would be indefinite from %(converts_on)s."
)
PROPOSAL_END_NEEDED = gettext_noop(
    "Counted from %(start)s the %(months)s-month maximum ends on %(last_day)s; give new_end_date to check "
    "the proposed term against it."
)
TOO_MANY_EXTENSIONS = gettext_noop(
    "The fixed term has been extended %(extensions)s times; at most %(allowed)s extension is allowed, so "
    "the contract is indefinite from %(converts_on)s."
)
PROPOSAL_SECOND_EXTENSION = gettext_noop(
    "The fixed term has already been extended %(extensions)s time(s); extending it again from %(start)s "
    "would make the contract indefinite."
)
SUCCESSION_WITHIN_WINDOW = gettext_noop(
    "The current fixed term starts on %(start)s, within %(months)s months after the previous fixed-term "
    "contract ended on %(previous_end)s (until %(window_end)s): it is indefinite from its start."
)
SUCCESSION_EXCEPTION = gettext_noop(
    "The current fixed term starts within %(months)s months after the previous one ended, but the previous "
    "contract ended on completing specialised services or on a certain event, so it stays fixed-term."
)
SUCCESSION_EXCEPTION_UNKNOWN = gettext_noop(
    "The current fixed term starts on %(start)s, within %(months)s months after the previous fixed-term "
    "contract ended on %(previous_end)s. It is indefinite unless the previous contract ended on completing "
    "specialised services or on a certain event: give previous_contract_ended_on_service_completion_or_event."
)
SUCCESSION_AFTER_WINDOW = gettext_noop(
    "The current fixed term starts on %(start)s, more than %(months)s months after the previous fixed-term "
    "contract ended on %(previous_end)s (window until %(window_end)s)."
)
PROPOSAL_SUCCESSION = gettext_noop(
    "The proposed contract would start on %(start)s, a new fixed-term contract within %(months)s months "
    "after this one ends (until %(window_end)s): it is indefinite unless this contract ended on completing "
    "specialised services or on a certain event."
)
EXPERIENCE_LIMIT = Plural(
    "days",
    one=gettext_noop(
        "The current fixed term has lasted %(days)s day. If it is an experience contract, it may last "
        "at most %(maximum)s days including its one extension (until %(last_day)s); the proposed end "
        "%(end)s is later."
    ),
    other=gettext_noop(
        "The current fixed term has lasted %(days)s days. If it is an experience contract, it may last "
        "at most %(maximum)s days including its one extension (until %(last_day)s); the proposed end "
        "%(end)s is later."
    ),
)
FIXED_TERM_NEEDS_CAUSE = gettext_noop(
    "A new fixed term needs a cause: work whose nature or temporary character justifies it, transitory "
    "business activities, or an experience contract."
)
CONVERTED_DISMISSAL = gettext_noop(
    "The contract is indefinite, so ending it on %(expiry)s is a dismissal without cause under the rules "
    "for indefinite contracts, notice included."
)
CONVERSION_UNKNOWN = gettext_noop(
    "Whether the contract became indefinite is not known from the facts, so whether it may end on "
    "%(expiry)s is not known either."
)
EXPIRY_ENDS_CONTRACT = gettext_noop(
    "The fixed-term contract ends on its expiry date %(expiry)s; nothing in the facts given blocks that."
)
FINAL_PAY_ONLY = gettext_noop(
    "On normal expiry only the final pay is due (remaining salary, proportional 13th salary, proportional "
    "vacation plus one third): no notice pay and no 40%% FGTS penalty. The worker may withdraw the FGTS "
    "balance."
)
NO_NOTICE = gettext_noop("No notice is needed when a fixed-term contract ends on its expiry date.")
PREGNANCY_SECURITY = gettext_noop(
    "Status %(kind)s on the expiry date %(expiry)s: a pregnant worker has job security even in a fixed-term "
    "contract, from confirmation of the pregnancy until %(months)s months after the birth."
)
PREGNANCY_AFTER_BIRTH = gettext_noop(
    "The child was born on %(birth)s: job security runs until %(until)s, after the expiry date %(expiry)s."
)
PREGNANCY_DISPUTED = gettext_noop(
    "STF Theme 497 ties the security to dismissal without cause, and commentators disagree whether expiry "
    "is one; regional labour courts mostly still apply Súmula 244 III, as done here. Temporary-agency "
    "workers (Law 6.019/1974) are excluded."
)
WORK_ACCIDENT_SECURITY = gettext_noop(
    "Status work_injury on the expiry date %(expiry)s: job security after a work accident also applies in "
    "fixed-term contracts (not verified in the sources); its end is not computed."
)
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the Brazil rule pack.")
EFFECT_PREGNANCY = gettext_noop("job security until 5 months after the birth")
EFFECT_WORK_ACCIDENT = gettext_noop("job security after the work accident")


# --- The chain of contracts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chain:
    """The current fixed term (the last contract with the extensions before it) and what came before."""

    first_index: int
    start: date
    end: date
    extensions: int
    previous_end: date | None
    contiguous_are_extensions: bool
    assumed_extensions: tuple[int, ...]


def chain_of(case: Case) -> Chain:
    """Group the last contract with the contiguous fixed-term contracts before it into one fixed term."""
    contracts = case.employee.contracts
    stated = case.facts.boolean("extensions_agreed_before_expiry_terms_unchanged")
    contiguous_are_extensions = stated is not False
    first = len(contracts) - 1
    if contiguous_are_extensions:
        first = chain_start(
            contracts, lambda previous, following: previous.is_fixed_term and adjacent(previous, following)
        )
    before = contracts[first - 1] if first > 0 else None
    previous_end = before.end if before is not None and before.is_fixed_term else None
    extensions = len(contracts) - 1 - first
    assumed = tuple(range(first + 1, len(contracts))) if stated is None else ()
    return Chain(
        first_index=first,
        start=contracts[first].start,
        end=case.expiry,
        extensions=extensions,
        previous_end=previous_end,
        contiguous_are_extensions=contiguous_are_extensions,
        assumed_extensions=assumed,
    )


@dataclass(frozen=True)
class Verdict:
    """Whether a rule makes a contract indefinite (``None``: the facts do not say), and from when."""

    converts: bool | None
    on: date | None = None


NO = Verdict(False)


def _combined(current: Verdict, proposed: Verdict) -> bool | None:
    """A relationship already indefinite stays so; otherwise the proposal decides (three-valued)."""
    if current.converts is True or proposed.converts is True:
        return True
    if current.converts is None or proposed.converts is None:
        return None
    return False


class ChainRule(Rule):
    """A CLT article on fixed terms: judged for the current term, a proposed renewal and any extension.

    Subclasses return a verdict with its findings for the current term (``current``), for the proposed
    fixed-term renewal (``proposal``) and whether an extension right after expiry would stay fixed-term
    (``extension_possible``).
    """

    effective_from = BR_PACK_START

    @abc.abstractmethod
    def current(self, case: Case, chain: Chain) -> tuple[Verdict, list[Outcome]]:
        """The verdict on the current fixed term, with its findings."""

    @abc.abstractmethod
    def proposal(
        self, case: Case, chain: Chain, start: date, end: date | None, extension: bool
    ) -> tuple[Verdict, list[Outcome]]:
        """The verdict on a fixed-term renewal from ``start`` to ``end`` (an extension or a new contract)."""

    @abc.abstractmethod
    def extension_possible(self, case: Case, chain: Chain) -> bool | None:
        """Whether the employment could go on right after expiry on a fixed term, as far as this rule says."""

    def inspect(self, case: Case) -> Iterator[Outcome]:
        chain = chain_of(case)
        verdict, outcomes = self.current(case, chain)
        yield from outcomes
        yield self.conclude(Field.AUTOMATIC_CONVERSION, verdict.converts)
        if verdict.converts is True and verdict.on is not None:
            yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, verdict.on)
        action = case.decision.action
        if action is not Action.RENEW_FIXED_TERM:
            possible = self.extension_possible(case, chain)
            blocked = Verdict(None if possible is None else not possible)
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, _combined(verdict, blocked))
            if action is Action.RENEW_OPEN_ENDED:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            return
        start, end = case.decision.date, case.decision.new_end_date
        extension = chain.contiguous_are_extensions and start == case.expiry + ONE_DAY
        proposed, outcomes = self.proposal(case, chain, start, end, extension)
        yield from outcomes
        converts = _combined(verdict, proposed)
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, converts)
        yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None if converts is None else not converts)
        if proposed.converts is True and proposed.on is not None:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
            yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, proposed.on)


# --- Rules ----------------------------------------------------------------------------------------------


class HistoryRule(Rule):
    """Says how the chain was read (contiguous contracts as extensions) and flags missing causes."""

    code = "br.history"
    citation = "CLT Art 443 §2, 451, 452"
    effective_from = BR_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        chain = chain_of(case)
        for index in chain.assumed_extensions:
            yield self.finding(
                "br.history.treated_as_extension",
                Severity.SHOULD,
                TREATED_AS_EXTENSION,
                citation="CLT Art 451, 452",
                index=index,
                previous=index - 1,
            )
        if chain.assumed_extensions:
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
        if case.current_contract.objective_reason is None:
            yield self.finding(
                "br.clt.art443.cause_not_given", Severity.SHOULD, CAUSE_NOT_GIVEN, citation="CLT Art 443 §2"
            )
        if case.facts.boolean("sector_agreement_overrides_defaults") is True:
            yield self.finding(
                "br.law9601.other_rules", Severity.SHOULD, SECTOR_AGREEMENT, citation="Law 9.601/1998"
            )
            yield self.conclude(Field.CONFIDENCE, Confidence.LOW)


class MaximumDurationRule(ChainRule):
    """CLT Art 445 with Art 451: a fixed term may last at most 2 years, its extension included."""

    code = "br.clt.art445"
    citation = "CLT Art 445, 451"

    def _last_day(self, case: Case, start: date) -> date:
        return period_last_day(start, MAXIMUM_MONTHS.at(case.on))

    def current(self, case: Case, chain: Chain) -> tuple[Verdict, list[Outcome]]:
        last_day, months = self._last_day(case, chain.start), MAXIMUM_MONTHS.at(case.on)
        if chain.end <= last_day:
            finding = self.finding(
                "br.clt.art445.within_maximum",
                Severity.INFO,
                WITHIN_MAXIMUM,
                start=chain.start,
                end=chain.end,
                months=months,
                last_day=last_day,
            )
            return NO, [finding]
        converts_on = last_day + ONE_DAY
        finding = self.finding(
            "br.clt.art445.over_maximum",
            Severity.MUST,
            OVER_MAXIMUM,
            start=chain.start,
            end=chain.end,
            months=months,
            last_day=last_day,
            converts_on=converts_on,
        )
        return Verdict(True, converts_on), [finding]

    def proposal(
        self, case: Case, chain: Chain, start: date, end: date | None, extension: bool
    ) -> tuple[Verdict, list[Outcome]]:
        counted_from = chain.start if extension else start
        last_day, months = self._last_day(case, counted_from), MAXIMUM_MONTHS.at(case.on)
        if end is None and last_day >= start:
            finding = self.finding(
                "br.clt.art445.proposal_end_needed",
                Severity.SHOULD,
                PROPOSAL_END_NEEDED,
                start=counted_from,
                months=months,
                last_day=last_day,
            )
            return Verdict(None), [finding]
        if end is not None and end <= last_day:
            return NO, []
        converts_on = max(start, last_day + ONE_DAY)
        finding = self.finding(
            "br.clt.art445.proposal_over_maximum",
            Severity.MUST,
            PROPOSAL_OVER_MAXIMUM,
            start=counted_from,
            months=months,
            last_day=last_day,
            converts_on=converts_on,
        )
        return Verdict(True, converts_on), [finding]

    def extension_possible(self, case: Case, chain: Chain) -> bool | None:
        # A new contract would start its own two years; an extension needs at least a day left.
        return not chain.contiguous_are_extensions or self._last_day(case, chain.start) > chain.end


class ExtensionRule(ChainRule):
    """CLT Art 451: a fixed term extended more than once becomes indefinite."""

    code = "br.clt.art451"
    citation = "CLT Art 451"

    def current(self, case: Case, chain: Chain) -> tuple[Verdict, list[Outcome]]:
        allowed = MAXIMUM_EXTENSIONS.at(case.on)
        if chain.extensions <= allowed:
            return NO, []
        converts_on = case.employee.contracts[chain.first_index + allowed + 1].start
        finding = self.finding(
            "br.clt.art451.too_many_extensions",
            Severity.MUST,
            TOO_MANY_EXTENSIONS,
            extensions=chain.extensions,
            allowed=allowed,
            converts_on=converts_on,
        )
        return Verdict(True, converts_on), [finding]

    def proposal(
        self, case: Case, chain: Chain, start: date, end: date | None, extension: bool
    ) -> tuple[Verdict, list[Outcome]]:
        if not extension or chain.extensions < MAXIMUM_EXTENSIONS.at(case.on):
            return NO, []
        finding = self.finding(
            "br.clt.art451.proposal_extension_over_limit",
            Severity.MUST,
            PROPOSAL_SECOND_EXTENSION,
            extensions=chain.extensions,
            start=start,
        )
        return Verdict(True, start), [finding]

    def extension_possible(self, case: Case, chain: Chain) -> bool | None:
        return not chain.contiguous_are_extensions or chain.extensions < MAXIMUM_EXTENSIONS.at(case.on)


class SuccessionParams(TypedDict):
    """Message params shared by the Art 452 findings."""

    start: date
    months: int
    previous_end: date


class SuccessionRule(ChainRule):
    """CLT Art 452: a fixed-term contract within 6 months after another is indefinite, with one exception."""

    code = "br.clt.art452"
    citation = "CLT Art 452"

    def _window_end(self, case: Case, previous_end: date) -> date:
        return period_last_day(previous_end + ONE_DAY, SUCCESSION_WINDOW_MONTHS.at(case.on))

    def current(self, case: Case, chain: Chain) -> tuple[Verdict, list[Outcome]]:
        if chain.previous_end is None:
            return NO, []
        months = SUCCESSION_WINDOW_MONTHS.at(case.on)
        window_end = self._window_end(case, chain.previous_end)
        common = SuccessionParams(start=chain.start, months=months, previous_end=chain.previous_end)
        if chain.start > window_end:
            finding = self.finding(
                "br.clt.art452.after_window",
                Severity.INFO,
                SUCCESSION_AFTER_WINDOW,
                window_end=window_end,
                **common,
            )
            return NO, [finding]
        exception = case.facts.boolean("previous_contract_ended_on_service_completion_or_event")
        if exception is True:
            return NO, [
                self.finding(
                    "br.clt.art452.exception_applies", Severity.INFO, SUCCESSION_EXCEPTION, months=months
                )
            ]
        if exception is None:
            finding = self.finding(
                "br.clt.art452.exception_unknown", Severity.SHOULD, SUCCESSION_EXCEPTION_UNKNOWN, **common
            )
            return Verdict(None), [finding]
        finding = self.finding(
            "br.clt.art452.indefinite",
            Severity.MUST,
            SUCCESSION_WITHIN_WINDOW,
            window_end=window_end,
            **common,
        )
        return Verdict(True, chain.start), [finding]

    def proposal(
        self, case: Case, chain: Chain, start: date, end: date | None, extension: bool
    ) -> tuple[Verdict, list[Outcome]]:
        window_end = self._window_end(case, case.expiry)
        if extension or start > window_end:
            return NO, []
        # The exception concerns how the current contract ends, which no fact of the request states.
        finding = self.finding(
            "br.clt.art452.proposal_within_window",
            Severity.SHOULD,
            PROPOSAL_SUCCESSION,
            start=start,
            months=SUCCESSION_WINDOW_MONTHS.at(case.on),
            window_end=window_end,
        )
        return Verdict(None), [finding]

    def extension_possible(self, case: Case, chain: Chain) -> bool | None:
        # An extension is not a new contract; without extensions, a contract from the next day is one.
        return True if chain.contiguous_are_extensions else None


class ExperienceContractRule(Rule):
    """CLT Art 445: an experience contract lasts at most 90 days, its one extension included."""

    code = "br.clt.art445.experience"
    citation = "CLT Art 445"
    effective_from = BR_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        end = case.decision.new_end_date
        if case.decision.action is not Action.RENEW_FIXED_TERM or end is None:
            return
        chain = chain_of(case)
        maximum = EXPERIENCE_MAXIMUM_DAYS.at(case.on)
        last_day = chain.start + (maximum - 1) * ONE_DAY
        days = day_count(chain.start, chain.end)
        if days <= maximum and end > last_day:
            yield self.finding(
                "br.clt.art445.experience_limit",
                Severity.SHOULD,
                EXPERIENCE_LIMIT,
                days=days,
                maximum=maximum,
                last_day=last_day,
                end=end,
            )


class CauseRule(Rule):
    """CLT Art 443 §2: a new fixed term needs one of the causes the law allows."""

    code = "br.clt.art443"
    citation = "CLT Art 443 §2"
    effective_from = BR_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is Action.RENEW_FIXED_TERM:
            yield self.finding(
                "br.clt.art443.fixed_term_needs_cause", Severity.SHOULD, FIXED_TERM_NEEDS_CAUSE
            )


class PregnancyRule(Rule):
    """ADCT Art 10 II b, TST Súmula 244 III: pregnancy security reaches fixed-term contracts (disputed)."""

    code = "br.adct.art10"
    citation = PREGNANCY_CITATION
    effective_from = BR_PACK_START
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        expiry = case.expiry
        months = PREGNANCY_SECURITY_MONTHS_AFTER_BIRTH.at(case.on)
        birth = case.facts.date_of("child_birth_date")
        until = None if birth is None else add_months(birth, months)
        kinds = list(
            dict.fromkeys(
                status.kind
                for status in case.employee.statuses
                if status.kind in ("pregnant", "maternity_leave") and status.active_on(expiry)
            )
        )
        after_birth = birth is not None and until is not None and birth <= expiry <= until
        if until is not None and expiry > until:
            kinds = []  # the security ended 5 months after the birth, before expiry
        if not kinds and not after_birth:
            return
        yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
        yield self.conclude(Field.CONTRACT_EXTENDED_UNTIL, until)
        for kind in kinds or ["pregnant"]:
            yield self.conclude(
                Field.BLOCKING_PROTECTIONS, BlockingProtection(kind, EFFECT_PREGNANCY, self.citation)
            )
            yield self.finding(
                "br.tst.sumula244.pregnancy_security",
                Severity.MUST,
                PREGNANCY_SECURITY,
                kind=kind,
                expiry=expiry,
                months=months,
            )
        if birth is not None and until is not None:
            yield self.finding(
                "br.tst.sumula244.security_until",
                Severity.INFO,
                PREGNANCY_AFTER_BIRTH,
                birth=birth,
                until=until,
                expiry=expiry,
            )
        yield self.finding(
            "br.stf.theme497.disputed",
            Severity.SHOULD,
            PREGNANCY_DISPUTED,
            citation="STF Theme 497; Law 6.019/1974",
        )


class WorkAccidentRule(Rule):
    """TST Súmula 378 III: work-accident job security also applies in fixed-term contracts (not verified)."""

    code = "br.tst.sumula378"
    citation = WORK_ACCIDENT_CITATION
    effective_from = BR_PACK_START
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        expiry = case.expiry
        if not any(
            status.kind == "work_injury" and status.active_on(expiry) for status in case.employee.statuses
        ):
            return
        yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
        yield self.conclude(Field.CONTRACT_EXTENDED_UNTIL, None)
        yield self.conclude(
            Field.BLOCKING_PROTECTIONS, BlockingProtection("work_injury", EFFECT_WORK_ACCIDENT, self.citation)
        )
        yield self.finding(
            "br.tst.sumula378.work_accident_security", Severity.MUST, WORK_ACCIDENT_SECURITY, expiry=expiry
        )


class ExpiryRule(Rule):
    """A fixed term ends at expiry with final pay only, unless it became indefinite or is protected."""

    code = "br.clt.expiry"
    citation = "CLT Art 443, 445"
    effective_from = BR_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        expiry = case.expiry
        converted = case.conclusions.get(Field.AUTOMATIC_CONVERSION)
        if converted is True:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
            yield self.finding(
                "br.clt.art451.dismissal_without_cause",
                Severity.MUST,
                CONVERTED_DISMISSAL,
                citation="CLT Art 451, 452, 481",
                expiry=expiry,
            )
            return
        if converted is None:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding(
                "br.clt.expiry.conversion_unknown", Severity.SHOULD, CONVERSION_UNKNOWN, expiry=expiry
            )
        elif not case.concluded(Field.NON_RENEWAL_LAWFUL):
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.finding(
                "br.clt.expiry.ends_contract", Severity.INFO, EXPIRY_ENDS_CONTRACT, expiry=expiry
            )
        yield self.finding(
            "br.clt.expiry.final_pay_only",
            Severity.INFO,
            FINAL_PAY_ONLY,
            citation="CLT Art 479; Decree 99.684/1990 Art 14",
        )


class DamagesRule(Rule):
    """What ending the contract on its expiry date exposes the employer to, when that may be unlawful."""

    code = "br.damages"
    citation = "CLT Art 451, 452, 481; ADCT Art 10 II b"
    effective_from = BR_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        if case.conclusions.get(Field.NON_RENEWAL_LAWFUL, True) is True:
            return
        parts: list[str] = []
        converted = case.conclusions.get(Field.AUTOMATIC_CONVERSION)
        if converted is not False:
            parts.append(
                f"{'the contract is' if converted is True else 'if the contract is'} indefinite: dismissal "
                "without cause, with notice pay and the 40% FGTS penalty on the FGTS balance"
            )
        if case.concluded(Field.CONTRACT_EXTENDED_UNTIL):
            until = case.conclusions.get(Field.CONTRACT_EXTENDED_UNTIL)
            end = until.isoformat() if isinstance(until, date) else "an unknown date"
            parts.append(f"job security until {end}")
        basis = "; ".join(parts) + " (not computed)"
        yield self.conclude(Field.DAMAGES_IF_UNLAWFUL, Damages(None, case.currency, basis))


CONSIDERED_KINDS = frozenset(("pregnant", "maternity_leave", "work_injury"))


RULES: tuple[Rule, ...] = (
    HistoryRule(),
    MaximumDurationRule(),
    ExtensionRule(),
    SuccessionRule(),
    ExperienceContractRule(),
    CauseRule(),
    PregnancyRule(),
    WorkAccidentRule(),
    ExpiryRule(),
    DamagesRule(),
    NoNoticeRule(
        code="br.notice",
        citation="CLT Art 443, 445",
        effective_from=BR_PACK_START,
        finding_code="br.notice.none_on_expiry",
        message=NO_NOTICE,
    ),
    StatusScopeRule(
        code="br.statuses",
        effective_from=BR_PACK_START,
        message=STATUS_NOT_CONSIDERED,
        considered=CONSIDERED_KINDS,
    ),
)

PACKS = (
    Pack(
        code="br",
        jurisdiction="BR",
        name="Brazil",
        version="2026-07-01",
        effective_from=BR_PACK_START,
        effective_to=None,
        currency="BRL",
        rules=RULES,
        national=True,
        confidence=Confidence.HIGH,
        confidence_notes=(
            "Duration, extension and 6-month succession rules (CLT Arts 445, 451, 452): high. One outlier "
            "page claims a 4-year maximum; the mainstream 2 years including the extension is applied.",
            "Pregnancy security in fixed-term contracts: medium (TST Súmula 244 III against STF Theme 497, "
            "unresolved; the Súmula is applied).",
            "Work-accident security in fixed-term contracts (TST Súmula 378 III): medium, not verified.",
            "Contiguous contracts are read as extensions unless the request says otherwise; that reading "
            "lowers confidence to medium.",
        ),
        not_covered=(
            "Whether a contract's cause is valid (Art 443 §2) is not judged: a missing cause is flagged.",
            "Experience (probation) contracts are not identified; the 90-day limit is only raised as a "
            "question when a short term is renewed past it.",
            "The exception of Art 452 for a proposed new contract (how the current contract ends) has no "
            "input: such proposals are left undecided.",
            "Early termination (Arts 479-481: half the remaining pay, the 40% FGTS penalty, notice under a "
            "reciprocal clause) is not a decision the request can describe.",
            "Amounts owed when the contract is indefinite or protected (notice pay, the 40% FGTS penalty, "
            "pay for the protected period) are named, not computed.",
            "The end of work-accident job security is not computed.",
            "Temporary-agency workers (Law 6.019/1974) and collective-agreement contracts (Law 9.601/1998) "
            "follow other rules, which are not applied.",
            "Final pay (13th salary, vacation plus one third) is not severance and is not computed.",
            "Regional rules: none; labour law is federal (CLT), so a region gets the national rules.",
            "Decisions before 2019-01-01 are not assessed.",
        ),
    ),
)
