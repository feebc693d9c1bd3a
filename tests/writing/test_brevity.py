"""brevity by kind: P5's thank-you past ~150 words of body, a P8 follow-up past 120, a
P7 withdrawal past 100, free text never; long sentences get a hint."""

from __future__ import annotations

import pytest

from afterview.writing.checker import check_text
from afterview.writing.checks import brevity
from afterview.writing.context import CheckContext
from afterview.writing.findings import Severity
from afterview.writing.text import Document


def email(body_words: int) -> str:
    sentences = []
    left = body_words
    while left > 0:
        size = min(10, left)
        sentences.append(" ".join(["word"] * (size - 1) + ["end."]) if size > 1 else "end.")
        left -= size
    return "Dear Ann,\n\n" + " ".join(sentences) + "\n\nKind regards,\n\nSam Lee"


def test_over_the_limit_warns_on_the_body_with_the_count() -> None:
    text = email(187)
    [finding] = brevity.check(Document(text), CheckContext(kind="thank-you"))
    assert finding.rule == "brevity.long"
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "The body is 187 words; P5 asks for a brief email (about 150): cut 37 words."
    )
    body = text[finding.offset : finding.offset + finding.length]
    assert body.startswith("word word") and body.endswith("end.")
    assert "Dear" not in body and "regards" not in body
    assert (finding.line, finding.column) == (3, 1)


@pytest.mark.parametrize(
    ("kind", "limit"),
    [
        ("thank-you", 150),
        ("accept", 150),
        ("decline", 150),
        ("follow-up", 120),
        ("withdrawal", 100),
    ],
)
def test_each_kind_has_its_limit(kind: str, limit: int) -> None:
    ctx = CheckContext(kind=kind)
    assert brevity.check(Document(email(limit)), ctx) == []
    [finding] = brevity.check(Document(email(limit + 1)), ctx)
    assert finding.rule == "brevity.long" and f"about {limit})" in finding.message


def test_the_reasons_name_the_rule_of_the_kind() -> None:
    [follow] = brevity.check(Document(email(130)), CheckContext(kind="follow-up"))
    assert follow.message.startswith("The body is 130 words; P8 asks for a short, polite")
    [withdraw] = brevity.check(Document(email(130)), CheckContext(kind="withdrawal"))
    assert "P7" in withdraw.message and "cut 30 words" in withdraw.message


def test_free_text_without_a_kind_has_no_limit() -> None:
    assert brevity.check(Document(email(400)), CheckContext()) == []


def test_at_the_limit_is_fine() -> None:
    assert brevity.check(Document(email(150)), CheckContext(kind="thank-you")) == []


def test_a_call_script_has_no_word_limit() -> None:
    assert brevity.check(Document(email(400)), CheckContext(kind="recruiter-call")) == []


def test_the_limit_is_a_setting() -> None:
    ctx = CheckContext(kind="thank-you", word_limit=100)
    [finding] = brevity.check(Document(email(120)), ctx)
    assert "about 100" in finding.message and "cut 20 words" in finding.message


def test_greeting_and_signature_do_not_count() -> None:
    text = email(150).replace("Sam Lee", "Sam Lee\nSenior Data Engineer\nLondon, United Kingdom")
    assert brevity.check(Document(text), CheckContext(kind="thank-you")) == []


def test_a_long_sentence_gets_an_info_hint() -> None:
    long_sentence = " ".join(["word"] * 36) + "."
    text = f"Dear Ann,\n\nShort one. {long_sentence} Another short one.\n\nBest,\nSam"
    [finding] = brevity.check(Document(text), CheckContext())
    assert finding.rule == "brevity.long-sentence"
    assert finding.severity is Severity.INFO
    assert text[finding.offset : finding.offset + finding.length] == long_sentence
    assert "36 words" in finding.message


def test_a_35_word_sentence_is_fine() -> None:
    text = "Dear Ann,\n\n" + " ".join(["word"] * 35) + ".\n\nBest,\nSam"
    assert brevity.check(Document(text), CheckContext()) == []


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("thank-you", "(P5 asks for about 150 at most)"),
        ("follow-up", "(P8 asks for about 120 at most)"),
        ("withdrawal", "(P7 asks for about 100 at most)"),
        ("decline", "(P12 asks for about 150 at most)"),
        (None, "(P5 asks for about 150 at most)"),  # free text: P5's yardstick
    ],
)
def test_the_summary_names_the_rule_whose_limit_it_is(kind: str | None, said: str) -> None:
    from afterview.cli.findings_view import summary

    report = check_text(
        "Dear Dana,\n\nThank you for the update.\n\nBest,\nSam", CheckContext(kind=kind)
    )
    assert said in summary(report)
