"""An index on `interviews.end_at`: the first interview without scanning them all.

P9's candidate-wide steps count from the first interview not cancelled, and a step
of theirs already past when that interview was entered is a catch-up (P11). Both
read it as `ORDER BY end_at, id LIMIT 1` (agenda_query.FIRST_INTERVIEW_ENTERED,
Repository.first_interview): without an index that scans and sorts every interview
(40–60 ms at 100,000 opportunities, on each agenda while a P9 reminder is overdue);
with it, one step down the index (docs/benchmarks.md).

Revision ID: 0008_interview_end_index
Revises: 0007_zones
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008_interview_end_index"
down_revision: str | Sequence[str] | None = "0007_zones"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_interviews_end_at"), "interviews", ["end_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_interviews_end_at"), table_name="interviews")
