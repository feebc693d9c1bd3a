"""names: the addressee's and the organisation's names spelled as recorded (P5)."""

from __future__ import annotations

import pytest

from afterview.writing.checks import names
from afterview.writing.context import CheckContext, KnownPerson
from afterview.writing.findings import Severity
from afterview.writing.text import Document

E, W = Severity.ERROR, Severity.WARNING

CTX = CheckContext(
    people=(
        KnownPerson("John Smith", "interviewer"),
        KnownPerson("Catherine Hughes", "hiring manager"),
        KnownPerson("Zoë Adams"),
        KnownPerson("Joe Bloggs"),
        KnownPerson("Dr Kwame Mensah"),
    ),
    organisation="Brightwater Analytics",
)


def found(text: str, ctx: CheckContext = CTX) -> list[tuple[str, str, Severity, str]]:
    return [
        (text[f.offset : f.offset + f.length], f.rule, f.severity, f.suggestions[0])
        for f in names.check(Document(text), ctx)
    ]


PERSON = "names.person"
ORG = "names.organisation"

POSITIVES = [
    ("Dear Jon,\n\nThank you.", "Jon", PERSON, E, "John"),
    ("Hi Jonh,\n\nThank you.", "Jonh", PERSON, E, "John"),
    ("dear john,\n\nThank you.", "john", PERSON, E, "John"),
    ("Dear Mr Smyth,\n\nThank you.", "Smyth", PERSON, E, "Smith"),
    ("Dear Ms Katherine,\n\nThanks.", "Katherine", PERSON, E, "Catherine"),
    ("Dear Zoe,\n\nThanks.", "Zoe", PERSON, W, "Zoë"),
    ("Dear Dr. Mensa,\n\nThanks.", "Mensa", PERSON, E, "Mensah"),
    ("I enjoyed meeting Cathrine and the team.", "Cathrine", PERSON, E, "Catherine"),
    ("Please pass my thanks to Mr Hughs.", "Hughs", PERSON, E, "Hughes"),
    ("It was good to meet Catherine's colleague Smiht.", "Smiht", PERSON, E, "Smith"),
    ("Dear Peter,\n\nThanks.", "Peter", PERSON, W, "Catherine"),
    (
        "I enjoyed my visit to brightwater analytics.",
        "brightwater analytics",
        ORG,
        E,
        "Brightwater Analytics",
    ),
    (
        "I enjoyed my visit to Brightwater analytics.",
        "Brightwater analytics",
        ORG,
        E,
        "Brightwater Analytics",
    ),
    ("I am keen to join brightwater.", "brightwater", ORG, E, "Brightwater"),
    ("I am keen to join BrightWater.", "BrightWater", ORG, E, "Brightwater"),
    ("I am keen to join Brightwatter.", "Brightwatter", ORG, E, "Brightwater"),
    ("I am keen to join Brightwatter's team.", "Brightwatter", ORG, E, "Brightwater"),
    ("I am keen to join Bright Water.", "Bright Water", ORG, E, "Brightwater"),
    ("I am keen to join Bright-Water's team.", "Bright-Water", ORG, E, "Brightwater"),
]


@pytest.mark.parametrize(("text", "span", "rule", "severity", "suggestion"), POSITIVES)
def test_finds_misspelt_names(
    text: str, span: str, rule: str, severity: Severity, suggestion: str
) -> None:
    assert found(text) == [(span, rule, severity, suggestion)]


