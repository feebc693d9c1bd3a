"""Clock, App and scenario helpers shared by the service-layer tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from afterview.agenda_query import AgendaQuery
from afterview.config import Config
from afterview.playbook.facts import Channel, ContactKind, Route
from afterview.playbook.settings import Settings
from afterview.services import records
from afterview.services.agenda import agenda
from afterview.services.app import App
from afterview.services.queries import show_opportunity

TZ = "Europe/London"
LONDON = ZoneInfo(TZ)
NEW_YORK = ZoneInfo("America/New_York")


def at(day: int, hour: int, minute: int = 0, month: int = 3, tz: ZoneInfo = LONDON) -> datetime:
    """A moment of 2026 on a wall clock (London by default; 10 March 2026 is a Tuesday).

    London is on GMT until 29 March 2026, so these dues read as `+00:00`.
    """
    return datetime(2026, month, day, hour, minute, tzinfo=tz)


def iso(day: int, hour: int, minute: int = 0, month: int = 3, tz: ZoneInfo = LONDON) -> str:
    """The agenda's text for a due time: ISO 8601 with the local offset, to the second."""
    return at(day, hour, minute, month, tz).isoformat(timespec="seconds")


def make_app(url: str, **settings: Any) -> App:
    return App(url=url, config=Config(settings=replace(Settings(), **settings), timezone=TZ))


@dataclass(frozen=True)
class Newcomer:
    """A recruiter-route opportunity with one interview, 10 March 10:00–11:00 London."""

    opp: int
    interview: int
    recruiter: int
    dana: int


def newcomer(
    app: App,
    company: str = "Northwind Health",
    route: Route = Route.RECRUITER,
    start: datetime | None = None,
) -> Newcomer:
    now = at(1, 9)
    start = start or at(10, 10)
    domain = company.split(maxsplit=1)[0].lower()
    opp = records.add_opportunity(
        app,
        company=company,
        role="Data Engineer",
        route=route,
        now=now,
        recruiter_name="Priya Shah" if route is Route.RECRUITER else None,
        recruiter_email="priya@talentbridge.example" if route is Route.RECRUITER else None,
    )
    interview = records.add_interview(
        app,
        opp,
        start=start,
        end=start.replace(hour=start.hour + 1),
        tz=TZ,
        now=now,
        interviewers=(records.NewInterviewer("Dana Kim", f"dana@{domain}.example"),),
    )
    people = {p.name: p.id for p in plan_view(app, opp, now).opportunity.people}
    return Newcomer(opp, interview, people.get("Priya Shah", 0), people["Dana Kim"])


def thank(app: App, opp: int, when: datetime, person: int | None = None) -> int:
    return records.log_contact(
        app,
        opp,
        kind=ContactKind.THANK_YOU,
        channel=Channel.EMAIL,
        at=when,
        now=when,
        person_id=person,
    ).id


def follow_up(app: App, opp: int, when: datetime, channel: Channel = Channel.EMAIL) -> str | None:
    return records.log_contact(
        app, opp, kind=ContactKind.FOLLOW_UP, channel=channel, at=when, now=when
    ).flag


def plan_view(app: App, opp: int, now: datetime) -> Any:
    return show_opportunity(app, opp, now)


def plan(app: App, opp: int, now: datetime) -> dict[str, dict[str, Any]]:
    """The opportunity's materialised plan by key (every state)."""
    return {item["key"]: item for item in show_opportunity(app, opp, now).actions}


def due_keys(app: App, now: datetime) -> list[str]:
    """Keys the agenda shows at `now` (due or overdue, open)."""
    return [i["key"] for i in agenda(app, AgendaQuery(now))]


def open_keys(app: App, now: datetime, rule: str | None = None) -> list[str]:
    """Keys of every open action ahead (the agenda with --all), optionally of one rule."""
    items = agenda(app, AgendaQuery(now, everything_ahead=True))
    return [i["key"] for i in items if rule is None or i["rule"] == rule]


def utc(day: int, hour: int, minute: int = 0, month: int = 3, tz: ZoneInfo = LONDON) -> str:
    """The agenda's text for when a message may first go (`send_at`): UTC, like `expires`."""
    return at(day, hour, minute, month, tz).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
