"""Names: P5's content check, "addressee's name and the organisation's name spelled as
recorded". "Dear Jon" to John, or "Brightwatter" for Brightwater, is the one slip a
recipient is sure to notice, so both are errors; the recorded spelling is the suggestion.

- `names.person` (error): a name in the greeting, after a title ("Mr Smyth") or
  capitalised mid-sentence that nearly matches a recorded person's first name or surname
  (ctx.people) but is not it: a near spelling (optimal-string-alignment distance 1 for
  names of 4-5 letters, 2 from 6 letters; never for 3 letters or fewer, so "Jo" and
  "Joe" are both left alone) or a case slip ("dear john"). A diacritic-only difference
  ("Zoe" for "Zoë") is a warning. An exact match, or the name of another recorded
  person, is never flagged. A greeting to a name that is not any recorded person is a
  warning ("not a recorded person of this opportunity").
- `names.organisation` (error): the organisation's name (ctx.organisation) misspelled:
  wrong case ("brightwater analytics", "BrightWater"), a near spelling of a distinctive
  word ("Brightwatter"), or a missing or extra space ("Bright Water").

Nothing is reported when the context records no people and no organisation. Capitalised
words at the start of a sentence or line, and common words ("Data", "May", "Will"), are
not taken for names unless they follow a title or sit in the greeting. The standard
salutations are no names: "Dear Hiring Manager", "Dear Search Committee", "Dear Chair",
"Dear Sir or Madam", "Dear Recruitment Team"; "Dear Director Okafor" checks "Okafor".
Straight and curly apostrophes are the same letter ("O’Connell" is O'Connell), and the
checker compares the text in Unicode NFC, so a decomposed "Zoë" is Zoë.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

from afterview.writing.checks._util import inside_any, url_spans, without_overlaps, word_set
from afterview.writing.context import CheckContext
from afterview.writing.findings import Finding, Severity
from afterview.writing.pattern_cache import private
from afterview.writing.text import WORD, Document, Token

TITLES = word_set(
    """mr mrs ms miss mx dr prof professor sir dame lord lady director chair chairperson
    president dean coach judge"""
)
GREETING_WORDS = word_set(
    """dear hi hello hey good morning afternoon evening all everyone team hiring manager
    managers sir madam there both colleagues panel recruitment folks again and or the to
    whom it may concern friends committee board members of interview interviewers search
    selection recruiting recruiter recruiters talent acquisition hr human resources people
    department faculty chair chairs chairperson director directors trustees partners
    admissions editor editors officer officers staff"""
)
# Capitalised for other reasons than being a name: never read as a misspelt name.
COMMON = word_set(
    """the a an and or but if so as at by for from in into of on onto to with about above
    after before under over up down out off this that these those there here then than
    when where which who whom whose what why how all any both each few more most other
    some such no nor not only own same too very can will just should now also may might
    must shall would could our your their his her its my we you they he she it me him
    them us is are was were be been being have has had do does did done say said get got
    make made go went come came see saw know knew take took give gave thank thanks dear
    hi hello kind best regards warm sincerely yours many great good well new one two three
    first second last next monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    spring summer autumn fall winter senior junior lead head chief principal data product
    design sales marketing engineer engineering manager director officer analyst
    developer team role position office group company please hope look looking forward
    year years day days week weeks month months mark will grace rose hope june dean"""
)
GENERIC_ORG = word_set(
    """ltd limited inc llc plc co corp corporation company group the and of gmbh llp lp
    holdings international uk us services solutions partners associates university college
    school academy analytics systems software health healthcare labs lab bank insurance
    foods energy logistics financial finance technologies technology consulting capital
    digital media studio studios hospital trust council agency global industries medical
    devices mobile robotics community centre center foundation institute"""
)
GREETING_STOP = re.compile(r"[,;:!?—–]|\.(?=\s|$)|\s-\s")
POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=4096)
def plain(name: str) -> str:
    """Case- and accent-free form for comparing spellings: "Zoë" -> "zoe"."""
    if name.isascii():
        return name.lower()
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def allowed_distance(length: int) -> int:
    """How far a spelling may stray and still be that name (short names never stray)."""
    if length <= 3:
        return 0
    if length <= 5:
        return 1
    return 2


def distance(a: str, b: str, cutoff: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours counts once), capped."""
    from rapidfuzz.distance import OSA

    return int(OSA.distance(a, b, score_cutoff=cutoff))


