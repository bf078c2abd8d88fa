"""India: expiry and renewal of fixed-term employment under the Labour Codes (in force from 2025-11-21).

Sources (RULES.md §14 and §20.10): Industrial Relations Code 2020 (the definition of fixed term employment,
with parity and gratuity after one year; the retrenchment definition, which excludes non-renewal at
expiry, as in Industrial Disputes Act s2(oo)(bb) and *Bhavnagar Municipal Corp.* 2013); Code on Social
Security 2020 s53 (gratuity); Code on Wages 2019 (the definition of wages).

The module is ``in_`` because ``in`` is a Python keyword; the pack's code is ``in``.

What the pack reads from the request:

- ``contracts``: the current contract's dates; the trailing run of fixed-term contracts (a chain of
  renewals is flagged: standing orders and courts may treat it as a sham). ``hire_date`` (else the first
  contract's start) is the first day of service.
- ``pay.monthly_wage``: the last monthly wages as the Code on Wages defines them (allowances above 50% of
  pay added back), taken as given; ``pay.currency`` (default INR: the ceiling is tabled in rupees, so no
  amount is computed for pay in another currency).
- ``statuses``: ``pregnant`` and ``maternity_leave``; whether maternity protection stops an expiry is
  unclear (low). Other kinds are reported as not considered.
- ``decision.action``. ``facts`` and ``offer`` are not read.

There is no cap on fixed terms and no conversion: ``automatic_conversion``,
``next_contract_must_be_open_ended`` and ``employee_may_request_open_ended`` stay null (the concepts do
not exist here). Gratuity is reported as ``severance``; under one year of service nothing is owed (null).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.parameters import constant
from keepwell.law.registry import Pack
from keepwell.law.rules import Case, NoNoticeRule, Outcome, Rule, StatusScopeRule, format_decimal
from keepwell.law.service import service_length, trailing_fixed_terms
from keepwell.law.types import Action, Confidence, Field, Severance, Severity

LABOUR_CODES_IN_FORCE = date(2025, 11, 21)
INR = "INR"
IR_CODE = "Industrial Relations Code 2020"
GRATUITY_CITATION = "Code on Social Security 2020 s53"
FIXED_TERM_CITATION = f"{IR_CODE} (fixed term employment)"
RETRENCHMENT_CITATION = f"{IR_CODE} (retrenchment)"
MATERNITY_CITATION = "Code on Social Security 2020 (maternity benefit)"

# --- Dated parameters (first row = the Labour Codes' start; earlier law is not modelled) ---------------

GRATUITY_QUALIFYING_YEARS = constant(
    "in.gratuity_qualifying_years", LABOUR_CODES_IN_FORCE, 1, citation=FIXED_TERM_CITATION
)
GRATUITY_DAYS_PER_YEAR = constant(
    "in.gratuity_days_per_year", LABOUR_CODES_IN_FORCE, Decimal(15), citation=GRATUITY_CITATION
)
# "15 days' wages" is the monthly wage × 15/26: a month counts 26 working days.
WORKING_DAYS_PER_MONTH = constant(
    "in.working_days_per_month", LABOUR_CODES_IN_FORCE, Decimal(26), citation=GRATUITY_CITATION
)
# ₹20 lakh: the Payment of Gratuity Act figure, not confirmed under the Code (medium).
GRATUITY_CEILING = constant(
    "in.gratuity_ceiling", LABOUR_CODES_IN_FORCE, Decimal(2_000_000), citation=GRATUITY_CITATION
)


# --- Messages (English templates, translated through the catalogues) ---------------------------------

NO_CAP = gettext_noop(
    "There is no statutory cap on the length or number of fixed-term contracts and no conversion into "
    "permanent employment."
)
PARITY = gettext_noop(
    "A fixed-term employee must get the same hours, wages, allowances and benefits as comparable permanent "
    "staff, and statutory benefits pro rata."
)
CHAIN_OF_FIXED_TERMS = gettext_noop(
    "The chain counts %(count)s fixed-term contracts in a row. State standing orders and courts can treat "
    "a chain of fixed-term contracts used to deny permanent status as unfair (not researched in depth)."
)
NOT_RETRENCHMENT = gettext_noop(
    "Not renewing a fixed-term contract at its expiry on %(expiry)s is not retrenchment: no retrenchment "
    "compensation or notice is due."
)
RENEWAL_LAWFUL = gettext_noop(
    "Renewing a fixed-term contract, on a fixed term or permanently, is not limited by statute."
)
MATERNITY_UNCLEAR = gettext_noop(
    "Status %(kind)s on the expiry date %(expiry)s: maternity rules bar dismissal during maternity absence; "
    "whether they stop a fixed term from expiring is unclear."
)
GRATUITY = gettext_noop("Gratuity of %(amount)s %(currency)s is due: %(basis)s.")
GRATUITY_NOT_COMPUTED = gettext_noop("Gratuity is due but its amount is not computed: %(basis)s.")
GRATUITY_UNDER_ONE_YEAR = gettext_noop(
    "Service from %(first_day)s to %(expiry)s is under %(years)s year: no gratuity is due."
)
PART_YEAR_UNSETTLED = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop(
            "Service runs %(months)s month and %(days)s day beyond the complete years. Whether part "
            "years of a fixed-term employee earn a pro-rata share is not settled, so they are not "
            "counted."
        ),
        other=gettext_noop(
            "Service runs %(months)s month and %(days)s days beyond the complete years. Whether part "
            "years of a fixed-term employee earn a pro-rata share is not settled, so they are not "
            "counted."
        ),
    ),
    other=Plural(
        "days",
        one=gettext_noop(
            "Service runs %(months)s months and %(days)s day beyond the complete years. Whether part "
            "years of a fixed-term employee earn a pro-rata share is not settled, so they are not "
            "counted."
        ),
        other=gettext_noop(
            "Service runs %(months)s months and %(days)s days beyond the complete years. Whether part "
            "years of a fixed-term employee earn a pro-rata share is not settled, so they are not "
            "counted."
        ),
    ),
)
GRATUITY_CEILING_REACHED = gettext_noop(
    "The computed gratuity %(computed)s is above the ceiling of %(ceiling)s, so %(ceiling)s is due (the "
    "ceiling is the Payment of Gratuity Act figure, not confirmed under the Code)."
)
NO_NOTICE = gettext_noop("No notice is needed when a fixed-term contract ends on its expiry date.")
STATUS_NOT_CONSIDERED = gettext_noop("Status %(kind)s is not considered by the India rule pack.")

MATERNITY_KINDS = ("pregnant", "maternity_leave")


# --- Rules ----------------------------------------------------------------------------------------------


class FixedTermEmploymentRule(Rule):
    """IR Code: fixed-term employment has no cap and no conversion, but parity with permanent staff."""

    code = "in.irc.fixed_term"
    citation = FIXED_TERM_CITATION
    effective_from = LABOUR_CODES_IN_FORCE
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        yield self.finding("in.irc.fixed_term.no_cap", Severity.INFO, NO_CAP)
        yield self.finding("in.irc.fixed_term.parity", Severity.INFO, PARITY)
        in_a_row = len(trailing_fixed_terms(case.employee.contracts))
        if case.decision.action is not Action.NOT_RENEW:
            in_a_row += 1  # the proposed renewal joins the chain
            yield self.conclude(Field.RENEWAL_AS_PROPOSED_LAWFUL, True)
            yield self.finding("in.irc.fixed_term.renewal_lawful", Severity.INFO, RENEWAL_LAWFUL)
        if in_a_row >= 2 and case.decision.action is not Action.RENEW_OPEN_ENDED:
            yield self.finding(
                "in.standing_orders.chain_of_fixed_terms",
                Severity.SHOULD,
                CHAIN_OF_FIXED_TERMS,
                citation="State standing orders; case law",
                count=in_a_row,
            )
            yield self.conclude(Field.CONFIDENCE, Confidence.LOW)


class MaternityRule(Rule):
    """Maternity rules bar dismissal during maternity absence; whether they stop expiry is unclear (low)."""

    code = "in.maternity"
    citation = MATERNITY_CITATION
    effective_from = LABOUR_CODES_IN_FORCE
    confidence = Confidence.LOW

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        for kind in dict.fromkeys(
            status.kind
            for status in case.employee.statuses
            if status.kind in MATERNITY_KINDS and status.active_on(case.expiry)
        ):
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, None)
            yield self.finding(
                "in.maternity.expiry_unclear",
                Severity.SHOULD,
                MATERNITY_UNCLEAR,
                kind=kind,
                expiry=case.expiry,
            )


class ExpiryRule(Rule):
    """IR Code retrenchment definition: non-renewal at expiry is not retrenchment and ends the contract."""

    code = "in.irc.retrenchment"
    citation = RETRENCHMENT_CITATION
    effective_from = LABOUR_CODES_IN_FORCE
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        if not case.concluded(Field.NON_RENEWAL_LAWFUL):
            yield self.conclude(Field.NON_RENEWAL_LAWFUL, True)
        yield self.finding("in.irc.not_retrenchment", Severity.INFO, NOT_RETRENCHMENT, expiry=case.expiry)


class GratuityRule(Rule):
    """Code on Social Security s53 with the IR Code: gratuity for fixed-term employees after one year."""

    code = "in.ssc.s53"
    citation = GRATUITY_CITATION
    effective_from = LABOUR_CODES_IN_FORCE
    confidence = Confidence.MEDIUM

    def inspect(self, case: Case) -> Iterator[Outcome]:
        if case.decision.action is not Action.NOT_RENEW:
            return
        on, first_day, expiry = case.on, case.employee.first_day, case.expiry
        service = service_length(first_day, expiry)
        needed = GRATUITY_QUALIFYING_YEARS.at(on)
        if service.years < needed:
            yield self.finding(
                "in.ssc.s53.under_one_year",
                Severity.INFO,
                GRATUITY_UNDER_ONE_YEAR,
                citation=FIXED_TERM_CITATION,
                first_day=first_day,
                expiry=expiry,
                years=needed,
            )
            return
        days, month_days = GRATUITY_DAYS_PER_YEAR.at(on), WORKING_DAYS_PER_MONTH.at(on)
        ceiling = GRATUITY_CEILING.at(on)
        wage = case.employee.pay.monthly_wage
        years = f"{service.years} complete year{'' if service.years == 1 else 's'}"
        formula = f"{years} × {format_decimal(days)}/{format_decimal(month_days)}"
        computed: Decimal | None = None
        capped = False
        if case.currency != INR:
            basis = f"{formula} × monthly wage, but pay is given in {case.currency} and the ceiling in {INR}"
        elif wage is None:
            basis = f"{formula} × monthly wage (unknown), at most {format_decimal(ceiling)}"
        else:
            computed = case.money(service.years * wage * days / month_days)
            basis = f"{formula} × {format_decimal(wage)} = {format(computed, 'f')}"
            capped = computed > ceiling
            if capped:
                basis += f", capped at the ceiling {format_decimal(ceiling)}"
            else:
                basis += f"; {'at' if computed == ceiling else 'under'} the ceiling {format_decimal(ceiling)}"
        amount = None if computed is None else case.money(min(computed, ceiling))
        yield self.conclude(Field.SEVERANCE, Severance(amount, case.currency, None, basis))
        if amount is None:
            yield self.finding(
                "in.ssc.s53.gratuity_not_computed", Severity.SHOULD, GRATUITY_NOT_COMPUTED, basis=basis
            )
        else:
            yield self.finding(
                "in.ssc.s53.gratuity",
                Severity.MUST,
                GRATUITY,
                amount=format(amount, "f"),
                currency=case.currency,
                basis=basis,
            )
        if capped and computed is not None:
            yield self.finding(
                "in.ssc.s53.ceiling_reached",
                Severity.INFO,
                GRATUITY_CEILING_REACHED,
                computed=format(computed, "f"),
                ceiling=ceiling,
            )
        if not service.is_whole_years:
            yield self.finding(
                "in.ssc.s53.part_year_unsettled",
                Severity.SHOULD,
                PART_YEAR_UNSETTLED,
                citation=f"{GRATUITY_CITATION}; {FIXED_TERM_CITATION}",
                months=service.months,
                days=service.days,
            )


RULES: tuple[Rule, ...] = (
    FixedTermEmploymentRule(),
    MaternityRule(),
    ExpiryRule(),
    GratuityRule(),
    NoNoticeRule(
        code="in.notice",
        citation=RETRENCHMENT_CITATION,
        effective_from=LABOUR_CODES_IN_FORCE,
        confidence=Confidence.MEDIUM,
        finding_code="in.notice.none_on_expiry",
        message=NO_NOTICE,
    ),
    StatusScopeRule(
        code="in.statuses",
        effective_from=LABOUR_CODES_IN_FORCE,
        message=STATUS_NOT_CONSIDERED,
        considered=MATERNITY_KINDS,
    ),
)

PACKS = (
    Pack(
        code="in",
        jurisdiction="IN",
        name="India",
        version="2026-07-01",
        effective_from=LABOUR_CODES_IN_FORCE,
        effective_to=None,
        currency=INR,
        rules=RULES,
        confidence=Confidence.MEDIUM,
        confidence_notes=(
            "Medium overall: the Labour Codes are new (2025-11-21) and rules under the old Acts continue "
            "until new rules are notified.",
            "The gratuity ceiling of 20 lakh rupees is the Payment of Gratuity Act figure, not confirmed "
            "under the Code on Social Security: medium.",
            "Part years and the one-year threshold for fixed-term gratuity are debated: only complete years "
            "are counted and the remainder is flagged.",
            "Chains of fixed-term contracts (standing orders, courts) and whether maternity protection stops "
            "expiry: low.",
        ),
        not_covered=(
            "The wages base is taken as given: the Code on Wages' 50% add-back of excluded allowances is not "
            "computed.",
            "A pro-rata share of gratuity for a part year is not computed (the treatment is not settled).",
            "State standing orders and case law on sham chains of fixed-term contracts are flagged, not "
            "applied; state rules are not covered (any region gets a region-not-covered finding).",
            "Whether parity with permanent staff was respected is not checked.",
            "Probation depends on standing orders and is not checked.",
            "Service before 2025-11-21 is counted in full for gratuity; transitional treatment is not "
            "researched. Decisions before 2025-11-21 (the old Acts) are not assessed.",
        ),
    ),
)
