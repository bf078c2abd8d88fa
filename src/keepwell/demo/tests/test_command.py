"""`keepwell demo generate`: arguments in, files out."""

from __future__ import annotations

import csv
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_generate_writes_the_files_for_the_given_arguments(tmp_path):
    output = StringIO()
    call_command(
        "demo",
        "generate",
        "--employees",
        "30",
        "--months",
        "4",
        "--seed",
        "3",
        "--as-of",
        "2026-11-27",
        "--out",
        str(tmp_path),
        stdout=output,
    )
    expected = {
        "employees",
        "contracts",
        "customers",
        "leads",
        "activities",
        "orders",
        "feedback",
        "tasks",
        "targets",
        "fx_rates",
    }
    assert {path.stem for path in tmp_path.glob("*.csv")} == expected
    with (tmp_path / "employees.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 30
    text = output.getvalue()
    assert "as of 2026-11-27" in text
    assert "story months 2026-08, 2026-09, 2026-10" in text


def test_generate_refuses_a_company_too_small(tmp_path):
    with pytest.raises(CommandError, match="at least 30 employees"):
        call_command("demo", "generate", "--employees", "5", "--out", str(tmp_path), stdout=StringIO())
    assert list(tmp_path.iterdir()) == []


def test_generate_refuses_a_malformed_date(tmp_path):
    with pytest.raises(CommandError, match="not a date"):
        call_command("demo", "generate", "--as-of", "27.11.2026", "--out", str(tmp_path), stdout=StringIO())
