"""What one checker rule reports on a text, as the rule tests compare it."""

from __future__ import annotations

from afterview.writing.checker import check_text
from afterview.writing.context import CheckContext


def spans_and_fixes(
    text: str, rule: str, language: str = "en-US"
) -> list[tuple[str, tuple[str, ...]]]:
    """(span, suggestions) of each finding of `rule` on the text, checked as `check` does."""
    report = check_text(text, CheckContext(language=language))
    return [
        (text[f.offset : f.offset + f.length], f.suggestions)
        for f in report.findings
        if f.rule == rule
    ]
