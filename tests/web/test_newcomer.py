"""The newcomer's path in a real browser, from an empty database, page to page:

an empty Today that says what to do → the profile, and back to where they were →
the opportunity with its interview → debrief → draft the thank-you → fix a flagged
misspelling by click → mark it sent → see the follow-up a week later. Everything
through the forms a first-time user sees. Timed: it must fit in a minute.
"""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from .conftest import TZ, Live


def test_from_walking_out_to_a_sent_thank_you(  # noqa: PLR0915 - one story, in order
    live: Live, page: Any, shot: Any
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
    with page.expect_navigation():
        page.get_by_role("button", name="Mark as sent").click()
    notice = page.locator(".notice").inner_text()
    assert re.search(r"first follow-up is due \w{3} \d{1,2} \w{3} \(P8\)", notice), notice
    shot(page, "sent")

    page.goto(live.url + "/opportunities")
    page.get_by_role("link", name=re.compile("Northwind Health")).first.click()
    week_later = (datetime.now(ZoneInfo(TZ)) + timedelta(days=7)).strftime("%a %d %b")
    timeline = page.locator("svg.timeline-svg").first
    expect(timeline).to_contain_text("P8 Follow up with Dana Kim")
    expect(timeline).to_contain_text(f"due {week_later}")  # a week after the thank-you
    shot(page, "timeline")
    elapsed = time.monotonic() - started
    print(f"newcomer path: {elapsed:.1f} s")
    assert elapsed < 60, f"the newcomer path took {elapsed:.0f} s"
