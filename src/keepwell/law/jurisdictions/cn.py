"""China (mainland): expiry and renewal of fixed-term contracts under the Labor Contract Law (LCL).

Sources: LCL (2007, amended 2012) Arts 14, 19, 42, 44–48, 82, 87, 97; LCL Implementing Regulations (2008)
Arts 9, 25, 27; Beijing Provisions on Labor Contracts Arts 40, 47; Special Provisions on Labor Protection of
Female Employees Art 9; regional notice practice as surveyed in RULES.md §2 and §20.

What the pack reads from the request:

- ``contracts``: the chain of contracts; fixed-term contracts starting on or after 2008-01-01 count towards
  the two consecutive contracts of Art 14(2)(3) (Art 97). ``hire_date`` (else the first contract's start) is
  the first day of employment.
- ``pay.monthly_wage``: the average monthly wage over the 12 months before the end, bonuses, allowances and
  subsidies included (Implementing Regs Art 27); ``pay.currency`` (default CNY).
- ``local_average_monthly_wage``: the previous year's local average monthly wage published by the city,
  for the high-earner cap of Art 47.
- ``statuses``: ``pregnant``, ``maternity_leave``, ``nursing_period``, ``medical_leave``,
  ``occupational_disease``, ``work_injury`` (Art 42(1)–(4)); ``near_retirement`` (fewer than 5 years to
  statutory retirement) and ``long_service`` (15+ consecutive years, when the history given is shorter)
  for Art 42(5). Other kinds are reported as not considered.
- ``facts``: ``employee_requested_continuation``, ``employee_requested_open_ended``,
  ``employee_refused_offer``, ``offered_contract_type``, ``employee_fault_or_incapacity_grounds``,
  ``statutory_retirement_date``, ``child_birth_date``, ``nursing_period_medically_extended``,
  ``termination_notice_given``.
- ``decision.offer``: ``same_or_better`` together with ``employee_refused_offer: true`` removes severance.

Regional variants (``region``): the 30-day notice rule of Beijing (with its late-notice pay), of Liaoning,
Heilongjiang, Jilin, Ningxia, the Xinjiang Production and Construction Corps and Lhasa; "notice recommended,
no stated penalty" for Hubei and Jiangsu (Nanjing included, RULES.md §20); no notice in Shanghai, Zhejiang,
Guangzhou, Shenzhen and Chengdu, and the changing Shanghai position on the second fixed term.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypedDict

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import Schedule, constant
from keepwell.law.registry import Pack, Region
from keepwell.law.rules import Case, Outcome, Rule, StatusScopeRule, format_decimal
from keepwell.law.service import (
    ServiceLength,
    add_years,
    notice_deadline,
    period_last_day,
    service_length,
    trailing_fixed_terms,
)
from keepwell.law.types import (
    Action,
    BlockingProtection,
    Confidence,
    Damages,
    Facts,
    Field,
    Offer,
    Severance,
    Severity,
    Status,
)

LCL_IN_FORCE = date(2008, 1, 1)

# --- Dated parameters (first row = the pack's start; earlier history is not modelled) -----------------

FIXED_TERMS_COUNTED_FROM = constant(
    "cn.fixed_terms_counted_from", LCL_IN_FORCE, LCL_IN_FORCE, citation="LCL Art 97"
)
CONSECUTIVE_FIXED_TERMS_FOR_OPEN_ENDED = constant(
    "cn.consecutive_fixed_terms_for_open_ended", LCL_IN_FORCE, 2, citation="LCL Art 14(2)(3)"
)
SERVICE_YEARS_FOR_OPEN_ENDED = constant(
    "cn.service_years_for_open_ended", LCL_IN_FORCE, 10, citation="LCL Art 14(2)(1)"
)
SEVERANCE_YEARS_COUNTED_FROM = constant(
    "cn.severance_years_counted_from", LCL_IN_FORCE, LCL_IN_FORCE, citation="LCL Art 97"
)
SEVERANCE_MONTHS_PER_YEAR = constant(
    "cn.severance_months_per_year", LCL_IN_FORCE, Decimal(1), citation="LCL Art 47"
)
# A remainder of this many months or more counts as a full year; any shorter remainder as half a year.
SEVERANCE_FULL_YEAR_FROM_MONTHS = constant(
    "cn.severance_full_year_from_months", LCL_IN_FORCE, 6, citation="LCL Art 47"
)
HIGH_EARNER_MULTIPLE = constant("cn.high_earner_multiple", LCL_IN_FORCE, Decimal(3), citation="LCL Art 47")
HIGH_EARNER_YEAR_CAP = constant("cn.high_earner_year_cap", LCL_IN_FORCE, 12, citation="LCL Art 47")
DAMAGES_MULTIPLE = constant("cn.damages_multiple", LCL_IN_FORCE, Decimal(2), citation="LCL Art 87")
LONG_SERVICE_YEARS = constant("cn.long_service_years", LCL_IN_FORCE, 15, citation="LCL Art 42(5)")
YEARS_BEFORE_RETIREMENT = constant("cn.years_before_retirement", LCL_IN_FORCE, 5, citation="LCL Art 42(5)")
NURSING_PERIOD_MONTHS = constant(
    "cn.nursing_period_months",
    LCL_IN_FORCE,
    12,
    citation="Special Provisions on Labor Protection of Female Employees Art 9",
)
UNWRITTEN_CONTRACT_MONTHS = constant("cn.unwritten_contract_months", LCL_IN_FORCE, 1, citation="LCL Art 82")
REGIONAL_NOTICE_DAYS = constant("cn.regional_notice_days", LCL_IN_FORCE, 30, citation="regional rules")


# --- Regional variants ----------------------------------------------------------------------------------


class NoticeKind(StrEnum):
    REQUIRED = "required"
    RECOMMENDED = "recommended"
    NOT_REQUIRED = "not_required"


@dataclass(frozen=True)
class NoticePolicy:
    """A region's rule on notice before expiry."""

    kind: NoticeKind
    citation: str
    days: Schedule[int] | None = None
    late_notice_pay: bool = False


@dataclass(frozen=True)
class ChinaRegion(Region):
    """A Chinese province or city with its notice rule and flags."""

    notice: NoticePolicy = NoticePolicy(NoticeKind.NOT_REQUIRED, "LCL Art 44(1)")
    second_term_position_changing: bool = False


