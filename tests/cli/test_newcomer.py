"""A newcomer's first week through the real console script, with exact due times.

Interview: Tuesday 10 March 2026, 10:00–11:00 London (GMT), via a recruiter.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.slow


def agenda(run: Any, *args: str) -> list[dict[str, Any]]:
    result = run.ok("agenda", "--json", *args)
    assert result.stderr == ""
    return result.json()  # type: ignore[no-any-return]


def test_the_first_week_of_a_newcomer(run: Any) -> None:
    added = run.ok(
        "opp",
        "add",
        "--company",
        "Northwind Health",
        "--role",
        "Data Engineer",
        "--route",
        "recruiter",
        "--recruiter-name",
        "Priya Shah",
        "--recruiter-email",
        "priya@talentbridge.example",
        "--json",
    )
    assert added.json() == {"id": 1}
    interview = run.ok(
        "interview",
        "add",
        "1",
        "--start",
        "2026-03-10T10:00",
        "--end",
        "2026-03-10T11:00",
        "--tz",
        "Europe/London",
        "--interviewer",
        "Dana Kim <dana.kim@northwind.example>",
    )
    assert interview.stdout == "1\n"

    # The morning of the interview: the checklist, then the afternoon's steps (P1, P2, P4, P5).
    day = agenda(run, "--at", "2026-03-10T08:00", "--days", "1")
    assert [(i["rule"], i["key"], i["due"], i["state"]) for i in day] == [
        ("P2", "P2:ask-before-leaving:interview=1", "2026-03-10T09:00:00+00:00", "pending"),
        ("P4", "P4:debrief:interview=1", "2026-03-10T12:00:00+00:00", "pending"),
        ("P1", "P1:recruiter-call:interview=1", "2026-03-10T13:00:00+00:00", "pending"),
        ("P5", "P5:thank-you:interview=1:person=2", "2026-03-10T17:30:00+00:00", "pending"),
    ]
    assert all(i["opportunity_id"] == 1 and i["why"] for i in day)
    assert "same day" in day[3]["why"]

    run.ok(
        "contact",
        "1",
        "--kind",
        "thank-you",
        "--channel",
        "email",
        "--at",
        "2026-03-10T16:40",
        "--person",
        "2",
    )

    # A week after the thank-you: the first follow-up (P8), 7 days after it was sent.
    # It may go from 16:40 and is due by the end of that working day (P8's window).
    week = {i["key"]: i for i in agenda(run, "--at", "2026-03-17T17:00", "--days", "1")}
    first = week["P8:follow-up:opp=1:n=1"]
    assert (first["send_at"], first["due"], first["state"], first["overdue"]) == (
        "2026-03-17T16:40:00Z",
        "2026-03-17T17:30:00+00:00",
        "pending",
        False,
    )
    assert "P5:thank-you:interview=1:person=2" not in week

    done = run.ok("done", "P8:follow-up:opp=1:n=1", "--at", "2026-03-17T17:00")
    assert done.stdout == "Done: P8:follow-up:opp=1:n=1 (contact 2 logged)\n"

    ahead = [i for i in agenda(run, "--at", "2026-03-17T17:05", "--all") if i["rule"] == "P8"]
    assert [(i["key"], i["send_at"], i["due"]) for i in ahead] == [
        ("P8:follow-up:opp=1:n=2", "2026-03-24T17:00:00Z", "2026-03-24T17:30:00+00:00")
    ]


@pytest.fixture
def followed_up(run: Any, app: Any) -> Any:
    """The newcomer, thanked on the 10th and followed up on Tuesday 17 March at 17:00."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from afterview.playbook.facts import Channel, ContactKind, Route
    from afterview.services import records

    london = ZoneInfo("Europe/London")
    now = datetime(2026, 3, 17, 17, tzinfo=london)
    opp = records.add_opportunity(
        app, company="Northwind Health", role="Data Engineer", route=Route.DIRECT, now=now
    )
    records.add_interview(
        app,
        opp,
        start=datetime(2026, 3, 10, 10, tzinfo=london),
        end=datetime(2026, 3, 10, 11, tzinfo=london),
        tz="Europe/London",
        now=now,
    )
    for kind, moment in (
        (ContactKind.THANK_YOU, datetime(2026, 3, 10, 16, 40, tzinfo=london)),
        (ContactKind.FOLLOW_UP, now),
    ):
        records.log_contact(app, opp, kind=kind, channel=Channel.EMAIL, at=moment, now=now)
    return run


def test_done_on_a_follow_up_inside_the_weekly_guard_is_refused(
    followed_up: Any, snapshot: Any
) -> None:
    run = followed_up
    before = snapshot()
    refused = run("done", "P8:follow-up:opp=1:n=2", "--at", "2026-03-20T10:00")
    assert refused.returncode == 2, str(refused)
    assert refused.stdout == ""
    assert refused.error_lines == [
        "afterview: Not yet: at most one follow-up a week (P8). "
        "The next is allowed from Tue 24 Mar 17:00."
    ]
    assert snapshot() == before


def test_logging_a_follow_up_inside_the_guard_is_accepted_and_flagged(followed_up: Any) -> None:
    run = followed_up
    logged = run.ok(
        "contact",
        "1",
        "--kind",
        "follow-up",
        "--channel",
        "phone",
        "--at",
        "2026-03-20T10:00",
        "--json",
    )
    flag = "within 7 days of the follow-up of Tue 17 Mar 17:00 (P8: at most one a week)"
    assert logged.json() == {"id": 3, "flag": flag}
    assert logged.error_lines == [f"afterview: logged, but {flag}"]

    shown = run.ok("opp", "show", "1", "--json").json()
    assert [(c["kind"], c["flag"]) for c in shown["contacts"]] == [
        ("thank-you", None),
        ("follow-up", None),
        ("follow-up", flag),
    ]
    later = [i for i in shown["plan"] if i["key"] == "P8:follow-up:opp=1:n=3"]
    assert [i["send_at"] for i in later] == ["2026-03-27T10:00:00Z"]
