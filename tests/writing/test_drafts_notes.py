"""P5's specific point: the candidate's hurried debrief notes made into clauses a
sentence can hold, without broken grammar, leftovers or runaway length — or kept
as a slot for the candidate to write when they cannot be (see test_drafts_messy_notes).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from afterview.writing.drafts import compose
from afterview.writing.drafts.notes import Point, clean, phrase, point
from afterview.writing.drafts.reading import read
from afterview.writing.drafts_model import DraftRequest, Profile

NOTES = [
    # fragments: a gerund phrase, a noun phrase with its article restored
    ("launching the Lisbon office in spring", "about", "launching the Lisbon office in spring"),
    ("AWS migration finishing in Q3", "about", "the AWS migration finishing in Q3"),
    ("Lisbon office opening in spring", "about", "the Lisbon office opening in spring"),
    ("new mobile app launching in June", "about", "the new mobile app launching in June"),
    ("Growing team in Manchester", "about", "the growing team in Manchester"),
    ("- Expanding into Germany next year.", "about", "expanding into Germany next year"),
    ("GDPR compliance work", "about", "the GDPR compliance work"),
    ("2025 roadmap", "about", "the 2025 roadmap"),
    ("iPhone app redesign", "about", "the iPhone app redesign"),
    ("A new office in Lisbon", "about", "a new office in Lisbon"),
    # a long subject before its verb is still a clause; a determiner is not a subject
    (
        "a new office in Lisbon opens in the spring",
        "that",
        "a new office in Lisbon opens in the spring",
    ),
    ("the plans for the Paris team", "about", "the plans for the Paris team"),
    ("Culture of ownership", "about", "the culture of ownership"),
    ("Plans to open a second site", "about", "plans to open a second site"),
    ("Beijing office launch", "about", "the Beijing office launch"),
    # sentences: a clause, with "they"/"we" turned to "you" since the email is to them
    (
        "They are moving the billing platform to Kotlin.",
        "that",
        "you are moving the billing platform to Kotlin",
    ),
    ("They're hiring a second designer", "that", "you're hiring a second designer"),
    (
        "We're doubling the platform team this year",
        "that",
        "you're doubling the platform team this year",
    ),
    (
        "The team is rebuilding onboarding from scratch.",
        "that",
        "the team is rebuilding onboarding from scratch",
    ),
    ("IT team is moving to Okta", "that", "the IT team is moving to Okta"),
    ("Priya runs the design team", "that", "Priya runs the design team"),
    ("Customers love the new dashboard", "that", "customers love the new dashboard"),
    ("There's a hackathon every quarter!", "that", "there's a hackathon every quarter"),
    # the candidate's framing removed
    ("Priya said the team doubles next year", "that", "the team doubles next year"),
    ("They mentioned they are opening a site in Porto", "that", "you are opening a site in Porto"),
    ("Loved that they ship every week", "that", "you ship every week"),
    ("Discussed their move to microservices", "about", "your move to microservices"),
    ("Their plan to double the data team", "about", "your plan to double the data team"),
    ("Liked how they run retros", "about", "how you run retros"),
    ("e.g. the new pricing model for SMEs", "about", "the new pricing model for SMEs"),
    # questions stay questions; a fragment with a question mark becomes a topic
    (
        "Is the Lisbon office opening in spring?",
        "question",
        "is the Lisbon office opening in spring?",
    ),
    ("How will the team scale next year?", "question", "how will the team scale next year?"),
    ("Will they open a Berlin office?", "question", "will you open a Berlin office?"),
    ("Next steps for the Berlin office?", "about", "the next steps for the Berlin office"),
    # only the first sentence, cleaned of leftovers and quotes
    ("They open Porto in May. Also hiring. Follow up!", "that", "you open Porto in May"),
    ('"Kotlin everywhere"', "about", "Kotlin everywhere"),
    ("[TBC] new pricing model", "about", "the new pricing model"),
    ("Dr. Patel's research on fraud detection", "about", "Dr. Patel's research on fraud detection"),
]


@pytest.mark.parametrize(("note", "form", "text"), NOTES)
def test_a_note_becomes_a_point_that_fits_its_frame(note: str, form: str, text: str) -> None:
    found = read(note)
    assert found is not None
    assert found.point == Point(form, text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "note", [None, "", "   ", ".", "[TODO]", "Ask about equity", "Send portfolio"]
)
def test_nothing_usable_gives_no_point(note: str | None) -> None:
    assert point(note) is None
    assert read(note) is None


def test_the_recruiter_call_keeps_they_as_the_interviewers() -> None:
    """The lenient reading (spoken, P1) never rewrites a pronoun."""
    assert point("They liked my portfolio") == Point("that", "they liked my portfolio")
    assert point("They are moving to Kotlin") == Point("that", "they are moving to Kotlin")


def test_the_candidates_own_thought_is_a_slot_not_the_interviewers_news() -> None:
    found = read("I could help with their data migration")
    assert found is not None and found.point is None and found.own


LONG = (
    "launching the Lisbon office in spring with a team of twelve engineers drawn from the "
    "London headquarters and several new hires from the local university, which they hope "
    "to complete by June"
)


def test_a_long_note_is_cut_at_a_clause_boundary() -> None:
    strict = read(LONG, max_words=10)
    assert strict is not None and strict.point == Point(
        "about", "launching the Lisbon office in spring"
    )
    found = point(LONG)
    assert found == Point(
        "about",
        "launching the Lisbon office in spring with a team of twelve engineers drawn from the "
        "London headquarters",
    )
    shorter = point(LONG, max_words=10)
    assert shorter == Point("about", "launching the Lisbon office in spring")


def test_a_long_note_without_a_boundary_never_ends_on_a_dangling_word() -> None:
    note = "the plan to " + " ".join(["grow the team of the office of the region"] * 4)
    found = point(note, max_words=12)
    assert found is not None
    assert len(found.text.split()) <= 12
    assert found.text.split()[-1] not in {"the", "of", "to", "a", "and"}


@pytest.mark.parametrize(
    ("experience", "expected"),
    [
        ("eight years building payment systems", "eight years building payment systems"),
        ("I have 8 years in fintech.", "8 years in fintech"),
        ("Background in data engineering", "a background in data engineering"),
        ("My decade in retail banking", "my decade in retail banking"),
        (
            "Ten years at Google, including five leading the ads team in three countries",
            "ten years at Google",
        ),
    ],
)
def test_experience_becomes_a_short_phrase(experience: str, expected: str) -> None:
    assert phrase(experience) == expected


def test_clean_removes_leftovers_but_keeps_the_words() -> None:
    assert clean("  Acme <org> [TBC]  Ltd TODO ") == "Acme Ltd"
    assert clean(None) == ""


@pytest.mark.parametrize(("note", "form", "text"), NOTES)
def test_every_note_reads_as_one_sentence_in_the_thank_you(note: str, form: str, text: str) -> None:
    request = DraftRequest(
        kind="thank-you",
        profile=Profile(name="Alex Morgan", email="alex@example.com"),
        organisation="Acme",
        role="Designer",
        nugget=note,
    )
    for seed in range(4):
        draft = compose(replace(request, seed=seed))
        specific = next(p for p in draft.parts if p.name == "specific-point")
        sentence = draft.body[specific.start : specific.end]
        assert text in sentence
        end = sentence.index(text) + len(text)
        assert sentence[end : end + 1] in {".", " ", "?"}, sentence
