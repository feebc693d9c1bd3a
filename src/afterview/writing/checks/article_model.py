"""Dropped articles ("define clear goal", "in long run", "show error message when")
found by a classifier that has read which singular nouns take "a" or "the" where, in
hundreds of thousands of noun phrases of edited prose (P5 "Checks before sending": the
same checks serve P7 and P8).

Why: the hand rule (`grammar_tagged.missing_article`) knows a list of countable nouns
and a few places an article is due; the n-gram model (`lm_slips.py`) sees three words
at a time and documentation's own phrasing. On texts never seen while writing them, two
dropped words in three were still missed, most of them articles. Whether a bare
singular noun is a slip depends on the noun ("information", "guidance", "research" go
bare; "goal", "message", "run" do not), on what comes before ("by default", "at risk",
"in practice") and after ("the end of"): a linear model learns those from usage.

For a noun phrase with no determiner whose head is a singular common noun, the model
scores three readings from the words around it: no article, "a"/"an", "the". A finding
needs an article to lead "no article" by a margin set on paragraphs the model did not
learn from (`article_model_train.py`), so that edited prose draws a warning rarely.
Findings are warnings; the fix puts the article before the phrase.

Data: `data/articles.bin` holds only derived weights, learnt from the documentation and
prose listed in docs/writing.md ("Where the models come from").
"""

from __future__ import annotations

import mmap
from array import array
from collections.abc import Iterator, Sequence
from functools import cache, partial

from afterview.writing.checks import _packed as packed
from afterview.writing.checks import lm_slips, ngram
from afterview.writing.checks._data import data_file
from afterview.writing.checks._util import match_case, word_set
from afterview.writing.checks.confusables import word_at
from afterview.writing.checks.grammar_classes import WARNING, Hit, Tok
from afterview.writing.checks.tagger import lexicon_flags

DATA = data_file("articles.bin")
# A bare noun the model leans to an article for by 70 % of its margin or more is reported
# when the n-gram counts read the article in 10^1.5 times likelier too: on the 3,190
# tuning sentences with "the"/"a"/"an" deleted, 29.6 -> 30.5 % caught, no more findings
# on 7,065 neutral sentences (with noun compounds too: 30.8 %, but four more).
SECONDED_SCALE = 0.7
SECONDED_GAIN = 1.5
CLASSES = ("none", "a", "the")
# Inside a noun phrase before its head.
MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "VBN", "VBG", "HYPH", "RB"})
# A phrase after these already has its determiner.
DETERMINED_BY = frozenset({"DT", "PRP$", "POS", "CD", "WP$", "PDT", "WDT"})
DETERMINER_WORDS = word_set(
    """a an the this that these those my your our their his her its no each every any
    some another what which whose such either neither one per much many more most
    less least enough several all both half whichever whatever"""
)
AFTER_NOT = word_set("'s ’s")
# "last week", "next month": "last" and "next" before a time need no article.
TIME_NOUNS = word_set(
    """week month year day time night morning afternoon evening quarter term season summer
    winter spring autumn fall weekend decade century hour minute round"""
)
# A bare noun after a preposition that English leaves bare, common in letters: the
# model, which learnt from documentation, is not sure enough of them.
IDIOMS = {
    "at": word_set(
        """heart risk stake hand home work school least best first last once length random
        times present night noon lunch interview"""
    ),
    "in": word_set(
        """practice principle fact general particular person time turn touch charge advance
        addition full part short brief total place use mind detail return private public
        common line progress writing future effect person hindsight summary conclusion"""
    ),
    "on": word_set(
        """time purpose board behalf hand site call demand track schedule average top foot
        paper record holiday leave"""
    ),
    "by": word_set("default email phone hand design name post chance far law mistake"),
    "for": word_set("example instance free sure now ever granted sale life lunch dinner interview"),
    "from": word_set("scratch home work memory"),
    "under": word_set("pressure review way control construction"),
}
# Adverbs the tagger may read as nouns: never the head of a phrase wanting an article.
ADVERBS_TAKEN_FOR_NOUNS = word_set(
    "anytime anyway anywhere everywhere somewhere nowhere sometime someday meantime overall"
)
VOWEL_SOUND_EXCEPTIONS = word_set("hour honest honour honor heir")
CONSONANT_SOUND_EXCEPTIONS = word_set(
    "one once user use useful usual usually unique unit united universal university euro european"
)


