"""Spelling quality: Afterview's speller against Debian's `hunspell`, in the same run.

    .venv/bin/python bench/spelling_quality.py                # every 11th entry, both languages
    .venv/bin/python bench/spelling_quality.py --every 1      # the whole list (Hunspell: ~1 h)
    .venv/bin/python bench/spelling_quality.py --language en-GB --json out.json

1. Misspellings: codespell's public list (`codespell_lib/data/dictionary.txt`, the
   `codespell` test dependency), lines `misspelling->correction`. Kept: one
   correction made of letters only, that both our dictionary and Hunspell's accept
   in the language; the misspelling made of letters (and apostrophes). Recall = the
   share of misspellings flagged; first-suggestion accuracy = the share whose first
   suggestion is the intended word (an unflagged misspelling counts as a miss);
   top-5 = the intended word among the first five. Hunspell runs once, in pipe mode
   (`hunspell -a`), over all the kept misspellings. The suggestion weights were tuned
   on the even-numbered lines of the list only: the odd-numbered lines are the
   held-out result, reported apart. `--every N` keeps the lines whose number is a
   multiple of N (Hunspell needs ~40 ms a word for suggestions); N odd keeps both
   halves.
2. False alarms: the clean professional emails of tests/writing/corpus/clean/<lang>/
   (with their `.names` files: the names a candidate's records hold). Counted for
   us with the names as known words, as the checker gets them, and without; for
   Hunspell (`hunspell -l`) without, and with the names as a personal dictionary
   (`-p`), which is the fair comparison.
3. Names: a sentence of unusual names, with and without them as known words.

Exit status 0 when our recall is at least Hunspell's and our first-suggestion
accuracy beats it, on the held-out half and on all entries, in every language.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spelling_speed

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "writing" / "corpus" / "clean"
LANGUAGES = ("en-GB", "en-US")
HUNSPELL_DICT = {"en-GB": "en_GB", "en-US": "en_US"}
NAMES_TEXT = (
    "Dear Siobhán Ní Bhriain, thank you for introducing me to Nguyễn Thị Mai and "
    "Zbigniew Wójcik of Kraftwerk Analytics; Ngozi Okonkwo-Adeyemi will join us."
)
NAMES = (
    "Siobhán Ní Bhriain",
    "Nguyễn Thị Mai",
    "Zbigniew Wójcik",
    "Kraftwerk Analytics",
    "Ngozi Okonkwo-Adeyemi",
)


@dataclass
class Entry:
    line: int
    wrong: str
    right: str
    ours_flagged: bool = False
    ours: list[str] = field(default_factory=list)
    hun_flagged: bool = False
    hun: list[str] = field(default_factory=list)


def codespell_list() -> Path:
    import codespell_lib

    return Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"


def read_entries(every: int) -> list[Entry]:
    entries = []
    with codespell_list().open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            wrong, arrow, right = line.rstrip("\n").partition("->")
            right = right.strip()
            if not arrow or number % every or not right.isalpha():
                continue
            if not wrong.replace("'", "").isalpha():
                continue
            entries.append(Entry(number, wrong, right))
    return entries


def hunspell_pipe(words: list[str], language: str) -> list[tuple[bool, list[str]]]:
    """Run `hunspell -a` once over `words` (one a line): (flagged, suggestions) each."""
    data = "".join(f"^{w}\n" for w in words)
    done = subprocess.run(
        ["hunspell", "-a", "-i", "utf-8", "-d", HUNSPELL_DICT[language]],
        input=data,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.split("\n")[1:]  # the version banner
    results: list[tuple[bool, list[str]]] = []
    block: list[str] = []
    for line in lines:
        if line:
            block.append(line)
            continue
        if len(results) == len(words):
            break
        flagged, suggestions = False, []
        for item in block:
            if item.startswith("&"):
                flagged = True
                suggestions = suggestions or item.split(": ", 1)[1].split(", ")
            elif item.startswith("#"):
                flagged = True
        results.append((flagged, suggestions))
        block = []
    if len(results) != len(words):
        raise SystemExit(f"hunspell -a answered {len(results)} lines for {len(words)} words")
    return results


def hunspell_unknown(words: list[str], language: str, personal: Path | None = None) -> list[str]:
    argv = ["hunspell", "-l", "-i", "utf-8", "-d", HUNSPELL_DICT[language]]
    if personal is not None:
        argv += ["-p", str(personal)]
    done = subprocess.run(argv, input="\n".join(words), capture_output=True, text=True, check=True)
    return done.stdout.split()


def misspellings(language: str, every: int) -> dict[str, Any]:
    from afterview.writing.spelling import load

    speller = load(language)
    entries = read_entries(every)
    rights = sorted({e.right for e in entries})
    hunspell_rejects = set(hunspell_unknown(rights, language))
    entries = [e for e in entries if speller.known(e.right) and e.right not in hunspell_rejects]
    began = time.perf_counter()
    for entry in entries:
        entry.ours_flagged = not speller.known(entry.wrong)
        if entry.ours_flagged:
            entry.ours = speller.suggester.suggest(entry.wrong, 5)
    ours_seconds = time.perf_counter() - began
    began = time.perf_counter()
    answers = hunspell_pipe([e.wrong for e in entries], language)
    hun_seconds = time.perf_counter() - began
    for entry, (flagged, suggestions) in zip(entries, answers, strict=True):
        entry.hun_flagged, entry.hun = flagged, suggestions
    halves = {
        "held-out (odd lines)": [e for e in entries if e.line % 2],
        "tuning (even lines)": [e for e in entries if not e.line % 2],
        "all": entries,
    }
    return {
        "entries": len(entries),
        "ours_ms_per_word": ours_seconds * 1000 / max(1, len(entries)),
        "hunspell_ms_per_word": hun_seconds * 1000 / max(1, len(entries)),
        "halves": {name: scores(part) for name, part in halves.items()},
        "examples": [
            (e.wrong, e.right, e.ours[:1], e.hun[:1])
            for e in entries
            if e.ours[:1] != [e.right] and e.hun[:1] == [e.right]
        ][:12],
    }


def scores(entries: list[Entry]) -> dict[str, float]:
    n = max(1, len(entries))
    return {
        "n": len(entries),
        "ours_recall": sum(e.ours_flagged for e in entries) / n,
        "hunspell_recall": sum(e.hun_flagged for e in entries) / n,
        "ours_first": sum(e.ours[:1] == [e.right] for e in entries) / n,
        "hunspell_first": sum(e.hun[:1] == [e.right] for e in entries) / n,
        "ours_top5": sum(e.right in e.ours[:5] for e in entries) / n,
        "hunspell_top5": sum(e.right in e.hun[:5] for e in entries) / n,
    }


def false_alarms(language: str) -> dict[str, Any]:
    from afterview.writing.checks.spelling import check
    from afterview.writing.context import CheckContext
    from afterview.writing.text import Document

    rows = []
    for path in sorted((CORPUS / language).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        names_file = path.with_suffix(".names")
        names = names_file.read_text(encoding="utf-8").splitlines() if names_file.exists() else []
        doc = Document(text)
        known = CheckContext(language=language, known_words=frozenset(names))
        ours = [text[f.offset : f.offset + f.length] for f in check(doc, known)]
        bare = [
            text[f.offset : f.offset + f.length]
            for f in check(doc, CheckContext(language=language))
        ]
        with tempfile.NamedTemporaryFile("w", suffix=".dic", delete=False, encoding="utf-8") as p:
            p.write("\n".join(word for name in names for word in name.split()) + "\n")
        try:
            hun = hunspell_unknown([text], language)
            hun_known = hunspell_unknown([text], language, Path(p.name))
        finally:
            os.unlink(p.name)
        rows.append(
            {
                "email": path.stem,
                "words": len(doc.words),
                "ours": ours,
                "ours_without_names": bare,
                "hunspell": hun,
                "hunspell_with_names": hun_known,
            }
        )
    return {"emails": rows}


def names_demo(language: str) -> dict[str, Any]:
    from afterview.writing.checks.spelling import check
    from afterview.writing.context import CheckContext
    from afterview.writing.text import Document

    doc = Document(NAMES_TEXT)

    def spans(known: frozenset[str]) -> list[str]:
        found = check(doc, CheckContext(language=language, known_words=known))
        return [NAMES_TEXT[f.offset : f.offset + f.length] for f in found]

    return {
        "ours_without": spans(frozenset()),
        "ours_with_names": spans(frozenset(NAMES)),
        "hunspell": hunspell_unknown([NAMES_TEXT], language),
    }


def pct(x: float) -> str:
    return f"{100 * x:5.1f} %"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=LANGUAGES, action="append")
    parser.add_argument("--every", type=int, default=11, help="keep every Nth line (1 = all)")
    parser.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    args = parser.parse_args()
    os.environ.setdefault("AFTERVIEW_CACHE", str(spelling_speed.CACHE))
    info = spelling_speed.machine()
    print("Machine: " + "; ".join(f"{k} {v}" for k, v in info.items()))
    from importlib.metadata import version

    print(
        f"codespell {version('codespell')}, wordfreq {version('wordfreq')}, "
        f"rapidfuzz {version('rapidfuzz')}; list: every {args.every} line(s)"
    )
    results: dict[str, Any] = {"machine": info, "every": args.every, "languages": {}}
    passed = True
    for language in args.language or LANGUAGES:
        quality = misspellings(language, args.every)
        alarms = false_alarms(language)
        names = names_demo(language)
        results["languages"][language] = {
            "misspellings": quality,
            "false_alarms": alarms,
            "names": names,
        }
        print(
            f"\n{language}: {quality['entries']:,} misspellings "
            f"(ours {quality['ours_ms_per_word']:.1f} ms a word, "
            f"hunspell -a {quality['hunspell_ms_per_word']:.1f} ms a word)"
        )
        print(f"  {'part':<22} {'n':>6}  {'recall':>15}  {'1st suggestion':>15}  {'top 5':>15}")
        pair = f"{'ours  hunspell':>15}"
        print(f"  {'':<22} {'':>6}  {pair}  {pair}  {pair}")
        for name, s in quality["halves"].items():
            print(
                f"  {name:<22} {s['n']:>6}  {pct(s['ours_recall'])} {pct(s['hunspell_recall'])}"
                f"  {pct(s['ours_first'])} {pct(s['hunspell_first'])}"
                f"  {pct(s['ours_top5'])} {pct(s['hunspell_top5'])}"
            )
            if name != "tuning (even lines)":
                ok = (
                    s["ours_recall"] >= s["hunspell_recall"]
                    and s["ours_first"] > s["hunspell_first"]
                )
                passed &= ok
        print(
            "  where Hunspell's first suggestion is right and ours is not, e.g.: "
            + ", ".join(
                f"{w}→{r} (ours {o[0] if o else '-'})" for w, r, o, _ in quality["examples"][:6]
            )
        )
        emails = alarms["emails"]
        total = {
            key: sum(len(r[key]) for r in emails)
            for key in ("ours", "ours_without_names", "hunspell", "hunspell_with_names")
        }
        words = sum(r["words"] for r in emails)
        print(f"  clean corpus: {len(emails)} emails, {words:,} words; flagged words:")
        ours, bare = total["ours"], total["ours_without_names"]
        hun, hun_bare = total["hunspell_with_names"], total["hunspell"]
        print(f"    ours with the names as known words {ours:>4}   without {bare:>4}")
        print(f"    hunspell -l with the names (-p)    {hun:>4}   without {hun_bare:>4}")
        for row in emails:
            if row["ours"] or row["hunspell_with_names"]:
                print(
                    f"    {row['email']}: ours {row['ours']}, hunspell {row['hunspell_with_names']}"
                )
        print(f"  names: ours without known words {names['ours_without']}")
        print(f"         ours with them           {names['ours_with_names']}")
        print(f"         hunspell                 {names['hunspell']}")
    print(
        "\n"
        + ("PASS" if passed else "FAIL")
        + ": recall >= Hunspell's and first suggestion > Hunspell's "
        "(held-out half and all entries, every language)"
    )
    if args.json:
        Path(args.json).write_text(
            json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
