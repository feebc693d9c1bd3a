"""The Opportunities board and page, through a real server and browser (P3, P6, P8, P12)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.sync_api import expect

from afterview.services import demo, queries

from .conftest import TZ, Live

# A Wednesday morning: the server's clock is frozen there for the newcomer's walk, so the
# dates the test expects cannot drift from the server's if midnight passes mid-test.
WEDNESDAY = datetime(2026, 3, 11, 10, 30, tzinfo=ZoneInfo(TZ))


@pytest.fixture
def wednesday() -> Iterator[datetime]:
    from afterview.web.pages.common import freeze_clock

    freeze_clock(WEDNESDAY)
    yield WEDNESDAY
    freeze_clock(None)


def test_a_newcomer_adds_an_opportunity_finds_it_and_follows_up(
    live: Live, page: Any, shot: Any, wednesday: datetime
) -> None:
    opp_url = add_northwind_with_its_interview(live, page, shot, wednesday)
    find_it_on_the_board(page, opp_url)
    record_the_timeline_and_tom_s_email(page, wednesday)
    follow_up_and_see_when_the_next_is_allowed(page, shot, wednesday)


def add_northwind_with_its_interview(live: Live, page: Any, shot: Any, now: datetime) -> str:
    page.goto(live.url + "/opportunities")
    assert page.title() == "Opportunities · Afterview"
    page.get_by_role("link", name="Add your first opportunity").click()
    yesterday = (now - timedelta(days=1)).date()
    page.get_by_label("Company").fill("Northwind Health")
    page.get_by_label("Role", exact=True).fill("Data Engineer")
    page.get_by_label("Through a recruiter").check()
    page.get_by_label("Recruiter's name").fill("Priya Shah")
    page.get_by_label("Recruiter's email").fill("priya.shah@talentbridge.example")
    page.get_by_label("Starts").fill(f"{yesterday.isoformat()}T14:00")
    page.get_by_label("Ends at").fill("15:00")
    assert page.get_by_label("Time zone of the interview").input_value() == TZ
    page.get_by_label("Interviewers, one a line").fill(
        "Dana Kim <dana.kim@northwind.example>\nTom Reyes"
    )
    shot(page, "new-opportunity")
    page.get_by_role("button", name="Add the opportunity").click()
    expect(page.get_by_role("status")).to_contain_text("Added Northwind Health and the interview")
    people = page.locator("#people")
    expect(people).to_contain_text("Tom Reyes")
    expect(people).to_contain_text("No email yet")
    return str(page.url.split("?")[0])


def find_it_on_the_board(page: Any, opp_url: str) -> None:
    """In the "Interviewed" column (P12); found by a person's name, server-side and live."""
    page.get_by_role("link", name="Opportunities", exact=True).click()
    column = page.locator("section.status-interviewed")
    expect(column.get_by_role("link", name="Northwind Health")).to_be_visible()
    search = page.get_by_label("Search company, role or people")
    search.fill("tom reyes")
    search.press("Enter")
    page.wait_for_url("**/opportunities?q=tom+reyes")
    expect(page.locator(".search-summary")).to_contain_text("1 of 1 match")
    page.get_by_label("Search company, role or people").fill("nobody-at-all")
    expect(page.get_by_text("Nothing matches")).to_be_visible()  # as you type
    page.get_by_label("Search company, role or people").fill("northwind")
    page.get_by_role("link", name="Northwind Health").click()
    page.wait_for_url(opp_url)


def record_the_timeline_and_tom_s_email(page: Any, now: datetime) -> None:
    decision = (now + timedelta(days=10)).date()  # P6
    page.get_by_label("They decide by").fill(decision.isoformat())
    page.get_by_label("Follow up with").select_option(label="Priya Shah (recruiter)")
    page.get_by_label("Follow up by").select_option("email")
    page.get_by_role("button", name="Record the timeline").click()
    expect(page.get_by_role("status")).to_contain_text("Timeline recorded")
    expect(page.locator("#hiring-timeline")).to_contain_text(f"decision by {decision:%a %d %b}")

    page.get_by_label("Tom Reyes's email").fill("tom.reyes@northwind.example")  # P3
    page.get_by_label("Where from?").select_option("receptionist")
    page.get_by_role("button", name="Save the email").click()
    expect(page.get_by_role("status")).to_have_text("Saved Tom Reyes's email (P3).")
    expect(page.get_by_role("link", name="tom.reyes@northwind.example")).to_be_visible()
    expect(page.get_by_label("Tom Reyes's email")).to_have_count(0)


