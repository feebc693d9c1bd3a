"""`export json|ics` and `import json` through the console script."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from afterview.playbook.facts import Channel, ContactKind, Route
from afterview.services import decisions, records

pytestmark = pytest.mark.slow

LONDON = ZoneInfo("Europe/London")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=LONDON)


def seed(app: Any) -> None:
    opp = records.add_opportunity(
        app,
        company="Zoë & Co",
        role="Data Engineer",
        route=Route.RECRUITER,
        now=at(1, 9),
        recruiter_name="Priya",
    )
    records.add_interview(
        app,
        opp,
        start=at(10, 14),
        end=at(10, 15),
        tz="Europe/London",
        now=at(1, 9),
        interviewers=(records.NewInterviewer("Dana Kim"),),
    )
    records.log_contact(
        app,
        opp,
        kind=ContactKind.THANK_YOU,
        channel=Channel.EMAIL,
        at=at(11, 9),
        now=at(11, 9),
        note="Mentioned the Leeds launch",
    )
    decisions.skip(app, "P1:recruiter-call:interview=1", reason="on leave", now=at(10, 16))
    decisions.snooze(app, "P7:reflect:interview=1", until=at(16, 9), now=at(11, 9))


def backup(run: Any, path: Path) -> dict[str, Any]:
    written = run.ok("export", "json", str(path))
    assert written.stdout.startswith(f"Wrote {path} (")
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("exported_at")
    return document  # type: ignore[no-any-return]


def test_export_import_export_round_trip(
    run: Any, app: Any, make_runner: Any, new_db_url: Any, tmp_path: Path
) -> None:
    seed(app)
    first = backup(run, tmp_path / "first.json")
    fresh = make_runner(new_db_url())
    imported = fresh.ok("import", "json", str(tmp_path / "first.json"))
    assert imported.stdout == f"Imported 1 opportunities from {tmp_path / 'first.json'}.\n"
    assert backup(fresh, tmp_path / "second.json") == first
    assert (
        fresh.ok("agenda", "--json", "--all", "--include-closed", "--at", "2026-03-12T09:00").json()
        == run.ok(
            "agenda", "--json", "--all", "--include-closed", "--at", "2026-03-12T09:00"
        ).json()
    )


def test_import_refuses_a_database_holding_data_unless_replace(
    run: Any, app: Any, snapshot: Any, tmp_path: Path
) -> None:
    seed(app)
    path = tmp_path / "backup.json"
    backup(run, path)
    before = snapshot()
    refused = run("import", "json", str(path))
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.error_lines == [
        "afterview: The database already holds data; import into an empty one, or pass "
        "--replace to overwrite it (export a backup first)."
    ]
    assert snapshot() == before
    run.ok("import", "json", str(path), "--replace")
    assert snapshot() == before  # replaced by the same facts


MALFORMED = {
    "not-json.json": ("Dear recruiter,\n", "is not valid JSON"),
    "wrong-format.json": (
        '{"format": "someone-elses-backup", "tables": {}}',
        "This is not an Afterview backup",
    ),
    "truncated.json": (None, "is not valid JSON"),
    "bad-value.json": (None, "The backup's content is malformed: unknown time zone"),
}


# Only a well-formed document with a bad value reaches the database: PostgreSQL too.
CASES = [pytest.param("sqlite", name, id=f"sqlite-{name}") for name in MALFORMED] + [
    pytest.param(
        "postgres", "bad-value.json", id="postgres-bad-value.json", marks=pytest.mark.postgres
    )
]


@pytest.mark.parametrize(("new_db_url", "name"), CASES, indirect=["new_db_url"])
def test_a_malformed_backup_is_refused_and_nothing_is_written(
    run: Any,
    app: Any,
    make_runner: Any,
    new_db_url: Any,
    facts_of: Any,
    tmp_path: Path,
    name: str,
) -> None:
    text, message = MALFORMED[name]
    if text is None:  # derived from a real backup
        seed(app)
        valid = tmp_path / "valid.json"
        backup(run, valid)
        raw = valid.read_text(encoding="utf-8")
        if name == "truncated.json":
            text = raw[: len(raw) // 2]
        else:
            document = json.loads(raw)
            document["tables"]["interviews"][0]["tz"] = "Europe/Londinium"
            text = json.dumps(document)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    empty_url = new_db_url()
    empty = make_runner(empty_url)
    result = empty("import", "json", str(path))
    assert result.returncode == 2, str(result)
    assert len(result.error_lines) == 1 and "Traceback" not in result.stderr
    assert message in result.error_lines[0] and result.error_lines[0].startswith("afterview: ")
    assert all(rows == [] for table, rows in facts_of(empty_url).items() if table != "meta")


def test_export_ics_has_one_event_with_an_alarm_per_open_action(
    run: Any, app: Any, tmp_path: Path
) -> None:
    """`export ics` reads the wall clock: this plan lies ahead of it, whatever the date."""
    now = datetime.now(LONDON).replace(second=0, microsecond=0)
    start = (now + timedelta(days=3)).replace(hour=14, minute=0)
    opp = records.add_opportunity(
        app,
        company="Zoë & Co",
        role="Data Engineer",
        route=Route.RECRUITER,
        now=now,
        recruiter_name="Priya",
    )
    records.add_interview(
        app,
        opp,
        start=start,
        end=start + timedelta(hours=1),
        tz="Europe/London",
        now=now,
        interviewers=(records.NewInterviewer("Dana Kim"),),
    )
    decisions.skip(app, "P1:recruiter-call:interview=1", reason="on leave", now=now)
    snoozed = (start + timedelta(days=5)).replace(hour=9)
    decisions.snooze(app, "P7:reflect:interview=1", until=snoozed, now=now)
    open_items = run.ok("agenda", "--json", "--all").json()
    path = tmp_path / "plan.ics"
    run.ok("export", "ics", str(path))
    calendar = Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    assert sorted(str(e["uid"]) for e in events) == sorted(
        f"{item['key']}@afterview" for item in open_items
    )
    assert all(len(e.walk("VALARM")) == 1 for e in events)
    assert "P1:recruiter-call:interview=1@afterview" not in {str(e["uid"]) for e in events}
    reflect = next(e for e in events if str(e["uid"]).startswith("P7:reflect"))
    assert reflect.decoded("dtstart") == snoozed
    assert len(events) >= 5  # P2, P3, P4, P5, P6… ahead


def test_export_into_a_missing_folder_is_refused(run: Any, app: Any, tmp_path: Path) -> None:
    seed(app)
    result = run("export", "json", str(tmp_path / "no" / "such" / "backup.json"))
    assert result.returncode == 2
    folder = tmp_path / "no" / "such"
    assert result.error_lines == [f"afterview: The folder {folder} does not exist."]
    into_folder = run("export", "ics", str(tmp_path))
    assert into_folder.returncode == 2
    assert into_folder.error_lines == [
        f"afterview: {tmp_path} is a folder; give the name of a file to write."
    ]
