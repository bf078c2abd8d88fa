"""Great Britain pack: cases derived from RULES.md §0, §7 and §20.8, each with its arithmetic written out.

Unless a case says otherwise: no region, born 1990-01-01 (aged 22 to 40 throughout, so 1 week's pay per
year), a week's pay of 500 GBP, no statuses, and the decision is not to renew on the last contract's last
day. The weekly cap is 700 for dismissals from 2024-04-06 and 719 from 2025-04-06 (ERA 1996 s227).
"""

from __future__ import annotations

from datetime import date, timedelta
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
    days_from,
    money,
    requests,
    status,
)

Case = dict[str, Any]


def gb_request(
    *,
    contracts: list[Case] | None = None,
    birth_date: str | None = "1990-01-01",
    weekly_pay: str | None = "500",
    currency: str | None = "GBP",
    jurisdiction: str = "GB",
    **options: Any,
) -> Case:
    """The factory's SCHEMA.md request with the inputs this pack reads: birth date and a week's pay."""
    return china_request(
        jurisdiction=jurisdiction,
        contracts=contracts or [contract("2024-04-01", "2026-03-31")],
        birth_date=birth_date,
        currency=currency,
        wage=None,
        pay={"weekly_pay": weekly_pay},
        average=None,
        **options,
    )


def _pick(result: Case, keys: Case) -> Case:
    return {key: result[key] for key in keys}


def _finding(result: Case, code: str) -> Case:
    return next(item for item in result["findings"] if item["code"] == code)


REDUNDANCY = {"reason_for_end": "redundancy"}


@pytest.mark.parametrize(
    ("label", "start", "amount", "lawful", "basis"),
    [
        (
            "exactly two years",
            "2024-04-01",
            "1000.00",
            None,
            "2 complete years back from 2026-03-31: 2 × 1 = 2 weeks × 500 (weekly pay under the cap 719)",
        ),
        ("a day short of two years", "2024-04-02", None, True, None),
        (
            "two years and a day",
            "2024-03-31",
            "1000.00",
            None,
            "2 complete years back from 2026-03-31: 2 × 1 = 2 weeks × 500 (weekly pay under the cap 719)",
        ),
    ],
)
def test_two_years_qualify_for_redundancy_pay_and_unfair_dismissal(
    label: str, start: str, amount: str | None, lawful: bool | None, basis: str | None
) -> None:
    """ERA ss108, 155: both rights need two years' continuous employment ending with the expiry date.

    Expiry D = 2026-03-31, service counted inclusively in anniversary years (RULES.md §0):
    - 2024-04-01..2026-03-31 = exactly 2 years → qualifies: 2 years × 1 week (aged 34-36) × 500 = 1000.00;
      unfair dismissal can be claimed, so lawfulness depends on reason and procedure → null
    - 2024-04-02..2026-03-31 = 1 year 11 months 30 days → no redundancy pay (null, nothing owed) and no
      ordinary unfair-dismissal claim → not renewing is lawful
    - 2024-03-31..2026-03-31 = 2 years 1 day → 2 complete years → 1000.00
    """
    request = gb_request(contracts=[contract(start, "2026-03-31")], facts=REDUNDANCY)

    result = assess(request)

    expected = (
        None if amount is None else {"amount": amount, "currency": "GBP", "months": None, "basis": basis}
    )
    assert result["severance"] == expected, label
    assert result["non_renewal_lawful"] is lawful, label
    assert ("gb.era.s155.short_service" in codes(result)) is (amount is None), label
    assert ("gb.era.s108.no_qualifying_service" in codes(result)) is (lawful is True), label


