"""The outbox table's SQL (functions taking a Connection, e.g. `repo.conn`).

Every change of state is a conditional UPDATE that names the state it expects and
returns whether a row changed: that rowcount is what lets two concurrent
`afterview outbox run` agree on who sends a message (only one claim can move a row
from queued to sending), and lets a run's late answer never overwrite what the
user or another run decided meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, insert, select, update
from sqlalchemy.engine import RowMapping

from afterview.store import schema as t

o = t.outbox
m = t.messages

# A claim is identified by its attempt number and start time together: a late
# answer to an older claim (the row was re-queued since) changes nothing.
Claim = tuple[int, datetime]


def _entries() -> Any:
    """Outbox rows with what a person recognises a message by."""
    return (
        select(
            o,
            m.c.kind,
            m.c.subject,
            m.c.to_name,
            m.c.to_email,
            m.c.opportunity_id,
            m.c.sent_at,
            t.opportunities.c.company,
        )
        .join(m, m.c.id == o.c.message_id)
        .join(t.opportunities, t.opportunities.c.id == m.c.opportunity_id)
    )


def get(conn: Connection, outbox_id: int) -> RowMapping | None:
    return conn.execute(_entries().where(o.c.id == outbox_id)).mappings().first()


def for_message(conn: Connection, message_id: int) -> RowMapping | None:
    return conn.execute(_entries().where(o.c.message_id == message_id)).mappings().first()


def entries(conn: Connection, states: Sequence[str] | None = None) -> list[RowMapping]:
    """Oldest due first (then by id), optionally only in `states`."""
    query = _entries().order_by(o.c.next_attempt_at, o.c.id)
    if states:
        query = query.where(o.c.state.in_(list(states)))
    return list(conn.execute(query).mappings())


def pending_for_opportunity(
    conn: Connection, opp_id: int, kinds: Iterable[str], exclude_message: int
) -> list[RowMapping]:
    """Queued, sending or uncertain rows of one opportunity's messages of `kinds`."""
    query = _entries().where(
        m.c.opportunity_id == opp_id,
        m.c.kind.in_(list(kinds)),
        o.c.state.in_(["queued", "sending", "uncertain"]),
        o.c.message_id != exclude_message,
    )
    return list(conn.execute(query).mappings())


def add(conn: Connection, *, message_id: int, due_at: datetime, queued_at: datetime) -> int:
    result = conn.execute(
        insert(o).values(
            message_id=message_id,
            state="queued",
            due_at=due_at,
            next_attempt_at=due_at,
            attempts=0,
            queued_at=queued_at,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def requeue(
    conn: Connection,
    outbox_id: int,
    *,
    due_at: datetime,
    queued_at: datetime,
    states: Sequence[str],
) -> bool:
    """A failed or cancelled row starts again from scratch (one row per message)."""
    return _change(
        conn,
        o.c.id == outbox_id,
        states,
        state="queued",
        due_at=due_at,
        next_attempt_at=due_at,
        attempts=0,
        queued_at=queued_at,
        started_at=None,
        finished_at=None,
        last_error=None,
        server_reply=None,
    )


def due_ids(conn: Connection, now: datetime) -> list[int]:
    query = (
        select(o.c.id)
        .where(o.c.state == "queued", o.c.next_attempt_at <= now)
        .order_by(o.c.next_attempt_at, o.c.id)
    )
    return [int(i) for i in conn.execute(query).scalars()]


def claim(conn: Connection, outbox_id: int, now: datetime) -> Claim | None:
    """queued → sending, only if still queued and due; None when someone else got it."""
    changed = conn.execute(
        update(o)
        .where(o.c.id == outbox_id, o.c.state == "queued", o.c.next_attempt_at <= now)
        .values(state="sending", started_at=now, attempts=o.c.attempts + 1)
    )
    if changed.rowcount != 1:
        return None
    attempts = conn.execute(select(o.c.attempts).where(o.c.id == outbox_id)).scalar_one()
    return int(attempts), now


def stale_sending(conn: Connection, started_before: datetime) -> list[RowMapping]:
    query = _entries().where(o.c.state == "sending", o.c.started_at < started_before)
    return list(conn.execute(query.order_by(o.c.id)).mappings())


def mark_stale(conn: Connection, outbox_id: int, started_before: datetime, **values: Any) -> bool:
    """sending → uncertain, only if it is still the same stuck attempt."""
    where = and_(o.c.id == outbox_id, o.c.started_at < started_before)
    return _change(conn, where, ["sending"], state="uncertain", **values)


def finish(
    conn: Connection, outbox_id: int, claim: Claim, states: Sequence[str], **values: Any
) -> bool:
    """Record a run's result for its own claim, if the row is still in `states`."""
    attempts, started_at = claim
    where = and_(o.c.id == outbox_id, o.c.attempts == attempts, o.c.started_at == started_at)
    return _change(conn, where, states, **values)


def change(conn: Connection, outbox_id: int, states: Sequence[str], **values: Any) -> bool:
    """A person's decision (cancel, resolve): applies only from the states it expects."""
    return _change(conn, o.c.id == outbox_id, states, **values)


def _change(conn: Connection, where: Any, states: Sequence[str], **values: Any) -> bool:
    query = update(o).where(where, o.c.state.in_(list(states))).values(**values)
    return conn.execute(query).rowcount == 1
