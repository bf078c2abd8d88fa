"""China pack: cases derived from RULES.md §0, §2 and §20, each with its arithmetic written out.

Unless a case says otherwise: region none, monthly wage 20000, local average 12000 (cap 3 × 12000 =
36000), no offer, and the decision is not to renew on the last contract's last day.
"""

from __future__ import annotations

from typing import Any

import pytest

from keepwell.law import assess
from keepwell.law.tests.factory import china_request, codes, contract, status

Case = dict[str, Any]


def _pick(result: dict[str, Any], keys: Case) -> Case:
    return {key: result[key] for key in keys}


@pytest.mark.parametrize(
    ("label", "start", "end", "amount", "months", "basis"),
    [
        (
            "one day short of six months",
            "2026-01-01",
            "2026-06-29",
            "5000.00",
            "0.5",
            "5 months 29 days of service, counted as 0.5 years × 10000; cap 3 × 12000 not reached",
        ),
        (
            "exactly six months",
            "2026-01-01",
            "2026-06-30",
            "10000.00",
            "1",
            "6 months of service, counted as 1 year × 10000; cap 3 × 12000 not reached",
        ),
        (
            "just over six months",
            "2026-01-01",
            "2026-07-01",
            "10000.00",
            "1",
            "6 months 1 day of service, counted as 1 year × 10000; cap 3 × 12000 not reached",
        ),
        (
            "two years and a half-year remainder",
            "2023-01-01",
            "2025-07-15",
            "30000.00",
            "3",
            "2 years 6 months 15 days of service, counted as 3 years × 10000; cap 3 × 12000 not reached",
        ),
        (
            "two years and three months",
            "2023-01-01",
            "2025-03-31",
            "25000.00",
            "2.5",
            "2 years 3 months of service, counted as 2.5 years × 10000; cap 3 × 12000 not reached",
        ),
        (
            "a single day",
            "2026-05-04",
            "2026-05-04",
            "5000.00",
            "0.5",
            "1 day of service, counted as 0.5 years × 10000; cap 3 × 12000 not reached",
        ),
    ],
)
def test_severance_counts_a_half_year_remainder_as_a_year(
    label: str, start: str, end: str, amount: str, months: str, basis: str
) -> None:
    """LCL Art 47: one month's wage per full year; a remainder of 6 months or more is a year, less is ½.

    Wage 10000, service counted inclusively in anniversary years (RULES.md §0):
    - 2026-01-01..2026-06-29 = 5 months 29 days < 6 months → ½ × 10000 = 5000.00
    - 2026-01-01..2026-06-30 = exactly 6 months; "6 months or more" (六个月以上 includes six) → 1 × 10000
      = 10000.00
    - 2026-01-01..2026-07-01 = 6 months 1 day → 1 × 10000 = 10000.00
    - 2023-01-01..2025-07-15 = 2 years 6 months 15 days → 2 + 1 = 3 × 10000 = 30000.00
    - 2023-01-01..2025-03-31 = 2 years 3 months → 2 + ½ = 2.5 × 10000 = 25000.00
    - 2026-05-04..2026-05-04 = 1 day → ½ × 10000 = 5000.00
    """
    request = china_request(contracts=[contract(start, end)], wage="10000")

    severance = assess(request)["severance"]

    assert severance == {"amount": amount, "currency": "CNY", "months": months, "basis": basis}, label


