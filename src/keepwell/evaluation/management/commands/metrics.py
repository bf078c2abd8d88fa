from __future__ import annotations

from typing import Any, Literal

from django.core.management.base import BaseCommand, CommandError, CommandParser

from keepwell.errors import KeepWellError
from keepwell.evaluation.management.commands.evaluate import parse_month
from keepwell.evaluation.selectors import export_table
from keepwell.tenancy.context import tenant_context
from keepwell.tenancy.services import tenant_get


class Command(BaseCommand):
    help = "Export stored metric values: one row per employee × month × metric."
    kind = "metrics"

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="write the stored values to a file")
        export.add_argument("--tenant", required=True)
        export.add_argument("--out", required=True)
        export.add_argument("--month", help="YYYY-MM (default: all months)")
        export.add_argument("--format", choices=["csv", "json"], help="default: from the file name, else csv")
        export.add_argument("--group-by", default="team", choices=["team", "department", "role", "tenant"])

    def handle(self, *args: Any, **options: Any) -> None:
        from keepwell.engine.export import BENCHMARK_EXPORT_COLUMNS, METRIC_EXPORT_COLUMNS, write_export

        month = parse_month(options["month"], "--month")
        out = options["out"]
        export_format: Literal["csv", "json"] = options["format"] or (
            "json" if out.lower().endswith(".json") else "csv"
        )
        try:
            tenant = tenant_get(slug=options["tenant"])
        except KeepWellError as error:
            raise CommandError(str(error)) from error
        with tenant_context(tenant):
            table = export_table(kind=self.kind, month=month, group_kind=options["group_by"])
        columns = METRIC_EXPORT_COLUMNS if self.kind == "metrics" else BENCHMARK_EXPORT_COLUMNS
        try:
            rows = write_export(table, out, columns=columns, export_format=export_format)
        except OSError as error:
            raise CommandError(f"--out: cannot write {out}: {error.strerror}") from error
        self.stdout.write(f"wrote {rows} rows to {out}")
