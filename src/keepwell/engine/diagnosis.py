"""Root-cause diagnosis: where an employee's revenue is lost in the funnel, and which habits explain it.

Inputs are the metric rows of the window (the same :class:`~keepwell.engine.scoring.MetricObservation`
rows scoring reads) for every member of the employee's group. Nothing is shrunk here: a
diagnosis describes what happened, with the observed numbers; the scores judge it.

**Group and top decile.** The group is the employee's group (``group_id``) hired by the end of
``end_month``, the employee included, as in the benchmarks. For each figure, ``group_mean`` is
the mean over the members with a value, and ``top_decile_mean`` the mean over the ⌈n/10⌉ of
those members with the highest quota attainment over the window (Σ revenue ÷ Σ target; no
attainment ranks last; ties: higher window revenue, then employee id ascending) — the benchmark
definition of DESIGN.md applied to the window.

**Funnel.** Over the window, per employee and month (k = months of the window with any row):

- L, leads created a month: Σ denominator of ``lead_conversion_rate`` ÷ k;
- c₁, lead conversion: Σ qualified ÷ Σ created (``lead_conversion_rate`` pooled);
- c₂, deal conversion: Σ won ÷ Σ qualified (``deal_conversion_rate`` pooled);
- S, revenue per won deal: Σ ``revenue`` ÷ Σ won (the numerator of ``deal_conversion_rate``);
- r, repurchase rate: Σ returning ÷ Σ buyers (``repurchase_rate`` pooled);
- R, revenue a month: Σ ``revenue`` ÷ k.

New-business revenue is modelled as R̂ = L · c₁ · c₂ · S (equal to R when every won deal came
from leads qualified in the window). The monthly revenue effect of closing one gap to the group
mean (a bar marks the group mean) changes that factor alone and holds the others at the
employee's own values; R̂ is linear in each factor, so the effect is exact for the model:

- leads created: (L̄ − L) · c₁ · c₂ · S
- lead conversion: L · (c̄₁ − c₁) · c₂ · S
- deal conversion: L · c₁ · (c̄₂ − c₂) · S
- revenue per won deal: L · c₁ · c₂ · (S̄ − S)
- repurchase: R · ((1 − r) · r̄ ÷ (1 − r̄) − r). The employee's new buyers B·(1 − r) and revenue
  per buyer R ÷ B are held; if returning buyers made up r̄ of all buyers, they would number
  B·(1 − r)·r̄ ÷ (1 − r̄) instead of B·r.

The same formulas with the top-decile mean give ``revenue_effect_to_top_decile``. The one-at-a-
time effects do not add up to the whole revenue gap (the factors multiply); each answers "what is
this gap worth on its own". Effects are Decimals in the reporting currency, rounded half to even to
cents. Gaps (effect > 0) are ranked by effect, largest first; factors at or above the group mean
are listed as strengths. An employee without won deals has no S of their own: the stage effects
then use the group's mean S and say so in ``assumptions``.

**Process causes.** Process metrics drive funnel stages (:data:`DEFAULT_PROCESS_LINKS`: screening
share and 24-hour replies drive lead conversion, customers followed and activities drive lead
volume, tasks on time drive deal conversion, satisfaction and complaints drive repurchase). A
process metric is named as a cause of a stage's gap when the employee's value is worse than the
top decile's mean (direction from the metric); causes are ordered by relative shortfall
|top − value| ÷ |top|, largest first.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from keepwell.engine.scoring import (
    DEFAULT_METRIC_MODELS,
    EmployeeProfile,
    MetricObservation,
    PooledValue,
    format_metric_value,
    hired_by_end_of,
    metric_higher_is_better,
    metric_name,
    pool_metric,
    trailing_months,
)
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

LEADS_CREATED = "leads_created"
LEAD_CONVERSION = "lead_conversion_rate"
DEAL_CONVERSION = "deal_conversion_rate"
REVENUE_PER_WON_DEAL = "revenue_per_won_deal"
REPURCHASE = "repurchase_rate"

FUNNEL_FACTORS: tuple[str, ...] = (
    LEADS_CREATED,
    LEAD_CONVERSION,
    DEAL_CONVERSION,
    REVENUE_PER_WON_DEAL,
    REPURCHASE,
)
"""The funnel factors diagnosed, in funnel order (the order breaks ties in the ranking)."""

_FACTOR_NAMES = {
    LEADS_CREATED: gettext_noop("Leads created a month"),
    LEAD_CONVERSION: gettext_noop("Lead conversion"),
    DEAL_CONVERSION: gettext_noop("Deal conversion"),
    REVENUE_PER_WON_DEAL: gettext_noop("Revenue per won deal"),
    REPURCHASE: gettext_noop("Repurchase rate"),
}


@dataclass(frozen=True)
class ProcessLink:
    """A process metric and the funnel factor it drives."""

    process_metric: str
    stage: str


DEFAULT_PROCESS_LINKS: tuple[ProcessLink, ...] = (
    ProcessLink("screening_share", LEAD_CONVERSION),
    ProcessLink("response_24h_rate", LEAD_CONVERSION),
    ProcessLink("customers_followed", LEADS_CREATED),
    ProcessLink("activities", LEADS_CREATED),
    ProcessLink("task_on_time_rate", DEAL_CONVERSION),
    ProcessLink("csat", REPURCHASE),
    ProcessLink("complaint_rate", REPURCHASE),
)


@dataclass(frozen=True)
class DiagnosisConfig:
    """The window and the process-to-stage links of the diagnosis."""

    window_months: int = 3
    include_provisional: bool = True
    process_links: tuple[ProcessLink, ...] = DEFAULT_PROCESS_LINKS

    def __post_init__(self) -> None:
        for link in self.process_links:
            if link.stage not in FUNNEL_FACTORS:
                raise ValueError(f"unknown funnel stage {link.stage!r}")
            if link.process_metric not in DEFAULT_METRIC_MODELS:
                raise ValueError(f"unknown process metric {link.process_metric!r}")


@dataclass(frozen=True)
class Funnel:
    """One employee's funnel over the window (monthly figures; ``None`` where undefined)."""

    employee_id: str
    months: int
    leads_created: Fraction | None
    lead_conversion_rate: Fraction | None
    deal_conversion_rate: Fraction | None
    revenue_per_won_deal: Fraction | None
    repurchase_rate: Fraction | None
    revenue: Fraction | None
    revenue_total: Fraction
    quota_attainment: Fraction | None

    def factor(self, factor_id: str) -> Fraction | None:
        """The value of one of :data:`FUNNEL_FACTORS`."""
        value: Fraction | None = getattr(self, factor_id)
        return value

    @property
    def modelled_revenue(self) -> Fraction | None:
        """R̂ = L · c₁ · c₂ · S, or ``None`` when a factor is undefined."""
        factors = (
            self.leads_created,
            self.lead_conversion_rate,
            self.deal_conversion_rate,
            self.revenue_per_won_deal,
        )
        if any(factor is None for factor in factors):
            return None
        return math.prod((factor for factor in factors if factor is not None), start=Fraction(1))


