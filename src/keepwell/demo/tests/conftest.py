"""The generated demo companies the tests read, built once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from keepwell.demo.generator import DemoSpec
from keepwell.demo.tests.files import AS_OF, Demo, build_demo
from keepwell.demo.tests.loaded import Loaded, read_loaded


def pytest_configure(config: pytest.Config) -> None:
    # pytest-xdist registers it; without xdist (-p no:xdist) the marker must still be known.
    config.addinivalue_line("markers", "xdist_group(name): run these tests on one xdist worker")


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    return build_demo(tmp_path_factory.mktemp("demo"), DemoSpec(as_of=AS_OF))


@pytest.fixture(scope="session")
def shifted(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    return build_demo(tmp_path_factory.mktemp("shifted"), DemoSpec(as_of=AS_OF + timedelta(days=40)))


@pytest.fixture(scope="session")
def spring_festival(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """as_of on a month's last day: that month is complete, and the story spans the Spring Festival."""
    return build_demo(tmp_path_factory.mktemp("spring"), DemoSpec(as_of=date(2027, 2, 28)))


@pytest.fixture(scope="session")
def loaded(
    django_db_setup: None, django_db_blocker: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Loaded]:
    """``demo load`` of the default company as of ``AS_OF``, once per session, read back as plain data.

    The load commits (evaluation and the renewal scan read the database through DuckDB's own connection),
    so only transactional tests may use this fixture: they run after every test that rolls back, and each
    flushes the database when it ends; the data is read back here, before the first of them ends. The load
    is run twice: the second, with nothing changed, must be skipped.
    """
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        try:
            yield read_loaded(tmp_path_factory.mktemp("loaded"))
        except BaseException:
            call_command("flush", interactive=False, verbosity=0)
            raise
