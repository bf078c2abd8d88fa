"""Writing interchange files (CSV, JSON, XLSX) and the rejected-rows file, streaming.

Canonical export form, the same in every format, so that export → import → export is byte-identical:

* rows ordered by the entity's key (code-point order of the text), columns in DESIGN.md order;
* timestamps in UTC as ``YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00`` (six fractional digits, only when the
  microseconds are not 0); dates ``YYYY-MM-DD``; months ``YYYY-MM``;
* decimals in plain notation without exponent or trailing zeros (``12.5``, ``7``, ``0.0001``);
* whole numbers in digits; booleans ``true``/``false``; a missing value is empty.

CSV: UTF-8, header first, ``\\n`` line ends, quotes only where needed. JSON: an array with one object
per line, keys in column order, whole numbers and booleans as JSON numbers and booleans, missing values
``null``, everything else a string. XLSX: one sheet named after the entity, header in row 1, inline
strings (whole numbers and booleans as such), and fixed workbook and zip timestamps.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from keepwell.interchange.entities import Entity, Kind

# Fixed timestamps make workbooks byte-identical: zip entries (earliest DOS date) and the core properties.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
WORKBOOK_TIMESTAMP = datetime(1980, 1, 1)  # noqa: DTZ001 (the XLSX core properties are naive, meaning UTC)
REJECTED_COLUMNS = ("row", "column", "reason")


class _AtomicFile:
    """A file written beside its destination and renamed over it only when complete."""

    def __init__(self, path: Path, *, binary: bool = False) -> None:
        self.path = path
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or ".")
        os.close(descriptor)
        self.temporary = Path(name)
        self.binary = binary

    def commit(self) -> None:
        os.replace(self.temporary, self.path)

    def discard(self) -> None:
        self.temporary.unlink(missing_ok=True)


def _text_rows(entity: Entity, rows: Iterable[tuple[Any, ...]]) -> Iterable[list[str]]:
    for row in rows:
        yield ["" if value is None else _as_text(value) for value in row]


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_csv(path: Path, entity: Entity, rows: Iterable[tuple[Any, ...]]) -> int:
    target = _AtomicFile(path)
    count = 0
    try:
        with target.temporary.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(entity.column_names)
            for row in _text_rows(entity, rows):
                writer.writerow(row)
                count += 1
        target.commit()
    except BaseException:
        target.discard()
        raise
    return count


def _json_value(kind: Kind, value: Any) -> Any:
    if value is None or value == "":
        return None
    if kind in (Kind.INTEGER, Kind.BOOLEAN):
        return value
    return _as_text(value)


def write_json(path: Path, entity: Entity, rows: Iterable[tuple[Any, ...]]) -> int:
    target = _AtomicFile(path)
    names, kinds = entity.column_names, [column.kind for column in entity.columns]
    count = 0
    try:
        with target.temporary.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write("[")
            for row in rows:
                record = {
                    name: _json_value(kind, value)
                    for name, kind, value in zip(names, kinds, row, strict=True)
                }
                handle.write(",\n" if count else "\n")
                handle.write(json.dumps(record, ensure_ascii=False))
                count += 1
            handle.write("\n]\n")
        target.commit()
    except BaseException:
        target.discard()
        raise
    return count


class _FixedTimeZipFile(zipfile.ZipFile):
    """A zip whose entries all carry ``ZIP_TIMESTAMP`` (openpyxl would stamp the current time)."""

    def _entry(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname.date_time = ZIP_TIMESTAMP
            info = zinfo_or_arcname
        else:
            info = self._entry(str(zinfo_or_arcname))
        super().writestr(info, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        info = self._entry(str(arcname or filename))
        with open(filename, "rb") as source, self.open(info, "w") as destination:
            shutil.copyfileobj(source, destination, 1 << 20)


def _xlsx_value(kind: Kind, value: Any) -> Any:
    if value is None or value == "":
        return None
    if kind in (Kind.INTEGER, Kind.BOOLEAN):
        return value
    return _as_text(value)


def write_xlsx(path: Path, entity: Entity, rows: Iterable[tuple[Any, ...]]) -> int:
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    target = _AtomicFile(path)
    kinds = [column.kind for column in entity.columns]
    count = 0
    try:
        workbook = Workbook(write_only=True)
        workbook.properties.creator = "KeepWell"
        workbook.properties.created = WORKBOOK_TIMESTAMP
        workbook.properties.modified = WORKBOOK_TIMESTAMP
        sheet = workbook.create_sheet(entity.name)
        sheet.append(list(entity.column_names))
        for row in rows:
            sheet.append([_xlsx_value(kind, value) for kind, value in zip(kinds, row, strict=True)])
            count += 1
        with _FixedTimeZipFile(target.temporary, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            ExcelWriter(workbook, archive).save()
        target.commit()
    except BaseException:
        target.discard()
        raise
    return count


WRITERS = {"csv": write_csv, "json": write_json, "xlsx": write_xlsx}


class RejectedWriter:
    """``PATH.rejected.csv``: the rejected rows' original columns, then row, column and reason.

    Written beside the input while the import runs, put in place when it ends; an import without
    rejections removes an old one, so the file always belongs to the last import of that path.
    """

    def __init__(self, source: Path, entity: Entity) -> None:
        self.path = source.with_name(source.name + ".rejected.csv")
        self._file = _AtomicFile(self.path)
        self._handle: TextIO = self._file.temporary.open("w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._handle, lineterminator="\n")
        self._columns = list(entity.column_names)
        self._writer.writerow([*self._columns, *REJECTED_COLUMNS])
        self.count = 0

    def write(self, values: Iterable[Any], row: int, column: str, reason: str) -> None:
        self._writer.writerow([*("" if value is None else value for value in values), row, column, reason])
        self.count += 1

    def restart(self) -> None:
        """Forget the rows written so far (the file is about to be read again from its start)."""
        self._handle.seek(0)
        self._handle.truncate()
        self._writer.writerow([*self._columns, *REJECTED_COLUMNS])
        self.count = 0

    def commit(self) -> Path | None:
        self._handle.close()
        if self.count:
            self._file.commit()
            return self.path
        self._file.discard()
        self.path.unlink(missing_ok=True)
        return None

    def discard(self) -> None:
        self._handle.close()
        self._file.discard()