def head_at(words: Sequence[str], lows: Sequence[str], tags: Sequence[str], i: int) -> int | None:
    """The start of the bare noun phrase whose head is word i, or None if word i is not
    the head of one (a singular common noun, last of its compound, no determiner)."""
    if tags[i] != "NN" or not words[i].isalpha() or not words[i].islower():
        return None
    if lows[i] in ADVERBS_TAKEN_FOR_NOUNS:
        return None  # "call me anytime"
    if i + 1 < len(tags) and (tags[i + 1] in ("NN", "NNS", "NNP", "NNPS", "POS", "HYPH", "CD")):
        return None  # a modifier of the next noun, or "page 3"
    start = i
    while (
        start - 1 >= 0
        and tags[start - 1] in MODIFIER_TAGS
        and words[start - 1].islower()
        and lows[start - 1] not in ADVERBS_TAKEN_FOR_NOUNS  # "available anytime next week"
    ):
        start -= 1
    if (
        start > 0
        and start < i
        and (tags[start - 1] in DETERMINED_BY or lows[start - 1] in DETERMINER_WORDS)
    ):
        return None  # "a paired coding session": determined before its first modifier
    while start < i and tags[start] in ("RB", "HYPH", "VBG", "VBN"):
        start += 1  # "very", a hyphen, a verb ("by using data", "pushed sometime")
    if start < i and lows[start].endswith("ing") and start > 0 and tags[start - 1] in ("IN", "TO"):
        start += 1  # "to meeting team": a gerund and its object, not a compound
    if start > 0:
        before = lows[start - 1]
        if (
            tags[start - 1] in DETERMINED_BY
            or before in DETERMINER_WORDS
            or before in AFTER_NOT
            or (not words[start - 1][:1].isalnum() and before not in (",", "(", ";", ":", "—", "–"))
        ):
            return None  # already determined, or after an apostrophe, a slash, a quote
        if tags[start - 1] in ("NNP", "NNPS") or (words[start - 1][:1].isupper() and start - 1):
            return None  # "GOV.UK page", "Notify template": a name as modifier
    if any(lows[k] in ("and", "or") for k in range(start, i)) or any(
        lows[k].endswith(("'s", "’s", "s'", "s’")) for k in range(max(0, start - 1), i)
    ):
        return None  # a list; or "setting up yesterday's interview": a possessive determines it
    if _bare_by_idiom(lows, start, i):
        return None
    return start


def _bare_by_idiom(lows: Sequence[str], start: int, i: int) -> bool:
    """ "last week", "at heart", "by default", "for interview last week": English leaves
    these bare."""
    if lows[start] in ("last", "next") and lows[i] in TIME_NOUNS:
        return True
    if start == 0:
        return False
    idioms = IDIOMS.get(lows[start - 1], ())
    return (start == i and lows[i] in idioms) or (
        start < i and lows[i] in TIME_NOUNS and lows[start] in idioms
    )


def features(
    words: Sequence[str], lows: Sequence[str], tags: Sequence[str], start: int, i: int
) -> list[str]:
    """Context features of the bare phrase lows[start..i] (head i)."""

    low = partial(word_at, lows)

    def tag(k: int) -> str:
        return tags[k] if 0 <= k < len(tags) else "-X-"

    h = lows[i]
    p1, p2 = low(start - 1), low(start - 2)
    a1, a2 = low(i + 1), low(i + 2)
    first = lows[start]
    n_mod = i - start
    feats = [
        "b",
        "h " + h,
        "hs " + h[-3:],
        "p1 " + p1,
        "p2p1 " + p2 + " " + p1,
        "p1h " + p1 + " " + h,
        "pt1 " + tag(start - 1),
        "pt2pt1 " + tag(start - 2) + " " + tag(start - 1),
        "a1 " + a1,
        "a1a2 " + a1 + " " + a2,
        "ha1 " + h + " " + a1,
        "at1 " + tag(i + 1),
        "p1a1 " + p1 + " " + a1,
        "mods " + str(min(n_mod, 3)),
        "p1t1a1 " + tag(start - 1) + " " + a1,
    ]
    if n_mod:
        feats.append("m0 " + first)
        feats.append("m0h " + first + " " + h)
        feats.append("p1m0 " + p1 + " " + first)
        feats.extend("mt " + tags[k] for k in range(start, i))
    feats.extend("lxh " + f for f in lexicon_flags(h))
    if start == 0:
        feats.append("sent-start")
    return feats


def article_for(word: str) -> str:
    """ "a" or "an" before a word, by its first sound as far as spelling shows it."""
    low = word.lower()
    if low in VOWEL_SOUND_EXCEPTIONS:
        return "an"
    if low.startswith(tuple(CONSONANT_SOUND_EXCEPTIONS)) and not low.startswith("unus"):
        return "a"
    return "an" if low[:1] in "aeiou" else "a"


class Verdict:
    # A plain class, not a dataclass: each @dataclass costs ~1 ms of every `check` process.
    __slots__ = ("article", "head", "margin", "start")

    def __init__(self, start: int, head: int, article: str, margin: float) -> None:
        self.start = start
        self.head = head
        self.article = article
        self.margin = margin


