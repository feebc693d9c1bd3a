"""The one-row mail settings table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.engine import RowMapping

from afterview.store import schema as t


def get_mail_settings(conn: Connection) -> RowMapping | None:
    return conn.execute(select(t.mail_settings).where(t.mail_settings.c.id == 1)).mappings().first()


def put_mail_settings(conn: Connection, values: dict[str, Any]) -> None:
    """Replace the row (it is one row; replacing keeps the code the same on both databases)."""
    conn.execute(delete(t.mail_settings))
    conn.execute(insert(t.mail_settings).values(id=1, **values))
