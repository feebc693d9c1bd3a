"""While `afterview serve` runs, mail moves without cron: one outbox run a minute, and
(when an IMAP server is set) one `sync` every 15 minutes, so a reply pauses P8's
follow-ups the same morning.

The outbox is at most once whoever runs it (the claim is committed before SMTP), and
sync is idempotent, so this thread, cron jobs and the web buttons may all run at
once. A problem that needs the person (no password, a refused login) is said once
per distinct message, not every minute.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from afterview.errors import AfterviewError
from afterview.services import outbox
from afterview.services.app import App

log = logging.getLogger("afterview.outbox")
T = TypeVar("T")
EVERY_SECONDS = 60.0
SYNC_EVERY = timedelta(minutes=15)


class OutboxWorker(threading.Thread):
    def __init__(
        self,
        service: App,
        *,
        every: float = EVERY_SECONDS,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        say: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(name="afterview-outbox", daemon=True)
        self.service = service
        self.every = every
        self.clock = clock
        self.say = say or log.warning
        self._stop_event = threading.Event()
        self._last_problem: dict[str, str | None] = {"outbox": None, "sync": None}
        self._synced_at: datetime | None = None

    def run(self) -> None:
        while True:
            self.tick()
            if self._stop_event.wait(self.every):
                return

    def stop(self, timeout: float = 10) -> None:
        self._stop_event.set()
        if self.is_alive():
            self.join(timeout)

    def tick(self) -> outbox.RunReport | None:
        """One outbox run (and a sync when one is due); what happened is said on the
        server's console."""
        report = self._guarded("outbox", lambda: outbox.run(self.service, now=self.clock()))
        if report is not None:
            for line in report.lines:
                self.say(
                    f"afterview: outbox {line.outbox_id} ({line.label}): "
                    f"{line.result}: {line.detail}"
                )
        self.sync_if_due()
        return report

    def sync_if_due(self) -> None:
        from afterview.services import mail_settings
        from afterview.services.sync import sync

        moment = self.clock()
        if self._synced_at is not None and moment - self._synced_at < SYNC_EVERY:
            return
        if mail_settings.load(self.service, moment).imap is None:
            return
        self._synced_at = moment
        found = self._guarded("sync", lambda: sync(self.service, now=moment))
        for reply in found.recorded if found is not None else ():
            self.say(
                f"afterview: reply recorded for {reply.company} from "
                f"{reply.from_name or reply.from_email}: {reply.subject} (follow-ups pause, P8)"
            )

    def _guarded(self, what: str, job: Callable[[], T]) -> T | None:
        try:
            result = job()
        except AfterviewError as exc:
            if exc.message != self._last_problem[what]:
                self.say(f"afterview: the {what} could not run: {exc.message}")
                self._last_problem[what] = exc.message
            return None
        except Exception as exc:  # a bug must not kill the web server with it
            log.exception("%s failed", what)
            self.say(f"afterview: the {what} failed: {type(exc).__name__}: {exc}")
            return None
        self._last_problem[what] = None
        return result