@pytest.mark.parametrize(
    ("label", "start", "end", "weekly_pay", "amount", "basis", "capped"),
    [
        (
            "first day of the 700 cap",
            "2021-04-06",
            "2024-04-06",
            "800",
            "2100.00",
            "3 complete years back from 2024-04-06: 3 × 1 = 3 weeks × 700 (weekly pay 800 capped at 700)",
            True,
        ),
        (
            "last day of the 700 cap",
            "2022-04-06",
            "2025-04-05",
            "800",
            "2100.00",
            "3 complete years back from 2025-04-05: 3 × 1 = 3 weeks × 700 (weekly pay 800 capped at 700)",
            True,
        ),
        (
            "first day of the 719 cap",
            "2022-04-07",
            "2025-04-06",
            "800",
            "2157.00",
            "3 complete years back from 2025-04-06: 3 × 1 = 3 weeks × 719 (weekly pay 800 capped at 719)",
            True,
        ),
        (
            "a week's pay exactly at the cap",
            "2022-04-07",
            "2025-04-06",
            "719",
            "2157.00",
            "3 complete years back from 2025-04-06: 3 × 1 = 3 weeks × 719 (weekly pay at the cap 719)",
            False,
        ),
        (
            "a penny above the cap",
            "2022-04-07",
            "2025-04-06",
            "719.01",
            "2157.00",
            "3 complete years back from 2025-04-06: 3 × 1 = 3 weeks × 719 (weekly pay 719.01 capped at 719)",
            True,
        ),
        (
            "the April 2026 cap is not tabled",
            "2023-04-07",
            "2026-04-06",
            "500",
            None,
            "3 complete years back from 2026-04-06: 3 × 1 = 3 weeks × a week's pay (500) capped, but the "
            "cap for dismissals on 2026-04-06 is not tabled",
            False,
        ),
    ],
)
def test_weekly_cap_follows_the_dismissal_date(
    label: str, start: str, end: str, weekly_pay: str, amount: str | None, basis: str, capped: bool
) -> None:
    """ERA s227: the cap on a week's pay is the one in force on the dismissal (expiry) date.

    Three complete years, 1 week each (aged 22-40):
    - dismissed 2024-04-06 or 2025-04-05: cap 700 → 3 × min(800, 700) = 2100.00
    - dismissed 2025-04-06: the cap changes that day → 3 × min(800, 719) = 2157.00
    - a week's pay of exactly 719 is at the cap, not above it → 3 × 719 = 2157.00, no "capped" finding
    - 719.01 is above it → capped to 719 → 2157.00
    - dismissed 2026-04-06: the new April figure is not in RULES.md → amount null (still owed; weeks and
      basis given), never a guess
    """
    request = gb_request(contracts=[contract(start, end)], weekly_pay=weekly_pay, facts=REDUNDANCY)

    result = assess(request)

    assert result["severance"] == {"amount": amount, "currency": "GBP", "months": None, "basis": basis}, label
    assert ("gb.era.s227.weekly_pay_capped" in codes(result)) is capped, label
    expected_code = "gb.era.s162.amount_not_computed" if amount is None else "gb.era.s135.redundancy_pay"
    assert expected_code in codes(result), label


