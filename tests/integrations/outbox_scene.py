"""A candidate ready to send, seeded through the service layer (fast, explicit clocks).

Opportunity 1 (Northwind Health, direct), interview 1 on Tuesday 10 March 2026,
14:00–15:00 London with Dana Kim (person 1), debriefed, profile set, and the
thank-you draft 1 with a non-ASCII postscript, written at 16:00.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from afterview.playbook.facts import Route
from afterview.services import debriefs, drafts, mail_settings, profile, records
from afterview.services.app import App

from .helpers import TZ, at
from .smtp_server import Running, closed_port

P_S = "P.S. Grüße aus Zürich — à bientôt."


@dataclass(frozen=True)
class Scene:
    opp: int
    interview: int
    dana: int
    thank_you: int


def interviewed(app: App) -> Scene:
    """Interviewed by Dana Kim, debriefed, profile set, one thank-you drafted (10 Mar 16:00)."""
    opp = records.add_opportunity(
        app, company="Northwind Health", role="Data Engineer", route=Route.DIRECT, now=at(2, 9)
    )
    interview = records.add_interview(
        app,
        opp,
        start=at(10, 14),
        end=at(10, 15),
        tz=TZ,
        now=at(2, 9),
        interviewers=(records.NewInterviewer("Dana Kim", "dana@northwind.example"),),
    )
    debriefs.record_debrief(
        app,
        interview,
        {"nuggets": ["they are opening a Lisbon office"], "went_well": ["the design exercise"]},
        now=at(10, 15, 30),
    )
    profile.set_profile(
        app,
        now=at(10, 15, 30),
        name="Sam Taylor",
        email="sam@example.org",
        skills="Python, SQL",
        experience="six years building data platforms",
        language="en-GB",
    )
    view = drafts.draft_thank_you(app, interview, now=at(10, 16))[0]
    drafts.edit_draft(
        app, view.id, now=at(10, 16, 5), body=f"{for_the_morning(view.body)}\n\n{P_S}"
    )
    assert view.person_id is not None
    return Scene(opp, interview, view.person_id, view.id)


def for_the_morning(body: str) -> str:
    """Written on Tuesday afternoon to land on Wednesday morning (P5): the candidate makes
    its day word Wednesday's, as the draft's note asks, or the outbox refuses it."""
    assert "this afternoon" in body, body
    return body.replace("this afternoon", "yesterday")


def undated(app: App, scene: Scene) -> None:
    """The thank-you names no day: sent months after the scene (by the wall clock), its
    "yesterday" would be false and the outbox would refuse it (P5)."""
    body = drafts.get_draft(app, scene.thank_you, now=at(10, 16, 6)).body
    assert " yesterday" in body
    drafts.edit_draft(app, scene.thank_you, now=at(10, 16, 6), body=body.replace(" yesterday", ""))


def another_thank_you(app: App, scene: Scene, now: datetime) -> int:
    """A second thank-you to Dana (asked for), its day word made Wednesday's."""
    view = drafts.draft_thank_you(app, scene.interview, now=now, to=scene.dana, again=True)[0]
    drafts.edit_draft(app, view.id, now=now, body=for_the_morning(view.body))
    return view.id


def configure(app: App, running: Running | None, **extra: Any) -> None:
    port = running.port if running else closed_port()
    security = running.security if running else "none"
    mail_settings.save(
        app,
        now=at(2, 9),
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security=security,
        **extra,
    )
