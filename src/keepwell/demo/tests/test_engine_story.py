"""The story as the metrics engine tells it: the demo's files, turned into the engine's facts, evaluated.

The engine reads Arrow tables keyed by integers; here the keys are row numbers of the files. Besides the
metrics, the renewal case's engine steps (scores, diagnosis, client-loss risk) are run on the files as
``case_evidence`` runs them on the database, for three as_of dates.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pyarrow as pa
import pytest

from keepwell.demo.tests.files import Demo
from keepwell.demo.tests.reference import instant, read
from keepwell.engine import evaluate as evaluate_module
from keepwell.engine import facts as facts_module
from keepwell.engine import scoring
from keepwell.engine.diagnosis import diagnose
from keepwell.engine.risk import CustomerFact, RiskLevel, assess_client_loss_risk

STORY_MONTHS = ["2026-08", "2026-09", "2026-10"]
TEAM = "bj-north"
XIAO_LI = "XL001"


def facts_from_files(directory: Path, *, reporting_currency: str = "CNY") -> object:
    employees = read(directory, "employees")
    employee_keys = {row["employee_id"]: key for key, row in enumerate(employees, start=1)}
    customer_keys = {row["customer_id"]: key for key, row in enumerate(read(directory, "customers"), start=1)}
    timestamp = pa.timestamp("us", tz="UTC")

    def table(rows: list[dict[str, str]], columns: dict[str, tuple[object, object]]) -> object:
        return pa.table(
            {
                name: pa.array([convert(row) for row in rows], kind)
                for name, (kind, convert) in columns.items()
            }
        )

    def moment(column: str) -> tuple[object, object]:
        return timestamp, lambda row: instant(row[column])

    def integer(column: str) -> tuple[object, object]:
        return pa.int64(), lambda row: int(row[column]) if row[column] else None

    def employee(column: str) -> tuple[object, object]:
        return pa.int64(), lambda row: employee_keys[row[column]]

    def customer(column: str) -> tuple[object, object]:
        return pa.int64(), lambda row: customer_keys.get(row[column])

    def text(column: str) -> tuple[object, object]:
        return pa.string(), lambda row: row[column] or None

    def decimal(column: str, scale: int) -> tuple[object, object]:
        return pa.decimal128(20, scale), lambda row: Decimal(row[column])

    return facts_module.Facts(
        reporting_currency=reporting_currency,
        employees=table(
            employees,
            {
                "employee_key": employee("employee_id"),
                "employee_id": text("employee_id"),
                "team": text("team"),
                "department": (pa.string(), lambda row: None),
                "role": text("role"),
                "hire_date": (pa.date32(), lambda row: date.fromisoformat(row["hire_date"])),
                "timezone": text("timezone"),
            },
        ),
        activities=table(
            read(directory, "activities"),
            {
                "employee_key": employee("employee_id"),
                "customer_key": customer("customer_id"),
                "purpose": text("purpose"),
                "started_at": moment("started_at"),
                "duration_minutes": integer("duration_minutes"),
                "inbound_at": moment("inbound_at"),
                "replied_at": moment("replied_at"),
            },
        ),
        leads=table(
            read(directory, "leads"),
            {
                "owner_key": employee("owner_employee_id"),
                "created_at": moment("created_at"),
                "qualified_at": moment("qualified_at"),
                "won_at": moment("won_at"),
            },
        ),
        orders=table(
            read(directory, "orders"),
            {
                "customer_key": customer("customer_id"),
                "employee_key": employee("employee_id"),
                "ordered_at": moment("ordered_at"),
                "amount": decimal("amount", 4),
                "currency": text("currency"),
            },
        ),
        feedback=table(
            read(directory, "feedback"),
            {
                "employee_key": employee("employee_id"),
                "submitted_at": moment("submitted_at"),
                "csat": integer("csat"),
                "nps": integer("nps"),
                "complaint": (pa.bool_(), lambda row: row["complaint"] == "true"),
            },
        ),
        tasks=table(
            read(directory, "tasks"),
            {
                "employee_key": employee("employee_id"),
                "due_at": moment("due_at"),
                "completed_at": moment("completed_at"),
            },
        ),
        targets=table(
            read(directory, "targets"),
            {
                "employee_key": employee("employee_id"),
                "month": text("month"),
                "metric": text("metric"),
                "value": decimal("value", 4),
            },
        ),
        fx_rates=table(
            read(directory, "fx_rates"),
            {
                "date": (pa.date32(), lambda row: date.fromisoformat(row["date"])),
                "base": text("base"),
                "quote": text("quote"),
                "rate": decimal("rate", 10),
            },
        ),
    )


@pytest.fixture(scope="module")
def evaluation(demo):
    facts = facts_from_files(demo.directory)
    return evaluate_module.evaluate(
        facts, as_of=demo.as_of, month_from=STORY_MONTHS[0], month_to=STORY_MONTHS[-1]
    )


def _values(evaluation, employee_id: str, month: str) -> dict[str, Decimal | None]:
    rows = evaluation.metric_values.to_pylist()
    return {
        row["metric"]: row["value"]
        for row in rows
        if row["employee_id"] == employee_id and row["month"] == month
    }


def _benchmark(evaluation, metric: str, month: str) -> dict[str, object]:
    rows = evaluation.benchmarks.to_pylist()
    return next(
        row for row in rows if (row["group_id"], row["metric"], row["month"]) == (TEAM, metric, month)
    )


@pytest.mark.parametrize("month", STORY_MONTHS)
def test_the_engine_finds_xiao_li_figures(evaluation, month):
    values = _values(evaluation, XIAO_LI, month)
    assert values["customers_followed"] == 30
    assert values["lead_conversion_rate"] == Decimal("0.12")
    assert values["repurchase_rate"] == Decimal("0.08")
    assert values["screening_share"] == Decimal("0.1")
    assert values["quota_attainment"] == Decimal("0.6")
    assert values["csat"] == Decimal("4.7")


@pytest.mark.parametrize("month", STORY_MONTHS)
def test_the_engine_finds_the_team_figures(evaluation, month):
    assert abs(_benchmark(evaluation, "customers_followed", month)["mean"] - 25) <= Decimal("0.5")
    assert abs(_benchmark(evaluation, "lead_conversion_rate", month)["mean"] - Decimal("0.20")) <= Decimal(
        "0.02"
    )
    assert abs(_benchmark(evaluation, "repurchase_rate", month)["mean"] - Decimal("0.15")) <= Decimal("0.02")
    assert _benchmark(evaluation, "screening_share", month)["top_decile_mean"] == Decimal("0.3")


@pytest.mark.parametrize("month", STORY_MONTHS)
def test_the_engine_agrees_with_the_reference_on_the_whole_team(demo, evaluation, month):
    reference = demo.reference
    metrics = (
        "customers_followed",
        "lead_conversion_rate",
        "repurchase_rate",
        "screening_share",
        "quota_attainment",
        "csat",
        "response_24h_rate",
    )
    for employee_id in reference.members(TEAM, month):
        values = _values(evaluation, employee_id, month)
        for metric in metrics:
            expected = getattr(reference, metric)(employee_id, month)
            assert (values[metric] is None) == (expected is None), (employee_id, metric)
            if expected is not None:
                difference = abs(Fraction(values[metric]) - Fraction(expected))
                assert difference < Fraction(1, 10**9), (employee_id, metric, values[metric], expected)


def test_the_engine_places_the_cast_on_the_matrix(demo, evaluation):
    observations = [scoring.MetricObservation.from_row(row) for row in evaluation.metric_values.to_pylist()]
    employees = [
        scoring.EmployeeProfile(
            row["employee_id"], row["team"], row["role"], date.fromisoformat(row["hire_date"])
        )
        for row in read(demo.directory, "employees")
    ]

    results = scoring.score_employees(
        employees=employees, observations=observations, end_month=STORY_MONTHS[-1]
    )

    cast = demo.manifest["cast"]
    quadrants = {part: str(results[employee_id].quadrant) for part, employee_id in cast.items()}
    assert quadrants["high_attitude_low_performance"] == "develop_skills"  # Xiao Li
    assert quadrants["high_attitude_high_performance"] == "core"
    assert quadrants["low_attitude_high_performance"] == "culture_fit"
    assert quadrants["low_attitude_low_performance"] == "let_go"
    assert quadrants["newcomer"] == "insufficient_data"


# -- the renewal case's engine steps, for three as_of dates --------------------------------------------


def _months_back(end_month: str, count: int) -> list[str]:
    year, month = int(end_month[:4]), int(end_month[5:])
    index = year * 12 + month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - count + 1, index + 1)]


def customer_facts(demo: Demo, members: set[str]) -> list[CustomerFact]:
    """Per customer of ``members``: revenue, the owner's touches and mean csat about the owner, 365 days."""
    reference = demo.reference
    owner = {row["customer_id"]: row["owner_employee_id"] for row in demo.rows("customers")}
    owner = {customer: employee for customer, employee in owner.items() if employee in members}

    def within(customer: str, text: str) -> bool:
        employee = owner[customer]
        end = datetime.combine(demo.as_of + timedelta(days=1), time(), tzinfo=reference.zones[employee])
        moment = instant(text)
        return moment is not None and end - timedelta(days=365) < moment <= end

    revenue: dict[str, Decimal] = defaultdict(Decimal)
    for row in demo.rows("orders"):
        if row["customer_id"] in owner and within(row["customer_id"], row["ordered_at"]):
            amount = Decimal(row["amount"])
            if row["currency"] != reference.reporting_currency:
                local_day = instant(row["ordered_at"]).astimezone(reference.zones[row["employee_id"]]).date()
                amount *= reference.rate(row["currency"], local_day)
            revenue[row["customer_id"]] += amount
    touches: Counter[str] = Counter(
        row["customer_id"]
        for row in demo.rows("activities")
        if row["customer_id"] in owner
        and row["employee_id"] == owner[row["customer_id"]]
        and within(row["customer_id"], row["started_at"])
    )
    scores: dict[str, list[int]] = defaultdict(list)
    for row in demo.rows("feedback"):
        customer = row["customer_id"]
        about_owner = customer in owner and row["employee_id"] == owner[customer]
        if row["csat"] and about_owner and within(customer, row["submitted_at"]):
            scores[customer].append(int(row["csat"]))
    return [
        CustomerFact(
            customer,
            employee,
            revenue[customer],
            touches[customer],
            Decimal(sum(scores[customer])) / len(scores[customer]) if scores[customer] else None,
        )
        for customer, employee in owner.items()
    ]


