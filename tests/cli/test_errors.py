"""Bad input: ONE line on stderr starting "afterview:", exit 2, no traceback, nothing written.

Every case runs on SQLite; those refused on what the database holds run on PostgreSQL too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from afterview.playbook.facts import Channel, ContactKind, Route
from afterview.services import records

from .conftest import (
    Runner,
    child_environment,
    console_script,
    facts,
    postgres_schema,
    same_environment,
)

pytestmark = pytest.mark.slow

LONDON = ZoneInfo("Europe/London")
START = ("--start", "2026-03-10T10:00", "--end", "2026-03-10T11:00")


def seed(app: Any) -> None:
    """Opportunity 1 (recruiter 1, Dana Kim 2), interview 1, a thank-you and a follow-up."""
    now = datetime(2026, 3, 20, 9, tzinfo=LONDON)
    opp = records.add_opportunity(
        app,
        company="Northwind Health",
        role="Data Engineer",
        route=Route.RECRUITER,
        now=now,
        recruiter_name="Priya Shah",
    )
    records.add_interview(
        app,
        opp,
        start=datetime(2026, 3, 10, 10, tzinfo=LONDON),
        end=datetime(2026, 3, 10, 11, tzinfo=LONDON),
        tz="Europe/London",
        now=now,
        interviewers=(records.NewInterviewer("Dana Kim"),),
    )
    for kind, day in ((ContactKind.THANK_YOU, 10), (ContactKind.FOLLOW_UP, 17)):
        records.log_contact(
            app,
            opp,
            kind=kind,
            channel=Channel.EMAIL,
            now=now,
            at=datetime(2026, 3, day, 16, 40, tzinfo=LONDON),
        )


# (arguments, the start of the message after "afterview: ", reaches the database)
CASES: dict[str, tuple[tuple[str, ...], str, bool]] = {
    # unknown time zone
    "zone on add": (
        ("interview", "add", "1", *START, "--tz", "Europe/Londn"),
        "Unknown time zone 'Europe/Londn'. Did you mean Europe/London",
        False,
    ),
    "zone on move": (
        ("interview", "move", "1", *START, "--tz", "Atlantis/Capital"),
        "Unknown time zone 'Atlantis/Capital'.",
        False,
    ),
    "zone on agenda": (
        ("agenda", "--at", "2026-03-10T10:00", "--tz", "Mars/Olympus"),
        "Unknown time zone 'Mars/Olympus'.",
        False,
    ),
    "zone on today": (("today", "--tz", "Europe/Londn"), "Unknown time zone", False),
    # end before start
    "end before start": (
        ("interview", "add", "1", "--start", "2026-03-10T11:00", "--end", "2026-03-10T10:00"),
        "The end (2026-03-10T10:00:00+00:00) must be after the start (2026-03-10T11:00:00+00:00).",
        False,
    ),
    "call before the end": (
        ("interview", "add", "1", *START, "--recruiter-call-at", "2026-03-10T09:30"),
        "The recruiter call (2026-03-10T09:30:00+00:00) is before the interview ends",
        False,
    ),
    "move end before start": (
        ("interview", "move", "1", "--start", "2026-03-10T11:00", "--end", "2026-03-10T11:00"),
        "The end",
        True,
    ),
    # unparseable dates and times
    "start not iso": (
        ("interview", "add", "1", "--start", "10/03/2026 10:00", "--end", "2026-03-10T11:00"),
        "Cannot read the time '10/03/2026 10:00'",
        False,
    ),
    "decision date": (
        ("timeline", "1", "--decision-by", "next friday"),
        "Cannot read the date 'next friday': use YYYY-MM-DD",
        False,
    ),
    "contact at": (
        ("contact", "1", "--kind", "thank-you", "--channel", "email", "--at", "half past four"),
        "Cannot read the time 'half past four'",
        False,
    ),
    "done at": (
        ("done", "P4:debrief:interview=1", "--at", "2026-13-01T10:00"),
        "Cannot read the time '2026-13-01T10:00'",
        False,
    ),
    "snooze until": (
        ("snooze", "P4:debrief:interview=1", "--until", "later"),
        "Cannot read the time 'later'",
        False,
    ),
    "agenda at": (("agenda", "--at", "tomorrow-ish"), "Cannot read the time 'tomorrow-ish'", False),
    "agenda days": (("agenda", "--days", "inf"), "--days takes a number of days", False),
    "year 9999": (
        ("interview", "add", "1", "--start", "9999-12-31T20:00", "--end", "9999-12-31T21:00"),
        "Cannot use '9999-12-31T20:00'",
        False,
    ),
    "future contact": (
        ("contact", "1", "--kind", "other", "--channel", "email", "--at", "2999-01-01T10:00"),
        "A contact is recorded once it has happened",
        False,
    ),
    # unknown ids and keys
    "opp show": (("opp", "show", "99"), "No opportunity 99. `afterview opp list` shows ids.", True),
    "interview add": (("interview", "add", "99", *START), "No opportunity 99.", True),
    "interview move": (("interview", "move", "99", *START), "No interview 99.", True),
    "interview cancel": (("interview", "cancel", "99"), "No interview 99.", True),
    "person add": (
        ("person", "add", "99", "--name", "Sam", "--role", "other"),
        "No opportunity 99.",
        True,
    ),
    "person edit": (("person", "edit", "99", "--name", "Sam"), "No person 99.", True),
    "timeline opp": (("timeline", "99", "--decision-by", "2026-03-20"), "No opportunity 99.", True),
    "timeline person": (
        ("timeline", "1", "--follow-up-with", "99"),
        "No person 99 in opportunity 1.",
        True,
    ),
    "contact opp": (
        ("contact", "99", "--kind", "other", "--channel", "email"),
        "No opportunity 99.",
        True,
    ),
    "contact person": (
        ("contact", "1", "--kind", "other", "--channel", "email", "--person", "99"),
        "No person 99 in opportunity 1.",
        True,
    ),
    "reply": (("reply", "99"), "No opportunity 99.", True),
    "reflect": (
        (
            "reflect",
            "99",
            "--fit",
            "3",
            "--growth",
            "3",
            "--culture",
            "3",
            "--values",
            "3",
            "--happy",
            "3",
            "--decision",
            "continue",
        ),
        "No opportunity 99.",
        True,
    ),
    "outcome": (("outcome", "99", "offer"), "No opportunity 99.", True),
    "brief": (("brief", "99"), "No opportunity 99.", True),
    "done key": (
        ("done", "P5:thank-you:interview=9"),
        "No action 'P5:thank-you:interview=9'. `afterview agenda --all --json`",
        True,
    ),
    "skip key": (("skip", "NOPE", "--reason", "x"), "No action 'NOPE'.", True),
    "snooze key": (("snooze", "NOPE", "--until", "2999-01-01T09:00"), "No action 'NOPE'.", True),
    "reopen key": (("reopen", "NOPE"), "No action 'NOPE'.", True),
    "reopen undecided": (
        ("reopen", "P4:debrief:interview=1"),
        "P4:debrief:interview=1 has no decision to undo.",
        True,
    ),
    # invalid email addresses
    "recruiter email": (
        (
            "opp",
            "add",
            "--company",
            "A",
            "--role",
            "B",
            "--route",
            "recruiter",
            "--recruiter-name",
            "R",
            "--recruiter-email",
            "r@",
        ),
        "Invalid email address 'r@'",
        False,
    ),
    "person email": (
        ("person", "add", "1", "--name", "Sam", "--role", "other", "--email", "sam.example"),
        "Invalid email address 'sam.example'",
        False,
    ),
    "interviewer email": (
        ("interview", "add", "1", *START, "--interviewer", "Dana <dana@>"),
        "Cannot read 'Dana <dana@>'",
        False,
    ),
    "edit email": (
        ("person", "edit", "2", "--email", "dana at example"),
        "Invalid email address 'dana at example'",
        False,
    ),
    # scores outside 1–5
    "score high": (
        (
            "reflect",
            "1",
            "--fit",
            "6",
            "--growth",
            "3",
            "--culture",
            "3",
            "--values",
            "3",
            "--happy",
            "3",
            "--decision",
            "continue",
        ),
        "--fit must be a score from 1 to 5, not 6.",
        False,
    ),
    "score low": (
        (
            "reflect",
            "1",
            "--fit",
            "3",
            "--growth",
            "3",
            "--culture",
            "3",
            "--values",
            "3",
            "--happy",
            "0",
            "--decision",
            "withdraw",
        ),
        "--happy must be a score from 1 to 5, not 0.",
        True,
    ),
    # typos in the command line itself
    "missing option": (
        ("opp", "add", "--company", "A"),
        "Missing option '--role'. See `afterview opp add -h`.",
        False,
    ),
    "id not a number": (
        ("opp", "show", "one"),
        "Invalid value for 'OPP_ID': 'one' is not a valid integer.",
        False,
    ),
    "score not a number": (
        (
            "reflect",
            "1",
            "--fit",
            "high",
            "--growth",
            "3",
            "--culture",
            "3",
            "--values",
            "3",
            "--happy",
            "3",
            "--decision",
            "continue",
        ),
        "Invalid value for '--fit': 'high' is not a valid integer.",
        False,
    ),
    "unknown outcome": (("outcome", "1", "hired"), "Invalid value for", False),
    "unknown command": (("hire-me",), "No such command 'hire-me'. See `afterview -h`.", False),
    # "did you mean" on every level, the light commands included, in one style
    "command typo": (("todya",), "No such command 'todya'. Did you mean 'today'? See", False),
    "two close": (("agend",), "No such command 'agend'. Did you mean 'agenda' or 'send'?", False),
    "sub-command typo": (("opp", "shwo"), "No such command 'shwo'. Did you mean 'show'?", False),
    "agenda option typo": (
        ("agenda", "--dyas", "2"),
        "No such option: --dyas. Did you mean --days? See",
        False,
    ),
    "today bad value": (
        ("today", "--week", "soon"),
        "Invalid value for '--week': 'soon' is not a valid float.",
        False,
    ),
    "check choice typo": (
        ("check", "-", "--kind", "thank-yo"),
        "Invalid value for '--kind': 'thank-yo' is not one of",
        False,
    ),
    "outcome typo": (
        ("outcome", "1", "acepted"),
        "Invalid value for 'OUTCOME': 'acepted' is not one of 'next-round', 'offer',",
        False,
    ),
    "outcome missing": (
        ("outcome", "1"),
        "Missing argument 'OUTCOME'. Choose from next-round, "
        "offer, rejected, withdrawn, no-response, accepted, declined. See "
        "`afterview outcome -h`.",
        False,
    ),
    "step id": (("done", "99"), "No step 99. `afterview today` shows step ids", True),
    "key typo": (
        ("done", "P4:debrief:interview=l"),
        "No action 'P4:debrief:interview=l'. "
        "`afterview agenda --all --json` lists action keys. Did you mean "
        "P4:debrief:interview=1?",
        True,
    ),
    "agenda option": (
        ("agenda", "--bogus"),
        "No such option: --bogus. See `afterview agenda -h`.",
        False,
    ),
    "agenda number": (
        ("agenda", "--days", "a few"),
        "Invalid value for '--days': 'a few' is not a valid float.",
        False,
    ),
    # other refusals
    "guard": (
        ("done", "P8:follow-up:opp=1:n=2", "--at", "2026-03-20T10:00"),
        "Not yet: at most one follow-up a week (P8).",
        True,
    ),
    "skip reason": (("skip", "P4:debrief:interview=1", "--reason", " "), "Say why", False),
    "direct with recruiter": (
        (
            "opp",
            "add",
            "--company",
            "A",
            "--role",
            "B",
            "--route",
            "direct",
            "--recruiter-name",
            "R",
        ),
        "A recruiter was given",
        False,
    ),
    "empty company": (
        ("opp", "add", "--company", " ", "--role", "B", "--route", "direct"),
        "The company must not be empty.",
        False,
    ),
}


def check_refused(result: Any, message: str) -> None:
    assert result.returncode == 2, str(result)
    assert "Traceback" not in result.stderr, str(result)
    assert len(result.error_lines) == 1, str(result)
    assert result.error_lines[0].startswith(f"afterview: {message}"), str(result)


@dataclass(frozen=True)
class Refusals:
    """Every case run once against one seeded database, and its content around them."""

    backend: str
    results: dict[str, Any]
    before: dict[str, Any]
    after: dict[str, Any]


@contextmanager
def refused_batch(backend: str, home: Path, admin_url: str | None) -> Iterator[Refusals]:
    """Seed once, then run the cases side by side: all are refused, so none can disturb
    another, and the database must read the same afterwards."""
    from afterview import config
    from afterview.services.app import App

    with ExitStack() as stack:
        if admin_url is None:
            url = f"sqlite:///{home / 'afterview.sqlite3'}"
        else:
            url = stack.enter_context(postgres_schema(admin_url))
        with pytest.MonkeyPatch.context() as monkeypatch, same_environment(monkeypatch, home):
            app = App(url=url, config=config.load())
            try:
                seed(app)
            finally:
                app.close()
            runner = Runner(console_script(), child_environment(home, url), home)
            cases = [case for case in CASES if admin_url is None or CASES[case][2]]
            before = facts(url)
            commands = [list(CASES[case][0]) for case in cases]
            results = dict(zip(cases, runner.many(commands), strict=True))
            after = facts(url)
        yield Refusals(backend, results, before, after)


@pytest.fixture(scope="module")
def on_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Refusals]:
    with refused_batch("sqlite", tmp_path_factory.mktemp("refusals"), None) as refusals:
        yield refusals


@pytest.fixture(scope="module")
def on_postgres(
    tmp_path_factory: pytest.TempPathFactory, _postgres_admin: str
) -> Iterator[Refusals]:
    home = tmp_path_factory.mktemp("refusals")
    with refused_batch("postgres", home, _postgres_admin) as refusals:
        yield refusals


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_on_sqlite(on_sqlite: Refusals, case: str) -> None:
    check_refused(on_sqlite.results[case], CASES[case][1])
    assert on_sqlite.results[case].stdout == ""


@pytest.mark.postgres
@pytest.mark.parametrize("case", [case for case, (_, _, db) in CASES.items() if db])
def test_bad_input_on_postgres(on_postgres: Refusals, case: str) -> None:
    """The refusals that depend on what the database holds."""
    check_refused(on_postgres.results[case], CASES[case][1])
    assert on_postgres.results[case].stdout == ""


def test_no_refusal_changed_the_sqlite_database(on_sqlite: Refusals) -> None:
    assert on_sqlite.after == on_sqlite.before
    assert on_sqlite.before["contacts"], "the seed is there to be protected"


@pytest.mark.postgres
def test_no_refusal_changed_the_postgres_database(on_postgres: Refusals) -> None:
    assert on_postgres.after == on_postgres.before
    assert on_postgres.before["contacts"], "the seed is there to be protected"


SQLITE_ONLY = pytest.mark.parametrize("new_db_url", ["sqlite"], indirect=True)


@SQLITE_ONLY  # files are read before any database is opened
def test_a_debrief_file_that_is_not_a_debrief(
    run: Any, app: Any, snapshot: Any, tmp_path: Path
) -> None:
    seed(app)
    before = snapshot()
    files = {
        "list.yaml": ("- a\n- b\n", "A debrief file holds one object"),
        "typo.json": ('{"nuggest": ["x"]}', "Unknown debrief field(s): nuggest."),
        "broken.yaml": ("nuggets: [unclosed\n", f"{tmp_path}/broken.yaml is neither valid JSON"),
    }
    for name, (text, message) in files.items():
        (tmp_path / name).write_text(text)
        check_refused(run("debrief", "1", "--file", str(tmp_path / name)), message)
    check_refused(run("debrief", "1", "--file", str(tmp_path / "missing.json")), "Cannot read")
    assert snapshot() == before


@SQLITE_ONLY  # files are read before any database is opened
@pytest.mark.parametrize("source", ["file", "stdin"])
def test_a_debrief_file_whose_yaml_tag_does_not_fit(
    run: Any, app: Any, snapshot: Any, tmp_path: Path, source: str
) -> None:
    """Values PyYAML's int constructor crashed on (found by the fuzz test)."""
    seed(app)
    before = snapshot()
    for value in ("''", "08", ";", "-"):
        text = f"went_well: [Rapport]\nnuggets: [Launch in May, !!int {value}]\n"
        if source == "file":
            (tmp_path / "tagged.yaml").write_text(text)
            result = run("debrief", "1", "--file", str(tmp_path / "tagged.yaml"))
            where = f"{tmp_path}/tagged.yaml"
        else:
            result = run("debrief", "1", "--file", "-", input=text)
            where = "-"
        shown = repr(value.strip("'"))
        check_refused(result, f"{where} is not a debrief: !!int {shown} on line 2 is not a valid")
    assert snapshot() == before


