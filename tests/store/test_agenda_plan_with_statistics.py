"""The agenda stays two index ranges even once SQLite has statistics (after ANALYZE).

With `sqlite_stat1` present SQLite judged ix(effective_due_utc) cheaper for the
second half (steps expiring after now) and walked every action ever due: at
10,000 generated opportunities 180 ms instead of 1.4 ms (docs/benchmarks.md).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from afterview.agenda_query import AgendaQuery, fetch, params, sql
from afterview.store.engine import connect

NOW = datetime(2025, 11, 12, 11, tzinfo=UTC)


def _text(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _history(path: Path) -> None:
    """Years of lapsed steps, a few live ones, and statistics over them."""
    connect(f"sqlite:///{path}").dispose()  # the schema from the real migrations
    rows = []
    for n in range(3000):
        due = NOW - timedelta(days=1000) + timedelta(hours=8 * n)
        lapsed = n % 10 != 0
        expires = due + timedelta(hours=2) if lapsed or n % 20 == 0 else None
        rows.append(
            (
                f"P2:k{n}",
                "P2",
                "t",
                "g",
                "w",
                "Europe/London",
                _text(due),
                due.isoformat(),
                _text(due),
                due.isoformat(),
                "pending",
                _text(expires) if expires else None,
                1,
            )
        )
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO actions (key, rule, title, guidance, why, tz, due_utc, due_local, "
            "effective_due_utc, effective_due_local, state, expires_utc, is_open) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.execute("ANALYZE")
    conn.close()


def test_both_halves_stay_index_ranges_with_statistics(tmp_path: Path) -> None:
    path = tmp_path / "plan.db"
    _history(path)
    query = AgendaQuery(NOW)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0
        plan = conn.execute("EXPLAIN QUERY PLAN " + sql(query), params(query)).fetchall()
        items = fetch(conn, query)
        every = conn.execute(
            "SELECT key FROM actions WHERE is_open = 1 AND effective_due_utc <= :horizon "
            "AND (expires_utc IS NULL OR expires_utc > :now) ORDER BY effective_due_utc, key",
            params(query),
        ).fetchall()
    conn.close()
    used = [detail for *_, detail in plan if "actions" in detail]
    assert len(used) == 2
    assert all("ix_actions_is_open_expires_utc_effective_due_utc" in d for d in used), used
    assert [i["key"] for i in items] == [k for (k,) in every]
