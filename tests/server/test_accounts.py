"""Accounts and logins: Argon2id, throttling, sessions that expire and end."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text

from afterview.errors import BadInput, NotFound, StoreError
from afterview.server import accounts
from afterview.server import tables as t

from .conftest import NOW, PASSWORD, Agency

pytestmark = pytest.mark.postgres


def test_passwords_are_stored_as_argon2id_hashes(agency: Agency) -> None:
    user = agency.user()
    with agency.store.owner() as conn:
        stored = conn.execute(select(t.users.c.password_hash).where(t.users.c.id == user.id))
        hashed = stored.scalar_one()
    assert hashed.startswith("$argon2id$")
    assert PASSWORD not in hashed


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"password": "short"}, "at least 12 characters"),
        ({"password": "x" * 2000}, "at most 1024"),
        ({"password": "aaaaaaaaaaaaaaaa"}, "too repetitive"),
        ({"password": "my name is Ana Lima ok"}, "must not contain your name"),
        ({"role": "owner"}, "role must be one of"),
        ({"email": "not an address"}, "email address"),
        ({"timezone": "Mars/Olympus"}, "time zone"),
    ],
)
def test_bad_accounts_are_refused_and_leave_nothing(
    agency: Agency, changes: dict[str, str], message: str
) -> None:
    values = {
        "agency_id": agency.id,
        "email": "new.person@example.com",
        "name": "Ana Lima",
        "role": "candidate",
        "password": PASSWORD,
        "timezone": "UTC",
        **changes,
    }
    with pytest.raises(BadInput, match=message):
        accounts.add_user(agency.store, now=NOW, **values)  # type: ignore[arg-type]
    with agency.store.owner() as conn:
        assert (
            conn.execute(
                select(t.users.c.id).where(t.users.c.email == "new.person@example.com")
            ).first()
            is None
        )


def test_one_account_per_address_whatever_its_case(agency: Agency) -> None:
    user = agency.user()
    with pytest.raises(BadInput, match="already an account"):
        accounts.add_user(
            agency.store,
            agency_id=agency.id,
            email=user.email.upper(),
            name="Someone Else",
            role="consultant",
            password=PASSWORD,
            now=NOW,
        )


def test_an_unknown_agency_is_named(agency: Agency) -> None:
    with pytest.raises(NotFound, match="No agency 999999"):
        accounts.add_user(
            agency.store,
            agency_id=999_999,
            email="x@example.com",
            name="X Y",
            role="admin",
            password=PASSWORD,
            now=NOW,
        )


def test_a_failed_provisioning_leaves_no_account_and_no_role(agency: Agency) -> None:
    """The account, the role and the schema are one transaction: a schema in the way
    (owned by someone else) makes the migration fail, and nothing stays."""
    store = agency.store
    with store.owner() as conn:
        next_id = conn.execute(
            text(
                "SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END "
                "FROM users_id_seq"
            )
        ).scalar_one()
    squatter = store.naming.candidate_schema(int(next_id))
    with store.engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{squatter}"')
    try:
        with pytest.raises(StoreError):
            accounts.add_user(
                store,
                agency_id=agency.id,
                email="squatted@example.com",
                name="Cara Diaz",
                role="candidate",
                password=PASSWORD,
                now=NOW,
            )
        with store.owner() as conn:
            assert (
                conn.execute(
                    select(t.users.c.id).where(t.users.c.email == "squatted@example.com")
                ).first()
                is None
            )
            assert (
                conn.execute(
                    text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": squatter}
                ).first()
                is None
            )
    finally:
        with store.engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{squatter}" CASCADE')


def test_login_gives_a_session_whose_token_is_not_stored(agency: Agency) -> None:
    user = agency.user()
    token, signed_in = accounts.login(
        agency.store, user.email.upper(), PASSWORD, ip="192.0.2.1", now=NOW
    )
    assert signed_in == user
    assert accounts.resolve(agency.store, token, NOW + timedelta(days=1)) == user
    with agency.store.agency(agency.id) as conn:
        stored = list(conn.execute(select(t.sessions.c.token_hash)).scalars())
    assert token not in stored
    assert accounts.token_hash(token) in stored


def test_wrong_and_unknown_logins_get_the_same_answer(agency: Agency) -> None:
    user = agency.user()
    with pytest.raises(accounts.LoginRefused) as wrong:
        accounts.login(agency.store, user.email, "not the password", ip="192.0.2.2", now=NOW)
    with pytest.raises(accounts.LoginRefused) as unknown:
        accounts.login(agency.store, "nobody@example.com", PASSWORD, ip="192.0.2.2", now=NOW)
    assert wrong.value.message == unknown.value.message


def test_repeated_failures_are_throttled_even_with_the_right_password(agency: Agency) -> None:
    user = agency.user()
    for minute in range(accounts.MAX_FAILURES_PER_EMAIL):
        with pytest.raises(accounts.LoginRefused):
            accounts.login(
                agency.store,
                user.email,
                "guess",
                ip="192.0.2.3",
                now=NOW + timedelta(minutes=minute),
            )
    later = NOW + timedelta(minutes=10)
    with pytest.raises(accounts.Throttled, match="wait 15 minutes"):
        accounts.login(agency.store, user.email, PASSWORD, ip="198.51.100.7", now=later)
    after_the_window = NOW + timedelta(minutes=30)
    token, _ = accounts.login(
        agency.store, user.email, PASSWORD, ip="192.0.2.3", now=after_the_window
    )
    assert accounts.resolve(agency.store, token, after_the_window) == user


def test_one_address_guessing_many_accounts_is_throttled(agency: Agency) -> None:
    ip = "203.0.113.99"
    for n in range(accounts.MAX_FAILURES_PER_IP):
        with pytest.raises(accounts.LoginRefused):
            accounts.login(agency.store, f"guess{n}@example.com", "guess", ip=ip, now=NOW)
    user = agency.user()
    with pytest.raises(accounts.Throttled):
        accounts.login(agency.store, user.email, PASSWORD, ip=ip, now=NOW)


def test_sessions_expire_end_at_logout_and_stop_for_disabled_accounts(agency: Agency) -> None:
    user = agency.user()
    store = agency.store
    token, _ = accounts.login(store, user.email, PASSWORD, ip="192.0.2.4", now=NOW)
    assert accounts.resolve(store, token, NOW + accounts.SESSION_LIFETIME) is None
    assert accounts.resolve(store, "made-up", NOW) is None
    accounts.logout(store, user, token, NOW)
    assert accounts.resolve(store, token, NOW) is None
    token, _ = accounts.login(store, user.email, PASSWORD, ip="192.0.2.4", now=NOW)
    with store.owner() as conn:
        conn.execute(t.users.update().where(t.users.c.id == user.id).values(disabled_at=NOW))
    assert accounts.resolve(store, token, NOW) is None
    with pytest.raises(accounts.LoginRefused):
        accounts.login(store, user.email, PASSWORD, ip="192.0.2.4", now=NOW)


def test_the_audit_log_says_who_signed_in(agency: Agency) -> None:
    user = agency.user()
    accounts.login(agency.store, user.email, PASSWORD, ip="192.0.2.5", now=NOW)
    with agency.store.agency(agency.id) as conn:
        rows = conn.execute(
            select(t.audit_log.c.action, t.audit_log.c.ip).where(t.audit_log.c.actor_id == user.id)
        ).all()
    assert ("session.login", "192.0.2.5") in [tuple(r) for r in rows]
