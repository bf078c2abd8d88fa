"""The shared worked examples (labor-law/examples.json), run through ``assess`` and through the command.

Cases whose jurisdiction has a registered pack must match every ``expected`` key exactly (money by amount
and currency). Unsupported requests must come back with every conclusion null: an unknown jurisdiction, a
decision dated the day before each jurisdiction's first pack, and any worked example without a pack.
"""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from keepwell.law import assess
from keepwell.law.command import main
from keepwell.law.registry import default_registry
from keepwell.law.tests.factory import CONCLUSION_KEYS, china_request, contract, load_examples

CASES, MISSING = load_examples()
MONEY_KEYS = ("severance", "damages_if_unlawful")


def _registered(case: dict[str, object]) -> bool:
    """True when a pack covers the case's jurisdiction on its decision date."""
    request = case["request"]
    assert isinstance(request, dict)
    registry = default_registry()
    jurisdiction = registry.canonical_jurisdiction(str(request["jurisdiction"]).split("-")[0])
    return registry.find(jurisdiction, date.fromisoformat(request["decision"]["date"])) is not None


def _params(registered: bool) -> list[object]:
    if MISSING:
        return [pytest.param(None, id="examples.json missing")]
    return [pytest.param(case, id=str(case["id"])) for case in CASES if _registered(case) is registered]


def _compare(case: dict[str, object], actual: dict[str, object]) -> None:
    expected = case["expected"]
    assert isinstance(expected, dict)
    assert actual["supported"] is True, case["id"]
    for key, value in expected.items():
        if key in MONEY_KEYS and isinstance(value, dict):
            money = actual[key]
            assert isinstance(money, dict), f"{case['id']}: {key} is {money!r}"
            assert {"amount": money["amount"], "currency": money["currency"]} == {
                "amount": value["amount"],
                "currency": value["currency"],
            }, f"{case['id']}: {key}"
        else:
            assert actual[key] == value, f"{case['id']}: {key} is {actual[key]!r}, expected {value!r}"


def _fail_if_missing() -> None:
    if MISSING:
        pytest.fail(MISSING)


@pytest.mark.parametrize("case", _params(registered=True))
def test_worked_example_through_assess(case: dict[str, object] | None) -> None:
    _fail_if_missing()
    assert case is not None
    request = case["request"]
    assert isinstance(request, dict)

    _compare(case, assess(request))


@pytest.mark.parametrize("case", _params(registered=True))
def test_worked_example_through_the_command(case: dict[str, object] | None, tmp_path: Path) -> None:
    _fail_if_missing()
    assert case is not None
    path = tmp_path / "request.json"
    path.write_text(json.dumps(case["request"], ensure_ascii=False), encoding="utf-8")
    stdout, stderr = io.StringIO(), io.StringIO()

    status = main(["assess", str(path)], io.StringIO(), stdout, stderr)

    assert (status, stderr.getvalue()) == (0, "")
    _compare(case, json.loads(stdout.getvalue()))


def _unsupported_params() -> list[object]:
    """Requests no pack answers, each with the finding that must say so; never an empty list."""
    registry = default_registry()

    def expected_code(jurisdiction: str) -> str:
        versions = registry.versions(registry.canonical_jurisdiction(jurisdiction))
        return "law.no_rule_pack_in_force" if versions else "law.no_rule_pack"

    params = [pytest.param(china_request(jurisdiction="ZZ"), "law.no_rule_pack", id="ZZ: no pack")]
    for jurisdiction in sorted({pack.jurisdiction for pack in registry.packs()}):
        first_day = registry.versions(jurisdiction)[0].effective_from
        expiry = first_day - timedelta(days=1)
        request = china_request(
            jurisdiction=jurisdiction,
            contracts=[contract((expiry - timedelta(days=364)).isoformat(), expiry.isoformat())],
        )
        params.append(
            pytest.param(
                request, expected_code(jurisdiction), id=f"{jurisdiction}: decided before {first_day}"
            )
        )
    for case in CASES:
        if not _registered(case):
            request = case["request"]
            assert isinstance(request, dict)
            code = expected_code(str(request["jurisdiction"]).split("-")[0])
            params.append(pytest.param(request, code, id=str(case["id"])))
    return params


@pytest.mark.parametrize(("unsupported_request", "code"), _unsupported_params())
def test_requests_without_a_pack_are_unsupported(unsupported_request: dict[str, object], code: str) -> None:
    result = assess(unsupported_request)

    assert result["supported"] is False
    assert (result["rule_pack"], result["rule_pack_version"]) == (None, None)
    assert {key: result[key] for key in CONCLUSION_KEYS} == dict.fromkeys(CONCLUSION_KEYS)
    assert [finding["code"] for finding in result["findings"]] == [code]
    assert result["findings"][0]["severity"] == "must"


def test_examples_include_a_china_case() -> None:
    """Guards the harness: without a registered-pack case the tests above would prove nothing."""
    _fail_if_missing()

    assert "CN-02" in [case["id"] for case in CASES if _registered(case)]
