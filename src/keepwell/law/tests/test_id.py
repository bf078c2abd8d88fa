"""Indonesia pack: cases derived from RULES.md §0 and §18, with their arithmetic and citations written out.

Unless a case says otherwise: no region, a monthly wage (basic pay and fixed allowances) of 6000000 IDR, no
facts, and the decision is not to renew on the last contract's last day.
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


def indonesia_request(*, wage: str | None = "6000000", **options: Any) -> Case:
    """A SCHEMA.md request for Indonesia, built with the shared factory: rupiah, a monthly wage."""
    return china_request(jurisdiction="ID", currency="IDR", wage=wage, average=None, **options)


def _pick(result: Case, keys: Case) -> Case:
    return {key: result[key] for key in keys}


@pytest.mark.parametrize(
    ("label", "contracts", "expected", "code"),
    [
        (
            "exactly five years",
            [contract("2021-07-01", "2023-06-30"), contract("2023-07-01", "2026-06-30")],
            {
                "automatic_conversion": False,
                "next_contract_must_be_open_ended": True,
                "conversion_effective_date": None,
                "non_renewal_lawful": True,
            },
            "id.gr35.art8.at_limit",
        ),
        (
            "five years and a day",
            [contract("2021-07-01", "2023-06-30"), contract("2023-07-01", "2026-07-01")],
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-07-01",
                "non_renewal_lawful": False,
            },
            "id.gr35.art8.pkwtt_by_law",
        ),
        (
            "three contracts running into the sixth year",
            [
                contract("2021-07-01", "2023-06-30"),
                contract("2023-07-01", "2025-06-30"),
                contract("2025-07-01", "2026-12-31"),
            ],
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-07-01",
                "non_renewal_lawful": False,
            },
            "id.gr35.art8.pkwtt_by_law",
        ),
        (
            "five years ending on a leap day",
            [contract("2023-03-01", "2025-02-28"), contract("2025-03-01", "2028-02-29")],
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "id.gr35.art8.at_limit",
        ),
        (
            "five years and a day after a leap day",
            [contract("2023-03-01", "2025-02-28"), contract("2025-03-01", "2028-03-01")],
            {"automatic_conversion": True, "conversion_effective_date": "2028-03-01"},
            "id.gr35.art8.pkwtt_by_law",
        ),
        (
            "a month's gap is not counted",
            [contract("2021-07-01", "2023-06-30"), contract("2023-08-01", "2026-07-31")],
            {"automatic_conversion": False, "non_renewal_lawful": True, "confidence": "medium"},
            "id.gr35.art8.gap_between_contracts",
        ),
        (
            "within the limit",
            [contract("2024-01-01", "2025-12-31")],
            {
                "automatic_conversion": False,
                "next_contract_must_be_open_ended": False,
                "non_renewal_lawful": True,
            },
            "id.gr35.art8.within_limit",
        ),
    ],
)
def test_five_year_limit(label: str, contracts: list[Case], expected: Case, code: str) -> None:
    """GR 35/2021 Art 8, Manpower Law Art 59: a time-based PKWT with its extensions lasts at most 5 years;
    beyond that the worker is indefinite (PKWTT) by law, from the first day past 5 years.

    - 2021-07-01..2026-06-30 = 60 months: at the limit, not over → lawful expiry; any extension goes over
    - to 2026-07-01 = 60 months 1 day → PKWTT from 2026-07-01 (and so in the shared ID-02 case)
    - 2023-03-01..2028-02-29: the fifth anniversary period ends on the leap day → 60 months exactly;
      to 2028-03-01 → PKWTT from 2028-03-01
    - 2021-07-01..2023-06-30 (24 months) and 2023-08-01..2026-07-31 (36 months): the July 2023 gap is not
      counted → 60 months, not over (flagged: medium)
    - 2024-01-01..2025-12-31 = 24 months → within
    """
    result = assess(indonesia_request(contracts=contracts))

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label
    assert result["last_notice_date"] is None, label
    assert "id.notice.not_researched" in codes(result), label


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "wage", "severance"),
    [
        (
            "eighteen months",
            [contract("2025-01-01", "2026-06-30")],
            {},
            "6000000",
            {
                "amount": "9000000.00",
                "currency": "IDR",
                "months": "1.5",
                "basis": "18 months of service ÷ 12 × 6000000",
            },
        ),
        (
            "exactly one month",
            [contract("2026-06-01", "2026-06-30")],
            {},
            "6000000",
            {
                "amount": "500000.00",
                "currency": "IDR",
                "months": "0.0833",
                "basis": "1 month of service ÷ 12 × 6000000",
            },
        ),
        ("a day short of a month", [contract("2026-06-02", "2026-06-30")], {}, "6000000", None),
        (
            "seven months and fifteen days",
            [contract("2026-01-01", "2026-08-15")],
            {},
            "6000000",
            {
                "amount": "3500000.00",
                "currency": "IDR",
                "months": "0.5833",
                "basis": "7 months of service ÷ 12 × 6000000; 15 further days not counted",
            },
        ),
        (
            "only the current PKWT counts",
            [contract("2024-01-01", "2024-12-31"), contract("2025-01-01", "2025-12-31")],
            {},
            "6000000",
            {
                "amount": "6000000.00",
                "currency": "IDR",
                "months": "1",
                "basis": "12 months of service ÷ 12 × 6000000",
            },
        ),
        (
            "foreign worker",
            [contract("2025-01-01", "2026-06-30")],
            {"foreign_national": True},
            "6000000",
            None,
        ),
        (
            "wage unknown",
            [contract("2025-01-01", "2026-06-30")],
            {},
            None,
            {
                "amount": None,
                "currency": "IDR",
                "months": "1.5",
                "basis": "18 months of service ÷ 12 × monthly wage (unknown)",
            },
        ),
    ],
)
def test_compensation_at_the_end_of_a_pkwt(
    label: str, contracts: list[Case], facts: Case, wage: str | None, severance: Case | None
) -> None:
    """GR 35/2021 Arts 15-16: at the end of each PKWT, after at least 1 month of continuous service,
    months of service ÷ 12 × one month's wage; not for foreign workers.

    - 2025-01-01..2026-06-30 = 18 months → 18 ÷ 12 × 6000000 = 9000000.00 (1.5 months' wage)
    - 2026-06-01..2026-06-30 = 1 month exactly → 1 ÷ 12 × 6000000 = 500000.00 (0.08333… → 0.0833)
    - 2026-06-02..2026-06-30 = 29 days < 1 month → nothing owed (null)
    - 2026-01-01..2026-08-15 = 7 months 15 days → 7 ÷ 12 × 6000000 = 3500000.00; the 15 days are not
      counted (not settled: medium)
    - the 2024 PKWT was compensated at its own end; the 2025 one: 12 ÷ 12 × 6000000 = 6000000.00
    - a foreign worker gets nothing; an unknown wage leaves the amount null
    """
    result = assess(indonesia_request(contracts=contracts, facts=facts, wage=wage))

    assert result["severance"] == severance, label
    assert result["non_renewal_lawful"] is True, label


@pytest.mark.parametrize(
    ("label", "new_end_date", "expected", "codes_expected"),
    [
        (
            "extension up to exactly five years",
            "2026-06-30",
            {"renewal_as_proposed_lawful": True, "automatic_conversion": False},
            ["id.gr35.art8.renewal_within_limit", "id.gr35.art15.due_on_extension"],
        ),
        (
            "extension a day past five years",
            "2026-07-01",
            {
                "renewal_as_proposed_lawful": False,
                "automatic_conversion": True,
                "conversion_effective_date": "2026-07-01",
            },
            ["id.gr35.art8.renewal_exceeds_limit", "id.gr35.art15.due_on_extension"],
        ),
        (
            "extension with no end date",
            None,
            {"renewal_as_proposed_lawful": None},
            ["id.gr35.art8.renewal_end_unknown", "id.gr35.art15.due_on_extension"],
        ),
    ],
)
def test_extension(label: str, new_end_date: str | None, expected: Case, codes_expected: list[str]) -> None:
    """GR 35/2021 Art 8 and Art 15: an extension may take the PKWT to 5 years in total; compensation for the
    term that ends is due even though it is extended.

    History 2021-07-01..2024-06-30 (36 months); extension from 2024-07-01:
    - to 2026-06-30 (24 months) → 60 months → within
    - to 2026-07-01 → 60 months 1 day → PKWTT by law from 2026-07-01 → the extension as proposed fails
    - compensation for the 36-month PKWT: 36 ÷ 12 × 6000000 = 18000000.00 in every case
    """
    request = indonesia_request(
        contracts=[contract("2021-07-01", "2024-06-30")],
        action="renew_fixed_term",
        decision_date="2024-07-01",
        new_end_date=new_end_date,
    )

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert [code for code in codes(result) if code in codes_expected] == codes_expected, label
    assert result["severance"]["amount"] == "18000000.00", label
    assert "id.mk.no_probation_in_pkwt" in codes(result), label


@pytest.mark.parametrize(
    ("label", "end", "supported"),
    [("the day before GR 35/2021", "2021-02-01", False), ("its first day", "2021-02-02", True)],
)
def test_pack_starts_with_gr35(label: str, end: str, supported: bool) -> None:
    """The pack assesses decisions from 2021-02-02, when GR 35/2021 took effect."""
    result = assess(indonesia_request(contracts=[contract("2020-02-02", end)]))

    assert result["supported"] is supported, label
    if supported:
        assert "id.gr35.before_gr35" in codes(result), label
        assert result["severance"]["amount"] == "6000000.00", label


@pytest.mark.parametrize(
    ("label", "facts", "field"),
    [
        ("text for a yes/no fact", {"foreign_national": "yes"}, "employee.facts.foreign_national"),
        ("a number for a yes/no fact", {"foreign_national": 0}, "employee.facts.foreign_national"),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, field: str) -> None:
    request = indonesia_request(contracts=[contract("2025-01-01", "2026-06-30")], facts=facts)

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert raised.value.field == field, label


# --- Property: random valid histories ---------------------------------------------------------------------

INDONESIA_REQUESTS = requests(
    jurisdiction="ID",
    decided=(date(2017, 1, 1), date(2034, 12, 31)),
    contract_days=1300,
    gap_days=(0, 0, 0, 30, 200),
    statuses=("foreign_worker", "pregnant"),
    renewal_days=30,
    pay={"currency": st.just("IDR"), "monthly_wage": money(10**9, places=0)},
    facts={"foreign_national": FLAGS},
)


@settings(max_examples=300, deadline=None)
@given(INDONESIA_REQUESTS)
def test_random_histories_stay_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    assert result["supported"] is (request["decision"]["date"] >= "2021-02-02")
    assert result["last_notice_date"] is None
    if result["automatic_conversion"] is True:
        assert result["conversion_effective_date"] is not None