class Verdict:
    # A plain class, not a dataclass: each @dataclass costs ~1 ms of every `check` process.
    __slots__ = ("how", "recorded", "severity")

    def __init__(self, recorded: str, severity: Severity, how: str) -> None:
        self.recorded = recorded
        self.severity = severity
        self.how = how


def _core(token: Token) -> tuple[str, int]:
    """The token without a possessive "'s" (curly apostrophes as straight), and its length."""
    core = POSSESSIVE.sub("", token.text)
    return core.replace("’", "'"), len(core)


# --- people ---------------------------------------------------------------------------


def _person_parts(ctx: CheckContext) -> dict[str, str]:
    """Every recorded first name and surname -> the person's full recorded name."""
    parts: dict[str, str] = {}
    for person in ctx.people:
        for part in WORD.findall(person.name.replace("’", "'")):
            if part.lower().rstrip(".") not in TITLES and len(part) >= 2:
                parts.setdefault(part, person.name)
    return parts


def _person_verdict(word: str, parts: dict[str, str], strict_case: bool) -> Verdict | None:
    """Is `word` a slip for a recorded name part? None when it is one, or is not close."""
    if word in parts:
        return None
    key = plain(word)
    best: tuple[int, str] | None = None
    for part in parts:
        if word.casefold() == part.casefold():
            if strict_case or word[:1].isupper():
                return Verdict(part, Severity.ERROR, "case")
            continue
        if key == plain(part):
            return Verdict(part, Severity.WARNING, "accents")
        limit = allowed_distance(len(part))
        if limit == 0 or abs(len(key) - len(plain(part))) > limit:
            continue
        found = distance(key, plain(part), limit)
        if 0 < found <= limit and (best is None or found < best[0]):
            best = (found, part)
    return Verdict(best[1], Severity.ERROR, "spelling") if best else None


def _starts(doc: Document) -> set[int]:
    """Offsets where a capital proves nothing: sentence and line starts."""
    starts = {s.start for s in doc.sentences}
    starts.update(t.start for t in doc.words if t.start == 0 or doc.text[t.start - 1] == "\n")
    return starts


def _greeting_tokens(doc: Document) -> list[Token]:
    """The words naming the addressee: after "Dear"/"Hi", up to the first comma or stop
    ("Hello Sam, it's Alex Morgan." names only Sam)."""
    if doc.greeting is None:
        return []
    line = doc.text[doc.greeting.start : doc.greeting.end]
    end = doc.greeting.end
    for stop in GREETING_STOP.finditer(line):
        before = line[: stop.start()].split()
        if stop.group() == "." and before and before[-1].lower() in TITLES:
            continue  # "Dear Dr. Whitfield"
        end = doc.greeting.start + stop.start()
        break
    tokens: list[Token] = []
    for token in doc.words:
        if token.start >= end:
            break
        if (
            token.start >= doc.greeting.start
            and token.text.lower() not in GREETING_WORDS
            and token.text.lower() not in TITLES
        ):
            tokens.append(token)
    return tokens


def _after_titles(doc: Document) -> set[int]:
    """Offsets of the words that follow a title: "Mr Smith", "Dr. Mensah"."""
    return {
        following.start
        for title, following in itertools.pairwise(doc.words)
        if title.text.lower() in TITLES
        and doc.text[title.end : following.start].strip() in ("", ".")
    }


