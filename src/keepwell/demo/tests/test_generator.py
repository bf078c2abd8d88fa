"""The generated demo company, read back from its files (no database).

Xiao Li's figures are checked with ``reference.py``, a slow and obvious reading of DESIGN.md's metric
definitions; they must come out exactly. Team figures are means over a real team and get a tolerance.
"""

from __future__ import annotations

import csv
import itertools
import os
import subprocess
import sys
from collections import Counter
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from statistics import mean
from zoneinfo import ZoneInfo

import pytest

from keepwell.demo.generator import DemoSpec, generate, write_csv
from keepwell.demo.tests.files import AS_OF, build_demo
from keepwell.demo.tests.reference import instant

STORY_MONTHS = ["2026-08", "2026-09", "2026-10"]
TEAM = "bj-north"
XIAO_LI = "XL001"

# Team means are means over eleven real people: they land near the story's figures, not on them.
TEAM_FOLLOWED_TOLERANCE = Fraction(1, 2)
TEAM_RATE_TOLERANCE = Fraction(1, 50)  # two percentage points

TIMESTAMP_COLUMNS = {
    "leads": ("created_at", "qualified_at", "won_at", "lost_at"),
    "activities": ("started_at", "inbound_at", "replied_at"),
    "orders": ("ordered_at",),
    "feedback": ("submitted_at",),
    "tasks": ("due_at", "completed_at"),
}


# -- files -------------------------------------------------------------------------------------------


def test_files_have_exactly_the_interchange_columns(demo):
    expected = {
        "employees": "employee_id,name,email,team,manager_id,role,hire_date,jurisdiction,timezone,currency",
        "contracts": "contract_id,employee_id,sequence,type,start_date,end_date,monthly_base_salary,currency",
        "customers": "customer_id,name,industry,size,owner_employee_id",
        "leads": (
            "lead_id,customer_id,owner_employee_id,created_at,qualified_at,won_at,lost_at,amount,currency"
        ),
        "activities": (
            "activity_id,employee_id,customer_id,lead_id,kind,purpose,started_at,duration_minutes,inbound_at,replied_at"
        ),
        "orders": "order_id,customer_id,employee_id,ordered_at,amount,currency",
        "feedback": "feedback_id,customer_id,employee_id,submitted_at,csat,nps,complaint",
        "tasks": "task_id,employee_id,title,kind,due_at,completed_at",
        "targets": "employee_id,month,metric,value",
        "fx_rates": "date,base,quote,rate",
    }
    for entity, header in expected.items():
        with (demo.directory / f"{entity}.csv").open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == header.split(","), entity


