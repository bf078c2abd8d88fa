"""``keepwell import ENTITY PATH --tenant SLUG [--format csv|xlsx|json]``.

Prints each rejected row (row, column, reason) on stderr and, last, ``read N, imported N, updated N,
rejected N``. Exit status: 0 nothing rejected, 1 some rows rejected (all of them are in
``PATH.rejected.csv``), 2 the file could not be used at all (nothing was changed).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from keepwell.errors import KeepWellError
from keepwell.interchange.entities import ENTITIES
from keepwell.interchange.readers import FORMATS
from keepwell.interchange.services import import_file
from keepwell.tenancy.services import tenant_get

SHOWN_REJECTIONS = 20
PROGRESS_FROM_BYTES = 1 << 20  # a bar for files over ~1 MiB, about 10,000 rows


class Command(BaseCommand):
    help = "Import an interchange file (CSV, XLSX or JSON) of one entity into a tenant."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("entity", choices=list(ENTITIES))
        parser.add_argument("path", type=Path)
        parser.add_argument("--tenant", required=True, help="the tenant's slug")
        parser.add_argument("--format", choices=FORMATS, help="default: from the file's extension")

    def handle(self, *args: Any, **options: Any) -> None:
        bar = _ProgressBar()
        try:
            tenant = tenant_get(slug=options["tenant"])
            result = import_file(
                tenant=tenant,
                entity=options["entity"],
                path=options["path"],
                file_format=options["format"],
                progress=bar,
            )
        except KeepWellError as error:
            bar.close()
            raise CommandError(f"{error} — nothing was imported", returncode=2) from None
        except Exception as error:
            bar.close()
            raise CommandError(f"the import failed and was rolled back: {error!r}", returncode=2) from error
        bar.close()
        for rejection in result.rejections[:SHOWN_REJECTIONS]:
            self.stderr.write(str(rejection))
        if result.rejected > SHOWN_REJECTIONS:
            self.stderr.write(f"… {result.rejected - SHOWN_REJECTIONS} more")
        if result.rejected_path:
            self.stderr.write(f"rejected rows: {result.rejected_path}")
        self.stdout.write(result.summary())
        if result.rejected:
            sys.exit(1)


class _ProgressBar:
    """A tqdm bar on stderr, by bytes read, shown only for large files."""

    def __init__(self) -> None:
        self._bar: Any = None

    def __call__(self, step: str, done: int, total: int) -> None:
        if self._bar is None:
            if total < PROGRESS_FROM_BYTES:
                return
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="B", unit_scale=True, desc=step, file=sys.stderr, leave=False)
        self._bar.update(max(0, done - self._bar.n))

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
