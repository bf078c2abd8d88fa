"""Run every benchmark package: ``python -m bench [--quick]``.

Each package ``bench/<name>/`` is run as ``python -m bench.<name>`` in its own process (so no run's
memory shows in another's peak RSS), with the arguments below (none for a package not listed): the full
sizes the README reports (about two hours on a 2-core machine, most of it loading the generated facts
into the databases), or with ``--quick`` a few minutes' worth.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

FULL = {
    "evaluate": ["--employees", "1000", "10000", "--months", "12", "--database", "sqlite", "postgres"],
    "imports": ["--rows", "1000000", "5000000", "--database", "both", "--control"],
}
QUICK = {
    "evaluate": ["--employees", "1000", "--months", "12"],
    "imports": ["--rows", "200000"],
}


def main(argv: list[str] | None = None) -> int:
    quick = "--quick" in (sys.argv[1:] if argv is None else argv)
    sizes = QUICK if quick else FULL
    status = 0
    packages = sorted(info.name for info in pkgutil.iter_modules([str(Path(__file__).parent)]) if info.ispkg)
    for package in packages:
        arguments = sizes.get(package, [])
        print(f"=== python -m bench.{package} {' '.join(arguments)}", flush=True)
        completed = subprocess.run([sys.executable, "-m", f"bench.{package}", *arguments], check=False)  # noqa: S603
        status = max(status, completed.returncode)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
