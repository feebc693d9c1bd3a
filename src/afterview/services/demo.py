"""A realistic sample: seven opportunities at every stage, replayed through the use cases.

Each fact is recorded with the `now` it would have had in real life (a thank-you
logged the evening it was sent), so the demo exercises the same code paths as a
real candidate and every page and command has something meaningful to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from afterview.errors import Conflict
from afterview.playbook.facts import (
    Channel,
    ContactKind,
    FitDecision,
    InterviewFormat,
    Outcome,
    PersonRole,
    Route,
    Source,
)
from afterview.services import debriefs, decisions, drafts, records
from afterview.services.app import App
from afterview.services.profile import set_profile
from afterview.services.records import NewInterviewer

LONDON = "Europe/London"
NEW_YORK = "America/New_York"


@dataclass(frozen=True)
class Clock:
    """Local wall-clock times relative to the real `now`, in a given zone."""

    now: datetime
    tz: str

    def at(self, days: int, hour: int, minute: int = 0) -> datetime:
        """`days` from today at hh:mm; a weekend day moves to the Friday before it."""
        day = self.now.astimezone(ZoneInfo(self.tz)).date() + timedelta(days=days)
        if day.weekday() >= 5 and days < 0:
            day -= timedelta(days=day.weekday() - 4)
        elif day.weekday() >= 5:
            day += timedelta(days=7 - day.weekday())
        return datetime.combine(day, time(hour, minute)).replace(tzinfo=ZoneInfo(self.tz))

    def weekday_before(self, moment: datetime, hour: int, minute: int = 0) -> datetime:
        """hh:mm on the last weekday before the day of `moment`."""
        day = moment.astimezone(ZoneInfo(self.tz)).date() - timedelta(days=1)
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        return datetime.combine(day, time(hour, minute)).replace(tzinfo=ZoneInfo(self.tz))

    def day(self, days: int) -> date:
        return self.now.astimezone(ZoneInfo(self.tz)).date() + timedelta(days=days)

    def recent_end(self) -> datetime:
        """A plausible end for an interview that just finished: on a half hour,
        30–60 minutes ago in the daytime, else yesterday at 16:00."""
        local_now = self.now.astimezone(ZoneInfo(self.tz))
        if not 10 <= local_now.hour < 22:
            return self.at(-1, 16)
        half = local_now.replace(
            minute=30 if local_now.minute >= 30 else 0, second=0, microsecond=0
        )
        return half - timedelta(minutes=30)


def create(app: App, now: datetime) -> list[int]:
    """The whole demo or nothing: `seed` and `catch_up`, and on any failure the
    database is emptied again (it was empty before: `seed` refuses anything else)."""
    ids = seed(app, now)
    try:
        catch_up(app, now)
    except BaseException:
        _empty_again(app, now)
        raise
    return ids


def _empty_again(app: App, now: datetime) -> None:
    with app.transaction(now) as repo:
        repo.wipe()


def seed(app: App, now: datetime) -> list[int]:
    """Fill an empty database with the sample; returns the opportunity ids.

    Each fact is its own use case (its own transaction), so a failure part-way
    empties the database again: the demo is all there or not there at all.
    """
    with app.transaction(now) as repo:
        if not repo.is_empty():
            raise Conflict("The demo needs an empty database; it refuses to touch your data.")
    try:
        return _fill(app, now)
    except BaseException:
        _empty_again(app, now)
        raise


def _fill(app: App, now: datetime) -> list[int]:
    set_profile(
        app,
        now=now,
        name="Sam Taylor",
        email="sam.taylor@example.org",
        phone="+44 7700 900123",
        skills="Python, data pipelines, SQL, mentoring",
        experience="six years building data platforms in healthcare",
        language="en-GB",
    )
    london, new_york = Clock(now, LONDON), Clock(now, NEW_YORK)
    return [
        _just_interviewed(app, london),
        _awaiting_with_date(app, london),
        _next_round(app, london),
        _three_chases(app, london),
        _offer(app, london),
        _rejected(app, london),
        _tomorrow_abroad(app, new_york),
    ]


def _opp(app: App, created: datetime, company: str, role: str, route: Route, **extra: str) -> int:
    return records.add_opportunity(
        app, company=company, role=role, route=route, now=created, **extra
    )


def _interview(
    app: App,
    opp: int,
    booked: datetime,
    start: datetime,
    minutes: int,
    tz: str,
    *people: NewInterviewer,
    interviewer_ids: tuple[int, ...] = (),
    format: InterviewFormat = InterviewFormat.ONSITE,
    location: str | None = None,
) -> int:
    return records.add_interview(
        app,
        opp,
        start=start,
        end=start + timedelta(minutes=minutes),
        tz=tz,
        now=booked,
        interviewers=people,
        interviewer_ids=interviewer_ids,
        format=format,
        location=location,
    )


def _log(
    app: App,
    opp: int,
    kind: ContactKind,
    at: datetime,
    person: int | None = None,
    channel: Channel = Channel.EMAIL,
) -> None:
    records.log_contact(app, opp, kind=kind, channel=channel, at=at, now=at, person_id=person)


def _just_interviewed(app: App, c: Clock) -> int:
    """Recruiter route; the interview ended within the hour: call, debrief, thank (P1–P5)."""
    end = c.recent_end()
    start = end - timedelta(hours=1)
    opp = _opp(
        app,
        start - timedelta(days=6),
        "Northwind Health",
        "Data Engineer",
        Route.RECRUITER,
        recruiter_name="Priya Shah",
        recruiter_email="priya.shah@talentbridge.example",
        recruiter_phone="+44 20 7946 0321",
    )
    _interview(
        app,
        opp,
        start - timedelta(days=5),
        start,
        60,
        c.tz,
        NewInterviewer("Dana Kim", "dana.kim@northwind.example"),
        NewInterviewer("Tom Reyes"),
        location="2 Canal Street, Manchester",
    )
    return opp


def _awaiting_with_date(app: App, c: Clock) -> int:
    """Direct route, went well, decision date next week: P8 waits for it; P9 competitors."""
    # Thanked the morning after the interview, so the interview is on the weekday before
    # that morning: at(-3) and at(-2) are the same Friday on Mondays and Tuesdays.
    thanked = c.at(-2, 8, 50)
    start = c.weekday_before(thanked, 14)
    opp = _opp(app, c.at(-12, 10), "Bluefin Analytics", "Analytics Engineer", Route.DIRECT)
    manager = records.add_person(
        app,
        opp,
        name="Grace Liu",
        role=PersonRole.HIRING_MANAGER,
        now=c.at(-10, 9),
        email="grace.liu@bluefin.example",
        title="Head of Data",
        source=Source.INVITE,
    )
    interview = _interview(
        app,
        opp,
        c.at(-10, 9),
        start,
        60,
        c.tz,
        interviewer_ids=(manager,),
        format=InterviewFormat.VIDEO,
        location="https://meet.example/bluefin-ae",
    )
    records.set_timeline(
        app,
        opp,
        now=start + timedelta(minutes=55),
        decision_by=c.day(4),
        follow_up_with=manager,
        follow_up_how=Channel.EMAIL,
    )
    debriefs.record_debrief(
        app,
        interview,
        {
            "went_well": ["Walked through the dbt migration clearly"],
            "nuggets": ["They are rebuilding their churn model before the spring launch"],
            "questions": [{"question": "How would you test a data pipeline?", "quality": "good"}],
            "new_questions": ["Who owns data quality today?"],
            "liked": ["Concrete examples with numbers"],
            "overall": "good",
        },
        start + timedelta(hours=1, minutes=30),
    )
    # The thank-you went through the drafts, as the README shows: drafted, then sent.
    (thanks,) = drafts.draft_thank_you(app, interview, now=thanked, to=manager)
    sent = thanked + timedelta(minutes=20)
    drafts.mark_sent(app, thanks.id, at=sent, now=sent)
    records.reflect(
        app,
        opp,
        scores={"fit": 5, "growth": 4, "culture": 4, "values": 5, "happy": 5},
        decision=FitDecision.CONTINUE,
        now=c.at(-1, 19),
    )
    records.add_competitor(app, opp, "Quarry Insights", c.at(-1, 19, 5))
    return opp


def _next_round(app: App, c: Clock) -> int:
    """Round 1 ten days ago with weak answers; round 2 in two days: the brief (P10)."""
    start = c.at(-10, 10)
    opp = _opp(
        app,
        c.at(-20, 9),
        "Meridian Rail",
        "Platform Engineer",
        Route.RECRUITER,
        recruiter_name="Owen Blake",
        recruiter_email="owen@hirewell.example",
    )
    sofia = NewInterviewer("Sofia Marin", "s.marin@meridianrail.example")
    first = _interview(app, opp, c.at(-15, 9), start, 90, c.tz, sofia)
    _log(app, opp, ContactKind.RECRUITER_CALL, start + timedelta(hours=2), channel=Channel.PHONE)
    debriefs.record_debrief(
        app,
        first,
        {
            "went_well": ["Kubernetes upgrade story"],
            "cover_more": ["On-call experience"],
            "nuggets": ["Moving signalling data to a new event platform next year"],
            "questions": [
                {
                    "question": "Tell me about a time you disagreed with your manager",
                    "quality": "weak",
                    "reason": "forgot",
                    "add_next_time": "The rollout-freeze example",
                },
                {
                    "question": "How do you size a Kafka cluster?",
                    "quality": "wrong",
                    "reason": "incorrect",
                    "add_next_time": "Partitions follow consumer parallelism",
                },
            ],
            "new_questions": ["How is on-call shared?"],
            "liked": ["Hands-on migration detail"],
            "disliked": ["Vague answer on cost"],
            "overall": "mixed",
        },
        start + timedelta(hours=3),
    )
    _log(app, opp, ContactKind.THANK_YOU, c.at(-10, 16))
    records.record_outcome(app, opp, Outcome.NEXT_ROUND, at=c.at(-5, 11), now=c.at(-5, 11))
    ravi = NewInterviewer("Ravi Patel", "ravi.patel@meridianrail.example")
    _interview(app, opp, c.at(-5, 11, 30), c.at(2, 14), 120, c.tz, sofia, ravi)
    return opp


def _three_chases(app: App, c: Clock) -> int:
    """Three follow-ups without a reply: Afterview suggests closing, not a fourth chase (P8)."""
    opp = _opp(app, c.at(-40, 9), "Harbor & Finch", "Backend Developer", Route.DIRECT)
    maya = NewInterviewer("Maya Chen", "maya.chen@harborfinch.example")
    _interview(app, opp, c.at(-35, 9), c.at(-30, 11), 60, c.tz, maya)
    _log(app, opp, ContactKind.THANK_YOU, c.at(-30, 15))
    for days in (-22, -15, -8):
        _log(app, opp, ContactKind.FOLLOW_UP, c.at(days, 10))
    return opp


def _offer(app: App, c: Clock) -> int:
    """An offer arrived yesterday: answer it within two working days (P12)."""
    opp = _opp(
        app,
        c.at(-25, 9),
        "Cobalt Labs",
        "Senior Data Engineer",
        Route.RECRUITER,
        recruiter_name="Lena Fischer",
        recruiter_email="lena@peoplefirst.example",
    )
    arun = NewInterviewer("Arun Mehta", "arun@cobaltlabs.example")
    _interview(app, opp, c.at(-20, 9), c.at(-9, 9, 30), 60, c.tz, arun)
    _log(app, opp, ContactKind.RECRUITER_CALL, c.at(-9, 11, 30), channel=Channel.PHONE)
    _log(app, opp, ContactKind.THANK_YOU, c.at(-9, 15))
    records.record_outcome(app, opp, Outcome.OFFER, at=c.at(-1, 16), now=c.at(-1, 16))
    return opp


def _rejected(app: App, c: Clock) -> int:
    """Rejected weeks ago; its debrief still teaches (P11)."""
    thanked = c.at(-44, 9)
    start = c.weekday_before(thanked, 13)  # not the thank-you's day (see _awaiting_with_date)
    opp = _opp(app, c.at(-60, 9), "Greyline Systems", "Data Platform Engineer", Route.DIRECT)
    noah = NewInterviewer("Noah Brooks", "noah@greyline.example")
    interview = _interview(app, opp, c.at(-50, 9), start, 60, c.tz, noah)
    debriefs.record_debrief(
        app,
        interview,
        {
            "questions": [
                {
                    "question": "Tell me about a time you disagreed with your manager.",
                    "quality": "wrong",
                    "reason": "misread",
                    "add_next_time": "Pick a story with an outcome",
                },
            ],
            "disliked": ["Vague answer on cost"],
            "overall": "poor",
        },
        start + timedelta(hours=2),
    )
    _log(app, opp, ContactKind.THANK_YOU, thanked)
    records.record_outcome(app, opp, Outcome.REJECTED, at=c.at(-38, 12), now=c.at(-38, 12))
    return opp


def _tomorrow_abroad(app: App, c: Clock) -> int:
    """A video interview tomorrow in New York time: the P2 checklist in that zone."""
    opp = _opp(app, c.at(-7, 9), "Lumen Bank", "Data Engineer", Route.DIRECT)
    elena = NewInterviewer("Elena Rossi", "elena.rossi@lumenbank.example")
    _interview(
        app,
        opp,
        c.at(-4, 9),
        c.at(1, 10),
        45,
        c.tz,
        elena,
        format=InterviewFormat.VIDEO,
        location="https://meet.example/lumen",
    )
    return opp


def catch_up(app: App, now: datetime, keep: frozenset[str] = frozenset({"P8", "P9"})) -> int:
    """Mark what a diligent candidate would have done by now as done, on time.

    Leaves recent steps and the rules in `keep` open, so the demo shows a lived-in
    search with a few things that need attention rather than a wall of overdue work.
    """
    from afterview.agenda_query import AgendaQuery
    from afterview.services.agenda import agenda

    count = 0
    for _ in range(60):  # recurring steps (P9) reappear a week later: repeat, bounded
        items = [
            item
            for item in agenda(app, AgendaQuery(now - timedelta(days=1)))
            if item["rule"] not in keep or item["opportunity_id"] is None
        ]
        if not items:
            break
        for item in items:
            due = datetime.fromisoformat(item["due"])
            decisions.done(app, item["key"], at=due + timedelta(minutes=30), now=now)
            count += 1
    return count