NEGATIVES = [
    "Dear John,\n\nThank you, John. Catherine and Zoë were kind.",
    "Dear Mr Smith,\n\nThank you.",
    "Dear Dr Mensah and Ms Hughes,\n\nThank you both.",
    "Dear John and Catherine,\n\nThanks.",
    "Dear Joe,\n\nThanks, Jo.",  # Joe is recorded; "Jo" is too short to be a slip
    "Dear Hiring Manager,\n\nThanks.",
    "Dear Brightwater team,\n\nThanks.",
    "Hi all,\n\nThanks.",
    "I met the Senior Data Engineer in May. Will you be there on Monday?",
    "Smyth is a fine name but it starts the sentence.",
    "I enjoyed my visit to Brightwater Analytics and Brightwater's new office.",
    "The analytics team showed me the bright water feature.",
    "I enjoyed meeting John.\n\nKind regards,\n\nJon Smyth",  # the signature is the sender's
    "Email john.smith@brightwater.com or smyth@example.com.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_recorded_names_alone(text: str) -> None:
    assert found(text) == []


def test_nothing_without_recorded_names() -> None:
    assert found("Dear Jon,\n\nThanks, Brightwatter.", CheckContext()) == []


def test_another_recorded_persons_name_is_not_a_slip() -> None:
    ctx = CheckContext(people=(KnownPerson("Jon Park"), KnownPerson("John Smith")))
    assert found("Dear Jon and John,\n\nThanks.", ctx) == []


def test_known_words_are_not_taken_for_slips_mid_sentence() -> None:
    ctx = CheckContext(people=(KnownPerson("John Smith"),), known_words=frozenset({"Jonh"}))
    assert found("I met Jonh from finance.", ctx) == []


def test_recorded_spelling_for_short_names_is_exact_only() -> None:
    ctx = CheckContext(people=(KnownPerson("Jo Lee"),))
    assert found("Dear Joe,\n\nThanks.", ctx) == [("Joe", PERSON, W, "Jo")]  # not recorded


def test_organisation_with_ampersand_and_suffix() -> None:
    ctx = CheckContext(organisation="Harbour & Finch Ltd")
    assert found("I enjoyed visiting Harbour & Finch.", ctx) == []
    assert found("I enjoyed visiting harbour & finch.", ctx) == [
        ("harbour & finch", ORG, E, "Harbour & Finch")
    ]
    assert found("I enjoyed visiting Harbor & Finch.", ctx) == [("Harbor", ORG, E, "Harbour")]


def test_words_run_together_or_split() -> None:
    ctx = CheckContext(organisation="Red Wood Labs")
    assert found("I am keen to join Redwood.", ctx) == [("Redwood", ORG, E, "Red Wood")]


def test_common_word_at_sentence_start_is_not_the_organisation() -> None:
    ctx = CheckContext(organisation="Summit Freight")
    assert found("Submit the form. The summit was fun. I met Summit Freight.", ctx) == []


def test_messages_name_the_recorded_form() -> None:
    [finding] = names.check(Document("Dear Jon,\n\nThanks."), CTX)
    assert '"John"' in finding.message and "P5" in finding.message
    assert (finding.line, finding.column) == (1, 6)


def test_greeting_names_end_at_the_first_comma() -> None:
    ctx = CheckContext(people=(KnownPerson("Sam Patel"),))
    assert found("Hello Sam, it's Alex Morgan.\n\nThanks.", ctx) == []
    assert found("Hello Sam. It's Alex Morgan here.\n\nThanks.", ctx) == []


def test_greeting_with_titles_and_abbreviation_dots() -> None:
    ctx = CheckContext(people=(KnownPerson("Dr. Alan Whitfield"), KnownPerson("Megan Brennan")))
    assert found("Dear Dr. Whitfield and Ms. Brennan,\n\nThanks.", ctx) == []
    assert found("Dear Dr. Whitfeld and Ms. Brenan,\n\nThanks.", ctx) == [
        ("Whitfeld", PERSON, E, "Whitfield"),
        ("Brenan", PERSON, E, "Brennan"),
    ]
    assert found("Dear Dr. Jones,\n\nThanks.", ctx) == [("Jones", PERSON, W, "Alan")]


@pytest.mark.parametrize(
    "greeting",
    [
        "Dear Hiring Manager,",
        "Dear Search Committee,",
        "Dear Members of the Selection Committee,",
        "Dear Chair,",
        "Dear Sir or Madam,",
        "Dear Recruitment Team,",
        "Dear Talent Acquisition Team,",
        "Dear Director Okafor,",
        "Dear Ms O’Connell,",
        "Dear Ms O'Connell,",
    ],
)
def test_standard_salutations_and_curly_apostrophes_are_no_name_errors(greeting: str) -> None:
    ctx = CheckContext(
        people=(KnownPerson("Claire O'Connell"), KnownPerson("Zoë Okafor")), organisation="Acme"
    )
    text = f"{greeting}\n\nThank you for your time.\n\nBest,\nSam"
    assert [f for f in names.check(Document(text), ctx) if f.severity is Severity.ERROR] == []


def test_a_title_before_a_misspelt_name_is_still_checked() -> None:
    ctx = CheckContext(people=(KnownPerson("Claire O’Connell"), KnownPerson("Zoë Okafor")))
    for greeting, slip in (("Dear Director Okafer,", "Okafer"), ("Dear Ms O'Conell,", "O'Conell")):
        text = f"{greeting}\n\nThank you.\n\nBest,\nSam"
        [finding] = names.check(Document(text), ctx)
        assert finding.severity is Severity.ERROR
        assert text[finding.offset : finding.offset + finding.length] == slip


@pytest.mark.parametrize(
    ("organisation", "text"),
    [
        ("Macy's, Inc.", "I would love to join the team at Macy's, Inc."),
        ("Merck & Co., Inc.", "Thank you for the interview at Merck & Co., Inc."),
        ("BP p.l.c.", "I enjoyed meeting the team at BP p.l.c."),
        ("180 Life Sciences Corp.", "I am keen to join 180 Life Sciences Corp."),
        ("HUTCHMED (China) Ltd", "It was good to hear about HUTCHMED (China) Ltd today."),
        ("Arthur J. Gallagher & Co.", "I would be glad to join Arthur J. Gallagher & Co."),
        (
            "Birmingham Women’s and Children’s NHS Foundation Trust",
            "I am keen to join Birmingham Women's and Children's NHS Foundation Trust.",
        ),
        ("Barnardo's", "It was a pleasure to visit Barnardo's on Monday."),
    ],
)
def test_a_recorded_organisation_written_as_recorded_is_no_error(
    organisation: str, text: str
) -> None:
    """Real names (SEC and GOV.UK lists) with a possessive, a legal suffix whose full
    stop ends the sentence, a digit or a bracket, or a curly apostrophe typed straight:
    each drew "names.organisation" on a draft that spelt it exactly."""
    assert found(text, CheckContext(organisation=organisation)) == []


def test_a_slip_in_such_an_organisation_is_still_found() -> None:
    ctx = CheckContext(organisation="Merck & Co., Inc.")
    assert [f[1] for f in found("Thank you for the interview at Merk & Co.", ctx)] == [
        "names.organisation"
    ]
