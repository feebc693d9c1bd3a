"""The outbox: drafts queued to leave at a time, sent by SMTP at most once.

`afterview send` queues; `afterview outbox run` (cron or a systemd timer) sends what
is due. The states of a row (table `outbox`):

    queued ──claim──► sending ──250──► sent
      ▲                  │ ├──4xx / no connection──► queued (later, backoff) … failed
      │                  │ ├──5xx──────────────────► failed (the server's words)
      │                  │ └──broke after the content─► uncertain
      │                  └──the run died (found stuck later)──► uncertain
      └── send again ◄── failed, cancelled            uncertain ──resolve──► sent | cancelled

At most once, because:

- the claim (queued → sending) is a conditional UPDATE committed *before* the SMTP
  transaction starts; only one of two concurrent runs can make it;
- nothing ever moves sending back to queued except a definite "not delivered"
  answer from the server (4xx, or a failure before the content was offered);
- a row found in sending long after its start (`STALE_AFTER`, far above the SMTP
  timeout) belongs to a run that died mid-way: it becomes uncertain, and only a
  person (`outbox resolve`) decides whether it went;
- acceptance is recorded in one transaction with the message's `sent_at` and the
  logged contact, so P5's step closes and P8's pacing sees the contact.

Follow-ups respect P8's weekly guard twice: when queued (refused, saying when the
next one is allowed) and when about to leave (a contact may have been logged, or a
reply received, since): then it is not sent but held — failed, with the reason.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from afterview.errors import AfterviewError, BadInput, NotFound, Refused, UnknownMessage
from afterview.parsing import parse_email
from afterview.playbook.facts import Channel, Contact, ContactKind
from afterview.playbook.pacing import guard_verdict
from afterview.playbook.timing import describe_local
from afterview.services import thank_you_letters as letters
from afterview.services.app import App
from afterview.store import outbox_store as store

if TYPE_CHECKING:
    from sqlalchemy.engine import RowMapping

    from afterview.integrations.secrets import PasswordSource
    from afterview.integrations.smtp_send import SendResult
    from afterview.services.mail_settings import Server
    from afterview.store.repository import Repository
    from afterview.writing.drafts_model import Profile

# A run still talking to the server is never taken for a dead one: each SMTP
# operation times out after 30 s, a whole transaction is a handful of them.
STALE_AFTER = timedelta(minutes=15)
BACKOFF_FIRST = timedelta(minutes=5)  # then 10, 20, 40 … minutes
BACKOFF_CAP = timedelta(hours=6)
MAX_ATTEMPTS = 8  # with the backoff above: about 10½ hours of trying
MAX_TIMEOUT = 600.0  # seconds for one SMTP step
MAX_AGE = timedelta(days=2)  # a thank-you two days late is for the person to decide

STATES = ("queued", "sending", "sent", "failed", "uncertain", "cancelled")
OPEN_STATES = ("queued", "sending", "uncertain")


class UnknownOutbox(NotFound):
    def __init__(self, outbox_id: object) -> None:
        super().__init__(f"No outbox entry {outbox_id}. `afterview outbox list` shows ids.")


@dataclass(frozen=True)
class OutboxEntry:
    """One row of the outbox, with what a person recognises the message by."""

    id: int
    message_id: int
    state: str
    due_at: datetime
    next_attempt_at: datetime
    attempts: int
    queued_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    last_error: str | None
    server_reply: str | None
    kind: str
    subject: str
    to_name: str | None
    to_email: str | None
    opportunity_id: int
    company: str
    warnings: tuple[str, ...] = ()  # said when queued, e.g. a follow-up before its date (P8)

    def to_plain(self) -> dict[str, Any]:
        plain: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            plain[name] = value.isoformat() if isinstance(value, datetime) else value
        return plain


@dataclass(frozen=True)
class RunLine:
    """What one message became in one run."""

    outbox_id: int
    message_id: int
    result: str  # sent | retry | failed | uncertain | cancelled
    detail: str
    label: str = ""  # "thank-you to Dana Kim"
    next_attempt_at: datetime | None = None

    @property
    def needs_you(self) -> bool:
        return self.result in ("failed", "uncertain")

    def to_plain(self) -> dict[str, Any]:
        return {
            "outbox_id": self.outbox_id,
            "message_id": self.message_id,
            "result": self.result,
            "detail": self.detail,
            "label": self.label,
            "next_attempt_at": self.next_attempt_at.isoformat() if self.next_attempt_at else None,
        }


@dataclass(frozen=True)
class RunReport:
    lines: tuple[RunLine, ...] = ()
    stopped: str | None = None  # why the run left due messages for the next one

    @property
    def exit_code(self) -> int:
        """0: all well; 1: something needs you (failed, uncertain); 75: will retry."""
        if any(line.needs_you for line in self.lines):
            return 1
        if self.stopped or any(line.result == "retry" for line in self.lines):
            return 75  # EX_TEMPFAIL
        return 0


# --- queueing -------------------------------------------------------------------------


def queue(
    app: App,
    message_id: int,
    *,
    now: datetime,
    at: datetime | None = None,
    again: bool = False,
) -> OutboxEntry:
    """Queue a draft to leave at `at` (default: a thank-you's P5 due time if still
    ahead, else now). Refuses what could not be sent, so a refusal is heard now
    rather than at three in the morning from cron; a second thank-you to someone
    already thanked for the interview only with `again` (P5)."""
    from afterview.services.drafts import ensure_finished
    from afterview.services.mail_settings import require_smtp
    from afterview.services.planning import early_follow_up
    from afterview.services.thank_you_once import refuse_second_thank_you

    with app.transaction(now) as repo:
        _message(repo, message_id)  # an unknown draft is the first thing to say
    require_smtp(app, now)  # its own transaction: not inside ours
    with app.transaction(now) as repo:
        row = _message(repo, message_id)
        existing = store.for_message(repo.conn, message_id)
        if existing is not None and existing["state"] in OPEN_STATES:
            raise Refused(_already(existing, app.timezone))
        _sendable(repo, row)
        ensure_finished(row["body"])
        if not again:
            refuse_second_thank_you(repo, message_id, app.timezone)
        if at is None:
            at = _default_time(repo, row, now)
        _check_day_word(app, repo, row, max(at, now))
        warnings: tuple[str, ...] = ()
        if row["kind"] == "follow-up":
            _check_pacing(app, repo, row, max(at, now))
            opp = repo.load_opportunity(row["opportunity_id"])
            early = early_follow_up(app, repo, opp, max(at, now))
            warnings = (early,) if early else ()
        if existing is None:
            outbox_id = store.add(repo.conn, message_id=message_id, due_at=at, queued_at=now)
        else:
            outbox_id = existing["id"]
            store.requeue(
                repo.conn, outbox_id, due_at=at, queued_at=now, states=("failed", "cancelled")
            )
        return replace(_entry(store.get(repo.conn, outbox_id)), warnings=warnings)


def cancel(app: App, outbox_id: int, *, now: datetime) -> OutboxEntry:
    """A queued message stays a draft; one being sent, or maybe sent, cannot be called back."""
    with app.transaction(now) as repo:
        row = _row(repo, outbox_id)
        if row["state"] != "queued":
            raise Refused(_not_cancellable(row))
        store.change(
            repo.conn,
            outbox_id,
            ["queued"],
            state="cancelled",
            finished_at=now,
            last_error="cancelled by you",
        )
        return _entry(store.get(repo.conn, outbox_id))


def list_entries(
    app: App, *, now: datetime, states: tuple[str, ...] | None = None
) -> list[OutboxEntry]:
    with app.transaction(now) as repo:
        return [_entry(row) for row in store.entries(repo.conn, states)]


# A queued message this late was not picked up: no timer runs `outbox run`.
LATE_AFTER = timedelta(minutes=15)
RECENT_FAILURE = timedelta(days=7)


def needing_attention(app: App, *, now: datetime) -> list[tuple[OutboxEntry, str]]:
    """What the person must act on: maybe-sent, not sent lately, or left waiting."""
    found = []
    for entry in list_entries(app, now=now, states=("queued", "uncertain", "failed")):
        if entry.state == "uncertain":
            found.append((entry, "may have been sent: say whether it was"))
        elif entry.state == "failed" and (entry.finished_at or now) >= now - RECENT_FAILURE:
            found.append((entry, f"not sent: {entry.last_error}"))
        elif entry.state == "queued" and entry.next_attempt_at < now - LATE_AFTER:
            found.append((entry, "waiting since its time: nothing ran the outbox"))
    return found


def entries_by_message(app: App, *, now: datetime) -> dict[int, OutboxEntry]:
    """The outbox row of each draft that has one (for lists that show a state)."""
    return {entry.message_id: entry for entry in list_entries(app, now=now)}


def entry_for_message(app: App, message_id: int, *, now: datetime) -> OutboxEntry | None:
    with app.transaction(now) as repo:
        row = store.for_message(repo.conn, message_id)
        return None if row is None else _entry(row)


def suggested_time(app: App, message_id: int, *, now: datetime) -> datetime:
    """When `send` without a time would send it: when a thank-you should land (P5), else now."""
    with app.transaction(now) as repo:
        return _default_time(repo, _message(repo, message_id), now)


def get_entry(app: App, outbox_id: int, *, now: datetime) -> OutboxEntry:
    with app.transaction(now) as repo:
        return _entry(_row(repo, outbox_id))


def resolve(app: App, outbox_id: int, sent: bool, *, now: datetime) -> OutboxEntry:
    """The person checked (their Sent folder, the recipient): an uncertain message
    was sent — logged as sent when it left — or was not: back to a draft, which
    `afterview send` can queue again."""
    with app.transaction(now) as repo:
        row = _row(repo, outbox_id)
        if row["state"] != "uncertain":
            raise Refused(
                f"Outbox {outbox_id} is {row['state']}, not uncertain: nothing to resolve."
            )
        if sent:
            store.change(
                repo.conn,
                outbox_id,
                ["uncertain"],
                state="sent",
                finished_at=now,
                server_reply="confirmed sent by you",
            )
            _log_sent(app, repo, row["message_id"], row["started_at"] or now, now)
        else:
            store.change(
                repo.conn,
                outbox_id,
                ["uncertain"],
                state="cancelled",
                finished_at=now,
                last_error=f"not sent, as you checked ({row['last_error']})",
            )
        return _entry(store.get(repo.conn, outbox_id))


def guard_draft_change(repo: Repository, message_id: int, what: str) -> None:
    """Drafts call this before an edit or a delete (`what`): a queued draft may change
    (the outbox sends it as it is when it leaves, checked again) and deleting it
    cancels it; one being sent or maybe sent may not."""
    row = store.for_message(repo.conn, message_id)
    if row is None:
        return
    if row["state"] == "sending":
        raise Refused(
            f"Draft {message_id} is being sent right now (outbox {row['id']}); it cannot "
            f"{what}. If no run is going on, `afterview outbox run` marks it uncertain "
            f"{int(STALE_AFTER.total_seconds() // 60)} minutes after it started."
        )
    if row["state"] == "uncertain":
        raise Refused(
            f"Draft {message_id} may have been sent (outbox {row['id']} is uncertain); it "
            f"cannot {what} until you say: afterview outbox resolve {row['id']} "
            "--sent or --not-sent."
        )


# --- running ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ready:
    """A claimed row, checked and ready for SMTP."""

    outbox_id: int
    message_id: int
    claim: store.Claim
    sender: str
    recipient: str
    due_at: datetime
    label: str


def run(
    app: App,
    *,
    now: datetime,
    timeout: float | None = None,
    cafile: str | None = None,
    stale_after: timedelta = STALE_AFTER,
    max_attempts: int = MAX_ATTEMPTS,
    max_age: timedelta = MAX_AGE,
    passwords: PasswordSource | None = None,
) -> RunReport:
    """Send every due message, one SMTP transaction each, oldest first.

    The SMTP password comes from `passwords` when given (the agency server's
    per-account store), else from the environment or this machine's keyring.

    Rows stuck in sending since before `now - stale_after` become uncertain first.
    A problem with the server or the account (no connection, TLS, login) or an
    uncertain ending stops the run: the messages not yet tried keep their turn.
    """
    from afterview.integrations import smtp_send
    from afterview.services.mail_settings import require_smtp

    if timeout is not None and not (math.isfinite(timeout) and 0 < timeout <= MAX_TIMEOUT):
        # Before any claim: a bad timeout must not turn a message into "uncertain".
        raise BadInput(f"The SMTP timeout must be more than 0 and at most {MAX_TIMEOUT:g} seconds.")
    with app.transaction(now) as repo:
        due = store.due_ids(repo.conn, now)
    server: Server | None = None
    secret: str | None = None
    if due:  # settings, password and CA file first: a refusal then writes nothing
        server = require_smtp(app, now)
        cafile = smtp_send.ca_file(cafile)
        if cafile is not None and not os.path.isfile(cafile):
            raise BadInput(
                f"The CA file {cafile} (--cafile or {smtp_send.CAFILE_ENV}) does not exist."
            )
        secret = _smtp_password(server, passwords)
    lines = list(_recover_stuck(app, now, stale_after))
    stopped: str | None = None
    # Every claim of this run is stamped `now`: stop claiming well before that stamp
    # could look stale to the next run, however slow the server is.
    deadline = time.monotonic() + stale_after.total_seconds() / 3
    for position, outbox_id in enumerate(due):
        assert server is not None
        if time.monotonic() > deadline:
            left = len(due) - position
            stopped = f"ran long; {left} more due message{'s' if left != 1 else ''} wait."
            break
        claimed = _claim(app, outbox_id, now, max_age)
        if claimed is None:
            continue  # another run took it, or it was cancelled meanwhile
        if isinstance(claimed, RunLine):
            lines.append(claimed)
            continue
        try:
            data = _build(app, claimed, now)
            result = smtp_send.send(
                data,
                server,
                secret,
                sender=claimed.sender,
                recipients=[claimed.recipient],
                timeout=timeout or smtp_send.DEFAULT_TIMEOUT,
                cafile=cafile,
            )
        except (AfterviewError, smtp_send.HeaderInjection) as exc:
            lines.append(_refuse(app, claimed, str(exc), now))
            continue
        line = _record(app, claimed, result, now, max_attempts, max_age)
        lines.append(line)
        left = len(due) - position - 1
        if line.result != "sent" and (result.before_message or line.result == "uncertain"):
            if left:
                stopped = (
                    f"stopped after that problem with {server.describe()}; "
                    f"{left} more due message{'s' if left != 1 else ''} wait for the next run."
                )
            break
    return RunReport(tuple(lines), stopped)


def _smtp_password(server: Server, passwords: PasswordSource | None) -> str | None:
    """None for a server without login; refused when one is needed and there is none."""
    from afterview.integrations.secrets import password

    if not server.user:
        return None
    if passwords is not None:  # never this machine's keyring or environment
        secret = passwords.password("smtp", server)
        if secret is None:
            raise BadInput(passwords.missing("smtp", server))
        return secret
    secret = password("smtp", server)
    if secret is None:
        raise BadInput(
            f"No SMTP password for {server.describe()}: `afterview mail password smtp` "
            "keeps it in your keyring, or set AFTERVIEW_SMTP_PASSWORD for the run."
        )
    return secret


def _recover_stuck(app: App, now: datetime, stale_after: timedelta) -> list[RunLine]:
    """A row still in sending long after its start: its run died mid-transaction."""
    before = now - stale_after
    lines = []
    with app.transaction(now) as repo:
        for row in store.stale_sending(repo.conn, before):
            started = describe_local(row["started_at"], app.timezone)
            reason = (
                f"the run that was sending it (from {started}) stopped before the "
                "server's answer was recorded: it may have been sent"
            )
            if store.mark_stale(repo.conn, row["id"], before, last_error=reason, finished_at=now):
                lines.append(
                    RunLine(row["id"], row["message_id"], "uncertain", reason, _label(row))
                )
    return lines


def _claim(app: App, outbox_id: int, now: datetime, max_age: timedelta) -> _Ready | RunLine | None:
    """Commit queued → sending, then check the message as it is now (it may have
    been edited since it was queued); a message that must not leave ends here."""
    from afterview.services.drafts import ensure_finished

    with app.transaction(now) as repo:
        claim = store.claim(repo.conn, outbox_id, now)
        if claim is None:
            return None
        row = store.get(repo.conn, outbox_id)
        assert row is not None
        message_id = row["message_id"]

        def end(state: str, reason: str) -> RunLine:
            store.finish(
                repo.conn,
                outbox_id,
                claim,
                ["sending"],
                state=state,
                finished_at=now,
                last_error=reason,
            )
            return RunLine(outbox_id, message_id, state, reason, _label(row))

        message = _message(repo, message_id)
        if message["sent_at"] is not None:
            return end("cancelled", "already marked sent by you before it left")
        if now - row["due_at"] > max_age:
            return end(
                "failed",
                f"not sent: it was due {describe_local(row['due_at'], app.timezone)}, more than "
                f"{_human(max_age)} ago; queue it again if it still makes sense "
                f"(afterview send {message_id})",
            )
        try:
            profile = _sendable(repo, message)
            ensure_finished(message["body"])  # edited after queueing, it may hold a slot again
            if message["kind"] == "follow-up":
                _check_at_send(app, repo, message, row["queued_at"], now)
            if message["kind"] == "thank-you":
                _check_thanked_meanwhile(app, repo, message, row["queued_at"])
        except AfterviewError as exc:
            return end("failed", f"held: {exc.message}")
        return _Ready(
            outbox_id,
            message_id,
            claim,
            profile.email,
            message["to_email"],
            row["due_at"],
            _label(message),
        )


def _build(app: App, ready: _Ready, now: datetime) -> bytes:
    """The message exactly as `draft export --eml` writes it (same Message-ID)."""
    from afterview.services.drafts import export_eml

    return export_eml(app, ready.message_id, now=now)


def _refuse(app: App, ready: _Ready, reason: str, now: datetime) -> RunLine:
    with app.transaction(now) as repo:
        store.finish(
            repo.conn,
            ready.outbox_id,
            ready.claim,
            ["sending"],
            state="failed",
            finished_at=now,
            last_error=f"held: {reason}",
        )
    return RunLine(ready.outbox_id, ready.message_id, "failed", f"held: {reason}", ready.label)


def _record(
    app: App,
    ready: _Ready,
    result: SendResult,
    now: datetime,
    max_attempts: int,
    max_age: timedelta,
) -> RunLine:
    """Write what the server said, for this claim only; acceptance in one transaction
    with the message's sent_at and its contact."""
    from afterview.integrations.smtp_send import Outcome

    outbox_id, message_id, claim = ready.outbox_id, ready.message_id, ready.claim
    mine = ["sending", "uncertain"]  # uncertain: a slow run outlived STALE_AFTER
    with app.transaction(now) as repo:
        if result.outcome is Outcome.ACCEPTED:
            store.finish(
                repo.conn,
                outbox_id,
                claim,
                [*mine, "cancelled"],
                state="sent",
                finished_at=now,
                server_reply=result.detail,
                last_error=None,
            )
            _log_sent(app, repo, message_id, now, now)
            return RunLine(outbox_id, message_id, "sent", result.detail, ready.label)

        def ended(state: str, why: str) -> RunLine:
            """The last word on this claim: uncertain or failed, and why."""
            store.finish(
                repo.conn, outbox_id, claim, mine, state=state, finished_at=now, last_error=why
            )
            return RunLine(outbox_id, message_id, state, why, ready.label)

        if result.outcome is Outcome.UNCERTAIN:
            return ended("uncertain", result.detail)
        if result.outcome is Outcome.PERMANENT:
            return ended("failed", result.detail)
        # temporary or no connection: nothing was delivered, so later is safe
        attempts = claim[0]
        later = now + backoff(attempts)
        if attempts >= max_attempts or later - ready.due_at > max_age:
            tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
            return ended("failed", f"gave up after {tries}: {result.detail}")
        store.finish(
            repo.conn,
            outbox_id,
            claim,
            mine,
            state="queued",
            next_attempt_at=later,
            last_error=result.detail,
        )
        return RunLine(outbox_id, message_id, "retry", result.detail, ready.label, later)


