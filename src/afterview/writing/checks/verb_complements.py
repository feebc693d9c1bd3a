"""The form a verb takes after the word that governs it (P5 "Checks before sending"; the
same checks serve P7 withdrawals and P8 follow-ups):

- the plain form after let/make/help and an object: "let it influences the direction",
  "help them gets started" (→ "influence", "get");
- the -ing form after verbs that take one: "consider move that content", "avoid
  repeat the question", "I recommend use the form" (→ "moving", "repeating", "using");
- the -ing form after "such as" and "while" before an object: "such as format a list",
  "while enhance IT modernisation" (→ "formatting", "enhancing").

A word that is also a noun ("move", "use", "format") counts as a verb only where an
object's first word follows it ("consider move that content", not "consider cost").
Findings are warnings, as in `grammar_classes`, whose rule signature these share.
"""

from __future__ import annotations

from collections.abc import Iterator

from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks import verb_forms
from afterview.writing.checks._util import word_set
from afterview.writing.checks.grammar_classes import (
    DETERMINERS_AFTER_VERB,
    NOUN_LIKE_VERBS,
    UNCOUNTED_S,
    Hit,
    Rule,
    Tok,
    _at,
    _low,
    _mostly_verb,
    verb_form_hit,
)

CAUSATIVE = word_set("let lets make makes made making help helps helped helping")
OBJECTS = word_set("it them him her us me you")
ING_VERBS = word_set(
    """consider considers considered considering avoid avoids avoided avoiding recommend
    recommends recommended suggest suggests suggested enjoy enjoys enjoyed finish finishes
    finished mind minds imagine imagines practise practice discuss discussed justify
    postpone postponed resist resisted"""
)
# "I suggest we", "consider that": not a verb's object.
NOT_VERBS = word_set("that this we you they it he she i")


def _verb_here(toks: list[Tok], j: int) -> bool:
    """Is toks[j] a verb in its plain form, not a noun, given what follows it?"""
    verb = _at(toks, j)
    if verb is None or not verb.text.isalpha() or not verb.text.islower():
        return False
    w = verb.low
    if not lex.is_verb(w) or lex.third_person_base(w) is not None or w in NOT_VERBS:
        return False  # not a verb, or its -s form ("discuss" is plain, "uses" is not)
    if lex.is_adjective(w) or w.endswith(("ing", "ed")):
        return False
    noun_like = w in NOUN_LIKE_VERBS or (w in lex.classes().nouns and not _mostly_verb(w))
    return not noun_like or _low(toks, j + 1) in DETERMINERS_AFTER_VERB


def plain_after_object(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "let it influences", "help them gets": after let/make/help and an object pronoun,
    the plain form."""
    if toks[i].low not in CAUSATIVE or _low(toks, i + 1) not in OBJECTS:
        return
    verb = _at(toks, i + 2)
    if verb is None or not verb.text.islower() or verb.low in UNCOUNTED_S:
        return
    base = lex.third_person_base(verb.low)
    if base is None or base == verb.low:
        return
    yield verb_form_hit(
        verb,
        f'"{toks[i].text} {toks[i + 1].text} {verb.text}": after "{toks[i].text}" and its '
        f'object the verb takes its plain form, "{base}".',
        base,
    )


def ing_after(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "consider move that content", "such as format a list", "while enhance IT": the
    -ing form after these."""
    low = toks[i].low
    if low in ING_VERBS:
        after = f'"{toks[i].text}"'
    elif low == "as" and _low(toks, i - 1) == "such":
        after = '"such as"'
    elif low == "while" and _low(toks, i + 2)[:1].isalpha():
        after = '"while"'
    else:
        return
    if not _verb_here(toks, i + 1):
        return
    verb = toks[i + 1]
    fix = verb_forms.ing(verb.low)
    yield verb_form_hit(
        verb,
        f'"{toks[i].text} {verb.text}": after {after} the verb takes its -ing form, "{fix}".',
        fix,
    )


RULES: tuple[Rule, ...] = (plain_after_object, ing_after)
# The words each rule can fire on (see grammar_classes.TRIGGERS).
TRIGGERS: dict[Rule, frozenset[str]] = {plain_after_object: frozenset(CAUSATIVE)}
