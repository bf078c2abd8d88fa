"""Renewal cases: the evidence for one contract coming up for renewal, and the advice drawn from it.

The pure engine (``keepwell.engine``: scoring, trend, diagnosis, risk, recommendation) and rule packs
(``keepwell.law``) decide; this module gathers their inputs from the database — stored metric snapshots,
customers and orders, reserve candidates, contracts — and stores the result as a ``RenewalCase``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from keepwell.audit.services import audit_record
from keepwell.contracts.models import EmploymentContract
from keepwell.contracts.selectors import contracts_ending
from keepwell.core.periods import Month
from keepwell.engine.diagnosis import Diagnosis, diagnose
from keepwell.engine.recommendation import Amount, CostSettings, recommend_renewal
from keepwell.engine.risk import (
    CustomerFact,
    assess_bench,
    assess_client_loss_risk,
    capacities_from_evaluations,
)
from keepwell.engine.risk import (
    ReserveCandidate as EngineReserveCandidate,
)
from keepwell.engine.scoring import (
    DEFAULT_ATTITUDE_WEIGHTS,
    DEFAULT_PERFORMANCE_WEIGHTS,
    MANAGER_RATING,
    EmployeeEvaluation,
    EmployeeProfile,
    MetricObservation,
    MetricWeight,
    ScoringConfig,
    score_employees,
)
from keepwell.engine.trend import TrendConfig, find_trends
from keepwell.engine.wording import Message
from keepwell.errors import KeepWellError
from keepwell.evaluation.facts_source import SOURCE_ALIAS, attach_source
from keepwell.evaluation.models import MetricSnapshot, RunStatus
from keepwell.evaluation.services import evaluation_run
from keepwell.legal.selectors import legal_view
from keepwell.money.models import ExchangeRate
from keepwell.people.models import Employee
from keepwell.renewal.models import CaseStatus, ManagerRating, RenewalCase, RenewalPolicy, ReserveCandidate
from keepwell.tenancy.context import get_current_tenant, tenant_context
from keepwell.tenancy.models import Tenant

TREND_MONTHS = 6


# --- JSON ---------------------------------------------------------------------------------


def _decimal_text(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def to_json(value: Any) -> Any:
    """Engine results as JSON: exact decimal text, ISO dates, enum values, messages as their sentence."""
    if isinstance(value, Message):
        return value.text
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if isinstance(value, Fraction):
        return _decimal_text(Decimal(value.numerator) / Decimal(value.denominator))
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: to_json(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    return value


# --- policy ------------------------------------------------------------------------------


def renewal_policy() -> RenewalPolicy:
    """The current tenant's policy, or the defaults (unsaved) when it has none."""
    return RenewalPolicy.objects.first() or RenewalPolicy(tenant=get_current_tenant())


@dataclasses.dataclass(frozen=True)
class PolicySetting:
    """A setting a tenant may change: its label and inclusive bounds (money in the reporting currency)."""

    name: str
    label: Any  # translatable
    low: Decimal
    high: Decimal | None = None
    whole: bool = False


POLICY_SETTINGS = (
    PolicySetting("horizon_days", _("Renewal horizon (days)"), Decimal(1), Decimal(730), whole=True),
    PolicySetting("window_months", _("Scoring window (months)"), Decimal(1), Decimal(12), whole=True),
    PolicySetting("attitude_threshold", _("Attitude threshold (0–100)"), Decimal(0), Decimal(100)),
    PolicySetting("performance_threshold", _("Performance threshold (0–100)"), Decimal(0), Decimal(100)),
    PolicySetting("replacement_cost", _("Replacement cost"), Decimal(0)),
    PolicySetting("ramp_up_months", _("Ramp-up of a replacement (months)"), Decimal(0), Decimal(60)),
    PolicySetting("improvement_plan_cost", _("Improvement plan cost"), Decimal(0)),
    PolicySetting("gross_margin_rate", _("Gross margin rate (0–1)"), Decimal(0), Decimal(1)),
)
_SETTINGS_BY_NAME = {setting.name: setting for setting in POLICY_SETTINGS}
_DEFAULT_WEIGHTS = {"attitude": DEFAULT_ATTITUDE_WEIGHTS, "performance": DEFAULT_PERFORMANCE_WEIGHTS}
MAXIMUM_WEIGHT = Decimal(100)


