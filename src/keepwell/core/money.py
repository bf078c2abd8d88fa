"""Exact decimal helpers: fixed-scale integer units, half-even rounding, plain formatting.

Money and every exact quantity in KeepWell are ``Decimal``; nothing is rounded until it is
displayed or until a ratio has to be written down, and then the rounding is stated (half to
even at a fixed number of places). Pure Python, no Django.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


def to_units(value: Decimal | int, scale: int) -> int:
    """``value`` as an integer count of ``10**-scale`` units; raises if that would round."""
    exact = Fraction(value) * 10**scale
    if exact.denominator != 1:
        raise ValueError(f"{value} has more than {scale} decimal places")
    units: int = exact.numerator
    return units


def from_units(units: int, scale: int) -> Decimal:
    """The Decimal worth ``units * 10**-scale``, with exactly ``scale`` decimal places."""
    return Decimal(units).scaleb(-scale)


def round_half_even(value: Fraction) -> int:
    """The integer nearest to ``value``; a tie goes to the even neighbour."""
    rounded: int = round(value)  # Fraction.__round__ rounds half to even
    return rounded


def quantize_fraction(value: Fraction, scale: int) -> Decimal:
    """``value`` rounded half to even to ``scale`` decimal places, as a Decimal."""
    return from_units(round_half_even(value * 10**scale), scale)


def format_plain(value: Decimal) -> str:
    """Positional notation without superfluous trailing zeros: ``'1200'``, ``'0.5'``, ``'-3'``.

    ``str(Decimal)`` may switch to exponent notation and keeps trailing zeros, which would make
    exports depend on how a number happened to be computed.
    """
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        return "0"
    return text
