"""Streaming readers of interchange files: batches of text columns, each row with its row number.

Row numbers, as reported in rejections:

* CSV: the line number in the file where the record starts; the header is line 1. A value with a
  line break inside quotes makes its record span several lines.
* JSON (an array of objects): the record number, the first object being record 1.
* XLSX (the first worksheet): the sheet's row number; the header is row 1.

A record whose fields are all empty (a blank line, ``,,,`` or an empty sheet row) is not a row: it is
skipped and not counted as read. Empty values are read as missing (null). Memory stays bounded by
a few batches: nothing here keeps the rows it has handed out. (One exception, in the format itself: a
workbook's shared-string table, which Excel writes, is read whole before the sheet; KeepWell's own
exports use inline strings instead.)
"""

from __future__ import annotations

import csv
import io
import os
import threading
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from keepwell.interchange.entities import Entity
from keepwell.interchange.errors import FileRefused

FORMATS = ("csv", "json", "xlsx")
CSV_BLOCK_BYTES = 2 << 20  # one batch per block: about 20,000 rows of a typical file
BATCH_ROWS = 20_000  # JSON and XLSX


@dataclass(frozen=True)
class BadRecord:
    """A record that could not be split into the entity's columns (rejected as a whole)."""

    row: int
    values: tuple[str, ...]  # positional, padded to the entity's columns
    column: str
    reason: str


@dataclass
class RawBatch:
    rows: pa.Array  # int64: the row number of each record below
    columns: dict[str, pa.Array]  # string arrays by column name; null where the value is empty
    bad: list[BadRecord] = field(default_factory=list)
    position: int = 0  # progress so far: bytes read (CSV, JSON) or rows read (XLSX)

    def __len__(self) -> int:
        return len(self.rows) + len(self.bad)


class Reader(Protocol):
    total: int  # the size that ``RawBatch.position`` grows to

    def batches(self) -> Iterator[RawBatch]: ...

    def close(self) -> None: ...


def format_of(path: Path, file_format: str | None) -> str:
    if file_format:
        if file_format not in FORMATS:
            raise FileRefused(f"unknown format {file_format!r}; one of {', '.join(FORMATS)}", field="format")
        return file_format
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise FileRefused(
            f"cannot tell the format of {path.name!r} from its extension; name it .csv, .json or .xlsx "
            "or give the format",
            field="format",
        )
    return suffix


def open_reader(path: Path, file_format: str, entity: Entity) -> Reader:
    if not path.is_file():
        raise FileRefused(f"no file {str(path)!r}", field="path")
    if not os.access(path, os.R_OK):
        raise FileRefused(f"cannot read {str(path)!r}", field="path")
    if file_format == "csv":
        return CsvReader(path, entity)
    if file_format == "json":
        return JsonReader(path, entity)
    return XlsxReader(path, entity)


def check_header(names: list[str], entity: Entity) -> None:
    """Refuse a header that repeats, lacks or adds a column (column order is free)."""
    expected = entity.column_names
    listing = ", ".join(expected)
    if len(names) == 1 and (";" in names[0] or "\t" in names[0]):
        separator = "';'" if ";" in names[0] else "a tab"
        raise FileRefused(
            f"the header is one column: the file seems to separate columns with {separator}; "
            "interchange CSV files separate them with ','",
            field=names[0][:64],
        )
    repeated = [name for name, count in Counter(names).items() if count > 1]
    if repeated:
        raise FileRefused(f"column {repeated[0]!r} appears more than once in the header", field=repeated[0])
    missing = [name for name in expected if name not in names]
    if missing:
        raise FileRefused(
            f"the header lacks column {missing[0]!r}"
            + (f" (and {', '.join(map(repr, missing[1:]))})" if len(missing) > 1 else "")
            + f"; {entity.name} files have the columns {listing}",
            field=missing[0],
        )
    unknown = [name for name in names if name not in expected]
    if unknown:
        raise FileRefused(
            f"unknown column {unknown[0]!r} in the header; {entity.name} files have the columns {listing}",
            field=unknown[0],
        )


def _count_mismatch(
    row: int, values: list[str], file_columns: tuple[str, ...], columns: tuple[str, ...]
) -> BadRecord:
    """A record with too few or too many fields, its fields laid over the file's columns in order.

    Surplus fields are kept, joined with commas into the file's last column, so nothing is lost.
    """
    found, expected = len(values), len(file_columns)
    if found > expected:
        values = [*values[: expected - 1], ",".join(values[expected - 1 :])]
    by_name = dict(zip(file_columns, values, strict=False))
    column = file_columns[found] if found < expected else file_columns[-1]
    return BadRecord(
        row=row,
        values=tuple(by_name.get(name, "") for name in columns),
        column=column,
        reason=f"wrong number of fields: {found}, expected {expected}",
    )


