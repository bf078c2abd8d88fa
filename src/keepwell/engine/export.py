"""Writers for the metric and benchmark exports (CSV or JSON), pure and streaming.

The columns are the contract of the design: metric exports have ``employee_id, month,
metric, value, numerator, denominator, provisional``; benchmark exports have ``group_id,
month, metric, n, mean, median, p90, top_decile_mean``. One row per employee x month x
metric (or group x month x metric), in the order of the evaluation's tables.

Numbers are written exactly, in positional notation without superfluous trailing zeros
(``0.5``, ``300000``, ``0.33333333333333``); a null is an empty CSV cell or JSON ``null``;
``provisional`` is ``true``/``false``. JSON is an array of objects, one per line, whose
numbers are JSON numbers carrying the exact decimal text.

The lines are built by DuckDB over the Arrow table and written in batches, so a million-row
export neither loops in Python per value nor holds the whole text in memory.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Literal, TextIO

import duckdb
import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
import pyarrow.compute as pc  # type: ignore[import-untyped, unused-ignore]

METRIC_EXPORT_COLUMNS = ("employee_id", "month", "metric", "value", "numerator", "denominator", "provisional")
BENCHMARK_EXPORT_COLUMNS = ("group_id", "month", "metric", "n", "mean", "median", "p90", "top_decile_mean")

ExportFormat = Literal["csv", "json"]
_BATCH_ROWS = 65_536


def number_texts(values: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    """Exact decimal text of an Arrow decimal or integer array, trailing fractional zeros removed.

    What :func:`_number_text` gives in SQL, with Arrow's kernels (several times faster than DuckDB's
    128-bit decimal formatting). Arrow writes a decimal below 10**-6 in scientific notation (``0E-14``):
    zeros become ``0`` and the rare other ones are formatted one by one.
    """
    if pa.types.is_integer(values.type) or (pa.types.is_decimal(values.type) and values.type.scale == 0):
        return pc.cast(values, pa.string())  # no fractional digits to trim
    if not pa.types.is_decimal(values.type) or values.type.scale < 0:
        raise TypeError(f"number_texts formats integers and decimals of scale >= 0, not {values.type}")
    text = pc.cast(values, pa.string())
    trimmed = pc.utf8_rtrim(pc.utf8_rtrim(text, characters="0"), characters=".")
    scientific = pc.match_substring(text, "E")
    if not pc.any(scientific).as_py():
        return trimmed
    zero = pc.starts_with(text, "0E")  # zero at any scale: 0E-14
    trimmed = pc.if_else(zero, "0", trimmed)
    scientific = pc.and_not(scientific, zero)
    if not pc.any(scientific).as_py():
        return trimmed
    exact = [
        _plain(value) if tiny else text
        for value, tiny, text in zip(
            values.to_pylist(), scientific.to_pylist(), trimmed.to_pylist(), strict=True
        )
    ]
    return pa.array(exact, pa.string())


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _number_text(column: str) -> str:
    """Exact decimal text of a DECIMAL/integer column, trailing fractional zeros removed."""
    text = f"CAST({column} AS VARCHAR)"
    return f"CASE WHEN contains({text}, '.') THEN rtrim(rtrim({text}, '0'), '.') ELSE {text} END"


def _csv_cell(expression: str) -> str:
    """RFC 4180 quoting only where needed; null becomes an empty cell."""
    return (
        f"coalesce(CASE WHEN regexp_matches({expression}, '[,\"\\r\\n]')"
        f" THEN '\"' || replace({expression}, '\"', '\"\"') || '\"' ELSE {expression} END, '')"
    )


def _cell_text(column: str, data_type: pa.DataType) -> str:
    if pa.types.is_decimal(data_type) or pa.types.is_integer(data_type):
        return _number_text(column)
    if pa.types.is_boolean(data_type):
        return f"CASE WHEN {column} THEN 'true' WHEN NOT {column} THEN 'false' END"
    return f"CAST({column} AS VARCHAR)"


def _line_sql(table: pa.Table, columns: Sequence[str], export_format: ExportFormat) -> str:
    schema = table.schema
    missing = [name for name in columns if name not in schema.names]
    if missing:
        raise ValueError(f"table lacks export column(s): {', '.join(missing)}")
    parts = []
    for name in columns:
        column = f'"{name}"'
        data_type = schema.field(name).type
        text = _cell_text(column, data_type)
        if export_format == "csv":
            parts.append(_csv_cell(text))
        elif pa.types.is_string(data_type) or pa.types.is_large_string(data_type):
            parts.append(f"""'"{name}":' || coalesce(CAST(to_json({column}) AS VARCHAR), 'null')""")
        else:
            parts.append(f"""'"{name}":' || coalesce({text}, 'null')""")
    separator = " || ',' || "
    if export_format == "csv":
        return f"SELECT {separator.join(parts)} AS line FROM export_source"
    return f"SELECT '{{' || {separator.join(parts)} || '}}' AS line FROM export_source"


def _lines(table: pa.Table, columns: Sequence[str], export_format: ExportFormat) -> Iterator[str]:
    connection = duckdb.connect(":memory:", config={"threads": 1})
    try:
        connection.register("export_source", table)
        # A single thread keeps the table's row order without an ORDER BY.
        reader = connection.execute(_line_sql(table, columns, export_format)).to_arrow_reader(_BATCH_ROWS)
        for batch in reader:
            yield from batch.column(0).to_pylist()
    finally:
        connection.close()


def write_export(
    table: pa.Table, destination: str | Path | TextIO, *, columns: Sequence[str], export_format: ExportFormat
) -> int:
    """Write ``columns`` of ``table`` as CSV (with header) or JSON; returns the rows written."""
    if export_format not in ("csv", "json"):
        raise ValueError(f"unknown export format {export_format!r}")
    if isinstance(destination, str | Path):
        with open(destination, "w", encoding="utf-8", newline="") as handle:
            return write_export(table, handle, columns=columns, export_format=export_format)
    rows = 0
    buffer = io.StringIO()
    if export_format == "csv":
        buffer.write(",".join(columns) + "\r\n")
    else:
        buffer.write("[")
    for line in _lines(table, columns, export_format):
        if export_format == "csv":
            buffer.write(line + "\r\n")
        else:
            buffer.write(("\n" if rows == 0 else ",\n") + line)
        rows += 1
        if rows % _BATCH_ROWS == 0:
            destination.write(buffer.getvalue())
            buffer = io.StringIO()
    if export_format == "json":
        buffer.write("\n]\n" if rows else "]\n")
    destination.write(buffer.getvalue())
    return rows


def write_metric_values(
    metric_values: pa.Table, destination: str | Path | TextIO, *, export_format: ExportFormat = "csv"
) -> int:
    """Write an evaluation's ``metric_values`` with the metric export columns."""
    return write_export(
        metric_values, destination, columns=METRIC_EXPORT_COLUMNS, export_format=export_format
    )


def write_benchmarks(
    benchmarks: pa.Table, destination: str | Path | TextIO, *, export_format: ExportFormat = "csv"
) -> int:
    """Write an evaluation's ``benchmarks`` with the benchmark export columns."""
    return write_export(
        benchmarks, destination, columns=BENCHMARK_EXPORT_COLUMNS, export_format=export_format
    )
