"""`afterview agenda` and `afterview today`: the read path that must start instantly.

No Click, no SQLAlchemy, no Rich for `--json`: the materialised plan is read with
the stdlib sqlite3 module. Options are declared once (OPTIONS); a tiny parser
handles well-formed input, and anything else (`-h`, a typo, a bad number) goes to
argparse, built from the same table, for its help and its error messages.
When the file is missing, its schema is behind, or the settings changed since
the plan was materialised, the service layer brings it up to date first.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime

from afterview import paths
from afterview.agenda_query import AgendaQuery, fetch, fetch_json, json_text
from afterview.text_safety import clean_text

TYPE_CHECKING = False  # importing typing costs milliseconds on this path
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from typing import Any

    from afterview.agenda_query import Clock

    # name → (bool for flags, else a converter; metavar; help). `None` help = hidden.
    Option = tuple[Callable[[str], Any], str, str | None]
AGENDA_OPTIONS: dict[str, Option] = {
    "--at": (str, "TIME", "The moment to look from (ISO 8601 or 'now'; default now)."),
    "--tz": (str, "ZONE", "Zone for --at without an offset."),
    "--days": (float, "N", "Also what falls due within N days."),
    "--all": (bool, "", "Every open step ahead, however far."),
    "--include-closed": (bool, "", "Add done and skipped steps."),
    "--json": (bool, "", "Machine-readable output (a stable contract)."),
    "--guidance": (bool, "", "With --json: add each step's guidance text."),
    "--db": (str, "URL", None),
    "--demo": (bool, "", None),
}
TODAY_OPTIONS: dict[str, Option] = {
    "--at": (str, "TIME", "Pretend it is TIME (ISO 8601)."),
    "--tz": (str, "ZONE", "Zone for --at without an offset."),
    "--week": (float, "DAYS", "How far 'coming up' looks (default 7)."),
    "--db": (str, "URL", None),
    "--demo": (bool, "", None),
}
DEFAULTS = {"days": 0.0, "week": 7.0}

AGENDA_HELP = """\
  What is due or overdue at TIME (default: now), soonest first. The first column is
  the step's short id: `afterview done 3`; then `!` marks an overdue step, `~` one to
  catch up: already past when you entered its interview, so not late (P11).

  Examples:
    afterview agenda                      due now
    afterview agenda --days 7             due within the next week
    afterview agenda --all --json         every open step ahead, for scripts
    afterview agenda --at 2026-03-10T09:00 --tz Europe/London
"""
TODAY_HELP = """\
  The day at a glance: overdue (most important first), to catch up, due today, and
  the week ahead. Each step shows its short id and the command that acts on it.
  A step already past when you entered its interview (typed in a day late) is to
  catch up, not overdue, and does not count as late in your lessons (P11).

  Example:
    afterview today
    afterview done 3
