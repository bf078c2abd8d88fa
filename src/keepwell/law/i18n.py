"""Marking of translatable message templates without importing Django.

Django's ``makemessages`` extracts the string literal inside every ``gettext_noop(...)`` call, so finding
templates written as ``gettext_noop("... %(name)s ...")`` end up in the catalogues; the UI translates the
template and fills in ``params`` itself. Templates use ``%(name)s`` placeholders, never f-strings.
"""

from __future__ import annotations


def gettext_noop(message: str) -> str:
    """Return ``message`` unchanged; the call only marks it for extraction."""
    return message
