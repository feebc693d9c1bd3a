"""Brevity: P5 asks for a brief thank-you email and warns past ~150 words of body
(ctx.word_limit, a setting); a follow-up (P8), a withdrawal (P7) and an offer reply are
read by the same busy people, so the same limit applies to them.

- `brevity.long` (warning): the body (after the greeting, before the sign-off) has more
  words than ctx.word_limit. The finding covers the body and says how many words to cut.
  It applies to emails: kinds `thank-you`, `follow-up`, `withdrawal`, `accept`,
  `decline`, and no kind at all (`afterview check FILE` on a plain text file, which is
  almost always an email draft). It does not apply to a `recruiter-call` script (P1),
  which is spoken, nor to any other kind.
- `brevity.long-sentence` (info): a body sentence of more than LONG_SENTENCE words,
  for every kind; long sentences are where emails lose their reader.
"""

from __future__ import annotations

from bisect import bisect_left

from afterview.writing.context import CheckContext
from afterview.writing.findings import Finding, Severity
from afterview.writing.text import Document, Span

EMAIL_KINDS = frozenset({"thank-you", "follow-up", "withdrawal", "accept", "decline"})
LONG_SENTENCE = 35


def applies_to(kind: str | None) -> bool:
    """Whether the word limit applies to this kind of message."""
    return kind is None or kind in EMAIL_KINDS


def _words_in(starts: list[int], span: Span) -> int:
    return bisect_left(starts, span.end) - bisect_left(starts, span.start)


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    count = len(doc.body_words)
    if applies_to(ctx.kind) and ctx.word_limit > 0 and count > ctx.word_limit:
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
                f"The body is {count} words; P5 asks for a brief email (about "
                f"{ctx.word_limit}): cut {count - ctx.word_limit} words.",
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
