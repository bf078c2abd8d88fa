from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve KeepWell with a production WSGI server (waitress), static files included."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args: Any, **options: Any) -> None:
        from waitress import serve

        from keepwell.config.wsgi import application

        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(
            f"KeepWell is serving on http://{options['host']}:{options['port']}/ (Ctrl+C stops it)"
        )
        serve(
            application,
            host=options["host"],
            port=options["port"],
            threads=options["threads"],
            ident="KeepWell",
        )
