"""Tone: P5 asks for "no negative statements or words" in a thank-you email, and P7/P8 ask
for courteous withdrawals and follow-ups that are "polite; never pushy". A hiring manager
remembers the one sour note in an otherwise good email.

- `tone.negative-word` (warning): a word whose valence in the VADER sentiment lexicon is
  at or below NEGATIVE_AT ("problem", "difficult", "terrible"), plus a few sentence
  adverbs VADER rates just above it ("unfortunately"). Not when negated within the three
  previous words ("no problem", "not difficult"), not when the writer is fixing it
  ("solved problems", "reduced errors"), not as a field or topic ("error handling",
  "pain points", "fraud detection", "cancer care"), and not in a capitalised name
  ("Fraud Prevention Unit"). A softer word is suggested where one fits.
- `tone.negative-statement` (error): apologising for one's own performance ("sorry for
  my nervousness", "I didn't do well", "I was so nervous", "I struggled with"),
  criticising an employer ("my previous manager was toxic", "I hate ..."), and
  desperation ("I really need this job", "desperate"). The message says why and how
  to reframe it positively.

The lexicon is read from the installed `vaderSentiment` package's `vader_lexicon.txt`,
found on `sys.path` without importing the package (its module imports
`requests`), once per process. Without the package only the statements and the built-in
extra words are checked.
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache

from afterview.writing.checks._util import (
    inside_any,
    match_case,
    url_spans,
    without_overlaps,
    word_set,
)
from afterview.writing.context import CheckContext
from afterview.writing.findings import Finding, Severity
from afterview.writing.text import Document, Token

# VADER valences run from -4 to +4; at -1.5 "problem" (-1.7) and "difficult" (-1.5) count,
# "hard" (-0.4), "pressure" (-1.2) and "no" (-1.2) do not.
NEGATIVE_AT = -1.5
LEXICON_FILE = "vader_lexicon.txt"
LEXICON_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")

# Sentence adverbs that set a negative frame although VADER rates them milder.
EXTRA_NEGATIVE = word_set("unfortunately sadly regrettably unluckily")
# Words VADER scores negative that, in a candidate's email, are usually a field or a topic.
TOPICAL = word_set(
    """cancer tumor tumour disease illness emergency injury injuries death funeral funerals
    debt deficit fraud fraudsters crime criminal criminals prison prisoners poverty
    unemployment recession weapons war wars attack attacks attacker attackers threat threats
    danger dangerous abuse violence trauma depression accident collision collisions crash
    flu sick grave damage damages losses waste spam block blocking dump dispute disputes
    prosecution detention adverse hostile penalty victim victims battery error errors
    failure failures bug bugs stress fighting fight battle battles panic severe strikes
    conflict conflicts risk harm"""
)
# "error handling", "pain points": a word used as the name of a field of work.
TOPIC_NOUNS = word_set(
    """handling handler points point management testing test tests detection prevention
    reduction rate rates recovery analysis modelling modeling team unit department care
    services service support research law insurance response centre center ward relief
    collection resolution assessment control tracking reporting budget budgets log logs
    messages message cases case victims survivors switch chain letter queue zone"""
)
# Negative nouns that name a field when another noun follows: "disaster recovery".
ATTRIBUTIVE = word_set(
    """pain problem problems trouble disaster kill dead crisis incident incidents abuse
    complaint complaints failure loss losses"""
)
# "solved problems", "reduced errors": an achievement, not a complaint; "I enjoy hard
# problems": an appetite, not a complaint.
REMEDY = word_set(
    """solve solves solved solving fix fixes fixed fixing reduce reduces reduced reducing cut
    cutting eliminate eliminated eliminating prevent prevented preventing avoid avoided
    resolve resolved resolving tackle tackled tackling address addressed addressing handle
    handled handling minimise minimised minimize minimized lower lowered decrease decreased
    detect detected detecting debug debugged diagnose diagnosed mitigate mitigated overcome
    overcame combat combating combatting fought reverse reversed halve halved manage managed
    managing treat treated treating support supported supporting troubleshoot
    troubleshooting remove removed prevent enjoy enjoyed enjoying love loved loves relish
    relished thrive thrived like liked"""
)
NEGATIONS = word_set(
    "not no never without nothing hardly neither nor cannot barely none isn't wasn't aren't "
    "weren't don't doesn't didn't won't wouldn't can't couldn't shouldn't haven't hasn't"
)
SOFTER: dict[str, str] = {
    "problem": "challenge",
    "problems": "challenges",
    "difficult": "challenging",
    "stressful": "demanding",
    "weakness": "area to develop",
    "weaknesses": "areas to develop",
    "weak": "less strong",
    "worry": "question",
    "worries": "questions",
    "bad": "not ideal",
    "terrible": "challenging",
    "awful": "challenging",
    "horrible": "challenging",
    "disappointed": "surprised",
    "disappointing": "unexpected",
    "struggling": "working hard",
    "failed": "did not succeed",
    "hate": "prefer not",
    "useless": "unhelpful",
    "boring": "routine",
    "mess": "complex situation",
    "stupid": "unwise",
}
DROPPABLE = word_set("unfortunately sadly regrettably unluckily")
NEGATED_APOSTROPHE = re.compile(r"n['’]t$")


@cache
def negative_words() -> frozenset[str]:
    """Lower-case words at or below NEGATIVE_AT in the installed VADER lexicon (read once).

    Parsing the 7,500-line lexicon costs ~9 ms a process; the chosen words are kept
    in the cache folder (keyed by the lexicon file and the threshold) and read back
    in a fraction of that, since `afterview check` is timed as a whole process.
    """
    for entry in sys.path:  # where the package is installed, without importing it
        path = os.path.join(entry or ".", "vaderSentiment", LEXICON_FILE)
        if os.path.isfile(path):
            return frozenset(_cached_words(path))
    return frozenset()


def _cached_words(lexicon: str | os.PathLike[str]) -> list[str]:
    """(Plain `os` paths: `pathlib` costs ~2.5 ms to import in a timed `check`.)"""
    from afterview import paths

    stat = os.stat(lexicon)
    name = f"tone-negative-{stat.st_size}-{stat.st_mtime_ns}-{NEGATIVE_AT}.txt"
    cached = os.path.join(paths.cache_dir(), name)
    try:
        with open(cached, encoding="utf-8") as f:
            return f.read().split("\n")
    except OSError:
        pass
    with open(lexicon, encoding="utf-8") as f:
        words = _parse_lexicon(f.read())
    try:
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        temporary = f"{cached}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as f:
            f.write("\n".join(words))
        os.replace(temporary, cached)
    except OSError:  # a read-only cache folder only costs the parse next time
        pass
    return words


def _parse_lexicon(text: str) -> list[str]:
    words: list[str] = []
    for line in text.splitlines():
        parts = line.split("\t", 2)
        if len(parts) < 2 or not LEXICON_WORD.fullmatch(parts[0]):
            continue
        try:
            valence = float(parts[1])
        except ValueError:
            continue
        if valence <= NEGATIVE_AT:
            words.append(parts[0])
    return words


class Statement:
    # A plain class, not a dataclass: each @dataclass costs ~1 ms of every `check` process.
    __slots__ = ("message", "needs", "source", "suggestion")

    def __init__(
        self,
        source: str,
        message: str,
        suggestion: str | None = None,
        needs: frozenset[str] = frozenset(),
    ) -> None:
        self.source = (
            source  # compiled on first use: compiling them all at import costs each process
        )
        self.message = message
        self.suggestion = suggestion
        # One of these lower-case words must be in the text for the pattern to match at all.
        self.needs = needs


APOLOGY = (
    "Apologising for your own performance draws the reader back to it; P5 asks for no "
    "negative statements. Leave it out, or turn it into a positive: \"I'd like to add to "
    'my answer on ..." or "I enjoyed the discussion of ...".'
)
CRITICISM = (
    "Criticising an employer, a manager or colleagues reflects on the writer, not on them "
    "(P5: no negative statements). Say what you look forward to in the new role instead."
)
DESPERATION = (
    "Sounding desperate weakens your position (P5: no negative statements; P8: never pushy). "
    'Show enthusiasm instead, e.g. "I am very keen on this role".'
)
CLAUSE = r"[^.!?\n,;]{0,60}"


def _statement(needs: str, pattern: str, message: str, suggestion: str | None = None) -> Statement:
    return Statement(pattern, message, suggestion, frozenset(needs.split()))


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


STATEMENTS: tuple[Statement, ...] = (
    _statement(
        "sorry",
        r"\b(?:(?:I\s+am|I['’]m)\s+)?(?:so\s+|very\s+|really\s+|truly\s+)?sorry\s+(?:for|about)\s+"
        r"(?:my|the\s+way\s+I|how\s+I|being|not)\b"
        r"(?!\s+(?:late|slow|delayed|belated|tardy)?\s*(?:reply|response|delay|absence|answer)\b)"
        r"(?!\s+(?:getting|replying|responding|writing)\s+back)" + CLAUSE,
        APOLOGY,
    ),
    _statement(
        "apologise apologize",
        r"\bI\s+(?:must\s+|would\s+like\s+to\s+|want\s+to\s+)?apologi[sz]e\s+for\s+(?:my|being|"
        r"not|how\s+I|the\s+way\s+I|the\s+(?:way|answer|mistake|confusion|error|rambling))\b"
        + CLAUSE,
        APOLOGY,
    ),
    _statement(
        "didn't didn’t did",
        r"\bI\s+(?:didn['’]t|did\s+not)\s+(?:do|perform|interview|present|answer)\s+(?:very\s+|"
        r"as\s+|that\s+|so\s+)?(?:well|my\s+best|great|good)\b",
        APOLOGY,
    ),
    _statement(
        "messed screwed mucked",
        r"\bI\s+(?:really\s+|totally\s+|completely\s+)?(?:messed|screwed|mucked)\s+up\b",
        APOLOGY,
    ),
    _statement(
        "nervous anxious flustered unprepared underprepared depth",
        r"\bI\s+(?:was|felt)\s+(?:so\s+|very\s+|really\s+|quite\s+|a\s+bit\s+|a\s+little\s+|"
        r"extremely\s+|too\s+)?(?:nervous|anxious|flustered|unprepared|underprepared|"
        r"out\s+of\s+my\s+depth)\b",
        APOLOGY,
    ),
    _statement(
        "struggled stumbled froze blanked rambled fumbled",
        r"\bI\s+(?:really\s+|badly\s+)?(?:struggled|stumbled|froze|blanked|rambled|fumbled)\b"
        r"(?:\s+(?:with|on|over|through)\b)?",
        APOLOGY,
    ),
    _statement(
        "answer answers response responses explanation presentation performance interview",
        r"\bmy\s+(?:answers?|responses?|explanation|presentation|performance|interview)\b"
        r"[^.!?\n]{0,60}?\b(?:was|were|wasn['’]t|weren['’]t)\s+(?:\w+\s+)?(?:poor|bad|weak|"
        r"terrible|awful|rubbish|unclear|confusing|disappointing|incomplete|not\s+(?:great|"
        r"good|very\s+good|my\s+best|clear))\b",
        APOLOGY,
    ),
    _statement(
        "current previous last old former present",
        r"\bmy\s+(?:current|previous|last|old|former|present)\s+(?:employer|company|boss|manager|"
        r"managers|team|colleagues|workplace|job|firm|organi[sz]ation|management)\s+"
        r"(?:is|was|are|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:terrible|awful|toxic|"
        r"horrible|dreadful|incompetent|useless|a\s+nightmare|chaotic|a\s+mess|hopeless|"
        r"disorganised|disorganized|unbearable|the\s+worst|bad|poor|dysfunctional|miserable|"
        r"clueless|lazy|rubbish|a\s+joke)\b",
        CRITICISM,
    ),
    _statement(
        "micromanaged micromanaging micromanager micromanage micromanages micromanagement",
        r"\bmicro-?manag\w*",
        CRITICISM,
    ),
    _statement(
        "credit",
        r"\b(?:took|takes|take|taking|stole|steals|claimed|claims)\s+(?:all\s+)?(?:the\s+)?"
        r"credit\s+for\s+(?:my|our|other\s+people['’]s|others['’]?|everyone['’]s|the\s+team['’]s)"
        r"\b" + CLAUSE,
        CRITICISM,
    ),
    _statement(
        "toxic",
        r"\btoxic\b(?!\s+(?:chemicals?|waste|substances?|materials?|gas|gases|metals?|spills?|"
        r"exposure|algae|fumes))",
        CRITICISM,
    ),
    _statement(
        "boss manager supervisor employer management lead company",
        r"\bmy\s+(?:(?:current|previous|last|old|former|present|line)\s+)?(?:boss|manager|"
        r"supervisor|employer|team\s+lead|management|company)\s+(?:(?:never|rarely)\s+(?:listened|"
        r"listens|cared|cares|supported|supports|appreciated|valued|recogni[sz]ed|thanked|trusted|"
        r"helped|gave|let|bothered)|(?:always|constantly|often|kept|would)\s+(?:ignor|undermin|"
        r"blam|critici[sz]|interrupt|micromanag|shout|yell|belittl|chang)\w*|ignored|undermined|"
        r"blamed|belittled|yelled|shouted|bullied|refused\s+to)\b" + CLAUSE,
        CRITICISM,
    ),
    _statement(
        "hate hated stand despise loathe",
        r"\bI\s+(?:hate|hated|can['’]t\s+stand|cannot\s+stand|despise|loathe)\b" + CLAUSE,
        CRITICISM,
    ),
    _statement(
        "need",
        r"\bI\s+(?:really\s+|desperately\s+|badly\s+|urgently\s+|just\s+)?need\s+(?:this|a|the)\s+"
        r"(?:job|role|position|work|money|offer)\b",
        DESPERATION,
        "I am very keen on this role",
    ),
    _statement("desperate", r"\bdesperate\b", DESPERATION, "keen"),
    _statement("desperately", r"\bdesperately\b", DESPERATION, "very much"),
    _statement("anything", r"\bI['’]ll\s+(?:take|do)\s+anything\b", DESPERATION),
    _statement(
        "hire chance beg",
        r"\b(?:please\s+(?:hire\s+me|give\s+me\s+(?:a|this)\s+chance)|I\s+beg\s+you)\b",
        DESPERATION,
    ),
)


def _statement_findings(doc: Document) -> list[Finding]:
    findings: list[Finding] = []
    present = {t.text.lower() for t in doc.words}
    for statement in STATEMENTS:
        if not statement.needs & present:
            continue
        for m in _compiled(statement.source).finditer(doc.text):
            span = m.group(0).rstrip()
            suggestions = (match_case(span, statement.suggestion),) if statement.suggestion else ()
            findings.append(
                doc.finding(
                    m.start(),
                    len(span),
                    "tone.negative-statement",
                    Severity.ERROR,
                    f'"{span}": {statement.message}',
                    suggestions,
                )
            )
    return findings


def _clause_before(words: list[Token], index: int, text: str) -> list[str]:
    """Up to three lower-case words before `index`, stopping at the clause's start."""
    found: list[str] = []
    for back in range(index - 1, max(-1, index - 4), -1):
        if any(mark in text[words[back].end : words[back + 1].start] for mark in ".!?;:\n"):
            break
        found.append(words[back].text.lower().replace("’", "'"))
    return found