@pytest.mark.parametrize(
    ("label", "start", "end", "birth", "weekly_pay", "amount", "weeks_text"),
    [
        (
            "a year starting on the 41st birthday",
            "2021-04-01",
            "2026-03-31",
            "1984-04-01",
            "500",
            "2750.00",
            "5 complete years back from 2026-03-31: 1 × 1.5 + 4 × 1 = 5.5 weeks",
        ),
        (
            "the 41st birthday a day into the year",
            "2021-04-01",
            "2026-03-31",
            "1984-04-02",
            "500",
            "2500.00",
            "5 complete years back from 2026-03-31: 5 × 1 = 5 weeks",
        ),
        (
            "every year under 22",
            "2021-04-01",
            "2026-03-31",
            "2003-06-01",
            "500",
            "1250.00",
            "5 complete years back from 2026-03-31: 5 × 0.5 = 2.5 weeks",
        ),
        (
            "born on a leap day",
            "2024-03-01",
            "2026-02-28",
            "1984-02-29",
            "500",
            "1250.00",
            "2 complete years back from 2026-02-28: 1 × 1.5 + 1 × 1 = 2.5 weeks",
        ),
        (
            "twenty-five years, the last twenty counted",
            "2001-04-01",
            "2026-03-31",
            "1960-01-01",
            "1000",
            "21570.00",
            "25 complete years, the last 20 counted, back from 2026-03-31: 20 × 1.5 = 30 weeks",
        ),
    ],
)
def test_weeks_per_year_follow_the_age_at_the_start_of_each_year(
    label: str, start: str, end: str, birth: str, weekly_pay: str, amount: str, weeks_text: str
) -> None:
    """ERA s162: counting back from the dismissal, 1.5 weeks for a year wholly at 41+, 1 week wholly at
    22+, otherwise 0.5 week, for at most 20 complete years.

    Years counted back from D + 1 day in anniversary years; the rate is set by the age on each year's
    first day (a year that straddles a birthday falls into the lower band, s162(2)(c)):
    - born 1984-04-01, D = 2026-03-31: year 1 starts 2025-04-01, the 41st birthday → 1.5; years 2-5 (ages
      40, 39, 38, 37) → 1 each → 5.5 weeks × 500 = 2750.00
    - born 1984-04-02: on 2025-04-01 still 40 → year 1 straddles the birthday → 1; total 5 × 500 = 2500.00
    - born 2003-06-01: ages 21, 20, 19, 18, 17 at the starts → 5 × 0.5 = 2.5 × 500 = 1250.00
    - born 1984-02-29, D = 2026-02-28: year 1 starts 2025-03-01 (aged 41: the leap birthday counts from
      1 March) → 1.5; year 2 starts 2024-03-01 (aged 40) → 1 → 2.5 × 500 = 1250.00
    - 2001-04-01..2026-03-31 = 25 years; only the last 20 count, all at 46+ → 30 weeks × 719 (1000
      capped) = 21570.00
    """
    request = gb_request(
        contracts=[contract(start, end)], birth_date=birth, weekly_pay=weekly_pay, facts=REDUNDANCY
    )

    severance = assess(request)["severance"]

    assert severance["amount"] == amount, label
    assert severance["basis"].startswith(weeks_text + " × "), label


def test_unknown_birth_date_leaves_the_weeks_unknown() -> None:
    """ERA s162: without the birth date the band of each year is unknown, so no amount (never a guess)."""
    result = assess(gb_request(birth_date=None, facts=REDUNDANCY))

    assert result["severance"] == {
        "amount": None,
        "currency": "GBP",
        "months": None,
        "basis": "2 complete years back from 2026-03-31: 0.5, 1 or 1.5 weeks a year by age (birth_date "
        "unknown) × 500 (weekly pay under the cap 719)",
    }


@pytest.mark.parametrize(
    ("label", "reason", "severance", "code"),
    [
        ("redundancy", "redundancy", "1000.00", "gb.era.s135.redundancy_pay"),
        ("reason unknown", None, None, "gb.era.s135.reason_unknown"),
        ("project completed", "completion_of_task", None, "gb.era.s135.if_redundancy"),
        ("misconduct", "misconduct", None, "gb.era.s135.reason_not_redundancy"),
    ],
)
def test_redundancy_pay_only_for_redundancy(
    label: str, reason: str | None, severance: str | None, code: str
) -> None:
    """ERA s135: the pay is due only when the reason is redundancy. 2024-04-01..2026-03-31 = 2 years × 1
    week × 500 = 1000.00; when the reason is unknown or does not say, the amount is reported in a "should"
    finding and severance stays null; misconduct is not redundancy."""
    facts = {} if reason is None else {"reason_for_end": reason}

    result = assess(gb_request(facts=facts))

    assert (result["severance"] and result["severance"]["amount"]) == severance, label
    assert code in codes(result), label
    if reason in (None, "completion_of_task"):
        assert "1000.00 GBP" in _finding(result, code)["text"], label