def policy_weight_metrics(dimension: str) -> tuple[str, ...]:
    """The metrics a dimension may weigh: every metric, and for attitude the manager's rating."""
    from keepwell.engine.metrics import METRIC_IDS

    return (*METRIC_IDS, MANAGER_RATING) if dimension == "attitude" else METRIC_IDS


def _number(raw: Any, field: str) -> Decimal:
    """``raw`` as a finite Decimal, or a refusal naming ``field``."""
    try:
        value = Decimal(str(raw).strip())
    except ArithmeticError:
        raise KeepWellError(f"{raw!r} is not a number", field=field) from None
    if not value.is_finite():
        raise KeepWellError(f"{raw!r} is not a number", field=field)
    return value


def _decimal_places(name: str) -> int:
    return int(getattr(RenewalPolicy._meta.get_field(name), "decimal_places", 2))


def _setting(name: str, raw: Any) -> Decimal | int:
    setting = _SETTINGS_BY_NAME.get(name)
    if setting is None:
        raise KeepWellError(f"unknown setting; one of {', '.join(_SETTINGS_BY_NAME)}", field=name)
    value = _number(raw, name)
    if value < setting.low or (setting.high is not None and value > setting.high):
        bounds = (
            f"at least {setting.low}" if setting.high is None else f"between {setting.low} and {setting.high}"
        )
        raise KeepWellError(f"must be {bounds}, got {raw}", field=name)
    if setting.whole:
        if value != value.to_integral_value():
            raise KeepWellError(f"must be a whole number, got {raw}", field=name)
        return int(value)
    places = _decimal_places(name)
    if value != value.quantize(Decimal(1).scaleb(-places)):
        raise KeepWellError(f"at most {places} decimal places, got {raw}", field=name)
    if value.adjusted() >= int(getattr(RenewalPolicy._meta.get_field(name), "max_digits", 20)) - places:
        raise KeepWellError(f"too large: {raw}", field=name)
    return value


def _weight(key: str, raw: Any) -> tuple[str, str, Decimal]:
    """A ``"dimension.metric"`` weight checked: (dimension, metric, weight)."""
    dimension, _dot, metric = str(key).partition(".")
    field = f"weight {key}"
    if dimension not in _DEFAULT_WEIGHTS or not metric:
        raise KeepWellError("name a weight as attitude.METRIC or performance.METRIC", field=field)
    allowed = policy_weight_metrics(dimension)
    if metric not in allowed:
        raise KeepWellError(f"unknown metric; one of {', '.join(allowed)}", field=field)
    weight = _number(raw, field)
    if weight < 0 or weight > MAXIMUM_WEIGHT:
        raise KeepWellError(f"must be between 0 and {MAXIMUM_WEIGHT}, got {raw}", field=field)
    return dimension, metric, weight


def _in_order(dimension: str, metrics: Iterable[str]) -> list[str]:
    """The default metrics of ``dimension`` in their order, then the others by name (a JSON column on
    PostgreSQL does not keep the order of keys)."""
    rank = {weight.metric: index for index, weight in enumerate(_DEFAULT_WEIGHTS[dimension])}
    return sorted(metrics, key=lambda metric: (rank.get(metric, len(rank)), metric))


def _weight_table(policy: RenewalPolicy, dimension: str) -> dict[str, str]:
    """A dimension's weights as stored ({metric: weight}), the defaults when the policy has none."""
    stored = (policy.weights or {}).get(dimension)
    if stored:
        return {metric: str(stored[metric]) for metric in _in_order(dimension, stored)}
    return {weight.metric: str(weight.weight) for weight in _DEFAULT_WEIGHTS[dimension]}


