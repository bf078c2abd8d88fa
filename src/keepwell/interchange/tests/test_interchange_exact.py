"""The importer writes exactly what the ORM writes: the same stored text and types, the same values read back.

The company of ``files.COMPANY`` is imported into one tenant and written through the ORM, from values
parsed here with the standard library, into another; every stored column is then compared as the
database holds it (SQLite: ``typeof`` and text; PostgreSQL: text), and every value read back through
the ORM is compared with the parsed one.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps
from django.db import connection

from keepwell.interchange.entities import ENTITIES, Kind
from keepwell.interchange.services import import_file
from keepwell.interchange.tests.files import COMPANY, IMPORT_ORDER, write_csv
from keepwell.people.models import Employee, OrgUnit
from keepwell.tenancy.context import tenant_context
from keepwell.tenancy.models import Tenant

pytestmark = pytest.mark.django_db

JURISDICTIONS = {"DE-BY": "DE-BY", "cn-11": "CN-BJ", "DE": "DE"}
REFERENCED = {"employees": ("people.Employee", "employee_id"), "customers": ("crm.Customer", "customer_id"),
              "leads": ("crm.Lead", "lead_id")}  # fmt: skip


def _parsed(kind: Kind, text: str, field: Any) -> Any:
    """The Python value a developer would hand the ORM for this text (standard library only)."""
    if text == "":
        return None if field.null else ("" if field.get_internal_type() == "CharField" else field.default)
    if kind is Kind.TIMESTAMP:
        return datetime.fromisoformat(text)
    if kind is Kind.DATE:
        return date.fromisoformat(text)
    if kind is Kind.MONTH:
        return date.fromisoformat(text + "-01")
    if kind is Kind.DECIMAL:
        return Decimal(text)
    if kind is Kind.INTEGER:
        return int(text)
    if kind is Kind.BOOLEAN:
        return text == "true"
    if kind is Kind.JURISDICTION:
        return JURISDICTIONS[text]
    return text


def _write_with_the_orm(tenant: Tenant) -> None:
    with tenant_context(tenant):
        for entity_name in IMPORT_ORDER:
            entity = ENTITIES[entity_name]
            model = apps.get_model(entity.model)
            managers: list[tuple[Any, str]] = []
            for row in COMPANY[entity_name]:
                values: dict[str, Any] = {}
                for column, text in zip(entity.columns, row, strict=True):
                    field = model._meta.get_field(column.model_field)
                    if column.kind is Kind.REFERENCE:
                        if column.references == entity_name:
                            managers.append((row[0], text))
                            continue
                        label, id_field = REFERENCED[column.references]
                        referenced = apps.get_model(label)
                        values[column.model_field] = (
                            referenced.objects.get(**{id_field: text}) if text else None
                        )
                    elif column.kind is Kind.CODE:
                        values[column.model_field], _ = OrgUnit.objects.get_or_create(
                            code=text, defaults={"name": text, "kind": "team"}
                        )
                    elif field.is_relation:  # fx_rates.base and .quote: the currency code is the key
                        values[field.attname] = text
                    else:
                        values[column.model_field] = _parsed(column.kind, text, field)
                if entity_name == "contracts":
                    values["jurisdiction"] = values["employee"].jurisdiction
                model.objects.create(**values)
            for employee_id, manager_id in managers:
                Employee.objects.filter(employee_id=employee_id).update(
                    manager=Employee.objects.get(employee_id=manager_id) if manager_id else None
                )


def _stored(entity_name: str, tenant: Tenant) -> list[tuple[Any, ...]]:
    """Every non-key, non-reference column of the tenant's rows as the database holds it, in key order."""
    entity = ENTITIES[entity_name]
    model = apps.get_model(entity.model)
    columns = [
        field.column
        for field in model._meta.concrete_fields
        if not field.primary_key
        and (not field.is_relation or field.name in ("base", "quote"))
        and field.name != "monthly_base_salary"
    ]
    quote = connection.ops.quote_name
    if connection.vendor == "sqlite":
        shown = [f"typeof({quote(column)}) || ':' || CAST({quote(column)} AS TEXT)" for column in columns]
    else:
        shown = [f"{quote(column)}::text" for column in columns]
    key = [quote(model._meta.get_field(entity.column(name).model_field).column) for name in entity.key]
    with connection.cursor() as cursor:
        table = model._meta.db_table
        cursor.execute(
            f"SELECT {', '.join(shown)} FROM {table} WHERE tenant_id = %s ORDER BY {', '.join(key)}",
            [tenant.pk],
        )
        return [tuple(row) for row in cursor.fetchall()]


