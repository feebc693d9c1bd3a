"""Spelling (P5: "Checks before sending: spelling"): words the dictionary does not know.

Every finding is an ERROR: a misspelt thank-you undoes the care that went into it.
So the check stays quiet about what is not a misspelling:

- the candidate's known words (CheckContext.known_words: the names in their records,
  their own words), compared case-insensitively, also as possessives ("Siobhán's");
- acronyms in capitals of up to six letters, and their plurals ("KPIs");
- anything inside a URL, an email address, a domain, a file name or an @handle or
  #hashtag, and letters glued to digits ("3rd", "10am", "B2B");
- a lower-case dictionary word with a capital at the start of a sentence ("Thank");
- words in another script than Latin (not the English dictionary's business);
- a prefix before a hyphen ("pre-interview");
- words with inner capitals ("LinkedIn", "McAllister", "PwC") unless they are a
  dictionary word in garbled case ("THe", "ReCeive"): the dictionary knows few
  brands and names, and the names check (names.*) compares the recorded ones.

Curly apostrophes count as straight ones. A word of the other variety ("color" in
British English) is reported as such, with our spelling first among the suggestions.

Real email is full of names the dictionary cannot know (a third party's surname,
a colleague's first name), so a capitalised word that is not in it is weighed:

- `spelling.name` (info): taken for a name: capitalised mid-sentence, or at the
  start of a sentence or line when it also appears capitalised mid-sentence, stands
  on a short line of names (a greeting or signature), or is no slip of a common word.
  The names check (names.*) still compares it with the recorded people.
- `spelling` (error) all the same when it is one edit from a common word: a long
  word anywhere ("Universtiy"), any word at a sentence start ("Recieve", "Thnak").
- `spelling.capital` (error): a recorded name typed in lower case ("thanks to sam"),
  unless the lower-case form is a word of its own ("will", "grace").
- `spelling.compound` (warning): two dictionary words run together ("datarooms",
  "everytime"): sometimes jargon, sometimes a slip; the spaced form is suggested.
- `spelling.variety` (warning): a spelling the other variety prefers with no word of
  ours to put instead ("amongst", "onwards", "worshipped" in American English); a
  pair such as "colour"/"color" stays an error with our spelling suggested.
- `spelling.term` (warning): a lower-case word used twice or more in the text and not
  one edit from a common word ("the structurers … the structurers"): a term of the
  writer's field more often than a slip.

Lower-case tokens of up to three letters without a vowel ("jb", "ccy") are initials
or abbreviations, and a value after "ID:" or "password:" is not prose.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache

from afterview.writing.context import CheckContext
from afterview.writing.findings import Finding, Severity
from afterview.writing.spelling import Speller, load
from afterview.writing.text import WORD, Document

RULE = "spelling"
NAME_RULE = "spelling.name"
COMPOUND_RULE = "spelling.compound"
CAPITAL_RULE = "spelling.capital"
VARIETY_RULE = "spelling.variety"
# A brand's or a trade's styling with one lower-case letter before a word ("eCommerce",
# "iPhone", "eLearning"), not a word in garbled case ("tHe").
STYLED_PREFIX = re.compile(r"[a-z][A-Z][a-z]{3,}")
INFORMAL_RULE = "spelling.informal"
TERM_RULE = "spelling.term"
TERM_USES = 2  # an unknown word used this often in one text may be a term (`_a_term`)
COMMON_ZIPF = 3.0  # "common word" for the slip test: about once per million words
COMPOUND_ZIPF = 3.5  # each part of a run-together compound at least this common
SLIP_OF_ZIPF = 4.0  # one edit from a word this common, it is that word's slip ("intrested")
LONGEST_NAME = 40  # characters looked back for a name before "Ive"
NAME_LINE_LONGEST = 120  # characters of a line of names ("Ajay S. Jagsi - very polished")
PROPER_SLIP_MIN = 6  # from this length, one letter from a proper noun is its slip
# The proper nouns whose slips `_proper_slip` reports: days, months, languages,
# nationalities and places by their endings. A person's name is never among them: the
# dictionary holds famous surnames ("Honecker"), one letter from a correspondent's.
PROPER_KINDS = re.compile(r"(?:day|uary|ember|ober|august|ese|ian|ish|ean|land|stan|ia)$")
LONG_NAME = 7  # from this length, a capitalised word one edit from a common word is a slip
# From this length, a capitalised word one changed letter from a frequent word is its slip
# even inside a sentence ("Seperation Agreement"); names that long seldom are.
LONG_SLIP = 9
VERY_COMMON_ZIPF = 5.0  # a listed name one edit from a word this common is taken for a slip
NAMES_FILE = "census-names.txt.gz"
# Endings and what they replace, to find a derived word's stem (`_derived`).
DERIVATIONS = (
    ("izations", "ize"),
    ("isations", "ise"),
    ("ization", "ize"),
    ("isation", "ise"),
    ("ically", "ic"),
    ("ly", ""),
    ("ers", ""),
    ("ers", "e"),
    ("er", ""),
    ("er", "e"),
    ("rs", ""),
    ("ments", "ment"),
    ("ities", "ity"),
)
# Prefixes written solid before a listed word ("unselected", "multipollutant").
DERIVING_PREFIXES = ("un", "re", "multi", "non", "inter", "sub", "super", "over", "under", "cross")
DERIVED_GUARD_ZIPF = 4.0  # a derived word one edit from a word this common is a slip
# Spellings American and British dictionaries both give (Merriam-Webster lists
# "judgement" as a variant; British law writes "judgment"): no finding in either.
BOTH_VARIETIES = frozenset(
    f"{stem}{e}ment{s}" for stem in ("judg", "acknowledg") for e in ("", "e") for s in ("", "s")
)
ACRONYM_MAX = 6
SUGGESTIONS = 5
SHOWN_MAX = 40  # a longer "word" is quoted shortened in the message
OTHER_VARIETY = {"en-GB": "American", "en-US": "British"}

_TLDS = (
    "com|org|net|edu|gov|io|co|uk|us|eu|de|fr|es|it|nl|ie|ch|se|no|dk|fi|pl|pt|be|at|"
    "ca|au|nz|in|jp|cn|sg|hk|za|br|mx|ai|app|dev|tech|info|biz|me|ly|gg|tv|example|test|local"
)
# Each alternative that runs over a word's letters starts where the run starts (the
# look-behinds): tried at every letter, a long run of them took seconds.
SKIP = re.compile(
    r"(?i)(?:https?://|ftp://|mailto:|www\.)[^\s<>\"]+"  # URLs
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # email addresses
    r"|(?<![\w.])[@#][\w][\w.-]*"  # @handles, #hashtags
    rf"|(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})\b(?:/[^\s<>\"]*)?"  # domains
    r"|\b[\w-]+\.(?:pdf|docx?|xlsx?|xlsm|pptx?|odt|ods|rtf|wpd|txt|csv|md|png|jpe?g|gif|bmp|"
    r"tiff?|svg|zip|rar|gz|eml|msg|ics|vcf|dat|xml|json|html?|log|exe|mpp|vsdx?|wav|mp[34])\b"
    # a URL's wrapped tail: "Y=/www/story&E=1"
    r"|(?<![^\s<>\"])[^\s<>\"]*[=&?][^\s<>\"]*[/=&][^\s<>\"]*"
    r"|(?<!\w)/[\w.-]+/[^\s<>\"]*"  # a path: "/www/story/"
    r"|\b(?:[A-Za-z]{1,4}\.){2,}"  # dotted abbreviations: "Ph.D.", "M.Sc.", "U.S."
)
# A title with its full stop: what follows is a name, not a sentence's first word.
TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Jr|Fr|Rev|Sgt|Capt|Lt|Col|Gen)\.$")
# A capitalised word just before: the word is the rest of a full name.
AFTER_NAME = re.compile(r"\b[A-Z][a-z]+ $")
# What follows the apostrophe of a contraction ("I'm", "don't", "we've").
CONTRACTED_TAILS = frozenset({"m", "t", "s", "d", "ve", "re", "ll"})
# Prefixes written with a hyphen that the word lists do not hold on their own.
PREFIXES = frozenset(
    {"pre", "post", "co", "re", "non", "un", "anti", "de", "ex", "bi", "tri", "multi", "semi"}
    | {"sub", "inter", "intra", "mid", "self", "e"}
)


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    if not doc.words:
        return []
    speller = load(ctx.language)
    known = _known_keys(ctx.known_words)
    capitalised = _capitalised_forms(ctx.known_words)
    skipped = _skipped(doc.text)
    capitals = lru_cache(maxsize=1)(lambda: _mid_sentence_capitals(doc))
    repeats = lru_cache(maxsize=1)(lambda: Counter(_normal(doc.text[a:b]) for a, b in _words(doc)))
    findings: list[Finding] = []
    for start, end in _words(doc):
        word = doc.text[start:end]
        if _inside(skipped, start) or _quiet(doc.text, start, end, word):
            continue
        lookup = _normal(word)
        if lookup.islower() and _key(lookup) in capitalised and not speller.known(lookup):
            findings.append(_lower_case_name(doc, start, end, word, capitalised[_key(lookup)]))
            continue
        if _key(lookup) in known or speller.known(lookup):
            continue
        if _after_prefix(doc.text, start, lookup, speller):
            continue  # "co-ordinator": the word lists hold "coordinator"
        if _not_a_slip(lookup, speller):
            continue
        if _initials(lookup) or _credential(doc.text, start):
            continue
        if (
            lookup[0].isupper()
            and not lookup.isupper()
            and speller.other_variety(lookup) is None
            and _taken_for_name(doc, start, lookup, speller, capitals)
        ) or _capitals_name(lookup, speller):
            findings.append(_name_finding(doc, start, end, word))
            continue
        softer = _lower_case_finding(doc, start, end, lookup, speller, repeats)
        if softer is not None:
            findings.append(softer)
            continue
        # "Hi priya,": a name typed in lower case; its capital comes first
        named = lookup.islower() and _in_greeting(doc, start)
        first = lookup[:1].upper() + lookup[1:] if named else None
        findings.append(_finding(doc, start, end, word, lookup, speller, first))
    return findings


def _in_greeting(doc: Document, start: int) -> bool:
    return doc.greeting is not None and doc.greeting.start <= start < doc.greeting.end


def _contracted(word: str, speller: Speller) -> str | None:
    """ "Im" -> "I'm", "Ive" -> "I've", "dont" -> "don't": the contraction a hurried
    writer typed without its apostrophe, when inserting one gives a known word."""
    if len(word) < 2 or "'" in word:
        return None
    for cut in (len(word) - 1, len(word) - 2):
        candidate = word[:cut] + "'" + word[cut:]
        if (
            cut > 0
            and candidate[cut + 1 :].lower() in CONTRACTED_TAILS
            and speller.known(candidate)
        ):
            return candidate
    return None


def _taken_for_name(
    doc: Document,
    start: int,
    word: str,
    speller: Speller,
    capitals: Callable[[], dict[str, list[int]]],
) -> bool:
    """Is this capitalised unknown word a name rather than a slip? (See the module.)"""
    if _contracted(word, speller) is not None and not AFTER_NAME.search(
        doc.text, max(0, start - LONGEST_NAME), start
    ):
        return False  # "Ive": "I've" typed in a hurry (but "Jonathon Ive" is a name)
    low = word.lower()
    base = low[:-2] if low.endswith("'s") else low
    if _proper_slip(base, speller) is not None:
        return False  # "Portugese", "Febuary", "Wendesday": a slip of a proper noun
    if not _at_start(doc.text, start):
        if (
            len(base) >= LONG_SLIP
            and _title_word_next(doc.text, start + len(word), speller)
            and speller.near_common(base, SLIP_OF_ZIPF, True) is not None
            and base not in census_names()
        ):
            return False  # "a new Seperation Agreement": a letter changed in a title's word
        return (
            len(base) < LONG_NAME
            or speller.near_common(base, COMMON_ZIPF, False) is None
            or _after_given_name(doc.text, start)
            # "appeal to Skilling", "Salomon Smith Barney": a listed name inside a
            # sentence, where a slip of a common word seldom has a capital
            or base in census_names()
        )
    if _name_line(doc.text, start) or any(at != start for at in capitals().get(word, ())):
        return True
    if speller.near_common(base, COMMON_ZIPF, True) is None:
        return True
    # "Kipp, thanks for", "Skilling's memo": one edit from a word ("kip", "killing"), but
    # a common name and no slip of a very common word ("Thier" stays a slip of "their")
    return base in census_names() and speller.near_common(base, VERY_COMMON_ZIPF, True) is None


NEXT_WORD = re.compile(r" ([A-Z][a-z]+)\b")


def _title_word_next(text: str, end: int, speller: Speller) -> bool:
    """Is the next word a capitalised dictionary word, as in a document's title ("…
    Agreement and Release")? A name is followed by another name or a lower-case word."""
    found = NEXT_WORD.match(text, end)
    return found is not None and speller.known(found.group(1).lower())