@pytest.mark.parametrize(
    ("label", "contracts", "conversion", "converts_on", "notice", "notice_weeks"),
    [
        (
            "three years renewed for two: permanent at the four-year point",
            [contract("2022-01-01", "2024-12-31"), contract("2025-01-01", "2026-12-31")],
            True,
            "2025-12-31",
            "2026-12-03",
            4,
        ),
        (
            "exactly four years at expiry",
            [contract("2022-04-01", "2024-03-31"), contract("2024-04-01", "2026-03-31")],
            True,
            "2026-03-31",
            "2026-03-10",
            3,
        ),
        (
            "a day short of four years",
            [contract("2022-04-02", "2024-03-31"), contract("2024-04-01", "2026-03-31")],
            False,
            None,
            None,
            None,
        ),
        (
            "four years and a day",
            [contract("2022-03-31", "2024-03-31"), contract("2024-04-01", "2026-03-31")],
            True,
            "2026-03-30",
            "2026-03-10",
            3,
        ),
        (
            "a single six-year contract is never converted",
            [contract("2020-04-01", "2026-03-31")],
            False,
            None,
            None,
            None,
        ),
    ],
)
def test_four_year_rule_and_the_notice_it_brings(
    label: str,
    contracts: list[Case],
    conversion: bool,
    converts_on: str | None,
    notice: str | None,
    notice_weeks: int | None,
) -> None:
    """Fixed-term Employees Regs reg 8, ERA s86 (RULES.md §7).

    A renewed fixed term becomes permanent from the later of the current contract's start and the day
    four years' continuous employment are reached (inclusive count, §0). A permanent contract then needs
    one week's notice per complete year of service *when notice is given* (at most 12), by expiry − 7 ×
    weeks (§0):
    - 2022-01-01 start: four years on 2025-12-31, after the renewal of 2025-01-01 → permanent from
      2025-12-31. Expiry 2026-12-31 (5 years); 4 weeks' notice on 2026-12-03 suffices, as the employee
      then has 4 complete years (the 5th ends on 2026-12-31); 5 weeks would be by 2026-11-26
    - 2022-04-01 start: four years exactly on expiry 2026-03-31 → permanent that day; on 2026-03-10
      (expiry − 21 days) the employee has 3 complete years → 3 weeks
    - 2022-04-02 start: four years on 2026-04-01, after expiry → the fixed term ends; no notice
    - 2022-03-31 start: four years on 2026-03-30 → permanent from 2026-03-30; 3 weeks by 2026-03-10
    - one six-year contract, never renewed: reg 8 does not apply (a renewal would be permanent)
    """
    request = gb_request(contracts=contracts)

    result = assess(request)

    assert _pick(
        result, {"automatic_conversion": 0, "conversion_effective_date": 0, "last_notice_date": 0}
    ) == {
        "automatic_conversion": conversion,
        "conversion_effective_date": converts_on,
        "last_notice_date": notice,
    }, label
    if notice_weeks is None:
        assert "gb.notice.none_on_expiry" in codes(result), label
    else:
        assert _finding(result, "gb.era.s86.statutory_notice")["params"]["weeks"] == notice_weeks, label
        assert "gb.ftr.reg9.written_statement" in codes(result), label


def test_service_before_10_july_2002_does_not_count_for_the_four_year_rule() -> None:
    """reg 8: continuous employment before 2002-07-10 is ignored. Hired 2000-01-01: four years are reached
    on 2006-07-09 (2002-07-10 + 4 years − 1 day), not 2003-12-31; the renewal of 2025-01-01 is later, so
    the contract is permanent from 2025-01-01."""
    contracts = [contract("2000-01-01", "2024-12-31"), contract("2025-01-01", "2026-12-31")]

    result = assess(gb_request(contracts=contracts))

    assert result["conversion_effective_date"] == "2025-01-01"
    assert _finding(result, "gb.ftr.reg8.permanent")["params"]["point"] == "2006-07-09"
    assert result["last_notice_date"] == "2026-10-08"  # 12 weeks (26 years of service) = 84 days


