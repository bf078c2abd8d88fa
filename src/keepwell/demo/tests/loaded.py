"""The demo as ``demo load`` leaves it in the database, read back as plain data for the end-to-end tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import connection

from keepwell.crm.models import Activity, Customer, Feedback, Lead, Order, Target, Task
from keepwell.demo.services import DemoLoad, demo_load
from keepwell.demo.tests.files import AS_OF
from keepwell.evaluation.models import BenchmarkSnapshot, EvaluationRun, MetricSnapshot
from keepwell.renewal.models import RenewalCase
from keepwell.tenancy.context import tenant_context


@dataclass(frozen=True)
class Loaded:
    first: DemoLoad  # the load into an empty database
    again: DemoLoad  # the same load once more, nothing changed in between
    manifest: dict[str, Any]
    cases: dict[str, dict[str, Any]]  # employee_id -> the stored renewal case (``renewal show --json``)
    metrics: dict[tuple[str, str], dict[str, list[Any]]]  # (employee_id, month) -> stored metric values
    runs: list[tuple[str, str]]  # (as_of, status) of the stored evaluation runs


def read_loaded(directory: Path) -> Loaded:
    first = demo_load(as_of=AS_OF, directory=directory)
    again = demo_load(as_of=AS_OF, directory=directory)
    with tenant_context(first.tenant):
        cases = {
            case.employee.employee_id: dict(case.evidence)
            for case in RenewalCase.objects.select_related("employee")
        }
        metrics = {
            (snapshot.employee.employee_id, snapshot.month): dict(snapshot.values)
            for snapshot in MetricSnapshot.objects.select_related("employee")
        }
        runs = [(run.as_of.isoformat(), str(run.status)) for run in EvaluationRun.objects.all()]
    _empty_facts(first.tenant.pk)
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    return Loaded(first, again, manifest, cases, metrics, runs)


def _empty_facts(tenant_pk: int) -> None:
    """Delete the tenant's results and CRM facts, children first, when the database is SQLite.

    The transactional test that ends first flushes the database. PostgreSQL truncates, whatever the order;
    SQLite deletes table by table in no particular order, and deleting customers while their facts are
    still there checks every fact per customer (the foreign keys have no index of their own): minutes.
    """
    if connection.vendor != "sqlite":
        return
    results = (RenewalCase, MetricSnapshot, BenchmarkSnapshot)
    with connection.cursor() as cursor:
        for model in (*results, Activity, Feedback, Order, Task, Target, Lead, Customer):
            cursor.execute(f'DELETE FROM "{model._meta.db_table}" WHERE tenant_id = %s', [tenant_pk])
