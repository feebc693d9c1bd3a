"""A text as the checks see it: words with their offsets, lines, and an email's parts.

An email may start with a header block (`Subject:`, `To:`, ... then a blank line),
as in the file `afterview draft edit` opens; a greeting line ("Dear John,") and a
closing ("Kind regards," and the signature after it) frame the body. The body is
what P5's brevity limit and shape are about.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from afterview.writing.findings import Finding, Severity

# Letters with inner apostrophes or hyphens ("don't", "co-founder"); digits split words.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
HEADER = re.compile(r"(?im)\A(?:(?:subject|to|cc|bcc|from|reply-to)[ \t]*:[^\n]*\n)+[ \t]*\n")
GREETING = re.compile(
    r"(?i)^[ \t]*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\b[^\n]{0,60}$"
)
CLOSING = re.compile(
    r"(?i)^[ \t]*(?:(?:with )?(?:kind|best|warm|warmest|many)?[ \t]*(?:regards|wishes|thanks)"
    r"|(?:yours )?(?:sincerely|faithfully|truly)|all the best|best|cheers|"
    r"thank you(?: (?:so|very) much| again)?|thanks(?: again| so much| very much| a lot)?|"
    r"with thanks|respectfully)[ \t]*[,.!]?[ \t]*$"
)
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n[ \t]*\n")


class Token:
    # Plain classes, not dataclasses: each @dataclass costs ~1 ms of every `check` process.
    __slots__ = ("start", "text")

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class Span:
    __slots__ = ("end", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Span) and (self.start, self.end) == (other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.start, self.end))


class Document:
    """The checked text plus the derived views every check needs, computed once."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def line_starts(self) -> list[int]:
        return [0, *(m.end() for m in re.finditer("\n", self.text))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def finding(
        self,
        start: int,
        length: int,
        rule: str,
        severity: Severity,
        message: str,
        suggestions: tuple[str, ...] | list[str] = (),
    ) -> Finding:
        line, column = self.position(start)
        return Finding(start, length, line, column, rule, severity, message, tuple(suggestions))

    @cached_property
    def words(self) -> list[Token]:
        return [Token(m.group(), m.start()) for m in WORD.finditer(self.text)]

    @cached_property
    def header(self) -> Span:
        """The leading `Subject:`/`To:` block (empty span when there is none)."""
        match = HEADER.match(self.text)
        return Span(0, match.end() if match else 0)

    @cached_property
    def greeting(self) -> Span | None:
        """The greeting line, when the first line of the message is one."""
        start = self.header.end
        while start < len(self.text) and self.text[start] in " \t\n":
            start += 1
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        return Span(start, end) if GREETING.match(self.text[start:end]) else None

    @cached_property
    def closing(self) -> Span | None:
        """From the last closing line ("Kind regards,") to the end: the sign-off."""
        begin = self.greeting.end if self.greeting else self.header.end
        found: Span | None = None
        for match in re.finditer(r"[^\n]*", self.text[begin:]):
            if match.group().strip() and CLOSING.match(match.group()):
                found = Span(begin + match.start(), len(self.text))
        return found

    @cached_property
    def body(self) -> Span:
        """The message proper: after the greeting, before the closing."""
        start = self.greeting.end if self.greeting else self.header.end
        end = self.closing.start if self.closing else len(self.text)
        return Span(start, max(start, end))

    @cached_property
    def body_words(self) -> list[Token]:
        return [w for w in self.words if self.body.start <= w.start < self.body.end]

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences of the body (and of any single-paragraph text), in order."""
        spans: list[Span] = []
        start = self.body.start
        for match in SENTENCE_END.finditer(self.text, self.body.start, self.body.end):
            if self.text[start : match.start()].strip():
                spans.append(_trimmed(self.text, start, match.end()))
            start = match.end()
        if self.text[start : self.body.end].strip():
            spans.append(_trimmed(self.text, start, self.body.end))
        return spans

    def paragraphs(self) -> list[Span]:
        """Blank-line separated blocks of the body."""
        spans: list[Span] = []
        start = self.body.start
        for match in re.finditer(r"\n[ \t]*\n", self.text[self.body.start : self.body.end]):
            end = self.body.start + match.start()
            if self.text[start:end].strip():
                spans.append(_trimmed(self.text, start, end))
            start = self.body.start + match.end()
        if self.text[start : self.body.end].strip():
            spans.append(_trimmed(self.text, start, self.body.end))
        return spans


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
