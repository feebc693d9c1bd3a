"""Undoing a withdrawal (P7) decided a moment ago, as if it had never been recorded.

Withdrawing is one fact: a reflection row with the decision `withdraw`. The plan is
computed from facts (the withdrawn status, the cancelled follow-ups, the courteous
withdrawal step all follow from that row), so removing the row and re-planning gives
back exactly the plan there was before. That is only honest while the withdrawal is
the last thing recorded for the opportunity: once an outcome, a contact, a reply, a
timeline, a debrief, a draft or a decision on a step came after it, they may rest on
it (a withdrawal email drafted or sent), and the undo is refused with what is in the
way. A later outcome (P12) is then the way to reopen the process.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from afterview.errors import BadInput, Conflict
from afterview.playbook.facts import FitDecision
from afterview.services.planning import refresh_opportunity
from afterview.store import schema as t

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

    from afterview.services.app import App
    from afterview.store.repository import Repository


def undo_withdrawal(app: App, opp_id: int, reflection_id: int, *, now: datetime) -> None:
    """Remove the withdraw reflection `reflection_id` and re-plan, in one transaction.

    Refused (Conflict) when it is gone already, or when anything was recorded for the
    opportunity after it; BadInput when the reflection is not a withdrawal of `opp_id`.
    """
    r = t.reflections
    with app.transaction(now) as repo:
        repo.get_opportunity_row(opp_id)  # UnknownOpportunity when there is none
        row = repo.conn.execute(select(r).where(r.c.id == reflection_id)).mappings().first()
        if row is None:
            raise Conflict("That withdrawal is no longer recorded: there is nothing to undo.")
        if row["opportunity_id"] != opp_id:
            raise BadInput(f"Reflection {reflection_id} belongs to another opportunity.")
        if row["decision"] != FitDecision.WITHDRAW.value:
            raise BadInput(f"Reflection {reflection_id} decided to continue, not to withdraw.")
        since = recorded_since(repo, opp_id, reflection_id, row["recorded_at"])
        if since:
            raise Conflict(
                f"The withdrawal can no longer be undone: {'; '.join(since)} since. "
                "To reopen the process, record its outcome on the opportunity (P12)."
            )
        repo.conn.execute(delete(r).where(r.c.id == reflection_id))
        refresh_opportunity(app, repo, opp_id, now)


def recorded_since(
    repo: Repository, opp_id: int, reflection_id: int, moment: datetime
) -> list[str]:
    """What was recorded for the opportunity after its reflection `reflection_id`, in words.

    Facts carry the time they were recorded (or happened); people, interviews and
    competitors carry none and do not depend on the withdrawal, so they do not count.
    """
    interviews = select(t.interviews.c.id).where(t.interviews.c.opportunity_id == opp_id)
    messages = select(t.messages.c.id).where(t.messages.c.opportunity_id == opp_id)
    checks: list[tuple[str, str, ColumnElement[bool]]] = [
        ("reflections", "another reflection was recorded", t.reflections.c.id > reflection_id),
        ("outcomes", "an outcome was recorded", t.outcomes.c.at > moment),
        ("contacts", "a contact was logged", t.contacts.c.at > moment),
        ("replies", "a reply was recorded", t.replies.c.at > moment),
        ("timelines", "a hiring timeline was recorded", t.timelines.c.recorded_at > moment),
        ("messages", "a message was drafted", t.messages.c.created_at > moment),
        ("sent", "a message was sent", t.messages.c.sent_at > moment),
        ("decisions", "a step was done, skipped or snoozed", t.decisions.c.at > moment),
    ]
    found: list[str] = []
    for table_name, words, after in checks:
        table = t.messages if table_name == "sent" else getattr(t, table_name)
        query = (
            select(func.count()).select_from(table).where(table.c.opportunity_id == opp_id, after)
        )
        if repo.conn.execute(query).scalar_one():
            found.append(words)
    debrief = (
        select(func.count())
        .select_from(t.debriefs)
        .where(t.debriefs.c.interview_id.in_(interviews), t.debriefs.c.recorded_at > moment)
    )
    if repo.conn.execute(debrief).scalar_one():
        found.append("a debrief was saved")
    queued = (
        select(func.count())
        .select_from(t.outbox)
        .where(t.outbox.c.message_id.in_(messages), t.outbox.c.queued_at > moment)
    )
    if repo.conn.execute(queued).scalar_one():
        found.append("a message was queued to send")
    return found
