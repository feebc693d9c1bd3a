"""Complaints about people at work that no pattern names, found by a classifier that has
read many complaints and many courteous and neutral sentences (P5: "no negative
statements"; P7 and P8 letters stay courteous too).

Why: `tone_criticism.py` knows the idioms and the "target, then judgement" clause. On
real emails whose complaints a stranger planted, it caught 2 of 21: people complain
with the whole sentence ("Legal has had the draft since June and has not returned a
single comment", "it will be refreshing to work somewhere that plans ahead"), and each
writer finds other words. A linear model over a sentence's words, word pairs and word
stems, with the VADER lexicon's negative words and the people a letter can complain
about as classes, weighs all of them at once.

A sentence whose score passes the threshold draws a warning (the model can be wrong,
and the writer decides); the patterns' errors stay as they were. The threshold was set
on sentences the model did not learn from (`tone_model_train.py`).

Data: `data/complaints.bin` holds only hashed weights, learnt from sentences written for
Afterview and from sentences of public Enron emails (docs/writing.md, "Where the models
come from").
"""

from __future__ import annotations

import mmap
import re
import zlib
from collections.abc import Sequence
from functools import cache

from afterview.writing.checks import _packed as packed
from afterview.writing.checks._data import data_file
from afterview.writing.checks._util import word_set
from afterview.writing.findings import Finding, Severity
from afterview.writing.text import Document

DATA = data_file("complaints.bin")
MAGIC = b"AVC1"
BITS = 18  # 2**18 hashed weights: collisions among ~60,000 features stay rare
SCALE = 4096  # weights are kept as int16 / SCALE
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Who a complaint is about: the people and bodies of a workplace.
TARGETS = word_set(
    """boss bosses manager managers management supervisor supervisors director directors
    lead leads leadership team teams colleague colleagues coworker coworkers co-workers staff
    department hr recruiter recruiters interviewer interviewers panel company employer firm
    organisation organization business workplace office agency client clients vendor
    vendors supplier suppliers contractor contractors corporate legal finance procurement
    facilities accounting credit it ops executives executive ceo cfo cto vp founder founders
    owner board predecessor people everyone everybody nobody anyone they them he she him her
    their his whoever"""
)
# Target words that are also the head of a skill ("risk management"): a body of people
# only after a determiner or a word that ranks people ("the management", "upper
# management"), or opening the clause.
SKILL_HEADS = word_set("management leadership")
BEFORE_A_BODY = word_set(
    """<s> the our my their his her your its this that upper senior middle top new local
    and but so as because since"""
)
# Words that make a complaint a denial ("never late"), or a complaint ("never answers").
NEGATORS = word_set("not never no nothing nobody cannot")
# Words too common to mean anything alone: they count only in pairs.
FUNCTION_WORDS = word_set(
    """a an the i me my we our you your it its this that these those of to in on at for with
    by from and or but so as is are was were be been am do does did have has had will would
    can could shall should may might must just about into than then there here what which
    who when where how all any some"""
)
# Where a sentence divides into the clauses scored apart: a complaint is often one clause
# of a long, otherwise ordinary sentence ("..., since Legal sat on it for a week").
PIECE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[;:(),\u2013\u2014]")
PIECE_CASED = re.compile(PIECE.pattern, re.IGNORECASE)
BREAK_WORDS = word_set(
    "and but so because since although though while which as unless until when after before if"
)
CLASSES = ("!neg", "!tgt", "!not", "!neg&tgt", "!not&tgt", "!ex", "!ex&tgt")
# Words of exasperation: "as usual", "yet again", "for once", "if they ever", "of course".
# As a class they carry to phrasings no writer of the training sentences used: on 443
# complaints planted into Enron sentences, 57 -> 79 found by the model.
EXASPERATION = word_set(
    """usual again once apparently supposedly clearly actually whenever ever still bother
    bothered bothering finally course typical typically always never nobody yet"""
)


