"""The facts a candidate records, as plain immutable data.

The playbook (PLAYBOOK.md) is a pure function of these facts and the settings;
nothing here knows about the database, the clock or the screen. All datetimes are
timezone-aware; dates are calendar dates in the zone of the interview they belong to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class Route(StrEnum):
    RECRUITER = "recruiter"
    DIRECT = "direct"


class InterviewFormat(StrEnum):
    ONSITE = "onsite"
    VIDEO = "video"
    PHONE = "phone"


class PersonRole(StrEnum):
    INTERVIEWER = "interviewer"
    HIRING_MANAGER = "hiring-manager"
    RECRUITER = "recruiter"
    RECEPTIONIST = "receptionist"
    OTHER = "other"


class Source(StrEnum):
    """Where a person's details came from (P3)."""

    BUSINESS_CARD = "business-card"
    RECEPTIONIST = "receptionist"
    RECRUITER = "recruiter"
    INVITE = "invite"
    TYPED = "typed"


class ContactKind(StrEnum):
    """An outbound touch. Only FOLLOW_UP counts for the weekly guard (P8)."""

    THANK_YOU = "thank-you"
    FOLLOW_UP = "follow-up"
    RECRUITER_CALL = "recruiter-call"
    REQUEST = "request"  # asking for a timeline or contact details (P2, P3, P6)
    WITHDRAWAL = "withdrawal"
    OFFER_REPLY = "offer-reply"
    OTHER = "other"


class Channel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    MESSAGE = "message"


class Outcome(StrEnum):
    """Outcomes the candidate records (P12)."""

    NEXT_ROUND = "next-round"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_RESPONSE = "no-response"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class Status(StrEnum):
    """Where an opportunity stands (P12); derived from the facts, never typed in."""

    NEW = "new"
    INTERVIEW_SCHEDULED = "interview-scheduled"
    INTERVIEWED = "interviewed"
    AWAITING_DECISION = "awaiting-decision"
    NEXT_ROUND = "next-round"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_RESPONSE = "no-response"
    ACCEPTED = "accepted"
    DECLINED = "declined"


CLOSED_STATUSES = frozenset(
    {Status.REJECTED, Status.WITHDRAWN, Status.NO_RESPONSE, Status.ACCEPTED, Status.DECLINED}
)


class AnswerQuality(StrEnum):
    GOOD = "good"
    WEAK = "weak"
    WRONG = "wrong"


class AnswerReason(StrEnum):
    MISREAD = "misread"
    FORGOT = "forgot"
    INCORRECT = "incorrect"
    OTHER = "other"


class Overall(StrEnum):
    """The candidate's overall feeling after an interview (feeds P9's competitor hint)."""

    GOOD = "good"
    MIXED = "mixed"
    POOR = "poor"


class FitDecision(StrEnum):
    CONTINUE = "continue"
    WITHDRAW = "withdraw"


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: PersonRole
    email: str | None = None
    phone: str | None = None
    title: str | None = None
    source: Source = Source.TYPED


@dataclass(frozen=True)
class Interview:
    id: int
    round: int
    start: datetime
    end: datetime
    tz: str
    format: InterviewFormat = InterviewFormat.ONSITE
    location: str | None = None
    interviewer_ids: tuple[int, ...] = ()
    recruiter_call_at: datetime | None = None
    cancelled: bool = False
    recorded_at: datetime | None = None  # when it was entered: late → a catch-up plan


@dataclass(frozen=True)
class Timeline:
    """What the candidate was told about the decision (P1, P2, P6)."""

    recorded_at: datetime
    decision_by: date | None = None
    follow_up_with: int | None = None
    follow_up_how: Channel | None = None
    follow_up_on: date | None = None
    none_given: bool = False  # asked; no timeline given yet (P6 asks again later)


@dataclass(frozen=True)
class Contact:
    id: int
    at: datetime
    kind: ContactKind
    channel: Channel
    person_id: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class Reply:
    """A reply or news from the organisation or the recruiter; pauses follow-ups (P8)."""

    id: int
    at: datetime
    note: str | None = None


