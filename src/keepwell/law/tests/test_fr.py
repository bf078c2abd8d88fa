"""France pack: cases derived from RULES.md §0, §6 and §20.3, each with its arithmetic written out.

Unless a case says otherwise: no region, monthly salary 2800 EUR, the reason "temporary increase in
activity" on every contract (18 months, 2 renewals), renewals agreed in writing before each term ended, no
sector agreement, and the decision is not to renew on the last contract's last day. "Last allowed day" is
the last day of a period of N whole months from the first day (RULES.md §0).
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
    FLAGS,
    assert_sound,
    china_request,
    codes,
    contract,
    money,
    requests,
    status,
)

Case = dict[str, Any]
ACTIVITY = "temporary increase in activity (accroissement temporaire d'activité)"
AGREED = {
    "extensions_agreed_before_expiry_terms_unchanged": True,
    "sector_agreement_overrides_defaults": False,
}


def _request(*, total_pay: str | None = None, wage: str | None = "2800", **options: Any) -> Case:
    """A French request built on the shared factory: EUR, the monthly salary and total gross pay given."""
    request = china_request(jurisdiction="FR", wage=wage, average=None, **options)
    request["employee"]["pay"]["currency"] = "EUR"
    request["employee"]["pay"]["total_gross_pay_over_contracts"] = total_pay
    return request


def _cdd(start: str, end: str, reason: str | None = ACTIVITY) -> Case:
    return {**contract(start, end), "objective_reason": reason}


def _pick(result: Case, keys: Case) -> Case:
    return {key: result[key] for key in keys}


@pytest.mark.parametrize(
    ("label", "contracts", "expected"),
    [
        (
            "exactly 18 months with 2 renewals",
            [
                _cdd("2025-03-01", "2025-08-31"),
                _cdd("2025-09-01", "2026-02-28"),
                _cdd("2026-03-01", "2026-08-31"),
            ],
            {
                "automatic_conversion": False,
                "non_renewal_lawful": True,
                "next_contract_must_be_open_ended": None,
            },
        ),
        (
            "a day past 18 months",
            [
                _cdd("2025-03-01", "2025-08-31"),
                _cdd("2025-09-01", "2026-02-28"),
                _cdd("2026-03-01", "2026-09-01"),
            ],
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-03-01",
                "non_renewal_lawful": False,
                "damages_if_unlawful": {
                    "amount": "2800.00",
                    "currency": "EUR",
                    "basis": "at least 1 × 2800 monthly salary (reclassification indemnity, L1245-2; "
                    "dismissal remedies not included)",
                },
            },
        ),
        (
            "a third renewal",
            [
                _cdd("2025-01-01", "2025-03-31"),
                _cdd("2025-04-01", "2025-06-30"),
                _cdd("2025-07-01", "2025-09-30"),
                _cdd("2025-10-01", "2025-12-31"),
            ],
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2025-10-01",
                "non_renewal_lawful": False,
            },
        ),
        (
            "18 months ending on a leap day",
            [_cdd("2022-08-30", "2024-02-29")],
            {"automatic_conversion": False, "non_renewal_lawful": True},
        ),
        (
            "a day earlier start runs a day over",
            [_cdd("2022-08-29", "2024-02-29")],
            {"automatic_conversion": True, "conversion_effective_date": "2022-08-29"},
        ),
        (
            "waiting for a new hire: 9 months exactly",
            [
                _cdd(
                    "2026-01-01",
                    "2026-09-30",
                    "remplacement dans l'attente de l'entrée en service du salarié",
                )
            ],
            {"automatic_conversion": False, "non_renewal_lawful": True},
        ),
        (
            "waiting for a new hire: a day past 9 months",
            [_cdd("2026-01-01", "2026-10-01", "waiting for the new hire to start")],
            {"automatic_conversion": True, "conversion_effective_date": "2026-01-01"},
        ),
        (
            "a job abroad: 24 months",
            [_cdd("2024-01-01", "2025-12-31", "mission à l'étranger")],
            {"automatic_conversion": False, "non_renewal_lawful": True},
        ),
    ],
)
def test_maximum_duration_and_renewals(label: str, contracts: list[Case], expected: Case) -> None:
    """C. trav. L1242-8 and L1243-13: at most 18 months including renewals (9 while waiting for a new hire,
    24 for a job abroad) and 2 renewals; L1245-1: a breach makes the CDD open-ended; L1245-2: at least one
    month's salary as reclassification indemnity.

    - 2025-03-01 + 18 months → last allowed day 2026-08-31: ending then is lawful and no renewal is left;
      2026-09-01 is a day over → the 2nd renewal, from 2026-03-01, is open-ended; indemnity ≥ 1 × 2800
    - four quarterly contracts = 3 renewals > 2 → open-ended from the 3rd renewal, 2025-10-01
    - 2022-08-30 + 18 months: 30 February 2024 does not exist, so the period ends on 2024-02-29 (leap day);
      from 2022-08-29 it ends on 2024-02-28, so 2024-02-29 is a day over
    - 2026-01-01 + 9 months → 2026-09-30; 2024-01-01 + 24 months → 2025-12-31
    """
    result = assess(_request(contracts=contracts, facts=AGREED))

    assert _pick(result, expected) == expected, label
    assert result["last_notice_date"] is None, label


@pytest.mark.parametrize(
    ("label", "total_pay", "contracts", "statuses", "offer", "facts", "severance", "code"),
    [
        (
            "10% of the total gross pay",
            "50400",
            [_cdd("2026-01-05", "2026-07-04"), _cdd("2026-07-05", "2027-01-04")],
            [],
            "none",
            {},
            {
                "amount": "5040.00",
                "currency": "EUR",
                "months": None,
                "basis": "10% × 50400 total gross pay over the CDD and its renewal",
            },
            "fr.ctrav.l1243_8.indemnity",
        ),
        (
            "half a cent rounds up",
            "12345.65",
            [_cdd("2026-01-01", "2026-06-30")],
            [],
            "none",
            {},
            {
                "amount": "1234.57",
                "currency": "EUR",
                "months": None,
                "basis": "10% × 12345.65 total gross pay over the CDD",
            },
            "fr.ctrav.l1243_8.indemnity",
        ),
        (
            "total pay unknown",
            None,
            [_cdd("2026-01-01", "2026-06-30")],
            [],
            "none",
            {},
            {
                "amount": None,
                "currency": "EUR",
                "months": None,
                "basis": "10% × total gross pay over the CDD (unknown)",
            },
            "fr.ctrav.l1243_8.total_pay_unknown",
        ),
        (
            "an open-ended contract as well paid refused",
            "16800",
            [_cdd("2026-01-01", "2026-06-30")],
            [],
            "same_or_better",
            {"employee_refused_offer": True, "offered_contract_type": "open_ended"},
            {
                "amount": "0.00",
                "currency": "EUR",
                "months": None,
                "basis": "open-ended contract at least as well paid offered and refused by the employee",
            },
            "fr.ctrav.l1243_10.refused_cdi",
        ),
        (
            "a lower-paid offer refused",
            "16800",
            [_cdd("2026-01-01", "2026-06-30")],
            [],
            "worse",
            {"employee_refused_offer": True, "offered_contract_type": "open_ended"},
            {
                "amount": "1680.00",
                "currency": "EUR",
                "months": None,
                "basis": "10% × 16800 total gross pay over the CDD",
            },
            "fr.ctrav.l1243_10.refused_lower_offer",
        ),
        (
            "a seasonal CDD",
            "16800",
            [_cdd("2026-06-01", "2026-09-30", "travail saisonnier")],
            [],
            "none",
            {},
            None,
            "fr.ctrav.l1243_10.not_due_for_kind",
        ),
        (
            "a student during the summer holidays",
            "5600",
            [_cdd("2026-07-01", "2026-08-31")],
            [status("student_on_vacation", "2026-07-01", "2026-08-31")],
            "none",
            {},
            None,
            "fr.ctrav.l1243_10.not_due_student_holidays",
        ),
    ],
)
def test_end_of_contract_indemnity(
    label: str,
    total_pay: str | None,
    contracts: list[Case],
    statuses: list[Case],
    offer: str,
    facts: Case,
    severance: Case | None,
    code: str,
) -> None:
    """C. trav. L1243-8: 10% of the total gross pay over the CDD and its renewals; L1243-10: not for seasonal
    or usage CDDs, students on holiday, or an employee who refused a CDI at least as well paid.

    - 10% × 50400 = 5040.00; 10% × 12345.65 = 1234.565 → 1234.57 (half up to the cent)
    - no total pay → amount unknown (never estimated from the monthly salary)
    - a CDI as well paid refused → the law's answer is zero: 0.00
    - a lower-paid CDI refused → still 10% × 16800 = 1680.00
    - seasonal work, a student on holiday → nothing is owed: null
    """
    request = _request(
        contracts=contracts, total_pay=total_pay, statuses=statuses, offer=offer, facts={**AGREED, **facts}
    )

    result = assess(request)

    assert result["severance"] == severance, label
    assert code in codes(result), label
    assert result["non_renewal_lawful"] is True, label


@pytest.mark.parametrize(
    ("label", "previous", "current", "expected", "code", "params"),
    [
        (
            "a third of the previous CDD, exactly",
            _cdd("2025-01-01", "2025-06-30"),
            _cdd("2025-08-31", "2025-12-31"),
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "fr.ctrav.l1244_3.check_open_days",
            {"gap": 61, "days": 61},
        ),
        (
            "one day short of a third",
            _cdd("2025-01-01", "2025-06-30"),
            _cdd("2025-08-30", "2025-12-31"),
            {"automatic_conversion": None, "non_renewal_lawful": None},
            "fr.ctrav.l1244_3.waiting_period_not_respected",
            {"gap": 60, "days": 61, "share": "1/3", "total_days": 181},
        ),
        (
            "a 13-day CDD: half",
            _cdd("2025-01-01", "2025-01-13"),
            _cdd("2025-01-20", "2025-06-30"),
            {"automatic_conversion": None},
            "fr.ctrav.l1244_3.waiting_period_not_respected",
            {"gap": 6, "days": 7, "share": "1/2", "total_days": 13},
        ),
        (
            "a 14-day CDD: a third",
            _cdd("2025-01-01", "2025-01-14"),
            _cdd("2025-01-20", "2025-06-30"),
            {"automatic_conversion": False},
            "fr.ctrav.l1244_3.check_open_days",
            {"gap": 5, "days": 5},
        ),
        (
            "a replacement CDD needs no waiting period",
            _cdd("2025-01-01", "2025-06-30"),
            _cdd("2025-07-01", "2025-12-31", "remplacement d'un salarié absent"),
            {"automatic_conversion": False, "non_renewal_lawful": True},
            "fr.ctrav.l1242_2.reason",
            {"kind": "replacement"},
        ),
    ],
)
def test_waiting_period_between_two_cdds(
    label: str, previous: Case, current: Case, expected: Case, code: str, params: Case
) -> None:
    """C. trav. L1244-3: before a new CDD on the same post, wait 1/3 of the previous CDD's total days (1/2
    if it lasted under 14 days), counted in open days; L1244-4: not for replacement, seasonal or usage CDDs.

    - 2025-01-01..2025-06-30 = 181 days → 181/3 = 60.33 → 61 days (rounded up); a start on 2025-08-31
      leaves 2025-07-01..08-30 = 61 days → enough in calendar days (check the open days); 2025-08-30
      leaves 60 → too short: open-ended if it is the same post (unknown) → undecided
    - 13 days → 13/2 = 6.5 → 7; a start on 2025-01-20 leaves 6 days → too short
    - 14 days → 14/3 = 4.67 → 5; the same start leaves 5 days → enough
    """
    result = assess(_request(contracts=[previous, current], facts=AGREED))

    assert _pick(result, expected) == expected, label
    finding = next(item for item in result["findings"] if item["code"] == code)
    assert _pick(finding["params"], params) == params, label


def test_waiting_period_after_this_cdd() -> None:
    """FR-01's contract: 2026-01-05..2027-07-04 = 546 days → 546/3 = 182 open days before a new CDD."""
    contracts = [
        _cdd("2026-01-05", "2026-07-04"),
        _cdd("2026-07-05", "2027-01-04"),
        _cdd("2027-01-05", "2027-07-04"),
    ]

    result = assess(_request(contracts=contracts, facts=AGREED, total_pay="50400"))

    finding = next(
        item for item in result["findings"] if item["code"] == "fr.ctrav.l1244_3.waiting_period_after"
    )
    assert finding["params"] == {"days": 182, "share": "1/3", "total_days": 546}


