"""Issue 10: thank-you drafts from notes as people type them right after an interview
(fragments, shorthand, lower case, typos, "X said", diacritics and titles, the
candidate's own talking points). Each draft's specific point (P5) is either a clean
clause or phrase of the candidate's words, or a slot for them to write — never
damaged text. The verdicts are tabled in docs/benchmarks.md ("Drafts from messy notes").

HELD_OUT and HELD_OUT_2 were each written once and measured before any rule was
changed; their results are reported separately. The class fixes that followed (an
unknown verb before a number, "end of year" without "at the", a standing dash, a
participle without its subject, a bare "CTO") are pinned by CLASS_NOTES, which count
as tuning material from then on.
"""

from __future__ import annotations

import re

import pytest

from afterview.writing.drafts import compose
from afterview.writing.drafts_model import DraftRequest, Profile, Recipient
from afterview.writing.slots import SLOT, find_slots

RECIPIENT = "Dr. Óscar Whitaker-Bell"
# (note, "clean" or "slot")
TUNED = [
    ("US launch next spring", "clean"),
    ("they asked me to send them my portfolio", "slot"),
    ("board v engaged, meets monthly", "slot"),
    ("priya mentioned there gala raised 400k last yr", "slot"),
    ("talked about my time at P&G", "slot"),
    ("Dr. Whitaker-Bell told me that the clinic is opening a second site in Leeds", "clean"),
    ("Zoë said they're hiring two more designers this year", "clean"),
    ("They're launching in the US next spring", "clean"),
    ("new CTO starting in May", "clean"),
    ("team small but growing fast", "slot"),
    ("the board meets monthly", "clean"),
    ("They are rebuilding their churn model before the spring launch", "clean"),
    ("customers love the new dashboard", "clean"),
    ("growing v fast - 3 new offices", "slot"),
    ("Tom said data team uses dbt + airflow", "clean"),
    ("Óscar said he wants someone who can own the roadmap", "slot"),
    ("mgmt keen on AI stuff", "slot"),
    ("moving to 4 day week w/ fridays off", "slot"),
    ("they use kotlin everywhere", "clean"),
    ("Series B closed in jan, 40m", "slot"),
    ("funding ~£2m from govt grant", "slot"),
    ("she was really into my dissertation on supply chains", "slot"),
    ("asked about my gap year", "slot"),
    ("i think the team is stretched", "slot"),
    ("hiring manager said big restructure coming", "slot"),
    ("Prof. Ngozi Adébáyọ̀ explained that the lab moves to Cambridge in 2026", "clean"),
    ("Launching the Lisbon office in spring", "clean"),
    ("weekly demos every friday", "clean"),
    ("their new mobile app launching in June", "clean"),
    ("culture v relaxed, dogs in office", "slot"),
    ("Is the Berlin team growing?", "clean"),
    ("migrating to AWS, done by Q3", "clean"),
]
# Other members of the classes of damage the held-out sets showed (tuning material).
CLASS_NOTES = [
    ("they re moving the warehouse to snowflake", "slot"),  # apostrophe lost: "you re"
    ("they ve just hired a new head of data", "slot"),  # …whatever the contraction
    ("the contract ends next week", "slot"),  # an -s verb no list knows, then "next"
    ("probation lasts 3 months", "slot"),  # … then a number
    ("the course runs 12 weeks", "clean"),  # a known verb: the clause reads right
    ("pilot finishes end of march", "slot"),  # "end of" without "at the"
    ("hybrid - 2 days a week", "slot"),  # a dash left standing after one word
    ("launched last month", "slot"),  # a verb that lost its subject
    ("acquired by Sage in 2024", "slot"),
    ("done by end of year", "slot"),
    ("automated testing everywhere", "clean"),  # an -ed adjective before its noun
    ("CTO joining in May", "clean"),  # "the CTO"
    ("CFO Jane Smith joining in May", "clean"),  # a title before a name: no article
    ("new venue opening sept, needs a naming sponsor", "slot"),  # a month cut short
    ("board retreat every Thurs", "slot"),  # … or a day
    ("new venue opening in September", "clean"),
    ("moving all contract files to a new e-filing system by march", "clean"),  # "March"
]
HELD_OUT = [
    "liam mentioned the warehouse expansion in doncaster",
    "they're piloting a 4-day week from april",
    "pay bands under review this yr",
    "Dr Ruth Okafor said we'd start with the fraud models",
    "the onboarding programme lasts six weeks",
    "pitched my experience at Ocado",
    "sounds like lots of travel to the Dublin office",
    "Renée said their NPS jumped after the redesign",
    "big push on accessibility - WCAG audit in progress",
    "they have a mentoring scheme for new starters",
]
HELD_OUT_2 = [
    "sarah said platform team moving everything to k8s by summer",
    "new office opening in manchester in the autumn, approx 50 ppl",
    "Dr. Amélie Durand mentioned the grant renewal comes through in march",
    "they re-platformed the whole checkout last yr",
    "CEO stepping down end of year",
    "the team ships to prod twice a day",
    "Mr O'Neill told me the warehouse runs 24/7",
    "hybrid - 2 days in office",
    "their graduate scheme takes 12 people a year",
    "josé explained the data platfrom migration finishes in Q2",
]
SHORTHAND = re.compile(
    r"\b(?:v|yr|yrs|w/|mgmt|govt|approx|\d+k|\d+m)\b|~|\+|&(?!\w)|\s-\s", re.IGNORECASE
)
DAMAGE = re.compile(
    r"\bthe you\b|\byou asked me\b|\bsend you\b|\b(?:said|mentioned|told me|explained)\b|"
    r"\b(?:he|she|his|her|him)\b|\bthere (?!is|are|was|were|will)\w+|\b[Ii]\b(?! )",
)


