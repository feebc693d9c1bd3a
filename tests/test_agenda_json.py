"""`agenda --json` on SQLite is built by SQLite (agenda_query.ITEM_SQL); it must be the
very item `to_item` builds in Python for PostgreSQL and the web, value for value, and
laid out exactly as `json_text` lays out Python's items — `catch_up` included, which
the light path and the service layer (`with_catch_ups`) decide only for the steps
that could be catch-ups (`could_catch_up`): as the rule itself (`day.mark_catch_ups`,
P11) decides on every item."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterview.agenda_query import (
    AgendaQuery,
    entry_moments,
    fetch,
    fetch_json,
    json_text,
    runner,
    with_catch_ups,
)
from afterview.day import mark_catch_ups
from afterview.playbook import CATCH_UP_MARK
from afterview.store.engine import connect
from afterview.store.types import sqlite_text

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
LOCAL_NOW = NOW.astimezone(ZoneInfo("Europe/London"))
TRICKY = "Zoë “Dana” O'Neil\n\t\\ \u2028 \x01 😀 </script>"


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("agenda") / "plan.sqlite3"
    connect(f"sqlite:///{path}").dispose()  # the real schema
    return path


def _row(
    n: int, state: str, title: str, offset_hours: int, expires: str | None, replanned: bool = False
) -> tuple[Any, ...]:
    due = NOW + timedelta(hours=offset_hours)
    text = due.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"P{n % 12 + 1}:k={n}",
        None if n % 3 else n // 3 + 1,  # opportunities 1, 2… ; None: candidate-wide (P9)
        n if n % 2 else None,
        None,
        f"P{n % 12 + 1}",
        title,
        "guidance " + title,
        f"why {n}, {CATCH_UP_MARK} (P5)" if replanned else f"why {n} (P5)",
        "Acme & Co" if n % 2 else None,
        "Engineer",
        "Europe/London",
        text,
        due.isoformat(),
        text,
        due.isoformat(),
        state,
        1 if state in ("pending", "snoozed") else 0,
        "2026-03-09T10:00:00+00:00" if state == "done" else None,
        "busy" if state == "skipped" else None,
        "thank-you" if n % 4 == 0 else None,
        expires,
    )


COLUMNS = (
    "key, opportunity_id, interview_id, person_id, rule, title, guidance, why, company, role, "
    "tz, due_utc, due_local, effective_due_utc, effective_due_local, state, is_open, "
    "closed_at, reason, logs, expires_utc"
)


def _fill(path: Path, rows: list[tuple[Any, ...]], entered: list[int] | None = None) -> None:
    """The plan's rows and, when `entered` is given, opportunities 1, 2… entered that
    many hours from NOW, the first interview (P9) entered as the first of them."""
    with sqlite3.connect(path) as conn:
        for table in ("actions", "interviews", "opportunities"):
            conn.execute(f"DELETE FROM {table}")
        conn.executemany(f"INSERT INTO actions ({COLUMNS}) VALUES ({', '.join('?' * 21)})", rows)
        for opp, hours in enumerate(entered or [], start=1):
            moment = sqlite_text(NOW + timedelta(hours=hours))
            conn.execute(
                "INSERT INTO opportunities (id, company, role, route, created_at) "
                "VALUES (?, 'Acme', 'Engineer', 'direct', ?)",
                (opp, moment),
            )
        if entered:
            conn.execute(
                "INSERT INTO interviews (id, opportunity_id, round, start_at, end_at, tz) "
                "VALUES (1, 1, 1, ?, ?, 'Europe/London')",
                (sqlite_text(NOW - timedelta(days=9)), sqlite_text(NOW - timedelta(days=9))),
            )
    conn.close()


def _marked(conn: sqlite3.Connection, query: AgendaQuery) -> list[dict[str, Any]]:
    """The items built in Python (`to_item`) and marked by the rule itself, every one
    (`day.mark_catch_ups`); the service layer's shortcut (`with_catch_ups`) must agree."""
    found = fetch(conn, query)
    mark_catch_ups(found, LOCAL_NOW, lambda ids, wide: entry_moments(runner(conn), ids, wide))
    shortcut = fetch(conn, query)
    with_catch_ups(shortcut, lambda: LOCAL_NOW, runner(conn))
    assert shortcut == found
    return found


