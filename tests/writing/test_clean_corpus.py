"""The clean corpus: emails a careful candidate would send must raise no error or warning.

Each `corpus/clean/<language>/NAME.txt` has `NAME.names` (the names and technical words it
uses, one per line, for benchmarks to pass as known words) and `NAME.json` (the context:
kind, recorded people and organisation, nuggets, skills).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from afterview.writing.checker import check_text
from afterview.writing.context import CheckContext, KnownPerson
from afterview.writing.findings import Severity
from afterview.writing.text import Document

CORPUS = Path(__file__).parent / "corpus" / "clean"
EMAILS = sorted(CORPUS.glob("*/*.txt"))


def context(path: Path) -> CheckContext:
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    names = path.with_suffix(".names").read_text(encoding="utf-8").splitlines()
    return CheckContext(
        language=path.parent.name,
        kind=meta["kind"],
        people=tuple(KnownPerson(name) for name in meta["people"]),
        organisation=meta["organisation"],
        known_words=frozenset(word for name in names for word in name.split()),
        nuggets=tuple(meta["nuggets"]),
        skills=tuple(meta["skills"]),
    )


def test_the_corpus_is_there() -> None:
    for language in ("en-GB", "en-US"):
        emails = [p for p in EMAILS if p.parent.name == language]
        assert len(emails) >= 12
        assert sum(p.name.startswith("thank-you") for p in emails) >= 6


@pytest.mark.parametrize("path", EMAILS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_clean_email_has_no_error_or_warning(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    report = check_text(text, context(path), spelling=False)
    serious = [
        (text[f.offset : f.offset + f.length], f.rule, f.message)
        for f in report.findings
        if f.severity is not Severity.INFO
    ]
    assert serious == []


@pytest.mark.parametrize("path", EMAILS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_clean_email_is_well_formed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = Document(text)
    assert 80 <= len(text.split()) <= 220
    assert doc.greeting is not None and doc.closing is not None
    names = path.with_suffix(".names").read_text(encoding="utf-8").splitlines()
    assert names and all(name.strip() and name in text for name in names)


@pytest.mark.parametrize(
    "path",
    [p for p in EMAILS if p.name.startswith("thank-you")],
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_thank_yous_have_p5s_three_parts_in_order(path: Path) -> None:
    report = check_text(path.read_text(encoding="utf-8"), context(path), spelling=False)
    assert [p.part for p in report.parts] == ["thanks", "specific-point", "sell"]
    assert [p.offset for p in report.parts] == sorted(p.offset for p in report.parts)
