"""A generated demo company written to a directory, with its manifest and a reference reader."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from keepwell.demo.generator import DemoSpec, generate, write_csv
from keepwell.demo.tests.reference import Reference, read

AS_OF = date(2026, 11, 27)


@dataclass
class Demo:
    as_of: date
    directory: Path
    reference: Reference
    manifest: dict

    def rows(self, entity: str) -> list[dict[str, str]]:
        return read(self.directory, entity)


def build_demo(directory: Path, spec: DemoSpec) -> Demo:
    write_csv(generate(spec), directory)
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    return Demo(spec.as_of, directory, Reference(directory, as_of=spec.as_of), manifest)
