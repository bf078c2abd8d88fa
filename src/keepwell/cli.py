"""The ``keepwell`` command: KeepWell's own commands and every Django management command."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "keepwell.config.settings")
    from django.core.management import execute_from_command_line

    arguments = list(sys.argv[1:] if argv is None else argv)
    execute_from_command_line(["keepwell", *arguments])


if __name__ == "__main__":
    main()
