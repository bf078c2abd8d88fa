"""The renewal cost view and recommendation: an action with ordered, plain-language reasons.

Inputs: the employee's evaluation (scores and quadrant), trend findings, diagnosis, client-loss
risk, bench, the labour-law assessments per decision (``labor-law/SCHEMA.md`` dicts keyed
``not_renew`` / ``renew_fixed_term`` / ``renew_open_ended``, or ``supported: false`` dicts), the
tenant's :class:`CostSettings` and the employee's monthly pay.

**Legal position** (:func:`read_legal_position`). ``next_contract_must_be_open_ended`` and
``employee_may_request_open_ended`` combine over the supported assessments (any true → true; else
any null → unknown; else false); ``non_renewal_lawful``, ``severance``, ``damages_if_unlawful``,
``blocking_protections`` and ``last_notice_date`` come from the ``not_renew`` assessment; a
``renew_fixed_term`` assessment with ``renewal_as_proposed_lawful: false`` also means the next
contract must be open-ended.

**Legal constraint** on any renewal: ``open_ended_required`` when the next contract must be
open-ended; else ``open_ended_if_requested`` when the employee may ask for it (then it must be,
if they ask); ``legal_position_unknown`` when no rule pack supports the case.

**Cost view** (all in the reporting currency; other currencies through ``exchange_rates``):

- separation payment: ``damages_if_unlawful`` when non-renewal is unlawful, else ``severance``
  (0 when the pack says nothing is owed: ``severance: null`` in a supported assessment), unknown
  without a supported ``not_renew`` assessment (then left out of the total, which is flagged
  incomplete);
- replacement cost: the tenant's setting;
- ramp-up lost margin = ramp-up months × (1 − ramp-up productivity) × the seat's monthly revenue
  × gross margin rate; the seat's monthly revenue is the diagnosis' monthly revenue, else the
  client risk's 12-month revenue ÷ 12, else 0;
- revenue at risk = the revenue of strong-relationship accounts over 12 months; margin at risk
  = revenue at risk × expected client-loss share × gross margin rate;
- cost of not renewing = separation payment + replacement + ramp-up lost margin + margin at
  risk, against the improvement plan's cost; also in months of pay.

**Rules** (the first that applies decides; ``open_ended`` = the next contract must be open-ended):

1. ``insufficient_data_protected`` — quadrant insufficient_data and non-renewal unlawful or blocked
   by a protection: **renew** (renew_open_ended_required if open_ended).
2. ``insufficient_data`` — quadrant insufficient_data: **escalate**.
3. ``core`` — core: **renew** (renew_open_ended_required if open_ended).
4. ``develop_skills`` — develop_skills: **renew_with_improvement_plan**, plan focus skills.
5. ``culture_fit_escalate`` — culture_fit with attitude below ``culture_fit_minimum_attitude``
   (35) or a declining trend: **escalate**.
6. ``culture_fit`` — culture_fit: **renew_with_improvement_plan**, plan focus culture fit.
7. ``let_go_escalate`` — let_go, and any of: no supported rule pack or non-renewal of unknown
   lawfulness; non-renewal unlawful or blocked by a protection; an improving trend; a cost of not
   renewing above ``escalate_above_months_of_pay`` (12) months of pay: **escalate**.
8. ``let_go`` — let_go: **do_not_renew**.

**How the plan and the open-ended obligation combine.** ``renew_open_ended_required`` is the
action only for a plain renewal; when the rules ask for an improvement plan the action stays
``renew_with_improvement_plan`` (the plan is what the manager must organise) and the obligation
travels in ``legal_constraint`` and in a ``legal.*`` reason. Every renewing or escalated
recommendation carries the legal constraint when there is one, so the contract type is never
missed.

**Reasons, in order:** the rule's own reason (the quadrant and scores, or what triggered the
escalation); then, for develop_skills and culture_fit, the largest diagnosis gap with its process
causes, the bench, the client-loss risk; then trend findings; then the legal reasons (constraint,
unlawful non-renewal, protections, severance and notice deadline for a non-renewal); last the
cost comparison.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from keepwell.engine.diagnosis import Diagnosis, display_factor, factor_name
from keepwell.engine.errors import MissingExchangeRate
from keepwell.engine.risk import Bench, ClientLossRisk
from keepwell.engine.scoring import EmployeeEvaluation, Quadrant, format_metric_value, metric_name
from keepwell.engine.trend import TrendCode, TrendFinding
from keepwell.engine.wording import (
    Message,
    format_money,
    format_number,
    gettext_noop,
    message,
    quantize,
    quantize_optional,
)

DECISIONS = ("not_renew", "renew_fixed_term", "renew_open_ended")
"""The keys of the legal assessments, one per decision (SCHEMA.md ``decision.action``)."""


class RenewalAction(StrEnum):
    """The recommended action (stable values)."""

    RENEW = "renew"
    RENEW_WITH_IMPROVEMENT_PLAN = "renew_with_improvement_plan"
    RENEW_OPEN_ENDED_REQUIRED = "renew_open_ended_required"
    DO_NOT_RENEW = "do_not_renew"
    ESCALATE = "escalate"


class PlanFocus(StrEnum):
    """What an improvement plan works on."""

    SKILLS = "skills"
    CULTURE_FIT = "culture_fit"


class LegalConstraintCode(StrEnum):
    """The legal condition on the next contract."""

    OPEN_ENDED_REQUIRED = "open_ended_required"
    OPEN_ENDED_IF_REQUESTED = "open_ended_if_requested"
    LEGAL_POSITION_UNKNOWN = "legal_position_unknown"


class SeparationBasis(StrEnum):
    """Which legal amount the separation payment of the cost view is."""

    SEVERANCE = "severance"
    DAMAGES_IF_UNLAWFUL = "damages_if_unlawful"
    NONE_OWED = "none_owed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Reason:
    """One reason: a stable ``code`` and its plain-language message (numbers in the params)."""

    code: str
    message: Message

    def as_dict(self) -> dict[str, object]:
        """``{"code", "text", "template", "params"}``."""
        return {"code": self.code, **self.message.as_dict()}


@dataclass(frozen=True)
class Amount:
    """An amount of money in a currency, as the legal assessment states it."""

    amount: Decimal
    currency: str


# --- legal position -----------------------------------------------------------------------


@dataclass(frozen=True)
class LegalPosition:
    """What the labour-law assessments say that the recommendation needs."""

    supported: bool
    next_contract_must_be_open_ended: bool | None
    employee_may_request_open_ended: bool | None
    fixed_term_renewal_lawful: bool | None
    non_renewal_assessed: bool
    non_renewal_lawful: bool | None
    severance: Amount | None
    severance_basis: str | None
    damages_if_unlawful: Amount | None
    last_notice_date: str | None
    blocking_protections: tuple[str, ...]
    open_ended_citations: tuple[str, ...]
    citations: tuple[str, ...]

    @property
    def open_ended_required(self) -> bool:
        """The next contract must be open-ended (stated, or a fixed-term renewal would be unlawful)."""
        return self.next_contract_must_be_open_ended is True or self.fixed_term_renewal_lawful is False

    @property
    def non_renewal_blocked(self) -> bool:
        """Non-renewal is unlawful or a protection blocks it."""
        return self.non_renewal_lawful is False or bool(self.blocking_protections)


def _flag(assessment: Mapping[str, object], key: str) -> bool | None:
    value = assessment.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise ValueError(f"{key} must be true, false or null, got {value!r}")


def _amount(assessment: Mapping[str, object], key: str) -> Amount | None:
    value = assessment.get(key)
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ValueError(f"{key} must be an object with amount and currency")
    amount, currency = value.get("amount"), value.get("currency")
    if not isinstance(amount, str) or not isinstance(currency, str):
        raise ValueError(f"{key} needs a decimal-string amount and a currency")
    return Amount(Decimal(amount), currency)


def _objects(value: object, what: str) -> list[Mapping[str, object]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(entry, Mapping) for entry in value):
        raise ValueError(f"{what} must be a list of objects")
    return list(value)


def _strings(value: object, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{what} must be a list")
    return [str(entry) for entry in value]


def _combined(values: Sequence[bool | None]) -> bool | None:
    if any(value is True for value in values):
        return True
    if not values or any(value is None for value in values):
        return None
    return False


def _unique(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def read_legal_position(assessments: Mapping[str, Mapping[str, object]]) -> LegalPosition:
    """Read the SCHEMA.md assessments (keyed by decision) into a :class:`LegalPosition`.

    Keys other than :data:`DECISIONS` and malformed fields raise ``ValueError``; unsupported
    assessments (``supported: false``) count as absent.
    """
    unknown = set(assessments) - set(DECISIONS)
    if unknown:
        raise ValueError(f"unknown decision(s) {sorted(unknown)}; expected {list(DECISIONS)}")
    supported = {
        decision: assessment
        for decision, assessment in assessments.items()
        if assessment.get("supported") is True
    }
    everything = [supported[decision] for decision in DECISIONS if decision in supported]
    not_renew = supported.get("not_renew")
    renew_fixed = supported.get("renew_fixed_term")
    citations: list[str] = []
    open_ended_citations: list[str] = []
    for assessment in everything:
        citations.extend(_strings(assessment.get("citations"), "citations"))
        for finding in _objects(assessment.get("findings"), "findings"):
            if "open_ended" in str(finding.get("code", "")) and finding.get("citation"):
                open_ended_citations.append(str(finding["citation"]))
    protections = tuple(
        f"{protection.get('kind')}: {protection.get('effect')} ({protection.get('citation')})"
        for protection in _objects(
            not_renew.get("blocking_protections") if not_renew else None, "blocking_protections"
        )
    )
    severance_value = not_renew.get("severance") if not_renew else None
    basis = severance_value.get("basis") if isinstance(severance_value, Mapping) else None
    # An open-ended proposal says nothing about what the law requires: obligations are read from the
    # assessments of not renewing and of renewing for a fixed term (all of them when neither is given).
    obligations = [supported[d] for d in ("not_renew", "renew_fixed_term") if d in supported] or everything
    return LegalPosition(
        supported=bool(everything),
        next_contract_must_be_open_ended=_combined(
            [_flag(assessment, "next_contract_must_be_open_ended") for assessment in obligations]
        ),
        employee_may_request_open_ended=_combined(
            [_flag(assessment, "employee_may_request_open_ended") for assessment in everything]
        ),
        fixed_term_renewal_lawful=_flag(renew_fixed, "renewal_as_proposed_lawful") if renew_fixed else None,
        non_renewal_assessed=not_renew is not None,
        non_renewal_lawful=_flag(not_renew, "non_renewal_lawful") if not_renew else None,
        severance=_amount(not_renew, "severance") if not_renew else None,
        severance_basis=str(basis) if basis is not None else None,
        damages_if_unlawful=_amount(not_renew, "damages_if_unlawful") if not_renew else None,
        last_notice_date=str(not_renew["last_notice_date"])
        if not_renew and not_renew.get("last_notice_date")
        else None,
        blocking_protections=protections,
        open_ended_citations=_unique(open_ended_citations) or _unique(citations),
        citations=_unique(citations),
    )


@dataclass(frozen=True)
class LegalConstraint:
    """The legal condition on the next contract, in plain language, with its citations."""

    code: LegalConstraintCode
    message: Message
    citations: tuple[str, ...]


def legal_constraint(position: LegalPosition) -> LegalConstraint | None:
    """The constraint on any renewal (module docstring), or ``None`` when there is none."""
    citations = ", ".join(position.open_ended_citations) or "—"
    if not position.supported:
        return LegalConstraint(
            LegalConstraintCode.LEGAL_POSITION_UNKNOWN,
            message(
                gettext_noop(
                    "No labour-law rule pack covers this case: the legal consequences of renewing or not are "
                    "unknown and must be checked before deciding."
                )
            ),
            (),
        )
    if position.open_ended_required:
        return LegalConstraint(
            LegalConstraintCode.OPEN_ENDED_REQUIRED,
            message(
                gettext_noop("The next contract must be open-ended (%(citations)s)."), citations=citations
            ),
            position.open_ended_citations,
        )
    if position.employee_may_request_open_ended is True:
        return LegalConstraint(
            LegalConstraintCode.OPEN_ENDED_IF_REQUESTED,
            message(
                gettext_noop(
                    "The employee may ask for an open-ended contract; if they ask, the next contract must be "
                    "open-ended (%(citations)s)."
                ),
                citations=citations,
            ),
            position.open_ended_citations,
        )
    return None


# --- cost view ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CostSettings:
    """The tenant's cost assumptions, in the reporting ``currency``.

    ``ramp_up_productivity`` is the share of full output a newcomer reaches on average during
    ramp-up; ``client_loss_share`` the share of strong-relationship revenue expected to leave
    with the employee; ``gross_margin_rate`` turns revenue into margin.
    """

    currency: str
    replacement_cost: Decimal
    ramp_up_months: Decimal
    improvement_plan_cost: Decimal
    gross_margin_rate: Decimal
    ramp_up_productivity: Decimal = Decimal("0.5")
    client_loss_share: Decimal = Decimal("0.5")

    def __post_init__(self) -> None:
        for name in ("gross_margin_rate", "ramp_up_productivity", "client_loss_share"):
            if not Decimal(0) <= getattr(self, name) <= Decimal(1):
                raise ValueError(f"{name} must be between 0 and 1")
        if min(self.replacement_cost, self.ramp_up_months, self.improvement_plan_cost) < 0:
            raise ValueError("costs and ramp-up months cannot be negative")


@dataclass(frozen=True)
class CostView:
    """Cost of not renewing against the improvement plan, with every line's arithmetic in ``lines``."""

    currency: str
    monthly_pay: Decimal
    monthly_revenue: Decimal
    separation_payment: Decimal | None
    separation_basis: SeparationBasis
    replacement_cost: Decimal
    ramp_up_lost_margin: Decimal
    revenue_at_risk: Decimal
    margin_at_risk: Decimal
    cost_of_not_renewing: Decimal
    cost_of_not_renewing_is_complete: bool
    improvement_plan_cost: Decimal
    net_cost_of_not_renewing: Decimal
    cost_of_not_renewing_in_months_of_pay: Decimal | None
    lines: tuple[Message, ...]

    def as_dict(self) -> dict[str, object]:
        """JSON-ready: Decimals as strings, lines as message dicts."""
        result: dict[str, object] = {}
        for name, value in self.__dict__.items():
            if isinstance(value, Decimal):
                result[name] = f"{value:f}"
            elif name == "lines":
                result[name] = [line.as_dict() for line in self.lines]
            else:
                result[name] = value.value if isinstance(value, StrEnum) else value
        return result


