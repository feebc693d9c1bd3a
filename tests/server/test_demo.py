"""`afterview server demo`: a demo agency whose consultant's day has something on it."""

from __future__ import annotations

import pytest

from afterview.errors import BadInput
from afterview.server import demo, sharing
from afterview.server.accounts import User
from afterview.server.store import ServerStore

from .conftest import NOW, PASSWORD

pytestmark = pytest.mark.postgres


def test_the_demo_agency_shares_and_refuses_a_second_time(server_store: ServerStore) -> None:
    made = demo.create(server_store, PASSWORD, NOW)
    roles = [role for role, _, _ in made.accounts]
    assert roles == ["admin", "consultant", "candidate", "candidate"]
    from afterview.server import accounts

    _, sam = accounts.login(server_store, demo.PEOPLE[1][2], PASSWORD, ip="127.0.0.1", now=NOW)
    day, pending = sharing.day(server_store, sam, NOW)
    assert pending == []
    assert {o.candidate_name for o in day.shared} == {"Ana Lima", "Bo Chen"}
    assert all(o.route == "recruiter" for o in day.shared)
    with pytest.raises(BadInput, match="already there"):
        demo.create(server_store, PASSWORD, NOW)
    assert isinstance(sam, User)
