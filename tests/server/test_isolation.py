"""The second wall: PostgreSQL itself keeps candidates and agencies apart, whatever
a query of ours might ask for."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError

from afterview.playbook.facts import Route
from afterview.server import tables as t
from afterview.services import records
from afterview.services.app import App
from afterview.services.queries import list_opportunities

from .conftest import NOW, Agency

pytestmark = pytest.mark.postgres


def _opportunity(app: App, company: str) -> int:
    return records.add_opportunity(
        app, company=company, role="Analyst", route=Route.DIRECT, now=NOW
    )


def test_each_candidate_has_a_store_of_their_own(agency: Agency) -> None:
    ana, ben = agency.user(name="Ana Lima"), agency.user(name="Ben Okafor")
    store = agency.store
    _opportunity(store.candidate_app(ana.id, "UTC"), "Acme")
    assert [o["company"] for o in list_opportunities(store.candidate_app(ana.id, "UTC"), NOW)] == [
        "Acme"
    ]
    assert list_opportunities(store.candidate_app(ben.id, "UTC"), NOW) == []


def test_a_candidates_role_cannot_read_another_candidates_schema(agency: Agency) -> None:
    ana, ben = agency.user(), agency.user()
    store = agency.store
    _opportunity(store.candidate_app(ben.id, "UTC"), "Secret Co")
    other = store.naming.candidate_schema(ben.id)
    with (
        pytest.raises(DBAPIError, match="permission denied"),
        store.candidate_app(ana.id, "UTC").transaction(NOW) as repo,
    ):
        repo.conn.execute(text(f'SELECT company FROM "{other}".opportunities'))


def test_a_candidates_role_cannot_read_the_accounts(agency: Agency) -> None:
    ana = agency.user()
    store = agency.store
    with (
        pytest.raises(DBAPIError, match="permission denied"),
        store.candidate_app(ana.id, "UTC").transaction(NOW) as repo,
    ):
        repo.conn.execute(text(f'SELECT email FROM "{store.naming.server_schema}".users'))


def test_row_level_security_shows_one_agency(agency: Agency, other_agency: Agency) -> None:
    mine, theirs = agency.user("consultant"), other_agency.user("consultant")
    store = agency.store
    with store.agency(agency.id) as conn:
        seen = set(conn.execute(select(t.users.c.email)).scalars())
    assert mine.email in seen
    assert theirs.email not in seen
    with store.system() as conn:  # no agency named: no rows at all
        assert conn.execute(select(t.users.c.id)).first() is None
        assert conn.execute(select(t.audit_log.c.id)).first() is None


def test_row_level_security_refuses_writes_into_another_agency(
    agency: Agency, other_agency: Agency
) -> None:
    with (
        pytest.raises(DBAPIError, match="row-level security"),
        agency.store.agency(agency.id) as conn,
    ):
        conn.execute(
            insert(t.audit_log).values(
                agency_id=other_agency.id, action="forged", at=NOW, target=None
            )
        )


def test_the_app_role_cannot_read_failed_logins_directly(agency: Agency) -> None:
    with (
        pytest.raises(DBAPIError, match="permission denied"),
        agency.store.agency(agency.id) as conn,
    ):
        conn.execute(select(t.login_failures.c.email))


def test_settings_of_one_transaction_never_reach_the_next(agency: Agency) -> None:
    """SET LOCAL: a pooled connection goes back without the role or the agency."""
    ana = agency.user()
    store = agency.store
    with store.candidate_app(ana.id, "UTC").transaction(NOW):
        pass
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT current_user = session_user")).scalar()
        assert not conn.execute(text("SELECT current_setting('afterview.agency', true)")).scalar()
