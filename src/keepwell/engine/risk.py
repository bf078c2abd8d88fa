"""Client-loss risk and bench strength for a renewal case.

**Client-loss risk.** From per-customer facts (:class:`CustomerFact`: owner, revenue over the
trailing 12 months in the reporting currency, touches (activities) over 12 months, mean csat):

- ``accounts``: customers the employee owns; ``revenue_12m``: their revenue;
- a relationship is *strong* when the customer's touches are at least the median touches over
  all customers owned by the group (linear interpolation, as numpy's default) **and** its mean
  csat is at least ``minimum_csat`` (default 4 of 5; no csat is not strong). These are the
  accounts most attached to the person, the likeliest to follow them or drift away when they go;
- ``revenue_strong_relationship``: the revenue of those customers — the revenue at risk;
- ``level`` compares that revenue with the same figure for every group member (the employee
  included): **high** at or above the members' 75th percentile, **medium** at or above their
  median, **low** otherwise, and always low when it is zero.

**Bench strength.** Who could take over if the employee left:

- a *reserve candidate* (an imported list: person, readiness date, target role) counts when
  the target role is the employee's role (compared case-insensitively); it is *ready* when its
  readiness date is on or before ``needed_by`` (the contract's end), *ready later* when within
  ``later_days`` (default 180) after it;
- a *teammate with spare capacity* has a sufficient performance score at or above
  ``performance_threshold`` (50, the group average) and follows fewer customers a month than the
  group's 75th percentile (the employee included) — they could absorb accounts;
- ``ready``: at least one ready reserve candidate (a successor exists); ``thin``: no ready
  successor, but a reserve candidate ready later or a teammate with spare capacity (cover, not
  succession); ``none``: neither.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from keepwell.engine.scoring import EmployeeEvaluation
from keepwell.engine.wording import (
    Message,
    format_money,
    format_number,
    format_percent,
    gettext_noop,
    message,
    quantize,
    quantize_optional,
)


def percentile(values: Sequence[Fraction], fraction: Fraction) -> Fraction:
    """The ``fraction`` quantile of ``values`` with linear interpolation (numpy's default), exactly."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    lower = math.floor(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


# --- client-loss risk ---------------------------------------------------------------------


@dataclass(frozen=True)
class CustomerFact:
    """One customer: owner, trailing-12-month revenue (reporting currency), touches and mean csat."""

    customer_id: str
    owner_employee_id: str
    revenue_12m: Decimal
    touches_12m: int
    mean_csat: Decimal | None


class RiskLevel(StrEnum):
    """Client-loss risk relative to the group."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True)
class RiskConfig:
    """The strong-relationship csat floor."""

    minimum_csat: Decimal = Decimal(4)


@dataclass(frozen=True)
class ClientLossRisk:
    """What the employee's departure would put at risk, relative to the group."""

    employee_id: str
    currency: str
    accounts: int
    strong_accounts: int
    revenue_12m: Decimal
    revenue_strong_relationship: Decimal
    share_of_group_revenue: Decimal | None
    touches_threshold: Decimal | None
    group_median: Decimal
    group_p75: Decimal
    level: RiskLevel
    explanation: Message


def _is_strong(customer: CustomerFact, touches_threshold: Fraction | None, config: RiskConfig) -> bool:
    return (
        touches_threshold is not None
        and customer.touches_12m >= touches_threshold
        and customer.mean_csat is not None
        and customer.mean_csat >= config.minimum_csat
    )


def assess_client_loss_risk(
    *,
    employee_id: str,
    group_member_ids: Iterable[str],
    customers: Iterable[CustomerFact],
    currency: str,
    config: RiskConfig | None = None,
) -> ClientLossRisk:
    """The client-loss risk of ``employee_id`` within ``group_member_ids`` (the employee is added).

    ``customers`` may hold any customers; those owned by group members are used.
    """
    config = config or RiskConfig()
    members = set(group_member_ids) | {employee_id}
    owned = [customer for customer in customers if customer.owner_employee_id in members]
    touches = [Fraction(customer.touches_12m) for customer in owned]
    # A relationship needs contact: when most customers go untouched the median is 0, and the bar stays at 1.
    threshold = max(percentile(touches, Fraction(1, 2)), Fraction(1)) if touches else None
    strong_revenue: dict[str, Fraction] = dict.fromkeys(members, Fraction(0))
    total_revenue: dict[str, Fraction] = dict.fromkeys(members, Fraction(0))
    for customer in owned:
        total_revenue[customer.owner_employee_id] += Fraction(customer.revenue_12m)
        if _is_strong(customer, threshold, config):
            strong_revenue[customer.owner_employee_id] += Fraction(customer.revenue_12m)
    own_customers = [customer for customer in owned if customer.owner_employee_id == employee_id]
    at_risk = strong_revenue[employee_id]
    median = percentile(list(strong_revenue.values()), Fraction(1, 2))
    p75 = percentile(list(strong_revenue.values()), Fraction(3, 4))
    if at_risk > 0 and at_risk >= p75:
        level = RiskLevel.HIGH
    elif at_risk > 0 and at_risk >= median:
        level = RiskLevel.MEDIUM
    else:
        level = RiskLevel.LOW
    group_total = sum(total_revenue.values(), Fraction(0))
    share = total_revenue[employee_id] / group_total if group_total else None
    strong_count = sum(1 for customer in own_customers if _is_strong(customer, threshold, config))
    return ClientLossRisk(
        employee_id=employee_id,
        currency=currency,
        accounts=len(own_customers),
        strong_accounts=strong_count,
        revenue_12m=quantize(total_revenue[employee_id], 2),
        revenue_strong_relationship=quantize(at_risk, 2),
        share_of_group_revenue=quantize_optional(share, 4),
        touches_threshold=quantize_optional(threshold, 1),
        group_median=quantize(median, 2),
        group_p75=quantize(p75, 2),
        level=level,
        explanation=message(
            gettext_noop(
                "%(accounts)s accounts with %(revenue)s of revenue over 12 months (%(share)s of the "
                "group's); %(strong)s of them, worth %(at_risk)s, have a strong relationship (at least "
                "%(touches)s touches and satisfaction at least %(csat)s). Risk %(level)s: the group's "
                "median is %(median)s and its 75th percentile %(p75)s."
            ),
            accounts=str(len(own_customers)),
            revenue=format_money(total_revenue[employee_id], currency),
            share=format_percent(share) if share is not None else "—",
            strong=str(strong_count),
            at_risk=format_money(at_risk, currency),
            touches=format_number(threshold, 1) if threshold is not None else "—",
            csat=format_number(config.minimum_csat, 1),
            level=level.value,
            median=format_money(median, currency),
            p75=format_money(p75, currency),
        ),
    )


# --- bench strength -----------------------------------------------------------------------


@dataclass(frozen=True)
class ReserveCandidate:
    """One row of the imported reserve-candidate list."""

    person: str
    readiness_date: date
    target_role: str
    note: str = ""


@dataclass(frozen=True)
class TeammateCapacity:
    """A teammate's performance score (``None`` when insufficient) and customers followed a month."""

    employee_id: str
    performance_score: Decimal | None
    customers_followed: Decimal | None

    @classmethod
    def from_evaluation(cls, evaluation: EmployeeEvaluation) -> TeammateCapacity:
        """Read both figures from a scoring result (customers followed from the attitude contributions)."""
        followed = next(
            (
                contribution.raw_value
                for contribution in evaluation.attitude.contributions
                if contribution.metric == "customers_followed"
            ),
            None,
        )
        return cls(evaluation.employee_id, evaluation.performance.value, followed)


class BenchStrength(StrEnum):
    """Who could take over: a ready successor, only cover, or no one."""

    NONE = "none"
    THIN = "thin"
    READY = "ready"


class CandidateKind(StrEnum):
    """A reserve candidate (successor) or a teammate with spare capacity (cover)."""

    RESERVE = "reserve"
    TEAMMATE_CAPACITY = "teammate_capacity"


@dataclass(frozen=True)
class BenchCandidate:
    """Someone who could succeed or cover, with ``why`` in plain language."""

    person: str
    kind: CandidateKind
    ready: bool
    readiness_date: date | None
    why: Message


@dataclass(frozen=True)
class BenchConfig:
    """Thresholds of the bench rules."""

    performance_threshold: Decimal = Decimal(50)
    capacity_percentile: Fraction = Fraction(3, 4)
    later_days: int = 180


@dataclass(frozen=True)
class Bench:
    """Bench strength, the candidates (ready ones first) and a one-line explanation."""

    strength: BenchStrength
    candidates: tuple[BenchCandidate, ...]
    explanation: Message


def assess_bench(
    *,
    employee_id: str,
    role: str,
    needed_by: date,
    employee_customers_followed: Decimal | None,
    teammates: Sequence[TeammateCapacity],
    reserve: Sequence[ReserveCandidate],
    config: BenchConfig | None = None,
) -> Bench:
    """Bench strength for replacing ``employee_id`` (``role``) by ``needed_by`` (rules: module docstring)."""
    config = config or BenchConfig()
    candidates: list[BenchCandidate] = []
    ready_successors = 0
    later_successors = 0
    for candidate in sorted(reserve, key=lambda entry: (entry.readiness_date, entry.person)):
        if candidate.target_role.casefold() != role.casefold() or candidate.person == employee_id:
            continue
        if candidate.readiness_date <= needed_by:
            ready_successors += 1
            why = message(
                gettext_noop("Reserve candidate for %(role)s, ready on %(date)s (needed by %(needed)s)."),
                role=candidate.target_role,
                date=candidate.readiness_date.isoformat(),
                needed=needed_by.isoformat(),
            )
            ready = True
        elif candidate.readiness_date <= needed_by + timedelta(days=config.later_days):
            later_successors += 1
            why = message(
                gettext_noop(
                    "Reserve candidate for %(role)s, ready only on %(date)s, after %(needed)s when needed."
                ),
                role=candidate.target_role,
                date=candidate.readiness_date.isoformat(),
                needed=needed_by.isoformat(),
            )
            ready = False
        else:
            continue
        candidates.append(
            BenchCandidate(candidate.person, CandidateKind.RESERVE, ready, candidate.readiness_date, why)
        )
    loads = [
        Fraction(value)
        for value in [employee_customers_followed, *(mate.customers_followed for mate in teammates)]
        if value is not None
    ]
    capacity_line = percentile(loads, config.capacity_percentile) if loads else None
    with_capacity = 0
    for mate in sorted(teammates, key=lambda entry: entry.employee_id):
        if (
            mate.employee_id == employee_id
            or capacity_line is None
            or mate.performance_score is None
            or mate.customers_followed is None
            or mate.performance_score < config.performance_threshold
            or mate.customers_followed >= capacity_line
        ):
            continue
        with_capacity += 1
        candidates.append(
            BenchCandidate(
                mate.employee_id,
                CandidateKind.TEAMMATE_CAPACITY,
                False,
                None,
                message(
                    gettext_noop(
                        "Teammate with performance %(score)s (at least %(threshold)s) following %(followed)s "
                        "customers a month, below the group's %(line)s: could take over accounts."
                    ),
                    score=f"{mate.performance_score:f}",
                    threshold=format_number(config.performance_threshold, 1),
                    followed=format_number(mate.customers_followed, 1),
                    line=format_number(capacity_line, 1),
                ),
            )
        )
    if ready_successors:
        strength = BenchStrength.READY
        explanation = message(
            gettext_noop("Bench ready: %(count)s reserve candidate(s) ready by %(needed)s."),
            count=str(ready_successors),
            needed=needed_by.isoformat(),
        )
    elif later_successors or with_capacity:
        strength = BenchStrength.THIN
        explanation = message(
            gettext_noop(
                "Bench thin: no successor ready by %(needed)s; %(later)s reserve candidate(s) ready later "
                "and %(capacity)s teammate(s) with spare capacity."
            ),
            needed=needed_by.isoformat(),
            later=str(later_successors),
            capacity=str(with_capacity),
        )
    else:
        strength = BenchStrength.NONE
        explanation = message(
            gettext_noop("No bench: no reserve candidate for %(role)s and no teammate with spare capacity."),
            role=role,
        )
    candidates.sort(key=lambda entry: (not entry.ready, entry.kind != CandidateKind.RESERVE))
    return Bench(strength, tuple(candidates), explanation)


def capacities_from_evaluations(
    evaluations: Mapping[str, EmployeeEvaluation], *, employee_id: str
) -> tuple[TeammateCapacity, ...]:
    """The capacities of ``employee_id``'s teammates (same group, employee excluded), by id."""
    own = evaluations[employee_id]
    return tuple(
        TeammateCapacity.from_evaluation(evaluation)
        for other_id, evaluation in sorted(evaluations.items())
        if other_id != employee_id and evaluation.group_id == own.group_id
    )
