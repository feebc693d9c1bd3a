"""Grammar rules that read part-of-speech tags (`tagger.py`): subject-verb agreement
found through the subject's head, and homophones the word classes alone cannot settle
(P5 "Checks before sending"; the same checks serve P7 and P8).

Agreement: for a finite verb (VBZ/VBP, is/are/has/have/…, or a verb base that the tagger
read as a noun but that takes an object: "the process help you"), the subject is found
by walking left: over adverbs, to a relative "that/which/who" and its antecedent ("a
service that make"), or over the noun phrase ending at the verb and any prepositional
phrases before it, back to the head ("The purpose of this workshop are": "purpose").
The subject must start a clause (sentence start, comma, "that", a subordinator), so an
object is not read as a subject. Heads whose number English leaves open are skipped:
collective nouns ("the team have", British), quantities before "of" ("a number of
people are"), coordinated subjects ("X and Y"). Findings are warnings.

The tagger learnt from edited prose, so it often reads a slipped verb as a noun ("The code
contain information": contain/NN). Each word that may be a verb is then tried with its
other number ("contains"): the sentence is tagged again from two words before it, and if
that reading makes it the clause's only finite verb, the written form is judged against
the subject found in the new tags. Compounds ("the web site", "my second interview
with"), reduced relatives ("the plan you described"), the subjunctive ("important that
everyone attend"), headings and a later verb ("The project update email, sent on
Monday, covers") keep it quiet. "this"/"that"/"what" standing alone ("This give
structure") and "do"/"does" in questions ("Do your service need") are read too.
"""

from __future__ import annotations

from collections.abc import Iterator

from afterview.writing.checks import (
    article_model,
    confusables,
    grammar_coordinated,
    grammar_existential_no,
    grammar_homophones,
    grammar_missing,
    grammar_plain_form,
    grammar_verbless_clause,
    lm_slips,
    ngram,
    tagger,
    verb_forms,
)
from afterview.writing.checks import grammar_lexicon as lex
from afterview.writing.checks._util import match_case, word_set
from afterview.writing.checks.grammar_classes import (
    CLAUSE_VERBS,
    COLLECTIVE,
    PAST_ALSO_BASE,
    PLURAL_VERBS,
    SINGULAR_VERBS,
    SUBORDINATORS,
    UNCOUNTED_S,
    WARNING,
    Hit,
    Tok,
    _word,
    possessive_its,
)

NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
NP_TAGS = NOUN_TAGS | {"JJ", "JJR", "JJS", "DT", "PRP$", "CD", "POS", "HYPH", "VBN", "PDT"}
SINGULAR_FORMS = word_set("is was has does doesn't isn't wasn't hasn't")
PLURAL_FORMS = word_set("are were have do don't aren't weren't haven't")
OBJECT_STARTS = word_set(
    """the a an this these those our your their its his my you us them me him it"""
)
TO_VERBS = word_set("need want seem tend appear plan aim try hope expect fail help")
QUANTITY = word_set(
    """one each some all most many none any lot lots number majority half part rest
    percent kind kinds type types sort sorts variety range couple group set total
    series pair proportion share amount plenty few several both either neither who"""
)
BOUNDARY = word_set(
    ', ; : ( — – - " “ ” that so but then sure while when because if once what how where why'
)
WH_WORDS = word_set("what how where why")
SINGULAR_PRONOUNS = word_set(
    "everyone everybody anyone anybody someone somebody no-one nobody each one everything"
)
PLURAL_PRONOUNS = word_set("those these both many several few others")
OBJECT_PRONOUNS = word_set("you him her us them me")
# A noun, then one of these: the subject of a relative clause without "that".
CONTACT_CLAUSE_OPENERS = word_set("the this these those my your our their his her")
IRREGULAR_PLURALS = word_set("people children men women")
# Given names that end in "s", which would otherwise read as plurals or as names of bodies.
GIVEN_NAMES_S = word_set(
    """chris james charles thomas nicholas douglas marcus lucas carlos louis dennis francis
    lewis agnes frances doris lois iris gladys phyllis ross jess tess wes les niklas andreas
    matthias tobias elias jonas klaus hans lars"""
)
# Subject pronouns whose verb form is certain ("I" and "you" take "was" and "are" both).
PERSONAL = {"he": "s", "she": "s", "it": "s", "they": "p", "we": "p"}
DETERMINER_WORDS = word_set(
    """the a an this that these those each every some any no all both either neither
    another such what which whatever whichever half many much few several other"""
)
# After a plural subject, an -s word before these is its verb, not a noun: "People finds
# them", "The examples illustrates how", "Widgets typically sits in".
AFTER_S_VERB = word_set("how what why where when whether well in on at with into from by")
# "most clients limit", "many web teams get": quantifiers the tagger may read as adverbs.
QUANTIFIERS = word_set("most many some all few several both")
# -s verbs that are rarely plural nouns, before their object: "Focus states lets users".
OBJECT_VERBS_S = word_set("lets allows enables gives tells requires encourages helps")
REFLEXIVES = word_set("themselves ourselves yourselves")
# "it means your results is", "we find most failures falls": a clause with its "that" left out.
CONTENT_CLAUSE_VERBS = word_set(
    """mean means meant find finds found think thinks thought believe believes believed know
    knows knew show shows showed suggest suggests suggested ensure ensures notice noticed
    hope hopes feel feels felt realise realised realize realized"""
)
# Collective nouns that British English may read as plural ("the team have") and American
# English reads as one body ("the team has"); not those plural in both ("staff", "police").
AMERICAN_SINGULAR = word_set(
    """team board government committee company family management group panel council
    department audience public firm class community organization organisation agency
    partnership jury press party faculty crew"""
)
# "Our research show that": verbs that report, before "that".
# Before "like" that opens a clause ("it seems like most people are").
SEEM_VERBS = word_set("seem seems seemed look looks looked sound sounds sounded feel feels felt")
REPORTING = word_set("show mean suggest indicate prove confirm ensure require say find")
NUMBER_ERROR_MESSAGE = '"{subject} … {verb}": {which} subject takes "{fix}".'


# Titles whose full stop ends no sentence: "Mr. Ross Hay-Roe believes".
TITLE_STOPS = frozenset({"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Rev", "Sr", "Jr", "St"})
# A line this short, ending in a capitalised word, a comma or a colon, before a capital is
# a greeting, a name or a heading, not a wrapped sentence ("Thanks, Michelle" / "Here are
# the files"); a wrapped one ends in any word ("and" / "Federalist have").
SHORT_LINE = 40


def sentences(toks: list[Tok], text: str) -> Iterator[range]:
    """Token ranges of sentences: split at . ! ? and at blank lines, and after a short line
    when the next starts with a capital."""
    start = 0
    for i, t in enumerate(toks):
        end_here = t.text in (".", "!", "?") and not (
            t.text == "." and i > 0 and toks[i - 1].text in TITLE_STOPS
        )
        if not end_here and i + 1 < len(toks):
            breaks = text.count("\n", t.end, toks[i + 1].start)
            end_here = breaks >= 2 or (
                breaks == 1
                and toks[i + 1].text[:1].isupper()
                and (t.text[:1].isupper() or t.text in (",", ":"))
                and t.end - (text.rfind("\n", 0, t.end) + 1) < SHORT_LINE
            )
        if end_here:
            if i + 1 > start:
                yield range(start, i + 1)
            start = i + 1
    if start < len(toks):
        yield range(start, len(toks))


def _number(word: Tok, tag: str) -> str | None:
    """ "s", "p" or None (unknown) for a subject head."""
    low = word.low
    if word.text == "IT":
        return None  # "IT support", "the IT team": information technology, not "it"
    if low in GIVEN_NAMES_S and word.text[:1].isupper():
        return "s"  # "Chris have", "James has": a person, however the tagger read it
    if tag == "PRP" and low in PERSONAL:
        return PERSONAL[low]
    if low in SINGULAR_PRONOUNS or (
        low in ("this", "that", "what") and tag in ("DT", "WP", "IN", "WDT")
    ):
        return "s"
    if low in PLURAL_PRONOUNS or low in IRREGULAR_PLURALS:
        return "p"
    if tag in {"NNS", "NNPS"}:
        return _plural_number(word)
    if tag == "NN":
        if low in COLLECTIVE or low in ("data", "media", "staff"):
            return None
        if low.endswith("s") and not (low.endswith("ss") and lex.is_verb(low)):
            return None  # "process", "access", "address": singular; "series": either
        return "s"
    if tag == "NNP":
        if word.text.isupper() and len(word.text) > 1:
            return "s"  # "FOSS allows", "TTS works": an acronym names one thing
        if low.endswith("s") or low in COLLECTIVE:
            return None
        return "s"
    return None


# Endings of names that look plural ("Jacques", "Dallas", "Davis", "Carlos"), where the
# word without its "s" is no noun: plurals such as "ideas" or "menus" have one.
NAME_ENDINGS = ("as", "is", "us", "os", "ques", "ez")


def _plural_number(word: Tok) -> str | None:
    low = word.low
    if low in UNCOUNTED_S or low.endswith("ss") or not low.endswith("s"):
        return None
    if word.text.isupper() and len(word.text) > 1:
        return "s"  # "EDS is": an acronym names one thing
    if word.text[:1].isupper() and low.endswith(NAME_ENDINGS) and not _plural_of_a_noun(low):
        return None  # "Jacques is", "Dallas has": a name, not a plural
    return "p"


def _plural_of_a_noun(low: str) -> bool:
    nouns = lex.classes().nouns
    stems = (low[:-1], low[:-2], low[:-3] + "y" if low.endswith("ies") else "")
    return any(stem in nouns for stem in stems if stem)


# Finite forms of "be" and "have": after a noun and a participle that ends a reduced
# relative clause, the verb of the sentence ("offers contained in this email is").
BE_HAVE_FINITE = word_set("is are was were has have isn't aren't wasn't weren't hasn't haven't")


def _contact_clause_start(toks: list[Tok], tags: list[str], start: int, head: int) -> int | None:
    """Where a relative clause without "that" opens inside the phrase start..head: at a
    determiner right after a common noun ("the thing | the user are")."""
    for k in range(head, start, -1):
        if (
            toks[k].low in CONTACT_CLAUSE_OPENERS
            and tags[k - 1] in ("NN", "NNS")
            and toks[k - 1].text.islower()
        ):
            return k
    return None


def _before_participle(toks: list[Tok], tags: list[str], lo: int, j: int, i: int) -> int:
    """The noun before a regular past participle at j that modifies it ("Any opinions
    expressed herein is", "offers contained in this email is"), when the verb at i is a
    form of "be" or "have"; else j."""
    if (
        tags[j] == "VBN"
        and toks[j].low.endswith("ed")
        and j - 1 >= lo
        and tags[j - 1] in ("NN", "NNS")
        and toks[j - 1].text.islower()
        and toks[i].low in BE_HAVE_FINITE
    ):
        return j - 1
    return j


def _np_start(tags: list[str], toks: list[Tok], j: int, lo: int) -> int:
    """The first token of the noun phrase that ends at j."""
    k = j
    while k - 1 >= lo and (
        (tags[k - 1] in NP_TAGS and toks[k - 1].low not in ("that", "sure"))
        or toks[k - 1].low in QUANTIFIERS
    ):
        k -= 1
    return k


