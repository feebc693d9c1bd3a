"""Finding, opening and migrating the database.

Importing this module is cheap: SQLAlchemy and Alembic load inside the functions
that use them, so a light command can resolve the database location without them.
"""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from afterview import paths
from afterview.errors import StoreError
from afterview.private_files import create_private, private_sqlite
from afterview.store import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.engine.url import URL

__all__ = [
    "HEAD_REVISION",
    "MIGRATIONS_DIR",
    "alembic_config",
    "backup_sqlite",
    "connect",
    "current_revision",
    "default_data_dir",
    "migrate",
    "migrate_connection",
    "open_engine",
    "resolve_url",
]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_SQLITE_PRAGMAS = (
    "busy_timeout=10000",  # first, so switching to WAL waits for other processes
    "journal_mode=WAL",
    "foreign_keys=ON",
    # FULL: a commit survives a power loss, not only a killed process; the outbox's
    # claim must never be undone, or a message could leave twice (docs/sending.md).
    "synchronous=FULL",
)


def default_data_dir() -> Path:
    """Where Afterview keeps its data (one rule for the whole program: `afterview.paths`)."""
    return Path(paths.data_dir())


def resolve_url(explicit: str | None) -> str:
    """The database URL: `--db`, else AFTERVIEW_DB, else the default SQLite file."""
    return paths.resolve_db(explicit)


def open_engine(url: str) -> Engine:
    """An engine for `url`, already proven to connect.

    Raises StoreError with a one-line reason when the URL is invalid, the driver
    is missing or the database cannot be reached.
    """
    parsed = _parse_url(url)
    shown = parsed.render_as_string(hide_password=True)
    engine = _create(parsed, shown)
    try:
        with engine.connect():
            pass
    except Exception as exc:
        engine.dispose()
        raise StoreError(f"Cannot open the database {shown}: {_reason(exc)}") from exc
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to HEAD_REVISION; a no-op (without Alembic) when it is there.

    Runs in one transaction, so concurrent processes serialise (BEGIN IMMEDIATE on
    SQLite, an advisory lock on PostgreSQL) and a failed migration changes nothing.
    A SQLite file holding anything is first copied to `<file>.bak-<revision>`.
    """
    with engine.begin() as conn:
        migrate_connection(conn)


def migrate_connection(conn: Connection) -> None:
    """`migrate` inside a transaction the caller opened: the server migrates each
    candidate's schema this way, as that candidate's role (afterview.server)."""
    _lock_migrations(conn)
    current = current_revision(conn)
    if current == HEAD_REVISION:
        return
    _upgrade(conn, current)


def connect(url: str | None = None) -> Engine:
    """Resolve, open and migrate: what every command that touches the store needs."""
    engine = open_engine(resolve_url(url))
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def alembic_config() -> Config:
    """An Alembic Config for the packaged migrations, independent of the CWD."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    return config


def current_revision(conn: Connection) -> str | None:
    """The revision recorded in the database, None when it was never migrated."""
    from sqlalchemy import inspect, text

    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy a live SQLite file consistently (backup API) to `<file>.bak-<revision>`.

    Never overwrites an earlier backup; a second one for the same revision gets a
    numeric suffix.
    """
    target = path.with_name(f"{path.name}.bak-{revision or 'empty'}")
    for n in range(1, 1000):
        if not target.exists():
            break
        target = path.with_name(f"{path.name}.bak-{revision or 'empty'}.{n}")
    source = sqlite3.connect(path, timeout=10)
    try:
        create_private(target)  # 0600 before a byte of the user's data goes in
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


# --- opening ---------------------------------------------------------------


def _parse_url(url: str) -> URL:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url)
    except ArgumentError as exc:
        raise StoreError(
            f"Cannot understand the database URL {_redact(url)!r}; use a file path, "
            "sqlite:///PATH or postgresql://USER@HOST/DB."
        ) from exc


def _create(parsed: URL, shown: str) -> Engine:
    from sqlalchemy import create_engine
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed, shown)
        connect_args: dict[str, Any] = {}
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = 10
        return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    except ImportError as exc:
        raise StoreError(
            f"The driver for {shown} is not installed; for PostgreSQL run "
            "`pip install 'afterview[postgres]'`."
        ) from exc
    except (ArgumentError, NoSuchModuleError) as exc:
        raise StoreError(f"Cannot use the database URL {shown}: {_reason(exc)}") from exc


def _sqlite_engine(parsed: URL, shown: str) -> Engine:
    from sqlalchemy import create_engine, event

    database = parsed.database or ""
    if database not in ("", ":memory:") and not database.startswith("file:"):
        _private_file(Path(database), shown)
    engine = create_engine(parsed)
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def _private_file(database: Path, shown: str) -> None:
    """The file, its folder (when Afterview's own), WAL, SHM and backups: 0600/0700."""
    own = database.parent.absolute() == Path(paths.data_dir()).absolute()
    try:
        private_sqlite(database, own_folder=own)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the folder or the file for {shown}: {exc.strerror}"
        ) from exc


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    """Hand BEGIN to `_begin_immediate` and set the pragmas every connection needs."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in _SQLITE_PRAGMAS:
            _execute_patiently(cursor, f"PRAGMA {pragma}")
    finally:
        cursor.close()


def _execute_patiently(cursor: sqlite3.Cursor, sql: str, patience: float = 10.0) -> None:
    """Run a statement SQLite may refuse as 'locked' without consulting busy_timeout.

    Switching a new file to WAL, or opening one while another process is closing
    it, can fail at once rather than wait; retry like busy_timeout would.
    """
    deadline = time.monotonic() + patience
    pause = 0.001
    while True:
        try:
            cursor.execute(sql)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def _begin_immediate(conn: Connection) -> None:
    """Take the write lock up front: a second writer waits (busy_timeout) instead of
    failing on lock upgrade mid-transaction."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _reason(exc: BaseException) -> str:
    """The first line of the driver's message, without SQLAlchemy's decorations."""
    original = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    return lines[0] if lines else type(original).__name__


def _redact(url: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


# --- migrating -------------------------------------------------------------


def _lock_migrations(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        from sqlalchemy import text

        conn.execute(
            text("SELECT pg_advisory_xact_lock(hashtext('afterview-migrate:' || current_schema()))")
        )


def _upgrade(conn: Connection, current: str | None) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = alembic_config()
    if current is not None:
        try:
            ScriptDirectory.from_config(config).get_revision(current)
        except CommandError as exc:
            raise StoreError(
                f"The database is at revision {current}, which this version of Afterview "
                "does not know; it was written by a newer Afterview. Upgrade Afterview."
            ) from exc
    _backup_if_needed(conn, current)
    config.attributes["connection"] = conn
    try:
        command.upgrade(config, "head")
    except Exception as exc:
        raise StoreError(f"Migrating the database failed: {_reason(exc)}") from exc


def _backup_if_needed(conn: Connection, current: str | None) -> None:
    """Back up a SQLite file unless it holds no schema at all (a brand-new file)."""
    if conn.dialect.name != "sqlite":
        return
    database = conn.engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    objects = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    if not objects:
        return
    try:
        backup_sqlite(path, current)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(
            f"Cannot back up {path} before migrating it ({exc}); nothing was changed."
        ) from exc
