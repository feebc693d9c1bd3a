"""Small words a sentence cannot do without, found from the word classes around the gap
(P5 "Checks before sending": "double check your spelling, grammar and content"; the same
checks serve P7 withdrawals and P8 follow-ups).

- the auxiliary after a subject pronoun: "I looking forward to", "we not advocating",
  "I very excited about" (→ "I am looking", "we are not", "I am very excited");
- "be" after a modal or "to": "should never represented as", "may not fully conformant
  with", "to able to";
- the preposition some words govern: "due cataracts", "respond the browser", "comply
  AA level", "12 out 142", "dozens emails", "any kind validation", "as part another";
- "it" before an adjective and its infinitive: "finds difficult to use";
- "to" before a verb after "is likely": "is likely magnify";
- "to" after a verb that takes it, before a word the counts know as a verb: "you need
  repurpose", "Remember deal with", "I am going see", "I would like fill yourself in"
  (not "need help", "if need be", "would like coffee").

Each rule is a narrow pattern over the tags of the first tagger (learnt from edited
prose, so a word it reads as an adjective or an -ing form is one), with the good uses
it would otherwise meet vetoed ("to be aware the deadline passed", "due date", "we
both", "a kind person"). Findings are warnings; the fix writes the word in.
"""

from __future__ import annotations

from collections.abc import Iterator

from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks import (
    grammar_missing_clause,
    grammar_missing_preposition,
    grammar_missing_to,
    ngram,
)
from afterview.writing.checks._util import word_set
from afterview.writing.checks.grammar_classes import WARNING, Hit, Tok

