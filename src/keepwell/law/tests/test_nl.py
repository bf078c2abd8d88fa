"""Netherlands pack: cases derived from RULES.md §0, §8 and §20.6, each with its arithmetic written out.

Unless a case says otherwise: no region, monthly salary 3000 EUR (holiday allowance included), no offer, and
the decision is not to renew on the last contract's last day. "Last day" of N months is the last day of a
period of N whole months from the chain's first day (RULES.md §0).
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


def _request(*, wage: str | None = "3000", **options: Any) -> Case:
    """A Dutch request built on the shared factory: EUR and the transition-payment salary."""
    request = china_request(jurisdiction="NL", wage=wage, average=None, **options)
    request["employee"]["pay"]["currency"] = "EUR"
    return request


def _pick(result: Case, keys: Case) -> Case:
    return {key: result[key] for key in keys}


@pytest.mark.parametrize(
    ("label", "contracts", "expected"),
    [
        (
            "three yearly contracts: exactly 36 months",
            [
                contract("2023-01-01", "2023-12-31"),
                contract("2024-01-01", "2024-12-31"),
                contract("2025-01-01", "2025-12-31"),
            ],
            {
                "automatic_conversion": False,
                "non_renewal_lawful": True,
                "next_contract_must_be_open_ended": True,
            },
        ),
        (
            "a fourth contract within a year",
            [
                contract("2025-01-01", "2025-03-31"),
                contract("2025-04-01", "2025-06-30"),
                contract("2025-07-01", "2025-09-30"),
                contract("2025-10-01", "2025-12-31"),
            ],
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2025-10-01",
                "non_renewal_lawful": False,
            },
        ),
        (
            "36 months and a day",
            [contract("2023-01-01", "2024-06-30"), contract("2024-07-01", "2026-01-01")],
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-01-01",
                "non_renewal_lawful": False,
            },
        ),
        (
            "an interruption of exactly 6 months is bridged and counted",
            [contract("2023-01-01", "2024-06-30"), contract("2025-01-01", "2026-06-30")],
            {"automatic_conversion": True, "conversion_effective_date": "2026-01-01"},
        ),
        (
            "an interruption of 6 months and a day starts a new chain",
            [contract("2023-01-01", "2024-06-30"), contract("2025-01-02", "2026-06-30")],
            {
                "automatic_conversion": False,
                "non_renewal_lawful": True,
                "next_contract_must_be_open_ended": False,
            },
        ),
        (
            "36 months run out during an interruption",
            [contract("2023-01-01", "2025-09-30"), contract("2026-03-01", "2026-05-31")],
            {"automatic_conversion": True, "conversion_effective_date": "2026-03-01"},
        ),
        (
            "hired on a leap day: 36 months end on 28 February",
            [contract("2024-02-29", "2027-02-28")],
            {
                "automatic_conversion": False,
                "non_renewal_lawful": True,
                "next_contract_must_be_open_ended": True,
            },
        ),
    ],
)
def test_chain_rule(label: str, contracts: list[Case], expected: Case) -> None:
    """BW 7:668a: more than 3 fixed-term contracts, or more than 36 months, with interruptions of at most 6
    months (counted in the 36), make the contract open-ended by law.

    - 2023-01-01 + 36 months → last day 2025-12-31: three yearly contracts reach it exactly; any further
      contract within 6 months would be open-ended
    - four quarterly contracts: the 4th (2025-10-01) is open-ended
    - 2023-01-01..2026-01-01: exceeded on 2026-01-01, inside contracts[1] → open-ended from that day
    - interruption 2024-07-01..2024-12-31 = exactly 6 months → same chain; last day 2025-12-31, so
      contracts[1] is open-ended from 2026-01-01; from 2025-01-02 the interruption is 6 months 1 day → a new
      chain of one contract
    - last day 2025-12-31 falls in the interruption 2025-10-01..2026-02-28 (5 months) → the next contract
      is open-ended from its start, 2026-03-01
    - 2024-02-29 + 36 months: 2027 has no 29 February → last day 2027-02-28
    """
    result = assess(_request(contracts=contracts))

    assert _pick(result, expected) == expected, label


@pytest.mark.parametrize(
    ("label", "start", "end", "facts", "last_notice_date", "code"),
    [
        (
            "exactly six months",
            "2026-01-01",
            "2026-06-30",
            {},
            "2026-05-30",
            "nl.bw.art7_668.notice_required",
        ),
        ("a day short of six months", "2026-01-01", "2026-06-29", {}, None, "nl.bw.art7_668.not_required"),
        (
            "ending on 31 December",
            "2026-01-01",
            "2026-12-31",
            {},
            "2026-11-30",
            "nl.bw.art7_668.notice_required",
        ),
        (
            "ending on 31 March",
            "2026-04-01",
            "2027-03-31",
            {},
            "2027-02-28",
            "nl.bw.art7_668.notice_required",
        ),
        (
            "ending on 31 March of a leap year",
            "2027-04-01",
            "2028-03-31",
            {},
            "2028-02-29",
            "nl.bw.art7_668.notice_required",
        ),
        (
            "ends on completion of its task",
            "2026-01-01",
            "2026-12-31",
            {"reason_for_end": "completion_of_task"},
            None,
            "nl.bw.art7_668.no_calendar_end",
        ),
    ],
)
def test_notice_of_continuation(
    label: str, start: str, end: str, facts: Case, last_notice_date: str | None, code: str
) -> None:
    """BW 7:668: for a contract of 6 months or more, written notice at least one month before the end.

    RULES.md §0: for a contract ending at the close of the 31st, the last day is the last day of the
    previous month (31 Dec → 30 Nov); 31 March → 28 February (29 in 2028); 30 June → 30 May.
    2026-01-01..2026-06-29 is 5 months 29 days (< 6): no duty. A contract without a calendar end: no duty.
    """
    result = assess(_request(contracts=[contract(start, end)], facts=facts))

    assert result["last_notice_date"] == last_notice_date, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "as_of", "facts", "code", "params"),
    [
        (
            "notice ten days late",
            None,
            {"termination_notice_given": "2026-12-10", "monthly_salary_excluding_holiday_allowance": "3100"},
            "nl.bw.art7_668.notice_late",
            {"days_late": 10, "period_days": 31, "amount": "1000.00", "salary": "3100"},
        ),
        (
            "notice on the last day",
            None,
            {"termination_notice_given": "2026-11-30"},
            "nl.bw.art7_668.notice_in_time",
            {"given": "2026-11-30", "deadline": "2026-11-30"},
        ),
        (
            "deadline passed without notice",
            "2026-12-05",
            {"monthly_salary_excluding_holiday_allowance": "3100"},
            "nl.bw.art7_668.notice_missed",
            {"amount": "3100.00", "deadline": "2026-11-30"},
        ),
        (
            "late, bare salary unknown",
            None,
            {"termination_notice_given": "2026-12-10"},
            "nl.bw.art7_668.notice_late",
            {"days_late": 10, "period_days": 31},
        ),
    ],
)
def test_notice_penalty(label: str, as_of: str | None, facts: Case, code: str, params: Case) -> None:
    """BW 7:668(3): one month's bare salary if no notice is given, pro rata if it is late.

    Contract 2026-01-01..2026-12-31: deadline 2026-11-30, a notice month of 31 days (to 2026-12-31).
    Notice on 2026-12-10 is 10 days late → 3100 × 10/31 = 1000.00. No notice by 2026-12-05 → up to
    1 × 3100 = 3100.00. The base excludes the holiday allowance, so pay.monthly_wage is not used.
    """
    result = assess(_request(contracts=[contract("2026-01-01", "2026-12-31")], facts=facts, as_of=as_of))

    finding = next(item for item in result["findings"] if item["code"] == code)
    assert _pick(finding["params"], params) == params, label
    assert result["last_notice_date"] == "2026-11-30", label


@pytest.mark.parametrize(
    ("label", "contracts", "wage", "offer", "facts", "severance", "confidence"),
    [
        (
            "years, months and days",
            [contract("2024-01-01", "2026-04-10")],
            "3000",
            "none",
            {},
            {
                "amount": "2277.40",
                "currency": "EUR",
                "months": None,
                "basis": "1/3 × 3000 × (2 + 3/12 + 10/365) years (2 years 3 months 10 days of service); "
                "cap not reached (one year's salary 12 × 3000 = 36000)",
            },
            "high",
        ),
        (
            "a chain with an interruption: contracts added, the interruption left out",
            [contract("2024-01-01", "2024-12-31"), contract("2025-04-01", "2025-12-31")],
            "3000",
            "none",
            {},
            {
                "amount": "1750.00",
                "currency": "EUR",
                "months": None,
                "basis": "1/3 × 3000 × (1 + 9/12) years (1 year 9 months of service); cap max(98000, 12 × "
                "3000 = 36000) = 98000 not reached",
            },
            "high",
        ),
        (
            "the 2025 cap applies",
            [contract("1989-01-01", "2025-12-31")],
            "8000",
            "none",
            {},
            {
                "amount": "98000.00",
                "currency": "EUR",
                "months": None,
                "basis": "1/3 × 8000 × 37 years (37 years of service); cap max(98000, 12 × 8000 = 96000) = "
                "98000 applied",
            },
            "high",
        ),
        (
            "a year whose cap is not tabled",
            [contract("1990-01-01", "2026-12-31")],
            "8000",
            "none",
            {},
            {
                "amount": "98666.67",
                "currency": "EUR",
                "months": None,
                "basis": "1/3 × 8000 × 37 years (37 years of service); cap for 2026 not tabled (one year's "
                "salary 12 × 8000 = 96000)",
            },
            "medium",
        ),
        (
            "continuation on the same terms declined",
            [contract("2025-01-01", "2025-12-31")],
            "3000",
            "same_or_better",
            {"employee_refused_offer": True},
            {
                "amount": "0.00",
                "currency": "EUR",
                "months": None,
                "basis": "continuation offered on the same or better terms and declined by the employee",
            },
            "medium",
        ),
        (
            "salary unknown",
            [contract("2025-01-01", "2025-12-31")],
            None,
            "none",
            {},
            {
                "amount": None,
                "currency": "EUR",
                "months": None,
                "basis": "1/3 × monthly salary (unknown) × 1 years (1 year of service)",
            },
            "high",
        ),
    ],
)
def test_transition_payment(
    label: str,
    contracts: list[Case],
    wage: str | None,
    offer: str,
    facts: Case,
    severance: Case,
    confidence: str,
) -> None:
    """BW 7:673: 1/3 of a month's salary per year of service, from day one, for the contracts of the chain;
    capped at the year's fixed figure (EUR 98,000 for 2025) or one year's salary if higher.

    - 2024-01-01..2026-04-10 = 2 years 3 months 10 days → 1000 × (2 + 3/12 + 10/365) = 2277.397 → 2277.40
    - 2024 (1 year) and 2025-04-01..12-31 (9 months) → 1 + 9/12 = 1.75 × 1000 = 1750.00
    - 37 years × 8000/3 = 98666.67 > max(98000, 96000) = 98000 → 98000.00 in 2025; in 2026 the fixed
      figure is not tabled and the amount is above one year's salary (96000) → shown uncapped, medium
    - continuation on the same terms declined → not at the employer's initiative → 0.00 (medium)
    """
    request = _request(contracts=contracts, wage=wage, offer=offer, facts=facts)

    result = assess(request)

    assert result["severance"] == severance, label
    assert result["confidence"] == confidence, label


TWO_HALVES = [contract("2025-01-01", "2025-06-30"), contract("2025-07-01", "2025-12-31")]


@pytest.mark.parametrize(
    ("label", "contracts", "decision_date", "new_end_date", "lawful", "code"),
    [
        ("third contract", TWO_HALVES, "2026-01-01", "2026-12-31", True, "nl.bw.art7_668a.renewal_lawful"),
        (
            "third contract past 36 months",
            TWO_HALVES,
            "2026-01-01",
            "2028-01-01",
            False,
            "nl.bw.art7_668a.renewal_converts",
        ),
        (
            "fourth contract",
            [*TWO_HALVES, contract("2026-01-01", "2026-06-30")],
            "2026-07-01",
            "2026-12-31",
            False,
            "nl.bw.art7_668a.renewal_converts",
        ),
        (
            "fourth contract after exactly 6 months",
            [*TWO_HALVES, contract("2026-01-01", "2026-06-30")],
            "2027-01-01",
            "2027-06-30",
            False,
            "nl.bw.art7_668a.renewal_converts",
        ),
        (
            "fourth contract after 6 months and a day",
            [*TWO_HALVES, contract("2026-01-01", "2026-06-30")],
            "2027-01-02",
            "2027-06-30",
            True,
            "nl.bw.art7_668a.renewal_new_chain",
        ),
    ],
)
def test_renewal_as_proposed(
    label: str, contracts: list[Case], decision_date: str, new_end_date: str, lawful: bool, code: str
) -> None:
    """BW 7:668a for the proposed contract: chain from 2025-01-01, last day 2027-12-31.

    - a 3rd contract to 2026-12-31 is within; to 2028-01-01 it would pass the last day → open-ended
    - a 4th contract within 6 months is open-ended by law; after 2026-06-30 an interruption to 2026-12-31
      is exactly 6 months (still the chain), one to 2027-01-01 is 6 months and a day (a new chain)
    """
    request = _request(
        contracts=contracts, action="renew_fixed_term", decision_date=decision_date, new_end_date=new_end_date
    )

    result = assess(request)

    assert result["renewal_as_proposed_lawful"] is lawful, label
    assert code in codes(result), label
    assert result["severance"] is None, label


@pytest.mark.parametrize(
    ("label", "new_end_date", "code", "params"),
    [
        ("six months: none", "2026-06-30", "nl.bw.art7_652.no_probation", {"months": 6}),
        ("a year: one month", "2026-12-31", "nl.bw.art7_652.probation_limit", {"max_months": 1}),
        ("two years: two months", "2027-12-31", "nl.bw.art7_652.probation_limit", {"max_months": 2}),
    ],
)
def test_probation_in_the_new_contract(label: str, new_end_date: str, code: str, params: Case) -> None:
    """BW 7:652 (recalled, medium): none in a contract of 6 months or less; 1 month under 2 years; 2 months
    from 2 years. New contract from 2026-01-01: to 2026-06-30 = 6 months; to 2026-12-31 = 1 year; to
    2027-12-31 = 2 years."""
    request = _request(
        contracts=[contract("2025-01-01", "2025-12-31")],
        action="renew_fixed_term",
        decision_date="2026-01-01",
        new_end_date=new_end_date,
    )

    result = assess(request)

    finding = next(item for item in result["findings"] if item["code"] == code)
    assert finding["params"] == params, label


@pytest.mark.parametrize(
    ("label", "contracts", "code", "confidence"),
    [
        (
            "an 8-month interruption before a 2027 decision",
            [contract("2024-01-01", "2025-12-31"), contract("2026-09-01", "2027-03-31")],
            "nl.pending_bill.may_change_chain",
            "low",
        ),
        ("no interruption", [contract("2026-04-01", "2027-03-31")], "nl.pending_bill.not_applied", "high"),
    ],
)
def test_pending_bill_is_flagged_not_applied(
    label: str, contracts: list[Case], code: str, confidence: str
) -> None:
    """RULES.md §8, §20.6: bill 36749 (target 2027-01-01) would stretch the reset interruption to 60 months.
    2026-01-01..2026-08-31 is 8 months: a new chain today, the same chain under the bill → low confidence."""
    result = assess(_request(contracts=contracts))

    assert code in codes(result), label
    assert result["confidence"] == confidence, label
    assert result["automatic_conversion"] is False, label


def test_pregnancy_does_not_stop_expiry() -> None:
    """RULES.md §8: pregnancy from the day before D = 2026-06-30 does not stop the contract from ending."""
    request = _request(
        contracts=[contract("2026-01-01", "2026-06-30")], statuses=[status("pregnant", "2026-06-29")]
    )

    result = assess(request)

    assert result["non_renewal_lawful"] is True
    assert result["blocking_protections"] == []
    assert "nl.protection.does_not_block_expiry" in codes(result)


def test_sector_agreement_leaves_the_chain_undecided() -> None:
    """A collective agreement may deviate: four contracts are then not concluded on (medium)."""
    contracts = [
        contract("2025-01-01", "2025-03-31"),
        contract("2025-04-01", "2025-06-30"),
        contract("2025-07-01", "2025-09-30"),
        contract("2025-10-01", "2025-12-31"),
    ]
    request = _request(contracts=contracts, facts={"sector_agreement_overrides_defaults": True})

    result = assess(request)

    assert _pick(result, {"automatic_conversion": 0, "non_renewal_lawful": 0, "confidence": 0}) == {
        "automatic_conversion": None,
        "non_renewal_lawful": None,
        "confidence": "medium",
    }
    assert result["severance"]["amount"] == "1000.00"


@pytest.mark.parametrize(
    ("label", "facts", "field", "message"),
    [
        (
            "bare salary with a thousands separator",
            {"monthly_salary_excluding_holiday_allowance": "3.100,00"},
            "employee.facts.monthly_salary_excluding_holiday_allowance",
            "expected a decimal string such as \"12000.50\", got '3.100,00'",
        ),
        (
            "notice date as a word",
            {"termination_notice_given": "yesterday"},
            "employee.facts.termination_notice_given",
            "expected a date as YYYY-MM-DD, got 'yesterday'",
        ),
        (
            "reason for end that is not text",
            {"reason_for_end": True},
            "employee.facts.reason_for_end",
            "expected text, got True",
        ),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, field: str, message: str) -> None:
    request = _request(contracts=[contract("2026-01-01", "2026-12-31")], facts=facts)

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert (raised.value.field, raised.value.message) == (field, message), label


def test_decision_before_the_pack_is_unsupported() -> None:
    """The pack covers decisions from 2020-01-01 (Labour Market in Balance Act)."""
    result = assess(_request(contracts=[contract("2019-01-01", "2019-12-31")]))

    assert result["supported"] is False
    assert result["findings"][0]["params"]["effective_from"] == "2020-01-01"


# --- Property: random valid histories -------------------------------------------------------------------

PACK_FROM = date(2020, 1, 1)
REASONS = (None,)
STATUS_KINDS = ("pregnant", "maternity_leave", "disabled")
DUTCH_REQUESTS = requests(
    jurisdiction="NL",
    decided=(PACK_FROM, PACK_FROM + timedelta(days=3650)),
    contract_days=2500,
    regions=(None, None, "Utrecht"),
    statuses=STATUS_KINDS,
    reasons=REASONS,
    pay={"currency": st.just("EUR"), "monthly_wage": money()},
    facts={
        "termination_notice_given": days_from(-90, 30),
        "monthly_salary_excluding_holiday_allowance": money(),
        "reason_for_end": st.sampled_from([None, "expiry", "completion_of_task"]),
        "sector_agreement_overrides_defaults": FLAGS,
        "employee_refused_offer": FLAGS,
    },
)


@settings(max_examples=300, deadline=None)
@given(DUTCH_REQUESTS)
def test_random_histories_never_raise_and_stay_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    assert result["supported"] is True
    assert result["rule_pack"] == "nl"
    assert result["employee_may_request_open_ended"] is None
    if result["last_notice_date"] is not None:
        assert result["last_notice_date"] <= request["decision"]["date"]
    amount = result["severance"] and result["severance"]["amount"]
    if amount is not None:
        assert Decimal(amount) >= 0
    for finding in result["findings"]:
        assert finding["code"].startswith(("nl.", "law."))
        assert finding["text"] == finding["message"] % finding["params"]
