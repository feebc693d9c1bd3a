"""UTCDateTime: aware in, aware UTC out, on both databases; text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from afterview.store.types import NaiveDatetimeError, UTCDateTime

aware = st.datetimes(
    min_value=datetime(1900, 1, 2),
    max_value=datetime(9999, 12, 30),
    timezones=st.sampled_from(
        [UTC, ZoneInfo("Europe/London"), ZoneInfo("Asia/Kolkata"), timezone(timedelta(hours=-7))]
    ),
)


@given(aware)
def test_sqlite_text_round_trips_to_the_same_instant_in_utc(moment: datetime) -> None:
    kind, dialect = UTCDateTime(), sqlite.dialect()
    back = kind.process_result_value(kind.process_bind_param(moment, dialect), dialect)
    # Compare in UTC: Python never calls a wall time inside a DST fold equal across zones.
    assert back == moment.astimezone(UTC)
    assert back is not None and back.tzinfo is UTC


@given(aware, aware)
def test_sqlite_text_sorts_like_the_instants(a: datetime, b: datetime) -> None:
    kind, dialect = UTCDateTime(), sqlite.dialect()
    ta, tb = kind.process_bind_param(a, dialect), kind.process_bind_param(b, dialect)
    assert (ta < tb) == (a < b)
    assert len(ta) == len(tb)


def test_postgres_results_are_converted_to_utc() -> None:
    kind = UTCDateTime()
    local = datetime(2025, 3, 30, 1, 30, tzinfo=ZoneInfo("Europe/Paris"))
    back = kind.process_result_value(local, postgresql.dialect())
    assert back == local and back is not None and back.tzinfo is UTC


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()])
def test_naive_datetimes_are_refused_with_value_error(dialect: object) -> None:
    with pytest.raises(ValueError, match="naive"):
        UTCDateTime().process_bind_param(datetime(2025, 1, 1, 9), dialect)  # type: ignore[arg-type]


def test_both_databases_store_aware_and_return_utc(engine: Engine) -> None:
    table = Table(
        "probe", MetaData(), Column("id", Integer, primary_key=True), Column("at", UTCDateTime)
    )
    table.create(engine)
    moment = datetime(2025, 10, 26, 1, 30, 15, 123456, tzinfo=ZoneInfo("Europe/London"))
    with engine.begin() as conn:
        conn.execute(insert(table).values(id=1, at=moment))
        back = conn.execute(select(table.c.at)).scalar_one()
        with pytest.raises(NaiveDatetimeError):
            conn.execute(insert(table).values(id=2, at=datetime(2025, 1, 1)))
    assert back == moment.astimezone(UTC)  # 01:30 BST, the first of the two 01:30s
    assert back.tzinfo is UTC
    assert back.utcoffset() == timedelta(0)


def test_comparisons_in_sql_use_instants(engine: Engine) -> None:
    table = Table("probe2", MetaData(), Column("at", UTCDateTime))
    table.create(engine)
    paris = ZoneInfo("Europe/Paris")
    instants = [datetime(2025, 6, 1, h, tzinfo=paris) for h in (9, 10, 11)]
    with engine.begin() as conn:
        conn.execute(insert(table), [{"at": at} for at in instants])
        cutoff = datetime(2025, 6, 1, 8, 30, tzinfo=UTC)  # 10:30 in Paris
        later = conn.execute(select(table.c.at).where(table.c.at > cutoff)).scalars().all()
    assert later == instants[2:]
