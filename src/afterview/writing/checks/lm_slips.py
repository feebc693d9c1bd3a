"""Slips found by asking the n-gram model (`ngram.py`) whether the sentence reads far
more naturally with one small change: a dropped small word put back ("at end of a
sprint" → "at the end of") or a verb in another form ("the meeting remain", "let it
influences") (P5 "Checks before sending"; the same checks serve P7 and P8).

Why: the rules and classifiers before it judge a word from features they were given;
on texts never seen while writing them they missed most dropped words and a third of
the agreement slips. A change is proposed only where it is one of the slips people make
(a small word from `FILLERS`, a form of the same verb), and reported only
when the sentence with it scores higher than the sentence as written by more than a
margin learnt on paragraphs the counts never saw (`MARGINS`, in log10 units, chosen by
`bench/lm_calibrate.py` so that few sentences of edited prose draw a warning). Findings
are warnings: the model knows what is common, not what is wrong. Homophones are left to
`confusables.py`: on the letters of the tests, the counts (from documentation, where
"you're welcome to" is common and "your welcome pack" is not) raised false warnings
that the confusable model's floors for letter phrasings avoid.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from functools import cache

from afterview.writing.checks import ngram, verb_forms
from afterview.writing.checks._data import data_file, read_bytes
from afterview.writing.checks._util import match_case, word_set
from afterview.writing.checks.grammar_classes import COLLECTIVE, WARNING, Hit, Tok

# The small words people drop, most often first (counted on the planted and real slips).
# "is", "are", "am", "at" and "for" were tried too: on the tuning sets they found none
# and cost every gap five more look-ups.
FILLERS = ("a", "the", "to", "an", "of", "be", "in", "as")
DATA = data_file("lm_slips.txt")
# Words seen side by side this often, in triples all seen, have no word missing between
# them (every gap of a tuning slip that was caught had an unseen triple or a pair seen
# at most 5 times; 43 % of the gaps of edited prose are spared by this).
PAIR_SEEN = 50
# A change that does not raise the sentence's score (log10) by this much is not weighed.
FLOOR = 0.0
# Number pairs: these are agreement when a subject governs them.
NUMBER_PAIRS = {
    frozenset(p)
    for p in (
        ("is", "are"),
        ("was", "were"),
        ("has", "have"),
        ("does", "do"),
        ("doesn't", "don't"),
        ("isn't", "aren't"),
        ("wasn't", "weren't"),
    )
}
BE_FORMS = {
    w: tuple(sorted(m for p in NUMBER_PAIRS if w in p for m in p if m != w))
    for p in NUMBER_PAIRS
    for w in p
}
# After these the verb's base is asked for, whatever the subject: a verb-form slip.
BASE_AFTER = word_set(
    """to can could may might must shall should will would do does did don't doesn't
    didn't let lets make makes made help helps"""
)
CAUSATIVES = word_set("let lets make makes made help helps")
PARTICIPLE_AFTER = word_set("have has had having be is are was were been being am get gets got")
BE_WORDS = word_set("be is are was were been am being")
PREPOSITIONS = word_set("for of by about without before after while when in on from at into")
DETERMINERS = word_set("the a an this that these those our your their my his her its")
# After "be" and a plain verb, what shows the verb goes on: "is work on", "are force to".
VERB_GOES_ON = word_set("to on up out with it them us me you him her")
SKIP_BEFORE = word_set("not n't also just only always never really")
# kind ("insert" or "verb"), index of the word (an insertion goes before it), fix, rule
Edit = tuple[str, int, str, str]


# What opens the subject of a question that starts with its auxiliary.
QUESTION_SUBJECTS = word_set("your my our their his her its the this that these those a an any")


