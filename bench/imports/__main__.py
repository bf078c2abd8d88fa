"""``python -m bench.imports [--rows 1000000 5000000] [--database sqlite|postgres|both]``.

For each database (a scratch SQLite file; a scratch PostgreSQL database ``keepwell_bench``, created and
dropped) and each file size: the full validated ``keepwell import`` path and a bare load of the same
rows into the same table, each in a fresh process whose peak RSS is read from the kernel (``wait4``:
the child's own ``ru_maxrss``). Prints rows/s, peak memory and the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.imports.generate import activities_file, reference_files

DATA_ROOT = Path(__file__).resolve().parent.parent / "data" / "imports"
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
POSTGRES_DATABASE = "keepwell_bench"


@dataclass(frozen=True)
class Run:
    figures: dict[str, float]
    peak_rss_bytes: int

    @property
    def rate(self) -> float:
        return self.figures["read"] / self.figures["seconds"]


def _child(environment: dict[str, str], *arguments: str) -> Run:
    command = [sys.executable, "-m", "bench.imports.run", *arguments]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=environment)  # noqa: S603
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{arguments[0]} failed (exit {os.waitstatus_to_exitcode(status)})")
    return Run(json.loads(output.strip().splitlines()[-1]), usage.ru_maxrss * 1024)  # Linux: KiB


def _postgres(action: str) -> None:
    import psycopg

    with psycopg.connect(
        f"{POSTGRES_SERVER.replace('postgres://', 'postgresql://')}/postgres", autocommit=True
    ) as db:
        db.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DATABASE} WITH (FORCE)")
        if action == "create":
            db.execute(f"CREATE DATABASE {POSTGRES_DATABASE}")


def _environment(database: str, scratch: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment["KEEPWELL_VAR_DIR"] = str(scratch / "var")
    if database == "sqlite":
        environment["KEEPWELL_DATABASE_URL"] = f"sqlite:///{scratch / 'bench.sqlite3'}"
    else:
        environment["KEEPWELL_DATABASE_URL"] = f"{POSTGRES_SERVER}/{POSTGRES_DATABASE}"
    return environment


def _mib(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB"


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 5_000_000])
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--data", type=Path, default=DATA_ROOT, help="where generated files are kept")
    parser.add_argument("--updates", action="store_true", help="also time a re-import (every row an update)")
    arguments = parser.parse_args(argv)

    reference = {entity: str(path) for entity, path in reference_files(arguments.data).items()}
    files = {}
    for rows in arguments.rows:
        path, seconds = activities_file(arguments.data, rows)
        files[rows] = path
        size = path.stat().st_size
        print(
            f"activities, {rows:,} rows: {path} ({_mib(size)})"
            + (f", generated in {seconds:.1f} s" if seconds else "")
        )
    databases = ["sqlite", "postgres"] if arguments.database == "both" else [arguments.database]
    summary = []
    for database in databases:
        scratch = arguments.data / f"scratch-{database}"
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir(parents=True)
        if database == "postgres":
            _postgres("create")
        environment = _environment(database, scratch)
        try:
            _child(environment, "setup", json.dumps(reference))
            for rows, path in files.items():
                print(f"\n== {database}, {rows:,} rows (load average {_load()})")
                checked = _child(environment, "import", str(path))
                figures = checked.figures
                print(
                    f"validated import: {figures['seconds']:.1f} s, {checked.rate:,.0f} rows/s, "
                    f"peak RSS {_mib(checked.peak_rss_bytes)} (read {figures['read']:,.0f}, "
                    f"imported {figures['imported']:,.0f}, updated {figures['updated']:,.0f}, "
                    f"rejected {figures['rejected']:,.0f})"
                )
                again = None
                if arguments.updates:
                    again = _child(environment, "import", str(path))
                    print(
                        f"re-import (updates): {again.figures['seconds']:.1f} s, {again.rate:,.0f} rows/s, "
                        f"peak RSS {_mib(again.peak_rss_bytes)}"
                    )
                _child(environment, "reset")
                bare = _child(environment, "bare", str(path))
                print(
                    f"bare load:        {bare.figures['seconds']:.1f} s, {bare.rate:,.0f} rows/s, "
                    f"peak RSS {_mib(bare.peak_rss_bytes)}"
                )
                print(
                    f"ratio validated/bare: {checked.rate / bare.rate:.2f} of the bare rate "
                    f"(load average {_load()})"
                )
                _child(environment, "reset")
                summary.append((database, rows, checked, bare, again))
        finally:
            if database == "postgres":
                _postgres("drop")
            shutil.rmtree(scratch, ignore_errors=True)
    print("\n== summary")
    print(
        f"{'database':<9} {'rows':>10} {'validated rows/s':>17} {'peak RSS':>10} "
        f"{'bare rows/s':>12} {'peak RSS':>10} {'ratio':>6}"
    )
    for database, rows, checked, bare, _again in summary:
        print(
            f"{database:<9} {rows:>10,} {checked.rate:>17,.0f} {_mib(checked.peak_rss_bytes):>10} "
            f"{bare.rate:>12,.0f} {_mib(bare.peak_rss_bytes):>10} {checked.rate / bare.rate:>6.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
