"""0007 → 0008 on a database holding interviews: `interviews.end_at` gains an index, the
rows are untouched, and the first interview not cancelled — P9 counts from it, and a
step of P9's already past when it was entered is a catch-up (P11) — is read down that
index instead of a scan and sort of every interview. The downgrade drops it again."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from afterview.agenda_query import FIRST_INTERVIEW_ENTERED, instant
from afterview.store.engine import (
    HEAD_REVISION,
    alembic_config,
    current_revision,
    migrate,
    open_engine,
)

INDEX = "ix_interviews_end_at"
ROWS = [
    "INSERT INTO opportunities (id, company, role, route, created_at) "
    "VALUES (1, 'Acme', 'Designer', 'direct', '2026-01-05T09:00:00.000000Z')",
    # id, end, cancelled, recorded: the earliest is cancelled; the next, equal ends, by id
    *(
        "INSERT INTO interviews (id, opportunity_id, round, start_at, end_at, tz, format, "
        f"cancelled, recorded_at) VALUES ({n}, 1, {n}, '{end}', '{end}', 'Europe/London', "
        f"'onsite', {cancelled}, {recorded})"
        for n, end, cancelled, recorded in [
            (4, "2026-01-06T11:00:00.000000Z", "true", "NULL"),
            (6, "2026-01-08T11:00:00.000000Z", "false", "'2026-01-09T08:00:00.000000Z'"),
            (5, "2026-01-08T11:00:00.000000Z", "false", "'2026-01-08T12:00:00.000000Z'"),
            (7, "2026-01-20T11:00:00.000000Z", "false", "NULL"),
        ]
    ),
]


def _upgrade_to(conn: Connection, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = conn
    command.upgrade(config, revision)


def _indexes(conn: Connection) -> dict[str, list[str | None]]:
    return {i["name"] or "": i["column_names"] for i in inspect(conn).get_indexes("interviews")}


def _first_entered(conn: Connection) -> datetime:
    return instant(conn.execute(text(FIRST_INTERVIEW_ENTERED)).scalar())


def test_0007_upgrades_with_an_index_on_the_interviews_end(db_url: str) -> None:
    engine = open_engine(db_url)
    try:
        with engine.begin() as conn:
            _upgrade_to(conn, "0007_zones")
            assert INDEX not in _indexes(conn)
            for row in ROWS:
                conn.execute(text(row))
            before = _first_entered(conn)
        migrate(engine)
        with engine.begin() as conn:
            assert current_revision(conn) == HEAD_REVISION
            assert _indexes(conn)[INDEX] == ["end_at"]
            assert conn.execute(text("SELECT count(*) FROM interviews")).scalar() == 4
            # interview 5: ends first with 6, but has the smaller id; 4 is cancelled
            assert _first_entered(conn) == before == datetime(2026, 1, 8, 12, tzinfo=UTC)
            if engine.dialect.name == "sqlite":
                plan = " | ".join(
                    str(row[-1])
                    for row in conn.execute(text(f"EXPLAIN QUERY PLAN {FIRST_INTERVIEW_ENTERED}"))
                )
                assert INDEX in plan and "TEMP B-TREE" not in plan, plan
            else:  # PostgreSQL: down the index, sorting only the interviews that end together
                conn.execute(text("SET LOCAL enable_seqscan = off"))
                plan = " | ".join(
                    str(row[0]) for row in conn.execute(text(f"EXPLAIN {FIRST_INTERVIEW_ENTERED}"))
                )
                assert f"Index Scan using {INDEX}" in plan and "->  Sort " not in plan, plan
    finally:
        engine.dispose()


def test_0008_downgrades_dropping_only_the_index(db_url: str) -> None:
    engine = open_engine(db_url)
    try:
        migrate(engine)
        with engine.begin() as conn:
            for row in ROWS:
                conn.execute(text(row))
            config = alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, "0007_zones")
            assert INDEX not in _indexes(conn)
            assert current_revision(conn) == "0007_zones"
            assert conn.execute(text("SELECT count(*) FROM interviews")).scalar() == 4
    finally:
        engine.dispose()
