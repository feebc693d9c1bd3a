"""Word classes for the grammar rules: a small closed-class lexicon written here, plus
open-class hints derived once from data Afterview already ships.

Why: "reports is sent", "it help", "will exposes", "there heads" are slips only because
of the classes of the words around them, and a list of example words never covers the
next email. The classes come from English morphology over the bundled SCOWL lists
(`writing/spelling/data`), kept to words wordfreq ranks as common:

- V: a verb base: SCOWL has both its -ed and its -ing form ("improve": improved, improving);
  irregular verbs come from IRREGULAR below;
- A: a comparable adjective: SCOWL has its -er and -est forms ("high", "easy");
- N: a word with an -s plural or third-person form ("report": reports).

`data/word_classes.txt.gz` (~50 kB) is the result; `python -m
afterview.writing.checks.grammar_lexicon` rebuilds it. Nothing is downloaded and the
file is read once per process, on the first check that needs it.
"""

from __future__ import annotations

import os
import zlib
from functools import cache

from afterview.writing.checks._data import data_file, read_bytes

DATA = data_file("word_classes.txt.gz")

# base past participle (general knowledge: the common irregular verbs of English).
IRREGULAR_TABLE = """
be was been; become became become; begin began begun; bring brought brought;
build built built; buy bought bought; choose chose chosen; come came come; do did done;
draw drew drawn; drink drank drunk; drive drove driven; eat ate eaten; fall fell fallen;
feel felt felt; find found found; fly flew flown; forget forgot forgotten;
get got gotten; give gave given; go went gone; grow grew grown; have had had;
hear heard heard; hold held held; keep kept kept; know knew known; lead led led;
leave left left; lend lent lent; lose lost lost; make made made; mean meant meant;
meet met met; pay paid paid; ride rode ridden; rise rose risen; run ran run; say said said;
see saw seen; seek sought sought; sell sold sold; send sent sent; show showed shown;
sing sang sung; sit sat sat; sleep slept slept; speak spoke spoken; spend spent spent;
stand stood stood; steal stole stolen; swim swam swum; take took taken; teach taught taught;
tell told told; think thought thought; throw threw thrown; understand understood understood;
wake woke woken; wear wore worn; win won won; write wrote written; break broke broken;
arise arose arisen; forgive forgave forgiven; undertake undertook undertaken;
withdraw withdrew withdrawn; overcome overcame overcome; shake shook shaken;
hide hid hidden; bite bit bitten; freeze froze frozen; forbid forbade forbidden;
let let let; read read read; set set set; put put put; cut cut cut; shut shut shut;
hit hit hit; hurt hurt hurt; cost cost cost; spread spread spread; quit quit quit;
split split split; upset upset upset; bet bet bet; cast cast cast; burst burst burst;
fight fought fought; deal dealt dealt; lay laid laid; beat beat beaten;
catch caught caught; shoot shot shot; dig dug dug; feed fed fed; sink sank sunk;
stick stuck stuck; bend bent bent; bind bound bound; bleed bled bled; breed bred bred;
light lit lit; slide slid slid; spin spun spun; strike struck struck; swing swung swung;
sweep swept swept; hang hung hung; seek sought sought; tear tore torn;
blow blew blown; draw drew drawn; ring rang rung; shine shone shone; sting stung stung;
forecast forecast forecast; broadcast broadcast broadcast; withhold withheld withheld;
uphold upheld upheld; oversee oversaw overseen; mislead misled misled; rewrite rewrote
rewritten; outgrow outgrew outgrown; undergo underwent undergone; foresee foresaw foreseen;
misread misread misread; mistake mistook mistaken; misunderstand misunderstood
misunderstood; rebuild rebuilt rebuilt; redo redid redone; rethink rethought rethought;
overrun overran overrun; override overrode overridden; overhear overheard overheard;
outdo outdid outdone; overdo overdid overdone; retell retold retold; remake remade remade
"""
# Regular verbs the word-class file leaves out: its builder drops every word ending in
# "-ed" (a past form), and with it these bases.
ED_BASES = frozenset({"need", "proceed", "exceed", "succeed", "speed", "heed", "seed", "embed"})


class Irregular:
    # A plain class, not a dataclass: each @dataclass costs ~1 ms of every `check` process.
    __slots__ = ("base", "participle", "past")

    def __init__(self, base: str, past: str, participle: str) -> None:
        self.base = base
        self.past = past
        self.participle = participle


IRREGULAR: dict[str, Irregular] = {
    fields[0]: Irregular(*fields)
    for fields in (entry.split() for entry in IRREGULAR_TABLE.replace("\n", " ").split(";"))
}
IRREGULAR_PAST = {v.past: v for v in IRREGULAR.values() if v.past not in (v.participle, v.base)}
IRREGULAR_PARTICIPLE = {v.participle: v for v in IRREGULAR.values()}
ANY_PAST = {v.past: v for v in IRREGULAR.values() if v.past != v.base}


class Classes:
    # A plain class, not a dataclass: each @dataclass costs ~1 ms of every `check` process.
    __slots__ = ("adjectives", "nouns", "verbs")

    def __init__(
        self, verbs: frozenset[str], adjectives: frozenset[str], nouns: frozenset[str]
    ) -> None:
        self.verbs = verbs
        self.adjectives = adjectives
        self.nouns = nouns


@cache
def classes() -> Classes:
    """The open-class hints the rules read: the shipped lists less the function words."""
    raw = tagger_classes()
    return Classes(
        raw.verbs - CLOSED_CLASS, raw.adjectives - CLOSED_CLASS, raw.nouns - CLOSED_CLASS
    )