def renewal_policy_set(
    *,
    settings: Mapping[str, Any] | None = None,
    weights: Mapping[str, Any] | None = None,
    group: str | None = None,
    actor: Any = None,
) -> RenewalPolicy:
    """Change the current tenant's policy; refused as a whole (nothing stored) if any value is invalid.

    ``settings`` maps a setting of ``POLICY_SETTINGS`` to its new value; ``weights`` maps
    ``"attitude.csat"``-style keys to a weight (0 removes the metric from the score); ``group`` is
    the comparison group (team, department, role or tenant).
    """
    from keepwell.engine.evaluate import GROUP_KINDS

    changes: dict[str, Any] = {name: _setting(name, raw) for name, raw in (settings or {}).items()}
    if group is not None:
        if group not in GROUP_KINDS:
            raise KeepWellError(
                f"must be one of {', '.join(GROUP_KINDS)}, got {group!r}", field="comparison_group"
            )
        changes["comparison_group"] = group
    new_weights = [_weight(key, raw) for key, raw in (weights or {}).items()]
    if not changes and not new_weights:
        return renewal_policy()
    with transaction.atomic():
        # Read, merge and write under the row's lock: a concurrent change is not lost.
        policy = RenewalPolicy.objects.select_for_update().first() or renewal_policy()
        if new_weights:
            tables = {dimension: _weight_table(policy, dimension) for dimension in _DEFAULT_WEIGHTS}
            for dimension, metric, weight in new_weights:
                if weight == 0:
                    tables[dimension].pop(metric, None)
                else:
                    tables[dimension][metric] = str(weight.normalize())
            for dimension, table in tables.items():
                if not any(metric != MANAGER_RATING for metric in table):
                    raise KeepWellError(
                        "needs at least one weighted metric besides the manager rating",
                        field=f"weights {dimension}",
                    )
            changes["weights"] = tables
        for name, value in changes.items():
            setattr(policy, name, value)
        policy.save()
        audit_record(
            action="renewal.policy_changed",
            actor=actor,
            object_type="renewal_policy",
            object_id=str(policy.pk),
            data={
                name: (value if isinstance(value, dict | int | str) else str(value))
                for name, value in changes.items()
            },
        )
    return policy


def renewal_policy_view(policy: RenewalPolicy) -> dict[str, Any]:
    """The policy in effect, as plain data (weights as applied: the defaults where none are stored)."""
    view: dict[str, Any] = {"comparison_group": policy.comparison_group}
    for setting in POLICY_SETTINGS:
        value = getattr(policy, setting.name)
        if setting.whole:
            view[setting.name] = int(value)
        else:
            view[setting.name] = str(
                Decimal(value).quantize(Decimal(1).scaleb(-_decimal_places(setting.name)))
            )
    view["weights"] = {dimension: _weight_table(policy, dimension) for dimension in _DEFAULT_WEIGHTS}
    return view


def _weights(defaults: tuple[MetricWeight, ...], overrides: Mapping[str, Any]) -> tuple[MetricWeight, ...]:
    if not overrides:
        return defaults
    known = {weight.metric: weight for weight in defaults}
    result = []
    for metric, weight in overrides.items():
        base = known.get(metric)
        result.append(
            MetricWeight(
                metric, Decimal(str(weight)), optional=base.optional if base else metric == MANAGER_RATING
            )
        )
    return tuple(result)


def scoring_config(policy: RenewalPolicy) -> ScoringConfig:
    return ScoringConfig(
        attitude=_weights(DEFAULT_ATTITUDE_WEIGHTS, _weight_table(policy, "attitude")),
        performance=_weights(DEFAULT_PERFORMANCE_WEIGHTS, _weight_table(policy, "performance")),
        window_months=policy.window_months,
        attitude_threshold=Decimal(policy.attitude_threshold),
        performance_threshold=Decimal(policy.performance_threshold),
    )


# --- inputs from the database -------------------------------------------------------------


def last_complete_month(as_of: date) -> str:
    """The latest calendar month that has ended by the end of ``as_of``."""
    end = as_of if (as_of + timedelta(days=1)).day == 1 else as_of.replace(day=1) - timedelta(days=1)
    return f"{end.year:04d}-{end.month:02d}"


def _months_back(end_month: str, count: int) -> list[str]:
    year, month = int(end_month[:4]), int(end_month[5:])
    index = year * 12 + month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - count + 1, index + 1)]


