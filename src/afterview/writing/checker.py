"""Run every check over a text: the one entry point for the CLI, the drafts and the web editor.

Each check is a module under `checks/` with `check(doc, ctx) -> list[Finding]`;
they are independent, so adding one is adding a module to CHECKS. Spelling loads
its dictionary lazily (the first call in a process pays for it).
"""

from __future__ import annotations

import unicodedata

from afterview.errors import BadInput
from afterview.writing.context import CheckContext
from afterview.writing.findings import Finding, Located, Severity, ordered
from afterview.writing.frozen import Frozen
from afterview.writing.text import Document

# An email is rarely over 3,000 characters; anything past this is not one (P5: brief).
MAX_CHARS = 100_000
CHECKS = ("grammar", "tone", "names", "leftovers", "brevity", "shape", "slots")
# Checks that only ever apply to one kind of message: not even imported for the others
# (`shape` is P5's three-part thank-you; loading its patterns cost ~5 ms of every
# free-text `afterview check` process, docs/benchmarks.md).
ONLY_FOR_KIND = {"shape": "thank-you"}


class Report(Frozen):
    __slots__ = ("findings", "limit_rule", "parts", "word_limit", "words")
    findings: tuple[Finding, ...]
    parts: tuple[Located, ...]
    words: int
    word_limit: int
    limit_rule: str  # the playbook rule whose limit it is: "P5", "P7", "P8", "P12"

    def __init__(
        self,
        findings: tuple[Finding, ...],
        parts: tuple[Located, ...],
        words: int,
        word_limit: int,
        limit_rule: str = "P5",
    ) -> None:
        self._set(
            findings=findings,
            parts=parts,
            words=words,
            word_limit=word_limit,
            limit_rule=limit_rule,
        )

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    def to_plain(self) -> dict[str, object]:
        return {
            "findings": [f.to_plain() for f in self.findings],
            "parts": [p.to_plain() for p in self.parts],
            "words": self.words,
            "word_limit": self.word_limit,
            "errors": self.errors,
        }


def check_text(text: str, ctx: CheckContext, *, spelling: bool = True) -> Report:
    if len(text) > MAX_CHARS:
        raise BadInput(
            f"The text is {len(text):,} characters; the checker takes up to {MAX_CHARS:,} "
            "(a thank-you email is rarely over 1,500)."
        )
    if not text.strip():
        raise BadInput("The text is empty: there is nothing to check.")
    original = text
    text, starts, ends = normalised(text)
    doc = Document(text)
    findings: list[Finding] = []
    for name in CHECKS:
        if ONLY_FOR_KIND.get(name, ctx.kind) != ctx.kind:
            continue
        # __import__, not importlib.import_module: importing importlib costs a timed
        # `check` process ~0.5 ms (docs/benchmarks.md)
        module = __import__(f"afterview.writing.checks.{name}", fromlist=["check"])
        findings.extend(module.check(doc, ctx))
    if ctx.organisation or ctx.role:
        findings = _outside_recorded_names(findings, text, ctx)
    if spelling:
        from afterview.writing.checks import spelling as spelling_check

        # one finding per span: a names error says more than the speller's; a misspelt
        # word, or a recorded name in lower case, outranks a grammar warning on the same
        # word ("thanks to priya's team" wants a capital, not "the")
        taken = {(f.offset, f.length) for f in findings if f.severity is Severity.ERROR}
        spelled = [f for f in spelling_check.check(doc, ctx) if (f.offset, f.length) not in taken]
        capital = {(f.offset, f.length) for f in spelled if f.rule == "spelling.capital"}
        misspelt = {(f.offset, f.length) for f in spelled if f.severity is Severity.ERROR}
        findings = [
            f
            for f in findings
            if f.severity is Severity.ERROR
            or (
                (f.offset, f.length) not in capital
                # a misspelt word outranks a guess about a word missing around it ("is
                # availibility", "saw teh report": the guess read the slip as a noun),
                # not a confusion the grammar names ("cost affective")
                and not (f.rule == "grammar.missing-word" and _overlaps(f, misspelt))
            )
        ]
        taken |= {(f.offset, f.length) for f in findings}
        findings.extend(f for f in spelled if (f.offset, f.length) not in taken)
    if "[" in text:
        findings = _outside_slots(findings, text)
    parts: tuple[Located, ...] = ()
    if ctx.kind == "thank-you":
        from afterview.writing.checks import shape

        parts = tuple(shape.locate(doc, ctx))
    if starts is not None and ends is not None:
        source = Document(original)
        findings = [_mapped(f, source, starts, ends) for f in findings]
        parts = tuple(_mapped_part(p, source, starts, ends) for p in parts)
    from afterview.writing.checks.brevity import limit_rule

    return Report(
        tuple(ordered(findings)),
        parts,
        len(doc.body_words),
        word_limit(ctx),
        limit_rule(ctx.kind),
    )


