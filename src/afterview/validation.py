"""One set of rules for every value Afterview stores, whichever door it came in by.

The CLI, the web forms and API, invitations, vCards and `import json` all end in
the services; the services call the field checks here before any write, and the
backup import runs every row of every table through `check_backup` before the
first insert. So no path can store what another would refuse: a 100,000-character
company, a NUL byte, text in a number column, an id PostgreSQL cannot hold.

Two levels:
- field checks (`line`, `text`, `email`, `record_id`…) used by the use cases, which
  also tidy what a person typed (surrounding spaces);
- `check_backup`, which derives a rule for every column from the schema (its type
  and nullability) and overlays the rules below (lengths, single line, emails,
  enums, scores), and checks without changing anything, so a backup round-trips.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypedDict

from afterview.errors import BadInput
from afterview.text_safety import unsafe_character

if TYPE_CHECKING:
    from sqlalchemy import Column, Table

BIGINT_MAX = 2**63 - 1  # SQL BIGINT (mail_seen's UIDs)
INT_MAX = 2**31 - 1  # SQL INTEGER: every id and most number columns on PostgreSQL
MIN_YEAR, MAX_YEAR = 1900, 2999  # plans add weeks to times: stay far from datetime's limits

NAME = 200  # company, role, person, competitor, place (the web forms' limits too)
PHONE = 40
NOTE = 2000  # a note on a contact or a reply; the fit reflection's concerns
DEBRIEF_ITEM = 2000
MACHINE_TEXT = 1_000_000  # drafts' bodies, server replies: no person types these in a field


def line(value: object, what: str, max_length: int = NAME) -> str:
    """One line of text a person typed, trimmed: not empty, not too long, no controls."""
    if not isinstance(value, str):
        raise BadInput(f"{what} must be text.")
    from afterview.parsing import require_text

    return require_text(value, what, max_length)


def optional_line(value: object, what: str, max_length: int = NAME) -> str | None:
    """`line`, where empty (or absent) means "not given"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return line(value, what, max_length)


def text(value: object, what: str, max_length: int = NOTE) -> str | None:
    """Free text (line breaks and tabs allowed), trimmed; empty means not given."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadInput(f"{what} must be text.")
    stripped = value.strip()
    if not stripped:
        return None
    _fits(stripped, what, max_length, multiline=True)
    return stripped


def _fits(value: str, what: str, max_length: int, *, multiline: bool) -> None:
    if len(value) > max_length:
        raise BadInput(f"{what} is too long ({len(value)} characters; at most {max_length}).")
    bad = unsafe_character(value, multiline=multiline)
    if bad is not None:
        raise BadInput(f"{what} must not contain {bad}.")


def email(value: object, what: str = "The email address") -> str:
    """A syntactically valid address, normalised (no DNS look-up: Afterview works offline)."""
    from afterview.parsing import parse_email

    return parse_email(line(value, what, 254))


def optional_email(value: object, what: str = "The email address") -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return email(value, what)


def record_id(value: int, not_found: Callable[[int], Exception]) -> int:
    """An id a command or a URL names. Ids are SQL INTEGER columns (PostgreSQL refuses
    to even compare one with 2^31 in a query): outside 1..2^31-1 no record can exist,
    so the answer is "No opportunity N" without asking the database."""
    if not 1 <= value <= INT_MAX:
        raise not_found(value)
    return value


def score(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise BadInput(f"{what} must be a score from 1 to 5, not {value}.")
    return value


def year_in_range(moment: date, what: str) -> None:
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise BadInput(f"{what} must be in a year from {MIN_YEAR} to {MAX_YEAR}.")


# --- one validator per record type, called by the use cases --------------------------


def clipped(value: str | None, max_length: int = NAME) -> str | None:
    """A value read from a file (an invitation, a card), cut to what a person could type
    in the same field: imports keep what they can rather than refuse a whole file, and
    never store what the commands would refuse."""
    if value is None:
        return None
    text = " ".join(value.split())
    return text if len(text) <= max_length else text[: max_length - 1].rstrip() + "…"


def opportunity(company: object, role: object) -> tuple[str, str]:
    return line(company, "The company"), line(role, "The role")


class PersonFields(TypedDict):
    name: str
    email: str | None
    phone: str | None
    title: str | None


def person(
    name: object,
    email_: object = None,
    phone: object = None,
    title: object = None,
    what: str = "The name",
) -> PersonFields:
    """A person met (P3): the name is required; the rest is optional."""
    return {
        "name": line(name, what),
        "email": optional_email(email_),
        "phone": optional_line(phone, "The phone number", PHONE),
        "title": optional_line(title, "The job title"),
    }


def person_changes(changes: Mapping[str, object]) -> dict[str, object]:
    """Only the given fields of a person, each checked as `person` checks it."""
    checks: dict[str, Callable[[object], object]] = {
        "name": lambda v: line(v, "The name"),
        "email": email,
        "phone": lambda v: line(v, "The phone number", PHONE),
        "title": lambda v: line(v, "The job title"),
    }
    return {k: checks[k](v) if k in checks else v for k, v in changes.items()}


PLACE = 2000  # a place is often a meeting link (Teams links run past 300 characters)


def location(value: object) -> str | None:
    return optional_line(value, "The place", PLACE)


def note(value: object, what: str = "The note") -> str | None:
    return text(value, what, NOTE)


def debrief_item(value: object, what: str) -> str:
    return line(value, what, DEBRIEF_ITEM)


# --- the backup: every column of every table -------------------------------------------


@dataclass(frozen=True)
class Rule:
    """What one column may hold in a backup; `None` is decided by the column's nullability."""

    check: Callable[[Any], str | None]  # a description of what is wrong, or None


