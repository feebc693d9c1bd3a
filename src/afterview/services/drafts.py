"""Drafts: composed from the opportunity's facts and the profile, stored, edited, checked,
exported, and marked sent (which logs the contact the playbook reads).

Who a draft goes to follows the playbook: a thank-you to each interviewer (or the
one chosen; P5), a follow-up to whom the timeline named, else the recruiter, else
the hiring manager (P8), a withdrawal or an offer reply to the main contact (P7,
P12), and the call script to the recruiter (P1).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from afterview.errors import BadInput, Refused, UnknownMessage, UnknownPerson
from afterview.parsing import parse_email, require_text
from afterview.playbook.facts import (
    Channel,
    ContactKind,
    Interview,
    Opportunity,
    Person,
    PersonRole,
    Route,
)
from afterview.playbook.pacing import guard_verdict
from afterview.playbook.timing import describe_local
from afterview.services import thank_you_letters as letters
from afterview.services.app import App
from afterview.services.checking import context_from
from afterview.services.planning import refresh_opportunity
from afterview.services.profile import require_profile
from afterview.writing.checker import MAX_CHARS, Report, check_text
from afterview.writing.drafts import wording
from afterview.writing.drafts_model import DraftRequest, Profile, Recipient

if TYPE_CHECKING:
    from sqlalchemy.engine import RowMapping

    from afterview.store.repository import Repository

# The contact each kind of message logs when it is marked sent (P8 reads the log).
CONTACT_KIND = {
    "thank-you": ContactKind.THANK_YOU,
    "follow-up": ContactKind.FOLLOW_UP,
    "withdrawal": ContactKind.WITHDRAWAL,
    "recruiter-call": ContactKind.RECRUITER_CALL,
    "accept": ContactKind.OFFER_REPLY,
    "decline": ContactKind.OFFER_REPLY,
}
MAX_SUBJECT = 200


@dataclass(frozen=True)
class DraftView:
    """A stored message as the adapters show it."""

    id: int
    opportunity_id: int
    interview_id: int | None
    person_id: int | None
    kind: str
    subject: str
    body: str
    to_name: str | None
    to_email: str | None
    nugget: str | None
    message_id: str
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None
    company: str = ""
    role: str = ""
    notes: tuple[str, ...] = ()
    # Said once, when marked sent: e.g. a day word no longer true (P5).
    warnings: tuple[str, ...] = ()

    @property
    def is_call(self) -> bool:
        return self.kind == "recruiter-call"

    def editable_text(self) -> str:
        """The text `draft edit` opens and `check` reads: headers, a blank line, the body."""
        to = format_address(self.to_name, self.to_email)
        head = f"Subject: {self.subject}\n" + (f"To: {to}\n" if to else "")
        return f"{head}\n{self.body}"

    def to_plain(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "opportunity_id": self.opportunity_id,
            "interview_id": self.interview_id,
            "person_id": self.person_id,
            "kind": self.kind,
            "company": self.company,
            "role": self.role,
            "subject": self.subject,
            "body": self.body,
            "to_name": self.to_name,
            "to_email": self.to_email,
            "nugget": self.nugget,
            "message_id": self.message_id,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
            "notes": list(self.notes),
        }


# --- composing ---------------------------------------------------------------------


def draft_thank_you(
    app: App,
    interview_id: int,
    *,
    now: datetime,
    to: int | None = None,
    nugget: int | None = None,
    again: bool = False,
) -> list[DraftView]:
    """One thank-you per interviewer of the interview, or one to `to` (P5).

    Each recipient gets a different nugget where the debrief has several, so two
    interviewers of one panel do not receive the same "specific point". Someone
    already thanked (or with a draft) for this interview gets no second one unless
    `again`: drafting for the whole panel skips them with a note.
    """
    with app.transaction(now) as repo:
        profile = require_profile(repo.get_profile())
        opp_id = repo.interview_opportunity(interview_id)
        opp = repo.load_opportunity(opp_id)
        interview = next(i for i in opp.interviews if i.id == interview_id)
        if interview.cancelled:
            raise BadInput(f"Interview {interview_id} was cancelled: there is nobody to thank.")
        if interview.start > now:
            starts = describe_local(interview.start, interview.tz)
            if interview.tz != app.timezone:  # "14:00" read in another zone looks past
                starts += (
                    f" in {interview.tz}: {describe_local(interview.start, app.timezone)}"
                    f" in your zone, {app.timezone}"
                )
            raise BadInput(
                f"Interview {interview_id} has not happened yet (it starts {starts}); "
                "thank them afterwards (P5)."
            )
        if to is not None:
            person = opp.person(to)
            if person is None:
                raise UnknownPerson(to, opp_id)
            recipients = [person]
        else:
            recipients = _interviewers(opp, interview.interviewer_ids)
        recipients, skipped = _not_yet_thanked(repo, opp, interview, recipients, again, to)
        debrief = opp.debrief_for(interview_id)
        nuggets = debrief.nuggets if debrief else ()
        if nugget is not None and not 1 <= nugget <= len(nuggets):
            have = f"has {len(nuggets)}" if nuggets else "has none (record the debrief, P4)"
            raise BadInput(f"--nugget {nugget}: the debrief of interview {interview_id} {have}.")
        names = {person.id: letters.greeting_name(person) for person in recipients}
        said = letters.attributed(debrief, opp.people)
        used = {p.id: {r["nugget"] for r in _previous(repo, opp_id, p.id)} for p in recipients}
        if nugget is not None:
            plan = [letters.Letter(p, nuggets[nugget - 1]) for p in recipients]
        else:
            plan = letters.assign(said, recipients, used, interview_id)
        siblings = _organisation_bodies(repo, opp)
        lands = {p.id: letters.lands(repo.get_action, interview_id, p.id, now) for p in recipients}
        views = []
        for position, letter in enumerate(plan):
            person = letter.person
            previous = _previous(repo, opp_id, person.id)
            request = DraftRequest(
                kind="thank-you",
                profile=profile,
                organisation=opp.company,
                role=opp.role,
                recipient=replace(_recipient(person), name=names[person.id]),
                interview_start=interview.start.astimezone(_zone(interview.tz)),
                interview_round=interview.round,
                nugget=letter.nugget,
                went_well=debrief.went_well if debrief else (),
                previous=tuple(row["body"] for row in previous),
                seed=position + len(previous),
                # P5's day word as of sending now, or one true then and when P5 says
                # it lands (issue 10); queueing refuses, and `draft sent` warns, if it
                # leaves on a day it is false
                written_on=_day_written_for(interview, lands[person.id], now, profile),
                siblings=tuple(b for pid, b in siblings if pid != person.id),
                met_before=letters.met_before(opp, interview, person),
            )
            notes = [
                *letter.notes,
                *(() if nuggets else (NO_NUGGETS,)),
                *filter(None, (_written_for_later(interview, lands[person.id], now, profile),)),
                *filter(None, (letters.slot_note(letter.nugget, names[person.id]),)),
            ]
            view = _store(repo, app, opp, request, interview_id, person, now, notes)
            siblings.append((person.id, view.body))
            views.append(view)
    if views and skipped:
        views[0] = replace(views[0], notes=(*views[0].notes, *skipped))
    return views


def _not_yet_thanked(
    repo: Repository,
    opp: Opportunity,
    interview: Interview,
    recipients: list[Person],
    again: bool,
    to: int | None,
) -> tuple[list[Person], list[str]]:
    """P5's one thank-you each: who still needs one, and a note for each one skipped."""
    from afterview.services.thank_you_once import refuse_second_thanks

    if again:
        return recipients, []
    keep: list[Person] = []
    skipped: list[str] = []
    refusals: list[str] = []
    for person in recipients:
        try:
            refuse_second_thanks(
                repo, opp, interview.id, person.id, interview.tz, drafts_count=True
            )
        except Refused as exc:
            if to is not None:
                raise
            refusals.append(exc.message)
            skipped.append(f"Skipped: {exc.message}")
        else:
            keep.append(person)
    if not keep:
        raise Refused("Everyone met in this interview has a thank-you: " + " ".join(refusals))
    return keep, skipped


