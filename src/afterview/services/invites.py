"""Import a calendar invitation: the opportunity's interview, created, moved or cancelled.

The invitation is the first fact of an interview, and its updates are the moves:
the event's UID is kept on the interview, so a re-sent invitation with a higher
SEQUENCE moves it (the plan re-plans; decisions are kept, their keys being stable)
and METHOD:CANCEL cancels it. The organiser and attendees become the opportunity's
people (source: invite) — the interviewers P3 collects details for and P5 thanks —
without the candidate's own addresses and without duplicating people already
recorded. Everything happens in one transaction: a bad file writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from afterview import validation
from afterview.errors import BadInput
from afterview.integrations import normalised_name
from afterview.integrations.invites import Invitation, Method, Party, parse_invitation
from afterview.parsing import parse_email, require_text
from afterview.playbook.facts import (
    Interview,
    InterviewFormat,
    Opportunity,
    Person,
    PersonRole,
    Route,
    Source,
)
from afterview.services.app import App
from afterview.services.planning import refresh_opportunity

if TYPE_CHECKING:
    from afterview.store.repository import Repository

# Addresses at these say nothing about the organisation (nor do calendar robots').
SHARED_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk",
        "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "icloud.com", "me.com", "mac.com",
        "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "web.de",
        "mail.com", "zoho.com", "fastmail.com", "yandex.com", "calendar.google.com",
        "group.calendar.google.com", "resource.calendar.google.com",
    }
)  # fmt: skip
# What orders updates and names the occurrence, beside the interview's UID and SEQUENCE:
# DTSTAMP and the occurrence (RECURRENCE-ID) in the meta table, one row per invitation.
STATE_PREFIX = "invite-state:"
LEGAL_SUFFIXES = re.compile(r"\b(ltd|limited|plc|inc|llc|llp|gmbh|ag|sa|bv|co)\b\.?", re.I)
PANEL_ROLES = frozenset({PersonRole.INTERVIEWER, PersonRole.HIRING_MANAGER})


class InviteAction(StrEnum):
    ADDED = "added"
    MOVED = "moved"
    UPDATED = "updated"  # same time, other details (place, link, attendees)
    CANCELLED = "cancelled"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class NewOpportunity:
    """`--create "Company" --role "Role"`: the invitation starts a new opportunity."""

    company: str
    role: str
    route: Route = Route.DIRECT


@dataclass(frozen=True)
class InviteResult:
    action: InviteAction
    interview_id: int
    opportunity_id: int
    company: str
    opportunity_created: bool
    start: datetime
    end: datetime
    tz: str
    all_day: bool
    format: InterviewFormat
    location: str | None
    meeting_url: str | None
    meeting_provider: str | None
    uid: str
    sequence: int
    recorded_sequence: int | None  # what was stored before this import (None: new)
    people_added: tuple[int, ...] = ()
    people_known: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action.value,
            "interview": self.interview_id,
            "opportunity": self.opportunity_id,
            "company": self.company,
            "opportunity_created": self.opportunity_created,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "tz": self.tz,
            "all_day": self.all_day,
            "format": self.format.value,
            "location": self.location,
            "meeting_url": self.meeting_url,
            "uid": self.uid,
            "sequence": self.sequence,
            "recorded_sequence": self.recorded_sequence,
            "people_added": list(self.people_added),
            "people_known": list(self.people_known),
            "notes": list(self.notes),
        }


def import_invite(
    app: App,
    data: bytes,
    *,
    now: datetime,
    opp_id: int | None = None,
    own_emails: Iterable[str] = (),
    create: NewOpportunity | None = None,
) -> InviteResult:
    """Record what the invitation says; see the module's docstring for the rules."""
    if create is not None and opp_id is not None:
        raise BadInput("Give --opp or --create, not both.")
    if create is not None:
        create = NewOpportunity(
            require_text(create.company, "The company", 200),
            require_text(create.role, "The role", 200),
            create.route,
        )
    own = {parse_email(address).casefold() for address in own_emails}
    invitation = parse_invitation(
        data,
        default_zone=app.timezone,
        day_start=app.settings.working_day_start,
        day_end=app.settings.working_day_end,
    )
    with app.transaction(now) as repo:
        profile = repo.get_profile()
        if profile is not None and profile["email"]:
            own.add(str(profile["email"]).casefold())
        known = repo.interview_for_invite(invitation.uid)
        if known is not None:
            return _again(app, repo, invitation, known, opp_id, create, own, now)
        if invitation.method is Method.CANCEL:
            raise BadInput(
                "This cancels an invitation that was never imported, so there is nothing to "
                "cancel; `afterview interview cancel ID` cancels an interview added by hand."
            )
        return _first(app, repo, invitation, opp_id, create, own, now)


