"""Taiwan pack: cases derived from RULES.md §0 and §19, each with its arithmetic and citation written out.

Unless a case says otherwise: no region, no pay (nothing is owed at expiry), no facts, and the decision is
not to renew on the last contract's last day. Days are calendar days with both ends included.
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
)

Case = dict[str, Any]


def work(start: str, end: str, reason: str | None = "temporary work") -> Case:
    """A fixed-term contract for the stated kind of work."""
    return {**contract(start, end), "objective_reason": reason}


def taiwan_request(**options: Any) -> Case:
    """A SCHEMA.md request for Taiwan, built with the shared factory: no pay."""
    return china_request(jurisdiction="TW", currency=None, wage=None, average=None, **options)


def _pick(result: Case, keys: Case) -> Case:
    return {key: result[key] for key in keys}


DEEMED = {"automatic_conversion": True, "non_renewal_lawful": False, "next_contract_must_be_open_ended": True}
NOT_DEEMED = {"automatic_conversion": False, "conversion_effective_date": None, "non_renewal_lawful": True}


@pytest.mark.parametrize(
    ("label", "contracts", "expected", "code"),
    [
        (
            "a 14-day gap and 120 days in total",
            [work("2026-01-05", "2026-03-05"), work("2026-03-20", "2026-05-18")],
            {**DEEMED, "conversion_effective_date": "2026-03-20"},
            "tw.lsa.art9.rehired_within_30_days",
        ),
        (
            "a gap of exactly 30 days",
            [work("2026-01-05", "2026-03-05"), work("2026-04-05", "2026-05-18")],
            {**DEEMED, "conversion_effective_date": "2026-04-05"},
            "tw.lsa.art9.rehired_within_30_days",
        ),
        (
            "a gap of 31 days",
            [work("2026-01-05", "2026-03-05"), work("2026-04-06", "2026-05-18")],
            NOT_DEEMED,
            "tw.lsa.art18.no_payment",
        ),
        (
            "back to back, exactly 90 days",
            [work("2026-01-01", "2026-02-14"), work("2026-02-15", "2026-03-31")],
            NOT_DEEMED,
            "tw.lsa.art18.no_payment",
        ),
        (
            "back to back, 91 days",
            [work("2026-01-01", "2026-02-14"), work("2026-02-15", "2026-04-01")],
            {**DEEMED, "conversion_effective_date": "2026-02-15"},
            "tw.lsa.art9.rehired_within_30_days",
        ),
        (
            "the same dates in a leap year: 29 February makes 90 days",
            [work("2028-01-01", "2028-02-14"), work("2028-02-15", "2028-03-30")],
            NOT_DEEMED,
            "tw.lsa.art18.no_payment",
        ),
        (
            "a leap year, a day later: 91 days",
            [work("2028-01-01", "2028-02-14"), work("2028-02-15", "2028-03-31")],
            {**DEEMED, "conversion_effective_date": "2028-02-15"},
            "tw.lsa.art9.rehired_within_30_days",
        ),
        (
            "seasonal work is exempt",
            [work("2026-01-05", "2026-03-05", "seasonal"), work("2026-03-20", "2026-05-18", "Seasonal work")],
            NOT_DEEMED,
            "tw.lsa.art9.rehire_exempt",
        ),
        (
            "specific work is exempt",
            [work("2026-01-05", "2026-03-05", "specific"), work("2026-03-20", "2026-05-18", "特定性工作")],
            NOT_DEEMED,
            "tw.lsa.art9.rehire_exempt",
        ),
        (
            "kind of work not stated",
            [work("2026-01-05", "2026-03-05", None), work("2026-03-20", "2026-05-18", None)],
            {"automatic_conversion": None, "conversion_effective_date": None, "non_renewal_lawful": None},
            "tw.lsa.art9.rehire_work_type_unknown",
        ),
    ],
)
def test_rehire_within_30_days(label: str, contracts: list[Case], expected: Case, code: str) -> None:
    """LSA Art 9(2)(2)-(3): a new contract within 30 days of the last, the two adding up to more than 90 days,
    is deemed non-fixed-term (from its first day), except for specific or seasonal work.

    - 2026-01-05..03-05 = 60 days; 2026-03-20..05-18 = 60 days → 120 > 90; gap 03-06..03-19 = 14 ≤ 30
    - second from 2026-04-05: gap 03-06..04-04 = 30 days (not more than 30); 60 + 44 = 104 > 90 → deemed
    - second from 2026-04-06: gap 31 days > 30 → not deemed
    - 2026-01-01..02-14 = 45 days, 02-15..03-31 = 45 days → 90, not more than 90 → not deemed; to 04-01 →
      46 → 91 → deemed from 2026-02-15
    - 2028 is a leap year: 2028-02-15..03-30 = 15 + 30 = 45 days → 90 → not deemed; to 03-31 → 91 → deemed
    - seasonal or specific work (any case, "work" optional, Chinese accepted) → exempt under Art 9(3)
    - no kind of work stated → cannot tell whether the exemption applies → unknown
    """
    result = assess(taiwan_request(contracts=contracts))

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label
    assert (result["severance"], result["last_notice_date"]) == (None, None), label


@pytest.mark.parametrize(
    ("label", "contract_", "facts", "lawful", "code"),
    [
        (
            "temporary work, exactly 6 months",
            work("2026-01-01", "2026-06-30"),
            {},
            True,
            "tw.lsa.art9.work_type_permitted",
        ),
        (
            "temporary work, 6 months and a day",
            work("2026-01-01", "2026-07-01"),
            {},
            None,
            "tw.lsa.art9.term_exceeds_work_type",
        ),
        (
            "short-term work, 6 months and a day",
            work("2026-01-01", "2026-07-01", "short-term"),
            {},
            None,
            "tw.lsa.art9.term_exceeds_work_type",
        ),
        (
            "seasonal work, exactly 9 months",
            work("2026-01-01", "2026-09-30", "seasonal"),
            {},
            True,
            "tw.lsa.art9.work_type_permitted",
        ),
        (
            "seasonal work from the facts, 9 months and a day",
            work("2026-01-01", "2026-10-01", None),
            {"seasonal_work": True},
            None,
            "tw.lsa.art9.term_exceeds_work_type",
        ),
        (
            "specific work, exactly a year",
            work("2026-01-01", "2026-12-31", "specific"),
            {},
            True,
            "tw.lsa.art9.work_type_permitted",
        ),
        (
            "specific work, a year and a day",
            work("2026-01-01", "2027-01-01", "specific"),
            {},
            None,
            "tw.lsa.art9.specific_work_approval",
        ),
        (
            "a reason that is no kind of work",
            work("2026-01-01", "2026-03-31", "sales campaign"),
            {},
            None,
            "tw.lsa.art9.work_type_not_recognised",
        ),
        (
            "no reason stated",
            work("2026-01-01", "2026-03-31", None),
            {},
            None,
            "tw.lsa.art9.work_type_unknown",
        ),
    ],
)
def test_kinds_of_work_and_their_longest_terms(
    label: str, contract_: Case, facts: Case, lawful: bool | None, code: str
) -> None:
    """LSA Art 9(1) and Enforcement Rules Art 6: temporary and short-term work at most 6 months, seasonal
    at most 9, specific work over a year only with approval; other (continuing) work needs a non-fixed-term
    contract, so relying on expiry is lawful only for a permitted kind within its term.

    - 2026-01-01..06-30 = 6 months → within; ..07-01 = 6 months 1 day → over → unknown (valid only if
      the work is of another permitted kind)
    - 2026-01-01..09-30 = 9 months → within for seasonal work; ..10-01 → over
    - 2026-01-01..12-31 = 12 months → specific work within a year; ..2027-01-01 → needs approval → unknown
    """
    result = assess(taiwan_request(contracts=[contract_], facts=facts))

    assert result["non_renewal_lawful"] is lawful, label
    assert code in codes(result), label
    assert result["automatic_conversion"] is False, label


@pytest.mark.parametrize(
    ("label", "reason", "facts", "expected", "code"),
    [
        (
            "five days of work, no objection",
            "temporary work",
            {"continued_working_after_expiry_days": 5, "employer_objected_without_delay": False},
            {**DEEMED, "conversion_effective_date": "2026-04-01"},
            "tw.lsa.art9.continued_work",
        ),
        (
            "the employer objected at once",
            "temporary work",
            {"continued_working_after_expiry_days": 5, "employer_objected_without_delay": True},
            NOT_DEEMED,
            "tw.lsa.art9.continued_work_objected",
        ),
        (
            "objection not recorded",
            "temporary work",
            {"continued_working_after_expiry_days": 1},
            {"automatic_conversion": None, "non_renewal_lawful": None},
            "tw.lsa.art9.continued_work_check",
        ),
        (
            "seasonal work is exempt",
            "seasonal",
            {"continued_working_after_expiry_days": 5, "employer_objected_without_delay": False},
            NOT_DEEMED,
            "tw.lsa.art9.continued_work_exempt",
        ),
        (
            "no days worked after expiry",
            "temporary work",
            {"continued_working_after_expiry_days": 0, "employer_objected_without_delay": False},
            NOT_DEEMED,
            "tw.lsa.art18.no_payment",
        ),
    ],
)
def test_work_continued_after_expiry(label: str, reason: str, facts: Case, expected: Case, code: str) -> None:
    """LSA Art 9(2)(1), (3): the worker keeps working after expiry and the employer does not object at
    once → non-fixed-term from the day after expiry (2026-03-31 + 1 = 2026-04-01); not for seasonal or
    specific work."""
    request = taiwan_request(contracts=[work("2026-01-01", "2026-03-31", reason)], facts=facts)

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "decision_date", "new_end_date", "facts", "expected", "code"),
    [
        (
            "renewal adding up to 91 days",
            "2026-03-01",
            "2026-04-01",
            {},
            {
                "renewal_as_proposed_lawful": False,
                "automatic_conversion": True,
                "conversion_effective_date": "2026-03-01",
            },
            "tw.lsa.art9.renewal_deemed_non_fixed_term",
        ),
        (
            "renewal adding up to exactly 90 days",
            "2026-03-01",
            "2026-03-31",
            {},
            {"renewal_as_proposed_lawful": True, "automatic_conversion": False},
            "tw.lsa.art9.renewal_lawful",
        ),
        (
            "renewal 31 days after expiry",
            "2026-04-01",
            "2026-05-31",
            {},
            {"renewal_as_proposed_lawful": True, "automatic_conversion": False},
            "tw.lsa.art9.renewal_lawful",
        ),
        (
            "renewal for seasonal work",
            "2026-03-01",
            "2026-06-30",
            {"proposed_contract_objective_reason": "seasonal work"},
            {"renewal_as_proposed_lawful": True, "automatic_conversion": False},
            "tw.lsa.art9.work_type_permitted",
        ),
        (
            "renewal with no end date after 59 days",
            "2026-03-01",
            None,
            {},
            {"renewal_as_proposed_lawful": None, "automatic_conversion": False},
            "tw.lsa.art9.renewal_end_unknown",
        ),
    ],
)
def test_fixed_term_renewal(
    label: str, decision_date: str, new_end_date: str | None, facts: Case, expected: Case, code: str
) -> None:
    """LSA Art 9(2)(2) applied to a proposed renewal of 2026-01-01..2026-02-28 (59 days, temporary work):
    - from 2026-03-01 to 04-01 = 32 days → 59 + 32 = 91 > 90, no gap → deemed non-fixed-term from 03-01
    - to 03-31 = 31 days → 90 → a valid fixed term
    - from 2026-04-01 (gap 03-01..03-31 = 31 days > 30) → the rule does not apply
    - seasonal work (stated for the proposal) is exempt; 4 months is within its 9
    - no end date: 59 days + an unknown term → cannot tell
    """
    request = taiwan_request(
        contracts=[work("2026-01-01", "2026-02-28")],
        facts=facts,
        action="renew_fixed_term",
        decision_date=decision_date,
        new_end_date=new_end_date,
    )

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "facts", "field"),
    [
        (
            "text for a yes/no fact",
            {"continued_working_after_expiry_days": 3, "employer_objected_without_delay": "no"},
            "employee.facts.employer_objected_without_delay",
        ),
        (
            "text for a number of days",
            {"continued_working_after_expiry_days": "3"},
            "employee.facts.continued_working_after_expiry_days",
        ),
        (
            "a fraction of a day",
            {"continued_working_after_expiry_days": 2.5},
            "employee.facts.continued_working_after_expiry_days",
        ),
        ("text for a yes/no kind of work", {"seasonal_work": "yes"}, "employee.facts.seasonal_work"),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, field: str) -> None:
    """No reason on the contract, so the pack reads ``seasonal_work``; it always reads the continued-work
    facts."""
    request = taiwan_request(contracts=[work("2026-01-01", "2026-03-31", None)], facts=facts)

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert raised.value.field == field, label


def test_invalid_proposed_reason_names_the_field() -> None:
    request = taiwan_request(
        contracts=[work("2026-01-01", "2026-02-28")],
        facts={"proposed_contract_objective_reason": 5},
        action="renew_fixed_term",
        decision_date="2026-03-01",
        new_end_date="2026-03-31",
    )

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert raised.value.field == "employee.facts.proposed_contract_objective_reason"


def test_decision_before_the_act_is_unsupported() -> None:
    """The pack covers decisions from 1984-07-30, when the LSA came into force."""
    result = assess(taiwan_request(contracts=[work("1984-01-01", "1984-07-29")]))

    assert result["supported"] is False
    assert codes(result) == ["law.no_rule_pack_in_force"]


# --- Property: random valid histories ---------------------------------------------------------------------

REASONS = (None, "temporary work", "short-term", "seasonal", "specific", "季節性", "continuing sales work")
TAIWAN_REQUESTS = requests(
    jurisdiction="TW",
    decided=(date(1990, 1, 1), date(2032, 12, 31)),
    contract_days=500,
    gap_days=(0, 0, 14, 30, 31, 90),
    reasons=REASONS,
    statuses=("pregnant", "work_injury"),
    renewal_days=45,
    new_end_days=500,
    pay={"currency": st.none()},
    facts={
        "employer_objected_without_delay": FLAGS,
        "seasonal_work": FLAGS,
        "continued_working_after_expiry_days": st.one_of(st.none(), st.integers(min_value=0, max_value=60)),
        "proposed_contract_objective_reason": st.sampled_from(REASONS),
    },
)


@settings(max_examples=300, deadline=None)
@given(TAIWAN_REQUESTS)
def test_random_histories_stay_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    assert result["supported"] is True
    assert (result["severance"], result["damages_if_unlawful"], result["last_notice_date"]) == (
        None,
        None,
        None,
    )
    conversion = result["conversion_effective_date"]
    assert (conversion is not None) is (result["automatic_conversion"] is True)
    if conversion is not None and request["decision"]["action"] == "not_renew":
        # From a re-hired contract's first day, or the day after expiry for work continued after it.
        expiry = date.fromisoformat(request["employee"]["contracts"][-1]["end"])
        assert conversion <= (expiry + timedelta(days=1)).isoformat()
