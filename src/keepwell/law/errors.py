"""Errors raised by the labor-law package."""

from __future__ import annotations


class InvalidRequest(ValueError):
    """The request cannot be assessed; ``field`` is the JSON path at fault (``employee.contracts[1].end``).

    ``str(error)`` reads ``"<field>: <message>"``, the shape the rest of KeepWell uses for refused input.
    """

    code = "invalid_request"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def within(self, prefix: str) -> InvalidRequest:
        """The same error with ``prefix`` before its field path (``[3]`` for the 4th request of a batch)."""
        separator = "" if self.field.startswith("[") else "."
        return InvalidRequest(f"{prefix}{separator}{self.field}", self.message)


class RulePackError(Exception):
    """A rule pack is inconsistent (overlapping versions, a conclusion set twice): a programming error."""