def _thirty_days(name: str) -> NoticePolicy:
    return NoticePolicy(NoticeKind.REQUIRED, f"{name} local labor-contract rules", REGIONAL_NOTICE_DAYS)


def _recommended(name: str) -> NoticePolicy:
    return NoticePolicy(NoticeKind.RECOMMENDED, f"{name} local labor-contract rules (no stated penalty)")


NO_NOTICE_IN_PRACTICE = NoticePolicy(
    NoticeKind.NOT_REQUIRED, "LCL Art 44(1); regional practice (2026 survey)"
)
THIRTY_DAYS_NOTE = "30 days' written notice before expiry (regional survey; article not verified)."
NO_NOTICE_NOTE = "No advance notice required in practice (2026 practitioner summary)."
RECOMMENDED_NOTE = "Notice rules without a stated penalty: notice recommended (RULES.md §20)."

REGIONS: tuple[ChinaRegion, ...] = (
    ChinaRegion(
        key="beijing",
        name="Beijing",
        iso_code="CN-BJ",
        aliases=("北京", "北京市", "CN-11", "BJ"),
        confidence=Confidence.HIGH,
        notes="30 days' written notice of the intention to end or renew; one day's average wage per day late "
        "(Beijing Provisions Art 40, 47; upheld in (2023) Jing 02 Min Zhong 7836).",
        notice=NoticePolicy(
            NoticeKind.REQUIRED,
            "Beijing Provisions Art 40, 47",
            constant("cn.bj.notice_days", LCL_IN_FORCE, 30, citation="Beijing Provisions Art 40, 47"),
            late_notice_pay=True,
        ),
    ),
    ChinaRegion(
        key="shanghai",
        name="Shanghai",
        iso_code="CN-SH",
        aliases=("上海", "上海市", "CN-31", "SH"),
        notes=NO_NOTICE_NOTE + " Non-renewal after the second fixed term: national view applied; the local "
        "position is changing (RULES.md §20).",
        notice=NO_NOTICE_IN_PRACTICE,
        second_term_position_changing=True,
    ),
    ChinaRegion(
        key="shenzhen",
        name="Shenzhen",
        aliases=("深圳", "深圳市"),
        parent="CN-GD",
        notes=NO_NOTICE_NOTE,
        notice=NO_NOTICE_IN_PRACTICE,
    ),
    ChinaRegion(
        key="guangzhou",
        name="Guangzhou",
        aliases=("广州", "广州市"),
        parent="CN-GD",
        notes=NO_NOTICE_NOTE,
        notice=NO_NOTICE_IN_PRACTICE,
    ),
    ChinaRegion(
        key="zhejiang",
        name="Zhejiang",
        iso_code="CN-ZJ",
        aliases=("浙江", "浙江省", "CN-33"),
        notes=NO_NOTICE_NOTE,
        notice=NO_NOTICE_IN_PRACTICE,
    ),
    ChinaRegion(
        key="chengdu",
        name="Chengdu",
        aliases=("成都", "成都市"),
        parent="CN-SC",
        notes=NO_NOTICE_NOTE,
        notice=NO_NOTICE_IN_PRACTICE,
    ),
    ChinaRegion(
        key="liaoning",
        name="Liaoning",
        iso_code="CN-LN",
        aliases=("辽宁", "辽宁省", "CN-21"),
        notes=THIRTY_DAYS_NOTE,
        notice=_thirty_days("Liaoning"),
    ),
    ChinaRegion(
        key="heilongjiang",
        name="Heilongjiang",
        iso_code="CN-HL",
        aliases=("黑龙江", "黑龙江省", "CN-23"),
        notes=THIRTY_DAYS_NOTE,
        notice=_thirty_days("Heilongjiang"),
    ),
    ChinaRegion(
        key="jilin",
        name="Jilin",
        iso_code="CN-JL",
        aliases=("吉林", "吉林省", "CN-22"),
        notes=THIRTY_DAYS_NOTE,
        notice=_thirty_days("Jilin"),
    ),
    ChinaRegion(
        key="ningxia",
        name="Ningxia",
        iso_code="CN-NX",
        aliases=("宁夏", "宁夏回族自治区", "CN-64", "Ningxia Hui Autonomous Region"),
        notes=THIRTY_DAYS_NOTE,
        notice=_thirty_days("Ningxia"),
    ),
    ChinaRegion(
        key="xpcc",
        name="Xinjiang Production and Construction Corps",
        aliases=("XPCC", "新疆生产建设兵团", "兵团"),
        parent="CN-XJ",
        notes=THIRTY_DAYS_NOTE,
        notice=_thirty_days("Xinjiang Production and Construction Corps"),
    ),
    ChinaRegion(
        key="lhasa",
        name="Lhasa",
        aliases=("拉萨", "拉萨市"),
        parent="CN-XZ",
        notes=THIRTY_DAYS_NOTE,
        notice=_thirty_days("Lhasa"),
    ),
    ChinaRegion(
        key="hubei",
        name="Hubei",
        iso_code="CN-HB",
        aliases=("湖北", "湖北省", "CN-42"),
        notes=RECOMMENDED_NOTE,
        notice=_recommended("Hubei"),
    ),
    ChinaRegion(
        key="jiangsu",
        name="Jiangsu",
        iso_code="CN-JS",
        aliases=("江苏", "江苏省", "CN-32"),
        notes=RECOMMENDED_NOTE,
        notice=_recommended("Jiangsu"),
    ),
    ChinaRegion(
        key="nanjing",
        name="Nanjing",
        aliases=("南京", "南京市"),
        parent="CN-JS",
        notes=RECOMMENDED_NOTE + " A 2026 summary reports no notice in practice; Jiangsu's rule is applied.",
        notice=_recommended("Jiangsu"),
    ),
)


# --- Messages (English templates, translated through the catalogues) ---------------------------------

