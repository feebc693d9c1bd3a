"""Decisions on planned actions (services/decisions.py): done, skip, snooze, reopen."""

from __future__ import annotations

import pytest

from afterview.errors import BadInput, Conflict, Refused, UnknownAction
from afterview.playbook.facts import Channel, ContactKind
from afterview.services import decisions
from afterview.services.app import App

from .helpers import at, due_keys, iso, newcomer, open_keys, plan, plan_view, thank, utc

CALL = "P1:recruiter-call:interview=1"
FIRST = "P8:follow-up:opp=1:n=1"
SECOND = "P8:follow-up:opp=1:n=2"


def contacts(app: App, opp: int) -> list[tuple[ContactKind, Channel, int | None]]:
    return [
        (c.kind, c.channel, c.person_id)
        for c in plan_view(app, opp, at(31, 9)).opportunity.contacts
    ]


def test_done_on_a_call_logs_the_call(app: App) -> None:
    n = newcomer(app)
    outcome = decisions.done(app, CALL, at=at(10, 12, 30), now=at(10, 13))
    assert (outcome.state, outcome.logged_contact) == ("done", 1)
    assert contacts(app, n.opp) == [(ContactKind.RECRUITER_CALL, Channel.PHONE, n.recruiter)]
    item = plan(app, n.opp, at(10, 13))[CALL]
    assert (item["state"], item["closed_at"]) == ("done", iso(10, 12, 30))


def test_done_on_a_thank_you_logs_it_and_starts_the_follow_up_clock(app: App) -> None:
    n = newcomer(app)
    key = f"P5:thank-you:interview=1:person={n.dana}"
    decisions.done(app, key, at=at(10, 16, 40), now=at(10, 17))
    assert contacts(app, n.opp) == [(ContactKind.THANK_YOU, Channel.EMAIL, n.dana)]
    assert plan(app, n.opp, at(10, 17))[FIRST]["send_at"] == utc(17, 16, 40)


def test_the_follow_ups_come_weekly_and_done_inside_the_guard_is_refused(app: App) -> None:
    n = newcomer(app)
    thank(app, n.opp, at(10, 16, 40))
    decisions.done(app, FIRST, at=at(17, 17), now=at(17, 17))
    assert plan(app, n.opp, at(17, 17))[SECOND]["send_at"] == utc(24, 17)

    with pytest.raises(Refused) as refused:
        decisions.done(app, SECOND, at=at(20, 10), now=at(20, 10))
    assert refused.value.exit_code == 2
    assert refused.value.message == (
        "Not yet: at most one follow-up a week (P8). The next is allowed from Tue 24 Mar 17:00."
    )
    assert len(contacts(app, n.opp)) == 2  # thank-you + first follow-up, nothing more
    assert plan(app, n.opp, at(20, 10))[SECOND]["state"] == "pending"

    decisions.done(app, SECOND, at=at(24, 17), now=at(24, 17))  # exactly a week: allowed
    assert contacts(app, n.opp)[-1] == (ContactKind.FOLLOW_UP, Channel.EMAIL, n.recruiter)


def test_done_uses_the_timelines_channel_for_a_follow_up(app: App) -> None:
    from datetime import date

    from afterview.services import records

    n = newcomer(app)
    records.set_timeline(
        app,
        n.opp,
        now=at(10, 12),
        decision_by=date(2026, 3, 13),
        follow_up_with=n.dana,
        follow_up_how=Channel.PHONE,
    )
    decisions.done(app, FIRST, at=at(16, 9, 30), now=at(16, 10))
    assert contacts(app, n.opp) == [(ContactKind.FOLLOW_UP, Channel.PHONE, n.dana)]


def test_done_refuses_a_future_time_and_a_second_time(app: App) -> None:
    newcomer(app)
    with pytest.raises(BadInput, match="in the future"):
        decisions.done(app, CALL, at=at(10, 14), now=at(10, 13))
    decisions.done(app, CALL, at=at(10, 13), now=at(10, 13))
    with pytest.raises(Conflict, match=f"{CALL} is already done .*afterview reopen"):
        decisions.done(app, CALL, at=at(10, 13), now=at(10, 13))


def test_skip_needs_a_reason_and_keeps_it(app: App) -> None:
    n = newcomer(app)
    with pytest.raises(BadInput, match="Say why"):
        decisions.skip(app, CALL, reason="  ", now=at(10, 13))
    decisions.skip(app, CALL, reason="spoke at the interview", now=at(10, 13))
    item = plan(app, n.opp, at(10, 13))[CALL]
    assert (item["state"], item["reason"]) == ("skipped", "spoke at the interview")
    assert CALL not in open_keys(app, at(10, 13))


def test_snooze_hides_until_then_and_reopen_undoes(app: App) -> None:
    n = newcomer(app)
    with pytest.raises(BadInput, match="Snooze until a future time"):
        decisions.snooze(app, CALL, until=at(10, 12), now=at(10, 13))
    decisions.snooze(app, CALL, until=at(10, 16), now=at(10, 13))
    assert CALL not in due_keys(app, at(10, 15, 59))
    assert CALL in due_keys(app, at(10, 16))
    item = plan(app, n.opp, at(10, 13))[CALL]
    assert (item["state"], item["snoozed_until"], item["due"]) == (
        "snoozed",
        iso(10, 16),
        iso(10, 13),
    )
    decisions.reopen(app, CALL, now=at(10, 14))
    assert plan(app, n.opp, at(10, 14))[CALL]["state"] == "pending"
    with pytest.raises(Conflict, match="no decision to undo"):
        decisions.reopen(app, CALL, now=at(10, 14))


def test_reopening_a_done_call_keeps_the_contact_it_logged(app: App) -> None:
    n = newcomer(app)
    decisions.done(app, CALL, at=at(10, 13), now=at(10, 13))
    decisions.reopen(app, CALL, now=at(10, 14))
    assert len(contacts(app, n.opp)) == 1
    # the logged call still satisfies P1 (a fact), so the step stays done
    assert plan(app, n.opp, at(10, 14))[CALL]["state"] == "done"


@pytest.mark.parametrize("key", ["NOPE", "P8:follow-up:opp=9:n=1", " "])
def test_unknown_keys_are_refused(app: App, key: str) -> None:
    newcomer(app)
    for call in (
        lambda: decisions.done(app, key, at=at(10, 13), now=at(10, 13)),
        lambda: decisions.skip(app, key, reason="x", now=at(10, 13)),
        lambda: decisions.snooze(app, key, until=at(11, 13), now=at(10, 13)),
        lambda: decisions.reopen(app, key, now=at(10, 13)),
    ):
        with pytest.raises(UnknownAction):
            call()


def test_the_weekly_search_step_comes_back_a_week_after_it_is_done(app: App) -> None:
    newcomer(app)
    assert open_keys(app, at(11, 9), rule="P9") == ["P9:keep-searching:n=1"]
    decisions.done(app, "P9:keep-searching:n=1", at=at(11, 10), now=at(11, 10))
    assert open_keys(app, at(11, 10), rule="P9") == ["P9:keep-searching:n=2"]
