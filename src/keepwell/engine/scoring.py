"""Attitude and performance scores (0–100, 50 = the comparison group's average) and the quadrant.

Pure Python over the metric rows of DESIGN.md (one :class:`MetricObservation` per employee × month ×
metric, with exact numerator and denominator) and the employees' attributes (:class:`EmployeeProfile`).
All statistics are computed with exact fractions; the only floating-point step is the final
normal-distribution transform, so equal inputs give equal scores and scaling every money amount by
a constant changes no score.

The method, step by step:

**Window.** ``window_months`` (default 3) calendar months ending at ``end_month`` inclusive; pass
the last complete month. Rows outside the window are ignored; provisional rows are used unless
``include_provisional`` is off, and every contribution says whether it rests on one.

**Pooling.** Per metric, the rows of the window are pooled according to the metric's
:class:`Pooling` (:data:`DEFAULT_METRIC_MODELS`): a rate is Σ numerator ÷ Σ denominator over the
window (150 leads in one month and 10 in another weigh 150:10, not 1:1), never a mean of monthly
rates; a level (a count, an amount, a manager rating) is the mean of the monthly values.

**Comparison group.** Each employee is compared with the *rest* of their group: the other
employees with the same ``group_id`` hired by the end of ``end_month``. Leaving the person out
keeps their own value from moving the yardstick (in a team of five they would be a fifth of it);
so a person whose value equals the rest of the group's mean scores exactly 50, and raising one's
own value can never lower one's own score. The group mean is the unweighted mean of the others'
pooled values (as the benchmark mean is a mean over members); the spread is their sample
variance. At least ``minimum_reference_members`` others with data are needed, else the metric has
no reference and is left out of that person's score.

**Shrinkage (empirical Bayes).** Rates built from counts (``Pooling.PROPORTION``) and bounded mean
scores (``Pooling.MEAN_SCORE``, e.g. csat on 1–5, rescaled to 0–1) are shrunk toward the group
mean with a beta-binomial model. The prior is Beta with mean μ = the others' mean rate and
strength M (in pseudo-observations) from the method of moments: with s² the others' variance of
rates and v = mean over them of μ(1 − μ)/nⱼ (the variance binomial sampling alone would produce),
the between-person variance is τ² = max(0, s² − v) and M = μ(1 − μ)/τ² − 1, clamped to
[``minimum_prior_strength``, ``maximum_prior_strength``] (M is the maximum when τ² = 0: no
detectable differences between people). A person with x successes in n trials is estimated at
(x + M·μ) ÷ (n + M): 3 leads barely move the estimate off the group mean, 300 leads mostly speak
for themselves. For a mean score the bound μ(1 − μ) of a 0–1 variable stands in for the unknown
within-person variance, which errs toward more shrinkage. Ratios whose denominator is not a
sample size (quota attainment: money over money; screening share: minutes over minutes) and
levels are not shrunk; their reliability comes from the number of months with data.

**Sub-score.** The standardised gap z = d·(estimate − μ)/s, with d = +1 when higher is better and
−1 otherwise and s the others' standard deviation, mapped through the standard normal
distribution function: sub-score = 100·Φ(z). It is 50 at the group mean, bounded by 0 and 100,
increasing in the estimate, and reads as "the share of a normally distributed group this value
is better than". When the others all have the same value (s = 0) any difference counts as
z = ±3 (sub-score 0.1 or 99.9).

**Score.** The weighted mean of the sub-scores of the metrics that could be scored; weights are
relative (divided by their sum). An optional metric (the manager rating) joins when it can be
scored and is otherwise left out without counting as missing.

**Confidence.** Σ weight × reliability ÷ Σ weight over the configured metrics (optional ones only
when scored), where reliability is n ÷ (n + M) for a shrunk metric (the share of the estimate
that is the person's own data), months with data ÷ window months for the others, and 0 for a
metric without data or reference. Levels: high ≥ ``high_confidence`` (0.7), medium ≥
``medium_confidence`` (0.4), low below.

**Insufficient data** (an outcome, not an error): fewer than ``minimum_months_employed`` (3)
complete months employed by the end of ``end_month`` (the hire month counts when the hire date is
its first day), or less than ``minimum_weight_share`` (half) of the configured weight scored.

**Quadrant.** attitude ≥ ``attitude_threshold`` and performance ≥ ``performance_threshold``
(both 50 by default; equal counts as high): core; high attitude, low performance:
develop_skills; low attitude, high performance: culture_fit; both low: let_go; either score
insufficient: insufficient_data.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from keepwell.core.periods import Month
from keepwell.engine.metrics import METRICS_BY_ID, Unit
from keepwell.engine.wording import (
    Message,
    format_number,
    format_percent,
    gettext_noop,
    message,
    quantize,
    quantize_optional,
)

MANAGER_RATING = "manager_rating"
"""Metric id of the optional manager rating (1–5): rows built by the caller, one per rated month."""

# When the rest of the group all have the same value, any difference is treated as this many
# standard deviations (sub-score 0.1 or 99.9): the difference is real but cannot be scaled.
Z_WHEN_GROUP_HAS_NO_SPREAD = 3.0


# --- months ------------------------------------------------------------------------------


def trailing_months(end_month: str, count: int) -> tuple[str, ...]:
    """The ``count`` months (``'YYYY-MM'``) ending at ``end_month`` inclusive, oldest first."""
    if count < 1:
        raise ValueError("a window needs at least one month")
    end = Month.parse(end_month)
    return tuple(end.shifted(offset).label for offset in range(1 - count, 1))


def months_employed(hire_date: date, end_month: str) -> int:
    """Complete months employed by the end of ``end_month``; the hire month counts if hired on its 1st."""
    elapsed = Month.parse(end_month).index - Month.of(hire_date).index
    return max(0, elapsed + (1 if hire_date.day == 1 else 0))


def hired_by_end_of(hire_date: date, end_month: str) -> bool:
    """Whether ``hire_date`` falls on or before the last day of ``end_month``."""
    return Month.of(hire_date) <= Month.parse(end_month)


# --- inputs ------------------------------------------------------------------------------


def _optional_decimal(raw: object) -> Decimal | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, bool) or not isinstance(raw, (int, str)):
        raise ValueError(f"not a decimal number: {raw!r}")
    return Decimal(raw)


def _boolean(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if raw in ("true", "True", "1", 1):
        return True
    if raw in ("false", "False", "0", 0, "", None):
        return False
    raise ValueError(f"not a boolean: {raw!r}")


@dataclass(frozen=True)
class MetricObservation:
    """One metric row of the export (DESIGN.md): employee × month (``'YYYY-MM'``) × metric.

    ``numerator`` and ``denominator`` are exact; ``value`` is null when the denominator is zero.
    """

    employee_id: str
    month: str
    metric: str
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    provisional: bool = False

    @classmethod
    def from_row(cls, row: Mapping[str, object]) -> MetricObservation:
        """Build from a metric-export row: decimal strings (or ints/Decimals), ``''``/``None`` for null."""
        return cls(
            employee_id=str(row["employee_id"]),
            month=Month.parse(str(row["month"])).label,
            metric=str(row["metric"]),
            value=_optional_decimal(row.get("value")),
            numerator=_optional_decimal(row.get("numerator")),
            denominator=_optional_decimal(row.get("denominator")),
            provisional=_boolean(row.get("provisional", False)),
        )


@dataclass(frozen=True)
class EmployeeProfile:
    """The attributes scoring needs: the comparison group (default the team), role and hire date."""

    employee_id: str
    group_id: str
    role: str
    hire_date: date


# --- metric models -----------------------------------------------------------------------


class Pooling(StrEnum):
    """How a metric's monthly rows are pooled over the window, and whether it is shrunk."""

    PROPORTION = "proportion"  # Σ successes ÷ Σ trials (counts); shrunk, beta-binomial
    MEAN_SCORE = "mean_score"  # Σ scores ÷ Σ responses on a bounded scale; shrunk on the 0–1 rescale
    RATIO = "ratio"  # Σ numerator ÷ Σ denominator, the denominator not a sample size; not shrunk
    LEVEL = "level"  # mean of the monthly values (counts, amounts, ratings); not shrunk