# Given names that are also negative words; others are looked up in the census names.
NAME_WORDS = frozenset({"rob", "sue"})


def _greeted(token: Token, text: str) -> bool:
    """A capitalised given name that opens a line and is followed by a comma."""
    if not token.text[:1].isupper() or text[token.end : token.end + 1] != ",":
        return False
    if token.start and text[token.start - 1] != "\n":
        return False
    low = token.text.lower()
    if low in NAME_WORDS:
        return True
    from afterview.writing.checks.spelling import given_names

    return low in given_names()


def _excused(words: list[Token], index: int, doc: Document, sentence_starts: set[int]) -> bool:
    token = words[index]
    lower = token.text.lower()
    if token.text[0].isupper() and token.start not in sentence_starts:
        return True  # part of a name: "Fraud Prevention Unit", "Crash Bandicoot"
    text = doc.text
    if _greeted(token, text):
        return True  # "Rob, the figures are attached": a name opening the line
    if text[token.end : token.end + 1] == "-" or text[token.start - 1 : token.start] == "-":
        return True  # a compound term: "dead-letter queue", "problem-solving", "fail-safe"
    following = words[index + 1].text.lower() if index + 1 < len(words) else ""
    if following in TOPIC_NOUNS or following.startswith("solv"):
        return lower in TOPICAL or lower in ATTRIBUTIVE
    if lower in TOPICAL:
        return True
    before = _clause_before(words, index, doc.text)
    return any(
        word in REMEDY or word in NEGATIONS or NEGATED_APOSTROPHE.search(word) for word in before
    )


