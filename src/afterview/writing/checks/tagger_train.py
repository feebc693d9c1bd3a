"""Trains the tagger's weights (`tagger.py`) from UD English EWT CoNLL-U files (run by hand):

    python -m afterview.writing.checks.tagger_train en_ewt-ud-dev.conllu en_ewt-ud-test.conllu \
        --slips en_ewt-ud-train.conllu en_ewt-ud-dev.conllu en_ewt-ud-test.conllu
      (writes data/tagger.bin from the files before --slips, data/tagger_slips.bin from
      those after it; either part may be left out)
    python -m afterview.writing.checks.tagger_train --eval TRAIN.conllu HELD.conllu

The first tagger learnt from the dev and test parts only: the confusable-word, verb-form,
article and n-gram models learnt with its tags as features, so it stays as they knew it.
The slip-aware tagger, read by the agreement rules alone, learnt from the whole treebank.

A contraction is one token, as the grammar rules see it ("don't", "it's"), tagged with
its first part's tag (VBP, PRP). The weights are averaged over every update (Collins
2002), then rounded to hundredths; small ones are dropped to keep the file small.

Slipped copies (`with_slips`): the treebank is edited prose, so a tagger learnt from it
alone reads a verb in the wrong number as a noun ("GitHub allow/NN multiple developers"),
and the agreement rules then find no verb to judge. Each sentence with a present-tense
verb is also learnt once with one such verb in its other number and tagged by its form
("allow/VBP"), so that the tags say where the finite verb is even when it is wrong.
"""

from __future__ import annotations

import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks import tagger, verb_forms

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


# The number pairs of "be", "have" and "do" (the tag of the form written).
NUMBER_SWAPS = {
    "is": ("are", "VBP"),
    "are": ("is", "VBZ"),
    "was": ("were", "VBD"),
    "were": ("was", "VBD"),
    "has": ("have", "VBP"),
    "have": ("has", "VBZ"),
    "does": ("do", "VBP"),
    "do": ("does", "VBZ"),
    "doesn't": ("don't", "VBP"),
    "don't": ("doesn't", "VBZ"),
    "isn't": ("aren't", "VBP"),
    "aren't": ("isn't", "VBZ"),
}


def other_number(word: str, tag: str) -> tuple[str, str] | None:
    """The word in the other number, and its tag, for a finite present verb (or None)."""
    low = word.lower()
    if low in NUMBER_SWAPS and tag in ("VBZ", "VBP", "VBD"):
        other, other_tag = NUMBER_SWAPS[low]
    elif tag == "VBZ" and (base := lex.third_person_base(low)) is not None:
        other, other_tag = base, "VBP"
    elif tag == "VBP" and lex.is_verb(low) and not low.endswith("s"):
        other, other_tag = verb_forms.third(low), "VBZ"
    else:
        return None
    return (other.capitalize() if word[:1].isupper() else other), other_tag


def with_slips(sents: list[Sentence], seed: int = 1) -> list[Sentence]:
    """Per sentence with a finite present verb, a copy with one of them (chosen at random)
    in its other number, tagged by the form written."""
    rng = random.Random(seed)
    out: list[Sentence] = []
    for words, tags in sents:
        places = [
            (i, swap)
            for i, (w, t) in enumerate(zip(words, tags, strict=True))
            if (swap := other_number(w, t)) is not None
        ]
        if not places:
            continue
        i, (other, other_tag) = rng.choice(places)
        out.append(([*words[:i], other, *words[i + 1 :]], [*tags[:i], other_tag, *tags[i + 1 :]]))
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


def slipped_accuracy(model: tagger.Model, sents: list[Sentence]) -> float:
    """The share of slipped verbs tagged by their form (the copies of `with_slips`)."""
    right = total = 0
    for words, truth in sents:
        for w, g, t in zip(words, model.tag(words), truth, strict=True):
            if t in ("VBZ", "VBP") and other_number(w, t) is not None:
                right += g == t
                total += 1
    return right / max(total, 1)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--eval"]:
        train_set, held = read(Path(argv[1])), read(Path(argv[2]))
        slipped = with_slips(held, seed=2)
        for label, sents in (
            ("as written", train_set),
            ("with slips", train_set + with_slips(train_set)),
        ):
            m = train(sents)
            size = len(train_data(sents))
            print(
                f"{label}: accuracy {accuracy(m, held):.4f}, on slipped copies "
                f"{accuracy(m, slipped):.4f}, slipped verbs {slipped_accuracy(m, slipped):.4f} "
                f"({size:,} bytes)"
            )
        return
    split = argv.index("--slips") if "--slips" in argv else len(argv)
    first, slips = argv[:split], argv[split + 1 :]
    jobs = []
    if first:
        sents = [s for p in first for s in read(Path(p))]
        jobs.append((Path(tagger.DATA), sents))
    if slips:
        sents = [s for p in slips for s in read(Path(p))]
        jobs.append((Path(tagger.SLIPS_DATA), sents + with_slips(sents)))
    for path, learnt in jobs:
        data = train_data(learnt)
        path.write_bytes(data)
        m = tagger.loads(data)
        print(f"{path}: {len(data):,} bytes, {len(m.single):,} fixed words")


if __name__ == "__main__":
    main(sys.argv[1:])
