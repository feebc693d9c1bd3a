"""Draft requests for a made-up candidate, drawn at random from given lists: shared by
the complaint model's corpus (bench/complaints_corpus.py, which learns from drafts built
from one set of lists) and its test (test_tone_model.py, which checks drafts built from
other lists)."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta

from afterview.writing.drafts_model import KINDS, DraftRequest, Profile, Recipient


def requests(
    seed: int,
    count: int,
    skills: Sequence[str],
    experience: Sequence[str],
    roles: Sequence[tuple[str, str]],
    nuggets: Sequence[str | None],
    recipients: Sequence[str],
) -> Iterator[DraftRequest]:
    rng = random.Random(seed)
    for index in range(count):
        role, organisation = rng.choice(roles)
        start = datetime(2026, 3, 2, 10, tzinfo=UTC) + timedelta(days=rng.randrange(300))
        yield DraftRequest(
            kind=rng.choice(KINDS),
            profile=Profile(
                name="Jordan Reyes",
                email="jordan@example.org",
                skills=tuple(rng.choice(skills).split(", ")),
                experience=rng.choice(experience),
                language=rng.choice(("en-GB", "en-US")),
            ),
            organisation=organisation,
            role=role,
            recipient=Recipient(rng.choice(recipients)),
            interview_start=start,
            interview_round=rng.choice((None, 1, 2)),
            nugget=rng.choice(nuggets),
            decision_date=date(2026, 3, 20) + timedelta(days=rng.randrange(300)),
            last_contact=date(2026, 3, 12) + timedelta(days=rng.randrange(300)),
            follow_ups_sent=rng.randrange(3),
            seed=index,
            written_on=start.date() + timedelta(days=rng.randrange(3)),
        )
