from __future__ import annotations

import re
import sys
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from keepwell.errors import KeepWellError
from keepwell.evaluation.services import evaluation_run
from keepwell.tenancy.services import tenant_get

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def parse_month(value: str | None, option: str) -> str | None:
    if value is not None and not MONTH.match(value):
        raise CommandError(f"{option}: expected YYYY-MM, got {value!r}")
    return value


def parse_date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option}: expected YYYY-MM-DD, got {value!r}") from None


class Command(BaseCommand):
    help = "Compute and store every metric and benchmark of a tenant (replacing the stored ones atomically)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tenant", required=True)
        parser.add_argument(
            "--as-of", required=True, help="YYYY-MM-DD: facts after the end of this day are ignored"
        )
        parser.add_argument(
            "--from", dest="month_from", help="first month YYYY-MM (default: earliest hire month)"
        )
        parser.add_argument("--to", dest="month_to", help="last month YYYY-MM (default: the as-of month)")
        parser.add_argument("--group-by", default="team", choices=["team", "department", "role", "tenant"])

    def handle(self, *args: Any, **options: Any) -> None:
        as_of = parse_date(options["as_of"], "--as-of")
        month_from = parse_month(options["month_from"], "--from")
        month_to = parse_month(options["month_to"], "--to")
        if month_from and month_to and month_from > month_to:
            raise CommandError("--from: after --to")
        try:
            tenant = tenant_get(slug=options["tenant"])
        except KeepWellError as error:
            raise CommandError(str(error)) from error
        bar = tqdm(total=1, file=sys.stderr, unit="step", disable=None, leave=False)

        def progress(step: str, done: int, total: int) -> None:
            bar.set_description(step)
            bar.total = max(total, 1)
            bar.n = done
            bar.refresh()

        try:
            run = evaluation_run(
                tenant=tenant,
                as_of=as_of,
                month_from=month_from,
                month_to=month_to,
                group_by=options["group_by"],
                progress=progress,
            )
        except KeepWellError as error:
            raise CommandError(str(error)) from error
        finally:
            bar.close()
        seconds = (run.finished_at - run.started_at).total_seconds() if run.finished_at else 0.0
        self.stdout.write(
            f"evaluated {run.employees} employees, {run.month_from}..{run.month_to}, "
            f"{run.metric_rows} metric values in {seconds:.1f} s"
        )
