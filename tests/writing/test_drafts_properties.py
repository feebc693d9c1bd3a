"""Invariants of composed drafts over random candidates, notes and recipients
(hypothesis): whatever was typed, a draft has its rule's parts in order, none
empty, no leftover placeholder, and P5's thank-you stays brief.
"""

from __future__ import annotations

import re
import string
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from afterview.writing.drafts import compose
from afterview.writing.drafts_model import KINDS, DraftRequest, Profile, Recipient
from afterview.writing.slots import SLOT
from afterview.writing.text import Document

PLACEHOLDER = re.compile(r"[\[\]{}<>]|\b(?:TODO|TBD|TBC|XXX|FIXME)\b")
PART_COUNT = {
    "thank-you": 3,
    "follow-up": 4,
    "withdrawal": 3,
    "recruiter-call": 4,
    "accept": 4,
    "decline": 3,
}
# Typed text: letters, digits, punctuation, and the brackets a careless note may hold.
typed = st.text(alphabet=string.ascii_letters + string.digits + " .,;:!?'-()[]{}<>\n", max_size=60)
VOCABULARY = (
    "the They are moving team Lisbon AWS launching new office TODO we're plans to in "
    "of and a is Kotlin billing spring growing I hiring? Their it's Q3 [TBC] said that "
    "Priya discussed very"
)
words = st.lists(
    st.sampled_from(VOCABULARY.split(" ")),
    max_size=40,
).map(" ".join)
names = st.text(alphabet=string.ascii_letters + " .,-'", max_size=30)


@st.composite
def requests(draw: st.DrawFn) -> DraftRequest:
    start = draw(st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2026, 1, 1)))
    return DraftRequest(
        kind=draw(st.sampled_from(KINDS)),
        profile=Profile(
            name=draw(names),
            email=draw(st.sampled_from(["alex@example.com", ""])),
            phone=draw(st.none() | st.just("+44 7700 900123")),
            skills=tuple(draw(st.lists(typed, max_size=7))),
            experience=draw(st.none() | typed | words),
            language=draw(st.sampled_from(["en-GB", "en-US"])),
        ),
        organisation=draw(typed),
        role=draw(typed),
        recipient=draw(
            st.none()
            | st.builds(Recipient, names, st.none(), st.sampled_from(["interviewer", "recruiter"]))
        ),
        interview_start=draw(st.none() | st.just(start.replace(tzinfo=UTC))),
        interview_round=draw(st.none() | st.integers(1, 9)),
        nugget=draw(st.none() | typed | words),
        went_well=tuple(draw(st.lists(typed | words, max_size=3))),
        decision_date=draw(st.none() | st.dates(date(2024, 1, 1), date(2026, 12, 31))),
        last_contact=draw(st.none() | st.dates(date(2024, 1, 1), date(2026, 12, 31))),
        follow_ups_sent=draw(st.integers(0, 4)),
        previous=tuple(draw(st.lists(typed, max_size=2))),
        seed=draw(st.integers(0, 10_000)),
        interviewers=tuple(draw(st.lists(names, max_size=3))),
        written_on=draw(
            st.none() | st.just(start.date() + timedelta(days=draw(st.integers(-2, 20))))
        ),
    )


@settings(max_examples=300, deadline=None)
@given(requests())
def test_any_request_gives_a_complete_draft(request: DraftRequest) -> None:
    draft = compose(request)
    assert not PLACEHOLDER.search(draft.subject), draft.subject
    # A slot is the one bracket a draft may hold: the candidate's sentence to write.
    assert not PLACEHOLDER.search(SLOT.sub("", draft.body)), draft.body
    assert len(draft.parts) == PART_COUNT[request.kind]
    end = 0
    for part in draft.parts:
        text = draft.body[part.start : part.end]
        finished = SLOT.fullmatch(text) is not None or text[-1] in ".?!"
        assert part.start >= end and text.strip() == text and finished
        end = part.end
    if request.kind == "thank-you":
        assert len(Document(draft.body).body_words) <= 150
    assert compose(request) == draft
