"""Grammar by word classes: agreement, verb forms, homophones and missing small words
decided by the classes of the neighbouring words, not by lists of example sentences
(P5 "Checks before sending"; the same checks serve P7 and P8).

Each rule reads a window of tokens: a closed class written here (pronouns, determiners,
auxiliaries, prepositions) and an open-class hint from `grammar_lexicon` (verb base,
comparable adjective, -s form). Rules fire only where the other reading is ungrammatical
or rare in professional email, and veto the known good uses; a sure slip is an error,
a likely one a warning. Examples of what each rule catches are in its docstring.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks._util import match_case, word_set
from afterview.writing.findings import Finding, Severity
from afterview.writing.text import Document

ERROR, WARNING = Severity.ERROR, Severity.WARNING
TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*|[^\sA-Za-z\d]")


class Tok:
    # A plain class, not a dataclass: each @dataclass costs ~1 ms of every `check` process.
    __slots__ = ("end", "line_start", "low", "start", "text")

    def __init__(self, text: str, low: str, start: int, end: int, line_start: bool) -> None:
        self.text = text
        self.low = low  # lower case, straight apostrophe
        self.start = start
        self.end = end
        self.line_start = line_start  # first token of its line


def tokens(text: str) -> list[Tok]:
    out: list[Tok] = []
    for m in TOKEN.finditer(text):
        line_start = m.start() == 0 or "\n" in text[out[-1].end if out else 0 : m.start()]
        out.append(
            Tok(m.group(), m.group().lower().replace("’", "'"), m.start(), m.end(), line_start)
        )
    return out


# --- closed classes -----------------------------------------------------------------------

DETERMINERS = word_set("the this that our my your his her its their each every a an another")
SINGULAR_DETERMINERS = word_set("this that each every a an another")
PREPOSITIONS = word_set(
    """of in on at by for with from to into about than like after before between among
    under over through without within across during per via against toward towards upon
    around behind beyond beside near including"""
)
MODALS = word_set("will would can could should may might must shall")
NEGATED_MODALS = word_set("can't cannot won't wouldn't shouldn't couldn't mustn't mightn't shan't")
ADVERBS = word_set(
    """always never often also still just only already really usually sometimes ever
    all both not even recently previously once generally certainly definitely probably
    actually truly simply finally each"""
)
PRONOUNS = word_set(
    "i you he she it we they me him her us them this that these those what who which one"
)
PARTICLES = word_set("up down out off over back away in on around through along")
THIRD_SINGULAR = word_set("he she it")
PLURAL_VERBS = {
    "are": "is",
    "were": "was",
    "have": "has",
    "do": "does",
    "don't": "doesn't",
    "aren't": "isn't",
    "weren't": "wasn't",
    "haven't": "hasn't",
}
SINGULAR_VERBS = {v: k for k, v in PLURAL_VERBS.items()}
# Nouns that take a plural verb in British English, or are plural themselves.
COLLECTIVE = word_set(
    """team staff board government committee company family police management group panel
    council department audience public couple majority minority number range variety lot
    bunch crew people data media criteria personnel faculty firm class community
    organisation organization agency partnership jury press party"""
)
UNCOUNTED_S = word_set(
    """news means series species sales thanks headquarters analytics economics physics
    politics ethics mathematics statistics logistics operations earnings savings
    proceeds premises whereabouts lens gas bus plus yes this his hers its ours yours
    theirs sometimes always perhaps nowadays afterwards besides towards unless various
    numerous previous ones others"""
)
# Singular nouns that end in "s": "the officer status are" is a slip like "the report are".
SINGULAR_S = word_set(
    """status news analysis process business address access basis crisis campus bonus virus
    census progress success loss focus consensus emphasis surplus boss stress witness
    diagnosis synopsis thesis hypothesis canvas"""
)
# "the rich are", "the following are": adjectives used as nouns.
NOMINAL_ADJECTIVES = word_set(
    """rich poor young old elderly unemployed wealthy sick disabled homeless injured dead
    living best worst latter former following above below same rest first last next top
    other few many several most remainder two three four five"""
)
CAUSATIVES = word_set(
    """let lets make makes made help helps helped have has had see sees saw watch watched
    hear heard feel felt notice noticed bid will would can could should may might must
    shall do does did to why how where what when whether if that"""
)
# Verbs whose base is as often a noun or an adjective ("the goal is change", "is free").
# Common verbs English hardly uses as nouns, though the word-class lists (which call any
# word with an -s form a noun) hold them: after "have" or a preposition they are slips
# ("they have develop", "by explain the purpose").
VERB_ONLY = word_set(
    """develop include enter explain provide create improve ensure receive consider decide
    discuss describe require suggest achieve apply identify introduce involve maintain
    prepare produce publish reduce remove replace respond submit confirm deliver implement
    choose speak forget understand expect prefer mention encourage explore
    install join learn obtain organise organize perform prevent prove recognise recognize
    recommend remember solve spend teach tell think adopt adapt agree allow appear arrive
    assume attract avoid begin believe bring collect compare compete continue contribute
    convince define demonstrate determine discover enable engage enjoy establish evaluate
    examine extend follow generate grow ignore imagine inform integrate intend investigate
    manage participate persuade pursue reveal select succeed verify"""
)
NOUN_LIKE_VERBS = word_set(
    """work help use change plan need support design test review report process research
    love care time progress experience access contact control interest question answer
    request result record schedule update increase decrease cost pay value call visit email
    concern focus impact benefit challenge lead host share document list note project issue
    launch release start finish present display comment respect rest return move step
    trust doubt fear hope risk trade offer deal price vote fund head face hand mind light
    point place stand run show sound look feel matter act form order open close free clean
    clear complete correct direct separate perfect secure live like sure better mean
    set put cut hit let read quit spread cast shut split upset bet hurt cost burst write build"""
)
TIME_NOUNS = word_set(
    """today tomorrow yesterday tonight morning afternoon evening night week weekend month
    year years days weeks months times time now soon later again already monday tuesday
    wednesday thursday friday saturday sunday early late first last next too alone once"""
)
EXISTENTIAL = word_set(
    """needs seems remains appears exists comes goes lies stands follows arises emerges
    exist remain seem appear come go lie stand follow arise emerge used"""
)


def _word(t: Tok | None) -> bool:
    return t is not None and t.text[0].isalpha()


class Hit:
    # A plain class, not a dataclass: each @dataclass costs ~1 ms of every `check` process.
    __slots__ = ("end", "fix", "message", "severity", "slug", "start")

    def __init__(
        self, start: int, end: int, slug: str, severity: Severity, message: str, fix: str
    ) -> None:
        self.start = start
        self.end = end
        self.slug = slug
        self.severity = severity
        self.message = message
        self.fix = fix


Rule = Callable[[list[Tok], int, str], Iterator[Hit]]


def verb_form_hit(verb: Tok, message: str, fix: str) -> Hit:
    """A verb-form warning on one verb, its fix the form asked for."""
    return Hit(verb.start, verb.end, "verb-form", WARNING, message, fix)


def _at(toks: list[Tok], i: int) -> Tok | None:
    return toks[i] if 0 <= i < len(toks) else None


def _low(toks: list[Tok], i: int) -> str:
    t = _at(toks, i)
    return t.low if t is not None else ""


def _skip_adverbs(toks: list[Tok], i: int) -> int:
    """The index of the first token at or after i that is not a listed adverb or -ly word."""
    while _word(_at(toks, i)) and (
        toks[i].low in ADVERBS or (toks[i].low.endswith("ly") and len(toks[i].low) > 4)
    ):
        i += 1
    return i


def _plural_noun(word: str) -> bool:
    return word not in UNCOUNTED_S and lex.s_stem(word) is not None


def _singular_noun(word: str) -> bool:
    """A common noun in the singular: known, not an -s form, not collective or nominal."""
    if word in COLLECTIVE or word in NOMINAL_ADJECTIVES or word in PRONOUNS:
        return False
    if word in SINGULAR_S:
        return True
    if word.endswith(("s", "ed", "ly")):
        return False
    known = lex.classes()
    return word in known.nouns and word not in known.adjectives


def _base_verb(word: str) -> bool:
    return lex.is_verb(word) and not word.endswith("s")


# --- agreement ------------------------------------------------------------------------------


NUMBERS = word_set("two three four five six seven eight nine ten twelve twenty hundred")


def plural_head_singular_verb(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "reports is sent", "These authorizations is issued", "humans does have":
    a plural noun directly before is/was/has/does; not after "of" ("one of the reports
    is"), not a name ("Operations is") nor an -s word that is singular ("news")."""
    verb = toks[i]
    if verb.low not in ("is", "was", "has", "does", "doesn't", "isn't", "wasn't", "hasn't"):
        return
    noun = _at(toks, i - 1)
    if noun is None or not _word(noun) or not noun.text.islower() or not _plural_noun(noun.low):
        return
    if lex.third_person_base(noun.low) and _low(toks, i - 2) in THIRD_SINGULAR | {
        "which",
        "that",
        "who",
    }:
        return  # "it works is" is nonsense either way; "what it means is"
    window: set[str] = set()
    for t in reversed(toks[max(0, i - 7) : i - 1]):
        if t.low in (".", ",", ";", ":", "!", "?", "(", ")"):
            break  # the subject starts after the clause's punctuation
        window.add(t.low)
    if any(w.endswith("ing") or w[0].isdigit() or w in NUMBERS for w in window):
        return  # "building data platforms has", "six years is": the head is not the noun
    if window & (PREPOSITIONS | {"what", "and", "or", "nor"}):
        return  # "one of the reports is", "an event over several days is"
    prev = _at(toks, i - 2)
    if (
        prev is not None
        and _word(prev)
        and (
            prev.low in PRONOUNS
            or prev.text.isupper()
            or (prev.text[0].isupper() and not prev.line_start)
        )
    ):
        return  # "every draft Afterview makes has", "what it means is": a relative clause
    plural = SINGULAR_VERBS.get(
        verb.low, {"is": "are", "was": "were", "has": "have", "does": "do"}.get(verb.low, verb.low)
    )
    yield Hit(
        noun.start,
        verb.end,
        "agreement",
        WARNING,
        f'"{noun.text} {verb.text}": a plural subject takes "{plural}".',
        f"{noun.text} {match_case(verb.text, plural)}",
    )


