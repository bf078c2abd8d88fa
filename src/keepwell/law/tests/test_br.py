"""Brazil pack: cases derived from RULES.md §0, §12 and §20.4, each with its arithmetic written out.

Unless a case says otherwise: monthly wage 4500 BRL, causes of the contracts not given, no statuses, and
the decision is not to renew on the last contract's last day. A period of N months from a first day ends
N months later less a day (RULES.md §0).
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
    days_from,
    requests,
    status,
)

Case = dict[str, Any]
CONVERSION_KEYS = ("automatic_conversion", "conversion_effective_date", "non_renewal_lawful")


def br_request(*, contracts: list[Case] | None = None, **options: Any) -> Case:
    """The factory's SCHEMA.md request with Brazilian pay."""
    contracts = contracts or [contract("2026-01-01", "2026-12-31")]
    return china_request(
        jurisdiction="BR", contracts=contracts, currency="BRL", wage="4500", average=None, **options
    )


def _pick(result: Case, keys: tuple[str, ...] | Case) -> Case:
    return {key: result[key] for key in keys}


NOT_COMPLETION = {"previous_contract_ended_on_service_completion_or_event": False}


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "expected", "code"),
    [
        (
            "example BR-02: three months after",
            [contract("2025-10-01", "2026-03-31"), contract("2026-07-01", "2026-12-31")],
            NOT_COMPLETION,
            (True, "2026-07-01", False),
            "br.clt.art452.indefinite",
        ),
        (
            "on the last day of the six months",
            [contract("2025-10-01", "2026-03-31"), contract("2026-09-30", "2027-03-29")],
            NOT_COMPLETION,
            (True, "2026-09-30", False),
            "br.clt.art452.indefinite",
        ),
        (
            "the day after the six months",
            [contract("2025-10-01", "2026-03-31"), contract("2026-10-01", "2027-03-31")],
            NOT_COMPLETION,
            (False, None, True),
            "br.clt.art452.after_window",
        ),
        (
            "window ending on a leap day",
            [contract("2027-03-01", "2027-08-31"), contract("2028-02-29", "2028-08-31")],
            NOT_COMPLETION,
            (True, "2028-02-29", False),
            "br.clt.art452.indefinite",
        ),
        (
            "a day after the leap-day window",
            [contract("2027-03-01", "2027-08-31"), contract("2028-03-01", "2028-08-31")],
            NOT_COMPLETION,
            (False, None, True),
            "br.clt.art452.after_window",
        ),
        (
            "previous contract ended on completing a service",
            [contract("2025-10-01", "2026-03-31"), contract("2026-07-01", "2026-12-31")],
            {"previous_contract_ended_on_service_completion_or_event": True},
            (False, None, True),
            "br.clt.art452.exception_applies",
        ),
        (
            "how the previous contract ended is unknown",
            [contract("2025-10-01", "2026-03-31"), contract("2026-07-01", "2026-12-31")],
            {},
            (None, None, None),
            "br.clt.art452.exception_unknown",
        ),
    ],
)
def test_new_fixed_term_within_six_months_is_indefinite(
    label: str, contracts: list[Case], facts: Case, expected: tuple[object, ...], code: str
) -> None:
    """CLT Art 452: a fixed-term contract that starts within 6 months after another ended is indefinite,
    unless the earlier one ended on completing specialised services or on a certain event.

    The 6 months run from the day after the previous end:
    - ended 2026-03-31 → window 2026-04-01..2026-09-30: a start on 2026-07-01 or 2026-09-30 is inside
      (indefinite from that start; ending it at expiry is unlawful), 2026-10-01 is outside (lawful)
    - ended 2027-08-31 → window 2027-09-01..2028-02-29 (2028 is a leap year): 2028-02-29 is inside,
      2028-03-01 outside
    - the exception applies → stays fixed-term; the exception is unknown → null (never guessed)
    """
    result = assess(br_request(contracts=contracts, facts=facts))

    assert tuple(_pick(result, CONVERSION_KEYS).values()) == expected, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "expected", "next_must", "confidence"),
    [
        (
            "exactly two years",
            [contract("2024-01-01", "2025-12-31")],
            {},
            (False, None, True),
            True,
            "high",
        ),
        (
            "two years and a day",
            [contract("2024-01-01", "2026-01-01")],
            {},
            (True, "2026-01-01", False),
            True,
            "high",
        ),
        (
            "one year extended by one year",
            [contract("2024-01-01", "2024-12-31"), contract("2025-01-01", "2025-12-31")],
            {},
            (False, None, True),
            True,
            "medium",
        ),
        (
            "from a leap day, exactly two years",
            [contract("2024-02-29", "2026-02-28")],
            {},
            (False, None, True),
            True,
            "high",
        ),
        (
            "from a leap day, a day more",
            [contract("2024-02-29", "2026-03-01")],
            {},
            (True, "2026-03-01", False),
            True,
            "high",
        ),
        (
            "six months, extension confirmed",
            [contract("2026-01-01", "2026-03-31"), contract("2026-04-01", "2026-06-30")],
            {"extensions_agreed_before_expiry_terms_unchanged": True},
            (False, None, True),
            True,
            "high",
        ),
        (
            "extended twice",
            [
                contract("2025-01-01", "2025-03-31"),
                contract("2025-04-01", "2025-06-30"),
                contract("2025-07-01", "2025-12-31"),
            ],
            {"extensions_agreed_before_expiry_terms_unchanged": True},
            (True, "2025-07-01", False),
            True,
            "high",
        ),
        (
            "contiguous contracts that were not extensions",
            [contract("2026-01-01", "2026-03-31"), contract("2026-04-01", "2026-06-30")],
            {"extensions_agreed_before_expiry_terms_unchanged": False, **NOT_COMPLETION},
            (True, "2026-04-01", False),
            True,
            "high",
        ),
        (
            "a single one-year contract",
            [contract("2026-01-01", "2026-12-31")],
            {},
            (False, None, True),
            False,
            "high",
        ),
    ],
)
def test_two_year_maximum_and_a_single_extension(
    label: str,
    contracts: list[Case],
    facts: Case,
    expected: tuple[object, ...],
    next_must: bool,
    confidence: str,
) -> None:
    """CLT Art 445 and 451: at most 2 years including the single extension; more makes it indefinite.

    - 2024-01-01: 24 months end 2025-12-31 → within; an end of 2026-01-01 is over → indefinite from
      2026-01-01 (the first day past the maximum)
    - one year plus a contiguous year: read as one extension (medium, as the request does not confirm it),
      2 years in all → within; no second extension is possible, so a continuation must be open-ended
    - 2024-02-29: 24 months end 2026-02-28 → within; 2026-03-01 is over
    - three contiguous pieces: the second extension (from 2025-07-01) makes it indefinite
    - contiguous contracts stated not to be extensions: the second is a new contract starting within 6
      months (0 days) → Art 452 → indefinite from 2026-04-01
    - a single one-year contract: one extension of up to a year is still possible → next contract need
      not be open-ended
    """
    result = assess(br_request(contracts=contracts, facts=facts))

    assert tuple(_pick(result, CONVERSION_KEYS).values()) == expected, label
    assert result["next_contract_must_be_open_ended"] is next_must, label
    assert result["confidence"] == confidence, label
    assert result["severance"] is None, label


