"""Suggestions for an unknown word: nearby dictionary words, ranked by how people mistype.

Candidates are (1) the word in other case ("london" → "London"), (2) every
dictionary word one edit away (delete, transpose, replace, insert: a few hundred
binary searches in the compiled dictionary), (3) words up to two edits away (three
for words of 7+ letters with fewer than three nearer) found by RapidFuzz's optimal
string alignment distance over the words of similar length that start with the
same letter, or with the typed word's second letter (a dropped or swapped first
letter), and (4) two common words run together ("thankyou" → "thank you").

They are ranked by a weighted edit cost minus a bonus for frequent words (Zipf
frequency from the compiled dictionary). The weights encode common typing and
spelling mistakes: swapped neighbours, doubled or undoubled letters, a wrong vowel,
a neighbouring key, a sound-alike letter, a left-out letter and a dropped
apostrophe cost less than an arbitrary edit; changing the first letter costs more.
They were tuned on half of a public misspelling list (codespell's) and checked on
the other half (docs/benchmarks.md, "Spelling").

RapidFuzz is imported on the first suggestion only: checking a clean email never
pays for it (P5's check runs before every send).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from afterview.writing.spelling.compiled import Compiled

LETTERS = "abcdefghijklmnopqrstuvwxyz'"
VOWELS = frozenset("aeiouy")
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
SOUND_ALIKE = ("cs", "ck", "sz", "iy", "fv", "gj", "mn", "dt", "bp", "cq", "kq", "sc")

# Weights, tuned on the even lines of codespell's list (docs/benchmarks.md); an
# arbitrary edit would cost about 1.
SUBSTITUTE = 1.2  # a letter for an unrelated one
VOWEL = 0.8  # a vowel for another ("definately")
SOUND = 0.65  # a sound-alike consonant ("c"/"s", "i"/"y")
NEIGHBOUR = 0.95  # a neighbouring key
TRANSPOSE = 0.55  # two neighbours swapped ("recieve")
DOUBLE = 0.36  # a doubled letter typed once, or a single one twice ("occurence")
MISSING = 0.64  # a consonant left out: the commonest slip
MISSING_VOWEL = 0.6
EXTRA = 1.0  # a consonant too many
EXTRA_VOWEL = 0.9
APOSTROPHE = 0.3  # "dont" → "don't"
FIRST_LETTER = 0.384  # added when the first letter changes: people rarely get it wrong
ZIPF = 0.124  # bonus per Zipf unit of the word's frequency (+1 = ten times as common)
POSSESSIVE = 0.5  # "reply's" for "replys": the plural is likelier
NAME = 0.4  # a capitalised or upper-case dictionary word for a lower-case typo
# Not tuned (codespell's list has no two-word corrections): by hand, so that
# "thankyou" → "thank you" comes first and "alot" offers "a lot".
SPLIT = 1.2  # two words run together
SPLIT_MIN_ZIPF = 4.5  # ... both common ones
LONG = 7  # from this length, look three edits away when fewer than FEW are nearer
FEW = 3


def _neighbours() -> frozenset[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for row_index, row in enumerate(KEYBOARD_ROWS):
        for col, key in enumerate(row):
            near = [row[col - 1] if col else "", row[col + 1] if col + 1 < len(row) else ""]
            for other_row in (row_index - 1, row_index + 1):
                if 0 <= other_row < len(KEYBOARD_ROWS):
                    line = KEYBOARD_ROWS[other_row]
                    near.extend(line[c] for c in (col - 1, col, col + 1) if 0 <= c < len(line))
            pairs.update((key, other) for other in near if other)
    return frozenset(pairs)


NEIGHBOURS = _neighbours()
SOUNDS = frozenset((pair[i], pair[1 - i]) for pair in SOUND_ALIKE for i in (0, 1))


@lru_cache(maxsize=4096)
def substitution(a: str, b: str) -> float:
    if a in VOWELS and b in VOWELS:
        return VOWEL
    if (a, b) in SOUNDS:
        return SOUND
    if (a, b) in NEIGHBOURS:
        return NEIGHBOUR
    return SUBSTITUTE


def _indel(word: str, consonant: float, vowel: float) -> list[float]:
    """The cost of adding or dropping each letter of `word` (not as a doubling)."""
    return [APOSTROPHE if c in "'-" else vowel if c in VOWELS else consonant for c in word]


def weighted_distance(typed: str, word: str) -> float:
    """Optimal string alignment distance with the weights above (both lower case).

    Adding or dropping a letter costs DOUBLE when the letter beside it is the same
    ("occurence" → "occurrence", "untill" → "until"): one copy stays. Dropping both
    letters of a pair ("formtting" → "forming") pays full price for both.
    """
    drop = _indel(typed, EXTRA, EXTRA_VOWEL)
    add = _indel(word, MISSING, MISSING_VOWEL)
    size, length = len(typed), len(word)
    previous2: list[float] = []
    previous = [0.0]
    for j in range(length):
        previous.append(previous[j] + add[j])
    for i in range(1, size + 1):
        a = typed[i - 1]
        after = typed[i] if i < size else ""
        row = [previous[0] + drop[i - 1]]
        for j in range(1, length + 1):
            b = word[j - 1]
            best = previous[j - 1] if a == b else previous[j - 1] + substitution(a, b)
            gone = DOUBLE if a == b or (j < length and word[j] == a) else drop[i - 1]
            best = min(
                best, previous[j] + gone, row[j - 1] + (DOUBLE if b in (a, after) else add[j - 1])
            )
            if i > 1 and j > 1 and a == word[j - 2] and typed[i - 2] == b and a != b:
                best = min(best, previous2[j - 2] + TRANSPOSE)
            row.append(best)
        previous2, previous = previous, row
    return previous[-1]


def edits1(word: str) -> Iterator[str]:
    """Every string one delete, transposition, replacement or insertion away."""
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            yield head + tail[1:]
            if len(tail) > 1:
                yield head + tail[1] + tail[0] + tail[2:]
            for c in LETTERS:
                if c != tail[0]:
                    yield head + c + tail[1:]
        for c in LETTERS:
            yield head + c + tail


class Suggester:
    """Ranks dictionary words for a typed word, from a compiled dictionary."""

    def __init__(self, compiled: Compiled) -> None:
        self.compiled = compiled
        self.find = compiled.span
        self.word = compiled.word
        # The lower-case words of each length, sorted (bisect finds one-edit
        # candidates; slices go to RapidFuzz), split on first use and kept: at most
        # the whole dictionary once (~8 MB), usually a few lengths.
        self._lows: dict[int, list[str]] = {}

    def zipf(self, index: int) -> float:
        return self.compiled.freq[index] / 10

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        typed = word.replace("’", "'")
        low = typed.lower()
        if not low or limit <= 0:
            return []
        scored: dict[str, float] = {}
        for form, score in self._candidates(low):
            if form != typed and score < scored.get(form, float("inf")):
                scored[form] = score
        ranked = sorted(scored, key=lambda form: (scored[form], form))
        out: list[str] = []
        for form in ranked:
            cased = _cased(form, typed)
            if cased != typed and cased not in out:
                out.append(cased)
            if len(out) == limit:
                break
        return out

    def _candidates(self, low: str) -> Iterator[tuple[str, float]]:
        for index in self.find(low):
            yield self.word(index), -1.0  # the same word in other case: always first
        for candidate in self.pool(low):
            cost = weighted_distance(low, candidate)
            if candidate[0] != low[0] and candidate[:2] != low[1::-1]:
                cost += FIRST_LETTER
            if candidate.endswith("'s") and "'" not in low:
                cost += POSSESSIVE
            for index in self.find(candidate):
                form = self.word(index)
                penalty = NAME if form != candidate and low.islower() else 0.0
                yield form, cost + penalty - ZIPF * self.zipf(index)
        yield from self._splits(low)

    def pool(self, low: str) -> set[str]:
        """The lower-case dictionary words worth ranking for `low`."""
        found = {c for c in set(edits1(low)) if self._has(c)}
        if len(low) > 2:
            found |= self._near(low, 2)
        if len(low) >= LONG and len(found - {low}) < FEW:
            found |= self._near(low, 3)
        found.discard(low)
        return found

    def _near(self, low: str, reach: int) -> set[str]:
        """Words within `reach` edits (OSA) that start like `low`: RapidFuzz, in C."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        found: set[str] = set()
        starts = {low[0], low[1]} if len(low) > 1 else {low[0]}
        for size in range(max(1, len(low) - reach), len(low) + reach + 1):
            words = self._words(size)
            start = self.compiled.lengths.get(size, (0, 0))[0]
            for first in starts:
                lo, hi = self.compiled.prefix_span(size, first)
                choices = words[lo - start : hi - start]
                if choices:
                    for choice, _, _ in process.extract(
                        low, choices, scorer=OSA.distance, score_cutoff=reach, limit=None
                    ):
                        found.add(choice)
        return found

    def _words(self, size: int) -> list[str]:
        words = self._lows.get(size)
        if words is None:
            words = self._lows[size] = self.compiled.lows_between(
                *self.compiled.lengths.get(size, (0, 0))
            )
        return words

    def _has(self, low: str) -> bool:
        words = self._words(len(low))
        index = bisect_left(words, low)
        return index < len(words) and words[index] == low

    def _splits(self, low: str) -> Iterator[tuple[str, float]]:
        """Two common words run together: "alot" → "a lot", "thankyou" → "thank you"."""
        for cut in range(1, len(low)):
            left, right = low[:cut], low[cut:]
            if min(len(left), len(right)) == 1 and "a" not in (left, right):
                continue
            zipf = min(self._plain_zipf(left), self._plain_zipf(right))
            if zipf >= SPLIT_MIN_ZIPF:
                yield f"{left} {right}", SPLIT - ZIPF * zipf

    def _plain_zipf(self, low: str) -> float:
        """The frequency of `low` as an ordinary lower-case word (0 when it is not one)."""
        for index in self.find(low):
            if self.word(index) == low:
                return self.zipf(index)
        return 0.0


def _cased(form: str, typed: str) -> str:
    """The suggestion in the typed word's case: "Recieve" → "Receive", "TEH" → "THE"."""
    if len(typed) > 1 and typed.isupper():
        return form.upper()
    if typed[:1].isupper() and form[:1].islower():
        return form[:1].upper() + form[1:]
    return form
