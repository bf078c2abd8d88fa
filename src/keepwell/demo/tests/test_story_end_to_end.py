"""DESIGN.md's canonical story, end to end: ``demo load`` → stored metrics → the renewal case of Xiao Li.

One load of the default company per session (the ``loaded`` fixture); these tests read what it stored:
the renewal cases exactly as ``renewal show <id> --json`` prints them, and the metric snapshots.
Transactional: the evaluation and the renewal scan read the database through DuckDB's own connection.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest

from keepwell.demo.tests.files import AS_OF
from keepwell.demo.tests.loaded import Loaded

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("demo-loaded")]

XIAO_LI = "XL001"
STORY_MONTHS = ["2026-08", "2026-09", "2026-10"]


def test_the_load_evaluates_and_opens_the_renewal_queue(loaded: Loaded):
    first, again = loaded.first, loaded.again
    assert not first.skipped
    assert first.evaluated
    assert first.scan["contracts"] == len(loaded.cases) >= 10
    assert loaded.runs == [(AS_OF.isoformat(), "complete")]
    assert {case["as_of"] for case in loaded.cases.values()} == {AS_OF.isoformat()}
    # Loading again with nothing changed skips the import, the evaluation and the scan.
    assert again.skipped
    assert again.evaluated
    assert again.scan == {}
    assert set(again.seconds) == {"generate", "compare", "record"}


def test_the_stored_metrics_are_xiao_li_figures(loaded: Loaded):
    for month in STORY_MONTHS:
        values = {metric: row[0] for metric, row in loaded.metrics[(XIAO_LI, month)].items()}
        assert Decimal(values["customers_followed"]) == 30
        assert Decimal(values["lead_conversion_rate"]) == Decimal("0.12")
        assert Decimal(values["repurchase_rate"]) == Decimal("0.08")
        assert Decimal(values["screening_share"]) == Decimal("0.1")
        assert Decimal(values["quota_attainment"]) == Decimal("0.6")
        assert Decimal(values["csat"]) == Decimal("4.7")
        assert Decimal(values["response_24h_rate"]) == 1


def test_xiao_li_renewal_case_tells_the_story(loaded: Loaded):
    case = loaded.cases[XIAO_LI]
    assert case["as_of"] == AS_OF.isoformat()
    assert case["contract"]["sequence"] == 2
    assert case["contract"]["end_date"] == (AS_OF + timedelta(days=45)).isoformat()

    # High attitude, low performance: develop skills, not let go.
    assert case["quadrant"] == "develop_skills"
    assert Decimal(case["scores"]["attitude"]) >= 60
    assert Decimal(case["scores"]["performance"]) < 40
    assert case["scores"]["window"] == STORY_MONTHS

    # Root cause: lead conversion (screening), then repurchase; deal conversion and deal size are no gap.
    diagnosis = case["diagnosis"]
    assert [item["metric"] for item in diagnosis] == ["lead_conversion_rate", "repurchase_rate"]
    lead, repurchase = diagnosis
    assert Decimal(lead["value"]) == Decimal("0.12")
    assert abs(Decimal(lead["group_mean"]) - Decimal("0.20")) <= Decimal("0.02")
    assert [cause["metric"] for cause in lead["process_causes"]] == ["screening_share"]
    screening = lead["process_causes"][0]
    assert (Decimal(screening["value"]), Decimal(screening["top_decile_mean"])) == (
        Decimal("0.1"),
        Decimal("0.3"),
    )
    assert Decimal(repurchase["value"]) == Decimal("0.08")
    assert abs(Decimal(repurchase["group_mean"]) - Decimal("0.15")) <= Decimal("0.02")
    assert repurchase["process_causes"] == []
    assert Decimal(lead["revenue_effect"]) > Decimal(repurchase["revenue_effect"]) > 0
    performance = {
        contribution["metric"]: contribution
        for contribution in case["scores"]["details"]["performance"]["contributions"]
    }
    # About 8 %: one of his twelve qualified leads won within 60 days (the goal of months 4-6: 12 %).
    deal_conversion = Fraction(performance["deal_conversion_rate"]["raw_value"])
    assert abs(deal_conversion - Fraction(1, 12)) < Fraction(1, 10**6)
    assert Decimal(performance["deal_conversion_rate"]["sample_size"]) == 12

    # His customers like him and he follows them closely: the revenue at risk is high.
    risk = case["client_risk"]
    assert risk["level"] == "high"
    assert Decimal(risk["revenue_strong_relationship"]) > Decimal(risk["revenue_12m"]) / 2

    # No ready successor; teammates with spare capacity may cover.
    bench = case["bench"]
    assert bench["strength"] == "thin"
    assert {candidate["kind"] for candidate in bench["candidates"]} == {"teammate_capacity"}

    trend = case["trend"][0]
    assert (trend["code"], trend["months"], trend["values"]) == (
        "attainment_below_threshold",
        STORY_MONTHS,
        ["0.6", "0.6", "0.6"],
    )

    recommendation = case["recommendation"]
    assert recommendation["action"] == "renew_with_improvement_plan"
    assert recommendation["plan_focus"] == "skills"
    assert recommendation["legal_constraint"]["code"] == "open_ended_if_requested"
    assert recommendation["reason_codes"][:4] == [
        "quadrant.develop_skills",
        "diagnosis.top_gap",
        "bench.thin",
        "client_risk.high",
    ]
    assert "legal.open_ended_if_requested" in recommendation["reason_codes"]
    assert "Lead conversion" in recommendation["reasons"][1]
    assert "screening" in recommendation["reasons"][1]

    # Beijing: written notice 30 days before the end; severance N with the high-earner cap checked.
    assert case["notice_deadline"] == (AS_OF + timedelta(days=15)).isoformat() == "2026-12-12"
    not_renew = case["legal"]["not_renew"]
    assert not_renew["employee_may_request_open_ended"] is True
    assert not_renew["severance"] == {
        "amount": "90000.00",
        "currency": "CNY",
        "months": "5",
        "basis": "5 years of service × 18000; cap 3 × 12000 not reached",
    }
    assert "cn.lcl.art47.cap_not_checked" not in {finding["code"] for finding in not_renew["findings"]}
    assert case["cost"]["separation_payment"] == "90000.00"
    assert Decimal(case["cost"]["revenue_at_risk"]) == Decimal(risk["revenue_strong_relationship"])


def test_the_cast_lands_where_the_design_says(loaded: Loaded):
    cast = loaded.manifest["cast"]
    matrices = [case["matrix"] for case in loaded.cases.values()]
    quadrants = {member["employee_id"]: member["quadrant"] for matrix in matrices for member in matrix}
    assert quadrants[cast["high_attitude_low_performance"]] == "develop_skills"
    assert quadrants[cast["high_attitude_high_performance"]] == "core"
    assert quadrants[cast["low_attitude_high_performance"]] == "culture_fit"
    assert quadrants[cast["low_attitude_low_performance"]] == "let_go"
    assert quadrants[cast["newcomer"]] == "insufficient_data"
    # The others spread over all four quadrants.
    others = [quadrant for employee_id, quadrant in quadrants.items() if employee_id not in cast.values()]
    assert {"core", "develop_skills", "culture_fit", "let_go"} <= set(others)
    # The cast members whose contracts end have their own case.
    for part in ("high_attitude_low_performance", "low_attitude_high_performance"):
        assert loaded.cases[cast[part]]["quadrant"] == quadrants[cast[part]]
    assert loaded.cases[cast["low_attitude_low_performance"]]["quadrant"] == "let_go"


def test_reserve_candidates_make_other_benches(loaded: Loaded):
    by_team = {case["team"]: case for case in loaded.cases.values()}
    reserve_teams = {candidate["team"] for candidate in loaded.first.reserve_candidates}
    assert "bj-north" not in reserve_teams
    strengths = {
        case["bench"]["strength"]
        for case in loaded.cases.values()
        if any(candidate["kind"] == "reserve" for candidate in case["bench"]["candidates"])
    }
    assert "ready" in strengths
    assert reserve_teams & set(by_team)
