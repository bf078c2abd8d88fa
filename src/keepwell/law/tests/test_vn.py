"""Vietnam pack: cases derived from RULES.md §0, §11 and §20, with their arithmetic and citations written out.

Unless a case says otherwise: no region, an average monthly wage (last 6 months) of 10000000 VND, no time
covered by unemployment insurance (an empty list), and the decision is not to renew on the last contract's
last day.
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

NO_INSURANCE: Case = {"unemployment_insurance_periods": []}
TWO_FIXED_TERMS = [contract("2022-01-01", "2023-12-31"), contract("2024-01-01", "2025-12-31")]
ONE_YEAR_BASIS = "1 year worked, none covered by unemployment insurance: 1 year counted × 0.5 × 10000000"


def vietnam_request(*, wage: str | None = "10000000", facts: Case | None = None, **options: Any) -> Case:
    """A SCHEMA.md request for Vietnam, built with the shared factory: dong, no insured time by default."""
    facts = NO_INSURANCE if facts is None else facts
    return china_request(jurisdiction="VN", currency="VND", wage=wage, average=None, facts=facts, **options)


def _pick(result: Case, keys: Case) -> Case:
    return {key: result[key] for key in keys}


@pytest.mark.parametrize(
    ("label", "start", "end", "severance", "confidence"),
    [
        (
            "exactly 12 months",
            "2025-01-01",
            "2025-12-31",
            {
                "amount": "5000000.00",
                "currency": "VND",
                "months": "0.5",
                "basis": ONE_YEAR_BASIS,
            },
            "medium",
        ),
        ("a day short of 12 months", "2025-01-02", "2025-12-31", None, "medium"),
        (
            "hired on a leap day, a year later",
            "2024-02-29",
            "2025-02-28",
            {
                "amount": "5000000.00",
                "currency": "VND",
                "months": "0.5",
                "basis": ONE_YEAR_BASIS,
            },
            "medium",
        ),
        (
            "a remainder of exactly 6 months counts as half a year",
            "2023-01-01",
            "2025-06-30",
            {
                "amount": "12500000.00",
                "currency": "VND",
                "months": "1.25",
                "basis": "2 years 6 months worked, none covered by unemployment insurance: 2 years 6 months "
                "counted, counted as 2.5 years × 0.5 × 10000000",
            },
            "medium",
        ),
        (
            "6 months and a day count as a year",
            "2023-01-01",
            "2025-07-01",
            {
                "amount": "15000000.00",
                "currency": "VND",
                "months": "1.5",
                "basis": "2 years 6 months 1 day worked, none covered by unemployment insurance: 2 years 6 "
                "months 1 day counted, counted as 3 years × 0.5 × 10000000",
            },
            "medium",
        ),
        (
            "ten odd days count as half a year",
            "2023-01-01",
            "2025-01-10",
            {
                "amount": "12500000.00",
                "currency": "VND",
                "months": "1.25",
                "basis": "2 years 10 days worked, none covered by unemployment insurance: 2 years 10 days "
                "counted, counted as 2.5 years × 0.5 × 10000000",
            },
            "medium",
        ),
    ],
)
def test_severance_allowance(
    label: str, start: str, end: str, severance: Case | None, confidence: str
) -> None:
    """Labor Code Art 46, Decree 145 Art 8: after 12 months or more of work, ½ month's wage per year
    counted; a remainder of up to 6 months counts as ½ year, a longer one as a year (RULES.md: recalled,
    medium). The notice conclusion is medium in every case (RULES.md §11).

    - 2025-01-01..2025-12-31 = 12 months → 1 × 0.5 × 10000000 = 5000000.00
    - 2025-01-02..2025-12-31 = 11 months 30 days < 12 → nothing owed (null)
    - 2024-02-29..2025-02-28 = 1 year (the anniversary of a leap day is 28 February) → 5000000.00
    - 2023-01-01..2025-06-30 = 2 years 6 months: the remainder is "up to 6 months" → 2.5 × 0.5 = 1.25 months
      → 12500000.00
    - 2023-01-01..2025-07-01 = 2 years 6 months 1 day → 3 × 0.5 = 1.5 months → 15000000.00
    - 2023-01-01..2025-01-10 = 2 years 10 days → 2.5 → 12500000.00
    """
    result = assess(vietnam_request(contracts=[contract(start, end)]))

    assert result["severance"] == severance, label
    assert result["confidence"] == confidence, label
    assert ("vn.lc.art46.under_12_months" in codes(result)) is (severance is None), label


@pytest.mark.parametrize(
    ("label", "insured", "severance", "code"),
    [
        (
            "insured for the last four of five years",
            [{"from": "2022-01-01", "to": "2025-12-31"}],
            {
                "amount": "5000000.00",
                "currency": "VND",
                "months": "0.5",
                "basis": "5 years worked, 4 years covered by unemployment insurance: 1 year counted × 0.5 × "
                "10000000",
            },
            "vn.lc.art46.severance_allowance",
        ),
        (
            "insured from before the hire and still insured",
            [{"from": "2019-06-01", "to": None}],
            {
                "amount": "0.00",
                "currency": "VND",
                "months": "0",
                "basis": "5 years worked, 5 years covered by unemployment insurance: none counted × 0.5 × "
                "10000000",
            },
            "vn.lc.art46.all_insured",
        ),
        (
            "two insured spells",
            [{"from": "2021-01-01", "to": "2021-12-31"}, {"from": "2024-01-01", "to": "2024-12-31"}],
            {
                "amount": "15000000.00",
                "currency": "VND",
                "months": "1.5",
                "basis": "5 years worked, 2 years covered by unemployment insurance: 3 years counted × 0.5 × "
                "10000000",
            },
            "vn.lc.art46.severance_allowance",
        ),
        (
            "insured periods not given",
            None,
            {
                "amount": None,
                "currency": "VND",
                "months": None,
                "basis": "5 years worked; time covered by unemployment insurance unknown",
            },
            "vn.lc.art46.insurance_unknown",
        ),
    ],
)
def test_unemployment_insurance_is_deducted(
    label: str, insured: list[Case] | None, severance: Case, code: str
) -> None:
    """Decree 145 Art 8: time covered by unemployment insurance is not counted.

    Work 2021-01-01..2025-12-31 = 5 years, wage 10000000:
    - insured 2022..2025 (4 years) → 1 year counted → 0.5 × 10000000 = 5000000.00
    - insured from 2019-06-01 with no end (still covered): all 5 years → a computed zero, 0.00 (not null)
    - insured 2021 and 2024 → 2022, 2023 and 2025 counted: three separate years, 36 months → 1.5 months →
      15000000.00
    - insured periods not given → cannot compute (amount null) rather than guess
    """
    facts = {} if insured is None else {"unemployment_insurance_periods": insured}
    request = vietnam_request(contracts=[contract("2021-01-01", "2025-12-31")], facts=facts)

    result = assess(request)

    assert result["severance"] == severance, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "action", "new_end_date", "expected", "code"),
    [
        (
            "first fixed term, renewed for another",
            TWO_FIXED_TERMS[1:],
            NO_INSURANCE,
            "renew_fixed_term",
            "2027-12-31",
            {"next_contract_must_be_open_ended": False, "renewal_as_proposed_lawful": True},
            "vn.lc.art20.first_fixed_term",
        ),
        (
            "second fixed term, renewed for a third",
            TWO_FIXED_TERMS,
            NO_INSURANCE,
            "renew_fixed_term",
            "2027-12-31",
            {"next_contract_must_be_open_ended": True, "renewal_as_proposed_lawful": False},
            "vn.lc.art20.fixed_term_renewal_not_allowed",
        ),
        (
            "second fixed term, not renewed",
            TWO_FIXED_TERMS,
            NO_INSURANCE,
            "not_renew",
            None,
            {"next_contract_must_be_open_ended": True, "non_renewal_lawful": True},
            "vn.lc.art20.next_must_be_indefinite",
        ),
        (
            "second fixed term, renewed indefinitely",
            TWO_FIXED_TERMS,
            NO_INSURANCE,
            "renew_open_ended",
            None,
            {"next_contract_must_be_open_ended": True, "renewal_as_proposed_lawful": True},
            "vn.lc.art25.no_new_probation",
        ),
        (
            "a third fixed term already signed",
            [contract("2020-01-01", "2021-12-31"), *TWO_FIXED_TERMS],
            NO_INSURANCE,
            "not_renew",
            None,
            {"non_renewal_lawful": None, "confidence": "medium"},
            "vn.lc.art20.too_many_fixed_terms",
        ),
        (
            "elderly worker from the day after expiry",
            TWO_FIXED_TERMS,
            {**NO_INSURANCE, "statutory_retirement_date": "2026-01-01"},
            "renew_fixed_term",
            "2027-12-31",
            {"next_contract_must_be_open_ended": False, "renewal_as_proposed_lawful": True},
            "vn.lc.art149.elderly_worker",
        ),
        (
            "retirement two days after expiry: not yet elderly",
            TWO_FIXED_TERMS,
            {**NO_INSURANCE, "statutory_retirement_date": "2026-01-02"},
            "renew_fixed_term",
            "2027-12-31",
            {"next_contract_must_be_open_ended": True, "renewal_as_proposed_lawful": False},
            "vn.lc.art20.fixed_term_renewal_not_allowed",
        ),
        (
            "foreign national",
            TWO_FIXED_TERMS,
            {**NO_INSURANCE, "foreign_national": True},
            "renew_fixed_term",
            "2027-12-31",
            {"next_contract_must_be_open_ended": False, "renewal_as_proposed_lawful": True},
            "vn.lc.art151.foreign_worker",
        ),
        (
            "first fixed term renewed for exactly 36 months",
            TWO_FIXED_TERMS[1:],
            NO_INSURANCE,
            "renew_fixed_term",
            "2028-12-31",
            {"renewal_as_proposed_lawful": True},
            "vn.lc.art20.renewal_lawful",
        ),
        (
            "first fixed term renewed for 36 months and a day",
            TWO_FIXED_TERMS[1:],
            NO_INSURANCE,
            "renew_fixed_term",
            "2029-01-01",
            {"renewal_as_proposed_lawful": False},
            "vn.lc.art20.proposed_term_over_limit",
        ),
    ],
)
def test_fixed_term_count_and_term(
    label: str,
    contracts: list[Case],
    facts: Case,
    action: str,
    new_end_date: str | None,
    expected: Case,
    code: str,
) -> None:
    """Labor Code Art 20: each fixed term at most 36 months; one further fixed term after the first, then
    indefinite; repeated fixed terms allowed for elderly (Art 149(1)) and foreign (Art 151(2)) workers.

    - 2024-01-01..2025-12-31 is the first fixed term: one more may follow
    - 2022-2023 and 2024-2025 are two in a row: a third fixed term is refused; not renewing stays lawful
    - three already signed: the third should have been indefinite → lawfulness of ending it unknown
    - statutory retirement 2026-01-01 = the first day of the next contract → elderly worker → allowed;
      2026-01-02 → not yet elderly when the next contract starts
    - a renewal from 2026-01-01 to 2028-12-31 = 36 months → within; to 2029-01-01 = 36 months 1 day → over
    """
    decision_date = None if action == "not_renew" else "2026-01-01"
    request = vietnam_request(
        contracts=contracts,
        facts=facts,
        action=action,
        decision_date=decision_date,
        new_end_date=new_end_date,
    )

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "facts", "expected", "code"),
    [
        (
            "30 days worked after expiry",
            {"continued_working_after_expiry_days": 30},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "vn.lc.art20.sign_within_30_days",
        ),
        (
            "31 days worked after expiry, no new contract",
            {"continued_working_after_expiry_days": 31},
            {
                "automatic_conversion": True,
                "non_renewal_lawful": False,
                "next_contract_must_be_open_ended": True,
            },
            "vn.lc.art20.continued_work_indefinite",
        ),
        (
            "31 days, then a new contract",
            {"continued_working_after_expiry_days": 31, "new_contract_signed": True},
            {"automatic_conversion": None, "non_renewal_lawful": None},
            "vn.lc.art20.contract_signed_late",
        ),
    ],
)
def test_work_continued_after_expiry(label: str, facts: Case, expected: Case, code: str) -> None:
    """Labor Code Art 20(2)(a)-(b): after expiry a new contract must be signed within 30 days; work for
    more than 30 days without one makes the fixed-term contract indefinite. Expiry 2025-12-31 → sign by
    2025-12-31 + 30 = 2026-01-30."""
    request = vietnam_request(contracts=TWO_FIXED_TERMS[1:], facts={**NO_INSURANCE, **facts})

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label
    if code == "vn.lc.art20.sign_within_30_days":
        found = next(item for item in result["findings"] if item["code"] == code)
        assert found["params"]["deadline"] == "2026-01-30"


@pytest.mark.parametrize(
    ("label", "statuses", "expected"),
    [
        (
            "in office from the day before expiry",
            [status("union_representative", "2025-12-30", "2027-06-30")],
            {
                "non_renewal_lawful": False,
                "contract_extended_until": "2027-06-30",
                "blocking_protections": [
                    {
                        "kind": "union_representative",
                        "effect": "contract extended to the end of the union term of office",
                        "citation": "Labor Code 2019 Art 177(4)",
                    }
                ],
                "confidence": "medium",
            },
        ),
        (
            "term of office ended the day before expiry",
            [status("union_representative", "2023-01-01", "2025-12-30")],
            {"non_renewal_lawful": True, "contract_extended_until": None, "blocking_protections": []},
        ),
        (
            "in office, end of term unknown",
            [status("union_representative", "2025-01-01", None)],
            {"non_renewal_lawful": False, "contract_extended_until": None},
        ),
    ],
)
def test_union_official_in_office_at_expiry(label: str, statuses: list[Case], expected: Case) -> None:
    """Labor Code Art 177(4): a union official's contract that expires (2025-12-31) during the term of
    office is extended to the end of that term; a term that ended on 2025-12-30 does not reach expiry."""
    request = vietnam_request(contracts=TWO_FIXED_TERMS[1:], statuses=statuses)

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert result["severance"]["amount"] == "10000000.00", label


@pytest.mark.parametrize(
    ("label", "statuses", "facts", "priority"),
    [
        ("pregnant from the day before expiry", [status("pregnant", "2025-12-30", None)], {}, True),
        ("child turns one the day after expiry", [], {"child_birth_date": "2025-01-01"}, True),
        ("child turned one on the expiry date", [], {"child_birth_date": "2024-12-31"}, False),
    ],
)
def test_priority_for_a_new_contract(label: str, statuses: list[Case], facts: Case, priority: bool) -> None:
    """Labor Code Art 137(3): pregnant at expiry, or raising a child under 12 months, gives priority for a
    new contract, not an extension. Expiry 2025-12-31: a child born 2025-01-01 is under 12 months until
    2025-12-31 (its first year ends that day); one born 2024-12-31 turned one on expiry."""
    request = vietnam_request(
        contracts=TWO_FIXED_TERMS[1:], statuses=statuses, facts={**NO_INSURANCE, **facts}
    )

    result = assess(request)

    assert ("vn.lc.art137.priority_for_new_contract" in codes(result)) is priority, label
    assert result["non_renewal_lawful"] is True, label
    assert result["contract_extended_until"] is None, label


@pytest.mark.parametrize(
    ("label", "facts", "field"),
    [
        (
            "not a list",
            {"unemployment_insurance_periods": "2022-2025"},
            "employee.facts.unemployment_insurance_periods",
        ),
        (
            "an item that is not an object",
            {"unemployment_insurance_periods": ["2022"]},
            "employee.facts.unemployment_insurance_periods[0]",
        ),
        (
            "an impossible date",
            {"unemployment_insurance_periods": [{"from": "2022-02-30", "to": None}]},
            "employee.facts.unemployment_insurance_periods[0].from",
        ),
        (
            "a missing start",
            {
                "unemployment_insurance_periods": [
                    {"from": "2022-01-01", "to": "2022-12-31"},
                    {"to": "2023-01-01"},
                ]
            },
            "employee.facts.unemployment_insurance_periods[1].from",
        ),
        (
            "an end before the start",
            {"unemployment_insurance_periods": [{"from": "2023-01-01", "to": "2022-12-31"}]},
            "employee.facts.unemployment_insurance_periods[0].to",
        ),
        ("a number for the reason", {**NO_INSURANCE, "reason_for_end": 5}, "employee.facts.reason_for_end"),
        (
            "text for a number of days",
            {**NO_INSURANCE, "continued_working_after_expiry_days": "31"},
            "employee.facts.continued_working_after_expiry_days",
        ),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, field: str) -> None:
    request = vietnam_request(contracts=TWO_FIXED_TERMS, facts=facts)

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert raised.value.field == field, label


def test_decision_before_the_2019_code_is_unsupported() -> None:
    """The pack covers decisions from 2021-01-01, when the Labor Code 2019 took effect."""
    result = assess(vietnam_request(contracts=[contract("2019-01-01", "2020-12-31")]))

    assert result["supported"] is False
    assert codes(result) == ["law.no_rule_pack_in_force"]


# --- Property: random valid histories ---------------------------------------------------------------------

STATUS_KINDS = ("foreign_worker", "union_representative", "pregnant", "re_employed_older_worker", "disabled")


def insured_periods(expiry: date) -> st.SearchStrategy[list[Case] | None]:
    """Up to three periods of unemployment insurance starting before expiry, some still running."""
    period = st.tuples(
        st.dates(min_value=date(2014, 1, 1), max_value=expiry),
        st.one_of(st.none(), st.integers(min_value=0, max_value=1500)),
    ).map(
        lambda drawn: {
            "from": drawn[0].isoformat(),
            "to": None if drawn[1] is None else (drawn[0] + timedelta(days=drawn[1])).isoformat(),
        }
    )
    return st.one_of(st.none(), st.lists(period, max_size=3))


VIETNAM_REQUESTS = requests(
    jurisdiction="VN",
    decided=(date(2015, 1, 1), date(2034, 12, 31)),
    contracts=4,
    contract_days=1300,
    gap_days=(0, 0, 0, 15, 120),
    statuses=STATUS_KINDS,
    renewal_days=30,
    pay={"currency": st.just("VND"), "monthly_wage": money(10**9, places=0)},
    facts={
        "unemployment_insurance_periods": insured_periods,
        "foreign_national": FLAGS,
        "new_contract_signed": FLAGS,
        "continued_working_after_expiry_days": st.one_of(st.none(), st.integers(min_value=0, max_value=60)),
        "statutory_retirement_date": days_from(-800, 800),
        "child_birth_date": days_from(-800, 800),
        "reason_for_end": st.sampled_from([None, "expiry", "redundancy", "misconduct"]),
    },
)


@settings(max_examples=300, deadline=None)
@given(VIETNAM_REQUESTS)
def test_random_histories_stay_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    assert result["supported"] is (request["decision"]["date"] >= "2021-01-01")
    if result["severance"] is not None and result["severance"]["months"] is not None:
        assert Decimal(result["severance"]["months"]) >= 0
