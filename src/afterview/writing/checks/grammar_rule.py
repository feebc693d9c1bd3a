"""The grammar rules' common shape: a narrow pattern, the words a text must hold for it
to be tried, and a fix that replaces exactly the matched span (P5 "Checks before
sending"). Shared by grammar.py and the modules that add rules to its list."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from afterview.writing.checks._util import match_case
from afterview.writing.findings import Severity


class Rule:
    """A pattern whose whole match is the span; `fix` builds the replacement."""

    # A plain class, not a dataclass: each @dataclass costs ~1 ms of every `check` process.
    __slots__ = ("anchored", "fix", "message", "needs", "severity", "slug", "source", "veto")

    def __init__(
        self,
        slug: str,
        source: str,
        severity: Severity,
        message: str,
        fix: Callable[[re.Match[str], str], str],
        veto: Callable[[re.Match[str], str], bool] | None = None,
        needs: tuple[frozenset[str], ...] = (),
        anchored: bool = False,
    ) -> None:
        self.slug = slug
        self.source = source  # the regular expression, compiled on first use (see `pattern`)
        self.severity = severity
        self.message = message
        self.fix = fix
        self.veto = veto
        # Lower-case words the text must hold (one of each group) for the pattern to match:
        # a set lookup skips most patterns on most emails.
        self.needs = needs
        # Every match starts at a word of the first `needs` group: the pattern is tried
        # only there, not scanned over the whole text (a scan costs ~0.1 ms a pattern).
        self.anchored = anchored


def _rule(
    needs: str,
    slug: str,
    pattern: str,
    severity: Severity,
    message: str,
    fix: Callable[[re.Match[str], str], str],
    veto: Callable[[re.Match[str], str], bool] | None = None,
    *,
    anchored: bool = False,
) -> Rule:
    groups = tuple(frozenset(group.split()) for group in needs.split(";"))
    return Rule(slug, pattern, severity, message, fix, veto, groups, anchored)


@lru_cache(maxsize=256)
def compiled(source: str) -> re.Pattern[str]:
    """A rule's pattern, compiled when a text first holds its words: compiling all of
    them at import cost ~14 ms of every `afterview check` process (docs/benchmarks.md)."""
    return re.compile(source, re.IGNORECASE)


def _then(word: str) -> Callable[[re.Match[str], str], str]:
    """Keep the first group, replace the rest with `word` (apostrophe-aware)."""

    def fix(m: re.Match[str], apos: str) -> str:
        return f"{m.group(1)} {word.replace(chr(39), apos)}"

    return fix


PLURAL_OF = {"has": "have", "is": "are", "was": "were", "does": "do"}


def _plural_verb(m: re.Match[str], _apos: str) -> str:
    """The subject (group 1) with its verb (group 2) in the plural: "… and I was" -> "were",
    "… sounds" -> "sound"."""
    verb = m.group(2)
    return f"{m.group(1)} {PLURAL_OF.get(verb.lower(), verb[:-1])}"


def _between(word: str) -> Callable[[re.Match[str], str], str]:
    """Put `word` between the first two groups ("at time of" -> "at the time of")."""

    def fix(m: re.Match[str], _apos: str) -> str:
        return f"{m.group(1)} {word} {m.group(2)}"

    return fix


def _first_as(word: str) -> Callable[[re.Match[str], str], str]:
    """Replace the first word with `word` (in its case), keep what follows."""

    def fix(m: re.Match[str], apos: str) -> str:
        head = match_case(m.group(1), word.replace(chr(39), apos))
        return head + m.group(0)[len(m.group(1)) :]

    return fix


def _word_before(text: str, position: int) -> str:
    """The word before `position`, lower case, its punctuation stripped."""
    before = text[max(0, position - 40) : position].split()
    return before[-1].lower().strip(".,;:!?\"'’()") if before else ""
