"""The opportunity's SVG timeline (P8's weekly windows): fixed facts, a fixed `now`, no clock."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from afterview.playbook.facts import (
    Channel,
    Contact,
    ContactKind,
    Interview,
    Opportunity,
    Person,
    PersonRole,
    Reply,
    Route,
    Timeline,
)
from afterview.web.timeline_svg import DANGER, build_timeline, timeline_svg

LONDON = ZoneInfo("Europe/London")
NS = {"svg": "http://www.w3.org/2000/svg"}
# Thursday 26 March 2026; British Summer Time starts on Sunday 29 March.
NOW = datetime(2026, 3, 26, 10, 0, tzinfo=LONDON)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=LONDON)


def opportunity(**changes: Any) -> Opportunity:
    facts: dict[str, Any] = {
        "id": 1,
        "company": "R&D <Labs>",
        "role": 'Data "Engineer"',
        "route": Route.RECRUITER,
        "created_at": at(10, 9),
        "people": (
            Person(1, "Priya <script>alert(1)</script>", PersonRole.RECRUITER, "p@x.example"),
            Person(2, "Dana Kim", PersonRole.INTERVIEWER, "dana@x.example"),
        ),
        "interviews": (
            Interview(1, 1, at(13, 14), at(13, 15), "Europe/London", interviewer_ids=(2,)),
        ),
        "timelines": (Timeline(recorded_at=at(13, 16, 15), decision_by=date(2026, 3, 20)),),
        "contacts": (
            Contact(1, at(13, 16, 10), ContactKind.RECRUITER_CALL, Channel.PHONE, 1),
            Contact(2, at(16, 9, 20), ContactKind.THANK_YOU, Channel.EMAIL, 2),
            Contact(3, at(23, 9, 30), ContactKind.FOLLOW_UP, Channel.EMAIL, 1),
        ),
    }
    facts.update(changes)
    return Opportunity(**facts)


ACTIONS: list[dict[str, Any]] = [
    {
        "key": "P5:thank-you:interview=1:person=3",
        "rule": "P5",
        "title": "Send Tom a thank-you <b>now</b>",
        "due": "2026-03-16T09:00:00+00:00",
        "snoozed_until": None,
        "state": "pending",
        "overdue": True,
        "expires": None,
    },
    {
        "key": "P9:keep-searching:n=3",
        "rule": "P9",
        "title": "Keep searching",
        "due": "2026-03-30T09:00:00+01:00",
        "snoozed_until": None,
        "state": "pending",
        "overdue": False,
        "expires": None,
    },
    {
        "key": "P4:debrief:interview=1",
        "rule": "P4",
        "title": "Debrief (done, so not drawn)",
        "due": "2026-03-13T16:00:00+00:00",
        "snoozed_until": None,
        "state": "done",
        "overdue": False,
        "expires": None,
    },
    {
        "key": "P2:ask-before-leaving:interview=1",
        "rule": "P2",
        "title": "Checklist that became moot",
        "due": "2026-03-13T09:00:00+00:00",
        "snoozed_until": None,
        "state": "pending",
        "overdue": True,
        "expires": "2026-03-13T15:00:00Z",
    },
]


def svg(opp: Opportunity | None = None, **options: Any) -> str:
    return str(timeline_svg(opp or opportunity(), ACTIONS, now=NOW, tz="Europe/London", **options))


def texts(root: ET.Element) -> list[str]:
    """Each text's own words, and the whole label a wrapped one carries in its <title>."""
    out = []
    for t in root.iter("{http://www.w3.org/2000/svg}text"):
        out.append(t.text or "")
        title = t.find("{http://www.w3.org/2000/svg}title")
        if title is not None:
            out.append(title.text or "")
    return out


def test_it_is_well_formed_accessible_and_scales() -> None:
    root = ET.fromstring(svg())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.get("viewBox", "").startswith("0 0 400 ")
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == title.get("id")  # the name; the summary describes
    assert root.get("aria-describedby") == desc.get("id")
    assert title.text == 'Timeline of R&D <Labs> — Data "Engineer"'


def test_the_weekly_guard_window_and_the_next_allowed_marker() -> None:
    """P8: a follow-up on Mon 23 Mar 09:30 allows the next from Mon 30 Mar 09:30 — the same
    wall-clock time, although the clocks go forward on the 29th."""
    model = build_timeline(opportunity(), ACTIONS, now=NOW, tz="Europe/London")
    assert model.blocked
    assert model.next_allowed == datetime(2026, 3, 30, 8, 30, tzinfo=UTC)
    assert [(w.start, w.end) for w in model.windows] == [
        (datetime(2026, 3, 23, 9, 30, tzinfo=UTC), datetime(2026, 3, 30, 8, 30, tzinfo=UTC))
    ]
    root = ET.fromstring(svg())
    labels = texts(root)
    assert any(t.startswith("Next follow-up allowed") for t in labels)
    assert "from Mon 30 Mar 09:30 (P8)" in labels
    hatched = [
        r
        for r in root.iter("{http://www.w3.org/2000/svg}rect")
        if r.get("fill") == "url(#timeline-hatch)"
    ]
    assert len(hatched) == 2  # the band along the axis, and the legend's swatch
    desc = root.find("svg:desc", NS)
    assert desc is not None and desc.text is not None
    assert "the next follow-up is allowed from Mon 30 Mar 09:30" in desc.text
    assert "P8" in desc.text


