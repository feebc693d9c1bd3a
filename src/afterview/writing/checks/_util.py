"""Small helpers shared by the non-spelling checks (grammar, tone, names, leftovers, shape).

Kept private (leading underscore) so the checker never mistakes it for a check: only the
modules named in `checker.CHECKS` are run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from afterview.writing.findings import SEVERITY_ORDER, Finding
from afterview.writing.text import Document

# Web addresses and email addresses: no check looks inside them ("www.the-the.com").
# An address's local part starts where a run of its letters starts: tried at every
# letter, a 90,000-letter "word" took seconds.
URL_OR_EMAIL = re.compile(
    r"(?i)\b(?:https?://|www\.)[^\s<>\"]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+\.(?:com|org|net|io|"
    r"co\.uk|org\.uk|ac\.uk|gov\.uk|edu|gov|dev|ai|app)\b(?:/[^\s<>\"]*)?"
)


@lru_cache(maxsize=8)
def _url_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in URL_OR_EMAIL.finditer(text))


def url_spans(doc: Document) -> tuple[tuple[int, int], ...]:
    """Spans of the web and email addresses in the text (cached per text)."""
    return _url_spans(doc.text)


def inside_any(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps any of the spans."""
    return any(start < b and a < end for a, b in spans)


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easier to read and extend)."""
    return frozenset(words.split())


def match_case(original: str, replacement: str) -> str:
    """The replacement in the original's case: "Your welcome" -> "You're welcome"."""
    if not original or not replacement:
        return replacement
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def apostrophe(doc: Document) -> str:
    """The apostrophe the writer uses (typographic or straight), for suggestions."""
    return "’" if doc.text.count("’") > doc.text.count("'") else "'"


def without_overlaps(findings: list[Finding]) -> list[Finding]:
    """One finding per place: where spans overlap, keep the worse, then the earlier one."""
    from bisect import bisect_left, insort

    ranked = sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.offset, -f.length))
    # the kept spans never overlap, so sorted by start they are sorted by end too: a new
    # span can only overlap its two neighbours (a text of 6,000 doubled words was minutes)
    spans: list[tuple[int, int]] = []
    kept: list[Finding] = []
    for finding in ranked:
        start, end = finding.offset, finding.offset + max(finding.length, 1)
        at = bisect_left(spans, (start, end))
        if (at > 0 and spans[at - 1][1] > start) or (at < len(spans) and spans[at][0] < end):
            continue
        insort(spans, (start, end))
        kept.append(finding)
    return sorted(kept, key=lambda f: f.offset)
