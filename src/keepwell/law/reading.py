"""Reading free text in requests: stated reasons and kinds of work, matched by keywords.

Keywords are matched in "folded" text: lower case, accents removed, so ``"Accroissement temporaire
d'activité"`` and ``"SUSTITUCIÓN"`` match ``"accroissement"`` and ``"sustitucion"``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import TypeVar

K = TypeVar("K")


def folded(text: str) -> str:
    """``text`` in lower case without accents (combining marks removed after NFKD decomposition)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def matching_kind(folded_text: str, table: Iterable[tuple[K, Sequence[str]]]) -> K | None:
    """The first kind in ``table`` one of whose keywords appears in ``folded_text``, or ``None``."""
    for kind, keywords in table:
        if any(keyword in folded_text for keyword in keywords):
            return kind
    return None