@pytest.fixture(scope="module", params=["demo", "shifted", "spring_festival"])
def case(request):
    """Xiao Li's team through the engine steps of a renewal case, as of each demo's as_of."""
    demo: Demo = request.getfixturevalue(request.param)
    end_month = demo.manifest["story"]["months"][-1]
    months = _months_back(end_month, 6)
    evaluation = evaluate_module.evaluate(
        facts_from_files(demo.directory), as_of=demo.as_of, month_from=months[0], month_to=months[-1]
    )
    observations = [scoring.MetricObservation.from_row(row) for row in evaluation.metric_values.to_pylist()]
    profiles = [
        scoring.EmployeeProfile(
            row["employee_id"], row["team"], row["role"], date.fromisoformat(row["hire_date"])
        )
        for row in demo.rows("employees")
    ]
    scores = scoring.score_employees(employees=profiles, observations=observations, end_month=end_month)
    team = [profile for profile in profiles if profile.group_id == TEAM]
    diagnosis = diagnose(
        employee_id=XIAO_LI, employees=team, observations=observations, end_month=end_month, currency="CNY"
    )
    members = {profile.employee_id for profile in team}
    risk = assess_client_loss_risk(
        employee_id=XIAO_LI, group_member_ids=members, customers=customer_facts(demo, members), currency="CNY"
    )
    return demo, scores, diagnosis, risk


