"""Managers' ratings: imported like any interchange file, read back as the attitude score's optional input."""

from __future__ import annotations

from decimal import Decimal

import pytest

from keepwell.interchange.services import import_file
from keepwell.interchange.tests.files import write_csv
from keepwell.people.models import Employee
from keepwell.renewal.services import metric_observations
from keepwell.tenancy.context import tenant_context

pytestmark = pytest.mark.django_db


def _no_metrics(members, months):
    return []


def test_ratings_are_imported_checked_and_read_for_scoring(world, tmp_path):
    path = write_csv(
        tmp_path / "manager_ratings.csv",
        "manager_ratings",
        [
            ["N001", "2026-09", "4", "N000"],
            ["N001", "2026-10", "2", "N000"],
            ["N002", "2026-10", "6", "N000"],
            ["N002", "2026-13", "3", ""],
            ["X999", "2026-10", "3", ""],
            ["N001", "2026-10", "5", ""],
        ],
    )

    result = import_file(tenant=world.tenant_a, entity="manager_ratings", path=path)

    assert result.summary() == "read 6, imported 2, updated 0, rejected 4"
    assert [(r.row, r.column, r.reason) for r in result.rejections] == [
        (4, "rating", "'6' must be between 1 and 5"),
        (5, "month", "'2026-13' is not a month (YYYY-MM)"),
        (6, "employee_id", "unknown employee 'X999'"),
        (7, "employee_id", "duplicate employee_id and month, first at row 3"),
    ]
    with tenant_context(world.tenant_a):
        rep = Employee.objects.get(employee_id="N001")
        observations = metric_observations([rep], ["2026-08", "2026-09", "2026-10"], _no_metrics)
    assert [(o.employee_id, o.month, o.metric, o.value) for o in observations] == [
        ("N001", "2026-09", "manager_rating", Decimal(4)),
        ("N001", "2026-10", "manager_rating", Decimal(2)),
    ]

    # A later file corrects a rating: it is updated in place, by employee and month.
    again = write_csv(tmp_path / "again.csv", "manager_ratings", [["N001", "2026-10", "3", "N000"]])
    assert import_file(tenant=world.tenant_a, entity="manager_ratings", path=again).summary() == (
        "read 1, imported 0, updated 1, rejected 0"
    )
    with tenant_context(world.tenant_a):
        observations = metric_observations([rep], ["2026-10"], _no_metrics)
    assert [(o.month, o.value) for o in observations] == [("2026-10", Decimal(3))]
    # The other tenant has none.
    with tenant_context(world.tenant_b):
        assert metric_observations(list(Employee.objects.all()), ["2026-10"], _no_metrics) == []
