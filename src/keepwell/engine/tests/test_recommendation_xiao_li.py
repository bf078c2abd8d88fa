"""End to end on Xiao Li's team: scores → quadrant → diagnosis → risk → bench → recommendation.

DESIGN.md's canonical story: high attitude, low performance → develop skills; renew with an
improvement plan because attitude is high, the largest gap (lead conversion, caused by too little
lead screening) is worth the most, the bench is thin and his accounts carry revenue at risk; and
the manager must know that the next contract must be open-ended if he asks.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from keepwell.engine.diagnosis import diagnose
from keepwell.engine.recommendation import (
    Amount,
    CostSettings,
    LegalConstraintCode,
    PlanFocus,
    RenewalAction,
    recommend_renewal,
)
from keepwell.engine.risk import (
    BenchStrength,
    CustomerFact,
    ReserveCandidate,
    RiskLevel,
    assess_bench,
    assess_client_loss_risk,
    capacities_from_evaluations,
)
from keepwell.engine.scoring import Quadrant, score_employees
from keepwell.engine.tests.test_diagnosis_xiao_li import CURRENCY, END_MONTH, xiao_li_team
from keepwell.engine.trend import find_trends

D = Decimal
CONTRACT_END = date(2026, 12, 31)

# Li's accounts are followed closely and like him; teammates' are followed less.
CUSTOMERS = (
    CustomerFact("li-1", "li", D(900_000), 30, D("4.8")),
    CustomerFact("li-2", "li", D(400_000), 24, D("4.6")),
    CustomerFact("li-3", "li", D(100_000), 6, D("4.7")),
    CustomerFact("m01-1", "m01", D(1_200_000), 14, D("4.2")),
    CustomerFact("m02-1", "m02", D(800_000), 20, D("4.1")),
    CustomerFact("m05-1", "m05", D(600_000), 9, D("3.9")),
)


def legal_assessment(*, employee_asked: bool) -> dict[str, object]:
    """Beijing, second consecutive fixed-term contract: open-ended on request (LCL Art 14)."""
    return {
        "jurisdiction": "CN",
        "region": "Beijing",
        "rule_pack": "cn",
        "rule_pack_version": "2026-07-01",
        "supported": True,
        "next_contract_must_be_open_ended": employee_asked,
        "employee_may_request_open_ended": True,
        "automatic_conversion": False,
        "conversion_effective_date": None,
        "non_renewal_lawful": not employee_asked,
        "renewal_as_proposed_lawful": None,
        "severance": {"amount": "120000.00", "currency": "CNY", "months": "6", "basis": "6 years × 20000"},
        "damages_if_unlawful": {"amount": "240000.00", "currency": "CNY", "basis": "2 × severance"},
        "last_notice_date": "2026-12-01",
        "contract_extended_until": None,
        "blocking_protections": [],
        "findings": [
            {
                "code": "cn.lcl.art14.open_ended_on_request",
                "severity": "must",
                "text": "…",
                "citation": "LCL Art 14(2)(3)",
            }
        ],
        "citations": ["LCL Art 14(2)(3)", "LCL Art 46(5)", "LCL Art 47"],
        "confidence": "high",
    }


def li_recommendation(*, employee_asked: bool):
    employees, observations = xiao_li_team()
    evaluations = score_employees(employees=employees, observations=observations, end_month=END_MONTH)
    diagnosis = diagnose(
        employee_id="li",
        employees=employees,
        observations=observations,
        end_month=END_MONTH,
        currency=CURRENCY,
    )
    client_risk = assess_client_loss_risk(
        employee_id="li",
        group_member_ids=[employee.employee_id for employee in employees],
        customers=CUSTOMERS,
        currency=CURRENCY,
    )
    bench = assess_bench(
        employee_id="li",
        role="sales_engineer",
        needed_by=CONTRACT_END,
        employee_customers_followed=D(30),
        teammates=capacities_from_evaluations(evaluations, employee_id="li"),
        reserve=[ReserveCandidate("wang", date(2027, 4, 1), "sales_engineer")],
    )
    return (
        evaluations["li"],
        client_risk,
        bench,
        recommend_renewal(
            evaluation=evaluations["li"],
            trends=find_trends(employee_id="li", observations=observations, end_month=END_MONTH),
            diagnosis=diagnosis,
            client_risk=client_risk,
            bench=bench,
            legal_assessments={"not_renew": legal_assessment(employee_asked=employee_asked)},
            monthly_pay=Amount(D(20_000), "CNY"),
            costs=CostSettings(
                currency="CNY",
                replacement_cost=D(60_000),
                ramp_up_months=D(4),
                improvement_plan_cost=D(15_000),
                gross_margin_rate=D("0.3"),
            ),
            as_of=date(2026, 11, 27),
        ),
    )


def test_li_renews_with_an_improvement_plan_open_ended_if_he_asks():
    evaluation, client_risk, bench, recommendation = li_recommendation(employee_asked=False)
    assert evaluation.quadrant is Quadrant.DEVELOP_SKILLS
    assert (client_risk.level, bench.strength) == (RiskLevel.HIGH, BenchStrength.THIN)
    assert (recommendation.action, recommendation.plan_focus) == (
        RenewalAction.RENEW_WITH_IMPROVEMENT_PLAN,
        PlanFocus.SKILLS,
    )
    assert recommendation.legal_constraint is not None
    assert recommendation.legal_constraint.code is LegalConstraintCode.OPEN_ENDED_IF_REQUESTED
    assert [(reason.code, reason.message.text) for reason in recommendation.reasons] == [
        (
            "quadrant.develop_skills",
            "Attitude 79.8 is at or above 50.0 and performance 23.0 is below 50.0: develop skills.",
        ),
        (
            "diagnosis.top_gap",
            "The largest gap is Lead conversion: 12.0% against a group mean of 20.0%, worth about "
            "40,000.00 CNY a month; process cause: Time spent screening leads 10.0% against the top "
            "decile's 30.0%.",
        ),
        (
            "bench.thin",
            "Bench thin: no successor ready by 2026-12-31; 1 reserve candidate(s) ready later and "
            "2 teammate(s) with spare capacity.",
        ),
        (
            "client_risk.high",
            "Client-loss risk is high: 3 accounts with 1,400,000.00 CNY of revenue over 12 months, "
            "1,300,000.00 CNY of it with a strong relationship to the employee.",
        ),
        (
            "trend.attainment_below_threshold",
            "Quota attainment has been at or below 60.0% for 3 consecutive months: 2026-08: 60.0%, "
            "2026-09: 60.0%, 2026-10: 60.0%.",
        ),
        (
            "legal.open_ended_if_requested",
            "The employee may ask for an open-ended contract; if they ask, the next contract must be "
            "open-ended (LCL Art 14(2)(3)).",
        ),
        (
            # Severance 120,000 + replacement 60,000 + ramp-up 4 × 0.5 × 60,000 × 0.3 = 36,000
            # + margin at risk 1,300,000 × 0.5 × 0.3 = 195,000 → 411,000 = 20.55 months of pay.
            "cost.comparison",
            "Not renewing would cost about 411,000.00 CNY (20.55 months of pay: separation 120,000.00 "
            "CNY, replacement 60,000.00 CNY, ramp-up 36,000.00 CNY, margin at risk 195,000.00 CNY), "
            "against 15,000.00 CNY for an improvement plan.",
        ),
    ]


def test_once_he_has_asked_the_open_ended_contract_is_required():
    _, _, _, recommendation = li_recommendation(employee_asked=True)
    output = recommendation.as_dict()["recommendation"]
    assert output["action"] == "renew_with_improvement_plan"
    assert output["legal_constraint"]["code"] == "open_ended_required"
    assert [reason["code"] for reason in output["reasons"]] == [
        "quadrant.develop_skills",
        "diagnosis.top_gap",
        "bench.thin",
        "client_risk.high",
        "trend.attainment_below_threshold",
        "legal.open_ended_required",
        "legal.non_renewal_unlawful",
        "cost.comparison",
    ]
    assert all(isinstance(reason["text"], str) and reason["text"] for reason in output["reasons"])


@pytest.mark.parametrize("employee_asked", [False, True])
def test_the_recommendation_is_deterministic(employee_asked):
    assert (
        li_recommendation(employee_asked=employee_asked)[3]
        == li_recommendation(employee_asked=employee_asked)[3]
    )
