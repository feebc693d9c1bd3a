"""Agreement across "and"/"but": a second verb that shares the sentence's pronoun
subject takes its number ("He is our trader and is under contract", not "and are"; "We
have been branching out and are working", not "and is") (P5 "Checks before sending";
the same checks serve P7 and P8).

Why: the agreement rules look at the words next to the verb, and after "and" there is
no subject to agree with. Found by swapping is/are, was/were, has/have in real
sentences. Only a pronoun subject that opens the sentence counts, and only while no
other clause can have started: a second finite verb, a subordinator or another pronoun
before "and" ends the search ("He said the reports were late and are missing").
"""

from __future__ import annotations

from collections.abc import Iterator

from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks._util import match_case, word_set
from afterview.writing.checks.grammar_classes import WARNING, Hit, Tok

PERSON = {"i": "first", "he": "third", "she": "third", "it": "third"}
PERSON.update(dict.fromkeys(("we", "they", "you"), "plural"))
# The right form of each be/have/do form for each kind of subject (absent: it agrees).
FIX = {
    "first": {"is": "am", "are": "am", "were": "was", "has": "have", "does": "do"},
    "third": {"am": "is", "are": "is", "were": "was", "have": "has", "do": "does"},
    "plural": {"am": "are", "is": "are", "was": "were", "has": "have", "does": "do"},
}
FIX["first"]["doesn't"] = "don't"
FIX["third"]["don't"] = "doesn't"
FIX["plural"]["doesn't"] = "don't"
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
# Words that may open another clause before "and", whose verb would have its own subject.
CLAUSE_OPENERS = word_set(
    """that which who whom whose when where if because although though while since unless
    until whether as than what how why said says think thought ; : —"""
)
JOINS = word_set("and but")
INVERTED_SUBJECTS = word_set("i you he she it we they there this that these those")
FINITE_WORDS = word_set(
    """is are was were am has have had do does did will would can could should may might
    must shall"""
)
ADVERBS = word_set("also still now then currently already just always often never really")


def _subject(toks: list[Tok], tags: list[str], lo: int, hi: int) -> tuple[str, int, int] | None:
    """The kind of the sentence's opening subject, its head and the index of its verb: a
    pronoun, or a noun phrase with a determiner whose verb agrees with it ("Your sentence
    sounds", "The files were"), which shows the noun is the subject."""
    j = lo
    if j >= hi:
        return None
    if toks[j].low in PERSON and tags[j] == "PRP":
        kind, head = PERSON[toks[j].low], j
    else:
        found = _noun_subject(toks, tags, lo, hi)
        if found is None:
            return None
        kind, head = found
        j = head
    k = j + 1
    while k < hi and toks[k].low in ADVERBS:
        k += 1
    if k >= hi or tags[k] not in FINITE_TAGS:
        return None
    if head != lo and _number(toks[k], tags[k]) not in (kind, None):
        return None  # "The files is": the first verb disagrees, no subject to trust
    if head != lo and _number(toks[k], tags[k]) is None:
        return None
    return kind, head, k


NOUN_DETERMINERS = word_set("the this that these those our your my their his her its")
NOUN_PHRASE_TAGS = frozenset({"JJ", "NN", "NNS", "VBG", "CD"})


def _noun_subject(toks: list[Tok], tags: list[str], lo: int, hi: int) -> tuple[str, int] | None:
    if toks[lo].low not in NOUN_DETERMINERS or not toks[lo].text[:1].isupper():
        return None
    k = lo + 1
    while k < hi and tags[k] in NOUN_PHRASE_TAGS and toks[k].text.islower():
        k += 1
    head = k - 1
    if head == lo or tags[head] not in ("NN", "NNS"):
        return None
    return ("plural" if tags[head] == "NNS" else "third"), head


def _number(tok: Tok, tag: str) -> str | None:
    """ "plural" or "third" for a verb whose form shows its number, else None."""
    if tag == "VBZ":
        return "third"
    if tag == "VBP":
        return "plural"
    return {"was": "third", "were": "plural"}.get(tok.low)


def hits(toks: list[Tok], tags: list[str], lo: int, hi: int, text: str) -> Iterator[Hit]:
    found = _subject(toks, tags, lo, hi)
    if found is None:
        return
    person, head, verb = found
    fixes = FIX[person]
    for k in range(verb + 1, hi - 1):
        low = toks[k].low
        if low in CLAUSE_OPENERS or low in PERSON:
            return
        if tags[k] in FINITE_TAGS and (lex.is_verb(low) or low in FINITE_WORDS):
            return  # another verb, perhaps of another subject ("basis/VBD" is not one)
        if low not in JOINS:
            continue
        m = k + 1
        while m < hi and toks[m].low in ADVERBS:
            m += 1
        if m >= hi:
            return
        fix = fixes.get(toks[m].low)
        if m + 1 < hi and toks[m + 1].low in INVERTED_SUBJECTS:
            return  # "… and are you free?": a question with its own subject
        if fix is not None and toks[m].text.islower():
            written = match_case(toks[m].text, fix)
            yield Hit(
                toks[m].start,
                toks[m].end,
                "agreement",
                WARNING,
                f'Did you mean "{written}"? "{toks[m].text}" shares its subject '
                f'"{toks[head].text}" with the verb before "{toks[k].text}".',
                written,
            )
        return