@dataclass(frozen=True)
class QuestionReview:
    question: str
    quality: AnswerQuality
    reason: AnswerReason | None = None
    add_next_time: str | None = None


@dataclass(frozen=True)
class Debrief:
    """The notes written right after an interview (P4)."""

    interview_id: int
    recorded_at: datetime
    went_well: tuple[str, ...] = ()
    cover_more: tuple[str, ...] = ()
    nuggets: tuple[str, ...] = ()
    # Parallel to `nuggets`: the person id of the interviewer who said each, or None.
    nugget_said_by: tuple[int | None, ...] = ()
    questions: tuple[QuestionReview, ...] = ()
    new_questions: tuple[str, ...] = ()
    liked: tuple[str, ...] = ()
    disliked: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()  # anything seen or heard that caused concern (P4, P7)
    overall: Overall | None = None

    def said_by(self, index: int) -> int | None:
        """Who said the nugget at `index` (P5 attribution), when recorded."""
        return self.nugget_said_by[index] if index < len(self.nugget_said_by) else None


@dataclass(frozen=True)
class Reflection:
    """The fit reflection (P7): five scores from 1 to 5 and a decision."""

    id: int
    recorded_at: datetime
    fit: int
    growth: int
    culture: int
    values: int
    happy: int
    decision: FitDecision
    concerns: str | None = None
    interview_id: int | None = None


@dataclass(frozen=True)
class OutcomeEvent:
    at: datetime
    outcome: Outcome


@dataclass(frozen=True)
class Opportunity:
    """Everything recorded about one role at one organisation."""

    id: int
    company: str
    role: str
    route: Route
    created_at: datetime
    people: tuple[Person, ...] = ()
    interviews: tuple[Interview, ...] = ()
    timelines: tuple[Timeline, ...] = ()
    contacts: tuple[Contact, ...] = ()
    replies: tuple[Reply, ...] = ()
    debriefs: tuple[Debrief, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    outcomes: tuple[OutcomeEvent, ...] = ()
    competitors: tuple[str, ...] = ()
    tz: str | None = None  # the candidate's zone when no interview gives one
    # Interviews across zones: where the organisation (the interviewers) works, when it
    # differs from the zone the interview's times were given in, and whose public
    # holidays it keeps ("US", "GB-SCT"); None: the interview's zone, the setting's.
    org_tz: str | None = None
    holiday_country: str | None = None

    def person(self, person_id: int | None) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    @property
    def live_interviews(self) -> tuple[Interview, ...]:
        """Interviews not cancelled, in chronological order."""
        return tuple(sorted((i for i in self.interviews if not i.cancelled), key=_start))

    def zone(self, default: str) -> str:
        """The zone of opportunity-wide steps: the latest interview's, else the given one."""
        live = self.live_interviews
        return live[-1].tz if live else (self.tz or default)

    def debrief_for(self, interview_id: int) -> Debrief | None:
        return next((d for d in self.debriefs if d.interview_id == interview_id), None)

    def contacts_of(self, *kinds: ContactKind) -> tuple[Contact, ...]:
        return tuple(sorted((c for c in self.contacts if c.kind in kinds), key=_at))

    @property
    def recruiters(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.role is PersonRole.RECRUITER)


@dataclass(frozen=True)
class SearchLog:
    """When the weekly "keep searching" step was closed (P9), oldest first."""

    closed_at: tuple[datetime, ...] = ()


@dataclass(frozen=True)
class PlanContext:
    """Facts from outside one opportunity that change its plan (P9, P11, P12)."""

    accepted_offer_opp: int | None = None
    accepted_offer_at: datetime | None = None
    has_lessons: bool = False
    lessons_since: datetime | None = None  # the first debrief ever recorded (P11)
    default_tz: str = "UTC"
    # The candidate's own zone, where they are for a video or phone interview; None:
    # wherever each interview's times were given (docs/playbook.md, "Time zones").
    home_tz: str | None = None


def _start(interview: Interview) -> datetime:
    return interview.start


def _at(contact: Contact) -> datetime:
    return contact.at
