# ruff: noqa: E501 - the case tables read better unwrapped
"""A 10,000-row activities file with exactly five malformed rows, imported twice."""

from __future__ import annotations

import csv

import pytest

from keepwell.audit.models import AuditEvent
from keepwell.crm.models import Activity
from keepwell.interchange.services import Rejection, import_file
from keepwell.tenancy.context import tenant_context

pytestmark = pytest.mark.django_db

HEADER = "activity_id,employee_id,customer_id,lead_id,kind,purpose,started_at,duration_minutes,inbound_at,replied_at"
EMPLOYEES = ("D001", "N000", "N001", "N002", "S000", "S001")
# line number (header = line 1) -> the malformed line written there, and what the import must say
MALFORMED = {
    1001: ("BAD-1,N001,,,call,screening,2026-01-05 09:30:00,30,,", "started_at"),
    2502: ("BAD-2,X999,,,call,screening,2026-01-05T09:30:00+08:00,30,,", "employee_id"),
    5003: ("BAD-3,N002,,,visit,follow_up,2026-01-05T09:30:00+08:00,-5,,", "duration_minutes"),
    7504: (",S001,,,email,,2026-01-05T09:30:00+08:00,15,,", "activity_id"),
    9999: ("BAD-5,S000,,,call,demo,2026-01-05T09:30:00+08:00,15,", "replied_at"),
}
REASONS = {
    1001: "'2026-01-05 09:30:00' has no UTC offset (write it as 2026-01-31T09:30:00+08:00 or …Z)",
    2502: "unknown employee 'X999'",
    5003: "'-5' must not be negative",
    7504: "missing id (the column is required)",
    9999: "wrong number of fields: 9, expected 10",
}