def draft_for_opportunity(
    app: App, opp_id: int, kind: str, *, now: datetime, to: int | None = None
) -> DraftView:
    """A follow-up (P8), withdrawal (P7), recruiter-call script (P1) or offer reply (P12)."""
    from afterview.playbook.rules.follow_ups import current_timeline, too_early
    from afterview.services.planning import scope_of

    if kind not in ("follow-up", "withdrawal", "recruiter-call", "accept", "decline"):
        raise ValueError(kind)
    with app.transaction(now) as repo:
        profile = require_profile(repo.get_profile())
        opp = repo.load_opportunity(opp_id)
        tz = opp.zone(app.timezone)
        if kind == "follow-up":
            verdict = guard_verdict(opp.contacts, now, app.settings.follow_up_guard_days, tz)
            if not verdict.allowed and verdict.next_allowed is not None:
                raise Refused(
                    f"A follow-up is not allowed now: the last one was "
                    f"{describe_local(verdict.conflicting or now, tz)} and P8 allows one a "
                    f"week. Next allowed from {describe_local(verdict.next_allowed, tz)}."
                )
        person = _addressee(opp, kind, to)
        if kind == "recruiter-call" and (person is None or person.role is not PersonRole.RECRUITER):
            raise BadInput(
                f"Opportunity {opp_id} has no recruiter recorded: the recruiter call (P1) "
                "is for the recruiter route. Add one with `afterview person add`."
            )
        ended = [i for i in opp.live_interviews if i.end <= now]
        last = ended[-1] if ended else None
        debrief = opp.debrief_for(last.id) if last else None
        scope = scope_of(app, repo, opp)
        timeline = current_timeline(scope)  # never a date an earlier round gave (P8)
        notes = []
        if kind == "follow-up":
            early = too_early(scope, now)
            if early:
                notes.append(early)
        follow_ups = opp.contacts_of(ContactKind.FOLLOW_UP)
        last_contact = max((c.at for c in opp.contacts), default=None)
        interviewers = (
            tuple(p.name for p in _interviewers(opp, last.interviewer_ids)) if last else ()
        )
        previous = _previous(repo, opp_id, person.id if person else None)
        request = DraftRequest(
            kind=kind,
            profile=profile,
            organisation=opp.company,
            role=opp.role,
            recipient=_recipient(person) if person else None,
            interview_start=last.start.astimezone(_zone(last.tz)) if last else None,
            interview_round=last.round if last else None,
            went_well=debrief.went_well if debrief else (),
            decision_date=timeline.decision_by if timeline else None,
            last_contact=last_contact.astimezone(_zone(tz)).date() if last_contact else None,
            follow_ups_sent=len(follow_ups),
            previous=tuple(row["body"] for row in previous),
            seed=len(previous),
            interviewers=interviewers,
            written_on=now.astimezone(_zone(tz)).date(),
        )
        return _store(repo, app, opp, request, last.id if last else None, person, now, notes)


