"""Debriefs are never lost; concerns have a place; "no timeline given yet" is a fact.

- `debrief_history`: the earlier version of a debrief, kept whenever one is added to
  or replaced (P4: the notes feed P10 and P11, even when they are rewritten).
- `debrief_items.section` admits "concern": anything seen or heard that caused
  concern, written while fresh (P4), ready for the fit reflection (P7).
- `timelines.none_given`: the candidate asked and no timeline was given yet; P6 then
  asks again later instead of counting the question as answered.

Revision ID: 0006_debrief_history
Revises: 0005_step_ids
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from afterview.store.types import UTCDateTime

revision: str = "0006_debrief_history"
down_revision: str | Sequence[str] | None = "0005_step_ids"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_SECTIONS = ("went_well", "cover_more", "nugget", "new_question", "liked", "disliked")
NEW_SECTIONS = (*OLD_SECTIONS, "concern")


def _in(values: tuple[str, ...]) -> str:
    return f"section IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "debrief_history",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "interview_id",
            sa.Integer(),
            sa.ForeignKey(
                "interviews.id",
                name=op.f("fk_debrief_history_interview_id_interviews"),
                ondelete="CASCADE",
            ),
            nullable=False,
        ),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("replaced_at", UTCDateTime(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_debrief_history")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_debrief_history_interview_id"), "debrief_history", ["interview_id"])
    _sections(NEW_SECTIONS)
    with op.batch_alter_table("timelines", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(
            sa.Column("none_given", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("timelines", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("none_given")
    op.execute("DELETE FROM debrief_items WHERE section = 'concern'")
    _sections(OLD_SECTIONS)
    op.drop_index(op.f("ix_debrief_history_interview_id"), table_name="debrief_history")
    op.drop_table("debrief_history")


def _sections(allowed: tuple[str, ...]) -> None:
    # SQLite cannot change a CHECK in place: batch mode copies the table (AUTOINCREMENT kept).
    with op.batch_alter_table(
        "debrief_items", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.drop_constraint(op.f("ck_debrief_items_section"), type_="check")
        batch.create_check_constraint(op.f("ck_debrief_items_section"), _in(allowed))
