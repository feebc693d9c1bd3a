"""A small part-of-speech tagger for the grammar rules: an averaged perceptron (ours),
trained on the Universal Dependencies English Web Treebank.

Why: "the purpose of this workshop are", "GovConnect help agencies", "a service that
make" are slips only once the subject's head and the verb are known, and a word list
cannot say whether "need" in "user research need to" is a noun or a verb. The tagger
gives each token a Penn Treebank tag (NN, NNS, NNP, VBZ, VBP, VB, …) from the words
around it, greedily left to right.

Data: `data/tagger.bin` and `data/tagger_slips.bin` hold only derived weights (no text),
learnt by `python -m afterview.writing.checks.tagger_train` from UD English EWT v2.15, the
first from its dev and test parts, the slip-aware one from the whole treebank
(annotations © 2013-2021 The Board of Trustees of the Leland Stanford Junior University,
licence CC BY-SA 4.0; https://github.com/UniversalDependencies/UD_English-EWT).
The weights, a derived work, are shared under the same licence (docs/writing.md).
Each file is read once per process, on the first check, as arrays (nothing is parsed).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from functools import cache, lru_cache

from afterview.writing.checks import _packed as packed
from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks._data import data_file, read_bytes

DATA = data_file("tagger.bin")
# The same tagger learnt also from copies of the treebank with a verb's number slipped
# (`tagger_train.with_slips`): it tags a wrong-number verb as a verb. The agreement rules
# read its tags; the models learnt from the first tagger's tags keep those.
SLIPS_DATA = data_file("tagger_slips.bin")
START = ("-S2-", "-S1-")


def normal(word: str) -> str:
    return word.replace("’", "'")


@lru_cache(maxsize=8192)
def lexicon_flags(low: str) -> tuple[str, ...]:
    """Open-class hints from the shipped word classes: a feature for every word, seen or not.
    Cached: each word is asked about as itself and as its neighbours' neighbour."""
    known = lex.tagger_classes()
    flags: list[str] = []
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
    return tuple(flags)


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
    """Weights: per feature, a run of (tag, weight) pairs; words with one tag in training
    skip the sum. Features are found by their CRC-32 key (`_packed`), so loading the
    model builds nothing and no row is ever parsed."""

    def __init__(
        self,
        tags: list[str],
        single: dict[str, str],
        keys: array[int],
        ends: array[int],
        tag_ids: array[int],
        values: array[int],
    ):
        self.tags = tags
        self.single = single
        self._keys = keys
        self._ends = ends  # row k's pairs are [ends[k-1], ends[k])
        self._tag_ids = tag_ids
        self._values = values  # hundredths
        self._row: dict[str, int] = {}  # feature -> row index (-1: unknown), as met
        self._dense: dict[str, tuple[int, ...]] = {}  # feature -> weight per tag, as met

    def _find(self, feature: str) -> int:
        k = self._row.get(feature)
        if k is None:
            k = self._row[feature] = packed.find(self._keys, feature)
        return k

    def weights(self, feature: str) -> tuple[tuple[int, float], ...]:
        k = self._find(feature)
        if k < 0:
            return ()
        lo = self._ends[k - 1] if k else 0
        return tuple((self._tag_ids[j], self._values[j] / 100) for j in range(lo, self._ends[k]))

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
        rows, dense = self._dense, self._dense_row
        for i in range(len(out), len(lows) if stop is None else min(stop, len(lows))):
            w = lows[i]
            tag = self.single.get(w)
            if tag is None:
                found = []
                for f in features(words, lows, i, prev, prev2):
                    row = rows.get(f)
                    if row is None:
                        row = dense(f)
                    if row:
                        found.append(row)
                # hundredths: whole numbers sum exactly, so the sums do not depend on order
                scores = list(map(sum, zip(*found, strict=True))) if found else [0] * n
                tag = self.tags[max(range(n), key=scores.__getitem__)]
            out.append(tag)
            prev2, prev = prev, tag
        return out

    def _dense_row(self, feature: str) -> tuple[int, ...]:
        """The feature's weight for every tag (empty if the model never learnt it), kept:
        summing whole rows with `zip` costs less than adding each (tag, weight) pair."""
        k = self._find(feature)
        row: tuple[int, ...] = ()
        if k >= 0:
            dense = [0] * len(self.tags)
            for j in range(self._ends[k - 1] if k else 0, self._ends[k]):
                dense[self._tag_ids[j]] = self._values[j]
            row = tuple(dense)
        self._dense[feature] = row
        return row


MAGIC = "afterview tagger 2"


def dumps(tags: list[str], single: dict[str, str], rows: dict[str, dict[int, int]]) -> bytes:
    """A text head (magic, tags, the one-tag words) and, little-endian, the sorted feature
    keys (uint32), each row's end (uint32), then every row's tags (uint8) and weights
    (int32, hundredths). Two features whose keys collide keep the stronger row."""
    by_key: dict[int, dict[int, int]] = {}
    for feat, row in rows.items():
        k = packed.key(feat)
        held = by_key.get(k)
        if held is None or max(map(abs, row.values()), default=0) > max(
            map(abs, held.values()), default=0
        ):
            by_key[k] = row
    keys = sorted(by_key)
    ends, tag_ids, values = array("I"), array("B"), array("i")
    for k in keys:
        for t, v in sorted(by_key[k].items()):
            tag_ids.append(t)
            values.append(v)
        ends.append(len(values))
    head = [MAGIC, " ".join(tags), str(len(keys)), str(len(values))]
    head += [f"{w}\t{t}" for w, t in sorted(single.items())]
    blobs = [packed.little(array("I", keys)), packed.little(ends)]
    blobs += [tag_ids.tobytes(), packed.little(values)]
    return ("\n".join(head) + "\n\n").encode("utf-8") + b"".join(blobs)


def loads(data: bytes) -> Model:
    end = data.index(b"\n\n")
    magic, tag_line, n_keys, n_values, *fixed = data[:end].decode("utf-8").split("\n")
    if magic != MAGIC:
        raise ValueError("not a tagger model")
    single = dict(line.split("\t") for line in fixed)
    keys, at = packed.read("I", data, end + 2, int(n_keys))
    ends, at = packed.read("I", data, at, int(n_keys))
    tag_ids, at = packed.read("B", data, at, int(n_values))
    values, at = packed.read("i", data, at, int(n_values))
    return Model(tag_line.split(), single, keys, ends, tag_ids, values)


@cache
def model() -> Model:
    return loads(read_bytes(DATA))


@cache
def slips_model() -> Model:
    return loads(read_bytes(SLIPS_DATA))


@lru_cache(maxsize=32)
def tag_slips(words: tuple[str, ...]) -> tuple[str, ...]:
    """A whole sentence's tags by the tagger that reads a slipped verb as a verb
    (`SLIPS_DATA`); kept, as `_whole`, for a text checked again as it is edited."""
    return tuple(slips_model().tag(words))


def tag(words: Sequence[str], given: Sequence[str] = (), stop: int | None = None) -> list[str]:
    """Penn Treebank tags for one sentence's tokens (words and punctuation): see Model.tag."""
    if not given and stop is None:
        return list(_whole(tuple(words)))
    return model().tag(words, given, stop)


@lru_cache(maxsize=32)
def _whole(words: tuple[str, ...]) -> tuple[str, ...]:
    """A whole sentence's tags, kept for the rules that read it again with a word changed."""
    return tuple(model().tag(words))