def _proper_slip(low: str, speller: Speller) -> str | None:
    """The proper noun of the dictionary (a day, a month, a place, a language: written
    only with its capital, `PROPER_KINDS`) one letter dropped, added or swapped away from
    this lower-cased word, or None. Not a person's name: "Jonathon" is no slip of
    "Jonathan", so the census names are left out on both sides."""
    if len(low) < PROPER_SLIP_MIN or not low.isalpha():
        return None
    letters = "abcdefghijklmnopqrstuvwxyz"
    n = len(low)
    candidates = {low[:i] + low[i + 1 :] for i in range(n)}
    candidates.update(low[:i] + low[i + 1] + low[i] + low[i + 2 :] for i in range(n - 1))
    candidates.update(low[:i] + c + low[i:] for i in range(n + 1) for c in letters)
    found = [
        candidate
        for candidate in sorted(candidates)
        if PROPER_KINDS.search(candidate)
        and speller.known(candidate[:1].upper() + candidate[1:])
        and not speller.known(candidate)
    ]
    if not found:
        return None
    names = _census_lists()[0]  # read only now: most names are near no proper noun
    if low in names:
        return None
    proper = next((c for c in found if c not in names), None)
    return None if proper is None else proper[:1].upper() + proper[1:]


def _capitals_name(word: str, speller: Speller) -> bool:
    """ "MUKUL MURARKA" signing off in capitals: a long word in capitals one edit from no
    common word is a name, as a word processor takes it ("RECIEVE" stays a slip)."""
    return (
        word.isupper()
        and word.isalpha()
        and len(word) > ACRONYM_MAX
        and speller.other_variety(word.lower()) is None
        and speller.near_common(word.lower(), COMMON_ZIPF, True) is None
    )


