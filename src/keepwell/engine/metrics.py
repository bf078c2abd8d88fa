"""The fourteen metrics of the design, as immutable data.

A :class:`MetricSpec` says *what* a metric is (its meaning, unit, direction, and how its
numerator and denominator are aggregated from one *event stream*); the evaluator in
:mod:`keepwell.engine.evaluate` decides *how* to compute all of them at once.

Event streams are the rows that can place something in an employee's month. Each stream has
one *period* timestamp (the one that decides the month) and exposes the columns listed in
:data:`STREAMS`. Every timestamp a stream exposes is already cut at ``as_of``: an instant at
or after the end of the ``as_of`` day (in the employee's zone) reads as null, i.e. "has not
happened yet".

Names and descriptions are marked with a local ``gettext_noop`` so that Django's
``makemessages`` extracts them while this module stays free of Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation without translating it (extraction keyword)."""
    return message


class Unit(StrEnum):
    COUNT = "count"
    RATIO = "ratio"
    MONEY = "money"
    SCORE = "score"
    MINUTES = "minutes"


class Category(StrEnum):
    ATTITUDE = "attitude"
    PERFORMANCE = "performance"
    PROCESS = "process"


# --- conditions over stream columns -------------------------------------------------------


@dataclass(frozen=True)
class Present:
    """The column is not null (for a timestamp: it happened by ``as_of``)."""

    column: str


@dataclass(frozen=True)
class Within:
    """``later`` happened, and no more than ``limit`` (elapsed time) after ``earlier``."""

    later: str
    earlier: str
    limit: timedelta


@dataclass(frozen=True)
class NotAfter:
    """``later`` happened, at or before ``earlier``."""

    later: str
    earlier: str


@dataclass(frozen=True)
class Equals:
    column: str
    value: str


@dataclass(frozen=True)
class AtLeast:
    column: str
    value: int


@dataclass(frozen=True)
class AtMost:
    column: str
    value: int


@dataclass(frozen=True)
class IsTrue:
    column: str


Condition = Present | Within | NotAfter | Equals | AtLeast | AtMost | IsTrue


# --- aggregates over the stream rows of one employee and month -----------------------------


@dataclass(frozen=True)
class Count:
    """Number of rows (meeting ``where`` when given)."""

    where: Condition | None = None


@dataclass(frozen=True)
class CountDistinct:
    """Number of distinct non-null values of ``column``."""

    column: str


@dataclass(frozen=True)
class Sum:
    """Sum of ``column`` over rows meeting ``where``; nulls count as 0; 0 over no rows."""

    column: str
    where: Condition | None = None


@dataclass(frozen=True)
class Difference:
    """``minuend - subtrahend``, e.g. promoters minus detractors."""

    minuend: Count
    subtrahend: Count


Aggregate = Count | CountDistinct | Sum | Difference


@dataclass(frozen=True)
class FromStream:
    """Numerator (and optional denominator) aggregated from one event stream."""

    stream: str
    numerator: Aggregate
    denominator: Aggregate | None = None


@dataclass(frozen=True)
class OverTarget:
    """Another metric's numerator over the employee's target for that metric and month.

    The denominator is null without a target; the value is null then and for a target of 0.
    """

    metric: str


Computation = FromStream | OverTarget


@dataclass(frozen=True)
class StreamSpec:
    """Rows that can place something in an employee's month.

    ``period`` decides the month; ``columns`` are what aggregates may use. Timestamp columns
    (``*_at``) are microseconds since the epoch, null when later than ``as_of``.
    """

    id: str
    table: str
    employee: str
    period: str
    columns: tuple[str, ...]


STREAMS: dict[str, StreamSpec] = {
    stream.id: stream
    for stream in (
        StreamSpec(
            "activity_started",
            "activities",
            "employee_key",
            "started_at",
            ("started_at", "customer_key", "purpose", "duration_minutes"),
        ),
        StreamSpec(
            "activity_inbound", "activities", "employee_key", "inbound_at", ("inbound_at", "replied_at")
        ),
        StreamSpec("lead_created", "leads", "owner_key", "created_at", ("created_at", "qualified_at")),
        StreamSpec("lead_qualified", "leads", "owner_key", "qualified_at", ("qualified_at", "won_at")),
        # One row per order; ``amount`` is already converted to the reporting currency.
        StreamSpec(
            "order_placed", "orders", "employee_key", "ordered_at", ("ordered_at", "customer_key", "amount")
        ),
        # One row per distinct customer ordering from the employee in the month, with
        # ``returning``: that customer has an order (by anyone) in the 365 days before the
        # first of those orders.
        StreamSpec("order_buyer", "orders", "employee_key", "ordered_at", ("customer_key", "returning")),
        StreamSpec(
            "feedback_submitted",
            "feedback",
            "employee_key",
            "submitted_at",
            ("submitted_at", "csat", "nps", "complaint"),
        ),
        StreamSpec("task_due", "tasks", "employee_key", "due_at", ("due_at", "completed_at")),
    )
}


