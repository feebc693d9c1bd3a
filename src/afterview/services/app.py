"""The service layer's handle: one database, one configuration, one transaction per use case.

The CLI, the web app and background jobs all build an `App` and call the use-case
functions of the sibling modules with it; none of them touches the store directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from afterview import config as config_module
from afterview import paths
from afterview.errors import StoreError
from afterview.playbook.settings import Settings
from afterview.playbook.timing import WorkingCalendar, holiday_lookup

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from afterview.store.repository import Repository
    from afterview.store.tenant import Tenant

SETTINGS_KEY = "settings_fingerprint"
SOURCE_KEY = "settings_source"


@dataclass
class App:
    url: str
    config: config_module.Config
    _engine: Engine | None = field(default=None, repr=False)
    # Server mode: the candidate whose schema every transaction runs in (afterview.server).
    tenant: Tenant | None = None

    @classmethod
    def open(cls, db: str | None = None, demo: bool = False) -> App:
        return cls(url=paths.resolve_db(db, demo=demo), config=config_module.load())

    @property
    def settings(self) -> Settings:
        return self.config.settings

    @property
    def timezone(self) -> str:
        return self.config.timezone

    @cached_property
    def calendar(self) -> WorkingCalendar:
        return WorkingCalendar(self.settings, holiday_lookup(self.settings))

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from afterview.store.engine import connect

            self._engine = connect(self.url)
        return self._engine

    @contextmanager
    def transaction(self, now: datetime) -> Iterator[Repository]:
        """One use case, all or nothing. Re-plans everything first if settings changed."""
        from sqlalchemy.exc import OperationalError

        from afterview.store.repository import Repository

        try:
            with self.engine.begin() as conn:
                if self.tenant is not None:
                    self.tenant.enter(conn)
                repo = Repository(conn)
                repo.serialise_writers()
                self._replan_if_settings_changed(repo, now)
                yield repo
        except OperationalError as exc:
            if "locked" not in str(exc.orig):
                raise
            raise StoreError(
                "The database stayed busy (another afterview is writing to it); try again."
            ) from None

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def _replan_if_settings_changed(self, repo: Repository, now: datetime) -> None:
        fingerprint = f"{self.settings.fingerprint()}:{self.timezone}"
        if repo.get_meta(SETTINGS_KEY) != fingerprint:
            from afterview.services.planning import refresh_all

            refresh_all(self, repo, now)
            repo.set_meta(SETTINGS_KEY, fingerprint)
        source = paths.settings_source_fingerprint()
        if repo.get_meta(SOURCE_KEY) != source:
            repo.set_meta(SOURCE_KEY, source)
