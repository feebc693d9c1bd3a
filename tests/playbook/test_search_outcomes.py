"""P9 keep searching, P10 next-round brief, P11 lessons, P12 outcomes and status."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from afterview.playbook.actions import State
from afterview.playbook.brief import MetPerson, build_brief
from afterview.playbook.facts import (
    AnswerQuality,
    AnswerReason,
    Channel,
    ContactKind,
    FitDecision,
    Opportunity,
    Outcome,
    OutcomeEvent,
    Overall,
    PlanContext,
    Route,
    SearchLog,
    Status,
)
from afterview.playbook.lessons import (
    ActionOutcome,
    RuleRecord,
    WeakQuestion,
    build_lessons,
    punctuality,
)
from afterview.playbook.plan import plan_search
from afterview.playbook.settings import Settings
from afterview.playbook.status import is_closed, status

from .factories import (
    LON,
    LONDON,
    NY,
    TOKYO,
    TYO,
    ada,
    at,
    contact,
    debrief,
    find,
    follow_up,
    interview,
    keys,
    manager,
    opportunity,
    outcome,
    pending_follow_up,
    person,
    plan,
    question,
    recruiter,
    reflection,
    thank_you,
    timeline,
)

# --- P9: keep searching -----------------------------------------------------------------------


def test_p9_first_reminder_the_working_morning_after_the_first_interview() -> None:
    """P9: a weekly "keep searching" action persists while any opportunity is open."""
    actions = plan_search([opportunity()], SearchLog(), Settings())
    assert [a.key for a in actions] == ["P9:keep-searching:n=1"]
    first = actions[0]
    assert first.due == datetime(2026, 3, 4, 9, 0, tzinfo=LON)
    assert first.why == "the day after your first interview: keep your search going (P9)"
    assert first.rule == "P9"
    assert first.tz == LONDON
    assert first.opportunity_id is None
    assert first.satisfied_at is None


def test_p9_first_reminder_follows_the_earliest_interview_in_its_zone() -> None:
    tokyo = opportunity(2, interviews=[interview(on="2026-03-06 10:00", tz=TOKYO)])
    later = opportunity(1, interviews=[interview(on="2026-03-09 10:00")])
    first = plan_search([later, tokyo], SearchLog(), Settings())[0]
    assert first.due == datetime(2026, 3, 9, 9, 0, tzinfo=TYO)  # Friday in Tokyo → Monday
    assert first.tz == TOKYO


def test_p9_weekly_history_then_the_next_reminder() -> None:
    log = SearchLog(closed_at=(at("2026-03-04 12:00"), at("2026-03-12 18:00")))
    actions = plan_search([opportunity()], log, Settings())
    assert [(a.key, a.due, a.satisfied_at) for a in actions] == [
        ("P9:keep-searching:n=1", datetime(2026, 3, 4, 9, 0, tzinfo=LON), log.closed_at[0]),
        # a week after each closing, at the start of that working day (P9)
        ("P9:keep-searching:n=2", datetime(2026, 3, 11, 9, 0, tzinfo=LON), log.closed_at[1]),
        ("P9:keep-searching:n=3", datetime(2026, 3, 19, 9, 0, tzinfo=LON), None),
    ]
    assert actions[2].why == "weekly: 7 days after the last one (P9)"


def test_p9_weekly_keeps_the_wall_clock_across_dst_and_honours_the_setting() -> None:
    log = SearchLog(closed_at=(at("2026-03-27 12:00"),))
    actions = plan_search([opportunity()], log, Settings(keep_searching_every_days=14))
    assert actions[-1].due == datetime(2026, 4, 10, 9, 0, tzinfo=LON)  # BST, morning
    assert actions[-1].why == "weekly: 14 days after the last one (P9)"


def test_p9_nothing_before_any_interview() -> None:
    assert plan_search([opportunity(interviews=[])], SearchLog(), Settings()) == []
    assert plan_search([], SearchLog(), Settings()) == []


def _closed(oid: int, what: Outcome) -> Opportunity:
    return opportunity(oid, outcomes=[outcome(at("2026-03-10 12:00"), what)])


@pytest.mark.parametrize(
    ("opportunities", "context", "searching"),
    [
        # Issue: searching stopped after the last rejection, when it matters most (P9:
        # "until an offer is accepted").
        pytest.param([_closed(1, Outcome.REJECTED)], PlanContext(), True, id="all-closed"),
        pytest.param(
            [_closed(1, Outcome.REJECTED), _closed(2, Outcome.NO_RESPONSE)],
            PlanContext(),
            True,
            id="every-one-closed",
        ),
        pytest.param(
            [_closed(1, Outcome.REJECTED), opportunity(2)],
            PlanContext(),
            True,
            id="one-open",
        ),
        pytest.param(
            [_closed(1, Outcome.OFFER)],
            PlanContext(),
            True,
            id="offer-not-yet-accepted",
        ),
        pytest.param(
            [opportunity(1), opportunity(2)],
            PlanContext(accepted_offer_opp=2, accepted_offer_at=at("2026-03-12 12:00")),
            False,
            id="accepted-offer-in-context",
        ),
        pytest.param(
            [_closed(1, Outcome.ACCEPTED), opportunity(2)],
            PlanContext(),
            False,
            id="accepted-offer-recorded",
        ),
        pytest.param(
            [
                opportunity(
                    1,
                    outcomes=[
                        outcome(at("2026-03-10 12:00"), Outcome.ACCEPTED),
                        outcome(at("2026-03-10 13:00"), Outcome.OFFER),
                    ],
                ),
                opportunity(2),
            ],
            PlanContext(),
            True,
            id="accepted-then-corrected",
        ),
    ],
)
def test_p9_goes_on_until_an_offer_is_accepted_whatever_else_closed(
    opportunities: list[Opportunity], context: PlanContext, searching: bool
) -> None:
    """P9/P12: "until an offer is accepted", even when every process has closed."""
    log = SearchLog(closed_at=(at("2026-03-04 12:00"),))
    actions = plan_search(opportunities, log, Settings(), context)
    expected = (
        ["P9:keep-searching:n=1", "P9:keep-searching:n=2"]
        if searching
        else ["P9:keep-searching:n=1"]
    )
    assert [a.key for a in actions] == expected
    assert actions[0].satisfied_at == log.closed_at[0]  # history stays


# --- P10 / P11: next-round brief and lessons review -------------------------------------------


def _two_rounds(**extra: Any) -> Opportunity:
    return opportunity(
        interviews=[interview(1), interview(2, on="2026-03-10 14:00", tz=LONDON)], **extra
    )


def test_p10_brief_before_a_second_round() -> None:
    """P10: when a further round is scheduled, read the brief (start − 24 h)."""
    actions = plan(_two_rounds())
    assert keys(actions, "P10") == ["P10:brief:interview=2"]
    brief = find(actions, "P10:brief:interview=2")
    assert brief.due == datetime(2026, 3, 9, 14, 0, tzinfo=LON)
    assert brief.why == "a further round is scheduled: prepare from the earlier rounds (P10)"
    assert brief.interview_id == 2
    assert brief.title == "Read your brief for round 2 at Acme"
    assert "afterview brief 1" in brief.guidance


def test_p10_brief_lead_is_a_setting_and_a_third_round_gets_one_too() -> None:
    opp = opportunity(
        interviews=[
            interview(1),
            interview(2, on="2026-03-10 14:00"),
            interview(3, on="2026-03-17 09:00", tz="America/New_York"),
        ]
    )
    actions = plan(opp, Settings(brief_before_hours=2))
    assert find(actions, "P10:brief:interview=2").due == datetime(2026, 3, 10, 12, 0, tzinfo=LON)
    assert find(actions, "P10:brief:interview=3").due == datetime(2026, 3, 17, 7, 0, tzinfo=NY)


@pytest.mark.parametrize("has_lessons", [True, False])
def test_p11_lessons_review_before_a_first_round_only_with_lessons(has_lessons: bool) -> None:
    """P11: review the lessons before future interviews — when there are any."""
    actions = plan(_two_rounds(), context=PlanContext(has_lessons=has_lessons))
    if has_lessons:
        assert keys(actions, "P11") == ["P11:review-lessons:interview=1"]
        review = find(actions, "P11:review-lessons:interview=1")
        assert review.due == datetime(2026, 3, 2, 10, 0, tzinfo=LON)
        assert review.why == "earlier debriefs hold lessons for this interview (P11)"
    else:
        assert keys(actions, "P11") == []
    assert keys(actions, "P10") == ["P10:brief:interview=2"]  # later rounds get the brief


# --- P10: build_brief -------------------------------------------------------------------------


def _debriefed() -> Opportunity:
    return opportunity(
        people=[ada(title="CTO"), manager(), recruiter()],
        interviews=[
            interview(1, interviewers=(1,)),
            interview(2, on="2026-03-10 14:00", interviewers=(1, 2)),
            interview(3, on="2026-03-17 14:00", interviewers=(2,)),
        ],
        debriefs=[
            debrief(
                2,
                at("2026-03-10 16:00"),
                questions=(
                    question(
                        "Design a rate limiter",
                        AnswerQuality.WRONG,
                        AnswerReason.MISREAD,
                        "clarify the limits first",
                    ),
                    question("Why us?", AnswerQuality.GOOD, None),
                ),
                new_questions=("How is on-call shared?",),
                liked=("concrete numbers",),
                nuggets=("Expansion to Lisbon", "new product launch in May"),
            ),
            debrief(
                1,
                at("2026-03-03 11:30"),
                questions=(question("Tell me about a conflict", add="the outcome"),),
                new_questions=("What does success look like?", "how is on-call shared?"),
                liked=("concrete numbers",),
                disliked=("long answers",),
                nuggets=("New product launch in May",),
                cover_more=("leadership",),
            ),
        ],
    )


def test_p10_build_brief_gathers_the_earlier_rounds_in_order() -> None:
    brief = build_brief(_debriefed())
    assert brief.company == "Acme"
    assert brief.rounds_debriefed == (1, 2)
    assert [q.question for q in brief.to_improve] == [
        "Tell me about a conflict",
        "Design a rate limiter",
    ]
    assert brief.to_improve[1].add_next_time == "clarify the limits first"
    # Repeated items appear once (first spelling wins), in round order.
    assert brief.questions_to_ask == ("What does success look like?", "how is on-call shared?")
    assert brief.nuggets == ("New product launch in May", "Expansion to Lisbon")
    assert brief.liked == ("concrete numbers",)
    assert brief.disliked == ("long answers",)
    assert brief.cover_more == ("leadership",)
    assert brief.people == (
        MetPerson("Ada Lovelace", "interviewer", "CTO", (1, 2)),
        MetPerson("Grace Hopper", "hiring-manager", None, (2, 3)),
        MetPerson("Rita Recruiter", "recruiter", None, ()),
    )
    assert not brief.is_empty


def test_p10_build_brief_without_debriefs_is_empty() -> None:
    brief = build_brief(opportunity())
    assert brief.is_empty
    assert brief.rounds_debriefed == ()


def test_p10_a_debrief_with_only_dislikes_still_makes_a_brief() -> None:
    """P10: what the interviewers disliked is worth a brief on its own."""
    opp = opportunity(debriefs=[debrief(1, disliked=("long answers",))])
    assert not build_brief(opp).is_empty


# --- P11: build_lessons and punctuality -------------------------------------------------------


def test_p11_weak_questions_grouped_across_companies() -> None:
    acme = opportunity(
        1,
        debriefs=[
            debrief(
                1,
                questions=(
                    question(
                        "Tell me about a conflict?",
                        AnswerQuality.WEAK,
                        AnswerReason.FORGOT,
                        "the outcome",
                    ),
                    question("Why us?", AnswerQuality.GOOD, None),
                    question("Biggest weakness", AnswerQuality.WRONG, AnswerReason.OTHER),
                ),
                liked=("Concrete numbers", "calm"),
                disliked=("rambling",),
                cover_more=("leadership",),
            )
        ],
    )
    globex = opportunity(
        2,
        company="Globex",
        debriefs=[
            debrief(
                1,
                questions=(
                    question(
                        "tell me about a  conflict",
                        AnswerQuality.WRONG,
                        AnswerReason.MISREAD,
                        "the lesson learnt",
                    ),
                ),
                liked=("concrete numbers!",),
            )
        ],
    )
    lessons = build_lessons([acme, globex], [], at("2026-04-01 12:00"))
    assert lessons.interviews_debriefed == 2
    assert lessons.weak_questions == (
        WeakQuestion(
            question="Tell me about a conflict?",
            times=2,
            companies=("Acme", "Globex"),
            reasons=("forgot", "misread"),
            add_next_time=("the outcome", "the lesson learnt"),
        ),
        WeakQuestion("Biggest weakness", 1, ("Acme",), ("other",), ()),
    )
    assert lessons.liked == (("Concrete numbers", 2), ("calm", 1))
    assert lessons.disliked == (("rambling", 1),)
    assert lessons.cover_more == (("leadership", 1),)
    assert lessons.rules == ()


def test_p11_punctuality_counts_on_time_late_skipped_overdue_upcoming() -> None:
    """P11: how often each playbook step was done on time (by the end of its due day)."""
    now = at("2026-03-20 12:00")
    due = at("2026-03-10 12:00")
    rows = [
        ActionOutcome("P4", due, State.DONE, due - timedelta(minutes=5)),
        ActionOutcome("P4", due, State.DONE, due + timedelta(hours=3)),  # same day: on time
        ActionOutcome("P4", due, State.DONE, due + timedelta(days=1)),
        ActionOutcome("P5", due, State.SKIPPED, due),
        ActionOutcome("P5", due, State.PENDING, None),
        ActionOutcome("P5", now, State.SNOOZED, None),  # due right now counts as overdue
        ActionOutcome("P8", now + timedelta(days=1), State.PENDING, None),
        ActionOutcome("P10", due, State.DONE, None),
    ]
    records = punctuality(rows, now)
    assert records == (
        RuleRecord("P4", on_time=2, late=1),
        RuleRecord("P5", skipped=1, overdue=2),
        RuleRecord("P8", upcoming=1),
        RuleRecord("P10", on_time=1),
    )
    assert records[0].due_so_far == 3
    assert records[0].on_time_share == pytest.approx(2 / 3)
    assert records[1].due_so_far == 3
    assert records[1].on_time_share == 0
    assert records[2].on_time_share is None


def test_p11_a_step_left_open_until_it_was_moot_is_missed_unless_moot_before_due() -> None:
    """P11: a checklist never ticked before its interview ended is missed; a step made
    moot (e.g. by a rejection) before it was even due is nobody's lapse."""
    now = at("2026-03-20 12:00")
    due = at("2026-03-10 12:00")
    rows = [
        ActionOutcome("P2", due, State.PENDING, None, expires=due + timedelta(hours=2)),
        ActionOutcome("P5", due, State.PENDING, None, expires=due - timedelta(hours=2)),
    ]
    assert punctuality(rows, now) == (RuleRecord("P2", missed=1), RuleRecord("P5"))


