"""0003 → 0004 (debrief_items.said_by, P5 attribution) on a database holding a
debrief: nothing lost, the new column empty, a person's deletion clears it."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from afterview.store.engine import (
    HEAD_REVISION,
    alembic_config,
    current_revision,
    migrate,
    open_engine,
)

ROWS = [
    "INSERT INTO opportunities (id, company, role, route, created_at) "
    "VALUES (1, 'Acme', 'Designer', 'direct', '2026-01-05T09:00:00Z')",
    "INSERT INTO people (id, opportunity_id, name, role, source) "
    "VALUES (7, 1, 'Zoë Brandt', 'interviewer', 'typed')",
    "INSERT INTO interviews (id, opportunity_id, round, start_at, end_at, tz, format, "
    "cancelled) VALUES (3, 1, 1, '2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z', "
    "'Europe/London', 'onsite', false)",
    "INSERT INTO debriefs (interview_id, recorded_at) VALUES (3, '2026-01-06T11:30:00Z')",
    "INSERT INTO debrief_items (interview_id, section, position, text) "
    "VALUES (3, 'nugget', 0, 'board meets monthly')",
]


def test_0003_upgrades_keeping_nuggets_and_adding_said_by(db_url: str) -> None:
    engine = open_engine(db_url)
    try:
        with engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "0003_mail")
            assert "said_by" not in {c["name"] for c in inspect(conn).get_columns("debrief_items")}
            for row in ROWS:
                conn.execute(text(row))
        migrate(engine)
        with engine.begin() as conn:
            assert current_revision(conn) == HEAD_REVISION
            assert conn.execute(text("SELECT text, said_by FROM debrief_items")).all() == [
                ("board meets monthly", None)
            ]
            conn.execute(text("UPDATE debrief_items SET said_by = 7"))
            conn.execute(text("DELETE FROM people WHERE id = 7"))  # ON DELETE SET NULL
            assert conn.execute(text("SELECT said_by FROM debrief_items")).scalar() is None
    finally:
        engine.dispose()
