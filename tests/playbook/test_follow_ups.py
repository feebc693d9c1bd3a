"""P8 — paced follow-ups (rules/follow_ups.py) and the weekly guard (pacing.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from afterview.playbook import pacing
from afterview.playbook.facts import (
    Channel,
    ContactKind,
    Opportunity,
    Outcome,
    PlanContext,
    Route,
)
from afterview.playbook.settings import Settings

from .factories import (
    LON,
    ada,
    at,
    contact,
    find,
    follow_up,
    interview,
    keys,
    manager,
    opportunity,
    outcome,
    pending_follow_up,
    plan,
    recruiter,
    reply,
    thank_you,
    timeline,
)

TOLD = at("2026-03-03 10:55")  # the timeline, asked before leaving (P2)


def _opp(**extra: Any) -> Opportunity:
    """Tuesday 3 March 2026 10:00–11:00 in London; Ada interviews, Grace manages."""
    values: dict[str, Any] = {"people": [ada(), manager()], "interviews": [interview()]}
    values.update(extra)
    return opportunity(**values)


def _pending(opp: Opportunity, settings: Settings | None = None) -> Any:
    action = pending_follow_up(plan(opp, settings))
    assert action is not None, keys(plan(opp, settings), "P8")
    return action


# --- the first follow-up ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("decision_by", "expected", "why"),
    [
        pytest.param(
            "2026-03-10",
            datetime(2026, 3, 11, 9, 0, tzinfo=LON),
            "decision due by Tue 10 Mar → the working day after it passes",
            id="tuesday",
        ),
        pytest.param(
            "2026-03-13",
            datetime(2026, 3, 16, 9, 0, tzinfo=LON),
            "decision due by Fri 13 Mar",
            id="friday-to-monday",
        ),
        pytest.param(
            "2026-03-07",
            datetime(2026, 3, 9, 9, 0, tzinfo=LON),
            "decision due by Sat 07 Mar",
            id="saturday-to-monday",
        ),
    ],
)
def test_p8_decision_date_gives_the_working_morning_after_it_passes(
    decision_by: str, expected: datetime, why: str
) -> None:
    """P8: if a decision date was given → due the working day after it passes: it may
    land from that working morning and is due by the end of that working day (a window,
    not its first minute, issue 15)."""
    opp = _opp(timelines=[timeline(TOLD, decision_by=decision_by)])
    action = _pending(opp)
    assert action.key == "P8:follow-up:opp=1:n=1"
    assert action.send_at == expected
    assert action.due == expected.replace(hour=17, minute=30)
    assert why in action.why
    assert action.why.endswith("(P8)")
    assert action.logs is ContactKind.FOLLOW_UP
    assert "still very interested" in action.guidance


def test_p8_decision_date_before_a_holiday_skips_it() -> None:
    settings = Settings(holidays=(date(2026, 3, 11),))
    opp = _opp(timelines=[timeline(TOLD, decision_by="2026-03-10")])
    assert _pending(opp, settings).send_at == datetime(2026, 3, 12, 9, 0, tzinfo=LON)


@pytest.mark.parametrize(
    ("follow_up_on", "expected"),
    [
        ("2026-03-12", datetime(2026, 3, 12, 9, 0, tzinfo=LON)),
        ("2026-03-14", datetime(2026, 3, 16, 9, 0, tzinfo=LON)),  # a Saturday → Monday
    ],
)
def test_p8_agreed_follow_up_date_wins_over_the_decision_date(
    follow_up_on: str, expected: datetime
) -> None:
    opp = _opp(timelines=[timeline(TOLD, decision_by="2026-03-10", follow_up_on=follow_up_on)])
    action = _pending(opp)
    assert action.send_at == expected
    assert f"follow-up date agreed: {date.fromisoformat(follow_up_on):%a %d %b}" in action.why


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        ("2026-03-03 16:40", datetime(2026, 3, 10, 16, 40, tzinfo=LON)),
        ("2026-03-07 10:00", datetime(2026, 3, 16, 9, 0, tzinfo=LON)),  # +7 is a Saturday
    ],
)
def test_p8_without_a_date_seven_days_after_the_thank_you_was_sent(
    sent: str, expected: datetime
) -> None:
    """P8: if none was given → 7 days (setting) after the thank-you email was sent."""
    opp = _opp(contacts=[thank_you(at(sent))])
    action = _pending(opp)
    assert action.send_at == expected
    assert "no decision date given → 7 days after the thank-you of" in action.why


def test_p8_first_follow_up_days_is_a_setting() -> None:
    opp = _opp(contacts=[thank_you(at("2026-03-03 16:40"))])
    action = _pending(opp, Settings(first_follow_up_days=10))
    assert action.send_at == datetime(2026, 3, 13, 16, 40, tzinfo=LON)
    assert "10 days after the thank-you" in action.why


@pytest.mark.parametrize(
    ("on", "expected", "planned"),
    [
        # Morning interview: thank-you due Tue 17:30, so the follow-up a week after that.
        ("2026-03-03 10:00", datetime(2026, 3, 10, 17, 30, tzinfo=LON), "Tue 03 Mar 17:30"),
        # Friday afternoon: thank-you due by Monday 12:00 (the end of the morning it
        # lands in) → follow-up Monday week.
        ("2026-03-06 14:00", datetime(2026, 3, 16, 12, 0, tzinfo=LON), "Mon 09 Mar 12:00"),
    ],
)
def test_p8_thank_you_not_sent_yet_counts_from_its_planned_due(
    on: str, expected: datetime, planned: str
) -> None:
    action = _pending(_opp(interviews=[interview(on=on)]))
    assert action.send_at == expected
    assert f"(due {planned}, not sent yet)" in action.why


def test_p8_a_timeline_without_dates_falls_back_to_the_thank_you_and_names_whom_and_how() -> None:
    opp = _opp(
        timelines=[timeline(TOLD, follow_up_with=2, follow_up_how=Channel.PHONE)],
        contacts=[thank_you(at("2026-03-03 16:40"))],
    )
    action = _pending(opp)
    assert action.send_at == datetime(2026, 3, 10, 16, 40, tzinfo=LON)
    assert action.title == "Follow up with Grace Hopper (Acme) by call"
    assert action.person_id == 2
    assert "Call script" in action.guidance


@pytest.mark.parametrize(
    ("route", "people", "whom"),
    [
        (Route.RECRUITER, [ada(), manager(), recruiter()], 9),
        (Route.DIRECT, [ada(), manager(), recruiter()], 2),
        (Route.DIRECT, [ada()], 1),
        (Route.DIRECT, [], None),
    ],
)
def test_p8_default_contact_is_the_recruiter_then_the_manager_then_an_interviewer(
    route: Route, people: list[Any], whom: int | None
) -> None:
    opp = opportunity(route=route, people=people)
    action = _pending(opp)
    assert action.person_id == whom
    assert action.title.endswith("by email")


def test_p8_no_follow_up_without_an_interview() -> None:
    assert keys(plan(opportunity(interviews=[])), "P8") == []


def test_p8_follows_the_latest_round() -> None:
    opp = _opp(
        interviews=[interview(1), interview(2, on="2026-03-17 14:00")],
        timelines=[timeline(TOLD, decision_by="2026-03-10")],
        contacts=[thank_you(at("2026-03-03 16:00")), thank_you(at("2026-03-18 08:45"))],
        outcomes=[outcome(at("2026-03-09 12:00"), Outcome.NEXT_ROUND)],
    )
    action = _pending(opp)
    # Round 1's timeline does not speak for round 2: a week after round 2's thank-you.
    assert action.send_at == datetime(2026, 3, 25, 9, 0, tzinfo=LON)  # 08:45 + a week → 09:00
    assert action.tz == "Europe/London"


def test_p8_next_round_outcome_without_an_interview_yet_pauses_then_resumes() -> None:
    opp = _opp(
        timelines=[timeline(TOLD, decision_by="2026-03-10")],
        outcomes=[outcome(at("2026-03-09 12:00"), Outcome.NEXT_ROUND)],
    )
    # the news pauses the chase (no longer "the day after the old decision date")
    assert _pending(opp).send_at == datetime(2026, 3, 23, 12, 0, tzinfo=LON)


@pytest.mark.parametrize(
    "closing",
    [Outcome.OFFER, Outcome.REJECTED, Outcome.WITHDRAWN, Outcome.NO_RESPONSE, Outcome.DECLINED],
)
def test_p8_no_follow_up_once_the_organisation_has_answered(closing: Outcome) -> None:
    opp = _opp(
        timelines=[timeline(TOLD, decision_by="2026-03-10")],
        outcomes=[outcome(at("2026-03-09 12:00"), closing)],
    )
    assert pending_follow_up(plan(opp)) is None
    assert keys(plan(opp), "P8") == []


# --- the weekly guard -------------------------------------------------------------------------


def _recruiter_phoned_early(**extra: Any) -> Opportunity:
    """Manager to be emailed after Fri 6 Mar; but the recruiter was phoned for news Thu 5 Mar."""
    values: dict[str, Any] = {
        "route": Route.RECRUITER,
        "people": [ada(), manager(), recruiter()],
        "timelines": [
            timeline(TOLD, decision_by="2026-03-06", follow_up_with=2, follow_up_how=Channel.EMAIL)
        ],
        "contacts": [follow_up(at("2026-03-05 11:00"), Channel.PHONE, person_id=9)],
    }
    values.update(extra)
    return opportunity(**values)


def test_p8_guard_a_phone_follow_up_to_the_recruiter_blocks_email_to_the_manager() -> None:
    """P8: never two follow-ups within 7 days — any person, any channel, recruiter included."""
    opp = _recruiter_phoned_early()
    # Without the phone call, the email to Grace would be due Monday 9 March 09:00.
    alone = _pending(_recruiter_phoned_early(contacts=[]))
    assert alone.send_at == datetime(2026, 3, 9, 9, 0, tzinfo=LON)
    assert alone.title == "Follow up with Grace Hopper (Acme) by email"

    verdict = pacing.guard_verdict(opp.contacts, at("2026-03-08 11:00"), 7)
    assert verdict == pacing.GuardVerdict(
        False,
        next_allowed=datetime(2026, 3, 12, 11, 0, tzinfo=LON),
        conflicting=datetime(2026, 3, 5, 11, 0, tzinfo=LON),
    )
    actions = plan(opp)
    history = find(actions, "P8:follow-up:opp=1:n=1")
    assert history.satisfied_at == datetime(2026, 3, 5, 11, 0, tzinfo=LON)
    pending = find(actions, "P8:follow-up:opp=1:n=2")
    assert pending.send_at == datetime(2026, 3, 12, 11, 0, tzinfo=LON)
    assert pending.title == "Follow up with Grace Hopper (Acme) by email"
    assert pacing.guard_verdict(opp.contacts, pending.due, 7).allowed


def test_p8_guard_pushes_a_new_timeline_date_past_the_last_follow_up() -> None:
    """P8: a timeline after a follow-up restarts P8, but the weekly guard still holds."""
    opp = _recruiter_phoned_early(
        timelines=[
            timeline(TOLD, decision_by="2026-03-06"),
            timeline(at("2026-03-06 10:00"), decision_by="2026-03-09"),
        ]
    )
    pending = _pending(opp)
    assert pending.key == "P8:follow-up:opp=1:n=2"
    assert pending.send_at == datetime(2026, 3, 12, 11, 0, tzinfo=LON)
    assert "decision due by Mon 09 Mar" in pending.why
    assert "not before Thu 12 Mar 11:00 by the weekly guard" in pending.why


def test_p8_thank_you_and_recruiter_call_do_not_start_the_guard() -> None:
    """P8: a follow-up the day after the decision date is fine 3 days after the thank-you."""
    opp = opportunity(
        route=Route.RECRUITER,
        people=[ada(), recruiter()],
        interviews=[interview(on="2026-03-02 10:00")],
        contacts=[
            contact(at("2026-03-02 12:00"), ContactKind.RECRUITER_CALL, Channel.PHONE, 9),
            thank_you(at("2026-03-02 15:00")),
            contact(at("2026-03-03 09:00"), ContactKind.REQUEST, Channel.EMAIL, 1),
        ],
        timelines=[timeline(at("2026-03-02 12:10"), decision_by="2026-03-04")],
    )
    action = _pending(opp)
    assert action.send_at == datetime(2026, 3, 5, 9, 0, tzinfo=LON)
    assert "weekly guard" not in action.why
    assert pacing.guard_verdict(opp.contacts, action.due, 7).allowed


def test_p8_guard_days_is_a_setting() -> None:
    opp = _opp(
        timelines=[timeline(TOLD, decision_by="2026-03-10")],
        contacts=[follow_up(at("2026-03-11 09:30"))],
    )
    action = _pending(opp, Settings(follow_up_guard_days=14))
    assert action.send_at == datetime(2026, 3, 25, 9, 30, tzinfo=LON)
    assert "14 days after your follow-up of Wed 11 Mar 09:30" in action.why


# --- replies, new timelines, unanswered chases ------------------------------------------------

FIRST = at("2026-03-11 09:30")  # the first follow-up, on time after a 10 March decision date


def _chased(*extra_contacts: Any, **extra: Any) -> Opportunity:
    values: dict[str, Any] = {
        "timelines": [timeline(TOLD, decision_by="2026-03-10")],
        "contacts": [follow_up(FIRST), *extra_contacts],
    }
    values.update(extra)
    return _opp(**values)


def test_p8_weekly_after_an_unanswered_follow_up() -> None:
    actions = plan(_chased())
    first = find(actions, "P8:follow-up:opp=1:n=1")
    assert first.send_at == datetime(2026, 3, 11, 9, 0, tzinfo=LON)
    assert first.satisfied_at == FIRST
    second = find(actions, "P8:follow-up:opp=1:n=2")
    assert second.send_at == datetime(2026, 3, 18, 9, 30, tzinfo=LON)
    assert second.satisfied_at is None
    assert "7 days after your follow-up of Wed 11 Mar 09:30" in second.why


def test_p8_reply_pauses_and_resumes_fourteen_days_later_by_default() -> None:
    """P8: a reply pauses follow-ups; beyond: they resume after 14 days (setting)."""
    opp = _chased(replies=[reply(at("2026-03-12 14:00"))])
    action = _pending(opp)
    assert action.key == "P8:follow-up:opp=1:n=2"
    assert action.send_at == datetime(2026, 3, 26, 14, 0, tzinfo=LON)
    assert "their reply of Thu 12 Mar 14:00 paused follow-ups; resume 14 days later" in action.why


def test_p8_reply_with_resume_zero_stops_follow_ups_until_a_new_timeline() -> None:
    opp = _chased(replies=[reply(at("2026-03-12 14:00"))])
    actions = plan(opp, Settings(resume_after_reply_days=0))
    assert keys(actions, "P8") == ["P8:follow-up:opp=1:n=1"]  # only the one already made
    assert pending_follow_up(actions) is None


def test_p8_a_reply_before_any_follow_up_also_pauses() -> None:
    opp = _opp(
        contacts=[thank_you(at("2026-03-03 16:40"))], replies=[reply(at("2026-03-04 10:00"))]
    )
    assert pending_follow_up(plan(opp, Settings(resume_after_reply_days=0))) is None
    assert _pending(opp).send_at == datetime(2026, 3, 18, 10, 0, tzinfo=LON)


def test_p8_a_short_resume_still_respects_the_weekly_guard() -> None:
    opp = _chased(replies=[reply(at("2026-03-12 14:00"))])
    action = _pending(opp, Settings(resume_after_reply_days=3))
    # Reply + 3 days is Sunday → Monday 09:00, but the guard says not before Wed 18 09:30.
    assert action.send_at == datetime(2026, 3, 18, 9, 30, tzinfo=LON)
    assert "by the weekly guard" in action.why


@pytest.mark.parametrize("resume_days", [0, 14])
def test_p8_a_new_timeline_after_a_reply_restarts_from_it(resume_days: int) -> None:
    """P8: a new timeline restarts P8 from it."""
    opp = _chased(
        replies=[reply(at("2026-03-12 14:00"))],
        timelines=[
            timeline(TOLD, decision_by="2026-03-10"),
            timeline(at("2026-03-13 10:00"), decision_by="2026-03-20"),
        ],
    )
    action = _pending(opp, Settings(resume_after_reply_days=resume_days))
    assert action.send_at == datetime(2026, 3, 23, 9, 0, tzinfo=LON)
    assert "decision due by Fri 20 Mar" in action.why


def test_p8_three_unanswered_follow_ups_suggest_closing_instead_of_a_fourth() -> None:
    """P8 beyond: after 3 (setting) follow-ups with no reply, suggest "no response"."""
    opp = _chased(follow_up(at("2026-03-18 09:30")), follow_up(at("2026-03-25 09:30")))
    actions = plan(opp)
    assert keys(actions, "P8") == [
        "P8:follow-up:opp=1:n=1",
        "P8:follow-up:opp=1:n=2",
        "P8:follow-up:opp=1:n=3",
        "P8:close-no-response:opp=1",
    ]
    close = find(actions, "P8:close-no-response:opp=1")
    # A calendar week keeps the wall clock: 09:30 GMT → 09:30 BST across the 29 March change.
    assert close.due == datetime(2026, 4, 1, 9, 30, tzinfo=LON)
    assert close.why == "3 follow-ups without a reply → suggest closing as no response (P8)"
    assert "no-response" in close.guidance
    assert close.logs is None
    assert pending_follow_up(actions) is None


def test_p8_a_reply_resets_the_unanswered_count() -> None:
    opp = _chased(
        follow_up(at("2026-03-18 09:30")),
        follow_up(at("2026-03-25 09:30")),
        replies=[reply(at("2026-03-19 12:00"))],
    )
    actions = plan(opp)
    assert "P8:close-no-response:opp=1" not in keys(actions)
    fourth = find(actions, "P8:follow-up:opp=1:n=4")
    assert fourth.send_at == datetime(2026, 4, 1, 9, 30, tzinfo=LON)


def test_p8_max_unanswered_is_a_setting() -> None:
    actions = plan(_chased(), Settings(max_unanswered_follow_ups=1))
    assert keys(actions, "P8") == ["P8:follow-up:opp=1:n=1", "P8:close-no-response:opp=1"]
    assert "1 follow-ups without a reply" in find(actions, "P8:close-no-response:opp=1").why


def test_p8_a_next_round_answers_earlier_follow_ups() -> None:
    """P8: being invited to round 2 is the organisation's reply; round 1's chases are answered."""
    opp = _chased(
        follow_up(at("2026-03-18 09:30")),
        follow_up(at("2026-03-25 09:30")),
        interviews=[interview(1), interview(2, on="2026-04-07 10:00")],
        outcomes=[outcome(at("2026-03-27 12:00"), Outcome.NEXT_ROUND)],
    )
    actions = plan(opp)
    assert "P8:close-no-response:opp=1" not in keys(actions)
    pending = find(actions, "P8:follow-up:opp=1:n=4")
    # Round 2 thank-you due Tue 7 April 17:30 (not sent yet) → a week later.
    assert pending.due == datetime(2026, 4, 14, 17, 30, tzinfo=LON)


def test_p8_history_keys_are_numbered_in_order_and_stay_stable() -> None:
    """P8: follow-ups n=1..k keep their keys and planned dues as more are logged."""
    second = follow_up(at("2026-03-18 10:00"), Channel.PHONE, person_id=2)
    before = plan(_chased(second))
    after = plan(_chased(second, follow_up(at("2026-03-25 11:00"))))
    for n in (1, 2):
        key = f"P8:follow-up:opp=1:n={n}"
        assert find(before, key) == find(after, key)
    assert find(after, "P8:follow-up:opp=1:n=2").send_at == datetime(2026, 3, 18, 9, 30, tzinfo=LON)
    assert find(after, "P8:follow-up:opp=1:n=3").satisfied_at == at("2026-03-25 11:00")
    close = find(after, "P8:close-no-response:opp=1")  # three unanswered: no fourth chase
    assert close.due == datetime(2026, 4, 1, 11, 0, tzinfo=LON)  # a calendar week, across DST


def test_p8_a_follow_up_made_early_is_still_the_first_one() -> None:
    early = at("2026-03-09 15:00")
    actions = plan(
        _opp(timelines=[timeline(TOLD, decision_by="2026-03-10")], contacts=[follow_up(early)])
    )
    first = find(actions, "P8:follow-up:opp=1:n=1")
    assert first.send_at == datetime(2026, 3, 11, 9, 0, tzinfo=LON)
    assert first.satisfied_at == early
    second = find(actions, "P8:follow-up:opp=1:n=2")
    assert second.send_at == datetime(2026, 3, 16, 15, 0, tzinfo=LON)


# --- pacing.py --------------------------------------------------------------------------------


def test_guard_allows_anything_without_follow_ups() -> None:
    contacts = [
        thank_you(at("2026-03-03 16:00")),
        contact(at("2026-03-04 12:00"), ContactKind.RECRUITER_CALL, Channel.PHONE),
    ]
    assert pacing.guard_verdict(contacts, at("2026-03-04 13:00"), 7) == pacing.GuardVerdict(True)


@pytest.mark.parametrize(
    ("offset", "allowed"),
    [
        (timedelta(days=7), True),
        (timedelta(days=7) - timedelta(minutes=1), False),
        (timedelta(days=3), False),
        (timedelta(0), False),
        (-timedelta(days=3), False),  # a follow-up already logged for later in the week
        (-timedelta(days=7), True),
    ],
)
def test_guard_verdict_window_is_seven_days_either_side(offset: timedelta, allowed: bool) -> None:
    made = at("2026-03-11 09:30")
    verdict = pacing.guard_verdict([follow_up(made)], made + offset, 7)
    assert verdict.allowed is allowed
    if not allowed:
        assert verdict.next_allowed == made + timedelta(days=7)
        assert verdict.conflicting == made


def test_guard_verdict_next_allowed_is_a_week_after_the_latest_clash() -> None:
    contacts = [follow_up(at("2026-03-11 09:30")), follow_up(at("2026-03-13 16:00"), Channel.PHONE)]
    verdict = pacing.guard_verdict(contacts, at("2026-03-16 09:00"), 7)
    assert not verdict.allowed
    assert verdict.next_allowed == datetime(2026, 3, 20, 16, 0, tzinfo=LON)
    assert verdict.conflicting == datetime(2026, 3, 11, 9, 30, tzinfo=LON)


def test_guard_measures_elapsed_time_across_a_dst_change() -> None:
    """P8 + timing: the guard is 7 × 24 h however the instants are written."""
    made = at("2026-03-27 12:00")  # 12:00 GMT, the Friday before the clocks go forward
    week_later = made + timedelta(days=7)  # elapsed: 13:00 BST on Friday 3 April
    assert pacing.guard_verdict(
        [follow_up(made.astimezone(LON))], week_later.astimezone(LON), 7
    ).allowed
    nearly = (made + timedelta(days=7, minutes=-1)).astimezone(LON)
    assert not pacing.guard_verdict([follow_up(made.astimezone(LON))], nearly, 7).allowed


def test_breaches_flags_follow_ups_logged_within_the_week() -> None:
    """P8: logging one the user made anyway is accepted and flagged."""
    first = follow_up(at("2026-03-11 09:30"), Channel.EMAIL, person_id=2)
    second = follow_up(at("2026-03-14 11:00"), Channel.PHONE, person_id=9)
    third = follow_up(at("2026-03-21 11:00"))
    contacts = [third, thank_you(at("2026-03-12 10:00")), second, first]
    found = pacing.breaches(contacts, 7)
    assert found == [(second, datetime(2026, 3, 11, 9, 30, tzinfo=LON))]
    assert pacing.breaches(contacts, 3) == []


def test_p8_a_reply_before_the_interview_does_not_pause_its_follow_ups() -> None:
    """P8: the invitation to interview is a reply, but to the application, not this round."""
    opp = _opp(
        contacts=[follow_up(at("2026-02-24 10:00")), thank_you(at("2026-03-03 16:40"))],
        replies=[reply(at("2026-02-25 09:00"))],
    )
    action = _pending(opp, Settings(resume_after_reply_days=0))
    assert action.key == "P8:follow-up:opp=1:n=2"
    assert action.send_at == datetime(2026, 3, 10, 16, 40, tzinfo=LON)
    assert "after the thank-you" in action.why


def test_p8_a_new_timeline_without_a_date_after_a_reply_restarts_from_it() -> None:
    """P8: a new timeline restarts P8 from it — not from a thank-you sent before the reply."""
    opp = _opp(
        contacts=[thank_you(at("2026-03-03 16:00"))],
        replies=[reply(at("2026-03-20 10:00"))],
        timelines=[timeline(at("2026-03-23 10:00"), follow_up_with=2)],
    )
    for resume_days in (0, 14):
        action = _pending(opp, Settings(resume_after_reply_days=resume_days))
        assert action.send_at == datetime(2026, 3, 30, 10, 0, tzinfo=LON)
        assert "new timeline of Mon 23 Mar 10:00 without a date → 7 days after it" in action.why
        assert action.person_id == 2


def test_p8_the_weekly_guard_never_lands_on_a_non_working_day() -> None:
    """P8: a follow-up made on a Saturday pushes the next one to the working morning after."""
    opp = _opp(
        contacts=[follow_up(at("2026-03-07 10:00"), Channel.PHONE)],
        timelines=[timeline(at("2026-03-09 10:00"), decision_by="2026-03-10")],
    )
    action = _pending(opp)
    assert action.send_at == datetime(2026, 3, 16, 9, 0, tzinfo=LON)
    assert "not before Sat 14 Mar 10:00 by the weekly guard" in action.why


def test_p8_an_early_chase_waits_for_a_distant_decision_date() -> None:
    """P8: one follow-up before a decision date far ahead does not start weekly chasing:
    the next waits for the working morning after the date (never pushy)."""
    opp = _opp(
        timelines=[timeline(TOLD, decision_by="2026-03-27")],
        contacts=[follow_up(at("2026-03-11 10:00"))],
    )
    nxt = pending_follow_up(plan(opp))
    assert nxt is not None
    assert nxt.send_at == datetime(2026, 3, 30, 9, 0, tzinfo=LON)  # Friday 27th → Monday 30th
    assert "decision due by Fri 27 Mar" in nxt.why


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        pytest.param("2026-03-04 04:05", "2026-03-11 09:00", id="before-work-same-weekday"),
        pytest.param("2026-03-04 16:40", "2026-03-11 16:40", id="in-working-hours-unchanged"),
        pytest.param("2026-03-04 22:30", "2026-03-12 09:00", id="late-evening-next-morning"),
        pytest.param("2026-03-06 23:50", "2026-03-16 09:00", id="friday-night-monday-morning"),
    ],
)
def test_p8_the_first_follow_up_lands_in_working_hours(sent: str, expected: str) -> None:
    """P8: "a week after" the thank-you is a message to a person at work, never at night."""
    opp = _opp(contacts=[thank_you(at(sent))])
    assert _pending(opp).send_at == at(expected)


# --- the chase follows the article: not before the date, not after good news ----------------


def test_p8_a_next_round_announced_is_news_that_pauses_the_chase() -> None:
    """Issue: recording a next-round invitation did not stop the chase, and the follow-up
    still asked about the old date. Now it is news, like a reply (P8)."""
    told = [timeline(TOLD, decision_by="2026-03-10")]
    thanked = [thank_you(at("2026-03-03 16:00"))]
    invited = _opp(timelines=told, contacts=thanked,
                   outcomes=[outcome(at("2026-03-09 12:00"), Outcome.NEXT_ROUND)])  # fmt: skip
    action = _pending(invited)  # resume 14 days after the news (resume_after_reply_days)
    assert action.send_at == at("2026-03-23 12:00") and "paused follow-ups" in action.why
    scheduled = _opp(
        timelines=told, contacts=thanked,
        outcomes=[outcome(at("2026-03-09 12:00"), Outcome.NEXT_ROUND)],
        interviews=[interview(), interview(2, on="2026-03-16 14:00")],
    )  # fmt: skip
    # once round 2 is on the calendar, its own chase starts after it (a week after its
    # thank-you, which is not sent yet: due by the end of the next working morning, P5)
    assert _pending(scheduled).send_at == at("2026-03-24 12:00")


def test_p8_the_current_round_speaks_a_superseded_date_is_not_asked_about() -> None:
    from afterview.playbook.plan import calendar_for
    from afterview.playbook.rules.common import Scope
    from afterview.playbook.rules.follow_ups import current_timeline

    opp = _opp(
        timelines=[timeline(TOLD, decision_by="2026-03-10")],
        interviews=[interview(), interview(2, on="2026-03-16 14:00")],
    )
    scope = Scope(opp, Settings(), calendar_for(Settings()), PlanContext())
    assert current_timeline(scope) is None  # round 1's date does not speak for round 2


@pytest.mark.parametrize(
    ("at_text", "early"),
    [
        ("2026-03-06 10:00", True),
        ("2026-03-11 08:59", True),
        ("2026-03-11 09:00", False),
        ("2026-03-20 10:00", False),
    ],
)
def test_p8_a_chase_before_the_decision_date_is_early_and_says_from_when(
    at_text: str, early: bool
) -> None:
    """The article: follow up once that time *has passed* (issue: no warning was given)."""
    from afterview.playbook.plan import calendar_for
    from afterview.playbook.rules.common import Scope
    from afterview.playbook.rules.follow_ups import too_early

    opp = _opp(timelines=[timeline(TOLD, decision_by="2026-03-10")])
    scope = Scope(opp, Settings(), calendar_for(Settings()), PlanContext())
    said = too_early(scope, at(at_text))
    if early:
        assert said == (
            "It is early: Acme expects to decide by Tue 10 Mar, so a follow-up makes sense "
            "from Wed 11 Mar 09:00 (P8: chase once that time has passed)."
        )
    else:
        assert said is None
    assert (
        too_early(Scope(_opp(), Settings(), calendar_for(Settings()), PlanContext()), at(at_text))
        is None
    )  # fmt: skip  (no date given: never "early")
