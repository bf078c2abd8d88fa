"""Request builders and the location of the shared worked examples, for the law tests."""

from __future__ import annotations

import ast
import json
import os
from collections.abc import Iterable
from pathlib import Path

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
    region: str | None = None,
    wage: str | None = "20000",
    average: str | None = "12000",
    statuses: Iterable[dict[str, object]] = (),
    facts: dict[str, object] | None = None,
    action: str = "not_renew",
    decision_date: str | None = None,
    offer: str | None = "none",
    new_end_date: str | None = None,
    as_of: str | None = None,
    jurisdiction: str = "CN",
) -> dict[str, object]:
    """A request in SCHEMA.md's shape; the decision date defaults to the last contract's end."""
    contract_list = [dict(item) for item in contracts]
    last_end = contract_list[-1]["end"]
    return {
        "jurisdiction": jurisdiction,
        "region": region,
        "as_of": as_of,
        "employee": {
            "hire_date": hire_date,
            "birth_date": None,
            "contracts": contract_list,
            "pay": {
                "currency": "CNY",
                "monthly_wage": wage,
                "weekly_pay": None,
                "daily_wage": None,
                "annual_salary": None,
                "total_gross_pay_over_contracts": None,
            },
            "local_average_monthly_wage": average,
            "statuses": [dict(item) for item in statuses],
            "workplace_headcount": None,
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