def comparison_members(employee: Employee, group: str) -> list[Employee]:
    """The employee's comparison group: team (default), department, role or the whole tenant."""
    employees = Employee.objects.select_related("team")
    if group == "team":
        return list(employees.filter(team=employee.team_id))
    if group == "department":
        parent = employee.team.parent_id
        return list(employees.filter(team__parent_id=parent)) if parent else [employee]
    if group == "role":
        return list(employees.filter(role=employee.role))
    return list(employees.all())


def _group_id(employee: Employee, group: str) -> str:
    if group == "team":
        return employee.team.code
    if group == "department":
        return str(employee.team.parent_id or employee.team.code)
    if group == "role":
        return employee.role
    return "tenant"


MetricRows = Callable[[list[Employee], list[str]], Iterable[Mapping[str, Any]]]


def stored_metric_rows(members: list[Employee], months: list[str]) -> Iterator[dict[str, Any]]:
    """Metric rows (export columns) of ``members`` in ``months`` from the stored, complete evaluation."""
    by_pk = {member.pk: member.employee_id for member in members}
    snapshots = MetricSnapshot.objects.filter(
        run__status=RunStatus.COMPLETE, employee_id__in=list(by_pk), month__in=months
    ).values_list("employee_id", "month", "values")
    for employee_pk, month, values in snapshots:
        for metric, (value, numerator, denominator, provisional) in values.items():
            yield {
                "employee_id": by_pk[employee_pk],
                "month": month,
                "metric": metric,
                "value": value,
                "numerator": numerator,
                "denominator": denominator,
                "provisional": provisional,
            }


def evaluation_metric_rows(evaluation: Any) -> MetricRows:
    """Metric rows from an evaluation computed in memory (``keepwell.engine.evaluate``), nothing stored."""
    table = evaluation.metric_values

    def rows(members: list[Employee], months: list[str]) -> list[dict[str, Any]]:
        wanted = pc.and_(
            pc.is_in(table.column("employee_id"), value_set=pa.array([m.employee_id for m in members])),
            pc.is_in(table.column("month"), value_set=pa.array(months)),
        )
        return table.filter(wanted).to_pylist()

    return rows


def metric_observations(
    members: list[Employee], months: list[str], metric_rows: MetricRows = stored_metric_rows
) -> list[MetricObservation]:
    """Metric values and manager ratings of ``members`` in ``months``."""
    observations = [MetricObservation.from_row(row) for row in metric_rows(members, months)]
    by_pk = {member.pk: member.employee_id for member in members}
    first_days = [Month.parse(month).first_day for month in months]
    for rating in ManagerRating.objects.filter(employee_id__in=list(by_pk), month__in=first_days):
        observations.append(
            MetricObservation(
                employee_id=by_pk[rating.employee_id],
                month=rating.month.strftime("%Y-%m"),
                metric=MANAGER_RATING,
                value=Decimal(rating.rating),
            )
        )
    return observations