# --- P12: status ------------------------------------------------------------------------------


ROUND_1 = interview(1, on="2026-03-03 10:00")
ROUND_2 = interview(2, on="2026-03-12 14:00")


@pytest.mark.parametrize(
    ("facts", "now", "expected"),
    [
        pytest.param({"interviews": []}, "2026-03-01 09:00", Status.NEW, id="new"),
        pytest.param({}, "2026-03-02 09:00", Status.INTERVIEW_SCHEDULED, id="scheduled"),
        pytest.param({}, "2026-03-03 10:30", Status.INTERVIEW_SCHEDULED, id="in-progress"),
        pytest.param({}, "2026-03-03 11:00", Status.INTERVIEWED, id="interviewed"),
        pytest.param(
            {"contacts": [thank_you(at("2026-03-03 15:00"))]},
            "2026-03-03 16:00",
            Status.AWAITING_DECISION,
            id="thanked",
        ),
        pytest.param(
            {"timelines": [timeline(at("2026-03-03 10:55"), decision_by="2026-03-10")]},
            "2026-03-03 12:00",
            Status.AWAITING_DECISION,
            id="timeline-known",
        ),
        pytest.param(
            {"outcomes": [outcome(at("2026-03-09 12:00"), Outcome.NEXT_ROUND)]},
            "2026-03-09 13:00",
            Status.NEXT_ROUND,
            id="next-round",
        ),
        pytest.param(
            {
                "interviews": [ROUND_1, ROUND_2],
                "outcomes": [outcome(at("2026-03-09 12:00"), Outcome.NEXT_ROUND)],
            },
            "2026-03-10 09:00",
            Status.INTERVIEW_SCHEDULED,
            id="next-round-scheduled",
        ),
        pytest.param(
            {
                "interviews": [ROUND_1, ROUND_2],
                "contacts": [thank_you(at("2026-03-03 15:00"))],
                "outcomes": [outcome(at("2026-03-09 12:00"), Outcome.NEXT_ROUND)],
            },
            "2026-03-12 16:00",
            Status.INTERVIEWED,
            id="round-2-interviewed",
        ),
        pytest.param(
            {
                "interviews": [ROUND_1, ROUND_2],
                "contacts": [thank_you(at("2026-03-13 09:10"))],
                "outcomes": [outcome(at("2026-03-09 12:00"), Outcome.NEXT_ROUND)],
            },
            "2026-03-13 10:00",
            Status.AWAITING_DECISION,
            id="round-2-awaiting",
        ),
        pytest.param(
            {"outcomes": [outcome(at("2026-03-16 12:00"), Outcome.OFFER)]},
            "2026-03-16 13:00",
            Status.OFFER,
            id="offer",
        ),
        pytest.param(
            {
                "outcomes": [
                    outcome(at("2026-03-16 12:00"), Outcome.OFFER),
                    outcome(at("2026-03-17 12:00"), Outcome.ACCEPTED),
                ]
            },
            "2026-03-18 09:00",
            Status.ACCEPTED,
            id="accepted",
        ),
        pytest.param(
            {
                "outcomes": [
                    outcome(at("2026-03-17 12:00"), Outcome.DECLINED),
                    outcome(at("2026-03-16 12:00"), Outcome.OFFER),  # order of entry is irrelevant
                ]
            },
            "2026-03-18 09:00",
            Status.DECLINED,
            id="declined",
        ),
        pytest.param(
            {"outcomes": [outcome(at("2026-03-09 12:00"), Outcome.REJECTED)]},
            "2026-03-10 09:00",
            Status.REJECTED,
            id="rejected",
        ),
        pytest.param(
            {"outcomes": [outcome(at("2026-04-09 12:00"), Outcome.NO_RESPONSE)]},
            "2026-04-10 09:00",
            Status.NO_RESPONSE,
            id="no-response",
        ),
    ],
)
def test_p12_status_transitions(facts: dict[str, Any], now: str, expected: Status) -> None:
    """P12: scheduled → interviewed → awaiting decision → next round | offer | … → accepted."""
    values: dict[str, Any] = {"interviews": [ROUND_1]}
    values.update(facts)
    opp = opportunity(**values)
    assert status(opp, at(now)) is expected
    assert is_closed(opp) is (
        expected
        in {Status.REJECTED, Status.WITHDRAWN, Status.NO_RESPONSE, Status.ACCEPTED, Status.DECLINED}
    )


