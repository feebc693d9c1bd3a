"""Locating, opening and migrating the database."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from afterview.errors import StoreError
from afterview.store import engine as store_engine
from afterview.store.engine import (
    HEAD_REVISION,
    alembic_config,
    connect,
    current_revision,
    default_data_dir,
    migrate,
    open_engine,
    resolve_url,
)
from afterview.store.schema import metadata

# --- locating -------------------------------------------------------------------


def test_default_data_dir_follows_afterview_home(_isolated_home: Path) -> None:
    assert default_data_dir() == _isolated_home


def test_default_data_dir_falls_back_to_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import platformdirs

    monkeypatch.delenv("AFTERVIEW_HOME")
    assert default_data_dir() == platformdirs.user_data_path("afterview")


def test_resolve_url_prefers_explicit_then_env_then_default(
    monkeypatch: pytest.MonkeyPatch, _isolated_home: Path
) -> None:
    assert resolve_url(None) == f"sqlite:///{_isolated_home}/afterview.sqlite3"
    monkeypatch.setenv("AFTERVIEW_DB", "sqlite:////env.db")
    assert resolve_url(None) == "sqlite:////env.db"
    assert resolve_url("sqlite:////flag.db") == "sqlite:////flag.db"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u:p@h:5/db?x=1", "postgresql+psycopg://u:p@h:5/db?x=1"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("/var/data/a.db", "sqlite:////var/data/a.db"),
    ],
)
def test_resolve_url_normalises(given: str, expected: str) -> None:
    assert resolve_url(given) == expected


def test_resolve_url_makes_relative_paths_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_url("sub/a.db") == f"sqlite:///{tmp_path}/sub/a.db"


def test_the_light_path_imports_no_sqlalchemy() -> None:
    code = (
        "import sys; from afterview.store import HEAD_REVISION; import afterview.store.engine;"
        "print('sqlalchemy' in sys.modules or 'alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- opening ---------------------------------------------------------------------


def test_sqlite_uses_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path}/new/dir/a.db")
    try:
        with engine.connect() as conn:
            pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == 10000
            assert pragma("synchronous") == 2  # FULL: a commit survives a power loss
    finally:
        engine.dispose()
    assert (tmp_path / "new" / "dir" / "a.db").exists()


def test_sqlite_transactions_take_the_write_lock_at_begin(tmp_path: Path) -> None:
    engine = connect(f"sqlite:///{tmp_path}/a.db")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")  # autobegins: BEGIN IMMEDIATE
            other = sqlite3.connect(tmp_path / "a.db", timeout=0)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            other.close()
    finally:
        engine.dispose()


def test_unreachable_postgres_is_a_one_line_store_error() -> None:
    with pytest.raises(StoreError) as caught:
        open_engine("postgresql+psycopg://postgres:secret@127.0.0.1:1/test")
    message = caught.value.message
    assert "\n" not in message
    assert "127.0.0.1:1" in message and "secret" not in message


@pytest.mark.parametrize(
    "url", ["not a url://", "nosuchdialect://x/y", "postgresql+nosuchdriver://h/db"]
)
def test_invalid_urls_are_store_errors(url: str) -> None:
    with pytest.raises(StoreError):
        open_engine(url)


def test_a_folder_that_cannot_be_made_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("x")
    with pytest.raises(StoreError, match="Cannot create the folder"):
        open_engine(f"sqlite:///{tmp_path}/plain-file/sub/a.db")


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a database"):
        open_engine(f"sqlite:///{junk}")


# --- migrating -------------------------------------------------------------------


def test_head_revision_is_alembics_head() -> None:
    import afterview.store

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION
    assert afterview.store.HEAD_REVISION == HEAD_REVISION


def test_migrating_an_empty_database_creates_every_table(engine: Engine) -> None:
    with engine.connect() as conn:
        assert current_revision(conn) == HEAD_REVISION
        tables = set(inspect(conn).get_table_names())
    assert tables == set(metadata.tables) | {"alembic_version"}


def test_the_migration_matches_the_metadata(engine: Engine) -> None:
    """schema.py and 0001_initial.py describe the same columns, keys and indexes."""
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_migrating_twice_does_not_touch_alembic(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object) -> None:
        raise AssertionError("Alembic ran on a database already at head")

    monkeypatch.setattr(store_engine, "_upgrade", fail)
    migrate(engine)
    with engine.connect() as conn:
        assert current_revision(conn) == HEAD_REVISION


def test_a_failed_migration_changes_nothing(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """DDL runs inside migrate's transaction, on SQLite as on PostgreSQL."""
    from alembic import command

    real_upgrade = command.upgrade

    def upgrade_then_fail(config: object, revision: str) -> None:
        real_upgrade(config, revision)  # type: ignore[arg-type]
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    engine = open_engine(db_url)
    try:
        with pytest.raises(StoreError, match="disk on fire"):
            migrate(engine)
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == []
    finally:
        engine.dispose()


