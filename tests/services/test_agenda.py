"""The agenda through the service layer, the light sqlite3 path, and settings changes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from afterview.agenda_query import AgendaQuery, fetch
from afterview.services import decisions
from afterview.services.agenda import agenda
from afterview.services.app import App

from .helpers import at, iso, newcomer, open_keys, plan, thank, utc


def keys(app: App, query: AgendaQuery) -> list[str]:
    return [item["key"] for item in agenda(app, query)]


def test_the_agenda_shows_what_is_due_most_urgent_first(app: App) -> None:
    newcomer(app)
    assert keys(app, AgendaQuery(at(10, 8, 59))) == []
    assert keys(app, AgendaQuery(at(10, 9))) == ["P2:ask-before-leaving:interview=1"]
    assert keys(app, AgendaQuery(at(10, 8), days=4 / 24)) == [
        "P2:ask-before-leaving:interview=1",
        "P4:debrief:interview=1",
    ]
    assert keys(app, AgendaQuery(at(10, 13))) == [
        "P4:debrief:interview=1",
        "P1:recruiter-call:interview=1",  # P2 expired at 11:00
    ]


def test_overdue_and_snoozed_items(app: App) -> None:
    newcomer(app)
    decisions.snooze(app, "P4:debrief:interview=1", until=at(10, 18), now=at(10, 12, 30))
    items = {i["key"]: i for i in agenda(app, AgendaQuery(at(10, 18), days=0))}
    debrief, call = items["P4:debrief:interview=1"], items["P1:recruiter-call:interview=1"]
    assert (debrief["state"], debrief["snoozed_until"], debrief["overdue"]) == (
        "snoozed",
        iso(10, 18),
        False,
    )
    assert (call["state"], call["snoozed_until"], call["overdue"]) == ("pending", None, True)
    assert list(items)[:2] == ["P1:recruiter-call:interview=1", "P5:thank-you:interview=1:person=2"]


def test_include_closed_adds_done_and_skipped(app: App) -> None:
    newcomer(app)
    decisions.done(app, "P4:debrief:interview=1", at=at(10, 12), now=at(10, 12))
    decisions.skip(app, "P1:recruiter-call:interview=1", reason="no need", now=at(10, 12))
    open_only = agenda(app, AgendaQuery(at(10, 14)))
    every = agenda(app, AgendaQuery(at(10, 14), include_closed=True))
    assert [i["state"] for i in open_only] == []  # and P2 expired when the interview ended
    assert {i["key"]: i["state"] for i in every} == {
        "P4:debrief:interview=1": "done",
        "P1:recruiter-call:interview=1": "skipped",
    }


@pytest.mark.parametrize("new_db_url", ["sqlite"], indirect=True)  # the light path's kind
def test_the_light_path_reads_exactly_what_the_service_reads(app: App, db_url: str) -> None:
    import sqlite3

    n = newcomer(app)
    thank(app, n.opp, at(10, 16, 40))
    decisions.snooze(app, "P7:reflect:interview=1", until=at(13, 9), now=at(11, 9))
    path = db_url.removeprefix("sqlite:///")
    for query in (
        AgendaQuery(at(12, 9)),
        AgendaQuery(at(12, 9), days=7),
        AgendaQuery(at(12, 9), everything_ahead=True, include_closed=True),
    ):
        connection = sqlite3.connect(path)
        try:
            assert fetch(connection, query) == agenda(app, query)
        finally:
            connection.close()


def test_changed_settings_replan_everything_on_the_next_use(
    app: App, app_with: Callable[..., App]
) -> None:
    n = newcomer(app)
    thank(app, n.opp, at(10, 16, 40))
    assert plan(app, n.opp, at(11, 9))["P8:follow-up:opp=1:n=1"]["send_at"] == utc(17, 16, 40)
    slower = app_with(first_follow_up_days=10, debrief_within_hours=2)
    items = {i["key"]: i for i in agenda(slower, AgendaQuery(at(11, 9), everything_ahead=True))}
    assert items["P8:follow-up:opp=1:n=1"]["send_at"] == utc(20, 16, 40)
    assert plan(slower, n.opp, at(11, 9))["P4:debrief:interview=1"]["due"] == iso(10, 13)


def test_the_agenda_respects_a_longer_weekly_guard(app: App, app_with: Callable[..., App]) -> None:
    n = newcomer(app)
    thank(app, n.opp, at(10, 16, 40))
    decisions.done(app, "P8:follow-up:opp=1:n=1", at=at(17, 17), now=at(17, 17))
    assert plan(app, n.opp, at(18, 9))["P8:follow-up:opp=1:n=2"]["send_at"] == utc(24, 17)
    patient = app_with(follow_up_guard_days=10)
    assert open_keys(patient, at(18, 9), rule="P8") == ["P8:follow-up:opp=1:n=2"]
    assert plan(patient, n.opp, at(18, 9))["P8:follow-up:opp=1:n=2"]["send_at"] == utc(27, 17)


def test_agenda_items_carry_their_explanation(app: App) -> None:
    newcomer(app)
    (item,) = agenda(app, AgendaQuery(at(10, 9)))
    assert item["rule"] == "P2" and "(P2)" in item["why"]
    assert "guidance" not in item  # most of an item's bytes: only on request
    (detailed,) = agenda(app, AgendaQuery(at(10, 9), with_guidance=True))
    assert detailed["guidance"].startswith("Before the interview ends, ask:")
    assert item["company"] == "Northwind Health" and item["tz"] == "Europe/London"
    assert item["due"] == iso(10, 9)


def test_the_marked_agenda_flags_what_today_lists_to_catch_up(app: App, db_url: str) -> None:
    """`marked_agenda` (the CLI agenda on PostgreSQL, MCP, /api/agenda) sets `catch_up` on
    exactly Today's "To catch up" steps (P11): here P9's first reminder, past when the
    first interview was typed in a day late, and the steps re-planned for it; SQLite's
    light path writes the same flags."""
    import json
    import sqlite3

    from afterview.agenda_query import fetch_json
    from afterview.day import CATCH_UP, SECTIONS, section_of, split_catch_ups
    from afterview.playbook.facts import Route
    from afterview.services import records
    from afterview.services.agenda import marked_agenda

    from .helpers import TZ

    entered = at(12, 9)  # Thursday: the interview was on Tuesday
    opp = records.add_opportunity(
        app, company="Contoso", role="Analyst", route=Route.DIRECT, now=entered
    )
    records.add_interview(
        app, opp, start=at(10, 10), end=at(10, 11), tz=TZ, now=entered,
        interviewers=(records.NewInterviewer("Ana Diaz", "ana@contoso.example"),),
    )  # fmt: skip
    now = at(12, 10)
    query = AgendaQuery(now, days=7)
    items, moments = marked_agenda(app, query, now)
    by_section = [(t, [i for i in items if section_of(i, now) == t]) for t in SECTIONS]
    split = dict(split_catch_ups(by_section, moments))
    caught = [i["key"] for i in items if i["catch_up"]]
    assert caught == [i["key"] for i in split[CATCH_UP]]
    assert "P9:keep-searching:n=1" in caught and len(caught) > 1, caught
    # read for the past-due steps only: P9's reminder (the first interview, Contoso's);
    # Contoso's own steps were re-planned to fall due from now on
    assert moments == {None: entered}
    if db_url.startswith("sqlite"):
        connection = sqlite3.connect(db_url.removeprefix("sqlite:///"))
        try:
            assert json.loads(fetch_json(connection, query, lambda: now)) == items
        finally:
            connection.close()