def _after_given_name(text: str, start: int) -> bool:
    """ "Jeff Skilling's leaving": a surname one edit from a word ("killing") is the rest
    of a full name when a listed given name stands just before it."""
    found = AFTER_NAME.search(text, max(0, start - LONGEST_NAME), start)
    return found is not None and found.group().strip().lower() in _census_lists()[1]


def census_names() -> frozenset[str]:
    """The common names of the US Census Bureau's 1990 lists (`bench/census_names.py`),
    read only when a word at a sentence start needs them."""
    return _census_lists()[0]


def given_names() -> frozenset[str]:
    """The given names of the same lists (lower case)."""
    return _census_lists()[1]


@lru_cache(maxsize=1)
def _census_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(all names, given names): the file lists the given names again after `# given`."""
    import gzip
    import os

    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "spelling", "data", NAMES_FILE)
    try:
        with gzip.open(path, "rt", encoding="ascii") as f:
            lines = f.read().split("\n# given\n", 1)
    except OSError:
        return frozenset(), frozenset()
    listed = [
        frozenset(w for w in part.splitlines() if w and not w.startswith("#")) for part in lines
    ]
    return listed[0], listed[1] if len(listed) > 1 else frozenset()


def _at_start(text: str, start: int) -> bool:
    """At the start of a sentence, a line or a list item, where anything is capitalised."""
    index = start - 1
    while index >= 0 and text[index] in " \t\"'“‘([*•-–—>":
        index -= 1
    before = max(0, index - 6)  # the longest title and its stop
    if index >= 0 and text[index] == "." and TITLE_BEFORE.search(text, before, index + 1):
        return False  # "Ms. Korp": a title's full stop, not a sentence's
    return index < 0 or text[index] in ".!?:\n"


def _name_line(text: str, start: int) -> bool:
    """A short line of capitalised words: a greeting ("Yolanda", "Kira-", "Chaz and
    Steve,"), a signature ("Ajay S. Jagsi"), a list item naming someone ("3. Ajay - very
    polished")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    if (len(text) if line_end < 0 else line_end) - line_start > NAME_LINE_LONGEST:
        return False  # a paragraph, not a greeting or a signature (and not re-read per word)
    line = INITIAL.sub("", text[line_start : len(text) if line_end < 0 else line_end])
    head = re.split(r"\s[-–—:]\s|[-–—:,]\s*$|\s[-–—]\s*$", line, maxsplit=1)[0]
    words = [w for w in WORD.findall(head) if w != "and"]  # "Chaz and Steve,"
    return 0 < len(words) <= 4 and all(w[0].isupper() for w in words) and not set(head) & set("!?;")


INITIAL = re.compile(r"(?<![^\s(])(?:\d{1,2}|[A-Z])\.(?=\s|$)")


def _mid_sentence_capitals(doc: Document) -> dict[str, list[int]]:
    """Where each capitalised word stands not at a sentence start: found once a text
    (asked word by word, a text of 7,000 sentence-initial slips took minutes)."""
    found: dict[str, list[int]] = {}
    for token in doc.words:
        if token.text[:1].isupper() and not _at_start(doc.text, token.start):
            found.setdefault(token.text, []).append(token.start)
    return found


def _initials(word: str) -> bool:
    """ "jb", "ccy", "pwd": a writer's initials or an abbreviation, not a misspelling."""
    return (
        len(word) <= 3
        and word.isascii()
        and word.isalpha()
        and not any(c in "aeiouAEIOU" for c in word)
    )


CREDENTIAL = re.compile(r"(?i)\b(?:id|login|user(?:name)?|password|pwd|pin|code)\s*[:=]\s*$")


def _credential(text: str, start: int) -> bool:
    return CREDENTIAL.search(text[max(0, start - 20) : start]) is not None


def _compound(word: str, speller: Speller) -> tuple[str, str] | None:
    """ "datarooms" → ("data", "rooms"): two common dictionary words of 3+ letters each
    ("spreedsheet" is no "spreed sheet": a rare part makes it a typo)."""
    for cut in range(3, len(word) - 2):
        left, right = word[:cut], word[cut:]
        if speller.zipf(left) >= COMPOUND_ZIPF and speller.zipf(right) >= COMPOUND_ZIPF:
            return left, right
    return None


def _name_finding(doc: Document, start: int, end: int, word: str) -> Finding:
    return doc.finding(
        start,
        end - start,
        NAME_RULE,
        Severity.INFO,
        f"“{word}” is not in the dictionary; taken for a name (add it with "
        "`afterview words add` if it is one)",
    )


def _lower_case_name(doc: Document, start: int, end: int, word: str, recorded: str) -> Finding:
    """ "thanks to sam": a recorded name typed in a hurry, not a word the dictionary knows
    ("will", "mark", "grace" stay words), so the capital is missing (P5)."""
    return doc.finding(
        start,
        end - start,
        CAPITAL_RULE,
        Severity.ERROR,
        f"“{word}” is a name in your records, written “{recorded}”",
        (recorded + word[len(recorded) :] if len(word) > len(recorded) else recorded,),
    )


# Abbreviations written without their stops: "(eg Dana" is "e.g.".
UNDOTTED = {"eg": "e.g.", "ie": "i.e.", "etc": "etc."}
INFORMAL_MIN = 5  # "gettin", "flyin": shorter "-in" words ("akin", "twin") are words or slips


def _plain_form(word: str, speller: Speller) -> tuple[str, str] | None:
    """(what it stands for, why) for a word that is no misspelling but a form a letter
    writes otherwise: "flyin'" without its apostrophe ("flying"), "eg" ("e.g."), a given
    name in lower case ("shirley": the lists know "Shirley")."""
    if word in UNDOTTED:
        return UNDOTTED[word], "an abbreviation written without its full stops"
    if len(word) >= INFORMAL_MIN and word.endswith("in") and speller.known(word + "g"):
        return word + "g", "the spoken form of an -ing word"
    capital = word[0].upper() + word[1:]
    if word in _census_lists()[1] and speller.known(capital):
        return capital, "a name in lower case"
    return None


def _plain_form_finding(
    doc: Document, start: int, end: int, word: str, plain: str, why: str
) -> Finding:
    """A warning, not an error, where the writer may mean it ("nothin' doing" among
    friends, a name the lists do not hold in lower case); "eg" in a letter is an error."""
    undotted = word in UNDOTTED
    rule = RULE if undotted else CAPITAL_RULE if plain[0].isupper() else INFORMAL_RULE
    severity = Severity.ERROR if undotted else Severity.WARNING
    message = f"“{word}”: {why}; in a letter, “{plain}”"
    return doc.finding(start, end - start, rule, severity, message, (plain,))


def _lower_case_finding(
    doc: Document,
    start: int,
    end: int,
    lookup: str,
    speller: Speller,
    repeats: Callable[[], Counter[str]],
) -> Finding | None:
    """A warning instead of the error, for an unknown lower-case word that may be meant:
    two words run together, an informal or lower-case form, a term used more than once."""
    if not lookup.islower():
        return None
    word = doc.text[start:end]
    if (
        speller.other_variety(lookup) is None
        and _contracted(lookup, speller) is None  # "theres": "there's", not "the res"
    ):
        parts = _compound(lookup, speller)
        if parts is not None and speller.near_common(lookup, SLIP_OF_ZIPF, True) is None:
            return _compound_finding(doc, start, end, word, parts)
    plain = _plain_form(lookup, speller)
    if plain is not None:
        return _plain_form_finding(doc, start, end, word, *plain)
    if speller.other_variety(lookup) is None and _a_term(lookup, repeats, speller):
        return _term_finding(doc, start, end, word, repeats()[lookup])
    return None


def _a_term(word: str, repeats: Callable[[], Counter[str]], speller: Speller) -> bool:
    """An unknown word used twice or more, the same way, and not one edit from a common
    word: a term of the writer's trade ("brinulator", "structurers", "intraday"), which a
    slip rarely is (a slip made twice is a spelling the writer believes, and those
    are one edit from the word: "recieved", "definately" stay errors)."""
    return repeats()[word] >= TERM_USES and speller.near_common(word, SLIP_OF_ZIPF) is None


def _term_finding(doc: Document, start: int, end: int, word: str, uses: int) -> Finding:
    return doc.finding(
        start,
        end - start,
        TERM_RULE,
        Severity.WARNING,
        f"“{word}” is not in the dictionary; used {'twice' if uses == 2 else f'{uses} times'} "
        "here, it may be a term of your field: if it is, add it with `afterview words add`",
        (),
    )


def _compound_finding(
    doc: Document, start: int, end: int, word: str, parts: tuple[str, str]
) -> Finding:
    spaced = f"{parts[0]} {parts[1]}"
    return doc.finding(
        start,
        end - start,
        COMPOUND_RULE,
        Severity.WARNING,
        f"“{word}” is not in the dictionary: two words run together? (“{spaced}”)",
        (spaced,),
    )


def _finding(
    doc: Document,
    start: int,
    end: int,
    word: str,
    lookup: str,
    speller: Speller,
    first: str | None = None,
) -> Finding:
    shown = word if len(word) <= SHOWN_MAX else word[: SHOWN_MAX - 1] + "…"
    other = speller.other_variety(lookup)
    suggestions = speller.suggest(lookup, SUGGESTIONS)
    first = _contracted(lookup, speller) or first
    if first is not None:
        suggestions = [first, *(s for s in suggestions if s != first)]
    if other is None:
        message = f"“{shown}” is not in the {speller.name} dictionary"
    else:
        variety = OTHER_VARIETY.get(speller.language, "Other")
        if other.ours:
            message = f"“{shown}” is the {variety} spelling; {speller.name} writes “{other.ours}”"
            suggestions = [other.ours, *(s for s in suggestions if s != other.ours)]
        else:
            # "amongst", "onwards", "worshipped" in en-US: a variant the other variety
            # prefers, with no word of ours to put instead; worth a look, no misspelling
            message = (
                f"“{shown}” is chiefly {variety} spelling; {speller.name} readers may "
                "find it less usual"
            )
            return doc.finding(start, end - start, VARIETY_RULE, Severity.WARNING, message, ())
    return doc.finding(start, end - start, RULE, Severity.ERROR, message, suggestions[:SUGGESTIONS])


# Latin phrases of professional English whose words the lists lack; each word is quiet
# only inside its phrase ("rata" alone is a slip of "data").
LATIN_PHRASES = (
    "bona fide",
    "de facto",
    "pro rata",
    "inter alia",
    "ex officio",
    "prima facie",
    "pro bono",
    "per se",
    "per annum",
    "per diem",
    "pro forma",
    "in situ",
    "ad nauseam",
    "ad infinitum",
    "mea culpa",
    "sine qua non",
    "cum laude",
    "magna cum laude",
    "summa cum laude",
    "alma mater",
)
LATIN_WORDS = frozenset(w for phrase in LATIN_PHRASES for w in phrase.split())
LATIN_LONGEST = max(map(len, LATIN_PHRASES))


def _in_latin_phrase(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - LATIN_LONGEST) : end + LATIN_LONGEST].lower()
    at = start - max(0, start - LATIN_LONGEST)
    for phrase in LATIN_PHRASES:
        for found in re.finditer(rf"\b{re.escape(phrase)}\b", window):
            if found.start() <= at < found.end():
                return True
    return False