# --- reading, editing, deleting -----------------------------------------------------


def list_drafts(app: App, *, now: datetime, opp_id: int | None = None) -> list[DraftView]:
    with app.transaction(now) as repo:
        if opp_id is not None:
            repo.get_opportunity_row(opp_id)
        companies = {row["id"]: row for row in repo.list_opportunities()}
        return [
            _view(row, companies.get(row["opportunity_id"]))
            for row in repo.list_messages(opp_id=opp_id)
        ]


def get_draft(app: App, message_id: int, *, now: datetime) -> DraftView:
    with app.transaction(now) as repo:
        return _load(repo, message_id)


def edit_draft(
    app: App,
    message_id: int,
    *,
    now: datetime,
    subject: str | None = None,
    body: str | None = None,
    to: str | None = None,
) -> DraftView:
    """Change a draft's subject, body or recipient; a sent message is history and stays."""
    changes: dict[str, Any] = {}
    if subject is not None:
        changes["subject"] = check_subject(subject)
    if body is not None:
        changes["body"] = check_body(body)
    if to is not None:
        name, email = parse_recipient(to)
        changes["to_name"], changes["to_email"] = name, email
    with app.transaction(now) as repo:
        current = _load(repo, message_id)
        if current.sent_at is not None:
            raise Refused(
                f"Message {message_id} was sent {current.sent_at:%d %b %Y}; it cannot change. "
                "Draft a new one instead."
            )
        from afterview.services.outbox import guard_draft_change

        guard_draft_change(repo, message_id, "change")  # queued: yes; sending/uncertain: no
        if changes:
            repo.update_message(message_id, updated_at=now, **changes)
        return _load(repo, message_id)


