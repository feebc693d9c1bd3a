"""Small words a sentence cannot do without (writing/checks/grammar_missing.py, P5): the
auxiliary after a subject, "be" after a modal, a governed preposition, "it" before an
adjective and its infinitive; and the good uses of the same shapes left alone."""

from __future__ import annotations

import pytest

from afterview.writing.checker import check_text
from afterview.writing.checks import grammar_missing, tagger
from afterview.writing.checks.grammar_classes import tokens
from afterview.writing.checks.grammar_tagged import sentences
from afterview.writing.context import CheckContext


def _missing(text: str) -> list[tuple[str, str]]:
    """(span, fix) of this module's findings on the text, read as the checker reads it."""
    toks = tokens(text)
    found = []
    for sent in sentences(toks, text):
        tags = [""] * sent.start + tagger.tag([toks[k].text for k in sent])
        found += grammar_missing.hits(toks, tags, sent.start, sent.stop, text)
    return [(text[h.start : h.end], h.fix) for h in found]


def test_the_checker_reports_them_as_missing_words_with_the_fix() -> None:
    text = "Thank you for the call. I looking forward to the next step."
    report = check_text(text, CheckContext(language="en-US"))
    found = [f for f in report.findings if f.rule == "grammar.missing-word"]
    assert [(text[f.offset : f.offset + f.length], f.suggestions) for f in found] == [
        ("I", ("I am",))
    ]


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("I looking forward to hearing from you.", "I", "I am"),
        ("The information they looking for is on the page.", "they", "they are"),
        ("We not advocating plain text everywhere.", "We", "We are"),
        (
            "Make it clear you not referring to the law.",
            "you",
            "you are",
        ),
        ("I very excited about the role.", "I", None),
        (
            "The website may not fully conformant with the standard.",
            "not fully conformant",
            "not be fully conformant",
        ),
        (
            "Changes should never represented as final.",
            "never represented",
            "never be represented",
        ),
        ("You need to able to provide evidence.", "need to able", "need to be able"),
        ("They are sighted due cataracts.", "due cataracts", "due to cataracts"),
        ("The page does not respond the browser settings.", "respond the", "respond to the"),
        ("Systems must comply AA level.", "comply AA", "comply with AA"),
        ("It is in compliance Section 508.", "compliance Section", "compliance with Section"),
        ("We found 12 out 142 known issues.", "out 142", "out of 142"),
        ("The work of dozens emails was lost.", "dozens emails", "dozens of emails"),
        ("We do not allow any kind validation.", "kind validation", "kind of validation"),
        ("These systems are exempt these requirements.", "exempt these", "exempt from these"),
        ("It is part another service.", "part another", "part of another"),
        ("Andi also finds difficult to use the mouse.", "finds difficult", "finds it difficult"),
        ("We list the risks that relevant to delivery.", "that relevant", "that are relevant"),
        ("Each entry needs a key and least one value.", "least", "at least"),
        ("Start soon as you have a draft.", "soon as", "as soon as"),
        ("This is covered in this step your procurement process.", "step", "step of"),
        ("Users have access 2 dimensions.", "access 2", "access to 2"),
        ("You can use any of components in the kit.", "components", "the components"),
        ("Most of time when you write, keep it short.", "time", "the time"),
        ("We decided implement the plan in May.", "decided implement", "decided to implement"),
        ("I am going see the team on Monday.", "going see", "going to see"),
        ("Remember deal with each request.", "Remember deal", "Remember to deal"),
        ("I hope hear from you soon.", "hope hear", "hope to hear"),
        (
            "Before delving recommendations, read this.",
            "delving recommendations",
            "delving into recommendations",
        ),
    ],
)
def test_a_missing_small_word_is_found_and_written_in(
    text: str, span: str, fix: str | None
) -> None:
    found = _missing(text)
    assert any(s == span and (fix is None or f == fix) for s, f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Are we compromising on security?",
        "If I click this button, am I submitting a form?",
        "Had we not done that, the launch would have slipped.",
        "We both enjoyed the discussion about the roadmap.",
        "They all seemed excited about the launch.",
        "I found it useful to hear about the team.",
        "I will likely hear back next week.",
        "I responded the same day.",
        "She replied the next morning.",
        "I made sure to send it early.",
        "Feel free to contact me.",
        "Testing helps with decision making prior to deployment.",
        "The due date is Friday.",
        "I not only met the team but also the board.",
        "Thank you for keeping me waiting so kindly.",
        "The respondents listed their concerns.",
        "Part I describing the method is short.",
        "At least one person came, and the least one can do is call.",
        "Send the team your portfolio in this step.",
        "Present the steps in the order your user and your agency will follow them.",
        "People still need data that support their work.",
        "I will call as soon as you have a date.",
        "Most of them agreed, and all of our designs work.",
        "Some of those ideas are good; all of government must follow it.",
        "You need help with that, and we need time.",
        "If need be, I can travel.",
        "Try something new, as user needs emerge and the plans provide for it.",
        "Keep going forward.",
    ],
)
def test_the_good_uses_of_the_same_shapes_are_left_alone(text: str) -> None:
    assert _missing(text) == []


@pytest.mark.parametrize(
    "sentence",
    ["She needs someone to lead the team.", "They need anyone to help.", "We want them gone."],
)
def test_a_pronoun_after_need_or_want_is_its_object_not_a_verb_missing_to(sentence: str) -> None:
    """ "needs someone to lead": "someone" follows "to" often, but as a preposition's
    object; it never follows "will" or "can"."""
    assert _missing(sentence) == []


def _missing_words(text: str) -> list[str]:
    report = check_text(text, CheckContext(language="en-US"))
    return [
        text[f.offset : f.offset + f.length]
        for f in report.findings
        if f.rule == "grammar.missing-word"
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("I just wanted you know the plan.", "you know"),
        ("They asked me send the file.", "me send"),
        ("I am glad help you look.", "glad help"),
        ("There is a better way for me coordinate it.", "for me coordinate"),
        ("Would you prefer contact him on this?", "prefer contact"),
        ("I would like fill yourself in on the details.", "like fill"),
        ("I would like work with you again.", "work"),
    ],
)
def test_a_dropped_to_after_an_object_or_a_feeling_is_found(text: str, span: str) -> None:
    assert _missing_words(text) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "She wanted him back.",
        "We want them home.",
        "I want you all to come.",
        "We are happy customers, and they are eager learners.",
        "I am ready now.",
        "This is for them all. It was a first for me personally. Is it hard for you guys?",
        "I would like coffee, and I would like help with the forms; we'd like time to think.",
    ],
)
def test_an_object_then_an_adverb_or_a_feeling_then_a_noun_needs_nothing(text: str) -> None:
    assert _missing_words(text) == []