def words_and_units(sentence: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The sentence's words, and its units as ranges of them: the whole sentence, each
    clause (between punctuation and joining words), and each two clauses side by side."""
    words: list[str] = []
    parts: list[tuple[int, int]] = []
    start = 0
    for piece in PIECE.findall(sentence.lower().replace("\u2019", "'")):
        if piece[0].isalnum() and piece not in BREAK_WORDS:
            words.append(piece)
            continue
        if len(words) - start >= 2:
            parts.append((start, len(words)))
        if piece[0].isalnum():
            words.append(piece)  # a joining word belongs to the sentence, not to a clause
        start = len(words)
    if len(words) - start >= 2:
        parts.append((start, len(words)))
    units = [(0, len(words))]
    for i, (a, b) in enumerate(parts):
        units.append((a, b))
        if i + 1 < len(parts):
            units.append((a, parts[i + 1][1]))
    return words, units


def named(sentence: str) -> list[bool]:
    """For each word of `words_and_units`, whether it is a capitalised word after a
    lower-case one or a comma: a name ("unlike Crowder", "since Legal")."""
    flags: list[bool] = []
    previous = ""
    for piece in PIECE_CASED.findall(sentence.replace("\u2019", "'")):
        if piece[0].isalnum():
            flags.append(piece[0].isupper() and (previous[:1].islower() or previous == ","))
        previous = piece
    return flags


def worth_unit(
    words: Sequence[str], names: Sequence[bool], negative: frozenset[str], a: int, b: int
) -> bool:
    """A unit that names no one (a workplace word, a pronoun, a name) and has no negative,
    negating or exasperated word is not scored: "… and the way the service puts patients
    at the centre of every decision" is praise, whatever its words weigh."""
    previous = words[a - 1] if a else "<s>"
    for k in range(a, b):
        word = words[k]
        if (
            is_target(previous, word)
            or word in negative
            or word in NEGATORS
            or word.endswith("n't")
            or word in EXASPERATION
            or (k < len(names) and names[k])
        ):
            return True
        previous = word
    return False


def word_features(words: Sequence[str], i: int) -> list[str]:
    """Word i's own features: the word (not the commonest) and the stem of a long one."""
    word = words[i]
    if word in FUNCTION_WORDS:
        return []
    return [word, word[:6] + "~"] if len(word) > 6 else [word]


def is_target(previous: str, word: str) -> bool:
    """A workplace word naming people, not a skill: "vendor management", "people
    management", "team leadership" are things a candidate is good at."""
    if word in SKILL_HEADS:
        return previous in BEFORE_A_BODY
    return word in TARGETS


def word_classes(
    word: str, negative: frozenset[str], previous: str = "<s>"
) -> tuple[bool, bool, bool]:
    """A negative word of the lexicon, a workplace target, a negation."""
    return (
        word in negative,
        is_target(previous, word),
        word in NEGATORS or word.endswith("n't"),
    )


def features(words: Sequence[str], negative: frozenset[str]) -> list[str]:
    """The features of a run of words (a unit): words, pairs of words (the first paired
    with "<s>"), stems, the classes present and their pairs. What the model learns from;
    `Model.best` sums the same weights word by word."""
    found = ["^"]
    previous = "<s>"
    neg = tgt = neg_ = ex = False
    for i, word in enumerate(words):
        found += word_features(words, i)
        found.append(f"{previous} {word}")
        n, t, x = word_classes(word, negative, previous)
        neg, tgt, neg_, ex = neg or n, tgt or t, neg_ or x, ex or word in EXASPERATION
        previous = word
    present = (neg, tgt, neg_, neg and tgt, neg_ and tgt, ex, ex and tgt)
    found += [c for c, on in zip(CLASSES, present, strict=True) if on]
    return found


# A capitalised word after a lower-case word: a name ("unlike Crowder", "since Legal").
NAME_INSIDE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]")


def worth_scoring(sentence: str, words: Sequence[str], negative: frozenset[str]) -> bool:
    """Complaints name someone (a workplace word, a pronoun, a name) or use a negative or
    negating word: 91 % of the complaints written for the model do (`--evaluate`), and
    half the sentences of a thank-you note do not, which halves the model's cost."""
    for word in words:
        if word in TARGETS or word in negative or word in NEGATORS or word.endswith("n't"):
            return True
    return NAME_INSIDE.search(sentence) is not None


