"""India pack: cases derived from RULES.md §0, §14 and §20.10, each with its arithmetic written out.

Unless a case says otherwise: monthly wage 40000 INR, no statuses, and the decision is not to renew on the
last contract's last day. Gratuity = complete years × 15/26 × monthly wage (15 days' wages, a month of 26
working days), at most 2000000 (₹20 lakh), rounded half up to the paisa.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keepwell.law import InvalidRequest, assess
from keepwell.law.tests.factory import (
    assert_sound,
    china_request,
    codes,
    contract,
    money,
    requests,
    status,
)

Case = dict[str, Any]
NOT_APPLICABLE = (
    "next_contract_must_be_open_ended",
    "employee_may_request_open_ended",
    "automatic_conversion",
)


def in_request(
    *,
    contracts: list[Case] | None = None,
    wage: str | None = "40000",
    currency: str | None = "INR",
    **options: Any,
) -> Case:
    """The factory's SCHEMA.md request with Indian pay."""
    contracts = contracts or [contract("2026-01-01", "2026-10-31")]
    return china_request(
        jurisdiction="IN", contracts=contracts, currency=currency, wage=wage, average=None, **options
    )


@pytest.mark.parametrize(
    ("label", "start", "end", "amount", "part_year"),
    [
        ("example IN-02: ten months", "2026-01-01", "2026-10-31", None, False),
        ("a day short of a year", "2026-07-02", "2027-06-30", None, False),
        ("exactly one year", "2026-07-01", "2027-06-30", "23076.92", False),
        ("a year and a day", "2026-06-30", "2027-06-30", "23076.92", True),
        ("a year ending on a leap day", "2027-03-01", "2028-02-29", "23076.92", False),
        ("a year from a leap day", "2028-02-29", "2029-02-28", "23076.92", False),
        ("two years and three months", "2026-01-01", "2028-03-31", "46153.85", True),
    ],
)
def test_gratuity_after_one_year(
    label: str, start: str, end: str, amount: str | None, part_year: bool
) -> None:
    """IR Code (fixed term employment) with Code on Social Security s53: gratuity after 1 year of service.

    Service counted inclusively in anniversary years (RULES.md §0), wage 40000:
    - 2026-01-01..2026-10-31 = 10 months; 2026-07-02..2027-06-30 = 11 months 29 days → under a year:
      nothing owed → null (not 0.00)
    - 2026-07-01..2027-06-30 = exactly 1 year → 1 × 15/26 × 40000 = 23076.923 → 23076.92
    - 2026-06-30..2027-06-30 = 1 year 1 day → the same 23076.92; the extra day is a part year, whose
      pro-rata share is not settled (§20.10) → flagged, not counted
    - 2027-03-01..2028-02-29 and 2028-02-29..2029-02-28 = exactly 1 year each → 23076.92
    - 2026-01-01..2028-03-31 = 2 years 3 months → 2 × 15/26 × 40000 = 46153.846 → 46153.85, the 3 months
      flagged
    Not renewing is not retrenchment: lawful, no notice.
    """
    result = assess(in_request(contracts=[contract(start, end)]))

    assert (result["severance"] and result["severance"]["amount"]) == amount, label
    assert ("in.ssc.s53.under_one_year" in codes(result)) is (amount is None), label
    assert ("in.ssc.s53.part_year_unsettled" in codes(result)) is part_year, label
    assert (result["non_renewal_lawful"], result["last_notice_date"]) == (True, None), label
    assert {key: result[key] for key in NOT_APPLICABLE} == dict.fromkeys(NOT_APPLICABLE), label


@pytest.mark.parametrize(
    ("label", "wage", "amount", "basis"),
    [
        (
            "under the ceiling",
            "192592.59",
            "1999999.97",
            "18 complete years × 15/26 × 192592.59 = 1999999.97; under the ceiling 2000000",
        ),
        (
            "rounds to the ceiling exactly",
            "192592.5925",
            "2000000.00",
            "18 complete years × 15/26 × 192592.5925 = 2000000.00; at the ceiling 2000000",
        ),
        (
            "a paisa over the ceiling",
            "192592.60",
            "2000000.00",
            "18 complete years × 15/26 × 192592.6 = 2000000.08, capped at the ceiling 2000000",
        ),
    ],
)
def test_gratuity_ceiling(label: str, wage: str, amount: str, basis: str) -> None:
    """Gratuity ceiling ₹20 lakh = 2000000 (the Payment of Gratuity Act figure; medium).

    18 years (2008-07-01..2026-06-30): 18 × 15/26 = 270/26 of the monthly wage:
    - 192592.59 × 270/26 = 1999999.97 → under the ceiling
    - 192592.5925 × 270/26 = 1999999.999 → rounds to 2000000.00, exactly the ceiling (not above it)
    - 192592.60 × 270/26 = 2000000.08 → capped to 2000000.00
    """
    result = assess(in_request(contracts=[contract("2008-07-01", "2026-06-30")], wage=wage))

    assert result["severance"] == {"amount": amount, "currency": "INR", "months": None, "basis": basis}, label
    assert ("in.ssc.s53.ceiling_reached" in codes(result)) is (label == "a paisa over the ceiling"), label


