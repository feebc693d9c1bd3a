"""Grammar: the common slips that make a careful email look careless (P5 "Checks before
sending": spelling, grammar, content; the same checks serve P7 withdrawals and P8 follow-ups).

Precision matters more than recall: a checker that cries wolf on a correct thank-you
email teaches the user to ignore it. So every rule is a narrow pattern with a known fix,
and each finding's suggestion replaces exactly its span:

- `grammar.could-of` (error): "could of" -> "could have" ("would of course" is fine);
- `grammar.repeated-word` (error): "the the" on one line ("that that", "had had" are fine);
- `grammar.your-youre` (error/warning): "your welcome", "you're time", "your not";
- `grammar.you-your` (error/warning): "thank you for you time", "with you team";
- `grammar.its-its` (error/warning): "it's own", "its a";
- `grammar.their-there` (error/warning): "their is", "there own", "they're team";
- `grammar.then-than` (error/warning): "more then", "better then", "and than";
- `grammar.affect-effect` (error/warning): "an affect", "will effect" (not "effect change");
- `grammar.to-too` (warning): "far to many", "is to late", "me to.", "forward too hearing";
- `grammar.hear-here` (warning): "glad to here about", "forward to here from you", "I am
  hear to help";
- `grammar.verb-form` (warning), in a letter's set phrases: "look forward to meet",
  "thank you for meet with me", "enjoyed to learn", "excited to joining", "I am
  interesting in the role";
- `grammar.usage` (warning), the slips of letters written in a second language: "since 5
  years", "I am agree", "look forward for", "discuss about", "interested for", "I am
  having five years of experience", "informations", "feedbacks";
- `grammar.a-an` (error for plain words, warning for abbreviations): "a interview",
  "an university", "a hour", "a MBA" - by sound, with a small exception list;
- `grammar.capital-month` (warning): "by march", "in may": a month in lower case where
  only the month can stand;
- `grammar.capital-start` (warning): a body sentence starting in lower case (not after
  "e.g.", "etc.", "a.m.", an ellipsis, nor for a web address or "iPhone");
- `grammar.double-space` (warning between words; info after a full stop, the old
  typewriter convention);
- `grammar.lowercase-i` (error): "i think", "i'm".

Confident slips are errors (they block sending); heuristics are warnings.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from afterview.writing.checks import grammar_auxiliaries, grammar_dropped_words, verb_forms
from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks._util import (
    apostrophe,
    inside_any,
    match_case,
    url_spans,
    without_overlaps,
    word_set,
)
from afterview.writing.checks.grammar_rule import (
    Rule,
    _between,
    _first_as,
    _plural_verb,
    _rule,
    _then,
    _word_before,
    compiled,
)
from afterview.writing.context import CheckContext
from afterview.writing.findings import Finding, Severity
from afterview.writing.text import Document, Token

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
APOS = "['’]"


_ME_TO_VERBS = word_set(
    "asked ask asking told tell wanted want wants allowed invited encouraged expected "
    "like love need needs needed prefer urged reminded advised helped"
)


def _me_to_veto(m: re.Match[str], text: str) -> bool:
    """ "as you asked me to." is a correct ellipsis, and "Which one did he refer you to."
    strands the preposition; only flag "me to." after other words."""
    return _word_before(text, m.start()) in _ME_TO_VERBS or (
        _STRANDING.search(re.split(r"[.!?\n]", text[: m.start()])[-1]) is not None
    )


_INFINITIVE_BEFORE = re.compile(r"(?i)\bto\s+[a-z]+\s+$")
_STRANDING = re.compile(r"(?i)\b(?:what|which|who|whom|whose|where)\b")


def _welcome_veto(m: re.Match[str], text: str) -> bool:
    """ "Thank you for your welcome." is the noun: a welcome was given."""
    return _word_before(text, m.start()) in {"for", "of", "by", "with"}


COMPARATIVE = re.compile(
    r"(?i)\b(?:more|less|fewer|better|worse|bigger|smaller|larger|higher|lower|faster|slower|"
    r"easier|harder|longer|shorter|greater|cheaper|earlier|later|sooner|busier|happier|"
    r"quieter|stronger|weaker|richer|older|younger|newer|rather|crazier|wilder)\b"
)


def _sentence_before(text: str, position: int) -> str:
    start = max(text.rfind(".", 0, position), text.rfind("\n", 0, position), 0)
    return text[start:position]


# Singular nouns of a letter that keep an article after a preposition.
LETTER_NOUNS = (
    "team",
    "role",
    "position",
    "interview",
    "company",
    "opportunity",
    "status",
    "update",
    "process",
    "meeting",
    "job",
    "vacancy",
    "department",
    "panel",
    "project",
    "decision",
    "offer",
)
# Prepositions with these nouns that need no article ("on offer", "on call", British "for
# interview", "at interview"; "to interview" is the verb).
ARTICLE_FREE = frozenset(
    {
        ("on", "offer"),
        ("for", "interview"),
        ("to", "interview"),
        ("for", "offer"),
        ("to", "offer"),
        ("to", "update"),
        ("to", "process"),
        ("for", "decision"),
        ("of", "process"),
        ("with", "process"),
    }
)
LANGUAGES = word_set(
    """english french german spanish italian mandarin chinese cantonese japanese arabic
    portuguese russian dutch hindi korean polish welsh irish gaelic swedish norwegian danish
    finnish greek turkish hebrew urdu bengali punjabi tamil swahili"""
)
OVER_REGULAR = {
    "knowed": "knew",
    "growed": "grew",
    "throwed": "threw",
    "bringed": "brought",
    "buyed": "bought",
    "catched": "caught",
    "teached": "taught",
    "thinked": "thought",
    "goed": "went",
    "runned": "ran",
    "speaked": "spoke",
    "writed": "wrote",
    "drived": "drove",
    "maked": "made",
    "taked": "took",
    "gived": "gave",
    "comed": "came",
    "eated": "ate",
    "drinked": "drank",
    "swimmed": "swam",
    "telled": "told",
    "selled": "sold",
    "feeled": "felt",
    "keeped": "kept",
    "leaved": "left",
    "meaned": "meant",
    "sayed": "said",
}
TO_TAKERS = word_set(
    "hope hoping hoped want wanted wants like love need needed going able plan planning "
    "trying try expect expecting wish"
)


def _irregular_base(word: str) -> str:
    """The plain form of an irregular past or participle ("heard" -> "hear"), else the word."""
    low = word.lower()
    if low in lex.IRREGULAR or low in ("was", "were", "been", "found", "ground", "lay", "wound"):
        return low  # a plain form already ("read", "put", "to found a company"), or "be"'s
    found = lex.IRREGULAR_PAST.get(low) or lex.IRREGULAR_PARTICIPLE.get(low)
    return found.base if found is not None else low


REPEATABLE = word_set("that had is bye no so ha very well yes")
PREPOSITIONS_BEFORE_THAT = word_set("to of for with in on at from by about into onto")
WH_BEFORE_IS = word_set("what where how who why whatever thing problem point issue question")
# After "that that", these start a clause: the second "that" is a slip ("so that that
# users", "that that the"); "that that is" and "that that report" are fine.
AFTER_THAT_THAT = word_set(
    "the a an we they you i he she it there users people our your their this these those"
)


def _repeat_allowed(word: str, text: str, first_start: int, second_end: int) -> bool:
    """ "had had" always; "is is" only after a wh-word ("what it is is"); "that that"
    only where the second "that" can be a pronoun or determiner ("that that is true")."""
    after = text[second_end : second_end + 20].lower().split()[:1]
    nxt = after[0].strip(".,;:") if after else ""
    if word == "is":
        before = text[max(0, first_start - 30) : first_start].lower().split()[-3:]
        wh = any(w.strip(".,;:") in WH_BEFORE_IS - {"thing"} for w in before)
        if nxt.endswith("ing") and not wh:
            return False  # "the thing the user is is doing": a doubled auxiliary
        return wh or any(w.strip(".,;:") == "thing" for w in before)
    if word == "that":
        if _word_before(text, first_start) in PREPOSITIONS_BEFORE_THAT:
            return False  # "access to that that email": no clause starts after "to"
        return nxt not in AFTER_THAT_THAT
    return word in REPEATABLE


def _repeated_findings(doc: Document) -> list[Finding]:
    """ "the the" on one line; "that that", "had had" and "Bora Bora" are fine."""
    findings: list[Finding] = []
    words, text = doc.words, doc.text
    for first, second in itertools.pairwise(words):
        if first.text.lower() != second.text.lower() or _repeat_allowed(
            first.text.lower(), text, first.start, second.end
        ):
            continue
        if text[first.end : second.start] not in (" ", "  ", "\t"):
            continue  # punctuation, a line break or column alignment between them
        if second.text != first.text and first.text != second.text.capitalize():
            continue  # "file FILE", "skip Skip": not a doubled word; "The the" is
        if first.text[0].isupper() and second.text[0].isupper() and first.text != "I":
            continue  # "Bora Bora"; but "So I I adjusted" is a slip
        findings.append(
            doc.finding(
                first.start,
                second.end - first.start,
                "grammar.repeated-word",
                ERROR,
                f'The word "{first.text}" is repeated.',
                (first.text,),
            )
        )
    return findings


# Verbs that are never adjectives: "too" before one is a slip for "to" ("too reorder").
_TO_VERBS = (
    "reorder uncheck communicate design understand discuss learn ask add create build provide "
    "improve ensure avoid send meet schedule share explain discover find"
)

# "I know it's time", "I guess it's work": "it's" opens a clause after these.
CLAUSE_BEFORE_ITS = word_set(
    """think if because when so know knew guess hope hoped believe say said sure see feel
    felt bet means seems seemed realise realize found find agree understand"""
)
RULES: tuple[Rule, ...] = (
    _rule(
        "could should would must might;of",
        "could-of",
        r"\b(could|should|would|must|might)\s+of\b(?!\s+course\b)",
        ERROR,
        '"{found}" should be "{fix}": "of" here is how "\'ve" sounds, not what it means.',
        _then("have"),
    ),
    # "you may of already heard": lower-case "may" (not "May of 2001") before a participle.
    _rule(
        "may;of",
        "could-of",
        r"(?-i:\b(may)\s+of)(?=\s+(?:(?:already|never|just|not|also|all|well)\s+)?(?:been|had|"
        r"done|seen|heard|gone|got|gotten|known|given|taken|made|sent|told|read|left|met|"
        r"forgotten|missed|[a-z]{2,}ed)\b)",
        ERROR,
        '"{found}" should be "{fix}": "of" here is how "\'ve" sounds, not what it means.',
        _then("have"),
    ),
    _rule(
        "your;welcome",
        "your-youre",
        r"\b(your)\s+welcome\b(?=\s*(?:[.,!;:)]|$)|\s+to\s+(?:join|come|ask|contact|call|get|"
        r"reach|email|use|visit|attend|bring|share|send|stay)\b)",
        ERROR,
        '"{found}" should be "{fix}" ("you\'re" = "you are").',
        _first_as("you're"),
        _welcome_veto,
    ),
    _rule(
        "your;hope",
        "your-youre",
        r"\b(?<=hope\s)(your)\s+(?:well|ok|okay|keeping\s+well|safe|good|fine|all\s+well)\b",
        ERROR,
        '"{found}" should be "{fix}" ("you\'re" = "you are").',
        _first_as("you're"),
    ),
    _rule(
        "followup followups",
        "usage",
        r"\b(to|will|would|I|we|can|could|should|please|just)\s+(follow)(up)\b",
        WARNING,
        '"{found}": the verb is two words, "{fix}" ("a follow-up" is the noun).',
        lambda m, _a: f"{m.group(1)} {m.group(2)} {m.group(3)}",
    ),
    _rule(
        "thankyou",
        "usage",
        r"\b(thank)(you)\b",
        ERROR,
        '"{found}" is two words: "{fix}" (one word only as a noun, "a thank-you").',
        lambda m, _a: f"{m.group(1)} {m.group(2)}",
    ),
    _rule(
        "weather",
        "usage",
        r"\b((?:wondering|wonder|wondered|know|knowing|unsure|sure|ask|asking|asked|see|decide|"
        r"check|confirm|tell)\s+)weather(?=\s+(?:you|or|it|the|there|we|I|they|he|she|this)\b)"
        r"|(?<!the\s)\bweather(?=\s+or\s+not\b)",
        WARNING,
        '"{found}": "whether" = if; "weather" = rain or shine: "{fix}".',
        lambda m, _a: (m.group(1) or "") + match_case(m.group(0)[-7:], "whether"),
    ),
    _rule(
        "your",
        "your-youre",
        r"\b(your)\s+(?:not|also|probably|definitely|absolutely|already|going\s+to)\b",
        WARNING,
        'Did you mean "{fix}"? "you\'re" = "you are"; "your" = belonging to you.',
        _first_as("you're"),
    ),
    _rule(
        "you're you’re",
        "your-youre",
        rf"\b(you{APOS}re)\s+(?:time|team|help|consideration|support|feedback|email|e-mail|"
        r"offer|company|organisation|organization|interest|office|role|call|message|letter|"
        r"own|patience|insights?|advice|colleagues)\b",
        ERROR,
        '"{found}" should be "{fix}": "your" = belonging to you; "you\'re" = "you are".',
        _first_as("your"),
    ),
    _rule(
        "it's it’s;own",
        "its-its",
        rf"\b(it{APOS}s)\s+own\b",
        ERROR,
        '"{found}" should be "{fix}": "its" (no apostrophe) = belonging to it.',
        _first_as("its"),
    ),
    _rule(
        "it's it’s",
        "its-its",
        rf"\b(it{APOS}s)\s+(?:customers|clients|employees|staff|products|mission|members|users|"
        r"founders?)\b",
        WARNING,
        'Did you mean "{fix}"? "its" = belonging to it; "it\'s" = "it is".',
        _first_as("its"),
    ),
    _rule(
        "its",
        "its-its",
        r"\b(its)\s+(?:a|an|the|been)\b(?![-'’])",
        ERROR,
        '"{found}" should be "{fix}": "it\'s" = "it is" / "it has".',
        _first_as("it's"),
    ),
    _rule(
        "its;not",
        "its-its",
        r"\b(its)\s+not\b(?![-'’])",
        WARNING,
        'Did you mean "{fix}"? "it\'s" = "it is".',
        _first_as("it's"),
    ),
    _rule(
        "their",
        "their-there",
        r"\b(their)\s+(?:is|are|was|were|will\s+be|has\s+been|have\s+been)\b",
        ERROR,
        '"{found}" should be "{fix}": "their" = belonging to them.',
        _first_as("there"),
    ),
    _rule(
        "there they're they’re;own",
        "their-there",
        rf"\b(there|they{APOS}re)\s+own\b",
        ERROR,
        '"{found}" should be "{fix}": "their" = belonging to them.',
        _first_as("their"),
    ),
    _rule(
        "they're they’re",
        "their-there",
        rf"\b(they{APOS}re)\s+(?:team|company|organisation|organization|office|customers|"
        r"clients|staff|employees|products|website)\b",
        ERROR,
        '"{found}" should be "{fix}": "they\'re" = "they are".',
        _first_as("their"),
    ),
    _rule(
        "there",
        "their-there",
        r"\b(there)\s+(?:team|company|organisation|organization|office|offices|"
        r"customers|clients|staff|employees|products|website|mission|values|culture)\b",
        WARNING,
        'Did you mean "{fix}"? "their" = belonging to them; "there" = that place.',
        _first_as("their"),
    ),
    _rule(
        "their",
        "their-there",
        r"\b(their)\s+(?:going\s+to|not|also|probably|definitely)\b",
        WARNING,
        'Did you mean "{fix}"? "they\'re" = "they are".',
        _first_as("they're"),
    ),
    _rule(
        "then",
        "then-than",
        r"\b(more|less|better|worse|rather|fewer)\s+then\b",
        ERROR,
        '"{found}" should be "{fix}": comparisons take "than"; "then" is about time.',
        _then("than"),
    ),
    _rule(
        "then",
        "then-than",
        r"\b(greater|larger|smaller|higher|lower|bigger|faster|older|younger|stronger|easier|"
        r"harder|other)\s+then\b",
        WARNING,
        'Did you mean "{fix}"? Comparisons take "than"; "then" is about time.',
        _then("than"),
    ),
    _rule(
        "than",
        "then-than",
        r"\b(and|since|until|back)\s+than\b",
        WARNING,
        'Did you mean "{fix}"? "then" is about time; "than" compares.',
        _then("then"),
    ),
    _rule(
        "affect",
        "affect-effect",
        r"\b(an)\s+affect\b",
        ERROR,
        '"{found}" should be "{fix}": the noun is "effect"; "affect" is the verb.',
        _then("effect"),
    ),
    _rule(
        "affect affects",
        "affect-effect",
        r"\b(side)\s+affect(s?)\b",
        ERROR,
        '"{found}" should be "{fix}".',
        lambda m, _a: f"{m.group(1)} effect{m.group(2)}",
    ),
    _rule(
        "affect",
        "affect-effect",
        r"\b(positive|negative|big|significant|great|real|huge|lasting|direct|major|profound|"
        r"immediate)\s+affect\b",
        WARNING,
        'Did you mean "{fix}"? The noun is "effect"; "affect" is the verb.',
        _then("effect"),
    ),
    _rule(
        "affect",
        "affect-effect",
        r"\b(the|any|no)\s+affect\s+(of|on)\b",
        WARNING,
        'Did you mean "{fix}"? The noun is "effect"; "affect" is the verb.',
        _between("effect"),
    ),
    _rule(
        "affect",
        "affect-effect",
        r"\b(into|in|to\s+the|to\s+this|to\s+that|takes?|took|taking|taken|comes?|came|coming|"
        r"put|puts|putting|brought|bring|with\s+immediate)\s+affect\b(?!\s+(?:the|a|an|your|our|"
        r"their|my|his|her|its|how|whether|people|users|me|us|them|you)\b)",
        WARNING,
        'Did you mean "{fix}"? "into effect", "take effect", "to the effect that": the noun is '
        '"effect".',
        _then("effect"),
    ),
    _rule(
        "effect",
        "affect-effect",
        r"\b(will|would|could|can|may|might|not|does|did)\s+effect\b"
        r"(?!\s+(?:a\s+|real\s+|lasting\s+|meaningful\s+|positive\s+)?changes?\b)",
        WARNING,
        'Did you mean "{fix}"? To influence is "affect"; "effect" as a verb means "bring about".',
        _then("affect"),
    ),
    _rule(
        "to;much many late early soon busy long big small hard difficult expensive complex "
        "complicated high few young vague broad narrow",
        "to-too",
        rf"\b(is|was|are|were|be|far|way|much|a\s+bit|slightly|seems?|seemed|felt|it{APOS}s|"
        rf"that{APOS}s|just|simply|already|probably|definitely|become|becoming|becomes)\s+to\s+"
        r"(much|many|late|early|soon|busy|long|big|small|hard|difficult|expensive|complex|"
        r"complicated|high|few|young|vague|broad|narrow)\b(?![-'’])",
        WARNING,
        'Did you mean "{fix}"? "too" = excessively or also.',
        _between("too"),
    ),
    _rule(
        "to;me you us",
        "to-too",
        r"\b(me|you|us)\s+to(?=\s*[.!](?:\s|$))",
        WARNING,
        'Did you mean "{fix}"? "too" = also.',
        _then("too"),
        _me_to_veto,
    ),
    _rule(
        "too",
        "to-too",
        r"\b(forward|able|going|want|wanted|wants|need|needed|hope|hoping|happy|glad|pleased|"
        r"trying|plan|planning|like|love)\s+too\s+(hear|hearing|meet|meeting|speak|speaking|"
        r"work|working|join|joining|provide|send|share|be|see|talk|discuss|learn|contribute|"
        r"contributing|the|my|your|a|an)\b",
        WARNING,
        'Did you mean "{fix}"? Before a verb or a noun it is "to"; "too" = excessively.',
        _between("to"),
    ),
)


def _matches(rule: Rule, text: str, starts: dict[str, list[int]]) -> Iterator[re.Match[str]]:
    """The rule's matches: a scan of the text, or for an anchored rule a try at each word
    of its first group (in order, none overlapping the last)."""
    pattern = compiled(rule.source)
    if not rule.anchored:
        yield from pattern.finditer(text)
        return
    end = 0
    for at in sorted(p for word in rule.needs[0] for p in starts.get(word, ())):
        if at < end:
            continue
        m = pattern.match(text, at)
        if m is not None:
            end = max(m.end(), at + 1)
            yield m


def _pattern_findings(doc: Document, apos: str) -> list[Finding]:
    findings: list[Finding] = []
    starts: dict[str, list[int]] = {}
    for t in doc.words:
        starts.setdefault(t.text.lower(), []).append(t.start)
    for rule in RULES:
        if any(group.isdisjoint(starts) for group in rule.needs):
            continue
        for m in _matches(rule, doc.text, starts):
            if rule.veto is not None and rule.veto(m, doc.text):
                continue
            fix = rule.fix(m, apos)
            message = rule.message.format(found=m.group(0), fix=fix, word=m.group(1))
            findings.append(
                doc.finding(
                    m.start(),
                    m.end() - m.start(),
                    f"grammar.{rule.slug}",
                    rule.severity,
                    message,
                    (fix,) if fix != m.group(0) else (),
                )
            )
    return findings


# --- a / an -----------------------------------------------------------------------------

# Vowel letters that sound like a consonant ("a university", "a one-off", "a European").
A_BEFORE = (
    "eu",
    "ewe",
    "use",
    "usu",
    "uti",
    "uto",
    "ubiq",
    "ukr",
    "ura",
    "uri",
    "unique",
    "union",
    "unit",
    "univers",
    "uniform",
    "unilateral",
    "unicorn",
    "unified",
    "unison",
)
A_WORDS = frozenset({"one", "once", "unix", "ufo", "ucas", "unicef", "uefa", "ukulele"})
# Silent h ("an hour", "an honest").
AN_BEFORE = ("hour", "honest", "honour", "honor", "heir")
# Either is accepted (British "an historic", American "an herb"; "a/an SQL" by how it is said).
EITHER = ("historic", "hotel", "herb", "habitual")
EITHER_ABBREVIATIONS = word_set("SQL FAQ SAAS LAN GIF ASAP SHRM")
# Letters whose names start with a vowel sound: "an MBA", "an SEO", "an HR", "an X-ray".
VOWEL_LETTERS = frozenset("AEFHILMNORSX")
# Words before a lone letter "a" that make it a label: "option a or b", "plan A".
LABEL_WORDS = word_set(
    "option plan part section grade type vitamin point step question item appendix category "
    "class level schedule exhibit figure phase round block building room wing floor "
    "annex list letter"
)


def _abbreviation(word: str) -> bool:
    """Said letter by letter? "MBA", "HR", "MSc", "PhD" (not "HubSpot", "NASA")."""
    upper = sum(ch.isupper() for ch in word)
    if len(word) == 1:
        return word.isupper()
    if upper < 2 or len(word) > 5 or not word[0].isupper():
        return False
    # An all-capitals word with a vowel early on is said as a word: NASA, NATO, HUGE.
    return not (word.isupper() and len(word) >= 4 and any(c in "AEIOU" for c in word[1:3]))


def expected_article(word: str) -> tuple[str, bool] | None:
    """("a" or "an", confident) for the word that follows the article; None when unsure."""
    lower = word.lower()
    if lower.startswith(EITHER) or word.upper() in EITHER_ABBREVIATIONS:
        return None
    if _abbreviation(word):
        return ("an" if word[0] in VOWEL_LETTERS else "a"), False
    if lower in A_WORDS or lower.startswith(A_BEFORE):
        return "a", True
    if lower.startswith(AN_BEFORE):
        return "an", True
    if lower[0] in "aeiou":
        return "an", True
    if lower[0].isascii() and lower[0].isalpha():
        return "a", True
    return None


def _article_findings(doc: Document) -> list[Finding]:
    findings: list[Finding] = []
    words, text = doc.words, doc.text
    for index, token in enumerate(words[:-1]):
        lower = token.text.lower()
        if lower not in ("a", "an"):
            continue
        if token.text[0] == "A" and not _at_sentence_start(text, token):
            continue  # "Plan A is", "Grade A students"
        if index and words[index - 1].text.lower() in LABEL_WORDS:
            continue
        following = words[index + 1]
        if text[token.end : following.start] not in (" ", "\t", "\n"):
            continue  # "a.m.", "a (very) good", "an 8-week"
        after = text[following.end : following.end + 1]
        if after == "." and len(following.text) == 1:
            continue  # "a e.g." style abbreviations
        expected = expected_article(following.text)
        if expected is None or expected[0] == lower:
            continue
        fix = match_case(token.text, expected[0])
        severity = ERROR if expected[1] else WARNING
        span_text = text[token.start : following.end]
        findings.append(
            doc.finding(
                token.start,
                following.end - token.start,
                "grammar.a-an",
                severity,
                f'"{span_text}" should be "{fix} {following.text}": the article follows the '
                f"sound of the next word.",
                (f"{fix}{text[token.end : following.start]}{following.text}",),
            )
        )
    return findings


def _at_sentence_start(text: str, token: Token) -> bool:
    index = token.start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index < 0 or text[index] in '.!?\n:"“'


# --- capital at the start of a sentence ---------------------------------------------------

SENTENCE_BREAK = re.compile(r"([.!?…]+)[\"'’”)\]]*[ \t]*(?:\n[ \t]*)?(?=[^\W\d_])")
ABBREVIATIONS = word_set(
    """e.g i.e etc vs cf approx incl esp ca viz al no nos fig mr mrs ms dr st prof jr sr inc
    ltd co corp dept est min max ext tel p pp vol ref a.m p.m am pm ph.d u.s u.k jan feb mar
    apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun op cit
    ibid resp eg ie"""
)
ADDRESS_LIKE = re.compile(r"(?i)^(?:https?://|www\.|[\w.+-]+@|[\w-]+\.[a-z]{2,}\b|/|#)")


def _capital_findings(doc: Document, urls: tuple[tuple[int, int], ...]) -> list[Finding]:
    text = doc.text
    starts: list[int] = []
    for token in doc.body_words[:1]:
        if not text[doc.body.start : token.start].strip():
            starts.append(token.start)
    for m in SENTENCE_BREAK.finditer(text, doc.body.start, doc.body.end):
        mark = m.group(1)
        if ".." in mark or "…" in mark:
            continue  # an ellipsis often continues the sentence
        if m.group(0) == mark:
            continue  # "e.g.word": no space, not a sentence break
        chunk = _chunk_before(text, m.start()).lstrip("([\"'“‘").lower()
        if mark == "." and (
            chunk in ABBREVIATIONS or len(chunk) == 1 or "." in chunk or chunk.isdigit()
        ):
            continue
        starts.append(m.end())
    findings: list[Finding] = []
    for start in starts:
        end = start
        while end < len(text) and not text[end].isspace():
            end += 1
        chunk = text[start:end]
        word_match = re.match(r"[^\W\d_]+(?:['’][^\W\d_]+)*", chunk)
        if word_match is None:
            continue
        word = word_match.group()
        if not word[0].islower() or any(c.isupper() for c in word) or ADDRESS_LIKE.match(chunk):
            continue
        if inside_any(start, end, urls):
            continue
        fixed = word[0].upper() + word[1:]
        findings.append(
            doc.finding(
                start,
                len(word),
                "grammar.capital-start",
                WARNING,
                f'A sentence starts with a capital letter: "{fixed}".',
                (fixed,),
            )
        )
    return findings


def _chunk_before(text: str, position: int) -> str:
    """The run of non-space characters that ends at `position`."""
    start = position
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:position]


# --- spacing and "i" ------------------------------------------------------------------

DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
LOWERCASE_I = re.compile(r"(?<![\w'’(.\-/])i(?=['’](?:m|ve|d|ll)\b|[ \t]+[a-z])(?![\w.)])")


def _spacing_findings(doc: Document) -> list[Finding]:
    findings: list[Finding] = []
    text = doc.text
    for m in DOUBLE_SPACE.finditer(text):
        after_stop = text[m.start() - 1] in ".!?:"
        findings.append(
            doc.finding(
                m.start(),
                m.end() - m.start(),
                "grammar.double-space",
                INFO if after_stop else WARNING,
                "Two spaces after a full stop: one is the modern convention."
                if after_stop
                else "Two spaces between words: use one.",
                (" ",),
            )
        )
    for m in LOWERCASE_I.finditer(text):
        if _word_before(text, m.start()) in LABEL_WORDS:
            continue  # "section i", "part i": a numeral
        findings.append(
            doc.finding(
                m.start(),
                1,
                "grammar.lowercase-i",
                ERROR,
                'The pronoun "I" is always a capital letter.',
                ("I",),
            )
        )
    return findings


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    """Every grammar finding of the text, one per place, outside web and email addresses."""
    urls = url_spans(doc)
    from afterview.writing.checks import grammar_classes  # its lexicon loads on first use

    found = [
        *_pattern_findings(doc, apostrophe(doc)),
        *grammar_classes.findings(doc, ctx.language),
        *_repeated_findings(doc),
        *_article_findings(doc),
        *_capital_findings(doc, urls),
        *_spacing_findings(doc),
    ]
    found = [f for f in found if not inside_any(f.offset, f.offset + f.length, urls)]
    return without_overlaps(found)


# --- usage in context (homophones, agreement, verb forms, missing small words) -------------
#
# After LanguageTool's idea of rules as a token pattern with exceptions (the ideas only:
# these patterns are written here). Each keeps to contexts where the other reading is
# rare in professional email; a heuristic is a warning, a sure slip an error.

_DET = r"(?:the|its|their|our|your|his|her|this|that|any|no|an?|knock-on|overall|net|ripple)"
# Adjectives the narrower affect/effect rules above already read: theirs is the finding.
_AFFECT_ADJECTIVES = word_set(
    "positive negative big significant great real huge lasting direct major profound immediate side"
)
_NOUNS_OF_AN_ORG = (
    r"(?:applicants|team|teams|people|customers|clients|employees|staff|products|mission|"
    r"members|users|founders|pages|stability|values|culture|board|website|strategy|goals|"
    r"history|business|market|services|leaders|management|investors|partners|comments|"
    r"appointments|feedback|plans|needs|requirements|views|questions|thoughts|decision|"
    r"experience|domain|resume|résumé|CV|application|work|role|offer|office|offices|"
    r"company|organi[sz]ation|time|help|support|consideration|interest|email|message)"
)
_BASE_VERBS = (
    r"(?:do|spend|see|hear|meet|work|join|provide|send|share|be|talk|discuss|learn|help|"
    r"call|ask|make|take|go|get|give|keep|find|start|finish|continue|follow|review|consider|"
    r"use|speak|visit|attend|apply|contribute|schedule|arrange|confirm|know|say|read|write)"
)

# Verbs a letter puts after "look forward to", "thank you for" and the like.
_LETTER_VERBS = (
    "hear|meet|speak|talk|work|join|see|discuss|receive|learn|continue|chat|connect|start|"
    "contribute|get|help|take|follow|welcome|explore|collaborate|build|support|visit|give|"
    "invite|consider|share|make|spend|show|explain|answer|interview|host|introduce|walk|send|"
    "offer|arrange|schedule|provide|find|reach|review|read"
)


def _title_word_before(text: str, position: int) -> bool:
    """Is the word before `position` capitalised mid-sentence, as in a job title ("Head
    of", "VP of", "Chief of")? Not the sentence's first word."""
    before = text[max(0, position - 60) : position].split()
    if not before or not before[-1][:1].isupper():
        return False
    return len(before) > 1 and not before[-2].endswith((".", "!", "?", ":"))


# Words between a pronoun and its verb that do not change the verb: "you also has".
# What a Roman "I" numbers: "Phase I is complete", "Title I is funded".
NUMBERED_BY_I = word_set(
    """phase part section chapter title level tier stage type class grade step volume
    appendix article round schedule war book act series category option model"""
)


def _numbered_i(text: str, start: int) -> bool:
    """Is the "I" at `start` a numeral: after what it numbers, or after a capitalised word
    inside the sentence ("World War I", "Mark I")?"""
    before = text[max(0, start - 40) : start].split()
    if not before:
        return False
    word = before[-1]
    if word.strip(".,;:!?\"'’()").lower() in NUMBERED_BY_I:
        return True
    opens = (
        len(before) == 1
        or before[-2].endswith((".", "!", "?", ":"))
        or "\n" in text[max(0, start - len(word) - 2) : start - len(word)]
    )
    return word[:1].isupper() and word.isalpha() and not opens


_AGREEMENT_ADVERBS = (
    r"(?:(?:also|only|just|still|already|never|always|really|often|usually|now|certainly|"
    r"definitely|probably|all|both|actually|clearly|obviously|simply|truly)\s+)"
)
# Before "I were" / "he were" in the sentence: the subjunctive ("if I were", "I wish he
# were", "as though she were", "I'd rather it were").
SUBJUNCTIVE_BEFORE = re.compile(
    r"(?i)\b(?:if|wish|wished|wishes|though|rather|suppose|supposing|imagine|unless|whether|"
    r"even\s+if|as\s+if|were)\b"
)
NOT_SUBJECT_BEFORE = frozenset({"of", "in", "all", "like", "from"})
ONE_OF = re.compile(r"(?i)\b(?:one|each|any|none|either|neither)\s+of\s*$")
# Head nouns whose number a question may take either way ("What are your data?").
UNSURE_NUMBER = frozenset({"data", "media", "criteria", "staff", "team", "police", "people"})


def _plural_after_first(m: re.Match[str], _apos: str) -> str:
    """The first group, then the second group's verb in the plural ("has" -> "have")."""
    plural = {"has": "have", "is": "are", "was": "were", "does": "do"}
    return m.group(1) + plural.get(m.group(2).lower(), "don't")


def _sentence_start(text: str, m: re.Match[str]) -> bool:
    before = text[: m.start()].rstrip()
    return not before or before[-1] in ".!?\n:;"


# A question's auxiliary for its subject: (auxiliary, subject) -> the right auxiliary.
QUESTION_AUXILIARY = {
    **{("has", p): "have" for p in ("i", "you", "we", "they")},
    **{("does", p): "do" for p in ("i", "you", "we", "they")},
    **{("doesn't", p): "don't" for p in ("i", "you", "we", "they")},
    **{("hasn't", p): "haven't" for p in ("i", "you", "we", "they")},
    ("is", "i"): "am",
    **{("is", p): "are" for p in ("you", "we", "they")},
    **{("isn't", p): "aren't" for p in ("you", "we", "they")},
    **{("was", p): "were" for p in ("you", "we", "they")},
    **{("wasn't", p): "weren't" for p in ("you", "we", "they")},
    **{("have", p): "has" for p in ("he", "she", "anyone", "someone", "anybody", "somebody")},
    **{("haven't", p): "hasn't" for p in ("he", "she", "anyone", "someone", "anybody")},
    **{("do", p): "does" for p in ("he", "she", "anyone", "anybody", "everyone")},
    **{("don't", p): "doesn't" for p in ("he", "she", "it")},
    **{("are", p): "is" for p in ("he", "she", "it")},
    **{("aren't", p): "isn't" for p in ("he", "she", "it")},
    **{("are", p): "is" for p in ("this", "that")},
    **{("were", p): "was" for p in ("this", "that")},
    **{("is", p): "are" for p in ("these", "those")},
    **{("was", p): "were" for p in ("these", "those")},
}
# Before a question's opening auxiliary: "So has I …", "What do he …".
QUESTION_LEAD_INS = word_set("what why how when where so and but or then also much many often long")


def _question_auxiliary(m: re.Match[str], _apos: str) -> str:
    aux, subject = m.group(1), m.group(2)
    wanted = QUESTION_AUXILIARY[(aux.lower().replace("’", "'"), subject.lower())]
    return (
        match_case(aux, wanted.replace("'", "’") if "’" in aux else wanted) + m.group(0)[len(aux) :]
    )


def _not_question_auxiliary(m: re.Match[str], text: str) -> bool:
    """Not an opening auxiliary before its subject in a question ("Have anyone contacted
    you?"): "Do it now." is an order; "the tasks we have he said" runs on."""
    if (m.group(1).lower().replace("’", "'"), m.group(2).lower()) not in QUESTION_AUXILIARY:
        return True
    before = text[: m.start()].rstrip()
    opens = (
        not before
        or before[-1] in ".!?\n:;—–-(,"
        or _word_before(text, m.start()) in QUESTION_LEAD_INS
    )
    return not opens


# Plurals that "there is" takes in speech and mail ("there is lots of time").
BARE_PLURAL_SINGULAR = frozenset({"lots", "loads", "tons", "heaps", "plenty", "means", "odds"})


def _plural_head(word: str) -> bool:
    """A plural noun ("files", "notes", "plans"), not a singular in -s ("status", "news")."""
    low = word.lower()
    if low in ("people", "children", "men", "women", "data", "criteria"):
        return True
    if not low.endswith("s") or low.endswith(("ss", "us", "is", "ics")) or len(low) < 4:
        return False
    from afterview.writing.checks.grammar_classes import UNCOUNTED_S

    return low not in UNCOUNTED_S and lex.s_stem(low) is not None


def _singular_possessive(plural: str, stem: str, apos: str) -> str:
    """ "teams" -> "team's", "companies" -> "company's", "businesses" -> "business's"."""
    if plural.lower().endswith("ies") and not stem.lower().endswith("ie"):
        return plural[:-3] + match_case(plural[-3:], "y") + apos + "s"
    if stem.lower().endswith(("ss", "business")):
        return plural[:-2] + apos + "s"
    return plural[:-1] + apos + "s"


MORE_RULES: tuple[Rule, ...] = (
    # "by march", "in may", "march 3": a month in lower case where it can only be the month
    # (found using the product: a note's "by march" reached a draft, and nothing said so)
    _rule(
        "march may;by in until till since from before after through during early late mid "
        "next last of",
        "capital-month",
        r"(?-i:\b(?:by|in|until|till|since|from|before|after|through|during|early|late|mid|"
        r"next|last|of)\s+(march|may)\b)(?!\s+(?:be|have|not|also|well|want|need|take|get|"
        r"make|go|see|come|help|find|lead|cause|affect|vary|change|apply|include|use|seem)\b)",
        WARNING,
        'Did you mean "{fix}"? A month takes a capital.',
        lambda m, _a: m.group(0)[: -len(m.group(1))] + m.group(1).capitalize(),
    ),
    # Contractions typed without the apostrophe that are words of their own ("cant",
    # "wont", "Id"), so the speller passes them: read by the pronoun before them.
    _rule(
        "cant wont",
        "apostrophe",
        r"\b(?:I|you|we|they|he|she|it|that|this|who)\s+(cant|wont)(?=\s+(?:[a-z]+)\b)",
        ERROR,
        '"{found}" needs its apostrophe: "{fix}".',
        lambda m, _a: (
            m.group(0)[: m.start(1) - m.start(0)] + m.group(1)[:-1] + _a + m.group(1)[-1:]
        ),
        lambda m, _a: (
            m.group(1).lower() == "wont" and re.match(r"\s+to\b", m.string[m.end() :]) is not None
        ),  # "as she was wont to"
    ),
    # A possessive typed without its apostrophe in a letter's usual phrases: "the teams
    # plans", "your companys" aside (a spelling error), "the clients needs".
    _rule(
        "teams companies clients customers managers departments organisations organizations "
        "firms groups boards founders users businesses agencies schools universities charities "
        "councils hospitals banks brands employers partners",
        "apostrophe",
        r"\b(?:the|your|our|my|their|this|that)\s+((team|compan|client|customer|manager|department|"
        r"organisation|organization|firm|group|board|founder|user|business|agenc|school|universit|"
        r"charit|council|hospital|bank|brand|employer|partner)(?:s|ies|es))"
        r"(?=\s+(?:culture|vision|mission|success|growth|future|strategy|roadmap|history|"
        r"reputation|ethos|commitment|journey|expansion|priorities|goals|plans|needs|values|"
        r"products|projects|achievements|requirements|expectations|ambitions|challenges|"
        r"clients|customers|members|approach\s+to)\b)",
        WARNING,
        '"{found}" reads as a possessive without its apostrophe: "{fix}" (or "{word}\'" for '
        "more than one).",
        lambda m, _a: (
            m.group(0)[: m.start(1) - m.start(0)] + _singular_possessive(m.group(1), m.group(2), _a)
        ),
    ),
    _rule(
        "id",
        "apostrophe",
        r"\b(Id)(?=\s+(?:love|like|be|have|appreciate|welcome|prefer|rather|need|want|also|"
        r"really|certainly|definitely|happily|gladly|enjoy|hope|say|suggest|add)\b)",
        ERROR,
        '"{found}" needs its apostrophe: "{fix}".',
        lambda m, _a: f"I{_a}d",
        lambda m, _a: m.group(1) != "Id",  # "id" in lower case is more often a field name
    ),
    _rule(
        "its",
        "its-its",
        r"\b(its)\s+(?:really|very|so|quite|just|always|never|also|still|going|getting|"
        r"great|good|nice|important|hard|easy|likely|possible|clear|true|worth|fine|okay|"
        r"ok|time|been|my|our|your|no\s+secret)\b(?![-'’])",
        WARNING,
        'Did you mean "{fix}"? "it\'s" = "it is" / "it has"; "its" = belonging to it.',
        _first_as("it's"),
    ),
    _rule(
        "it's it’s",
        "its-its",
        rf"\b(it{APOS}s)\s+(?:\w+\s+)?{_NOUNS_OF_AN_ORG}\b(?!\s+(?:is|was|to|for)\b)",
        WARNING,
        'Did you mean "{fix}"? "its" = belonging to it; "it\'s" = "it is".',
        _first_as("its"),
        lambda m, text: _word_before(text, m.start()) in CLAUSE_BEFORE_ITS,
    ),
    _rule(
        "it's it’s",
        "its-its",
        rf"\b(?:of|with|in|on|by|from|about|into|keeps?|kept|improve|improves|for)\s+"
        rf"(it{APOS}s)\s+(?!(?:been|a|an|the|not|going|getting|time|likely|important|clear|"
        r"possible|hard|easy|true|also|just|still|very|really|so|only|all|my|our|your)\b)"
        r"[a-z]+\b",
        WARNING,
        'Did you mean "its"? "its" = belonging to it; "it\'s" = "it is".',
        lambda m, apos: m.group(0).replace(m.group(1), "its"),
    ),
    _rule(
        "then",
        "then-than",
        r"\b(longer|shorter|greater|larger|smaller|higher|lower|bigger|faster|slower|older|"
        r"younger|stronger|weaker|easier|harder|cheaper|quicker|wider|deeper|closer|costs?\s+"
        r"less|more|less|fewer|better|worse|rather|other)\s+(?:[a-z]+\s+){0,2}?then\b",
        WARNING,
        'Did you mean "than"? Comparisons take "than"; "then" is about time.',
        lambda m, _a: m.group(0)[: -len("then")] + "than",
        lambda m, text: "," in m.group(0),
    ),
    _rule(
        "than",
        "then-than",
        r"(?:,|\band|\bfirst\b[^.!?\n]{0,40}\band)\s+(than)\b(?!\s+(?:ever|usual|expected|"
        r"before|planned|anticipated)\b)",
        WARNING,
        'Did you mean "then"? "then" is about time or order; "than" compares.',
        lambda m, _a: m.group(0)[: -len("than")] + "then",
        lambda m, text: (
            re.search(
                r"\b(?:more|less|rather|other|fewer|\w+er)\b[^.!?\n]{0,40}$",
                text[max(0, m.start() - 50) : m.start()],
            )
            is not None
        ),
    ),
    _rule(
        "than",
        "then-than",
        rf"\b(than)\s+{_BASE_VERBS}\b",
        WARNING,
        'Did you mean "then"? "then" is about time or order; "than" compares.',
        lambda m, _a: "then" + m.group(0)[len("than") :],
        lambda m, text: (
            re.search(r"\brather\b", text[max(0, m.start() - 40) : m.start()]) is not None
        ),
    ),
    _rule(
        "to;many much",
        "to-too",
        r"\b(into|of|with|in|on|about|for|far|way|had|have|has|be|spend|spent|spending|waste|"
        r"wasted|wasting|take|takes|took|taking)\s+to\s+(many|much|great|"
        r"big|small|long|late|early|high|low|few|little)\b(?!\s+to\b)",
        WARNING,
        'Did you mean "{fix}"? "too" = excessively.',
        _between("too"),
    ),
    _rule(
        "to",
        "to-too",
        r"\b(day|time|one|week|well|also|that|this|there|here|it)\s+to(?=\s*[.!?](?:\s|$))",
        WARNING,
        'Did you mean "{fix}"? "too" = also.',
        _then("too"),
        # "the address to send it to.": an infinitive's object, the preposition stranded
        lambda m, text: (
            _INFINITIVE_BEFORE.search(text, max(0, m.start() - 40), m.start()) is not None
        ),
    ),
    _rule(
        "too",
        "to-too",
        rf"\b(too)\s+(?:{_BASE_VERBS}|(?<=forward too )[a-z]+ing)\b",
        WARNING,
        'Did you mean "to"? Before a verb it is "to"; "too" = excessively or also.',
        lambda m, _a: "to" + m.group(0)[len("too") :],
        lambda m, text: (
            re.search(r"\b(?:me|you|us|them|him|her|it)\s*$", text[: m.start()]) is not None
            and text[m.start() - 2 : m.start()].strip() == ","
        ),
    ),
    _rule(
        "there",
        "their-there",
        rf"\b(there)\s+(?:new|own|best|first|next|current|previous|recent|main|biggest|"
        rf"latest|other)?\s*{_NOUNS_OF_AN_ORG}\b",
        WARNING,
        'Did you mean "{fix}"? "their" = belonging to them; "there" = that place.',
        _first_as("their"),
        lambda m, text: _word_before(text, m.start()) in {"is", "are", "was", "were", "any"},
    ),
    _rule(
        "their",
        "their-there",
        r"\b(their)\s+(?:might|may|could|should|must|will|would|seems?|appears?|used\s+to)\s+"
        r"(?:be|have|not)\b",
        ERROR,
        '"{found}" should start with "there": "their" = belonging to them.',
        _first_as("there"),
    ),
    _rule(
        "they're they’re",
        "their-there",
        rf"\b(they{APOS}re)\s+(?:new|own|current|main)?\s*{_NOUNS_OF_AN_ORG}\b",
        WARNING,
        'Did you mean "their"? "they\'re" = "they are".',
        _first_as("their"),
    ),
    _rule(
        "you're you’re",
        "your-youre",
        rf"\b(you{APOS}re)\s+(?:[A-Z]\w+\s+)?{_NOUNS_OF_AN_ORG}\b",
        WARNING,
        'Did you mean "your"? "your" = belonging to you; "you\'re" = "you are".',
        _first_as("your"),
    ),
    _rule(
        "your",
        "your-youre",
        r"\b(your)\s+(?:able|sure|correct|invited|being|doing|looking|coming|right\s+that|"
        r"very\s+welcome|most\s+welcome)\b",
        WARNING,
        'Did you mean "you\'re"? "you\'re" = "you are"; "your" = belonging to you.',
        _first_as("you're"),
        # "I appreciate your being flexible", "to your coming": a gerund the reader owns
        lambda m, text: (
            _word_before(text, m.start()) in lex.GERUND_OWNERS
            and m.group(0).split()[-1].lower() in ("being", "doing", "coming", "looking")
        ),
    ),
    _rule(
        "affect",
        "affect-effect",
        rf"\b{_DET}\s+(?:(?!(?:will|would|could|can|may|might|should|must|did|does|do|to|not|"
        r"also|directly|greatly|really|negatively|positively|strongly)\b)[a-z]+\s+)?(affect)\b"
        r"(?!\s+(?:the|our|your|their|how|whether|it|them|us|me|him|her|a|an|this|that|these|"
        r"those|all|both|each|every|any|people|many|some|its|his)\b)",
        WARNING,
        'Did you mean "effect"? The noun is "effect"; "affect" is the verb.',
        lambda m, _a: m.group(0)[: -len("affect")] + "effect",
        lambda m, text: _word_before(text, m.end() - len("affect")) in _AFFECT_ADJECTIVES,
    ),
    _rule(
        "here",
        "hear-here",
        r"\b(glad|pleased|happy|delighted|excited|interesting|interested|great|good|nice|"
        r"lovely|love|like|forward|wait|hope|hoping|want|keen|eager|sorry|surprised)\s+to\s+"
        r"here(?=\s+(?:about|from|more|back|that|how|what|of|your|you)\b)",
        WARNING,
        'Did you mean "{fix}"? "hear" = listen; "here" = in this place.',
        lambda m, _a: (
            m.group(0)[:-4]
            + match_case(m.group(0)[-4:], "hearing" if m.group(1).lower() == "forward" else "hear")
        ),
    ),
    _rule(
        "here;back from",
        "hear-here",
        r"\b(to)\s+here(?=\s+(?:back\b|from\s+(?:you|them|him|her|your|anyone)\b))",
        WARNING,
        'Did you mean "{fix}"? "hear" = listen; "here" = in this place.',
        lambda m, _a: m.group(1) + " " + match_case(m.group(0)[-4:], "hear"),
    ),
    _rule(
        "me;and",
        "usage",
        r"(?:^|(?<=[.!?]\s)|(?<=\n))(?-i:Me)\s+and\s+((?:my|our|the|his|her|their)\s+)?"
        r"([A-Za-z]+)(?=\s+(?:[a-z]+ed|are|were|have|had|will|would|can|could|did|went|met|"
        r"built|led|ran|spoke|both|also|then|just)\b)",
        WARNING,
        '"{found}" is the subject: "{fix}" (and "me and …" only after a verb or preposition).',
        lambda m, _a: (
            (m.group(1) or "")[:1].upper() + (m.group(1) or "")[1:] + m.group(2) + " and I"
            if m.group(1)
            else m.group(2)[:1].upper() + m.group(2)[1:] + " and I"
        ),
    ),
    _rule(
        "between;i",
        "usage",
        r"\b(between\s+(?:you|him|her|them|us|[A-Z][a-z]+)\s+and\s+)I\b",
        WARNING,
        '"{found}": after "between" the pronoun is "me": "{fix}".',
        lambda m, _a: m.group(1) + "me",
    ),
    _rule(
        "good;went go goes going gone",
        "usage",
        r"\b((?:went|go|goes|going|gone)\s+(?:really\s+|very\s+|so\s+|pretty\s+|quite\s+)?)"
        r"good(?=\s*(?:[.,;:!?]|$)|\s+(?:and|but|so|overall|today|yesterday|for\s+me)\b)",
        WARNING,
        '"{found}": things go "well" ("good" describes a noun): "{fix}".',
        lambda m, _a: m.group(1) + match_case("good", "well"),
    ),
    _rule(
        "exited;about to for at",
        "usage",
        rf"\b((?:am|I{APOS}?m|is|are|we{APOS}re|was|were|be|been|feel|felt|so|very|really|"
        r"truly|extremely|genuinely|incredibly|also|still|more|most)\s+)exited"
        r"(?=\s+(?:about|to|for|at)\b)",
        WARNING,
        '"{found}": "exited" means left; the feeling is "excited": "{fix}".',
        lambda m, _a: m.group(1) + match_case("exited", "excited"),
    ),
    _rule(
        "hear",
        "hear-here",
        r"\b(am|is|are|be|been|was|were)\s+hear\b"
        r"(?!\s+(?:from|about|back|of|that|more|what|how)\b)",
        WARNING,
        'Did you mean "{fix}"? "here" = in this place; "hear" = listen.',
        _then("here"),
    ),
    _rule(
        "loose",
        "lose-loose",
        r"\b(to|not|will|would|could|can|might|may|don't|didn't|never|we|I|you|they|t)\s+loose\b",
        ERROR,
        '"{found}" should be "{fix}": to "lose" is to stop having; "loose" = not tight.',
        _then("lose"),
    ),
    _rule(
        "whose",
        "whose-whos",
        r"\b(whose)\s+(?:a|an|the|going|been|not|also|very|really|just|always|never|coming|"
        r"looking|working|interested|responsible|available|leading|joining|in\s+charge)\b",
        WARNING,
        'Did you mean "who\'s"? "who\'s" = "who is" / "who has"; "whose" = belonging to whom.',
        _first_as("who's"),
    ),
    _rule(
        "who's who’s",
        "whose-whos",
        rf"\b(who{APOS}s)\s+{_NOUNS_OF_AN_ORG}\b",
        WARNING,
        'Did you mean "whose"? "whose" = belonging to whom; "who\'s" = "who is".',
        _first_as("whose"),
    ),
    _rule(
        "he she it;are were have do don't don’t",
        "agreement",
        rf"\b(he|she|it)\s+(are|have|do|don{APOS}t)\b",
        ERROR,
        '"{found}": with "{word}" the verb takes its -s form ("is", "has", "does", "doesn\'t").',
        lambda m, a: (
            f"{m.group(1)} "
            + {"are": "is", "have": "has", "do": "does"}.get(m.group(2).lower(), f"doesn{a}t")
        ),
        lambda m, text: (
            _word_before(text, m.start())
            in {
                "let",
                "make",
                "made",
                "help",
                "helped",
                "did",
                "does",
                "will",
                "would",
                "can",
                "could",
                "should",
                "may",
                "might",
                "must",
                "to",
                "see",
                "saw",
                "watch",
                "hear",
                "why",
                "how",
                "where",
                "what",
                "when",
                "whether",
                "if",
            }
        ),
    ),
    _rule(
        "i;is are has does doesn't hopes thinks wants needs likes knows",
        "agreement",
        rf"\b(I)\s+({_AGREEMENT_ADVERBS})?(is|are|has|does|doesn't|hopes|thinks|wants|needs|"
        r"likes|knows)\b",
        ERROR,
        '"{found}": with "I" the verb is "am" / "have" / "do" / the plain form.',
        lambda m, _a: (
            f"I {m.group(2) or ''}"
            + {"is": "am", "are": "am", "has": "have", "does": "do", "doesn't": "don't"}.get(
                m.group(3), m.group(3)[:-1]
            )
        ),
        # "section i is": a numeral (lowercase-i's case); "John and I are": two people;
        # "Phase I is", "World War I is": a numeral after what it numbers
        lambda m, text: (
            m.group(1) != "I"
            or _word_before(text, m.start()) in ("and", "&")
            or _numbered_i(text, m.start())
        ),
    ),
    _rule(
        "you we they;is was has does doesn't",
        "agreement",
        rf"\b(you|we|they)\s+({_AGREEMENT_ADVERBS})?(is|was|has|does|doesn't)\b",
        ERROR,
        '"{found}": with "{word}" the verb is "are" / "were" / "have" / "do".',
        lambda m, _a: (
            f"{m.group(1)} {m.group(2) or ''}"
            + {"is": "are", "was": "were", "has": "have", "does": "do"}.get(
                m.group(3).lower(), "don't"
            )
        ),
        lambda m, text: (
            _word_before(text, m.start())
            in {"what", "as", "than", "thank", "for", "to", "with", "about", "from", "of", "by"}
        ),
        anchored=True,
    ),  # "Whether the date works for you is my question": "you" is an object there
    _rule(
        "is;some many several few two three four five",
        "agreement",
        r"\b(here|there)\s+is\s+(?:some|many|several|a\s+few|few|two|three|four|five|\d+)\s+"
        r"(?!(?:news|business|process|analysis|progress|series)\b)[a-z]+s\b",
        WARNING,
        'Did you mean "{word} are"? A plural takes "are".',
        lambda m, _a: m.group(0).replace(" is ", " are ", 1),
    ),
    # Found by swapping is/are, was/were, has/have in real sentences (not the held-out
    # sets): "I were wondering", "Many of us has", "There are a 90% chance", "Attached is
    # two files", "What are your phone number?", "I hope this are the right address".
    _rule(
        "i he she it;were",
        "agreement",
        rf"\b(I|he|she|it)\s+({_AGREEMENT_ADVERBS})?(were)\b(?!\s+(?:to|not\s+to)\b)",
        WARNING,
        'Did you mean "{fix}"? With "{word}" the past of "be" is "was" (except after "if" '
        'or "wish").',
        lambda m, _a: f"{m.group(1)} {m.group(2) or ''}was",
        lambda m, text: (
            (m.group(1) != "I" and m.group(1)[0].isupper() and not _sentence_start(text, m))
            or SUBJUNCTIVE_BEFORE.search(_sentence_before(text, m.start())) is not None
            or _word_before(text, m.start()) in ("than", "as")
            or (m.group(1).lower() != "it" and _word_before(text, m.start()) in ("and", "&", "or"))
        ),
        anchored=True,
    ),
    _rule(
        "many both all most several some few two three four five;of;us you them these those;"
        "has is was does doesn't",
        "agreement",
        r"\b((?:many|both|all|most|several|some|few|two|three|four|five)\s+of\s+(?:us|you|them|"
        r"these|those)\s+)(has|is|was|does|doesn't)\b",
        WARNING,
        'Did you mean "{fix}"? Several of a group take the plural verb.',
        _plural_after_first,
        anchored=True,
    ),
    # "those of you that has requested", "people who has": the clause's verb takes the
    # number of a plural before "who"/"that".
    _rule(
        "you us them those people;who that;has is was does doesn't",
        "agreement",
        r"\b((?:you|us|them|those|people)\s+(?:who|that)\s+)(has|is|was|does|doesn't)\b",
        WARNING,
        'Did you mean "{fix}"? "who"/"that" takes the number of what it stands for.',
        _plural_after_first,
        lambda m, text: ONE_OF.search(text[max(0, m.start() - 20) : m.start()]) is not None,
        anchored=True,
    ),
    # "he knowed", "we buyed": an irregular verb given the regular ending.
    # "humans do has a tendency", "we do not already has": after "do" the plain form.
    _rule(
        "do does did don't doesn't didn't;has",
        "verb-form",
        rf"\b((?:do|does|did|don't|doesn't|didn't)\s+(?:not\s+)?{_AGREEMENT_ADVERBS}?)(has)\b",
        WARNING,
        'Did you mean "{fix}"? After "do" the verb takes its plain form.',
        lambda m, _a: f"{m.group(1)}have",
        anchored=True,
    ),
    _rule(
        "there here;are were",
        "agreement",
        r"\b((?:there|here)\s+(?:are|were))(?=\s+(?:(?:still|now|also|just|only|always|"
        r"probably|already|currently|really)\s+)?(?:(?:a|an|one)\s+(?!(?:few|lot|lots|number|"
        r"couple|variety|range|series|handful|total|dozen|hundred|thousand|million|billion|bunch|"
        r"host|set|pair|majority|minority|mix|mixture|wealth|plethora|raft|slew|whole|"
        r"(?:great|good|large|small|growing|fair|significant|huge|vast)\s+(?:many|number|"
        r"deal|few|amount|proportion|majority|share|portion|variety|range|mix|selection|"
        r"array|list|set)|or|of)\b)|(?:anything|something|nothing|"
        r"everything|anyone|someone|somebody|anybody|nobody)\b))",
        WARNING,
        'Did you mean "{fix}"? One thing takes "is" / "was".',
        lambda m, _a: re.sub(r"(?i)are$", "is", re.sub(r"(?i)were$", "was", m.group(1))),
        anchored=True,
    ),
    # "Has I properly conveyed …?", "Are she ready?", "Have anyone contacted you?": a
    # question's auxiliary agrees with the subject after it (a question mark ahead).
    _rule(
        "has does doesn't hasn't is isn't was wasn't have haven't do don't are aren't were;"
        "i you we they he she it anyone someone anybody somebody everyone this that these those",
        "agreement",
        r"\b(has|does|doesn['’]t|hasn['’]t|is|isn['’]t|was|wasn['’]t|have|haven['’]t|do|don['’]t"
        r"|are|aren['’]t|were)\s+(I|you|we|they|he|she|it|anyone|someone|anybody|somebody|"
        r"everyone|this|that|these|those)"
        r"\b(?!['’])(?=[^.!?\n]*\?)",
        WARNING,
        'Did you mean "{fix}"? In a question the verb agrees with the subject after it.',
        _question_auxiliary,
        _not_question_auxiliary,
        anchored=True,
    ),
    # "Please does not transmit orders", "Could you please does me a favour?": an order.
    _rule(
        "please;does doesn't doesn’t",
        "agreement",
        r"\b(please\s+)(does|doesn['’]t)\b",
        WARNING,
        'Did you mean "{fix}"? After "please" the verb takes its plain form.',
        lambda m, a: (
            m.group(1)
            + match_case(m.group(2), "do" if m.group(2).lower() == "does" else f"don{a}t")
        ),
        anchored=True,
    ),
    # "there have been an initial response": one thing has been.
    _rule(
        "there;have;been",
        "agreement",
        r"\b(there\s+)(have)(?=\s+(?:(?:still|also|just|only|already|probably|never|always)\s+)?"
        r"been\s+(?:a|an|one)\s+(?!(?:few|lot|lots|number|couple|variety|range|series|handful|"
        r"total|dozen|bunch|host|set|pair|majority|great|good|large|small|growing|fair|or|of)\b))",
        WARNING,
        'Did you mean "{fix}"? One thing takes "has been".',
        lambda m, _a: m.group(1) + match_case(m.group(2), "has"),
        anchored=True,
    ),
    _rule(
        "this these those;are were is was has",
        "agreement",
        r"\b(this|these|those)\s+(are|were|is|was|has)(?=\s)",
        WARNING,
        'Did you mean "{fix}"?',
        lambda m, _a: (
            f"{m.group(1)} "
            + (
                {"are": "is", "were": "was"}.get(m.group(2).lower(), m.group(2))
                if m.group(1).lower() == "this"
                else {"is": "are", "was": "were", "has": "have"}.get(m.group(2).lower(), m.group(2))
            )
        ),
        lambda m, text: (
            (m.group(1).lower() == "this") == (m.group(2).lower() in ("is", "was", "has"))
            or _word_before(text, m.start()) in NOT_SUBJECT_BEFORE
        ),
        anchored=True,
    ),
    _rule(
        "attached enclosed included below;is",
        "agreement",
        r"\b((?:attached|enclosed|included|below)\s+is)(?=\s+(?:the|my|our|your|two|three|four|"
        r"five|several|some|\d+|a\s+few)\s+(?:[\w'-]+\s+){0,3}?([a-z]+s)(?:\s*(?:[.,;:!?)(]|$)"
        r"|\s+(?:from|for|of|that|which|we|I|you|on|in|to|with|as|and|&)\b))",
        WARNING,
        'Did you mean "{fix}"? What follows is more than one thing.',
        lambda m, _a: m.group(1)[:-2] + "are",
        lambda m, text: not _plural_head(m.group(2)),
        anchored=True,
    ),
    # "Attached are a draft schedule", "Below are the link": one thing after a sentence's
    # opening "attached"/"enclosed"/"below" takes "is" (quantifiers as above excepted).
    _rule(
        "attached enclosed below;are",
        "agreement",
        r"\b((?:attached|enclosed|below)\s+are)(?=\s+(?:a|an|one)\s+(?!(?:few|lot|lots|number|"
        r"couple|variety|range|series|handful|total|dozen|set|pair|selection|list\s+of\s+"
        r"\w+s)\b))",
        WARNING,
        'Did you mean "{fix}"? One thing takes "is".',
        lambda m, _a: m.group(1)[:-3] + match_case(m.group(1)[-3:], "is"),
        lambda m, text: (
            not _sentence_start(text, m) and not text[: m.start()].rstrip().endswith(",")
        ),
        anchored=True,
    ),
    # "Below is links to the stories", "attached is files": a bare plural after them.
    _rule(
        "attached enclosed below here there;is",
        "agreement",
        r"\b((?:attached|enclosed|below|here|there)\s+is)\s+([a-z]+s)\b(?!\s+(?:of|and|or)\b)",
        WARNING,
        'Did you mean "{fix}"? What follows is more than one thing.',
        lambda m, _a: m.group(1)[:-2] + "are " + m.group(2),
        lambda m, text: (
            not _plural_head(m.group(2))
            or m.group(2).lower() in BARE_PLURAL_SINGULAR
            or (m.group(1)[:5].lower() not in ("here ", "there") and not _sentence_start(text, m))
        ),
        anchored=True,
    ),
    _rule(
        "what where;is are",
        "agreement",
        r"\b((?:what|where)\s+)(is|are)(\s+(?:your|the|my|our|their|his|her)\s+"
        r"(?:[\w'-]+\s+){0,2}?([a-z]+))(?=\s*\?|\s+(?:on|of|for|with|from|about|in|at)\b)",
        WARNING,
        'Did you mean "{fix}"?',
        lambda m, _a: m.group(1) + ("are" if m.group(2).lower() == "is" else "is") + m.group(3),
        lambda m, text: (
            _plural_head(m.group(4)) == (m.group(2).lower() == "are")
            or m.group(4).lower() in UNSURE_NUMBER
        ),
        anchored=True,
    ),
    _rule(
        "have has had",
        "verb-form",
        r"\b(have|has|had)\s+(?:just\s+|already\s+|recently\s+|also\s+|never\s+)?(announce|decide|"
        r"finish|complete|receive|ask|start|launch|release|change|want|need|use|hear|speak|meet|"
        r"talk|discuss|review|consider|attach|include|enjoy|appreciate)\b",
        WARNING,
        '"{found}": after "have" the verb takes its past participle (announced, decided ...).',
        lambda m, _a: m.group(0) + ("d" if m.group(2).endswith("e") else "ed"),
    ),
    # "I will keep you update", "keep me inform": kept informed, a past participle.
    _rule(
        "keep keeps kept keeping;update inform post advise",
        "verb-form",
        r"\b(?:keep|keeps|kept|keeping)\s+(?:you|me|us|him|her|them|everyone|everybody)\s+"
        r"(?:(?:fully|well|closely)\s+)?(update|inform|post|advise)\b",
        WARNING,
        '"{found}": after "keep" and a person the verb takes its past participle ("keep you '
        'updated").',
        lambda m, _a: m.group(0) + ("d" if m.group(1).endswith("e") else "ed"),
    ),
    # "Jennifer or I will keep posted": whom is kept posted went missing.
    _rule(
        "keep;posted updated informed",
        "missing-word",
        r"(?:(?<=\bwill )|(?<=\bto )|(?<='ll )|(?<=’ll )|(?<=\band ))(keep)(?=\s+(?:posted|"
        r"updated|informed)(?:\s*(?:[.,;:!)]|$)|\s+(?:on|of|about|as|with|until|if|when)\b))",
        WARNING,
        'Is a word missing? "{found} posted" needs whom: "keep you posted".',
        lambda m, _a: m.group(1) + " you",
    ),
    _rule(
        "appreciated liked wanted needed hoped enjoyed welcomed",
        "verb-form",
        r"\b(would|will|could|can|should|may|might|must)\s+(?:greatly\s+|really\s+|very\s+much\s+|"
        r"also\s+|certainly\s+|definitely\s+|truly\s+)?(appreciated|liked|wanted|needed|hoped|"
        r"enjoyed|welcomed)\b",
        WARNING,
        '"{found}": after "{word}" the verb takes its plain form.',
        lambda m, _a: (
            m.group(0)[: -len(m.group(2))]
            + m.group(2)[:-1].removesuffix("e")
            + ("e" if m.group(2) in {"appreciated", "liked", "hoped", "welcomed"} else "")
        ),
    ),
    _rule(
        "forward",
        "missing-word",
        rf"\b(look(?:ing|s)?\s+forward)\s+(?!to\b)([a-z]+ing|{_LETTER_VERBS})\b",
        ERROR,
        '"{found}" is missing "to": "look forward to hearing".',
        lambda m, _a: (
            f"{m.group(1)} to {verb_forms.ing(m.group(2))}"
            if not m.group(2).lower().endswith("ing")
            else f"{m.group(1)} to {m.group(2)}"
        ),
    ),
    _rule(
        "like",
        "missing-word",
        r"\b(would|['’]d)\s+like\s+(thank|ask|know|say|meet|discuss|confirm|request|follow|apply|"
        r"add|share|introduce|schedule|arrange|learn|hear|speak|talk|express|reiterate|invite|"
        r"offer|get|reaffirm|update|let)\b",
        ERROR,
        '"{found}" is missing "to": "{fix}".',
        lambda m, _a: m.group(0).replace(" like ", " like to ", 1),
    ),
    _rule(
        "i we they he she;excited interested keen happy pleased delighted grateful available "
        "confident eager glad thankful",
        "missing-word",
        r"\b(I|we|they|he|she)\s+(?:very\s+|really\s+|so\s+|extremely\s+|also\s+|truly\s+|"
        r"genuinely\s+)?(excited|interested|keen|happy|pleased|delighted|grateful|available|"
        r"confident|eager|glad|thankful)\b",
        WARNING,
        '"{found}" is missing its verb: "I am excited", "we are pleased".',
        lambda m, _a: m.group(0).replace(
            m.group(1),
            {"I": "I am", "he": "he is", "she": "she is"}.get(m.group(1), f"{m.group(1)} are"),
            1,
        ),
    ),
    _rule(
        "it this;nice great good important clear helpful useful exciting interesting wonderful",
        "missing-word",
        r"(?:^|(?<=[.!?]\s)|(?<=\n))(It|This)\s+(?:really|very|so|quite|truly)?\s*(nice|great|"
        r"good|important|clear|helpful|useful|exciting|interesting|wonderful)\b",
        WARNING,
        '"{found}" is missing its verb: "It was really nice", "This is great".',
        lambda m, _a: m.group(0).replace(m.group(1), f"{m.group(1)} was", 1),
    ),
    _rule(
        "few",
        "missing-word",
        r"\b(take|takes|took|spend|spent|wait|in|within|for|give)\s+few\s+(minutes|days|weeks|"
        r"hours|months|moments|seconds)\b",
        WARNING,
        'Did you mean "a few"? "few" alone means "not many".',
        lambda m, _a: f"{m.group(1)} a few {m.group(2)}",
    ),
    # "As always, were here for you": "we're" at a clause's start, where no subject is.
    _rule(
        "were;"
        "here happy glad excited pleased delighted sorry looking going working launching "
        "introducing hiring planning trying committed proud ready",
        "were-where",
        r"(?:^|(?<=\n)|(?<=[.!?] )|(?<=, ))(were)\s+(?:here|happy|glad|excited|pleased|"
        r"delighted|sorry|looking|going|working|launching|introducing|hiring|planning|trying|"
        r"committed|proud|ready)\b",
        WARNING,
        'Did you mean "{fix}"? "we\'re" = "we are"; "were" is the past of "are".',
        _first_as("we're"),
    ),
    # "As you know, were in the process": an opening phrase gives "were" no subject.
    _rule(
        "were;know always usual discussed currently now moment anyway meanwhile ok okay also "
        "today week requested see",
        "were-where",
        r"(?i)(?:^|(?<=\n)|(?<=[.!?] ))(?:as\s+you\s+(?:know|may\s+know|can\s+see|requested)|"
        r"as\s+always|as\s+usual|as\s+discussed|currently|right\s+now|at\s+the\s+moment|"
        r"anyway|meanwhile|for\s+now|ok|okay|also|today|this\s+week),\s+(were)(?=\s+"
        r"(?!(?:you|we|they|i|he|she|it|there|the|a|an|this|that|these|those|all|both|any|some|"
        r"your|our|their|my|here|happy|glad|excited|pleased|delighted|sorry|looking|going|"
        r"working|launching|introducing|hiring|planning|trying|committed|proud|ready)\b)\w)",
        WARNING,
        'Did you mean "we\'re"? "we\'re" = "we are"; "were" needs a subject.',
        lambda m, a: m.group(0)[: m.start(1) - m.start(0)] + match_case(m.group(1), f"we{a}re"),
    ),
    # "she and the baby has made it", "Tom and I was", "you and your team has been": a
    # subject pronoun in the pair makes it two people, whatever the other is ("Ernst and
    # Young is" stays a firm; "thank you and your team" is an object).
    _rule(
        "and;has is was does;he she we they i you",
        "agreement",
        r"(?<!thank\s)\b((?:he|she|we|they|you)\s+and\s+(?:(?:the|my|our|your|his|her|their|a)\s+)?[a-z]+|"
        r"[a-z]+\s+and\s+I)\s+(has|is|was|does)\b",
        WARNING,
        'Did you mean "{fix}"? Two people joined by "and" take the plural verb.',
        _plural_verb,
    ),
    # "to see if would help": the clause lost its subject.
    _rule(
        "if whether because unless;would could will can should might may",
        "missing-word",
        r"\b(if|whether|because|unless)\s+(would|could|will|can|should|might|may)(?=\s+"
        r"(?!(?:you|we|they|i|he|she|it|there|this|that|not)\b)[a-z])",
        WARNING,
        'Is a word missing? "{found}" has no subject: "{fix}".',
        _between("it"),
    ),
    # "Section 6.3 contain", "Version 7 work": a numbered part is one thing.
    _rule(
        "section figure table chapter version appendix phase option step part article clause "
        "rule item question release annex",
        "agreement",
        r"\b((?:section|figure|table|chapter|version|appendix|phase|option|step|part|article|"
        r"clause|rule|item|question|release|annex)\s+\d+(?:\.\d+)*[a-z]?)\s+(contain|include|"
        r"show|provide|describe|explain|require|state|set|cover|list|give|define|outline|apply|"
        r"mean|say|work|need|allow|look|seem|remain|become|make|cause|fail|help)\b",
        WARNING,
        'Did you mean "{fix}"? A numbered part is one thing: the verb takes "-s".',
        lambda m, _a: f"{m.group(1)} {verb_forms.third(m.group(2).lower())}",
        lambda m, text: (
            _word_before(text, m.start())
            in {"in", "under", "see", "from", "of", "to", "at", "on", "and", "or", "with", "per"}
        ),
    ),
    # "before begin to code", "without send it": a preposition takes the -ing form.
    _rule(
        "before after without while instead;begin send make take write go get give leave sign "
        "submit speak decide join finish receive complete discuss review confirm respond reply "
        "apply accept agree buy sell pay",
        "verb-form",
        r"\b(before|after|without|while|instead\s+of)\s+(begin|send|make|take|write|go|get|"
        r"give|leave|sign|submit|speak|decide|join|finish|receive|complete|discuss|review|"
        r"confirm|respond|reply|apply|accept|agree|buy|sell|pay)\b"
        r"(?!\s+(?:noon|lunch|work|school|long|hours|all|that|then))",
        WARNING,
        'Did you mean "{fix}"? After "{word}" a verb takes "-ing".',
        lambda m, _a: f"{m.group(1)} {verb_forms.ing(m.group(2))}",
    ),
    # "a bigger show there then we did here": a comparison, so "than".
    _rule(
        "then;did do does had have has was were is are could can would",
        "then-than",
        r"\b(then)(?=\s+(?:we|they|i|you|he|she|it)\s+(?:did|do|does|had|have|has|was|were|is|"
        r"are|could|can|would)(?:\s*(?:[.,!?;)]|$)|\s+(?:here|there|last|before|yesterday|at\s+"
        r"the\s+time|in\s+the\s+past)\b))",
        WARNING,
        'Did you mean "than"? "then" is about time; "than" compares.',
        lambda m, _a: match_case(m.group(1), "than"),
        lambda m, text: not COMPARATIVE.search(_sentence_before(text, m.start())),
    ),
    # "the industry in general are": the phrase between does not change the subject.
    _rule(
        "general whole overall particular;are were have",
        "agreement",
        r"\b((?:industry|market|economy|sector|process|system|world|situation|picture)\s+"
        r"(?:in\s+general|as\s+a\s+whole|overall|in\s+particular))\s+(are|were|have)\b",
        WARNING,
        'Did you mean "{fix}"? The subject is singular.',
        lambda m, _a: (
            f"{m.group(1)} " + {"are": "is", "were": "was", "have": "has"}[m.group(2).lower()]
        ),
    ),
    # "Here is the references": "here" and "there" take the number of what follows.
    _rule(
        "here;is was",
        "agreement",
        r"(?:^|(?<=[.!?\n] )|(?<=\n))(here)\s+(is|was)(?=\s+(?:the|my|our|some|all|a\s+few|"
        r"two|three|four|five|both)\s+(?:[a-z]+\s+)?[a-z]+s\b(?!\s+(?:of|for)\b))",
        WARNING,
        'Did you mean "{fix}"? What follows is plural.',
        lambda m, _a: f"{m.group(1)} " + {"is": "are", "was": "were"}[m.group(2).lower()],
        lambda m, text: (
            re.match(
                r"\s+(?:the|my|our|some|all|a\s+few|two|three|four|five|both)\s+(?:[a-z]+\s+)?"
                r"(?:news|process|business|address|class|access|status|analysis|basis|series|"
                r"[a-z]*ss)\b",
                text[m.end() :],
                re.IGNORECASE,
            )
            is not None
        ),
    ),
    # "Me and Sarah is": the pair takes the plural verb.
    _rule(
        "me;and;is was has does",
        "agreement",
        r"(?:^|(?<=[.!?\n] )|(?<=\n))(me\s+and\s+(?:(?:my|the|our)\s+(?:[a-z]+\s+)?)?[a-z]+)\s+"
        r"(is|was|has|does)\b",
        WARNING,
        'Did you mean "{fix}"? Two people joined by "and" take the plural verb.',
        _plural_verb,
    ),
    # "Please find attached copy of my CV": a letter's set phrase keeps its article.
    _rule(
        "attached enclosed",
        "missing-word",
        r"\b(find\s+(?:attached|enclosed))\s+((?:updated\s+|"
        r"revised\s+|signed\s+|completed\s+|short\s+|brief\s+)?(?:copy|version|file|document|"
        r"list|summary|draft|note|letter|proposal|report|CV|résumé|resume|sample|presentation|"
        r"form|spreadsheet|link|portfolio))\b",
        WARNING,
        'Is a word missing? "{found}" reads better with an article: "{fix}".',
        lambda m, _a: (
            f"{m.group(1)} {'an' if m.group(2)[0].lower() in 'aeiou' else 'a'} {m.group(2)}"
        ),
    ),
    # "when decision will be made", "if position is still open": a letter's nouns that
    # need "the" as a subject.
    _rule(
        "when if whether once until before after;decision offer interview role position "
        "process meeting call vacancy",
        "missing-word",
        r"\b(when|if|whether|once|until|before|after)\s+(decision|offer|interview|role|position|"
        r"process|meeting|call|vacancy)(?=\s+(?:will|would|is|was|has|had|can|could|might|may)\b)",
        WARNING,
        'Is a word missing? "{found}" needs "the": "{fix}".',
        _between("the"),
    ),
    # "for five year.": a count above one takes the plural (not a fraction: "1/2 day").
    _rule(
        "year month week day hour minute",
        "agreement",
        r"(?<![/.])\b((?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
        r"twenty|several|many|few|[2-9]|[1-9]\d+)\s+)(year|month|week|day|hour|minute)"
        r"(?=\s*(?:[.,;!?)]|$)|\s+(?:ago|of|in|at|and|now|with|as|before|after|later|"
        r"experience)\b)",
        WARNING,
        'Did you mean "{fix}"? More than one takes the plural.',
        lambda m, _a: f"{m.group(1)}{m.group(2)}s",
    ),
    # "meet you and rest of the team": "the rest of".
    _rule(
        "rest;of",
        "missing-word",
        r"\b(and|with|to|for|from|meet|met|thank|thanks)\s+(rest\s+of)(?=\s+(?:the|my|our|your|"
        r"his|her|their)\b)",
        WARNING,
        'Is a word missing? "{found}" needs "the": "{fix}".',
        _between("the"),
    ),
    # "looking forward to hearing from you and to meet the team": the same form twice.
    _rule(
        "forward;and;to",
        "verb-form",
        rf"\b(and\s+to)\s+({_LETTER_VERBS})\b",
        WARNING,
        'Did you mean "{fix}"? After "look forward to … and to" the verb takes "-ing" too.',
        lambda m, _a: f"{m.group(1)} {verb_forms.ing(m.group(2))}",
        lambda m, text: (
            re.search(
                r"(?i)\blook(?:ing|s|ed)?\s+forward\s+to\s+\w+ing\b[^.!?\n]*$",
                text[max(0, m.start() - 80) : m.start()],
            )
            is None
        ),
    ),
    # "my interest for the position": "interest in".
    _rule(
        "interest;for",
        "usage",
        r"\b(interest)\s+for(?=\s+(?:the|this|your)\s+(?:role|position|job|post|opportunity|"
        r"vacancy)\b)",
        WARNING,
        'Did you mean "{fix}"? One has an interest "in" a role.',
        lambda m, _a: f"{m.group(1)} in",
    ),
    # "the role and the team sounds": two things, each with its determiner, are plural.
    _rule(
        "and;is was has sounds seems looks makes fits",
        "agreement",
        r"\b((?:the|my|our|your|this)\s+(?:[a-z]+\s+)?[a-z]+\s+and\s+(?:the|my|our|your|this)\s+"
        r"(?:[a-z]+\s+)?[a-z]+)\s+(is|was|has|sounds|seems|looks|makes|fits)\b",
        WARNING,
        'Did you mean "{fix}"? Two things joined by "and" take the plural verb.',
        _plural_verb,
        lambda m, text: (
            _word_before(text, m.start())
            not in {
                "",
                "that",
                "because",
                "as",
                "since",
                "both",
                "think",
                "believe",
                "feel",
                "and",
                "but",
                "so",
                "while",
                "if",
                "when",
                "how",
                "why",
            }
            or re.search(r"\b(?:of|between|from|with|in|for|about|on)\s", m.group(1)) is not None
        ),
    ),
    # "I was hoping to heard back": after a verb that takes "to", the plain form.
    _rule(
        "to;hope hoping hoped want wanted wants like love need needed going able plan planning "
        "trying try expect expecting wish",
        "verb-form",
        r"(?<=\bto\s)([a-z]+)\b",
        WARNING,
        'Did you mean "{fix}"? After "to" the verb takes its plain form.',
        lambda m, _a: _irregular_base(m.group(1)),
        lambda m, text: (
            _irregular_base(m.group(1)) == m.group(1).lower()
            or _word_before(text, m.start() - 3) not in TO_TAKERS
        ),
    ),
    # Set phrases that lost a small word: "at time of", "all once", "each you", "let know".
    _rule(
        "time;at;of",
        "missing-word",
        r"\b(at)\s+(time\s+of)\b",
        WARNING,
        'Is a word missing? "{found}" needs "the": "{fix}".',
        _between("the"),
    ),
    _rule(
        "all;once",
        "missing-word",
        r"\b(all)\s+(once)\b",
        WARNING,
        'Is a word missing? "{found}": "{fix}".',
        _between("at"),
        lambda m, text: _word_before(text, m.start()) in ("not", "for", "at", "and", "once"),
    ),
    _rule(
        "each;you us them",
        "missing-word",
        r"\b(each)\s+(you|us|them)\b",
        WARNING,
        'Is a word missing? "{found}" needs "of": "{fix}".',
        _between("of"),
        lambda m, text: _word_before(text, m.start()) in ("give", "gave", "send", "sent", "cost"),
    ),
    _rule(
        "let;know",
        "missing-word",
        r"\b(let)\s+(know)\b",
        WARNING,
        'Is a word missing? "{found}" needs who is to know: "{fix}".',
        _between("you"),
    ),
    # "invite you the reception", "talking them", "I spoke Steve": "to" dropped before the
    # object of a verb that needs it.
    _rule(
        "invite invited invites;the",
        "missing-word",
        r"\b(invite[sd]?\s+(?:you|them|him|her|us|everyone))(?=\s+the\s)",
        WARNING,
        'Is a word missing? "{found}" needs "to" before what they are invited to: "{fix}".',
        lambda m, _a: f"{m.group(1)} to",
    ),
    _rule(
        "talk talked talking speak speaking spoke reply replied replying respond responded "
        "responding listen listened listening",
        "missing-word",
        r"\b(talk|talked|talking|speak|speaking|spoke|reply|replied|replying|respond|responded|"
        r"responding|listen|listened|listening)\s+(them|him|her|me|us)\b"
        r"(?!\s+(?:through|into|out|round|around|down|up)\b)",
        WARNING,
        'Is a word missing? "{found}" needs "to": "{fix}".',
        _between("to"),
    ),
    _rule(
        "spoke talked",
        "missing-word",
        r"(?-i:\b([Ii]\s+(?:spoke|talked)))\s+(?-i:([A-Z][a-z]+))\b",
        WARNING,
        'Is a word missing? "{found}" needs "to" or "with": "{fix}".',
        _between("to"),
        lambda m, _text: m.group(2).lower() in LANGUAGES,
    ),
    # "I don't my floor plan", "they must this deal closed": a verb dropped after an
    # auxiliary, before its object.
    _rule(
        "don't didn't doesn't not must should could would will can might may",
        "missing-word",
        r"\b((?:I|we|you|they|he|she|it)\s+(?:don['’]t|do\s+not|didn['’]t|did\s+not|doesn['’]t|"
        r"does\s+not|must|should|could|would|will|can|might|may|must\s+not|cannot|can['’]t|"
        r"won['’]t))(?=\s+(?:my|your|his|her|our|their|this|these|those|any|a|an)\s)",
        WARNING,
        'Is a word missing? "{found}" has no verb before its object: perhaps "{fix}".',
        lambda m, _a: f"{m.group(1)} have",
        # "as you would any other candidate", "than I would my own": the verb is understood
        lambda m, text: _word_before(text, m.start()) in ("as", "than", "like"),
    ),
    # "would interested": "be" dropped after a modal.
    _rule(
        "would should could will might may must can;interested happy glad able available pleased "
        "delighted grateful willing keen",
        "missing-word",
        r"\b(would|should|could|will|might|may|must|can)\s+(interested|happy|glad|able|"
        r"available|pleased|delighted|grateful|willing|keen)\b",
        WARNING,
        'Is a word missing? "{found}" needs "be": "{fix}".',
        _between("be"),
    ),
    _rule(
        "than;before by until till from",
        "then-than",
        r"\b(before|by|until|till|from)\s+than\b(?!\s+(?:ever|usual|expected|planned))",
        WARNING,
        'Did you mean "{fix}"? "then" is about time; "than" compares.',
        _then("then"),
    ),
    # "he knowed", "we buyed": an irregular verb given the regular ending.
    _rule(
        "knowed growed throwed bringed buyed catched teached thinked goed runned speaked writed "
        "drived maked taked gived comed eated drinked swimmed seed telled selled feeled keeped "
        "leaved meaned payed sayed",
        "verb-form",
        r"\b(knowed|growed|throwed|bringed|buyed|catched|teached|thinked|goed|runned|speaked|"
        r"writed|drived|maked|taked|gived|comed|eated|drinked|swimmed|telled|selled|feeled|"
        r"keeped|leaved|meaned|sayed)\b",
        ERROR,
        '"{found}" should be "{fix}": the verb is irregular.',
        lambda m, _a: match_case(m.group(1), OVER_REGULAR[m.group(1).lower()]),
    ),
    # "we could not done anything": a participle after a modal needs "have".
    _rule(
        "would could should might must will can may;done gone seen taken given written spoken "
        "eaten broken chosen driven known shown grown thrown drawn flown fallen forgotten gotten "
        "hidden stolen woken worn",
        "verb-form",
        r"\b((?:would|could|should|might|must|will|can|may)(?:\s+not|n['’]t)?)\s+(done|gone|seen|"
        r"taken|given|written|spoken|eaten|broken|chosen|driven|known|shown|grown|thrown|drawn|"
        r"flown|fallen|forgotten|gotten|hidden|stolen|woken|worn)\b",
        WARNING,
        'Did you mean "{fix}"? After "{word}" the participle needs "have".',
        _between("have"),
    ),
    # "Do not any financial trades", "see if he any old ones": the verb fell out.
    _rule(
        "do don't;any my your this these those",
        "missing-word",
        r"(?:^|(?<=[.!?\n] )|(?<=\n))(do\s+not|don['’]t)(?=\s+(?:any|my|your|this|these|those|a|"
        r"an)\s)",
        WARNING,
        'Is a word missing? "{found}" has no verb before its object: perhaps "{fix}".',
        lambda m, _a: f"{m.group(1)} have",
    ),
    _rule(
        "if that because whether unless;any some my your his her our their",
        "missing-word",
        r"\b((?:if|that|because|whether|unless)\s+(?:he|she|it|they|we|I|you))(?=\s+(?:any|some|"
        r"my|your|his|her|our|their|a|an)\s)",
        WARNING,
        'Is a word missing? "{found}" has no verb: perhaps "{fix}".',
        lambda m, _a: (
            m.group(1)
            + (" has" if m.group(1).split()[-1].lower() in ("he", "she", "it") else " have")
        ),
    ),
    # "going over their in a few minutes": "their" needs a noun; before "in", "there".
    _rule(
        "their;in at on by from too again yet now soon later today tomorrow tonight anyway",
        "their-there",
        r"\b(their)(?=\s+(?:in|at|on|by|from|too|again|yet|now|soon|later|today|tomorrow|tonight|"
        r"anyway)\b(?!-))",
        WARNING,
        'Did you mean "there"? "their" needs a noun after it.',
        lambda m, _a: match_case(m.group(1), "there"),
    ),
    # "Steve Morse and Chaz Vaughan reports to": two full names are two people.
    _rule(
        "and;reports is was has works leads manages says thinks wants needs",
        "agreement",
        r"(?-i:\b([A-Z][a-z]+\s+[A-Z][a-z]+\s+and\s+[A-Z][a-z]+\s+[A-Z][a-z]+))\s+(reports|is|was|"
        r"has|works|leads|manages|says|thinks|wants|needs)\b",
        WARNING,
        'Did you mean "{fix}"? Two people joined by "and" take the plural verb.',
        _plural_verb,
    ),
    # "we will send you name of the SME": "the" before the thing sent.
    _rule(
        "send sent give gave tell told show showed email emailed forward forwarded;name copy "
        "list link address number date file document report update summary agenda schedule "
        "invite contract offer form draft version",
        "missing-word",
        r"\b((?:send|sent|give|gave|tell|told|show|showed|email|emailed|forward|forwarded)\s+"
        r"(?:you|me|him|her|us|them))\s+(name|copy|list|link|address|number|date|file|document|"
        r"report|update|summary|agenda|schedule|invite|contract|offer|form|draft|version)\b",
        WARNING,
        'Is a word missing? "{found}" needs "the": "{fix}".',
        _between("the"),
    ),
    # "learning about team and", "an update on position?", "during interview.": a
    # letter's singular nouns keep their article after a preposition.
    _rule(
        "about during regarding into with of from after on for to discuss;"
        + " ".join(LETTER_NOUNS),
        "missing-word",
        r"\b(about|during|regarding|into|with|of|from|after|on|for|to|discuss)\s+("
        + "|".join(LETTER_NOUNS)
        + r")(?=\s*[.,;:!?)]|\s+(?:and|or|of|yesterday|today|last|next|this|on|at|is|was|will|"
        r"has|that|we|you|I|so|but|as)\b)",
        WARNING,
        'Is a word missing? "{found}" needs "the": "{fix}".',
        _between("the"),
        lambda m, text: (
            (m.group(1).lower(), m.group(2).lower()) in ARTICLE_FREE
            or _word_before(text, m.start())
            in ("a", "an", "the", "per", "lot", "lots", "plenty", "deal", "window", "land", "full")
            # "look forward to meeting you", "thank you for meeting us": the verb
            or re.match(r"\s+(?:you|us|them|him|her|me)\b", text[m.end() :], re.I) is not None
        ),
    ),
    # "to discuss Data Analyst role", "about Head of Sales role": a named role is still
    # "the … role".
    _rule(
        "role position vacancy job opening",
        "missing-word",
        r"(?-i:\b(about|discuss|for|into|of|on|regarding|to)\s+((?:[A-Z][\w+-]*\s+(?:(?:of|and|&)\s+)?){1,3})"
        r"(role|position|vacancy|job|opening)\b)",
        WARNING,
        'Is a word missing? "{found}" needs "the": "{fix}".',
        lambda m, _a: f"{m.group(1)} the {m.group(2)}{m.group(3)}",
        # "the Head of Development role", "Business to Business Sales Representative
        # role": "of" or "to" inside a title
        lambda m, text: m.group(1) in ("of", "to") and _title_word_before(text, m.start()),
    ),
    # "I would welcome opportunity to", "have chance to": the article before the chance.
    _rule(
        "opportunity chance possibility pleasure;to of",
        "missing-word",
        r"\b(welcome|have|had|has|take|took|get|got|given|give|appreciate|appreciated|want|about|"
        r"was|is|be)\s+(opportunity|chance|possibility|pleasure)(?=\s+(?:to|of)\b)",
        WARNING,
        'Is a word missing? "{found}" needs an article: "{fix}".',
        lambda m, _a: (
            f"{m.group(1)} "
            + ("a" if m.group(2).lower() in ("chance", "pleasure") else "the")
            + f" {m.group(2)}"
        ),
    ),
    # "I would be great fit": a letter's "a good fit", "a strong match" keep their "a".
    _rule(
        "fit match addition asset;great good strong perfect natural excellent ideal real close",
        "missing-word",
        r"\b(be|is|was|am|are|being|become)\s+((?:a\s+)?(?:really\s+|very\s+)?(?:great|good|strong|"
        r"perfect|natural|excellent|ideal|real|close)\s+(?:fit|match|addition|asset))\b",
        WARNING,
        'Is a word missing? "{found}" needs "a": "{fix}".',
        _between("a"),
        lambda m, _text: m.group(2).lower().startswith("a "),
    ),
    # "were did they come from": a question word, not a verb, before "did they".
    _rule(
        "were;did do does can could should would will shall",
        "were-where",
        r"(?i)\b(were)(?=\s+(?:did|do|does|can|could|should|would|will|shall)\s+(?:you|we|they|"
        r"he|she|it|i|the|this|that|these|those)\b)",
        WARNING,
        'Did you mean "{fix}"? "where" asks about a place; "were" is the past of "are".',
        lambda m, _a: match_case(m.group(1), "where"),
    ),
    _rule(
        "their;than then",
        "their-there",
        r"\b(their)(?=\s+(?:than|then)\b)",
        WARNING,
        'Did you mean "{fix}"? "their" needs a noun after it; "there" is a place.',
        lambda m, _a: match_case(m.group(1), "there"),
    ),
    _rule(
        "your;likely",
        "your-youre",
        r"\b(your)\s+(?:less|more)\s+likely\b",
        WARNING,
        'Did you mean "{fix}"? "you\'re" = "you are"; "your" = belonging to you.',
        _first_as("you're"),
    ),
    # "too" where "to" is meant: before a verb only a "to" can introduce.
    _rule(
        f"too;{_TO_VERBS}",
        "to-too",
        r"\b(too)\s+(?:[a-z]+ly\s+)?(?:" + "|".join(_TO_VERBS.split()) + r")\b(?![-'’])",
        WARNING,
        'Did you mean "{fix}"? Before a verb it is "to"; "too" = also, or excessively.',
        lambda m, _a: "to" + m.group(0)[len(m.group(1)) :],
    ),
    # An article dropped from a set phrase: "play crucial role", "at core of", "is right
    # thing to do".
    _rule(
        "role;play plays played playing",
        "missing-word",
        r"\b(play|plays|played|playing)\s+((?:crucial|key|important|vital|major|central|"
        r"significant|big|leading|critical|pivotal|active|useful|small)\s+role)\b",
        WARNING,
        '"{found}" is missing "a": "{fix}".',
        _between("a"),
    ),
    _rule(
        "of;core heart centre center forefront",
        "missing-word",
        r"\b(at|in)\s+((?:core|heart|centre|center|forefront)\s+of)\b",
        WARNING,
        '"{found}" is missing "the": "{fix}".',
        _between("the"),
    ),
    _rule(
        "is was be seems seemed;right best only first last same wrong",
        "missing-word",
        r"\b(is|was|be|seems|seemed)\s+((?:right|best|only|first|last|same|wrong)\s+"
        r"(?:thing|way|time|place|person|choice|step|option|approach))\b",
        WARNING,
        '"{found}" is missing "the": "{fix}".',
        _between("the"),
    ),
    # The set phrases of a letter that take "-ing" after "to" or "for", and the few that
    # take the plain form: the slips of writers whose first language builds them otherwise
    # ("I look forward to meet you", "Thank you for meet with me", "I enjoyed to learn",
    # "excited to joining", "I am interesting in the role").
    _rule(
        "forward;to",
        "verb-form",
        rf"\b(look(?:ing|s|ed)?\s+forward\s+to)\s+({_LETTER_VERBS})\b",
        WARNING,
        '"{found}": after "look forward to" the verb takes "-ing": "{fix}".',
        lambda m, _a: f"{m.group(1)} {verb_forms.ing(m.group(2))}",
    ),
    _rule(
        "for;thank thanks",
        "verb-form",
        rf"\b(thank\s+you(?:\s+(?:so|very)\s+much)?(?:\s+again)?\s+for|thanks(?:\s+again)?\s+for)"
        rf"\s+({_LETTER_VERBS})\b(?=\s+(?:me|us|the|my|our|your|with|to|about|through|so|such)\b)",
        WARNING,
        '"{found}": after "thank you for" the verb takes "-ing": "{fix}".',
        lambda m, _a: f"{m.group(1)} {verb_forms.ing(m.group(2))}",
        lambda m, _a: m.group(2).lower() == "help",  # "for help with": "for your help"?
    ),
    _rule(
        "to;enjoy enjoyed enjoys avoid avoided finish finished mind",
        "verb-form",
        rf"\b(enjoy|enjoyed|enjoys|avoid|avoided|finish|finished|mind)\s+to\s+({_LETTER_VERBS})\b",
        WARNING,
        '"{found}": after "{word}" the verb takes "-ing": "{fix}".',
        lambda m, _a: f"{m.group(1)} {verb_forms.ing(m.group(2))}",
    ),
    _rule(
        "to;excited eager keen happy glad pleased delighted thrilled able unable willing ready "
        "chance opportunity hesitate hope hoping want wanted like love wish need plan planning "
        "remember forget",
        "verb-form",
        r"\b(excited|eager|keen|happy|glad|pleased|delighted|thrilled|able|unable|willing|ready|"
        r"chance|opportunity|hesitate|hope|hoping|want|wanted|like|love|wish|need|plan|planning|"
        r"remember|forget)\s+to\s+([a-z]+ing)\b",
        WARNING,
        '"{found}": after "{word} to" the verb takes its plain form: "{fix}".',
        lambda m, _a: f"{m.group(1)} to {verb_forms.ing_base(m.group(2).lower())}",
        lambda m, _a: verb_forms.ing_base(m.group(2).lower()) is None,
    ),
    _rule(
        "time;take takes taking taken took",
        "verb-form",
        r"\b((?:take|takes|taking|taken|took)\s+(?:the\s+)?time\s+to)\s+([a-z]+ing)\b",
        WARNING,
        '"{found}": after "take the time to" the verb takes its plain form: "{fix}".',
        lambda m, _a: f"{m.group(1)} {verb_forms.ing_base(m.group(2).lower())}",
        lambda m, _a: verb_forms.ing_base(m.group(2).lower()) is None,
    ),
    _rule(
        "interesting exciting;in about to",
        "verb-form",
        rf"\b((?:I\s+am|I{APOS}?m|I\s+was|we\s+are|we{APOS}re|we\s+were)\s+"
        r"(?:very\s+|really\s+|so\s+|particularly\s+|extremely\s+|genuinely\s+|truly\s+|"
        r"still\s+|also\s+|most\s+)?)(interesting|exciting)"
        rf"(?=\s+(?:in|about|to\s+(?:{_LETTER_VERBS}))\b)",
        WARNING,
        '"{found}": the one who feels it is "interested"/"excited"; "interesting" is what '
        "causes the feeling.",
        lambda m, _a: m.group(1) + m.group(2)[:-3] + "ed",
    ),
)
# Usage slips of the letters writers send in a second language: a preposition or a form
# their first language would use ("since 5 years", "I am agree", "discuss about").
_NUMBER_WORDS = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|"
    r"several|many|a\s+few)"
)
UNCOUNTABLE_PLURALS = {
    "informations": "information",
    "advices": "advice",
    "feedbacks": "feedback",
    "equipments": "equipment",
    "knowledges": "knowledge",
    "furnitures": "furniture",
}


