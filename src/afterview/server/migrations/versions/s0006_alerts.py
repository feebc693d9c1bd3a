"""What each consultant has been alerted about by email, so no alert goes twice.

Revision ID: s0006_alerts
Revises: s0005_settings
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from afterview.store.types import UTCDateTime

revision: str = "s0006_alerts"
down_revision: str | Sequence[str] | None = "s0005_settings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AGENCY = "NULLIF(current_setting('afterview.agency', true), '')::bigint"
USER = "NULLIF(current_setting('afterview.user', true), '')::bigint"


def upgrade() -> None:
    op.create_table(
        "alerts_sent",
        sa.Column("agency_id", sa.BigInteger(), sa.ForeignKey("agencies.id"), nullable=False),
        sa.Column(
            "consultant_id",
            sa.BigInteger(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("consultant_id", "key"),
    )
    op.execute("ALTER TABLE alerts_sent ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY own_alerts ON alerts_sent "
        f"USING (agency_id = {AGENCY} AND consultant_id = {USER}) "
        f"WITH CHECK (agency_id = {AGENCY} AND consultant_id = {USER})"
    )


def downgrade() -> None:
    op.drop_table("alerts_sent")
