"""Rule packs and the registry that picks one by jurisdiction, region and decision date.

A pack is one jurisdiction's rules for one period of time (``effective_from``..``effective_to``): when the
law changes enough, a second pack object with the same ``code`` and a later window is registered, and
each decision is assessed under the pack in force on its date. Packs are found automatically: every module
in ``keepwell.law.jurisdictions`` (names not starting with ``_``) that defines ``PACKS`` is registered.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from keepwell.law.errors import RulePackError
from keepwell.law.rules import Rule
from keepwell.law.types import Confidence

# Country codes people use that are not ISO 3166-1 (SCHEMA.md: "UK accepted as an alias").
JURISDICTION_ALIASES = {"UK": "GB"}


def _normalized(text: str) -> str:
    return "".join(text.split()).casefold()


@dataclass(frozen=True)
class Region:
    """A subdivision whose rules a pack covers (a province, state or city).

    ``key`` is a stable slug; ``iso_code`` the ISO 3166-2 code when the region has one (cities often do
    not); ``aliases`` are other accepted spellings (local script, legacy codes); ``parent`` the ISO code of
    the enclosing subdivision. Packs subclass this to attach their regional parameters.
    """

    key: str
    name: str
    iso_code: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    confidence: Confidence = Confidence.MEDIUM
    notes: str = ""

    def spellings(self) -> tuple[str, ...]:
        """Every accepted way of naming the region."""
        return tuple(name for name in (self.key, self.name, self.iso_code, *self.aliases) if name)

    def label(self) -> str:
        """``Beijing (CN-BJ)`` or, without an ISO code, ``Shenzhen``."""
        return f"{self.name} ({self.iso_code})" if self.iso_code else self.name


@dataclass(frozen=True)
class Pack:
    """One jurisdiction's rules for one period; see ``keepwell/law/README.md`` for how to write one.

    ``not_covered`` lists, in plain words, what the pack does not decide; ``confidence_notes`` qualify its
    overall ``confidence``. ``money_quantum`` and ``rounding`` say how the jurisdiction rounds money.
    ``national`` says the law has no regional variants at all (a federal or unitary statute), so a region
    in a request is answered with the national rules at the pack's own confidence; it excludes ``regions``.
    """

    code: str
    jurisdiction: str
    name: str
    version: str
    effective_from: date
    effective_to: date | None
    currency: str
    rules: tuple[Rule, ...]
    regions: tuple[Region, ...] = ()
    confidence: Confidence = Confidence.HIGH
    confidence_notes: tuple[str, ...] = ()
    not_covered: tuple[str, ...] = ()
    jurisdiction_aliases: tuple[str, ...] = ()
    money_quantum: Decimal = Decimal("0.01")
    rounding: str = ROUND_HALF_UP
    national: bool = False
    _spellings: dict[str, Region] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        codes = [rule.code for rule in self.rules]
        if len(set(codes)) != len(codes):
            raise RulePackError(f"pack {self.code}: rule codes must be unique")
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise RulePackError(f"pack {self.code}: effective_to before effective_from")
        if self.national and self.regions:
            raise RulePackError(f"pack {self.code}: a national pack has no regions")
        for region in self.regions:
            for spelling in region.spellings():
                known = self._spellings.setdefault(_normalized(spelling), region)
                if known is not region:
                    raise RulePackError(
                        f"pack {self.code}: {spelling!r} names both {known.key} and {region.key}"
                    )

    def in_force_on(self, day: date) -> bool:
        """True when decisions dated ``day`` are assessed under this pack."""
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    def resolve_region(self, text: str | None) -> Region | None:
        """The covered region named by ``text`` (name, ISO code or alias, any case), or ``None``."""
        if text is None:
            return None
        return self._spellings.get(_normalized(text))


class Registry:
    """All registered packs; picks the one for a jurisdiction and date."""

    def __init__(self, packs: Iterable[Pack] = ()) -> None:
        self._packs: list[Pack] = []
        for pack in packs:
            self.register(pack)

    def register(self, pack: Pack) -> None:
        """Add ``pack``; versions of one jurisdiction must not overlap in time."""
        for other in self.versions(pack.jurisdiction):
            starts_before_other_ends = other.effective_to is None or pack.effective_from <= other.effective_to
            ends_after_other_starts = pack.effective_to is None or other.effective_from <= pack.effective_to
            if starts_before_other_ends and ends_after_other_starts:
                raise RulePackError(
                    f"packs {other.code} {other.version} and {pack.code} {pack.version} overlap"
                )
        self._packs.append(pack)
        self._packs.sort(key=lambda item: (item.jurisdiction, item.effective_from))

    def packs(self) -> tuple[Pack, ...]:
        """Every registered pack, by jurisdiction then date."""
        return tuple(self._packs)

    def canonical_jurisdiction(self, code: str) -> str:
        """``code`` upper-cased with aliases resolved (``uk`` → ``GB``)."""
        upper = code.upper()
        for pack in self._packs:
            if upper in pack.jurisdiction_aliases:
                return pack.jurisdiction
        return JURISDICTION_ALIASES.get(upper, upper)

    def versions(self, jurisdiction: str) -> tuple[Pack, ...]:
        """Every pack registered for ``jurisdiction``, oldest first."""
        canonical = self.canonical_jurisdiction(jurisdiction)
        return tuple(pack for pack in self._packs if pack.jurisdiction == canonical)

    def find(self, jurisdiction: str, on: date) -> Pack | None:
        """The pack for ``jurisdiction`` in force on ``on``, or ``None``."""
        for pack in self.versions(jurisdiction):
            if pack.in_force_on(on):
                return pack
        return None


def discover_packs(package: str = "keepwell.law.jurisdictions") -> tuple[Pack, ...]:
    """Import every public module of ``package`` and gather its ``PACKS``; no shared list to edit."""
    module = importlib.import_module(package)
    found: list[Pack] = []
    for info in sorted(pkgutil.iter_modules(module.__path__), key=lambda item: item.name):
        if info.name.startswith("_"):
            continue
        pack_module = importlib.import_module(f"{package}.{info.name}")
        found.extend(getattr(pack_module, "PACKS", ()))
    return tuple(found)


@functools.cache
def default_registry() -> Registry:
    """The registry of every pack shipped in ``keepwell.law.jurisdictions`` (built once)."""
    return Registry(discover_packs())
