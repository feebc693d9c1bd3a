"""Learns `data/confusables.bin` from plain text (one paragraph a line), and reports
how it does on a tenth of the paragraphs it did not learn from.

    python -m afterview.writing.checks.confusables_train CORPUS.txt [...] [--out PATH]

`bench/confusables_corpus.py` writes such a corpus from the public documentation listed
in docs/writing.md. Contractions are rare in documentation, so every "they are", "you
are", "it is", "who is" and "we are" is also read once as "they're", "you're", … (the
same context either way). Training is not part of the product: the shipped file is what
the checker reads.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from afterview.writing.checks import confusables as cf
from afterview.writing.checks import tagger
from afterview.writing.checks.grammar_classes import tokens
from afterview.writing.checks.grammar_tagged import sentences

CONTRACT = re.compile(r"\b(they|you|it|who|we|there) (are|is)\b", re.I)
CONTRACTIONS = {
    "they are": "they're",
    "you are": "you're",
    "it is": "it's",
    "who is": "who's",
    "we are": "we're",
    "there is": "there's",
}
EPOCHS = 6
MIN_COUNT = 2
KEEP = 0.02  # weights smaller than this (after averaging) are dropped


def _contracted(m: re.Match[str]) -> str:
    key = m.group().lower()
    if key not in CONTRACTIONS:
        return m.group()
    out = CONTRACTIONS[key]
    return out[0].upper() + out[1:] if m.group()[0].isupper() else out


Example = tuple[str, int, list[str]]  # set name, index of the true member, features


def examples(paragraph: str, only_contractions: bool = False) -> Iterator[Example]:
    toks = tokens(paragraph)
    for sent in sentences(toks, paragraph):
        words = [toks[k].text for k in sent]
        lows = [toks[k].low for k in sent]
        if not any(w in cf.MEMBERS for w in lows):
            continue
        tags = tagger.tag(words)
        for i, w in enumerate(lows):
            if only_contractions and "'" not in w:
                continue
            for set_name in cf.MEMBERS.get(w, ()):
                members = cf.SETS[set_name][0]
                yield set_name, members.index(w), cf.features(words, lows, tags, i)


def read(paths: list[Path]) -> tuple[list[Example], list[Example]]:
    train: list[Example] = []
    dev: list[Example] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            into = dev if zlib.crc32(line.encode()) % 10 == 0 else train
            into.extend(examples(line))
            variant = CONTRACT.sub(_contracted, line)
            if variant != line:
                into.extend(examples(variant, only_contractions=True))
    return train, dev


class Perceptron:
    """Averaged multi-class perceptron over one set's members."""

    def __init__(self, n: int):
        self.n = n
        self.w: dict[str, list[float]] = {}
        self.totals: dict[str, list[float]] = {}
        self.stamps: dict[str, list[int]] = {}
        self.t = 0

    def scores(self, feats: list[str]) -> list[float]:
        out = [0.0] * self.n
        for f in feats:
            row = self.w.get(f)
            if row is not None:
                for k in range(self.n):
                    out[k] += row[k]
        return out

    def update(self, truth: int, guess: int, feats: list[str]) -> None:
        self.t += 1
        if truth == guess:
            return
        for f in feats:
            row = self.w.setdefault(f, [0.0] * self.n)
            tot = self.totals.setdefault(f, [0.0] * self.n)
            st = self.stamps.setdefault(f, [0] * self.n)
            for k, delta in ((truth, 1.0), (guess, -1.0)):
                tot[k] += (self.t - st[k]) * row[k]
                st[k] = self.t
                row[k] += delta

    def averaged(self) -> dict[str, list[float]]:
        out = {}
        for f, row in self.w.items():
            tot, st = self.totals[f], self.stamps[f]
            out[f] = [(tot[k] + (self.t - st[k]) * row[k]) / self.t for k in range(self.n)]
        return out


