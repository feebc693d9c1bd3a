"""Agreement the word-class rules of grammar_classes leave (P5 "Checks before sending";
the same checks serve P7 withdrawals and P8 follow-ups):

- a person's name with a plural verb: "Robert Jones are handling all the paperwork"
  (a given name from the census lists, then a surname);
- "this"/"that" before a plural noun: "a requirement that this investments be hedged",
  "We reviewed this contracts" ("these"/"those");
- "what appear to be a potential conflict": "what" with one thing after "to be" is
  singular;
- two people joined by "and" with a singular verb: "Mike and Sarah has the files";
  "Both of them was", "Both mother and baby is", "the others is", "A number of
  people has" take the plural, "The number of
  complaints have" the singular;
- a question's auxiliary against the noun after it: "Has the reports arrived?", "Are the
  report ready?".
- a plural determiner before a singular noun: "several issue we need to address", "We
  have two meeting tomorrow", "Many of our customer are".

Warnings, like the other agreement rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks._util import match_case, word_set
from afterview.writing.checks.grammar_classes import (
    COLLECTIVE,
    SINGULAR_S,
    UNCOUNTED_S,
    WARNING,
    Hit,
    Rule,
    Tok,
    _at,
    _low,
    _third,
    _word,
)

PLURAL_TO_SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does", "don't": "doesn't"}
# Words after the name that make it a list or an organisation: "Smith and Jones are".
NAME_JOINERS = word_set("and & or nor")
# Capitalised words after a given name that are no surname: "Michelle, Here are".
NOT_SURNAMES = word_set("here there today now then also please thanks")
# Verbs that follow a bare "this" as a pronoun ("this means", "this works"): not nouns.
PRONOUN_VERBS = word_set(
    """means works helps makes gives sounds seems looks shows takes needs leads brings
    comes goes puts lets keeps gets says tells requires includes covers affects depends
    applies remains suggests explains follows happens matters reflects allows ensures"""
)
# Plural nouns "this"/"that" go with as a unit or a title: "this Thanksgiving weekends" is
# not written, but "that Sales", "this Operations" (names) and measure words are.
UNIT_PLURALS = word_set("days weeks months years hours minutes times")
# After "this"/"that" + plural noun, what shows the noun is the phrase's head.
HEAD_FOLLOWERS = word_set(
    """be is are was were will would should can could may might must have has had were .
    , ; : ) that which who in on at of for with to by from"""
)

# After a plural noun that is also a verb's -s form, what shows it is the noun: "this
# contracts are".
VERB_AFTER_HEAD = word_set("be is are was were will would should can could may might must . ;")


def _given_names() -> frozenset[str]:
    from afterview.writing.checks import spelling  # its census lists load on first use

    return spelling._census_lists()[1]


def name_plural_verb(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    verb = toks[i]
    if verb.low not in PLURAL_TO_SINGULAR or not verb.text.islower():
        return
    given, surname = _at(toks, i - 2), _at(toks, i - 1)
    if given is None or surname is None or not (_word(given) and _word(surname)):
        return
    if not (given.text.istitle() and surname.text[:1].isupper() and len(surname.text) > 1):
        return
    if "\n" in text[given.end : verb.start] or surname.low in lex.CLOSED_CLASS | NOT_SURNAMES:
        return  # "Michelle\nHere are": a signature, then the next line
    before = _at(toks, i - 3)
    if (
        before is not None
        and _word(before)
        and (before.text[:1].isupper() or before.low in NAME_JOINERS or before.low in ("the", "of"))
    ):
        return  # "Goldman Sachs Group are", "Smith and Jones are", "the Jones are"
    if before is not None and before.low in ("&", ",", "'", "’"):
        return
    if _low(toks, i + 1) in ("you", "they", "we"):
        return  # "Robert Jones, are you": a question
    if given.low not in _given_names():
        return
    if surname.low.endswith("s") and lex.s_stem(surname.low) is not None:
        return  # "Alice Springs are", "Smith Associates are": a plural noun, a place or firm
    singular = PLURAL_TO_SINGULAR[verb.low]
    yield Hit(
        given.start,
        verb.end,
        "agreement",
        WARNING,
        f'"{surname.text} {verb.text}": one person takes "{singular}".',
        text[given.start : verb.start] + match_case(verb.text, singular),
    )


def this_plural_noun(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    det = toks[i]
    if det.low not in ("this", "that"):
        return
    noun = _at(toks, i + 1)
    if noun is None or not _word(noun) or not noun.text.islower() or len(noun.low) < 4:
        return
    word = noun.low
    if word in UNCOUNTED_S or word in PRONOUN_VERBS or word in UNIT_PLURALS:
        return
    if not word.endswith("s") or word.endswith(("ss", "us", "is", "ous")):
        return
    stem = lex.s_stem(word)
    known = lex.classes()
    if stem is None or stem not in known.nouns:
        return
    after = _low(toks, i + 2)
    if after not in HEAD_FOLLOWERS or (lex.is_verb(stem) and after not in VERB_AFTER_HEAD):
        return  # "this points to", "that helps us": a verb after "this" as a pronoun
    if det.low == "that" and _low(toks, i - 1) not in ("", "of", "for", "with", "in", "on"):
        return  # "the requirement that projects be": "that" opens a clause
    plural = "these" if det.low == "this" else "those"
    yield Hit(
        det.start,
        noun.end,
        "agreement",
        WARNING,
        f'"{det.text} {noun.text}": a plural noun takes "{plural}".',
        f"{match_case(det.text, plural)} {noun.text}",
    )


def what_appear(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    t = toks[i]
    if t.low not in ("appear", "seem") or _low(toks, i - 1) != "what":
        return
    if _low(toks, i + 1) != "to" or _low(toks, i + 2) != "be":
        return
    if _low(toks, i + 3) not in ("a", "an", "the", "one"):
        return
    if _low(toks, i - 2) in ("do", "did", "does"):
        return  # "what do appear to be": a question
    fix = t.text + "s"
    yield Hit(
        t.start,
        t.end,
        "agreement",
        WARNING,
        f'"what {t.text} to be {toks[i + 3].text} …": one thing takes "{fix}".',
        fix,
    )


SINGULAR_TO_PLURAL = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "doesn't": "don't",
    "isn't": "aren't",
    "wasn't": "weren't",
}
# Before a subject that opens its clause: "Mike and Sarah has", "and Mike and Sarah has".
CLAUSE_BEFORE = word_set("and but so because since when if that while although though")


def _plural_hit(first: Tok, verb: Tok, text: str, why: str) -> Hit:
    plural = SINGULAR_TO_PLURAL[verb.low]
    return Hit(
        first.start,
        verb.end,
        "agreement",
        WARNING,
        why,
        text[first.start : verb.start] + match_case(verb.text, plural),
    )


# Words that open a sentence before a list of names: "Yesterday, Matson, Ogg, and …".
LEAD_INS = word_set("yesterday today tomorrow however also then meanwhile finally first next so")


def names_listed_singular_verb(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "Matson, Ogg, and Smith has me in their voicemail": three or more people, most
    of them names the census lists, joined by commas and ", and", take the plural (a
    firm's name is written without the last comma: "Simpkins, Winstead & Minick has")."""
    verb = toks[i]
    if verb.low not in SINGULAR_TO_PLURAL or _low(toks, i - 2) != "and" or _low(toks, i - 3) != ",":
        return
    k = i - 4
    names, at = [toks[i - 1]], i - 1
    while k >= 0 and _word(toks[k]) and toks[k].text.istitle() and toks[k].low not in LEAD_INS:
        names.append(toks[k])
        at = k
        if _low(toks, k - 1) != ",":
            break
        k -= 2
    first, before = names[-1], _at(toks, at - 1)
    if len(names) < 3 or (before is not None and _word(before) and before.low not in CLAUSE_BEFORE):
        return  # "the meeting with Matson, Ogg and Smith is": the subject is further back
    if "\n" in text[first.start : verb.start]:
        return
    from afterview.writing.checks import spelling  # its census lists load on first use

    if sum(n.low in spelling.census_names() for n in names) < 2:
        return
    yield _plural_hit(
        first, verb, text, f'"{text[first.start : verb.end]}": more than one takes the plural.'
    )


