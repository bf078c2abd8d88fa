"""The reserve list: people being prepared for a role, imported like any other entity."""

from __future__ import annotations

import datetime

import pytest

from keepwell.interchange.services import import_file
from keepwell.interchange.tests.files import write_csv
from keepwell.renewal.models import ReserveCandidate
from keepwell.tenancy.context import tenant_context

pytestmark = pytest.mark.django_db


def test_candidates_are_imported_and_bad_rows_are_named(world, tmp_path):
    path = write_csv(
        tmp_path / "reserve_candidates.csv",
        "reserve_candidates",
        [
            ["R1", "Nora Rep", "N001", "north", "sales_engineer", "2027-01-15"],
            ["R2", "Olga Outside", "", "south", "sales_engineer", "2026-12-20"],
            ["R3", "Nobody Team", "", "nowhere", "sales_engineer", "2026-12-20"],
            ["R4", "Ghost", "X999", "north", "sales_engineer", "2026-12-20"],
            ["R5", "Bad Date", "", "north", "sales_engineer", "2026-02-30"],
            ["R6", "Other Tenant", "", "berlin", "sales_engineer", "2026-12-20"],
        ],
    )

    result = import_file(tenant=world.tenant_a, entity="reserve_candidates", path=path)

    assert result.summary() == "read 6, imported 2, updated 0, rejected 4"
    # Row numbers count the header as row 1; tenant B's team is unknown to tenant A.
    assert [(r.row, r.column, r.reason) for r in result.rejections] == [
        (4, "team", "unknown org unit code 'nowhere'"),
        (5, "employee_id", "unknown employee 'X999'"),
        (6, "readiness_date", "'2026-02-30' is not a date (YYYY-MM-DD)"),
        (7, "team", "unknown org unit code 'berlin'"),
    ]
    with tenant_context(world.tenant_a):
        stored = list(
            ReserveCandidate.objects.order_by("candidate_id").values_list(
                "candidate_id", "name", "employee__employee_id", "team__code", "target_role", "readiness_date"
            )
        )
    assert stored == [
        ("R1", "Nora Rep", "N001", "north", "sales_engineer", datetime.date(2027, 1, 15)),
        ("R2", "Olga Outside", None, "south", "sales_engineer", datetime.date(2026, 12, 20)),
    ]