_SEPARATION_TEMPLATES = {
    SeparationBasis.SEVERANCE: gettext_noop("Severance owed on non-renewal: %(amount)s."),
    SeparationBasis.DAMAGES_IF_UNLAWFUL: gettext_noop("Damages for an unlawful non-renewal: %(amount)s."),
    SeparationBasis.NONE_OWED: gettext_noop("No severance is owed on non-renewal (%(amount)s)."),
    SeparationBasis.UNKNOWN: gettext_noop(
        "The separation payment is unknown: no rule pack covers this case."
    ),
}


def _to_reporting(amount: Amount, currency: str, rates: Mapping[str, Decimal], as_of: date) -> Fraction:
    if amount.currency == currency:
        return Fraction(amount.amount)
    rate = rates.get(amount.currency)
    if rate is None:
        raise MissingExchangeRate(currency=amount.currency, reporting_currency=currency, on=as_of)
    return Fraction(amount.amount) * Fraction(rate)


def build_cost_view(
    *,
    legal: LegalPosition,
    diagnosis: Diagnosis | None,
    client_risk: ClientLossRisk | None,
    monthly_pay: Amount,
    costs: CostSettings,
    as_of: date,
    exchange_rates: Mapping[str, Decimal] | None = None,
) -> CostView:
    """The cost view of not renewing versus an improvement plan (method in the module docstring).

    Amounts in another currency than ``costs.currency`` convert with ``exchange_rates``
    (reporting-currency units per unit); a missing rate raises ``MissingExchangeRate``.
    """
    rates = exchange_rates or {}
    currency = costs.currency
    pay = _to_reporting(monthly_pay, currency, rates, as_of)
    if legal.non_renewal_lawful is False and legal.damages_if_unlawful is not None:
        basis = SeparationBasis.DAMAGES_IF_UNLAWFUL
        separation: Fraction | None = _to_reporting(legal.damages_if_unlawful, currency, rates, as_of)
    elif legal.severance is not None:
        basis, separation = SeparationBasis.SEVERANCE, _to_reporting(legal.severance, currency, rates, as_of)
    elif legal.non_renewal_assessed and legal.non_renewal_lawful is not False:
        basis, separation = SeparationBasis.NONE_OWED, Fraction(0)
    else:
        basis, separation = SeparationBasis.UNKNOWN, None
    if diagnosis is not None and diagnosis.revenue is not None:
        monthly_revenue = Fraction(diagnosis.revenue)
    elif client_risk is not None:
        monthly_revenue = Fraction(client_risk.revenue_12m) / 12
    else:
        monthly_revenue = Fraction(0)
    margin = Fraction(costs.gross_margin_rate)
    ramp_up = (
        Fraction(costs.ramp_up_months) * (1 - Fraction(costs.ramp_up_productivity)) * monthly_revenue * margin
    )
    revenue_at_risk = (
        Fraction(client_risk.revenue_strong_relationship) if client_risk is not None else Fraction(0)
    )
    margin_at_risk = revenue_at_risk * Fraction(costs.client_loss_share) * margin
    replacement = Fraction(costs.replacement_cost)
    total = (separation or Fraction(0)) + replacement + ramp_up + margin_at_risk
    plan = Fraction(costs.improvement_plan_cost)
    lines = (
        message(_SEPARATION_TEMPLATES[basis], amount=format_money(separation or Fraction(0), currency)),
        message(gettext_noop("Replacement: %(amount)s."), amount=format_money(replacement, currency)),
        message(
            gettext_noop(
                "Ramp-up lost margin: %(months)s months × (1 − %(productivity)s) × %(revenue)s a month × "
                "%(margin)s margin = %(amount)s."
            ),
            months=format_number(costs.ramp_up_months, 1),
            productivity=format_number(costs.ramp_up_productivity, 2),
            revenue=format_money(monthly_revenue, currency),
            margin=format_number(costs.gross_margin_rate, 2),
            amount=format_money(ramp_up, currency),
        ),
        message(
            gettext_noop(
                "Margin at risk: %(revenue)s of strong-relationship revenue × %(share)s expected loss × "
                "%(margin)s margin = %(amount)s."
            ),
            revenue=format_money(revenue_at_risk, currency),
            share=format_number(costs.client_loss_share, 2),
            margin=format_number(costs.gross_margin_rate, 2),
            amount=format_money(margin_at_risk, currency),
        ),
        message(
            gettext_noop("Not renewing: %(total)s, against %(plan)s for an improvement plan.")
            if separation is not None
            else gettext_noop(
                "Not renewing: %(total)s plus an unknown separation payment, against %(plan)s for an "
                "improvement plan."
            ),
            total=format_money(total, currency),
            plan=format_money(plan, currency),
        ),
    )
    return CostView(
        currency=currency,
        monthly_pay=quantize(pay, 2),
        monthly_revenue=quantize(monthly_revenue, 2),
        separation_payment=quantize_optional(separation, 2),
        separation_basis=basis,
        replacement_cost=quantize(replacement, 2),
        ramp_up_lost_margin=quantize(ramp_up, 2),
        revenue_at_risk=quantize(revenue_at_risk, 2),
        margin_at_risk=quantize(margin_at_risk, 2),
        cost_of_not_renewing=quantize(total, 2),
        cost_of_not_renewing_is_complete=separation is not None,
        improvement_plan_cost=quantize(plan, 2),
        net_cost_of_not_renewing=quantize(total - plan, 2),
        cost_of_not_renewing_in_months_of_pay=quantize(total / pay, 2) if pay > 0 else None,
        lines=lines,
    )