_CUSTOMER_FACTS_SQL = """
WITH members AS (
    SELECT id, employee_id, timezone,
           timezone(timezone, CAST(DATE '{as_of}' + INTERVAL 1 DAY AS TIMESTAMP)) AS window_end
    FROM {db}.people_employee WHERE tenant_id = {tenant} AND id IN ({members})
),
customers AS (
    SELECT c.id, c.customer_id, m.employee_id AS owner, m.id AS owner_key, m.window_end
    FROM {db}.crm_customer AS c JOIN members AS m ON m.id = c.owner_id
    WHERE c.tenant_id = {tenant}
),
orders AS (
    SELECT o.customer_id AS customer_key, CAST(o.amount AS DECIMAL(20, 4)) AS amount, o.currency,
           CAST(timezone(e.timezone, CAST(o.ordered_at AS TIMESTAMPTZ)) AS DATE) AS local_date
    FROM {db}.crm_order AS o
    JOIN customers AS c ON c.id = o.customer_id
    JOIN {db}.people_employee AS e ON e.id = o.employee_id
    WHERE o.tenant_id = {tenant}
      AND CAST(o.ordered_at AS TIMESTAMPTZ) > c.window_end - INTERVAL 365 DAY
      AND CAST(o.ordered_at AS TIMESTAMPTZ) <= c.window_end
),
rates AS (
    SELECT base, CAST(date AS DATE) AS date, CAST(rate AS DECIMAL(20, 10)) AS rate
    FROM {db}.money_exchangerate WHERE tenant_id = {tenant} AND quote = '{currency}'
),
converted AS (
    SELECT o.customer_key, o.currency, o.local_date,
           CASE WHEN o.currency = '{currency}' THEN o.amount ELSE o.amount * r.rate END AS amount
    FROM orders AS o ASOF LEFT JOIN rates AS r ON r.base = o.currency AND o.local_date >= r.date
),
touches AS (
    SELECT a.customer_id AS customer_key, count(*) AS touches
    FROM {db}.crm_activity AS a JOIN customers AS c ON c.id = a.customer_id AND a.employee_id = c.owner_key
    WHERE a.tenant_id = {tenant}
      AND CAST(a.started_at AS TIMESTAMPTZ) > c.window_end - INTERVAL 365 DAY
      AND CAST(a.started_at AS TIMESTAMPTZ) <= c.window_end
    GROUP BY 1
),
satisfaction AS (
    SELECT f.customer_id AS customer_key, avg(f.csat) AS csat
    FROM {db}.crm_feedback AS f JOIN customers AS c ON c.id = f.customer_id AND f.employee_id = c.owner_key
    WHERE f.tenant_id = {tenant} AND f.csat IS NOT NULL
      AND CAST(f.submitted_at AS TIMESTAMPTZ) > c.window_end - INTERVAL 365 DAY
      AND CAST(f.submitted_at AS TIMESTAMPTZ) <= c.window_end
    GROUP BY 1
)
SELECT c.customer_id, c.owner,
       CAST(coalesce((SELECT sum(amount) FROM converted AS v WHERE v.customer_key = c.id), 0) AS VARCHAR),
       coalesce(t.touches, 0), CAST(s.csat AS VARCHAR),
       (SELECT first(currency || ' ' || CAST(local_date AS VARCHAR)) FROM converted AS v
        WHERE v.customer_key = c.id AND v.amount IS NULL)
FROM customers AS c
LEFT JOIN touches AS t ON t.customer_key = c.id
LEFT JOIN satisfaction AS s ON s.customer_key = c.id
ORDER BY c.customer_id
"""


def customer_facts(*, members: list[Employee], as_of: date, currency: str) -> list[CustomerFact]:
    """Per customer owned by ``members``: revenue of the 365 days to ``as_of`` (in ``currency``, at the rate
    of the order's local date), the owner's touches and the customer's mean csat about the owner."""
    if not members:
        return []
    tenant = get_current_tenant()
    sql = (
        _CUSTOMER_FACTS_SQL.replace("{db}", SOURCE_ALIAS)
        .replace("{tenant}", str(int(tenant.pk)))
        .replace("{members}", ", ".join(str(int(member.pk)) for member in members))
        .replace("{as_of}", as_of.isoformat())
        .replace("{currency}", currency.replace("'", ""))
    )
    con = duckdb.connect(config={"threads": 2})
    try:
        attach_source(con)
        rows = con.execute(sql).fetchall()
    finally:
        con.close()
    missing = next((row[5] for row in rows if row[5]), None)
    if missing:
        code, day = missing.split(" ")
        raise KeepWellError(
            f"no {code}→{currency} exchange rate on or before {day}",
            code="missing_exchange_rate",
            field="fx_rates",
        )
    return [
        CustomerFact(
            customer_id=customer_id,
            owner_employee_id=owner,
            revenue_12m=Decimal(revenue),
            touches_12m=int(touches),
            mean_csat=Decimal(csat) if csat is not None else None,
        )
        for customer_id, owner, revenue, touches, csat, _ in rows
    ]


def _rates_to(currency: str, on: date) -> dict[str, Decimal]:
    """Latest rate on or before ``on`` of every currency quoted in ``currency``."""
    rates: dict[str, Decimal] = {}
    for base, rate in (
        ExchangeRate.objects.filter(quote_id=currency, date__lte=on)
        .order_by("base_id", "-date")
        .values_list("base_id", "rate")
    ):
        rates.setdefault(base, rate)
    return rates


