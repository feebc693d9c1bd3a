"""A candidate and their consultant side by side, each on a phone (375 px), in
Debian's Chromium against the agency server on loopback: invite, share, accept, the
call to expect (P1), the call recorded, client feedback on the candidate's timeline."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from afterview.server.store import ServerStore
from afterview.server.web import ServerMode
from web.conftest import chromium, free_port, shot  # noqa: F401  (fixture)

from .conftest import NOW, PASSWORD, Agency
from .test_sharing import recruiter_opportunity

pytestmark = pytest.mark.postgres

LONDON = "Europe/London"
PHONE = {
    "viewport": {"width": 375, "height": 812},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "en-GB",
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for this module only: Playwright's sync API keeps an event loop running
    on the main thread while it is open, which later asyncio.run() calls cannot share."""
    with chromium() as launched:
        yield launched


@pytest.fixture
def server_url(server_store: ServerStore) -> Iterator[str]:
    """The agency server's app on a free loopback port, its clock at 12:00 on the
    day of an interview that ended at 11:00."""
    import uvicorn

    from afterview.web.app import create_app

    port = free_port()
    mode = ServerMode(server_store, hosts=["127.0.0.1"], secure_cookies=False, clock=NOW)
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(None, server=mode), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the agency server did not start")
        time.sleep(0.02)  # waiting for a thread to bind, not for wall-clock time to pass
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def phone_tab(browser: Any) -> Any:
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    return tab


def sign_in(tab: Any, url: str, email: str) -> None:
    tab.goto(url + "/login")
    tab.fill("#email", email)
    tab.fill("#password", PASSWORD)
    tab.click("button:has-text('Sign in')")
    tab.wait_for_load_state()


def fits(tab: Any) -> None:
    """Nothing wider than the phone: no sideways scrolling."""
    width = tab.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 375, f"{tab.url} is {width} px wide on a 375 px phone"


def test_candidate_and_consultant_side_by_side_on_phones(
    browser: Any,
    shot: Any,  # noqa: F811
    server_url: str,
    server_store: ServerStore,
    agency: Agency,
) -> None:
    ana = agency.user("candidate", "Ana Lima", LONDON)
    sam = agency.user("consultant", "Sam Okafor", LONDON)
    app = server_store.candidate_app(ana.id, LONDON)
    opp = recruiter_opportunity(app)  # the interview ended at 11:00; it is 12:00
    candidate, consultant = phone_tab(browser), phone_tab(browser)
    try:
        # Ana invites Sam and shares the opportunity with the default parts.
        sign_in(candidate, server_url, ana.email)
        candidate.click("nav >> text=Sharing")
        candidate.fill("#invite-email", sam.email)
        candidate.click("button:has-text('Invite')")
        assert "Invitation sent to Sam Okafor" in candidate.inner_text("main")
        candidate.click(f"#opp-{opp} button:has-text('Share')")
        assert "Shared: interviews, hiring timeline, call notes, debrief summary" in (
            candidate.inner_text("main")
        )
        assert candidate.is_checked(f"#opp-{opp} input[value='debrief']")
        assert not candidate.is_checked(f"#opp-{opp} input[value='drafts']")
        fits(candidate)
        shot(candidate, "candidate-sharing")

        # Sam accepts and sees the call to expect (P1: by 13:00).
        sign_in(consultant, server_url, sam.email)
        consultant.click("button:has-text('Accept')")
        main = consultant.inner_text("main")
        assert "Calls to expect today" in main and "Ana Lima" in main
        assert "expect their call by 13:00" in main
        fits(consultant)
        shot(consultant, "consultant-day")

        # Sam takes the call; Ana's plan has it done, said who recorded it.
        consultant.click("button:has-text('They called')")
        assert "Call recorded" in consultant.inner_text("main")
        assert "they called at 12:00" in consultant.inner_text("main")

        # Sam records the client's feedback on the opportunity page.
        consultant.click("text=Harbour Lights, Data Engineer")
        consultant.fill("#fb-note", "The panel liked the pipeline answer.")
        consultant.click("button:has-text('Record the feedback')")
        assert "Feedback recorded" in consultant.inner_text("main")
        fits(consultant)
        shot(consultant, "consultant-opportunity")

        candidate.goto(f"{server_url}/opportunities/{opp}")
        timeline = candidate.inner_text("main")
        assert "The panel liked the pipeline answer." in timeline
        assert "Call received by Sam Okafor" in timeline
        fits(candidate)
        shot(candidate, "candidate-opportunity")
    finally:
        candidate.context.close()
        consultant.context.close()