@dataclass(frozen=True)
class MetricModel:
    """The pooling of one metric; ``scale_low``/``scale_high`` bound a mean score (csat: 1 and 5)."""

    pooling: Pooling
    scale_low: Decimal = Decimal(0)
    scale_high: Decimal = Decimal(1)

    @property
    def is_shrunk(self) -> bool:
        """Whether the metric is shrunk toward the group (proportions and mean scores)."""
        return self.pooling in (Pooling.PROPORTION, Pooling.MEAN_SCORE)


DEFAULT_METRIC_MODELS: Mapping[str, MetricModel] = {
    "activities": MetricModel(Pooling.LEVEL),
    "customers_followed": MetricModel(Pooling.LEVEL),
    "new_intents": MetricModel(Pooling.LEVEL),
    "revenue": MetricModel(Pooling.LEVEL),
    MANAGER_RATING: MetricModel(Pooling.LEVEL),
    "response_24h_rate": MetricModel(Pooling.PROPORTION),
    "lead_conversion_rate": MetricModel(Pooling.PROPORTION),
    "deal_conversion_rate": MetricModel(Pooling.PROPORTION),
    "repurchase_rate": MetricModel(Pooling.PROPORTION),
    "task_on_time_rate": MetricModel(Pooling.PROPORTION),
    "complaint_rate": MetricModel(Pooling.PROPORTION),
    "screening_share": MetricModel(Pooling.RATIO),
    "quota_attainment": MetricModel(Pooling.RATIO),
    "nps": MetricModel(Pooling.RATIO),
    "csat": MetricModel(Pooling.MEAN_SCORE, scale_low=Decimal(1), scale_high=Decimal(5)),
}


