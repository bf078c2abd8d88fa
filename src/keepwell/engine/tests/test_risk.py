"""Client-loss risk and bench strength: the documented rules, table-driven with exact values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from keepwell.engine.risk import (
    BenchConfig,
    BenchStrength,
    CandidateKind,
    CustomerFact,
    ReserveCandidate,
    RiskConfig,
    RiskLevel,
    TeammateCapacity,
    assess_bench,
    assess_client_loss_risk,
    capacities_from_evaluations,
    percentile,
)
from keepwell.engine.scoring import score_employees
from keepwell.engine.tests.test_diagnosis_xiao_li import END_MONTH, xiao_li_team

D = Decimal
NEEDED_BY = date(2026, 12, 31)


@pytest.mark.parametrize(
    ("case", "values", "fraction", "expected"),
    [
        ("median of an even count interpolates", [4, 1, 3, 2], Fraction(1, 2), Fraction(5, 2)),
        ("75th percentile interpolates", [1, 2, 3, 4], Fraction(3, 4), Fraction(13, 4)),
        ("a single value", [5], Fraction(3, 4), Fraction(5)),
        ("the maximum", [1, 9, 3], Fraction(1), Fraction(9)),
    ],
)
def test_percentile(case, values, fraction, expected):
    assert percentile([Fraction(value) for value in values], fraction) == expected


def test_percentile_of_nothing_is_refused():
    with pytest.raises(ValueError, match="no values"):
        percentile([], Fraction(1, 2))


# --- client-loss risk -----------------------------------------------------------------------

# Touches over the group's ten customers: 5, 8, 10, 12, 20, 20, 24, 25, 30, 40 → median 20.
CUSTOMERS = (
    CustomerFact("L1", "li", D(300_000), 30, D("4.8")),  # strong
    CustomerFact("L2", "li", D(200_000), 24, D("4.5")),  # strong
    CustomerFact("L3", "li", D(100_000), 10, D("4.9")),  # too few touches
    CustomerFact("L4", "li", D(50_000), 40, D("3.5")),  # satisfaction too low
    CustomerFact("L5", "li", D(80_000), 20, None),  # no satisfaction known
    CustomerFact("A1", "a", D(500_000), 12, D("4.2")),
    CustomerFact("A2", "a", D(100_000), 8, D("4.0")),
    CustomerFact("B1", "b", D(200_000), 25, D("4.1")),  # strong
    CustomerFact("B2", "b", D(50_000), 5, D("3.0")),
    CustomerFact("B3", "b", D(10_000), 20, D("4.0")),  # strong: both bounds inclusive
    CustomerFact("X1", "elsewhere", D(9_000_000), 99, D(5)),  # another group: ignored
)


@pytest.mark.parametrize(
    ("case", "employee_id", "expected"),
    [
        # Strong revenue by member: li 500,000, a 0, b 210,000 → median 210,000, p75 355,000.
        ("at or above the 75th percentile", "li", (5, 2, D("730000.00"), D("500000.00"), RiskLevel.HIGH)),
        ("at or above the median", "b", (3, 2, D("260000.00"), D("210000.00"), RiskLevel.MEDIUM)),
        ("nothing strong is always low", "a", (2, 0, D("600000.00"), D("0.00"), RiskLevel.LOW)),
    ],
)
def test_client_loss_risk(case, employee_id, expected):
    risk = assess_client_loss_risk(
        employee_id=employee_id, group_member_ids=["li", "a", "b"], customers=CUSTOMERS, currency="CNY"
    )
    assert (
        risk.accounts,
        risk.strong_accounts,
        risk.revenue_12m,
        risk.revenue_strong_relationship,
        risk.level,
    ) == expected
    assert (risk.touches_threshold, risk.group_median, risk.group_p75) == (
        D("20.0"),
        D("210000.00"),
        D("355000.00"),
    )


def test_client_loss_risk_explains_itself():
    risk = assess_client_loss_risk(
        employee_id="li", group_member_ids=["a", "b"], customers=CUSTOMERS, currency="CNY"
    )
    # 730,000 of the group's 1,590,000.
    assert risk.share_of_group_revenue == D("0.4591")
    assert risk.explanation.text == (
        "5 accounts with 730,000.00 CNY of revenue over 12 months (45.9% of the group's); 2 of them, worth "
        "500,000.00 CNY, have a strong relationship (at least 20.0 touches and satisfaction at least 4.0). "
        "Risk high: the group's median is 210,000.00 CNY and its 75th percentile 355,000.00 CNY."
    )


def test_a_stricter_satisfaction_floor():
    risk = assess_client_loss_risk(
        employee_id="li",
        group_member_ids=["a", "b"],
        customers=CUSTOMERS,
        currency="CNY",
        config=RiskConfig(minimum_csat=D("4.6")),
    )
    assert (risk.strong_accounts, risk.revenue_strong_relationship) == (1, D("300000.00"))


def test_an_employee_without_customers():
    risk = assess_client_loss_risk(
        employee_id="new", group_member_ids=["a"], customers=CUSTOMERS, currency="CNY"
    )
    assert (risk.accounts, risk.revenue_12m, risk.level) == (0, D("0.00"), RiskLevel.LOW)
    nobody = assess_client_loss_risk(employee_id="new", group_member_ids=[], customers=(), currency="CNY")
    assert (nobody.touches_threshold, nobody.share_of_group_revenue, nobody.level) == (
        None,
        None,
        RiskLevel.LOW,
    )


# --- bench strength ---------------------------------------------------------------------------


def mate(employee_id: str, score: str | None, followed: str | None) -> TeammateCapacity:
    return TeammateCapacity(
        employee_id, None if score is None else D(score), None if followed is None else D(followed)
    )


# Loads with the employee's 30: 20, 22, 26, 28, 30 → 75th percentile 28.
TEAMMATES = (
    mate("busy", "80", "28"),  # at the capacity line: no spare capacity
    mate("weak", "45", "20"),  # below the group average
    mate("unknown", None, "22"),  # insufficient data
    mate("spare", "60", "26"),  # spare capacity
)


@pytest.mark.parametrize(
    ("case", "reserve", "teammates", "strength", "candidates"),
    [
        (
            "a successor ready by the contract's end",
            [ReserveCandidate("zhang", date(2026, 12, 31), "Sales_Engineer")],
            (),
            BenchStrength.READY,
            [("zhang", CandidateKind.RESERVE, True)],
        ),
        (
            "a successor ready later, within 180 days",
            [ReserveCandidate("zhang", date(2027, 6, 29), "sales_engineer")],
            (),
            BenchStrength.THIN,
            [("zhang", CandidateKind.RESERVE, False)],
        ),
        (
            "a successor too late, or for another role, does not count",
            [
                ReserveCandidate("late", date(2027, 6, 30), "sales_engineer"),
                ReserveCandidate("other", date(2026, 1, 1), "account_manager"),
            ],
            (),
            BenchStrength.NONE,
            [],
        ),
        (
            "only a teammate with spare capacity",
            [],
            TEAMMATES,
            BenchStrength.THIN,
            [("spare", CandidateKind.TEAMMATE_CAPACITY, False)],
        ),
        (
            "ready successors come first",
            [
                ReserveCandidate("later", date(2027, 2, 1), "sales_engineer"),
                ReserveCandidate("now", date(2026, 6, 1), "sales_engineer"),
            ],
            TEAMMATES,
            BenchStrength.READY,
            [
                ("now", CandidateKind.RESERVE, True),
                ("later", CandidateKind.RESERVE, False),
                ("spare", CandidateKind.TEAMMATE_CAPACITY, False),
            ],
        ),
        ("nobody at all", [], (), BenchStrength.NONE, []),
    ],
)
def test_bench(case, reserve, teammates, strength, candidates):
    bench = assess_bench(
        employee_id="li",
        role="sales_engineer",
        needed_by=NEEDED_BY,
        employee_customers_followed=D(30),
        teammates=teammates,
        reserve=reserve,
    )
    assert bench.strength is strength
    assert [
        (candidate.person, candidate.kind, candidate.ready) for candidate in bench.candidates
    ] == candidates


def test_bench_explains_each_candidate():
    bench = assess_bench(
        employee_id="li",
        role="sales_engineer",
        needed_by=NEEDED_BY,
        employee_customers_followed=D(30),
        teammates=TEAMMATES,
        reserve=[ReserveCandidate("zhang", date(2027, 3, 1), "sales_engineer")],
    )
    assert [candidate.why.text for candidate in bench.candidates] == [
        "Reserve candidate for sales_engineer, ready only on 2027-03-01, after 2026-12-31 when needed.",
        "Teammate with performance 60 (at least 50.0) following 26.0 customers a month, below the group's "
        "28.0: could take over accounts.",
    ]
    assert bench.explanation.text == (
        "Bench thin: no successor ready by 2026-12-31; 1 reserve candidate(s) ready later and 1 teammate(s) "
        "with spare capacity."
    )


def test_a_stricter_performance_bar_leaves_no_bench():
    bench = assess_bench(
        employee_id="li",
        role="sales_engineer",
        needed_by=NEEDED_BY,
        employee_customers_followed=D(30),
        teammates=TEAMMATES,
        reserve=[],
        config=BenchConfig(performance_threshold=D(65)),
    )
    assert bench.strength is BenchStrength.NONE
    assert bench.explanation.text == (
        "No bench: no reserve candidate for sales_engineer and no teammate with spare capacity."
    )


def test_xiao_li_bench_is_thin():
    """Loads 22, 22, 23, 24, 25, 25, 26, 26, 27, 30 → 75th percentile 26; m05 and m09 (25 customers,
    performance ≥ 50) have spare capacity; m01, m02 and m07 are at or above the line; no reserve is ready."""
    employees, observations = xiao_li_team()
    evaluations = score_employees(employees=employees, observations=observations, end_month=END_MONTH)
    teammates = capacities_from_evaluations(evaluations, employee_id="li")
    assert [mate.employee_id for mate in teammates] == [f"m0{index}" for index in range(1, 10)]
    bench = assess_bench(
        employee_id="li",
        role="sales_engineer",
        needed_by=NEEDED_BY,
        employee_customers_followed=D(30),
        teammates=teammates,
        reserve=[ReserveCandidate("wang", date(2027, 4, 1), "sales_engineer")],
    )
    assert bench.strength is BenchStrength.THIN
    assert [candidate.person for candidate in bench.candidates] == ["wang", "m05", "m09"]


def test_an_untouched_customer_is_never_a_strong_relationship():
    """Three of four customers have no touches, so the median is 0; the bar is at least one touch.

    Only li-2 (1 touch, csat 4.5) is strong: 200,000 of li's 300,000 stays out.
    """
    customers = (
        CustomerFact("li-1", "li", D(200_000), 0, D("4.9")),
        CustomerFact("li-2", "li", D(100_000), 1, D("4.5")),
        CustomerFact("a-1", "a", D(50_000), 0, D("4.8")),
        CustomerFact("a-2", "a", D(50_000), 0, D("3.0")),
    )
    risk = assess_client_loss_risk(
        employee_id="li", group_member_ids=["a"], customers=customers, currency="CNY"
    )
    assert (risk.touches_threshold, risk.strong_accounts, risk.revenue_strong_relationship) == (
        D("1.0"),
        1,
        D("100000.00"),
    )
