"""The compiled dictionary: one cache file that loads in a few milliseconds.

`afterview check FILE` is a whole process whose time counts (docs/benchmarks.md:
at most 3x `hunspell -l`), so the word lists are not parsed at each check. They are
merged once into one file, and loading it creates no object per word: Python would
spend ~25 ms splitting 126,000 words and hashing them into a set. The file holds

    a header line: magic, format, language, word count, the sizes of the text and
        variant sections, the length ranges, the source's description (tab-separated)
    the words, UTF-8, each followed by a newline, sorted by (length, lower case, word)
    the character offset of each word in that text, then of its end (uint32, LE)
    one byte per word: its Zipf frequency x 10 (from `wordfreq`, imported only here,
        at build time: it takes ~0.2 s to import)
    the other variety's spellings, UTF-8 lines "color<TAB>colour"

A lookup is a binary search in the word's length range, lower-casing the probed
words (`Compiled.span`). The same order puts the words of one length and first
letter in one contiguous slice, which is what the suggester hands to RapidFuzz,
lower-cased and split only then. Words whose lower case has another length (a
Turkish dotted İ) are left out, so lengths mean the same in both cases.

The file name carries the language, the source's identity and a stamp of its files
(path, size, mtime) and of the build code, so an upgraded word list or a changed
builder makes a new file; the stale one of the same source is then deleted. It is
written to a temporary file and renamed into place: a reader never sees half a
file, and two processes building at once do no harm.
"""

from __future__ import annotations

import os
import sys
import zlib
from array import array
from contextlib import suppress

from afterview.writing.spelling.sources import Source

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

FORMAT = 2
MAGIC = "afterview-spelling"
PREFIX = "spelling-"
SUFFIX = ".dict"
HERE = os.path.dirname(os.path.abspath(__file__))
# The modules whose code shapes the compiled file: changing one rebuilds it.
BUILD_MODULES = tuple(
    os.path.join(HERE, name) for name in ("compiled.py", "variants.py", "extra.py", "bundled.py")
)


class CorruptCache(ValueError):
    """A cache file that cannot be used (truncated, another format): rebuild it."""


class Compiled:
    """A loaded dictionary: the sorted words as one text, and what indexes it."""

    __slots__ = (
        "count",
        "freq",
        "kind",
        "language",
        "lengths",
        "offsets",
        "path",
        "text",
        "variants_text",
    )

    def __init__(
        self,
        language: str,
        kind: str,
        text: str,
        offsets: array[int],
        lengths: dict[int, tuple[int, int]],
        freq: bytes,
        variants_text: str,
        path: str = "",
    ) -> None:
        self.language = language
        self.kind = kind
        self.text = text
        self.offsets = offsets
        self.count = len(offsets) - 1
        self.lengths = lengths
        self.freq = freq
        self.variants_text = variants_text
        self.path = path

    def word(self, index: int) -> str:
        return self.text[self.offsets[index] : self.offsets[index + 1] - 1]

    def span(self, low: str) -> range:
        """Indices of the words whose lower case is `low` (a binary search)."""
        bounds = self.lengths.get(len(low))
        if bounds is None:
            return range(0)
        lo = self._lower_bound(bounds, low)
        text, offsets = self.text, self.offsets
        end = lo
        while end < bounds[1] and text[offsets[end] : offsets[end + 1] - 1].lower() == low:
            end += 1
        return range(lo, end)

    def _lower_bound(self, bounds: tuple[int, int], low: str) -> int:
        """The first index in `bounds` whose lower-case word is not below `low`."""
        lo, hi = bounds
        text, offsets = self.text, self.offsets
        while lo < hi:
            mid = (lo + hi) // 2
            if text[offsets[mid] : offsets[mid + 1] - 1].lower() < low:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def prefix_span(self, size: int, first: str) -> tuple[int, int]:
        """Indices of the words of `size` letters (lower case) starting with `first`."""
        bounds = self.lengths.get(size)
        if bounds is None:
            return (0, 0)
        return (self._first(bounds, first), self._first(bounds, chr(ord(first) + 1)))

    def _first(self, bounds: tuple[int, int], char: str) -> int:
        lo, hi = bounds
        text, offsets = self.text, self.offsets
        while lo < hi:
            mid = (lo + hi) // 2
            if text[offsets[mid]].lower() < char:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def shared_prefix(self, low: str, size: int) -> int:
        """How many leading letters of `low` some word of `size` letters starts with:
        in sorted order that word sits next to where `low` would go."""
        bounds = self.lengths.get(size)
        if bounds is None:
            return 0
        lo = self._lower_bound(bounds, low)
        text, offsets = self.text, self.offsets
        best = 0
        for index in (lo - 1, lo):
            if bounds[0] <= index < bounds[1]:
                near = text[offsets[index] : offsets[index + 1] - 1].lower()
                common = 0
                for a, b in zip(near, low, strict=False):
                    if a != b:
                        break
                    common += 1
                best = max(best, common)
        return best

    def lows_between(self, lo: int, hi: int) -> list[str]:
        """The lower-case words lo..hi-1, split from the text in one call."""
        if lo >= hi:
            return []
        return self.text[self.offsets[lo] : self.offsets[hi] - 1].lower().split("\n")


