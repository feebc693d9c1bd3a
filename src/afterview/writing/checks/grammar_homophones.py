"""Homophones the tags around them settle (P5 "Checks before sending"; the same checks
serve P7 withdrawals and P8 follow-ups):

- "affective" in a letter is "effective" ("a cost affective way"; not "affective
  disorder"); "citizens effected by them", "measurements that effect time" are
  "affected"/"affect"; "to affect cultural change" is "effect" (bring about);
- "if your blind or", "If your constrained by": "your" where a clause wants its subject
  and verb, before an adjective or participle with no noun after it, is "you're";
  "You're planning will benefit", "open up you're writing": "you're" before an -ing
  noun that is a subject or an object is "your";
- "as its shown on", "its essential everyone", "Its most effective when": "its" before an
  adjective or participle that no noun follows is "it's".

Findings are warnings, like the other tagged rules (`grammar_tagged.homophones`).
"""

from __future__ import annotations

from collections.abc import Iterator

from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks._util import match_case, word_set
from afterview.writing.checks.grammar_classes import WARNING, Hit, Tok

# Where "affective" is the psychologists' word, not a slip.
AFFECTIVE_NEXT = word_set("disorder disorders computing state states domain response responses")
# What people "effect" (bring about); any other object is influenced: "affect".
EFFECT_OBJECTS = word_set(
    "change changes reform reforms transformation improvement improvements repairs cure"
)
EFFECT_AFTER = word_set("that which who can could will would may might must to not")
# "your" opens a subject's clause after these: "if your blind", "because your new".
CLAUSE_OPENERS = word_set(
    "if when as because since while unless whether that so and but once until though although"
)
# Adjectives "your" goes before as a determiner, with a preposition next ("on your own
# in", "do your best for").
YOUR_ADJECTIVES = word_set("own best worst first last next only very utmost fullest finest usual")
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "VBG"})
# Verbs a clause follows ("I heard you're leaving"), so "you're" after them is right.
CLAUSE_TAKERS = word_set(
    """think thought know knew guess hope hoped believe believed say said see saw feel felt
    bet mean meant realise realised realize realized found find agree agreed understand
    understood hear heard told tell notice noticed assume assumed imagine imagined wish
    suppose supposed trust expect expected promise promised remember remembered forget
    forgot ensure ensured confirm confirmed check checked show showed shown prove proved
    reckon doubt learned learnt read decided figured worried glad sure aware seem seems
    seemed appear appears appeared sounds sounded looks looked means love loved like liked
    hate hated trust trusted"""
)
# Prepositions whose object "you're" cannot open: "with you're help".
OBJECT_PREPOSITIONS = word_set("of with from into by about under over without within to in on at")
# Nouns "you're" stands before as a predicate: "you're part of", "you're family".
PREDICATE_NOUNS = word_set("part family friends home welcome fine right top well")
# Between "its" and its adjective: "Its most effective when", "its really easy to".
DEGREE = word_set("most more very so really quite also not too fairly pretty")
# After "it's" + an adjective or participle, what may come ("as it's shown on a passport",
# "it's essential everyone understands", "It's linear.").
ITS_AFTER = word_set(
    """to that . , ; when if as for ( and but on in by at with from everyone we you they i
    he she there because so now here"""
)


def _hit(t: Tok, slug: str, fix: str, why: str) -> Hit:
    return Hit(t.start, t.end, slug, WARNING, why, match_case(t.text, fix))