GAP_BETWEEN_CONTRACTS = Plural(
    "days",
    one=gettext_noop(
        "There is %(days)s day between contracts[%(previous)s] and contracts[%(index)s]. Service and "
        "consecutive contracts are counted as continuous; if the employment really ended in between, "
        "the results may differ."
    ),
    other=gettext_noop(
        "There are %(days)s days between contracts[%(previous)s] and contracts[%(index)s]. Service and "
        "consecutive contracts are counted as continuous; if the employment really ended in between, "
        "the results may differ."
    ),
)
NO_WRITTEN_CONTRACT = gettext_noop(
    "Employment began on %(hire_date)s but the first written contract starts on %(contract_start)s. "
    "Working without a written contract for more than a month exposes the employer to double wages, and "
    "after a year an open-ended contract is deemed concluded."
)
ART14_NOT_TRIGGERED = gettext_noop(
    "Consecutive fixed-term contracts counted since %(count_from)s: %(fixed_terms)s (%(needed_contracts)s "
    "needed); full years of service: %(years)s (%(needed_years)s needed). The employee cannot insist on "
    "an open-ended contract."
)
ART14_FAULT_EXCLUDES = gettext_noop(
    "The employer has grounds under LCL Art 39 or Art 40(1)-(2), so the %(fixed_terms)s consecutive "
    "fixed-term contracts do not entitle the employee to an open-ended contract."
)
ART14_ON_REQUEST = gettext_noop(
    "The employee asked to continue and meets LCL Art 14 (consecutive fixed-term contracts: "
    "%(fixed_terms)s; full years of service: %(years)s): the next contract must be open-ended. Not "
    "renewing is unlawful termination."
)
ART14_IF_REQUESTED = gettext_noop(
    "The employee meets LCL Art 14 (consecutive fixed-term contracts: %(fixed_terms)s; full years of "
    "service: %(years)s). If the employee asks to continue, the next contract must be open-ended and not "
    "renewing would be unlawful termination. Record whether the employee asked."
)
ART14_NOT_CONTINUING = gettext_noop(
    "The employee meets LCL Art 14 (consecutive fixed-term contracts: %(fixed_terms)s; full years of "
    "service: %(years)s) but does not wish to continue, so no open-ended contract is owed."
)
ART14_OPEN_ENDED_RENEWAL = gettext_noop(
    "Renewing as an open-ended contract meets LCL Art 14 (consecutive fixed-term contracts: "
    "%(fixed_terms)s; full years of service: %(years)s)."
)
ART14_FIXED_TERM_AGAINST_REQUEST = gettext_noop(
    "The employee asked for an open-ended contract and meets LCL Art 14 (consecutive fixed-term "
    "contracts: %(fixed_terms)s; full years of service: %(years)s): a fixed-term renewal is not lawful."
)
ART82_DOUBLE_WAGES = gettext_noop(
    "Not concluding the open-ended contract the law requires exposes the employer to double wages from "
    "the day it should have been concluded."
)
ART14_FIXED_TERM_BY_CHOICE = gettext_noop(
    "The employee meets LCL Art 14 but did not ask for an open-ended contract; a fixed-term renewal is "
    "lawful if the employee chooses it. Keep the employee's written choice."
)
ART14_FIXED_TERM_UNKNOWN_CHOICE = gettext_noop(
    "The employee meets LCL Art 14 (consecutive fixed-term contracts: %(fixed_terms)s; full years of "
    "service: %(years)s): a fixed-term renewal is lawful only if the employee asks for a fixed term. "
    "Record the employee's choice."
)
RENEWAL_LAWFUL = gettext_noop("Renewing on the terms proposed meets the Labor Contract Law.")
SHANGHAI_SECOND_TERM = gettext_noop(
    "Shanghai courts long allowed non-renewal at the end of the second fixed term; since 2025 they are "
    "moving to the national view applied here (wrongful termination, 2N). Treat this as changing law."
)
PROTECTION_AT_EXPIRY = gettext_noop(
    "Status %(kind)s protects the employee on the expiry date %(expiry)s: the contract cannot end then "
    "and is extended until the protection ends."
)
EXTENDED_UNTIL = gettext_noop(
    "The protections are expected to end on %(until)s; the contract runs until then."
)
WORK_INJURY_GRADE = gettext_noop(
    "For a work injury the disability grade matters: grades 1-4 cannot end, 5-6 may end at the employee's "
    "request, 7-10 may end at expiry (secondary source). Check the grade."
)
CHECK_RETIREMENT = gettext_noop(
    "The employee has %(years)s full years of service. If fewer than %(years_before)s years remain to "
    "statutory retirement, the contract cannot end at expiry: give statutory_retirement_date."
)
NEAR_RETIREMENT_SHORT_SERVICE = Plural(
    "years",
    one=gettext_noop(
        "Fewer than %(years_before)s years remain to statutory retirement, but with %(years)s full "
        "year of service (%(needed)s needed) this does not block expiry."
    ),
    other=gettext_noop(
        "Fewer than %(years_before)s years remain to statutory retirement, but with %(years)s full "
        "years of service (%(needed)s needed) this does not block expiry."
    ),
)
RETIREMENT_REACHED = gettext_noop(
    "The employee reaches statutory retirement on %(retirement)s. If the employee receives a basic "
    "pension, the contract ends for that reason and no severance is owed."
)
EXPIRY_ENDS_CONTRACT = gettext_noop(
    "The fixed-term contract ends on its expiry date %(expiry)s; nothing in the facts given blocks that."
)
SEVERANCE_ON_EXPIRY = gettext_noop(
    "Severance (N) is owed when a fixed-term contract ends at expiry, unless the employer offered renewal "
    "on the same or better terms and the employee declined."
)
SEVERANCE_AMOUNT = gettext_noop("Severance is %(amount)s %(currency)s: %(basis)s.")
SEVERANCE_MONTHS_ONLY = Plural(
    "months",
    one=gettext_noop(
        "Severance is %(months)s month's wage (%(basis)s); give the monthly wage to compute the "
        "amount: the average over the last 12 months, bonuses, allowances and subsidies included."
    ),
    other=gettext_noop(
        "Severance is %(months)s months' wage (%(basis)s); give the monthly wage to compute the "
        "amount: the average over the last 12 months, bonuses, allowances and subsidies included."
    ),
)
DECLINED_SAME_OR_BETTER = gettext_noop(
    "The employer offered renewal on the same or better terms and the employee declined: no severance "
    "is owed."
)
DECLINED_WORSE = gettext_noop("The employee declined a renewal on worse terms, so severance is still owed.")
SAME_OR_BETTER_OPEN = gettext_noop(
    "A renewal on the same or better terms was offered; if the employee declines it, no severance is owed. "
    "Record the employee's answer."
)
HIGH_EARNER_CAP = gettext_noop(
    "The wage %(wage)s is above %(multiple)s × the local average wage %(average)s, so the base is "
    "capped at %(cap)s and at most %(year_cap)s years count."
)
CAP_NOT_CHECKED = gettext_noop(
    "The local average monthly wage is unknown, so the high-earner cap (%(multiple)s × that average, at "
    "most %(year_cap)s years) was not checked; the amount may be too high."
)
SERVICE_BEFORE_2008 = gettext_noop(
    "Service before %(count_from)s (from %(first_day)s) does not count for severance on expiry."
)
UNLAWFUL_TERMINATION = gettext_noop(
    "Ending the employment at expiry is unlawful termination: the employee may demand that the employment "
    "continue or claim damages of twice the severance (2N)."
)
UNLAWFUL_TERMINATION_RISK = gettext_noop(
    "If the non-renewal is held unlawful, the employee may demand that the employment continue or claim "
    "damages of twice the severance (2N)."
)
DAMAGES_FROM_FIRST_DAY = gettext_noop(
    "Damages count years from the first day of employment (%(first_day)s), service before %(count_from)s "
    "included."
)
NO_NATIONAL_NOTICE = gettext_noop(
    "National law requires no notice before expiry, but some regions (Beijing among them) require 30 days. "
    "Give the region to apply its rules."
)
NOTICE_REQUIRED = gettext_noop(
    "%(region)s requires written notice of the intention to end or renew %(days)s days before expiry: "
    "give it by %(deadline)s (expiry %(expiry)s)."
)
LATE_NOTICE_PAY = gettext_noop(
    "Each day the notice is late costs one day's average wage, based on the previous month's wage."
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
NOTICE_RECOMMENDED = gettext_noop(
    "%(region)s has local notice rules without a stated penalty: give written notice of the intention to "
    "end or renew in good time before expiry (%(expiry)s)."
)
NO_NOTICE_REQUIRED = gettext_noop(
    "%(region)s is reported to require no advance notice before expiry; the contract ends at expiry."
)
NO_NEW_PROBATION = gettext_noop(
    "The renewed contract cannot set a new probation period: only one probation is allowed per employer "
    "and employee."
)
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the China rule pack.")

EFFECT_EXTENDED = gettext_noop("contract extended until the protection ends")
EFFECT_MATERNITY = gettext_noop(
    "contract extended until pregnancy, maternity leave and the nursing period end"
)
EFFECT_WORK_INJURY = gettext_noop("contract extended; ending it follows the work-injury insurance rules")
EFFECT_RETIREMENT = gettext_noop("contract extended until statutory retirement")


# --- Shared computations --------------------------------------------------------------------------------

MATERNITY_KINDS = ("pregnant", "maternity_leave", "nursing_period")
PROTECTION_CITATIONS = {
    "occupational_disease": "LCL Art 42(1)-(2), 45",
    "work_injury": "LCL Art 42(2), 45",
    "medical_leave": "LCL Art 42(3), 45",
    "pregnant": "LCL Art 42(4), 45",
    "maternity_leave": "LCL Art 42(4), 45",
    "nursing_period": "LCL Art 42(4), 45",
}
RETIREMENT_KINDS = ("near_retirement", "long_service")
CONSIDERED_KINDS = frozenset((*PROTECTION_CITATIONS, *RETIREMENT_KINDS))


@dataclass(frozen=True)
class OpenEndedRoutes:
    """Whether LCL Art 14(2)(1) (ten years) or (3) (two consecutive fixed terms) applies at expiry."""

    fixed_terms_in_a_row: int
    service: ServiceLength
    two_contracts: bool
    ten_years: bool
    fault_excludes_two_contracts: bool

    @property
    def applies(self) -> bool:
        return self.ten_years or (self.two_contracts and not self.fault_excludes_two_contracts)

    @property
    def citation(self) -> str:
        two = self.two_contracts and not self.fault_excludes_two_contracts
        if self.ten_years and two:
            return "LCL Art 14(2)(1), (3)"
        return "LCL Art 14(2)(1)" if self.ten_years else "LCL Art 14(2)(3)"


def open_ended_routes(case: Case) -> OpenEndedRoutes:
    """Count the trailing run of fixed-term contracts since 2008 and the years of service at expiry."""
    counted_from = FIXED_TERMS_COUNTED_FROM.at(case.on)
    contracts = case.employee.contracts
    # Contracts are in date order, so those started before 2008 are a prefix of the trailing run.
    in_a_row = sum(1 for index in trailing_fixed_terms(contracts) if contracts[index].start >= counted_from)
    service = service_length(case.employee.first_day, case.expiry)
    fault = case.facts.boolean("employee_fault_or_incapacity_grounds") is True
    two_contracts = in_a_row >= CONSECUTIVE_FIXED_TERMS_FOR_OPEN_ENDED.at(case.on)
    return OpenEndedRoutes(
        fixed_terms_in_a_row=in_a_row,
        service=service,
        two_contracts=two_contracts,
        ten_years=service.years >= SERVICE_YEARS_FOR_OPEN_ENDED.at(case.on),
        fault_excludes_two_contracts=two_contracts and fault,
    )


def employee_wants_to_continue(facts: Facts) -> bool | None:
    """Did the employee ask (or agree) to continue? ``None`` when the facts do not say."""
    refused = facts.boolean("employee_refused_offer")
    asked_open_ended = facts.boolean("employee_requested_open_ended")
    asked_to_continue = facts.boolean("employee_requested_continuation")
    if refused is True:
        # Declining a fixed-term offer while insisting on the open-ended contract the law gives is not
        # declining to continue.
        offered = facts.choice("offered_contract_type", ("fixed_term", "open_ended"))
        return asked_open_ended is True and offered == "fixed_term"
    if asked_to_continue is True or asked_open_ended is True:
        return True
    if asked_to_continue is False:
        return False
    return None


@dataclass(frozen=True)
class SeveranceComputation:
    """The Art 47 arithmetic for service from ``first_day`` to expiry."""

    first_day: date
    service: ServiceLength
    months: Decimal
    amount: Decimal | None
    basis: str
    capped: bool
    cap: Decimal | None


def _years_text(value: Decimal) -> str:
    return f"{format_decimal(value)} year{'' if value == 1 else 's'}"


def statutory_months(service: ServiceLength, on: date) -> Decimal:
    """Months' wage for ``service`` under Art 47: a remainder of 6 months or more is a year, less is half."""
    per_year = SEVERANCE_MONTHS_PER_YEAR.at(on)
    years = Decimal(service.years)
    if service.months >= SEVERANCE_FULL_YEAR_FROM_MONTHS.at(on):
        years += 1
    elif not service.is_whole_years:
        years += Decimal("0.5")
    return years * per_year


def compute_severance(case: Case, first_day: date) -> SeveranceComputation:
    """N for service from ``first_day`` to expiry, with the high-earner cap when the average is known."""
    on = case.on
    service = service_length(first_day, case.expiry)
    months = statutory_months(service, on)
    wage = case.employee.pay.monthly_wage
    average = case.employee.local_average_monthly_wage
    multiple = HIGH_EARNER_MULTIPLE.at(on)
    year_cap = HIGH_EARNER_YEAR_CAP.at(on)
    cap = None if average is None else average * multiple
    capped = wage is not None and cap is not None and wage > cap
    base = cap if capped else wage

    counted = f"{service.describe()} of service"
    if not service.is_whole_years:
        counted += f", counted as {_years_text(months)}"
    cap_text = "" if average is None else f"{format_decimal(multiple)} × {format_decimal(average)}"
    if capped and wage is not None and cap is not None:
        months = min(months, Decimal(year_cap))
        basis = (
            f"{counted}, capped at {_years_text(months)} × {format_decimal(cap)} "
            f"(wage {format_decimal(wage)} above the cap {cap_text})"
        )
    elif wage is None:
        basis = f"{counted} × monthly wage (unknown)"
        basis += "; cap not checked" if cap is None else f"; cap {cap_text} applies if exceeded"
    else:
        basis = f"{counted} × {format_decimal(wage)}"
        if cap is None:
            basis += "; cap not checked (local average wage unknown)"
        else:
            # The cap applies only to a wage above 3x the average; equal is not above (Art 47).
            basis += f"; cap {cap_text} {'not exceeded' if wage == cap else 'not reached'}"
    amount = None if base is None else case.money(months * base)
    return SeveranceComputation(
        first_day=first_day,
        service=service,
        months=months,
        amount=amount,
        basis=basis,
        capped=capped,
        cap=cap,
    )


def severance_first_day(case: Case) -> date:
    """Severance on expiry counts service from 2008-01-01 at the earliest (Art 97)."""
    return max(case.employee.first_day, SEVERANCE_YEARS_COUNTED_FROM.at(case.on))


# --- Rules ----------------------------------------------------------------------------------------------


class ContractHistoryRule(Rule):
    """Flags facts that make the history less certain: gaps between contracts, work before any contract."""

    code = "cn.history"
    citation = "LCL Art 14, 82"
    effective_from = LCL_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        contracts = case.employee.contracts
        yield from self.gap_findings(
            case, "cn.history.gap_between_contracts", GAP_BETWEEN_CONTRACTS, citation="LCL Art 14(2)"
        )
        hire_date, first_start = case.employee.hire_date, contracts[0].start
        months = UNWRITTEN_CONTRACT_MONTHS.at(case.on)
        if hire_date is not None and period_last_day(hire_date, months) < first_start:
            yield self.finding(
                "cn.lcl.art82.no_written_contract",
                Severity.SHOULD,
                NO_WRITTEN_CONTRACT,
                citation="LCL Art 14(3), 82",
                hire_date=hire_date,
                contract_start=first_start,
            )
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)


