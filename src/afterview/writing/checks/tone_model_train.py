"""Learns `data/complaints.bin` (`tone_model.py`) from labelled sentences and sets its
threshold on clean sentences it did not learn from.

    python -m afterview.writing.checks.tone_model_train TRAIN.tsv ... \
        --calibrate CLEAN.txt [--out PATH] [--evaluate]

Each TRAIN.tsv line is `C<TAB>sentence` (a complaint about people at work) or
`N<TAB>sentence` (not one). CLEAN.txt holds one sentence a line from emails and letters
as their writers sent them: nearly all are not complaints, so the threshold is the
score that lets through at most `FALSE_RATE` of them. `--evaluate` leaves each TRAIN
file out in turn (each was written by another writer) and prints what the model learnt
from the others finds in it: how well it reads a writer it has never seen.
Training is not part of the product: the shipped file is what the checker reads.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

from afterview.writing.checks import tone, tone_model

EPOCHS = 12
SEEDS = 10  # shuffled orders whose weights are averaged (`--seeds`)
RATE = 0.1
DECAY = 1e-5  # L2, applied as each weight is touched
# Calibration sentences allowed over the threshold. Of 443 complaints that three writers
# planted into Enron sentences, the first model found 52 at 0.005, 69 at 0.0075, 78 at
# 0.01; of the 830 sentences of the tuning sets' real emails one or two are over it (a
# real complaint; "it seems that no one has sent the request to TXU yet"), and
# documentation draws the rest. At 0.01 a candidate's
# "...and the way the service puts patients at the centre of every decision" crossed
# the line; 0.0075 is the compromise. (`--evaluate` gives each left-out writer's share.)
FALSE_RATE = 0.0075
Example = tuple[int, list[int]]  # label, slots
Units = list[list[int]]  # the slots of each unit of a sentence (`tone_model.units`)


def read_labelled(path: Path) -> list[tuple[int, str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, _, sentence = line.partition("\t")
        if label not in ("C", "N") or not sentence.strip():
            raise SystemExit(f"{path}:{number}: expected C or N, a tab, then a sentence")
        rows.append((int(label == "C"), sentence.strip()))
    return rows


def encode(sentence: str, negative: frozenset[str]) -> tuple[list[int], Units]:
    """What the model learns from (the whole sentence's slots) and what it judges (the
    slots of each unit; none for a sentence it never judges, `tone_model.worth_scoring`)."""
    words, units = tone_model.words_and_units(sentence)
    whole = [tone_model.slot(f) for f in tone_model.features(words, negative)]
    if not words or not tone_model.worth_scoring(sentence, words, negative):
        return whole, []
    names = tone_model.named(sentence)
    return whole, [
        [tone_model.slot(f) for f in tone_model.features(words[a:b], negative)]
        for a, b in units
        if tone_model.worth_unit(words, names, negative, a, b)
    ]


def train(examples: list[Example], seed: int = 7) -> list[float]:
    """Logistic regression by AdaGrad; complaints weigh as much in all as the rest."""
    size = 1 << tone_model.BITS
    weights = [0.0] * size
    squares = [1e-8] * size
    positives = sum(label for label, _ in examples) or 1
    balance = (len(examples) - positives) / positives
    order = list(examples)
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for label, slots in order:
            z = sum(weights[s] for s in slots)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - label) * (balance if label else 1.0)
            for s in slots:
                w = weights[s]
                step = g + DECAY * w
                squares[s] += step * step
                weights[s] = w - RATE * step / math.sqrt(squares[s])
    return weights


def train_averaged(examples: list[Example], seeds: int) -> list[float]:
    """The mean of the weights learnt in `seeds` shuffled orders: one order's model found
    94 to 99 of the 443 planted complaints depending on the order alone; the mean does
    not depend on it."""
    runs = [train(examples, seed=7 + k) for k in range(seeds)]
    return [sum(ws) / seeds for ws in zip(*runs, strict=True)]


def score(weights: list[float], units: Units) -> float:
    return max((sum(weights[s] for s in slots) for slots in units), default=-math.inf)


def threshold(weights: list[float], clean: list[Units]) -> float:
    scores = sorted(score(weights, s) for s in clean)
    allowed = int(len(scores) * FALSE_RATE)
    return max(0.0, scores[len(scores) - 1 - allowed] + 1e-6)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("train", nargs="+", type=Path)
    parser.add_argument("--calibrate", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path(tone_model.DATA))
    parser.add_argument("--evaluate", action="store_true")
    parser.add_argument("--seeds", type=int, default=SEEDS, help="orders averaged")
    args = parser.parse_args(argv)
    negative = tone.negative_words()
    files = {p: [(y, *encode(s, negative)) for y, s in read_labelled(p)] for p in args.train}
    lines = args.calibrate.read_text(encoding="utf-8").splitlines()
    clean = [encode(s, negative)[1] for s in lines if s.strip()]
    if args.evaluate:
        for left, held in files.items():
            rest = [(y, whole) for p, rows in files.items() if p != left for y, whole, _ in rows]
            weights = train_averaged(rest, args.seeds)
            bar = threshold(weights, clean)
            hits = sum(1 for y, _, units in held if y and score(weights, units) > bar)
            alarms = sum(1 for y, _, units in held if not y and score(weights, units) > bar)
            pos = sum(y for y, _, _ in held)
            print(
                f"{left.name}: complaints {hits}/{pos}, look-alikes flagged "
                f"{alarms}/{len(held) - pos}, threshold {bar:.2f}"
            )
    weights = train_averaged(
        [(y, whole) for rows in files.values() for y, whole, _ in rows], args.seeds
    )
    bar = threshold(weights, clean)
    over = sum(1 for s in clean if score(weights, s) > bar)
    args.out.write_bytes(tone_model.to_bytes(weights, bar))
    print(f"threshold {bar:.3f}: {over} of {len(clean)} clean sentences over it; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