def _subject_word(words: str) -> str:
    """ "I am", "I'm" -> "I"; "We are", "we're" -> "We", "we"."""
    return re.split(r"[\s'’]", words, maxsplit=1)[0]


USAGE_RULES: tuple[Rule, ...] = (
    _rule(
        "since;year years month months week weeks day days",
        "usage",
        rf"\b(since)\s+({_NUMBER_WORDS}\s+(?:years?|months?|weeks?|days?))\b(?!\s+ago\b)",
        WARNING,
        '"{found}": a length of time takes "for" ("for 5 years"); "since" takes a moment '
        '("since 2021").',
        lambda m, _a: f"{match_case(m.group(1), 'for')} {m.group(2)}",
    ),
    _rule(
        "agree disagree;am are 'm 're ’m ’re",
        "usage",
        rf"\b(I\s+am|I{APOS}m|we\s+are|we{APOS}re)\s+(agree|disagree)\b",
        WARNING,
        '"{found}": "agree" is a verb: "{fix}".',
        lambda m, _a: f"{_subject_word(m.group(1))} {m.group(2)}",
    ),
    _rule(
        "forward;for",
        "usage",
        r"\b(look(?:ing|s|ed)?\s+forward)\s+for\b",
        WARNING,
        '"{found}": one looks forward "to" something: "{fix}".',
        lambda m, _a: f"{m.group(1)} to",
    ),
    _rule(
        "about;discuss discussed discussing discusses",
        "usage",
        r"\b(discuss(?:ed|ing|es)?)\s+about\b",
        WARNING,
        '"{found}": "discuss" takes its object directly: "{fix} the next steps".',
        lambda m, _a: m.group(1),
    ),
    _rule(
        "interested;for",
        "usage",
        r"\b(interested)\s+for\b(?=\s+(?:this|the|a|an|your|joining|working|being)\b)",
        WARNING,
        '"{found}": one is interested "in" something: "{fix}".',
        lambda m, _a: f"{m.group(1)} in",
    ),
    _rule(
        "having;years year",
        "usage",
        rf"\b(I\s+am|I{APOS}m|we\s+are|we{APOS}re)\s+having(?=\s+{_NUMBER_WORDS}\s+years?\b)",
        WARNING,
        '"{found}": experience one has is "have", not "am having": "{fix}".',
        lambda m, _a: f"{_subject_word(m.group(1))} have",
    ),
    _rule(
        " ".join(UNCOUNTABLE_PLURALS),
        "usage",
        r"\b(" + "|".join(UNCOUNTABLE_PLURALS) + r")\b",
        WARNING,
        '"{found}": this noun has no plural: "{fix}".',
        lambda m, _a: match_case(m.group(1), UNCOUNTABLE_PLURALS[m.group(1).lower()]),
    ),
)
# the auxiliaries' rules first: where two rules read one span, the first is kept
RULES = grammar_auxiliaries.RULES + grammar_dropped_words.RULES + RULES + MORE_RULES + USAGE_RULES
