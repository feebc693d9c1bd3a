"""The agency server's background work: a PostgreSQL job queue (procrastinate).

Web processes only put jobs in; `afterview server worker` processes (as many as
wanted, on any machine reaching the database) take them out. The queue's tables
live in their own schema (`Naming.queue_schema`), made by `afterview server init`.

Jobs, all per candidate:

- send the due outbox of candidate N, and read the replies of candidate N. Both
  carry the lock `candidate:N`, so one candidate's jobs never run at the same time
  on two workers; each also has a queueing lock (`outbox:N`, `sync:N`), so at most
  one of a kind waits at a time and pressing a button twice queues one job;
- every minute a sweep finds the candidates with due mail and queues their jobs;
  every 15 minutes, a sweep of those with an IMAP server queues a sync (the same
  pacing as `afterview serve`'s outbox thread). Periodic jobs are deduplicated by
  procrastinate across workers, so a sweep runs once whatever the number of workers.

The outbox's own claim (queued → sending, committed before SMTP) is what makes a
message leave at most once; the lock only keeps workers from racing for nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from afterview.errors import AfterviewError
from afterview.server import mail_jobs
from afterview.server.naming import quoted

if TYPE_CHECKING:
    import procrastinate

    from afterview.server.alerts import Relay
    from afterview.server.server_key import ServerKey
    from afterview.server.store import ServerStore

log = logging.getLogger("afterview.server.worker")

QUEUE = "afterview-mail"
SEND_TASK = "afterview.send_outbox"
SYNC_TASK = "afterview.sync_replies"
SWEEP_SEND_TASK = "afterview.sweep_outbox"
SWEEP_SYNC_TASK = "afterview.sweep_sync"
ALERTS_TASK = "afterview.alert_consultants"
NEEDS_PROCRASTINATE = (
    "The agency server's queue needs the server extra: pip install 'afterview[server]'."
)
Clock = Callable[[], datetime]


def wall_clock() -> datetime:
    return datetime.now(UTC)


def conninfo(store: ServerStore) -> str:
    """The store's database as a libpq URL (psycopg's, without SQLAlchemy's driver)."""
    return store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def _pool_args(store: ServerStore, size: int) -> dict[str, Any]:
    schema = store.naming.queue_schema
    quoted(schema)  # a checked name: it goes into the connection's options
    return {
        "conninfo": conninfo(store),
        "kwargs": {"options": f"-c search_path={schema}"},
        "min_size": 1,
        "max_size": size,
    }


def lock_of(user_id: int) -> str:
    return f"candidate:{int(user_id)}"


# --- the schema -----------------------------------------------------------------------


def apply_schema(store: ServerStore) -> str | None:
    """Make the queue's schema and tables if missing (by `server init`); returns a
    warning when they were made by another procrastinate version."""
    try:
        import procrastinate
        from procrastinate.schema import SchemaManager
    except ImportError as exc:
        raise AfterviewError(NEEDS_PROCRASTINATE) from exc
    schema = quoted(store.naming.queue_schema)
    version = f"procrastinate {procrastinate.__version__}"
    with store.engine.begin() as conn:
        conn.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:k))"),
            {"k": f"afterview-queue-init:{store.naming.prefix}"},
        )
        conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        made = conn.execute(
            text("SELECT to_regclass(:t) IS NOT NULL"), {"t": f"{schema}.procrastinate_jobs"}
        ).scalar()
        if made:
            found = conn.execute(
                text("SELECT obj_description(to_regnamespace(:s), 'pg_namespace')"),
                {"s": store.naming.queue_schema},
            ).scalar()
            if found != version:
                return (
                    f"The queue's tables were made by {found or 'another version'}; this is "
                    f"{version}: apply its migrations to {store.naming.queue_schema} "
                    "(procrastinate's documentation, 'Migrations')."
                )
            return None
        conn.exec_driver_sql(f"SET LOCAL search_path TO {schema}")
        driver = conn.connection.driver_connection
        assert driver is not None
        driver.execute(SchemaManager.get_schema())  # several statements: no parameters
        conn.exec_driver_sql(f"COMMENT ON SCHEMA {schema} IS '{version}'")
    return None


# --- putting jobs in (the web processes) ------------------------------------------------


