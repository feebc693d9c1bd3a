"""Two-step sign-in: time-based one-time codes (RFC 6238), optional per account.

The password step of an account with a secret ends in a *challenge*, not a session
(`accounts.login` raises `CodeNeeded`); the code step turns the challenge into a
session. Why a table of its own (`login_challenges`) rather than a session row with
a 'pending' flag: every reader of `sessions` (the cookie check, the administrators'
pages, whatever comes next) would have to remember the flag, and one that forgot
would turn half a sign-in into a whole one. A challenge cannot be mistaken for a
session: it lives in another table, read only by `challenge_lookup`, for 5 minutes;
only its SHA-256 is stored; its token travels in a form field, never in the session
cookie; and it is deleted when it is used.

A code is accepted for its 30-second step and one step either side (clocks drift);
the step of the last code accepted is stored and no code of that step or an earlier
one is accepted again, so a code seen over a shoulder is worthless once used. Wrong
codes count toward the same throttle as wrong passwords.

The secret is stored as is (base32): the server must compute codes from it. A copy
of the database therefore holds every account's second factor; docs/server-mode.md
says to keep backups as safe as the server.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, text, update

from afterview.errors import AfterviewError, BadInput, NotFound
from afterview.server import accounts, passwords
from afterview.server import tables as t
from afterview.server.accounts import LoginRefused, User
from afterview.server.admin import require_admin

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from afterview.server.store import ServerStore

ISSUER = "Afterview"
DRIFT_STEPS = 1
SECRET = re.compile(r"[A-Z2-7]{32}")  # 160 bits, as RFC 4226 recommends
WRONG_CODE = "The code is wrong, or it has already been used: type the code your app shows now."


class WrongPassword(AfterviewError):
    http_status = 400


@dataclass(frozen=True)
class Enrolment:
    """What the security page shows while two-step sign-in is being turned on."""

    secret: str
    uri: str
    qr_svg: str | None


def new_secret() -> str:
    import pyotp

    return pyotp.random_base32()


def enrolment(user: User, secret: str | None = None) -> Enrolment:
    """The secret (new, or the one being confirmed), its otpauth:// URI and a QR code."""
    import pyotp

    secret = checked_secret(secret) if secret else new_secret()
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
    return Enrolment(secret, uri, _qr(uri))


def _qr(uri: str) -> str | None:
    """An inline SVG (no image request, nothing for the page's policy to allow)."""
    try:
        import segno
    except ImportError:  # optional: the secret and the link are enough
        return None
    return str(segno.make(uri, error="m").svg_inline(scale=4, title="QR code of the secret"))


def checked_secret(secret: str) -> str:
    clean = (secret or "").strip().upper()
    if not SECRET.fullmatch(clean):
        raise BadInput("That secret is not one this page made; start again.")
    return clean


def matching_step(secret: str, code: str, now: datetime, last_step: int | None) -> int | None:
    """The time step whose code `code` is (within the drift allowed), if it is later
    than `last_step`; None otherwise. Compared in constant time."""
    import pyotp

    typed = re.sub(r"\s", "", code or "")
    if not re.fullmatch(r"\d{6}", typed):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    found = None
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        fresh = last_step is None or step > last_step
        if hmac.compare_digest(totp.generate_otp(step), typed) and fresh:
            found = step
    return found


# --- turning it on and off --------------------------------------------------------------


def is_enabled(store: ServerStore, user: User) -> bool:
    with store.agency(user.agency_id) as conn:
        secret = conn.execute(
            select(t.users.c.totp_secret).where(t.users.c.id == user.id)
        ).scalar_one()
    return secret is not None


def enable(store: ServerStore, user: User, secret: str, code: str, now: datetime) -> None:
    """Saves the secret once a code made from it proves the app has it."""
    secret = checked_secret(secret)
    step = matching_step(secret, code, now, None)
    if step is None:
        raise BadInput(WRONG_CODE + " Nothing was saved.")
    with store.agency(user.agency_id) as conn:
        changed = conn.execute(
            update(t.users)
            .where(t.users.c.id == user.id, t.users.c.totp_secret.is_(None))
            .values(totp_secret=secret, totp_last_step=step)
        ).rowcount
        if not changed:
            raise BadInput("Two-step sign-in is already on for your account.")
        accounts.audit(conn, user.agency_id, user.id, "totp.enable", None, now)


