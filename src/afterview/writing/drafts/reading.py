"""Reading a debrief nugget for the thank-you's specific point (P5), strictly.

A nugget enters a thank-you only as the candidate's own words in a form that reads
correctly in its frame: a clause after "hearing that …", a noun or gerund phrase
after "hearing about …", or a question. Anything else — note shorthand ("v", "yr",
"400k"), a fragment that lost its verb ("board v engaged, meets monthly") or its
subject ("launched last month"), a verb no list knows read as a noun ("the programme
lasts six weeks"), "end of year" without "at the", a slip ("there gala"), the
candidate's own talking point ("my time at P&G"), words about a person in the third
person, or someone's words reported back to them — is not guessed at: the draft
keeps a slot (`afterview.writing.slots`) for the candidate to write.

The check is a small rule-based reader over closed-class words (determiners,
pronouns, auxiliaries, prepositions) and the lists of `notes`, built to refuse
when unsure. No pronoun is rewritten except a lone "they"/"we" subject or
"their"/"our" at the start, which become "you"/"your" without touching anything
else ("the US launch" keeps its US).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from afterview.writing.drafts import notes as n
from afterview.writing.drafts.notes import Point, wordset

TITLES = r"(?:dr|prof|professor|mr|mrs|ms|mx|miss|sir|dame)\.?"
# Letters, combining accents ("Adébáyọ̀" keeps a dot and a grave as marks), ' . -
NAME_WORD = r"[^\W\d_][\w\u0300-\u036f'’.\-]*"
SAY_CLAUSE = (
    r"said|says|mentioned|mentions|told\s+(?:me|us)|tells\s+(?:me|us)|explained|"
    r"noted|shared|confirmed|pointed\s+out|reckons|thinks|stressed|emphasised|emphasized"
)
SAY_PHRASE = (
    r"talked\s+about|spoke\s+about|chatted\s+about|described|discussed|"
    r"walked\s+me\s+through|showed\s+me|went\s+through"
)
# "Dr. Whitaker-Bell told me that …", "priya mentioned …", "Zoë and Tom said …"
SPEAKER = re.compile(
    rf"^(?P<who>(?:{TITLES}\s+)?{NAME_WORD}(?:\s+(?:and\s+)?{NAME_WORD}){{0,3}}?)\s+"
    rf"(?:also\s+|then\s+)?(?:(?P<clause>{SAY_CLAUSE})|(?P<phrase>{SAY_PHRASE}))"
    r"(?:\s*,)?(?:\s+that)?\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
ACCORDING = re.compile(
    rf"^(?:according\s+to|per)\s+(?P<who>(?:{TITLES}\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}?)"
    r"\s*,\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
SAY_WORDS = wordset("said says mentioned mentions told tells explained reckons per")
NOT_SPEAKERS = wordset(
    "they we he she it i you the team interviewer interviewers panel everyone someone they've also"
)
SHORTHAND = wordset(
    "v vv yr yrs w/ w/o b/c bc govt mgmt approx abt thru ppl pls plz esp tbh imo mtg wk wks "
    "hr hrs mo mos mths mth k mil mn bn ish eg ie etc cos coz u ur tho prob def defo lol "
    "b4 dept asap fyi btw nb ok ppt w b c r y aka vs "
    # months and days cut short ("opening sept"); not "jan", "mar", "may", "sat", "sun",
    # "wed", which are names or words
    "feb apr jun jul aug sep sept oct nov dec mon tue tues weds thu thur thurs fri"
)
# What is left of "they're", "it's", "we'll", "I've", "they'd" typed without the apostrophe.
BROKEN_CONTRACTIONS = wordset("re ll ve d s t")
MONEY_SHORT = re.compile(r"^[£$€]?\d+(?:[.,]\d+)?(?:k|m|bn|mn|mil)$", re.IGNORECASE)
# A dash left standing in the text joins a one-word label to its gloss ("hybrid - 2 days
# in office"): a note's layout, not a sentence's.
SYMBOLS = frozenset({"&", "+", "->", "=>", "=", "~", "@", "#", "/", "|", ">", "<", "*"}) | n.DASHES
FIRST_PERSON = wordset("i i'm i've i'd i'll me my mine myself")
PEOPLE_PRONOUNS = wordset("he she him her his hers he's she's himself herself he'd she'd")
ORG_SUBJECT = {
    "they": "you",
    "they're": "you're",
    "they've": "you've",
    "they'll": "you'll",
    "we": "you",
    "we're": "you're",
    "we've": "you've",
    "we'll": "you'll",
}
ORG_POSSESSIVE = {"their": "your", "our": "your"}
ORG_PRONOUNS = wordset(
    "they they're they've they'll they'd them their theirs themselves "
    "we we're we've we'll we'd us our ours ourselves"
)
AFTER_THERE = n.AUX | wordset("seem seems seemed appears appear")
# Words after which a finite verb is fine inside a phrase ("plans to open", "the way
# that it works").
LICENSERS = n.WH | wordset("to that which who and but or so because when while if as")
MORE_VERBS = wordset(
    "meets reports sits holds plays looks seems feels means comes goes takes gives keeps "
    "lets puts thinks knows shows tries pays hosts funds trains mentors meet meets sells "
    "runs wants is are was were"
)
FINITE = n.VERBS | n.AUX | MORE_VERBS
CLAUSE_VERBS = FINITE | n.BASE_VERBS
# Adjectives notes use as a verbless predicate: "team small", "culture v relaxed".
PREDICATE_ADJECTIVES = wordset(
    "small big large huge tiny great good nice keen busy young old flat remote hybrid "
    "friendly lovely happy engaged supportive relaxed stressed strong weak fast slow early "
    "late hard easy tough clear unclear ambitious impressive chaotic amazing awesome cool "
    "impressed interested excited positive negative"
)
# Words that put what follows in a noun's place ("several new hires", "key plans").
BEFORE_NOUN = wordset(
    "new several many more few recent latest big major key first second third senior junior "
    "two three four five ten twelve twenty"
)
ADVERB_AFTER = wordset("weekly monthly daily yearly annually quarterly often now soon well fast")
# Cardinals fill a noun phrase's determiner slot: after a head noun, "lasts six weeks"
# makes "lasts" the verb, as "meets the board" does.
CARDINALS = n.NUMBERS - wordset("over nearly almost around about more")
# "ends next week": a time adverbial after the -s word, likelier a verb than a plural
# noun; when it is a noun ("customer demos next week") the cost is a slot, not damage.
NEXT_LAST = wordset("next last")
# Count nouns of time that need a determiner or a preposition: "at the end of the year";
# "stepping down end of year" is a note that dropped both.
TIME_FRAMES = wordset("end start beginning middle close")
# "about" takes a noun or gerund phrase, never a verb that lost its subject: "launched
# last month", "acquired by Sage", "based in Leeds". Irregular participles, and -ed words
# that are nouns ("speed of delivery").
PARTICIPLES = wordset(
    "done built made run grown gone seen known shown held led paid sold taken given "
    "begun won set spent kept brought bought"
)
ED_NOUNS = wordset("speed need seed feed breed greed deed weed shed hundred kindred")
# Job titles as acronyms are count nouns: "the CTO joining in May", unless a name follows
# ("CFO Jane Smith").
ROLE_ACRONYMS = wordset("ceo cto cfo coo cio cpo cmo cdo ciso vp svp evp md")
BOUNDARY = re.compile(r"\s*(?:[,;:]|\s[-–—+]\s|\s\(|\s/\s)\s*")


@dataclass(frozen=True, slots=True)
class Reading:
    """A nugget as a thank-you may use it.

    `point` is the well-formed clause, phrase or question, or None when the draft
    must keep a slot about `topic`. `speaker` is whoever the note says said it
    ("Priya" from "Priya said …"); `own` marks the candidate's own talking point.
    """

    topic: str
    point: Point | None
    speaker: str | None = None
    own: bool = False


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name ("Zoë" == "zoe")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_words(name: str) -> frozenset[str]:
    """The folded words of a person's name, titles and initials left out."""
    words = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", name)
    titles = wordset("dr prof professor mr mrs ms mx miss sir dame")
    parts = {fold(w) for w in words if len(w) > 1 and fold(w) not in titles}
    for word in list(parts):
        parts |= set(word.split("-")) - {""}
    return frozenset(parts)


