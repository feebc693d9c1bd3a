"""P8's weekly guard: never two follow-ups of one opportunity within the interval.

Only follow-ups count (any person, any channel, the recruiter included); the thank-you,
the recruiter call and P2/P3 requests neither count nor start the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from afterview.playbook.facts import Contact, ContactKind


@dataclass(frozen=True)
class GuardVerdict:
    allowed: bool
    next_allowed: datetime | None = None
    conflicting: datetime | None = None


def follow_up_times(contacts: Iterable[Contact]) -> list[datetime]:
    """Follow-up times in UTC, so differences are elapsed time whatever zone they carry."""
    return sorted(c.at.astimezone(UTC) for c in contacts if c.kind is ContactKind.FOLLOW_UP)


def guard_verdict(contacts: Iterable[Contact], at: datetime, guard_days: int) -> GuardVerdict:
    """May a follow-up happen at `at`? If not, say when the next one may."""
    interval = timedelta(days=guard_days)
    times = follow_up_times(contacts)
    clashes = [t for t in times if abs(t - at.astimezone(UTC)) < interval]
    if not clashes:
        return GuardVerdict(True)
    return GuardVerdict(False, next_allowed=max(clashes) + interval, conflicting=min(clashes))


def breaches(contacts: Iterable[Contact], guard_days: int) -> list[tuple[Contact, datetime]]:
    """Follow-ups logged within the interval of the previous one, with that previous time."""
    interval = timedelta(days=guard_days)
    found: list[tuple[Contact, datetime]] = []
    previous: datetime | None = None
    for contact in sorted(contacts, key=lambda c: (c.at, c.id)):
        if contact.kind is not ContactKind.FOLLOW_UP:
            continue
        moment = contact.at.astimezone(UTC)
        if previous is not None and moment - previous < interval:
            found.append((contact, previous))
        previous = moment
    return found