def _widened(toks: list[Tok], tags: list[str], lo: int, head: int, start: int) -> int:
    """The subject's start moved left over what the noun phrase walk stops at but the
    phrase holds: a participle modifier ("paraphrase testing sessions", "Qualified
    clinicians") and, before a plural head, coordination ("Captions and transcripts",
    "International and national standards"), plural whatever is joined."""
    while (
        start - 2 >= lo
        and tags[start - 1] == "VBG"
        and tags[start - 2] in NP_TAGS - {"POS"}
        and tags[start] in NOUN_TAGS | {"JJ"}
    ):
        start = _np_start(tags, toks, start - 2, lo)  # "paraphrase testing sessions works"
    if start - 1 == lo and tags[lo] in ("VBN", "VBD") and toks[lo].text.endswith("ed"):
        start = lo  # "Qualified clinicians checks": a participle before the head
    if (
        start - 2 >= lo
        and toks[start - 1].low in ("and", "or", "nor", "&")
        and tags[start - 2] in NOUN_TAGS | {"JJ"}
        and tags[head] in ("NNS", "NNPS")
        and _number(toks[head], tags[head]) == "p"
    ):
        start = _np_start(tags, toks, start - 2, lo)  # "Captions and transcripts is": plural
    return start


def _relative_subject(toks: list[Tok], tags: list[str], lo: int, j: int) -> tuple[int, int] | None:
    """The antecedent of the relative "that/which/who" at j ("a service that make"), as
    (head, start), or None when it is unclear."""
    k = j - 1
    if toks[j].low != "that" and k >= lo and toks[k].text == ",":
        k -= 1
    if toks[j].low == "who" and k > lo and toks[k].text == ")":
        opening = next(
            (m for m in range(k - 1, max(lo, k - 8) - 1, -1) if toks[m].text == "("), None
        )
        if opening is not None and opening > lo:
            k = opening - 1  # "Doug Smith (3-9310) who run": the name before the aside
    if k < lo:
        return None
    if toks[k].low in SINGULAR_PRONOUNS | PLURAL_PRONOUNS:
        return k, k
    if tags[k] not in NOUN_TAGS:
        return None
    if tags[k] == "NN" and lex.is_verb(toks[k].low) and k > lo and tags[k - 1] == "NNS":
        return None  # "opportunities arise that match": a verb read as a noun
    start = _np_start(tags, toks, k, lo)
    plural = tags[k] == "NNS" and _number(toks[k], "NNS") == "p"
    person_plural = toks[j].low == "who" and plural and toks[k].text.islower()
    if (
        start - 1 >= lo
        and tags[start - 1] in ("IN", "TO")
        and not person_plural
        and _unclear_antecedent(toks, tags, lo, start - 1, k)
    ):
        return None  # "the list of the users that": the antecedent is unclear
    if start - 1 >= lo and toks[start - 1].low in ("and", "or") and not plural:
        return None  # "pain points and areas that needs": plural either way
    return k, start


# Verbs whose subject is someone, never an action: "Writing experts recommends" is about the
# experts ("Using short sentences works" is about using them, so "works" is not here).
AGENT_VERBS = word_set(
    """recommends advises says suggests argues thinks believes agrees knows wants prefers
    tells explains warns expects claims feels likes hopes insists"""
)


def _gerund_opens(toks: list[Tok], tags: list[str], lo: int, g: int) -> bool:
    """Does the -ing word at g open its clause ("Keeping content …", "Effectively
    reaching", ", and building relationships is")?"""
    return (
        g == lo
        or toks[g - 1].text in (",", ";")
        or (g - 1 == lo and tags[lo] == "RB")
        or (toks[g - 1].low in ("and", "but", "or") and g - 2 >= lo and toks[g - 2].text == ",")
    )


def _ing_modifier(toks: list[Tok], tags: list[str], ing: int, head: int, i: int) -> bool:
    """Is the -ing word before a plural noun a modifier ("Warning buttons", "Writing
    experts"), not a gerund with its object ("Using tables")? Only when the word is a noun
    too and the verb wants a person or a thing acted on: an agent's verb, or a passive."""
    if tags[head] != "NNS" or head != ing + 1 or i != head + 1:
        return False
    if toks[ing].low not in lex.classes().nouns or _number(toks[head], "NNS") != "p":
        return False
    passive = toks[i].low in ("is", "was") and i + 1 < len(toks) and tags[i + 1] == "VBN"
    return passive or toks[i].low in AGENT_VERBS


def _subject(  # noqa: PLR0912, PLR0915
    toks: list[Tok], tags: list[str], lo: int, i: int
) -> tuple[int, int] | None:
    """(head index, start of its clause's subject) for the verb at i, or None."""
    j = i - 1
    while j >= lo and (
        tags[j] in ("RB", "RBR") or toks[j].low in ("also", "still", "only", "either")
    ):
        if toks[j].low in ("not", "n't"):
            return None
        j -= 1
    if j < lo:
        return None
    j = _before_participle(toks, tags, lo, j, i)
    if toks[j].low in ("and", "or"):
        return _shared_subject(toks, tags, lo, i, j)
    if _demonstrative(toks, tags, lo, j):
        return j, j  # "This give structure", "That mean more", "Start with what work well"
    if toks[j].low in ("that", "which", "who"):
        return _relative_subject(toks, tags, lo, j)
    if _before_aside(toks, tags, lo, j) != j:
        j = _before_aside(toks, tags, lo, j)
        if not toks[j].text.islower() and toks[j].low.endswith("s"):
            return None  # "Technology Transformation Services (TTS) has": one body
    head = j
    # "Any other use of the email by you are": an object pronoun ends a phrase the
    # subject's head stands before
    object_ends = toks[head].low in OBJECT_PRONOUNS and head > lo and tags[head - 1] == "IN"
    if (
        tags[head] not in NOUN_TAGS
        and toks[head].low not in SINGULAR_PRONOUNS | PLURAL_PRONOUNS
        and not (tags[head] == "PRP" and toks[head].low in PERSONAL)
        and not object_ends
    ):
        return None
    start = head if object_ends else _np_start(tags, toks, head, lo)
    inner = _contact_clause_start(toks, tags, start, head)
    if inner is not None and toks[i].low in BE_HAVE_FINITE:
        return head, inner  # "the thing the user are doing": a relative clause's subject
    start = _more_than(toks, lo, start)
    # hop back over prepositional phrases to the head before them
    while (
        start - 1 >= lo
        and tags[start - 1] in ("IN", "TO")
        and toks[start - 1].low
        not in (
            "that",
            "if",
            "because",
            "while",
            "since",
            "whether",
            "than",
            "as",
            "like",
            "so",
            "although",
            "though",
            "unless",
            "until",
            "whenever",
            "wherever",
            "once",
            "nor",
            "before",
            "after",
        )
    ):
        prep = start - 1
        before = prep - 1
        if before < lo:
            return None
        if tags[before] == "VBG" or (toks[before].low.endswith("ing") and tags[before] == "NN"):
            gerund = before
            if (
                gerund == lo
                or toks[gerund - 1].text in (",", ";", ":")
                or toks[gerund - 1].low in BOUNDARY
            ):
                return gerund, gerund  # "Conforming to WCAG … mean": a gerund subject
            return None
        if (
            toks[before].low in QUANTIFIERS
            and toks[prep].low == "of"
            and tags[head] == "NNS"
            and _number(toks[head], "NNS") == "p"
        ):
            opens = before == lo or toks[before - 1].low in BOUNDARY | SUBORDINATORS
            return (head, before) if opens else None  # "All of our designs meets"
        if (
            toks[before].low in ("each", "one")
            and toks[prep].low == "of"
            and tags[head] == "NNS"
            and (
                before == lo
                or toks[before - 1].low in BOUNDARY | SUBORDINATORS
                or (
                    toks[before].low == "one"
                    and toks[before - 1].low in ("every", "each", "any")
                    and (before - 1 == lo or toks[before - 2].low in BOUNDARY | SUBORDINATORS)
                )
            )
        ):
            return before, before  # "each of these channels have", "Every one of the
            # contracts need": "each", "one" is the subject
        if (
            tags[before] == "JJ"
            and before - 1 >= lo
            and tags[before - 1] in NOUN_TAGS
            and toks[prep].low != "of"
        ):
            before -= 1  # "Services eligible for …": an adjective after its noun
        before = _before_participle(toks, tags, lo, before, i)
        if tags[before] not in NOUN_TAGS:
            return None
        if toks[before].low in ("types", "kinds", "sorts") and toks[prep].low == "of":
            head = before  # "Common types of data visualization includes": "types" leads
            start = _np_start(tags, toks, head, lo)
            continue
        if toks[before].low in QUANTITY:
            return None  # "a number of people are", "one of the reports is"
        head = before
        start = _more_than(toks, lo, _np_start(tags, toks, head, lo))
    if object_ends and head == j:
        return None  # no noun before the pronoun's phrase: "you" is not the subject
    if (
        head - 1 >= start
        and tags[head - 1] == tags[head] == "NNS"
        and _number(toks[head - 1], "NNS") == _number(toks[head], "NNS") == "p"
    ):
        return head, head  # "understand the challenges agencies faces": plural either way
    start = _widened(toks, tags, lo, head, start)
    if (
        start - 2 >= lo
        and toks[start - 1].low == "and"
        and tags[start - 2] == "NNS"
        and _number(toks[start - 2], "NNS") == "p"
        and tags[head] == "NN"
    ):
        conjunct = start - 2  # "My skills and experience matches": plural, led by "skills"
        first = _np_start(tags, toks, conjunct, lo)
        if first == lo or toks[first - 1].low in SUBORDINATORS | {"that"}:
            head, start = conjunct, first  # not a list's last items (", laws and business needs,")
    if start - 1 >= lo:
        b = toks[start - 1]
        if tags[start - 1] == "VBG" and _gerund_opens(toks, tags, lo, start - 1):
            # "Writing experts recommends", "Warning buttons is designed": the noun leads
            # else the gerund leads: "Keeping content … make"
            return (head if _ing_modifier(toks, tags, start - 1, head, i) else start - 1), start - 1
        coordinated = (
            b.low in ("and", "but", "or")
            and start - 2 >= lo
            and toks[start - 2].text == ","
            and any(tags[k] in ("VBZ", "VBP", "VBD", "MD") for k in range(lo, start - 2))
        )  # ", and system updates doesn't": a second clause, not the last item of a list
        if not (
            b.low in BOUNDARY
            or b.low in SUBORDINATORS
            or b.low in ("which", "whose", "whenever", "wherever")
            or (
                b.low in ("only", "even", "just")
                and start - 2 >= lo
                and toks[start - 2].low in BOUNDARY
            )  # "information that only some users needs"
            or (
                tags[start - 1] == "NNS"
                and tags[head] == "NNS"
                and _number(b, "NNS") == "p"
                and _number(toks[head], "NNS") == "p"
            )  # "the challenges agencies faces": plural whichever is the subject
            or (
                b.low == "as" and tags[start] in ("DT", "JJ", "JJR", "PRP$")
            )  # "as these numbers is"
            or (b.low in ("and", "or") and start - 1 == lo)  # "And tables generally uses"
            or (
                b.low == "like" and start - 2 >= lo and toks[start - 2].low in SEEM_VERBS
            )  # "It seems like most people is": "like" opens a clause
            or (
                tags[start - 1] in FINITE_TAGS
                and b.low in CONTENT_CLAUSE_VERBS
                and not any(
                    toks[k].low in ("and", "or") or tags[k] == "VBG" for k in range(start, head)
                )
            )  # "means your results is"; not "ensures compliance and prevents/NNS delays" nor
            # "believe six years building data platforms has": the head is the measure
            or b.text in (",", ";", ":", "(")
            or coordinated
        ):
            return None
    if any(toks[k].low in ("and", "or", "nor", "&") for k in range(start, head)) and not (
        tags[head] in ("NNS", "NNPS") and _number(toks[head], tags[head]) == "p"
    ):
        return None  # "X and Y is" may be one thing; with a plural head it is plural whatever
        # the coordination ("Captions and transcripts is", "race and ethnicity questions sees")
    if (
        start - 1 >= lo
        and toks[start - 1].low in WH_WORDS
        and toks[i].low in SINGULAR_FORMS | PLURAL_FORMS
        and i + 1 < len(toks)
        and toks[i + 1].low in OBJECT_STARTS | word_set("we they i you he she there")
    ):
        return None  # "What country are we talking about?": a question, inverted
    return head, start


