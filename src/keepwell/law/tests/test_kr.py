"""South Korea pack: cases derived from RULES.md §0 and §4, each with its arithmetic and citation written out.

Unless a case says otherwise: no region, a workplace of 40 employees, an average daily wage of 150000 KRW,
no facts, and the decision is not to renew on the last contract's last day.
"""

from __future__ import annotations

from datetime import date
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
    money,
    requests,
)

Case = dict[str, Any]

TWO_YEARS = [contract("2024-03-01", "2025-02-28"), contract("2025-03-01", "2026-02-28")]


def korea_request(*, daily_wage: str | None = "150000", headcount: int | None = 40, **options: Any) -> Case:
    """A SCHEMA.md request for South Korea, built with the shared factory: won, an average daily wage."""
    return china_request(
        jurisdiction="KR",
        currency="KRW",
        wage=None,
        pay={"daily_wage": daily_wage},
        average=None,
        headcount=headcount,
        **options,
    )


def _pick(result: Case, keys: Case) -> Case:
    return {key: result[key] for key in keys}


@pytest.mark.parametrize(
    ("label", "contracts", "hire_date", "daily_wage", "severance"),
    [
        (
            "exactly one year",
            [contract("2025-03-01", "2026-02-28")],
            None,
            "150000",
            {
                "amount": "4500000.00",
                "currency": "KRW",
                "months": None,
                "basis": "150000 average daily wage × 30 days × 365 days of service ÷ 365 days",
            },
        ),
        ("a day short of a year", [contract("2025-03-02", "2026-02-28")], None, "150000", None),
        (
            "hired on a leap day: 365 days, still short of a year",
            [contract("2024-02-29", "2025-02-27")],
            None,
            "150000",
            None,
        ),
        (
            "hired on a leap day: a year ends on 28 February",
            [contract("2024-02-29", "2025-02-28")],
            None,
            "150000",
            {
                "amount": "4512328.77",
                "currency": "KRW",
                "months": None,
                "basis": "150000 average daily wage × 30 days × 366 days of service ÷ 365 days",
            },
        ),
        (
            "a year that includes 29 February",
            [contract("2023-03-01", "2024-02-29")],
            None,
            "150000",
            {
                "amount": "4512328.77",
                "currency": "KRW",
                "months": None,
                "basis": "150000 average daily wage × 30 days × 366 days of service ÷ 365 days",
            },
        ),
        (
            "employment before the first written contract counts",
            TWO_YEARS,
            "2024-01-01",
            "150000",
            {
                "amount": "9739726.03",
                "currency": "KRW",
                "months": None,
                "basis": "150000 average daily wage × 30 days × 790 days of service ÷ 365 days",
            },
        ),
        (
            "average daily wage unknown",
            TWO_YEARS,
            None,
            None,
            {
                "amount": None,
                "currency": "KRW",
                "months": None,
                "basis": "average daily wage (unknown) × 30 days × 730 days of service ÷ 365 days",
            },
        ),
    ],
)
def test_retirement_allowance(
    label: str, contracts: list[Case], hire_date: str | None, daily_wage: str | None, severance: Case | None
) -> None:
    """ERBSA Arts 4, 8: after at least 1 year of service (anniversary years, RULES.md §0), average daily
    wage × 30 × days of service ÷ 365, on any exit including expiry.

    - 2025-03-01..2026-02-28 = exactly 1 year, 365 days → 150000 × 30 × 365 ÷ 365 = 4500000.00
    - 2025-03-02..2026-02-28 = 11 months 27 days → nothing owed (null)
    - 2024-02-29..2025-02-27 = 365 days, but the first year ends on 2025-02-28 → nothing owed
    - 2024-02-29..2025-02-28 = 1 year, 366 days → 4500000 × 366 ÷ 365 = 4512328.767… → 4512328.77
    - 2023-03-01..2024-02-29 = 1 year, 366 days → 4512328.77
    - hired 2024-01-01, contracts from 2024-03-01 to 2026-02-28: 31 + 29 = 60 days before the contract +
      730 = 790 days → 4500000 × 790 ÷ 365 = 9739726.027… → 9739726.03
    - daily wage unknown: 730 days known, amount null
    """
    request = korea_request(contracts=contracts, hire_date=hire_date, daily_wage=daily_wage)

    result = assess(request)

    assert result["severance"] == severance, label
    assert ("kr.erbsa.art4.under_one_year" in codes(result)) is (severance is None), label