# --- the case -----------------------------------------------------------------------------


def _evaluations(
    members: list[Employee],
    employee: Employee,
    end_month: str,
    group: str,
    config: ScoringConfig,
    metric_rows: MetricRows,
) -> tuple[dict[str, EmployeeEvaluation], list[EmployeeProfile], list[MetricObservation], str]:
    profiles = [
        EmployeeProfile(member.employee_id, _group_id(member, group), member.role, member.hire_date)
        for member in members
    ]
    months = _months_back(end_month, max(TREND_MONTHS, config.window_months))
    observations = metric_observations(members, months, metric_rows)
    evaluations = score_employees(
        employees=profiles, observations=observations, end_month=end_month, config=config
    )
    if employee.employee_id not in evaluations:
        # Hired after the last complete month: scored (as insufficient data) over the as-of month.
        later = _next_month(end_month)
        observations = metric_observations(
            members, _months_back(later, max(TREND_MONTHS, config.window_months)), metric_rows
        )
        evaluations = score_employees(
            employees=profiles, observations=observations, end_month=later, config=config
        )
        end_month = later
    return evaluations, profiles, observations, end_month


def _next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def _score_json(evaluation: EmployeeEvaluation) -> dict[str, Any]:
    attitude, performance = evaluation.attitude, evaluation.performance
    confidence = min(attitude.confidence, performance.confidence)
    return {
        "attitude": to_json(attitude.value),
        "performance": to_json(performance.value),
        "confidence": to_json(confidence),
        "confidence_level": to_json(
            attitude.confidence_level
            if attitude.confidence <= performance.confidence
            else performance.confidence_level
        ),
        "window": list(evaluation.months),
        "details": {"attitude": to_json(attitude), "performance": to_json(performance)},
    }


def _diagnosis_json(diagnosis: Diagnosis | None) -> list[dict[str, Any]]:
    if diagnosis is None:
        return []
    return [
        {
            "metric": item.metric,
            "value": to_json(item.value),
            "group_mean": to_json(item.group_mean),
            "top_decile_mean": to_json(item.top_decile_mean),
            "revenue_effect": to_json(item.revenue_effect),
            "revenue_effect_to_top_decile": to_json(item.revenue_effect_to_top_decile),
            "explanation": item.explanation.text,
            "process_causes": to_json(item.process_causes),
        }
        for item in diagnosis.items
    ]


def _legal_json(view: Any) -> dict[str, Any]:
    if view is None:
        return {"supported": False, "reason": "no fixed-term contract ending"}
    if view.error:
        return {"supported": False, "reason": view.error}
    return dict(view.assessments)


