"""A preposition dropped between two noun phrases, and "for" before a stretch of time
(`grammar_missing_preposition.py`; P5 "Checks before sending")."""

from __future__ import annotations

import pytest

from .rule_findings import spans_and_fixes


def _missing(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return spans_and_fixes(text, "grammar.missing-word")


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("What is the status the quote from Wade?", "status the", "status of the"),
        ("I need a copy the contract by Friday.", "copy the", "copy of the"),
        ("We discussed the scope the project at length.", "scope the", "scope of the"),
        ("Could you confirm the date the interview please?", "date the", "date of the"),
        ("I attach the final version our proposal.", "version our", "version of our"),
    ],
)
def test_a_preposition_dropped_between_two_noun_phrases_is_put_back(
    text: str, span: str, fix: str
) -> None:
    assert _missing(text) == [(span, (fix,))]


def test_the_counts_choose_the_preposition_and_the_message_names_it() -> None:
    found = _missing("This e-mail is an automated notification the availability of the report.")
    assert [span for span, _ in found] == ["notification the"]
    assert found[0][1][0].startswith("notification ")
    assert found[0][1][0].split()[1] in ("of", "on", "for", "to", "in", "with", "about")


@pytest.mark.parametrize(
    "text",
    [
        "The report the team sent is late.",
        "Please send the team the file.",
        "We wish the whole team the best of luck.",
        "This week the team met.",
        "It should be helpful for people who see the model the first time.",
        "I will be out of the office this Thursday and Friday.",
        "Fares are based on the distance the bus travels.",
        "Present the steps in the order your user and your agency will follow them.",
        "WCAG is a list of criteria your website or application need to meet.",
    ],
)
def test_two_objects_time_phrases_and_relative_clauses_are_left_alone(text: str) -> None:
    assert _missing(text) == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("This request has been pending your approval 2 days.", "2 days", "for 2 days"),
        ("Simply remain a customer 90 days to get the offer.", "90 days", "for 90 days"),
    ],
)
def test_a_stretch_of_time_after_a_noun_wants_for(text: str, span: str, fix: str) -> None:
    assert _missing(text) == [(span, (fix,))]


@pytest.mark.parametrize(
    "text",
    [
        "The project lasted 2 days.",
        "I worked there three years.",
        "The invoice is 30 days past due.",
        "I started the job two years ago.",
        "Over the past 12 months, the desk has grown.",
        "The company has for the past 14 years sold pricing software.",
        "It took the team three weeks.",
        "Please give the agency two weeks' notice.",
    ],
)
def test_a_stretch_after_a_verb_or_a_point_in_time_is_left_alone(text: str) -> None:
    assert _missing(text) == []