def metric_name(metric_id: str) -> str:
    """The metric's display name (English; the template is marked for translation where it is defined)."""
    if metric_id == MANAGER_RATING:
        return gettext_noop("Manager rating")
    spec = METRICS_BY_ID.get(metric_id)
    return spec.name if spec is not None else metric_id


def metric_higher_is_better(metric_id: str) -> bool:
    """The direction of a known metric (from its spec; the manager rating: higher is better)."""
    if metric_id == MANAGER_RATING:
        return True
    spec = METRICS_BY_ID.get(metric_id)
    if spec is None:
        raise ValueError(f"unknown metric {metric_id!r}: give its direction (higher_is_better) explicitly")
    return spec.higher_is_better


def format_metric_value(metric_id: str, value: Fraction | Decimal) -> str:
    """A metric value for display: rates as percentages, everything else as a number."""
    spec = METRICS_BY_ID.get(metric_id)
    if spec is not None and spec.unit is Unit.RATIO:
        return format_percent(value)
    if spec is not None and spec.unit is Unit.MONEY:
        return format_number(value, 2)
    if metric_id == "csat" or metric_id == MANAGER_RATING:
        return format_number(value, 2)
    return format_number(value, 1)


# --- configuration -----------------------------------------------------------------------


class Dimension(StrEnum):
    """The two scores."""

    ATTITUDE = "attitude"
    PERFORMANCE = "performance"


@dataclass(frozen=True)
class MetricWeight:
    """One metric of a score: its relative weight; direction from the metric unless given."""

    metric: str
    weight: Decimal
    higher_is_better: bool | None = None
    optional: bool = False

    @property
    def direction_is_higher_better(self) -> bool:
        """The given direction, else the metric's own (``ValueError`` for an unknown metric)."""
        if self.higher_is_better is not None:
            return self.higher_is_better
        return metric_higher_is_better(self.metric)


DEFAULT_ATTITUDE_WEIGHTS: tuple[MetricWeight, ...] = (
    MetricWeight("customers_followed", Decimal(1)),
    MetricWeight("response_24h_rate", Decimal(1)),
    MetricWeight("task_on_time_rate", Decimal(1)),
    MetricWeight("csat", Decimal(1)),
    MetricWeight(MANAGER_RATING, Decimal(1), optional=True),
)
DEFAULT_PERFORMANCE_WEIGHTS: tuple[MetricWeight, ...] = (
    MetricWeight("quota_attainment", Decimal(2)),
    MetricWeight("lead_conversion_rate", Decimal(1)),
    MetricWeight("deal_conversion_rate", Decimal(1)),
    MetricWeight("repurchase_rate", Decimal(1)),
)


@dataclass(frozen=True)
class ScoringConfig:
    """Every tunable of scoring and the quadrant; the defaults are DESIGN.md's."""

    attitude: tuple[MetricWeight, ...] = DEFAULT_ATTITUDE_WEIGHTS
    performance: tuple[MetricWeight, ...] = DEFAULT_PERFORMANCE_WEIGHTS
    window_months: int = 3
    include_provisional: bool = True
    minimum_months_employed: int = 3
    minimum_weight_share: Decimal = Decimal("0.5")
    minimum_reference_members: int = 3
    minimum_prior_strength: Decimal = Decimal(2)
    maximum_prior_strength: Decimal = Decimal(100)
    high_confidence: Decimal = Decimal("0.7")
    medium_confidence: Decimal = Decimal("0.4")
    attitude_threshold: Decimal = Decimal(50)
    performance_threshold: Decimal = Decimal(50)
    metric_models: Mapping[str, MetricModel] = field(default_factory=lambda: dict(DEFAULT_METRIC_MODELS))

    def __post_init__(self) -> None:
        for weights in (self.attitude, self.performance):
            if not weights or any(weight.weight <= 0 for weight in weights):
                raise ValueError("every score needs metrics with positive weights")
            for weight in weights:
                self.model(weight.metric)
                weight.direction_is_higher_better  # noqa: B018 - validates the direction is known
        if self.minimum_prior_strength <= 0 or self.maximum_prior_strength < self.minimum_prior_strength:
            raise ValueError("prior strength bounds must satisfy 0 < minimum ≤ maximum")
        if self.minimum_reference_members < 2:
            raise ValueError("a spread needs at least two reference members")

    def model(self, metric_id: str) -> MetricModel:
        """The pooling of ``metric_id``; unknown metrics raise ``ValueError``."""
        model = self.metric_models.get(metric_id)
        if model is None:
            raise ValueError(f"no pooling model for metric {metric_id!r}")
        return model

    def weights(self, dimension: Dimension) -> tuple[MetricWeight, ...]:
        """The weighted metrics of one score."""
        return self.attitude if dimension is Dimension.ATTITUDE else self.performance


