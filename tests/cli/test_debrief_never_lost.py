"""`afterview debrief N` a second time never silently replaces the first (P4).

Through the real console script: refused with what is there (exit 2, nothing
changed), --add merges, --replace replaces, the interactive path asks first, and
--history shows every earlier version.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from .conftest import Runner

pytestmark = [pytest.mark.slow, pytest.mark.parametrize("new_db_url", ["sqlite"], indirect=True)]


def _seed(run: Runner, tmp_path: Path) -> tuple[Path, Path]:
    run.ok("opp", "add", "--company", "Acme", "--role", "Analyst", "--route", "direct")
    run.ok("interview", "add", "1", "--start", "2026-03-10T10:00", "--end", "2026-03-10T11:00",
           "--tz", "Europe/London", "--interviewer", "Dana Kim <dana@acme.example>")  # fmt: skip
    first = tmp_path / "first.json"
    first.write_text(json.dumps({"nuggets": ["they are opening a Lisbon office"],
                                 "concerns": ["nobody mentioned on-call"]}))  # fmt: skip
    second = tmp_path / "second.json"
    second.write_text(json.dumps({"nuggets": ["the billing platform moves to Kotlin"]}))
    run.ok("debrief", "1", "--file", str(first), "--at", "2026-03-10T11:30")
    return first, second


def _nuggets(run: Runner) -> list[str]:
    history = run.ok("debrief", "1", "--history").json()  # proves the CLI path as well
    assert isinstance(history, list)
    from afterview.services.app import App
    from afterview.services.debriefs import debrief_of

    app = App.open(run.env["AFTERVIEW_DB"])
    try:
        current = debrief_of(app, 1, datetime.now(UTC))
    finally:
        app.close()
    assert current is not None
    return list(current.nuggets)


def test_a_second_debrief_is_refused_then_added_or_replaced_never_lost(
    run: Runner, tmp_path: Path
) -> None:
    _, second = _seed(run, tmp_path)
    refused = run("debrief", "1", "--file", str(second), "--at", "2026-03-10T12:00")
    assert refused.returncode == 2 and len(refused.error_lines) == 1, str(refused)
    assert "already has a debrief (1 nugget, 1 concern" in refused.stderr
    assert "--add" in refused.stderr and "--replace" in refused.stderr
    assert _nuggets(run) == ["they are opening a Lisbon office"]

    run.ok("debrief", "1", "--file", str(second), "--add", "--at", "2026-03-10T12:00")
    assert _nuggets(run) == [
        "they are opening a Lisbon office", "the billing platform moves to Kotlin",
    ]  # fmt: skip
    run.ok("debrief", "1", "--file", str(second), "--replace", "--at", "2026-03-10T12:30")
    assert _nuggets(run) == ["the billing platform moves to Kotlin"]
    history = run.ok("debrief", "1", "--history").json()
    assert [len(v["debrief"]["nuggets"]) for v in history] == [1, 2]


def test_the_interactive_debrief_asks_before_touching_one_that_exists(
    run: Runner, tmp_path: Path
) -> None:
    _seed(run, tmp_path)
    cancelled = run("debrief", "1", input="cancel\n")
    assert cancelled.returncode == 2, str(cancelled)
    assert "already has a debrief: 1 nugget, 1 concern." in cancelled.stdout
    assert "Nothing changed" in cancelled.stderr
    assert _nuggets(run) == ["they are opening a Lisbon office"]
