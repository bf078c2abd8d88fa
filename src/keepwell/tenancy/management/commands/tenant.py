from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from keepwell.errors import KeepWellError
from keepwell.tenancy.models import Tenant
from keepwell.tenancy.services import tenant_create


class Command(BaseCommand):
    help = "Create and list tenants."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="create a tenant")
        create.add_argument("slug")
        create.add_argument("--name", required=True)
        create.add_argument("--currency", default="USD", help="reporting currency (ISO 4217)")
        create.add_argument("--timezone", default="UTC", help="IANA time zone")
        create.add_argument("--language", default="en")
        create.add_argument("--jurisdiction", default="")
        actions.add_parser("list", help="list tenants")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            for tenant in Tenant.objects.all():
                self.stdout.write(
                    f"{tenant.slug}\t{tenant.name}\t{tenant.reporting_currency}\t{tenant.time_zone}"
                )
            return
        try:
            tenant = tenant_create(
                slug=options["slug"],
                name=options["name"],
                reporting_currency=options["currency"],
                time_zone=options["timezone"],
                language=options["language"],
                jurisdiction=options["jurisdiction"],
            )
        except KeepWellError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"created tenant {tenant.slug} ({tenant.name})")
