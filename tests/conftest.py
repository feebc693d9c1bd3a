"""Shared fixtures: an isolated user folder for every test, and fresh databases.

`db_url` runs a test once on a SQLite file and once on PostgreSQL, each in a schema
of its own. PostgreSQL comes from AFTERVIEW_TEST_PG_URL (default: the local server);
when it is unreachable those tests skip, except under CI where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

PG_URL = os.environ.get(
    "AFTERVIEW_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)

UrlFactory = Callable[[], str]


@pytest.fixture(scope="session")
def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the whole run: the compiled dictionary is built once, not per test."""
    return tmp_path_factory.mktemp("afterview-cache")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _shared_cache: Path) -> Path:
    """No test reads or writes the real user folder or the user's database."""
    home = tmp_path / "afterview-home"
    monkeypatch.setenv("AFTERVIEW_HOME", str(home))
    monkeypatch.delenv("AFTERVIEW_DB", raising=False)
    monkeypatch.setenv("AFTERVIEW_CACHE", str(_shared_cache))
    return home


@pytest.fixture(scope="session")
def _postgres_admin() -> str:
    """The server's URL once it answers; skip (or fail under CI) otherwise."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(PG_URL)
    try:
        psycopg.connect(
            host=url.host,
            port=url.port or 5432,
            user=url.username,
            password=url.password,
            dbname=url.database,
            connect_timeout=3,
        ).close()
    except psycopg.Error as exc:
        message = f"PostgreSQL at {url.render_as_string(hide_password=True)} unreachable: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return PG_URL


def _postgres_schemas(admin_url: str) -> Iterator[UrlFactory]:
    """Hand out URLs that each see a new, empty schema; drop them all afterwards."""
    from sqlalchemy import create_engine, text

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    created: list[str] = []

    def new_url() -> str:
        schema = f"t_{uuid.uuid4().hex}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        created.append(schema)
        separator = "&" if "?" in admin_url else "?"
        return f"{admin_url}{separator}options={quote(f'-csearch_path={schema}')}"

    try:
        yield new_url
    finally:
        with admin.connect() as conn:
            for schema in created:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def new_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[UrlFactory]:
    """A factory of fresh, empty databases of one backend (for copy/restore tests)."""
    if request.param == "sqlite":
        count = iter(range(1_000_000))
        yield lambda: f"sqlite:///{tmp_path / f'db{next(count)}.sqlite3'}"
        return
    yield from _postgres_schemas(request.getfixturevalue("_postgres_admin"))


@pytest.fixture
def db_url(new_db_url: UrlFactory) -> str:
    return new_db_url()


@pytest.fixture
def engine(db_url: str) -> Iterator[object]:
    """A migrated engine on the test's database, disposed before the schema drops."""
    from afterview.store.engine import connect

    engine = connect(db_url)
    yield engine
    engine.dispose()
