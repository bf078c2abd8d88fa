"""The interchange entities: DESIGN.md's ten, with their exact columns, and KeepWell's own two (the reserve
list and managers' ratings).

For each: its columns, keys and where each column is stored.

This module is data. ``validation`` turns a column's ``Kind`` into vectorised checks, ``database``
turns an entity into staging tables and set-wise SQL, ``selectors`` into an export query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from keepwell.contracts.models import ContractType
from keepwell.crm.models import ActivityKind, ActivityPurpose
from keepwell.engine.metrics import METRIC_IDS
from keepwell.interchange.errors import FileRefused


class Kind(StrEnum):
    ID = "id"  # the row's own id, text
    REFERENCE = "reference"  # the id of a row of another entity (or of this one: manager_id)
    TEXT = "text"
    EMAIL = "email"
    CODE = "code"  # an org unit code: found or created (employees.team), else found or rejected
    TIMESTAMP = "timestamp"  # ISO 8601 with an offset, stored in UTC
    DATE = "date"  # YYYY-MM-DD
    MONTH = "month"  # YYYY-MM, stored as the first day of the month
    CHOICE = "choice"
    INTEGER = "integer"
    DECIMAL = "decimal"
    CURRENCY = "currency"  # an ISO 4217 code known to money.Currency
    TIME_ZONE = "time_zone"  # an IANA name
    JURISDICTION = "jurisdiction"  # DE, CN-BJ (legacy CN-11 accepted and normalised)
    BOOLEAN = "boolean"


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    required: bool = False
    # The model field that stores it (default: the column's name). References name the ForeignKey.
    field: str = ""
    max_length: int = 64
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    digits: int = 20
    places: int = 4
    positive: bool = False  # a decimal that must be > 0 (else >= 0)
    references: str = ""  # entity name of a REFERENCE

    @property
    def model_field(self) -> str:
        return self.field or self.name


@dataclass(frozen=True)
class Entity:
    name: str
    model: str  # app_label.ModelName
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # the columns a row is upserted by, also the export order
    # Employees are resolved as a whole file (a manager may come later in the file); every other
    # entity is applied batch by batch.
    whole_file: bool = False
    # Further in-file and in-database uniqueness (contracts: one contract per employee and sequence).
    unique_together: tuple[tuple[str, ...], ...] = field(default=())

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


def _id(name: str) -> Column:
    return Column(name, Kind.ID, required=True)


def _reference(name: str, entity: str, *, field: str, required: bool = False) -> Column:
    return Column(name, Kind.REFERENCE, required=required, field=field, references=entity)


def _timestamp(name: str, *, required: bool = False) -> Column:
    return Column(name, Kind.TIMESTAMP, required=required)


def _money(name: str, *, required: bool = False) -> Column:
    return Column(name, Kind.DECIMAL, required=required)


EMPLOYEES = Entity(
    name="employees",
    model="people.Employee",
    columns=(
        _id("employee_id"),
        Column("name", Kind.TEXT, required=True, max_length=200),
        Column("email", Kind.EMAIL, max_length=254),
        Column("team", Kind.CODE, required=True),
        _reference("manager_id", "employees", field="manager"),
        Column("role", Kind.TEXT, required=True),
        Column("hire_date", Kind.DATE, required=True),
        Column("jurisdiction", Kind.JURISDICTION, required=True, max_length=10),
        Column("timezone", Kind.TIME_ZONE, required=True),
        Column("currency", Kind.CURRENCY, required=True),
    ),
    key=("employee_id",),
    whole_file=True,
)

CONTRACTS = Entity(
    name="contracts",
    model="contracts.EmploymentContract",
    columns=(
        _id("contract_id"),
        _reference("employee_id", "employees", field="employee", required=True),
        Column("sequence", Kind.INTEGER, required=True, minimum=1, maximum=32767),
        Column("type", Kind.CHOICE, required=True, choices=tuple(ContractType.values)),
        Column("start_date", Kind.DATE, required=True),
        Column("end_date", Kind.DATE),
        # Encrypted at rest; no precision limit in the model, the usual money one here.
        _money("monthly_base_salary", required=True),
        Column("currency", Kind.CURRENCY, required=True),
    ),
    key=("contract_id",),
    unique_together=(("employee_id", "sequence"),),
)

CUSTOMERS = Entity(
    name="customers",
    model="crm.Customer",
    columns=(
        _id("customer_id"),
        Column("name", Kind.TEXT, required=True, max_length=200),
        Column("industry", Kind.TEXT, max_length=100),
        Column("size", Kind.TEXT, max_length=32),
        _reference("owner_employee_id", "employees", field="owner"),
    ),
    key=("customer_id",),
)

LEADS = Entity(
    name="leads",
    model="crm.Lead",
    columns=(
        _id("lead_id"),
        _reference("customer_id", "customers", field="customer"),
        _reference("owner_employee_id", "employees", field="owner", required=True),
        _timestamp("created_at", required=True),
        _timestamp("qualified_at"),
        _timestamp("won_at"),
        _timestamp("lost_at"),
        _money("amount"),
        Column("currency", Kind.CURRENCY),
    ),
    key=("lead_id",),
)

ACTIVITIES = Entity(
    name="activities",
    model="crm.Activity",
    columns=(
        _id("activity_id"),
        _reference("employee_id", "employees", field="employee", required=True),
        _reference("customer_id", "customers", field="customer"),
        _reference("lead_id", "leads", field="lead"),
        Column("kind", Kind.CHOICE, required=True, choices=tuple(ActivityKind.values)),
        Column("purpose", Kind.CHOICE, choices=tuple(ActivityPurpose.values)),
        _timestamp("started_at", required=True),
        Column("duration_minutes", Kind.INTEGER, minimum=0, maximum=2_147_483_647),
        _timestamp("inbound_at"),
        _timestamp("replied_at"),
    ),
    key=("activity_id",),
)

ORDERS = Entity(
    name="orders",
    model="crm.Order",
    columns=(
        _id("order_id"),
        _reference("customer_id", "customers", field="customer", required=True),
        _reference("employee_id", "employees", field="employee", required=True),
        _timestamp("ordered_at", required=True),
        _money("amount", required=True),
        Column("currency", Kind.CURRENCY, required=True),
    ),
    key=("order_id",),
)

FEEDBACK = Entity(
    name="feedback",
    model="crm.Feedback",
    columns=(
        _id("feedback_id"),
        _reference("customer_id", "customers", field="customer"),
        _reference("employee_id", "employees", field="employee", required=True),
        _timestamp("submitted_at", required=True),
        Column("csat", Kind.INTEGER, minimum=1, maximum=5),
        Column("nps", Kind.INTEGER, minimum=0, maximum=10),
        Column("complaint", Kind.BOOLEAN),
    ),
    key=("feedback_id",),
)

TASKS = Entity(
    name="tasks",
    model="crm.Task",
    columns=(
        _id("task_id"),
        _reference("employee_id", "employees", field="employee", required=True),
        Column("title", Kind.TEXT, max_length=300),
        Column("kind", Kind.TEXT),
        _timestamp("due_at", required=True),
        _timestamp("completed_at"),
    ),
    key=("task_id",),
)

TARGETS = Entity(
    name="targets",
    model="crm.Target",
    columns=(
        _reference("employee_id", "employees", field="employee", required=True),
        Column("month", Kind.MONTH, required=True),
        Column("metric", Kind.CHOICE, required=True, choices=METRIC_IDS),
        _money("value", required=True),
    ),
    key=("employee_id", "month", "metric"),
)

FX_RATES = Entity(
    name="fx_rates",
    model="money.ExchangeRate",
    columns=(
        Column("date", Kind.DATE, required=True),
        Column("base", Kind.CURRENCY, required=True),
        Column("quote", Kind.CURRENCY, required=True),
        Column("rate", Kind.DECIMAL, required=True, digits=24, places=10, positive=True),
    ),
    key=("date", "base", "quote"),
)

# People being prepared for a role, for bench strength: an employee (employee_id) or an outside candidate.
RESERVE_CANDIDATES = Entity(
    name="reserve_candidates",
    model="renewal.ReserveCandidate",
    columns=(
        _id("candidate_id"),
        Column("name", Kind.TEXT, required=True, max_length=200),
        _reference("employee_id", "employees", field="employee"),
        Column("team", Kind.CODE, required=True),
        Column("target_role", Kind.TEXT, required=True),
        Column("readiness_date", Kind.DATE, required=True),
    ),
    key=("candidate_id",),
)

# A manager's 1-5 rating of an employee's attitude in a month; it joins the attitude score when present.
MANAGER_RATINGS = Entity(
    name="manager_ratings",
    model="renewal.ManagerRating",
    columns=(
        _reference("employee_id", "employees", field="employee", required=True),
        Column("month", Kind.MONTH, required=True),
        Column("rating", Kind.INTEGER, required=True, minimum=1, maximum=5),
        _reference("rated_by_employee_id", "employees", field="rated_by"),
    ),
    key=("employee_id", "month"),
)

ENTITIES: dict[str, Entity] = {
    entity.name: entity
    for entity in (
        EMPLOYEES,
        CONTRACTS,
        CUSTOMERS,
        LEADS,
        ACTIVITIES,
        ORDERS,
        FEEDBACK,
        TASKS,
        TARGETS,
        FX_RATES,
        RESERVE_CANDIDATES,
        MANAGER_RATINGS,
    )
}

# Where an id of each referenced entity lives: table model and its id column.
REFERENCED_ID = {"employees": "employee_id", "customers": "customer_id", "leads": "lead_id"}


def entity_get(name: str) -> Entity:
    try:
        return ENTITIES[name]
    except KeyError:
        raise FileRefused(f"unknown entity {name!r}; one of {', '.join(ENTITIES)}", field="entity") from None
