"""checker: every check over one text, positions in characters, findings in reading order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from afterview.errors import BadInput
from afterview.writing.checker import CHECKS, MAX_CHARS, check_text
from afterview.writing.context import CheckContext, KnownPerson
from afterview.writing.findings import Severity
from afterview.writing.text import Document


def test_line_and_column_count_characters_after_accents_and_emoji() -> None:
    text = "Café 🎉 naïve, I could of come.\nRésumé 👍🏽 sent: the the end."
    report = check_text(text, CheckContext(), spelling=False)
    by_span = {text[f.offset : f.offset + f.length]: f for f in report.findings}
    could = by_span["could of"]
    assert (could.line, could.column) == (1, text.index("could of") + 1)
    assert could.column == 17  # characters, not UTF-8 bytes
    repeated = by_span["the the"]
    second_line = text.index("\n") + 1
    assert (repeated.line, repeated.column) == (2, text.index("the the") - second_line + 1)
    assert repeated.column == 17  # "👍🏽" is two code points: thumb and skin tone


def test_findings_are_in_reading_order_worse_first_at_one_place() -> None:
    text = (
        "Dear Jon,\n\nThank you for your time. I was so nervous and i could of done more then "
        "that at [Company].\n\nKind regards,\nSam"
    )
    ctx = CheckContext(people=(KnownPerson("John Smith"),), organisation="Brightwater")
    report = check_text(text, ctx, spelling=False)
    offsets = [(f.offset, f.severity) for f in report.findings]
    assert [f.offset for f in report.findings] == sorted(f.offset for f in report.findings)
    assert [text[f.offset : f.offset + f.length] for f in report.findings] == [
        "Jon",
        "I was so nervous",
        "i",
        "could of",
        "more then",
        "[Company]",
    ]
    assert len(offsets) == report.errors


def test_each_check_module_is_run() -> None:
    assert {"grammar", "tone", "names", "leftovers", "brevity", "shape"} <= set(CHECKS)
    text = "Dear Jon,\n\nI could of [Company] problem. " + "word " * 160 + "\n\nBest,\nSam"
    ctx = CheckContext(kind="thank-you", people=(KnownPerson("John"),))
    rules = {f.rule.split(".")[0] for f in check_text(text, ctx, spelling=False).findings}
    assert {"grammar", "tone", "names", "leftover", "brevity", "shape"} <= rules


def test_thank_you_reports_parts_and_word_count() -> None:
    text = (
        "Dear Ann,\n\nThank you for your time today. I especially enjoyed hearing about the "
        "launch. I am excited about the role, my experience fits, and I am happy to send "
        "references.\n\nBest,\nSam"
    )
    report = check_text(text, CheckContext(kind="thank-you"), spelling=False)
    assert [p.part for p in report.parts] == ["thanks", "specific-point", "sell"]
    assert report.errors == 0
    assert report.words == len(Document(text).body_words)
    plain = report.to_plain()
    assert plain["errors"] == 0 and plain["word_limit"] == 150


def test_parts_only_for_thank_you() -> None:
    report = check_text("Thank you.", CheckContext(kind="follow-up"), spelling=False)
    assert report.parts == ()


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_is_bad_input(text: str) -> None:
    with pytest.raises(BadInput, match="empty"):
        check_text(text, CheckContext(), spelling=False)


def test_over_100000_characters_is_bad_input() -> None:
    with pytest.raises(BadInput, match="100,000"):
        check_text("a" * (MAX_CHARS + 1), CheckContext(), spelling=False)


def test_exactly_the_limit_is_checked() -> None:
    text = ("Thank you for your time. " * 5000)[:MAX_CHARS]
    report = check_text(text, CheckContext(), spelling=False)
    assert all(f.severity is not Severity.ERROR for f in report.findings)


ALPHABET = "abcdeiouyhnstAEIMNOTJ  \n\n.,!?'’-[]{}<>$%@éü🎉 "
WORDS = (
    "the",
    "The",
    "a",
    "an",
    "hour",
    "could",
    "of",
    "then",
    "than",
    "your",
    "welcome",
    "i",
    "Jon",
    "John",
    "problem",
    "not",
    "[Name]",
    "TODO",
    "Dear",
    "Kind",
    "regards,",
    "sorry",
    "for",
    "my",
    "Brightwatter",
    "  ",
    "\n",
    "\n\n",
    ".",
    "e.g.",
    "www.x.com",
)


@given(
    st.lists(
        st.one_of(st.sampled_from(WORDS), st.text(alphabet=ALPHABET, max_size=6)),
        min_size=1,
        max_size=60,
    )
)
@settings(max_examples=150, deadline=None)
def test_any_text_gives_consistent_spans(pieces: list[str]) -> None:
    text = " ".join(pieces)
    if not text.strip():
        return
    ctx = CheckContext(
        kind="thank-you", people=(KnownPerson("John Smith"),), organisation="Brightwater"
    )
    report = check_text(text, ctx, spelling=False)
    doc = Document(text)
    for finding in report.findings:
        assert 0 <= finding.offset <= finding.offset + finding.length <= len(text)
        assert (finding.line, finding.column) == doc.position(finding.offset)
        line_start = text.rfind("\n", 0, finding.offset) + 1
        assert finding.column == finding.offset - line_start + 1
    for part in report.parts:
        assert 0 <= part.offset <= part.offset + part.length <= len(text)


def test_decomposed_accents_are_checked_as_composed_and_mapped_back() -> None:
    """NFD "Zoë" (e + combining diaeresis) is the recorded Zoë; offsets stay the original's."""
    decomposed = "Zoe\u0308"
    text = f"Dear {decomposed},\n\nThank you, {decomposed}. I could of done more.\n\nBest,\nSam"
    ctx = CheckContext(people=(KnownPerson("Zoë Okafor"),), organisation="Acme")
    report = check_text(text, ctx, spelling=False)
    assert [f.rule for f in report.findings] == ["grammar.could-of"]
    [finding] = report.findings
    assert text[finding.offset : finding.offset + finding.length] == "could of"
    assert (finding.line, finding.column) == Document(text).position(finding.offset)
    slip = check_text("Dear Zoe\u0308y,\n\nThanks.", ctx, spelling=False).findings
    assert [(f.rule, f.offset, f.length) for f in slip] == [("names.person", 5, 5)]


