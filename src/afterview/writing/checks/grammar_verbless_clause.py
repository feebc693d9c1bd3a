"""A clause whose "is"/"are" was dropped between its subject and what is said of it (P5
"Checks before sending": "double check your spelling, grammar and content"; the same
checks serve P7 and P8), found by deleting "is" and "are" from real email sentences:

- after a word that opens a clause of its own: "When JavaScript not available, users
  will see", "if the above acceptable, please sign", "once the contract signed, we";
- after "that" following a verb of saying or knowing: "Please confirm that the room
  booked for Tuesday";
- in a sentence whose subject comes after a short opening phrase: "In fact, the entire
  offer valued at $299!", "Sometimes, assurance provided by people elsewhere.";
- with a second verb after "and" that shows the subject's first one is missing: "The
  letter surprising and we need", "Roni blind and has recently started".

The clause must have no finite verb up to its end (a comma, a stop, a relative word), the
word after the subject must be an adjective or a participle used as a predicate (not
before a noun: "since the meeting last week"), and a participle must not take an object
(then it is a past tense the tagger read as a participle: "Sam attended the meeting").
Findings are warnings; the fix writes the word in.
"""

from __future__ import annotations

from collections.abc import Iterator

from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks import lm_slips, ngram
from afterview.writing.checks._util import word_set
from afterview.writing.checks.grammar_classes import WARNING, Hit, Tok
from afterview.writing.checks.grammar_missing import FINITE_TAGS as FINITE
from afterview.writing.checks.grammar_missing import FINITE_WORDS