@pytest.mark.parametrize(
    ("label", "contracts", "new_end", "facts", "expected", "code"),
    [
        (
            "a five-year single contract becomes permanent when renewed",
            [contract("2021-01-01", "2025-12-31")],
            "2026-12-31",
            {},
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-01-01",
                "next_contract_must_be_open_ended": True,
                "renewal_as_proposed_lawful": False,
            },
            "gb.ftr.reg8.renewal_becomes_permanent",
        ),
        (
            "renewal ending before the four-year point stays fixed-term",
            [contract("2024-07-01", "2025-06-30")],
            "2026-06-30",
            {},
            {
                "automatic_conversion": False,
                "conversion_effective_date": None,
                "next_contract_must_be_open_ended": False,
                "renewal_as_proposed_lawful": True,
            },
            "gb.ftr.reg8.renewal_stays_fixed_term",
        ),
        (
            "renewal reaching the four-year point converts on that day",
            [contract("2024-07-01", "2025-06-30")],
            "2028-06-30",
            {},
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2028-06-30",
                "next_contract_must_be_open_ended": True,
                "renewal_as_proposed_lawful": False,
            },
            "gb.ftr.reg8.renewal_becomes_permanent",
        ),
        (
            "renewal with a stated objective reason is left undecided",
            [contract("2021-01-01", "2025-12-31")],
            "2026-12-31",
            {"proposed_contract_objective_reason": "cover for a secondment"},
            {
                "automatic_conversion": False,
                "next_contract_must_be_open_ended": None,
                "renewal_as_proposed_lawful": None,
            },
            "gb.ftr.reg8.renewal_justification_claimed",
        ),
    ],
)
def test_fixed_term_renewal(
    label: str, contracts: list[Case], new_end: str, facts: Case, expected: Case, code: str
) -> None:
    """reg 8 applied to a proposed renewal (always a renewed fixed term) starting the day after expiry.

    - 2021-01-01 start: four years on 2024-12-31; renewal from 2026-01-01 → permanent from its first day
      (RULES.md: "a 5-year single contract becomes permanent when it is renewed")
    - 2024-07-01 start: four years on 2028-06-30; a renewal to 2026-06-30 ends first → fixed term lawful
    - the same renewal to 2028-06-30 reaches the point on its last day → permanent from 2028-06-30
    - an objective reason is claimed for the renewal → whether it holds is not judged → null
    """
    request = gb_request(
        contracts=contracts,
        action="renew_fixed_term",
        decision_date=str(date.fromisoformat(contracts[-1]["end"]) + timedelta(days=1)),
        new_end_date=new_end,
        facts=facts,
    )

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


def test_stated_objective_reason_leaves_conversion_and_notice_undecided() -> None:
    """reg 8: past four years the fixed term survives only if objectively justified. Four years are reached
    on 2025-12-31; the current contract states a reason, which is not judged: conversion null, and the s86
    date is given only as advice: on 2026-03-03 (expiry − 28 days) the employee has 4 complete years → 4
    weeks."""
    contracts = [contract("2022-01-01", "2024-03-31"), contract("2024-04-01", "2026-03-31")]
    contracts[-1]["objective_reason"] = "maternity cover"

    result = assess(gb_request(contracts=contracts))

    assert (result["automatic_conversion"], result["last_notice_date"]) == (None, None)
    assert _finding(result, "gb.era.s86.notice_if_permanent")["params"] == {
        "expiry": "2026-03-31",
        "weeks": 4,
        "deadline": "2026-03-03",
    }


@pytest.mark.parametrize(
    ("label", "statuses", "facts", "priority_codes", "lawful"),
    [
        (
            "pregnancy notified the day before expiry",
            [status("pregnant", "2026-02-01", None)],
            {**REDUNDANCY, "pregnancy_notified_on": "2026-03-30"},
            ["gb.prfla2023.priority_for_vacancies"],
            None,
        ),
        (
            "pregnancy notified the day after expiry",
            [status("pregnant", "2026-02-01", None)],
            {**REDUNDANCY, "pregnancy_notified_on": "2026-04-01"},
            [],
            None,
        ),
        (
            "returner: eighteen months end on the expiry date",
            [],
            {**REDUNDANCY, "child_birth_date": "2024-10-01"},
            ["gb.prfla2023.returner_priority"],
            True,
        ),
        (
            "returner: eighteen months ended before expiry",
            [],
            {**REDUNDANCY, "child_birth_date": "2024-09-30"},
            [],
            True,
        ),
        (
            "maternity leave, reason not given",
            [status("maternity_leave", "2026-01-15", "2026-07-15")],
            {},
            ["gb.prfla2023.priority_if_redundancy"],
            None,
        ),
    ],
)
def test_pregnancy_and_maternity_in_a_redundancy(
    label: str, statuses: list[Case], facts: Case, priority_codes: list[str], lawful: bool | None
) -> None:
    """ERA s99 / Equality Act s18 and the 2023 Act (from 2024-04-06), contract 2024-06-01..2026-03-31
    (1 year 10 months: no ordinary unfair-dismissal claim).

    - pregnant, told the employer on 2026-03-30, the day before expiry → priority for suitable vacancies;
      a pregnancy-related reason would be automatically unfair with any service → lawfulness null
    - told on 2026-04-01, after expiry → no priority yet; still pregnant on expiry → null
    - child born 2024-10-01: 18 months beginning with the birth end 2026-03-31 = expiry → priority (if she
      took maternity leave); no status on expiry, short service → lawful
    - born 2024-09-30: the period ended 2026-03-29 → no priority
    - on maternity leave, reason unknown → priority applies if the reason is redundancy
    """
    request = gb_request(contracts=[contract("2024-06-01", "2026-03-31")], statuses=statuses, facts=facts)

    result = assess(request)

    assert [code for code in codes(result) if code.startswith("gb.prfla2023")] == priority_codes, label
    assert result["non_renewal_lawful"] is lawful, label
    assert result["blocking_protections"] == [], label


