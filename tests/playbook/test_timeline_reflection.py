"""P6 hiring timeline; P7 fit reflection and withdrawing well (with P8, P9, P12 effects)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from afterview.playbook.facts import (
    ContactKind,
    FitDecision,
    Opportunity,
    Outcome,
    Overall,
    Route,
    Status,
)
from afterview.playbook.settings import Settings
from afterview.playbook.status import status

from .factories import (
    LON,
    TOKYO,
    TYO,
    ada,
    at,
    contact,
    debrief,
    find,
    interview,
    keys,
    opportunity,
    outcome,
    pending_follow_up,
    plan,
    recruiter,
    reflection,
    thank_you,
    timeline,
)

# --- P6: hiring timeline ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "expected", "settings"),
    [
        pytest.param(
            "2026-03-03 10:00", datetime(2026, 3, 4, 11, 0, tzinfo=LON), Settings(), id="tuesday"
        ),
        pytest.param(
            "2026-03-06 14:00",
            datetime(2026, 3, 9, 9, 0, tzinfo=LON),
            Settings(),
            id="friday-to-monday-morning",
        ),
        pytest.param(
            "2026-03-05 14:00",
            datetime(2026, 3, 9, 9, 0, tzinfo=LON),
            Settings(holidays=(date(2026, 3, 6),)),
            id="holiday-friday",
        ),
        pytest.param(
            "2026-03-03 10:00",
            datetime(2026, 3, 5, 11, 0, tzinfo=LON),
            Settings(timeline_check_days=2),
            id="two-days-setting",
        ),
    ],
)
def test_p6_missing_timeline_due_a_day_after_on_a_working_day(
    on: str, expected: datetime, settings: Settings
) -> None:
    """P6: none recorded one day after → obtain it; next working morning if not a working day."""
    action = find(
        plan(opportunity(interviews=[interview(on=on)]), settings), "P6:timeline:interview=1"
    )
    assert action.due == expected
    days = settings.timeline_check_days
    assert f"no hiring timeline recorded {days} day" in action.why
    assert action.why.endswith("(P6)")
    assert action.satisfied_at is None
    assert action.logs is ContactKind.REQUEST


def test_p6_due_in_the_interview_zone() -> None:
    opp = opportunity(interviews=[interview(on="2026-03-06 16:00", tz=TOKYO)])
    action = find(plan(opp), "P6:timeline:interview=1")
    assert action.due == datetime(2026, 3, 9, 9, 0, tzinfo=TYO)
    assert action.tz == TOKYO


@pytest.mark.parametrize(
    "recorded",
    [
        "2026-03-03 10:50",  # asked before leaving (P2)
        "2026-03-03 18:00",  # from the recruiter that evening (P1)
        "2026-03-04 11:00",  # exactly one day after the end
    ],
)
def test_p6_timeline_recorded_in_time_means_no_action(recorded: str) -> None:
    opp = opportunity(timelines=[timeline(at(recorded), decision_by="2026-03-13")])
    assert keys(plan(opp), "P6") == []


def test_p6_timeline_recorded_late_satisfies_the_action_at_that_time() -> None:
    late = at("2026-03-05 16:20")
    opp = opportunity(timelines=[timeline(late, decision_by="2026-03-13")])
    action = find(plan(opp), "P6:timeline:interview=1")
    assert action.due == datetime(2026, 3, 4, 11, 0, tzinfo=LON)
    assert action.satisfied_at == late


def test_p6_a_timeline_given_before_a_first_interview_counts() -> None:
    """P6: a recruiter often gives the timeline before round 1; nothing to chase then."""
    opp = opportunity(timelines=[timeline(at("2026-03-01 12:00"), decision_by="2026-03-13")])
    assert keys(plan(opp), "P6") == []


def test_p6_a_decision_settles_the_timeline() -> None:
    """P6: once an outcome is recorded (here: next round), there is no timeline to chase."""
    opp = opportunity(outcomes=[outcome(at("2026-03-06 12:00"), Outcome.NEXT_ROUND)])
    action = find(plan(opp), "P6:timeline:interview=1")
    assert action.satisfied_at == at("2026-03-06 12:00")


def test_p6_every_round_should_end_with_a_known_timeline() -> None:
    opp = opportunity(
        interviews=[interview(1), interview(2, on="2026-03-10 10:00")],
        timelines=[timeline(at("2026-03-03 12:00"), decision_by="2026-03-06")],
    )
    actions = plan(opp)
    assert keys(actions, "P6") == ["P6:timeline:interview=2"]
    assert find(actions, "P6:timeline:interview=2").due == datetime(2026, 3, 11, 11, 0, tzinfo=LON)


def test_p6_recruiter_route_asks_the_recruiter() -> None:
    opp = opportunity(route=Route.RECRUITER, people=[ada(), recruiter()])
    action = find(plan(opp), "P6:timeline:interview=1")
    assert action.person_id == 9
    assert "Ask Rita Recruiter when Acme expects to decide" in action.guidance


# --- P7: fit reflection -----------------------------------------------------------------------


def test_p7_reflection_due_two_days_after_the_interview() -> None:
    """P7: due 2 days after (setting), with the debrief at hand."""
    action = find(plan(opportunity()), "P7:reflect:interview=1")
    assert action.due == datetime(2026, 3, 5, 11, 0, tzinfo=LON)
    assert "2 days after the interview" in action.why
    assert action.why.endswith("(P7)")
    for words in ("good fit", "grow", "culture", "values", "happy", "continue or withdraw"):
        assert words in action.guidance


def test_p7_reflection_days_is_a_setting() -> None:
    action = find(plan(opportunity(), Settings(reflection_after_days=0)), "P7:reflect:interview=1")
    assert action.due == datetime(2026, 3, 3, 11, 0, tzinfo=LON)


@pytest.mark.parametrize(
    ("interview_id", "recorded", "satisfied"),
    [
        (1, "2026-03-04 20:00", True),
        (None, "2026-03-04 20:00", True),  # not tied to an interview, made after it
        (None, "2026-03-03 10:30", False),  # not tied, made before the end: not this one
        (2, "2026-03-04 20:00", False),  # about another interview
    ],
)
def test_p7_reflection_satisfied_by_a_reflection_on_that_interview(
    interview_id: int | None, recorded: str, satisfied: bool
) -> None:
    made = at(recorded)
    opp = opportunity(reflections=[reflection(made, interview_id=interview_id)])
    action = find(plan(opp), "P7:reflect:interview=1")
    assert action.satisfied_at == (made if satisfied else None)


def _withdrawing_opportunity() -> tuple[datetime, Opportunity]:
    decided = at("2026-03-05 19:00")
    opp = opportunity(
        contacts=[thank_you(at("2026-03-03 15:00"))],
        timelines=[timeline(at("2026-03-03 10:55"), decision_by="2026-03-10")],
        reflections=[reflection(decided, FitDecision.WITHDRAW)],
    )
    return decided, opp


def test_p7_withdraw_decision_plans_a_withdrawal_at_the_decision() -> None:
    """P7: withdraw → a short, courteous withdrawal, due at once."""
    decided, opp = _withdrawing_opportunity()
    action = find(plan(opp), "P7:withdrawal:opp=1")
    assert action.due == decided
    assert "you decided to withdraw" in action.why
    assert action.why.endswith("(P7)")
    assert action.logs is ContactKind.WITHDRAWAL
    assert "interests now lie elsewhere" in action.guidance
    assert action.satisfied_at is None


def test_p7_withdraw_stops_follow_ups_and_marks_the_opportunity_withdrawn() -> None:
    """P7: cancels pending follow-ups (P8) and marks the opportunity withdrawn (P12)."""
    _, opp = _withdrawing_opportunity()
    actions = plan(opp)
    assert keys(actions, "P8") == []
    assert status(opp, at("2026-03-06 09:00")) is Status.WITHDRAWN
    assert keys(actions, "P9") == []  # no competitor hint for a closed opportunity


def test_p7_before_the_withdraw_decision_a_follow_up_was_pending() -> None:
    """P7/P8 contrast: the same opportunity with "continue" keeps its follow-up."""
    opp = opportunity(
        contacts=[thank_you(at("2026-03-03 15:00"))],
        timelines=[timeline(at("2026-03-03 10:55"), decision_by="2026-03-10")],
        reflections=[reflection(at("2026-03-05 19:00"), FitDecision.CONTINUE)],
    )
    pending = pending_follow_up(plan(opp))
    assert pending is not None
    assert pending.send_at == datetime(2026, 3, 11, 9, 0, tzinfo=LON)


def test_p7_withdrawal_satisfied_by_a_withdrawal_contact() -> None:
    decided = at("2026-03-05 19:00")
    sent = at("2026-03-06 08:30")
    opp = opportunity(
        reflections=[reflection(decided, FitDecision.WITHDRAW)],
        contacts=[contact(sent, ContactKind.WITHDRAWAL, person_id=1)],
    )
    assert find(plan(opp), "P7:withdrawal:opp=1").satisfied_at == sent


def test_p7_withdrawn_outcome_recorded_directly_also_plans_the_withdrawal() -> None:
    when = at("2026-03-06 12:00")
    opp = opportunity(outcomes=[outcome(when, Outcome.WITHDRAWN)])
    assert find(plan(opp), "P7:withdrawal:opp=1").due == when
    assert status(opp, at("2026-03-07 12:00")) is Status.WITHDRAWN


def test_p7_continue_after_a_good_debrief_suggests_looking_at_competitors() -> None:
    """P7 → P9: it went well (debrief) and the candidate wants to go on ("continue")."""
    decided = at("2026-03-05 19:00")
    opp = opportunity(
        debriefs=[debrief(1, at("2026-03-03 11:40"), overall=Overall.GOOD)],
        reflections=[reflection(decided, FitDecision.CONTINUE)],
        competitors=("Globex", "Initech"),
    )
    action = find(plan(opp), "P9:competitors:opp=1")
    assert action.due == decided  # once both are known
    assert "went well and you want to go on" in action.why
    assert action.why.endswith("(P9)")
    assert "Listed so far: Globex, Initech." in action.guidance


def test_p9_a_wish_to_continue_alone_or_a_good_debrief_alone_suggests_nothing() -> None:
    """Issue: the step fired on a good debrief *or* a "continue"; the article asks both."""
    continued = reflection(at("2026-03-05 19:00"), FitDecision.CONTINUE)
    only_continue = opportunity(reflections=[continued])
    only_good = opportunity(debriefs=[debrief(1, at("2026-03-03 11:40"), overall=Overall.GOOD)])
    assert keys(plan(only_continue), "P9") == []
    assert keys(plan(only_good), "P9") == []


@pytest.mark.parametrize(
    ("overall", "suggested"), [(Overall.GOOD, True), (Overall.MIXED, False), (Overall.POOR, False)]
)
def test_p9_competitors_after_a_positive_debrief(overall: Overall, suggested: bool) -> None:
    written = at("2026-03-03 11:40")
    wanted = at("2026-03-05 10:00")
    opp = opportunity(
        debriefs=[debrief(1, written, overall=overall)],
        reflections=[reflection(wanted, FitDecision.CONTINUE)],
    )
    actions = plan(opp)
    if suggested:
        assert find(actions, "P9:competitors:opp=1").due == wanted
    else:
        assert keys(actions, "P9") == []


def test_p6_no_timeline_given_yet_is_not_an_answer_and_is_asked_again() -> None:
    """Issue: "they have no timeline yet" could not be recorded. It is asked again a
    week later (first_follow_up_days), at a working hour; a real answer settles it."""
    from dataclasses import replace as with_

    asked = with_(timeline(at("2026-03-03 10:55")), none_given=True)
    opp = opportunity(timelines=[asked])
    action = find(plan(opp), "P6:timeline:interview=1")
    assert action.satisfied_at is None
    assert action.due == at("2026-03-10 10:55")
    assert action.why == "no timeline given yet when you asked on Tue 03 Mar 10:55 → ask again (P6)"
    answered = opportunity(timelines=[asked, timeline(at("2026-03-09 12:00"), "2026-03-20")])
    assert find(plan(answered), "P6:timeline:interview=1").satisfied_at == at("2026-03-09 12:00")