class Counts(TypedDict):
    """Message params shared by the Art 14 findings."""

    fixed_terms: int
    years: int


class OpenEndedContractRule(Rule):
    """LCL Art 14(2): after two consecutive fixed terms or ten years, open-ended on the employee's request."""

    code = "cn.lcl.art14"
    citation = "LCL Art 14(2)"
    effective_from = LCL_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        routes = open_ended_routes(case)
        counts = Counts(fixed_terms=routes.fixed_terms_in_a_row, years=routes.service.years)
        if routes.fault_excludes_two_contracts:
            yield self.finding(
                "cn.lcl.art14.fault_excludes_two_contract_route",
                Severity.INFO,
                ART14_FAULT_EXCLUDES,
                citation="LCL Art 14(2)(3), 39, 40",
                fixed_terms=routes.fixed_terms_in_a_row,
            )
        if not routes.applies:
            yield self.conclude(Field.EMPLOYEE_MAY_REQUEST_OPEN_ENDED, False)
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
            if case.decision.action is not Action.NOT_RENEW:
                yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "cn.lcl.art14.not_triggered",
                Severity.INFO,
                ART14_NOT_TRIGGERED,
                count_from=FIXED_TERMS_COUNTED_FROM.at(case.on),
                needed_contracts=CONSECUTIVE_FIXED_TERMS_FOR_OPEN_ENDED.at(case.on),
                needed_years=SERVICE_YEARS_FOR_OPEN_ENDED.at(case.on),
                **counts,
            )
            return
        yield self.conclude(Field.EMPLOYEE_MAY_REQUEST_OPEN_ENDED, True)
        if case.decision.action is Action.NOT_RENEW:
            yield from self._not_renew(case, routes, counts)
        elif case.decision.action is Action.RENEW_OPEN_ENDED:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "cn.lcl.art14.open_ended_renewal",
                Severity.INFO,
                ART14_OPEN_ENDED_RENEWAL,
                citation=routes.citation,
                **counts,
            )
        else:
            yield from self._renew_fixed_term(case, routes, counts)

    def _not_renew(self, case: Case, routes: OpenEndedRoutes, counts: Counts) -> Iterator[Outcome]:
        wants = employee_wants_to_continue(case.facts)
        yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, wants)
        if wants is True:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
            yield self.finding(
                "cn.lcl.art14.open_ended_on_request",
                Severity.MUST,
                ART14_ON_REQUEST,
                citation=routes.citation,
                **counts,
            )
        elif wants is None:
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding(
                "cn.lcl.art14.open_ended_if_requested",
                Severity.SHOULD,
                ART14_IF_REQUESTED,
                citation=routes.citation,
                **counts,
            )
        else:
            yield self.finding(
                "cn.lcl.art14.employee_not_continuing",
                Severity.INFO,
                ART14_NOT_CONTINUING,
                citation=routes.citation,
                **counts,
            )

    def _renew_fixed_term(self, case: Case, routes: OpenEndedRoutes, counts: Counts) -> Iterator[Outcome]:
        asked_open_ended = case.facts.boolean("employee_requested_open_ended")
        if asked_open_ended is True:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, False)
            yield self.finding(
                "cn.lcl.art14.fixed_term_against_request",
                Severity.MUST,
                ART14_FIXED_TERM_AGAINST_REQUEST,
                citation=routes.citation,
                **counts,
            )
            yield self.finding(
                "cn.lcl.art82.double_wages", Severity.MUST, ART82_DOUBLE_WAGES, citation="LCL Art 82"
            )
        elif asked_open_ended is False:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, False)
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding(
                "cn.lcl.art14.fixed_term_by_choice",
                Severity.SHOULD,
                ART14_FIXED_TERM_BY_CHOICE,
                citation=routes.citation,
            )
        else:
            yield self.conclude(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, None)
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, None)
            yield self.finding(
                "cn.lcl.art14.fixed_term_needs_choice",
                Severity.SHOULD,
                ART14_FIXED_TERM_UNKNOWN_CHOICE,
                citation=routes.citation,
                **counts,
            )


