"""Poland pack: cases derived from RULES.md §0, §17 and §20.9, each with its arithmetic written out.

Unless a case says otherwise: no region, monthly wage 8000 PLN, no reason on any contract (ordinary fixed
terms), and the decision is not to renew on the last contract's last day. Counted work is laid end to end
from the first counted start: 33 months from 2024-01-01 end on 2026-09-30 (1004 days), RULES.md §0.
"""

from __future__ import annotations

from datetime import date, timedelta
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
SUBSTITUTION = "zastępstwo pracownika w czasie jego usprawiedliwionej nieobecności"
PROBATION = "umowa na okres próbny"
OBJECTIVE = "realizacja zamówienia publicznego o określonym czasie trwania"


def _request(**options: Any) -> Case:
    """A Polish request built on the shared factory: PLN and a monthly wage."""
    request = china_request(jurisdiction="PL", wage="8000", average=None, **options)
    request["employee"]["pay"]["currency"] = "PLN"
    return request


def _contract(start: str, end: str, reason: str | None = None) -> Case:
    return {**contract(start, end), "objective_reason": reason}


def _pick(result: Case, keys: Case) -> Case:
    return {key: result[key] for key in keys}


THREE_YEARLY = [
    _contract("2023-01-01", "2023-06-30"),
    _contract("2023-07-01", "2024-06-30"),
    _contract("2024-07-01", "2025-06-30"),
]


@pytest.mark.parametrize(
    ("label", "contracts", "expected", "code"),
    [
        (
            "a third contract",
            THREE_YEARLY,
            {
                "automatic_conversion": False,
                "non_renewal_lawful": True,
                "next_contract_must_be_open_ended": True,
            },
            "pl.kp.art25_1.within_limits",
        ),
        (
            "a fourth contract",
            [*THREE_YEARLY, _contract("2025-07-01", "2025-09-30")],
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2025-07-01",
                "non_renewal_lawful": False,
            },
            "pl.kp.art25_1.fourth_contract",
        ),
        (
            "exactly 33 months",
            [_contract("2024-01-01", "2026-09-30")],
            {
                "automatic_conversion": False,
                "non_renewal_lawful": True,
                "next_contract_must_be_open_ended": True,
            },
            "pl.kp.art25_1.within_limits",
        ),
        (
            "33 months and a day",
            [_contract("2024-01-01", "2026-10-01")],
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-10-01",
                "non_renewal_lawful": False,
            },
            "pl.kp.art25_1.months_exceeded",
        ),
        (
            "33 months ending on a leap day",
            [_contract("2021-05-31", "2024-02-29")],
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "pl.kp.art25_1.within_limits",
        ),
        (
            "a leap day and one more",
            [_contract("2021-05-31", "2024-03-01")],
            {"automatic_conversion": True, "conversion_effective_date": "2024-03-01"},
            "pl.kp.art25_1.months_exceeded",
        ),
        (
            "a short first contract: one more is possible",
            [_contract("2025-01-01", "2025-03-31")],
            {"automatic_conversion": False, "next_contract_must_be_open_ended": False},
            "pl.kp.art25_1.within_limits",
        ),
    ],
)
def test_three_contracts_and_33_months(label: str, contracts: list[Case], expected: Case, code: str) -> None:
    """Kodeks pracy Art 25¹ §1 and §3: at most 3 fixed-term contracts and 33 months; the 4th contract is
    open-ended from its conclusion, and work beyond 33 months from the day after they end.

    - three contracts 2023-01-01..2025-06-30 → lawful, but any further ordinary contract would be open-ended
    - a 4th from 2025-07-01 → open-ended from 2025-07-01
    - 2024-01-01 + 33 months → 2026-09-30: lawful; to 2026-10-01 → open-ended from 2026-10-01
    - 2021-05-31 + 33 months: 31 February 2024 does not exist, so they end on 2024-02-29 (leap day);
      2024-03-01 is one day over
    """
    result = assess(_request(contracts=contracts))

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label
    assert result["severance"] is None, label
    assert result["last_notice_date"] is None, label


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "expected", "code"),
    [
        (
            "a substitution contract is not counted",
            [*THREE_YEARLY, _contract("2025-07-01", "2025-12-31", SUBSTITUTION)],
            {},
            {"automatic_conversion": False, "non_renewal_lawful": True, "confidence": "high"},
            "pl.kp.art25_1.current_exception",
        ),
        (
            "substitution recorded as a fact",
            [*THREE_YEARLY, _contract("2025-07-01", "2025-12-31")],
            {"substitution_contract": True},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "pl.kp.art25_1.current_exception",
        ),
        (
            "a probation contract is not counted",
            [_contract("2022-10-01", "2022-12-31", PROBATION), *THREE_YEARLY],
            {},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "pl.kp.art25_1.within_limits",
        ),
        (
            "an objective reason notified to the inspectorate",
            [*THREE_YEARLY, _contract("2025-07-01", "2025-12-31", OBJECTIVE)],
            {"labour_inspectorate_notified": True},
            {"automatic_conversion": False, "non_renewal_lawful": True, "confidence": "medium"},
            "pl.kp.art25_1.current_exception",
        ),
        (
            "an objective reason not notified",
            [*THREE_YEARLY, _contract("2025-07-01", "2025-12-31", OBJECTIVE)],
            {"labour_inspectorate_notified": False},
            {"automatic_conversion": None, "non_renewal_lawful": None, "confidence": "medium"},
            "pl.kp.art25_1.not_notified",
        ),
        (
            "an objective reason, notification not recorded",
            [*THREE_YEARLY, _contract("2025-07-01", "2025-12-31", OBJECTIVE)],
            {},
            {"automatic_conversion": False, "non_renewal_lawful": True, "confidence": "medium"},
            "pl.kp.art25_1.notify_inspectorate",
        ),
    ],
)
def test_exceptions_to_the_limits(
    label: str, contracts: list[Case], facts: Case, expected: Case, code: str
) -> None:
    """Kodeks pracy Art 25¹ §4-§5: substitution, casual or seasonal work, a term of office and objective
    reasons (notified to the labour inspectorate within 5 working days) are outside the limits; probation
    contracts are not counted. Three counted contracts 2023-01-01..2025-06-30 come first, so a 4th ordinary
    one would be open-ended; an excepted 4th is not."""
    result = assess(_request(contracts=contracts, facts=facts))

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


