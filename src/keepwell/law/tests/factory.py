"""Request builders, the random-request strategy and the location of the shared worked examples."""

from __future__ import annotations

import ast
import functools
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

import keepwell.law

REPO_ROOT = Path(__file__).resolve().parents[4]
PACKAGE_DIR = Path(keepwell.law.__file__).resolve().parent
CONCLUSION_KEYS = (
    "next_contract_must_be_open_ended",
    "employee_may_request_open_ended",
    "automatic_conversion",
    "conversion_effective_date",
    "non_renewal_lawful",
    "renewal_as_proposed_lawful",
    "severance",
    "damages_if_unlawful",
    "last_notice_date",
    "contract_extended_until",
    "blocking_protections",
    "confidence",
)
ASSESSMENT_KEYS = (
    "jurisdiction",
    "region",
    "rule_pack",
    "rule_pack_version",
    "supported",
    *CONCLUSION_KEYS[:-1],
    "findings",
    "citations",
    "confidence",
)


def shared_dir() -> Path:
    """``$KEEPWELL_SHARED_DIR``, else the ``shared/`` folder beside the repository."""
    configured = os.environ.get("KEEPWELL_SHARED_DIR")
    return Path(configured) if configured else REPO_ROOT.parent / "shared"


def examples_path() -> Path:
    return shared_dir() / "labor-law" / "examples.json"


def load_examples() -> tuple[list[dict[str, object]], str | None]:
    """The worked cases, or an error message saying where the file was expected."""
    path = examples_path()
    if not path.is_file():
        return [], (
            f"worked examples not found at {path}; set KEEPWELL_SHARED_DIR to the folder that holds "
            "labor-law/examples.json"
        )
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    return list(cases), None


def contract(start: str, end: str | None, kind: str = "fixed_term") -> dict[str, object]:
    return {"start": start, "end": end, "type": kind, "objective_reason": None}


def status(kind: str, start: str | None = None, until: str | None = None) -> dict[str, object]:
    return {"kind": kind, "from": start, "until": until}


def china_request(
    *,
    contracts: Iterable[dict[str, object]] = (contract("2024-01-01", "2026-12-31"),),
    hire_date: str | None = None,
    birth_date: str | None = None,
    region: str | None = None,
    currency: str | None = "CNY",
    wage: str | None = "20000",
    pay: Mapping[str, object] | None = None,
    average: str | None = "12000",
    headcount: int | None = None,
    statuses: Iterable[dict[str, object]] | None = (),
    facts: dict[str, object] | None = None,
    action: str = "not_renew",
    decision_date: str | None = None,
    offer: str | None = "none",
    new_end_date: str | None = None,
    as_of: str | None = None,
    jurisdiction: str = "CN",
) -> dict[str, object]:
    """A request in SCHEMA.md's shape, China's by default; the decision date defaults to the last
    contract's end. Other packs' builders call it with their jurisdiction, currency and pay (``pay`` sets
    further pay keys such as ``daily_wage``)."""
    contract_list = [dict(item) for item in contracts]
    last_end = contract_list[-1]["end"]
    return {
        "jurisdiction": jurisdiction,
        "region": region,
        "as_of": as_of,
        "employee": {
            "hire_date": hire_date,
            "birth_date": birth_date,
            "contracts": contract_list,
            "pay": {
                "currency": currency,
                "monthly_wage": wage,
                "weekly_pay": None,
                "daily_wage": None,
                "annual_salary": None,
                "total_gross_pay_over_contracts": None,
                **(pay or {}),
            },
            "local_average_monthly_wage": average,
            "statuses": [dict(item) for item in statuses or ()],
            "workplace_headcount": headcount,
            "facts": dict(facts or {}),
        },
        "decision": {
            "action": action,
            "date": decision_date or last_end,
            "offer": offer,
            "new_end_date": new_end_date,
        },
    }


def codes(assessment: dict[str, object]) -> list[str]:
    findings = assessment["findings"]
    assert isinstance(findings, list)
    return [finding["code"] for finding in findings]


