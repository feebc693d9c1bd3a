"""Two-step sign-in (TOTP), invitations, and when each account was last seen.

- `users.totp_last_step`: the RFC 6238 time step of the last code accepted, so a
  code (or an earlier one) is never accepted twice;
- `users.password_hash` may be NULL: an invited account has no password until the
  invited person sets one (signing in as it costs one hash like an unknown address);
- `users.last_seen_at`: for the administrators' list (sessions end; this stays);
- `login_challenges`: a right password on an account with TOTP gives one of these,
  not a session (see `afterview.server.totp` for why a table of its own);
- `invitations`: one-time links by which an invited person sets their password.

Both new tables are agency tables under the same row-level security as s0001; the
look-ups that happen before the agency is known (the second sign-in step, opening
an invitation link) are SECURITY DEFINER functions returning only what they need.

Revision ID: s0004_totp
Revises: s0003_mail
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from afterview.store.types import UTCDateTime

revision: str = "s0004_totp"
down_revision: str | Sequence[str] | None = "s0003_mail"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AGENCY = "NULLIF(current_setting('afterview.agency', true), '')::bigint"
FUNCTIONS = ("challenge_lookup(text, timestamptz)", "invitation_lookup(text, timestamptz)")


def upgrade() -> None:
    op.add_column("users", sa.Column("totp_last_step", sa.BigInteger()))
    op.add_column("users", sa.Column("last_seen_at", UTCDateTime()))
    op.alter_column("users", "password_hash", nullable=True)
    op.create_table(
        "login_challenges",
        sa.Column("token_hash", sa.Text(), primary_key=True),
        sa.Column(
            "user_id",
            sa.BigInteger(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("agency_id", sa.BigInteger(), sa.ForeignKey("agencies.id"), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("ip", sa.Text()),
    )
    op.create_index(None, "login_challenges", ["user_id"])
    op.create_table(
        "invitations",
        sa.Column("token_hash", sa.Text(), primary_key=True),
        sa.Column(
            "user_id",
            sa.BigInteger(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("agency_id", sa.BigInteger(), sa.ForeignKey("agencies.id"), nullable=False),
        sa.Column("created_by", sa.BigInteger(), sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("used_at", UTCDateTime()),
    )
    op.create_index(None, "invitations", ["user_id"])
    for table in ("login_challenges", "invitations"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY same_agency ON {table} "
            f"USING (agency_id = {AGENCY}) WITH CHECK (agency_id = {AGENCY})"
        )
    _functions()


def _functions() -> None:
    path = "SET search_path FROM CURRENT"
    op.execute(
        f"""
        CREATE FUNCTION challenge_lookup(p_token_hash text, p_now timestamptz)
        RETURNS TABLE (user_id bigint, agency_id bigint, email text, totp_secret text,
                       totp_last_step bigint, disabled boolean)
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT u.id, u.agency_id, u.email, u.totp_secret, u.totp_last_step,
                   u.disabled_at IS NOT NULL
            FROM login_challenges c JOIN users u ON u.id = c.user_id
            WHERE c.token_hash = p_token_hash AND c.expires_at > p_now
        $$"""
    )
    op.execute(
        f"""
        CREATE FUNCTION invitation_lookup(p_token_hash text, p_now timestamptz)
        RETURNS TABLE (user_id bigint, agency_id bigint, name text, email text,
                       has_password boolean, disabled boolean)
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT u.id, u.agency_id, u.name, u.email, u.password_hash IS NOT NULL,
                   u.disabled_at IS NOT NULL
            FROM invitations i JOIN users u ON u.id = i.user_id
            WHERE i.token_hash = p_token_hash AND i.expires_at > p_now
              AND i.used_at IS NULL
        $$"""
    )
    for name in FUNCTIONS:
        op.execute(f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC")


def downgrade() -> None:
    for name in FUNCTIONS:
        op.execute(f"DROP FUNCTION {name}")
    op.drop_table("invitations")
    op.drop_table("login_challenges")
    # An invitation not yet taken up keeps its account, with a hash nothing matches.
    op.execute("UPDATE users SET password_hash = '!' WHERE password_hash IS NULL")
    op.alter_column("users", "password_hash", nullable=False)
    op.drop_column("users", "last_seen_at")
    op.drop_column("users", "totp_last_step")
