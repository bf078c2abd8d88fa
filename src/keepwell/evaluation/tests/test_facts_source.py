"""Reading a tenant's facts from the database: every row of the tenant, typed, none of another tenant's."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pyarrow as pa
import pytest
from django.db import connection

from keepwell.crm.models import Activity, Customer, Feedback, Task
from keepwell.engine.evaluate import read_scanned
from keepwell.errors import KeepWellError
from keepwell.evaluation import facts_source
from keepwell.evaluation.facts_source import load_facts
from keepwell.people.models import Employee
from keepwell.tenancy.context import tenant_context

pytestmark = pytest.mark.django_db(transaction=True)


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


@pytest.fixture
def interleaved(crm_facts):
    """Tenant B's rows between tenant A's in every table that is read in slices, plus feedback and tasks."""
    world = crm_facts
    with tenant_context(world.tenant_b):
        rep_b = Employee.objects.get(employee_id="B001")
        customer_b = Customer.objects.create(customer_id="KB", name="Berlin GmbH", owner=rep_b)
        for index in range(3):
            Activity.objects.create(
                activity_id=f"B{index}",
                employee=rep_b,
                customer=customer_b,
                kind="visit",
                purpose="demo",
                started_at=_at("2026-10-05T09:00:00+00:00"),
                duration_minutes=90,
            )
        Feedback.objects.create(
            feedback_id="FB", employee=rep_b, submitted_at=_at("2026-10-06T09:00:00+00:00"), csat=1
        )
    with tenant_context(world.tenant_a):
        rep = Employee.objects.get(employee_id="N001")
        Activity.objects.create(
            activity_id="A5",
            employee=rep,
            kind="email",
            purpose="",
            started_at=_at("2026-10-21T03:04:05.123456+00:00"),
            inbound_at=_at("2026-10-21T01:00:00+00:00"),
            replied_at=_at("2026-10-21T03:04:05.123456+00:00"),
        )
        Feedback.objects.create(
            feedback_id="F1",
            employee=rep,
            submitted_at=_at("2026-10-22T02:00:00+00:00"),
            csat=5,
            nps=9,
            complaint=True,
        )
        Task.objects.create(
            task_id="T1", employee=rep, title="Call back", due_at=_at("2026-10-23T02:00:00+00:00")
        )
    return world


def _read(tenant):
    """The tenant's facts as an evaluation reads them (on PostgreSQL the engine's scans, run here)."""
    return read_scanned(load_facts(tenant))


def _low_cardinality() -> pa.DataType:
    """SQLite's facts are read here, their low-cardinality columns dictionary-encoded as from Parquet; the
    engine's own scans of PostgreSQL keep plain strings."""
    return pa.dictionary(pa.int32(), pa.string()) if connection.vendor == "sqlite" else pa.string()


def _sorted(table: pa.Table, *keys: str) -> list[dict[str, object]]:
    return table.sort_by([(key, "ascending") for key in keys]).to_pylist()


@pytest.mark.parametrize("slice_ids", [1, 2, 1_000_000])
def test_every_row_of_the_tenant_is_read_exactly_once_whatever_the_slicing(
    interleaved, monkeypatch, slice_ids
):
    monkeypatch.setattr(facts_source, "SQLITE_SLICE_IDS", slice_ids)
    facts = _read(interleaved.tenant_a)
    rep = Employee.objects.unscoped().get(employee_id="N001").pk
    activities = _sorted(facts.activities, "started_at")
    assert [(row["purpose"], row["duration_minutes"]) for row in activities] == [
        ("screening", 30),
        ("follow_up", 60),
        ("needs_discovery", 30),
        (None, None),
        ("screening", 45),
    ]
    assert {row["employee_key"] for row in activities} == {rep}
    assert activities[0]["started_at"] == datetime(2026, 9, 30, 16, 30, tzinfo=UTC)
    assert activities[3]["inbound_at"] == datetime(2026, 10, 21, 1, 0, tzinfo=UTC)
    assert activities[3]["replied_at"] == datetime(2026, 10, 21, 3, 4, 5, 123456, tzinfo=UTC)
    assert activities[3]["customer_key"] is None
    assert facts.activities.schema.field("started_at").type == pa.timestamp("us", tz="UTC")
    assert facts.activities.schema.field("purpose").type == _low_cardinality()
    assert facts.orders.schema.field("currency").type == _low_cardinality()
    assert [(row["amount"], row["currency"]) for row in _sorted(facts.orders, "ordered_at")] == [
        (Decimal("50000.0000"), "CNY"),
        (Decimal("1000.0000"), "EUR"),
    ]
    assert facts.leads.num_rows == 5
    assert [row["qualified_at"] for row in facts.leads.to_pylist() if row["qualified_at"]] == [
        datetime(2026, 10, 30, 2, 0, tzinfo=UTC)
    ]
    assert facts.feedback.to_pylist() == [
        {
            "employee_key": rep,
            "submitted_at": datetime(2026, 10, 22, 2, 0, tzinfo=UTC),
            "csat": 5,
            "nps": 9,
            "complaint": True,
        }
    ]
    assert facts.tasks.to_pylist() == [
        {"employee_key": rep, "due_at": datetime(2026, 10, 23, 2, 0, tzinfo=UTC), "completed_at": None}
    ]
    assert facts.targets.to_pylist() == [
        {"employee_key": rep, "month": "2026-10", "metric": "revenue", "value": Decimal("100000.0000")}
    ]
    assert facts.fx_rates.to_pylist() == [
        {"date": date(2026, 10, 1), "base": "EUR", "quote": "CNY", "rate": Decimal("7.8000000000")}
    ]
    team_a = ["D001", "N000", "N001", "N002", "S000", "S001"]
    assert sorted(facts.employees.column("employee_id").to_pylist()) == team_a


