"""The service layer in-process: an App on the test's database, with explicit clocks.

Every use case takes `now`; these tests pass it and never read the wall clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from afterview.services.app import App

from .helpers import make_app


@pytest.fixture
def app(db_url: str) -> Iterator[App]:
    service = make_app(db_url)
    yield service
    service.close()


@pytest.fixture
def app_with(db_url: str) -> Iterator[Callable[..., App]]:
    """Another App on the same database with other settings (closed afterwards)."""
    opened: list[App] = []

    def factory(**settings: Any) -> App:
        opened.append(make_app(db_url, **settings))
        return opened[-1]

    yield factory
    for service in opened:
        service.close()
