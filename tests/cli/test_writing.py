"""Writing through the real console script: profile, drafts, editing, checking, exporting.

The interview is Tuesday 10 March 2026, 10:00–11:00 London; the wall clock is later,
so the drafts are written "after" it as a candidate would.
"""

from __future__ import annotations

import email
import json
import stat
from email import policy
from pathlib import Path
from typing import Any

import pytest

from .conftest import facts

pytestmark = pytest.mark.slow

DEBRIEF = {
    "went_well": ["the system design exercise"],
    "nuggets": [
        "they are opening a Lisbon office in the spring",
        "the billing platform is moving to Kotlin",
    ],
    "liked": ["my migration story"],
}


def interviewed(run: Any, tmp_path: Path) -> None:
    """Opportunity 1 (recruiter Priya = person 1), interview 1 with Dana Kim (person 2)."""
    run.ok(
        "opp",
        "add",
        "--company",
        "Northwind Health",
        "--role",
        "Data Engineer",
        "--route",
        "recruiter",
        "--recruiter-name",
        "Priya Shah",
        "--recruiter-email",
        "priya@talentbridge.example",
    )
    run.ok(
        "interview",
        "add",
        "1",
        "--start",
        "2026-03-10T10:00",
        "--end",
        "2026-03-10T11:00",
        "--tz",
        "Europe/London",
        "--interviewer",
        "Dana Kim <dana.kim@northwind.example>",
    )
    debrief = tmp_path / "debrief.json"
    debrief.write_text(json.dumps(DEBRIEF), encoding="utf-8")
    run.ok("debrief", "1", "--file", str(debrief), "--at", "2026-03-10T11:30")
    run.ok(
        "profile",
        "set",
        "--name",
        "Sam Taylor",
        "--email",
        "sam@example.org",
        "--skills",
        "Python, SQL, mentoring",
        "--experience",
        "six years building data platforms",
        "--language",
        "en-GB",
    )


def editor(tmp_path: Path, script: str) -> dict[str, str]:
    """A real $EDITOR: a shell script that edits the file it is given."""
    path = tmp_path / "edit.sh"
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return {"EDITOR": str(path), "VISUAL": str(path)}


def test_from_debrief_to_a_checked_exported_thank_you(run: Any, tmp_path: Path) -> None:
    interviewed(run, tmp_path)
    made = run.ok("draft", "thank-you", "1")
    assert "Draft 1: thank-you to Dana Kim" in made.stdout
    assert "Dear Dana" in made.stdout
    assert "Next: `afterview draft edit 1`" in made.stdout

    # The candidate edits it in their editor and slips in a typo and a wrong name.
    typo = editor(tmp_path, "sed -i -e 's/Dear Dana/Dear Dina/' -e 's/ the / teh /' \"$1\"")
    edited = run("draft", "edit", "1", extra_env=typo)
    assert edited.returncode == 0, str(edited)
    checked = run("draft", "check", "1", "--json")
    assert checked.returncode == 1, str(checked)
    found = {
        (f["rule"], f["suggestions"][0] if f["suggestions"] else None)
        for f in checked.json()["findings"]
    }
    assert ("names.person", "Dana") in found
    assert ("spelling", "the") in found

    fix = editor(tmp_path, "sed -i -e 's/Dear Dina/Dear Dana/' -e 's/ teh / the /' \"$1\"")
    run.ok("draft", "edit", "1", extra_env=fix)
    clean = run("draft", "check", "1", "--json")
    assert clean.returncode == 0, str(clean)
    assert [p["part"] for p in clean.json()["parts"]] == ["thanks", "specific-point", "sell"]

    eml = tmp_path / "thanks.eml"
    run.ok("draft", "export", "1", "--eml", str(eml))
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["To"].addresses[0].addr_spec == "dana.kim@northwind.example"
    assert "Dear Dana" in message.get_content()
    mailto = run.ok("draft", "export", "1", "--mailto").stdout.strip()
    assert mailto.startswith("mailto:dana.kim@northwind.example?subject=")

    run.ok("draft", "sent", "1", "--at", "2026-03-10T16:40")
    plan = {
        i["key"]: i
        for i in run.ok(
            "agenda", "--all", "--include-closed", "--json", "--at", "2026-03-10T17:00"
        ).json()
    }
    assert plan["P5:thank-you:interview=1:person=2"]["state"] == "done"
    assert plan["P8:follow-up:opp=1:n=1"]["send_at"] == "2026-03-17T16:40:00Z"
    listed = run.ok("draft", "list").stdout
    assert "sent 10 Mar" in listed and "thank-you" in listed


def test_an_editor_that_saves_nothing_changes_nothing(run: Any, tmp_path: Path) -> None:
    interviewed(run, tmp_path)
    run.ok("draft", "thank-you", "1")
    before = facts(run.env["AFTERVIEW_DB"])
    result = run.ok("draft", "edit", "1", extra_env=editor(tmp_path, "true"))
    assert "No changes." in result.stdout
    assert facts(run.env["AFTERVIEW_DB"]) == before


