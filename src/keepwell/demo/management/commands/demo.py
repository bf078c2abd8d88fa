from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from keepwell.errors import KeepWellError


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


class Command(BaseCommand):
    help = "The demo company: `demo generate` writes its files, `demo load` (re)creates the demo tenant."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        generate = actions.add_parser("generate", help="write the demo company's interchange files (CSV)")
        generate.add_argument("--out", type=Path, required=True, help="directory to write into")
        load = actions.add_parser(
            "load",
            help="create or refresh the demo tenant 'demo', evaluate it, open its renewal cases, give logins",
        )
        load.add_argument(
            "--dir", type=Path, default=None, help="where to write the files (default: var/demo)"
        )
        load.add_argument(
            "--no-evaluate",
            dest="evaluate",
            action="store_false",
            help="only import: no evaluation and no renewal scan",
        )
        for action in (generate, load):
            action.add_argument(
                "--employees", type=int, default=60, help="people in the company (default 60)"
            )
            action.add_argument(
                "--months", type=int, default=12, help="complete months of CRM facts (default 12)"
            )
            action.add_argument("--seed", type=int, default=1, help="same seed, same company (default 1)")
            action.add_argument(
                "--as-of", type=_date, default=None, help="the demo's today, YYYY-MM-DD (default: today)"
            )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "generate":
                self.generate(options)
            else:
                self.load(options)
        except (KeepWellError, ValueError) as error:
            raise CommandError(str(error)) from error

    def generate(self, options: dict[str, Any]) -> None:
        from keepwell.demo.generator import DemoSpec, generate, write_csv
        from keepwell.demo.services import demo_today

        spec = DemoSpec(
            as_of=options["as_of"] or demo_today(),
            employees=options["employees"],
            months=options["months"],
            seed=options["seed"],
        )
        dataset = generate(spec)
        paths = write_csv(dataset, options["out"])
        for entity, path in paths.items():
            self.stdout.write(f"{len(dataset.tables[entity]):>8}  {path}")
        story = dataset.manifest["story"]
        self.stdout.write(
            f"as of {spec.as_of}: Xiao Li ({story['employee_id']}, team {story['team']}), "  # type: ignore[index]
            f"story months {', '.join(story['months'])}"  # type: ignore[index]
        )

    def load(self, options: dict[str, Any]) -> None:
        from keepwell.demo.services import PASSWORD_VARIABLE, demo_load

        result = demo_load(
            as_of=options["as_of"],
            directory=options["dir"],
            seed=options["seed"],
            employees=options["employees"],
            months=options["months"],
            evaluate=options["evaluate"],
            report=lambda imported: self.stdout.write(f"  {imported.entity:<10} {imported.summary()}"),
            step=lambda name: self.stdout.write(f"{name} ..."),
        )
        total = sum(result.rows.values())
        removed = sum(result.removed.values())
        if result.skipped:
            self.stdout.write(
                f"Tenant '{result.tenant.slug}' ({result.tenant.name}) as of {result.as_of}: unchanged since "
                f"the last load of the same {total} rows (files, arguments, code and tenant data identical); "
                "nothing imported."
            )
        else:
            self.stdout.write(
                f"Tenant '{result.tenant.slug}' ({result.tenant.name}) as of {result.as_of}: "
                f"{total} rows loaded from {result.directory}, {removed} rows of an earlier load removed."
            )
        for wage in result.local_average_wages:
            self.stdout.write(
                f"Local average monthly wage {wage['jurisdiction']}: {wage['amount']} {wage['currency']} "
                f"from {wage['effective_from']} ({wage['note']}; it caps severance under LCL Art 47)."
            )
        for candidate in result.reserve_candidates:
            self.stdout.write(
                f"Reserve candidate {candidate['candidate_id']} {candidate['name']}: "
                f"{candidate['target_role']} for team {candidate['team']}, "
                f"ready {candidate['readiness_date']}."
            )
        if result.scan:
            scan = result.scan
            self.stdout.write(
                f"Evaluated as of {result.as_of}; renewal queue: {scan['contracts']} contracts ending within "
                f"the horizon, {scan['opened']} cases opened, {scan['refreshed']} refreshed, "
                f"{scan['closed']} closed."
            )
        elif result.evaluated:
            self.stdout.write(
                f"Evaluation and renewal cases as of {result.as_of} are those of the last load."
            )
        else:
            self.stdout.write("Not evaluated (--no-evaluate): run `keepwell renewal scan --tenant demo`.")
        timings = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in result.seconds.items())
        self.stdout.write(f"Time: {timings}.")
        self.stdout.write("Logins (password from " + PASSWORD_VARIABLE + ", or the demo default):")
        for login in result.logins:
            self.stdout.write(f"  {login.role:<9} {login.username:<14} {login.password}   {login.who}")