# --- pooling and group reference ---------------------------------------------------------


@dataclass(frozen=True)
class PooledValue:
    """One employee's metric over the window, exactly.

    ``value`` is in the metric's unit. For shrunk metrics ``unit_rate`` is the 0–1 rate the
    shrinkage works on and ``trials`` its sample size; ``months_with_data`` counts months with a
    usable row.
    """

    value: Fraction
    unit_rate: Fraction
    trials: Fraction
    months_with_data: int
    provisional: bool


def _to_unit(model: MetricModel, value: Fraction) -> Fraction:
    if model.pooling is Pooling.MEAN_SCORE:
        low, high = Fraction(model.scale_low), Fraction(model.scale_high)
        return (value - low) / (high - low)
    return value


def _from_unit(model: MetricModel, unit_rate: Fraction) -> Fraction:
    if model.pooling is Pooling.MEAN_SCORE:
        low, high = Fraction(model.scale_low), Fraction(model.scale_high)
        return low + unit_rate * (high - low)
    return unit_rate


def pool_metric(metric_id: str, model: MetricModel, rows: Iterable[MetricObservation]) -> PooledValue | None:
    """Pool one employee's rows of one metric over a window; ``None`` without usable data."""
    rows = list(rows)
    provisional = any(row.provisional for row in rows)
    if model.pooling is Pooling.LEVEL:
        values = [Fraction(row.value) for row in rows if row.value is not None]
        if not values:
            return None
        mean = sum(values, Fraction(0)) / len(values)
        return PooledValue(mean, mean, Fraction(len(values)), len(values), provisional)
    usable = [
        row
        for row in rows
        if row.numerator is not None and row.denominator is not None and row.denominator > 0
    ]
    numerator = sum((Fraction(row.numerator) for row in usable if row.numerator is not None), Fraction(0))
    denominator = sum(
        (Fraction(row.denominator) for row in usable if row.denominator is not None), Fraction(0)
    )
    if denominator == 0:
        return None
    spec = METRICS_BY_ID.get(metric_id)
    multiplier = spec.value_multiplier if spec is not None else 1
    value = numerator / denominator * multiplier
    return PooledValue(value, _to_unit(model, value), denominator, len(usable), provisional)


@dataclass(frozen=True)
class GroupReference:
    """The rest of the group on one metric, in the 0–1 unit space for shrunk metrics.

    ``prior_strength`` (M) is ``None`` for metrics that are not shrunk.
    """

    members: int
    mean: Fraction
    variance: Fraction
    prior_strength: Fraction | None


@dataclass(frozen=True)
class _Moments:
    """Sums over a set of pooled values, so that leaving one member out costs O(1)."""

    count: int
    total: Fraction
    total_squares: Fraction
    total_inverse_trials: Fraction

    @classmethod
    def of(cls, values: Iterable[PooledValue]) -> _Moments:
        values = list(values)
        return cls(
            count=len(values),
            total=sum((value.unit_rate for value in values), Fraction(0)),
            total_squares=sum((value.unit_rate**2 for value in values), Fraction(0)),
            total_inverse_trials=sum((1 / value.trials for value in values), Fraction(0)),
        )

    def without(self, value: PooledValue | None) -> _Moments:
        if value is None:
            return self
        return _Moments(
            count=self.count - 1,
            total=self.total - value.unit_rate,
            total_squares=self.total_squares - value.unit_rate**2,
            total_inverse_trials=self.total_inverse_trials - 1 / value.trials,
        )


def _reference(model: MetricModel, moments: _Moments, config: ScoringConfig) -> GroupReference | None:
    count = moments.count
    if count < config.minimum_reference_members:
        return None
    mean = moments.total / count
    variance = (moments.total_squares - count * mean * mean) / (count - 1)
    if not model.is_shrunk:
        return GroupReference(count, mean, variance, None)
    spread = mean * (1 - mean)
    sampling = spread * moments.total_inverse_trials / count
    between = variance - sampling
    lowest, highest = Fraction(config.minimum_prior_strength), Fraction(config.maximum_prior_strength)
    # No detectable between-person variance: the strongest prior the configuration allows.
    strength = highest if spread <= 0 or between <= 0 else min(highest, max(lowest, spread / between - 1))
    return GroupReference(count, mean, variance, strength)