def test_an_edit_that_breaks_the_headers_is_refused_and_loses_nothing(
    run: Any, tmp_path: Path
) -> None:
    interviewed(run, tmp_path)
    run.ok("draft", "thank-you", "1")
    before = facts(run.env["AFTERVIEW_DB"])
    script = "sed -i '1s/^Subject:/Bcc: x@y.example\\nSubject:/' \"$1\""
    result = run("draft", "edit", "1", extra_env=editor(tmp_path, script))
    assert result.returncode == 2 and result.error_lines == [
        "afterview: Unexpected header line 'Bcc: x@y.example': only Subject: and To: are kept."
    ]
    assert facts(run.env["AFTERVIEW_DB"]) == before


def test_follow_up_refused_inside_the_guard(run: Any, tmp_path: Path) -> None:
    interviewed(run, tmp_path)
    run.ok("contact", "1", "--kind", "follow-up", "--channel", "phone", "--at", "now")
    before = facts(run.env["AFTERVIEW_DB"])
    refused = run("draft", "follow-up", "1")
    assert refused.returncode == 2
    assert len(refused.error_lines) == 1 and "Next allowed from" in refused.stderr
    assert facts(run.env["AFTERVIEW_DB"]) == before


# --- afterview check -----------------------------------------------------------------------------

GOOD = """Dear Dana,

Thank you for taking the time to meet me today to talk about the Data Engineer role.

I especially enjoyed hearing about the new office in Lisbon and the plans behind it.

I am excited about the role and about Northwind Health. My six years building data platforms \
in Python and SQL fit what your team needs, and I would be happy to send any further \
information that would help.

Kind regards,
Sam Taylor
"""


def test_check_exit_codes_and_json(run: Any, tmp_path: Path) -> None:
    interviewed(run, tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    ok = run("check", str(good), "--interview", "1")
    assert ok.returncode == 0, str(ok)
    assert "No problems found" in ok.stdout

    bad = tmp_path / "bad.txt"
    bad.write_text(
        GOOD.replace("Dear Dana", "Dear Dina").replace("the new office", "the new offfice"),
        encoding="utf-8",
    )
    result = run("check", str(bad), "--interview", "1", "--json")
    assert result.returncode == 1, str(result)
    data = result.json()
    assert data["language"] == "en-GB" and data["errors"] >= 2
    dina = next(f for f in data["findings"] if f["rule"] == "names.person")
    assert (dina["line"], dina["column"], dina["length"]) == (1, 6, 4)
    assert bad.read_text(encoding="utf-8")[dina["offset"] : dina["offset"] + 4] == "Dina"

    piped = run("check", "-", "--opp", "1", input=GOOD)
    assert piped.returncode == 0, str(piped)


def test_check_knows_every_name_in_the_database(run: Any, tmp_path: Path) -> None:
    interviewed(run, tmp_path)
    run.ok("person", "add", "1", "--name", "Siobhán Ní Bhriain", "--role", "interviewer")
    run.ok("words", "add", "Kubernetes")
    text = tmp_path / "names.txt"
    text.write_text(
        "Siobhán Ní Bhriain and Priya Shah at Northwind Health use Kubernetes.\n", encoding="utf-8"
    )
    result = run("check", str(text), "--json")
    assert result.returncode == 0, str(result)
    assert [f for f in result.json()["findings"] if f["rule"] == "spelling"] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The text is empty"),
        (b"   \n\n", "The text is empty"),
        (b"\x00\x01\x02binary", "looks binary"),
        ("caf\u00e9".encode("latin-1"), "is not UTF-8 text"),
        (b"word " * 1_000_000, "the checker takes one email"),
    ],
)
def test_check_refuses_bad_files_with_one_line(
    run_default: Any, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = run_default("check", str(path))
    assert result.returncode == 2, str(result)
    assert len(result.error_lines) == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "No such file: missing.txt"),
        (["."], "is a folder"),
        (["-", "--opp", "99"], "No opportunity 99"),
        (["-", "--interview", "99"], "No interview 99"),
        (["-", "--language", "fr"], "Unknown language 'fr'"),
    ],
)
def test_check_bad_arguments(run: Any, tmp_path: Path, args: list[str], message: str) -> None:
    interviewed(run, tmp_path)
    result = run("check", *args, input="Hello there.\n")
    assert result.returncode == 2, str(result)
    assert len(result.error_lines) == 1 and message in result.stderr


def test_unknown_draft_and_missing_profile(run: Any) -> None:
    run.ok("opp", "add", "--company", "Acme", "--role", "Analyst", "--route", "direct")
    for args in (
        ["draft", "show", "5"],
        ["draft", "export", "5", "--mailto"],
        ["draft", "sent", "5"],
        ["draft", "check", "5"],
    ):
        result = run(*args)
        assert result.returncode == 2 and result.error_lines == [
            "afterview: No draft or message 5. `afterview draft list` shows ids."
        ], str(result)
    result = run("draft", "withdrawal", "1")
    assert result.returncode == 2 and "No profile yet" in result.stderr
