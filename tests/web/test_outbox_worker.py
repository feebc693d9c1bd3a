"""`afterview serve` sends due mail itself; Today says what in the outbox needs the person."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from afterview.services import outbox
from afterview.services.app import App
from afterview.web.outbox_worker import OutboxWorker
from afterview.web.pages.common import freeze_clock
from integrations.helpers import at
from integrations.outbox_scene import configure, interviewed
from integrations.smtp_server import MailServer, serving

from .conftest import Live


@pytest.fixture
def clock() -> Iterator[Any]:
    yield freeze_clock
    freeze_clock(None)


@pytest.fixture
def app(db_url: str) -> Iterator[App]:
    from integrations.helpers import make_app

    service = make_app(db_url)
    yield service
    service.close()


def worker(app: App, moments: list[Any], said: list[str]) -> OutboxWorker:
    return OutboxWorker(app, clock=lambda: moments[0], say=said.append)


def test_a_tick_sends_what_is_due_once(app: App) -> None:
    scene = interviewed(app)
    said: list[str] = []
    moments = [at(11, 8, 59)]
    with serving(MailServer()) as smtp:
        configure(app, smtp)
        outbox.queue(app, scene.thank_you, now=at(10, 16, 10))  # P5: Wed 11 Mar 09:00
        sender = worker(app, moments, said)
        assert sender.tick() is not None and smtp.handler.received == []
        moments[0] = at(11, 9, 0)
        report = sender.tick()
        assert report is not None and [line.result for line in report.lines] == ["sent"]
        assert sender.tick() is not None
        assert len(smtp.handler.received) == 1
    assert said == [said[0]] and "thank-you to Dana Kim): sent" in said[0]


def test_a_problem_is_said_once_not_every_minute(app: App) -> None:
    scene = interviewed(app)
    said: list[str] = []
    with serving(MailServer()) as smtp:
        configure(app, smtp, smtp_user="sam@example.org")  # a login, and no password anywhere
        outbox.queue(app, scene.thank_you, now=at(11, 9, 30))
    sender = worker(app, [at(11, 9, 31)], said)
    for _ in range(3):
        assert sender.tick() is None
    assert len(said) == 1
    assert said[0].startswith("afterview: the outbox could not run: No SMTP password")
    assert outbox.list_entries(app, now=at(11, 9, 31))[0].state == "queued"  # nothing lost


def test_the_thread_stops_at_once(app: App) -> None:
    said: list[str] = []
    sender = OutboxWorker(app, every=3600, clock=lambda: at(11, 9), say=said.append)
    sender.start()
    sender.stop(timeout=10)
    assert not sender.is_alive()
    assert said == []  # nothing queued, nothing said


def test_today_says_what_waits_in_the_outbox(live: Live, clock: Any) -> None:
    scene = interviewed(live.service)
    with serving(MailServer()) as smtp:
        configure(live.service, smtp)
        outbox.queue(live.service, scene.thank_you, now=at(10, 16, 10))
    clock(at(11, 9, 5))  # due 09:00, still in time
    assert 'id="outbox"' not in httpx.get(f"{live.url}/").text
    clock(at(11, 9, 0) + timedelta(minutes=16))
    page = httpx.get(f"{live.url}/").text
    assert "thank-you to Dana Kim · Northwind Health</a>: waiting since its time" in page
