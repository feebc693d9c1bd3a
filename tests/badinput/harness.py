"""Running a command line in-process through the real entry point, and what it changed.

`afterview.__main__.main` is what the console script calls: it routes `agenda`,
`today` and `check` to their light path and everything else to Click, and maps
every AfterviewError to its exit code. Running it inside Click's test isolation
(captured stdin, stdout, stderr and environment) costs milliseconds instead of the
~300 ms of a new interpreter, which is what keeps hundreds of cases fast.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from click.testing import CliRunner

from afterview.playbook.facts import Channel, ContactKind, Route

LONDON = ZoneInfo("Europe/London")
SEEDED_AT = datetime(2026, 3, 20, 9, tzinfo=LONDON)


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def __str__(self) -> str:
        return f"exit {self.exit_code}\n--- stdout\n{self.stdout}--- stderr\n{self.stderr}"


def run_in_process(argv: list[str], env: dict[str, str], stdin: bytes | None = None) -> Outcome:
    """The console script's `main(argv)`, in this process; exceptions are outcomes too."""
    from afterview.__main__ import main

    runner = CliRunner()
    with runner.isolation(input=stdin, env=env) as (out, err, _):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse's --help, or a command's own sys.exit
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException as exc:  # a crash: report it as the traceback would
            import traceback

            err.write(traceback.format_exc().encode())
            code = 99 if not isinstance(exc, KeyboardInterrupt) else 130
        sys.stdout.flush()  # print() and sys.stderr.write() do not flush by themselves
        sys.stderr.flush()
        stdout, stderr = out.getvalue(), err.getvalue()
    return Outcome(code, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"))


def seed(app: Any) -> None:
    """What the cases name: opportunity 1 (recruiter Priya 1, Dana Kim 2), interview 1,
    a thank-you and a follow-up, a debrief, a profile and a thank-you draft (message 1)."""
    from afterview.services import debriefs, drafts, profile, records

    now = SEEDED_AT
    profile.set_profile(app, now=now, name="Sam Taylor", email="sam@example.org")
    opp = records.add_opportunity(
        app,
        company="Northwind Health",
        role="Data Engineer",
        route=Route.RECRUITER,
        now=now,
        recruiter_name="Priya Shah",
    )
    interview = records.add_interview(
        app,
        opp,
        start=datetime(2026, 3, 10, 10, tzinfo=LONDON),
        end=datetime(2026, 3, 10, 11, tzinfo=LONDON),
        tz="Europe/London",
        now=now,
        interviewers=(records.NewInterviewer("Dana Kim", "dana@northwind.example"),),
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
    debriefs.record_debrief(app, interview, {"nuggets": ["A launch in Leeds"]}, now)
    drafts.draft_thank_you(app, interview, now=now, to=2)


def logical_dump(url: str, engine: Any = None) -> str:
    """Every table's rows (the backup's tables, ids included), as one comparable text.

    Id counters are left out: a PostgreSQL sequence advances even in a transaction
    that rolls back, which changes no content.
    """
    from afterview.store.engine import open_engine
    from afterview.store.repository import ID_COUNTERS, Repository

    own = engine is None
    engine = open_engine(url) if own else engine
    try:
        with engine.connect() as conn:
            dump = Repository(conn).dump()
    finally:
        if own:
            engine.dispose()
    dump.pop(ID_COUNTERS)
    return json.dumps(dump, sort_keys=True, default=str)