@pytest.mark.parametrize(
    ("label", "start", "end", "wage", "average", "amount", "months", "basis", "capped"),
    [
        (
            "wage exactly 3× the average: cap not exceeded",
            "2011-01-01",
            "2025-12-31",
            "36000",
            "12000",
            "540000.00",
            "15",
            "15 years of service × 36000; cap 3 × 12000 not exceeded",
            False,
        ),
        (
            "a cent above the cap",
            "2011-01-01",
            "2025-12-31",
            "36000.01",
            "12000",
            "432000.00",
            "12",
            "15 years of service, capped at 12 years × 36000 (wage 36000.01 above the cap 3 × 12000)",
            True,
        ),
        (
            "sixteen years capped at twelve",
            "2010-03-01",
            "2026-02-28",
            "50000",
            "12000",
            "432000.00",
            "12",
            "16 years of service, capped at 12 years × 36000 (wage 50000 above the cap 3 × 12000)",
            True,
        ),
        (
            "capped base under twelve years",
            "2020-01-01",
            "2024-12-31",
            "50000",
            "12000",
            "180000.00",
            "5",
            "5 years of service, capped at 5 years × 36000 (wage 50000 above the cap 3 × 12000)",
            True,
        ),
        (
            "twelve and a half years capped at twelve",
            "2013-01-01",
            "2025-03-31",
            "40000",
            "10000",
            "360000.00",
            "12",
            "12 years 3 months of service, counted as 12.5 years, capped at 12 years × 30000 "
            "(wage 40000 above the cap 3 × 10000)",
            True,
        ),
    ],
)
def test_high_earner_cap(
    label: str,
    start: str,
    end: str,
    wage: str,
    average: str,
    amount: str,
    months: str,
    basis: str,
    capped: bool,
) -> None:
    """LCL Art 47: a wage *above* 3× the local average is capped at 3× and at most 12 years count.

    - wage 36000 = 3 × 12000 exactly: not above, so no cap at all: 15 years × 36000 = 540000.00
    - wage 36000.01 > 36000: base 36000, years min(15, 12) = 12 → 12 × 36000 = 432000.00
    - 2010-03-01..2026-02-28 = 16 years, wage 50000 > 36000 → 12 × 36000 = 432000.00
    - 5 years, wage 50000 > 36000 → 5 × 36000 = 180000.00 (the year cap does not bite)
    - 2013-01-01..2025-03-31 = 12 years 3 months → 12.5; wage 40000 > 3 × 10000 = 30000 → min(12.5, 12)
      = 12 × 30000 = 360000.00
    """
    request = china_request(
        contracts=[contract(start, end)],
        wage=wage,
        average=average,
        facts={"employee_requested_continuation": False},
    )

    result = assess(request)

    assert result["severance"] == {"amount": amount, "currency": "CNY", "months": months, "basis": basis}, (
        label
    )
    assert ("cn.lcl.art47.high_earner_cap" in codes(result)) is capped, label


def test_unknown_local_average_leaves_the_cap_unchecked() -> None:
    """Without the local average the cap cannot be checked: 2 years × 20000 = 40000.00, confidence medium."""
    request = china_request(contracts=[contract("2025-01-01", "2026-12-31")], average=None)

    result = assess(request)

    assert result["severance"] == {
        "amount": "40000.00",
        "currency": "CNY",
        "months": "2",
        "basis": "2 years of service × 20000; cap not checked (local average wage unknown)",
    }
    assert "cn.lcl.art47.cap_not_checked" in codes(result)
    assert result["confidence"] == "medium"


def test_unknown_wage_gives_months_without_an_amount() -> None:
    """Without the wage, N is known in months only: 2 years → 2 months, amount null."""
    request = china_request(contracts=[contract("2025-01-01", "2026-12-31")], wage=None)

    result = assess(request)

    assert result["severance"] == {
        "amount": None,
        "currency": "CNY",
        "months": "2",
        "basis": "2 years of service × monthly wage (unknown); cap 3 × 12000 applies if exceeded",
    }
    assert "cn.lcl.art47.wage_unknown" in codes(result)


@pytest.mark.parametrize(
    ("label", "start", "end", "amount", "months"),
    [
        ("hired on a leap day, six years later", "2020-02-29", "2026-02-28", "120000.00", "6"),
        ("hired on a leap day, one year later", "2024-02-29", "2025-02-28", "20000.00", "1"),
        ("a year that ends on a leap day", "2023-03-01", "2024-02-29", "20000.00", "1"),
    ],
)
def test_leap_year_service(label: str, start: str, end: str, amount: str, months: str) -> None:
    """A year of service that starts on 29 February ends on 28 February of a common year (RULES.md §0).

    - 2020-02-29..2026-02-28: the 6th anniversary has no 29 February, so the period ends on 2026-02-28
      → exactly 6 years → 6 × 20000 = 120000.00
    - 2024-02-29..2025-02-28 → exactly 1 year → 1 × 20000 = 20000.00
    - 2023-03-01..2024-02-29 (the last day is the leap day) → exactly 1 year → 20000.00
    """
    result = assess(china_request(contracts=[contract(start, end)]))

    assert result["severance"]["amount"] == amount, label
    assert result["severance"]["months"] == months, label


