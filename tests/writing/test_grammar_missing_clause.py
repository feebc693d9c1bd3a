"""Small words a clause cannot do without (`grammar_missing_clause.py`, and the subject
pronoun's auxiliary in `grammar_missing.missing_auxiliary`): P5 "Checks before sending"."""

from __future__ import annotations

import pytest

from .rule_findings import spans_and_fixes


def _missing(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return spans_and_fixes(text, "grammar.missing-word")


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("If they travel in a lower zone, then there no extra cost.", "there", "there is"),
        ("When you open it, there many slides that were not shown.", "there", "there are"),
        ("Here the final plan for the launch, please call me.", "Here", "Here is"),
        (
            "ENA has made some changes to the process, which described in this memo.",
            "which described",
            "which is described",
        ),
        ("Please let me know you still need the curve.", "know you", "know if you"),
        ("Let me know there is anything else you need.", "know there", "know if there"),
        ("I was wondering you could send me the file.", "wondering you", "wondering if you"),
        ("You have any questions, please contact me.", "You", "If you"),
        ("Support is focused on those who unable to use the service.", "who unable", None),
    ],
)
def test_a_clause_missing_its_small_word(text: str, span: str, fix: str | None) -> None:
    found = _missing(text)
    assert [s for s, _ in found] == [span]
    if fix is not None:
        assert found[0][1] == (fix,)


@pytest.mark.parametrize(
    "text",
    [
        "Let me know your thoughts.",
        "I will get there a day early.",
        "There the team met the client.",
        "I know you have been working with Barry.",
        "You have been great, please keep it up.",
        "We need more time, please let us know.",
        "Here is the plan.",
        "The report, which was described in the memo, is late.",
        "The change that resulted in the delay is fixed.",
    ],
)
def test_whole_clauses_are_left_alone(text: str) -> None:
    assert _missing(text) == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Screeners can look complex, but they important to get right.", "they", "they are"),
        ("You entitled to receive a free camera.", "You", "You are"),
        ("This way it always clear which field the label is for.", "it", "it is"),
    ],
)
def test_a_subject_pronoun_before_a_state_wants_be(text: str, span: str, fix: str) -> None:
    assert _missing(text) == [(span, (fix,))]


@pytest.mark.parametrize(
    "text",
    [
        "I expected to hear back sooner.",
        "They moved to London.",
        "Keep it simple.",
        "I find it useful to talk.",
        "If you clear the table, thanks.",
        "We committed to the plan in May.",
    ],
)
def test_a_pronoun_with_its_verb_is_left_alone(text: str) -> None:
    assert _missing(text) == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Please reply this message by Friday.", "reply this", "reply to this"),
        ("I replied him yesterday about the dates.", "replied him", "replied to him"),
        ("We apologize the inconvenience this caused.", "apologize the", "apologize for the"),
        ("You can subscribe the newsletter on the site.", "subscribe the", "subscribe to the"),
    ],
)
def test_a_verb_that_governs_a_preposition_without_it(text: str, span: str, fix: str) -> None:
    assert _missing(text) == [(span, (fix,))]


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for your reply. The reply the team sent was short.",
        "Please reply all.",
        "I apologise, the delay was mine.",
    ],
)
def test_the_noun_reply_and_a_bare_apology_are_left_alone(text: str) -> None:
    assert _missing(text) == []
