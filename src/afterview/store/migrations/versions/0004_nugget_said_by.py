"""Nuggets name who said them: debrief_items.said_by → people.id (P5 attribution).

Revision ID: 0004_nugget_said_by
Revises: 0003_mail
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_nugget_said_by"
down_revision: str | Sequence[str] | None = "0003_mail"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # SQLite cannot add a foreign key in place: batch mode copies the table, keeping
    # AUTOINCREMENT so an id is never reused.
    with op.batch_alter_table(
        "debrief_items", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.add_column(sa.Column("said_by", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_debrief_items_said_by_people"),
            "people",
            ["said_by"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table(
        "debrief_items", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.drop_constraint(op.f("fk_debrief_items_said_by_people"), type_="foreignkey")
        batch.drop_column("said_by")
