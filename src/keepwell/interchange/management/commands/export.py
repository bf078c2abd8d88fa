"""``keepwell export ENTITY --tenant SLUG --out PATH [--format csv|xlsx|json]``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from keepwell.errors import KeepWellError
from keepwell.interchange.entities import ENTITIES
from keepwell.interchange.readers import FORMATS
from keepwell.interchange.services import export_file
from keepwell.tenancy.services import tenant_get


class Command(BaseCommand):
    help = "Export a tenant's rows of one entity as an interchange file (CSV, XLSX or JSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("entity", choices=list(ENTITIES))
        parser.add_argument("--tenant", required=True, help="the tenant's slug")
        parser.add_argument("--out", required=True, type=Path, help="the file to write")
        parser.add_argument("--format", choices=FORMATS, help="default: from the file's extension")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            tenant = tenant_get(slug=options["tenant"])
            result = export_file(
                tenant=tenant, entity=options["entity"], path=options["out"], file_format=options["format"]
            )
        except KeepWellError as error:
            raise CommandError(str(error), returncode=2) from None
        self.stdout.write(f"exported {result.rows} {result.entity} rows to {result.path}")