def parse_editable(text: str) -> tuple[str, str | None, str]:
    """Read back the text `editable_text` wrote: (subject, To header or None, body)."""
    if "\x00" in text:
        raise BadInput("The edited draft contains a NUL character; it is not text.")
    head, sep, body = text.replace("\r\n", "\n").partition("\n\n")
    if not sep:
        raise BadInput(
            "The edited draft needs its header lines (Subject:, To:), a blank line, then the body."
        )
    subject: str | None = None
    to: str | None = None
    for line in head.split("\n"):
        name, colon, value = line.partition(":")
        key = name.strip().casefold()
        if not colon or key not in ("subject", "to"):
            raise BadInput(f"Unexpected header line {line!r}: only Subject: and To: are kept.")
        if key == "subject":
            subject = value.strip()
        else:
            to = value.strip()
    if subject is None:
        raise BadInput("The edited draft lost its Subject: line.")
    return subject, to, body.strip("\n")


def delete_draft(app: App, message_id: int, *, now: datetime) -> None:
    with app.transaction(now) as repo:
        current = _load(repo, message_id)
        if current.sent_at is not None:
            raise Refused(
                f"Message {message_id} was sent; it stays in the record (its contact is "
                "what pacing reads, P8)."
            )
        from afterview.services.outbox import guard_draft_change

        guard_draft_change(repo, message_id, "be deleted")  # a queued one: its row goes too
        repo.delete_message(message_id)


def check_draft(app: App, message_id: int, *, now: datetime) -> tuple[DraftView, Report]:
    """Check the draft exactly as `draft edit` shows it, so line numbers match the editor."""
    with app.transaction(now) as repo:
        view = _load(repo, message_id)
        ctx = context_from(
            repo,
            opp_id=view.opportunity_id,
            interview_id=view.interview_id,
            kind=view.kind,
            word_limit=app.settings.thank_you_max_words,
        )
    if view.nugget and view.nugget not in ctx.nuggets:
        ctx = ctx.replace(nuggets=(view.nugget, *ctx.nuggets))
    return view, check_text(view.editable_text(), ctx)


def mark_sent(
    app: App, message_id: int, *, at: datetime, now: datetime, again: bool = False
) -> tuple[DraftView, str | None]:
    """The user sent it (or made the call): log the contact so the plan moves on (P5, P8).

    A follow-up inside the weekly guard is logged with a flag, as P8 asks for a
    contact the user made anyway; the returned flag says so. A second thank-you to
    someone already thanked for the interview is refused unless `again` (P5).
    """
    if at > now:
        raise BadInput("A message cannot have been sent in the future.")
    from afterview.services.thank_you_once import refuse_second_thank_you

    with app.transaction(now) as repo:
        if not again:
            refuse_second_thank_you(repo, message_id, app.timezone)
        return record_sent(app, repo, message_id, at=at, now=now)