def speaker_of(note: str | None) -> str | None:
    """The person a note names as having said it ("Dr Whitaker-Bell told me …")."""
    text = n._first_statement(note)
    match = SPEAKER.match(text) or ACCORDING.match(text)
    if match is None:
        return None
    who = match.group("who").strip()
    return None if _not_a_speaker(who) else who


def read(note: str | None, *, max_words: int = 20, recipient: str | None = None) -> Reading | None:
    """The nugget read for the specific point; None when it holds nothing (a to-do)."""
    first = next((line for line in (note or "").splitlines() if line.strip()), "")
    topic = n.clean(n.BULLET.sub("", first))
    text = n._first_statement(note)
    if not text or not topic:
        return None
    question = text.endswith("?")
    text = n._strip_end(text)
    text, frame, speaker = _unattributed(text)
    words = _cut_at_boundary(text).split()
    while words and n._word(words[0]) in n.LEADING_JOINERS:
        words = words[1:]
    if not words or n._word(words[0]) in n.TODO_VERBS:
        return None
    lowered = [n._word(w) for w in words]
    own = any(w in FIRST_PERSON for w in lowered) or "i" in text.lower().split()
    slot = Reading(topic, None, speaker, own)
    if not any(w not in n.FUNCTION and w not in n.PRONOUNS for w in lowered):
        return None
    if own or _damaged(words, lowered):
        return slot
    if recipient and _names_recipient(words, recipient):
        return slot  # their own words or doings, reported back to them in the third person
    addressed = _addressed(words)
    found = None if addressed is None else _shaped(addressed, question, frame, max_words)
    return slot if found is None else Reading(topic, found, speaker, own)


