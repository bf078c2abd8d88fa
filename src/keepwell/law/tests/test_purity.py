"""The package stays pure: no Django, only marked literal templates, stable finding codes."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from keepwell.law.tests.factory import PACKAGE_DIR

SOURCES = sorted(
    path for path in PACKAGE_DIR.rglob("*.py") if "tests" not in path.relative_to(PACKAGE_DIR).parts
)


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imported_modules(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(PACKAGE_DIR)))
def test_module_imports_only_the_standard_library_and_itself(path: Path) -> None:
    stdlib = set(sys.stdlib_module_names) | {"__future__"}

    foreign = [
        name
        for name in _imported_modules(_tree(path))
        if name.split(".")[0] not in stdlib and not name.startswith("keepwell.law")
    ]

    assert foreign == []


def test_importing_the_package_loads_no_django() -> None:
    code = (
        "import sys, keepwell.law, keepwell.law.command, keepwell.law.jurisdictions.cn; "
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'django'))"
    )

    # The interpreter and the code are fixed strings of this test, not outside input.
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603

    output = result.stdout

    assert output.strip() == "[]"


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(PACKAGE_DIR)))
def test_translatable_templates_are_plain_literals(path: Path) -> None:
    """makemessages extracts only literal arguments; an f-string or a variable would never be translated."""
    calls = [
        node
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "gettext_noop"
    ]

    bad = [
        node.lineno
        for node in calls
        if len(node.args) != 1
        or not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str))
    ]

    assert bad == []
