"""United States (general; at-will): expiry and renewal of fixed-term agreements.

Sources (RULES.md §16): the at-will default and state contract law; Title VII (pregnancy included), the
Age Discrimination in Employment Act (ADEA) and the Americans with Disabilities Act (ADA); the federal
WARN Act; Montana's Wrongful Discharge from Employment Act (WDEA) as amended in 2021.

A written fixed-term agreement is a private contract: nothing converts it, nothing obliges the employer to
renew it and no federal severance is owed when it expires, so ``automatic_conversion``,
``next_contract_must_be_open_ended``, ``employee_may_request_open_ended`` and ``severance`` stay null (the
concepts do not exist here) and a finding says so.

What the pack reads from the request:

- ``contracts``: only the current contract's dates (expiry; service for Montana's probation), with
  ``hire_date`` (else the first contract's start) as the first day of employment.
- ``region``: a state. Montana (``US-MT``) is covered; any other state gets these general rules and the
  framework's "region not covered" finding, since state law (final pay, local protections) may add rules.
- ``statuses``: ``pregnant`` and ``maternity_leave`` (Title VII), ``disabled`` (ADA), ``aged_55_plus``
  (ADEA): in force on the expiry date, they leave lawfulness to the reason for not renewing. Other kinds
  are reported as not considered.
- ``facts``: ``employer_size`` (else ``workplace_headcount``) for the WARN Act threshold;
  ``early_termination_without_cause_clause`` (what ending before expiry would risk).
- ``decision.action``; ``pay`` is not read (nothing is computed).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from keepwell.law.i18n import gettext_noop
from keepwell.law.parameters import constant
from keepwell.law.registry import Pack, Region
from keepwell.law.rules import Case, NoNoticeRule, Outcome, Rule, StatusScopeRule
from keepwell.law.service import period_last_day
from keepwell.law.types import Action, Confidence, Field, Severity

# Montana's 2021 amendment (12 months' default probation, up to 18) has no commencement date in the
# reference; the pack assesses decisions from the first full year after it, when every rule below applies.
US_PACK_START = date(2022, 1, 1)
MONTANA_CITATION = "Montana Wrongful Discharge from Employment Act (2021 amendment)"
CONTRACT_LAW = "State contract law"

# --- Dated parameters (first row = the pack's start; earlier history is not modelled) -----------------

WARN_EMPLOYER_SIZE = constant("us.warn_employer_size", US_PACK_START, 100, citation="WARN Act")
WARN_NOTICE_DAYS = constant("us.warn_notice_days", US_PACK_START, 60, citation="WARN Act")
MONTANA_DEFAULT_PROBATION_MONTHS = constant(
    "us.mt.default_probation_months", US_PACK_START, 12, citation=MONTANA_CITATION
)
MONTANA_LONGEST_PROBATION_MONTHS = constant(
    "us.mt.longest_probation_months", US_PACK_START, 18, citation=MONTANA_CITATION
)

MONTANA = Region(
    key="montana",
    name="Montana",
    iso_code="US-MT",
    aliases=("MT",),
    confidence=Confidence.MEDIUM,
    notes="Good cause needed for discharge after probation (12 months by default, up to 18 if the employer "
    "sets it); reported not to cover written contracts for a specific term (not verified).",
)


# --- Messages (English templates, translated through the catalogues) ---------------------------------

NO_CONVERSION = gettext_noop(
    "A fixed-term agreement is a private contract: there is no duty to renew it, no rule that converts it "
    "into an open-ended contract and no federal severance on expiry."
)
EXPIRY_LAWFUL = gettext_noop(
    "The fixed term ends on %(expiry)s as agreed and there is no duty to renew it: letting it expire is "
    "lawful, provided the reason is not discriminatory or retaliatory."
)
RENEWAL_LAWFUL = gettext_noop("No statute limits renewing a fixed-term agreement or its length.")
PROTECTED_STATUS = gettext_noop(
    "Status %(kind)s on the expiry date %(expiry)s: not renewing because of it would be unlawful "
    "discrimination (%(law)s). Whether the non-renewal is lawful depends on the reason; record it."
)
FINAL_PAY = gettext_noop("When the final pay is due is set by state law, which this pack does not cover.")
WARN_IF_MASS_LAYOFF = gettext_noop(
    "The employer has %(size)s employees (WARN applies from %(threshold)s): if this non-renewal is part of "
    "a plant closing or mass layoff, %(days)s days' notice is required. Workers hired for a project "
    "understood to be temporary are generally excluded (not confirmed)."
)
NO_EARLY_TERMINATION_RIGHT = gettext_noop(
    "The agreement gives no right to end it early without cause: ending it before %(expiry)s could breach "
    "it, with damages typically the pay for the remaining term less what the worker earns elsewhere."
)
EARLY_TERMINATION_RIGHT = gettext_noop(
    "The agreement allows ending it early without cause, on its own terms."
)
NO_NOTICE = gettext_noop("No notice is needed for a fixed-term agreement that ends on its agreed date.")
MONTANA_WITHIN_PROBATION = gettext_noop(
    "Montana: employment from %(first_day)s is within the default probation of %(months)s months (until "
    "%(until)s), during which the Wrongful Discharge from Employment Act needs no good cause."
)
MONTANA_PROBATION_IF_SET = gettext_noop(
    "Montana: the default probation of %(default)s months ended on %(until)s. If the employer set a longer "
    "probation (at most %(longest)s months) the employee is still in it; otherwise the Wrongful Discharge "
    "from Employment Act needs good cause for a discharge, if it covers this contract."
)
MONTANA_AFTER_PROBATION = gettext_noop(
    "Montana: any probation (at most %(longest)s months) has ended. The Wrongful Discharge from Employment "
    "Act needs good cause for a discharge after probation; it is reported not to cover written contracts "
    "for a specific term, which is not verified."
)
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the United States rule pack.")


# --- Rules ----------------------------------------------------------------------------------------------

PROTECTED_KINDS = {
    "pregnant": "Title VII, pregnancy included",
    "maternity_leave": "Title VII, pregnancy included",
    "disabled": "Americans with Disabilities Act",
    "aged_55_plus": "Age Discrimination in Employment Act",
}


class AtWillRule(Rule):
    """The at-will default: a fixed term ends as agreed, with no renewal duty, conversion or severance."""

    code = "us.contract.at_will"
    citation = CONTRACT_LAW
    effective_from = US_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        yield self.finding("us.contract.no_conversion", Severity.INFO, NO_CONVERSION)
        if case.decision.action is Action.NOT_RENEW:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.finding("us.contract.expiry_lawful", Severity.INFO, EXPIRY_LAWFUL, expiry=case.expiry)
        else:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding("us.contract.renewal_lawful", Severity.INFO, RENEWAL_LAWFUL)


class DiscriminationRule(Rule):
    """Anti-discrimination law covers non-renewal: a protected status leaves lawfulness to the reason."""

    code = "us.federal.discrimination"
    citation = "Title VII; ADEA; ADA; state laws"
    effective_from = US_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        seen: set[str] = set()
        for status in case.employee.statuses:
            if status.kind not in PROTECTED_KINDS or status.kind in seen or not status.active_on(case.expiry):
                continue
            seen.add(status.kind)
            law = PROTECTED_KINDS[status.kind]
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding(
                "us.federal.protected_status",
                Severity.SHOULD,
                PROTECTED_STATUS,
                citation=law,
                kind=status.kind,
                expiry=case.expiry,
                law=law,
            )


class ContractTermsRule(Rule):
    """State contract law: what ending before the agreed date would risk (the decision itself is expiry)."""

    code = "us.contract.early_termination"
    citation = CONTRACT_LAW
    effective_from = US_PACK_START

    def inspect(self, case: Case) -> Iterator[Outcome]:
        clause = case.facts.boolean("early_termination_without_cause_clause")
        if clause is False:
            yield self.finding(
                "us.contract.no_early_termination_right",
                Severity.INFO,
                NO_EARLY_TERMINATION_RIGHT,
                expiry=case.expiry,
            )
        elif clause is True:
            yield self.finding("us.contract.early_termination_right", Severity.INFO, EARLY_TERMINATION_RIGHT)


class WarnRule(Rule):
    """Federal WARN Act: 60 days' notice of a plant closing or mass layoff by employers of 100 or more."""

    code = "us.warn"
    citation = "WARN Act"
    effective_from = US_PACK_START
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        size = case.facts.integer("employer_size")
        if size is None:
            size = case.employee.workplace_headcount
        threshold = WARN_EMPLOYER_SIZE.at(case.on)
        if size is not None and size >= threshold:
            # A single non-renewal is not a mass layoff, so no date is concluded: this is advice only.
            yield self.finding(
                "us.warn.if_mass_layoff",
                Severity.SHOULD,
                WARN_IF_MASS_LAYOFF,
                size=size,
                threshold=threshold,
                days=WARN_NOTICE_DAYS.at(case.on),
            )