@functools.cache
def marked_templates() -> set[str]:
    """Every string literal passed to ``gettext_noop`` in the package (what makemessages extracts)."""
    templates: set[str] = set()
    for path in PACKAGE_DIR.rglob("*.py"):
        if "tests" in path.relative_to(PACKAGE_DIR).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "gettext_noop":
                argument = node.args[0]
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    templates.add(argument.value)
    return templates


# --- Random requests (hypothesis) ------------------------------------------------------------------------

CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
# A count of one before a plural noun ("1 months"): the template should have been a Plural.
ONE_WITH_PLURAL = re.compile(
    r"(?<![\d.,/-])1 (days|weeks|months|years|extensions|renewals|contracts|times|employees)\b"
)
ACTIONS = ("not_renew", "renew_fixed_term", "renew_open_ended")
OFFERS = (None, "same_or_better", "worse", "none")
FLAGS = st.sampled_from([None, True, False])

# A fact's strategy, or a function of the expiry date giving one (for dates around expiry).
FactStrategy = st.SearchStrategy[Any] | Callable[[date], st.SearchStrategy[Any]]


def money(max_value: int = 500_000, places: int = 2) -> st.SearchStrategy[str | None]:
    """An amount as a decimal string, or ``None``."""
    amounts = st.decimals(
        min_value=0, max_value=max_value, places=places, allow_nan=False, allow_infinity=False
    )
    return st.one_of(st.none(), amounts.map(str))


def days_from(low: int, high: int) -> Callable[[date], st.SearchStrategy[str | None]]:
    """A fact dated ``low``..``high`` days from expiry (negative: before it), or ``None``."""

    def around(expiry: date) -> st.SearchStrategy[str | None]:
        offsets = st.integers(min_value=low, max_value=high)
        return st.one_of(st.none(), offsets.map(lambda days: (expiry + timedelta(days=days)).isoformat()))

    return around


