"""Germany pack: cases derived from RULES.md §0, §5 and §20.11, each with its arithmetic written out.

Unless a case says otherwise: no region, pay in EUR with no wage (nothing is owed on expiry), and the
decision is not to renew on the last contract's last day. "Last allowed day" is the last day of a period of
N whole months from the first day (RULES.md §0): 24 months from 2024-07-01 end on 2026-06-30.
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
CONFIRMED = {"prior_employment_with_employer": False, "extensions_agreed_before_expiry_terms_unchanged": True}


def _request(*, birth_date: str | None = None, **options: Any) -> Case:
    """A German request built on the shared factory: EUR, no wage, the given birth date."""
    request = china_request(jurisdiction="DE", wage=None, average=None, **options)
    request["employee"]["pay"]["currency"] = "EUR"
    request["employee"]["birth_date"] = birth_date
    return request


def _reasoned(start: str, end: str, reason: str) -> Case:
    return {**contract(start, end), "objective_reason": reason}


def _pick(result: Case, keys: Case) -> Case:
    return {key: result[key] for key in keys}


def _six_monthly(first_year: int, count: int) -> list[Case]:
    """``count`` adjacent half-year contracts from 1 January of ``first_year``."""
    halves = []
    for index in range(count):
        year = first_year + index // 2
        halves.append(
            contract(f"{year}-01-01", f"{year}-06-30")
            if index % 2 == 0
            else contract(f"{year}-07-01", f"{year}-12-31")
        )
    return halves


@pytest.mark.parametrize(
    ("label", "contracts", "expected"),
    [
        (
            "exactly two years with one extension",
            [contract("2024-07-01", "2025-06-30"), contract("2025-07-01", "2026-06-30")],
            {"automatic_conversion": False, "conversion_effective_date": None, "non_renewal_lawful": True},
        ),
        (
            "a day less than two years: one more extension possible",
            [contract("2024-07-01", "2025-06-30"), contract("2025-07-01", "2026-06-29")],
            {
                "automatic_conversion": False,
                "non_renewal_lawful": True,
                "next_contract_must_be_open_ended": False,
            },
        ),
        (
            "a day more than two years: the extension that runs over is open-ended",
            [contract("2024-07-01", "2025-06-30"), contract("2025-07-01", "2026-07-01")],
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2025-07-01",
                "non_renewal_lawful": False,
                "next_contract_must_be_open_ended": True,
            },
        ),
        (
            "a single contract a day over two years",
            [contract("2024-07-01", "2026-07-01")],
            {"automatic_conversion": True, "conversion_effective_date": "2024-07-01"},
        ),
        (
            "hired on a leap day: two years end on 28 February",
            [contract("2024-02-29", "2026-02-28")],
            {"automatic_conversion": False, "non_renewal_lawful": True},
        ),
        (
            "hired on a leap day: 1 March is a day over",
            [contract("2024-02-29", "2026-03-01")],
            {"automatic_conversion": True, "conversion_effective_date": "2024-02-29"},
        ),
    ],
)
def test_two_year_limit_without_objective_reason(label: str, contracts: list[Case], expected: Case) -> None:
    """TzBfG §14(2) sentence 1: a calendar term without objective reason of at most 2 years; §16: a term
    beyond it is invalid and the contract open-ended.

    - 2024-07-01 + 24 months → last allowed day 2026-06-30: ending on it is within; 2026-06-29 leaves a day
      and two extensions (1 of 3 used), so another fixed term is still possible
    - 2026-07-01 > 2026-06-30: the extension 2025-07-01..2026-07-01 carries the invalid term → open-ended
      from 2025-07-01; a single contract over the limit → open-ended from its own start
    - 2024-02-29 + 24 months: 2026 has no 29 February, so the period ends on 2026-02-28 (RULES.md §0);
      2026-03-01 is one day over
    """
    result = assess(_request(contracts=contracts, facts=CONFIRMED))

    assert _pick(result, expected) == expected, label
    assert result["severance"] is None, label
    assert result["last_notice_date"] is None, label


@pytest.mark.parametrize(
    ("label", "contracts", "expected", "code", "params"),
    [
        (
            "third extension on the last allowed day",
            _six_monthly(2024, 4),
            {
                "automatic_conversion": False,
                "non_renewal_lawful": True,
                "next_contract_must_be_open_ended": None,
            },
            "de.tzbfg.s14_2.limits_reached",
            {"extensions": 3, "max_extensions": 3, "limit": "2025-12-31"},
        ),
        (
            "fourth extension within two years",
            [
                contract("2024-01-01", "2024-04-30"),
                contract("2024-05-01", "2024-08-31"),
                contract("2024-09-01", "2024-12-31"),
                contract("2025-01-01", "2025-04-30"),
                contract("2025-05-01", "2025-08-31"),
            ],
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2025-05-01",
                "non_renewal_lawful": False,
            },
            "de.tzbfg.s14_2.too_many_extensions",
            {"index": 4, "start": "2025-05-01", "number": 4, "max_extensions": 3},
        ),
        (
            "a gap makes the next contract a new one after earlier employment",
            [
                contract("2024-01-01", "2024-06-30"),
                contract("2024-08-01", "2024-12-31"),
                contract("2025-01-01", "2025-06-30"),
            ],
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2024-08-01",
                "non_renewal_lawful": False,
            },
            "de.tzbfg.s14_2.prior_employment",
            {"start": "2024-08-01", "earlier": "2024-01-01"},
        ),
    ],
)
def test_three_extensions_and_no_gap(
    label: str, contracts: list[Case], expected: Case, code: str, params: Case
) -> None:
    """TzBfG §14(2): at most 3 extensions within the 2 years; an extension follows without a gap.

    - four half-year contracts 2024-01-01..2025-12-31 = 3 extensions and exactly 24 months (last allowed
      day 2025-12-31): lawful, but no room for a fourth extension → a further term needs a reason (unknown)
    - five four-month contracts 2024-01-01..2025-08-31 = 20 months (within 24) but 4 extensions > 3 → the
      4th extension, contracts[4] from 2025-05-01, is open-ended
    - a one-month gap (2024-07-01..07-31) ends the run: contracts[1] is a new contract after the employment
      of 2024-01-01, which bars a term without reason → open-ended from 2024-08-01
    """
    result = assess(_request(contracts=contracts, facts=CONFIRMED))

    assert _pick(result, expected) == expected, label
    finding = next(item for item in result["findings"] if item["code"] == code)
    assert _pick(finding["params"], params) == params, label


@pytest.mark.parametrize(
    ("label", "hire_date", "facts", "expected", "present", "absent"),
    [
        (
            "earlier employment recorded as a fact",
            None,
            {"prior_employment_with_employer": True},
            {"automatic_conversion": True, "conversion_effective_date": "2025-01-01"},
            ["de.tzbfg.s14_2.prior_employment", "de.tzbfg.s14_2.prior_employment_exceptions"],
            [],
        ),
        (
            "hired before the first contract listed",
            "2023-03-01",
            {},
            {"automatic_conversion": True, "conversion_effective_date": "2025-01-01"},
            ["de.tzbfg.s14_2.prior_employment"],
            [],
        ),
        (
            "earlier employment not recorded",
            None,
            {},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            ["de.tzbfg.s14_2.prior_employment_unconfirmed"],
            ["de.tzbfg.s14_2.prior_employment"],
        ),
        (
            "extensions not agreed before expiry on unchanged terms",
            None,
            {
                "prior_employment_with_employer": False,
                "extensions_agreed_before_expiry_terms_unchanged": False,
            },
            {"automatic_conversion": True, "conversion_effective_date": None, "non_renewal_lawful": False},
            ["de.tzbfg.s14_2.extension_not_valid"],
            [],
        ),
        (
            "extension terms not recorded",
            None,
            {"prior_employment_with_employer": False},
            {"automatic_conversion": False, "non_renewal_lawful": True},
            ["de.tzbfg.s14_2.extension_terms_unconfirmed"],
            [],
        ),
    ],
)
def test_earlier_employment_and_extension_terms(
    label: str, hire_date: str | None, facts: Case, expected: Case, present: list[str], absent: list[str]
) -> None:
    """TzBfG §14(2) sentence 2 (any earlier employment bars a term without reason; BVerfG 2018) and the
    extension conditions (agreed before expiry, no gap, other terms unchanged).

    Contracts 2025-01-01..2025-06-30 and 2025-07-01..2025-12-31 (1 extension, 12 months, within the limits):
    - earlier employment (a fact, or a hire date 2023-03-01 before the run) → open-ended from 2025-01-01
    - nothing recorded → lawful on the history given, with a request to confirm
    - an extension agreed late or on changed terms is a new contract, barred → open-ended; which one is
      not recorded, so the date is unknown
    """
    request = _request(
        contracts=[contract("2025-01-01", "2025-06-30"), contract("2025-07-01", "2025-12-31")],
        hire_date=hire_date,
        facts=facts,
    )

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert set(present) <= set(codes(result)), label
    assert not set(absent) & set(codes(result)), label


FIVE_YEARLY = [
    contract("2024-03-01", "2025-02-28"),
    contract("2025-03-01", "2026-02-28"),
    contract("2026-03-01", "2027-02-28"),
    contract("2027-03-01", "2028-02-29"),
    contract("2028-03-01", "2029-02-28"),
]


@pytest.mark.parametrize(
    ("label", "birth_date", "unemployed", "expected", "code"),
    [
        (
            "52 on the first day, 4 months out of work",
            "1972-03-01",
            4,
            {"automatic_conversion": False, "non_renewal_lawful": True, "conversion_effective_date": None},
            "de.tzbfg.s14_3.within_limits",
        ),
        (
            "52 the day after the start",
            "1972-03-02",
            4,
            {"automatic_conversion": True, "conversion_effective_date": "2026-03-01"},
            "de.tzbfg.s14_2.duration_exceeded",
        ),
        (
            "52 but only 3 months out of work",
            "1972-03-01",
            3,
            {"automatic_conversion": True, "conversion_effective_date": "2026-03-01"},
            "de.tzbfg.s14_2.too_many_extensions",
        ),
        (
            "52 and months out of work unknown",
            "1972-03-01",
            None,
            {"automatic_conversion": True, "conversion_effective_date": "2026-03-01"},
            "de.tzbfg.s14_3.older_worker_unconfirmed",
        ),
    ],
)
def test_older_worker_route(
    label: str, birth_date: str, unemployed: int | None, expected: Case, code: str
) -> None:
    """TzBfG §14(3): aged 52+ at the start and out of work 4+ months right before → up to 5 years, any
    number of extensions.

    Five yearly contracts 2024-03-01..2029-02-28 = 4 extensions, exactly 60 months (2024-03-01 + 60 months
    → last allowed day 2029-02-28):
    - born 1972-03-01: 52 on 2024-03-01, 4 months out of work → within §14(3)
    - born 1972-03-02: 51 on the first day → §14(2): last allowed day 2026-02-28; contracts[2]
      (2026-03-01..2027-02-28) runs over → open-ended from 2026-03-01 (the 4th extension, 2028-03-01, comes
      later)
    - 3 months out of work (< 4) → §14(2) as above; unknown months → §14(2), with a request to record them
    """
    facts: Case = {**CONFIRMED}
    if unemployed is not None:
        facts["unemployed_months_before_hire"] = unemployed
    request = _request(contracts=FIVE_YEARLY, birth_date=birth_date, facts=facts)

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "contracts", "abuse_check", "confidence"),
    [
        (
            "four years on one reasoned contract",
            [_reasoned("2023-01-01", "2026-12-31", "substitution of an employee on parental leave")],
            True,
            "medium",
        ),
        (
            "five reasoned contracts within two years",
            [
                _reasoned("2025-01-01", "2025-03-31", "temporary need"),
                _reasoned("2025-04-01", "2025-06-30", "temporary need"),
                _reasoned("2025-07-01", "2025-09-30", "temporary need"),
                _reasoned("2025-10-01", "2025-12-31", "temporary need"),
                _reasoned("2026-01-01", "2026-03-31", "temporary need"),
            ],
            True,
            "medium",
        ),
        (
            "one reasoned year",
            [_reasoned("2025-01-01", "2025-12-31", "temporary need")],
            False,
            "high",
        ),
    ],
)
def test_objective_reason_has_no_fixed_cap(
    label: str, contracts: list[Case], abuse_check: bool, confidence: str
) -> None:
    """TzBfG §14(1): with an objective reason there is no fixed length or number; long chains get an abuse
    check whose thresholds RULES.md could not verify (medium).

    - 2023-01-01..2026-12-31 = 48 months > 24 → flagged; 5 contracts > 4 (1 + 3 extensions) → flagged
    - one year, one contract → within the no-reason reference limits, not flagged
    """
    result = assess(_request(contracts=contracts))

    assert _pick(result, {"automatic_conversion": 0, "non_renewal_lawful": 0}) == {
        "automatic_conversion": False,
        "non_renewal_lawful": True,
    }, label
    assert ("de.tzbfg.s14_1.abuse_check" in codes(result)) is abuse_check, label
    assert result["confidence"] == confidence, label


@pytest.mark.parametrize(
    ("label", "facts", "expected", "code"),
    [
        (
            "worked on with the employer's knowledge, no objection",
            {
                "continued_working_after_expiry_days": 10,
                "employer_aware_of_continued_work": True,
                "employer_objected_without_delay": False,
            },
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-01-01",
                "non_renewal_lawful": False,
            },
            "de.tzbfg.s15_6.continued_work",
        ),
        (
            "the employer objected at once",
            {
                "continued_working_after_expiry_days": 10,
                "employer_aware_of_continued_work": True,
                "employer_objected_without_delay": True,
            },
            {"automatic_conversion": False, "conversion_effective_date": None, "non_renewal_lawful": True},
            "de.tzbfg.s15_6.continued_work_no_effect",
        ),
        (
            "the employer's knowledge not recorded",
            {"continued_working_after_expiry_days": 10},
            {"automatic_conversion": None, "conversion_effective_date": None, "non_renewal_lawful": None},
            "de.tzbfg.s15_6.continued_work_unclear",
        ),
    ],
)
def test_work_continued_after_expiry(label: str, facts: Case, expected: Case, code: str) -> None:
    """TzBfG §15(6): work continued after expiry with the employer's knowledge and no objection without
    delay → open-ended from the day after expiry.

    Contract 2025-01-01..2025-12-31 (valid term): D + 1 = 2026-01-01; the claim deadline (§17) is
    D + 21 days = 2026-01-21.
    """
    request = _request(contracts=[contract("2025-01-01", "2025-12-31")], facts={**CONFIRMED, **facts})

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label
    deadlines = [
        item["params"]["deadline"]
        for item in result["findings"]
        if item["code"]
        in ("de.tzbfg.s17.claim_deadline", "de.tzbfg.s17.claim_period", "de.tzbfg.s16.term_uncertain")
    ]
    assert deadlines == ["2026-01-21"], label


@pytest.mark.parametrize(
    ("label", "as_of", "given", "expected", "code"),
    [
        (
            "no notice yet, deadline ahead",
            "2025-12-01",
            None,
            {"last_notice_date": "2025-12-17", "non_renewal_lawful": True, "contract_extended_until": None},
            "de.tzbfg.s15_2.purpose_notice",
        ),
        (
            "notice on the deadline",
            None,
            "2025-12-17",
            {"last_notice_date": "2025-12-17", "non_renewal_lawful": True, "contract_extended_until": None},
            "de.tzbfg.s15_2.notice_in_time",
        ),
        (
            "notice three days late",
            None,
            "2025-12-20",
            {
                "last_notice_date": "2025-12-17",
                "non_renewal_lawful": False,
                "contract_extended_until": "2026-01-03",
            },
            "de.tzbfg.s15_2.notice_late",
        ),
        (
            "deadline passed without notice",
            "2025-12-18",
            None,
            {"last_notice_date": "2025-12-17", "non_renewal_lawful": False, "contract_extended_until": None},
            "de.tzbfg.s15_2.notice_deadline_passed",
        ),
    ],
)
def test_purpose_limited_contract_notice(
    label: str, as_of: str | None, given: str | None, expected: Case, code: str
) -> None:
    """TzBfG §15(2): a purpose-limited contract ends at the earliest 2 weeks after the written notice that
    the purpose is achieved.

    Purpose achieved on D = 2025-12-31: notice by D − 14 days = 2025-12-17 (RULES.md §0). Notice given on
    2025-12-20 → the contract runs until 2025-12-20 + 14 days = 2026-01-03.
    """
    facts: Case = {"reason_for_end": "completion_of_task"}
    if given is not None:
        facts["termination_notice_given"] = given
    request = _request(
        contracts=[_reasoned("2025-01-01", "2025-12-31", "project: launch of the Berlin office")],
        facts=facts,
        as_of=as_of,
    )

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


def test_purpose_limited_contract_without_objective_reason_is_undecided() -> None:
    """A purpose-limited term always needs an objective reason (TzBfG §14(1), §15(2)); none is recorded."""
    request = _request(
        contracts=[contract("2025-01-01", "2025-12-31")],
        facts={"reason_for_end": "completion_of_task", **CONFIRMED},
    )

    result = assess(request)

    assert _pick(result, {"automatic_conversion": 0, "non_renewal_lawful": 0}) == {
        "automatic_conversion": None,
        "non_renewal_lawful": None,
    }
    assert "de.tzbfg.s14_1.purpose_needs_reason" in codes(result)


@pytest.mark.parametrize(
    ("label", "statuses", "present"),
    [
        (
            "pregnancy from the day before expiry",
            [status("pregnant", "2025-12-30", None)],
            ["de.protection.does_not_block_expiry", "de.agg.pregnancy_discrimination"],
        ),
        (
            "works council member and severely disabled",
            [status("union_representative"), status("disabled", "2020-01-01", None)],
            ["de.protection.does_not_block_expiry"],
        ),
        (
            "a status the pack does not use",
            [status("work_injury", "2025-12-01", None)],
            ["de.status_not_considered"],
        ),
    ],
)
def test_protections_do_not_stop_a_valid_term(label: str, statuses: list[Case], present: list[str]) -> None:
    """RULES.md §5: maternity protection, severe disability and works-council membership do not stop a
    valid term from expiring on D = 2025-12-31; refusing renewal because of pregnancy may be discrimination
    (AGG: compensation, not conversion)."""
    request = _request(contracts=[contract("2025-01-01", "2025-12-31")], statuses=statuses, facts=CONFIRMED)

    result = assess(request)

    assert _pick(
        result, {"non_renewal_lawful": 0, "blocking_protections": 0, "contract_extended_until": 0}
    ) == {
        "non_renewal_lawful": True,
        "blocking_protections": [],
        "contract_extended_until": None,
    }, label
    assert set(present) <= set(codes(result)), label


THREE_HALVES = _six_monthly(2025, 3)  # 2025-01-01..2026-06-30, 2 extensions


@pytest.mark.parametrize(
    ("label", "contracts", "decision_date", "new_end_date", "facts", "lawful", "code"),
    [
        (
            "third extension to the last allowed day",
            THREE_HALVES,
            "2026-07-01",
            "2026-12-31",
            CONFIRMED,
            True,
            "de.tzbfg.s14_2.extension_within_limits",
        ),
        (
            "third extension a day past two years",
            THREE_HALVES,
            "2026-07-01",
            "2027-01-01",
            CONFIRMED,
            False,
            "de.tzbfg.s14_2.extension_over_limits",
        ),
        (
            "fourth extension",
            [*_six_monthly(2025, 4)[:3], contract("2026-07-01", "2026-09-30")],
            "2026-10-01",
            "2026-12-31",
            CONFIRMED,
            False,
            "de.tzbfg.s14_2.extension_over_limits",
        ),
        (
            "new contract after a one-day gap",
            THREE_HALVES,
            "2026-07-02",
            "2026-12-31",
            CONFIRMED,
            False,
            "de.tzbfg.s14_2.new_contract_barred",
        ),
        (
            "renewal with an objective reason",
            THREE_HALVES,
            "2026-07-01",
            "2027-06-30",
            {
                **CONFIRMED,
                "proposed_contract_objective_reason": "substitution of an employee on parental leave",
            },
            True,
            "de.tzbfg.s14_1.renewal_with_reason",
        ),
        (
            "extension without an end date",
            THREE_HALVES,
            "2026-07-01",
            None,
            CONFIRMED,
            None,
            "de.tzbfg.s14_2.new_end_date_needed",
        ),
    ],
)
def test_renewal_as_proposed(
    label: str,
    contracts: list[Case],
    decision_date: str,
    new_end_date: str | None,
    facts: Case,
    lawful: bool | None,
    code: str,
) -> None:
    """TzBfG §14(2): a further extension must follow without a gap and stay within 3 extensions and 2 years;
    §14(1): with an objective reason there is no such limit.

    Contracts 2025-01-01..2026-06-30 (2 extensions); 2025-01-01 + 24 months → last allowed day 2026-12-31:
    - extension number 3 to 2026-12-31 → lawful; to 2027-01-01 → one day over → not lawful
    - with 3 extensions already used (to 2026-09-30), a 4th → not lawful
    - starting 2026-07-02 leaves a one-day gap → a new contract, barred by the earlier employment
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
    assert result["non_renewal_lawful"] is None, label
    assert "de.tzbfg.s15_3.probation_proportionate" in codes(result), label


