"""Counts the words, pairs and triples of plain text (one paragraph a line) and writes
`data/ngrams.bin` (`ngram.py`).

    python -m afterview.writing.checks.ngram_train CORPUS.txt [...] [--out PATH]
        [--min 2 3 3] [--hold-out held.txt]

`bench/lm_corpus.py` writes such a corpus from the public texts listed in
docs/writing.md. Sentences are cut and words split exactly as the checker does
(`grammar_classes.tokens`, `grammar_tagged.sentences`), so that the counts describe
what the checker will look up. N-grams seen fewer times than `--min` (per order) are
dropped: rare ones carry little evidence and most of the size. With `--hold-out`, every
50th paragraph is not counted and is written to that file instead, for calibrating
`lm_slips.py` on text the counts never saw. Training is not part of the product: the
shipped file is what the checker reads.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from afterview.writing.checks import ngram
from afterview.writing.checks.grammar_classes import tokens
from afterview.writing.checks.grammar_tagged import sentences

HOLD_OUT_EVERY = 50


def words_of(paragraph: str) -> Iterator[list[str]]:
    """Each sentence of the paragraph as the model's words, between START and END."""
    toks = tokens(paragraph)
    for sent in sentences(toks, paragraph):
        yield [ngram.START, *(ngram.normal(toks[k].low) for k in sent), ngram.END]


Tables = list[dict[int, list[int]]]  # per order: CRC-32 key -> [count, check byte]


def count(paragraphs: Iterable[str]) -> tuple[int, Tables]:
    """Total words and, per order, each n-gram's count and check byte by its key."""
    tables: Tables = [{} for _ in range(ngram.ORDER)]
    total = 0
    for paragraph in paragraphs:
        for sent in words_of(paragraph):
            encoded = [w.encode("utf-8") for w in sent]
            total += len(sent) - 1
            _add(tables[0], encoded[0])  # "<s>" as a context of its own
            for j in range(1, len(sent)):
                _add(tables[0], encoded[j])
                _add(tables[1], encoded[j - 1] + b" " + encoded[j])
                if j >= 2:
                    _add(tables[2], encoded[j - 2] + b" " + encoded[j - 1] + b" " + encoded[j])
    return total, tables


def _add(table: dict[int, list[int]], data: bytes) -> None:
    k = zlib.crc32(data)
    row = table.get(k)
    if row is None:
        table[k] = [1, ngram.check(data)]
    else:
        row[0] += 1


def pruned(tables: Tables, minimum: list[int]) -> list[dict[int, tuple[int, int]]]:
    return [
        {k: (c, b) for k, (c, b) in t.items() if c >= m}
        for t, m in zip(tables, minimum, strict=True)
    ]


def paragraphs(paths: list[Path], held: list[str] | None) -> Iterator[str]:
    n = 0
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for raw in f:
                line = raw.strip()
                if not line:
                    continue
                n += 1
                if held is not None and n % HOLD_OUT_EVERY == 0:
                    held.append(line)
                    continue
                yield line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=Path(ngram.DATA))
    parser.add_argument("--min", nargs=3, type=int, default=[2, 2, 3], metavar="N")
    parser.add_argument("--hold-out", type=Path, default=None)
    args = parser.parse_args(argv)
    held: list[str] | None = [] if args.hold_out else None
    total, tables = count(paragraphs(args.corpus, held))
    kept = pruned(tables, args.min)
    args.out.write_bytes(ngram.dumps(total, kept))
    if args.hold_out and held is not None:
        args.hold_out.write_text("\n".join(held) + "\n", encoding="utf-8")
    sizes = ", ".join(f"{len(t):,} of {len(a):,}" for t, a in zip(kept, tables, strict=True))
    print(f"{total:,} words; kept per order: {sizes}; {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