def _verb_edits(lows: Sequence[str], tags: Sequence[str], i: int) -> Iterator[tuple[str, str]]:
    """(fix, slug) for another form of the verb at i: only the changes that are slips and
    not a writer's choice (as `verb_forms.SLIPS`): a verb's number; the base where a
    modal, "to" or a causative asks for it; the participle after "have" or "be"; the -ing
    form after "be" or a preposition. Never a change of tense."""
    w = lows[i]
    # "the team have/plan" is British English; "proposing that it replace", the subjunctive
    collective = _before(lows, i) in COLLECTIVE or verb_forms.mandative_before(lows, i)
    # "Has your week been better?": a question's auxiliary agrees with the subject after
    # it, which the counts of its neighbours do not see
    question = i == 0 and i + 1 < len(lows) and lows[i + 1] in QUESTION_SUBJECTS
    if not collective and not question:
        for other in BE_FORMS.get(w, ()):
            yield other, "agreement"
    base = verb_forms.lemma(w)
    if base is None or not _maybe_verb(lows, tags, i):
        return
    forms = verb_forms.forms(base)
    mine = {c for c, s in forms.items() if s == w}
    base_asked = _base_asked(lows, i)
    prev = _before(lows, i)
    for cls, surface in forms.items():
        if surface == w or cls == "VBP":
            continue
        if cls in ("VB", "VBZ") and mine & {"VB", "VBZ"}:
            if not base_asked:
                if not collective:
                    yield surface, "agreement"
            elif cls == "VB":
                yield surface, "verb-form"  # "should looks", "let it influences"
        elif cls == "VB" and base_asked and (prev != "to" or "VBG" not in mine):
            yield surface, "verb-form"  # "committed to protecting" is right
        elif (cls == "VBN" and mine & {"VB", "VBD"} and prev in PARTICIPLE_AFTER) or (
            cls == "VBG" and mine == {"VB", "VBP"} and prev in BE_WORDS | PREPOSITIONS
        ):
            yield surface, "verb-form"


def _maybe_verb(lows: Sequence[str], tags: Sequence[str], i: int) -> bool:
    """Read as a verb by the tagger, or a noun right after a noun or pronoun (the tagger
    often reads a slipped verb as a noun: "the code contain")."""
    if not tags:
        return True
    tag = tags[i]
    if tag.startswith("VB"):
        return True
    if tag not in ("NN", "NNS") or i == 0 or i + 1 >= len(lows):
        return False
    if lows[i - 1] in BE_WORDS:  # "the team is work on", "users are force to": a verb goes on
        existential = i >= 2 and lows[i - 2] in ("there", "here")  # "there is scope to"
        return not existential and lows[i + 1] in PREPOSITIONS | DETERMINERS | VERB_GOES_ON
    return (
        tags[i - 1] in ("NN", "NNS", "PRP", "WDT")
        and lows[i + 1][:1].isalpha()  # a verb goes on: "the code contain information"
    )


def _back(lows: Sequence[str], i: int) -> int:
    """The index of the word before i, over "not", "also" and the like (-1 if none)."""
    j = i - 1
    while j >= 0 and lows[j] in SKIP_BEFORE:
        j -= 1
    return j


def _before(lows: Sequence[str], i: int) -> str:
    j = _back(lows, i)
    return lows[j] if j >= 0 else ""


def _base_asked(lows: Sequence[str], i: int) -> bool:
    j = _back(lows, i)
    if j >= 0 and lows[j] in BASE_AFTER:
        return True
    # "let it influences": a causative, its object, then the verb
    return j >= 1 and lows[j - 1] in CAUSATIVES


def _name_at(tags: Sequence[str], i: int) -> bool:
    """A name either side of the gap: the counts know few names, so their triples are
    unseen and every gap beside them would be tried (no tuning slip was found there)."""
    return bool(tags) and (tags[i].startswith("NNP") or tags[i - 1].startswith("NNP"))


def edits(lows: Sequence[str], tags: Sequence[str] = ()) -> Iterator[Edit]:
    """Every change considered (without tags, every known verb form is taken for a verb)."""
    for i, w in enumerate(lows):
        if i and w[:1].isalpha() and lows[i - 1][:1].isalpha() and not _name_at(tags, i):
            for f in FILLERS:
                if f == w or f == lows[i - 1] or (f == "to" and w in DETERMINERS):
                    continue  # "agreed the next steps" is British, not "agreed to the"
                yield "insert", i, f, "missing-word"
        for fix, slug in _verb_edits(lows, tags, i):
            yield "verb", i, fix, slug


