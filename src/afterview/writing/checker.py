"""Run every check over a text: the one entry point for the CLI, the drafts and the web editor.

Each check is a module under `checks/` with `check(doc, ctx) -> list[Finding]`;
they are independent, so adding one is adding a module to CHECKS. Spelling loads
its dictionary lazily (the first call in a process pays for it).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from afterview.errors import BadInput
from afterview.writing.context import CheckContext
from afterview.writing.findings import Finding, Located, Severity, ordered
from afterview.writing.text import Document

# An email is rarely over 3,000 characters; anything past this is not one (P5: brief).
MAX_CHARS = 100_000
CHECKS = ("grammar", "tone", "names", "leftovers", "brevity", "shape", "slots")


@dataclass(frozen=True, slots=True)
class Report:
    findings: tuple[Finding, ...]
    parts: tuple[Located, ...]
    words: int
    word_limit: int

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
    doc = Document(text)
    findings: list[Finding] = []
    for name in CHECKS:
        module = importlib.import_module(f"afterview.writing.checks.{name}")
        findings.extend(module.check(doc, ctx))
    if spelling:
        from afterview.writing.checks import spelling as spelling_check

        taken = {(f.offset, f.length) for f in findings}
        findings.extend(
            f for f in spelling_check.check(doc, ctx) if (f.offset, f.length) not in taken
        )
    parts: tuple[Located, ...] = ()
    if ctx.kind == "thank-you":
        from afterview.writing.checks import shape

        parts = tuple(shape.locate(doc, ctx))
    return Report(tuple(ordered(findings)), parts, len(doc.body_words), ctx.word_limit)