@pytest.mark.parametrize(
    ("label", "contracts", "start", "end", "expected", "code"),
    [
        (
            "extension to exactly two years",
            [contract("2025-01-01", "2025-12-31")],
            "2026-01-01",
            "2026-12-31",
            {"renewal_as_proposed_lawful": True, "next_contract_must_be_open_ended": False},
            None,
        ),
        (
            "extension a day past two years",
            [contract("2025-01-01", "2025-12-31")],
            "2026-01-01",
            "2027-01-01",
            {
                "renewal_as_proposed_lawful": False,
                "automatic_conversion": True,
                "conversion_effective_date": "2027-01-01",
            },
            "br.clt.art445.proposal_over_maximum",
        ),
        (
            "a second extension",
            [contract("2025-01-01", "2025-06-30"), contract("2025-07-01", "2025-12-31")],
            "2026-01-01",
            "2026-06-30",
            {
                "renewal_as_proposed_lawful": False,
                "automatic_conversion": True,
                "conversion_effective_date": "2026-01-01",
            },
            "br.clt.art451.proposal_extension_over_limit",
        ),
        (
            "a new contract two months later",
            [contract("2025-01-01", "2025-12-31")],
            "2026-03-01",
            "2026-12-31",
            {"renewal_as_proposed_lawful": None, "next_contract_must_be_open_ended": None},
            "br.clt.art452.proposal_within_window",
        ),
        (
            "a new contract after the six months",
            [contract("2025-01-01", "2025-12-31")],
            "2026-07-01",
            "2027-06-30",
            {"renewal_as_proposed_lawful": True, "automatic_conversion": False},
            None,
        ),
        (
            "extension without an end date",
            [contract("2025-01-01", "2025-12-31")],
            "2026-01-01",
            None,
            {"renewal_as_proposed_lawful": None},
            "br.clt.art445.proposal_end_needed",
        ),
        (
            "short term extended past 90 days",
            [contract("2026-01-01", "2026-02-14")],
            "2026-02-15",
            "2026-04-30",
            {"renewal_as_proposed_lawful": True},
            "br.clt.art445.experience_limit",
        ),
    ],
)
def test_fixed_term_renewal(
    label: str, contracts: list[Case], start: str, end: str | None, expected: Case, code: str | None
) -> None:
    """CLT Arts 445, 451, 452 applied to a proposed fixed-term renewal.

    A start the day after expiry is an extension of the current term; a later start is a new contract:
    - 2025 contract + extension to 2026-12-31: 24 months from 2025-01-01 end 2026-12-31 → lawful
    - to 2027-01-01: one day over → indefinite from 2027-01-01
    - already extended once (2025-07-01) → a second extension is indefinite from its start 2026-01-01
    - new contract from 2026-03-01: within 6 months after 2025-12-31 (window to 2026-06-30); the exception
      (how this contract ends) is not an input → null
    - new contract from 2026-07-01: after the window → lawful
    - no new_end_date: the maximum cannot be checked → null
    - a 45-day term (2026-01-01..2026-02-14) extended to 2026-04-30: if it is an experience contract, 90
      days end 2026-03-31 → flagged as a question, the general rules find it lawful
    """
    request = br_request(
        contracts=contracts, action="renew_fixed_term", decision_date=start, new_end_date=end
    )

    result = assess(request)

    assert _pick(result, expected) == expected, label
    if code is not None:
        assert code in codes(result), label
    assert "br.clt.art443.fixed_term_needs_cause" in codes(result), label


