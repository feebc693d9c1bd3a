"""Facts change, the plan follows, decisions stay: move, reply, withdraw, accept (CLI)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from afterview.playbook.facts import Channel, ContactKind, Outcome, Route
from afterview.services import records

pytestmark = pytest.mark.slow

LONDON = ZoneInfo("Europe/London")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=LONDON)


def seed(
    app: Any, company: str = "Northwind Health", start: datetime | None = None, thanked: bool = True
) -> int:
    """An interview (10 March 10:00 by default) with Dana Kim, thanked at 16:40."""
    start = start or at(10, 10)
    opp = records.add_opportunity(
        app, company=company, role="Data Engineer", route=Route.DIRECT, now=at(1, 9)
    )
    records.add_interview(
        app,
        opp,
        start=start,
        end=start.replace(hour=start.hour + 1),
        tz="Europe/London",
        now=at(1, 9),
        interviewers=(records.NewInterviewer("Dana Kim", "dana@nw.example"),),
    )
    if thanked:
        records.log_contact(
            app,
            opp,
            kind=ContactKind.THANK_YOU,
            channel=Channel.EMAIL,
            at=start.replace(hour=16, minute=40),
            now=at(31, 9),
        )
    return opp


def plan(run: Any, moment: str) -> dict[str, dict[str, Any]]:
    items = run.ok("agenda", "--json", "--all", "--include-closed", "--at", moment).json()
    return {item["key"]: item for item in items}


def test_moving_an_interview_keeps_snoozed_and_skipped_decisions(run: Any, app: Any) -> None:
    seed(app, thanked=False)
    snoozed = run.ok("snooze", "P5:thank-you:interview=1:person=1", "--until", "2030-01-07T09:00")
    assert snoozed.stdout.startswith("Snoozed until 2030-01-07T09:00")
    run.ok("skip", "P7:reflect:interview=1", "--reason", "already sure")

    moved = run.ok(
        "interview", "move", "1", "--start", "2026-03-11T14:00", "--end", "2026-03-11T15:00"
    )
    assert moved.stdout == "Moved interview 1; the plan is updated.\n"

    items = plan(run, "2026-03-09T12:00")
    thanks = items["P5:thank-you:interview=1:person=1"]
    assert (thanks["state"], thanks["snoozed_until"]) == ("snoozed", "2030-01-07T09:00:00+00:00")
    # afternoon now → lands the next morning, due by the end of that morning
    assert thanks["due"] == "2026-03-12T12:00:00+00:00"
    assert thanks["send_at"] == "2026-03-12T09:00:00Z"
    reflect = items["P7:reflect:interview=1"]
    assert (reflect["state"], reflect["reason"]) == ("skipped", "already sure")
    assert reflect["due"] == "2026-03-13T15:00:00+00:00"  # re-planned from the new end
    assert items["P4:debrief:interview=1"]["due"] == "2026-03-11T16:00:00+00:00"


def test_a_reply_pauses_the_follow_ups(run: Any, app: Any) -> None:
    seed(app)
    assert "P8:follow-up:opp=1:n=1" in plan(run, "2026-03-12T08:00")
    run.ok("reply", "1", "--at", "2026-03-12T09:00", "--note", "Decision next week")
    due_then = run.ok("agenda", "--json", "--at", "2026-03-18T09:00").json()
    assert [i["key"] for i in due_then if i["rule"] == "P8"] == []
    follow = plan(run, "2026-03-18T09:00")["P8:follow-up:opp=1:n=1"]
    assert follow["send_at"] == "2026-03-26T09:00:00Z"  # resumes 14 days after (setting)


def test_withdrawing_cancels_the_follow_ups_and_plans_the_withdrawal(run: Any, app: Any) -> None:
    seed(app)
    said = run.ok(
        "reflect",
        "1",
        "--fit",
        "2",
        "--growth",
        "2",
        "--culture",
        "1",
        "--values",
        "2",
        "--happy",
        "1",
        "--concerns",
        "Long hours",
        "--decision",
        "withdraw",
        "--at",
        "2026-03-12T10:00",
    )
    assert said.stdout.startswith("Withdrawal decided")
    items = plan(run, "2026-03-12T10:00")
    assert [k for k, i in items.items() if i["rule"] == "P8"] == []
    withdrawal = items["P7:withdrawal:opp=1"]
    assert (withdrawal["due"], withdrawal["state"]) == ("2026-03-12T10:00:00+00:00", "pending")
    assert run.ok("opp", "list", "--json").json()[0]["status"] == "withdrawn"


def test_accepting_an_offer_ends_follow_ups_and_search_everywhere(run: Any, app: Any) -> None:
    seed(app, "Northwind Health")
    seed(app, "Bluefin Analytics", start=at(11, 14))
    closed = records.add_opportunity(
        app, company="Closed Co", role="R", route=Route.DIRECT, now=at(1, 9)
    )
    records.record_outcome(app, closed, Outcome.REJECTED, at=at(5, 9), now=at(5, 9))
    before = plan(run, "2026-03-20T09:00")
    assert {i["rule"] for i in before.values()} >= {"P8", "P9"}

    run.ok("outcome", "1", "offer", "--at", "2026-03-20T09:00")
    accepted = run.ok("outcome", "1", "accepted", "--at", "2026-03-21T09:00")
    assert accepted.stdout == "Opportunity 1: accepted.\n"

    after = plan(run, "2026-03-21T09:00")
    open_rules = {i["rule"] for i in after.values() if i["state"] in ("pending", "snoozed")}
    assert not open_rules & {"P8", "P9"}
    withdraw = after["P12:withdraw-after-acceptance:opp=2"]
    assert (withdraw["due"], withdraw["state"]) == ("2026-03-21T09:00:00+00:00", "pending")
    assert "P12:withdraw-after-acceptance:opp=3" not in after  # already closed
    statuses = {o["id"]: o["status"] for o in run.ok("opp", "list", "--json").json()}
    assert statuses[1] == "accepted" and statuses[3] == "rejected"