def test_empty_tables_are_read_with_their_columns(world):
    facts = _read(world.tenant_b)
    assert facts.activities.num_rows == 0
    assert facts.activities.schema.field("customer_key").type == pa.int64()
    assert facts.activities.schema.field("purpose").type == _low_cardinality()
    assert facts.employees.column("employee_id").to_pylist() == ["B001"]


class _Readers:
    """Stands in for the slice readers: counts the reads, holds no connection."""

    reads = 0
    closed = 0

    def __init__(self, threads: int) -> None:
        pass

    def read(self, reads: list[tuple[str, str]]) -> dict[str, pa.Table]:
        type(self).reads += 1
        return {"activities": pa.table({"n": [type(self).reads]})}

    def close(self) -> None:
        type(self).closed += 1


@pytest.fixture
def fake_readers(monkeypatch):
    readers = type("Readers", (_Readers,), {"reads": 0, "closed": 0})
    monkeypatch.setattr(facts_source, "_SliceReaders", readers)
    monkeypatch.setattr(facts_source, "_sqlite_reads", lambda tenant: [])
    return readers


def _versions(monkeypatch, values: list[int]) -> None:
    sequence = iter(values)
    monkeypatch.setattr(facts_source, "_sqlite_data_version", lambda: next(sequence))


def test_a_commit_during_the_read_makes_it_read_again(world, fake_readers, monkeypatch):
    # Version 7 before, 8 after the first read (someone committed), then 8 before and after the second.
    _versions(monkeypatch, [7, 8, 8, 8])
    tables = facts_source._read_sqlite(world.tenant_a, threads=2)
    assert tables["activities"].column("n").to_pylist() == [2]
    assert (fake_readers.reads, fake_readers.closed) == (2, 1)


def test_facts_that_keep_changing_are_refused_with_a_clear_error(world, fake_readers, monkeypatch):
    _versions(monkeypatch, [1, 2, 3, 4, 5, 6])
    with pytest.raises(KeepWellError, match="kept changing while they were read") as raised:
        facts_source._read_sqlite(world.tenant_a, threads=2)
    assert raised.value.code == "facts_changing"
    assert (fake_readers.reads, fake_readers.closed) == (3, 1)


def test_a_run_whose_facts_kept_changing_is_recorded_as_failed(crm_facts, monkeypatch):
    from keepwell.evaluation.models import EvaluationRun, RunStatus
    from keepwell.evaluation.services import evaluation_run

    def refuse(tenant, **options):
        raise KeepWellError("the facts kept changing while they were read", code="facts_changing")

    monkeypatch.setattr("keepwell.evaluation.services.load_facts", refuse)
    with pytest.raises(KeepWellError, match="kept changing"):
        evaluation_run(tenant=crm_facts.tenant_a, as_of=date(2026, 11, 27))
    with tenant_context(crm_facts.tenant_a):
        run = EvaluationRun.objects.get()
    assert (run.status, run.error) == (RunStatus.FAILED, "the facts kept changing while they were read")


