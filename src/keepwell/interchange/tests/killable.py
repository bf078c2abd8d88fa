"""Steps of the kill test, each run in its own process against a scratch database.

``python -m keepwell.interchange.tests.killable setup|victim|check DIRECTORY``; the database comes from
``KEEPWELL_DATABASE_URL``. ``victim`` prints ``WROTE n`` once its first batch is in the (open)
transaction, then waits to be killed.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

HEADER = ",".join(
    [
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
)


def _activities(path: Path, rows: int, duration: int) -> Path:
    lines = [HEADER]
    lines += [
        f"A{number:07d},E1,,,call,screening,2026-01-05T09:30:00.{number % 1000:03d}+08:00,{duration},,"
        for number in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _state() -> dict[str, object]:
    from django.db import connection
    from django.db.models import Sum

    from keepwell.audit.models import AuditEvent
    from keepwell.crm.models import Activity
    from keepwell.tenancy.context import tenant_context
    from keepwell.tenancy.models import Tenant

    with connection.cursor() as cursor:
        indexes = sorted(connection.introspection.get_constraints(cursor, Activity._meta.db_table))
    with tenant_context(Tenant.objects.get(slug="kill")):
        return {
            "activities": Activity.objects.count(),
            "minutes": Activity.objects.aggregate(total=Sum("duration_minutes"))["total"],
            "audit_events": AuditEvent.objects.count(),
            # SQLite builds the indexes of a table after a large import's rows: a kill must not lose them.
            "indexes": indexes,
        }


def setup(directory: Path) -> None:
    from django.core.management import call_command

    from keepwell.interchange.services import import_file
    from keepwell.tenancy.models import Tenant

    call_command("migrate", verbosity=0)
    tenant = Tenant.objects.create(slug="kill", name="Kill", reporting_currency="CNY")
    employees = directory / "employees.csv"
    employees.write_text(
        "employee_id,name,email,team,manager_id,role,hire_date,jurisdiction,timezone,currency\n"
        "E1,One,,north,,rep,2024-01-01,CN,Asia/Shanghai,CNY\n",
        encoding="utf-8",
    )
    import_file(tenant=tenant, entity="employees", path=employees)
    import_file(
        tenant=tenant, entity="activities", path=_activities(directory / "first.csv", 500, duration=1)
    )
    _activities(directory / "second.csv", 200_000, duration=2)  # updates the first 500, adds the rest
    print(json.dumps(_state()))


def victim(directory: Path) -> None:
    from django.db import connection

    from keepwell.interchange.services import import_file
    from keepwell.tenancy.models import Tenant

    def progress(step: str, done: int, total: int) -> None:
        with connection.cursor() as cursor:  # inside the import's transaction: its own writes show
            cursor.execute("SELECT count(*) FROM crm_activity")
            written = cursor.fetchone()[0]
        print(f"WROTE {written}", flush=True)
        time.sleep(600)

    import_file(
        tenant=Tenant.objects.get(slug="kill"),
        entity="activities",
        path=directory / "second.csv",
        progress=progress,
    )
    print("FINISHED", flush=True)  # never reached: the test kills the process first


def check(directory: Path) -> None:
    """The state, and whether an import runs again (no lock or half transaction left behind)."""
    from keepwell.interchange.services import import_file
    from keepwell.tenancy.models import Tenant

    state = _state()
    again = import_file(
        tenant=Tenant.objects.get(slug="kill"),
        entity="activities",
        path=_activities(directory / "third.csv", 3, 5),
    )
    print(json.dumps({**state, "import_again": again.summary()}))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "keepwell.config.settings")
    import django

    django.setup()
    step, directory = sys.argv[1], Path(sys.argv[2])
    {"setup": setup, "victim": victim, "check": check}[step](directory)


if __name__ == "__main__":
    main()
