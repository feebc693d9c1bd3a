"""`afterview agenda` and `afterview today`: the read path that must start instantly.

These commands parse their options with argparse and read the materialised plan
with the stdlib sqlite3 module: no Click, no SQLAlchemy, no Rich for `--json`.
When the file is missing, its schema is behind, or the settings changed since the
plan was materialised, they hand over once to the service layer to bring it up to
date, then read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from typing import Any

from afterview import paths
from afterview.agenda_query import AgendaQuery, fetch
from afterview.errors import AfterviewError, BadInput

AGENDA_HELP = """\
What is due or overdue at TIME (default: now), most urgent first.

Examples:
  afterview agenda                      due now
  afterview agenda --days 7             due within the next week
  afterview agenda --all --json         every open action ahead, for scripts
  afterview agenda --at 2026-03-10T09:00 --tz Europe/London
"""

TODAY_HELP = """\
The day at a glance: overdue, due today, and the week ahead.

Example:
  afterview today
"""


def agenda_parser(prog: str = "afterview agenda") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description=AGENDA_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="show this help and exit")
    parser.add_argument("--at", metavar="TIME", help="the moment to look from (ISO 8601 or 'now')")
    parser.add_argument("--tz", metavar="ZONE", help="zone for --at without an offset")
    parser.add_argument("--days", type=float, default=0, metavar="N", help="also what falls due within N days")
    parser.add_argument("--all", action="store_true", help="every open action ahead, however far")
    parser.add_argument("--include-closed", action="store_true", help="add done and skipped actions")
    parser.add_argument("--json", action="store_true", help="machine-readable output (a stable contract)")
    parser.add_argument("--db", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--demo", action="store_true", help=argparse.SUPPRESS)
    return parser


def today_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="afterview today",
        description=TODAY_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="show this help and exit")
    parser.add_argument("--at", metavar="TIME", help="pretend it is TIME (ISO 8601)")
    parser.add_argument("--tz", metavar="ZONE", help="zone for --at without an offset")
    parser.add_argument("--week", type=float, default=7, metavar="DAYS", help="how far 'coming up' looks (7)")
    parser.add_argument("--db", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--demo", action="store_true", help=argparse.SUPPRESS)
    return parser


def run_agenda(argv: list[str], db: str | None, demo: bool) -> int:
    args = agenda_parser().parse_args(argv)
    now = _moment(args.at, args.tz)
    query = AgendaQuery(now, args.days, args.all, args.include_closed)
    items = read(paths.resolve_db(args.db or db, demo=args.demo or demo), query)
    if args.json:
        sys.stdout.write(json.dumps(items, sort_keys=True, indent=2, ensure_ascii=False) + "\n")
        return 0
    if not items:
        print("Nothing due. `afterview agenda --all` shows what is ahead.")
        return 0
    for item in items:
        print(_line(item))
    return 0


def run_today(argv: list[str], db: str | None, demo: bool) -> int:
    args = today_parser().parse_args(argv)
    now = _moment(args.at, args.tz)
    url = paths.resolve_db(args.db or db, demo=args.demo or demo)
    items = read(url, AgendaQuery(now, args.week))
    from afterview.cli.today_view import render_today

    render_today(items, now)
    return 0


def read(url: str, query: AgendaQuery) -> list[dict[str, Any]]:
    """The agenda items, bringing the plan up to date first only when it is stale."""
    path = paths.sqlite_path(url)
    if path is not None and _fresh_sqlite(path):
        return _read_sqlite(path, query)
    _bring_up_to_date(url, query.at)
    if path is not None:
        return _read_sqlite(path, query)
    return _read_other(url, query)


def _fresh_sqlite(path: str) -> bool:
    import sqlite3

    from afterview.store import HEAD_REVISION

    if not os.path.exists(path):
        return False
    try:
        with _sqlite(path) as conn:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            source = conn.execute(
                "SELECT value FROM meta WHERE key = 'settings_source'"
            ).fetchone()
    except sqlite3.Error:
        return False
    if revision is None or revision[0] != HEAD_REVISION:
        return False
    return source is not None and source[0] == paths.settings_source_fingerprint()


def _read_sqlite(path: str, query: AgendaQuery) -> list[dict[str, Any]]:
    import sqlite3

    try:
        with _sqlite(path) as conn:
            return fetch(conn, query)
    except sqlite3.Error as exc:
        from afterview.errors import StoreError

        raise StoreError(f"Cannot read {path}: {exc}") from None


class _sqlite:
    """A short-lived connection that waits politely for a writer."""

    def __init__(self, path: str) -> None:
        import sqlite3

        self.conn = sqlite3.connect(path, timeout=10)

    def __enter__(self) -> Any:
        return self.conn

    def __exit__(self, *exc: object) -> None:
        self.conn.close()


def _bring_up_to_date(url: str, now: datetime) -> None:
    from afterview.services.app import App

    app = App(url=url, config=_config())
    try:
        with app.transaction(now):
            pass  # migrating and re-planning happen on entry
    finally:
        app.close()


def _read_other(url: str, query: AgendaQuery) -> list[dict[str, Any]]:
    from afterview.services.agenda import agenda
    from afterview.services.app import App

    app = App(url=url, config=_config())
    try:
        return agenda(app, query)
    finally:
        app.close()


def _config() -> Any:
    from afterview import config

    return config.load()


def _moment(text: str | None, tz: str | None) -> datetime:
    if not text:
        return datetime.now(UTC)
    from afterview.parsing import parse_datetime

    zone = tz or os.environ.get("AFTERVIEW_TZ") or _config().timezone
    return parse_datetime(text, zone)


def _line(item: dict[str, Any]) -> str:
    """One line per action: overdue mark, local due time and zone, rule, title, key."""
    mark = "!" if item["overdue"] else " "
    due = (item["snoozed_until"] or item["due"])[:16].replace("T", " ")
    city = item["tz"].split("/")[-1].replace("_", " ")
    return f"{mark} {due} {city:<9} {item['rule']:<4} {item['title']}  ({item['key']})"


def run(command: str, argv: list[str], db: str | None, demo: bool) -> int:
    """Entry from `afterview.__main__`: errors become one line on stderr and exit code."""
    try:
        if command == "agenda":
            return run_agenda(argv, db, demo)
        return run_today(argv, db, demo)
    except AfterviewError as exc:
        print(f"afterview: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except ValueError as exc:  # argparse types and the like
        print(f"afterview: {BadInput(str(exc)).message}", file=sys.stderr)
        return 2
