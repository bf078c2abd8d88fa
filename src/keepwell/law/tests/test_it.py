"""Italy pack: cases derived from RULES.md §0, §10 and §20.5, each with its arithmetic written out.

Unless a case says otherwise: no region, an annual salary of 26000 EUR, no reason on any contract, no
seasonal work, and the decision is not to renew on the last contract's last day. Durations count days of
fixed-term work with gaps left out: N months hold as many days as the calendar gives from the first start
(12 months from 2025-01-01 = 365 days), RULES.md §0.
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
    requests,
    status,
)

Case = dict[str, Any]
PARTIES = "esigenze tecniche e organizzative individuate dalle parti"
SUBSTITUTION = "sostituzione di lavoratrice in maternità"


def _request(**options: Any) -> Case:
    """An Italian request built on the shared factory: EUR and an annual salary."""
    request = china_request(jurisdiction="IT", wage=None, average=None, **options)
    request["employee"]["pay"].update(currency="EUR", annual_salary="26000")
    return request


def _contract(start: str, end: str, reason: str | None = None) -> Case:
    return {**contract(start, end), "objective_reason": reason}


def _pick(result: Case, keys: Case) -> Case:
    return {key: result[key] for key in keys}


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "expected", "code"),
    [
        (
            "ten clear days after six months",
            [_contract("2025-03-01", "2025-08-31"), _contract("2025-09-11", "2025-11-30")],
            {},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "it.dlgs81.art19.within_limits",
        ),
        (
            "nine days after six months",
            [_contract("2025-03-01", "2025-08-31"), _contract("2025-09-10", "2025-11-30")],
            {},
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2025-09-10",
                "non_renewal_lawful": False,
            },
            "it.dlgs81.art21_2.gap_too_short",
        ),
        (
            "twenty days after six months and a day",
            [_contract("2025-03-01", "2025-09-01"), _contract("2025-09-22", "2025-11-30")],
            {},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "it.dlgs81.art19.within_limits",
        ),
        (
            "nineteen days after six months and a day",
            [_contract("2025-03-01", "2025-09-01"), _contract("2025-09-21", "2025-11-30")],
            {},
            {"automatic_conversion": True, "conversion_effective_date": "2025-09-21"},
            "it.dlgs81.art21_2.gap_too_short",
        ),
        (
            "seasonal work needs no gap",
            [_contract("2025-03-01", "2025-08-31"), _contract("2025-09-05", "2025-11-30")],
            {"seasonal_work": True},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "it.dlgs81.art21_2.gap_exempt",
        ),
        (
            "a collective agreement waives the gap",
            [_contract("2025-03-01", "2025-08-31"), _contract("2025-09-05", "2025-11-30")],
            {"collective_agreement_waives_minimum_gap": True},
            {"automatic_conversion": False},
            "it.dlgs81.art21_2.gap_exempt",
        ),
    ],
)
def test_minimum_gap_between_contracts(
    label: str, contracts: list[Case], facts: Case, expected: Case, code: str
) -> None:
    """D.Lgs. 81/2015 Art 21(2): a new fixed term at least 10 days after a contract of up to 6 months, 20
    after a longer one; otherwise the second contract is open-ended from its start. Seasonal work and
    collective agreements are exempt.

    - 2025-03-01..08-31 = exactly 6 months ("up to 6") → 10 days: a start on 2025-09-11 leaves 09-01..09-10
      = 10 days; 2025-09-10 leaves 9 → open-ended from 2025-09-10
    - 2025-03-01..09-01 = 6 months 1 day → 20 days: 2025-09-22 leaves 20; 2025-09-21 leaves 19
    """
    result = assess(_request(contracts=contracts, facts=facts))

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "contracts", "expected", "code"),
    [
        (
            "exactly twelve months without a reason",
            [_contract("2025-01-01", "2025-12-31")],
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "it.dlgs81.art19.within_limits",
        ),
        (
            "twelve months and a day without a reason",
            [_contract("2025-01-01", "2026-01-01")],
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-01-01",
                "non_renewal_lawful": False,
            },
            "it.dlgs81.art19_1.reason_missing",
        ),
        (
            "twelve months ending on a leap day",
            [_contract("2023-03-01", "2024-02-29")],
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "it.dlgs81.art19.within_limits",
        ),
        (
            "a leap year and a day",
            [_contract("2023-03-01", "2024-03-01")],
            {"automatic_conversion": True, "conversion_effective_date": "2024-03-01"},
            "it.dlgs81.art19_1.reason_missing",
        ),
        (
            "an extension past twelve months with a reason",
            [_contract("2025-01-01", "2025-06-30"), _contract("2025-07-01", "2026-06-30", PARTIES)],
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "it.dlgs81.art19_1.reason_stated",
        ),
        (
            "a renewal past twelve months without a reason",
            [_contract("2025-01-01", "2025-09-30"), _contract("2025-11-01", "2026-04-30")],
            {"automatic_conversion": True, "conversion_effective_date": "2026-02-01"},
            "it.dlgs81.art19_1.reason_missing",
        ),
        (
            "a reason by the parties after the window",
            [_contract("2026-06-01", "2027-01-31"), _contract("2027-02-01", "2027-09-30", PARTIES)],
            {"automatic_conversion": None, "non_renewal_lawful": None, "confidence": "medium"},
            "it.dlgs81.art19_1.reason_window_closed",
        ),
        (
            "a substitution after the window",
            [_contract("2026-06-01", "2027-01-31"), _contract("2027-02-01", "2027-09-30", SUBSTITUTION)],
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "it.dlgs81.art19_1.reason_stated",
        ),
    ],
)
def test_reason_beyond_twelve_months(label: str, contracts: list[Case], expected: Case, code: str) -> None:
    """D.Lgs. 81/2015 Art 19(1) and (1-bis): up to 12 months free; beyond, a reason (collective agreement,
    the parties' needs for contracts concluded until 2026-12-31, or substitution); without one the contract
    is open-ended from the day the 12 months are passed.

    - 2025-01-01..12-31 = 365 days = 12 months → free; to 2026-01-01 → passed on 2026-01-01
    - 2023-03-01 + 12 months → 2024-02-29 (366 days, a leap year) → free; 2024-03-01 → passed that day
    - 9 months (273 days) then, from 2025-11-01, a renewal without reason: 365 − 273 = 92 more days →
      passed on 2025-11-01 + 92 days = 2026-02-01
    - an extension from 2027-02-01 relying on the parties' needs comes after 2026-12-31 → undecided; a
      substitution is still a valid reason
    """
    result = assess(_request(contracts=contracts))

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


TWO_YEARS = [_contract("2024-01-01", "2024-12-31"), _contract("2025-01-25", "2026-01-24", PARTIES)]


@pytest.mark.parametrize(
    ("label", "contracts", "expected", "code"),
    [
        (
            "exactly twenty-four months of work",
            TWO_YEARS,
            {
                "automatic_conversion": False,
                "non_renewal_lawful": True,
                "next_contract_must_be_open_ended": None,
            },
            "it.dlgs81.art19_3.only_at_labour_inspectorate",
        ),
        (
            "a day more",
            [TWO_YEARS[0], _contract("2025-01-25", "2026-01-25", PARTIES)],
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-01-25",
                "non_renewal_lawful": False,
            },
            "it.dlgs81.art19_2.total_exceeded",
        ),
        (
            "one more contract, perhaps at the Labour Inspectorate",
            [*TWO_YEARS, _contract("2026-03-01", "2026-08-31", PARTIES)],
            {"automatic_conversion": None, "non_renewal_lawful": None, "confidence": "medium"},
            "it.dlgs81.art19_3.labour_inspectorate",
        ),
    ],
)
def test_twenty_four_months_in_all(label: str, contracts: list[Case], expected: Case, code: str) -> None:
    """D.Lgs. 81/2015 Art 19(2)-(3): 24 months of fixed-term work with one employer, gaps left out; one more
    contract of up to 12 months only if signed at the Labour Inspectorate.

    2024 (366 days) + 2025-01-25..2026-01-24 (365 days) = 731 days = 2024-01-01..2025-12-31 = 24 months →
    within, with no ordinary fixed term left; a day more → passed on 2026-01-25; a third contract from
    2026-03-01 (6 months) could be the Labour Inspectorate one → undecided.
    """
    result = assess(_request(contracts=contracts))

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


def _bimonthly(count: int) -> list[Case]:
    """``count`` adjacent two-month entries from 2025-01-01 (a contract and its extensions)."""
    starts = ["2025-01-01", "2025-03-01", "2025-05-01", "2025-07-01", "2025-09-01", "2025-11-01"]
    ends = ["2025-02-28", "2025-04-30", "2025-06-30", "2025-08-31", "2025-10-31", "2025-12-31"]
    return [_contract(start, end) for start, end in zip(starts[:count], ends[:count], strict=True)]


@pytest.mark.parametrize(
    ("label", "contracts", "expected"),
    [
        ("four extensions", _bimonthly(5), {"automatic_conversion": False, "non_renewal_lawful": True}),
        (
            "a fifth extension",
            _bimonthly(6),
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2025-11-01",
                "non_renewal_lawful": False,
            },
        ),
    ],
)
def test_four_extensions(label: str, contracts: list[Case], expected: Case) -> None:
    """D.Lgs. 81/2015 Art 21(1): at most 4 extensions within 24 months; the 5th makes the contract
    open-ended from its start. Two-month entries from 2025-01-01: the 6th entry (2025-11-01..12-31) is the
    5th extension; 12 months in all, so no reason is needed."""
    result = assess(_request(contracts=contracts))

    assert _pick(result, expected) == expected, label


@pytest.mark.parametrize(
    ("label", "contracts", "days", "expected", "params"),
    [
        (
            "six months, fifty days",
            [_contract("2025-07-01", "2025-12-31")],
            50,
            {"automatic_conversion": False, "non_renewal_lawful": True},
            {"days_first": 10, "days_later": 40},
        ),
        (
            "six months, fifty-one days",
            [_contract("2025-07-01", "2025-12-31")],
            51,
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-02-20",
                "non_renewal_lawful": False,
            },
            {"days_first": 10, "days_later": 41},
        ),
        (
            "a day under six months, thirty days",
            [_contract("2025-07-01", "2025-12-30")],
            30,
            {"automatic_conversion": False},
            {"days_first": 10, "days_later": 20},
        ),
        (
            "a day under six months, thirty-one days",
            [_contract("2025-07-01", "2025-12-30")],
            31,
            {"automatic_conversion": True, "conversion_effective_date": "2026-01-30"},
            {"days_first": 10, "days_later": 21},
        ),
        (
            "five days",
            [_contract("2025-07-01", "2025-12-31")],
            5,
            {"automatic_conversion": False},
            {"days_first": 5, "days_later": 0},
        ),
    ],
)
def test_work_after_expiry(
    label: str, contracts: list[Case], days: int, expected: Case, params: Case
) -> None:
    """D.Lgs. 81/2015 Art 22: +20% pay for days 1-10 after expiry, +40% after; beyond day 30 (contracts
    under 6 months) or day 50 (others) the contract is open-ended from that point.

    - 2025-07-01..12-31 = exactly 6 months, not "under 6" → 50 days: day 1 after D is 2026-01-01, day 50 is
      2026-02-19, so day 51 = D + 51 days = 2026-02-20 is open-ended; 50 days = 10 at +20%, 40 at +40%
    - 2025-07-01..12-30 = 5 months 30 days, under 6 → 30 days: day 31 = D + 31 days = 2026-01-30
    """
    request = _request(contracts=contracts, facts={"continued_working_after_expiry_days": days})

    result = assess(request)

    assert _pick(result, expected) == expected, label
    finding = next(item for item in result["findings"] if item["code"] == "it.dlgs81.art22.surcharge")
    assert _pick(finding["params"], params) == params, label


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "deadline"),
    [
        ("exactly six months: no priority", [_contract("2025-07-01", "2025-12-31")], {}, None),
        ("six months and a day", [_contract("2025-07-01", "2026-01-01")], {}, "2026-07-01"),
        (
            "seasonal: three months to claim",
            [_contract("2025-07-01", "2026-01-01")],
            {"seasonal_work": True},
            "2026-04-01",
        ),
    ],
)
def test_priority_right(label: str, contracts: list[Case], facts: Case, deadline: str | None) -> None:
    """D.Lgs. 81/2015 Art 24: more than 6 months of work gives priority for permanent hires for 12 months,
    claimed in writing within 6 months (3 for seasonal work, recalled) of the end: 2026-01-01 + 6 months =
    2026-07-01; + 3 months = 2026-04-01."""
    result = assess(_request(contracts=contracts, facts=facts))

    findings = [item for item in result["findings"] if item["code"] == "it.dlgs81.art24.priority_right"]
    assert [item["params"]["deadline"] for item in findings] == ([] if deadline is None else [deadline]), (
        label
    )


SIX_MONTHS = [_contract("2025-01-01", "2025-06-30")]


@pytest.mark.parametrize(
    ("label", "contracts", "decision_date", "new_end_date", "facts", "lawful", "code"),
    [
        (
            "an extension to twelve months",
            SIX_MONTHS,
            "2025-07-01",
            "2025-12-31",
            {},
            True,
            "it.dlgs81.renewal_lawful",
        ),
        (
            "an extension past twelve months without a reason",
            SIX_MONTHS,
            "2025-07-01",
            "2026-01-01",
            {},
            False,
            "it.dlgs81.art19_1.renewal_needs_reason",
        ),
        (
            "an extension past twelve months with a reason",
            SIX_MONTHS,
            "2025-07-01",
            "2026-06-30",
            {"proposed_contract_objective_reason": PARTIES},
            True,
            "it.dlgs81.renewal_lawful",
        ),
        (
            "a fifth extension",
            _bimonthly(5),
            "2025-11-01",
            "2025-12-31",
            {},
            False,
            "it.dlgs81.art21_1.renewal_too_many_extensions",
        ),
        (
            "a renewal nine days later",
            SIX_MONTHS,
            "2025-07-10",
            "2025-09-30",
            {},
            False,
            "it.dlgs81.art21_2.renewal_too_soon",
        ),
        (
            "a renewal ten days later",
            SIX_MONTHS,
            "2025-07-11",
            "2025-09-30",
            {},
            True,
            "it.dlgs81.renewal_lawful",
        ),
        (
            "past twenty-four months",
            SIX_MONTHS,
            "2025-07-01",
            "2027-01-01",
            {"proposed_contract_objective_reason": SUBSTITUTION},
            False,
            "it.dlgs81.art19_2.renewal_too_long",
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
    """D.Lgs. 81/2015 Arts 19 and 21 for the proposed contract; 2025-01-01..06-30 = 6 months:

    - extending to 2025-12-31 = 12 months → free; to 2026-01-01 → needs a reason; with one → lawful
    - after 4 extensions (two-month entries to 2025-10-31) a 5th is not lawful
    - a renewal must wait 10 days after 6 months: from 2025-07-10 only 9 days → not lawful; 2025-07-11 → 10
    - to 2027-01-01 the total passes 24 months (2025-01-01..2026-12-31) → not lawful
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
    assert "it.dlgs104.art7.no_new_probation" in codes(result), label


def test_pregnancy_does_not_stop_expiry() -> None:
    """RULES.md §10: the ban on dismissal during pregnancy does not stop a term expiring on D = 2025-12-31."""
    request = _request(
        contracts=[_contract("2025-07-01", "2025-12-31")], statuses=[status("pregnant", "2025-12-30")]
    )

    result = assess(request)

    assert _pick(result, {"non_renewal_lawful": 0, "blocking_protections": 0, "severance": 0}) == {
        "non_renewal_lawful": True,
        "blocking_protections": [],
        "severance": None,
    }
    assert "it.protection.does_not_block_expiry" in codes(result)


@pytest.mark.parametrize(
    ("label", "facts", "field", "message"),
    [
        (
            "seasonal work as a word",
            {"seasonal_work": "yes"},
            "employee.facts.seasonal_work",
            "expected true, false or null, got 'yes'",
        ),
        (
            "negative days after expiry",
            {"continued_working_after_expiry_days": -1},
            "employee.facts.continued_working_after_expiry_days",
            "must not be negative, got -1",
        ),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, field: str, message: str) -> None:
    request = _request(
        contracts=[_contract("2025-03-01", "2025-08-31"), _contract("2025-09-05", "2025-11-30")], facts=facts
    )

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert (raised.value.field, raised.value.message) == (field, message), label


def test_decision_before_the_pack_is_unsupported() -> None:
    """The pack covers decisions from 2023-05-05, when DL 48/2023 came into force."""
    result = assess(_request(contracts=[_contract("2022-11-05", "2023-05-04")]))

    assert result["supported"] is False
    assert result["findings"][0]["params"]["effective_from"] == "2023-05-05"


# --- Property: random valid histories -------------------------------------------------------------------

PACK_FROM = date(2023, 5, 5)
REASONS = (None, None, PARTIES, SUBSTITUTION)
STATUS_KINDS = ("pregnant", "maternity_leave", "disabled")
ITALIAN_REQUESTS = requests(
    jurisdiction="IT",
    decided=(PACK_FROM, PACK_FROM + timedelta(days=3650)),
    contract_days=2500,
    regions=(None, None, "Lombardia"),
    statuses=STATUS_KINDS,
    reasons=REASONS,
    pay={"currency": st.just("EUR"), "annual_salary": st.just("26000")},
    facts={
        "seasonal_work": FLAGS,
        "collective_agreement_waives_minimum_gap": FLAGS,
        "sector_agreement_overrides_defaults": FLAGS,
        "continued_working_after_expiry_days": st.one_of(st.none(), st.integers(0, 90)),
        "proposed_contract_objective_reason": st.sampled_from([None, PARTIES, SUBSTITUTION]),
    },
)


@settings(max_examples=300, deadline=None)
@given(ITALIAN_REQUESTS)
def test_random_histories_never_raise_and_stay_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    assert result["supported"] is True
    assert result["rule_pack"] == "it"
    assert result["severance"] is None
    assert result["last_notice_date"] is None
    assert result["employee_may_request_open_ended"] is None
    if result["automatic_conversion"] is True and request["decision"]["action"] == "not_renew":
        assert result["non_renewal_lawful"] is False
    for finding in result["findings"]:
        assert finding["code"].startswith(("it.", "law."))
        assert finding["text"] == finding["message"] % finding["params"]


def test_a_renewal_dated_on_the_last_day_is_an_extension_from_the_next_day() -> None:
    """D.Lgs. 81/2015 Art 21(1): a contract continued without a break is an extension (proroga).

    A renewal decided on 2026-06-30, the last day of a contract running 2026-01-01 to 2026-06-30, can only
    start on 2026-07-01: no gap is counted (never "-1 days"), and the extension rules apply.
    """
    from keepwell.law.tests.factory import assert_sound

    request = _italy_renewal_on_expiry()
    result = assess(request)
    assert result["supported"] is True
    assert not any(finding["code"] == "it.dlgs81.art21_2.renewal_too_soon" for finding in result["findings"])
    assert all("-1 day" not in finding["text"] for finding in result["findings"])
    assert_sound(result, request)


def _italy_renewal_on_expiry() -> dict[str, object]:
    return {
        "jurisdiction": "IT",
        "region": None,
        "as_of": "2026-06-01",
        "employee": {
            "hire_date": "2026-01-01",
            "birth_date": None,
            "contracts": [
                {"start": "2026-01-01", "end": "2026-06-30", "type": "fixed_term", "objective_reason": None}
            ],
            "pay": {
                "currency": "EUR",
                "monthly_wage": "2500",
                "weekly_pay": None,
                "daily_wage": None,
                "annual_salary": None,
                "total_gross_pay_over_contracts": None,
            },
            "local_average_monthly_wage": None,
            "statuses": [],
            "workplace_headcount": None,
            "facts": {},
        },
        "decision": {
            "action": "renew_fixed_term",
            "date": "2026-06-30",
            "offer": "same_or_better",
            "new_end_date": "2026-12-31",
        },
    }
