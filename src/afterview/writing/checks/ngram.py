"""A word trigram language model read straight from its packed file: how likely a word
is after the two before it, so that a sentence can be compared with the same sentence
one small word longer or one verb form different (`lm_slips.py`).

Why: the rules and the small classifiers judge a word from a fixed window of features,
and on text never seen while writing them they missed most dropped words ("at end of
a sprint") and many agreement slips. Counts of what follows what in tens of millions
of words of edited prose answer "is a word missing here?" directly, for any word and
any context the corpus covers, with no rule to write per case.

Scores are "stupid backoff" (Brants et al., 2007): the trigram's relative frequency
when it was seen, else 0.4 × the bigram's, else 0.16 × the word's. They are not
probabilities, but two readings of one sentence compare fairly with them, and they
need no more than the counts.

The file (`data/ngrams.bin`, made by `ngram_train.py`): a header, then per order an
index of where keys with each top 16 bits start, the sorted CRC-32 keys of the n-grams
kept (lower case, numbers as "<n>", sentences between "<s>" and "</s>"), and per key a
16-bit word: the count as round(10 × ln count) and a byte of a second hash (`check`).
Keys are compared as unsigned 32-bit integers by bisection; the file is memory-mapped,
so loading it costs no more than opening it, and only the pages a check touches are
read.
"""

from __future__ import annotations

import math
import mmap
import struct
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from afterview.writing.checks import _packed as packed
from afterview.writing.checks._data import data_file

DATA = data_file("ngrams.bin")
MAGIC = b"AVNG3\n"
ORDER = 3
BACKOFF = 0.4
SCALE = 10.0  # a count is kept as round(SCALE * ln count), one byte
START, END, NUMBER = "<s>", "</s>", "<n>"
HEADER = struct.Struct("<6sQ3I")
BUCKETS = 1 << 16  # keys are found by their top 16 bits first, then by bisection
MEMO = 200_000


def normal(low: str) -> str:
    """The model's spelling of a token already in lower case with straight apostrophes."""
    return NUMBER if low[:1].isdigit() else low


def key(gram: Sequence[str]) -> int:
    return zlib.crc32(" ".join(gram).encode("utf-8"))


def check(data: bytes) -> int:
    """A second byte of the n-gram's hash, kept beside its key: with millions of keys of
    32 bits, one lookup in a thousand of an n-gram never seen would otherwise find
    another's count ("some an awkward" taken for a common phrase)."""
    return (zlib.adler32(data) >> 16) & 0xFF


def quantise(count: int) -> int:
    return min(255, round(SCALE * math.log(count)))


Table = Sequence[int]


class Model:
    """Counts of one, two and three words in a row, looked up by key."""

    def __init__(
        self, total: int, starts: list[Table], keys: list[Table], payloads: list[Table]
    ) -> None:
        self.total = total
        self._starts = starts
        self._keys = keys
        self._payloads = payloads  # count byte | check byte << 8
        self._unknown = math.log10(0.5 / max(total, 1))
        self._seen: dict[tuple[str, ...], float] = {}
        self._scored: dict[tuple[str, str, str], float] = {}

    def count(self, gram: tuple[str, ...]) -> float:
        found = self._seen.get(gram)
        if found is not None:
            return found
        n = len(gram) - 1
        keys = self._keys[n]
        data = " ".join(gram).encode("utf-8")
        k = zlib.crc32(data)
        bucket = k >> 16
        starts = self._starts[n]
        at = bisect_left(keys, k, starts[bucket], starts[bucket + 1])
        found = 0.0
        if at < len(keys) and keys[at] == k:
            payload = self._payloads[n][at]
            if payload >> 8 == check(data):
                found = math.exp((payload & 0xFF) / SCALE)
        if len(self._seen) > MEMO:
            self._seen.clear()  # a long-lived server process keeps a bounded memo
        self._seen[gram] = found
        return found

    def score(self, u: str, v: str, w: str) -> float:
        """log10 of the backed-off score of w after u v."""
        found = self._scored.get((u, v, w))
        if found is None:
            found = self._scored[(u, v, w)] = self._score(u, v, w)
            if len(self._scored) > MEMO:
                self._scored.clear()
        return found

    def _score(self, u: str, v: str, w: str) -> float:
        c3 = self.count((u, v, w)) if v != START else 0.0
        if c3:
            return math.log10(c3 / max(self.count((u, v)), c3))
        c2 = self.count((v, w))
        if c2:
            # after "<s>" there is no trigram to back off from: a sentence's first word
            factor = 1.0 if v == START else BACKOFF
            return math.log10(factor * c2 / max(self.count((v,)), c2))
        c1 = self.count((w,))
        if c1:
            return math.log10(BACKOFF * BACKOFF * c1 / self.total)
        return math.log10(BACKOFF * BACKOFF) + self._unknown

    def unigram(self, w: str) -> float:
        """log10 of the word's relative frequency (half a count if never seen)."""
        return math.log10(max(self.count((w,)), 0.5) / self.total)

    def span(self, words: Sequence[str], first: int, last: int) -> float:
        """Sum of the scores of words[first..last] (inclusive), each after the two before
        it; words[0] must be START (or a word before the part judged)."""
        total = 0.0
        for j in range(max(first, 1), min(last, len(words) - 1) + 1):
            u = words[j - 2] if j >= 2 else START
            total += self.score(u, words[j - 1], words[j])
        return total