def test_contacts_interviews_steps_and_today_are_drawn_and_labelled() -> None:
    root = ET.fromstring(svg())
    labels = texts(root)
    assert any(t.startswith("Interview, round 1 (onsite)") for t in labels)
    assert any(t.startswith("Recruiter call · Priya <script>") for t in labels)
    assert any(t.startswith("Thank-you · Dana Kim") for t in labels)
    assert any(t.startswith("Follow-up · Priya") for t in labels)
    assert any(t.startswith("Decision expected (P6)") for t in labels)
    assert "Today" in labels and "Thu 26 Mar" in labels
    overdue = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("fill") == DANGER]
    words = [t.text or "" for t in overdue]
    assert " ".join(words[:-1]) == "P5 Send Tom a thank-you <b>now</b>"  # wrapped, not cut
    assert words[-1] == "due Mon 16 Mar 09:00 · overdue"
    assert any(t.startswith("P9 Keep searching") for t in labels)
    assert not any("Debrief (done" in t or "became moot" in t for t in labels)
    desc = ET.fromstring(svg()).find("svg:desc", NS)
    assert desc is not None and desc.text is not None
    assert "1 overdue step: P5 Send Tom a thank-you <b>now</b>." in desc.text
    assert "Now: Thu 26 Mar 10:00." in desc.text


def test_user_text_is_escaped() -> None:
    raw = svg(opportunity(replies=(Reply(1, at(25, 12), 'Soon & "fine" <i>\x01</i>'),)))
    assert "<script>" not in raw and "<Labs>" not in raw and "<b>" not in raw and "<i>" not in raw
    assert "&lt;script&gt;" in raw and "R&amp;D &lt;Labs&gt;" in raw
    root = ET.fromstring(raw)  # still well-formed: the control character was dropped
    assert any(t.startswith('They replied: Soon & "fine" <i></i>') for t in texts(root))


def test_closed_and_quiet_opportunities_say_so_in_words() -> None:
    closed = ET.fromstring(svg(closed=True))
    assert not any(t.startswith(("Next follow-up", "Follow-ups allowed")) for t in texts(closed))
    desc = closed.find("svg:desc", NS)
    assert desc is not None and "closed: no more follow-ups" in (desc.text or "")

    quiet = opportunity(contacts=(), timelines=())
    model = build_timeline(quiet, [], now=NOW, tz="Europe/London")
    assert model.next_allowed is None and not model.windows
    assert "No follow-up yet" in model.summary


def test_an_old_follow_up_says_since_when_chasing_is_allowed_again() -> None:
    old = opportunity(contacts=(Contact(3, at(2, 9, 30), ContactKind.FOLLOW_UP, Channel.EMAIL),))
    model = build_timeline(old, [], now=NOW, tz="Europe/London")
    assert not model.blocked
    assert model.next_allowed == at(9, 9, 30)
    assert any(m.detail == "since Mon 09 Mar 09:30 (P8)" for m in model.marks)


def test_it_is_pure_and_names_its_ids() -> None:
    first = svg(svg_id="timeline-7")
    assert first == svg(svg_id="timeline-7")
    assert 'id="timeline-7"' in first and "url(#timeline-7-hatch)" in first
    hostile = svg(svg_id='x"><script>')  # an id is never a way in
    assert 'id="xscript"' in hostile and "<script>" not in hostile


def test_a_long_closed_opportunity_ends_at_its_last_event() -> None:
    from afterview.playbook.facts import Outcome, OutcomeEvent

    ended = opportunity(outcomes=(OutcomeEvent(at(24, 12), Outcome.REJECTED),))
    later = datetime(2026, 6, 1, 9, 0, tzinfo=LONDON)
    model = build_timeline(ended, [], now=later, tz="Europe/London", closed=True)
    assert model.end <= datetime(2026, 4, 1, tzinfo=LONDON)  # not stretched to June
    root = ET.fromstring(str(timeline_svg(ended, [], now=later, tz="Europe/London", closed=True)))
    labels = texts(root)
    assert "Today" not in labels and any(t.startswith("Outcome: rejected") for t in labels)


def test_rows_are_anchored_apart_and_overdue_steps_sit_before_today() -> None:
    """Labels at their own marker's height, none overlapping; an overdue step above the
    "Today" line; every text at least 15.5 units (12 px on a 375 px phone)."""
    root = ET.fromstring(svg())
    ns = "{http://www.w3.org/2000/svg}"
    body = [t for t in root.iter(f"{ns}text") if float(t.get("x", 0)) >= 120]
    tops = sorted(float(t.get("y", 0)) for t in body)
    assert all(b - a >= 18 for a, b in itertools.pairwise(tops)), tops  # no two lines overlap
    sizes = {float(t.get("font-size", 0)) for t in root.iter(f"{ns}text")}
    assert min(sizes) >= 15.5
    today = next(t for t in root.iter(f"{ns}text") if t.text == "Today")
    overdue = next(t for t in body if t.get("fill") == DANGER)
    assert float(overdue.get("y", 0)) < float(today.get("y", 0))
    legend = {t.text for t in root.find(f"{ns}g[@class='legend']").iter(f"{ns}text")}
    drawn = {
        "Interview",
        "Thank-you",
        "Follow-up",
        "Recruiter call",
        "Their timeline (P6)",
        "Step due",
        "Step overdue",
        "Now",
    }
    assert drawn <= legend, drawn - legend