@dataclass(frozen=True)
class ProcessCause:
    """A process metric worse than the top decile's, named as a cause of a stage gap."""

    metric: str
    value: Decimal
    group_mean: Decimal | None
    top_decile_mean: Decimal
    higher_is_better: bool
    explanation: Message


@dataclass(frozen=True)
class ProcessGap:
    """A process metric against the group and the top decile, whether or not it is a cause."""

    metric: str
    stage: str
    value: Decimal
    group_mean: Decimal | None
    top_decile_mean: Decimal | None
    higher_is_better: bool
    worse_than_top_decile: bool


@dataclass(frozen=True)
class DiagnosisItem:
    """One funnel factor: the employee's value, the group's, and what closing the gap is worth a month."""

    metric: str
    value: Decimal
    group_mean: Decimal
    top_decile_mean: Decimal | None
    revenue_effect: Decimal
    revenue_effect_to_top_decile: Decimal | None
    explanation: Message
    process_causes: tuple[ProcessCause, ...]


@dataclass(frozen=True)
class Diagnosis:
    """The ranked funnel gaps of one employee, with strengths, process gaps and the revenue context.

    ``revenue`` and the group figures are monthly means over the window in ``currency``;
    ``unassessed`` lists the funnel factors that could not be computed for the employee or group;
    ``assumptions`` states any stand-in value the effects used.
    """

    employee_id: str
    group_id: str
    months: tuple[str, ...]
    currency: str
    revenue: Decimal | None
    group_mean_revenue: Decimal | None
    top_decile_mean_revenue: Decimal | None
    modelled_revenue: Decimal | None
    items: tuple[DiagnosisItem, ...]
    strengths: tuple[DiagnosisItem, ...]
    process_gaps: tuple[ProcessGap, ...]
    top_decile_members: tuple[str, ...]
    unassessed: tuple[str, ...]
    assumptions: tuple[Message, ...]
    explanation: Message

    @property
    def top_item(self) -> DiagnosisItem | None:
        """The largest gap, if any."""
        return self.items[0] if self.items else None


