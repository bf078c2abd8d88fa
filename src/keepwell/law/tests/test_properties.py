"""Properties over random valid histories: ``assess`` never raises and its answers stay in bounds."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from keepwell.law import assess
from keepwell.law.tests.factory import FLAGS, assert_sound, days_from, money, requests

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
CHINA_REQUESTS = requests(
    jurisdiction=("CN", "CN", "CN", "cn", "ZZ"),
    decided=(date(1995, 1, 1), date(2040, 12, 31)),
    contract_days=2500,
    regions=REGIONS,
    statuses=STATUS_KINDS,
    facts={
        **dict.fromkeys(BOOLEAN_FACTS, FLAGS),
        **dict.fromkeys(DATE_FACTS, days_from(-3000, 3000)),
        "offered_contract_type": st.sampled_from([None, "fixed_term", "open_ended"]),
    },
    pay={"currency": st.sampled_from([None, "CNY"]), "monthly_wage": money()},
    employee={"local_average_monthly_wage": money()},
)


@settings(max_examples=400, deadline=None)
@given(CHINA_REQUESTS)
def test_assess_never_raises_and_stays_in_bounds(request: dict[str, Any]) -> None:
    result = assess(request)

    assert_sound(result, request)
    if not result["supported"]:
        assert result["severance"] is None
        assert result["non_renewal_lawful"] is None