@pytest.mark.parametrize(
    ("label", "contracts", "overrides", "expected", "code"),
    [
        (
            "exactly two years",
            TWO_YEARS,
            {},
            {
                "automatic_conversion": False,
                "next_contract_must_be_open_ended": True,
                "conversion_effective_date": None,
                "non_renewal_lawful": True,
            },
            "kr.fta.art4.at_limit",
        ),
        (
            "two years and a day",
            [contract("2024-03-01", "2025-02-28"), contract("2025-03-01", "2026-03-01")],
            {},
            {
                "automatic_conversion": True,
                "next_contract_must_be_open_ended": True,
                "conversion_effective_date": "2026-03-01",
                "non_renewal_lawful": False,
            },
            "kr.fta.art4.deemed_indefinite",
        ),
        (
            "two years from a leap day end on 28 February",
            [contract("2024-02-29", "2026-02-28")],
            {},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "kr.fta.art4.at_limit",
        ),
        (
            "aged 55 on the first day of the contract that runs past the limit",
            [contract("2024-03-01", "2025-02-28"), contract("2025-03-01", "2026-03-01")],
            {"birth_date": "1970-03-01"},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "kr.fta.art4.aged_exception",
        ),
        (
            "aged 54 on that day",
            [contract("2024-03-01", "2025-02-28"), contract("2025-03-01", "2026-03-01")],
            {"birth_date": "1970-03-02"},
            {"automatic_conversion": True, "non_renewal_lawful": False},
            "kr.fta.art4.deemed_indefinite",
        ),
        (
            "workplace of four",
            [contract("2024-03-01", "2025-02-28"), contract("2025-03-01", "2026-03-01")],
            {"headcount": 4},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "kr.fta.art3.small_workplace",
        ),
        (
            "workplace of five",
            [contract("2024-03-01", "2025-02-28"), contract("2025-03-01", "2026-03-01")],
            {"headcount": 5},
            {"automatic_conversion": True, "non_renewal_lawful": False},
            "kr.fta.art4.deemed_indefinite",
        ),
        (
            "headcount unknown",
            [contract("2024-03-01", "2025-02-28"), contract("2025-03-01", "2026-03-01")],
            {"headcount": None},
            {"automatic_conversion": None, "conversion_effective_date": None, "non_renewal_lawful": None},
            "kr.fta.art3.headcount_unknown",
        ),
        (
            "replacing an absent worker",
            [contract("2024-03-01", "2025-02-28"), contract("2025-03-01", "2026-03-01")],
            {"facts": {"substitution_contract": True}},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "kr.fta.art4.substitution_exception",
        ),
        (
            "a stated reason to check",
            [
                contract("2024-03-01", "2025-02-28"),
                {
                    **contract("2025-03-01", "2026-03-01"),
                    "objective_reason": "research project ending 2026-03",
                },
            ],
            {},
            {"automatic_conversion": None, "non_renewal_lawful": None},
            "kr.fta.art4.stated_reason",
        ),
        (
            "a month's gap is bridged but not counted",
            [contract("2024-03-01", "2025-02-28"), contract("2025-04-01", "2026-03-31")],
            {},
            {"automatic_conversion": False, "non_renewal_lawful": True, "confidence": "medium"},
            "kr.fta.art4.gap_between_contracts",
        ),
        (
            "a month's gap, then a day over",
            [contract("2024-03-01", "2025-02-28"), contract("2025-04-01", "2026-04-01")],
            {},
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-04-01",
                "non_renewal_lawful": False,
            },
            "kr.fta.art4.deemed_indefinite",
        ),
    ],
)
def test_two_year_limit(
    label: str, contracts: list[Case], overrides: Case, expected: Case, code: str
) -> None:
    """Fixed-Term Act Art 3-4: in workplaces of 5 or more, fixed-term employment beyond 2 years without an
    Art 4(1) exception is deemed indefinite automatically, from the first day past 2 years.

    - 2024-03-01..2026-02-28 = 24 months exactly: not beyond → lawful expiry; any renewal would convert
    - to 2026-03-01 = 24 months 1 day → indefinite from 2026-03-01, so "not renewing" is a dismissal
    - 2024-02-29..2026-02-28: the second anniversary of a leap day is 2026-02-28 → exactly 24 months
    - born 1970-03-01 → 55 on 2025-03-01, when the contract running past the limit starts → exception;
      born 1970-03-02 → still 54 that day → converts
    - 4 employees < 5 → Art 3 excludes the workplace; 5 → the limit applies; unknown → cannot tell
    - substitution for an absent worker → exception; a free-text reason → to be checked (unknown)
    - 2024-03-01..2025-02-28 (12 months) and 2025-04-01..2026-03-31 (12 months): the 31-day gap is bridged
      (2004Da29736) but not counted → 24 months, not beyond; ending 2026-04-01 instead → 24 months 1 day,
      beyond from 2026-04-01
    """
    kwargs: Case = {"contracts": contracts}
    kwargs.update(overrides)
    result = assess(korea_request(**kwargs))

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label
    assert result["last_notice_date"] is None, label