def _person_findings(doc: Document, ctx: CheckContext, org_words: set[str]) -> list[Finding]:
    parts = _person_parts(ctx)
    if not parts:
        return []
    findings: list[Finding] = []
    greeting = {t.start for t in _greeting_tokens(doc)}
    starts = _starts(doc)
    titled_starts = _after_titles(doc)
    closing = doc.closing
    for token in doc.words:
        in_greeting = token.start in greeting
        titled = token.start in titled_starts
        if not (in_greeting or titled) and not token.text[0].isupper():
            continue
        word, length = _core(token)
        lower = word.lower()
        salutation = lower in TITLES or lower in GREETING_WORDS
        in_greeting_line = (
            doc.greeting is not None and doc.greeting.start <= token.start < doc.greeting.end
        )
        if not (in_greeting or titled) and salutation and in_greeting_line:
            continue  # "Dear Chair", "Dear Search Committee": a salutation, not a name
        if not (in_greeting or titled) and (
            token.start in starts
            or (closing is not None and token.start >= closing.start)
            or word.lower() in COMMON
            or word in ctx.known_words
            or (len(word) > 1 and word.isupper())
        ):
            continue
        if word in org_words:
            continue
        verdict = _person_verdict(word, parts, strict_case=in_greeting or titled)
        if verdict is None:
            if in_greeting and word[:1].isupper() and word not in parts:
                findings.append(
                    doc.finding(
                        token.start,
                        length,
                        "names.person",
                        Severity.WARNING,
                        f'"{word}" is not a recorded person of this opportunity '
                        f"(recorded: {', '.join(p.name for p in ctx.people)}).",
                        tuple(sorted({_first(p.name) for p in ctx.people})),
                    )
                )
            continue
        full = parts[verdict.recorded]
        how = {
            "case": "in different capitals",
            "accents": "without its accents",
            "spelling": "misspelt",
        }[verdict.how]
        findings.append(
            doc.finding(
                token.start,
                length,
                "names.person",
                verdict.severity,
                f'"{word}" looks like {full}\'s name {how}: it is recorded as '
                f'"{verdict.recorded}" (P5: names spelled as recorded).',
                (verdict.recorded,),
            )
        )
    return findings


def _first(name: str) -> str:
    for match in WORD.finditer(name):
        if match.group().lower() not in TITLES:
            return match.group()
    return name


# --- the organisation -----------------------------------------------------------------


LEGAL_SUFFIX = re.compile(
    r"(?i)[\s,]+(?:ltd|limited|inc|llc|plc|co|corp|corporation|gmbh|llp|lp|s\.?a|ag|pty)\.?$"
)


def _without_legal_suffix(org: str) -> str:
    """ "Harbour & Finch Ltd" -> "Harbour & Finch": texts rarely write the suffix."""
    core = LEGAL_SUFFIX.sub("", org).strip()
    return core if WORD.search(core) else org


def _org_pattern(org: str) -> re.Pattern[str] | None:
    words = list(WORD.finditer(org))
    if not words:
        return None
    pieces = [re.escape(words[0].group())]
    for before, after in itertools.pairwise(words):
        separator = org[before.end() : after.start()]
        pieces.append(r"\s+".join(re.escape(p) for p in separator.split()) or "")
        if separator[:1].isspace():
            pieces[-1] = r"\s+" + pieces[-1]
        if separator[-1:].isspace() and separator.strip():
            pieces[-1] += r"\s+"
        pieces.append(re.escape(after.group()))
    return re.compile(private(r"\b" + "".join(pieces) + r"\b"), re.IGNORECASE)


class OrgIndex:
    """The recorded organisation's name, prepared once per check."""

    # A plain class, not a dataclass: each @dataclass costs ~1 ms of every `check` process.
    __slots__ = ("distinctive", "joined", "org", "split", "words")

    def __init__(
        self,
        org: str,
        words: frozenset[str],
        distinctive: tuple[str, ...],
        joined: dict[str, str],
        split: dict[str, str],
    ) -> None:
        self.org = org
        self.words = words
        self.distinctive = distinctive
        self.joined = joined  # plain("Brightwater") -> "Brightwater", for "Bright Water"
        self.split = split  # plain("RedWood") -> "Red Wood", for "Redwood"


def recorded_forms(ctx: CheckContext) -> tuple[str, ...]:
    """The organisation's name (whole and without its legal suffix) and the role's title
    as a text may write them (straight apostrophes), longest first; words of two letters
    or fewer are no name."""
    forms: set[str] = set()
    for recorded in (ctx.organisation, ctx.role):
        name = (recorded or "").strip().replace("’", "'")
        if len(name) > 2:
            forms.add(name)
            forms.add(_without_legal_suffix(name))
    return tuple(sorted((f for f in forms if len(f) > 2), key=len, reverse=True))


def _same_form(text: str) -> str:
    """Spaces and apostrophes as one form, for comparing a name as written."""
    return " ".join(text.replace("’", "'").split())


def _org_index(org: str) -> OrgIndex:
    org = org.replace("’", "'")
    matches = list(WORD.finditer(org))
    words = [m.group() for m in matches]
    distinctive = tuple(w for w in words if w.lower() not in GENERIC_ORG and len(w) >= 3)
    split = {
        plain(left.group() + right.group()): org[left.start() : right.end()]
        for left, right in itertools.pairwise(matches)
    }
    return OrgIndex(
        org,
        frozenset(words),
        distinctive or tuple(words),
        {plain(w): w for w in (distinctive or words)},
        split,
    )


