"""The generated demo companies the tests read, built once per test session."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from keepwell.demo.generator import DemoSpec
from keepwell.demo.tests.files import AS_OF, Demo, build_demo


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