@dataclass(frozen=True)
class MetricSpec:
    """One metric of the contract. ``id`` is a stable identifier; never rename one."""

    id: str
    name: str
    description: str
    unit: Unit
    higher_is_better: bool
    category: Category
    computation: Computation
    numerator_description: str
    denominator_description: str | None = None
    numerator_unit: Unit = Unit.COUNT
    denominator_unit: Unit | None = None
    # The value is numerator / denominator * value_multiplier (nps is on -100..100).
    value_multiplier: int = 1
    # Provisional while the month's end plus this window lies after as_of: later facts can
    # still change the value.
    provisional_window: timedelta | None = None

    @property
    def is_ratio(self) -> bool:
        """Whether the value is numerator / denominator (else the value is the numerator)."""
        return self.denominator_description is not None


_COUNT_ROWS = Count()

METRICS: tuple[MetricSpec, ...] = (
    MetricSpec(
        id="activities",
        name=gettext_noop("Activities"),
        description=gettext_noop("Activities started in the month."),
        unit=Unit.COUNT,
        higher_is_better=True,
        category=Category.PROCESS,
        computation=FromStream("activity_started", _COUNT_ROWS),
        numerator_description=gettext_noop("activities"),
    ),
    MetricSpec(
        id="customers_followed",
        name=gettext_noop("Customers followed"),
        description=gettext_noop("Distinct customers of the activities started in the month."),
        unit=Unit.COUNT,
        higher_is_better=True,
        category=Category.ATTITUDE,
        computation=FromStream("activity_started", CountDistinct("customer_key")),
        numerator_description=gettext_noop("customers"),
    ),
    MetricSpec(
        id="response_24h_rate",
        name=gettext_noop("Replies within 24 hours"),
        description=gettext_noop(
            "Share of inbound contacts received in the month that were answered within 24 hours."
        ),
        unit=Unit.RATIO,
        higher_is_better=True,
        category=Category.ATTITUDE,
        computation=FromStream(
            "activity_inbound",
            Count(Within("replied_at", "inbound_at", timedelta(hours=24))),
            _COUNT_ROWS,
        ),
        numerator_description=gettext_noop("answered within 24 hours"),
        denominator_description=gettext_noop("inbound contacts"),
    ),
    MetricSpec(
        id="screening_share",
        name=gettext_noop("Time spent screening leads"),
        description=gettext_noop(
            "Minutes of screening activities over minutes of all activities started in the month."
        ),
        unit=Unit.RATIO,
        higher_is_better=True,
        category=Category.PROCESS,
        computation=FromStream(
            "activity_started",
            Sum("duration_minutes", Equals("purpose", "screening")),
            Sum("duration_minutes"),
        ),
        numerator_description=gettext_noop("screening minutes"),
        denominator_description=gettext_noop("activity minutes"),
        numerator_unit=Unit.MINUTES,
        denominator_unit=Unit.MINUTES,
    ),
    MetricSpec(
        id="new_intents",
        name=gettext_noop("New intents"),
        description=gettext_noop("Leads qualified in the month."),
        unit=Unit.COUNT,
        higher_is_better=True,
        category=Category.PERFORMANCE,
        computation=FromStream("lead_qualified", _COUNT_ROWS),
        numerator_description=gettext_noop("qualified leads"),
    ),
    MetricSpec(
        id="lead_conversion_rate",
        name=gettext_noop("Lead conversion"),
        description=gettext_noop(
            "Share of the leads created in the month that were qualified within 30 days."
        ),
        unit=Unit.RATIO,
        higher_is_better=True,
        category=Category.PERFORMANCE,
        computation=FromStream(
            "lead_created",
            Count(Within("qualified_at", "created_at", timedelta(days=30))),
            _COUNT_ROWS,
        ),
        numerator_description=gettext_noop("qualified within 30 days"),
        denominator_description=gettext_noop("leads created"),
        provisional_window=timedelta(days=30),
    ),
    MetricSpec(
        id="deal_conversion_rate",
        name=gettext_noop("Deal conversion"),
        description=gettext_noop("Share of the leads qualified in the month that were won within 60 days."),
        unit=Unit.RATIO,
        higher_is_better=True,
        category=Category.PERFORMANCE,
        computation=FromStream(
            "lead_qualified",
            Count(Within("won_at", "qualified_at", timedelta(days=60))),
            _COUNT_ROWS,
        ),
        numerator_description=gettext_noop("won within 60 days"),
        denominator_description=gettext_noop("leads qualified"),
        provisional_window=timedelta(days=60),
    ),
    MetricSpec(
        id="revenue",
        name=gettext_noop("Revenue"),
        description=gettext_noop("Orders taken in the month, in the reporting currency."),
        unit=Unit.MONEY,
        higher_is_better=True,
        category=Category.PERFORMANCE,
        computation=FromStream("order_placed", Sum("amount")),
        numerator_description=gettext_noop("revenue"),
        numerator_unit=Unit.MONEY,
    ),
    MetricSpec(
        id="quota_attainment",
        name=gettext_noop("Quota attainment"),
        description=gettext_noop("Revenue over the revenue target of the month."),
        unit=Unit.RATIO,
        higher_is_better=True,
        category=Category.PERFORMANCE,
        computation=OverTarget("revenue"),
        numerator_description=gettext_noop("revenue"),
        denominator_description=gettext_noop("revenue target"),
        numerator_unit=Unit.MONEY,
        denominator_unit=Unit.MONEY,
    ),
    MetricSpec(
        id="repurchase_rate",
        name=gettext_noop("Repurchase rate"),
        description=gettext_noop(
            "Share of the customers ordering in the month who had ordered in the year before."
        ),
        unit=Unit.RATIO,
        higher_is_better=True,
        category=Category.PERFORMANCE,
        computation=FromStream("order_buyer", Count(IsTrue("returning")), _COUNT_ROWS),
        numerator_description=gettext_noop("returning customers"),
        denominator_description=gettext_noop("ordering customers"),
    ),
    MetricSpec(
        id="task_on_time_rate",
        name=gettext_noop("Tasks on time"),
        description=gettext_noop("Share of the tasks due in the month completed by their due time."),
        unit=Unit.RATIO,
        higher_is_better=True,
        category=Category.ATTITUDE,
        computation=FromStream("task_due", Count(NotAfter("completed_at", "due_at")), _COUNT_ROWS),
        numerator_description=gettext_noop("completed on time"),
        denominator_description=gettext_noop("tasks due"),
    ),
    MetricSpec(
        id="csat",
        name=gettext_noop("Customer satisfaction"),
        description=gettext_noop("Mean satisfaction score (1-5) of the feedback submitted in the month."),
        unit=Unit.SCORE,
        higher_is_better=True,
        category=Category.ATTITUDE,
        computation=FromStream("feedback_submitted", Sum("csat"), Count(Present("csat"))),
        numerator_description=gettext_noop("sum of scores"),
        denominator_description=gettext_noop("scores"),
        numerator_unit=Unit.SCORE,
    ),
    MetricSpec(
        id="nps",
        name=gettext_noop("Net promoter score"),
        description=gettext_noop(
            "Promoters (9-10) minus detractors (0-6) over responses, times 100, in the month."
        ),
        unit=Unit.SCORE,
        higher_is_better=True,
        category=Category.ATTITUDE,
        computation=FromStream(
            "feedback_submitted",
            Difference(Count(AtLeast("nps", 9)), Count(AtMost("nps", 6))),
            Count(Present("nps")),
        ),
        numerator_description=gettext_noop("promoters minus detractors"),
        denominator_description=gettext_noop("responses"),
        value_multiplier=100,
    ),
    MetricSpec(
        id="complaint_rate",
        name=gettext_noop("Complaint rate"),
        description=gettext_noop("Share of the feedback submitted in the month that is a complaint."),
        unit=Unit.RATIO,
        higher_is_better=False,
        category=Category.ATTITUDE,
        computation=FromStream("feedback_submitted", Count(IsTrue("complaint")), _COUNT_ROWS),
        numerator_description=gettext_noop("complaints"),
        denominator_description=gettext_noop("feedback"),
    ),
)

METRICS_BY_ID: dict[str, MetricSpec] = {metric.id: metric for metric in METRICS}
METRIC_IDS: tuple[str, ...] = tuple(metric.id for metric in METRICS)


def metric(metric_id: str) -> MetricSpec:
    """The spec of ``metric_id``; ``KeyError`` for an unknown id."""
    return METRICS_BY_ID[metric_id]