@pytest.mark.parametrize(
    ("label", "statuses", "facts", "lawful", "until", "kinds", "confidence"),
    [
        (
            "pregnant from the day before expiry",
            [status("pregnant", "2026-12-30", None)],
            {},
            False,
            None,
            ["pregnant"],
            "medium",
        ),
        (
            "born 5 months before the day after expiry",
            [],
            {"child_birth_date": "2026-08-01"},
            False,
            "2027-01-01",
            ["pregnant"],
            "medium",
        ),
        (
            "security ends exactly on the expiry date",
            [status("maternity_leave", "2026-07-31", "2026-11-27")],
            {"child_birth_date": "2026-07-31"},
            False,
            "2026-12-31",
            ["pregnant"],
            "medium",
        ),
        (
            "security ended the day before expiry",
            [],
            {"child_birth_date": "2026-07-30"},
            True,
            None,
            [],
            "high",
        ),
        (
            "pregnancy ended the day before expiry",
            [status("pregnant", "2026-03-01", "2026-12-30")],
            {},
            True,
            None,
            [],
            "high",
        ),
        (
            "work injury",
            [status("work_injury", "2026-11-01", None)],
            {},
            False,
            None,
            ["work_injury"],
            "medium",
        ),
    ],
)
def test_pregnancy_and_work_accident_security(
    label: str,
    statuses: list[Case],
    facts: Case,
    lawful: bool,
    until: str | None,
    kinds: list[str],
    confidence: str,
) -> None:
    """ADCT Art 10 II b with TST Súmula 244 III (medium, disputed by STF Theme 497) and TST Súmula 378 III
    (medium, not verified): job security reaches fixed-term contracts. Contract 2026-01-01..2026-12-31.

    - pregnant from 2026-12-30: protected on expiry; the birth date is unknown → extended, end null
    - born 2026-08-01: security until 2026-08-01 + 5 months = 2027-01-01 → extended until then
    - born 2026-07-31 → until 2026-12-31, the expiry date itself → still protected on it
    - born 2026-07-30 → until 2026-12-30, the day before expiry → nothing blocks expiry
    - a pregnancy status that ended on 2026-12-30 does not reach expiry → lawful
    - work injury on expiry → protected, end not computed
    """
    result = assess(br_request(statuses=statuses, facts=facts))

    assert result["non_renewal_lawful"] is lawful, label
    assert result["contract_extended_until"] == until, label
    assert [item["kind"] for item in result["blocking_protections"]] == kinds, label
    assert result["confidence"] == confidence, label
    assert (result["damages_if_unlawful"] is None) is lawful, label


