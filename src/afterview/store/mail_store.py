"""What `afterview sync` reads and writes: replies from the mailbox, and what was seen.

Functions over a SQLAlchemy Connection (the use case's transaction, `repo.conn`), so
the replies, the plan they change and the mailbox position commit together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, false, func, insert, select, update

from afterview.integrations.reply_match import (
    KnownOpportunity,
    KnownPerson,
    MatchContext,
    SentMessage,
)
from afterview.store import schema as t


@dataclass(frozen=True)
class Seen:
    """How far a mailbox was read: the UIDVALIDITY and the highest UID under it."""

    mailbox: str
    uidvalidity: int
    last_uid: int
    synced_at: datetime


def get_seen(conn: Connection, mailbox: str) -> Seen | None:
    row = (
        conn.execute(select(t.mail_seen).where(t.mail_seen.c.mailbox == mailbox)).mappings().first()
    )
    if row is None:
        return None
    return Seen(row["mailbox"], int(row["uidvalidity"]), int(row["last_uid"]), row["synced_at"])


def put_seen(conn: Connection, seen: Seen) -> None:
    """Insert or replace the mailbox's row (portable: update, else insert)."""
    values = {
        "uidvalidity": seen.uidvalidity,
        "last_uid": seen.last_uid,
        "synced_at": seen.synced_at,
    }
    done = conn.execute(
        update(t.mail_seen).where(t.mail_seen.c.mailbox == seen.mailbox).values(**values)
    )
    if done.rowcount == 0:
        conn.execute(insert(t.mail_seen).values(mailbox=seen.mailbox, **values))


def recorded_mail_ids(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Which of these Message-IDs are already recorded as replies."""
    wanted = sorted(set(ids))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):  # bounded IN lists
        chunk = wanted[start : start + 500]
        rows = conn.execute(
            select(t.replies.c.mail_message_id).where(t.replies.c.mail_message_id.in_(chunk))
        )
        found.update(r[0] for r in rows)
    return found


def add_mail_reply(
    conn: Connection,
    opp_id: int,
    *,
    at: datetime,
    note: str | None,
    mail_message_id: str,
    from_email: str | None,
    subject: str | None,
    answers_message_id: int | None,
) -> int:
    key = conn.execute(
        insert(t.replies).values(
            opportunity_id=opp_id,
            at=at,
            note=note,
            mail_message_id=mail_message_id,
            from_email=from_email,
            subject=subject,
            answers_message_id=answers_message_id,
        )
    ).inserted_primary_key
    assert key is not None
    return int(key[0])


def match_context(conn: Connection, extra_own: Iterable[str] = ()) -> MatchContext:
    """Everything matching needs: the candidate's addresses, opportunities, people and
    the Message-IDs of our messages."""
    own = [r[0] for r in conn.execute(select(t.profile.c.email)) if r[0]]
    first_interview: dict[int, datetime] = {  # min() keeps the column's type
        row[0]: row[1]
        for row in conn.execute(
            select(t.interviews.c.opportunity_id, func.min(t.interviews.c.start_at))
            .where(t.interviews.c.cancelled == false())
            .group_by(t.interviews.c.opportunity_id)
        )
    }
    opportunities = []
    for row in conn.execute(
        select(t.opportunities.c.id, t.opportunities.c.company, t.opportunities.c.closed,
               t.opportunities.c.created_at)
    ).mappings():  # fmt: skip
        created: datetime = row["created_at"]
        first = first_interview.get(row["id"])
        since = min(created, first) if first is not None else created
        opportunities.append(KnownOpportunity(row["id"], row["company"], not row["closed"], since))
    people = [
        KnownPerson(r["email"], r["name"], r["opportunity_id"])
        for r in conn.execute(
            select(t.people.c.email, t.people.c.name, t.people.c.opportunity_id).where(
                t.people.c.email.is_not(None)
            )
        ).mappings()
    ]
    m = t.messages.c
    sent = [
        SentMessage(r["id"], r["message_id"], r["opportunity_id"], r["sent_at"] or r["created_at"])
        for r in conn.execute(
            select(m.id, m.message_id, m.opportunity_id, m.sent_at, m.created_at)
        ).mappings()
    ]
    return MatchContext.build(
        own_addresses=[*own, *extra_own], opportunities=opportunities, sent=sent, people=people
    )
