"""Trend findings over an employee's recent months: a run below the attainment threshold, and slopes.

Both tests read the monthly values of one metric (default ``quota_attainment``) up to
``end_month``; months without a value (no target) have no value to judge.

**attainment_below_threshold** (severity high): the metric was below ``threshold`` (default 0.6)
in each of the last ``minimum_run_months`` (default 3) or more consecutive calendar months
ending at ``end_month``. The run is counted back from ``end_month`` and stops at the first month
at or above the threshold or without a value; the finding lists every month of the run with its
value. A run that ended before ``end_month`` is history, not a finding.

**improving** (info) / **declining** (medium): an ordinary least-squares line through the
monthly values of the last ``lookback_months`` (default 6) months, x = month number, needing at
least ``minimum_points`` (default 4) months with a value. With slope b, Sxx = Σ(x − x̄)² and
SSE the residual sum of squares, the t statistic is b·√(Sxx·(n − 2)/SSE). The trend is a
finding when |b| ≥ ``minimum_slope_per_month`` (default 0.02, i.e. two percentage points of
attainment a month) and |t| ≥ ``t_critical`` (default 2.0, about the 5% one-sided critical value
for 4 degrees of freedom). The test is decided exactly (b²·Sxx·(n − 2) ≥ t²·SSE, all rational);
a perfect line (SSE = 0) with a slope large enough is significant.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from keepwell.core.periods import Month
from keepwell.engine.metrics import METRICS_BY_ID, Unit
from keepwell.engine.scoring import MetricObservation, format_metric_value, metric_name
from keepwell.engine.wording import Message, format_number, gettext_noop, message, quantize


def _index(label: str) -> int:
    return Month.parse(label).index


def _label(index: int) -> str:
    return Month.from_index(index).label


class Severity(StrEnum):
    """How much a finding should weigh."""

    HIGH = "high"
    MEDIUM = "medium"
    INFO = "info"


class TrendCode(StrEnum):
    """Stable codes of the trend findings."""

    ATTAINMENT_BELOW_THRESHOLD = "attainment_below_threshold"
    IMPROVING = "improving"
    DECLINING = "declining"


@dataclass(frozen=True)
class TrendConfig:
    """The thresholds of the trend tests (see the module docstring)."""

    metric: str = "quota_attainment"
    threshold: Decimal = Decimal("0.6")
    # "Only 60% of target three months running" is the canonical warning sign: the threshold itself counts.
    threshold_inclusive: bool = True
    minimum_run_months: int = 3
    lookback_months: int = 6
    minimum_points: int = 4
    minimum_slope_per_month: Decimal = Decimal("0.02")
    t_critical: Decimal = Decimal("2.0")

    def __post_init__(self) -> None:
        if self.minimum_points < 3:
            raise ValueError("a slope test needs at least three points")
        if self.minimum_run_months < 1 or self.lookback_months < self.minimum_points:
            raise ValueError("the run needs a month, and the lookback must hold the minimum points")


@dataclass(frozen=True)
class TrendFinding:
    """One finding: stable ``code``, ``severity``, plain-language ``message`` and its evidence.

    ``slope_per_month`` and ``t_statistic`` are set for slope findings (``t_statistic`` is
    ``None`` for a perfect line, where it is infinite).
    """

    code: TrendCode
    severity: Severity
    message: Message
    metric: str
    months: tuple[str, ...]
    values: tuple[Decimal, ...]
    slope_per_month: Decimal | None = None
    t_statistic: Decimal | None = None


def _monthly_values(
    observations: Iterable[MetricObservation], employee_id: str, metric_id: str, end_month: str
) -> dict[int, Decimal]:
    end = _index(end_month)
    values: dict[int, Decimal] = {}
    for observation in observations:
        if observation.employee_id != employee_id or observation.metric != metric_id:
            continue
        index = _index(observation.month)
        if index > end or observation.value is None:
            continue
        if index in values:
            raise ValueError(f"two {metric_id!r} rows for employee {employee_id!r} in {observation.month}")
        values[index] = observation.value
    return values


def _evidence(metric_id: str, months: list[int], values: dict[int, Decimal]) -> str:
    return ", ".join(f"{_label(index)}: {format_metric_value(metric_id, values[index])}" for index in months)


def _run_below_threshold(
    values: dict[int, Decimal], end_month: str, config: TrendConfig
) -> TrendFinding | None:
    run: list[int] = []
    index = _index(end_month)
    while index in values and (
        values[index] <= config.threshold if config.threshold_inclusive else values[index] < config.threshold
    ):
        run.append(index)
        index -= 1
    if len(run) < config.minimum_run_months:
        return None
    run.reverse()
    return TrendFinding(
        code=TrendCode.ATTAINMENT_BELOW_THRESHOLD,
        severity=Severity.HIGH,
        message=message(
            gettext_noop(
                "%(metric)s has been at or below %(threshold)s for %(count)s consecutive months: "
                "%(evidence)s."
            )
            if config.threshold_inclusive
            else gettext_noop(
                "%(metric)s has been below %(threshold)s for %(count)s consecutive months: %(evidence)s."
            ),
            metric=metric_name(config.metric),
            threshold=format_metric_value(config.metric, config.threshold),
            count=str(len(run)),
            evidence=_evidence(config.metric, run, values),
        ),
        metric=config.metric,
        months=tuple(_label(month) for month in run),
        values=tuple(values[month] for month in run),
    )


def _slope(values: dict[int, Decimal], end_month: str, config: TrendConfig) -> TrendFinding | None:
    end = _index(end_month)
    months = [index for index in range(end - config.lookback_months + 1, end + 1) if index in values]
    count = len(months)
    if count < config.minimum_points:
        return None
    xs = [Fraction(index - months[0]) for index in months]
    ys = [Fraction(values[index]) for index in months]
    mean_x, mean_y = sum(xs, Fraction(0)) / count, sum(ys, Fraction(0)) / count
    sxx = sum(((x - mean_x) ** 2 for x in xs), Fraction(0))
    sxy = sum(((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)), Fraction(0))
    slope = sxy / sxx
    residuals = sum(
        ((y - mean_y - slope * (x - mean_x)) ** 2 for x, y in zip(xs, ys, strict=True)), Fraction(0)
    )
    if abs(slope) < config.minimum_slope_per_month:
        return None
    evidence = slope * slope * sxx * (count - 2)
    if evidence < Fraction(config.t_critical) ** 2 * residuals:
        return None
    t_statistic = (
        None if residuals == 0 else math.copysign(math.sqrt(float(evidence / residuals)), float(slope))
    )
    improving = slope > 0
    template = (
        gettext_noop(
            "%(metric)s is rising by %(slope)s a month over %(count)s months (t = %(t)s): %(evidence)s."
        )
        if improving
        else gettext_noop(
            "%(metric)s is falling by %(slope)s a month over %(count)s months (t = %(t)s): %(evidence)s."
        )
    )
    return TrendFinding(
        code=TrendCode.IMPROVING if improving else TrendCode.DECLINING,
        severity=Severity.INFO if improving else Severity.MEDIUM,
        message=message(
            template,
            metric=metric_name(config.metric),
            slope=_slope_text(config.metric, abs(slope)),
            count=str(count),
            t=format_number(Fraction(abs(t_statistic)), 2) if t_statistic is not None else "∞",
            evidence=_evidence(config.metric, months, values),
        ),
        metric=config.metric,
        months=tuple(_label(month) for month in months),
        values=tuple(values[month] for month in months),
        slope_per_month=quantize(slope, 6),
        t_statistic=quantize(Fraction(t_statistic), 2) if t_statistic is not None else None,
    )


def _slope_text(metric_id: str, slope: Fraction) -> str:
    """A monthly change for display: percentage points for rates, the metric's own unit otherwise."""
    spec = METRICS_BY_ID.get(metric_id)
    if spec is not None and spec.unit is Unit.RATIO:
        return gettext_noop("%(points)s percentage points") % {"points": format_number(slope * 100, 1)}
    return format_metric_value(metric_id, slope)


def find_trends(
    *,
    employee_id: str,
    observations: Iterable[MetricObservation],
    end_month: str,
    config: TrendConfig | None = None,
) -> tuple[TrendFinding, ...]:
    """The trend findings of ``employee_id`` up to ``end_month``: the run below threshold, then the slope.

    Two rows of the tested metric for the same month are an error.
    """
    config = config or TrendConfig()
    values = _monthly_values(observations, employee_id, config.metric, end_month)
    findings = (_run_below_threshold(values, end_month, config), _slope(values, end_month, config))
    return tuple(finding for finding in findings if finding is not None)