@pytest.mark.parametrize(
    ("label", "statuses", "facts", "expected", "protection_codes"),
    [
        (
            "medical period from the day before expiry",
            [status("medical_leave", "2026-12-30", "2027-02-15")],
            {},
            {
                "non_renewal_lawful": False,
                "contract_extended_until": "2027-02-15",
                "blocking_protections": [
                    {
                        "kind": "medical_leave",
                        "effect": "contract extended until the protection ends",
                        "citation": "LCL Art 42(3), 45",
                    }
                ],
                "damages_if_unlawful": {"amount": "120000.00", "currency": "CNY", "basis": "2 × severance"},
            },
            ["cn.lcl.art42.protection_at_expiry", "cn.lcl.art45.extended_until"],
        ),
        (
            "pregnancy from the day before expiry, end unknown",
            [status("pregnant", "2026-12-30", None)],
            {},
            {
                "non_renewal_lawful": False,
                "contract_extended_until": None,
                "blocking_protections": [
                    {
                        "kind": "pregnant",
                        "effect": (
                            "contract extended until pregnancy, maternity leave and the nursing period end"
                        ),
                        "citation": "LCL Art 42(4), 45",
                    }
                ],
                "damages_if_unlawful": {"amount": "120000.00", "currency": "CNY", "basis": "2 × severance"},
            },
            ["cn.lcl.art42.protection_at_expiry"],
        ),
        (
            "nursing period until the child turns one",
            [status("nursing_period", "2026-05-10", None)],
            {"child_birth_date": "2026-05-10"},
            {
                "non_renewal_lawful": False,
                "contract_extended_until": "2027-05-09",
            },
            ["cn.lcl.art42.protection_at_expiry", "cn.lcl.art45.extended_until"],
        ),
        (
            "medical period that ended the day before expiry",
            [status("medical_leave", "2026-11-01", "2026-12-30")],
            {},
            {
                "non_renewal_lawful": True,
                "contract_extended_until": None,
                "blocking_protections": [],
                "damages_if_unlawful": None,
            },
            [],
        ),
        (
            "work injury: grade to be checked",
            [status("work_injury", "2026-06-01", None)],
            {},
            {"non_renewal_lawful": False, "contract_extended_until": None, "confidence": "medium"},
            ["cn.lcl.art42.protection_at_expiry", "cn.lcl.art42.work_injury_grade"],
        ),
    ],
)
def test_protection_in_force_at_expiry_extends_the_contract(
    label: str, statuses: list[Case], facts: Case, expected: Case, protection_codes: list[str]
) -> None:
    """LCL Art 42 with Art 45: a protection in force on the expiry date extends the contract until it ends.

    Contract 2024-01-01..2026-12-31 (3 years, first fixed term), wage 20000: N = 3 × 20000 = 60000.00;
    ending the contract on 2026-12-31 despite the protection is unlawful → 2N = 2 × 60000 = 120000.00.
    - medical period 2026-12-30..2027-02-15 covers 2026-12-31 → extended until 2027-02-15
    - pregnancy from 2026-12-30, end unknown → extended, end date null
    - nursing period, child born 2026-05-10: one year from birth ends 2027-05-09 → extended until then
    - medical period ending 2026-12-30 does not cover 2026-12-31 → nothing blocks expiry
    - work injury: extended; the disability grade decides (secondary source) → confidence medium
    """
    request = china_request(statuses=statuses, facts=facts)

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert [
        code for code in codes(result) if code.startswith(("cn.lcl.art42", "cn.lcl.art45"))
    ] == protection_codes
    assert result["severance"]["amount"] == "60000.00"


def test_long_service_near_retirement_blocks_expiry() -> None:
    """LCL Art 42(5): 15+ years with the employer and fewer than 5 years to statutory retirement.

    2011-01-01..2025-12-31 = 15 years ≥ 15; retirement 2029-06-30 is before 2025-12-31 + 5 years =
    2030-12-31 → protected; the contract runs until retirement on 2029-06-30. The employee does not wish to
    continue, so Art 14 does not make it unlawful — Art 42 does.
    """
    request = china_request(
        contracts=[contract("2011-01-01", "2025-12-31")],
        facts={"statutory_retirement_date": "2029-06-30", "employee_requested_continuation": False},
    )

    result = assess(request)

    assert _pick(
        result, {"non_renewal_lawful": 0, "contract_extended_until": 0, "blocking_protections": 0}
    ) == {
        "non_renewal_lawful": False,
        "contract_extended_until": "2029-06-30",
        "blocking_protections": [
            {
                "kind": "near_retirement",
                "effect": "contract extended until statutory retirement",
                "citation": "LCL Art 42(5), 45",
            }
        ],
    }


