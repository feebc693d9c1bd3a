"""Mail & calendar in the browser: servers saved, passwords to the keyring, the feed address."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import expect

from afterview.services import mail_settings

from .conftest import Live


def test_servers_and_a_password(live: Live, page: Any, shot: Any, file_keyring: Path) -> None:
    page.goto(f"{live.url}/settings")
    page.get_by_role("link", name="Mail & calendar").click()
    expect(page).to_have_title("Mail & calendar · Afterview")  # waits for the new page
    page.get_by_label("SMTP server").fill("smtp.example.org")
    page.locator("#smtp-user").fill("sam@example.org")
    page.locator("#smtp-password").fill("app-password-1")
    page.get_by_label("IMAP server").fill("imap.example.org")
    page.locator("#imap-security").select_option("starttls")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the mail servers").click()
    page.wait_for_url(re.compile(r".*/settings/mail"))
    assert page.get_by_role("status").inner_text() == (
        "Mail servers saved. SMTP password kept in the keyring."
    )
    saved = mail_settings.load(live.service, datetime.now(UTC))
    assert saved.smtp == mail_settings.Server(
        "smtp.example.org", 587, "starttls", "sam@example.org"
    )
    assert saved.imap == mail_settings.Server("imap.example.org", 143, "starttls", None)
    assert json.loads(file_keyring.read_text()) == {
        "afterview\0smtp:sam@example.org@smtp.example.org": "app-password-1"
    }
    assert "app-password-1" not in page.content()  # never shown back
    assert "Now: kept in the keyring." in page.locator("#smtp-password-help").inner_text()
    assert page.locator("#smtp-port").input_value() == ""  # the default follows the security
    shot(page, "mail")


def test_a_bad_port_keeps_the_form(live: Live, page: Any) -> None:
    page.goto(f"{live.url}/settings/mail")
    page.get_by_label("SMTP server").fill("smtp.example.org")
    page.locator("#smtp-port").fill("99999")
    with page.expect_response(lambda r: r.url.endswith("/settings/mail")) as answer:
        page.get_by_role("button", name="Save the mail servers").click()
    assert answer.value.status == 400
    alert = page.get_by_role("alert").inner_text()
    assert "“SMTP port” must be from 1 to 65535, not 99999." in alert
    assert page.get_by_label("SMTP server").input_value() == "smtp.example.org"
    assert page.locator("#smtp-port").input_value() == "99999"
    assert mail_settings.load(live.service, datetime.now(UTC)).smtp is None


def test_the_calendar_address_is_made_and_replaced(live: Live, page: Any) -> None:
    page.goto(f"{live.url}/settings/mail")
    assert page.locator("#feed-url").count() == 0
    with page.expect_navigation():
        page.get_by_role("button", name="Make my calendar address").click()
    page.wait_for_url(re.compile(r".*/settings/mail"))
    first = page.get_by_label("Your calendar address").input_value()
    assert re.fullmatch(rf"{re.escape(live.url)}/calendar/[A-Za-z0-9_-]{{32}}\.ics", first)
    assert httpx.get(first).status_code == 200
    with page.expect_navigation():
        page.get_by_role("button", name="Replace the address").click()
    page.wait_for_url(re.compile(r".*/settings/mail"))
    assert "the old one no longer answers" in page.get_by_role("status").inner_text()
    second = page.get_by_label("Your calendar address").input_value()
    assert second != first
    assert httpx.get(first).status_code == 404
    assert httpx.get(second).headers["content-type"].startswith("text/calendar")
