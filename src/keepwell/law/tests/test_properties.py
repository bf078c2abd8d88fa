"""Properties over random valid histories: ``assess`` never raises and its answers stay in bounds."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from keepwell.law import assess
from keepwell.law.tests.factory import ASSESSMENT_KEYS, marked_templates

STATUS_KINDS = (
    "pregnant",
    "maternity_leave",
    "nursing_period",
    "occupational_disease",
    "work_injury",
    "medical_leave",
    "near_retirement",
    "long_service",
    "union_representative",
    "disabled",
    "aged_55_plus",
)
REGIONS = (
    None,
    "Beijing",
    "CN-SH",
    "Shenzhen",
    "CN-11",
    "Liaoning",
    "Hubei",
    "Nanjing",
    "Guangdong",
    "Atlantis",
)
BOOLEAN_FACTS = (
    "employee_requested_continuation",
    "employee_requested_open_ended",
    "employee_refused_offer",
    "employee_fault_or_incapacity_grounds",
    "nursing_period_medically_extended",
)
DATE_FACTS = ("statutory_retirement_date", "child_birth_date", "termination_notice_given")
CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
TEMPLATES = marked_templates()

money = st.one_of(
    st.none(),
    st.decimals(min_value=0, max_value=500000, places=2, allow_nan=False, allow_infinity=False).map(str),
)


def _iso(day: date) -> str:
    return day.isoformat()


@st.composite
def requests(draw: st.DrawFn) -> dict[str, Any]:
    """A valid request: an ordered, non-overlapping chain ending in a fixed term, and a fitting decision."""
    start = draw(st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31)))
    contracts: list[dict[str, Any]] = []
    for index in range(draw(st.integers(min_value=1, max_value=5))):
        if index:
            # Mostly back to back, sometimes with a gap.
            gap = draw(st.one_of(st.just(0), st.integers(min_value=0, max_value=400)))
            start = contracts[-1]["_end"] + timedelta(days=1 + gap)
        length = draw(st.integers(min_value=0, max_value=2500))
        end = start + timedelta(days=length)
        last = index == 4 or draw(st.booleans())
        kind = "fixed_term" if last else draw(st.sampled_from(["fixed_term", "open_ended"]))
        contracts.append(
            {"start": _iso(start), "end": _iso(end), "type": kind, "objective_reason": None, "_end": end}
        )
        if last:
            break
    contracts[-1]["type"] = "fixed_term"
    expiry: date = contracts[-1]["_end"]
    for item in contracts:
        del item["_end"]
    first_start = date.fromisoformat(contracts[0]["start"])
    hire = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=800)))
    statuses = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        begin = draw(st.one_of(st.none(), st.integers(min_value=-800, max_value=200)))
        length = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=900)))
        status_start = None if begin is None else expiry + timedelta(days=begin)
        until = None
        if length is not None:
            until = (status_start or expiry) + timedelta(days=length)
        statuses.append(
            {
                "kind": draw(st.sampled_from(STATUS_KINDS)),
                "from": None if status_start is None else _iso(status_start),
                "until": None if until is None else _iso(until),
            }
        )
    facts: dict[str, Any] = {}
    for key in BOOLEAN_FACTS:
        value = draw(st.sampled_from([None, True, False]))
        if value is not None:
            facts[key] = value
    for key in DATE_FACTS:
        offset = draw(st.one_of(st.none(), st.integers(min_value=-3000, max_value=3000)))
        if offset is not None:
            facts[key] = _iso(expiry + timedelta(days=offset))
    offered = draw(st.sampled_from([None, "fixed_term", "open_ended"]))
    if offered is not None:
        facts["offered_contract_type"] = offered
    action = draw(st.sampled_from(["not_renew", "renew_fixed_term", "renew_open_ended"]))
    decision_date = expiry if action == "not_renew" else expiry + timedelta(days=draw(st.integers(0, 60)))
    new_end = None
    if action == "renew_fixed_term" and draw(st.booleans()):
        new_end = _iso(decision_date + timedelta(days=draw(st.integers(1, 1500))))
    region = draw(st.sampled_from(REGIONS))
    as_of = draw(st.one_of(st.none(), st.integers(min_value=-400, max_value=400)))
    return {
        "jurisdiction": draw(st.sampled_from(["CN", "CN", "CN", "cn", "ZZ"])),
        "region": region,
        "as_of": None if as_of is None else _iso(expiry + timedelta(days=as_of)),
        "employee": {
            "hire_date": None if hire is None else _iso(first_start - timedelta(days=hire)),
            "birth_date": None,
            "contracts": contracts,
            "pay": {"currency": draw(st.sampled_from([None, "CNY"])), "monthly_wage": draw(money)},
            "local_average_monthly_wage": draw(money),
            "statuses": statuses,
            "workplace_headcount": None,
            "facts": facts,
        },
        "decision": {
            "action": action,
            "date": _iso(decision_date),
            "offer": draw(st.sampled_from([None, "same_or_better", "worse", "none"])),
            "new_end_date": new_end,
        },
    }


@settings(max_examples=400, deadline=None)
@given(requests())
def test_assess_never_raises_and_stays_in_bounds(request: dict[str, Any]) -> None:
    result = assess(request)

    assert tuple(result) == ASSESSMENT_KEYS
    json.dumps(result)  # JSON-ready all the way down
    decision_date = request["decision"]["date"]
    for key in ("severance", "damages_if_unlawful"):
        amount = result[key] and result[key]["amount"]
        if amount is not None:
            assert Decimal(amount) >= 0, key
            assert Decimal(amount) == Decimal(amount).quantize(Decimal("0.01")), key
    if result["last_notice_date"] is not None:
        assert result["last_notice_date"] <= decision_date
    for finding in result["findings"]:
        assert CODE.fullmatch(finding["code"]), finding["code"]
        assert finding["severity"] in ("must", "should", "info")
        assert finding["message"] in TEMPLATES, finding["message"]
        assert finding["text"] == finding["message"] % finding["params"]
    if not result["supported"]:
        assert result["severance"] is None
        assert result["non_renewal_lawful"] is None
