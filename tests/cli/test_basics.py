"""Help, the demo, a missing database, settings changes seen by the fast path."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from afterview.playbook.facts import Channel, ContactKind, Route
from afterview.services import records

pytestmark = pytest.mark.slow

LONDON = ZoneInfo("Europe/London")

HELP = [
    ["--help"],
    ["-h"],
    *(
        [command, "-h"]
        for command in (
            "agenda",
            "today",
            "opp",
            "interview",
            "person",
            "timeline",
            "contact",
            "reply",
            "debrief",
            "reflect",
            "outcome",
            "done",
            "skip",
            "snooze",
            "reopen",
            "brief",
            "lessons",
            "export",
            "import",
            "demo",
            "config",
        )
    ),
    ["agenda", "--help"],
    ["today", "--help"],
    ["opp", "add", "-h"],
    ["opp", "list", "-h"],
    ["opp", "show", "-h"],
    ["opp", "competitor", "-h"],
    ["interview", "add", "-h"],
    ["interview", "move", "-h"],
    ["interview", "cancel", "-h"],
    ["person", "add", "-h"],
    ["person", "edit", "-h"],
    ["config", "show", "-h"],
    ["config", "set", "-h"],
]


def test_help_everywhere_exits_0_and_touches_no_database(run_default: Any, home: Path) -> None:
    results = run_default.many(HELP)
    for result in results:
        assert result.returncode == 0, str(result)
        assert result.stderr == "", str(result)
        assert "usage:" in result.stdout.lower(), str(result)
        assert len(result.stdout.splitlines()) >= 3, str(result)
    top = results[0].stdout
    for command in ("agenda", "today", "opp", "interview", "done", "export", "demo"):
        assert f"\n  {command} " in top
    example = results[HELP.index(["interview", "add", "-h"])].stdout
    assert "afterview interview add 1 --start" in example
    assert not list(home.glob("*.sqlite3")), "help must not create a database"


def test_the_demo_runs_and_its_agenda_is_not_empty(run_default: Any, home: Path) -> None:
    shown = run_default.ok("demo")
    assert shown.stdout.startswith(f"Demo database: {home / 'demo.sqlite3'} (")
    assert re.search(r"Try: \S*afterview --demo opp list", shown.stdout)  # as invoked
    items = run_default.ok("--demo", "agenda", "--json", "--all").json()
    assert items and {item["rule"] for item in items} >= {"P8"}
    assert all(item["key"].startswith(item["rule"] + ":") for item in items)
    assert run_default.ok("--demo", "agenda", "--json").json()  # something is due right now
    assert not (home / "afterview.sqlite3").exists(), "the demo never touches the user's data"
    # the commands it suggests act on the demo too, and work as shown
    hints = re.findall(r"→ \S*afterview (--demo draft [a-z-]+ \d+(?: --to \d+)?)", shown.stdout)
    assert hints, shown.stdout
    assert "── Draft " in run_default.ok(*hints[0].split()).stdout
    assert re.search(r"\S*afterview --demo done ID", shown.stdout)


def test_agenda_on_a_missing_database_creates_it_and_shows_nothing(
    run_default: Any, make_runner: Any, home: Path
) -> None:
    first = run_default.ok("agenda")
    assert first.stdout == "Nothing due. `afterview agenda --all` shows what is ahead.\n"
    assert first.stderr == ""
    assert (home / "afterview.sqlite3").exists()
    nested = home / "not" / "yet" / "there.sqlite3"
    assert make_runner(str(nested)).ok("agenda", "--json", "--all").stdout == "[]\n"
    assert nested.exists()
    assert make_runner(str(home / "other.sqlite3")).ok("today").stdout.startswith("Afterview · ")


def seed_followed_up(app: Any) -> None:
    """Thanked on 10 March 16:40, followed up on Tuesday 17 March 17:00."""
    now = datetime(2026, 3, 17, 17, tzinfo=LONDON)
    opp = records.add_opportunity(
        app, company="Northwind Health", role="Data Engineer", route=Route.DIRECT, now=now
    )
    records.add_interview(
        app,
        opp,
        start=datetime(2026, 3, 10, 10, tzinfo=LONDON),
        end=datetime(2026, 3, 10, 11, tzinfo=LONDON),
        tz="Europe/London",
        now=now,
    )
    for kind, moment in (
        (ContactKind.THANK_YOU, datetime(2026, 3, 10, 16, 40, tzinfo=LONDON)),
        (ContactKind.FOLLOW_UP, now),
    ):
        records.log_contact(app, opp, kind=kind, channel=Channel.EMAIL, at=moment, now=now)


def next_follow_up(run: Any) -> str:
    items = run.ok("agenda", "--json", "--all", "--at", "2026-03-18T09:00").json()
    (item,) = [i for i in items if i["key"] == "P8:follow-up:opp=1:n=2"]
    return str(item["send_at"])  # when it may first go (P8's window opens)


def test_a_settings_change_reaches_the_agenda(run: Any, app: Any, home: Path) -> None:
    seed_followed_up(app)
    assert next_follow_up(run) == "2026-03-24T17:00:00Z"

    saved = run.ok("config", "set", "follow_up_guard_days=10")
    assert saved.stdout == "Saved. follow_up_guard_days=10\n"
    assert next_follow_up(run) == "2026-03-27T17:00:00Z"

    run.ok("config", "set", "follow_up_guard_days=12")  # same size of file: still noticed
    assert next_follow_up(run) == "2026-03-30T08:00:00Z"  # Sunday 29th → Monday, BST

    config = (home / "config.toml").read_text()
    refused = run("config", "set", "follow_up_guard_days=soon")
    assert refused.returncode == 2 and len(refused.error_lines) == 1
    assert refused.error_lines[0].startswith("afterview: setting follow_up_guard_days:")
    assert (home / "config.toml").read_text() == config
    assert run.ok("config", "show", "--json").json()["follow_up_guard_days"] == 12


def test_an_environment_setting_reaches_the_agenda(run: Any, app: Any) -> None:
    seed_followed_up(app)
    items = run.ok(
        "agenda",
        "--json",
        "--all",
        "--at",
        "2026-03-18T09:00",
        extra_env={"AFTERVIEW_FOLLOW_UP_GUARD_DAYS": "10"},
    ).json()
    assert [i["send_at"] for i in items if i["key"] == "P8:follow-up:opp=1:n=2"] == [
        "2026-03-27T17:00:00Z"
    ]
    assert next_follow_up(run) == "2026-03-24T17:00:00Z"  # and back without it


ANSWERS = (
    "\n".join(
        [
            "System design",
            "",  # went well
            "Testing strategy",
            "",  # cover more
            "Launching in Leeds",
            "",  # nuggets
            "Why us?",
            "good",
            "Biggest failure?",
            "weak",
            "forgot",
            "The 2024 migration",
            "",  # no more questions
            "Team size?",
            "",  # new questions
            "Concrete examples",
            "",  # liked
            "Long answers",
            "",  # disliked
            "Nobody mentioned on-call",
            "",  # concerns
            "good",  # overall
        ]
    )
    + "\n"
)


@pytest.mark.parametrize("new_db_url", ["sqlite"], indirect=True)
def test_the_debrief_asks_when_there_is_no_file(run: Any, app: Any) -> None:
    seed_followed_up(app)
    asked = run.ok("debrief", "1", "--at", "2026-03-10T11:30", input=ANSWERS)
    assert "What went well?" in asked.stdout and "Debrief saved for interview 1." in asked.stdout
    (saved,) = run.ok("opp", "show", "1", "--json").json()["debriefs"]
    assert saved | {"recorded_at": None} == {
        "interview_id": 1,
        "recorded_at": None,
        "went_well": ["System design"],
        "cover_more": ["Testing strategy"],
        "nuggets": ["Launching in Leeds"],
        "questions": [
            {"question": "Why us?", "quality": "good", "reason": None, "add_next_time": None},
            {
                "question": "Biggest failure?",
                "quality": "weak",
                "reason": "forgot",
                "add_next_time": "The 2024 migration",
            },
        ],
        "new_questions": ["Team size?"],
        "liked": ["Concrete examples"],
        "disliked": ["Long answers"],
        "concerns": ["Nobody mentioned on-call"],
        "overall": "good",
    }
    assert saved["recorded_at"] == "2026-03-10T11:30:00+00:00"

    run.ok("debrief", "1", "--file", "-", "--replace", input='{"nuggets": ["From stdin"]}')
    (saved,) = run.ok("opp", "show", "1", "--json").json()["debriefs"]
    assert saved["nuggets"] == ["From stdin"] and saved["questions"] == []


@pytest.mark.parametrize("new_db_url", ["sqlite"], indirect=True)
def test_the_human_views_render(run: Any, app: Any) -> None:
    seed_followed_up(app)
    run.ok(
        "debrief",
        "1",
        "--file",
        "-",
        input='{"liked": ["Concrete examples"], '
        '"questions": [{"question": "Biggest failure?", "quality": "weak"}]}',
    )
    views = [
        ["opp", "list"],
        ["opp", "show", "1"],
        ["brief", "1"],
        ["lessons"],
        ["today", "--at", "2026-03-24T08:00"],
        ["agenda", "--at", "2026-03-24T18:00"],
        ["config", "show"],
    ]
    shown = dict(zip((" ".join(v) for v in views), run.many(views), strict=True))
    for result in shown.values():
        assert result.returncode == 0 and result.stderr == "", str(result)
    assert "Northwind Health — Data Engineer" in shown["opp list"].stdout
    assert "P8:follow-up:opp=1:n=2" in shown["opp show 1"].stdout
    assert "Biggest failure? — weak" in shown["brief 1"].stdout
    assert "Concrete examples (1×)" in shown["lessons"].stdout
    assert shown["today --at 2026-03-24T08:00"].stdout.startswith(
        "Afterview · Tuesday 24 March 2026, 08:00"
    )
    assert "P8   Follow up with Northwind Health" in shown["agenda --at 2026-03-24T18:00"].stdout
    assert "follow_up_guard_days = 7" in shown["config show"].stdout


@pytest.mark.parametrize("new_db_url", ["sqlite"], indirect=True)
def test_today_is_the_users_day_not_the_machines(run: Any, app: Any) -> None:
    """AFTERVIEW_TZ decides what "today" means, wherever the machine's clock is set."""
    seed_followed_up(app)
    # a zone whose date differs from UTC's right now, so the machine's day would be wrong
    zone = "Pacific/Kiritimati" if datetime.now(UTC).hour >= 10 else "Etc/GMT+12"
    far = {"AFTERVIEW_TZ": zone}
    before = datetime.now(ZoneInfo(zone)).date()
    run.ok("timeline", "1", "--decision-by", "today", extra_env=far)
    after = datetime.now(ZoneInfo(zone)).date()  # the same day unless midnight passed there
    (timeline,) = run.ok("opp", "show", "1", "--json").json()["timelines"]
    assert timeline["decision_by"] in {before.isoformat(), after.isoformat()}

    shown = run.ok("today", "--at", "2026-03-10T23:30", extra_env={"AFTERVIEW_TZ": "Asia/Tokyo"})
    assert shown.stdout.startswith("Afterview · Tuesday 10 March 2026, 23:30")
