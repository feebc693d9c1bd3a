"""Interviews across time zones (PLAYBOOK "Timing details"; docs/playbook.md, "Time zones").

The candidate's own steps are judged in the candidate's zone and calendar; a message
to the organisation lands in its working hours, by its public holidays (P5, P8); no
step falls due in the candidate's night, except those bound to the interview itself.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from afterview.playbook.facts import InterviewFormat, PlanContext, Route
from afterview.playbook.plan import TIED_TO_THE_INTERVIEW, plan_opportunity
from afterview.playbook.settings import Settings
from afterview.playbook.timing import calendar_for, local

from .factories import LON, LONDON, NEW_YORK, NY, ada, find, interview, opportunity, recruiter

THANKS = "P5:thank-you:interview=1:person=1"
SYDNEY = "Australia/Sydney"
SYD = ZoneInfo(SYDNEY)
HOME_LONDON = PlanContext(default_tz=LONDON, home_tz=LONDON)


def _plan(opp, settings=None, context=HOME_LONDON):  # type: ignore[no-untyped-def]
    return plan_opportunity(opp, settings or Settings(), context)


# --- whose zone: the video interview, New York interviewer, London candidate ----------


@pytest.mark.parametrize(
    ("on", "tz", "org_tz"),
    [
        pytest.param("2026-03-03 13:00", NEW_YORK, None, id="typed-in-new-york"),
        pytest.param("2026-03-03 18:00", LONDON, NEW_YORK, id="typed-in-london-org-zone-set"),
    ],
)
def test_p5_video_interview_lands_in_the_interviewers_morning_whichever_zone_was_typed(
    on: str, tz: str, org_tz: str | None
) -> None:
    """13:00 in New York is an afternoon there: the thank-you lands at 09:00 New York
    the next working morning (14:00 London), due by 12:00 New York (17:00 London); both
    ways of typing the interview give the same plan."""
    iv = interview(on=on, tz=tz, format=InterviewFormat.VIDEO)
    action = find(_plan(opportunity(interviews=[iv], org_tz=org_tz)), THANKS)
    assert action.send_at == datetime(2026, 3, 4, 9, 0, tzinfo=NY)
    assert action.due == datetime(2026, 3, 4, 12, 0, tzinfo=NY)
    assert action.tz == LONDON  # shown in the candidate's zone…
    assert action.other_tz == NEW_YORK  # …with the interviewer's beside it
    assert "afternoon interview (13:00 start)" in action.why


def test_p5_before_the_fix_a_new_york_morning_is_not_a_london_night() -> None:
    """The issue's case: typed in New York, the thank-you was due 17:30 New York, 22:30
    for the candidate. Now it is due at 17:30 New York only if that is the candidate's
    day; here it is their night, so it is due the evening before it would be late."""
    iv = interview(on="2026-03-03 10:00", tz=NEW_YORK, format=InterviewFormat.VIDEO)
    action = find(_plan(opportunity(interviews=[iv])), THANKS)
    # morning in New York → lands after the debrief (12:00 New York = 17:00 London) …
    assert action.send_at == datetime(2026, 3, 3, 12, 0, tzinfo=NY)
    # … due by 17:30 New York = 22:30 London, the candidate's night: 17:30 London instead
    assert action.due == datetime(2026, 3, 3, 17, 30, tzinfo=LON)
    assert local(action.due, LONDON).time() == time(17, 30)


def test_p5_onsite_abroad_the_candidate_is_where_the_interview_is() -> None:
    """On site in New York, the candidate is in New York that day: no London clock."""
    iv = interview(on="2026-03-03 13:00", tz=NEW_YORK, format=InterviewFormat.ONSITE)
    action = find(_plan(opportunity(interviews=[iv])), THANKS)
    assert action.tz == NEW_YORK
    assert action.other_tz is None
    assert action.due == datetime(2026, 3, 4, 12, 0, tzinfo=NY)


def test_p1_recruiter_call_is_in_the_candidates_day() -> None:
    """P1: a New York interview ending 14:00 there ends 19:00 in London, after the
    candidate's (and their London recruiter's) working day: the call is due within 2 h
    of the next London working morning, not at 16:00 New York = 21:00 London."""
    iv = interview(on="2026-03-03 13:00", tz=NEW_YORK, format=InterviewFormat.VIDEO)
    opp = opportunity(route=Route.RECRUITER, people=[ada(), recruiter()], interviews=[iv])
    call = find(_plan(opp), "P1:recruiter-call:interview=1")
    assert call.tz == LONDON
    assert call.due == datetime(2026, 3, 4, 11, 0, tzinfo=LON)


# --- whose holidays ---------------------------------------------------------------------------


def test_p5_thanksgiving_is_a_holiday_for_a_new_york_interviewer() -> None:
    """Wednesday-afternoon interview before Thanksgiving (Thu 26 Nov 2026): with the
    organisation keeping US holidays, the thank-you lands on Friday, not on Thanksgiving,
    though the candidate's own setting is Scotland's."""
    iv = interview(on="2026-11-25 13:00", tz=NEW_YORK, format=InterviewFormat.VIDEO)
    settings = Settings(holiday_country="GB", holiday_subdivision="SCT")
    us = _plan(opportunity(interviews=[iv], holiday_country="US"), settings)
    assert find(us, THANKS).send_at == datetime(2026, 11, 27, 9, 0, tzinfo=NY)
    scottish = _plan(opportunity(interviews=[iv]), settings)  # the setting's calendar
    assert find(scottish, THANKS).send_at == datetime(2026, 11, 26, 9, 0, tzinfo=NY)


def test_p5_st_andrews_day_does_not_delay_a_new_york_thank_you() -> None:
    """Friday-afternoon interview, Monday 30 Nov 2026 is St Andrew's Day (a Scottish
    holiday): a New York organisation keeping US holidays is thanked on that Monday."""
    iv = interview(on="2026-11-27 14:00", tz=NEW_YORK, format=InterviewFormat.VIDEO)
    settings = Settings(holiday_country="GB", holiday_subdivision="SCT")
    with_us = _plan(opportunity(interviews=[iv], holiday_country="US"), settings)
    assert find(with_us, THANKS).send_at == datetime(2026, 11, 30, 9, 0, tzinfo=NY)
    with_setting = _plan(opportunity(interviews=[iv]), settings)
    assert find(with_setting, THANKS).send_at == datetime(2026, 12, 1, 9, 0, tzinfo=NY)


def test_p8_follow_up_lands_in_the_organisations_working_hours_by_its_holidays() -> None:
    """P8: decision due Wed 25 Nov 2026 → the working day after it passes in New York is
    Friday (Thanksgiving between); London's calendar would have said Thursday."""
    from afterview.playbook.facts import Timeline

    iv = interview(on="2026-11-16 10:00", tz=NEW_YORK, format=InterviewFormat.VIDEO)
    timeline = Timeline(recorded_at=iv.end, decision_by=date(2026, 11, 25))
    opp = opportunity(interviews=[iv], timelines=[timeline], holiday_country="US")
    follow = find(_plan(opp), "P8:follow-up:opp=1:n=1")
    assert follow.send_at == datetime(2026, 11, 27, 9, 0, tzinfo=NY)
    assert follow.other_tz == NEW_YORK and follow.tz == LONDON
    # due by the end of that day in New York (22:30 London, the candidate's night), so
    # by 17:30 London: queued, it lands from 09:00 New York
    assert follow.due == datetime(2026, 11, 27, 17, 30, tzinfo=LON)


