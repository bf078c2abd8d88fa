"""Trend findings: the run below the attainment threshold and the slope test. Exact, table-driven."""

from __future__ import annotations

from decimal import Decimal

import pytest

from keepwell.engine.scoring import MetricObservation
from keepwell.engine.trend import Severity, TrendCode, TrendConfig, find_trends

D = Decimal
MONTHS = ("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10")


def attainment(*values: str | None, employee_id: str = "li") -> list[MetricObservation]:
    """Monthly attainment rows ending 2026-10 (``None``: no target that month)."""
    months = MONTHS[len(MONTHS) - len(values) :]
    return [
        MetricObservation(employee_id, month, "quota_attainment", None if value is None else D(value))
        for month, value in zip(months, values, strict=True)
    ]


def codes(rows, **settings):
    config = TrendConfig(**settings) if settings else None
    return [
        finding.code
        for finding in find_trends(employee_id="li", observations=rows, end_month="2026-10", config=config)
    ]


@pytest.mark.parametrize(
    ("case", "values", "expected_months"),
    [
        ("three months below 60%", ("0.80", "0.59", "0.58", "0.55"), ("2026-08", "2026-09", "2026-10")),
        (
            "a fourth month joins the run",
            ("0.59", "0.59", "0.58", "0.55"),
            ("2026-07", "2026-08", "2026-09", "2026-10"),
        ),
        (
            "exactly 60% three months running counts",
            ("0.70", "0.60", "0.60", "0.60"),
            ("2026-08", "2026-09", "2026-10"),
        ),
        ("just above 60% breaks the run", ("0.6001", "0.59", "0.58"), None),
        ("two months are not a run", ("0.70", "0.59", "0.58"), None),
        ("a month without a target breaks the run", ("0.50", None, "0.59", "0.58"), None),
        ("a run that ended is history", ("0.50", "0.50", "0.50", "0.61"), None),
    ],
)
def test_attainment_below_threshold(case, values, expected_months):
    findings = [
        finding
        for finding in find_trends(employee_id="li", observations=attainment(*values), end_month="2026-10")
        if finding.code is TrendCode.ATTAINMENT_BELOW_THRESHOLD
    ]
    if expected_months is None:
        assert findings == []
        return
    (finding,) = findings
    assert finding.months == expected_months
    assert finding.values == tuple(D(value) for value in values[-len(expected_months) :])
    assert finding.severity is Severity.HIGH


def test_attainment_below_threshold_message():
    (finding,) = find_trends(
        employee_id="li", observations=attainment("0.59", "0.58", "0.55"), end_month="2026-10"
    )
    assert finding.message.text == (
        "Quota attainment has been at or below 60.0% for 3 consecutive months: 2026-08: 59.0%, "
        "2026-09: 58.0%, 2026-10: 55.0%."
    )
    assert finding.message.params["count"] == "3"


def test_a_strict_threshold_leaves_exactly_60_percent_out():
    rows = attainment("0.60", "0.60", "0.60")
    assert codes(rows, threshold_inclusive=False) == []
    (finding,) = find_trends(
        employee_id="li",
        observations=attainment("0.59", "0.58", "0.55"),
        end_month="2026-10",
        config=TrendConfig(threshold_inclusive=False),
    )
    assert finding.message.text.startswith("Quota attainment has been below 60.0% for 3")