def record_sent(
    app: App, repo: Repository, message_id: int, *, at: datetime, now: datetime
) -> tuple[DraftView, str | None]:
    """Inside the caller's transaction: the message's sent_at and a logged contact, so
    P5's step closes and P8 paces from it. Shared by `draft sent` and the outbox."""
    from afterview.services.records import guard_flag

    view = _load(repo, message_id)
    if view.sent_at is not None:
        raise Refused(f"Message {message_id} is already marked sent ({view.sent_at:%d %b %Y}).")
    opp = repo.load_opportunity(view.opportunity_id)
    kind = CONTACT_KIND.get(view.kind, ContactKind.OTHER)
    flag = guard_flag(app, opp, kind, at)
    channel = Channel.PHONE if view.is_call else Channel.EMAIL
    person_id = view.person_id if opp.person(view.person_id) is not None else None
    note = f"{view.kind} ({'call' if view.is_call else 'email'}): {view.subject}"
    contact_id = repo.add_contact(opp.id, at, kind, channel, person_id, note[:500], flag)
    repo.update_message(view.id, sent_at=at, contact_id=contact_id, updated_at=now)
    refresh_opportunity(app, repo, opp.id, now)
    warning = day_word_problem(repo, opp, view.kind, view.interview_id, view.body, at)
    return replace(_load(repo, message_id), warnings=(warning,) if warning else ()), flag


NO_NUGGETS = (
    "No debrief nuggets yet: write the bracketed sentence yourself "
    "(`afterview draft edit`), or record the debrief (P4) and draft again."
)


def _days(interview: Interview, lands: datetime, now: datetime) -> tuple[datetime, date, date]:
    zone = _zone(interview.tz)
    start = interview.start.astimezone(zone)
    return start, now.astimezone(zone).date(), lands.astimezone(zone).date()


def _day_written_for(
    interview: Interview, lands: datetime, now: datetime, profile: Profile
) -> date:
    """The day the thank-you's day word is written for: today (it may leave now), unless
    the word for the day P5 says it lands is true today as well ("on Friday", written on
    Saturday for Monday), which is then the one to use."""
    start, today, landing = _days(interview, lands, now)
    said = wording.when(start, landing, profile.language).strip()
    if said and wording.reads_true(said, start, today, profile.language):
        return landing
    return today


def _written_for_later(
    interview: Interview, lands: datetime, now: datetime, profile: Profile
) -> str | None:
    """The note of a thank-you P5 wants to land on a later day than it is written (the
    next working morning) whose day word is true only today: what to say if it leaves
    then. None when one word is true both days."""
    start, today, landing = _days(interview, lands, now)
    if _day_written_for(interview, lands, now, profile) == landing:
        return None
    then = wording.when(start, landing, profile.language).strip()
    now_word = wording.when(start, today, profile.language).strip()
    if not then or not now_word:
        return None
    return (
        f"P5 says it should land {describe_local(lands, interview.tz)}; the day it names "
        f"(“{now_word}”) is true only if it leaves today: send it now, or say “{then}” for "
        "then (the outbox checks)."
    )


def day_word_problem(
    repo: Repository, opp: Opportunity, kind: str, interview_id: int | None, body: str, at: datetime
) -> str | None:
    """P5: "yesterday" sent the same day, "this afternoon" sent the next morning. Shared by
    marking a draft sent (a warning) and the outbox (a refusal before it leaves)."""
    interview = next((i for i in opp.interviews if i.id == interview_id), None)
    if kind != "thank-you" or interview is None:
        return None
    profile = repo.get_profile()
    language = profile.language if profile else "en-GB"
    return letters.day_word_warning(body, interview, at, language)


