"""Every page of the demo at 1280 and 375 px: axe-core finds nothing, resting or in use;
each is photographed; Today and an opportunity stay small on the wire; and the
after-interview path is done on Today's cards without leaving the browser, timed.

One server and one browser for the module (browser tests are slow). axe-core comes
from the npm registry into tests/web/.axe (never committed) and is injected into
each page by Playwright; the page's CSP would refuse it, so these contexts bypass it.
Screenshots go to $AFTERVIEW_ARTIFACTS, or `screens/` under pytest's temporary folder.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from afterview.config import Config
from afterview.playbook.settings import Settings
from afterview.services import demo
from afterview.services.app import App

from .conftest import TZ, Live, serving

AXE_HOME = Path(__file__).parent / ".axe"
AXE = AXE_HOME / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"wide": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
BUDGET = 40_000  # bytes, gzip-compressed: Today and the opportunity page
PAGES = (
    "/",
    "/opportunities",
    "/opportunities/new",
    "/opportunities/1",
    "/interviews/1",
    "/opportunities/3/brief",
    "/lessons",
    "/drafts",
    "/drafts/{draft}",
    "/import",
    "/settings",
    "/settings/mail",
)
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
  }));
}"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, installed from the npm registry on first use."""
    if not AXE.exists():
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(AXE_HOME), "axe-core"],
            check=True,
            timeout=300,
            capture_output=True,
        )
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def screens(tmp_path_factory: pytest.TempPathFactory) -> Path:
    configured = os.environ.get("AFTERVIEW_ARTIFACTS")
    folder = Path(configured) if configured else tmp_path_factory.getbasetemp() / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Live, int]]:
    """The demo on a SQLite file, served once for the module, with one thank-you draft."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    service = App(url=f"sqlite:///{path}", config=Config(settings=Settings(), timezone=TZ))
    try:
        demo.seed(service, datetime.now(UTC))
        with serving(service) as live, live.client() as client:
            response = client.post(
                "/drafts/new",
                data={
                    "kind": "thank-you",
                    "key": "P5:thank-you:interview=1:person=2",
                    "csrf_token": client.headers["X-CSRF-Token"],
                },
            )
            draft = int(response.headers["location"].split("/drafts/")[1].split("?")[0])
            yield live, draft
    finally:
        service.close()


def _tab(browser: Any, width: str) -> Any:
    context = browser.new_context(
        viewport=WIDTHS[width],
        locale="en-GB",
        bypass_csp=True,  # to inject axe-core; our own pages never need it
        **(
            {"device_scale_factor": 2, "is_mobile": True, "has_touch": True}
            if width == "phone"
            else {}
        ),
    )
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    return tab


def _violations(tab: Any, axe_source: str) -> list[dict[str, Any]]:
    if not tab.evaluate("typeof window.axe !== 'undefined'"):
        tab.add_script_tag(content=axe_source)
    found: list[dict[str, Any]] = tab.evaluate(AXE_RUN)
    return found


def _open_everything(tab: Any) -> None:
    tab.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_page_passes_axe_resting_and_in_use(
    demo_site: tuple[Live, int], browser: Any, axe_source: str, screens: Path, width: str
) -> None:
    live, draft = demo_site
    tab = _tab(browser, width)
    problems: dict[str, Any] = {}
    try:
        for path in PAGES:
            url = path.format(draft=draft)
            tab.goto(live.url + url)
            name = re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "today"
            tab.screenshot(path=str(screens / f"{width}--{name}.png"), full_page=True)
            if found := _violations(tab, axe_source):
                problems[url] = found
            _open_everything(tab)  # the interactive state: every form and advice open
            if found := _violations(tab, axe_source):
                problems[f"{url} (open)"] = found
            assert tab.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["width"]
            duplicates = tab.evaluate(
                """() => { const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
                     return ids.filter((id, i) => ids.indexOf(id) !== i); }"""
            )
            assert duplicates == [], (url, duplicates)
        # The editor with findings shown: a misspelling typed in.
        tab.goto(f"{live.url}/drafts/{draft}")
        tab.wait_for_selector(".body-wrap.enhanced")
        tab.locator("#body").press("End")
        tab.locator("#body").type(" Thankss")
        expect(tab.locator("#findings li").first).to_be_visible()
        tab.screenshot(path=str(screens / f"{width}--editor-findings.png"), full_page=True)
        if found := _violations(tab, axe_source):
            problems["editor with findings"] = found
    finally:
        tab.context.close()
    assert problems == {}


def test_today_after_a_decision_passes_axe_and_reads_on_a_phone(
    demo_site: tuple[Live, int], browser: Any, axe_source: str, screens: Path
) -> None:
    """The notice left where a step stood, the timeline's text at phone size, focus."""
    live, _ = demo_site
    tab = _tab(browser, "phone")
    try:
        tab.goto(live.url + "/")
        card = tab.locator("li.action[data-key^='P11:review-lessons']").first
        with tab.expect_navigation():
            card.get_by_role("button", name="Done").click()
        expect(tab.get_by_role("button", name="Undo")).to_be_visible()
        tab.screenshot(path=str(screens / "phone--today-undo.png"), full_page=False)
        assert _violations(tab, axe_source) == []
        with tab.expect_navigation():
            tab.get_by_role("button", name="Undo").click()

        tab.goto(live.url + "/opportunities/1")
        smallest = tab.evaluate(
            """() => Math.min(...[...document.querySelectorAll('svg.timeline-svg text')].map(
                 (t) => parseFloat(t.getAttribute('font-size')) * t.getScreenCTM().a))"""
        )
        assert smallest >= 12, f"timeline text renders at {smallest:.1f} px on a phone"
        tab.locator("svg.timeline-svg").screenshot(path=str(screens / "phone--timeline.png"))
        ring = tab.evaluate(
            """() => { const b = document.querySelector('a.brand'); b.focus();
                 return getComputedStyle(b).outlineColor; }"""
        )
        assert ring in ("rgb(27, 31, 36)",), ring  # ink on white: 16:1, far past 3:1
    finally:
        tab.context.close()