TWO_FIXED_TERMS = [contract("2020-07-01", "2023-06-30"), contract("2023-07-01", "2026-06-30")]


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "action", "expected", "code"),
    [
        (
            "second fixed term, employee asked to continue",
            TWO_FIXED_TERMS,
            {"employee_requested_continuation": True},
            "not_renew",
            {
                "next_contract_must_be_open_ended": True,
                "employee_may_request_open_ended": True,
                "non_renewal_lawful": False,
                "severance": {
                    "amount": "120000.00",
                    "currency": "CNY",
                    "months": "6",
                    "basis": "6 years of service × 20000; cap 3 × 12000 not reached",
                },
                "damages_if_unlawful": {"amount": "240000.00", "currency": "CNY", "basis": "2 × severance"},
            },
            "cn.lcl.art14.open_ended_on_request",
        ),
        (
            "second fixed term, request not recorded",
            TWO_FIXED_TERMS,
            {},
            "not_renew",
            {
                "next_contract_must_be_open_ended": None,
                "employee_may_request_open_ended": True,
                "non_renewal_lawful": None,
                "damages_if_unlawful": {"amount": "240000.00", "currency": "CNY", "basis": "2 × severance"},
            },
            "cn.lcl.art14.open_ended_if_requested",
        ),
        (
            "second fixed term, employee does not want to continue",
            TWO_FIXED_TERMS,
            {"employee_requested_continuation": False},
            "not_renew",
            {
                "next_contract_must_be_open_ended": False,
                "employee_may_request_open_ended": True,
                "non_renewal_lawful": True,
                "damages_if_unlawful": None,
            },
            "cn.lcl.art14.employee_not_continuing",
        ),
        (
            "first fixed term only",
            TWO_FIXED_TERMS[1:],
            {"employee_requested_continuation": True},
            "not_renew",
            {
                "next_contract_must_be_open_ended": False,
                "employee_may_request_open_ended": False,
                "non_renewal_lawful": True,
            },
            "cn.lcl.art14.not_triggered",
        ),
        (
            "second fixed term, misconduct grounds",
            TWO_FIXED_TERMS,
            {"employee_requested_continuation": True, "employee_fault_or_incapacity_grounds": True},
            "not_renew",
            {"next_contract_must_be_open_ended": False, "non_renewal_lawful": True},
            "cn.lcl.art14.fault_excludes_two_contract_route",
        ),
        (
            "ten years on one contract, misconduct grounds do not matter",
            [contract("2016-01-01", "2025-12-31")],
            {"employee_requested_continuation": True, "employee_fault_or_incapacity_grounds": True},
            "not_renew",
            {"next_contract_must_be_open_ended": True, "non_renewal_lawful": False},
            "cn.lcl.art14.open_ended_on_request",
        ),
        (
            "first contract began before 2008",
            [contract("2006-01-01", "2008-12-31"), contract("2009-01-01", "2011-12-31")],
            {"employee_requested_continuation": True},
            "not_renew",
            {
                "next_contract_must_be_open_ended": False,
                "non_renewal_lawful": True,
                "severance": {
                    "amount": "80000.00",
                    "currency": "CNY",
                    "months": "4",
                    "basis": "4 years of service × 20000; cap 3 × 12000 not reached",
                },
            },
            "cn.lcl.art97.service_before_2008",
        ),
        (
            "fixed-term renewal against the employee's request",
            TWO_FIXED_TERMS,
            {"employee_requested_open_ended": True},
            "renew_fixed_term",
            {
                "next_contract_must_be_open_ended": True,
                "renewal_as_proposed_lawful": False,
                "non_renewal_lawful": None,
                "severance": None,
                "damages_if_unlawful": None,
            },
            "cn.lcl.art82.double_wages",
        ),
        (
            "open-ended renewal",
            TWO_FIXED_TERMS,
            {"employee_requested_continuation": True},
            "renew_open_ended",
            {"next_contract_must_be_open_ended": True, "renewal_as_proposed_lawful": True, "severance": None},
            "cn.lcl.art19.no_new_probation",
        ),
    ],
)
def test_open_ended_contract_on_request(
    label: str, contracts: list[Case], facts: Case, action: str, expected: Case, code: str
) -> None:
    """LCL Art 14(2): after two consecutive fixed terms (counted from 2008, Art 97) or 10 years of service.

    - 2020-07-01..2023-06-30 and 2023-07-01..2026-06-30: 2 consecutive fixed terms; service 6 years →
      N = 6 × 20000 = 120000.00; refusing an employee who asked is unlawful → 2N = 240000.00
    - the same with no recorded request: lawfulness unknown, 2N shown as the risk
    - the employee does not want to continue: non-renewal lawful, no 2N
    - only the 2023 contract: 1 fixed term, 3 years → Art 14 not triggered
    - Art 39/40(1)-(2) grounds remove the two-contract route (6 years < 10, so nothing else applies)
    - 2016-01-01..2025-12-31 = exactly 10 years: the ten-year route has no misconduct exception
    - 2006 and 2009 contracts: only the 2009 one counts (1 < 2); N counts from 2008-01-01 to 2011-12-31 =
      4 years × 20000 = 80000.00
    - renewing for a fixed term when the employee asked for open-ended: unlawful, Art 82 double wages
    - renewing open-ended: lawful; no new probation (Art 19)
    """
    decision_date = None if action == "not_renew" else "2026-07-01"
    new_end_date = "2029-06-30" if action == "renew_fixed_term" else None
    request = china_request(
        contracts=contracts,
        facts=facts,
        action=action,
        decision_date=decision_date,
        new_end_date=new_end_date,
    )

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


