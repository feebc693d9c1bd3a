"""`afterview server` through the real console script: set up a deployment, add an
agency and a candidate, move a single-user Afterview into the account."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from afterview.server import accounts
from afterview.server.naming import Naming
from afterview.server.store import ServerStore
from afterview.services import demo
from afterview.services.app import App
from afterview.services.queries import list_opportunities
from cli.conftest import Runner, child_environment, console_script

from .conftest import NOW

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
PASSWORD = "the ferry leaves at nine"


def test_a_deployment_from_the_command_line(_postgres_admin: str, tmp_path: Path) -> None:
    prefix = f"t{uuid.uuid4().hex[:10]}"
    env = child_environment(tmp_path, _postgres_admin) | {"AFTERVIEW_SERVER_PREFIX": prefix}
    run = Runner(console_script(), env, tmp_path)
    store = ServerStore.open(_postgres_admin, Naming(prefix))
    try:
        assert "schema is ready" in run.ok("server", "init").stdout
        assert "schema is ready" in run.ok("server", "init").stdout  # again: nothing breaks
        assert run.ok("server", "add-agency", "Northgate Recruitment").stdout.startswith("Agency ")
        agency_id = run.calls[-1].stdout.split()[1].rstrip(":")
        weak = run(
            "server", "add-user", "--agency", agency_id, "--email", "sam@example.org",
            "--name", "Sam Taylor", "--role", "candidate",
            extra_env={"AFTERVIEW_NEW_PASSWORD": "short"},
        )  # fmt: skip
        assert weak.returncode == 2
        assert weak.error_lines == [
            "afterview: The password must be at least 12 characters long."
        ], str(weak)
        run.ok(
            "server", "add-user", "--agency", agency_id, "--email", "sam@example.org",
            "--name", "Sam Taylor", "--role", "candidate", "--timezone", "Europe/London",
            extra_env={"AFTERVIEW_NEW_PASSWORD": PASSWORD},
        )  # fmt: skip

        # The candidate's single-user database, exported on their machine ...
        local = f"sqlite:///{tmp_path / 'laptop.sqlite3'}"
        demo.create(App.open(local), NOW)
        backup = tmp_path / "backup.json"
        run.ok("--db", local, "export", "json", str(backup))
        # ... and imported into their account.
        moved = run.ok("server", "import-json", "--email", "SAM@example.org", str(backup))
        assert "Imported 7 opportunities into the account of sam@example.org" in moved.stdout
        user = accounts.candidate_by_email(store, "sam@example.org")
        on_server = list_opportunities(store.candidate_app(user.id, user.timezone), NOW)
        on_laptop = list_opportunities(App.open(local), NOW)
        assert on_server == on_laptop
        again = run("server", "import-json", "--email", "sam@example.org", str(backup))
        assert again.returncode != 0 and "empty" in again.stderr  # never merged twice
    finally:
        store.drop_everything()
        store.dispose()


def test_the_server_needs_postgresql(tmp_path: Path) -> None:
    run = Runner(console_script(), child_environment(tmp_path, None), tmp_path)
    missing = run("server", "init")
    assert missing.returncode == 2
    assert "needs a PostgreSQL database" in missing.stderr
    sqlite = run("--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "server", "init")
    assert sqlite.returncode == 2
    assert "needs PostgreSQL" in sqlite.stderr
    assert "Traceback" not in sqlite.stderr
    assert not (tmp_path / "x.sqlite3").exists()
