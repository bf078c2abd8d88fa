"""Indonesia: fixed-term contracts (PKWT) under the Manpower Law as amended by the Job Creation Law.

Sources (RULES.md §18): Manpower Law 13/2003 as amended by Law 6/2023, Arts 56-59 (PKWT only for temporary
work; a PKWT breaking the rules becomes an indefinite contract, PKWTT, by law), 61A (compensation), 62;
Government Regulation (GR) 35/2021 Art 8 (time-based PKWT at most 5 years including extensions), Arts 15-17
(compensation at the end of each PKWT); Constitutional Court decisions 168/PUU-XXI/2023 and 40/PUU-XXII/2024
(31 Oct 2024: the 5-year limit belongs in the statute; probation in a PKWT is void; a new manpower law within
2 years).

What the pack reads from the request:

- ``contracts``: the trailing run of fixed-term contracts is one PKWT with its extensions, added up against
  the 5-year limit (gaps between contracts are not counted, and flagged). The current contract is the PKWT
  whose end triggers compensation.
- ``pay.monthly_wage``: basic pay plus fixed allowances (GR 35 Art 16); ``pay.currency`` (default IDR).
- ``statuses``: ``foreign_worker``; ``facts``: ``foreign_national`` (no compensation for foreign workers).
  Other statuses are reported as not considered.
- ``decision.new_end_date``: the end of a proposed extension, checked against the 5-year limit. An extension
  still owes compensation for the term that ends.

Notice before expiry was not researched (RULES.md), so ``last_notice_date`` stays null. The rules are
national (``national=True``): a region in the request gets them with the framework's "national law
applies" finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import constant
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, Outcome, Rule, StatusScopeRule, format_decimal
from keepwell.law.service import (
    contract_period,
    first_day_beyond,
    service_length,
    total_length,
    trailing_fixed_terms,
)
from keepwell.law.types import Action, Confidence, Field, Severance, Severity

# GR 35/2021, which sets the 5-year limit and the compensation, took effect on 2021-02-02; the pack assesses
# decisions from then.
GR35_IN_FORCE = date(2021, 2, 2)

# --- Dated parameters -------------------------------------------------------------------------------------

MAX_PKWT_MONTHS = constant(
    "id.max_pkwt_months", GR35_IN_FORCE, 60, citation="GR 35/2021 Art 8; Manpower Law Art 59 (Law 6/2023)"
)
COMPENSATION_MIN_MONTHS = constant(
    "id.compensation_min_months", GR35_IN_FORCE, 1, citation="GR 35/2021 Art 15"
)
# Months of service that earn one month's wage of compensation.
MONTHS_PER_WAGE = constant("id.compensation_months_per_wage", GR35_IN_FORCE, 12, citation="GR 35/2021 Art 16")

CONVERSION_CITATION = "Manpower Law Art 59 (Law 6/2023); GR 35/2021 Art 8; MK 168/PUU-XXI/2023"
COURT_CITATION = "MK 168/PUU-XXI/2023"


# --- Messages ---------------------------------------------------------------------------------------------

WITHIN_LIMIT = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "The PKWT and its extensions add up to %(months)s month and %(days)s day, within %(limit)s "
            "months. A PKWT is lawful only for work that is temporary in nature; for other work the "
            "contract is an indefinite contract (PKWTT) by law."
        ),
        other=gettext_noop(
            "The PKWT and its extensions add up to %(months)s month and %(days)s days, within "
            "%(limit)s months. A PKWT is lawful only for work that is temporary in nature; for other "
            "work the contract is an indefinite contract (PKWTT) by law."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "The PKWT and its extensions add up to %(months)s months and %(days)s day, within "
            "%(limit)s months. A PKWT is lawful only for work that is temporary in nature; for other "
            "work the contract is an indefinite contract (PKWTT) by law."
        ),
        other=gettext_noop(
            "The PKWT and its extensions add up to %(months)s months and %(days)s days, within "
            "%(limit)s months. A PKWT is lawful only for work that is temporary in nature; for other "
            "work the contract is an indefinite contract (PKWTT) by law."
        ),
    ),
)
AT_LIMIT = gettext_noop(
    "The PKWT and its extensions add up to exactly %(limit)s months: any further fixed term goes over the "
    "limit, so continued work needs an indefinite contract (PKWTT)."
)
EXCEEDED = gettext_noop(
    "The PKWT and its extensions went past %(limit)s months on %(beyond)s: the worker is employed under an "
    "indefinite contract (PKWTT) by law from that day, and ending the employment is a termination, not an "
    "expiry."
)
RENEWAL_EXCEEDS = gettext_noop(
    "The proposed extension goes past %(limit)s months in total on %(beyond)s: from that day the worker "
    "would be employed under an indefinite contract (PKWTT) by law."
)
RENEWAL_WITHIN = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "The proposed extension keeps the PKWT within %(limit)s months (%(months)s month and "
            "%(days)s day in total)."
        ),
        other=gettext_noop(
            "The proposed extension keeps the PKWT within %(limit)s months (%(months)s month and "
            "%(days)s days in total)."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "The proposed extension keeps the PKWT within %(limit)s months (%(months)s months and "
            "%(days)s day in total)."
        ),
        other=gettext_noop(
            "The proposed extension keeps the PKWT within %(limit)s months (%(months)s months and "
            "%(days)s days in total)."
        ),
    ),
)
RENEWAL_END_UNKNOWN = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "The PKWT adds up to %(months)s month and %(days)s day; give the end of the proposed "
            "extension to check it against the %(limit)s-month limit."
        ),
        other=gettext_noop(
            "The PKWT adds up to %(months)s month and %(days)s days; give the end of the proposed "
            "extension to check it against the %(limit)s-month limit."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "The PKWT adds up to %(months)s months and %(days)s day; give the end of the proposed "
            "extension to check it against the %(limit)s-month limit."
        ),
        other=gettext_noop(
            "The PKWT adds up to %(months)s months and %(days)s days; give the end of the proposed "
            "extension to check it against the %(limit)s-month limit."
        ),
    ),
)
OPEN_ENDED_RENEWAL = gettext_noop("Continuing under an indefinite contract (PKWTT) meets the Manpower Law.")
GAP_BETWEEN_CONTRACTS = Plural(
    "days",
    one=gettext_noop(
        "There is %(days)s day between contracts[%(previous)s] and contracts[%(index)s]. The contracts "
        "are added up as one PKWT with extensions, without the gap; whether a gap starts a new count "
        "is not settled."
    ),
    other=gettext_noop(
        "There are %(days)s days between contracts[%(previous)s] and contracts[%(index)s]. The "
        "contracts are added up as one PKWT with extensions, without the gap; whether a gap starts a "
        "new count is not settled."
    ),
)
BEFORE_GR35 = gettext_noop(
    "contracts[%(index)s] began on %(start)s, before GR 35/2021 (%(in_force)s). Its time is added up under "
    "the 5-year limit; the earlier rules on PKWT length and renewal are not applied."
)
COMPENSATION_AMOUNT = Plural(
    "months",
    one=gettext_noop(
        "Compensation of %(amount)s %(currency)s is owed at the end of this PKWT: %(months)s month of "
        "service ÷ %(per_wage)s × %(wage)s."
    ),
    other=gettext_noop(
        "Compensation of %(amount)s %(currency)s is owed at the end of this PKWT: %(months)s months of "
        "service ÷ %(per_wage)s × %(wage)s."
    ),
)
COMPENSATION_WAGE_UNKNOWN = Plural(
    "months",
    one=gettext_noop(
        "Compensation of %(months)s month of service ÷ %(per_wage)s months' wage is owed at the end of "
        "this PKWT; give the monthly wage (basic pay and fixed allowances) to compute it."
    ),
    other=gettext_noop(
        "Compensation of %(months)s months of service ÷ %(per_wage)s months' wage is owed at the end "
        "of this PKWT; give the monthly wage (basic pay and fixed allowances) to compute it."
    ),
)
COMPENSATION_ODD_DAYS = Plural(
    "days",
    one=gettext_noop(
        "The PKWT also has %(days)s day beyond whole months, not counted here: whether odd days earn a "
        "pro rata share is not settled in the sources."
    ),
    other=gettext_noop(
        "The PKWT also has %(days)s days beyond whole months, not counted here: whether odd days earn "
        "a pro rata share is not settled in the sources."
    ),
)
COMPENSATION_ON_EXTENSION = gettext_noop(
    "Compensation for the PKWT ending on %(expiry)s is due at its end even though it is extended; the "
    "extension earns its own compensation when it ends."
)
COMPENSATION_UNDER_A_MONTH = Plural(
    "days",
    one=gettext_noop(
        "The PKWT lasted %(days)s day, less than %(months)s month of continuous service: no "
        "compensation is owed."
    ),
    other=gettext_noop(
        "The PKWT lasted %(days)s days, less than %(months)s month of continuous service: no "
        "compensation is owed."
    ),
)
COMPENSATION_FOREIGN = gettext_noop("PKWT compensation is not owed to foreign workers.")
COMPENSATION_AFTER_CONVERSION = gettext_noop(
    "The worker is employed under an indefinite contract (PKWTT) from %(beyond)s, so PKWT compensation is "
    "not computed; ending the employment follows the termination rules, which this pack does not assess."
)
NOTICE_NOT_RESEARCHED = gettext_noop(
    "Notice before a PKWT expires was not researched for this pack, so no notice date is given; check the "
    "contract, the company regulations and any collective agreement."
)
NO_PROBATION = gettext_noop("A PKWT cannot set a probation period: probation in a PKWT is void.")
EXPIRY_ENDS_CONTRACT = gettext_noop(
    "The PKWT ends on its expiry date %(expiry)s; nothing in the facts given blocks that."
)
RENEWAL_LAWFUL = gettext_noop("Extending on the terms proposed meets the 5-year limit.")
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the Indonesia rule pack.")


# --- Shared computations ----------------------------------------------------------------------------------


def wage_months(months: int, per_wage: int) -> Decimal:
    """``months`` ÷ ``per_wage`` as months' wage: exact when it has at most 4 decimals, else rounded to 4."""
    value = Decimal(months) / Decimal(per_wage)
    rounded = value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    return value if value == rounded else rounded