# --- recommendation -----------------------------------------------------------------------


@dataclass(frozen=True)
class RecommendationPolicy:
    """The tunable thresholds of the rules."""

    culture_fit_minimum_attitude: Decimal = Decimal(35)
    escalate_above_months_of_pay: Decimal = Decimal(12)


@dataclass(frozen=True)
class RenewalRecommendation:
    """The advice: ``action``, ordered ``reasons``, the deciding ``rule``, plan focus, constraint, costs."""

    action: RenewalAction
    reasons: tuple[Reason, ...]
    rule: str
    plan_focus: PlanFocus | None
    legal_constraint: LegalConstraint | None
    legal: LegalPosition
    cost_view: CostView

    def as_dict(self) -> dict[str, object]:
        """The stable output: ``{"recommendation": {"action", "reasons", ...}, "cost_view": {...}}``."""
        constraint = self.legal_constraint
        return {
            "recommendation": {
                "action": self.action.value,
                "reasons": [reason.as_dict() for reason in self.reasons],
                "rule": self.rule,
                "plan_focus": self.plan_focus.value if self.plan_focus is not None else None,
                "legal_constraint": None
                if constraint is None
                else {
                    "code": constraint.code.value,
                    **constraint.message.as_dict(),
                    "citations": list(constraint.citations),
                },
            },
            "cost_view": self.cost_view.as_dict(),
        }