class ShanghaiSecondTermRule(Rule):
    """RULES.md §20.1: the national rule after the second fixed term in Shanghai, flagged as changing."""

    code = "cn.sh.second_term"
    citation = "Shanghai High People's Court opinions (effective 2025-01-01)"
    effective_from = LCL_IN_FORCE
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        region = case.region
        if not isinstance(region, ChinaRegion) or not region.second_term_position_changing:
            return
        routes = open_ended_routes(case)
        only_two_contracts = routes.applies and not routes.ten_years
        if only_two_contracts and case.conclusions.get(Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED) is not False:
            yield self.finding("cn.sh.second_term_position_changing", Severity.SHOULD, SHANGHAI_SECOND_TERM)
            yield self.conclude(Field.CONFIDENCE, Confidence.MEDIUM)


class ExpiryProtectionRule(Rule):
    """LCL Art 42 with Art 45: protections in force at expiry extend the contract until they end."""

    code = "cn.lcl.art42"
    citation = "LCL Art 42, 45"
    effective_from = LCL_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        expiry = case.expiry
        ends: list[date | None] = []
        for status in case.employee.statuses:
            if status.kind not in PROTECTION_CITATIONS or not status.active_on(expiry):
                continue
            citation = PROTECTION_CITATIONS[status.kind]
            if status.kind in MATERNITY_KINDS:
                effect = EFFECT_MATERNITY
            elif status.kind == "work_injury":
                effect = EFFECT_WORK_INJURY
            else:
                effect = EFFECT_EXTENDED
            medium = Confidence.MEDIUM if status.kind == "work_injury" else None
            yield self.conclude(
                Field.BLOCKING_PROTECTIONS, BlockingProtection(status.kind, effect, citation), medium
            )
            yield self.finding(
                "cn.lcl.art42.protection_at_expiry",
                Severity.MUST,
                PROTECTION_AT_EXPIRY,
                citation=citation,
                kind=status.kind,
                expiry=expiry,
            )
            if status.kind == "work_injury":
                yield self.finding(
                    "cn.lcl.art42.work_injury_grade",
                    Severity.SHOULD,
                    WORK_INJURY_GRADE,
                    citation="LCL Art 42(2), 45",
                )
            ends.append(self._end_of(case, status))
        outcomes, protected, retirement = self._retirement(case)
        yield from outcomes
        if protected:
            ends.append(retirement)
        if not ends:
            return
        yield self.conclude(Field.NON_RENEWAL_LAWFUL, False)
        for end in ends:
            yield self.conclude(Field.CONTRACT_EXTENDED_UNTIL, end)
        if all(end is not None for end in ends):
            latest = max(end for end in ends if end is not None)
            yield self.finding(
                "cn.lcl.art45.extended_until",
                Severity.INFO,
                EXTENDED_UNTIL,
                citation="LCL Art 45",
                until=latest,
            )

    def _end_of(self, case: Case, status: Status) -> date | None:
        """When a protection ends: its ``until``; for maternity, the end of the nursing period if known."""
        if status.kind not in MATERNITY_KINDS:
            return status.until
        if status.kind == "nursing_period" and status.until is not None:
            return status.until
        birth = case.facts.date_of("child_birth_date")
        if birth is None or case.facts.boolean("nursing_period_medically_extended") is True:
            return None
        end = period_last_day(birth, NURSING_PERIOD_MONTHS.at(case.on))
        return end if end >= case.expiry else None

    def _retirement(self, case: Case) -> tuple[list[Outcome], bool, date | None]:
        """Art 42(5): 15+ years of service, under 5 years to retirement; gives (outcomes, protected, end)."""
        expiry, on = case.expiry, case.on
        outcomes: list[Outcome] = []
        retirement = case.facts.date_of("statutory_retirement_date")
        statuses = [status for status in case.employee.statuses if status.active_on(expiry)]
        years = service_length(case.employee.first_day, expiry).years
        needed, before = LONG_SERVICE_YEARS.at(on), YEARS_BEFORE_RETIREMENT.at(on)
        long_service = years >= needed or any(status.kind == "long_service" for status in statuses)
        if retirement is not None and retirement <= expiry:
            outcomes.append(
                self.finding(
                    "cn.lcl.art44.retirement_reached",
                    Severity.SHOULD,
                    RETIREMENT_REACHED,
                    citation="LCL Art 44(2)",
                    retirement=retirement,
                )
            )
            return outcomes, False, None
        if retirement is not None:
            near: bool | None = add_years(expiry, before) > retirement
        elif any(status.kind == "near_retirement" for status in statuses):
            near = True
        else:
            near = None
        if near is None:
            if long_service:
                outcomes.append(
                    self.finding(
                        "cn.lcl.art42.check_retirement_date",
                        Severity.SHOULD,
                        CHECK_RETIREMENT,
                        citation="LCL Art 42(5)",
                        years=years,
                        years_before=before,
                    )
                )
            return outcomes, False, None
        if not near:
            return outcomes, False, None
        if not long_service:
            outcomes.append(
                self.finding(
                    "cn.lcl.art42.near_retirement_short_service",
                    Severity.INFO,
                    NEAR_RETIREMENT_SHORT_SERVICE,
                    citation="LCL Art 42(5)",
                    years=years,
                    years_before=before,
                    needed=needed,
                )
            )
            return outcomes, False, None
        outcomes.append(
            self.conclude(
                Field.BLOCKING_PROTECTIONS,
                BlockingProtection("near_retirement", EFFECT_RETIREMENT, "LCL Art 42(5), 45"),
            )
        )
        outcomes.append(
            self.finding(
                "cn.lcl.art42.protection_at_expiry",
                Severity.MUST,
                PROTECTION_AT_EXPIRY,
                citation="LCL Art 42(5), 45",
                kind="near_retirement",
                expiry=expiry,
            )
        )
        return outcomes, True, retirement


