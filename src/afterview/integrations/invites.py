"""Calendar invitations (.ics, or an .eml carrying one) read into a plain `Invitation`.

An interview usually arrives as an invitation, and each producer writes it its own
way: Outlook/Exchange names zones the Windows way ("GMT Standard Time") or invents
them ("Customized Time Zone") with a VTIMEZONE block of rules; Google writes UTC
and puts Meet links in X-GOOGLE-CONFERENCE; Apple writes IANA TZIDs; Teams and
Zoom bury the meeting link in LOCATION or DESCRIPTION. This module turns all of
them into one shape: UTC-correct aware times, the IANA zone the interview happens
in (every due time of the plan is judged in it, PLAYBOOK "Timing details"), the
meeting link, and the organiser and attendees (the people P3 and P5 need).

Zones come from maintained data only: IANA names through zoneinfo, Windows names
through the CLDR mapping that `icalendar` ships (or tzlocal's copy of it). A TZID
that is neither is matched by its VTIMEZONE's rules against every IANA zone.

Pure: no database, no clock. Every problem with the file is a `BadInput` whose
message says what is wrong, so a bad file never gets as far as a transaction.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from afterview.errors import BadInput
from afterview.integrations import check_size
from afterview.playbook.facts import InterviewFormat
from afterview.text_safety import clean_text

MIN_YEAR, MAX_YEAR = 1900, 2999
DEFAULT_LENGTH = timedelta(hours=1)  # an event with neither DTEND nor DURATION
HISTORY_YEARS = 30  # how far back equal zones are told apart
ZONE_REGIONS = frozenset(
    {"Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian",
     "Pacific"}
)  # fmt: skip
UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu",
     "GMT", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT0", "GMT+0", "GMT-0",
     "Etc/Greenwich", "Greenwich"}
)  # fmt: skip
SKIPPED_CUTYPES = frozenset({"ROOM", "RESOURCE", "GROUP"})  # booked rooms and lists, not people

# Video services whose links are recognised in free text (LOCATION, DESCRIPTION); a link
# in a property made for it (CONFERENCE, X-MICROSOFT-SKYPETEAMSMEETINGURL…) is taken as is.
PROVIDERS = {
    "teams.microsoft.com": "Teams",
    "teams.live.com": "Teams",
    "zoom.us": "Zoom",
    "zoomgov.com": "Zoom",
    "meet.google.com": "Google Meet",
    "webex.com": "Webex",
    "whereby.com": "Whereby",
    "meet.goto.com": "GoTo Meeting",
    "gotomeet.me": "GoTo Meeting",
    "chime.aws": "Amazon Chime",
    "bluejeans.com": "BlueJeans",
}
_HOSTS = "|".join(re.escape(host) for host in PROVIDERS)
MEETING_URL = re.compile(rf"https://(?:[\w-]+\.)*(?:{_HOSTS})(?:/[^\s<>\"'\\|\]\[]*)?", re.I)
ANY_URL = re.compile(r"https?://[^\s<>\"'\\|]+", re.I)
LINK_PROPERTIES = (  # where producers put the link on purpose, most specific first
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
)
FREE_TEXT_PROPERTIES = ("LOCATION", "DESCRIPTION", "X-ALT-DESC", "URL")
VIDEO_WORDS = re.compile(r"\b(microsoft teams|teams meeting|zoom|google meet|webex|skype)\b", re.I)
PHONE_LOCATION = re.compile(
    r"^\s*(?:tel:|phone\b|telephone\b|call\b|\+?\d[\d\s().-]{6,}\s*$)", re.I
)
HEADER_LINE = re.compile(rb"^(?:From |[A-Za-z][A-Za-z0-9-]*:)")
DATE_VALUE_SPACE = re.compile(
    r"^((?:DTSTART|DTEND|DTSTAMP|RECURRENCE-ID|DUE)(?:;[^:\r\n]*)?):[ \t]+", re.M | re.I
)


class Method(StrEnum):
    """What the invitation asks: REQUEST (new or updated), CANCEL, or PUBLISH (no RSVP)."""

    REQUEST = "REQUEST"
    CANCEL = "CANCEL"
    PUBLISH = "PUBLISH"


@dataclass(frozen=True)
class Party:
    """The organiser or an attendee; rooms, resources and lists are left out."""

    name: str | None
    email: str | None
    role: str | None = None  # CHAIR, REQ-PARTICIPANT, OPT-PARTICIPANT, NON-PARTICIPANT
    partstat: str | None = None  # ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION
    organizer: bool = False

    @property
    def display_name(self) -> str:
        """The CN, else a name guessed from the address (dana.kim@ → Dana Kim), else it."""
        if self.name:
            return self.name
        if not self.email:
            return "(no name)"
        local = self.email.split("@", 1)[0]
        words = [w for w in re.split(r"[._-]+", local) if w]
        return " ".join(w.capitalize() for w in words) if len(words) > 1 else self.email


@dataclass(frozen=True)
class Invitation:
    uid: str
    sequence: int
    method: Method
    start: datetime | None  # aware, in `tz`; None only for a cancellation without times
    end: datetime | None
    tz: str  # IANA
    all_day: bool
    summary: str | None
    location: str | None  # LOCATION as written
    meeting_url: str | None
    organizer: Party | None
    attendees: tuple[Party, ...]
    notes: tuple[str, ...] = ()  # what was guessed or left out, to tell the user
    stamp: datetime | None = None  # DTSTAMP (UTC): orders updates of the same SEQUENCE
    # The occurrence this event is about, as an instant: RECURRENCE-ID for an exception
    # (another occurrence of a repeating event), else the start as first written.
    occurrence: datetime | None = None
    exception: bool = False  # the event is a RECURRENCE-ID exception, not the series

    def newer_than(self, sequence: int, stamp: datetime | None) -> bool:
        """RFC 5546 (2.1.5): a higher SEQUENCE is newer; with the same SEQUENCE, a later
        DTSTAMP is (Outlook and Thunderbird re-send minor changes that way)."""
        if self.sequence != sequence:
            return self.sequence > sequence
        return self.stamp is not None and stamp is not None and self.stamp > stamp

    def older_than(self, sequence: int, stamp: datetime | None) -> bool:
        if self.sequence != sequence:
            return self.sequence < sequence
        return self.stamp is not None and stamp is not None and self.stamp < stamp

    @property
    def meeting_provider(self) -> str | None:
        return provider_of(self.meeting_url) if self.meeting_url else None

    @property
    def format(self) -> InterviewFormat:
        """Video with a link (or a video service named), phone for a number, else on-site."""
        if self.meeting_url or (self.location and VIDEO_WORDS.search(self.location)):
            return InterviewFormat.VIDEO
        if self.location and PHONE_LOCATION.search(self.location):
            return InterviewFormat.PHONE
        return InterviewFormat.ONSITE

    @property
    def interview_location(self) -> str | None:
        """What the interview's `location` records: the place, the link, or both."""
        place = self.location
        if place and self.meeting_url and (ANY_URL.search(place) or _names_a_service(place)):
            place = None  # "Microsoft Teams Meeting" or the link itself: the link says it
        if place and self.meeting_url:
            return f"{place} · {self.meeting_url}"
        return self.meeting_url or place

    @property
    def people(self) -> tuple[Party, ...]:
        """The organiser then the attendees, each once (Google lists the organiser twice)."""
        seen: set[str] = set()
        result: list[Party] = []
        for party in ((self.organizer,) if self.organizer else ()) + self.attendees:
            key = (party.email or party.display_name).casefold()
            if key not in seen:
                seen.add(key)
                result.append(party)
        return tuple(result)


