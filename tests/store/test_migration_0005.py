"""0004 → 0005 (short step ids) on a database holding a plan: every planned step gets a
short id, open ones first by due time; the plan and decisions are untouched, and ids
then survive re-planning and are never reused."""

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
from afterview.store.repository import Repository

FACTS = [
    "INSERT INTO opportunities (id, company, role, route, created_at) "
    "VALUES (1, 'Acme', 'Designer', 'direct', '2026-01-05T09:00:00Z')",
    "INSERT INTO decisions (key, opportunity_id, kind, at) "
    "VALUES ('P4:debrief:interview=3', 1, 'done', '2026-01-06T11:30:00Z')",
]
# key, opportunity, effective due, state, is_open
PLAN = [
    ("P4:debrief:interview=3", 1, "2026-01-06T12:00:00Z", "done", 0),
    ("P5:thank-you:interview=3:person=7", 1, "2026-01-07T09:00:00Z", "pending", 1),
    ("P9:keep-searching:n=1", None, "2026-01-06T09:00:00Z", "pending", 1),
]


def _action(key: str, opp: int | None, due: str, state: str, is_open: int) -> str:
    opp_text = "NULL" if opp is None else str(opp)
    return (
        "INSERT INTO actions (key, opportunity_id, rule, title, guidance, why, tz, due_utc, "
        "due_local, effective_due_utc, effective_due_local, state, is_open) VALUES "
        f"('{key}', {opp_text}, '{key[:2]}', 't', 'g', 'w', 'UTC', '{due}', '{due}', "
        f"'{due}', '{due}', '{state}', {is_open})"
    )


def test_0004_upgrades_numbering_the_planned_steps(db_url: str) -> None:
    engine = open_engine(db_url)
    try:
        with engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "0004_nugget_said_by")
            assert "step_id" not in {c["name"] for c in inspect(conn).get_columns("actions")}
            for statement in [*FACTS, *(_action(*row) for row in PLAN)]:
                conn.execute(text(statement))
        migrate(engine)
        with engine.begin() as conn:
            assert current_revision(conn) == HEAD_REVISION  # 0005 and any later one
            ids = dict(conn.execute(text("SELECT key, step_id FROM actions")).all())
            # open steps first, by due time; the done debrief last
            assert ids == {
                "P9:keep-searching:n=1": 1,
                "P5:thank-you:interview=3:person=7": 2,
                "P4:debrief:interview=3": 3,
            }
            assert conn.execute(text("SELECT count(*) FROM decisions")).scalar() == 1
            repo = Repository(conn)
            rows = [dict(r) for r in repo.actions_for(1)]
            # re-planning keeps the ids, a new step gets the next, a gone one's id is not reused
            kept = [r for r in rows if r["key"].startswith("P5")]
            fresh = {**kept[0], "key": "P7:reflect:interview=3"}
            for row in (*kept, fresh):
                row.pop("step_id")
            repo.replace_actions(1, [*kept, fresh])
            after = dict(conn.execute(text("SELECT key, step_id FROM actions")).all())
            assert after["P5:thank-you:interview=3:person=7"] == 2
            assert after["P7:reflect:interview=3"] == 4
            assert "P4:debrief:interview=3" not in after
            assert repo.action_key_for_step(3) is None  # its step left the plan
            assert repo.action_key_for_step(2) == "P5:thank-you:interview=3:person=7"
            repo.delete_opportunity(1)  # its ids go with it (cascade)
            assert conn.execute(text("SELECT key FROM step_ids")).scalars().all() == [
                "P9:keep-searching:n=1"
            ]
    finally:
        engine.dispose()
