"""The "to" of an infinitive left out where what comes before asks for one (P5 "Checks
before sending": "double check your spelling, grammar and content"; the same checks serve
P7 withdrawals and P8 follow-ups):

- after an adjective or passive participle that takes an infinitive, behind "be": "it's
  essential increase take-up", "you are strongly encouraged meet the standard", "users
  are required provide", "the ground is too warm stick";
- after a verb, its object pronoun and the plain verb: "forcing them reveal", "we
  invite you join", "it allows us focus" (not after "help", "let", "make", "have", "see",
  which take the plain verb).

`grammar_missing.missing_to` covers "to" straight after a verb ("you need repurpose").
Found by deleting "to" from real sentences (machine-made slips): the rules there caught a
third of them. The word after the gap must be one the counts know as a verb, as there:
"is important information", "allow them access", "is due diligence" stay quiet.
"""

from __future__ import annotations

from collections.abc import Iterator

from afterview.writing.checks import ngram
from afterview.writing.checks._util import word_set
from afterview.writing.checks.grammar_classes import WARNING, Hit, Tok

# "be" as written before the adjective, contractions included ("it's", "you're").
BE_WORDS = word_set(
    """is are was were be been being am isn't aren't wasn't weren't it's that's there's
    what's he's she's here's you're we're they're i'm"""
)
# Adjectives and passive participles that take "to" + a verb after "be": "is essential to
# increase", "are required to provide", "was about to", but not "about" itself ("this is
# about change").
INFINITIVE_ADJECTIVES = word_set(
    """important essential possible impossible necessary unnecessary useful likely
    unlikely easy easier hard harder difficult unlawful illegal vital crucial critical
    helpful supposed required requested encouraged instructed scheduled prepared allowed
    permitted designed invited urged advised obliged forced entitled authorized authorised
    empowered determined due expected asked meant reluctant welcome free able unable"""
)
# Between "be" and the adjective: "is really important", "are strongly encouraged".
BETWEEN = word_set(
    """not very really so too also still more most less least quite especially extremely
    always often usually sometimes never even"""
)
RELATIVES = word_set("that which who whom whose")
# Verbs that take an object and then "to" + a verb ("force them to", "invite you to").
OBJECT_TAKERS = word_set(
    """force forces forced forcing allow allows allowed allowing enable enables enabled
    enabling ask asks asked asking want wants wanted wanting encourage encourages
    encouraged encouraging require requires required requiring invite invites invited
    inviting urge urges urged urging instruct instructs instructed persuade persuaded
    convince convinced teach teaches taught train trained need needs needed tell tells
    told telling remind reminds reminded advise advises advised expect expects expected"""
)
# These also take a clause ("I expect you know", "I told you we would"): only an object
# that cannot be a subject counts after them.
CLAUSE_TAKERS = word_set(
    """tell tells told telling remind reminds reminded advise advises advised expect
    expects expected teach teaches taught convince convinced persuade persuaded"""
)
OBJECTS = word_set("me him us them")
# Verbs whose noun object is followed by "to" + a verb; not "require" ("we require users
# change it" may drop "that"), "help", "let", "make", "have", "see".
NOUN_OBJECT_TAKERS = word_set(
    """force forces forced forcing allow allows allowing enable enables enabling encourage
    encourages encouraging invite invites inviting urge urges urging instruct instructs
    persuade convince use uses using"""
)
CLAUSE_OBJECTS = word_set("whether how what which who where when if")
# Nouns that take "to" + a verb ("a chance to meet"), after these determiners.
INFINITIVE_NOUNS = word_set(
    """chance opportunity ability responsibility effort attempt power right decision
    reason way time explanation"""
)
NOUN_DETERMINERS = word_set("a an the this my your our their his her its no")
# A verb tagged as one needs less of the counts than a word tagged as a noun.
VERB_TAGGED, NOUN_TAGGED = 2.0, 12.0


def _verb_follows(toks: list[Tok], tags: list[str], k: int, hi: int) -> bool:
    """Is token k a plain verb the counts know as one ("increase", not "design")?"""
    if k >= hi or not toks[k].text.isalpha() or not toks[k].text.islower():
        return False
    tag = tags[k]
    if tag not in ("VB", "VBP", "NN"):
        return False
    m = ngram.model()
    bar = VERB_TAGGED if tag in ("VB", "VBP") else NOUN_TAGGED
    return ngram.verbiness(m, toks[k].low) >= bar and m.count(("to", toks[k].low)) > 0