@pytest.mark.parametrize(
    ("label", "facts", "expected", "code"),
    [
        (
            "worked three days after the term",
            {"continued_working_after_expiry_days": 3},
            {
                "automatic_conversion": True,
                "conversion_effective_date": "2026-07-01",
                "non_renewal_lawful": False,
            },
            "fr.ctrav.l1243_11.continued_work",
        ),
        (
            "a new contract was signed",
            {"continued_working_after_expiry_days": 3, "new_contract_signed": True},
            {"automatic_conversion": False, "conversion_effective_date": None, "non_renewal_lawful": True},
            "fr.ctrav.l1242_8.ends_at_term",
        ),
        (
            "renewal not agreed before the term",
            {"extensions_agreed_before_expiry_terms_unchanged": False},
            {"automatic_conversion": True, "conversion_effective_date": None, "non_renewal_lawful": False},
            "fr.ctrav.l1243_13.renewal_not_agreed",
        ),
    ],
)
def test_work_after_the_term_and_late_renewals(label: str, facts: Case, expected: Case, code: str) -> None:
    """C. trav. L1243-11: working on after the term without a new contract makes the contract open-ended
    from the day after the term (D = 2026-06-30 → 2026-07-01); a renewal not agreed before the term ended
    has the same effect, from a date the facts do not give."""
    contracts = [_cdd("2026-01-01", "2026-03-31"), _cdd("2026-04-01", "2026-06-30")]

    result = assess(_request(contracts=contracts, facts={**AGREED, **facts}))

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label