def _org_findings(doc: Document, ctx: CheckContext, person_parts: set[str]) -> list[Finding]:
    org = (ctx.organisation or "").strip()
    index = _org_index(org)
    if not index.words:
        return []
    findings: list[Finding] = []
    covered: list[tuple[int, int]] = []
    message = f'The organisation is recorded as "{org}" (P5: its name spelled as recorded).'
    core = _without_legal_suffix(org)
    pattern = _org_pattern(core)
    core_words = list(WORD.finditer(core))
    if pattern is not None and len(core_words) > 1:
        # the pattern runs from the first word to the last: "Merck & Co." is found as
        # "Merck & Co" (its full stop may end the sentence), "180 Life Sciences" as
        # "Life Sciences", "Women’s" typed as "Women's"
        expected = _same_form(core[core_words[0].start() : core_words[-1].end()])
        for m in pattern.finditer(doc.text):
            covered.append(m.span())
            if _same_form(m.group()) != expected:
                findings.append(
                    doc.finding(
                        m.start(),
                        m.end() - m.start(),
                        "names.organisation",
                        Severity.ERROR,
                        message,
                        (core,),
                    )
                )
    starts = _starts(doc)
    tokens = doc.words
    folded = {w.casefold() for w in index.distinctive}
    for position, token in enumerate(tokens):
        if token.text[0].islower() and POSSESSIVE.sub("", token.text).casefold() not in folded:
            continue  # only a case slip of a recorded word matters in lower case
        word, length = _core(token)
        if (
            len(word) < 3
            or word in index.words
            or token.text.replace("’", "'") in index.words  # "Macy's", "Barnardo's"
            or word in person_parts
            or word in ctx.known_words
            or inside_any(token.start, token.end, covered)
        ):
            continue
        if position + 1 < len(tokens) and word[0].isupper():
            following = tokens[position + 1]
            if doc.text[token.end : following.start] in (" ", "-"):
                joined = index.joined.get(plain(word + _core(following)[0]))
                if joined is not None:
                    end = following.start + _core(following)[1]
                    findings.append(
                        doc.finding(
                            token.start,
                            end - token.start,
                            "names.organisation",
                            Severity.ERROR,
                            message,
                            (joined,),
                        )
                    )
                    continue
        suggestion = _org_word_slip(word, index.distinctive, token.start in starts)
        if suggestion is None:
            suggestion = index.split.get(plain(word))
        if suggestion is not None:
            findings.append(
                doc.finding(
                    token.start,
                    length,
                    "names.organisation",
                    Severity.ERROR,
                    message,
                    (suggestion,),
                )
            )
    return findings


def _org_word_slip(word: str, distinctive: tuple[str, ...], at_start: bool) -> str | None:
    """The recorded word `word` is a slip for: wrong case or a near spelling."""
    folded = word.casefold()
    for recorded in distinctive:
        if folded == recorded.casefold():
            plain_word = len(recorded) < 8 and recorded[1:].lower() == recorded[1:]
            if word.islower() and plain_word:
                continue  # "summit" may be the plain word; "brightwater" is not
            return recorded
    if not word[:1].isupper() or (len(word) > 1 and word.isupper()):
        return None
    if folded in COMMON:
        return None
    for recorded in distinctive:
        limit = allowed_distance(len(recorded)) if len(recorded) >= 5 else 0
        if at_start:  # any word may be capitalised there: "Submit" is not "Summit"
            limit = min(limit, 1) if len(recorded) >= 7 else 0
        if limit == 0 or abs(len(word) - len(recorded)) > limit:
            continue
        if 0 < distance(plain(word), plain(recorded), limit) <= limit:
            return recorded
    return None


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    """Misspelt people's and organisation's names; nothing without recorded names."""
    if not ctx.people and not (ctx.organisation or "").strip():
        return []
    org_words = set(WORD.findall(ctx.organisation or ""))
    person_parts = set(_person_parts(ctx))
    urls = url_spans(doc)
    found = [
        *_person_findings(doc, ctx, org_words),
        *_org_findings(doc, ctx, person_parts),
    ]
    return without_overlaps(
        [f for f in found if not inside_any(f.offset, f.offset + f.length, urls)]
    )
