"""Brevity by kind of message: P5 asks for a brief thank-you email and warns past ~150
words of body (ctx.word_limit, the `thank_you_max_words` setting). The other kinds have
their own shape, so their own limit:

- `thank-you` (P5): ctx.word_limit (150 by default): thanks, one specific point, the sell;
- `follow-up` (P8): 120: still interested, where are you in the process, anything
  further? A chase that needs more than a short paragraph or two reads as pushy;
- `withdrawal` (P7): 100: thanks, your interests lie elsewhere, good wishes;
- `accept` / `decline` (P12): 150, as a thank-you: next steps, or keeping the door open;
- no kind (`afterview check FILE` on any text) and `recruiter-call` (a spoken script,
  P1): no limit. Real email of every other sort is as long as it needs to be.

- `brevity.long` (warning): the body (after the greeting, before the sign-off) has more
  words than the kind's limit. The finding covers the body and says how many to cut.
- `brevity.long-sentence` (info): a body sentence of more than LONG_SENTENCE words,
  for every kind; long sentences are where emails lose their reader.
"""

from __future__ import annotations

from bisect import bisect_left

from afterview.writing.context import CheckContext
from afterview.writing.findings import Finding, Severity
from afterview.writing.text import Document, Span

EMAIL_KINDS = frozenset({"thank-you", "follow-up", "withdrawal", "accept", "decline"})
KIND_LIMITS = {"follow-up": 120, "withdrawal": 100}  # thank-you, accept, decline: ctx.word_limit
LONG_SENTENCE = 35


def applies_to(kind: str | None) -> bool:
    """Whether a word limit applies to this kind of message."""
    return kind in EMAIL_KINDS


def limit_rule(kind: str | None) -> str:
    """The playbook rule that sets the kind's limit; free text is measured against P5's."""
    return {"follow-up": "P8", "withdrawal": "P7", "accept": "P12", "decline": "P12"}.get(
        kind or "", "P5"
    )


def limit_for(ctx: CheckContext) -> int:
    """The body's word limit for ctx.kind; 0 when there is none."""
    if not applies_to(ctx.kind):
        return 0
    return KIND_LIMITS.get(ctx.kind or "", ctx.word_limit)


def _why(kind: str | None) -> str:
    return {
        "follow-up": "P8 asks for a short, polite follow-up",
        "withdrawal": "P7 asks for a short, courteous withdrawal",
    }.get(kind or "", "P5 asks for a brief email")


def _words_in(starts: list[int], span: Span) -> int:
    return bisect_left(starts, span.end) - bisect_left(starts, span.start)


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    count = len(doc.body_words)
    limit = limit_for(ctx)
    if limit > 0 and count > limit:
        first, last = doc.body_words[0], doc.body_words[-1]
        end = last.end
        while end < doc.body.end and doc.text[end] in ".!?)\"'’”":
            end += 1
        findings.append(
            doc.finding(
                first.start,
                end - first.start,
                "brevity.long",
                Severity.WARNING,
                f"The body is {count} words; {_why(ctx.kind)} (about {limit}): "
                f"cut {count - limit} words.",
            )
        )
    starts = [w.start for w in doc.body_words]
    for sentence in doc.sentences:
        words = _words_in(starts, sentence)
        if words > LONG_SENTENCE:
            findings.append(
                doc.finding(
                    sentence.start,
                    sentence.end - sentence.start,
                    "brevity.long-sentence",
                    Severity.INFO,
                    f"This sentence is {words} words long; consider splitting it "
                    f"(over {LONG_SENTENCE} words is hard to follow in an email).",
                )
            )
    return findings