def _quiet(text: str, start: int, end: int, word: str) -> bool:
    """Tokens that are not words to spell-check (see the module's list)."""
    if (start and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit()):
        return True
    if _acronym(word):
        return True
    if end < len(text) and text[end] == "-" and word.lower() in PREFIXES:
        return True
    if word in ("et", "al") and re.match(r"et al\b", text[start - 3 * (word == "al") :]):
        return True  # "Smith et al."
    if word.lower() in LATIN_WORDS and _in_latin_phrase(text, start, end):
        return True  # "bona fide", "pro rata", "per se": not in the lists, not slips there
    return not word.isascii() and not all(_latin(c) for c in word if c.isalpha())


def _after_prefix(text: str, start: int, word: str, speller: Speller) -> bool:
    if start < 2 or text[start - 1] != "-":
        return False
    prefix = re.search(r"([A-Za-z]+)-$", text[max(0, start - 8) : start])
    return (
        prefix is not None
        and prefix.group(1).lower() in PREFIXES
        and speller.known(prefix.group(1).lower() + word.lower())
    )


def _not_a_slip(word: str, speller: Speller) -> bool:
    """A word the lists lack that is no slip: a derived noun, a spelling both varieties
    give, a name or brand with inner capitals (unless a word in garbled case)."""
    if _derived(word, speller) or word.lower() in BOTH_VARIETIES:
        return True
    return _inner_capitals(word) and (
        not speller.known(word.lower())
        or _joined_words(word, speller)
        or STYLED_PREFIX.fullmatch(word) is not None
    )


