"""Which opportunity a mail in the inbox answers, if any (pure: no I/O, no clock).

`afterview sync` records a matched mail as a reply, and a reply pauses the
follow-ups (P8). A false match silences the chase the candidate relies on, so the
rules prefer saying "ignored, and why" to guessing:

1. Ignored first: the candidate's own mail, auto-replies (an out-of-office is a
   robot, not the employer's answer: it must not pause P8), delivery reports, and
   mailing lists or newsletters.
2. **thread**: In-Reply-To, then References (newest first), name a Message-ID we
   sent. Strongest: the mail client of the person says what it answers.
3. **sender**: the From address is a recorded person's.
4. **domain** (weaker): the sender's domain is used by the people of exactly one
   open opportunity (an HR coordinator nobody met writes from it). Shared providers
   (gmail.com…) and the candidate's own domain say nothing and never match.

A mail dated before what it would answer (our message, or the opportunity itself)
cannot be a reply to it and is ignored.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

# Clocks of mail servers disagree a little; a reply is not "older" within this.
CLOCK_SKEW = timedelta(minutes=5)

# Addresses at these say nothing about the organisation.
SHARED_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk",
        "live.com", "live.co.uk", "msn.com", "yahoo.com", "yahoo.co.uk", "icloud.com",
        "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me", "gmx.com",
        "gmx.de", "gmx.net", "web.de", "mail.com", "zoho.com", "fastmail.com", "yandex.com",
        "hey.com", "tutanota.com", "qq.com", "163.com",
    }
)  # fmt: skip

# Subjects mail servers give automatic replies (Exchange's lack Auto-Submitted at times).
AUTO_SUBJECT = re.compile(
    r"^\s*(automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|out of (the )?office"
    r"|away from (the )?office|réponse automatique|absence|abwesenheitsnotiz"
    r"|automatische antwort|respuesta automática|risposta automatica|autosvar"
    r"|automatisch antwoord|undeliverable|delivery status notification"
    r"|mail delivery failed|returned mail)\b",
    re.IGNORECASE,
)
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")


class Reason(StrEnum):
    """Why a mail was not recorded; the values are what the report prints."""

    OWN = "from you"
    AUTO_REPLY = "auto-reply or delivery report"
    MAILING_LIST = "mailing list or newsletter"
    OLDER = "older than what it would answer"
    AMBIGUOUS = "could be for several opportunities"
    UNRELATED = "not about any opportunity"
    ALREADY = "already recorded"


class How(StrEnum):
    THREAD = "thread"
    SENDER = "sender"
    DOMAIN = "domain"


@dataclass(frozen=True)
class MailHeaders:
    """The headers sync reads (decoded); absent ones are None or empty."""

    message_id: str | None = None
    in_reply_to: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    from_email: str | None = None
    from_name: str | None = None
    subject: str = ""
    date: datetime | None = None
    auto_submitted: str | None = None
    autoreply_header: bool = False  # X-Autoreply / X-Autorespond present
    precedence: str | None = None
    list_id: str | None = None
    list_unsubscribe: bool = False
    content_type: str | None = None
    transfer_encoding: str | None = None  # of the body, for its snippet


@dataclass(frozen=True)
class SentMessage:
    """One of our messages, by the Message-ID it went out with."""

    id: int
    message_id: str
    opportunity_id: int
    sent_at: datetime  # when marked sent; its creation when never marked


@dataclass(frozen=True)
class KnownOpportunity:
    id: int
    company: str
    open: bool
    since: datetime  # the earlier of its creation and its first interview


@dataclass(frozen=True)
class KnownPerson:
    email: str
    name: str
    opportunity_id: int


@dataclass(frozen=True)
class MatchContext:
    """What the database knows, indexed for matching."""

    own_addresses: frozenset[str]
    opportunities: Mapping[int, KnownOpportunity]
    sent: Mapping[str, SentMessage]
    people: Mapping[str, tuple[KnownPerson, ...]]
    domains: Mapping[str, frozenset[int]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        *,
        own_addresses: Iterable[str],
        opportunities: Iterable[KnownOpportunity],
        sent: Iterable[SentMessage],
        people: Iterable[KnownPerson],
    ) -> MatchContext:
        own = frozenset(a.casefold() for a in own_addresses if a)
        own_domains = {domain_of(a) for a in own}
        opps = {o.id: o for o in opportunities}
        by_email: defaultdict[str, list[KnownPerson]] = defaultdict(list)
        by_domain: defaultdict[str, set[int]] = defaultdict(set)
        for person in people:
            email = person.email.casefold()
            if email in own or person.opportunity_id not in opps:
                continue
            by_email[email].append(person)
            domain = domain_of(email)
            if opps[person.opportunity_id].open and useful_domain(domain, own_domains):
                by_domain[domain].add(person.opportunity_id)
        return cls(
            own_addresses=own,
            opportunities=opps,
            sent={normalise_id(m.message_id) or m.message_id: m for m in sent},
            people={k: tuple(v) for k, v in by_email.items()},
            domains={k: frozenset(v) for k, v in by_domain.items()},
        )

    def earliest(self) -> datetime | None:
        """The oldest moment a mail could answer anything (bounds the first read)."""
        moments = [o.since for o in self.opportunities.values()]
        moments += [m.sent_at for m in self.sent.values()]
        return min(moments, default=None)


@dataclass(frozen=True)
class Matched:
    opportunity_id: int
    how: How
    answers: int | None = None  # messages.id when threaded
    person: str | None = None  # the recorded person's name when known


@dataclass(frozen=True)
class Ignored:
    reason: Reason
    detail: str = ""


Decision = Matched | Ignored


def match(mail: MailHeaders, at: datetime, ctx: MatchContext) -> Decision:
    """The opportunity `mail` (dated `at`) answers, or why it is ignored."""
    sender = (mail.from_email or "").casefold()
    if sender and sender in ctx.own_addresses:
        return Ignored(Reason.OWN)
    auto = auto_reply(mail)
    if auto:
        return Ignored(Reason.AUTO_REPLY, auto)
    threaded = _by_thread(mail, at, ctx)
    if threaded is not None:
        return threaded
    listed = mailing_list(mail)
    if listed:
        return Ignored(Reason.MAILING_LIST, listed)
    if not sender:
        return Ignored(Reason.UNRELATED, "no sender address")
    people = ctx.people.get(sender, ())
    if people:
        names = {p.opportunity_id: p.name for p in people}
        return _choose(mail, at, ctx, list(names), How.SENDER, names)
    ids = ctx.domains.get(domain_of(sender), frozenset())
    if len(ids) > 1:  # a weak sign shared by several: guessing could silence the wrong chase
        companies = ", ".join(sorted(ctx.opportunities[i].company for i in ids))
        return Ignored(Reason.AMBIGUOUS, companies)
    if ids:
        return _choose(mail, at, ctx, sorted(ids), How.DOMAIN, {})
    return Ignored(Reason.UNRELATED)


def auto_reply(mail: MailHeaders) -> str:
    """Why this mail is an automatic one (RFC 3834 and common practice), or ""."""
    submitted = (mail.auto_submitted or "").split(";")[0].strip().casefold()
    if submitted and submitted != "no":
        return f"Auto-Submitted: {submitted}"
    if mail.autoreply_header:
        return "X-Autoreply"
    if (mail.precedence or "").strip().casefold() == "auto_reply":
        return "Precedence: auto_reply"
    if (mail.content_type or "").strip().casefold().startswith("multipart/report"):
        return "delivery report"
    if AUTO_SUBJECT.match(mail.subject or ""):
        return f"subject {mail.subject.strip()!r}"
    return ""


def mailing_list(mail: MailHeaders) -> str:
    """Why this mail is a list or bulk mailing, or ""."""
    if mail.list_id:
        return "List-Id"
    precedence = (mail.precedence or "").strip().casefold()
    if precedence in ("bulk", "list", "junk"):
        return f"Precedence: {precedence}"
    if mail.list_unsubscribe:
        return "List-Unsubscribe"
    return ""


def _by_thread(mail: MailHeaders, at: datetime, ctx: MatchContext) -> Decision | None:
    for ref in (*mail.in_reply_to, *reversed(mail.references)):
        sent = ctx.sent.get(normalise_id(ref) or ref)
        if sent is None:
            continue
        if at < sent.sent_at - CLOCK_SKEW:
            return Ignored(Reason.OLDER, f"dated before your message of {sent.sent_at:%d %b %Y}")
        return Matched(sent.opportunity_id, How.THREAD, answers=sent.id)
    return None


def _choose(
    mail: MailHeaders,
    at: datetime,
    ctx: MatchContext,
    ids: list[int],
    how: How,
    names: Mapping[int, str],
) -> Decision:
    """One opportunity among those the sender belongs to: open ones first, then the
    ones the mail can answer by date, then the one its subject names."""
    opps = [ctx.opportunities[i] for i in ids if i in ctx.opportunities]
    pool = [o for o in opps if o.open] or opps
    dated = [o for o in pool if at >= o.since - CLOCK_SKEW]
    if not dated:
        return Ignored(Reason.OLDER, "dated before the opportunity was recorded")
    if len(dated) > 1:
        subject = (mail.subject or "").casefold()
        named = [o for o in dated if o.company.casefold() in subject]
        if len(named) != 1:
            companies = ", ".join(sorted(o.company for o in dated))
            return Ignored(Reason.AMBIGUOUS, companies)
        dated = named
    chosen = dated[0]
    return Matched(chosen.id, how, person=names.get(chosen.id))


def normalise_id(value: str | None) -> str | None:
    """A Message-ID in its canonical `<local@domain>` form, or None when there is none."""
    ids = message_ids(value)
    return ids[0] if ids else None


def message_ids(value: str | None) -> tuple[str, ...]:
    """Every `<…>` Message-ID in a header (References holds several); bare ones too."""
    if not value:
        return ()
    found = _MESSAGE_ID.findall(value)
    if not found:
        found = [w for w in value.split() if "@" in w]
    return tuple(f"<{f}>" for f in found)


def domain_of(address: str) -> str:
    return address.rsplit("@", 1)[-1].casefold()


def useful_domain(domain: str, own_domains: set[str] | frozenset[str]) -> bool:
    return bool(domain) and domain not in SHARED_DOMAINS and domain not in own_domains