def backoff(attempts: int) -> timedelta:
    """The wait after the `attempts`-th try: 5 min, 10, 20 … at most 6 hours."""
    return min(BACKOFF_FIRST * (1 << max(attempts - 1, 0)), BACKOFF_CAP)


def _log_sent(app: App, repo: Repository, message_id: int, at: datetime, now: datetime) -> None:
    """What `draft sent` records, inside the caller's transaction (drafts.record_sent)."""
    from afterview.services.drafts import record_sent

    if _message(repo, message_id)["sent_at"] is None:
        record_sent(app, repo, message_id, at=at, now=now)


# --- checks -----------------------------------------------------------------------------


def _sendable(repo: Repository, message: RowMapping) -> Profile:
    """What must hold for a message to leave; checked when queued and again when sent."""
    from afterview.integrations.smtp_send import HeaderInjection, check_header
    from afterview.services.profile import require_profile

    message_id = message["id"]
    if message["kind"] == "recruiter-call":
        raise BadInput(f"Draft {message_id} is a call script (P1), not an email: make the call.")
    if message["sent_at"] is not None:
        raise Refused(f"Message {message_id} was already sent ({message['sent_at']:%d %b %Y}).")
    if not message["to_email"]:
        raise BadInput(
            f"Draft {message_id} has no recipient address: "
            f'afterview draft edit {message_id} --to "Name <address>".'
        )
    profile = require_profile(repo.get_profile())
    try:
        for value, what in (
            (message["subject"], "The subject"),
            (message["to_name"] or "", "The recipient's name"),
            (message["to_email"], "The recipient's address"),
            (message["message_id"], "The Message-ID"),
            (profile.name, "Your profile's name"),
            (profile.email, "Your profile's email"),
        ):
            check_header(value, what)
    except HeaderInjection as exc:
        raise BadInput(f"Draft {message_id}: {exc}") from None
    parse_email(message["to_email"])
    parse_email(profile.email)
    return profile


