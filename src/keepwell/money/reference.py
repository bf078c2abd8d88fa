"""ISO 4217 reference data (from Babel's CLDR tables), shared by the data migration and the test fixtures."""

from __future__ import annotations

from typing import Any


def iso_currencies() -> list[tuple[str, str, int]]:
    """(code, English name, minor unit) of every ISO 4217 currency CLDR knows, historic ones included."""
    from babel.numbers import get_currency_name, get_currency_precision, list_currencies

    return [
        (code, get_currency_name(code, locale="en"), get_currency_precision(code))
        for code in sorted(list_currencies())
        if len(code) == 3
    ]


def seed_currencies(currency_model: Any) -> int:
    """Insert the currencies missing from ``currency_model``'s table; return how many were added."""
    existing = set(currency_model.objects.values_list("code", flat=True))
    missing = [
        currency_model(code=code, name=name, minor_unit=minor)
        for code, name, minor in iso_currencies()
        if code not in existing
    ]
    currency_model.objects.bulk_create(missing)
    return len(missing)
