"""Learns `data/articles.bin` (`article_model.py`) from plain text, one paragraph a
line, and sets its margin on paragraphs it did not learn from.

    python -m afterview.writing.checks.article_model_train CORPUS.txt [--sample N] [--out PATH]

Every bare noun phrase the checker would judge is an example of "no article". Every
phrase that has "a", "an" or "the" is read once without it (the slip people make), its
tags around the gap recomputed, and is an example of its article if the checker would
then judge it. The margin is the lowest that keeps the model's warnings on the
calibration tenth (edited prose, so nearly all false) under `TARGET` per 1,000 words.
Training is not part of the product: the shipped file is what the checker reads.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from afterview.writing.checks import article_model as ar
from afterview.writing.checks import tagger
from afterview.writing.checks.grammar_classes import tokens
from afterview.writing.checks.grammar_tagged import sentences

SAMPLE = 5  # one paragraph in this many
EPOCHS = 4
RATE = 0.2
MIN_COUNT = 3
KEEP = 0.01  # weights smaller than this are dropped
TARGET = 0.2  # warnings per 1,000 words of edited prose (the calibration tenth)
# The margin shipped, as a share of the calibrated one: on the tuning sets, 0.8 of it found
# 7 more dropped articles than the full margin for 6 more warnings on 50,886 words of
# their texts as written (0.7 cost 30 more warnings for 9 more slips).
SCALE = 0.8
ARTICLES = {"a": 1, "an": 1, "the": 2}
Example = tuple[int, list[str]]  # label, features


def examples(paragraph: str) -> Iterator[Example]:
    toks = tokens(paragraph)
    model = tagger.model()
    for sent in sentences(toks, paragraph):
        words = [toks[k].text for k in sent]
        if len(words) < 3:
            continue
        lows = [w.lower().replace("’", "'") for w in words]
        tags = model.tag(words)
        for i in range(len(words)):
            start = ar.head_at(words, lows, tags, i)
            if start is not None:
                yield 0, _interned(ar.features(words, lows, tags, start, i))
                continue
            dropped = _without_article(words, lows, tags, i)
            if dropped is not None:
                yield dropped


def _without_article(words: list[str], lows: list[str], tags: list[str], i: int) -> Example | None:
    """The phrase headed by word i read without its article, if it has one."""
    if tags[i] != "NN" or not words[i].islower():
        return None
    start = i
    while start - 1 >= 0 and tags[start - 1] in ar.MODIFIER_TAGS and words[start - 1].islower():
        start -= 1
    art = start - 1
    if art < 0 or lows[art] not in ARTICLES or tags[art] != "DT":
        return None
    words2 = words[:art] + words[art + 1 :]
    lows2 = lows[:art] + lows[art + 1 :]
    if art == 0 and words2:
        words2[0] = words2[0][:1].upper() + words2[0][1:]
    keep = max(0, art - 2)
    tags2 = tagger.model().tag(words2, tags[:keep], stop=i + 1) + tags[i + 2 :]
    start2 = ar.head_at(words2, lows2, tags2, i - 1)
    if start2 is None:
        return None
    return ARTICLES[lows[art]], _interned(ar.features(words2, lows2, tags2, start2, i - 1))


def _interned(feats: list[str]) -> list[str]:
    """One copy of each feature string: a million examples share a few hundred thousand."""
    return [sys.intern(f) for f in feats]


def read(path: Path, sample: int) -> tuple[list[Example], list[Example], int]:
    """Examples to learn from, examples to calibrate on, and the words of the latter:
    one paragraph in `sample`, and of those one in ten for calibration."""
    train: list[Example] = []
    dev: list[Example] = []
    dev_words = 0
    with path.open(encoding="utf-8") as lines:
        for n, raw in enumerate(lines):
            h = zlib.crc32(raw.encode("utf-8"))
            if h % sample:
                continue
            paragraph = raw.rstrip("\n")
            if (h // sample) % 10 == 0:
                dev.extend(examples(paragraph))
                dev_words += len(paragraph.split())
            else:
                train.extend(examples(paragraph))
            if n % 200_000 == 0:
                print(f"  {n} lines, {len(train)} + {len(dev)} examples", file=sys.stderr)
    return train, dev, dev_words


def learn(
    data: Sequence[tuple[int, list[str]]], classes: int, seed: int = 11
) -> dict[str, list[float]]:
    """A multinomial logistic regression over (label, features) rows, by stochastic
    gradient with a step per weight that shrinks with its gradients so far (AdaGrad), so
    that a word seen a hundred times learns as surely as the bias. Rare features and tiny
    weights are dropped. Scores are then log-odds: margins mean the same across models."""
    counts = Counter(f for _y, feats in data for f in set(feats))
    rows = [(y, [f for f in feats if counts[f] >= MIN_COUNT]) for y, feats in data]
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}
    rng = random.Random(seed)
    for epoch in range(EPOCHS):
        rng.shuffle(rows)
        loss = 0.0
        for y, feats in rows:
            scores = [0.0] * classes
            for f in feats:
                w = weights.get(f)
                if w is not None:
                    for k in range(classes):
                        scores[k] += w[k]
            top = max(scores)
            exps = [math.exp(v - top) for v in scores]
            total = sum(exps)
            loss -= math.log(max(exps[y] / total, 1e-12))
            grads = [e / total - (k == y) for k, e in enumerate(exps)]
            for f in feats:
                w = weights.setdefault(f, [0.0] * classes)
                g2 = squares.setdefault(f, [1e-8] * classes)
                for k in range(classes):
                    g = grads[k]
                    g2[k] += g * g
                    w[k] -= RATE * g / math.sqrt(g2[k])
        print(f"  epoch {epoch + 1}: loss {loss / len(rows):.4f}", file=sys.stderr)
    return {f: ws for f, ws in weights.items() if max(abs(v) for v in ws) >= KEEP}


def margin_for(alarms: list[float], target: float, words: int) -> float:
    """The lowest margin that keeps alarms under `target` per 1,000 words."""
    allowed = int(target * words / 1000)
    ranked = sorted(alarms, reverse=True)
    return max(0.0, ranked[allowed] if allowed < len(ranked) else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sample", type=int, default=SAMPLE)
    parser.add_argument("--out", type=Path, default=Path(ar.DATA))
    args = parser.parse_args(argv)
    train, dev, dev_words = read(args.corpus, args.sample)
    print(
        f"examples: {len(train)} to learn from, {len(dev)} to calibrate on ({dev_words} words)",
        file=sys.stderr,
    )
    weights = learn(train, len(ar.CLASSES))
    rows = {f: [round(v * 1000) for v in ws] for f, ws in weights.items()}
    model = ar.loads(ar.dumps(0.0, rows))
    leads = [(y, ar.lead(model.scores(feats))) for y, feats in dev]
    margin = margin_for([lead for y, lead in leads if y == 0], TARGET, dev_words)
    dropped = [lead for y, lead in leads if y]
    caught = sum(lead > margin for lead in dropped) / max(len(dropped), 1)
    print(
        f"{len(rows)} features; margin {margin:.3f}; dropped articles caught {caught:.3f} "
        f"of {len(dropped)}",
        file=sys.stderr,
    )
    args.out.write_bytes(ar.dumps(margin * SCALE, rows))
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
