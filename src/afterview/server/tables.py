"""The shared schema's tables: agencies, accounts, sessions, the audit log.

Unqualified: every statement runs with `search_path` set to the deployment's shared
schema (`Naming.server_schema`). Rows of agency tables are visible only to a
transaction whose `afterview.agency` setting names their agency (row-level
security, migration s0001); the connection-time look-ups that must cross agencies
(login, the session cookie, failed-login counts) are SECURITY DEFINER functions.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB

from afterview.store.schema import NAMING_CONVENTION
from afterview.store.types import UTCDateTime

metadata = MetaData(naming_convention=NAMING_CONVENTION)

ROLES = ("admin", "consultant", "candidate")

agencies = Table(
    "agencies",
    metadata,
    Column("id", BigInteger, primary_key=True),
    Column("name", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

# `email` is stored folded to lower case; one account per address across the server.
users = Table(
    "users",
    metadata,
    Column("id", BigInteger, primary_key=True),
    Column("agency_id", BigInteger, ForeignKey("agencies.id"), nullable=False, index=True),
    Column("email", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("password_hash", Text),  # NULL: invited, no password set yet (s0004)
    Column("totp_secret", Text),  # base32 (RFC 6238); NULL: two-step sign-in is off
    Column("totp_last_step", BigInteger),  # the time step of the last code accepted
    Column("timezone", Text, nullable=False, server_default="UTC"),
    Column("created_at", UTCDateTime, nullable=False),
    Column("disabled_at", UTCDateTime),
    # The account's playbook settings: only what differs from the defaults (s0005).
    Column("settings", JSONB, nullable=False, server_default="{}"),
    Column("settings_version", Integer, nullable=False, server_default="0"),
    Column("last_seen_at", UTCDateTime),
    CheckConstraint("role IN ('admin', 'consultant', 'candidate')", name="role"),
)

# The cookie holds a random token; only its SHA-256 is stored, so a copy of the
# database cannot be used to log in.
sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", Text, primary_key=True),
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("agency_id", BigInteger, ForeignKey("agencies.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("ip", Text),
    Index(None, "user_id"),
)

# Failed logins, by address and by client IP, for throttling across processes.
login_failures = Table(
    "login_failures",
    metadata,
    Column("id", BigInteger, primary_key=True),
    Column("email", Text, nullable=False),
    Column("ip", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index(None, "email", "at"),
    Index(None, "ip", "at"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", BigInteger, primary_key=True),
    Column("agency_id", BigInteger, ForeignKey("agencies.id"), nullable=False),
    Column("actor_id", BigInteger, ForeignKey("users.id", ondelete="SET NULL")),
    Column("candidate_id", BigInteger, ForeignKey("users.id", ondelete="SET NULL")),
    Column("action", Text, nullable=False),
    Column("target", Text),
    Column("at", UTCDateTime, nullable=False),
    Column("ip", Text),
    Index(None, "agency_id", "at"),
)

# A right password on an account with two-step sign-in: waiting for the code
# (afterview.server.totp). Only the token's SHA-256 is stored, as for sessions.
login_challenges = Table(
    "login_challenges",
    metadata,
    Column("token_hash", Text, primary_key=True),
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("agency_id", BigInteger, ForeignKey("agencies.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("ip", Text),
    Index(None, "user_id"),
)

# One-time links by which an invited person sets their own password (SHA-256 only).
invitations = Table(
    "invitations",
    metadata,
    Column("token_hash", Text, primary_key=True),
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("agency_id", BigInteger, ForeignKey("agencies.id"), nullable=False),
    Column("created_by", BigInteger, ForeignKey("users.id", ondelete="SET NULL")),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_at", UTCDateTime),
    Index(None, "user_id"),
)

# --- sharing with a consultant (migration s0002) ---------------------------------------
# Rows are visible to the candidate they belong to and, while a link is live, to the
# linked consultant (row-level security on `afterview.user` as well as the agency).

consultant_links = Table(
    "consultant_links",
    metadata,
    Column("id", BigInteger, primary_key=True),
    Column("agency_id", BigInteger, ForeignKey("agencies.id"), nullable=False),
    Column("candidate_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("consultant_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("invited_at", UTCDateTime, nullable=False),
    Column("accepted_at", UTCDateTime),
    Column("ended_at", UTCDateTime),
)

# One row per opportunity the candidate shares: the parts chosen, and the published
# projection of exactly those facts (`server.projection`), refreshed on every change.
shares = Table(
    "shares",
    metadata,
    Column("agency_id", BigInteger, ForeignKey("agencies.id"), nullable=False),
    Column("candidate_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("opportunity_id", BigInteger, nullable=False),
    Column("parts", ARRAY(Text), nullable=False),
    Column("facts", JSONB),
    Column("published_at", UTCDateTime),
    Column("updated_at", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("candidate_id", "opportunity_id"),
)

# What consultants record about the client's side: chases (P8 towards the client),
# client feedback, calls received from the candidate (P1). Each is also written into
# the candidate's own store, where it paces and pauses their plan.
client_notes = Table(
    "client_notes",
    metadata,
    Column("id", BigInteger, primary_key=True),
    Column("agency_id", BigInteger, ForeignKey("agencies.id"), nullable=False),
    Column("candidate_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("opportunity_id", BigInteger, nullable=False),
    Column("consultant_id", BigInteger, ForeignKey("users.id", ondelete="SET NULL")),
    Column("kind", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("note", Text),
    Column("decision_by", Date),
    Column("flag", Text),
    CheckConstraint("kind IN ('chase', 'ask', 'feedback', 'call')", name="kind"),
)

# Candidates' mail passwords, AES-GCM under the server's key (migration s0003_mail).
mail_passwords = Table(
    "mail_passwords",
    metadata,
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", Text, primary_key=True),
    Column("agency_id", BigInteger, ForeignKey("agencies.id"), nullable=False),
    Column("entry", Text, nullable=False),
    Column("key_id", Text, nullable=False),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    CheckConstraint("kind IN ('smtp', 'imap')", name="kind"),
)

# Alerts already emailed to a consultant (server.alerts; migration s0006).
alerts_sent = Table(
    "alerts_sent",
    metadata,
    Column("agency_id", BigInteger, ForeignKey("agencies.id"), nullable=False),
    Column("consultant_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("key", Text, nullable=False),
    Column("sent_at", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("consultant_id", "key"),
)
