"""`afterview sync`: replies in the mailbox become recorded replies, and follow-ups pause (P8).

Two steps. First the mailbox is read (no transaction is open while the network is
slow): only mails newer than the last sync, by UID. Then one transaction records
the matched mails as replies, re-plans their opportunities as `record_reply` does,
and moves the mailbox position on — all or nothing, so a crash never skips a mail
and a second sync never records one twice (the replies' Message-ID is unique).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from afterview.errors import BadInput
from afterview.integrations.imap_fetch import (
    DEFAULT_TIMEOUT,
    Fetched,
    FetchedMail,
    Fetcher,
    FetchRequest,
    fetch_new,
)
from afterview.integrations.reply_match import (
    Ignored,
    MailHeaders,
    MatchContext,
    Matched,
    Reason,
    match,
)
from afterview.services.app import App
from afterview.services.planning import refresh_opportunity

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from afterview.integrations.secrets import PasswordSource

MAX_SUBJECT = 500
MAX_NOTE = 1000


@dataclass(frozen=True)
class RecordedReply:
    opportunity_id: int
    company: str
    from_email: str | None
    from_name: str | None
    subject: str
    at: datetime
    how: str  # thread | sender | domain
    answers_message_id: int | None
    reply_id: int | None  # None on a dry run

    def to_json(self) -> dict[str, Any]:
        return {
            "opportunity": self.opportunity_id,
            "company": self.company,
            "from": self.from_email,
            "from_name": self.from_name,
            "subject": self.subject,
            "at": self.at.isoformat(),
            "matched_by": self.how,
            "answers_message": self.answers_message_id,
            "reply": self.reply_id,
        }


@dataclass(frozen=True)
class IgnoredMail:
    uid: int
    from_email: str | None
    subject: str
    reason: Reason
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "from": self.from_email,
            "subject": self.subject,
            "reason": self.reason.name.lower(),
            "detail": self.detail,
        }


@dataclass(frozen=True)
class SyncReport:
    mailbox: str
    uidvalidity: int
    restarted: bool
    read: int
    recorded: tuple[RecordedReply, ...] = ()
    ignored: tuple[IgnoredMail, ...] = ()
    dry_run: bool = False
    last_uid: int = 0

    def per_opportunity(self) -> dict[int, int]:
        return dict(Counter(r.opportunity_id for r in self.recorded))

    def ignored_by_reason(self) -> dict[Reason, int]:
        return dict(Counter(i.reason for i in self.ignored))

    def to_json(self) -> dict[str, Any]:
        return {
            "mailbox": self.mailbox,
            "uidvalidity": self.uidvalidity,
            "restarted": self.restarted,
            "last_uid": self.last_uid,
            "dry_run": self.dry_run,
            "read": self.read,
            "recorded": [r.to_json() for r in self.recorded],
            "recorded_per_opportunity": {str(k): v for k, v in self.per_opportunity().items()},
            "ignored": [i.to_json() for i in self.ignored],
            "ignored_by_reason": {k.name.lower(): v for k, v in self.ignored_by_reason().items()},
        }


@dataclass
class _Plan:
    """What one sync decided, before (or instead of, on a dry run) writing it."""

    recorded: list[tuple[RecordedReply, FetchedMail]] = field(default_factory=list)
    ignored: list[IgnoredMail] = field(default_factory=list)


def sync(
    app: App,
    *,
    now: datetime,
    fetcher: Fetcher = fetch_new,
    dry_run: bool = False,
    cafile: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    passwords: PasswordSource | None = None,
) -> SyncReport:
    """Read the new mail of the configured IMAP mailbox and record the replies in it
    (the password from `passwords` when given, as `outbox.run` takes it)."""
    from afterview.integrations.secrets import env_name, password
    from afterview.services.mail_settings import load, require_imap
    from afterview.store import mail_store

    server = require_imap(app, now)
    mailbox = load(app, now).imap_mailbox
    if passwords is not None:
        secret = passwords.password("imap", server)
        if not secret:
            raise BadInput(passwords.missing("imap", server))
    else:
        secret = password("imap", server)
    if not secret:
        raise BadInput(
            f"No IMAP password for {server.user or server.host}: store it in the keyring with "
            f"`afterview mail password imap`, or set {env_name('imap')}."
        )
    extra_own = [server.user] if server.user and "@" in server.user else []
    with app.transaction(now) as repo:
        seen = mail_store.get_seen(repo.conn, mailbox)
        ctx = mail_store.match_context(repo.conn, extra_own)
    earliest = ctx.earliest() or now
    request = FetchRequest(
        server=server,
        password=secret,
        mailbox=mailbox,
        uidvalidity=seen.uidvalidity if seen else None,
        last_uid=seen.last_uid if seen else 0,
        since=(min(earliest, now) - timedelta(days=1)).date(),  # INTERNALDATE is the server's day
        cafile=cafile,
        timeout=timeout,
    )

    def wanted(headers: MailHeaders, received: datetime | None) -> bool:
        """Read a snippet of the body only of mails that will be recorded."""
        at = _when(headers, received, now)
        return isinstance(match(headers, at, ctx), Matched)

    fetched = fetcher(request, wanted)

    with app.transaction(now) as repo:
        ctx = mail_store.match_context(repo.conn, extra_own)  # facts may have moved meanwhile
        plan = _decide(fetched, ctx, now, mail_store.recorded_mail_ids(
            repo.conn, (m.stable_id(mailbox) for m in fetched.mails)
        ))  # fmt: skip
        if dry_run:
            return _report(fetched, [r for r, _ in plan.recorded], plan.ignored, dry_run=True)
        recorded = []
        for item, mail in plan.recorded:
            reply_id = mail_store.add_mail_reply(
                repo.conn,
                item.opportunity_id,
                at=item.at,
                note=_note(item.subject, mail.snippet),
                mail_message_id=mail.stable_id(mailbox),
                from_email=item.from_email,
                subject=item.subject[:MAX_SUBJECT] or None,
                answers_message_id=item.answers_message_id,
            )
            recorded.append(replace(item, reply_id=reply_id))
        for opp_id in dict.fromkeys(r.opportunity_id for r in recorded):
            refresh_opportunity(app, repo, opp_id, now)  # as record_reply does (P8)
        _advance(repo.conn, fetched, now)
    return _report(fetched, recorded, plan.ignored, dry_run=False)


def _decide(fetched: Fetched, ctx: MatchContext, now: datetime, already: set[str]) -> _Plan:
    plan = _Plan()
    seen_ids: set[str] = set(already)
    for mail in fetched.mails:
        h = mail.headers
        at = _when(h, mail.received, now)
        decision = match(h, at, ctx)
        if isinstance(decision, Ignored):
            plan.ignored.append(_ignored(mail, decision.reason, decision.detail))
            continue
        key = mail.stable_id(fetched.mailbox)
        if key in seen_ids:  # recorded by an earlier sync, or a copy in this one
            plan.ignored.append(_ignored(mail, Reason.ALREADY, key))
            continue
        seen_ids.add(key)
        opp = ctx.opportunities[decision.opportunity_id]
        plan.recorded.append((
            RecordedReply(
                opportunity_id=opp.id,
                company=opp.company,
                from_email=h.from_email,
                from_name=h.from_name or decision.person,
                subject=h.subject,
                at=at,
                how=decision.how.value,
                answers_message_id=decision.answers,
                reply_id=None,
            ),
            mail,
        ))  # fmt: skip
    return plan


def _advance(conn: Connection, fetched: Fetched, now: datetime) -> None:
    """Move the mailbox position on, never back (a concurrent sync may be ahead)."""
    from afterview.store import mail_store

    current = mail_store.get_seen(conn, fetched.mailbox)
    last = fetched.last_uid
    if current is not None and current.uidvalidity == fetched.uidvalidity:
        last = max(last, current.last_uid)
    mail_store.put_seen(conn, mail_store.Seen(fetched.mailbox, fetched.uidvalidity, last, now))


def _when(headers: MailHeaders, received: datetime | None, now: datetime) -> datetime:
    """When the mail was written (Date, else arrival), never after `now`: a sender's
    clock ahead of ours must not put a reply in the future."""
    moment = headers.date or received or now
    return min(moment, now)


def _note(subject: str, snippet: str | None) -> str | None:
    parts = [p for p in (subject.strip(), (snippet or "").strip()) if p]
    return " — ".join(parts)[:MAX_NOTE] or None


def _ignored(mail: FetchedMail, reason: Reason, detail: str) -> IgnoredMail:
    return IgnoredMail(mail.uid, mail.headers.from_email, mail.headers.subject, reason, detail)


def _report(
    fetched: Fetched,
    recorded: list[RecordedReply],
    ignored: list[IgnoredMail],
    *,
    dry_run: bool,
) -> SyncReport:
    return SyncReport(
        mailbox=fetched.mailbox,
        uidvalidity=fetched.uidvalidity,
        restarted=fetched.restarted,
        read=len(fetched.mails),
        recorded=tuple(recorded),
        ignored=tuple(ignored),
        dry_run=dry_run,
        last_uid=fetched.last_uid,
    )