# --- P12: answering an offer ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offered", "expected"),
    [
        ("2026-03-16 15:00", datetime(2026, 3, 18, 17, 30, tzinfo=LON)),  # Monday → Wednesday
        ("2026-03-19 11:00", datetime(2026, 3, 23, 17, 30, tzinfo=LON)),  # Thursday → Monday
        ("2026-03-20 16:00", datetime(2026, 3, 24, 17, 30, tzinfo=LON)),  # Friday → Tuesday
    ],
)
def test_p12_offer_answer_due_end_of_the_second_working_day(
    offered: str, expected: datetime
) -> None:
    """P12: an offer → answer it by the end of the 2nd working day (setting)."""
    opp = opportunity(outcomes=[outcome(at(offered), Outcome.OFFER)])
    action = find(plan(opp), "P12:offer-reply:opp=1")
    assert action.due == expected
    assert action.why == "an offer deserves an answer within 2 working days (P12)"
    assert action.logs is ContactKind.OFFER_REPLY
    assert action.satisfied_at is None
    assert pending_follow_up(plan(opp)) is None  # the organisation has answered (P8)


def test_p12_offer_answered_by_accepting_or_declining() -> None:
    accepted = at("2026-03-17 10:00")
    opp = opportunity(
        outcomes=[
            outcome(at("2026-03-16 15:00"), Outcome.OFFER),
            outcome(accepted, Outcome.ACCEPTED),
        ]
    )
    assert find(plan(opp), "P12:offer-reply:opp=1").satisfied_at == accepted
    assert keys(plan(opp), "P8") == []


