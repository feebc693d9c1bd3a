"""An agency administrator's use cases: the agency's accounts, invitations, disabling.

New accounts are *invited*, not given a password: the administrator names the
person, their role and time zone, and gets a one-time link, valid 7 days, by which
the person sets a password of their own. Why not a password typed by the
administrator: the administrator would know it, it would travel by chat or mail in
clear, and most people never change a password handed to them (NIST SP 800-63B:
passwords are chosen by their holder). The link is 256 random bits of which only
the SHA-256 is stored, it works once, and the accounts list shows who has not taken
theirs up, so a new link replaces a lost one. The server does not send the link:
mail is per machine in this release, so the administrator passes it on.

Everything here runs under row-level security as the administrator's agency, except
creating an account (a candidate's schema and role need the deployment's owner),
which writes only into the administrator's own agency. Every change is audit-logged.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, insert, select, text, update

from afterview.errors import BadInput, NotFound
from afterview.server import accounts, passwords
from afterview.server import tables as t
from afterview.server.accounts import User

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from afterview.server.store import ServerStore

INVITATION_LIFETIME = timedelta(days=7)
GONE = (
    "This invitation link has expired or has already been used. Ask your agency's "
    "administrator for a new one."
)


class NotAdmin(NotFound):
    """Staff who are not administrators see no administration at all (404)."""

    def __init__(self) -> None:
        super().__init__("There is no such page.")


@dataclass(frozen=True)
class Account:
    """One row of the administrators' list."""

    id: int
    name: str
    email: str
    role: str
    timezone: str
    totp: bool
    disabled: bool
    invited: bool  # no password set yet
    last_seen_at: datetime | None


@dataclass(frozen=True)
class Invitee:
    user_id: int
    agency_id: int
    name: str
    email: str


def require_admin(user: User) -> User:
    if user.role != "admin":
        raise NotAdmin()
    return user


def list_accounts(store: ServerStore, admin: User) -> list[Account]:
    u = t.users.c
    with store.agency(require_admin(admin).agency_id) as conn:
        rows = conn.execute(
            select(
                u.id,
                u.name,
                u.email,
                u.role,
                u.timezone,
                u.totp_secret.is_not(None).label("totp"),
                u.disabled_at.is_not(None).label("disabled"),
                u.password_hash.is_(None).label("invited"),
                u.last_seen_at,
            ).order_by(u.role, func.lower(u.name), u.id)
        ).all()
    return [Account(**row._asdict()) for row in rows]


def invite(
    store: ServerStore,
    admin: User,
    *,
    email: str,
    name: str,
    role: str,
    timezone: str,
    now: datetime,
) -> tuple[User, str]:
    """A new account of the administrator's agency and its invitation token (shown
    once: only its hash is kept). All or nothing, a candidate's store included."""
    require_admin(admin)
    address, clean_name, zone = accounts.checked_account(email, name, role, timezone)
    with store.owner() as conn:
        user = accounts.insert_user(
            store, conn, admin.agency_id, address, clean_name, role, None, zone, now, admin
        )
        token = _issue(conn, user, admin, now)
    return user, token


def new_invitation(
    store: ServerStore, admin: User, user_id: int, now: datetime
) -> tuple[User, str]:
    """A fresh link for an account whose person has not set a password yet; the
    earlier links stop working."""
    with store.agency(require_admin(admin).agency_id) as conn:
        user = accounts.agency_user(conn, user_id)
        has_password = conn.execute(
            select(t.users.c.password_hash.is_not(None)).where(t.users.c.id == user.id)
        ).scalar_one()
        if has_password:
            raise BadInput(f"{user.email} has already set a password; no invitation is needed.")
        return user, _issue(conn, user, admin, now)


def set_disabled(
    store: ServerStore, admin: User, user_id: int, disabled: bool, now: datetime
) -> User:
    """Disabling ends the account's sessions and pending sign-ins at once."""
    with store.agency(require_admin(admin).agency_id) as conn:
        user = accounts.agency_user(conn, user_id)
        if disabled and user.id == admin.id:
            raise BadInput("You cannot disable your own account; another administrator can.")
        conn.execute(
            update(t.users)
            .where(t.users.c.id == user.id)
            .values(disabled_at=now if disabled else None)
        )
        if disabled:
            conn.execute(delete(t.sessions).where(t.sessions.c.user_id == user.id))
            conn.execute(delete(t.login_challenges).where(t.login_challenges.c.user_id == user.id))
        action = "user.disable" if disabled else "user.enable"
        accounts.audit(
            conn, admin.agency_id, admin.id, action, user.email, now, candidate_id=_candidate(user)
        )
    return user