def _without_blank(rows: pa.Array, columns: dict[str, pa.Array]) -> tuple[pa.Array, dict[str, pa.Array]]:
    blank = None
    for array in columns.values():
        empty = pc.is_null(array)
        blank = empty if blank is None else pc.and_(blank, empty)
    if blank is None or not pc.any(blank).as_py():
        return rows, columns
    keep = pc.invert(blank)
    return rows.filter(keep), {name: array.filter(keep) for name, array in columns.items()}


class _CountingFile(io.RawIOBase):
    """A binary file that remembers how far it has been read, and does not let a reader run ahead.

    Arrow's CSV reader reads up to 32 blocks ahead in a background thread; here a read waits while
    more than ``ahead`` blocks have been read beyond the batches handed out (``release``), so the
    raw bytes in memory stay a few blocks whatever the file's size.
    """

    def __init__(self, handle: BinaryIO, *, block: int = 0, ahead: int = 3) -> None:
        self._handle = handle
        self.position = 0
        self._block = block
        self._ahead = ahead
        self._released = 0
        self._condition = threading.Condition()

    def readable(self) -> bool:
        return True

    def _wait_for_room(self) -> None:
        if not self._block:
            return
        with self._condition:
            # A timeout, not a deadlock, should a record ever be longer than the window.
            self._condition.wait_for(
                lambda: self.position < (self._released + self._ahead) * self._block or self.closed,
                timeout=30,
            )

    def release(self) -> None:
        with self._condition:
            self._released += 1
            self._condition.notify_all()

    def readinto(self, buffer: Any) -> int:
        self._wait_for_room()
        count = self._handle.readinto(buffer)  # type: ignore[attr-defined]
        self.position += count or 0
        return count or 0

    def read(self, size: int = -1) -> bytes:
        self._wait_for_room()
        data = self._handle.read(size)
        self.position += len(data)
        return data

    def close(self) -> None:
        self._handle.close()
        super().close()


class CsvReader:
    """CSV through Arrow's streaming parser (C++), one batch per block; no Python loop over rows."""

    def __init__(self, path: Path, entity: Entity) -> None:
        self.entity = entity
        self.total = path.stat().st_size
        self._file = _CountingFile(path.open("rb"), block=CSV_BLOCK_BYTES)
        self._invalid: deque[tuple[int, str]] = deque()
        names = entity.column_names
        try:
            self._reader = pcsv.open_csv(
                self._file,
                read_options=pcsv.ReadOptions(use_threads=False, block_size=CSV_BLOCK_BYTES),
                parse_options=pcsv.ParseOptions(
                    newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=self._on_invalid
                ),
                convert_options=pcsv.ConvertOptions(
                    column_types={name: pa.string() for name in names},
                    null_values=[""],
                    strings_can_be_null=True,
                    quoted_strings_can_be_null=True,
                ),
            )
        except pa.ArrowInvalid as error:
            self._file.close()
            raise FileRefused(_csv_problem(error), field="path") from None
        self._names = tuple(self._reader.schema.names)
        try:
            check_header(list(self._names), entity)
        except FileRefused:
            self.close()
            raise
        self._next_line = 2  # where the next record starts
        self._next_record = 2  # Arrow numbers records from 1, the header being record 1

    def _on_invalid(self, row: Any) -> str:
        # Called by Arrow's reader thread, in file order, before the batch holding the neighbours.
        self._invalid.append((row.number, row.text))
        return "skip"

    def close(self) -> None:
        self._file.close()
        self._file.release()

    def batches(self) -> Iterator[RawBatch]:
        names = self.entity.column_names
        while True:
            self._file.release()
            try:
                batch = self._reader.read_next_batch()
            except StopIteration:
                break
            except pa.ArrowInvalid as error:
                raise FileRefused(_csv_problem(error), field="path") from None
            columns = {name: batch.column(name) for name in names}
            yield self._numbered(columns, len(batch))
        while self._invalid:
            yield self._numbered({name: pa.array([], pa.string()) for name in names}, 0)

    def _numbered(self, columns: dict[str, pa.Array], count: int) -> RawBatch:
        breaks = _line_breaks(columns) if count else None
        # Line breaks inside the values of the records before each record of this batch.
        if breaks is None:
            breaks_before, breaks_total = None, 0
        else:
            inclusive = pc.cumulative_sum(breaks)
            breaks_before = pc.subtract(inclusive, breaks)
            breaks_total = inclusive[-1].as_py()
        # Place the malformed records Arrow skipped among this batch's records by record number.
        placed: list[tuple[int, str]] = []  # (records of this batch before it, its text)
        while self._invalid:
            number, text = self._invalid[0]
            before = (number - self._next_record - len(placed)) if number is not None else 0
            if before > count:
                break
            self._invalid.popleft()
            placed.append((max(before, 0), text))
        rows = pc.add(_indices(count), self._next_line)
        if breaks_before is not None:
            rows = pc.add(rows, breaks_before)
        bad: list[BadRecord] = []
        skipped_lines = 0
        shifts = [0] * (count + 1) if placed else []
        for before, text in placed:
            if breaks_before is None:
                inside = 0
            else:
                inside = breaks_total if before >= count else breaks_before[before].as_py()
            line = self._next_line + before + inside + skipped_lines
            values = next(csv.reader(io.StringIO(text)), [])
            bad.append(_count_mismatch(line, values, self._names, self.entity.column_names))
            width = 1 + text.count("\n")
            skipped_lines += width
            shifts[before] += width
        if placed and count:
            rows = pc.add(rows, pa.array(_running(shifts)[:count], pa.int64()))
        self._next_line += count + breaks_total + skipped_lines
        self._next_record += count + len(placed)
        rows, columns = _without_blank(rows, columns)
        return RawBatch(rows=rows, columns=columns, bad=bad, position=self._file.position)