class ExpiryRule(Rule):
    """LCL Art 44(1): a fixed-term contract ends at expiry unless an earlier rule found it cannot."""

    code = "cn.lcl.art44"
    citation = "LCL Art 44(1)"
    effective_from = LCL_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        # The law has no automatic conversion of a fixed-term chain into an open-ended contract.
        yield self.conclude(Field.AUTOMATIC_CONVERSION, False)
        if case.decision.action is Action.NOT_RENEW and not case.concluded(Field.NON_RENEWAL_LAWFUL):
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
            yield self.finding(
                "cn.lcl.art44.expiry_ends_contract", Severity.INFO, EXPIRY_ENDS_CONTRACT, expiry=case.expiry
            )
        if case.decision.action is not Action.NOT_RENEW and case.conclusions.get(
            Field.RENEWAL_AS_PROPOSED_LAWFUL
        ):
            yield self.finding(
                "cn.lcl.art14.renewal_lawful", Severity.INFO, RENEWAL_LAWFUL, citation="LCL Art 14"
            )


class SeveranceRule(Rule):
    """LCL Art 46(5), 47 and 97: severance (N) when a fixed-term contract ends at expiry."""

    code = "cn.lcl.art46"
    citation = "LCL Art 46(5)"
    effective_from = LCL_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        offer, currency = case.decision.offer, case.currency
        declined = case.facts.boolean("employee_refused_offer")
        if offer is Offer.SAME_OR_BETTER and declined is True:
            basis = "renewal offered on the same or better terms and declined by the employee"
            yield self.conclude(
                Field.SEVERANCE, Severance(case.money(Decimal(0)), currency, Decimal(0), basis)
            )
            yield self.finding("cn.lcl.art46.declined_same_or_better", Severity.INFO, DECLINED_SAME_OR_BETTER)
            return
        first_day = severance_first_day(case)
        computed = compute_severance(case, first_day)
        unchecked_cap = computed.cap is None and computed.amount is not None
        yield self.conclude(
            Field.SEVERANCE,
            Severance(computed.amount, currency, computed.months, computed.basis),
            Confidence.MEDIUM if unchecked_cap else None,
        )
        yield self.finding("cn.lcl.art46.severance_on_expiry", Severity.MUST, SEVERANCE_ON_EXPIRY)
        if offer is Offer.WORSE and declined is True:
            yield self.finding("cn.lcl.art46.declined_worse_offer", Severity.INFO, DECLINED_WORSE)
        if offer is Offer.SAME_OR_BETTER:
            yield self.finding("cn.lcl.art46.same_or_better_offer_open", Severity.SHOULD, SAME_OR_BETTER_OPEN)
        if computed.amount is None:
            yield self.finding(
                "cn.lcl.art47.wage_unknown",
                Severity.SHOULD,
                SEVERANCE_MONTHS_ONLY,
                citation="LCL Art 47",
                months=computed.months,
                basis=computed.basis,
            )
        else:
            yield self.finding(
                "cn.lcl.art47.severance_amount",
                Severity.INFO,
                SEVERANCE_AMOUNT,
                citation="LCL Art 47",
                amount=format(computed.amount, "f"),
                currency=currency,
                basis=computed.basis,
            )
        if computed.capped and computed.cap is not None:
            yield self.finding(
                "cn.lcl.art47.high_earner_cap",
                Severity.INFO,
                HIGH_EARNER_CAP,
                citation="LCL Art 47",
                wage=case.employee.pay.monthly_wage or Decimal(0),
                multiple=HIGH_EARNER_MULTIPLE.at(case.on),
                average=case.employee.local_average_monthly_wage or Decimal(0),
                cap=computed.cap,
                year_cap=HIGH_EARNER_YEAR_CAP.at(case.on),
            )
        if unchecked_cap:
            yield self.finding(
                "cn.lcl.art47.cap_not_checked",
                Severity.SHOULD,
                CAP_NOT_CHECKED,
                citation="LCL Art 47",
                multiple=HIGH_EARNER_MULTIPLE.at(case.on),
                year_cap=HIGH_EARNER_YEAR_CAP.at(case.on),
            )
        if case.employee.first_day < first_day:
            yield self.finding(
                "cn.lcl.art97.service_before_2008",
                Severity.INFO,
                SERVICE_BEFORE_2008,
                citation="LCL Art 97",
                count_from=first_day,
                first_day=case.employee.first_day,
            )


