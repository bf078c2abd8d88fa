"""Spain pack: cases derived from RULES.md §0, §9 and §20.7, each with its arithmetic written out.

Unless a case says otherwise: no region, an annual salary of 25200 EUR (daily salary 25200 / 365), the
cause "production circumstances", no offer, and the decision is not to renew on the last contract's last
day. "Last allowed day" is the last day of a period of N whole months from the first day (RULES.md §0).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keepwell.law import InvalidRequest, assess
from keepwell.law.tests.factory import (
    FLAGS,
    assert_sound,
    china_request,
    codes,
    contract,
    days_from,
    money,
    requests,
    status,
)

Case = dict[str, Any]
PRODUCTION = "production circumstances (circunstancias de la producción)"
SUBSTITUTION = "sustitución de persona trabajadora con reserva de puesto"
TRAINING = "contrato formativo para la obtención de la práctica profesional"


def _request(
    *, annual: str | None = "25200", monthly: str | None = None, daily: str | None = None, **options: Any
) -> Case:
    """A Spanish request built on the shared factory: EUR and the salary given."""
    request = china_request(jurisdiction="ES", wage=monthly, average=None, **options)
    pay = request["employee"]["pay"]
    pay.update(currency="EUR", annual_salary=annual, daily_wage=daily)
    return request


def _contract(start: str, end: str, reason: str | None = PRODUCTION) -> Case:
    return {**contract(start, end), "objective_reason": reason}


def _pick(result: Case, keys: Case) -> Case:
    return {key: result[key] for key in keys}


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "expected", "code"),
    [
        (
            "exactly six months",
            [_contract("2026-01-01", "2026-06-30")],
            {},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "es.et.art15_2.within_limits",
        ),
        (
            "six months and a day",
            [_contract("2026-01-01", "2026-07-01")],
            {},
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-07-01",
                "non_renewal_lawful": False,
            },
            "es.et.art15_2.too_long",
        ),
        (
            "six months ending on a leap day",
            [_contract("2023-08-30", "2024-02-29")],
            {},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "es.et.art15_2.within_limits",
        ),
        (
            "a day earlier start runs over",
            [_contract("2023-08-29", "2024-02-29")],
            {},
            {"automatic_conversion": True, "conversion_effective_date": "2024-02-29"},
            "es.et.art15_2.too_long",
        ),
        (
            "one extension within six months",
            [_contract("2026-01-01", "2026-03-31"), _contract("2026-04-01", "2026-06-30")],
            {},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "es.et.art15_2.within_limits",
        ),
        (
            "a second extension",
            [
                _contract("2026-01-01", "2026-02-28"),
                _contract("2026-03-01", "2026-04-30"),
                _contract("2026-05-01", "2026-06-30"),
            ],
            {},
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-05-01",
                "non_renewal_lawful": False,
            },
            "es.et.art15_2.too_many_extensions",
        ),
        (
            "nine months under a sector agreement",
            [_contract("2026-01-01", "2026-09-30")],
            {"sector_agreement_overrides_defaults": True},
            {"automatic_conversion": None, "non_renewal_lawful": None, "confidence": "medium"},
            "es.et.art15_2.agreement_decides",
        ),
        (
            "a year and a day under a sector agreement",
            [_contract("2025-07-01", "2026-07-01")],
            {"sector_agreement_overrides_defaults": True},
            {"automatic_conversion": True, "conversion_effective_date": "2026-07-01"},
            "es.et.art15_2.too_long",
        ),
    ],
)
def test_production_contract_limits(
    label: str, contracts: list[Case], facts: Case, expected: Case, code: str
) -> None:
    """ET Art 15.2: a production contract of at most 6 months (up to 1 year by sector agreement), extended
    once; beyond that the worker is permanent (fijo).

    - 2026-01-01 + 6 months → last allowed day 2026-06-30; 2026-07-01 is a day over → fijo from 2026-07-01
    - 2023-08-30 + 6 months: 30 February does not exist, so the period ends on 2024-02-29 (leap day);
      from 2023-08-29 it ends on 2024-02-28 → fijo from 2024-02-29
    - 3 + 3 months = one extension; 2 + 2 + 2 months = two extensions → fijo from the 2nd, 2026-05-01
    - with a sector agreement: 9 months depends on its figure (undecided); 2025-07-01 + 12 months → last day
      2026-06-30, so 2026-07-01 is over any agreement → fijo from 2026-07-01
    """
    result = assess(_request(contracts=contracts, facts=facts))

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


THREE_HALF_YEARS = [
    _contract("2024-01-01", "2024-06-30"),
    _contract("2024-08-01", "2025-01-31"),
    _contract("2025-03-01", "2025-08-31"),
]


@pytest.mark.parametrize(
    ("label", "contracts", "expected", "params"),
    [
        (
            "more than 18 months within 24",
            THREE_HALF_YEARS,
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2025-08-30",
                "non_renewal_lawful": False,
            },
            {"window_start": "2023-08-31", "days": 549, "limit_days": 548, "contracts": 3},
        ),
        (
            "two days fewer stay within",
            [*THREE_HALF_YEARS[:2], _contract("2025-03-01", "2025-08-29")],
            {"automatic_conversion": False, "non_renewal_lawful": True},
            None,
        ),
    ],
)
def test_eighteen_months_in_twenty_four(
    label: str, contracts: list[Case], expected: Case, params: Case | None
) -> None:
    """ET Art 15.5: more than 18 months within any 24 through 2 or more production contracts → fijo.

    Contracts 2024-01-01..06-30 (182 days), 2024-08-01..2025-01-31 (184), 2025-03-01..08-31 (184):
    - on 2025-08-30 the 24 months since 2023-08-31 hold 182 + 184 + 183 = 549 days, while 18 months from
      2023-08-31 end on 2025-02-28 (no 31 February) = 548 days → more than 18 months → fijo from 2025-08-30
    - ending on 2025-08-29: on 2025-08-29 the window from 2023-08-30 holds 182 + 184 + 182 = 548 days of
      549 (2023-08-30..2025-02-28) → within; earlier days hold less
    """
    result = assess(_request(contracts=contracts))

    assert _pick(result, expected) == expected, label
    finding = next(
        (item for item in result["findings"] if item["code"] == "es.et.art15_5.eighteen_in_twenty_four"), None
    )
    if params is None:
        assert finding is None, label
    else:
        assert finding is not None, label
        assert _pick(finding["params"], params) == params, label


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "expected", "code"),
    [
        (
            "worked on 20 days, no notice (ES-02)",
            [_contract("2026-01-01", "2026-06-30")],
            {"continued_working_after_expiry_days": 20, "termination_notice_given": False},
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-07-01",
                "non_renewal_lawful": False,
            },
            "es.et.art49_1c.continued_work",
        ),
        (
            "worked on after notice given before the end",
            [_contract("2026-01-01", "2026-06-30")],
            {"continued_working_after_expiry_days": 20, "termination_notice_given": "2026-06-15"},
            {"automatic_conversion": False, "non_renewal_lawful": True, "confidence": "medium"},
            "es.et.art49_1c.continued_after_notice",
        ),
        (
            "notice dated after the end does not count",
            [_contract("2026-01-01", "2026-06-30")],
            {"continued_working_after_expiry_days": 20, "termination_notice_given": "2026-07-05"},
            {"automatic_conversion": True, "conversion_effective_date": "2026-07-01"},
            "es.et.art49_1c.continued_work",
        ),
        (
            "notice not recorded",
            [_contract("2026-01-01", "2026-06-30")],
            {"continued_working_after_expiry_days": 20},
            {"automatic_conversion": None, "non_renewal_lawful": None},
            "es.et.art49_1c.continued_notice_unknown",
        ),
        (
            "a three-month contract worked on within the six months",
            [_contract("2026-01-01", "2026-03-31")],
            {"continued_working_after_expiry_days": 20, "termination_notice_given": False},
            {"automatic_conversion": None, "non_renewal_lawful": None, "confidence": "medium"},
            "es.et.art49_1c.continued_within_maximum",
        ),
    ],
)
def test_work_continued_after_the_end(
    label: str, contracts: list[Case], facts: Case, expected: Case, code: str
) -> None:
    """ET Art 49.1.c: after the maximum duration, continued work without notice of termination makes the
    contract open-ended (unless its temporary nature is proved).

    - 2026-01-01..06-30 is at the 6-month maximum; 20 days worked (to 2026-07-20) with no notice → open-ended
      from 2026-07-01; termination_notice_given false means "no notice" (examples.json ES-02)
    - notice on 2026-06-15 (before the end) → not converted this way, but flagged
    - a 3-month contract worked on to 2026-04-20 stays within the maximum (2026-06-30): undecided
    """
    result = assess(_request(contracts=contracts, facts=facts, as_of="2026-07-20"))

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "contracts", "pay", "offer", "facts", "severance", "code"),
    [
        (
            "six months on an annual salary",
            [_contract("2026-01-01", "2026-06-30")],
            {"annual": "25200"},
            "none",
            {},
            {
                "amount": "414.25",
                "currency": "EUR",
                "months": None,
                "basis": "12 days' salary per year × 6/12 years (6 months of service) × daily salary "
                "25200 / 365",
            },
            "es.et.art49_1c.payment",
        ),
        (
            "months and days on a monthly salary",
            [_contract("2026-01-01", "2026-05-10")],
            {"annual": None, "monthly": "2100"},
            "none",
            {},
            {
                "amount": "298.86",
                "currency": "EUR",
                "months": None,
                "basis": "12 days' salary per year × (4/12 + 10/365) years (4 months 10 days of service) × "
                "daily salary 2100 × 12 / 365",
            },
            "es.et.art49_1c.payment",
        ),
        (
            "a daily wage",
            [_contract("2026-01-01", "2026-06-30")],
            {"annual": None, "daily": "80"},
            "none",
            {},
            {
                "amount": "480.00",
                "currency": "EUR",
                "months": None,
                "basis": "12 days' salary per year × 6/12 years (6 months of service) × daily salary 80",
            },
            "es.et.art49_1c.payment",
        ),
        (
            "the worker declined to continue",
            [_contract("2026-01-01", "2026-06-30")],
            {"annual": "25200"},
            "same_or_better",
            {"employee_refused_offer": True},
            {
                "amount": "0.00",
                "currency": "EUR",
                "months": None,
                "basis": "the worker declined to continue on the same or better terms",
            },
            "es.et.art49_1c.worker_declined",
        ),
        (
            "a substitution contract",
            [_contract("2026-01-01", "2026-06-30", SUBSTITUTION)],
            {"annual": "25200"},
            "none",
            {},
            None,
            "es.et.art49_1c.not_for_cause",
        ),
        (
            "a training contract",
            [_contract("2025-07-01", "2026-06-30", TRAINING)],
            {"annual": "25200"},
            "none",
            {},
            None,
            "es.et.art49_1c.not_for_cause",
        ),
        (
            "salary unknown",
            [_contract("2026-01-01", "2026-06-30")],
            {"annual": None},
            "none",
            {},
            {
                "amount": None,
                "currency": "EUR",
                "months": None,
                "basis": "12 days' salary per year × 6/12 years (6 months of service) × daily salary "
                "(unknown)",
            },
            "es.et.art49_1c.salary_unknown",
        ),
    ],
)
def test_end_of_contract_payment(
    label: str,
    contracts: list[Case],
    pay: Case,
    offer: str,
    facts: Case,
    severance: Case | None,
    code: str,
) -> None:
    """ET Art 49.1.c: 12 days' salary per year of service, pro rata (months / 12, days / 365); not for
    substitution or training contracts; nothing if the worker chose not to extend (practitioners, medium).

    - 25200 / 365 × 12 × 6/12 = 414.246… → 414.25 (the figure examples.json ES-02 quotes)
    - 2026-01-01..05-10 = 4 months 10 days: 2100 × 12 / 365 × 12 × (4/12 + 10/365) = 298.862… → 298.86
    - daily wage 80 × 12 × 6/12 = 480.00
    """
    request = _request(contracts=contracts, offer=offer, facts=facts, **pay)

    result = assess(request)

    assert result["severance"] == severance, label
    assert code in codes(result), label
    assert result["non_renewal_lawful"] is True, label


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "last_notice_date", "code", "params"),
    [
        (
            "exactly one year: no notice",
            [_contract("2025-01-01", "2025-12-31", TRAINING)],
            {},
            None,
            "es.et.art49_1c.notice_not_required",
            {"years": 1},
        ),
        (
            "a year ending on a leap day: no notice",
            [_contract("2023-03-01", "2024-02-29", TRAINING)],
            {},
            None,
            "es.et.art49_1c.notice_not_required",
            {"years": 1},
        ),
        (
            "a year and a day: 15 days",
            [_contract("2025-01-01", "2026-01-01", TRAINING)],
            {},
            "2025-12-17",
            "es.et.art49_1c.notice_required",
            {"days": 15, "deadline": "2025-12-17"},
        ),
        (
            "no notice given",
            [_contract("2025-01-01", "2026-01-01", TRAINING)],
            {"termination_notice_given": False},
            "2025-12-17",
            "es.et.art49_1c.notice_short",
            {"missing": 15, "amount": "1200.00", "daily": "80"},
        ),
        (
            "notice three days late",
            [_contract("2025-01-01", "2026-01-01", TRAINING)],
            {"termination_notice_given": "2025-12-20"},
            "2025-12-17",
            "es.et.art49_1c.notice_short",
            {"missing": 3, "amount": "240.00"},
        ),
        (
            "notice given, date not recorded",
            [_contract("2025-01-01", "2026-01-01", TRAINING)],
            {"termination_notice_given": True},
            "2025-12-17",
            "es.et.art49_1c.notice_date_unknown",
            {"deadline": "2025-12-17"},
        ),
        (
            "a substitution contract: disputed",
            [_contract("2024-01-01", "2025-12-31", SUBSTITUTION)],
            {},
            "2025-12-16",
            "es.et.art49_1c.notice_substitution_disputed",
            {},
        ),
    ],
)
def test_fifteen_days_notice(
    label: str, contracts: list[Case], facts: Case, last_notice_date: str | None, code: str, params: Case
) -> None:
    """ET Art 49.1.c: a fixed-term contract of more than 1 year needs 15 days' notice; each missing day costs
    a day's salary. Daily wage 80 in these cases.

    - 2025-01-01..2025-12-31 and 2023-03-01..2024-02-29 are exactly 1 year (not more) → no notice
    - 2025-01-01..2026-01-01 = 1 year 1 day → D − 15 = 2025-12-17; none given → 15 × 80 = 1200.00; given on
      2025-12-20 → 3 days short → 3 × 80 = 240.00
    - substitution: sources disagree (RULES.md §20.7) → required, medium: 2025-12-31 − 15 = 2025-12-16
    """
    request = _request(contracts=contracts, facts=facts, annual=None, daily="80")

    result = assess(request)

    assert result["last_notice_date"] == last_notice_date, label
    finding = next(item for item in result["findings"] if item["code"] == code)
    assert _pick(finding["params"], params) == params, label


@pytest.mark.parametrize(
    ("label", "contracts", "decision_date", "new_end_date", "facts", "lawful", "code"),
    [
        (
            "extension to six months",
            [_contract("2026-01-01", "2026-03-31")],
            "2026-04-01",
            "2026-06-30",
            {},
            True,
            "es.et.art15_2.extension_within_limits",
        ),
        (
            "extension a day past six months",
            [_contract("2026-01-01", "2026-03-31")],
            "2026-04-01",
            "2026-07-01",
            {},
            False,
            "es.et.art15_2.extension_over_limits",
        ),
        (
            "a second extension",
            [_contract("2026-01-01", "2026-02-28"), _contract("2026-03-01", "2026-04-30")],
            "2026-05-01",
            "2026-06-30",
            {},
            False,
            "es.et.art15_2.extension_over_limits",
        ),
        (
            "a new production contract past 18 in 24",
            THREE_HALF_YEARS[:2],
            "2025-03-01",
            "2025-08-31",
            {},
            False,
            "es.et.art15_5.new_production_contract_over",
        ),
        (
            "a new production contract within 18 in 24",
            THREE_HALF_YEARS[:2],
            "2025-03-01",
            "2025-08-29",
            {},
            True,
            "es.et.art15_5.new_production_contract",
        ),
        (
            "a substitution contract",
            [_contract("2026-01-01", "2026-06-30")],
            "2026-07-01",
            "2027-06-30",
            {"proposed_contract_objective_reason": "substitution of a worker on leave"},
            True,
            "es.et.art15_3.substitution",
        ),
    ],
)
def test_renewal_as_proposed(
    label: str,
    contracts: list[Case],
    decision_date: str,
    new_end_date: str,
    facts: Case,
    lawful: bool,
    code: str,
) -> None:
    """ET Art 15.2 (one extension up to 6 months) and Art 15.5 (18 months in 24) for the proposed contract.

    - 2026-01-01 + 6 months → 2026-06-30: extending to it is lawful, to 2026-07-01 not; a 2nd extension not
    - after the contracts of 2024 and 2024-25 (366 days), a third to 2025-08-31 passes 18 months in 24 on
      2025-08-30 (see the 18-in-24 case); to 2025-08-29 it stays within
    """
    request = _request(
        contracts=contracts,
        facts=facts,
        action="renew_fixed_term",
        decision_date=decision_date,
        new_end_date=new_end_date,
    )

    result = assess(request)

    assert result["renewal_as_proposed_lawful"] is lawful, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "reason", "code", "expected"),
    [
        (
            "cause not recorded",
            None,
            "es.et.art15.cause_not_recorded",
            {"automatic_conversion": None, "confidence": "medium"},
        ),
        (
            "works and services no longer exist",
            "obra o servicio determinado",
            "es.et.art15.cause_not_recognised",
            {"automatic_conversion": None, "non_renewal_lawful": None},
        ),
        (
            "occasional foreseeable peak",
            "circunstancias de la producción ocasionales y previsibles",
            "es.et.art15_2.occasional_not_checked",
            {"non_renewal_lawful": True, "confidence": "medium"},
        ),
    ],
)
def test_cause_is_read_not_guessed(label: str, reason: str | None, code: str, expected: Case) -> None:
    """ET Art 15.1: fixed terms only for production circumstances or substitution; a missing or other cause is
    reported rather than guessed; the 90 days a year of occasional peaks are not checked."""
    result = assess(_request(contracts=[_contract("2026-01-01", "2026-03-31", reason)]))

    assert code in codes(result), label
    assert _pick(result, expected) == expected, label


def test_pregnancy_does_not_stop_expiry_but_is_flagged() -> None:
    """RULES.md §9: pregnancy from the day before D = 2026-06-30 does not stop expiry; a refusal because of it
    is void (recalled, medium)."""
    request = _request(
        contracts=[_contract("2026-01-01", "2026-06-30")], statuses=[status("pregnant", "2026-06-29")]
    )

    result = assess(request)

    assert result["non_renewal_lawful"] is True
    assert result["blocking_protections"] == []
    assert "es.protection.pregnancy" in codes(result)


@pytest.mark.parametrize(
    ("label", "facts", "field", "message"),
    [
        (
            "notice as a word",
            {"termination_notice_given": "soon"},
            "employee.facts.termination_notice_given",
            "expected a date as YYYY-MM-DD, true, false or null, got 'soon'",
        ),
        (
            "notice as a number",
            {"termination_notice_given": 0},
            "employee.facts.termination_notice_given",
            "expected a date as YYYY-MM-DD, true, false or null, got 0",
        ),
        (
            "days as text",
            {"continued_working_after_expiry_days": "20"},
            "employee.facts.continued_working_after_expiry_days",
            "expected a whole number, got '20'",
        ),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, field: str, message: str) -> None:
    request = _request(contracts=[_contract("2025-01-01", "2026-01-01", TRAINING)], facts=facts)

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert (raised.value.field, raised.value.message) == (field, message), label


def test_decision_before_the_pack_is_unsupported() -> None:
    """The pack covers decisions from 2022-03-30, when RDL 32/2021 was fully in force."""
    result = assess(_request(contracts=[_contract("2021-10-01", "2022-03-29")]))

    assert result["supported"] is False
    assert result["findings"][0]["params"]["effective_from"] == "2022-03-30"


# --- Property: random valid histories -------------------------------------------------------------------

PACK_FROM = date(2022, 3, 30)
REASONS = (None, PRODUCTION, PRODUCTION, SUBSTITUTION, TRAINING, "other")
STATUS_KINDS = ("pregnant", "maternity_leave", "disabled")
SPANISH_REQUESTS = requests(
    jurisdiction="ES",
    decided=(PACK_FROM, PACK_FROM + timedelta(days=3650)),
    contract_days=2500,
    regions=(None, None, "Cataluña"),
    statuses=STATUS_KINDS,
    reasons=REASONS,
    pay={
        "currency": st.just("EUR"),
        "annual_salary": money(),
        "monthly_wage": money(),
        "daily_wage": money(),
    },
    facts={
        "termination_notice_given": lambda expiry: FLAGS | days_from(-60, 30)(expiry),
        "continued_working_after_expiry_days": st.one_of(st.none(), st.integers(0, 90)),
        "substitution_contract": FLAGS,
        "sector_agreement_overrides_defaults": FLAGS,
        "employee_refused_offer": FLAGS,
        "proposed_contract_objective_reason": st.sampled_from([None, PRODUCTION, SUBSTITUTION]),
    },
)


@settings(max_examples=300, deadline=None)
@given(SPANISH_REQUESTS)
def test_random_histories_never_raise_and_stay_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    assert result["supported"] is True
    assert result["rule_pack"] == "es"
    assert result["employee_may_request_open_ended"] is None
    if result["last_notice_date"] is not None:
        assert result["last_notice_date"] <= request["decision"]["date"]
    amount = result["severance"] and result["severance"]["amount"]
    if amount is not None:
        assert Decimal(amount) >= 0
    if result["automatic_conversion"] is True:
        assert result["severance"] is None
    for finding in result["findings"]:
        assert finding["code"].startswith(("es.", "law."))
        assert finding["text"] == finding["message"] % finding["params"]
