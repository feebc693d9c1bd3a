"""Turning the candidate's own notes into words a sentence can hold.

A debrief nugget (P5's "specific point") is written in a hurry: a fragment
("launching the Lisbon office in spring"), a sentence ("They are moving billing to
Kotlin."), a question, a bullet. A draft must never quote it with broken grammar,
so a note becomes a `Point` whose `form` says which frame it fits:

- `about`: a noun or gerund phrase, for "hearing about ...";
- `that`: a full clause, for "hearing that ...";
- `question`: a direct question, kept as one after a colon;
- `aside`: anything else, kept whole after a colon (always grammatical).

The heuristics are deliberately conservative: when unsure, `about` or `aside`,
which read well for almost any fragment, rather than a confident wrong clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Form = Literal["about", "that", "question", "aside"]


def wordset(text: str) -> frozenset[str]:
    """A word list written as one string, for readability."""
    return frozenset(text.split())


DETERMINERS = wordset(
    "the a an this that these those your our its his her my their every each some most "
    "all both any another"
)
PRONOUNS = wordset(
    "you you're you've you'll you'd it it's he she he's she's we we're we've "
    "we'll they they're they've they'll"
)
AUX = wordset(
    "is are was were has have had will would can could should may might must does do did "
    "isn't aren't hasn't haven't won't"
)
# Finite verbs that notes commonly use after a subject ("the team ships weekly").
VERBS = wordset(
    "plans wants needs hopes expects aims intends uses runs builds doubles grows serves "
    "sells makes employs operates ships releases supports handles focuses relies works "
    "moves opens launches leads manages owns offers values invests prefers hires tends "
    "gets sees spends covers follows partners processes launched opened moved raised "
    "acquired merged doubled grew started hired won closed released shipped announced "
    "rebuilt switched signed expanded migrated built became"
)
# Plural-subject verbs, trusted only before an object ("customers love the app").
BASE_VERBS = wordset(
    "love like want need use plan hope expect ship run build prefer value spend sell serve "
    "make hire get see"
)
WH = wordset("how why what when where which who whom whose")
# Sentence-initial words a note may start with that are not proper nouns.
COMMON = wordset(
    "team teams company office offices product products platform roadmap plan plans "
    "move launch launches expansion migration rebuild redesign rewrite merger "
    "acquisition rollout switch shift transition push focus goal goals mission vision "
    "strategy culture funding budget growth partnership partnerships project projects "
    "programme program initiative pilot app website site brand rebrand reorg "
    "restructure hackathon hackathons offsite conference engineering design data "
    "research marketing sales customers customer users user clients client revenue "
    "headcount process processes approach work workload background experience expertise decade "
    "career progression benefits pay equity share shares investment "
    "investors board leadership management manager managers ceo cto founder founders "
    "people staff department org organisation organization business market markets "
    "region expansion partnership deal contract contracts release releases version "
    "feature features service services system systems stack architecture codebase "
    "backlog pipeline tooling infrastructure security compliance regulation audit "
    "new upcoming planned next recent latest current big major huge strong great good "
    "small large flat open very first second third annual quarterly weekly monthly "
    "global international remote hybrid internal whole entire joint ambitious fast "
    "rapid collaborative friendly clear lovely interesting exciting growing leading "
    "emerging existing ongoing evolving expanding booming"
)
# COMMON words that are adjectives ending in -ing: an article only before a noun.
ING_ADJECTIVES = wordset(
    "exciting growing leading emerging existing ongoing evolving expanding booming "
    "interesting upcoming"
)
# Capitalised -ing words that are names, not gerunds.
ING_NAMES = wordset(
    "beijing boeing reading ealing kettering epping spalding sterling ming king "
    "viking xing peking harding golding fielding manning browning channing"
)
FUNCTION = wordset(
    "a an the and or but nor so yet of in on at to for with by from into onto over under "
    "about as than that which who whom whose where when while because although though "
    "if is are was were be been being will would can could should may might must do does "
    "did has have had not very really quite also just still already soon now then next "
    "later again too only even everywhere this these those their your our its his her "
    "my some any each every several many much more most few such own"
)
# Note-to-self imperatives: not a point about the organisation at all.
TODO_VERBS = wordset("ask check send remember mention email call chase contact confirm prepare")
ABBREVIATIONS = wordset("e.g i.e etc dr mr mrs ms mx prof inc ltd co st vs approx no jr sr")

CLAUSE_FRAME = re.compile(
    r"^(?:(?:they|he|she|we|the\s+(?:team|interviewer|hiring\s+manager|manager|panel|"
    r"recruiter|ceo|cto)|[A-Z][\w'’-]*)\s+)?"
    r"(?:(?:said|told\s+me|explained|mentioned|noted|shared|confirmed|pointed\s+out)\s+that|"
    r"said|told\s+me|explained)\s+",
    re.IGNORECASE,
)
PHRASE_FRAME = re.compile(
    r"^(?:(?:i|we)\s+)?(?:really\s+|also\s+)?"
    r"(?:liked|loved|enjoyed|asked\s+about|heard\s+about|learned\s+about|learnt\s+about|"
    r"(?:was\s+|am\s+)?excited\s+about|(?:was\s+|am\s+)?interested\s+in|"
    r"had\s+an?\s+(?:\w+\s+)?(?:chat|conversation|discussion|talk)\s+about)\s+"
    r"|^(?:(?:i|we|they|he|she|(?-i:[A-Z][a-z]+))\s+)?(?:also\s+)?"
    r"(?:talked\s+about|spoke\s+about|chatted\s+about|discussed|mentioned|described|"
    r"walked\s+me\s+through|showed\s+me)\s+"
    r"|^(?:a\s+|the\s+)?(?:discussion|conversation|chat|talk)\s+(?:of|about|on)\s+"
    r"|^(?:note|nugget|re|topic|point)\s*:\s*|^(?:e\.g|i\.e)\.?,?\s+",
    re.IGNORECASE,
)
BULLET = re.compile(r"^\s*(?:[-*•–—>]+|\d+[.)])\s+")
BRACKETED = re.compile(r"\[[^\]]*\]|\{[^}]*\}|<[^>]*>")
LEFTOVER = re.compile(r"[\[\]{}<>]|\b(?:TODO|TBD|TBC|XXX|FIXME)\b|\?{2,}")
NUMBERS = wordset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "over nearly almost around about more several many some"
)
DASHES = frozenset({"—", "–", "-"})
# Function words that cannot end a phrase ("soon", "next", "this" can).
DANGLING = FUNCTION - wordset(
    "soon now then later again too already still next also everywhere this these those much "
    "more most few own"
)
LEADING_JOINERS = wordset("and but so also plus then + &")
JOINERS = wordset("and but which while so because although where who including with")
QUOTES = "\"'“”‘’«»"


@dataclass(frozen=True, slots=True)
class Point:
    """A note made ready for a sentence: `text` fits the frame named by `form`."""

    form: Form
    text: str


def clean(text: str | None) -> str:
    """A fact without leftovers: no bracketed bits, no TODO marks, one line, trimmed.

    A draft must never carry a placeholder (P5's checks), even one the candidate typed.
    """
    if not text:
        return ""
    text = BRACKETED.sub(" ", text)
    text = LEFTOVER.sub(" ", text)
    text = text.replace("’", "'")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text).strip(" ,;:")
    return text if any(c.isalnum() for c in text) else ""


def point(note: str | None, *, max_words: int = 20) -> Point | None:
    """The note as a `Point`, or None when there is nothing usable (write around it).

    Lenient, for words the candidate says aloud (the P1 call script); pronouns are
    never rewritten. A thank-you reads its nugget strictly instead (`reading`).
    """
    text = _first_statement(note)
    if not text:
        return None
    question = text.endswith("?")
    text = _strip_end(text)
    text, frame = _unframed(text)
    words = text.split()
    while words and _word(words[0]) in LEADING_JOINERS:
        words = words[1:]
    if not words or _word(words[0]) in TODO_VERBS:
        return None
    form = _form(words, question and frame is None)
    if frame is not None:  # "said ..." frames a clause; "discussed ..." usually a phrase
        form = "that" if frame == "that" or form == "that" else "about"
    words = _bounded(words, max_words)
    if not any(_word(w) not in FUNCTION and _word(w) not in PRONOUNS for w in words):
        return None  # nothing but "the", "and is": no point to make
    words = cased(_with_article(_lowered(words), form))
    body = " ".join(words)
    if form == "question":
        body += "?"
    return Point(form, body)


def _unframed(text: str) -> tuple[str, Form | None]:
    """The note without "They said that" / "Discussed" / "Loved that", and the frame's form."""
    match = CLAUSE_FRAME.match(text)
    if match and len(text) > match.end():
        return text[match.end() :], "that"
    match = PHRASE_FRAME.match(text)
    if match and len(text) > match.end():
        rest = text[match.end() :]
        if rest.lower().startswith("that "):
            return rest[5:], "that"
        return rest, "about"
    return text, None


def phrase(text: str | None, *, max_words: int = 12) -> str:
    """A short noun phrase from a free-text fact (the profile's experience).

    "I have eight years building payment systems." → "eight years building payment
    systems"; long text is cut at a clause boundary.
    """
    text = _strip_end(clean(text))
    text = re.sub(r"^(?:i\s+have|i've|i\s+bring|i\s+offer)\s+", "", text, flags=re.I)
    words = _lowered(_bounded(text.split(), max_words))
    if words and _word(words[0]) in {"background", "career", "track", "decade"}:
        words = ["a", *words]
    return " ".join(words)


def _first_statement(note: str | None) -> str:
    """The first line and first sentence of a note, cleaned."""
    if not note:
        return ""
    lines = [BULLET.sub("", line) for line in note.splitlines() if line.strip()]
    text = clean(lines[0] if lines else "")
    text = text.strip(QUOTES + " ")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    text = _first_sentence(text)
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "")
    if sum(text.count(q) for q in '"“”') % 2:
        text = re.sub('["“”]', "", text)
    return text


