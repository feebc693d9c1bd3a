"""Issue 12: every bad input is refused the same way, on SQLite and PostgreSQL.

Each case of cases.CASES must end in exit 2 with exactly one line on stderr
("afterview: …"), nothing on stdout, no traceback, and the database's logical dump
(every table's rows) unchanged. Cases run in-process through the console script's
own `main` (harness.run_in_process); a sample also runs through the real script.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cli.conftest import console_script

from .cases import CASES, Case
from .conftest import Backend
from .harness import Outcome, run_in_process


def materialise(case: Case, folder: Path) -> tuple[list[str], bytes | None]:
    for name, content in case.files.items():
        (folder / name).write_bytes(content)
    return [part.replace("{dir}", str(folder)) for part in case.argv], case.stdin


def check_refused(outcome: Outcome, case: Case) -> None:
    assert "Traceback" not in outcome.stderr, str(outcome)
    assert outcome.exit_code == 2, str(outcome)
    assert len(outcome.error_lines) == 1, str(outcome)
    assert len(outcome.stderr.splitlines()) == 1, str(outcome)
    assert outcome.error_lines[0].startswith(f"afterview: {case.message}"), str(outcome)
    assert outcome.stdout == "", str(outcome)
    assert "\x1b" not in outcome.stderr and "\x00" not in outcome.stderr, str(outcome)


def run_case(backend: Backend, name: str, tmp_path: Path) -> None:
    case = CASES[name]
    url = backend.fresh_url(tmp_path)
    argv, stdin = materialise(case, tmp_path)
    outcome = run_in_process(argv, backend.env(url), stdin)
    changed = backend.dump(url) != backend.seeded
    check_refused(outcome, case)
    assert not changed, f"{name} changed the database\n{outcome}"


def test_there_are_at_least_300_cases() -> None:
    assert len(CASES) >= 300


@pytest.mark.parametrize("name", list(CASES))
def test_refused_on_sqlite(sqlite_backend: Backend, name: str, tmp_path: Path) -> None:
    run_case(sqlite_backend, name, tmp_path)


@pytest.mark.postgres
@pytest.mark.parametrize("name", list(CASES))
def test_refused_on_postgres(postgres_backend: Backend, name: str, tmp_path: Path) -> None:
    run_case(postgres_backend, name, tmp_path)


# The real console script (a new interpreter each): argv as bytes the OS passes,
# including what is not UTF-8, and the exit code the shell sees.
THROUGH_THE_SCRIPT = [
    "id past bigint: opp show",
    "id huge: check --interview",
    "time in the DST gap: interview start",
    "text escape sequence: company",
    "debrief stdin lone surrogate",
    "import json text in a number column",
    "check option typo",
]


@pytest.mark.slow
@pytest.mark.parametrize("name", THROUGH_THE_SCRIPT)
def test_refused_by_the_console_script(sqlite_backend: Backend, name: str, tmp_path: Path) -> None:
    case = CASES[name]
    url = sqlite_backend.fresh_url(tmp_path)
    argv, stdin = materialise(case, tmp_path)
    env = {k: v for k, v in sqlite_backend.env(url).items() if v is not None}
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("AFTERVIEW_")} | env
    done = subprocess.run(
        [console_script(), *argv],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    outcome = Outcome(done.returncode, done.stdout.decode(), done.stderr.decode())
    check_refused(outcome, case)
    assert sqlite_backend.dump(url) == sqlite_backend.seeded
