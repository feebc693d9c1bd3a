"""Slots: the place a draft keeps for a sentence only the candidate can write (P5).

When a debrief note cannot be turned into a clause or a noun phrase that reads
correctly in the draft's frame (a fragment, shorthand, a typo, someone else's
words), the draft does not guess: it keeps the note in a slot,

    [one sentence about: board v engaged, meets monthly]

and the candidate writes the sentence. A slot is unfinished work: the checker
reports it as an error (`slot.unfinished`), so `check` exits 1, and the outbox
refuses to queue or send a draft that still has one.
"""

from __future__ import annotations

import re

from afterview.writing.frozen import Frozen

OPEN = "[one sentence about: "
CLOSE = "]"
# The topic is the candidate's note, cleaned of brackets, so it never holds "[" or "]".
SLOT = re.compile(r"\[\s*one sentence about\s*:\s*(?P<topic>[^\[\]\n]*?)\s*\]", re.IGNORECASE)
MAX_TOPIC_WORDS = 16


class Slot(Frozen):
    """One slot in a text: its character span and the note it is about."""

    __slots__ = ("end", "start", "topic")
    start: int
    end: int
    topic: str

    def __init__(self, start: int, end: int, topic: str) -> None:
        self._set(start=start, end=end, topic=topic)


def slot(topic: str) -> str:
    """The slot text for a note (brackets removed, at most MAX_TOPIC_WORDS words)."""
    words = re.sub(r"[\[\]\n]", " ", topic).split()
    shown = " ".join(words[:MAX_TOPIC_WORDS]) + (" …" if len(words) > MAX_TOPIC_WORDS else "")
    return f"{OPEN}{shown}{CLOSE}"


def find_slots(text: str) -> list[Slot]:
    """Every slot in `text`, in order."""
    return [Slot(m.start(), m.end(), m.group("topic")) for m in SLOT.finditer(text)]