# --- funnel per member -------------------------------------------------------------------


def _pooled(rows: dict[str, list[MetricObservation]], metric_id: str) -> PooledValue | None:
    return pool_metric(metric_id, DEFAULT_METRIC_MODELS[metric_id], rows.get(metric_id, ()))


def _ratio(numerator: Fraction, denominator: Fraction) -> Fraction | None:
    return numerator / denominator if denominator else None


def build_funnel(employee_id: str, rows: Iterable[MetricObservation]) -> Funnel | None:
    """The funnel of one employee from their rows of the window; ``None`` without any row."""
    by_metric: dict[str, list[MetricObservation]] = defaultdict(list)
    months: set[str] = set()
    for row in rows:
        by_metric[row.metric].append(row)
        months.add(row.month)
    if not months:
        return None
    count = len(months)
    leads = _pooled(by_metric, LEAD_CONVERSION)
    deals = _pooled(by_metric, DEAL_CONVERSION)
    repurchase = _pooled(by_metric, REPURCHASE)
    revenue_total = sum(
        (Fraction(row.value) for row in by_metric.get("revenue", ()) if row.value is not None), Fraction(0)
    )
    has_revenue = any(row.value is not None for row in by_metric.get("revenue", ()))
    attainment = _pooled(by_metric, "quota_attainment")
    won = deals.value * deals.trials if deals is not None else Fraction(0)
    return Funnel(
        employee_id=employee_id,
        months=count,
        leads_created=(leads.trials / count) if leads is not None else Fraction(0),
        lead_conversion_rate=leads.value if leads is not None else None,
        deal_conversion_rate=deals.value if deals is not None else None,
        revenue_per_won_deal=_ratio(revenue_total, won) if has_revenue else None,
        repurchase_rate=repurchase.value if repurchase is not None else None,
        revenue=revenue_total / count if has_revenue else None,
        revenue_total=revenue_total,
        quota_attainment=attainment.value if attainment is not None else None,
    )


def _top_decile(funnels: Sequence[Funnel], has_value: Callable[[Funnel], bool]) -> list[Funnel]:
    """The ⌈n/10⌉ members with a value ranked highest by attainment (then revenue, then id)."""
    candidates = [funnel for funnel in funnels if has_value(funnel)]
    if not candidates:
        return []
    # Sort by id first, then stably by the descending keys: ties keep the id order.
    ranked = sorted(candidates, key=lambda funnel: funnel.employee_id)
    ranked.sort(key=lambda funnel: funnel.revenue_total, reverse=True)
    ranked.sort(
        key=lambda funnel: (funnel.quota_attainment is not None, funnel.quota_attainment or 0), reverse=True
    )
    return ranked[: math.ceil(len(candidates) / 10)]


def _mean(values: Sequence[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0)) / len(values) if values else None


# --- effects ------------------------------------------------------------------------------


def _effect(factor_id: str, own: Funnel, target: Fraction) -> Fraction | None:
    """The monthly revenue change from moving one factor of ``own`` to ``target`` (module docstring)."""
    if factor_id == REPURCHASE:
        rate, revenue = own.repurchase_rate, own.revenue
        if rate is None or revenue is None or target >= 1:
            return None
        return revenue * ((1 - rate) * target / (1 - target) - rate)
    current = own.factor(factor_id)
    modelled = own.modelled_revenue
    if current is None or modelled is None:
        return None
    if current == 0:
        # R̂ is 0 through this factor; rebuild it with the target in its place.
        others = [own.factor(other) for other in FUNNEL_FACTORS[:4] if other != factor_id]
        return math.prod((factor for factor in others if factor is not None), start=target)
    return modelled / current * (target - current)