_INDEX_CACHE: list[pa.Array] = [pa.array(range(1 << 16), pa.int64())]


def _indices(count: int) -> pa.Array:
    """0, 1, …, count - 1 as int64, without a Python loop per batch."""
    cached = _INDEX_CACHE[0]
    if len(cached) < count:
        cached = _INDEX_CACHE[0] = pa.array(range(max(count, 2 * len(cached))), pa.int64())
    return cached.slice(0, count)


def _running(shifts: list[int]) -> list[int]:
    total, result = 0, []
    for value in shifts:
        total += value
        result.append(total)
    return result


def _line_breaks(columns: dict[str, pa.Array]) -> pa.Array | None:
    """Line breaks inside each record's values, or None when there are none (the usual case)."""
    total = None
    for array in columns.values():
        for chunk in array.chunks if isinstance(array, pa.ChunkedArray) else [array]:
            buffers = chunk.buffers()
            data = buffers[2] if len(buffers) > 2 else None
            if data is None or b"\n" not in data.to_pybytes():
                continue
            counts = pc.fill_null(pc.count_substring(chunk, "\n"), 0)
            total = counts if total is None else pc.add(total, counts)
    return None if total is None else pc.cast(total, pa.int64())


def _csv_problem(error: Exception) -> str:
    text = str(error)
    if "Empty CSV file" in text:
        return "the file is empty: a CSV file starts with its header"
    if "UTF8" in text or "UTF-8" in text:
        return "the file is not UTF-8 text"
    return f"not a readable CSV file: {text}"


