"""The Today page and the web's safety rules, through a real server and browser."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import expect

from afterview.services import demo

from .conftest import TZ, Live


def seeded(live: Live, now: datetime | None = None) -> None:
    demo.seed(live.service, now or datetime.now(UTC))


def test_done_leaves_an_undo_where_the_step_stood(live: Live, page: Any, shot: Any) -> None:
    seeded(live)
    page.goto(live.url + "/")
    assert page.title() == "Today · Afterview"
    assert page.get_by_role("heading", name="Overdue").is_visible()
    card = page.locator("li.action[data-key^='P10:brief']").first
    key = card.get_attribute("data-key")
    anchor = card.get_attribute("id")
    assert key and anchor and card.locator(".why").inner_text().endswith(")")  # its rule id
    card.scroll_into_view_if_needed()
    with page.expect_navigation():
        card.get_by_role("button", name="Done").click()
    assert page.url.endswith(f"/#{anchor}")  # back at the card's place, not the top
    ghost = page.locator(f"#{anchor}")
    expect(ghost.get_by_role("status")).to_contain_text("Done: Read your brief")
    assert ghost.is_visible() and page.evaluate("window.scrollY") > 0
    assert page.locator(f'li.action[data-key="{key}"]').count() == 0
    shot(page, "today-undo")
    with page.expect_navigation():
        ghost.get_by_role("button", name="Undo").click()
    expect(page.locator(f'li.action[data-key="{key}"]')).to_have_count(1)
    expect(page.get_by_role("status").first).to_contain_text("Back on your list")
    page.reload()  # the notice was shown once: a reload does not repeat it
    expect(page.get_by_role("status")).to_have_count(0)


@pytest.mark.parametrize(
    ("moment", "morning"),
    [
        # Wednesday morning: Thursday's
        (datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo(TZ)), "2026-12-03T09:00"),
        # Friday evening: Monday's, never a Saturday's
        (datetime(2026, 12, 4, 17, 30, tzinfo=ZoneInfo(TZ)), "2026-12-07T09:00"),
    ],
    ids=["midweek", "friday"],
)
def test_snooze_defaults_to_the_next_working_morning_and_can_be_undone(
    live: Live, page: Any, moment: datetime, morning: str
) -> None:
    """The web clock is frozen at `moment`: the default does not depend on the day the
    suite runs on, nor on midnight passing between the page and the check."""
    from afterview.web.pages.common import freeze_clock

    seeded(live, moment)
    freeze_clock(moment)
    try:
        page.goto(live.url + "/")
        item = page.locator("li.action").first
        key = item.get_attribute("data-key")
        item.locator("summary", has_text="Skip or snooze").click()
        field = item.get_by_label("Remind me at")
        assert field.input_value() == morning
        field.fill("2030-01-07T09:00")
        with page.expect_navigation():
            item.get_by_role("button", name="Snooze").click()
        assert "Snoozed until Mon 07 Jan 09:00" in page.get_by_role("status").inner_text()
        assert page.locator(f'li.action[data-key="{key}"]').count() == 0
        with page.expect_navigation():
            page.get_by_role("button", name="Undo").click()
        expect(page.locator(f'li.action[data-key="{key}"]')).to_have_count(1)
    finally:
        freeze_clock(None)


def test_done_on_a_step_that_needs_a_fact_asks_for_the_fact(live: Live) -> None:
    """P4: a debrief is ticked off by writing it, not by a click that records nothing."""
    seeded(live)
    with live.client() as client:
        key = next(
            i["key"]
            for i in client.get("/api/agenda?days=7").json()
            if i["key"].startswith("P4:debrief:")
        )
        token = client.headers["X-CSRF-Token"]
        response = client.post("/actions/done", data={"key": key, "csrf_token": token})
        assert response.status_code == 303
        interview = key.rsplit("=", 1)[1]
        assert response.headers["location"] == f"/interviews/{interview}#debrief"
        page = client.get(response.headers["location"])
        assert "Write the debrief here: saving it completes the step (P4)." in page.text
        assert "notice-warn" in page.text
        assert key in [i["key"] for i in client.get("/api/agenda?days=7").json()]


def test_every_card_leads_to_its_place_in_the_web_s_words(live: Live) -> None:
    seeded(live)
    with live.client() as client:
        html = client.get("/?everything=1").text
    cards = html.split('<li class="action" ')[1:]
    assert len(cards) >= 20
    for card in cards:
        key = card.split('data-key="', 1)[1].split('"', 1)[0]
        assert "afterview " not in card, key  # CLI commands stay in the CLI
        assert 'href="/opportunities/' in card or key.startswith("P9:keep-searching"), key
        has_place = 'class="button' in card or "Draft the email" in card or "call script" in card
        generic = key.startswith(("P9:keep-searching", "P2:ask-before-leaving"))
        assert has_place or generic, key
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1][:5]


def test_a_link_cannot_put_words_in_the_banner(live: Live) -> None:
    seeded(live)
    with live.client() as client:
        assert "Your account is locked" not in client.get("/?notice=Your+account+is+locked").text
        client.cookies.set("afterview_notice", "eyJ0IjoiWW91ciBhY2NvdW50In0.forged")
        assert "Your account" not in client.get("/settings").text


def test_a_skip_without_a_reason_is_refused_with_a_message(live: Live) -> None:
    seeded(live)
    with live.client() as client:
        key = client.get("/api/agenda").json()[0]["key"]
        token = client.headers["X-CSRF-Token"]
        response = client.post(
            "/actions/skip",
            data={"key": key, "reason": " ", "csrf_token": token},
            headers={"X-CSRF-Token": ""},
        )
        assert response.status_code == 303
        assert "Say why you skip it" in client.get(response.headers["location"]).text
        assert key in [i["key"] for i in client.get("/api/agenda").json()]


def test_user_text_is_escaped(live: Live, page: Any) -> None:
    from afterview.playbook.facts import Route
    from afterview.services import records

    moment = datetime.now(UTC)
    opp = records.add_opportunity(
        live.service,
        company="R&D <i>Labs</i>",
        role="Engineer",
        route=Route.DIRECT,
        now=moment - timedelta(days=2),
    )
    records.add_interview(
        live.service,
        opp,
        start=moment - timedelta(hours=3),
        end=moment - timedelta(hours=2),
        tz="Europe/London",
        now=moment - timedelta(days=2),
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
        other = client.post(
            path, data={"key": before[0]["key"]}, headers={"Origin": "http://evil.example"}
        )
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
        assert unknown.json() == {
            "error": "No action 'P5:nothing'. `afterview agenda --all --json` lists action keys."
        }
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


# When yesterday's interview (ended 25 hours before) is typed in, on London's clock, and
# where P9's first keep-searching reminder, due the working morning after it, belongs.
ENTERED_A_DAY_LATE = {
    # ended Thursday 23:09, reminder Friday 09:00: past when entered, so not overdue
    "saturday 00:09": (datetime(2026, 12, 5, 0, 9), "To catch up"),
    # ended Sunday 23:30, reminder Monday 09:00: past too, after a weekend
    "tuesday 00:30": (datetime(2026, 12, 8, 0, 30), "To catch up"),
    # ended Tuesday 09:30, reminder Wednesday 09:00: today's, already started
    "wednesday 10:30": (datetime(2026, 12, 9, 10, 30), "Due today"),
    # ended Sunday 07:00, reminder Monday 09:00: later today
    "monday 08:00": (datetime(2026, 12, 7, 8, 0), "Due today"),
}


def contoso(
    live: Live, moment: datetime, *, ended_hours_ago: int, interviewers: tuple[str, ...]
) -> tuple[int, int]:
    """An opportunity at Contoso and its one-hour interview, ended that long before."""
    from afterview.playbook.facts import Route
    from afterview.services import records

    opp = records.add_opportunity(
        live.service, company="Contoso", role="Analyst", route=Route.DIRECT, now=moment
    )
    interview = records.add_interview(
        live.service,
        opp,
        start=moment - timedelta(hours=ended_hours_ago + 1),
        end=moment - timedelta(hours=ended_hours_ago),
        tz=TZ,
        now=moment,
        interviewers=tuple(
            records.NewInterviewer(name, email=f"{name.split()[0].lower()}@contoso.example")
            for name in interviewers
        ),
    )
    return opp, interview


def today_at(live: Live, moment: datetime) -> str:
    """The Today page as it reads at that moment."""
    from afterview.web.pages.common import freeze_clock

    freeze_clock(moment)
    try:
        with live.client() as client:
            return client.get("/").text
    finally:
        freeze_clock(None)


def day_sections(html: str) -> dict[str, str]:
    """The Today page's sections by title ("Overdue", "To catch up"…): their HTML."""
    sections = {}
    for part in html.split('<section class="day-section"')[1:]:
        title = re.search(r'class="section-[^"]*">([^<]+?) <span class="count">', part)
        assert title is not None, part[:300]
        sections[title.group(1)] = part.split("</section>", 1)[0]
    return sections


