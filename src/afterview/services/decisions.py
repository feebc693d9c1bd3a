"""The user's decisions on planned actions: done, skipped (with a reason), snoozed, reopened.

Decisions are stored by the action's stable key, so they survive re-planning. A step
is named by its key (any case) or by its short id (`3`, shown by `today`), which
`resolve_step` turns into the key.
Completing a call, thank-you or follow-up also logs that contact, because the
contact log is what pacing reads (P8).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from afterview.errors import BadInput, Conflict, Refused, UnknownAction
from afterview.playbook.actions import Decision, DecisionKind
from afterview.playbook.facts import Channel, ContactKind
from afterview.playbook.pacing import guard_verdict
from afterview.playbook.timing import describe_local
from afterview.services.app import App
from afterview.services.planning import refresh_opportunity, refresh_search
from afterview.services.records import FUTURE_TOLERANCE

if TYPE_CHECKING:
    from afterview.store.repository import Repository

CHANNEL_FOR = {
    ContactKind.RECRUITER_CALL: Channel.PHONE,
}


@dataclass(frozen=True)
class Outcome:
    key: str
    state: str
    logged_contact: int | None = None


class UnknownStep(UnknownAction):
    """A typed short id or key that names no planned step; the message says what might."""

    def __init__(self, typed: str, message: str | None = None) -> None:
        super().__init__(typed)
        if message is not None:
            self.message = message
            self.args = (message,)


def resolve_step(repo: Repository, typed: str) -> dict[str, Any]:
    """The planned action a typed reference names: a short id (`3`) or a key, any case."""
    text = typed.strip()
    number = text[1:] if text.startswith("#") else text
    if number.isdigit() and number.isascii():
        key = repo.action_key_for_step(int(number)) if len(number) <= 10 else None
        row = repo.get_action(key) if key is not None else None
        if row is None:
            raise UnknownStep(
                text, f"No step {number}. `afterview today` shows step ids (the first column)."
            )
        return row
    row = repo.get_action(canonical_key(text))
    if row is None:
        import difflib

        close = difflib.get_close_matches(canonical_key(text), repo.action_keys(), n=1)
        error = UnknownStep(text)
        if close:
            error.message += f" Did you mean {close[0]}?"
            error.args = (error.message,)
        raise error
    return row


def canonical_key(text: str) -> str:
    """Keys are `P<n>:` then lower case (`p5:Thank-You:…` is `P5:thank-you:…`)."""
    return text[:1].upper() + text[1:].lower()


def done(
    app: App,
    key: str,
    *,
    at: datetime,
    now: datetime,
    channel: Channel | None = None,
    note: str | None = None,
) -> Outcome:
    if at > now + FUTURE_TOLERANCE:
        raise BadInput("An action is marked done once it is done; --at is in the future.")
    with app.transaction(now) as repo:
        row = _open_action(repo, key)
        key = row["key"]
        contact_id = _log_contact(app, repo, row, at, channel, note)
        _decide(app, repo, row, Decision(key, DecisionKind.DONE, at), now)
    return Outcome(key, "done", contact_id)


def skip(app: App, key: str, *, reason: str, now: datetime) -> Outcome:
    reason = (reason or "").strip()
    if not reason:
        raise BadInput('Say why you skip it: --reason "…" (it feeds your lessons, P11).')
    with app.transaction(now) as repo:
        row = _open_action(repo, key)
        key = row["key"]
        _decide(app, repo, row, Decision(key, DecisionKind.SKIPPED, now, reason=reason), now)
    return Outcome(key, "skipped")


def snooze(app: App, key: str, *, until: datetime, now: datetime) -> Outcome:
    if until <= now:
        raise BadInput(f"Snooze until a future time; {until.isoformat()} has passed.")
    with app.transaction(now) as repo:
        row = _open_action(repo, key)
        key = row["key"]
        decision = Decision(key, DecisionKind.SNOOZED, now, until=until)
        _decide(app, repo, row, decision, now)
    return Outcome(key, "snoozed")


def reopen(app: App, key: str, *, now: datetime) -> Outcome:
    """Undo a decision (a contact it logged stays logged: it happened)."""
    with app.transaction(now) as repo:
        row = resolve_step(repo, key)
        key = row["key"]
        if repo.get_decision(key) is None:
            raise Conflict(f"{key} has no decision to undo.")
        repo.delete_decision(key)
        _refresh(app, repo, row, now)
    return Outcome(key, "pending")


def _open_action(repo: Repository, typed: str) -> dict[str, Any]:
    row = resolve_step(repo, typed)
    key = row["key"]
    if row["state"] in ("done", "skipped"):
        raise Conflict(
            f"{key} is already {row['state']} ({row['closed_at'] or 'earlier'}); "
            f"`afterview reopen {row.get('step_id') or key}` undoes that."
        )
    return row


def _log_contact(
    app: App,
    repo: Repository,
    row: dict[str, Any],
    at: datetime,
    channel: Channel | None,
    note: str | None,
) -> int | None:
    if not row["logs"] or row["opportunity_id"] is None:
        return None
    kind = ContactKind(row["logs"])
    opp_id = int(row["opportunity_id"])
    if kind is ContactKind.FOLLOW_UP:
        opp = repo.load_opportunity(opp_id)
        verdict = guard_verdict(
            opp.contacts, at, app.settings.follow_up_guard_days, opp.zone(app.timezone)
        )
        if not verdict.allowed and verdict.next_allowed is not None:
            raise Refused(
                "Not yet: at most one follow-up a week (P8). The next is allowed from "
                f"{describe_local(verdict.next_allowed, row['tz'])}."
            )
        channel = channel or _timeline_channel(opp)
    channel = channel or CHANNEL_FOR.get(kind, Channel.EMAIL)
    return repo.add_contact(opp_id, at, kind, channel, row["person_id"], note, None)


def _timeline_channel(opp: Any) -> Channel | None:
    for timeline in sorted(opp.timelines, key=lambda t: t.recorded_at, reverse=True):
        if timeline.follow_up_how is not None:
            return timeline.follow_up_how  # type: ignore[no-any-return]
    return None


def _decide(
    app: App, repo: Repository, row: dict[str, Any], decision: Decision, now: datetime
) -> None:
    repo.put_decision(decision, row["opportunity_id"])
    if (
        row["rule"] == "P9"
        and row["opportunity_id"] is None
        and decision.kind is not DecisionKind.SNOOZED
    ):
        repo.add_search_close(decision.at, decision.kind.value)
    _refresh(app, repo, row, now)


def _refresh(app: App, repo: Repository, row: dict[str, Any], now: datetime) -> None:
    if row["opportunity_id"] is None:
        refresh_search(app, repo, now)
    else:
        refresh_opportunity(app, repo, int(row["opportunity_id"]), now)
