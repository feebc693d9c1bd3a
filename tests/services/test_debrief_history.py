"""A second debrief of the same interview never silently replaces the first (P4).

Issue: `afterview debrief N` twice replaced the first debrief, nuggets and ratings
included. Now "new" refuses and says what is there, "add" merges, "replace" replaces,
and every earlier version is kept in the interview's debrief history.
"""

from __future__ import annotations

import pytest

from afterview.errors import Conflict, UnknownInterview
from afterview.playbook.facts import Overall
from afterview.services.app import App
from afterview.services.debriefs import debrief_history, debrief_of, describe, record_debrief

from .helpers import at, newcomer

FIRST = {
    "went_well": ["the system design exercise"],
    "nuggets": [{"text": "they are opening a Lisbon office", "said_by": "Dana Kim"}],
    "concerns": ["nobody mentioned on-call"],
    "overall": "good",
}
SECOND = {
    "went_well": ["the system design exercise", "the SQL question"],
    "nuggets": ["the billing platform moves to Kotlin"],
    "questions": [{"question": "Why data engineering?", "quality": "weak", "reason": "forgot"}],
}


def test_new_refuses_when_one_exists_saying_what_it_holds(app: App) -> None:
    n = newcomer(app)
    record_debrief(app, n.interview, FIRST, at(10, 12), mode="new")
    with pytest.raises(Conflict) as refused:
        record_debrief(app, n.interview, SECOND, at(10, 13), mode="new")
    assert refused.value.message == (
        f"Interview {n.interview} already has a debrief (1 went well, 1 nugget, 1 concern, "
        "written Tue 10 Mar 12:00). Add to it with --add, or replace it with --replace "
        "(the earlier one is kept)."
    )
    kept = debrief_of(app, n.interview, at(10, 13))
    assert kept is not None and kept.nuggets == ("they are opening a Lisbon office",)
    assert debrief_history(app, n.interview, at(10, 13)) == []


def test_add_merges_and_keeps_the_earlier_version(app: App) -> None:
    n = newcomer(app)
    record_debrief(app, n.interview, FIRST, at(10, 12), mode="new")
    record_debrief(app, n.interview, SECOND, at(10, 13), mode="add")
    merged = debrief_of(app, n.interview, at(10, 13))
    assert merged is not None
    assert merged.went_well == ("the system design exercise", "the SQL question")
    assert merged.nuggets == (
        "they are opening a Lisbon office", "the billing platform moves to Kotlin",
    )  # fmt: skip
    assert merged.said_by(0) == n.dana and merged.said_by(1) is None
    assert merged.concerns == ("nobody mentioned on-call",)
    assert merged.overall is Overall.GOOD  # not given the second time: kept
    assert [q.question for q in merged.questions] == ["Why data engineering?"]
    assert describe(merged) == "2 went well, 2 nuggets, 1 question, 1 concern"
    (earlier,) = debrief_history(app, n.interview, at(10, 14))
    assert earlier["written"] == at(10, 12).isoformat()
    assert earlier["replaced"] == at(10, 13).isoformat()
    assert earlier["debrief"]["nuggets"] == [
        {"text": "they are opening a Lisbon office", "said_by": n.dana}
    ]


def test_replace_replaces_and_keeps_every_earlier_version(app: App) -> None:
    n = newcomer(app)
    record_debrief(app, n.interview, FIRST, at(10, 12), mode="new")
    record_debrief(app, n.interview, SECOND, at(10, 13), mode="replace")
    record_debrief(app, n.interview, {"liked": ["my questions"]}, at(10, 14), mode="replace")
    now = debrief_of(app, n.interview, at(10, 15))
    assert now is not None and now.liked == ("my questions",) and now.nuggets == ()
    versions = debrief_history(app, n.interview, at(10, 15))
    assert [v["debrief"]["went_well"] for v in versions] == [
        ["the system design exercise"],
        ["the system design exercise", "the SQL question"],
    ]


def test_history_of_an_unknown_interview_is_refused(app: App) -> None:
    with pytest.raises(UnknownInterview):
        debrief_history(app, 99, at(10, 12))