def test_open_ended_renewal_is_lawful() -> None:
    request = _request(
        contracts=_six_monthly(2025, 4),
        facts=CONFIRMED,
        action="renew_open_ended",
        decision_date="2027-01-01",
    )

    result = assess(request)

    assert result["renewal_as_proposed_lawful"] is True
    assert result["severance"] is None


@pytest.mark.parametrize(
    ("label", "contracts", "facts", "deadline_code", "params"),
    [
        (
            "valid term: job-seeker registration three months ahead",
            _six_monthly(2025, 4),
            CONFIRMED,
            "de.sgb3.s38.job_seeker_registration",
            {"months": 3, "deadline": "2026-09-30"},
        ),
        (
            "valid term: the claim period",
            _six_monthly(2025, 4),
            CONFIRMED,
            "de.tzbfg.s17.claim_period",
            {"days": 21, "deadline": "2027-01-21"},
        ),
        (
            "invalid term: the claim deadline",
            _six_monthly(2025, 4),
            {"prior_employment_with_employer": True},
            "de.tzbfg.s17.claim_deadline",
            {"days": 21, "deadline": "2027-01-21"},
        ),
        (
            "a contract shorter than three months",
            [contract("2026-11-01", "2026-12-31")],
            CONFIRMED,
            "de.sgb3.s38.job_seeker_registration",
            {"months": 3},
        ),
    ],
)
def test_deadlines_around_the_end(
    label: str, contracts: list[Case], facts: Case, deadline_code: str, params: Case
) -> None:
    """SGB III §38 and TzBfG §17, for D = 2026-12-31.

    - job-seeker registration: D − 3 months = 2026-09-30; a contract from 2026-11-01 is shorter than 3
      months, so registration is due as soon as the end is known (no date)
    - claim: D + 21 days (3 weeks) = 2027-01-21
    """
    result = assess(_request(contracts=contracts, facts=facts))

    finding = next(item for item in result["findings"] if item["code"] == deadline_code)
    assert finding["params"] == params, label
    assert result["last_notice_date"] is None, label


