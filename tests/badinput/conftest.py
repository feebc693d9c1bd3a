"""One seeded database per backend, shared by every case.

SQLite: the seeded file is a template copied for each case. PostgreSQL: one seeded
schema serves a whole group of cases, and its logical dump is compared after each
case (a refused case changes nothing, so the next one starts from the same seed).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cli.conftest import postgres_schema, same_environment

from .harness import logical_dump, seed


@dataclass
class Backend:
    name: str
    home: Path
    url: str
    seeded: str  # the logical dump right after seeding
    template: Path | None = None  # SQLite: the file each case gets a copy of
    engine: Any = None  # PostgreSQL: one connection pool for every dump

    def dump(self, url: str) -> str:
        return logical_dump(url, self.engine if self.template is None else None)

    def env(self, url: str) -> dict[str, str | None]:
        blank: dict[str, str | None] = {n: None for n in os.environ if n.startswith("AFTERVIEW_")}
        return blank | {
            "AFTERVIEW_HOME": str(self.home),
            "AFTERVIEW_TZ": "Europe/London",
            "AFTERVIEW_DB": url,
            "COLUMNS": "160",
        }

    def fresh_url(self, folder: Path) -> str:
        """SQLite: a copy of the template in `folder`; PostgreSQL: the shared schema."""
        if self.template is None:
            return self.url
        target = folder / "case.sqlite3"
        shutil.copyfile(self.template, target)
        return f"sqlite:///{target}"


def _seeded(url: str, home: Path) -> str:
    from afterview import config
    from afterview.services.app import App

    with pytest.MonkeyPatch.context() as monkeypatch, same_environment(monkeypatch, home):
        app = App(url=url, config=config.load())
        try:
            seed(app)
        finally:
            app.close()
    return logical_dump(url)


@pytest.fixture(scope="session")
def sqlite_backend(tmp_path_factory: pytest.TempPathFactory) -> Backend:
    home = tmp_path_factory.mktemp("badinput-sqlite")
    template = home / "template.sqlite3"
    url = f"sqlite:///{template}"
    return Backend("sqlite", home, url, _seeded(url, home), template)


@pytest.fixture(scope="session")
def postgres_backend(
    tmp_path_factory: pytest.TempPathFactory, _postgres_admin: str
) -> Iterator[Backend]:
    home = tmp_path_factory.mktemp("badinput-postgres")
    from afterview.store.engine import open_engine

    with postgres_schema(_postgres_admin) as url:
        engine = open_engine(url)
        try:
            yield Backend("postgres", home, url, _seeded(url, home), engine=engine)
        finally:
            engine.dispose()