@pytest.mark.parametrize("when", list(ENTERED_A_DAY_LATE))
def test_steps_past_before_the_interview_was_entered_are_to_catch_up(live: Live, when: str) -> None:
    """Yesterday's interview typed in today: its past steps are offered as catch-ups,
    not four red "overdue" steps (P11 does not count them late either) — P9's first
    keep-searching reminder too, whatever the day and hour it is typed in."""

    wall, p9_section = ENTERED_A_DAY_LATE[when]
    moment = wall.replace(tzinfo=ZoneInfo(TZ)).astimezone(UTC)
    contoso(live, moment, ended_hours_ago=25, interviewers=("Ana Diaz",))
    html = today_at(live, moment)
    sections = day_sections(html)
    assert "Overdue" not in sections, sections.get("Overdue")
    catch_up = sections["To catch up"]
    assert "P4:debrief:" in catch_up and "badge overdue" not in catch_up
    assert 'data-key="P9:keep-searching:n=1"' in sections[p9_section]


def test_a_thank_you_already_drafted_offers_its_draft(live: Live) -> None:
    """Two interviewers, one thank-you drafted and not sent: its card says "Open your
    draft", the other's still "Draft the email" (P5)."""
    from afterview.services import drafts, profile, queries

    moment = datetime(2026, 12, 9, 15, 0, tzinfo=ZoneInfo(TZ)).astimezone(UTC)
    opp, interview = contoso(live, moment, ended_hours_ago=4, interviewers=("Ana Diaz", "Bo Chen"))
    profile.set_profile(live.service, now=moment, name="Sam Lee", email="sam@example.org")
    people = queries.show_opportunity(live.service, opp, moment).opportunity.people
    ana = next(p.id for p in people if p.name == "Ana Diaz")
    drafts.draft_thank_you(live.service, interview, now=moment, to=ana)
    html = today_at(live, moment)
    cards = dict(re.findall(r'data-key="(P5:thank-you:[^"]+)"(.*?)</li>', html, re.S))
    assert len(cards) == 2, list(cards)
    mine = next(c for k, c in cards.items() if k.endswith(f"person={ana}"))
    other = next(c for k, c in cards.items() if not k.endswith(f"person={ana}"))
    assert "Open your draft" in mine and "Draft the email" not in mine
    assert "Draft the email" in other and "Open your draft" not in other