SUBJECT_AUXILIARY = {
    "i": "am",
    "we": "are",
    "they": "are",
    "he": "is",
    "she": "is",
    "you": "are",
    "it": "is",
}
# Only these are subjects wherever they stand; "you" and "it" are objects too ("keep you
# waiting", "find it interesting"), so they must start a clause.
NOMINATIVE = word_set("i we they he she")
CLAUSE_STARTS = word_set(
    """and but so because when if that while as since once until unless where what which
    who whether how why though although , ; : ( — –"""
)
# Between a subject and the word after the gap: "we also", "I really", "they all".
SKIPPED = word_set(
    """also really still just currently always truly genuinely all both very so now
    already personally certainly definitely"""
)
# -ing words that are prepositions ("you including"), never the slip.
ING_PREPOSITIONS = word_set(
    """according including regarding concerning considering following excluding pending
    during notwithstanding"""
)
VERB_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP", "MD"})
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# After the word a gap is found before: a preposition, the end of the clause.
LOOSE_END = frozenset({"IN", "TO", ",", ".", ":", "CC", "-RRB-", "``", "''"})
MODALS = word_set("will would can could should may might must shall")
# Adjectives after a modal that are adverbs there ("will likely take", "may well be").
MODAL_ADVERBS = word_set("likely well only even further just least most next sure soon")
# "to" + these + a preposition or the clause's end needs "be" ("to able to").
TO_BE_ADJECTIVES = word_set(
    """able unable aware responsible eligible accountable willing happy ready sure careful
    available present"""
)
PASSIVE_NEXT = word_set(
    """by as in on at to for from with via into using when if before after until once
    within during through under"""
)
DETERMINERS = word_set(
    "the a an this these those that my your our their his her its another any each every some"
)
# "be" goes after these and before the other adverbs: "may not be fully", "should never be".
BEFORE_BE = word_set("not never also always still just ever probably possibly therefore")
OBJECT_PRONOUNS = word_set("them him her us me")
TIME_WORDS = word_set(
    """next same following last first other day week month year morning afternoon evening
    time way moment"""
)
BE_FORMS = word_set("is are was were be been being am 's 're")
# word → (preposition, what may follow for the preposition to be missing).
# "d": a determiner or possessive; "p": an object pronoun; "n": a noun; "s": a plural
# noun; "c": a number; "N": a capitalised name; "g": an -ing form.
GOVERNED: dict[str, tuple[str, str]] = {
    "due": ("to", "ds"),
    "according": ("to", "dpnsN"),
    "prior": ("to", "d"),
    "regardless": ("of", "d"),
    "irrespective": ("of", "d"),
    "instead": ("of", "g"),
    "comply": ("with", "dnsNc"),
    "complies": ("with", "dnsNc"),
    "complied": ("with", "dnsNc"),
    "complying": ("with", "dnsNc"),
    "conform": ("to", "dN"),
    "conforms": ("to", "dN"),
    "conformed": ("to", "dN"),
    "conforming": ("to", "dN"),
    "respond": ("to", "dpN"),
    "responds": ("to", "dpN"),
    "responded": ("to", "dpN"),
    "responding": ("to", "dpN"),
    "rely": ("on", "dpN"),
    "relies": ("on", "dpN"),
    "relied": ("on", "dpN"),
    "relying": ("on", "dpN"),
    "depend": ("on", "dpN"),
    "depends": ("on", "dpN"),
    "consist": ("of", "dp"),
    "consists": ("of", "dp"),
    "participate": ("in", "dN"),
    "participated": ("in", "dN"),
    "participating": ("in", "dN"),
    "listen": ("to", "dpN"),
    "listens": ("to", "dpN"),
    "listened": ("to", "dpN"),
    "listening": ("to", "dpN"),
    "reply": ("to", "dp"),
    "replies": ("to", "dp"),
    "replied": ("to", "dp"),
    "replying": ("to", "dp"),
    "subscribe": ("to", "dN"),
    "subscribed": ("to", "dN"),
    "subscribing": ("to", "dN"),
    "apologize": ("for", "d"),
    "apologise": ("for", "d"),
    "apologized": ("for", "d"),
    "apologised": ("for", "d"),
    "cope": ("with", "dp"),
    "adhere": ("to", "dN"),
    "adheres": ("to", "dN"),
    "belong": ("to", "dpN"),
    "belongs": ("to", "dpN"),
    "capable": ("of", "dg"),
    "familiar": ("with", "d"),
    "similar": ("to", "d"),
    "proud": ("of", "dg"),
    "dozens": ("of", "ds"),
    "hundreds": ("of", "ds"),
    "thousands": ("of", "ds"),
    "millions": ("of", "ds"),
    "billions": ("of", "ds"),
    "delve": ("into", "dsN"),
    "delves": ("into", "dsN"),
    "delving": ("into", "dsN"),
}
# "in compliance Section 508", "in front the building", "on behalf our team".
GOVERNED_AFTER = {
    ("in", "compliance"): ("with", "dNc"),
    ("in", "front"): ("of", "dp"),
    ("on", "behalf"): ("of", "dN"),
    ("in", "charge"): ("of", "dg"),
    ("in", "terms"): ("of", "d"),
    ("in", "spite"): ("of", "d"),
    ("as", "part"): ("of", "dN"),
    ("in", "favour"): ("of", "dg"),
    ("in", "favor"): ("of", "dg"),
    **{(look, "forward"): ("to", "dg") for look in ("look", "looks", "looked", "looking")},
    **{(verb, "access"): ("to", "dc") for verb in ("have", "has", "had", "gain", "gives", "give")},
}
# Only after being: "are exempt these requirements", "is part another service".
GOVERNED_AFTER_BE = {"exempt": ("from", "d"), "part": ("of", "dN"), "interested": ("in", "dg")}
# "any kind validation": a kind noun after a determiner of kinds, then a noun.
KIND_NOUNS = word_set("kind kinds sort sorts types")
KIND_DETERMINERS = word_set(
    """any what some every no which another each all these those many different other
    various several certain"""
)
# The adjective after find/make that an infinitive follows needs "it" between.
IT_VERBS = word_set(
    """find finds found finding make makes made making consider considers considered
    considering think thinks thought"""
)
NOT_IT_ADJECTIVES = word_set("sure certain free prior due next subject")
# Before a subject, these make a question or a condition: "Are we compromising", "Had we
# not done that".
INVERTED = word_set(
    """am are is was were have has had do does did will would can could should may might
    must shall aren't isn't wasn't weren't haven't hasn't hadn't don't doesn't didn't"""
)


