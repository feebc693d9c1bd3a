"""Interviews across time zones: the organisation's zone and public holidays.

- `opportunities.org_tz`: the zone the interviewers (the organisation) work in, when
  it differs from the zone the interview's times were given in; thank-yous and
  follow-ups land in their working hours (P5, P8).
- `opportunities.holiday_country`: whose public holidays the organisation keeps
  ("US", "GB-SCT"); empty means the `holiday_country` setting.
- `interviews.recorded_at`: when the interview was entered; one entered after its
  steps fell due gets a catch-up plan instead of losing them (NULL for older rows).
- `actions.other_tz`, `actions.send_at_utc`: the materialised plan says when a
  message lands in the recipient's zone, beside the candidate's own due time.

Revision ID: 0007_zones
Revises: 0006_debrief_history
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from afterview.store.types import UTCDateTime

revision: str = "0007_zones"
down_revision: str | Sequence[str] | None = "0006_debrief_history"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table(
        "opportunities", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.add_column(sa.Column("org_tz", sa.Text()))
        batch.add_column(sa.Column("holiday_country", sa.Text()))
    with op.batch_alter_table("interviews", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(sa.Column("recorded_at", UTCDateTime()))
    with op.batch_alter_table("actions") as batch:
        batch.add_column(sa.Column("other_tz", sa.Text()))
        batch.add_column(sa.Column("send_at_utc", sa.Text()))


def downgrade() -> None:
    with op.batch_alter_table("actions") as batch:
        batch.drop_column("send_at_utc")
        batch.drop_column("other_tz")
    with op.batch_alter_table("interviews", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("recorded_at")
    with op.batch_alter_table(
        "opportunities", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.drop_column("holiday_country")
        batch.drop_column("org_tz")