@pytest.mark.parametrize(
    ("case", "values", "expected"),
    [
        # x = 0..5, Sxx = 17.5, Sxy = 0.845: b = 0.048286; SSE = 0.000882…, t = b·√(17.5·4/SSE) = 13.60.
        (
            "a steady rise",
            ("0.50", "0.56", "0.58", "0.66", "0.68", "0.75"),
            (TrendCode.IMPROVING, D("0.048286"), D("13.60")),
        ),
        (
            "a steady fall",
            ("0.90", "0.80", "0.85", "0.70", "0.65", "0.59"),
            (TrendCode.DECLINING, D("-0.061429"), D("-6.12")),
        ),
        (
            "a perfect line has an infinite t",
            ("0.50", "0.55", "0.60", "0.65", "0.70", "0.75"),
            (TrendCode.IMPROVING, D("0.050000"), None),
        ),
        ("a zigzag is not a trend", ("0.50", "0.80", "0.50", "0.80", "0.50", "0.90"), None),
        (
            "a significant but tiny slope is not a trend",
            ("0.700", "0.705", "0.710", "0.715", "0.720", "0.725"),
            None,
        ),
        ("three points are too few", ("0.50", "0.60", "0.70"), None),
        # x = 0, 2, 4, 5: x̄ = 2.75, Sxx = 14.75, Sxy = 0.85, b = 0.85/14.75 = 0.057627.
        (
            "gaps are skipped, four points remain",
            ("0.50", None, "0.60", None, "0.70", "0.80"),
            (TrendCode.IMPROVING, D("0.057627"), D("9.81")),
        ),
    ],
)
def test_slope(case, values, expected):
    findings = [
        finding
        for finding in find_trends(employee_id="li", observations=attainment(*values), end_month="2026-10")
        if finding.code in (TrendCode.IMPROVING, TrendCode.DECLINING)
    ]
    if expected is None:
        assert findings == []
        return
    (finding,) = findings
    assert (finding.code, finding.slope_per_month, finding.t_statistic) == expected
    assert finding.severity is (Severity.INFO if finding.code is TrendCode.IMPROVING else Severity.MEDIUM)


def test_slope_message_speaks_of_percentage_points():
    rows = attainment("0.50", "0.56", "0.58", "0.66", "0.68", "0.75")
    (finding,) = find_trends(employee_id="li", observations=rows, end_month="2026-10")
    assert finding.message.text == (
        "Quota attainment is rising by 4.8 percentage points a month over 6 months (t = 13.60): "
        "2026-05: 50.0%, 2026-06: 56.0%, 2026-07: 58.0%, 2026-08: 66.0%, 2026-09: 68.0%, 2026-10: 75.0%."
    )


def test_a_falling_run_gives_both_findings_in_order():
    rows = attainment("0.70", "0.62", "0.59", "0.58", "0.55", "0.52")
    assert codes(rows) == [TrendCode.ATTAINMENT_BELOW_THRESHOLD, TrendCode.DECLINING]


@pytest.mark.parametrize(
    ("case", "overrides", "expected"),
    [
        (
            "a higher threshold finds a 3-month run",
            {"threshold": D("0.685")},
            [TrendCode.ATTAINMENT_BELOW_THRESHOLD],
        ),
        ("a 4-month run is required", {"threshold": D("0.685"), "minimum_run_months": 4}, []),
        # b = 0.205/17.5 = 0.0117 a month, t = 1.89: a trend only with a lower slope floor and t.
        (
            "a lower floor and t find the rise",
            {"minimum_slope_per_month": D("0.01"), "t_critical": D("1.8")},
            [TrendCode.IMPROVING],
        ),
        ("a lower slope floor alone does not", {"minimum_slope_per_month": D("0.01")}, []),
    ],
)
def test_configuration(case, overrides, expected):
    rows = attainment("0.62", "0.61", "0.69", "0.65", "0.66", "0.68")
    assert codes(rows, **overrides) == expected


def test_other_employees_months_after_the_end_and_other_metrics_are_ignored():
    rows = [
        *attainment("0.59", "0.58", "0.55"),
        *attainment("0.10", "0.10", "0.10", employee_id="someone-else"),
        MetricObservation("li", "2026-11", "quota_attainment", D("0.99")),
        MetricObservation("li", "2026-10", "revenue", D("1")),
    ]
    assert codes(rows) == [TrendCode.ATTAINMENT_BELOW_THRESHOLD]


def test_two_rows_for_one_month_are_refused():
    with pytest.raises(ValueError, match="two 'quota_attainment' rows"):
        find_trends(employee_id="li", observations=attainment("0.5", "0.5") * 2, end_month="2026-10")


@pytest.mark.parametrize(
    ("case", "overrides"),
    [
        ("two points cannot test a slope", {"minimum_points": 2}),
        ("the lookback must hold the points", {"lookback_months": 3}),
    ],
)
def test_refused_configurations(case, overrides):
    with pytest.raises(ValueError, match=r"at least three points|lookback"):
        TrendConfig(**overrides)
