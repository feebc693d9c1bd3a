"""Agreement across "and"/"but" with the sentence's pronoun subject
(`grammar_coordinated.py`; P5 "Checks before sending")."""

from __future__ import annotations

import pytest

from .rule_findings import spans_and_fixes


def _agreement(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return spans_and_fixes(text, "grammar.agreement")


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("He is our gas trader and are under a two year contract.", "are", "is"),
        ("She is young (only 23) but have raw talent.", "have", "has"),
        ("We have been branching out into new markets and is currently hiring.", "is", "are"),
        ("I manage the team and is responsible for hiring.", "is", "am"),
        ("They reviewed the plan and was happy with it.", "was", "were"),
    ],
)
def test_the_second_verb_takes_the_number_of_the_first_subject(
    text: str, span: str, fix: str
) -> None:
    assert _agreement(text) == [(span, (fix,))]


@pytest.mark.parametrize(
    "text",
    [
        "He said the reports were late and are missing.",
        "I think you and your team are great.",
        "I love the product and the team are great.",
        "She met the people who are leaving and is sad.",
        "We are keen and have a date in mind.",
        "It was good and is still good.",
        "You and I are ready.",
    ],
)
def test_a_verb_that_may_have_another_subject_is_left_alone(text: str) -> None:
    assert _agreement(text) == []