def _first_sentence(text: str) -> str:
    """Up to the first sentence end that is not an abbreviation ("e.g.", "Dr.")."""
    for match in re.finditer(r"[.!?;](?=\s+\S)", text):
        before = text[: match.start()].split()
        last = before[-1].lower() if before else ""
        if match.group() == "." and (last in ABBREVIATIONS or len(last) == 1):
            continue
        return text[: match.end()].strip()
    return text


def _strip_end(text: str) -> str:
    return re.sub(r"[\s.,;:!?…\-–—]+$", "", text)


def _word(token: str) -> str:
    return token.lower().strip(".,;:!?()\"'")


def _is_gerund(word: str) -> bool:
    return word.endswith("ing") and len(word) >= 5 and word.isalpha() and word not in ING_NAMES


def _form(words: list[str], question: bool) -> Form:
    first = _word(words[0])
    if question and (first in WH or first in AUX):
        return "question"
    if first == "i" or first.startswith("i'"):
        return "aside"
    if first in PRONOUNS and len(words) > 1 and words[0] != "IT":
        return "that"
    if first in {"there's", "there"} and len(words) > 1:
        return "that" if first == "there's" or _word(words[1]) in AUX else "about"
    return "that" if _has_subject_and_verb(words) else "about"


def _has_subject_and_verb(words: list[str]) -> bool:
    """A subject of 1-6 words ("a new office in Lisbon"), then an auxiliary or a
    common finite verb, then more."""
    for index in range(1, min(7, len(words) - 1)):
        token = _word(words[index])
        subject = [_word(w) for w in words[:index]]
        if any(w in WH or w in {"that", "to", "of"} for w in subject):
            return False
        if any(re.search(r"[,;:]$", w) for w in words[:index]):
            return False
        if subject[-1] in DETERMINERS:  # "the plans for …": a noun, not a verb
            continue
        if token in AUX:
            return True
        if token in VERBS and not _is_gerund(subject[0]) and _nominal(words[0]):
            return True
        if token in BASE_VERBS and _plural(subject[-1]) and _object_follows(words[index + 1]):
            return True
    return False