def _score(value: Decimal | None) -> str:
    return f"{value:f}" if value is not None else "—"


def _top_gap_reason(diagnosis: Diagnosis | None) -> Reason | None:
    if diagnosis is None or diagnosis.top_item is None:
        return None
    item = diagnosis.top_item
    causes = "; ".join(
        gettext_noop("%(metric)s %(value)s against the top decile's %(top)s")
        % {
            "metric": metric_name(cause.metric),
            "value": format_metric_value(cause.metric, cause.value),
            "top": format_metric_value(cause.metric, cause.top_decile_mean),
        }
        for cause in item.process_causes
    )
    return Reason(
        "diagnosis.top_gap",
        message(
            gettext_noop(
                "The largest gap is %(metric)s: %(value)s against a group mean of %(mean)s, worth about "
                "%(effect)s a month; process cause: %(causes)s."
            ),
            metric=factor_name(item.metric),
            value=display_factor(item.metric, item.value, diagnosis.currency),
            mean=display_factor(item.metric, item.group_mean, diagnosis.currency),
            effect=format_money(item.revenue_effect, diagnosis.currency),
            causes=causes or gettext_noop("none found among the linked habits"),
        ),
    )


def _risk_reason(client_risk: ClientLossRisk | None) -> Reason | None:
    if client_risk is None:
        return None
    return Reason(
        f"client_risk.{client_risk.level.value}",
        message(
            gettext_noop(
                "Client-loss risk is %(level)s: %(accounts)s accounts with %(revenue)s of revenue over 12 "
                "months, %(at_risk)s of it with a strong relationship to the employee."
            ),
            level=client_risk.level.value,
            accounts=str(client_risk.accounts),
            revenue=format_money(client_risk.revenue_12m, client_risk.currency),
            at_risk=format_money(client_risk.revenue_strong_relationship, client_risk.currency),
        ),
    )


