"""`afterview send` and `afterview outbox …` through the REAL console script, on SQLite
and PostgreSQL, against a real SMTP server in this process.

The interview is Tuesday 10 March 2026, 14:00–15:00 London; the wall clock is
later, so a thank-you queued without --at leaves at the next run (its draft names no
day, which would be false by then). Where a test
needs a clock it passes --at in the past (a run may act "as of" an earlier time,
never a later one).
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from afterview import config
from afterview.services.app import App
from cli.conftest import Runner, child_environment, console_script, facts, same_environment

from .outbox_scene import interviewed, undated
from .smtp_server import MailServer, Running, serving

pytestmark = pytest.mark.slow


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_url: str) -> Iterator[Runner]:
    """The console script on the test's database; no keyring, no inherited mail secrets."""
    with same_environment(monkeypatch, tmp_path):
        env = child_environment(tmp_path, db_url)
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        yield Runner(console_script(), env, tmp_path)


@pytest.fixture
def app(run: Runner, db_url: str) -> Iterator[App]:
    """The service layer with the child's configuration, to seed the facts quickly."""
    service = App(url=db_url, config=config.load())
    yield service
    service.close()


def mail_set(run: Runner, mail: Running) -> None:
    run.ok(
        "mail",
        "set",
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        str(mail.port),
        "--smtp-security",
        mail.security,
    )


def test_send_then_run_delivers_once_and_says_so(run: Runner, app: App) -> None:
    undated(app, interviewed(app))
    with serving() as mail:
        mail_set(run, mail)
        queued = run.ok("send", "1")
        assert "Queued draft 1 (thank-you to Dana Kim) as outbox 1: leaves now." in queued.stdout
        assert "afterview outbox run" in queued.stdout and "cron" in queued.stdout
        assert run.ok("draft", "list").stdout.startswith("   1  queued      thank-you")

        first = run("outbox", "run")
        assert first.returncode == 0, str(first)
        assert first.stdout.startswith("sent      outbox 1 (draft 1, thank-you to Dana Kim): 250")
        again = run("outbox", "run")
        assert again.returncode == 0 and again.stdout == "", str(again)
        assert len(mail.handler.received) == 1
        message = mail.handler.received[0].message
        assert message["To"] == "Dana Kim <dana@northwind.example>"
        shown = run.ok("draft", "show", "1", "--json").json()
        assert message["Message-ID"] == shown["message_id"] and shown["sent_at"]

    listed = run.ok("outbox", "list", "--json").json()
    assert [(e["id"], e["state"], e["message_id"]) for e in listed] == [(1, "sent", 1)]
    assert "sent" in run.ok("outbox").stdout
    refused = run("send", "1")
    assert refused.returncode == 2 and refused.error_lines == [
        f"afterview: Message 1 was already sent ({shown['sent_at'][8:10]} "
        f"{_month(shown['sent_at'])} {shown['sent_at'][:4]})."
    ], str(refused)


def _month(iso: str) -> str:
    from datetime import datetime

    return datetime.fromisoformat(iso).strftime("%b")


def test_refusals_are_one_line_exit_2_and_write_nothing(run: Runner, app: App) -> None:
    undated(app, interviewed(app))
    before = facts(run.env["AFTERVIEW_DB"])
    no_settings = run("send", "1")
    assert no_settings.returncode == 2
    assert no_settings.error_lines[0].startswith("afterview: No SMTP server is set")
    assert len(no_settings.error_lines) == 1
    for args, words in [
        (("send", "9"), "No draft or message 9"),
        (("outbox", "cancel", "4"), "No outbox entry 4"),
        (("outbox", "resolve", "4"), "Say which: --sent"),
        (("outbox", "list", "--state", "lost"), "--state lost: choose from"),
    ]:
        result = run(*args)
        assert result.returncode == 2 and len(result.error_lines) == 1, str(result)
        assert words in result.stderr
    assert facts(run.env["AFTERVIEW_DB"]) == before


def test_a_follow_up_inside_the_weekly_guard_is_refused(run: Runner, app: App) -> None:
    undated(app, interviewed(app))
    with serving() as mail:
        mail_set(run, mail)
        run.ok("draft", "follow-up", "1")  # draft 2
        run.ok("contact", "1", "--kind", "follow-up", "--channel", "phone")
        refused = run("send", "2")
    assert refused.returncode == 2, str(refused)
    assert "P8 allows one a week. Next allowed from" in refused.stderr
    assert len(refused.error_lines) == 1


def test_a_temporary_failure_exits_75_and_the_list_says_why(run: Runner, app: App) -> None:
    undated(app, interviewed(app))
    with serving(MailServer(data_answers=["451 4.3.0 Greylisted, try again"])) as mail:
        mail_set(run, mail)
        run.ok("send", "1", "--at", "2026-03-11T09:00")
        early = run("outbox", "run", "--at", "2026-03-11T08:59")
        assert early.returncode == 0 and early.stdout == "", str(early)
        result = run("outbox", "run", "--at", "2026-03-11T09:00")
        assert result.returncode == 75, str(result)
        assert "retry     outbox 1" in result.stdout and "451 4.3.0 Greylisted" in result.stdout
        assert "next try Wed 11 Mar 09:05" in result.stdout
        listed = run.ok("outbox").stdout
        assert "queued" in listed and "attempt 1 failed: 451 4.3.0 Greylisted" in listed
        done = run("outbox", "run", "--at", "2026-03-11T09:05")
        assert done.returncode == 0 and done.stdout.startswith("sent"), str(done)
        assert len(mail.handler.received) == 1


def test_a_run_killed_mid_transaction_leaves_an_uncertain_row_never_resent(
    run: Runner, app: App
) -> None:
    """A real `outbox run` process, killed while the server holds its DATA."""
    undated(app, interviewed(app))
    handler = MailServer(hold=threading.Event())
    with serving(handler) as mail:
        mail_set(run, mail)
        run.ok("send", "1", "--at", "2026-03-11T09:00")
        child = subprocess.Popen(
            [run.script, "outbox", "run", "--at", "2026-03-11T09:00"],
            env=run.env,
            cwd=run.cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            assert handler.holding.wait(60), "the run never reached DATA"
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.communicate(timeout=30)
        assert handler.hold is not None
        handler.hold.set()  # the server finishes receiving: it may well deliver it

        recovered = run("outbox", "run")  # hours "later" than the claim at 09:00
        assert recovered.returncode == 1, str(recovered)
        assert recovered.stdout.startswith("uncertain outbox 1 (draft 1, thank-you to Dana Kim)")
        assert "may have been sent" in recovered.stdout
        quiet = run("outbox", "run")
        assert quiet.returncode == 0 and quiet.stdout == "", str(quiet)
        assert handler.data_attempts == 1
        assert "Uncertain: check your Sent folder" in run.ok("outbox").stdout
        blocked = run("draft", "edit", "1", "--subject", "Thanks")
        assert blocked.returncode == 2 and "resolve 1" in blocked.stderr
        # in $EDITOR too, refused before the editor opens (this one would fail if run)
        in_editor = run("draft", "edit", "1", extra_env={"EDITOR": "false", "VISUAL": "false"})
        assert in_editor.returncode == 2 and in_editor.error_lines == blocked.error_lines
        run.ok("outbox", "resolve", "1", "--sent")
    shown: dict[str, Any] = run.ok("draft", "show", "1", "--json").json()
    assert shown["sent_at"] == "2026-03-11T09:00:00+00:00"
