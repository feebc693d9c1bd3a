"""The initial schema: facts, decisions, the search log and the materialised plan.

Written out in full rather than from `schema.metadata`, so later edits to schema.py
cannot change what this revision did. Every constraint is named (see
schema.NAMING_CONVENTION) so later revisions can drop or alter it by name.

Revision ID: 0001_initial
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from afterview.store.types import UTCDateTime

revision: str = "0001_initial"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SCORES = ("fit", "growth", "culture", "values", "happy")
_SECTIONS = "'went_well', 'cover_more', 'nugget', 'new_question', 'liked', 'disliked'"


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), autoincrement=True, nullable=False)


def _pk(table: str, *columns: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint(*columns, name=op.f(f"pk_{table}"))


def _fk(table: str, column: str, target: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    target_table = target.partition(".")[0]
    return sa.ForeignKeyConstraint(
        [column], [target], name=op.f(f"fk_{table}_{column}_{target_table}"), ondelete=ondelete
    )


def _index(table: str, *columns: str) -> None:
    op.create_index(op.f(f"ix_{table}_{'_'.join(columns)}"), table, list(columns))


def _opportunity_child(table: str, *columns: sa.Column[Any] | sa.Constraint) -> None:
    """A table with an id and a cascading opportunity_id, indexed."""
    op.create_table(
        table,
        _id(),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        *columns,
        _pk(table, "id"),
        _fk(table, "opportunity_id", "opportunities.id"),
        sqlite_autoincrement=True,
    )
    _index(table, "opportunity_id")


def upgrade() -> None:
    _create_opportunities_and_people()
    _create_interviews()
    _create_records()
    _create_debriefs()
    _create_decisions_and_log()
    _create_actions()


def _create_opportunities_and_people() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        _pk("meta", "key"),
    )
    op.create_table(
        "opportunities",
        _id(),
        sa.Column("company", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("route", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("tz", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), server_default="new", nullable=False),
        sa.Column("closed", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.CheckConstraint("closed IN (0, 1)", name=op.f("ck_opportunities_closed_flag")),
        _pk("opportunities", "id"),
        sqlite_autoincrement=True,
    )
    _opportunity_child(
        "people",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), server_default="typed", nullable=False),
    )


def _create_interviews() -> None:
    _opportunity_child(
        "interviews",
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("start_at", UTCDateTime(), nullable=False),
        sa.Column("end_at", UTCDateTime(), nullable=False),
        sa.Column("tz", sa.Text(), nullable=False),
        sa.Column("format", sa.Text(), server_default="onsite", nullable=False),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("recruiter_call_at", UTCDateTime(), nullable=True),
        sa.Column("cancelled", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("invite_uid", sa.Text(), nullable=True),
        sa.Column("invite_sequence", sa.Integer(), nullable=True),
        sa.CheckConstraint("end_at >= start_at", name=op.f("ck_interviews_ends_after_start")),
    )
    _index("interviews", "invite_uid")
    op.create_table(
        "interview_people",
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), server_default=sa.text("0"), nullable=False),
        _pk("interview_people", "interview_id", "person_id"),
        _fk("interview_people", "interview_id", "interviews.id"),
        _fk("interview_people", "person_id", "people.id"),
    )
    _index("interview_people", "person_id")


def _create_records() -> None:
    _opportunity_child(
        "timelines",
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("decision_by", sa.Date(), nullable=True),
        sa.Column("follow_up_with", sa.Integer(), nullable=True),
        sa.Column("follow_up_how", sa.Text(), nullable=True),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        _fk("timelines", "follow_up_with", "people.id", ondelete="SET NULL"),
    )
    _index("timelines", "follow_up_with")
    _opportunity_child(
        "contacts",
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("flag", sa.Text(), nullable=True),
        _fk("contacts", "person_id", "people.id", ondelete="SET NULL"),
    )
    _index("contacts", "person_id")
    _opportunity_child(
        "replies",
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
    )
    _opportunity_child(
        "reflections",
        sa.Column("interview_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        *(sa.Column(score, sa.Integer(), nullable=False) for score in _SCORES),
        sa.Column("concerns", sa.Text(), nullable=True),
        sa.Column("decision", sa.Text(), nullable=False),
        *(
            sa.CheckConstraint(
                f'"{score}" BETWEEN 1 AND 5', name=op.f(f"ck_reflections_{score}_score")
            )
            for score in _SCORES
        ),
        _fk("reflections", "interview_id", "interviews.id", ondelete="SET NULL"),
    )
    _index("reflections", "interview_id")
    _opportunity_child(
        "outcomes",
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
    )
    _opportunity_child(
        "competitors",
        sa.Column("name", sa.Text(), nullable=False),
        sa.UniqueConstraint(
            "opportunity_id", "name", name=op.f("uq_competitors_opportunity_id_name")
        ),
    )


def _create_debriefs() -> None:
    op.create_table(
        "debriefs",
        sa.Column("interview_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("overall", sa.Text(), nullable=True),
        _pk("debriefs", "interview_id"),
        _fk("debriefs", "interview_id", "interviews.id"),
    )
    op.create_table(
        "debrief_items",
        _id(),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("section", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint(f"section IN ({_SECTIONS})", name=op.f("ck_debrief_items_section")),
        _pk("debrief_items", "id"),
        _fk("debrief_items", "interview_id", "debriefs.interview_id"),
        sqlite_autoincrement=True,
    )
    _index("debrief_items", "interview_id")
    op.create_table(
        "debrief_questions",
        _id(),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("quality", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("add_next_time", sa.Text(), nullable=True),
        _pk("debrief_questions", "id"),
        _fk("debrief_questions", "interview_id", "debriefs.interview_id"),
        sqlite_autoincrement=True,
    )
    _index("debrief_questions", "interview_id")


def _create_decisions_and_log() -> None:
    op.create_table(
        "decisions",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("until", UTCDateTime(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('done', 'skipped', 'snoozed')", name=op.f("ck_decisions_kind")
        ),
        _pk("decisions", "key"),
        _fk("decisions", "opportunity_id", "opportunities.id"),
    )
    _index("decisions", "opportunity_id")
    op.create_table(
        "search_log",
        _id(),
        sa.Column("closed_at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('done', 'skipped')", name=op.f("ck_search_log_kind")),
        _pk("search_log", "id"),
        sqlite_autoincrement=True,
    )


def _create_actions() -> None:
    op.create_table(
        "actions",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=True),
        sa.Column("interview_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        *(
            sa.Column(name, sa.Text(), nullable=False)
            for name in ("rule", "title", "guidance", "why")
        ),
        sa.Column("company", sa.Text(), nullable=True),
        sa.Column("role", sa.Text(), nullable=True),
        *(
            sa.Column(name, sa.Text(), nullable=False)
            for name in (
                "tz",
                "due_utc",
                "due_local",
                "effective_due_utc",
                "effective_due_local",
                "state",
            )
        ),
        sa.Column("expires_utc", sa.Text(), nullable=True),
        sa.Column("is_open", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("logs", sa.Text(), nullable=True),
        sa.CheckConstraint("is_open IN (0, 1)", name=op.f("ck_actions_is_open_flag")),
        _pk("actions", "key"),
        _fk("actions", "opportunity_id", "opportunities.id"),
    )
    _index("actions", "is_open", "expires_utc", "effective_due_utc")
    _index("actions", "opportunity_id")
    _index("actions", "effective_due_utc")


def downgrade() -> None:
    for table in (
        "actions",
        "search_log",
        "decisions",
        "debrief_questions",
        "debrief_items",
        "debriefs",
        "competitors",
        "outcomes",
        "reflections",
        "replies",
        "contacts",
        "timelines",
        "interview_people",
        "interviews",
        "people",
        "opportunities",
        "meta",
    ):
        op.drop_table(table)