def _bench_reason(bench: Bench | None) -> Reason | None:
    return Reason(f"bench.{bench.strength.value}", bench.explanation) if bench is not None else None


# Reasons whose text carries amounts derived from the employee's pay (severance, damages, the cost view):
# shown only to those who may see pay.
PAY_DERIVED_REASON_CODES = frozenset({"cost.comparison", "legal.non_renewal_unlawful", "legal.severance"})


def _legal_reasons(
    legal: LegalPosition, constraint: LegalConstraint | None, action: RenewalAction
) -> list[Reason]:
    reasons: list[Reason] = []
    if constraint is not None:
        reasons.append(Reason(f"legal.{constraint.code.value}", constraint.message))
    if legal.non_renewal_lawful is False:
        damages = legal.damages_if_unlawful
        reasons.append(
            Reason(
                "legal.non_renewal_unlawful",
                message(
                    gettext_noop("Not renewing would be unlawful (damages: %(damages)s)."),
                    damages=format_money(damages.amount, damages.currency)
                    if damages
                    else gettext_noop("not stated"),
                ),
            )
        )
    if legal.blocking_protections:
        reasons.append(
            Reason(
                "legal.blocking_protection",
                message(
                    gettext_noop("A protection blocks non-renewal: %(protections)s."),
                    protections="; ".join(legal.blocking_protections),
                ),
            )
        )
    if action is RenewalAction.DO_NOT_RENEW:
        if legal.severance is not None:
            reasons.append(
                Reason(
                    "legal.severance",
                    message(
                        gettext_noop("Severance owed on non-renewal: %(amount)s (%(basis)s)."),
                        amount=format_money(legal.severance.amount, legal.severance.currency),
                        basis=legal.severance_basis or "—",
                    ),
                )
            )
        if legal.last_notice_date is not None:
            reasons.append(
                Reason(
                    "legal.notice_deadline",
                    message(
                        gettext_noop("Notice of non-renewal must be given by %(date)s."),
                        date=legal.last_notice_date,
                    ),
                )
            )
    return reasons


