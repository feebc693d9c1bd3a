"""Checking texts against what the database knows (names, nuggets, the profile's English)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from afterview.check_context import UnknownRecord, gather
from afterview.errors import UnknownInterview, UnknownOpportunity
from afterview.services.app import App
from afterview.writing.checker import Report, check_text
from afterview.writing.context import CheckContext

if TYPE_CHECKING:
    from afterview.store.repository import Repository


def context_from(
    repo: Repository,
    *,
    opp_id: int | None = None,
    interview_id: int | None = None,
    kind: str | None = None,
    language: str | None = None,
    word_limit: int = 150,
) -> CheckContext:
    from sqlalchemy import text

    def run(sql: str, params: dict[str, Any]) -> Sequence[Sequence[Any]]:
        return [tuple(row) for row in repo.conn.execute(text(sql), params)]

    try:
        return gather(
            run,
            opp_id=opp_id,
            interview_id=interview_id,
            kind=kind,
            language=language,
            word_limit=word_limit,
        )
    except UnknownRecord as exc:
        if exc.what == "interview":
            raise UnknownInterview(exc.record_id) from None
        raise UnknownOpportunity(exc.record_id) from None


def check(
    app: App,
    text: str,
    *,
    now: datetime,
    opp_id: int | None = None,
    interview_id: int | None = None,
    kind: str | None = None,
    language: str | None = None,
) -> Report:
    """Check any text; with ids, names and nuggets of that opportunity are known (P5)."""
    with app.transaction(now) as repo:
        ctx = context_from(
            repo,
            opp_id=opp_id,
            interview_id=interview_id,
            kind=kind,
            language=language,
            word_limit=app.settings.thank_you_max_words,
        )
    return check_text(text, ctx)
