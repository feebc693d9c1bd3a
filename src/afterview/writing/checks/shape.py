"""Shape: P5's thank-you email has "exactly three parts, in this order": thanks for their
time; one specific point or topic from the interview (drawn from the debrief's nuggets,
P4); the subtle sell (enthusiasm, how the candidate's skills and experience fit, and an
offer of further documents or information). Only for ctx.kind == "thank-you".

`locate(doc, ctx)` finds each part as sentence spans of the body (doc.sentences):

- `thanks`: the first sentence that thanks (thank, grateful, appreciate ...);
- `specific-point`: the first other sentence that shares at least two content words
  with a debrief nugget (ctx.nuggets; one word when the nugget has only one), or that
  refers to a topic of the interview ("especially enjoyed", "hearing about", "our
  conversation about", "you mentioned" ...);
- `sell`: from the first to the last remaining sentence showing enthusiasm ("excited",
  "keen", "would love"), fit (ctx.skills, "experience", "background", "years of") or
  an offer ("happy to send", "portfolio", "references", "any further information").

`check(doc, ctx)` reports `shape.p5.missing` (error) per missing part, `shape.p5.order`
(warning) when the parts are out of order, and `shape.p5.sell-incomplete` (warning) when
the sell lacks enthusiasm, fit or the offer. The cues are deliberately generous: the
check is there to catch an email that forgot a part, not to grade the prose.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from afterview.writing.checks._util import word_set
from afterview.writing.context import CheckContext
from afterview.writing.findings import Finding, Located, Severity
from afterview.writing.pattern_cache import private
from afterview.writing.slots import find_slots
from afterview.writing.text import WORD, Document, Span

THANK_YOU = "thank-you"
PARTS = ("thanks", "specific-point", "sell")

THANKS = re.compile(r"(?i)\b(?:thank|thanks|grateful|gratitude|appreciate|appreciated)\b")
SPECIFIC = re.compile(
    r"""(?ix)
      \b(?:especially|particularly|really|most|greatly)\s+(?:enjoyed|liked|valued|appreciated)\b
    | \b(?:hearing|learning|talking|speaking|reading)\s+about\b
    | \b(?:to\s+(?:learn|hear)|interested\s+in\s+(?:hearing|learning))\b
    | \bour\s+(?:conversation|discussion|chat|talk|exchange)\s+(?:about|on|of|around|regarding)\b
    | \byou\s+(?:mentioned|described|shared|explained|outlined|told\s+me|showed|walked\s+me)\b
    | \b(?:fascinating|intrigued|struck\s+by|stood\s+out|caught\s+my\s+attention|stuck\s+with\s+me|
        impressed\s+by)\b
    | \b(?:especially|particularly|most|greatly)\s+interested\s+(?:in|to|by)\b
    | \byour\s+(?:work|plans?|project|approach|vision|strategy|research|roadmap|point)\s+
        (?:on|to|for|around|about|of)\b
    | \bfound\b[^.!?\n]{0,60}\b(?:interesting|fascinating|inspiring|exciting|compelling)\b
    """
)
ENTHUSIASM = re.compile(
    r"""(?ix)
      \b(?:excited|enthusiastic|enthusiasm|keen|eager|delighted|thrilled|passionate)\b
    | \b(?:would|I['’]d)\s+(?:love|welcome|relish)\b
    | \b(?:genuinely|very|really|particularly)\s+(?:interested|excited|keen|enthusiastic)\b
    | \b(?:proud|honou?red)\s+to\b
    | \blook(?:ing)?\s+forward\s+to\s+(?:joining|working|contributing|being\s+part|
        the\s+(?:chance|opportunity))\b
    """
)
FIT = re.compile(
    r"""(?ix)
      \b(?:experience|background|skills?|expertise|track\s+record|qualifications?|qualified)\b
    | \byears?\s+(?:of|in|at|running|building|leading|managing|working|selling|teaching)\b
    | \b(?:fits?|fitting|match(?:es)?|align(?:s|ed)?)\b
    """
)
OFFER = re.compile(
    r"""(?ix)
      \b(?:happy|glad|pleased|delighted|willing)\s+to\s+(?:send|provide|share|supply|forward|
        discuss|give)\b
    | \b(?:portfolio|references?|work\s+samples|code\s+samples|writing\s+samples)\b
    | \b(?:any|further|additional|more|other)\s+(?:documents?|documentation|information|details|
        examples)\b
    | \bplease\s+(?:let\s+me\s+know|do\s+not\s+hesitate|don['’]t\s+hesitate)\b
    """
)
STOPWORDS = word_set(
    """the and for with from that this their there they them your you our was were will
    would could have has had about into over more most some such than then when what
    which while also just very really team role company interview interviews work
    working time today yesterday week new plans plan"""
)


@dataclass(frozen=True, slots=True)
class Parts:
    """Indexes into doc.sentences for each part (sell: every sentence of it)."""

    thanks: int | None
    specific: int | None
    sell: tuple[int, ...]


def _stem(word: str) -> str:
    """Crude stem so "pipelines" meets "pipeline", "launching" meets "launch"."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    return word[:6] if len(word) > 6 else word.rstrip("s")


def _content(text: str) -> set[str]:
    return {_stem(w) for w in WORD.findall(text) if len(w) >= 4 and w.lower() not in STOPWORDS}


@lru_cache(maxsize=32)
def _nugget_keys(nuggets: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(_content(n)) for n in nuggets if _content(n))


@lru_cache(maxsize=32)
def _skills_pattern(skills: tuple[str, ...]) -> re.Pattern[str] | None:
    names = [re.escape(s.strip()) for s in skills if s.strip()]
    if not names:
        return None
    return re.compile(private(r"(?i)(?<!\w)(?:" + "|".join(names) + r")(?!\w)"))


def _mentions_nugget(sentence: str, nuggets: tuple[frozenset[str], ...]) -> bool:
    words = _content(sentence)
    return any(len(words & nugget) >= min(2, len(nugget)) for nugget in nuggets)


def _parts(doc: Document, ctx: CheckContext) -> Parts:
    sentences = [doc.text[s.start : s.end] for s in doc.sentences]
    thanks = next((i for i, s in enumerate(sentences) if THANKS.search(s)), None)
    nuggets = _nugget_keys(ctx.nuggets)
    topical = [
        i for i, s in enumerate(sentences) if SPECIFIC.search(s) or _mentions_nugget(s, nuggets)
    ]
    specific = next((i for i in topical if i != thanks), topical[0] if topical else None)
    skills = _skills_pattern(ctx.skills)
    # A sentence elaborating the specific point ("I would love to hear more about it")
    # sounds keen but is not the sell: beside the point, only fit or an offer counts.
    beside = _same_paragraph(doc, specific)
    sell = tuple(
        i
        for i, s in enumerate(sentences)
        if i not in (thanks, specific)
        and (
            (ENTHUSIASM.search(s) and i not in beside)
            or FIT.search(s)
            or OFFER.search(s)
            or (skills is not None and skills.search(s))
        )
    )
    return Parts(thanks, specific, sell)


def _same_paragraph(doc: Document, index: int | None) -> set[int]:
    """Indexes of the sentences sharing a paragraph with sentence `index`."""
    if index is None:
        return set()
    anchor = doc.sentences[index]
    for paragraph in doc.paragraphs():
        if paragraph.start <= anchor.start < paragraph.end:
            return {
                i for i, s in enumerate(doc.sentences) if paragraph.start <= s.start < paragraph.end
            }
    return set()


def _located(doc: Document, part: str, span: Span) -> Located:
    line, column = doc.position(span.start)
    return Located(part, span.start, span.end - span.start, line, column)


def _sell_span(doc: Document, sell: tuple[int, ...]) -> Span:
    first, last = doc.sentences[sell[0]], doc.sentences[sell[-1]]
    return Span(first.start, last.end)


def locate(doc: Document, ctx: CheckContext) -> list[Located]:
    """Where each of P5's parts is, in P5's order (parts not found are left out)."""
    if ctx.kind != THANK_YOU:
        return []
    parts = _parts(doc, ctx)
    found: list[Located] = []
    if parts.thanks is not None:
        found.append(_located(doc, "thanks", doc.sentences[parts.thanks]))
    if parts.specific is not None:
        found.append(_located(doc, "specific-point", doc.sentences[parts.specific]))
    if parts.sell:
        found.append(_located(doc, "sell", _sell_span(doc, parts.sell)))
    return found


def _missing_message(part: str, ctx: CheckContext) -> str:
    if part == "thanks":
        return (
            "P5's first part is missing: thank them for their time "
            '(e.g. "Thank you for taking the time to meet me today").'
        )
    if part == "specific-point":
        example = f' - for instance "{ctx.nuggets[0]}"' if ctx.nuggets else ""
        return (
            "P5's second part is missing: mention one specific point or topic from the "
            f"interview, to show you listened (a nugget from your debrief{example})."
        )
    return (
        "P5's third part is missing: the subtle sell - your enthusiasm for the role and the "
        "organisation, how your skills and experience fit, and an offer to provide any "
        "further documents or information."
    )


def _anchor(doc: Document, part: str, parts: Parts) -> Span:
    """Where a missing part should go: the sentence it belongs next to."""
    sentences = doc.sentences
    if not sentences:
        return Span(doc.body.start, doc.body.start)
    if part == "thanks":
        return sentences[0]
    if part == "specific-point":
        after = (parts.thanks + 1) if parts.thanks is not None else 0
        return sentences[min(after, len(sentences) - 1)]
    return sentences[-1]


def _sell_gaps(doc: Document, ctx: CheckContext, sell: tuple[int, ...]) -> list[str]:
    text = " ".join(doc.text[doc.sentences[i].start : doc.sentences[i].end] for i in sell)
    skills = _skills_pattern(ctx.skills)
    gaps: list[str] = []
    if not ENTHUSIASM.search(text):
        gaps.append("enthusiasm for the role and the organisation")
    if not (FIT.search(text) or (skills is not None and skills.search(text))):
        gaps.append("how your skills and experience fit")
    if not OFFER.search(text):
        gaps.append("an offer to provide any further documents or information")
    return gaps


def check(doc: Document, ctx: CheckContext) -> list[Finding]:
    """P5's three parts: missing (error), out of order or an incomplete sell (warning)."""
    if ctx.kind != THANK_YOU:
        return []
    parts = _parts(doc, ctx)
    findings: list[Finding] = []
    present = {
        "thanks": parts.thanks is not None,
        # A slot is the specific point still to write: the slot check reports it once.
        "specific-point": parts.specific is not None or bool(find_slots(doc.text)),
        "sell": bool(parts.sell),
    }
    for part in PARTS:
        if not present[part]:
            span = _anchor(doc, part, parts)
            findings.append(
                doc.finding(
                    span.start,
                    span.end - span.start,
                    "shape.p5.missing",
                    Severity.ERROR,
                    _missing_message(part, ctx),
                )
            )
    starts = [
        (doc.sentences[index].start, name)
        for index, name in (
            (parts.thanks, "thanks"),
            (parts.specific, "specific point"),
            (parts.sell[0] if parts.sell else None, "sell"),
        )
        if index is not None
    ]
    if starts != sorted(starts):
        (first_start, first), (_, second) = next(
            (a, b) for a, b in itertools.pairwise(starts) if a > b
        )
        span = doc.sentences[[s.start for s in doc.sentences].index(first_start)]
        findings.append(
            doc.finding(
                span.start,
                span.end - span.start,
                "shape.p5.order",
                Severity.WARNING,
                f"P5's parts are out of order: the {second} comes before the {first}; the "
                "order is thanks, then one specific point, then the sell.",
            )
        )
    if parts.sell:
        gaps = _sell_gaps(doc, ctx, parts.sell)
        if gaps:
            span = _sell_span(doc, parts.sell)
            findings.append(
                doc.finding(
                    span.start,
                    span.end - span.start,
                    "shape.p5.sell-incomplete",
                    Severity.WARNING,
                    "The sell (P5's third part) lacks " + "; ".join(gaps) + ".",
                )
            )
    return findings