def _is_int(low: int, high: int) -> Rule:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return f"must be a whole number, not {_shown(value)}"
        if not low <= value <= high:
            return f"{value} is outside {low}..{high}"
        return None

    return Rule(check)


def _is_text(max_length: int, *, multiline: bool = True, required: bool = False) -> Rule:
    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return f"must be text, not {_shown(value)}"
        if required and not value.strip():
            return "must not be empty"
        if len(value) > max_length:
            return f"is too long ({len(value)} characters; at most {max_length})"
        bad = unsafe_character(value, multiline=multiline)
        return None if bad is None else f"must not contain {bad}"

    return Rule(check)


def _is_choice(allowed: frozenset[str]) -> Rule:
    def check(value: Any) -> str | None:
        if isinstance(value, str) and value in allowed:
            return None
        if len(allowed) > 100:  # the time zones
            return f"unknown time zone {_shown(value)}"
        return f"{_shown(value)} is not one of {', '.join(sorted(allowed))}"

    return Rule(check)


def _is_email(value: Any) -> str | None:
    problem = _is_text(254, multiline=False, required=True).check(value)
    if problem is not None:
        return problem
    try:
        email(value)
    except BadInput:
        return f"{_shown(value)} is not a valid email address"
    return None


def _is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"must be true or false, not {_shown(value)}"


def _is_moment(value: Any) -> str | None:
    if not isinstance(value, str) or len(value) > 40:
        return f"must be an ISO 8601 time, not {_shown(value)}"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return f"{_shown(value)} is not an ISO 8601 time"
    if moment.tzinfo is None:
        return f"{_shown(value)} has no offset (write it in UTC, e.g. +00:00)"
    return (
        None if MIN_YEAR <= moment.year <= MAX_YEAR else f"{value} is outside {MIN_YEAR}–{MAX_YEAR}"
    )


def _is_day(value: Any) -> str | None:
    if not isinstance(value, str) or len(value) > 10:
        return f"must be a date YYYY-MM-DD, not {_shown(value)}"
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return f"{_shown(value)} is not a date YYYY-MM-DD"
    return None if MIN_YEAR <= day.year <= MAX_YEAR else f"{value} is outside {MIN_YEAR}–{MAX_YEAR}"


def _shown(value: Any) -> str:
    """A value in an error message, cut short."""
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "…"


SINGLE_LINE = {
    ("opportunities", "company"): NAME,
    ("opportunities", "role"): NAME,
    ("people", "name"): NAME,
    ("people", "phone"): PHONE,
    ("people", "title"): NAME,
    ("interviews", "location"): 10 * NAME,  # invitations bring long meeting links
    ("competitors", "name"): NAME,
    ("debrief_items", "text"): DEBRIEF_ITEM,
    ("debrief_questions", "question"): DEBRIEF_ITEM,
    ("debrief_questions", "add_next_time"): DEBRIEF_ITEM,
    ("profile", "name"): 120,
    ("profile", "phone"): PHONE,
    ("profile", "experience"): 300,
    ("profile", "language"): 20,
    ("messages", "subject"): 5 * NAME,  # generated from the role: longer than a typed one
    ("messages", "to_name"): 5 * NAME,
    ("words", "word"): 60,
}
REQUIRED_TEXT = {
    ("opportunities", "company"),
    ("opportunities", "role"),
    ("people", "name"),
    ("competitors", "name"),
    ("debrief_items", "text"),
    ("debrief_questions", "question"),
    ("profile", "name"),
    ("words", "word"),
}
MULTILINE = {
    ("contacts", "note"): NOTE,
    ("replies", "note"): NOTE,
    ("reflections", "concerns"): NOTE,
    ("profile", "signature"): 500,
    ("profile", "skills"): 20 * 81,
}
EMAILS = {("people", "email"), ("profile", "email"), ("messages", "to_email")}


