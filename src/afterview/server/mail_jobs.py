"""What the agency server's worker does for one candidate, and how it finds who needs it.

Plain functions on a `ServerStore`, so they run the same from a queued job, a test
or the benchmark. Sending is `outbox.run` on the candidate's own schema with their
own settings and password (decrypted here, never stored in clear): the outbox
claims each row before SMTP, so even two runs for one candidate at once send each
message at most once. A disabled account is skipped: nothing is sent for it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select, text

from afterview.server import tables as t
from afterview.server.mail_secrets import AccountPasswords
from afterview.server.naming import quoted

if TYPE_CHECKING:
    from afterview.server.server_key import ServerKey
    from afterview.server.store import ServerStore
    from afterview.services.app import App
    from afterview.services.outbox import RunReport
    from afterview.services.sync import SyncReport

log = logging.getLogger("afterview.server.worker")
BATCH = 200  # candidates' schemas looked at by one query of a sweep


@dataclass(frozen=True)
class Account:
    id: int
    agency_id: int
    timezone: str


def active_candidate(store: ServerStore, user_id: int) -> Account | None:
    """The candidate's account, or None when it is disabled, gone or not a candidate."""
    u = t.users.c
    with store.owner() as conn:
        row = conn.execute(
            select(u.id, u.agency_id, u.timezone).where(
                u.id == user_id, u.role == "candidate", u.disabled_at.is_(None)
            )
        ).first()
    return None if row is None else Account(int(row.id), int(row.agency_id), row.timezone)


def send_due(
    store: ServerStore, key: ServerKey | None, user_id: int, *, now: datetime
) -> RunReport | None:
    """Send the candidate's due outbox; None when the account may not send."""
    from afterview.services import outbox

    account = active_candidate(store, user_id)
    if account is None:
        log.info("candidate %s is disabled or gone: nothing sent", user_id)
        return None
    app = _service(store, account)
    passwords = AccountPasswords(store, key, account.id, account.agency_id)
    report = outbox.run(app, now=now, passwords=passwords)
    for line in report.lines:
        log.info("candidate %s outbox %s: %s", user_id, line.outbox_id, line.result)
    if report.lines:
        _publish(store, account, app, now)
    return report


def sync_replies(
    store: ServerStore, key: ServerKey | None, user_id: int, *, now: datetime
) -> SyncReport | None:
    """Record the replies in the candidate's mailbox; None when the account may not."""
    from afterview.services.sync import sync

    account = active_candidate(store, user_id)
    if account is None:
        log.info("candidate %s is disabled or gone: no sync", user_id)
        return None
    app = _service(store, account)
    passwords = AccountPasswords(store, key, account.id, account.agency_id)
    report = sync(app, now=now, passwords=passwords)
    if report.recorded:
        _publish(store, account, app, now)
    return report


def _service(store: ServerStore, account: Account) -> App:
    """The candidate's service with their own settings (a thank-you sent changes P8's
    dates, so the plan must be the one their pages show)."""
    from afterview.server.accounts import settings_of

    settings = settings_of(store, account.agency_id, account.id)
    return store.candidate_app(account.id, account.timezone, settings)


def _publish(store: ServerStore, account: Account, app: App, now: datetime) -> None:
    """A message sent or a reply read changes what the consultant sees (sharing)."""
    from afterview.server import sharing
    from afterview.server.accounts import User

    user = User(account.id, account.agency_id, "candidate", "", "", account.timezone)
    sharing.publish_quietly(store, user, app, now)


def candidates_with_due_mail(store: ServerStore, *, now: datetime) -> list[int]:
    """Active candidates with a message due, or one stuck in sending long enough for
    the outbox to call it uncertain (so a dead worker's claim is settled too)."""
    from afterview.services.outbox import STALE_AFTER

    where = (
        "(state = 'queued' AND next_attempt_at <= :now) "
        "OR (state = 'sending' AND started_at < :stale)"
    )
    return _matching(store, "outbox", where, {"now": now, "stale": now - STALE_AFTER})


def candidates_with_imap(store: ServerStore) -> list[int]:
    return _matching(store, "mail_settings", "imap_host IS NOT NULL", {})


def _matching(store: ServerStore, table: str, where: str, params: dict[str, object]) -> list[int]:
    """The active candidates whose `table` has a row matching `where`: one UNION ALL
    query per BATCH schemas, as the deployment's owner (a member of every
    candidate's role)."""
    found: list[int] = []
    for ids in _batches(_active_candidates(store)):
        parts = [
            f"SELECT {int(i)} AS id WHERE EXISTS (SELECT 1 FROM "
            f"{quoted(store.naming.candidate_schema(i))}.{quoted(table)} WHERE {where})"
            for i in ids
        ]
        with store.owner() as conn:
            found.extend(
                int(i) for i in conn.execute(text(" UNION ALL ".join(parts)), params).scalars()
            )
    return sorted(found)


def _active_candidates(store: ServerStore) -> list[int]:
    u = t.users.c
    with store.owner() as conn:
        rows = conn.execute(
            select(u.id).where(u.role == "candidate", u.disabled_at.is_(None)).order_by(u.id)
        ).scalars()
        return [int(i) for i in rows]


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]