def _check_pacing(app: App, repo: Repository, message: RowMapping, at: datetime) -> None:
    """P8 when queueing: logged follow-ups and follow-ups already queued all count."""
    opp = repo.load_opportunity(message["opportunity_id"])
    tz = opp.zone(app.timezone)
    pending = store.pending_for_opportunity(
        repo.conn, opp.id, ["follow-up"], exclude_message=message["id"]
    )
    planned = [
        Contact(
            id=-row["id"],
            at=row["started_at"] or row["due_at"],
            kind=ContactKind.FOLLOW_UP,
            channel=Channel.EMAIL,
        )
        for row in pending
    ]
    verdict = guard_verdict((*opp.contacts, *planned), at, app.settings.follow_up_guard_days, tz)
    if verdict.allowed or verdict.next_allowed is None:
        return
    queued = {c.at for c in planned}
    what = "a follow-up is queued for" if verdict.conflicting in queued else "the last one was"
    raise Refused(
        f"A follow-up cannot leave {describe_local(at, tz)}: {what} "
        f"{describe_local(verdict.conflicting or at, tz)} and P8 allows one a week. "
        f"Next allowed from {describe_local(verdict.next_allowed, tz)}."
    )


def _check_at_send(
    app: App, repo: Repository, message: RowMapping, queued_at: datetime, now: datetime
) -> None:
    """P8 again as the follow-up leaves: contacts and replies logged since it was queued."""
    opp = repo.load_opportunity(message["opportunity_id"])
    tz = opp.zone(app.timezone)
    replies = [r.at for r in opp.replies if r.at >= queued_at]
    if replies:
        raise Refused(
            f"a reply was recorded {describe_local(max(replies), tz)}, after it was queued "
            "(P8: a reply pauses follow-ups)."
        )
    if repo.get_opportunity_row(opp.id)["closed"]:
        raise Refused("the opportunity is closed; a follow-up would chase nothing (P8).")
    verdict = guard_verdict(opp.contacts, now, app.settings.follow_up_guard_days, tz)
    if not verdict.allowed and verdict.next_allowed is not None:
        raise Refused(
            f"a follow-up was logged {describe_local(verdict.conflicting or now, tz)} and P8 "
            f"allows one a week. Next allowed from {describe_local(verdict.next_allowed, tz)}: "
            f"afterview send {message['id']} --at …"
        )


