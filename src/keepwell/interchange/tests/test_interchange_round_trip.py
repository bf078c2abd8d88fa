"""Export → import into an empty tenant → export gives byte-identical files, in every format."""

from __future__ import annotations

import zipfile

import pytest

from keepwell.interchange.services import export_file, import_file
from keepwell.interchange.tests.files import COMPANY, IMPORT_ORDER, write_csv
from keepwell.tenancy.models import Tenant

pytestmark = pytest.mark.django_db


def _import_company(tenant, directory):
    results = {}
    for entity in IMPORT_ORDER:
        path = write_csv(directory / f"{entity}.csv", entity, COMPANY[entity])
        results[entity] = import_file(tenant=tenant, entity=entity, path=path)
    return results


def test_every_entity_imports_without_rejections(world, tmp_path):
    results = _import_company(world.tenant_b, tmp_path)

    assert {entity: result.summary() for entity, result in results.items()} == {
        entity: f"read {len(rows)}, imported {len(rows)}, updated 0, rejected 0"
        for entity, rows in COMPANY.items()
    }


@pytest.mark.parametrize("file_format", ["csv", "json", "xlsx"])
@pytest.mark.parametrize("entity", IMPORT_ORDER)
def test_export_import_export_is_byte_identical(world, tmp_path, entity, file_format):
    _import_company(world.tenant_b, tmp_path)
    first = tmp_path / f"first-{entity}.{file_format}"
    exported = export_file(tenant=world.tenant_b, entity=entity, path=first)
    empty = Tenant.objects.create(slug="empty", name="Empty", reporting_currency="EUR")
    for parent in IMPORT_ORDER[: IMPORT_ORDER.index(entity)]:
        parent_file = tmp_path / f"parent-{parent}.csv"
        export_file(tenant=world.tenant_b, entity=parent, path=parent_file)
        import_file(tenant=empty, entity=parent, path=parent_file)

    result = import_file(tenant=empty, entity=entity, path=first)
    second = tmp_path / f"second-{entity}.{file_format}"
    export_file(tenant=empty, entity=entity, path=second)

    assert exported.rows >= len(COMPANY[entity])
    assert (result.read, result.imported, result.rejected) == (exported.rows, exported.rows, 0)
    assert second.read_bytes() == first.read_bytes()


def test_an_exported_activity_file_is_canonical(world, tmp_path):
    _import_company(world.tenant_b, tmp_path)
    out = tmp_path / "activities.csv"

    export_file(tenant=world.tenant_b, entity="activities", path=out)

    assert out.read_text(encoding="utf-8") == (
        "activity_id,employee_id,customer_id,lead_id,kind,purpose,started_at,duration_minutes,inbound_at,replied_at\n"
        "A1,B101,C1,L1,call,screening,2026-01-05T01:30:00+00:00,30,,\n"
        "A2,B101,C1,,visit,needs_discovery,2026-01-07T06:00:00.123456+00:00,90,2026-01-06T12:00:00+00:00,"
        "2026-01-07T00:00:00+00:00\n"
        "A3,B102,,,email,,2026-01-09T04:59:59.999999+00:00,,,\n"
    )


def test_exported_decimals_have_no_exponent_and_no_trailing_zeros(world, tmp_path):
    _import_company(world.tenant_b, tmp_path)
    out = tmp_path / "targets.json"

    export_file(tenant=world.tenant_b, entity="targets", path=out)

    assert out.read_text(encoding="utf-8") == (
        "[\n"
        '{"employee_id": "B101", "month": "2026-01", "metric": "lead_conversion_rate", "value": "0.15"},\n'
        '{"employee_id": "B101", "month": "2026-01", "metric": "revenue", "value": "300000"},\n'
        '{"employee_id": "B102", "month": "2026-02", "metric": "revenue", "value": "50000.25"}\n'
        "]\n"
    )


def test_a_workbook_carries_fixed_timestamps(world, tmp_path):
    out = tmp_path / "orders.xlsx"
    export_file(tenant=world.tenant_b, entity="orders", path=out)

    with zipfile.ZipFile(out) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "1980-01-01T00:00:00Z" in core