def _kind(toks: list[Tok], tags: list[str], k: int, hi: int, allowed: str) -> bool:
    """Does the word at k begin what `allowed` lists (see GOVERNED)?"""
    if k >= hi:
        return False
    t, tag = toks[k], tags[k]
    if not (t.text[:1].isalnum()):
        return False
    if t.low in TIME_WORDS or (k + 1 < hi and toks[k + 1].low in TIME_WORDS):
        return False  # "responded the next day", "depends this week"
    return (
        ("d" in allowed and t.low in DETERMINERS and tag in ("DT", "PRP$"))
        or ("p" in allowed and t.low in OBJECT_PRONOUNS)
        or ("n" in allowed and tag == "NN" and t.text.islower())
        or (
            "s" in allowed
            and t.text.islower()
            and (
                tag == "NNS"
                or (tag == "NN" and t.low.endswith("s") and not t.low.endswith(("ss", "us", "is")))
            )
        )
        or ("c" in allowed and tag == "CD")
        or ("N" in allowed and tag in ("NNP", "NNPS", "NN") and t.text[:1].isupper() and k > 0)
        or ("g" in allowed and tag == "VBG")
        or (  # a noun that no other noun follows
            "k" in allowed
            and tag in ("NN", "NNS")
            and t.text.islower()
            and (k + 1 >= hi or tags[k + 1] not in ("NN", "NNS"))
        )
    )


def _clause_start(toks: list[Tok], tags: list[str], lo: int, j: int) -> bool:
    if j == lo:
        return True
    before = toks[j - 1]
    return before.low in CLAUSE_STARTS or tags[j - 1] in NOUN_TAGS or tags[j - 1] == "JJ"


def _hit(toks: list[Tok], text: str, a: int, gap: int, b: int, word: str) -> Hit:
    """A finding over tokens a..b with `word` written in before token gap."""
    span = text[toks[a].start : toks[b].end]
    fix = text[toks[a].start : toks[gap].start] + word + " " + text[toks[gap].start : toks[b].end]
    return Hit(
        toks[a].start,
        toks[b].end,
        "missing-word",
        WARNING,
        f'Is a word missing? "{span}" reads as if it needs "{word}": "{fix}".',
        fix,
    )


def _after_subject(toks: list[Tok], tags: list[str], lo: int, hi: int, j: int) -> int | None:
    """The word after subject pronoun j and the adverbs and "not" that follow it, if j is a
    subject that could miss its auxiliary."""
    subject = toks[j]
    if subject.low not in SUBJECT_AUXILIARY or tags[j] != "PRP":
        return None
    negated_you = subject.low == "you" and toks[j + 1].low == "not"
    if subject.low not in NOMINATIVE and not negated_you and not _clause_start(toks, tags, lo, j):
        return None  # "keep you waiting"; but "clear you not referring": "you not" is no object
    if subject.text == "I" and j > lo and toks[j - 1].text[:1].isupper():
        return None  # "Part I", "Appendix I": a numeral
    if j > lo and toks[j - 1].low in INVERTED:
        return None  # "Are we compromising", "am I submitting": a question
    k = j + 1
    while k < hi and (toks[k].low in SKIPPED or toks[k].low == "not"):
        if toks[k].low == "not" and k + 1 < hi and toks[k + 1].low == "only":
            return None  # "I not only met the team but": fine
        k += 1
    return k if k < hi and toks[k].text.islower() else None


