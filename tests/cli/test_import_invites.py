"""`import invite` and `import vcard` through the console script, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from afterview.integrations import MAX_BYTES
from afterview.playbook.facts import PersonRole, Route
from afterview.services import records

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parents[1] / "integrations" / "fixtures"
ME = ("--me", "alex.candidate@mailbox.example")


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def northwind(app: Any) -> int:
    from datetime import UTC, datetime

    now = datetime(2026, 3, 1, 9, tzinfo=UTC)
    opp = records.add_opportunity(
        app, company="Northwind Health", role="Data Engineer", route=Route.DIRECT, now=now
    )
    records.add_person(
        app,
        opp,
        name="Dana Kim",
        role=PersonRole.INTERVIEWER,
        email="dana.kim@northwind.example",
        now=now,
    )
    return opp


def test_an_invitation_its_update_from_stdin_a_repeat_and_its_cancellation(
    run: Any, app: Any
) -> None:
    northwind(app)
    added = run.ok("import", "invite", fixture("outlook_request.ics"), *ME)
    assert added.stdout == (
        "Interview 1 added to opportunity 1 (Northwind Health): Tue 10 Mar 14:00–15:00 London, "
        "Teams link; 1 person added, 1 already known.\n"
    )
    eml = (FIXTURES / "outlook_update.eml").read_text(encoding="ascii")
    moved = run.ok("import", "invite", "-", *ME, input=eml)
    assert moved.stdout == (
        "Interview 1 of opportunity 1 (Northwind Health) moved to Wed 11 Mar 15:30–16:30 "
        "London, Teams link; the plan follows, decisions kept.\n"
    )
    again = run.ok("import", "invite", fixture("outlook_update.ics"), *ME)
    assert again.stdout == (
        "Interview 1 of opportunity 1 (Northwind Health) unchanged: Wed 11 Mar 15:30–16:30 "
        "London, Teams link.\n"
        "  Note: Nothing to change: this is the same update (sequence 1) of the invitation "
        "already imported (sequence 1).\n"
    )
    cancelled = run.ok("import", "invite", fixture("outlook_cancel.ics"), *ME)
    assert cancelled.stdout == (
        "Interview 1 of opportunity 1 (Northwind Health) cancelled, as the invitation says; "
        "its steps are dropped.\n"
    )
    shown = run.ok("opp", "show", "1").stdout
    assert "Tom Reyes" in shown and "Alex Candidate" not in shown


def test_json_gives_the_ids_and_create_starts_an_opportunity(run: Any) -> None:
    result = run.ok(
        "import",
        "invite",
        fixture("teams_request.ics"),
        *ME,
        "--json",
        "--create",
        "Fabrikam",
        "--role",
        "Data Engineer",
    ).json()
    assert {
        k: result[k]
        for k in (
            "action",
            "interview",
            "opportunity",
            "opportunity_created",
            "people_added",
            "tz",
            "start",
            "format",
        )
    } == {
        "action": "added",
        "interview": 1,
        "opportunity": 1,
        "opportunity_created": True,
        "people_added": [1],
        "tz": "Europe/Berlin",
        "start": "2026-03-17T09:00:00+01:00",
        "format": "video",
    }
    assert result["meeting_url"] == "https://teams.live.com/meet/9312345678901?p=AbCdEfGhIjKlMnOp"
    listed = run.ok("opp", "list").stdout
    assert "Fabrikam" in listed and "Data Engineer" in listed


def test_a_guessed_zone_is_said(run: Any) -> None:
    out = run.ok(
        "import",
        "invite",
        fixture("outlook_custom_zone.ics"),
        *ME,
        "--create",
        "Contoso",
        "--role",
        "Data Engineer",
    ).stdout
    assert out == (
        "Interview 1 added to new opportunity 1 (Contoso): Mon 30 Mar 10:00–11:30 Berlin, at "
        "Contoso Campus, Friedrichstraße 68, 10117 Berlin; 2 people added.\n"
        "  Note: The time zone 'Customized Time Zone' was matched to Europe/Berlin by its "
        "rules.\n"
    )


def bad_files(tmp: Path) -> dict[str, tuple[list[str], str]]:
    """Name → (arguments, the start of the one error line)."""
    files = {
        "letter.txt": b"Dear Alex,\nsee you on Tuesday.\n",
        "photo.ics": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "latin1.ics": (FIXTURES / "apple_floating.ics")
        .read_bytes()
        .replace(b"Litware", b"Litw\xe4re"),
        "empty-calendar.ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
        "no-start.ics": (FIXTURES / "apple_floating.ics")
        .read_bytes()
        .replace(b"DTSTART:20260402T100000\n", b""),
        "huge.ics": b"BEGIN:VCALENDAR\r\n" + b"X" * MAX_BYTES,
    }
    for name, data in files.items():
        (tmp / name).write_bytes(data)
    return {
        "letter": ([str(tmp / "letter.txt")], "This is not a calendar invitation"),
        "binary": ([str(tmp / "photo.ics")], "The file is binary data"),
        "non-utf8": ([str(tmp / "latin1.ics")], "The invitation is not UTF-8 text"),
        "no-vevent": ([str(tmp / "empty-calendar.ics")], "The calendar holds no event"),
        "no-dtstart": ([str(tmp / "no-start.ics")], "The event has no start time (DTSTART)"),
        "huge": ([str(tmp / "huge.ics")], "The invitation is too large (20,971,521 bytes"),
        "missing": ([str(tmp / "nowhere.ics")], f"No such file: {tmp / 'nowhere.ics'}"),
        "folder": ([str(tmp)], f"{tmp} is a folder"),
        "unmatched": ([fixture("zoom_request.ics")], "No open opportunity matches"),
        "create-alone": (
            [fixture("zoom_request.ics"), "--create", "Litware"],
            "--create and --role go together",
        ),
        "unknown-opp": ([fixture("zoom_request.ics"), "--opp", "9"], "No opportunity 9."),
    }


@pytest.mark.parametrize(
    "case",
    [
        "letter",
        "binary",
        "non-utf8",
        "no-vevent",
        "no-dtstart",
        "huge",
        "missing",
        "folder",
        "unmatched",
        "create-alone",
        "unknown-opp",
    ],
)
def test_a_bad_invitation_is_one_line_exit_2_and_nothing_written(
    run: Any, app: Any, snapshot: Any, tmp_path: Path, case: str
) -> None:
    northwind(app)
    args, message = bad_files(tmp_path)[case]
    before = snapshot()
    result = run("import", "invite", *args, *ME)
    assert result.returncode == 2 and result.stdout == "", str(result)
    assert len(result.error_lines) == 1 and result.error_lines[0].startswith(
        f"afterview: {message}"
    ), str(result)
    assert snapshot() == before


def test_business_cards_add_then_update(run: Any, app: Any) -> None:
    northwind(app)
    added = run.ok("import", "vcard", fixture("outlook.vcf"), "1")
    assert added.stdout == (
        "Opportunity 1 (Northwind Health): 2 people added (Tom Reyes [2], Renée Faure [3]).\n"
    )
    iphone = (FIXTURES / "iphone.vcf").read_text(encoding="utf-8")
    updated = run.ok("import", "vcard", "-", "1", "--json", input=iphone).json()
    assert [(u["person"], u["changed"]) for u in updated["updated"]] == [(1, ["phone", "title"])]
    assert updated["created"] == [] and updated["opportunity"] == 1
    again = run.ok("import", "vcard", fixture("iphone.vcf"), "1", "--role", "hiring-manager")
    assert again.stdout == (
        "Opportunity 1 (Northwind Health): 1 person updated (Dana Kim: role).\n"
    )
    assert "Dana Kim (hiring-manager, Lead Data Engineer)" in run.ok("opp", "show", "1").stdout


@pytest.mark.parametrize(
    ("data", "args", "message"),
    [
        (b"Name: Dana Kim\n", ["1"], "This is not a vCard file"),
        (b"\x00\x01\x02", ["1"], "The file is binary data, not a vCard"),
        ((FIXTURES / "v4.vcf").read_bytes(), ["9"], "No opportunity 9."),
        ((FIXTURES / "v4.vcf").read_bytes(), ["1", "--role", "boss"], "Invalid value for '--role'"),
    ],
)
def test_a_bad_card_file_is_one_line_exit_2_and_nothing_written(
    run: Any, app: Any, snapshot: Any, tmp_path: Path, data: bytes, args: list[str], message: str
) -> None:
    northwind(app)
    path = tmp_path / "card.vcf"
    path.write_bytes(data)
    before = snapshot()
    result = run("import", "vcard", str(path), *args)
    assert result.returncode == 2 and result.stdout == "", str(result)
    assert len(result.error_lines) == 1 and result.error_lines[0].startswith(
        f"afterview: {message}"
    ), str(result)
    assert snapshot() == before


def test_the_import_group_lists_json_invite_and_vcard(run_default: Any) -> None:
    out = run_default.ok("import", "-h").stdout
    assert all(f"  {name} " in out for name in ("json", "invite", "vcard"))
