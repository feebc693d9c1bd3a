"""Accounts, logins and sessions: the server's use cases before any playbook one.

A session is a random token in an HttpOnly cookie; the database keeps only its
SHA-256, so a leaked backup logs nobody in. Logging in always makes a new token
(no session fixation). Failed logins are counted per address and per client IP in
the database, so every server process throttles alike.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, text, update

from afterview import validation
from afterview.errors import AfterviewError, BadInput, NotFound
from afterview.server import passwords
from afterview.server import tables as t
from afterview.server.store import ServerStore

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from afterview.playbook.settings import Settings

SESSION_LIFETIME = timedelta(days=14)
# Throttling: after this many failures in the window, refuse until it passes.
FAILURE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_IP = 50
# `last_seen_at` is written at most this often (a read-only page stays read-only).
TOUCH_EVERY = timedelta(minutes=5)
# Between a right password and the code (two-step sign-in).
CHALLENGE_LIFETIME = timedelta(minutes=5)


class LoginRefused(AfterviewError):
    http_status = 401


class Throttled(AfterviewError):
    http_status = 429


class CodeNeeded(Exception):
    """The password was right and the account has two-step sign-in: no session yet,
    only the token of a pending sign-in (afterview.server.totp says why a table)."""

    def __init__(self, pending: str) -> None:
        super().__init__("a one-time code is needed")
        self.pending = pending


@dataclass(frozen=True)
class User:
    id: int
    agency_id: int
    role: str
    name: str
    email: str
    timezone: str
    settings_version: int = 0  # goes up when the account saves its settings


def create_agency(store: ServerStore, name: str, now: datetime) -> int:
    clean = validation.line(name, "The agency's name")
    with store.owner() as conn:
        agency_id = conn.execute(
            insert(t.agencies).values(name=clean, created_at=now).returning(t.agencies.c.id)
        ).scalar_one()
        _audit(conn, int(agency_id), None, "agency.create", clean, now)
    return int(agency_id)


def add_user(
    store: ServerStore,
    *,
    agency_id: int,
    email: str,
    name: str,
    role: str,
    password: str,
    timezone: str = "UTC",
    now: datetime,
    actor: User | None = None,
) -> User:
    """An account; a candidate also gets their own schema and role, in the same
    transaction (all or nothing)."""
    address, clean_name, zone = checked_account(email, name, role, timezone)
    passwords.check_new(password, email=address, name=clean_name)
    hashed = passwords.hash_password(password)
    with store.owner() as conn:
        return insert_user(
            store, conn, agency_id, address, clean_name, role, hashed, zone, now, actor
        )


def checked_account(email: str, name: str, role: str, timezone: str) -> tuple[str, str, str]:
    """The address (lower case), the name and the time zone of a new account."""
    from afterview.config import checked_zone

    address = validation.email(email, "The account's email address").lower()
    clean_name = validation.line(name, "The account's name")
    if role not in t.ROLES:
        raise BadInput(f"The role must be one of {', '.join(t.ROLES)} (not {role!r}).")
    return address, clean_name, checked_zone(timezone, "The account's time zone")


def insert_user(
    store: ServerStore,
    conn: Connection,
    agency_id: int,
    address: str,
    clean_name: str,
    role: str,
    hashed: str | None,
    zone: str,
    now: datetime,
    actor: User | None,
) -> User:
    """The account row (and a candidate's store) in the caller's owner transaction;
    no `hashed` password: invited, waiting for its owner to set one."""
    if conn.execute(select(t.agencies.c.id).where(t.agencies.c.id == agency_id)).first() is None:
        raise NotFound(f"No agency {agency_id}.")
    if conn.execute(select(t.users.c.id).where(t.users.c.email == address)).first():
        raise BadInput(f"There is already an account for {address}.")
    user_id = int(
        conn.execute(
            insert(t.users)
            .values(
                agency_id=agency_id,
                email=address,
                name=clean_name,
                role=role,
                password_hash=hashed,
                timezone=zone,
                created_at=now,
            )
            .returning(t.users.c.id)
        ).scalar_one()
    )
    if role == "candidate":
        store.provision_candidate(conn, user_id)
    _audit(
        conn,
        agency_id,
        actor.id if actor else None,
        "user.create",
        f"{role} {address}",
        now,
        candidate_id=user_id if role == "candidate" else None,
    )
    return User(user_id, agency_id, role, clean_name, address, zone)


def login(
    store: ServerStore, email: str, password: str, *, ip: str, now: datetime
) -> tuple[str, User]:
    """A new session token for a right password; throttled after repeated failures.

    An account with two-step sign-in gets no session here: `CodeNeeded` carries the
    token of a pending sign-in that `totp.finish_login` turns into one."""
    address = (email or "").strip().lower()
    with store.system() as conn:
        check_throttle(conn, address, ip, now)
        row = conn.execute(text("SELECT * FROM login_lookup(:e)"), {"e": address}).first()
    stored = row.password_hash if row is not None and not row.disabled else None
    if not passwords.verify(stored, password) or row is None:
        record_failure(store, address, ip, now)
        raise LoginRefused("The email address or the password is wrong.")
    with store.agency(row.agency_id) as conn:
        if row.password_hash and passwords.needs_rehash(row.password_hash):
            conn.execute(
                update(t.users)
                .where(t.users.c.id == row.user_id)
                .values(password_hash=passwords.hash_password(password))
            )
        if row.totp_secret:
            pending = secrets.token_urlsafe(32)
            conn.execute(
                insert(t.login_challenges).values(
                    token_hash=token_hash(pending),
                    user_id=row.user_id,
                    agency_id=row.agency_id,
                    created_at=now,
                    expires_at=now + CHALLENGE_LIFETIME,
                    ip=ip,
                )
            )
        else:
            conn.execute(text("SELECT clear_login_failures(:e)"), {"e": address})
            token, user = open_session(conn, row.user_id, row.agency_id, ip, now)
    if row.totp_secret:
        raise CodeNeeded(pending)
    return token, user


def check_throttle(conn: Connection, address: str, ip: str, now: datetime) -> None:
    by_email, by_ip = conn.execute(
        text("SELECT * FROM login_failures_since(:e, :ip, :since)"),
        {"e": address, "ip": ip, "since": now - FAILURE_WINDOW},
    ).one()
    if by_email >= MAX_FAILURES_PER_EMAIL or by_ip >= MAX_FAILURES_PER_IP:
        raise Throttled(
            "Too many failed logins; wait 15 minutes and try again, or ask your "
            "agency's administrator to reset your password."
        )


def record_failure(store: ServerStore, address: str, ip: str, now: datetime) -> None:
    """A wrong password or a wrong code: both count toward the same throttle."""
    with store.system() as conn:
        conn.execute(
            text("SELECT record_login_failure(:e, :ip, :at)"),
            {"e": address, "ip": ip, "at": now},
        )


def open_session(
    conn: Connection, user_id: int, agency_id: int, ip: str, now: datetime
) -> tuple[str, User]:
    """A new session (in the caller's agency transaction): the one way to sign in."""
    token = secrets.token_urlsafe(32)
    conn.execute(
        insert(t.sessions).values(
            token_hash=token_hash(token),
            user_id=user_id,
            agency_id=agency_id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + SESSION_LIFETIME,
            ip=ip,
        )
    )
    conn.execute(update(t.users).where(t.users.c.id == user_id).values(last_seen_at=now))
    _audit(conn, agency_id, user_id, "session.login", None, now, ip=ip)
    return token, _user(conn, user_id)


def resolve(store: ServerStore, token: str | None, now: datetime) -> User | None:
    """The user a session cookie belongs to, or None (unknown, expired, disabled)."""
    if not token or len(token) > 200:
        return None
    hashed = token_hash(token)
    with store.system() as conn:
        row = conn.execute(
            text("SELECT * FROM session_lookup(:h, :now)"), {"h": hashed, "now": now}
        ).first()
    if row is None:
        return None
    if now - row.last_seen_at > TOUCH_EVERY:
        with store.agency(row.agency_id) as conn:
            conn.execute(
                update(t.sessions).where(t.sessions.c.token_hash == hashed).values(last_seen_at=now)
            )
            conn.execute(
                update(t.users).where(t.users.c.id == row.user_id).values(last_seen_at=now)
            )
    return User(
        row.user_id,
        row.agency_id,
        row.role,
        row.name,
        row.email,
        row.timezone,
        row.settings_version,
    )


def stored_settings(store: ServerStore, user: User) -> dict[str, Any]:
    """What the account changed from the default settings (as the config file holds)."""
    with store.agency(user.agency_id) as conn:
        found = conn.execute(select(t.users.c.settings).where(t.users.c.id == user.id)).scalar()
    return dict(found or {})


def settings_of(store: ServerStore, agency_id: int, user_id: int) -> Settings:
    """The account's playbook settings (the defaults, changed where it changed them)."""
    from afterview.playbook.settings import from_plain

    with store.agency(agency_id) as conn:
        found = conn.execute(select(t.users.c.settings).where(t.users.c.id == user_id)).scalar()
    return from_plain(dict(found or {}))


def save_settings(
    store: ServerStore, user: User, changes: dict[str, str], now: datetime
) -> tuple[dict[str, Any], str]:
    """Merge `changes` (NAME → text, as `afterview config set` takes them; `timezone`
    among them) into the account's settings, all checked before anything is saved.
    Returns the stored values and the zone; every process sees the new version on the
    account's next request (the session look-up returns it)."""
    from afterview.config import checked_zone
    from afterview.playbook.settings import SettingsError, from_plain

    values = dict(changes)
    zone = user.timezone
    if "timezone" in values:
        zone = checked_zone(values.pop("timezone"), "Your time zone")
    merged = {**stored_settings(store, user), **values}
    try:
        from_plain(dict(merged))
    except SettingsError as exc:
        raise BadInput(str(exc)) from None
    with store.agency(user.agency_id) as conn:
        conn.execute(
            update(t.users)
            .where(t.users.c.id == user.id)
            .values(
                settings=merged,
                timezone=zone,
                settings_version=t.users.c.settings_version + 1,
            )
        )
        _audit(conn, user.agency_id, user.id, "settings.save", ", ".join(sorted(changes)), now)
    return merged, zone


def logout(store: ServerStore, user: User, token: str, now: datetime) -> None:
    with store.agency(user.agency_id) as conn:
        conn.execute(t.sessions.delete().where(t.sessions.c.token_hash == token_hash(token)))
        _audit(conn, user.agency_id, user.id, "session.logout", None, now)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _user(conn: Connection, user_id: int) -> User:
    u = t.users.c
    row = conn.execute(
        select(u.id, u.agency_id, u.role, u.name, u.email, u.timezone).where(u.id == user_id)
    ).one()
    return User(int(row.id), int(row.agency_id), row.role, row.name, row.email, row.timezone)


def _audit(
    conn: Connection,
    agency_id: int,
    actor_id: int | None,
    action: str,
    target: str | None,
    at: datetime,
    *,
    candidate_id: int | None = None,
    ip: str | None = None,
) -> None:
    conn.execute(
        insert(t.audit_log).values(
            agency_id=agency_id,
            actor_id=actor_id,
            candidate_id=candidate_id,
            action=action,
            target=target,
            at=at,
            ip=ip,
        )
    )


def candidate_by_email(store: ServerStore, email: str) -> User:
    """A candidate's account, for the administrator's commands."""
    u = t.users.c
    address = (email or "").strip().lower()
    with store.owner() as conn:
        row = conn.execute(
            select(u.id, u.agency_id, u.role, u.name, u.email, u.timezone).where(u.email == address)
        ).first()
    if row is None or row.role != "candidate":
        raise NotFound(f"No candidate account for {address}.")
    return User(int(row.id), int(row.agency_id), row.role, row.name, row.email, row.timezone)


def record(store: ServerStore, user: User, action: str, target: str | None, now: datetime) -> None:
    """An audit entry about `user`'s data, written by an administrator's command."""
    with store.owner() as conn:
        _audit(conn, user.agency_id, None, action, target, now, candidate_id=user.id)


def agency_user(conn: Connection, user_id: int) -> User:
    """An account of the transaction's agency; another agency's is not found, as
    row-level security hides it (so the answer is the same as for no account)."""
    u = t.users.c
    row = conn.execute(
        select(u.id, u.agency_id, u.role, u.name, u.email, u.timezone).where(u.id == user_id)
    ).first()
    if row is None:
        raise NotFound(f"No account {user_id} in your agency.")
    return User(int(row.id), int(row.agency_id), row.role, row.name, row.email, row.timezone)


audit = _audit  # for the other use-case modules (totp, admin)
