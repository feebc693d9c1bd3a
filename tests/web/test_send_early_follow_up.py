"""P8 on the web: a follow-up queued before the stated decision date is allowed, and
the notice says it is early and from when it makes sense (issue 15, item 2)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from afterview.services import drafts, records
from afterview.web.pages.common import freeze_clock
from integrations.helpers import at
from integrations.outbox_scene import configure, interviewed
from integrations.smtp_server import MailServer, serving

from .conftest import Live


@pytest.fixture
def clock() -> Iterator[Any]:
    yield freeze_clock
    freeze_clock(None)


def test_queueing_a_follow_up_before_the_decision_date_says_it_is_early(
    live: Live, page: Any, clock: Any
) -> None:
    scene = interviewed(live.service)
    records.set_timeline(live.service, scene.opp, now=at(10, 16), decision_by=date(2026, 3, 20))
    follow_up = drafts.draft_for_opportunity(live.service, scene.opp, "follow-up", now=at(12, 10))
    with serving(MailServer()) as smtp:
        configure(live.service, smtp)
        clock(at(12, 10, 5))
        page.goto(f"{live.url}/drafts/{follow_up.id}")
        panel = page.locator("#outbox")
        with page.expect_navigation():
            panel.get_by_role("button", name=re.compile("Send")).first.click()
        page.wait_for_url(re.compile(rf".*/drafts/{follow_up.id}"))
        notice = page.locator("p.notice").inner_text()
        assert notice.startswith("Queued: it leaves Thu 12 Mar 10:05")
        assert "It is early: Northwind Health expects to decide by Fri 20 Mar" in notice
        assert "makes sense from Mon 23 Mar 09:00" in notice
        assert smtp.handler.received == []  # queued, not sent: the outbox runs later