def _cost_reason(cost: CostView) -> Reason:
    params = {
        "total": format_money(cost.cost_of_not_renewing, cost.currency),
        "months": _score(cost.cost_of_not_renewing_in_months_of_pay),
        "replacement": format_money(cost.replacement_cost, cost.currency),
        "ramp": format_money(cost.ramp_up_lost_margin, cost.currency),
        "margin": format_money(cost.margin_at_risk, cost.currency),
        "plan": format_money(cost.improvement_plan_cost, cost.currency),
    }
    if cost.separation_payment is None:
        return Reason(
            "cost.comparison",
            Message(
                gettext_noop(
                    "Not renewing would cost about %(total)s plus an unknown separation payment "
                    "(%(months)s months of pay: replacement %(replacement)s, ramp-up %(ramp)s, margin at "
                    "risk %(margin)s), against %(plan)s for an improvement plan."
                ),
                params,
            ),
        )
    return Reason(
        "cost.comparison",
        Message(
            gettext_noop(
                "Not renewing would cost about %(total)s (%(months)s months of pay: separation "
                "%(separation)s, replacement %(replacement)s, ramp-up %(ramp)s, margin at risk %(margin)s), "
                "against %(plan)s for an improvement plan."
            ),
            {**params, "separation": format_money(cost.separation_payment, cost.currency)},
        ),
    )