def test_p12_offer_reply_days_is_a_setting() -> None:
    opp = opportunity(outcomes=[outcome(at("2026-03-16 15:00"), Outcome.OFFER)])
    action = find(plan(opp, Settings(offer_reply_within_days=5)), "P12:offer-reply:opp=1")
    assert action.due == datetime(2026, 3, 23, 17, 30, tzinfo=LON)


# --- P12: an offer accepted elsewhere ---------------------------------------------------------

ACCEPTED_AT = at("2026-03-20 12:00")
ELSEWHERE = PlanContext(accepted_offer_opp=7, accepted_offer_at=ACCEPTED_AT)


def _awaiting(oid: int = 1, **extra: Any) -> Opportunity:
    values: dict[str, Any] = {
        "people": [ada(), manager()],
        "contacts": [thank_you(at("2026-03-03 15:00")), follow_up(at("2026-03-11 09:30"))],
        "timelines": [timeline(at("2026-03-03 10:55"), decision_by="2026-03-10")],
        "debriefs": [debrief(1, overall=Overall.GOOD)],
        "reflections": [reflection(at("2026-03-05 10:00"), FitDecision.CONTINUE)],
    }
    values.update(extra)
    return opportunity(oid, **values)


def test_p12_accepting_elsewhere_ends_follow_ups_and_offers_a_withdrawal() -> None:
    """P12: accepting an offer ends P8/P9 everywhere and offers to withdraw courteously."""
    assert pending_follow_up(plan(_awaiting())) is not None  # before: a follow-up was due
    assert keys(plan(_awaiting()), "P9") == ["P9:competitors:opp=1"]
    actions = plan(_awaiting(), context=ELSEWHERE)
    assert keys(actions, "P8") == ["P8:follow-up:opp=1:n=1"]  # history only
    assert pending_follow_up(actions) is None
    assert keys(actions, "P9") == []
    withdraw = find(actions, "P12:withdraw-after-acceptance:opp=1")
    assert withdraw.due == ACCEPTED_AT
    assert withdraw.why == "you accepted an offer elsewhere: free them to move on (P12, P7)"
    assert withdraw.logs is ContactKind.WITHDRAWAL
    assert withdraw.satisfied_at is None