def slot(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & ((1 << BITS) - 1)


class Model:
    """Hashed weights read in place from the memory-mapped file, and the threshold."""

    __slots__ = ("threshold", "weights")

    def __init__(self, weights: Sequence[int], threshold: int) -> None:
        self.weights = weights
        self.threshold = threshold

    def best(self, sentence: str, negative: frozenset[str]) -> int | None:
        """The highest score of the sentence's units, each feature hashed once: a unit's
        score is the bias, its words' weights (prefix sums), its first word's pair with
        "<s>" in place of its pair with the word before, and its classes. None for a
        sentence with no one to complain about and no negative word (`worth_scoring`)."""
        w = self.weights
        words, units = words_and_units(sentence)
        if not words or not worth_scoring(sentence, words, negative):
            return None
        crc, mask = zlib.crc32, (1 << BITS) - 1
        own = [0]
        pair = [0]
        neg, tgt, not_, exasperated = [], [], [], []
        previous = "<s>"
        for word in words:
            total = own[-1]
            if word not in FUNCTION_WORDS:
                total += w[crc(word.encode()) & mask]
                if len(word) > 6:
                    total += w[crc(f"{word[:6]}~".encode()) & mask]
            own.append(total)
            pair.append(pair[-1] + w[crc(f"{previous} {word}".encode()) & mask])
            neg.append(word in negative)
            exasperated.append(word in EXASPERATION)
            tgt.append(is_target(previous, word))
            not_.append(word in NEGATORS or word.endswith("n't"))
            previous = word
        classes = [w[slot(c)] for c in CLASSES]
        bias = w[slot("^")]
        best = None
        names = named(sentence)
        for a, b in units:
            if not worth_unit(words, names, negative, a, b):
                continue
            score = bias + own[b] - own[a] + pair[b] - pair[a + 1]
            score += w[crc(f"<s> {words[a]}".encode()) & mask]
            # a unit's first word is read after "<s>", as in `features`
            n, x, e = any(neg[a:b]), any(not_[a:b]), any(exasperated[a:b])
            t = is_target("<s>", words[a]) or any(tgt[a + 1 : b])
            for weight, on in zip(classes, (n, t, x, n and t, x and t, e, e and t), strict=True):
                if on:
                    score += weight
            if best is None or score > best:
                best = score
        return best if best is not None else bias


@cache
def model() -> Model | None:
    """The shipped model, or None when the file is missing (a source tree before training)."""
    try:
        with open(DATA, "rb") as f:
            view = memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError):
        return None
    if bytes(view[:4]) != MAGIC:
        return None
    (threshold,), at = packed.table(view, 4, "i", 1)
    weights, _ = packed.table(view, at, "h", 1 << BITS)
    return Model(weights, threshold)


def to_bytes(weights: Sequence[float], threshold: float) -> bytes:
    """The file `model` reads: magic, the threshold and every weight, scaled to integers."""
    from array import array

    scaled = array("h", (max(-32767, min(32767, round(w * SCALE))) for w in weights))
    return MAGIC + packed.little(array("i", [round(threshold * SCALE)])) + packed.little(scaled)


MESSAGE = (
    "may read as criticism of an employer, a manager, colleagues or how they work, which "
    "reflects on the writer (P5: no negative statements). If it does, leave it out or say "
    "what you look forward to instead."
)
QUOTED_WORDS = 8  # the message quotes the sentence's start, so the reader finds it


def findings(
    doc: Document, skip: Sequence[tuple[int, int]], negative: frozenset[str]
) -> list[Finding]:
    """A warning for each sentence the model reads as a complaint, but those overlapping
    `skip` (courteous sentences, complaints the patterns already reported)."""
    found = model()
    if found is None:
        return []
    results = []
    text = doc.text
    for span in doc.sentences:
        if any(a < span.end and span.start < b for a, b in skip):
            continue
        score = found.best(text[span.start : span.end], negative)
        if score is None or score <= found.threshold:
            continue
        sentence = text[span.start : span.end].split()
        quoted = " ".join(sentence[:QUOTED_WORDS]) + ("…" if len(sentence) > QUOTED_WORDS else "")
        results.append(
            doc.finding(
                span.start,
                span.end - span.start,
                "tone.negative-statement",
                Severity.WARNING,
                f'"{quoted}" {MESSAGE}',
                (),
            )
        )
    return results
