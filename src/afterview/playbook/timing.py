"""Local-time reasoning: working days, mornings, ends of day, across time zones and DST.

"Same day", "next morning" and "working day" are judged in the interview's own zone
(PLAYBOOK "Timing details"). Every function returns aware datetimes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

TYPE_CHECKING = False  # not typing's: `agenda --at` reads times without importing typing
if TYPE_CHECKING:  # typed only: nor the settings
    from collections.abc import Callable
    from typing import Any

    from afterview.playbook.settings import Settings

if TYPE_CHECKING:
    HolidayLookup = Callable[[date], bool]


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def at_local(day: date, clock: time, tz: str) -> datetime:
    """The instant a wall clock shows `clock` on `day` in `tz`.

    A wall time that does not exist (skipped by a spring-forward) moves forward by
    the gap; an ambiguous one (autumn fall-back) takes the first occurrence.
    """
    naive = datetime.combine(day, clock)
    local = naive.replace(tzinfo=zone(tz), fold=0)
    round_trip = local.astimezone(ZoneInfo("UTC")).astimezone(zone(tz))
    if round_trip.replace(tzinfo=None) != naive:  # in a gap
        return round_trip
    return local


def local(moment: datetime, tz: str) -> datetime:
    return moment.astimezone(zone(tz))


def add_days(moment: datetime, days: int, tz: str) -> datetime:
    """`days` calendar days after `moment`, at the same wall-clock time in `tz`.

    "N days after" is judged in the interview's zone: the result keeps the local time
    across a DST change and does not depend on the zone `moment` happens to be written
    in (the store hands out UTC), unlike `moment + timedelta(days=N)`.
    """
    wall = local(moment, tz)
    return at_local(wall.date() + timedelta(days=days), wall.time(), tz)


def elapsed(moment: datetime, delta: timedelta) -> datetime:
    """`moment` plus `delta` of real elapsed time, whatever zone `moment` is written in.

    Plain `+` on a datetime carrying a ZoneInfo adds wall-clock time, which is an hour
    off across a DST change; the same instant written in UTC would give another answer.
    """
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


class WorkingCalendar:
    """Working days and hours from the settings, with optional public holidays."""

    def __init__(self, settings: Settings, is_holiday: HolidayLookup | None = None) -> None:
        self.settings = settings
        self._is_holiday = is_holiday or (lambda _day: False)
        self._extra = frozenset(settings.holidays)

    def is_working_day(self, day: date) -> bool:
        return (
            self.settings.is_working_weekday(day.weekday())
            and day not in self._extra
            and not self._is_holiday(day)
        )

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        candidate = day + timedelta(days=1)
        for _ in range(370):
            if self.is_working_day(candidate):
                return candidate
            candidate += timedelta(days=1)
        raise ValueError("no working day within a year; check working_days and holidays")

    def add_working_days(self, day: date, count: int) -> date:
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def morning_of(self, day: date, tz: str) -> datetime:
        return at_local(day, self.settings.working_day_start, tz)

    def end_of(self, day: date, tz: str) -> datetime:
        return at_local(day, self.settings.working_day_end, tz)

    def next_working_morning(self, moment: datetime, tz: str) -> datetime:
        """The start of the first working day after the local date of `moment`."""
        return self.morning_of(self.next_working_day(local(moment, tz).date()), tz)

    def working_morning_after_date(self, day: date, tz: str) -> datetime:
        """The working morning after a whole date has passed (e.g. a decision date)."""
        return self.morning_of(self.next_working_day(day), tz)

    def within_working_days(self, moment: datetime, tz: str) -> datetime:
        """`moment` if it falls on a working day, else the next working morning."""
        if self.is_working_day(local(moment, tz).date()):
            return moment
        return self.next_working_morning(moment, tz)

    def within_working_hours(self, moment: datetime, tz: str) -> datetime:
        """`moment` if it falls in working hours of a working day, else the next start of
        working hours: a message to a person at work never falls due at night (P8)."""
        wall = local(moment, tz)
        if self.is_working_day(wall.date()):
            if wall.time() < self.settings.working_day_start:
                return self.morning_of(wall.date(), tz)
            if wall.time() <= self.settings.working_day_end:
                return moment
        return self.next_working_morning(moment, tz)

    def on_or_after_working_morning(self, day: date, tz: str) -> datetime:
        """`day`'s working morning, or the next working day's if `day` is not one."""
        if self.is_working_day(day):
            return self.morning_of(day, tz)
        return self.morning_of(self.next_working_day(day), tz)


def holiday_lookup(settings: Settings, region: str | None = None) -> HolidayLookup | None:
    """Public holidays of the configured country, from the `holidays` package; `region`
    ("US", "GB-SCT") names another one, e.g. an organisation abroad's (P5, P8).

    Imported lazily: only planning pays for it, and only when a country is set.
    """
    country, subdivision = (
        split_region(region) if region else (settings.holiday_country, settings.holiday_subdivision)
    )
    if not country:
        return None
    calendar = holiday_calendar(country, subdivision)

    def is_holiday(day: date) -> bool:
        return day in calendar

    return is_holiday


@lru_cache(maxsize=8)
def holiday_calendar(country: str, subdivision: str) -> Any:
    """The `holidays` calendar of a country (and region), or SettingsError naming the fault."""
    import holidays as holidays_lib

    from afterview.playbook.settings import SettingsError

    try:
        return holidays_lib.country_holidays(country, subdiv=subdivision or None)
    except (KeyError, NotImplementedError) as exc:
        raise SettingsError(
            f"holiday_country {country!r} / holiday_subdivision {subdivision!r} is not known "
            f"to the holidays package ({exc}); use an ISO code such as GB, US or DE"
        ) from None


def split_region(region: str) -> tuple[str, str]:
    """ "GB-SCT" → ("GB", "SCT"); "US" → ("US", "")."""
    country, _, subdivision = region.strip().partition("-")
    return country.upper(), subdivision.upper()


def calendar_for(settings: Settings, region: str | None = None) -> WorkingCalendar:
    """The working calendar the settings describe, the country's public holidays included
    (`region`'s instead of the setting's when given)."""
    return WorkingCalendar(settings, holiday_lookup(settings, region))


# A person's night in their own zone: no step that asks something of a person falls due
# in it (docs/playbook.md, "Time zones").
NIGHT_FROM = time(20, 0)
NIGHT_UNTIL = time(7, 0)


def at_night(moment: datetime, tz: str) -> bool:
    clock = local(moment, tz).time()
    return clock >= NIGHT_FROM or clock < NIGHT_UNTIL


def out_of_night(
    moment: datetime, tz: str, settings: Settings, not_before: datetime | None = None
) -> datetime:
    """`moment` if it is daytime in `tz`; else the end of working hours of the evening
    before, when that is not earlier than `not_before` (write the email, queue it, and
    it lands at `moment`); else the start of working hours of the morning after."""
    if not at_night(moment, tz):
        return moment
    wall = local(moment, tz)
    evening_day = wall.date() if wall.time() >= NIGHT_FROM else wall.date() - timedelta(days=1)
    evening = at_local(evening_day, min(settings.working_day_end, time(19, 30)), tz)
    if not_before is not None and evening >= not_before and evening <= moment:
        return evening
    morning_day = wall.date() + timedelta(days=1) if wall.time() >= NIGHT_FROM else wall.date()
    return at_local(morning_day, max(settings.working_day_start, NIGHT_UNTIL), tz)


def describe_local(moment: datetime, tz: str) -> str:
    """A short human form such as 'Tue 10 Mar 09:00'."""
    value = local(moment, tz)
    return value.strftime("%a %d %b %H:%M")


def later(*moments: datetime | None) -> datetime:
    return max(m for m in moments if m is not None)


def earlier(*moments: datetime | None) -> datetime:
    return min(m for m in moments if m is not None)
