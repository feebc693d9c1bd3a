"""The form a verb takes after the word that governs it (checks/verb_complements.py and
the verb-form rules of checks/grammar_classes.py, P5): adverbs between, contractions,
and the good uses of the same shapes."""

from __future__ import annotations

import pytest

from afterview.writing.checks import grammar
from afterview.writing.context import CheckContext
from afterview.writing.text import Document


def _verb_forms(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [
        (text[f.offset : f.offset + f.length], f.suggestions)
        for f in grammar.check(Document(text), CheckContext(language="en-US"))
        if f.rule == "grammar.verb-form"
    ]


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Let it influences the direction of your project.", "influences", "influence"),
        ("Help them gets started on day one.", "gets", "get"),
        ("I recommend use the new form.", "use", "using"),
        ("I enjoyed discuss the role with you.", "discuss", "discussing"),
        ("Use a list, such as format a numbered list.", "format", "formatting"),
        ("We cut costs while enhance IT modernization.", "enhance", "enhancing"),
        ("This practice is strongly discourage even if it is common.", "discourage", "discouraged"),
        ("A prototype is typically delete or discarded.", "delete", "deleted"),
        ("Users can be successfully use to contact the office.", "use", "used"),
        ("Ask them what will be expect of you.", "expect", "expected"),
        ("It enables them to developed and refine their skills.", "developed", "develop"),
        ("We want to heard multiple viewpoints.", "heard", "hear"),
        ("We want to better supported access.", "supported", "support"),
        ("The team can better supported them.", "supported", "support"),
        ("After you've load the package, run the build.", "load", "loaded"),
        ("You'll always ended up upsetting someone.", "ended", "end"),
        ("The deduction will being a percentage of the total.", "being", "be"),
        ("The work should been available by Friday.", "been", "be"),
    ],
)
def test_the_governed_form_is_asked_for(text: str, span: str, fix: str) -> None:
    found = _verb_forms(text)
    assert any(s == span and fix in f for s, f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Consider cost when you plan.",
        "I suggest we meet on Monday.",
        "While work continues, the site stays up.",
        "Make it work for you.",
        "Let us know what you think.",
        "It is generally better to create reports by hand.",
        "The margin is the range within which the value is likely to fall.",
        "The review is part of the process.",
        "We want to better understand users.",
        "The site is currently work in progress.",
        "We need to discuss this.",
    ],
)
def test_the_good_uses_are_left_alone(text: str) -> None:
    assert _verb_forms(text) == []
