"""A verb's plain form after "be" or "have" (P5 "Checks before sending"; the same checks
serve P7 and P8): "I am complete my application", "We are analyse the data", "what I
was hope for" (→ "completing", "analysing", "hoping"); "I have forward a clean
version", "I have check with Barbara", "We had call local officials" (→ "forwarded",
"checked", "called").

Why: after a form of "be" a verb takes its -ing form or its participle, never its plain
form; a hurried writer drops the ending. The plain form is judged a verb only where it
cannot be an adjective or a noun after "be": an object follows it ("complete my"), or
the tagger reads it as a verb before a preposition ("hope for"). Verbs whose participle
is their plain form ("are spread rapidly", "was put on hold") are passives, not slips.
After "have" the tagger must read the word as a verb: "I have time this week", "We have
work to do" hold nouns. Found by writing plain forms for -ing forms and participles in
real email sentences. Findings are warnings; the fix writes the -ing form or the
participle.
"""

from __future__ import annotations

from collections.abc import Iterator

from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks import ngram, verb_forms
from afterview.writing.checks._util import match_case, word_set
from afterview.writing.checks.grammar_classes import WARNING, Hit, Tok

BE_FORMS = word_set("am is are was were be been being")
HAVE_FORMS = word_set("have has had")
# What people have as a noun, with no article, before "with": "had contact with them",
# "have lunch with the team".
HAD_NOUNS = word_set(
    """contact lunch dinner breakfast coffee drinks words access experience trouble luck
    fun look chat talk meeting dealings input practice support control"""
)
# Between "be" and the verb: "we are also review", "I am currently complete".
SKIPPED = word_set("also just still really currently now already always actually")
OBJECT_STARTS = word_set("the a an my your our their his its this these those them us him me")
PREPOSITIONS = word_set("for to with about on at from into over through")
# Plain forms that are words of their own after "be" ("is like", "was worth").
NOT_HERE = word_set(
    "like worth due need do have let welcome out up down off over back in on away through"
)


def hits(toks: list[Tok], tags: list[str], lo: int, hi: int, text: str) -> Iterator[Hit]:
    yield from _after_be(toks, tags, lo, hi)
    yield from _after_have(toks, tags, lo, hi)


def _plain_verb(verb: Tok) -> bool:
    """A verb's plain form whose participle differs from it (not "spread", "put", "come")."""
    w = verb.low
    return (
        verb.text.isalpha()
        and verb.text.islower()
        and w not in NOT_HERE
        and lex.is_verb(w)
        and not lex.past_base(w)
        and not lex.third_person_base(w)
        and not w.endswith(("ing", "ed"))
        and lex.participle(w) != w
    )


def _reads_better(toks: list[Tok], lo: int, hi: int, j: int, fix: str) -> bool:
    """Do the n-gram counts find the words around j likelier with `fix` in its place?"""
    words = ngram.padded([toks[k].low for k in range(lo, hi)])
    return ngram.swap_gain(ngram.model(), words, j - lo + 1, fix) > 0


def _auxiliary_and_verb(
    toks: list[Tok], lo: int, hi: int, forms: frozenset[str]
) -> Iterator[tuple[int, int]]:
    """(i, j) for each auxiliary of `forms` at i and the word at j after its adverbs."""
    for i in range(lo, hi - 2):
        if toks[i].low in forms:
            j = i + 1
            while j < hi - 1 and toks[j].low in SKIPPED:
                j += 1
            if j < hi - 1:  # a word after the verb, inside the sentence: "I am really."
                yield i, j


def _after_have(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    for i, j in _auxiliary_and_verb(toks, lo, hi, HAVE_FORMS):
        verb = toks[j]
        if tags[j] not in ("VB", "VBP") or not _plain_verb(verb):
            continue
        if toks[j + 1].low == "to" or verb.low in HAD_NOUNS or tags[j + 1] in ("NN", "NNS"):
            # "we have work to do", "I have time to talk": a noun, read as a verb; "you
            # have write access", "we have build scripts": a noun's modifier
            continue
        if i > lo and toks[i - 1].low in HAVE_FORMS | {"'ve", "’ve"}:
            continue  # "I have had contact with": "had" is the verb
        participle = lex.participle(verb.low)
        if toks[j + 1].low in PREPOSITIONS and not _reads_better(toks, lo, hi, j, participle):
            continue  # "your experience has overlap with theirs": a noun
        yield Hit(
            verb.start,
            verb.end,
            "verb-form",
            WARNING,
            f'Did you mean "{participle}"? After "{toks[i].text}" a verb takes its participle.',
            match_case(verb.text, participle),
        )


def _after_be(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    for i, j in _auxiliary_and_verb(toks, lo, hi, BE_FORMS):
        verb, after = toks[j], toks[j + 1]
        w = verb.low
        if not _plain_verb(verb):
            continue  # "are spread rapidly", "was put on hold": a passive
        if after.low in OBJECT_STARTS:
            if lex.is_adjective(w) and after.low in ("a", "an", "the"):
                continue  # "is open the whole day"
        elif not (
            after.low in PREPOSITIONS and tags[j] in ("VB", "VBP") and not lex.is_adjective(w)
        ):
            continue  # "you are welcome to join"
        ing = verb_forms.forms(w).get("VBG")
        if not ing:
            continue
        fix = match_case(verb.text, ing)
        yield Hit(
            verb.start,
            verb.end,
            "verb-form",
            WARNING,
            f'Did you mean "{fix}"? After "{toks[i].text}" a verb takes its -ing form or its '
            "participle, not its plain form.",
            fix,
        )