@pytest.mark.sqlite_only
def test_a_sparse_id_range_is_cut_into_at_most_the_slice_limit(interleaved, monkeypatch):
    monkeypatch.setattr(facts_source, "SQLITE_SLICE_IDS", 1)
    monkeypatch.setattr(facts_source, "SQLITE_MAX_SLICES", 2)
    reads = facts_source._sqlite_reads(interleaved.tenant_a)
    activities = [sql for name, sql in reads if name == "activities"]
    ids = Activity.objects.unscoped().order_by("pk").values_list("pk", flat=True)
    first, last = ids.first(), ids.last()
    width = -(-(last - first + 1) // 2)
    assert len(activities) == 2
    assert f"id BETWEEN {first} AND {first + width - 1}" in activities[0]
    assert f"id BETWEEN {first + width} AND {last}" in activities[1]
    assert _read(interleaved.tenant_a).activities.num_rows == 5


def _activity_counts(tenant, employee_id: str, month: str) -> tuple[object, object]:
    """(activities, inbound contacts) of the employee-month in the tenant's stored snapshot."""
    from keepwell.evaluation.models import MetricSnapshot
    from keepwell.evaluation.services import snapshot_values

    with tenant_context(tenant):
        snapshot = MetricSnapshot.objects.get(employee__employee_id=employee_id, month=month)
    values = snapshot_values(snapshot)
    return values["activities"][1], values["response_24h_rate"][2]


@pytest.mark.postgres_only
def test_an_evaluation_reads_postgresql_in_one_snapshot_while_rows_arrive(interleaved):
    from keepwell.evaluation.services import evaluation_run

    tenant = interleaved.tenant_a
    as_of = date(2026, 11, 27)

    def arrive(step: str, done: int, total: int) -> None:
        # After the held tables were read, before the activities are streamed: a new inbound activity.
        if step == "orders":
            with tenant_context(tenant):
                Activity.objects.create(
                    activity_id="LATE",
                    employee=Employee.objects.get(employee_id="N001"),
                    kind="email",
                    started_at=_at("2026-10-21T05:00:00+00:00"),
                    inbound_at=_at("2026-10-21T04:00:00+00:00"),
                )

    evaluation_run(tenant=tenant, as_of=as_of, progress=arrive)
    assert _activity_counts(tenant, "N001", "2026-10") == ("4", "1")
    evaluation_run(tenant=tenant, as_of=as_of)
    assert _activity_counts(tenant, "N001", "2026-10") == ("5", "2")


@pytest.mark.postgres_only
@pytest.mark.parametrize("fails", ["attach", "engine"])
def test_an_unreadable_database_fails_the_run_with_an_error_naming_no_password(crm_facts, monkeypatch, fails):
    from keepwell.evaluation.models import EvaluationRun, RunStatus
    from keepwell.evaluation.services import evaluation_run

    right = facts_source._source_database()
    wrong = {**right, "NAME": "no_such_database", "PASSWORD": "s3cret"}
    # The first use reads the employees; the second gives the engine its source to scan.
    uses = iter([wrong] if fails == "attach" else [right, wrong])
    monkeypatch.setattr(facts_source, "_source_database", lambda: next(uses))
    with pytest.raises(KeepWellError, match="password=\\*\\*\\*") as raised:
        evaluation_run(tenant=crm_facts.tenant_a, as_of=date(2026, 11, 27))
    assert "s3cret" not in str(raised.value)
    with tenant_context(crm_facts.tenant_a):
        run = EvaluationRun.objects.get()
    assert run.status == RunStatus.FAILED
    assert "no_such_database" in run.error
    assert "s3cret" not in run.error


@pytest.mark.postgres_only
def test_the_database_is_let_go_as_soon_as_the_activities_are_read(interleaved):
    from keepwell.evaluation.services import evaluation_run

    held: dict[str, int] = {}

    def watch(step: str, done: int, total: int) -> None:
        if step in ("activity_started", "values"):  # between the two scans of the activities; after them
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_locks AS l JOIN pg_class AS c ON c.oid = l.relation"
                    " WHERE c.relname LIKE 'crm_activity%%' AND l.pid <> pg_backend_pid()"
                )
                held[step] = cursor.fetchone()[0]

    evaluation_run(tenant=interleaved.tenant_a, as_of=date(2026, 11, 27), progress=watch)
    assert held["activity_started"] > 0
    assert held["values"] == 0
