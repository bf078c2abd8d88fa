from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Labor-law rule packs: `law assess [FILE|-]` and `law packs [--json]`."

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.add_argument("words", nargs=argparse.REMAINDER)
        return parser

    def handle(self, *args: Any, **options: Any) -> None:
        from keepwell.law.command import main

        # The pure package parses its own arguments; its exit status is the command's.
        # The raw streams: Django's OutputWrapper would add a newline after every write of the JSON.
        stdout = cast(TextIO, self.stdout._out)
        stderr = cast(TextIO, self.stderr._out)
        status = main(list(options["words"]), sys.stdin, stdout, stderr)
        if status:
            sys.exit(status)
