"""JSON shapes: an ``Assessment`` as SCHEMA.md's assessment, a ``Pack`` as the ``packs`` listing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from keepwell.law.registry import Pack
from keepwell.law.rules import format_decimal
from keepwell.law.types import Assessment, BlockingProtection, Damages, Finding, Severance

JsonObject = dict[str, object]


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _money(value: Decimal | None) -> str | None:
    # Amounts are already rounded by the pack, so their exponent carries the jurisdiction's places.
    return None if value is None else format(value, "f")


def _severance(value: Severance | None) -> JsonObject | None:
    if value is None:
        return None
    return {
        "amount": _money(value.amount),
        "currency": value.currency,
        "months": None if value.months is None else format_decimal(value.months),
        "basis": value.basis,
    }


def _damages(value: Damages | None) -> JsonObject | None:
    if value is None:
        return None
    return {"amount": _money(value.amount), "currency": value.currency, "basis": value.basis}


def _protection(value: BlockingProtection) -> JsonObject:
    return {"kind": value.kind, "effect": value.effect, "citation": value.citation}


def finding_to_dict(finding: Finding) -> JsonObject:
    """A finding with its rendered English ``text`` and the ``message``/``params`` to translate it."""
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "text": finding.text,
        "citation": finding.citation,
        "message": finding.message,
        "params": dict(finding.params),
    }


def assessment_to_dict(assessment: Assessment) -> JsonObject:
    """Every key of SCHEMA.md's assessment, in its order; what does not apply is ``None``."""
    protections = assessment.blocking_protections
    return {
        "jurisdiction": assessment.jurisdiction,
        "region": assessment.region,
        "rule_pack": assessment.rule_pack,
        "rule_pack_version": assessment.rule_pack_version,
        "supported": assessment.supported,
        "next_contract_must_be_open_ended": assessment.next_contract_must_be_open_ended,
        "employee_may_request_open_ended": assessment.employee_may_request_open_ended,
        "automatic_conversion": assessment.automatic_conversion,
        "conversion_effective_date": _day(assessment.conversion_effective_date),
        "non_renewal_lawful": assessment.non_renewal_lawful,
        "renewal_as_proposed_lawful": assessment.renewal_as_proposed_lawful,
        "severance": _severance(assessment.severance),
        "damages_if_unlawful": _damages(assessment.damages_if_unlawful),
        "last_notice_date": _day(assessment.last_notice_date),
        "contract_extended_until": _day(assessment.contract_extended_until),
        "blocking_protections": None if protections is None else [_protection(item) for item in protections],
        "findings": [finding_to_dict(finding) for finding in assessment.findings],
        "citations": list(assessment.citations),
        "confidence": None if assessment.confidence is None else assessment.confidence.value,
    }


def pack_to_dict(pack: Pack) -> JsonObject:
    """What ``packs --json`` prints for one pack: identity, dates, regions, confidence, gaps, rules."""
    return {
        "code": pack.code,
        "jurisdiction": pack.jurisdiction,
        "name": pack.name,
        "jurisdiction_aliases": list(pack.jurisdiction_aliases),
        "version": pack.version,
        "effective_from": pack.effective_from.isoformat(),
        "effective_to": _day(pack.effective_to),
        "currency": pack.currency,
        "confidence": pack.confidence.value,
        "confidence_notes": list(pack.confidence_notes),
        "national": pack.national,
        "regions": [
            {
                "key": region.key,
                "name": region.name,
                "iso_code": region.iso_code,
                "parent": region.parent,
                "aliases": list(region.aliases),
                "confidence": region.confidence.value,
                "notes": region.notes,
            }
            for region in pack.regions
        ],
        "not_covered": list(pack.not_covered),
        "rules": [
            {
                "code": rule.code,
                "citation": rule.citation,
                "effective_from": rule.effective_from.isoformat(),
                "effective_to": _day(rule.effective_to),
                "confidence": rule.confidence.value,
            }
            for rule in pack.rules
        ],
    }
