"""Words that sound or look alike, told apart by what surrounds them: a classifier per
confusion set, learnt from a few million words of published prose (P5 "Checks before
sending": "double check your spelling, grammar and content").

Why: the hand-written homophone rules (`grammar_classes.py`, `grammar_tagged.py`) catch
the phrasings they were written for and few others: on slips never seen while writing
them they caught about three in four. A classifier that has read "their" and "there"
thousands of times in context generalises where a pattern cannot ("reduces there
impact", "when their entering"). The idea is the classic one for context-sensitive
spelling (a linear model over the words and tags around the word, Golding and Roth's
Winnow); the model here is our own averaged perceptron.

For a word of a set (its/it's, their/there/they're, …) the model scores every member
of the set from the context alone: the words around it, their suffixes and word
classes, and the part-of-speech tags *before* it (the tagger reads left to right, so
those tags do not depend on the word being judged). The written word itself is not a
feature, so a slip and its correction get the same prediction. A finding needs the
model to prefer another member by a margin learnt per set on text it was not trained
on (`confusables_train.py`), set so that correct words are flagged rarely, or to lean to
it by less and the n-gram counts to second it (`SECOND_SCALE`, `SECOND_GAIN`).

Data: `data/confusables.bin` holds only derived weights, learnt from the
documentation and prose listed in docs/writing.md ("Where the models come from").
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from functools import cache, partial

from afterview.writing.checks import _packed as packed
from afterview.writing.checks import ngram
from afterview.writing.checks._data import data_file, read_bytes
from afterview.writing.checks._util import match_case, word_set
from afterview.writing.checks.grammar_classes import WARNING, Hit, Tok
from afterview.writing.checks.tagger import lexicon_flags

DATA = data_file("confusables.bin")

# set name -> (members, rule slug, message). A member may sit in more than one set.
SETS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "its": (
        ("its", "it's"),
        "its-its",
        '"it\'s" = "it is" / "it has"; "its" = belonging to it.',
    ),
    "their": (
        ("their", "there", "they're"),
        "their-there",
        '"their" = belonging to them; "there" = that place / "there is"; "they\'re" = "they are".',
    ),
    "your": (
        ("your", "you're"),
        "your-youre",
        '"you\'re" = "you are"; "your" = belonging to you.',
    ),
    "to": (
        ("to", "too"),
        "to-too",
        '"too" = also / excessively; "to" = towards, or before a verb.',
    ),
    "then": (("then", "than"), "then-than", '"than" compares; "then" = next / at that time.'),
    "affect": (
        ("affect", "effect"),
        "affect-effect",
        '"affect" is usually the verb; "effect" the noun (a result).',
    ),
    "affects": (
        ("affects", "effects"),
        "affect-effect",
        '"affects" is usually the verb; "effects" the noun (results).',
    ),
    "lose": (("lose", "loose"), "lose-loose", '"lose" = fail to keep; "loose" = not tight.'),
    "whose": (
        ("whose", "who's"),
        "whose-whos",
        '"who\'s" = "who is"; "whose" = belonging to whom.',
    ),
    "theres": (
        ("there's", "theirs"),
        "their-there",
        '"there\'s" = "there is"; "theirs" = belonging to them; "their\'s" is not a word.',
    ),
    "were": (
        ("were", "where", "we're"),
        "were-where",
        '"were" = past of "are"; "where" = at which place; "we\'re" = "we are".',
    ),
}
# Never right: judged as the set's best reading whatever the margin.
NOT_WORDS = {"their's": "theres", "theirs'": "theres"}
MEMBERS: dict[str, tuple[str, ...]] = {w: (name,) for w, name in NOT_WORDS.items()}
for _name, (_words, _slug, _why) in SETS.items():
    for _w in _words:
        MEMBERS[_w] = (*MEMBERS.get(_w, ()), _name)

LEFT = ("-S1-", "-S2-")
RIGHT = ("-E1-", "-E2-")
BAG = 5  # words this far away count as a bag, without their place


def shape(word: str) -> str:
    if any(c.isdigit() for c in word):
        return "digit"
    if len(word) > 1 and word.isupper():
        return "upper"
    if word[:1].isupper():
        return "title"
    if not word[:1].isalpha():
        return "punct"
    return "lower"


def word_at(lows: Sequence[str], k: int) -> str:
    """The word at k, or a marker for the two places before the start and after the end."""
    if k < 0:
        return LEFT[min(-k - 1, 1)]
    if k >= len(lows):
        return RIGHT[min(k - len(lows), 1)]
    return lows[k]


def features(words: Sequence[str], lows: Sequence[str], tags: Sequence[str], i: int) -> list[str]:
    """Context features of position i (the word at i is left out on purpose)."""

    low = partial(word_at, lows)

    def tag(k: int) -> str:
        return tags[k] if 0 <= k < len(tags) else "-S-"

    b1, b2, a1, a2 = low(i - 1), low(i - 2), low(i + 1), low(i + 2)
    t1, t2 = tag(i - 1), tag(i - 2)
    feats = [
        "b",
        "w-1 " + b1,
        "w-2 " + b2,
        "w+1 " + a1,
        "w+2 " + a2,
        "w-2-1 " + b2 + " " + b1,
        "w-1+1 " + b1 + " " + a1,
        "w+1+2 " + a1 + " " + a2,
        "t-1 " + t1,
        "t-2-1 " + t2 + " " + t1,
        "t-1w+1 " + t1 + " " + a1,
        "s+1 " + a1[-3:],
        "s+2 " + a2[-3:],
        "s-1 " + b1[-3:],
        "p+1 " + a1[:2],
    ]
    if i + 1 < len(words):
        feats.append("sh+1 " + shape(words[i + 1]))
        feats.extend("lx+1 " + f for f in lexicon_flags(a1))
        feats.extend(f"t-1lx+1 {t1} {f}" for f in lexicon_flags(a1))
    if i + 2 < len(words):
        feats.extend("lx+2 " + f for f in lexicon_flags(a2))
    if i > 0:
        feats.extend("lx-1 " + f for f in lexicon_flags(b1))
    feats.extend("bl " + lows[k] for k in range(max(0, i - BAG), max(0, i - 2)))
    feats.extend("br " + lows[k] for k in range(i + 3, min(len(lows), i + 1 + BAG)))
    return feats


class Verdict:
    # A plain class, not a dataclass: each @dataclass costs ~1 ms of every `check` process.
    __slots__ = ("best", "index", "margin", "set_name")

    def __init__(self, index: int, set_name: str, best: str, margin: float) -> None:
        self.index = index  # token position in the sentence
        self.set_name = set_name
        self.best = best
        self.margin = margin


class Model:
    """Per set: a margin per written member (how far another member must lead before
    that word is called a slip), and the weights: a sorted array of feature keys (CRC-32
    of the feature's text) and, beside it, each key's weight per member. Looked up by
    bisection, so nothing is parsed or built when the model loads."""

    def __init__(
        self,
        margins: dict[str, tuple[float, ...]],
        tables: dict[str, tuple[array[int], array[int]]],
    ):
        self.margins = margins
        self._tables = tables

    def weights(self, set_name: str, feature: str) -> tuple[float, ...] | None:
        keys, values = self._tables[set_name]
        at = packed.find(keys, feature)
        if at < 0:
            return None
        n = len(SETS[set_name][0])
        return tuple(v / 1000 for v in values[at * n : at * n + n])

    def scores(self, set_name: str, feats: Sequence[str]) -> list[float]:
        n = len(SETS[set_name][0])
        out = [0.0] * n
        for f in feats:
            row = self.weights(set_name, f)
            if row is not None:
                for k in range(n):
                    out[k] += row[k]
        return out

    def judge(
        self, words: Sequence[str], tags: Sequence[str], margin_scale: float = 1.0
    ) -> Iterator[Verdict]:
        """Every member word of the sentence whose set prefers another member by more
        than that set's margin."""
        lows = [w.lower().replace("’", "'") for w in words]
        for i, w in enumerate(lows):
            if i + 1 < len(lows) and lows[i + 1] == ":":
                continue  # "To:" of a header, "there:" of a label
            for set_name in MEMBERS.get(w, ()):
                if set_name not in self._tables:
                    continue
                members = SETS[set_name][0]
                scores = self.scores(set_name, features(words, lows, tags, i))
                best = max(range(len(members)), key=scores.__getitem__)
                if w in NOT_WORDS:
                    yield Verdict(i, set_name, members[best], float("inf"))
                    continue
                mine = members.index(w)
                margin = scores[best] - scores[mine]
                if margin > self.margins[set_name][mine] * margin_scale:
                    yield Verdict(i, set_name, members[best], margin)


MAGIC = "afterview confusables 1"


def dumps(margins: dict[str, tuple[float, ...]], rows: dict[str, dict[str, list[int]]]) -> bytes:
    """A text header (a line per set: name, keys, margins) and, per set, its keys (uint32)
    then its weights (int32, thousandths), little-endian. Two features of a set whose
    keys collide keep the stronger one's weights (a handful in 40,000)."""
    head = [MAGIC]
    blobs: list[bytes] = []
    for name in sorted(rows):
        by_key: dict[int, list[int]] = {}
        for feat, ws in rows[name].items():
            key = packed.key(feat)
            held = by_key.get(key)
            if held is None or max(map(abs, ws)) > max(map(abs, held)):
                by_key[key] = ws
        keys = sorted(by_key)
        head.append(f"{name} {len(keys)} " + " ".join(f"{m:.3f}" for m in margins[name]))
        blobs.append(packed.little(array("I", keys)))
        blobs.append(packed.little(array("i", [v for k in keys for v in by_key[k]])))
    return ("\n".join(head) + "\n\n").encode("utf-8") + b"".join(blobs)


def loads(data: bytes) -> Model:
    end = data.index(b"\n\n")
    magic, *lines = data[:end].decode("utf-8").split("\n")
    if magic != MAGIC:
        raise ValueError("not a confusables model")
    at = end + 2
    margins: dict[str, tuple[float, ...]] = {}
    tables: dict[str, tuple[array[int], array[int]]] = {}
    for line in lines:
        name, count, *margin = line.split()
        n_keys, n = int(count), len(SETS[name][0])
        keys, at = packed.read("I", data, at, n_keys)
        values, at = packed.read("i", data, at, n_keys * n)
        margins[name] = tuple(float(m) for m in margin)
        tables[name] = (keys, values)
    return Model(margins, tables)


@cache
def model() -> Model:
    return loads(read_bytes(DATA))


# A reading the model prefers by less than its margin, but by at least this share of it,
# is reported when the n-gram model (`ngram.py`) also finds it more than ten times likelier
# in its five-word window (log10 units): two models that learnt from different evidence
# rarely agree by chance. On the tuning sets this found 32 more homophones for two more
# warnings on their unmodified texts (one of them a real slip, "when then field is
# focussed"); docs/benchmarks.md, round 10.
SECOND_SCALE = 0.3
SECOND_GAIN = 1.0
# Where the n-gram counts (from documentation) mislead on letters: "effect change" is
# an idiom, "to many people" is as common as "too many", and "you're right" reads less
# likely than "your right (to)".
NOT_SECONDED = frozenset({"affect", "affects"})
YOURE_PHRASES = word_set(
    """right welcome sure able ready correct wrong free happy interested going looking
    not also still just now here there doing well fine okay ok safe busy aware back home
    all done set invited coming staying enjoying settling having keeping feeling"""
)
# After a question's opening "Were": its subject ("Were the files sent?").
QUESTION_OPENERS = word_set("the your my our their his her these those you we they all any")
# An -ing word this often after "the" is a noun: "your building", "your meeting".
NOUN_ING = 200
# "than" needs a comparative before it in the sentence.
COMPARATIVES = frozenset({"JJR", "RBR"})
COMPARATIVE_WORDS = frozenset({"more", "less", "fewer", "rather", "other", "else", "different"})


def _seconded(
    toks: Sequence[Tok], tags: Sequence[str], lo: int, hi: int, index: int, fix: str
) -> bool:
    written = toks[lo + index].low.replace("’", "'")
    after = toks[lo + index + 1].low if lo + index + 1 < hi else ""
    if (
        (fix == "too" and after in ("many", "much"))
        or (written == "you're" and after in YOURE_PHRASES)
        or (
            fix == "you're"
            and after.endswith("ing")
            and ngram.model().count(("the", after)) >= NOUN_ING
        )
    ):
        return False
    if fix == "than" and not any(
        tags[k] in COMPARATIVES or toks[k].low in COMPARATIVE_WORDS for k in range(lo, lo + index)
    ):
        return False
    words = ngram.padded([toks[k].low for k in range(lo, hi)])
    return ngram.swap_gain(ngram.model(), words, index + 1, fix) > SECOND_GAIN


def _hyphened_next(toks: Sequence[Tok], k: int, hi: int) -> bool:
    """Is the word after k the first part of a hyphened compound ("in-laws")?"""
    if k + 3 >= hi:
        return False
    first, hyphen, second = toks[k + 1], toks[k + 2], toks[k + 3]
    return hyphen.text in ("-", "‐") and first.end == hyphen.start and hyphen.end == second.start


def hits(toks: Sequence[Tok], tags: Sequence[str], lo: int, hi: int) -> Iterator[Hit]:
    """Findings of one sentence (tokens lo..hi, tags as the tagger gave them): the model's
    own, and those it leans to that the n-gram model seconds."""
    words = [toks[k].text for k in range(lo, hi)]
    m = model()
    for v in m.judge(words, tags[lo:hi], margin_scale=SECOND_SCALE):
        tok = toks[lo + v.index]
        written = tok.low.replace("’", "'")
        members, slug, why = SETS[v.set_name]
        weak = written not in NOT_WORDS and (
            v.margin <= m.margins[v.set_name][members.index(written)]
        )
        if weak and (
            v.set_name in NOT_SECONDED or not _seconded(toks, tags, lo, hi, v.index, v.best)
        ):
            continue
        if written == "their" and _hyphened_next(toks, lo + v.index, hi):
            continue  # "Their in-laws", "their on-call rota": a compound noun owned
        after = toks[lo + v.index + 1].low if lo + v.index + 1 < hi else ""
        if written == "you're" and after in YOURE_PHRASES:
            continue  # "I hope you're well", "you're welcome": whatever the counts say
        if (
            written == "were"
            and v.index == 0
            and after in QUESTION_OPENERS
            and toks[hi - 1].text == "?"
        ):
            continue  # "Were the meetings moved?": a question ("Where" would want its "were")
        curly = "’" in tok.text
        fix = match_case(tok.text, v.best.replace("'", "’") if curly else v.best)
        yield Hit(tok.start, tok.end, slug, WARNING, f'Did you mean "{fix}"? {why}', fix)