# --- the candidate far away: Sydney and London ------------------------------------------------


def test_p5_a_sydney_candidate_queues_the_evening_before_it_lands_in_london() -> None:
    """London afternoon interview (14:00 London = 01:00 Sydney, a night interview for
    the candidate). The thank-you lands 09:00 London = 20:00 Sydney, due by 12:00 London
    = 23:00 Sydney: the candidate's night, so due at 17:30 Sydney the evening before."""
    context = PlanContext(default_tz=SYDNEY, home_tz=SYDNEY)
    iv = interview(on="2026-03-03 14:00", tz=LONDON, format=InterviewFormat.VIDEO)
    action = find(_plan(opportunity(interviews=[iv]), context=context), THANKS)
    assert action.send_at == datetime(2026, 3, 4, 9, 0, tzinfo=LON)
    assert action.due == datetime(2026, 3, 4, 17, 30, tzinfo=SYD)
    assert action.due <= action.send_at  # write it, queue it, it lands in their morning


# --- the property: nobody is asked to act at night ---------------------------------------------

ZONES = (LONDON, NEW_YORK, "America/Los_Angeles", "Asia/Tokyo", SYDNEY, "Asia/Kolkata")
HOLIDAYS = (None, "US", "GB", "GB-SCT", "JP", "AU", "IN")


def _night(moment: datetime, tz: str) -> bool:
    clock = local(moment, tz).time()
    return clock >= time(20, 0) or clock < time(7, 0)


@hypothesis_settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    home=st.sampled_from(ZONES),
    typed=st.sampled_from(ZONES),
    org=st.one_of(st.none(), st.sampled_from(ZONES)),
    holidays=st.sampled_from(HOLIDAYS),
    fmt=st.sampled_from(list(InterviewFormat)),
    route=st.sampled_from(list(Route)),
    day_offset=st.integers(min_value=0, max_value=364),
    minute=st.integers(min_value=0, max_value=24 * 60 - 1),
    length=st.sampled_from((30, 60, 90, 240)),
)
def test_no_step_for_a_person_falls_due_at_night_in_their_zone(
    home: str,
    typed: str,
    org: str | None,
    holidays: str | None,
    fmt: InterviewFormat,
    route: Route,
    day_offset: int,
    minute: int,
    length: int,
) -> None:
    """No planned step is due between 20:00 and 07:00 in the candidate's zone (steps
    bound to the interview's own moment excepted: P2, P3, P4, P10), and every message
    lands in working hours on a working day of the recipient's zone and calendar."""
    on = datetime(2026, 1, 1) + timedelta(days=day_offset, minutes=minute)
    iv = interview(on=on.strftime("%Y-%m-%d %H:%M"), tz=typed, minutes=length, format=fmt)
    people = [ada(), recruiter()] if route is Route.RECRUITER else [ada()]
    opp = opportunity(
        route=route, people=people, interviews=[iv], org_tz=org, holiday_country=holidays
    )
    settings = Settings()
    actions = plan_opportunity(opp, settings, PlanContext(default_tz=home, home_tz=home))
    for action in actions:
        if action.key.startswith(TIED_TO_THE_INTERVIEW) or action.satisfied_at is not None:
            continue
        assert not _night(action.due, action.tz), (action.key, local(action.due, action.tz))
        if action.send_at is None:
            continue
        where = action.other_tz or action.tz
        # P5 goes to the interviewers (the organisation's calendar); P8 to the recruiter on
        # that route (the candidate's calendar), else to the organisation.
        to_org = action.rule == "P5" or route is Route.DIRECT
        calendar = calendar_for(settings, holidays if to_org else None)
        wall = local(action.send_at, where)
        assert settings.working_day_start <= wall.time() <= settings.working_day_end, (
            action.key,
            wall,
        )
        assert calendar.is_working_day(wall.date()), (action.key, wall)