def missing_auxiliary(
    toks: list[Tok], tags: list[str], lo: int, hi: int, text: str
) -> Iterator[Hit]:
    """ "they looking for", "we not advocating", "I very excited about": a subject pronoun,
    then an -ing form, "not" or an adjective with no verb between."""
    for j in range(lo, hi - 1):
        k = _after_subject(toks, tags, lo, hi, j)
        if k is None:
            continue
        subject, word, tag = toks[j].low, toks[k].low, tags[k]
        negated = any(toks[m].low == "not" for m in range(j + 1, k))
        after = tags[k + 1] if k + 1 < hi else "."
        next_word = toks[k + 1].low if k + 1 < hi else ""  # the text may end at word k
        if (
            (tag == "VBG" and word not in ING_PREPOSITIONS)
            or (negated and tag in ("JJ", "VBN"))  # "we not sure", "they not invited"
            or (  # "I very excited about", "we happy to", "they important to"
                subject in NOMINATIVE
                and tag == "JJ"
                and (
                    k > j + 1
                    or lex.is_adjective(word)
                    or word.endswith(("ed", "ful"))
                    or not lex.is_verb(word)
                )
                and after in LOOSE_END
            )
            or (  # "This way it always clear which", "whether it true"
                subject in ("it", "you")
                and tag == "JJ"
                and (subject == "it" or not lex.is_verb(word))  # "it clear" is no verb
                and (after in LOOSE_END or next_word in ("which", "that", "what", "how"))
            )
            or (  # "You entitled to receive", "we pleased to announce"
                word in STATE_PARTICIPLES
                and tag in ("VBD", "VBN", "JJ")
                and next_word in ("to", "in", "by", "for", "with", "about", "that")
            )
        ):
            aux = SUBJECT_AUXILIARY[subject]
            hit = _hit(toks, text, j, j + 1, k, aux)
            # marked and fixed on the subject alone, so that a finding on what follows
            # ("I looking forward to hear") is shown beside it
            hit.end, hit.fix = toks[j].end, f"{toks[j].text} {aux}"
            yield hit


def missing_be(toks: list[Tok], tags: list[str], lo: int, hi: int, text: str) -> Iterator[Hit]:
    """ "may not fully conformant with", "should never represented as", "to able to": a
    modal or "to", then an adjective or a passive participle with no "be"."""
    for j in range(lo, hi - 1):
        t = toks[j]
        modal = t.low in MODALS and tags[j] == "MD"
        if not modal and not (
            t.low == "to" and j > lo and tags[j - 1] in VERB_TAGS | {"VBN", "JJ", "VBG"}
        ):
            continue
        k = j + 1
        while (
            k < hi
            and (tags[k] == "RB" or toks[k].low == "not")
            and toks[k].low not in MODAL_ADVERBS
        ):
            k += 1
        if k >= hi or k + 1 > hi or not toks[k].text.islower():
            continue
        word, tag = toks[k], tags[k]
        nxt = toks[k + 1] if k + 1 < hi else None
        after = tags[k + 1] if k + 1 < hi else "."
        loose = after in LOOSE_END or (nxt is not None and nxt.low == "that")
        if word.low in MODAL_ADVERBS or word.low in BE_FORMS:
            continue
        gap = j + 1
        while gap < k and toks[gap].low in BEFORE_BE:
            gap += 1
        if not modal:
            if word.low in TO_BE_ADJECTIVES and loose:  # "need to able to": from "need"
                yield _hit(toks, text, j - 1, gap, k, "be")
            continue
        if tag == "JJ" and loose and not lex.is_verb(word.low) and word.low.isalpha():
            yield _hit(toks, text, j + 1, gap, k, "be")
        elif (
            tag == "VBN"
            and k > j + 1
            and word.low.endswith("ed")
            and nxt is not None
            and (nxt.low in PASSIVE_NEXT or after in (",", "."))
        ):
            # "should never represented as": an adverb between shows the passive; without
            # one ("should included in") the plain form is as likely, which verb-form reads
            yield _hit(toks, text, j + 1, gap, k, "be")


def _governing(toks: list[Tok], tags: list[str], lo: int, j: int) -> tuple[str, str] | None:
    """The preposition word j governs and what may follow it (see GOVERNED), if any."""
    t = toks[j]
    before = toks[j - 1].low if j > lo else ""
    if not t.text.islower() and j > lo:
        return None
    rule = GOVERNED_AFTER.get((before, t.low))
    if rule is None and before in BE_FORMS:
        rule = GOVERNED_AFTER_BE.get(t.low)
    if rule is None and t.low in GOVERNED:
        if t.low.startswith(("resp", "list", "rel", "dep", "conf", "repl")) and not tags[
            j
        ].startswith("VB"):
            return None  # a noun reading
        if t.low.startswith("repl") and before in DETERMINERS:
            return None  # "The reply the team sent": a noun whatever the tag
        rule = GOVERNED[t.low]
    if rule is None and t.low == "out" and j > lo and tags[j - 1] == "CD":
        rule = ("of", "c")  # "12 out 142"
    if rule is None and t.low in KIND_NOUNS and before in KIND_DETERMINERS:
        rule = ("of", "k")  # "any kind validation"
    return rule


