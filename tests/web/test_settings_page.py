"""Settings: the profile, the timing generated from the Settings fields, the word list."""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from afterview import paths
from afterview.playbook.facts import Route
from afterview.playbook.settings import Settings, to_plain
from afterview.services import profile, queries, records

from .conftest import Live

LONDON = ZoneInfo("Europe/London")


def test_the_profile_is_saved_and_shown(live: Live, page: Any, shot: Any) -> None:
    page.goto(f"{live.url}/settings")
    assert page.title() == "Settings · Afterview"
    assert "No profile yet" in page.locator("#profile").inner_text()
    page.get_by_label("Your name").fill("Sam Taylor")
    page.get_by_label("Your email address").fill("sam.taylor@example.org")
    page.get_by_label("Skills").fill("Python, data pipelines, mentoring")
    page.get_by_label("Experience").fill("six years building data platforms")
    page.get_by_label("Signature").fill("Sam Taylor\n+44 7700 900123")
    page.get_by_label("Language").select_option("en-US")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the profile").click()
    page.wait_for_url(re.compile(r".*/settings"))
    assert page.get_by_role("status").inner_text() == (
        "Profile saved: Sam Taylor <sam.taylor@example.org>, en-US."
    )
    assert page.get_by_label("Your name").input_value() == "Sam Taylor"
    assert page.get_by_label("Skills").input_value() == "Python, data pipelines, mentoring"
    assert page.get_by_label("Signature").input_value() == "Sam Taylor\n+44 7700 900123"
    assert page.get_by_label("Language").input_value() == "en-US"
    saved = profile.get_profile(live.service, datetime.now(UTC))
    assert saved is not None
    assert saved.skills == ("Python", "data pipelines", "mentoring")
    assert saved.signature == "Sam Taylor\n+44 7700 900123"  # no stray \r from the textarea
    shot(page, "settings")


def test_a_bad_email_is_refused_and_the_input_kept(live: Live, page: Any, shot: Any) -> None:
    page.goto(f"{live.url}/settings")
    page.get_by_label("Your name").fill("Sam <Taylor>")
    page.get_by_label("Your email address").fill("sam@localhost")  # the browser accepts it
    page.get_by_label("Skills").fill("SQL, dbt")
    with page.expect_response(lambda r: r.url.endswith("/settings/profile")) as answer:
        page.get_by_role("button", name="Save the profile").click()
    assert answer.value.status == 400
    alert = page.get_by_role("alert").inner_text()
    assert "Invalid email address 'sam@localhost'" in alert
    assert page.get_by_label("Your name").input_value() == "Sam <Taylor>"
    email = page.get_by_label("Your email address")
    assert email.input_value() == "sam@localhost"
    assert email.get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Skills").input_value() == "SQL, dbt"
    assert profile.get_profile(live.service, datetime.now(UTC)) is None
    shot(page, "bad-email")


def next_weekday(weekday: int) -> date:
    """A date in the coming weeks on the given weekday (0 = Monday)."""
    today = datetime.now(LONDON).date() + timedelta(days=7)
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def thank_you_due(live: Live, opp: int) -> datetime:
    actions = queries.show_opportunity(live.service, opp, datetime.now(UTC)).actions
    due = next(a["due"] for a in actions if a["rule"] == "P5")
    return datetime.fromisoformat(due)