def _plural(word: str) -> bool:
    return word in {"they", "we", "you"} or (word.endswith("s") and not word.endswith("ss"))


def _object_follows(token: str) -> bool:
    return _word(token) in DETERMINERS or _word(token) in PRONOUNS or token[:1].isupper()


def _nominal(token: str) -> bool:
    """Could start a subject: a determiner, a known noun, or a capitalised name."""
    word = _word(token)
    return word in DETERMINERS or word in COMMON or token[:1].isupper() or token[:1].isdigit()


def _lowerable(token: str) -> bool:
    """Sentence-initial capital that is only a capital: "The", "Launching", "New"."""
    core = token.strip("\"'(")
    if core == "A":
        return True
    if not core[:1].isupper() or len(core) < 2:
        return False
    head = core.split("-")[0]
    if head.isupper() or any(c.isupper() for c in head[1:]) or any(c.isdigit() for c in head):
        return False  # AWS, iPhone, GitHub, Q3: keep as written
    word = head.lower().rstrip(".,;:!?'")
    if word.endswith("'s"):
        word = word[:-2]
    return (
        word in DETERMINERS
        or word in PRONOUNS
        or word in COMMON
        or word in WH
        or word in AUX
        or word in {"there", "there's"}
        or word in NUMBERS
        or _is_gerund(word)
    )


# Words a note types in lower case that a letter writes otherwise: acronyms, quarters and
# halves ("q3", "h2", "fy25"), months and weekdays ("may" and "march" stay: they are words too).
UPPER = wordset(
    """ai ml api apis sql aws gcp kpi kpis okr okrs ceo cto cfo coo cio cpo cmo cdo ciso vp
    svp evp hr ui ux qa seo crm erp etl elt sla slas saas b2b b2c gdpr nhs uk eu usa"""
)
TITLED = wordset(
    """january february april june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday"""
)
# "march" and "may" are months after a word of time ("by march", "in may", "since march")
# or before a day's number ("march 3"); elsewhere they are the verb.
WORD_MONTHS = wordset("march may")
BEFORE_MONTH = wordset(
    "by in until till since from before after through during early late mid next last this of end"
)
# Months cut short, written out after a word of time or before a day's number ("in jan",
# "by sept 3" → "in January", "by September 3"); elsewhere "jan" may be a name, "mar" a verb.
SHORT_MONTHS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "sept": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
PERIOD = re.compile(r"^(?:q[1-4]|h[12]|fy\d{2}(?:\d{2})?)$")
TOKEN = re.compile(r"^(\w+)(\W*)$")


