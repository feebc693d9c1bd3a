"""Agreement the word-class rules leave (writing/checks/grammar_agreement.py, P5): a
person's name with a plural verb, "this"/"that" before a plural noun, "what appear to be
a"; singular nouns in -s (grammar_classes.SINGULAR_S); and the good uses left alone."""

from __future__ import annotations

import pytest

from .rule_findings import spans_and_fixes


def _agreement(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return spans_and_fixes(text, "grammar.agreement")


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        (
            "Robert Jones are handling all the paperwork.",
            "Robert Jones are",
            "Robert Jones is",
        ),
        ("Since May, Linda Perez have led the desk.", "Linda Perez have", "Linda Perez has"),
        ("Laura Luce are in the Estate.", "Laura Luce are", "Laura Luce is"),
        (
            "ENA would require that this investments be hedged.",
            "this investments",
            "these investments",
        ),
        ("This contracts are old.", "This contracts", "These contracts"),
        ("They found what appear to be a conflict.", "appear", "appears"),
        (
            "If the officer status are not required, we proceed.",
            "the officer status are",
            "the officer status is",
        ),
        ("Our process were slow.", "Our process were", "Our process was"),
        ("Mike and Sarah has the files.", "Mike and Sarah has", "Mike and Sarah have"),
        ("Both of them was at the meeting.", "Both of them was", "Both of them were"),
        ("Both mother and baby is fine.", "Both mother and baby is", "Both mother and baby are"),
        (
            "I hear both the desk and the lawyers has signed.",
            "both the desk and the lawyers has",
            "both the desk and the lawyers have",
        ),
        ("He spoke and the others was quiet.", "the others was", "the others were"),
        ("Sponsorship donations begins at $250K.", "donations begins", "donations begin"),
        ("A number of people has called.", "A number of people has", "A number of people have"),
        ("There are several issue we need to address.", "issue", "issues"),
        ("We have two meeting tomorrow.", "meeting", "meetings"),
        ("Many of our customer are upset.", "customer", "customers"),
        ("We need two copy of the form.", "copy", "copies"),
        (
            "The number of complaints have increased.",
            "The number of complaints have",
            "The number of complaints has",
        ),
        ("Every one of the contracts need a review.", "one of the contracts need", "needs"),
        ("Has the reports arrived?", "Has", "Have"),
        ("Are the report ready?", "Are", "Is"),
        (
            "Our partners (including Dr. Smith) has agreed.",
            "partners (including Dr. Smith) has",
            "have",
        ),
    ],
)
def test_a_slip_is_found_with_its_fix(text: str, span: str, fix: str) -> None:
    # another agreement rule may read a shorter span ("Perez have"): the verb and its fix count
    assert any(span.endswith(found) and fix.endswith(fixes[0]) for found, fixes in _agreement(text))


@pytest.mark.parametrize(
    "text",
    [
        "Smith and Jones are here today.",
        "Alice Springs are lovely in May.",
        "Ann Smith and Jones are here.",
        "Thanks, Michelle\nHere are the files.",
        "The Enron deal at Elba Island amounts to a lot.",
        "Login.gov, Scorecard,\nand\nFederalist\nhave all shipped this month.",
        "The Jones are coming over.",
        "This points to a problem in the plan.",
        "This means that we can go.",
        "This helps us a lot.",
        "Without this roles and responsibilities can blur.",
        "The requirement that projects be hedged stands.",
        "We could see what appear to be cracks.",
        "Signs of progress are visible.",
        "The meeting with Mike and Sarah is at 3.",
        "The number of people is small.",
        "Both of us are fine.",
        "Both sides agreed to the terms.",
        "We signed a two year contract.",
        "Two hundred people came.",
        "Both mouse and keyboard work.",
        "They both work for a trading firm.",
        "I would like to chat about various stuff.",
        "Several years ago we met.",
        "The number of complaints has fallen.",
        "A number of people are here.",
        "I met Dr. Patel yesterday. She is great.",
        "For those with speed dial phones, the IT team will download the numbers.",
        "They need pay slips, IT support and mandatory training.",
        "Are your team ready?",
        "Is the list of names ready?",
        "Is the report team ready?",
        "Have the files arrived?",
        "If a problem like a fire occurs, leave.",
        "The second session will be 1/2 day.",
        "Your badge will be ready Monday, whether it be morning or afternoon.",
        "The reports (see below) are done.",
        "The access rights are fine.",
        "We both agreed and Tom is happy.",
        "I like both and he is fine.",
        "Both teams met and the plan is set.",
        "The others are quiet.",
        "One of the others is here.",
        "The sales leads come in daily.",
        "Our results show a gain.",
    ],
)
def test_the_good_use_is_left_alone(text: str) -> None:
    assert _agreement(text) == []