def follow_up_and_see_when_the_next_is_allowed(page: Any, shot: Any, now: datetime) -> None:
    """P8: after a follow-up, the timeline says when the next one is allowed."""
    page.locator("summary", has_text="Log a contact you made").click()
    page.get_by_label("Kind of contact").select_option("follow-up")
    page.get_by_role("button", name="Log it").click()
    expect(page.get_by_role("status")).to_have_text("Contact logged.")
    week = now + timedelta(days=7)
    expect(page.locator(".guard")).to_contain_text(f"Next follow-up allowed from {week:%a %d %b}")
    timeline = page.get_by_role("img", name=re.compile("Timeline of Northwind Health"))
    expect(timeline).to_be_visible()
    drawn = timeline.text_content()
    assert "Next follow-up allowed" in drawn and f"from {week:%a %d %b}" in drawn
    expect(page.get_by_role("button", name="Draft a follow-up (P8)")).to_be_disabled()
    shot(page, "opportunity")

    page.locator("summary", has_text="Log a contact you made").click()  # another, too soon
    page.get_by_role("button", name="Log it").click()
    expect(page.get_by_role("status")).to_contain_text("P8: at most one a week")
    expect(page.locator("#contacts .is-flagged .flag")).to_have_count(1)


def test_a_mistake_keeps_what_was_typed(live: Live, page: Any, shot: Any) -> None:
    page.goto(live.url + "/opportunities/new")
    page.get_by_label("Company").fill("Acme <Robotics>")
    page.get_by_label("Role", exact=True).fill("Engineer")
    page.get_by_label("Recruiter's name").fill("Sam Hill")
    page.get_by_label("Recruiter's email").fill("sam@")
    page.get_by_label("Starts").fill("2026-03-13T14:00")
    page.get_by_label("Ends at").fill("15:00")
    page.get_by_label("Interviewers, one a line").fill("Dana Kim <dana@acme.example>")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Add the opportunity").click()
    assert answer.value.status == 400
    alert = page.get_by_role("alert")
    assert "Invalid email address 'sam@'" in alert.inner_text()
    assert page.get_by_label("Company").input_value() == "Acme <Robotics>"
    assert page.get_by_label("Recruiter's email").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Interviewers, one a line").input_value() == (
        "Dana Kim <dana@acme.example>"
    )
    assert page.get_by_label("Starts").input_value() == "2026-03-13T14:00"
    shot(page, "new-opportunity-error")
    assert queries.list_opportunities(live.service, datetime.now(UTC)) == []

    page.get_by_label("Recruiter's email").fill("sam@hill.example")
    page.get_by_label("Ends at").fill("13:00")  # before the start: the end is marked
    page.get_by_role("button", name="Add the opportunity").click()
    expect(page.get_by_role("alert")).to_contain_text("must end after it starts")
    assert page.get_by_label("Ends at").get_attribute("aria-invalid") == "true"
    page.get_by_label("Ends at").fill("15:30")
    page.get_by_role("button", name="Add the opportunity").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Acme <Robotics>")
    expect(page.get_by_role("status")).to_contain_text("Added Acme <Robotics>")


def test_a_form_on_the_opportunity_page_shows_its_error_beside_it(live: Live) -> None:
    demo.seed(live.service, datetime.now(UTC))
    with live.client() as client:
        token = client.headers["X-CSRF-Token"]
        response = client.post(
            "/opportunities/3/people",
            data={
                "name": "Lee <b>Park</b>",
                "role": "interviewer",
                "email": "lee@",
                "csrf_token": token,
            },
        )
        assert response.status_code == 400
        assert 'id="person-form-error"' in response.text
        assert "Invalid email address" in response.text
        assert 'value="Lee &lt;b&gt;Park&lt;/b&gt;"' in response.text  # kept, escaped
        assert '<details class="form-box" open>' in response.text
        missing = client.post(
            "/opportunities/999/competitors", data={"name": "Acme", "csrf_token": token}
        )
        assert missing.status_code == 404 and "No opportunity 999" in missing.text
        stranger = client.post(
            "/opportunities/3/people/1/email", data={"email": "a@b.example", "csrf_token": token}
        )
        assert stranger.status_code == 400 and "No person 1 in opportunity 3" in stranger.text
        interview = client.post(
            "/opportunities/3/interviews",
            data={
                "start": "2026-12-01T10:00",
                "end": "11:00",
                "tz": "Europe/Lndon",
                "interviewers": "Ravi Patel",
                "interviewer_ids": "6",
                "csrf_token": token,
            },
        )
        assert interview.status_code == 400 and "Did you mean Europe/London" in interview.text
        assert 'id="interview-tz"' in interview.text
        assert 'value="Europe/Lndon" aria-invalid="true"' in interview.text
        assert ">Ravi Patel</textarea>" in interview.text
        assert 'value="6" checked' in interview.text
        done = client.post(
            "/opportunities/3/competitors", data={"name": "Northern Rail Tech", "csrf_token": token}
        )
        assert done.status_code == 303
        assert "Northern Rail Tech" in client.get("/opportunities/3").text


