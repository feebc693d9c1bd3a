"""Debriefs (P4), the next-round brief (P10) and the lessons (P11) through the services."""

from __future__ import annotations

from typing import Any

import pytest

from afterview import serialize
from afterview.errors import BadInput, UnknownInterview, UnknownOpportunity
from afterview.playbook.facts import AnswerQuality, AnswerReason, Overall
from afterview.services import decisions, queries, records
from afterview.services.app import App
from afterview.services.debriefs import (
    debrief_to_plain,
    parse_debrief,
    read_debrief_text,
    record_debrief,
)

from .helpers import at, newcomer, open_keys, plan

GOOD = {
    "went_well": ["System design", "  "],
    "nuggets": "Launching in Leeds",  # one text is a list of one
    "questions": [
        "Why us?",  # a bare question was answered well
        {
            "question": "Biggest failure?",
            "quality": "WEAK",
            "reason": "forgot",
            "add_next_time": "The 2024 migration",
        },
    ],
    "liked": ["Concrete examples"],
    "overall": "Good",
}


def test_parse_debrief_normalises_a_friendly_document() -> None:
    debrief = parse_debrief(GOOD, 7, at(10, 12))
    assert debrief.went_well == ("System design",)
    assert debrief.nuggets == ("Launching in Leeds",)
    assert [(q.question, q.quality, q.reason) for q in debrief.questions] == [
        ("Why us?", AnswerQuality.GOOD, None),
        ("Biggest failure?", AnswerQuality.WEAK, AnswerReason.FORGOT),
    ]
    assert debrief.overall is Overall.GOOD
    again = parse_debrief(debrief_to_plain(debrief), 7, at(10, 12))
    assert again == debrief  # what is saved can be edited and read back


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (["nuggets"], "holds one object"),
        ({"nuggest": ["typo"]}, r"Unknown debrief field\(s\): nuggest"),
        ({"liked": {"a": 1}}, "'liked' must be a list"),
        ({"liked": [["nested"]]}, "'liked' must hold text items"),
        ({"nuggets": ["x" * 2001]}, "too long"),
        ({"questions": [{"quality": "good"}]}, "Question 1 has no 'question' text"),
        (
            {"questions": [{"question": "Q", "quality": "brilliant"}]},
            "question 1 quality: 'brilliant' is not one of good, weak, wrong",
        ),
        ({"questions": [{"question": "Q", "mood": "x"}]}, r"unknown field\(s\) mood"),
        ({"questions": [5]}, "Question 1 must be an object"),
        ({"overall": "meh"}, "overall: 'meh' is not one of good, mixed, poor"),
    ],
)
def test_parse_debrief_names_each_mistake(document: Any, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        parse_debrief(document, 1, at(10, 12))


def test_a_debrief_completes_p4_and_replaces_the_earlier_one(app: App) -> None:
    n = newcomer(app)
    record_debrief(app, n.interview, GOOD, at(10, 11, 45))
    item = plan(app, n.opp, at(10, 12))["P4:debrief:interview=1"]
    assert (item["state"], item["closed_at"]) == ("done", "2026-03-10T11:45:00+00:00")
    record_debrief(app, n.interview, {"nuggets": ["Second thoughts"]}, at(10, 13))
    (saved,) = queries.show_opportunity(app, n.opp, at(10, 13)).opportunity.debriefs
    assert saved.nuggets == ("Second thoughts",) and saved.questions == ()
    with pytest.raises(UnknownInterview):
        record_debrief(app, 99, GOOD, at(10, 13))


def test_a_good_debrief_suggests_the_competitors(app: App) -> None:
    n = newcomer(app)
    assert open_keys(app, at(10, 12), rule="P9") == ["P9:keep-searching:n=1"]
    record_debrief(app, n.interview, GOOD, at(10, 11, 45))
    assert f"P9:competitors:opp={n.opp}" in open_keys(app, at(10, 12), rule="P9")


def test_the_brief_gathers_the_earlier_rounds(app: App) -> None:
    n = newcomer(app)
    record_debrief(app, n.interview, GOOD | {"new_questions": ["Team size?"]}, at(10, 11, 45))
    records.add_interview(
        app,
        n.opp,
        start=at(17, 10),
        end=at(17, 11),
        tz="Europe/London",
        now=at(12, 9),
        interviewer_ids=(n.dana,),
    )
    brief = serialize.brief(queries.brief(app, n.opp, at(12, 9)))
    assert brief["rounds_debriefed"] == [1]
    assert brief["to_improve"] == [
        {
            "question": "Biggest failure?",
            "quality": "weak",
            "reason": "forgot",
            "add_next_time": "The 2024 migration",
        }
    ]
    assert brief["questions_to_ask"] == ["Team size?"]
    assert brief["nuggets"] == ["Launching in Leeds"]
    assert {"name": "Dana Kim", "role": "interviewer", "title": None, "rounds": [1, 2]} in (
        brief["people"]
    )
    with pytest.raises(UnknownOpportunity):
        queries.brief(app, 99, at(12, 9))


def test_the_lessons_count_weak_questions_and_punctuality(app: App) -> None:
    first = newcomer(app)
    second = newcomer(app, "Bluefin Analytics", start=at(12, 14))
    weak = {
        "questions": [{"question": "Biggest failure?", "quality": "wrong", "reason": "misread"}],
        "liked": ["Concrete examples"],
    }
    record_debrief(app, first.interview, GOOD, at(10, 11, 45))  # on time
    record_debrief(app, second.interview, weak, at(13, 9))  # the next day: late
    decisions.skip(app, "P1:recruiter-call:interview=1", reason="no need", now=at(10, 12))
    report = serialize.lessons(queries.lessons(app, at(13, 10)))
    assert report["interviews_debriefed"] == 2
    (question,) = report["weak_questions"]
    assert (question["question"], question["times"], question["companies"]) == (
        "Biggest failure?",
        2,
        ["Northwind Health", "Bluefin Analytics"],
    )
    assert report["liked"] == [{"text": "Concrete examples", "times": 2}]
    rules = {r["rule"]: r for r in report["rules"]}
    assert (rules["P4"]["on_time"], rules["P4"]["late"]) == (1, 1)
    assert rules["P1"]["skipped"] == 1


def test_yaml_dates_in_a_list_are_kept_as_text() -> None:
    """`- 2026-03-10` in a YAML debrief is a date to YAML; it is a note to the candidate."""
    document = read_debrief_text("nuggets:\n  - 2026-03-10\n  - Launch in May\n", "d.yaml")
    parsed = parse_debrief(document, 1, at(10, 12))
    assert parsed.nuggets == ("2026-03-10", "Launch in May")


# Found by the outside bad-input campaign (issue 12): each crashed or was misread.
READ_AS_TYPED = {
    # Python's json.dumps writes an emoji as an escaped surrogate pair: one character.
    '{"nuggets": ["Launch \\ud83d\\ude00"]}': ("Launch \U0001f600",),
    # YAML would read these as True, False, a float and an impossible date (a crash).
    "nuggets: [yes, no, 3.10, 2026-02-30, on]": ("yes", "no", "3.10", "2026-02-30", "on"),
    "nuggets:\n  - 0x1F\n  - ~\n  - null\n  - .inf\n": ("0x1F", ".inf"),
}


@pytest.mark.parametrize(("text", "nuggets"), list(READ_AS_TYPED.items()))
def test_a_debrief_file_is_read_as_the_person_typed_it(text: str, nuggets: tuple[str, ...]) -> None:
    parsed = parse_debrief(read_debrief_text(text, "d"), 1, at(10, 12))
    assert parsed.nuggets == nuggets


REFUSED_FILES = {
    "deep JSON": ("[" * 100_000, "nested too deeply"),
    "deep YAML": ("nuggets: " + "[" * 5_000, "nested too deeply"),
    "huge number": ('{"nuggets": [' + "9" * 5000 + "]}", "is not a debrief"),
    "a lone surrogate": ('{"nuggets": ["\\ud83d"]}', "surrogate"),
    "an escape sequence": ('{"nuggets": ["\\u001b]0;pwned\\u0007"]}', "control character"),
    "a python tag": ("nuggets: !!python/object:os.system x", "neither valid JSON nor YAML"),
    "an explicit int": ("nuggets: [!!int 5]", "must hold text items"),
    "a question as a map": ('{"questions": [{"question": {"a": 1}}]}', "Question 1 must be text"),
    "a boolean quality": ('{"questions": [{"question": "Q", "quality": true}]}', "not one of"),
}


@pytest.mark.parametrize("case", list(REFUSED_FILES))
def test_a_bad_debrief_file_is_refused_with_a_reason(case: str) -> None:
    text, message = REFUSED_FILES[case]
    with pytest.raises(BadInput, match=message):
        parse_debrief(read_debrief_text(text, "d"), 1, at(10, 12))
