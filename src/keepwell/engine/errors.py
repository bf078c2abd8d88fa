"""Errors the metrics engine raises instead of guessing."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum


class EngineErrorCode(StrEnum):
    """Stable machine-readable codes, one per kind of refusal."""

    INVALID_FACTS = "invalid_facts"
    MISSING_EXCHANGE_RATE = "missing_exchange_rate"
    AMBIGUOUS_EXCHANGE_RATE = "ambiguous_exchange_rate"
    DUPLICATE_TARGET = "duplicate_target"
    INVALID_ARGUMENT = "invalid_argument"
    FACTS_UNREADABLE = "facts_unreadable"


class EngineError(Exception):
    """Base class; ``code`` tells callers which refusal this is without parsing the message."""

    code: EngineErrorCode = EngineErrorCode.INVALID_ARGUMENT


class InvalidFacts(EngineError):
    """A fact table is missing a column, has the wrong type, or has nulls where none may be."""

    code = EngineErrorCode.INVALID_FACTS


class MissingExchangeRate(EngineError):
    """An order needs a rate to the reporting currency and none is dated on or before its day."""

    code = EngineErrorCode.MISSING_EXCHANGE_RATE

    def __init__(self, *, currency: str, reporting_currency: str, on: date) -> None:
        self.currency = currency
        self.reporting_currency = reporting_currency
        self.on = on
        super().__init__(f"no exchange rate {currency}->{reporting_currency} on or before {on.isoformat()}")


class AmbiguousExchangeRate(EngineError):
    """Two different rates for the same currency pair and date."""

    code = EngineErrorCode.AMBIGUOUS_EXCHANGE_RATE

    def __init__(self, *, currency: str, reporting_currency: str, on: date) -> None:
        self.currency = currency
        self.reporting_currency = reporting_currency
        self.on = on
        super().__init__(f"conflicting exchange rates {currency}->{reporting_currency} on {on.isoformat()}")


class DuplicateTarget(EngineError):
    """Two revenue targets for the same employee and month."""

    code = EngineErrorCode.DUPLICATE_TARGET

    def __init__(self, *, employee_id: str, month: str, metric: str = "revenue") -> None:
        self.employee_id = employee_id
        self.month = month
        self.metric = metric
        super().__init__(f"two {metric} targets for employee {employee_id} in {month}")


class InvalidArgument(EngineError):
    """An argument of ``evaluate`` is out of its domain (unknown group kind, bad month...)."""

    code = EngineErrorCode.INVALID_ARGUMENT


_PASSWORDS = (
    re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s\"]+)", re.IGNORECASE),  # libpq key=value
    re.compile(r"(://[^:/@\s]+:)([^@\s]+)(?=@)"),  # user:password@ in a URL
)


def redacted(text: str) -> str:
    """``text`` with any password of a connection string in it replaced by ``***``."""
    for pattern in _PASSWORDS:
        text = pattern.sub(r"\1***", text)
    return text


class FactsUnreadable(EngineError):
    """A scanned fact table's source failed while it was read (the database went away, a query failed).

    The message says why, as the source reported it, but never a password: a driver's error may quote the
    whole connection string (which is why it is raised ``from None``, not chained to that error).
    """

    code = EngineErrorCode.FACTS_UNREADABLE

    def __init__(self, message: str) -> None:
        super().__init__(redacted(message))