def test_a_withdrawal_with_its_undo_passes_axe_on_a_phone(
    demo_site: tuple[Live, int], browser: Any, axe_source: str, screens: Path
) -> None:
    """The notice with Undo in the reflection's place (P7), in view where the page lands."""
    live, _ = demo_site
    tab = _tab(browser, "phone")
    try:
        tab.goto(live.url + "/interviews/1#reflection")
        for group in tab.locator(".reflection-form fieldset.score").all():
            group.get_by_label("2", exact=True).check()
        tab.get_by_role("button", name="Withdraw", exact=True).click()
        with tab.expect_navigation():
            tab.get_by_role("button", name="Yes, withdraw").click()
        undo = tab.locator("#reflection #withdraw-undo").get_by_role("button", name="Undo")
        expect(undo).to_be_in_viewport()
        tab.screenshot(path=str(screens / "phone--withdrawal-undo.png"), full_page=False)
        assert _violations(tab, axe_source) == []
        with tab.expect_navigation():
            undo.click()
        expect(tab.locator("#reflection").get_by_role("status")).to_contain_text(
            "Withdrawal undone"
        )
    finally:
        tab.context.close()


def test_today_and_an_opportunity_stay_small_on_the_wire(demo_site: tuple[Live, int]) -> None:
    live, _ = demo_site
    with live.client() as client:
        for path in ("/", "/opportunities/1"):
            body = client.get(path).content
            assert len(gzip.compress(body)) <= BUDGET, (path, len(gzip.compress(body)))


