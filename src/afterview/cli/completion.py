"""Shell completion: the values a TAB offers for step ids, record ids and time zones.

Completion runs on every TAB, so it reads the SQLite file with the stdlib sqlite3
module, read-only, without migrating or re-planning (a stale plan completes stale
ids; the command itself then brings the plan up to date). PostgreSQL is read with
one plain query. Any failure completes nothing: a TAB never prints an error.
"""

from __future__ import annotations

from datetime import UTC, datetime

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# what each kind of id completes to: the id and a short description (shown by zsh, fish)
QUERIES = {
    "opp": "SELECT id, company || ' — ' || role FROM opportunities ORDER BY id",
    "interview": (
        "SELECT i.id, o.company || ', round ' || i.round FROM interviews i "
        "JOIN opportunities o ON o.id = i.opportunity_id ORDER BY i.id"
    ),
    "person": (
        "SELECT p.id, p.name || ' (' || o.company || ')' FROM people p "
        "JOIN opportunities o ON o.id = p.opportunity_id ORDER BY p.id"
    ),
    "message": (
        "SELECT id, kind || ' to ' || coalesce(to_name, '?') || "
        "CASE WHEN sent_at IS NULL THEN '' ELSE ' (sent)' END FROM messages ORDER BY id"
    ),
    # steps one can act on: open and not moot, soonest first
    "open-step": (
        "SELECT step_id, key, title FROM actions WHERE is_open = 1 AND step_id IS NOT NULL "
        "AND (expires_utc IS NULL OR expires_utc > :now) ORDER BY effective_due_utc, key"
    ),
    # steps with a decision to undo (`reopen`)
    "decided-step": (
        "SELECT step_id, key, title FROM actions WHERE state <> 'pending' "
        "AND step_id IS NOT NULL ORDER BY effective_due_utc DESC, key"
    ),
}


def candidates(kind: str, incomplete: str, db: str | None, demo: bool) -> list[tuple[str, str]]:
    """(value, help) pairs for `kind` that start with what was typed; [] on any failure."""
    try:
        rows = _rows(QUERIES[kind], db, demo)
    except Exception:
        return []
    if kind.endswith("step"):
        return _steps(rows, incomplete)
    return [(str(value), str(text)) for value, text in rows if str(value).startswith(incomplete)]


def _steps(rows: list[Any], incomplete: str) -> list[tuple[str, str]]:
    """Short ids by default; keys once the word starts like one (`P5:…`, any case)."""
    if incomplete[:1] in ("P", "p"):
        lowered = incomplete.lower()
        return [(key, title) for _, key, title in rows if key.lower().startswith(lowered)]
    return [(str(step), title) for step, _, title in rows if str(step).startswith(incomplete)]


def zones(incomplete: str) -> list[str]:
    """IANA zone names starting with what was typed, ignoring case (`europe/lo` → London)."""
    from zoneinfo import available_timezones

    lowered = incomplete.lower()
    return sorted(zone for zone in available_timezones() if zone.lower().startswith(lowered))


def _rows(query: str, db: str | None, demo: bool) -> list[Any]:
    from afterview import paths

    url = paths.resolve_db(db, demo=demo)
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    path = paths.sqlite_path(url)
    if path is not None:
        import os
        import sqlite3

        if not os.path.exists(path):
            return []
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)
        try:
            return list(conn.execute(query, {"now": now}).fetchall())
        finally:
            conn.close()
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query), {"now": now})]
    finally:
        engine.dispose()


SHELLS = ("bash", "zsh", "fish")


def script(shell: str, program: str = "afterview") -> str:
    """The completion script Click generates for `shell` (what `afterview completion` prints)."""
    from click.shell_completion import get_completion_class

    from afterview.cli.app import cli

    kind = get_completion_class(shell)
    assert kind is not None, shell
    variable = "_" + program.replace("-", "_").upper() + "_COMPLETE"
    return kind(cli, {}, program, variable).source()
