"""``keepwell law``: argument handling, standard input, batches, exit statuses."""

from __future__ import annotations

import io
import json

import pytest

from keepwell.law import assess
from keepwell.law.command import main
from keepwell.law.tests.factory import china_request


def _run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    status = main(argv, io.StringIO(stdin), stdout, stderr)
    return status, stdout.getvalue(), stderr.getvalue()


def test_assess_reads_standard_input_by_default() -> None:
    request = china_request(region="Beijing")

    status, stdout, stderr = _run(["assess"], json.dumps(request))

    assert (status, stderr) == (0, "")
    assert json.loads(stdout) == assess(request)


def test_assess_answers_a_batch_with_a_list_in_the_same_order() -> None:
    requests = [china_request(region="Beijing"), china_request(jurisdiction="ZZ")]

    status, stdout, _ = _run(["assess", "-"], json.dumps(requests))

    assert status == 0
    assert [item["supported"] for item in json.loads(stdout)] == [True, False]


def test_json_numbers_keep_their_exact_value() -> None:
    """A wage written as the JSON number 20000.10 is read as Decimal, never as a binary float."""
    text = json.dumps(china_request(wage="WAGE")).replace('"WAGE"', "20000.10")

    status, stdout, _ = _run(["assess", "-"], text)

    assert status == 0
    assert json.loads(stdout)["severance"]["amount"] == "60000.30"


def test_output_keeps_chinese_text_readable() -> None:
    status, stdout, _ = _run(["assess", "-"], json.dumps(china_request(region="北京")))

    assert status == 0
    assert '"region": "北京"' in stdout


@pytest.mark.parametrize(
    ("label", "argv", "status", "stream", "text"),
    [
        ("no subcommand", [], 2, "stderr", "the following arguments are required: command"),
        ("unknown subcommand", ["fire"], 2, "stderr", "invalid choice: 'fire'"),
        ("unknown option", ["packs", "--yaml"], 2, "stderr", "unrecognized arguments: --yaml"),
        ("help", ["--help"], 0, "stdout", "usage: keepwell law"),
        ("assess help", ["assess", "--help"], 0, "stdout", "request file, or - for standard input"),
    ],
)
def test_arguments(label: str, argv: list[str], status: int, stream: str, text: str) -> None:
    actual_status, stdout, stderr = _run(argv)

    assert actual_status == status, label
    assert text in (stdout if stream == "stdout" else stderr), label
