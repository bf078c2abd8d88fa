"""Facts the engine scans itself: the same results, refusals naming the table, a source failing mid-run."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from keepwell.engine.errors import FactsUnreadable, InvalidFacts
from keepwell.engine.evaluate import evaluate, read_scanned
from keepwell.engine.facts import Facts, FactScan
from keepwell.engine.tests.builders import (
    activity,
    employee,
    facts_from_scenario,
    metric_rows,
    scanned_facts_from_scenario,
    utc,
)
from keepwell.engine.tests.reference import Scenario

AS_OF = date(2026, 9, 30)


def _scenario() -> Scenario:
    return Scenario(
        [employee(1, hire_date=date(2026, 9, 1))],
        activities=[
            activity(1, utc(2026, 9, 3), purpose="screening", duration_minutes=5, customer_key=7),
            activity(1, utc(2026, 9, 4), purpose="demo", duration_minutes=20, customer_key=8),
        ],
    )


def _metric(facts: Facts, metric: str) -> object:
    return metric_rows(evaluate(facts, as_of=AS_OF))[("E001", "2026-09", metric)][1]


def test_streamed_and_held_scans_give_what_given_tables_give(tmp_path: Path) -> None:
    given = facts_from_scenario(_scenario())
    expected = evaluate(given, as_of=AS_OF).metric_values
    for streamed in (frozenset(), frozenset({"activities"})):
        scanned = scanned_facts_from_scenario(_scenario(), tmp_path, streamed)
        assert evaluate(scanned, as_of=AS_OF).metric_values.equals(expected)
    # read_scanned holds everything, streamed tables included, exactly as given.
    held = read_scanned(scanned_facts_from_scenario(_scenario(), tmp_path, frozenset({"activities"})))
    assert held.scan is None
    assert held.activities.equals(given.activities)


def test_a_narrower_integer_is_widened_and_other_types_refused_naming_the_column(tmp_path: Path) -> None:
    path = tmp_path / "activities.parquet"
    pq.write_table(facts_from_scenario(_scenario()).activities, path)
    source = f"read_parquet('{path}')"
    narrow = f"SELECT * REPLACE (CAST(duration_minutes AS INTEGER) AS duration_minutes) FROM {source}"
    naive = f"SELECT * REPLACE (CAST(started_at AS TIMESTAMP) AS started_at) FROM {source}"
    missing = f"SELECT * EXCLUDE (replied_at) FROM {source}"
    employees = facts_from_scenario(_scenario()).employees

    def facts(query: str) -> Facts:
        scan = FactScan(setup=(), queries={"activities": query}, streamed=frozenset({"activities"}))
        return Facts(employees=employees, reporting_currency="CNY", scan=scan)

    assert _metric(facts(narrow), "screening_share") == Decimal(5)
    refusal = r"activities\.started_at must be TIMESTAMP WITH TIME ZONE, got TIMESTAMP$"
    with pytest.raises(InvalidFacts, match=refusal):
        evaluate(facts(naive), as_of=AS_OF)
    with pytest.raises(InvalidFacts, match="activities has no column 'replied_at'"):
        evaluate(facts(missing), as_of=AS_OF)


def test_a_scan_is_refused_when_it_cannot_be_what_the_engine_reads() -> None:
    employees = facts_from_scenario(_scenario()).employees
    with pytest.raises(InvalidFacts, match="cannot scan employees, nonsense: not a fact table"):
        FactScan(setup=(), queries={"employees": "SELECT 1", "nonsense": "SELECT 1"})
    with pytest.raises(InvalidFacts, match="cannot stream leads: no query"):
        FactScan(setup=(), queries={}, streamed=frozenset({"leads"}))
    scan = FactScan(setup=(), queries={"activities": "SELECT 1"})
    with pytest.raises(InvalidFacts, match="activities is both given and scanned"):
        Facts(
            employees=employees,
            reporting_currency="CNY",
            activities=facts_from_scenario(_scenario()).activities,
            scan=scan,
        )
    with pytest.raises(InvalidFacts, match="only given tables can be written"):
        Facts(employees=employees, reporting_currency="CNY", scan=scan).to_parquet_dir("/nonexistent")


def test_a_source_that_cannot_be_opened_or_read_is_a_clear_error(tmp_path: Path) -> None:
    employees = facts_from_scenario(_scenario()).employees
    unopenable = FactScan(setup=(f"ATTACH '{tmp_path / 'none' / 'x.db'}' AS source (READ_ONLY)",), queries={})
    with pytest.raises(FactsUnreadable, match="the facts' source cannot be opened"):
        evaluate(Facts(employees=employees, reporting_currency="CNY", scan=unopenable), as_of=AS_OF)
    absent = FactScan(setup=(), queries={"leads": f"FROM read_parquet('{tmp_path / 'none.parquet'}')"})
    with pytest.raises(FactsUnreadable, match="leads cannot be scanned"):
        evaluate(Facts(employees=employees, reporting_currency="CNY", scan=absent), as_of=AS_OF)


def test_a_streamed_source_failing_mid_run_is_a_clear_error(tmp_path: Path) -> None:
    # given: the activities' file disappears after the held tables were read, before they are streamed
    facts = scanned_facts_from_scenario(_scenario(), tmp_path, frozenset({"activities"}))

    def progress(step: str, done: int, total: int) -> None:
        if step == "targets":
            (tmp_path / "activities.parquet").unlink()

    # then
    with pytest.raises(FactsUnreadable, match="the facts' source failed while it was read"):
        evaluate(facts, as_of=AS_OF, progress=progress)


def test_the_setup_statements_which_may_hold_a_password_are_never_shown() -> None:
    scan = FactScan(setup=("ATTACH 'host=db password=s3cret' AS source",), queries={})
    assert "s3cret" not in repr(scan)
    facts = Facts(employees=facts_from_scenario(_scenario()).employees, reporting_currency="CNY", scan=scan)
    assert "s3cret" not in repr(facts)


@pytest.mark.parametrize(
    ("reported", "shown"),
    [
        (
            'Unable to connect to Postgres at "host=db port=5432 user=kw password=s3cret": refused',
            'Unable to connect to Postgres at "host=db port=5432 user=kw password=***": refused',
        ),
        ("at host=db password='se cr\\'et' dbname=kw", "at host=db password=*** dbname=kw"),
        ("postgres://kw:s3cret@db:5432/kw is down", "postgres://kw:***@db:5432/kw is down"),
        ("no password here", "no password here"),
    ],
)
def test_an_unreadable_source_never_shows_a_password(reported: str, shown: str) -> None:
    assert str(FactsUnreadable(reported)) == shown