def swap_gain(model: Model, words: Sequence[str], p: int, fix: str) -> float:
    """How much likelier (log10) the window of words[p] and the two either side reads with
    `fix` in its place; words padded with START and END. Used to second a classifier that
    leans to another word by less than its margin (`confusables.py`, `verb_forms.py`)."""
    changed = [*words[max(p - 2, 0) : p], fix, *words[p + 1 : p + 3]]
    q = min(p, 2)
    return model.span(changed, q, q + 2) - model.span(words, p, p + 2)


def verbiness(model: Model, base: str) -> float:
    """How often the counts find a word as a verb (after "to", "will", "can") per time as
    a noun (after "the", "a", "an"): "enhance" 618, "use" 11, "design" 0.2."""
    verb = sum(model.count((w, base)) for w in ("to", "will", "can"))
    noun = sum(model.count((w, base)) for w in ("the", "a", "an"))
    return verb / (noun + 1)


def padded(lows: Sequence[str]) -> list[str]:
    """A sentence's lower-case tokens as the model spells them, between START and END."""
    return [START, *(normal(w.replace("’", "'")) for w in lows), END]


def dumps(total: int, tables: Sequence[dict[int, tuple[int, int]]]) -> bytes:
    """The packed file of counts per order (key -> (count, check byte)), keys as CRC-32
    of the words: per order, where each bucket of keys starts, the sorted keys, and
    each key's count and check byte (one 16-bit word, so a lookup reads one page)."""
    parts = [HEADER.pack(MAGIC, total, *(len(t) for t in tables))]
    for table in tables:
        keys = array("I", sorted(table))
        starts = array("I", [0] * (BUCKETS + 1))
        for k in keys:
            starts[(k >> 16) + 1] += 1
        for b in range(BUCKETS):
            starts[b + 1] += starts[b]
        payloads = array("H", (quantise(table[k][0]) | table[k][1] << 8 for k in keys))
        for part in (starts, keys, payloads):
            if sys.byteorder == "big":
                part.byteswap()
            parts.append(part.tobytes())
    return b"".join(parts)


def loads(data: bytes | mmap.mmap) -> Model:
    magic, total, *sizes = HEADER.unpack_from(data, 0)
    if magic != MAGIC:
        raise ValueError("not an n-gram file of this version")
    view = memoryview(data)
    at = HEADER.size
    starts: list[Table] = []
    keys: list[Table] = []
    payloads: list[Table] = []
    for n in sizes:
        index, at = packed.table(view, at, "I", BUCKETS + 1)
        sorted_keys, at = packed.table(view, at, "I", n)
        payload, at = packed.table(view, at, "H", n)
        starts.append(index)
        keys.append(sorted_keys)
        payloads.append(payload)
    return Model(total, starts, keys, payloads)


@cache
def model() -> Model:
    """The shipped model, memory-mapped: the pages a check touches are read, not the file."""
    with open(DATA, "rb") as f:
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    return loads(mapped)