def _check_thanked_meanwhile(
    app: App, repo: Repository, message: RowMapping, queued_at: datetime
) -> None:
    """P5 as a thank-you leaves: held when a thank-you to the same person was logged
    by hand since it was queued (the candidate thanked them another way)."""
    from afterview.services.thank_you_once import refuse_second_thanks

    if message["interview_id"] is None or message["person_id"] is None:
        return
    opp = repo.load_opportunity(message["opportunity_id"])
    refuse_second_thanks(
        repo,
        opp,
        message["interview_id"],
        message["person_id"],
        opp.zone(app.timezone),
        exclude_message=message["id"],
        since=queued_at,
    )


# --- helpers ------------------------------------------------------------------------------


def _message(repo: Repository, message_id: int) -> RowMapping:
    row = repo.get_message(message_id)
    if row is None:
        raise UnknownMessage(message_id)
    return row


def _label(row: RowMapping) -> str:
    return f"{row['kind']} to {row['to_name'] or row['to_email'] or 'nobody yet'}"


def _row(repo: Repository, outbox_id: int) -> RowMapping:
    row = store.get(repo.conn, outbox_id)
    if row is None:
        raise UnknownOutbox(outbox_id)
    return row


def _default_time(repo: Repository, message: RowMapping, now: datetime) -> datetime:
    """A thank-you leaves when P5 says it should land (the start of its window, in the
    interviewers' working hours and zone) if that is still ahead; anything else now."""
    if message["kind"] != "thank-you" or message["interview_id"] is None:
        return now
    return letters.lands(repo.get_action, message["interview_id"], message["person_id"], now)


