"""spelling.term: an unknown lower-case word used more than once, and not one edit from a
common word, is a warning (a term of the writer's field), not an error (P5: spelling);
a misspelling the writer repeats stays an error. Sentences written for these tests."""

from __future__ import annotations

import pytest

from afterview.writing.checker import check_text
from afterview.writing.context import CheckContext
from afterview.writing.findings import Severity


def spelling(text: str) -> list[tuple[str, str, Severity]]:
    report = check_text(text, CheckContext(language="en-US"))
    return [
        (text[f.offset : f.offset + f.length], f.rule, f.severity)
        for f in report.findings
        if f.rule.startswith("spelling")
    ]


def test_a_word_used_twice_is_taken_for_a_term() -> None:
    text = "The frobnicator is ready. Please send the frobnicator to the lab."
    found = spelling(text)
    assert found == [("frobnicator", "spelling.term", Severity.WARNING)] * 2
    message = check_text(text, CheckContext(language="en-US")).findings[0].message
    assert "used twice here" in message and "afterview words add" in message


def test_a_word_used_once_is_still_an_error() -> None:
    assert spelling("The frobnicator is ready.") == [("frobnicator", "spelling", Severity.ERROR)]


@pytest.mark.parametrize(
    "text",
    [
        "I definately want the role. I definately do.",  # one edit from "definitely"
        "We recieved the pack and recieved the offer.",  # one edit from "received"
        "The labelled box and the labelled tray.",  # the British spelling, in en-US
    ],
)
def test_a_misspelling_made_twice_stays_an_error(text: str) -> None:
    found = spelling(text)
    assert len(found) == 2 and all(sev is Severity.ERROR for _w, _r, sev in found), found