@pytest.mark.parametrize(
    ("label", "reason", "kind_code", "confidence"),
    [
        ("accents and capitals", "Accroissement temporaire d'activité", "fr.ctrav.l1242_2.reason", "high"),
        ("reason not recorded", None, "fr.ctrav.l1242_2.reason_not_recorded", "medium"),
        (
            "reason not recognised",
            "general business needs",
            "fr.ctrav.l1242_2.reason_not_recognised",
            "medium",
        ),
    ],
)
def test_reason_is_read_from_the_text(
    label: str, reason: str | None, kind_code: str, confidence: str
) -> None:
    """C. trav. L1242-2: a CDD needs a permitted reason. An unrecorded or unrecognised reason gets the default
    limits (18 months, 2 renewals) at medium confidence: 2026-01-01..2026-06-30 is within them either way."""
    result = assess(_request(contracts=[_cdd("2026-01-01", "2026-06-30", reason)], facts=AGREED))

    assert kind_code in codes(result), label
    assert result["confidence"] == confidence, label
    assert result["non_renewal_lawful"] is True, label


THREE_MONTHS = [_cdd("2026-01-01", "2026-03-31")]


@pytest.mark.parametrize(
    ("label", "contracts", "decision_date", "new_end_date", "facts", "lawful", "code"),
    [
        (
            "first renewal to the last allowed day",
            THREE_MONTHS,
            "2026-04-01",
            "2027-06-30",
            AGREED,
            True,
            "fr.ctrav.l1243_13.renewal_within_limits",
        ),
        (
            "first renewal a day past 18 months",
            THREE_MONTHS,
            "2026-04-01",
            "2027-07-01",
            AGREED,
            False,
            "fr.ctrav.l1243_13.renewal_over_limits",
        ),
        (
            "third renewal",
            [
                _cdd("2026-01-01", "2026-03-31"),
                _cdd("2026-04-01", "2026-06-30"),
                _cdd("2026-07-01", "2026-09-30"),
            ],
            "2026-10-01",
            "2026-12-31",
            AGREED,
            False,
            "fr.ctrav.l1243_13.renewal_over_limits",
        ),
        (
            "a new CDD after the waiting period",
            THREE_MONTHS,
            "2026-05-01",
            "2026-10-31",
            AGREED,
            True,
            "fr.ctrav.l1244_3.new_cdd_after_waiting_period",
        ),
        (
            "a new CDD too soon",
            THREE_MONTHS,
            "2026-04-20",
            "2026-10-31",
            AGREED,
            None,
            "fr.ctrav.l1244_3.new_cdd_too_soon",
        ),
        (
            "a new replacement CDD at once",
            THREE_MONTHS,
            "2026-04-02",
            "2026-10-31",
            {**AGREED, "proposed_contract_objective_reason": "replacement of an absent employee"},
            True,
            "fr.ctrav.l1244_4.no_waiting_period",
        ),
    ],
)
def test_renewal_as_proposed(
    label: str,
    contracts: list[Case],
    decision_date: str,
    new_end_date: str,
    facts: Case,
    lawful: bool | None,
    code: str,
) -> None:
    """C. trav. L1243-13 (2 renewals within 18 months) and L1244-3 (waiting period before a new CDD).

    - CDD 2026-01-01..2026-03-31 (90 days): 2026-01-01 + 18 months → 2027-06-30; a renewal to that day is
      lawful, to 2027-07-01 not; a 3rd renewal is not
    - a new CDD must wait 90/3 = 30 open days: from 2026-05-01 the gap 2026-04-01..04-30 is 30 calendar days
      (lawful, check the open days); from 2026-04-20 it is 19 → lawful only on another post (undecided)
    - a replacement CDD needs no waiting period (L1244-4)
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
    assert result["severance"] is None, label


@pytest.mark.parametrize(
    ("label", "statuses", "facts", "code", "confidence"),
    [
        (
            "pregnant from the day before the term",
            [status("pregnant", "2026-06-29", None)],
            {},
            "fr.protection.does_not_block_expiry",
            "high",
        ),
        (
            "staff representative, inspector not seized",
            [status("union_representative", "2025-01-01", None)],
            {},
            "fr.ctrav.representative_procedure",
            "medium",
        ),
        ("a status the pack does not use", [status("work_injury")], {}, "fr.status_not_considered", "high"),
    ],
)
def test_protections(label: str, statuses: list[Case], facts: Case, code: str, confidence: str) -> None:
    """RULES.md §6: pregnancy does not stop a CDD from ending on D = 2026-06-30; a staff representative's CDD
    goes through a labour-inspector procedure (recalled, medium)."""
    request = _request(
        contracts=[_cdd("2026-01-01", "2026-06-30")],
        statuses=statuses,
        facts={**AGREED, **facts},
        total_pay="16800",
    )

    result = assess(request)

    assert code in codes(result), label
    assert result["confidence"] == confidence, label
    assert result["non_renewal_lawful"] is True, label
    assert result["blocking_protections"] == [], label


def test_sector_agreement_leaves_the_limits_undecided() -> None:
    """Since the 2017 ordinances an extended sector agreement may set other limits: 30 months with 3
    renewals would breach the defaults, but with such an agreement nothing is concluded."""
    contracts = [
        _cdd("2024-01-01", "2024-06-30"),
        _cdd("2024-07-01", "2024-12-31"),
        _cdd("2025-01-01", "2025-12-31"),
        _cdd("2026-01-01", "2026-06-30"),
    ]
    request = _request(
        contracts=contracts, facts={"sector_agreement_overrides_defaults": True}, total_pay="84000"
    )

    result = assess(request)

    assert _pick(result, {"automatic_conversion": 0, "non_renewal_lawful": 0, "confidence": 0}) == {
        "automatic_conversion": None,
        "non_renewal_lawful": None,
        "confidence": "medium",
    }
    assert result["severance"]["amount"] == "8400.00"


@pytest.mark.parametrize(
    ("label", "facts", "action", "field", "message"),
    [
        (
            "offered contract type outside the vocabulary",
            {"offered_contract_type": "permanent"},
            "not_renew",
            "employee.facts.offered_contract_type",
            "expected one of fixed_term, open_ended, got 'permanent'",
        ),
        (
            "negative days after the term",
            {"continued_working_after_expiry_days": -2},
            "not_renew",
            "employee.facts.continued_working_after_expiry_days",
            "must not be negative, got -2",
        ),
        (
            "proposed reason that is not text",
            {"proposed_contract_objective_reason": ["replacement"]},
            "renew_fixed_term",
            "employee.facts.proposed_contract_objective_reason",
            "expected text, got ['replacement']",
        ),
    ],
)
def test_invalid_facts_name_the_field(label: str, facts: Case, action: str, field: str, message: str) -> None:
    renewal = action == "renew_fixed_term"
    request = _request(
        contracts=THREE_MONTHS,
        facts=facts,
        action=action,
        decision_date="2026-05-01" if renewal else None,
        new_end_date="2026-10-31" if renewal else None,
    )

    with pytest.raises(InvalidRequest) as raised:
        assess(request)

    assert (raised.value.field, raised.value.message) == (field, message), label


def test_decision_before_the_pack_is_unsupported() -> None:
    """The pack covers decisions from 2017-09-24 (after the 2017 ordinances)."""
    result = assess(_request(contracts=[_cdd("2017-03-24", "2017-09-23")]))

    assert result["supported"] is False
    assert result["findings"][0]["params"]["effective_from"] == "2017-09-24"


# --- Property: random valid histories -------------------------------------------------------------------

PACK_FROM = date(2017, 9, 24)
REASONS = (None, ACTIVITY, ACTIVITY, "remplacement d'un salarié absent", "travail saisonnier", "other")
STATUS_KINDS = ("student_on_vacation", "pregnant", "maternity_leave", "union_representative", "disabled")
FRENCH_REQUESTS = requests(
    jurisdiction="FR",
    decided=(PACK_FROM, PACK_FROM + timedelta(days=3650)),
    contract_days=2500,
    regions=(None, None, "Bretagne"),
    statuses=STATUS_KINDS,
    reasons=REASONS,
    pay={
        "currency": st.just("EUR"),
        "monthly_wage": money(),
        "total_gross_pay_over_contracts": money(),
    },
    facts={
        **dict.fromkeys(
            (
                "sector_agreement_overrides_defaults",
                "seasonal_work",
                "substitution_contract",
                "extensions_agreed_before_expiry_terms_unchanged",
                "new_contract_signed",
                "employee_refused_offer",
                "labour_inspectorate_notified",
            ),
            FLAGS,
        ),
        "offered_contract_type": st.sampled_from([None, "fixed_term", "open_ended"]),
        "continued_working_after_expiry_days": st.one_of(st.none(), st.integers(0, 90)),
        "proposed_contract_objective_reason": st.sampled_from([None, "replacement", ACTIVITY]),
    },
)


@settings(max_examples=300, deadline=None)
@given(FRENCH_REQUESTS)
def test_random_histories_never_raise_and_stay_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    assert result["supported"] is True
    assert result["rule_pack"] == "fr"
    assert result["employee_may_request_open_ended"] is None
    assert result["last_notice_date"] is None
    for key in ("severance", "damages_if_unlawful"):
        amount = result[key] and result[key]["amount"]
        if amount is not None:
            assert Decimal(amount) >= 0, key
    if request["decision"]["action"] != "not_renew":
        assert result["severance"] is None
    for finding in result["findings"]:
        assert finding["code"].startswith(("fr.", "law."))
        assert finding["text"] == finding["message"] % finding["params"]