def group_reference(
    model: MetricModel, others: Iterable[PooledValue], config: ScoringConfig
) -> GroupReference | None:
    """Mean, sample variance and (for shrunk metrics) the beta prior strength M of ``others``.

    With μ the mean rate, s² the sample variance and v = μ(1 − μ)·mean(1/nⱼ) the variance that
    sampling alone would give: τ² = s² − v and M = μ(1 − μ)/τ² − 1, clamped to the configured
    bounds (the maximum when τ² ≤ 0). ``None`` when fewer than
    ``config.minimum_reference_members`` have data.
    """
    return _reference(model, _Moments.of(others), config)


def shrink(pooled: PooledValue, reference: GroupReference) -> tuple[Fraction, Fraction]:
    """The shrunk 0–1 estimate (x + M·μ) ÷ (n + M) and its reliability n ÷ (n + M).

    Unshrunk metrics return the pooled value and months-based reliability is applied by the caller.
    """
    if reference.prior_strength is None:
        return pooled.unit_rate, Fraction(1)
    strength, trials = reference.prior_strength, pooled.trials
    estimate = (pooled.unit_rate * trials + strength * reference.mean) / (trials + strength)
    return estimate, trials / (trials + strength)


def sub_score(estimate: Fraction, reference: GroupReference, *, higher_is_better: bool) -> float:
    """100·Φ(z), z = ±(estimate − mean) ÷ standard deviation (the sign from the direction)."""
    gap = estimate - reference.mean
    if not higher_is_better:
        gap = -gap
    if gap == 0:
        return 50.0
    if reference.variance == 0:
        z = math.copysign(Z_WHEN_GROUP_HAS_NO_SPREAD, gap)
    else:
        # z² is exact; the one float step is here, so proportional inputs give identical scores.
        z = math.copysign(math.sqrt(float(gap * gap / reference.variance)), gap)
    return 50.0 * (1.0 + math.erf(z / math.sqrt(2.0)))


# --- outputs -----------------------------------------------------------------------------


class ContributionStatus(StrEnum):
    """Whether a metric entered its score, and if not, why."""

    SCORED = "scored"
    NO_DATA = "no_data"
    NO_GROUP_REFERENCE = "no_group_reference"


@dataclass(frozen=True)
class MetricContribution:
    """How one metric entered a score, with every number a reader needs to check it.

    ``raw_value`` is the pooled window value, ``shrunk_value`` the estimate after shrinkage
    (equal to ``raw_value`` for metrics that are not shrunk), ``group_mean`` the rest of the
    group's mean, ``sample_size`` the pooled denominator (months with data for levels),
    ``effective_weight`` the share of the score this metric carries (0 when not scored).
    """

    metric: str
    weight: Decimal
    effective_weight: Decimal
    higher_is_better: bool
    optional: bool
    status: ContributionStatus
    raw_value: Decimal | None
    shrunk_value: Decimal | None
    group_mean: Decimal | None
    group_members: int
    prior_strength: Decimal | None
    sample_size: Decimal | None
    reliability: Decimal
    sub_score: Decimal | None
    provisional: bool
    explanation: Message


class ScoreStatus(StrEnum):
    """A score, or the insufficient-data outcome."""

    SCORED = "scored"
    INSUFFICIENT_DATA = "insufficient_data"


