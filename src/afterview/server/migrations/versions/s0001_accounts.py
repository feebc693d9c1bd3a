"""Agencies, accounts, sessions, failed logins and the audit log, with row-level security.

Every agency table answers only rows of the agency named by the transaction's
`afterview.agency` setting. Requests run as the deployment's app role, never as the
tables' owner (the role that ran the migrations), so the policies always apply.
Login, the cookie check and the failed-login counter must read across agencies
before one is known: they are SECURITY DEFINER functions that return only what the
check needs.

Revision ID: s0001_accounts
Revises:
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from afterview.store.types import UTCDateTime

revision: str = "s0001_accounts"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AGENCY = "NULLIF(current_setting('afterview.agency', true), '')::bigint"


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("agency_id", sa.BigInteger(), sa.ForeignKey("agencies.id"), nullable=False),
        sa.Column("email", sa.Text(), nullable=False, unique=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("totp_secret", sa.Text()),
        sa.Column("timezone", sa.Text(), nullable=False, server_default="UTC"),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("disabled_at", UTCDateTime()),
        sa.CheckConstraint("role IN ('admin', 'consultant', 'candidate')", name="role"),
    )
    op.create_index(None, "users", ["agency_id"])
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.Text(), primary_key=True),
        sa.Column(
            "user_id",
            sa.BigInteger(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("agency_id", sa.BigInteger(), sa.ForeignKey("agencies.id"), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("ip", sa.Text()),
    )
    op.create_index(None, "sessions", ["user_id"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("ip", sa.Text(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
    )
    op.create_index(None, "login_failures", ["email", "at"])
    op.create_index(None, "login_failures", ["ip", "at"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("agency_id", sa.BigInteger(), sa.ForeignKey("agencies.id"), nullable=False),
        sa.Column("actor_id", sa.BigInteger(), sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("candidate_id", sa.BigInteger(), sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("target", sa.Text()),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("ip", sa.Text()),
    )
    op.create_index(None, "audit_log", ["agency_id", "at"])
    for table, column in (
        ("agencies", "id"),
        ("users", "agency_id"),
        ("sessions", "agency_id"),
        ("audit_log", "agency_id"),
    ):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY same_agency ON {table} "
            f"USING ({column} = {AGENCY}) WITH CHECK ({column} = {AGENCY})"
        )
    # Nobody reads failed logins directly, not even per agency: only the functions.
    op.execute("ALTER TABLE login_failures ENABLE ROW LEVEL SECURITY")
    _functions()


def _functions() -> None:
    path = "SET search_path FROM CURRENT"
    op.execute(
        f"""
        CREATE FUNCTION login_lookup(p_email text)
        RETURNS TABLE (user_id bigint, agency_id bigint, role text, password_hash text,
                       totp_secret text, disabled boolean)
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT id, agency_id, role, password_hash, totp_secret, disabled_at IS NOT NULL
            FROM users WHERE email = lower(p_email)
        $$"""
    )
    op.execute(
        f"""
        CREATE FUNCTION session_lookup(p_token_hash text, p_now timestamptz)
        RETURNS TABLE (user_id bigint, agency_id bigint, role text, name text, email text,
                       timezone text, last_seen_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT u.id, u.agency_id, u.role, u.name, u.email, u.timezone, s.last_seen_at
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = p_token_hash AND s.expires_at > p_now
              AND u.disabled_at IS NULL
        $$"""
    )
    op.execute(
        f"""
        CREATE FUNCTION login_failures_since(p_email text, p_ip text, p_since timestamptz)
        RETURNS TABLE (by_email bigint, by_ip bigint)
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT (SELECT count(*) FROM login_failures
                    WHERE email = lower(p_email) AND at > p_since),
                   (SELECT count(*) FROM login_failures WHERE ip = p_ip AND at > p_since)
        $$"""
    )
    op.execute(
        f"""
        CREATE FUNCTION record_login_failure(p_email text, p_ip text, p_at timestamptz)
        RETURNS void
        LANGUAGE sql VOLATILE SECURITY DEFINER {path} AS $$
            DELETE FROM login_failures WHERE at < p_at - interval '1 day';
            INSERT INTO login_failures (email, ip, at) VALUES (lower(p_email), p_ip, p_at);
        $$"""
    )
    op.execute(
        f"""
        CREATE FUNCTION clear_login_failures(p_email text)
        RETURNS void
        LANGUAGE sql VOLATILE SECURITY DEFINER {path} AS $$
            DELETE FROM login_failures WHERE email = lower(p_email);
        $$"""
    )
    for name in (
        "login_lookup(text)",
        "session_lookup(text, timestamptz)",
        "login_failures_since(text, text, timestamptz)",
        "record_login_failure(text, text, timestamptz)",
        "clear_login_failures(text)",
    ):
        op.execute(f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC")


def downgrade() -> None:
    for name in (
        "clear_login_failures(text)",
        "record_login_failure(text, text, timestamptz)",
        "login_failures_since(text, text, timestamptz)",
        "session_lookup(text, timestamptz)",
        "login_lookup(text)",
    ):
        op.execute(f"DROP FUNCTION {name}")
    for table in ("audit_log", "login_failures", "sessions", "users", "agencies"):
        op.drop_table(table)
