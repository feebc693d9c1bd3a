"""Checker reports as text: one line per finding, compiler style, then a summary.

Plain strings (no Click, no Rich): `afterview check` prints them on its light path.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from afterview.writing.checker import Report

PART_NAMES = {"thanks": "thanks", "specific-point": "specific point", "sell": "the sell"}


def render(report: Report, source: str) -> str:
    lines = []
    for f in report.findings:
        hint = f" → {', '.join(f.suggestions[:5])}" if f.suggestions else ""
        lines.append(
            f"{source}:{f.line}:{f.column}: {f.severity.value}: {f.message}{hint} [{f.rule}]"
        )
    if report.parts:
        found = ", ".join(f"{PART_NAMES.get(p.part, p.part)} (line {p.line})" for p in report.parts)
        lines.append(f"P5 parts found: {found}.")
    lines.append(summary(report))
    return "\n".join(lines)


def summary(report: Report) -> str:
    counts: dict[str, int] = {}
    for f in report.findings:
        counts[f.severity.value] = counts.get(f.severity.value, 0) + 1
    words = (
        f"{report.words} words in the body "
        f"({report.limit_rule} asks for about {report.word_limit} at most)"
    )
    if not counts:
        return f"No problems found; {words}."
    parts = []
    for severity in ("error", "warning", "info"):
        n = counts.get(severity, 0)
        if n:
            parts.append(f"{n} {severity}{'s' if n != 1 else ''}")
    return f"{', '.join(parts)}; {words}."
