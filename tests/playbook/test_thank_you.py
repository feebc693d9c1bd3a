"""P5 — the thank-you email: same day after a morning interview, else next working morning."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from afterview.playbook.facts import ContactKind, PersonRole
from afterview.playbook.settings import Settings

from .factories import (
    LON,
    LONDON,
    NEW_YORK,
    NY,
    ada,
    at,
    find,
    interview,
    keys,
    manager,
    opportunity,
    person,
    plan,
    thank_you,
)

KEY = "P5:thank-you:interview=1:person=1"


@pytest.mark.parametrize(
    ("on", "minutes", "expected", "why"),
    [
        pytest.param(
            "2026-03-03 10:00",
            60,
            datetime(2026, 3, 3, 17, 30, tzinfo=LON),
            "morning interview (10:00 start) → send the same day",
            id="morning-end-of-day",
        ),
        pytest.param(
            "2026-03-03 11:59",
            60,
            datetime(2026, 3, 3, 17, 30, tzinfo=LON),
            "morning interview (11:59 start)",
            id="one-minute-before-noon",
        ),
        pytest.param(
            "2026-03-03 11:00",
            360,
            datetime(2026, 3, 3, 18, 0, tzinfo=LON),
            "morning interview (11:00 start)",
            id="morning-ending-late-end-plus-1h",
        ),
        pytest.param(
            "2026-03-03 12:00",
            60,
            datetime(2026, 3, 4, 9, 0, tzinfo=LON),
            "afternoon interview (12:00 start) → next working morning",
            id="noon-is-afternoon",
        ),
        pytest.param(
            "2026-03-03 15:00",
            60,
            datetime(2026, 3, 4, 9, 0, tzinfo=LON),
            "afternoon interview (15:00 start)",
            id="tuesday-afternoon",
        ),
        pytest.param(
            "2026-03-06 14:00",
            60,
            datetime(2026, 3, 9, 9, 0, tzinfo=LON),
            "Friday-afternoon interview → next working morning, Monday",
            id="friday-afternoon",
        ),
        pytest.param(
            "2026-03-06 09:00",
            60,
            datetime(2026, 3, 6, 17, 30, tzinfo=LON),
            "morning interview (09:00 start)",
            id="friday-morning-same-day",
        ),
    ],
)
def test_p5_due_time_by_start_time(on: str, minutes: int, expected: datetime, why: str) -> None:
    """P5: start before 12:00 → same day, due by the end of the working day; at or after
    12:00 → lands on the next working morning (`expected`), due by the end of that
    morning: "next morning" is not late from 09:01 (issue: due is a window's end)."""
    action = find(plan(opportunity(interviews=[interview(on=on, minutes=minutes)])), KEY)
    assert action.send_at is not None
    if "afternoon" in why:
        assert action.send_at == expected
        assert action.due == expected.replace(hour=12)
    else:
        assert action.due == expected
        start = datetime.fromisoformat(on).replace(tzinfo=LON)
        ended = start + timedelta(minutes=minutes)
        debriefed = ended + timedelta(hours=1)  # lands after the debrief, in working hours
        next_morning = (start + timedelta(days=1)).replace(hour=9, minute=0)
        day_end = start.replace(hour=17, minute=30)
        assert action.send_at == (debriefed if debriefed <= day_end else next_morning)
    assert why in action.why
    assert action.why.endswith("(P5)")
    assert action.tz == LONDON


def test_p5_morning_is_judged_in_the_interview_zone() -> None:
    """P5: 11:00 in New York is 16:00 in London, still a morning interview."""
    opp = opportunity(interviews=[interview(on="2026-03-03 11:00", tz=NEW_YORK)])
    action = find(plan(opp), KEY)
    assert action.due == datetime(2026, 3, 3, 17, 30, tzinfo=NY)
    assert "morning interview (11:00 start)" in action.why


def test_p5_morning_cutoff_is_a_setting() -> None:
    settings = Settings(morning_cutoff=time(13, 0))
    opp = opportunity(interviews=[interview(on="2026-03-03 12:30")])
    assert find(plan(opp, settings), KEY).due == datetime(2026, 3, 3, 17, 30, tzinfo=LON)


def test_p5_holidays_setting_skips_a_listed_date() -> None:
    """P5: Thursday afternoon, Friday a listed holiday → Monday 09:00."""
    settings = Settings(holidays=(date(2026, 3, 6),))
    opp = opportunity(interviews=[interview(on="2026-03-05 14:00")])
    action = find(plan(opp, settings), KEY)
    assert action.send_at == datetime(2026, 3, 9, 9, 0, tzinfo=LON)
    assert "Thursday-afternoon interview → next working morning, Monday" in action.why


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        # Christmas Eve afternoon: 25 Dec (Fri) and 28 Dec (Boxing Day observed) are holidays.
        ("2026-12-24 14:00", datetime(2026, 12, 29, 9, 0, tzinfo=LON)),
        ("2026-12-23 14:00", datetime(2026, 12, 24, 9, 0, tzinfo=LON)),
    ],
)
def test_p5_public_holidays_of_the_configured_country_are_skipped(
    on: str, expected: datetime
) -> None:
    """P5 + timing: holiday_country=GB uses the `holidays` package."""
    settings = Settings(holiday_country="GB")
    action = find(plan(opportunity(interviews=[interview(on=on)]), settings), KEY)
    assert action.send_at == expected


