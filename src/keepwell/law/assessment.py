"""Assess a parsed request: choose the pack, run its rules, shape the answer (SCHEMA.md)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from keepwell.law.i18n import gettext_noop
from keepwell.law.registry import Pack, Registry, default_registry
from keepwell.law.rules import Case, Collected, run_rules
from keepwell.law.types import (
    Assessment,
    BlockingProtection,
    ConclusionValue,
    Confidence,
    Damages,
    Field,
    Finding,
    Request,
    Severance,
    Severity,
    lowest_confidence,
)

NO_RULE_PACK = gettext_noop(
    "No rule pack exists for jurisdiction %(jurisdiction)s, so nothing is concluded; "
    "have the decision reviewed under local law."
)
NO_RULE_PACK_IN_FORCE = gettext_noop(
    "The rule pack for %(jurisdiction)s covers decisions from %(effective_from)s; none covers a decision "
    "dated %(date)s, so nothing is concluded."
)
NATIONAL_LAW = gettext_noop(
    "The law of %(jurisdiction)s is national and has no regional variants: the %(pack)s rule pack applies "
    "to %(region)s as to the rest of the country."
)
REGION_NOT_COVERED = gettext_noop(
    "Regional rules for %(region)s are not covered by the %(pack)s rule pack: only national rules were "
    "applied, and regional rules such as notice before expiry may add obligations. Covered regions: "
    "%(covered)s."
)


def _unsupported(request: Request, jurisdiction: str, registry: Registry) -> Assessment:
    versions = registry.versions(jurisdiction)
    if versions:
        finding = Finding(
            code="law.no_rule_pack_in_force",
            severity=Severity.MUST,
            message=NO_RULE_PACK_IN_FORCE,
            params={
                "jurisdiction": jurisdiction,
                "effective_from": versions[0].effective_from.isoformat(),
                "date": request.decision.date.isoformat(),
            },
        )
    else:
        finding = Finding(
            code="law.no_rule_pack",
            severity=Severity.MUST,
            message=NO_RULE_PACK,
            params={"jurisdiction": jurisdiction},
        )
    return Assessment(
        jurisdiction=jurisdiction,
        region=request.region,
        rule_pack=None,
        rule_pack_version=None,
        supported=False,
        findings=(finding,),
    )


def _date(values: Mapping[Field, ConclusionValue], key: Field) -> date | None:
    value = values.get(key)
    return value if isinstance(value, date) else None


def _boolean(values: Mapping[Field, ConclusionValue], key: Field) -> bool | None:
    value = values.get(key)
    return value if isinstance(value, bool) else None


def _citations(findings: tuple[Finding, ...], protections: tuple[BlockingProtection, ...]) -> tuple[str, ...]:
    ordered: dict[str, None] = {}
    for finding in findings:
        if finding.citation:
            ordered.setdefault(finding.citation, None)
    for protection in protections:
        ordered.setdefault(protection.citation, None)
    return tuple(ordered)


def _region_finding(request: Request, jurisdiction: str, pack: Pack) -> Finding | None:
    """What a region the pack has no variant for means: national law, or regional rules not covered."""
    if request.region is None or pack.resolve_region(request.region) is not None:
        return None
    if pack.national:
        return Finding(
            code="law.national_law_applies",
            severity=Severity.INFO,
            message=NATIONAL_LAW,
            params={"region": request.region, "pack": pack.code, "jurisdiction": jurisdiction},
        )
    covered = ", ".join(item.label() for item in pack.regions) or "none"
    return Finding(
        code="law.region_not_covered",
        severity=Severity.SHOULD,
        message=REGION_NOT_COVERED,
        params={"region": request.region, "pack": pack.code, "covered": covered},
    )


def _shape(
    request: Request, jurisdiction: str, pack: Pack, collected: Collected, region: Finding | None
) -> Assessment:
    values = collected.values
    findings = (*collected.findings,) if region is None else (region, *collected.findings)
    protections = tuple(collected.protections)
    severance = values.get(Field.SEVERANCE)
    damages = values.get(Field.DAMAGES_IF_UNLAWFUL)
    confidence = collected.confidence
    if region is not None and region.code == "law.region_not_covered":
        confidence = lowest_confidence(confidence, Confidence.MEDIUM)
    return Assessment(
        jurisdiction=jurisdiction,
        region=request.region,
        rule_pack=pack.code,
        rule_pack_version=pack.version,
        supported=True,
        next_contract_must_be_open_ended=_boolean(values, Field.NEXT_CONTRACT_MUST_BE_OPEN_ENDED),
        employee_may_request_open_ended=_boolean(values, Field.EMPLOYEE_MAY_REQUEST_OPEN_ENDED),
        automatic_conversion=_boolean(values, Field.AUTOMATIC_CONVERSION),
        conversion_effective_date=_date(values, Field.CONVERSION_EFFECTIVE_DATE),
        non_renewal_lawful=_boolean(values, Field.NON_RENEWAL_LAWFUL),
        renewal_as_proposed_lawful=_boolean(values, Field.RENEWAL_AS_PROPOSED_LAWFUL),
        severance=severance if isinstance(severance, Severance) else None,
        damages_if_unlawful=damages if isinstance(damages, Damages) else None,
        last_notice_date=_date(values, Field.LAST_NOTICE_DATE),
        contract_extended_until=_date(values, Field.CONTRACT_EXTENDED_UNTIL),
        blocking_protections=protections,
        findings=findings,
        citations=_citations(findings, protections),
        confidence=confidence,
    )


def assess_request(request: Request, registry: Registry | None = None) -> Assessment:
    """Assess a validated request under the pack in force on its decision date.

    Without a pack the answer is ``supported: false`` with every conclusion ``None``. A region the pack
    does not cover gets the national rules: under a ``national`` pack with a ``law.national_law_applies``
    finding and the pack's own confidence, otherwise with a ``law.region_not_covered`` finding and at most
    medium confidence.
    """
    registry = registry or default_registry()
    jurisdiction = registry.canonical_jurisdiction(request.jurisdiction)
    pack = registry.find(jurisdiction, request.decision.date)
    if pack is None:
        return _unsupported(request, jurisdiction, registry)
    region = pack.resolve_region(request.region)
    collected = run_rules(
        pack.rules, lambda view: Case(request=request, pack=pack, region=region, conclusions=view)
    )
    return _shape(request, jurisdiction, pack, collected, _region_finding(request, jurisdiction, pack))
