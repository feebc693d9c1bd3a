"""Agreement slips found among machine-made swaps in real email and documentation
sentences (P5 "Checks before sending"): a question's auxiliary against the subject after
it, "there are" before one thing, "I" with an adverb before its verb, a subject behind a
participle, and the plural after a word of asking that is no subjunctive."""

from __future__ import annotations

import pytest

from .rule_findings import spans_and_fixes


def _agreement(text: str, language: str = "en-US") -> list[tuple[str, tuple[str, ...]]]:
    return spans_and_fixes(text, "grammar.agreement", language)


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Has I properly conveyed the method?", "Has I", "Have I"),
        ("Have he called you back yet?", "Have he", "Has he"),
        ("Are she ready for the call?", "Are she", "Is she"),
        ("Have anyone contacted you yet?", "Have anyone", "Has anyone"),
        ("Challenge every word—does you need it?", "does you", "do you"),
        ("How much does they want us to guarantee?", "does they", "do they"),
        ("Are this a three-year deal?", "Are this", "Is this"),
        ("Is these the final figures?", "Is these", "Are these"),
        ("Why don't he call me?", "don't he", "doesn't he"),
    ],
)
def test_a_questions_auxiliary_agrees_with_the_subject_after_it(
    text: str, span: str, fix: str
) -> None:
    assert _agreement(text) == [(span, (fix,))]


@pytest.mark.parametrize(
    "text",
    [
        "Do it now?",
        "How was you're weekend? I hope it went well.",
        "Is she ready for the call?",
        "Do it now.",
        "Is that true?",
        "Were those the files?",
        "Were he to go, would you follow?",
        "Which one do you think he meant?",
        "Which reports does he need?",
        "Have you seen it?",
        "The people who have he mentioned, are they here?",
    ],
)
def test_right_questions_and_orders_are_left_alone(text: str) -> None:
    assert _agreement(text) == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Let me know if there are anything else you need.", "there are", "there is"),
        ("Ensure there are still an accessible contrast.", "there are", "there is"),
        ("Here are a good example of the page.", "Here are", "Here is"),
        ("There have been an initial response from the market.", "There have", "There has"),
        ("Is there any updates on the contract?", "Is there", "Are there"),
        ("There is significant aggregation opportunities here.", "There is", "There are"),
    ],
)
def test_there_agrees_with_what_follows(text: str, span: str, fix: str) -> None:
    assert _agreement(text) == [(span, (fix,))]


@pytest.mark.parametrize(
    "text",
    [
        "There are one or two issues to settle.",
        "There are a few things to settle.",
        "There are a great many options.",
        "There are a good number of people here.",
        "There are a growing number of users.",
        "There have been a number of changes.",
        "Is there any update on the contract?",
        "There is software engineering work to do.",
    ],
)
def test_there_before_quantities_and_singulars_is_left_alone(text: str) -> None:
    assert _agreement(text) == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("I really does hope you are well.", "I really does", "I really do"),
        ("I just doesn't want him to go unrepresented.", "I just doesn't", "I just don't"),
        ("Please does not transmit orders by email.", "Please does", "Please do"),
        ("Could you please does me a favour?", "please does", "please do"),
    ],
)
def test_i_and_please_take_the_plain_form_past_an_adverb(text: str, span: str, fix: str) -> None:
    assert _agreement(text) == [(span, (fix,))]


@pytest.mark.parametrize(
    "text",
    [
        "Phase I is complete.",
        "World War I is a long way back.",
        "Title I is funded this year.",
        "Mark and I are here.",
    ],
)
def test_a_roman_one_is_no_pronoun(text: str) -> None:
    assert _agreement(text) == []


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Any opinions expressed herein is solely those of the author.", "opinions"),
        ("Any offers contained in this email is the sole responsibility of the sender.", "offers"),
        ("The members in this group has been drawn from the legal teams.", "members"),
        ("Please be advised that this information are confidential.", "information"),
        ("Any other use of the email by you are prohibited.", "use"),
        ("It is relevant to the thing the user are doing now.", "user"),
        ("I told the client the plan are ready.", "plan"),
        ("The file the clients has sent is here.", "clients"),
    ],
)
def test_the_subject_is_found_behind_a_participle_a_preposition_or_that(
    text: str, head: str
) -> None:
    found = _agreement(text)
    assert len(found) == 1
    assert found[0][0].startswith(head)