# Before "and", the words that end a predicate ("is blind and", "get stuck and"); after a
# noun the verb may be a noun ("guidance and support"), after a verb's base form or a
# comma a second infinitive or clause ("to track and manage", ", and validate").
SHARED_AFTER = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RP"})


def _past_relative_clause(
    toks: list[Tok], tags: list[str], lo: int, i: int
) -> tuple[int, int] | None:
    """The subject of the verb at i when a relative clause stands between them ("People
    who cannot see a meaningful image needs"): the noun before "who/which/that", when its
    phrase opens the sentence or a clause and the relative clause has a verb of its own."""
    zero = _past_zero_relative(toks, tags, lo, i)
    if zero is not None:
        return zero
    k = i - 1
    while k > lo and k >= i - 9 and toks[k].low not in ("who", "which", "that"):
        if not toks[k].text[:1].isalnum() or toks[k].low in RELATIVE_STOPS:
            return None  # a comma, a bracket, another clause: not one relative clause
        k -= 1  # (no further back than the clause can reach: a long run-on was minutes)
    if k <= lo or tags[k] not in ("WP", "WDT") or i - k > 9:
        return None
    inside = range(k + 1, i)
    if not any(tags[m] in FINITE_TAGS for m in inside) or tags[i - 1] in ("DT", "IN", "TO", "CC"):
        return None  # "people who … needs": the clause has its own verb, and is complete
    head = k - 1
    if tags[head] not in ("NNS", "NNPS") and toks[head].low not in IRREGULAR_PLURALS:
        return None  # a plural antecedent only ("software that lets people make": the
    if tags[i] == "VB":  # infinitive's subject is "people", not "software")
        return None
    start = _np_start(tags, toks, head, lo)
    if start > lo and toks[start - 1].low not in BOUNDARY | SUBORDINATORS:
        return None
    if any(toks[m].low in ("and", "or", "of") for m in range(start, head)):
        return None
    return head, start


RELATIVE_STOPS = word_set("and or but because if when while whether so then")
ZERO_RELATIVE_SUBJECTS = word_set("we you they i")
OBJECT_PRONOUNS_AFTER = word_set("me us them him her")


def _past_zero_relative(
    toks: list[Tok], tags: list[str], lo: int, i: int
) -> tuple[int, int] | None:
    """ "The work we do act as a foundation": a noun, a relative clause of a pronoun and
    its verb with no "that", then the noun's own verb."""
    verb_like = tags[i] in ("VBZ", "VBP") or toks[i].low in ("was", "were")
    if tags[i] == "NNS" and i + 1 < len(toks) and tags[i + 1] in ("DT", "PRP$"):
        verb_like = True  # "The skills you described matches my experience": read as a noun
    if i - 3 < lo or not verb_like:
        return None  # "The people I met was all kind": "was" too
    k = i - 1
    if toks[k].low in OBJECT_PRONOUNS_AFTER and k - 3 >= lo:
        k -= 1  # "The timeline you gave me work well": the relative clause's object
    if toks[k - 1].low not in ZERO_RELATIVE_SUBJECTS or tags[k] not in ("VBP", "VBD"):
        return None
    head = k - 2
    if tags[head] not in ("NN", "NNS"):
        return None
    if toks[head].low in COLLECTIVE and toks[head].low not in IRREGULAR_PLURALS:
        return None  # "the team we built are" may be British; "the people I met" is plural
    start = _np_start(tags, toks, head, lo)
    if start > lo and toks[start - 1].low not in BOUNDARY | SUBORDINATORS:
        return None
    if tags[start] not in ("DT", "PRP$") and start != lo:
        return None
    return head, start


def _more_than(toks: list[Tok], lo: int, start: int) -> int:
    """The start of a noun phrase with "more than"/"fewer than" before its number."""
    if (
        start - 2 >= lo
        and toks[start - 1].low == "than"
        and toks[start - 2].low in ("more", "less", "fewer")
        and toks[start].text[:1].isdigit()
    ):
        return start - 2  # "with more than 100,000 transactions per year"
    return start


def _shared_subject(
    toks: list[Tok], tags: list[str], lo: int, i: int, conj: int
) -> tuple[int, int] | None:
    """The subject of a second verb that shares the first's ("Roni is blind and have
    recently started", "Manjot can get stuck and are unable"): only after a predicate's
    last word (`SHARED_AFTER`), and only when the first verb is the clause's first, its
    subject opening the sentence or following a comma, so that "checks that the pages
    load and shows" is not read as "pages … shows"."""
    if tags[i] not in ("VBZ", "VBP") or conj - 1 < lo or tags[conj - 1] not in SHARED_AFTER:
        return None
    last = toks[conj - 1].low
    if lex.is_verb(last) and not lex.is_adjective(last):
        return None  # "helps your colleagues test and validate": a verb misread, two infinitives
    first = next(
        (k for k in range(conj - 1, lo - 1, -1) if tags[k] in ("VBZ", "VBP", "VBD", "MD")), None
    )
    if first is None or any(
        toks[k].low in CLAUSE_ENDS or toks[k].low in SUBORDINATORS or toks[k].low in BOUNDARY
        for k in range(first + 1, conj)
        if toks[k].text != ","
    ):
        return None
    if (
        tags[first] == "MD"
        and tags[i] != "VBZ"
        and toks[i].low not in SINGULAR_FORMS | PLURAL_FORMS
    ):
        return None  # "may pop up and cover": the modal governs both
    found = _subject(toks, tags, lo, first)
    if found is None:
        return None
    head, start = found
    if any(tags[k] in ("VBZ", "VBP", "VBD", "MD") for k in range(head + 1, first)):
        return None
    if start != lo and toks[start - 1].text != ",":
        return None
    return found


TIME_MEASURES = word_set("years months weeks days hours decades")
MEASURE_COUNTS = word_set(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty"
)


def _subject_number(
    toks: list[Tok], tags: list[str], lo: int, head: int, american: bool = False
) -> str | None:
    if tags[head] == "VBG":
        return "s"
    number = _number(toks[head], tags[head])
    if number is None and american and toks[head].low in AMERICAN_SINGULAR:
        return "s"  # American English: "The agency uses", "the audience has", "the team is"
    if (
        toks[head].low in TIME_MEASURES
        and head - 1 >= lo
        and (toks[head - 1].low in MEASURE_COUNTS or toks[head - 1].low.isdigit())
    ):
        return None  # "six years in operations has given me": a span of time, one or many
    if toks[head].text == "Number" and head > lo:
        return "s"  # "The Social Security Number are": a name, not "a number of"
    if (
        number is None
        and toks[head].low in COLLECTIVE
        and head - 1 >= lo
        and toks[head - 1].low in ("a", "an", "each", "every", "this", "another", "one")
        and toks[head + 1].low in ("that", "which")
    ):
        return "s"  # "a government agency which have": "which" takes it as one thing
    return number


def _pronoun_reading_unsure(toks: list[Tok], tags: list[str], hi: int, i: int, head: int) -> bool:
    """ "what are the options", "what content you show", "This work matters", "This plan
    is": "what" asks, or "this"/"what" is a determiner and the word after it a noun."""
    nxt = toks[i + 1] if i + 1 < hi else None
    if toks[head].low == "what":
        return toks[i].low in PLURAL_FORMS or (nxt is not None and nxt.low in SUBJECT_PRONOUNS)
    return (
        toks[head].low in ("this", "that")
        and nxt is not None
        and (
            lex.third_person_base(nxt.low) is not None
            or nxt.low in SINGULAR_FORMS | PLURAL_FORMS | MODALS
            or tags[i + 1] in ("VBD", "VBN", "VBZ", "MD")
            or not nxt.text.isalpha()
            or lex.past_base(nxt.low) is not None
            or _past_too(nxt.low)
            or _later_verb(toks, tags, i + 2, hi)
        )
    )


def _past_too(word: str) -> bool:
    """Is the verb's past the same as its base ("let", "put", "set", "read")?"""
    irregular = lex.IRREGULAR.get(word)
    return irregular is not None and irregular.past == word


def _acronym(tok: Tok, tag: str) -> bool:
    return tag == "NNP" or (tag == "NN" and len(tok.text) > 1 and tok.text.isupper())


# Words that open an aside in brackets after a subject, which the verb looks past.
ASIDE_OPENERS = word_set(
    "particularly especially including notably mainly mostly chiefly e.g eg i.e ie such like"
)
ASIDE_LONGEST = 10  # tokens


def _before_aside(toks: list[Tok], tags: list[str], lo: int, j: int) -> int:
    """The subject's last word before an acronym in brackets or a number that ends its
    name: "The Digital Analytics Program (DAP) help" -> "Program"; "Act 1992 protect"."""
    if (
        toks[j].text == ")"
        and j - 3 >= lo
        and toks[j - 2].text == "("
        and _acronym(toks[j - 1], tags[j - 1])
    ):
        return j - 3
    if tags[j] == "CD" and j - 1 >= lo and tags[j - 1] == "NNP":
        return j - 1
    if toks[j].text == ")":  # "observers (particularly Mr. Ross Hay-Roe) believes"
        k = j - 1
        while k > lo and j - k <= ASIDE_LONGEST and toks[k].text not in ("(", ")"):
            k -= 1
        if toks[k].text == "(" and k - 1 >= lo and toks[k + 1].low in ASIDE_OPENERS:
            return k - 1
    return j


def _demonstrative(toks: list[Tok], tags: list[str], lo: int, j: int) -> bool:
    """Is token j "this" or "that" standing alone as a subject, or "what" opening a
    clause, right before the verb?"""
    low = toks[j].low
    if toks[j].text not in (low, low.capitalize()):
        return False  # "THIS time": shouting, or a heading
    before = toks[j - 1] if j > lo else None
    opens = before is None or before.low in BOUNDARY | SUBORDINATORS or before.text in ",;:("
    if low == "this":
        return tags[j] == "DT" and opens
    if low == "that":
        return j == lo and tags[j] in ("DT", "IN", "WDT")
    if low == "what":
        return tags[j] == "WP" and before is not None and before.low in ("with", "on", "about")
    return False


def _unclear_antecedent(toks: list[Tok], tags: list[str], lo: int, prep: int, k: int) -> bool:
    """ "the list of users that": the relative clause may belong to either noun. Clear
    when the noun before the preposition has the same number ("the teams in the offices
    that") or there is none ("is for government teams that"); "one of the people who"
    stays unclear."""
    host = prep - 1
    if host < lo or tags[host] not in NOUN_TAGS:
        return False
    if toks[host].low in QUANTITY:
        return True
    number = _number(toks[k], tags[k])
    return number is None or _number(toks[host], tags[host]) != number


