"""Every file holding the candidate's data is theirs alone (0600, folders 0700), with
the usual umask 022: a new install, an install made readable by an earlier version,
the backups taken before a migration, the config file, and every export.

Real files, real modes (st_mode); the CLI through the real console script.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from afterview import config
from afterview.private_files import write_private
from afterview.store.engine import backup_sqlite, connect

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")

AFTERVIEW = str(Path(sys.executable).with_name("afterview"))


@pytest.fixture(autouse=True)
def _umask_022() -> Iterator[None]:
    """The usual umask, under which a plain open() makes a world-readable file."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_install_is_private_from_the_first_byte(_isolated_home: Path) -> None:
    engine = connect()
    try:
        with engine.begin() as conn:  # WAL and SHM exist while a connection is open
            conn.exec_driver_sql("SELECT count(*) FROM opportunities").scalar()
            database = _isolated_home / "afterview.sqlite3"
            assert mode(_isolated_home) == 0o700
            assert mode(database) == 0o600
            assert mode(Path(f"{database}-wal")) == 0o600
            assert mode(Path(f"{database}-shm")) == 0o600
    finally:
        engine.dispose()


def test_an_earlier_readable_install_is_tightened_when_opened(_isolated_home: Path) -> None:
    _isolated_home.mkdir(mode=0o755)
    database = _isolated_home / "afterview.sqlite3"
    raw = sqlite3.connect(database)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("CREATE TABLE notes (body TEXT)")
    raw.commit()  # -wal and -shm stay while `raw` is open
    backup = _isolated_home / "afterview.sqlite3.bak-0001_initial"
    backup.write_bytes(b"an old backup")
    readable = [_isolated_home, database, Path(f"{database}-wal"), Path(f"{database}-shm"), backup]
    for path in readable:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    try:
        connect().dispose()
    finally:
        raw.close()
    assert mode(_isolated_home) == 0o700
    assert {p.name: mode(p) for p in readable[1:] if p.exists()} == {
        p.name: 0o600 for p in readable[1:] if p.exists()
    }
    assert mode(backup) == 0o600
    # and the backup taken before migrating the unmigrated file is private too
    taken = [p for p in _isolated_home.iterdir() if p.name.startswith("afterview.sqlite3.bak-")]
    assert len(taken) == 2 and all(mode(p) == 0o600 for p in taken)


def test_a_database_in_a_shared_folder_leaves_the_folder_alone(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    connect(f"sqlite:///{shared}/mine.sqlite3").dispose()
    assert mode(shared) == 0o755  # not Afterview's folder: /tmp must stay /tmp
    assert mode(shared / "mine.sqlite3") == 0o600


def test_a_new_folder_for_a_given_database_is_private(tmp_path: Path) -> None:
    connect(f"sqlite:///{tmp_path}/new/place/a.db").dispose()
    assert mode(tmp_path / "new" / "place") == 0o700
    assert mode(tmp_path / "new" / "place" / "a.db") == 0o600


def test_a_migration_backup_is_private(tmp_path: Path) -> None:
    database = tmp_path / "a.db"
    connect(f"sqlite:///{database}").dispose()
    copy = backup_sqlite(database, "0001")
    assert mode(copy) == 0o600
    with sqlite3.connect(copy) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    check.close()


def test_write_private_makes_new_and_replaced_files_0600(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("old, readable")
    os.chmod(target, 0o644)
    write_private(str(target), b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o600
    write_private(str(tmp_path / "fresh.ics"), b"x")
    assert mode(tmp_path / "fresh.ics") == 0o600


def test_the_config_file_is_private_and_an_old_one_is_tightened(_isolated_home: Path) -> None:
    config.save({"follow_up_guard_days": 10})
    assert mode(_isolated_home) == 0o700
    assert mode(_isolated_home / "config.toml") == 0o600
    os.chmod(_isolated_home / "config.toml", 0o644)
    config.load()
    assert mode(_isolated_home / "config.toml") == 0o600


def afterview(home: Path, *args: str) -> str:
    env = {**os.environ, "AFTERVIEW_HOME": str(home), "AFTERVIEW_TZ": "Europe/London"}
    done = subprocess.run(
        [AFTERVIEW, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_cli_writes_nothing_readable_by_others(_isolated_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    afterview(_isolated_home, "opp", "add", "--company", "Acme", "--role", "Analyst",
              "--route", "direct")  # fmt: skip
    afterview(_isolated_home, "profile", "set", "--name", "Sam Lee", "--email", "sam@example.org")
    draft = afterview(_isolated_home, "draft", "withdrawal", "1", "--json")
    draft_id = str(json.loads(draft)[0]["id"])
    afterview(_isolated_home, "export", "json", str(out / "backup.json"))
    afterview(_isolated_home, "export", "ics", str(out / "plan.ics"))
    afterview(_isolated_home, "draft", "export", draft_id, "--eml", str(out / "w.eml"))
    afterview(_isolated_home, "config", "set", "follow_up_guard_days=8")
    written = [_isolated_home / "afterview.sqlite3", _isolated_home / "config.toml"]
    written += sorted(out.iterdir())
    assert [p.name for p in written[2:]] == ["backup.json", "plan.ics", "w.eml"]
    assert {p.name: mode(p) for p in written} == {p.name: 0o600 for p in written}
    assert mode(_isolated_home) == 0o700
