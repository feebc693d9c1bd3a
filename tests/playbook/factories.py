"""Small builders for playbook facts: each test states only what matters to it.

Times are written as local wall-clock text ("2026-03-03 10:00") in a named zone and
returned in UTC, because that is how the store hands facts to the playbook; the
property tests check that any other representation of the same instants plans the
same (PLAYBOOK "Timing details").
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import (
    AnswerQuality,
    AnswerReason,
    Channel,
    Contact,
    ContactKind,
    Debrief,
    FitDecision,
    Interview,
    InterviewFormat,
    Opportunity,
    Outcome,
    OutcomeEvent,
    Person,
    PersonRole,
    PlanContext,
    QuestionReview,
    Reflection,
    Reply,
    Route,
    Timeline,
)
from afterview.playbook.plan import plan_opportunity
from afterview.playbook.settings import Settings

LONDON = "Europe/London"
NEW_YORK = "America/New_York"
TOKYO = "Asia/Tokyo"
LOS_ANGELES = "America/Los_Angeles"

LON = ZoneInfo(LONDON)
NY = ZoneInfo(NEW_YORK)
TYO = ZoneInfo(TOKYO)
LA = ZoneInfo(LOS_ANGELES)


def at(text: str, tz: str = LONDON) -> datetime:
    """The instant a wall clock in `tz` shows `text` ("YYYY-MM-DD HH:MM"), in UTC."""
    naive = datetime.fromisoformat(text)
    return naive.replace(tzinfo=ZoneInfo(tz)).astimezone(UTC)


def day(text: str) -> date:
    return date.fromisoformat(text)


def person(
    pid: int = 1,
    role: PersonRole = PersonRole.INTERVIEWER,
    name: str | None = None,
    email: str | None = "",
    **extra: object,
) -> Person:
    """A person; `email=""` means "a made-up address", `email=None` means "unknown"."""
    name = name or f"Person {pid}"
    if email == "":
        email = f"person{pid}@example.org"
    return Person(id=pid, name=name, role=role, email=email, **extra)  # type: ignore[arg-type]


def ada(**extra: object) -> Person:
    """The default interviewer (id 1)."""
    values: dict[str, object] = {"name": "Ada Lovelace", "role": PersonRole.INTERVIEWER}
    values.update(extra)
    return person(1, **values)  # type: ignore[arg-type]


def manager(pid: int = 2, **extra: object) -> Person:
    values: dict[str, object] = {"name": "Grace Hopper", "role": PersonRole.HIRING_MANAGER}
    values.update(extra)
    return person(pid, **values)  # type: ignore[arg-type]


def recruiter(pid: int = 9, **extra: object) -> Person:
    values: dict[str, object] = {"name": "Rita Recruiter", "role": PersonRole.RECRUITER}
    values.update(extra)
    return person(pid, **values)  # type: ignore[arg-type]


def interview(
    iid: int = 1,
    on: str = "2026-03-03 10:00",
    minutes: int = 60,
    tz: str = LONDON,
    round: int | None = None,
    interviewers: tuple[int, ...] = (1,),
    recruiter_call: str | None = None,
    **extra: object,
) -> Interview:
    """An interview starting at local `on` in `tz` (default: Tuesday 3 March 2026, 10:00)."""
    start = at(on, tz)
    return Interview(
        id=iid,
        round=round if round is not None else iid,
        start=start,
        end=start + timedelta(minutes=minutes),
        tz=tz,
        format=extra.pop("format", InterviewFormat.ONSITE),
        interviewer_ids=interviewers,
        recruiter_call_at=at(recruiter_call, tz) if recruiter_call else None,
        **extra,  # type: ignore[arg-type]
    )


def opportunity(
    oid: int = 1,
    route: Route = Route.DIRECT,
    people: Iterable[Person] | None = None,
    interviews: Iterable[Interview] | None = None,
    company: str = "Acme",
    **extra: object,
) -> Opportunity:
    """One opportunity; by default a direct application, Ada, one Tuesday-morning interview."""
    return Opportunity(
        id=oid,
        company=company,
        role="Engineer",
        route=route,
        created_at=at("2026-02-20 09:00"),
        people=tuple(people) if people is not None else (ada(),),
        interviews=tuple(interviews) if interviews is not None else (interview(),),
        **extra,  # type: ignore[arg-type]
    )


def contact(
    when: datetime,
    kind: ContactKind = ContactKind.FOLLOW_UP,
    channel: Channel = Channel.EMAIL,
    person_id: int | None = None,
    cid: int = 0,
) -> Contact:
    """A contact; `cid=0` derives an id from the time so tests rarely need one."""
    return Contact(
        id=cid or int(when.timestamp()) // 60,
        at=when,
        kind=kind,
        channel=channel,
        person_id=person_id,
    )


def thank_you(when: datetime, person_id: int | None = 1) -> Contact:
    return contact(when, ContactKind.THANK_YOU, Channel.EMAIL, person_id)


def follow_up(
    when: datetime, channel: Channel = Channel.EMAIL, person_id: int | None = None
) -> Contact:
    return contact(when, ContactKind.FOLLOW_UP, channel, person_id)


def timeline(
    recorded: datetime,
    decision_by: str | None = None,
    follow_up_on: str | None = None,
    follow_up_with: int | None = None,
    follow_up_how: Channel | None = None,
) -> Timeline:
    return Timeline(
        recorded_at=recorded,
        decision_by=day(decision_by) if decision_by else None,
        follow_up_with=follow_up_with,
        follow_up_how=follow_up_how,
        follow_up_on=day(follow_up_on) if follow_up_on else None,
    )


def reply(when: datetime, rid: int = 0) -> Reply:
    return Reply(id=rid or int(when.timestamp()) // 60, at=when)


def question(
    text: str,
    quality: AnswerQuality = AnswerQuality.WEAK,
    reason: AnswerReason | None = AnswerReason.FORGOT,
    add: str | None = None,
) -> QuestionReview:
    return QuestionReview(question=text, quality=quality, reason=reason, add_next_time=add)


def debrief(interview_id: int = 1, recorded: datetime | None = None, **extra: object) -> Debrief:
    return Debrief(
        interview_id=interview_id,
        recorded_at=recorded or at("2026-03-03 11:30"),
        **extra,  # type: ignore[arg-type]
    )


def reflection(
    recorded: datetime,
    decision: FitDecision = FitDecision.CONTINUE,
    interview_id: int | None = 1,
    rid: int = 1,
) -> Reflection:
    return Reflection(
        id=rid,
        recorded_at=recorded,
        fit=4,
        growth=4,
        culture=4,
        values=4,
        happy=4,
        decision=decision,
        interview_id=interview_id,
    )


def outcome(when: datetime, what: Outcome) -> OutcomeEvent:
    return OutcomeEvent(at=when, outcome=what)


def plan(
    opp: Opportunity, settings: Settings | None = None, context: PlanContext | None = None
) -> list[PlannedAction]:
    return plan_opportunity(opp, settings or Settings(), context)


def find(actions: Iterable[PlannedAction], key: str) -> PlannedAction:
    """The action with this key (the rule prefix included), failing clearly if absent."""
    actions = list(actions)
    for action in actions:
        if action.key == key:
            return action
    raise AssertionError(f"no action {key!r}; planned: {[a.key for a in actions]}")


def keys(actions: Iterable[PlannedAction], rule: str | None = None) -> list[str]:
    return [a.key for a in actions if rule is None or a.rule == rule]


def of_rule(actions: Iterable[PlannedAction], rule: str) -> list[PlannedAction]:
    return [a for a in actions if a.rule == rule]


def pending_follow_up(actions: Iterable[PlannedAction]) -> PlannedAction | None:
    """The one P8 follow-up not yet made (history rows carry `satisfied_at`)."""
    pending = [a for a in actions if a.key.startswith("P8:follow-up:") and a.satisfied_at is None]
    assert len(pending) <= 1, pending
    return pending[0] if pending else None
