"""Small interchange files for the tests, written as the user would write them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from keepwell.interchange.entities import ENTITIES


def write_csv(path: Path, entity: str, rows: list[list[str]], *, header: list[str] | None = None) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header if header is not None else ENTITIES[entity].column_names)
        writer.writerows(rows)
    return path


def write_json(path: Path, entity: str, rows: list[list[str]]) -> Path:
    names = ENTITIES[entity].column_names
    records = [{name: (value or None) for name, value in zip(names, row, strict=True)} for row in rows]
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


# One small, consistent company for tenant B (globex), whose employee B001 exists already.
COMPANY: dict[str, list[list[str]]] = {
    "fx_rates": [
        ["2026-01-01", "EUR", "CNY", "7.8123456789"],
        ["2026-01-01", "USD", "EUR", "0.91"],
        ["2026-02-01", "EUR", "CNY", "7.9"],
    ],
    "employees": [
        [
            "B100",
            "Anna Becker",
            "anna@example.com",
            "munich",
            "",
            "sales_director",
            "2020-03-01",
            "DE-BY",
            "Europe/Berlin",
            "EUR",
        ],
        [
            "B101",
            "李伟",
            "",
            "beijing",
            "B100",
            "sales_engineer",
            "2023-07-15",
            "cn-11",
            "Asia/Shanghai",
            "CNY",
        ],
        [
            "B102",
            'Carla, "CJ" Jones',
            "cj@example.com",
            "munich",
            "B101",
            "sales_engineer",
            "2024-01-02",
            "DE",
            "Europe/Berlin",
            "EUR",
        ],
    ],
    "contracts": [
        ["K-1", "B101", "1", "fixed_term", "2023-07-15", "2025-07-14", "18000.00", "CNY"],
        ["K-2", "B101", "2", "fixed_term", "2025-07-15", "2027-07-14", "21000.5", "CNY"],
        ["K-3", "B100", "1", "open_ended", "2020-03-01", "", "9000", "EUR"],
    ],
    "customers": [
        ["C1", "Globex Bank", "finance", "large", "B101"],
        ["C2", "Kleine GmbH", "", "", ""],
    ],
    "leads": [
        [
            "L1",
            "C1",
            "B101",
            "2026-01-05T09:00:00+08:00",
            "2026-01-20T10:30:00.250000+08:00",
            "",
            "",
            "120000.50",
            "CNY",
        ],
        ["L2", "", "B102", "2026-01-06T09:00:00Z", "", "", "2026-02-01T00:00:00Z", "", ""],
    ],
    "activities": [
        ["A1", "B101", "C1", "L1", "call", "screening", "2026-01-05T09:30:00+08:00", "30", "", ""],
        [
            "A2",
            "B101",
            "C1",
            "",
            "visit",
            "needs_discovery",
            "2026-01-07T14:00:00.123456+08:00",
            "90",
            "2026-01-06T20:00:00+08:00",
            "2026-01-07T08:00:00+08:00",
        ],
        ["A3", "B102", "", "", "email", "", "2026-01-08T23:59:59.999999-05:00", "", "", ""],
    ],
    "orders": [
        ["O1", "C1", "B101", "2026-01-25T10:00:00+08:00", "80000", "CNY"],
        ["O2", "C2", "B102", "2026-02-02T10:00:00+01:00", "1234.5678", "EUR"],
    ],
    "feedback": [
        ["F1", "C1", "B101", "2026-01-26T10:00:00+08:00", "5", "9", "false"],
        ["F2", "", "B102", "2026-02-03T10:00:00+01:00", "", "3", "true"],
    ],
    "tasks": [
        [
            "T1",
            "B101",
            "Send the offer",
            "follow_up",
            "2026-01-10T18:00:00+08:00",
            "2026-01-10T17:00:00+08:00",
        ],
        ["T2", "B102", "", "", "2026-01-11T18:00:00+01:00", ""],
    ],
    "targets": [
        ["B101", "2026-01", "revenue", "300000"],
        ["B101", "2026-01", "lead_conversion_rate", "0.15"],
        ["B102", "2026-02", "revenue", "50000.25"],
    ],
    "reserve_candidates": [
        ["R-1", "Anna Becker", "B100", "beijing", "sales_director", "2027-01-31"],
        ["R-2", "Jonas Weber", "", "munich", "sales_engineer", "2026-12-01"],
    ],
    "manager_ratings": [
        ["B101", "2026-01", "4", "B100"],
        ["B102", "2026-01", "5", ""],
        ["B101", "2026-02", "3", "B100"],
    ],
}
# Parents before children.
IMPORT_ORDER = (
    "fx_rates", "employees", "contracts", "customers", "leads",
    "activities", "orders", "feedback", "tasks", "targets", "reserve_candidates",
    "manager_ratings",
)  # fmt: skip