def missing_preposition(
    toks: list[Tok], tags: list[str], lo: int, hi: int, text: str
) -> Iterator[Hit]:
    """ "due cataracts", "respond the browser", "12 out 142", "any kind validation", "as
    part another service": a word that governs a preposition, then what the preposition
    would lead."""
    for j in range(lo, hi - 1):
        rule = _governing(toks, tags, lo, j)
        if rule is not None and _kind(toks, tags, j + 1, hi, rule[1]):
            yield _hit(toks, text, j, j + 1, j + 1, rule[0])


# Verbs (and "able", "going") that take "to" before a verb, never the bare verb.
TO_TAKERS = word_set(
    """need needs needed want wants wanted wanting try tries tried trying plan plans planned
    planning decide decides decided hope hopes hoped expect expects expected agree agreed
    forget forgot aim aims aimed seem seems seemed tend tends tended manage managed refuse
    refused fail fails failed afford choose chose intend intends intended attempt attempted
    strive wish wished remember remembered able unable going prefer prefers preferred"""
)
# Adjectives that take "to" before a verb: "glad to help", "ready to start".
TO_ADJECTIVES = word_set("able unable going glad happy pleased ready keen eager willing delighted")

# The verbs the counts must find as a verb this many times as often as a noun: "need
# repurpose", "going see", but not "need help", "want time", "plan work".
TO_VERBINESS = 12.0
FEELINGS = TO_ADJECTIVES - {"able", "unable", "going"}
ADJECTIVE_VERBINESS = 2.0
# Verbs that may follow bare: "if need be", "dare say".
BARE_AFTER = word_set("be")


def missing_to(toks: list[Tok], tags: list[str], lo: int, hi: int, text: str) -> Iterator[Hit]:
    """ "you need repurpose it", "I am going see", "we decided implement": a verb that
    takes "to", then a word the counts know as a verb and the tagger reads as one."""
    m = ngram.model()
    yield from _for_someone_to(toks, tags, lo, hi, text, m)
    for j in range(lo, hi - 1):
        wished = toks[j].low in WOULD_TAKERS and j > lo and toks[j - 1].low in WOULD
        if toks[j].low not in TO_TAKERS and toks[j].low not in TO_ADJECTIVES and not wished:
            continue
        if not (toks[j].text.islower() or j == lo):
            continue
        if not tags[j].startswith("VB") and toks[j].low not in TO_ADJECTIVES and not wished:
            continue  # "the plans provide", "as needs emerge": a noun
        if toks[j].low.endswith("s") and j > lo and tags[j - 1] in ("NN", "NNP", "JJ"):
            continue  # "user needs emerge": a compound noun's plural, read as a verb
        k = j + 1
        nxt = toks[k]
        if nxt.low.endswith("thing"):
            continue  # "try something"
        if not nxt.text.isalpha() or not nxt.text.islower():
            continue
        if nxt.low in BARE_AFTER and toks[j].low.startswith("need"):
            continue  # "if need be"; but "you can expect be asked" needs "to"
        if tags[k] not in ("VB", "VBP", "NN") or ngram.verbiness(m, nxt.low) < _bar(
            toks, tags, j, k, hi
        ):
            continue
        if not _after_modals(m, nxt.low):
            continue  # "needs someone to lead": "to someone" is a preposition's object
        if toks[j].low == "going" and j > lo and toks[j - 1].low in ("keep", "keeps", "kept"):
            continue
        yield _hit(toks, text, j, k, k, "to")