class NoticeRule(NoNoticeRule):
    """No notice is due when a fixed-term agreement ends on its agreed date; final pay is state law."""

    def inspect(self, case: Case) -> Iterator[Outcome]:
        yield from super().inspect(case)
        if case.decision.action is Action.NOT_RENEW:
            yield self.finding("us.state.final_pay", Severity.INFO, FINAL_PAY, citation="State law")


class MontanaRule(Rule):
    """Montana WDEA: good cause after probation (12 months by default, up to 18); fixed terms likely not."""

    code = "us.mt.wdea"
    citation = MONTANA_CITATION
    effective_from = US_PACK_START
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.region is not MONTANA or case.decision.action is not Action.NOT_RENEW:
            return
        first_day, expiry, on = case.employee.first_day, case.expiry, case.on
        default = MONTANA_DEFAULT_PROBATION_MONTHS.at(on)
        longest = MONTANA_LONGEST_PROBATION_MONTHS.at(on)
        default_end = period_last_day(first_day, default)
        # Lawful at medium confidence: the Act is reported (not verified) not to reach fixed-term contracts.
        yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
        if expiry <= default_end:
            yield self.finding(
                "us.mt.wdea.within_probation",
                Severity.INFO,
                MONTANA_WITHIN_PROBATION,
                first_day=first_day,
                months=default,
                until=default_end,
            )
        elif expiry <= period_last_day(first_day, longest):
            yield self.finding(
                "us.mt.wdea.probation_if_set",
                Severity.SHOULD,
                MONTANA_PROBATION_IF_SET,
                default=default,
                until=default_end,
                longest=longest,
            )
        else:
            yield self.finding(
                "us.mt.wdea.after_probation", Severity.SHOULD, MONTANA_AFTER_PROBATION, longest=longest
            )


