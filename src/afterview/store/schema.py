"""The tables, in SQLAlchemy Core.

Facts are stored as recorded; the `actions` table is derived (the materialised plan)
and is read by the light agenda path with the stdlib `sqlite3` module, so it holds
only plain text and integer columns: `*_utc` as 'YYYY-MM-DDTHH:MM:SSZ' (text order
is time order), `*_local` as ISO 8601 with the offset of the action's zone.

Id tables use SQLite AUTOINCREMENT so an id is never reused: action keys and
decisions embed ids, and a reused id would attach an old decision to a new fact.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)

from afterview.store.types import UTCDateTime

# Named constraints make migrations deterministic and let later ones drop by name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

DEBRIEF_SECTIONS = (
    "went_well",
    "cover_more",
    "nugget",
    "new_question",
    "liked",
    "disliked",
    "concern",
)
SCORES = ("fit", "growth", "culture", "values", "happy")


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True, autoincrement=True)


def _opportunity_fk(nullable: bool = False) -> Column[int]:
    return Column(
        "opportunity_id",
        Integer,
        ForeignKey("opportunities.id", ondelete="CASCADE"),
        nullable=nullable,
        index=True,
    )


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

opportunities = Table(
    "opportunities",
    metadata,
    _id(),
    Column("company", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("route", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("tz", Text),
    Column("status", Text, nullable=False, server_default="new"),
    Column("closed", Integer, nullable=False, server_default=text("0")),
    Column("org_tz", Text),  # the organisation's zone, when it differs (P5, P8)
    Column("holiday_country", Text),  # its public holidays ("US", "GB-SCT"); NULL: the setting
    CheckConstraint("closed IN (0, 1)", name="closed_flag"),
    sqlite_autoincrement=True,
)

people = Table(
    "people",
    metadata,
    _id(),
    _opportunity_fk(),
    Column("name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("email", Text),
    Column("phone", Text),
    Column("title", Text),
    Column("source", Text, nullable=False, server_default="typed"),
    sqlite_autoincrement=True,
)

interviews = Table(
    "interviews",
    metadata,
    _id(),
    _opportunity_fk(),
    Column("round", Integer, nullable=False),
    Column("start_at", UTCDateTime, nullable=False),
    # indexed: the first interview (P9 counts from it; its entry tells catch-ups, P11)
    Column("end_at", UTCDateTime, nullable=False, index=True),
    Column("tz", Text, nullable=False),
    Column("format", Text, nullable=False, server_default="onsite"),
    Column("location", Text),
    Column("recruiter_call_at", UTCDateTime),
    Column("cancelled", Boolean, nullable=False, server_default=false()),
    Column("invite_uid", Text, index=True),
    Column("invite_sequence", Integer),
    Column("recorded_at", UTCDateTime),  # when it was entered (a catch-up plan if late)
    CheckConstraint("end_at >= start_at", name="ends_after_start"),
    sqlite_autoincrement=True,
)

# `position` keeps the interviewers in the order the candidate gave them.
interview_people = Table(
    "interview_people",
    metadata,
    Column(
        "interview_id", Integer, ForeignKey("interviews.id", ondelete="CASCADE"), nullable=False
    ),
    Column(
        "person_id",
        Integer,
        ForeignKey("people.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False, server_default=text("0")),
    PrimaryKeyConstraint("interview_id", "person_id"),
)

timelines = Table(
    "timelines",
    metadata,
    _id(),
    _opportunity_fk(),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("decision_by", Date),
    Column("follow_up_with", Integer, ForeignKey("people.id", ondelete="SET NULL"), index=True),
    Column("follow_up_how", Text),
    Column("follow_up_on", Date),
    # Asked, and no timeline given yet: P6 asks again later (not an answer).
    Column("none_given", Boolean, nullable=False, server_default=false()),
    sqlite_autoincrement=True,
)

contacts = Table(
    "contacts",
    metadata,
    _id(),
    _opportunity_fk(),
    Column("at", UTCDateTime, nullable=False),
    Column("kind", Text, nullable=False),
    Column("channel", Text, nullable=False),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="SET NULL"), index=True),
    Column("note", Text),
    Column("flag", Text),
    sqlite_autoincrement=True,
)

# A reply or news from the employer (P8 pauses). Typed in by the user, or read from
# the mailbox by `afterview sync`: then the mail's own Message-ID (unique, so a second
# sync cannot record it twice), its sender and subject, and which of our sent
# messages it answers are kept too.
replies = Table(
    "replies",
    metadata,
    _id(),
    _opportunity_fk(),
    Column("at", UTCDateTime, nullable=False),
    Column("note", Text),
    Column("mail_message_id", Text, unique=True),
    Column("from_email", Text),
    Column("subject", Text),
    Column(
        "answers_message_id",
        Integer,
        ForeignKey("messages.id", ondelete="SET NULL"),
        index=True,
    ),
    sqlite_autoincrement=True,
)

debriefs = Table(
    "debriefs",
    metadata,
    Column(
        "interview_id",
        Integer,
        ForeignKey("interviews.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("overall", Text),
)

debrief_items = Table(
    "debrief_items",
    metadata,
    _id(),
    Column(
        "interview_id",
        Integer,
        ForeignKey("debriefs.interview_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("section", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    # A nugget's interviewer (P5: a thank-you uses that person's nuggets first).
    Column("said_by", Integer, ForeignKey("people.id", ondelete="SET NULL")),
    CheckConstraint(_in("section", DEBRIEF_SECTIONS), name="section"),
    sqlite_autoincrement=True,
)

debrief_questions = Table(
    "debrief_questions",
    metadata,
    _id(),
    Column(
        "interview_id",
        Integer,
        ForeignKey("debriefs.interview_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False),
    Column("question", Text, nullable=False),
    Column("quality", Text, nullable=False),
    Column("reason", Text),
    Column("add_next_time", Text),
    sqlite_autoincrement=True,
)

reflections = Table(
    "reflections",
    metadata,
    _id(),
    _opportunity_fk(),
    Column("interview_id", Integer, ForeignKey("interviews.id", ondelete="SET NULL"), index=True),
    Column("recorded_at", UTCDateTime, nullable=False),
    *(Column(score, Integer, nullable=False) for score in SCORES),
    Column("concerns", Text),
    Column("decision", Text, nullable=False),
    *(CheckConstraint(f'"{score}" BETWEEN 1 AND 5', name=f"{score}_score") for score in SCORES),
    sqlite_autoincrement=True,
)

outcomes = Table(
    "outcomes",
    metadata,
    _id(),
    _opportunity_fk(),
    Column("at", UTCDateTime, nullable=False),
    Column("outcome", Text, nullable=False),
    sqlite_autoincrement=True,
)

competitors = Table(
    "competitors",
    metadata,
    _id(),
    _opportunity_fk(),
    Column("name", Text, nullable=False),
    UniqueConstraint("opportunity_id", "name"),
    sqlite_autoincrement=True,
)

# Keyed by the action key; a NULL opportunity means a global action (P9's search step).
decisions = Table(
    "decisions",
    metadata,
    Column("key", Text, primary_key=True),
    _opportunity_fk(nullable=True),
    Column("kind", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("reason", Text),
    Column("until", UTCDateTime),
    CheckConstraint(_in("kind", ("done", "skipped", "snoozed")), name="kind"),
)

search_log = Table(
    "search_log",
    metadata,
    _id(),
    Column("closed_at", UTCDateTime, nullable=False),
    Column("kind", Text, nullable=False),
    CheckConstraint(_in("kind", ("done", "skipped")), name="kind"),
    sqlite_autoincrement=True,
)

actions = Table(
    "actions",
    metadata,
    Column("key", Text, primary_key=True),
    _opportunity_fk(nullable=True),
    Column("interview_id", Integer),
    Column("person_id", Integer),
    Column("rule", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("guidance", Text, nullable=False),
    Column("why", Text, nullable=False),
    Column("company", Text),
    Column("role", Text),
    Column("tz", Text, nullable=False),
    Column("due_utc", Text, nullable=False),
    Column("due_local", Text, nullable=False),
    Column("effective_due_utc", Text, nullable=False, index=True),
    Column("effective_due_local", Text, nullable=False),
    Column("state", Text, nullable=False),
    Column("expires_utc", Text),  # when the step becomes moot; NULL = never
    Column("is_open", Integer, nullable=False),
    Column("closed_at", Text),
    Column("reason", Text),
    Column("logs", Text),
    Column("step_id", Integer),  # step_ids.id, repeated so the agenda reads one table
    Column("other_tz", Text),  # the recipient's zone when it differs from `tz`
    Column("send_at_utc", Text),  # when a message should land (recipient's working hours)
    CheckConstraint("is_open IN (0, 1)", name="is_open_flag"),
    # the agenda: open rows that never expire, then open rows expiring later (agenda_query)
    Index(None, "is_open", "expires_utc", "effective_due_utc"),
)

# A step's short id (`afterview done 3`), given on first sight of its key and kept while
# the plan is rewritten; AUTOINCREMENT: never reused, so an old id names no new step.
# Derived like `actions`: not in backups (a restored database numbers its steps anew).
# Earlier versions of a debrief, kept when one is added to or replaced (P4 notes are
# never lost): the version as `debrief_to_plain` writes it, as JSON.
debrief_history = Table(
    "debrief_history",
    metadata,
    _id(),
    Column(
        "interview_id",
        Integer,
        ForeignKey("interviews.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("replaced_at", UTCDateTime, nullable=False),
    Column("content", Text, nullable=False),
    sqlite_autoincrement=True,
)

step_ids = Table(
    "step_ids",
    metadata,
    _id(),
    Column("key", Text, nullable=False, unique=True),
    _opportunity_fk(nullable=True),
    sqlite_autoincrement=True,
)

# The candidate (one row): who drafts are from and which English the checker expects.
# Skills are kept one per line, in the order given.
profile = Table(
    "profile",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("email", Text, nullable=False),
    Column("phone", Text),
    Column("signature", Text),
    Column("skills", Text),
    Column("experience", Text),
    Column("language", Text, nullable=False, server_default="en-GB"),
    CheckConstraint("id = 1", name="single_row"),
)

# Drafts and sent messages. The recipient's name and address are copied at drafting
# time, so an export still says whom it was for after the person is edited; the
# Message-ID is fixed at creation so every export of one message carries the same.
messages = Table(
    "messages",
    metadata,
    _id(),
    _opportunity_fk(),
    Column("interview_id", Integer, ForeignKey("interviews.id", ondelete="SET NULL"), index=True),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="SET NULL"), index=True),
    Column("kind", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("to_name", Text),
    Column("to_email", Text),
    Column("nugget", Text),
    Column("message_id", Text, nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
    Column("contact_id", Integer, ForeignKey("contacts.id", ondelete="SET NULL")),
    sqlite_autoincrement=True,
)

# The user's own word list: never flagged by the spelling check.
words = Table(
    "words",
    metadata,
    Column("word", Text, primary_key=True),
    Column("added_at", UTCDateTime, nullable=False),
)

# Where mail goes out and comes in (one row). Passwords are never stored here: they
# come from the OS keyring or an environment variable (`integrations/secrets.py`).
mail_settings = Table(
    "mail_settings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("smtp_host", Text),
    Column("smtp_port", Integer),
    Column("smtp_security", Text, nullable=False, server_default="starttls"),
    Column("smtp_user", Text),
    Column("imap_host", Text),
    Column("imap_port", Integer),
    Column("imap_security", Text, nullable=False, server_default="tls"),
    Column("imap_user", Text),
    Column("imap_mailbox", Text, nullable=False, server_default="INBOX"),
    CheckConstraint("id = 1", name="single_row"),
    CheckConstraint(_in("smtp_security", ("starttls", "tls", "none")), name="smtp_security"),
    CheckConstraint(_in("imap_security", ("starttls", "tls", "none")), name="imap_security"),
)

OUTBOX_STATES = ("queued", "sending", "sent", "failed", "uncertain", "cancelled")

# The durable outbox: at most once. A row goes queued → sending (committed before the
# SMTP transaction starts) → sent (after the server accepted it). A crash between the
# two leaves "sending", which the next run turns into "uncertain" for the user to
# resolve: never resent silently. 4xx replies go back to queued with a later
# `next_attempt_at`; 5xx replies end in failed with the server's words.
outbox = Table(
    "outbox",
    metadata,
    _id(),
    Column(
        "message_id",
        Integer,
        ForeignKey("messages.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("state", Text, nullable=False),
    Column("due_at", UTCDateTime, nullable=False),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("queued_at", UTCDateTime, nullable=False),
    Column("started_at", UTCDateTime),
    Column("finished_at", UTCDateTime),
    Column("last_error", Text),
    Column("server_reply", Text),
    CheckConstraint(_in("state", OUTBOX_STATES), name="state"),
    Index(None, "state", "next_attempt_at"),
    sqlite_autoincrement=True,
)

# What `afterview sync` has read: per mailbox, the UIDVALIDITY seen and the highest UID
# read under it. A new UIDVALIDITY means the server renumbered: read again from the
# start (replies' unique Message-ID keeps that from recording anything twice).
mail_seen = Table(
    "mail_seen",
    metadata,
    Column("mailbox", Text, primary_key=True),
    Column("uidvalidity", BigInteger, nullable=False),
    Column("last_uid", BigInteger, nullable=False),
    Column("synced_at", UTCDateTime, nullable=False),
)

# Tables holding recorded facts (everything a backup must keep).
DERIVED_TABLES = ("actions", "step_ids")  # the plan and its short ids: rebuilt from facts
FACT_TABLES = tuple(t for t in metadata.sorted_tables if t.name not in (*DERIVED_TABLES, "meta"))