def _bar(toks: list[Tok], tags: list[str], j: int, k: int, hi: int) -> float:
    """How often the counts must find word k as a verb for "to" to be missing before it."""
    if tags[k] == "VB" and k + 1 < hi and toks[k + 1].low in OBJECTS:
        return 0.1  # "prefer contact him": a verb with its object, whatever the counts
    if tags[k] == "VB" and k + 1 < hi and tags[k + 1] == "RP":
        return 0.5  # "would like pick up", "need set up": a verb and its particle
    # after "glad", "happy", "ready": a word the tagger reads as a plain verb ("glad
    # help you") needs less of the counts than after a verb ("need help" is a noun)
    if toks[j].low in FEELINGS and tags[k] == "VB":
        return ADJECTIVE_VERBINESS
    return TO_VERBINESS


OBJECTS = word_set("me him her us them myself yourself himself herself ourselves themselves")
# "I would like fill yourself in", "we'd love hear": after "would", these take "to".
WOULD_TAKERS = word_set("like love hate prefer")
WOULD = word_set("would 'd ’d")
# After "for me", a word the lexicon knows as a verb needs only this much of the counts.
FOR_VERBINESS = 0.5


def _for_someone_to(
    toks: list[Tok], tags: list[str], lo: int, hi: int, text: str, m: ngram.Model
) -> Iterator[Hit]:
    """ "a better way for me coordinate": "for" + someone + a plain verb needs "to"."""
    for j in range(lo, hi - 2):
        if toks[j].low != "for" or toks[j + 1].low not in OBJECTS:
            continue
        k = j + 2
        nxt = toks[k]
        if not nxt.text.isalpha() or not nxt.text.islower() or tags[k] not in ("VB", "VBP", "NN"):
            continue
        if not lex.is_verb(nxt.low) or ngram.verbiness(m, nxt.low) < FOR_VERBINESS:
            continue  # "for me, time": a noun the counts rarely find as a verb
        if not _after_modals(m, nxt.low):
            continue
        yield _hit(toks, text, j, k, k, "to")


# A verb follows "will" or "can" at least this share of the times it follows "to"; a
# pronoun such as "someone" or "them" follows "to" as its object, almost never a modal.
MODAL_SHARE = 0.05


def _after_modals(m: ngram.Model, word: str) -> bool:
    after_to = m.count(("to", word))
    return sum(m.count((w, word)) for w in ("will", "can")) >= MODAL_SHARE * after_to


def missing_it(toks: list[Tok], tags: list[str], lo: int, hi: int, text: str) -> Iterator[Hit]:
    """ "finds difficult to use", "makes easier to read": find/make, then an adjective and
    an infinitive, needs "it" ("finds it difficult to use")."""
    for j in range(lo, hi - 3):
        if toks[j].low not in IT_VERBS or (j > lo and tags[j - 1] in ("DT", "PRP$")):
            continue  # "the finds", a noun
        k = j + 1
        while k < hi and tags[k] == "RB":
            k += 1
        if k + 2 >= hi or toks[k].low in NOT_IT_ADJECTIVES or not toks[k].text.islower():
            continue
        adjective = (
            tags[k] in ("JJ", "JJR")
            or lex.is_adjective(toks[k].low)
            or (tags[k] in ("VBD", "VBN") and not toks[k].low.endswith("ed"))  # "difficult/VBD"
        )
        if (
            adjective
            and toks[k + 1].low == "to"
            and tags[k + 2] == "VB"
            and lex.is_verb(toks[k + 2].low)
        ):
            yield _hit(toks, text, j, j + 1, k, "it")


# "most of", "any of" + a noun want "the" ("any of the components", "most of the time").
PART_OF = word_set("any most some all each one many none few several both either neither")
# Nouns that go bare there: "all of government", "most of us".
OF_BARE = word_set("government society humanity mankind everyone everything")
# Before "one", a number or "a": "least" needs "at" unless these lead it ("the least one").
LEAST_AFTER = word_set("at the very not in")
# After "soon as": a clause's subject or start ("Start soon as you have").
SOON_AS_NEXT = word_set("you we they i he she it the a an this your our their possible")
# Participles that are states, never an active past with "to", "in", "by" after them:
# "You entitled to", "I interested in", "we pleased to" want "are", "am", "are".
STATE_PARTICIPLES = word_set(
    """entitled supposed obliged interested involved dedicated excited pleased delighted
    thrilled concerned disappointed satisfied impressed surprised confused located based
    eligible"""
)
# Before "who" + an adjective: "those who unable to use the service" (→ "who are").
PEOPLE_WORDS = word_set("those people others anyone someone everyone anybody somebody")
# Verbs that take two objects ("send the team your CV"): the second is not an "of" phrase.
TWO_OBJECTS = word_set(
    """give gives gave send sends sent show shows showed tell tells told offer offers
    offered email emailed pass hand forward bring brought lend owe promise teach taught
    wish grant ask asked award pay paid cost save buy get got make made find found leave
    left"""
)


