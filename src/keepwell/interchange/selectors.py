"""Reading an entity of the current tenant back as interchange rows, streamed, in canonical form.

One SQL query per entity joins the referenced ids back in place of primary keys and orders by the
key in code-point order; rows come through a (server-side, on PostgreSQL) cursor in chunks. Values
are made canonical (see ``writers``): decimals read from SQLite are rounded the way the ORM rounds
them (15 significant digits, then the field's places), so both databases export the same text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Context, Decimal
from typing import Any

from django.apps import apps
from django.db import connection

from keepwell.interchange.entities import REFERENCED_ID, Column, Entity, Kind

_CHUNK = 5000
_SQLITE_FLOAT = Context(prec=15)


def canonical_decimal(value: Decimal) -> str:
    """Plain notation, no exponent, no trailing zeros: 12.5, 7, 0.0001 (and 0, never -0)."""
    if value.is_zero():
        return "0"
    text = format(value.normalize(), "f")
    return text


def _decimal(places: int) -> Callable[[Any], str]:
    quantum = Decimal(1).scaleb(-places)

    def convert(value: Any) -> str:
        if isinstance(value, float):
            value = _SQLITE_FLOAT.create_decimal_from_float(value).quantize(quantum)
        elif not isinstance(value, Decimal):
            value = Decimal(value)
        return canonical_decimal(value)

    return convert


def _timestamp(value: Any) -> str:
    if isinstance(value, str):  # SQLite text, "YYYY-MM-DD HH:MM:SS[.ffffff]" in UTC
        return value.replace(" ", "T", 1) + "+00:00"
    if isinstance(value, datetime) and value.tzinfo is None:  # SQLite, through Django's converter
        return value.replace(tzinfo=UTC).isoformat()
    return value.astimezone(UTC).isoformat()


def _day(value: Any) -> str:
    return value if isinstance(value, str) else date.isoformat(value)


def _month(value: Any) -> str:
    return _day(value)[:7]


def _boolean(value: Any) -> bool:
    return bool(value)


def _salary() -> Callable[[Any], str]:
    from keepwell.contracts.models import EmploymentContract

    field = EmploymentContract._meta.get_field("monthly_base_salary")

    def convert(token: Any) -> str:
        value = field.from_db_value(token, None, connection)  # type: ignore[attr-defined]
        assert value is not None  # missing values never reach a converter
        return canonical_decimal(value)

    return convert


def _converter(entity: Entity, column: Column) -> Callable[[Any], Any] | None:
    if entity.name == "contracts" and column.name == "monthly_base_salary":
        return _salary()
    kind = column.kind
    if kind is Kind.TIMESTAMP:
        return _timestamp
    if kind is Kind.DATE:
        return _day
    if kind is Kind.MONTH:
        return _month
    if kind is Kind.DECIMAL:
        return _decimal(column.places)
    if kind is Kind.BOOLEAN:
        return _boolean
    if kind is Kind.INTEGER:
        return int
    return None


def export_query(entity: Entity, tenant_id: int) -> str:
    model = apps.get_model(entity.model)
    quote = connection.ops.quote_name
    ordered_as_text = ' COLLATE "C"' if connection.vendor == "postgresql" else ""
    selected, joins = [], []
    expressions: dict[str, str] = {}
    for column in entity.columns:
        field = model._meta.get_field(column.model_field)
        if column.kind is Kind.REFERENCE:
            referenced = apps.get_model(
                {"employees": "people.Employee", "customers": "crm.Customer", "leads": "crm.Lead"}[
                    column.references
                ]
            )
            alias = f"r_{column.name}"
            joins.append(f"LEFT JOIN {referenced._meta.db_table} {alias} ON {alias}.id = t.{field.column}")
            expression = f"{alias}.{REFERENCED_ID[column.references]}"
        elif column.kind is Kind.CODE:
            units = apps.get_model("people", "OrgUnit")._meta.db_table
            alias = f"r_{column.name}"
            joins.append(f"LEFT JOIN {units} {alias} ON {alias}.id = t.{field.column}")
            expression = f"{alias}.code"
        else:
            expression = f"t.{quote(field.column)}"
        expressions[column.name] = expression
        selected.append(expression)
    order = []
    for name in entity.key:
        column = entity.column(name)
        textual = column.kind in (Kind.ID, Kind.REFERENCE, Kind.CHOICE, Kind.CURRENCY, Kind.TEXT)
        order.append(expressions[name] + (ordered_as_text if textual else ""))
    return (
        f"SELECT {', '.join(selected)} FROM {model._meta.db_table} t {' '.join(joins)} "
        f"WHERE t.tenant_id = {int(tenant_id)} ORDER BY {', '.join(order)}"
    )


def export_rows(entity: Entity, tenant_id: int) -> Iterator[tuple[Any, ...]]:
    """The tenant's rows of ``entity`` in canonical form; call inside a transaction (server-side cursor)."""
    converters = [_converter(entity, column) for column in entity.columns]
    with connection.chunked_cursor() as cursor:
        cursor.execute(export_query(entity, tenant_id))
        while chunk := cursor.fetchmany(_CHUNK):
            for row in chunk:
                yield tuple(
                    None if value is None or value == "" else (convert(value) if convert else value)
                    for convert, value in zip(converters, row, strict=True)
                )
