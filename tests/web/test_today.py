"""The Today page and the web's safety rules, through a real server and browser."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from afterview.services import demo

from .conftest import Live


def seeded(live: Live) -> None:
    demo.seed(live.service, datetime.now(UTC))


def test_today_lists_the_demo_day_and_marks_a_step_done(live: Live, page: Any, shot: Any) -> None:
    seeded(live)
    page.goto(live.url + "/")
    assert page.title() == "Today · Afterview"
    overdue = page.get_by_role("heading", name="Overdue")
    assert overdue.is_visible()
    first = page.locator("li.action").first
    key = first.get_attribute("data-key")
    assert key and first.locator(".why").inner_text().endswith(")")  # the rule id ends it
    shot(page, "today")
    first.get_by_role("button", name="Done").click()
    page.wait_for_url("**/?notice=*")
    assert page.get_by_role("status").inner_text() == "Done. Well handled."
    assert page.locator(f'li.action[data-key="{key}"]').count() == 0


def test_snooze_hides_a_step_until_its_time(live: Live, page: Any) -> None:
    seeded(live)
    page.goto(live.url + "/")
    item = page.locator("li.action").first
    key = item.get_attribute("data-key")
    item.locator("summary", has_text="Skip or snooze").click()
    item.get_by_label("Remind me at").fill("2030-01-07T09:00")
    item.get_by_role("button", name="Snooze").click()
    page.wait_for_url("**/?notice=*")
    assert "Snoozed until Mon 07 Jan 09:00" in page.get_by_role("status").inner_text()
    assert page.locator(f'li.action[data-key="{key}"]').count() == 0


def test_a_skip_without_a_reason_is_refused_with_a_message(live: Live) -> None:
    seeded(live)
    with live.client() as client:
        key = client.get("/api/agenda").json()[0]["key"]
        token = client.headers["X-CSRF-Token"]
        response = client.post("/actions/skip", data={"key": key, "reason": " ",
                                                      "csrf_token": token},
                               headers={"X-CSRF-Token": ""})
        assert response.status_code == 303
        assert "Say%20why%20you%20skip%20it" in response.headers["location"]
        assert key in [i["key"] for i in client.get("/api/agenda").json()]


def test_user_text_is_escaped(live: Live, page: Any) -> None:
    from afterview.playbook.facts import Route
    from afterview.services import records

    moment = datetime.now(UTC)
    opp = records.add_opportunity(live.service, company="R&D <i>Labs</i>", role="Engineer",
                                  route=Route.DIRECT, now=moment - timedelta(days=2))
    records.add_interview(
        live.service, opp, start=moment - timedelta(hours=3), end=moment - timedelta(hours=2),
        tz="Europe/London", now=moment - timedelta(days=2),
        interviewers=(records.NewInterviewer("Eve <script>alert(1)</script>"),),
    )
    page.goto(live.url + "/?everything=1")
    html = page.content()
    assert "<script>alert(1)</script>" not in html and "<i>Labs</i>" not in html
    assert "Eve &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert page.get_by_text("Eve <script>alert(1)</script>", exact=False).first.is_visible()


@pytest.mark.parametrize("path", ["/actions/done", "/api/actions/x/done"])
def test_state_changes_need_the_csrf_token(live: Live, path: str) -> None:
    seeded(live)
    before = httpx.get(live.url + "/api/agenda").json()
    response = httpx.post(live.url + path, data={"key": before[0]["key"]})
    assert response.status_code == 403
    assert "CSRF" in response.text
    with live.client() as client:  # the token, but sent from another site
        other = client.post(path, data={"key": before[0]["key"]},
                            headers={"Origin": "http://evil.example"})
        assert other.status_code == 403
    assert httpx.get(live.url + "/api/agenda").json() == before


def test_a_foreign_host_header_is_refused(live: Live) -> None:
    response = httpx.get(live.url + "/", headers={"Host": "attacker.example"})
    assert response.status_code == 400


def test_errors_are_messages_not_traces(live: Live) -> None:
    missing = httpx.get(live.url + "/no/such/page")
    assert missing.status_code == 404 and "There is no such page." in missing.text
    with live.client() as client:
        unknown = client.post("/api/actions/P5:nothing/done")
        assert unknown.status_code == 404
        assert unknown.json() == {"error": "No action 'P5:nothing'. `afterview agenda --all "
                                           "--json` lists action keys."}
        bad = client.post("/api/actions/x/snooze", json={"until": "whenever"})
        assert bad.status_code == 400 and "Cannot read the time" in bad.json()["error"]
    assert "Traceback" not in missing.text


def test_the_phone_width_has_no_horizontal_scroll(live: Live, phone: Any, shot: Any) -> None:
    seeded(live)
    phone.goto(live.url + "/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    shot(phone, "today-phone")


def test_a_write_from_elsewhere_shows_on_the_next_load(live: Live) -> None:
    """The cached Today page follows the database: a CLI-style write invalidates it."""
    from afterview.services import decisions
    from afterview.web.pages.common import freeze_clock

    seeded(live)
    freeze_clock(datetime.now(UTC))  # one minute for the whole test: one cache key
    try:
        with live.client() as browser:
            first = browser.get("/")
            key = first.text.split('data-key="', 1)[1].split('"', 1)[0]
            assert browser.get("/").text == first.text  # the same answer, from the cache
            decisions.skip(live.service, key, reason="done by phone", now=datetime.now(UTC))
            assert f'data-key="{key}"' not in browser.get("/").text
    finally:
        freeze_clock(None)