@pytest.mark.parametrize(
    ("label", "as_of", "given", "code", "params"),
    [
        ("deadline passed", "2026-03-15", None, "gb.era.s86.deadline_passed", {"as_of": "2026-03-15"}),
        ("notice in time", None, "2026-03-10", "gb.era.s86.notice_given_in_time", {"given": "2026-03-10"}),
        ("notice a day late", None, "2026-03-11", "gb.era.s86.notice_given_late", {"days_late": 1}),
    ],
)
def test_statutory_notice_timeliness(
    label: str, as_of: str | None, given: str | None, code: str, params: Case
) -> None:
    """ERA s86 after reg 8: permanent from 2026-03-31 (exactly four years), 3 weeks' notice by 2026-03-10;
    notice on 2026-03-11 is one day late."""
    facts = {} if given is None else {"termination_notice_given": given}
    contracts = [contract("2022-04-01", "2024-03-31"), contract("2024-04-01", "2026-03-31")]

    result = assess(gb_request(contracts=contracts, facts=facts, as_of=as_of))

    finding = _finding(result, code)
    assert _pick(finding["params"], params) == params, label
    assert finding["params"]["deadline"] == "2026-03-10", label


@pytest.mark.parametrize(
    ("label", "jurisdiction", "region", "currency", "amount", "not_covered"),
    [
        ("UK alias, Scotland", "UK", "Scotland", "GBP", "1000.00", False),
        ("Wales by ISO code", "GB", "GB-WLS", "GBP", "1000.00", False),
        ("Northern Ireland has its own figures", "UK", "Northern Ireland", "GBP", None, True),
        ("pay in another currency", "GB", None, "EUR", None, False),
    ],
)
def test_regions_and_currency_the_cap_is_tabled_for(
    label: str, jurisdiction: str, region: str | None, currency: str, amount: str | None, not_covered: bool
) -> None:
    """RULES.md §7: the ERA figures are Great Britain's; Northern Ireland "uses different figures", so it
    gets the national rules, a region_not_covered finding and no amount. The cap is in pounds, so pay in
    euros gets no amount either (2 years × 1 week × 500 = 1000.00 where the cap applies)."""
    request = gb_request(jurisdiction=jurisdiction, region=region, currency=currency, facts=REDUNDANCY)

    result = assess(request)

    assert result["jurisdiction"] == "GB", label
    assert result["severance"]["amount"] == amount, label
    assert result["severance"]["currency"] == currency, label
    assert ("law.region_not_covered" in codes(result)) is not_covered, label