@st.composite
def requests(
    draw: st.DrawFn,
    *,
    jurisdiction: str | Sequence[str],
    decided: tuple[date, date],
    facts: Mapping[str, FactStrategy] | None = None,
    contracts: int = 5,
    contract_days: int = 1500,
    gap_days: Sequence[int] = (0, 0, 0, 15, 45, 120, 200, 400),
    open_ended: bool = True,
    reasons: Sequence[str | None] = (None,),
    regions: Sequence[str | None] = (None,),
    statuses: Sequence[str] = (),
    pay: Mapping[str, st.SearchStrategy[Any]] | None = None,
    employee: Mapping[str, st.SearchStrategy[Any]] | None = None,
    birth_date: bool = False,
    hire_date: bool = True,
    renewal_days: int = 60,
    new_end_days: int = 1500,
) -> dict[str, Any]:
    """A valid SCHEMA.md request for property tests.

    ``jurisdiction`` is a code or the spellings to pick from; the current contract ends (the non-renewal is
    decided) between the two ``decided`` days. Up to ``contracts`` contracts of up to ``contract_days`` days
    each run back from it, ``gap_days`` apart, earlier ones open-ended now and then when ``open_ended``;
    each states one of ``reasons``. ``facts`` maps each fact to its strategy, or to a function of the
    expiry date for dates around it (``days_from``); a drawn ``None`` leaves the fact out. ``statuses`` are
    the kinds to draw, each starting and ending around expiry. ``pay`` and ``employee`` give strategies for
    pay keys and other employee keys; ``birth_date`` draws an age of 15 to 70 at hire.
    """
    expiry = draw(st.dates(min_value=decided[0], max_value=decided[1]))
    periods: list[tuple[date, date]] = []
    end = expiry
    for index in range(draw(st.integers(min_value=1, max_value=contracts))):
        if index:
            end = periods[0][0] - timedelta(days=1 + draw(st.sampled_from(gap_days)))
        periods.insert(
            0, (end - timedelta(days=draw(st.integers(min_value=0, max_value=contract_days))), end)
        )
    kinds = ["fixed_term"] * 3 + (["open_ended"] if open_ended else [])
    contract_list = [
        {
            "start": first.isoformat(),
            "end": last.isoformat(),
            "type": "fixed_term" if index == len(periods) - 1 else draw(st.sampled_from(kinds)),
            "objective_reason": draw(st.sampled_from(reasons)),
        }
        for index, (first, last) in enumerate(periods)
    ]
    first_day = periods[0][0]
    if hire_date and draw(st.booleans()):
        first_day -= timedelta(days=draw(st.integers(min_value=0, max_value=800)))
    birth = None
    if birth_date and draw(st.booleans()):
        birth = first_day - timedelta(days=draw(st.integers(min_value=15 * 365, max_value=70 * 365)))
    status_list = []
    for kind in draw(st.lists(st.sampled_from(statuses), max_size=3)) if statuses else []:
        begin = draw(st.one_of(st.none(), st.integers(min_value=-800, max_value=200)))
        length = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=900)))
        start = None if begin is None else expiry + timedelta(days=begin)
        until = None if length is None else (start or expiry) + timedelta(days=length)
        status_list.append(status(kind, start and start.isoformat(), until and until.isoformat()))
    drawn_facts = {}
    for key, strategy in (facts or {}).items():
        value = draw(strategy if isinstance(strategy, st.SearchStrategy) else strategy(expiry))
        if value is not None:
            drawn_facts[key] = value
    action = draw(st.sampled_from(ACTIONS))
    decision_date = expiry
    if action != "not_renew":
        decision_date += timedelta(days=draw(st.integers(min_value=0, max_value=renewal_days)))
    new_end = None
    if action == "renew_fixed_term" and draw(st.booleans()):
        new_end = decision_date + timedelta(days=draw(st.integers(min_value=1, max_value=new_end_days)))
    codes_to_pick = [jurisdiction] if isinstance(jurisdiction, str) else list(jurisdiction)
    return {
        "jurisdiction": draw(st.sampled_from(codes_to_pick)),
        "region": draw(st.sampled_from(regions)),
        "as_of": draw(days_from(-400, 400)(expiry)),
        "employee": {
            "hire_date": None if first_day == periods[0][0] else first_day.isoformat(),
            "birth_date": None if birth is None else birth.isoformat(),
            "contracts": contract_list,
            "pay": {key: draw(strategy) for key, strategy in (pay or {}).items()},
            "statuses": status_list,
            "facts": drawn_facts,
            **{key: draw(strategy) for key, strategy in (employee or {}).items()},
        },
        "decision": {
            "action": action,
            "date": decision_date.isoformat(),
            "offer": draw(st.sampled_from(OFFERS)),
            "new_end_date": None if new_end is None else new_end.isoformat(),
        },
    }


def assert_sound(result: dict[str, Any], request: dict[str, Any]) -> None:
    """What every answer to a valid request must satisfy, whatever the pack."""
    assert tuple(result) == ASSESSMENT_KEYS
    json.dumps(result)  # JSON-ready all the way down
    for key in ("severance", "damages_if_unlawful"):
        amount = result[key] and result[key]["amount"]
        if amount is not None:
            assert Decimal(amount) >= 0, key
            assert Decimal(amount) == Decimal(amount).quantize(Decimal("0.01")), key
    if result["last_notice_date"] is not None:
        assert result["last_notice_date"] <= request["decision"]["date"]
    templates = marked_templates()
    for finding in result["findings"]:
        assert CODE.fullmatch(finding["code"]), finding["code"]
        assert finding["severity"] in ("must", "should", "info")
        assert finding["message"] in templates, finding["message"]
        assert finding["text"] == finding["message"] % finding["params"]
        assert not ONE_WITH_PLURAL.search(wording(finding)), finding["text"]
    if not result["supported"]:
        assert {key: result[key] for key in CONCLUSION_KEYS} == dict.fromkeys(CONCLUSION_KEYS)


def wording(finding: dict[str, Any]) -> str:
    """A finding's text as its template words it, free-text params (a basis, a stated reason) left out."""
    params = {key: "…" if key in ("basis", "reason") else value for key, value in finding["params"].items()}
    return str(finding["message"] % params)
