"""The generated demo company: a pure, deterministic writer of KeepWell's interchange files.

``generate(DemoSpec(...))`` builds a sales organisation in Beijing, Shanghai, Munich and Tokyo with a
year of CRM facts, and ``write_csv`` writes it as the ten interchange files of DESIGN.md. The same
spec gives byte-identical files; another ``as_of`` gives the same story, shifted.

How it works: every person gets a *profile* (how they work, and how that changes over the year); each
month the profile, the region's season and some noise give a *plan* (customers to follow, leads to
create and qualify, buyers and returning buyers, screening share, attainment, ...); the plan is then
realised as facts so that the metrics of DESIGN.md computed over the files give the plan back. For
Xiao Li (``XL001``) and his team the last three complete months are planned to the story's figures.

No Django here; random numbers come from ``random.Random`` streams keyed by the seed and by what they
are for (a person, a month counted back from ``as_of``), so the story does not move when ``as_of`` does.

The files cover ``months`` complete months before ``as_of`` plus the days of its own month; nothing
happens after the end of ``as_of``. Like any export cut at a date, the first month has no order
history behind it, so its repurchase rates are low. ``manifest.json`` names the tenant, the teams, the
story's people and months, and the cast (who plays which quadrant, the newcomer, ...); it also holds what
the interchange files have no place for: the local average wages China's severance cap reads (demo
inputs) and a few reserve candidates of teams other than Xiao Li's.

The renewal case of Xiao Li must read as the story: his funnel leaks at lead conversion (12 % against the
team's 20 %, his screening 10 % of his time against the top decile's 30 %) and at repurchase (8 % against
15 %), not at deal conversion or deal size, so his team's deals of the story months are settled
(``settle_story_deals``): he wins 1 of his 12 qualified leads (about 8 %), the team no more per qualified
lead than he does. His revenue sits with key accounts he follows closely and who rate him 4 or 5, so the
revenue at risk if he left is high.
"""

from __future__ import annotations

import bisect
import csv
import itertools
import json
import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

from keepwell.demo import catalog
from keepwell.demo.catalog import Profile, Region

ENTITIES = (
    "employees",
    "contracts",
    "customers",
    "leads",
    "activities",
    "orders",
    "feedback",
    "tasks",
    "targets",
    "fx_rates",
)
COLUMNS: dict[str, tuple[str, ...]] = {
    "employees": (
        "employee_id",
        "name",
        "email",
        "team",
        "manager_id",
        "role",
        "hire_date",
        "jurisdiction",
        "timezone",
        "currency",
    ),
    "contracts": (
        "contract_id",
        "employee_id",
        "sequence",
        "type",
        "start_date",
        "end_date",
        "monthly_base_salary",
        "currency",
    ),
    "customers": ("customer_id", "name", "industry", "size", "owner_employee_id"),
    "leads": (
        "lead_id",
        "customer_id",
        "owner_employee_id",
        "created_at",
        "qualified_at",
        "won_at",
        "lost_at",
        "amount",
        "currency",
    ),
    "activities": (
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
    ),
    "orders": ("order_id", "customer_id", "employee_id", "ordered_at", "amount", "currency"),
    "feedback": ("feedback_id", "customer_id", "employee_id", "submitted_at", "csat", "nps", "complaint"),
    "tasks": ("task_id", "employee_id", "title", "kind", "due_at", "completed_at"),
    "targets": ("employee_id", "month", "metric", "value"),
    "fx_rates": ("date", "base", "quote", "rate"),
}

REPORTING_CURRENCY = "CNY"
TENANT = {
    "slug": "demo",
    "name": "Demo Sales Co.",
    "reporting_currency": REPORTING_CURRENCY,
    "time_zone": "Asia/Shanghai",
    "language": "zh-hans",
    "jurisdiction": "CN-BJ",
}
XIAO_LI = "XL001"
XIAO_LI_NAME = "Li Wei (小李)"
MINIMUM_EMPLOYEES = 30
MINIMUM_MONTHS = 4


@dataclass(frozen=True)
class Story:
    """Xiao Li's figures in each of the last three complete months, and his team's."""

    customers_followed: int = 30
    leads: int = 25
    qualified: int = 3  # 3 / 25 = 12 %
    buyers: int = 25
    returning: int = 2  # 2 / 25 = 8 %
    screening_percent: int = 10
    attainment: Decimal = Decimal("0.60")
    feedback: int = 10
    csat_sum: int = 47  # 4.7
    contract_days_after_as_of: int = 45
    # Deal conversion over the three months: leads qualified in them, and those won within 60 days.
    window_qualified: int = 12
    window_won: int = 1  # 1 / 12 ≈ 8 %
    team_customers_followed: int = 25
    team_lead_conversion: float = 0.20
    team_repurchase: float = 0.15
    top_decile_screening_percent: int = 30


STORY = Story()

YEAR = timedelta(days=365)
THIRTY_DAYS = timedelta(days=30)
SIXTY_DAYS = timedelta(days=60)
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
MINUTE = timedelta(minutes=1)
NOT_YET = datetime.min.replace(tzinfo=UTC)
CENT = Decimal("0.01")
YUAN = Decimal("1")


@dataclass(frozen=True)
class DemoSpec:
    """What to generate: the company's size, how many complete months of facts, the seed and ``as_of``."""

    as_of: date
    employees: int = 60
    months: int = 12
    seed: int = 1

    def __post_init__(self) -> None:
        if self.employees < MINIMUM_EMPLOYEES:
            raise ValueError(f"the demo needs at least {MINIMUM_EMPLOYEES} employees (got {self.employees})")
        if not MINIMUM_MONTHS <= self.months <= 60:
            raise ValueError(f"months must be between {MINIMUM_MONTHS} and 60 (got {self.months})")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    def shifted(self, count: int) -> Month:
        index = self.year * 12 + self.month - 1 + count
        return Month(index // 12, index % 12 + 1)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return self.shifted(1).first_day - DAY

    @property
    def days(self) -> int:
        return self.last_day.day

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def start(self, zone: ZoneInfo) -> datetime:
        """The first instant of the month in ``zone``, in UTC."""
        return datetime(self.year, self.month, 1, tzinfo=zone).astimezone(UTC)

    def end(self, zone: ZoneInfo) -> datetime:
        return self.shifted(1).start(zone)


@dataclass(frozen=True)
class Timeline:
    as_of: date
    months: tuple[Month, ...]  # the complete months, then the current month when as_of is not its last day
    last_complete: Month

    @classmethod
    def build(cls, *, as_of: date, months: int) -> Timeline:
        current = Month.of(as_of)
        last_complete = current if as_of == current.last_day else current.shifted(-1)
        window = [last_complete.shifted(-index) for index in range(months - 1, -1, -1)]
        if last_complete != current:
            window.append(current)
        return cls(as_of=as_of, months=tuple(window), last_complete=last_complete)

    @property
    def story_months(self) -> tuple[Month, ...]:
        return tuple(self.last_complete.shifted(-index) for index in (2, 1, 0))

    def back(self, month: Month) -> int:
        """Months from ``month`` back to the last complete month: 0 for it, -1 for the current month."""
        return (self.last_complete.year - month.year) * 12 + self.last_complete.month - month.month

    def end(self, zone: ZoneInfo) -> datetime:
        """The end of ``as_of`` in ``zone`` (exclusive), in UTC: no fact of the demo is at or after it."""
        return datetime.combine(self.as_of + DAY, time(), tzinfo=zone).astimezone(UTC)


@dataclass
class Contract:
    sequence: int
    type: str
    start: date
    end: date | None
    salary: Decimal


@dataclass
class Person:
    employee_id: str
    name: str
    email: str
    team: str
    manager_id: str
    role: str
    region: Region
    archetype: str
    story_role: str = ""  # xiaoli | top | manager | bench for Xiao Li's team
    hire_date: date = date.min
    quota: int = 0
    contracts: list[Contract] = field(default_factory=list)

    zone: ZoneInfo = field(init=False)

    def __post_init__(self) -> None:
        self.zone = ZoneInfo(self.region.zone)

    @property
    def profile(self) -> Profile:
        return catalog.PROFILES[self.archetype]


@dataclass
class Plan:
    """One person's month, as the metrics should see it."""

    followed: int
    extra_activities: int
    leads: int
    qualified: int
    deal_conversion: float
    buyers: int
    returning: int
    screening: int  # percent of activity minutes
    attainment: Decimal
    target_full: Decimal  # the month's quota before proration for a hire in the month
    target: Decimal
    active_days: int
    feedback: int
    csat_sum: int
    inbound: int
    inbound_hits: int
    tasks: int
    tasks_on_time: int
    complaint: float

    def revenue(self, month: Month) -> Decimal:
        """What to sell: attainment × quota, for the days of the month that are worked and past."""
        share = Decimal(self.active_days) / Decimal(month.days)
        return (self.attainment * self.target_full * share).quantize(CENT)


@dataclass
class Lead:
    lead_id: str
    customer_id: str
    created: datetime
    qualified: datetime | None = None
    won: datetime | None = None
    lost: datetime | None = None
    amount: Decimal | None = None


@dataclass
class Touch:
    """An activity being planned: who with, about which lead, what, how long, and when."""

    customer_id: str
    lead: Lead | None
    kind: str
    purpose: str
    minutes: int
    at: datetime = NOT_YET
    inbound_at: datetime | None = None
    replied_at: datetime | None = None


# The kinds of activity a purpose takes, with weights, and their usual length in minutes.
_KINDS: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "needs_discovery": (("visit", "meeting", "call"), (4, 3.5, 2.5)),
    "demo": (("demo",), (1,)),
    "follow_up": (("call", "email", "visit"), (4.5, 3.5, 2)),
    "support": (("call", "email"), (1, 1)),
}
_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_MINUTES = {"call": (8, 35), "email": (5, 15), "visit": (45, 120), "meeting": (30, 90), "demo": (45, 120)}