def ensure_finished(text: str) -> None:
    """Refuse a draft that still holds a slot (`[one sentence about: …]`): the outbox
    calls this before queueing or sending; the candidate writes the sentence first."""
    from afterview.writing.slots import find_slots

    found = find_slots(text)
    if found:
        raise Refused(
            f"The draft still has {len(found)} unfinished slot{'s' if len(found) > 1 else ''} "
            f"(“{found[0].topic}”): write the sentence with `afterview draft edit` first."
        )


# --- export ---------------------------------------------------------------------------


def export_eml(app: App, message_id: int, *, now: datetime) -> bytes:
    """An RFC 5322 message (UTF-8, CRLF), ready for a mail client's "open" or drafts folder.

    A follow-up to someone already written to carries In-Reply-To/References so the
    mail client threads it under the earlier message.
    """
    from email.message import EmailMessage
    from email.policy import SMTP
    from email.utils import format_datetime

    with app.transaction(now) as repo:
        view = _load(repo, message_id)
        profile = require_profile(repo.get_profile())
        earlier = [
            row["message_id"]
            for row in _previous(repo, view.opportunity_id, view.person_id)
            if row["sent_at"] is not None and row["id"] != view.id
        ]
    if view.is_call:
        raise BadInput(f"Draft {message_id} is a call script (P1), not an email: read it aloud.")
    message = EmailMessage(policy=SMTP)
    message["From"] = format_address(profile.name, profile.email)
    if view.to_email:
        message["To"] = format_address(view.to_name, view.to_email)
    message["Subject"] = view.subject
    message["Date"] = format_datetime(view.sent_at or now)
    message["Message-ID"] = view.message_id
    if earlier:
        message["In-Reply-To"] = earlier[-1]
        message["References"] = " ".join(earlier)
    message.set_content(view.body.replace("\r\n", "\n") + "\n", charset="utf-8")
    return message.as_bytes()


def mailto_link(app: App, message_id: int, *, now: datetime) -> str:
    """A `mailto:` URI (RFC 6068): the address, subject and body percent-encoded as UTF-8."""
    view = get_draft(app, message_id, now=now)
    if view.is_call:
        raise BadInput(f"Draft {message_id} is a call script (P1), not an email.")
    address = quote(view.to_email or "", safe="@")
    body = view.body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{address}?subject={quote(view.subject, safe='')}&body={quote(body, safe='')}"


def format_address(name: str | None, email: str | None) -> str:
    from email.headerregistry import Address

    if not email:
        return name or ""
    local, _, domain = email.rpartition("@")
    return str(Address(display_name=name or "", username=local, domain=domain))


# --- validation -------------------------------------------------------------------------


def check_subject(text: str) -> str:
    if any(ch in text for ch in "\r\n"):
        raise BadInput("The subject must be one line (no line breaks).")
    return require_text(text, "The subject", MAX_SUBJECT)


def check_body(text: str) -> str:
    body = text.replace("\r\n", "\n").strip("\n")
    if not body.strip():
        raise BadInput("The body must not be empty.")
    if "\x00" in body:
        raise BadInput("The body contains a NUL character; it is not text.")
    if len(body) > MAX_CHARS:
        raise BadInput(f"The body is {len(body):,} characters; at most {MAX_CHARS:,}.")
    return body


def parse_recipient(text: str) -> tuple[str | None, str | None]:
    """`Dana Kim <dana@acme.example>`, `dana@acme.example` or a bare name."""
    from email.utils import parseaddr

    value = text.strip()
    if any(ch in value for ch in "\r\n"):
        raise BadInput("The recipient must be one line.")
    if not value:
        return None, None
    if "@" not in value and "<" not in value:
        return require_text(value, "The recipient's name", 120), None
    name, address = parseaddr(value)
    if "@" not in address:
        raise BadInput(f"Cannot read the recipient {text!r}: use `Name <address>`.")
    return (name.strip() or None), parse_email(address)


# --- helpers ----------------------------------------------------------------------------