"""


def parse(argv: list[str], options: dict[str, Option], prog: str, text: str) -> dict[str, Any]:
    """Fast path for well-formed arguments; argparse for help and errors."""
    values: dict[str, Any] = {name[2:].replace("-", "_"): None for name in options}
    values.update({k: v for k, v in DEFAULTS.items() if k in values})
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        name, eq, inline = token.partition("=")
        spec = options.get(name)
        if spec is None or (spec[0] is bool and eq):
            break
        key = name[2:].replace("-", "_")
        if spec[0] is bool:
            values[key] = True
            continue
        raw = inline if eq else (rest.pop(0) if rest else None)
        if raw is None:
            break
        try:
            values[key] = spec[0](raw)
        except ValueError:
            break
    else:
        return values
    return vars(_argparser(options, prog, text).parse_args(argv))


def _argparser(options: dict[str, Option], prog: str, text: str) -> argparse.ArgumentParser:
    import argparse

    from afterview.cli.light_args import LightParser

    parser = LightParser(prog, text)
    for name, (kind, metavar, help_text) in options.items():
        shown = help_text if help_text is not None else argparse.SUPPRESS
        key = name[2:].replace("-", "_")
        if kind is bool:
            parser.add_argument(name, action="store_true", help=shown)
        else:
            parser.add_argument(
                name,
                type=kind,
                metavar=metavar,
                help=shown,
                default=DEFAULTS.get(key),
            )
    return parser.with_help()


def run_agenda(argv: list[str], db: str | None, demo: bool) -> int:
    args = parse(argv, AGENDA_OPTIONS, "afterview agenda", AGENDA_HELP)
    now = _moment(args["at"], args["tz"])
    days = _span(args["days"], "--days")
    query = AgendaQuery(
        now, days, bool(args["all"]), bool(args["include_closed"]), bool(args["guidance"])
    )
    url = paths.resolve_db(args["db"] or db, demo=bool(args["demo"]) or demo)
    # "today" on the user's clock: asked for only when a step could be a catch-up, as
    # finding the zone without --tz or AFTERVIEW_TZ loads the settings (~25 ms)
    local_now = lambda: _local(now, args["tz"])  # noqa: E731
    if args["json"]:
        sys.stdout.write(read_json(url, query, local_now) + "\n")
        return 0
    items = read(url, query, local_now)
    if not items:
        print("Nothing due. `afterview agenda --all` shows what is ahead.")
        return 0
    from afterview.cli.today_view import terminal_width, wrap

    width = terminal_width()
    digits = max(len(str(item.get("id") or "")) for item in items)
    for item in items:
        head, text = _line(item, digits)
        for line in wrap(clean_text(text), width, head, " " * len(head)):
            print(line)
    return 0


def run_today(argv: list[str], db: str | None, demo: bool) -> int:
    args = parse(argv, TODAY_OPTIONS, "afterview today", TODAY_HELP)
    now = _moment(args["at"], args["tz"])
    url = paths.resolve_db(args["db"] or db, demo=bool(args["demo"]) or demo)
    local_now = _local(now, args["tz"])
    items, entered = read_day(url, AgendaQuery(now, _span(args["week"], "--week")), local_now)
    from afterview.cli.draft_hints import program_name
    from afterview.cli.today_view import render_today

    # the hints must act on the database shown: the demo's needs --demo
    on_demo = bool(args["demo"]) or demo or url == paths.resolve_db(None, demo=True)
    render_today(
        items,
        local_now,
        program=f"{program_name()} --demo" if on_demo else program_name(),
        entered=entered,
    )
    return 0


def read(url: str, query: AgendaQuery, local_now: Clock) -> list[dict[str, Any]]:
    """The agenda items with their `catch_up` (`day.mark_catch_ups`: the entry moments
    are read for the overdue steps only), bringing the plan up to date first only when
    it is stale."""
    path = paths.sqlite_path(url)
    if path is not None and not _fresh_sqlite(path):
        _bring_up_to_date(url, query.at)
    if path is not None:
        found: list[dict[str, Any]] = _on_sqlite(
            path, lambda conn, query: _marked(conn, query, local_now), query
        )
        return found
    return _read_other(url, query, local_now)


def _marked(conn: Any, query: AgendaQuery, local_now: Clock) -> list[dict[str, Any]]:
    from afterview.agenda_query import runner, with_catch_ups

    items = fetch(conn, query)
    with_catch_ups(items, local_now, runner(conn))
    return items


def read_day(
    url: str, query: AgendaQuery, local_now: datetime
) -> tuple[list[dict[str, Any]], dict[int | None, datetime]]:
    """The agenda items, and when the overdue ones' opportunities (P9's: the first
    interview) were entered, which tells a catch-up from a lapse (`day.is_catch_up`)."""
    path = paths.sqlite_path(url)
    if path is None:
        return _day_other(url, query, local_now)
    if not _fresh_sqlite(path):
        _bring_up_to_date(url, query.at)
    day: tuple[list[dict[str, Any]], dict[int | None, datetime]] = _on_sqlite(
        path, lambda conn, query: _day(conn, query, local_now), query
    )
    return day


def _day(
    conn: Any, query: AgendaQuery, local_now: datetime
) -> tuple[list[dict[str, Any]], dict[int | None, datetime]]:
    """On one sqlite3 connection; the entry moments are read only for overdue steps."""
    from afterview.agenda_query import entry_moments, runner

    items = fetch(conn, query)
    ids, candidate_wide = _overdue_entries(items, local_now)
    return items, entry_moments(runner(conn), ids, candidate_wide)


def _overdue_entries(items: list[dict[str, Any]], local_now: datetime) -> tuple[list[int], bool]:
    from afterview.day import SECTIONS, entries_needed, section_of

    return entries_needed([i for i in items if section_of(i, local_now) == SECTIONS[0]])


def read_json(url: str, query: AgendaQuery, local_now: Clock) -> str:
    """The agenda as JSON text; on SQLite built by SQLite itself (see ITEM_SQL), but for
    each item's `catch_up`, decided in Python (`day.mark_catch_ups`)."""
    path = paths.sqlite_path(url)
    if path is None:
        return json_text(_read_other(url, query, local_now))
    if not _fresh_sqlite(path):
        _bring_up_to_date(url, query.at)
    text: str = _on_sqlite(path, lambda conn, query: fetch_json(conn, query, local_now), query)
    return text


