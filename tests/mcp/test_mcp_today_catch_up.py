"""The `today` tool splits the day as `afterview today` and the web's Today page do
(`day.py`): steps already past when their interview was entered (yesterday's interview
typed in today) are `to_catch_up`, not `overdue` (P11), so an assistant does not nag
about them; a step that fell due after it was entered stays overdue. The `agenda` tool
flags the very same steps `catch_up` and counts them apart from the overdue ones.
Through the real `afterview mcp` over stdio, its clock frozen at each moment the test
names."""

from __future__ import annotations

from typing import Any

import anyio
import pytest
from mcp_support import ok, stdio_session

from mcp import Client

pytestmark = pytest.mark.slow

LISTS = ("overdue", "to_catch_up", "due_today", "coming_up")


async def interview_entered(c: Client, company: str, start: str, end: str) -> None:
    """An opportunity and its interview, both typed in at the session's frozen moment."""
    opp = await ok(c, "record_opportunity", {"company": company, "role": "Analyst",
                                             "route": "direct"})  # fmt: skip
    interviewer = {"name": "Ana Diaz", "email": f"ana@{company.lower()}.example"}
    await ok(c, "record_interview", {"opportunity_id": opp["opportunity_id"], "start": start,
                                     "end": end, "timezone": "Europe/London",
                                     "interviewers": [interviewer]})  # fmt: skip


async def day(c: Client) -> dict[str, Any]:
    """`today`'s lists by key, after checking each item is the agenda's item as it is,
    `catch_up` included: true for exactly the steps in `to_catch_up`."""
    today = await ok(c, "today", {})
    agenda = {i["key"]: i for i in (await ok(c, "agenda", {"days": 7}))["items"]}
    for name in LISTS:
        for item in today[name]:
            assert item == agenda[item["key"]], (name, item["key"])
            assert item["catch_up"] is (name == "to_catch_up"), (name, item["key"])
    keys = [i["key"] for name in LISTS for i in today[name]]
    assert len(keys) == len(set(keys)), "a step is listed once"
    return {**{name: {i["key"] for i in today[name]} for name in LISTS}, "_text": today["_text"]}


def test_an_interview_entered_a_day_late_is_to_catch_up_not_overdue(tmp_path: Any) -> None:
    # ended Thursday 23:09, typed in on Saturday 00:09: P9's first reminder (Friday
    # 09:00) was past when it was entered, and the debrief is re-planned as a catch-up
    db = str(tmp_path / "late.db")

    async def scenario() -> dict[str, Any]:
        async with stdio_session(db, at="2026-12-05T00:09") as c:
            await interview_entered(c, "Contoso", "2026-12-03T22:09", "2026-12-03T23:09")
            found = await day(c)
            return {**found, "agenda": await ok(c, "agenda", {})}

    found = anyio.run(scenario)
    # the agenda flags P9's reminder past due, and a catch-up: not counted as overdue
    agenda = {i["key"]: i for i in found["agenda"]["items"]}
    reminder = agenda["P9:keep-searching:n=1"]
    assert (reminder["overdue"], reminder["catch_up"]) == (True, True), reminder
    caught = found["to_catch_up"] & set(agenda)
    assert {k for k, i in agenda.items() if i["catch_up"]} == caught
    head = found["agenda"]["_text"].splitlines()[0]
    assert head == f"{len(agenda)} action(s), 0 overdue, {len(caught)} to catch up (not late).", (
        head
    )
    assert "- overdue:" not in found["agenda"]["_text"], found["agenda"]["_text"]
    assert "- to catch up (not late): Keep searching" in found["agenda"]["_text"]
    assert found["overdue"] == set(), found
    assert {"P9:keep-searching:n=1", "P4:debrief:interview=1"} <= found["to_catch_up"], found
    text = found["_text"]
    assert text.startswith(f"{len(found['to_catch_up'])} to catch up"), text
    assert "overdue" not in text, text
    assert "- to catch up (not late): Keep searching" in text, text


def test_a_step_that_fell_due_after_it_was_entered_stays_overdue(tmp_path: Any) -> None:
    # entered on Friday 12:00, before its 14:00 interview: on Tuesday its debrief (due
    # Friday 16:00) and P9's first reminder (Monday 09:00) are overdue, not catch-ups...
    db = str(tmp_path / "lapse.db")
    fabrikam, contoso = "interview=1", "interview=2"

    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        async with stdio_session(db, at="2026-12-04T12:00") as c:
            await interview_entered(c, "Fabrikam", "2026-12-04T14:00", "2026-12-04T15:00")
        async with stdio_session(db, at="2026-12-08T10:00") as c:
            alone = await day(c)
            # ...even beside another interview, typed in a day late, whose steps are to
            # catch up
            await interview_entered(c, "Contoso", "2026-12-07T08:00", "2026-12-07T09:00")
            both = await day(c)
            return alone, {**both, "agenda": await ok(c, "agenda", {})}

    alone, both = anyio.run(scenario)
    agenda = {i["key"]: i for i in both["agenda"]["items"]}
    lapses = {k for k, i in agenda.items() if i["overdue"] and not i["catch_up"]}
    assert lapses == both["overdue"] & set(agenda), (lapses, both["overdue"])
    assert both["agenda"]["_text"].startswith(f"{len(agenda)} action(s), {len(lapses)} overdue")
    assert "- overdue: Debrief the Fabrikam interview" in both["agenda"]["_text"]
    assert {"P4:debrief:" + fabrikam, "P9:keep-searching:n=1"} <= alone["overdue"], alone
    assert alone["to_catch_up"] == set(), alone
    assert "to catch up" not in alone["_text"], alone["_text"]
    assert {"P4:debrief:" + fabrikam, "P9:keep-searching:n=1"} <= both["overdue"], both
    assert "P4:debrief:" + contoso in both["to_catch_up"], both
    assert not any(contoso in key for key in both["overdue"]), both
    assert not any(fabrikam in key for key in both["to_catch_up"]), both
    assert "- overdue: Debrief the Fabrikam interview" in both["_text"], both["_text"]