def parse_invitation(
    data: bytes,
    *,
    default_zone: str,
    day_start: time = time(9, 0),
    day_end: time = time(17, 30),
) -> Invitation:
    """Read an .ics or .eml invitation.

    `default_zone` (the user's) places floating times when the calendar names no zone
    (X-WR-TIMEZONE), and is the interview's zone for UTC times. An all-day event is
    read as the working day `day_start`–`day_end` of its first date, in that zone.
    """
    check_size(data, "invitation")
    if b"\x00" in data:
        raise BadInput("The file is binary data, not a calendar invitation (.ics or .eml).")
    # RFC 5545 allows no control character but tab in a value: removing escape sequences
    # and bidi overrides before parsing keeps them out of every field (and a property
    # carrying one is read, not dropped by the parser).
    text = clean_text(_calendar_text(data), multiline=True)
    calendars = _parse_calendars(text)
    method = _method(calendars)
    event, timing = _the_event(calendars)
    zones = _Zones(calendars, default_zone, hint=_text(event.get("LOCATION")))
    if method is not Method.CANCEL and (_text(event.get("STATUS")) or "").upper() == "CANCELLED":
        method = Method.CANCEL
    if method is Method.CANCEL and timing.get("DTSTART") is None:
        # RFC 5546 (3.2.5) lets a cancellation leave out DTSTART: the UID says what goes.
        start = end = None
        tz, all_day, notes = zones.calendar_zone, False, []
    else:
        start, end, tz, all_day = _times(timing, zones, day_start, day_end)
        notes = list(zones.notes)
    if event.get("RRULE") is not None and timing is event:
        notes.append("The event repeats; only its first occurrence is recorded.")
    elif timing is not event:
        notes.append("The first occurrence was moved (an exception); its time is recorded.")
    uid = _text(event.get("UID"))
    if not uid:
        uid = _synthetic_uid(event)
        notes.append("The invitation has no UID, so a later update cannot be matched to it.")
    organizer = _party(event.get("ORGANIZER"), organizer=True)
    attendees = tuple(p for p in map(_party, _many(event.get("ATTENDEE"))) if p is not None)
    exception = event.get("RECURRENCE-ID") is not None
    return Invitation(
        uid=clean_text(uid),
        sequence=_sequence(event.get("SEQUENCE")),
        method=method,
        start=start,
        end=end,
        tz=tz,
        all_day=all_day,
        summary=_one_line(_text(event.get("SUMMARY"))),
        location=_one_line(_text(event.get("LOCATION"))),
        meeting_url=find_meeting_url(event),
        organizer=organizer,
        attendees=attendees,
        notes=tuple(dict.fromkeys(notes)),
        stamp=_instant(event.get("DTSTAMP"), zones),
        occurrence=_instant(event.get("RECURRENCE-ID" if exception else "DTSTART"), zones),
        exception=exception,
    )