titles = st.text(min_size=1, max_size=40)
states = st.sampled_from(["pending", "snoozed", "done", "skipped"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(states, titles, st.integers(-72, 72), st.booleans(), st.booleans()),
        max_size=12,
    ),
    # when opportunities 1, 2, 3, 4 were entered, in hours from now: before, between and
    # after their steps' due times (on the second, too: 0)
    st.lists(st.integers(-80, 2), min_size=4, max_size=4),
)
def test_sqlite_items_equal_python_items(
    plan_file: Path, specs: list[Any], entered: list[int]
) -> None:
    expires = (NOW + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    _fill(
        plan_file,
        [_row(n, s, t, h, expires if e else None, r) for n, (s, t, h, e, r) in enumerate(specs)],
        entered,
    )
    for query in (
        AgendaQuery(NOW, days=2),
        AgendaQuery(NOW, everything_ahead=True, include_closed=True, with_guidance=True),
    ):
        with sqlite3.connect(plan_file) as conn:
            built_by_sqlite = fetch_json(conn, query, lambda: LOCAL_NOW)
            built_in_python = _marked(conn, query)
        conn.close()
        assert json.loads(built_by_sqlite) == built_in_python
        assert built_by_sqlite == json_text(built_in_python)


def test_catch_ups_past_when_entered_or_re_planned(plan_file: Path) -> None:
    """The light path marks what the rule marks (P11): steps past due on an earlier day
    than their opportunity (or, for P9's, the first interview) was entered, and steps
    re-planned as catch-ups; not one due after the entry, nor one due earlier today."""
    rows = [  # n = 0, 3, 6…: opportunity n // 3 + 1; n = 1: candidate-wide (P9)
        _row(1, "pending", "P9's, before the first interview was entered", -50, None),
        _row(3, "pending", "before opportunity 2 was entered", -30, None),
        _row(6, "pending", "after opportunity 3 was entered", -30, None),
        _row(9, "pending", "before opportunity 4 was entered, but today", -2, None),
        _row(12, "pending", "re-planned, due later", 5, None, replanned=True),
        _row(18, "done", "done, before opportunity 7 was entered", -30, None),
    ]
    # hours from now (Tuesday 12:00 in London): opportunity 1 (the first interview's)…
    _fill(plan_file, rows, entered=[-40, -20, -40, 0, 0, 0, 0])
    query = AgendaQuery(NOW, days=1, include_closed=True)
    with sqlite3.connect(plan_file) as conn:
        text = fetch_json(conn, query, lambda: LOCAL_NOW)
        items = _marked(conn, query)
    conn.close()
    assert text == json_text(items)
    by_title = {i["title"]: i for i in json.loads(text)}
    caught = {title for title, i in by_title.items() if i["catch_up"]}
    assert caught == {
        "P9's, before the first interview was entered",
        "before opportunity 2 was entered",
        "re-planned, due later",
    }
    # `overdue` still says past due: the flag beside it tells a catch-up from a lapse
    assert by_title["P9's, before the first interview was entered"]["overdue"] is True


def test_tricky_text_and_every_state(plan_file: Path) -> None:
    rows = [
        _row(n, state, TRICKY, -1, None)
        for n, state in enumerate(["pending", "snoozed", "done", "skipped"])
    ]
    _fill(plan_file, rows)
    query = AgendaQuery(NOW, include_closed=True)
    with sqlite3.connect(plan_file) as conn:
        text = fetch_json(conn, query, lambda: LOCAL_NOW)
        items = _marked(conn, query)
    conn.close()
    assert text == json_text(items)
    parsed = json.loads(text)
    assert [i["state"] for i in parsed] == ["pending", "snoozed", "done", "skipped"]
    assert parsed[0]["overdue"] is True and parsed[2]["overdue"] is False
    assert parsed[1]["snoozed_until"] == parsed[1]["due"] and parsed[0]["snoozed_until"] is None
    assert parsed[0]["title"] == TRICKY
    assert text.count("\n") == len(parsed) + 1  # one item per line between the brackets


def test_an_empty_agenda_is_an_empty_array(plan_file: Path) -> None:
    _fill(plan_file, [])
    with sqlite3.connect(plan_file) as conn:
        assert fetch_json(conn, AgendaQuery(NOW), lambda: LOCAL_NOW) == "[]" == json_text([])
    conn.close()
