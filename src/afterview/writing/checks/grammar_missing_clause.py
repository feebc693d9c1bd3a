"""Small words a clause cannot do without (P5 "Checks before sending"; the same checks
serve P7 and P8), found by deleting "is", "are" and "if" from real email sentences:

- "is"/"are" after "there"/"here" that opens a clause: "then there no extra cost",
  "Here the final plan for Deal Bench" (→ "there is", "Here is");
- "is"/"are" between a relative word and a participle that needs an object: "the
  changes, which described in this memo" (→ "which are described");
- "if" after "let me know" or "wondering" before a clause: "Let me know you still need
  the curve", "I was wondering you could send it" (→ "know if", "wondering if");
- "If" opening a condition before an order: "You have any questions, please call me";
- "if" before "there are any", which only a question, a negative or a condition takes:
  "Also there are any other products I should add, please let me know".

Each is a narrow pattern over the first tagger's tags; findings are warnings and the fix
writes the word in.
"""

from __future__ import annotations

from collections.abc import Iterator

from afterview.writing.checks._util import match_case, word_set
from afterview.writing.checks.grammar_classes import WARNING, Hit, Tok

CLAUSE_OPENERS = word_set(
    ", ; : ( — – and but so then if when because that as since unless while once"
)
# After "there"/"here" opening a clause, what shows a noun phrase begins with no verb.
PHRASE_STARTS = word_set(
    "a an the no many several some any much lots plenty nothing something anything enough more few"
)
PLURAL_STARTS = word_set("many several lots plenty few")
FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})
CLAUSE_ENDS = word_set(", . ; : ! ? ( ) — –")
RELATIVES = word_set("that which who whom whose where when")
# Participles of verbs that take an object: after "which"/"that" with none, a passive.
OBJECT_PARTICIPLES = word_set(
    """described listed included mentioned attached provided required shown outlined noted
    stated explained detailed highlighted covered discussed addressed given sent made
    taken written held paid sold told done seen enclosed referenced specified defined
    presented proposed requested recommended scheduled planned based located posted
    published signed approved submitted received reported"""
)
AFTER_PASSIVE = word_set("in by below above earlier previously here at on within under . ,")
SUBJECTS = word_set("you there we they he she it i")
# After "let me know you"/"wondering you": what shows a clause, not an object.
CLAUSE_VERBS = word_set(
    """still also are is have has need needs want wants can could would will do does did
    don't doesn't didn't agree approve prefer plan intend wish require were was"""
)
# A condition that opens a sentence without "if": "You have any questions, please call".
CONDITION_VERBS = word_set(
    """need want wish require prefer cannot can't have are do don't would 'd"""
)
# "You know/see/understand …, please …" states, it does not set a condition.
NOT_CONDITIONS = word_set("know see understand mean guess bet think remember deserve")
ORDERS = word_set(
    """please feel let contact call email e-mail click visit reply send do don't give
    write ring drop ask"""
)


def hits(toks: list[Tok], tags: list[str], lo: int, hi: int, text: str) -> Iterator[Hit]:
    yield from _there_without_verb(toks, tags, lo, hi)
    yield from _relative_passive(toks, tags, lo, hi)
    yield from _if_after_know(toks, tags, lo, hi)
    yield from _condition_without_if(toks, tags, lo, hi)
    yield from _any_without_if(toks, tags, lo, hi)
    yield from _questions_without_if(toks, lo, hi)