def disable(store: ServerStore, user: User, password: str, *, ip: str, now: datetime) -> None:
    """Needs the account's password (a session left open is not enough); a wrong one
    counts toward the sign-in throttle."""
    with store.system() as conn:
        accounts.check_throttle(conn, user.email, ip, now)
    with store.agency(user.agency_id) as conn:
        stored = conn.execute(
            select(t.users.c.password_hash).where(t.users.c.id == user.id)
        ).scalar_one()
    if not passwords.verify(stored, password):
        accounts.record_failure(store, user.email, ip, now)
        raise WrongPassword("That is not your password; two-step sign-in is still on.")
    with store.agency(user.agency_id) as conn:
        _clear(conn, user.id)
        accounts.audit(conn, user.agency_id, user.id, "totp.disable", None, now, ip=ip)


def reset(store: ServerStore, admin: User, user_id: int, now: datetime) -> User:
    """An administrator turns another account's two-step sign-in off (a lost phone);
    ids of other agencies are not found (row-level security)."""
    with store.agency(require_admin(admin).agency_id) as conn:
        target = accounts.agency_user(conn, user_id)
        _clear(conn, target.id)
        accounts.audit(
            conn,
            admin.agency_id,
            admin.id,
            "totp.reset",
            target.email,
            now,
            candidate_id=_candidate(target),
        )
    return target


def reset_by_email(store: ServerStore, email: str, now: datetime) -> User:
    """`afterview server reset-totp`: the same, by the deployment's owner."""
    address = (email or "").strip().lower()
    with store.owner() as conn:
        found = conn.execute(select(t.users.c.id).where(t.users.c.email == address)).first()
        if found is None:
            raise NotFound(f"No account for {address}.")
        target = accounts.agency_user(conn, int(found.id))
        _clear(conn, target.id)
        accounts.audit(
            conn,
            target.agency_id,
            None,
            "totp.reset",
            target.email,
            now,
            candidate_id=_candidate(target),
        )
    return target


def _clear(conn: Connection, user_id: int) -> None:
    conn.execute(
        update(t.users).where(t.users.c.id == user_id).values(totp_secret=None, totp_last_step=None)
    )
    conn.execute(delete(t.login_challenges).where(t.login_challenges.c.user_id == user_id))


def _candidate(user: User) -> int | None:
    return user.id if user.role == "candidate" else None


# --- the second step of signing in ------------------------------------------------------


def finish_login(
    store: ServerStore, pending: str, code: str, *, ip: str, now: datetime
) -> tuple[str, User]:
    """A session for a pending sign-in and a right, unused code."""
    hashed = accounts.token_hash(pending or "")
    with store.system() as conn:
        row = conn.execute(
            text("SELECT * FROM challenge_lookup(:h, :now)"), {"h": hashed, "now": now}
        ).first()
        if row is None or row.disabled or row.totp_secret is None:
            raise LoginRefused("This sign-in has expired: give your password again.")
        accounts.check_throttle(conn, row.email, ip, now)
    step = matching_step(row.totp_secret, code, now, row.totp_last_step)
    if step is None:
        accounts.record_failure(store, row.email, ip, now)
        raise LoginRefused(WRONG_CODE)
    with store.agency(row.agency_id) as conn:
        users = t.users.c
        used = conn.execute(  # one statement: two requests racing with one code, one wins
            update(t.users)
            .where(
                users.id == row.user_id,
                users.totp_last_step.is_(None) | (users.totp_last_step < step),
            )
            .values(totp_last_step=step)
        ).rowcount
        if used:
            conn.execute(
                delete(t.login_challenges).where(t.login_challenges.c.token_hash == hashed)
            )
            conn.execute(text("SELECT clear_login_failures(:e)"), {"e": row.email})
            return accounts.open_session(conn, row.user_id, row.agency_id, ip, now)
    accounts.record_failure(store, row.email, ip, now)
    raise LoginRefused(WRONG_CODE)
