"""Learns `data/verb_forms.txt.gz` from plain text (one paragraph a line), with the
tagger's reading of each verb as the answer, and reports how it does on a tenth of the
paragraphs it did not learn from.

    python -m afterview.writing.checks.verb_forms_train CORPUS.txt [...] [--out PATH]

The corpus is the one `bench/confusables_corpus.py` writes. Not part of the product.
"""

from __future__ import annotations

import argparse
import random
import sys
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from afterview.writing.checks import tagger
from afterview.writing.checks import verb_forms as vf
from afterview.writing.checks.confusables_train import Perceptron
from afterview.writing.checks.grammar_classes import tokens
from afterview.writing.checks.grammar_tagged import sentences

EPOCHS = 5
MIN_COUNT = 3
KEEP = 8.0  # weights smaller than this (after averaging) are dropped: 2k features keep the
# recall of 120k on the tuning sets, in a 40 kB file
# Of a written form's right uses, the share the margin may flag: verbs are in every
# sentence, so alarms must be rare.
RATE = 0.001
FLOOR = 2.0
# The margins learnt on documentation, widened for letters: on the tuning texts, 1.4
# times them drew one false warning instead of four and lost one slip in a hundred.
SAFETY = 1.4
# The corpus is documentation, mostly in the present: too few past forms (a tenth of
# the verbs) to calibrate their margin, so it has a floor near the others' margins.
FLOORS = {"VBD": 25.0}

Example = tuple[str, str, str, int, list[str]]  # word, base, written class, truth, features


def examples(paragraph: str) -> Iterator[Example]:
    toks = tokens(paragraph)
    for sent in sentences(toks, paragraph):
        words = [toks[k].text for k in sent]
        lows = [toks[k].low for k in sent]
        bases = [vf.candidate(words, lows, i) for i in range(len(lows))]
        if not any(bases):
            continue
        tags = tagger.tag(words)
        for i, base in enumerate(bases):
            if base is None:
                continue
            truth = vf.CLASSES.index(vf.FROM_TAG.get(tags[i], "X"))
            feats = vf.context(words, lows, tags, i, base)
            yield lows[i], base, vf.written_class(lows[i], base), truth, feats


def read(paths: list[Path], share: float) -> tuple[list[Example], list[Example]]:
    train: list[Example] = []
    dev: list[Example] = []
    rng = random.Random(11)
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if zlib.crc32(line.encode()) % 10 == 0:
                dev.extend(examples(line))
            elif rng.random() < share:
                train.extend(examples(line))
    return train, dev


def train(data: list[Example], keep: float = KEEP, seed: int = 5) -> dict[str, list[float]]:
    n = len(vf.CLASSES)
    counts = Counter(f for *_, feats in data for f in set(feats))
    pairs = [(y, [f for f in feats if counts[f] >= MIN_COUNT]) for *_, y, feats in data]
    model = Perceptron(n)
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(pairs)
        for y, feats in pairs:
            scores = model.scores(feats)
            model.update(y, max(range(n), key=scores.__getitem__), feats)
    return {f: ws for f, ws in model.averaged().items() if max(abs(v) for v in ws) >= keep}


def calibrate(
    weights: dict[str, list[float]], dev: list[Example]
) -> tuple[dict[str, float], dict[str, float]]:
    model = vf.Model.from_weights({}, weights)
    alarms: dict[str, list[float]] = {}
    scored = []
    for word, base, written, truth, feats in dev:
        scores = model.scores(feats)
        scored.append((base, truth, scores))
        found = vf.alarm(scores, word, base)
        alarms.setdefault(written, []).append(found[1] if found else float("-inf"))
    margins = {}
    for written, values in alarms.items():
        values.sort()
        at = min(len(values) - 1, int(len(values) * (1 - RATE)))
        margins[written] = max(FLOORS.get(written, FLOOR), values[at]) * SAFETY
    caught = total = 0
    for base, truth, scores in scored:
        if truth == 0:
            continue
        surfaces = vf.forms(base)
        right = surfaces[vf.CLASSES[truth]]
        for surface in surfaces.values():
            if surface == right:
                continue
            total += 1
            found = vf.alarm(scores, surface, base)
            written = vf.written_class(surface, base)
            caught += found is not None and found[1] > margins.get(written, float("inf"))
    return margins, {"dev verbs": len(dev), "swaps caught": caught / total if total else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=Path(vf.DATA))
    parser.add_argument("--share", type=float, default=0.5, help="of the paragraphs to learn from")
    parser.add_argument("--keep", type=float, default=KEEP, help="smallest weight kept")
    args = parser.parse_args(argv)
    train_set, dev = read(args.corpus, args.share)
    truth = Counter(vf.CLASSES[e[3]] for e in train_set)
    print(
        f"examples: {len(train_set)} to learn from ({dict(truth)}), {len(dev)} to calibrate on",
        file=sys.stderr,
    )
    weights = train(train_set, args.keep)
    margins, report = calibrate(weights, dev)
    print(f"{len(weights)} features; margins {margins}; {report}", file=sys.stderr)
    rows = {f: [round(v * 1000) for v in ws] for f, ws in weights.items()}
    args.out.write_bytes(vf.dumps(margins, rows))
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