def _fresh_sqlite(path: str) -> bool:
    import sqlite3

    from afterview.store import HEAD_REVISION

    if not os.path.exists(path):
        return False
    try:
        conn = sqlite3.connect(path, timeout=10)
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            source = conn.execute("SELECT value FROM meta WHERE key = 'settings_source'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    if revision is None or revision[0] != HEAD_REVISION:
        return False
    return source is not None and source[0] == paths.settings_source_fingerprint()


def _on_sqlite(path: str, reader: Callable[[Any, AgendaQuery], Any], query: AgendaQuery) -> Any:
    import sqlite3

    try:
        conn = sqlite3.connect(path, timeout=10)
        try:
            return reader(conn, query)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        from afterview.errors import StoreError

        raise StoreError(f"Cannot read {path}: {exc}") from None


def _bring_up_to_date(url: str, now: datetime) -> None:
    from afterview.services.app import App

    app = App(url=url, config=_config())
    try:
        with app.transaction(now):
            pass  # migrating and re-planning happen on entry
    finally:
        app.close()


def _read_other(url: str, query: AgendaQuery, local_now: Clock) -> list[dict[str, Any]]:
    from afterview.services.agenda import marked_agenda
    from afterview.services.app import App

    app = App(url=url, config=_config())
    try:
        return marked_agenda(app, query, local_now())[0]
    finally:
        app.close()


def _day_other(
    url: str, query: AgendaQuery, local_now: datetime
) -> tuple[list[dict[str, Any]], dict[int | None, datetime]]:
    from afterview.services.agenda import agenda
    from afterview.services.app import App
    from afterview.services.queries import added_at

    app = App(url=url, config=_config())
    try:
        items = agenda(app, query)
        ids, candidate_wide = _overdue_entries(items, local_now)
        if not ids and not candidate_wide:
            return items, {}
        return items, added_at(app, ids, query.at, candidate_wide)
    finally:
        app.close()


def _config() -> Any:
    from afterview import config

    return config.load()


def _moment(text: str | None, tz: str | None) -> datetime:
    if not text:
        return datetime.now(UTC)
    from afterview.parsing import parse_datetime

    return parse_datetime(text, _zone_name(tz))


def _local(now: datetime, tz: str | None) -> datetime:
    """`now` on the user's wall clock: "today" is the user's day (--tz, AFTERVIEW_TZ,
    config), not the machine's; it decides what is overdue and what is to catch up."""
    from afterview.parsing import parse_zone

    return now.astimezone(parse_zone(_zone_name(tz)))


def _zone_name(tz: str | None) -> str:
    """The zone typed times are read in: --tz, else AFTERVIEW_TZ, else the config's."""
    from afterview.parsing import parse_zone

    return parse_zone(tz or os.environ.get("AFTERVIEW_TZ") or str(_config().timezone)).key


MAX_DAYS = 36_600.0  # a century: further is a typo (and beyond what dates can hold)


def _span(days: float, option: str) -> float:
    """A look-ahead in days; NaN, infinity and centuries are refused, not crashed on."""
    if not -MAX_DAYS <= days <= MAX_DAYS:
        from afterview.errors import BadInput

        raise BadInput(f"{option} takes a number of days up to {MAX_DAYS:.0f}, not {days}.")
    return days


def _line(item: dict[str, Any], digits: int) -> tuple[str, str]:
    """One item: short id, mark (`!` overdue, `~` to catch up: not late, P11), local due
    time and zone, rule; then title and key.

    Returned as (the fixed columns, the text), so a wrapped text stays under itself.
    """
    mark = "~" if item["catch_up"] else "!" if item["overdue"] else " "
    due = (item["snoozed_until"] or item["due"])[:16].replace("T", " ")
    city = item["tz"].split("/")[-1].replace("_", " ")
    step = str(item.get("id") or "")
    head = f"{step:>{digits}} {mark} {due} {clean_text(city):<9} {item['rule']:<4} "
    return head, f"{item['title']}{_theirs(item)}  ({item['key']})"


def _theirs(item: dict[str, Any]) -> str:
    """ " [12:00 New York]": the recipient's clock, when they are in another zone."""
    other = item.get("other_tz")
    if not other or other == item["tz"]:
        return ""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    due = datetime.fromisoformat(item["snoozed_until"] or item["due"])
    there = due.astimezone(ZoneInfo(other))
    if there.utcoffset() == due.utcoffset():  # the same wall clock (London and UTC in winter)
        return ""
    return f" [{there:%a %H:%M} {clean_text(other.rsplit('/', 1)[-1].replace('_', ' '))}]"


def run(command: str, argv: list[str], db: str | None, demo: bool) -> int:
    """Entry from `afterview.__main__`: errors become one line on stderr and an exit code."""
    try:
        if command == "agenda":
            return run_agenda(argv, db, demo)
        return run_today(argv, db, demo)
    except BrokenPipeError:  # `afterview agenda | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        from afterview.errors import AfterviewError

        if isinstance(exc, AfterviewError) and not os.environ.get("AFTERVIEW_DEBUG_RAISE"):
            print(f"afterview: {clean_text(exc.message)}", file=sys.stderr)
            return exc.exit_code
        if os.environ.get("AFTERVIEW_DEBUG"):
            raise
        print(unexpected(exc), file=sys.stderr)
        return 70


def unexpected(exc: BaseException) -> str:
    """The one line shown for a bug: a driver's message can run to pages (SQL, parameters)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    reason = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
    return (
        f"afterview: unexpected error ({clean_text(reason)}). "
        "Run again with --debug for details, and please report it."
    )
