"""The consultant's day, pure: P1 calls to expect, P6/P8 client decisions with the
weekly guard, news pausing the chase, offers (playbook/consultant.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from afterview.playbook.consultant import ClientNote, ConsultantDay, Opening, consultant_day
from afterview.playbook.facts import Status
from afterview.playbook.settings import Settings
from afterview.playbook.timing import calendar_for

TZ = "Europe/London"
SETTINGS = Settings()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def opening(
    *,
    end: str = "2026-12-04T11:00:00+00:00",
    due: str | None = "2026-12-04T13:00:00+00:00",
    called: str | None = None,
    timelines: tuple[tuple[datetime, date | None, date | None, bool], ...] = (),
    replies: tuple[tuple[datetime, str | None], ...] = (),
    status: Status = Status.INTERVIEWED,
    route: str = "recruiter",
    follow_ups: tuple[datetime, ...] = (),
) -> Opening:
    finish = at(end)
    return Opening(
        candidate_id=1,
        candidate_name="Ana Lima",
        opportunity_id=7,
        company="Harbour Lights",
        role="Data Engineer",
        route=route,
        tz=TZ,
        status=status,
        interviews=(
            (
                1,
                finish - timedelta(hours=1),
                finish,
                at(due) if due else None,
                at(called) if called else None,
            ),
        ),
        timelines=timelines,
        follow_ups=follow_ups,
        replies=replies,
        outcomes=(),
        shares_timeline=True,
    )


def day_at(now: str, *openings: Opening, notes: tuple[ClientNote, ...] = ()) -> ConsultantDay:
    return consultant_day(
        openings, notes, now=at(now), tz=TZ, settings=SETTINGS, calendar=calendar_for(SETTINGS)
    )


def test_p1_an_interview_in_progress_then_expected_then_overdue() -> None:
    o = opening()
    assert [c.state for c in day_at("2026-12-04T10:30:00+00:00", o).calls] == ["upcoming"]
    assert [c.state for c in day_at("2026-12-04T12:59:00+00:00", o).calls] == ["expected"]
    late = day_at("2026-12-04T13:01:00+00:00", o)
    assert [c.state for c in late.calls] == ["overdue"] and late.alerts == 1


def test_p1_an_evening_interview_is_expected_overnight_not_overdue() -> None:
    """Ended at 19:00 on Friday: the candidate's plan wants the call on Monday morning."""
    o = opening(end="2026-12-04T19:00:00+00:00", due="2026-12-07T11:00:00+00:00")
    friday_night = day_at("2026-12-04T21:00:00+00:00", o)
    assert [c.state for c in friday_night.calls] == ["expected"] and friday_night.alerts == 0


def test_p1_an_unanswered_call_stays_on_the_next_day_then_leaves() -> None:
    o = opening()
    assert [c.state for c in day_at("2026-12-05T09:00:00+00:00", o).calls] == ["overdue"]
    assert day_at("2026-12-06T09:00:00+00:00", o).calls == []


def test_p1_a_call_the_consultant_recorded_counts_before_it_is_published_back() -> None:
    call = ClientNote(1, 7, "call", at("2026-12-04T11:40:00+00:00"))
    found = day_at("2026-12-04T14:00:00+00:00", opening(), notes=(call,))
    assert [c.state for c in found.calls] == ["received"] and found.alerts == 0


def test_p1_direct_route_has_no_call_to_expect() -> None:
    assert day_at("2026-12-04T14:00:00+00:00", opening(route="direct")).calls == []


def test_p6_no_timeline_a_day_after_the_interview_asks_the_client() -> None:
    o = opening()
    assert day_at("2026-12-04T15:00:00+00:00", o).decisions == []
    found = day_at("2026-12-05T11:30:00+00:00", o)
    assert [d.state for d in found.decisions] == ["no-timeline"]


def test_p8_a_passed_decision_date_asks_for_a_chase_then_the_guard_holds_a_week() -> None:
    told = ((at("2026-12-04T12:00:00+00:00"), date(2026, 12, 9), None, False),)
    o = opening(timelines=told)
    assert [d.state for d in day_at("2026-12-09T10:00:00+00:00", o).decisions] == ["due-today"]
    # The working morning after the date (the 10th, 09:00 London).
    assert [d.state for d in day_at("2026-12-10T08:59:00+00:00", o).decisions] == ["awaiting"]
    assert [d.state for d in day_at("2026-12-10T09:00:00+00:00", o).decisions] == ["passed"]
    chased = ClientNote(1, 7, "chase", at("2026-12-10T09:30:00+00:00"))
    held = day_at("2026-12-14T10:00:00+00:00", o, notes=(chased,)).decisions[0]
    assert held.state == "awaiting" and held.chase_from == at("2026-12-17T09:30:00+00:00")
    again = day_at("2026-12-17T09:30:00+00:00", o, notes=(chased,)).decisions[0]
    assert again.state == "passed"


def test_p8_the_candidates_own_follow_up_holds_the_consultants_chase_too() -> None:
    told = ((at("2026-12-04T12:00:00+00:00"), date(2026, 12, 9), None, False),)
    o = opening(timelines=told, follow_ups=(at("2026-12-10T08:00:00+00:00"),))
    held = day_at("2026-12-11T10:00:00+00:00", o).decisions[0]
    assert held.state == "awaiting" and held.chase_from == at("2026-12-17T08:00:00+00:00")


def test_p8_news_after_the_timeline_pauses_the_chase() -> None:
    told = ((at("2026-12-04T12:00:00+00:00"), date(2026, 12, 9), None, False),)
    o = opening(timelines=told, replies=((at("2026-12-08T10:00:00+00:00"), "Next week"),))
    found = day_at("2026-12-11T10:00:00+00:00", o)
    assert [d.state for d in found.decisions] == ["news"] and found.alerts == 0
    assert [n.text for n in found.news] == ["Next week"]


def test_p12_offers_stand_apart_and_closed_opportunities_ask_nothing() -> None:
    offer = opening(status=Status.OFFER)
    closed = opening(status=Status.REJECTED)
    found = day_at("2026-12-05T11:30:00+00:00", offer, closed)
    assert found.offers == [offer]
    assert found.decisions == [] and [c.opening for c in found.calls] == []


def test_p6_a_further_round_booked_asks_nothing_of_the_client() -> None:
    """After "next round" with round 2 in the diary, the client has moved: no chase."""
    found = day_at("2026-12-07T11:30:00+00:00", opening(status=Status.INTERVIEW_SCHEDULED))
    assert found.decisions == [] and found.alerts == 0