def singular_head_plural_verb(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "This system are used", "Our content have to", "the agency partner have": a
    determiner, up to two modifiers and a singular noun, then are/were/have/do. Not after
    a preposition or "and" (the head is elsewhere), not a collective noun ("the team have")."""
    verb = toks[i]
    if verb.low not in PLURAL_VERBS:
        return
    noun = _at(toks, i - 1)
    if noun is None or not _word(noun) or not noun.text.islower() or not _singular_noun(noun.low):
        return
    if noun.low in MODALS:
        return  # "Each office must have": a modal, not "a must"
    for back in (2, 3, 4):
        det = _at(toks, i - back)
        if det is None or not _word(det):
            return
        if det.low in DETERMINERS:
            break
        if det.low in PREPOSITIONS or det.low in (
            "and",
            "or",
            "who",
            "which",
            "that",
            "i",
            "we",
            "you",
            "they",
        ):
            return
    else:
        return
    before_tok = _at(toks, i - back - 1)
    before = before_tok.low if before_tok is not None else ""
    clause_start = (
        before_tok is None
        or (det.line_start and not _word(before_tok))
        or before in (".", ",", ";", ":", "!", "?", "(", "—", "-")
        or before in SUBORDINATORS | {"that", "so", "but", "then", "also", "sure"}
    )
    if not clause_start or (det.low == "that" and before not in ("", ".", "!", "?", ";", ":")):
        return  # the noun phrase is an object ("quote a file are"), or "that" a pronoun
    if verb.low == "were" and (
        before in ("if", "though", "unless", "whether", "suppose")
        or _low(toks, i + 1).endswith("ing")
    ):
        return  # "If the service were free", subjunctive; "the problem were trying", "we're"
    singular = PLURAL_VERBS[verb.low]
    yield Hit(
        det.start,
        verb.end,
        "agreement",
        WARNING,
        f'"{noun.text} {verb.text}": a singular subject takes "{singular}".',
        text[det.start : verb.start] + match_case(verb.text, singular),
    )


def _verb_after(toks: list[Tok], i: int) -> tuple[int, Tok] | None:
    """The lower-case word after token i and its adverbs, unless a particle or "?" follows."""
    j = _skip_adverbs(toks, i + 1)
    verb = _at(toks, j)
    if verb is None or not _word(verb) or not verb.text.islower():
        return None
    if verb.low in PARTICLES or verb.low in PREPOSITIONS or _low(toks, j + 1) == "?":
        return None
    return j, verb


CLAUSE_VERBS = word_set(
    """think thinks thought believe believes believed hope hopes hoped know knows knew say
    says said guess suppose expect feel felt mean means meant agree agreed understand
    understood realise realize realised realized notice noticed"""
)


CLAUSE_WORDS = word_set("why how where what when whether if")
# Before a pronoun, these make it the subject of a question: what follows is no finite verb.
INVERTING_AUXILIARIES = word_set(
    "is are was were am isn't aren't wasn't weren't isn’t aren’t wasn’t weren’t"
)


def _object_position(before: str) -> bool:
    """Is a pronoun after this word an object ("made it work", "get it wrong")? Not after
    a verb that takes a clause ("I think it cover")."""
    if before in CLAUSE_VERBS or before in CLAUSE_WORDS:
        return False  # "what it mean", "how it test with users": the subject of a clause
    return (
        before in CAUSATIVES
        or before in PREPOSITIONS
        or before.endswith("ing")
        or lex.is_verb(before)
        or lex.past_base(before) is not None
        or before in lex.ANY_PAST
    )


def it_plain_verb(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "It help set", "it always feel like", "it mean agencies": he/she/it + (adverb) + a
    verb base. Not as an object ("let it go", "will it work", "found it useful")."""
    pron = toks[i]
    demonstrative = pron.low == "this" and _clause_start(toks, i)
    if not demonstrative and (
        pron.low not in THIRD_SINGULAR or _object_position(_low(toks, i - 1))
    ):
        return
    if pron.text == "IT" and not text[max(0, pron.start - 40) : pron.start].isupper():
        return  # "the IT team", "IT support": information technology, not the pronoun
    if _low(toks, i + 1) == "be" and _low(toks, i - 1) in ("whether", "if", "though"):
        return  # "whether it be morning or afternoon": the subjunctive
    if _low(toks, i - 1) in INVERTING_AUXILIARIES:
        return  # "Is she ready for the call?", "Are she ready?": the verb came before her
    found = _verb_after(toks, i)
    if found is None:
        return
    j, verb = found
    w = verb.low
    subject_start = not demonstrative and j == i + 1 and _clause_start(toks, i)
    if w in MODALS or (
        w in NOUN_LIKE_VERBS - {"help", "mean", "feel", "need", "work", "look"}
        and not subject_start  # "It show in the browser tab": after "it", a verb
    ):
        return
    if demonstrative and (
        j != i + 1
        or _low(toks, j + 1) not in OBJECT_STARTS | {"you", "to", "users", "people"}
        or (_low(toks, j + 1) == "to" and not _base_verb(_low(toks, j + 2)))
    ):
        return  # "This give the", "This help to understand"; not "this report", "this one"
    if lex.is_adjective(w) and _mostly_adjective(w):
        return  # "whether it true or not": "is" dropped (a missing-word finding), not "trues"
    irregular = lex.IRREGULAR.get(w)
    if (
        not _base_verb(w)
        or lex.past_base(w)
        or (w in lex.IRREGULAR_PARTICIPLE and w not in lex.IRREGULAR)
        or (irregular is not None and irregular.past == w)
    ):
        return  # "it cut the load time by half", "it cost us a week": a past, not a slip
    fixed = {"be": "is", "have": "has", "do": "does"}.get(w) or _third(w)
    yield Hit(
        pron.start,
        verb.end,
        "agreement",
        ERROR if j == i + 1 else WARNING,
        f'"{pron.text} … {verb.text}": with "{pron.text}" the verb takes its -s form.',
        text[pron.start : verb.start] + fixed,
    )


def _mostly_adjective(w: str) -> bool:
    """Do the counts find the word after "is", "be", "very" at least half as often as
    after "to", "will", "can" ("true", "clear", "ready", "sure"; not "open", "help")?"""
    from afterview.writing.checks import ngram

    model = ngram.model()
    adjective = sum(model.count((a, w)) for a in ("is", "be", "very", "so", "was"))
    verb = sum(model.count((a, w)) for a in ("to", "will", "can", "would", "may"))
    return 2 * adjective >= verb


CLAUSE_OPENERS = word_set(
    """that what how where why when whether if because while once unless although though
    so but and sure since until whereas"""
)


def _clause_start(toks: list[Tok], i: int) -> bool:
    """Does token i open a clause: first of its line or sentence, after , ; : ( or after
    a word that opens a clause ("that", "how", "make sure")?"""
    prev = _at(toks, i - 1)
    if prev is None or (toks[i].line_start and not _word(prev) and prev.text not in ","):
        return True
    return prev.low in (".", "!", "?", ";", ":", "(", ",", "—", "–") or prev.low in CLAUSE_OPENERS


# Verbs whose -s form is rarely a plural noun: after a plural subject it can only be a
# (wrong) singular verb.
SURE_VERBS_S = word_set(
    """thinks feels tells says knows gives takes makes seems wants believes understands
    becomes helps provides allows requires includes brings comes goes gets keeps lets puts
    sees tries writes happens exists depends belongs applies relies agrees prefers expects
    remembers decides explains describes receives sends spends follows informs enables
    ensures encourages involves creates develops improves reduces finds asks chooses
    specialises specializes prefers becomes contains affects causes struggles"""
)
IRREGULAR_PLURALS = word_set("people children men women")


def plural_noun_s_verb(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "what people tells us", "how users thinks and feel", "make sure experts feels":
    a plural noun that opens a clause, then (adverbs and) an -s verb. "people" + any
    -s verb; another plural only with a verb whose -s form is rarely a noun ("thinks",
    not "needs"). Not after "of" ("one of the people thinks")."""
    noun = toks[i]
    if not noun.text.islower():
        return
    irregular = noun.low in IRREGULAR_PLURALS
    if not irregular and (not _plural_noun(noun.low) or noun.low in COLLECTIVE):
        return
    j = _skip_adverbs(toks, i + 1)
    verb = _at(toks, j)
    if verb is None or not _word(verb) or not verb.text.islower():
        return
    base = lex.third_person_base(verb.low)
    if base is None or verb.low in ("is", "has", "does", "was") or verb.low in UNCOUNTED_S:
        return
    if not irregular and verb.low not in SURE_VERBS_S:
        return
    if _low(toks, j + 1) in ("'s", "of") or (not irregular and not _word(_at(toks, j + 1))):
        return
    k = i
    while (
        k - 1 >= 0
        and _word(toks[k - 1])
        and (
            toks[k - 1].low in DETERMINERS
            or toks[k - 1].low in word_set("many some most all few several other these those")
            or (lex.is_adjective(toks[k - 1].low) and toks[k - 1].low not in CLAUSE_OPENERS)
        )
    ):
        k -= 1
    before = _low(toks, k - 1)
    if before in PREPOSITIONS or before in ("and", "or", "nor"):
        return  # "one of the people thinks", "the manager and staff"
    if not irregular and not _clause_start(toks, k):
        return
    yield Hit(
        noun.start,
        verb.end,
        "agreement",
        WARNING,
        f'"{noun.text} … {verb.text}": a plural subject takes "{base}".',
        text[noun.start : verb.start] + base,
    )


def plural_subject_s_verb(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "they looks", "we agrees", "I needs": we/they/I + an -s verb (is/has/does are the
    pattern rules')."""
    pron = toks[i]
    if pron.low not in ("we", "they") and pron.text != "I":
        return
    if _low(toks, i - 1) in ("than", "as", "thank"):
        return
    found = _verb_after(toks, i)
    if found is None:
        return
    verb = found[1]
    base = lex.third_person_base(verb.low)
    if base is None or verb.low in ("is", "has", "does") or verb.low in UNCOUNTED_S:
        return
    yield Hit(
        pron.start,
        verb.end,
        "agreement",
        ERROR,
        f'"{pron.text} … {verb.text}": with "{pron.text}" the verb is "{base}".',
        text[pron.start : verb.start] + base,
    )


def _third(base: str) -> str:
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def which_mean(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ ", which mean I will need": after a comma, "which" stands for the clause or a
    singular noun before it; a plural noun before the comma vetoes it."""
    if toks[i].low != "which" or _low(toks, i - 1) != ",":
        return
    antecedent = _low(toks, i - 2)
    if _plural_noun(antecedent) or antecedent in COLLECTIVE:
        return
    verb = _at(toks, i + 1)
    if (
        verb is None
        or not _word(verb)
        or not _base_verb(verb.low)
        or verb.low in NOUN_LIKE_VERBS - {"mean"}
    ):
        return
    if verb.low in MODALS or lex.past_base(verb.low):
        return
    after = _at(toks, i + 2)
    if (
        not verb.text.islower()
        or (after is not None and _plural_noun(after.low) and after.low not in PRONOUNS)
        or (_low(toks, i - 3) == "of" and _plural_noun(_low(toks, i - 4)))
    ):
        return  # ", which Carpenter shows", ", which pain points they have", "methods of X, which"
    yield Hit(
        toks[i].start,
        verb.end,
        "agreement",
        WARNING,
        f'"which {verb.text}": "which" here stands for one thing, so "{_third(verb.low)}".',
        f"which {_third(verb.low)}",
    )


# --- verb forms -----------------------------------------------------------------------------


def _any_verb_form(word: str) -> bool:
    """Is the word a verb in some form ("supported", "takes", "take")?"""
    return lex.is_verb(lex.past_base(word) or lex.third_person_base(word) or word)


def after_modal(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "will exposes", "can takes", "would improved", "might has", "can't progressed":
    after a modal, the plain form (not "the will is": a noun)."""
    low = toks[i].low
    contracted = low.endswith("'ll") and low[:-3] in PRONOUNS  # "you'll always ended up"
    if (low not in MODALS | NEGATED_MODALS and not contracted) or toks[i].text == "May":
        return
    if _low(toks, i - 1) in ("the", "a", "an"):
        return  # "the will is": a noun
    j = _skip_adverbs(toks, i + 1)
    if _low(toks, j) == "better" and _any_verb_form(_low(toks, j + 1)):
        j += 1  # "can better supported them": "better" is an adverb there
    verb = _at(toks, j)
    if verb is None or not _word(verb) or not verb.text.islower():
        return
    base = (
        {"is": "be", "was": "be", "being": "be", "been": "be"}.get(verb.low)
        or lex.third_person_base(verb.low)
        or lex.past_base(verb.low)
    )
    if base is None or base == verb.low or verb.low in UNCOUNTED_S:
        return  # "can't beat": the past is the base
    if verb.low in ("is", "was", "does") and _low(toks, j + 1) in ("it", "there", "this", "that"):
        return  # "what it may is it": nonsense either way
    if verb.low == "been" and j > i + 1:
        return  # "could never been": "have" dropped as likely as "be" misspelt
    if verb.low.endswith("ed") and lex.is_adjective(verb.low):
        return
    yield verb_form_hit(
        verb,
        f'"{toks[i].text} … {verb.text}": after "{toks[i].text}" the verb takes its plain form.',
        base,
    )


HAVE = word_set("have has had having 've 'd")
# An object's first word: after a word that may be a noun or a verb, it shows the verb.
DETERMINERS_AFTER_VERB = word_set("the a an your our their this these those my his its")


def after_have(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "have find", "had never work", "we've already learn", "have wrote": after have,
    the past participle. With nothing between, only verbs that are rarely nouns ("have
    work to do"); "had better", "have to" and "'d" + plain form ("I'd like") are fine."""
    t = toks[i]
    low = t.low
    if low in ("'ve", "'d") or low.endswith(("'ve", "'d")):
        if low.endswith("'d"):
            return  # I'd = I would: the plain form follows
    elif low not in HAVE:
        return
    j = _skip_adverbs(toks, i + 1)
    verb = _at(toks, j)
    if verb is None or not _word(verb) or not verb.text.islower():
        return
    if verb.low in ("better", "to", "got", "been", "yet") or verb.low in lex.IRREGULAR_PARTICIPLE:
        return
    if verb.low in lex.IRREGULAR_PAST:
        fix = lex.IRREGULAR_PAST[verb.low].participle
    elif _base_verb(verb.low) and lex.participle(verb.low) != verb.low:
        auxiliary = low.endswith("'ve") and _low(toks, j + 1) in DETERMINERS_AFTER_VERB
        if (
            j == i + 1
            and not auxiliary
            and (
                verb.low in NOUN_LIKE_VERBS
                or (
                    verb.low in lex.classes().nouns
                    and verb.low not in lex.IRREGULAR
                    and verb.low not in VERB_ONLY
                )
            )
        ):
            return  # "have work to do", "had lunch"; but "you've load the kit": a verb
        after = _low(toks, j + 1)
        if after in ("to",) and j == i + 1:
            return
        fix = lex.participle(verb.low)
    else:
        return
    yield Hit(
        verb.start,
        verb.end,
        "verb-form",
        WARNING,
        f'"{t.text} … {verb.text}": after "have" the verb takes its past participle.',
        fix,
    )


BE = word_set("be been being is are was were am")


PASSIVE_NEXT = word_set("by for from about as via with automatically")
# A word the counts find as a verb this many times as often as a noun is read as a verb
# ("enhance" 618, "discuss" 167; "install" 8, "move" 4, "use" 11 are not).
MOSTLY_VERB = 20.0
# After "be" (not "is"), a plain verb before a preposition or the end of the clause is a
# passive missing its -ed: "can be apply in practice", "will be retire at some point".
PASSIVE_AFTER_BE = word_set(". , ; at in on into to using when if before after once until")


def _mostly_verb(word: str) -> bool:
    """Is the word rarely a noun ("discourage", "delete"), by the list or the counts?"""
    from afterview.writing.checks import ngram  # the counts load on first use

    return word in VERB_ONLY or ngram.verbiness(ngram.model(), word) >= MOSTLY_VERB


def after_be(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "can be notify", "is know for": after a form of "be", a verb that is rarely a noun
    or an adjective takes its past participle (passive)."""
    if toks[i].low not in BE:
        return
    j = _skip_adverbs(toks, i + 1)
    adverb = j > i + 1 and toks[j - 1].low.endswith("ly")  # "is strongly discourage"
    if any(toks[k].low in ("likely", "unlikely") for k in range(i + 1, j)):
        return  # "is likely fall": "to" is missing, not an -ed
    verb = _at(toks, j)
    if verb is None or not _word(verb) or not verb.text.islower():
        return
    w = verb.low
    nxt = _low(toks, j + 1)
    if (
        not _base_verb(w)
        or (w in NOUN_LIKE_VERBS and not (adverb and nxt in ("to", "by", "for", "as", "with")))
        or lex.is_adjective(w)
        or w in ("be", "do", "have", "better", "worse", "best", "well")  # "all is well with"
    ):
        return
    if (
        lex.participle(w) == w
        or _low(toks, i - 1) == "to"
        or not (_content_word(w) or w.endswith(("ply", "rely")))
    ):
        return
    if w in lex.IRREGULAR_PARTICIPLE or w in lex.ANY_PAST or w in PARTICLES:
        return  # "was met", "is found", "is out"
    if nxt == "-":
        return  # "being front-end developers"
    if toks[i].low not in ("been", "being") and not (
        nxt in PASSIVE_NEXT
        or (nxt == "of" and (w in VERB_ONLY or w not in lex.classes().nouns))  # "expect of"
        or ((toks[i].low == "be" or adverb) and nxt in PASSIVE_AFTER_BE)
        or (adverb and nxt in ("and", "or") and _low(toks, j + 2).endswith("ed"))
        or (adverb and _mostly_verb(w))  # "is strongly discourage even if"
    ):
        return  # a passive shows by what follows: "is know for", "be download from"
    yield Hit(
        verb.start,
        verb.end,
        "verb-form",
        WARNING,
        f'"{toks[i].text}{" … " if j > i + 1 else " "}{verb.text}": after "{toks[i].text}" the '
        f'verb takes its past participle ("{lex.participle(w)}").',
        lex.participle(w),
    )


def after_do(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "did not had", "doesn't needs": after do/does/did (+ not), the plain form; "I did
    sent the form": after a subject and an emphatic "did", a past form before its object."""
    low = toks[i].low
    j = i + 1
    emphatic = False
    if low in ("did", "does", "do") and _low(toks, i + 1) in ("not", "never"):
        j = i + 2
    elif low == "did" and _low(toks, i - 1) in THIRD_SINGULAR | {"i", "we", "you", "they"}:
        emphatic = True
    elif low not in ("didn't", "doesn't", "don't"):
        return
    verb = _at(toks, j)
    if verb is None or not _word(verb) or not verb.text.islower():
        return
    if emphatic and (
        (lex.past_base(verb.low) is None and verb.low not in lex.ANY_PAST)
        or _low(toks, j + 1) not in OBJECT_STARTS - PARTICLES
    ):
        return  # "I did reports", "we did advanced work": "did" is the verb itself
    irregular = lex.ANY_PAST.get(verb.low)
    base = lex.third_person_base(verb.low) or lex.past_base(verb.low)
    base = irregular.base if irregular is not None else base
    if base is None or verb.low in UNCOUNTED_S:
        return
    yield Hit(
        verb.start,
        verb.end,
        "verb-form",
        ERROR,
        f'"{verb.text}" after "{toks[i].text}": the plain form, "{base}".',
        base,
    )


OBJECT_STARTS = word_set(
    "out up down off it them him her me us you the a an this that our my your their"
)


# Words after which "to" marks an infinitive, never a preposition before a noun.
# After "to" + an -ed form, words that end a passive: "needs to updated to include".
PASSIVE_END = word_set(". , ; : ) to by for so before after accordingly and in on with from as")
INFINITIVE_BEFORE_TO = word_set(
    """able unable need needs needed want wants wanted going trying tried try how
    have has had used likely unlikely seem seems seemed allowed expected decided plan
    planning hope hoping"""
)


# Before "to" + a verb's -ing form, words whose "to" is always an infinitive's ("forgot to
# mentioning"), unlike "look forward to", "used to", "committed to", "agreed to" + -ing.
NEVER_GERUND_AFTER_TO = word_set(
    """able unable need needs needed want wants wanted going trying tried try likely
    unlikely seem seems seemed decided plan planning hope hoping forgot forget remember
    remembered begin began beginning begins continue continues continued wish intend
    intended promise promised refuse refused manage managed fail failed afford"""
)


def _ing_base(low: str) -> str | None:
    from afterview.writing.checks import verb_forms

    base = verb_forms.ing_base(low)
    return base if base is not None and verb_forms.lemma(low) == base else None


# After "to" and an irregular past ("to heard multiple viewpoints"), an object's start.
QUANTITY_STARTS = word_set("multiple many several some all any more each every other both no")
# After "to saw": what shows it was meant as "see".
WH_AFTER_SEE = word_set("what how if whether why when where who which")
# Past forms that are also the plain form of another verb ("to found a company").
PAST_ALSO_BASE = word_set("found ground wound bound saw lay fell left felt led lead")


def _irregular_past_before_name(toks: list[Tok], i: int, verb: Tok) -> bool:
    """An irregular past after "to" with a name after it: "to heard Chad's", "to met Rob"."""
    name = _at(toks, i + 2)
    return (
        verb.low in lex.ANY_PAST
        and verb.low not in PAST_ALSO_BASE
        and not verb.low.endswith("ed")
        and name is not None
        and _word(name)
        and name.text[:1].isupper()
    )


def _irregular_after_to(toks: list[Tok], i: int, verb: Tok) -> str | None:
    """The plain form of an irregular past after "to" (at i), where it cannot be another
    verb's plain form or an adjective."""
    after = _low(toks, i + 2)
    if verb.low == "found" and after == "out":
        return "find"  # "to found out"; "to found a company" is fine
    if verb.low in lex.IRREGULAR_PAST and verb.low not in ("saw", "left", "felt", "lead", "led"):
        return lex.IRREGULAR_PAST[verb.low].base
    if verb.low == "saw" and after in WH_AFTER_SEE:
        return "see"  # "to saw what is new"; "to saw the wood" is fine
    if _irregular_past_before_name(toks, i, verb) or (
        verb.low in lex.ANY_PAST
        and verb.low not in PAST_ALSO_BASE
        and after in (OBJECT_STARTS - PARTICLES) | QUANTITY_STARTS
    ):
        # "interested to heard Chad's perspective", "a pleasure to met you"
        return lex.ANY_PAST[verb.low].base
    return None


def after_to(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "to figured out", "to wrote": after infinitive "to", the plain form; an -ed word
    counts only when a particle or an object follows ("to limited resources" is fine)."""
    if toks[i].low != "to":
        return
    split = _low(toks, i + 1) == "better" and _any_verb_form(_low(toks, i + 2))
    if split:
        i += 1  # "to better supported access": "better" is an adverb there, the verb sure
    verb = _at(toks, i + 1)
    if verb is None or not _word(verb) or not verb.text.islower():
        return
    paired = False
    base = _irregular_after_to(toks, i, verb)
    if base is None and _low(toks, i - 1) in INFINITIVE_BEFORE_TO:
        base = lex.third_person_base(verb.low)  # "able to acts", "need to makes"
    if base is None and verb.low.endswith("ing") and _low(toks, i - 1) in NEVER_GERUND_AFTER_TO:
        base = _ing_base(verb.low)  # "forgot to mentioning", "beginning to falling"
    if base is None:
        base = lex.past_base(verb.low)
        infinitive = (
            split
            or (_low(toks, i - 1) in INFINITIVE_BEFORE_TO and _low(toks, i - 1) != "used")
            or _purpose_is_to(toks, i)
            or _low(toks, i + 2) in ("support", "ensure", "make", "create", "provide")
        )  # "is to improved web performance", "tools to helped support agencies"
        paired = _low(toks, i + 2) in ("and", "or") and _base_verb(_low(toks, i + 3))
        # "This load was to reached in excess of": "was to" plans, and no noun follows
        # ("the move was to automated trading" is a preposition's)
        planned = _low(toks, i - 1) in ("was", "were", "is", "are") and (
            _low(toks, i + 2) in PASSIVE_END
        )
        if _low(toks, i + 2) not in OBJECT_STARTS and not (infinitive or paired or planned):
            return  # "tried to provided information": "to" after "tried" is the infinitive's
    if base is None:
        return
    if verb.low.endswith("ed") and _low(toks, i + 2) in PASSIVE_END and not paired:
        # "needs to updated to include": a passive that lost its "be"
        fix = f"be {verb.text}"
        why = f'"to {verb.text}": after "to", "{base}", or "{fix}" for the passive.'
        yield Hit(verb.start, verb.end, "verb-form", WARNING, why, fix)
        return
    yield Hit(
        verb.start,
        verb.end,
        "verb-form",
        WARNING,
        f'"to {verb.text}": after "to" the verb takes its plain form, "{base}".',
        base,
    )


# --- homophones -----------------------------------------------------------------------------

YOURE_NEXT = word_set(
    """a an the not still always never already just really so very too about in on at here
    there right welcome ready able sure likely going looking coming doing getting trying
    planning hoping thinking probably definitely absolutely interested invited correct
    eligible responsible aware familiar new free"""
)
PREDICATIVE_ONLY = word_set("right welcome ready able sure likely new free familiar aware")


# Verbs that take "your" + a noun as their object: "need you're NHS number".
YOUR_OBJECT_VERBS = word_set(
    """need needs keep improve use update check enter change give share protect provide
    manage verify confirm save lose find show tell are is was were"""
)


# After "you're", words that are not a noun it owns: "you're welcome", "you're part of it".
YOURE_OK_NEXT = word_set(
    """welcome home part friends over set own done fine right top head next last first
    back out up down off in on all both one kidding lucky"""
)


ING_AFTER = word_set("by of for without before after about")
DETERMINERS = word_set("the a an any your our their this these those some its his her each every")


def _ing(base: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    return base + "ing"


def after_preposition(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "by explain the purpose", "without consider the risks": after a preposition a verb
    takes its -ing form. Only verbs English hardly uses as nouns, and only before a
    determiner, where the verb's object starts."""
    if toks[i].low not in ING_AFTER:
        return
    verb = _at(toks, i + 1)
    if verb is None or not verb.text.islower() or verb.low not in VERB_ONLY:
        return
    if _low(toks, i + 2) not in DETERMINERS:
        return
    fix = _ing(verb.low)
    if verb.low in ("begin", "forget", "submit", "permit", "admit", "occur", "refer"):
        fix = verb.low + verb.low[-1] + "ing"
    yield Hit(
        verb.start,
        verb.end,
        "verb-form",
        WARNING,
        f'"{toks[i].text} {verb.text}": after "{toks[i].text}" the verb takes its -ing form.',
        fix,
    )


# Nouns a letter says are the reader's ("your feedback"): after a preposition, "you" +
# one of them is "your" without its "r" ("Thank you for you time").
YOUR_NOUNS = word_set(
    """time consideration patience team feedback support interest kindness hospitality
    insight insights advice guidance company organisation organization offer email e-mail
    message note reply response call colleagues help thoughts input"""
)
SURE_YOUR = word_set("time consideration patience")
YOU_AFTER = word_set("for of about on with at to")


def you_your(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "Thank you for you time" (an error), "working with you team" (a warning)."""
    t = toks[i]
    if t.low != "you" or _low(toks, i - 1) not in YOU_AFTER:
        return
    noun = _at(toks, i + 1)
    if noun is None or noun.low not in YOUR_NOUNS or _low(toks, i + 2) in ("-", "'", "’"):
        return
    sure = _low(toks, i - 1) == "for" and noun.low in SURE_YOUR
    fix = match_case(t.text, "your")
    message = (
        f'"{t.text} {noun.text}" should be "{fix} {noun.text}": "your" = belonging to you.'
        if sure
        else f'Did you mean "{fix} {noun.text}"? "your" = belonging to you.'
    )
    yield Hit(
        t.start, noun.end, "you-your", ERROR if sure else WARNING, message, f"{fix} {noun.text}"
    )


# After "its", words only "it's" can come before: an adverb of the whole clause, a
# pronoun, "to"; and a comparison that goes on with "to"/"than" ("its better to").
# "its was great", "its has been": "it" and its verb (not "will", "can", "may", "must",
# which can be nouns after "its": "its will to win").
VERBS_AFTER_IT = word_set("is was has does did would could should might")
ITS_ONLY_IT_IS = word_set(
    "simply everything nothing extra certainly definitely probably actually obviously to"
)
COMPARATIVES = word_set("harder easier better worse simpler faster cheaper safer")


def its_it_is(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "its simply a draft", "its better to wait", "the easier its to plan"."""
    t = toks[i]
    if t.low != "its":
        return
    nxt = _low(toks, i + 1)
    if nxt in ITS_ONLY_IT_IS:
        end = i + 1
    elif nxt in COMPARATIVES and _low(toks, i + 2) in ("to", "than"):
        end = i + 2
    elif (
        nxt in ("more", "less") and _word(_at(toks, i + 2)) and _low(toks, i + 3) in ("to", "than")
    ):
        end = i + 3
    else:
        return
    if _low(toks, end + 1) in ("-", "'", "’"):
        return  # "its to-do list"
    fix = match_case(t.text, "it's") + text[t.end : toks[end].end]
    yield Hit(
        t.start,
        toks[end].end,
        "its-its",
        WARNING,
        f'Did you mean "{fix}"? "it\'s" = "it is" / "it has"; "its" = belonging to it.',
        fix,
    )


def _your_as_youre_ing(toks: list[Tok], i: int) -> bool:
    """ "When your telling users", "if your sending them": after a subordinator, "your" +
    a verb's -ing form + its object is "you're"."""
    if _low(toks, i - 1) not in ("when", "if", "while", "because", "since", "unless", "once"):
        return False
    w = _low(toks, i + 1)
    stem = w[:-3]
    if not w.endswith("ing") or not (lex.is_verb(stem) or lex.is_verb(stem + "e")):
        return False
    after = _low(toks, i + 2)
    return after in OBJECT_STARTS - PARTICLES or after in ("to", "people", "users", "customers")


def _youre_as_your(toks: list[Tok], i: int) -> bool:
    """ "need you're NHS number", "improve you're understanding", "What are you're patient
    details": "you're" between an object-taking verb or a preposition and a noun."""
    before = _low(toks, i - 1)
    if before not in YOUR_OBJECT_VERBS and (
        before not in PREPOSITIONS or before in ("like", "than", "as")
    ):
        return False
    nxt = toks[i + 1]
    w = nxt.low
    if (nxt.text.isupper() and len(nxt.text) > 1 and nxt.text.isalpha()) or (
        nxt.text.isalnum() and any(c.isdigit() for c in nxt.text) and nxt.text[:1].isalpha()
    ):
        return True  # "you're NHS number", "Keep you're h1 concise"
    if lex.is_adjective(w) and not w.endswith("ing") and before in ("are", "is", "was", "were"):
        follow = _low(toks, i + 2)
        return follow in lex.classes().nouns and not lex.is_adjective(
            follow
        )  # "are you're patient details"
    if not nxt.text.islower() or w in YOURE_OK_NEXT or w in PREDICATIVE_ONLY:
        return False
    if w.endswith(("ing", "ly")) or lex.is_adjective(w) or w in BE_ADJECTIVES:
        return before in YOUR_OBJECT_VERBS and w.endswith("ing") and _low(toks, i + 2) == "."
    return _singular_noun(w) or (w in lex.classes().nouns and not lex.is_verb(w))


def your_youre(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "your ready to", "If your a small-business owner", "your still at": "your" before
    an article, an adverb or a predicative adjective is "you're"; "you're interests": before
    a plural noun, "your"."""
    t = toks[i]
    nxt = _at(toks, i + 1)
    if nxt is None or not _word(nxt):
        return
    predicative = (
        nxt.low in YOURE_NEXT
        # "Your planning will benefit": an -ing word before a verb is the subject
        and not (nxt.low.endswith("ing") and _low(toks, i + 2) in MODALS | VERBS_AFTER_IT)
    ) or (
        (
            lex.is_adjective(nxt.low)
            or (
                nxt.low.endswith(("able", "ible", "ous", "ful"))
                and nxt.low not in lex.classes().nouns  # "Your table of contents"
            )
        )
        and _low(toks, i + 2) in PREPOSITIONS | {"to", "that", "and", ",", "."}
    )
    if t.low == "your" and _your_as_youre_ing(toks, i):
        predicative = True  # "When your telling users": you are telling
    if nxt.low in ("having", "being") and _low(toks, i - 1) in lex.GERUND_OWNERS:
        return  # "I appreciate your having taken the time": the reader's own act
    if t.low == "your" and predicative and _low(toks, i - 1) not in PREPOSITIONS:
        if nxt.low in PREDICATIVE_ONLY:
            after = _low(toks, i + 2)
            if _word(_at(toks, i + 2)) and after not in PREPOSITIONS | {"to", "that", "and"}:
                return  # "your new role", "your free time"
        yield Hit(
            t.start,
            t.end,
            "your-youre",
            WARNING,
            'Did you mean "you\'re"? "you\'re" = "you are"; "your" = belonging to you.',
            match_case(t.text, "you're"),
        )
    elif (t.low in ("you're", "you’re") and _youre_as_your(toks, i)) or (
        t.low == "you're" and nxt.text.islower() and _plural_noun(nxt.low)
    ):
        yield Hit(
            t.start,
            t.end,
            "your-youre",
            WARNING,
            'Did you mean "your"? "your" = belonging to you; "you\'re" = "you are".',
            match_case(t.text, "your"),
        )


ITS_ADJECTIVES = word_set("whole own entire overall core main original current full")
MONTHS_DAYS = word_set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december"""
)


IT_IS_NOUNS = word_set("time fun worth part ok okay home fine okay lunchtime bedtime")
IT_IS_ADJECTIVES = word_set(
    """important relevant urgent evident apparent convenient sufficient efficient
    irrelevant inconvenient consistent different vital essential crucial critical
    helpful useful difficult unclear obvious"""
)


def _its_owned_noun(toks: list[Tok], i: int) -> bool:
    """ "throughout it's lifetime.", "the image and it's context": after a preposition or
    "and", "it's" before a singular noun that ends the phrase is "its"."""
    before = _low(toks, i - 1)
    if before not in PREPOSITIONS and before not in ("and", "throughout"):
        return False
    w = _low(toks, i + 1)
    after = _at(toks, i + 2)
    ends = after is None or not _word(after) or after.low in PREPOSITIONS | {"and", "or"}
    return ends and _singular_noun(w) and not lex.is_verb(w) and w not in IT_IS_NOUNS


def possessive_its(t: Tok) -> Hit:
    """The warning for an "it's" that belongs to something: "its"."""
    return Hit(
        t.start,
        t.end,
        "its-its",
        WARNING,
        'Did you mean "its"? "its" = belonging to it; "it\'s" = "it is".',
        match_case(t.text, "its"),
    )


def its_its(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "it's outcomes", "it's whole approach": "it's" before a plural noun or before a
    possessive-only adjective is "its"; "Its Monday", "its more or less": "it's"."""
    t = toks[i]
    nxt = _at(toks, i + 1)
    if nxt is None or not _word(nxt):
        return
    if t.low in ("it's", "it’s"):
        if nxt.text.islower() and (
            _plural_noun(nxt.low)
            or (nxt.low in ITS_ADJECTIVES and _word(_at(toks, i + 2)))
            or _its_owned_noun(toks, i)
        ):
            yield possessive_its(t)
    elif t.low == "its" and (
        nxt.low in MONTHS_DAYS
        or (nxt.low == "more" and _low(toks, i + 2) == "or")
        or nxt.low in ("about", "because", "unclear", "unlikely")
        or (
            (
                lex.is_adjective(nxt.low)
                or nxt.low.endswith(("ary", "ible", "able"))
                or nxt.low in IT_IS_ADJECTIVES
            )
            and _low(toks, i + 2) in ("to", "that")
        )  # "its necessary to put", "its important that"
    ):
        yield Hit(
            t.start,
            t.end,
            "its-its",
            WARNING,
            'Did you mean "it\'s"? "it\'s" = "it is" / "it has"; "its" = belonging to it.',
            match_case(t.text, "it's"),
        )
    elif t.low == "its" and nxt.low in VERBS_AFTER_IT:
        yield Hit(
            t.start,
            t.end,
            "its-its",
            WARNING,
            f'Did you mean "it {nxt.text}"? "its" = belonging to it, and a noun follows it.',
            match_case(t.text, "it"),
        )


AFTER_PLACE_THERE = word_set(
    "over in from out up down here is are was were be any get got go went been not still"
)


def _content_word(word: str) -> bool:
    """Not a closed-class word nor an -ly adverb: in "there hiring process", "process"."""
    closed = PREPOSITIONS | DETERMINERS | PRONOUNS | BE | HAVE | MODALS | ADVERBS
    return word not in closed and word not in SUBORDINATORS and not word.endswith("ly")


def _there_before_owned(toks: list[Tok], i: int) -> bool:
    """ "about there child's age", "having there NHS number", "use there preferred
    browser": after a preposition or a verb, "there" before a possessive, an acronym or a
    participle and its noun is "their"."""
    before = _low(toks, i - 1)
    if not (
        before in POSSESSIVE_PREPOSITIONS
        or (before.endswith("ing") and (lex.is_verb(before[:-3]) or lex.is_verb(before[:-3] + "e")))
        or (_base_verb(before) and before not in BE | HAVE | MODALS and before != "do")
    ):
        return False
    nxt = toks[i + 1]
    if nxt.text.endswith(("'s", "’s")) and nxt.text[:1].islower():
        return True  # "there child's"
    follow = _at(toks, i + 2)
    if nxt.text.isupper() and len(nxt.text) > 1 and nxt.text.isalpha():
        return follow is not None and _word(follow) and follow.text.islower()  # "there NHS number"
    return (
        nxt.low.endswith("ed")
        and lex.past_base(nxt.low) is not None
        and follow is not None
        and _word(follow)
        and follow.text.islower()
        and _content_word(follow.low)
        and not lex.is_verb(follow.low)
    )  # "use there preferred assistive technology"


def there_their(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "there heads", "there permitting process", "there child welfare": "there" before a
    noun phrase is "their"; not before an existential verb ("there remains"), a time word
    ("there today") or after "over"/"in"/"from"."""
    t = toks[i]
    if t.low not in ("there", "they're"):
        return
    nxt = _at(toks, i + 1)
    if nxt is None or not _word(nxt):
        return
    if _low(toks, i - 1) in AFTER_PLACE_THERE:
        return  # "over there", "get there", "is there"
    if t.low == "there" and _there_before_owned(toks, i):
        yield Hit(
            t.start,
            t.end,
            "their-there",
            WARNING,
            'Did you mean "their"? "their" = belonging to them; "there" = that place.',
            match_case(t.text, "their"),
        )
        return
    if not nxt.text.islower():
        return
    w = nxt.low
    if w in EXISTENTIAL or w in TIME_NOUNS or w in MODALS or w.endswith("ly"):
        return
    if w in BE or w in HAVE or w in PRONOUNS or w in DETERMINERS or w in PREPOSITIONS:
        return
    follow = _at(toks, i + 2)
    noun_phrase = False
    if (_plural_noun(w) and (lex.s_stem(w) or "") in lex.classes().nouns) or (
        w.endswith("ing")
        and _word(follow)
        and follow is not None
        and follow.text.islower()
        and _content_word(follow.low)
    ):
        noun_phrase = True
    elif _singular_noun(w) and not lex.is_verb(w) and w not in PREPOSITIONS and _word(follow):
        noun_phrase = (
            follow is not None
            and (follow.low in lex.classes().nouns or follow.low in PREPOSITIONS)
            and follow.low not in ("is", "was", "are", "were")
        )
    if not noun_phrase:
        return
    if t.low == "they're" and (w.endswith("ing") or lex.is_verb(w) or _plural_noun(w)):
        return  # "they're going to", "they're experts"
    yield Hit(
        t.start,
        t.end,
        "their-there",
        WARNING,
        'Did you mean "their"? "their" = belonging to them; "there" = that place.',
        match_case(t.text, "their"),
    )


SUBORDINATORS = word_set(
    "while when because since if once until unless although though whether whereas"
)


# After a sentence's first "Were", the verbs of a question about a place: "Were is it?"
WHERE_ASKS = word_set("is are was do does did can should will would shall")


def were_where(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "we where", "who where working": "where" after a subject is "were"; "while were
    asleep", sentence-initial "Were thrilled": "were" with no subject is "we're"; "the
    problem were trying to solve": a singular noun, "were" and an -ing verb: "we're"."""
    t = toks[i]
    prev = _low(toks, i - 1)
    nxt = _at(toks, i + 1)
    if t.low == "where" and prev in ("we", "you", "they", "who"):
        yield Hit(
            t.start,
            t.end,
            "were-where",
            ERROR,
            f'"{toks[i - 1].text} {t.text}" should be "{toks[i - 1].text} were".',
            match_case(t.text, "were"),
        )
        return
    if t.low != "were" or nxt is None or not _word(nxt):
        return
    sentence_start = i == 0 or prev in (".", "!", "?", ":") or (toks[i].line_start and prev != ",")
    subjectless = (
        prev in SUBORDINATORS
        or (prev == "that" and _low(toks, i - 2) in ("now", "so"))
        or (sentence_start and t.text == "Were")
    )
    if subjectless and nxt.low not in word_set(
        "you we they i he she it there the a an this that these those all both any some your our"
    ):
        if sentence_start and nxt.low in WHERE_ASKS:  # "Were is the meeting?": a question
            yield Hit(
                t.start,
                t.end,
                "were-where",
                WARNING,
                'Did you mean "Where"? "where" asks for a place; "were" is the past of "are".',
                match_case(t.text, "where"),
            )
            return
        yield Hit(
            t.start,
            t.end,
            "were-where",
            WARNING,
            'Did you mean "we\'re"? "we\'re" = "we are"; "were" needs a subject.',
            match_case(t.text, "we're"),
        )
    elif nxt.low.endswith("ing") and _singular_noun(prev) and lex.is_verb(nxt.low[:-3] or "x"):
        yield Hit(
            t.start,
            t.end,
            "were-where",
            WARNING,
            f'Did you mean "we\'re"? "the {prev} we\'re …": "were" after "{prev}" has no '
            "subject that agrees.",
            "we're",
        )


# Words after which "too" + a verb is "to" + an infinitive: "the best way too test".
TOO_BEFORE_VERB = word_set(
    """best idea opportunity chance time way able about how easier easy hard harder need
    needs want wants try going used important good better"""
)
# Adjectives that are not comparable by -er (so not in the lexicon's class) but often
# follow "too": "the service to difficult to navigate".
TOO_ADJECTIVES = word_set(
    """difficult complicated complex expensive confusing technical risky important
    specific general detailed formal informal generic vague broad narrow"""
)


TOO_DETERMINERS = word_set("the a an another this these those your their our my his its")
TO_BECOME = word_set("getting get gets got become becomes became seem seems looks")


def too_to(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "too explore", "about too release": before a verb's plain form it is "to";
    "to easy to", "to high for": before an adjective that a comparison or an infinitive
    follows, "too"."""
    t = toks[i]
    nxt = _at(toks, i + 1)
    if nxt is None or not _word(nxt) or not nxt.text.islower():
        return
    w = nxt.low
    if t.low == "too" and w in TOO_DETERMINERS and _low(toks, i - 1) not in (",", "me", "you"):
        yield Hit(
            t.start,
            nxt.end,
            "to-too",
            WARNING,
            'Did you mean "to"? Before "the", "a" or "another" it is "to"; "too" = also.',
            "to" + text[t.end : nxt.end],
        )
    elif t.low == "too":
        if w.startswith("re") and lex.is_verb(w[2:]) and not lex.is_adjective(w):
            w = w[2:]  # "too reorder": a verb with "re-"
        if w.endswith(("ise", "ize")) and w not in ("wise", "size", "precise", "concise"):
            w = "make"  # "too jeopardise": a verb the word classes may not list
        if w in NOUN_LIKE_VERBS and (
            _low(toks, i + 2) in OBJECT_STARTS - PARTICLES or _plural_noun(_low(toks, i + 2))
        ):
            w = "make"  # "too set expectations", "too reorder items": a verb and its object
        if (
            _base_verb(w)
            and not lex.is_adjective(w)
            and w not in lex.classes().adjectives
            and (
                w not in NOUN_LIKE_VERBS
                or w in ("access", "work", "help", "share", "review")
                or _low(toks, i - 1) in TOO_BEFORE_VERB
            )
            and not w.endswith("ly")
            and w not in word_set("much many little few long")
        ):
            if _low(toks, i - 1) == "," or (
                _low(toks, i - 1) in ("me", "you", "us", "them") and not _word(_at(toks, i + 2))
            ):
                return  # "see you too.", "me too, thanks"
            yield Hit(
                t.start,
                nxt.end,
                "to-too",
                WARNING,
                'Did you mean "to"? Before a verb it is "to"; "too" = excessively or also.',
                "to" + text[t.end : nxt.end],
            )
    elif (
        t.low == "to"
        and (lex.is_adjective(w) or w in TOO_ADJECTIVES)
        and (not lex.is_verb(w) or _low(toks, i - 1) in BE | TO_BECOME)
        and w not in ("best", "most", "least", "worst")
    ):
        after = _low(toks, i + 2)
        if after in ("for", "to", ".", ",", "!", "?", "in", "and", "but", "that"):
            if _low(toks, i - 1) in (
                "up",
                "down",
                "back",
                "close",
                "next",
                "due",
                "from",
                "according",
            ):
                return
            yield Hit(
                t.start,
                nxt.end,
                "to-too",
                WARNING,
                'Did you mean "too"? "too" = excessively; "to" is the preposition.',
                "too" + text[t.end : nxt.end],
            )


def affect_effect(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "positively effect": after an -ly adverb, the verb "affect"; "of affect", "the kind
    of affect": after a preposition, the noun "effect"."""
    t = toks[i]
    prev = _low(toks, i - 1)
    if (
        t.low == "effect"
        and prev.endswith("ly")
        and len(prev) > 4
        and _low(toks, i - 2) not in DETERMINERS
    ):
        yield Hit(
            t.start,
            t.end,
            "affect-effect",
            WARNING,
            'Did you mean "affect"? To influence is "affect"; "effect" is the result.',
            match_case(t.text, "affect"),
        )
    elif t.low == "affect" and prev in ("of", "with", "for", "without", "little", "much"):
        yield Hit(
            t.start,
            t.end,
            "affect-effect",
            WARNING,
            'Did you mean "effect"? The noun is "effect"; "affect" is the verb.',
            match_case(t.text, "effect"),
        )


# --- missing small words ----------------------------------------------------------------------

NEEDS_THE = word_set("same right wrong whole entire following")
NOT_NOUN_AFTER_RIGHT = word_set("now away here there after before back then up on in")
TO_VERBS = word_set(
    """want wants wanted need needs needed ask asks asked expect expects expected allow
    allows allowed enable enables enabled designed encourage encouraged invite invited
    require requires required told tell remind reminded urge urged build built"""
)
# These also take a clause whose subject may be "you" or "it": "I expect you know".
THAT_CLAUSE_VERBS = word_set("expect expects expected told tell remind reminded")
# After these, a plain verb needs "to": "need know", "able make", "how use the kit".
TO_BEFORE_VERB = word_set(
    """need needs needed want wants wanted able unable how remember going tend tends seem
    seems decide decided hope hoped intend intends aim aims manage managed fail failed
    refuse refused forget forgot afford hesitate"""
)
# Verbs that report a fact, before "that": "needs show that", not a noun before "that".
REPORTING_VERBS = word_set("show prove mean suggest confirm explain demonstrate ensure state")
# "how well", "how long": a degree, not a verb.
HOW_DEGREE = word_set("well much many long far often soon little few best more most late")
OBJECT_PRONOUNS = word_set("it them us me him her this these those")


def _bare_infinitive(toks: list[Tok], j: int, after_how: bool) -> bool:
    """Is toks[j] a plain verb that should have had "to" before it? A verb that is rarely
    a noun always; one that is often a noun ("test", "show") only before an object
    pronoun or, after "how", a determiner ("how use the kit")."""
    verb = _at(toks, j)
    if not _word(verb) or verb is None or not verb.text.islower():
        return False
    w = verb.low
    if not _base_verb(w) or w in ("be", "have", "do", "not") or w.endswith(("ing", "ed")):
        return False
    if lex.is_adjective(w) or w in PARTICLES or w in ADVERBS or w in HOW_DEGREE:
        return False
    if not _content_word(w) or w in PREPOSITIONS:
        return False
    if _low(toks, j - 2) in DETERMINERS or _low(toks, j - 2).endswith(("'s", "’s", "s'")):
        return False  # "the needs of users", "the user's needs"
    nxt = _low(toks, j + 1)
    if after_how and _low(toks, j - 2) in ("know", "knows", "knew", "learn") and nxt == "":
        return False
    noun_like = w in NOUN_LIKE_VERBS or (
        w in lex.classes().nouns and w not in lex.IRREGULAR and w not in VERB_ONLY
    )
    if not noun_like:
        return nxt != "-"
    return (
        nxt in OBJECT_PRONOUNS
        or (nxt in ("the", "a", "an", "your", "their", "our", "that") and after_how)
        or (nxt == "that" and w in REPORTING_VERBS)  # "needs show that the component works"
    )


BE_ADJECTIVES = word_set(
    """responsible available accountable eligible ready able aware happy glad pleased
    possible necessary important sure careful clear present"""
)


def missing_word(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "on right track", "in same way": a preposition, then same/right/wrong/whole + noun,
    needs "the"; "We designed it have": after want/need/ask/… + object, "to"; "going to
    responsible": before an adjective after "to" or a modal, "be"."""
    t = toks[i]
    nxt = _at(toks, i + 1)
    if nxt is None or not _word(nxt):
        return
    after = _at(toks, i + 2)
    if t.low in PREPOSITIONS and nxt.low in NEEDS_THE and _word(after) and after is not None:
        if (
            after.low in NOT_NOUN_AFTER_RIGHT
            or after.low in PREPOSITIONS
            or not after.text.islower()
        ):
            return
        if after.low in lex.classes().nouns or _plural_noun(after.low):
            yield Hit(
                nxt.start,
                after.end,
                "missing-word",
                WARNING,
                f'"{nxt.text} {after.text}" needs "the": "{t.text} the {nxt.text} …".',
                f"the {text[nxt.start : after.end]}",
            )
    elif (
        t.low in TO_BEFORE_VERB or (t.low in ("likely", "unlikely") and _low(toks, i - 1) in BE)
    ) and _bare_infinitive(toks, i + 1, t.low == "how"):
        yield Hit(
            t.start,
            nxt.end,
            "missing-word",
            WARNING,
            f'"{t.text} {nxt.text}" is missing "to": "{t.text} to {nxt.text}".',
            f"{t.text} to {nxt.text}",
        )
    elif (
        t.low in TO_VERBS
        and not (t.low in THAT_CLAUSE_VERBS and nxt.low in ("you", "it"))  # "I expect you know"
        and (
            nxt.low in ("it", "them", "him", "her", "us", "me", "you", "someone", "people", "users")
            or (_plural_noun(nxt.low) and nxt.text.islower() and _low(toks, i - 1) != "the")
        )
        and after is not None
        and _content_word(after.low)
        and after.low not in PREPOSITIONS
        and after.low not in PARTICLES
        and after.low not in ("home", "here", "there", "now", "all", "both", "too", "so")
    ):
        if _word(after) and (
            after.low in ("have", "be", "do")
            or (_base_verb(after.low) and after.low not in NOUN_LIKE_VERBS)
            or (
                _base_verb(after.low)
                and after.text.islower()
                and not after.low.endswith("ing")
                and _low(toks, i + 3) in OBJECT_STARTS - PARTICLES
            )
        ):
            yield Hit(
                nxt.start,
                after.end,
                "missing-word",
                WARNING,
                f'"{t.text} {nxt.text} {after.text}" is missing "to".',
                f"{nxt.text} to {after.text}",
            )
    elif (
        (
            t.low in MODALS
            or (
                t.low == "to"
                and _low(toks, i - 1) in ("going", "have", "has", "need", "want", "used")
            )
        )
        and nxt.low in BE_ADJECTIVES
        and nxt.text.islower()
    ):
        if t.low in MODALS and nxt.low in ("present", "clear", "sure"):
            return
        yield Hit(
            nxt.start,
            nxt.end,
            "missing-word",
            WARNING,
            f'"{t.text} {nxt.text}" is missing "be".',
            f"be {nxt.text}",
        )


# --- more homophones, by the classes around them -------------------------------------------

THEYRE_ADJECTIVES = word_set(
    """happy willing able unable sure likely unlikely ready interested busy better worse
    aware eligible available responsible right wrong keen glad pleased confident new
    welcome free late early"""
)
THEYRE_NEXT = word_set("to than with about for . , that and if when but because so")
THERE_ADJECTIVES_OK = word_set("likely unlikely available right late early new free welcome")
THERE_VERBS = word_set("needs seems appears remains will would could may might must should")


def their_theyre(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "if their happy to", "their better than", "their doing something": "their" before
    a predicative adjective or an -ing verb with an object is "they're"; "Their needs to
    be", "Their will often be": before a verb and "be" it is "there"."""
    t = toks[i]
    if t.low not in ("their", "there"):
        return
    nxt = _at(toks, i + 1)
    if nxt is None or not _word(nxt) or not nxt.text.islower():
        return
    w, after = nxt.low, _low(toks, i + 2)
    if t.low == "there":
        if (
            w in THEYRE_ADJECTIVES - THERE_ADJECTIVES_OK
            and after in ("to", "with", "about", "for")
            and _low(toks, i - 1) in SUBORDINATORS | {"that", "but", "and", "so"}
        ):  # "if there willing to try": they're
            yield Hit(
                t.start,
                t.end,
                "their-there",
                WARNING,
                'Did you mean "they\'re"? "they\'re" = "they are"; "there" = that place.',
                match_case(t.text, "they're"),
            )
        return
    ing = w.endswith("ing") and (lex.is_verb(w[:-3]) or lex.is_verb(w[:-3] + "e"))
    subject = _clause_start(toks, i)  # not "we appreciate their helping us": a gerund
    if subject and (
        (w in THEYRE_ADJECTIVES and after in THEYRE_NEXT)
        or (ing and after in OBJECT_STARTS - {"out", "up", "down", "off"} | {"something", "well"})
    ):
        yield Hit(
            t.start,
            t.end,
            "their-there",
            WARNING,
            'Did you mean "they\'re"? "they\'re" = "they are"; "their" = belonging to them.',
            match_case(t.text, "they're"),
        )
        return
    if not _clause_start(toks, i) or w not in THERE_VERBS:
        return
    j = _skip_adverbs(toks, i + 2)
    if _low(toks, j) == "to":
        j += 1
    if _low(toks, j) in ("be", "been"):
        yield Hit(
            t.start,
            t.end,
            "their-there",
            WARNING,
            'Did you mean "there"? "there needs to be"; "their" = belonging to them.',
            match_case(t.text, "there"),
        )


PLACE_VERBS = word_set(
    """be is are was were been being go goes went gone going get gets got getting come comes
    came coming stay stays stayed live lives lived move moved sit sat stand stood arrive
    arrived remain remained travel travelled walk walked run ran drive drove return
    returned put keep kept leave left work worked meet met sleep wait waited happen
    happened exist seem appear say said"""
)
NOT_A_NOUN_AFTER_THERE = word_set(
    """nothing anything something everything nobody anybody somebody everybody none where
    who which anyways anyway either too as instead yet"""
)
POSSESSIVE_PREPOSITIONS = word_set(
    "of for with about to upon on into regarding towards toward against by"
)


def there_noun(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "for there expertise", "of there digital confidence", "waste there time", "find
    there NHS number": after a preposition or a verb that takes an object, "there" before
    a noun phrase is "their" (not after "go", "get", "stay": "go there today")."""
    t = toks[i]
    if t.low != "there" or not t.text.islower():
        return
    prev, nxt = _at(toks, i - 1), _at(toks, i + 1)
    if prev is None or nxt is None or not _word(prev) or not _word(nxt):
        return
    p = prev.low
    after_verb = (
        prev.text.islower()
        and p not in PLACE_VERBS
        and p not in PARTICLES
        and _low(toks, i - 2) not in DETERMINERS  # "got the job there": a noun
        and (
            _base_verb(p)
            or lex.past_base(p) is not None
            or (p.endswith("ing") and (lex.is_verb(p[:-3]) or lex.is_verb(p[:-3] + "e")))
        )
    )
    if p not in POSSESSIVE_PREPOSITIONS and not after_verb:
        return
    w = nxt.low
    if w in TIME_NOUNS or w in BE or w in HAVE or w in MODALS or w in EXISTENTIAL:
        return
    if w in PRONOUNS or w in DETERMINERS or w in PREPOSITIONS or w.endswith("ly"):
        return
    if w in CLAUSE_OPENERS or w in NOT_A_NOUN_AFTER_THERE:
        return
    if _low(toks, i + 2) in ("is", "are", "was", "were", "'s") and not nxt.text.islower():
        return
    follow = _at(toks, i + 2)
    noun = w in lex.classes().nouns or _plural_noun(w) or w in word_set("expertise data")
    acronym = nxt.text.isupper() and len(nxt.text) > 1
    modifier = (lex.is_adjective(w) or w.endswith(("al", "ive", "ous", "ful", "ed"))) and (
        follow is not None and _word(follow) and (follow.low in lex.classes().nouns)
    )
    if not (noun or acronym or modifier) or (nxt.text[0].isupper() and not acronym):
        return
    if follow is not None and _word(follow) and follow.low in BE | MODALS and not acronym:
        return  # "from there users can": "there" is the place
    yield Hit(
        t.start,
        t.end,
        "their-there",
        WARNING,
        'Did you mean "their"? "their" = belonging to them; "there" = that place.',
        match_case(t.text, "their"),
    )


# Words that open a comparison "than" completes, beside the comparatives in -er.
COMPARED = word_set(
    """more less fewer rather other others else different differently otherwise prefer
    preferred preferable sooner later further farther better worse best superior inferior
    above below elsewhere twice"""
)
NOT_COMPARATIVES = word_set("number order other never ever under over after")


def _comparative(word: str) -> bool:
    """ "nicer", "simpler", "busier", "bigger": an adjective's -er form."""
    if len(word) < 4 or not word.endswith("er") or word in NOT_COMPARATIVES:
        return False
    stems = (word[:-2], word[:-1], word[:-3] + "y", word[:-3] if word[-3] == word[-4] else "")
    return any(stem and lex.is_adjective(stem) for stem in stems)


def _compared_before(toks: list[Tok], i: int) -> bool:
    """Does the sentence before the "than" at i hold what compares ("more", "rather",
    "faster")? Without it, "than" is "then": "if you need both fields than the label
    is", "you cannot than check" (P5; found by slipping "then" in real sentences)."""
    for j in range(i - 1, max(-1, i - 40), -1):
        low = toks[j].low
        if low in (".", "!", "?", ";"):
            return False
        if low in COMPARED or _comparative(low):
            return True
    return False


# Words before "to" that take a verb after it ("want to", "a chance to", "in order to").
INFINITIVE_BEFORE = word_set(
    """need needs needed want wants wanted try tries tried trying plan plans planned hope
    hopes expect decide decided agree agreed aim aims seem seems tend intend attempt able
    unable going prefer preference chance opportunity way ability order allow allows
    allowed enable enables help helps required require requires asked ask continue
    continues begin began start started like love would used ready keen eager willing
    glad happy pleased delighted designed meant supposed"""
)
# Adjectives whose "to" marks an infinitive and seldom leads a noun ("difficult to know",
# "free to ask"; not "useful to teams", "important to users").
INFINITIVE_ADJECTIVES = word_set(
    "difficult easy easier hard harder possible impossible simple simpler free quick quicker"
)
# Feelings before an infinitive: "sorry to have missed you", "glad to have met".
GLAD_WORDS = word_set("sorry glad happy pleased nice great good sad delighted thrilled lucky")
# Nouns whose "is to" states a plan: "The target is to assign", "the aim was to improve".
PURPOSE_NOUNS = word_set(
    """aim aims goal goals objective objectives target targets purpose idea plan point job
    task role intention mission priority focus hope ambition challenge step"""
)


def _purpose_is_to(toks: list[Tok], i: int) -> bool:
    """Is the "to" at i an infinitive's after "is"/"was" and a noun of purpose ("The main
    objective of this project is to improved")?"""
    if _low(toks, i - 1) not in ("is", "was", "are", "were"):
        return False
    return any(_low(toks, k) in PURPOSE_NOUNS for k in range(max(0, i - 8), i - 1))


# What follows a verb and hardly ever a plural noun: an object ("to supports it").
OBJECT_AFTER = word_set("the a an these those our your their its my his her it them us you him me")


def to_s_verb(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "a preference to receives product news", "to supports it": after "to" the verb
    takes its plain form. The -s word is judged a verb when "to" follows a word that
    takes an infinitive, or an object follows it (a plural noun after the preposition
    "to", "talk to users", is neither). Found by slipping -s forms into real sentences."""
    if toks[i].low != "to":
        return
    nxt = _at(toks, i + 1)
    if nxt is None or not _word(nxt) or not nxt.text.islower() or not nxt.low.endswith("s"):
        return
    if nxt.low == "has" and (
        _low(toks, i - 1) in INFINITIVE_BEFORE | INFINITIVE_ADJECTIVES | GLAD_WORDS
        or (toks[i - 1].text[:1].isupper() and _low(toks, i - 2) in INFINITIVE_BEFORE)
    ):
        # "Sorry to has missed you", "allows Accenture to has"; not "the person I spoke
        # to has left", where "to" ends a clause
        yield Hit(
            nxt.start,
            nxt.end,
            "verb-form",
            WARNING,
            'Did you mean "have"? After "to" the verb takes its plain form.',
            match_case(nxt.text, "have"),
        )
        return
    if nxt.low in UNCOUNTED_S or nxt.low in ("is", "has", "does", "was", "us", "this"):
        return
    base = lex.third_person_base(nxt.low)
    if base is None or not lex.is_verb(base):
        return
    opens = toks[i].text == "To" and (i == 0 or _low(toks, i - 1) in (".", "!", "?", ":", "\n"))
    if (
        _low(toks, i - 1) not in INFINITIVE_BEFORE | INFINITIVE_ADJECTIVES
        and _low(toks, i + 2) not in OBJECT_AFTER
        and not opens
        and not _purpose_is_to(toks, i)
    ):
        return  # "talk to users"; not "To finds information, go to", "difficult to knows"
    yield Hit(
        nxt.start,
        nxt.end,
        "verb-form",
        WARNING,
        f'Did you mean "{base}"? After "to" the verb takes its plain form.',
        match_case(nxt.text, base),
    )


def than_then(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "Than divide this by", "you can than test": a sentence that starts with "Than",
    and "than" after a modal, are "then"."""
    t = toks[i]
    if t.low != "than":
        return
    prev = _at(toks, i - 1)
    first = prev is None or prev.low in (".", "!", "?") or (t.line_start and t.text == "Than")
    after_modal = _low(toks, i - 1) in MODALS and (
        _low(toks, i - 2) in PRONOUNS or _low(toks, i - 2) in ("which", "who", "then")
    )  # "you can than test"; not "a stronger will than you think"
    if not (first and t.text == "Than") and not after_modal and _compared_before(toks, i):
        return
    nxt = _at(toks, i + 1)
    if nxt is None or not _word(nxt) or nxt.low in ("ever", "usual", "before", "expected"):
        return
    yield Hit(
        t.start,
        t.end,
        "then-than",
        WARNING,
        'Did you mean "then"? "then" is about time or order; "than" compares.',
        match_case(t.text, "then"),
    )


WHERE_SUBJECTS = word_set("we you they i he she it there people")
FINITE_AFTER_SUBJECT = word_set(
    "is are was has have can will should must may might could would does do"
)


def were_where_subject(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "were you share user research", "Show were traffic is coming", "Were there is":
    "were" + a subject + a finite verb is "where"."""
    t = toks[i]
    if t.low != "were":
        return
    subj, verb = _at(toks, i + 1), _at(toks, i + 2)
    if subj is None or verb is None or not _word(subj) or not _word(verb):
        return
    s, v = subj.low, verb.low
    pronoun = s in WHERE_SUBJECTS
    noun = subj.text.islower() and (s in lex.classes().nouns or _plural_noun(s))
    if not pronoun and (not noun or lex.is_adjective(s)):
        return  # (the lexicon counts "we" as an adjective: wee, weer)
    if v in FINITE_AFTER_SUBJECT and not (s == "there" and v in ("are", "were")):
        pass
    elif pronoun and s != "there" and _base_verb(v) and v not in NOUN_LIKE_VERBS | {"sure"}:
        pass  # "were you share"
    else:
        return
    if v in ("have", "do") and s in ("you", "we", "they"):
        return  # "Were you have…" is rare; "what were we do…" unclear
    yield Hit(
        t.start,
        t.end,
        "were-where",
        WARNING,
        'Did you mean "where"? "where" = at which place; "were" is the past of "are".',
        match_case(t.text, "where"),
    )


LOSE_OBJECTS = word_set(
    """patience interest track sight touch focus money time control weight customers users
    trust confidence momentum data access the your their our my his her its them it
    everything anything"""
)


def loose_lose(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "make them loose patience", "loose track of": "loose" before what one can lose is
    the verb "lose"."""
    t = toks[i]
    if t.low in ("loosing", "looses") and _low(toks, i - 1) not in ("arrows", "the"):
        yield Hit(  # "by loosing the main point": "loosing" (setting free) is rare in a letter
            t.start,
            t.end,
            "lose-loose",
            WARNING,
            f'Did you mean "{t.low.replace("loos", "los")}"? To "lose" is to stop having; '
            '"loose" = not tight.',
            match_case(t.text, t.low.replace("loos", "los")),
        )
        return
    if t.low == "loose" and _low(toks, i + 1) in LOSE_OBJECTS:
        if _low(toks, i - 1) in ("cut", "set", "break", "let", "hang", "turned"):
            return
        yield Hit(
            t.start,
            t.end,
            "lose-loose",
            WARNING,
            'Did you mean "lose"? To "lose" is to stop having; "loose" = not tight.',
            match_case(t.text, "lose"),
        )


def whos_whose(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "a venue who's host can manage": "who's" + a noun + a verb is "whose"."""
    t = toks[i]
    if t.low != "who's":
        return
    noun, verb = _at(toks, i + 1), _at(toks, i + 2)
    if noun is None or verb is None or not _word(noun) or not noun.text.islower():
        return
    w = noun.low
    if w.endswith(("ing", "ed", "ly")) or lex.is_adjective(w) or w in PRONOUNS | DETERMINERS:
        return
    if not (w in lex.classes().nouns or _plural_noun(w)):
        return
    if verb.low in MODALS | BE | HAVE or lex.third_person_base(verb.low) is not None:
        yield Hit(
            t.start,
            t.end,
            "whose-whos",
            WARNING,
            'Did you mean "whose"? "whose" = belonging to whom; "who\'s" = "who is".',
            match_case(t.text, "whose"),
        )


# What is brought about, so rightly "effected": "The changes were effected by the board".
EFFECTED = word_set("change changes reform reforms transformation improvement improvements repairs")


# Verbs a letter puts in the progressive after "I am", "we are": "I am look forward" is
# "I am looking forward"; a short list, since most base forms after "be" are nouns or
# adjectives ("I am interest", "we are plan") that want other fixes.
PROGRESSIVE_VERBS = word_set(
    """look write work meet hope try apply reach follow wait come call send prepare start
    finish travel move think consider leave return visit attend join speak talk plan"""
)
CLAUSE_OPENERS = word_set("and but so because since as if when while though although once")
SUBJECT_BE = {"i": "am", "we": "are", "they": "are", "you": "are", "he": "is", "she": "is"}
# What follows a progressive verb in these letters (an object, a particle, "forward").
PROGRESSIVE_NEXT = word_set(
    """forward to on for with at about up out back in the a an my our your this that these
    those it you them him her me us"""
)


def be_base_progressive(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "I am look forward", "she is work on it", "we are meet the client": a pronoun,
    its form of "be" and a plain verb: the progressive's -ing was dropped."""
    t = toks[i]
    if t.low not in ("am", "is", "are") or i == 0:
        return
    subject = toks[i - 1].low
    if SUBJECT_BE.get(subject) != t.low:
        return
    if i >= 2 and _word(toks[i - 2]) and toks[i - 2].low not in CLAUSE_OPENERS:
        return  # "what I am" / "than they are": not a clause's own subject
    verb = _at(toks, i + 1)
    if verb is None or not _word(verb) or verb.low not in PROGRESSIVE_VERBS:
        return
    if verb.low == "plan" and _low(toks, i + 2) != "to":
        return  # "we are plan B"
    if _low(toks, i + 2) not in PROGRESSIVE_NEXT:
        return
    from afterview.writing.checks.verb_forms import ing  # it imports this module

    fix = ing(verb.low)
    yield Hit(
        verb.start,
        verb.end,
        "verb-form",
        WARNING,
        f'"{t.text} {verb.text}": after "{t.text}" the verb takes its -ing form, "{fix}".',
        match_case(verb.text, fix),
    )


def be_effected(toks: list[Tok], i: int, text: str) -> Iterator[Hit]:
    """ "It is effected by the volume": the passive of "affect" (influence)."""
    t = toks[i]
    if t.low != "effected" or _low(toks, i + 1) != "by":
        return
    j = i - 1
    while j >= 0 and _word(toks[j]) and toks[j].low.endswith("ly"):
        j -= 1
    if _low(toks, j) in BE | {"get", "gets", "got"} and _low(toks, j - 1) not in EFFECTED:
        yield Hit(
            t.start,
            t.end,
            "affect-effect",
            WARNING,
            'Did you mean "affected"? To influence is "affect"; to "effect" is to bring about.',
            match_case(t.text, "affected"),
        )


RULES: tuple[Rule, ...] = (
    plural_head_singular_verb,
    singular_head_plural_verb,
    it_plain_verb,
    plural_subject_s_verb,
    plural_noun_s_verb,
    which_mean,
    after_modal,
    after_have,
    after_be,
    after_do,
    after_to,
    after_preposition,
    you_your,
    its_it_is,
    your_youre,
    its_its,
    there_their,
    were_where,
    too_to,
    affect_effect,
    missing_word,
    their_theyre,
    there_noun,
    than_then,
    to_s_verb,
    were_where_subject,
    loose_lose,
    whos_whose,
    be_effected,
    be_base_progressive,
)


# The words a rule can fire on, for the rules that return at once on any other: a
# 200-word email has ~230 tokens, and calling every rule on every token (~7,500 generator
# calls) was a tenth of the word-class pass. The rules' own first test stays: this only
# spares the call, in the same order as RULES.
TRIGGERS: dict[Rule, frozenset[str]] = {
    plural_head_singular_verb: word_set("is was has does doesn't isn't wasn't hasn't"),
    singular_head_plural_verb: frozenset(PLURAL_VERBS),
    it_plain_verb: THIRD_SINGULAR | {"this"},
    plural_subject_s_verb: word_set("we they i"),
    which_mean: word_set("which"),
    after_be: BE,
    after_to: word_set("to"),
    after_preposition: ING_AFTER,
    you_your: word_set("you"),
    its_it_is: word_set("its"),
    there_their: word_set("there they're"),
    their_theyre: word_set("their there"),
    there_noun: word_set("there"),
    than_then: word_set("than"),
    to_s_verb: word_set("to"),
    were_where_subject: word_set("were"),
    loose_lose: word_set("loosing looses loose"),
    whos_whose: word_set("who's"),
    be_effected: word_set("effected"),
    be_base_progressive: word_set("am is are"),
    after_modal: MODALS | NEGATED_MODALS | {f"{p}'ll" for p in PRONOUNS},
    after_do: word_set("do does did don't doesn't didn't"),
    your_youre: word_set("your you're"),
    its_its: word_set("its it's"),
    were_where: word_set("were where"),
    too_to: word_set("too to"),
    affect_effect: word_set("affect effect"),
    missing_word: PREPOSITIONS
    | TO_BEFORE_VERB
    | TO_VERBS
    | MODALS
    | word_set("to likely unlikely"),
}


def _rules_for(
    rules: tuple[Rule, ...], triggers: dict[Rule, frozenset[str]], low: str
) -> list[Rule]:
    return [r for r in rules if r not in triggers or low in triggers[r]]


def token_hits(toks: list[Tok], text: str, *, dispatch: bool = True) -> list[Hit]:
    """The findings of the rules read at each word; `dispatch=False` calls every rule on
    every word (what the triggers must never change: tests/writing/test_rule_triggers.py)."""
    from afterview.writing.checks import grammar_agreement, verb_complements

    rules = RULES + verb_complements.RULES + grammar_agreement.RULES
    triggers = TRIGGERS | verb_complements.TRIGGERS | grammar_agreement.TRIGGERS
    if not dispatch:
        triggers = {}
    by_word: dict[str, list[Rule]] = {}
    found: list[Hit] = []
    for i, tok in enumerate(toks):
        if not _word(tok):
            continue
        chosen = by_word.get(tok.low)
        if chosen is None:
            chosen = by_word[tok.low] = _rules_for(rules, triggers, tok.low)
        for rule in chosen:
            found.extend(rule(toks, i, text))
    return found


def findings(doc: Document, language: str = "en-GB") -> list[Finding]:
    """Every word-class finding of the text's body (headers and quoted lines included:
    the writer's slips are slips wherever they are)."""
    from afterview.writing.checks import grammar_tagged  # the tagger loads on first use

    toks = tokens(doc.text)
    found = token_hits(toks, doc.text)
    found.extend(grammar_tagged.hits(toks, doc.text, american=language == "en-US"))
    return [
        doc.finding(
            hit.start,
            hit.end - hit.start,
            f"grammar.{hit.slug}",
            hit.severity,
            hit.message,
            (hit.fix,),
        )
        for hit in found
    ]
