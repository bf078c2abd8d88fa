from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from keepwell.errors import KeepWellError
from keepwell.evaluation.management.commands.evaluate import parse_date
from keepwell.renewal.selectors import renewal_case_for
from keepwell.renewal.services import (
    POLICY_SETTINGS,
    renewal_policy,
    renewal_policy_set,
    renewal_policy_view,
    renewal_scan,
)
from keepwell.tenancy.context import tenant_context
from keepwell.tenancy.selectors import tenant_today
from keepwell.tenancy.services import tenant_get


class Command(BaseCommand):
    help = (
        "Renewal cases: `renewal scan` opens one per contract ending soon; `renewal show` prints one; "
        "`renewal policy` shows or changes the tenant's scoring and renewal settings."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        scan = actions.add_parser("scan", help="open or refresh a case for every contract ending soon")
        scan.add_argument("--tenant", required=True)
        scan.add_argument("--as-of", help="YYYY-MM-DD (default: today in the tenant's time zone)")
        scan.add_argument("--horizon-days", type=int, help="default: the tenant's policy (90)")
        show = actions.add_parser("show", help="print the case of an employee's contract")
        show.add_argument("employee_id")
        show.add_argument("--tenant", required=True)
        show.add_argument("--as-of", help="recompute as of YYYY-MM-DD (default: the stored case)")
        show.add_argument("--json", action="store_true", help="the whole case as JSON (the default output)")
        policy = actions.add_parser(
            "policy", help="print the tenant's policy; with options, change it first (all or nothing)"
        )
        policy.add_argument("--tenant", required=True)
        for setting in POLICY_SETTINGS:
            policy.add_argument(
                f"--{setting.name.replace('_', '-')}",
                dest=f"policy_{setting.name}",
                metavar="VALUE",
                help=str(setting.label),
            )
        policy.add_argument(
            "--comparison-group", dest="policy_group", help="team, department, role or tenant"
        )
        policy.add_argument(
            "--weight",
            action="append",
            default=[],
            metavar="DIMENSION.METRIC=WEIGHT",
            help="e.g. attitude.csat=2 or performance.revenue=1; 0 removes the metric; repeatable",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            tenant = tenant_get(slug=options["tenant"])
        except KeepWellError as error:
            raise CommandError(str(error)) from error
        as_of = parse_date(options["as_of"], "--as-of") if options.get("as_of") else None
        try:
            if options["action"] == "scan":
                self._scan(tenant, as_of or tenant_today(tenant), options["horizon_days"])
            elif options["action"] == "policy":
                self._policy(tenant, options)
            else:
                with tenant_context(tenant):
                    case = renewal_case_for(employee_id=options["employee_id"], as_of=as_of)
                self.stdout.write(json.dumps(case, ensure_ascii=False, indent=2))
        except KeepWellError as error:
            raise CommandError(str(error)) from error

    def _policy(self, tenant: Any, options: dict[str, Any]) -> None:
        settings = {
            setting.name: options[f"policy_{setting.name}"]
            for setting in POLICY_SETTINGS
            if options[f"policy_{setting.name}"] is not None
        }
        weights: dict[str, str] = {}
        for item in options["weight"]:
            key, separator, value = item.partition("=")
            if not separator:
                raise KeepWellError("write DIMENSION.METRIC=WEIGHT", field=f"--weight {item}")
            weights[key.strip()] = value
        with tenant_context(tenant):
            changing = bool(settings or weights or options["policy_group"] is not None)
            policy = (
                renewal_policy_set(settings=settings, weights=weights, group=options["policy_group"])
                if changing
                else renewal_policy()
            )
            self.stdout.write(json.dumps(renewal_policy_view(policy), ensure_ascii=False, indent=2))
        if changing:
            self.stderr.write("Policy saved; `keepwell renewal scan` refreshes the open cases with it.")

    def _scan(self, tenant: Any, as_of: Any, horizon_days: int | None) -> None:
        bar = tqdm(total=0, file=sys.stderr, unit="case", disable=None, leave=False)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

        try:
            result = renewal_scan(tenant=tenant, as_of=as_of, horizon_days=horizon_days, progress=progress)
        finally:
            bar.close()
        self.stdout.write(
            f"{result['contracts']} contracts ending within the horizon: {result['opened']} cases opened, "
            f"{result['refreshed']} refreshed, {result['closed']} closed"
        )
