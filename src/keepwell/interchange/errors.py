"""The interchange app's refusal: the file (or a parameter) cannot be used at all."""

from __future__ import annotations

from keepwell.errors import KeepWellError


class FileRefused(KeepWellError):
    """Nothing can be imported: missing or unreadable file, wrong header, unknown entity or format."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message, code="unusable", field=field)
