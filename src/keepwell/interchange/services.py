"""Importing and exporting interchange files (DESIGN.md, "Interchange formats").

``import_file`` upserts one file of one entity into a tenant, in one transaction: a crash or a kill
part-way leaves the database as it was. Rows are streamed in batches, checked column-wise
(``validation``), staged and applied set-wise (``database``); each rejected row is reported with its
row number, column and reason and written to ``PATH.rejected.csv``. Afterwards
``read == imported + updated + rejected``; one audit event records the import.

``export_file`` writes the tenant's rows of an entity in canonical form (``writers``), streamed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import connection, transaction

from keepwell.audit.services import audit_record
from keepwell.interchange.database import (
    BulkLoadRefused,
    Encoded,
    Stage,
    combined,
    encrypt_salaries,
    import_connection,
    stage_for,
)
from keepwell.interchange.entities import Entity, entity_get
from keepwell.interchange.errors import FileRefused
from keepwell.interchange.pipeline import pipelined
from keepwell.interchange.readers import RawBatch, format_of, open_reader
from keepwell.interchange.selectors import export_rows
from keepwell.interchange.validation import CheckedBatch, ReferenceData, check
from keepwell.interchange.writers import WRITERS, RejectedWriter
from keepwell.tenancy.context import tenant_context
from keepwell.tenancy.models import Tenant

Progress = Callable[[str, int, int], Any]  # (step, done, total): bytes read of the file (rows for XLSX)
KEPT_REJECTIONS = 100  # in the result; every one is in PATH.rejected.csv


@dataclass(frozen=True)
class Rejection:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.column}: {self.reason}"


@dataclass(frozen=True)
class ImportResult:
    entity: str
    path: Path
    file_format: str
    read: int
    imported: int
    updated: int
    rejected: int
    rejections: tuple[Rejection, ...]  # the first KEPT_REJECTIONS, by row
    rejected_path: Path | None  # PATH.rejected.csv when something was rejected

    def summary(self) -> str:
        return f"read {self.read}, imported {self.imported}, updated {self.updated}, rejected {self.rejected}"


@dataclass(frozen=True)
class ExportResult:
    entity: str
    path: Path
    file_format: str
    rows: int


class _Tally:
    def __init__(self, rejected: RejectedWriter) -> None:
        self.read = self.imported = self.updated = 0
        self.kept: list[Rejection] = []
        self.out = rejected

    def reject(self, values: Any, row: int, column: str, reason: str) -> None:
        self.out.write(values, row, column, reason)
        if len(self.kept) < KEPT_REJECTIONS:
            self.kept.append(Rejection(row, column, reason))


def import_file(
    *,
    tenant: Tenant,
    entity: str,
    path: str | Path,
    file_format: str | None = None,
    actor: AbstractBaseUser | AnonymousUser | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Upsert the rows of an interchange file into ``tenant``; see the module docstring.

    Raises ``FileRefused`` (a ``KeepWellError`` naming the parameter or column) when the file cannot
    be used at all; nothing is changed then.
    """
    spec = entity_get(entity)
    path = Path(path)
    chosen = format_of(path, file_format)
    reader = open_reader(path, chosen, spec)
    try:
        with tenant_context(tenant):
            reference = ReferenceData.load()
            try:
                rejected = RejectedWriter(path, spec)
            except OSError as error:
                raise FileRefused(
                    f"cannot write the rejected rows beside the file: {error}", field="path"
                ) from None
            tally = _Tally(rejected)
            try:
                with import_connection(connection), transaction.atomic():
                    try:
                        with transaction.atomic():
                            _run(spec, tenant, reader, reference, tally, progress, allow_bulk=True)
                    except BulkLoadRefused:
                        # A new partition's rows broke a unique key: again, row-wise, which says where.
                        reader.close()
                        reader = open_reader(path, chosen, spec)
                        rejected.restart()
                        tally = _Tally(rejected)
                        _run(spec, tenant, reader, reference, tally, progress, allow_bulk=False)
                    audit_record(
                        action="interchange.import",
                        actor=actor,
                        object_type=spec.name,
                        object_id=path.name[:64],
                        data={
                            "file": path.name,
                            "format": chosen,
                            "read": tally.read,
                            "imported": tally.imported,
                            "updated": tally.updated,
                            "rejected": rejected.count,
                        },
                    )
            except BaseException:
                rejected.discard()
                raise
            rejected_path = rejected.commit()
    finally:
        reader.close()
    return ImportResult(
        entity=spec.name,
        path=path,
        file_format=chosen,
        read=tally.read,
        imported=tally.imported,
        updated=tally.updated,
        rejected=rejected.count,
        rejections=tuple(tally.kept),
        rejected_path=rejected_path,
    )