def day_word_problem(app: App, message_id: int, at: datetime, *, now: datetime) -> str | None:
    """What is wrong with a thank-you's day word if it leaves at `at` (the editor shows it
    before Send is pressed), or None."""
    with app.transaction(now) as repo:
        return _day_word_problem(repo, _message(repo, message_id), max(at, now))


def _day_word_problem(repo: Repository, message: RowMapping, at: datetime) -> str | None:
    from afterview.services.drafts import day_word_problem

    if message["kind"] != "thank-you" or message["interview_id"] is None:
        return None
    opp = repo.load_opportunity(message["opportunity_id"])
    return day_word_problem(
        repo, opp, message["kind"], message["interview_id"], message["body"], at
    )


def _check_day_word(app: App, repo: Repository, message: RowMapping, at: datetime) -> None:
    """P5: a thank-you whose day word would be false when it leaves ("this afternoon"
    arriving the next morning) is refused now, with what to change, not sent wrong."""
    warning = _day_word_problem(repo, message, at)
    if warning:
        raise Refused(
            f"{warning} Send it now, or change the day it names (draft {message['id']}) "
            "before it leaves then."
        )


def _already(row: RowMapping, tz: str) -> str:
    outbox_id, message_id = row["id"], row["message_id"]
    if row["state"] == "queued":
        return (
            f"Draft {message_id} is already queued (outbox {outbox_id}, leaves "
            f"{describe_local(row['next_attempt_at'], tz)}). "
            f"To change the time: afterview outbox cancel {outbox_id}, then send again."
        )
    if row["state"] == "sending":
        return f"Draft {message_id} is being sent right now (outbox {outbox_id})."
    return (
        f"Draft {message_id} may already have been sent (outbox {outbox_id} is uncertain): "
        f"afterview outbox resolve {outbox_id} --sent or --not-sent first."
    )