def names_joined_singular_verb(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    verb = toks[i]
    if verb.low not in SINGULAR_TO_PLURAL or _low(toks, i - 2) != "and":
        return
    first, second = _at(toks, i - 3), _at(toks, i - 1)
    if first is None or second is None or not (_word(first) and _word(second)):
        return
    if not (first.text.istitle() and second.text.istitle()):
        return
    before = _at(toks, i - 4)
    if not (before is None or not _word(before) or before.low in CLAUSE_BEFORE):
        return  # "the meeting with Mike and Sarah is": the subject is further back
    if "\n" in text[first.start : verb.start]:
        return
    given = _given_names()
    if first.low not in given or second.low not in given:
        return
    yield _plural_hit(
        first,
        verb,
        text,
        f'"{first.text} and {second.text} {verb.text}": two people take the plural.',
    )


def both_of_singular_verb(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "Both of them was", "A number of people has": a plural subject by its meaning."""
    verb = toks[i]
    if verb.low not in SINGULAR_TO_PLURAL:
        return
    if (
        _low(toks, i - 3) == "both"
        and _low(toks, i - 2) == "of"
        and _low(toks, i - 1)
        in (
            "them",
            "us",
            "you",
        )
    ):
        first = toks[i - 3]
    elif (
        _low(toks, i - 4) == "a"
        and _low(toks, i - 3) == "number"
        and _low(toks, i - 2) == "of"
        and _word(_at(toks, i - 1))
        and toks[i - 1].text.islower()
    ):
        first = toks[i - 4]
    elif (both := _both_and(toks, i)) is not None:
        first = both
    elif _low(toks, i - 1) == "others" and _low(toks, i - 2) == "the" and _low(toks, i - 3) != "of":
        first = toks[i - 2]  # "the others is quiet" ("one of the others is" is right)
    else:
        return
    yield _plural_hit(
        first, verb, text, f'"{text[first.start : verb.end]}": more than one takes the plural.'
    )


# What may stand before a subject "Both X and Y": the start, a comma, a joining word.
BEFORE_BOTH = word_set(", ; : and but so because since that as")


def _both_and(toks: list[Tok], i: int) -> Tok | None:
    """ "Both mother and baby is fine", "both the desk and the lawyers has": "both" opens
    the clause, one "and" and at most six words before the verb."""
    for k in range(i - 3, max(i - 8, -1), -1):
        if _low(toks, k) != "both":
            continue
        between = [t.low for t in toks[k + 1 : i]]
        if between.count("and") != 1 or between[0] == "and" or between[-1] == "and":
            return None
        if not all(_word(t) for t in toks[k + 1 : i]) or "of" in between:
            return None
        known = lex.classes()
        if any(
            w.endswith("ing")
            or lex.past_base(w) is not None
            or w in lex.ANY_PAST
            or (w in known.verbs and w not in known.nouns)
            for w in between
        ):
            return None  # "Both teams met and the plan is": a clause, not a subject
        if k > 0 and _low(toks, k - 1) not in BEFORE_BOTH:
            return None
        return toks[k]
    return None


# Words that count more than one: the noun after them is plural.
PLURAL_DETERMINERS = word_set(
    "several many few two three four five six seven eight nine ten twelve multiple various numerous"
)
# Nouns that stay as they are after a number ("two hundred", "ten percent") or are plural
# already ("staff", "personnel").
NUMBER_NOUNS = word_set(
    """hundred thousand million billion dozen percent per cent staff personnel people fish
    sheep series species aircraft stuff information equipment advice feedback news research
    software furniture luggage baggage knowledge evidence progress traffic weather money time
    work help data more less most other same such lot rest half"""
)
# After the noun, what shows it is the phrase's head, not a modifier ("two year contract").
AFTER_HEAD = word_set(
    """. , ; : ! ? ) we i you they he she it that which who are were have will would can
    could should may might must need to in on at for with from of by about and or but
    this next ago today tomorrow tonight yesterday"""
)


def _plural_of(noun: str) -> str | None:
    """The noun's plural, if the lexicon knows it as one ("issue" -> "issues")."""
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        candidate = noun[:-1] + "ies"
    elif noun.endswith(("s", "x", "ch", "sh", "z")):
        candidate = noun + "es"
    else:
        candidate = noun + "s"
    return candidate if lex.s_stem(candidate) == noun else None


def plural_determiner_singular(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    det = toks[i]
    if det.low not in PLURAL_DETERMINERS or not det.text.isalpha():
        return
    k = i + 1
    if det.low in ("many", "several", "few") and _low(toks, k) == "of":
        if _low(toks, k + 1) not in (
            "our",
            "the",
            "my",
            "your",
            "their",
            "these",
            "those",
            "his",
            "her",
        ):
            return
        k += 2
    noun = _at(toks, k)
    if noun is None or not _word(noun) or not noun.text.islower():
        return
    if _low(toks, i - 1) in ("a", "an", "the", "one", "per", "each", "every"):
        return  # "a two year contract", "the few", "one of several"
    if det.low == "few" and _low(toks, i - 1) != "a":
        return  # "few" alone is "not many": "few issue" is rarer than the reading of "few"
    if noun.low in NUMBER_NOUNS or _low(toks, k + 1) not in AFTER_HEAD:
        return
    known = lex.classes()
    if noun.low not in known.nouns or noun.low in known.adjectives or noun.low in UNCOUNTED_S:
        return
    plural = _plural_of(noun.low)
    if plural is None:
        return
    yield Hit(
        noun.start,
        noun.end,
        "agreement",
        WARNING,
        f'"{det.text} … {noun.text}": more than one takes the plural, "{plural}".',
        match_case(noun.text, plural),
    )


# Each rule by the words it starts from (the token at i): one look-up a token, not a call
# of every rule ("afterview check" runs these on every word of the letter).
def the_number_of(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "The number of complaints have increased": "the number" is one thing."""
    if _low(toks, i - 1) != "the" or _low(toks, i + 1) != "of":
        return
    for k in range(i + 2, min(i + 6, len(toks))):
        word = toks[k]
        if not _word(word) or word.low in ("which", "that", "who", "and", "or"):
            return
        if word.low in PLURAL_TO_SINGULAR and word.text.islower():
            if not _low(toks, k - 1).endswith("s"):
                return  # "the number of staff are": the count is what the verb follows
            singular = PLURAL_TO_SINGULAR[word.low]
            yield Hit(
                toks[i - 1].start,
                word.end,
                "agreement",
                WARNING,
                f'"The number of … {word.text}": "the number" is one thing, "{singular}".',
                text[toks[i - 1].start : word.start] + match_case(word.text, singular),
            )
            return


QUESTION_AUX = {
    "is": ("s", "are"),
    "was": ("s", "were"),
    "has": ("s", "have"),
    "does": ("s", "do"),
    "are": ("p", "is"),
    "were": ("p", "was"),
    "have": ("p", "has"),
    "do": ("p", "does"),
}
QUESTION_DETERMINERS = word_set("the your my our their his her these those this that")


def question_auxiliary(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "Has the reports arrived?", "Are the report ready?": the auxiliary that opens a
    question agrees with the noun phrase after it."""
    aux = toks[i]
    before = _at(toks, i - 1)
    if before is not None and before.text not in (".", "!", "?", ":") and not aux.line_start:
        return
    if _low(toks, i + 1) not in QUESTION_DETERMINERS:
        return
    k = i + 2
    while k < len(toks) and k < i + 5 and lex.is_adjective(toks[k].low):
        k += 1
    noun = _at(toks, k)
    if noun is None or not _word(noun) or not noun.text.islower():
        return
    end = next((t for t in toks[k:] if t.text in (".", "!", "?")), None)
    if end is None or end.text != "?":
        return  # a question only
    known = lex.classes()
    if noun.low in UNCOUNTED_S or noun.low in NUMBER_NOUNS or noun.low in COLLECTIVE:
        return  # "Are your team ready?" is British English
    if lex.s_stem(noun.low) is not None and noun.low not in SINGULAR_S:
        number = "p"
    elif noun.low in known.nouns and not noun.low.endswith("s"):
        number = "s"
    else:
        return
    after = _low(toks, k + 1)
    compound = (
        after in known.nouns
        and not lex.is_adjective(after)
        and not after.endswith(("ed", "ing", "en"))
    )
    if after in ("of", "and", "or", "'s", "’s") or compound:
        return  # "Has the list of names arrived?", "Is the report team ready?"
    written, fix = QUESTION_AUX[aux.low]
    if written == number:
        return
    yield Hit(
        aux.start,
        aux.end,
        "agreement",
        WARNING,
        f'"{aux.text} … {noun.text}": the question\'s verb agrees with "{noun.text}".',
        match_case(aux.text, fix),
    )


INDEFINITE_SUBJECTS = word_set("everyone everybody anyone anybody someone somebody nobody")
# Before such a subject, words that open its clause (not "let everyone know", "I suggest
# everyone start": a causative's object, the subjunctive).
INDEFINITE_OPENERS = word_set("before after when if until once because since while unless")
# Base forms after which the subject's verb may be no finite verb ("everyone else").
NOT_AFTER_INDEFINITE = word_set("else")


def indefinite_plain_verb(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "before everyone start focusing", "until everyone arrive": "everyone" and its kin
    are singular; after a word that opens its clause, the verb's plain form is a slip."""
    if toks[i].low not in INDEFINITE_SUBJECTS or _low(toks, i - 1) not in INDEFINITE_OPENERS:
        return
    verb = _at(toks, i + 1)
    if verb is None or not verb.text.isalpha() or not verb.text.islower():
        return
    w = verb.low
    if w in NOT_AFTER_INDEFINITE or not lex.is_verb(w) or lex.past_base(w) is not None:
        return
    if w in lex.IRREGULAR_PARTICIPLE or w in ("be", "have", "do"):
        return  # "until everyone been", "before anyone have": other slips, other rules
    fixed = _third(w)
    yield Hit(
        toks[i].start,
        verb.end,
        "agreement",
        WARNING,
        f'"{toks[i].text} {verb.text}": "{toks[i].text}" is singular and takes "{fixed}".',
        text[toks[i].start : verb.start] + match_case(verb.text, fixed),
    )


def _by_word() -> dict[str, tuple[Rule, ...]]:
    table: dict[str, tuple[Rule, ...]] = {}
    for rule, words in (
        (name_plural_verb, PLURAL_TO_SINGULAR),
        (this_plural_noun, ("this", "that")),
        (what_appear, ("appear", "seem")),
        (names_joined_singular_verb, SINGULAR_TO_PLURAL),
        (names_listed_singular_verb, SINGULAR_TO_PLURAL),
        (both_of_singular_verb, SINGULAR_TO_PLURAL),
        (plural_determiner_singular, PLURAL_DETERMINERS),
        (the_number_of, ("number",)),
        (question_auxiliary, QUESTION_AUX),
        (indefinite_plain_verb, INDEFINITE_SUBJECTS),
    ):
        for word in words:
            table[word] = (*table.get(word, ()), rule)
    return table


_BY_WORD = _by_word()


def hits(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    for rule in _BY_WORD.get(toks[i].low, ()):
        yield from rule(toks, i, text)


RULES: tuple[Rule, ...] = (hits,)
# The words `hits` can fire on (see grammar_classes.TRIGGERS).
TRIGGERS: dict[Rule, frozenset[str]] = {hits: frozenset(_BY_WORD)}
