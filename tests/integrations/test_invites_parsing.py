"""Reading invitations (integrations/invites.py): each producer's quirks, zones, bad files."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from afterview.errors import BadInput
from afterview.integrations import MAX_BYTES
from afterview.integrations.invites import (
    UTC_NAMES,
    Invitation,
    Method,
    Party,
    parse_invitation,
    windows_zones,
    zone_for_tzid,
)
from afterview.playbook.facts import InterviewFormat

from .helpers import ME, TZ, at, fixture

TEAMS_URL = (
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2ZTk1YjQtNmI4Ny00ZDBiLWE1YjktMzE2"
    "NmVlY2FmMDI3%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47"
    "%22%2c%22Oid%22%3a%22b0c4ae4e-0d3b-4e2e-9b0c-6f3d2a3c1f11%22%7d"
)
OUTLOOK_UID = (
    "040000008200E00074C5B7101A82E0080000000030C7D2B8E2A9DC0100000000000000001000000015E2A7F2C4"
    "B1A6499B42C4B7B01B3A51"
)


def parse(name: str, zone: str = TZ) -> Invitation:
    return parse_invitation(fixture(name), default_zone=zone)


# --- each producer ---------------------------------------------------------------------------


def test_outlook_exchange_windows_zone_teams_link_and_room() -> None:
    invite = parse("outlook_request.ics")
    assert (invite.uid, invite.sequence, invite.method) == (OUTLOOK_UID, 0, Method.REQUEST)
    assert (invite.start, invite.end) == (at(10, 14), at(10, 15))
    assert invite.tz == "Europe/London" and str(invite.start.tzinfo) == "Europe/London"
    assert invite.summary == "Interview: Data Engineer – Northwind Health"
    assert invite.meeting_url == TEAMS_URL and invite.meeting_provider == "Teams"
    assert invite.format is InterviewFormat.VIDEO
    assert invite.location == "Microsoft Teams Meeting"
    assert invite.interview_location == TEAMS_URL  # the generic place name says nothing more
    assert invite.organizer == Party("Dana Kim", "dana.kim@northwind.example", organizer=True)
    assert [(p.name, p.email, p.role) for p in invite.attendees] == [
        ("Alex Candidate", ME, "REQ-PARTICIPANT"),  # folded in the middle of the CN
        ("Tom Reyes", "tom.reyes@northwind.example", "REQ-PARTICIPANT"),
    ]  # the booked room (CUTYPE=RESOURCE) is not a person
    assert not invite.all_day and invite.notes == ()


def test_outlook_update_and_cancellation_keep_the_uid() -> None:
    update, cancel = parse("outlook_update.ics"), parse("outlook_cancel.ics")
    assert update.uid == cancel.uid == OUTLOOK_UID
    assert (update.sequence, update.method) == (1, Method.REQUEST)
    assert (update.start, update.end) == (at(11, 15, 30), at(11, 16, 30))
    assert (cancel.sequence, cancel.method) == (2, Method.CANCEL)


def test_a_cancelled_status_in_a_request_is_a_cancellation() -> None:
    text = fixture("outlook_request.ics").replace(b"STATUS:CONFIRMED", b"STATUS:CANCELLED")
    assert parse_invitation(text, default_zone=TZ).method is Method.CANCEL


def test_outlook_eastern_standard_time_is_new_york_after_the_us_clock_change() -> None:
    invite = parse("outlook_eastern.ics")
    assert invite.tz == "America/New_York"
    # 8 March 2026 moved US clocks; London's move only on 29 March: 10:00 EDT is 14:00 GMT.
    assert invite.start == at(10, 10, tz="America/New_York")
    assert invite.start.astimezone(UTC) == datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
    assert invite.end - invite.start == timedelta(minutes=45)
    assert invite.meeting_provider == "Teams" and invite.format is InterviewFormat.VIDEO


def test_a_made_up_tzid_is_matched_by_its_rules_and_the_place() -> None:
    invite = parse("outlook_custom_zone.ics")
    # 30 March 2026 is the day after Europe's clocks went forward: 10:00 is UTC+2.
    assert invite.start.astimezone(UTC) == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    assert invite.tz == "Europe/Berlin"  # the rules fit many zones; LOCATION names Berlin
    assert invite.end - invite.start == timedelta(minutes=90)
    assert invite.notes == (
        "The time zone 'Customized Time Zone' was matched to Europe/Berlin by its rules.",
    )
    assert invite.format is InterviewFormat.ONSITE
    assert invite.interview_location == "Contoso Campus, Friedrichstraße 68, 10117 Berlin"
    assert invite.organizer is not None and invite.organizer.name == "Vogel, Lena"
    assert invite.organizer.email == "lena.vogel@contoso.example"  # lower-cased
    assert invite.attendees[0] == Party(None, ME, "REQ-PARTICIPANT", "NEEDS-ACTION")


def test_the_same_made_up_tzid_with_other_rules_in_another_file_is_not_confused() -> None:
    """icalendar caches zones by TZID for the whole process; its cache must not leak in."""
    berlin = parse("outlook_custom_zone.ics")
    eastern = fixture("outlook_eastern.ics").replace(
        b"Eastern Standard Time", b"Customized Time Zone"
    )
    new_york = parse_invitation(eastern, default_zone=TZ)
    assert berlin.start.utcoffset() == timedelta(hours=2)
    assert new_york.tz == "America/New_York"  # zonenow.tab's zone for these clocks
    assert new_york.start.astimezone(UTC) == datetime(2026, 3, 10, 14, 0, tzinfo=UTC)


def test_an_outlook_display_name_tzid_prefers_the_first_city_it_names() -> None:
    invite = parse("outlook_display_zone.ics")
    assert invite.tz == "Europe/Amsterdam"
    assert invite.start == at(14, 14, month=4, tz="Europe/Amsterdam")
    assert invite.start.utcoffset() == timedelta(hours=2)


def test_your_zone_wins_among_zones_with_the_same_rules() -> None:
    assert parse("outlook_custom_zone.ics", zone="Europe/Madrid").tz == "Europe/Berlin"
    text = fixture("outlook_custom_zone.ics").replace(b"10117 Berlin", b"10117")
    assert parse_invitation(text, default_zone="Europe/Madrid").tz == "Europe/Madrid"
    assert parse_invitation(text, default_zone=TZ).tz == "Europe/Paris"  # zonenow.tab's choice


def test_google_utc_times_x_wr_timezone_meet_link_and_attendee_states() -> None:
    invite = parse("google_request.ics")
    assert invite.uid == "7kukuqrfedlm2f9t0vr42q0oc2@google.com"
    assert invite.tz == "Europe/Berlin"  # X-WR-TIMEZONE: the times themselves are UTC
    assert invite.start == at(12, 10, tz="Europe/Berlin")
    assert invite.start.astimezone(UTC) == datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
    assert invite.meeting_url == "https://meet.google.com/abc-defg-hij"
    assert invite.meeting_provider == "Google Meet" and invite.location is None
    assert [(p.display_name, p.partstat) for p in invite.attendees] == [
        ("Priya Shah", "ACCEPTED"),
        ("Alex Candidate", "NEEDS-ACTION"),  # CN was the address: the name is guessed from it
        ("Lena Vogel", "ACCEPTED"),
        ("Jonas Weber", "DECLINED"),
    ]  # the meeting room (CUTYPE=RESOURCE) is left out
    assert [p.display_name for p in invite.people] == [
        "Priya Shah",
        "Alex Candidate",
        "Lena Vogel",
        "Jonas Weber",
    ]  # organiser listed once


def test_google_utc_times_without_x_wr_timezone_are_in_your_zone() -> None:
    text = fixture("google_request.ics").replace(b"X-WR-TIMEZONE:Europe/Berlin\r\n", b"")
    invite = parse_invitation(text, default_zone="America/Chicago")
    assert invite.tz == "America/Chicago"
    assert invite.start.astimezone(UTC) == datetime(2026, 3, 12, 9, 0, tzinfo=UTC)


def test_an_all_day_event_is_your_working_day_on_its_date() -> None:
    invite = parse("google_all_day.ics")
    assert invite.all_day and invite.tz == TZ
    assert (invite.start, invite.end) == (at(18, 9), at(18, 17, 30))
    assert invite.notes == ("An all-day event: recorded as your working day, 09:00–17:30.",)
    custom = parse_invitation(
        fixture("google_all_day.ics"),
        default_zone="Asia/Tokyo",
        day_start=time(8, 30),
        day_end=time(16),
    )
    assert (custom.start, custom.end) == (
        at(18, 8, 30, tz="Asia/Tokyo"),
        at(18, 16, tz="Asia/Tokyo"),
    )
    assert custom.interview_location == "Northwind Health, 1 King Street, Leeds LS1 2HL, UK"


def test_a_multi_day_event_is_recorded_on_its_first_day() -> None:
    text = fixture("google_all_day.ics").replace(
        b"DTEND;VALUE=DATE:20260319", b"DTEND;VALUE=DATE:20260320"
    )
    invite = parse_invitation(text, default_zone=TZ)
    assert (invite.start, invite.end) == (at(18, 9), at(18, 17, 30))
    assert "The event runs 2 days; it is recorded on its first day." in invite.notes


def test_apple_iana_tzid_across_the_clock_change_and_quoted_parameters() -> None:
    invite = parse("apple_request.ics")
    assert invite.uid == "6F1E2D3C-4B5A-4968-8776-5A4B3C2D1E0F"
    assert invite.start == at(1, 10, month=4) and invite.start.utcoffset() == timedelta(hours=1)
    assert invite.end == at(1, 11, 30, month=4)
    assert invite.location == "Northwind Health 1 King Street, Leeds LS1 2HL, England"
    assert invite.format is InterviewFormat.ONSITE and invite.meeting_url is None
    assert invite.organizer == Party("Sam O'Neil", "sam.oneil@northwind.example", organizer=True)
    assert [(p.display_name, p.role) for p in invite.people] == [
        ("Sam O'Neil", None),
        ("Alex Candidate", "REQ-PARTICIPANT"),
        ("Dana Kim", "REQ-PARTICIPANT"),
    ]


def test_floating_times_are_read_in_your_zone_and_a_number_is_a_phone_call() -> None:
    invite = parse("apple_floating.ics")  # LF line ends, no METHOD, no organiser
    assert invite.method is Method.PUBLISH and invite.organizer is None
    assert invite.start == at(2, 10, month=4)
    assert parse("apple_floating.ics", zone="Asia/Kolkata").start == at(
        2, 10, month=4, tz="Asia/Kolkata"
    )
    assert invite.format is InterviewFormat.PHONE
    assert invite.interview_location == "Phone: +44 20 7946 0018"


def test_floating_times_follow_the_calendars_x_wr_timezone() -> None:
    text = fixture("apple_floating.ics").replace(
        b"CALSCALE:GREGORIAN\n", b"CALSCALE:GREGORIAN\nX-WR-TIMEZONE:America/Toronto\n"
    )
    assert parse_invitation(text, default_zone=TZ).start == at(2, 10, month=4, tz="America/Toronto")


def test_zoom_link_in_location_and_its_stray_tzid_property() -> None:
    invite = parse("zoom_request.ics")
    assert invite.method is Method.PUBLISH
    assert invite.start == at(16, 15) and invite.end == at(16, 16)
    assert invite.meeting_url == (
        "https://litware.zoom.us/j/85512345678?pwd=Zk1oQ2RyVjJUb3ROK3JnN1ZPUT09"
    )
    assert invite.meeting_provider == "Zoom" and invite.interview_location == invite.meeting_url
    assert invite.organizer == Party(None, "riley.park@litware.example", organizer=True)
    assert invite.organizer.display_name == "Riley Park"


def test_teams_link_in_the_description_and_a_quoted_windows_tzid() -> None:
    invite = parse("teams_request.ics")
    assert invite.tz == "Europe/Berlin"  # W. Europe Standard Time, by CLDR
    assert invite.start == at(17, 9, tz="Europe/Berlin")
    assert invite.meeting_url == "https://teams.live.com/meet/9312345678901?p=AbCdEfGhIjKlMnOp"
    assert invite.interview_location == invite.meeting_url


@pytest.mark.parametrize(
    ("eml", "ics"),
    [("google_invite.eml", "google_request.ics"), ("outlook_update.eml", "outlook_update.ics")],
)
def test_an_email_carrying_the_invitation_reads_as_the_invitation(eml: str, ics: str) -> None:
    assert parse(eml) == parse(ics)


def test_a_place_and_a_link_are_both_kept() -> None:
    text = fixture("zoom_request.ics").replace(
        b"LOCATION:https://litware.zoom.us/j/85512345678?pwd=Zk1oQ2RyVjJUb3ROK3JnN1Z\r\n PUT09",
        b"LOCATION:Litware HQ\\, 20 Canal Street\\, Manchester",
    )
    invite = parse_invitation(text, default_zone=TZ)
    assert invite.meeting_provider == "Zoom"  # found in the description
    assert invite.interview_location == (
        "Litware HQ, 20 Canal Street, Manchester · "
        "https://litware.zoom.us/j/85512345678?pwd=Zk1oQ2RyVjJUb3ROK3JnN1ZPUT09"
    )


def test_tzid_utc_is_an_exact_instant_planned_in_your_zone() -> None:
    text = calendar(
        "UID:u@test", "DTSTART;TZID=UTC:20260710T090000", "DTEND;TZID=Etc/UTC:20260710T100000"
    )
    invite = parse_invitation(text, default_zone=TZ)
    assert invite.tz == TZ and invite.start == at(10, 10, month=7)  # BST
    assert invite.end - invite.start == timedelta(hours=1)


def test_no_end_means_an_hour_and_no_uid_gets_a_stable_stand_in() -> None:
    text = (
        fixture("apple_floating.ics")
        .replace(b"DTEND:20260402T103000\n", b"")
        .replace(b"UID:C0FFEE00-1234-4ABC-9DEF-00112233AA55\n", b"")
    )
    first, again = (parse_invitation(text, default_zone=TZ) for _ in range(2))
    assert first.end - first.start == timedelta(hours=1)
    assert first.uid == again.uid and first.uid.startswith("afterview-no-uid-")
    assert "The event gives no end; one hour is assumed." in first.notes
    assert "The invitation has no UID, so a later update cannot be matched to it." in first.notes


# --- zones from maintained sources ---------------------------------------------------------


def test_windows_names_come_from_clDR_as_shipped_by_a_package() -> None:
    table = windows_zones()
    assert table["GMT Standard Time"] == "Europe/London"
    assert table["W. Europe Standard Time"] == "Europe/Berlin"
    assert table["Eastern Standard Time"] == "America/New_York"
    assert len(table) > 100  # the whole CLDR table, not a hand-made excerpt
    assert type(table).__module__ == "builtins"


@pytest.mark.parametrize(
    ("tzid", "zone"),
    [
        ("Europe/London", "Europe/London"),
        ("europe/london", "Europe/London"),
        ("/Europe/Vienna", "Europe/Vienna"),
        (
            "/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires",
            "America/Argentina/Buenos_Aires",
        ),
        ("/mozilla.org/20070129_1/America/New_York", "America/New_York"),
        ("GMT Standard Time", "Europe/London"),
        ('"Eastern Standard Time"', "America/New_York"),
        ("Tokyo Standard Time", "Asia/Tokyo"),
        ("UTC", "UTC"),
        ("Customized Time Zone", None),
        ("CUSTOM_tzid", None),
    ],
)
def test_tzids_that_name_a_zone(tzid: str, zone: str | None) -> None:
    assert zone_for_tzid(tzid) == zone


# --- bad files ---------------------------------------------------------------------------------


def calendar(*event_lines: str, method: str = "REQUEST", end: bool = True) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", f"METHOD:{method}"]
    lines += ["BEGIN:VEVENT", *event_lines, "END:VEVENT"]
    lines += ["END:VCALENDAR"] if end else []
    return ("\r\n".join(lines) + "\r\n").encode()


GOOD = ("UID:x@test", "DTSTART:20260310T140000Z", "DTEND:20260310T150000Z")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The invitation is empty."),
        (b"  \r\n", "The invitation is empty."),
        (b"Dear Alex,\nplease come on Tuesday.\n", "This is not a calendar invitation"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (calendar(*GOOD).replace(b"x@test", b"x\xe9@test"), "is not UTF-8 text"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", r"holds no event \(VEVENT\)"),
        (calendar("UID:x", "DTEND:20260310T150000Z"), r"no start time \(DTSTART\)"),
        (calendar("UID:x", "DTSTART:2026-03-10 14:00"), "DTSTART cannot be read"),
        (calendar(*GOOD, method="REPLY"), r"an answer to an invitation \(METHOD:REPLY\)"),
        (calendar(*GOOD, method="REFRESH"), "METHOD:REFRESH is neither"),
        (calendar(*GOOD, end=False), "cut short: it has no END:VCALENDAR"),
        (
            calendar("UID:x", "DTSTART:20260310T150000Z", "DTEND:20260310T140000Z"),
            "ends .* before it starts",
        ),
        (
            calendar("UID:x", "DTSTART:20260310T090000Z", "DTEND:20260311T120000Z"),
            "more than 24 hours",
        ),
        (calendar("UID:x", "DTSTART:10260310T090000Z"), "year 1026"),
        (
            calendar("UID:x", "DTSTART;TZID=Mars/Olympus:20260310T090000"),
            "time zone 'Mars/Olympus' is not described in the file",
        ),
        (calendar(*GOOD) + calendar("UID:y@test", *GOOD[1:]), "2 different events"),
        (b"BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n", "starts with BEGIN:VEVENT"),
        (
            b"From: a@b.example\r\nSubject: hi\r\n\r\nNo invitation here.\r\n",
            "carries no calendar invitation",
        ),
        (fixture("outlook_winmail.eml"), r"its own format \(winmail.dat\)"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;X=\r\nEND:VCALENDAR\r\n",
            "BEGIN: and END: lines do not pair up",
        ),
        (
            calendar("UID:x", "DTSTART:20260310T090000Z", "DURATION:P999999999999999999W"),
            "DURATION cannot be read",
        ),
    ],
)
def test_a_bad_file_is_one_clear_bad_input(data: bytes, message: str) -> None:
    with pytest.raises(BadInput, match=message) as caught:
        parse_invitation(data, default_zone=TZ)
    assert "\n" not in caught.value.message


def test_a_huge_file_is_refused_before_it_is_read() -> None:
    with pytest.raises(BadInput, match=r"too large \(20,971,521 bytes; at most 20 MB\)"):
        parse_invitation(b"BEGIN:VCALENDAR\r\n" + b"X" * (MAX_BYTES - 17 + 1), default_zone=TZ)


# --- real-world files shipped with icalendar --------------------------------------------------


def _icalendar_files() -> list[Path]:
    import icalendar

    root = Path(icalendar.__file__).parent / "tests"
    return sorted(
        p for folder in ("calendars", "timezones", "events") for p in (root / folder).glob("*.ics")
    )


REAL_WORLD = _icalendar_files()


@pytest.mark.skipif(not REAL_WORLD, reason="this icalendar install ships no test calendars")
@pytest.mark.parametrize("path", REAL_WORLD, ids=[p.name for p in REAL_WORLD])
def test_real_world_calendars_import_right_or_fail_clearly(path: Path) -> None:
    """Every file: a clear BadInput, or the start icalendar itself reads, in a zone that
    shows the same offset at that moment."""
    try:
        invite = parse_invitation(path.read_bytes(), default_zone=TZ)
    except BadInput as exc:
        assert exc.message and "\n" not in exc.message
        return
    try:
        expected, tzid = _icalendar_start(path)
    except ValueError:  # icalendar refuses the file whole (a stray line); ours read past it
        assert invite.start is not None and invite.end is not None and invite.end > invite.start
        return
    if isinstance(expected, datetime) and expected.tzinfo is not None:
        assert invite.start == expected  # the same instant
        if tzid and zone_for_tzid(tzid) not in UTC_NAMES:  # the zone chosen shows that clock
            offset = invite.start.astimezone(ZoneInfo(invite.tz)).utcoffset()
            assert offset == expected.utcoffset()
    elif isinstance(expected, datetime):  # floating: your wall clock
        assert invite.start.replace(tzinfo=None) == expected and invite.tz == TZ
    else:  # a date: all day
        assert invite.all_day and invite.start.date() == expected


def _icalendar_start(path: Path) -> tuple[object, str | None]:
    """DTSTART as icalendar reads it (with the file's own VTIMEZONE rules), and its TZID."""
    from icalendar import Calendar

    calendars = Calendar.from_ical(path.read_bytes(), multiple=True)
    blocks = {str(b["TZID"]): b for c in calendars for b in c.walk("VTIMEZONE")}
    events = [e for c in calendars for e in c.walk("VEVENT")]
    event = next((e for e in events if e.get("RECURRENCE-ID") is None), events[0])
    prop = event["DTSTART"]
    value = prop.dt
    tzid = prop.params.get("TZID")
    if tzid in blocks and isinstance(value, datetime) and zone_for_tzid(tzid) is None:
        return value.replace(tzinfo=blocks[tzid].to_tz(lookup_tzid=False)), tzid
    return value, tzid


@pytest.mark.skipif(not REAL_WORLD, reason="this icalendar install ships no test calendars")
def test_most_real_world_calendars_holding_one_event_do_import() -> None:
    """A guard against refusing everything: the files above that are whole, single-event
    calendars with a readable DTSTART mostly import."""
    imported = 0
    for path in REAL_WORLD:
        try:
            parse_invitation(path.read_bytes(), default_zone=TZ)
        except BadInput:
            continue
        imported += 1
    assert imported >= 30