def affect_effect(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    for i in range(lo, hi):
        t = toks[i]
        nxt = toks[i + 1].low if i + 1 < hi else ""
        prev = toks[i - 1].low if i > lo else ""
        if t.low == "affective" and nxt not in AFFECTIVE_NEXT:
            yield _hit(
                t,
                "affect-effect",
                "effective",
                'Did you mean "effective"? "Affective" is about emotions.',
            )
        elif (
            t.low == "effected"
            and nxt == "by"
            and i > lo
            and tags[i - 1] in ("NNS", "NN", "PRP")
            and prev not in EFFECT_OBJECTS  # "the changes effected by the board": made
        ):
            yield _hit(
                t,
                "affect-effect",
                "affected",
                'Did you mean "affected"? To influence is "affect"; to "effect" is to bring about.',
            )
        elif (
            t.low == "effect"
            and prev in EFFECT_AFTER
            and tags[i] in ("VB", "VBP")
            and i + 1 < hi
            and tags[i + 1] in ("DT", "PRP$", "NN", "NNS", "PRP", "JJ")
            and nxt not in EFFECT_OBJECTS
            and not (i + 2 < hi and toks[i + 2].low in EFFECT_OBJECTS)
        ):
            yield _hit(
                t,
                "affect-effect",
                "affect",
                'Did you mean "affect"? To influence is "affect"; to "effect" is to bring about.',
            )
        elif (
            t.low == "affect"
            and prev in ("to", "can", "could", "will", "would", "must", "and")
            and _change_after(toks, tags, i + 1, hi)
        ):
            yield _hit(
                t,
                "affect-effect",
                "effect",
                'Did you mean "effect"? To bring about change is to "effect" it; to sway it,'
                ' "affect".',
            )


def _change_after(toks: list[Tok], tags: list[str], k: int, hi: int) -> bool:
    """Is a change brought about at k ("change", "cultural change"), not a compound noun
    ("change management")?"""
    if k + 1 < hi and tags[k] == "JJ":
        k += 1
    if k >= hi or toks[k].low not in EFFECT_OBJECTS:
        return False
    return not (k + 1 < hi and tags[k + 1] in ("NN", "NNS"))


def your_youre(
    toks: list[Tok], tags: list[str], slip_tags: list[str], lo: int, hi: int
) -> Iterator[Hit]:
    for i in range(lo, hi - 1):
        t, nxt = toks[i], toks[i + 1]
        prev = toks[i - 1].low if i > lo else ""
        after = tags[i + 2] if i + 2 < hi else "."
        if (
            t.low == "your"
            and (i == lo or prev in CLAUSE_OPENERS or prev == ",")
            and (tags[i + 1] in ("JJ", "VBN") or slip_tags[i + 1] in ("JJ", "VBN"))
            and nxt.text.islower()
            and nxt.low not in YOUR_ADJECTIVES
            and after not in NOUN_TAGS
        ):
            yield _hit(
                t,
                "your-youre",
                "you're",
                'Did you mean "you\'re"? "you\'re" = "you are"; "your" = belonging to you.',
            )
        elif (
            t.low == "you're"
            and tags[i + 1] in ("VBG", "NN")
            and nxt.low.endswith("ing")
            and (
                (after in ("MD", "VBZ") and (i == lo or tags[i - 1] in ("IN", "CC", ",")))
                or (i > lo and tags[i - 1] == "RP")
            )
        ):  # not "the pattern you're suggesting will be": a relative clause
            yield _hit(
                t,
                "your-youre",
                "your",
                'Did you mean "your"? "your" = belonging to you; "you\'re" = "you are".',
            )
        elif (
            t.low in ("you're", "you’re")
            and i > lo
            and (tags[i - 1] in ("VBD", "VBN", "VB") or prev in OBJECT_PREPOSITIONS)
            and prev not in CLAUSE_TAKERS
            and (
                (tags[i + 1] in ("NN", "NNS") and nxt.text.islower())
                or (tags[i + 1] == "NNP" and nxt.text.isupper() and len(nxt.text) > 1)
                or (tags[i + 1] == "JJ" and nxt.text.islower() and after in ("NN", "NNS"))
            )
            and nxt.low not in PREDICATE_NOUNS
        ):  # "have changed you're address", "received you're RSVP": an object, "your"
            yield _hit(
                t,
                "your-youre",
                "your",
                'Did you mean "your"? "your" = belonging to you; "you\'re" = "you are".',
            )


def its_its(
    toks: list[Tok], tags: list[str], slip_tags: list[str], lo: int, hi: int
) -> Iterator[Hit]:
    for i in range(lo, hi - 1):
        t = toks[i]
        if t.low != "its":
            continue
        j = i + 1
        while j < hi - 1 and (toks[j].low in DEGREE or toks[j].low.endswith("ly")):
            j += 1
        read = {tags[j], slip_tags[j]}  # the slip-aware tagger reads "its shown/VBN"
        if not read & {"JJ", "JJS", "VBN"} or not toks[j].text.islower():
            continue
        after = toks[j + 1].low if j + 1 < hi else "."
        if after in ITS_AFTER:
            yield _hit(
                t,
                "its-its",
                "it's",
                'Did you mean "it\'s"? "it\'s" = "it is"; "its" = belonging to it.',
            )


NP_TAGS = frozenset({"DT", "JJ", "JJR", "JJS", "VBN", "NN", "NNS", "NNP", "NNPS", "CD", "HYPH"})


def were_where(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    """ "at all points were text overlays obscure it", "may be were a building is": "were",
    a noun phrase, then that phrase's own finite verb, is "where" and its clause."""
    for i in range(lo + 1, hi - 2):
        t = toks[i]
        if t.low != "were" or not t.text.islower():
            continue
        j, nouns = i + 1, 0
        while j < hi and tags[j] in NP_TAGS and toks[j].low not in ("that", "which"):
            nouns += tags[j] in ("NN", "NNS", "NNP", "NNPS")
            j += 1
        if nouns and j < hi and j > i + 1 and tags[j] in ("VBZ", "VBP", "MD"):
            yield _hit(
                t,
                "were-where",
                "where",
                'Did you mean "where"? "where" = at which place; "were" = the past of "are".',
            )


# "where possible", "where needed": a clause of "where" that leaves out its verb.
WHERE_ELLIPSIS = word_set(
    """possible necessary needed appropriate applicable relevant available required
    practical practicable feasible useful helpful else exactly"""
)
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
CLAUSE_STOPS = frozenset({".", ",", ";", ":", "!", "?", "(", ")", "—", "–"})


def _finite(toks: list[Tok], tags: list[str], j: int) -> bool:
    """A verb that may be finite, or an -s verb the tagger read as a plural noun
    ("career takes"); a past form the tagger read as a participle counts ("where the
    error occurred/VBN")."""
    if tags[j].startswith("VB") and tags[j] != "VBG":
        return True
    low = toks[j].low
    if tags[j - 1] in ("NNS", "NNPS", "PRP") and lex.is_verb(low):
        return True  # "where people work/NN": a plural subject's verb read as a noun
    return low.endswith("s") and lex.third_person_base(low) is not None


def where_for_were(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    """ "the versions where drafts of the email", "how things where 18 months ago": "where"
    after a noun or pronoun opens a clause that needs its own finite verb; with none
    before the clause ends, it is the verb "were"."""
    for i in range(lo + 1, hi - 1):
        t = toks[i]
        if t.low != "where" or not t.text.islower():
            continue
        if tags[i - 1] not in ("NN", "NNS", "NNP", "NNPS", "PRP"):
            continue
        nxt = toks[i + 1].low
        if nxt in WHERE_ELLIPSIS or nxt == "to" or toks[i + 1].text in CLAUSE_STOPS:
            continue  # "where possible", "decide where to go", "where?"
        if toks[i - 1].low == "matter":
            continue  # "no matter where"
        j = i + 1
        while j < hi and toks[j].text not in CLAUSE_STOPS and not _finite(toks, tags, j):
            j += 1
        if j < hi and _finite(toks, tags, j):
            continue  # "the office where we work": the clause has its verb
        yield _hit(
            t,
            "were-where",
            "were",
            'Did you mean "were"? "were" = the past of "are"; "where" = at which place.',
        )


# What a "to" at a clause's end may follow as a stranded preposition's object's clause:
# "the one I spoke to", "what it belongs to" (a verb, or a relative word before it).
STRANDING = word_set("what which who whom whose where whoever whatever wherever")
OBJECT_WORDS = word_set("them him her us me you it ones mine yours ours theirs everyone")
CLAUSE_END = frozenset({".", "!"})


def too_at_clause_end(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    """ "they were conscious ones to.", "send it to you and Mark to.": "to" after a noun
    or an object at a sentence's end is "too" (also); after a verb it is a stranded
    preposition or an infinitive left implied ("the person I spoke to", "I'd love to")."""
    for j in range(lo + 1, hi - 1):
        if toks[j].low != "to" or toks[j + 1].text not in CLAUSE_END:
            continue
        if j + 2 < len(toks) and toks[j + 2].start == toks[j + 1].end:
            continue  # "charges to .03 per": a number, not the sentence's end
        before, tag = toks[j - 1], tags[j - 1]
        if not (tag in ("NN", "NNS", "NNP", "NNPS") or before.low in OBJECT_WORDS):
            continue
        if any(
            toks[k].low in STRANDING or (toks[k].low == "to" and tags[k + 1] == "VB")
            for k in range(lo, j)
        ):
            continue  # "which one he referred me to", "the address to send it to"
        if j >= 2 and tags[j - 2].startswith("VB") and before.low in OBJECT_WORDS:
            continue  # "I would love you to.", "bring it to.": a verb's object before "to"
        yield Hit(
            toks[j].start,
            toks[j].end,
            "to-too",
            WARNING,
            'Did you mean "too"? "too" = also; "to" ends a sentence only after a verb '
            '("the person I spoke to").',
            match_case(toks[j].text, "too"),
        )


def hits(toks: list[Tok], tags: list[str], slip_tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    yield from too_at_clause_end(toks, tags, lo, hi)
    yield from where_for_were(toks, tags, lo, hi)
    yield from affect_effect(toks, tags, lo, hi)
    yield from were_where(toks, tags, lo, hi)
    yield from your_youre(toks, tags, slip_tags, lo, hi)
    yield from its_its(toks, tags, slip_tags, lo, hi)
