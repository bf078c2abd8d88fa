"""``python -m bench.imports [--rows 1000000 5000000] [--database sqlite|postgres|both]``.

For each database (a scratch SQLite file; a scratch PostgreSQL database ``keepwell_bench``, created and
dropped) and each file size: the full validated ``keepwell import`` path (``import_file``) and a bare
load of the same rows into the same table (PostgreSQL ``COPY``, SQLite ``executemany`` in one
transaction), each in a fresh process; on PostgreSQL also a bare ``COPY`` of the same rows into a new
table without indexes or constraints, the ceiling of loading them. Peak memory is the process's own
``ru_maxrss`` as the kernel reports it when it ends (``wait4``, the per-child form of
``getrusage(RUSAGE_CHILDREN)``); CPU is its user + system time. Prints rows/s, peak RSS, the part
spent committing, and the ratios.

``--control`` repeats the PostgreSQL runs after dropping the activity table's foreign-key constraints
in the scratch database: the difference is what PostgreSQL's per-row foreign-key checks cost.
The machine is shared: the load average is printed with each result.
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

DATA_ROOT = Path(__file__).resolve().parent.parent / "data" / "imports"
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
POSTGRES_DATABASE = "keepwell_bench"


@dataclass(frozen=True)
class Run:
    figures: dict[str, float]
    peak_rss_bytes: int
    cpu_seconds: float
    load: float

    @property
    def rate(self) -> float:
        return self.figures["read"] / self.figures["seconds"]

    def line(self, label: str) -> str:
        server = self.figures.get("server_cpu_seconds")
        return (
            f"{label:<17} {self.figures['seconds']:7.1f} s {self.rate:>10,.0f} rows/s  peak RSS "
            f"{_mib(self.peak_rss_bytes):>8}  CPU {self.cpu_seconds:6.1f} s"
            + (f"  server CPU {server:6.1f} s" if server is not None else "")
            + f"  commit {self.figures.get('commit_seconds', 0):5.1f} s  (load {self.load:.1f})"
        )


def _child(environment: dict[str, str], *arguments: str) -> Run:
    load = os.getloadavg()[0]
    command = [sys.executable, "-m", "bench.imports.run", *arguments]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=environment)  # noqa: S603
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{arguments[0]} failed (exit {os.waitstatus_to_exitcode(status)})")
    figures = json.loads(output.strip().splitlines()[-1])
    # Linux reports ru_maxrss in KiB.
    return Run(
        figures, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime, max(load, os.getloadavg()[0])
    )


def _postgres(action: str) -> None:
    import psycopg

    server = POSTGRES_SERVER.replace("postgres://", "postgresql://", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DATABASE} WITH (FORCE)")
        if action == "create":
            admin.execute(f"CREATE DATABASE {POSTGRES_DATABASE}")


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


def _measure(environment: dict[str, str], path: Path, *, updates: bool) -> tuple[Run, Run, Run | None]:
    checked = _child(environment, "import", str(path))
    print(checked.line("validated import"))
    figures = checked.figures
    if figures["imported"] != figures["read"] or figures["rejected"]:
        raise SystemExit(f"the benchmark file should import cleanly: {figures}")
    again = None
    if updates:
        again = _child(environment, "import", str(path))
        print(again.line("re-import"))
    _child(environment, "reset")
    bare = _child(environment, "bare", str(path))
    print(bare.line("bare load"))
    print(f"ratio: the validated import runs at {checked.rate / bare.rate:.2f} of the bare load's rate")
    _child(environment, "reset")
    if "postgres" in environment["KEEPWELL_DATABASE_URL"]:
        unindexed = _child(environment, "bare-unindexed", str(path))
        print(unindexed.line("bare, unindexed"))
        print(
            f"ratio: the validated import runs at {checked.rate / unindexed.rate:.2f} of the rate of a bare "
            "COPY into a table without indexes or constraints"
        )
    return checked, bare, again


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 5_000_000])
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--data", type=Path, default=DATA_ROOT, help="where generated files are kept")
    parser.add_argument("--updates", action="store_true", help="also time a re-import (every row an update)")
    parser.add_argument("--control", action="store_true", help="PostgreSQL again without foreign keys")
    arguments = parser.parse_args(argv)

    # Generated in a child: a parent grown by DuckDB would lend its size to every forked child's peak RSS.
    generated = subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-m", "bench.imports.generate", str(arguments.data), *map(str, arguments.rows)],
        capture_output=True,
        text=True,
        check=True,
    )
    made = json.loads(generated.stdout.strip().splitlines()[-1])
    reference = made["reference"]
    files = {}
    for rows in arguments.rows:
        path, seconds = Path(made["activities"][str(rows)]["path"]), made["activities"][str(rows)]["seconds"]
        files[rows] = path
        note = f", generated in {seconds:.1f} s" if seconds else ""
        print(f"activities, {rows:,} rows: {path} ({_mib(path.stat().st_size)}){note}")
    databases = ["sqlite", "postgres"] if arguments.database == "both" else [arguments.database]
    summary: list[tuple[str, int, Run, Run]] = []
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
                print(f"\n== {database}, {rows:,} rows")
                checked, bare, _again = _measure(environment, path, updates=arguments.updates)
                summary.append((database, rows, checked, bare))
            if arguments.control and database == "postgres":
                _child(environment, "drop-foreign-keys")
                for rows, path in files.items():
                    print(f"\n== {database} without foreign-key constraints (control), {rows:,} rows")
                    checked, bare, _again = _measure(environment, path, updates=False)
                    summary.append((f"{database}, no FKs", rows, checked, bare))
        finally:
            if database == "postgres":
                _postgres("drop")
            shutil.rmtree(scratch, ignore_errors=True)
    print("\n== summary")
    print(
        f"{'database':<18} {'rows':>10} {'validated rows/s':>17} {'peak RSS':>9} "
        f"{'bare rows/s':>12} {'peak RSS':>9} {'ratio':>6}"
    )
    for database, rows, checked, bare in summary:
        print(
            f"{database:<18} {rows:>10,} {checked.rate:>17,.0f} {_mib(checked.peak_rss_bytes):>9} "
            f"{bare.rate:>12,.0f} {_mib(bare.peak_rss_bytes):>9} {checked.rate / bare.rate:>6.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
