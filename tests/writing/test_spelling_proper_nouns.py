"""A capitalised word one letter from a day, a month, a language, a nationality or a
place of the dictionary is that word misspelt, not an unknown name (P5: spelling); a
person's name one letter from a famous surname or a given name stays a name.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from afterview.writing.checker import check_text
from afterview.writing.context import CheckContext


def rules(text: str, word: str) -> list[str]:
    report = check_text(text, CheckContext(language="en-US"))
    return [f.rule for f in report.findings if text[f.offset : f.offset + f.length] == word]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He speaks Portugese with the Lisbon team.", "Portugese"),
        ("Can we meet on Wendesday instead?", "Wendesday"),
        ("The role starts in Febuary.", "Febuary"),
        ("Our office in Indonesa opens soon.", "Indonesa"),
        ("I worked with Brazillian clients.", "Brazillian"),
    ],
)
def test_a_slip_of_a_proper_noun_is_a_spelling_error(text: str, word: str) -> None:
    assert rules(text, word) == ["spelling"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I met Hoecker at the hearing.", "Hoecker"),  # one letter from "Honecker"
        ("Thanks to Jonathon for the tour.", "Jonathon"),  # a given name's variant
        ("Please copy Katharine on the reply.", "Katharine"),
    ],
)
def test_a_persons_name_near_a_dictionary_name_is_left_a_name(text: str, word: str) -> None:
    assert rules(text, word) in ([], ["spelling.name"])


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Should I appeal to Skilling before Friday?", "Skilling"),  # "killing"
        ("The confirmation came from Salomon Smith Barney.", "Salomon"),  # "salmon"
        ("Our lawyers at Simpkins Winstead sent the draft.", "Winstead"),  # "instead"
    ],
)
def test_a_listed_name_inside_a_sentence_is_a_name_though_one_letter_from_a_word(
    text: str, word: str
) -> None:
    assert rules(text, word) == ["spelling.name"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The DOE Sectretary called the chair.", "Sectretary"),
        ("The Provincial Goverment sent its thanks.", "Goverment"),
    ],
)
def test_a_capitalised_slip_of_a_common_word_stays_an_error(text: str, word: str) -> None:
    assert rules(text, word) == ["spelling"]