def _formula(factor_id: str, own: Funnel, target: Fraction, currency: str) -> str:
    """The effect's arithmetic for display, e.g. ``100.0 × (20.0% − 12.0%) × 25.0% × 20000.00 CNY``."""
    if factor_id == REPURCHASE:
        assert own.revenue is not None
        assert own.repurchase_rate is not None
        rate = format_percent(own.repurchase_rate)
        return (
            f"{format_money(own.revenue, currency)} × ((1 − {rate}) × {format_percent(target)} ÷ "
            f"(1 − {format_percent(target)}) − {rate})"
        )
    parts = []
    for other in FUNNEL_FACTORS[:4]:
        value = own.factor(other)
        assert value is not None
        if other == factor_id:
            parts.append(
                f"({display_factor(other, target, currency)} − {display_factor(other, value, currency)})"
            )
        else:
            parts.append(display_factor(other, value, currency))
    return " × ".join(parts)


def factor_name(factor_id: str) -> str:
    """The display name of a funnel factor (English; marked for translation)."""
    return _FACTOR_NAMES[factor_id]


def display_factor(factor_id: str, value: Fraction | Decimal, currency: str) -> str:
    """A funnel factor's value for display: leads as a number, deal size as money, rates as percentages."""
    if factor_id == LEADS_CREATED:
        return format_number(value, 1)
    if factor_id == REVENUE_PER_WON_DEAL:
        return format_money(value, currency)
    return format_percent(value)


# --- process causes -----------------------------------------------------------------------


@dataclass(frozen=True)
class _ProcessFigures:
    value: Fraction
    group_mean: Fraction | None
    top_decile_mean: Fraction | None
    higher_is_better: bool

    @property
    def worse_than_top_decile(self) -> bool:
        if self.top_decile_mean is None:
            return False
        if self.higher_is_better:
            return self.value < self.top_decile_mean
        return self.value > self.top_decile_mean

    @property
    def shortfall(self) -> Fraction:
        if self.top_decile_mean is None:
            return Fraction(0)
        gap = abs(self.top_decile_mean - self.value)
        return gap / abs(self.top_decile_mean) if self.top_decile_mean else gap


def _process_figures(
    metric_id: str,
    employee_id: str,
    members: Sequence[Funnel],
    pooled: dict[tuple[str, str], PooledValue],
    attainment_rank: Callable[[Callable[[Funnel], bool]], list[Funnel]],
) -> _ProcessFigures | None:
    own = pooled.get((employee_id, metric_id))
    if own is None:
        return None
    with_value = [
        pooled[(member.employee_id, metric_id)].value
        for member in members
        if (member.employee_id, metric_id) in pooled
    ]
    top = attainment_rank(lambda funnel: (funnel.employee_id, metric_id) in pooled)
    return _ProcessFigures(
        value=own.value,
        group_mean=_mean(with_value),
        top_decile_mean=_mean([pooled[(member.employee_id, metric_id)].value for member in top]),
        higher_is_better=metric_higher_is_better(metric_id),
    )


def _cause(metric_id: str, stage: str, figures: _ProcessFigures) -> ProcessCause:
    assert figures.top_decile_mean is not None
    return ProcessCause(
        metric=metric_id,
        value=quantize(figures.value, 6),
        group_mean=quantize_optional(figures.group_mean, 6),
        top_decile_mean=quantize(figures.top_decile_mean, 6),
        higher_is_better=figures.higher_is_better,
        explanation=message(
            gettext_noop(
                "%(metric)s is %(value)s while the top decile averages %(top)s (group mean %(mean)s); "
                "it drives %(stage)s."
            ),
            metric=metric_name(metric_id),
            value=format_metric_value(metric_id, figures.value),
            top=format_metric_value(metric_id, figures.top_decile_mean),
            mean=format_metric_value(metric_id, figures.group_mean)
            if figures.group_mean is not None
            else "—",
            stage=_FACTOR_NAMES[stage],
        ),
    )


# --- diagnosis ----------------------------------------------------------------------------