def delta(
    model: ngram.Model, words: list[str], kind: str, p: int, fix: str, before: float | None = None
) -> float:
    """How much higher the sentence scores with the change (words padded with START and
    END; p an index into them). `before`: the written words' score over p..p+2, if known."""
    if before is None:
        before = model.span(words, p, p + 2)
    if kind == "insert":
        changed = [*words[max(p - 2, 0) : p], fix, *words[p : p + 3]]
        q = min(p, 2)
        return model.span(changed, q, q + 3) - before
    changed = [*words[max(p - 2, 0) : p], fix, *words[p + 1 : p + 3]]
    q = min(p, 2)
    # Less the words' own frequencies: where the context was never seen, the scores fall
    # back to how common each word is, and "run" is not likelier than "runs" because it
    # is the commoner word.
    prior = model.unigram(words[p]) - model.unigram(fix)
    return model.span(changed, q, q + 2) - before + prior


def _unseen(model: ngram.Model, words: Sequence[str], p: int) -> bool:
    """Is a triple around the gap before words[p] one the corpus never had? Where every
    triple was seen, no word is missing: this spares most gaps their lookups."""
    return any(
        not model.count(tuple(words[j - 2 : j + 1])) for j in (p, p + 1) if 2 <= j < len(words)
    )


def _plausible(
    model: ngram.Model,
    words: Sequence[str],
    kind: str,
    p: int,
    fix: str,
    gaps: dict[int, tuple[float, bool]] | None = None,
) -> bool:
    """Worth scoring: the fix makes a triple the corpus had (with the words either side
    of the gap or the word), and the words as written hold a triple it never had or (for
    a gap) are rarer together than with the fix between them ("at end of" is seen, in
    "at end of file", but "at the end" far more often). `gaps` keeps what a gap's words
    are, for the next word tried there."""
    if kind == "insert":
        known = gaps.get(p) if gaps is not None else None
        if known is None:
            known = (model.count((words[p - 1], words[p])), _unseen(model, words, p))
            if gaps is not None:
                gaps[p] = known
        pair, unseen = known
        if not unseen and pair > PAIR_SEEN:
            return False  # a common pair, in common triples: nothing is missing
        with_fix = model.count((words[p - 1], fix, words[p]))
        return bool(with_fix) and (unseen or with_fix > pair)
    if kind == "verb":
        after = words[p + 1] if p + 1 < len(words) else ngram.END
        return bool(model.count((words[p - 1], fix, after))) and not model.count(
            (words[p - 1], words[p], after)
        )
    return True


def _l(count: float) -> float:
    return math.log10(1.0 + count)


def features(
    model: ngram.Model, words: Sequence[str], tags: Sequence[str], edit: Edit, gain: float
) -> dict[str, float]:
    """What the acceptor weighs for one change (words padded with START and END, tags
    not): the model's gain, and the counts behind it, so that a gain built on a pair seen
    a thousand times weighs more than one built on a triple seen twice."""
    kind, i, fix, slug = edit
    p = i + 1
    a = words[p - 1]
    x = words[p - 2] if p >= 2 else ngram.START
    b = words[p] if kind == "insert" else words[p + 1] if p + 1 < len(words) else ngram.END
    w = "" if kind == "insert" else words[p]
    tag_b = (tags[i] if kind == "insert" else tags[i + 1] if i + 1 < len(tags) else "")[:2]
    tag_a = (tags[i - 1] if i >= 1 else "<s>")[:2]
    key = fix if kind == "insert" else slug
    out = {
        "bias": 1.0,
        f"fix={key}": 1.0,
        "gain": gain,
        f"gain|{key}": gain,
        f"tag-before={tag_a}": 1.0,
        f"tag-after={tag_b}|{key}": 1.0,
        "fix-mid": _l(model.count((a, fix, b))),
        "fix-left": _l(model.count((x, a, fix))),
        "fix-pair-left": _l(model.count((a, fix))),
        "fix-pair-right": _l(model.count((fix, b))),
    }
    if kind == "insert":
        out["pair"] = _l(model.count((a, b)))
        out["left"] = _l(model.count((x, a, b)))
        out["right"] = _l(model.count((a, b, words[p + 1] if p + 1 < len(words) else ngram.END)))
    else:
        out["pair-left"] = _l(model.count((a, w)))
        out["pair-right"] = _l(model.count((w, b)))
        out["mid"] = _l(model.count((a, w, b)))
        out["left"] = _l(model.count((x, a, w)))
    return out


