"""`afterview sync` through the real console script, against a private Dovecot (SQLite and
PostgreSQL). The scene is seeded in-process; the command runs as a user runs it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from integrations.dovecot import Dovecot, running_dovecot
from integrations.sync_scene import configure, seed, the_day_mails

from .conftest import Runner

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dovecot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dovecot]:
    with running_dovecot(tmp_path_factory.mktemp("dovecot")) as server:
        yield server


def secrets(server: Dovecot, user: str) -> dict[str, str]:
    """What a cron job would set: the password, and here the test CA."""
    return {"AFTERVIEW_IMAP_PASSWORD": server.users[user], "AFTERVIEW_IMAP_CAFILE": server.cafile}


def test_sync_prints_the_replies_and_a_second_run_records_nothing(
    run: Runner, app: Any, dovecot: Dovecot, snapshot: Callable[[], dict[str, Any]]
) -> None:
    user = dovecot.add_user()
    scene = seed(app)
    configure(app, dovecot, user)
    for message in the_day_mails(scene):
        dovecot.append(user, message)

    dry = run.ok("sync", "--at", "2026-03-12T12:00", "--dry-run", extra_env=secrets(dovecot, user))
    assert "Dry run: nothing was recorded." in dry.stdout
    assert "Would record 2 replies" in dry.stdout
    assert snapshot()["replies"] == []

    first = run.ok("sync", "--at", "2026-03-12T12:00", "-v", extra_env=secrets(dovecot, user))
    lines = first.stdout.splitlines()
    assert lines[0].startswith("INBOX: 6 new mails read")
    assert lines[1] == "Recorded 2 replies:"
    assert lines[2] == (
        f"  Northwind Health [{scene.northwind}]: Dana Kim <dana@northwind.example>, "
        '"Re: Thank you", Thu 12 Mar 09:30 (answers your message)'
    )
    assert lines[3].startswith(f"  Contoso [{scene.contoso}]: Sam Hill <sam@contoso.example>")
    assert "Follow-ups with Contoso, Northwind Health are paused (P8)" in first.stdout
    assert (
        "Ignored 4: 1 auto-reply or delivery report, 1 mailing list or newsletter, "
        "1 not about any opportunity, 1 from you." in first.stdout
    )
    assert "Out of Office: Thank you" in first.stdout  # -v lists each ignored mail
    assert len(snapshot()["replies"]) == 2

    again = run.ok("sync", "--at", "2026-03-12T12:05", "--json", extra_env=secrets(dovecot, user))
    assert (again.json()["read"], again.json()["recorded"]) == (0, [])
    assert len(snapshot()["replies"]) == 2


def test_a_wrong_password_is_one_line_exit_2_and_nothing_written(
    run: Runner, app: Any, tmp_path: Path, snapshot: Callable[[], dict[str, Any]]
) -> None:
    # a server of its own: after a failed login Dovecot slows the next ones (auth penalty)
    with running_dovecot(tmp_path / "dovecot") as server:
        user = server.add_user()
        scene = seed(app)
        configure(app, server, user)
        server.append(user, the_day_mails(scene)[4])
        before = facts_only(snapshot())
        env = secrets(server, user) | {"AFTERVIEW_IMAP_PASSWORD": "wrong"}
        result = run("sync", "--at", "2026-03-12T12:00", extra_env=env)
    assert result.returncode == 2, str(result)
    assert result.stdout == ""
    (line,) = result.error_lines
    assert line.startswith(f"afterview: The IMAP server refused the login of {user}:")
    assert "wrong" not in line
    assert facts_only(snapshot()) == before


def facts_only(dump: dict[str, Any]) -> dict[str, Any]:
    """Rows without `meta`: the child's environment (AFTERVIEW_IMAP_*) changes the
    settings-source fingerprint kept there, which is bookkeeping, not a fact."""
    return {table: rows for table, rows in dump.items() if table != "meta"}