def _outside_recorded_names(findings: list[Finding], text: str, ctx: CheckContext) -> list[Finding]:
    """The organisation's name and the role's title are the employer's words: a grammar
    finding that starts inside them ("Save the Children", "Business to Business Sales
    Representative", "National Aeronautics and Space Administration is") is not the
    candidate's slip (P5: names spelled as recorded are right by definition)."""
    from afterview.writing.checks.names import recorded_forms

    plain = text.replace("’", "'")
    spans: list[tuple[int, int]] = []
    for name in recorded_forms(ctx):
        start = plain.find(name)
        while start >= 0:
            spans.append((start, start + len(name)))
            start = plain.find(name, start + 1)
    if not spans:
        return findings
    return [
        f
        for f in findings
        if not f.rule.startswith("grammar.") or not any(a <= f.offset < b for a, b in spans)
    ]


def _outside_slots(findings: list[Finding], text: str) -> list[Finding]:
    """A slot's note is the candidate's shorthand, waiting to be rewritten (P5): the slot
    itself is the error; its note's spelling or grammar ("theyre", "wants someone") is
    not reported, only the sentence that replaces it will be."""
    from afterview.writing.slots import find_slots

    spans = [(s.start, s.end) for s in find_slots(text)]
    return [
        f
        for f in findings
        if f.rule.startswith("slot.")
        or not any(start <= f.offset and f.offset + f.length <= end for start, end in spans)
    ]


def word_limit(ctx: CheckContext) -> int:
    """The body's word limit for the kind of message (checks/brevity.py); for free text,
    which has none, the thank-you limit is shown as a yardstick."""
    from afterview.writing.checks.brevity import limit_for

    return limit_for(ctx) or ctx.word_limit


def normalised(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """The text in Unicode NFC ("Zoë" typed as e + combining diaeresis is one letter),
    with, for each of its characters, where it starts and ends in the original; None
    when the text is NFC already (the usual case: nothing to map)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text, None, None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    index = 0
    while index < len(text):
        end = index + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        piece = unicodedata.normalize("NFC", text[index:end])
        pieces.append(piece)
        starts.extend([index] * len(piece))
        ends.extend([end] * len(piece))
        index = end
    return "".join(pieces), starts, ends


def _span(offset: int, length: int, starts: list[int], ends: list[int]) -> tuple[int, int]:
    if not starts:
        return 0, 0
    start = starts[min(offset, len(starts) - 1)] if offset < len(starts) else ends[-1]
    if length <= 0:
        return start, 0
    end = ends[min(offset + length, len(ends)) - 1]
    return start, end - start


def _mapped(finding: Finding, source: Document, starts: list[int], ends: list[int]) -> Finding:
    offset, length = _span(finding.offset, finding.length, starts, ends)
    line, column = source.position(offset)
    return finding.replace(offset=offset, length=length, line=line, column=column)


def _mapped_part(part: Located, source: Document, starts: list[int], ends: list[int]) -> Located:
    offset, length = _span(part.offset, part.length, starts, ends)
    line, column = source.position(offset)
    return part.replace(offset=offset, length=length, line=line, column=column)


def _overlaps(finding: Finding, spans: set[tuple[int, int]]) -> bool:
    end = finding.offset + finding.length
    return any(start < end and finding.offset < start + length for start, length in spans)
