"""A preposition dropped between a noun and the determiner of the next noun phrase (P5
"Checks before sending"; the same checks serve P7 and P8): "What is the status the
quote from Wade?", "an automated notification the availability of your newsletter",
"Is there any detail the gas cost proxy?" (→ "status of the quote", "notification of
the availability", "detail on the gas").

Why: two noun phrases side by side with no verb after the second are not English,
except where a verb takes two objects ("send the team the file"), a time phrase opens a
clause ("this week the team …") or the second phrase opens a clause of its own ("the
report the team sent": a verb follows). Which preposition is missing, the n-gram counts
say ("status of the", "detail on the"); where none of them reads better than the gap,
nothing is reported. Found by deleting prepositions from real email sentences; the
counts never saw those sentences. Findings are warnings; the fix writes the word in.
"""

from __future__ import annotations

from collections.abc import Iterator

from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks import lm_slips, ngram
from afterview.writing.checks._util import word_set
from afterview.writing.checks.grammar_classes import WARNING, Hit, Tok

CANDIDATES = ("of", "on", "for", "to", "in", "with", "about", "from", "at")
SECOND_DETERMINERS = word_set("the this these those your our their my his")
FIRST_DETERMINERS = frozenset({"DT", "PRP$", "POS", "IN", "CD"})
# Verbs that take two objects, or an object and its name: "send the team the file",
# "call the product the starter kit", "wish the team the best".
TWO_OBJECTS = word_set(
    """give gives gave given giving send sends sent sending show shows showed shown tell
    tells told offer offers offered email emails emailed pass passes passed hand hands
    handed forward forwards forwarded bring brings brought lend lent owe owes owed promise
    promised teach teaches taught wish wishes wished grant granted ask asks asked award
    awarded pay pays paid cost costs save saves saved buy buys bought get gets got make
    makes made find finds found leave leaves left call calls called name names named
    consider considers considered elect elected appoint appointed deny denied charge
    charges charged bill billed refund refunded allow allows allowed cc take takes took
    taken taking spend spends spent"""
)
# Nouns that open a clause or end an adverbial before a new phrase: "this week the team
# met", "each time the page loads", "in case the file is late".
ADVERBIAL_NOUNS = word_set(
    """week weeks month months year years day days time times morning afternoon evening
    night weekend today tomorrow yesterday moment minute minutes hour hours second
    seconds quarter season summer winter spring autumn fall term case way place point
    end start beginning meantime meanwhile while instance example rate cost price total
    side part half rest lot bit kind sort type deal fact sense hand event"""
)
CALENDAR = word_set(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december"""
)
VERB_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "MD"})
PHRASE_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "HYPH", "VBG"})
CLAUSE_ENDS = frozenset({",", ".", ";", ":", "(", ")", "!", "?", "—", "–", "but"})
# How much likelier (log10) the words around the gap must read with the preposition.
GAIN_FLOOR = 0.3


def _noun(toks: list[Tok], tags: list[str], lo: int, j: int) -> bool:
    """A common noun, or a word right after a determiner that the tagger, puzzled by the
    slip, read as a verb or a name ("the status/NNP the quote", "any detail/VB the")."""
    if tags[j] in ("NN", "NNS"):
        return True
    return (
        tags[j] in ("NNP", "VB", "VBP")
        and j - 1 >= lo
        and tags[j - 1] in ("DT", "PRP$")
        and toks[j - 1].low not in ("that", "which", "what")
    )


def _determined(toks: list[Tok], tags: list[str], lo: int, j: int) -> bool:
    """Does the noun phrase ending at j open with a determiner or follow a preposition
    (so it is a phrase of its own, not a list or a heading)?"""
    k = j
    while k - 1 >= lo and tags[k - 1] in ("JJ", "JJR", "JJS", "NN", "HYPH", "VBG", "VBN"):
        k -= 1
    return k - 1 >= lo and (tags[k - 1] in FIRST_DETERMINERS or toks[k - 1].low == "the")


def _second_phrase_ends(toks: list[Tok], tags: list[str], k: int, hi: int) -> int | None:
    """The head of the phrase opened by the determiner at k, if no verb follows it in its
    clause ("the report the team sent" has one: a relative clause)."""
    m = k + 1
    while m < hi and tags[m] in PHRASE_TAGS:
        m += 1
    head = m - 1
    if head <= k or tags[head] not in ("NN", "NNS", "NNP", "NNPS"):
        return None
    if any(toks[n].low in ADVERBIAL_NOUNS | CALENDAR for n in range(k + 1, head + 1)):
        return None  # "out of the office this Thursday", "the holidays this year"
    if tags[head] == "NNS" and tags[head - 1] == "NN" and lex.third_person_base(toks[head].low):
        return None  # "the distance the bus travels": a subject and its verb
    while m < hi and toks[m].low not in CLAUSE_ENDS:
        if tags[m] in VERB_TAGS or toks[m].low in ("that", "which", "who"):
            return None
        m += 1
    return head


def _best_preposition(toks: list[Tok], lo: int, hi: int, j: int) -> str | None:
    model = ngram.model()
    words = ngram.padded([toks[k].low for k in range(lo, hi)])
    p = j - lo + 2  # the determiner's index among the padded words
    gains = {c: lm_slips.delta(model, words, "insert", p, c) for c in CANDIDATES}
    best = max(gains, key=lambda c: gains[c])
    return best if gains[best] > GAIN_FLOOR else None


def hits(toks: list[Tok], tags: list[str], lo: int, hi: int, text: str) -> Iterator[Hit]:
    for j in range(lo + 1, hi - 2):
        noun, det = toks[j], toks[j + 1]
        if (
            det.text not in SECOND_DETERMINERS
            or not _noun(toks, tags, lo, j)
            or not noun.text.isalpha()
            or not noun.text.islower()
            or noun.low in ADVERBIAL_NOUNS
            or not _determined(toks, tags, lo, j)
            or any(toks[m].low in TWO_OBJECTS for m in range(lo, j))
            or (toks[j - 1].low == "to" and lex.third_person_base(noun.low))
        ):
            continue  # "To views your confirmation": a verb's -s form, not a noun
        head = _second_phrase_ends(toks, tags, j + 1, hi)
        if head is None or toks[head].low in ADVERBIAL_NOUNS:
            continue  # "who sees the model the first time"
        if det.low == "your" and toks[head].low.endswith("ing"):
            continue  # "the type of service your building": "you're", not a preposition
        word = _best_preposition(toks, lo, hi, j)
        if word is None:
            continue
        # over the determiner too, so that the n-gram model's finding of the gap gives
        # way; not over "your", which has slips of its own ("you're")
        yield Hit(
            noun.start,
            noun.end if det.low == "your" else det.end,
            "missing-word",
            WARNING,
            f'Is a word missing? "{noun.text} {det.text}" reads as if it needs "{word}": '
            f'"{noun.text} {word} {det.text}".',
            f"{noun.text} {word} {det.text}",
        )


DURATION_UNITS = word_set("days weeks months years hours minutes")
NUMBER_WORDS = word_set(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty several few"
)
# Read as nouns, these open the stretch themselves: "over the past 12 months".
SPAN_OPENERS = word_set("past last next first final coming previous following recent initial")
# Before the number: "nearly four years".
DURATION_ADVERBS = word_set("nearly almost about around over roughly some another")
# After the unit, what makes the number a point in time or a size, not a stretch:
# "two days ago", "30 days past due", "three years old", "two weeks' notice".
NOT_A_STRETCH = word_set(
    """ago later earlier before after prior from old long late early ahead past in of away
    back out behind notice ' ’ 's ’s running straight apart overdue behind since"""
)


def duration_without_for(
    toks: list[Tok], tags: list[str], lo: int, hi: int, text: str
) -> Iterator[Hit]:
    """ "pending your approval 2 days", "remain a customer 90 days": a stretch of time
    after a noun wants "for" ("for 2 days"); after a verb it may stand bare ("lasted 2
    days", "took us 3 months")."""
    for j in range(lo + 1, hi - 2):
        if tags[j] not in ("NN", "NNS") or not toks[j].text.isalpha() or not toks[j].text.islower():
            continue
        if toks[j].low in ADVERBIAL_NOUNS | DURATION_UNITS | SPAN_OPENERS:
            continue  # "each day two hours", "three years 2 months", "the past 14 years"
        k = j + 1
        if toks[k].low in DURATION_ADVERBS:
            k += 1
        if k + 1 >= hi or not (toks[k].text.isdigit() or toks[k].low in NUMBER_WORDS):
            continue
        if toks[k + 1].low not in DURATION_UNITS:
            continue
        after = toks[k + 2].low if k + 2 < hi else "."
        if after in NOT_A_STRETCH or any(toks[m].low in TWO_OBJECTS for m in range(lo, j)):
            continue
        first = toks[j + 1]
        yield Hit(
            first.start,
            toks[k + 1].end,
            "missing-word",
            WARNING,
            f'Is a word missing? "{toks[j].text} {first.text}" reads as if it needs "for": '
            f'"{toks[j].text} for {first.text}".',
            "for " + text[first.start : toks[k + 1].end],
        )