def test_service_before_2008_counts_for_damages_but_not_for_severance() -> None:
    """Art 97 vs Implementing Regs Art 25.

    Employment 2006-01-01..2011-12-31 with a medical period at expiry (so ending then is unlawful):
    N counts from 2008-01-01: 4 years × 20000 = 80000.00;
    2N counts from the first day: 2 × (6 years × 20000) = 2 × 120000 = 240000.00.
    """
    request = china_request(
        contracts=[contract("2006-01-01", "2008-12-31"), contract("2009-01-01", "2011-12-31")],
        statuses=[status("medical_leave", "2011-12-01", "2012-01-31")],
    )

    result = assess(request)

    assert result["severance"]["amount"] == "80000.00"
    assert result["damages_if_unlawful"] == {
        "amount": "240000.00",
        "currency": "CNY",
        "basis": "2 × (6 years of service × 20000; cap 3 × 12000 not reached)",
    }
    assert "cn.regs.art25.damages_from_first_day" in codes(result)


@pytest.mark.parametrize(
    ("label", "offer", "refused", "severance", "code"),
    [
        (
            "same or better offer declined",
            "same_or_better",
            True,
            {
                "amount": "0.00",
                "currency": "CNY",
                "months": "0",
                "basis": "renewal offered on the same or better terms and declined by the employee",
            },
            "cn.lcl.art46.declined_same_or_better",
        ),
        (
            "worse offer declined",
            "worse",
            True,
            {
                "amount": "60000.00",
                "currency": "CNY",
                "months": "3",
                "basis": "3 years of service × 20000; cap 3 × 12000 not reached",
            },
            "cn.lcl.art46.declined_worse_offer",
        ),
        (
            "same or better offer, answer not recorded",
            "same_or_better",
            None,
            {
                "amount": "60000.00",
                "currency": "CNY",
                "months": "3",
                "basis": "3 years of service × 20000; cap 3 × 12000 not reached",
            },
            "cn.lcl.art46.same_or_better_offer_open",
        ),
        (
            "no offer",
            "none",
            None,
            {
                "amount": "60000.00",
                "currency": "CNY",
                "months": "3",
                "basis": "3 years of service × 20000; cap 3 × 12000 not reached",
            },
            "cn.lcl.art46.severance_on_expiry",
        ),
    ],
)
def test_renewal_offer_declined(
    label: str, offer: str, refused: bool | None, severance: Case, code: str
) -> None:
    """LCL Art 46(5): no N only when a same-or-better renewal was offered and the employee declined it.

    Contract 2024-01-01..2026-12-31 = 3 years, wage 20000 → N = 3 × 20000 = 60000.00, except after a
    declined same-or-better offer, where the law's answer is zero (0.00, not null).
    """
    facts = {} if refused is None else {"employee_refused_offer": refused}
    request = china_request(offer=offer, facts=facts)

    result = assess(request)

    assert result["severance"] == severance, label
    assert result["non_renewal_lawful"] is True, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "jurisdiction", "region", "last_notice_date", "code", "confidence"),
    [
        ("Beijing", "CN", "Beijing", "2026-12-01", "cn.notice.required_in_region", "high"),
        ("Beijing by ISO code", "CN", "CN-BJ", "2026-12-01", "cn.notice.required_in_region", "high"),
        ("Beijing by legacy code", "CN", "CN-11", "2026-12-01", "cn.notice.required_in_region", "high"),
        ("Beijing in Chinese", "CN", "北京市", "2026-12-01", "cn.notice.required_in_region", "high"),
        ("Beijing in the jurisdiction", "CN-BJ", None, "2026-12-01", "cn.notice.required_in_region", "high"),
        ("Shanghai", "CN", "Shanghai", None, "cn.notice.not_required_in_region", "medium"),
        ("Shenzhen", "CN", "Shenzhen", None, "cn.notice.not_required_in_region", "medium"),
        ("Liaoning", "CN", "Liaoning", "2026-12-01", "cn.notice.required_in_region", "medium"),
        ("Hubei", "CN", "Hubei", None, "cn.notice.recommended_in_region", "medium"),
        ("Nanjing follows Jiangsu", "CN", "Nanjing", None, "cn.notice.recommended_in_region", "medium"),
        ("region not covered", "CN", "Guangdong", None, "law.region_not_covered", "medium"),
        ("no region", "CN", None, None, "cn.notice.none_nationally", "high"),
    ],
)
def test_regional_notice_before_expiry(
    label: str,
    jurisdiction: str,
    region: str | None,
    last_notice_date: str | None,
    code: str,
    confidence: str,
) -> None:
    """Notice before expiry: none in the LCL; 30 days in Beijing and some provinces (RULES.md §2, §20.2).

    Expiry D = 2026-12-31; 30 days' notice → D − 30 calendar days = 2026-12-01 (RULES.md §0).
    Beijing's rule is a regulation upheld in court (high); the other regional reports are medium; Shanghai
    and Shenzhen are reported to need no notice; Hubei and Jiangsu (Nanjing) "recommended, no penalty";
    Guangdong is not covered (only Guangzhou and Shenzhen are), so only national rules apply.
    """
    request = china_request(jurisdiction=jurisdiction, region=region)

    result = assess(request)

    assert result["last_notice_date"] == last_notice_date, label
    assert code in codes(result), label
    assert result["confidence"] == confidence, label
    assert result["severance"]["amount"] == "60000.00", label