# --- Rules ------------------------------------------------------------------------------------------------


class FiveYearLimitRule(Rule):
    """GR 35/2021 Art 8, Manpower Law Art 59: a time-based PKWT lasts at most 5 years with extensions;
    beyond that the worker is indefinite (PKWTT) by law."""

    code = "id.gr35.art8"
    citation = CONVERSION_CITATION
    effective_from = GR35_IN_FORCE
    # RULES.md: the 5-year cap is well supported; the conversion wording is recalled from the statute.
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        on, contracts, action = case.on, case.employee.contracts, case.decision.action
        limit = MAX_PKWT_MONTHS.at(on)
        run = trailing_fixed_terms(contracts)
        periods = [contract_period(contracts[index]) for index in run]
        yield from self._history(case, run)
        beyond = first_day_beyond(periods, limit)
        if beyond is not None:
            yield from self._converted(case, beyond, limit)
            yield self.finding(
                "id.gr35.art8.pkwtt_by_law", Severity.MUST, EXCEEDED, limit=limit, beyond=beyond
            )
            return
        counted = total_length(periods)
        at_limit = counted.total_months == limit and counted.days == 0
        if action is Action.RENEW_OPEN_ENDED:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding("id.gr35.art8.open_ended_renewal", Severity.INFO, OPEN_ENDED_RENEWAL)
            return
        if action is Action.NOT_RENEW:
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, at_limit)
            if at_limit:
                yield self.finding("id.gr35.art8.at_limit", Severity.INFO, AT_LIMIT, limit=limit)
            else:
                yield self.finding(
                    "id.gr35.art8.within_limit",
                    Severity.INFO,
                    WITHIN_LIMIT,
                    months=counted.total_months,
                    days=counted.days,
                    limit=limit,
                )
            return
        start, new_end = case.renewal_start, case.decision.new_end_date
        if new_end is not None:
            beyond = first_day_beyond([*periods, (start, new_end)], limit)
        elif at_limit:
            beyond = start
        else:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            yield self.finding(
                "id.gr35.art8.renewal_end_unknown",
                Severity.SHOULD,
                RENEWAL_END_UNKNOWN,
                months=counted.total_months,
                days=counted.days,
                limit=limit,
            )
            return
        if beyond is None:
            assert new_end is not None
            total = total_length([*periods, (start, new_end)])
            yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "id.gr35.art8.renewal_within_limit",
                Severity.INFO,
                RENEWAL_WITHIN,
                limit=limit,
                months=total.total_months,
                days=total.days,
            )
            return
        yield from self._converted(case, beyond, limit)
        yield self.finding(
            "id.gr35.art8.renewal_exceeds_limit", Severity.MUST, RENEWAL_EXCEEDS, limit=limit, beyond=beyond
        )

    def _converted(self, case: Case, beyond: date, limit: int) -> Iterator[Outcome]:
        action = case.decision.action
        yield self.conclude(Field.AUTOMATIC_CONVERSION, True)
        yield self.conclude(Field.CONVERSION_EFFECTIVE_DATE, beyond)
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
        if action is Action.NOT_RENEW:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
        else:
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, action is Action.RENEW_OPEN_ENDED)

    def _history(self, case: Case, run: list[int]) -> Iterator[Outcome]:
        contracts = case.employee.contracts
        first = contracts[run[0]]
        if first.start < GR35_IN_FORCE:
            yield self.finding(
                "id.gr35.before_gr35",
                Severity.SHOULD,
                BEFORE_GR35,
                index=run[0],
                start=first.start,
                in_force=GR35_IN_FORCE,
            )
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)
        yield from self.gap_findings(
            case, "id.gr35.art8.gap_between_contracts", GAP_BETWEEN_CONTRACTS, indexes=run
        )


