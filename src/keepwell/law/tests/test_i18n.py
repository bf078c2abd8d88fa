"""Message templates: plural forms picked by a count, every form marked for the catalogues."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator

import pytest

import keepwell.law
import keepwell.law.jurisdictions
from keepwell.law.i18n import Plural, gettext_noop
from keepwell.law.rules import Case, Outcome, Rule
from keepwell.law.tests.factory import marked_templates
from keepwell.law.types import Severity

DAYS_LATE = Plural(
    "days_late",
    one=gettext_noop("Notice is %(days_late)s day late."),
    other=gettext_noop("Notice is %(days_late)s days late."),
)
DURATION = Plural(
    "months",
    one=Plural(
        "days",
        one=gettext_noop("%(months)s month and %(days)s day."),
        other=gettext_noop("%(months)s month and %(days)s days."),
    ),
    other=Plural(
        "days",
        one=gettext_noop("%(months)s months and %(days)s day."),
        other=gettext_noop("%(months)s months and %(days)s days."),
    ),
)
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


class LateRule(Rule):
    code = "xx.late"

    def inspect(self, case: Case) -> Iterator[Outcome]:
        return iter(())


@pytest.mark.parametrize(
    ("label", "plural", "params", "text"),
    [
        ("one", DAYS_LATE, {"days_late": 1}, "Notice is 1 day late."),
        ("zero", DAYS_LATE, {"days_late": 0}, "Notice is 0 days late."),
        ("two", DAYS_LATE, {"days_late": 2}, "Notice is 2 days late."),
        ("a decimal one", DAYS_LATE, {"days_late": "1"}, "Notice is 1 day late."),
        ("a half", DAYS_LATE, {"days_late": "0.5"}, "Notice is 0.5 days late."),
        ("minus one", DAYS_LATE, {"days_late": -1}, "Notice is -1 days late."),
        ("both one", DURATION, {"months": 1, "days": 1}, "1 month and 1 day."),
        ("one and two", DURATION, {"months": 1, "days": 2}, "1 month and 2 days."),
        ("two and one", DURATION, {"months": 2, "days": 1}, "2 months and 1 day."),
        ("none", DURATION, {"months": 0, "days": 0}, "0 months and 0 days."),
    ],
)
def test_the_form_agrees_with_the_count(
    label: str, plural: Plural, params: dict[str, str | int], text: str
) -> None:
    assert plural.select(params) % params == text, label


def test_a_finding_carries_the_form_it_used_and_its_params() -> None:
    finding = LateRule().finding("xx.late.notice", Severity.MUST, DAYS_LATE, days_late=1)

    assert (finding.message, dict(finding.params), finding.text) == (
        "Notice is %(days_late)s day late.",
        {"days_late": 1},
        "Notice is 1 day late.",
    )
    assert DAYS_LATE.templates() == (
        "Notice is %(days_late)s day late.",
        "Notice is %(days_late)s days late.",
    )


def _package_plurals() -> Iterator[tuple[str, Plural]]:
    modules = [keepwell.law, keepwell.law.jurisdictions]
    for package in modules[:]:
        for info in pkgutil.iter_modules(package.__path__):
            if info.name != "tests":
                modules.append(importlib.import_module(f"{package.__name__}.{info.name}"))
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, Plural):
                yield f"{module.__name__}.{name}", value


PLURALS = dict(_package_plurals())


def test_packs_word_counts_with_plurals() -> None:
    """Guards the check below: the packs do define plural messages."""
    assert len(PLURALS) > 50


@pytest.mark.parametrize("name", sorted(PLURALS))
def test_every_form_is_marked_distinct_and_takes_the_same_params(name: str) -> None:
    forms = PLURALS[name].templates()

    assert set(forms) <= marked_templates(), name
    assert len(set(forms)) == len(forms), name
    assert len({frozenset(PLACEHOLDER.findall(form)) for form in forms}) == 1, name