def diagnose(
    *,
    employee_id: str,
    employees: Sequence[EmployeeProfile],
    observations: Iterable[MetricObservation],
    end_month: str,
    currency: str,
    config: DiagnosisConfig | None = None,
) -> Diagnosis:
    """Diagnose ``employee_id`` against their group over the window ending at ``end_month``.

    ``observations`` must hold the rows of every group member; ``currency`` is the reporting
    currency the revenue rows are in (used for display). Unknown ``employee_id`` raises ``KeyError``.
    """
    config = config or DiagnosisConfig()
    months = trailing_months(end_month, config.window_months)
    profiles = {employee.employee_id: employee for employee in employees}
    employee = profiles[employee_id]
    group = [
        member
        for member in employees
        if member.group_id == employee.group_id and hired_by_end_of(member.hire_date, end_month)
    ]
    group_ids = {member.employee_id for member in group}
    in_window = set(months)
    rows: dict[str, list[MetricObservation]] = defaultdict(list)
    for observation in observations:
        if observation.employee_id not in group_ids or observation.month not in in_window:
            continue
        if observation.provisional and not config.include_provisional:
            continue
        rows[observation.employee_id].append(observation)
    funnels = [
        funnel for member in group if (funnel := build_funnel(member.employee_id, rows[member.employee_id]))
    ]
    own = next((funnel for funnel in funnels if funnel.employee_id == employee_id), None)

    def ranked(has_value: Callable[[Funnel], bool]) -> list[Funnel]:
        return _top_decile(funnels, has_value)

    process_metrics = sorted({link.process_metric for link in config.process_links})
    pooled: dict[tuple[str, str], PooledValue] = {}
    for member in group:
        for metric_id in process_metrics:
            member_rows = (row for row in rows[member.employee_id] if row.metric == metric_id)
            value = pool_metric(metric_id, DEFAULT_METRIC_MODELS[metric_id], member_rows)
            if value is not None:
                pooled[(member.employee_id, metric_id)] = value
    process: dict[str, _ProcessFigures] = {}
    for metric_id in process_metrics:
        figures = _process_figures(metric_id, employee_id, funnels, pooled, ranked)
        if figures is not None:
            process[metric_id] = figures

    assumptions: list[Message] = []
    effects_funnel = own
    if own is not None and own.revenue_per_won_deal is None:
        sizes = [size for funnel in funnels if (size := funnel.revenue_per_won_deal) is not None]
        group_size = _mean(sizes)
        if group_size is not None:
            # Without won deals of their own, the stage effects use the group's deal size.
            effects_funnel = replace(own, revenue_per_won_deal=group_size)
            assumptions.append(
                message(
                    gettext_noop(
                        "No won deals in the window: the effects use the group's mean revenue per won "
                        "deal, %(size)s."
                    ),
                    size=format_money(group_size, currency),
                )
            )
    gaps: list[tuple[Fraction, int, DiagnosisItem]] = []
    strengths: list[DiagnosisItem] = []
    unassessed: list[str] = []
    for order, factor_id in enumerate(FUNNEL_FACTORS):
        item = None
        if own is not None and effects_funnel is not None and own.factor(factor_id) is not None:
            item = _item(factor_id, effects_funnel, funnels, ranked, process, config, currency)
        if item is None:
            unassessed.append(factor_id)
            continue
        effect, diagnosis_item = item
        if effect > 0:
            gaps.append((effect, order, diagnosis_item))
        else:
            strengths.append(diagnosis_item)
    gaps.sort(key=lambda entry: (-entry[0], entry[1]))

    revenues = [funnel.revenue for funnel in funnels if funnel.revenue is not None]
    top_revenue = [
        funnel.revenue
        for funnel in ranked(lambda funnel: funnel.revenue is not None)
        if funnel.revenue is not None
    ]
    group_revenue = _mean(revenues)
    own_revenue = own.revenue if own is not None else None
    modelled = own.modelled_revenue if own is not None else None
    items = tuple(entry[2] for entry in gaps)
    return Diagnosis(
        employee_id=employee_id,
        group_id=employee.group_id,
        months=months,
        currency=currency,
        revenue=quantize_optional(own_revenue, 2),
        group_mean_revenue=quantize_optional(group_revenue, 2),
        top_decile_mean_revenue=quantize_optional(_mean(top_revenue), 2),
        modelled_revenue=quantize_optional(modelled, 2),
        items=items,
        strengths=tuple(strengths),
        process_gaps=tuple(
            ProcessGap(
                metric=link.process_metric,
                stage=link.stage,
                value=quantize(figures.value, 6),
                group_mean=quantize_optional(figures.group_mean, 6),
                top_decile_mean=quantize_optional(figures.top_decile_mean, 6),
                higher_is_better=figures.higher_is_better,
                worse_than_top_decile=figures.worse_than_top_decile,
            )
            for link in config.process_links
            if (figures := process.get(link.process_metric)) is not None
        ),
        top_decile_members=tuple(funnel.employee_id for funnel in ranked(lambda funnel: True)),
        unassessed=tuple(unassessed),
        assumptions=tuple(assumptions),
        explanation=_summary(items, own_revenue, group_revenue, currency),
    )


