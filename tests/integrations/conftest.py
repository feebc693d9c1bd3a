"""An App on the test's database (SQLite and PostgreSQL, see tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from afterview.services.app import App

from .helpers import make_app


@pytest.fixture
def app(db_url: str) -> Iterator[App]:
    service = make_app(db_url)
    yield service
    service.close()