def test_the_first_draft_button_is_a_few_tabs_away(
    demo_site: tuple[Live, int], browser: Any
) -> None:
    """Keyboard users reach the first "Draft the email" without wading through the page."""
    live, _ = demo_site
    tab = _tab(browser, "wide")
    try:
        tab.goto(live.url + "/")
        presses = 0
        while presses < 60:
            tab.keyboard.press("Tab")
            presses += 1
            focused = tab.evaluate("document.activeElement.textContent.trim()")
            if focused in ("Draft the email", "Open your draft"):  # drafted by another test
                break
        print(f"Tab presses to the first 'Draft the email': {presses}")
        assert presses <= 10  # skip link, brand, six menu links, then the email to write
    finally:
        tab.context.close()


def test_the_editor_tells_the_truth(demo_site: tuple[Live, int]) -> None:
    """No nugget: the general line is not P5's specific point; no address: it cannot
    be marked sent (and nothing is logged); rule ids are shown in words."""
    live, _ = demo_site
    key = "P5:thank-you:interview=1:person=3"  # Tom Reyes: no email yet (P3)
    with live.client() as client:
        token = client.headers["X-CSRF-Token"]
        made = client.post(
            "/drafts/new", data={"kind": "thank-you", "key": key, "csrf_token": token}
        )
        draft = made.headers["location"].split("/drafts/")[1].split("?")[0]
        html = client.get(f"/drafts/{draft}").text
        assert re.search(r'data-part="specific-point" class="missing"', html), "✓ for filler"
        assert 'id="no-address"' in html and "No findings: it reads well." not in html
        if "[one sentence about:" in html:  # the slot is a finding, named in words
            assert "A sentence still to write" in html
        assert re.search(r"<button[^>]*disabled[^>]*>Mark as sent</button>", html)
        assert not re.search(r'class="rule-id">[a-z]+\.[a-z0-9.-]+<', html)  # no rule ids shown
        before = client.get("/api/opportunities/1").json()
        refused = client.post(f"/drafts/{draft}/sent", data={"csrf_token": token})
        assert refused.status_code == 303
        page = client.get(refused.headers["location"]).text
        assert "no recipient address yet, so it cannot have been sent" in page
        assert client.get("/api/opportunities/1").json() == before  # no contact logged
        assert key in [i["key"] for i in client.get("/api/agenda?days=7").json()]


def test_after_the_interview_every_step_is_done_from_today(
    demo_site: tuple[Live, int], browser: Any, screens: Path
) -> None:
    """Debrief (P4) and thank-you (P5) from their cards on Today, then back: both gone."""
    live, _ = demo_site
    started = time.monotonic()
    tab = _tab(browser, "wide")
    try:
        tab.goto(live.url + "/")
        debrief = tab.locator("li.action[data-key='P4:debrief:interview=1']")
        debrief.get_by_role("link", name="Write the debrief").click()
        tab.wait_for_url(re.compile(r"/interviews/1#debrief$"))
        tab.locator("#f-nuggets").fill("they are moving billing to Kotlin this spring")
        tab.locator("#f-went_well").fill("the system design exercise")
        tab.get_by_role("button", name="Save the debrief").click()
        tab.wait_for_url(re.compile(r"saved=debrief"))
        tab.get_by_role("link", name="Today").first.click()
        expect(tab.locator("li.action[data-key='P4:debrief:interview=1']")).to_have_count(0)

        thank = tab.locator("li.action[data-key='P5:thank-you:interview=1:person=2']")
        # "Open your draft" when an earlier test of this site drafted it already
        thank.get_by_role("button", name=re.compile("Draft the email|Open your draft")).click()
        tab.wait_for_url(re.compile(r"/drafts/\d+"))
        with tab.expect_navigation():
            tab.get_by_role("button", name="Mark as sent").click()
        expect(tab.locator(".notice")).to_contain_text("follow-up")
        tab.get_by_role("link", name="Today").first.click()
        expect(thank).to_have_count(0)
        tab.screenshot(path=str(screens / "wide--today-after-the-path.png"), full_page=False)
    finally:
        tab.context.close()
    elapsed = time.monotonic() - started
    print(f"after-interview path: {elapsed:.1f} s")
    assert elapsed < 60, f"the after-interview path took {elapsed:.0f} s"