def _activities_file(path):
    lines = [HEADER]
    for number in range(10_000):
        line_number = number + 2
        if line_number in MALFORMED:
            lines.append(MALFORMED[line_number][0])
            continue
        employee = EMPLOYEES[number % len(EMPLOYEES)]
        minute = number % 60
        lines.append(
            f"A{number:06d},{employee},,,call,screening,2026-01-05T09:{minute:02d}:00.{number % 1000:03d}+08:00,"
            f"{number % 240},,"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_exactly_the_five_malformed_rows_are_rejected_with_row_and_column(world, tmp_path):
    path = _activities_file(tmp_path / "activities.csv")

    result = import_file(tenant=world.tenant_a, entity="activities", path=path)

    assert result.summary() == "read 10000, imported 9995, updated 0, rejected 5"
    assert result.rejections == tuple(
        Rejection(row, column, REASONS[row]) for row, (_line, column) in sorted(MALFORMED.items())
    )
    with tenant_context(world.tenant_a):
        assert Activity.objects.count() == 9995
        assert not Activity.objects.filter(activity_id__startswith="BAD").exists()


def test_the_rejected_rows_are_written_beside_the_file_with_their_original_values(world, tmp_path):
    path = _activities_file(tmp_path / "activities.csv")

    result = import_file(tenant=world.tenant_a, entity="activities", path=path)

    assert result.rejected_path == tmp_path / "activities.csv.rejected.csv"
    with result.rejected_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [*HEADER.split(","), "row", "column", "reason"]
    assert rows[1] == [*MALFORMED[1001][0].split(","), "1001", "started_at", REASONS[1001]]
    assert rows[2] == [*MALFORMED[2502][0].split(","), "2502", "employee_id", REASONS[2502]]
    assert rows[4] == ["", *MALFORMED[7504][0].split(",")[1:], "7504", "activity_id", REASONS[7504]]
    assert rows[5] == [*MALFORMED[9999][0].split(","), "", "9999", "replied_at", REASONS[9999]]
    assert rows[3][-3:] == ["5003", "duration_minutes", REASONS[5003]]
    assert len(rows) == 6


def test_importing_the_same_file_again_updates_and_duplicates_nothing(world, tmp_path):
    path = _activities_file(tmp_path / "activities.csv")
    import_file(tenant=world.tenant_a, entity="activities", path=path)
    with tenant_context(world.tenant_a):
        before = dict(Activity.objects.values_list("activity_id", "pk"))

    again = import_file(tenant=world.tenant_a, entity="activities", path=path)

    assert again.summary() == "read 10000, imported 0, updated 9995, rejected 5"
    with tenant_context(world.tenant_a):
        assert dict(Activity.objects.values_list("activity_id", "pk")) == before


def test_a_changed_row_is_updated_in_place(world, tmp_path):
    path = tmp_path / "activities.csv"
    path.write_text(f"{HEADER}\nA1,N001,,,call,screening,2026-01-05T09:30:00+08:00,30,,\n", encoding="utf-8")
    import_file(tenant=world.tenant_a, entity="activities", path=path)
    path.write_text(f"{HEADER}\nA1,N002,,,visit,,2026-01-06T09:30:00Z,,,\n", encoding="utf-8")

    result = import_file(tenant=world.tenant_a, entity="activities", path=path)

    assert result.summary() == "read 1, imported 0, updated 1, rejected 0"
    with tenant_context(world.tenant_a):
        activity = Activity.objects.get(activity_id="A1")
        assert (
            activity.employee.employee_id,
            activity.kind,
            activity.purpose,
            activity.duration_minutes,
        ) == (
            "N002",
            "visit",
            "",
            None,
        )


def test_every_import_writes_one_audit_event_with_its_counts(world, tmp_path):
    path = _activities_file(tmp_path / "activities.csv")
    with tenant_context(world.tenant_a):
        before = AuditEvent.objects.count()

    import_file(tenant=world.tenant_a, entity="activities", path=path, actor=world.users["hr_a"])

    with tenant_context(world.tenant_a):
        assert AuditEvent.objects.count() == before + 1
        event = AuditEvent.objects.order_by("-sequence").first()
    assert (event.action, event.object_type, event.object_id, event.actor_label) == (
        "interchange.import",
        "activities",
        "activities.csv",
        "hr_a",
    )
    assert event.data == {
        "file": "activities.csv",
        "format": "csv",
        "read": 10000,
        "imported": 9995,
        "updated": 0,
        "rejected": 5,
    }


def test_an_import_without_rejections_removes_an_old_rejected_file(world, tmp_path):
    path = _activities_file(tmp_path / "activities.csv")
    first = import_file(tenant=world.tenant_a, entity="activities", path=path)
    assert first.rejected_path.exists()
    path.write_text(f"{HEADER}\nA1,N001,,,call,screening,2026-01-05T09:30:00+08:00,30,,\n", encoding="utf-8")

    second = import_file(tenant=world.tenant_a, entity="activities", path=path)

    assert (second.rejected, second.rejected_path) == (0, None)
    assert not first.rejected_path.exists()


@pytest.mark.parametrize("group_rows", [0, 1500])
def test_many_small_batches_applied_alone_or_in_groups_report_the_same(
    world, tmp_path, monkeypatch, group_rows
):
    monkeypatch.setattr("keepwell.interchange.readers.CSV_BLOCK_BYTES", 8192)
    monkeypatch.setattr("keepwell.interchange.database.SqliteStage.group_rows", group_rows)
    monkeypatch.setattr("keepwell.interchange.database.PostgresStage.group_rows", group_rows)
    path = _activities_file(tmp_path / "activities.csv")
    positions = []

    result = import_file(
        tenant=world.tenant_a,
        entity="activities",
        path=path,
        progress=lambda step, done, total: positions.append(done),
    )

    assert result.summary() == "read 10000, imported 9995, updated 0, rejected 5"
    assert [rejection.row for rejection in result.rejections] == sorted(MALFORMED)
    assert len(positions) > 5
    assert positions == sorted(positions)
    assert positions[-1] == path.stat().st_size
    assert len(result.rejected_path.read_text(encoding="utf-8").splitlines()) == 6
