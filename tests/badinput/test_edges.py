"""Issue 12's other findings: text from outside cannot drive the terminal, `export
json -` writes to stdout, and the demo is all there or not there at all."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from afterview.services import demo
from services.helpers import make_app

from .conftest import Backend
from .harness import run_in_process

# An OSC title change, a CSI colour, a one-byte CSI and a bidi override.
HOSTILE = "Evil\x1b]0;pwned\x07 Corp\x1b[31m\x9b2J\u202e"


def _plant(url: str) -> None:
    """What an older version or a hand edit could have stored (no door accepts it now)."""
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        conn.execute("UPDATE opportunities SET company = ?, role = ?", (HOSTILE, HOSTILE))
        conn.execute("UPDATE people SET name = ?, title = ?", (HOSTILE, HOSTILE))
        conn.execute("UPDATE actions SET company = ?, title = title || ?", (HOSTILE, HOSTILE))


@pytest.mark.parametrize(
    "argv",
    [
        ["opp", "show", "1"],
        ["opp", "list"],
        ["brief", "1"],
        ["agenda", "--all"],
        ["today"],
        ["opp", "show", "1", "--json"],
        ["draft", "list"],
        ["opp", "competitor", "1", "Quarry"],
    ],
)
def test_stored_control_characters_never_reach_the_terminal(
    sqlite_backend: Backend, tmp_path: Path, argv: list[str]
) -> None:
    url = sqlite_backend.fresh_url(tmp_path)
    _plant(url)
    outcome = run_in_process(argv, sqlite_backend.env(url))
    assert outcome.exit_code == 0, str(outcome)
    shown = outcome.stdout + outcome.stderr
    assert "Evil" in shown or argv[1] == "competitor" or argv[0] == "draft"
    for bad in ("\x1b", "\x9b", "\x07", "\u202e"):
        assert bad not in shown, f"{bad!r} reached the terminal:\n{outcome}"


def test_export_json_dash_writes_the_backup_to_stdout(
    sqlite_backend: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = sqlite_backend.fresh_url(tmp_path)
    outcome = run_in_process(["export", "json", "-"], sqlite_backend.env(url))
    assert outcome.exit_code == 0 and outcome.stderr == "", str(outcome)
    document = json.loads(outcome.stdout)
    assert document["format"] == "afterview-backup"
    assert document["tables"]["opportunities"][0]["company"] == "Northwind Health"
    assert not (tmp_path / "-").exists()


def test_a_demo_that_fails_part_way_leaves_the_database_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'demo.sqlite3'}")

    def broken(*_: object) -> int:
        raise RuntimeError("the disk filled up")

    monkeypatch.setattr(demo, "_rejected", broken)  # after five opportunities were written
    now = datetime(2026, 3, 20, 9, tzinfo=UTC)
    with pytest.raises(RuntimeError):
        demo.create(app, now)
    with app.transaction(now) as repo:
        assert repo.is_empty()
        assert repo.get_profile() is None
    app.close()
