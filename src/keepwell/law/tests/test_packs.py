"""The registry: listing packs, choosing one by jurisdiction and date, unsupported answers, extension."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from keepwell.law import RulePackError, assess, packs
from keepwell.law.command import main
from keepwell.law.i18n import gettext_noop
from keepwell.law.registry import Pack, Region, Registry, discover_packs
from keepwell.law.rules import Case, Outcome, Rule
from keepwell.law.tests.factory import CONCLUSION_KEYS, china_request, codes, contract
from keepwell.law.types import Confidence, Field, Severity


def test_packs_lists_china_with_its_regions() -> None:
    (china,) = [pack for pack in packs() if pack["code"] == "cn"]

    regions = {region["key"]: region for region in china["regions"]}
    assert {key: china[key] for key in ("jurisdiction", "version", "effective_from", "effective_to")} == {
        "jurisdiction": "CN",
        "version": "2026-07-01",
        "effective_from": "2008-01-01",
        "effective_to": None,
    }
    assert china["confidence"] == "high"
    assert {"beijing", "shanghai", "shenzhen"} <= set(regions)
    assert (regions["beijing"]["iso_code"], regions["beijing"]["confidence"]) == ("CN-BJ", "high")
    assert (regions["shanghai"]["iso_code"], regions["shenzhen"]["parent"]) == ("CN-SH", "CN-GD")
    assert "CN-11" in regions["beijing"]["aliases"]
    assert any("Interpretation (II) Art 10" in item for item in china["not_covered"])
    assert any("Shanghai" in note and "medium" in note for note in china["confidence_notes"])
    assert [rule["code"] for rule in china["rules"]][:2] == ["cn.history", "cn.lcl.art14"]


def test_command_lists_packs_as_json() -> None:
    stdout, stderr = io.StringIO(), io.StringIO()

    status = main(["packs", "--json"], io.StringIO(), stdout, stderr)

    assert (status, stderr.getvalue()) == (0, "")
    listed = json.loads(stdout.getvalue())
    assert listed == packs()
    (china,) = [pack for pack in listed if pack["code"] == "cn"]
    assert [region["name"] for region in china["regions"]][:3] == ["Beijing", "Shanghai", "Shenzhen"]


def test_command_lists_packs_as_text() -> None:
    stdout = io.StringIO()

    status = main(["packs"], io.StringIO(), stdout, io.StringIO())

    text = stdout.getvalue()
    assert status == 0
    assert (
        "cn  China (mainland) (CN)  version 2026-07-01  in force 2008-01-01 to open  confidence high\n"
        in text
    )
    assert "  regions: Beijing (CN-BJ), Shanghai (CN-SH), Shenzhen, " in text
    assert "  not covered:\n    - Interpretation (II) Art 10" in text


def test_every_pack_module_is_discovered() -> None:
    assert "cn" in [pack.code for pack in discover_packs()]


def test_unknown_jurisdiction_is_unsupported_and_concludes_nothing() -> None:
    result = assess(china_request(jurisdiction="ZZ"))

    assert {key: result[key] for key in CONCLUSION_KEYS} == dict.fromkeys(CONCLUSION_KEYS)
    assert {key: result[key] for key in ("jurisdiction", "rule_pack", "rule_pack_version", "supported")} == {
        "jurisdiction": "ZZ",
        "rule_pack": None,
        "rule_pack_version": None,
        "supported": False,
    }
    assert result["findings"] == [
        {
            "code": "law.no_rule_pack",
            "severity": "must",
            "text": "No rule pack exists for jurisdiction ZZ, so nothing is concluded; have the decision "
            "reviewed under local law.",
            "citation": None,
            "message": "No rule pack exists for jurisdiction %(jurisdiction)s, so nothing is concluded; have "
            "the decision reviewed under local law.",
            "params": {"jurisdiction": "ZZ"},
        }
    ]
    assert result["citations"] == []


def test_decision_before_the_china_pack_is_unsupported() -> None:
    result = assess(china_request(contracts=[contract("2005-01-01", "2007-06-30")]))

    assert result["supported"] is False
    assert result["findings"][0]["code"] == "law.no_rule_pack_in_force"
    assert result["findings"][0]["params"] == {
        "jurisdiction": "CN",
        "effective_from": "2008-01-01",
        "date": "2007-06-30",
    }


def test_region_not_covered_gets_national_rules_and_says_which_region() -> None:
    result = assess(china_request(region="Guangdong"))

    assert result["supported"] is True
    assert result["severance"]["amount"] == "60000.00"
    assert result["last_notice_date"] is None
    finding = result["findings"][0]
    assert finding["code"] == "law.region_not_covered"
    assert finding["params"]["region"] == "Guangdong"
    assert finding["params"]["covered"].startswith("Beijing (CN-BJ), Shanghai (CN-SH), Shenzhen, Guangzhou")
    assert "cn.notice.none_nationally" not in codes(result)
    assert result["confidence"] == "medium"


def test_uk_is_an_alias_of_gb() -> None:
    assert Registry().canonical_jurisdiction("uk") == "GB"
    assert assess(china_request(jurisdiction="UK"))["jurisdiction"] == "GB"


# --- Extending: a toy jurisdiction "XX" shows the framework's contract --------------------------------

TOY_MESSAGE = gettext_noop("Toy rule %(name)s says %(value)s.")


class ToyRule(Rule):
    """Yields one finding and the conclusions it is given."""

    citation = "Toy Act §1"

    def __init__(self, conclusions: tuple[tuple[Field, Any], ...] = (), **attributes: Any) -> None:
        super().__init__(**attributes)
        self.conclusions = conclusions

    def inspect(self, case: Case) -> Iterator[Outcome]:
        yield self.finding(
            f"xx.{self.code}", Severity.INFO, TOY_MESSAGE, name=self.code, value=len(self.conclusions)
        )
        for conclusion_field, value in self.conclusions:
            yield self.conclude(conclusion_field, value)


def _toy_pack(
    *rules: Rule,
    version: str = "v1",
    start: date = date(2020, 1, 1),
    end: date | None = None,
    national: bool = False,
) -> Pack:
    return Pack(
        code="xx",
        jurisdiction="XX",
        name="Toyland",
        version=version,
        effective_from=start,
        effective_to=end,
        currency="XXX",
        rules=rules,
        regions=() if national else (Region(key="north", name="North", iso_code="XX-N"),),
        national=national,
    )


def _toy_request(decision_date: str = "2026-12-31", region: str | None = None) -> dict[str, Any]:
    return china_request(
        jurisdiction="XX",
        region=region,
        contracts=[contract("2024-01-01", decision_date)],
        decision_date=None,
    )


@pytest.mark.parametrize(
    ("label", "decision_date", "version"),
    [("old version", "2024-12-31", "v1"), ("new version on its first day", "2025-01-01", "v2")],
)
def test_registry_picks_the_pack_version_in_force_on_the_decision_date(
    label: str, decision_date: str, version: str
) -> None:
    registry = Registry(
        [
            _toy_pack(ToyRule(code="a"), version="v1", end=date(2024, 12, 31)),
            _toy_pack(ToyRule(code="a"), version="v2", start=date(2025, 1, 1)),
        ]
    )

    result = assess(_toy_request(decision_date), registry=registry)

    assert (result["rule_pack"], result["rule_pack_version"]) == ("xx", version), label


def test_rules_outside_their_effective_dates_are_not_asked() -> None:
    registry = Registry(
        [
            _toy_pack(
                ToyRule(code="always"),
                ToyRule(code="later", effective_from=date(2027, 1, 1)),
                ToyRule(code="earlier", effective_to=date(2025, 12, 31)),
            )
        ]
    )

    result = assess(_toy_request(), registry=registry)

    assert codes(result) == ["xx.always"]
    assert result["findings"][0]["text"] == "Toy rule always says 0."
    assert result["citations"] == ["Toy Act §1"]


@pytest.mark.parametrize(
    ("label", "contributions", "key", "expected"),
    [
        (
            "lawful: false wins",
            ((Field.NON_RENEWAL_LAWFUL, True), (Field.NON_RENEWAL_LAWFUL, False)),
            "non_renewal_lawful",
            False,
        ),
        (
            "lawful: unknown beats true",
            ((Field.NON_RENEWAL_LAWFUL, True), (Field.NON_RENEWAL_LAWFUL, None)),
            "non_renewal_lawful",
            None,
        ),
        (
            "lawful: all true",
            ((Field.NON_RENEWAL_LAWFUL, True), (Field.NON_RENEWAL_LAWFUL, True)),
            "non_renewal_lawful",
            True,
        ),
        (
            "must be open-ended: true wins",
            ((Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, None), (Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED, True)),
            "next_contract_must_be_open_ended",
            True,
        ),
        (
            "notice: earliest date",
            ((Field.LAST_NOTICE_DATE, date(2026, 12, 1)), (Field.LAST_NOTICE_DATE, date(2026, 11, 1))),
            "last_notice_date",
            "2026-11-01",
        ),
        (
            "extension: latest date",
            (
                (Field.CONTRACT_EXTENDED_UNTIL, date(2027, 1, 1)),
                (Field.CONTRACT_EXTENDED_UNTIL, date(2027, 3, 1)),
            ),
            "contract_extended_until",
            "2027-03-01",
        ),
        (
            "extension: unknown end wins",
            ((Field.CONTRACT_EXTENDED_UNTIL, date(2027, 1, 1)), (Field.CONTRACT_EXTENDED_UNTIL, None)),
            "contract_extended_until",
            None,
        ),
        ("confidence: lowest", ((Field.CONFIDENCE, Confidence.LOW),), "confidence", "low"),
        ("nothing concluded stays null", (), "non_renewal_lawful", None),
    ],
)
def test_contributions_merge_field_by_field(
    label: str, contributions: tuple[tuple[Field, Any], ...], key: str, expected: Any
) -> None:
    rules = [
        ToyRule(((conclusion_field, value),), code=f"r{index}")
        for index, (conclusion_field, value) in enumerate(contributions)
    ]
    registry = Registry([_toy_pack(*rules)])

    result = assess(_toy_request(), registry=registry)

    assert result[key] == expected, label


@pytest.mark.parametrize(
    ("label", "build", "message"),
    [
        (
            "overlapping versions",
            lambda: Registry([_toy_pack(version="v1"), _toy_pack(version="v2", start=date(2024, 1, 1))]),
            "packs xx v1 and xx v2 overlap",
        ),
        (
            "duplicate rule codes",
            lambda: _toy_pack(ToyRule(code="a"), ToyRule(code="a")),
            "pack xx: rule codes must be unique",
        ),
        ("rule without a code", lambda: ToyRule(), "ToyRule has no code"),
        (
            "a national pack with regions",
            lambda: Pack(
                code="xx",
                jurisdiction="XX",
                name="Toyland",
                version="v1",
                effective_from=date(2020, 1, 1),
                effective_to=None,
                currency="XXX",
                rules=(),
                regions=(Region(key="north", name="North"),),
                national=True,
            ),
            "pack xx: a national pack has no regions",
        ),
        (
            "one spelling for two regions",
            lambda: Pack(
                code="xx",
                jurisdiction="XX",
                name="Toyland",
                version="v1",
                effective_from=date(2020, 1, 1),
                effective_to=None,
                currency="XXX",
                rules=(),
                regions=(Region(key="a", name="Same"), Region(key="b", name="same")),
            ),
            "pack xx: 'same' names both a and b",
        ),
    ],
)
def test_inconsistent_packs_are_refused(label: str, build: Any, message: str) -> None:
    with pytest.raises(RulePackError, match=message):
        build()


@pytest.mark.parametrize(
    ("label", "conclusions", "message"),
    [
        (
            "a single-valued field concluded twice",
            ((Field.DAMAGES_IF_UNLAWFUL, None), (Field.DAMAGES_IF_UNLAWFUL, None)),
            "damages_if_unlawful was already concluded",
        ),
        (
            "a value of the wrong type",
            ((Field.LAST_NOTICE_DATE, "2026-12-01"),),
            "last_notice_date does not accept",
        ),
    ],
)
def test_rule_mistakes_are_pack_errors(
    label: str, conclusions: tuple[tuple[Field, Any], ...], message: str
) -> None:
    registry = Registry([_toy_pack(ToyRule(conclusions, code="bad"))])

    with pytest.raises(RulePackError, match=message):
        assess(_toy_request(), registry=registry)


def test_region_is_resolved_by_any_spelling_and_handed_to_rules() -> None:
    seen: list[str | None] = []

    class RegionRule(Rule):
        code = "region"

        def inspect(self, case: Case) -> Iterator[Outcome]:
            seen.append(None if case.region is None else case.region.key)
            return iter(())

    registry = Registry([_toy_pack(RegionRule())])

    for spelling in ("North", "xx-n", " north "):
        assess(_toy_request(region=spelling), registry=registry)

    assert seen == ["north", "north", "north"]


@pytest.mark.parametrize(
    ("label", "national", "region", "code", "severity", "confidence"),
    [
        ("national law, no region", True, None, None, None, "high"),
        ("national law, a region", True, "South", "law.national_law_applies", "info", "high"),
        ("regional law, a covered region", False, "North", None, None, "high"),
        ("regional law, another region", False, "South", "law.region_not_covered", "should", "medium"),
    ],
)
def test_a_region_the_pack_does_not_list_gets_the_national_rules(
    label: str,
    national: bool,
    region: str | None,
    code: str | None,
    severity: str | None,
    confidence: str,
) -> None:
    """Under a national pack a region is simply where national law applies: an info finding, confidence as
    without a region. Under a pack with regional variants an unlisted region may have rules of its own."""
    registry = Registry([_toy_pack(ToyRule(code="a"), national=national)])

    result = assess(_toy_request(region=region), registry=registry)

    first = result["findings"][0]
    assert (first["code"] if first["code"].startswith("law.") else None) == code, label
    assert (first["severity"] if code else None) == severity, label
    assert result["region"] == region, label
    assert result["confidence"] == confidence, label
    if code == "law.national_law_applies":
        assert first["params"] == {"region": "South", "pack": "xx", "jurisdiction": "XX"}
        assert first["text"] == (
            "The law of XX is national and has no regional variants: the xx rule pack applies to South as to "
            "the rest of the country."
        )


def test_packs_say_which_are_national() -> None:
    listed = {pack["code"]: pack for pack in packs()}

    assert {code for code, pack in listed.items() if pack["national"]} == {
        "br",
        "de",
        "es",
        "fr",
        "id",
        "it",
        "jp",
        "kr",
        "mx",
        "nl",
        "pl",
        "sg",
        "tw",
        "vn",
    }
    assert all(not pack["regions"] for pack in listed.values() if pack["national"])


def test_packs_function_is_not_shadowed_once_pack_modules_are_imported() -> None:
    import keepwell.law

    discover_packs()

    assert callable(keepwell.law.packs)
    assert keepwell.law.packs is packs
