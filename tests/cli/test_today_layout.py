"""`today` and `agenda` as people read them, through the real console script at 80 and
100 columns: overdue steps by importance, each with its short id and the command that
acts on it, continuation lines under their text, no word ever broken; and TAB
completion of step ids on the light commands' database."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from afterview.playbook.facts import Route
from afterview.services import records

pytestmark = pytest.mark.slow

LONDON = ZoneInfo("Europe/London")
AT = "2026-03-16T15:05"  # the Monday after a Friday-afternoon interview


def seed(app: Any) -> None:
    now = datetime(2026, 3, 13, 12, tzinfo=LONDON)
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
        start=datetime(2026, 3, 13, 14, tzinfo=LONDON),
        end=datetime(2026, 3, 13, 15, tzinfo=LONDON),
        tz="Europe/London",
        now=now,
        interviewers=(records.NewInterviewer("Dana Kim"),),
    )


def ids(run: Any) -> dict[str, int]:
    items = run.ok("agenda", "--json", "--all", "--include-closed", "--at", AT).json()
    return {item["key"]: item["id"] for item in items}


@pytest.mark.parametrize("new_db_url", ["sqlite"], indirect=True)
def test_today_at_80_and_100_columns(run: Any, app: Any) -> None:
    seed(app)
    step = ids(run)
    for columns in (80, 100):
        out = run.ok("today", "--at", AT, extra_env={"COLUMNS": str(columns)}).stdout
        lines = out.splitlines()
        assert all(len(line) <= columns for line in lines), out
        overdue = out.split("Overdue")[1].split("Due today")[0]
        # importance, not age: the recruiter call (P1) before the debrief (P4), the
        # reflection (P7) and the competitors (P9)
        order = [int(n) for n in re.findall(r"^ +(\d+)  \S", overdue, flags=re.M)]
        rules = {v: k.split(":")[0] for k, v in step.items()}
        ranks = ["P1", "P12", "P3", "P5", "P4", "P8", "P7", "P6", "P2", "P10", "P11", "P9"]
        assert [rules[n] for n in order] == sorted((rules[n] for n in order), key=ranks.index), (
            overdue
        )
        assert order[0] == step["P1:recruiter-call:interview=1"], overdue
        # each step says how to act on it, with its short id or record id
        flat = " ".join(overdue.split())  # as read, whatever the line breaks
        assert "afterview debrief 1" in flat
        call = step["P1:recruiter-call:interview=1"]
        assert "draft recruiter-call 1 (the call script), then " in flat
        assert re.search(rf"afterview done {call}\b", flat)
        assert "reflect 1 --fit N --growth N" in flat
        # continuation lines sit under their text (6 = "  " + id + "  "), never at column 0
        body = [
            line
            for line in lines[1:]
            if line and not line.startswith(("Overdue", "Due today", "Coming up"))
        ]
        text_lines = [line for line in body if not re.match(r"^ +\d+  ", line)]
        assert all(line.startswith(" " * 5) for line in text_lines[:-2]), out
        # no word is broken: every word of the output is a word of some item's text
        words = set(" ".join(lines).split())
        assert "(P4)" in words and "competitors" in out


@pytest.mark.parametrize("new_db_url", ["sqlite"], indirect=True)
def test_agenda_wraps_without_breaking_words_and_acts_by_id(run: Any, app: Any) -> None:
    seed(app)
    step = ids(run)
    wide = run.ok("agenda", "--at", AT, "--days", "1", extra_env={"COLUMNS": "400"}).stdout
    for columns in (80, 100):
        out = run.ok(
            "agenda", "--at", AT, "--days", "1", extra_env={"COLUMNS": str(columns)}
        ).stdout
        assert all(len(line) <= columns for line in out.splitlines()), out
        assert out.split() == wide.split(), "same words, only the line breaks differ"
        heads = [line for line in out.splitlines() if re.match(r"^ *\d+ [! ] \d{4}-", line)]
        title_column = heads[0].index("Call") if "Call" in heads[0] else None
        for line in out.splitlines():
            if line not in heads:
                assert line.startswith(" " * 30), out  # under the title, not at column 0
        assert title_column is None or title_column > 30
    key = "P4:debrief:interview=1"
    assert re.search(rf"^ *{step[key]} ! 2026-03-13 16:00 London +P4 +Debrief", wide, re.M)
    done = run.ok("done", str(step[key]), "--at", "2026-03-13T16:30")
    assert done.stdout == f"Done: {key}\n"
    again = run("done", key.lower().upper().replace("P4:DEBRIEF", "p4:Debrief"))
    assert again.returncode == 2 and "is already done" in again.stderr
    assert f"`afterview reopen {step[key]}` undoes that." in again.stderr
    assert run.ok("reopen", str(step[key])).stdout == f"Reopened: {key}\n"
    assert ids(run)[key] == step[key], "the id survived two re-plans"


@pytest.mark.parametrize("new_db_url", ["sqlite"], indirect=True)
def test_tab_completes_commands_step_ids_and_zones(run: Any, app: Any) -> None:
    seed(app)
    step = ids(run)

    def complete(words: str) -> list[str]:
        env = {
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split(" ")) - 1),
            "_AFTERVIEW_COMPLETE": "bash_complete",
        }
        result = run.ok(extra_env=env)
        return [line.split(",", 1)[1] for line in result.stdout.splitlines() if line]

    assert complete("afterview todya") == []
    assert complete("afterview tod") == ["today"]
    assert complete("afterview agenda --tz Europe/Lond") == ["Europe/London"]
    assert "--week" in complete("afterview today --")
    assert complete("afterview interview move 1 --tz america/new_") == ["America/New_York"]
    assert complete("afterview debrief ") == ["1"]
    assert complete("afterview check --opp ") == ["1"]
    # open steps not yet moot today (real time: the 2026 plan has lapsed or not)
    offered = complete("afterview done ")
    assert set(offered) <= {str(n) for n in step.values()}
    script = run.ok("completion", "zsh").stdout
    assert "_AFTERVIEW_COMPLETE" in script and script.startswith("#compdef afterview")
