"""The spelling engine of the email checker (P5: "Checks before sending: spelling").

    from afterview.writing.spelling import load
    speller = load("en-GB")          # once per process and language
    speller.known("colour")          # True
    speller.suggest("recieve")       # ['receive', ...]
    speller.other_variety("color")   # OtherSpelling(word='color', ours='colour')

The dictionary is compiled from installed word lists (sources.py) into a cache file
(compiled.py) the first time, which takes about a second; `needs_build` lets a
command say so first. Loading the compiled file takes a few milliseconds;
suggestions import RapidFuzz on first use (suggest.py). Nothing prints, nothing
downloads.

Case follows Hunspell: a lower-case dictionary word may also be written
Capitalised or in CAPITALS; a name ("London") only as listed or in capitals; a
word with inner capitals ("iPhone") only as listed or in capitals. Curly and
straight apostrophes are the same, and "X's" is known when X is.
"""

from __future__ import annotations

import unicodedata
from functools import cached_property

from afterview.writing.spelling.sources import LANGUAGE_NAMES, NoDictionary, locate

TYPE_CHECKING = False
if TYPE_CHECKING:
    from afterview.writing.spelling.compiled import Compiled
    from afterview.writing.spelling.suggest import Suggester

__all__ = ["NoDictionary", "OtherSpelling", "Speller", "load", "needs_build"]

MAX_SUGGEST = 40  # longer "words" are pasted junk, not typos: no suggestions
MEMO = 20_000  # answers remembered per speller (words repeat: "the", names)


class OtherSpelling:
    """A word of the other variety: `ours` is our spelling of it ("" when unpaired)."""

    __slots__ = ("ours", "word")

    def __init__(self, word: str, ours: str) -> None:
        self.word = word
        self.ours = ours

    def __repr__(self) -> str:
        return f"OtherSpelling(word={self.word!r}, ours={self.ours!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OtherSpelling) and (self.word, self.ours) == (
            other.word,
            other.ours,
        )

    def __hash__(self) -> int:
        return hash((self.word, self.ours))