def test_the_board_groups_by_status_and_searches_people(live: Live, page: Any, shot: Any) -> None:
    demo.seed(live.service, datetime.now(UTC))
    page.goto(live.url + "/opportunities")
    headings = page.locator(".board-col h2").all_inner_texts()
    assert [h.split(" (")[0] for h in headings] == [
        "No interview yet",
        "Interview scheduled",
        "Interviewed",
        "Awaiting decision",
        "Next round",
        "Offer",
    ]
    closed = page.locator("details.closed-group")
    assert closed.get_attribute("open") is None
    shot(page, "board")
    closed.locator("summary").click()
    assert closed.get_by_role("link", name="Greyline Systems").is_visible()
    found = httpx.get(live.url + "/opportunities", params={"q": "maya"}).text
    assert "Harbor &amp; Finch" in found and "Meridian Rail" not in found


def test_user_text_is_escaped_on_the_opportunity_page(live: Live) -> None:
    from afterview.playbook.facts import Route
    from afterview.services import records

    moment = datetime.now(UTC)
    opp = records.add_opportunity(
        live.service,
        company="R&D <i>Labs</i>",
        role="Eng",
        route=Route.DIRECT,
        now=moment - timedelta(days=2),
    )
    records.add_interview(
        live.service,
        opp,
        start=moment - timedelta(hours=3),
        end=moment - timedelta(hours=2),
        tz=TZ,
        now=moment - timedelta(days=2),
        interviewers=(records.NewInterviewer("Eve <script>alert(1)</script>"),),
    )
    html = httpx.get(f"{live.url}/opportunities/{opp}").text
    assert "<script>alert(1)</script>" not in html and "<i>Labs</i>" not in html
    assert "Eve &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<svg" in html and "Timeline of R&amp;D &lt;i&gt;Labs&lt;/i&gt;" in html
    assert httpx.get(f"{live.url}/opportunities/99999999999").status_code == 404