def missing_in_phrases(
    toks: list[Tok], tags: list[str], lo: int, hi: int, text: str
) -> Iterator[Hit]:
    """ "risks that relevant to delivery" (→ "that are"), "and least one value" (→ "at
    least"), "Start soon as you have" (→ "as soon as"), "in this step your procurement
    process" (→ "step of your")."""
    for j in range(lo, hi - 1):
        t, nxt = toks[j], toks[j + 1]
        after = tags[j + 2] if j + 2 < hi else "."
        if (
            t.low in ("that", "which", "who")
            and tags[j] in ("WDT", "WP")
            and tags[j + 1] == "JJ"
            and nxt.text.islower()
            and after in ("IN", "TO")
            and j > lo
            and (tags[j - 1] in ("NNS", "NN") or toks[j - 1].low in PEOPLE_WORDS)
        ):
            plural = tags[j - 1] == "NNS" or toks[j - 1].low in ("those", "people", "others")
            verb = "are" if plural else "is"
            yield _hit(toks, text, j, j + 1, j + 1, verb)
        elif (
            nxt.low == "least"
            and t.low not in LEAST_AFTER
            and j + 2 < hi
            and (toks[j + 2].low in ("one", "a", "an") or tags[j + 2] == "CD")
        ):
            yield _hit(toks, text, j + 1, j + 1, j + 1, "at")
        elif (
            t.low == "soon"
            and nxt.low == "as"
            and (j == lo or toks[j - 1].low not in ("as", "so", "too", "how"))
            and j + 2 < hi
            and toks[j + 2].low in SOON_AS_NEXT
        ):
            yield _hit(toks, text, j, j, j + 1, "as")
        elif (
            t.low in PART_OF
            and nxt.low == "of"
            and tags[j] in ("DT", "JJS", "CD", "RB", "NN", "JJ", "PDT", "NNS")
            and _bare_after_of(toks, tags, j + 2, hi)
        ):
            yield _hit(toks, text, j + 2, j + 2, j + 2, "the")  # "any of components"
        elif _of_between(toks, tags, lo, hi, j):
            hit = _hit(toks, text, j, j + 1, j + 1, "of")
            hit.end, hit.fix = toks[j].end, f"{toks[j].text} of"  # not over "your": its own slips
            yield hit


def _bare_after_of(toks: list[Tok], tags: list[str], k: int, hi: int) -> bool:
    """Does a bare common noun phrase start at k, after "most of", "any of" ("any of
    components", "most of time"), where English wants "the"?"""
    if k >= hi or not toks[k].text.islower() or toks[k].low in OF_BARE:
        return False
    m = k
    while m < hi and tags[m] in ("JJ", "JJR", "JJS"):
        m += 1
    return m < hi and tags[m] in ("NN", "NNS") and toks[m].text.islower()


def _of_between(toks: list[Tok], tags: list[str], lo: int, hi: int, j: int) -> bool:
    """Is "of" missing between the noun at j and the possessive after it ("in this step
    your procurement process", "a checklist our top tips")? Only after a preposition or
    at the start, not after a verb that takes two objects, and with no verb after."""
    if tags[j] != "NN" or not toks[j].text.islower() or tags[j + 1] != "PRP$":
        return False
    if j - 1 < lo or tags[j - 1] != "DT" or toks[j - 1].low in ("that", "which"):
        return False  # "data that support their work": a relative clause
    if j - 2 >= lo and (tags[j - 2] not in ("IN",) or toks[j - 2].low in TWO_OBJECTS):
        return False
    if any(toks[m].low in TWO_OBJECTS for m in range(lo, j)):
        return False
    if j + 2 >= hi or tags[j + 2] not in ("JJ", "NN", "NNS", "CD"):
        return False
    end = j + 2
    while end < hi and toks[end].text not in (",", ".", ";", ":", "(", ")"):
        if tags[end].startswith("VB") or tags[end] == "MD":
            return False  # "in the order your user will follow them": a relative clause
        end += 1
    return True


