"""Employee files are resolved as a whole; a large organisation must not make that quadratic."""

from __future__ import annotations

import time

import pytest

from keepwell.interchange.entities import ENTITIES
from keepwell.interchange.services import import_file
from keepwell.people.models import Employee
from keepwell.tenancy.context import tenant_context

pytestmark = pytest.mark.django_db

PEOPLE = 20_000


def test_twenty_thousand_employees_with_managers_further_down_the_file(world, tmp_path):
    # Listed bottom-up, everyone's manager further down: a chain 40 deep into a tree; and one cycle.
    lines = [",".join(ENTITIES["employees"].column_names)]
    for number in range(PEOPLE):
        manager = f"M{number + 1}" if number < 40 else f"M{(number + PEOPLE) // 2}"
        if number == PEOPLE - 1:
            manager = ""
        lines.append(
            f"M{number},Person {number},,team-{number % 30},{manager},rep,2024-01-01,CN,Asia/Shanghai,CNY"
        )
    lines.append("X1,Loop one,,north,X2,rep,2024-01-01,CN,Asia/Shanghai,CNY")
    lines.append("X2,Loop two,,north,X1,rep,2024-01-01,CN,Asia/Shanghai,CNY")
    path = tmp_path / "employees.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()

    result = import_file(tenant=world.tenant_a, entity="employees", path=path)

    assert time.perf_counter() - started < 30  # quadratic resolution would take minutes
    assert result.summary() == f"read {PEOPLE + 2}, imported {PEOPLE}, updated 0, rejected 2"
    assert [str(rejection) for rejection in result.rejections] == [
        f"row {PEOPLE + 2}, manager_id: management cycle: X1 → X2 → X1",
        f"row {PEOPLE + 3}, manager_id: management cycle: X2 → X1 → X2",
    ]
    with tenant_context(world.tenant_a):
        assert Employee.objects.get(employee_id="M0").manager.employee_id == "M1"
        assert Employee.objects.get(employee_id="M4321").manager.employee_id == "M12160"
        assert Employee.objects.filter(employee_id__startswith="M", manager__isnull=True).count() == 1
