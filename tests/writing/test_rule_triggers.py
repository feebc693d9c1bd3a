"""The word-class rules are called only at the words that can start them
(`grammar_classes.TRIGGERS`, for speed: docs/benchmarks.md, round 21). The findings must
be exactly those of calling every rule at every word, on real text with real slips."""

from __future__ import annotations

from afterview.writing.checks.grammar_classes import token_hits, tokens

from . import real_corpus as rc

# The tuning sets' planted slips, each in its text: every rule has slips to fire on.
SPLITS = ("tune", "held", "held2", "held3", "held4", "held16", "held17", "held18")


def _slipped(slip: rc.Slip) -> str:
    body = rc.text(slip.text)
    start = body.index(slip.original)
    return body[:start] + slip.slipped + body[start + len(slip.original) :]


def _found(text: str, dispatch: bool) -> list[tuple[int, int, str, str, str]]:
    return [
        (h.start, h.end, h.slug, h.message, h.fix)
        for h in token_hits(tokens(text), text, dispatch=dispatch)
    ]


def test_the_triggers_change_no_finding_of_the_word_class_rules() -> None:
    texts = [_slipped(s) for s in rc.slips() if s.split in SPLITS]
    assert len(texts) > 1000
    differing = [t[:80] for t in texts if _found(t, True) != _found(t, False)]
    assert differing == []
    # and the rules did fire: the comparison is not between two empty lists
    assert sum(len(_found(t, True)) for t in texts[:200]) > 50
