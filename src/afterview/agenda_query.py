"""The agenda: one indexed query over the materialised plan, through any DB-API connection.

Kept free of SQLAlchemy so `afterview agenda` on the default SQLite file starts in
the time of the interpreter plus sqlite3; the service layer runs the same statement
through SQLAlchemy for PostgreSQL and for the web app. So for when the overdue steps'
opportunities were entered, which tells a catch-up from a lapse (P11, `day.py`): the
agenda's items carry `catch_up`, decided in Python by `day.mark_catch_ups`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

TYPE_CHECKING = False  # typing itself costs milliseconds on this path
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from typing import Any

    # runs a statement with `:name` placeholders: sqlite3's execute, or the repository's
    Rows = Callable[[str, dict[str, Any]], Iterable[Sequence[Any]]]
    # now on the candidate's wall clock: what "today" is (finding the zone can mean
    # loading the settings, so it is asked for only when a step could be a catch-up)
    Clock = Callable[[], datetime]

COLUMNS = (
    "key",
    "rule",
    "title",
    "opportunity_id",
    "interview_id",
    "person_id",
    "company",
    "role",
    "due_local",
    "effective_due_local",
    "effective_due_utc",
    "state",
    "why",
    "tz",
    "closed_at",
    "reason",
    "logs",
    "expires_utc",
    "step_id",
    "other_tz",
    "send_at_utc",
)
FAR_FUTURE = "9999-12-31T23:59:59Z"


class AgendaQuery:
    """What the user asked: the moment, how far ahead, and which states.

    A plain class: `dataclasses` pulls in `inspect` and `re`, ~6 ms of start-up.
    """

    __slots__ = ("at", "days", "everything_ahead", "include_closed", "with_guidance")

    def __init__(
        self,
        at: datetime,
        days: float = 0,
        everything_ahead: bool = False,
        include_closed: bool = False,
        with_guidance: bool = False,
    ) -> None:
        self.at = at
        self.days = days
        self.everything_ahead = everything_ahead
        self.include_closed = include_closed
        # the guidance is most of an item's bytes: only for those who show it
        self.with_guidance = with_guidance

    def columns(self) -> tuple[str, ...]:
        return (*COLUMNS, "guidance") if self.with_guidance else COLUMNS

    def horizon(self) -> str:
        if self.everything_ahead:
            return FAR_FUTURE
        return utc_text(self.at + timedelta(days=self.days))


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# The agenda item as SQLite builds it: the same shape as `to_item`, key for key (a test
# compares them), so the light path writes SQLite's JSON text without touching a row in
# Python — at 100,000 opportunities that halves the cost of a long agenda.
ITEM_SQL = {
    "closed_at": "closed_at",
    "company": "company",
    "due": "due_local",
    "expires": "expires_utc",
    "id": "step_id",
    "interview_id": "interview_id",
    "key": "key",
    "logs": "logs",
    "opportunity_id": "opportunity_id",
    "other_tz": "other_tz",
    "overdue": "json(CASE WHEN state IN ('pending', 'snoozed') "
    "AND effective_due_utc < :now THEN 'true' ELSE 'false' END)",
    "person_id": "person_id",
    "reason": "reason",
    "role": "role",
    "rule": "rule",
    "send_at": "send_at_utc",
    "snoozed_until": "CASE WHEN state = 'snoozed' THEN effective_due_local END",
    "state": "state",
    "title": "title",
    "tz": "tz",
    "why": "why",
}


# SQLite writes every item with `"catch_up":false` (a constant, first of the sorted keys,
# where `json_text` places it too); Python turns the few catch-ups' to true.
NOT_CAUGHT, CAUGHT = '{"catch_up":false,', '{"catch_up":true,'


def json_select(query: AgendaQuery) -> str:
    """Each item's JSON text, the order, and what `could_catch_up` needs: the item's
    opportunity and whether it is past due (its `overdue`)."""
    fields = dict(ITEM_SQL, catch_up="json('false')")
    if query.with_guidance:
        fields["guidance"] = "guidance"
    pairs = ", ".join(f"'{name}', {fields[name]}" for name in sorted(fields))
    past_due = "state IN ('pending', 'snoozed') AND effective_due_utc < :now"
    return f"json_object({pairs}), effective_due_utc, key, opportunity_id, {past_due}"


def sql(query: AgendaQuery, select: str | None = None) -> str:
    """The statement with `:name` placeholders (sqlite3 and SQLAlchemy's text() both read them).

    Open steps are read in two index ranges on (is_open, expires_utc, effective_due_utc):
    those that never expire, and those expiring after `now`. Steps that became moot
    long ago (the checklist of an interview years back) are never even scanned, so
    the cost follows what is open, not the length of the history.
    """
    columns = select or ", ".join(query.columns())
    due = "effective_due_utc <= :horizon"
    if query.include_closed:
        return (
            f"SELECT {columns} FROM actions WHERE {due} "
            "AND (is_open = 0 OR expires_utc IS NULL OR expires_utc > :now) "
            "ORDER BY effective_due_utc, key"
        )
    # `|| ''` keeps the second range on that index: once the file has statistics
    # (ANALYZE), SQLite would rather walk ix(effective_due_utc), every action ever
    # due (180 ms instead of 1.4 ms at 10,000 opportunities). Same rows; and unlike
    # a unary `+`, valid on PostgreSQL's text too.
    return (
        f"SELECT {columns} FROM actions WHERE is_open = 1 AND expires_utc IS NULL AND {due} "
        f"UNION ALL SELECT {columns} FROM actions "
        "WHERE is_open = 1 AND expires_utc > :now AND (effective_due_utc || '') <= :horizon "
        "ORDER BY effective_due_utc, key"
    )


def params(query: AgendaQuery) -> dict[str, str]:
    return {"horizon": query.horizon(), "now": utc_text(query.at)}


def fetch(connection: Any, query: AgendaQuery) -> list[dict[str, Any]]:
    """Run the agenda on a stdlib sqlite3 connection (the light path)."""
    return items(connection.execute(sql(query), params(query)).fetchall(), query)


def fetch_json(connection: Any, query: AgendaQuery, local_now: Clock) -> str:
    """The agenda as JSON text straight from SQLite: an array, one item per line, each
    with its `catch_up`: SQLite writes false, and the few rows that could be catch-ups
    (`could_catch_up`) are built into items for the rule to decide, on the day
    `local_now()` gives (asked only then)."""
    rows = connection.execute(sql(query, json_select(query)), params(query)).fetchall()
    if not rows:
        return "[]"
    # (opportunity, effective due if past due, text holding its why), soonest first
    steps = [(row[3], row[1] if row[4] else None, row[0]) for row in rows]
    maybe, entered = could_catch_up(steps, runner(connection))
    texts = [row[0] for row in rows]
    if maybe:
        import json

        from afterview.day import mark_catch_ups

        found = [json.loads(texts[n]) for n in maybe]
        mark_catch_ups(found, local_now(), lambda *_: entered)
        for n, item in zip(maybe, found, strict=True):
            if item["catch_up"]:
                texts[n] = CAUGHT + texts[n][len(NOT_CAUGHT) :]
    return "[\n" + ",\n".join(texts) + "\n]"


def with_catch_ups(
    found: list[dict[str, Any]], local_now: Clock, rows: Rows
) -> dict[int | None, datetime]:
    """Set each item's `catch_up` as `day.mark_catch_ups` decides it (`found` in the
    agenda's order, soonest first), reading through `rows` the entry moments of the
    past-due steps only; the rule decides just the steps that could be catch-ups
    (`could_catch_up`), on the day `local_now()` gives (asked only then). Returns the
    entry moments read (for `day.split_catch_ups`)."""
    steps = [
        (i["opportunity_id"], (i["snoozed_until"] or i["due"]) if i["overdue"] else None, i["why"])
        for i in found
    ]
    maybe, entered = could_catch_up(steps, rows)
    for item in found:
        item["catch_up"] = False
    if maybe:
        from afterview.day import mark_catch_ups

        mark_catch_ups([found[n] for n in maybe], local_now(), lambda *_: entered)
    return entered


def could_catch_up(
    steps: list[tuple[int | None, str | None, str]], rows: Rows
) -> tuple[list[int], dict[int | None, datetime]]:
    """Which of the agenda's `steps` the rule (`day.mark_catch_ups`, P11) could call
    catch-ups, by index, and the entry moments it needs. A step is given as (its
    opportunity, its due time if past due else None, a text holding its why), soonest
    first. Only a step re-planned as a catch-up (`CATCH_UP_MARK` in its text) or a
    past-due step of an opportunity (P9's: of the first interview) entered after the
    earliest of its past-due steps fell due can be one: thousands of steps at 100,000
    opportunities are thus never built into items nor parsed. Entry moments are read
    for the past-due steps' opportunities only, as `day.entries_needed` asks."""
    from afterview.playbook import CATCH_UP_MARK

    earliest: dict[int | None, str] = {}
    for opp, due, _ in steps:
        if due is not None:
            earliest.setdefault(opp, due)
    ids = [opp for opp in earliest if opp is not None]
    entered = entry_moments(rows, ids, None in earliest) if earliest else {}
    parse = datetime.fromisoformat  # the due times carry their offset (or Z)
    late = {o for o, due in earliest.items() if o in entered and parse(due) < entered[o]}
    maybe = [
        n
        for n, (opp, due, text) in enumerate(steps)
        if (due is not None and opp in late) or CATCH_UP_MARK in text
    ]
    return maybe, entered


def runner(connection: Any) -> Rows:
    """`Rows` on a stdlib sqlite3 connection."""
    return lambda statement, values: connection.execute(statement, values).fetchall()


def json_text(items: list[dict[str, Any]]) -> str:
    """The same layout from items built in Python (PostgreSQL, or a stale SQLite file)."""
    import json

    lines = [
        json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        for item in items
    ]
    return "[\n" + ",\n".join(lines) + "\n]" if lines else "[]"


def items(rows: Any, query: AgendaQuery) -> list[dict[str, Any]]:
    now = utc_text(query.at)
    columns = query.columns()
    return [to_item(dict(zip(columns, row, strict=True)), now) for row in rows]


def to_item(row: dict[str, Any], now_utc: str) -> dict[str, Any]:
    """The stable JSON shape of an agenda item (pinned by a test: a contract).

    `guidance` is there when the row carries it (`--guidance`, `opp show`, the calendar).
    `id` is the step's short id (`afterview done 3`), stable while the step exists.
    """
    snoozed = row["state"] == "snoozed"
    item = {
        "id": row.get("step_id"),
        "key": row["key"],
        "rule": row["rule"],
        "title": row["title"],
        "opportunity_id": row["opportunity_id"],
        "interview_id": row["interview_id"],
        "person_id": row["person_id"],
        "company": row["company"],
        "role": row["role"],
        "due": row["due_local"],
        "snoozed_until": row["effective_due_local"] if snoozed else None,
        "state": row["state"],
        "overdue": row["state"] in ("pending", "snoozed") and row["effective_due_utc"] < now_utc,
        "why": row["why"],
        "tz": row["tz"],
        "closed_at": row["closed_at"],
        "reason": row["reason"],
        "logs": row["logs"],
        "expires": row["expires_utc"],
        "other_tz": row.get("other_tz"),
        "send_at": row.get("send_at_utc"),
    }
    if "guidance" in row:
        item["guidance"] = row["guidance"]
    return item


# When the candidate-wide steps (P9) became known: the first interview not cancelled was
# entered; its opportunity's creation stands in for an interview entered before
# interviews kept that moment. Text order is time order on SQLite (store.types).
FIRST_INTERVIEW_ENTERED = (
    "SELECT COALESCE(i.recorded_at, o.created_at) FROM interviews i "
    "JOIN opportunities o ON o.id = i.opportunity_id "
    "WHERE NOT i.cancelled ORDER BY i.end_at, i.id LIMIT 1"
)
# Ids per statement, written as integer literals: binding thousands of named parameters
# cost sqlite3 more than reading their rows (2,236 at 100,000 opportunities: 4.5 ms
# against 1.8 ms), and literals know no limit on parameters; this bounds the text.
CHUNK = 5_000


def entry_moments(
    rows: Rows, opp_ids: Iterable[int], candidate_wide: bool
) -> dict[int | None, datetime]:
    """When each opportunity was entered and, under None when `candidate_wide`, the first
    interview: a step already past by then is a catch-up, not a lapse (P11)."""
    ids = sorted(set(opp_ids))
    found: dict[int | None, datetime] = {}
    for start in range(0, len(ids), CHUNK):
        listed = ", ".join(str(int(i)) for i in ids[start : start + CHUNK])  # ints only
        statement = f"SELECT id, created_at FROM opportunities WHERE id IN ({listed})"
        for opp_id, created in rows(statement, {}):
            found[opp_id] = instant(created)
    if candidate_wide:
        first = next(iter(rows(FIRST_INTERVIEW_ENTERED, {})), None)
        if first is not None:
            found[None] = instant(first[0])
    return found


def instant(value: Any) -> datetime:
    """A stored instant as an aware UTC datetime: SQLite keeps UTC text, PostgreSQL
    returns a timestamptz (the store's UTCDateTime, without SQLAlchemy)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
