"""leftovers: no template placeholders or drafting notes left (P5 "Checks before sending")."""

from __future__ import annotations

import pytest

from afterview.writing.checks import leftovers
from afterview.writing.context import CheckContext, KnownPerson
from afterview.writing.findings import Severity
from afterview.writing.text import Document

CTX = CheckContext(
    people=(KnownPerson("Catherine Hughes"), KnownPerson("Dr Kwame Mensah")),
    organisation="Brightwater Analytics",
)
RULE = "leftover.placeholder"


def found(text: str, ctx: CheckContext = CTX) -> list[tuple[str, str | None]]:
    findings = leftovers.check(Document(text), ctx)
    assert all(f.rule == RULE and f.severity is Severity.ERROR for f in findings)
    return [
        (text[f.offset : f.offset + f.length], f.suggestions[0] if f.suggestions else None)
        for f in findings
    ]


POSITIVES = [
    ("I enjoyed visiting [Company].", "[Company]", "Brightwater Analytics"),
    ("I enjoyed visiting [Company Name].", "[Company Name]", "Brightwater Analytics"),
    ("I enjoyed visiting {company}.", "{company}", "Brightwater Analytics"),
    ("I enjoyed visiting {{ organisation }}.", "{{ organisation }}", "Brightwater Analytics"),
    ("I enjoyed visiting ${company}.", "${company}", "Brightwater Analytics"),
    ("Dear [Name],\n\nThanks.", "[Name]", "Catherine"),
    ("Dear {{first_name}},\n\nThanks.", "{{first_name}}", "Catherine"),
    ("Please thank <Interviewer Name> for me.", "<Interviewer Name>", "Catherine Hughes"),
    ("Please thank $name for me.", "$name", "Catherine Hughes"),
    ("I can start on <insert date>.", "<insert date>", None),
    ("I can start on [insert date here].", "[insert date here]", None),
    ("I can start on XXX.", "XXX", None),
    ("I can start on XX March.", "XX", None),
    ("TODO: add the project name.", "TODO", None),
    ("FIXME before sending.", "FIXME", None),
    ("Lorem ipsum dolor sit amet.", "Lorem ipsum", None),
    ("Thank you, %s, for your time.", "%s", None),
    ("Thank you, %(name)s, for your time.", "%(name)s", "Catherine Hughes"),
    ("Kind regards,\n[Your Name]", "[Your Name]", None),
]


@pytest.mark.parametrize(("text", "span", "suggestion"), POSITIVES)
def test_finds_placeholders(text: str, span: str, suggestion: str | None) -> None:
    assert found(text) == [(span, suggestion)]


NEGATIVES = [
    "Write to <catherine@brightwater.com> or see <https://brightwater.com/careers>.",
    "See the report [1] and the appendix [2].",
    "He said it was 'their' [sic] plan.",
    "See [the careers page](https://brightwater.com/careers).",
    "The <b>bold</b> word and a line<br> break.",
    "It cost $50 and grew by 10% since May.",
    "Sincerely, Max. The maximum was set. Todo lists help; tbd.",
    "We use C++ and sets like {3, 4}; the ratio is 2:1.",
    "Please save the below attachment[s] at once.",
    "Regulators accused two former Coastal Corp. <CGP.N> vice presidents.",
]


WARNED = [
    ("Start date TBD.", "TBD"),
    ("Here is my latest [RESUME], as promised.", "[RESUME]"),
    ("Our logo [image: logo.png] is below.", "[image: logo.png]"),
    ("<<Muni Bond Proposal.xls>>", "<Muni Bond Proposal.xls>"),
    ("See [report.pdf] for the figures.", "[report.pdf]"),
]


@pytest.mark.parametrize(("text", "span"), WARNED)
def test_meant_markers_and_attachment_markers_are_warnings(text: str, span: str) -> None:
    """A real letter may tell its reader "TBD"; a mail program leaves "[RESUME]" where a
    file was attached: neither fails the check, both are pointed out."""
    [finding] = leftovers.check(Document(text), CTX)
    assert (text[finding.offset : finding.offset + finding.length], finding.severity) == (
        span,
        Severity.WARNING,
    )


def test_a_bracketed_slot_that_is_no_attachment_stays_an_error() -> None:
    [finding] = leftovers.check(Document("Dear [NAME], here is my CV."), CTX)
    assert finding.severity is Severity.ERROR and finding.offset == 5


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_real_text_alone(text: str) -> None:
    assert found(text) == []


def test_without_context_the_message_still_says_what_to_fill_in() -> None:
    [finding] = leftovers.check(Document("I enjoyed [Company]."), CheckContext())
    assert finding.suggestions == ()
    assert "organisation's name" in finding.message and "P5" in finding.message


def test_several_people_are_all_suggested_in_the_greeting() -> None:
    [finding] = leftovers.check(Document("Dear [Name],\n\nThanks."), CTX)
    assert finding.suggestions == ("Catherine", "Kwame")
