"""Answers of the busiest read pages, kept until the data or the minute changes.

The Today page and the agenda JSON are what a candidate (and their scripts)
reload most; computing them means one query over the plan and a template, far
slower than the framework itself. They depend only on the database's content, the
settings (fixed while the server runs) and the minute, so they are cached under
(data version, minute, parameters). SQLite's `PRAGMA data_version`, read on a
connection of our own, changes whenever any other connection commits — a CLI
command included — so a cached answer is never older than the last write. On
PostgreSQL there is no such cheap signal and nothing is cached.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import datetime
from typing import TypeVar

from afterview import paths

T = TypeVar("T")
SIZE = 64  # parameter combinations kept (pages x flags); tiny on purpose


class ReadCache:
    def __init__(self, url: str) -> None:
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._version: int | None = None
        path = paths.sqlite_path(url)
        self._conn: sqlite3.Connection | None = None
        if path is not None:
            try:
                self._conn = sqlite3.connect(
                    f"file:{path}?mode=ro", uri=True, check_same_thread=False
                )
            except sqlite3.Error:
                self._conn = None

    def get(self, key: Hashable, moment: datetime, compute: Callable[[], T]) -> T:
        """`compute()`'s answer for `key` at `moment`'s minute, from the cache when valid."""
        version = self._data_version()
        if version is None:
            return compute()
        full_key = (key, moment.replace(second=0, microsecond=0))
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
            if full_key in self._entries:
                self._entries.move_to_end(full_key)
                return self._entries[full_key]  # type: ignore[return-value]
        value = compute()
        if self._data_version() == version:  # nothing was written while computing
            with self._lock:
                self._entries[full_key] = value
                while len(self._entries) > SIZE:
                    self._entries.popitem(last=False)
        return value

    async def aget(self, key: Hashable, moment: datetime, compute: Callable[[], T]) -> T:
        """`get` for `async def` routes: a hit is answered on the event loop (one PRAGMA,
        ~10 µs); only a miss goes to the thread pool, where the database work runs.

        The hop to a worker thread and back costs more than the cached answer itself:
        on two cores it halved the requests per second (docs/benchmarks.md#web).
        """
        from starlette.concurrency import run_in_threadpool

        version = self._data_version()
        if version is not None:
            full_key = (key, moment.replace(second=0, microsecond=0))
            with self._lock:
                if version == self._version and full_key in self._entries:
                    self._entries.move_to_end(full_key)
                    return self._entries[full_key]  # type: ignore[return-value]
        return await run_in_threadpool(self.get, key, moment, compute)

    def _data_version(self) -> int | None:
        if self._conn is None:
            return None
        try:
            with self._lock:
                row = self._conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return None
        return int(row[0])

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