# The tags a word read as a finite verb can have, beyond the forms of be, have and do.
NUMBERED_TAGS = frozenset({"VBZ", "VBP", "VB", "NNS", "NN"})


def _verb_number(toks: list[Tok], tags: list[str], i: int, hi: int) -> str | None:
    """ "s" for a singular finite verb, "p" for a plural one, None if not a finite verb."""
    t = toks[i]
    if not t.text.islower() and i > 0:
        return None
    low = t.low
    if low in SINGULAR_FORMS:
        return "s"
    if low in PLURAL_FORMS:
        return "p"
    tag = tags[i]
    if tag not in NUMBERED_TAGS:
        return None  # every test below needs one of these tags: most words end here
    nxt = toks[i + 1].low if i + 1 < hi else ""
    if nxt == "-" or not lex.is_verb(lex.third_person_base(low) or low):
        return None  # "long-term": a modifier; not a known verb
    if low in lex.ANY_PAST and low not in PAST_ALSO_BASE:
        return None  # "The Committee met/VB this week": a past, which has no number
    if tag == "VBZ" and lex.third_person_base(low) is not None:
        return "s"
    if (
        tag == "NNS"
        and lex.third_person_base(low) is not None
        and (
            nxt in OBJECT_STARTS
            or (
                nxt == "to"
                and lex.third_person_base(low) in TO_VERBS
                and i + 2 < hi
                and tags[i + 2] == "VB"
            )
        )
    ):
        return "s"  # "logs has", "the expert knows about" are VBZ; "research underpins the"
    if (
        tag in ("NNS", "NN")
        and lex.third_person_base(low) is not None
        and i > 0
        and (
            toks[i - 1].low in ("who", "that")
            or (
                tags[i - 1] in ("NNS", "NNPS")
                and _number(toks[i - 1], tags[i - 1]) == "p"
                and (
                    nxt in AFTER_S_VERB | REFLEXIVES
                    or (low in OBJECT_VERBS_S and i + 1 < hi and tags[i + 1] == "NNS")
                    or (
                        i + 1 < hi
                        and tags[i + 1] in ("RB", "DT", "PRP", "PRP$", "JJ", "JJS", "VBN")
                    )
                    or (
                        nxt in (",", ".", ";", "")
                        and i > 1
                        and toks[i - 2].low in BOUNDARY | SUBORDINATORS
                        and toks[i - 2].text.isalpha()
                    )  # "so when things changes, you"
                )
            )
        )
    ):
        return "s"  # "people who uses", "People finds them", "The examples illustrates how"
    if tag in ("VBP", "VB", "NN") and lex.is_verb(low) and not low.endswith("s"):
        if (
            tag == "NN"
            and i > 0
            and tags[i - 1] == "NN"
            and toks[i - 1].text.islower()
            and low in REPORTING
            and nxt == "that"
        ):
            return "p"  # "Our research show that": not a compound noun before "that"
        proper_subject = i > 0 and tags[i - 1] == "NNP"
        adverb_next = nxt.endswith("ly") and i + 1 < hi and tags[i + 1] == "RB"
        named = i > 1 and (
            (proper_subject and toks[i - 1].text.isupper())
            or (toks[i - 1].text == ")" and _acronym(toks[i - 2], tags[i - 2]))
        )  # "USWDS speed up", "The program (DAP) help federal agencies"
        if (
            tag == "VBP"
            or (tag == "VB" and named)
            or nxt in OBJECT_STARTS
            or (proper_subject and (adverb_next or (i + 1 < hi and tags[i + 1] == "NNS")))
            or (low in TO_VERBS and nxt == "to" and i + 2 < hi and tags[i + 2] == "VB")
        ):
            return "p"
    return None


def agreement(
    toks: list[Tok],
    tags: list[str],
    lo: int,
    hi: int,
    *,
    retag: bool = True,
    american: bool = False,
) -> Iterator[Hit]:
    """Findings of each finite verb against its subject; with `retag`, also of the words
    the tagger may have misread as nouns (`_swapped`) and of "do" questions."""
    found_at: set[int] = set()
    for i in range(lo + 1, hi):
        for hit in _agreement_at(toks, tags, lo, hi, i, american):
            found_at.add(i)
            yield hit
    if retag:
        yield from _swapped(toks, tags, lo, hi, found_at, american)
        yield from _do_question(toks, tags, lo, hi)


PRONOUN_NUMBER = {"he": "s", "she": "s", "it": "s", "i": "p", "you": "p", "we": "p", "they": "p"}
QUESTION_DETERMINERS = word_set("the a an this that these those your our their my his her its")


def _do_question(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    """ "Do your service need a signature?", "how does users get the service?": in a
    question, "do"/"does" agrees with the subject after it, before the verb's plain form."""
    for i in range(lo, hi - 2):
        word = toks[i]
        if word.low not in ("do", "does") or not (
            (i == lo and word.text[0].isupper()) or (i > lo and toks[i - 1].low in WH_WORDS)
        ):
            continue
        k = i + 1
        number: str | None
        if toks[k].low in PRONOUN_NUMBER:
            head, number = k, PRONOUN_NUMBER[toks[k].low]
        else:
            if toks[k].low in QUESTION_DETERMINERS:
                k += 1
            elif tags[k] != "NNS":
                continue  # "how does users get": a bare plural
            while k + 1 < hi and tags[k] in ("JJ", "NN") and tags[k + 1] in ("JJ", "NN", "NNS"):
                k += 1
            if k >= hi or tags[k] not in ("NN", "NNS") or not toks[k].text.islower():
                continue
            head, number = k, _number(toks[k], tags[k])
        verb = head + 1
        if (
            number is None
            or verb >= hi
            or not lex.is_verb(toks[verb].low)
            or toks[verb].low.endswith("s")
            or lex.past_base(toks[verb].low) is not None
        ):
            continue
        wanted = "does" if number == "s" else "do"
        if wanted == word.low:
            continue
        fix = match_case(word.text, wanted)
        yield Hit(
            word.start,
            toks[head].end,
            "agreement",
            WARNING,
            f'"{word.text} … {toks[head].text}": in a question with this subject, "{fix}".',
            fix,
        )


DO_WORDS = word_set("do does did")
SUBJECT_WORDS = word_set("i you we they he she it")
QUESTION_OPENERS = word_set("what how where why when which , so and but")


def _do_question_form(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    """ "Did you received my email?", "Does the role includes travel?": after "do",
    "does" or "did" and its subject, the verb takes its plain form."""
    for i in range(lo, hi - 2):
        if toks[i].low not in DO_WORDS or (i > lo and toks[i - 1].low not in QUESTION_OPENERS):
            continue
        k = i + 1
        if toks[k].low in SUBJECT_WORDS:
            k += 1
        else:
            if tags[k] not in ("DT", "PRP$"):
                continue
            k += 1
            while k < hi - 1 and tags[k] in ("JJ", "NN", "NNP", "POS", "CD", "VBG") and k - i <= 4:
                k += 1
            if tags[k - 1] not in ("NN", "NNP") or k - i < 3:
                continue
        verb = toks[k]
        base = verb_forms.lemma(verb.low)
        if base is None or verb.low == base or not verb.text.islower():
            continue
        if verb.low not in (verb_forms.third(base), verb_forms.past(base)):
            continue  # the participle or -ing: "Did you see", "do you find it … interesting"
        if (
            verb.low == verb_forms.past(base) == verb_forms.participle(base)
            and tags[k] == "VBN"
            and k + 1 < hi
            and toks[k + 1].text.isalpha()
        ):
            continue  # "Did the report sent on Monday arrive?": a participle after the noun
        yield Hit(
            verb.start,
            verb.end,
            "verb-form",
            WARNING,
            f'"{toks[i].text} … {verb.text}": after "{toks[i].low}" the verb takes its plain '
            f'form, "{base}".',
            match_case(verb.text, base),
        )


# Words the subject finder may land on that are never a verb's subject: "Please accept",
# "Below are links" (an inverted sentence), "Attached are the files".
NOT_SUBJECTS = word_set("please below above attached enclosed included listed")
# Words read as a plural verb that, after a singular noun, are nearly always something
# else: "a problem like a fire" (a preposition), "Start off" (a particle).
NOT_VERBS_HERE = word_set("like off up out down")


def _name_modifies_noun(toks: list[Tok], tags: list[str], lo: int, head: int, i: int) -> bool:
    return (
        head == i - 1
        and head > lo
        and tags[head] == "NNP"
        and toks[head - 1].low in ("the", "a", "an", "this", "that", "our", "your", "their")
        and toks[i].low in lex.classes().nouns
    )


def _title_modifies_noun(toks: list[Tok], lo: int, head: int, i: int) -> bool:
    """ "Head of Development interview", "Secondary School Teacher offer": a job title in
    capitals names the kind of a noun after it; the noun is no verb. The title has "of"
    inside it, or two capitalised words before a noun of a job search."""
    start = head
    while start - 1 >= lo and (
        toks[start - 1].text[0].isupper() or toks[start - 1].low in ("of", "and", "&")
    ):
        start -= 1
    words = toks[start:i]
    if not all(t.text[0].isupper() or t.low in ("of", "and", "&") for t in words):
        return False
    titled = len(words) >= 3 and any(t.low == "of" for t in words[1:-1])
    if not titled and not (len(words) >= 2 and toks[i].low in JOB_SEARCH_NOUNS):
        return False
    return toks[i].low in lex.classes().nouns and (
        i + 1 >= len(toks)
        or not _word(toks[i + 1])
        or toks[i + 1].line_start  # a subject line ends there
        or toks[i + 1].low in TITLE_NOUN_NEXT
    )


JOB_SEARCH_NOUNS = word_set("interview interviews offer offers role position vacancy job post")


# After "Head of Sales interview" what shows "interview" is a noun: "at Acme", "with
# you", "and"; "Head of Sales want to", "think we" are verbs.
TITLE_NOUN_NEXT = word_set("at with for in and of from")


def _agreement_at(
    toks: list[Tok], tags: list[str], lo: int, hi: int, i: int, american: bool = False
) -> Iterator[Hit]:
    """The finding, if any, of the verb at i against its subject's number."""
    verb_number = _verb_number(toks, tags, i, hi)
    if verb_number is None or _heading(toks, lo, i, hi):
        return
    if (
        tags[i - 1] in ("MD", "TO")
        or toks[i - 1].low in ("to", "too", "did", "do", "does")
        or _inverted(toks, i, hi)
    ):
        # "too rebuild": the slip is "too", the verb after it is an infinitive; "Which
        # one do you think he meant?": "do" agrees with "you", after it
        return
    if verb_number == "p" and (
        (_subjunctive(toks, lo, i) and toks[i].low not in NEVER_SUBJUNCTIVE)
        or _relative_clause_next(toks, tags, i, hi)
    ):
        return  # "important that everyone attend", "the project plan you described"
    found = _subject(toks, tags, lo, i) or _past_relative_clause(toks, tags, lo, i)
    if found is None:
        return
    head, _start = found
    if (
        head == i - 1
        and toks[head].low in PLURAL_PRONOUNS
        and (
            tags[i] == "NNS"
            or (
                toks[i].low not in ("is", "has", "does", "was", "goes")
                and lex.s_stem(toks[i].low) in lex.classes().nouns
            )
        )
    ):
        return  # "how many times the page", "Both sides agreed": a quantifier and its noun
    if (
        _verb_read_as_noun(toks, tags, lo, head)
        or _name_modifies_noun(toks, tags, lo, head, i)
        or _title_modifies_noun(toks, lo, head, i)
        or toks[head].low in NOT_SUBJECTS
        or (toks[i].low in NOT_VERBS_HERE and verb_number == "p")
    ):
        # "Your team celebrates wins": the verb read as a plural noun; "The Enron deal at
        # Elba Island amounts": a name modifying a noun; "Please accept", "Below are
        # links", "Start off the year", "a problem like a fire"
        return
    if verb_number == "s" and (
        (toks[head].end < toks[i].start and _comma_which(toks, head, i))
        or _compound_after_preposition(toks, tags, head, i)
    ):
        return  # "delivering services, which sometimes leads": "which" is the clause
    if (
        _pronoun_reading_unsure(toks, tags, hi, i, head)
        or (verb_number == "p" and _past_too(toks[i].low))  # "The approach let us test"
        or toks[i - 1].low in MODALS  # "each agency must have": "must" read as a noun
        or toks[head].low in MODALS
        or (tags[head] == "VBG" and verb_number == "p" and head + 1 < i and tags[head + 1] == "NNS")
    ):
        return  # "Warning buttons are", "Mailing addresses are": a participle, not a gerund
    number = _subject_number(toks, tags, lo, head, american)
    if number is None or number == verb_number:
        return
    if toks[i].low == "were" and number == "s" and _not_plural_were(toks, tags, lo, head, i, hi):
        return
    verb = toks[i]
    if verb_number == "s":
        fix = SINGULAR_VERBS.get(verb.low) or (lex.third_person_base(verb.low) or verb.low)
        which = "a plural"
    else:
        fix = PLURAL_VERBS.get(verb.low) or _third(verb.low)
        which = "a singular"
    yield Hit(
        toks[head].start,
        verb.end,
        "agreement",
        WARNING,
        NUMBER_ERROR_MESSAGE.format(subject=toks[head].text, verb=verb.text, which=which, fix=fix),
        match_case(verb.text, fix),
    )


def _verb_read_as_noun(toks: list[Tok], tags: list[str], lo: int, head: int) -> bool:
    """A "plural subject" after a singular noun that the counts know as a verb ("team
    celebrates", "company rewards"): the tagger's compound noun is a subject and its
    verb, and the next word is the object, not the verb."""
    if tags[head] != "NNS" or head - 1 < lo or tags[head - 1] not in ("NN", "NNP"):
        return False
    base = lex.third_person_base(toks[head].low)
    return base is not None and ngram.verbiness(ngram.model(), base) >= VERB_READING


# Words never swapped: auxiliaries and modals (read by the rules above), and verbs whose
# base is also a common adjective or adverb ("best", "better", "last", "close", "free").
NOT_SWAPPED = word_set(
    """be is are am was were been being have has had do does did done can could may might
    must shall should will would need dare ought best better worst last"""
)
# Plural forms that are not the plain form, so never the subjunctive: "advised that this
# information are confidential" is agreement ("be", "have", "do" and "not go" are).
NEVER_SUBJUNCTIVE = word_set("are aren't aren’t don't don’t were weren't weren’t")
# Verbs and adjectives after which "that" + subject + base form is the subjunctive: "I
# suggest that he meet", "it is important that everyone attend".
MANDATIVE = word_set(
    """suggest suggests suggested suggesting recommend recommends recommended recommending
    insist insists insisted insisting ask asks asked asking request requests requested
    requesting require requires required requiring demand demands demanded demanding
    propose proposes proposed proposing advise advises advised advising urge urges urged
    urging essential important vital necessary crucial imperative recommendation
    requirement"""
)
MODALS = word_set("will would can could should may might must shall")
# After these, "were" with a singular subject is the subjunctive ("if the service were").
SUBJUNCTIVE_WERE = word_set("if wish wished though suppose imagine whether unless")
CLAUSE_ENDS = word_set(", ; : ( ) — – that which who whom whose if when because while")
SUBJECT_PRONOUNS = word_set("i you we they he she")
# "since my second interview with": a modifier read as the head of a subject.
MODIFIER_HEADS = word_set(
    """first second third fourth fifth last final next previous recent latest initial
    early earlier later original current former main"""
)
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})


