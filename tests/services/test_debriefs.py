"""Debriefs (P4), the next-round brief (P10) and the lessons (P11) through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest

from afterview import serialize
from afterview.errors import BadInput, UnknownInterview, UnknownOpportunity
from afterview.playbook.facts import AnswerQuality, AnswerReason, FitDecision, Overall, Route
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


def test_a_good_debrief_and_a_wish_to_continue_suggest_the_competitors(app: App) -> None:
    """P9: it went well *and* you want to go on; the good debrief alone is not enough."""
    n = newcomer(app)
    assert open_keys(app, at(10, 12), rule="P9") == ["P9:keep-searching:n=1"]
    record_debrief(app, n.interview, GOOD, at(10, 11, 45))
    assert f"P9:competitors:opp={n.opp}" not in open_keys(app, at(10, 12), rule="P9")
    scores = {"fit": 4, "growth": 4, "culture": 4, "values": 4, "happy": 4}
    records.reflect(app, n.opp, scores=scores, decision=FitDecision.CONTINUE, now=at(10, 13))
    assert f"P9:competitors:opp={n.opp}" in open_keys(app, at(10, 14), rule="P9")


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


@pytest.mark.parametrize(("entered", "verdict"), [(at(12, 23, 30), "overdue"),
                                                   (at(14, 0, 9), "caught_up")])  # fmt: skip
def test_the_first_search_reminder_past_when_the_interview_was_entered_is_caught_up(
    app: App, entered: datetime, verdict: str
) -> None:
    """P9's first reminder is due the working morning after the first interview (Friday
    09:00 after Thursday 23:09): typed in on Saturday at 00:09, it was already past."""
    opp = records.add_opportunity(
        app, company="Contoso", role="Analyst", route=Route.DIRECT, now=entered
    )
    records.add_interview(
        app, opp, start=at(12, 22, 9), end=at(12, 23, 9), tz="Europe/London", now=entered
    )
    (p9,) = [r for r in queries.lessons(app, at(14, 10)).rules if r.rule == "P9"]
    counts = {k: n for k, n in vars(p9).items() if k != "rule" and n}
    assert counts == {verdict: 1}


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
    "a question mark in brackets": (
        "overall: good\nconcerns: [on call?]",
        r"at line 2, column 19: expected ',' or '\]', but got '\?'\. A note that holds",
    ),
    "a question as a map": ('{"questions": [{"question": {"a": 1}}]}', "Question 1 must be text"),
    "a boolean quality": ('{"questions": [{"question": "Q", "quality": true}]}', "not one of"),
}


@pytest.mark.parametrize("case", list(REFUSED_FILES))
def test_a_bad_debrief_file_is_refused_with_a_reason(case: str) -> None:
    text, message = REFUSED_FILES[case]
    with pytest.raises(BadInput, match=message):
        parse_debrief(read_debrief_text(text, "d"), 1, at(10, 12))


# Found by the fuzz test: PyYAML's constructors failed on these with a bare
# ValueError, IndexError, KeyError or AttributeError (a traceback).
MISTYPED = {
    "!!int ''": "!!int '' on line 1 is not a valid !!int",
    "!!int 08": "!!int '08' on line 1 is not a valid !!int",
    "!!int ;": "!!int ';' on line 1 is not a valid !!int",
    "nuggets: [!!int -]": "!!int '-' on line 1 is not a valid !!int",
    "nuggets:\n  - fine\n  - !!int 08\n": "!!int '08' on line 3 is not a valid !!int",
    "nuggets: [!!bool maybe]": "!!bool 'maybe' on line 1 is not a valid !!bool",
    "nuggets: [!!timestamp 2026-02-30]": "!!timestamp '2026-02-30' on line 1 is not a valid",
    "nuggets: [!!timestamp soon]": "!!timestamp 'soon' on line 1 is not a valid",
    "nuggets: [!!float '']": "!!float '' on line 1 is not a valid !!float",
    "a: &x !!int 08\nb: *x": "!!int '08' on line 1 is not a valid !!int",
}


@pytest.mark.parametrize("text", list(MISTYPED))
def test_a_value_its_yaml_tag_does_not_fit_is_refused_with_a_reason(text: str) -> None:
    with pytest.raises(BadInput) as refused:
        read_debrief_text(text, "d.yaml")
    assert str(refused.value).startswith(f"d.yaml is not a debrief: {MISTYPED[text]}")
    assert "without the" in str(refused.value)


def test_a_value_its_yaml_tag_fits_keeps_its_type() -> None:
    """`!!int 5` is a number, as 5 in JSON is: refused as a nugget, not as a tag."""
    assert read_debrief_text("nuggets: [!!int 0x1F, !!str 08, !!bool yes]", "d") == {
        "nuggets": [31, "08", True]
    }


# --- who said it (P5 attribution, issue 10) ---------------------------------------------


@dataclass(frozen=True)
class Panel:
    """A round with Dana Kim and Zoë Ngata; recruiter Priya Shah; Tom Reyes in a later round."""

    opp: int
    interview: int
    dana: int
    zoe: int
    priya: int
    tom: int


def panel(app: App) -> Panel:
    n = newcomer(app)
    zoe_round = records.add_interview(
        app,
        n.opp,
        start=at(11, 10),
        end=at(11, 11),
        tz="Europe/London",
        now=at(2, 9),
        interviewers=(records.NewInterviewer("Zoë Ngata"),),
        interviewer_ids=(n.dana,),
    )
    records.add_interview(
        app,
        n.opp,
        start=at(17, 10),
        end=at(17, 11),
        tz="Europe/London",
        now=at(2, 9),
        interviewers=(records.NewInterviewer("Tom Reyes"),),
    )
    people = {
        p.name: p.id for p in queries.show_opportunity(app, n.opp, at(2, 9)).opportunity.people
    }
    return Panel(n.opp, zoe_round, n.dana, people["Zoë Ngata"], n.recruiter, people["Tom Reyes"])


def saved_nuggets(app: App, case: Panel) -> list[tuple[str, int | None]]:
    opp = queries.show_opportunity(app, case.opp, at(11, 13)).opportunity
    debrief = opp.debrief_for(case.interview)
    assert debrief is not None
    return [(text, debrief.said_by(i)) for i, text in enumerate(debrief.nuggets)]


def test_a_nugget_names_who_said_it_in_every_way_a_person_writes_it(app: App) -> None:
    case = panel(app)
    nuggets = [
        {"text": "the clinic opens in Leeds", "said_by": case.zoe},  # an id
        {"text": "the board meets monthly", "said_by": str(case.dana)},  # an id as typed
        {"text": "billing moves to Kotlin", "said_by": "Dana Kim"},  # the exact name
        {"text": "weekly demos every Friday", "said_by": "ZOE NGATA"},  # case, no accent
        {"text": "a second lab in 2027", "said_by": "zoë"},  # one word of the name
        {"text": "a new CTO in May", "said_by": "Dr Kim"},  # a title and the surname
        "Zoe: the lab moves to Cambridge",  # a leading name and a colon
        "Dr. Ngata said the data team doubles next year",  # "X said" in the note
        "dana mentioned that the US launch is next spring",
        "they are hiring two designers",  # nobody in particular
    ]
    record_debrief(app, case.interview, {"nuggets": nuggets}, at(11, 12))
    dana, zoe = case.dana, case.zoe
    assert saved_nuggets(app, case) == [
        ("the clinic opens in Leeds", zoe),
        ("the board meets monthly", dana),
        ("billing moves to Kotlin", dana),
        ("weekly demos every Friday", zoe),
        ("a second lab in 2027", zoe),
        ("a new CTO in May", dana),
        ("the lab moves to Cambridge", zoe),  # the prefix is not part of the note
        ("Dr. Ngata said the data team doubles next year", zoe),  # the note as typed
        ("dana mentioned that the US launch is next spring", dana),
        ("they are hiring two designers", None),
    ]
    opp = queries.show_opportunity(app, case.opp, at(11, 13)).opportunity
    debrief = opp.debrief_for(case.interview)
    assert debrief is not None
    plain = debrief_to_plain(debrief)  # what an edit starts from, and reads back the same
    assert plain["nuggets"][0] == {"text": "the clinic opens in Leeds", "said_by": zoe}
    assert plain["nuggets"][-1] == "they are hiring two designers"
    people = [(dana, "Dana Kim"), (zoe, "Zoë Ngata")]
    assert parse_debrief(plain, case.interview, debrief.recorded_at, people) == debrief


def test_an_unknown_name_is_refused_with_the_interviewers(app: App) -> None:
    case = panel(app)
    document = {"nuggets": ["kept", {"text": "the board meets monthly", "said_by": "Zed"}]}
    with pytest.raises(BadInput) as refused:
        record_debrief(app, case.interview, document, at(11, 12))
    assert refused.value.exit_code == 2
    assert refused.value.message == (
        "Who said nugget 2: nobody called 'Zed' was an interviewer at this "
        f"interview; its interviewers are Dana Kim ({case.dana}), Zoë Ngata ({case.zoe})."
    )
    assert (
        queries.show_opportunity(app, case.opp, at(11, 13)).opportunity.debrief_for(case.interview)
        is None
    )  # nothing written


@pytest.mark.parametrize("who", ["priya", "tom", "Tom Reyes", "Priya Shah"])
def test_someone_who_was_not_at_that_interview_is_refused(app: App, who: str) -> None:
    """The recruiter (never in the room) and round 2's interviewer, by id and by name."""
    case = panel(app)
    record_debrief(app, case.interview, {"nuggets": ["earlier"]}, at(11, 12))
    pid = case.priya if who.lower().startswith("priya") else case.tom
    reference: object = pid if who.islower() else who
    with pytest.raises(BadInput, match=r"at this interview; its interviewers are Dana Kim"):
        record_debrief(
            app, case.interview, {"nuggets": [{"text": "x", "said_by": reference}]}, at(11, 13)
        )
    assert saved_nuggets(app, case) == [("earlier", None)]  # the earlier debrief stands


def test_a_note_naming_someone_not_at_the_interview_stays_a_plain_note(app: App) -> None:
    """Only an explicit said_by is refused: "Priya: …" or "Tom said …" is the candidate's note."""
    case = panel(app)
    notes = ["Priya: the offer comes by Friday", "Tom said the team is growing", "Note: big"]
    record_debrief(app, case.interview, {"nuggets": notes}, at(11, 12))
    assert saved_nuggets(app, case) == [(note, None) for note in notes]


def test_a_name_shared_by_two_interviewers_asks_for_the_id() -> None:
    people = [(1, "Sam Lee"), (2, "Sam Ng")]
    with pytest.raises(BadInput, match="'sam' names more than one interviewer; use the id"):
        parse_debrief({"nuggets": [{"text": "x", "said_by": "sam"}]}, 1, at(11, 12), people)
    parsed = parse_debrief({"nuggets": ["Sam: x", "Sam Ng: y"]}, 1, at(11, 12), people)
    assert (parsed.nuggets, parsed.nugget_said_by) == (("Sam: x", "y"), (None, 2))
