"""Sharing with a consultant: invitations, what each opportunity shares, the consultant's
own records (chasing the client, client feedback).

Row-level security here keys rows to the agency *and* to the user the transaction acts
for (`afterview.user`): a candidate sees their own links and shares; a consultant sees
the links made to them and, only while such a link is accepted and not ended, the
shares of that candidate. A consultant's page that forgot a filter would still get
nothing of another consultant's candidates.

Revision ID: s0002_sharing
Revises: s0001_accounts
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from afterview.store.types import UTCDateTime

revision: str = "s0002_sharing"
down_revision: str | Sequence[str] | None = "s0001_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AGENCY = "NULLIF(current_setting('afterview.agency', true), '')::bigint"
USER = "NULLIF(current_setting('afterview.user', true), '')::bigint"
# The consultant may read a candidate's rows while a link between them is live.
LINKED = (
    "EXISTS (SELECT 1 FROM consultant_links l WHERE l.candidate_id = {table}.candidate_id "
    f"AND l.consultant_id = {USER} AND l.accepted_at IS NOT NULL AND l.ended_at IS NULL)"
)


def _user_fk(name: str) -> sa.Column[int]:
    return sa.Column(
        name, sa.BigInteger(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )


def _agency_fk() -> sa.Column[int]:
    return sa.Column("agency_id", sa.BigInteger(), sa.ForeignKey("agencies.id"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "consultant_links",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        _agency_fk(),
        _user_fk("candidate_id"),
        _user_fk("consultant_id"),
        sa.Column("invited_at", UTCDateTime(), nullable=False),
        sa.Column("accepted_at", UTCDateTime()),
        sa.Column("ended_at", UTCDateTime()),
    )
    op.create_index(
        "uq_consultant_links_live",
        "consultant_links",
        ["candidate_id", "consultant_id"],
        unique=True,
        postgresql_where=sa.text("ended_at IS NULL"),
    )
    op.create_index(None, "consultant_links", ["consultant_id"])
    op.create_table(
        "shares",
        _agency_fk(),
        _user_fk("candidate_id"),
        sa.Column("opportunity_id", sa.BigInteger(), nullable=False),
        sa.Column("parts", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("facts", postgresql.JSONB()),
        sa.Column("published_at", UTCDateTime()),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("candidate_id", "opportunity_id"),
    )
    op.create_table(
        "client_notes",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        _agency_fk(),
        _user_fk("candidate_id"),
        sa.Column("opportunity_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "consultant_id",
            sa.BigInteger(),
            sa.ForeignKey("users.id", ondelete="SET NULL"),
        ),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("decision_by", sa.Date()),
        sa.Column("flag", sa.Text()),
        sa.CheckConstraint("kind IN ('chase', 'ask', 'feedback', 'call')", name="kind"),
    )
    op.create_index(None, "client_notes", ["candidate_id", "opportunity_id", "at"])
    op.execute("ALTER TABLE consultant_links ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY own_links ON consultant_links "
        f"USING (agency_id = {AGENCY} AND {USER} IN (candidate_id, consultant_id)) "
        f"WITH CHECK (agency_id = {AGENCY} AND {USER} IN (candidate_id, consultant_id))"
    )
    for table in ("shares", "client_notes"):
        linked = LINKED.format(table=table)
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY own_or_linked ON {table} "
            f"USING (agency_id = {AGENCY} AND (candidate_id = {USER} OR {linked})) "
            f"WITH CHECK (agency_id = {AGENCY} AND (candidate_id = {USER} OR {linked}))"
        )


def downgrade() -> None:
    for table in ("client_notes", "shares", "consultant_links"):
        op.drop_table(table)