def _suggestion(doc: Document, token: Token, lower: str) -> tuple[tuple[int, int], tuple[str, ...]]:
    """The span to replace and the softer wording (none when only a rephrase will do)."""
    if lower in DROPPABLE:
        end = token.end
        while end < len(doc.text) and doc.text[end] in ", \t":
            end += 1
        rest = re.match(r"[^\W\d_]+", doc.text[end:])
        before = token.start - 1
        while before >= 0 and doc.text[before] in " \t\"“'‘":
            before -= 1
        starts_sentence = before < 0 or doc.text[before] in ".!?\n"
        if starts_sentence and rest and rest.group()[0].islower():
            word = rest.group()
            return (token.start, end + len(word)), (word[0].upper() + word[1:],)
        return (token.start, end), ("",)
    softer = SOFTER.get(lower)
    return (token.start, token.end), ((match_case(token.text, softer),) if softer else ())


COURTESY_SOURCE = (
    r"(?i)\b(?:unfortunately|sadly|regrettably),?\s+(?:I|we)\b[^.!?\n]{0,30}?\b(?:unable|not\s+be\s+"
    r"able|cannot|can['’]t|won['’]t|will\s+not|shall\s+not|have\s+to|must|need\s+to|miss|decline|"
    r"accepted|decided|chosen|withdraw)"
    r"|\bsorry\s+to\s+(?:hear|learn|read|miss|say|see|have\s+missed)|\bcondolences\b|\bsympath"
    r"|\bpassed\s+away\b|\byour\s+(?:loss|bereavement)\b|\b(?:taking|took|take)\s+the\s+trouble\b"
    r"|\bno\s+trouble\b|\b(?:sorry|apologi[sz]e|apologies)\s+(?:for|about)\s+(?:the|my|any)\s+(?:late|"
    r"slow|delayed|belated)?\s*(?:delay|reply|response|inconvenience|short\s+notice|confusion)"
    r"|\bI['’]m\s+afraid\b|\bI\s+am\s+afraid\b|\bI\s+regret\s+that\b"
    r"|\b(?:a|was|the)\s+(?:very\s+|really\s+)?(?:difficult|hard|tough)\s+(?:decision|choice)\b"
)
COURTESY_CUES = (
    "unfortunately",
    "sadly",
    "regrettably",
    "sorry",
    "condolence",
    "sympath",
    "passed away",
    "your loss",
    "bereavement",
    "trouble",
    "apologi",
    "afraid",
    "regret",
    "decision",
    "choice",
)