# Words that open a clause which needs a finite verb of its own ("as" and "since" are
# prepositions too often: "as the Director responsible for", "since the meeting last week").
SUBORDINATORS = word_set("when if because although though while unless whether once until")
# Verbs and adjectives after which "that" opens a clause, not a noun phrase.
THAT_VERBS = word_set(
    """said says say think thinks thought believe believes know knows knew sure confirm
    confirmed confirm understand understood hope hoped feel felt agree agreed ensure
    realise realize realised realized aware noted note mentioned mention told clear
    assume assumed suggest suggested advise advised"""
)
# A short opening phrase before the subject: "In fact,", "Furthermore,", "As a result,".
OPENING_TAGS = frozenset({"RB", "IN", "DT", "NN", "JJ", "CC", "RBR", "JJS"})
OPENING_LONGEST = 4
SUBJECT_PRONOUNS = word_set("it this that these those they")
# A prepositional phrase inside a subject: "the version of the prototype".
SUBJECT_PREPOSITIONS = word_set("of in on for from at with")
DETERMINERS = frozenset({"DT", "PRP$", "CD"})
NOUN_PHRASE = frozenset({"DT", "PRP$", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS"})
NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# Between the subject and its predicate: "the room still not booked".
BETWEEN = word_set(
    """not never still also now already very so too pretty really quite extremely fairly
    rather greatly highly fully currently definitely certainly probably usually always"""
)
# What may follow an adjective that is a predicate (not one before its noun).
AFTER_ADJECTIVE = word_set(
    """to for with about of in on at by from and but that than as enough because if , . ;
    : ! ? ) —"""
)
# What may follow a participle that is a passive predicate (not a past tense with an object).
AFTER_PARTICIPLE = word_set(
    """by in on at to for from with as into under within below above separately here
    earlier today yesterday tomorrow and but , . ; : ! ? ) —"""
)
CLAUSE_ENDS = word_set(", . ; : ! ? ( ) — – which who whom whose where that because")
VERB_S_NEXT = word_set("to the a an this that it them us you him her our their my")
COORDINATORS = word_set("and but or")
# A second subject after "and" shows a clause of its own ("… and we need to").
NEXT_SUBJECTS = word_set("i we you they he she it")
# Adjectives that are rarely a predicate of a clause's subject (they name or count).
NOT_PREDICATES = word_set(
    """own same other such next last first second third former latter only main new
    following above below whole entire total"""
)


def hits(toks: list[Tok], tags: list[str], lo: int, hi: int, text: str) -> Iterator[Hit]:
    yield from _question_without_verb(toks, tags, lo, hi)
    yield from _relative_adjective(toks, tags, lo, hi)
    for start in _subject_starts(toks, tags, lo, hi):
        found = _gap(toks, tags, start, lo, hi)
        if found is None:
            continue
        gap, head = found
        predicate = gap
        while toks[predicate].low in BETWEEN:
            predicate += 1
        subordinate = _subordinate(toks, start, lo)
        floor = SUBORDINATE_FLOOR if subordinate and tags[predicate] != "VBD" else GAIN_FLOOR
        if _likelier(toks, tags, lo, hi, gap, head, floor):
            yield _hit(toks, tags, head, gap)


# The n-gram counts must not clearly prefer the clause as written (on 7,065 neutral
# sentences, -0.3 adds no finding; -0.6 adds two, none at all five).
GAIN_FLOOR = -0.3
# After "when", "if", "once": the tagger's own participle or adjective is evidence enough
# unless the counts clearly prefer the clause as written.
SUBORDINATE_FLOOR = -1.0


def _word(toks: list[Tok], tags: list[str], head: int) -> str:
    if toks[head].low in ("they", "these", "those"):
        return "are"
    return "are" if tags[head] in ("NNS", "NNPS") and toks[head].low not in ("news",) else "is"


def _likelier(
    toks: list[Tok], tags: list[str], lo: int, hi: int, gap: int, head: int, floor: float
) -> bool:
    model = ngram.model()
    words = ngram.padded([toks[k].low for k in range(lo, hi)])
    return lm_slips.delta(model, words, "insert", gap - lo + 1, _word(toks, tags, head)) > floor


ADJECTIVE_ENDINGS = ("ent", "ant", "ble", "ful", "ive", "ous", "ary", "ory", "ic", "al")


def _adjective(low: str) -> bool:
    """ "not convenient", "very relevant": after "not" or a degree adverb the tagger may
    read an adjective as a noun; its ending tells."""
    return (
        low.endswith(ADJECTIVE_ENDINGS)
        and lex.third_person_base(low) is None
        and not lex.is_verb(low)  # "the user also receive": a verb, its agreement slipped
    )


# How often the counts must find a word as a verb per time as a noun for a noun-tagged word
# after a noun and before a preposition to be read as the clause's verb ("look" 2.4,
# "work" 2.3; "plan" 0.5 and "report" 0.4 stay nouns).
VERB_READING = 2.0


def _verb_read_as_noun(toks: list[Tok], tags: list[str], k: int, hi: int) -> bool:
    if tags[k] not in ("NN", "NNS") or not toks[k].text.islower() or k + 1 >= hi:
        return False
    if tags[k - 1] not in NOUNS or tags[k + 1] not in ("IN", "TO", "DT", "PRP$", "PRP"):
        return False
    base = lex.third_person_base(toks[k].low) or toks[k].low
    return ngram.verbiness(ngram.model(), base) >= VERB_READING


def _regular_past(low: str) -> bool:
    """ "booked", "valued": a past tense that is also the participle, so the tagger's VBD
    may be a passive's participle."""
    return low.endswith("ed") and low not in lex.IRREGULAR_PAST


def _subject_starts(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[int]:
    """Where a clause's subject may start: after a subordinator, after "that" following a
    verb of saying, after a short opening phrase and its comma."""
    if _sentence_ends(toks, hi) and toks[lo].text[:1].isupper():
        yield lo
    for i in range(lo, hi - 3):
        low = toks[i].low
        if (
            (low in SUBORDINATORS and (i == lo or toks[i - 1].low in (",", ";", "and", "but")))
            or (
                low == "as"
                and i >= lo + 2
                and toks[i - 1].low == "soon"
                and toks[i - 2].low == "as"
            )
            or (
                low == "that"
                and i > lo
                and tags[i] == "IN"
                and (toks[i - 1].low in THAT_VERBS or tags[i - 1] in ("JJ", "VB", "VBZ"))
            )
            or low == ";"
            or (
                low == "and"
                and i > lo
                and toks[i - 1].text == ","
                and _clause_before(toks, tags, lo, i - 1)
            )
        ):
            yield i + 1
    comma = next(
        (k for k in range(lo + 1, min(hi, lo + OPENING_LONGEST + 1)) if toks[k].text == ","), None
    )
    if (
        comma is not None
        and toks[lo].text[:1].isupper()
        and toks[lo].low not in SUBORDINATORS
        and all(tags[k] in OPENING_TAGS for k in range(lo, comma))
        and _sentence_ends(toks, hi)
    ):
        yield comma + 1


def _clause_before(toks: list[Tok], tags: list[str], lo: int, comma: int) -> bool:
    """Is the stretch before ", and" a clause with a verb, not a list's item ("keep your
    domain, your organization, and your contacts updated")?"""
    k = comma - 1
    while k >= lo and toks[k].text != ",":
        if tags[k] in FINITE:
            return True
        k -= 1
    return False


def _sentence_ends(toks: list[Tok], hi: int) -> bool:
    return toks[hi - 1].text in (".", "!", "?")


def _noun_phrase_end(tags: list[str], j: int, hi: int) -> int:
    """Where the noun phrase from j ends: an adjective after its noun starts the predicate
    ("Short answers easier to read")."""
    while j < hi and tags[j] in NOUN_PHRASE:
        if tags[j] in ("JJ", "JJR") and tags[j - 1] in NOUNS:
            break
        j += 1
    return j


def _pronoun_before_noun_phrase(toks: list[Tok], tags: list[str], j: int, hi: int) -> bool:
    """Does a noun phrase follow the article at j, in a clause with no finite verb?"""
    k = j + 1
    while k < hi and tags[k] in NOUN_PHRASE:
        k += 1
    if tags[k - 1] not in NOUNS:
        return False
    return not _finite_before_end(toks, tags, k, hi)


def _finite_before_end(toks: list[Tok], tags: list[str], k: int, hi: int) -> bool:
    for m in range(k, hi):
        if toks[m].low in CLAUSE_ENDS or toks[m].low == "to":
            return False  # "They an easy way to keep the panel informed": an infinitive's
        if tags[m] in FINITE or toks[m].low in FINITE_WORDS:
            return True
    return False


def _gap(toks: list[Tok], tags: list[str], start: int, lo: int, hi: int) -> tuple[int, int] | None:
    """(the token before which "is"/"are" is missing, the subject's head) in the clause
    whose subject starts at `start`, if that clause has no finite verb."""
    if start >= hi - 1:
        return None
    if (
        toks[start].low in SUBJECT_PRONOUNS
        and tags[start] in ("PRP", "DT")
        and (toks[start].low in ("it", "they") or tags[start + 1] not in NOUN_PHRASE - {"DT"})
    ):
        j = start + 1
        if toks[j].low in ("a", "an", "the") and _pronoun_before_noun_phrase(toks, tags, j, hi):
            return j, start  # "They an ideal way to help", "It a great chance"
        subject = (j, start)
    else:
        found = _noun_subject(toks, tags, start, lo, hi)
        if found is None:
            return None
        subject = found
    subject_end, head = subject
    j = subject_end
    while j < hi and toks[j].low in BETWEEN:
        j += 1
    if not _predicate(toks, tags, start, subject_end, j, hi):
        return None
    if any(toks[k].low in FINITE_WORDS for k in range(start, subject_end)):
        return None
    if _clause_has_verb(toks, tags, start, lo, j, hi):
        return None
    return subject_end, head


def _noun_subject(
    toks: list[Tok], tags: list[str], start: int, lo: int, hi: int
) -> tuple[int, int] | None:
    """(end, head) of the noun phrase subject at `start`: with a determiner, a name, or
    bare at the sentence's start; with up to two phrases after "of"/"in"/… ("This version
    of the prototype")."""
    first = tags[start]
    capital = toks[start].text[:1].isupper()
    if not (
        first in DETERMINERS
        or (first in ("NNP", "NNPS") and capital)
        or (first in ("JJ", "NN", "NNS") and capital and start == lo)
    ):
        return None
    j = _noun_phrase_end(tags, start, hi)
    if tags[j - 1] not in NOUNS:
        return None  # "the above": no noun to be a subject
    head = j - 1
    for _ in range(2):
        if j + 1 < hi and toks[j].low in SUBJECT_PREPOSITIONS and tags[j + 1] in NOUN_PHRASE:
            k = _noun_phrase_end(tags, j + 1, hi)
            if tags[k - 1] not in NOUNS:
                break
            j = k
    return j, head


def _subordinate(toks: list[Tok], start: int, lo: int) -> bool:
    return start > lo and toks[start - 1].low in SUBORDINATORS | {"as"}


def _predicate(
    toks: list[Tok], tags: list[str], start: int, subject_end: int, j: int, hi: int
) -> bool:
    """Is word j what is said of the subject: an adjective, or a participle that takes no
    object here?"""
    if j + 1 >= hi or toks[j].low in NOT_PREDICATES:
        return False
    nxt = toks[j + 1].low
    if toks[j].low in ("more", "less", "fewer") and nxt == "than":
        return False  # "their team more than doubled": a comparison before the verb
    if tags[j] in ("JJ", "JJR") or (j > subject_end and _adjective(toks[j].low)):
        return nxt in AFTER_ADJECTIVE
    # A past tense is read as a participle only after "once"/"if"/"when" and a noun: "the
    # meeting today turned into", "When it launched", "the team hoped to" are pasts.
    past_as_participle = (
        tags[j] == "VBD"
        and _regular_past(toks[j].low)
        and _subordinate(toks, start, 0)
        and toks[start].low not in SUBJECT_PRONOUNS
        and nxt != "to"
    )
    return (tags[j] == "VBN" or past_as_participle) and nxt in AFTER_PARTICIPLE


def _clause_has_verb(
    toks: list[Tok], tags: list[str], start: int, lo: int, j: int, hi: int
) -> bool:
    """Has the clause a finite verb after its predicate at j, before it ends?"""
    participle = tags[j] in ("VBN", "VBD")
    if participle and any(
        lex.third_person_base(toks[k].low) and toks[k + 1].low in VERB_S_NEXT
        for k in range(j + 1, hi - 1)
    ):
        return True  # "The report posted on the website fails to": a verb read as a noun
    # After a participle, a colon, a bracket or (outside a subordinate clause) a comma may
    # sit inside a long subject ("The people included in the cc: are", "Content published
    # on web pages (…) doesn't", "All material created by civil servants, ministers and
    # their agencies are covered"): read on.
    inside = {":", "(", ")"} if participle else set()
    if participle and not _subordinate(toks, start, lo):
        inside.add(",")
    for k in range(j + 1, hi):
        low = toks[k].low
        if low in CLAUSE_ENDS and low not in inside:
            return False
        if (
            low in COORDINATORS
            and k + 1 < hi
            and (
                tags[k + 1] in FINITE
                or toks[k + 1].low in FINITE_WORDS
                or toks[k + 1].low in NEXT_SUBJECTS
            )
        ):
            return False  # "blind and has recently started": the subject's second verb
        if tags[k] in ("VBP", "VBD") and tags[k - 1] in ("DT", "JJ", "PRP$"):
            continue  # "the shared drive/VBP": a noun
        if _verb_read_as_noun(toks, tags, k, hi) or tags[k] in FINITE or low in FINITE_WORDS:
            return True  # "People familiar with research look/NN for": the clause's verb
    return False


def predicate_ends(
    toks: list[Tok], tags: list[str], lo: int, hi: int, found: list[Hit]
) -> set[int]:
    """Where the predicates of these findings end: agreement must not read such a word as
    the clause's verb ("the team very keen" is no "keens")."""
    ends = set()
    for hit in found:
        k = next((m for m in range(lo, hi) if toks[m].end == hit.end), None)
        if k is None:
            continue
        while k < hi - 1 and toks[k].low in BETWEEN:
            k += 1
        base = lex.third_person_base(toks[k].low) or toks[k].low
        if tags[k] in ("JJ", "JJR") and ngram.verbiness(ngram.model(), base) < NO_VERB:
            ends.add(toks[k].end)  # "keen" 0.0, "ready" 0.2; not "receive", "open" 1.5
    return ends


# How often the counts may find a predicate as a verb per time as a noun for agreement to
# leave it alone (below: an adjective or a participle, whatever the tagger says).
NO_VERB = 0.5


def _hit(toks: list[Tok], tags: list[str], head: int, gap: int) -> Hit:
    return _between(toks[gap - 1], toks[gap], _word(toks, tags, head))


def _between(a: Tok, b: Tok, word: str) -> Hit:
    """A finding over two words with `word` written in between them."""
    return Hit(
        a.start,
        b.end,
        "missing-word",
        WARNING,
        f'Is a word missing? "{a.text} {b.text}" reads as if it needs "{word}": '
        f'"{a.text} {word} {b.text}".',
        f"{a.text} {word} {b.text}",
    )


QUESTION_WORDS = word_set("what where when who how why")


def _question_without_verb(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    """ "What the status on the quote?", "Where the files for the audit?": a question word
    and a noun phrase with no verb before the question mark (→ "What is the status")."""
    if hi - lo < 4 or toks[lo].low not in QUESTION_WORDS or toks[hi - 1].text != "?":
        return
    if tags[lo + 1] not in ("DT", "PRP$") or toks[lo + 1].low in ("that", "this"):
        return  # "What that means?" is a fragment of its own; "What this" may be a pronoun
    k = lo + 1
    while k < hi and tags[k] in NOUN_PHRASE:
        k += 1
    if tags[k - 1] not in NOUNS:
        return
    for m in range(lo + 1, hi):
        if toks[m].low in ("that", "which", "who", ","):
            break  # "What the outcomes that your work will impact?"
        if tags[m] in FINITE or toks[m].low in FINITE_WORDS:
            return
    word = "are" if tags[k - 1] in ("NNS", "NNPS") else "is"
    yield _between(toks[lo], toks[lo + 1], word)


def _relative_adjective(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    """ "short answers, which suitable for a layout", "an option that not operational":
    a relative word that is the subject, then an adjective with no verb (→ "which are")."""
    for j in range(lo + 2, hi - 2):
        if toks[j].low not in ("which", "who", "that") or tags[j - 1] not in (
            "NN",
            "NNS",
            ",",
        ):
            continue
        k = j + 1
        negated = toks[k].low == "not"
        while k < hi - 1 and toks[k].low in BETWEEN:
            k += 1
        if k + 1 >= hi:
            continue  # the text ends at word k: nothing after it to judge it by
        adjective = tags[k] in ("JJ", "JJR") and toks[k].low not in NOT_PREDICATES
        follows = toks[k].low == "as" and toks[k + 1].low == "follows"  # "which as follows:"
        if not follows and (not adjective or toks[k + 1].low not in AFTER_ADJECTIVE):
            continue
        if toks[j].low == "that" and not negated and not follows:
            continue  # "that" + adjective is often a degree: "not that different from"
        noun = j - 2 if tags[j - 1] == "," else j - 1
        if noun < lo:
            continue
        word = "are" if tags[noun] in ("NNS", "NNPS") else "is"
        yield _between(toks[j], toks[j + 1], word)