# Sentences longer than this (in tokens) are not read again with a verb's other number:
# a letter's sentences are far shorter, and each reading costs a pass over the sentence.
SWAP_LONGEST = 150


def _swapped(
    toks: list[Tok], tags: list[str], lo: int, hi: int, done: set[int], american: bool = False
) -> Iterator[Hit]:
    """ "The code contain information", "Daily scans generates over": where the tagger,
    trained on edited prose, reads a slipped verb as a noun, the sentence is tagged again
    with the verb's other number ("contains", "generate"). If that reading makes it the
    clause's only finite verb, the written form is judged against the subject found in it."""
    if hi - lo <= SWAP_LONGEST:  # each reading retags the sentence: a run-on took minutes
        yield from _swapped_readings(toks, tags, lo, hi, done, american)


def _swapped_readings(
    toks: list[Tok], tags: list[str], lo: int, hi: int, done: set[int], american: bool
) -> Iterator[Hit]:
    words = [toks[k].text for k in range(lo, hi)]
    raw: list[str] | None = None
    for i in range(lo + 1, hi):
        if i in done:
            continue
        alt = _other_number(toks[i])
        verbless = alt is not None and _verbless_clause(toks, tags, lo, hi, i)
        if (
            alt is None
            or tags[i - 1] in ("MD", "TO")
            or toks[i - 1].low in MODALS
            or (_noun_next(toks, tags, lo, i, hi) and not verbless)
            or (i + 1 < hi and lex.third_person_base(toks[i + 1].low) is not None)
            or _finite_after(toks, tags, i, hi)
            or _subjunctive(toks, lo, i)
        ):
            continue  # "the web site contains", "this plan works", "must go", "I suggest that he"
        if raw is None:
            raw = tagger.tag(words)  # as hits() had them before _retag
        alt_words = words.copy()
        alt_words[i - lo] = alt
        keep = max(0, i - lo - 2)
        window = tagger.tag(alt_words, raw[:keep], stop=i - lo + 3)
        alt_tags = [""] * lo + window + tags[lo + len(window) : hi]
        _retag(toks, alt_tags, lo, hi)
        base = toks[i].low if alt.endswith("s") else alt
        if alt_tags[i] in ("NN", "NNS") and ngram.verbiness(ngram.model(), base) >= VERB_READING:
            # "A secure website protects": read as a plural noun even so, but "protect" is a
            # verb many times more often than a noun in the counts
            alt_tags[i] = "VBZ" if alt.endswith("s") else "VBP"
        written = (
            "VBP"
            if alt_tags[i] == "VBZ" and not toks[i].low.endswith("s")
            else ("VBZ" if alt_tags[i] == "VBP" and toks[i].low.endswith("s") else None)
        )
        this = toks[i - 1].text in ("this", "This") and tags[i - 1] == "DT"
        if written is None and this and alt_tags[i] == "NNS" and alt.endswith("s"):
            written = "VBP"  # "This gives": never "this" + a plural noun
        if written is None and verbless and ngram.verbiness(ngram.model(), base) >= CLAUSE_VERB:
            # "The Act 1992 protect Australians", "This page detail why": a clause needs a
            # verb, and this is the only word that can be one
            written = "VBZ" if toks[i].low.endswith("s") else "VBP"
        if written is None:
            continue
        alt_tags[i] = written
        found = _subject(toks, alt_tags, lo, i)
        if found is None:
            continue
        head, start = found
        if (
            i + 1 < hi
            and tags[i + 1] in NOUN_TAGS
            and not verbless
            and (
                head != i - 1
                or not (tags[start] in ("DT", "PRP$") or (start == lo and tags[lo] in NOUN_TAGS))
            )
        ):
            continue  # "such as apps, custom web pages,": with a noun next, a plain subject only
        name = (
            tags[head] in NOUN_TAGS
            and not toks[head].text.islower()
            and toks[head].low.endswith("s")
        )
        if toks[head].low in MODIFIER_HEADS or _relative_clause_next(toks, tags, i, hi):
            continue  # "since my second interview with", "the project plan you described"
        if (
            (tags[head] == "VBG" and head != lo)
            or name
            or (
                tags[head] not in NOUN_TAGS | {"VBG"}
                and toks[head].low
                not in SINGULAR_PRONOUNS | PLURAL_PRONOUNS | {"this", "that", "what"}
            )
        ):
            continue  # ", leading to … software design", "Advisory Notes advises": no subject
        yield from _agreement_at(toks, alt_tags, lo, hi, i, american)


# A word read as a noun in a clause with no finite verb is read as its verb when the counts
# find it as a verb at least this often per time as a noun ("protect" 30, "offer" 5,
# "stem" 0.3, "detail" 0.2; "matter" 0.1 and "design" 0.2 read as nouns in headings).
CLAUSE_VERB = 0.15
# What may follow the verb of such a clause: its object, a preposition, a complement.
AFTER_CLAUSE_VERB = frozenset(
    {"DT", "PRP$", "PRP", "IN", "RP", "TO", "WRB", "WP", "NNS", "NNPS", "JJ", "RB", "PDT"}
)
# What ends a clause around a verb: its finite verb is between these.
CLAUSE_BOUNDS = word_set(
    ", ; : ( ) — – that which who whom whose if when because while why how what where whether"
)


def _verbless_clause(toks: list[Tok], tags: list[str], lo: int, hi: int, i: int) -> bool:
    """Has the clause around word i (which the tagger read as a noun) no finite verb, nor
    a word that can only be one? Then word i, after a noun phrase, is its verb."""
    if i == lo or tags[i] not in ("NN", "NNS") or not toks[i].text.islower():
        return False
    if tags[i - 1] not in NOUN_TAGS | {"CD"} or _heading(toks, lo, i, hi):
        return False
    if i + 1 >= hi or tags[i + 1] not in AFTER_CLAUSE_VERB:
        return False  # "lower profile content", "the view deal page": a compound
    start = i - 1
    while start > lo and toks[start - 1].low not in CLAUSE_BOUNDS:
        start -= 1
    if start > lo and not toks[start - 1].text.isalpha():
        return False  # after a comma or a colon: a list's item, a label's text
    end = i + 1
    while end < hi and toks[end].low not in CLAUSE_BOUNDS:
        end += 1
    return not any(
        tags[k] in FINITE_TAGS or tags[k] == "VB" for k in range(start, end) if k != i
    ) and any(tags[k] in ("DT", "PRP$") or tags[k] in NOUN_TAGS for k in range(start, i))


OBJECT_ENDS = word_set(", ; : . ( ) and or but to for of with in on at from that which who")


def _later_verb(toks: list[Tok], tags: list[str], start: int, hi: int) -> bool:
    """Is there a finite verb from `start` on, past commas, before another clause opens?"""
    for k in range(start, hi):
        if toks[k].low in SUBORDINATORS | SUBJECT_PRONOUNS or toks[k].low in (
            "that",
            "which",
            "who",
        ):
            return False
        if (
            tags[k] in FINITE_TAGS
            or toks[k].low in SINGULAR_FORMS | PLURAL_FORMS
            or (toks[k - 1].text in (",", ")") and lex.third_person_base(toks[k].low))
        ):
            return True
    return False