def request(note: str, seed: int = 0) -> DraftRequest:
    return DraftRequest(
        kind="thank-you",
        profile=Profile(name="Alex Morgan", email="alex@example.com", skills=("SQL",)),
        organisation="Acme",
        role="Analyst",
        recipient=Recipient(RECIPIENT),
        nugget=note,
        seed=seed,
    )


def specific(note: str, seed: int = 0) -> str:
    draft = compose(request(note, seed))
    (part,) = [p for p in draft.parts if p.name == "specific-point"]
    return draft.body[part.start : part.end]


def verdict(text: str) -> str:
    """`slot` (exactly one slot, nothing else), `clean` (a finished sentence with no
    damage), or `damaged`."""
    if SLOT.fullmatch(text):
        return "slot"
    if find_slots(text) or SHORTHAND.search(text) or DAMAGE.search(text):
        return "damaged"
    if "Whitaker" in text or "Óscar" in text or not text.endswith((".", "?")):
        return "damaged"
    return "clean"


@pytest.mark.parametrize(("note", "expected"), TUNED + CLASS_NOTES)
def test_a_messy_note_gives_a_clean_sentence_or_a_slot(note: str, expected: str) -> None:
    for seed in range(4):
        assert verdict(specific(note, seed)) == expected, specific(note, seed)


@pytest.mark.parametrize("note", HELD_OUT + HELD_OUT_2)
def test_held_out_notes_are_never_damaged(note: str) -> None:
    for seed in range(4):
        assert verdict(specific(note, seed)) in {"clean", "slot"}, specific(note, seed)


def test_the_reported_damage_is_gone() -> None:
    """The exact failures issue 10 reported."""
    assert "you're launching in the US next spring" in specific(
        "They're launching in the US next spring"
    )
    assert "the you" not in specific("US launch next spring")
    for note in ("board v engaged, meets monthly", "they asked me to send them my portfolio"):
        assert specific(note) == f"[one sentence about: {note}]"
    text = specific("Dr. Whitaker-Bell told me that the clinic is opening a second site")
    assert "Whitaker-Bell" not in text and "told me" not in text


def test_the_damage_the_held_out_notes_showed_is_gone() -> None:
    """Each read as a clean phrase before the class fixes: "hearing about the onboarding
    programme lasts six weeks", "about CEO stepping down end of year", "about the hybrid -
    2 days in office". The automatic verdict cannot see the first two, so they are
    asserted here."""
    for note in (
        "the onboarding programme lasts six weeks",
        "CEO stepping down end of year",
        "hybrid - 2 days in office",
    ):
        assert specific(note) == f"[one sentence about: {note}]"
    assert "hearing about the CTO joining in May." in specific("CTO joining in May")
    assert "hearing that the CEO is stepping down in June." in specific(
        "CEO is stepping down in June"
    )


def test_words_a_note_types_in_lower_case_are_written_as_a_letter_writes_them() -> None:
    """Notes typed in a hurry say "q3", "aws", "june"; the sentence built from them says
    "Q3", "AWS", "June", and leaves "may", "dbt" and what was typed with a capital alone."""
    text = specific("they are moving the batch jobs to aws by q3 and hiring in june")
    assert "AWS" in text and "Q3" in text and "June" in text, text
    assert "Dbt" not in specific("they use dbt for etl"), specific("they use dbt for etl")
    assert "ETL" in specific("they use dbt for etl")


def test_a_month_typed_in_lower_case_is_written_as_a_month() -> None:
    """ "by march" in a note became "by march" in the thank-you, and the checker could not
    tell (found using the product); "march" and "may" are months after a word of time."""
    text = specific("moving all contract files to a new e-filing system by march")
    assert "by March." in text
    assert "may" in specific("they may open a second office in Leeds", 1)


def test_a_month_cut_short_after_a_word_of_time_is_written_out() -> None:
    """ "in jan" became "in jan" in the thank-you and an error the candidate had to fix
    (found using the product); after a word of time or before a day's number a short
    month is the month, elsewhere "jan" may be a name."""
    assert "in January." in specific(
        "they are moving to saturday hours at the downtown branch in jan"
    )
    assert "by September 3" in specific("the new branch opens by sept 3 if permits come through")
    assert "January" not in specific("jan runs the member services team", 1)