# --- a new invitation ---------------------------------------------------------------------


def _first(
    app: App,
    repo: Repository,
    invitation: Invitation,
    opp_id: int | None,
    create: NewOpportunity | None,
    own: set[str],
    now: datetime,
) -> InviteResult:
    created = create is not None
    if create is not None:
        opp_id = repo.add_opportunity(create.company, create.role, create.route, now, app.timezone)
    elif opp_id is None:
        opp_id = _match_opportunity(repo, invitation, own)
    opp = repo.load_opportunity(opp_id)
    notes = list(invitation.notes)
    people = _People(repo, opp, own, notes)
    panel = people.take(invitation.people)
    assert invitation.start is not None and invitation.end is not None  # only a CANCEL lacks them
    interview_id = repo.add_interview(
        opp_id,
        round=repo.next_round(opp_id),
        start=invitation.start,
        end=invitation.end,
        tz=invitation.tz,
        format=invitation.format,
        location=_place(invitation),
        recruiter_call_at=None,
        interviewer_ids=panel,
        invite_uid=invitation.uid,
        invite_sequence=invitation.sequence,
        recorded_at=now,
    )
    _save_state(repo, invitation)
    refresh_opportunity(app, repo, opp_id, now)
    return _result(InviteAction.ADDED, invitation, interview_id, opp, created, None, people, notes)


def _match_opportunity(repo: Repository, invitation: Invitation, own: set[str]) -> int:
    """The open opportunity whose people share the organiser's (else an attendee's)
    email domain; else the one whose organisation the event's title names."""
    rows = {row["id"]: row for row in repo.list_opportunities() if not row["closed"]}
    candidates = [o for o in repo.load_all_opportunities() if o.id in rows]
    own_domains = {_domain(address) for address in own}
    organiser = [invitation.organizer] if invitation.organizer else []
    by_title = _named_in(invitation.summary, candidates)
    for group in (organiser, list(invitation.attendees)):
        domains = {
            _domain(p.email)
            for p in group
            if p.email and p.email not in own and _useful(_domain(p.email), own_domains)
        }
        hits = [
            o for o in candidates if any(_domain(p.email) in domains for p in o.people if p.email)
        ]
        if len(hits) == 1:
            return hits[0].id
        if len(hits) > 1:
            narrowed = [o for o in hits if o in by_title]
            if len(narrowed) == 1:
                return narrowed[0].id
            raise BadInput(
                f"This invitation could be for {_listed(hits)}; pass --opp OPP to choose."
            )
    if len(by_title) == 1:
        return by_title[0].id
    if len(by_title) > 1:
        raise BadInput(
            f"This invitation could be for {_listed(by_title)}; pass --opp OPP to choose."
        )
    who = invitation.organizer.display_name if invitation.organizer else "no organiser"
    what = f'"{invitation.summary}"' if invitation.summary else "an untitled event"
    raise BadInput(
        f"No open opportunity matches this invitation ({what}, from {who}). Pass --opp OPP, "
        'or create one with --create "Company" --role "Role".'
    )


def _named_in(summary: str | None, opportunities: Sequence[Opportunity]) -> list[Opportunity]:
    """Opportunities whose organisation the title names (the longest names win)."""
    if not summary:
        return []
    title = f" {_words(summary)} "
    named = [(len(_company_key(o.company)), o) for o in opportunities if _company_key(o.company)]
    hits = [(size, o) for size, o in named if f" {_company_key(o.company)} " in title]
    if not hits:
        return []
    longest = max(size for size, _ in hits)
    return [o for size, o in hits if size == longest]


