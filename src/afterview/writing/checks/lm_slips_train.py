"""Learns the acceptor of `lm_slips.py` (`data/lm_slips.txt`) from paragraphs the n-gram
counts never saw (the `--hold-out` file of `ngram_train.py`), and sets its thresholds.

    python -m afterview.writing.checks.lm_slips_train HELD.txt [--out PATH]

Slips are made by hand here, the way the planted sets make them: a small word of
`FILLERS` dropped, a verb put in another of the forms `lm_slips` considers. Each change
that would undo one is a positive example; every change the checker would consider in
the paragraphs as written is a negative one. A logistic regression weighs the features
of `lm_slips.features`. The last fifth of the paragraphs is not learnt from: each rule's
threshold is the lowest score that keeps its warnings on that fifth (edited prose, so
nearly all false) under `TARGETS` per 1,000 words. Training is not part of the product:
the shipped file is what the checker reads.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from afterview.writing.checks import lm_slips, ngram, tagger
from afterview.writing.checks.grammar_classes import tokens
from afterview.writing.checks.grammar_tagged import sentences

# Warnings per 1,000 words of edited prose each rule may raise (the calibration fifth).
TARGETS = {"missing-word": 0.2, "agreement": 0.1, "verb-form": 0.1}
EPOCHS = 8
RATE = 0.05
L2 = 1e-5
Example = tuple[dict[str, float], int, str]  # features, label, rule


def sentence_words(paragraph: str) -> Iterator[list[str]]:
    toks = tokens(paragraph)
    for sent in sentences(toks, paragraph):
        yield [toks[k].text for k in sent]


def candidates(
    model: ngram.Model, words: list[str]
) -> Iterator[tuple[lm_slips.Edit, dict[str, float]]]:
    """Every change the checker weighs in a sentence, with its features."""
    lows = [w.lower().replace("’", "'") for w in words]
    tags = tagger.tag(words)
    padded = [ngram.START, *(ngram.normal(w) for w in lows), ngram.END]
    for edit in lm_slips.edits(lows, tags):
        kind, i, fix, _slug = edit
        if not lm_slips._plausible(model, padded, kind, i + 1, fix):
            continue
        gain = lm_slips.delta(model, padded, kind, i + 1, fix)
        if gain <= lm_slips.FLOOR:
            continue
        yield edit, lm_slips.features(model, padded, tags, edit, gain)


def slipped(words: list[str], rng: random.Random) -> tuple[list[str], int, str] | None:
    """The sentence with one slip made, where the slip is, and the word to put back."""
    lows = [w.lower() for w in words]
    drops = [
        i
        for i in range(1, len(words) - 1)
        if lows[i] in lm_slips.FILLERS and words[i - 1][:1].isalpha() and words[i + 1][:1].isalpha()
    ]
    tags = tagger.tag(words)
    verbs = [
        (i, fix) for i in range(len(words)) for fix, _slug in lm_slips._verb_edits(lows, tags, i)
    ]
    if not drops and not verbs:
        return None
    if drops and (not verbs or rng.random() < 0.5):
        i = rng.choice(drops)
        return [*words[:i], *words[i + 1 :]], i, lows[i]
    i, fix = rng.choice(verbs)
    return [*words[:i], fix, *words[i + 1 :]], i, lows[i]


def examples(model: ngram.Model, paragraphs: list[str], seed: int = 11) -> list[Example]:
    rng = random.Random(seed)
    out: list[Example] = []
    for paragraph in paragraphs:
        for words in sentence_words(paragraph):
            for (_kind, _i, _fix, slug), feats in candidates(model, words):
                out.append((feats, 0, slug))
            made = slipped(words, rng)
            if made is None:
                continue
            bad, at, back = made
            inserted = len(bad) < len(words)
            for (kind, i, fix, slug), feats in candidates(model, bad):
                if i == at and fix == back and (kind == "insert") == inserted:
                    out.append((feats, 1, slug))
    return out


def train(data: list[Example], seed: int = 7) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent, L2-regularised."""
    rng = random.Random(seed)
    weights: dict[str, float] = {}
    order = list(range(len(data)))
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1 + epoch)
        for k in order:
            feats, label, _slug = data[k]
            z = sum(weights.get(f, 0.0) * v for f, v in feats.items())
            p = 1 / (1 + math.exp(-max(min(z, 30), -30)))
            step = rate * (label - p)
            for f, v in feats.items():
                w = weights.get(f, 0.0)
                weights[f] = w + step * v - rate * L2 * w
    return weights


def score(weights: dict[str, float], feats: dict[str, float]) -> float:
    return sum(weights.get(f, 0.0) * v for f, v in feats.items())


def thresholds(
    model: ngram.Model, weights: dict[str, float], paragraphs: list[str]
) -> dict[str, float]:
    words = sum(len(p.split()) for p in paragraphs)
    scores: dict[str, list[float]] = {rule: [] for rule in TARGETS}
    for paragraph in paragraphs:
        for sent in sentence_words(paragraph):
            best: dict[tuple[str, int], tuple[float, str]] = {}
            for (kind, i, _fix, slug), feats in candidates(model, sent):
                s = score(weights, feats)
                if (kind, i) not in best or s > best[(kind, i)][0]:
                    best[(kind, i)] = (s, slug)
            for s, slug in best.values():
                scores[slug].append(s)
    out = {}
    for rule, target in TARGETS.items():
        allowed = int(target * words / 1000)
        ranked = sorted(scores[rule], reverse=True)
        out[rule] = ranked[allowed] if allowed < len(ranked) else (ranked[-1] if ranked else 0.0)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("held", type=Path)
    parser.add_argument("--out", type=Path, default=Path(lm_slips.DATA))
    parser.add_argument("--paragraphs", type=int, default=24000)
    args = parser.parse_args(argv)
    model = ngram.model()
    lines = [p for p in args.held.read_text(encoding="utf-8").splitlines() if p.strip()]
    lines = lines[: args.paragraphs]
    cut = len(lines) * 4 // 5
    data = examples(model, lines[:cut])
    positives = sum(label for _f, label, _s in data)
    print(f"{len(data):,} examples, {positives:,} slips undone", file=sys.stderr)
    weights = {f: w for f, w in train(data).items() if abs(w) >= 1e-4}
    limits = thresholds(model, weights, lines[cut:])
    args.out.write_text(lm_slips.dumps(limits, weights), encoding="utf-8")
    print(f"thresholds {limits}; {len(weights)} weights", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