def test_a_slots_note_is_not_checked_only_the_slot_is() -> None:
    """The note inside a slot is shorthand the candidate will rewrite (P5): its typos are
    not reported, the slot is; the same slips outside the slot still are."""
    ctx = CheckContext(kind="thank-you", people=(KnownPerson("Dana Kim"), KnownPerson("Tom Reyes")))
    note = "[one sentence about: dana said theyre moving to snowflake, wants someone to lead]"
    text = (
        f"Dear Dana,\n\nThank you for your time.\n\n{note}\n\ndana said theyre keen.\n\nBest,\nSam"
    )
    report = check_text(text, ctx)
    inside = text.index(note), text.index(note) + len(note)
    found = {
        (f.rule, text[f.offset : f.offset + f.length], f.offset < inside[1])
        for f in report.findings
    }
    assert ("slot.unfinished", note, True) in found
    assert not [f for f in found if f[2] and f[0] != "slot.unfinished"], found
    outside = {(rule.split(".")[0], span) for rule, span, inside_slot in found if not inside_slot}
    assert {("spelling", "dana"), ("spelling", "theyre")} <= outside


def test_a_misspelt_word_outranks_a_grammar_guess_on_it() -> None:
    """ "is availibility of capital": the speller's error, not a missing article."""
    text = "The only thing holding them here is availibility of capital."
    report = check_text(text, CheckContext(language="en-US"))
    on_word = [f for f in report.findings if text[f.offset : f.offset + f.length] == "availibility"]
    assert [(f.rule, f.severity) for f in on_word] == [("spelling", Severity.ERROR)]


def test_a_misspelt_word_outranks_a_missing_word_guess_that_spans_it() -> None:
    """ "saw teh report": the guess read the slip as a noun and offered "the teh"."""
    text = "I saw teh report yesterday."
    report = check_text(text, CheckContext(language="en-GB"))
    assert [(f.rule, text[f.offset : f.offset + f.length]) for f in report.findings] == [
        ("spelling", "teh")
    ]


def test_the_recorded_organisation_and_role_are_not_the_candidates_grammar() -> None:
    """ "Save the Children" is no verb form: words recorded as the employer's name or the
    job's title are not checked as the candidate's grammar; the same slip elsewhere
    still is."""
    text = "I have great respect for Save the Children and wish you well."
    assert [f.rule for f in check_text(text, CheckContext()).findings] == ["grammar.verb-form"]
    ctx = CheckContext(organisation="Save the Children", role="Business Sales Representative")
    assert [f.rule for f in check_text(text, ctx).findings] == []
    slip = "I have great respect for Save the Children and look forward to hear from you."
    assert [f.rule for f in check_text(slip, ctx).findings] == ["grammar.verb-form"]
