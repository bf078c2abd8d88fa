"""``python -m bench.evaluate --employees 1000 [10000] --months 12``: engine versus bare query."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from bench.evaluate.generate import FIRST_MONTH, Dataset, ensure

DATA_ROOT = Path(__file__).resolve().parent.parent / "data"
BARE_VARIANTS = {
    "bare": "bare query (ICU per row)",
    "bare-calendar": "bare query (engine's calendar table)",
}


@dataclass(frozen=True)
class Run:
    figures: dict[str, float]
    peak_rss_bytes: int


def _timed_child(which: str, directory: Path, dataset: Dataset, output: Path) -> Run:
    """Run one measurement in a child process; its peak RSS comes from wait4()."""
    command = [
        sys.executable,
        "-m",
        "bench.evaluate.run",
        which,
        str(directory),
        dataset.as_of.isoformat(),
        FIRST_MONTH.label,
        str(output),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603 - fixed command
    assert process.stdout is not None
    stdout = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{which} run failed with exit code {process.returncode}")
    # Linux reports ru_maxrss in KiB.
    return Run(json.loads(stdout.strip().splitlines()[-1]), usage.ru_maxrss * 1024)


def _prepare_database(url: str, directory: Path, counts: dict[str, int], keep: bool) -> None:
    """Load the facts into a fresh KeepWell database at ``url`` (untimed).

    With ``keep``, a database that already holds exactly these facts is used as it is (its earlier results
    removed) instead of being loaded again.
    """
    from bench.evaluate.database import load, prepare, reuse

    started = time.perf_counter()
    if keep and reuse(url, counts):
        print(f"  kept {url.split('@')[-1]}: it holds these facts (earlier results removed)")
    else:
        prepare(url)
        loaded = load(url, directory)
        slow = ", ".join(f"{table} {seconds:.0f} s" for table, seconds in loaded.items() if seconds >= 1)
        print(f"  loaded {url.split('@')[-1]} in {time.perf_counter() - started:.0f} s ({slow})")


def _full_evaluate(url: str, dataset: Dataset, counts: dict[str, int]) -> Run:
    """Time `evaluate` on the prepared database at ``url`` in a child, then remove its results (untimed),
    so that every run starts from the state a fresh load leaves."""
    from bench.evaluate.database import reuse

    command = [
        sys.executable,
        "-m",
        "bench.evaluate.database",
        url,
        dataset.as_of.isoformat(),
        FIRST_MONTH.label,
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603 - fixed command
    assert process.stdout is not None
    stdout = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"keepwell evaluate on {url} failed")
    run = Run(json.loads(stdout.strip().splitlines()[-1]), usage.ru_maxrss * 1024)
    if not reuse(url, counts):
        raise SystemExit(f"{url} no longer holds the benchmark facts")
    return run


def _cross_check(engine_output: Path, bare_output: Path) -> tuple[int, int, int]:
    """(rows compared, numerator/denominator mismatches, value mismatches beyond 1e-9)."""
    connection = duckdb.connect()
    row = connection.execute(
        f"""
        SELECT count(*),
               count(*) FILTER (WHERE e.numerator IS DISTINCT FROM b.numerator
                                   OR e.denominator IS DISTINCT FROM b.denominator
                                   OR e.provisional IS DISTINCT FROM b.provisional),
               count(*) FILTER (WHERE (e.value IS NULL) <> (b.value IS NULL)
                                   OR abs(e.value::DOUBLE - b.value) > 1e-9 * greatest(1, abs(b.value)))
        FROM read_parquet('{engine_output}') AS e
        FULL JOIN (SELECT * FROM read_parquet('{bare_output}') WHERE kind = 'metric') AS b
          ON b.id = e.employee_id AND b.month = e.month AND b.metric = e.metric
        """
    ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1]), int(row[2])


def _gib(size: int) -> str:
    return f"{size / 2**30:.2f} GiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, nargs="+", default=[1000])
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, default=DATA_ROOT, help="where generated facts are cached")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each side; the fastest is kept")
    parser.add_argument(
        "--database",
        nargs="*",
        choices=["sqlite", "postgres"],
        default=[],
        help="also load the facts into KeepWell databases and time the full `evaluate` (read, compute, store)"
        "; the load itself is not timed",
    )
    parser.add_argument(
        "--postgres-url", default="postgres://postgres@127.0.0.1:5432/keepwell_bench_evaluate"
    )
    parser.add_argument(
        "--keep-databases",
        action="store_true",
        help="use a database an earlier run left when it holds the same facts, instead of loading it again",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="with --database: full evaluations per database, each round after a fresh calendar query",
    )
    arguments = parser.parse_args(argv)

    results: list[tuple[Dataset, Run, dict[str, Run]]] = []
    for employees in arguments.employees:
        dataset = Dataset(employees, arguments.months, arguments.seed)
        directory, counts, generated_s = ensure(dataset, arguments.data)
        total_facts = sum(counts.values())
        print(
            f"\n== {employees} employees x {arguments.months} months: {total_facts:,} facts "
            f"({counts['activities']:,} activities); "
            + (f"generated in {generated_s:.1f} s" if generated_s else "cached")
            + f"; as_of {dataset.as_of}, months {FIRST_MONTH}..{dataset.last_month}"
        )
        with tempfile.TemporaryDirectory() as scratch:
            engine_output = Path(scratch, "engine.parquet")
            engine_runs = [
                _timed_child("engine", directory, dataset, engine_output) for _ in range(arguments.repeat)
            ]
            bares: dict[str, Run] = {}
            checks: dict[str, tuple[int, int, int]] = {}
            for variant in BARE_VARIANTS:
                output = Path(scratch, f"{variant}.parquet")
                runs = [_timed_child(variant, directory, dataset, output) for _ in range(arguments.repeat)]
                bares[variant] = min(runs, key=lambda run: run.figures["total_s"])
                checks[variant] = _cross_check(engine_output, output)
        engine = min(engine_runs, key=lambda run: run.figures["total_s"])
        results.append((dataset, engine, bares))
        urls = {
            database: f"sqlite:///{arguments.data / dataset.name}.sqlite3"
            if database == "sqlite"
            else arguments.postgres_url
            for database in arguments.database
        }
        for url in urls.values():
            _prepare_database(url, directory, counts, arguments.keep_databases)
        ratios: dict[str, list[float]] = {database: [] for database in urls}
        for round_number in range(1, arguments.rounds + 1 if urls else 1):
            # Each round times the calendar query again right before its full runs: this machine's speed
            # drifts, and a ratio should compare runs made a minute apart, not half an hour.
            with tempfile.TemporaryDirectory() as scratch:
                output = Path(scratch, "bare-calendar.parquet")
                reference = _timed_child("bare-calendar", directory, dataset, output).figures["total_s"]
            for database, url in urls.items():
                full = _full_evaluate(url, dataset, counts)
                f = full.figures
                ratios[database].append(f["total_s"] / reference)
                print(
                    f"round {round_number}: keepwell evaluate on {database}: read {f['read_s']:.2f} s"
                    f" + evaluate {f['evaluate_s']:.2f} s + store {f['store_s']:.2f} s"
                    f" = {f['total_s']:.2f} s,"
                    f" peak RSS {_gib(full.peak_rss_bytes)}; calendar query {reference:.2f} s;"
                    f" ratio {f['total_s'] / reference:.2f}x"
                    f" (to the ICU query: {f['total_s'] / bares['bare'].figures['total_s']:.2f}x)"
                )
        for database, values in ratios.items():
            if len(values) > 1:
                print(
                    f"keepwell evaluate on {database}, ratio to the calendar query over {len(values)} rounds:"
                    f" median {statistics.median(values):.2f}x, range {min(values):.2f}x-{max(values):.2f}x"
                )
        figures = engine.figures
        print(
            f"engine: load {figures['load_s']:.2f} s + evaluate {figures['evaluate_s']:.2f} s"
            f" = {figures['total_s']:.2f} s, peak RSS {_gib(engine.peak_rss_bytes)},"
            f" {int(figures['metric_rows']):,} metric rows, {int(figures['benchmark_rows']):,} benchmark rows"
        )
        for variant, run in bares.items():
            compared, exact_mismatches, value_mismatches = checks[variant]
            print(
                f"{BARE_VARIANTS[variant]}: {run.figures['total_s']:.2f} s,"
                f" peak RSS {_gib(run.peak_rss_bytes)}"
            )
            print(
                f"  ratio engine/{variant}: {figures['total_s'] / run.figures['total_s']:.2f}x"
                f" (evaluate only: {figures['evaluate_s'] / run.figures['total_s']:.2f}x);"
                f" cross-check: {compared:,} rows, {exact_mismatches} numerator/denominator/provisional"
                f" differences, {value_mismatches} value differences"
            )
        # Timings on a shared machine are only comparable within one run: say how busy it was.
        print(f"load average (1, 5, 15 min) after the runs: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if len(results) > 1:
        print("\n== scaling (seconds per 1,000 employees)")
        for dataset, engine, bares in results:
            per = 1000 / dataset.employees
            print(
                f"{dataset.employees:>7,} employees: engine {engine.figures['total_s'] * per:.2f} s, "
                + ", ".join(
                    f"{variant} {run.figures['total_s'] * per:.2f} s" for variant, run in bares.items()
                )
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
