"""Seeding for the editor and writing-API tests: an interview that ended an hour ago.

Relative to the wall clock (the server reads it), through the services only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from afterview.playbook.facts import Channel, ContactKind, Route
from afterview.services import debriefs, profile, queries, records
from afterview.services.app import App

NUGGETS = ["they are opening a Lisbon office", "the billing platform moves to Kotlin"]
SAM = {
    "name": "Sam Taylor",
    "email": "sam@example.org",
    "skills": "Python, SQL, data pipelines",
    "experience": "six years building data platforms",
    "language": "en-GB",
}


@dataclass(frozen=True)
class Seeded:
    opp: int
    interview: int
    dana: int
    recruiter: int | None


def interviewed(
    app: App, *, with_profile: bool = True, recruiter: bool = False, debriefed: bool = True
) -> Seeded:
    """Northwind Health: interviewed by Dana Kim, ended an hour ago, debriefed (P4)."""
    moment = datetime.now(UTC)
    extra = (
        {"recruiter_name": "Priya Shah", "recruiter_email": "priya.shah@talentbridge.example"}
        if recruiter
        else {}
    )
    opp = records.add_opportunity(
        app,
        company="Northwind Health",
        role="Data Engineer",
        route=Route.RECRUITER if recruiter else Route.DIRECT,
        now=moment - timedelta(days=3),
        **extra,
    )
    interview = records.add_interview(
        app,
        opp,
        start=moment - timedelta(hours=2),
        end=moment - timedelta(hours=1),
        tz="Europe/London",
        now=moment - timedelta(days=3),
        interviewers=(records.NewInterviewer("Dana Kim", "dana.kim@northwind.example"),),
    )
    if debriefed:
        debriefs.record_debrief(
            app,
            interview,
            {"nuggets": NUGGETS, "went_well": ["the system design exercise"]},
            now=moment - timedelta(minutes=30),
        )
    if with_profile:
        profile.set_profile(app, now=moment - timedelta(minutes=20), **SAM)
    people = queries.show_opportunity(app, opp, moment).opportunity.people
    dana = next(p.id for p in people if p.name == "Dana Kim")
    priya = next((p.id for p in people if p.name == "Priya Shah"), None)
    return Seeded(opp, interview, dana, priya)


def followed_up_yesterday(app: App, opp: int) -> None:
    """A follow-up logged a day ago: P8's weekly guard forbids another for six days."""
    moment = datetime.now(UTC)
    records.log_contact(
        app,
        opp,
        kind=ContactKind.FOLLOW_UP,
        channel=Channel.EMAIL,
        at=moment - timedelta(days=1),
        now=moment,
    )