def _noun_next(toks: list[Tok], tags: list[str], lo: int, i: int, hi: int) -> bool:
    """Does a noun follow the word as in a compound ("the web site", "user research
    supports")? A bare object before the clause's end is let through ("The memo contain
    information, …", "Content include blogs, …")."""
    if i + 1 >= hi or tags[i + 1] not in NOUN_TAGS | {"CD", "HYPH", "POS"}:
        return False
    nxt = toks[i + 1]
    after = toks[i + 2].low if i + 2 < hi else "."
    return (
        _later_verb(toks, tags, i + 2, hi)  # "The project update email, sent …, covers"
        or tags[i + 1] not in ("NN", "NNS")
        or not nxt.text.islower()
        or (lex.third_person_base(nxt.low) is not None and tags[i + 1] != "NNS")
        or after not in OBJECT_ENDS
        or not (
            (tags[i - 1] in NOUN_TAGS and (toks[i - 1].text.islower() or i - 1 == lo))
            or toks[i - 1].low == "this"
        )
    )


def _other_number(tok: Tok) -> str | None:
    """ "contain" -> "contains", "generates" -> "generate"; None if not a verb to swap."""
    low = tok.low
    if not tok.text.isalpha() or not tok.text.islower() or low in NOT_SWAPPED:
        return None
    if low in UNCOUNTED_S or low in IRREGULAR_PLURALS:
        return None
    if tagger.model().single.get(low, "VB")[:2] != "VB":
        return None  # "site", "course": only ever a noun in the tagger's training text
    base = lex.third_person_base(low)
    if base is not None:
        return base
    if lex.is_verb(low) and lex.past_base(low) is None and low not in lex.IRREGULAR_PARTICIPLE:
        return _third(low)
    return None


HEADING_LONGEST = 8  # tokens on a heading's or a list item's line


def _heading(toks: list[Tok], lo: int, i: int, hi: int) -> bool:
    """Is token i on a short line of its own with no closing stop, such as a heading or a
    list item ("User research methods")? The sentence splitter joins it to the next line."""
    start = i
    while start > lo and not toks[start].line_start:
        start -= 1
        if i - start > HEADING_LONGEST:
            return False  # a long line: no heading (and no walk along a line of pages)
    end = i + 1
    while end < hi and not toks[end].line_start:
        end += 1
        if end - start > HEADING_LONGEST:
            return False
    return (
        end < hi
        and end - start <= HEADING_LONGEST
        and toks[start].text[:1].isupper()
        and toks[end - 1].text not in (".", ",", ";", ":", "!", "?")
    )


def _relative_clause_next(toks: list[Tok], tags: list[str], i: int, hi: int) -> bool:
    """ "The project plan you described sounds": a pronoun and a verb after the word open
    a relative clause, so the word is a noun."""
    return (
        i + 2 < hi
        and toks[i + 1].low in SUBJECT_PRONOUNS
        and (tags[i + 2] in ("VBD", "VBN", "MD") or toks[i + 2].low in PLURAL_FORMS)
    )


def _finite_after(toks: list[Tok], tags: list[str], i: int, hi: int) -> bool:
    """Is there a finite verb later in the clause ("the design review process is")?"""
    for k in range(i + 1, hi):
        if toks[k].low in CLAUSE_ENDS | SUBORDINATORS | SUBJECT_PRONOUNS:
            return False  # "every figure we need": a clause of its own
        if tags[k] in FINITE_TAGS or toks[k].low in SINGULAR_FORMS | PLURAL_FORMS:
            return True
    return False


def _subjunctive(toks: list[Tok], lo: int, i: int) -> bool:
    """ "I suggest that he meet": "that" after a word of asking or need, before the verb;
    "I suggested Rob take my position": a name or pronoun right after such a word."""
    if i - 2 >= lo and toks[i - 2].low in MANDATIVE and toks[i - 1].text[:1].isupper():
        return True
    return any(
        toks[k].low == "that" and k - 1 >= lo and toks[k - 1].low in MANDATIVE
        for k in range(max(lo + 1, i - 8), i)
    )


def _compound_after_preposition(toks: list[Tok], tags: list[str], head: int, i: int) -> bool:
    """ "People with access needs often use": "access needs" may be one noun (not when the
    counts find the word a verb fifteen times as often: "data visualization includes")."""
    if toks[i].low in ("has", "does", "goes"):
        return False  # never a plural noun ("ha", "doe"): "The members in this group has"
    stem = lex.s_stem(toks[i].low) or ""
    return (
        head < i - 1
        and tags[i - 1] == "NN"
        and toks[i - 1].text.islower()
        and stem in lex.classes().nouns
        and any(tags[k] == "IN" for k in range(head + 1, i - 1))
        and ngram.verbiness(ngram.model(), stem) < VERB_READING
    )


def _comma_which(toks: list[Tok], head: int, i: int) -> bool:
    return any(toks[k].low == "which" and toks[k - 1].text == "," for k in range(head + 1, i))


def _not_plural_were(toks: list[Tok], tags: list[str], lo: int, head: int, i: int, hi: int) -> bool:
    """ "if the service were" (the subjunctive), or "were" for "we're"/"where" ("the
    problem were trying to solve", "where reported results"), left to the homophone
    rules: "were" is judged against a singular subject only before what follows a verb."""
    if any(toks[k].low in SUBJUNCTIVE_WERE for k in range(lo, head)):
        return True
    nxt = tags[i + 1] if i + 1 < hi else ""
    after = tags[i + 2] if i + 2 < hi else ""
    if nxt == "VBG" and tags[head] == "NNP" and head == i - 1:
        return False  # "Randy Don Carlos were leaving": a name is no "we're"
    return nxt not in ("JJ", "JJR", "RB", "VBN", "IN", "CD", "NN") or (
        nxt == "VBN" and after in NOUN_TAGS | {"JJ"}
    )


def _third(base: str) -> str:
    if base == "be":
        return "is"
    if base == "have":
        return "has"
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


COUNTS = word_set("two three four five six seven eight nine ten twelve twenty many several")


NOUN_QUANTIFIERS = word_set("some several enough various numerous")


def _quantifier(toks: list[Tok], k: int, hi: int) -> tuple[int, bool]:
    """Past a quantifier before a noun phrase ("some", "a few", "lots of"): where the
    phrase starts, and whether one was there; "over 200 pages" is past "over" only."""
    if k + 1 < hi and toks[k].low in ("over", "about", "around", "nearly", "almost"):
        return (k + 1 if toks[k + 1].text[:1].isdigit() else k), False
    if k + 1 < hi and toks[k].low in ("lots", "plenty") and toks[k + 1].low == "of":
        return k + 2, True  # "there is lots of new features"
    if k + 1 < hi and toks[k].low == "a" and toks[k + 1].low in ("few", "couple"):
        return k + 2 + (k + 2 < hi and toks[k + 2].low == "of"), True
    if k < hi and toks[k].low in NOUN_QUANTIFIERS:
        return k + 1, True  # "there is still some simple techniques"
    return k, False


INVERTING = word_set("do does have has is are was were don't doesn't haven't hasn't isn't aren't")


def _inverted(toks: list[Tok], i: int, hi: int) -> bool:
    """An auxiliary before its pronoun subject in a question ("Which one do you think")."""
    return (
        toks[i].low in INVERTING
        and i + 1 < hi
        and toks[i + 1].low in ("i", "you", "we", "they", "he", "she")
        and any(toks[k].text == "?" for k in range(i + 2, hi))
    )


def _opens_question(toks: list[Tok], lo: int, i: int) -> bool:
    """Does the word at i open a question: first in its sentence, or after a wh-word,
    "so", "and", "but" or a comma?"""
    return i == lo or toks[i - 1].low in QUESTION_OPENERS


def _existential_pair(toks: list[Tok], lo: int, at: int) -> tuple[int, int] | None:
    """(index of "there"/"here", index of its "is"/"was") for a pair starting at `at`:
    "there is", or a question's "Is there"."""
    if (
        toks[at].low in ("is", "was")
        and toks[at + 1].low == "there"
        and _opens_question(toks, lo, at)
    ):
        return at + 1, at  # "Is there any updates?"
    if toks[at].low in ("there", "here") and toks[at + 1].low in ("is", "was"):
        return at, at + 1
    return None


