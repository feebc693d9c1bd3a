"""The agenda through the service layer (PostgreSQL, the web app, the calendar export).

The CLI's light path runs the very same statement (`agenda_query.sql`) on sqlite3.
"""

from __future__ import annotations

from typing import Any

from afterview.agenda_query import AgendaQuery, items, params, sql
from afterview.services.app import App


def agenda(app: App, query: AgendaQuery) -> list[dict[str, Any]]:
    with app.transaction(query.at) as repo:
        rows = repo.agenda_rows(sql(query), params(query))
    return items(rows, query)