# --- the same invitation again: an update, a cancellation or a repeat ------------------------


def _again(
    app: App,
    repo: Repository,
    invitation: Invitation,
    known: dict[str, Any],
    opp_id: int | None,
    create: NewOpportunity | None,
    own: set[str],
    now: datetime,
) -> InviteResult:
    interview_id, owner = int(known["id"]), int(known["opportunity_id"])
    recorded = int(known["invite_sequence"] or 0)
    if opp_id is not None and opp_id != owner:
        raise BadInput(
            f"This invitation was imported into opportunity {owner} (interview "
            f"{interview_id}), not {opp_id}; drop --opp to update it there."
        )
    notes = list(invitation.notes)
    if create is not None:
        notes.append(f"--create was not needed: the interview is in opportunity {owner}.")
    opp = repo.load_opportunity(owner)
    interview = next(i for i in opp.interviews if i.id == interview_id)
    people = _People(repo, opp, own, notes)
    stamp, occurrence = _load_state(repo, invitation.uid, interview)
    if _other_occurrence(invitation, occurrence):
        what = "cancels" if invitation.method is Method.CANCEL else "changes"
        notes.insert(
            0,
            f"Nothing to change: this {what} another occurrence of the repeating event "
            f"({_when(invitation.occurrence, interview.tz)}), not the one recorded.",
        )
        return _stored(invitation, interview, opp, recorded, notes)
    if invitation.method is Method.CANCEL:
        if interview.cancelled or invitation.older_than(recorded, stamp):
            why = "already cancelled" if interview.cancelled else "older than the one imported"
            notes.insert(0, f"Nothing to change: the cancellation is {why}.")
            return _stored(invitation, interview, opp, recorded, notes)
        repo.update_interview(interview_id, cancelled=True, invite_sequence=invitation.sequence)
        _save_state(repo, invitation, occurrence)
        refresh_opportunity(app, repo, owner, now)
        return _result(
            InviteAction.CANCELLED, invitation, interview_id, opp, False, recorded, people, notes,
            interview,
        )  # fmt: skip
    if not invitation.newer_than(recorded, stamp):
        same = invitation.sequence == recorded and not invitation.older_than(recorded, stamp)
        what = "the same update" if same else "an older update"
        notes.insert(
            0,
            f"Nothing to change: this is {what} (sequence {invitation.sequence}) of the "
            f"invitation already imported (sequence {recorded}).",
        )
        return _stored(invitation, interview, opp, recorded, notes)
    assert invitation.start is not None and invitation.end is not None  # only a CANCEL lacks them
    changes: dict[str, Any] = {"invite_sequence": invitation.sequence}
    moved = (invitation.start, invitation.end, invitation.tz) != (
        interview.start,
        interview.end,
        interview.tz,
    )
    if moved:
        changes |= {"start": invitation.start, "end": invitation.end, "tz": invitation.tz}
    if invitation.format is not interview.format:
        changes["format"] = invitation.format
    place = _place(invitation)
    if place != interview.location:
        changes["location"] = place
    if interview.cancelled:
        changes["cancelled"] = False
        notes.append("The interview had been cancelled; this update puts it back.")
    panel = people.take(invitation.people)
    wanted = list(dict.fromkeys([*interview.interviewer_ids, *panel]))
    if wanted != list(interview.interviewer_ids):
        changes["interviewer_ids"] = wanted
    repo.update_interview(interview_id, **changes)
    _save_state(repo, invitation, occurrence)
    refresh_opportunity(app, repo, owner, now)
    action = InviteAction.MOVED if moved else InviteAction.UPDATED
    return _result(action, invitation, interview_id, opp, False, recorded, people, notes)


# --- people ---------------------------------------------------------------------------------


