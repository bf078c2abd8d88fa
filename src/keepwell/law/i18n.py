"""Marking of translatable message templates without importing Django.

Django's ``makemessages`` extracts the string literal inside every ``gettext_noop(...)`` call, so finding
templates written as ``gettext_noop("... %(name)s ...")`` end up in the catalogues; the UI translates the
template and fills in ``params`` itself. Templates use ``%(name)s`` placeholders, never f-strings.

A template whose wording depends on a number ("1 day", "2 days") is a ``Plural``: a singular and a plural
template, each marked with ``gettext_noop``, and the param whose value picks one. The finding carries the
template picked, so ``message`` is always one of the marked templates and its code does not change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


def gettext_noop(message: str) -> str:
    """Return ``message`` unchanged; the call only marks it for extraction."""
    return message


@dataclass(frozen=True)
class Plural:
    """A message in two forms: ``one`` when the ``count`` param is exactly 1, ``other`` for any other value
    (0, 2, 0.5, 1.5). Either form may itself be a ``Plural`` on another param, for a sentence with two
    numbers ("1 month and 2 days")::

        NOTICE_LATE = Plural(
            "days_late",
            one=gettext_noop("Notice given on %(given)s is %(days_late)s day late."),
            other=gettext_noop("Notice given on %(given)s is %(days_late)s days late."),
        )
    """

    count: str
    one: str | Plural
    other: str | Plural

    def select(self, params: Mapping[str, str | int]) -> str:
        """The template that agrees with ``params``."""
        chosen = self.one if str(params[self.count]) == "1" else self.other
        return chosen if isinstance(chosen, str) else chosen.select(params)

    def templates(self) -> tuple[str, ...]:
        """Every form, in order (singular first)."""
        forms: list[str] = []
        for form in (self.one, self.other):
            forms.extend((form,) if isinstance(form, str) else form.templates())
        return tuple(forms)


Message = str | Plural
