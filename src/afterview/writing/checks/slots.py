"""Slots left in a draft: a sentence the candidate still has to write (P5).

Rule `slot.unfinished` (error), one finding per `[one sentence about: …]` slot
(see `afterview.writing.slots`). An error, so `check` exits 1 and the outbox
refuses the draft until the slot is replaced by the candidate's own sentence.
"""

from __future__ import annotations

from afterview.writing.context import CheckContext
from afterview.writing.findings import Finding, Severity
from afterview.writing.slots import find_slots
from afterview.writing.text import Document


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    return [
        doc.finding(
            found.start,
            found.end - found.start,
            "slot.unfinished",
            Severity.ERROR,
            f"Unfinished: replace this slot with one sentence of your own about “{found.topic}”.",
        )
        for found in find_slots(doc.text)
    ]
