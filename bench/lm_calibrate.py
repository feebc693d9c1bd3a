"""How the n-gram slips (`lm_slips.py`) trade recall for false warnings: for each rule,
how many planted slips of the tuning sets they find beyond what the rest of the checker
finds, against how many warnings they raise on paragraphs the counts never saw, at the
thresholds that allow a range of warnings per 1,000 words, and at the shipped ones.

    python -m afterview.writing.checks.ngram_train CORPUS.txt --hold-out held.txt
    python -m afterview.writing.checks.lm_slips_train held.txt
    python bench/lm_calibrate.py held.txt [--skip 24000] [--paragraphs 8000]

Use paragraphs of the held-out file that `lm_slips_train` did not read (`--skip`).
The held-out paragraphs are edited prose, so nearly every warning on them is a false
one (a few are the authors' own slips). Sets 10 to 13 are never read here: they are
the unseen measure of docs/benchmarks.md#checker.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

from tests.writing import real_corpus as rc  # noqa: E402

from afterview.writing.checks import lm_slips, lm_slips_train, ngram  # noqa: E402
from afterview.writing.checks.grammar_classes import tokens  # noqa: E402
from afterview.writing.checks.grammar_tagged import sentences  # noqa: E402

UNSEEN = ("held10", "held11", "held12", "held13")
KINDS = ("agreement", "verb-form", "missing-word")
RATES = (0.05, 0.1, 0.2, 0.3, 0.5, 1.0)  # false warnings per 1,000 words

Scored = tuple[float, str, int, int]  # acceptor's score, rule, start, end (characters)


def gains(text: str, model: ngram.Model) -> list[Scored]:
    """The best change per place, whatever its score."""
    accept = lm_slips.acceptor()
    toks = tokens(text)
    out: list[Scored] = []
    for sent in sentences(toks, text):
        best: dict[tuple[bool, int], Scored] = {}
        for (kind, i, _fix, slug), feats in lm_slips_train.candidates(
            model, [toks[k].text for k in sent]
        ):
            score = accept.score(feats)
            place = (kind == "insert", i)
            if place not in best or score > best[place][0]:
                tok = toks[sent.start + i]
                best[place] = (score, slug, tok.start, tok.end)
        out.extend(best.values())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("held", type=Path)
    parser.add_argument("--paragraphs", type=int, default=8000)
    parser.add_argument("--skip", type=int, default=24000)
    args = parser.parse_args(argv)
    model = ngram.model()
    shipped = dict(lm_slips.acceptor().thresholds)
    lm_slips.acceptor().thresholds.clear()  # the rest of the checker alone
    found: dict[str, list[float]] = defaultdict(list)
    before: dict[str, list[bool]] = defaultdict(list)
    for slip in rc.slips():
        if slip.split in UNSEEN or not slip.rule.startswith("grammar."):
            continue
        key = "homophone" if slip.rule in rc.HOMOPHONES else slip.rule.removeprefix("grammar.")
        if key not in KINDS:
            continue
        body = rc.text(slip.text)
        start = body.index(slip.original)
        slipped = body[:start] + slip.slipped + body[start + len(slip.original) :]
        end = start + len(slip.slipped)
        hits = [g for g, k, a, b in gains(slipped, model) if k == key and a < end and start < b]
        found[key].append(max(hits, default=float("-inf")))
        before[key].append(rc.caught(slip))
    lm_slips.acceptor().thresholds.update(shipped)
    lines = args.held.read_text(encoding="utf-8").splitlines()
    paragraphs = lines[args.skip : args.skip + args.paragraphs]
    words = sum(len(p.split()) for p in paragraphs)
    false: dict[str, list[float]] = defaultdict(list)
    for paragraph in paragraphs:
        for gain, key, _a, _b in gains(paragraph, model):
            false[key].append(gain)
    print(f"{len(paragraphs)} held-out paragraphs, {words:,} words; thresholds {shipped}")
    for key in KINDS:
        n, base = len(found[key]), sum(before[key])
        print(f"{key}: {n} tuning slips, {base} found without the model")
        ranked = sorted(false[key], reverse=True)
        allowed = [int(r * words / 1000) for r in RATES]
        cuts = [
            (f"{r} per 1,000 words", ranked[k] if k < len(ranked) else -math.inf)
            for r, k in zip(RATES, allowed, strict=True)
        ]
        cuts.append(("shipped", shipped.get(key, float("inf"))))
        for label, cut in cuts:
            alone = sum(g > cut for g in found[key])
            union = sum(g > cut or b for g, b in zip(found[key], before[key], strict=True))
            fa = sum(g > cut for g in false[key])
            print(
                f"  {label:>22} (> {cut:6.2f}): model alone {alone:4}/{n}, with the rest"
                f" {base} → {union:4}, false warnings {fa:4} ({1000 * fa / words:.2f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