def test_a_brand_new_file_is_not_backed_up(tmp_path: Path) -> None:
    connect(f"sqlite:///{tmp_path}/a.db").dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db"]


def test_an_existing_unmigrated_file_is_backed_up_first(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE notes (body TEXT)")
        raw.execute("INSERT INTO notes VALUES ('keep me')")
    raw.close()
    connect(f"sqlite:///{path}").dispose()
    backup = tmp_path / "a.db.bak-empty"
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("SELECT body FROM notes").fetchall() == [("keep me",)]
        tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        copy.close()
    assert "opportunities" not in tables  # taken before the migration ran


def test_a_file_at_an_older_revision_is_backed_up_under_that_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.db"
    connect(f"sqlite:///{path}").dispose()
    # Pretend the code moved on to a newer head than this file is at.
    head = store_engine.HEAD_REVISION
    monkeypatch.setattr(store_engine, "HEAD_REVISION", "9999_future")
    monkeypatch.setattr(store_engine, "_upgrade", _backup_only)
    connect(f"sqlite:///{path}").dispose()
    connect(f"sqlite:///{path}").dispose()
    assert (tmp_path / f"a.db.bak-{head}").exists()
    assert (tmp_path / f"a.db.bak-{head}.1").exists()  # never overwrites a backup


def test_a_file_at_the_first_revision_upgrades_keeping_its_facts(tmp_path: Path) -> None:
    """0001 → 0002 (writing tables) on a file with data: nothing lost, backup kept."""
    from alembic import command

    path = tmp_path / "old.db"
    engine = open_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0001_initial")
        conn.exec_driver_sql(
            "INSERT INTO opportunities (company, role, route, created_at) "
            "VALUES ('Acme', 'Designer', 'direct', '2026-01-05T09:00:00Z')"
        )
    engine.dispose()
    engine = connect(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            assert current_revision(conn) == HEAD_REVISION
            assert conn.exec_driver_sql("SELECT company FROM opportunities").all() == [("Acme",)]
            assert conn.exec_driver_sql("SELECT count(*) FROM messages").scalar() == 0
    finally:
        engine.dispose()
    assert (tmp_path / "old.db.bak-0001_initial").exists()


def _backup_only(conn: object, current: str | None) -> None:
    store_engine._backup_if_needed(conn, current)  # type: ignore[arg-type]


def test_a_database_from_a_newer_afterview_is_refused(tmp_path: Path) -> None:
    engine = connect(f"sqlite:///{tmp_path}/a.db")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(StoreError, match="newer Afterview"):
        migrate(engine)
    engine.dispose()
    assert not list(tmp_path.glob("a.db.bak-*"))


def test_databases_side_by_side_are_migrated_independently(
    new_db_url: Callable[[], str],
) -> None:
    """On PostgreSQL: two schemas of one database each get their own tables and version."""
    first, second = connect(new_db_url()), connect(new_db_url())
    try:
        for engine in (first, second):
            with engine.connect() as conn:
                assert current_revision(conn) == HEAD_REVISION
    finally:
        first.dispose()
        second.dispose()


# --- concurrency -----------------------------------------------------------------

_WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import datetime, timezone
    from pathlib import Path
    from afterview.playbook.facts import Channel, ContactKind, Route
    from afterview.store.engine import connect
    from afterview.store.repository import Repository

    url, go, name = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    engine = connect(url)
    with engine.begin() as conn:
        opp = Repository(conn).add_opportunity(
            name, "Engineer", Route.DIRECT, datetime.now(timezone.utc), None
        )
    while not go.exists():
        time.sleep(0.005)
    for n in range(200):
        with engine.begin() as conn:
            repo = Repository(conn)
            repo.add_contact(
                opp, datetime.now(timezone.utc), ContactKind.FOLLOW_UP, Channel.EMAIL, note=str(n)
            )
            repo.set_meta("last-" + name, str(n))
    engine.dispose()
    """
)


def _run_writers(url: str, go: Path, count: int) -> list[subprocess.Popen[str]]:
    return [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, url, str(go), f"writer{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(count)
    ]


@pytest.mark.parametrize("premigrated", [True, False], ids=["migrated", "fresh-file"])
def test_processes_writing_at_once_lose_nothing(tmp_path: Path, premigrated: bool) -> None:
    url = f"sqlite:///{tmp_path}/shared.db"
    if premigrated:
        connect(url).dispose()
    go = tmp_path / "go"
    writers = _run_writers(url, go, 2)
    go.touch()
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    with sqlite3.connect(tmp_path / "shared.db") as raw:
        per_opportunity = raw.execute(
            "SELECT opportunity_id, count(*), count(DISTINCT note) FROM contacts "
            "GROUP BY opportunity_id"
        ).fetchall()
        last = dict(raw.execute("SELECT key, value FROM meta").fetchall())
    raw.close()
    assert sorted(row[1:] for row in per_opportunity) == [(200, 200), (200, 200)]
    assert last == {"last-writer0": "199", "last-writer1": "199"}
