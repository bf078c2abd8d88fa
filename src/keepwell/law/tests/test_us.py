"""United States pack: cases derived from RULES.md §16, each with its reasoning written out.

Unless a case says otherwise: no state, monthly pay 10000 USD, no statuses, and the decision is not to
renew on the last contract's last day.
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
NOT_APPLICABLE = (
    "next_contract_must_be_open_ended",
    "employee_may_request_open_ended",
    "automatic_conversion",
    "conversion_effective_date",
    "severance",
    "damages_if_unlawful",
    "last_notice_date",
    "contract_extended_until",
)


def us_request(
    *,
    contracts: list[Case] | None = None,
    headcount: int | None = None,
    jurisdiction: str = "US",
    **options: Any,
) -> Case:
    """The factory's SCHEMA.md request with US pay."""
    return china_request(
        jurisdiction=jurisdiction,
        contracts=contracts or [contract("2025-07-01", "2027-06-30")],
        currency="USD",
        wage="10000",
        average=None,
        headcount=headcount,
        **options,
    )


@pytest.mark.parametrize(
    ("label", "contracts", "facts"),
    [
        (
            "example US-02",
            [contract("2025-07-01", "2027-06-30")],
            {"early_termination_without_cause_clause": False},
        ),
        ("a single day", [contract("2026-05-04", "2026-05-04")], {}),
        (
            "twelve yearly renewals",
            [contract(f"{year}-01-01", f"{year}-12-31") for year in range(2015, 2027)],
            {},
        ),
        ("a leap-day expiry", [contract("2027-03-01", "2028-02-29")], {}),
    ],
)
def test_expiry_is_lawful_and_nothing_converts_or_is_owed(
    label: str, contracts: list[Case], facts: Case
) -> None:
    """At-will default (RULES.md §16): a fixed-term agreement is a private contract with no renewal duty,
    no conversion rule and no federal severance, whatever its length or the number of renewals; no notice
    is due on expiry. The concepts do not exist, so their fields are null (SCHEMA.md), not false."""
    result = assess(us_request(contracts=contracts, facts=facts))

    assert result["non_renewal_lawful"] is True, label
    assert {key: result[key] for key in NOT_APPLICABLE} == dict.fromkeys(NOT_APPLICABLE), label
    assert result["confidence"] == "high", label
    assert codes(result)[:2] == ["us.contract.no_conversion", "us.contract.expiry_lawful"], label


@pytest.mark.parametrize(
    ("label", "statuses", "lawful", "flagged"),
    [
        ("pregnant from the day before expiry", [status("pregnant", "2027-06-29", None)], None, ["pregnant"]),
        ("pregnancy ended the day before expiry", [status("pregnant", "2026-10-01", "2027-06-29")], True, []),
        ("disabled", [status("disabled")], None, ["disabled"]),
        (
            "aged 55+ and on maternity leave",
            [status("aged_55_plus"), status("maternity_leave", "2027-05-01", "2027-08-01")],
            None,
            ["aged_55_plus", "maternity_leave"],
        ),
        ("a status the pack does not use", [status("union_representative")], True, []),
    ],
)
def test_protected_status_leaves_lawfulness_to_the_reason(
    label: str, statuses: list[Case], lawful: bool | None, flagged: list[str]
) -> None:
    """Title VII (pregnancy included), ADA and ADEA cover non-renewal decisions (RULES.md §16).

    Expiry 2027-06-30. A protected status in force that day (one starting 2027-06-29 is) makes the answer
    depend on the reason, which the request cannot show → null; a status that ended on 2027-06-29 does not
    reach the expiry date → lawful. union_representative is not a status this pack considers: it is named,
    and lawfulness stays true.
    """
    result = assess(us_request(statuses=statuses))

    assert result["non_renewal_lawful"] is lawful, label
    assert [
        finding["params"]["kind"]
        for finding in result["findings"]
        if finding["code"] == "us.federal.protected_status"
    ] == flagged, label
    assert ("us.status_not_considered" in codes(result)) is (label == "a status the pack does not use"), label


@pytest.mark.parametrize(
    ("label", "start", "end", "code"),
    [
        ("exactly twelve months", "2026-01-01", "2026-12-31", "us.mt.wdea.within_probation"),
        ("twelve months and a day", "2026-01-01", "2027-01-01", "us.mt.wdea.probation_if_set"),
        ("exactly eighteen months", "2026-01-01", "2027-06-30", "us.mt.wdea.probation_if_set"),
        ("eighteen months and a day", "2026-01-01", "2027-07-01", "us.mt.wdea.after_probation"),
        ("hired on a leap day, twelve months", "2024-02-29", "2025-02-28", "us.mt.wdea.within_probation"),
        ("hired on a leap day, a day more", "2024-02-29", "2025-03-01", "us.mt.wdea.probation_if_set"),
    ],
)
def test_montana_probation(label: str, start: str, end: str, code: str) -> None:
    """Montana WDEA (2021 amendment): good cause after probation, 12 months by default and up to 18 if the
    employer sets it; reported not to cover written fixed-term contracts (medium).

    Probation of N months from the first day ends N months later less a day (RULES.md §0):
    - from 2026-01-01: 12 months end 2026-12-31, 18 months end 2027-06-30
    - from 2024-02-29: 12 months end 2025-02-28 (no 29 February in 2025), so 2025-03-01 is past it
    Expiry stays lawful in every case, at medium confidence.
    """
    request = us_request(contracts=[contract(start, end)], region="Montana")

    result = assess(request)

    assert code in codes(result), label
    assert (result["non_renewal_lawful"], result["confidence"]) == (True, "medium"), label
    assert "law.region_not_covered" not in codes(result), label


