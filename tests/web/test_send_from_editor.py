"""Sending from the editor through the outbox, against a real SMTP server (aiosmtpd).

The web clock is frozen (as `afterview serve --at` does) so P5's time is known:
the interview of the scene ends Tue 10 Mar 2026 15:00 London, so the thank-you is
due Wed 11 Mar 09:00.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from afterview.web.pages.common import freeze_clock
from integrations.helpers import at
from integrations.outbox_scene import configure, interviewed
from integrations.smtp_server import MailServer, serving

from .conftest import Live


@pytest.fixture
def clock() -> Iterator[Any]:
    yield freeze_clock
    freeze_clock(None)


def test_queue_at_p5s_time_then_it_leaves_once(
    live: Live, page: Any, shot: Any, clock: Any
) -> None:
    scene = interviewed(live.service)
    with serving(MailServer()) as smtp:
        configure(live.service, smtp)
        clock(at(10, 16, 10))
        page.goto(f"{live.url}/drafts/{scene.thank_you}")
        panel = page.locator("#outbox")
        assert "P5's time for this thank-you: Wed 11 Mar 09:00." in panel.inner_text()
        assert panel.get_by_label("Leave at").input_value() == "2026-03-11T09:00"
        with page.expect_navigation():
            panel.get_by_role("button", name="Send at this time").click()
        page.wait_for_url(re.compile(rf".*/drafts/{scene.thank_you}"))
        assert page.locator("p.notice").inner_text() == (
            "Queued: it leaves Wed 11 Mar 09:00 (your time) when the outbox next runs, "
            "exactly once."
        )
        assert "Queued: leaves Wed 11 Mar 09:00" in page.locator("#outbox").inner_text()
        # queued: sent by Afterview, so not marked sent by hand meanwhile
        assert page.get_by_role("button", name="Mark as sent").count() == 0
        shot(page, "queued")
        page.goto(f"{live.url}/drafts")
        assert "queued" in page.locator(".draft-card").first.inner_text()
        # before its time: nothing leaves
        page.goto(f"{live.url}/settings/mail")
        with page.expect_navigation():
            page.get_by_role("button", name="Send due messages now").click()
        page.wait_for_url(re.compile(r".*/settings/mail"))
        assert page.locator("p.notice").inner_text() == "Nothing was due to be sent."
        assert smtp.handler.received == []
        # at its time: once
        clock(at(11, 9, 1))
        with page.expect_navigation():
            page.get_by_role("button", name="Send due messages now").click()
        page.wait_for_url(re.compile(r".*/settings/mail"))
        assert "thank-you to Dana Kim: sent" in page.locator("p.notice").inner_text()
        with page.expect_navigation():
            page.get_by_role("button", name="Send due messages now").click()
        page.wait_for_url(re.compile(r".*/settings/mail"))
        assert page.locator("p.notice").inner_text() == "Nothing was due to be sent."
        assert len(smtp.handler.received) == 1
        message = smtp.handler.received[0].message
        assert message["To"] == "Dana Kim <dana@northwind.example>"
        assert "Grüße aus Zürich" in message.get_content()
        page.goto(f"{live.url}/drafts/{scene.thank_you}")
        assert "This message was sent" in page.locator(".sent-message").inner_text()
        shot(page, "sent")


def test_an_uncertain_send_is_settled_by_the_person(live: Live, page: Any, clock: Any) -> None:
    scene = interviewed(live.service)
    with serving(MailServer(drop_after_data=1)) as smtp:
        configure(live.service, smtp)
        clock(at(11, 9, 30))  # after P5's time: it leaves now
        page.goto(f"{live.url}/drafts/{scene.thank_you}")
        assert "Now, or any time you choose." in page.locator("#outbox").inner_text()
        with page.expect_navigation():
            page.get_by_role("button", name="Send at this time").click()
        page.wait_for_url(re.compile(rf".*/drafts/{scene.thank_you}"))
        page.goto(f"{live.url}/settings/mail")
        with page.expect_navigation():
            page.get_by_role("button", name="Send due messages now").click()
        page.wait_for_url(re.compile(r".*/settings/mail"))
        assert "uncertain" in page.locator("p.notice").inner_text()
        assert "may have been sent" in page.locator("#now").inner_text()
        page.get_by_role("link", name=re.compile("thank-you to Dana Kim")).click()
        alert = page.locator("#outbox").get_by_role("alert").inner_text()
        assert "It may have been sent" in alert
        # running again never resends it
        page.goto(f"{live.url}/settings/mail")
        with page.expect_navigation():
            page.get_by_role("button", name="Send due messages now").click()
        page.wait_for_url(re.compile(r".*/settings/mail"))
        assert len(smtp.handler.received) == 1  # the one whose answer was lost
        page.goto(f"{live.url}/drafts/{scene.thank_you}")
        with page.expect_navigation():
            page.get_by_role("button", name="It was not sent").click()
        page.wait_for_url(re.compile(rf".*/drafts/{scene.thank_you}"))
        assert "it is a draft again" in page.locator("p.notice").inner_text()
        assert page.get_by_role("button", name="Send at this time").is_visible()


def test_without_a_mail_server_the_editor_says_where_to_set_one(
    live: Live, page: Any, clock: Any
) -> None:
    scene = interviewed(live.service)
    clock(at(10, 16, 10))
    page.goto(f"{live.url}/drafts/{scene.thank_you}")
    panel = page.locator("#outbox")
    assert "Set your mail server in Mail & calendar" in panel.inner_text()
    assert panel.get_by_role("button").count() == 0


def test_without_a_mail_server_a_day_word_false_now_is_said_above_export(
    live: Live, page: Any, shot: Any, clock: Any
) -> None:
    """P5: a thank-you drafted after a 14:00 interview is written for the next morning
    ("yesterday"). Exported or opened in the mail client that evening, or two days later,
    the word is false, and the editor says so before it leaves from elsewhere; the next
    morning it says nothing."""
    scene = interviewed(live.service)
    clock(at(10, 16, 10))
    page.goto(f"{live.url}/drafts/{scene.thank_you}")
    assert (
        page.locator("#day-word-now")
        .inner_text()
        .startswith("If it leaves now: The thank-you says “yesterday” but leaves Tue 10 Mar 16:10")
    )
    clock(at(11, 9, 0))
    page.goto(f"{live.url}/drafts/{scene.thank_you}")
    assert page.locator("#day-word-now").count() == 0  # "yesterday" is true today
    clock(at(13, 9, 30))
    page.goto(f"{live.url}/drafts/{scene.thank_you}")
    warning = page.locator("#day-word-now")
    assert warning.inner_text() == (
        "If it leaves now: The thank-you says “yesterday” but leaves Fri 13 Mar 09:30, when "
        "the interview was “on Tuesday”. Change the day it names before you send it."
    )
    shot(page, "day-word-now")


def test_a_day_word_false_at_p5s_time_is_said_before_send_and_refused(
    live: Live, page: Any, shot: Any, clock: Any
) -> None:
    """P5: "this afternoon" would arrive on Wednesday morning; the panel says so before
    Send, and Send leaves a form error and nothing queued, never a wrong email."""
    from afterview.services import drafts, outbox

    scene = interviewed(live.service)
    body = drafts.get_draft(live.service, scene.thank_you, now=at(10, 16, 6)).body
    drafts.edit_draft(
        live.service,
        scene.thank_you,
        now=at(10, 16, 7),
        body=body.replace("yesterday", "this afternoon"),
    )
    with serving(MailServer()) as smtp:
        configure(live.service, smtp)
        clock(at(10, 16, 10))
        page.goto(f"{live.url}/drafts/{scene.thank_you}")
        warning = page.locator("#send-day-word")
        assert warning.inner_text().startswith(
            "The thank-you says “this afternoon” but leaves Wed 11 Mar 09:00, "
            "when the interview was “yesterday”."
        )
        with page.expect_navigation():
            page.locator("#outbox").get_by_role("button", name="Send at this time").click()
        notice = page.get_by_role("alert").filter(has_text="this afternoon")
        assert "says “this afternoon” but leaves Wed 11 Mar 09:00" in notice.inner_text()
        shot(page, "day-word-refused")
        assert outbox.list_entries(live.service, now=at(10, 16, 11)) == []
        assert smtp.handler.received == []