def _not_cancellable(row: RowMapping) -> str:
    state, outbox_id = row["state"], row["id"]
    if state == "sending":
        return f"Outbox {outbox_id} is being sent right now; it cannot be called back."
    if state == "uncertain":
        return (
            f"Outbox {outbox_id} may have been sent: say which with "
            f"afterview outbox resolve {outbox_id} --sent or --not-sent."
        )
    if state == "sent":
        return f"Outbox {outbox_id} was sent; it cannot be called back."
    return f"Outbox {outbox_id} is {state}, not queued: there is nothing to cancel."


def _entry(row: RowMapping | None) -> OutboxEntry:
    assert row is not None
    return OutboxEntry(
        id=row["id"],
        message_id=row["message_id"],
        state=row["state"],
        due_at=row["due_at"],
        next_attempt_at=row["next_attempt_at"],
        attempts=row["attempts"],
        queued_at=row["queued_at"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        last_error=row["last_error"],
        server_reply=row["server_reply"],
        kind=row["kind"],
        subject=row["subject"],
        to_name=row["to_name"],
        to_email=row["to_email"],
        opportunity_id=row["opportunity_id"],
        company=row["company"],
    )


def _human(span: timedelta) -> str:
    days = span.days
    if days and not span.seconds:
        return f"{days} day{'s' if days != 1 else ''}"
    hours = int(span.total_seconds() // 3600)
    return f"{hours} hour{'s' if hours != 1 else ''}"