def _courteous(doc: Document) -> list[tuple[int, int]]:
    """Sentences holding a polite formula or a condolence: their words are courtesy."""
    lowered = doc.text.lower()
    if not any(cue in lowered for cue in COURTESY_CUES):
        return []
    courtesy = _compiled(COURTESY_SOURCE)
    if not courtesy.search(doc.text):
        return []
    spans = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
    return [(a, b) for a, b in spans if courtesy.search(doc.text, a, b)]


def _courtesy_spans(doc: Document, courteous: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the polite formulas themselves stand in the courteous sentences."""
    if not courteous:
        return []
    courtesy = _compiled(COURTESY_SOURCE)
    return [m.span() for a, b in courteous for m in courtesy.finditer(doc.text, a, b)]


def _word_findings(doc: Document, courteous: list[tuple[int, int]]) -> list[Finding]:
    negative = negative_words()
    words = doc.words
    starts = {s.start for s in doc.sentences} | {
        t.start for t in words if t.start == 0 or doc.text[t.start - 1] == "\n"
    }
    findings: list[Finding] = []
    for index, token in enumerate(words):
        lower = token.text.lower().replace("’", "'")
        if lower not in negative and lower not in EXTRA_NEGATIVE:
            continue
        if _excused(words, index, doc, starts):
            continue
        if courteous and inside_any(token.start, token.end, courteous):
            continue
        (start, end), suggestions = _suggestion(doc, token, lower)
        if lower in DROPPABLE:
            hint = "leave it out and say what you can offer"
        elif suggestions:
            hint = f'try "{suggestions[0]}"'
        else:
            hint = "rephrase it positively"
        findings.append(
            doc.finding(
                start,
                end - start,
                "tone.negative-word",
                Severity.WARNING,
                f'"{token.text}" reads as negative; P5 asks for no negative words: {hint}.',
                suggestions,
            )
        )
    return findings


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    """Negative statements (errors) and, outside them, negative words (warnings)."""
    del ctx  # the same tone rules for every kind of message
    urls = url_spans(doc)
    from afterview.writing.checks import tone_criticism, tone_model

    courteous = _courteous(doc)
    criticism = tone_criticism.findings(doc, courteous, _courtesy_spans(doc, courteous))
    statements = without_overlaps([*_statement_findings(doc), *criticism])
    taken = [(f.offset, f.offset + f.length) for f in statements]
    statements += tone_model.findings(doc, [*courteous, *taken], negative_words())
    taken = [(f.offset, f.offset + f.length) for f in statements]
    words = [
        f
        for f in _word_findings(doc, courteous)
        if not inside_any(f.offset, f.offset + f.length, taken)
    ]
    return [
        f
        for f in sorted([*statements, *words], key=lambda f: f.offset)
        if not inside_any(f.offset, f.offset + max(f.length, 1), urls)
    ]
