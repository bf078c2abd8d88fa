"""Property: whatever rows a file holds, each is either imported (and reads back exactly) or rejected.

Hypothesis writes activities files of random valid rows, some with random corruptions; the generator
knows which rows must be rejected and for which column, and what the others must read back as.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keepwell.crm.models import Activity
from keepwell.interchange.services import import_file
from keepwell.tenancy.context import tenant_context

pytestmark = pytest.mark.django_db

COLUMNS = [
    "activity_id",
    "employee_id",
    "customer_id",
    "lead_id",
    "kind",
    "purpose",
    "started_at",
    "duration_minutes",
    "inbound_at",
    "replied_at",
]
EMPLOYEES = ["D001", "N000", "N001", "N002", "S000", "S001"]
KINDS = ["call", "visit", "email", "meeting", "demo"]
PURPOSES = ["", "screening", "needs_discovery", "follow_up", "demo", "support"]
OFFSETS = [timezone(timedelta(minutes=minutes)) for minutes in (-600, -300, 0, 330, 480, 525, 840)]
# Corruptions caught while checking the row, each in its column (file order decides which is reported).
CHECKED = {
    "missing id": "activity_id",
    "bad kind": "kind",
    "no offset": "started_at",
    "impossible date": "started_at",
    "negative duration": "duration_minutes",
    "fractional duration": "duration_minutes",
    "bad inbound": "inbound_at",
}
CORRUPTIONS = [*CHECKED, "wrong field count", "duplicate id", "unknown employee"]

moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2040, 12, 31), timezones=st.sampled_from(OFFSETS)
)


@dataclass
class Row:
    values: dict[str, str]
    started: datetime
    duration: int | None
    inbound: datetime | None
    corruptions: list[str] = field(default_factory=list)

    @property
    def has_id(self) -> bool:
        return "missing id" not in self.corruptions and "wrong field count" not in self.corruptions


@st.composite
def files(draw):
    rows: list[Row] = []
    for number in range(draw(st.integers(min_value=1, max_value=40))):
        started = draw(moments)
        inbound = draw(st.none() | moments)
        duration = draw(st.none() | st.integers(min_value=0, max_value=100_000))
        row = Row(
            values={
                "activity_id": f"H{number}",
                "employee_id": draw(st.sampled_from(EMPLOYEES)),
                "customer_id": "",
                "lead_id": "",
                "kind": draw(st.sampled_from(KINDS)),
                "purpose": draw(st.sampled_from(PURPOSES)),
                "started_at": started.isoformat(),
                "duration_minutes": "" if duration is None else str(duration),
                "inbound_at": "" if inbound is None else inbound.isoformat(timespec="milliseconds"),
                "replied_at": "",
            },
            started=started,
            duration=duration,
            inbound=inbound,
        )
        earlier = [other for other in rows if other.has_id]
        for corruption in draw(st.lists(st.sampled_from(CORRUPTIONS), max_size=2, unique=True)):
            if corruption == "duplicate id" and not earlier:
                continue
            row.corruptions.append(corruption)
            _corrupt(row, corruption, draw, earlier)
        rows.append(row)
    return rows


def _corrupt(row: Row, corruption: str, draw, earlier: list[Row]) -> None:
    values = row.values
    if corruption == "missing id":
        values["activity_id"] = ""
    elif corruption == "duplicate id":
        values["activity_id"] = draw(st.sampled_from(earlier)).values["activity_id"] or "H0"
    elif corruption == "bad kind":
        values["kind"] = draw(st.sampled_from(["chat", "CALL", " call"]))
    elif corruption == "no offset":
        values["started_at"] = row.started.replace(tzinfo=None).isoformat()
    elif corruption == "impossible date":
        values["started_at"] = f"2026-02-{draw(st.integers(min_value=30, max_value=31))}T10:00:00Z"
    elif corruption == "negative duration":
        values["duration_minutes"] = str(-draw(st.integers(min_value=1, max_value=1000)))
    elif corruption == "fractional duration":
        values["duration_minutes"] = "1.5"
    elif corruption == "bad inbound":
        values["inbound_at"] = "soon"
    elif corruption == "unknown employee":
        values["employee_id"] = "NOBODY"


def _expected_column(row: Row, first_row_of: dict[str, int], line: int) -> str | None:
    if "wrong field count" in row.corruptions:
        return "replied_at"
    checked = [CHECKED[corruption] for corruption in row.corruptions if corruption in CHECKED]
    if checked:
        return min(checked, key=COLUMNS.index)
    if first_row_of.get(row.values["activity_id"], line) != line:
        return "activity_id"
    if "unknown employee" in row.corruptions:
        return "employee_id"
    return None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=files())
def test_every_row_is_imported_exactly_or_rejected_for_its_fault(world, tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("property") / "activities.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows:
            fields = [row.values[name] for name in COLUMNS]
            writer.writerow(fields[:-1] if "wrong field count" in row.corruptions else fields)
    with tenant_context(world.tenant_a):
        Activity.objects.all().delete()
    first_row_of: dict[str, int] = {}
    expected: dict[int, str] = {}
    good: dict[str, Row] = {}
    for line, row in enumerate(rows, start=2):
        column = _expected_column(row, first_row_of, line)
        if row.has_id:
            first_row_of.setdefault(row.values["activity_id"], line)
        if column:
            expected[line] = column
        else:
            good[row.values["activity_id"]] = row

    result = import_file(tenant=world.tenant_a, entity="activities", path=path)

    assert result.read == len(rows)
    assert result.imported + result.updated + result.rejected == result.read
    assert (result.imported, result.updated) == (len(good), 0)
    assert {rejection.row: rejection.column for rejection in result.rejections} == expected
    with tenant_context(world.tenant_a):
        stored = {activity.activity_id: activity for activity in Activity.objects.select_related("employee")}
    assert set(stored) == set(good)
    for activity_id, row in good.items():
        activity = stored[activity_id]
        assert activity.employee.employee_id == row.values["employee_id"]
        assert (activity.kind, activity.purpose) == (row.values["kind"], row.values["purpose"])
        assert activity.started_at == row.started
        assert activity.started_at.tzinfo == UTC
        assert activity.duration_minutes == row.duration
        expected_inbound = (
            None
            if row.inbound is None
            else row.inbound.replace(microsecond=row.inbound.microsecond // 1000 * 1000)
        )
        assert activity.inbound_at == expected_inbound

    again = import_file(tenant=world.tenant_a, entity="activities", path=path)
    assert (again.imported, again.updated, again.rejected) == (0, len(good), len(expected))
