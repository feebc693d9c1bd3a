"""`agenda --json` on SQLite is built by SQLite (agenda_query.ITEM_SQL); it must be the
very item `to_item` builds in Python for PostgreSQL and the web, value for value, and
laid out exactly as `json_text` lays out Python's items."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterview.agenda_query import AgendaQuery, fetch, fetch_json, json_text
from afterview.store.engine import connect

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
TRICKY = "Zoë “Dana” O'Neil\n\t\\ \u2028 \x01 😀 </script>"


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("agenda") / "plan.sqlite3"
    connect(f"sqlite:///{path}").dispose()  # the real schema
    return path


def _row(n: int, state: str, title: str, offset_hours: int, expires: str | None) -> tuple[Any, ...]:
    due = NOW + timedelta(hours=offset_hours)
    text = due.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"P{n % 12 + 1}:k={n}",
        None if n % 3 else n,
        n if n % 2 else None,
        None,
        f"P{n % 12 + 1}",
        title,
        "guidance " + title,
        f"why {n} (P5)",
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


def _fill(path: Path, rows: list[tuple[Any, ...]]) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM actions")
        conn.executemany(f"INSERT INTO actions ({COLUMNS}) VALUES ({', '.join('?' * 21)})", rows)
    conn.close()


titles = st.text(min_size=1, max_size=40)
states = st.sampled_from(["pending", "snoozed", "done", "skipped"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(states, titles, st.integers(-72, 72), st.booleans()), max_size=12))
def test_sqlite_items_equal_python_items(plan_file: Path, specs: list[Any]) -> None:
    expires = (NOW + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    _fill(
        plan_file,
        [_row(n, s, t, h, expires if e else None) for n, (s, t, h, e) in enumerate(specs)],
    )
    for query in (
        AgendaQuery(NOW, days=2),
        AgendaQuery(NOW, everything_ahead=True, include_closed=True, with_guidance=True),
    ):
        with sqlite3.connect(plan_file) as conn:
            built_by_sqlite = fetch_json(conn, query)
            built_in_python = fetch(conn, query)
        conn.close()
        assert json.loads(built_by_sqlite) == built_in_python
        assert built_by_sqlite == json_text(built_in_python)


def test_tricky_text_and_every_state(plan_file: Path) -> None:
    rows = [
        _row(n, state, TRICKY, -1, None)
        for n, state in enumerate(["pending", "snoozed", "done", "skipped"])
    ]
    _fill(plan_file, rows)
    query = AgendaQuery(NOW, include_closed=True)
    with sqlite3.connect(plan_file) as conn:
        text = fetch_json(conn, query)
        items = fetch(conn, query)
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
        assert fetch_json(conn, AgendaQuery(NOW)) == "[]" == json_text([])
    conn.close()
