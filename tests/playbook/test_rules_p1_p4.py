"""P1 recruiter call, P2 ask before you leave, P3 contact details, P4 debrief."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

import pytest

from afterview.playbook.facts import ContactKind, Opportunity, PersonRole, Route
from afterview.playbook.settings import Settings

from .factories import (
    LON,
    LONDON,
    NEW_YORK,
    NY,
    ada,
    at,
    contact,
    debrief,
    find,
    interview,
    keys,
    manager,
    opportunity,
    person,
    plan,
    recruiter,
    timeline,
)

# --- P1: recruiter call -----------------------------------------------------------------------


def _recruited(**extra: Any) -> Opportunity:
    return opportunity(route=Route.RECRUITER, people=[ada(), recruiter()], **extra)


def test_p1_no_recruiter_call_on_a_direct_application() -> None:
    assert keys(plan(opportunity(route=Route.DIRECT)), "P1") == []


@pytest.mark.parametrize(
    ("on", "minutes", "expected", "why"),
    [
        # Ends 11:00 → within 2 h → 13:00.
        ("2026-03-03 10:00", 60, datetime(2026, 3, 3, 13, 0, tzinfo=LON), "11:00 end"),
        # Ends 16:30 → 18:30 would pass the end of the working day → 17:30.
        ("2026-03-03 15:30", 60, datetime(2026, 3, 3, 17, 30, tzinfo=LON), "16:30 end"),
        # Ends as the working day ends, or after it: the recruiter's day is over, so the
        # next working morning + 2 h, not overdue the moment it ends (issue: 18:30 end).
        ("2026-03-03 16:30", 60, datetime(2026, 3, 4, 11, 0, tzinfo=LON), "ended at 17:30"),
        ("2026-03-03 17:30", 60, datetime(2026, 3, 4, 11, 0, tzinfo=LON), "ended at 18:30"),
        ("2026-03-06 17:30", 60, datetime(2026, 3, 9, 11, 0, tzinfo=LON), "ended at 18:30"),
        ("2026-03-07 10:00", 60, datetime(2026, 3, 9, 11, 0, tzinfo=LON), "ended at 11:00"),
    ],
)
def test_p1_call_within_two_hours_capped_at_end_of_working_day(
    on: str, minutes: int, expected: datetime, why: str
) -> None:
    """P1: within 2 h of the end, never later than the end of that working day."""
    opp = _recruited(interviews=[interview(on=on, minutes=minutes)])
    call = find(plan(opp), "P1:recruiter-call:interview=1")
    assert call.due == expected
    assert call.rule == "P1"
    assert "recruiter route" in call.why
    assert "within 2 h" in call.why
    assert why in call.why
    assert call.why.endswith("(P1)")
    assert call.person_id == 9
    assert call.logs is ContactKind.RECRUITER_CALL
    assert "Rita Recruiter" in call.title


def test_p1_arranged_call_time_wins() -> None:
    """P1: if a call was already arranged, the action is due at that time."""
    iv = interview(on="2026-03-03 10:00", recruiter_call="2026-03-03 16:15")
    call = find(plan(_recruited(interviews=[iv])), "P1:recruiter-call:interview=1")
    assert call.due == datetime(2026, 3, 3, 16, 15, tzinfo=LON)
    assert "call arranged for Tue 03 Mar 16:15" in call.why


def test_p1_within_hours_and_end_of_day_are_settings() -> None:
    settings = Settings(recruiter_call_within_hours=0.5, working_day_end=time(18, 0))
    opp = _recruited(interviews=[interview(on="2026-03-03 16:00", tz=NEW_YORK, minutes=90)])
    call = find(plan(opp, settings), "P1:recruiter-call:interview=1")
    assert call.due == datetime(2026, 3, 3, 18, 0, tzinfo=NY)
    assert "within 0.5 h of the 17:30 end" in call.why


def test_p1_one_call_per_interview_with_the_script() -> None:
    opp = _recruited(
        interviews=[interview(1, on="2026-03-03 10:00"), interview(2, on="2026-03-10 14:00")]
    )
    actions = plan(opp)
    assert keys(actions, "P1") == [
        "P1:recruiter-call:interview=1",
        "P1:recruiter-call:interview=2",
    ]
    guidance = find(actions, "P1:recruiter-call:interview=2").guidance
    assert "Thank Rita Recruiter" in guidance
    assert "Ada Lovelace" in guidance
    assert "hiring timeline" in guidance


@pytest.mark.parametrize(
    ("kind", "when", "satisfied"),
    [
        (ContactKind.RECRUITER_CALL, at("2026-03-03 12:10"), True),
        (ContactKind.RECRUITER_CALL, at("2026-03-03 10:00"), True),  # at the start counts
        (ContactKind.RECRUITER_CALL, at("2026-03-02 16:00"), False),  # before the interview
        (ContactKind.FOLLOW_UP, at("2026-03-03 12:10"), False),  # another kind of contact
        (ContactKind.THANK_YOU, at("2026-03-03 12:10"), False),
    ],
)
def test_p1_satisfied_by_a_recruiter_call_after_the_start(
    kind: ContactKind, when: datetime, satisfied: bool
) -> None:
    opp = _recruited(contacts=[contact(when, kind, person_id=9)])
    call = find(plan(opp), "P1:recruiter-call:interview=1")
    assert call.satisfied_at == (when if satisfied else None)


# --- P2: ask before you leave -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "essential", "why"),
    [
        (Route.DIRECT, True, "direct application: the organisation is your only contact"),
        (Route.RECRUITER, False, "ask before you leave, so you know the timeline"),
    ],
)
def test_p2_checklist_due_an_hour_before_the_start(route: Route, essential: bool, why: str) -> None:
    """P2: shown before the start (60 min); essential when route = direct."""
    opp = opportunity(route=route, interviews=[interview(on="2026-03-03 14:00", tz=NEW_YORK)])
    action = find(plan(opp), "P2:ask-before-leaving:interview=1")
    assert action.due == datetime(2026, 3, 3, 13, 0, tzinfo=NY)
    assert action.tz == NEW_YORK
    assert action.title.endswith("(essential)") is essential
    assert why in action.why
    assert action.why.endswith("(P2)")
    assert "timeline for a decision" in action.guidance
    assert "Whom should I follow up with" in action.guidance


def test_p2_lead_time_is_a_setting() -> None:
    action = find(
        plan(opportunity(), Settings(checklist_lead_minutes=15)),
        "P2:ask-before-leaving:interview=1",
    )
    assert action.due == datetime(2026, 3, 3, 9, 45, tzinfo=LON)


@pytest.mark.parametrize(
    ("recorded", "satisfied"),
    [
        ("2026-03-03 10:55", True),  # during the interview
        ("2026-03-03 12:00", True),  # afterwards
        ("2026-03-02 09:00", False),  # a timeline from before this interview
    ],
)
def test_p2_satisfied_by_a_timeline_recorded_after_the_start(
    recorded: str, satisfied: bool
) -> None:
    told = at(recorded)
    opp = opportunity(timelines=[timeline(told, decision_by="2026-03-10")])
    action = find(plan(opp), "P2:ask-before-leaving:interview=1")
    assert action.satisfied_at == (told if satisfied else None)


# --- P3: contact details ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "asked"),
    [
        (PersonRole.INTERVIEWER, True),
        (PersonRole.HIRING_MANAGER, True),
        (PersonRole.RECRUITER, False),
        (PersonRole.RECEPTIONIST, False),
        (PersonRole.OTHER, False),
    ],
)
def test_p3_person_without_email_gets_an_action_at_the_interview_end(
    role: PersonRole, asked: bool
) -> None:
    """P3: any interviewer or hiring manager without an email → "get contact details"."""
    opp = opportunity(
        people=[person(5, role, name="Linus", email=None)],
        interviews=[interview(on="2026-03-03 10:00", minutes=45, interviewers=(5,))],
    )
    actions = plan(opp)
    if not asked:
        assert keys(actions, "P3") == []
        return
    action = find(actions, "P3:contact-details:person=5")
    assert action.due == datetime(2026, 3, 3, 10, 45, tzinfo=LON)
    assert action.person_id == 5
    assert action.interview_id == 1
    assert "Linus has no email address" in action.why
    assert action.why.endswith("(P3)")
    assert "receptionist" in action.guidance
    assert action.logs is ContactKind.REQUEST


def test_p3_no_action_when_the_email_is_known() -> None:
    opp = opportunity(people=[ada(), manager()], interviews=[interview(interviewers=(1, 2))])
    assert keys(plan(opp), "P3") == []


def test_p3_due_at_the_end_of_the_first_interview_the_person_attended() -> None:
    opp = opportunity(
        people=[ada(email=None), manager(email=None)],
        interviews=[
            interview(1, on="2026-03-03 10:00", interviewers=(1,)),
            interview(2, on="2026-03-10 15:00", minutes=30, interviewers=(1, 2)),
        ],
    )
    actions = plan(opp)
    assert find(actions, "P3:contact-details:person=1").due == datetime(
        2026, 3, 3, 11, 0, tzinfo=LON
    )
    assert find(actions, "P3:contact-details:person=2").due == datetime(
        2026, 3, 10, 15, 30, tzinfo=LON
    )


def test_p3_nothing_before_any_interview_is_recorded() -> None:
    opp = opportunity(people=[ada(email=None)], interviews=[])
    assert plan(opp) == []


# --- P4: debrief ------------------------------------------------------------------------------


def test_p4_debrief_due_an_hour_after_the_end() -> None:
    """P4: as soon as the interview ends (+1 hour)."""
    opp = opportunity(interviews=[interview(on="2026-03-03 14:00", minutes=90, tz=LONDON)])
    action = find(plan(opp), "P4:debrief:interview=1")
    assert action.due == datetime(2026, 3, 3, 16, 30, tzinfo=LON)
    assert "within 1 h of the end" in action.why
    assert action.why.endswith("(P4)")
    assert action.satisfied_at is None


def test_p4_debrief_window_is_a_setting() -> None:
    action = find(
        plan(opportunity(), Settings(debrief_within_hours=0.25)), "P4:debrief:interview=1"
    )
    assert action.due == datetime(2026, 3, 3, 11, 15, tzinfo=LON)
    assert "within 0.25 h" in action.why


def test_p4_satisfied_by_a_debrief_of_that_interview() -> None:
    written = at("2026-03-03 12:40")
    opp = opportunity(
        interviews=[interview(1), interview(2, on="2026-03-10 10:00")],
        debriefs=[debrief(1, written)],
    )
    actions = plan(opp)
    assert find(actions, "P4:debrief:interview=1").satisfied_at == written
    assert find(actions, "P4:debrief:interview=2").satisfied_at is None


def test_cancelled_interviews_plan_nothing() -> None:
    """P1–P7: a cancelled interview has no after-interview steps."""
    opp = opportunity(
        route=Route.RECRUITER,
        people=[ada(), recruiter()],
        interviews=[interview(1, cancelled=True), interview(2, on="2026-03-10 10:00")],
    )
    assert [k for k in keys(plan(opp)) if "interview=1" in k] == []


@pytest.mark.parametrize(
    ("key", "expires"),
    [
        ("P1:recruiter-call:interview=1", "2026-03-10 13:00"),  # due 13:00 + 7 days
        ("P3:contact-details:person=1", "2026-03-10 11:00"),  # end + 7 days
        ("P4:debrief:interview=1", "2026-03-10 11:00"),  # end + 7 days: no longer fresh
        ("P5:thank-you:interview=1:person=1", "2026-03-10 17:30"),  # same-day due + 7 days
    ],
)
def test_p1_p3_p4_go_stale_after_a_week(key: str, expires: str) -> None:
    """stale_after_days: an undone call, request, debrief or thank-you leaves the agenda."""
    opp = opportunity(route=Route.RECRUITER, people=[ada(email=None), recruiter()])
    assert find(plan(opp), key).expires == at(expires)


def test_p3_with_nobody_recorded_ask_for_the_names_of_everyone_met() -> None:
    """P3: "ask the receptionist on the way out for the names and email addresses of
    everyone met" — a step of its own when no interviewer is recorded (issue: none was)."""
    nobody = opportunity(interviews=[interview(interviewers=())])
    action = find(plan(nobody), "P3:names:interview=1")
    assert action.due == at("2026-03-03 11:00")  # the interview's end: before you leave
    assert "names and email addresses of everyone you met" in action.guidance
    assert action.logs is ContactKind.REQUEST
    assert action.expires == at("2026-03-10 11:00")  # moot after a week, like the rest of P3
    assert "P3:names:interview=1" not in keys(plan(opportunity()), "P3")


def test_p2_checklist_asks_to_collect_business_cards() -> None:
    """P2/P3: the before-you-leave list includes the cards (issue: it did not)."""
    action = find(plan(opportunity()), "P2:ask-before-leaving:interview=1")
    assert "collect a business card from everyone you meet" in action.guidance
