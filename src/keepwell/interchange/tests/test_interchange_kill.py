"""Killing an import part-way (SIGKILL, after it has written into its transaction) changes nothing.

Runs in subprocesses against a scratch database of the backend under test (a SQLite file, or a
PostgreSQL database created and dropped here), since the test database's own transaction is not
visible to other processes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid

import pytest
from django.conf import settings


@pytest.fixture
def scratch_database(tmp_path):
    database = settings.DATABASES["default"]
    environment = dict(
        os.environ, KEEPWELL_VAR_DIR=str(tmp_path / "var"), DJANGO_SETTINGS_MODULE="keepwell.config.settings"
    )
    if database["ENGINE"].endswith("sqlite3"):
        environment["KEEPWELL_DATABASE_URL"] = f"sqlite:///{tmp_path / 'kill.sqlite3'}"
        yield environment
        return
    import psycopg

    name = f"keepwell_kill_{uuid.uuid4().hex[:10]}"
    credentials = (
        f"{database['USER']}:{database['PASSWORD']}@" if database["PASSWORD"] else f"{database['USER']}@"
    )
    server = f"postgresql://{credentials}{database['HOST'] or 'localhost'}:{database['PORT'] or 5432}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    environment["KEEPWELL_DATABASE_URL"] = f"{server}/{name}"
    try:
        yield environment
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _step(environment, step, directory):
    completed = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", "keepwell.interchange.tests.killable", step, str(directory)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_a_killed_import_leaves_the_database_as_it_was(scratch_database, tmp_path):
    before = _step(scratch_database, "setup", tmp_path)
    assert before["activities"] == 500
    assert before["minutes"] == 500
    assert "activity_employee_started_idx" in before["indexes"]

    victim = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "keepwell.interchange.tests.killable", "victim", str(tmp_path)],
        env=scratch_database,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = victim.stdout.readline()
        assert line.startswith("WROTE "), line + victim.stderr.read()
        written = int(line.split()[1])
        assert written > 500  # rows of this import are in its open transaction
        victim.send_signal(signal.SIGKILL)
        assert victim.wait(timeout=60) == -signal.SIGKILL
    finally:
        if victim.poll() is None:
            victim.kill()
        victim.stdout.close()
        victim.stderr.close()

    assert _step(scratch_database, "check", tmp_path) == {
        **before,
        "import_again": "read 3, imported 0, updated 3, rejected 0",
    }
