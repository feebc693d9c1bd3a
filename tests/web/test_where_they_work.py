"""Interviews across zones on the web: where the interviewers work, and both clocks.

docs/playbook.md, "Time zones": the form on the opportunity page records the
organisation's zone and public holidays; a bad value is a form error beside the field
and writes nothing; once saved, the plan shows the interviewers' clock beside yours.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from playwright.sync_api import expect

from afterview.services import demo

from .conftest import Live


def test_the_interviewers_zone_and_holidays_are_set_on_the_opportunity_page(
    live: Live, page: Any, shot: Any
) -> None:
    demo.seed(live.service, datetime.now(UTC))
    with live.service.transaction(datetime.now(UTC)) as repo:
        untouched = repo.load_opportunity(3)
    page.goto(live.url + "/opportunities/3#where")
    zone = page.get_by_label("Their time zone")
    zone.fill("America/New_Yrok")
    page.get_by_label("Their public holidays").fill("US")
    page.get_by_role("button", name="Save").last.click()
    expect(page.get_by_role("alert")).to_contain_text("Did you mean America/New_York")
    assert page.get_by_label("Their time zone").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Their time zone").input_value() == "America/New_Yrok"  # kept
    with live.service.transaction(datetime.now(UTC)) as repo:
        assert repo.load_opportunity(3) == untouched  # nothing written
    shot(page, "where-they-work-error")

    page.get_by_label("Their time zone").fill("America/New_York")
    page.get_by_label("Their public holidays").fill("XX")
    page.get_by_role("button", name="Save").last.click()
    expect(page.get_by_role("alert")).to_contain_text("ISO code such as US")
    assert page.get_by_label("Their public holidays").get_attribute("aria-invalid") == "true"

    page.get_by_label("Their public holidays").fill("us")
    page.get_by_role("button", name="Save").last.click()
    expect(page.get_by_role("status")).to_contain_text("Saved where they work")
    where = page.locator("#where")
    expect(where).to_contain_text("Their zone: America/New_York")
    expect(where).to_contain_text("Their holidays: US")
    with live.service.transaction(datetime.now(UTC)) as repo:
        saved = repo.load_opportunity(3)
    assert (saved.org_tz, saved.holiday_country) == ("America/New_York", "US")
    shot(page, "where-they-work-saved")

    page.get_by_label("Their time zone").fill("")
    page.get_by_label("Their public holidays").fill("")
    page.get_by_role("button", name="Save").last.click()
    expect(page.get_by_role("status")).to_contain_text("Saved where they work")
    with live.service.transaction(datetime.now(UTC)) as repo:
        cleared = repo.load_opportunity(3)
    assert (cleared.org_tz, cleared.holiday_country) == (None, None)