@pytest.mark.parametrize(
    ("what", "when", "offered"),
    [
        (Outcome.NEXT_ROUND, "2026-03-12 12:00", True),
        (Outcome.OFFER, "2026-03-18 12:00", True),
        (Outcome.REJECTED, "2026-03-12 12:00", False),
        (Outcome.NO_RESPONSE, "2026-03-12 12:00", False),
        (Outcome.WITHDRAWN, "2026-03-12 12:00", False),
        (Outcome.DECLINED, "2026-03-12 12:00", False),
    ],
)
def test_p12_withdrawal_after_acceptance_only_on_open_opportunities(
    what: Outcome, when: str, offered: bool
) -> None:
    opp = _awaiting(outcomes=[outcome(at(when), what)])
    actions = plan(opp, context=ELSEWHERE)
    assert ("P12:withdraw-after-acceptance:opp=1" in keys(actions)) is offered
    assert pending_follow_up(actions) is None


@pytest.mark.parametrize(
    ("fact", "satisfied"),
    [
        (
            {
                "contacts": [
                    contact(at("2026-03-20 16:00"), ContactKind.WITHDRAWAL, Channel.EMAIL, 2)
                ]
            },
            at("2026-03-20 16:00"),
        ),
        (
            {"outcomes": [OutcomeEvent(at("2026-03-21 10:00"), Outcome.WITHDRAWN)]},
            at("2026-03-21 10:00"),
        ),
        (
            {
                "contacts": [
                    contact(at("2026-03-19 16:00"), ContactKind.WITHDRAWAL, Channel.EMAIL, 2)
                ]
            },
            None,
        ),  # before the acceptance: not this withdrawal
    ],
)
def test_p12_withdrawal_after_acceptance_satisfied_by_a_withdrawal_or_closing(
    fact: dict[str, Any], satisfied: datetime | None
) -> None:
    opp = _awaiting(**fact)
    action = find(plan(opp, context=ELSEWHERE), "P12:withdraw-after-acceptance:opp=1")
    assert action.satisfied_at == satisfied