def _there_without_verb(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    for j in range(lo, hi - 2):
        word = toks[j]
        if word.low not in ("there", "here") or not (
            toks[j + 1].low in PHRASE_STARTS
            or (tags[j + 1] == "CD" and j + 2 < hi and tags[j + 2] in ("JJ", "NNS"))
        ):
            continue
        if j > lo and toks[j - 1].low not in CLAUSE_OPENERS:
            continue  # "get there a day early", "I was there the whole day"
        end = j + 1
        while end < hi and toks[end].low not in CLAUSE_ENDS | RELATIVES:
            end += 1
        if any(
            (tags[k] in FINITE and tags[k - 1] != "DT")  # "there no need/VBP to": a noun
            or (tags[k] == "VB" and toks[k - 1].low != "to")
            or (tags[k] == "VBN" and tags[k - 1] not in ("DT", "PRP$", "JJ"))  # "the voided"
            for k in range(j + 1, end)
        ):
            continue  # "There the team met/VB the client": a verb of its own
        head = next(
            (
                k
                for k in range(j + 1, end)
                if tags[k] in ("NN", "NNS", "NNP") or (tags[k] in FINITE and tags[k - 1] == "DT")
            ),
            None,
        )
        plural = toks[j + 1].low in PLURAL_STARTS or (head is not None and tags[head] == "NNS")
        verb = "are" if plural else "is"
        yield Hit(
            word.start,
            word.end,
            "missing-word",
            WARNING,
            f'Is a word missing? "{word.text} {toks[j + 1].text}" reads as if it needs '
            f'"{verb}": "{word.text} {verb} {toks[j + 1].text}".',
            f"{word.text} {verb}",
        )


def _relative_passive(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    for j in range(lo + 1, hi - 2):
        if toks[j].low not in ("which", "that", "who") or tags[j - 1] not in ("NN", "NNS", ","):
            continue
        k = j + 1
        while k < hi - 1 and tags[k] == "RB" and toks[k].low != "not":
            k += 1
        after = toks[k + 1].low if k + 1 < hi else ""  # the text may end at word k
        if toks[k].low not in OBJECT_PARTICIPLES or after not in AFTER_PASSIVE:
            continue
        noun = j - 2 if tags[j - 1] == "," else j - 1
        verb = "are" if noun >= lo and tags[noun] == "NNS" else "is"
        yield Hit(
            toks[j].start,
            toks[k].end,
            "missing-word",
            WARNING,
            f'Is a word missing? "{toks[j].text} … {toks[k].text}" reads as if it needs '
            f'"{verb}": "{toks[j].text} {verb} {toks[k].text}".',
            f"{toks[j].text} {verb} " + " ".join(toks[m].text for m in range(j + 1, k + 1)),
        )


def _if_after_know(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    for j in range(lo, hi - 2):
        t = toks[j]
        asks = t.low in ("wonder", "wondering", "wondered") or (
            t.low == "know"
            and j - 2 >= lo
            and toks[j - 2].low in ("let", "letting", "lets")
            and toks[j - 1].low in ("me", "us")
        )
        if not asks or toks[j + 1].low not in SUBJECTS:
            continue
        after = toks[j + 2]
        if after.low not in CLAUSE_VERBS and tags[j + 2] not in FINITE:
            continue
        yield Hit(
            t.start,
            toks[j + 1].end,
            "missing-word",
            WARNING,
            f'Is a word missing? "{t.text} {toks[j + 1].text}" reads as if it needs "if": '
            f'"{t.text} if {toks[j + 1].text}".',
            f"{t.text} if {toks[j + 1].text}",
        )


def _condition_without_if(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    # At the start, or after a short opening and its comma ("Once again, you observe …").
    starts = [lo] + [k + 1 for k in range(lo + 1, min(hi, lo + 4)) if toks[k].text == ","]
    for j in starts:
        yield from _condition_at(toks, tags, lo, hi, j)


def _condition_at(toks: list[Tok], tags: list[str], lo: int, hi: int, j: int) -> Iterator[Hit]:
    if j + 2 >= hi or toks[j].low != "you":
        return
    verb = toks[j + 1].low
    if verb not in CONDITION_VERBS and (tags[j + 1] != "VBP" or verb in NOT_CONDITIONS):
        return  # "We need more time, please let us know": two sentences run together
    comma = next((k for k in range(j + 2, min(hi, j + 16)) if toks[k].text == ","), None)
    if comma is None or comma + 1 >= hi or toks[comma + 1].low not in ORDERS:
        return
    if any(tags[k] in FINITE and k > j + 1 for k in range(j + 2, comma)):
        return  # "You have the file and it is late, please …": more than a condition
    if toks[j + 1].low == "have" and not any(
        toks[k].low in ("any", "questions", "time", "a") for k in range(j + 2, min(comma, j + 4))
    ):
        return  # "You have been great, please keep it up": not a condition
    first = toks[j]
    fixed = f"{match_case(first.text, 'if')} {first.text[:1].lower()}{first.text[1:]}"
    yield Hit(
        first.start,
        first.end,
        "missing-word",
        WARNING,
        f'Is a word missing? "{first.text} {toks[j + 1].text} …, {toks[comma + 1].text}" reads '
        f'as a condition: "{fixed}".',
        fixed,
    )


# Before "there is/are any" in its clause, what makes "any" right: a condition ("to the
# extent that", "in case"), a question word, a negative, a verb that asks.
ANY_LICENSED = word_set(
    """if whether not no never n't nor without unless know see check ask asked wonder
    wondering wondered confirm find sure doubt hardly barely whenever before extent
    insofar case provided providing assuming suppose supposing only"""
)


def _any_without_if(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    for j in range(lo, hi - 3):
        if toks[j].low != "there" or toks[j + 1].low not in ("is", "are", "'s", "'re"):
            continue
        if toks[j + 2].low != "any" or toks[hi - 1].text == "?" or toks[j + 3].low == "number":
            continue
        start = j
        while start > lo and toks[start - 1].low not in (".", ";", "!", "?"):
            start -= 1
        if any(toks[k].low in ANY_LICENSED or toks[k].low.endswith("n't") for k in range(start, j)):
            continue
        if any(toks[k].low in ("not", "no") for k in range(j + 2, min(hi, j + 4))):
            continue
        there = toks[j]
        fixed = f"{match_case(there.text, 'if')} {there.text[:1].lower()}{there.text[1:]}"
        yield Hit(
            there.start,
            toks[j + 2].end,
            "missing-word",
            WARNING,
            f'Is a word missing? "{there.text} {toks[j + 1].text} any" reads as a condition: '
            f'"{fixed} {toks[j + 1].text} any".',
            f"{fixed} {toks[j + 1].text} any",
        )


# "Please contact me you have any questions": an order, its object, then the condition.
# Not "tell me you have the file", "show me you can": those take a clause without "that".
ASKING_ORDERS = word_set("contact call email e-mail ring phone")
ASKING_OBJECTS = word_set("me us him her them")
CONDITION_STARTS = word_set("have need want would")


def _questions_without_if(toks: list[Tok], lo: int, hi: int) -> Iterator[Hit]:
    for j in range(lo, hi - 3):
        if toks[j].low not in ASKING_ORDERS or toks[j + 1].low not in ASKING_OBJECTS:
            continue
        you = toks[j + 2]
        if you.low != "you" or toks[j + 3].low not in CONDITION_STARTS:
            continue
        yield Hit(
            toks[j + 1].start,
            you.end,
            "missing-word",
            WARNING,
            f'Is a word missing? "{toks[j + 1].text} {you.text} {toks[j + 3].text}" reads as '
            f'a condition: "{toks[j + 1].text} if {you.text} {toks[j + 3].text}".',
            f"{toks[j + 1].text} if {you.text}",
        )
