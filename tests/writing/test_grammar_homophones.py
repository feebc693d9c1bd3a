"""Homophones the tags around them settle (writing/checks/grammar_homophones.py, P5), and
the good uses of the same shapes."""

from __future__ import annotations

import pytest

from afterview.writing.checker import check_text
from afterview.writing.context import CheckContext

from .rule_findings import spans_and_fixes


def _homophones(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    report = check_text(text, CheckContext(language="en-GB"))
    rules = ("grammar.affect-effect", "grammar.your-youre", "grammar.its-its", "grammar.were-where")
    return [
        (text[f.offset : f.offset + f.length], f.rule, f.suggestions)
        for f in report.findings
        if f.rule in rules
    ]


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("It is only affective if used well.", "affective", "effective"),
        ("This is a cost affective way to do it.", "affective", "effective"),
        ("Rules should protect citizens effected by them.", "effected", "affected"),
        ("We use measurements that effect time on task.", "effect", "affect"),
        ("Leaders have the power to affect cultural change.", "affect", "effect"),
        ("Skip this if your blind or have low vision.", "your", "you're"),
        ("If your free on Monday, call me.", "your", "you're"),
        ("You're planning will benefit from this.", "You're", "Your"),
        ("Good editing can open up you're writing.", "you're", "your"),
        ("Use the name as its shown on a passport.", "its", "it's"),
        ("Its most effective when used early.", "Its", "It's"),
        ("Check at all points were text overlays obscure the image.", "were", "where"),
        ("The flood zone may be were a building is at risk.", "were", "where"),
    ],
)
def test_the_homophone_is_found_with_its_fix(text: str, word: str, fix: str) -> None:
    assert any(w == word and fix in f for w, _, f in _homophones(text)), _homophones(text)


@pytest.mark.parametrize(
    "text",
    [
        "If your schedule allows, we could meet on Monday.",
        "If you do your best for the team, it shows.",
        "On your own in the office, you can focus.",
        "Its main goal is clear, and it has its own challenges.",
        "The policy can affect change management.",
        "The changes were effected by the board.",
        "The pattern you're suggesting will be useful.",
        "Affective disorders are a field of their own.",
        "The results were good news, and the points were text overlays.",
        "They were team leads who helped; the steps were clear and the team is great.",
    ],
)
def test_the_good_uses_are_left_alone(text: str) -> None:
    assert _homophones(text) == []


def _to_too(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return spans_and_fixes(text, "grammar.to-too")


@pytest.mark.parametrize(
    "text",
    [
        "I understand your choices and they were conscious ones to.",
        "I will send it to you and Mark to.",
        "I enjoyed the lunch and the tour to.",
    ],
)
def test_to_ending_a_sentence_after_a_noun_is_too(text: str) -> None:
    assert ("to", ("too",)) in _to_too(text)


@pytest.mark.parametrize(
    "text",
    [
        "That is the person I spoke to.",
        "That is the office I report to.",
        "Which team does she belong to?",
        "I would love to.",
        "Which one did he refer you to.",
        "Here is the address to send it to.",
    ],
)
def test_to_ending_a_sentence_after_a_verb_or_a_question_word_is_left_alone(text: str) -> None:
    assert _to_too(text) == []
