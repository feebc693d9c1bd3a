"""Short step ids: `step_ids` maps an action key to a small integer, kept across re-planning.

The plan (`actions`) is rewritten on every refresh; a step's short id must not move
with it, so it lives in its own table, given on first sight and never reused
(AUTOINCREMENT). `actions.step_id` repeats it so the agenda reads one table.
Existing steps are numbered open ones first (by due time), so the ids people type
today are the smallest.

Revision ID: 0005_step_ids
Revises: 0004_nugget_said_by
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_step_ids"
down_revision: str | Sequence[str] | None = "0004_nugget_said_by"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "step_ids",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column(
            "opportunity_id",
            sa.Integer(),
            sa.ForeignKey(
                "opportunities.id",
                name=op.f("fk_step_ids_opportunity_id_opportunities"),
                ondelete="CASCADE",
            ),
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_ids")),
        sa.UniqueConstraint("key", name=op.f("uq_step_ids_key")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_step_ids_opportunity_id"), "step_ids", ["opportunity_id"])
    op.add_column("actions", sa.Column("step_id", sa.Integer(), nullable=True))
    # Number what is planned: open steps first, each group by due time then key.
    op.execute(
        "INSERT INTO step_ids (key, opportunity_id) "
        "SELECT key, opportunity_id FROM actions "
        "ORDER BY is_open DESC, effective_due_utc, key"
    )
    op.execute(
        "UPDATE actions SET step_id = (SELECT s.id FROM step_ids s WHERE s.key = actions.key)"
    )


def downgrade() -> None:
    with op.batch_alter_table("actions") as batch:
        batch.drop_column("step_id")
    op.drop_index(op.f("ix_step_ids_opportunity_id"), table_name="step_ids")
    op.drop_table("step_ids")