def _store(
    repo: Repository,
    app: App,
    opp: Opportunity,
    request: DraftRequest,
    interview_id: int | None,
    person: Person | None,
    now: datetime,
    notes: list[str],
) -> DraftView:
    from email.utils import make_msgid

    from afterview.writing.drafts import compose

    draft = compose(request)
    if person is not None and not person.email and request.kind != "recruiter-call":
        notes.append(
            f"No email address for {person.name}: ask the receptionist or the recruiter (P3), "
            f"then `afterview person edit {person.id} --email …`."
        )
    domain = request.profile.email.rpartition("@")[2] or "afterview.invalid"
    message_id = repo.add_message(
        opp.id,
        interview_id=interview_id,
        person_id=person.id if person else None,
        kind=request.kind,
        subject=draft.subject,
        body=draft.body,
        to_name=person.name if person else None,
        to_email=person.email if person else None,
        nugget=request.nugget,
        message_id=make_msgid(domain=domain),
        created_at=now,
        updated_at=now,
    )
    view = _load(repo, message_id)
    return replace(view, notes=tuple(notes))


def _load(repo: Repository, message_id: int) -> DraftView:
    row = repo.get_message(message_id)
    if row is None:
        raise UnknownMessage(message_id)
    opp = repo.get_opportunity_row(row["opportunity_id"])
    return _view(row, opp)


def _view(row: RowMapping, opp: Any) -> DraftView:
    return DraftView(
        id=row["id"],
        opportunity_id=row["opportunity_id"],
        interview_id=row["interview_id"],
        person_id=row["person_id"],
        kind=row["kind"],
        subject=row["subject"],
        body=row["body"],
        to_name=row["to_name"],
        to_email=row["to_email"],
        nugget=row["nugget"],
        message_id=row["message_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        sent_at=row["sent_at"],
        company=opp["company"] if opp else "",
        role=opp["role"] if opp else "",
    )


def _previous(repo: Repository, opp_id: int, person_id: int | None) -> list[RowMapping]:
    if person_id is None:
        return []
    return repo.list_messages(opp_id=opp_id, person_id=person_id)


def _interviewers(opp: Opportunity, ids: tuple[int, ...]) -> list[Person]:
    people = [p for p in (opp.person(i) for i in ids) if p is not None]
    if people:
        return people
    managers = [p for p in opp.people if p.role is PersonRole.HIRING_MANAGER]
    if managers:
        return managers[:1]
    raise BadInput(
        f"Nobody to thank: no interviewer is recorded for this interview of opportunity "
        f"{opp.id}. Add one with `afterview person add {opp.id} --role interviewer …`."
    )


def _addressee(opp: Opportunity, kind: str, to: int | None) -> Person | None:
    if to is not None:
        person = opp.person(to)
        if person is None:
            raise UnknownPerson(to, opp.id)
        return person
    if kind == "follow-up" and opp.timelines and opp.timelines[-1].follow_up_with is not None:
        named = opp.person(opp.timelines[-1].follow_up_with)
        if named is not None:
            return named
    order = [PersonRole.HIRING_MANAGER, PersonRole.INTERVIEWER]
    if opp.route is Route.RECRUITER or kind == "recruiter-call":
        order.insert(0, PersonRole.RECRUITER)
    for role in order:
        for person in opp.people:
            if person.role is role:
                return person
    return None


def _organisation_bodies(repo: Repository, opp: Opportunity) -> list[tuple[int | None, str]]:
    """(person id, body) of every message to people of the same organisation (P5 panels:
    no long sentence shared between two letters)."""
    ids = [
        row["id"]
        for row in repo.list_opportunities()
        if letters.same_organisation(str(row["company"]), opp.company)
    ] or [opp.id]
    return [(row["person_id"], row["body"]) for i in ids for row in repo.list_messages(opp_id=i)]


def _recipient(person: Person) -> Recipient:
    return Recipient(name=person.name, title=person.title, role=person.role.value)


def _zone(name: str) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)