def _run(
    spec: Entity,
    tenant: Tenant,
    reader: Any,
    reference: ReferenceData,
    tally: _Tally,
    progress: Progress | None,
    *,
    allow_bulk: bool,
) -> None:
    stage = stage_for(connection, spec, tenant.pk, allow_bulk=allow_bulk)
    stage.create()

    def prepare(raw: RawBatch) -> tuple[CheckedBatch, Encoded, Encoded | None]:
        # In the reading thread: no database access here.
        checked = check(spec, raw, reference)
        if spec.name == "contracts":
            encrypt_salaries(checked)
        bad = stage.encode_bad(raw.bad) if spec.whole_file and raw.bad else None
        return checked, stage.encode(checked), bad

    pending: list[tuple[RawBatch, Encoded]] = []

    def apply_pending() -> None:
        applied = stage.apply_batch(Encoded.combine([encoded for _raw, encoded in pending]))
        tally.imported += applied.imported
        tally.updated += applied.updated
        _report(spec, [raw for raw, _encoded in pending], applied.rejections, tally)
        if progress is not None:
            progress(spec.name, pending[-1][0].position, reader.total)
        pending.clear()

    # The first batch tells the file's size (from how far into it the batch ends) before any is staged.
    batches = iter(reader.batches())
    first = next(batches, None)
    if first is not None and first.position:
        stage.expect(rows=reader.total * len(first) // first.position)
    for checked, payload, bad in pipelined(
        itertools.chain([first] if first is not None else [], batches), prepare
    ):
        stage.load(payload)
        tally.read += len(checked.raw)
        if spec.whole_file:
            if bad is not None:
                stage.load(bad)
            if progress is not None:
                progress(spec.name, checked.raw.position, reader.total)
            continue
        pending.append((checked.raw, payload))
        if sum(encoded.rows for _raw, encoded in pending) >= stage.group_rows:
            apply_pending()
    if pending:
        apply_pending()
    if spec.whole_file:
        applied = stage.apply_whole_file()
        tally.imported += applied.imported
        tally.updated += applied.updated
        for row, column, reason, values in stage.staged_rejections():
            tally.reject(values, row, column, reason)
    stage.drop()
    if tally.imported + tally.updated + tally.out.count != tally.read:
        raise RuntimeError(f"{spec.name}: counts do not add up ({tally.read} read)")  # a bug: roll back


def _report(
    spec: Entity, raws: list[RawBatch], rejections: list[tuple[int, str, str]], tally: _Tally
) -> None:
    """Write these batches' rejections, staged and structural, in row order with their original values."""
    structural = [(bad.row, bad.column, bad.reason, bad.values) for raw in raws for bad in raw.bad]
    if not rejections and not structural:
        return
    staged = []
    if rejections:
        rows = pa.concat_arrays([raw.rows for raw in raws])
        positions = pc.index_in(
            pa.array([row for row, _column, _reason in rejections], pa.int64()), value_set=rows
        )
        columns = [
            pa.concat_arrays([combined(raw.columns[name]) for raw in raws]).take(positions).to_pylist()
            for name in spec.column_names
        ]
        staged = [
            (row, column, reason, tuple(values[index] for values in columns))
            for index, (row, column, reason) in enumerate(rejections)
        ]
    for row, column, reason, values in sorted(staged + structural, key=lambda item: item[0]):
        tally.reject(values, row, column, reason)


def export_file(
    *,
    tenant: Tenant,
    entity: str,
    path: str | Path,
    file_format: str | None = None,
    actor: AbstractBaseUser | AnonymousUser | None = None,
) -> ExportResult:
    """Write the tenant's rows of ``entity`` to ``path`` in canonical form (see ``writers``)."""
    spec = entity_get(entity)
    path = Path(path)
    chosen = format_of(path, file_format)
    if not path.parent.is_dir():
        raise FileRefused(f"no directory {str(path.parent)!r}", field="out")
    with tenant_context(tenant):
        with transaction.atomic():
            count = WRITERS[chosen](path, spec, export_rows(spec, tenant.pk))
        with transaction.atomic():
            audit_record(
                action="interchange.export",
                actor=actor,
                object_type=spec.name,
                object_id=path.name[:64],
                data={"file": path.name, "format": chosen, "rows": count},
            )
    return ExportResult(entity=spec.name, path=path, file_format=chosen, rows=count)


__all__ = ["ExportResult", "FileRefused", "ImportResult", "Rejection", "Stage", "export_file", "import_file"]
