"""The "to" of an infinitive left out after an adjective, an object or a noun
(`grammar_missing_to.py`; P5 "Checks before sending"). The slips are real sentences with
"to" deleted (the machine-made slips of docs/benchmarks.md, round 20)."""

from __future__ import annotations

import pytest

from .rule_findings import spans_and_fixes


def _missing(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return spans_and_fixes(text, "grammar.missing-word")


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("It is essential increase the take-up.", "essential increase", "essential to increase"),
        ("You are strongly encouraged meet WCAG 2.1.", "encouraged meet", "encouraged to meet"),
        (
            "It is not always possible satisfy all of the criteria.",
            "possible satisfy",
            "possible to satisfy",
        ),
        (
            "The company is scheduled initially provide service.",
            "scheduled initially provide",
            "scheduled to initially provide",
        ),
        ("This is likely be the case.", "likely be", "likely to be"),
        (
            "You're forcing them potentially reveal their gender.",
            "them potentially reveal",
            "them to potentially reveal",
        ),
        ("Use this guide make your next meeting accessible.", "guide make", "guide to make"),
        ("Some services force users change their passwords.", "users change", "users to change"),
        ("Thanks for the chance meet the team.", "chance meet", "chance to meet"),
        ("You can expect be asked about it.", "expect be", "expect to be"),
        ("I am looking forward the meeting.", "forward the", "forward to the"),
        ("I am interested the role.", "interested the", "interested in the"),
    ],
)
def test_a_dropped_to_is_found_and_written_in(text: str, span: str, fix: str) -> None:
    assert (span, (fix,)) in _missing(text)


@pytest.mark.parametrize(
    "text",
    [
        "It is important information.",
        "Sources of data that can be particularly useful include web analytics.",
        "It's important design work.",
        "If need be we can talk.",
        "Feel free to contact me.",
        "We require users to change it.",
        "I expect you know the answer.",
        "I told them we would call.",
        "Please allow users access to the files.",
        "The time we spend matters.",
        "This is due diligence, and the report is due Friday.",
        "We help users find what they need and let them choose.",
        "I am very interested in the role.",
        "I look forward to the meeting.",
    ],
)
def test_the_good_uses_of_the_same_shapes_are_left_alone(text: str) -> None:
    assert _missing(text) == []
