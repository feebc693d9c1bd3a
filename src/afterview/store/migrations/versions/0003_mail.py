"""Mail: SMTP/IMAP settings, the durable outbox, replies read from the mailbox.

Revision ID: 0003_mail
Revises: 0002_writing
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from afterview.store.types import UTCDateTime

revision: str = "0003_mail"
down_revision: str | Sequence[str] | None = "0002_writing"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATES = "'queued', 'sending', 'sent', 'failed', 'uncertain', 'cancelled'"


def upgrade() -> None:
    op.create_table(
        "mail_settings",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("smtp_host", sa.Text(), nullable=True),
        sa.Column("smtp_port", sa.Integer(), nullable=True),
        sa.Column("smtp_security", sa.Text(), server_default="starttls", nullable=False),
        sa.Column("smtp_user", sa.Text(), nullable=True),
        sa.Column("imap_host", sa.Text(), nullable=True),
        sa.Column("imap_port", sa.Integer(), nullable=True),
        sa.Column("imap_security", sa.Text(), server_default="tls", nullable=False),
        sa.Column("imap_user", sa.Text(), nullable=True),
        sa.Column("imap_mailbox", sa.Text(), server_default="INBOX", nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_mail_settings_single_row")),
        sa.CheckConstraint(
            "smtp_security IN ('starttls', 'tls', 'none')",
            name=op.f("ck_mail_settings_smtp_security"),
        ),
        sa.CheckConstraint(
            "imap_security IN ('starttls', 'tls', 'none')",
            name=op.f("ck_mail_settings_imap_security"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_settings")),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("due_at", UTCDateTime(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("queued_at", UTCDateTime(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=True),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("server_reply", sa.Text(), nullable=True),
        sa.CheckConstraint(f"state IN ({STATES})", name=op.f("ck_outbox_state")),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["messages.id"],
            name=op.f("fk_outbox_message_id_messages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("message_id", name=op.f("uq_outbox_message_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_outbox_state_next_attempt_at"), "outbox", ["state", "next_attempt_at"])
    op.create_table(
        "mail_seen",
        sa.Column("mailbox", sa.Text(), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("last_uid", sa.BigInteger(), nullable=False),
        sa.Column("synced_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("mailbox", name=op.f("pk_mail_seen")),
    )
    # SQLite cannot add a foreign key in place: batch mode copies the table, keeping
    # AUTOINCREMENT so an id is never reused.
    with op.batch_alter_table("replies", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(sa.Column("mail_message_id", sa.Text(), nullable=True))
        batch.add_column(sa.Column("from_email", sa.Text(), nullable=True))
        batch.add_column(sa.Column("subject", sa.Text(), nullable=True))
        batch.add_column(sa.Column("answers_message_id", sa.Integer(), nullable=True))
        batch.create_unique_constraint(op.f("uq_replies_mail_message_id"), ["mail_message_id"])
        batch.create_foreign_key(
            op.f("fk_replies_answers_message_id_messages"),
            "messages",
            ["answers_message_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index(op.f("ix_replies_answers_message_id"), ["answers_message_id"])


def downgrade() -> None:
    with op.batch_alter_table("replies", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_index(op.f("ix_replies_answers_message_id"))
        batch.drop_constraint(op.f("fk_replies_answers_message_id_messages"), type_="foreignkey")
        batch.drop_constraint(op.f("uq_replies_mail_message_id"), type_="unique")
        batch.drop_column("answers_message_id")
        batch.drop_column("subject")
        batch.drop_column("from_email")
        batch.drop_column("mail_message_id")
    op.drop_table("mail_seen")
    op.drop_index(op.f("ix_outbox_state_next_attempt_at"), table_name="outbox")
    op.drop_table("outbox")
    op.drop_table("mail_settings")
