"""Singapore pack: cases derived from RULES.md §0 and §15, with their arithmetic and citations written out.

Unless a case says otherwise: no region, a monthly wage of 5000 SGD (never needed: nothing is owed by
statute), no facts, and the decision is not to renew on the last contract's last day.
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
    requests,
    status,
)

Case = dict[str, Any]

ELIGIBLE = {"foreign_national": False, "satisfactory_performance": True, "medically_fit": True}


def singapore_request(**options: Any) -> Case:
    """A SCHEMA.md request for Singapore, built with the shared factory: Singapore dollars."""
    return china_request(jurisdiction="SG", currency="SGD", wage="5000", average=None, **options)


def _finding(result: Case, code: str) -> Case:
    return next(item for item in result["findings"] if item["code"] == code)


@pytest.mark.parametrize(
    ("label", "contracts", "birth_date", "facts", "offer", "lawful", "code"),
    [
        (
            "63 at expiry, eligible, no offer",
            [contract("2015-01-01", "2026-06-30")],
            "1963-06-01",
            ELIGIBLE,
            "none",
            None,
            "sg.rra.offer_reemployment",
        ),
        (
            "63 at expiry the day the retirement age becomes 64",
            [contract("2015-01-01", "2026-06-30"), contract("2026-07-01", "2026-07-01")],
            "1963-06-01",
            ELIGIBLE,
            "none",
            True,
            "sg.ea.term_contract_ends",
        ),
        (
            "eligible, re-employment offered and declined",
            [contract("2015-01-01", "2026-06-30")],
            "1963-06-01",
            {**ELIGIBLE, "employee_refused_offer": True},
            "same_or_better",
            True,
            "sg.rra.offer_declined",
        ),
        (
            "performance not satisfactory",
            [contract("2015-01-01", "2026-06-30")],
            "1963-06-01",
            {**ELIGIBLE, "satisfactory_performance": False},
            "none",
            True,
            "sg.rra.not_eligible",
        ),
        (
            "medical fitness not recorded",
            [contract("2015-01-01", "2026-06-30")],
            "1963-06-01",
            {"foreign_national": False, "satisfactory_performance": True},
            "none",
            None,
            "sg.rra.eligibility_unknown",
        ),
        (
            "exactly 2 years' service before turning 63",
            [contract("2024-06-01", "2026-06-30")],
            "1963-06-01",
            ELIGIBLE,
            "none",
            None,
            "sg.rra.offer_reemployment",
        ),
        (
            "a day short of 2 years' service before turning 63",
            [contract("2024-06-02", "2026-06-30")],
            "1963-06-01",
            ELIGIBLE,
            "none",
            True,
            "sg.rra.not_eligible",
        ),
        (
            "born on 29 February: still 62 on 28 February",
            [contract("2015-01-01", "2023-02-28")],
            "1960-02-29",
            ELIGIBLE,
            "none",
            True,
            "sg.ea.term_contract_ends",
        ),
        (
            "born on 29 February: 63 on 1 March",
            [contract("2015-01-01", "2023-03-01")],
            "1960-02-29",
            ELIGIBLE,
            "none",
            None,
            "sg.rra.offer_reemployment",
        ),
        (
            "68 at expiry",
            [contract("2015-01-01", "2026-06-30")],
            "1958-06-30",
            ELIGIBLE,
            "none",
            True,
            "sg.rra.beyond_reemployment_age",
        ),
    ],
)
def test_reemployment_of_older_workers(
    label: str,
    contracts: list[Case],
    birth_date: str,
    facts: Case,
    offer: str,
    lawful: bool | None,
    code: str,
) -> None:
    """Retirement and Re-employment Act: retirement age 63 and re-employment age 68, rising to 64 and 69
    on 2026-07-01; eligible employees (citizens or PRs, 2 years' service before the retirement age,
    satisfactory performance, medically fit) must be offered re-employment or an Employment Assistance
    Payment, so ending the contract without either is not known to be lawful.

    - born 1963-06-01: 63 on expiry 2026-06-30 (ages 63/68 in force) → duty; discuss by 2026-06-30 − 6
      months = 2025-12-30, offer by − 3 months = 2026-03-30
    - the same person at expiry 2026-07-01: the retirement age is 64 that day, and she is 63 → no duty
    - an offer declined → lawful; performance not satisfactory → not eligible; fitness unknown → unknown
    - hired 2024-06-01: 2024-06-01..2026-05-31 (the day before turning 63) = 24 months → eligible;
      hired 2024-06-02 → 23 months 30 days → not eligible
    - born 1960-02-29: on 2023-02-28 still 62 (the birthday falls on 1 March in a common year) → no duty;
      on 2023-03-01 → 63 → duty
    - born 1958-06-30: 68 on 2026-06-30 → at the re-employment age, no duty
    """
    request = singapore_request(contracts=contracts, birth_date=birth_date, facts=facts, offer=offer)

    result = assess(request)

    assert result["non_renewal_lawful"] is lawful, label
    assert code in codes(result), label
    assert (result["severance"], result["last_notice_date"]) == (None, None), label
    if code == "sg.rra.offer_reemployment" and contracts[-1]["end"] == "2026-06-30":
        params = _finding(result, code)["params"]
        assert (params["discuss_by"], params["offer_by"], params["reemployment_age"]) == (
            "2025-12-30",
            "2026-03-30",
            68,
        )


@pytest.mark.parametrize(
    ("label", "contracts", "notice_days", "recommended"),
    [
        ("26 weeks less a day", [contract("2026-01-01", "2026-06-30")], 1, "2026-06-29"),
        ("exactly 26 weeks", [contract("2026-01-01", "2026-07-01")], 7, "2026-06-24"),
        ("a day short of 2 years", [contract("2024-07-02", "2026-06-30")], 7, "2026-06-23"),
        ("exactly 2 years", [contract("2024-07-01", "2026-06-30")], 14, "2026-06-16"),
        ("exactly 5 years", [contract("2021-07-01", "2026-06-30")], 28, "2026-06-02"),
        (
            "renewed after exactly a month: continuous",
            [contract("2024-01-01", "2025-06-30"), contract("2025-08-01", "2026-07-31")],
            14,
            "2026-07-17",
        ),
        (
            "renewed after a month and a day: service restarts",
            [contract("2024-01-01", "2025-06-30"), contract("2025-08-02", "2026-08-01")],
            7,
            "2026-07-25",
        ),
        (
            "two years through a leap day",
            [contract("2022-03-01", "2023-02-28"), contract("2023-03-01", "2024-02-29")],
            14,
            "2024-02-15",
        ),
    ],
)
def test_guideline_notice_of_non_renewal(
    label: str, contracts: list[Case], notice_days: int, recommended: str
) -> None:
    """Tripartite Guidelines on term contracts: no statutory notice (last_notice_date null), but advance
    notice by cumulative service: 1 day under 26 weeks, 1 week to under 2 years, 2 weeks to under 5 years,
    4 weeks from 5 years; contracts of 14 days or more renewed within a month are continuous.

    - 2026-01-01..06-30 = 181 days < 182 (26 weeks) → 1 day → by 06-29; ..07-01 = 182 days → 7 days → 06-24
    - 2024-07-02..2026-06-30 = 23 months 29 days → 7 days; 2024-07-01..2026-06-30 = 24 months → 14 days
    - 2021-07-01..2026-06-30 = 60 months → 28 days → 2026-06-02
    - 18 months, a gap of July 2025 (exactly one month), 12 months → continuous, 30 months → 14 days; a gap
      of a month and a day → only the 12-month contract counts → 7 days
    - 2022-03-01..2024-02-29, the second year ending on the leap day → 24 months → 14 days → 2024-02-15
    """
    result = assess(singapore_request(contracts=contracts))

    params = _finding(result, "sg.tripartite.notice_of_non_renewal")["params"]
    assert (params["notice_days"], params["recommended"]) == (notice_days, recommended), label
    assert result["last_notice_date"] is None, label
    assert result["non_renewal_lawful"] is True, label


@pytest.mark.parametrize(
    ("label", "contracts", "benefit_code", "notified"),
    [
        (
            "three years' service, a 12-month contract",
            [contract("2023-07-01", "2025-06-30"), contract("2025-07-01", "2026-06-30")],
            "sg.retrenchment.benefit_by_guideline",
            True,
        ),
        (
            "a contract of exactly 6 months",
            [contract("2026-01-01", "2026-06-30")],
            "sg.retrenchment.short_service",
            True,
        ),
        (
            "a contract a day short of 6 months",
            [contract("2026-01-02", "2026-06-30")],
            "sg.retrenchment.short_service",
            False,
        ),
    ],
)
def test_non_renewal_for_redundancy_is_a_retrenchment(
    label: str, contracts: list[Case], benefit_code: str, notified: bool
) -> None:
    """MOM guidance: not renewing because of redundancy is a retrenchment. Benefits come from guidelines
    (norm for 2+ years' service, not verified: not computed, severance stays null); MOM must be notified
    for term contracts of 6 months or more.

    - 2023-07-01..2026-06-30 = 3 years ≥ 2 → the benefit norm applies; the current term is 12 months → notify
    - 2026-01-01..06-30 = 6 months → notify; 2026-01-02..06-30 = 5 months 29 days → no notification
    """
    request = singapore_request(contracts=contracts, facts={"reason_for_end": "redundancy"})

    result = assess(request)

    assert benefit_code in codes(result), label
    assert ("sg.retrenchment.notify_mom" in codes(result)) is notified, label
    assert result["severance"] is None, label
    assert result["non_renewal_lawful"] is True, label


@pytest.mark.parametrize(
    ("label", "contracts", "statuses", "facts", "lawful", "expected_codes"),
    [
        (
            "pregnant from the day before expiry, no reason recorded",
            [contract("2025-07-01", "2026-06-30")],
            [status("pregnant", "2026-06-29", None)],
            {},
            None,
            ["sg.ea.maternity_reason_unknown"],
        ),
        (
            "pregnant, not renewed for performance",
            [contract("2025-07-01", "2026-06-30")],
            [status("pregnant", "2026-06-29", None)],
            {"reason_for_end": "performance"},
            True,
            ["sg.ea.maternity_keep_evidence"],
        ),
        (
            "pregnant, retrenched after exactly 3 months",
            [contract("2026-04-01", "2026-06-30")],
            [status("pregnant", "2026-05-01", None)],
            {"reason_for_end": "redundancy"},
            True,
            ["sg.ea.maternity_keep_evidence", "sg.ea.maternity_benefits_owed"],
        ),
        (
            "pregnant, retrenched a day short of 3 months",
            [contract("2026-04-02", "2026-06-30")],
            [status("pregnant", "2026-05-01", None)],
            {"reason_for_end": "redundancy"},
            True,
            ["sg.ea.maternity_keep_evidence"],
        ),
        (
            "pregnancy ended the day before expiry",
            [contract("2025-07-01", "2026-06-30")],
            [status("pregnant", "2025-10-01", "2026-06-29")],
            {},
            True,
            [],
        ),
    ],
)
def test_maternity_protection(
    label: str,
    contracts: list[Case],
    statuses: list[Case],
    facts: Case,
    lawful: bool | None,
    expected_codes: list[str],
) -> None:
    """Employment Act Part IX: a pregnant employee with 3 months' service or more who is retrenched keeps
    her maternity benefits; MOM investigates term contracts not renewed to avoid them, so with no recorded
    reason the lawfulness is unknown. 2026-04-01..06-30 = 3 months; 2026-04-02..06-30 = 2 months 29 days."""
    request = singapore_request(contracts=contracts, statuses=statuses, facts=facts)

    result = assess(request)

    assert result["non_renewal_lawful"] is lawful, label
    assert [code for code in codes(result) if code.startswith("sg.ea.maternity")] == expected_codes, label


@pytest.mark.parametrize(
    ("label", "new_end_date", "short"),
    [("six months", "2026-12-31", True), ("exactly a year", "2027-06-30", False)],
)
def test_reemployment_contract_term(label: str, new_end_date: str, short: bool) -> None:
    """Re-employment guidelines: re-employment contracts normally last at least a year. Born 1963-06-01,
    63 at expiry 2026-06-30, eligible; renewal from 2026-07-01: to 2026-12-31 = 6 months → short; to
    2027-06-30 = 12 months → fine. Either way the renewal itself is lawful (no cap)."""
    request = singapore_request(
        contracts=[contract("2015-01-01", "2026-06-30")],
        birth_date="1963-06-01",
        facts=ELIGIBLE,
        action="renew_fixed_term",
        decision_date="2026-06-30",
        new_end_date=new_end_date,
    )

    result = assess(request)

    assert ("sg.rra.reemployment_term_short" in codes(result)) is short, label
    assert result["renewal_as_proposed_lawful"] is True, label


@pytest.mark.parametrize(
    ("label", "facts", "field"),
    [
        ("a number for the reason", {"reason_for_end": 5}, "employee.facts.reason_for_end"),
        (
            "text for a yes/no fact",
            {**ELIGIBLE, "satisfactory_performance": "yes"},
            "employee.facts.satisfactory_performance",
        ),
        ("a number for a yes/no fact", {**ELIGIBLE, "medically_fit": 1}, "employee.facts.medically_fit"),
        ("text for nationality", {**ELIGIBLE, "foreign_national": "SG"}, "employee.facts.foreign_national"),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, field: str) -> None:
    """A 63-year-old at expiry, so the pack reads the re-employment facts and the reason for the end."""
    request = singapore_request(
        contracts=[contract("2015-01-01", "2026-06-30")], birth_date="1963-06-01", facts=facts
    )

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert raised.value.field == field, label


def test_decision_before_the_63_68_ages_is_unsupported() -> None:
    """The pack covers decisions from 2022-07-01, when the retirement and re-employment ages became 63/68."""
    result = assess(singapore_request(contracts=[contract("2021-07-01", "2022-06-30")]))

    assert result["supported"] is False
    assert codes(result) == ["law.no_rule_pack_in_force"]


# --- Property: random valid histories ---------------------------------------------------------------------

STATUS_KINDS = ("re_employed_older_worker", "foreign_worker", "pregnant", "maternity_leave", "disabled")
SINGAPORE_REQUESTS = requests(
    jurisdiction="SG",
    decided=(date(2010, 1, 1), date(2034, 12, 31)),
    gap_days=(0, 0, 14, 31, 32, 90),
    statuses=STATUS_KINDS,
    birth_date=True,
    renewal_days=30,
    new_end_days=800,
    pay={"currency": st.just("SGD"), "monthly_wage": st.just("5000")},
    facts={
        **dict.fromkeys(
            ("foreign_national", "satisfactory_performance", "medically_fit", "employee_refused_offer"), FLAGS
        ),
        "reason_for_end": st.sampled_from([None, "redundancy", "performance", "Restructuring", "expiry"]),
    },
)


@settings(max_examples=300, deadline=None)
@given(SINGAPORE_REQUESTS)
def test_random_histories_stay_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    assert result["supported"] is (request["decision"]["date"] >= "2022-07-01")
    assert (result["severance"], result["damages_if_unlawful"], result["last_notice_date"]) == (
        None,
        None,
        None,
    )
    for finding in result["findings"]:
        if finding["code"] == "sg.tripartite.notice_of_non_renewal":
            assert finding["params"]["recommended"] < request["decision"]["date"]
