"""Trains the tagger's weights (`tagger.py`) from UD English EWT CoNLL-U files (run by hand):

    python -m afterview.writing.checks.tagger_train en_ewt-ud-dev.conllu en_ewt-ud-test.conllu
    python -m afterview.writing.checks.tagger_train --eval TRAIN.conllu HELD.conllu

A contraction is one token, as the grammar rules see it ("don't", "it's"), tagged with
its first part's tag (VBP, PRP). The weights are averaged over every update (Collins
2002), then rounded to hundredths; small ones are dropped to keep the file small.
"""

from __future__ import annotations

import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from afterview.writing.checks import tagger

Sentence = tuple[list[str], list[str]]


def read(path: Path) -> list[Sentence]:
    out: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    skip_until = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if words:
                out.append((words, tags))
            words, tags, skip_until = [], [], 0
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        ident = cols[0]
        if "." in ident:
            continue
        if "-" in ident:
            _first, last = (int(x) for x in ident.split("-"))
            words.append(cols[1])
            tags.append("")  # the first part's tag, filled below
            skip_until = last
            continue
        n = int(ident)
        if n <= skip_until:
            if tags and tags[-1] == "":
                tags[-1] = cols[4]
            continue
        words.append(cols[1])
        tags.append(cols[4])
    if words:
        out.append((words, tags))
    return out


class Trainer:
    def __init__(self, tags: list[str]):
        self.tags = tags
        self.index = {t: i for i, t in enumerate(tags)}
        self.w: dict[str, dict[int, float]] = defaultdict(dict)
        self.total: dict[tuple[str, int], float] = defaultdict(float)
        self.stamp: dict[tuple[str, int], int] = defaultdict(int)
        self.i = 0

    def predict(self, feats: list[str]) -> int:
        scores = [0.0] * len(self.tags)
        for f in feats:
            for t, v in self.w.get(f, {}).items():
                scores[t] += v
        return max(range(len(scores)), key=scores.__getitem__)

    def update(self, truth: int, guess: int, feats: list[str]) -> None:
        self.i += 1
        if truth == guess:
            return
        for f in feats:
            row = self.w[f]
            for t, d in ((truth, 1.0), (guess, -1.0)):
                key = (f, t)
                v = row.get(t, 0.0)
                self.total[key] += (self.i - self.stamp[key]) * v
                self.stamp[key] = self.i
                row[t] = v + d

    def averaged(self, floor: int) -> dict[str, dict[int, int]]:
        out: dict[str, dict[int, int]] = {}
        for f, row in self.w.items():
            kept = {}
            for t, v in row.items():
                key = (f, t)
                total = self.total[key] + (self.i - self.stamp[key]) * v
                avg = round(100 * total / self.i)
                if abs(avg) >= floor:
                    kept[t] = avg
            if kept:
                out[f] = kept
        return out


def single_tags(sents: list[Sentence]) -> dict[str, str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for words, tags in sents:
        for w, t in zip(words, tags, strict=True):
            counts[tagger.normal(w).lower()][t] += 1
    out = {}
    for w, c in counts.items():
        tag, n = c.most_common(1)[0]
        if sum(c.values()) >= 10 and n / sum(c.values()) >= 0.995:
            out[w] = tag
    return out


def train(sents: list[Sentence], rounds: int = 8, floor: int = 200) -> tagger.Model:
    return tagger.loads(train_data(sents, rounds, floor))


def train_data(sents: list[Sentence], rounds: int = 8, floor: int = 200) -> bytes:
    """The model file's bytes (`tagger.dumps`), trained on the sentences."""
    tags = sorted({t for _, ts in sents for t in ts})
    single = single_tags(sents)
    tr = Trainer(tags)
    rng = random.Random(0)
    order = list(sents)
    for _ in range(rounds):
        rng.shuffle(order)
        for words, truth in order:
            lows = [tagger.normal(w).lower() for w in words]
            prev2, prev = tagger.START
            for i, w in enumerate(lows):
                guess_tag = single.get(w)
                if guess_tag is None:
                    feats = tagger.features(words, lows, i, prev, prev2)
                    guess = tr.predict(feats)
                    tr.update(tr.index[truth[i]], guess, feats)
                    guess_tag = tags[guess]
                prev2, prev = prev, guess_tag
    return tagger.dumps(tags, single, tr.averaged(floor))


def accuracy(model: tagger.Model, sents: list[Sentence]) -> float:
    right = total = 0
    for words, truth in sents:
        for g, t in zip(model.tag(words), truth, strict=True):
            right += g == t
            total += 1
    return right / total


def main(argv: list[str]) -> None:
    if argv[:1] == ["--eval"]:
        train_set, held = read(Path(argv[1])), read(Path(argv[2]))
        for floor in (30, 100):
            m = train(train_set, floor=floor)
            size = len(train_data(train_set, floor=floor))
            print(f"floor {floor}: accuracy {accuracy(m, held):.4f} ({size:,} bytes)")
        return
    sents = [s for p in argv for s in read(Path(p))]
    data = train_data(sents)
    tagger.DATA.write_bytes(data)
    m = tagger.loads(data)
    print(f"{tagger.DATA}: {len(data):,} bytes, {len(m.single):,} fixed words")


if __name__ == "__main__":
    main(sys.argv[1:])