@dataclass
class Book:
    """A person's customers and their history while the months are realised."""

    known: list[str] = field(default_factory=list)
    known_set: set[str] = field(default_factory=set)
    buyers: list[str] = field(default_factory=list)
    last_order: dict[str, datetime] = field(default_factory=dict)
    lost_prospects: list[tuple[datetime, str]] = field(default_factory=list)
    wins: dict[Month, list[Lead]] = field(default_factory=dict)
    leads: dict[Month, list[Lead]] = field(default_factory=dict)

    def know(self, customer_id: str) -> None:
        if customer_id not in self.known_set:
            self.known_set.add(customer_id)
            self.known.append(customer_id)

    def all_leads(self) -> list[Lead]:
        return [lead for leads in self.leads.values() for lead in leads]

    def index(self, zone: ZoneInfo) -> None:
        """Won leads by the month of the win, and lost prospects by the time of the loss."""
        self.wins, self.lost_prospects = {}, []
        for lead in self.all_leads():
            if lead.won is not None:
                self.wins.setdefault(Month.of(lead.won.astimezone(zone).date()), []).append(lead)
            if lead.lost is not None and lead.customer_id:
                self.lost_prospects.append((lead.lost, lead.customer_id))
        self.lost_prospects.sort()


@dataclass
class Deals:
    """One member of Xiao Li's team over the story months: qualified leads, revenue, and wins to give."""

    person: Person
    qualified: list[Lead]  # leads qualified in the story months, by qualification time
    revenue: Decimal  # revenue of the story months, in the reporting currency
    rate: float  # the member's usual deal conversion
    won: int = 0

    @property
    def conversion(self) -> Fraction:
        return Fraction(self.won, len(self.qualified))

    @property
    def per_win(self) -> Fraction:
        return Fraction(self.revenue) / self.won


@dataclass
class Dataset:
    """The generated files: rows of text cells in ``COLUMNS`` order, and a manifest for loaders and people."""

    tables: dict[str, list[list[str]]]
    manifest: dict[str, object]


def generate(spec: DemoSpec) -> Dataset:
    """Generate the demo company for ``spec``; deterministic in ``spec``."""
    return _Generator(spec).run()


def write_csv(dataset: Dataset, directory: Path) -> dict[str, Path]:
    """Write one UTF-8 CSV per entity (header first) and ``manifest.json``; return the paths by entity."""
    directory.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for entity in ENTITIES:
        path = directory / f"{entity}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(COLUMNS[entity])
            writer.writerows(dataset.tables[entity])
        paths[entity] = path
    manifest = json.dumps(dataset.manifest, ensure_ascii=False, indent=2, sort_keys=True)
    (directory / "manifest.json").write_text(manifest + "\n", encoding="utf-8")
    return paths


# ---------------------------------------------------------------------------------------------------------


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _stamp(moment: datetime | None, zone: ZoneInfo) -> str:
    return "" if moment is None else moment.astimezone(zone).isoformat(timespec="seconds")


def _money(amount: Decimal | None, currency: str) -> str:
    if amount is None:
        return ""
    return str(amount.quantize(YUAN if currency == "JPY" else CENT))


def _split(total: Decimal, weights: Sequence[float], *, quantum: Decimal, minimum: Decimal) -> list[Decimal]:
    """``total`` in parts proportional to ``weights``, each at least ``minimum``, summing to ``total``."""
    count = len(weights)
    if count == 0:
        return []
    spare = total - minimum * count
    if spare < 0:
        raise ValueError("total too small for the parts")
    weight_sum = sum(weights)
    parts = [minimum + (spare * Decimal(weight / weight_sum)).quantize(quantum) for weight in weights]
    largest = max(range(count), key=lambda index: parts[index])
    parts[largest] += total - sum(parts)
    return parts


