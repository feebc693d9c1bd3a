"""P8's weekly guard: never two follow-ups of one opportunity within the interval.

Only follow-ups count (any person, any channel, the recruiter included); the thank-you,
the recruiter call and P2/P3 requests neither count nor start the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from afterview.playbook.facts import Contact, ContactKind
from afterview.playbook.timing import add_days


@dataclass(frozen=True)
class GuardVerdict:
    allowed: bool
    next_allowed: datetime | None = None
    conflicting: datetime | None = None


def follow_up_times(contacts: Iterable[Contact]) -> list[datetime]:
    """Follow-up times in UTC, so comparisons never depend on the zone they carry."""
    return sorted(c.at.astimezone(UTC) for c in contacts if c.kind is ContactKind.FOLLOW_UP)


def week_after(moment: datetime, guard_days: int, tz: str) -> datetime:
    """The same wall-clock time `guard_days` later in `tz`: a week is a calendar week,
    so a DST change never moves the next allowed follow-up by an hour."""
    return add_days(moment, guard_days, tz)


def _too_close(a: datetime, b: datetime, guard_days: int, tz: str) -> bool:
    first, second = sorted((a, b))
    return second < week_after(first, guard_days, tz)


def guard_verdict(
    contacts: Iterable[Contact], at: datetime, guard_days: int, tz: str = "UTC"
) -> GuardVerdict:
    """May a follow-up happen at `at`? If not, say when the next one may."""
    clashes = [t for t in follow_up_times(contacts) if _too_close(t, at, guard_days, tz)]
    if not clashes:
        return GuardVerdict(True)
    return GuardVerdict(
        False, next_allowed=week_after(max(clashes), guard_days, tz), conflicting=min(clashes)
    )


def breaches(
    contacts: Iterable[Contact], guard_days: int, tz: str = "UTC"
) -> list[tuple[Contact, datetime]]:
    """Follow-ups logged within the interval of the previous one, with that previous time."""
    found: list[tuple[Contact, datetime]] = []
    previous: datetime | None = None
    for contact in sorted(contacts, key=lambda c: (c.at, c.id)):
        if contact.kind is not ContactKind.FOLLOW_UP:
            continue
        moment = contact.at.astimezone(UTC)
        if previous is not None and _too_close(previous, moment, guard_days, tz):
            found.append((contact, previous))
        previous = moment
    return found
