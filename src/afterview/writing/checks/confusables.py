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
on (`confusables_train.py`), set so that correct words are flagged rarely.

Data: `data/confusables.txt.gz` holds only derived weights, learnt from the
documentation and prose listed in docs/writing.md ("Where the models come from").
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from afterview.writing.checks._util import match_case
from afterview.writing.checks.grammar_classes import WARNING, Hit, Tok
from afterview.writing.checks.tagger import lexicon_flags

DATA = Path(__file__).parent / "data" / "confusables.txt.gz"

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


def features(words: Sequence[str], lows: Sequence[str], tags: Sequence[str], i: int) -> list[str]:
    """Context features of position i (the word at i is left out on purpose)."""

    def low(k: int) -> str:
        if k < 0:
            return LEFT[min(-k - 1, 1)]
        if k >= len(lows):
            return RIGHT[min(k - len(lows), 1)]
        return lows[k]

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


@dataclass(frozen=True)
class Verdict:
    index: int  # token position in the sentence
    set_name: str
    best: str
    margin: float


class Model:
    """Per set: a margin per written member (how far another member must lead before
    that word is called a slip), and weights feature -> member weights (parsed lazily)."""

    def __init__(
        self, margins: dict[str, tuple[float, ...]], rows: dict[str, dict[str, str] | str]
    ):
        self.margins = margins
        self._rows = rows  # a set's rows stay one string until a word of the set is met
        self._parsed: dict[tuple[str, str], tuple[float, ...]] = {}

    def _table(self, set_name: str) -> dict[str, str]:
        table = self._rows[set_name]
        if isinstance(table, str):
            it = iter(re.split("[\t\n]", table.strip("\n")))  # key, value, key, value, …
            table = self._rows[set_name] = dict(zip(it, it, strict=False))
        return table

    def weights(self, set_name: str, feature: str) -> tuple[float, ...] | None:
        key = (set_name, feature)
        row = self._parsed.get(key)
        if row is None:
            raw = self._table(set_name).get(feature)
            if raw is None:
                return None
            row = tuple(int(v) / 1000 for v in raw.split(","))
            self._parsed[key] = row
        return row

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
                if set_name not in self._rows:
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


def dumps(margins: dict[str, tuple[float, ...]], rows: dict[str, dict[str, list[int]]]) -> bytes:
    lines = []
    for set_name in sorted(rows):
        lines.append(f"#set {set_name} " + " ".join(f"{m:.3f}" for m in margins[set_name]))
        for feat, ws in sorted(rows[set_name].items()):
            lines.append(feat + "\t" + ",".join(str(v) for v in ws))
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), 9, mtime=0)


def loads(data: bytes) -> Model:
    """The model, each set's weights left unparsed until first use (most letters meet
    only some of the sets, and parsing all of them costs more than the check)."""
    text = gzip.decompress(data).decode("utf-8")
    margins: dict[str, tuple[float, ...]] = {}
    rows: dict[str, dict[str, str] | str] = {}
    at = text.find("#set ")
    while at != -1:
        head_end = text.index("\n", at)
        name, *margin = text[at + 5 : head_end].split()
        nxt = text.find("\n#set ", head_end)
        margins[name] = tuple(float(m) for m in margin)
        rows[name] = text[head_end + 1 : nxt + 1 if nxt != -1 else len(text)]
        at = nxt + 1 if nxt != -1 else -1
    return Model(margins, rows)


@cache
def model() -> Model:
    return loads(DATA.read_bytes())


def hits(toks: Sequence[Tok], tags: Sequence[str], lo: int, hi: int) -> Iterator[Hit]:
    """Findings of one sentence (tokens lo..hi, tags as the tagger gave them)."""
    words = [toks[k].text for k in range(lo, hi)]
    for v in model().judge(words, tags[lo:hi]):
        tok = toks[lo + v.index]
        _members, slug, why = SETS[v.set_name]
        curly = "’" in tok.text
        fix = match_case(tok.text, v.best.replace("'", "’") if curly else v.best)
        yield Hit(tok.start, tok.end, slug, WARNING, f'Did you mean "{fix}"? {why}', fix)
