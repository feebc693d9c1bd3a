"""The inputs and output of composing a draft: plain facts in, subject and body out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

KINDS = ("thank-you", "follow-up", "withdrawal", "recruiter-call", "accept", "decline")


@dataclass(frozen=True, slots=True)
class Profile:
    """The candidate, as `afterview profile set` records them."""

    name: str
    email: str
    phone: str | None = None
    signature: str | None = None
    skills: tuple[str, ...] = ()
    experience: str | None = None
    language: str = "en-GB"


@dataclass(frozen=True, slots=True)
class Recipient:
    name: str
    title: str | None = None  # job title, e.g. "Head of Design"
    role: str = "interviewer"  # a PersonRole value


@dataclass(frozen=True, slots=True)
class DraftRequest:
    """Everything a draft may draw on. Only what the kind needs must be present.

    `previous` holds the bodies of earlier drafts to the same recipient: each part's
    wording is chosen so that the new draft does not repeat them. `seed` varies
    the starting wording between recipients of the same interview.
    `interview_start` is read in the interview's local time (its own tzinfo).
    """

    kind: str
    profile: Profile
    organisation: str
    role: str
    recipient: Recipient | None = None
    interview_start: datetime | None = None
    interview_round: int | None = None
    nugget: str | None = None
    went_well: tuple[str, ...] = ()
    decision_date: date | None = None
    last_contact: date | None = None
    follow_ups_sent: int = 0
    previous: tuple[str, ...] = ()
    seed: int = 0
    # P1: the interviewers the recruiter is asked to follow up with, as recorded.
    interviewers: tuple[str, ...] = ()
    # The day the email leaves (its scheduled or expected send day, in the
    # interview's zone), so P5's thanks says "this morning" or "yesterday" truly;
    # without it no day is named.
    written_on: date | None = None
    # Bodies of drafts to other people of the same organisation (a panel): no
    # sentence of eight words or more may repeat one of them (P5, one letter each).
    siblings: tuple[str, ...] = ()
    # Whether the recipient was met in an earlier round: only then "meeting me again".
    # None: unknown, judged from the round as before.
    met_before: bool | None = None


@dataclass(frozen=True, slots=True)
class DraftPart:
    """Where a named part (e.g. P5's `thanks`) sits in the body, by character offsets."""

    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ComposedDraft:
    kind: str
    subject: str
    body: str
    parts: tuple[DraftPart, ...]
