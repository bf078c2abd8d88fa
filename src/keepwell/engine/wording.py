"""Plain-language messages of the evaluation and renewal-advice modules, without Django.

Every sentence these modules produce is a :class:`Message`: a translatable *template* with
``%(name)s`` placeholders (marked with :func:`gettext_noop` so Django's ``makemessages`` extracts
it), the *params* that fill it (already formatted as display text: ``"12.0%"``, ``"40000.00 CNY"``),
and the rendered English ``text``. The UI translates the template and fills in the same params.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from keepwell.core.money import quantize_fraction


def gettext_noop(message: str) -> str:
    """Return ``message`` unchanged; the call only marks it for translation extraction."""
    return message


@dataclass(frozen=True)
class Message:
    """A translatable template, its display-ready params, and (as :attr:`text`) the English sentence."""

    template: str
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The template filled with its params (English, since templates are written in English)."""
        return self.template % dict(self.params)

    def as_dict(self) -> dict[str, object]:
        """``{"text", "template", "params"}`` for JSON output."""
        return {"text": self.text, "template": self.template, "params": dict(self.params)}


def message(template: str, **params: str) -> Message:
    """Build a :class:`Message` from a template marked with :func:`gettext_noop` and its params."""
    return Message(template=template, params=params)


def quantize(value: Fraction | Decimal, places: int) -> Decimal:
    """``value`` rounded half to even to ``places`` decimal places, as a Decimal (one rounding)."""
    return quantize_fraction(Fraction(value), places)


def quantize_optional(value: Fraction | Decimal | None, places: int) -> Decimal | None:
    """:func:`quantize`, passing ``None`` through."""
    return None if value is None else quantize(value, places)


def format_percent(value: Fraction | Decimal, places: int = 1) -> str:
    """A fraction as a percentage for display: ``0.12`` → ``'12.0%'``."""
    return f"{quantize(Fraction(value) * 100, places):f}%"


def format_number(value: Fraction | Decimal, places: int = 1) -> str:
    """A number for display with ``places`` decimals: ``Fraction(61, 2)`` → ``'30.5'``."""
    return f"{quantize(value, places):f}"


def currency_places(currency: str) -> int:
    """Decimal places of ``currency``'s minor unit (ISO 4217, via CLDR): 2 for CNY, 0 for JPY and KRW."""
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(currency))


def format_money(amount: Fraction | Decimal, currency: str) -> str:
    """An amount for display in its currency's minor unit, thousands grouped: ``'40,000.00 CNY'``."""
    places = currency_places(currency)
    return f"{quantize(amount, places):,.{places}f} {currency}"
