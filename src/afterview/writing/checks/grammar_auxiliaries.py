"""Slips around auxiliaries and small words that real email shows (P5 "Checks before
sending"; the same checks serve P7 withdrawals and P8 follow-ups), each a narrow pattern
with its fix, added to grammar.py's list:

- a dropped "be": "it can done in about 5 minutes" (a participle with no object after a
  modal), "She will working with" (an -ing verb after a modal);
- a dropped "have": "Steve and I been asked", "if have completed" (no subject either);
- a participle as a past tense: "We all gone over the valuations"; a past tense as the
  plain form: "Thanks for letting me knew";
- "could of" after any modal, and with "not": "any questions you may of", "I may not of
  received";
(grammar_dropped_words.py holds the other small words dropped: articles, "to", "of");
- homophones by what follows: "its some news", "while I was their.", "send too:",
  "WERE: Enron Building", "and where in the process of".
"""

from __future__ import annotations

import re

from afterview.writing.checks._util import match_case, word_set
from afterview.writing.checks.grammar_rule import Rule, _between, _first_as, _rule, _word_before
from afterview.writing.findings import Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING
APOS = "['’]"
_MODAL = r"(?:would|could|should|might|must|will|can|may|shall)"
# Participles of verbs that take an object: with none after them the modal wants "be".
_TRANSITIVE_PARTICIPLES = (
    "done taken given written seen shown known chosen drawn broken forgotten hidden stolen "
    "worn driven spoken sent made paid sold told held found brought bought built signed "
    "posted confirmed completed finished reviewed approved processed handled resolved fixed "
    "updated submitted scheduled arranged sorted"
)
# What may follow such a participle when no object does: "can done in about 5 minutes".
_NO_OBJECT = (
    r"(?=\s*(?:[.,;:!?)]|$|\s(?:in|by|within|at|on|before|after|soon|quickly|easily|today|"
    r"tomorrow|now|later|immediately|electronically|online|through|via|if|when|once|as|and|"
    r"or|but|so|with|without|for|from|next|this|tonight|here|there)\b))"
)
_PARTICIPLE_ONLY = {
    "gone": "went",
    "done": "did",
    "seen": "saw",
    "taken": "took",
    "given": "gave",
    "written": "wrote",
    "spoken": "spoke",
    "eaten": "ate",
    "chosen": "chose",
    "driven": "drove",
    "begun": "began",
    "drunk": "drank",
    "sung": "sang",
    "swum": "swam",
    "rung": "rang",
}
# Past tenses that are no participle: "letting me knew" is "know".
_PAST_ONLY = {
    "knew": "know",
    "went": "go",
    "saw": "see",
    "took": "take",
    "came": "come",
    "gave": "give",
    "did": "do",
    "wrote": "write",
    "spoke": "speak",
    "drove": "drive",
    "began": "begin",
    "ran": "run",
}
_SUBJECTS = r"(?:I|we|they|you)"
_BETWEEN = r"(?:\s+(?:all|both|just|already|never|also|each|recently|finally))?"
_HAVE_FOR = {"he": "has", "she": "has", "it": "has"}
# Words in -ing that are not -ing forms: "I can swing by", "we will ping you".
ING_BASES = word_set(
    "bring sing ring spring sting swing cling fling sling wring string wing ping ding zing "
    "thing king anything nothing something everything"
)


def _participle_past(m: re.Match[str], _apos: str) -> str:
    verb = m.group(2)
    return f"{m.group(1)} {match_case(verb, _PARTICIPLE_ONLY[verb.lower()])}"


def _have_before(m: re.Match[str], _apos: str) -> str:
    subject = m.group(1)
    last = subject.split()[-1].lower()
    return f"{subject} {_HAVE_FOR.get(last, 'have')} {m.group(2)}"


def _of_as_have(m: re.Match[str], _apos: str) -> str:
    return f"{m.group(1)} have"


