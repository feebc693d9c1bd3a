"""The agenda: one indexed query over the materialised plan, through any DB-API connection.

Kept free of SQLAlchemy so `afterview agenda` on the default SQLite file starts in
the time of the interpreter plus sqlite3; the service layer runs the same statement
through SQLAlchemy for PostgreSQL and for the web app. So for when the overdue steps'
opportunities were entered, which tells a catch-up from a lapse (P11, `day.py`).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

TYPE_CHECKING = False  # typing itself costs milliseconds on this path
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from typing import Any

    # runs a statement with `:name` placeholders: sqlite3's execute, or the repository's
    Rows = Callable[[str, dict[str, Any]], Iterable[Sequence[Any]]]

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


def json_select(query: AgendaQuery) -> str:
    fields = dict(ITEM_SQL, guidance="guidance") if query.with_guidance else ITEM_SQL
    pairs = ", ".join(f"'{name}', {fields[name]}" for name in sorted(fields))
    return f"json_object({pairs}), effective_due_utc, key"


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


def fetch_json(connection: Any, query: AgendaQuery) -> str:
    """The agenda as JSON text straight from SQLite: an array, one item per line."""
    rows = connection.execute(sql(query, json_select(query)), params(query)).fetchall()
    return "[\n" + ",\n".join(row[0] for row in rows) + "\n]" if rows else "[]"


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
CHUNK = 500  # ids per statement: well under any SQLite build's limit on parameters


def entry_moments(
    rows: Rows, opp_ids: Iterable[int], candidate_wide: bool
) -> dict[int | None, datetime]:
    """When each opportunity was entered and, under None when `candidate_wide`, the first
    interview: a step already past by then is a catch-up, not a lapse (P11)."""
    ids = sorted(set(opp_ids))
    found: dict[int | None, datetime] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ", ".join(f":o{n}" for n in range(len(chunk)))
        statement = f"SELECT id, created_at FROM opportunities WHERE id IN ({marks})"
        for opp_id, created in rows(statement, {f"o{n}": i for n, i in enumerate(chunk)}):
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