def test_every_as_of_diagnoses_lead_conversion_then_repurchase(case):
    _, _, diagnosis, _ = case
    assert [item.metric for item in diagnosis.items] == ["lead_conversion_rate", "repurchase_rate"]
    lead, repurchase = diagnosis.items
    assert lead.value == Decimal("0.12")
    assert [cause.metric for cause in lead.process_causes] == ["screening_share"]
    assert repurchase.value == Decimal("0.08")
    strengths = {item.metric: item for item in diagnosis.strengths}
    # Deal conversion about 8 % (1 of 12), at or above the team's mean; deal size no gap either.
    assert abs(Fraction(strengths["deal_conversion_rate"].value) - Fraction(1, 12)) < Fraction(1, 10**6)
    assert strengths["deal_conversion_rate"].group_mean < strengths["deal_conversion_rate"].value
    assert "revenue_per_won_deal" in strengths
    assert diagnosis.unassessed == ()


def test_every_as_of_puts_xiao_li_revenue_at_high_risk(case):
    _, _, _, risk = case
    assert risk.level is RiskLevel.HIGH
    assert risk.touches_threshold is not None
    assert risk.touches_threshold >= 1


def test_every_as_of_places_the_cast(case):
    demo, scores, _, _ = case
    cast = demo.manifest["cast"]
    assert scores[cast["high_attitude_low_performance"]].quadrant == "develop_skills"
    assert scores[cast["high_attitude_high_performance"]].quadrant == "core"
    assert scores[cast["low_attitude_high_performance"]].quadrant == "culture_fit"
    assert scores[cast["low_attitude_low_performance"]].quadrant == "let_go"
    assert scores[cast["newcomer"]].quadrant == "insufficient_data"
    others = {evaluation.quadrant for key, evaluation in scores.items() if key not in cast.values()}
    assert {"core", "develop_skills", "culture_fit", "let_go"} <= others