@pytest.mark.parametrize(
    ("label", "as_of", "given", "code", "params"),
    [
        ("deadline passed", "2026-12-05", None, "cn.notice.deadline_passed", {"as_of": "2026-12-05"}),
        (
            "notice given in time",
            "2026-12-05",
            "2026-11-20",
            "cn.notice.given_in_time",
            {"given": "2026-11-20"},
        ),
        ("notice three days late", None, "2026-12-04", "cn.notice.given_late", {"days_late": 3}),
    ],
)
def test_beijing_notice_timeliness(
    label: str, as_of: str | None, given: str | None, code: str, params: Case
) -> None:
    """Beijing: notice due by 2026-12-01 for expiry 2026-12-31; 2026-12-04 is 3 days late (each costs a
    day's average wage)."""
    facts = {} if given is None else {"termination_notice_given": given}
    request = china_request(region="Beijing", as_of=as_of, facts=facts)

    result = assess(request)

    finding = next(item for item in result["findings"] if item["code"] == code)
    assert _pick(finding["params"], params) == params, label
    assert finding["params"]["deadline"] == "2026-12-01", label


@pytest.mark.parametrize(
    ("label", "region", "contracts", "flagged", "confidence"),
    [
        ("Shanghai, second fixed term", "Shanghai", TWO_FIXED_TERMS, True, "medium"),
        ("Beijing, second fixed term", "Beijing", TWO_FIXED_TERMS, False, "high"),
        (
            "Shanghai, ten years on one contract",
            "Shanghai",
            [contract("2016-01-01", "2025-12-31")],
            False,
            "medium",
        ),
    ],
)
def test_shanghai_second_term_is_flagged_as_changing(
    label: str, region: str, contracts: list[Case], flagged: bool, confidence: str
) -> None:
    """RULES.md §20.1: Shanghai applies the national rule after the second fixed term, flagged medium.

    The national rule makes non-renewal after the second fixed term unlawful when the employee asks; the
    ten-year route does not depend on the Shanghai position, so it is not flagged (confidence stays medium
    there only because Shanghai's notice rule is a medium-confidence report).
    """
    request = china_request(
        region=region, contracts=contracts, facts={"employee_requested_continuation": True}
    )

    result = assess(request)

    assert result["next_contract_must_be_open_ended"] is True, label
    assert result["non_renewal_lawful"] is False, label
    assert ("cn.sh.second_term_position_changing" in codes(result)) is flagged, label
    assert result["confidence"] == confidence, label