def cache_path(source: Source, directory: str) -> str:
    """Where `source` compiles to: changes whenever one of its files changes."""
    identity = zlib.crc32("\n".join((*source.main, "", *source.other)).encode())
    stamp = zlib.crc32((source.stamp() + "\n" + _code_stamp()).encode())
    name = f"{PREFIX}{source.language}-{identity:08x}-{stamp:08x}-v{FORMAT}{SUFFIX}"
    return os.path.join(directory, name)


def ensure(source: Source, directory: str) -> Compiled:
    """The compiled dictionary of `source`, built first when missing or stale."""
    path = cache_path(source, directory)
    try:
        with open(path, "rb") as handle:
            return parse(handle.read(), source.language, path)
    except (OSError, UnicodeDecodeError, ValueError):  # missing, stale or corrupt
        pass
    data = build(source)
    with suppress(OSError):  # a read-only cache folder: check anyway, build each time
        write(path, data)
    return parse(data, source.language, path)


def parse(data: bytes, language: str, path: str = "") -> Compiled:
    newline = data.find(b"\n")
    fields = data[:newline].decode("utf-8").split("\t") if newline > 0 else []
    if len(fields) != 8 or fields[0] != MAGIC or fields[1] != str(FORMAT):
        raise CorruptCache(f"{path}: not a format-{FORMAT} dictionary")
    if fields[2] != language:
        raise CorruptCache(f"{path}: compiled for {fields[2]}, not {language}")
    count, text_size, variants_size = int(fields[3]), int(fields[4]), int(fields[5])
    start = newline + 1
    offsets_at = start + text_size
    freq_at = offsets_at + 4 * (count + 1)
    variants_at = freq_at + count
    if len(data) != variants_at + variants_size:
        raise CorruptCache(f"{path}: truncated")
    offsets = array("I")
    if offsets.itemsize != 4:  # pragma: no cover - every platform Python runs on today
        offsets = array("L")
    offsets.frombytes(data[offsets_at:freq_at])
    if sys.byteorder != "little":  # pragma: no cover
        offsets.byteswap()
    lengths: dict[int, tuple[int, int]] = {}
    for item in filter(None, fields[6].split(",")):
        size, first, end = (int(part) for part in item.split(":"))
        lengths[size] = (first, end)
    return Compiled(
        language=language,
        kind=fields[7],
        text=data[start:offsets_at].decode("utf-8"),
        offsets=offsets,
        lengths=lengths,
        freq=data[freq_at:variants_at],
        variants_text=data[variants_at:].decode("utf-8"),
        path=path,
    )


def write(path: str, data: bytes) -> None:
    """Atomically replace `path`, then delete the stale files of the same source."""
    import tempfile

    directory = os.path.dirname(path)
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".spelling-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
    name = os.path.basename(path)
    same_source = name.rsplit("-", 2)[0] + "-"  # spelling-<language>-<identity>-
    for other in os.listdir(directory):
        if other != name and other.startswith(same_source) and other.endswith(SUFFIX):
            with suppress(OSError):  # a stale file left behind is harmless
                os.unlink(os.path.join(directory, other))


