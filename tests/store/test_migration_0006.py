"""0005 → 0006 on a database holding a debrief and a timeline: nothing lost, concerns
admitted as a debrief section, timelines start as "given", an empty debrief history."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

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
    "INSERT INTO interviews (id, opportunity_id, round, start_at, end_at, tz, format, "
    "cancelled) VALUES (3, 1, 1, '2026-01-06T10:00:00Z', '2026-01-06T11:00:00Z', "
    "'Europe/London', 'onsite', false)",
    "INSERT INTO debriefs (interview_id, recorded_at) VALUES (3, '2026-01-06T11:30:00Z')",
    "INSERT INTO debrief_items (interview_id, section, position, text) "
    "VALUES (3, 'nugget', 0, 'board meets monthly')",
    "INSERT INTO timelines (opportunity_id, recorded_at, decision_by) "
    "VALUES (1, '2026-01-06T11:00:00Z', '2026-01-20')",
]


def test_0005_upgrades_keeping_debriefs_and_timelines(db_url: str) -> None:
    engine = open_engine(db_url)
    try:
        with engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "0005_step_ids")
            assert "debrief_history" not in inspect(conn).get_table_names()
            for row in ROWS:
                conn.execute(text(row))
        migrate(engine)
        with engine.begin() as conn:
            assert current_revision(conn) == HEAD_REVISION
            assert conn.execute(text("SELECT text FROM debrief_items")).scalars().all() == [
                "board meets monthly"
            ]
            assert conn.execute(text("SELECT none_given FROM timelines")).scalar() in (0, False)
            assert conn.execute(text("SELECT count(*) FROM debrief_history")).scalar() == 0
            conn.execute(
                text(
                    "INSERT INTO debrief_items (interview_id, section, position, text) "
                    "VALUES (3, 'concern', 0, 'long hours')"
                )
            )
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO debrief_items (interview_id, section, position, text) "
                    "VALUES (3, 'gossip', 0, 'no such section')"
                )
            )
    finally:
        engine.dispose()
