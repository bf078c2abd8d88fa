"""Numbers in plain-language texts: money in its currency's minor unit, thousands grouped."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from keepwell.engine.wording import currency_places, format_money, format_percent


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (Decimal("3014393"), "CNY", "3,014,393.00 CNY"),
        (Decimal("999.995"), "EUR", "1,000.00 EUR"),
        (Decimal("0.125"), "EUR", "0.12 EUR"),  # half to even at the cent
        (Decimal("1234567.5"), "JPY", "1,234,568 JPY"),  # no minor unit
        (Decimal("250000"), "KRW", "250,000 KRW"),
        (Decimal("5"), "KWD", "5.000 KWD"),  # three decimals
        (Fraction(1, 3), "USD", "0.33 USD"),
        (Decimal("-1500"), "GBP", "-1,500.00 GBP"),
    ],
)
def test_format_money(amount, currency, text):
    assert format_money(amount, currency) == text


def test_currency_places_follow_iso_4217():
    assert [currency_places(code) for code in ("CNY", "JPY", "KRW", "BHD", "EUR")] == [2, 0, 0, 3, 2]


def test_format_percent():
    assert format_percent(Decimal("0.12")) == "12.0%"
