"""The form a verb should take where it stands, judged from its context: agreement ("the
way you ask for dates depend"), and the form after a modal, "to", "has" or "be" ("can
used", "to answered", "has happen", "may struggling") (P5 "Checks before sending").

Why: the hand-written agreement rules find the subject's head through the tagger and
miss wherever the tagger misreads a slipped verb as a noun ("This component page show",
"if research show"); on sets never seen while writing them they caught under half the
agreement slips. Like `confusables.py`, a classifier learnt from millions of words of
published prose reads the context instead: for a word that is a form of a known verb,
it scores the forms the place asks for (base, -s, past, participle, -ing, or "not a
verb here") from the words around it and the tags before it, never from the word
itself. A finding needs a form the written word cannot be to lead every form it can be
(and "not a verb here") by a margin learnt on paragraphs the model did not learn from.

Data: `data/verb_forms.txt.gz`, weights only, learnt by `verb_forms_train.py` from the
corpus of docs/writing.md ("Where the models come from").
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from functools import cache

from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks import ngram
from afterview.writing.checks._data import data_file, read_bytes
from afterview.writing.checks._util import match_case, word_set
from afterview.writing.checks.confusables import features
from afterview.writing.checks.grammar_classes import WARNING, Hit, Tok

DATA = data_file("verb_forms.txt.gz")
CLASSES = ("X", "VB", "VBP", "VBZ", "VBD", "VBN", "VBG")
FROM_TAG = {t: t for t in CLASSES[1:]}
# (a form the word can be, the form the place asks for) pairs that are slips and not a
# writer's choice: agreement (-s or not), the base after a modal or "to", the participle
# after "has" or "been". Never a change of tense: "began" for "begins" is the writer's.
SLIPS = frozenset(
    {
        ("VBZ", "VBP"),
        ("VBP", "VBZ"),
        ("VBZ", "VB"),
        ("VBD", "VB"),
        ("VBN", "VB"),
        ("VBG", "VB"),
        ("VB", "VBN"),
        ("VB", "VBG"),
    }
)
# Auxiliaries and the verbs other rules read word by word, and adjectives that are verbs
# only in a rare sense ("to best someone", "tears well up": "was well below" is an adverb).
SKIP = word_set(
    """be is are am was were been being have has had having do does did doing done
    can could may might must shall should will would need dare ought best better worst
    last well"""
)
VOWELS = "aeiou"
# "One of the people thinks": the subject is the word before "of", not the plural after.
ONE_OF = word_set("one each either neither none every any which")


def third(base: str) -> str:
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and len(base) > 2 and base[-2] not in VOWELS:
        return base[:-1] + "ies"
    return base + "s"


# Longer verbs stressed on their last syllable double it too: "submitting", "referred".
# (Not those in -l, which double in British spelling only: "travelling", "traveling".)
DOUBLING = word_set(
    """admit commit submit omit permit emit transmit remit acquit equip format refer prefer
    confer defer infer transfer occur incur recur deter forget begin regret upset outfit
    embed allot rebut abet kidnap"""
)


def _doubles(base: str) -> bool:
    """A short verb ending consonant-vowel-consonant doubles it: stop, stopped, stopping."""
    return base in DOUBLING or (
        (len(base) == 3 or (len(base) == 4 and base[0] not in VOWELS))  # not "open", "edit"
        and base[-1] not in VOWELS + "wxy"
        and base[-2] in VOWELS
        and base[-3] not in VOWELS
    )


def regular_ed(base: str) -> str:
    if _doubles(base):
        return base + base[-1] + "ed"
    return lex.participle(base)


def past(base: str) -> str:
    irregular = lex.IRREGULAR.get(base)
    return irregular.past if irregular else regular_ed(base)


def participle(base: str) -> str:
    irregular = lex.IRREGULAR.get(base)
    return irregular.participle if irregular else regular_ed(base)


def ing(base: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")) and len(base) > 2:
        return base[:-1] + "ing"
    return base + base[-1] + "ing" if _doubles(base) else base + "ing"


def forms(base: str) -> dict[str, str]:
    return {
        "VB": base,
        "VBP": base,
        "VBZ": third(base),
        "VBD": past(base),
        "VBN": participle(base),
        "VBG": ing(base),
    }


def ing_base(word: str) -> str | None:
    if not word.endswith("ing") or len(word) < 6:
        return None
    stem = word[:-3]
    for candidate in (
        stem,
        stem + "e",
        stem[:-1] if stem[-1:] == stem[-2:-1] else "",
        stem[:-1] + "ie" if stem.endswith("y") else "",
    ):
        if candidate and lex.is_verb(candidate) and ing(candidate) == word:
            return candidate
    return None


def _ed_base(word: str) -> str | None:
    """The base of a regular past form, short ones included ("used" -> "use")."""
    if not word.endswith("ed") or len(word) < 4:
        return None
    stem = word[:-2]
    for candidate in (stem + "e", stem, stem[:-1], stem[:-1] + "y"):
        if candidate and lex.is_verb(candidate) and regular_ed(candidate) == word:
            return candidate
    return None


@cache
def lemma(word: str) -> str | None:
    """The one verb base the word is a form of, or None (not a verb, or more than one)."""
    if word in SKIP or "'" in word:
        return None
    readings = set()
    if lex.is_verb(word):
        readings.add(word)
    bases = (lex.third_person_base(word), lex.past_base(word), _ed_base(word), ing_base(word))
    for base in bases:
        if base is not None:
            readings.add(base)
    irregular = lex.IRREGULAR_PARTICIPLE.get(word)
    if irregular is not None:
        readings.add(irregular.base)
    readings = {b for b in readings if word in forms(b).values()}
    return readings.pop() if len(readings) == 1 else None


def candidate(words: Sequence[str], lows: Sequence[str], i: int) -> str | None:
    """The verb base of word i if it is one to judge: not capitalised (a name, a title, an
    imperative) and not part of a hyphenated compound ("back-end")."""
    if words[i][:1].isupper() or "-" in (
        lows[i - 1] if i else "",
        lows[i + 1] if i + 1 < len(lows) else "",
    ):
        return None
    return lemma(lows[i])


def possible(word: str, base: str) -> set[str]:
    """The classes the written word can stand for, "not a verb here" always among them."""
    return {"X"} | {c for c, surface in forms(base).items() if surface == word}


def context(
    words: Sequence[str], lows: Sequence[str], tags: Sequence[str], i: int, base: str
) -> list[str]:
    feats = features(words, lows, tags, i)
    known = lex.tagger_classes()
    if base in known.nouns:
        feats.append("lemma-noun")
    if base in known.adjectives:
        feats.append("lemma-adj")
    return feats


class Model:
    def __init__(self, margins: dict[str, float], rows: dict[str, str]):
        self.margins = margins  # written class ("BASE", "VBZ", …) -> margin
        self._rows = rows
        self._parsed: dict[str, tuple[float, ...]] = {}

    @classmethod
    def from_weights(cls, margins: dict[str, float], weights: dict[str, list[float]]) -> Model:
        """A model straight from the trainer's weights (no file in between)."""
        model = cls(margins, {})
        model._parsed = {f: tuple(ws) for f, ws in weights.items()}
        return model

    def scores(self, feats: Sequence[str]) -> list[float]:
        out = [0.0] * len(CLASSES)
        for f in feats:
            row = self._parsed.get(f)
            if row is None:
                raw = self._rows.get(f)
                if raw is None:
                    continue
                row = self._parsed[f] = tuple(int(v) / 1000 for v in raw.split(","))
            for k, v in enumerate(row):
                out[k] += v
        return out