class _People:
    """Finds or adds the opportunity's people for an invitation's parties (P3, P5)."""

    def __init__(self, repo: Repository, opp: Opportunity, own: set[str], notes: list[str]):
        self.repo, self.opp, self.own, self.notes = repo, opp, own, notes
        self.people = list(opp.people)
        self.added: list[int] = []
        self.known: list[int] = []

    def take(self, parties: Iterable[Party]) -> list[int]:
        """Ids of the panel: the parties who interview (new ones added, known ones reused)."""
        panel: list[int] = []
        for party in parties:
            if party.email and party.email.casefold() in self.own:
                continue
            if party.partstat == "DECLINED":
                self.notes.append(f"{party.display_name} declined the invitation; left out.")
                continue
            person = self._find(party) or self._add(party)
            if person.role in PANEL_ROLES and party.role != "NON-PARTICIPANT":
                panel.append(person.id)
        return list(dict.fromkeys(panel))

    def _find(self, party: Party) -> Person | None:
        """The same email, else the same name (accents, case and word order aside)."""
        email = party.email.casefold() if party.email else None
        person = next(
            (p for p in self.people if email and p.email and p.email.casefold() == email), None
        )
        if person is None and party.name:
            key = normalised_name(party.name)
            person = next((p for p in self.people if normalised_name(p.name) == key), None)
            if person is not None and email and person.email and person.email.casefold() != email:
                self.notes.append(
                    f"{person.name}'s address in the invitation ({party.email}) differs from "
                    f"the one recorded ({person.email}); the recorded one is kept."
                )
        if person is None:
            return None
        if person.id not in self.known and person.id not in self.added:
            self.known.append(person.id)
        if person.email is None and party.email:
            address = _checked(party.email)
            if address is not None:
                self.repo.update_person(person.id, email=address, source=Source.INVITE)
                self.notes.append(f"{person.name}'s email address taken from the invitation (P3).")
        return person

    def _add(self, party: Party) -> Person:
        address = _checked(party.email) if party.email else None
        if party.email and address is None:
            self.notes.append(f"{party.email!r} is not a usable email address; left out.")
        checked = validation.person(validation.clipped(party.display_name), address)
        name = checked["name"]
        role = self._role(party)
        person_id = self.repo.add_person(
            self.opp.id, name=name, role=role, email=checked["email"], source=Source.INVITE
        )
        person = Person(person_id, name, role, address, source=Source.INVITE)
        self.people.append(person)
        self.added.append(person_id)
        return person

    def _role(self, party: Party) -> PersonRole:
        """Attendees interview; someone at the recruiter's agency is a recruiter."""
        if party.role == "NON-PARTICIPANT":
            return PersonRole.OTHER
        domain = _domain(party.email) if party.email else None
        agencies = {
            _domain(p.email) for p in self.people if p.role is PersonRole.RECRUITER and p.email
        }
        if domain and domain in agencies and domain not in SHARED_DOMAINS:
            return PersonRole.RECRUITER
        return PersonRole.INTERVIEWER


# --- helpers --------------------------------------------------------------------------------


def _result(
    action: InviteAction,
    invitation: Invitation,
    interview_id: int,
    opp: Opportunity,
    created: bool,
    recorded: int | None,
    people: _People,
    notes: list[str],
    recorded_interview: Interview | None = None,
) -> InviteResult:
    from afterview.playbook.timing import local

    start, end, tz = invitation.start, invitation.end, invitation.tz
    if start is None or end is None:  # a cancellation without times: the recorded ones
        assert recorded_interview is not None
        tz = recorded_interview.tz
        start = local(recorded_interview.start, tz)
        end = local(recorded_interview.end, tz)
    return InviteResult(
        action=action,
        interview_id=interview_id,
        opportunity_id=opp.id,
        company=opp.company,
        opportunity_created=created,
        start=start,
        end=end,
        tz=tz,
        all_day=invitation.all_day,
        format=invitation.format,
        location=invitation.interview_location,
        meeting_url=invitation.meeting_url,
        meeting_provider=invitation.meeting_provider,
        uid=invitation.uid,
        sequence=invitation.sequence,
        recorded_sequence=recorded,
        people_added=tuple(people.added),
        people_known=tuple(people.known),
        notes=tuple(dict.fromkeys(notes)),
    )