def _shaped(words: list[str], question: bool, frame: str | None, limit: int) -> Point | None:
    """The words as a clause, phrase or question that reads right, or None."""
    form = n._form(words, question and frame is None)
    if form == "about" and _subject_then_verb(words):
        form = "that"  # "the board meets monthly": a verb the lists of `notes` lack
    if form == "aside" or (frame == "that" and form != "that"):
        return None  # "Priya said big changes coming": a clause frame around no clause
    if frame == "about" and form == "question":
        form = "about"
    bounded = _bounded(words, limit)  # only the words used need to read right
    if bounded is None:
        return None
    if form == "about" and not _phrase_ok(bounded):
        return None
    if form == "that" and not _clause_ok(bounded):
        return None
    body = " ".join(n.cased(_role_article(n._with_article(n._lowered(bounded), form), form)))
    return Point(form, body + "?" if form == "question" else body)


def _role_article(words: list[str], form: str) -> list[str]:
    """ "CTO joining in May" → "the CTO joining in May"; "CFO Jane Smith …" stays."""
    if form not in {"about", "that"} or not words:
        return words
    head = re.sub(r"['’]s$", "", n._word(words[0]))
    named = len(words) > 1 and words[1][:1].isupper()
    return ["the", *words] if head in ROLE_ACRONYMS and not named else words


def _not_a_speaker(who: str) -> bool:
    words = [n._word(w) for w in who.split()]
    return not words or words[0] in NOT_SPEAKERS or all(w in n.FUNCTION for w in words)


def _unattributed(text: str) -> tuple[str, str | None, str | None]:
    """The note without "X said (that)" / "discussed" / "loved that": (rest, frame, speaker)."""
    match = SPEAKER.match(text)
    if match:
        who = match.group("who").strip()
        speaker = None if _not_a_speaker(who) else who
        return match.group("rest"), ("that" if match.group("clause") else "about"), speaker
    match = ACCORDING.match(text)
    if match:
        return match.group("rest"), "that", match.group("who").strip()
    rest, frame = n._unframed(text)
    return rest, frame, None


