"""Row numbers as reported (CSV lines, JSON records, sheet rows) and what each format's values become."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook

from keepwell.crm.models import Target
from keepwell.interchange.entities import ENTITIES
from keepwell.interchange.readers import open_reader
from keepwell.interchange.services import import_file
from keepwell.money.models import ExchangeRate
from keepwell.people.models import Employee
from keepwell.tenancy.context import tenant_context

pytestmark = pytest.mark.django_db

FX = ENTITIES["fx_rates"]


def _read(path, file_format, entity=FX):
    reader = open_reader(path, file_format, entity)
    try:
        rows, bad = [], []
        for batch in reader.batches():
            rows += batch.rows.to_pylist()
            bad += [(record.row, record.column, record.reason) for record in batch.bad]
        return rows, bad
    finally:
        reader.close()


def test_csv_rows_are_line_numbers_across_quoted_line_breaks_and_blank_lines(tmp_path):
    path = tmp_path / "fx.csv"
    path.write_bytes(
        "\ufeffdate,base,quote,rate\r\n"  # 1 (with a byte order mark)
        "2026-01-01,USD,CNY,7.1\r\n"  # 2
        "\r\n"  # 3: blank, not a row
        '2026-01-02,USD,"C\nN\nY",7.2\r\n'  # 4-6
        "2026-01-03,USD\r\n"  # 7: too few fields
        ",,,\r\n"  # 8: every field empty, not a row
        "2026-01-04,EUR,CNY,8,9\r\n"  # 9: too many
        "2026-01-05,EUR,CNY,8\r\n".encode()  # 10
    )

    rows, bad = _read(path, "csv")

    assert rows == [2, 4, 10]
    assert bad == [
        (7, "quote", "wrong number of fields: 2, expected 4"),
        (9, "rate", "wrong number of fields: 5, expected 4"),
    ]


def test_csv_line_numbers_hold_across_batches(tmp_path, monkeypatch):
    monkeypatch.setattr("keepwell.interchange.readers.CSV_BLOCK_BYTES", 64)
    lines = ["date,base,quote,rate"]
    for day in range(1, 29):
        lines.append(f'2026-02-{day:02d},USD,"C\nNY",7' if day % 5 == 0 else f"2026-02-{day:02d},USD,CNY,7")
        if day % 7 == 0:
            lines.append("2026-03-01,USD")
    path = tmp_path / "fx.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    rows, bad = _read(path, "csv")

    expected_rows, expected_bad, line = [], [], 2
    for text in lines[1:]:
        (expected_bad if text.endswith("USD") else expected_rows).append(line)
        line += 1 + text.count("\n")
    assert rows == expected_rows
    assert [row for row, _column, _reason in bad] == expected_bad


def test_xlsx_rows_are_sheet_rows_and_cells_may_be_typed(world, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["date", "base", "quote", "rate", None])  # trailing empty header cell
    sheet.append([datetime(2026, 1, 1), "USD", "CNY", 7.1])  # a date cell and a number
    sheet.append([])  # an empty row: skipped, but counted
    sheet.append([date(2026, 1, 2), "USD", "CNY", "7.2", None, None])
    sheet.append(["2026-01-03", "USD", "CNY", 7, "surplus"])
    sheet.append(["2026-01-04", "USD", "CNY", -1])
    path = tmp_path / "fx.xlsx"
    workbook.save(path)

    result = import_file(tenant=world.tenant_a, entity="fx_rates", path=path)

    assert result.summary() == "read 4, imported 2, updated 0, rejected 2"
    assert [str(rejection) for rejection in result.rejections] == [
        "row 5, rate: wrong number of fields: 5, expected 4",
        "row 6, rate: '-1' must be greater than 0",
    ]
    with tenant_context(world.tenant_a):
        assert sorted(ExchangeRate.objects.values_list("date", "rate")) == [
            (date(2026, 1, 1), Decimal("7.1000000000")),
            (date(2026, 1, 2), Decimal("7.2000000000")),
        ]


def test_json_reads_a_large_array_in_batches(world, tmp_path, monkeypatch):
    monkeypatch.setattr("keepwell.interchange.readers.BATCH_ROWS", 7)
    records = ",\n".join(
        json.dumps(
            {"employee_id": "N001", "month": f"2026-{month:02d}", "metric": "revenue", "value": 1000 * month}
        )
        for month in range(1, 13)
    )
    path = tmp_path / "targets.json"
    path.write_text(f"[\n{records}\n]\n", encoding="utf-8")

    result = import_file(tenant=world.tenant_a, entity="targets", path=path)

    assert result.summary() == "read 12, imported 12, updated 0, rejected 0"
    with tenant_context(world.tenant_a):
        assert Target.objects.get(month=date(2026, 12, 1)).value == Decimal("12000")


def test_an_empty_file_with_a_header_imports_nothing(world, tmp_path):
    path = tmp_path / "employees.csv"
    path.write_text(",".join(ENTITIES["employees"].column_names) + "\n", encoding="utf-8")
    with tenant_context(world.tenant_a):
        before = Employee.objects.count()

    result = import_file(tenant=world.tenant_a, entity="employees", path=path)

    assert result.summary() == "read 0, imported 0, updated 0, rejected 0"
    with tenant_context(world.tenant_a):
        assert Employee.objects.count() == before


def test_a_malformed_employee_row_is_reported_in_order_with_the_others(world, tmp_path):
    header = ",".join(ENTITIES["employees"].column_names)
    path = tmp_path / "employees.csv"
    path.write_text(
        f"{header}\n"
        "E1,One,,north,Z9,rep,2024-01-01,CN,Asia/Shanghai,CNY\n"
        "E2,Two,,north\n"
        "E3,Three,,north,,rep,2024-01-01,CN,Asia/Shanghai,CNY\n",
        encoding="utf-8",
    )

    result = import_file(tenant=world.tenant_a, entity="employees", path=path)

    assert [str(rejection) for rejection in result.rejections] == [
        "row 2, manager_id: unknown manager 'Z9'",
        "row 3, manager_id: wrong number of fields: 4, expected 10",
    ]
    assert result.rejected_path.read_text(encoding="utf-8").splitlines()[1:] == [
        "E1,One,,north,Z9,rep,2024-01-01,CN,Asia/Shanghai,CNY,2,manager_id,unknown manager 'Z9'",
        'E2,Two,,north,,,,,,,3,manager_id,"wrong number of fields: 4, expected 10"',
    ]
