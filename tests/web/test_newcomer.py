"""The newcomer's path in a real browser, from an empty database, page to page:

an empty Today that says what to do → the profile, and back to where they were →
the opportunity with its interview → debrief → draft the thank-you → fix a flagged
misspelling by click → set the mail server (Mail & calendar, the password to the
keyring) → queue the thank-you from the editor → the outbox sends it ("Send due
messages now") → see the follow-up a week later. Everything through the forms a
first-time user sees, against a real SMTP server on 127.0.0.1 (aiosmtpd, started
here). Timed: it must fit in a minute.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from afterview.services import queries
from integrations.smtp_server import PASSWORD, USER, MailServer, Running, serving

from .conftest import TZ, Live


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
def test_from_walking_out_to_a_sent_thank_you(
    live: Live, page: Any, shot: Any, file_keyring: Path
) -> None:
    with serving(MailServer(), auth=True) as smtp:
        walk(live, page, shot, smtp, file_keyring)


def walk(  # noqa: PLR0915 - one story, in order
    live: Live, page: Any, shot: Any, smtp: Running, keyring_file: Path
) -> None:
    started = time.monotonic()
    local = datetime.now(ZoneInfo(TZ)).replace(second=0, microsecond=0)
    if local.hour < 3:  # just after midnight: yesterday evening's interview instead
        local = (local - timedelta(days=1)).replace(hour=21, minute=0)
    start, end = local - timedelta(hours=2), local - timedelta(hours=1)

    page.goto(live.url + "/")
    expect(
        page.get_by_role("heading", name="Welcome: start with your last interview")
    ).to_be_visible()
    page.get_by_role("link", name="Set up your profile").click()
    page.get_by_label("Your name").fill("Sam Taylor")
    page.get_by_label("Your email address").fill("sam@example.org")
    page.get_by_label("Skills").fill("Python, SQL")
    page.get_by_label("Experience").fill("six years building data platforms")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the profile").click()
    assert page.url.endswith("/#welcome-opportunity")  # back where they were
    expect(page.get_by_role("status")).to_contain_text("Profile saved")
    page.get_by_role("link", name="Add the opportunity and its interview").click()
    page.get_by_label("Company").fill("Northwind Health")
    page.get_by_label("Role").fill("Data Engineer")
    page.get_by_label("I applied directly").check()
    page.get_by_label("Starts").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Ends at").fill(end.strftime("%H:%M"))  # a time: the same day
    page.get_by_label("Interviewers, one a line").fill("Dana Kim <dana.kim@northwind.example>")
    page.get_by_role("button", name="Add the opportunity").click()
    page.wait_for_url(re.compile(r"/opportunities/\d+"))
    shot(page, "opportunity")

    page.locator("a[href^='/interviews/']").first.click()
    page.wait_for_url(re.compile(r"/interviews/\d+"))
    page.locator("#f-nuggets").fill("they are moving the billing platform to Kotlin")
    page.locator("#f-went_well").fill("the system design exercise")
    page.get_by_role("button", name="Save the debrief").click()
    page.get_by_role("button", name="Draft the thank-you email").click()
    page.wait_for_url(re.compile(r"/drafts/\d+"))
    page.wait_for_selector(".body-wrap.enhanced")
    expect(page.locator("#check-status")).to_have_text("No findings: it reads well.")
    expect(page.locator("#parts li.found")).to_have_count(3)  # P5's three parts

    body = page.locator("#body")
    text = body.input_value()
    word = re.search(r"\b[a-z]{9,}\b", text)  # a long word of the draft's own
    assert word, text
    typo = word.group(0)[:4] + word.group(0)[5:]  # its fifth letter lost in a hurry
    page.evaluate(
        "([i]) => { const el = document.getElementById('body'); el.focus();"
        " el.setSelectionRange(i, i); }",
        [word.start() + 5],
    )
    page.keyboard.press("Backspace")
    expect(page.locator("#backdrop mark", has_text=typo)).to_have_count(1)
    shot(page, "editor-finding")
    page.get_by_role("button", name=f"Replace “{typo}” with “{word.group(0)}”").click()
    expect(page.locator("#backdrop mark")).to_have_count(0)
    assert body.input_value() == text
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    editor = page.url

    # The mail server, from the editor's own pointer to it; the password to the keyring
    page.locator("#outbox").get_by_role("link", name="Mail & calendar").click()
    page.get_by_label("SMTP server").fill("127.0.0.1")
    page.locator("#smtp-port").fill(str(smtp.port))
    page.locator("#smtp-security").select_option("none")
    page.locator("#smtp-user").fill(USER)
    page.locator("#smtp-password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Save the mail servers").click()
    expect(page.get_by_role("status")).to_have_text(
        "Mail servers saved. SMTP password kept in the keyring."
    )
    assert PASSWORD in keyring_file.read_text()  # the keyring has it, the page never shows it
    assert PASSWORD not in page.content()

    # Queued from the editor, to leave now (P5's time may be tomorrow morning)
    page.goto(editor)
    panel = page.locator("#outbox")
    panel.get_by_label("Leave at").fill(datetime.now(ZoneInfo(TZ)).strftime("%Y-%m-%dT%H:%M"))
    with page.expect_navigation():
        panel.get_by_role("button", name="Send at this time").click()
    expect(page.locator("p.notice")).to_contain_text("Queued: it leaves")
    assert smtp.handler.received == []  # queued, not sent yet
    shot(page, "queued")

    # The outbox sends it, once
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("link", name="Mail & calendar").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Send due messages now").click()
    expect(page.locator("p.notice")).to_contain_text("thank-you to Dana Kim: sent")
    assert smtp.handler.logins == [USER]
    [received] = smtp.handler.received
    assert received.message["To"] == "Dana Kim <dana.kim@northwind.example>"
    sent_text = received.message.get_content().strip().splitlines()
    assert sent_text == text.strip().splitlines()  # the checked text, as it was fixed
    shot(page, "sent")

    # The follow-up, a week after the thank-you left (P8), on the opportunity
    page.get_by_role("link", name="Opportunities").click()
    page.get_by_role("link", name=re.compile("Northwind Health")).first.click()
    page.wait_for_url(re.compile(r"/opportunities/\d+"))
    sent_at = datetime.now(ZoneInfo(TZ))
    opp_id = int(page.url.rsplit("/", 1)[1].split("#")[0])
    [follow_up] = [
        a
        for a in queries.show_opportunity(live.service, opp_id, datetime.now(UTC)).actions
        if str(a["key"]).startswith("P8:follow-up:")
    ]
    due = datetime.fromisoformat(str(follow_up["due"])).astimezone(ZoneInfo(TZ))
    # seven days (P8's setting), moved to the next working morning when it falls outside
    assert timedelta(days=7) - timedelta(minutes=2) <= due - sent_at <= timedelta(days=10)
    timeline = page.locator("svg.timeline-svg").first
    expect(timeline).to_contain_text("P8 Follow up with Dana Kim")
    expect(timeline).to_contain_text(f"due {due:%a %d %b}")
    shot(page, "timeline")
    elapsed = time.monotonic() - started
    print(f"newcomer path: {elapsed:.1f} s")
    assert elapsed < 60, f"the newcomer path took {elapsed:.0f} s"
