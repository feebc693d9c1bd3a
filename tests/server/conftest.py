"""One server deployment for the whole run, on the real PostgreSQL server.

Provisioning a candidate migrates a schema of their own, so the deployment is
made once (its own random prefix: roles are cluster-wide) and every test adds
the accounts it needs under unique addresses. Everything is dropped at the end.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from afterview.server import accounts
from afterview.server.accounts import User
from afterview.server.naming import Naming
from afterview.server.store import ServerStore

pytestmark = pytest.mark.postgres

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
PASSWORD = "a long walk to the station"


@pytest.fixture(scope="session")
def server_store(_postgres_admin: str) -> Iterator[ServerStore]:
    store = ServerStore.open(_postgres_admin, Naming(f"t{uuid.uuid4().hex[:10]}"))
    try:
        store.initialise()
        yield store
    finally:
        store.drop_everything()
        store.dispose()


@dataclass
class Agency:
    store: ServerStore
    id: int

    def user(self, role: str = "candidate", name: str = "Ana Lima", tz: str = "UTC") -> User:
        email = f"{role}-{uuid.uuid4().hex[:8]}@example.com"
        return accounts.add_user(
            self.store,
            agency_id=self.id,
            email=email,
            name=name,
            role=role,
            password=PASSWORD,
            timezone=tz,
            now=NOW,
        )


@pytest.fixture
def agency(server_store: ServerStore) -> Agency:
    return Agency(server_store, accounts.create_agency(server_store, "Northgate Recruitment", NOW))


@pytest.fixture
def other_agency(server_store: ServerStore) -> Agency:
    return Agency(server_store, accounts.create_agency(server_store, "Southbank Talent", NOW))


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)
