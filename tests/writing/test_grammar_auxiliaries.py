"""Slips around auxiliaries and small words found in real email (writing/checks/
grammar_auxiliaries.py, P5), each with its fix, and the good uses of the same shapes
left alone."""

from __future__ import annotations

import pytest

from afterview.writing.checker import check_text
from afterview.writing.context import CheckContext


def _found(text: str, rule: str) -> list[tuple[str, tuple[str, ...]]]:
    report = check_text(text, CheckContext(language="en-US"))
    return [
        (text[f.offset : f.offset + f.length], f.suggestions)
        for f in report.findings
        if f.rule == f"grammar.{rule}"
    ]


@pytest.mark.parametrize(
    ("text", "rule", "span", "fix"),
    [
        (
            "Ivy can walk you through it and it can done in about 5 minutes.",
            "missing-word",
            "can done",
            "can be done",
        ),
        ("The forms should taken by Friday.", "missing-word", "should taken", "should be taken"),
        (
            "She will working with Laura in the new group.",
            "missing-word",
            "She will working",
            "She will be working",
        ),
        ("Steve and I been asked to attend.", "missing-word", "I been", "I have been"),
        ("Thanks for letting me knew.", "verb-form", "letting me knew", "letting me know"),
        ("The guidance is base on research.", "verb-form", "is base", "is based"),
        ("It made him went back.", "verb-form", "made him went", "made him go"),
        ("Since March she been handling it.", "missing-word", "she been", "she has been"),
        (
            "We all gone over the valuations in March.",
            "verb-form",
            "We all gone",
            "We all went",
        ),
        (
            "Will you advise if have completed the form?",
            "missing-word",
            "if have",
            "if you have",
        ),
        ("Call me with any questions you may of.", "could-of", "may of", "may have"),
        ("I may not of received it.", "could-of", "may not of", "may not have"),
        ("He should not of said that.", "could-of", "should not of", "should not have"),
        ("At least its some news.", "its-its", "its some", "it's some"),
        ("I left my umbrella while I was their.", "their-there", "was their", "was there"),
        ("Please execute and send too: Ann Lee.", "to-too", "send too", "send to"),
        ("WHEN: Friday\nWERE: Enron Building", "were-where", "WERE", "WHERE"),
        ("Were is the meeting?", "were-where", "Were", "Where"),
        (
            "We talked this morning and where in the process of turning it over.",
            "were-where",
            "and where",
            "and were",
        ),
    ],
)
def test_a_slip_is_found_with_its_fix(text: str, rule: str, span: str, fix: str) -> None:
    assert (span, (fix,)) in _found(text, rule)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("It can be done in about 5 minutes.", "missing-word"),
        ("We could not have done anything more.", "missing-word"),
        ("She will be working with Laura.", "missing-word"),
        ("I can swing by tomorrow at noon.", "missing-word"),
        ("We will ping you when it is ready.", "missing-word"),
        ("This will making it easier.", "missing-word"),  # the verb's form: verb_forms
        ("Have you been to the new office?", "missing-word"),
        ("Thanks for letting me know what you saw.", "verb-form"),
        ("We base our work on data.", "verb-form"),
        ("Had I been told, I would have come.", "missing-word"),
        ("We went over the valuations in March.", "verb-form"),
        ("Given the time, we stopped.", "verb-form"),
        ("I will of course call you.", "could-of"),
        ("It may of course change.", "could-of"),
        ("The firm kept its no-claims bonus.", "its-its"),
        ("Their office is near. The choice was theirs.", "their-there"),
        ("I am going too: it sounds fun.", "to-too"),
        ("Where in the process of hiring are you?", "were-where"),
    ],
)
def test_the_good_use_is_left_alone(text: str, rule: str) -> None:
    assert _found(text, rule) == []
