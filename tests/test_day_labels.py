"""The due-time label `today` prints (day.py): the candidate's clock, the recipient's
beside it only when it reads differently, and when a message lands."""

from __future__ import annotations

from typing import Any

from afterview.day import when_label


def _item(due: str, tz: str, other: str | None, send_at: str | None = None) -> dict[str, Any]:
    return {"due": due, "snoozed_until": None, "tz": tz, "other_tz": other,
            "send_at": send_at, "state": "pending"}  # fmt: skip


def test_a_second_clock_only_when_it_reads_differently() -> None:
    # London and UTC read the same in December: one clock is enough
    winter = _item("2026-12-09T17:30:00+00:00", "UTC", "Europe/London", "2026-12-09T09:00:00Z")
    assert when_label(winter) == "Wed 09 Dec 17:30 UTC; lands from 09:00 UTC"
    # in July London is an hour ahead of UTC: both clocks, and where it lands
    summer = _item("2026-07-08T16:30:00+00:00", "UTC", "Europe/London", "2026-07-08T08:00:00Z")
    assert when_label(summer) == "Wed 08 Jul 16:30 UTC (17:30 London); lands from 09:00 London"


def test_another_day_there_is_named() -> None:
    tokyo = _item("2026-12-09T17:00:00+00:00", "Europe/London", "Asia/Tokyo")
    assert when_label(tokyo) == "Wed 09 Dec 17:00 London (Thu 02:00 Tokyo)"