def _item(
    factor_id: str,
    own: Funnel,
    funnels: Sequence[Funnel],
    ranked: Callable[[Callable[[Funnel], bool]], list[Funnel]],
    process: dict[str, _ProcessFigures],
    config: DiagnosisConfig,
    currency: str,
) -> tuple[Fraction, DiagnosisItem] | None:
    value = own.factor(factor_id)
    if value is None:
        return None
    group_mean = _mean([factor for funnel in funnels if (factor := funnel.factor(factor_id)) is not None])
    top = ranked(lambda funnel: funnel.factor(factor_id) is not None)
    top_mean = _mean([factor for funnel in top if (factor := funnel.factor(factor_id)) is not None])
    if group_mean is None:
        return None
    effect = _effect(factor_id, own, group_mean)
    if effect is None:
        return None
    top_effect = _effect(factor_id, own, top_mean) if top_mean is not None else None
    causes: list[tuple[Fraction, ProcessCause]] = []
    if effect > 0:
        for link in config.process_links:
            figures = process.get(link.process_metric)
            if link.stage == factor_id and figures is not None and figures.worse_than_top_decile:
                causes.append((figures.shortfall, _cause(link.process_metric, factor_id, figures)))
    causes.sort(key=lambda entry: -entry[0])
    params = {
        "metric": _FACTOR_NAMES[factor_id],
        "value": display_factor(factor_id, value, currency),
        "mean": display_factor(factor_id, group_mean, currency),
        "top": display_factor(factor_id, top_mean, currency) if top_mean is not None else "—",
        "effect": format_money(effect, currency),
        "formula": _formula(factor_id, own, group_mean, currency),
    }
    if effect > 0:
        template = gettext_noop(
            "%(metric)s is %(value)s against a group mean of %(mean)s (top decile %(top)s). Reaching the "
            "group mean, with the rest of the funnel at the employee's own values, is worth about "
            "%(effect)s a month: %(formula)s."
        )
    else:
        template = gettext_noop(
            "%(metric)s is %(value)s, at or above the group mean of %(mean)s (top decile %(top)s): not a gap."
        )
    return effect, DiagnosisItem(
        metric=factor_id,
        value=quantize(value, 6),
        group_mean=quantize(group_mean, 6),
        top_decile_mean=quantize_optional(top_mean, 6),
        revenue_effect=quantize(effect, 2),
        revenue_effect_to_top_decile=quantize_optional(top_effect, 2),
        explanation=Message(template, params),
        process_causes=tuple(cause for _, cause in causes),
    )


def _summary(
    items: Sequence[DiagnosisItem], revenue: Fraction | None, group_revenue: Fraction | None, currency: str
) -> Message:
    if revenue is None or group_revenue is None:
        return message(gettext_noop("Revenue over the window is unknown, so the funnel cannot be diagnosed."))
    if not items:
        return message(
            gettext_noop(
                "Revenue is %(revenue)s a month against a group mean of %(mean)s; no funnel stage is below "
                "the group mean."
            ),
            revenue=format_money(revenue, currency),
            mean=format_money(group_revenue, currency),
        )
    top = items[0]
    causes = ", ".join(metric_name(cause.metric) for cause in top.process_causes) or gettext_noop(
        "none found"
    )
    return message(
        gettext_noop(
            "Revenue is %(revenue)s a month against a group mean of %(mean)s. The largest gap is %(metric)s "
            "(worth about %(effect)s a month); process causes: %(causes)s."
        ),
        revenue=format_money(revenue, currency),
        mean=format_money(group_revenue, currency),
        metric=_FACTOR_NAMES[top.metric],
        effect=format_money(top.revenue_effect, currency),
        causes=causes,
    )
