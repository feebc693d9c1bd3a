"""The real-email corpus (corpus/real/, see its SOURCES.md) and the slips planted in it:
loaded once, checked the way `afterview check FILE --language L` checks (no records:
every name is unknown), and scored. Used by test_real_corpus.py and bench/checker_corpus.py."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from afterview.writing.checker import Report, check_text
from afterview.writing.context import CheckContext
from afterview.writing.findings import Severity

REAL = Path(__file__).parent / "corpus" / "real"
# Public-domain texts of the second held-out set (corpus/public/SOURCES.md).
PUBLIC = Path(__file__).parent / "corpus" / "public"
# MIT-licensed texts of the third held-out set (corpus/heldout3/SOURCES.md), Australian
# spelling: checked in en-GB.
HELDOUT3 = Path(__file__).parent / "corpus" / "heldout3"
# MIT-licensed texts of the fourth held-out set (corpus/heldout4/SOURCES.md), British
# spelling: checked in en-GB.
HELDOUT4 = Path(__file__).parent / "corpus" / "heldout4"
# MIT-licensed texts of the fifth held-out set (corpus/heldout5/SOURCES.md), British
# spelling: checked in en-GB.
HELDOUT5 = Path(__file__).parent / "corpus" / "heldout5"
# Public-domain (CC0) texts of the sixth held-out set (corpus/heldout6/SOURCES.md), the U.S.
# Web Design System site, American spelling: checked in en-US.
HELDOUT6 = Path(__file__).parent / "corpus" / "heldout6"
# Public-domain (CC0) texts of the seventh held-out set (corpus/heldout7/SOURCES.md),
# Digital.gov guides and resources, American spelling: checked in en-US.
HELDOUT7 = Path(__file__).parent / "corpus" / "heldout7"
# Public-domain (CC0) texts of the eighth held-out set (corpus/heldout8/SOURCES.md), the U.S.
# Federal Plain Language Guidelines, American spelling: checked in en-US.
HELDOUT8 = Path(__file__).parent / "corpus" / "heldout8"
# Open Government Licence texts of the ninth held-out set (corpus/heldout9/SOURCES.md), the
# GDS Government Service Design Manual, British spelling: checked in en-GB.
HELDOUT9 = Path(__file__).parent / "corpus" / "heldout9"
# Public-domain (CC0) texts of the tenth held-out set (corpus/heldout10/SOURCES.md),
# Section508.gov accessibility guidance, American spelling: checked in en-US.
HELDOUT10 = Path(__file__).parent / "corpus" / "heldout10"
# MIT-licensed texts of the eleventh held-out set (corpus/heldout11/SOURCES.md), the DWP
# Accessibility Manual, British spelling: checked in en-GB.
HELDOUT11 = Path(__file__).parent / "corpus" / "heldout11"
# Public-domain (CC0) texts of the twelfth held-out set (corpus/heldout12/SOURCES.md),
# get.gov, the .gov registry's guidance and blog, American spelling: checked in en-US.
HELDOUT12 = Path(__file__).parent / "corpus" / "heldout12"
# Open Government Licence texts of the thirteenth held-out set (corpus/heldout13/
# SOURCES.md), Quality assurance of code for analysis and research (Government Analysis
# Function), British spelling: checked in en-GB.
HELDOUT13 = Path(__file__).parent / "corpus" / "heldout13"
# MIT-licensed texts of the fourteenth held-out set (corpus/heldout14/SOURCES.md), the
# Ministry of Justice technical guidance, British spelling: checked in en-GB.
HELDOUT14 = Path(__file__).parent / "corpus" / "heldout14"
# Public-domain (CC0) texts of the fifteenth held-out set (corpus/heldout15/SOURCES.md), the
# 18F UX guide, en-US.
HELDOUT15 = Path(__file__).parent / "corpus" / "heldout15"
# Real Enron emails of the sixteenth held-out set (corpus/heldout16/SOURCES.md; MIT-licensed
# sample of the public record), two of them in British English.
HELDOUT16 = Path(__file__).parent / "corpus" / "heldout16"
# More of them, other messages: the seventeenth held-out set (corpus/heldout17/SOURCES.md).
HELDOUT17 = Path(__file__).parent / "corpus" / "heldout17"
# And an eighteenth, tuning material from the start (corpus/heldout18/SOURCES.md).
HELDOUT18 = Path(__file__).parent / "corpus" / "heldout18"
# A nineteenth: 11 emails, the last of that sample, held out (corpus/heldout19/SOURCES.md).
HELDOUT19 = Path(__file__).parent / "corpus" / "heldout19"
# A twentieth: 20 emails of another MIT-licensed Enron sample, held out
# (corpus/heldout20/SOURCES.md).
HELDOUT20 = Path(__file__).parent / "corpus" / "heldout20"
# A twenty-first: 20 more emails of that sample, held out (corpus/heldout21/SOURCES.md).
HELDOUT21 = Path(__file__).parent / "corpus" / "heldout21"
# A twenty-second: 20 public-domain emails of State Department officials (the FOIA release),
# held out (corpus/heldout22/SOURCES.md).
HELDOUT22 = Path(__file__).parent / "corpus" / "heldout22"
# A twenty-third: 20 more such emails by 20 other officials, held out
# (corpus/heldout23/SOURCES.md).
HELDOUT23 = Path(__file__).parent / "corpus" / "heldout23"
# A twenty-fourth: 20 more such emails by 20 officials of neither set, held out
# (corpus/heldout24/SOURCES.md).
HELDOUT24 = Path(__file__).parent / "corpus" / "heldout24"
# The email sets by the prefix of their files' names (Enron's, and sets 22 to 24's).
ENRON_SETS = {
    "enron16-": HELDOUT16,
    "enron17-": HELDOUT17,
    "enron18-": HELDOUT18,
    "enron19-": HELDOUT19,
    "enron20-": HELDOUT20,
    "enron21-": HELDOUT21,
    "mail22-": HELDOUT22,
    "mail23-": HELDOUT23,
    "mail24-": HELDOUT24,
}
HOMOPHONES = frozenset(
    {
        "grammar.could-of",
        "grammar.were-where",
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


def public_names() -> list[str]:
    return sorted(p.stem for p in PUBLIC.glob("*.txt"))


def heldout3_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT3.glob("govau-*.txt"))


def heldout4_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT4.glob("nhs-*.txt"))


def heldout5_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT5.glob("govuk-*.txt"))


def heldout6_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT6.glob("uswds-*.txt"))


def heldout7_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT7.glob("digitalgov-*.txt"))


def heldout8_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT8.glob("plainlanguage-*.txt"))


def heldout9_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT9.glob("gdsmanual-*.txt"))


def heldout10_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT10.glob("section508-*.txt"))


def heldout11_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT11.glob("dwp-*.txt"))


def heldout12_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT12.glob("getgov-*.txt"))


def heldout13_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT13.glob("qacode-*.txt"))


def heldout14_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT14.glob("mojtech-*.txt"))


def heldout15_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT15.glob("uxguide-*.txt"))


def heldout16_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT16.glob("enron16-*.txt"))


def heldout17_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT17.glob("enron17-*.txt"))


def heldout18_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT18.glob("enron18-*.txt"))


def heldout19_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT19.glob("enron19-*.txt"))


def heldout20_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT20.glob("enron20-*.txt"))


def heldout21_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT21.glob("enron21-*.txt"))


def heldout22_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT22.glob("mail22-*.txt"))


def heldout23_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT23.glob("mail23-*.txt"))


def heldout24_names() -> list[str]:
    return sorted(p.stem for p in HELDOUT24.glob("mail24-*.txt"))


def _enron_set(name: str) -> Path | None:
    return next((f for prefix, f in ENRON_SETS.items() if name.startswith(prefix)), None)


@cache
def _british(folder: Path) -> frozenset[str]:
    """The files SOURCES.md names on its "British English (checked in en-GB):" line."""
    for line in (folder / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("British English (checked in en-GB):"):
            listed = line.split(":", 1)[1]
            return frozenset(re.findall(r"(?:enron|mail)\d+-\d+", listed))
    return frozenset()


def held_out(name: str) -> bool:
    held: list[str] = manifest()["held_out"]  # type: ignore[assignment]
    return name in held


def language(name: str) -> str:
    enron = _enron_set(name)
    if enron is not None:
        return "en-GB" if name in _british(enron) else "en-US"
    if name.startswith(("govau-", "nhs-", "govuk-", "gdsmanual-", "dwp-", "qacode-", "mojtech-")):
        return "en-GB"
    if name.startswith(
        ("uswds-", "digitalgov-", "plainlanguage-", "section508-", "getgov-", "uxguide-")
    ):
        return "en-US"
    languages: dict[str, str] = manifest()["languages"]  # type: ignore[assignment]
    return languages.get(name, str(manifest()["default_language"]))


def text(name: str) -> str:
    folder = (
        PUBLIC
        if name.startswith("18f-")
        else HELDOUT3
        if name.startswith("govau-")
        else HELDOUT4
        if name.startswith("nhs-")
        else HELDOUT5
        if name.startswith("govuk-")
        else HELDOUT6
        if name.startswith("uswds-")
        else HELDOUT7
        if name.startswith("digitalgov-")
        else HELDOUT8
        if name.startswith("plainlanguage-")
        else HELDOUT9
        if name.startswith("gdsmanual-")
        else HELDOUT10
        if name.startswith("section508-")
        else HELDOUT11
        if name.startswith("dwp-")
        else HELDOUT12
        if name.startswith("getgov-")
        else HELDOUT13
        if name.startswith("qacode-")
        else HELDOUT14
        if name.startswith("mojtech-")
        else HELDOUT15
        if name.startswith("uxguide-")
        else _enron_set(name) or REAL
    )
    return (folder / f"{name}.txt").read_text(encoding="utf-8")


@cache
def report(body: str, lang: str) -> Report:
    return check_text(body, CheckContext(language=lang))


@cache
def _email_set_errors(folder: Path) -> dict[str, list[list[str]]]:
    path = folder / "errors.json"
    if not path.exists():
        return {}
    errors: dict[str, list[list[str]]] = json.loads(path.read_text(encoding="utf-8"))["errors"]
    return errors


def real_errors(name: str) -> list[tuple[str, str]]:
    """The writer's own slips the checker must report (corpus.json, or errors.json beside
    the Enron emails of sets 16 and 17)."""
    folder = _enron_set(name)
    if folder is not None:
        return [(word, rule) for word, rule in _email_set_errors(folder).get(name, [])]
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


def grammar_warnings(name: str) -> list[tuple[str, str]]:
    """The grammar warnings (not errors) the checker raises on a text as it was written."""
    body = text(name)
    found = report(body, language(name))
    return [
        (body[f.offset : f.offset + f.length], f.rule)
        for f in found.findings
        if f.severity is Severity.WARNING and f.rule.startswith("grammar.")
    ]


def slips() -> list[Slip]:
    """The planted slips: "tune" and "held" in the real emails (slips.tsv), "held2" in the
    public-domain texts (slips_heldout2.tsv, tuning material since the third set), "held3"
    in the govau texts (slips_heldout3.tsv, tuning material since the fourth set), "held4"
    in the NHS texts (slips_heldout4.tsv, tuning material since the fifth set), "held5" in the
    GOV.UK Design System texts (slips_heldout5.tsv, written before the rules were changed),
    "held6" in the U.S. Web Design System texts (slips_heldout6.tsv), "held7" in the
    Digital.gov texts (slips_heldout7.tsv), "held8" in the Plain Language Guidelines texts
    (slips_heldout8.tsv), "held9" in the GDS service manual texts (slips_heldout9.tsv),
    "held10" in the Section508.gov texts (slips_heldout10.tsv), "held11" in the DWP
    Accessibility Manual texts (slips_heldout11.tsv), "held12" in the get.gov texts
    (slips_heldout12.tsv), "held13" in the Quality assurance of code texts
    (slips_heldout13.tsv), "held14" in the Ministry of Justice technical guidance texts
    (slips_heldout14.tsv), "held15" in the 18F UX guide texts (slips_heldout15.tsv), and
    "held16" to "held21" in real Enron emails (slips_heldout16.tsv to slips_heldout21.tsv),
    "held22" to "held24" in public-domain State Department emails (slips_heldout22.tsv to
    slips_heldout24.tsv),
    each written and committed before the checker was first run on them."""
    rows = []
    for path in (
        REAL / "slips.tsv",
        PUBLIC / "slips_heldout2.tsv",
        HELDOUT3 / "slips_heldout3.tsv",
        HELDOUT4 / "slips_heldout4.tsv",
        HELDOUT5 / "slips_heldout5.tsv",
        HELDOUT6 / "slips_heldout6.tsv",
        HELDOUT7 / "slips_heldout7.tsv",
        HELDOUT8 / "slips_heldout8.tsv",
        HELDOUT9 / "slips_heldout9.tsv",
        HELDOUT10 / "slips_heldout10.tsv",
        HELDOUT11 / "slips_heldout11.tsv",
        HELDOUT12 / "slips_heldout12.tsv",
        HELDOUT13 / "slips_heldout13.tsv",
        HELDOUT14 / "slips_heldout14.tsv",
        HELDOUT15 / "slips_heldout15.tsv",
        HELDOUT16 / "slips_heldout16.tsv",
        HELDOUT17 / "slips_heldout17.tsv",
        HELDOUT18 / "slips_heldout18.tsv",
        HELDOUT19 / "slips_heldout19.tsv",
        HELDOUT20 / "slips_heldout20.tsv",
        HELDOUT21 / "slips_heldout21.tsv",
        HELDOUT22 / "slips_heldout22.tsv",
        HELDOUT23 / "slips_heldout23.tsv",
        HELDOUT24 / "slips_heldout24.tsv",
    ):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            ident, split, name, rule, original, slipped = line.split("\t")
            original, slipped = original.replace("\\n", "\n"), slipped.replace("\\n", "\n")
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


def scores(skip: tuple[str, ...] = ()) -> dict[str, dict[str, tuple[int, int]]]:
    """Per split (but those in skip): (caught, planted) overall, for the homophones, and
    per intended rule."""
    table: dict[str, dict[str, tuple[int, int]]] = {}
    for slip in slips():
        if slip.split in skip:
            continue
        row = table.setdefault(slip.split, {})
        hit = int(caught(slip))
        keys = ["all", slip.rule] + (["homophones"] if slip.rule in HOMOPHONES else [])
        for key in keys:
            found, total = row.get(key, (0, 0))
            row[key] = (found + hit, total + 1)
    return table


def misses(split: str) -> list[Slip]:
    return [s for s in slips() if s.split == split and not caught(s)]


if __name__ == "__main__":  # python -m tests.writing.real_corpus: the figures of benchmarks.md
    import sys

    # held5 to held15 are printed only on request (--held5, --held5-misses, and the same
    # for 6 to 15): each set stays unseen while the rules are tuned, and is read once
    # before a change and once after it; its misses only with --heldN-misses.
    hidden = (
        "held5",
        "held6",
        "held7",
        "held8",
        "held9",
        "held10",
        "held11",
        "held12",
        "held13",
        "held14",
        "held15",
        "held22",
        "held23",
        "held24",
    )
    asked = [s for s in hidden if f"--{s}" in sys.argv or f"--{s}-misses" in sys.argv]
    held5 = "held5" in asked
    misses_asked = [s for s in hidden if f"--{s}-misses" in sys.argv]
    show = (
        "tune",
        "held",
        "held2",
        "held3",
        "held4",
        "held16",
        "held17",
        "held18",
        "held19",
        "held20",
        "held21",
        *misses_asked,
    )
    for split, row in scores(tuple(s for s in hidden if s not in asked)).items():
        print(split)
        for key in sorted(row, key=lambda k: (k not in ("all", "homophones"), k)):
            found, total = row[key]
            print(f"  {key:32} {found:3}/{total:<3} {100 * found / total:5.1f} %")
    for split in show:
        for slip in misses(split):
            print(f"miss {split} {slip.id} {slip.rule}: {slip.slipped!r}")
    print("false alarms, real:", {n: fa for n in names() if (fa := false_alarms(n))})
    print("false alarms, public:", {n: fa for n in public_names() if (fa := false_alarms(n))})
    print("false alarms, heldout3:", {n: fa for n in heldout3_names() if (fa := false_alarms(n))})
    print("false alarms, heldout4:", {n: fa for n in heldout4_names() if (fa := false_alarms(n))})
    if held5:
        fifth = {n: fa for n in heldout5_names() if (fa := false_alarms(n))}
        print("false alarms, heldout5:", fifth)
    for split, label, listed in (
        ("held6", "heldout6", heldout6_names),
        ("held7", "heldout7", heldout7_names),
        ("held8", "heldout8", heldout8_names),
        ("held9", "heldout9", heldout9_names),
        ("held10", "heldout10", heldout10_names),
        ("held11", "heldout11", heldout11_names),
        ("held12", "heldout12", heldout12_names),
        ("held13", "heldout13", heldout13_names),
        ("held14", "heldout14", heldout14_names),
        ("held15", "heldout15", heldout15_names),
        ("held16", "heldout16", heldout16_names),
        ("held17", "heldout17", heldout17_names),
        ("held18", "heldout18", heldout18_names),
        ("held19", "heldout19", heldout19_names),
        ("held20", "heldout20", heldout20_names),
        ("held21", "heldout21", heldout21_names),
        ("held22", "heldout22", heldout22_names),
        ("held23", "heldout23", heldout23_names),
        ("held24", "heldout24", heldout24_names),
    ):
        if split in asked or split not in hidden:
            print(f"false alarms, {label}:", {n: fa for n in listed() if (fa := false_alarms(n))})
            warned = {n: w for n in listed() if (w := grammar_warnings(n))}
            print(f"grammar warnings, {label}:", sum(map(len, warned.values())), warned)
