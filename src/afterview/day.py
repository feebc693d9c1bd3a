"""The day as a candidate reads it: overdue, to catch up, due today, coming up.

Shared by `afterview today`, the web's Today and opportunity pages, the agenda (CLI,
MCP, /api/agenda) and MCP's `today`, so all sort an action into the same section,
tell a catch-up from a lapse the same way (P11), and label its due time the same way.
"""

from __future__ import annotations

from datetime import datetime

from afterview.playbook import CATCH_UP_MARK

TYPE_CHECKING = False  # `afterview agenda` imports this module: typing costs milliseconds
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    # reads the entry moments of these opportunities and, when True, the first interview
    EnteredOf = Callable[[list[int], bool], dict[int | None, datetime]]

SECTIONS = ("Overdue", "Due today", "Coming up")
CATCH_UP = "To catch up"  # after Overdue, when any step is one
OPEN = ("pending", "snoozed")


def section_of(item: dict[str, Any], local_now: datetime) -> str:
    due = due_of(item).astimezone(local_now.tzinfo)
    if due.date() < local_now.date():
        return "Overdue"
    if due.date() == local_now.date():
        return "Due today"
    return "Coming up"


def replanned_as_catch_up(item: dict[str, Any]) -> bool:
    """Re-planned because its interview was entered late: its reason says so (plan.py)."""
    return CATCH_UP_MARK in (item.get("why") or "")


def is_catch_up(item: dict[str, Any], section: str, entered: dict[int | None, datetime]) -> bool:
    """Whether a step in `section` is to catch up rather than a lapse: re-planned as a
    catch-up, or overdue but already past when its opportunity was entered (`entered`,
    from `agenda_query.entry_moments`; P9's steps under None: the first interview's).
    Neither counts as late in the lessons (P11), so neither is shown as overdue."""
    if replanned_as_catch_up(item):
        return True
    if section != SECTIONS[0]:
        return False
    known = entered.get(item.get("opportunity_id"))
    return known is not None and due_of(item) < known


def entries_needed(overdue: list[dict[str, Any]]) -> tuple[list[int], bool]:
    """The entry moments `is_catch_up` needs for these overdue steps: their opportunities',
    and whether the first interview's (a candidate-wide step, P9, has no opportunity)."""
    ids = [item["opportunity_id"] for item in overdue if item.get("opportunity_id")]
    return ids, any(not item.get("opportunity_id") for item in overdue)


def mark_catch_ups(
    items: list[dict[str, Any]], local_now: datetime, entered_of: EnteredOf
) -> dict[int | None, datetime]:
    """Set each agenda item's `catch_up`: true for exactly the open steps Today lists
    under "To catch up" (the same sections, the same `is_catch_up`), false for the
    rest, closed steps included. `entered_of(ids, candidate_wide)` is asked only for
    the entry moments of the steps in Overdue (`entries_needed`), and not at all when
    there is none; what it read is returned, for `split_catch_ups`. `overdue` is left
    as it is: past due (docs/assistants.md). A long agenda is first narrowed to the
    steps that could be catch-ups (`agenda_query.could_catch_up`)."""
    sections = [section_of(item, local_now) if item["state"] in OPEN else "" for item in items]
    overdue = [
        item for item, section in zip(items, sections, strict=True) if section == SECTIONS[0]
    ]
    ids, candidate_wide = entries_needed(overdue)
    entered = entered_of(ids, candidate_wide) if ids or candidate_wide else {}
    for item, section in zip(items, sections, strict=True):
        item["catch_up"] = bool(section) and is_catch_up(item, section, entered)
    return entered


def split_catch_ups(
    sections: list[tuple[str, list[dict[str, Any]]]], entered: dict[int | None, datetime]
) -> list[tuple[str, list[dict[str, Any]]]]:
    """`sections` (titled as SECTIONS, in order) with their catch-ups moved, in order, to
    "To catch up" just after Overdue; that section only when it has a step."""
    split: list[tuple[str, list[dict[str, Any]]]] = []
    late: list[dict[str, Any]] = []
    for title, rows in sections:
        marks = [is_catch_up(row, title, entered) for row in rows]
        split.append((title, [row for row, mark in zip(rows, marks, strict=True) if not mark]))
        late.extend(row for row, mark in zip(rows, marks, strict=True) if mark)
    if late:
        split.insert(1, (CATCH_UP, late))
    return split


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
