"""A real server and a real browser: uvicorn on a free loopback port, Debian's Chromium.

`live` starts the web app in a thread on the test's database (SQLite and
PostgreSQL, through `db_url`); `page` is a Playwright page in headless Chromium
(`/usr/bin/chromium`, never a downloaded browser). `shot(page, name)` saves a
screenshot under tests/web/artifacts/ (or $AFTERVIEW_ARTIFACTS) to look at.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from afterview.config import Config
from afterview.playbook.settings import Settings
from afterview.services.app import App

CHROMIUM = "/usr/bin/chromium"
SUPPORT = Path(__file__).resolve().parent.parent / "support"
ARTIFACTS = Path(os.environ.get("AFTERVIEW_ARTIFACTS", Path(__file__).parent / "artifacts"))
TZ = "Europe/London"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Live:
    url: str
    service: App

    @contextmanager
    def client(self) -> Iterator[httpx.Client]:
        """An HTTP client holding the CSRF cookie and header, like the page scripts."""
        with httpx.Client(base_url=self.url, follow_redirects=False, timeout=30) as client:
            client.headers["X-CSRF-Token"] = client.get("/api/csrf").json()["token"]
            yield client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(service: App) -> Iterator[Live]:
    """The web app on a free loopback port, in a thread, until the block ends."""
    import uvicorn

    from afterview.web.app import create_app

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(service), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.02)  # waiting for a thread to bind, not for wall-clock time to pass
    try:
        yield Live(f"http://127.0.0.1:{port}", service)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def live(db_url: str) -> Iterator[Live]:
    service = App(url=db_url, config=Config(settings=Settings(), timezone=TZ))
    try:
        with serving(service) as running:
            yield running
    finally:
        service.close()


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium under Playwright, headless, closed at the end of the block."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 375, "height": 812},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="en-GB",
    )
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def shot(request: pytest.FixtureRequest) -> Callable[[Any, str], Path]:
    def save(tab: Any, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        test = request.node.name.replace("[", "-").replace("]", "")
        path = ARTIFACTS / f"{test}--{name}.png"
        tab.screenshot(path=str(path), full_page=True)
        return path

    return save


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A real keyring backend (a JSON file) for this process, where the server runs.

    The same backend `PYTHON_KEYRING_BACKEND=file_keyring.FileKeyring` selects for
    subprocesses (tests/support/file_keyring.py); a password typed in Mail & calendar
    lands in this file and is read back when the outbox logs in.
    """
    import keyring

    monkeypatch.syspath_prepend(str(SUPPORT))
    from file_keyring import FileKeyring  # type: ignore[import-not-found]

    store = tmp_path / "keyring.json"
    monkeypatch.setenv("AFTERVIEW_TEST_KEYRING", str(store))
    keyring.set_keyring(FileKeyring())
    yield store
    # Back to "not chosen yet": keyring then picks a backend from the environment as it
    # is for the next test. Restoring the one seen before could hand a later test a
    # file backend whose AFTERVIEW_TEST_KEYRING this test's monkeypatch has removed.
    keyring.core._keyring_backend = None