def _manner(toks: list[Tok], tags: list[str], k: int) -> bool:
    return tags[k] == "RB" and toks[k].low.endswith("ly")


def _hit(toks: list[Tok], text: str, a: int, k: int) -> Hit:
    """ "to" written in after token a ("them to potentially reveal"), up to the verb k."""
    span = text[toks[a].start : toks[k].end]
    fix = toks[a].text + " to" + text[toks[a].end : toks[k].end]
    return Hit(
        toks[a].start,
        toks[k].end,
        "missing-word",
        WARNING,
        f'Is a word missing? "{span}" reads as if it needs "to": "{fix}".',
        fix,
    )


def after_adjective(toks: list[Tok], tags: list[str], lo: int, hi: int, text: str) -> Iterator[Hit]:
    """ "it is essential increase", "are required provide", "is too warm stick"."""
    for j in range(lo + 1, hi - 1):
        low = toks[j].low
        too = toks[j - 1].low == "too" and tags[j] == "JJ"
        if low not in INFINITIVE_ADJECTIVES and not too:
            continue
        b = j - 1
        while b > lo and (toks[b].low in BETWEEN or _manner(toks, tags, b)):
            b -= 1
        if toks[b].low not in BE_WORDS and not (low == "free" and toks[b].low.startswith("feel")):
            continue
        if any(toks[m].low in RELATIVES for m in range(lo, b)):
            continue  # "data that can be particularly useful include": the main verb
        k = j + 1
        while k < hi - 1 and _manner(toks, tags, k):
            k += 1  # "is scheduled initially provide"
        if _verb_follows(toks, tags, k, hi):
            yield _hit(toks, text, j, k)


def after_object(toks: list[Tok], tags: list[str], lo: int, hi: int, text: str) -> Iterator[Hit]:
    """ "forcing them reveal", "invite you join": verb, object pronoun, plain verb."""
    for j in range(lo, hi - 2):
        verb = toks[j].low
        if verb not in OBJECT_TAKERS or not tags[j].startswith("VB"):
            continue
        obj = toks[j + 1].low
        if obj not in OBJECTS and (obj != "you" or verb in CLAUSE_TAKERS):
            continue
        k = j + 2
        while k < hi - 1 and _manner(toks, tags, k):
            k += 1
        if obj == "you" and tags[k] != "VB":
            continue  # "want you guys", "asked you last week"
        if _verb_follows(toks, tags, k, hi):
            yield _hit(toks, text, j + 1, k)


def after_noun_object(
    toks: list[Tok], tags: list[str], lo: int, hi: int, text: str
) -> Iterator[Hit]:
    """ "force users change their passwords", "use this guide make your meeting": a verb
    that takes an object and "to", a noun, then a plain verb with its own object."""
    for j in range(lo, hi - 3):
        if toks[j].low not in NOUN_OBJECT_TAKERS or not tags[j].startswith("VB"):
            continue
        k = j + 1
        if tags[k] in ("DT", "PRP$"):
            k += 1
        start = k
        while k < hi and k - start < 2 and tags[k] in ("NN", "NNS") and toks[k].text.islower():
            k += 1
        if k == start or k + 1 >= hi or tags[k] not in ("VB", "VBP"):
            continue
        if tags[k + 1] not in ("DT", "PRP$", "PRP") and toks[k + 1].low not in CLAUSE_OBJECTS:
            continue  # the verb must have its own object: "allow users access to"
        if _verb_follows(toks, tags, k, hi):
            yield _hit(toks, text, k - 1, k)


def after_noun(toks: list[Tok], tags: list[str], lo: int, hi: int, text: str) -> Iterator[Hit]:
    """ "a chance meet the team", "the ability make changes": a noun that takes "to" +
    a verb, after its determiner, then a plain verb with its own object."""
    for j in range(lo + 1, hi - 2):
        if toks[j].low not in INFINITIVE_NOUNS or toks[j - 1].low not in NOUN_DETERMINERS:
            continue
        k = j + 1
        if tags[k] != "VB" or tags[k + 1] not in ("DT", "PRP$", "PRP", "NNS"):
            continue
        if _verb_follows(toks, tags, k, hi):
            yield _hit(toks, text, j, k)


def hits(toks: list[Tok], tags: list[str], lo: int, hi: int, text: str) -> Iterator[Hit]:
    yield from after_adjective(toks, tags, lo, hi, text)
    yield from after_object(toks, tags, lo, hi, text)
    yield from after_noun_object(toks, tags, lo, hi, text)
    yield from after_noun(toks, tags, lo, hi, text)
