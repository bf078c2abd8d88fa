"""Mexico pack: cases derived from RULES.md §13, each with its reasoning and arithmetic written out.

Unless a case says otherwise: a contract 2026-01-10..2026-05-03 stating a substitution cause, monthly wage
13500 MXN, and the decision is not to renew on its last day. Unjustified dismissal (LFT Art 48) costs 3
months' pay = 3 × 13500 = 40500.00 plus back wages (not computed).
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
    money,
    requests,
    status,
)

Case = dict[str, Any]
SUBSTITUTION = "temporary substitution of a worker on leave"


def mx_request(
    *,
    contracts: list[Case] | None = None,
    cause: str | None = SUBSTITUTION,
    monthly_wage: str | None = "13500",
    daily_wage: str | None = None,
    **options: Any,
) -> Case:
    """The factory's SCHEMA.md request with Mexican pay and the current contract's stated cause."""
    contract_list = contracts or [contract("2026-01-10", "2026-05-03")]
    contract_list[-1] = {**contract_list[-1], "objective_reason": cause}
    return china_request(
        jurisdiction="MX",
        contracts=contract_list,
        currency="MXN",
        wage=monthly_wage,
        pay={"daily_wage": daily_wage},
        average=None,
        **options,
    )


def _pick(result: Case, keys: Case) -> Case:
    return {key: result[key] for key in keys}


@pytest.mark.parametrize(
    ("label", "cause", "continues", "expected", "code"),
    [
        (
            "example MX-01: stated cause, work ended",
            SUBSTITUTION,
            False,
            {"non_renewal_lawful": True, "automatic_conversion": False, "damages_if_unlawful": None},
            "mx.lft.art53.expiry_ends_relationship",
        ),
        (
            "stated cause, work continues",
            SUBSTITUTION,
            True,
            {
                "non_renewal_lawful": False,
                "contract_extended_until": None,
                "damages_if_unlawful": {
                    "amount": "40500.00",
                    "currency": "MXN",
                    "basis": "3 × monthly wage 13500 = 40500.00, plus back wages from the dismissal for up "
                    "to 12 months (not computed)",
                },
            },
            "mx.lft.art48.unjustified_dismissal",
        ),
        (
            "stated cause, continuation unknown",
            SUBSTITUTION,
            None,
            {"non_renewal_lawful": None, "automatic_conversion": False},
            "mx.lft.art48.unjustified_dismissal_risk",
        ),
        (
            "cause not given, work ended",
            None,
            False,
            {"non_renewal_lawful": None, "automatic_conversion": None},
            "mx.lft.art37.cause_not_given",
        ),
        (
            "cause not given, work continues",
            None,
            True,
            {"non_renewal_lawful": False, "automatic_conversion": None},
            "mx.lft.art39.work_continues",
        ),
    ],
)
def test_stated_cause_and_continuing_work(
    label: str, cause: str | None, continues: bool | None, expected: Case, code: str
) -> None:
    """LFT Arts 35, 37, 39, 53-III (RULES.md §13): a fixed term needs a stated temporary cause; if the work
    still exists at the end, the relationship continues and ending it is an unjustified dismissal (Art 48:
    3 months' pay = 3 × 13500 = 40500.00 plus back wages up to 12 months). A cause that is not given is
    unknown (null), so lawfulness is unknown unless continuing work already makes the ending unlawful.
    Lawful expiry owes the finiquito only: severance null in every case, no notice."""
    facts = {} if continues is None else {"work_continues_after_end": continues}

    result = assess(mx_request(cause=cause, facts=facts))

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label
    assert (result["severance"], result["last_notice_date"], result["confidence"]) == (
        None,
        None,
        "medium",
    ), label


@pytest.mark.parametrize(
    ("label", "monthly_wage", "daily_wage", "amount", "basis"),
    [
        (
            "half a centavo rounds up",
            "12345.675",
            None,
            "37037.03",
            "3 × monthly wage 12345.675 = 37037.03, plus back wages from the dismissal for up to 12 months "
            "(not computed)",
        ),
        (
            "daily wage only",
            None,
            "450",
            None,
            "3 months' pay (monthly wage unknown) plus back wages from the dismissal for up to 12 months "
            "(not computed)",
        ),
    ],
)
def test_unjustified_dismissal_amount(
    label: str, monthly_wage: str | None, daily_wage: str | None, amount: str | None, basis: str
) -> None:
    """LFT Art 48: 3 months' pay. 3 × 12345.675 = 37037.025 → 37037.03 (half up to the centavo). A daily
    wage is not turned into months (RULES.md gives no conversion), so the amount stays null."""
    request = mx_request(
        monthly_wage=monthly_wage, daily_wage=daily_wage, facts={"work_continues_after_end": True}
    )

    damages = assess(request)["damages_if_unlawful"]

    assert damages == {"amount": amount, "currency": "MXN", "basis": basis}, label


@pytest.mark.parametrize(
    ("label", "action", "facts", "expected", "code"),
    [
        (
            "fixed-term renewal with a stated cause",
            "renew_fixed_term",
            {"proposed_contract_objective_reason": "seasonal inventory count"},
            {"renewal_as_proposed_lawful": True, "next_contract_must_be_open_ended": False},
            "mx.lft.art37.renewal_cause_stated",
        ),
        (
            "fixed-term renewal without a cause",
            "renew_fixed_term",
            {},
            {"renewal_as_proposed_lawful": None, "next_contract_must_be_open_ended": None},
            "mx.lft.art37.renewal_cause_not_given",
        ),
        (
            "indefinite renewal",
            "renew_open_ended",
            {},
            {"renewal_as_proposed_lawful": True, "next_contract_must_be_open_ended": None},
            "mx.lft.art35.open_ended_default",
        ),
    ],
)
def test_renewal(label: str, action: str, facts: Case, expected: Case, code: str) -> None:
    """LFT Arts 35, 37, 39-D: indefinite is the default; a new fixed term needs its own stated cause; a
    probation period cannot be repeated in the continued relationship."""
    new_end = "2026-08-31" if action == "renew_fixed_term" else None
    request = mx_request(action=action, decision_date="2026-05-04", new_end_date=new_end, facts=facts)

    result = assess(request)

    assert _pick(result, expected) == expected, label
    assert code in codes(result), label
    assert "mx.lft.art39d.no_new_probation" in codes(result), label
    assert result["non_renewal_lawful"] is None, label


@pytest.mark.parametrize(
    ("label", "contracts", "supported"),
    [
        ("the day before the pack", [contract("2012-06-01", "2012-12-31")], False),
        ("the pack's first day", [contract("2012-06-01", "2013-01-01")], True),
        ("expiry on a leap day", [contract("2027-09-01", "2028-02-29")], True),
    ],
)
def test_pack_dates(label: str, contracts: list[Case], supported: bool) -> None:
    """The pack assesses decisions from 2013-01-01 (after the 2012 reform's Arts 39-A to 39-F and the
    12-month limit on back wages); an expiry on 29 February is an ordinary expiry date."""
    result = assess(mx_request(contracts=contracts, facts={"work_continues_after_end": False}))

    assert result["supported"] is supported, label
    assert result["non_renewal_lawful"] is (True if supported else None), label


def test_statuses_and_regions_are_not_covered() -> None:
    """RULES.md §13 gives no protection that blocks expiry, and the Federal Labor Law is national: a
    pregnancy status is named as not considered and a state gets the national_law_applies finding; the
    expiry stays lawful."""
    request = mx_request(
        region="Jalisco",
        statuses=[status("pregnant", "2026-03-01", None)],
        facts={"work_continues_after_end": False},
    )

    result = assess(request)

    assert codes(result)[0] == "law.national_law_applies"
    assert "mx.status_not_considered" in codes(result)
    assert (result["non_renewal_lawful"], result["blocking_protections"]) == (True, [])


@pytest.mark.parametrize(
    ("label", "action", "facts", "field"),
    [
        (
            "continuation as text",
            "not_renew",
            {"work_continues_after_end": "no"},
            "employee.facts.work_continues_after_end",
        ),
        (
            "renewal cause as a number",
            "renew_fixed_term",
            {"proposed_contract_objective_reason": 37},
            "employee.facts.proposed_contract_objective_reason",
        ),
    ],
)
def test_invalid_facts_name_the_field(label: str, action: str, facts: Case, field: str) -> None:
    """A fact of the wrong type is refused with its JSON path."""
    decision_date = "2026-05-04" if action != "not_renew" else None

    with pytest.raises(InvalidRequest) as raised:
        assess(mx_request(action=action, decision_date=decision_date, facts=facts))

    assert raised.value.field == field, label


# --- Properties -------------------------------------------------------------------------------------------

MEXICO_REQUESTS = requests(
    jurisdiction="MX",
    decided=(date(2008, 1, 1), date(2034, 12, 31)),
    contracts=3,
    contract_days=1200,
    gap_days=(0, 1, 30, 200),
    open_ended=False,
    reasons=(None, SUBSTITUTION),
    regions=(None, "Jalisco"),
    statuses=("pregnant",),
    pay={
        "currency": st.just("MXN"),
        "monthly_wage": money(places=3),
        "daily_wage": money(places=3),
    },
    facts={
        "work_continues_after_end": FLAGS,
        "proposed_contract_objective_reason": st.sampled_from([None, "seasonal work"]),
    },
)


@settings(max_examples=200, deadline=None)
@given(MEXICO_REQUESTS)
def test_assess_never_raises_and_stays_in_bounds(request: Case) -> None:
    result = assess(request)

    assert_sound(result, request)
    assert result["severance"] is None
