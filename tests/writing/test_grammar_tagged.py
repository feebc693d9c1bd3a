"""The tagged grammar rules (writing/checks/grammar_tagged.py, tagger.py): agreement found
through the subject's head, and the quiet cases English leaves open (P5)."""

from __future__ import annotations

import pytest

from afterview.writing.checks import tagger
from afterview.writing.checks.grammar_classes import findings
from afterview.writing.text import Document


def _rules(text: str) -> list[tuple[str, str]]:
    return [(text[f.offset : f.offset + f.length], f.rule) for f in findings(Document(text))]


def test_the_tagger_tells_nouns_from_verbs_by_their_neighbours() -> None:
    tags = tagger.tag(["The", "team", "reviews", "the", "reports", "on", "Friday", "."])
    assert tags[2] == "VBZ" and tags[4] == "NNS"
    assert tagger.tag(["We", "need", "to", "test", "it", "."])[1] == "VBP"


def test_the_tagger_weights_are_small() -> None:
    assert tagger.DATA.stat().st_size < 100_000


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The purpose of this workshop are to plan the launch.", "purpose of this workshop are"),
        ("It is a service that make forms easier to fill in.", "service that make"),
        ("FOSS allow us to change the code.", "FOSS allow"),
        ("With these type of brains at your service, we can help.", "these type"),
        ("There is resources that can help you.", "There is"),
        ("If you are new, your trying to learn a lot.", "your"),
    ],
)
def test_slips_the_tags_reveal_are_caught(text: str, span: str) -> None:
    assert any(found == span for found, _ in _rules(text)), _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "One of the reports is late.",
        "The team have agreed on a date.",
        "A number of people are waiting for the results.",
        "We build services, which sometimes means people wait.",
        "Vote.gov, College Scorecard, and Federalist have all launched.",
        "The needs of the users who are new matter most.",
        "The content that users need is on the page.",
        "Keeping content in one place makes it easy to manage.",
    ],
)
def test_good_english_stays_quiet(text: str) -> None:
    assert [r for r in _rules(text) if r[1] == "grammar.agreement"] == []
