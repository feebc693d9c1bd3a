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
    """The due time on the wall clock of the action's own zone, named."""
    due = due_of(item)
    city = item["tz"].split("/")[-1].replace("_", " ")
    snoozed = ", snoozed" if item["state"] == "snoozed" else ""
    return f"{due:%a %d %b %H:%M} {city}{snoozed}"