def test_p12_the_accepted_opportunity_itself_gets_no_withdrawal() -> None:
    opp = _awaiting(
        7,
        outcomes=[
            outcome(at("2026-03-18 12:00"), Outcome.OFFER),
            outcome(ACCEPTED_AT, Outcome.ACCEPTED),
        ],
    )
    actions = plan(opp, context=ELSEWHERE)
    assert "P12:withdraw-after-acceptance:opp=7" not in keys(actions)
    assert find(actions, "P12:offer-reply:opp=7").satisfied_at == ACCEPTED_AT
    assert pending_follow_up(actions) is None
    assert status(opp, at("2026-03-21 09:00")) is Status.ACCEPTED


def test_p12_withdrawal_after_acceptance_without_interviews_uses_the_user_zone() -> None:
    opp = opportunity(interviews=[], people=[person(3)])
    actions = plan(opp, context=PlanContext(7, ACCEPTED_AT, default_tz=TOKYO))
    withdraw = find(actions, "P12:withdraw-after-acceptance:opp=1")
    assert withdraw.tz == TOKYO
    # accepted at 21:00 in Tokyo: the withdrawal waits for the morning, not the night
    assert ACCEPTED_AT.astimezone(TYO).hour == 21
    assert withdraw.due == datetime(2026, 3, 21, 9, 0, tzinfo=TYO)


