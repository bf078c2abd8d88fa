"""Run every benchmark package at its quick size: ``python -m bench``.

Each package ``bench/<name>/`` is run as ``python -m bench.<name>`` in its own process (so no run's
memory shows in another's peak RSS), with the quick arguments below (none for a package not listed).
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

QUICK = {
    "evaluate": ["--employees", "1000", "--months", "12"],
    "imports": ["--rows", "200000"],
}


def main() -> int:
    status = 0
    packages = sorted(info.name for info in pkgutil.iter_modules([str(Path(__file__).parent)]) if info.ispkg)
    for package in packages:
        arguments = QUICK.get(package, [])
        print(f"=== python -m bench.{package} {' '.join(arguments)}", flush=True)
        completed = subprocess.run([sys.executable, "-m", f"bench.{package}", *arguments], check=False)  # noqa: S603
        status = max(status, completed.returncode)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