def alarm(scores: Sequence[float], word: str, base: str) -> tuple[str, float] | None:
    """The best form the word cannot be and by how much it leads every form it can be."""
    mine = possible(word, base)
    surfaces = forms(base)
    held = max(scores[CLASSES.index(c)] for c in mine)
    alts = [
        c
        for c in CLASSES[1:]
        if c not in mine and surfaces[c] != word and any((p, c) in SLIPS for p in mine)
    ]
    if not alts:
        return None
    best = max(alts, key=lambda c: scores[CLASSES.index(c)])
    return best, scores[CLASSES.index(best)] - held


def written_class(word: str, base: str) -> str:
    mine = possible(word, base) - {"X"}
    for c in ("VBZ", "VBG", "VBN", "VBD", "VB"):
        if c in mine:
            return c
    return "VB"


def dumps(margins: dict[str, float], rows: dict[str, list[int]]) -> bytes:
    lines = ["#margins " + " ".join(f"{c}={m:.3f}" for c, m in sorted(margins.items()))]
    lines += [f + "\t" + ",".join(str(v) for v in ws) for f, ws in sorted(rows.items())]
    import gzip

    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), 9, mtime=0)


def loads(data: bytes) -> Model:
    text = zlib.decompress(data, 31).decode("utf-8")  # gzip's wrapper, without its import
    head, _, body = text.partition("\n")
    margins = {k: float(v) for k, _, v in (p.partition("=") for p in head.split()[1:])}
    it = iter(body.replace("\t", "\n").split("\n"))
    return Model(margins, dict(zip(it, it, strict=False)))


@cache
def model() -> Model:
    return loads(read_bytes(DATA))


