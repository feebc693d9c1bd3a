"""Invitations as Outlook, Thunderbird and Exchange really send them: each test is a case
an outside campaign of real files found wrong (update order, recurrence exceptions,
cancellations, UID-less events, all-day dates with a zone, two-era zones, quoted
organisers, escape sequences), and failed before the fix."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from icalendar import Calendar

from afterview.errors import BadInput
from afterview.integrations.invites import parse_invitation
from afterview.services.app import App
from afterview.services.calendar_export import plan_to_ics
from afterview.services.invites import InviteAction, import_invite
from afterview.services.queries import show_opportunity

from .helpers import ME, at
from .test_invite_service import northwind

NOW = at(5, 9)
ORGANISER = "ORGANIZER;CN=Dana Kim:mailto:dana.kim@northwind.example"
US_EASTERN_TWO_ERAS = """BEGIN:VTIMEZONE
TZID:Custom Time Zone
BEGIN:STANDARD
DTSTART:20001029T020000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20000402T020000
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:20071104T020000
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20070311T020000
RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
END:DAYLIGHT
END:VTIMEZONE"""


def calendar(*events: str, method: str = "REQUEST", extra: str = "") -> bytes:
    """A calendar around `events` (each the lines between BEGIN:VEVENT and END:VEVENT)."""
    body = "".join(f"BEGIN:VEVENT\n{e.strip()}\nEND:VEVENT\n" for e in events)
    head = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\nMETHOD:{method}\n{extra}"
    return (head + body + "END:VCALENDAR\n").replace("\n", "\r\n").encode()


def event(
    start: str = "20260310T140000Z",
    end: str = "20260310T150000Z",
    *,
    sequence: int = 0,
    stamp: str = "20260301T090000Z",
    more: str = "",
) -> str:
    return (
        f"UID:series-1@northwind.example\nSEQUENCE:{sequence}\nDTSTAMP:{stamp}\n"
        f"DTSTART:{start}\nDTEND:{end}\nSUMMARY:Interview\n{ORGANISER}\n{more}"
    )


def send(app: App, data: bytes, now: datetime = NOW) -> Any:
    return import_invite(app, data, now=now, own_emails=(ME,))


def interview(app: App, opp: int) -> Any:
    (only,) = show_opportunity(app, opp, NOW).opportunity.interviews
    return only


def utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


# --- update order: SEQUENCE, then DTSTAMP (RFC 5546) -----------------------------------------


def test_same_sequence_with_a_newer_dtstamp_is_an_update(app: App) -> None:
    opp = northwind(app, Dana_Kim="dana.kim@northwind.example")
    send(app, calendar(event()))
    moved = send(app, calendar(event("20260311T100000Z", "20260311T110000Z",
                                     stamp="20260302T090000Z")))  # fmt: skip
    assert moved.action is InviteAction.MOVED
    assert interview(app, opp).start == utc("20260311T100000Z")
    older = send(app, calendar(event("20260312T100000Z", "20260312T110000Z",
                                     stamp="20260301T120000Z")))  # fmt: skip
    assert older.action is InviteAction.UNCHANGED and "an older update" in older.notes[0]
    assert interview(app, opp).start == utc("20260311T100000Z")


def test_a_higher_sequence_wins_even_with_an_older_dtstamp(app: App) -> None:
    opp = northwind(app, Dana_Kim="dana.kim@northwind.example")
    send(app, calendar(event(stamp="20260305T090000Z")))
    result = send(app, calendar(event("20260312T100000Z", "20260312T110000Z", sequence=1,
                                      stamp="20260301T090000Z")))  # fmt: skip
    assert result.action is InviteAction.MOVED
    assert interview(app, opp).start == utc("20260312T100000Z")


# --- recurrence exceptions and cancellations --------------------------------------------------

SERIES = event(more="RRULE:FREQ=WEEKLY;COUNT=3")


def exception_for(recurrence_id: str, start: str, method: str = "REQUEST") -> bytes:
    moved = event(start, start[:9] + "230000Z", sequence=1, stamp="20260304T090000Z",
                  more=f"RECURRENCE-ID:{recurrence_id}")  # fmt: skip
    return calendar(moved, method=method)


def test_an_exception_for_another_occurrence_leaves_the_interview(app: App) -> None:
    opp = northwind(app, Dana_Kim="dana.kim@northwind.example")
    send(app, calendar(SERIES))
    result = send(app, exception_for("20260317T140000Z", "20260318T090000Z"))
    assert result.action is InviteAction.UNCHANGED
    assert "another occurrence" in result.notes[0]
    assert interview(app, opp).start == utc("20260310T140000Z")
    cancelled = send(app, exception_for("20260324T140000Z", "20260324T140000Z", "CANCEL"))
    assert cancelled.action is InviteAction.UNCHANGED
    assert not interview(app, opp).cancelled


def test_an_exception_for_the_recorded_occurrence_moves_it(app: App) -> None:
    opp = northwind(app, Dana_Kim="dana.kim@northwind.example")
    send(app, calendar(SERIES))
    result = send(app, exception_for("20260310T140000Z", "20260311T090000Z"))
    assert result.action is InviteAction.MOVED
    assert interview(app, opp).start == utc("20260311T090000Z")
    # a later exception for that same occurrence is still recognised as it
    again = send(app, calendar(event("20260311T100000Z", "20260311T110000Z", sequence=2,
                                     stamp="20260304T090000Z",
                                     more="RECURRENCE-ID:20260310T140000Z")))  # fmt: skip
    assert again.action is InviteAction.MOVED


def test_a_series_whose_first_occurrence_was_moved_records_the_moved_time() -> None:
    moved = event("20260310T160000Z", "20260310T170000Z", more="RECURRENCE-ID:20260310T140000Z")
    invite = parse_invitation(calendar(SERIES, moved), default_zone="Europe/London")
    assert invite.start == utc("20260310T160000Z") and not invite.exception


def test_a_cancellation_without_dtstart_cancels(app: App) -> None:
    opp = northwind(app, Dana_Kim="dana.kim@northwind.example")
    send(app, calendar(SERIES))
    lines = [line for line in SERIES.splitlines() if not line.startswith("DTSTART")]
    no_start = "\n".join(lines).replace("SEQUENCE:0", "SEQUENCE:1")
    result = send(app, calendar(no_start, method="CANCEL"))
    assert result.action is InviteAction.CANCELLED
    assert interview(app, opp).cancelled
    assert result.start == at(10, 14)  # the recorded times are reported


# --- files the importer used to misread --------------------------------------------------------


def test_several_events_without_uids_are_refused() -> None:
    one = "DTSTART:20260310T140000Z\nDTEND:20260310T150000Z\nSUMMARY:First"
    two = "DTSTART:20260311T140000Z\nDTEND:20260311T150000Z\nSUMMARY:Second"
    with pytest.raises(BadInput, match=r"holds 2 different events \(2 without a UID\)"):
        parse_invitation(calendar(one, two), default_zone="Europe/London")


@pytest.mark.parametrize(
    "value", ["TZID=America/New_York;VALUE=DATE", "VALUE=DATE;TZID=Asia/Tokyo"]
)
def test_an_all_day_date_with_a_tzid_is_still_a_day(value: str) -> None:
    day = f"UID:d1\nDTSTAMP:20260301T090000Z\nDTSTART;{value}:20260310\nDTEND;{value}:20260311"
    invite = parse_invitation(calendar(day), default_zone="Europe/London")
    assert invite.all_day
    assert (invite.start, invite.end) == (at(10, 9), at(10, 17, 30))


def test_a_custom_zone_in_two_eras_is_matched_to_the_zone_with_its_dst() -> None:
    timed = ("UID:e1\nDTSTAMP:20260301T090000Z\nDTSTART;TZID=Custom Time Zone:20260715T100000\n"
             "DURATION:PT1H")  # fmt: skip
    invite = parse_invitation(calendar(timed, extra=US_EASTERN_TWO_ERAS + "\n"),
                              default_zone="Europe/London")  # fmt: skip
    assert invite.tz == "America/New_York"
    assert invite.start is not None and invite.start.astimezone(UTC) == utc("20260715T140000Z")


def test_an_organiser_written_as_a_quoted_value_keeps_the_email() -> None:
    quoted = event(more='ATTENDEE;CN="Tom Reyes":"mailto:tom.reyes@northwind.example"')
    quoted = quoted.replace(
        ORGANISER, 'ORGANIZER;CN="Dana Kim":"mailto:dana.kim@northwind.example"'
    )
    invite = parse_invitation(calendar(quoted), default_zone="Europe/London")
    assert invite.organizer is not None and invite.organizer.email == "dana.kim@northwind.example"
    assert [p.email for p in invite.attendees] == ["tom.reyes@northwind.example"]


def test_escape_sequences_and_bidi_overrides_never_reach_the_store(app: App) -> None:
    osc = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
    evil = event(more=f'ATTENDEE;CN="Tom{osc} Reyes\u202e":mailto:tom.reyes@northwind.example\n'
                      f"LOCATION:Room 4\x1b[2J\x9b31m")  # fmt: skip
    evil = evil.replace("SUMMARY:Interview", f"SUMMARY:Interview{osc}")
    opp = northwind(app, Dana_Kim="dana.kim@northwind.example")
    result = send(app, calendar(evil))
    people = {p.name for p in show_opportunity(app, opp, NOW).opportunity.people}
    assert people == {"Dana Kim", "Tom Reyes"}
    assert interview(app, opp).location == "Room 4" == result.location


# --- export: zone rules for every event ---------------------------------------------------------


def test_exported_zone_rules_cover_an_event_years_back() -> None:
    now = at(10, 9)
    due = (now - timedelta(days=5 * 365)).isoformat()
    item = {"snoozed_until": None, "due": due, "tz": "America/New_York", "key": "P4:x",
            "company": "Northwind", "title": "Debrief", "why": "w", "guidance": "g",
            "rule": "P4"}  # fmt: skip
    parsed = Calendar.from_ical(plan_to_ics([item], now))
    (zone,) = parsed.walk("VTIMEZONE")
    onsets = [sub.decoded("dtstart").year for sub in zone.subcomponents]
    assert min(onsets) <= 2021  # the event's year (2021) has its rules, not only 2024 on
