"""tone: P5 "no negative statements or words" (and P7/P8: courteous, never pushy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterview.writing.checks import tone
from afterview.writing.context import CheckContext
from afterview.writing.findings import Severity
from afterview.writing.text import Document

E, W = Severity.ERROR, Severity.WARNING


def found(text: str) -> list[tuple[str, str, Severity, str | None]]:
    return [
        (
            text[f.offset : f.offset + f.length],
            f.rule,
            f.severity,
            f.suggestions[0] if f.suggestions else None,
        )
        for f in tone.check(Document(text), CheckContext())
    ]


WORD = "tone.negative-word"
STATEMENT = "tone.negative-statement"

POSITIVES = [
    # negative words, with a softer word where one fits
    ("We discussed the problem of scale.", "problem", WORD, W, "challenge"),
    ("The problems you described are real.", "problems", WORD, W, "challenges"),
    ("It was a difficult question.", "difficult", WORD, W, "challenging"),
    ("The commute is terrible.", "terrible", WORD, W, "challenging"),
    ("That part was stressful.", "stressful", WORD, W, "demanding"),
    ("The launch was a disaster.", "disaster", WORD, W, None),
    ("Unfortunately, I am away on Friday.", "Unfortunately, ", WORD, W, ""),
    ("Unfortunately, the date moved.", "Unfortunately, the", WORD, W, "The"),
    ("I am, sadly, away.", "sadly, ", WORD, W, ""),
    # apologising for one's performance
    (
        "I am sorry for my nervous answers, truly.",
        "I am sorry for my nervous answers",
        STATEMENT,
        E,
        None,
    ),
    ("Sorry about my nervousness.", "Sorry about my nervousness", STATEMENT, E, None),
    ("My last manager micromanaged everything.", "micromanaged", STATEMENT, E, None),
    ("My boss took credit for my work.", "took credit for my work", STATEMENT, E, None),
    ("It was a toxic culture.", "toxic", STATEMENT, E, None),
    (
        "My boss never listened to the team.",
        "My boss never listened to the team",
        STATEMENT,
        E,
        None,
    ),
    (
        "My former manager constantly undermined us.",
        "My former manager constantly undermined us",
        STATEMENT,
        E,
        None,
    ),
    (
        "I apologise for the confusion earlier.",
        "I apologise for the confusion earlier",
        STATEMENT,
        E,
        None,
    ),
    (
        "I apologize for my answer on pricing.",
        "I apologize for my answer on pricing",
        STATEMENT,
        E,
        None,
    ),
    ("I didn't do well on the test.", "I didn't do well", STATEMENT, E, None),
    ("I did not do my best today.", "I did not do my best", STATEMENT, E, None),
    ("I messed up the second question.", "I messed up", STATEMENT, E, None),
    ("I was so nervous.", "I was so nervous", STATEMENT, E, None),
    ("I struggled with the case study.", "I struggled with", STATEMENT, E, None),
    ("My answer on budgets was weak.", "My answer on budgets was weak", STATEMENT, E, None),
    ("My answers were not great.", "My answers were not great", STATEMENT, E, None),
    # criticising an employer
    ("My current employer is toxic.", "My current employer is toxic", STATEMENT, E, None),
    (
        "My previous manager was really incompetent.",
        "My previous manager was really incompetent",
        STATEMENT,
        E,
        None,
    ),
    ("I hate my commute", "I hate my commute", STATEMENT, E, None),
    # desperation
    (
        "I really need this job.",
        "I really need this job",
        STATEMENT,
        E,
        "I am very keen on this role",
    ),
    ("I am desperate to join.", "desperate", STATEMENT, E, "keen"),
    ("I desperately want it.", "desperately", STATEMENT, E, "very much"),
    ("I'll take anything.", "I'll take anything", STATEMENT, E, None),
]


@pytest.mark.parametrize(("text", "span", "rule", "severity", "suggestion"), POSITIVES)
def test_finds_negative_tone(
    text: str, span: str, rule: str, severity: Severity, suggestion: str | None
) -> None:
    assert found(text) == [(span, rule, severity, suggestion)]


NEGATIVES = [
    "No problem at all.",
    "It was not difficult, and there were never any problems.",
    "I solved problems in production and reduced errors by 40%.",
    "My problem-solving skills and error handling work fit well.",
    "I enjoyed hearing about the pain points your customers raised.",
    "Your fraud detection team and the cancer care unit impressed me.",
    "I met the Fraud Prevention Unit and the Crisis Response Team.",
    "I worked in the emergency department for three years.",
    "I enjoyed the challenge and the pressure was fine.",
    "I was not nervous at all. I am very keen on this role.",
    "I am happy to provide any further information.",
    "Thank you for your patience with my questions.",
    "I would need a week's notice.",
    "Write to me at bad.problem@example.com for details.",
    "We covered the dead-letter queue, the kill switch and disaster recovery.",
    "I am a critical thinker who loves complex problems.",
    "I enjoy hard problems and I am good under pressure.",
    # Courtesy is not complaint (P7/P8: polite; P5: no negative statements).
    "Sorry about my late reply.",
    "I apologise for the delay in getting back to you.",
    "Unfortunately I am unable to attend on Friday.",
    "Unfortunately, we will not be able to travel that week.",
    "Unfortunately I've accepted another offer, so I'd like to withdraw from the process.",
    "Unfortunately, I have decided to withdraw my application.",
    "Please accept my apologies for any inconvenience this causes.",
    "I was sorry to hear about your loss; my condolences to your family.",
    "Thank you for taking the trouble to write such a detailed reply.",
    # a withdrawal's courtesy (P7): the decision was hard, not the employer
    "It was a difficult decision, and I am grateful for your time.",
    "My manager always supported me and my team never missed a deadline.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_positive_text_alone(text: str) -> None:
    assert found(text) == []


def test_a_word_inside_a_statement_is_reported_once() -> None:
    text = "My previous boss was terrible."
    assert found(text) == [("My previous boss was terrible", STATEMENT, E, None)]


def test_messages_cite_p5_and_explain() -> None:
    [word] = tone.check(Document("It was a problem."), CheckContext())
    assert "P5" in word.message and "challenge" in word.message
    [statement] = tone.check(Document("I was so nervous."), CheckContext())
    assert "P5" in statement.message and "positive" in statement.message


def test_lexicon_comes_from_the_installed_vader_package() -> None:
    words = tone.negative_words()
    assert {"problem", "terrible", "disaster"} <= words
    assert "hard" not in words  # -0.4: too mild to flag
    assert "great" not in words
    assert tone.negative_words() is words  # loaded once


def test_the_lexicon_words_are_cached_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parsed word list lands in the cache folder and later processes read it."""
    monkeypatch.setenv("AFTERVIEW_CACHE", str(tmp_path))
    tone.negative_words.cache_clear()
    try:
        words = tone.negative_words()
        (cached,) = tmp_path.glob("tone-negative-*.txt")
        assert set(cached.read_text(encoding="utf-8").split("\n")) == words
        cached.write_text("gloomword", encoding="utf-8")  # proves the next read uses it
        tone.negative_words.cache_clear()
        assert tone.negative_words() == frozenset({"gloomword"})
    finally:
        tone.negative_words.cache_clear()


@pytest.mark.parametrize(
    "text",
    ["Rob,\nThe figures are attached.", "Rob, the figures are attached.", "Rusty, see below."],
)
def test_a_given_name_opening_a_line_before_a_comma_is_not_a_negative_word(text: str) -> None:
    """ "Rob," greets Rob; a negative word in the same place is still reported."""
    assert found(text) == []
    assert [f[0] for f in found("Sadly, the figures are late.")] == ["Sadly, the"]
