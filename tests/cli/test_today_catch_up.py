"""`afterview today` tells a catch-up from a lapse as the web's Today page does: steps
already past when their interview was entered (yesterday's interview typed in today)
are "To catch up", not overdue (P11); a step that fell due after it was entered stays
overdue. Through the real console script, at a fixed `--at`, on SQLite (the light read
path) and PostgreSQL (the service layer)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from afterview.playbook.facts import Route
from afterview.services import records

pytestmark = pytest.mark.slow

LONDON = ZoneInfo("Europe/London")
HEADS = ("Overdue", "To catch up", "Due today", "Coming up")


def interview_entered(app: Any, company: str, entered: datetime, hours_after: float) -> None:
    """An opportunity and its interview, both typed in at `entered`, `hours_after` the
    interview ended."""
    opp = records.add_opportunity(
        app, company=company, role="Analyst", route=Route.DIRECT, now=entered
    )
    end = entered - timedelta(hours=hours_after)
    records.add_interview(
        app,
        opp,
        start=end - timedelta(hours=1),
        end=end,
        tz="Europe/London",
        now=entered,
        interviewers=(records.NewInterviewer("Ana Diaz", email=f"ana@{company}.example"),),
    )


def sections(run: Any, at: str) -> dict[str, set[str]]:
    """`today --at` as printed: each section's title and the keys of its steps."""
    keys = {
        item["id"]: item["key"] for item in run.ok("agenda", "--json", "--all", "--at", at).json()
    }
    out = run.ok("today", "--at", at).stdout
    found: dict[str, set[str]] = {}
    title = None
    for line in out.splitlines():
        head = next((h for h in HEADS if line.startswith(f"{h} (")), None)
        if head is not None:
            title = head
            found[title] = set()
        elif (step := re.match(r"^ +(\d+)  \S", line)) and title is not None:
            found[title].add(keys[int(step.group(1))])
    return found


def overdue_in_agenda(run: Any, at: str) -> set[str]:
    return {i["key"] for i in run.ok("agenda", "--json", "--at", at).json() if i["overdue"]}


def test_an_interview_entered_a_day_late_is_to_catch_up_not_overdue(run: Any, app: Any) -> None:
    # ended Thursday 23:09, typed in on Saturday 00:09: P9's first reminder (Friday
    # 09:00) was past when it was entered, and the debrief is re-planned as a catch-up
    at = "2026-12-05T00:09"
    interview_entered(app, "contoso", datetime(2026, 12, 5, 0, 9, tzinfo=LONDON), 25)
    day = sections(run, at)
    assert "Overdue" not in day, day
    catch_up = day["To catch up"]
    assert {"P9:keep-searching:n=1", "P4:debrief:interview=1"} <= catch_up, day
    # the agenda calls P9's reminder past due (`overdue`) and a catch-up, marked `~`
    assert "P9:keep-searching:n=1" in overdue_in_agenda(run, at)
    agenda = {i["key"]: i for i in run.ok("agenda", "--json", "--at", at).json()}
    assert agenda["P9:keep-searching:n=1"]["catch_up"] is True
    reminder = str(agenda["P9:keep-searching:n=1"]["id"])
    human = run.ok("agenda", "--at", at, extra_env={"COLUMNS": "100"}).stdout
    assert re.search(rf"^ *{reminder} ~ .*Keep searching", human, re.MULTILINE), human
    assert not re.search(r"^ *\d+ ! ", human, re.MULTILINE), human
    out = run.ok("today", "--at", at, extra_env={"COLUMNS": "80"}).stdout
    assert "To catch up (" in out and "not counted as late (P11)" in out, out
    assert all(len(line) <= 80 for line in out.splitlines()), out
    # listed after Overdue, before what is due today and coming up
    titles = [line.split(" (")[0] for line in out.splitlines() if line.startswith(HEADS)]
    assert titles == sorted(titles, key=HEADS.index), out


def test_a_step_that_fell_due_after_it_was_entered_stays_overdue(run: Any, app: Any) -> None:
    # entered on Friday 12:00, before its 14:00 interview: on Tuesday its debrief (due
    # Friday 16:00) and P9's first reminder (Monday 09:00) are overdue, not catch-ups...
    interview_entered(app, "fabrikam", datetime(2026, 12, 4, 12, tzinfo=LONDON), -3)
    at = "2026-12-08T10:00"
    alone = sections(run, at)
    assert "To catch up" not in alone, alone
    assert {"P4:debrief:interview=1", "P9:keep-searching:n=1"} <= alone["Overdue"], alone
    # ...even beside another interview, typed in a day late, whose steps are to catch up
    interview_entered(app, "contoso", datetime(2026, 12, 8, 10, tzinfo=LONDON), 25)
    day = sections(run, at)
    fabrikam, contoso = "interview=1", "interview=2"
    assert {"P4:debrief:" + fabrikam, "P9:keep-searching:n=1"} <= day["Overdue"], day
    assert "P4:debrief:" + contoso in day["To catch up"], day
    assert not any(contoso in key for key in day["Overdue"]), day
    assert not any(fabrikam in key for key in day["To catch up"]), day
    assert day["Overdue"] <= overdue_in_agenda(run, at)


def test_the_agenda_marks_the_steps_today_lists_to_catch_up(run: Any, app: Any) -> None:
    """`agenda --json` flags `catch_up` exactly on Today's "To catch up" steps (P11), its
    `overdue` still saying past due; the human agenda marks them `~`, not `!`."""
    interview_entered(app, "fabrikam", datetime(2026, 12, 4, 12, tzinfo=LONDON), -3)
    interview_entered(app, "contoso", datetime(2026, 12, 8, 10, tzinfo=LONDON), 25)
    at = "2026-12-08T10:00"
    day = sections(run, at)
    items = {i["key"]: i for i in run.ok("agenda", "--json", "--days", "7", "--at", at).json()}
    assert {k for k, i in items.items() if i["catch_up"]} == day["To catch up"], day
    assert {k for k, i in items.items() if i["overdue"] and not i["catch_up"]} == day["Overdue"]
    assert "P9:keep-searching:n=1" in day["Overdue"], day  # fell due after it was entered
    human = run.ok("agenda", "--days", "7", "--at", at, extra_env={"COLUMNS": "100"}).stdout
    marks = {
        int(found.group(1)): found.group(2)
        for line in human.splitlines()
        if (found := re.match(r"^ *(\d+) ([~! ]) ", line))
    }
    by_id = {i["id"]: k for k, i in items.items()}
    assert {by_id[n] for n, mark in marks.items() if mark == "~"} == day["To catch up"], human
    assert {by_id[n] for n, mark in marks.items() if mark == "!"} == day["Overdue"], human