def test_schema_sample_beijing_pregnancy_second_term() -> None:
    """SCHEMA.md's sample request: Beijing, two fixed terms 2021–2026, pregnant, asked to continue.

    2021-01-01..2026-12-31 = 6 years → N = 6 × 20000 = 120000.00 (20000 < 3 × 12000); unlawful → 2N =
    240000.00; Beijing notice by 2026-12-31 − 30 days = 2026-12-01; pregnancy extends the contract, end
    unknown.
    """
    request = china_request(
        region="Beijing",
        as_of="2026-11-27",
        hire_date="2021-01-01",
        contracts=[contract("2021-01-01", "2023-12-31"), contract("2024-01-01", "2026-12-31")],
        statuses=[status("pregnant", "2026-03-01", None)],
        facts={"employee_requested_continuation": True},
    )

    result = assess(request)

    assert {
        key: value for key, value in result.items() if key not in ("findings", "blocking_protections")
    } == {
        "jurisdiction": "CN",
        "region": "Beijing",
        "rule_pack": "cn",
        "rule_pack_version": "2026-07-01",
        "supported": True,
        "next_contract_must_be_open_ended": True,
        "employee_may_request_open_ended": True,
        "automatic_conversion": False,
        "conversion_effective_date": None,
        "non_renewal_lawful": False,
        "renewal_as_proposed_lawful": None,
        "severance": {
            "amount": "120000.00",
            "currency": "CNY",
            "months": "6",
            "basis": "6 years of service × 20000; cap 3 × 12000 not reached",
        },
        "damages_if_unlawful": {"amount": "240000.00", "currency": "CNY", "basis": "2 × severance"},
        "last_notice_date": "2026-12-01",
        "contract_extended_until": None,
        "citations": [
            "LCL Art 14(2)(3)",
            "LCL Art 42(4), 45",
            "LCL Art 46(5)",
            "LCL Art 47",
            "LCL Art 48, 87",
            "Beijing Provisions Art 40, 47",
        ],
        "confidence": "high",
    }
    assert [protection["kind"] for protection in result["blocking_protections"]] == ["pregnant"]
    assert codes(result) == [
        "cn.lcl.art14.open_ended_on_request",
        "cn.lcl.art42.protection_at_expiry",
        "cn.lcl.art46.severance_on_expiry",
        "cn.lcl.art47.severance_amount",
        "cn.lcl.art87.unlawful_termination",
        "cn.notice.required_in_region",
        "cn.notice.late_notice_pay",
    ]
    first = result["findings"][0]
    assert first["severity"] == "must"
    assert first["text"] == first["message"] % first["params"]
    assert first["params"] == {"fixed_terms": 2, "years": 6}


def test_history_with_a_gap_is_flagged() -> None:
    """A 31-day gap (2023-07-01..2023-07-31) between contracts: counted as continuous, confidence medium."""
    request = china_request(
        contracts=[contract("2020-07-01", "2023-06-30"), contract("2023-08-01", "2026-06-30")]
    )

    result = assess(request)

    gap = next(item for item in result["findings"] if item["code"] == "cn.history.gap_between_contracts")
    assert gap["params"] == {"days": 31, "previous": 0, "index": 1}
    assert result["confidence"] == "medium"


def test_statuses_the_pack_does_not_use_are_named() -> None:
    request = china_request(statuses=[status("union_representative"), status("disabled")])

    result = assess(request)

    assert [
        finding["params"]["kind"]
        for finding in result["findings"]
        if finding["code"] == "cn.status_not_considered"
    ] == ["union_representative", "disabled"]
    assert result["non_renewal_lawful"] is True