class ExpiryRule(Rule):
    """Manpower Law Art 61: a PKWT ends at expiry unless a rule above found otherwise."""

    code = "id.manpower.art61"
    citation = "Manpower Law Art 61"
    effective_from = GR35_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        action, field = case.decision.action, case.lawful_field
        if not case.concluded(field):
            yield self.conclude(field, True)
        if case.conclusions.get(field) is not True:
            return
        if field is Field.NON_RENEWAL_LAWFUL:
            yield self.finding(
                "id.manpower.art61.ends_at_expiry", Severity.INFO, EXPIRY_ENDS_CONTRACT, expiry=case.expiry
            )
        elif action is Action.RENEW_FIXED_TERM:
            yield self.finding(
                "id.gr35.art8.renewal_lawful",
                Severity.INFO,
                RENEWAL_LAWFUL,
                citation=MAX_PKWT_MONTHS.citation,
            )


class CompensationRule(Rule):
    """GR 35/2021 Arts 15-16: at the end of each PKWT, months of service ÷ 12 × one month's wage, after at
    least a month of continuous service; not for foreign workers."""

    code = "id.gr35.art15"
    citation = "GR 35/2021 Art 15-16; Manpower Law Art 61A"
    effective_from = GR35_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        action = case.decision.action
        if action is Action.RENEW_OPEN_ENDED:
            return
        on, expiry, employee = case.on, case.expiry, case.employee
        converted = case.conclusions.get(Field.CONVERSION_EFFECTIVE_DATE)
        if isinstance(converted, date) and converted <= expiry:
            yield self.finding(
                "id.gr35.art15.not_after_conversion",
                Severity.INFO,
                COMPENSATION_AFTER_CONVERSION,
                beyond=converted,
            )
            return
        foreign = case.facts.boolean("foreign_national") is True or any(
            status.kind == "foreign_worker" and status.active_on(expiry) for status in employee.statuses
        )
        if foreign:
            yield self.finding(
                "id.gr35.art15.foreign_worker",
                Severity.INFO,
                COMPENSATION_FOREIGN,
                citation="GR 35/2021 Art 15",
            )
            return
        term = service_length(case.current_contract.start, expiry)
        minimum = COMPENSATION_MIN_MONTHS.at(on)
        if term.total_months < minimum:
            yield self.finding(
                "id.gr35.art15.under_one_month",
                Severity.INFO,
                COMPENSATION_UNDER_A_MONTH,
                citation="GR 35/2021 Art 15",
                days=(expiry - case.current_contract.start).days + 1,
                months=minimum,
            )
            return
        per_wage = MONTHS_PER_WAGE.at(on)
        months = wage_months(term.total_months, per_wage)
        wage = employee.pay.monthly_wage
        wage_text = "monthly wage (unknown)" if wage is None else format_decimal(wage)
        plural = "" if term.total_months == 1 else "s"
        basis = f"{term.total_months} month{plural} of service ÷ {per_wage} × {wage_text}"
        if term.days:
            basis += f"; {term.days} further day{'' if term.days == 1 else 's'} not counted"
        amount = None if wage is None else case.money(wage * term.total_months / per_wage)
        yield self.conclude(
            Field.SEVERANCE,
            Severance(amount, case.currency, months, basis),
            Confidence.MEDIUM if term.days else None,
        )
        if amount is None or wage is None:
            yield self.finding(
                "id.gr35.art16.wage_unknown",
                Severity.SHOULD,
                COMPENSATION_WAGE_UNKNOWN,
                months=term.total_months,
                per_wage=per_wage,
            )
        else:
            yield self.finding(
                "id.gr35.art16.compensation",
                Severity.MUST,
                COMPENSATION_AMOUNT,
                amount=format(amount, "f"),
                currency=case.currency,
                months=term.total_months,
                per_wage=per_wage,
                wage=wage,
            )
        if term.days:
            yield self.finding(
                "id.gr35.art16.odd_days", Severity.SHOULD, COMPENSATION_ODD_DAYS, days=term.days
            )
        if action is Action.RENEW_FIXED_TERM:
            yield self.finding(
                "id.gr35.art15.due_on_extension", Severity.MUST, COMPENSATION_ON_EXTENSION, expiry=expiry
            )


