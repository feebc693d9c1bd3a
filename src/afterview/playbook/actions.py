"""Planned actions, the user's decisions on them, and how the two combine.

The playbook plans actions; the user only ever stores a decision about an action,
keyed by the action's stable key. Joining both gives the state the user sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from afterview.playbook.facts import ContactKind


class State(StrEnum):
    PENDING = "pending"
    SNOOZED = "snoozed"
    DONE = "done"
    SKIPPED = "skipped"


OPEN_STATES = frozenset({State.PENDING, State.SNOOZED})


@dataclass(frozen=True)
class PlannedAction:
    """One step of the playbook for this candidate, with the reason for its due time.

    `satisfied_at` is set when a recorded fact already completes the step (the
    thank-you contact was logged, the debrief written), so no decision is needed.
    `logs` names the contact that marking the action done records (P1, P5, P8).
    `expires` is when the step becomes moot (a checklist once the interview is over):
    the agenda stops showing it after that, and the lessons count it as missed.
    `due` is the end of the step's window in the candidate's zone `tz`; for a message,
    `send_at` is when it should land (the start of the recipient's window, in their
    working hours) and `other_tz` the recipient's zone when it differs from `tz`.
    """

    key: str
    rule: str
    title: str
    due: datetime
    tz: str
    why: str
    guidance: str = ""
    opportunity_id: int | None = None
    interview_id: int | None = None
    person_id: int | None = None
    satisfied_at: datetime | None = None
    logs: ContactKind | None = None
    expires: datetime | None = None
    send_at: datetime | None = None
    other_tz: str | None = None


class DecisionKind(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    SNOOZED = "snoozed"


@dataclass(frozen=True)
class Decision:
    key: str
    kind: DecisionKind
    at: datetime
    reason: str | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class Resolved:
    """An action as the user sees it: state and the time it should surface."""

    action: PlannedAction
    state: State
    effective_due: datetime
    closed_at: datetime | None = None
    reason: str | None = None


def resolve(action: PlannedAction, decision: Decision | None) -> Resolved:
    """The user's decision wins over facts; a fact completes an undecided action."""
    if decision is not None:
        if decision.kind is DecisionKind.SNOOZED and decision.until is not None:
            return Resolved(action, State.SNOOZED, decision.until, reason=decision.reason)
        state = State.DONE if decision.kind is DecisionKind.DONE else State.SKIPPED
        return Resolved(action, state, action.due, decision.at, decision.reason)
    if action.satisfied_at is not None:
        return Resolved(action, State.DONE, action.due, action.satisfied_at)
    return Resolved(action, State.PENDING, action.due)
