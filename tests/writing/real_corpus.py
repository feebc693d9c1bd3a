"""The real-email corpus (corpus/real/, see its SOURCES.md) and the slips planted in it:
loaded once, checked the way `afterview check FILE --language L` checks (no records:
every name is unknown), and scored. Used by test_real_corpus.py and bench/checker_corpus.py."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from afterview.writing.checker import Report, check_text
from afterview.writing.context import CheckContext
from afterview.writing.findings import Severity

REAL = Path(__file__).parent / "corpus" / "real"
HOMOPHONES = frozenset(
    {
        "grammar.its-its",
        "grammar.then-than",
        "grammar.to-too",
        "grammar.their-there",
        "grammar.your-youre",
        "grammar.affect-effect",
        "grammar.lose-loose",
        "grammar.whose-whos",
    }
)


@dataclass(frozen=True)
class Slip:
    id: int
    split: str
    text: str
    rule: str
    original: str
    slipped: str


@cache
def manifest() -> dict[str, object]:
    return dict(json.loads((REAL / "corpus.json").read_text(encoding="utf-8")))


def names() -> list[str]:
    return sorted(p.stem for p in REAL.glob("*.txt"))


def held_out(name: str) -> bool:
    return name in set(manifest()["held_out"])  # type: ignore[arg-type]


def language(name: str) -> str:
    languages: dict[str, str] = manifest()["languages"]  # type: ignore[assignment]
    return languages.get(name, str(manifest()["default_language"]))


def text(name: str) -> str:
    return (REAL / f"{name}.txt").read_text(encoding="utf-8")


@cache
def report(body: str, lang: str) -> Report:
    return check_text(body, CheckContext(language=lang))


def real_errors(name: str) -> list[tuple[str, str]]:
    errors: dict[str, list[list[str]]] = manifest()["errors"]  # type: ignore[assignment]
    return [(word, rule) for word, rule in errors.get(name, [])]


def errors_found(name: str) -> list[tuple[str, str]]:
    body = text(name)
    found = report(body, language(name))
    return [
        (body[f.offset : f.offset + f.length], f.rule)
        for f in found.findings
        if f.severity is Severity.ERROR
    ]


def false_alarms(name: str) -> list[tuple[str, str]]:
    """Errors the checker raises on a real email that are not the writer's own slips."""
    expected = real_errors(name)
    return [e for e in errors_found(name) if e not in expected]


def slips() -> list[Slip]:
    rows = []
    for line in (REAL / "slips.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ident, split, name, rule, original, slipped = line.split("\t")
        rows.append(Slip(int(ident), split, name, rule, original, slipped))
    return rows


def caught(slip: Slip) -> bool:
    """Does a finding of the intended rule (error or warning) overlap the slipped span?"""
    body = text(slip.text)
    start = body.index(slip.original)
    slipped = body[:start] + slip.slipped + body[start + len(slip.original) :]
    end = start + len(slip.slipped)
    found = report(slipped, language(slip.text))
    return any(
        (f.rule == slip.rule or f.rule.startswith(slip.rule + "."))
        and f.severity is not Severity.INFO
        and f.offset < end
        and start < f.offset + max(f.length, 1)
        for f in found.findings
    )