def test_gaps_are_counted_through_and_flagged() -> None:
    """RULES.md §20.9: whether gaps break the count is disputed; the pack counts every contract and leaves
    the gap out of the months (medium).

    2024 (366 days), gap 2025-01-01..02-28, 2025-03-01..2026-11-30 (640 days): 33 months hold 1004 days, so
    they run out 1004 − 366 = 638 days into the second contract → open-ended from 2025-03-01 + 638 days =
    2026-11-29.
    """
    request = _request(
        contracts=[_contract("2024-01-01", "2024-12-31"), _contract("2025-03-01", "2026-11-30")]
    )

    result = assess(request)

    assert _pick(result, {"automatic_conversion": 0, "conversion_effective_date": 0, "confidence": 0}) == {
        "automatic_conversion": True,
        "conversion_effective_date": "2026-11-29",
        "confidence": "medium",
    }
    assert "pl.kp.art25_1.gaps_disputed" in codes(result)


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "expected", "code"),
    [
        (
            "third month ended before expiry",
            [_contract("2026-01-01", "2026-06-30")],
            {"pregnancy_month_3_ends": "2026-05-24", "child_birth_date": "2026-11-30"},
            {
                "non_renewal_lawful": False,
                "contract_extended_until": "2026-11-30",
                "blocking_protections": [
                    {
                        "kind": "pregnant",
                        "effect": "contract extended by law until the day of birth",
                        "citation": "Kodeks pracy Art 177 §3",
                    }
                ],
            },
            "pl.kp.art177_3.extended_to_birth",
        ),
        (
            "third month ends the day before expiry",
            [_contract("2026-01-01", "2026-06-30")],
            {"pregnancy_month_3_ends": "2026-06-29"},
            {"non_renewal_lawful": False, "contract_extended_until": None},
            "pl.kp.art177_3.extended_to_birth",
        ),
        (
            "third month ends on the expiry day",
            [_contract("2026-01-01", "2026-06-30")],
            {"pregnancy_month_3_ends": "2026-06-30"},
            {"non_renewal_lawful": True, "blocking_protections": []},
            "pl.kp.art177_3.before_month_3",
        ),
        (
            "third month not recorded",
            [_contract("2026-01-01", "2026-06-30")],
            {},
            {"non_renewal_lawful": None, "contract_extended_until": None},
            "pl.kp.art177_3.month_3_unknown",
        ),
        (
            "a contract of exactly one month",
            [_contract("2026-06-01", "2026-06-30")],
            {"pregnancy_month_3_ends": "2026-05-24"},
            {"non_renewal_lawful": True, "blocking_protections": []},
            "pl.kp.art177_3.short_contract",
        ),
        (
            "a substitution contract",
            [_contract("2026-01-01", "2026-06-30", SUBSTITUTION)],
            {"pregnancy_month_3_ends": "2026-05-24"},
            {"non_renewal_lawful": True, "blocking_protections": []},
            "pl.kp.art177_3.substitution_excluded",
        ),
    ],
)
def test_pregnancy_extends_to_the_day_of_birth(
    label: str, contracts: list[Case], facts: Case, expected: Case, code: str
) -> None:
    """Kodeks pracy Art 177 §3: a contract of more than a month that would end after the third month of
    pregnancy (28-day months) is extended by law to the day of birth; not a substitution contract.

    Pregnant from 2026-03-01 to the birth; D = 2026-06-30:
    - the 3rd month ended 2026-05-24 or 2026-06-29, before D → extended (to the birth on 2026-11-30 if known)
    - it ends on D itself → the contract does not end after it → no extension
    - 2026-06-01..06-30 is exactly one month, not more → no extension
    """
    request = _request(contracts=contracts, facts=facts, statuses=[status("pregnant", "2026-03-01")])

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "contracts", "decision_date", "new_end_date", "facts", "lawful", "code"),
    [
        (
            "a third contract",
            THREE_YEARLY[:2],
            "2024-07-01",
            "2025-06-30",
            {},
            True,
            "pl.kp.art25_1.renewal_lawful",
        ),
        (
            "a fourth contract",
            THREE_YEARLY,
            "2025-07-01",
            "2025-12-31",
            {},
            False,
            "pl.kp.art25_1.renewal_converts",
        ),
        (
            "a third contract past 33 months",
            THREE_YEARLY[:2],
            "2024-07-01",
            "2025-10-01",
            {},
            False,
            "pl.kp.art25_1.renewal_converts",
        ),
        (
            "a substitution contract",
            THREE_YEARLY,
            "2025-07-01",
            "2025-12-31",
            {"proposed_contract_objective_reason": SUBSTITUTION},
            True,
            "pl.kp.art25_1.renewal_exception",
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
    """Kodeks pracy Art 25¹ for the proposed contract: 2023-01-01 + 33 months → 2025-09-30.

    - after two contracts (to 2024-06-30), a third to 2025-06-30 is within; to 2025-10-01 it passes 33 months
    - after three, a 4th ordinary contract would be open-ended; a substitution contract is outside the limits
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
    ("label", "facts", "field", "message"),
    [
        (
            "end of the third month as a word",
            {"pregnancy_month_3_ends": "May"},
            "employee.facts.pregnancy_month_3_ends",
            "expected a date as YYYY-MM-DD, got 'May'",
        ),
        (
            "notification as a word",
            {"labour_inspectorate_notified": "no"},
            "employee.facts.labour_inspectorate_notified",
            "expected true, false or null, got 'no'",
        ),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, field: str, message: str) -> None:
    request = _request(
        contracts=[*THREE_YEARLY, _contract("2025-07-01", "2025-12-31", OBJECTIVE)],
        facts=facts,
        statuses=[status("pregnant", "2025-09-01")],
    )

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert (raised.value.field, raised.value.message) == (field, message), label


def test_decision_before_the_pack_is_unsupported() -> None:
    """The pack covers decisions from 2016-02-22, when Art 25¹ came into force."""
    result = assess(_request(contracts=[_contract("2015-03-01", "2016-02-21")]))

    assert result["supported"] is False
    assert result["findings"][0]["params"]["effective_from"] == "2016-02-22"


def test_contracts_from_before_the_article_are_flagged() -> None:
    """A contract that began before 2016-02-22 is counted like the others; the transitional rules are not
    applied, so confidence is medium."""
    request = _request(
        contracts=[_contract("2015-06-01", "2016-05-31"), _contract("2016-06-01", "2017-05-31")]
    )

    result = assess(request)

    assert "pl.kp.art25_1.before_in_force" in codes(result)
    assert result["confidence"] == "medium"


# --- Property: random valid histories -------------------------------------------------------------------

PACK_FROM = date(2016, 2, 22)
REASONS = (None, None, SUBSTITUTION, PROBATION, OBJECTIVE)
STATUS_KINDS = ("pregnant", "maternity_leave", "disabled")
POLISH_REQUESTS = requests(
    jurisdiction="PL",
    decided=(PACK_FROM, PACK_FROM + timedelta(days=3650)),
    contract_days=2500,
    regions=(None, None, "Mazowieckie"),
    statuses=STATUS_KINDS,
    reasons=REASONS,
    pay={"currency": st.just("PLN"), "monthly_wage": st.just("8000")},
    facts={
        "substitution_contract": FLAGS,
        "seasonal_work": FLAGS,
        "labour_inspectorate_notified": FLAGS,
        "pregnancy_month_3_ends": days_from(-200, 60),
        "child_birth_date": days_from(-30, 270),
        "proposed_contract_objective_reason": st.sampled_from([None, SUBSTITUTION, OBJECTIVE]),
    },
)


@settings(max_examples=300, deadline=None)
@given(POLISH_REQUESTS)
def test_random_histories_never_raise_and_stay_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    assert result["supported"] is True
    assert result["rule_pack"] == "pl"
    assert result["severance"] is None
    assert result["last_notice_date"] is None
    assert result["employee_may_request_open_ended"] is None
    extended = result["contract_extended_until"]
    if extended is not None:
        assert extended > request["decision"]["date"]
    for finding in result["findings"]:
        assert finding["code"].startswith(("pl.", "law."))
        assert finding["text"] == finding["message"] % finding["params"]