class Speller:
    """A language's dictionary: membership, suggestions, other-variety spellings."""

    def __init__(self, compiled: Compiled) -> None:
        self.compiled = compiled
        self.language = compiled.language
        self.name = LANGUAGE_NAMES.get(compiled.language, compiled.language)
        self._known: dict[str, bool] = {}
        self._suggested: dict[tuple[str, int], tuple[str, ...]] = {}
        self._near: dict[tuple[str, float, bool], str | None] = {}

    def __len__(self) -> int:
        return self.compiled.count

    def known(self, word: str) -> bool:
        """Whether the dictionary accepts `word` as written (see the module's case rules)."""
        answer = self._known.get(word)
        if answer is None:
            if len(self._known) >= MEMO:  # a long-lived web process: stay bounded
                self._known.clear()
            answer = self._known[word] = self._lookup(_normal(word))
        return answer

    def _lookup(self, word: str) -> bool:
        if not word:
            return False
        compiled = self.compiled
        forms = [compiled.word(i) for i in compiled.span(word.lower())]
        if word in forms:
            return True
        if forms and len(word) > 1 and word.isupper():
            return True  # "LONDON", "IPHONE": any form of the word, in capitals
        first, rest = word[0], word[1:]
        # "Thank", "Don't": a lower-case word at the start of a sentence.
        if first.isupper() and (not rest or rest.islower()) and first.lower() + rest in forms:
            return True
        if len(word) > 2 and word[-2] == "'" and word[-1] in "sS":
            return self._lookup(word[:-2])
        return False

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Up to `limit` replacements, best first, in the case `word` was typed in."""
        if len(word) > MAX_SUGGEST or limit <= 0:
            return []
        key = (_normal(word), limit)
        found = self._suggested.get(key)
        if found is None:
            if len(self._suggested) >= MEMO:
                self._suggested.clear()
            found = self._suggested[key] = tuple(self.suggester.suggest(key[0], limit))
        return list(found)

    def other_variety(self, word: str) -> OtherSpelling | None:
        """`word` when it is the other variety's spelling ("color" in en-GB), with ours."""
        ours = self._variants.get(_normal(word).lower())
        if ours is None:
            return None
        return OtherSpelling(word, _recase(ours, word) if ours else "")

    def zipf(self, low: str) -> float:
        """The Zipf frequency of the lower-case dictionary word `low` (0 when unknown)."""
        compiled = self.compiled
        for index in compiled.span(low):
            if compiled.word(index) == low:
                return compiled.freq[index] / 10
        return 0.0

    def near_common(self, low: str, min_zipf: float, replacements: bool = True) -> str | None:
        """A lower-case word one edit from `low` (a letter dropped, added, swapped with its
        neighbour, or with `replacements` changed) at least that frequent, or None.

        Tells a slip ("universtiy", "thnak") from a name ("Okafor") without loading the
        suggester; a few milliseconds for a long word, so answers are remembered (a name
        repeats down a letter)."""
        key = (low, min_zipf, replacements)
        if key in self._near:
            return self._near[key]
        if len(self._near) >= MEMO:
            self._near.clear()
        found = self._near[key] = self._near_common(low, min_zipf, replacements)
        return found

    def _near_common(self, low: str, min_zipf: float, replacements: bool) -> str | None:
        compiled = self.compiled
        letters = "abcdefghijklmnopqrstuvwxyz'"
        # An edit at position i keeps low[:i]: where no word of the candidate's length
        # starts so, no candidate from there on can be a word (for a name like
        # "Wrzesniewski", a tenth of the 700 candidates are left to look up).
        n = len(low)
        shorter = compiled.shared_prefix(low, n - 1) + 1
        same = compiled.shared_prefix(low, n) + 1
        longer = compiled.shared_prefix(low, n + 1) + 1
        candidates = {low[:i] + low[i + 1 :] for i in range(min(n, shorter))}
        candidates.update(
            low[:i] + low[i + 1] + low[i] + low[i + 2 :] for i in range(min(n - 1, same))
        )
        candidates.update(low[:i] + c + low[i:] for i in range(min(n + 1, longer)) for c in letters)
        if replacements:
            candidates.update(
                low[:i] + c + low[i + 1 :] for i in range(min(n, same)) for c in letters
            )
        candidates.discard(low)
        threshold = round(min_zipf * 10)
        for candidate in candidates:
            if len(candidate) < 2:
                continue
            for index in compiled.span(candidate):
                if compiled.freq[index] >= threshold and compiled.word(index) == candidate:
                    return candidate
        return None

    @cached_property
    def suggester(self) -> Suggester:
        from afterview.writing.spelling.suggest import Suggester

        return Suggester(self.compiled)

    @cached_property
    def _variants(self) -> dict[str, str]:
        from afterview.writing.spelling.compiled import pairs_from

        return pairs_from(self.compiled.variants_text)


def _normal(word: str) -> str:
    word = word.replace("’", "'")
    return word if word.isascii() else unicodedata.normalize("NFC", word)


def _recase(ours: str, typed: str) -> str:
    if len(typed) > 1 and typed.isupper():
        return ours.upper()
    if typed[:1].isupper():
        return ours[:1].upper() + ours[1:]
    return ours


_LOADED: dict[str, Speller] = {}


def load(language: str) -> Speller:
    """The speller of `language` (en-GB or en-US), compiled first if needed; cached
    for the process. Raises NoDictionary (an AfterviewError) naming the package to
    install when no word list is found."""
    speller = _LOADED.get(language)
    if speller is None:
        from afterview.paths import cache_dir
        from afterview.writing.spelling.compiled import ensure

        speller = _LOADED[language] = Speller(ensure(locate(language), cache_dir()))
    return speller


def needs_build(language: str) -> bool:
    """True when `load(language)` must compile the dictionary first (about a second)."""
    import os

    from afterview.paths import cache_dir
    from afterview.writing.spelling.compiled import cache_path

    return not os.path.exists(cache_path(locate(language), cache_dir()))