def test_same_arguments_give_byte_identical_files(demo, tmp_path):
    write_csv(generate(DemoSpec(as_of=AS_OF)), tmp_path)
    for path in sorted(demo.directory.iterdir()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_files_do_not_depend_on_the_interpreter_hash_seed(demo, tmp_path):
    program = (
        "import sys; from datetime import date; from pathlib import Path;"
        "from keepwell.demo.generator import DemoSpec, generate, write_csv;"
        "write_csv(generate(DemoSpec(as_of=date(2026, 11, 27))), Path(sys.argv[1]))"
    )
    environment = {**os.environ, "PYTHONHASHSEED": "4242"}
    subprocess.run([sys.executable, "-c", program, str(tmp_path)], check=True, env=environment)  # noqa: S603
    for path in sorted(demo.directory.iterdir()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_another_seed_gives_another_company_with_the_same_story(demo, tmp_path):
    other = build_demo(tmp_path, DemoSpec(as_of=AS_OF, seed=7))
    assert [row["name"] for row in other.rows("employees")] != [row["name"] for row in demo.rows("employees")]
    for month in STORY_MONTHS:
        assert other.reference.lead_conversion_rate(XIAO_LI, month) == Fraction(3, 25)
        assert other.reference.repurchase_rate(XIAO_LI, month) == Fraction(2, 25)
        assert other.reference.top_decile_mean("screening_share", TEAM, month) == Fraction(3, 10)


def test_every_timestamp_has_an_offset_and_nothing_happens_after_as_of(demo):
    zones = {row["employee_id"]: ZoneInfo(row["timezone"]) for row in demo.rows("employees")}
    owner = {"leads": "owner_employee_id"}
    for entity, columns in TIMESTAMP_COLUMNS.items():
        for row in demo.rows(entity):
            zone = zones[row[owner.get(entity, "employee_id")]]
            end = datetime.combine(AS_OF + timedelta(days=1), time(), tzinfo=zone)
            for column in columns:
                moment = instant(row[column])  # refuses a timestamp without offset
                assert moment is None or moment < end, (entity, row)


# -- organisation ------------------------------------------------------------------------------------


def test_five_sales_teams_with_a_manager_each_under_one_director(demo):
    employees = demo.rows("employees")
    directors = [row for row in employees if row["role"] == "sales_director"]
    assert len(directors) == 1
    teams = Counter(row["team"] for row in employees if row["role"] != "sales_director")
    assert len(teams) >= 5
    for team in teams:
        managers = [row for row in employees if row["team"] == team and row["role"] == "sales_manager"]
        assert len(managers) == 1, team
        assert managers[0]["manager_id"] == directors[0]["employee_id"]
        engineers = [row for row in employees if row["team"] == team and row["role"] == "sales_engineer"]
        assert {row["manager_id"] for row in engineers} == {managers[0]["employee_id"]}
    assert len(employees) == 60
    assert sum(row["role"] == "sales_engineer" for row in employees) >= 50


def test_jurisdictions_with_their_time_zones_and_currencies(demo):
    places = {(row["jurisdiction"], row["timezone"], row["currency"]) for row in demo.rows("employees")}
    assert places == {
        ("CN-BJ", "Asia/Shanghai", "CNY"),
        ("CN-SH", "Asia/Shanghai", "CNY"),
        ("DE", "Europe/Berlin", "EUR"),
        ("JP", "Asia/Tokyo", "JPY"),
    }


def test_xiao_li_is_a_beijing_sales_engineer_hired_about_five_years_ago(demo):
    row = next(row for row in demo.rows("employees") if row["employee_id"] == XIAO_LI)
    assert "小李" in row["name"]
    assert (row["team"], row["role"], row["jurisdiction"], row["timezone"]) == (
        TEAM,
        "sales_engineer",
        "CN-BJ",
        "Asia/Shanghai",
    )
    years = (AS_OF - date.fromisoformat(row["hire_date"])).days / 365.25
    assert 4.8 <= years <= 5.0


def test_a_newcomer_hired_six_weeks_ago_has_too_little_data(demo):
    newcomers = [
        row
        for row in demo.rows("employees")
        if 35 <= (AS_OF - date.fromisoformat(row["hire_date"])).days <= 49
    ]
    assert [row["employee_id"] for row in newcomers] == [demo.manifest["cast"]["newcomer"]]
    newcomer = newcomers[0]["employee_id"]
    leads = [row for row in demo.rows("leads") if row["owner_employee_id"] == newcomer]
    xiao_li_leads = [row for row in demo.rows("leads") if row["owner_employee_id"] == XIAO_LI]
    assert 0 < len(leads) < len(xiao_li_leads) / 10


# -- contracts ---------------------------------------------------------------------------------------


def test_about_a_dozen_contracts_end_within_90_days_in_all_three_countries(demo):
    employees = {row["employee_id"]: row for row in demo.rows("employees")}
    ending = [
        row
        for row in demo.rows("contracts")
        if row["end_date"] and AS_OF < date.fromisoformat(row["end_date"]) <= AS_OF + timedelta(days=90)
    ]
    assert 10 <= len(ending) <= 14
    assert {row["type"] for row in ending} == {"fixed_term"}
    assert {employees[row["employee_id"]]["jurisdiction"][:2] for row in ending} == {"CN", "DE", "JP"}
    sequences = Counter(row["sequence"] for row in ending)
    assert sequences["1"] >= 4
    assert sequences["2"] >= 4
    later = [row for row in demo.rows("contracts") if not row["end_date"] or row["end_date"] > str(AS_OF)]
    assert len(later) == 60  # everyone has a current contract


def test_xiao_li_is_on_his_second_consecutive_fixed_term_ending_45_days_after_as_of(demo):
    contracts = [row for row in demo.rows("contracts") if row["employee_id"] == XIAO_LI]
    assert [(row["sequence"], row["type"]) for row in contracts] == [("1", "fixed_term"), ("2", "fixed_term")]
    first, second = contracts
    assert date.fromisoformat(second["start_date"]) == date.fromisoformat(first["end_date"]) + timedelta(
        days=1
    )
    assert date.fromisoformat(second["end_date"]) == AS_OF + timedelta(days=45)
    assert second["currency"] == "CNY"
    assert Decimal(second["monthly_base_salary"]) > 0


def test_contract_histories_start_at_hire_and_run_without_gaps(demo):
    hires = {row["employee_id"]: date.fromisoformat(row["hire_date"]) for row in demo.rows("employees")}
    by_employee: dict[str, list[dict[str, str]]] = {}
    for row in demo.rows("contracts"):
        by_employee.setdefault(row["employee_id"], []).append(row)
    assert set(by_employee) == set(hires)
    for employee_id, contracts in by_employee.items():
        assert [int(row["sequence"]) for row in contracts] == list(range(1, len(contracts) + 1))
        assert date.fromisoformat(contracts[0]["start_date"]) == hires[employee_id]
        for earlier, later in itertools.pairwise(contracts):
            assert earlier["type"] == "fixed_term"
            assert date.fromisoformat(later["start_date"]) == date.fromisoformat(
                earlier["end_date"]
            ) + timedelta(days=1)
        for row in contracts:
            assert bool(row["end_date"]) == (row["type"] == "fixed_term")


# -- money -------------------------------------------------------------------------------------------


def test_daily_rates_to_cny_cover_every_order_date(demo):
    rates = {(row["date"], row["base"]) for row in demo.rows("fx_rates")}
    assert {row["quote"] for row in demo.rows("fx_rates")} == {"CNY"}
    zones = {row["employee_id"]: ZoneInfo(row["timezone"]) for row in demo.rows("employees")}
    foreign = [row for row in demo.rows("orders") if row["currency"] != "CNY"]
    assert {row["currency"] for row in foreign} == {"EUR", "JPY"}
    for row in foreign:
        local_day = instant(row["ordered_at"]).astimezone(zones[row["employee_id"]]).date()
        assert (local_day.isoformat(), row["currency"]) in rates


def test_one_revenue_target_per_person_per_month_from_hire_to_as_of(demo):
    targets = Counter((row["employee_id"], row["month"], row["metric"]) for row in demo.rows("targets"))
    assert set(targets.values()) == {1}
    assert {metric for _, _, metric in targets} == {"revenue"}
    first_month = "2025-11"
    for row in demo.rows("employees"):
        start = max(first_month, row["hire_date"][:7])
        months = sorted(month for employee_id, month, _ in targets if employee_id == row["employee_id"])
        assert months[0] == start
        assert months[-1] == "2026-11"
        assert len(months) == len(set(months))


# -- CRM facts ---------------------------------------------------------------------------------------


def test_leads_move_forward_in_time_and_end_once(demo):
    for row in demo.rows("leads"):
        created, qualified = instant(row["created_at"]), instant(row["qualified_at"])
        won, lost = instant(row["won_at"]), instant(row["lost_at"])
        assert not (won and lost)
        if qualified:
            assert qualified > created
        if won:
            assert qualified
            assert won > qualified
        if lost:
            assert lost > (qualified or created)


def test_customers_buy_again(demo):
    orders = Counter(row["customer_id"] for row in demo.rows("orders"))
    assert sum(count >= 2 for count in orders.values()) > 500


def test_seasons_show_in_revenue(demo):
    """Spring Festival slows China in February, the holidays slow Germany in August; Q4 is busy."""
    reference = demo.reference
    months = [f"2025-{number:02d}" for number in (11, 12)] + [f"2026-{number:02d}" for number in range(1, 11)]

    def revenue(prefix: str) -> dict[str, Decimal]:
        people = [key for key, row in reference.employees.items() if row["jurisdiction"].startswith(prefix)]
        return {month: sum(reference.revenue(key, month) for key in people) for month in months}

    china, germany = revenue("CN"), revenue("DE")
    assert china["2026-02"] < Decimal("0.8") * mean(china.values())
    assert germany["2026-08"] < Decimal("0.8") * mean(germany.values())
    assert china["2025-12"] == max(china.values())


# -- the story ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("month", STORY_MONTHS)
def test_xiao_li_in_each_of_the_last_three_complete_months(demo, month):
    reference = demo.reference
    assert reference.customers_followed(XIAO_LI, month) == 30
    assert reference.lead_conversion_rate(XIAO_LI, month) == Fraction(3, 25)
    assert reference.repurchase_rate(XIAO_LI, month) == Fraction(2, 25)
    assert reference.screening_share(XIAO_LI, month) == Fraction(1, 10)
    assert reference.quota_attainment(XIAO_LI, month) == Decimal("0.6")
    assert reference.csat(XIAO_LI, month) == Fraction(47, 10)


@pytest.mark.parametrize("month", STORY_MONTHS)
def test_xiao_li_team_in_each_of_the_last_three_complete_months(demo, month):
    reference = demo.reference
    assert len(reference.members(TEAM, month)) == 11
    assert abs(reference.team_mean("customers_followed", TEAM, month) - 25) <= TEAM_FOLLOWED_TOLERANCE
    assert (
        abs(reference.team_mean("lead_conversion_rate", TEAM, month) - Fraction(1, 5)) <= TEAM_RATE_TOLERANCE
    )
    assert abs(reference.team_mean("repurchase_rate", TEAM, month) - Fraction(3, 20)) <= TEAM_RATE_TOLERANCE
    assert reference.top_decile_mean("screening_share", TEAM, month) == Fraction(3, 10)


@pytest.mark.parametrize("month", STORY_MONTHS)
def test_the_bench_is_thin(demo, month):
    """Besides the two at the top (already carrying the most), nobody outsells the team's average by much."""
    reference = demo.reference
    attainment = {key: reference.quota_attainment(key, month) for key in reference.members(TEAM, month)}
    ranked = sorted(attainment, key=lambda key: attainment[key], reverse=True)
    assert attainment[ranked[1]] >= Decimal("1.1")
    assert all(attainment[key] <= Decimal("1.02") for key in ranked[2:])


def test_xiao_li_months_need_his_time_zone(demo):
    """He starts each story month with an email at 07:xx on the 1st: still the previous month in UTC."""
    zone = ZoneInfo("Asia/Shanghai")
    for month in STORY_MONTHS:
        early = [
            row
            for row in demo.rows("activities")
            if row["employee_id"] == XIAO_LI
            and instant(row["started_at"]).astimezone(zone).strftime("%Y-%m") == month
            and instant(row["started_at"]).astimezone(ZoneInfo("UTC")).strftime("%Y-%m") < month
        ]
        assert early, month


def test_xiao_li_customers_carry_real_revenue(demo):
    reference = demo.reference
    months = ["2025-11", "2025-12"] + [f"2026-{number:02d}" for number in range(1, 11)]
    assert sum(reference.revenue(XIAO_LI, month) for month in months) > Decimal(2_500_000)
    owned = [row for row in demo.rows("customers") if row["owner_employee_id"] == XIAO_LI]
    assert len(owned) > 200


def test_one_person_clearly_in_each_quadrant(demo):
    reference, cast = demo.reference, demo.manifest["cast"]

    def average(metric: str, key: str) -> float:
        values = [getattr(reference, metric)(key, month) for month in STORY_MONTHS]
        return float(mean(value for value in values if value is not None))

    star = cast["high_attitude_high_performance"]
    assert average("quota_attainment", star) >= 1.2
    assert average("csat", star) >= 4.4
    assert average("response_24h_rate", star) >= 0.9
    xiao_li = cast["high_attitude_low_performance"]
    assert xiao_li == XIAO_LI
    assert average("response_24h_rate", xiao_li) >= 0.9
    disengaged = cast["low_attitude_high_performance"]
    assert average("quota_attainment", disengaged) >= 1.1
    assert average("response_24h_rate", disengaged) <= 0.6
    assert average("customers_followed", disengaged) <= 15
    let_go = cast["low_attitude_low_performance"]
    assert average("quota_attainment", let_go) <= 0.6
    assert average("response_24h_rate", let_go) <= 0.7
    assert average("csat", let_go) <= 3.6


def test_people_improve_and_decline_over_the_year(demo):
    reference, cast = demo.reference, demo.manifest["cast"]
    first = ["2025-11", "2025-12", "2026-01"]

    def attainment(key: str, months: list[str]) -> float:
        return float(mean(reference.quota_attainment(key, month) for month in months))

    assert attainment(cast["improving"], STORY_MONTHS) > attainment(cast["improving"], first) + 0.25
    assert attainment(cast["declining"], STORY_MONTHS) < attainment(cast["declining"], first) - 0.25


# -- as_of -------------------------------------------------------------------------------------------


def test_another_as_of_tells_the_same_story_shifted(demo, shifted):
    before = {row["employee_id"]: row for row in demo.rows("employees")}
    after = {row["employee_id"]: row for row in shifted.rows("employees")}
    assert list(before) == list(after)
    for key, row in before.items():
        assert {**row, "hire_date": ""} == {**after[key], "hire_date": ""}
        moved = (date.fromisoformat(after[key]["hire_date"]) - date.fromisoformat(row["hire_date"])).days
        assert moved in (39, 40, 41)  # a leap day may fall in between
    xiao_li = [row for row in shifted.rows("contracts") if row["employee_id"] == XIAO_LI]
    assert date.fromisoformat(xiao_li[-1]["end_date"]) == shifted.as_of + timedelta(days=45)
    assert shifted.manifest["story"]["months"] == ["2026-10", "2026-11", "2026-12"]
    for month in shifted.manifest["story"]["months"]:
        assert shifted.reference.lead_conversion_rate(XIAO_LI, month) == Fraction(3, 25)
        assert shifted.reference.repurchase_rate(XIAO_LI, month) == Fraction(2, 25)
        assert shifted.reference.quota_attainment(XIAO_LI, month) == Decimal("0.6")


def test_the_story_holds_through_the_spring_festival(spring_festival):
    reference = spring_festival.reference
    assert spring_festival.manifest["story"]["months"] == ["2026-12", "2027-01", "2027-02"]
    for month in spring_festival.manifest["story"]["months"]:
        assert reference.customers_followed(XIAO_LI, month) == 30
        assert reference.lead_conversion_rate(XIAO_LI, month) == Fraction(3, 25)
        assert reference.repurchase_rate(XIAO_LI, month) == Fraction(2, 25)
        assert reference.screening_share(XIAO_LI, month) == Fraction(1, 10)
        assert reference.quota_attainment(XIAO_LI, month) == Decimal("0.6")
        assert reference.csat(XIAO_LI, month) == Fraction(47, 10)
        assert abs(reference.team_mean("customers_followed", TEAM, month) - 25) <= TEAM_FOLLOWED_TOLERANCE
        assert (
            abs(reference.team_mean("lead_conversion_rate", TEAM, month) - Fraction(1, 5))
            <= TEAM_RATE_TOLERANCE
        )
        assert (
            abs(reference.team_mean("repurchase_rate", TEAM, month) - Fraction(3, 20)) <= TEAM_RATE_TOLERANCE
        )
        assert reference.top_decile_mean("screening_share", TEAM, month) == Fraction(3, 10)


# -- arguments ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"employees": 29}, "at least 30 employees"),
        ({"months": 3}, "months must be between 4 and 60"),
    ],
)
def test_too_small_a_company_is_refused(arguments, message):
    with pytest.raises(ValueError, match=message):
        DemoSpec(as_of=AS_OF, **arguments)


def test_the_smallest_company_still_tells_the_story(tmp_path):
    small = build_demo(tmp_path, DemoSpec(as_of=AS_OF, employees=30, months=4))
    employees = small.rows("employees")
    assert len(employees) == 30
    assert len({row["jurisdiction"][:2] for row in employees}) == 3
    month = "2026-10"
    assert small.reference.customers_followed(XIAO_LI, month) == 30
    assert small.reference.lead_conversion_rate(XIAO_LI, month) == Fraction(3, 25)
    assert small.reference.repurchase_rate(XIAO_LI, month) == Fraction(2, 25)
    assert small.reference.quota_attainment(XIAO_LI, month) == Decimal("0.6")