def case_evidence(
    *,
    employee: Employee,
    contract: EmploymentContract,
    as_of: date,
    metric_rows: MetricRows = stored_metric_rows,
) -> dict[str, Any]:
    """Everything a renewal case shows, as a JSON-ready dict with the stable keys of ``renewal show``.

    Metrics come from the stored evaluation (which must be as of ``as_of``: see ``ensure_evaluation``) or,
    for a case recomputed on request, from an evaluation made in memory.
    """
    tenant = get_current_tenant()
    policy = renewal_policy()
    config = scoring_config(policy)
    group = policy.comparison_group
    members = comparison_members(employee, group)
    end_month = last_complete_month(as_of)
    evaluations, profiles, observations, end_month = _evaluations(
        members, employee, end_month, group, config, metric_rows
    )
    evaluation = evaluations[employee.employee_id]
    trends = find_trends(
        employee_id=employee.employee_id, observations=observations, end_month=end_month, config=TrendConfig()
    )
    currency = tenant.reporting_currency
    diagnosis: Diagnosis | None
    try:
        diagnosis = diagnose(
            employee_id=employee.employee_id,
            employees=[profile for profile in profiles if profile.employee_id in evaluations],
            observations=observations,
            end_month=end_month,
            currency=currency,
        )
    except KeyError:
        diagnosis = None
    customers = customer_facts(members=members, as_of=as_of, currency=currency)
    client_risk = assess_client_loss_risk(
        employee_id=employee.employee_id,
        group_member_ids=[member.employee_id for member in members],
        customers=customers,
        currency=currency,
    )
    reserve = [
        EngineReserveCandidate(candidate.name, candidate.readiness_date, candidate.target_role)
        for candidate in ReserveCandidate.objects.filter(team=employee.team_id).order_by("readiness_date")
    ]
    followed = next(
        (c.raw_value for c in evaluation.attitude.contributions if c.metric == "customers_followed"), None
    )
    bench = assess_bench(
        employee_id=employee.employee_id,
        role=employee.role,
        needed_by=contract.end_date or as_of,
        employee_customers_followed=followed,
        teammates=capacities_from_evaluations(evaluations, employee_id=employee.employee_id),
        reserve=reserve,
    )
    view = legal_view(employee=employee, as_of=as_of)
    legal = _legal_json(view)
    assessments = (
        view.assessments if view is not None and not view.error else {"not_renew": {"supported": False}}
    )
    recommendation = recommend_renewal(
        evaluation=evaluation,
        trends=trends,
        diagnosis=diagnosis,
        client_risk=client_risk,
        bench=bench,
        legal_assessments=assessments,
        monthly_pay=Amount(Decimal(contract.monthly_base_salary), contract.currency),
        costs=CostSettings(
            currency=currency,
            replacement_cost=Decimal(policy.replacement_cost),
            ramp_up_months=Decimal(policy.ramp_up_months),
            improvement_plan_cost=Decimal(policy.improvement_plan_cost),
            gross_margin_rate=Decimal(policy.gross_margin_rate),
        ),
        as_of=as_of,
        exchange_rates=_rates_to(currency, as_of),
    ).as_dict()
    advice = recommendation["recommendation"]
    assert isinstance(advice, dict)
    return {
        "employee_id": employee.employee_id,
        "name": employee.name,
        "team": employee.team.code,
        "as_of": as_of.isoformat(),
        "contract": {
            "contract_id": contract.contract_id,
            "sequence": contract.sequence,
            "type": contract.type,
            "start_date": contract.start_date.isoformat(),
            "end_date": contract.end_date.isoformat() if contract.end_date else None,
            "jurisdiction": contract.jurisdiction,
        },
        "notice_deadline": view.last_notice_date.isoformat() if view and view.last_notice_date else None,
        "quadrant": evaluation.quadrant.value,
        "quadrant_explanation": evaluation.quadrant_explanation.text,
        "matrix": [
            {
                "employee_id": member.employee_id,
                "name": member.name,
                "attitude": to_json(evaluations[member.employee_id].attitude.value),
                "performance": to_json(evaluations[member.employee_id].performance.value),
                "quadrant": evaluations[member.employee_id].quadrant.value,
            }
            for member in sorted(members, key=lambda member: member.employee_id)
            if member.employee_id in evaluations
        ],
        "scores": _score_json(evaluation),
        "trend": [
            {
                "code": to_json(finding.code),
                "severity": to_json(finding.severity),
                "text": finding.message.text,
                "metric": finding.metric,
                "months": list(finding.months),
                "values": to_json(finding.values),
            }
            for finding in trends
        ],
        "diagnosis": _diagnosis_json(diagnosis),
        "client_risk": {
            "revenue_12m": to_json(client_risk.revenue_12m),
            "revenue_strong_relationship": to_json(client_risk.revenue_strong_relationship),
            "accounts": client_risk.accounts,
            "strong_accounts": client_risk.strong_accounts,
            "level": to_json(client_risk.level),
            "currency": currency,
            "explanation": client_risk.explanation.text,
        },
        "bench": {
            "strength": to_json(bench.strength),
            "candidates": to_json(bench.candidates),
            "explanation": bench.explanation.text,
        },
        "legal": legal,
        "cost": recommendation["cost_view"],
        "recommendation": {
            "action": advice["action"],
            "reasons": [reason["text"] for reason in advice["reasons"]],
            "reason_codes": [reason["code"] for reason in advice["reasons"]],
            "legal_constraint": advice["legal_constraint"],
            "plan_focus": advice["plan_focus"],
            "rule": advice["rule"],
        },
    }