@cache
def tagger_classes() -> Classes:
    """The open-class hints as shipped, read once per process: the tagger's features were
    trained on these, function words and all."""
    # zlib reads the gzip wrapper itself (wbits 16+15); the gzip module costs ~1 ms to import.
    text = zlib.decompress(read_bytes(DATA), 31).decode("utf-8")
    sections: dict[str, frozenset[str]] = {}
    for chunk in text.split("#")[1:]:  # "#V\nword\nword…": split once, no per-line loop
        name, _, body = chunk.partition("\n")
        sections[name] = frozenset(body.split())
    verbs = frozenset(sections["V"] | set(IRREGULAR) | ED_BASES)
    return Classes(verbs, frozenset(sections["A"]), frozenset(sections["N"]))


# Function words the open-class lists also hold by a rare sense ("we" = "wee", "us" as a
# verb): never open-class here, so no rule reads "we" as an adjective.
_FUNCTION_WORDS = """i you he she it we they me him her us them my your his its our their
these those a an the and or but if of to in on at by for with from not no"""
CLOSED_CLASS = frozenset(_FUNCTION_WORDS.split())


def is_verb(base: str) -> bool:
    return base in classes().verbs


def is_adjective(word: str) -> bool:
    """A comparable adjective ("high", "easy", "late"); -ly adverbs are not."""
    return word in classes().adjectives


def s_stem(word: str, known: Classes | None = None) -> str | None:
    """The stem of an -s form ("reports" -> "report", "policies" -> "policy"), if known."""
    if len(word) < 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "'s")):
        return None
    known = known or classes()
    candidates = [word[:-1]]
    if word.endswith("ies"):
        candidates.insert(0, word[:-3] + "y")
    if word.endswith("es"):
        candidates.append(word[:-2])
    for stem in candidates:
        if stem in known.nouns or stem in known.verbs:
            return stem
    return None


_THIRD_SPECIAL = {"has": "have", "does": "do", "goes": "go", "is": "be"}


@cache
def third_person_base(word: str) -> str | None:
    """The base of a verb's -s form ("takes" -> "take", "does" -> "do", "has" -> "have");
    kept per word: the rules ask it of the same words many times in a text."""
    if word in _THIRD_SPECIAL:
        return _THIRD_SPECIAL[word]
    stem = s_stem(word)
    return stem if stem is not None and is_verb(stem) else None


@cache
def past_base(word: str) -> str | None:
    """The base of a past form, regular or irregular ("improved", "wrote" -> "write")."""
    if word in IRREGULAR_PAST:
        return IRREGULAR_PAST[word].base
    if not word.endswith("ed") or len(word) < 5:
        return None
    stem = word[:-2]
    for candidate in (
        stem + "e",
        stem,
        stem[:-1] if stem[-1:] == stem[-2:-1] else "",
        stem[:-1] + "y" if stem.endswith("i") else "",
    ):
        if candidate and is_verb(candidate):
            return candidate
    return None


def participle(base: str) -> str:
    """The past participle of a verb base ("find" -> "found", "notify" -> "notified")."""
    if base in IRREGULAR:
        return IRREGULAR[base].participle
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


def build() -> bytes:
    """The word-class file from the bundled SCOWL lists and wordfreq (run by hand)."""
    from wordfreq import zipf_frequency

    from afterview.writing.spelling import bundled

    sections = bundled.sections()
    words = {
        w
        for key in ("common", "main:en-US", "main:en-GB")
        for w in sections[key]
        if w.isalpha() and w.islower()
    }

    def common(word: str, floor: float) -> bool:
        return len(word) > 1 and zipf_frequency(word, "en") >= floor

    def any_in(*forms: str) -> bool:
        return any(form in words for form in forms)

    def verb(w: str) -> bool:
        ied = w[:-1] + "ied" if w.endswith("y") else ""
        ing_e = w[:-1] + "ing" if w.endswith("e") else ""
        return any_in(w + "ed", w + "d", w + w[-1] + "ed", ied) and any_in(
            w + "ing", w + w[-1] + "ing", ing_e
        )

    def comparable(w: str) -> bool:
        y = w[:-1] if w.endswith("y") else ""
        return any_in(w + "er", w + "r", w + w[-1] + "er", y + "ier" if y else "") and any_in(
            w + "est", w + "st", w + w[-1] + "est", y + "iest" if y else ""
        )

    def has_s(w: str) -> bool:
        return any_in(w + "s", w + "es", w[:-1] + "ies" if w.endswith("y") else "")

    verbs = sorted(w for w in words if common(w, 2.5) and not w.endswith(("ed", "ing")) and verb(w))
    adjectives = sorted(w for w in words if common(w, 2.5) and comparable(w))
    nouns = sorted(w for w in words if common(w, 3.0) and not w.endswith("s") and has_s(w))
    text = "".join(
        f"#{name}\n" + "".join(f"{w}\n" for w in items)
        for name, items in (("V", verbs), ("A", adjectives), ("N", nouns))
    )
    import gzip

    return gzip.compress(text.encode("utf-8"), 9, mtime=0)


if __name__ == "__main__":
    with open(DATA, "wb") as out:
        out.write(build())
    print(f"{DATA}: {os.stat(DATA).st_size:,} bytes")


# After these, "your" + an -ing word is the reader's own act ("I appreciate your being
# flexible", "thanks for your having taken the time"), not "you're".
GERUND_OWNERS = frozenset(
    [
        "appreciate",
        "appreciated",
        "appreciating",
        "regret",
        "mind",
        "minded",
        "understand",
        "imagine",
        "about",
        "for",
        "of",
        "on",
        "without",
        "despite",
        "after",
        "before",
        "by",
        "to",
        "with",
        "thanks",
    ]
)
