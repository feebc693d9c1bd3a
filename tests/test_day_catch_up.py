"""What is to catch up rather than overdue (day.py), the one rule `afterview today` and
the web's Today page share: re-planned as a catch-up, or overdue but already past
when its opportunity (P9's: the first interview) was entered."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from afterview.day import (
    CATCH_UP,
    SECTIONS,
    entries_needed,
    is_catch_up,
    mark_catch_ups,
    section_of,
    split_catch_ups,
)
from afterview.playbook import CATCH_UP_MARK

ENTERED = {7: datetime(2026, 12, 5, 0, 9, tzinfo=UTC), None: datetime(2026, 12, 4, tzinfo=UTC)}


def step(key: str, due: str, opp: int | None = 7, **more: Any) -> dict[str, Any]:
    return {"key": key, "due": due, "snoozed_until": None, "opportunity_id": opp,
            "why": "the day after the interview (P4)", **more}  # fmt: skip


def test_past_on_entry_is_a_catch_up_only_in_overdue_and_strictly_before() -> None:
    before = step("P2:a", "2026-12-04T23:00:00+00:00")
    assert is_catch_up(before, "Overdue", ENTERED)
    assert not is_catch_up(before, "Due today", ENTERED)
    # due the very minute it was entered: it could still be done on time
    assert not is_catch_up(step("P2:b", "2026-12-05T00:09:00+00:00"), "Overdue", ENTERED)
    # another zone's wall clock, the same instant ordering
    assert is_catch_up(step("P2:c", "2026-12-05T01:08:00+01:00"), "Overdue", ENTERED)
    # an opportunity whose entry is not known is not guessed to be a catch-up
    assert not is_catch_up(step("P2:d", "2026-12-01T09:00:00+00:00", opp=8), "Overdue", ENTERED)


def test_a_candidate_wide_step_counts_from_the_first_interview() -> None:
    p9 = step("P9:keep-searching:n=1", "2026-12-03T09:00:00+00:00", opp=None)
    assert is_catch_up(p9, "Overdue", ENTERED)
    assert not is_catch_up(p9, "Overdue", {7: ENTERED[7]})  # no interview known


def test_a_snooze_after_entry_makes_it_the_candidate_s_own_lapse() -> None:
    snoozed = step("P2:e", "2026-12-04T09:00:00+00:00", snoozed_until="2026-12-06T09:00:00Z")
    assert not is_catch_up(snoozed, "Overdue", ENTERED)


def test_a_re_planned_catch_up_moves_from_any_section() -> None:
    why = f"interview entered 2 days after it, {CATCH_UP_MARK}: thank them now (P5)"
    assert is_catch_up(step("P5:x", "2026-12-07T17:30:00+00:00", why=why), "Coming up", {})


def test_split_keeps_every_section_and_the_agenda_order() -> None:
    why = f"so late, {CATCH_UP_MARK}"
    late, lapse = step("P2:a", "2026-12-04T23:00:00+00:00"), step("P4:b", "2026-12-06T09:00Z")
    today, soon = step("P4:c", "2026-12-07T09:00Z", why=why), step("P7:d", "2026-12-08T09:00Z")
    split = split_catch_ups(
        [("Overdue", [late, lapse]), ("Due today", [today]), ("Coming up", [soon])], ENTERED
    )
    assert split == [
        ("Overdue", [lapse]),
        (CATCH_UP, [late, today]),
        ("Due today", []),
        ("Coming up", [soon]),
    ]
    assert split_catch_ups([("Overdue", [lapse])], ENTERED) == [("Overdue", [lapse])]


def test_only_the_entry_moments_the_overdue_steps_need_are_asked_for() -> None:
    assert entries_needed([]) == ([], False)
    assert entries_needed([step("P4:a", "2026-12-04T09:00Z", opp=3)]) == ([3], False)
    assert entries_needed([step("P9:b", "2026-12-04T09:00Z", opp=None)]) == ([], True)


def test_entry_moments_are_read_in_chunks_and_from_the_first_interview() -> None:
    """The statements `afterview today` runs on sqlite3 (the service layer runs them too):
    more overdue opportunities than one statement takes, and the first interview not
    cancelled, entered when recorded, else when its opportunity was."""
    import sqlite3

    from afterview.agenda_query import CHUNK, entry_moments

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE opportunities (id INTEGER PRIMARY KEY, created_at TEXT)")
    conn.execute("CREATE TABLE interviews (id INTEGER PRIMARY KEY, opportunity_id INTEGER, "
                 "end_at TEXT, cancelled INTEGER, recorded_at TEXT)")  # fmt: skip
    count = 2 * CHUNK + 1
    conn.executemany(
        "INSERT INTO opportunities VALUES (?, ?)",
        [(n, f"2026-01-01T00:00:{n % 60:02d}.000000Z") for n in range(1, count + 1)],
    )
    conn.executemany(
        "INSERT INTO interviews VALUES (?, ?, ?, ?, ?)",
        [
            (1, 5, "2026-01-02T10:00:00.000000Z", 1, None),  # cancelled: not counted
            (2, 9, "2026-01-03T10:00:00.000000Z", 0, None),  # before recorded_at was kept
            (3, 4, "2026-01-04T10:00:00.000000Z", 0, "2026-01-09T08:00:00.000000Z"),
        ],
    )
    statements: list[str] = []

    def rows(sql: str, params: dict[str, Any]) -> list[Any]:
        statements.append(sql)
        return conn.execute(sql, params).fetchall()

    found = entry_moments(rows, [*range(1, count + 1), 3], candidate_wide=True)
    assert len(statements) == 4  # three chunks of ids, then the first interview
    assert len(found) == count + 1
    assert found[61] == datetime(2026, 1, 1, 0, 0, 1, tzinfo=UTC)
    assert found[None] == found[9]  # its opportunity's creation stands in
    conn.execute("UPDATE interviews SET cancelled = 1 WHERE id = 2")
    assert entry_moments(rows, [], True) == {None: datetime(2026, 1, 9, 8, tzinfo=UTC)}
    assert entry_moments(rows, [], False) == {}


LOCAL_NOW = datetime(2026, 12, 7, 10, tzinfo=ZoneInfo("Europe/London"))  # Monday 10:00


def agenda_step(key: str, due: str, opp: int | None = 7, **more: Any) -> dict[str, Any]:
    """A step as the agenda gives it: open, `overdue` when past due."""
    item = {"state": "pending", **step(key, due, opp, **more)}
    item.setdefault("overdue", datetime.fromisoformat(due) < LOCAL_NOW)
    return item


def test_the_agenda_marks_exactly_what_today_lists_to_catch_up() -> None:
    """`mark_catch_ups` (the agenda's `catch_up`) and `split_catch_ups` (Today) agree."""
    why = f"entered late, {CATCH_UP_MARK}"
    items = [
        agenda_step("P2:a", "2026-12-04T23:00:00+00:00"),  # before entry, on Friday
        agenda_step("P4:b", "2026-12-06T09:00:00+00:00"),  # after entry: a lapse
        agenda_step("P9:c", "2026-12-03T09:00:00+00:00", opp=None),  # before the first
        agenda_step("P5:d", "2026-12-08T09:00:00+00:00", why=why),  # re-planned, ahead
        agenda_step("P2:e", "2026-12-04T09:00:00+00:00", opp=8),  # entry unknown
        agenda_step("P2:f", "2026-12-04T09:00:00+00:00", state="done", overdue=False),
        agenda_step(  # snoozed until after entry: a lapse of the candidate's own
            "P2:g",
            "2026-12-04T09:00:00+00:00",
            state="snoozed",
            snoozed_until="2026-12-06T09:00:00+00:00",
        ),
    ]
    asked: list[tuple[list[int], bool]] = []

    def entered_of(ids: list[int], candidate_wide: bool) -> dict[int | None, datetime]:
        asked.append((sorted(set(ids)), candidate_wide))
        return {k: v for k, v in ENTERED.items() if k in ids or (k is None and candidate_wide)}

    entered = mark_catch_ups(items, LOCAL_NOW, entered_of)
    marked = [i["key"] for i in items if i["catch_up"]]
    assert marked == ["P2:a", "P9:c", "P5:d"]
    assert asked == [([7, 8], True)]  # once, for the steps in Overdue only
    open_ = [i for i in items if i["state"] != "done"]
    by_section = [(t, [i for i in open_ if section_of(i, LOCAL_NOW) == t]) for t in SECTIONS]
    assert dict(split_catch_ups(by_section, entered))[CATCH_UP] == [
        i for i in items if i["catch_up"]
    ]


def test_marking_reads_no_entry_moment_when_nothing_is_past_due() -> None:
    def never(ids: list[int], candidate_wide: bool) -> dict[int | None, datetime]:
        raise AssertionError("no entry moment is needed")

    items = [agenda_step("P4:a", "2026-12-08T09:00:00+00:00")]
    assert mark_catch_ups(items, LOCAL_NOW, never) == {}
    assert items[0]["catch_up"] is False
