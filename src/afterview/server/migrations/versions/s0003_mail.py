"""Candidates' mail passwords, encrypted with the server's key (never in clear).

One row per account and kind (smtp, imap). `entry` names the server the password
was typed for (kind:user@host): a password is only ever offered to that server.
`ciphertext` is AES-256-GCM under the key `key_id` names (`server.server_key`);
the key itself is never in the database. Row-level security as for every agency
table (s0001): a transaction sees only its own agency's rows.

Revision ID: s0003_mail
Revises: s0002_sharing
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from afterview.store.types import UTCDateTime

revision: str = "s0003_mail"
down_revision: str | Sequence[str] | None = "s0002_sharing"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AGENCY = "NULLIF(current_setting('afterview.agency', true), '')::bigint"


def upgrade() -> None:
    op.create_table(
        "mail_passwords",
        sa.Column(
            "user_id",
            sa.BigInteger(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("kind", sa.Text(), primary_key=True),
        sa.Column("agency_id", sa.BigInteger(), sa.ForeignKey("agencies.id"), nullable=False),
        sa.Column("entry", sa.Text(), nullable=False),
        sa.Column("key_id", sa.Text(), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('smtp', 'imap')", name="kind"),
    )
    op.execute("ALTER TABLE mail_passwords ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY same_agency ON mail_passwords "
        f"USING (agency_id = {AGENCY}) WITH CHECK (agency_id = {AGENCY})"
    )


def downgrade() -> None:
    op.drop_table("mail_passwords")