def _let_go_escalations(
    legal: LegalPosition, trends: Sequence[TrendFinding], cost: CostView, policy: RecommendationPolicy
) -> list[Reason]:
    triggers: list[Reason] = []
    if not legal.supported or legal.non_renewal_lawful is None:
        triggers.append(
            Reason(
                "escalate.legal_unknown",
                message(
                    gettext_noop(
                        "Whether non-renewal is lawful is unknown: a person must check before deciding "
                        "not to renew."
                    )
                ),
            )
        )
    if legal.non_renewal_blocked:
        triggers.append(
            Reason(
                "escalate.non_renewal_blocked",
                message(
                    gettext_noop(
                        "Non-renewal is unlawful or blocked by a protection: it cannot simply be let lapse."
                    )
                ),
            )
        )
    improving = [finding for finding in trends if finding.code is TrendCode.IMPROVING]
    if improving:
        triggers.append(
            Reason(
                "escalate.improving",
                message(
                    gettext_noop("Performance is improving (%(trend)s): reconsider before letting go."),
                    trend=improving[0].message.text,
                ),
            )
        )
    months = cost.cost_of_not_renewing_in_months_of_pay
    if months is not None and months > policy.escalate_above_months_of_pay:
        triggers.append(
            Reason(
                "escalate.separation_cost",
                message(
                    gettext_noop(
                        "Not renewing would cost %(months)s months of pay, more than the %(limit)s months "
                        "that need a decision by a person."
                    ),
                    months=f"{months:f}",
                    limit=format_number(policy.escalate_above_months_of_pay, 1),
                ),
            )
        )
    return triggers


