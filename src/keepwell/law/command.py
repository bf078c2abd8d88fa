"""The ``law`` command: ``assess [FILE|-]`` and ``packs [--json]``, without Django.

``main`` takes its streams as arguments so the Django management command, the tests and any other shell
can run it. Exit status: 0 on success, 2 for unusable input (bad arguments, unreadable file, invalid JSON,
an invalid request; the message names the field).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import NoReturn, TextIO

from keepwell.law import assess, packs
from keepwell.law.errors import InvalidRequest

PROGRAM = "keepwell law"
USAGE_ERROR = 2


class _Stop(Exception):
    """Raised instead of ``sys.exit`` so ``main`` can return a status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _parser(stdout: TextIO, stderr: TextIO) -> argparse.ArgumentParser:
    class Parser(argparse.ArgumentParser):
        # argparse writes to sys.stdout/sys.stderr and exits; route both through our streams.
        def _print_message(self, message: str, file: object = None) -> None:
            if message:
                (stderr if file is stderr or file is sys.stderr else stdout).write(message)

        def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
            if message:
                stderr.write(message)
            raise _Stop(status)

        def error(self, message: str) -> NoReturn:
            self.print_usage(stderr)
            self.exit(USAGE_ERROR, f"{self.prog}: error: {message}\n")

    parser = Parser(prog=PROGRAM, description="Labor-law rule packs: assess renewal decisions, list packs.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    assess_command = commands.add_parser(
        "assess", help="assess one JSON request, or a JSON array of requests (SCHEMA.md)"
    )
    assess_command.add_argument("file", nargs="?", default="-", help="request file, or - for standard input")
    packs_command = commands.add_parser("packs", help="list the registered rule packs")
    packs_command.add_argument("--json", action="store_true", help="print the list as JSON")
    return parser


def _read(path: str, stdin: TextIO) -> str:
    if path == "-":
        return stdin.read()
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _dump(value: object, stdout: TextIO) -> None:
    stdout.write(json.dumps(value, indent=2, ensure_ascii=False))
    stdout.write("\n")


def _assess(path: str, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    source = "standard input" if path == "-" else path
    try:
        text = _read(path, stdin)
    except OSError as error:
        stderr.write(f"{PROGRAM} assess: cannot read {source}: {error.strerror or error}\n")
        return USAGE_ERROR
    try:
        # Numbers become Decimal so a wage written as a JSON number keeps its exact value.
        document = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        stderr.write(
            f"{PROGRAM} assess: invalid JSON in {source}: {error.msg} "
            f"(line {error.lineno}, column {error.colno})\n"
        )
        return USAGE_ERROR
    try:
        if isinstance(document, list):
            results: list[dict[str, object]] = []
            for index, request in enumerate(document):
                try:
                    results.append(assess(request))
                except InvalidRequest as error:
                    raise error.within(f"[{index}]") from None
            _dump(results, stdout)
        else:
            _dump(assess(document), stdout)
    except InvalidRequest as error:
        stderr.write(f"{PROGRAM} assess: invalid request: {error}\n")
        return USAGE_ERROR
    return 0


def _packs_text(stdout: TextIO) -> None:
    for pack in packs():
        until = pack["effective_to"] or "open"
        stdout.write(
            f"{pack['code']}  {pack['name']} ({pack['jurisdiction']})  version {pack['version']}  "
            f"in force {pack['effective_from']} to {until}  confidence {pack['confidence']}\n"
        )
        regions = pack["regions"]
        assert isinstance(regions, list)
        labels = [
            f"{region['name']} ({region['iso_code']})" if region["iso_code"] else str(region["name"])
            for region in regions
        ]
        none = "none (national law)" if pack["national"] else "none"
        stdout.write(f"  regions: {', '.join(labels) if labels else none}\n")
        for title, key in (("confidence notes", "confidence_notes"), ("not covered", "not_covered")):
            items = pack[key]
            assert isinstance(items, list)
            stdout.write(f"  {title}:\n")
            for item in items:
                stdout.write(f"    - {item}\n")


def main(argv: Sequence[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Run ``law`` with ``argv`` (without the program name); return the exit status."""
    try:
        arguments = _parser(stdout, stderr).parse_args(list(argv))
    except _Stop as stop:
        return stop.status
    if arguments.command == "assess":
        return _assess(arguments.file, stdin, stdout, stderr)
    if arguments.json:
        _dump(packs(), stdout)
    else:
        _packs_text(stdout)
    return 0