def test_p5_custom_working_days() -> None:
    """P5: with a Sunday–Thursday week, a Thursday-afternoon interview is thanked on Sunday."""
    settings = Settings(working_days=("sun", "mon", "tue", "wed", "thu"))
    action = find(plan(opportunity(interviews=[interview(on="2026-03-05 15:00")]), settings), KEY)
    assert action.send_at == datetime(2026, 3, 8, 9, 0, tzinfo=LON)
    assert "Sunday" in action.why


def test_p5_one_action_per_interviewer() -> None:
    """P5: one email per interviewer (the default, thank_you_to = each)."""
    opp = opportunity(
        people=[ada(), manager(), person(3, PersonRole.INTERVIEWER, name="Alan Turing")],
        interviews=[interview(interviewers=(1, 2, 3))],
    )
    actions = plan(opp)
    assert keys(actions, "P5") == [
        "P5:thank-you:interview=1:person=1",
        "P5:thank-you:interview=1:person=2",
        "P5:thank-you:interview=1:person=3",
    ]
    third = find(actions, "P5:thank-you:interview=1:person=3")
    assert third.person_id == 3
    assert third.title == "Send Alan Turing a thank-you email"
    assert third.logs is ContactKind.THANK_YOU
    assert "three parts" in third.guidance
    assert "150 words" in third.guidance
    assert "Acme" in third.guidance


def test_p5_only_the_hiring_manager_when_chosen() -> None:
    opp = opportunity(people=[ada(), manager()], interviews=[interview(interviewers=(1, 2))])
    actions = plan(opp, Settings(thank_you_to="hiring-manager"))
    assert keys(actions, "P5") == ["P5:thank-you:interview=1:person=2"]


def test_p5_hiring_manager_not_met_still_gets_the_email_when_chosen() -> None:
    """P5: "one to the hiring manager" — the manager of the opportunity, even if absent."""
    opp = opportunity(people=[ada(), manager()], interviews=[interview(interviewers=(1,))])
    actions = plan(opp, Settings(thank_you_to="hiring-manager"))
    assert keys(actions, "P5") == ["P5:thank-you:interview=1:person=2"]


def test_p5_hiring_manager_mode_without_a_manager_thanks_each_interviewer() -> None:
    opp = opportunity(people=[ada(), person(3)], interviews=[interview(interviewers=(1, 3))])
    actions = plan(opp, Settings(thank_you_to="hiring-manager"))
    assert keys(actions, "P5") == [
        "P5:thank-you:interview=1:person=1",
        "P5:thank-you:interview=1:person=3",
    ]


def test_p5_without_known_interviewers_one_unaddressed_action() -> None:
    opp = opportunity(people=[], interviews=[interview(interviewers=())])
    action = find(plan(opp), "P5:thank-you:interview=1")
    assert action.person_id is None
    assert "Add the interviewers" in action.guidance


def test_p5_satisfied_per_person() -> None:
    """P5: a thank-you to Ada completes Ada's action only."""
    sent = at("2026-03-03 15:10")
    opp = opportunity(
        people=[ada(), manager()],
        interviews=[interview(interviewers=(1, 2))],
        contacts=[thank_you(sent, person_id=1)],
    )
    actions = plan(opp)
    assert find(actions, "P5:thank-you:interview=1:person=1").satisfied_at == sent
    assert find(actions, "P5:thank-you:interview=1:person=2").satisfied_at is None


def test_p5_a_thank_you_logged_without_a_person_counts_for_everyone() -> None:
    sent = at("2026-03-03 15:10")
    opp = opportunity(
        people=[ada(), manager()],
        interviews=[interview(interviewers=(1, 2))],
        contacts=[thank_you(sent, person_id=None)],
    )
    actions = plan(opp)
    assert [a.satisfied_at for a in actions if a.rule == "P5"] == [sent, sent]


def test_p5_each_round_is_thanked_separately() -> None:
    """P5: a thank-you for round 1 does not complete round 2's."""
    first_thanks = at("2026-03-03 15:00")
    second_thanks = at("2026-03-11 09:30")
    opp = opportunity(
        interviews=[interview(1), interview(2, on="2026-03-10 14:00")],
        contacts=[thank_you(first_thanks), thank_you(second_thanks)],
    )
    actions = plan(opp)
    assert find(actions, "P5:thank-you:interview=1:person=1").satisfied_at == first_thanks
    second = find(actions, "P5:thank-you:interview=2:person=1")
    assert second.satisfied_at == second_thanks
    assert second.send_at == datetime(2026, 3, 11, 9, 0, tzinfo=LON)