def _text(value: Any) -> str | None:
    """A JSON or spreadsheet value as interchange text (None for empty)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value or None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    raise TypeError(type(value).__name__)


class _Batcher:
    """Collects row-oriented records (JSON, XLSX) into columnar batches."""

    def __init__(self, entity: Entity) -> None:
        self.names = entity.column_names
        self.rows: list[int] = []
        self.values: list[list[str | None]] = [[] for _ in self.names]
        self.bad: list[BadRecord] = []

    def add(self, row: int, values: list[str | None]) -> None:
        if all(value is None for value in values):
            return
        self.rows.append(row)
        for column, value in zip(self.values, values, strict=True):
            column.append(value)

    def __len__(self) -> int:
        return len(self.rows) + len(self.bad)

    def flush(self, position: int) -> RawBatch:
        batch = RawBatch(
            rows=pa.array(self.rows, pa.int64()),
            columns={
                name: pa.array(values, pa.string())
                for name, values in zip(self.names, self.values, strict=True)
            },
            bad=self.bad,
            position=position,
        )
        self.rows, self.values, self.bad = [], [[] for _ in self.names], []
        return batch


class JsonReader:
    """A JSON array of objects, parsed incrementally (ijson); each object's keys are the columns."""

    def __init__(self, path: Path, entity: Entity) -> None:
        import ijson

        self.entity = entity
        self.total = path.stat().st_size
        self._file = path.open("rb")
        try:
            first_event = next(ijson.parse(self._file), None)
        except ijson.JSONError as error:
            self._file.close()
            raise FileRefused(f"not valid JSON: {error}", field="path") from None
        if first_event is None or first_event[1] != "start_array":
            self._file.close()
            raise FileRefused("a JSON interchange file is an array of objects, one per row", field="path")
        self._file.seek(0)
        self._items = ijson.items(self._file, "item", use_float=False)
        try:
            self._first = next(self._items, None)
        except ijson.JSONError as error:
            self._file.close()
            raise FileRefused(f"not valid JSON in record 1: {error}", field="path") from None
        if self._first is not None:
            if not isinstance(self._first, dict):
                self._file.close()
                raise FileRefused(
                    "record 1 is not an object: the file must be an array of objects", field="path"
                )
            try:
                check_header(list(self._first), entity)
            except FileRefused:
                self._file.close()
                raise

    def close(self) -> None:
        self._file.close()

    def batches(self) -> Iterator[RawBatch]:
        import ijson

        names = self.entity.column_names
        batcher = _Batcher(self.entity)
        number = 0
        records = self._items
        pending = self._first
        while pending is not None:
            number += 1
            self._record(batcher, number, pending, names)
            if len(batcher) >= BATCH_ROWS:
                yield batcher.flush(self._file.tell())
            try:
                pending = next(records, None)
            except ijson.JSONError as error:
                raise FileRefused(f"not valid JSON after record {number}: {error}", field="path") from None
        yield batcher.flush(self.total)

    @staticmethod
    def _record(batcher: _Batcher, number: int, record: Any, names: tuple[str, ...]) -> None:
        if not isinstance(record, dict):
            batcher.bad.append(
                BadRecord(number, ("",) * len(names), names[0], "not an object with the entity's columns")
            )
            return
        raw = [record.get(name) for name in names]
        shown = tuple("" if isinstance(value, dict | list) else (_text(value) or "") for value in raw)
        missing = [name for name in names if name not in record]
        unknown = [key for key in record if key not in names]
        problem: tuple[str, str] | None = None
        if missing:
            problem = (missing[0], "missing from this record")
        elif unknown:
            problem = (names[-1], f"unknown column {unknown[0]!r} in this record")
        else:
            for name, value in zip(names, raw, strict=True):
                if isinstance(value, dict | list):
                    problem = (name, "must be a string, number, boolean or null")
                    break
        if problem:
            batcher.bad.append(BadRecord(number, shown, problem[0], problem[1]))
            return
        batcher.add(number, [_text(value) for value in raw])


class XlsxReader:
    """The first worksheet of a workbook, streamed (openpyxl read-only mode); row 1 is the header."""

    def __init__(self, path: Path, entity: Entity) -> None:
        from openpyxl import load_workbook

        self.entity = entity
        try:
            self._workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises zip, XML and its own errors for a non-workbook
            raise FileRefused(f"not a readable XLSX workbook: {error}", field="path") from None
        sheet = self._workbook.worksheets[0]
        self.total = sheet.max_row or 0
        self._rows = sheet.iter_rows(values_only=True)
        header = next(self._rows, None)
        names = [_text(value) or "" for value in (header or ())]
        while names and names[-1] == "":
            names.pop()
        if not names:
            self.close()
            raise FileRefused("the first sheet is empty: row 1 must hold the column names", field="path")
        try:
            check_header(names, entity)
        except FileRefused:
            self.close()
            raise
        self._names = tuple(names)
        self._order = [names.index(name) for name in entity.column_names]
        self._width = len(names)

    def close(self) -> None:
        self._workbook.close()

    def batches(self) -> Iterator[RawBatch]:
        names = self.entity.column_names
        batcher = _Batcher(self.entity)
        number = 1
        for cells in self._rows:
            number += 1
            texts = [_text(value) for value in cells]
            while len(texts) > self._width and texts[-1] is None:
                texts.pop()
            if len(texts) > self._width:
                found = [text or "" for text in texts]
                batcher.bad.append(_count_mismatch(number, found, self._names, names))
            else:
                texts += [None] * (self._width - len(texts))
                batcher.add(number, [texts[index] for index in self._order])
            if len(batcher) >= BATCH_ROWS:
                yield batcher.flush(number)
        yield batcher.flush(number)