def corrupt(db_url: str) -> None:
    """Write a value no Afterview would (as a damaged file or a bad hand edit might)."""
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
        conn.execute("UPDATE contacts SET kind = 'telepathy'")


@SQLITE_ONLY  # corrupts the file by hand
def test_debug_shows_a_traceback_only_for_unexpected_errors(
    run: Any, app: Any, db_url: str
) -> None:
    seed(app)
    expected = run("--debug", "opp", "show", "99")
    check_refused(expected, "No opportunity 99.")

    corrupt(db_url)
    quiet = run("opp", "show", "1")
    assert quiet.returncode == 70, str(quiet)
    assert quiet.error_lines == [
        "afterview: unexpected error (ValueError: 'telepathy' is not a valid ContactKind). "
        "Run again with --debug for details, and please report it."
    ]
    loud = run("--debug", "opp", "show", "1")
    assert loud.returncode != 0 and "Traceback (most recent call last)" in loud.stderr
    assert loud.stderr.rstrip().endswith("ValueError: 'telepathy' is not a valid ContactKind")


@SQLITE_ONLY
def test_debug_on_the_fast_read_path(run: Any, app: Any, db_url: str) -> None:
    """`agenda` re-plans when the settings changed; a crash there is unexpected too."""
    seed(app)
    corrupt(db_url)
    changed = {"AFTERVIEW_FOLLOW_UP_GUARD_DAYS": "8"}
    quiet = run("agenda", extra_env=changed)
    assert quiet.returncode == 70, str(quiet)
    assert len(quiet.error_lines) == 1 and "Traceback" not in quiet.stderr
    loud = run("--debug", "agenda", extra_env=changed)
    assert loud.returncode != 0 and "Traceback (most recent call last)" in loud.stderr
