"""P5's thank-you email: brief, and exactly three parts in order — thanks, one
specific point from the debrief, the subtle sell — each its own paragraph.

The body (between greeting and closing) stays within P5's ~150 words: when the
candidate's facts are long, the draft trims detail (fewer skills, a shorter
nugget, no follow-on sentence) rather than run over.

The specific point is the candidate's nugget only when it reads correctly in its
frame (`reading`); otherwise the paragraph is a slot for the candidate to write
(`afterview.writing.slots`). Letters to one panel share no sentence of eight words
or more: each part has short fallbacks for when every long wording is taken.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from afterview.writing.drafts import wording as w
from afterview.writing.drafts.letter import assemble
from afterview.writing.drafts.notes import Point, phrase
from afterview.writing.drafts.reading import read
from afterview.writing.drafts_model import ComposedDraft, DraftRequest
from afterview.writing.slots import slot
from afterview.writing.text import WORD

WORD_LIMIT = 150

SUBJECTS = (
    "Thank you — {role} interview",
    "Thank you for your time — {role}",
    "{role} interview: thank you",
    "With thanks — {role} at {org}",
)
LATE = "I am sorry this note comes a little late."
THANKS = (
    "Thank you for taking the time to speak with me{again}{when} about {the_role} at {org}.",
    "Many thanks for meeting me{again}{when}; it was a real pleasure to discuss {the_role} "
    "and {org} with you.",
    "I wanted to thank you for your time{when} and for such an interesting conversation "
    "about {the_role} at {org}.",
    "Thank you for our {interview}{when}; I appreciated the chance to find out more "
    "about {the_role} and the team at {org}.",
)
# Under eight words: what a panel's fifth letter falls back on (never shared at length).
THANKS_SHORT = (
    "Thank you for your time{when}.",
    "Many thanks for our conversation{when}.",
    "Thank you for seeing me{when}.",
)


@dataclass(frozen=True, slots=True)
class PointWording:
    """One way to say the specific point, for each shape a note can take."""

    about: str
    that: str
    question: str
    aside: str
    follow: str

    def lead(self, p: Point) -> str:
        """The template for the note's shape (`about`, `that`, `question`)."""
        return str(getattr(self, p.form))


POINTS = (
    PointWording(
        about="I especially enjoyed hearing about {p}.",
        that="I especially enjoyed hearing that {p}.",
        question="I was particularly struck by one question from our conversation: {p}",
        aside="I was particularly struck by one thought from our conversation: {p}.",
        follow="I would love to hear more about it as things develop.",
    ),
    PointWording(
        about="I was particularly interested to learn about {p}.",
        that="I was particularly interested to learn that {p}.",
        question="Since we spoke, I have been intrigued by a question we touched on: {p}",
        aside="Since we spoke, I have been intrigued by something we discussed: {p}.",
        follow="It is a big part of why the role appeals to me so much.",
    ),
    PointWording(
        about="Hearing about {p} was a highlight of our conversation for me.",
        that="It was a highlight of our conversation to hear that {p}.",
        question="One question that came up particularly caught my attention: {p}",
        aside="Something that caught my attention in our conversation was this: {p}.",
        follow="I have been thinking about it ever since.",
    ),
    PointWording(
        about="What stood out most for me was our discussion of {p}.",
        that="What stood out most for me was hearing that {p}.",
        question="What stood out most for me was a question we discussed: {p}",
        aside="What stood out most for me was this: {p}.",
        follow="It made the role even more appealing to me.",
    ),
)
NO_NUGGET_TOPIC = "something specific you discussed, such as a project, a plan or a question"
# Older versions used a general line when no nugget was recorded; drafts written then
# still hold one, and the web editor still recognises it as not specific.
GENERAL_POINTS = (
    "I especially enjoyed hearing how the team works and where {org} is heading next.",
    "Learning about the team and its priorities made the role even more appealing to me.",
    "It was a real pleasure to hear about the team's work and the plans ahead, and I came "
    "away with plenty to think about.",
)
ENTHUSIASM = (
    "Our conversation made me even more enthusiastic about the role and about joining {org}.",
    "I am genuinely excited about the role and the chance to join the team at {org}.",
    "I came away from our conversation really keen to join {org}.",
    "Everything I heard made me more enthusiastic about the role and about {org} as an "
    "organisation.",
)
ENTHUSIASM_SHORT = (
    "I would love to join the team.",
    "I am excited about the role.",
    "I am keen to join you.",
)
FIT_BOTH = (
    "I believe {experience} has given me a strong grounding for the role, particularly "
    "in {skills}.",
    "With {experience} behind me and strengths in {skills}, I am confident I could "
    "contribute from the start.",
    "My experience — {experience} — and my skills in {skills} fit closely with what the "
    "role needs.",
)
FIT_SKILLS = (
    "I believe my skills in {skills} would let me contribute from the start.",
    "My strengths in {skills} match closely what the role needs, and I am confident I "
    "could make a real contribution.",
    "I am confident my experience with {skills} would help me make a real difference quickly.",
)
FIT_EXPERIENCE = (
    "I believe {experience} has given me exactly the background the role needs.",
    "With {experience} behind me, I am confident my background fits what the role needs.",
    "My experience — {experience} — fits closely with what the role needs.",
)
FIT_SHORT = (
    "My background fits the role well.",
    "My skills match what you need.",
    "My experience fits the role closely.",
)
FIT_GENERAL = (
    "I am confident my skills and experience would let me make a real contribution to what "
    "you are building.",
    "I believe my experience would let me contribute from the start.",
    "I believe my background would let me bring real commitment to the role and contribute "
    "quickly.",
)
OFFER = (
    "If any further documents or information would be helpful, I would be very happy to "
    "provide them.",
    "Please let me know if I can send anything else, such as references or examples of my work.",
    "Should you need anything further from me, I would be glad to send it over.",
    "I am happy to share an updated CV or references, or anything else that would help.",
)
OFFER_SHORT = (
    "I am happy to send references.",
    "I am glad to send any details.",
    "I can share any further details.",
)
GENERAL_SHORT = (
    "I enjoyed hearing about the team.",
    "The team's plans really interested me.",
    "Your plans for the team interest me.",
)


