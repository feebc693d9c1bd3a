"""The demo's sample is replayed relative to `now`: it must fit any day and hour."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from afterview.playbook.facts import ContactKind
from afterview.services import demo, queries
from afterview.services.app import App

from .helpers import LONDON

MONDAY = datetime(2026, 11, 30, tzinfo=LONDON)
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


@pytest.mark.parametrize("new_db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("hour", [0.5, 15], ids=["00:30", "15:00"])
@pytest.mark.parametrize("day", range(7), ids=DAYS)
def test_the_demo_starts_on_any_day_and_thanks_after_each_interview(
    app: App, day: int, hour: float
) -> None:
    """On Mondays and Tuesdays Bluefin's interview ("three days ago") and its thank-you
    ("two days ago, 08:50") both fell on the Friday before, the thank-you first: the
    demo refused to start (P5: no thank-you before the interview)."""
    now = MONDAY + timedelta(days=day, hours=hour)
    ids = demo.create(app, now)
    assert len(ids) == 7
    for opp_id in ids:
        opp = queries.show_opportunity(app, opp_id, now).opportunity
        for contact in opp.contacts:
            if contact.kind is ContactKind.THANK_YOU:
                assert opp.live_interviews[0].end < contact.at <= now, (opp.company, contact)
