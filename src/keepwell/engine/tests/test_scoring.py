"""Scoring: pooling, the group reference, shrinkage, sub-scores, coverage, confidence and the quadrant.

Exact, table-driven; each case starts with its label.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from keepwell.engine.scoring import (
    DEFAULT_METRIC_MODELS,
    MANAGER_RATING,
    ContributionStatus,
    Dimension,
    EmployeeProfile,
    GroupReference,
    MetricModel,
    MetricObservation,
    MetricWeight,
    Pooling,
    Quadrant,
    Score,
    ScoreStatus,
    ScoringConfig,
    assign_quadrant,
    group_reference,
    hired_by_end_of,
    months_employed,
    pool_metric,
    score_employees,
    shrink,
    sub_score,
    trailing_months,
)
from keepwell.engine.tests.test_diagnosis_xiao_li import END_MONTH, xiao_li_team

D = Decimal
MONTHS = ("2026-08", "2026-09", "2026-10")


def rate(
    employee_id: str, month: str, metric: str, numerator: int | str, denominator: int | str
) -> MetricObservation:
    top, bottom = D(numerator), D(denominator)
    return MetricObservation(employee_id, month, metric, top / bottom if bottom else None, top, bottom, False)


def level(employee_id: str, month: str, metric: str, value: int | str | None) -> MetricObservation:
    amount = None if value is None else D(value)
    return MetricObservation(employee_id, month, metric, amount, amount, None, False)


def profile(employee_id: str, hired: date = date(2024, 1, 1), group: str = "g") -> EmployeeProfile:
    return EmployeeProfile(employee_id, group, "sales", hired)


# --- months -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "hire_date", "end_month", "expected"),
    [
        ("hired on the 1st: the hire month counts", date(2026, 8, 1), "2026-10", 3),
        ("hired mid-month: the hire month does not count", date(2026, 8, 15), "2026-10", 2),
        ("hired in the end month", date(2026, 10, 31), "2026-10", 0),
        ("hired after the end month", date(2026, 11, 1), "2026-10", 0),
        ("years back", date(2021, 1, 1), "2026-10", 70),
    ],
)
def test_months_employed(case, hire_date, end_month, expected):
    assert months_employed(hire_date, end_month) == expected


@pytest.mark.parametrize(
    ("case", "hire_date", "expected"),
    [
        ("last day of the end month", date(2026, 10, 31), True),
        ("first day after", date(2026, 11, 1), False),
    ],
)
def test_hired_by_end_of(case, hire_date, expected):
    assert hired_by_end_of(hire_date, "2026-10") is expected


def test_trailing_months_cross_a_year():
    assert trailing_months("2026-01", 3) == ("2025-11", "2025-12", "2026-01")


# --- pooling -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "metric", "rows", "expected"),
    [
        (
            "a rate pools counts, not monthly rates",
            "lead_conversion_rate",
            [
                rate("e", "2026-09", "lead_conversion_rate", 1, 2),
                rate("e", "2026-10", "lead_conversion_rate", 10, 100),
            ],
            (Fraction(11, 102), Fraction(11, 102), Fraction(102), 2),
        ),
        (
            "a month with a zero denominator adds nothing",
            "lead_conversion_rate",
            [
                rate("e", "2026-09", "lead_conversion_rate", 0, 0),
                rate("e", "2026-10", "lead_conversion_rate", 3, 10),
            ],
            (Fraction(3, 10), Fraction(3, 10), Fraction(10), 1),
        ),
        (
            "a level is the mean of the months with a value",
            "customers_followed",
            [
                level("e", "2026-08", "customers_followed", 20),
                level("e", "2026-09", "customers_followed", 25),
            ],
            (Fraction(45, 2), Fraction(45, 2), Fraction(2), 2),
        ),
        (
            "nps is scaled by its multiplier",
            "nps",
            [rate("e", "2026-10", "nps", 3, 12)],
            (Fraction(25), Fraction(25), Fraction(12), 1),
        ),
        (
            "csat is rescaled from 1–5 to 0–1 for shrinkage",
            "csat",
            [rate("e", "2026-10", "csat", 45, 10)],
            (Fraction(9, 2), Fraction(7, 8), Fraction(10), 1),
        ),
        (
            "attainment pools money over money",
            "quota_attainment",
            [
                rate("e", "2026-09", "quota_attainment", "50000", "100000"),
                rate("e", "2026-10", "quota_attainment", "100000", "100000"),
            ],
            (Fraction(3, 4), Fraction(3, 4), Fraction(200000), 2),
        ),
    ],
)
def test_pool_metric(case, metric, rows, expected):
    pooled = pool_metric(metric, DEFAULT_METRIC_MODELS[metric], rows)
    assert pooled is not None
    assert (pooled.value, pooled.unit_rate, pooled.trials, pooled.months_with_data) == expected


@pytest.mark.parametrize(
    ("case", "metric", "rows"),
    [
        ("no rows", "lead_conversion_rate", []),
        (
            "only zero denominators",
            "lead_conversion_rate",
            [rate("e", "2026-10", "lead_conversion_rate", 0, 0)],
        ),
        (
            "a target-less attainment",
            "quota_attainment",
            [MetricObservation("e", "2026-10", "quota_attainment", None, D(5), None)],
        ),
        ("only null levels", "customers_followed", [level("e", "2026-10", "customers_followed", None)]),
    ],
)
def test_pool_metric_without_usable_data_is_none(case, metric, rows):
    assert pool_metric(metric, DEFAULT_METRIC_MODELS[metric], rows) is None


def test_pooled_value_remembers_provisional_rows():
    rows = [replace(rate("e", "2026-10", "lead_conversion_rate", 1, 4), provisional=True)]
    pooled = pool_metric("lead_conversion_rate", DEFAULT_METRIC_MODELS["lead_conversion_rate"], rows)
    assert pooled is not None
    assert pooled.provisional is True


# --- group reference and shrinkage ------------------------------------------------------------


def pooled_rates(*pairs: tuple[int, int]):
    model = DEFAULT_METRIC_MODELS["lead_conversion_rate"]
    values = [
        pool_metric("lead_conversion_rate", model, [rate("x", "2026-10", "lead_conversion_rate", x, n)])
        for x, n in pairs
    ]
    assert all(value is not None for value in values)
    return values


@pytest.mark.parametrize(
    ("case", "pairs", "expected"),
    [
        (
            # μ = 0.3, s² = 0.01, v = 0.21/50 = 0.0042, τ² = 0.0058, M = 0.21/0.0058 − 1 = 1021/29.
            "method of moments inside the bounds",
            [(10, 50), (20, 50), (15, 50)],
            GroupReference(3, Fraction(3, 10), Fraction(1, 100), Fraction(1021, 29)),
        ),
        (
            "no between-person variance: the maximum strength",
            [(10, 50), (10, 50), (10, 50)],
            GroupReference(3, Fraction(1, 5), Fraction(0), Fraction(100)),
        ),
        (
            # μ = 0.5, s² = 0.16, v = 0.25/1000, τ² = 0.15975, M = 0.25/0.15975 − 1 < 2.
            "very different people: the minimum strength",
            [(100, 1000), (900, 1000), (500, 1000)],
            GroupReference(3, Fraction(1, 2), Fraction(4, 25), Fraction(2)),
        ),
        (
            "all zero: the maximum strength",
            [(0, 10), (0, 20), (0, 30)],
            GroupReference(3, Fraction(0), Fraction(0), Fraction(100)),
        ),
    ],
)
def test_group_reference(case, pairs, expected):
    model = DEFAULT_METRIC_MODELS["lead_conversion_rate"]
    assert group_reference(model, pooled_rates(*pairs), ScoringConfig()) == expected


def test_group_reference_needs_the_minimum_members():
    model = DEFAULT_METRIC_MODELS["lead_conversion_rate"]
    assert group_reference(model, pooled_rates((1, 2), (1, 3)), ScoringConfig()) is None


def test_levels_are_not_shrunk():
    model = MetricModel(Pooling.LEVEL)
    values = [
        pool_metric("customers_followed", model, [level("x", "2026-10", "customers_followed", v)])
        for v in (20, 24, 28)
    ]
    reference = group_reference(model, [value for value in values if value is not None], ScoringConfig())
    assert reference == GroupReference(3, Fraction(24), Fraction(16), None)
    own = pool_metric("customers_followed", model, [level("e", "2026-10", "customers_followed", 30)])
    assert own is not None
    assert shrink(own, reference) == (Fraction(30), Fraction(1))


def test_shrink_is_the_beta_binomial_posterior_mean():
    """1 in 10 with μ = 0.3, M = 1021/29: (1 + M·0.3) ÷ (10 + M) = 3353/13110; reliability 290/1311."""
    reference = GroupReference(3, Fraction(3, 10), Fraction(1, 100), Fraction(1021, 29))
    (own,) = pooled_rates((1, 10))
    assert shrink(own, reference) == (Fraction(3353, 13110), Fraction(290, 1311))


@pytest.mark.parametrize(
    ("case", "estimate", "reference", "higher_is_better", "expected"),
    [
        (
            "at the mean",
            Fraction(3, 10),
            GroupReference(3, Fraction(3, 10), Fraction(1, 100), None),
            True,
            "50.0",
        ),
        (
            "one standard deviation above",
            Fraction(2, 5),
            GroupReference(3, Fraction(3, 10), Fraction(1, 100), None),
            True,
            "84.1",
        ),
        (
            "one below, lower is better",
            Fraction(1, 5),
            GroupReference(3, Fraction(3, 10), Fraction(1, 100), None),
            False,
            "84.1",
        ),
        (
            "two above, lower is better",
            Fraction(1, 2),
            GroupReference(3, Fraction(3, 10), Fraction(1, 100), None),
            False,
            "2.3",
        ),
        (
            "no spread, above",
            Fraction(1, 2),
            GroupReference(3, Fraction(3, 10), Fraction(0), None),
            True,
            "99.9",
        ),
        (
            "no spread, below",
            Fraction(1, 10),
            GroupReference(3, Fraction(3, 10), Fraction(0), None),
            True,
            "0.1",
        ),
        (
            "no spread, equal",
            Fraction(3, 10),
            GroupReference(3, Fraction(3, 10), Fraction(0), None),
            True,
            "50.0",
        ),
    ],
)
def test_sub_score(case, estimate, reference, higher_is_better, expected):
    value = sub_score(estimate, reference, higher_is_better=higher_is_better)
    assert D(value).quantize(D("0.1")) == D(expected)


# --- whole scores ------------------------------------------------------------------------------


def two_metric_config(**overrides) -> ScoringConfig:
    settings = {
        "attitude": (MetricWeight("customers_followed", D(1)), MetricWeight("response_24h_rate", D(1))),
        "performance": (MetricWeight("quota_attainment", D(1)),),
        "minimum_prior_strength": D(10),
        "maximum_prior_strength": D(10),
    }
    settings.update(overrides)
    return ScoringConfig(**settings)


def small_team(extra_rows=()):
    """Three others (attainment 80/100/120%, followed 20/24/28, replies 6/10, 7/10, 8/10) and ``e``."""
    rows = []
    for index, member in enumerate(("a", "b", "c")):
        for month in MONTHS:
            rows.append(rate(member, month, "quota_attainment", 80 + 20 * index, 100))
            rows.append(level(member, month, "customers_followed", 20 + 4 * index))
            rows.append(rate(member, month, "response_24h_rate", 6 + index, 10))
    return [profile("a"), profile("b"), profile("c"), profile("e")], [*rows, *extra_rows]


def test_exact_scores_of_a_small_team():
    """``e``: attainment 120% vs others 100% ± 20% → z = 1 → 84.1.

    Followed 24 in two months (reliability 2/3), = the others' mean → 50. Replies 9/10 and 9/10 in two
    months: 18/20; others 0.7 ± 0.1, M = 10 → (18 + 7) ÷ 30 = 5/6, z = (5/6 − 0.7)/0.1 = 4/3 → 90.9;
    reliability 20/30. Attitude (50 + 90.9…)/2 = 70.4; confidence (2/3 + 2/3)/2 = 0.67 (medium).
    """
    rows = [
        *(rate("e", month, "quota_attainment", 120, 100) for month in MONTHS),
        level("e", "2026-09", "customers_followed", 24),
        level("e", "2026-10", "customers_followed", 24),
        rate("e", "2026-09", "response_24h_rate", 9, 10),
        rate("e", "2026-10", "response_24h_rate", 9, 10),
    ]
    employees, observations = small_team(rows)
    evaluation = score_employees(
        employees=employees, observations=observations, end_month="2026-10", config=two_metric_config()
    )["e"]
    assert (evaluation.performance.value, evaluation.performance.confidence) == (D("84.1"), D("1.00"))
    attitude = evaluation.attitude
    assert (attitude.value, attitude.confidence, attitude.confidence_level.value) == (
        D("70.4"),
        D("0.67"),
        "medium",
    )
    followed, replies = attitude.contributions
    assert (followed.sub_score, followed.reliability, followed.effective_weight) == (
        D("50.0"),
        D("0.6667"),
        D("0.5000"),
    )
    assert (replies.raw_value, replies.shrunk_value, replies.group_mean, replies.prior_strength) == (
        D("0.900000"),
        D("0.833333"),
        D("0.700000"),
        D("10.00"),
    )
    assert (replies.sub_score, replies.reliability, replies.sample_size) == (
        D("90.9"),
        D("0.6667"),
        D("20.000000"),
    )
    assert replies.explanation.text == (
        "Replies within 24 hours: 90.0% over 20 inbound contacts, adjusted for sample size to 83.3%; the "
        "other 3 in the group average 70.0%, so the sub-score is 90.9 (weight 1.00)."
    )
    assert evaluation.quadrant is Quadrant.CORE
    assert evaluation.months == MONTHS


@pytest.mark.parametrize(
    ("case", "hire_date", "own_rows", "config", "status", "reason"),
    [
        (
            "two complete months since hire",
            date(2026, 8, 15),
            "all",
            {},
            ScoreStatus.INSUFFICIENT_DATA,
            "Employed for 2 complete months; at least 3 are needed for a score.",
        ),
        ("three complete months since hire", date(2026, 8, 1), "all", {}, ScoreStatus.SCORED, None),
        (
            "a quarter of the weight has data",
            date(2024, 1, 1),
            "followed only",
            {
                "attitude": (
                    MetricWeight("customers_followed", D(1)),
                    MetricWeight("response_24h_rate", D(3)),
                )
            },
            ScoreStatus.INSUFFICIENT_DATA,
            "Only 25% of the score's weight can be compared; at least 50% is needed.",
        ),
        (
            "half the weight has data",
            date(2024, 1, 1),
            "followed only",
            {},
            ScoreStatus.SCORED,
            None,
        ),
    ],
)
def test_insufficient_data_rules(case, hire_date, own_rows, config, status, reason):
    rows = [level("e", month, "customers_followed", 24) for month in MONTHS]
    if own_rows == "all":
        rows += [rate("e", month, "response_24h_rate", 7, 10) for month in MONTHS]
    employees, observations = small_team(rows)
    employees[-1] = profile("e", hire_date)
    attitude = score_employees(
        employees=employees,
        observations=observations,
        end_month="2026-10",
        config=two_metric_config(**config),
    )["e"].attitude
    assert attitude.status is status
    assert [message.text for message in attitude.insufficiency_reasons] == ([reason] if reason else [])
    assert (attitude.value is None) is (status is ScoreStatus.INSUFFICIENT_DATA)


def test_an_optional_metric_joins_only_when_scored():
    """The manager rating: left out without counting as missing; when rated by all, it takes its weight."""
    config = two_metric_config(
        attitude=(MetricWeight("customers_followed", D(1)), MetricWeight(MANAGER_RATING, D(1), optional=True))
    )
    employees, observations = small_team([level("e", month, "customers_followed", 24) for month in MONTHS])
    unrated = score_employees(
        employees=employees, observations=observations, end_month="2026-10", config=config
    )["e"]
    assert (unrated.attitude.value, unrated.attitude.weight_share_with_data) == (D("50.0"), D("1.0000"))
    ratings = [
        level(member, "2026-10", MANAGER_RATING, value)
        for member, value in (("a", 3), ("b", 4), ("c", 5), ("e", 5))
    ]
    rated = score_employees(
        employees=employees, observations=[*observations, *ratings], end_month="2026-10", config=config
    )["e"]
    # Rating 5 against 4 ± 1 → z = 1 → 84.13; with followed at 50: (50 + 84.13)/2 = 67.1.
    assert rated.attitude.value == D("67.1")
    assert rated.attitude.contributions[1].status is ContributionStatus.SCORED


def test_a_metric_without_enough_others_is_left_out():
    employees, observations = small_team([level("e", month, "customers_followed", 24) for month in MONTHS])
    only_two_others = [
        row for row in observations if not (row.employee_id == "c" and row.metric == "customers_followed")
    ]
    attitude = score_employees(
        employees=employees, observations=only_two_others, end_month="2026-10", config=two_metric_config()
    )["e"].attitude
    followed = attitude.contributions[0]
    assert (followed.status, followed.group_members) == (ContributionStatus.NO_GROUP_REFERENCE, 0)
    assert followed.explanation.text == (
        "Customers followed: fewer than 3 others in the group have data to compare with; "
        "left out of the score."
    )


def test_provisional_rows_can_be_excluded():
    rows = [rate("e", month, "response_24h_rate", 9, 10) for month in MONTHS[:2]]
    rows.append(replace(rate("e", "2026-10", "response_24h_rate", 0, 10), provisional=True))
    employees, observations = small_team(rows)
    included = score_employees(
        employees=employees, observations=observations, end_month="2026-10", config=two_metric_config()
    )
    excluded = score_employees(
        employees=employees,
        observations=observations,
        end_month="2026-10",
        config=two_metric_config(include_provisional=False),
    )
    assert included["e"].attitude.contributions[1].raw_value == D("0.600000")
    assert included["e"].attitude.contributions[1].provisional is True
    assert excluded["e"].attitude.contributions[1].raw_value == D("0.900000")


def test_groups_are_compared_separately_and_late_hires_are_left_out():
    employees, observations = small_team([rate("e", month, "quota_attainment", 100, 100) for month in MONTHS])
    employees.append(profile("other-group", group="h"))
    employees.append(profile("hired-later", hired=date(2026, 11, 2)))
    observations += [rate("other-group", month, "quota_attainment", 500, 100) for month in MONTHS]
    evaluations = score_employees(
        employees=employees, observations=observations, end_month="2026-10", config=two_metric_config()
    )
    assert sorted(evaluations) == ["a", "b", "c", "e", "other-group"]
    assert evaluations["e"].performance.value == D("50.0")
    assert evaluations["other-group"].performance.status is ScoreStatus.INSUFFICIENT_DATA


@pytest.mark.parametrize(
    ("case", "mutation", "message"),
    [
        (
            "two rows for one employee, month and metric",
            "duplicate",
            "two rows for employee 'a', month 2026-08",
        ),
        ("an employee listed twice", "employee", "an employee id appears twice"),
    ],
)
def test_refused_inputs(case, mutation, message):
    employees, observations = small_team()
    if mutation == "duplicate":
        observations.append(observations[0])
    else:
        employees.append(profile("a"))
    with pytest.raises(ValueError, match=message):
        score_employees(
            employees=employees, observations=observations, end_month="2026-10", config=two_metric_config()
        )


@pytest.mark.parametrize(
    ("case", "overrides", "message"),
    [
        ("a zero weight", {"performance": (MetricWeight("quota_attainment", D(0)),)}, "positive weights"),
        ("no metrics", {"performance": ()}, "positive weights"),
        (
            "an unknown metric",
            {"performance": (MetricWeight("charisma", D(1), higher_is_better=True),)},
            "no pooling model",
        ),
        (
            "an unknown direction",
            {
                "performance": (MetricWeight("charisma", D(1)),),
                "metric_models": {**DEFAULT_METRIC_MODELS, "charisma": MetricModel(Pooling.LEVEL)},
            },
            "give its direction",
        ),
        (
            "inverted prior bounds",
            {"minimum_prior_strength": D(5), "maximum_prior_strength": D(4)},
            "prior strength",
        ),
        ("one reference member", {"minimum_reference_members": 1}, "two reference members"),
    ],
)
def test_refused_configurations(case, overrides, message):
    with pytest.raises(ValueError, match=message):
        ScoringConfig(**overrides)


def test_metric_observation_from_an_export_row():
    row = {
        "employee_id": "e1",
        "month": "2026-10",
        "metric": "lead_conversion_rate",
        "value": "0.12",
        "numerator": "12",
        "denominator": "100",
        "provisional": "true",
    }
    assert MetricObservation.from_row(row) == MetricObservation(
        "e1", "2026-10", "lead_conversion_rate", D("0.12"), D(12), D(100), True
    )
    empty = {**row, "value": "", "numerator": "0", "denominator": "0", "provisional": False}
    assert MetricObservation.from_row(empty).value is None
    with pytest.raises(ValueError, match="YYYY-MM"):
        MetricObservation.from_row({**row, "month": "2026-13"})


# --- quadrant --------------------------------------------------------------------------------


def score(dimension: Dimension, value: str | None) -> Score:
    return Score(
        dimension=dimension,
        status=ScoreStatus.SCORED if value is not None else ScoreStatus.INSUFFICIENT_DATA,
        value=D(value) if value is not None else None,
        confidence=D("0.5"),
        confidence_level="medium",  # type: ignore[arg-type]
        weight_share_with_data=D(1),
        contributions=(),
        insufficiency_reasons=(),
        explanation=None,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("case", "attitude", "performance", "thresholds", "expected"),
    [
        ("both high", "72.0", "61.0", (50, 50), Quadrant.CORE),
        ("both exactly at the threshold count as high", "50.0", "50.0", (50, 50), Quadrant.CORE),
        ("high attitude, low performance", "79.8", "23.0", (50, 50), Quadrant.DEVELOP_SKILLS),
        ("low attitude, high performance", "49.9", "80.0", (50, 50), Quadrant.CULTURE_FIT),
        ("both low", "30.0", "20.0", (50, 50), Quadrant.LET_GO),
        ("custom thresholds", "55.0", "55.0", (60, 50), Quadrant.CULTURE_FIT),
        ("attitude insufficient", None, "80.0", (50, 50), Quadrant.INSUFFICIENT_DATA),
        ("performance insufficient", "80.0", None, (50, 50), Quadrant.INSUFFICIENT_DATA),
    ],
)
def test_assign_quadrant(case, attitude, performance, thresholds, expected):
    result = assign_quadrant(
        attitude=score(Dimension.ATTITUDE, attitude),
        performance=score(Dimension.PERFORMANCE, performance),
        attitude_threshold=D(thresholds[0]),
        performance_threshold=D(thresholds[1]),
    )
    assert result is expected


def test_xiao_li_is_develop_skills():
    """Li: diligent (30 customers a month vs 24.4), replies and satisfaction high; attainment 60% vs 96.3%."""
    employees, observations = xiao_li_team()
    evaluation = score_employees(employees=employees, observations=observations, end_month=END_MONTH)["li"]
    assert (evaluation.attitude.value, evaluation.performance.value) == (D("79.8"), D("23.0"))
    assert evaluation.quadrant is Quadrant.DEVELOP_SKILLS
    assert evaluation.quadrant_explanation.text == (
        "Attitude 79.8 is at or above 50.0 and performance 23.0 is below 50.0: develop skills."
    )
    lead = next(
        item for item in evaluation.performance.contributions if item.metric == "lead_conversion_rate"
    )
    # 36 of 300 with the rest of the team at 20.9% and M = 100: (36 + 100 × 0.2089) ÷ 400 = 14.2%.
    assert (lead.raw_value, lead.shrunk_value, lead.group_mean, lead.reliability) == (
        D("0.120000"),
        D("0.142222"),
        D("0.208889"),
        D("0.7500"),
    )
