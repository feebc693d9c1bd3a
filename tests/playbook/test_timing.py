"""Timing (PLAYBOOK "Timing details"): local days, working days, holidays, DST, zones."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

import pytest

from afterview.playbook import timing
from afterview.playbook.facts import Opportunity, Route
from afterview.playbook.settings import Settings, SettingsError
from afterview.playbook.timing import WorkingCalendar, at_local, holiday_lookup

from .factories import (
    LA,
    LON,
    LONDON,
    LOS_ANGELES,
    NEW_YORK,
    NY,
    TOKYO,
    TYO,
    at,
    find,
    interview,
    opportunity,
    plan,
    recruiter,
    thank_you,
)

HOUR = timedelta(hours=1)


# --- at_local: wall clock → instant -----------------------------------------------------------


def test_at_local_ordinary_time_is_that_wall_clock_in_the_zone() -> None:
    moment = at_local(date(2026, 3, 3), clock(9, 0), TOKYO)
    assert moment == datetime(2026, 3, 3, 9, 0, tzinfo=TYO)
    assert moment.astimezone(UTC) == datetime(2026, 3, 3, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("tz", "day", "wall", "expected_utc", "expected_local"),
    [
        # London springs forward at 01:00 GMT on 29 March 2026: 01:30 does not exist.
        (LONDON, date(2026, 3, 29), clock(1, 30), datetime(2026, 3, 29, 1, 30), clock(2, 30)),
        # New York springs forward at 02:00 EST on 8 March 2026: 02:30 does not exist.
        (NEW_YORK, date(2026, 3, 8), clock(2, 30), datetime(2026, 3, 8, 7, 30), clock(3, 30)),
    ],
)
def test_at_local_nonexistent_time_moves_forward_by_the_gap(
    tz: str, day: date, wall: clock, expected_utc: datetime, expected_local: clock
) -> None:
    """Timing: a wall time skipped by spring-forward becomes the same time after the gap."""
    moment = at_local(day, wall, tz)
    assert moment.astimezone(UTC) == expected_utc.replace(tzinfo=UTC)
    local = moment.astimezone(ZoneInfo(tz))
    assert local.time() == expected_local
    assert local.utcoffset() == moment.utcoffset()  # the value is canonical, not 01:30+00:00


@pytest.mark.parametrize(
    ("tz", "day", "expected_utc", "offset"),
    [
        # London falls back at 02:00 BST on 25 October 2026: 01:30 happens twice.
        (LONDON, date(2026, 10, 25), datetime(2026, 10, 25, 0, 30, tzinfo=UTC), HOUR),
        # New York falls back at 02:00 EDT on 1 November 2026.
        (NEW_YORK, date(2026, 11, 1), datetime(2026, 11, 1, 5, 30, tzinfo=UTC), -4 * HOUR),
    ],
)
def test_at_local_ambiguous_time_takes_the_first_occurrence(
    tz: str, day: date, expected_utc: datetime, offset: timedelta
) -> None:
    moment = at_local(day, clock(1, 30), tz)
    assert moment.astimezone(UTC) == expected_utc
    assert moment.utcoffset() == offset
    assert moment.astimezone(ZoneInfo(tz)).time() == clock(1, 30)


def test_describe_local_shows_the_wall_clock_of_the_zone() -> None:
    moment = datetime(2026, 3, 10, 0, 30, tzinfo=UTC)
    assert timing.describe_local(moment, TOKYO) == "Tue 10 Mar 09:30"
    assert timing.describe_local(moment, LOS_ANGELES) == "Mon 09 Mar 17:30"


# --- the working calendar ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 3, 6), True),  # Friday
        (date(2026, 3, 7), False),  # Saturday
        (date(2026, 3, 8), False),  # Sunday
        (date(2026, 3, 9), True),  # Monday
    ],
)
def test_working_days_default_to_monday_to_friday(day: date, working: bool) -> None:
    assert WorkingCalendar(Settings()).is_working_day(day) is working


def test_working_days_setting_and_extra_holidays_are_honoured() -> None:
    settings = Settings(
        working_days=("sun", "mon", "tue", "wed", "thu"), holidays=(date(2026, 3, 9),)
    )
    calendar = WorkingCalendar(settings)
    assert calendar.is_working_day(date(2026, 3, 8))  # Sunday is a working day here
    assert not calendar.is_working_day(date(2026, 3, 6))  # Friday is not
    assert not calendar.is_working_day(date(2026, 3, 9))  # a listed holiday
    assert calendar.next_working_day(date(2026, 3, 5)) == date(2026, 3, 8)
    assert calendar.next_working_day(date(2026, 3, 8)) == date(2026, 3, 10)


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2026, 3, 2), 0, date(2026, 3, 2)),
        (date(2026, 3, 2), 2, date(2026, 3, 4)),  # Monday + 2 → Wednesday
        (date(2026, 3, 5), 2, date(2026, 3, 9)),  # Thursday + 2 → Monday
        (date(2026, 3, 7), 1, date(2026, 3, 9)),  # Saturday + 1 → Monday
    ],
)
def test_add_working_days(start: date, count: int, expected: date) -> None:
    assert WorkingCalendar(Settings()).add_working_days(start, count) == expected


def test_calendar_mornings_and_ends_of_day_are_local() -> None:
    calendar = WorkingCalendar(Settings(working_day_start=clock(8, 30)))
    assert calendar.morning_of(date(2026, 3, 3), NEW_YORK) == datetime(2026, 3, 3, 8, 30, tzinfo=NY)
    assert calendar.end_of(date(2026, 3, 3), TOKYO) == datetime(2026, 3, 3, 17, 30, tzinfo=TYO)
    friday_evening = at("2026-03-06 22:00", LONDON)
    assert calendar.next_working_morning(friday_evening, LONDON) == datetime(
        2026, 3, 9, 8, 30, tzinfo=LON
    )
    assert calendar.within_working_days(friday_evening, LONDON) == friday_evening
    saturday = at("2026-03-07 11:00", LONDON)
    assert calendar.within_working_days(saturday, LONDON) == datetime(2026, 3, 9, 8, 30, tzinfo=LON)
    assert calendar.on_or_after_working_morning(date(2026, 3, 6), LONDON) == datetime(
        2026, 3, 6, 8, 30, tzinfo=LON
    )
    assert calendar.on_or_after_working_morning(date(2026, 3, 7), LONDON) == datetime(
        2026, 3, 9, 8, 30, tzinfo=LON
    )
    assert calendar.working_morning_after_date(date(2026, 3, 6), LONDON) == datetime(
        2026, 3, 9, 8, 30, tzinfo=LON
    )


def test_next_working_morning_uses_the_local_date_not_the_utc_date() -> None:
    """Timing: 23:30 Monday in Los Angeles is already Tuesday in UTC."""
    moment = at("2026-03-02 23:30", LOS_ANGELES)
    assert moment.astimezone(UTC).date() == date(2026, 3, 3)
    calendar = WorkingCalendar(Settings())
    assert calendar.next_working_morning(moment, LOS_ANGELES) == datetime(
        2026, 3, 3, 9, 0, tzinfo=LA
    )


def test_a_calendar_without_any_working_day_fails_clearly() -> None:
    calendar = WorkingCalendar(Settings(working_days=("mon",)), lambda _day: True)
    with pytest.raises(ValueError, match="no working day within a year"):
        calendar.next_working_day(date(2026, 3, 3))


# --- public holidays (the `holidays` package) -------------------------------------------------


@pytest.mark.parametrize(
    ("country", "subdivision", "day", "holiday"),
    [
        ("GB", "", date(2026, 12, 25), True),  # Christmas Day (Friday)
        ("GB", "", date(2026, 12, 28), True),  # Boxing Day, observed on Monday
        ("GB", "", date(2026, 12, 29), False),
        ("GB", "", date(2026, 11, 30), False),
        ("GB", "SCT", date(2026, 11, 30), True),  # St Andrew's Day in Scotland only
        ("US", "NY", date(2026, 11, 26), True),  # Thanksgiving
    ],
)
def test_holiday_lookup_by_country_and_subdivision(
    country: str, subdivision: str, day: date, holiday: bool
) -> None:
    lookup = holiday_lookup(Settings(holiday_country=country, holiday_subdivision=subdivision))
    assert lookup is not None
    assert lookup(day) is holiday


def test_holiday_lookup_is_off_without_a_country() -> None:
    assert holiday_lookup(Settings()) is None


def test_unknown_holiday_country_is_a_settings_error() -> None:
    with pytest.raises(SettingsError, match="holiday_country 'XX'"):
        holiday_lookup(Settings(holiday_country="XX"))


# --- DST: the weekend after the interview changes the clocks ----------------------------------


@pytest.mark.parametrize(
    ("tz", "friday", "monday", "offset_before", "offset_after"),
    [
        pytest.param(LONDON, "2026-03-27", date(2026, 3, 30), 0 * HOUR, HOUR, id="london-spring"),
        pytest.param(LONDON, "2026-10-23", date(2026, 10, 26), HOUR, 0 * HOUR, id="london-autumn"),
        pytest.param(
            NEW_YORK, "2026-03-06", date(2026, 3, 9), -5 * HOUR, -4 * HOUR, id="ny-spring"
        ),
        pytest.param(
            NEW_YORK, "2026-10-30", date(2026, 11, 2), -4 * HOUR, -5 * HOUR, id="ny-autumn"
        ),
    ],
)
def test_p5_friday_afternoon_before_a_dst_change_is_thanked_monday_0900_local(
    tz: str, friday: str, monday: date, offset_before: timedelta, offset_after: timedelta
) -> None:
    """P5 + timing: Monday 09:00 on the wall clock, whatever the UTC offset became."""
    iv = interview(on=f"{friday} 14:00", tz=tz)
    assert iv.start.astimezone(ZoneInfo(tz)).utcoffset() == offset_before
    action = find(plan(opportunity(interviews=[iv])), "P5:thank-you:interview=1:person=1")
    expected = datetime(monday.year, monday.month, monday.day, 9, 0, tzinfo=ZoneInfo(tz))
    assert action.send_at == expected  # lands Monday 09:00; due by the end of the morning
    assert action.due == expected.replace(hour=12)
    assert action.send_at.astimezone(ZoneInfo(tz)).utcoffset() == offset_after
    assert (
        action.send_at.astimezone(UTC)
        == datetime(monday.year, monday.month, monday.day, 9, 0, tzinfo=UTC) - offset_after
    )
    assert "Friday-afternoon interview" in action.why
    assert "Monday" in action.why


@pytest.mark.parametrize(
    ("tz", "friday", "sunday"),
    [
        (LONDON, "2026-03-27", date(2026, 3, 29)),
        (LONDON, "2026-10-23", date(2026, 10, 25)),
        (NEW_YORK, "2026-03-06", date(2026, 3, 8)),
        (NEW_YORK, "2026-10-30", date(2026, 11, 1)),
    ],
)
def test_p7_days_after_across_a_dst_change_keep_the_local_wall_clock(
    tz: str, friday: str, sunday: date
) -> None:
    """P7 + timing: "2 days after" a 15:00–16:00 interview is 16:00 local, DST or not."""
    actions = plan(opportunity(interviews=[interview(on=f"{friday} 15:00", tz=tz)]))
    reflect = find(actions, "P7:reflect:interview=1")
    assert reflect.due == datetime(
        sunday.year, sunday.month, sunday.day, 16, 0, tzinfo=ZoneInfo(tz)
    )


def test_p8_seven_days_after_a_thank_you_across_spring_forward_keep_the_wall_clock() -> None:
    """P8 + timing: thanked Friday 17:00 GMT → follow up Friday 17:00 BST a week later."""
    opp = opportunity(
        interviews=[interview(on="2026-03-27 10:00")],
        contacts=[thank_you(at("2026-03-27 17:00"))],
    )
    pending = find(plan(opp), "P8:follow-up:opp=1:n=1")
    assert pending.send_at == datetime(2026, 4, 3, 17, 0, tzinfo=LON)


def test_the_same_instants_in_utc_or_local_time_plan_the_same() -> None:
    """Timing: the plan depends on instants and zones, not on how an instant is written."""
    iv = interview(on="2026-10-30 15:00", tz=NEW_YORK)  # the clocks change on Sunday
    sent = at("2026-11-02 09:30", NEW_YORK)
    in_utc = opportunity(interviews=[iv], contacts=[thank_you(sent)])
    local = replace(iv, start=iv.start.astimezone(NY), end=iv.end.astimezone(NY))
    in_local = opportunity(interviews=[local], contacts=[thank_you(sent.astimezone(TYO))])
    first, second = plan(in_utc), plan(in_local)
    assert [(a.key, a.due, a.why) for a in first] == [(a.key, a.due, a.why) for a in second]


# --- interviews in other zones; the machine's zone does not matter ----------------------------


@pytest.fixture
def machine_tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set the process time zone (TZ + time.tzset), restored afterwards."""

    def set_tz(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_tz
    monkeypatch.undo()
    time.tzset()


def _tokyo_and_la_opportunity() -> Opportunity:
    return opportunity(
        route=Route.RECRUITER,
        people=[recruiter(), *opportunity().people],
        interviews=[
            interview(1, on="2026-03-03 10:00", tz=TOKYO),  # Tuesday morning in Tokyo
            interview(2, on="2026-03-13 15:00", tz=LOS_ANGELES),  # Friday afternoon in LA
        ],
    )


@pytest.mark.parametrize(
    "machine", ["UTC", "Pacific/Auckland", "America/Los_Angeles", "Asia/Tokyo"]
)
def test_due_times_are_in_the_interview_zone_whatever_the_machine_zone(
    machine_tz: Callable[[str], None], machine: str
) -> None:
    """Timing: Tokyo and Los Angeles interviews are judged in their own zones."""
    machine_tz(machine)
    moment = datetime(2026, 3, 3, tzinfo=UTC)
    offset = ZoneInfo(machine).utcoffset(moment.replace(tzinfo=None))
    assert offset is not None
    assert time.localtime(moment.timestamp()).tm_gmtoff == offset.total_seconds()  # took effect
    actions = plan(_tokyo_and_la_opportunity())
    tokyo_thanks = find(actions, "P5:thank-you:interview=1:person=1")
    assert tokyo_thanks.due == datetime(2026, 3, 3, 17, 30, tzinfo=TYO)
    assert tokyo_thanks.tz == TOKYO
    la_thanks = find(actions, "P5:thank-you:interview=2:person=1")
    assert la_thanks.send_at == datetime(2026, 3, 16, 9, 0, tzinfo=LA)
    assert la_thanks.tz == LOS_ANGELES
    tokyo_call = find(actions, "P1:recruiter-call:interview=1")
    assert tokyo_call.due == datetime(2026, 3, 3, 13, 0, tzinfo=TYO)
    assert "11:00 end" in tokyo_call.why


def test_plan_is_identical_under_different_machine_zones(
    machine_tz: Callable[[str], None],
) -> None:
    machine_tz("UTC")
    reference = plan(_tokyo_and_la_opportunity())
    machine_tz("Pacific/Kiritimati")
    assert plan(_tokyo_and_la_opportunity()) == reference