# --- the invited person's side ----------------------------------------------------------


class InvitationGone(NotFound):
    def __init__(self) -> None:
        super().__init__(GONE)


def open_invitation(store: ServerStore, token: str, now: datetime) -> Invitee:
    """Whose invitation this is, while it is valid; otherwise `InvitationGone`."""
    if not token or len(token) > 200:
        raise InvitationGone()
    with store.system() as conn:
        row = conn.execute(
            text("SELECT * FROM invitation_lookup(:h, :now)"),
            {"h": accounts.token_hash(token), "now": now},
        ).first()
    if row is None or row.disabled or row.has_password:
        raise InvitationGone()
    return Invitee(int(row.user_id), int(row.agency_id), row.name, row.email)


def accept_invitation(
    store: ServerStore, token: str, password: str, confirmation: str, *, ip: str, now: datetime
) -> Invitee:
    """Sets the invited person's password; the link works once (two tabs racing:
    one wins, the other is told the link has been used)."""
    invitee = open_invitation(store, token, now)
    if password != confirmation:
        raise BadInput("The two passwords differ; type the same one twice.")
    passwords.check_new(password, email=invitee.email, name=invitee.name)
    hashed = passwords.hash_password(password)
    inv = t.invitations.c
    with store.agency(invitee.agency_id) as conn:
        taken = conn.execute(
            update(t.invitations)
            .where(inv.token_hash == accounts.token_hash(token), inv.used_at.is_(None))
            .values(used_at=now)
        ).rowcount
        changed = conn.execute(
            update(t.users)
            .where(t.users.c.id == invitee.user_id, t.users.c.password_hash.is_(None))
            .values(password_hash=hashed)
        ).rowcount
        if not (taken and changed):
            raise _Rollback()
        conn.execute(
            delete(t.invitations).where(inv.user_id == invitee.user_id, inv.used_at.is_(None))
        )
        accounts.audit(
            conn, invitee.agency_id, invitee.user_id, "invitation.accept", invitee.email, now, ip=ip
        )
    return invitee


class _Rollback(InvitationGone):
    """Raised inside the transaction, so nothing of it stays."""


def _issue(conn: Connection, user: User, admin: User, now: datetime) -> str:
    token = secrets.token_urlsafe(32)
    conn.execute(delete(t.invitations).where(t.invitations.c.user_id == user.id))
    conn.execute(
        insert(t.invitations).values(
            token_hash=accounts.token_hash(token),
            user_id=user.id,
            agency_id=user.agency_id,
            created_by=admin.id,
            created_at=now,
            expires_at=now + INVITATION_LIFETIME,
        )
    )
    accounts.audit(
        conn,
        user.agency_id,
        admin.id,
        "user.invite",
        user.email,
        now,
        candidate_id=_candidate(user),
    )
    return token


def _candidate(user: User) -> int | None:
    return user.id if user.role == "candidate" else None


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str | None
    action: str
    candidate: str | None
    target: str | None
    ip: str | None


AUDIT_PAGE = 200


def audit_log(
    store: ServerStore,
    admin: User,
    *,
    candidate_id: int | None = None,
    before_id: int | None = None,
) -> list[tuple[int, AuditEntry]]:
    """Who saw and changed what in the agency, newest first (a page at a time)."""
    a = t.audit_log.c
    actor = t.users.alias("actor")
    cand = t.users.alias("cand")
    query = (
        select(a.id, a.at, actor.c.name, a.action, cand.c.name, a.target, a.ip)
        .outerjoin(actor, actor.c.id == a.actor_id)
        .outerjoin(cand, cand.c.id == a.candidate_id)
        .order_by(a.id.desc())
        .limit(AUDIT_PAGE)
    )
    if candidate_id is not None:
        query = query.where(a.candidate_id == candidate_id)
    if before_id is not None:
        query = query.where(a.id < before_id)
    with store.agency(require_admin(admin).agency_id) as conn:
        rows = conn.execute(query).all()
    return [(int(r[0]), AuditEntry(r[1], r[2], r[3], r[4], r[5], r[6])) for r in rows]