class ConfidenceLevel(StrEnum):
    """Confidence in words (thresholds in :class:`ScoringConfig`)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True)
class Score:
    """An attitude or performance score: ``value`` (0–100, one decimal) is ``None`` when insufficient."""

    dimension: Dimension
    status: ScoreStatus
    value: Decimal | None
    confidence: Decimal
    confidence_level: ConfidenceLevel
    weight_share_with_data: Decimal
    contributions: tuple[MetricContribution, ...]
    insufficiency_reasons: tuple[Message, ...]
    explanation: Message

    @property
    def is_sufficient(self) -> bool:
        """Whether the score has a value."""
        return self.status is ScoreStatus.SCORED


class Quadrant(StrEnum):
    """The attitude × performance matrix of DESIGN.md, plus the insufficient-data outcome."""

    CORE = "core"
    DEVELOP_SKILLS = "develop_skills"
    CULTURE_FIT = "culture_fit"
    LET_GO = "let_go"
    INSUFFICIENT_DATA = "insufficient_data"


@dataclass(frozen=True)
class EmployeeEvaluation:
    """Both scores and the quadrant of one employee over one window."""

    employee_id: str
    group_id: str
    months: tuple[str, ...]
    attitude: Score
    performance: Score
    quadrant: Quadrant
    quadrant_explanation: Message


# --- scoring -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scored:
    contribution: MetricContribution
    sub_score: float | None
    weight: Fraction
    reliability: Fraction
    counts_toward_coverage: bool


def _contribution(
    weight: MetricWeight,
    model: MetricModel,
    pooled: PooledValue | None,
    reference: GroupReference | None,
    config: ScoringConfig,
    window_length: int,
) -> _Scored:
    metric_id = weight.metric
    higher_is_better = weight.direction_is_higher_better
    name = metric_name(metric_id)
    weight_text = format_number(weight.weight, 2)
    raw = quantize(pooled.value, 6) if pooled is not None else None
    sample = quantize(pooled.trials, 6) if pooled is not None else None
    provisional = pooled.provisional if pooled is not None else False

    def unscored(status: ContributionStatus, explanation: Message) -> _Scored:
        contribution = MetricContribution(
            metric=metric_id,
            weight=weight.weight,
            effective_weight=Decimal(0),
            higher_is_better=higher_is_better,
            optional=weight.optional,
            status=status,
            raw_value=raw,
            shrunk_value=None,
            group_mean=quantize(_from_unit(model, reference.mean), 6) if reference is not None else None,
            group_members=reference.members if reference is not None else 0,
            prior_strength=None,
            sample_size=sample,
            reliability=Decimal(0),
            sub_score=None,
            provisional=provisional,
            explanation=explanation,
        )
        return _Scored(contribution, None, Fraction(weight.weight), Fraction(0), not weight.optional)

    if pooled is None:
        return unscored(
            ContributionStatus.NO_DATA,
            message(gettext_noop("%(metric)s: no data in the window; left out of the score."), metric=name),
        )
    if reference is None:
        return unscored(
            ContributionStatus.NO_GROUP_REFERENCE,
            message(
                gettext_noop(
                    "%(metric)s: fewer than %(minimum)s others in the group have data to compare with; "
                    "left out of the score."
                ),
                metric=name,
                minimum=str(config.minimum_reference_members),
            ),
        )
    estimate, reliability = shrink(pooled, reference)
    if not model.is_shrunk:
        reliability = Fraction(min(pooled.months_with_data, window_length), window_length)
    score = sub_score(estimate, reference, higher_is_better=higher_is_better)
    mean_value = _from_unit(model, reference.mean)
    shrunk_value = _from_unit(model, estimate)
    params = {
        "metric": name,
        "raw": format_metric_value(metric_id, pooled.value),
        "mean": format_metric_value(metric_id, mean_value),
        "members": str(reference.members),
        "sub_score": format_number(Fraction(score), 1),
        "weight": weight_text,
    }
    if model.is_shrunk:
        spec = METRICS_BY_ID.get(metric_id)
        explanation = Message(
            gettext_noop(
                "%(metric)s: %(raw)s over %(sample)s %(sample_unit)s, adjusted for sample size to "
                "%(shrunk)s; the other %(members)s in the group average %(mean)s, so the sub-score is "
                "%(sub_score)s (weight %(weight)s)."
            ),
            {
                **params,
                "sample": format_number(pooled.trials, 0),
                "sample_unit": (spec.denominator_description or "") if spec is not None else "",
                "shrunk": format_metric_value(metric_id, shrunk_value),
            },
        )
    else:
        explanation = Message(
            gettext_noop(
                "%(metric)s: %(raw)s; the other %(members)s in the group average %(mean)s, so the "
                "sub-score is %(sub_score)s (weight %(weight)s)."
            ),
            params,
        )
    contribution = MetricContribution(
        metric=metric_id,
        weight=weight.weight,
        effective_weight=Decimal(0),
        higher_is_better=higher_is_better,
        optional=weight.optional,
        status=ContributionStatus.SCORED,
        raw_value=raw,
        shrunk_value=quantize(shrunk_value, 6),
        group_mean=quantize(mean_value, 6),
        group_members=reference.members,
        prior_strength=quantize_optional(reference.prior_strength, 2),
        sample_size=sample,
        reliability=quantize(reliability, 4),
        sub_score=quantize(Fraction(score), 1),
        provisional=pooled.provisional,
        explanation=explanation,
    )
    return _Scored(contribution, score, Fraction(weight.weight), reliability, True)


def _confidence_level(confidence: Fraction, config: ScoringConfig) -> ConfidenceLevel:
    if confidence >= config.high_confidence:
        return ConfidenceLevel.HIGH
    if confidence >= config.medium_confidence:
        return ConfidenceLevel.MEDIUM
    return ConfidenceLevel.LOW


def _combine(dimension: Dimension, scored: Sequence[_Scored], tenure: int, config: ScoringConfig) -> Score:
    counted = [item for item in scored if item.counts_toward_coverage]
    with_data = [item for item in counted if item.sub_score is not None]
    counted_weight = sum((item.weight for item in counted), Fraction(0))
    scored_weight = sum((item.weight for item in with_data), Fraction(0))
    share = scored_weight / counted_weight if counted_weight else Fraction(0)
    confidence = (
        sum((item.weight * item.reliability for item in counted), Fraction(0)) / counted_weight
        if counted_weight
        else Fraction(0)
    )
    contributions = tuple(_with_effective_weight(item, scored_weight) for item in scored)
    reasons: list[Message] = []
    if tenure < config.minimum_months_employed:
        reasons.append(
            message(
                gettext_noop(
                    "Employed for %(months)s complete months; at least %(minimum)s are needed for a score."
                ),
                months=str(tenure),
                minimum=str(config.minimum_months_employed),
            )
        )
    if share < config.minimum_weight_share:
        reasons.append(
            message(
                gettext_noop(
                    "Only %(share)s of the score's weight can be compared; at least %(minimum)s is needed."
                ),
                share=format_percent(share, 0),
                minimum=format_percent(config.minimum_weight_share, 0),
            )
        )
    level = _confidence_level(confidence, config)
    if reasons:
        return Score(
            dimension=dimension,
            status=ScoreStatus.INSUFFICIENT_DATA,
            value=None,
            confidence=quantize(confidence, 2),
            confidence_level=level,
            weight_share_with_data=quantize(share, 4),
            contributions=contributions,
            insufficiency_reasons=tuple(reasons),
            explanation=message(
                gettext_noop("%(dimension)s: insufficient data (%(reasons)s)."),
                dimension=_dimension_name(dimension),
                reasons=" ".join(reason.text for reason in reasons),
            ),
        )
    total = sum(float(item.weight) * item.sub_score for item in with_data if item.sub_score is not None)
    value = quantize(Fraction(total / float(scored_weight)), 1)
    value = min(Decimal("100.0"), max(Decimal("0.0"), value))
    return Score(
        dimension=dimension,
        status=ScoreStatus.SCORED,
        value=value,
        confidence=quantize(confidence, 2),
        confidence_level=level,
        weight_share_with_data=quantize(share, 4),
        contributions=contributions,
        insufficiency_reasons=(),
        explanation=message(
            gettext_noop(
                "%(dimension)s score %(value)s (50 = the group's average), from %(metrics)s metrics; "
                "confidence %(confidence)s (%(level)s)."
            ),
            dimension=_dimension_name(dimension),
            value=f"{value:f}",
            metrics=str(len(with_data)),
            confidence=f"{quantize(confidence, 2):f}",
            level=level.value,
        ),
    )


def _with_effective_weight(item: _Scored, scored_weight: Fraction) -> MetricContribution:
    if item.sub_score is None or scored_weight == 0:
        return item.contribution
    return replace(item.contribution, effective_weight=quantize(item.weight / scored_weight, 4))


def _dimension_name(dimension: Dimension) -> str:
    if dimension is Dimension.ATTITUDE:
        return gettext_noop("Attitude")
    return gettext_noop("Performance")


def assign_quadrant(
    *,
    attitude: Score,
    performance: Score,
    attitude_threshold: Decimal = Decimal(50),
    performance_threshold: Decimal = Decimal(50),
) -> Quadrant:
    """The attitude × performance quadrant; a score equal to its threshold counts as high."""
    if attitude.value is None or performance.value is None:
        return Quadrant.INSUFFICIENT_DATA
    high_attitude = attitude.value >= attitude_threshold
    high_performance = performance.value >= performance_threshold
    if high_attitude and high_performance:
        return Quadrant.CORE
    if high_attitude:
        return Quadrant.DEVELOP_SKILLS
    if high_performance:
        return Quadrant.CULTURE_FIT
    return Quadrant.LET_GO


_QUADRANT_TEMPLATES: Mapping[Quadrant, str] = {
    Quadrant.CORE: gettext_noop(
        "Attitude %(attitude)s and performance %(performance)s are at or above their thresholds "
        "(%(attitude_threshold)s and %(performance_threshold)s): core, retain."
    ),
    Quadrant.DEVELOP_SKILLS: gettext_noop(
        "Attitude %(attitude)s is at or above %(attitude_threshold)s and performance %(performance)s is "
        "below %(performance_threshold)s: develop skills."
    ),
    Quadrant.CULTURE_FIT: gettext_noop(
        "Attitude %(attitude)s is below %(attitude_threshold)s and performance %(performance)s is at or "
        "above %(performance_threshold)s: strengthen culture fit."
    ),
    Quadrant.LET_GO: gettext_noop(
        "Attitude %(attitude)s and performance %(performance)s are below their thresholds "
        "(%(attitude_threshold)s and %(performance_threshold)s): let go."
    ),
    Quadrant.INSUFFICIENT_DATA: gettext_noop(
        "Attitude %(attitude)s, performance %(performance)s: not enough data to place on the matrix."
    ),
}


def _score_text(score: Score) -> str:
    return f"{score.value:f}" if score.value is not None else gettext_noop("insufficient data")


def _observations_by_key(
    observations: Iterable[MetricObservation], months: Sequence[str], config: ScoringConfig
) -> dict[tuple[str, str], list[MetricObservation]]:
    in_window = set(months)
    seen: set[tuple[str, str, str]] = set()
    grouped: dict[tuple[str, str], list[MetricObservation]] = defaultdict(list)
    for observation in observations:
        identity = (observation.employee_id, observation.month, observation.metric)
        if identity in seen:
            raise ValueError(
                f"two rows for employee {observation.employee_id!r}, month {observation.month}, "
                f"metric {observation.metric!r}"
            )
        seen.add(identity)
        if observation.month not in in_window:
            continue
        if observation.provisional and not config.include_provisional:
            continue
        grouped[(observation.employee_id, observation.metric)].append(observation)
    return grouped


def score_employees(
    *,
    employees: Sequence[EmployeeProfile],
    observations: Iterable[MetricObservation],
    end_month: str,
    config: ScoringConfig | None = None,
) -> dict[str, EmployeeEvaluation]:
    """Score every employee hired by the end of ``end_month`` against the rest of their group.

    ``observations`` must hold the rows of every member of the groups concerned (rows outside the
    window are ignored); two rows for the same employee, month and metric are an error. Returns
    the evaluations by employee id.
    """
    config = config or ScoringConfig()
    months = trailing_months(end_month, config.window_months)
    grouped = _observations_by_key(observations, months, config)
    members = [employee for employee in employees if hired_by_end_of(employee.hire_date, end_month)]
    if len({employee.employee_id for employee in members}) != len(members):
        raise ValueError("an employee id appears twice")
    metric_ids = {weight.metric for dimension in Dimension for weight in config.weights(dimension)}
    pooled: dict[tuple[str, str], PooledValue] = {}
    for employee in members:
        for metric_id in metric_ids:
            value = pool_metric(
                metric_id, config.model(metric_id), grouped.get((employee.employee_id, metric_id), ())
            )
            if value is not None:
                pooled[(employee.employee_id, metric_id)] = value
    by_group: dict[str, list[EmployeeProfile]] = defaultdict(list)
    for employee in members:
        by_group[employee.group_id].append(employee)
    moments = {
        (group_id, metric_id): _Moments.of(
            pooled[key] for member in group if (key := (member.employee_id, metric_id)) in pooled
        )
        for group_id, group in by_group.items()
        for metric_id in metric_ids
    }
    evaluations: dict[str, EmployeeEvaluation] = {}
    for employee in members:
        tenure = months_employed(employee.hire_date, end_month)
        scores: dict[Dimension, Score] = {}
        for dimension in Dimension:
            scored = []
            for weight in config.weights(dimension):
                model = config.model(weight.metric)
                own = pooled.get((employee.employee_id, weight.metric))
                reference = _reference(
                    model, moments[(employee.group_id, weight.metric)].without(own), config
                )
                scored.append(_contribution(weight, model, own, reference, config, len(months)))
            scores[dimension] = _combine(dimension, scored, tenure, config)
        attitude, performance = scores[Dimension.ATTITUDE], scores[Dimension.PERFORMANCE]
        quadrant = assign_quadrant(
            attitude=attitude,
            performance=performance,
            attitude_threshold=config.attitude_threshold,
            performance_threshold=config.performance_threshold,
        )
        evaluations[employee.employee_id] = EmployeeEvaluation(
            employee_id=employee.employee_id,
            group_id=employee.group_id,
            months=months,
            attitude=attitude,
            performance=performance,
            quadrant=quadrant,
            quadrant_explanation=message(
                _QUADRANT_TEMPLATES[quadrant],
                attitude=_score_text(attitude),
                performance=_score_text(performance),
                attitude_threshold=format_number(config.attitude_threshold, 1),
                performance_threshold=format_number(config.performance_threshold, 1),
            ),
        )
    return evaluations
