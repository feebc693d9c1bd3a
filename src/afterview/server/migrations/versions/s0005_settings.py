"""Each account's own playbook settings (the single-user app keeps them in a file).

`settings` holds only what the account changed from the defaults, as the config
file does; `settings_version` goes up on every save and comes back with the session
look-up, so every server process notices a change on the account's next request
without an extra query.

Revision ID: s0005_settings
Revises: s0004_totp
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "s0005_settings"
down_revision: str | Sequence[str] | None = "s0004_totp"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PATH = "SET search_path FROM CURRENT"


def upgrade() -> None:
    op.add_column(
        "users",
        sa.Column("settings", postgresql.JSONB(), nullable=False, server_default="{}"),
    )
    op.add_column(
        "users",
        sa.Column("settings_version", sa.Integer(), nullable=False, server_default="0"),
    )
    op.execute("DROP FUNCTION session_lookup(text, timestamptz)")
    op.execute(
        f"""
        CREATE FUNCTION session_lookup(p_token_hash text, p_now timestamptz)
        RETURNS TABLE (user_id bigint, agency_id bigint, role text, name text, email text,
                       timezone text, last_seen_at timestamptz, settings_version integer)
        LANGUAGE sql STABLE SECURITY DEFINER {PATH} AS $$
            SELECT u.id, u.agency_id, u.role, u.name, u.email, u.timezone, s.last_seen_at,
                   u.settings_version
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = p_token_hash AND s.expires_at > p_now
              AND u.disabled_at IS NULL
        $$"""
    )
    op.execute("REVOKE ALL ON FUNCTION session_lookup(text, timestamptz) FROM PUBLIC")


def downgrade() -> None:
    op.execute("DROP FUNCTION session_lookup(text, timestamptz)")
    op.execute(
        f"""
        CREATE FUNCTION session_lookup(p_token_hash text, p_now timestamptz)
        RETURNS TABLE (user_id bigint, agency_id bigint, role text, name text, email text,
                       timezone text, last_seen_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER {PATH} AS $$
            SELECT u.id, u.agency_id, u.role, u.name, u.email, u.timezone, s.last_seen_at
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = p_token_hash AND s.expires_at > p_now
              AND u.disabled_at IS NULL
        $$"""
    )
    op.execute("REVOKE ALL ON FUNCTION session_lookup(text, timestamptz) FROM PUBLIC")
    op.drop_column("users", "settings_version")
    op.drop_column("users", "settings")
