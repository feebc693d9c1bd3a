"""P11: steps already past when their interview was entered are catch-ups, not lapses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from afterview.playbook.actions import State
from afterview.playbook.lessons import ActionOutcome, punctuality

NOW = datetime(2026, 3, 12, 15, 0, tzinfo=UTC)
ENTERED = NOW - timedelta(hours=1)  # yesterday's interview, typed in an hour ago


def test_steps_past_before_they_were_known_count_neither_way() -> None:
    actions = [
        # due yesterday evening, before anyone knew of the interview: a catch-up
        ActionOutcome("P4", NOW - timedelta(hours=20), State.PENDING, None, known_from=ENTERED),
        ActionOutcome("P4", NOW - timedelta(hours=20), State.DONE, NOW, known_from=ENTERED),
        # due after it was entered, and left open: overdue, as before
        ActionOutcome("P4", NOW - timedelta(minutes=30), State.PENDING, None, known_from=ENTERED),
        # no date known (older data): judged as before
        ActionOutcome("P4", NOW - timedelta(hours=20), State.PENDING, None),
    ]
    (record,) = punctuality(actions, NOW)
    assert record.caught_up == 2
    assert record.overdue == 2 and record.on_time == 0 and record.late == 0
    assert record.due_so_far == 2  # the catch-ups are not held against the person