@pytest.fixture
def both(world, tmp_path):
    imported = Tenant.objects.create(slug="imported", name="Imported", reporting_currency="EUR")
    written = Tenant.objects.create(slug="written", name="Written", reporting_currency="EUR")
    for entity in IMPORT_ORDER:
        path = write_csv(tmp_path / f"{entity}.csv", entity, COMPANY[entity])
        assert import_file(tenant=imported, entity=entity, path=path).rejected == 0
    _write_with_the_orm(written)
    return imported, written


@pytest.mark.parametrize("entity", IMPORT_ORDER)
def test_stored_columns_are_exactly_what_the_orm_stores(both, entity):
    imported, written = both

    assert _stored(entity, imported) == _stored(entity, written)


@pytest.mark.parametrize("entity", IMPORT_ORDER)
def test_values_read_back_through_the_orm_are_the_parsed_values(both, entity):
    imported, written = both
    spec = ENTITIES[entity]
    model = apps.get_model(spec.model)

    def read(tenant):
        with tenant_context(tenant):
            rows = []
            for instance in model.objects.order_by(*(spec.column(name).model_field for name in spec.key)):
                row = []
                for column in spec.columns:
                    value = getattr(instance, column.model_field)
                    if column.kind is Kind.REFERENCE and value is not None:
                        value = getattr(value, REFERENCED[column.references][1])
                    elif column.kind is Kind.CODE:
                        value = value.code
                    row.append((type(value).__name__, str(value)))
                rows.append(row)
            return rows

    assert read(imported) == read(written)
    assert len(read(imported)) == len(COMPANY[entity])


def test_timestamps_keep_their_microseconds_and_sqlite_text_has_no_zero_fraction(both):
    imported, _written = both
    rows = {
        row[0]: row[1:]
        for row in _stored_text(
            "SELECT activity_id, started_at, inbound_at FROM crm_activity WHERE tenant_id = %s", imported
        )
    }
    if connection.vendor == "sqlite":
        assert rows == {
            "A1": ("2026-01-05 01:30:00", None),
            "A2": ("2026-01-07 06:00:00.123456", "2026-01-06 12:00:00"),
            "A3": ("2026-01-09 04:59:59.999999", None),
        }
    else:
        assert rows == {
            "A1": ("2026-01-05 01:30:00+00", None),
            "A2": ("2026-01-07 06:00:00.123456+00", "2026-01-06 12:00:00+00"),
            "A3": ("2026-01-09 04:59:59.999999+00", None),
        }


def _stored_text(sql: str, tenant: Tenant) -> list[tuple[Any, ...]]:
    cast = "CAST({} AS TEXT)" if connection.vendor == "sqlite" else "{}::text"
    select = sql.replace(
        "started_at, inbound_at", f"{cast.format('started_at')}, {cast.format('inbound_at')}"
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET TIME ZONE 'UTC'")
        cursor.execute(select, [tenant.pk])
        return list(cursor.fetchall())


def test_encrypted_salaries_decrypt_to_the_decimal_the_orm_was_given(both):
    imported, written = both
    from keepwell.contracts.models import EmploymentContract

    def salaries(tenant):
        with tenant_context(tenant):
            return [
                (contract.contract_id, str(contract.monthly_base_salary))
                for contract in EmploymentContract.objects.order_by("contract_id")
            ]

    assert (
        salaries(imported) == salaries(written) == [("K-1", "18000.00"), ("K-2", "21000.5"), ("K-3", "9000")]
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT monthly_base_salary FROM contracts_employmentcontract WHERE tenant_id = %s", [imported.pk]
        )
        assert all(token.startswith("kw1$") for (token,) in cursor.fetchall())
