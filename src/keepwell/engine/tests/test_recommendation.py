"""Renewal recommendation: every rule, the legal position, the cost view. Exact and table-driven."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from keepwell.engine.errors import MissingExchangeRate
from keepwell.engine.recommendation import (
    Amount,
    CostSettings,
    LegalConstraintCode,
    PlanFocus,
    RecommendationPolicy,
    RenewalAction,
    SeparationBasis,
    build_cost_view,
    legal_constraint,
    read_legal_position,
    recommend_renewal,
)
from keepwell.engine.risk import CustomerFact, assess_client_loss_risk
from keepwell.engine.scoring import (
    ConfidenceLevel,
    Dimension,
    EmployeeEvaluation,
    Quadrant,
    Score,
    ScoreStatus,
)
from keepwell.engine.trend import Severity, TrendCode, TrendFinding
from keepwell.engine.wording import Message, message

D = Decimal
AS_OF = date(2026, 11, 27)
PAY = Amount(D(20_000), "CNY")
COSTS = CostSettings(
    currency="CNY",
    replacement_cost=D(60_000),
    ramp_up_months=D(3),
    improvement_plan_cost=D(15_000),
    gross_margin_rate=D("0.3"),
)
PREGNANT = {
    "kind": "pregnant",
    "effect": "contract extended until the protection ends",
    "citation": "LCL Art 42, 45",
}


def assessment(**fields: object) -> dict[str, object]:
    """A supported CN assessment: non-renewal lawful, 40,000 severance, notice by 2026-12-01."""
    base: dict[str, object] = {
        "jurisdiction": "CN",
        "region": "Beijing",
        "rule_pack": "cn",
        "rule_pack_version": "2026-07-01",
        "supported": True,
        "next_contract_must_be_open_ended": False,
        "employee_may_request_open_ended": False,
        "automatic_conversion": False,
        "conversion_effective_date": None,
        "non_renewal_lawful": True,
        "renewal_as_proposed_lawful": None,
        "severance": {"amount": "40000.00", "currency": "CNY", "months": "2", "basis": "2 years × 20000"},
        "damages_if_unlawful": {"amount": "80000.00", "currency": "CNY", "basis": "2 × severance"},
        "last_notice_date": "2026-12-01",
        "contract_extended_until": None,
        "blocking_protections": [],
        "findings": [],
        "citations": ["LCL Art 44(1)", "LCL Art 46(5)"],
        "confidence": "high",
    }
    base.update(fields)
    return base


UNSUPPORTED: dict[str, object] = {
    "jurisdiction": "AQ",
    "region": None,
    "supported": False,
    "next_contract_must_be_open_ended": None,
    "employee_may_request_open_ended": None,
    "non_renewal_lawful": None,
    "severance": None,
    "findings": [],
    "citations": [],
}


def score(dimension: Dimension, value: str | None) -> Score:
    return Score(
        dimension=dimension,
        status=ScoreStatus.SCORED if value is not None else ScoreStatus.INSUFFICIENT_DATA,
        value=D(value) if value is not None else None,
        confidence=D("0.60"),
        confidence_level=ConfidenceLevel.MEDIUM,
        weight_share_with_data=D(1),
        contributions=(),
        insufficiency_reasons=(),
        explanation=message("score"),
    )


SCORES = {
    Quadrant.CORE: ("70.0", "65.0"),
    Quadrant.DEVELOP_SKILLS: ("70.0", "30.0"),
    Quadrant.CULTURE_FIT: ("45.0", "70.0"),
    Quadrant.LET_GO: ("30.0", "25.0"),
    Quadrant.INSUFFICIENT_DATA: (None, None),
}


def evaluation(quadrant: Quadrant, attitude: str | None = None) -> EmployeeEvaluation:
    default_attitude, performance = SCORES[quadrant]
    return EmployeeEvaluation(
        employee_id="e",
        group_id="g",
        months=("2026-08", "2026-09", "2026-10"),
        attitude=score(Dimension.ATTITUDE, attitude or default_attitude),
        performance=score(Dimension.PERFORMANCE, performance),
        quadrant=quadrant,
        quadrant_explanation=message("quadrant"),
    )


def finding(code: TrendCode) -> TrendFinding:
    return TrendFinding(code, Severity.MEDIUM, Message(code.value), "quota_attainment", (), ())


def advise(quadrant, legal, *, trends=(), attitude=None, costs=COSTS, client_risk=None):
    return recommend_renewal(
        evaluation=evaluation(quadrant, attitude),
        trends=[finding(code) for code in trends],
        diagnosis=None,
        client_risk=client_risk,
        bench=None,
        legal_assessments=legal,
        monthly_pay=PAY,
        costs=costs,
        as_of=AS_OF,
    )


EXPENSIVE = CostSettings(
    currency="CNY",
    replacement_cost=D(300_000),
    ramp_up_months=D(3),
    improvement_plan_cost=D(15_000),
    gross_margin_rate=D("0.3"),
)

REQUIRED, IF_REQUESTED, UNKNOWN = (
    LegalConstraintCode.OPEN_ENDED_REQUIRED,
    LegalConstraintCode.OPEN_ENDED_IF_REQUESTED,
    LegalConstraintCode.LEGAL_POSITION_UNKNOWN,
)


@pytest.mark.parametrize(
    ("case", "quadrant", "legal", "options", "expected"),
    [
        (
            "insufficient data, non-renewal lawful: a person decides",
            Quadrant.INSUFFICIENT_DATA,
            {"not_renew": assessment()},
            {},
            (
                RenewalAction.ESCALATE,
                "insufficient_data",
                None,
                None,
                ["quadrant.insufficient_data", "cost.comparison"],
            ),
        ),
        (
            "insufficient data, non-renewal unlawful: renew",
            Quadrant.INSUFFICIENT_DATA,
            {"not_renew": assessment(non_renewal_lawful=False)},
            {},
            (
                RenewalAction.RENEW,
                "insufficient_data_protected",
                None,
                None,
                ["quadrant.insufficient_data", "legal.non_renewal_unlawful", "cost.comparison"],
            ),
        ),
        (
            "insufficient data, protected, open-ended required",
            Quadrant.INSUFFICIENT_DATA,
            {"not_renew": assessment(blocking_protections=[PREGNANT], next_contract_must_be_open_ended=True)},
            {},
            (
                RenewalAction.RENEW_OPEN_ENDED_REQUIRED,
                "insufficient_data_protected",
                None,
                REQUIRED,
                [
                    "quadrant.insufficient_data",
                    "legal.open_ended_required",
                    "legal.blocking_protection",
                    "cost.comparison",
                ],
            ),
        ),
        (
            "core: renew",
            Quadrant.CORE,
            {"not_renew": assessment()},
            {},
            (RenewalAction.RENEW, "core", None, None, ["quadrant.core", "cost.comparison"]),
        ),
        (
            "core, next contract must be open-ended",
            Quadrant.CORE,
            {"not_renew": assessment(next_contract_must_be_open_ended=True)},
            {},
            (
                RenewalAction.RENEW_OPEN_ENDED_REQUIRED,
                "core",
                None,
                REQUIRED,
                ["quadrant.core", "legal.open_ended_required", "cost.comparison"],
            ),
        ),
        (
            "core, a fixed-term renewal would be unlawful",
            Quadrant.CORE,
            {"not_renew": assessment(), "renew_fixed_term": assessment(renewal_as_proposed_lawful=False)},
            {},
            (
                RenewalAction.RENEW_OPEN_ENDED_REQUIRED,
                "core",
                None,
                REQUIRED,
                ["quadrant.core", "legal.open_ended_required", "cost.comparison"],
            ),
        ),
        (
            "core, open-ended if the employee asks",
            Quadrant.CORE,
            {"not_renew": assessment(employee_may_request_open_ended=True)},
            {},
            (
                RenewalAction.RENEW,
                "core",
                None,
                IF_REQUESTED,
                ["quadrant.core", "legal.open_ended_if_requested", "cost.comparison"],
            ),
        ),
        (
            "core, no rule pack",
            Quadrant.CORE,
            {"not_renew": UNSUPPORTED},
            {},
            (
                RenewalAction.RENEW,
                "core",
                None,
                UNKNOWN,
                ["quadrant.core", "legal.legal_position_unknown", "cost.comparison"],
            ),
        ),
        (
            "develop skills: an improvement plan",
            Quadrant.DEVELOP_SKILLS,
            {"not_renew": assessment()},
            {},
            (
                RenewalAction.RENEW_WITH_IMPROVEMENT_PLAN,
                "develop_skills",
                PlanFocus.SKILLS,
                None,
                ["quadrant.develop_skills", "cost.comparison"],
            ),
        ),
        (
            "develop skills, open-ended required: the plan stays the action, the constraint travels with it",
            Quadrant.DEVELOP_SKILLS,
            {"not_renew": assessment(next_contract_must_be_open_ended=True, non_renewal_lawful=False)},
            {},
            (
                RenewalAction.RENEW_WITH_IMPROVEMENT_PLAN,
                "develop_skills",
                PlanFocus.SKILLS,
                REQUIRED,
                [
                    "quadrant.develop_skills",
                    "legal.open_ended_required",
                    "legal.non_renewal_unlawful",
                    "cost.comparison",
                ],
            ),
        ),
        (
            "culture fit: a culture plan",
            Quadrant.CULTURE_FIT,
            {"not_renew": assessment()},
            {},
            (
                RenewalAction.RENEW_WITH_IMPROVEMENT_PLAN,
                "culture_fit",
                PlanFocus.CULTURE_FIT,
                None,
                ["quadrant.culture_fit", "cost.comparison"],
            ),
        ),
        (
            "culture fit with attitude below 35",
            Quadrant.CULTURE_FIT,
            {"not_renew": assessment()},
            {"attitude": "34.9"},
            (
                RenewalAction.ESCALATE,
                "culture_fit_escalate",
                None,
                None,
                ["escalate.culture_fit", "quadrant.culture_fit", "cost.comparison"],
            ),
        ),
        (
            "culture fit, declining",
            Quadrant.CULTURE_FIT,
            {"not_renew": assessment()},
            {"trends": [TrendCode.DECLINING]},
            (
                RenewalAction.ESCALATE,
                "culture_fit_escalate",
                None,
                None,
                ["escalate.culture_fit", "quadrant.culture_fit", "trend.declining", "cost.comparison"],
            ),
        ),
        (
            "let go: do not renew, with severance and the notice deadline",
            Quadrant.LET_GO,
            {"not_renew": assessment(employee_may_request_open_ended=True)},
            {"trends": [TrendCode.ATTAINMENT_BELOW_THRESHOLD]},
            (
                RenewalAction.DO_NOT_RENEW,
                "let_go",
                None,
                None,
                [
                    "quadrant.let_go",
                    "trend.attainment_below_threshold",
                    "legal.severance",
                    "legal.notice_deadline",
                    "cost.comparison",
                ],
            ),
        ),
        (
            "let go, non-renewal unlawful",
            Quadrant.LET_GO,
            {"not_renew": assessment(non_renewal_lawful=False)},
            {},
            (
                RenewalAction.ESCALATE,
                "let_go_escalate",
                None,
                None,
                [
                    "escalate.non_renewal_blocked",
                    "quadrant.let_go",
                    "legal.non_renewal_unlawful",
                    "cost.comparison",
                ],
            ),
        ),
        (
            "let go, a protection blocks non-renewal",
            Quadrant.LET_GO,
            {"not_renew": assessment(blocking_protections=[PREGNANT])},
            {},
            (
                RenewalAction.ESCALATE,
                "let_go_escalate",
                None,
                None,
                [
                    "escalate.non_renewal_blocked",
                    "quadrant.let_go",
                    "legal.blocking_protection",
                    "cost.comparison",
                ],
            ),
        ),
        (
            "let go, no rule pack",
            Quadrant.LET_GO,
            {"not_renew": UNSUPPORTED, "renew_fixed_term": UNSUPPORTED},
            {},
            (
                RenewalAction.ESCALATE,
                "let_go_escalate",
                None,
                UNKNOWN,
                [
                    "escalate.legal_unknown",
                    "quadrant.let_go",
                    "legal.legal_position_unknown",
                    "cost.comparison",
                ],
            ),
        ),
        (
            "let go, lawfulness of non-renewal unknown",
            Quadrant.LET_GO,
            {"not_renew": assessment(non_renewal_lawful=None)},
            {},
            (
                RenewalAction.ESCALATE,
                "let_go_escalate",
                None,
                None,
                ["escalate.legal_unknown", "quadrant.let_go", "cost.comparison"],
            ),
        ),
        (
            "let go, but improving",
            Quadrant.LET_GO,
            {"not_renew": assessment()},
            {"trends": [TrendCode.IMPROVING]},
            (
                RenewalAction.ESCALATE,
                "let_go_escalate",
                None,
                None,
                ["escalate.improving", "quadrant.let_go", "trend.improving", "cost.comparison"],
            ),
        ),
        (
            # 40,000 severance + 300,000 replacement = 340,000 = 17 months of pay > 12.
            "let go, but not renewing costs more than 12 months of pay",
            Quadrant.LET_GO,
            {"not_renew": assessment()},
            {"costs": EXPENSIVE},
            (
                RenewalAction.ESCALATE,
                "let_go_escalate",
                None,
                None,
                ["escalate.separation_cost", "quadrant.let_go", "cost.comparison"],
            ),
        ),
        (
            "let go, several triggers in rule order",
            Quadrant.LET_GO,
            {"not_renew": assessment(non_renewal_lawful=False)},
            {"trends": [TrendCode.IMPROVING], "costs": EXPENSIVE},
            (
                RenewalAction.ESCALATE,
                "let_go_escalate",
                None,
                None,
                [
                    "escalate.non_renewal_blocked",
                    "escalate.improving",
                    "escalate.separation_cost",
                    "quadrant.let_go",
                    "trend.improving",
                    "legal.non_renewal_unlawful",
                    "cost.comparison",
                ],
            ),
        ),
    ],
)
def test_rules(case, quadrant, legal, options, expected):
    recommendation = advise(quadrant, legal, **options)
    constraint = recommendation.legal_constraint.code if recommendation.legal_constraint else None
    assert (
        recommendation.action,
        recommendation.rule,
        recommendation.plan_focus,
        constraint,
        [reason.code for reason in recommendation.reasons],
    ) == expected


def test_a_looser_policy_lets_the_expensive_case_through():
    recommendation = recommend_renewal(
        evaluation=evaluation(Quadrant.LET_GO),
        trends=[],
        diagnosis=None,
        client_risk=None,
        bench=None,
        legal_assessments={"not_renew": assessment()},
        monthly_pay=PAY,
        costs=EXPENSIVE,
        as_of=AS_OF,
        policy=RecommendationPolicy(escalate_above_months_of_pay=D(17)),
    )
    assert recommendation.action is RenewalAction.DO_NOT_RENEW


def test_reason_texts_carry_the_numbers():
    recommendation = advise(
        Quadrant.LET_GO, {"not_renew": assessment(non_renewal_lawful=False)}, costs=EXPENSIVE
    )
    assert [reason.message.text for reason in recommendation.reasons] == [
        "Non-renewal is unlawful or blocked by a protection: it cannot simply be let lapse.",
        "Not renewing would cost 19.00 months of pay, more than the 12.0 months that need a decision by a "
        "person.",
        "quadrant",
        "Not renewing would be unlawful (damages: 80,000.00 CNY).",
        # Damages 80,000 + replacement 300,000 = 380,000 = 19 months of pay.
        "Not renewing would cost about 380,000.00 CNY (19.00 months of pay: separation 80,000.00 CNY, "
        "replacement 300,000.00 CNY, ramp-up 0.00 CNY, margin at risk 0.00 CNY), "
        "against 15,000.00 CNY for an improvement plan.",
    ]
    let_go = advise(Quadrant.LET_GO, {"not_renew": assessment()})
    assert [reason.message.text for reason in let_go.reasons][1:3] == [
        "Severance owed on non-renewal: 40,000.00 CNY (2 years × 20000).",
        "Notice of non-renewal must be given by 2026-12-01.",
    ]


def test_the_stable_output_keys():
    output = advise(Quadrant.CORE, {"not_renew": assessment(next_contract_must_be_open_ended=True)}).as_dict()
    recommendation = output["recommendation"]
    assert recommendation["action"] == "renew_open_ended_required"
    assert recommendation["reasons"][0] == {
        "code": "quadrant.core",
        "text": "quadrant",
        "template": "quadrant",
        "params": {},
    }
    assert recommendation["legal_constraint"] == {
        "code": "open_ended_required",
        "text": "The next contract must be open-ended (LCL Art 44(1), LCL Art 46(5)).",
        "template": "The next contract must be open-ended (%(citations)s).",
        "params": {"citations": "LCL Art 44(1), LCL Art 46(5)"},
        "citations": ["LCL Art 44(1)", "LCL Art 46(5)"],
    }
    assert (recommendation["rule"], recommendation["plan_focus"]) == ("core", None)
    assert output["cost_view"]["cost_of_not_renewing"] == "100000.00"
    assert output["cost_view"]["separation_basis"] == "severance"


# --- legal position -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "values", "expected"),
    [
        ("any true wins", [True, False, None], True),
        ("an unknown beats false", [False, None], None),
        ("all false", [False, False], False),
    ],
)
def test_open_ended_flags_combine_over_assessments(case, values, expected):
    legal = read_legal_position(
        {
            decision: assessment(
                next_contract_must_be_open_ended=value, employee_may_request_open_ended=value
            )
            for decision, value in zip(
                ("not_renew", "renew_fixed_term", "renew_open_ended"), values, strict=False
            )
        }
    )
    assert (legal.next_contract_must_be_open_ended, legal.employee_may_request_open_ended) == (
        expected,
        expected,
    )


def test_unsupported_assessments_count_as_absent():
    legal = read_legal_position({"not_renew": UNSUPPORTED})
    assert (legal.supported, legal.non_renewal_assessed, legal.next_contract_must_be_open_ended) == (
        False,
        False,
        None,
    )


def test_legal_position_reads_citations_and_protections():
    legal = read_legal_position(
        {
            "not_renew": assessment(
                blocking_protections=[PREGNANT],
                findings=[
                    {
                        "code": "cn.lcl.art14.open_ended_on_request",
                        "severity": "must",
                        "text": "…",
                        "citation": "LCL Art 14(2)(3)",
                    },
                    {
                        "code": "cn.lcl.art46.severance",
                        "severity": "info",
                        "text": "…",
                        "citation": "LCL Art 46(5)",
                    },
                ],
            )
        }
    )
    assert legal.blocking_protections == (
        "pregnant: contract extended until the protection ends (LCL Art 42, 45)",
    )
    assert legal.open_ended_citations == ("LCL Art 14(2)(3)",)
    assert legal.citations == ("LCL Art 44(1)", "LCL Art 46(5)")
    assert (legal.severance, legal.severance_basis) == (Amount(D("40000.00"), "CNY"), "2 years × 20000")


@pytest.mark.parametrize(
    ("case", "assessments", "message"),
    [
        ("an unknown decision", {"fire": assessment()}, "unknown decision"),
        (
            "a flag that is not a boolean",
            {"not_renew": assessment(non_renewal_lawful="yes")},
            "true, false or null",
        ),
        (
            "an amount that is not a string",
            {"not_renew": assessment(severance={"amount": 5, "currency": "CNY"})},
            "decimal-string",
        ),
        ("severance that is not an object", {"not_renew": assessment(severance="5")}, "an object"),
        ("findings that are not a list", {"not_renew": assessment(findings="none")}, "list of objects"),
    ],
)
def test_malformed_assessments_are_refused(case, assessments, message):
    with pytest.raises(ValueError, match=message):
        read_legal_position(assessments)


# --- cost view ------------------------------------------------------------------------------

# One strong customer (10 touches ≥ median 5.5, csat 5): 120,000 at risk; revenue 180,000 a year.
RISK = assess_client_loss_risk(
    employee_id="e",
    group_member_ids=[],
    customers=[CustomerFact("c1", "e", D(120_000), 10, D(5)), CustomerFact("c2", "e", D(60_000), 1, D(5))],
    currency="CNY",
)


def test_cost_view_arithmetic():
    """Monthly revenue 180,000/12 = 15,000. Ramp-up: 3 × (1 − 0.5) × 15,000 × 0.3 = 6,750. Margin at risk:
    120,000 × 0.5 × 0.3 = 18,000. Total: 40,000 + 60,000 + 6,750 + 18,000 = 124,750 = 6.24 months of pay."""
    view = build_cost_view(
        legal=read_legal_position({"not_renew": assessment()}),
        diagnosis=None,
        client_risk=RISK,
        monthly_pay=PAY,
        costs=COSTS,
        as_of=AS_OF,
    )
    assert (view.monthly_revenue, view.ramp_up_lost_margin, view.revenue_at_risk, view.margin_at_risk) == (
        D("15000.00"),
        D("6750.00"),
        D("120000.00"),
        D("18000.00"),
    )
    assert (view.separation_payment, view.separation_basis, view.cost_of_not_renewing) == (
        D("40000.00"),
        SeparationBasis.SEVERANCE,
        D("124750.00"),
    )
    assert (view.net_cost_of_not_renewing, view.cost_of_not_renewing_in_months_of_pay) == (
        D("109750.00"),
        D("6.24"),
    )
    assert [line.text for line in view.lines] == [
        "Severance owed on non-renewal: 40,000.00 CNY.",
        "Replacement: 60,000.00 CNY.",
        "Ramp-up lost margin: 3.0 months × (1 − 0.50) × 15,000.00 CNY a month × 0.30 margin = 6,750.00 CNY.",
        "Margin at risk: 120,000.00 CNY of strong-relationship revenue × 0.50 expected loss × 0.30 margin = "
        "18,000.00 CNY.",
        "Not renewing: 124,750.00 CNY, against 15,000.00 CNY for an improvement plan.",
    ]


@pytest.mark.parametrize(
    ("case", "assessments", "expected"),
    [
        ("severance", {"not_renew": assessment()}, (D("40000.00"), SeparationBasis.SEVERANCE, True)),
        (
            "damages when non-renewal is unlawful",
            {"not_renew": assessment(non_renewal_lawful=False)},
            (D("80000.00"), SeparationBasis.DAMAGES_IF_UNLAWFUL, True),
        ),
        (
            "nothing owed",
            {"not_renew": assessment(severance=None)},
            (D("0.00"), SeparationBasis.NONE_OWED, True),
        ),
        ("no rule pack", {"not_renew": UNSUPPORTED}, (None, SeparationBasis.UNKNOWN, False)),
        (
            "no non-renewal assessed",
            {"renew_fixed_term": assessment()},
            (None, SeparationBasis.UNKNOWN, False),
        ),
    ],
)
def test_separation_payment(case, assessments, expected):
    view = build_cost_view(
        legal=read_legal_position(assessments),
        diagnosis=None,
        client_risk=None,
        monthly_pay=PAY,
        costs=COSTS,
        as_of=AS_OF,
    )
    assert (view.separation_payment, view.separation_basis, view.cost_of_not_renewing_is_complete) == expected


def test_an_unknown_separation_payment_is_said_in_the_reason():
    recommendation = advise(Quadrant.CORE, {"not_renew": UNSUPPORTED})
    assert recommendation.reasons[-1].message.text == (
        "Not renewing would cost about 60,000.00 CNY plus an unknown separation payment (3.00 months of pay: "
        "replacement 60,000.00 CNY, ramp-up 0.00 CNY, margin at risk 0.00 CNY), against 15,000.00 CNY for an "
        "improvement plan."
    )


def test_amounts_in_another_currency_convert_to_the_reporting_currency():
    euros = CostSettings(
        currency="EUR",
        replacement_cost=D(8000),
        ramp_up_months=D(3),
        improvement_plan_cost=D(2000),
        gross_margin_rate=D("0.3"),
    )
    view = build_cost_view(
        legal=read_legal_position({"not_renew": assessment()}),
        diagnosis=None,
        client_risk=None,
        monthly_pay=PAY,
        costs=euros,
        as_of=AS_OF,
        exchange_rates={"CNY": D("0.13")},
    )
    # Pay 20,000 × 0.13 = 2,600; severance 40,000 × 0.13 = 5,200; total 13,200 = 5.08 months of pay.
    assert (view.monthly_pay, view.separation_payment, view.cost_of_not_renewing) == (
        D("2600.00"),
        D("5200.00"),
        D("13200.00"),
    )
    assert view.cost_of_not_renewing_in_months_of_pay == D("5.08")
    with pytest.raises(MissingExchangeRate) as refused:
        build_cost_view(
            legal=read_legal_position({"not_renew": assessment()}),
            diagnosis=None,
            client_risk=None,
            monthly_pay=PAY,
            costs=euros,
            as_of=AS_OF,
        )
    assert (refused.value.currency, refused.value.reporting_currency, refused.value.on) == (
        "CNY",
        "EUR",
        AS_OF,
    )


@pytest.mark.parametrize(
    ("case", "overrides", "message"),
    [
        ("a margin above 1", {"gross_margin_rate": D("1.2")}, "gross_margin_rate"),
        ("a negative loss share", {"client_loss_share": D("-0.1")}, "client_loss_share"),
        ("a negative cost", {"replacement_cost": D(-1)}, "cannot be negative"),
    ],
)
def test_refused_cost_settings(case, overrides, message):
    values = {
        "currency": "CNY",
        "replacement_cost": D(1),
        "ramp_up_months": D(1),
        "improvement_plan_cost": D(1),
        "gross_margin_rate": D("0.3"),
        **overrides,
    }
    with pytest.raises(ValueError, match=message):
        CostSettings(**values)


def test_an_open_ended_proposal_does_not_make_open_ended_required():
    """Beijing, second fixed term, the employee has not asked yet: the renew_open_ended assessment says the
    proposal is open-ended (must: true), not renewing and a fixed-term renewal leave it open (null)."""
    base = {
        "supported": True,
        "employee_may_request_open_ended": True,
        "next_contract_must_be_open_ended": None,
        "findings": [],
        "citations": ["LCL Art 14(2)(3)"],
    }
    position = read_legal_position(
        {
            "not_renew": base,
            "renew_fixed_term": base,
            "renew_open_ended": {**base, "next_contract_must_be_open_ended": True},
        }
    )
    assert position.next_contract_must_be_open_ended is None
    constraint = legal_constraint(position)
    assert constraint is not None
    assert constraint.code is LegalConstraintCode.OPEN_ENDED_IF_REQUESTED
