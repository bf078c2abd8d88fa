"""Errors that services raise for bad input: each names the field (or row and column) at fault."""

from __future__ import annotations


class KeepWellError(Exception):
    """A refused request. ``code`` is stable; ``field`` names the parameter or column at fault."""

    def __init__(self, message: str, *, code: str = "invalid", field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class NotFound(KeepWellError):
    """Missing or not visible to the caller: the same error for both, so existence does not leak."""

    def __init__(self, message: str = "not found", *, field: str | None = None) -> None:
        super().__init__(message, code="not_found", field=field)


class PermissionDenied(KeepWellError):
    def __init__(self, message: str = "permission denied") -> None:
        super().__init__(message, code="permission_denied")