@pytest.mark.parametrize(
    ("label", "wage", "currency", "basis"),
    [
        ("wage unknown", None, "INR", "1 complete year × 15/26 × monthly wage (unknown), at most 2000000"),
        (
            "pay in another currency",
            "40000",
            "USD",
            "1 complete year × 15/26 × monthly wage, but pay is given in USD and the ceiling in INR",
        ),
    ],
)
def test_gratuity_amount_not_computed(label: str, wage: str | None, currency: str, basis: str) -> None:
    """One year of service owes gratuity, but without the wage, or with pay in a currency the ceiling is not
    tabled in, the amount is null (owed, not computed) and a finding says why."""
    request = in_request(contracts=[contract("2026-07-01", "2027-06-30")], wage=wage, currency=currency)

    result = assess(request)

    assert result["severance"] == {"amount": None, "currency": currency, "months": None, "basis": basis}, (
        label
    )
    assert "in.ssc.s53.gratuity_not_computed" in codes(result), label


@pytest.mark.parametrize(
    ("label", "contracts", "action", "flagged", "confidence"),
    [
        ("a single contract", [contract("2026-01-01", "2026-12-31")], "not_renew", False, "medium"),
        (
            "second fixed term in a row",
            [contract("2026-01-01", "2026-06-30"), contract("2026-07-01", "2026-12-31")],
            "not_renew",
            True,
            "low",
        ),
        (
            "renewing a single contract on a fixed term",
            [contract("2026-01-01", "2026-12-31")],
            "renew_fixed_term",
            True,
            "low",
        ),
        ("renewing permanently", [contract("2026-01-01", "2026-12-31")], "renew_open_ended", False, "medium"),
    ],
)
def test_chains_of_fixed_terms_are_flagged(
    label: str, contracts: list[Case], action: str, flagged: bool, confidence: str
) -> None:
    """No statutory cap, so any renewal is lawful; but standing orders and courts may treat a chain of fixed
    terms used to deny permanent status as unfair (low, not researched): two or more in a row are flagged."""
    decision_date = "2027-01-01" if action != "not_renew" else None
    new_end = "2027-12-31" if action == "renew_fixed_term" else None
    request = in_request(
        contracts=contracts, action=action, decision_date=decision_date, new_end_date=new_end
    )

    result = assess(request)

    assert ("in.standing_orders.chain_of_fixed_terms" in codes(result)) is flagged, label
    assert result["confidence"] == confidence, label
    if action != "not_renew":
        assert (result["renewal_as_proposed_lawful"], result["automatic_conversion"]) == (True, None), label


@pytest.mark.parametrize(
    ("label", "statuses", "lawful", "confidence"),
    [
        (
            "maternity leave from the day before expiry",
            [status("maternity_leave", "2026-10-30", None)],
            None,
            "low",
        ),
        (
            "pregnancy ended the day before expiry",
            [status("pregnant", "2026-03-01", "2026-10-30")],
            True,
            "medium",
        ),
        ("a status the pack does not use", [status("disabled")], True, "medium"),
    ],
)
def test_maternity_at_expiry_is_unclear(
    label: str, statuses: list[Case], lawful: bool | None, confidence: str
) -> None:
    """Maternity rules bar dismissal during maternity absence; whether they stop an expiry is unclear (low),
    so a maternity status on the expiry date 2026-10-31 leaves lawfulness null."""
    result = assess(in_request(statuses=statuses))

    assert (result["non_renewal_lawful"], result["confidence"]) == (lawful, confidence), label
    assert result["blocking_protections"] == [], label


@pytest.mark.parametrize(
    ("label", "end", "supported"),
    [("the day before the Labour Codes", "2025-11-20", False), ("their first day", "2025-11-21", True)],
)
def test_pack_starts_with_the_labour_codes(label: str, end: str, supported: bool) -> None:
    """The Labour Codes took effect on 2025-11-21; earlier decisions (the old Acts) are not assessed."""
    result = assess(in_request(contracts=[contract("2025-01-01", end)]))

    assert result["supported"] is supported, label


def test_states_are_not_covered_and_bad_wages_name_the_field() -> None:
    """No state rules in RULES.md §14: a state gets the region_not_covered finding. A wage written with a
    thousands separator is refused with its JSON path."""
    result = assess(in_request(region="Maharashtra"))
    request = in_request(wage="40,000")

    assert codes(result)[0] == "law.region_not_covered"
    with pytest.raises(InvalidRequest) as raised:
        assess(request)
    assert raised.value.field == "employee.pay.monthly_wage"


# --- Properties -------------------------------------------------------------------------------------------

INDIA_REQUESTS = requests(
    jurisdiction="IN",
    decided=(date(1995, 1, 1), date(2045, 12, 31)),
    contracts=4,
    contract_days=4000,
    gap_days=(0, 1, 30, 100),
    regions=(None, "Maharashtra"),
    statuses=("maternity_leave",),
    pay={"currency": st.sampled_from([None, "INR", "USD"]), "monthly_wage": money(2_000_000, places=4)},
)


@settings(max_examples=200, deadline=None)
@given(INDIA_REQUESTS)
def test_assess_never_raises_and_stays_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    amount = result["severance"] and result["severance"]["amount"]
    if amount is not None:
        assert Decimal(0) <= Decimal(amount) <= Decimal(2_000_000)
    if not result["supported"]:
        assert (result["severance"], result["non_renewal_lawful"]) == (None, None)
