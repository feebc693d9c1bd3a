"""Anchored pattern rules (grammar_rule.Rule.anchored) are tried only where a word of
their first `needs` group starts. That is a speed-up, not a change of meaning: on every
text of the tuning corpus, with every planted slip applied, an anchored rule finds what a
scan of the whole text finds."""

from __future__ import annotations

from afterview.writing.checks import grammar
from afterview.writing.checks.grammar_rule import compiled
from afterview.writing.text import Document

from . import real_corpus as rc

HIDDEN = {"held5", "held6", "held7", "held8", "held9", "held10", "held11", "held12", "held13"}
HIDDEN |= {"held14", "held15", "held21"}


def _texts() -> list[str]:
    """The tuning texts as written and with each of their planted slips applied."""
    out = []
    for slip in rc.slips():
        if slip.split in HIDDEN:
            continue
        body = rc.text(slip.text)
        start = body.index(slip.original)
        out.append(body[:start] + slip.slipped + body[start + len(slip.original) :])
    return out + [rc.text(n) for n in rc.names() + rc.heldout16_names() + rc.heldout18_names()]


def test_anchored_rules_find_what_a_scan_finds() -> None:
    anchored = [r for r in grammar.RULES if r.anchored]
    assert len(anchored) >= 30
    differ = []
    found = 0
    for text in _texts():
        doc = Document(text)
        starts: dict[str, list[int]] = {}
        for t in doc.words:
            starts.setdefault(t.text.lower(), []).append(t.start)
        for rule in anchored:
            if not all(group.intersection(starts) for group in rule.needs):
                continue
            scanned = [m.span() for m in compiled(rule.source).finditer(text)]
            tried = [m.span() for m in grammar._matches(rule, text, starts)]
            found += len(scanned)
            if scanned != tried:
                differ.append((rule.source[:60], scanned, tried))
    assert differ == []
    assert found >= 40  # 47 matches today: the comparison is not empty