RULES: tuple[Rule, ...] = (
    AtWillRule(),
    DiscriminationRule(),
    MontanaRule(),
    ContractTermsRule(),
    WarnRule(),
    NoticeRule(
        code="us.notice",
        citation=CONTRACT_LAW,
        effective_from=US_PACK_START,
        finding_code="us.notice.none_on_expiry",
        message=NO_NOTICE,
    ),
    StatusScopeRule(
        code="us.statuses",
        effective_from=US_PACK_START,
        message=STATUS_NOT_CONSIDERED,
        considered=PROTECTED_KINDS,
    ),
)

PACKS = (
    Pack(
        code="us",
        jurisdiction="US",
        name="United States (general; at-will)",
        version="2026-07-01",
        effective_from=US_PACK_START,
        effective_to=None,
        currency="USD",
        rules=RULES,
        regions=(MONTANA,),
        confidence=Confidence.HIGH,
        confidence_notes=(
            "The at-will default and the absence of renewal duties, conversion and federal severance: high.",
            "The WARN Act exclusion of workers hired for a temporary project: medium, recalled and not "
            "confirmed.",
            "Montana: medium; whether the Wrongful Discharge from Employment Act covers written contracts "
            "for a specific term is not verified.",
        ),
        not_covered=(
            "State law other than Montana's (final-pay timing, state anti-discrimination and leave laws, "
            "local rules): other states get the general rules and a region-not-covered finding.",
            "Whether the reason for not renewing is discriminatory or retaliatory is not judged: a protected "
            "status leaves lawfulness undecided.",
            "Ending a fixed-term agreement before its end date (breach damages of about the remaining pay, "
            "less mitigation) is explained, not computed: it is not a decision the request can describe.",
            "Whether a non-renewal is part of a WARN plant closing or mass layoff is not assessed; no WARN "
            "notice date is concluded.",
            "Contractual renewal, notice or severance terms of the agreement itself are not read.",
            "Montana probation periods set by the employer are not an input: the default and longest "
            "periods are compared with the service.",
            "Decisions before 2022-01-01 are not assessed (Montana's 2021 amendment has no commencement "
            "date in the reference).",
        ),
    ),
)