def _column_rule(table: str, column: Column[Any]) -> Rule:
    """The rule for one column: the overlays above first, else what its type allows."""
    from sqlalchemy import BigInteger, Boolean, Date, Integer

    from afterview.store.schema import SCORES
    from afterview.store.types import UTCDateTime

    place = (table, column.name)
    if place == ("profile", "language"):
        from afterview.writing.context import LANGUAGES

        return _is_choice(frozenset(LANGUAGES))
    enums = _enum_values()
    if place in enums:
        return _is_choice(enums[place])
    if place in EMAILS:
        return Rule(_is_email)
    if place in SINGLE_LINE:
        return _is_text(SINGLE_LINE[place], multiline=False, required=place in REQUIRED_TEXT)
    if place in MULTILINE:
        return _is_text(MULTILINE[place])
    if table == "reflections" and column.name in SCORES:
        return _is_int(1, 5)
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return Rule(_is_moment)
    if isinstance(kind, Date):
        return Rule(_is_day)
    if isinstance(kind, Boolean):
        return Rule(_is_bool)
    if isinstance(kind, BigInteger):
        return _is_int(-BIGINT_MAX - 1, BIGINT_MAX)
    if isinstance(kind, Integer):
        return _is_int(-INT_MAX - 1, INT_MAX)
    return _is_stored_text(MACHINE_TEXT)


def _is_stored_text(max_length: int) -> Rule:
    """Text no person typed into a field (drafts, server replies): what a database can hold."""

    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return f"must be text, not {_shown(value)}"
        if len(value) > max_length:
            return f"is too long ({len(value)} characters; at most {max_length})"
        if "\x00" in value:
            return "must not contain a NUL byte"
        return None if _encodable(value) else "is not valid Unicode text"

    return Rule(check)


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=1)
def _enum_values() -> dict[tuple[str, str], frozenset[str]]:
    """Every enum and time-zone column, with the values this version knows."""
    from enum import StrEnum
    from zoneinfo import available_timezones

    from afterview.playbook import facts
    from afterview.playbook.actions import DecisionKind

    enums: dict[tuple[str, str], type[StrEnum]] = {
        ("opportunities", "route"): facts.Route,
        ("opportunities", "status"): facts.Status,
        ("people", "role"): facts.PersonRole,
        ("people", "source"): facts.Source,
        ("interviews", "format"): facts.InterviewFormat,
        ("timelines", "follow_up_how"): facts.Channel,
        ("contacts", "kind"): facts.ContactKind,
        ("contacts", "channel"): facts.Channel,
        ("debriefs", "overall"): facts.Overall,
        ("debrief_questions", "quality"): facts.AnswerQuality,
        ("debrief_questions", "reason"): facts.AnswerReason,
        ("reflections", "decision"): facts.FitDecision,
        ("outcomes", "outcome"): facts.Outcome,
        ("decisions", "kind"): DecisionKind,
    }
    known = {place: frozenset(m.value for m in kind) for place, kind in enums.items()}
    zones = frozenset(available_timezones())
    return known | {("opportunities", "tz"): zones, ("interviews", "tz"): zones}


@lru_cache(maxsize=1)
def _table_rules() -> dict[str, tuple[Table, dict[str, Rule]]]:
    from afterview.store.repository import DUMP_TABLES

    return {
        table.name: (table, {c.name: _column_rule(table.name, c) for c in table.columns})
        for table in DUMP_TABLES
    }


def check_backup(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
    """Every row of every table holds what the use cases would have written; writes nothing.

    Raises BadInput naming the table, the row and the column of the first problem.
    """
    from afterview.store.repository import ID_COUNTERS

    rules = _table_rules()
    for name, rows in tables.items():
        if name == ID_COUNTERS:
            _check_counters(rows)
            continue
        if name not in rules:
            continue  # the store names unknown tables itself
        table, columns = rules[name]
        for n, row in enumerate(rows, 1):
            _check_row(table, columns, row, n)


def _check_row(table: Table, columns: Mapping[str, Rule], row: Mapping[str, Any], n: int) -> None:
    for column in table.columns:
        value = row.get(column.name)
        if value is None:
            if not column.nullable and column.server_default is None and not _auto_id(column):
                _refuse(table.name, n, row, column.name, "is missing")
            continue
        problem = columns[column.name].check(value)
        if problem is not None:
            _refuse(table.name, n, row, column.name, problem)


def _auto_id(column: Column[Any]) -> bool:
    return bool(column.primary_key and column.autoincrement is True)


def _check_counters(rows: Sequence[Mapping[str, Any]]) -> None:
    counter = _is_int(0, BIGINT_MAX)
    for n, row in enumerate(rows, 1):
        problem = counter.check(row.get("last_id"))
        if problem is not None or not isinstance(row.get("table"), str):
            _refuse("_id_counters", n, row, "last_id", problem or "names no table")


def _refuse(table: str, n: int, row: Mapping[str, Any], column: str, problem: str) -> None:
    ident = row.get("id")
    which = f"{table} row {n}" + (f", id {ident}" if isinstance(ident, int) else "")
    what = problem if problem.startswith("unknown") else f"{table}.{column} {problem}"
    raise BadInput(f"The backup's content is malformed: {what} ({which}).")