def test_normal_expiry_owes_final_pay_only() -> None:
    """RULES.md §12: on normal expiry no notice pay and no 40% FGTS penalty, no notice; severance is null
    (nothing owed beyond the final pay, which is not severance)."""
    request = br_request(contracts=[contract("2026-01-01", "2026-12-31")])
    request["employee"]["contracts"][0]["objective_reason"] = "seasonal peak"

    result = assess(request)

    assert _pick(result, ("non_renewal_lawful", "severance", "damages_if_unlawful", "last_notice_date")) == {
        "non_renewal_lawful": True,
        "severance": None,
        "damages_if_unlawful": None,
        "last_notice_date": None,
    }
    assert codes(result) == [
        "br.clt.art445.within_maximum",
        "br.clt.expiry.ends_contract",
        "br.clt.expiry.final_pay_only",
        "br.notice.none_on_expiry",
    ]
    assert "40% FGTS" in result["findings"][2]["text"]


@pytest.mark.parametrize(
    ("label", "facts", "field"),
    [
        (
            "exception as text",
            {"previous_contract_ended_on_service_completion_or_event": "yes"},
            "employee.facts.previous_contract_ended_on_service_completion_or_event",
        ),
        (
            "extensions flag as a number",
            {"extensions_agreed_before_expiry_terms_unchanged": 1},
            "employee.facts.extensions_agreed_before_expiry_terms_unchanged",
        ),
        ("impossible birth date", {"child_birth_date": "2026-02-30"}, "employee.facts.child_birth_date"),
        (
            "sector agreement as text",
            {"sector_agreement_overrides_defaults": "true"},
            "employee.facts.sector_agreement_overrides_defaults",
        ),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, field: str) -> None:
    """Each yes/no or date fact the pack reads is refused with its JSON path when it has the wrong type."""
    contracts = [contract("2025-10-01", "2026-03-31"), contract("2026-07-01", "2026-12-31")]

    with pytest.raises(InvalidRequest) as raised:
        assess(br_request(contracts=contracts, facts=facts))

    assert raised.value.field == field, label


def test_region_gets_national_law_and_sector_agreements_lower_confidence() -> None:
    """Brazilian labour law is federal (the pack is national): a state gets the national rules and the
    framework's national_law_applies finding; a Law 9.601/1998 contract follows rules the pack does not
    apply → low."""
    request = br_request(region="São Paulo", facts={"sector_agreement_overrides_defaults": True})

    result = assess(request)

    assert codes(result)[0] == "law.national_law_applies"
    assert "br.law9601.other_rules" in codes(result)
    assert (result["non_renewal_lawful"], result["confidence"]) == (True, "low")


# --- Properties -------------------------------------------------------------------------------------------

BRAZIL_REQUESTS = requests(
    jurisdiction=("BR", "br"),
    decided=(date(2012, 1, 1), date(2034, 12, 31)),
    contracts=4,
    contract_days=900,
    regions=(None, "São Paulo"),
    statuses=("pregnant", "maternity_leave", "work_injury", "disabled"),
    renewal_days=300,
    new_end_days=1200,
    pay={"currency": st.just("BRL"), "monthly_wage": st.just("4500")},
    facts={
        "child_birth_date": days_from(-400, 300),
        "previous_contract_ended_on_service_completion_or_event": FLAGS,
        "extensions_agreed_before_expiry_terms_unchanged": FLAGS,
        "sector_agreement_overrides_defaults": FLAGS,
    },
)


@settings(max_examples=300, deadline=None)
@given(BRAZIL_REQUESTS)
def test_assess_never_raises_and_stays_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    if result["conversion_effective_date"] is not None:
        assert result["automatic_conversion"] is True
    if not result["supported"]:
        assert (result["severance"], result["non_renewal_lawful"]) == (None, None)