def _stored(
    invitation: Invitation,
    interview: Interview,
    opp: Opportunity,
    recorded: int,
    notes: list[str],
) -> InviteResult:
    """Nothing written: describe the interview as it is recorded."""
    from afterview.integrations.invites import provider_of
    from afterview.playbook.timing import local

    link = _link_in(interview.location)
    return InviteResult(
        action=InviteAction.UNCHANGED,
        interview_id=interview.id,
        opportunity_id=opp.id,
        company=opp.company,
        opportunity_created=False,
        start=local(interview.start, interview.tz),
        end=local(interview.end, interview.tz),
        tz=interview.tz,
        all_day=False,
        format=interview.format,
        location=interview.location,
        meeting_url=link,
        meeting_provider=provider_of(link) if link else None,
        uid=invitation.uid,
        sequence=invitation.sequence,
        recorded_sequence=recorded,
        notes=tuple(notes[:1]),  # why nothing changed; the file's own notes do not matter
    )


def _state_key(uid: str) -> str:
    return STATE_PREFIX + hashlib.sha256(uid.encode("utf-8")).hexdigest()[:40]


def _load_state(
    repo: Repository, uid: str, interview: Interview
) -> tuple[datetime | None, datetime | None]:
    """The recorded DTSTAMP and occurrence; before they were kept, the occurrence is
    taken to be the interview's start (no stamp: a same-SEQUENCE update is not newer)."""
    raw = repo.get_meta(_state_key(uid))
    data = json.loads(raw) if raw else {}
    stamp = data.get("stamp")
    occurrence = data.get("occurrence")
    return (
        datetime.fromisoformat(stamp) if stamp else None,
        datetime.fromisoformat(occurrence) if occurrence else interview.start,
    )


def _save_state(
    repo: Repository, invitation: Invitation, occurrence: datetime | None = None
) -> None:
    """Keep the newest DTSTAMP and the occurrence the interview is (the first one's
    stays when a series is updated, or is the exception's when that came first)."""
    kept = occurrence if occurrence is not None else invitation.occurrence
    if not invitation.exception and invitation.occurrence is not None:
        kept = invitation.occurrence  # the series moved: its first occurrence with it
    state = {
        "stamp": invitation.stamp.isoformat() if invitation.stamp else None,
        "occurrence": kept.isoformat() if kept else None,
    }
    repo.set_meta(_state_key(invitation.uid), json.dumps(state, sort_keys=True))


def _other_occurrence(invitation: Invitation, recorded: datetime | None) -> bool:
    """An exception (RECURRENCE-ID) for an occurrence that is not the recorded one."""
    if not invitation.exception or invitation.occurrence is None or recorded is None:
        return False
    return invitation.occurrence != recorded


def _when(moment: datetime | None, tz: str) -> str:
    from afterview.playbook.timing import local

    return local(moment, tz).strftime("%a %d %b %Y %H:%M") if moment else "unknown"


def _link_in(location: str | None) -> str | None:
    from afterview.integrations.invites import ANY_URL

    found = ANY_URL.search(location or "")
    return found.group() if found else None


def _checked(address: str) -> str | None:
    try:
        return parse_email(address)
    except BadInput:
        return None


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].casefold()


def _useful(domain: str, own_domains: set[str]) -> bool:
    return domain not in SHARED_DOMAINS and domain not in own_domains


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", _plain(text)))


def _plain(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()


def _company_key(company: str) -> str:
    """The organisation's name as words, without "Ltd", "Inc"… ("Zoë & Co" → "zoe")."""
    return _words(LEGAL_SUFFIXES.sub(" ", _plain(company)))


def _listed(opportunities: Sequence[Opportunity]) -> str:
    shown = [f"{o.id} ({o.company})" for o in opportunities]
    return "opportunities " + ", ".join(shown[:-1]) + " or " + shown[-1]


def _place(invitation: Invitation) -> str | None:
    """The interview's place as the commands accept it (a meeting link kept whole)."""
    return validation.location(validation.clipped(invitation.interview_location, validation.PLACE))