@dataclass(frozen=True, slots=True)
class Detail:
    """How much of the candidate's facts to use; tried from most to least (P5 brevity)."""

    skills: int
    nugget_words: int
    experience_words: int
    follow_on: bool


DETAILS = (
    Detail(3, 20, 12, True),
    Detail(3, 16, 10, False),
    Detail(2, 14, 8, False),
    Detail(1, 10, 6, False),
)


def compose(request: DraftRequest) -> ComposedDraft:
    """The thank-you (P5), the first level of detail that keeps the body brief."""
    for detail in DETAILS:
        draft, words = _compose(request, detail)
        if words <= WORD_LIMIT:
            return draft
    return draft


def _compose(request: DraftRequest, detail: Detail) -> tuple[ComposedDraft, int]:
    say = w.Wording(request)
    language = request.profile.language
    facts = w.base_facts(request)
    round_ = w.ordinal(request.interview_round)
    met_before = bool(round_) if request.met_before is None else request.met_before
    facts |= {
        "when": w.when(request.interview_start, request.written_on, language),
        "again": " again" if met_before else "",
        "interview": f"{round_} interview" if round_ else "interview",
    }
    thanks = _pick(say, THANKS, THANKS_SHORT, facts)
    if w.days_late(request.interview_start, request.written_on) >= 1:
        thanks = f"{LATE} {thanks}"  # a catch-up after a late entry (P5)
    specific = _specific(request, say, facts, detail)
    sell = " ".join(
        [
            _pick(say, ENTHUSIASM, ENTHUSIASM_SHORT, facts, turn=1),
            _fit(request, say, detail),
            _pick(say, OFFER, OFFER_SHORT, facts, turn=2),
        ]
    )
    body, parts = assemble(
        w.greeting(request.recipient, language),
        [[("thanks", thanks)], [("specific-point", specific)], [("sell", sell)]],
        [say.closing(), *w.signature(request.profile)],
    )
    subject = say.pick(SUBJECTS, facts, turn=len(request.previous))
    words = sum(len(WORD.findall(text)) for text in (thanks, specific, sell))
    return ComposedDraft(request.kind, subject, body, parts), words


def _pick(
    say: w.Wording,
    templates: tuple[str, ...],
    short: tuple[str, ...],
    facts: Mapping[str, str],
    *,
    turn: int = 0,
) -> str:
    """A wording no earlier or sibling letter used; a short one when all long ones are."""
    chosen = say.pick(templates, facts, turn=turn)
    if say.fresh(chosen):
        return chosen
    fallback = say.pick(short, facts, turn=turn)
    return fallback if say.fresh(fallback) else chosen


def _specific(
    request: DraftRequest, say: w.Wording, facts: Mapping[str, str], detail: Detail
) -> str:
    """P5 part 2: the one point from the debrief, framed to fit the note's shape, or a
    slot for the candidate's own sentence when the note does not fit any frame."""
    recipient = request.recipient.name if request.recipient else None
    reading = read(request.nugget, max_words=detail.nugget_words, recipient=recipient)
    if reading is None:
        # No note to draw on: a general line would pass for P5's "one specific point"
        # without being one, so the candidate writes it (the checker and the outbox
        # treat the slot as unfinished).
        return slot(NO_NUGGET_TOPIC)
    found = reading.point
    if found is None:
        return slot(reading.topic)
    options = []
    with_point = {**facts, "p": found.text}
    for wording in POINTS:
        lead = say.say(wording.lead(found), with_point)
        follow = say.say(wording.follow, facts) if detail.follow_on else ""
        both = f"{lead} {follow}".strip()
        options.append(both if not follow or say.fresh(both) else lead)
    return say.pick_rendered(options)


def _fit(request: DraftRequest, say: w.Wording, detail: Detail) -> str:
    """The sell's middle: skills and experience, as much as is recorded."""
    skills = _skills(request.profile.skills, detail.skills, request.profile.language)
    experience = phrase(request.profile.experience, max_words=detail.experience_words)
    facts = {"skills": skills, "experience": experience}
    if skills and experience:
        templates = FIT_BOTH
    elif skills:
        templates = FIT_SKILLS
    elif experience:
        templates = FIT_EXPERIENCE
    else:
        templates = FIT_GENERAL
    return _pick(say, templates, FIT_SHORT, facts, turn=3)


def _skills(skills: tuple[str, ...], limit: int, language: str) -> str:
    """The first few recorded skills (the candidate's order), naturally joined."""
    seen: list[str] = []
    for skill in skills:
        text = phrase(skill, max_words=5)
        if text and text.lower() not in {s.lower() for s in seen}:
            seen.append(text)
    return w.join(seen[:limit], language)