class JobQueue:
    """Defers jobs from synchronous code (web requests); opened on first use."""

    def __init__(self, store: ServerStore) -> None:
        self.store = store
        self._app: procrastinate.App | None = None
        self._lock = threading.Lock()

    def _opened(self) -> procrastinate.App:
        with self._lock:
            if self._app is None:
                import procrastinate

                connector = procrastinate.SyncPsycopgConnector(**_pool_args(self.store, 2))
                self._app = procrastinate.App(connector=connector).open()
            return self._app

    def send_outbox(self, user_id: int) -> bool:
        """Queue a send for the candidate; False when one is already waiting."""
        return self._defer(SEND_TASK, f"outbox:{int(user_id)}", user_id)

    def sync_replies(self, user_id: int) -> bool:
        return self._defer(SYNC_TASK, f"sync:{int(user_id)}", user_id)

    def _defer(self, task: str, queueing_lock: str | None, user_id: int) -> bool:
        from procrastinate.exceptions import AlreadyEnqueued

        job = self._opened().configure_task(
            task, queue=QUEUE, lock=lock_of(user_id), queueing_lock=queueing_lock
        )
        try:
            job.defer(user_id=int(user_id))
        except AlreadyEnqueued:
            return False
        return True

    def close(self) -> None:
        with self._lock:
            if self._app is not None:
                self._app.close()
                self._app = None


class CandidateJobs:
    """The Mail & calendar buttons of one candidate (`web.pages.outbox.BackgroundJobs`)."""

    def __init__(self, queue: JobQueue, user_id: int) -> None:
        self.queue = queue
        self.user_id = user_id

    def send_outbox(self) -> str:
        self.queue.send_outbox(self.user_id)
        return (
            "Asked the server to send your due messages now; each leaves exactly once. "
            "Their state shows below in a moment."
        )

    def sync_replies(self) -> str:
        self.queue.sync_replies(self.user_id)
        return (
            "Asked the server to read your replies now; recorded replies appear on "
            "their opportunities in a moment."
        )


# --- taking jobs out (the worker processes) ---------------------------------------------


def worker_app(
    store: ServerStore,
    key: ServerKey | None,
    *,
    concurrency: int = 1,
    clock: Clock = wall_clock,
    relay: Relay | None = None,
) -> procrastinate.App:
    """A procrastinate App with the tasks registered, for `run_worker`."""
    import procrastinate
    from procrastinate.exceptions import AlreadyEnqueued

    app = procrastinate.App(
        connector=procrastinate.PsycopgConnector(**_pool_args(store, concurrency + 4))
    )

    @app.task(name=SEND_TASK, queue=QUEUE)
    def send_outbox(user_id: int) -> None:
        _guarded("outbox", user_id, lambda: mail_jobs.send_due(store, key, user_id, now=clock()))

    @app.task(name=SYNC_TASK, queue=QUEUE)
    def sync_replies(user_id: int) -> None:
        _guarded("sync", user_id, lambda: mail_jobs.sync_replies(store, key, user_id, now=clock()))

    async def defer_each(task: Any, kind: str, ids: list[int]) -> None:
        for user_id in ids:
            job = task.configure(lock=lock_of(user_id), queueing_lock=f"{kind}:{user_id}")
            with contextlib.suppress(AlreadyEnqueued):  # one waits: it will see this too
                await job.defer_async(user_id=user_id)

    @app.periodic(cron="* * * * *", periodic_id="outbox")
    @app.task(name=SWEEP_SEND_TASK, queue=QUEUE, queueing_lock="sweep:outbox")
    async def sweep_outbox(timestamp: int) -> None:
        ids = await asyncio.to_thread(mail_jobs.candidates_with_due_mail, store, now=clock())
        await defer_each(send_outbox, "outbox", ids)

    @app.periodic(cron="*/15 * * * *", periodic_id="sync")
    @app.task(name=SWEEP_SYNC_TASK, queue=QUEUE, queueing_lock="sweep:sync")
    async def sweep_sync(timestamp: int) -> None:
        ids = await asyncio.to_thread(mail_jobs.candidates_with_imap, store)
        await defer_each(sync_replies, "sync", ids)

    if relay is not None:  # consultants' alerts by email (server.alerts)

        @app.periodic(cron="*/5 * * * *", periodic_id="alerts")
        @app.task(name=ALERTS_TASK, queue=QUEUE, queueing_lock="sweep:alerts", lock="alerts")
        async def alert_consultants(timestamp: int) -> None:
            from afterview.server.alerts import send_alerts

            await asyncio.to_thread(send_alerts, store, relay, clock())

    return app


def _guarded(what: str, user_id: int, job: Callable[[], object]) -> None:
    """A problem the candidate must fix (no server set, no password, a refused
    login) is logged and ends the job: retrying it would change nothing."""
    try:
        job()
    except AfterviewError as exc:
        log.warning("candidate %s: the %s could not run: %s", user_id, what, exc.message)


def run_worker(
    store: ServerStore,
    key: ServerKey | None,
    *,
    concurrency: int = 1,
    until_idle: bool = False,
    clock: Clock = wall_clock,
    relay: Relay | None = None,
) -> None:
    """Run jobs until stopped (SIGINT/SIGTERM finish the running jobs first), or with
    `until_idle` until none is left to take."""
    app = worker_app(store, key, concurrency=concurrency, clock=clock, relay=relay)
    app.run_worker(
        queues=[QUEUE],
        concurrency=concurrency,
        wait=not until_idle,
        delete_jobs="successful",
    )
