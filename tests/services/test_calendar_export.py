"""The plan as iCalendar (services/calendar_export.py), read back with `icalendar`."""

from __future__ import annotations

from datetime import timedelta

from icalendar import Calendar

from afterview.agenda_query import AgendaQuery
from afterview.services import decisions
from afterview.services.agenda import agenda
from afterview.services.app import App
from afterview.services.calendar_export import export_ics, plan_to_ics

from .helpers import at, newcomer


def test_one_event_with_an_alarm_per_open_action(app: App) -> None:
    newcomer(app)
    decisions.skip(app, "P1:recruiter-call:interview=1", reason="no need", now=at(10, 8))
    decisions.snooze(app, "P4:debrief:interview=1", until=at(10, 18), now=at(10, 8))
    open_items = agenda(app, AgendaQuery(at(10, 8), everything_ahead=True))

    calendar = Calendar.from_ical(export_ics(app, at(10, 8)))
    events = list(calendar.walk("VEVENT"))
    assert sorted(str(e["uid"]) for e in events) == sorted(
        f"{item['key']}@afterview" for item in open_items
    )
    assert "P1:recruiter-call:interview=1@afterview" not in {str(e["uid"]) for e in events}
    for event in events:
        alarms = event.walk("VALARM")
        assert len(alarms) == 1 and str(alarms[0]["action"]) == "DISPLAY"
        assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=15)
    by_uid = {str(e["uid"]): e for e in events}
    debrief = by_uid["P4:debrief:interview=1@afterview"]
    assert debrief.decoded("dtstart") == at(10, 18)  # the snooze moves the event
    assert str(debrief.decoded("dtstart").tzinfo) == "Europe/London"
    assert "Key: P4:debrief:interview=1" in str(debrief["description"])
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_an_empty_plan_is_still_a_valid_calendar() -> None:
    calendar = Calendar.from_ical(plan_to_ics([], at(10, 8)))
    assert calendar.walk("VEVENT") == [] and str(calendar["version"]) == "2.0"