@pytest.mark.parametrize(
    ("label", "facts", "field", "message"),
    [
        (
            "negative days worked after expiry",
            {"continued_working_after_expiry_days": -1},
            "employee.facts.continued_working_after_expiry_days",
            "must not be negative, got -1",
        ),
        (
            "reason for end that is not text",
            {"reason_for_end": 5},
            "employee.facts.reason_for_end",
            "expected text, got 5",
        ),
        (
            "earlier employment as a word",
            {"prior_employment_with_employer": "no"},
            "employee.facts.prior_employment_with_employer",
            "expected true, false or null, got 'no'",
        ),
        (
            "age at hire as text",
            {"age_at_hire": "fifty"},
            "employee.facts.age_at_hire",
            "expected a whole number, got 'fifty'",
        ),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, field: str, message: str) -> None:
    request = _request(contracts=[contract("2025-01-01", "2025-12-31")], facts=facts)

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert (raised.value.field, raised.value.message) == (field, message), label


def test_decision_before_the_pack_is_unsupported() -> None:
    """The pack covers decisions from 2022-08-01 (TzBfG §15 as renumbered); 2022-07-31 gets no answer."""
    result = assess(_request(contracts=[contract("2021-08-01", "2022-07-31")]))

    assert result["supported"] is False
    assert result["non_renewal_lawful"] is None
    assert result["findings"][0]["params"]["effective_from"] == "2022-08-01"


def test_a_region_gets_the_federal_rules_and_says_so() -> None:
    """The rules are federal (the pack is national): a Land gets them at the pack's own confidence."""
    result = assess(
        _request(contracts=[contract("2025-01-01", "2025-12-31")], facts=CONFIRMED, region="Bayern")
    )

    assert codes(result)[0] == "law.national_law_applies"
    assert result["findings"][0]["severity"] == "info"
    assert result["non_renewal_lawful"] is True
    assert result["confidence"] == "high"


# --- Property: random valid histories -------------------------------------------------------------------

PACK_FROM = date(2022, 8, 1)
REASONS = (None, None, "substitution of an employee on parental leave", "temporary need")
STATUS_KINDS = ("pregnant", "maternity_leave", "disabled", "union_representative", "work_injury")
GERMAN_REQUESTS = requests(
    jurisdiction="DE",
    decided=(PACK_FROM, PACK_FROM + timedelta(days=3650)),
    contract_days=2500,
    regions=(None, None, "Bayern"),
    statuses=STATUS_KINDS,
    reasons=REASONS,
    birth_date=True,
    pay={"currency": st.just("EUR")},
    facts={
        "prior_employment_with_employer": FLAGS,
        "extensions_agreed_before_expiry_terms_unchanged": FLAGS,
        "employer_aware_of_continued_work": FLAGS,
        "employer_objected_without_delay": FLAGS,
        "age_at_hire": st.one_of(st.none(), st.integers(min_value=15, max_value=70)),
        "unemployed_months_before_hire": st.one_of(st.none(), st.integers(min_value=0, max_value=24)),
        "continued_working_after_expiry_days": st.one_of(st.none(), st.integers(0, 90)),
        "reason_for_end": st.sampled_from([None, "expiry", "completion_of_task"]),
        "termination_notice_given": days_from(-60, 30),
        "proposed_contract_objective_reason": st.sampled_from([None, "temporary need"]),
    },
)


@settings(max_examples=300, deadline=None)
@given(GERMAN_REQUESTS)
def test_random_histories_never_raise_and_stay_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    assert result["supported"] is True
    assert result["rule_pack"] == "de"
    assert result["severance"] is None
    assert result["employee_may_request_open_ended"] is None
    if result["last_notice_date"] is not None:
        assert result["last_notice_date"] <= request["decision"]["date"]
    if result["automatic_conversion"] is True and request["decision"]["action"] == "not_renew":
        assert result["non_renewal_lawful"] is False
    for finding in result["findings"]:
        assert finding["code"].startswith(("de.", "law."))
        assert finding["text"] == finding["message"] % finding["params"]
