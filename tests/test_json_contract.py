"""The `--json` output other tools script against: exact keys and value shapes, pinned.

Changing any of this breaks users' scripts: add keys deliberately (and here), never
rename or drop one. Runs through the real console script on SQLite and PostgreSQL
(PostgreSQL's agenda is served by the service layer, SQLite's by the light path).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

AGENDA_ITEM_KEYS = {
    "catch_up",
    "closed_at",
    "company",
    "due",
    "expires",
    "id",
    "interview_id",
    "key",
    "logs",
    "opportunity_id",
    "other_tz",
    "overdue",
    "person_id",
    "reason",
    "role",
    "rule",
    "send_at",
    "snoozed_until",
    "state",
    "title",
    "tz",
    "why",
}
STATES = {"pending", "snoozed", "done", "skipped"}
UTC_TEXT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
KEY = re.compile(r"^P(\d|1[0-2]):[a-z-]+(:[a-z]+=\d+)*$")


def afterview(tmp_path: Path, db_url: str, *args: str) -> Any:
    """Run the console script; insist on success and return its parsed stdout."""
    script = Path(sys.executable).parent / "afterview"
    env = {k: v for k, v in os.environ.items() if not k.startswith("AFTERVIEW_")}
    env |= {
        "AFTERVIEW_HOME": str(tmp_path),
        "AFTERVIEW_TZ": "Europe/London",
        "AFTERVIEW_DB": db_url,
    }
    done = subprocess.run(
        [str(script), *args], capture_output=True, text=True, env=env, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def cli(tmp_path: Path, db_url: str) -> Any:
    return lambda *args: afterview(tmp_path, db_url, *args)


def test_opp_add_json_is_exactly_the_id(cli: Any) -> None:
    first = cli(
        "opp", "add", "--company", "Acme", "--role", "Analyst", "--route", "direct", "--json"
    )
    assert first == {"id": 1} and type(first["id"]) is int
    assert cli(
        "opp",
        "add",
        "--company",
        "Bluefin",
        "--role",
        "Analyst",
        "--route",
        "recruiter",
        "--recruiter-name",
        "Priya Shah",
        "--json",
    ) == {"id": 2}


def test_agenda_json_items(cli: Any) -> None:
    cli(
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
        "--json",
    )
    assert cli(
        "interview",
        "add",
        "1",
        "--start",
        "2026-03-10T14:00",
        "--end",
        "2026-03-10T15:00",
        "--tz",
        "America/New_York",
        "--interviewer",
        "Dana Kim <dana@northwind.example>",
        "--json",
    ) == {"id": 1}
    assert cli(
        "contact",
        "1",
        "--kind",
        "recruiter-call",
        "--channel",
        "phone",
        "--at",
        "2026-03-10T15:30-04:00",
        "--json",
    ) == {"id": 1, "flag": None}

    items = cli("agenda", "--json", "--all", "--include-closed", "--at", "2026-03-10T12:00")
    assert items, "the plan is not empty"
    for item in items:
        assert set(item) == AGENDA_ITEM_KEYS, item["key"]
        assert KEY.match(item["key"]) and item["key"].startswith(item["rule"] + ":")
        assert re.fullmatch(r"P(\d|1[0-2])", item["rule"])
        assert item["state"] in STATES
        assert ISO_WITH_OFFSET.match(item["due"]), item["due"]
        assert item["snoozed_until"] is None or ISO_WITH_OFFSET.match(item["snoozed_until"])
        assert item["closed_at"] is None or ISO_WITH_OFFSET.match(item["closed_at"])
        # added fields (interviews across zones): the recipient's zone when it differs,
        # and when a message should land, in UTC like `expires`
        assert item["other_tz"] is None or item["other_tz"] != item["tz"]
        assert item["send_at"] is None or UTC_TEXT.match(item["send_at"]), item["send_at"]
        assert type(item["overdue"]) is bool
        # added (P11): already past when entered, so not late; `overdue` unchanged
        assert type(item["catch_up"]) is bool
        assert not (item["catch_up"] and item["state"] in ("done", "skipped"))
        assert isinstance(item["title"], str) and isinstance(item["why"], str) and item["why"]
        assert isinstance(item["opportunity_id"], int | None)
        assert isinstance(item["interview_id"], int | None)
        assert isinstance(item["person_id"], int | None)
        assert type(item["id"]) is int and item["id"] > 0  # the short step id (done 3)
    assert len({item["id"] for item in items}) == len(items)
    by_key = {item["key"]: item for item in items}
    call = by_key["P1:recruiter-call:interview=1"]
    assert {
        k: call[k]
        for k in (
            "rule",
            "opportunity_id",
            "interview_id",
            "person_id",
            "state",
            "company",
            "role",
            "tz",
            "logs",
            "closed_at",
            "due",
        )
    } == {
        "rule": "P1",
        "opportunity_id": 1,
        "interview_id": 1,
        "person_id": 1,
        "state": "done",
        "company": "Northwind Health",
        "role": "Data Engineer",
        "tz": "America/New_York",
        "logs": "recruiter-call",
        "closed_at": "2026-03-10T15:30:00-04:00",
        "due": "2026-03-10T17:00:00-04:00",
    }
    assert by_key["P4:debrief:interview=1"]["due"] == "2026-03-10T16:00:00-04:00"
    # a step keeps its short id when the plan is rebuilt (a new fact re-plans)
    cli(
        "contact",
        "1",
        "--kind",
        "thank-you",
        "--channel",
        "email",
        "--person",
        "2",
        "--at",
        "2026-03-10T16:00-04:00",
        "--json",
    )
    again = cli("agenda", "--json", "--all", "--include-closed", "--at", "2026-03-10T12:00")
    assert {i["key"]: i["id"] for i in again if i["key"] in by_key} == {
        k: by_key[k]["id"] for k in by_key if k in {i["key"] for i in again}
    }
