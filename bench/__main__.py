"""Run every benchmark at its default (quick) size: ``python -m bench``."""

from __future__ import annotations

from bench.evaluate.__main__ import main as evaluate_main


def main() -> int:
    return evaluate_main(["--employees", "1000", "--months", "12"])


if __name__ == "__main__":
    raise SystemExit(main())