class Acceptor:
    """Weights of the change's features and a threshold per rule (`lm_slips_train.py`)."""

    def __init__(self, thresholds: dict[str, float], weights: dict[str, float]) -> None:
        self.thresholds = thresholds
        self.weights = weights

    def score(self, feats: dict[str, float]) -> float:
        weights = self.weights
        return sum(weights.get(f, 0.0) * v for f, v in feats.items())


def dumps(thresholds: dict[str, float], weights: dict[str, float]) -> str:
    head = "#thresholds " + " ".join(f"{r}={t:.4f}" for r, t in sorted(thresholds.items()))
    return "\n".join([head, *(f"{f}\t{w:.5f}" for f, w in sorted(weights.items()))]) + "\n"


def loads(text: str) -> Acceptor:
    head, _, body = text.partition("\n")
    thresholds = {r: float(t) for r, _, t in (p.partition("=") for p in head.split()[1:])}
    weights = {f: float(w) for f, _, w in (line.partition("\t") for line in body.splitlines())}
    return Acceptor(thresholds, weights)


@cache
def acceptor() -> Acceptor:
    return loads(read_bytes(DATA).decode("utf-8"))


def judged(
    lows: Sequence[str], tags: Sequence[str], model: ngram.Model, accept: Acceptor
) -> Iterator[tuple[str, int, str, str, float]]:
    """(kind, index, fix, rule, score) of the best change per place that passes its rule's
    threshold."""
    words = [ngram.START, *(ngram.normal(w) for w in lows), ngram.END]
    best: dict[tuple[str, int], tuple[float, str, str]] = {}  # (kind, index) -> the best
    before: dict[int, float] = {}
    gaps: dict[int, tuple[float, bool]] = {}
    for edit in edits(lows, tags):
        kind, i, fix, slug = edit
        if not _plausible(model, words, kind, i + 1, fix, gaps):
            continue
        if i not in before:
            before[i] = model.span(words, i + 1, i + 3)
        gain = delta(model, words, kind, i + 1, fix, before[i])
        if gain <= FLOOR:
            continue
        score = accept.score(features(model, words, tags, edit, gain))
        if score <= accept.thresholds.get(slug, math.inf):
            continue
        if (kind, i) not in best or score > best[(kind, i)][0]:
            best[(kind, i)] = (score, fix, slug)
    for (kind, i), (score, fix, slug) in best.items():
        yield kind, i, fix, slug, score


# Bare phrases of business email the counts (from documentation) would give an article:
# "looking forward to next steps", "to discuss next steps".
BARE_IDIOMS = {("next", "steps")}


def _bare_idiom(lows: Sequence[str], i: int, fix: str) -> bool:
    following = lows[i + 1] if i + 1 < len(lows) else ""
    return fix in ("the", "a", "an") and (lows[i], following) in BARE_IDIOMS


def hits(toks: Sequence[Tok], tags: Sequence[str], lo: int, hi: int) -> Iterator[Hit]:
    """Findings of one sentence (tokens lo..hi)."""
    model = ngram.model()
    lows = [toks[k].low for k in range(lo, hi)]
    for kind, i, fix, slug, _score in judged(lows, tags[lo:hi], model, acceptor()):
        tok = toks[lo + i]
        if kind == "insert" and _bare_idiom(lows, i, fix):
            continue
        if kind == "insert":  # the word after the gap, so that a rule's finding wins
            prev = toks[lo + i - 1]
            yield Hit(
                tok.start,
                tok.end,
                slug,
                WARNING,
                f'Is a word missing? "{prev.text} {fix} {tok.text}" reads more naturally.',
                f"{fix} {tok.text}",
            )
            continue
        curly = "’" in tok.text
        written = match_case(tok.text, fix.replace("'", "’") if curly else fix)
        yield Hit(
            tok.start,
            tok.end,
            slug,
            WARNING,
            f'Did you mean "{written}"? It reads more naturally here.',
            written,
        )