def _derived(word: str, speller: Speller) -> bool:
    """A word built by the rules hunspell's affix files apply, from a listed word of five
    letters or more, that is one edit from no common word (a slip of one is a slip):
    "personalization" (personalize), "unselected", "repurpose", "iteratively",
    "programmatically", "screeners", "procurements", "ethnicities"."""
    low = word.lower()
    stems = []
    for ending, back in DERIVATIONS:
        if low.endswith(ending):
            stem = low[: len(low) - len(ending)] + back
            if not (ending[0] in "er" and stem.endswith("ate")):  # "operater": "operator"
                stems.append(stem)
    stems += [low[len(prefix) :] for prefix in DERIVING_PREFIXES if low.startswith(prefix)]
    found = any(len(stem) >= 5 and speller.known(stem) for stem in stems)
    return found and speller.near_common(low, DERIVED_GUARD_ZIPF, True) is None


def _joined_words(word: str, speller: Speller) -> bool:
    """ "NetWorks", "WordPerfect": capitalised words run together, a brand's way, not
    a word in garbled case ("THe", "ReCeive")."""
    parts = re.findall(r"[A-Z][a-z]+|[^A-Z]+", word)
    return len(parts) >= 2 and all(
        len(p) >= 3 and p[0].isupper() and p[1:].islower() and speller.known(p.lower())
        for p in parts
    )


