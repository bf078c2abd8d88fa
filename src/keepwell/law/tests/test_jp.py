"""Japan pack: cases derived from RULES.md §0 and §3, each with its arithmetic and citation written out.

Unless a case says otherwise: no region, no pay (nothing is owed on expiry in Japan), no facts, and the
decision is not to renew on the last contract's last day.
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


def japan_request(**options: Any) -> Case:
    """A SCHEMA.md request for Japan, built with the shared factory: yen, no wage."""
    return china_request(jurisdiction="JP", currency="JPY", wage=None, average=None, **options)


def _finding(result: Case, code: str) -> Case:
    return next(item for item in result["findings"] if item["code"] == code)


@pytest.mark.parametrize(
    ("label", "contracts", "may_request", "code", "params"),
    [
        (
            "exactly five years over two contracts: no right",
            [contract("2020-04-01", "2023-03-31"), contract("2023-04-01", "2025-03-31")],
            False,
            "jp.lca.art18.not_reached",
            {"contracts": 2, "months": 60, "days": 0},
        ),
        (
            "five years and a day: right from the second contract",
            [contract("2020-04-01", "2023-03-31"), contract("2023-04-01", "2025-04-01")],
            True,
            "jp.lca.art18.conversion_right",
            {"months": 60, "days": 1, "right_from": "2023-04-01"},
        ),
        (
            "three plus three years: right from the first day of the second contract",
            [contract("2019-04-01", "2022-03-31"), contract("2022-04-01", "2025-03-31")],
            True,
            "jp.lca.art18.conversion_right",
            {"months": 72, "days": 0, "right_from": "2022-04-01"},
        ),
        (
            "one contract over five years: two contracts are needed",
            [contract("2019-04-01", "2025-03-31")],
            False,
            "jp.lca.art18.not_reached",
            {"contracts": 1, "months": 72, "days": 0},
        ),
        (
            "the contract begun before 2013-04-01 does not count",
            [
                contract("2010-04-01", "2013-03-31"),
                contract("2013-04-01", "2016-03-31"),
                contract("2016-04-01", "2018-03-31"),
            ],
            False,
            "jp.lca.art18.not_reached",
            {"count_from": "2013-04-01", "contracts": 2, "months": 60, "days": 0},
        ),
        (
            "five years ending on a leap day: no right",
            [contract("2019-03-01", "2022-02-28"), contract("2022-03-01", "2024-02-29")],
            False,
            "jp.lca.art18.not_reached",
            {"months": 60, "days": 0},
        ),
        (
            "five years and a day ending after a leap day: right",
            [contract("2019-03-01", "2022-02-28"), contract("2022-03-01", "2024-03-01")],
            True,
            "jp.lca.art18.conversion_right",
            {"months": 60, "days": 1, "right_from": "2022-03-01"},
        ),
    ],
)
def test_five_year_rule(
    label: str, contracts: list[Case], may_request: bool, code: str, params: Case
) -> None:
    """LCA Art 18(1): two or more fixed-term contracts from 2013-04-01 adding up to *more than* 5 years.

    Periods are counted inclusively in calendar months (RULES.md §0):
    - 2020-04-01..2023-03-31 (36 months) + 2023-04-01..2025-03-31 (24 months) = 60 months: not more than 60
    - the second contract to 2025-04-01 adds a day: 60 months 1 day > 60 → the right exists during the
      contract whose end takes the total over 5 years, i.e. from 2023-04-01
    - RULES.md's example: 3 + 3 years = 72 months → the right exists from the first day of the second contract
    - one 6-year contract: 72 months, but Art 18 needs two or more contracts
    - 2010-04-01..2013-03-31 started before 2013-04-01 and does not count: 36 + 24 = 60 months, no right
    - 2019-03-01..2024-02-29: the 5th anniversary period ends on the leap day 2024-02-29 → exactly 60 months
    - ending 2024-03-01 instead: 60 months 1 day → right from 2022-03-01
    """
    result = assess(japan_request(contracts=contracts))

    assert result["employee_may_request_open_ended"] is may_request, label
    assert result["next_contract_must_be_open_ended"] is (None if may_request else False), label
    assert result["automatic_conversion"] is False, label
    found = _finding(result, code)["params"]
    assert {key: found[key] for key in params} == params, label


THREE_CONTRACTS = [
    contract("2016-04-01", "2019-03-31"),
    contract("2019-04-01", "2022-03-31"),
    contract("2022-04-01", "2025-03-31"),
]


@pytest.mark.parametrize(
    ("label", "facts", "action", "expected", "code"),
    [
        (
            "applied during the current contract",
            {"employee_requested_open_ended": True, "employee_request_date": "2024-10-01"},
            "not_renew",
            {
                "next_contract_must_be_open_ended": True,
                "conversion_effective_date": "2025-04-01",
                "non_renewal_lawful": False,
            },
            "jp.lca.art18.converted_on_application",
        ),
        (
            "applied on the last day of the contract",
            {"employee_requested_open_ended": True, "employee_request_date": "2025-03-31"},
            "not_renew",
            {"conversion_effective_date": "2025-04-01", "non_renewal_lawful": False},
            "jp.lca.art18.converted_on_application",
        ),
        (
            "applied during the second contract, when the right already existed",
            {"employee_requested_open_ended": True, "employee_request_date": "2021-06-01"},
            "not_renew",
            {"conversion_effective_date": "2022-04-01", "non_renewal_lawful": False},
            "jp.lca.art18.converted_on_application",
        ),
        (
            "applied during the first contract, before the right arose",
            {"employee_requested_open_ended": True, "employee_request_date": "2018-06-01"},
            "not_renew",
            {"next_contract_must_be_open_ended": None, "non_renewal_lawful": None},
            "jp.lca.art18.application_premature",
        ),
        (
            "application not recorded",
            {},
            "not_renew",
            {"next_contract_must_be_open_ended": None, "non_renewal_lawful": None},
            "jp.lca.art18.may_apply",
        ),
        (
            "no application and no request to renew",
            {"employee_requested_open_ended": False, "employee_requested_continuation": False},
            "not_renew",
            {"next_contract_must_be_open_ended": False, "non_renewal_lawful": True},
            "jp.lca.art18.not_applied",
        ),
        (
            "fixed-term renewal after an application",
            {"employee_requested_open_ended": True},
            "renew_fixed_term",
            {"renewal_as_proposed_lawful": False, "conversion_effective_date": "2025-04-01"},
            "jp.lca.art18.converted_on_application",
        ),
        (
            "renewal as an indefinite contract",
            {"employee_requested_open_ended": True},
            "renew_open_ended",
            {"renewal_as_proposed_lawful": True, "non_renewal_lawful": None},
            "jp.lca.art18.open_ended_renewal",
        ),
    ],
)
def test_application_for_an_indefinite_contract(
    label: str, facts: Case, action: str, expected: Case, code: str
) -> None:
    """LCA Art 18(1): an application made while the right exists is deemed accepted; the contract is
    indefinite from the day after the contract during which it was made ends.

    Contracts 2016-04-01..2019-03-31, 2019-04-01..2022-03-31, 2022-04-01..2025-03-31: after the second
    contract the total is 72 months > 60, so the right exists from 2019-04-01 (the second contract).
    - applied 2024-10-01 (or on 2025-03-31, the last day): indefinite from 2025-03-31 + 1 = 2025-04-01, and
      not renewing is a dismissal, not an expiry → non_renewal_lawful false
    - applied 2021-06-01, during the second contract: indefinite from 2022-03-31 + 1 = 2022-04-01
    - applied 2018-06-01, during the first contract (36 months only): too early, no effect
    - no application recorded: may still apply until 2025-03-31 → unknown
    - neither an application nor a request to renew (Art 19 needs one): not renewing is lawful
    - a fixed-term renewal cannot take away the indefinite contract; renewing indefinitely is lawful
    """
    decision_date = None if action == "not_renew" else "2025-04-01"
    new_end_date = "2026-03-31" if action == "renew_fixed_term" else None
    request = japan_request(
        contracts=THREE_CONTRACTS,
        facts=facts,
        action=action,
        decision_date=decision_date,
        new_end_date=new_end_date,
    )

    result = assess(request)

    assert {key: result[key] for key in expected} == expected, label
    assert result["employee_may_request_open_ended"] is True, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "contracts", "may_request", "gap_code", "gap_params"),
    [
        (
            "six months' gap after four years resets the count",
            [
                contract("2015-04-01", "2019-03-31"),
                contract("2019-10-01", "2022-09-30"),
                contract("2022-10-01", "2024-09-30"),
            ],
            False,
            "jp.lca.art18.cooling_off_reset",
            {"gap_months": 6, "gap_days": 0, "required": 6, "months": 48, "days": 0, "index": 1},
        ),
        (
            "a day short of six months does not",
            [
                contract("2015-04-01", "2019-03-31"),
                contract("2019-09-30", "2022-09-30"),
                contract("2022-10-01", "2024-09-30"),
            ],
            True,
            "jp.lca.art18.gap_too_short",
            {"gap_months": 5, "gap_days": 29, "required": 6, "months": 48, "days": 0, "index": 1},
        ),
        (
            "four months counted: a two months' gap resets",
            [
                contract("2020-01-01", "2020-04-30"),
                contract("2020-07-01", "2023-06-30"),
                contract("2023-07-01", "2025-06-30"),
            ],
            False,
            "jp.lca.art18.cooling_off_reset",
            {"gap_months": 2, "gap_days": 0, "required": 2, "months": 4, "days": 0},
        ),
        (
            "four months and a day counted: two months are not enough",
            [
                contract("2020-01-01", "2020-05-01"),
                contract("2020-07-02", "2023-06-30"),
                contract("2023-07-01", "2025-06-30"),
            ],
            True,
            "jp.lca.art18.gap_too_short",
            {"gap_months": 2, "gap_days": 0, "required": 3, "months": 4, "days": 1},
        ),
    ],
)
def test_cooling_off_gap(
    label: str, contracts: list[Case], may_request: bool, gap_code: str, gap_params: Case
) -> None:
    """LCA Art 18(2): a gap with no contract resets the count if it is long enough.

    - counted 2015-04-01..2019-03-31 = 48 months (1 year or more) → 6 months needed; the gap
      2019-04-01..2019-09-30 is exactly 6 months → reset; then 2019-10-01..2024-09-30 = 60 months, not more
    - the gap 2019-04-01..2019-09-29 is 5 months 29 days → no reset: 48 + 2019-09-30..2024-09-30 (60 months
      1 day) = 108 months 1 day > 60 → right
    - counted 4 months (under a year): half rounded up to whole months, ceil(4 / 2) = 2 months needed; the
      gap 2020-05-01..2020-06-30 is 2 months → reset; then 36 + 24 = 60 months → no right
    - counted 2020-01-01..2020-05-01 = 4 months 1 day, a part month rounds up to 5 → ceil(5 / 2) = 3 months
      needed; the gap 2020-05-02..2020-07-01 is 2 months → no reset: 4 months 1 day + 2020-07-02..2025-06-30
      (59 months 29 days) = 63 months 30 days = 64 months (30 spare days make a month) > 60 → right
    """
    result = assess(japan_request(contracts=contracts))

    assert result["employee_may_request_open_ended"] is may_request, label
    found = _finding(result, gap_code)["params"]
    assert {key: found[key] for key in gap_params} == gap_params, label


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "last_notice_date", "code"),
    [
        (
            "three renewals of two-month contracts",
            [
                contract("2026-01-01", "2026-02-28"),
                contract("2026-03-01", "2026-04-30"),
                contract("2026-05-01", "2026-06-30"),
                contract("2026-07-01", "2026-08-31"),
            ],
            {},
            "2026-08-01",
            "jp.notice.required",
        ),
        (
            "two renewals, exactly a year of employment",
            [
                contract("2026-01-01", "2026-04-30"),
                contract("2026-05-01", "2026-08-31"),
                contract("2026-09-01", "2026-12-31"),
            ],
            {},
            None,
            "jp.notice.not_required",
        ),
        (
            "two renewals, a year and a day of employment",
            [
                contract("2026-01-01", "2026-04-30"),
                contract("2026-05-01", "2026-08-31"),
                contract("2026-09-01", "2027-01-01"),
            ],
            {},
            "2026-12-02",
            "jp.notice.required",
        ),
        (
            "one contract of exactly a year",
            [contract("2026-01-01", "2026-12-31")],
            {},
            None,
            "jp.notice.not_required",
        ),
        (
            "one contract of a year and a day",
            [contract("2026-01-01", "2027-01-01")],
            {},
            "2026-12-02",
            "jp.notice.required",
        ),
        (
            "expiry on a leap day",
            [contract("2027-01-01", "2028-02-29")],
            {},
            "2028-01-30",
            "jp.notice.required",
        ),
        (
            "non-renewal stated in advance",
            [contract("2026-01-01", "2027-01-01")],
            {"non_renewal_stated_in_advance": True},
            None,
            "jp.notice.stated_in_advance",
        ),
    ],
)
def test_notice_of_non_renewal(
    label: str, contracts: list[Case], facts: Case, last_notice_date: str | None, code: str
) -> None:
    """MHLW Standard: 30 days' notice when (a) renewed 3+ times, (b) renewed so that continuous employment
    exceeds 1 year, or (c) the term exceeds 1 year; not if non-renewal was stated in advance.

    Deadline = expiry − 30 calendar days (RULES.md §0):
    - 4 two-month contracts = 3 renewals → 2026-08-31 − 30 = 2026-08-01 (the shared JP-04 case)
    - 2 renewals, 2026-01-01..2026-12-31 = exactly 12 months, not more → no notice
    - 2 renewals, 2026-01-01..2027-01-01 = 12 months 1 day → 2027-01-01 − 30 = 2026-12-02
    - one contract of exactly 12 months → no notice; of 12 months 1 day → 2026-12-02
    - 2027-01-01..2028-02-29 = 14 months > 12 → 2028-02-29 − 30 = 2028-01-30 (29 days back to 2028-01-31,
      one more to 2028-01-30)
    - stated in advance: the duty falls away
    """
    result = assess(japan_request(contracts=contracts, facts=facts))

    assert result["last_notice_date"] == last_notice_date, label
    assert code in codes(result), label
    assert result["severance"] is None, label
    assert "jp.lsa.art20.no_payment_on_expiry" in codes(result), label


TIMELINESS_CODES = ("jp.notice.deadline_passed", "jp.notice.given_in_time", "jp.notice.given_late")


@pytest.mark.parametrize(
    ("label", "as_of", "given", "code", "params"),
    [
        ("deadline passed", "2026-12-05", None, "jp.notice.deadline_passed", {"as_of": "2026-12-05"}),
        ("the day before the deadline", "2026-12-01", None, None, {}),
        ("given on the deadline", None, "2026-12-02", "jp.notice.given_in_time", {"given": "2026-12-02"}),
        ("given a day late", None, "2026-12-03", "jp.notice.given_late", {"days_late": 1}),
    ],
)
def test_notice_timeliness(
    label: str, as_of: str | None, given: str | None, code: str | None, params: Case
) -> None:
    """Expiry 2027-01-01 after a 12 months 1 day term: notice due by 2027-01-01 − 30 = 2026-12-02."""
    facts = {} if given is None else {"termination_notice_given": given}
    request = japan_request(contracts=[contract("2026-01-01", "2027-01-01")], facts=facts, as_of=as_of)

    result = assess(request)

    timeliness = [item for item in codes(result) if item in TIMELINESS_CODES]
    assert timeliness == ([] if code is None else [code]), label
    if code is not None:
        found = _finding(result, code)["params"]
        assert {key: found[key] for key in params} == params, label
        assert found["deadline"] == "2026-12-02", label


@pytest.mark.parametrize(
    ("label", "new_end_date", "birth_date", "lawful", "code"),
    [
        ("exactly three years", "2029-03-31", None, True, "jp.lsa.art14.term_within_limit"),
        ("three years and a day", "2029-04-01", None, None, "jp.lsa.art14.expert_or_project_only"),
        (
            "four years, worker turns 60 on the first day",
            "2030-03-31",
            "1966-04-01",
            True,
            "jp.lsa.art14.older_worker_term",
        ),
        (
            "four years, worker 59 on the first day",
            "2030-03-31",
            "1966-04-02",
            None,
            "jp.lsa.art14.expert_or_project_only",
        ),
        ("five years and a day, worker 60", "2031-04-01", "1960-01-01", None, "jp.lsa.art14.project_only"),
    ],
)
def test_longest_term_of_a_renewed_contract(
    label: str, new_end_date: str, birth_date: str | None, lawful: bool | None, code: str
) -> None:
    """LSA Art 14(1): one contract lasts at most 3 years; 5 for designated experts and workers aged 60+.

    Current contract 2025-04-01..2026-03-31; the renewal runs from 2026-04-01:
    - to 2029-03-31 = 36 months → within the limit
    - to 2029-04-01 = 36 months 1 day → only for experts, workers 60+ or a specific project → unknown
    - to 2030-03-31 = 48 months; born 1966-04-01 → 60 on 2026-04-01 → allowed (≤ 60 months)
    - born 1966-04-02 → still 59 on 2026-04-01 → unknown (expert or project only)
    - to 2031-04-01 = 60 months 1 day → only a specific project → unknown even at 60+
    """
    request = japan_request(
        contracts=[contract("2025-04-01", "2026-03-31")],
        action="renew_fixed_term",
        decision_date="2026-04-01",
        new_end_date=new_end_date,
        birth_date=birth_date,
    )

    result = assess(request)

    assert result["renewal_as_proposed_lawful"] is lawful, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "lawful", "code"),
    [
        (
            "first contract, employee asked to renew",
            [contract("2025-04-01", "2026-03-31")],
            {"employee_requested_continuation": True},
            True,
            "jp.lca.art19.not_triggered",
        ),
        (
            "renewed once, employee asked to renew",
            [contract("2024-04-01", "2025-03-31"), contract("2025-04-01", "2026-03-31")],
            {"employee_requested_continuation": True},
            None,
            "jp.lca.art19.deemed_renewal_risk",
        ),
        (
            "first contract with renewal criteria, employee asked",
            [contract("2025-04-01", "2026-03-31")],
            {"employee_requested_continuation": True, "renewal_criteria_clause": True},
            None,
            "jp.lca.art19.deemed_renewal_risk",
        ),
        (
            "renewed once, request not recorded",
            [contract("2024-04-01", "2025-03-31"), contract("2025-04-01", "2026-03-31")],
            {},
            None,
            "jp.lca.art19.if_requested",
        ),
        (
            "renewed once, employee did not ask",
            [contract("2024-04-01", "2025-03-31"), contract("2025-04-01", "2026-03-31")],
            {"employee_requested_continuation": False},
            True,
            "jp.lca.art19.no_request",
        ),
    ],
)
def test_restriction_of_non_renewal(
    label: str, contracts: list[Case], facts: Case, lawful: bool | None, code: str
) -> None:
    """LCA Art 19: where renewals (or a promise of renewal) create a reasonable expectation and the worker
    asks to renew, refusal without an objectively reasonable, socially appropriate ground renews the
    contract. Whether the ground exists depends on the facts (medium), so the answer is unknown there.
    """
    result = assess(japan_request(contracts=contracts, facts=facts))

    assert result["non_renewal_lawful"] is lawful, label
    assert code in codes(result), label
    # Only "the employee did not ask" settles Art 19 for sure; everything else is medium (RULES.md §3).
    assert result["confidence"] == ("high" if code == "jp.lca.art19.no_request" else "medium"), label


@pytest.mark.parametrize(
    ("label", "decision_date", "new_end_date", "expected_codes"),
    [
        ("renewed the day before the 2024 rules", "2024-03-31", "2025-03-31", []),
        ("renewed on their first day", "2024-04-01", "2025-03-31", ["jp.lsa.art15.state_renewal_cap"]),
        (
            "renewed with no end date, right not yet arisen",
            "2024-04-01",
            None,
            ["jp.lsa.art15.state_renewal_cap"],
        ),
        (
            "renewal that takes the count over five years",
            "2024-04-01",
            "2026-04-01",
            [
                "jp.lsa.art15.state_renewal_cap",
                "jp.lca.art18.arises_in_new_contract",
                "jp.lsa.art15.state_conversion_right",
            ],
        ),
    ],
)
def test_written_terms_at_renewal(
    label: str, decision_date: str, new_end_date: str | None, expected_codes: list[str]
) -> None:
    """LSA Art 15, Enforcement Ordinance Art 5 (from 2024-04-01): every renewal states the cap on renewals or
    total term; a renewal during which the conversion right arises states the right and the later terms.

    History 2021-04-01..2024-03-31 (36 months); the renewal runs from 2024-04-01. To 2025-03-31 the total is
    48 months; to 2026-04-01 it is 60 months 1 day > 60, so the right arises during the new contract. A
    renewal decided on 2024-03-31 is assessed under the rules of that day, before the 2024 duties.
    """
    request = japan_request(
        contracts=[contract("2021-04-01", "2024-03-31")],
        action="renew_fixed_term",
        decision_date=decision_date,
        new_end_date=new_end_date,
    )

    result = assess(request)

    assert [item for item in codes(result) if item.startswith(("jp.lsa.art15", "jp.lca.art18.arises"))] == (
        expected_codes
    ), label
    assert result["renewal_as_proposed_lawful"] is True, label


def test_renewal_carrying_an_existing_right_states_it() -> None:
    """LSA Art 15 (2024): 2016-04-01..2025-03-31 add up to 108 months > 60, so any renewal carries the
    conversion right; with no proposed end date the duty to state the right still follows from the history.
    No application is recorded, so whether a fixed-term renewal stands is unknown (LCA Art 18)."""
    request = japan_request(contracts=THREE_CONTRACTS, action="renew_fixed_term", decision_date="2025-04-01")

    result = assess(request)

    assert [item for item in codes(result) if item.startswith("jp.lsa.art15")] == [
        "jp.lsa.art15.state_renewal_cap",
        "jp.lsa.art15.state_conversion_right",
    ]
    assert result["renewal_as_proposed_lawful"] is None


def test_re_employed_older_worker_has_no_conversion_right() -> None:
    """Special measures for workers re-employed after mandatory retirement: no Art 18 right while so
    employed, if the employer's plan is certified (not an input, so confidence medium). 3 + 3 years would
    otherwise give the right (72 months > 60)."""
    request = japan_request(
        contracts=[contract("2019-04-01", "2022-03-31"), contract("2022-04-01", "2025-03-31")],
        statuses=[status("re_employed_older_worker")],
        facts={"employee_requested_continuation": False},
    )

    result = assess(request)

    assert result["employee_may_request_open_ended"] is False
    assert result["non_renewal_lawful"] is True
    assert "jp.lca.art18.re_employed_older_worker" in codes(result)
    assert result["confidence"] == "medium"


@pytest.mark.parametrize(
    ("label", "facts", "field"),
    [
        ("impossible date", {"employee_request_date": "2026-02-30"}, "employee.facts.employee_request_date"),
        (
            "text for a yes/no fact",
            {"non_renewal_stated_in_advance": "no"},
            "employee.facts.non_renewal_stated_in_advance",
        ),
        (
            "number for a yes/no fact",
            {"employee_requested_open_ended": 1},
            "employee.facts.employee_requested_open_ended",
        ),
        (
            "date for a yes/no fact",
            {"employee_requested_continuation": "2026-01-01"},
            "employee.facts.employee_requested_continuation",
        ),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, field: str) -> None:
    """Facts are read through typed accessors: a wrong type names ``employee.facts.<key>``. Contracts adding
    up to 108 months (more than 60) make the pack read the application and, as its outcome is unknown, the
    Art 19 facts."""
    request = japan_request(contracts=THREE_CONTRACTS, facts=facts)

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert raised.value.field == field, label


def test_decision_before_article_18_is_unsupported() -> None:
    """The pack covers decisions from 2013-04-01 (LCA Art 18 in force); 2013-03-31 gets no conclusions."""
    result = assess(japan_request(contracts=[contract("2012-04-01", "2013-03-31")]))

    assert result["supported"] is False
    assert codes(result) == ["law.no_rule_pack_in_force"]
    assert result["non_renewal_lawful"] is None


def test_region_gets_national_rules() -> None:
    """Japan's rules do not differ by region (the pack is national): a prefecture gets the national answer
    and the framework's national_law_applies finding; the confidence is what it is without a region (medium
    here, from LCA Art 19)."""
    contracts = [contract("2026-01-01", "2027-01-01")]

    result = assess(japan_request(contracts=contracts, region="Tokyo"))

    assert codes(result)[0] == "law.national_law_applies"
    assert result["last_notice_date"] == "2026-12-02"
    assert result["confidence"] == "medium"


# --- Property: random valid histories ---------------------------------------------------------------------

BOOLEAN_FACTS = (
    "employee_requested_open_ended",
    "employee_requested_continuation",
    "renewal_criteria_clause",
    "non_renewal_stated_in_advance",
)
JAPAN_REQUESTS = requests(
    jurisdiction="JP",
    decided=(date(2008, 1, 1), date(2034, 12, 31)),
    contracts=6,
    gap_days=(0, 0, 0, 20, 61, 183, 400),
    statuses=("re_employed_older_worker", "pregnant"),
    birth_date=True,
    renewal_days=30,
    new_end_days=2500,
    pay={"currency": st.just("JPY")},
    facts={
        **dict.fromkeys(BOOLEAN_FACTS, FLAGS),
        "employee_request_date": days_from(-2500, 30),
        "termination_notice_given": days_from(-2500, 30),
    },
)


@settings(max_examples=300, deadline=None)
@given(JAPAN_REQUESTS)
def test_random_histories_stay_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    assert result["supported"] is (request["decision"]["date"] >= "2013-04-01")
    assert result["severance"] is None