@pytest.mark.parametrize(
    ("label", "contracts", "new_end_date", "expected", "code"),
    [
        (
            "renewal at the two-year mark",
            TWO_YEARS,
            "2027-02-28",
            {
                "renewal_as_proposed_lawful": False,
                "automatic_conversion": True,
                "conversion_effective_date": "2026-03-01",
                "next_contract_must_be_open_ended": True,
            },
            "kr.fta.art4.renewal_exceeds_limit",
        ),
        (
            "renewal up to exactly two years",
            TWO_YEARS[1:],
            "2027-02-28",
            {"renewal_as_proposed_lawful": True, "automatic_conversion": False},
            "kr.fta.art4.renewal_within_limit",
        ),
        (
            "renewal a day past two years",
            TWO_YEARS[1:],
            "2027-03-01",
            {
                "renewal_as_proposed_lawful": False,
                "automatic_conversion": True,
                "conversion_effective_date": "2027-03-01",
            },
            "kr.fta.art4.renewal_exceeds_limit",
        ),
        (
            "renewal with no end date after one year",
            TWO_YEARS[1:],
            None,
            {"renewal_as_proposed_lawful": None, "automatic_conversion": None},
            "kr.fta.art4.renewal_end_unknown",
        ),
    ],
)
def test_renewal_against_the_two_year_limit(
    label: str, contracts: list[Case], new_end_date: str | None, expected: Case, code: str
) -> None:
    """Fixed-Term Act Art 4(2): a renewal that runs past 2 years in total leaves the fixed term without
    effect from the first day beyond the limit.

    - 24 months already at 2026-02-28: a renewal from 2026-03-01 is beyond on its first day
    - 12 months (2025-03-01..2026-02-28) + 2026-03-01..2027-02-28 (12 months) = 24 months: within
    - + 2026-03-01..2027-03-01 = 24 months 1 day: beyond from 2027-03-01
    - no end date after 12 months: cannot tell
    """
    request = korea_request(
        contracts=contracts, action="renew_fixed_term", decision_date="2026-03-01", new_end_date=new_end_date
    )

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label
    assert result["severance"] is None, label


@pytest.mark.parametrize(
    ("label", "facts", "lawful", "code"),
    [
        (
            "renewal criteria in the contract",
            {"renewal_criteria_clause": True},
            None,
            "kr.expectation.renewal_expected",
        ),
        ("no renewal criteria", {"renewal_criteria_clause": False}, True, "kr.expectation.none_recorded"),
        ("nothing recorded", {}, True, "kr.expectation.none_recorded"),
    ],
)
def test_renewal_expectation(label: str, facts: Case, lawful: bool | None, code: str) -> None:
    """Supreme Court 2012Da18090, 2019Du45647: where the contract promises renewal on criteria, refusal
    without reasonable grounds (the employer's burden) is void, so lawfulness turns on the grounds.
    One year 2025-03-01..2026-02-28 (within the limit); the allowance is still 4500000.00 on any exit."""
    request = korea_request(contracts=TWO_YEARS[1:], facts=facts)

    result = assess(request)

    assert result["non_renewal_lawful"] is lawful, label
    assert code in codes(result), label
    assert result["severance"]["amount"] == "4500000.00", label


@pytest.mark.parametrize(
    ("label", "overrides", "field"),
    [
        (
            "text for a yes/no fact",
            {"facts": {"renewal_criteria_clause": "yes"}},
            "employee.facts.renewal_criteria_clause",
        ),
        (
            "number for a text fact",
            {"facts": {"proposed_contract_objective_reason": 42}},
            "employee.facts.proposed_contract_objective_reason",
        ),
        (
            "text for a yes/no exception",
            {"facts": {"substitution_contract": "true"}},
            "employee.facts.substitution_contract",
        ),
    ],
)
def test_invalid_facts_name_the_field(label: str, overrides: Case, field: str) -> None:
    """Two years exactly (TWO_YEARS): the pack reads the exception and reason facts for the next contract."""
    with pytest.raises(InvalidRequest) as raised:
        assess(korea_request(contracts=TWO_YEARS, **overrides))

    assert raised.value.field == field, label


def test_invalid_headcount_names_the_field() -> None:
    request = korea_request(contracts=TWO_YEARS)
    request["employee"]["workplace_headcount"] = "forty"

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert raised.value.field == "employee.workplace_headcount"


def test_decision_before_the_pack_is_unsupported() -> None:
    """The pack covers decisions from 2013-01-01; one dated 2012-12-31 gets no conclusions."""
    result = assess(korea_request(contracts=[contract("2011-01-01", "2012-12-31")]))

    assert result["supported"] is False
    assert codes(result) == ["law.no_rule_pack_in_force"]


# --- Property: random valid histories ---------------------------------------------------------------------

KOREA_REQUESTS = requests(
    jurisdiction="KR",
    decided=(date(2010, 1, 1), date(2034, 12, 31)),
    contract_days=1200,
    gap_days=(0, 0, 0, 10, 45, 200),
    reasons=(None, None, "project"),
    statuses=("aged_55_plus", "pregnant"),
    birth_date=True,
    renewal_days=30,
    pay={"currency": st.just("KRW"), "daily_wage": money(10**7)},
    employee={"workplace_headcount": st.one_of(st.none(), st.integers(min_value=0, max_value=300))},
    facts={
        "renewal_criteria_clause": FLAGS,
        "substitution_contract": FLAGS,
        "proposed_contract_objective_reason": st.sampled_from([None, "replacing a worker on leave"]),
    },
)


@settings(max_examples=300, deadline=None)
@given(KOREA_REQUESTS)
def test_random_histories_stay_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    assert result["supported"] is (request["decision"]["date"] >= "2013-01-01")
    conversion = result["conversion_effective_date"]
    assert conversion is None or result["automatic_conversion"] is True