def _acronym(word: str) -> bool:
    core = word[:-1] if len(word) > 2 and word[-1] == "s" else word  # KPIs
    return len(core) <= ACRONYM_MAX and core.isupper() and core.isalpha()


def _inner_capitals(word: str) -> bool:
    return any(c.isupper() for c in word[1:]) and not word.isupper()


@lru_cache(maxsize=512)
def _latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _words(doc: Document) -> Iterator[tuple[int, int]]:
    """The document's word spans, rejoined where combining accents split a word
    ("Nguyễn" typed as e + two combining marks is one word, not three)."""
    text = doc.text
    pending: tuple[int, int] | None = None
    for token in doc.words:
        start, end = token.start, token.end
        if pending is not None:
            between = text[pending[1] : start]
            if between and all(unicodedata.combining(c) for c in between):
                pending = (pending[0], end)
                continue
            yield _with_marks(text, *pending)
        pending = (start, end)
    if pending is not None:
        yield _with_marks(text, *pending)


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return start, end


def _skipped(text: str) -> list[tuple[int, int]]:
    if not any(mark in text for mark in ".@#:=/"):
        return []
    return [match.span() for match in SKIP.finditer(text)]


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    index = bisect_right(spans, (offset, sys.maxsize)) - 1  # the last span starting here or before
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _normal(word: str) -> str:
    word = word.replace("’", "'")
    return word if word.isascii() else unicodedata.normalize("NFC", word)


def _key(word: str) -> str:
    """How known words are compared: case-folded, without a possessive "'s"."""
    key = _normal(word).casefold()
    return key[:-2] if key.endswith("'s") and len(key) > 2 else key


@lru_cache(maxsize=16)
def _capitalised_forms(words: frozenset[str]) -> dict[str, str]:
    """Each known name's words that are only ever written with a capital, by key: "sam"
    -> "Sam" (a known word also written in lower case, "monday.com", is not one)."""
    forms: dict[str, str] = {}
    lower: set[str] = set()
    for entry in words:
        for match in WORD.finditer(_normal(entry)):
            part = match.group()
            if part[:1].isupper() and not part.isupper():
                forms.setdefault(_key(part), part)
            elif part.islower():
                lower.add(_key(part))
    return {key: form for key, form in forms.items() if key not in lower}


@lru_cache(maxsize=16)
def _known_keys(words: frozenset[str]) -> frozenset[str]:
    """Each known word or name, whole and word by word ("Siobhán Ní Bhriain")."""
    keys: set[str] = set()
    for entry in words:
        normal = _normal(entry)
        keys.add(_key(normal))
        keys.update(_key(match.group()) for match in WORD.finditer(normal))
    return frozenset(keys)