# As in `confusables.py`: a form the model prefers by 0.3 to 1 of its margin is reported
# when the n-gram counts find it ten times likelier in its window, for the one change
# that showed no false warning on the tuning texts and the tests' letters: the participle
# for a base or past form ("is evaluate" → "evaluated", "have build" → "built"). On the
# tuning sets: 15 more slips, no more warnings (docs/benchmarks.md, round 10).
SECONDED = frozenset({("VBN", "VB"), ("VBN", "VBD"), ("VBG", "VB")})
SECOND_SCALE = 0.3
NOUN_SCALE = 0.45
SECOND_GAIN = 1.0


def _seconded(lows: Sequence[str], i: int, written: str, best: str, fix: str, lean: float) -> bool:
    if (best, written) not in SECONDED:
        return False  # a number asks for the subject ("I suggest that he meet")
    known = lex.tagger_classes()
    if lows[i] in known.adjectives:
        return False  # "people can be open": an adjective, not a participle
    if best == "VBG" and lean <= NOUN_SCALE and lows[i] in known.nouns:
        return False  # "To start work on": a noun where "-ing" would also read well
    gain = ngram.swap_gain(ngram.model(), ngram.padded(lows), i + 1, fix)
    return gain > SECOND_GAIN


# Verbs and adjectives after which "that" + subject + plain verb is the subjunctive.
MANDATIVE_STEMS = (
    "suggest",
    "recommend",
    "insist",
    "ask",
    "request",
    "require",
    "demand",
    "propos",
    "advis",
    "urg",
    "essential",
    "important",
    "vital",
    "necessary",
    "crucial",
    "imperative",
)


def mandative_before(lows: Sequence[str], i: int) -> bool:
    """ "We are proposing that it replace", "I suggest that he meet": within a few words
    before the verb, "that" after a word that asks for the subjunctive."""
    for k in range(max(1, i - 5), i):
        if lows[k] == "that" and lows[k - 1].startswith(MANDATIVE_STEMS):
            return True
    return False


def _wh_clause_subject(lows: Sequence[str], i: int) -> bool:
    """ "What they did matters", "I did reports for them": after a subject, "did"/"do"
    is the verb itself (ending a clause that is a subject, or before its object), not
    an auxiliary before the word."""
    return (
        i >= 2
        and lows[i - 1] in ("did", "does", "do")
        and lows[i - 2] in ("they", "we", "you", "i", "he", "she", "it", "people")
        and (lows[i].endswith("s") or (i >= 3 and lows[i - 3] in ("what", "how", "whatever")))
    )


POSSESSIVE_BEFORE = frozenset({"is", "was", "are", "were", "be", "been", "of", "'s"})


def hits(toks: Sequence[Tok], tags: Sequence[str], lo: int, hi: int) -> Iterator[Hit]:
    """Findings of one sentence (tokens lo..hi, tags as the tagger gave them)."""
    words = [toks[k].text for k in range(lo, hi)]
    # "IT support": information technology, not the pronoun the model knows as "it"
    lows = [toks[k].low if toks[k].text != "IT" else "IT" for k in range(lo, hi)]
    sent_tags = tags[lo:hi]
    m = model()
    for i, w in enumerate(lows):
        base = candidate(words, lows, i)
        if base is None or (w in ("guys", "folks") and i and lows[i - 1] == "you"):
            continue  # "you guys had": a noun, not "to guy"
        if w == "mine" and i and lows[i - 1] in POSSESSIVE_BEFORE:
            continue  # "the delay was mine", "a friend of mine": the pronoun, not "to mine"
        found = alarm(m.scores(context(words, lows, sent_tags, i, base)), w, base)
        if found is None:
            continue
        best, margin = found
        written = written_class(w, base)
        full = m.margins.get(written, float("inf"))
        if margin <= full * SECOND_SCALE or (
            margin <= full
            and not _seconded(lows, i, written, best, forms(base)[best], margin / full)
        ):
            continue
        if best == "VB" and _wh_clause_subject(lows, i):
            continue
        if best == "VBZ" and written == "VB" and mandative_before(lows, i):
            continue  # "proposing that it replace": the subjunctive
        if best == "VBP" and any(
            lows[k] == "of" and lows[k - 1] in ONE_OF for k in range(max(1, i - 8), i)
        ):
            continue
        fix = match_case(words[i], forms(base)[best])
        agreement = best in ("VBZ", "VBP") and written_class(w, base) in ("VB", "VBZ")
        slug = "agreement" if agreement else "verb-form"
        why = (
            "Does the verb agree with its subject?"
            if agreement
            else "Is this the form the words before it ask for?"
        )
        tok = toks[lo + i]
        yield Hit(tok.start, tok.end, slug, WARNING, f'Did you mean "{fix}"? {why}', fix)
