"""The next-round brief (P10) and the lessons (P11) pages on the demo's sample data."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from afterview.playbook.lessons import RuleRecord
from afterview.services import demo, queries
from afterview.web.lessons_chart import CATEGORIES, render_chart

from .conftest import Live

SVG = "{http://www.w3.org/2000/svg}"


def seeded(live: Live) -> dict[str, int]:
    """The demo's opportunities by company."""
    moment = datetime.now(UTC)
    demo.seed(live.service, moment)
    return {row["company"]: row["id"] for row in queries.list_opportunities(live.service, moment)}


def test_the_brief_gathers_the_earlier_round(live: Live, page: Any, shot: Any) -> None:
    opp = seeded(live)["Meridian Rail"]
    page.goto(f"{live.url}/opportunities/{opp}/brief")
    assert page.title() == "Brief · Meridian Rail · Afterview"
    improve = page.get_by_role("region", name="Answer better this time")
    assert "Tell me about a time you disagreed with your manager" in improve.inner_text()
    assert "forgot key information" in improve.inner_text()
    assert "Add: The rollout-freeze example" in improve.inner_text()
    assert "How do you size a Kafka cluster?" in improve.inner_text()
    assert (
        "How is on-call shared?"
        in page.get_by_role("region", name="Questions to ask them").inner_text()
    )
    assert "Hands-on migration detail" in page.get_by_role("region", name="They liked").inner_text()
    assert "Vague answer on cost" in page.get_by_role("region", name="They disliked").inner_text()
    assert (
        "new event platform" in page.get_by_role("region", name="Nuggets to bring up").inner_text()
    )
    people = page.get_by_role("region", name="Who you have met, or will meet").inner_text()
    assert "Sofia Marin" in people and "rounds 1, 2" in people and "Ravi Patel" in people
    next_round = page.get_by_role("link", name="The interview")
    interview_page = next_round.get_attribute("href")
    assert interview_page and re.fullmatch(r"/interviews/\d+", interview_page)
    assert "Round 2" in page.locator(".next-action").inner_text()
    shot(page, "brief")
    next_round.click()
    # the title is read once the new page has loaded: right after the click it may be ""
    expect(page).to_have_title(re.compile(r"^Round 2 · Meridian Rail"))


def test_a_brief_without_a_debrief_says_what_to_do(live: Live, page: Any) -> None:
    opp = seeded(live)["Northwind Health"]
    page.goto(f"{live.url}/opportunities/{opp}/brief")
    assert "No debrief yet" in page.locator("main").inner_text()
    page.get_by_role("link", name="Debrief round 1").click()
    assert page.get_by_role("heading", name="Debrief P4").is_visible()


def test_an_unknown_opportunity_has_no_brief(live: Live) -> None:
    response = httpx.get(f"{live.url}/opportunities/999/brief")
    assert response.status_code == 404 and "No opportunity 999" in response.text


def chart_of(html: str) -> ET.Element:
    """The punctuality chart as the server sent it, parsed as XML."""
    found = re.search(
        r'<svg xmlns="http://www.w3.org/2000/svg" class="lessons-chart".*?</svg>', html, re.S
    )
    assert found, "no chart on the page"
    return ET.fromstring(found[0])


def test_the_lessons_chart_says_what_the_report_says(live: Live) -> None:
    seeded(live)
    html = httpx.get(f"{live.url}/lessons").text
    report = queries.lessons(live.service, datetime.now(UTC))
    svg = chart_of(html)
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and desc is not None and "(P11)" in (title.text or "")
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    rows = {g.get("data-rule"): g for g in svg.iter(f"{SVG}g")}
    assert list(rows) == [r.rule for r in report.rules]
    assert any(r.due_so_far for r in report.rules)
    for record in report.rules:
        drawn = {
            rect.get("data-category"): int(rect.get("data-count") or 0)
            for rect in rows[record.rule].iter(f"{SVG}rect")
            if rect.get("data-category")
        }
        expected = {key: getattr(record, key) for key, _, _ in CATEGORIES if getattr(record, key)}
        assert drawn == expected, record.rule
        widths = [
            float((r.get("width") or "0%").rstrip("%"))
            for r in rows[record.rule].iter(f"{SVG}rect")
            if r.get("data-category")
        ]
        assert sum(widths) == (pytest.approx(100, abs=0.01) if record.due_so_far else 0)
        assert f"{record.rule} " in (desc.text or "")
    # the same numbers in the table, for screen readers and anyone who prefers numbers
    for record in report.rules:
        cells = re.search(rf'<tr data-rule="{record.rule}">(.*?)</tr>', html, re.S)
        assert cells
        numbers = [int(n) for n in re.findall(r"<td>(\d+)</td>", cells[1])]
        assert numbers == [
            record.on_time,
            record.late,
            record.skipped,
            record.missed,
            record.overdue,
            record.upcoming,
            record.caught_up,
        ]


def test_the_lessons_page_lists_recurring_weak_questions(
    live: Live, page: Any, phone: Any, shot: Any
) -> None:
    seeded(live)
    page.goto(f"{live.url}/lessons")
    hard = page.get_by_role("region", name="Questions you found hard").inner_text()
    assert "Tell me about a time you disagreed with your manager 2×" in hard
    assert "Meridian Rail, Greyline Systems" in hard
    assert (
        "Vague answer on cost 2×"
        in page.get_by_role("region", name="What they disliked").inner_text()
    )
    chart = page.get_by_role("img", name="How often each playbook step was done on time (P11)")
    assert chart.is_visible()
    shot(page, "lessons")
    phone.goto(f"{live.url}/lessons")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "lessons-phone")


def test_the_chart_escapes_text_and_stays_well_formed() -> None:
    odd = RuleRecord('P<9>&"x"', on_time=1, late=2, missed=1)
    markup = str(render_chart([odd, RuleRecord("P4")], ident='a"b'))
    svg = ET.fromstring(markup)
    assert "<9>" not in markup and "&lt;9&gt;&amp;" in markup
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert 'P<9>&"x" · P<9>&"x"' in texts  # unknown rules fall back to their id
    assert "nothing due yet" in texts
    assert svg.get("aria-labelledby") == 'a"b-title a"b-desc'