def existential(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    """ "There is resources", "Here is my comments": "there/here is/was" + a plural noun
    (after adjectives) is "are"."""
    for at in range(lo, hi - 2):
        pair = _existential_pair(toks, lo, at)
        if pair is None:
            continue
        i, verb = pair
        k = i + 2
        here = toks[i].low == "here"
        if here and tags[k] in ("PRP$", "DT") and toks[k].low not in ("a", "an", "this", "that"):
            k += 1  # "Here is my very minor comments"
        while k < hi and tags[k] in ("JJ", "JJR", "RB") and toks[k].low not in ("no", "not"):
            k += 1
        k, quantified = _quantifier(toks, k, hi)
        if (
            k < hi
            and not quantified
            and (
                toks[k].low in COUNTS
                or (toks[k].text.isdigit() and toks[k].text.lstrip("0") != "1")
            )
        ):
            k += 1  # "there is eight principles", "there is 5 phases"
            while k < hi and tags[k] in ("JJ", "JJR"):
                k += 1
        if quantified:
            # "a few scheduling best practices", "enough text inputs": the head is the
            # last noun of the phrase
            start = k
            while k + 1 < hi and k - start < 3 and tags[k] in ("JJ", "JJR", "JJS", "NN", "VBG"):
                k += 1
            if k + 1 < hi and tags[k + 1] in NOUN_TAGS:
                continue
        elif k + 2 < hi and tags[k] == "NN" and toks[k].text.islower() and tags[k + 1] == "NNS":
            k += 1  # "there is significant aggregation opportunities": a compound's head
        if (
            k < hi
            and tags[k] == "NNS"
            and _number(toks[k], "NNS") == "p"
            and toks[k].low not in ("lots", "plenty")
            and not (here and k + 1 < hi and tags[k + 1] in NOUN_TAGS | {"POS"})
        ):
            fix = match_case(toks[verb].text, "are" if toks[verb].low == "is" else "were")
            first, last = min(i, verb), max(i, verb)
            fixed = f"{toks[i].text} {fix}" if verb > i else f"{fix} {toks[i].text}"
            shown = (
                f"{toks[verb].text} {toks[k].text}"
                if verb > i
                else f"{toks[verb].text} … {toks[k].text}"
            )
            yield Hit(
                toks[first].start,
                toks[last].end,
                "agreement",
                WARNING,
                f'"{shown}": with a plural noun, "{fixed if verb < i else fixed.lower()}".',
                fixed,
            )


def these_this(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    """ "these type of", "those report": a plural determiner before a singular count noun."""
    for i in range(lo, hi - 1):
        if toks[i].low not in ("these", "those"):
            continue
        noun = toks[i + 1]
        if tags[i + 1] != "NN" or not noun.text.islower() or _number(noun, "NN") != "s":
            continue
        if noun.low not in lex.classes().nouns or noun.low in COLLECTIVE:
            continue
        after = tags[i + 2] if i + 2 < hi else "."
        if after in ("NN", "NNS", "HYPH", "POS"):
            continue  # "these software updates": the head comes later
        if (lex.is_verb(noun.low) and after in (":", ",", "DT", "PRP", "PRP$")) or (
            after == "IN" and toks[i + 2].low != "of"
        ):
            continue  # "Some of these include:", "those familiar with": a verb or an adjective
        plural = _plural(noun.low)
        yield Hit(
            toks[i].start,
            noun.end,
            "agreement",
            WARNING,
            f'"{toks[i].text} {noun.text}": after "{toks[i].text}" the noun is plural, "{plural}".',
            f"{toks[i].text} {plural}",
        )


def _plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


PREPOSITIONS_BEFORE_YOUR = word_set(
    "of in on at by for with from into about over through without within across during"
)


YOURE_ING_NEXT = word_set("to with alone on for in at that about how what whether if")
# After "your" + an -ing word, a modal makes the -ing word a subject ("your writing will
# be choppy") unless a noun before "your" takes the clause ("the code your writing will").
YOURE_ING_MODALS = word_set("will would can could should may might must")
# Nouns that may follow "you're": "you're welcome", "you're home", "you're part of it".
YOURE_NOUNS_OK = word_set(
    """welcome home part friends over set own done fine right top head next last first
    back out up down off in on all both one kidding lucky well better worse ok okay"""
)
MASS_NOUNS = word_set(
    """data business information research content advice feedback knowledge evidence
    software equipment staff"""
)


CLOSED = word_set(
    """a an the this that these those some any no every each all both my our your his her
    its their not so very too also just still always never only really going about in
    on at to by for of with from here there now then"""
)


def _youre_noun(word: str, after: str) -> bool:
    """ "you're service", "you're understanding of": "you are" + a bare noun is not
    English, so "you're" there is "your"; adjectives and participles are fine."""
    if word in YOURE_NOUNS_OK or word in CLOSED or lex.is_adjective(word):
        return False
    if word.endswith("ing"):  # "you're understanding of", not "you're thinking of"
        return after == "of" and word in lex.classes().nouns and word != "hearing"
    if word.endswith(("ed", "ly", "en")):
        return False
    return word in MASS_NOUNS or word in lex.classes().nouns or _number_of(word) == "p"


def _number_of(word: str) -> str | None:
    return "p" if lex.s_stem(word) is not None and word not in UNCOUNTED_S else None


def homophones(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    """ "on you're site", "you're user needs": "you're" as a determiner is "your";
    "your working alone", "your trying to": "your" + an -ing verb with an object is
    "you're"; "its best to", "its completely fine": "its" + an adjective and "to"/end
    is "it's"."""
    for i in range(lo, hi - 1):
        t, nxt = toks[i], toks[i + 1]
        after = toks[i + 2].low if i + 2 < hi else "."
        if t.low == "you're":
            prev = toks[i - 1].low if i > lo else ""
            noun_next = tags[i + 1] in ("NN", "NNS") and nxt.text.islower()
            if (
                (prev in PREPOSITIONS_BEFORE_YOUR and nxt.text[0].isalpha())
                or (
                    noun_next
                    and not lex.is_adjective(nxt.low)
                    and not nxt.low.endswith("ing")
                    and (tags[i + 2] if i + 2 < hi else "") in NOUN_TAGS | {"VBZ", "VBP", "MD"}
                )
                or _youre_noun(nxt.low, after)
            ):
                yield Hit(
                    t.start,
                    t.end,
                    "your-youre",
                    WARNING,
                    'Did you mean "your"? "your" = belonging to you; "you\'re" = "you are".',
                    match_case(t.text, "your"),
                )
        elif (
            t.low == "your"
            and nxt.low.endswith("ing")
            and lex.is_verb(nxt.low[:-3] or "x") | (lex.is_verb(nxt.low[:-3] + "e"))
        ):
            before = toks[i - 1] if i > lo else None
            zero_relative = (
                before is not None
                and before.text.islower()
                and (
                    (tags[i - 1] in ("NN", "NNS") and after in (".", ",", ";", ")"))
                    or (before.low in lex.classes().nouns and after in YOURE_ING_MODALS)
                )
            )  # "the type of service your building,", "the pattern your suggesting will"
            if zero_relative or after in OBJECT_STARTS | YOURE_ING_NEXT:
                yield Hit(
                    t.start,
                    t.end,
                    "your-youre",
                    WARNING,
                    'Did you mean "you\'re"? "you\'re" = "you are"; "your" = belonging to you.',
                    match_case(t.text, "you're"),
                )
        elif t.low == "its" and i + 2 <= hi:
            j = i + 1
            if toks[j].low.endswith("ly") and j + 1 < hi:
                j += 1
            if tags[j] in ("JJ", "JJS", "VBN") and (
                (toks[j + 1].low if j + 1 < hi else ".")
                in ("to", "that", ".", ",", "when", "if", "as", "for", "(", "and", "but")
            ):
                yield Hit(
                    t.start,
                    t.end,
                    "its-its",
                    WARNING,
                    'Did you mean "it\'s"? "it\'s" = "it is"; "its" = belonging to it.',
                    match_case(t.text, "it's"),
                )
        elif t.low in ("it's", "it’s") and i > lo and _its_object(toks, tags, i, hi):
            yield possessive_its(t)


# Verbs after which "it's" may start a clause ("I bet it's time", "see it's done").
CLAUSE_BEFORE_ITS = (
    CONTENT_CLAUSE_VERBS
    | CLAUSE_VERBS
    | word_set(
        """bet guess seem seems seemed appear appears appeared see sees saw wish swear figure
        reckon promise promised admit admitted assume assumed imagine worry fear doubt
        suspect suspected sure tell told ensure let make says say"""
    )
)


AUXILIARY = word_set(
    "is are was were be been am have has had do does did will would can could should may might must"
)


def _its_object(toks: list[Tok], tags: list[str], i: int, hi: int) -> bool:
    """ "to re-establish it's account", "lost it's licence": "it's" after a verb that
    takes an object, before a noun that is no adjective, is the possessive "its"."""
    verb, nxt = toks[i - 1], toks[i + 1] if i + 1 < hi else None
    infinitive = i >= 2 and toks[i - 2].low in ("to", "-") and lex.is_verb(verb.low)
    # "the website lower it's forecast": a verb after its subject, read as a noun
    after_subject = i >= 2 and tags[i - 2] in ("NN", "NNP") and lex.is_verb(verb.low)
    if nxt is None or not (
        tags[i - 1] in ("VB", "VBD", "VBP", "VBZ") or infinitive or after_subject
    ):
        return False  # "to re-establish it's account": the tagger may read a noun there
    if verb.low in CLAUSE_BEFORE_ITS or verb.low in AUXILIARY or not verb.text.islower():
        return False
    noun = tags[i + 1] == "NN" or (tags[i + 1] in ("VB", "VBP") and nxt.low in lex.classes().nouns)
    if not noun or not nxt.text.islower() or lex.is_adjective(nxt.low):
        return False
    after = tags[i + 2] if i + 2 < hi else "."
    return not nxt.low.endswith(("ing", "ed", "ly")) and after not in ("JJ", "VBN", "TO")


# Singular nouns that are counted ("a page", "the button"), never used bare as a mass or
# in an idiom ("by email", "for example", "in error", "to date", "at home" are left out).
COUNTABLE = word_set(
    """page message button link list question field section component pattern card tag
    title heading label box banner panel tab menu option format post blog article
    file photo document report decision problem mistake reason solution resort
    period version account password username website site device browser window
    prototype kit journey task project product feature hint summary table row column
    item accordion checkbox textarea layout template header footer fieldset legend
    transaction loop statement screenshot spreadsheet form questionnaire survey
    interview appointment certificate
    licence license passport receipt invoice ticket request query phone letter note
    slide presentation diagram chart graph map icon image logo video paragraph sentence
    word sentence chapter step stage phase milestone deadline workshop session"""
)
# Where a bare singular countable noun needs "a" or "the" after these: prepositions (not
# "per", "by", "of" — "by post", "type of question"), verbs, and forms of "be".
ARTICLE_PREPOSITIONS = word_set(
    "in on at from into onto to with without for about as under over after before through"
)
PLACE_NOUNS = word_set("top end rest beginning bottom middle start side edge front back")
NP_INSIDE = frozenset({"JJ", "JJR", "JJS", "NN", "VBN", "HYPH"})


def _article_before(toks: list[Tok], tags: list[str], lo: int, start: int) -> bool:
    """Does the word before a bare noun phrase at `start` want an article in it?"""
    p = start - 1
    if p < lo:
        return False
    word, tag = toks[p].low, tags[p]
    if word == "of":
        return (
            p - 2 >= lo and toks[p - 1].low in PLACE_NOUNS and toks[p - 2].low == "the"
        )  # "the top of page"
    if word in ARTICLE_PREPOSITIONS and tag in ("IN", "TO", "RB"):
        return not (p - 1 >= lo and toks[p - 1].low in ("more", "less", "rather", "other"))
    if word in ("is", "be", "was") or (
        tag == "RB" and p - 1 >= lo and toks[p - 1].low in ("is", "was", "be")
    ):
        return True  # "This is usually question", "which is page title"
    if p - 1 >= lo and (
        tags[p - 1] in ("DT", "PRP$")
        or (tags[p - 1] == "RB" and p - 2 >= lo and tags[p - 2] == "DT")
    ):
        return False  # "a reporting template", "A badly designed website"
    q = p
    while q > lo and q > p - 3 and tags[q] in MODIFIER_RUN:
        q -= 1
    if q < p and tags[q] in ("DT", "PRP$") and tags[q + 1] in MODIFIER_RUN:
        return False  # "a paired coding session": the article stands before the modifiers
    if tag in ("VB", "VBP", "VBG", "VBZ", "VBD") and word not in ("do", "does", "did"):
        quoted = p - 1 >= lo and toks[p - 1].text in ("'", "‘", '"', "“")
        return not quoted and not (p == lo and start == p + 1 and toks[start].low in TITLES)
    return False


TITLES = word_set("page")  # "Start page" as a heading-like label
# Words between an article and its noun: "a paired coding session", "the newly built".
MODIFIER_RUN = frozenset({"VBN", "VBG", "JJ", "JJR", "JJS", "NN", "HYPH", "RB"})


def missing_article(toks: list[Tok], tags: list[str], lo: int, hi: int) -> Iterator[Hit]:
    """ "at top of a page", "see static message", "using accordion outweighs": a singular
    countable noun with no determiner, after a preposition, a verb or "is"."""
    for i in range(lo, hi):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < hi else None
        place = t.low in PLACE_NOUNS and nxt is not None and nxt.low == "of"  # "at top of"
        if not (place or (tags[i] == "NN" and t.low in COUNTABLE)) or not t.text.islower():
            continue
        if place and i > lo and toks[i - 1].low in ("on", "in"):
            continue  # "on top of", "in front of", "in back of": idioms
        if (
            nxt is not None
            and not place
            and (
                tags[i + 1] in ("NN", "NNS", "NNP", "NNPS", "CD", "HYPH", "POS")
                or nxt.text in ("-", "/", "’", "'", ":")
                or (len(nxt.text) == 1 and nxt.text.isalpha())  # "option a or b", "step A"
                or (lex.s_stem(nxt.low) or "") in lex.classes().nouns
                or (nxt.low in ("by", "to") and i + 2 < hi and toks[i + 2].low == t.low)
            )
        ):
            continue  # a modifier ("page title"), "page 3", "page by page"
        start = i
        while start - 1 >= lo and tags[start - 1] in NP_INSIDE and toks[start - 1].text.islower():
            start -= 1
        if any(toks[k].low in ("and", "or") for k in range(start, i)):
            continue
        if start - 1 >= lo and toks[start - 1].low in ("and", "or", ","):
            continue  # "a link or button": the article is shared
        before = toks[start - 1].low if start > lo else ""
        if (
            not _article_before(toks, tags, lo, start)
            or any("'" in toks[k].text or "’" in toks[k].text for k in range(start - 1, i))
            or (before == "to" and start == i and lex.is_verb(t.low))
            or (before == "into" and t.low == "account")
            or (before in ("for", "at") and start == i and t.low == "interview")
        ):
            continue  # "today's interview", "to file", "into account", "invited for interview"
        yield Hit(
            toks[start].start,
            t.end,
            "missing-word",
            WARNING,
            f'"{f"{toks[start].text} … " if start < i else ""}{t.text}" is missing "a" or "the".',
            f"the {toks[start].text}" if start < i else f"the {t.text}",
        )


# Adverbs that stand between a subject and its verb ("users often/generally/only need").
MID_ADVERBS = word_set(
    """often generally usually always never also only currently sometimes rarely still
    typically normally frequently just really actually already even likely"""
)


def _adverb_between(toks: list[Tok], tags: list[str], lo: int, hi: int, k: int) -> bool:
    """Is "likely" at k an adverb, between a noun and a finite verb?"""
    return (
        toks[k].low == "likely"
        and tags[k] == "JJ"
        and lo < k < hi - 1
        and tags[k - 1] in NOUN_TAGS
        and tags[k + 1] in FINITE_TAGS
    )


def _verb_after_adverb(toks: list[Tok], tags: list[str], lo: int, k: int) -> bool:
    """Is the -s word at k a verb, after a noun or pronoun and adverbs such as "often"?"""
    if tags[k] != "NNS" or not toks[k].text.islower() or lex.third_person_base(toks[k].low) is None:
        return False
    j = k - 1
    while j > lo and toks[j].low in MID_ADVERBS:
        j -= 1
    return j < k - 1 and j >= lo and tags[j] in ("NNS", "NN", "PRP") and toks[j].low != "it"


def _retag(toks: list[Tok], tags: list[str], lo: int, hi: int) -> None:
    """Corrections the rules need: a capitalised word inside a sentence that the tagger read
    as an adjective is a name ("GovConnect help"); "micro-purchasing" is a noun."""
    first = toks[lo].text if lo < hi else ""
    if (
        hi - lo > 2
        and first[:1].isupper()
        and first[1:].islower()
        and tags[lo] in ("DT", "JJ", "NNP", "VB", "VBZ", "NN")
        and first.endswith("s")
        and not first.endswith("ss")
        and lex.s_stem(first.lower()) is not None
        and tags[lo + 1] in ("RB", "VBZ", "VBP", "MD", "NNS")
    ):
        tags[lo] = "NNS"  # "Widgets typically sits": a plural noun starts the sentence
    for k in range(lo, hi):
        word = toks[k].text
        if tags[k] == "DT" and toks[k].low not in DETERMINER_WORDS and word.isalpha():
            # "Qualified clinicians/DT checks": a closed class; any other word is a noun
            tags[k] = "NNS" if lex.s_stem(toks[k].low) is not None else "NN"
            continue
        if tags[k] == "JJ" and k > lo and word[:1].isupper() and any(c.isupper() for c in word[1:]):
            tags[k] = "NNP"
        elif _adverb_between(toks, tags, lo, hi, k):
            tags[k] = "RB"  # "other laws likely/JJ does": an adverb between subject and verb
        elif _verb_after_adverb(toks, tags, lo, k):
            tags[k] = "VBZ"  # "tools currently only covers/NNS": a noun cannot follow there
        elif (
            tags[k] == "VBZ"
            and k + 1 < hi
            and tags[k + 1] == "VBZ"
            and (k == lo or tags[k - 1] in ("NN", "DT", "JJ"))
            and lex.s_stem(toks[k].low) in lex.classes().nouns
            and toks[k].text.islower()
        ):
            tags[k] = "NNS"  # "Text boxes/VBZ looks": two verbs in a row, the first a noun
        elif tags[k] == "VBG" and k > lo and tags[k - 1] == "HYPH":
            tags[k] = "NN"
        elif tags[k] == "NNS" and k > lo and tags[k - 1] == "NNS" and _verb_only_s(toks[k].low):
            tags[k] = "VBZ"  # "Sponsorship donations begins/NNS at": no noun ends so


def _verb_only_s(low: str) -> bool:
    """An -s form whose stem is a verb and never a noun ("begins", "provides"): the
    third person, whatever the tagger read."""
    stem = lex.s_stem(low)
    known = lex.classes()
    return stem is not None and stem in known.verbs and stem not in known.nouns


# A word the counts find after "to/will/can" this many times as often as after
# "the/a/an" is read as a verb where its other number was read as a noun.
VERB_READING = 15.0
# A verb found only in the slip-aware tagger's reading is reported unless the n-gram
# model finds the suggested form more than ten times less likely in its three-word window
# (log10 units; the window rarely reaches the subject, so a small loss is allowed).
SLIP_GAIN_FLOOR = -1.0
# ... and unless the word is mostly a noun: "credit card", "recruitment brief", "prototype
# kit" (verb uses, after "to/will/can", per noun uses, after "the/a/an", in the counts).
VERBINESS = 0.1
TIME_NOUNS = word_set("today yesterday tomorrow tonight now")
HOMOPHONE_WORDS = word_set("to too two than then their there they're its it's your you're")


def _verbs_from(slip_tags: list[str], tags: list[str], lo: int, hi: int) -> list[str]:
    """The first tagger's tags with the slip-aware tagger's finite verbs where the first
    read a noun or a modifier: the second finds the slipped verb ("GitHub allow/VBP"), the
    first the nouns around it ("Content/NN include", where the second reads an imperative)."""
    out = list(tags)
    for k in range(lo, hi):
        if slip_tags[k] in ("VBZ", "VBP") and tags[k] not in ("VBZ", "VBP", "MD"):
            out[k] = slip_tags[k]
    return out


def _agreement_both(
    toks: list[Tok], tags: list[str], slip_tags: list[str], lo: int, hi: int, american: bool
) -> Iterator[Hit]:
    """Agreement read in both taggers' tags. The first tagger, learnt from edited prose,
    reads a verb in the wrong number as a noun ("GitHub allow/NN multiple developers");
    the second, learnt also from copies with slipped verbs (`tagger.tag_slips`), reads it
    as a verb, but also reads some nouns as verbs ("credit card/VBP"). So what only the
    second finds is checked against the n-gram counts and against nouns before it is
    reported; on the tuning sets this found 18 more agreement slips and no more false
    warnings on their unmodified texts (docs/benchmarks.md, round 10)."""
    found = list(agreement(toks, tags, lo, hi, american=american))
    yield from found
    ends = {h.end for h in found}
    model = ngram.model()
    words = ngram.padded([toks[k].low for k in range(lo, hi)])
    merged = _verbs_from(slip_tags, tags, lo, hi)
    # a reading the same as the first tagger's adds nothing to what was found above
    readings = [r for r in (slip_tags, merged) if r[lo:hi] != tags[lo:hi]]
    if len(readings) == 2 and merged[lo:hi] == slip_tags[lo:hi]:
        readings = readings[:1]
    for h in (
        h for r in readings for h in agreement(toks, r, lo, hi, retag=False, american=american)
    ):
        if h.end in ends:
            continue
        ends.add(h.end)
        i = next(k for k in range(lo, hi) if toks[k].end == h.end)
        head = next(k for k in range(lo, hi) if toks[k].start == h.start)
        if not tags[i].startswith("VB") and (
            "VBG" in (tags[head], slip_tags[head])  # "Using an affinity map to group"
            or ngram.verbiness(model, lex.third_person_base(toks[i].low) or toks[i].low) < VERBINESS
        ):
            continue
        if toks[head].low in TIME_NOUNS or (
            tags[head] in ("VBZ", "VBP", "VBD", "MD", "VB", "IN")
            and (slip_tags[head] not in NOUN_TAGS or (head == lo and tags[head] == "VB"))
        ):  # "Use hint text": an imperative; "that forms/VBZ on a page is": a noun
            continue  # "most people today use", "something that exists that follows", "while"
        if not toks[head].text.islower() and toks[head].low.endswith("s") and head > lo:
            continue  # "Advisory Notes advises", "Lasting Powers of Attorney requires": a name
        if any(toks[k].low.replace("’", "'") in HOMOPHONE_WORDS for k in range(head, i)):
            continue  # "the Bureau too conduct", "than edit it": a homophone's, not this

        fix = ngram.normal(h.fix.lower())
        if lm_slips.delta(model, words, "verb", i - lo + 1, fix) > SLIP_GAIN_FLOOR:
            yield h


def _common_word(fix: str) -> bool:
    """Is the fix's last word one the counts know ("receives"), not one no text has
    ("keens", "trues"): then the agreement finding stands beside a missing "is"."""
    words = fix.split()
    return bool(words) and ngram.model().count((words[-1].lower(),)) >= RARE_FIX


RARE_FIX = 10


def hits(toks: list[Tok], text: str, american: bool = False) -> Iterator[Hit]:
    """Every tagged finding of the text; `american` reads collective nouns as American
    English does, in the singular ("the team is", "the agency uses")."""
    # Two lists for the whole text: each sentence's tags are appended and blanked after it,
    # so a rule sees "" before its sentence and the list ends with it, as before; a new
    # list per sentence, padded to its start, made 30,000 one-word sentences quadratic.
    tags: list[str] = []
    slip_tags: list[str] = []
    done = 0
    for sent in sentences(toks, text):
        lo, hi = sent.start, sent.stop
        for k in range(done, len(tags)):
            tags[k] = slip_tags[k] = ""
        done = lo
        del tags[lo:], slip_tags[lo:]
        tags.extend([""] * (lo - len(tags)))
        slip_tags.extend([""] * (lo - len(slip_tags)))
        tags.extend(tagger.tag([toks[k].text for k in sent]))
        for k in sent:
            if toks[k].text == "IT" and tags[k] == "PRP":
                tags[k] = "NNP"  # "IT support": information technology, not the pronoun
        yield from confusables.hits(toks, tags, lo, hi)  # before _retag: as they learnt
        yield from verb_forms.hits(toks, tags, lo, hi)
        yield from lm_slips.hits(toks, tags, lo, hi)
        yield from article_model.hits(toks, tags, lo, hi)
        _retag(toks, tags, lo, hi)
        slip_tags.extend(tagger.tag_slips(tuple(toks[k].text for k in sent)))
        _retag(toks, slip_tags, lo, hi)
        yield from these_this(toks, tags, lo, hi)
        # A clause missing its "is" ("the team very keen to") has no verb to agree: its
        # predicate must not be read as one ("keen" -> "keens").
        verbless = list(grammar_verbless_clause.hits(toks, tags, lo, hi, text))
        predicates = grammar_verbless_clause.predicate_ends(toks, tags, lo, hi, verbless)
        yield from (
            h
            for h in _agreement_both(toks, tags, slip_tags, lo, hi, american)
            if h.end not in predicates or _common_word(h.fix)
        )
        yield from verbless
        yield from existential(toks, tags, lo, hi)
        yield from grammar_existential_no.hits(toks, tags, lo, hi)
        yield from _do_question_form(toks, tags, lo, hi)
        yield from homophones(toks, tags, lo, hi)
        yield from grammar_homophones.hits(toks, tags, slip_tags, lo, hi)
        yield from missing_article(toks, tags, lo, hi)
        yield from grammar_missing.hits(toks, tags, lo, hi, text)
        yield from grammar_coordinated.hits(toks, tags, lo, hi, text)
        yield from grammar_plain_form.hits(toks, tags, lo, hi, text)
