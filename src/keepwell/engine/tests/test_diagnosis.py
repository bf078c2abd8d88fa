"""Diagnosis rules on small hand-made teams: effects, ranking, top decile, process causes, edge cases."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from keepwell.engine.diagnosis import (
    DEAL_CONVERSION,
    FUNNEL_FACTORS,
    LEAD_CONVERSION,
    LEADS_CREATED,
    REPURCHASE,
    REVENUE_PER_WON_DEAL,
    DiagnosisConfig,
    ProcessLink,
    diagnose,
)
from keepwell.engine.scoring import EmployeeProfile
from keepwell.engine.tests.test_diagnosis_xiao_li import END_MONTH, Member, member_rows

D = Decimal
HIRED = date(2024, 1, 1)

# L = 100 a month, c₁ = 20%, c₂ = 25%, S = 20,000, R = 100,000 a month, r = 20%.
BASE = Member(
    employee_id="base",
    leads_created=300,
    qualified=60,
    won=15,
    revenue=300_000,
    target=300_000,
    buyers=20,
    returning=4,
    screening_minutes=600,
    replied_in_24h=48,
    customers_followed_a_month=25,
    tasks_on_time=16,
    csat_sum=84,
    complaints=1,
)


def team(*members: Member):
    employees = [EmployeeProfile(member.employee_id, "g", "sales", HIRED) for member in members]
    rows = [row for member in members for row in member_rows(member)]
    return employees, rows


def run(members, employee_id="e", **settings):
    employees, rows = team(*members)
    return diagnose(
        employee_id=employee_id,
        employees=employees,
        observations=rows,
        end_month=END_MONTH,
        currency="EUR",
        config=DiagnosisConfig(**settings) if settings else None,
    )


def test_a_deal_conversion_gap_alone():
    """e wins 12 of 60 (20%) against 25% and 30%: c̄₂ = 25%; effect 100 × 20% × (25% − 20%) × 20,000 = 20,000.

    Every other factor equals the group mean, so each is a strength with effect 0.
    """
    diagnosis = run(
        [
            replace(BASE, employee_id="a"),
            replace(BASE, employee_id="b", won=18, revenue=360_000),
            replace(BASE, employee_id="e", won=12, revenue=240_000),
        ]
    )
    assert [(item.metric, item.revenue_effect) for item in diagnosis.items] == [
        (DEAL_CONVERSION, D("20000.00"))
    ]
    assert [(item.metric, item.revenue_effect) for item in diagnosis.strengths] == [
        (LEADS_CREATED, D("0.00")),
        (LEAD_CONVERSION, D("0.00")),
        (REVENUE_PER_WON_DEAL, D("0.00")),
        (REPURCHASE, D("0.00")),
    ]
    # The top decile is b (attainment 120%, c₂ = 30%): 100 × 20% × (30% − 20%) × 20,000 = 40,000.
    assert diagnosis.top_decile_members == ("b",)
    assert diagnosis.items[0].revenue_effect_to_top_decile == D("40000.00")
    assert diagnosis.strengths[0].explanation.text == (
        "Leads created a month is 100.0, at or above the group mean of 100.0 (top decile 100.0): not a gap."
    )


@pytest.mark.parametrize(
    ("case", "members", "expected"),
    [
        (
            "highest attainment",
            [replace(BASE, employee_id="a", target=250_000), replace(BASE, employee_id="e")],
            ("a",),
        ),
        (
            "equal attainment: higher revenue first",
            [
                replace(BASE, employee_id="a", revenue=360_000, target=300_000),
                replace(BASE, employee_id="b", revenue=420_000, target=350_000),
                replace(BASE, employee_id="e"),
            ],
            ("b",),
        ),
        (
            "equal attainment and revenue: lower id first",
            [
                replace(BASE, employee_id="b", revenue=360_000),
                replace(BASE, employee_id="a", revenue=360_000),
                replace(BASE, employee_id="e"),
            ],
            ("a",),
        ),
        (
            "eleven members: the top two",
            [
                replace(BASE, employee_id=f"m{index:02d}", revenue=300_000 + 3000 * index)
                for index in range(10)
            ]
            + [replace(BASE, employee_id="e")],
            ("m09", "m08"),
        ),
    ],
)
def test_top_decile(case, members, expected):
    assert run(members).top_decile_members == expected


def test_without_a_target_a_member_ranks_last():
    members = [replace(BASE, employee_id="a", revenue=900_000), replace(BASE, employee_id="e")]
    employees, rows = team(*members)
    no_target = [
        replace(row, denominator=None, value=None)
        if (row.employee_id, row.metric) == ("a", "quota_attainment")
        else row
        for row in rows
    ]
    diagnosis = diagnose(
        employee_id="e", employees=employees, observations=no_target, end_month=END_MONTH, currency="EUR"
    )
    assert diagnosis.top_decile_members == ("e",)


def test_a_lower_is_better_habit_is_a_cause_when_above_the_top_decile():
    """e: 2 of 20 buyers returning (10%) against 20%; complaints 4/20 = 20% against the top (a) 5%: a cause.

    Satisfaction 4.8 beats the top's 4.2, so it is not. Repurchase effect: R = 100,000, r = 10%, r̄ = (20% +
    20% + 10%)/3 = 1/6: 100,000 × (0.9 × (1/6) ÷ (5/6) − 0.1) = 100,000 × 0.08 = 8,000.
    """
    diagnosis = run(
        [
            replace(BASE, employee_id="a", target=250_000),
            replace(BASE, employee_id="b"),
            replace(BASE, employee_id="e", returning=2, complaints=4, csat_sum=96),
        ]
    )
    (item,) = diagnosis.items
    assert (item.metric, item.revenue_effect) == (REPURCHASE, D("8000.00"))
    assert [(cause.metric, cause.value, cause.top_decile_mean) for cause in item.process_causes] == [
        ("complaint_rate", D("0.200000"), D("0.050000"))
    ]
    complaints = next(gap for gap in diagnosis.process_gaps if gap.metric == "complaint_rate")
    assert (complaints.stage, complaints.higher_is_better, complaints.worse_than_top_decile) == (
        REPURCHASE,
        False,
        True,
    )
    satisfaction = next(gap for gap in diagnosis.process_gaps if gap.metric == "csat")
    assert (satisfaction.value, satisfaction.top_decile_mean, satisfaction.worse_than_top_decile) == (
        D("4.800000"),
        D("4.200000"),
        False,
    )


def test_causes_are_ordered_by_relative_shortfall():
    """Screening 300/3000 = 10% vs 20% (shortfall 50%); replies 36/60 = 60% vs 80% (25%)."""
    diagnosis = run(
        [
            replace(BASE, employee_id="a", target=250_000),
            replace(BASE, employee_id="b"),
            replace(BASE, employee_id="e", qualified=45, won=15, screening_minutes=300, replied_in_24h=36),
        ]
    )
    lead = next(item for item in diagnosis.items if item.metric == LEAD_CONVERSION)
    assert [cause.metric for cause in lead.process_causes] == ["screening_share", "response_24h_rate"]


def test_custom_process_links():
    diagnosis = run(
        [
            replace(BASE, employee_id="a", target=250_000),
            replace(BASE, employee_id="b"),
            replace(BASE, employee_id="e", qualified=45, won=15, screening_minutes=300, replied_in_24h=36),
        ],
        process_links=(ProcessLink("response_24h_rate", LEAD_CONVERSION),),
    )
    lead = next(item for item in diagnosis.items if item.metric == LEAD_CONVERSION)
    assert [cause.metric for cause in lead.process_causes] == ["response_24h_rate"]
    assert [gap.metric for gap in diagnosis.process_gaps] == ["response_24h_rate"]


def test_without_won_deals_the_group_deal_size_stands_in():
    """e wins nothing: S̄ = 20,000 (a and b); deal conversion effect 100 × 20% × (1/6 − 0) × 20,000."""
    diagnosis = run(
        [
            replace(BASE, employee_id="a"),
            replace(BASE, employee_id="b"),
            replace(BASE, employee_id="e", won=0, revenue=0),
        ]
    )
    assert REVENUE_PER_WON_DEAL in diagnosis.unassessed
    assert [message.text for message in diagnosis.assumptions] == [
        "No won deals in the window: the effects use the group's mean revenue per won deal, 20,000.00 EUR."
    ]
    deal = next(item for item in diagnosis.items if item.metric == DEAL_CONVERSION)
    # c̄₂ = (25% + 25% + 0%)/3 = 1/6: 100 × 0.2 × 1/6 × 20,000 = 66,666.67.
    assert deal.revenue_effect == D("66666.67")


def test_a_zero_factor_is_rebuilt_with_the_target():
    """e qualifies none of its own new leads (c₁ = 0) but wins 15 of 60 older ones: R̂ = 0.

    Effect of lead conversion: 100 × (20% − 0) × 25% × 20,000 = 100,000 (R̂ rebuilt, not scaled).
    """
    employees, rows = team(
        replace(BASE, employee_id="a"), replace(BASE, employee_id="b"), replace(BASE, employee_id="e")
    )
    rows = [
        replace(row, numerator=D(0), value=D(0))
        if (row.employee_id, row.metric) == ("e", "lead_conversion_rate")
        else row
        for row in rows
    ]
    diagnosis = diagnose(
        employee_id="e", employees=employees, observations=rows, end_month=END_MONTH, currency="EUR"
    )
    lead = next(item for item in diagnosis.items if item.metric == LEAD_CONVERSION)
    # c̄₁ = (20% + 20% + 0%)/3 = 2/15: 100 × 2/15 × 25% × 20,000.
    assert lead.revenue_effect == D("66666.67")
    assert diagnosis.modelled_revenue == D("0.00")


def test_repurchase_cannot_be_assessed_when_the_group_always_returns():
    diagnosis = run(
        [
            replace(BASE, employee_id="a", returning=20),
            replace(BASE, employee_id="b", returning=20),
            replace(BASE, employee_id="e", returning=20),
        ]
    )
    assert diagnosis.unassessed == (REPURCHASE,)


def test_an_employee_without_rows_is_unassessed():
    employees, rows = team(replace(BASE, employee_id="a"), replace(BASE, employee_id="b"))
    employees.append(EmployeeProfile("e", "g", "sales", HIRED))
    diagnosis = diagnose(
        employee_id="e", employees=employees, observations=rows, end_month=END_MONTH, currency="EUR"
    )
    assert (diagnosis.items, diagnosis.unassessed) == ((), FUNNEL_FACTORS)
    assert (
        diagnosis.explanation.text == "Revenue over the window is unknown, so the funnel cannot be diagnosed."
    )


def test_an_unknown_employee_is_refused():
    employees, rows = team(replace(BASE, employee_id="a"))
    with pytest.raises(KeyError):
        diagnose(
            employee_id="nobody", employees=employees, observations=rows, end_month=END_MONTH, currency="EUR"
        )


@pytest.mark.parametrize(
    ("case", "link", "message"),
    [
        ("an unknown stage", ProcessLink("screening_share", "charm"), "unknown funnel stage"),
        ("an unknown process metric", ProcessLink("charm", LEAD_CONVERSION), "unknown process metric"),
    ],
)
def test_refused_configurations(case, link, message):
    with pytest.raises(ValueError, match=message):
        DiagnosisConfig(process_links=(link,))