def recommend_renewal(
    *,
    evaluation: EmployeeEvaluation,
    trends: Sequence[TrendFinding],
    diagnosis: Diagnosis | None,
    client_risk: ClientLossRisk | None,
    bench: Bench | None,
    legal_assessments: Mapping[str, Mapping[str, object]],
    monthly_pay: Amount,
    costs: CostSettings,
    as_of: date,
    exchange_rates: Mapping[str, Decimal] | None = None,
    policy: RecommendationPolicy | None = None,
) -> RenewalRecommendation:
    """Recommend an action for a renewal case by the rules of the module docstring.

    ``legal_assessments`` are SCHEMA.md assessment dicts keyed by decision; ``as_of`` dates a
    missing exchange rate in the error it raises.
    """
    policy = policy or RecommendationPolicy()
    legal = read_legal_position(legal_assessments)
    constraint = legal_constraint(legal)
    cost = build_cost_view(
        legal=legal,
        diagnosis=diagnosis,
        client_risk=client_risk,
        monthly_pay=monthly_pay,
        costs=costs,
        as_of=as_of,
        exchange_rates=exchange_rates,
    )
    quadrant = evaluation.quadrant
    quadrant_reason = Reason(f"quadrant.{quadrant.value}", evaluation.quadrant_explanation)
    declining = [finding for finding in trends if finding.code is TrendCode.DECLINING]
    plan_focus: PlanFocus | None = None
    context: list[Reason | None] = []
    if quadrant is Quadrant.INSUFFICIENT_DATA:
        if legal.non_renewal_blocked:
            rule, action = "insufficient_data_protected", RenewalAction.RENEW
        else:
            rule, action = "insufficient_data", RenewalAction.ESCALATE
        leading = [quadrant_reason]
    elif quadrant is Quadrant.CORE:
        rule, action, leading = "core", RenewalAction.RENEW, [quadrant_reason]
        context = [_risk_reason(client_risk)]
    elif quadrant is Quadrant.DEVELOP_SKILLS:
        rule, action, plan_focus = (
            "develop_skills",
            RenewalAction.RENEW_WITH_IMPROVEMENT_PLAN,
            PlanFocus.SKILLS,
        )
        leading = [quadrant_reason]
        context = [_top_gap_reason(diagnosis), _bench_reason(bench), _risk_reason(client_risk)]
    elif quadrant is Quadrant.CULTURE_FIT:
        attitude = evaluation.attitude.value
        low_attitude = attitude is not None and attitude < policy.culture_fit_minimum_attitude
        if low_attitude or declining:
            rule, action = "culture_fit_escalate", RenewalAction.ESCALATE
            trigger = Reason(
                "escalate.culture_fit",
                message(
                    gettext_noop(
                        "Attitude %(attitude)s is below %(minimum)s or performance is declining: a culture "
                        "plan alone may not do; a person must decide."
                    ),
                    attitude=_score(attitude),
                    minimum=format_number(policy.culture_fit_minimum_attitude, 1),
                ),
            )
            leading = [trigger, quadrant_reason]
        else:
            rule, action, plan_focus = (
                "culture_fit",
                RenewalAction.RENEW_WITH_IMPROVEMENT_PLAN,
                PlanFocus.CULTURE_FIT,
            )
            leading = [quadrant_reason]
        context = [_top_gap_reason(diagnosis), _bench_reason(bench), _risk_reason(client_risk)]
    else:
        triggers = _let_go_escalations(legal, trends, cost, policy)
        if triggers:
            rule, action, leading = "let_go_escalate", RenewalAction.ESCALATE, [*triggers, quadrant_reason]
        else:
            rule, action, leading = "let_go", RenewalAction.DO_NOT_RENEW, [quadrant_reason]
        context = [_top_gap_reason(diagnosis), _bench_reason(bench), _risk_reason(client_risk)]
    if action is RenewalAction.RENEW and legal.open_ended_required:
        action = RenewalAction.RENEW_OPEN_ENDED_REQUIRED
    trend_reasons = [Reason(f"trend.{finding.code.value}", finding.message) for finding in trends]
    shown_constraint = constraint if action is not RenewalAction.DO_NOT_RENEW else None
    reasons = [
        *leading,
        *(reason for reason in context if reason is not None),
        *trend_reasons,
        *_legal_reasons(legal, shown_constraint, action),
        _cost_reason(cost),
    ]
    return RenewalRecommendation(
        action=action,
        reasons=tuple(reasons),
        rule=rule,
        plan_focus=plan_focus,
        legal_constraint=shown_constraint,
        legal=legal,
        cost_view=cost,
    )
