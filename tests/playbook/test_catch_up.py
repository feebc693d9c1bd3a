"""An interview entered late gets a catch-up plan instead of losing its steps.

Issue: "an interview entered a week late loses its thank-you and debrief". A step whose
due time had passed before the interview was even entered (`Interview.recorded_at`) is
due at the end of the working day it was entered, says it is a catch-up, and the
thank-you asks for an apology when days have passed (P1, P3–P8).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from afterview.playbook.facts import Route

from .factories import LON, ada, at, find, interview, opportunity, plan, recruiter

THANKS = "P5:thank-you:interview=1:person=1"


def _entered(on: str, *, entered: str, route: Route = Route.DIRECT):  # type: ignore[no-untyped-def]
    iv = replace(interview(on=on), recorded_at=at(entered))
    people = [ada(), recruiter()] if route is Route.RECRUITER else [ada()]
    return plan(opportunity(route=route, people=people, interviews=[iv]))


def test_entered_a_week_late_the_thank_you_is_a_catch_up_with_an_apology() -> None:
    """Tuesday 3 March afternoon interview, entered Wednesday 11 March 10:00: without a
    catch-up the thank-you (due Wed 4 March 12:00) would be 7 days stale and gone."""
    actions = _entered("2026-03-03 14:00", entered="2026-03-11 10:00")
    thanks = find(actions, THANKS)
    assert thanks.due == datetime(2026, 3, 11, 17, 30, tzinfo=LON)  # end of that day
    assert thanks.send_at == datetime(2026, 3, 11, 11, 0, tzinfo=LON)  # after the debrief
    assert thanks.expires is not None and thanks.expires > thanks.due
    assert "entered 8 days after it" in thanks.why and "catch-up" in thanks.why
    assert thanks.why.endswith("(P5)")
    assert "apology for the delay" in thanks.guidance
    debrief = find(actions, "P4:debrief:interview=1")
    assert debrief.due == at("2026-03-11 11:00")  # write down what you still remember
    assert "still remember" in debrief.why


def test_the_first_follow_up_counts_from_the_late_entry_not_the_missed_due() -> None:
    """P8: 7 days after the catch-up thank-you, not 7 days after the one never sent
    (that would make the follow-up due the moment the interview is entered)."""
    actions = _entered("2026-03-03 14:00", entered="2026-03-11 10:00")
    follow = find(actions, "P8:follow-up:opp=1:n=1")
    assert follow.due >= at("2026-03-18 10:00")


def test_entered_the_same_evening_only_the_passed_call_is_a_catch_up() -> None:
    """Recruiter route, 10:00 interview entered 19:00 the same day: the call (due
    13:00) catches up the next working day; the thank-you (due 17:30… passed too) as
    well, without an apology (less than a working day late); the reflection is untouched."""
    actions = _entered("2026-03-03 10:00", entered="2026-03-03 19:00", route=Route.RECRUITER)
    call = find(actions, "P1:recruiter-call:interview=1")
    assert call.due == datetime(2026, 3, 4, 17, 30, tzinfo=LON)
    assert "catch-up" in call.why and call.why.endswith("(P1)")
    thanks = find(actions, "P5:thank-you:interview=1:person=1")
    assert "catch-up" in thanks.why and "apology" not in thanks.guidance
    reflect = find(actions, "P7:reflect:interview=1")
    assert "catch-up" not in reflect.why


@pytest.mark.parametrize("entered", ["2026-02-20 09:00", "2026-03-03 10:30"])
def test_entered_in_time_the_plan_is_the_usual_one(entered: str) -> None:
    """Entered before the interview (or during it): no step is a catch-up."""
    usual = plan(opportunity(interviews=[interview(on="2026-03-03 10:00")]))
    actions = _entered("2026-03-03 10:00", entered=entered)
    assert [(a.key, a.due, a.why) for a in actions] == [(a.key, a.due, a.why) for a in usual]
    assert not any("catch-up" in a.why for a in actions)


def test_entered_long_after_as_history_the_steps_stay_moot() -> None:
    """An interview from a month ago typed in for the lessons (P11) owes no thank-you:
    past twice `stale_after_days` (14 days) nothing is a catch-up."""
    usual = plan(opportunity(interviews=[interview(on="2026-03-03 14:00")]))
    actions = _entered("2026-03-03 14:00", entered="2026-04-03 10:00")
    assert [(a.key, a.due, a.why) for a in actions] == [(a.key, a.due, a.why) for a in usual]
    fortnight = _entered("2026-03-03 14:00", entered="2026-03-17 10:00")
    assert "catch-up" in find(fortnight, THANKS).why