def provider_of(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    for domain, name in PROVIDERS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None


def find_meeting_url(event: Any) -> str | None:
    """The video link: from the properties made for it first, then from free text."""
    for name in LINK_PROPERTIES:
        for value in _many(event.get(name)):
            found = ANY_URL.search(clean_text(str(value)))
            if found:
                return _trim_url(found.group())
    for name in FREE_TEXT_PROPERTIES:
        for value in _many(event.get(name)):
            found = MEETING_URL.search(clean_text(str(value)))
            if found:
                return _trim_url(found.group())
    return None


# --- the bytes: an .ics, or the calendar part of an email ---------------------------------


def _calendar_text(data: bytes) -> str:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:15].upper() == b"BEGIN:VCALENDAR":
        return _utf8(head, "The invitation")
    if head[:6].upper() == b"BEGIN:":
        first = clean_text(head.split(b"\n", 1)[0].strip().decode("ascii", "replace"))[:80]
        raise BadInput(
            f"This is not a whole calendar: it starts with {first}, not BEGIN:VCALENDAR."
        )
    if HEADER_LINE.match(head):
        return _from_email(head)
    raise BadInput(
        "This is not a calendar invitation: an .ics file starts with BEGIN:VCALENDAR, "
        "and an .eml file with mail headers."
    )


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"{what} is not UTF-8 text (byte {exc.start + 1} cannot be read); iCalendar "
            "files are UTF-8. Export it again, or save it as UTF-8."
        ) from None