class DamagesRule(Rule):
    """LCL Art 48 and 87, Implementing Regs Art 25: 2N when ending at expiry is (or may be) unlawful."""

    code = "cn.lcl.art87"
    citation = "LCL Art 48, 87"
    effective_from = LCL_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        lawful = case.conclusions.get(Field.NON_RENEWAL_LAWFUL)
        if lawful is True:
            return
        # Damages count from the first day of employment, before 2008 included (Implementing Regs Art 25),
        # and regardless of any renewal offer.
        computed = compute_severance(case, case.employee.first_day)
        multiple = DAMAGES_MULTIPLE.at(case.on)
        amount = None if computed.amount is None else case.money(computed.amount * multiple)
        severance = case.conclusions.get(Field.SEVERANCE)
        same_as_severance = (
            isinstance(severance, Severance)
            and severance.months == computed.months
            and severance.amount == computed.amount
        )
        factor = format_decimal(multiple)
        basis = f"{factor} × severance" if same_as_severance else f"{factor} × ({computed.basis})"
        yield self.conclude(Field.DAMAGES_IF_UNLAWFUL, Damages(amount, case.currency, basis))
        if lawful is False:
            yield self.finding("cn.lcl.art87.unlawful_termination", Severity.MUST, UNLAWFUL_TERMINATION)
        else:
            yield self.finding(
                "cn.lcl.art87.unlawful_termination_risk", Severity.SHOULD, UNLAWFUL_TERMINATION_RISK
            )
        counted_from = SEVERANCE_YEARS_COUNTED_FROM.at(case.on)
        if case.employee.first_day < counted_from:
            yield self.finding(
                "cn.regs.art25.damages_from_first_day",
                Severity.INFO,
                DAMAGES_FROM_FIRST_DAY,
                citation="LCL Implementing Regs Art 25",
                first_day=case.employee.first_day,
                count_from=counted_from,
            )