@pytest.mark.parametrize(
    ("label", "facts", "field"),
    [
        ("unknown reason", {"reason_for_end": "restructuring"}, "employee.facts.reason_for_end"),
        (
            "notification date not a date",
            {"reason_for_end": "redundancy", "pregnancy_notified_on": "2026-02-30"},
            "employee.facts.pregnancy_notified_on",
        ),
        (
            "objective reason not text",
            {"proposed_contract_objective_reason": 7},
            "employee.facts.proposed_contract_objective_reason",
        ),
        ("child birth date a number", {"child_birth_date": 20240101}, "employee.facts.child_birth_date"),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, field: str) -> None:
    """A fact of the wrong type or outside the pack's vocabulary is refused, naming its JSON path."""
    request = gb_request(
        contracts=[contract("2020-01-01", "2026-03-31")],
        statuses=[status("pregnant", "2026-01-01", None)],
        facts=facts,
    )

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert raised.value.field == field, label


def test_decisions_before_the_first_tabled_cap_are_unsupported() -> None:
    """The pack starts with the first tabled cap (2024-04-06); an earlier dismissal is not guessed at."""
    result = assess(gb_request(contracts=[contract("2021-01-01", "2024-04-05")]))

    assert result["supported"] is False
    assert codes(result) == ["law.no_rule_pack_in_force"]


def test_example_uk_02_in_full() -> None:
    """examples.json UK-02: a single six-year project contract ending in redundancy, born 1980-06-15.

    Counting back from 2026-03-31: years starting 2025, 2024, 2023 and 2022-04-01 at ages 44, 43, 42, 41
    → 4 × 1.5; years starting 2021 and 2020-04-01 at 40 and 39 → 2 × 1; 8 weeks × min(900, 719) = 5752.00.
    """
    request = gb_request(
        contracts=[contract("2020-04-01", "2026-03-31")],
        hire_date="2020-04-01",
        birth_date="1980-06-15",
        weekly_pay="900",
        facts=REDUNDANCY,
    )

    result = assess(request)

    assert _pick(
        result,
        dict.fromkeys(("automatic_conversion", "non_renewal_lawful", "last_notice_date", "confidence"), 0),
    ) == {
        "automatic_conversion": False,
        "non_renewal_lawful": None,
        "last_notice_date": None,
        "confidence": "medium",
    }
    assert result["severance"] == {
        "amount": "5752.00",
        "currency": "GBP",
        "months": None,
        "basis": "6 complete years back from 2026-03-31: 4 × 1.5 + 2 × 1 = 8 weeks × 719 (weekly pay 900 "
        "capped at 719)",
    }
    assert codes(result) == [
        "gb.ftr.reg8.first_fixed_term",
        "gb.ftr.reg8.renewal_would_be_permanent",
        "gb.era.s95.expiry_is_dismissal",
        "gb.era.s98.fair_reason_and_procedure",
        "gb.era.s92.written_reasons",
        "gb.era.s135.redundancy_pay",
        "gb.era.s227.weekly_pay_capped",
        "gb.notice.none_on_expiry",
    ]


# --- Properties -------------------------------------------------------------------------------------------

REASONS = (None, "expiry", "redundancy", "misconduct", "completion_of_task", "some_other_substantial_reason")
GB_REQUESTS = requests(
    jurisdiction=("GB", "UK", "gb"),
    decided=(date(1998, 1, 1), date(2036, 12, 31)),
    contracts=4,
    contract_days=2600,
    regions=(None, "England", "GB-SCT", "Northern Ireland"),
    statuses=("pregnant", "maternity_leave", "disabled"),
    birth_date=True,
    new_end_days=2000,
    pay={"currency": st.sampled_from([None, "GBP", "EUR"]), "weekly_pay": money(5000)},
    facts={
        "reason_for_end": st.sampled_from(REASONS),
        "pregnancy_notified_on": days_from(-1200, 400),
        "child_birth_date": days_from(-1200, 400),
        "termination_notice_given": days_from(-1200, 400),
        "proposed_contract_objective_reason": st.sampled_from([None, "cover for a secondment"]),
    },
)


@settings(max_examples=300, deadline=None)
@given(GB_REQUESTS)
def test_assess_never_raises_and_stays_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    amount = result["severance"] and result["severance"]["amount"]
    if amount is not None:
        assert Decimal(amount) == Decimal(amount).quantize(Decimal("0.01"))
    if not result["supported"]:
        assert (result["severance"], result["non_renewal_lawful"]) == (None, None)