class NoticeRule(Rule):
    """Notice before a PKWT expires was not researched (RULES.md §18): said, not guessed."""

    code = "id.notice"
    citation = ""
    effective_from = GR35_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is Action.NOT_RENEW:
            yield self.finding("id.notice.not_researched", Severity.SHOULD, NOTICE_NOT_RESEARCHED)


class ProbationRule(Rule):
    """Constitutional Court 168/PUU-XXI/2023: probation in a PKWT is void."""

    code = "id.mk.probation"
    citation = COURT_CITATION
    effective_from = GR35_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is Action.RENEW_FIXED_TERM:
            yield self.finding("id.mk.no_probation_in_pkwt", Severity.INFO, NO_PROBATION)


CONSIDERED_KINDS = frozenset(("foreign_worker",))


RULES: tuple[Rule, ...] = (
    FiveYearLimitRule(),
    ExpiryRule(),
    CompensationRule(),
    NoticeRule(),
    ProbationRule(),
    StatusScopeRule(
        code="id.statuses",
        effective_from=GR35_IN_FORCE,
        message=STATUS_NOT_CONSIDERED,
        considered=CONSIDERED_KINDS,
    ),
)

PACKS = (
    Pack(
        code="id",
        jurisdiction="ID",
        name="Indonesia",
        version="2026-07-01",
        effective_from=GR35_IN_FORCE,
        effective_to=None,
        currency="IDR",
        rules=RULES,
        national=True,
        confidence=Confidence.MEDIUM,
        confidence_notes=(
            "Medium-high overall (RULES.md §18): the 5-year limit is well supported; the wording that a PKWT "
            "breaking the rules becomes a PKWTT by law is recalled from the statute, so conversions are "
            "medium.",
            "The law is in flux: the Constitutional Court (31 Oct 2024) ordered a new manpower law within 2 "
            "years; this pack follows GR 35/2021 and Law 6/2023.",
            "Compensation per GR 35 Arts 15-16: months of service ÷ 12 × one month's wage; odd days beyond "
            "whole months are not counted (medium where there are any).",
        ),
        not_covered=(
            "Whether the work is temporary in nature (the condition for any PKWT) is not judged; a PKWT for "
            "permanent work is a PKWTT by law.",
            "Task-based PKWT (ending on completion of the work) is not distinguished from time-based PKWT.",
            "Notice before expiry: not researched; no notice date is given.",
            "Micro and small enterprises, which settle compensation by agreement, are not detected.",
            "Early termination of a PKWT (GR 35 Art 17, Manpower Law Art 62) and the termination payments "
            "after conversion to a PKWTT are not assessed.",
            "Contracts begun before GR 35/2021 are added up under the 5-year limit; the earlier 2 + 1 year "
            "rules and the renewal gap are not applied.",
            "Odd days beyond whole months of a PKWT earn no compensation here.",
            "Regional rules: none are known; a region given gets national rules only.",
        ),
    ),
)
