"""Mexico: expiry and renewal of fixed-term work relationships under the Federal Labor Law (LFT).

Sources (RULES.md §13): LFT Arts 35, 37, 39, 39-A, 39-D, 39-E, 48, 50, 53-III, 162, with the Supreme Court
(SCJN) case law that the employer must prove the temporary cause and that the work has ended.

What the pack reads from the request:

- ``contracts``: the current contract's dates and ``objective_reason``, read as the justifying cause the
  contract states (Art 37: the nature of the work, a temporary substitution, or another case the law
  allows). Null means the cause is not known, not that the contract states none.
- ``pay.monthly_wage`` for the 3 months' pay of an unjustified dismissal (Art 48); ``pay.currency``
  (default MXN). A daily wage alone is not converted into months, so no amount is computed from it.
- ``facts``: ``work_continues_after_end`` (Art 39), ``proposed_contract_objective_reason`` (the cause of a
  proposed fixed-term renewal).
- ``decision.action``. ``statuses`` are reported as not considered: the reference gives no protection
  that blocks expiry. ``offer`` is not read.

Lawful expiry owes only the final settlement (*finiquito*: proportional year-end bonus, vacation and
vacation premium), which is not severance: ``severance`` stays null. ``employee_may_request_open_ended``
does not exist here and stays null; ``next_contract_must_be_open_ended`` is answered for a fixed-term
renewal only (from the cause it states).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from keepwell.law.i18n import gettext_noop
from keepwell.law.parameters import constant
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, NoNoticeRule, Outcome, Rule, StatusScopeRule, format_decimal
from keepwell.law.types import Action, BlockingProtection, Confidence, Damages, Field, Severity

# The probation articles (39-A to 39-F) and the 12-month limit on back wages come from the 2012 reform;
# the pack assesses decisions from the first full year after it. Earlier history is not modelled.
MX_PACK_START = date(2013, 1, 1)
SCJN = "SCJN case law"

# --- Dated parameters (first row = the pack's start) ---------------------------------------------------

DISMISSAL_INDEMNITY_MONTHS = constant(
    "mx.dismissal_indemnity_months", MX_PACK_START, 3, citation="LFT Art 48"
)
BACK_WAGES_MONTHS_LIMIT = constant("mx.back_wages_months_limit", MX_PACK_START, 12, citation="LFT Art 48")
REFUSED_REINSTATEMENT_DAYS_PER_YEAR = constant(
    "mx.refused_reinstatement_days_per_year", MX_PACK_START, 20, citation="LFT Art 50"
)
SENIORITY_PREMIUM_DAYS_PER_YEAR = constant(
    "mx.seniority_premium_days_per_year", MX_PACK_START, 12, citation="LFT Art 162"
)
SENIORITY_PREMIUM_WAGE_CAP_MULTIPLE = constant(
    "mx.seniority_premium_wage_cap_multiple", MX_PACK_START, 2, citation="LFT Art 162"
)


# --- Messages (English templates, translated through the catalogues) ---------------------------------

CAUSE_NOT_GIVEN = gettext_noop(
    "The cause of the fixed term is not given. A fixed term is allowed only when the nature of the work "
    "requires it, to stand in temporarily for another worker, or in other cases the law provides, and the "
    "contract must state the cause; without one the term cannot be relied on and the relationship is "
    "indefinite."
)
CAUSE_STATED = gettext_noop(
    "The contract states a temporary cause: %(reason)s. The employer must be able to prove the cause and, "
    "at expiry, that the work has ended."
)
WORK_CONTINUES = gettext_noop(
    "The work goes on after %(expiry)s: the relationship continues for as long as the work does, so ending "
    "it at expiry is an unjustified dismissal."
)
WORK_ENDED = gettext_noop("The work ends with the term on %(expiry)s, so the relationship is not prolonged.")
WORK_CONTINUATION_UNKNOWN = gettext_noop(
    "If the work still exists after %(expiry)s, the relationship continues while it does and ending it is "
    "an unjustified dismissal; the employer must prove that the work has ended. Give "
    "work_continues_after_end."
)
EXPIRY_ENDS_RELATIONSHIP = gettext_noop("The relationship ends lawfully on its expiry date %(expiry)s.")
FINAL_SETTLEMENT_ONLY = gettext_noop(
    "On lawful expiry only the final settlement (finiquito) is due: proportional year-end bonus "
    "(aguinaldo), vacation and vacation premium. It is not severance and is not computed."
)
SENIORITY_PREMIUM_DISPUTED = gettext_noop(
    "The seniority premium (%(days)s days' wage per year, the daily wage capped at %(multiple)s times the "
    "minimum wage) is defined for permanent workers; whether a fixed-term worker is owed it at expiry is "
    "disputed, so it is not included."
)
UNJUSTIFIED_DISMISSAL = gettext_noop(
    "Ending the relationship at expiry is an unjustified dismissal: the worker chooses reinstatement or "
    "%(months)s months' pay, plus back wages for up to %(back_months)s months (interest after that); where "
    "reinstatement is refused, %(days)s days' wage per year of service is added."
)
UNJUSTIFIED_DISMISSAL_RISK = gettext_noop(
    "If ending the relationship is held to be an unjustified dismissal, the worker chooses reinstatement or "
    "%(months)s months' pay, plus back wages for up to %(back_months)s months (interest after that)."
)
PROPOSED_CAUSE_NOT_GIVEN = gettext_noop(
    "A fixed-term renewal needs a temporary cause stated in the contract; none is given "
    "(proposed_contract_objective_reason). Without one the new contract is indefinite."
)
PROPOSED_CAUSE_STATED = gettext_noop(
    "The renewal states a temporary cause: %(reason)s. A fixed term is lawful if the cause is genuine."
)
RENEWAL_OPEN_ENDED = gettext_noop("An indefinite relationship is the Federal Labor Law's default.")
NO_NEW_PROBATION = gettext_noop(
    "A probation period cannot be extended or repeated: the continued relationship carries no new one, and "
    "the probation already served counts toward seniority."
)
NO_NOTICE = gettext_noop("No notice is needed when a fixed-term relationship ends on its expiry date.")
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the Mexico rule pack.")
EFFECT_WORK_CONTINUES = gettext_noop("relationship continues for as long as the work does")


# --- Rules ----------------------------------------------------------------------------------------------


class CauseRule(Rule):
    """LFT Arts 35 and 37: a fixed term needs a temporary cause stated in the contract."""

    code = "mx.lft.art37"
    citation = "LFT Arts 35, 37"
    effective_from = MX_PACK_START
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        reason = case.current_contract.objective_reason
        action = case.decision.action
        if reason is None:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, None)
            if action is Action.NOT_RENEW:
                yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding("mx.lft.art37.cause_not_given", Severity.SHOULD, CAUSE_NOT_GIVEN)
        else:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            yield self.finding(
                "mx.lft.art37.cause_stated",
                Severity.INFO,
                CAUSE_STATED,
                citation=f"LFT Art 37; {SCJN}",
                reason=reason,
            )
        if action is Action.RENEW_OPEN_ENDED:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "mx.lft.art35.open_ended_default", Severity.INFO, RENEWAL_OPEN_ENDED, citation="LFT Art 35"
            )
        elif action is Action.RENEW_FIXED_TERM:
            proposed = case.facts.text("proposed_contract_objective_reason")
            if proposed is None:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
                yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, None)
                yield self.finding(
                    "mx.lft.art37.renewal_cause_not_given", Severity.SHOULD, PROPOSED_CAUSE_NOT_GIVEN
                )
            else:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
                yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
                yield self.finding(
                    "mx.lft.art37.renewal_cause_stated", Severity.INFO, PROPOSED_CAUSE_STATED, reason=proposed
                )


class ContinuationRule(Rule):
    """LFT Art 39: if the work still exists at the end of the term, the relationship continues with it."""

    code = "mx.lft.art39"
    citation = f"LFT Art 39; {SCJN}"
    effective_from = MX_PACK_START
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        expiry = case.expiry
        continues = case.facts.boolean("work_continues_after_end")
        if continues is True:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
            yield self.conclude(Field.CONTRACT_EXTENDED_UNTIL, None)
            yield self.conclude(
                Field.BLOCKING_PROTECTIONS,
                BlockingProtection("work_continues_after_end", EFFECT_WORK_CONTINUES, "LFT Art 39"),
            )
            yield self.finding("mx.lft.art39.work_continues", Severity.MUST, WORK_CONTINUES, expiry=expiry)
        elif continues is False:
            yield self.finding("mx.lft.art39.work_ended", Severity.INFO, WORK_ENDED, expiry=expiry)
        else:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding(
                "mx.lft.art39.work_continuation_unknown",
                Severity.SHOULD,
                WORK_CONTINUATION_UNKNOWN,
                expiry=expiry,
            )


class ExpiryRule(Rule):
    """LFT Art 53-III: lawful expiry ends the relationship with the final settlement only."""

    code = "mx.lft.art53"
    citation = "LFT Art 53-III"
    effective_from = MX_PACK_START
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        if not case.concluded(Field.NON_RENEWAL_LAWFUL):
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.finding(
                "mx.lft.art53.expiry_ends_relationship",
                Severity.INFO,
                EXPIRY_ENDS_RELATIONSHIP,
                expiry=case.expiry,
            )
        yield self.finding("mx.lft.art53.final_settlement_only", Severity.INFO, FINAL_SETTLEMENT_ONLY)


class SeniorityPremiumRule(Rule):
    """LFT Art 162: the seniority premium, disputed for fixed-term workers at expiry, is not included."""

    code = "mx.lft.art162"
    citation = "LFT Art 162"
    effective_from = MX_PACK_START
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterable[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return ()
        finding = self.finding(
            "mx.lft.art162.seniority_premium_disputed",
            Severity.INFO,
            SENIORITY_PREMIUM_DISPUTED,
            days=SENIORITY_PREMIUM_DAYS_PER_YEAR.at(case.on),
            multiple=SENIORITY_PREMIUM_WAGE_CAP_MULTIPLE.at(case.on),
        )
        return (finding,)


class DamagesRule(Rule):
    """LFT Arts 48 and 50: what an unjustified dismissal costs when ending at expiry is (or may be) one."""

    code = "mx.lft.art48"
    citation = "LFT Arts 48, 50"
    effective_from = MX_PACK_START
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        lawful = case.conclusions.get(Field.NON_RENEWAL_LAWFUL)
        if lawful is True:
            return
        on = case.on
        months, back_months = DISMISSAL_INDEMNITY_MONTHS.at(on), BACK_WAGES_MONTHS_LIMIT.at(on)
        wage = case.employee.pay.monthly_wage
        back_wages = f"plus back wages from the dismissal for up to {back_months} months (not computed)"
        if wage is None:
            amount = None
            basis = f"{months} months' pay (monthly wage unknown) {back_wages}"
        else:
            amount = case.money(wage * months)
            basis = f"{months} × monthly wage {format_decimal(wage)} = {format(amount, 'f')}, {back_wages}"
        yield self.conclude(Field.DAMAGES_IF_UNLAWFUL, Damages(amount, case.currency, basis))
        if lawful is False:
            yield self.finding(
                "mx.lft.art48.unjustified_dismissal",
                Severity.MUST,
                UNJUSTIFIED_DISMISSAL,
                months=months,
                back_months=back_months,
                days=REFUSED_REINSTATEMENT_DAYS_PER_YEAR.at(on),
            )
        else:
            yield self.finding(
                "mx.lft.art48.unjustified_dismissal_risk",
                Severity.SHOULD,
                UNJUSTIFIED_DISMISSAL_RISK,
                months=months,
                back_months=back_months,
            )


class ProbationRule(Rule):
    """LFT Arts 39-D and 39-E: a probation period cannot be extended or repeated."""

    code = "mx.lft.art39d"
    citation = "LFT Arts 39-D, 39-E"
    effective_from = MX_PACK_START
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterable[Outcome]:
        if case.decision.action is Action.NOT_RENEW:
            return ()
        return (self.finding("mx.lft.art39d.no_new_probation", Severity.INFO, NO_NEW_PROBATION),)


RULES: tuple[Rule, ...] = (
    CauseRule(),
    ContinuationRule(),
    ExpiryRule(),
    SeniorityPremiumRule(),
    DamagesRule(),
    ProbationRule(),
    NoNoticeRule(
        code="mx.notice",
        citation="LFT Art 53-III",
        effective_from=MX_PACK_START,
        confidence=Confidence.MEDIUM,
        finding_code="mx.notice.none_on_expiry",
        message=NO_NOTICE,
    ),
    StatusScopeRule(code="mx.statuses", effective_from=MX_PACK_START, message=STATUS_NOT_CONSIDERED),
)

PACKS = (
    Pack(
        code="mx",
        jurisdiction="MX",
        name="Mexico",
        version="2026-07-01",
        effective_from=MX_PACK_START,
        effective_to=None,
        currency="MXN",
        rules=RULES,
        national=True,
        confidence=Confidence.MEDIUM,
        confidence_notes=(
            "Medium overall: few primary sources.",
            "The seniority premium (Art 162) for fixed-term workers at expiry is disputed: not included.",
        ),
        not_covered=(
            "Whether a stated cause is genuine, and whether the work has really ended, are not judged: the "
            "employer must prove both.",
            "Back wages (up to 12 months, then interest) and the 20 days per year of Art 50 are named, not "
            "computed; the 3 months' pay needs the monthly wage (a daily wage is not converted).",
            "The final settlement (finiquito) is not computed and is not severance.",
            "Probation limits (30 days, 180 for managerial or technical posts) are not checked.",
            "Protections of particular workers (pregnancy, work injury and others) are not in the reference; "
            "statuses are reported as not considered.",
            "Regional rules: none; the Federal Labor Law is national, so a region gets the national rules.",
            "Decisions before 2013-01-01 are not assessed.",
        ),
    ),
)
