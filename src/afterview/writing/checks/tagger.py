"""A small part-of-speech tagger for the grammar rules: an averaged perceptron (ours),
trained on the Universal Dependencies English Web Treebank.

Why: "the purpose of this workshop are", "GovConnect help agencies", "a service that
make" are slips only once the subject's head and the verb are known, and a word list
cannot say whether "need" in "user research need to" is a noun or a verb. The tagger
gives each token a Penn Treebank tag (NN, NNS, NNP, VBZ, VBP, VB, …) from the words
around it, greedily left to right.

Data: `data/tagger.txt.gz` holds only derived weights (no text), learnt by
`python -m afterview.writing.checks.tagger_train` from the dev and test parts of UD
English EWT v2.15 (annotations © 2013-2021 The Board of Trustees of the Leland Stanford
Junior University, licence CC BY-SA 4.0; https://github.com/UniversalDependencies/UD_English-EWT).
The weights, a derived work, are shared under the same licence (docs/writing.md).
The file is read once per process, on the first check, and a weight row is parsed
only when its feature is first met.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

from afterview.writing.checks import grammar_lexicon as lex

DATA = Path(__file__).parent / "data" / "tagger.txt.gz"
START = ("-S2-", "-S1-")


def normal(word: str) -> str:
    return word.replace("’", "'")


def lexicon_flags(low: str) -> list[str]:
    """Open-class hints from the shipped word classes: a feature for every word, seen or not."""
    known = lex.tagger_classes()
    flags = []
    if low in known.verbs:
        flags.append("V")
    if low in known.nouns:
        flags.append("N")
    if low in known.adjectives:
        flags.append("A")
    stem = lex.s_stem(low, known)
    if stem is not None:
        flags.append("Sv" if stem in known.verbs else "Sn")
    if lex.past_base(low) is not None:
        flags.append("D")
    return flags


def shape(word: str, first: bool) -> str:
    if any(c.isdigit() for c in word):
        return "digit"
    if len(word) > 1 and word.isupper():
        return "upper"
    if word[:1].isupper():
        return "title-first" if first else "title"
    if not word[:1].isalpha():
        return "punct"
    return "lower"


def features(words: Sequence[str], lows: Sequence[str], i: int, prev: str, prev2: str) -> list[str]:
    w = lows[i]
    before = lows[i - 1] if i > 0 else "-S1-"
    before2 = lows[i - 2] if i > 1 else "-S2-"
    after = lows[i + 1] if i + 1 < len(lows) else "-E1-"
    after2 = lows[i + 2] if i + 2 < len(lows) else "-E2-"
    feats = [
        "b",
        "w " + w,
        "s3 " + w[-3:],
        "s2 " + w[-2:],
        "sh " + shape(words[i], i == 0),
        "t1 " + prev,
        "t12 " + prev2 + " " + prev,
        "t1w " + prev + " " + w,
        "w-1 " + before,
        "s-1 " + before[-3:],
        "w-2 " + before2,
        "w+1 " + after,
        "s+1 " + after[-3:],
        "w+2 " + after2,
        "w-1w " + before + " " + w,
        "ww+1 " + w + " " + after,
    ]
    feats.extend("lx " + f for f in lexicon_flags(w))
    if i + 1 < len(lows):
        feats.extend("lx+1 " + f for f in lexicon_flags(after))
    return feats


class Model:
    """Weights: feature -> {tag: weight}; words with one tag in training skip the sum."""

    def __init__(self, tags: list[str], single: dict[str, str], rows: dict[str, str]):
        self.tags = tags
        self.single = single
        self._rows = rows  # feature -> "tag:weight tag:weight", parsed on first use
        self._parsed: dict[str, tuple[tuple[int, float], ...]] = {}

    def weights(self, feature: str) -> tuple[tuple[int, float], ...]:
        row = self._parsed.get(feature)
        if row is None:
            raw = self._rows.get(feature, "")
            row = tuple(
                (int(t), int(v) / 100) for t, _, v in (p.partition(":") for p in raw.split())
            )
            self._parsed[feature] = row
        return row

    def tag(
        self, words: Sequence[str], given: Sequence[str] = (), stop: int | None = None
    ) -> list[str]:
        """Tags of words[:stop]; the first len(given) are taken as given. A word's tag
        depends only on the two words either side and the two tags before it, so a
        sentence with one word changed at i is tagged again from i - 2 on."""
        lows = [normal(w).lower() for w in words]
        out: list[str] = list(given)
        prev2, prev = [*START, *out][-2:]
        n = len(self.tags)
        for i in range(len(out), len(lows) if stop is None else min(stop, len(lows))):
            w = lows[i]
            tag = self.single.get(w)
            if tag is None:
                scores = [0.0] * n
                for f in features(words, lows, i, prev, prev2):
                    for t, v in self.weights(f):
                        scores[t] += v
                tag = self.tags[max(range(n), key=scores.__getitem__)]
            out.append(tag)
            prev2, prev = prev, tag
        return out


def dumps(tags: list[str], single: dict[str, str], rows: dict[str, dict[int, int]]) -> bytes:
    lines = ["#tags " + " ".join(tags)]
    lines += [f"{w}\t{t}" for w, t in sorted(single.items())]
    lines.append("#weights")
    for feat, row in sorted(rows.items()):
        lines.append(feat + "\t" + " ".join(f"{t}:{v}" for t, v in sorted(row.items())))
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), 9, mtime=0)


def loads(data: bytes) -> Model:
    text = gzip.decompress(data).decode("utf-8")
    head, _, body = text.partition("\n")
    tags = head.split()[1:]
    fixed, _, weights = body.partition("\n#weights\n")
    it = iter(re.split("[\t\n]", fixed.strip("\n")))  # key, value, key, value, …: no loop
    single = dict(zip(it, it, strict=False))
    it = iter(re.split("[\t\n]", weights.strip("\n")))
    return Model(tags, single, dict(zip(it, it, strict=False)))


@cache
def model() -> Model:
    return loads(DATA.read_bytes())


def tag(words: Sequence[str], given: Sequence[str] = (), stop: int | None = None) -> list[str]:
    """Penn Treebank tags for one sentence's tokens (words and punctuation): see Model.tag."""
    if not given and stop is None:
        return list(_whole(tuple(words)))
    return model().tag(words, given, stop)


@lru_cache(maxsize=32)
def _whole(words: tuple[str, ...]) -> tuple[str, ...]:
    """A whole sentence's tags, kept for the rules that read it again with a word changed."""
    return tuple(model().tag(words))