class Model:
    """Weights per feature key (CRC-32, sorted) for the three readings, and the margin
    an article must lead "no article" by."""

    def __init__(self, margin: float, keys: Sequence[int], values: Sequence[int]):
        self.margin = margin
        self._keys = keys
        self._values = values

    def scores(self, feats: Sequence[str]) -> list[float]:
        out = [0.0, 0.0, 0.0]
        keys, values = self._keys, self._values
        for f in feats:
            at = packed.find(keys, f)
            if at >= 0:
                out[0] += values[3 * at]
                out[1] += values[3 * at + 1]
                out[2] += values[3 * at + 2]
        return [v / 1000 for v in out]

    def judge(
        self, words: Sequence[str], tags: Sequence[str], margin_scale: float = 1.0
    ) -> Iterator[Verdict]:
        lows = [w.lower().replace("’", "'") for w in words]
        for i in range(len(lows)):
            start = head_at(words, lows, tags, i)
            if start is None:
                continue
            scores = self.scores(features(words, lows, tags, start, i))
            best = 1 if scores[1] >= scores[2] else 2
            margin = scores[best] - scores[0]
            if margin > self.margin * margin_scale:
                article = article_for(words[start]) if best == 1 else "the"
                yield Verdict(start, i, article, margin)


def lead(scores: Sequence[float]) -> float:
    return max(scores[1], scores[2]) - scores[0]


MAGIC = "afterview articles 1"


def dumps(margin: float, rows: dict[str, list[int]]) -> bytes:
    """A text header (magic, key count, margin; padded to four bytes) then the keys
    (uint32) and the weights (int32 thousandths, three a key), little-endian. Colliding
    keys keep the stronger row."""
    by_key: dict[int, list[int]] = {}
    for feat, ws in rows.items():
        k = packed.key(feat)
        held = by_key.get(k)
        if held is None or max(map(abs, ws)) > max(map(abs, held)):
            by_key[k] = ws
    keys = sorted(by_key)
    head = f"{MAGIC}\n{len(keys)} {margin:.3f}"
    head += " " * (-(len(head) + 2) % 4) + "\n\n"
    return (
        head.encode("utf-8")
        + packed.little(array("I", keys))
        + packed.little(array("i", [v for k in keys for v in by_key[k]]))
    )


def loads(data: bytes | mmap.mmap) -> Model:
    view = memoryview(data)
    end = bytes(view[:200]).index(b"\n\n")
    magic, line = bytes(view[:end]).decode("utf-8").split("\n")
    if magic != MAGIC:
        raise ValueError("not an articles model")
    count, margin = line.split()
    keys, at = packed.table(view, end + 2, "I", int(count))
    values, _ = packed.table(view, at, "i", int(count) * 3)
    return Model(float(margin), keys, values)


@cache
def model() -> Model:
    """The shipped model, memory-mapped: a check reads the pages it needs, not the file."""
    with open(DATA, "rb") as f:
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    return loads(mapped)


def hits(toks: Sequence[Tok], tags: Sequence[str], lo: int, hi: int) -> Iterator[Hit]:
    """Findings of one sentence (tokens lo..hi, tags as the tagger gave them). The span is
    the phrase's first word and the fix puts the article before it ("clear" → "a
    clear"), as `lm_slips` marks a gap, so that a rule's finding on the phrase wins."""
    words = [toks[k].text for k in range(lo, hi)]
    shipped = model()
    padded: list[str] | None = None
    for v in shipped.judge(words, tags[lo:hi], SECONDED_SCALE):
        if v.margin <= shipped.margin:
            # below the model's own margin, the n-gram counts must second it, and only for
            # a noun on its own ("opportunity cost", "sample size" are compounds the
            # counts read as "an opportunity", "a sample")
            if v.start != v.head:
                continue
            if padded is None:
                padded = ngram.padded([toks[k].low for k in range(lo, hi)])
            gain = lm_slips.delta(ngram.model(), padded, "insert", v.start + 1, v.article)
            if gain <= SECONDED_GAIN:
                continue
        first, head = toks[lo + v.start], toks[lo + v.head]
        shown = first.text if v.start == v.head else f"{first.text} … {head.text}"
        if v.start == 0:  # "Page is" → "The page is"
            fix = f"{match_case(first.text, v.article)} {first.text[:1].lower()}{first.text[1:]}"
        else:
            fix = f"{v.article} {first.text}"
        yield Hit(
            first.start,
            first.end,
            "missing-word",
            WARNING,
            f'Is a word missing? "{shown}" reads as if it needs "{v.article}" before it.',
            fix,
        )
