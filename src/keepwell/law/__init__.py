"""KeepWell's labor-law rule packs: pure Python, no Django, Decimal money, dated rules.

``assess(request)`` takes a request shaped as in SCHEMA.md and returns the assessment: whether the next
contract must be open-ended, whether not renewing is lawful, severance and damages with their arithmetic,
the last day to give notice, the protections that block expiry, and findings that explain each conclusion
with a stable code, a citation and a translatable message. ``packs()`` lists the registered rule packs.

How the package is built and how to add a jurisdiction: ``README.md`` in this directory.
"""

from __future__ import annotations

from keepwell.law.assessment import assess_request
from keepwell.law.errors import InvalidRequest, RulePackError
from keepwell.law.output import assessment_to_dict, pack_to_dict
from keepwell.law.parsing import parse_request
from keepwell.law.registry import Registry, default_registry

__all__ = ["InvalidRequest", "RulePackError", "assess", "packs"]


def assess(request: dict[str, object], *, registry: Registry | None = None) -> dict[str, object]:
    """Assess one request (SCHEMA.md) and return the assessment as a JSON-ready ``dict``.

    Raises ``InvalidRequest`` (its ``field`` is the JSON path at fault) when the request is malformed.
    A jurisdiction without a rule pack is not an error: the answer says ``supported: false``.
    """
    return assessment_to_dict(assess_request(parse_request(request), registry))


def packs(*, registry: Registry | None = None) -> list[dict[str, object]]:
    """Describe every registered pack: code, jurisdiction, regions, version, dates, confidence, gaps."""
    return [pack_to_dict(pack) for pack in (registry or default_registry()).packs()]
