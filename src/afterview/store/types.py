"""Column types that keep the store's time handling identical on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DontWrapMixin
from sqlalchemy.types import DateTime, Text, TypeDecorator, TypeEngine


class NaiveDatetimeError(DontWrapMixin, ValueError):
    """A datetime without a zone reached the store; its instant is unknowable.

    `DontWrapMixin` lets it surface as itself instead of inside SQLAlchemy's
    StatementError, so callers can catch a plain ValueError.
    """


class UTCDateTime(TypeDecorator[datetime]):
    """An instant: `timestamptz` on PostgreSQL, fixed-format UTC text on SQLite.

    Accepts only aware datetimes and always returns aware UTC ones, whatever the
    server's or the session's time zone.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Text())
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        utc = to_utc(value)
        return sqlite_text(utc) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        if moment.tzinfo is None:  # only text written by another tool can lack a zone
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)


def to_utc(value: datetime) -> datetime:
    """The same instant in UTC; refuses naive datetimes."""
    if not isinstance(value, datetime):
        raise TypeError(f"expected a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(f"naive datetime {value.isoformat()} has no time zone")
    return value.astimezone(UTC)


def sqlite_text(utc: datetime) -> str:
    """Fixed-width UTC text ('2024-03-12T09:30:00.000000Z'): text order is time order."""
    return utc.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"