def test_a_new_morning_cutoff_replans_the_thank_you(live: Live, page: Any) -> None:
    """P5: an 11:00 interview is thanked the same day; with a 10:00 cut-off, next morning
    (by the end of that morning, which the cut-off also marks)."""
    moment = datetime.now(UTC)
    tuesday = next_weekday(1)
    start = datetime.combine(tuesday, time(11, 0), LONDON)
    opp = records.add_opportunity(
        live.service,
        company="Northwind Health",
        role="Data Engineer",
        route=Route.DIRECT,
        now=moment,
    )
    records.add_interview(
        live.service,
        opp,
        start=start,
        end=start + timedelta(hours=1),
        tz="Europe/London",
        now=moment,
        interviewers=(records.NewInterviewer("Dana Kim", "dana@northwind.example"),),
    )
    assert thank_you_due(live, opp).date() == tuesday

    page.goto(f"{live.url}/settings#timing")
    cutoff = page.get_by_label("Interviews starting before this time are thanked the same day")
    assert cutoff.input_value() == "12:00"
    described = cutoff.get_attribute("aria-describedby")
    help_text = page.locator(f"#{described}").inner_text()
    assert help_text == (
        "Interviews starting before this local time are thanked the same day. (P5)"
    )
    assert page.get_by_role("group", name="P5 · Thank-you email").is_visible()
    cutoff.fill("10:00")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the timing").click()
    page.wait_for_url(re.compile(r".*/settings"))
    assert page.get_by_role("status").inner_text() == (
        "Saved: morning cutoff. Every plan was recomputed with it."
    )
    assert (
        page.get_by_label(
            "Interviews starting before this time are thanked the same day"
        ).input_value()
        == "10:00"
    )
    assert live.service.settings.morning_cutoff == time(10, 0)
    # next morning: lands from 09:00, due by the end of the morning, the new cut-off
    assert thank_you_due(live, opp) == datetime.combine(
        tuesday + timedelta(days=1), time(10, 0), LONDON
    )
    # saved like `afterview config set morning_cutoff=10:00`: only what changed
    written = tomllib.loads(Path(paths.config_file()).read_text())
    assert written == {"morning_cutoff": "10:00"}


def test_an_impossible_working_day_is_refused_and_kept(live: Live, page: Any, shot: Any) -> None:
    page.goto(f"{live.url}/settings")
    page.get_by_label("Working day starts at").fill("18:00")
    page.get_by_label("At most one follow-up every (days)").fill("10")
    page.get_by_label("Sat").check()
    with page.expect_response(lambda r: r.url.endswith("/settings/timing")) as answer:
        page.get_by_role("button", name="Save the timing").click()
    assert answer.value.status == 400
    assert (
        "working_day_start must be before working_day_end" in page.get_by_role("alert").inner_text()
    )
    start = page.get_by_label("Working day starts at")
    assert start.input_value() == "18:00" and start.get_attribute("aria-invalid") == "true"
    assert page.get_by_label("At most one follow-up every (days)").input_value() == "10"
    assert page.get_by_label("Sat").is_checked()
    assert not Path(paths.config_file()).exists()
    assert live.service.settings.follow_up_guard_days == 7
    shot(page, "timing-refused")


def test_no_working_day_at_all_is_refused(live: Live) -> None:
    plain = to_plain(Settings())
    fields = {k: ",".join(map(str, v)) if isinstance(v, list) else str(v) for k, v in plain.items()}
    fields |= {"timezone": "Europe/London", "working_days": ""}
    with live.client() as client:
        response = client.post("/settings/timing", data=fields)
    assert response.status_code == 400
    assert "working_days: empty not understood" in response.text


def test_words_are_added_and_removed(live: Live, page: Any, phone: Any, shot: Any) -> None:
    page.goto(f"{live.url}/settings#words")
    assert "No words yet." in page.locator("#words").inner_text()
    page.get_by_label("Words to add").fill("Kubernetes, dbt  Northwind")
    with page.expect_navigation():
        page.get_by_role("button", name="Add to the list").click()
    page.wait_for_url(re.compile(r".*/settings"))
    assert page.get_by_role("status").inner_text() == "Added: Kubernetes, dbt, Northwind."
    listed = page.get_by_role("list", name="Words on your list")
    for word in ("Kubernetes", "dbt", "Northwind"):
        assert listed.get_by_text(word, exact=True).is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Remove dbt").click()
    page.wait_for_url(re.compile(r".*/settings"))
    assert page.get_by_role("status").inner_text() == "Removed: dbt."
    assert sorted(profile.list_words(live.service, now=datetime.now(UTC))) == [
        "Kubernetes",
        "Northwind",
    ]
    page.get_by_label("Words to add").fill("C++")
    page.get_by_role("button", name="Add to the list").click()
    assert "is not a word" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Words to add").input_value() == "C++"
    shot(page, "words")
    phone.goto(f"{live.url}/settings")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "settings-phone")
