"""``python -m keepwell.ops.probe postgres URL``: exit 0 when the service answers (used by make test)."""

from __future__ import annotations

import sys


def postgres_reachable(url: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "postgres":
        print("usage: python -m keepwell.ops.probe postgres URL", file=sys.stderr)
        return 2
    return 0 if postgres_reachable(argv[1]) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