def _from_email(data: bytes) -> str:
    """The first text/calendar part (else an .ics attachment) of a mail, as text."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.keys():
        raise BadInput("This is neither an iCalendar file nor an email (.eml) carrying one.")
    found_tnef = False
    inline: list[Any] = []
    attached: list[Any] = []
    for part in message.walk():
        kind = part.get_content_type()
        filename = (part.get_filename() or "").lower()
        if kind == "application/ms-tnef" or filename == "winmail.dat":
            found_tnef = True
        elif kind == "text/calendar":
            inline.append(part)
        elif kind in {"application/ics", "application/octet-stream"} and filename.endswith(".ics"):
            attached.append(part)
    for part in inline + attached:
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or b"BEGIN:VCALENDAR" not in payload.upper():
            continue
        charset = part.get_content_charset() or "utf-8"
        try:
            text: str = payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = _utf8(payload, "The invitation in this email")
        return text.lstrip("\ufeff")
    if found_tnef:
        raise BadInput(
            "Outlook sent this invitation in its own format (winmail.dat), which has no "
            "calendar part; ask for an .ics, or add the interview with `afterview interview add`."
        )
    raise BadInput("This email carries no calendar invitation (no text/calendar part or .ics).")


def _parse_calendars(text: str) -> list[Any]:
    from icalendar import Calendar

    if "END:VCALENDAR" not in text.upper():
        raise BadInput("The calendar is cut short: it has no END:VCALENDAR.")
    text = DATE_VALUE_SPACE.sub(r"\1:", text)  # "DTEND: 20240812T223000Z" (a bank's mailer)
    try:
        parsed = _from_ical(Calendar, text)
    except Exception as exc:  # a third-party parser on untrusted input: anything can come
        try:  # once more without what the interview cannot need (see _lenient)
            parsed = _from_ical(Calendar, _lenient(text))
        except Exception:  # the first error says what is wrong with the file as sent
            raise BadInput(
                f"The invitation cannot be read as iCalendar: {_first_line(exc)}"
            ) from None
    calendars = [c for c in parsed if getattr(c, "name", "") == "VCALENDAR"]
    if not calendars:
        raise BadInput("The calendar cannot be read: its BEGIN: and END: lines do not pair up.")
    return calendars


def _from_ical(calendar_class: Any, text: str) -> Any:
    with warnings.catch_warnings():  # icalendar warns about guesses it makes; we decide
        warnings.simplefilter("ignore")
        return calendar_class.from_ical(text.encode("utf-8"), multiple=True)


def _lenient(text: str) -> str:
    """The calendar without what breaks the parser and the interview never uses: stray
    lines that are no property at all ("X" alone on a line), and VTIMEZONE blocks for
    zones tzdb names (their TZID is resolved by name, and a block with an impossible
    offset such as +5328 would sink the whole file)."""
    kept: list[str] = []
    block: list[str] | None = None
    for line in re.split(r"\r?\n", text):
        if block is not None:
            block.append(line)
            if line.strip().upper() == "END:VTIMEZONE":
                if not _names_known_zone(block):
                    kept.extend(block)
                block = None
        elif line.strip().upper() == "BEGIN:VTIMEZONE":
            block = [line]
        elif line[:1] in (" ", "\t") or ":" in line or not line.strip():
            kept.append(line)
    kept.extend(block or [])
    return "\r\n".join(kept)


def _names_known_zone(block: list[str]) -> bool:
    tzid = next((ln.split(":", 1)[1] for ln in block if ln.upper().startswith("TZID:")), "")
    return zone_for_tzid(tzid) is not None


def _method(calendars: Sequence[Any]) -> Method:
    raw = clean_text(_text(calendars[0].get("METHOD")) or "PUBLISH").strip().upper()[:40]
    if raw in Method.__members__:
        return Method(raw)
    if raw in {"REPLY", "COUNTER", "DECLINECOUNTER"}:
        raise BadInput(
            f"This is an answer to an invitation (METHOD:{raw}), not the invitation itself."
        )
    raise BadInput(f"METHOD:{raw} is neither an invitation nor a cancellation.")


def _the_event(calendars: Sequence[Any]) -> tuple[Any, Any]:
    """The event the invitation is about, and the one whose times the interview takes.

    One UID: the series (its newest version by SEQUENCE, then DTSTAMP), whose first
    occurrence is the interview — unless an exception in the file moves that very
    occurrence. A file of exceptions only (Outlook sends a changed occurrence alone) is
    about its earliest occurrence. Events without a UID cannot be told apart, so two of
    them are two events, never one.
    """
    events = [e for c in calendars for e in c.walk("VEVENT")]
    if not events:
        raise BadInput("The calendar holds no event (VEVENT): there is no interview in it.")
    keys = {_text(e.get("UID")) or f"no-uid-{n}" for n, e in enumerate(events)}
    if len(keys) > 1:
        missing = sum(1 for e in events if not _text(e.get("UID")))
        why = f" ({missing} without a UID)" if missing else ""
        raise BadInput(
            f"The file holds {len(keys)} different events{why}; an invitation holds one. "
            "Import them one at a time."
        )
    masters = [e for e in events if e.get("RECURRENCE-ID") is None]
    exceptions = [e for e in events if e.get("RECURRENCE-ID") is not None]
    if not masters:
        first = min(exceptions, key=lambda e: _sort_key(e.get("RECURRENCE-ID")) or "")
        return first, first
    master = max(masters, key=_version)
    start_key = _sort_key(master.get("DTSTART"))
    moved = [e for e in exceptions if _sort_key(e.get("RECURRENCE-ID")) == start_key]
    if moved and start_key is not None:
        return master, max(moved, key=_version)
    return master, master


def _version(event: Any) -> tuple[int, str]:
    return _sequence(event.get("SEQUENCE")), _stamp_key(event.get("DTSTAMP"))


def _sort_key(prop: Any) -> str | None:
    """A comparable form of DTSTART / RECURRENCE-ID as written (an instant for UTC)."""
    try:
        value = prop.dt if prop is not None and not isinstance(prop, list) else None
    except Exception:  # a broken value: no key
        return None
    if isinstance(value, datetime) and value.tzinfo is not None:
        try:
            return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        except (ValueError, OverflowError):
            return None
    return value.isoformat() if isinstance(value, date) else None


def _stamp_key(prop: Any) -> str:
    return _sort_key(prop) or ""


def _instant(prop: Any, zones: _Zones) -> datetime | None:
    """DTSTAMP, RECURRENCE-ID or DTSTART as a UTC instant, or None when absent or broken."""
    if prop is None or isinstance(prop, list):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = prop.dt
    except Exception:  # a broken value says nothing
        return None
    if not isinstance(value, date) or not MIN_YEAR <= value.year <= MAX_YEAR:
        return None
    if not isinstance(value, datetime) or _is_date(prop):
        return datetime.combine(value if not isinstance(value, datetime) else value.date(),
                                time(0), tzinfo=UTC)  # fmt: skip
    try:
        placed, _ = zones.place(value, _tzid(prop))
    except BadInput:
        return None
    return placed.astimezone(UTC)


# --- times and zones --------------------------------------------------------------------


def _times(
    event: Any, zones: _Zones, day_start: time, day_end: time
) -> tuple[datetime, datetime, str, bool]:
    start_prop = event.get("DTSTART")
    if start_prop is None:
        raise BadInput("The event has no start time (DTSTART).")
    start_value = _value(start_prop, "DTSTART")
    if not isinstance(start_value, datetime) or _is_date(start_prop):  # an all-day event
        day = start_value.date() if isinstance(start_value, datetime) else start_value
        return _all_day(event, day, zones, day_start, day_end)
    start, tz = zones.place(start_value, _tzid(start_prop))
    end_prop = event.get("DTEND")
    if end_prop is not None:
        end_value = _value(end_prop, "DTEND")
        if not isinstance(end_value, datetime):
            end_value = datetime.combine(end_value, time(0))
        end, _ = zones.place(end_value, _tzid(end_prop))
    elif event.get("DURATION") is not None:
        end = start.astimezone(UTC) + _duration(event.get("DURATION"))
    else:
        end = start.astimezone(UTC) + DEFAULT_LENGTH
        zones.notes.append("The event gives no end; one hour is assumed.")
    end = end.astimezone(ZoneInfo(tz))
    if end <= start:
        raise BadInput(
            f"The event ends ({end.isoformat()}) before it starts ({start.isoformat()})."
        )
    if end - start > timedelta(hours=24):
        raise BadInput("The event lasts more than 24 hours; that is not an interview.")
    return start, end, tz, False


def _all_day(
    event: Any, day: date, zones: _Zones, day_start: time, day_end: time
) -> tuple[datetime, datetime, str, bool]:
    """An all-day interview (an assessment day): the working day, on its first date."""
    from afterview.playbook.timing import at_local

    _check_year(day.year)
    tz = zones.calendar_zone
    end_prop = event.get("DTEND")
    last = _value(end_prop, "DTEND") if end_prop is not None else None
    if isinstance(last, datetime):
        last = last.date() if _is_date(end_prop) else None
    if isinstance(last, date) and (last - day).days > 1:
        zones.notes.append(
            f"The event runs {(last - day).days} days; it is recorded on its first day."
        )
    zones.notes.append(
        f"An all-day event: recorded as your working day, {day_start:%H:%M}–{day_end:%H:%M}."
    )
    return at_local(day, day_start, tz), at_local(day, day_end, tz), tz, True


class _Zones:
    """Resolves TZIDs to IANA zones for one file, and places wall times on the time line."""

    def __init__(self, calendars: Sequence[Any], default_zone: str, hint: str | None) -> None:
        self.default_zone = default_zone
        self.hint = hint or ""  # the event's place: "…, 10117 Berlin" names a zone's city
        self.notes: list[str] = []
        self.blocks: dict[str, Any] = {}
        wr_names: list[str] = []
        for calendar in calendars:
            wr_names.append(_text(calendar.get("X-WR-TIMEZONE")) or "")
            for block in calendar.walk("VTIMEZONE"):
                tzid = _text(block.get("TZID"))
                if tzid:
                    self.blocks.setdefault(tzid.strip().strip('"'), block)
        self.calendar_named = next((z for z in map(known_zone, wr_names) if z), None)
        self._resolved: dict[str, tuple[str, tzinfo | None]] = {}

    @property
    def calendar_zone(self) -> str:
        """The zone for floating and all-day times: the calendar's (X-WR-TIMEZONE), else yours."""
        return self.calendar_named or self.default_zone

    def place(self, value: datetime, tzid: str | None) -> tuple[datetime, str]:
        """The instant `value` (as read from the file) means, and the IANA zone it is in."""
        from afterview.playbook.timing import at_local

        _check_year(value.year)
        wall = value.replace(tzinfo=None)
        zone = self.calendar_zone
        if tzid is None and value.tzinfo is None:  # floating: as the reader's calendar shows it
            return at_local(wall.date(), wall.time(), zone), zone
        if tzid is None or zone_for_tzid(tzid) in UTC_NAMES:
            # UTC ("Z", or TZID=UTC): the instant is exact; the zone to plan in is the
            # calendar's, else yours — "morning" is never judged in UTC.
            return wall.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)), zone
        zone, rules = self._resolve(tzid, wall)
        if rules is None:
            return at_local(wall.date(), wall.time(), zone), zone
        # The file's own rules say which instant it meant; the IANA zone is for planning.
        instant = wall.replace(tzinfo=rules).astimezone(UTC)
        return instant.astimezone(ZoneInfo(zone)), zone

    def _resolve(self, tzid: str, wall: datetime) -> tuple[str, tzinfo | None]:
        key = tzid.strip().strip('"')
        if key not in self._resolved:
            self._resolved[key] = self._resolve_new(key, wall)
        return self._resolved[key]

    def _resolve_new(self, tzid: str, wall: datetime) -> tuple[str, tzinfo | None]:
        named = zone_for_tzid(tzid)
        if named is not None:
            return named, None
        block = self.blocks.get(tzid)
        rules = _block_rules(block) if block is not None else None
        if rules is not None:
            matched = self._match(tzid, block, rules, wall)
            if matched is not None:
                return matched, rules
        if self.calendar_named is not None:
            self.notes.append(
                f"The time zone {tzid!r} is unknown; the calendar's zone "
                f"{self.calendar_named} is used."
            )
            return self.calendar_named, rules
        what = "described by rules no known zone follows" if rules else "not described in the file"
        raise BadInput(
            f"The invitation's time zone {tzid!r} is {what}; add the interview with "
            "`afterview interview add … --tz ZONE` instead."
        )

    def _match(self, tzid: str, block: Any, rules: tzinfo, wall: datetime) -> str | None:
        """An IANA zone that keeps the block's rules all year (else on the day itself)."""
        preferred = [
            self.calendar_named,
            known_zone(_text(block.get("X-LIC-LOCATION")) or ""),
            *_cities_named_in(tzid),
            *_cities_named_in(self.hint),
            self.default_zone,
        ]
        year_probes = [datetime(wall.year, 1, 1, 12) + timedelta(days=n) for n in range(365)]
        found = _pick(_zones_following(rules, [wall, *year_probes]), preferred, rules, wall.year)
        if found is not None:
            self.notes.append(f"The time zone {tzid!r} was matched to {found} by its rules.")
            return found
        found = _pick(_zones_following(rules, [wall]), preferred, rules, wall.year)
        if found is not None:
            self.notes.append(
                f"The time zone {tzid!r} follows no known zone's rules; {found} has the same "
                "offset on the day and is used."
            )
            return found
        offset = rules.utcoffset(wall)
        if (
            offset is not None
            and offset.total_seconds() % 3600 == 0
            and abs(offset) <= timedelta(hours=14)
        ):
            hours = int(offset.total_seconds() // 3600)
            fixed = "Etc/GMT" if hours == 0 else f"Etc/GMT{-hours:+d}"  # POSIX signs are inverted
            self.notes.append(f"The time zone {tzid!r} is a fixed offset; {fixed} is used.")
            return fixed
        return None


def known_zone(name: str) -> str | None:
    """The IANA key for `name` (any letter case), or None if it is not a zone."""
    cleaned = name.strip().strip('"')
    if not cleaned:
        return None
    return _zone_keys().get(cleaned.casefold())


def zone_for_tzid(tzid: str) -> str | None:
    """An IANA zone from a TZID that names one: IANA, Windows, or /vendor/Region/City."""
    cleaned = tzid.strip().strip('"')
    found = known_zone(cleaned.strip("/"))
    if found is not None:
        return found
    windows = windows_zones().get(cleaned) or _windows_casefolded().get(cleaned.casefold())
    if windows is not None:
        return known_zone(windows)
    parts = cleaned.strip("/").split("/")
    for start in range(1, len(parts)):  # "/freeassociation.sourceforge.net/Europe/Berlin"
        found = known_zone("/".join(parts[start:]))
        if found is not None and "/" in found:
            return found
    return None


def windows_zones() -> Mapping[str, str]:
    """Windows zone name → IANA, from CLDR's windowsZones.xml as icalendar ships it."""
    try:
        from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
    except ImportError:  # older icalendar: tzlocal ships the same CLDR table
        from tzlocal.windows_tz import win_tz

        return dict(win_tz)
    return WINDOWS_TO_OLSON


@lru_cache(maxsize=1)
def _windows_casefolded() -> dict[str, str]:
    return {name.casefold(): zone for name, zone in windows_zones().items()}


@lru_cache(maxsize=1)
def _zone_keys() -> dict[str, str]:
    from zoneinfo import available_timezones

    keys = {name.casefold(): name for name in available_timezones()}
    keys.setdefault("utc", "UTC")
    return keys


@lru_cache(maxsize=1)
def _candidate_zones() -> tuple[ZoneInfo, ...]:
    """Geographic IANA zones (no legacy aliases such as US/Eastern), in name order."""
    names = sorted(n for n in _zone_keys().values() if n.split("/", 1)[0] in ZONE_REGIONS)
    return tuple(ZoneInfo(n) for n in names)


@lru_cache(maxsize=1)
def _representative_zones() -> frozenset[str]:
    """The zones tzdb's zonenow.tab lists, one per set of clocks agreeing from now on."""
    from importlib import resources
    from pathlib import Path

    try:
        text = resources.files("tzdata").joinpath("zoneinfo", "zonenow.tab").read_text("utf-8")
    except (ModuleNotFoundError, OSError):
        try:
            text = Path("/usr/share/zoneinfo/zonenow.tab").read_text("utf-8")
        except OSError:
            return frozenset()
    rows = (line.split("\t") for line in text.splitlines() if not line.startswith("#"))
    return frozenset(row[2] for row in rows if len(row) >= 3)


@lru_cache(maxsize=1)
def _golden_zones() -> frozenset[str]:
    """The zone CLDR names for each Windows zone: the usual choice among equals."""
    return frozenset(windows_zones().values())


def _zones_following(rules: tzinfo, probes: Sequence[datetime]) -> list[str]:
    wanted = [rules.utcoffset(p) for p in probes]
    quick = (0, len(probes) // 2, len(probes) - 1) if len(probes) > 3 else range(len(probes))
    matches: list[str] = []
    for zone in _candidate_zones():
        if any(zone.utcoffset(probes[i]) != wanted[i] for i in quick):
            continue
        if all(zone.utcoffset(p) == w for p, w in zip(probes, wanted, strict=True)):
            matches.append(zone.key)
    return matches


def _pick(
    matches: Sequence[str], preferred: Iterable[str | None], rules: tzinfo, year: int
) -> str | None:
    """A preferred zone if one matches; else the usual name for such clocks.

    Many zones share a year's rules (America/New_York, America/Indianapolis and
    America/Grand_Turk in 2026). tzdb's zonenow.tab names one zone for each set of
    clocks that agree from now on; among several, the one that kept these rules for
    most years before; then CLDR's choice for a Windows zone; then the first by name.
    """
    if not matches:
        return None
    for name in preferred:
        if name in matches:
            return name
    depth = _years_followed(matches, rules, year)
    usual, golden = _representative_zones(), _golden_zones()
    return min(
        matches, key=lambda name: (name not in usual, -depth[name], name not in golden, name)
    )


def _years_followed(matches: Sequence[str], rules: tzinfo, year: int) -> dict[str, int]:
    """How many years before `year` each zone kept `rules` (weekly probes, up to 30)."""
    depth = dict.fromkeys(matches, 0)
    alive = set(matches)
    for back in range(1, HISTORY_YEARS + 1):
        if year - back < MIN_YEAR or len(alive) <= 1:
            break
        probes = [datetime(year - back, 1, 1, 12) + timedelta(days=7 * k) for k in range(53)]
        wanted = [rules.utcoffset(p) for p in probes]
        for name in list(alive):
            zone = ZoneInfo(name)
            if all(zone.utcoffset(p) == w for p, w in zip(probes, wanted, strict=True)):
                depth[name] = back
            else:
                alive.discard(name)
    return depth


def _cities_named_in(text: str) -> list[str]:
    """Zones whose city `text` names, in the order named ("(UTC+01:00) Amsterdam, Berlin…")."""
    folded = text.casefold()
    hits = []
    for zone in _candidate_zones():
        city = zone.key.rsplit("/", 1)[-1].replace("_", " ").casefold()
        found = re.search(rf"\b{re.escape(city)}\b", folded) if len(city) > 2 else None
        if found:
            hits.append((found.start(), zone.key))
    return [name for _, name in sorted(hits)]


def _block_rules(block: Any) -> tzinfo | None:
    """The VTIMEZONE's own rules, never a cached zone of the same (made-up) name."""
    try:
        block = _eras_closed(block)
        try:
            rules = block.to_tz(lookup_tzid=False)
        except TypeError:  # icalendar without lookup_tzid
            from icalendar.timezone import tzp

            rules = tzp.create_timezone(block)
        rules.utcoffset(datetime(2000, 1, 1))
    except Exception:  # a malformed block: treated as no block
        return None
    return rules if isinstance(rules, tzinfo) else None


def _eras_closed(block: Any) -> Any:
    """The block with each superseded rule ended where the next era begins.

    Outlook and Exchange describe a zone whose rules changed (the US in 2007, Australia
    in 2008) as two eras: the old STANDARD/DAYLIGHT pair, its RRULEs left open, and a
    new pair with later DTSTARTs. Read literally (RFC 5545), the old rules keep firing
    beside the new ones — a November with the old "last Sunday of October" change — and
    no real zone matches; the producer meant the new era to replace the old one.
    """
    observances = [
        (sub.name, _naive(sub.get("DTSTART")), sub)
        for sub in block.subcomponents
        if sub.name in {"STANDARD", "DAYLIGHT"}
    ]
    dated = [(kind, start, sub) for kind, start, sub in observances if start is not None]
    changes: list[tuple[Any, datetime]] = []
    for kind, start, sub in dated:
        rule = sub.get("RRULE")
        if rule is None or isinstance(rule, list) or "UNTIL" in rule or "COUNT" in rule:
            continue
        later_same = [s for k, s, _ in dated if k == kind and s > start]
        if not later_same:
            continue
        successor = min(later_same)
        era = [s for _, s, _ in dated if s > start and s >= successor - timedelta(days=366)]
        changes.append((sub, min(era) - timedelta(days=1)))
    if not changes:
        return block
    copy = type(block).from_ical(block.to_ical())
    positions = {id(sub): n for n, sub in enumerate(block.subcomponents)}
    for sub, until in changes:
        twin = copy.subcomponents[positions[id(sub)]]
        twin["RRULE"]["UNTIL"] = [until.replace(tzinfo=UTC)]
    return copy


def _naive(prop: Any) -> datetime | None:
    try:
        value = prop.dt if prop is not None and not isinstance(prop, list) else None
    except Exception:  # a broken DTSTART: the observance is left as it is
        return None
    return value.replace(tzinfo=None) if isinstance(value, datetime) else None


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadInput(f"The event is in the year {year}; that cannot be an interview.")


# --- properties ---------------------------------------------------------------------------


def _value(prop: Any, name: str) -> date:
    if isinstance(prop, list):
        raise BadInput(f"The event has {len(prop)} {name} lines; it must have one.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = prop.dt
    except Exception as exc:  # icalendar raises its own error for a broken value
        raise BadInput(f"The event's {name} cannot be read: {_first_line(exc)}") from None
    if not isinstance(value, date):
        raise BadInput(f"The event's {name} is not a date or a time ({value!r}).")
    return value


def _is_date(prop: Any) -> bool:
    """VALUE=DATE: a day, even with a TZID on it (which icalendar turns into midnight)."""
    params = getattr(prop, "params", None) or {}
    return str(params.get("VALUE", "")).upper() == "DATE"


def _tzid(prop: Any) -> str | None:
    params = getattr(prop, "params", None) or {}
    tzid = params.get("TZID")
    if isinstance(tzid, list):
        tzid = tzid[0] if tzid else None
    return str(tzid).strip() if tzid and str(tzid).strip() else None


def _duration(prop: Any) -> timedelta:
    try:
        value = prop.dt
    except Exception:  # icalendar raises its own error for a broken value
        value = None
    if not isinstance(value, timedelta) or not timedelta(0) < value <= timedelta(hours=24):
        raise BadInput("The event's DURATION cannot be read, or is not that of an interview.")
    return value


def _sequence(prop: Any) -> int:
    try:
        return max(0, int(str(prop))) if prop is not None else 0
    except ValueError:
        return 0


def _party(prop: Any, organizer: bool = False) -> Party | None:
    if prop is None:
        return None
    params = getattr(prop, "params", None) or {}
    if str(params.get("CUTYPE", "")).upper() in SKIPPED_CUTYPES:
        return None
    address = clean_text(unquote(str(prop).strip().strip('"').strip()))
    if address.lower().startswith("mailto:"):
        address = address[7:].strip()
    if "@" not in address:
        address = clean_text(str(params.get("EMAIL", ""))).strip().strip('"')
    looks_right = re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", address)
    email_address = address.lower() if looks_right else None
    name = _one_line(str(params.get("CN", "")).strip().strip('"'), limit=200)
    if name and email_address and name.lower() == email_address:
        name = None
    if not name and not email_address:
        return None
    return Party(
        name=name,
        email=email_address,
        role=str(params["ROLE"]).upper() if params.get("ROLE") else None,
        partstat=str(params["PARTSTAT"]).upper() if params.get("PARTSTAT") else None,
        organizer=organizer,
    )


def _many(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            return None
    text = str(value).strip()
    return text or None


def _one_line(text: str | None, limit: int = 500) -> str | None:
    """One line of text from the file, its control characters and escapes removed."""
    if not text:
        return None
    flat = " ".join(clean_text(text).split())
    return flat[:limit] or None


def _names_a_service(place: str) -> bool:
    return bool(VIDEO_WORDS.search(place)) and len(place) <= 60


def _trim_url(url: str) -> str:
    return url.rstrip(".,;:)>]}")


def _synthetic_uid(event: Any) -> str:
    """A stable stand-in for a missing UID: the same file gives the same one."""
    digest = hashlib.sha256(event.to_ical()).hexdigest()[:32]
    return f"afterview-no-uid-{digest}"


def _first_line(error: object) -> str:
    text = clean_text(str(error), multiline=True).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:300]
