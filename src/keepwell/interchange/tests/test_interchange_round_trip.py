from __future__ import annotations

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


@pytest.mark.parametrize("entity", IMPORT_ORDER)
def test_export_import_export_is_byte_identical_in_csv(world, tmp_path, entity):
    _import_company(world.tenant_b, tmp_path)
    first = tmp_path / f"first-{entity}.csv"
    export_file(tenant=world.tenant_b, entity=entity, path=first)
    empty = Tenant.objects.create(slug="empty", name="Empty", reporting_currency="EUR")
    for parent in IMPORT_ORDER[: IMPORT_ORDER.index(entity)]:
        parent_file = tmp_path / f"parent-{parent}.csv"
        export_file(tenant=world.tenant_b, entity=parent, path=parent_file)
        import_file(tenant=empty, entity=parent, path=parent_file)

    result = import_file(tenant=empty, entity=entity, path=first)
    second = tmp_path / f"second-{entity}.csv"
    export_file(tenant=empty, entity=entity, path=second)

    assert result.rejected == 0
    assert second.read_bytes() == first.read_bytes()