@pytest.mark.parametrize(
    "text",
    [
        "The report attached is the final one.",
        "The reports attached are final.",
        "The data collected in March are in the file.",
        "I suggest that he attend the meeting.",
        "I recommend that the report be sent.",
        "The number of people with access needs has grown.",
        "People with access needs often use screen readers.",
        "The letters from him are lovely.",
        "A message from them is waiting.",
        "I told the client the plans are ready.",
        "A smaller margin of error means your test results are closer to the truth.",
    ],
)
def test_right_subjects_behind_participles_and_subjunctives_are_left_alone(text: str) -> None:
    assert _agreement(text) == []


def test_a_collective_noun_after_a_word_of_asking_is_plural_in_british_english() -> None:
    assert _agreement("It is important that the team are ready.", "en-GB") == []
    assert _agreement("It is important that the team are ready.", "en-US") != []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Matson, Ogg, and Smith has me in their voicemail.", "Matson, Ogg, and Smith has"),
        ("Yesterday, Matson, Ogg, and Smith was late.", "Matson, Ogg, and Smith was"),
    ],
)
def test_a_list_of_people_takes_the_plural(text: str, span: str) -> None:
    assert [found for found, _ in _agreement(text)] == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Skadden, Arps, Slate, Meagher & Flom has an office here.",
        "Simpkins, Winstead and Minick has the contract.",
        "The meeting with Matson, Ogg, and Smith is at noon.",
    ],
)
def test_a_firms_name_and_a_list_after_a_preposition_are_left_alone(text: str) -> None:
    assert _agreement(text) == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("If you fly in a lower zone, then there are no extra cost.", "there are", "there is"),
        ("There are no information about the second round yet.", "There are", "There is"),
        ("There is no reasons to wait for the panel.", "There is", "There are"),
        ("There was no answers from the recruiter.", "There was", "There were"),
    ],
)
def test_there_is_no_agrees_with_the_noun_after_no(text: str, span: str, fix: str) -> None:
    assert _agreement(text) == [(span, (fix,))]


@pytest.mark.parametrize(
    "text",
    [
        "There are no cost savings yet.",
        "There are no more than ten places.",
        "There is no news from the panel.",
        "There were no questions after the talk.",
        "There is no need to reply.",
    ],
)
def test_there_is_no_that_agrees_is_left_alone(text: str) -> None:
    assert _agreement(text) == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Your sentence sounds negative, but are actually positive.", "are", "is"),
        ("The files were late and is still missing.", "is", "are"),
    ],
)
def test_a_noun_subject_s_second_verb_agrees_across_and_but(text: str, span: str, fix: str) -> None:
    found = _agreement(text)
    assert len(found) == 1 and found[0][0].endswith(span) and found[0][1][0].endswith(fix)


def test_a_list_is_one_thing_whatever_it_lists() -> None:
    """ "list" was read as a word of quantity like "a number of"; a list is one thing."""
    assert _agreement("The list of names are attached.") == [("list of names are", ("is",))]
    assert _agreement("A list of the candidates is attached.") == []
    assert _agreement("A number of candidates are waiting.") == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("We should agree before everyone start talking about salary.", "everyone start", "starts"),
        ("We can begin once everybody arrive.", "everybody arrive", "arrives"),
        ("If anyone need the slides, please ask.", "anyone need", "needs"),
    ],
)
def test_everyone_and_its_kin_take_the_s_form(text: str, span: str, fix: str) -> None:
    found = _agreement(text)
    assert [s for s, _ in found] == [span] and found[0][1][0].endswith(fix)


@pytest.mark.parametrize("text", ["Let everyone know.", "If anybody wants it, call me."])
def test_everyone_with_its_verb_right_is_left_alone(text: str) -> None:
    assert _agreement(text) == []
