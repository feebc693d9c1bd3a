"""End-to-end fixtures: the REAL console script in a subprocess, on SQLite and PostgreSQL.

`run("opp", "add", …)` starts `.venv/bin/afterview` with AFTERVIEW_HOME=tmp_path,
AFTERVIEW_TZ=Europe/London and AFTERVIEW_DB=the `db_url` of the test, so every test
that uses it runs once per backend. The test process gets the same environment,
so `app` (the service layer, in-process) sees the same configuration: tests seed
facts quickly through it and keep subprocesses for what only the CLI can show
(exit codes, stderr, the fast read path).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

TZ = "Europe/London"


def console_script() -> str:
    """The installed `afterview` next to this interpreter (the venv's), else on PATH."""
    beside = Path(sys.executable).parent / "afterview"
    if beside.exists():
        return str(beside)
    found = shutil.which("afterview")
    if found is None:
        pytest.fail("the `afterview` console script is not installed: pip install -e .")
    return found


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str
    args: tuple[str, ...] = ()

    def json(self) -> Any:
        return json.loads(self.stdout)

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def __str__(self) -> str:
        return (
            f"afterview {' '.join(self.args)} → {self.returncode}\n"
            f"--- stdout\n{self.stdout}--- stderr\n{self.stderr}"
        )


@dataclass
class Runner:
    """Calls the console script; `env` is the whole environment of the child."""

    script: str
    env: dict[str, str]
    cwd: Path
    calls: list[Result] = field(default_factory=list)

    def __call__(
        self,
        *args: str,
        input: str | None = None,
        extra_env: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> Result:
        completed = subprocess.run(
            [self.script, *args],
            input=input,
            capture_output=True,
            text=True,
            env={**self.env, **(extra_env or {})},
            cwd=self.cwd,
            timeout=timeout,
            check=False,
        )
        result = Result(completed.returncode, completed.stdout, completed.stderr, args)
        self.calls.append(result)
        return result

    def many(self, commands: list[list[str]], workers: int = 4) -> list[Result]:
        """Run independent commands side by side (results in the given order)."""
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(lambda args: self(*args), commands))

    def ok(self, *args: str, **kwargs: Any) -> Result:
        """Run and insist on exit 0 (the failure message shows both streams)."""
        result = self(*args, **kwargs)
        assert result.returncode == 0, str(result)
        return result


def child_environment(home: Path, db: str | None) -> dict[str, str]:
    """The parent's environment without any AFTERVIEW_ variable, plus ours."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AFTERVIEW_")}
    env |= {"AFTERVIEW_HOME": str(home), "AFTERVIEW_TZ": TZ, "COLUMNS": "160"}
    if db is not None:
        env["AFTERVIEW_DB"] = db
    return env


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """AFTERVIEW_HOME for the child and for this process alike."""
    with same_environment(monkeypatch, tmp_path):
        yield tmp_path


@pytest.fixture
def make_runner(home: Path) -> Callable[[str | None], Runner]:
    """A runner on any database (None: the default file under AFTERVIEW_HOME)."""
    script = console_script()
    return lambda db: Runner(script, child_environment(home, db), home)


@pytest.fixture
def run(make_runner: Callable[[str | None], Runner], db_url: str) -> Runner:
    """The console script on the test's database (SQLite file or PostgreSQL schema)."""
    return make_runner(db_url)


@pytest.fixture
def run_default(make_runner: Callable[[str | None], Runner]) -> Runner:
    """The console script on the default SQLite file (for tests about files, demo, help)."""
    return make_runner(None)


@pytest.fixture
def app(db_url: str, home: Path) -> Iterator[Any]:
    """The service layer on the same database and configuration as `run`."""
    from afterview import config
    from afterview.services.app import App

    service = App(url=db_url, config=config.load())
    yield service
    service.close()


@contextmanager
def postgres_schema(admin_url: str) -> Iterator[str]:
    """A URL on a new, empty PostgreSQL schema, dropped afterwards (for wider scopes)."""
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        separator = "&" if "?" in admin_url else "?"
        yield f"{admin_url}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def same_environment(monkeypatch: pytest.MonkeyPatch, home: Path) -> Iterator[None]:
    """This process sees what the child sees: one configuration, one settings fingerprint."""
    for name in [n for n in os.environ if n.startswith("AFTERVIEW_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("AFTERVIEW_HOME", str(home))
    monkeypatch.setenv("AFTERVIEW_TZ", TZ)
    yield


def facts(url: str) -> dict[str, Any]:
    """Every recorded row (the backup's tables), read without changing anything.

    Id counters are left out: PostgreSQL sequences advance even in a transaction
    that rolls back, which is not a change of content.
    """
    from afterview.store.engine import connect
    from afterview.store.repository import ID_COUNTERS, Repository

    engine = connect(url)
    try:
        with engine.connect() as conn:
            dump = Repository(conn).dump()
    finally:
        engine.dispose()
    dump.pop(ID_COUNTERS)
    return dump


@pytest.fixture
def snapshot(db_url: str) -> Callable[[], dict[str, Any]]:
    """The test database's recorded rows, to compare before and after a refusal."""
    return lambda: facts(db_url)


@pytest.fixture
def facts_of() -> Callable[[str], dict[str, Any]]:
    """Any database's recorded rows."""
    return facts