def train_set(name: str, data: list[Example], seed: int = 7) -> dict[str, list[float]]:
    n = len(cf.SETS[name][0])
    counts = Counter(f for _s, _y, feats in data for f in set(feats))
    data = [(s, y, [f for f in feats if counts[f] >= MIN_COUNT]) for s, y, feats in data]
    model = Perceptron(n)
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(data)
        for _s, y, feats in data:
            scores = model.scores(feats)
            guess = max(range(n), key=scores.__getitem__)
            model.update(y, guess, feats)
    weights = model.averaged()
    return {f: ws for f, ws in weights.items() if max(abs(v) for v in ws) >= KEEP}


def _scores(weights: dict[str, list[float]], n: int, feats: list[str]) -> list[float]:
    out = [0.0] * n
    for f in feats:
        row = weights.get(f)
        if row is not None:
            for k in range(n):
                out[k] += row[k]
    return out


def calibrate(
    name: str, weights: dict[str, list[float]], dev: list[Example]
) -> tuple[tuple[float, ...], dict[str, float]]:
    """Per member, the smallest margin at which at most `rate` of its correct uses are
    flagged (a rare member such as "too" is not drowned by "to"), and how often a planted
    swap is then caught (each member swapped for each other)."""
    n = len(cf.SETS[name][0])
    scored = [(y, _scores(weights, n, feats)) for _s, y, feats in dev]
    margins = []
    for k in range(n):
        alarms = sorted(max(s) - s[y] for y, s in scored if y == k)
        if len(alarms) < 20:  # too few to tell: keep to the clearest cases
            margins.append(max([10.0, *alarms]))
            continue
        rate = RATES.get(cf.SETS[name][0][k], DEFAULT_RATE)
        at = min(len(alarms) - 1, int(len(alarms) * (1 - rate)))
        margins.append(max(FLOORS.get(cf.SETS[name][0][k], 0.5), alarms[at]))
    caught = total = flagged = 0
    for y, s in scored:
        flagged += max(s) - s[y] > margins[y]
        for k in range(n):
            if k != y:
                total += 1
                # written k instead of y: flagged when some member beats k by k's margin
                caught += max(s) - s[k] > margins[k]
    return tuple(margins), {
        "dev words": len(scored),
        "false alarms": flagged / len(scored) if scored else 0.0,
        "swaps caught": caught / total if total else 0.0,
    }


# Of a member's correct uses, the share the margin may flag. "to" is in every email: its
# alarms must be rarer still, and those of "your", nearly as common in a letter.
RATES = {"to": 0.001, "your": 0.002}
# Floors under a member's margin where documentation misleads: short sentences of a letter
# give the model little context, and some readings are rare in manuals but common in
# letters: "your" before an -ing noun ("thank you for your understanding"), "to many
# people", "met there yesterday", "Were you able to join?", and "Their" or "Whose"
# opening a sentence, where manuals write "They are" ("Their approach was …").
FLOORS = {"your": 13.0, "their": 15.0, "whose": 10.0, "to": 20.0, "there": 20.0, "were": 40.0}
DEFAULT_RATE = 0.005


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=Path(cf.DATA))
    args = parser.parse_args(argv)
    train, dev = read(args.corpus)
    print(f"examples: {len(train)} to learn from, {len(dev)} to calibrate on", file=sys.stderr)
    margins: dict[str, tuple[float, ...]] = {}
    rows: dict[str, dict[str, list[int]]] = {}
    for name in cf.SETS:
        mine = [e for e in train if e[0] == name]
        theirs = [e for e in dev if e[0] == name]
        weights = train_set(name, mine)
        margin, report = calibrate(name, weights, theirs)
        margins[name] = margin
        rows[name] = {f: [round(v * 1000) for v in ws] for f, ws in weights.items()}
        per = Counter(cf.SETS[name][0][y] for _s, y, _f in mine)
        shown = " ".join(f"{m:.1f}" for m in margin)
        print(
            f"{name:8} learnt from {dict(per)}; {len(weights)} features; margins {shown}; "
            + "; ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in report.items()
            ),
            file=sys.stderr,
        )
    args.out.write_bytes(cf.dumps(margins, rows))
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