@pytest.mark.parametrize(
    ("label", "region", "not_covered"),
    [
        ("Montana by ISO code", "US-MT", False),
        ("Montana abbreviated", "mt", False),
        ("California", "California", True),
    ],
)
def test_states(label: str, region: str, not_covered: bool) -> None:
    """RULES.md §16 gives state rules for Montana only; any other state gets the general rules, the
    framework's region_not_covered finding and at most medium confidence."""
    result = assess(us_request(region=region))

    assert ("law.region_not_covered" in codes(result)) is not_covered, label
    assert (
        "us.mt.wdea.after_probation" in codes(result) or "us.mt.wdea.probation_if_set" in codes(result)
    ) is (not not_covered), label
    assert (result["non_renewal_lawful"], result["confidence"]) == (True, "medium"), label


@pytest.mark.parametrize(
    ("label", "facts", "headcount", "action", "warned"),
    [
        ("99 employees", {"employer_size": 99}, None, "not_renew", False),
        ("exactly 100 employees", {"employer_size": 100}, None, "not_renew", True),
        ("headcount when employer size is unknown", {}, 250, "not_renew", True),
        ("renewal", {"employer_size": 500}, None, "renew_fixed_term", False),
    ],
)
def test_warn_threshold(label: str, facts: Case, headcount: int | None, action: str, warned: bool) -> None:
    """WARN Act: employers with 100+ employees give 60 days' notice of a plant closing or mass layoff. A
    single non-renewal is not one, so the finding is advice and last_notice_date stays null."""
    decision_date = "2027-07-01" if action != "not_renew" else None
    request = us_request(facts=facts, headcount=headcount, action=action, decision_date=decision_date)

    result = assess(request)

    assert ("us.warn.if_mass_layoff" in codes(result)) is warned, label
    assert result["last_notice_date"] is None, label
    if warned:
        warning = next(item for item in result["findings"] if item["code"] == "us.warn.if_mass_layoff")
        assert (warning["params"]["threshold"], warning["params"]["days"]) == (100, 60), label


@pytest.mark.parametrize(
    ("label", "action", "new_end_date"),
    [
        ("fixed-term renewal of five years", "renew_fixed_term", "2032-06-30"),
        ("open-ended", "renew_open_ended", None),
    ],
)
def test_any_renewal_is_lawful(label: str, action: str, new_end_date: str | None) -> None:
    """No statute limits renewals or their length: renewal_as_proposed_lawful true, no conversion."""
    request = us_request(action=action, decision_date="2027-07-01", new_end_date=new_end_date)

    result = assess(request)

    assert result["renewal_as_proposed_lawful"] is True, label
    assert (result["automatic_conversion"], result["non_renewal_lawful"]) == (None, None), label


@pytest.mark.parametrize(
    ("label", "facts", "field"),
    [
        ("employer size as text", {"employer_size": "large"}, "employee.facts.employer_size"),
        ("employer size as a boolean", {"employer_size": True}, "employee.facts.employer_size"),
        (
            "early-termination clause as text",
            {"early_termination_without_cause_clause": "no"},
            "employee.facts.early_termination_without_cause_clause",
        ),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, field: str) -> None:
    """employer_size is a whole number (WARN threshold 100), the clause a yes/no: anything else is refused
    naming its JSON path."""
    with pytest.raises(InvalidRequest) as raised:
        assess(us_request(facts=facts))

    assert raised.value.field == field, label


def test_decisions_before_the_pack_are_unsupported() -> None:
    """The pack starts on 2022-01-01 (after Montana's 2021 amendment); an earlier decision is not guessed."""
    result = assess(us_request(contracts=[contract("2021-01-01", "2021-12-31")]))

    assert (result["supported"], codes(result)) == (False, ["law.no_rule_pack_in_force"])


# --- Properties -------------------------------------------------------------------------------------------

US_REQUESTS = requests(
    jurisdiction=("US", "us"),
    decided=(date(2005, 1, 1), date(2035, 12, 31)),
    contracts=4,
    gap_days=(0, 1, 30, 200),
    regions=(None, "Montana", "US-MT", "California"),
    statuses=("pregnant", "maternity_leave", "disabled", "aged_55_plus", "union_representative"),
    pay={"currency": st.just("USD"), "monthly_wage": st.just("10000")},
    employee={"workplace_headcount": st.one_of(st.none(), st.integers(0, 1000))},
    facts={
        "employer_size": st.one_of(st.none(), st.integers(0, 1000)),
        "early_termination_without_cause_clause": FLAGS,
    },
)


@settings(max_examples=200, deadline=None)
@given(US_REQUESTS)
def test_assess_never_raises_and_stays_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    if result["supported"]:
        assert (result["automatic_conversion"], result["severance"]) == (None, None)
    else:
        assert (result["severance"], result["non_renewal_lawful"]) == (None, None)
