"""Run every benchmark package at its quick size: ``python -m bench``.

Each package ``bench/<name>/`` whose ``__main__`` module has ``main(argv)`` is run, with the
``QUICK_ARGUMENTS`` that module defines (``evaluate``'s are kept here).
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

QUICK = {"evaluate": ["--employees", "1000", "--months", "12"]}


def main() -> int:
    status = 0
    packages = sorted(info.name for info in pkgutil.iter_modules([str(Path(__file__).parent)]) if info.ispkg)
    for package in packages:
        module = importlib.import_module(f"bench.{package}.__main__")
        if not hasattr(module, "main"):
            continue
        arguments = list(getattr(module, "QUICK_ARGUMENTS", QUICK.get(package, [])))
        print(f"=== python -m bench.{package} {' '.join(arguments)}", flush=True)
        status = max(status, module.main(arguments) or 0)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