class _Generator:
    def __init__(self, spec: DemoSpec) -> None:
        self.spec = spec
        self.timeline = Timeline.build(as_of=spec.as_of, months=spec.months)
        self.people: list[Person] = []
        self.teams: list[tuple[str, str, str]] = []
        self.tables: dict[str, list[list[str]]] = {entity: [] for entity in ENTITIES}
        self.counters: dict[str, int] = {}
        self.customer_names: set[str] = set()
        self.customer_name_by_id: dict[str, str] = {}
        self.used_names: set[str] = set()
        self.used_emails: set[str] = {"li.wei@demo-sales.example"}
        self.fx: dict[str, dict[date, Decimal]] = {}
        self.limits: dict[str, datetime] = {}
        self.month_bounds: dict[tuple[str, Month], tuple[datetime, datetime]] = {}
        self.day_weights: dict[tuple[date, date], tuple[list[date], list[float]]] = {}
        self.reserve: list[dict[str, str]] = []

    # -- randomness and identifiers -----------------------------------------------------------------------

    def rng(self, *keys: object) -> random.Random:
        # String seeds are hashed with SHA-512 by random.seed: stable across runs and PYTHONHASHSEED.
        return random.Random("|".join([str(self.spec.seed), *map(str, keys)]))

    def next_id(self, prefix: str, width: int) -> str:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}{self.counters[prefix]:0{width}d}"

    def limit(self, person: Person) -> datetime:
        """The last instant a fact of ``person`` may have: one minute before the end of as_of, their zone."""
        if person.region.zone not in self.limits:
            self.limits[person.region.zone] = self.timeline.end(person.zone) - MINUTE
        return self.limits[person.region.zone]

    # -- the whole run ------------------------------------------------------------------------------------

    def run(self) -> Dataset:
        self.organisation()
        self.exchange_rates()
        plans = {person.employee_id: self.plans(person) for person in self.people}
        self.balance_story_team(plans)
        books = {
            person.employee_id: self.lead_book(person, plans[person.employee_id]) for person in self.people
        }
        self.settle_story_deals(plans, books)
        for person in self.people:
            books[person.employee_id].index(person.zone)
            self.facts(person, plans[person.employee_id], books[person.employee_id])
        self.employee_rows()
        self.reserve = self.reserve_candidates()
        return Dataset(tables=self.tables, manifest=self.manifest())

    # -- organisation and contracts -----------------------------------------------------------------------

    def organisation(self) -> None:
        spec = self.spec
        rng = self.rng("organisation")
        rest = spec.employees - 12  # the director and Xiao Li's team of eleven
        team_count = max(4, round(rest / 12))
        templates = list(catalog.OTHER_TEAMS)
        while len(templates) < team_count:
            code, name, jurisdiction = catalog.OTHER_TEAMS[len(templates) % len(catalog.OTHER_TEAMS)]
            number = len(templates) // len(catalog.OTHER_TEAMS) + 1
            templates.append((f"{code}-{number}", f"{name} {number}", jurisdiction))
        other_teams = templates[:team_count]
        self.teams = [catalog.DIRECTOR_TEAM, catalog.STORY_TEAM, *other_teams]
        sizes = [rest // team_count + (1 if index < rest % team_count else 0) for index in range(team_count)]

        director = self.person(rng, "D001", catalog.DIRECTOR_TEAM, "", "sales_director", "director")
        engineer_number = 0

        def engineer_id() -> str:
            nonlocal engineer_number
            engineer_number += 1
            return f"E{engineer_number:03d}"

        story_code = catalog.STORY_TEAM
        manager = self.person(rng, "M001", story_code, director.employee_id, "sales_manager", "manager")
        manager.story_role = "manager"
        xiao_li = self.person(rng, XIAO_LI, story_code, manager.employee_id, "sales_engineer", "xiaoli")
        xiao_li.story_role = "xiaoli"
        for archetype in ("star", "second"):
            top = self.person(
                rng, engineer_id(), story_code, manager.employee_id, "sales_engineer", archetype
            )
            top.story_role = "top"
        for archetype in catalog.STORY_BENCH:
            bench = self.person(
                rng, engineer_id(), story_code, manager.employee_id, "sales_engineer", archetype
            )
            bench.story_role = "bench"

        specials = {0: ["disengaged", "newcomer"], 1: ["declining"], 2: ["low_low"], 3: ["improving"]}
        mix = [name for name, _ in catalog.ORDINARY_MIX]
        mix_weights = [weight for _, weight in catalog.ORDINARY_MIX]
        for index, (team, size) in enumerate(zip(other_teams, sizes, strict=True)):
            lead = self.person(
                rng, f"M{index + 2:03d}", team, director.employee_id, "sales_manager", "manager"
            )
            archetypes = list(specials.get(index, []))[: size - 1]
            while len(archetypes) < size - 1:
                archetypes.append(rng.choices(mix, mix_weights)[0])
            for archetype in archetypes:
                self.person(rng, engineer_id(), team, lead.employee_id, "sales_engineer", archetype)

        self.contracts(rng)

    def person(
        self,
        rng: random.Random,
        employee_id: str,
        team: tuple[str, str, str],
        manager_id: str,
        role: str,
        archetype: str,
    ) -> Person:
        region = catalog.REGIONS[team[2]]
        if employee_id == XIAO_LI:
            name, email = XIAO_LI_NAME, "li.wei@demo-sales.example"
            self.used_names.add(name)
        else:
            name, email = self.person_name(rng, region.names)
        person = Person(employee_id, name, email, team[0], manager_id, role, region, archetype)
        self.people.append(person)
        return person

    def person_name(self, rng: random.Random, style: str) -> tuple[str, str]:
        while True:
            if style == "cn":
                (family, family_hanzi), (given, given_hanzi) = (
                    rng.choice(catalog.CHINESE_SURNAMES),
                    rng.choice(catalog.CHINESE_GIVEN),
                )
                name = f"{family} {given} ({family_hanzi}{given_hanzi})"
                email = f"{given}.{family}"
            elif style == "de":
                given, family = rng.choice(catalog.GERMAN_GIVEN), rng.choice(catalog.GERMAN_SURNAMES)
                name, email = f"{given} {family}", f"{given}.{family}"
            else:
                (family, family_kanji), (given, given_kanji) = (
                    rng.choice(catalog.JAPANESE_SURNAMES),
                    rng.choice(catalog.JAPANESE_GIVEN),
                )
                name, email = f"{family} {given} ({family_kanji} {given_kanji})", f"{given}.{family}"
            if name in self.used_names:
                continue
            self.used_names.add(name)
            local = email.lower().translate(_ASCII)
            address, number = f"{local}@demo-sales.example", 1
            while address in self.used_emails:
                number += 1
                address = f"{local}{number}@demo-sales.example"
            self.used_emails.add(address)
            return name, address

    def contracts(self, rng: random.Random) -> None:
        as_of = self.spec.as_of
        ending = self.ending_contracts(rng)
        for person in self.people:
            region = person.region
            low, high = region.salary
            factor = {"sales_director": 2.2, "sales_manager": 1.5}.get(person.role, 1.0)
            salary = round(rng.uniform(low, high) * factor / region.salary_step) * region.salary_step
            if person.employee_id == XIAO_LI:
                salary = 17_000
            quota_factor = {"director": 0.6, "manager": 0.55}.get(person.archetype, rng.uniform(0.9, 1.1))
            person.quota = round(region.quota * quota_factor / 5000) * 5000
            if person.employee_id == XIAO_LI:
                person.quota = 375_000
            if person.employee_id in ending:
                sequence, days_after = ending[person.employee_id]
                terms = self.fixed_terms(person, sequence)
                terms_plan = self.backward_terms(as_of + timedelta(days=days_after), terms)
                person.hire_date = terms_plan[0][0]
                plans: list[tuple[date, date | None, str]] = [
                    (start, end, "fixed_term") for start, end in terms_plan
                ]
            else:
                plans = self.forward_terms(rng, person)
            for sequence, (start, end, kind) in enumerate(plans, start=1):
                raise_factor = Decimal(str(round(1 + 0.06 * (sequence - 1), 2)))
                amount = (Decimal(salary) * raise_factor / region.salary_step).quantize(
                    YUAN
                ) * region.salary_step
                person.contracts.append(Contract(sequence, kind, start, end, Decimal(amount)))

    def fixed_terms(self, person: Person, sequence: int) -> list[int]:
        if person.employee_id == XIAO_LI:
            return [3, 2]  # three years, then a second fixed term of two
        jurisdiction = person.region.jurisdiction
        if jurisdiction == "DE":
            return [2] if sequence == 1 else [1] * sequence  # at most two years without objective reason
        return [catalog.FIXED_TERM_YEARS[jurisdiction]] * sequence

    @staticmethod
    def backward_terms(end: date, terms: list[int]) -> list[tuple[date, date]]:
        spans: list[tuple[date, date]] = []
        current_end = end
        for years in reversed(terms):
            start = _add_years(current_end + DAY, -years)
            spans.append((start, current_end))
            current_end = start - DAY
        return list(reversed(spans))

    def forward_terms(self, rng: random.Random, person: Person) -> list[tuple[date, date | None, str]]:
        as_of = self.spec.as_of
        jurisdiction = person.region.jurisdiction
        if person.archetype == "newcomer":
            offset = 42
        elif person.role == "sales_director":
            offset = rng.randint(3000, 4500)
        elif person.role == "sales_manager":
            offset = rng.randint(2200, 4000)
        elif person.story_role in ("top", "bench") or person.archetype in ("star", "improving", "declining"):
            offset = rng.randint(700, 3300)
        elif rng.random() < 0.1:
            offset = rng.randint(150, 330)  # joined during the year
        else:
            offset = rng.randint(400, 3300)
        if jurisdiction.startswith("CN"):
            pattern = "cn"
        elif person.role != "sales_engineer" or rng.random() < 0.55:
            pattern = "open"
        else:
            pattern = "yearly" if jurisdiction == "JP" else "de"
        for _ in range(40):
            hire = as_of - timedelta(days=offset)
            spans = self.chain(hire, pattern, jurisdiction)
            current = next(span for span in spans if span[1] is None or span[1] >= as_of)
            if current[1] is None or current[1] > as_of + timedelta(days=100):
                person.hire_date = hire
                return spans
            offset += 75  # the current contract would end within the renewal horizon: join earlier
        raise AssertionError("no contract history found")  # pragma: no cover

    def chain(self, hire: date, pattern: str, jurisdiction: str) -> list[tuple[date, date | None, str]]:
        """Contracts from ``hire`` until one covers as_of, by the jurisdiction's usual pattern."""
        spans: list[tuple[date, date | None, str]] = []
        start = hire
        while True:
            if pattern == "open":
                spans.append((start, None, "open_ended"))
                return spans
            if pattern == "cn":
                # Two consecutive fixed terms, then open-ended (the employee may ask for it).
                years, open_after = 3, 2
            elif pattern == "de":
                years, open_after = 1, 2  # a year, one extension, then unlimited
            else:
                years, open_after = 1, 5  # yearly renewals; conversion to open-ended after five years
            if len(spans) >= open_after:
                spans.append((start, None, "open_ended"))
                return spans
            end = _add_years(start, years) - DAY
            spans.append((start, end, "fixed_term"))
            if end >= self.spec.as_of:
                return spans
            start = end + DAY

    def ending_contracts(self, rng: random.Random) -> dict[str, tuple[int, int]]:
        """About one contract in five ends within 90 days of as_of: employee_id -> (sequence, days after)."""
        wanted = max(5, round(self.spec.employees / 5))
        by_team: dict[str, list[Person]] = {}
        for person in self.people:
            by_team.setdefault(person.team, []).append(person)
        other_codes = [code for code, _, _ in self.teams[2:]]
        story = catalog.STORY_TEAM[0]
        choices = [
            (story, "xiaoli", 2, STORY.contract_days_after_as_of),
            (other_codes[0], "disengaged", 1, 33),
            (other_codes[2], "low_low", 1, 27),
            (other_codes[3], "improving", 2, 61),
            (story, "steady", 1, 72),
            (other_codes[1], "steady", 2, 18),
            (other_codes[2], "steady", 2, 52),
            (other_codes[3], "steady", 1, 12),
            (other_codes[0], "weak", 1, 84),
            (other_codes[2], "strong", 1, 66),
            (other_codes[3], "weak", 5, 39),
            (other_codes[1], "weak", 2, 88),
        ]
        ending: dict[str, tuple[int, int]] = {}

        def eligible(person: Person) -> bool:
            return (
                person.role == "sales_engineer"
                and person.archetype not in ("newcomer", "star", "second")
                and person.employee_id not in ending
            )

        for team, archetype, sequence, days in choices:
            if len(ending) >= wanted:
                break
            members = [person for person in by_team[team] if eligible(person)]
            preferred = [person for person in members if person.archetype == archetype] or [
                person for person in members if person.story_role != "xiaoli" and archetype != "xiaoli"
            ]
            if preferred:
                ending[preferred[0].employee_id] = (sequence, days)
        others = [
            person
            for person in self.people
            if eligible(person) and person.team != story and person.archetype in ("steady", "strong", "weak")
        ]
        rng.shuffle(others)
        for person in others[: max(0, wanted - len(ending))]:
            ending[person.employee_id] = (rng.choice((1, 1, 2)), rng.randint(5, 89))
        return ending

    # -- exchange rates -----------------------------------------------------------------------------------

    def exchange_rates(self) -> None:
        first = self.timeline.months[0].first_day - timedelta(days=7)
        days = (self.spec.as_of - first).days
        for currency in ("EUR", "JPY"):
            start, quantum = catalog.FX_START[currency]
            rng = self.rng("fx", currency)
            value = float(start) * (1 + rng.gauss(0, 0.01))
            rates: dict[date, Decimal] = {}
            # Walk back from as_of, so that a later as_of keeps the same rate on the same relative day.
            for offset in range(days + 1):
                rates[self.spec.as_of - timedelta(days=offset)] = Decimal(str(value)).quantize(
                    Decimal(quantum)
                )
                value *= 1 + rng.gauss(0, 0.003)
            self.fx[currency] = rates
        for offset in range(days + 1):
            day = first + timedelta(days=offset)
            for currency in ("EUR", "JPY"):
                self.tables["fx_rates"].append(
                    [day.isoformat(), currency, REPORTING_CURRENCY, str(self.fx[currency][day])]
                )

    # -- monthly plans ------------------------------------------------------------------------------------

    def plans(self, person: Person) -> dict[Month, Plan]:
        complete = [month for month in self.timeline.months if month <= self.timeline.last_complete]
        plans: dict[Month, Plan] = {}
        for index, month in enumerate(self.timeline.months):
            start = max(month.first_day, person.hire_date)
            if start > month.last_day:
                continue
            active_days = (min(month.last_day, self.spec.as_of) - start).days + 1
            hired_days = (month.last_day - start).days + 1
            tenure = (month.year - person.hire_date.year) * 12 + month.month - person.hire_date.month
            position = min(1.0, index / max(1, len(complete) - 1))
            rng = self.rng("plan", person.employee_id, self.timeline.back(month))
            plans[month] = self.plan(person, month, position, tenure, active_days, hired_days, rng)
        if person.team == catalog.STORY_TEAM[0]:
            for plan in plans.values():
                plan.deal_conversion = catalog.STORY_DEAL_CONVERSION[person.archetype]
        if person.employee_id == XIAO_LI:
            for month in self.timeline.story_months:
                self.story_plan(plans[month])
        return plans

    def plan(
        self,
        person: Person,
        month: Month,
        position: float,
        tenure: int,
        active_days: int,
        hired_days: int,
        rng: random.Random,
    ) -> Plan:
        profile = person.profile

        def level(pair: tuple[float, float]) -> float:
            return pair[0] + (pair[1] - pair[0]) * position

        season = person.region.season[month.month - 1]
        ramp = (0.35, 0.6, 0.85)[tenure] if tenure < 3 else 1.0
        volume = active_days / month.days * ramp
        followed = max(1, round(level(profile.followed) * season**0.5 * volume + rng.gauss(0, 1.2)))
        extra = max(0, round(followed * (profile.activities_per_customer - 1) + rng.gauss(0, 2)))
        leads = max(0, round(level(profile.leads) * season * volume + rng.gauss(0, 1.5)))
        conversion = _clamp(level(profile.conversion) * (0.7 + 0.3 * ramp) + rng.gauss(0, 0.025), 0, 0.8)
        buyers = max(0, round(level(profile.buyers) * season * volume + rng.gauss(0, 1.2)))
        repurchase = _clamp(level(profile.repurchase) + rng.gauss(0, 0.025), 0, 0.9)
        screening = int(_clamp(round(level(profile.screening) + rng.gauss(0, 1.5)), 3, 45))
        attainment = _clamp(
            level(profile.attainment) * season**0.35 * (0.5 + 0.5 * ramp) + rng.gauss(0, 0.05), 0.05, 2.5
        )
        target_ramp = (0.4, 0.6, 0.8)[tenure] if tenure < 3 else 1.0
        target_full = max(1000, round(person.quota * season**0.5 * target_ramp / 1000) * 1000)
        target = max(1000, round(target_full * hired_days / month.days / 1000) * 1000)
        feedback = max(0, round(buyers * profile.feedback_per_buyer + rng.gauss(0, 1)))
        csat = _clamp(level(profile.csat) + rng.gauss(0, 0.12), 1, 5)
        inbound = round((followed + extra) * profile.inbound_share)
        response = _clamp(level(profile.response) + rng.gauss(0, 0.03), 0, 1)
        tasks = max(0, round(profile.tasks * volume + rng.gauss(0, 1.5)))
        on_time = _clamp(level(profile.on_time) + rng.gauss(0, 0.03), 0, 1)
        return Plan(
            followed=followed,
            extra_activities=extra,
            leads=leads,
            qualified=min(leads, round(leads * conversion)),
            deal_conversion=profile.deal_conversion,
            buyers=buyers,
            returning=min(buyers, round(buyers * repurchase)),
            screening=screening,
            attainment=Decimal(str(round(attainment, 2))),
            target_full=Decimal(target_full),
            target=Decimal(target),
            active_days=active_days,
            feedback=feedback,
            csat_sum=round(csat * feedback),
            inbound=inbound,
            inbound_hits=round(inbound * response),
            tasks=tasks,
            tasks_on_time=round(tasks * on_time),
            complaint=profile.complaint,
        )

    @staticmethod
    def story_plan(plan: Plan) -> None:
        plan.followed = STORY.customers_followed
        plan.leads, plan.qualified = STORY.leads, STORY.qualified
        plan.buyers, plan.returning = STORY.buyers, STORY.returning
        plan.screening = STORY.screening_percent
        plan.attainment = STORY.attainment
        plan.feedback, plan.csat_sum = STORY.feedback, STORY.csat_sum
        plan.inbound_hits = plan.inbound  # diligent: every inbound contact answered within a day

    def balance_story_team(self, plans: dict[str, dict[Month, Plan]]) -> None:
        """Bring Xiao Li's team to the story's means in the last three complete months.

        The two best by attainment screen 30 % of their time (the team's top decile for a team of 11);
        everyone else stays at or below the team's average, so the bench is thin.
        """
        team = [person for person in self.people if person.team == catalog.STORY_TEAM[0]]
        for month in self.timeline.story_months:
            rng = self.rng("story-team", self.timeline.back(month))
            members = [
                (person, plans[person.employee_id][month])
                for person in team
                if month in plans[person.employee_id]
            ]
            movable = [(person, plan) for person, plan in members if person.story_role == "bench"]
            tops = [plan for person, plan in members if person.story_role == "top"]
            for rank, plan in enumerate(tops):
                plan.screening = STORY.top_decile_screening_percent
                low, high = ((1.26, 1.34), (1.13, 1.19))[rank]
                plan.attainment = Decimal(str(round(_clamp(float(plan.attainment), low, high), 2)))
            for person, plan in members:
                if person.story_role in ("bench", "manager"):
                    plan.attainment = min(plan.attainment, Decimal("1.02"))
                    plan.screening = min(plan.screening, 24)
            # customers_followed: the team's sum lands exactly on its mean × members.
            residual = STORY.team_customers_followed * len(members) - sum(
                plan.followed for _, plan in members
            )
            order = [plan for _, plan in movable]
            rng.shuffle(order)
            step = 1 if residual > 0 else -1
            guard = 0
            while residual and guard < 1000:
                plan = order[guard % len(order)]
                if 14 <= plan.followed + step <= 29:
                    plan.followed += step
                    residual -= step
                guard += 1
            self.nudge_rate(
                [plan for _, plan in members],
                [plan for _, plan in movable],
                STORY.team_lead_conversion,
                numerator="qualified",
                denominator="leads",
                bounds=(0.08, 0.26),
            )
            self.nudge_rate(
                [plan for _, plan in members],
                [plan for _, plan in movable],
                STORY.team_repurchase,
                numerator="returning",
                denominator="buyers",
                bounds=(0.05, 0.2),
            )

    @staticmethod
    def nudge_rate(
        everyone: list[Plan],
        movable: list[Plan],
        goal: float,
        *,
        numerator: str,
        denominator: str,
        bounds: tuple[float, float],
    ) -> None:
        """Move movable numerators by one until the mean of the rates is as close to ``goal`` as it gets."""

        def mean() -> float:
            rates = [
                getattr(plan, numerator) / getattr(plan, denominator)
                for plan in everyone
                if getattr(plan, denominator)
            ]
            return sum(rates) / len(rates) if rates else goal

        for _ in range(200):
            best: tuple[float, Plan, int] | None = None
            current = abs(mean() - goal)
            for plan in movable:
                base = getattr(plan, denominator)
                for step in (1, -1):
                    value = getattr(plan, numerator) + step
                    if not base or not 0 <= value <= base or not bounds[0] <= value / base <= bounds[1]:
                        continue
                    setattr(plan, numerator, value)
                    error = abs(mean() - goal)
                    setattr(plan, numerator, value - step)
                    if error < current - 1e-12 and (best is None or error < best[0]):
                        best = (error, plan, step)
            if best is None:
                return
            setattr(best[1], numerator, getattr(best[1], numerator) + best[2])

    # -- the story team's deals ---------------------------------------------------------------------------

    def settle_story_deals(self, plans: dict[str, dict[Month, Plan]], books: dict[str, Book]) -> None:
        """Settle which qualified leads of Xiao Li's team are won within 60 days in the story months.

        Xiao Li qualifies ``STORY.window_qualified`` leads in the three months and wins ``STORY.window_won``
        of them (about 8 %). His teammates close their usual share; the two at the top about 12 %. The
        team as a whole earns no more per qualified lead than he does (c₂ × S, deal conversion times
        revenue per won deal), so his funnel leaks where the story says: at lead conversion (and, outside
        the funnel, repurchase), not at deal conversion or deal size. Teammates who would earn more per
        qualified lead qualify a few more leads late (after 30 days, which lead conversion does not count).
        """
        window = self.timeline.story_months
        team = [person for person in self.people if person.team == catalog.STORY_TEAM[0]]
        deals: list[Deals] = []
        for person in team:
            person_plans = plans[person.employee_id]
            if not all(month in person_plans for month in window):
                continue
            book = books[person.employee_id]
            rng = self.rng("deals", person.employee_id)
            if person.employee_id == XIAO_LI:
                self.fit_qualified(person, book, STORY.window_qualified, rng)
            revenue = sum((person_plans[month].revenue(month) for month in window), Decimal(0))
            rate = catalog.STORY_DEAL_CONVERSION[person.archetype]
            deals.append(Deals(person, self.qualified_in_window(person, book), revenue, rate))
        xiao_li = next(entry for entry in deals if entry.person.employee_id == XIAO_LI)
        xiao_li.won = min(STORY.window_won, len(xiao_li.qualified))
        per_qualified = xiao_li.conversion * xiao_li.per_win
        for entry in deals:
            if entry is xiao_li:
                continue
            wanted = math.ceil(Fraction(entry.revenue) / (per_qualified * Fraction(85, 100)))
            if len(entry.qualified) < wanted:
                book = books[entry.person.employee_id]
                rng = self.rng("late", entry.person.employee_id)
                self.qualify_late(entry.person, book, wanted - len(entry.qualified), rng)
                entry.qualified = self.qualified_in_window(entry.person, book)
        self.choose_wins(deals, xiao_li)
        for entry in deals:
            self.award(entry, self.rng("award", entry.person.employee_id))

    def qualified_in_window(self, person: Person, book: Book) -> list[Lead]:
        window = set(self.timeline.story_months)
        return sorted(
            (
                lead
                for lead in book.all_leads()
                if lead.qualified is not None
                and Month.of(lead.qualified.astimezone(person.zone).date()) in window
            ),
            key=lambda lead: (lead.qualified or NOT_YET, lead.lead_id),
        )

    def fit_qualified(self, person: Person, book: Book, target: int, rng: random.Random) -> None:
        """Exactly ``target`` leads qualified in the story months: drop or add late qualifications."""
        current = self.qualified_in_window(person, book)
        late = [lead for lead in current if lead.qualified and lead.qualified - lead.created > THIRTY_DAYS]
        while len(current) > target and late:
            lead = late.pop()
            lead.qualified, lead.amount = None, None
            current.remove(lead)
        if len(current) < target:
            self.qualify_late(person, book, target - len(current), rng)

    def qualify_late(self, person: Person, book: Book, count: int, rng: random.Random) -> None:
        """Qualify ``count`` more open leads in the story months, more than 30 days after their creation."""
        window = self.timeline.story_months
        start = window[0].start(person.zone)
        end = min(window[-1].end(person.zone), self.limit(person) - 3 * DAY)
        candidates = [
            lead
            for lead in book.all_leads()
            if lead.customer_id
            and lead.qualified is None
            and lead.won is None
            and lead.created + THIRTY_DAYS + DAY < end
            and lead.created + 58 * DAY > start
        ]
        rng.shuffle(candidates)
        # Open leads first; a lead already marked lost is reopened only when no open one is left.
        candidates.sort(key=lambda lead: lead.lost is not None)
        for lead in candidates[:count]:
            low = max(lead.created + THIRTY_DAYS + DAY, start)
            high = min(lead.created + 58 * DAY, end)
            lead.qualified = low + (high - low) * rng.random()
            lead.lost = None
            lead.amount = self.lead_amount(person, lead.qualified, rng)

    def choose_wins(self, deals: list[Deals], xiao_li: Deals) -> None:
        """Wins per member: near their usual rate, with the team's means below Xiao Li's on both factors.

        The diagnosis compares Xiao Li's deal conversion with the mean of the members' rates, and his
        revenue per won deal with the mean over members with a win; both means are kept at most 95 % of
        his, so neither is a gap. Start from each member's usual rate, then move one win at a time.
        """
        movable = [entry for entry in deals if entry is not xiao_li and entry.qualified]
        for entry in movable:
            entry.won = min(len(entry.qualified), round(entry.rate * len(entry.qualified)))
        conversion_goal = xiao_li.conversion * Fraction(95, 100)
        per_win_goal = xiao_li.per_win * Fraction(95, 100)

        def excess() -> Fraction:
            rates = [entry.conversion for entry in deals if entry.qualified]
            sizes = [entry.per_win for entry in deals if entry.won]
            conversion = sum(rates, Fraction(0)) / len(rates)
            per_win = sum(sizes, Fraction(0)) / len(sizes)
            return max(Fraction(0), conversion / conversion_goal - 1) + max(
                Fraction(0), per_win / per_win_goal - 1
            )

        def strain() -> float:
            total = 0.0
            for entry in movable:
                usual = entry.rate * len(entry.qualified)
                weight = 4.0 if entry.person.story_role == "top" else 1.0
                total += weight * ((entry.won - usual) / max(1.0, usual)) ** 2
            return total

        for _ in range(200):
            current = excess()
            if current == 0:
                break
            best: tuple[Fraction, float, Deals, int] | None = None
            for entry in movable:
                for step in (1, -1):
                    if not 0 <= entry.won + step <= len(entry.qualified):
                        continue
                    entry.won += step
                    candidate = (excess(), strain())
                    entry.won -= step
                    if candidate[0] < current and (best is None or candidate < best[:2]):
                        best = (candidate[0], candidate[1], entry, step)
            if best is None:
                break
            best[2].won += best[3]

    def award(self, entry: Deals, rng: random.Random) -> None:
        """Win ``entry.won`` of the qualified leads within 60 days (spread over the months); lose the rest."""
        limit = self.limit(entry.person)
        roomy = [lead for lead in entry.qualified if lead.qualified and limit - lead.qualified >= 3 * DAY]
        count = min(entry.won, len(roomy))
        winners = (
            {roomy[int((index + 0.5) * len(roomy) / count)].lead_id for index in range(count)}
            if count
            else set()
        )
        for lead in entry.qualified:
            assert lead.qualified is not None
            if lead.lead_id in winners:
                span = min(50 * DAY, limit - lead.qualified - HOUR)
                lead.won, lead.lost = lead.qualified + span * rng.uniform(0.15, 1.0), None
                continue
            if lead.won is not None and lead.won - lead.qualified <= SIXTY_DAYS:
                lead.won = None
            if lead.won is None and (lead.lost is None or lead.lost <= lead.qualified):
                lost = lead.qualified + timedelta(days=rng.uniform(15, 80))
                lead.lost = lost if lost <= limit else None

    # -- facts --------------------------------------------------------------------------------------------

    def lead_book(self, person: Person, plans: dict[Month, Plan]) -> Book:
        """The person's leads of every month (their outcomes still open to the story team's settlement)."""
        book = Book()
        for month, plan in plans.items():
            book.leads[month] = self.leads(
                person, month, plan, self.rng("leads", person.employee_id, self.timeline.back(month))
            )
        return book

    def facts(self, person: Person, plans: dict[Month, Plan], book: Book) -> None:
        for month, plan in plans.items():
            rng = self.rng("month", person.employee_id, self.timeline.back(month))
            sales = self.orders(person, month, plan, book, rng)
            buyers = list(sales)
            accounts = self.key_accounts(person, plan, sales)
            followed = self.activities(person, month, plan, book, buyers, accounts, rng)
            self.feedback(person, month, plan, buyers or followed, accounts, rng)
            self.tasks(person, month, plan, followed, rng)
            self.tables["targets"].append(
                [person.employee_id, month.label, "revenue", str(plan.target.quantize(CENT))]
            )
        for month in plans:
            for lead in book.leads[month]:
                self.tables["leads"].append(
                    [
                        lead.lead_id,
                        lead.customer_id,
                        person.employee_id,
                        _stamp(lead.created, person.zone),
                        _stamp(lead.qualified, person.zone),
                        _stamp(lead.won, person.zone),
                        _stamp(lead.lost, person.zone),
                        _money(lead.amount, person.region.currency),
                        person.region.currency if lead.amount is not None else "",
                    ]
                )

    def moment(
        self,
        rng: random.Random,
        person: Person,
        month: Month,
        *,
        after: datetime | None = None,
        early: float = 0.02,
        late: float = 0.03,
    ) -> datetime | None:
        """A plausible working moment of ``person`` in ``month``, after ``after``, before the end of as_of."""
        zone = person.zone
        month_start, month_end = self.bounds(zone, month)
        low = month_start if after is None else max(month_start, after + MINUTE)
        high = min(month_end, self.limit(person))
        if low >= high:
            return None
        days, cumulative = self.working_days(zone, low, high)
        random_value = rng.random
        for _ in range(6):
            day = days[bisect.bisect(cumulative, random_value() * cumulative[-1])]
            roll = random_value()
            if roll < early:
                minutes = 7 * 60 + int(random_value() * 90)
            elif roll < early + late:
                minutes = 19 * 60 + int(random_value() * 270)
            else:
                minutes = 8 * 60 + 30 + int(random_value() * 600)
            local = datetime.combine(
                day, time(minutes // 60, minutes % 60, int(random_value() * 60)), tzinfo=zone
            )
            candidate = local.astimezone(UTC)
            if low <= candidate < high:
                return candidate
        span = (high - low).total_seconds()
        return low + timedelta(seconds=int(random_value() * span))

    def bounds(self, zone: ZoneInfo, month: Month) -> tuple[datetime, datetime]:
        key = (zone.key, month)
        if key not in self.month_bounds:
            self.month_bounds[key] = (month.start(zone), month.end(zone))
        return self.month_bounds[key]

    def working_days(self, zone: ZoneInfo, low: datetime, high: datetime) -> tuple[list[date], list[float]]:
        """The local days from ``low`` to ``high`` and their cumulative weights (weekends are quiet)."""
        first, last = low.astimezone(zone).date(), high.astimezone(zone).date()
        key = (first, last)
        if key not in self.day_weights:
            days = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
            cumulative = list(itertools.accumulate(1.0 if day.weekday() < 5 else 0.12 for day in days))
            self.day_weights[key] = (days, cumulative)
        return self.day_weights[key]

    def customer(self, person: Person, rng: random.Random) -> str:
        customer_id = self.next_id("CU", 5)
        region = person.region
        industry = rng.choice(catalog.INDUSTRIES)
        size = rng.choices([name for name, _ in catalog.SIZES], [weight for _, weight in catalog.SIZES])[0]
        for attempt in range(50):
            if region.names == "cn":
                name = (
                    rng.choice(catalog.CHINESE_CITIES)
                    + rng.choice(catalog.CHINESE_BRANDS)
                    + catalog.CHINESE_TRADES[industry]
                    + rng.choice(catalog.CHINESE_MIDDLES)
                    + rng.choice(catalog.CHINESE_FORMS)
                )
            elif region.names == "de":
                name = (
                    f"{rng.choice(catalog.GERMAN_SURNAMES)} {catalog.GERMAN_TRADES[industry]} "
                    f"{rng.choice(catalog.GERMAN_CITIES)} {rng.choice(catalog.GERMAN_FORMS)}"
                )
            else:
                name = (
                    f"{rng.choice(catalog.JAPANESE_CITIES)}{rng.choice(catalog.JAPANESE_SURNAMES)[1]}"
                    f"{catalog.JAPANESE_TRADES[industry]}株式会社"
                )
            if attempt >= 40:
                name = f"{name} {customer_id}"
            if name not in self.customer_names:
                break
        self.customer_names.add(name)
        self.customer_name_by_id[customer_id] = name
        self.tables["customers"].append([customer_id, name, industry, size, person.employee_id])
        return customer_id

    def leads(self, person: Person, month: Month, plan: Plan, rng: random.Random) -> list[Lead]:
        limit = self.limit(person)
        created = sorted(
            moment
            for moment in (self.moment(rng, person, month) for _ in range(plan.leads))
            if moment is not None
        )
        count = len(created)
        cold_count = min(int(count * 0.1 + rng.random()), count - min(plan.qualified, count))
        cold = set(rng.sample(range(count), cold_count))
        leads = [
            Lead(self.next_id("LD", 6), "" if index in cold else self.customer(person, rng), moment)
            for index, moment in enumerate(created)
        ]
        roomy = [lead for lead in leads if lead.customer_id and limit - lead.created >= DAY]
        qualifying = rng.sample(roomy, min(plan.qualified, len(roomy)))
        for lead in qualifying:
            lag = min(timedelta(days=rng.triangular(0.5, 28, 6)), limit - lead.created - HOUR)
            lead.qualified = lead.created + lag
        chosen = {lead.lead_id for lead in qualifying}

        def at(
            start: datetime, low_days: float, high_days: float, mode: float | None = None
        ) -> datetime | None:
            days = (
                rng.triangular(low_days, high_days, mode)
                if mode is not None
                else rng.uniform(low_days, high_days)
            )
            moment = start + timedelta(days=days)
            return moment if moment <= limit else None

        for lead in leads:
            roll = rng.random()
            if lead.lead_id in chosen:
                assert lead.qualified is not None
                if roll < plan.deal_conversion:
                    lead.won = at(lead.qualified, 3, 58, 20)
                elif roll < plan.deal_conversion + 0.06:
                    lead.won = at(lead.qualified, 62, 100)
                else:
                    lead.lost = at(lead.qualified, 15, 80)
            elif not lead.customer_id:
                lead.lost = at(lead.created, 1, 20)
            elif roll < 0.07:
                lead.qualified = at(lead.created, 32, 55)  # qualified, but too late to count as converted
                if lead.qualified is not None:
                    lead.lost = at(lead.qualified, 10, 60)
            elif roll < 0.75:
                lead.lost = at(lead.created, 3, 45, 14)
            if lead.qualified is not None:
                lead.amount = self.lead_amount(person, lead.qualified, rng)
        return leads

    def lead_amount(self, person: Person, qualified: datetime, rng: random.Random) -> Decimal:
        """What a qualified lead is expected to bring, in the person's currency."""
        typical = person.quota * rng.uniform(0.15, 0.6)
        return self.local_amount(Decimal(round(typical, -2)), person, qualified)

    def local_amount(self, amount: Decimal, person: Person, moment: datetime) -> Decimal:
        """``amount`` CNY in the person's currency at the rate of the moment's local date."""
        currency = person.region.currency
        if currency == REPORTING_CURRENCY:
            return amount
        rate = self.fx[currency][moment.astimezone(person.zone).date()]
        return (amount / rate).quantize(YUAN if currency == "JPY" else CENT)

    def orders(
        self, person: Person, month: Month, plan: Plan, book: Book, rng: random.Random
    ) -> dict[str, Decimal]:
        """The month's orders; returns what each buying customer spent (reporting currency), in order."""
        wins = sorted(book.wins.pop(month, []), key=lambda lead: lead.won or lead.created)
        buying: dict[str, tuple[datetime, float, Lead | None]] = {}
        for lead in wins:
            assert lead.won is not None
            buying[lead.customer_id] = (lead.won, 2.5, lead)
        for _ in range(plan.returning):
            moment = self.moment(rng, person, month)
            if moment is None:
                break
            earliest = moment - YEAR
            candidates = [
                customer
                for customer in book.buyers
                if customer not in buying and earliest <= book.last_order[customer] < moment
            ]
            if candidates:
                buying[rng.choice(candidates)] = (moment, 1.5, None)
        for _ in range(max(0, plan.buyers - len(buying))):
            moment = self.moment(rng, person, month)
            if moment is None:
                break
            customer = ""
            prospects = book.lost_prospects
            # A prospect whose project was lost may still buy something small later.
            while prospects and prospects[0][0] < moment and rng.random() < 0.7:
                _, candidate = prospects.pop(0)
                if candidate not in book.last_order and candidate not in buying:
                    customer = candidate
                    break
            buying[customer or self.customer(person, rng)] = (moment, 1.0, None)
        revenue = plan.revenue(month)
        if not buying and revenue >= 100:
            moment = self.moment(rng, person, month)
            if moment is not None:
                buying[self.customer(person, rng)] = (moment, 1.0, None)
        if not buying:
            return {}
        weights = [weight * rng.lognormvariate(0, 0.45) for _, weight, _ in buying.values()]
        minimum = Decimal(100)
        total = max(revenue, minimum * len(buying))
        amounts = _split(total, weights, quantum=YUAN, minimum=minimum)
        currency = person.region.currency
        for (customer, (moment, _, won_lead)), amount in zip(buying.items(), amounts, strict=True):
            local = self.local_amount(amount, person, moment)
            self.tables["orders"].append(
                [
                    self.next_id("OR", 6),
                    customer,
                    person.employee_id,
                    _stamp(moment, person.zone),
                    _money(local, currency),
                    currency,
                ]
            )
            if won_lead is not None:
                won_lead.amount = local
            if customer not in book.last_order:
                book.buyers.append(customer)
            book.last_order[customer] = moment
        return dict(zip(buying, amounts, strict=True))

    @staticmethod
    def key_accounts(person: Person, plan: Plan, sales: dict[str, Decimal]) -> list[str]:
        """Xiao Li's habit: he follows his biggest buyers of the month closely, and they answer surveys.

        Returns those accounts (as many as the month's feedback), largest first; nobody else has them.
        """
        if person.employee_id != XIAO_LI:
            return []
        return sorted(sales, key=lambda customer: (-sales[customer], customer))[: plan.feedback]

    def activities(
        self,
        person: Person,
        month: Month,
        plan: Plan,
        book: Book,
        buyers: list[str],
        accounts: list[str],
        rng: random.Random,
    ) -> list[str]:
        """The month's activities; ``accounts`` (key accounts) are followed first and touched three times."""
        month_leads = book.leads.get(month, [])
        lead_of = {lead.customer_id: lead for lead in month_leads if lead.customer_id}
        lead_customers = list(lead_of)
        taken: set[str] = set()
        followed: list[str] = []

        def take(pool: list[str], count: int) -> None:
            fresh = [customer for customer in pool if customer not in taken]
            for customer in rng.sample(fresh, max(0, min(count, len(fresh)))):
                taken.add(customer)
                followed.append(customer)

        wanted = plan.followed
        take(accounts, min(len(accounts), wanted))
        take(lead_customers, round(wanted * 0.4))
        take(buyers, min(round(wanted * 0.35), wanted - len(followed)))
        take(book.known, wanted - len(followed))
        take(lead_customers, wanted - len(followed))
        take(buyers, wanted - len(followed))
        while len(followed) < wanted:  # a cold visit to a new prospect
            customer = self.customer(person, rng)
            taken.add(customer)
            followed.append(customer)
        buyer_set = set(buyers)

        # One activity per followed customer, then more where the work is.
        again = [customer for customer in accounts if customer in taken for _ in range(2)]
        again = again[: plan.extra_activities]
        extra = plan.extra_activities - len(again)
        targets = followed + again + rng.choices(followed, k=extra) if followed else []
        work: list[Touch] = []
        for customer in targets:
            lead = lead_of.get(customer)
            if lead is not None:
                purpose = "demo" if lead.qualified is not None and rng.random() < 0.35 else "needs_discovery"
            elif customer in buyer_set:
                purpose = rng.choices(("follow_up", "support", "demo"), (5, 3, 2))[0]
            else:
                purpose = rng.choices(("follow_up", "support", "needs_discovery"), (6, 2.5, 1.5))[0]
            kinds, kind_weights = _KINDS[purpose]
            kind = rng.choices(kinds, kind_weights)[0]
            low, high = _MINUTES[kind]
            work.append(Touch(customer, lead, kind, purpose, rng.randint(low, high)))

        # Screening: exactly plan.screening percent of all minutes, on this month's leads.
        screenable = [lead for lead in month_leads if not lead.customer_id or lead.customer_id in taken]
        if screenable and plan.screening and work:
            percent = plan.screening
            others = sum(touch.minutes for touch in work)
            while (percent * others) % (100 - percent):
                rng.choice(work).minutes += 1
                others += 1
            screening_minutes = percent * others // (100 - percent)
            count = max(1, min(round(screening_minutes / 18), 3 * len(screenable), screening_minutes // 5))
            parts = _split(
                Decimal(screening_minutes),
                [rng.uniform(0.5, 1.5) for _ in range(count)],
                quantum=YUAN,
                minimum=Decimal(min(5, screening_minutes // count)),
            )
            for minutes in parts:
                lead = rng.choice(screenable)
                kind = rng.choices(("call", "email"), (3, 1))[0]
                work.append(Touch(lead.customer_id, lead, kind, "screening", int(minutes)))

        # When each happened; inbound contacts and their replies.
        limit = self.limit(person)
        month_start = self.bounds(person.zone, month)[0]
        for touch in work:
            after = touch.lead.created if touch.lead is not None else None
            touch.at = self.moment(rng, person, month, after=after) or after or month_start
        if person.employee_id == XIAO_LI and month in self.timeline.story_months:
            self.early_start(person, month, work, rng)
        answerable = [
            touch for touch in work if touch.purpose != "screening" and touch.kind in ("call", "email")
        ]
        inbound = rng.sample(answerable, min(plan.inbound, len(answerable)))
        for index, touch in enumerate(inbound):
            touch.inbound_at = touch.at
            room = (limit - touch.at) / HOUR
            if index < plan.inbound_hits and room > 0.2:
                touch.replied_at = touch.at + timedelta(hours=rng.uniform(0.2, min(23.5, room)))
            elif rng.random() < 0.55 and room > 25:
                touch.replied_at = touch.at + timedelta(hours=rng.uniform(25, min(110.0, room)))
        for touch in sorted(work, key=lambda touch: touch.at):
            self.tables["activities"].append(
                [
                    self.next_id("AC", 7),
                    person.employee_id,
                    touch.customer_id,
                    touch.lead.lead_id if touch.lead is not None else "",
                    touch.kind,
                    touch.purpose,
                    _stamp(touch.at, person.zone),
                    str(touch.minutes),
                    _stamp(touch.inbound_at, person.zone),
                    _stamp(touch.replied_at, person.zone),
                ]
            )
        for customer in followed:
            book.know(customer)
        return followed

    def early_start(self, person: Person, month: Month, work: list[Touch], rng: random.Random) -> None:
        """Xiao Li starts the month at 07:xx on the 1st: the day before in UTC, a trap for month bucketing."""
        counts = Counter(touch.customer_id for touch in work)
        for touch in work:
            if touch.lead is None and counts[touch.customer_id] == 1:
                local = datetime.combine(
                    month.first_day, time(7, rng.randint(5, 50), rng.randint(0, 59)), tzinfo=person.zone
                )
                touch.at = local.astimezone(UTC)
                touch.kind, touch.purpose = "email", "follow_up"
                return

    def feedback(
        self,
        person: Person,
        month: Month,
        plan: Plan,
        customers: list[str],
        accounts: list[str],
        rng: random.Random,
    ) -> None:
        """The month's feedback about ``person``; with key accounts, they answer, all satisfied (4 or 5)."""
        if not customers or not plan.feedback:
            return
        floor = 4 if accounts else 1
        count = plan.feedback
        total = max(count, min(5 * count, plan.csat_sum))
        base = total // count
        scores = [base + (1 if index < total - base * count else 0) for index in range(count)]
        for _ in range(count):  # spread the scores without moving their sum
            first, second = rng.randrange(count), rng.randrange(count)
            if first != second and scores[first] < 5 and scores[second] > floor and rng.random() < 0.3:
                scores[first] += 1
                scores[second] -= 1
        rng.shuffle(scores)
        for index, score in enumerate(scores):
            moment = self.moment(rng, person, month, early=0, late=0.1)
            if moment is None:
                continue
            nps = ""
            if rng.random() < 0.8:
                low, high = {5: (9, 10), 4: (7, 9), 3: (5, 7), 2: (2, 5), 1: (0, 3)}[score]
                nps = str(rng.randint(low, high))
            complaint_chance = {1: 0.8, 2: 0.6, 3: 0.12}.get(score, 0.01) + plan.complaint
            complaint = "true" if rng.random() < complaint_chance and not accounts else "false"
            customer = accounts[index % len(accounts)] if accounts else rng.choice(customers)
            self.tables["feedback"].append(
                [
                    self.next_id("FB", 6),
                    customer,
                    person.employee_id,
                    _stamp(moment, person.zone),
                    str(score),
                    nps,
                    complaint,
                ]
            )

    def tasks(
        self, person: Person, month: Month, plan: Plan, customers: list[str], rng: random.Random
    ) -> None:
        limit = self.limit(person)
        on_time = set(rng.sample(range(plan.tasks), plan.tasks_on_time))
        for index in range(plan.tasks):
            moment = self.moment(rng, person, month, early=0, late=0)
            if moment is None:
                return
            local_day = moment.astimezone(person.zone).date()
            due = datetime.combine(local_day, time(rng.choice((12, 17, 18))), tzinfo=person.zone).astimezone(
                UTC
            )
            if due > limit or due < month.start(person.zone):
                due = moment
            kind, label = rng.choice(catalog.TASK_KINDS)
            title = label
            if kind in ("quotation", "follow_up", "account_plan") and customers:
                title = f"{label}: {self.customer_name_by_id[rng.choice(customers)]}"
            completed: datetime | None
            if index in on_time:
                completed = due - timedelta(hours=rng.uniform(0.2, 48))
            elif rng.random() < 0.7:
                completed = due + timedelta(hours=rng.uniform(2, 240))
                completed = completed if completed <= limit else None
            else:
                completed = None
            self.tables["tasks"].append(
                [
                    self.next_id("TK", 6),
                    person.employee_id,
                    title,
                    kind,
                    _stamp(due, person.zone),
                    _stamp(completed, person.zone),
                ]
            )

    # -- output -------------------------------------------------------------------------------------------

    def employee_rows(self) -> None:
        for person in self.people:
            region = person.region
            self.tables["employees"].append(
                [
                    person.employee_id,
                    person.name,
                    person.email,
                    person.team,
                    person.manager_id,
                    person.role,
                    person.hire_date.isoformat(),
                    region.jurisdiction,
                    region.zone,
                    region.currency,
                ]
            )
            for contract in person.contracts:
                self.tables["contracts"].append(
                    [
                        self.next_id("CT", 5),
                        person.employee_id,
                        str(contract.sequence),
                        contract.type,
                        contract.start.isoformat(),
                        contract.end.isoformat() if contract.end else "",
                        _money(contract.salary, region.currency),
                        region.currency,
                    ]
                )

    def cast(self) -> dict[str, str]:
        """Who plays which part: the people a demo walks through, by part."""
        parts = {
            "high_attitude_low_performance": "xiaoli",
            "high_attitude_high_performance": "star",
            "low_attitude_high_performance": "disengaged",
            "low_attitude_low_performance": "low_low",
            "improving": "improving",
            "declining": "declining",
            "newcomer": "newcomer",
        }
        cast = {}
        for part, archetype in parts.items():
            person = next((person for person in self.people if person.archetype == archetype), None)
            if person is not None:
                cast[part] = person.employee_id
        return cast

    def reserve_candidates(self) -> list[dict[str, str]]:
        """Outside candidates being prepared for a sales-engineer seat in some teams (not Xiao Li's)."""
        rng = self.rng("reserve")
        others = self.teams[2:]
        candidates = []
        for index, (team_index, days) in enumerate(catalog.RESERVE_CANDIDATES, start=1):
            if team_index >= len(others):
                continue
            code, _, jurisdiction = others[team_index]
            name, _ = self.person_name(rng, catalog.REGIONS[jurisdiction].names)
            candidates.append(
                {
                    "candidate_id": f"RC{index:03d}",
                    "name": name,
                    "team": code,
                    "target_role": "sales_engineer",
                    "readiness_date": (self.spec.as_of + timedelta(days=days)).isoformat(),
                }
            )
        return candidates

    def local_average_wages(self) -> list[dict[str, str]]:
        """China's local average monthly wages (demo inputs), effective from 1 January of the as_of year."""
        return [
            {
                "jurisdiction": jurisdiction,
                "effective_from": date(self.spec.as_of.year, 1, 1).isoformat(),
                "amount": f"{amount}.00",
                "currency": REPORTING_CURRENCY,
                "note": "demo input, not the published figure",
            }
            for jurisdiction, amount in catalog.LOCAL_AVERAGE_WAGES.items()
        ]

    def manifest(self) -> dict[str, object]:
        story_manager = next(person for person in self.people if person.story_role == "manager")
        return {
            "generator": "keepwell.demo",
            "seed": self.spec.seed,
            "employees": self.spec.employees,
            "months": self.spec.months,
            "as_of": self.spec.as_of.isoformat(),
            "tenant": TENANT,
            "teams": [
                {
                    "code": code,
                    "name": name,
                    "jurisdiction": jurisdiction,
                    "parent": "" if code == "sales" else "sales",
                }
                for code, name, jurisdiction in self.teams
            ],
            "story": {
                "employee_id": XIAO_LI,
                "manager_id": story_manager.employee_id,
                "team": catalog.STORY_TEAM[0],
                "months": [month.label for month in self.timeline.story_months],
            },
            "cast": self.cast(),
            "local_average_wages": self.local_average_wages(),
            "reserve_candidates": self.reserve,
            "counts": {entity: len(rows) for entity, rows in self.tables.items()},
        }