RULES: tuple[Rule, ...] = (
    # "it can done in about 5 minutes": a passive lost its "be" (with an object after the
    # participle the modal wants "have" instead: grammar.py's verb-form rule).
    _rule(
        "would could should might must will can may shall;" + _TRANSITIVE_PARTICIPLES,
        "missing-word",
        rf"\b({_MODAL}(?:\s+not|n{APOS}t)?)\s+({'|'.join(_TRANSITIVE_PARTICIPLES.split())})\b"
        + _NO_OBJECT,
        WARNING,
        'Is a word missing? "{found}" needs "be": "{fix}".',
        _between("be"),
        # "as you would any other candidate": "would" stands for a verb said before
        lambda m, text: (
            text[max(0, m.start() - 8) : m.start()]
            .lower()
            .rstrip()
            .endswith(("as", "than", "like"))
        ),
        anchored=True,
    ),
    # "She will working with Laura": "be" dropped between a modal and an -ing verb, where
    # what follows reads as an activity going on; elsewhere ("will making it easier") the
    # verb's form is the slip (verb_forms reads it).
    _rule(
        "i you he she it we they who that which;would could should might must will can may shall",
        "missing-word",
        r"\b((?:I|you|he|she|it|we|they|who|that|which)\s+"
        rf"{_MODAL}(?:\s+not|n{APOS}t)?(?:\s+(?:also|still|now|then|soon|probably|definitely|"
        r"certainly|likely))?)\s+([a-z]+ing)\b(?=\s+(?:with|on|in|at|from|until|through|"
        r"together|here|there|tomorrow|next|this|all)\b)",
        WARNING,
        'Is a word missing? "{found}" needs "be": "{fix}".',
        _between("be"),
        lambda m, _text: m.group(2).lower() in ING_BASES,
        anchored=True,
    ),
    # "Steve and I been asked", "they been waiting": "have" dropped before "been".
    _rule(
        "i we they you he she;been",
        "missing-word",
        rf"\b({_SUBJECTS}|he|she)(?:\s+(?:all|both|just|already|never|also|recently))?"
        r"\s+(been)\b",
        WARNING,
        'Is a word missing? "{found}" needs "have": "{fix}".',
        lambda m, _a: (
            m.group(0)[: m.start(2) - m.start(0)].rstrip()
            + f" {_HAVE_FOR.get(m.group(1).lower(), 'have')} been"
        ),
        # "if I been" in dialogue is rare; "you been" after "have" is the question form
        lambda m, text: (
            re.search(
                rf"(?i)\b(?:have|has|had|ve|{APOS}ve)\s*$", text[max(0, m.start() - 10) : m.start()]
            )
            is not None
        ),
        anchored=True,
    ),
    # "We all gone over the valuations": a participle for the past tense.
    _rule(
        "i we they you;" + " ".join(_PARTICIPLE_ONLY),
        "verb-form",
        rf"(?:^|(?<=[.!?;\n]\s)|(?<=\n)|(?<=\band\s)|(?<=\bbut\s))({_SUBJECTS}{_BETWEEN})\s+"
        rf"({'|'.join(_PARTICIPLE_ONLY)})\b(?!\s+(?:by|to\s+be)\b)",
        WARNING,
        'Did you mean "{fix}"? The past tense is not the participle (that one needs "have").',
        _participle_past,
        anchored=True,
    ),
    # "Thanks for letting me knew": after "let/make/help" + object, the plain form.
    _rule(
        "let lets letting make makes making made help helps helping helped;" + " ".join(_PAST_ONLY),
        "verb-form",
        r"\b(?:let|lets|letting|make|makes|making|made|help|helps|helping|helped)\s+"
        r"(?:me|us|him|her|them|you)\s+(" + "|".join(_PAST_ONLY) + r")\b",
        WARNING,
        'Did you mean "{fix}"? After "let", "make" or "help" and its object the verb takes its '
        "plain form.",
        lambda m, _a: (
            m.group(0)[: m.start(1) - m.start(0)]
            + match_case(m.group(1), _PAST_ONLY[m.group(1).lower()])
        ),
        anchored=True,
    ),
    # "The guidance is base on the learning": the passive's participle lost its "-d".
    _rule(
        "is are was were be been being am;base",
        "verb-form",
        r"\b(is|are|was|were|be|been|being|am)\s+(?:(?:largely|mainly|partly|loosely|heavily|"
        r"entirely|solely)\s+)?(base)(?=\s+(?:on|upon|in|at|around|out)\b)",
        WARNING,
        'Did you mean "{fix}"? After "{word}" the passive takes "based".',
        lambda m, _a: m.group(0)[: m.start(2) - m.start(0)] + match_case(m.group(2), "based"),
        anchored=True,
    ),
    # "Will you advise if have completed": no subject before "have".
    _rule(
        "if when once because since unless whether;have has",
        "missing-word",
        r"\b(if|when|once|because|since|unless|whether)\s+(have|has)(?=\s+(?:already\s+)?"
        r"[a-z]+(?:ed|en|wn|ne|lt|nt|ght|ung)\b)",
        WARNING,
        'Is a word missing? "{found}" has no subject: perhaps "{fix}".',
        lambda m, _a: (
            f"{m.group(1)} {'you' if m.group(2).lower() == 'have' else 'it'} {m.group(2)}"
        ),
        anchored=True,
    ),
    # "any questions you may of", "I may not of received": "of" for a modal's "have"
    # (grammar.py reads "could/should/would/must/might of").
    _rule(
        "may will shall;of",
        "could-of",
        r"\b((?:may|will|shall)(?:\s+not)?)\s+of\b"
        r"(?!\s+(?:course|all|which|them|these|those|the|a|an|interest|use|help|value|"
        r"importance|note|benefit|concern)\b)",
        ERROR,
        '"{found}" should be "{fix}": the modal takes "have", not "of".',
        _of_as_have,
        # "the 4th of May of 2001", "the will of the people": a subject pronoun says modal
        lambda m, text: (
            _word_before(text, m.start())
            not in ("i", "you", "we", "they", "he", "she", "it", "who")
        ),
        anchored=True,
    ),
    _rule(
        "would could should might must may;not;of",
        "could-of",
        r"\b((?:would|could|should|might|must|may)\s+not)\s+of\b(?!\s+(?:course|all)\b)",
        ERROR,
        '"{found}" should be "{fix}": the modal takes "have", not "of".',
        _of_as_have,
        anchored=True,
    ),
    # "at least its some news", "its no secret": "it's" before a determiner.
    _rule(
        "its;some no such just still always never going getting ok okay",
        "its-its",
        r"\b(its)\s+(?:some|no|such|just|still|always|never|going|getting|ok|okay)\b(?![-'’])"
        r"(?!\s+rate)",
        WARNING,
        'Did you mean "{fix}"? "it\'s" = "it is" / "it has".',
        _first_as("it's"),
        anchored=True,
    ),
    # "while I was their.": "their" needs a noun after it.
    _rule(
        "was were is are been be get;their",
        "their-there",
        r"\b(?:was|were|is|are|been|be|be\s+over|be\s+back|get)\s+(their)(?=\s*(?:[.,;!?)\-–—]|$))",
        WARNING,
        'Did you mean "there"? "their" needs a noun after it.',
        lambda m, _a: m.group(0)[: m.start(1) - m.start(0)] + match_case(m.group(1), "there"),
        anchored=True,
    ),
    # "Please execute and send too:": "too" before a colon.
    _rule(
        "send sent forward reply respond go deliver mail fax address addressed;too",
        "to-too",
        r"\b(?:send|sent|forward|reply|respond|go|deliver|mail|fax|send\s+it|address(?:ed)?)\s+"
        r"(too)(?=\s*:)",
        WARNING,
        'Did you mean "to"? "too" = also or excessively.',
        lambda m, _a: m.group(0)[: m.start(1) - m.start(0)] + match_case(m.group(1), "to"),
        anchored=True,
    ),
    # "WERE: Enron Building" under "WHEN: Friday": the heading is "WHERE".
    _rule(
        "were",
        "were-where",
        r"(?:^|(?<=\n))[ \t]*(were)(?=[ \t]*:)",
        WARNING,
        'Did you mean "{fix}"? A heading for the place is "where".',
        lambda m, _a: match_case(m.group(1), "where"),
    ),
    # "We talked this morning and where in the process of": "were".
    _rule(
        "we they you and;where;process middle midst",
        "were-where",
        r"\b(?:we|they|you|and)\s+(where)(?=\s+(?:still\s+|already\s+|just\s+)?in\s+the\s+"
        r"(?:process|middle|midst)\s+of\b)",
        WARNING,
        'Did you mean "were"? "where" asks about a place.',
        lambda m, _a: m.group(0)[: m.start(1) - m.start(0)] + match_case(m.group(1), "were"),
        # "Where in the process of hiring are you?": a question
        lambda m, text: (
            m.group(0).lower().startswith("and")
            and re.search(r"\?", text[m.end() : m.end() + 120].split("\n")[0]) is not None
        ),
        anchored=True,
    ),
)
