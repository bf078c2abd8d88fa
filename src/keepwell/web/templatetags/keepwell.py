"""Display of metric values in the user's locale: rates as percentages, money with the currency."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.formats import number_format

from keepwell.engine.wording import currency_places

register = template.Library()


def _decimal(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


@register.filter
def money(value: Any, currency: str) -> str:
    """An exact amount with its currency, grouped in the user's locale, in the currency's minor unit."""
    number = _decimal(value)
    if number is None:
        return "—"
    places = currency_places(currency)
    return f"{number_format(number, places, use_l10n=True, force_grouping=True)} {currency}"


@register.filter
def metric_value(value: Any, spec: Any) -> str:
    """Format ``value`` (exact decimal text) by the metric spec's unit."""
    number = _decimal(value)
    if number is None:
        return "—"
    unit = str(getattr(spec, "unit", "count"))
    if unit == "ratio":
        return number_format(number * 100, 1, use_l10n=True) + "%"
    if unit == "money":
        return number_format(number, 0, use_l10n=True, force_grouping=True)
    if getattr(spec, "id", "") == "csat":
        return number_format(number, 2, use_l10n=True)
    if number == number.to_integral_value():
        return number_format(number, 0, use_l10n=True, force_grouping=True)
    return number_format(number, 1, use_l10n=True)


@register.filter
def exact(value: Any) -> str:
    """Exact decimal text, or an empty string for null."""
    return "" if value in (None, "") else str(value)
