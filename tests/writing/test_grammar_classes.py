"""Grammar by word classes (checks/grammar_classes.py): each rule on sentences written
here, the correct readings it must leave alone, and the shipped word-class file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from afterview.writing.checks import grammar, grammar_lexicon
from afterview.writing.context import CheckContext
from afterview.writing.text import Document


def found(text: str) -> list[tuple[str, str]]:
    return [
        (text[f.offset : f.offset + f.length], f.rule)
        for f in grammar.check(Document(text), CheckContext())
    ]


@pytest.mark.parametrize(
    ("text", "span", "rule"),
    [
        ("After the review, the invoices is ready.", "invoices is", "grammar.agreement"),
        ("Our budget have to cover travel.", "Our budget have", "grammar.agreement"),
        ("I think it cover everything we need.", "it cover", "grammar.agreement"),
        ("They often sends the minutes late.", "They often sends", "grammar.agreement"),
        ("The room is booked, which suit us.", "which suit", "grammar.agreement"),
        ("The new portal will allows uploads.", "allows", "grammar.verb-form"),
        ("We have never meet in person.", "have never meet", "grammar.verb-form"),
        ("I have wrote to the panel.", "wrote", "grammar.verb-form"),
        ("The slides they have develop are clear.", "develop", "grammar.verb-form"),
        ("We learnt a lot by explain the purpose.", "explain", "grammar.verb-form"),
        ("You will need determine the budget.", "need determine", "grammar.missing-word"),
        ("I tried to provided the details.", "provided", "grammar.verb-form"),
        ("The form needs to updated before Friday.", "updated", "grammar.verb-form"),
        ("The slides can be download from the site.", "download", "grammar.verb-form"),
        ("She did not sent the form.", "sent", "grammar.verb-form"),
        ("If your available on Monday, call me.", "your", "grammar.your-youre"),
        ("Thanks for you're notes on the draft.", "you're", "grammar.your-youre"),
        ("The board and it's advisers agreed.", "it's", "grammar.its-its"),
        ("We admire there hiring process.", "there", "grammar.their-there"),
        ("The interns said they where happy.", "where", "grammar.were-where"),
        ("Now that were done, we can rest.", "were", "grammar.were-where"),
        ("I am keen too learn more.", "too learn", "grammar.to-too"),
        ("The deadline is to short for us.", "to short", "grammar.to-too"),
        ("This will directly effect the budget.", "effect", "grammar.affect-effect"),
        ("We are heading in right direction.", "right direction", "grammar.missing-word"),
        ("They asked me stay until five.", "me stay", "grammar.missing-word"),
        ("The manager will responsible for hiring.", "responsible", "grammar.missing-word"),
        ("I hope hear from you soon.", "hope hear", "grammar.missing-word"),
        ("I did sent the form on Monday.", "sent", "grammar.verb-form"),
        ("It was a pleasure to met you.", "met", "grammar.verb-form"),
        ("Please do not hesitate contact me.", "hesitate contact", "grammar.missing-word"),
        ("The design needs show that it works.", "needs show", "grammar.missing-word"),
        ("It is likely magnify the problem.", "likely magnify", "grammar.missing-word"),
        ("We risk loosing the main point.", "loosing", "grammar.lose-loose"),
        ("This is the thing the user is is doing.", "is is", "grammar.repeated-word"),
        ("Give them access to that that email address.", "that that", "grammar.repeated-word"),
    ],
)
def test_finds_the_slip_by_word_class(text: str, span: str, rule: str) -> None:
    assert (span, rule) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "One of the reports is late.",
        "The team have agreed to meet again.",
        "What it means is that we wait.",
        "The data are in the shared folder.",
        "Let it go, and make it work.",
        "I found it useful, and they found it helpful.",
        "Thank you for your welcome.",
        "Your new role starts in May.",
        "It's news to me, and it's always good to hear.",
        "There remains one question. Is there time?",
        "We met there yesterday.",
        "Those who were there agreed.",
        "Were you able to join?",
        "I'd like to thank you.",
        "I hope things go well, and I hope so.",
        "We plan to found the company, and he used to lead the team.",
        "The going rate is fair; I forgot my notes and managed teams of six.",
        "We have work to do, and we had lunch.",
        "You have write access; we have build scripts; by design the form is short.",
        "Thank you for the chance to learn about the team before making a decision.",
        "It led to improved results and gave us access to shared tools.",
        "He had better go now.",
        "It is too late to change it, and too good to miss.",
        "I look forward to hearing from you.",
        "Sales is on the third floor; the news is good.",
        "The option you prefer is fine.",
        "We would likely accept the offer.",
        "The cost is free for the first year.",
        "In the same way, the whole team was there.",
        "I will send you details and updates.",
        "The figures they sent have been checked.",
        "Our needs show that we must act, and it will likely take a week.",
        "What it is is confusing, and I know that that is true.",
    ],
)
def test_leaves_correct_text_alone(text: str) -> None:
    word_class_rules = {
        "grammar.agreement",
        "grammar.verb-form",
        "grammar.your-youre",
        "grammar.its-its",
        "grammar.their-there",
        "grammar.were-where",
        "grammar.to-too",
        "grammar.affect-effect",
        "grammar.missing-word",
    }
    assert [f for f in found(text) if f[1] in word_class_rules] == []


def test_the_word_classes_come_from_english_morphology() -> None:
    assert grammar_lexicon.is_verb("improve") and grammar_lexicon.is_verb("write")
    assert grammar_lexicon.is_adjective("easy") and not grammar_lexicon.is_adjective("quickly")
    assert grammar_lexicon.third_person_base("takes") == "take"
    assert grammar_lexicon.past_base("notified") == "notify"
    assert grammar_lexicon.past_base("wrote") == "write"
    assert grammar_lexicon.participle("find") == "found"
    assert grammar_lexicon.s_stem("policies") == "policy"
    assert grammar_lexicon.s_stem("business") is None


def test_the_shipped_word_classes_are_rebuilt_from_the_bundled_lists() -> None:
    assert os.stat(grammar_lexicon.DATA).st_size < 60_000
    assert grammar_lexicon.build() == Path(grammar_lexicon.DATA).read_bytes()


def test_a_gerund_or_a_measure_subject_takes_a_singular_verb() -> None:
    """A thank-you draft's sell ("six years building data platforms has given me") was
    flagged as "platforms has": the head is the gerund phrase, not the last noun."""
    text = "I believe six years building data platforms has given me a strong grounding."
    assert [f for f in found(text) if f[1] == "grammar.agreement"] == []


# Rules of the recall round on the third held-out set's misses (docs/benchmarks.md#checker),
# on sentences written here; every finding is a warning.
@pytest.mark.parametrize(
    ("text", "span", "rule"),
    [
        ("We ask what people tells us about the clinic.", "people tells", "grammar.agreement"),
        ("Please make sure editors feels welcome.", "editors feels", "grammar.agreement"),
        ("This reduce the cost of each visit.", "This reduce", "grammar.agreement"),
        ("It need a lot of care.", "It need", "grammar.agreement"),
        ("The panel might has a view on it.", "has", "grammar.verb-form"),
        ("They can't progressed beyond the first stage.", "progressed", "grammar.verb-form"),
        ("You should be able to found out more.", "found", "grammar.verb-form"),
        ("Thanks for updating you're calendar today.", "you're", "grammar.your-youre"),
        ("The idea your suggesting will work.", "your", "grammar.your-youre"),
        ("Ask them, even if their happy to wait.", "their", "grammar.their-there"),
        ("Their needs to be a clear owner.", "Their", "grammar.their-there"),
        ("We value them for there expertise.", "there", "grammar.their-there"),
        ("Than divide the total by four.", "Than", "grammar.then-than"),
        ("Once done, you can than divide it.", "than", "grammar.then-than"),
        # nothing compared before it in the sentence (found by slipping "then" into real
        # sentences): "than" is "then"
        ("If you need both name fields than the label is Name.", "than", "grammar.then-than"),
        ("When the form loads than the page scrolls to the top.", "than", "grammar.then-than"),
        # agreement slips found by swapping is/are, was/were, has/have in real sentences
        ("You also has a legal duty to check it.", "You also has", "grammar.agreement"),
        ("I were wondering if you had the slides.", "I were", "grammar.agreement"),
        ("We met and it were good to talk.", "it were", "grammar.agreement"),
        ("Many of us has a personal website.", "Many of us has", "grammar.agreement"),
        ("Those of you that has asked will hear.", "you that has", "grammar.agreement"),
        ("There are a 90% chance of rain.", "There are", "grammar.agreement"),
        ("Attached is two files for the meeting.", "Attached is", "grammar.agreement"),
        ("What are your phone number?", "What are your phone number", "grammar.agreement"),
        ("What is your plans?", "What is your plans", "grammar.agreement"),
        ("I hope this are the right address.", "this are", "grammar.agreement"),
        ("Humans do has a way of resisting change.", "do has", "grammar.verb-form"),
        ("Randy Carlos were leaving the firm.", "Randy Carlos were", "grammar.agreement"),
        ("We will move the files by march.", "by march", "grammar.capital-month"),
        ("She noted a preference to receives the news.", "receives", "grammar.verb-form"),
        ("It allows us to supports it.", "supports", "grammar.verb-form"),
        ("Keep a folder were we can find the notes.", "were", "grammar.were-where"),
        ("Slow pages make people loose patience.", "loose", "grammar.lose-loose"),
        ("Book a room who's owner can help.", "who's", "grammar.whose-whos"),
        ("The plan is effected by the budget.", "effected", "grammar.affect-effect"),
        ("It is a good idea too review the notes.", "too review", "grammar.to-too"),
        ("They found the form to difficult to use.", "to difficult", "grammar.to-too"),
    ],
)
def test_recall_round_rules(text: str, span: str, rule: str) -> None:
    assert (span, rule) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "We appreciate their helping us with the move.",
        "What country are we talking about?",
        "It shows how many times the page was visited.",
        "I got the job there and stayed.",
        "She has a stronger will than you think.",
        "If you're thinking of applying, call us.",
        "You're welcome to join us.",
        "One of the people thinks it is late.",
        "You can't beat this price.",
        "Were you able to come?",
        "The people skills matter most.",
        "I would rather walk than drive, and it is nicer than I thought.",
        "We had no other plans than this.",
        "It was a busier week than usual. Six years is longer than I planned.",
        "If I were you, I would wait; I wish she were here, and as it were, we left.",
        "Each of us has a role, one of them is late, and there are a few options left.",
        "Attached is the terms sheet. What are the next steps? What is the status?",
        "The person who has applied will hear. Tom and I were there.",
        "Costs in may vary; things that happen in may be rare. The team will march on.",
        "We talk to users daily, reply to questions that come in and send notes to the managers.",
    ],
)
def test_recall_round_rules_leave_good_readings_alone(text: str) -> None:
    assert [f for f in found(text) if f[1] != "grammar.capital-start"] == []


@pytest.mark.parametrize(
    ("text", "fix"),
    [("its was great to meet you.", "it"), ("I think its has been a week.", "it")],
)
def test_its_before_a_verb_is_it(text: str, fix: str) -> None:
    from afterview.writing.checker import check_text
    from afterview.writing.context import CheckContext

    found = [
        f
        for f in check_text(text, CheckContext(language="en-US")).findings
        if f.rule == "grammar.its-its"
    ]
    assert [f.suggestions[0] for f in found] == [fix]


def test_its_will_and_its_can_are_nouns_after_its() -> None:
    from afterview.writing.checker import check_text
    from afterview.writing.context import CheckContext

    text = "The team and its will to win impressed me."
    assert not [
        f
        for f in check_text(text, CheckContext(language="en-US")).findings
        if f.rule.startswith("grammar.its")
    ]


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("I am look forward to hearing from you.", "looking"),
        ("She is work on the report now.", "working"),
        ("Thanks, we are meet the client tomorrow.", "meeting"),
        ("I am write to follow up on my application.", "writing"),
        # a slip too, found since by grammar_plain_form.py
        ("That is what I am look for in a role.", "looking"),
    ],
)
def test_a_dropped_ing_after_a_pronoun_and_be(text: str, fix: str) -> None:
    from afterview.writing.checker import check_text

    found = [
        f
        for f in check_text(text, CheckContext(language="en-US")).findings
        if f.rule == "grammar.verb-form"
    ]
    assert [f.suggestions[0] for f in found] == [fix]


@pytest.mark.parametrize(
    "text",
    ["I am available next week.", "I am open to it.", "I am free for a call."],
)
def test_be_before_a_word_that_is_no_dropped_ing(text: str) -> None:
    from afterview.writing.checker import check_text

    found = check_text(text, CheckContext(language="en-US")).findings
    assert [f for f in found if f.rule == "grammar.verb-form"] == []
