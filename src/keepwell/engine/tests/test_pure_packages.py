"""The pure packages never import Django, directly or through anything they import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import keepwell

PURE_PACKAGES = ("core", "engine", "law")

CHECK = """
import importlib, pkgutil, sys
import keepwell
names = []
for package in {packages!r}:
    module = importlib.import_module("keepwell." + package)
    names.append(module.__name__)
    for info in pkgutil.walk_packages(module.__path__, module.__name__ + "."):
        if ".tests" in info.name or info.name.endswith(".__main__"):
            continue
        importlib.import_module(info.name)
        names.append(info.name)
import keepwell.engine as engine
for name in engine.__all__:
    getattr(engine, name)
leaked = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
print(len(names), "modules;", "django leaked" if leaked else "no django")
sys.exit(1 if leaked else 0)
"""


def test_core_engine_and_law_import_without_django() -> None:
    # given: a fresh interpreter, so nothing imported by the test run can hide a leak
    packages = tuple(name for name in PURE_PACKAGES if (Path(keepwell.__file__).parent / name).is_dir())

    # when
    result = subprocess.run(  # noqa: S603 - fixed interpreter and script
        [sys.executable, "-c", CHECK.format(packages=packages)],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(Path(keepwell.__file__).parent.parent)},
    )

    # then
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no django" in result.stdout