def build(source: Source) -> bytes:
    """Merge the source's word lists into the compiled file (about a second)."""
    from afterview.writing.spelling import extra, variants

    if source.bundled:
        from pathlib import Path

        from afterview.writing.spelling import bundled

        listed, other_listed = bundled.words(source.language, Path(source.main[0]))
    else:
        listed, other_listed = read_words(source.main), read_words(source.other)
    main = {w for w in listed | extra.WORDS if len(w.lower()) == len(w)}
    other = {word for word in other_listed if word not in main}
    frequencies = _frequencies()

    def zipf(word: str) -> float:
        return frequencies.get(word.lower(), 0.0)

    words = sorted(main, key=sort_key)
    lengths: dict[int, list[int]] = {}
    offsets = array("I", [0])
    for index, word in enumerate(words):
        span = lengths.setdefault(len(word), [index, index])
        span[1] = index + 1
        offsets.append(offsets[-1] + len(word) + 1)
    if sys.byteorder != "little":  # pragma: no cover
        offsets.byteswap()
    freq = bytes(min(255, max(0, round(zipf(w) * 10))) for w in words)
    lower_main = {word.lower() for word in main}
    others = sorted(w for w in other if w.lower() not in lower_main and _plain(w))
    to_british = source.language == "en-GB"
    pairs = variants.pair(others, lower_main.__contains__, zipf, to_british=to_british)
    text = "".join(f"{word}\n" for word in words).encode("utf-8")
    variant_text = "\n".join(f"{word}\t{ours}" for word, ours in pairs.items()).encode("utf-8")
    header = "\t".join(
        (
            MAGIC,
            str(FORMAT),
            source.language,
            str(len(words)),
            str(len(text)),
            str(len(variant_text)),
            ",".join(f"{size}:{start}:{end}" for size, (start, end) in sorted(lengths.items())),
            source.kind.replace("\t", " ").replace("\n", " "),
        )
    )
    return b"".join((header.encode("utf-8"), b"\n", text, offsets.tobytes(), freq, variant_text))


def sort_key(word: str) -> tuple[int, str, str]:
    low = word.lower()
    return (len(low), low, word)


def read_words(paths: Iterable[str]) -> set[str]:
    """Every word of the files: UTF-8 (or Latin-1, SCOWL's old encoding), NFC, straight
    apostrophes; '#' comments, Hunspell's "/flags" and a .dic file's count line dropped."""
    import unicodedata

    words: set[str] = set()
    for path in paths:
        with open(path, "rb") as handle:
            raw = handle.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        for line in text.splitlines():
            word = line.split("/", 1)[0].strip().replace("’", "'")
            if not word or word.startswith("#") or word.isdigit():
                continue
            if any(c.isspace() or c == "\x00" for c in word):
                continue
            words.add(word if word.isascii() else unicodedata.normalize("NFC", word))
    return words


def _plain(word: str) -> bool:
    """Ordinary words and their capitalised forms: the ones variants are about."""
    return word.isalpha() and (word.islower() or word.istitle())


_FREQUENCIES: dict[str, float] = {}


def _frequencies() -> dict[str, float]:
    """wordfreq's English list as Zipf values (log10 per billion words); empty without it."""
    if not _FREQUENCIES:
        try:
            import wordfreq
        except ImportError:  # a declared dependency; suggestions then rank by edits alone
            return {}
        import math

        table: dict[str, float] = wordfreq.get_frequency_dict("en", wordlist="best")
        _FREQUENCIES.update(
            (word, math.log10(value) + 9) for word, value in table.items() if value > 0
        )
    return _FREQUENCIES


_CODE_STAMP: list[str] = []


def _code_stamp() -> str:
    if not _CODE_STAMP:
        parts = []
        for module in BUILD_MODULES:
            info = os.stat(module)
            parts.append(f"{os.path.basename(module)}:{info.st_size}:{info.st_mtime_ns}")
        _CODE_STAMP.append("\n".join(parts))
    return _CODE_STAMP[0]


def pairs_from(text: str) -> dict[str, str]:
    """The variant section as a dict: other-variety word (lower case) → ours or ""."""
    pairs: dict[str, str] = {}
    for line in text.split("\n"):
        other, _, ours = line.partition("\t")
        if other:
            pairs[other.lower()] = ours
    return pairs
