"""Every tool through the SDK's client over stdio, against the real `afterview mcp`.

One server process per test keeps the suite quick: a call's database effect is read
straight from the SQLite file, and a refused call must change no row anywhere.
"""

from __future__ import annotations

from pathlib import Path

import anyio
import pytest
from mcp_support import count, ok, refused, snapshot, stdio_session

from afterview.mcp.registry import all_tools

pytestmark = pytest.mark.slow

DEBRIEF = {
    "went_well": ["Explained the pipeline migration clearly"],
    "nuggets": ["They are moving the billing platform to Kotlin next year"],
    "questions": [
        {
            "question": "How would you test a streaming job?",
            "quality": "weak",
            "reason": "forgot",
            "add_next_time": "Property tests on windowing",
        }
    ],
    "new_questions": ["How is on-call shared?"],
    "liked": ["The data-quality dashboards"],
    "overall": "good",
}


def test_tools_are_listed_with_schemas_for_a_model(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")

    async def scenario() -> None:
        async with stdio_session(db) as client:
            listed = (await client.list_tools()).tools
            assert [t.name for t in listed] == [t.name for t in all_tools()]
            for tool in listed:
                assert tool.description and len(tool.description) > 40, tool.name
                assert tool.input_schema["type"] == "object"
                assert tool.input_schema["additionalProperties"] is False
                assert tool.annotations is not None
                assert tool.annotations.read_only_hint is not None
            send = next(t for t in listed if t.name == "queue_draft_to_send")
            assert "confirm_send" in send.input_schema["required"]
            assert "explicitly confirmed" in (send.description or "")
            assert send.annotations is not None and send.annotations.destructive_hint
        async with stdio_session(db, "--read-only") as client:
            names = {t.name for t in (await client.list_tools()).tools}
            assert names == {t.name for t in all_tools() if not t.writes}
            assert "record_opportunity" not in names and "today" in names
            line = await refused_or_error(client, "record_opportunity")
            assert "read-only" in line
            assert (await ok(client, "list_opportunities", {}))["opportunities"] == []

    anyio.run(scenario)
    assert count(db, "opportunities") == 0


async def refused_or_error(client: object, tool: str) -> str:
    from mcp.shared.exceptions import MCPError

    with pytest.raises(MCPError) as caught:
        await client.call_tool(tool, {"company": "A", "role": "B", "route": "direct"})  # type: ignore[attr-defined]
    assert "\n" not in caught.value.message
    return caught.value.message


def test_every_tool_writes_through_the_services(tmp_path: Path) -> None:  # noqa: PLR0915
    db = str(tmp_path / "b.db")

    async def scenario() -> None:  # noqa: PLR0915
        async with stdio_session(db) as c:
            opp = await ok(
                c,
                "record_opportunity",
                {
                    "company": "Northwind Health",
                    "role": "Data Engineer",
                    "route": "recruiter",
                    "recruiter_name": "Priya Shah",
                    "recruiter_email": "priya.shah@talentbridge.example",
                },
            )
            opp_id = opp["opportunity_id"]
            assert count(db, "opportunities") == 1 and count(db, "people") == 1
            interview = await ok(
                c,
                "record_interview",
                {
                    "opportunity_id": opp_id,
                    "start": "2026-03-13T14:00",
                    "end": "2026-03-13T15:00",
                    "timezone": "Europe/London",
                    "format": "video",
                    "interviewers": [
                        {"name": "Dana Kim", "email": "dana.kim@northwind.example"},
                        {"name": "Tom Reyes"},
                    ],
                },
            )
            iv = interview["interview_id"]
            assert count(db, "interviews") == 1 and count(db, "people") == 3
            await ok(
                c,
                "record_where_they_work",
                {"opportunity_id": opp_id, "org_timezone": "America/New_York", "holidays": "us"},
            )
            where = "org_tz = 'America/New_York' AND holiday_country = 'US'"
            assert count(db, "opportunities", where) == 1
            tom = await ok(
                c,
                "record_person",
                {"opportunity_id": opp_id, "name": "Ana Lind", "role": "receptionist"},
            )
            await ok(
                c,
                "update_person",
                {
                    "person_id": tom["person_id"],
                    "email": "ana.lind@northwind.example",
                    "source": "receptionist",
                },
            )
            assert count(db, "people", "email = 'ana.lind@northwind.example'") == 1
            await ok(c, "record_timeline", {"opportunity_id": opp_id, "decision_by": "2026-03-20"})
            assert count(db, "timelines") == 1
            debrief = await ok(c, "record_debrief", {"interview_id": iv, "debrief": DEBRIEF})
            assert debrief["debrief"]["overall"] == "good"
            assert count(db, "debriefs") == 1
            contact = await ok(
                c,
                "record_contact",
                {"opportunity_id": opp_id, "kind": "request", "channel": "phone"},
            )
            assert count(db, "contacts", f"id = {contact['contact_id']}") == 1

            today = await ok(c, "today", {})
            # the interview (Friday) was entered on Monday: its steps are to catch up
            assert today["to_catch_up"]
            lists = ("overdue", "to_catch_up", "due_today", "coming_up")
            items = [item for name in lists for item in today[name]]
            assert items and all("why" in i and i.get("guidance") for i in items)
            keys = {i["key"] for i in items}
            agenda = await ok(c, "agenda", {"all": True})
            assert keys <= {i["key"] for i in agenda["items"]}
            listing = await ok(c, "list_opportunities", {})
            assert listing["opportunities"][0]["company"] == "Northwind Health"
            shown = await ok(c, "show_opportunity", {"opportunity_id": opp_id})
            assert len(shown["people"]) == 4 and shown["plan"]
            brief = await ok(c, "next_round_brief", {"opportunity_id": opp_id})
            assert brief["to_improve"][0]["question"].startswith("How would you test")
            lessons = await ok(c, "lessons", {})
            assert lessons["interviews_debriefed"] == 1

            call_key = next(k for k in keys if k.startswith("P1:"))
            done = await ok(c, "mark_done", {"key": call_key, "at": "2026-03-13T16:10"})
            assert done["state"] == "done" and done["contact_id"]
            assert count(db, "decisions", f"key = '{call_key}' AND kind = 'done'") == 1
            await ok(c, "reopen_action", {"key": call_key})
            assert count(db, "decisions", f"key = '{call_key}'") == 0
            p3_key = next(k for k in keys if k.startswith("P3:"))  # Tom has no address yet
            await ok(c, "skip_action", {"key": p3_key, "reason": "Dana will forward it"})
            assert count(db, "decisions", f"key = '{p3_key}' AND kind = 'skipped'") == 1
            await ok(c, "reopen_action", {"key": p3_key})
            snoozed = await ok(c, "snooze_action", {"key": p3_key, "until": "2026-03-17T09:00"})
            assert snoozed["state"] == "snoozed"
            assert count(db, "decisions", f"key = '{p3_key}' AND kind = 'snoozed'") == 1

            await ok(c, "set_profile", {"name": "Sam Taylor", "email": "sam@example.org"})
            made = await ok(c, "create_draft", {"kind": "thank-you", "interview_id": iv})
            drafts = made["drafts"]
            assert len(drafts) == 2 and all("check" in d for d in drafts)  # Dana and Tom
            draft_id = drafts[0]["id"]
            edited = await ok(
                c, "update_draft", {"draft_id": draft_id, "subject": "Thank you, Dana"}
            )
            assert edited["subject"] == "Thank you, Dana"
            assert count(db, "messages", "subject = 'Thank you, Dana'") == 1
            shown_draft = await ok(c, "show_draft", {"draft_id": draft_id})
            assert shown_draft["_text"].startswith("Subject: Thank you, Dana")
            checked = await ok(c, "check_draft", {"draft_id": draft_id})
            assert "findings" in checked["check"]
            text_check = await ok(
                c,
                "check_text",
                {"text": "Dear Dana,\n\nThank you for you're time.", "kind": "thank-you"},
            )
            assert text_check["findings"] and any(f["suggestions"] for f in text_check["findings"])
            listed = await ok(c, "list_drafts", {"opportunity_id": opp_id})
            assert len(listed["drafts"]) == 2
            script = await ok(
                c, "create_draft", {"kind": "recruiter-call", "opportunity_id": opp_id}
            )
            assert script["drafts"][0]["kind"] == "recruiter-call"

            await ok(c, "record_reply", {"opportunity_id": opp_id, "note": "Still deciding"})
            assert count(db, "replies") == 1
            reflection = await ok(
                c,
                "record_reflection",
                {
                    "opportunity_id": opp_id,
                    "fit": 4,
                    "growth": 5,
                    "culture": 4,
                    "values": 4,
                    "happy": 4,
                    "decision": "continue",
                },
            )
            assert count(db, "reflections", f"id = {reflection['reflection_id']}") == 1
            await ok(c, "record_outcome", {"opportunity_id": opp_id, "outcome": "offer"})
            assert count(db, "outcomes", "outcome = 'offer'") == 1

    anyio.run(scenario)


BAD_CALLS = [
    ("record_opportunity", {"company": "Acme", "role": "Dev", "route": "bogus"}, "route"),
    ("record_opportunity", {"company": "Acme", "role": "Dev"}, "route"),
    ("record_opportunity", {"company": "Acme", "role": "Dev", "route": "direct", "x": 1}, "x"),
    ("record_opportunity", {"company": "  ", "role": "Dev", "route": "direct"}, "company"),
    (
        "record_opportunity",
        {"company": "Acme", "role": "Dev", "route": "direct", "recruiter_name": "Priya"},
        "recruiter",
    ),
    (
        "record_interview",
        {"opportunity_id": 1, "start": "2026-03-13T15:00", "end": "2026-03-13T14:00"},
        "end",
    ),
    (
        "record_interview",
        {"opportunity_id": 1, "start": "tomorrowish", "end": "2026-03-13T14:00"},
        "time",
    ),
    (
        "record_interview",
        {"opportunity_id": 99, "start": "2026-03-13T14:00", "end": "2026-03-13T15:00"},
        "99",
    ),
    (
        "record_person",
        {"opportunity_id": 1, "name": "Dana", "role": "interviewer", "email": "not-an-address"},
        "address",
    ),
    ("record_debrief", {"interview_id": 1, "debrief": {"nugets": ["typo"]}}, "nugets"),
    (
        "record_reflection",
        {
            "opportunity_id": 1,
            "fit": 9,
            "growth": 1,
            "culture": 1,
            "values": 1,
            "happy": 1,
            "decision": "continue",
        },
        "fit",
    ),
    (
        "record_contact",
        {"opportunity_id": 1, "kind": "follow-up", "channel": "email", "at": "2027-01-01T09:00"},
        "ahead",
    ),
    ("record_where_they_work", {"opportunity_id": 1, "org_timezone": "Mars/Olympus"}, "zone"),
    ("record_where_they_work", {"opportunity_id": 1, "holidays": "XX"}, "ISO code"),
    ("record_where_they_work", {"opportunity_id": 7, "holidays": "US"}, "No opportunity 7"),
    ("mark_done", {"key": "P5:nothing"}, "No action"),
    ("skip_action", {"key": "P5:nothing", "reason": ""}, "reason"),
    ("create_draft", {"kind": "thank-you"}, "interview_id"),
    ("create_draft", {"kind": "thank-you", "interview_id": 1}, "profile"),
    ("update_draft", {"draft_id": 5}, "Nothing to change"),
    ("queue_draft_to_send", {"draft_id": 1}, "confirm_send"),
    ("queue_draft_to_send", {"draft_id": 1, "confirm_send": False}, "confirm_send"),
    ("show_opportunity", {"opportunity_id": 0}, "opportunity_id"),
    ("show_opportunity", {"opportunity_id": 42}, "No opportunity 42"),
]


def test_bad_arguments_give_one_line_and_change_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")

    async def scenario() -> None:
        async with stdio_session(db) as c:
            await ok(c, "record_opportunity", {"company": "Acme", "role": "Dev", "route": "direct"})
            await ok(
                c,
                "record_interview",
                {
                    "opportunity_id": 1,
                    "start": "2026-03-13T10:00",
                    "end": "2026-03-13T11:00",
                    "interviewers": [{"name": "Dana Kim"}],
                },
            )
            before = snapshot(db)
            for tool, arguments, expected in BAD_CALLS:
                line = await refused(c, tool, arguments)
                assert expected.casefold() in line.casefold(), (tool, arguments, line)
                assert snapshot(db) == before, (tool, arguments)

    anyio.run(scenario)