def test_the_phone_width_has_no_horizontal_scroll(live: Live, phone: Any, shot: Any) -> None:
    demo.seed(live.service, datetime.now(UTC))
    for path, name in (
        ("/opportunities", "board-phone"),
        ("/opportunities/4", "opportunity-phone"),
        ("/opportunities/3", "opportunity-next-round-phone"),
        ("/opportunities/new", "new-opportunity-phone"),
    ):
        phone.goto(live.url + path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375, path
        shot(phone, name)


def test_the_wide_opportunity_page(live: Live, page: Any, shot: Any) -> None:
    demo.seed(live.service, datetime.now(UTC))
    page.goto(live.url + "/opportunities/4")
    assert page.get_by_role("img", name=re.compile("Timeline of Harbor & Finch")).is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    shot(page, "opportunity-wide")


def test_the_recruiter_fields_follow_the_route(live: Live, page: Any) -> None:
    page.goto(live.url + "/opportunities/new")
    recruiter = page.get_by_label("Recruiter's name")
    expect(recruiter).to_be_visible()
    page.get_by_label("I applied directly").check()
    expect(recruiter).to_be_hidden()
    page.get_by_label("Through a recruiter").check()
    expect(recruiter).to_be_visible()


def plan_items(page: str) -> dict[str, str]:
    """The opportunity page's open steps by title: each one's HTML."""
    plan = page.split('id="plan"', 1)[1].split("</section>", 1)[0]
    items = {}
    for part in plan.split('<li class="plan-item')[1:]:
        title = re.search(r"<strong>([^<]+)</strong>", part)
        assert title is not None, part[:300]
        items[html.unescape(title.group(1))] = part.split("</li>", 1)[0]
    return items


@pytest.mark.parametrize(
    ("entered", "catch_ups"),
    [
        # Wednesday afternoon, Tuesday's 13:00 interview: the debrief, the thank-you
        # (due Wednesday morning, P5) and asking for the timeline (a day after, P6)
        # are all past, so all are catch-ups
        (datetime(2026, 12, 2, 15, tzinfo=ZoneInfo(TZ)), {"debrief", "thank-you", "timeline"}),
        # Saturday afternoon, Friday's 13:00 interview: the thank-you is due on Monday
        # morning (P5's next working morning), still ahead, so only the debrief is
        (datetime(2026, 12, 5, 15, tzinfo=ZoneInfo(TZ)), {"debrief"}),
    ],
    ids=["midweek", "weekend"],
)
def test_yesterdays_interview_entered_today_offers_catch_ups_not_red_steps(
    live: Live, entered: datetime, catch_ups: set[str]
) -> None:
    """Steps already past when the opportunity was entered are catch-ups (P11), each
    with the place where it gets done, not a wall of red "overdue"; a step still ahead
    (a Friday interview's thank-you, on Saturday) is neither. The web clock is frozen
    at the moment of entry, so the day of the week the suite runs on does not matter."""
    from afterview.playbook.facts import Route
    from afterview.services import records
    from afterview.web.pages.common import freeze_clock

    opp = records.add_opportunity(
        live.service, company="Contoso", role="Analyst", route=Route.DIRECT, now=entered
    )
    records.add_interview(
        live.service,
        opp,
        start=entered - timedelta(hours=26),
        end=entered - timedelta(hours=25),
        tz=TZ,
        now=entered,
        interviewers=(records.NewInterviewer("Ana Diaz", email="ana@contoso.example"),),
    )
    freeze_clock(entered + timedelta(minutes=1))
    try:
        with live.client() as client:
            page = client.get(f"/opportunities/{opp}").text
    finally:
        freeze_clock(None)
    items = plan_items(page)
    marked = {t for t, h in items.items() if 'badge warn">catch up' in h}
    expected = {
        "debrief": "Debrief the Contoso interview (round 1)",
        "thank-you": "Send Ana Diaz a thank-you email",
        "timeline": "Obtain Contoso's hiring timeline",
    }
    assert marked == {expected[k] for k in catch_ups}, items
    assert not any("badge overdue" in h for h in items.values()), items
    assert "Write the debrief" in items[expected["debrief"]]
    assert "Draft the email" in items[expected["thank-you"]]


def test_the_opportunity_page_marks_catch_ups_as_today_does(live: Live) -> None:
    """One rule for Today and the opportunity page (`day.mark_catch_ups`, P11): a step
    already past due on an earlier day than the opportunity was entered is a catch-up;
    snoozed past that moment it is the candidate's own again, due when the snooze ends;
    and a step not yet due is neither. The board's next step says the same."""
    from afterview.playbook.facts import Route
    from afterview.services import decisions, records
    from afterview.web.pages.common import freeze_clock

    london = ZoneInfo(TZ)
    entered = datetime(2026, 12, 5, 0, 9, tzinfo=london)  # Saturday, just after midnight
    opp = records.add_opportunity(
        live.service, company="Contoso", role="Analyst", route=Route.DIRECT, now=entered
    )
    # the interview itself was recorded before it happened (as if imported with it)
    records.add_interview(
        live.service,
        opp,
        start=datetime(2026, 12, 3, 14, tzinfo=london),
        end=datetime(2026, 12, 3, 15, tzinfo=london),
        tz=TZ,
        now=datetime(2026, 12, 3, 9, tzinfo=london),
        interviewers=(records.NewInterviewer("Ana Diaz", email="ana@contoso.example"),),
    )
    now = datetime(2026, 12, 5, 10, tzinfo=london)
    view = queries.show_opportunity(live.service, opp, now)
    now_utc = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    past = [  # open, past due and not yet moot: the plan's open steps
        a
        for a in view.actions
        if a["state"] == "pending" and a["overdue"] and (a["expires"] or "~") > now_utc
    ]
    assert len(past) >= 2, view.actions
    snoozed = next(a for a in past if a["rule"] == "P4")  # the debrief
    decisions.snooze(live.service, snoozed["key"], until=now + timedelta(hours=6), now=now)
    freeze_clock(now)
    try:
        with live.client() as client:
            page = client.get(f"/opportunities/{opp}").text
            board = client.get("/opportunities").text
            today = client.get("/").text
    finally:
        freeze_clock(None)
    items = plan_items(page)
    catch_ups = {t for t, h in items.items() if 'badge warn">catch up' in h}
    assert catch_ups == {a["title"] for a in past if a is not snoozed}, items
    assert not any("is-overdue" in items[t] or "badge overdue" in items[t] for t in catch_ups)
    mine = items[snoozed["title"]]
    assert "catch up" not in mine and "badge overdue" not in mine, mine
    assert all("catch up" not in h for t, h in items.items() if t not in catch_ups)
    # Today lists the very same steps under "To catch up"
    section = today.split('class="section-', 1)[1]
    assert "To catch up" in section, section[:200]
    listed = html.unescape(today.split("To catch up", 1)[1].split("</section>", 1)[0])
    assert all(title in listed for title in catch_ups), listed
    card = board.split(f'data-id="{opp}"', 1)[1].split("</li>", 1)[0]
    assert 'badge warn">catch up' in card and "badge overdue" not in card, card