def stored_evaluation_is_as_of(as_of: date) -> bool:
    """Whether every stored month up to ``as_of``'s month was computed as of ``as_of`` (and some are)."""
    months = MetricSnapshot.objects.filter(run__status=RunStatus.COMPLETE, month__lte=f"{as_of:%Y-%m}")
    return months.exists() and not months.exclude(run__as_of=as_of).exists()


def ensure_evaluation(*, tenant: Tenant, as_of: date, actor: Any = None) -> None:
    """Evaluate the tenant as of ``as_of`` unless the stored months already are as of that date.

    The store keeps, per month, the latest computation; cases built from it must all share one as-of.
    """
    with tenant_context(tenant):
        current = stored_evaluation_is_as_of(as_of)
    if not current:
        evaluation_run(tenant=tenant, as_of=as_of, actor=actor)


def renewal_case_refresh(
    *, contract: EmploymentContract, as_of: date, actor: Any = None
) -> tuple[RenewalCase, bool]:
    """Open (or refresh) the case of ``contract``; return it and whether it was new."""
    employee = contract.employee
    evidence = case_evidence(employee=employee, contract=contract, as_of=as_of)
    now = timezone.now()
    with transaction.atomic():
        case, created = RenewalCase.objects.select_for_update().get_or_create(
            contract=contract,
            defaults={
                "employee": employee,
                "opened_at": now,
                "as_of": as_of,
                "refreshed_at": now,
                "contract_end": contract.end_date,
                "quadrant": evidence["quadrant"],
                "recommended_action": evidence["recommendation"]["action"],
                "notice_deadline": evidence["notice_deadline"],
                "evidence": evidence,
            },
        )
        if not created:
            case.as_of = as_of
            case.refreshed_at = now
            case.contract_end = contract.end_date
            case.quadrant = evidence["quadrant"]
            case.recommended_action = evidence["recommendation"]["action"]
            case.notice_deadline = evidence["notice_deadline"]
            case.evidence = evidence
            case.save()
        audit_record(
            action="renewal_case.open" if created else "renewal_case.refresh",
            actor=actor,
            object_type="renewal_case",
            object_id=contract.contract_id,
            data={
                "as_of": as_of.isoformat(),
                "recommendation": case.recommended_action,
                "quadrant": case.quadrant,
            },
        )
    return case, created


def renewal_scan(
    *,
    tenant: Tenant,
    as_of: date,
    horizon_days: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    actor: Any = None,
) -> dict[str, int]:
    """Open a case for every fixed-term contract ending within the horizon; refresh existing ones.

    Idempotent: running it twice leaves one case per contract. Evaluates the tenant first when no run for
    ``as_of`` is stored.
    """
    ensure_evaluation(tenant=tenant, as_of=as_of, actor=actor)
    with tenant_context(tenant):
        horizon = horizon_days if horizon_days is not None else renewal_policy().horizon_days
        if not 1 <= horizon <= 730:
            raise KeepWellError("between 1 and 730", field="horizon_days")
        # The scan sees every contract (it is the system acting for HR), so no membership filter.
        contracts = list(_all_contracts_ending(as_of=as_of, horizon_days=horizon))
        opened = refreshed = 0
        for index, contract in enumerate(contracts):
            _, created = renewal_case_refresh(contract=contract, as_of=as_of, actor=actor)
            opened += created
            refreshed += not created
            if progress:
                progress(index + 1, len(contracts))
        open_ids = {contract.pk for contract in contracts}
        closed = (
            RenewalCase.objects.filter(status=CaseStatus.OPEN, contract_end__lt=as_of)
            .exclude(contract_id__in=open_ids)
            .update(status=CaseStatus.CLOSED)
        )
    return {"contracts": len(contracts), "opened": opened, "refreshed": refreshed, "closed": closed}


def _all_contracts_ending(*, as_of: date, horizon_days: int) -> Any:
    from keepwell.tenancy.models import Membership, Role

    # A stand-in membership with full view: contracts_ending scopes by membership.
    system = Membership(tenant=get_current_tenant(), role=Role.HR)
    return contracts_ending(membership=system, as_of=as_of, horizon_days=horizon_days).select_related(
        "employee", "employee__team"
    )
