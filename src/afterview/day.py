"""The day as a candidate reads it: overdue, due today, coming up.

Shared by `afterview today` and the web's Today page, so both sort an action into
the same section and label its due time the same way.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

SECTIONS = ("Overdue", "Due today", "Coming up")


def section_of(item: dict[str, Any], local_now: datetime) -> str:
    due = due_of(item).astimezone(local_now.tzinfo)
    if due.date() < local_now.date() or (item["overdue"] and due.date() < local_now.date()):
        return "Overdue"
    if due.date() == local_now.date():
        return "Due today"
    return "Coming up"


def due_of(item: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(item["snoozed_until"] or item["due"])


def when_label(item: dict[str, Any]) -> str:
    """The due time on the wall clock of the candidate's zone, named; with the other
    person's clock beside it when they are elsewhere, and when a message should land."""
    due = due_of(item)
    snoozed = ", snoozed" if item["state"] == "snoozed" else ""
    label = f"{due:%a %d %b %H:%M} {city_of(item['tz'])}{snoozed}"
    other = item.get("other_tz")
    apart = elsewhere(due, item["tz"], other)
    if apart:
        label += f" ({clock_in(due, str(other), due)})"
    if item.get("send_at") and item["state"] in ("pending", "snoozed"):
        lands = datetime.fromisoformat(item["send_at"].replace("Z", "+00:00"))
        where = str(other) if apart else item["tz"]
        if lands != due:
            label += f"; lands from {clock_in(lands, where, due)}"
    return label


def elsewhere(moment: datetime, tz: str, other: str | None) -> bool:
    """Whether `other`'s wall clock differs from `tz`'s at `moment` (London and UTC in
    winter read the same, so the second clock would only add noise)."""
    if not other or other == tz:
        return False
    from zoneinfo import ZoneInfo

    return (
        moment.astimezone(ZoneInfo(tz)).utcoffset()
        != moment.astimezone(ZoneInfo(other)).utcoffset()
    )


def city_of(tz: str) -> str:
    return tz.rsplit("/", maxsplit=1)[-1].replace("_", " ")


def clock_in(moment: datetime, tz: str, beside: datetime) -> str:
    """ "09:00 New York", with the weekday when it is another day than `beside`'s."""
    from zoneinfo import ZoneInfo

    there = moment.astimezone(ZoneInfo(tz))
    day = "" if there.date() == beside.date() else f"{there:%a} "
    return f"{day}{there:%H:%M} {city_of(tz)}"
