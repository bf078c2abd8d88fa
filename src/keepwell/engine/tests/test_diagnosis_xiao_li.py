"""Xiao Li's team, built by hand, and the diagnosis DESIGN.md's canonical story expects of it.

The team (group ``east``) has ten sales engineers; the window is 2026-08..2026-10. Figures are
window totals, split over the three months. Li: 300 leads created, 36 qualified (12%), 9 won of
36 qualified (25%), 180,000 revenue (60,000 a month, 60% of a 100,000 monthly quota), 25 buyers
of whom 2 returning (8%), 10% of activity minutes screening, 30 customers followed a month.
The team means (Li included): lead conversion 20%, deal conversion 26%, revenue per won deal
20,500, repurchase 15%, screening share 20%, customers followed 25; m01 has the highest
attainment (150%) and is the top decile (⌈10/10⌉ = 1 member): lead conversion 30%, screening 30%.

This module also provides :func:`xiao_li_team` to the scoring and recommendation tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from keepwell.engine.diagnosis import (
    DEAL_CONVERSION,
    LEAD_CONVERSION,
    LEADS_CREATED,
    REPURCHASE,
    REVENUE_PER_WON_DEAL,
    build_funnel,
    diagnose,
)
from keepwell.engine.scoring import EmployeeProfile, MetricObservation, trailing_months

END_MONTH = "2026-10"
MONTHS = trailing_months(END_MONTH, 3)
CURRENCY = "CNY"


@dataclass(frozen=True)
class Member:
    """Window totals of one member (ratios as numerator/denominator; counts per month where noted)."""

    employee_id: str
    leads_created: int
    qualified: int
    won: int
    revenue: int
    target: int
    buyers: int
    returning: int
    screening_minutes: int
    replied_in_24h: int
    customers_followed_a_month: int
    tasks_on_time: int
    csat_sum: int
    complaints: int


# fmt: off
TEAM: tuple[Member, ...] = (
    #      id     leads qual won  revenue  target  buy ret scr  reply fol task csat cmp
    Member("m01", 240,  72,  18, 450_000, 300_000, 20, 5,  900, 54,  27,  18,  90,  1),
    Member("m02", 240,  60,  18, 396_000, 300_000, 20, 4,  750, 48,  26,  17,  86,  1),
    Member("m03", 200,  44,  11, 220_000, 300_000, 20, 3,  660, 51,  22,  16,  84,  2),
    Member("m04", 200,  40,  10, 190_000, 300_000, 20, 3,  600, 45,  23,  16,  82,  2),
    Member("m05", 250,  50,  15, 315_000, 300_000, 20, 3,  600, 51,  25,  17,  86,  1),
    Member("m06", 200,  36,   9, 180_000, 300_000, 20, 2,  450, 48,  22,  15,  80,  2),
    Member("m07", 400,  72,  18, 342_000, 300_000, 20, 3,  540, 54,  26,  17,  88,  1),
    Member("m08", 200,  36,   9, 175_500, 300_000, 25, 3,  600, 45,  24,  16,  82,  2),
    Member("m09", 400,  68,  17, 331_500, 300_000, 20, 3,  600, 51,  25,  17,  84,  1),
    Member("li",  300,  36,   9, 180_000, 300_000, 25, 2,  300, 57,  30,  19,  96,  0),
)
# fmt: on
ACTIVITY_MINUTES = 3000
INBOUND = 60
TASKS_DUE = 20
FEEDBACK = 20


def _split(total: int) -> list[Decimal]:
    """A window total as three whole monthly amounts, the remainder in the first months."""
    base, rest = divmod(total, 3)
    return [Decimal(base + (1 if index < rest else 0)) for index in range(3)]


def _ratio_rows(employee_id: str, metric: str, numerator: int, denominator: int) -> list[MetricObservation]:
    rows = []
    for month, top, bottom in zip(MONTHS, _split(numerator), _split(denominator), strict=True):
        rows.append(
            MetricObservation(
                employee_id, month, metric, top / bottom if bottom else None, top, bottom, False
            )
        )
    return rows


def _level_rows(employee_id: str, metric: str, monthly: list[Decimal]) -> list[MetricObservation]:
    return [
        MetricObservation(employee_id, month, metric, value, value, None, False)
        for month, value in zip(MONTHS, monthly, strict=True)
    ]


def member_rows(member: Member) -> list[MetricObservation]:
    """Every metric row of one member over the window."""
    identifier = member.employee_id
    followed = Decimal(member.customers_followed_a_month)
    revenue = _split(member.revenue)
    target = _split(member.target)
    rows = [
        *_ratio_rows(identifier, "lead_conversion_rate", member.qualified, member.leads_created),
        *_ratio_rows(identifier, "deal_conversion_rate", member.won, member.qualified),
        *_ratio_rows(identifier, "repurchase_rate", member.returning, member.buyers),
        *_ratio_rows(identifier, "screening_share", member.screening_minutes, ACTIVITY_MINUTES),
        *_ratio_rows(identifier, "response_24h_rate", member.replied_in_24h, INBOUND),
        *_ratio_rows(identifier, "task_on_time_rate", member.tasks_on_time, TASKS_DUE),
        *_ratio_rows(identifier, "csat", member.csat_sum, FEEDBACK),
        *_ratio_rows(identifier, "complaint_rate", member.complaints, FEEDBACK),
        *_level_rows(identifier, "customers_followed", [followed] * 3),
        *_level_rows(identifier, "activities", [2 * followed + (10 if identifier == "li" else 0)] * 3),
        *_level_rows(identifier, "revenue", revenue),
    ]
    rows.extend(
        MetricObservation(identifier, month, "quota_attainment", amount / goal, amount, goal, False)
        for month, amount, goal in zip(MONTHS, revenue, target, strict=True)
    )
    return rows


def xiao_li_team() -> tuple[list[EmployeeProfile], list[MetricObservation]]:
    """The ten profiles (group ``east``, role ``sales_engineer``) and all their metric rows."""
    employees = [
        EmployeeProfile(
            member.employee_id,
            "east",
            "sales_engineer",
            date(2021, 1, 1) if member.employee_id == "li" else date(2023, 3, 1),
        )
        for member in TEAM
    ]
    observations = [row for member in TEAM for row in member_rows(member)]
    return employees, observations


@pytest.fixture(name="li_diagnosis")
def fixture_li_diagnosis():
    employees, observations = xiao_li_team()
    return diagnose(
        employee_id="li",
        employees=employees,
        observations=observations,
        end_month=END_MONTH,
        currency=CURRENCY,
    )


def test_li_top_gap_is_lead_conversion_caused_by_screening_then_repurchase(li_diagnosis):
    """Given Li's team, when diagnosed: lead conversion (cause: screening share) first, repurchase second.

    Li's monthly funnel: L = 300 / 3 = 100 leads, c₁ = 36/300 = 12%, c₂ = 9/36 = 25%, S = 180,000/9 =
    20,000 per won deal; R̂ = 100 × 0.12 × 0.25 × 20,000 = 60,000 = R. Team means: c̄₁ = 20%,
    c̄₂ = 26%, S̄ = 20,500, r̄ = 15%, L̄ = 2,630 / 30 ≈ 87.7.

    - lead conversion: 100 × (0.20 − 0.12) × 0.25 × 20,000 = 40,000.00
    - repurchase: 60,000 × ((1 − 0.08) × 0.15 / 0.85 − 0.08) = 60,000 × 1.4/17 = 84,000/17 ≈ 4,941.18
    - deal conversion: 100 × 0.12 × (0.26 − 0.25) × 20,000 = 2,400.00
    - revenue per won deal: 100 × 0.12 × 0.25 × (20,500 − 20,000) = 1,500.00
    - leads created: (87.67 − 100) × 0.12 × 0.25 × 20,000 = −7,400.00 → a strength, not a gap.
    """
    ranked = [(item.metric, item.revenue_effect) for item in li_diagnosis.items]
    assert ranked == [
        (LEAD_CONVERSION, Decimal("40000.00")),
        (REPURCHASE, Decimal("4941.18")),
        (DEAL_CONVERSION, Decimal("2400.00")),
        (REVENUE_PER_WON_DEAL, Decimal("1500.00")),
    ]
    assert [(item.metric, item.revenue_effect) for item in li_diagnosis.strengths] == [
        (LEADS_CREATED, Decimal("-7400.00"))
    ]
    top = li_diagnosis.top_item
    assert (top.value, top.group_mean, top.top_decile_mean) == (
        Decimal("0.120000"),
        Decimal("0.200000"),
        Decimal("0.300000"),
    )
    assert [cause.metric for cause in top.process_causes] == ["screening_share"]
    screening = top.process_causes[0]
    assert (screening.value, screening.group_mean, screening.top_decile_mean) == (
        Decimal("0.100000"),
        Decimal("0.200000"),
        Decimal("0.300000"),
    )
    assert screening.explanation.text == (
        "Time spent screening leads is 10.0% while the top decile averages 30.0% (group mean 20.0%); "
        "it drives Lead conversion."
    )
    repurchase = li_diagnosis.items[1]
    assert (repurchase.value, repurchase.group_mean, repurchase.process_causes) == (
        Decimal("0.080000"),
        Decimal("0.150000"),
        (),
    )


def test_li_effects_to_the_top_decile_and_context(li_diagnosis):
    """Given Li's team, the top decile is m01 alone, and effects to its means follow the same formulas.

    lead conversion: 100 × (0.30 − 0.12) × 0.25 × 20,000 = 90,000; repurchase: 60,000 × (0.92 × 0.25 /
    0.75 − 0.08) = 13,600; deal conversion: m01 has 25% like Li → 0; deal size: 100 × 0.12 × 0.25 ×
    (25,000 − 20,000) = 15,000.
    """
    assert li_diagnosis.top_decile_members == ("m01",)
    assert {item.metric: item.revenue_effect_to_top_decile for item in li_diagnosis.items} == {
        LEAD_CONVERSION: Decimal("90000.00"),
        REPURCHASE: Decimal("13600.00"),
        DEAL_CONVERSION: Decimal("0.00"),
        REVENUE_PER_WON_DEAL: Decimal("15000.00"),
    }
    assert (li_diagnosis.revenue, li_diagnosis.modelled_revenue) == (Decimal("60000.00"), Decimal("60000.00"))
    # Team monthly revenue: (450,000 + 396,000 + … + 180,000) / 3 / 10 = 2,780,000 / 30.
    assert li_diagnosis.group_mean_revenue == Decimal("92666.67")
    assert li_diagnosis.top_decile_mean_revenue == Decimal("150000.00")
    assert li_diagnosis.unassessed == ()
    assert li_diagnosis.assumptions == ()
    assert li_diagnosis.items[0].explanation.text == (
        "Lead conversion is 12.0% against a group mean of 20.0% (top decile 30.0%). Reaching the group "
        "mean, with the rest of the funnel at the employee's own values, is worth about 40,000.00 CNY a "
        "month: 100.0 × (20.0% − 12.0%) × 25.0% × 20,000.00 CNY."
    )
    assert li_diagnosis.explanation.text == (
        "Revenue is 60,000.00 CNY a month against a group mean of 92,666.67 CNY. The largest gap is Lead "
        "conversion (worth about 40,000.00 CNY a month); process causes: Time spent screening leads."
    )


def test_stage_effect_is_exactly_the_change_in_modelled_revenue():
    """The effect of one factor equals R̂ with that factor at the group mean minus R̂, exactly.

    Li's funnel with c₁ moved from 12% to 20%: 100 × 0.20 × 0.25 × 20,000 = 100,000; minus R̂ = 60,000
    gives 40,000 = L × (c̄₁ − c₁) × c₂ × S. With c₂ moved to 26%: 100 × 0.12 × 0.26 × 20,000 = 62,400,
    minus 60,000 = 2,400.
    """
    employees, observations = xiao_li_team()
    funnel = build_funnel("li", [row for row in observations if row.employee_id == "li"])
    assert funnel is not None
    assert (funnel.leads_created, funnel.lead_conversion_rate, funnel.deal_conversion_rate) == (
        Fraction(100),
        Fraction(3, 25),
        Fraction(1, 4),
    )
    assert (funnel.revenue_per_won_deal, funnel.modelled_revenue) == (Fraction(20000), Fraction(60000))
    moved = Fraction(100) * Fraction(1, 5) * Fraction(1, 4) * Fraction(20000)
    assert moved - funnel.modelled_revenue == Fraction(40000)
    moved = Fraction(100) * Fraction(3, 25) * Fraction(26, 100) * Fraction(20000)
    assert moved - funnel.modelled_revenue == Fraction(2400)
    assert len(employees) == 10
