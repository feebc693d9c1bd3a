"""What the checker reports, in one shape for the CLI, the JSON output and the web editor."""

from __future__ import annotations

from enum import StrEnum

from afterview.writing.frozen import Frozen


class Severity(StrEnum):
    """`error` blocks sending (exit 1); `warning` deserves a look; `info` is a hint."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Finding(Frozen):
    """One problem at one place in the text.

    `offset`/`length` count characters (not bytes) in the checked text, so an editor
    can underline and replace the span; `line`/`column` are 1-based for people.
    `rule` is a stable dotted id (`spelling`, `grammar.then-than`, `tone.negative`,
    `shape.p5`, `names.person`, ...); suggestions are replacements for the span,
    best first.
    """

    __slots__ = ("column", "length", "line", "message", "offset", "rule", "severity", "suggestions")
    offset: int
    length: int
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    suggestions: tuple[str, ...]

    def __init__(
        self,
        offset: int,
        length: int,
        line: int,
        column: int,
        rule: str,
        severity: Severity,
        message: str,
        suggestions: tuple[str, ...] = (),
    ) -> None:
        self._set(
            offset=offset,
            length=length,
            line=line,
            column=column,
            rule=rule,
            severity=severity,
            message=message,
            suggestions=suggestions,
        )

    def to_plain(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "offset": self.offset,
            "length": self.length,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }


class Located(Frozen):
    """Where one of P5's three parts was found (`thanks`, `specific-point`, `sell`)."""

    __slots__ = ("column", "length", "line", "offset", "part")
    part: str
    offset: int
    length: int
    line: int
    column: int

    def __init__(self, part: str, offset: int, length: int, line: int, column: int) -> None:
        self._set(part=part, offset=offset, length=length, line=line, column=column)

    def to_plain(self) -> dict[str, object]:
        return {
            "part": self.part,
            "line": self.line,
            "column": self.column,
            "offset": self.offset,
            "length": self.length,
        }


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def ordered(findings: list[Finding]) -> list[Finding]:
    """Reading order: by place in the text, the worse finding first at one place."""
    return sorted(findings, key=lambda f: (f.offset, SEVERITY_ORDER[f.severity], f.rule))