def _cut_at_boundary(text: str) -> str:
    parts = BOUNDARY.split(text, maxsplit=1)
    return parts[0] if len(parts[0].split()) >= 2 else text


def _damaged(words: Sequence[str], lowered: Sequence[str]) -> bool:
    """Shorthand, symbols, a stray "said", a slip or a person's pronoun: not the
    candidate's sentence yet."""
    for index, (token, word) in enumerate(zip(words, lowered, strict=True)):
        bare = token.strip(".,;:!?()\"'")
        if word in SHORTHAND and not n.short_month(lowered, index):
            return True  # "opening sept"; but "by sept 3" is written out as a month
        if bare in SYMBOLS or MONEY_SHORT.match(bare):
            return True
        if word in BROKEN_CONTRACTIONS and index > 0:
            return True  # "they re moving": the apostrophe lost in a hurry
        if "/" in bare and not re.fullmatch(r"[A-Z0-9]+(?:/[A-Z0-9]+)+|\d+/\d+", bare):
            return True
        if word in SAY_WORDS or word in PEOPLE_PRONOUNS:
            return True
        following = lowered[index + 1] if index + 1 < len(lowered) else ""
        if word == "there" and following not in AFTER_THERE:
            return True  # "there gala": their/there
        if word in ORG_POSSESSIVE and following in n.AUX:
            return True  # "their is": there/their
        if token.endswith((",", ";", ":")) and following in FINITE:
            return True  # "board v engaged, meets monthly": a comma where a subject was
        before = lowered[index - 1] if index else ""
        if word in TIME_FRAMES and following == "of" and index and before not in n.FUNCTION:
            return True  # "stepping down end of year": no "at the"
    return False


def _names_recipient(words: Sequence[str], recipient: str) -> bool:
    theirs = name_words(recipient)
    return any(fold(re.sub(r"['’]s$", "", n._word(w))) in theirs for w in words)


def _addressed(words: list[str]) -> list[str] | None:
    """A lone "they"/"we" subject or "their"/"our" start made "you"/"your"; None when
    the note uses such pronouns elsewhere (they cannot be rewritten safely)."""
    places = [
        i for i, w in enumerate(words) if n._word(w) in ORG_PRONOUNS and w.strip(".,;:!?") != "US"
    ]
    if not places:
        return words
    if len(places) > 1:
        head = n._word(words[places[0]])
        others = {n._word(words[i]) for i in places[1:]}
        if places[0] != 0 or head not in ORG_SUBJECT or not others <= set(ORG_POSSESSIVE):
            return None
        kept = _addressed(words[: places[1]])  # "They are rebuilding their model"
        return None if kept is None else kept + [_swap(w) for w in words[places[1] :]]
    at = places[0]
    word = n._word(words[at])
    opener = at == 0 or (at == 1 and n._word(words[0]) in n.WH | n.AUX)
    if not opener:
        return None
    swap = ORG_SUBJECT.get(word) or ORG_POSSESSIVE.get(word)
    if swap is None:
        return None
    core = words[at].rstrip(".,;:!?")
    return [*words[:at], swap + words[at][len(core) :], *words[at + 1 :]]


def _swap(token: str) -> str:
    core = token.rstrip(".,;:!?")
    swap = ORG_POSSESSIVE.get(core.lower())
    return token if swap is None else swap + token[len(core) :]


def _verbish(words: Sequence[str], lowered: Sequence[str], index: int) -> bool:
    """A finite verb at `index` not licensed by "to"/"that"/a wh-word before it
    ("May" the month is not "may")."""
    word = lowered[index]
    if word not in CLAUSE_VERBS or index == 0 or words[index][:1].isupper():
        return False
    before = lowered[index - 1]
    return not (
        before in LICENSERS
        or before in n.DETERMINERS
        or before in n.PRONOUNS
        or before in BEFORE_NOUN
    )


