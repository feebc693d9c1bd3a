"""The plan as an iCalendar file: one event per open action, with an alarm."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from afterview.agenda_query import AgendaQuery
from afterview.services.agenda import agenda
from afterview.services.app import App

EVENT_LENGTH = timedelta(minutes=15)


def plan_to_ics(
    items: list[dict[str, Any]], now: datetime, refresh: timedelta | None = None
) -> bytes:
    """Render agenda items (open actions) as a calendar; pure apart from the library.

    `refresh`, for a subscribed feed, asks calendar apps to poll that often (RFC 7986
    REFRESH-INTERVAL, and X-PUBLISHED-TTL, which Outlook and Apple Calendar read).
    """
    from icalendar import Alarm, Calendar, Event, vDuration

    from afterview.playbook.timing import zone

    calendar = Calendar()
    calendar.add("prodid", "-//Afterview//plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Afterview plan")
    if refresh is not None:
        calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(refresh))
    starts: list[datetime] = []
    for item in items:
        start = datetime.fromisoformat(item["snoozed_until"] or item["due"]).astimezone(
            zone(item["tz"])
        )
        starts.append(start)
        event = Event()
        event.add("uid", f"{item['key']}@afterview")
        event.add("dtstamp", now)
        event.add("dtstart", start)
        event.add("dtend", start + EVENT_LENGTH)
        company = item["company"] or ""
        summary = item["title"] + (f" · {company}" if company not in item["title"] else "")
        event.add("summary", summary)
        event.add("description", f"{item['why']}\n\n{item['guidance']}\n\nKey: {item['key']}")
        event.add("categories", [item["rule"]])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", timedelta(minutes=0))
        event.add_component(alarm)
        calendar.add_component(event)
    # Zone rules for the years the events fall in (an overdue step can be years old),
    # not 1970–2038, which would be a third of the file.
    first, last = _years_covered(starts, now)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return bytes(calendar.to_ical())


def _years_covered(starts: list[datetime], now: datetime) -> tuple[date, date]:
    """From January of the earliest event's year (or of `now`'s year less two) to three
    years past the latest event and `now`."""
    first_year = min([now.year - 2, *(s.year for s in starts)])
    last_year = max([now.year, *(s.year for s in starts)]) + 3
    return date(max(first_year, 1900), 1, 1), date(last_year, 1, 1)


def export_ics(app: App, now: datetime, refresh: timedelta | None = None) -> bytes:
    """Every open action from now on, plus those already overdue."""
    query = AgendaQuery(now, everything_ahead=True, with_guidance=True)
    return plan_to_ics(agenda(app, query), now, refresh)