def cased(words: list[str]) -> list[str]:
    """The note's words as a letter writes them ("q3" → "Q3", "aws" → "AWS", "june" →
    "June"); anything typed with a capital is left as typed."""
    out = []
    for index, word in enumerate(words):
        match = TOKEN.match(word)
        core = match.group(1) if match else ""
        before = words[index - 1].lower() if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        dated = _dated(before, after)
        month = core in WORD_MONTHS and dated
        if core.islower() and core in SHORT_MONTHS and dated:
            out.append(SHORT_MONTHS[core] + word[len(core) :])
        elif core.islower() and (core in UPPER or PERIOD.match(core)):
            out.append(core.upper() + word[len(core) :])
        elif core.islower() and (core in TITLED or month):
            out.append(core.capitalize() + word[len(core) :])
        else:
            out.append(word)
    return out


def _dated(before: str, after: str) -> bool:
    """Is the word between these a month's: after a word of time, before a day's number?"""
    return before in BEFORE_MONTH or re.match(r"\d{1,2}(?:st|nd|rd|th)?\b", after) is not None


def short_month(lowered: Sequence[str], index: int) -> bool:
    """Is lowered[index] a month cut short that `cased` writes out ("in jan", "sept 3")?"""
    before = lowered[index - 1] if index else ""
    after = lowered[index + 1] if index + 1 < len(lowered) else ""
    return lowered[index].strip(".,;:") in SHORT_MONTHS and _dated(before, after)


def _lowered(words: list[str]) -> list[str]:
    if words and _lowerable(words[0]):
        head = words[0]
        return [head[0].lower() + head[1:], *words[1:]]
    return words


def _with_article(words: list[str], form: Form) -> list[str]:
    """Add "the" where a note dropped it: "AWS migration ..." → "the AWS migration ..."."""
    if form not in {"about", "that"} or not words:
        return words
    first, nxt = words[0], (words[1] if len(words) > 1 else "")
    head = first.split("-")[0].lower().rstrip(".,;:!?")
    nxt_word = _word(nxt)
    noun_follows = bool(nxt_word) and nxt_word.isalpha() and nxt_word not in FUNCTION
    acronym = first.isupper() and len(first) > 1
    if first.endswith("'s") or (not acronym and (head in DETERMINERS or head in PRONOUNS)):
        return words
    if head in ING_ADJECTIVES:
        return ["the", *words] if noun_follows else words
    verb_follows = nxt_word in VERBS or nxt_word in BASE_VERBS or nxt_word in AUX
    if head in COMMON and first[:1].islower():
        if _plural(head) and not (noun_follows and not verb_follows):
            return words  # "plans to open Lisbon", "customers love the app": no article
        return ["the", *words]
    named = any(c.isupper() for c in first) or re.fullmatch(r"(?:19|20)\d\d", first) is not None
    if (
        named
        and noun_follows
        and nxt[:1].islower()
        and not _is_gerund(nxt_word)
        and not verb_follows
        and (form == "about" or nxt_word in COMMON)
    ):
        return ["the", *words]
    return words


def _bounded(words: list[str], limit: int) -> list[str]:
    """At most `limit` words, cut at a clause boundary when there is one."""
    if len(words) <= limit:
        return _trimmed(words)
    cut = 0
    for index in range(4, limit + 1):
        after_stop = words[index - 1][-1:] in {",", ";", ":"} or words[index - 1] in DASHES
        before_joiner = index < len(words) and _word(words[index]) in JOINERS
        if after_stop or before_joiner:
            cut = index
    return _trimmed(words[: cut or limit])


def _dangling(token: str) -> bool:
    """A word that cannot end a phrase; "May" (the month) or "US" can."""
    return _word(token) in DANGLING and not token[:1].isupper()


def _trimmed(words: list[str]) -> list[str]:
    """No dangling "the", "of", "and" or stray punctuation at the end."""
    kept = list(words)
    while kept and (_dangling(kept[-1]) or not any(c.isalnum() for c in kept[-1])):
        kept.pop()
    if kept:
        kept[-1] = kept[-1].rstrip(",;:-–—(")
    text = " ".join(kept)
    if text.count("(") != text.count(")"):
        kept = [w.replace("(", "").replace(")", "") for w in kept]
    return [w for w in kept if w]