def _hidden_predicate(words: Sequence[str], lowered: Sequence[str]) -> bool:
    """A noun followed by a bare adjective, -ed word or -s verb: "team small",
    "board engaged", "board meets monthly"."""
    for index in range(1, len(words)):
        word, prev = lowered[index], lowered[index - 1]
        if not words[index - 1][:1].islower() or prev in n.FUNCTION or prev in n.DETERMINERS:
            continue
        if prev.endswith("ly") or prev in PREDICATE_ADJECTIVES or prev in n.NUMBERS:
            continue
        following = lowered[index + 1] if index + 1 < len(lowered) else ""
        if word in PREDICATE_ADJECTIVES and (not following or following in n.JOINERS):
            return True
        if word.endswith("ed") and len(word) > 4 and (not following or following in ADVERB_AFTER):
            return True
        if (
            word.endswith("s")
            and not word.endswith("ss")
            and following
            and (
                following in ADVERB_AFTER
                or following in n.DETERMINERS
                or following in CARDINALS
                or following in NEXT_LAST
                or following[:1].isdigit()
            )
        ):
            return True
    return False


def _subject_then_verb(words: Sequence[str]) -> bool:
    lowered = [n._word(w) for w in words]
    for index in range(1, min(6, len(words) - 1)):
        if lowered[index] in MORE_VERBS and not words[index][:1].isupper():
            subject = lowered[:index]
            return n._nominal(words[0]) and not any(
                w in n.FUNCTION and w not in n.DETERMINERS for w in subject
            )
    return False


def _verb_without_subject(lowered: Sequence[str]) -> bool:
    """A participle or past tense first, then no noun it could modify: "launched last
    month", "done by end of year" (but "automated testing" is a noun phrase)."""
    first, following = lowered[0], (lowered[1] if len(lowered) > 1 else "")
    verb = first in PARTICIPLES or (
        first.endswith("ed") and len(first) > 4 and first.isalpha() and first not in ED_NOUNS
    )
    return verb and (
        not following
        or following in n.FUNCTION
        or following in NEXT_LAST
        or following in ADVERB_AFTER
        or following[:1].isdigit()
    )


def _phrase_ok(words: Sequence[str]) -> bool:
    lowered = [n._word(w) for w in words]
    if _verb_without_subject(lowered):
        return False
    if lowered[0] in n.WH:
        return not _hidden_predicate(words, lowered)  # "how you run retros"
    if any(_verbish(words, lowered, i) for i in range(len(lowered))):
        return False
    return not _hidden_predicate(words, lowered)


def _clause_ok(words: Sequence[str]) -> bool:
    """Subject and verb were found by `notes`; the rest has no second bare verb."""
    lowered = [n._word(w) for w in words]
    verbs = [i for i in range(1, len(lowered)) if lowered[i] in CLAUSE_VERBS]
    if not verbs:
        return lowered[0] in n.PRONOUNS or lowered[0] in {"there's"}
    after = verbs[0] + 1
    # "is", "has", "will" may take a second verb form ("is moving", "has opened")
    rest = [i for i in verbs[1:] if lowered[i - 1] not in n.AUX and i > after]
    return not any(_verbish(words, lowered, i) for i in rest) and not _hidden_predicate(
        words[after:], lowered[after:]
    )


def _bounded(words: list[str], limit: int) -> list[str] | None:
    """At most `limit` words, cut only where a clause ends; None when it cannot be."""
    trimmed = n._trimmed(words)
    if len(trimmed) <= limit:
        return trimmed or None
    cut = 0
    for index in range(3, limit + 1):
        if words[index - 1][-1:] in {",", ";", ":"} or (
            index < len(words) and n._word(words[index]) in n.JOINERS
        ):
            cut = index
    if not cut:
        return None
    return n._trimmed(words[:cut]) or None
