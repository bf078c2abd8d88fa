"""One timed run in its own process (so that its peak RSS is its own); prints JSON.

``python -m bench.evaluate.run engine|bare|bare-calendar DIRECTORY AS_OF MONTH_FROM OUTPUT.parquet``
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from bench.evaluate.bare import bare_query
from keepwell.core.periods import Month, end_of_day
from keepwell.engine.calendar import ZONE_SHIFT, build_calendar
from keepwell.engine.evaluate import EngineSettings, evaluate
from keepwell.engine.facts import Facts

THREADS = 2
MEMORY_LIMIT = os.environ.get("KEEPWELL_BENCH_MEMORY_LIMIT", "1536MiB")


def run_engine(directory: Path, as_of: date, month_from: Month, output: Path) -> dict[str, float | int]:
    started = time.perf_counter()
    facts = Facts.from_parquet_dir(directory)
    loaded = time.perf_counter()
    evaluation = evaluate(
        facts,
        as_of=as_of,
        month_from=month_from.label,
        settings=EngineSettings(threads=THREADS, memory_limit=MEMORY_LIMIT),
    )
    finished = time.perf_counter()
    pq.write_table(evaluation.metric_values, output)  # for the cross-check; not timed
    return {
        "load_s": loaded - started,
        "evaluate_s": finished - loaded,
        "total_s": finished - started,
        "fact_rows": facts.row_count,
        "metric_rows": evaluation.metric_values.num_rows,
        "benchmark_rows": evaluation.benchmarks.num_rows,
    }


def run_bare(
    directory: Path, as_of: date, month_from: Month, output: Path, *, with_calendar: bool = False
) -> dict[str, float | int]:
    started = time.perf_counter()
    connection = duckdb.connect(":memory:", config={"threads": THREADS, "memory_limit": MEMORY_LIMIT})
    connection.execute("SET TimeZone = 'UTC'")
    connection.execute("SET enable_progress_bar = false")
    day_base = None
    if with_calendar:
        # The engine's month lookup, built the same way and counted in this run's time.
        zones = sorted(
            row[0]
            for row in connection.execute(
                f"SELECT DISTINCT timezone FROM read_parquet('{directory / 'employees.parquet'}')"
            ).fetchall()
        )
        window_end = max(end_of_day(zone, as_of) for zone in zones)
        calendar = build_calendar(
            zones, first_month=month_from, last_month=Month.of(as_of), window_end=window_end
        )
        day_base = calendar.day_base
        connection.register("bare_days", calendar.days)
        connection.register(
            "bare_zones",
            pa.table({"timezone": zones, "zone_base": [index << ZONE_SHIFT for index in range(len(zones))]}),
        )
    query = bare_query(directory, as_of=as_of, month_from=month_from, calendar_day_base=day_base)
    result = connection.sql(query).to_arrow_table()
    finished = time.perf_counter()
    pq.write_table(result, output)  # for the cross-check; not timed
    kinds = result.column("kind").to_pylist()
    return {
        "total_s": finished - started,
        "metric_rows": kinds.count("metric"),
        "benchmark_rows": kinds.count("benchmark"),
    }


def main(arguments: list[str]) -> int:
    which, directory, as_of, month_from, output = arguments
    run_arguments = (Path(directory), date.fromisoformat(as_of), Month.parse(month_from), Path(output))
    if which == "engine":
        figures = run_engine(*run_arguments)
    else:
        figures = run_bare(*run_arguments, with_calendar=which == "bare-calendar")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