# A sentence that opens with one of these and a noun names its subject ("The instructions
# pretty straight forward.").
SUBJECT_OPENERS = word_set("the these those our my your their its his her")
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
NOUN_PHRASE_TAGS = frozenset({"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS"})
FINITE_WORDS = word_set(
    "is are was were am be been has have had do does did will would can could should may "
    "might must shall isn't aren't wasn't weren't hasn't haven't don't doesn't didn't won't "
    "can't 's 're 've 'll 'd"
)


DEGREE_ADVERBS = word_set("pretty very really quite so too extremely fairly rather")
VERB_S_NEXT = word_set("to the a an this that it them us you him her our their my")


def _verb_s(word: str) -> bool:
    return word.endswith("s") and lex.third_person_base(word) is not None


def verbless_sentence(
    toks: list[Tok], tags: list[str], lo: int, hi: int, text: str
) -> Iterator[Hit]:
    """ "The instructions pretty straight forward.", "These seats located on the 30th
    floor.": a sentence that opens with its subject and ends with a full stop, but has
    no finite verb; "is"/"are" goes where the predicate starts (an adverb, adjective or
    participle). Found by deleting "is"/"are" from real sentences."""
    if toks[lo].low not in SUBJECT_OPENERS or toks[hi - 1].low != "." or hi - lo < 6:
        return  # most sentences stop here, before any counting
    if (
        not toks[lo].text[0].isupper()
        or sum(1 for k in range(lo, hi) if toks[k].text[:1].isalnum()) < 5
        or any(tags[k] in FINITE_TAGS or toks[k].low in FINITE_WORDS for k in range(lo, hi))
    ):
        return
    j = lo + 1
    while j < hi and tags[j] in NOUN_PHRASE_TAGS:
        j += 1
    if j >= hi - 1 or j < lo + 2 or tags[j] not in ("RB", "VBN", "JJ", "VBG"):
        return
    if tags[j] == "RB" and toks[j].low not in DEGREE_ADVERBS:
        return  # "… events regularly": an adverb of manner may end a noun phrase's clause
    if not tags[j - 1].startswith("NN") or toks[j].low in ("not", "also", "only", "just"):
        return
    if any(tags[k - 1].startswith("NN") and _verb_s(toks[k].low) for k in range(lo + 2, j)):
        return  # "The model reflects accurately", "The team hosts events regularly"
    if any(_verb_s(toks[k].low) and toks[k + 1].low in VERB_S_NEXT for k in range(j + 1, hi - 1)):
        return  # "The report posted on the website fails to include": a verb read as a noun
    word = "are" if tags[j - 1] in ("NNS", "NNPS") else "is"
    yield _hit(toks, text, j - 1, j, j, word)


def hits(toks: list[Tok], tags: list[str], lo: int, hi: int, text: str) -> Iterator[Hit]:
    yield from verbless_sentence(toks, tags, lo, hi, text)
    yield from missing_in_phrases(toks, tags, lo, hi, text)
    yield from missing_auxiliary(toks, tags, lo, hi, text)
    yield from missing_be(toks, tags, lo, hi, text)
    yield from missing_preposition(toks, tags, lo, hi, text)
    yield from missing_it(toks, tags, lo, hi, text)
    yield from missing_to(toks, tags, lo, hi, text)
    yield from grammar_missing_to.hits(toks, tags, lo, hi, text)
    yield from grammar_missing_preposition.hits(toks, tags, lo, hi, text)
    yield from grammar_missing_preposition.duration_without_for(toks, tags, lo, hi, text)
    yield from grammar_missing_clause.hits(toks, tags, lo, hi, text)
