"""While `afterview serve` runs, due messages leave without cron: one outbox run a minute.

The outbox is at most once whoever runs it (the claim is committed before SMTP), so
this thread, a cron job and the "Send due messages now" button may all run at once.
A problem that needs the person (no password, a refused login) is logged once per
distinct message, not every minute.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime

from afterview.errors import AfterviewError
from afterview.services import outbox
from afterview.services.app import App

log = logging.getLogger("afterview.outbox")
EVERY_SECONDS = 60.0


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
        self._last_problem: str | None = None

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
        """One run; what it sent or could not send is said on the server's console."""
        try:
            report = outbox.run(self.service, now=self.clock())
        except AfterviewError as exc:
            if exc.message != self._last_problem:
                self.say(f"afterview: the outbox could not run: {exc.message}")
                self._last_problem = exc.message
            return None
        except Exception as exc:  # a bug must not kill the web server with it
            log.exception("outbox run failed")
            self.say(f"afterview: the outbox run failed: {type(exc).__name__}: {exc}")
            return None
        self._last_problem = None
        for line in report.lines:
            self.say(
                f"afterview: outbox {line.outbox_id} ({line.label}): {line.result}: {line.detail}"
            )
        return report
