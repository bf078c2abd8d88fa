"""Running an evaluation and storing it so that readers never see half a run."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from itertools import pairwise
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from keepwell.audit.services import audit_record
from keepwell.errors import KeepWellError
from keepwell.evaluation.facts_source import load_facts
from keepwell.evaluation.models import BenchmarkSnapshot, EvaluationRun, MetricSnapshot, RunStatus
from keepwell.tenancy.context import tenant_context
from keepwell.tenancy.models import Tenant

Progress = Callable[[str, int, int], None]


# Per employee-month: {metric: [value, numerator, denominator, provisional]}.
_METRIC_KEYS, _METRIC_FIELDS = ("employee_key", "month"), ("value", "numerator", "denominator", "provisional")
# Per group-month: {metric: [n, mean, median, p90, top_decile_mean]}.
_BENCHMARK_KEYS = ("group_kind", "group_id", "month")
_BENCHMARK_FIELDS = ("n", "mean", "median", "p90", "top_decile_mean")
SNAPSHOT_THREADS = 2
# PostgreSQL connections storing a run's snapshots at once (see ``_store``).
STORE_CONNECTIONS = 2


def _snapshots(table: pa.Table, keys: tuple[str, ...], fields: tuple[str, ...]) -> pa.Table:
    """One row per run of equal ``keys`` with the JSON object {metric: [field…]} of the run's rows.

    ``table`` comes from the engine sorted by those keys (then by metric). Numbers are their exact,
    trailing-zero-free decimal text, in quotes; a missing one is null; ``provisional`` is "true" or
    "false". The text is assembled with Arrow's string kernels: metric ids are plain identifiers and
    number texts need no escaping.
    """
    from keepwell.engine.export import number_texts

    table = table.combine_chunks()
    rows = table.num_rows
    if rows == 0:
        return pa.table({**{key: table.column(key) for key in keys}, "snapshot": pa.array([], pa.string())})
    parts: list[Any] = ['"', table.column("metric"), '":[']
    for index, field in enumerate(fields):
        if field == "provisional":
            part = pc.if_else(table.column(field), '"true"', '"false"')
        else:
            quoted = pc.binary_join_element_wise('"', number_texts(table.column(field)), '"', "")
            part = pc.fill_null(quoted, "null")
        parts += [part, "," if index < len(fields) - 1 else "]"]
    items = pc.binary_join_element_wise(*parts, "").combine_chunks()
    # A run starts at the first row and wherever a key differs from the row before.
    differs = pa.array([], pa.bool_())
    for index, key in enumerate(keys):
        column = table.column(key)
        step = pc.not_equal(column.slice(1), column.slice(0, rows - 1)).combine_chunks()
        differs = step if index == 0 else pc.or_(differs, step)
    starts = pc.indices_nonzero(pa.concat_arrays([pa.array([True]), differs]))
    offsets = pa.concat_arrays([starts.cast(pa.int32()), pa.array([rows], pa.int32())])
    objects = pc.binary_join(pa.ListArray.from_arrays(offsets, items), ",")
    snapshot = pc.binary_join_element_wise("{", objects, "}", "")
    return table.select(list(keys)).take(starts).append_column("snapshot", snapshot)


def _cuts(table: pa.Table, keys: tuple[str, ...], parts: int) -> list[int]:
    """Row positions cutting ``table`` (sorted by ``keys``) into about ``parts`` equal pieces, each cut at
    the start of a run of equal keys, so that no snapshot is split; the first is 0, the last the length."""
    rows, cuts = table.num_rows, [0]
    for part in range(1, parts):
        at = max(cuts[-1] + 1, rows * part // parts)
        while at < rows and all(table.column(key)[at] == table.column(key)[at - 1] for key in keys):
            at += 1  # a run is one employee-month's or group-month's metrics: a few dozen rows at most
        if at < rows:
            cuts.append(at)
    return [*cuts, rows]


def _snapshot_rows(evaluation: Any) -> tuple[pa.Table, pa.Table]:
    """The metric and benchmark snapshots, assembled in pieces on ``SNAPSHOT_THREADS`` threads (Arrow's
    kernels release the GIL)."""
    work = [
        (evaluation.metric_values, _METRIC_KEYS, _METRIC_FIELDS),
        (evaluation.benchmarks, _BENCHMARK_KEYS, _BENCHMARK_FIELDS),
    ]
    with ThreadPoolExecutor(max_workers=SNAPSHOT_THREADS) as pool:
        pending = [
            [
                pool.submit(_snapshots, table.slice(start, end - start), keys, fields)
                for start, end in pairwise(_cuts(table, keys, SNAPSHOT_THREADS))
            ]
            for table, keys, fields in work
        ]
        metric_rows, benchmark_rows = (
            pa.concat_tables(piece.result() for piece in pieces) for pieces in pending
        )
    return metric_rows, benchmark_rows


def _bulk_insert(table: str, rows: pa.Table) -> None:
    """Insert ``rows`` (columns named as the table's) at once: one CSV ``COPY`` on PostgreSQL, written by
    Arrow; one ``executemany`` on SQLite."""
    if not rows.num_rows:
        return
    names = ", ".join(connection.ops.quote_name(column) for column in rows.column_names)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            sink = io.BytesIO()
            pcsv.write_csv(rows, sink, write_options=pcsv.WriteOptions(include_header=False))
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN (FORMAT csv)") as copy:
                copy.write(sink.getbuffer())
        else:
            marks = ", ".join(["%s"] * rows.num_columns)
            columns = [column.to_pylist() for column in rows.columns]
            cursor.executemany(
                f"INSERT INTO {table} ({names}) VALUES ({marks})", list(zip(*columns, strict=True))
            )


def _stored(run: EvaluationRun, snapshots: pa.Table, keys: dict[str, str]) -> pa.Table:
    """``snapshots`` as a snapshot table's rows: tenant, run, the ``keys`` renamed, the values."""
    rows = snapshots.num_rows
    columns = {
        "tenant_id": pa.repeat(pa.scalar(run.tenant_id, pa.int64()), rows),
        "run_id": pa.repeat(pa.scalar(run.pk, pa.int64()), rows),
        **{column: snapshots.column(key) for key, column in keys.items()},
        "values": snapshots.column("snapshot"),
    }
    return pa.table(columns)


def _store(run: EvaluationRun, metric_rows: pa.Table, benchmark_rows: pa.Table) -> None:
    """Insert the run's snapshot rows, before the run is marked complete.

    Readers only see the rows of complete runs, so on PostgreSQL, outside a caller's transaction (a
    command, a worker), the rows go in on ``STORE_CONNECTIONS`` connections at once, each share committed
    on its own: the server parses the JSON and checks the foreign keys of every row, and one backend
    would leave the other core idle. Should one share fail, the run's rows are removed again. Otherwise
    (SQLite, which has one writer; or within the caller's transaction) they go in on this connection.
    """
    metrics = _stored(run, metric_rows, {"employee_key": "employee_id", "month": "month"})
    benchmarks = _stored(
        run, benchmark_rows, {"group_kind": "group_kind", "group_id": "group_id", "month": "month"}
    )
    metric_table, benchmark_table = MetricSnapshot._meta.db_table, BenchmarkSnapshot._meta.db_table
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        with transaction.atomic():
            _bulk_insert(metric_table, metrics)
            _bulk_insert(benchmark_table, benchmarks)
        return
    cuts = [metrics.num_rows * part // STORE_CONNECTIONS for part in range(STORE_CONNECTIONS + 1)]
    shares = [[(metric_table, metrics.slice(start, end - start))] for start, end in pairwise(cuts)]
    shares[-1].append((benchmark_table, benchmarks))

    def insert(share: list[tuple[str, pa.Table]]) -> None:
        try:  # on this thread's own connection
            with transaction.atomic():
                for table, rows in share:
                    _bulk_insert(table, rows)
        finally:
            connection.close()

    try:
        with ThreadPoolExecutor(max_workers=STORE_CONNECTIONS) as pool:
            for done in [pool.submit(insert, share) for share in shares]:
                done.result()
    except BaseException:
        MetricSnapshot.objects.filter(run=run).delete()
        BenchmarkSnapshot.objects.filter(run=run).delete()
        raise


def _record_failure(run: EvaluationRun, error: Exception) -> None:
    EvaluationRun.objects.filter(pk=run.pk).update(
        status=RunStatus.FAILED, error=str(error), finished_at=timezone.now()
    )


def evaluation_run(
    *,
    tenant: Tenant,
    as_of: date,
    month_from: str | None = None,
    month_to: str | None = None,
    group_by: str = "team",
    progress: Progress | None = None,
    actor: Any = None,
) -> EvaluationRun:
    """Compute every metric and benchmark and replace the stored ones for those months in one transaction."""
    from keepwell.engine.errors import EngineError
    from keepwell.engine.evaluate import evaluate

    with tenant_context(tenant):
        run = EvaluationRun.objects.create(
            as_of=as_of,
            month_from=month_from or "",
            month_to=month_to or "",
            group_kind=group_by,
            started_at=timezone.now(),
        )
        try:
            if progress:
                progress("read facts", 0, 1)
            facts = load_facts(tenant)
            if progress:
                progress("read facts", 1, 1)
            evaluation = evaluate(
                facts,
                as_of=as_of,
                month_from=month_from,
                month_to=month_to,
                group_by=group_by,
                progress=progress,
            )
            metric_rows, benchmark_rows = _snapshot_rows(evaluation)
        except KeepWellError as error:
            _record_failure(run, error)
            raise
        except EngineError as error:
            _record_failure(run, error)
            raise KeepWellError(str(error), code="evaluation_failed") from error
        months = metric_rows.column("month").to_pylist()
        run.month_from = min(months) if months else (month_from or "")
        run.month_to = max(months) if months else (month_to or "")
        run.employees = len(set(metric_rows.column("employee_key").to_pylist()))
        run.metric_rows = evaluation.metric_values.num_rows
        if progress:
            progress("store", 0, 1)
        try:
            _store(run, metric_rows, benchmark_rows)
        except DatabaseError as error:
            if not connection.in_atomic_block:
                _record_failure(run, error)
            raise
        with transaction.atomic():
            stale = {"month__gte": run.month_from, "month__lte": run.month_to}
            MetricSnapshot.objects.filter(**stale).exclude(run=run).delete()
            BenchmarkSnapshot.objects.filter(**stale, group_kind=group_by).exclude(run=run).delete()
            run.status = RunStatus.COMPLETE
            run.finished_at = timezone.now()
            run.save()
            audit_record(
                action="evaluation.run",
                actor=actor,
                object_type="evaluation_run",
                object_id=str(run.pk),
                data={
                    "as_of": as_of.isoformat(),
                    "months": [run.month_from, run.month_to],
                    "rows": run.metric_rows,
                },
            )
        if progress:
            progress("store", 1, 1)
    return run


def snapshot_values(snapshot: MetricSnapshot | BenchmarkSnapshot) -> dict[str, list[Any]]:
    values = snapshot.values
    return json.loads(values) if isinstance(values, str) else dict(values)