def test_p12_recruiter_route_opportunity_also_gets_the_withdrawal() -> None:
    opp = _awaiting(route=Route.RECRUITER, people=[ada(), recruiter()])
    assert "P12:withdraw-after-acceptance:opp=1" in keys(plan(opp, context=ELSEWHERE))


# --- closing: what is left once an opportunity closes (P12 with P4, P7) -----------------------


def test_closing_makes_open_steps_moot_but_keeps_the_debrief() -> None:
    """Rejected: the thank-you, timeline and reflection leave the agenda at the rejection;
    the debrief stays, because its lessons outlive the application (P4, P11)."""
    rejected_at = at("2026-03-03 15:00")
    actions = plan(opportunity(outcomes=[outcome(rejected_at, Outcome.REJECTED)]))
    for key in ("P5:thank-you:interview=1:person=1", "P7:reflect:interview=1"):
        assert find(actions, key).expires == rejected_at, key
    # the debrief keeps its own window: a week after the interview, while it is fresh
    assert find(actions, "P4:debrief:interview=1").expires == at("2026-03-10 11:00")
    assert keys(actions, "P6") == []  # the rejection is the decision: no timeline to chase


def test_an_offer_accepted_elsewhere_closes_the_other_opportunity() -> None:
    """P12: accepted elsewhere → this one's open steps are moot, the withdrawal is not."""
    accepted = at("2026-03-05 12:00")
    context = PlanContext(accepted_offer_opp=2, accepted_offer_at=accepted)
    actions = plan(opportunity(), context=context)
    assert find(actions, "P7:reflect:interview=1").expires == accepted
    assert find(actions, "P12:withdraw-after-acceptance:opp=1").expires is None


def test_p7_reflect_before_the_next_round_then_it_is_moot() -> None:
    """P7: the reflection is for deciding before another round; it expires when one starts."""
    second = interview(2, on="2026-03-12 10:00")
    actions = plan(opportunity(interviews=[interview(1), second]))
    assert find(actions, "P7:reflect:interview=1").expires == second.start
    assert find(actions, "P7:reflect:interview=2").expires is None


def test_possessive_company_names() -> None:
    """Titles read naturally: "Cobalt Labs' offer", "Acme's hiring timeline"."""
    labs = opportunity(
        company="Cobalt Labs", outcomes=[outcome(at("2026-03-04 12:00"), Outcome.OFFER)]
    )
    assert find(plan(labs), "P12:offer-reply:opp=1").title == "Answer Cobalt Labs' offer"
    assert find(plan(opportunity()), "P6:timeline:interview=1").title == (
        "Obtain Acme's hiring timeline"
    )


def test_p12_status_as_of_now_ignores_later_facts() -> None:
    """P12: asked for an earlier moment, the status does not know what came after."""
    opp = opportunity(
        contacts=[thank_you(at("2026-03-04 09:00"))],
        outcomes=[outcome(at("2026-03-12 12:00"), Outcome.OFFER)],
    )
    assert status(opp, at("2026-03-03 12:00")) is Status.INTERVIEWED
    assert status(opp, at("2026-03-05 12:00")) is Status.AWAITING_DECISION
    assert status(opp, at("2026-03-12 12:00")) is Status.OFFER
