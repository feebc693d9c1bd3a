"""The agenda through the service layer (PostgreSQL, the web app, the calendar export).

The CLI's light path runs the very same statements (`agenda_query.sql`, and
`entry_moments` for the catch-ups) on sqlite3.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from afterview.agenda_query import AgendaQuery, items, params, sql, with_catch_ups
from afterview.services.app import App


def agenda(app: App, query: AgendaQuery) -> list[dict[str, Any]]:
    with app.transaction(query.at) as repo:
        rows = repo.agenda_rows(sql(query), params(query))
    return items(rows, query)


def marked_agenda(
    app: App, query: AgendaQuery, local_now: datetime
) -> tuple[list[dict[str, Any]], dict[int | None, datetime]]:
    """The agenda with each item's `catch_up` (`day.mark_catch_ups`, "today" being
    `local_now`'s day), and the entry moments it read: only the overdue steps', in the
    same transaction as the agenda (so `day.split_catch_ups` splits the same way)."""
    with app.transaction(query.at) as repo:
        found = items(repo.agenda_rows(sql(query), params(query)), query)
        entered = with_catch_ups(found, lambda: local_now, repo.agenda_rows)
    return found, entered