class NoticeRule(Rule):
    """Notice before expiry: none nationally; regional variants decide (RULES.md §2, §20.2)."""

    code = "cn.notice"
    citation = "LCL Art 44(1)"
    effective_from = LCL_IN_FORCE

    def inspect(self, case: Case) -> Iterator[Outcome]:
        region = case.region
        if case.request.region is not None and not isinstance(region, ChinaRegion):
            return  # not covered: the notice date stays unknown, as the region finding says
        expiry = case.expiry
        if not isinstance(region, ChinaRegion):
            yield self.conclude(Field.LAST_NOTICE_DATE, None)
            yield self.finding("cn.notice.none_nationally", Severity.INFO, NO_NATIONAL_NOTICE)
            return
        policy = region.notice
        if policy.kind is NoticeKind.NOT_REQUIRED:
            yield self.conclude(Field.LAST_NOTICE_DATE, None, region.confidence)
            yield self.finding(
                "cn.notice.not_required_in_region",
                Severity.INFO,
                NO_NOTICE_REQUIRED,
                citation=policy.citation,
                region=region.name,
            )
            return
        if policy.kind is NoticeKind.RECOMMENDED or policy.days is None:
            yield self.conclude(Field.LAST_NOTICE_DATE, None, region.confidence)
            yield self.finding(
                "cn.notice.recommended_in_region",
                Severity.SHOULD,
                NOTICE_RECOMMENDED,
                citation=policy.citation,
                region=region.name,
                expiry=expiry,
            )
            return
        days = policy.days.at(case.on)
        deadline = notice_deadline(expiry, days)
        yield self.conclude(Field.LAST_NOTICE_DATE, deadline, region.confidence)
        yield self.finding(
            "cn.notice.required_in_region",
            Severity.MUST,
            NOTICE_REQUIRED,
            citation=policy.citation,
            region=region.name,
            days=days,
            deadline=deadline,
            expiry=expiry,
        )
        if policy.late_notice_pay:
            yield self.finding(
                "cn.notice.late_notice_pay", Severity.MUST, LATE_NOTICE_PAY, citation=policy.citation
            )
        yield from self.notice_timeliness(
            case,
            deadline,
            in_time=("cn.notice.given_in_time", NOTICE_GIVEN_IN_TIME),
            late=("cn.notice.given_late", NOTICE_LATE),
            passed=("cn.notice.deadline_passed", NOTICE_DEADLINE_PASSED),
            citation=policy.citation,
        )


class ProbationRule(Rule):
    """LCL Art 19: one probation per employer and employee, so none in a renewal."""

    code = "cn.lcl.art19"
    citation = "LCL Art 19"
    effective_from = LCL_IN_FORCE

    def inspect(self, case: Case) -> Iterable[Outcome]:
        if case.decision.action is Action.NOT_RENEW:
            return ()
        return (self.finding("cn.lcl.art19.no_new_probation", Severity.INFO, NO_NEW_PROBATION),)


RULES: tuple[Rule, ...] = (
    ContractHistoryRule(),
    OpenEndedContractRule(),
    ShanghaiSecondTermRule(),
    ExpiryProtectionRule(),
    ExpiryRule(),
    SeveranceRule(),
    DamagesRule(),
    NoticeRule(),
    ProbationRule(),
    StatusScopeRule(
        code="cn.statuses",
        effective_from=LCL_IN_FORCE,
        message=STATUS_NOT_CONSIDERED,
        considered=CONSIDERED_KINDS,
    ),
)

PACKS = (
    Pack(
        code="cn",
        jurisdiction="CN",
        name="China (mainland)",
        version="2026-07-01",
        effective_from=LCL_IN_FORCE,
        effective_to=None,
        currency="CNY",
        rules=RULES,
        regions=REGIONS,
        confidence=Confidence.HIGH,
        confidence_notes=(
            "Statutory rules (LCL Arts 14, 42, 44-47, 87, 97): high.",
            "Regional notice rules: medium, except Beijing (regulation upheld in court): high.",
            "Shanghai non-renewal after the second fixed term: medium, the local position is changing; the "
            "national view is applied.",
            "Work-injury disability grades (which grades may end at expiry): medium, secondary source.",
        ),
        not_covered=(
            "Interpretation (II) Art 10 (2025): extensions over one year, auto-renewal clauses, a switched "
            "contracting entity or other arrangements that count as a second contract are not detected; "
            "list such contracts as separate contracts.",
            "Art 14(2)(2) (first adoption of the contract system or restructuring of a state-owned "
            "enterprise) is not assessed.",
            "The deemed open-ended contract and double wages for work without a written contract (Art 14(3), "
            "Art 82) are flagged, not computed.",
            "The wage base is taken as given: the 12-month average incl. bonuses, allowances and subsidies; "
            "the local minimum-wage floor (Implementing Regs Art 27) is not checked.",
            "Severance under the pre-2008 rules: years before 2008-01-01 simply earn nothing on expiry.",
            "Work-injury disability grades (1-4, 5-6, 7-10) are not distinguished.",
            "Statutory retirement dates are an input (statutory_retirement_date), not computed; the end "
            "of the contract on receipt of a basic pension (Art 44(2)) is flagged, not detected.",
            "Beijing's late-notice pay is explained, not computed (it needs the previous month's wage).",
            "Local extensions of the nursing period are not applied.",
            "Continued work after expiry without a new contract, early termination (Arts 36-41) and "
            "collective redundancies are out of scope.",
            "Regions other than those listed: national rules only, and the notice date stays unknown.",
            "Probation limits of Art 19 are not checked beyond 'no new probation on renewal'.",
        ),
    ),
)
