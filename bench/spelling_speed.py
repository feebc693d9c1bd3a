"""Spelling speed: Afterview's spelling check against Debian's `hunspell`, in the same run.

    .venv/bin/python bench/spelling_speed.py              # both languages, 30 runs each
    .venv/bin/python bench/spelling_speed.py --language en-GB --runs 50

Targets (docs/benchmarks.md, "Spelling"):

* checking a 200-word email in-process takes at most 20 ms (median), once loaded;
* a whole process that checks a file takes at most 3x `hunspell -l` on the same text;
* suggestions for 5 misspelled words take at most 50 ms in all.

Whole processes are timed interleaved, run by run, after warm-up runs: `hunspell -l`
on the email; `python -c` that only loads the dictionary; `python -c` that loads it
and runs the spelling check on the email; `afterview check FILE` (the real command,
with every check, in an empty Afterview home); the same two on the email with three
typos (so suggestions are computed); and `python -c pass`. In-process figures come
from fresh interpreters, each timing itself with perf_counter. The compiled
dictionary is built first into bench/out/spelling-cache (its build time is shown).
Nothing is mocked: the real hunspell binary and dictionaries are run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CACHE = OUT / "spelling-cache"
PYTHON = sys.executable
AFTERVIEW = str(Path(sys.executable).with_name("afterview"))
LANGUAGES = ("en-GB", "en-US")
HUNSPELL_DICT = {"en-GB": "en_GB", "en-US": "en_US"}
TARGET_CHECK_MS = 20.0
TARGET_PROCESS_RATIO = 3.0
TARGET_SUGGEST_MS = 50.0

# A 200-word follow-up after an interview, written for this benchmark. {colour} and
# {organise} take each language's spelling so the clean email is clean in both.
EMAIL = """\
Subject: Thank you for Thursday's interview

Dear Ms Kim,

Thank you for taking the time to meet me on Thursday afternoon to discuss the Senior
Data Engineer role at Riverside Health. I really enjoyed our conversation, and I left
even more excited about the opportunity than when I arrived.

I was especially interested in what you said about moving the reporting pipeline to a
streaming design before the winter peak. At my current company I led a similar project:
we replaced nightly batch jobs with event-driven processing, cut the delay on our key
dashboards from twelve hours to five minutes, and trained the analysts to use the new
tables. I would be glad to bring that experience to your team, and I have some ideas
about testing and monitoring that we did not have time to cover.

It was also good to hear how the team {organise}s its work in small groups and reviews
every change together. That way of working suits me, and the {colour}ful examples you
gave of recent launches made the culture feel real.

Please let me know if I can send anything else that would help, such as references or
samples of my work. I look forward to hearing from you.

Kind regards,

Jordan Lee
"""
SPELLINGS = {
    "en-GB": {"colour": "colour", "organise": "organise"},
    "en-US": {"colour": "color", "organise": "organize"},
}
TYPOS = (
    ("opportunity", "oppurtunity"),
    ("especially", "especialy"),
    ("conversation", "conversaton"),
)
SUGGEST_WORDS = ("recieve", "definately", "seperately", "acommodate", "intervew")
KNOWN = ("Kim", "Jordan", "Lee")
# The same email with names no dictionary holds (a third party, an unusual surname),
# as `afterview check` meets them with no records: taken for names, no suggestions.
UNKNOWN_NAMES = (
    ("Dear Ms Kim,", "Dear Ms Nwachukwu,"),
    ("Riverside Health.", "Riverside Health. Siobhan Okafor and Tadeusz Wrzesniewski joined us."),
    ("Jordan Lee", "Catrin Llewellyn-Jagsi"),
)


@dataclass
class Timing:
    label: str
    argv: list[str]
    stdin: Path | None = None
    samples: list[float] = field(default_factory=list)
    # CPU seconds (user + system) of each run: steadier than wall time when other work
    # shares the machine, since waiting for a core is not counted.
    cpu: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    @property
    def p90(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def environment(home: Path) -> dict[str, str]:
    # PYTHONDONTWRITEBYTECODE would recompile every changed module on every run; an
    # installed Afterview has its bytecode, so the warm-up runs write it here too.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("AFTERVIEW_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.update({"AFTERVIEW_CACHE": str(CACHE), "AFTERVIEW_HOME": str(home)})
    return env


def run_once(timing: Timing, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run (the CPU from the child's resource usage)."""
    stdin = timing.stdin.open("rb") if timing.stdin else subprocess.DEVNULL
    try:
        began = time.perf_counter()
        child = subprocess.Popen(
            timing.argv,
            stdin=stdin,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert child.stderr is not None
        errors = child.stderr.read()
        _pid, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - began
        child.returncode = os.waitstatus_to_exitcode(status)
        child.stderr.close()
    finally:
        if timing.stdin:
            stdin.close()  # type: ignore[union-attr]
    if child.returncode not in (0, 1):  # `afterview check` exits 1 when it finds errors
        raise SystemExit(f"{timing.label}: exit {child.returncode}: {errors.decode()[-500:]}")
    return elapsed, usage.ru_utime + usage.ru_stime


def print_processes(timings: list[Timing], hunspell: Timing) -> None:
    print(f"  {'process':<44} {'median':>8} {'p90':>8}  x hunspell -l  {'CPU ms':>8}  x (CPU)")
    for t in timings:
        ratio = t.median / hunspell.median
        cpu_ratio = t.cpu_median / hunspell.cpu_median
        print(
            f"  {t.label:<44} {t.median * 1000:8.1f} {t.p90 * 1000:8.1f}  {ratio:5.2f}x"
            f"        {t.cpu_median * 1000:8.1f}  {cpu_ratio:5.2f}x"
        )


def interleave(timings: list[Timing], env: dict[str, str], runs: int, warmup: int) -> None:
    for timing in timings:
        for _ in range(warmup):
            run_once(timing, env)
    for n in range(runs):
        for timing in timings if n % 2 == 0 else reversed(timings):
            wall, cpu = run_once(timing, env)
            timing.samples.append(wall)
            timing.cpu.append(cpu)


def measure_in_process(code: str, env: dict[str, str], runs: int) -> list[float]:
    """Run `code` in `runs` fresh interpreters; each prints one JSON list of ms figures."""
    results = []
    for _ in range(runs):
        done = subprocess.run(
            [PYTHON, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return results


def in_process(
    language: str, clean: Path, typos: Path, env: dict[str, str], runs: int
) -> dict[str, float]:
    code = f"""
import json, time
t0 = time.perf_counter()
from afterview.writing.spelling import load
from afterview.writing.checks.spelling import check
from afterview.writing.context import CheckContext
from afterview.writing.text import Document
t1 = time.perf_counter()
speller = load({language!r})
t2 = time.perf_counter()
ctx = CheckContext(language={language!r}, known_words=frozenset({KNOWN!r}))
clean = open({str(clean)!r}, encoding="utf-8").read()
typos = open({str(typos)!r}, encoding="utf-8").read()
first = time.perf_counter(); check(Document(clean), ctx); first = time.perf_counter() - first
checks = []
for _ in range(30):
    began = time.perf_counter()
    check(Document(clean), ctx)
    checks.append(time.perf_counter() - began)
checks.sort()
words = {SUGGEST_WORDS!r}
began = time.perf_counter()
for word in words:
    speller.suggester.suggest(word, 5)
cold = time.perf_counter() - began
warm = []
for _ in range(10):
    began = time.perf_counter()
    for word in words:
        speller.suggester.suggest(word, 5)
    warm.append(time.perf_counter() - began)
warm.sort()
began = time.perf_counter(); check(Document(typos), ctx); typo_check = time.perf_counter() - began
ms = lambda s: s * 1000
print(json.dumps([ms(t1 - t0), ms(t2 - t1), ms(first), ms(checks[len(checks) // 2]),
                  ms(cold), ms(warm[len(warm) // 2]), ms(typo_check)]))
"""
    rows = measure_in_process(code, env, runs)
    names = (
        "import",
        "load",
        "first_check",
        "check",
        "suggest_cold",
        "suggest_warm",
        "check_typos",
    )
    return {name: statistics.median(row[i] for row in rows) for i, name in enumerate(names)}


def build_time(language: str, env: dict[str, str]) -> float:
    """Seconds to compile the dictionary from the word lists into an empty cache."""
    with tempfile.TemporaryDirectory() as scratch:
        code = (
            "import time; from afterview.writing.spelling import load; "
            f"t = time.perf_counter(); load({language!r}); print(time.perf_counter() - t)"
        )
        done = subprocess.run(
            [PYTHON, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**env, "AFTERVIEW_CACHE": scratch},
        )
        return float(done.stdout.strip())


def hunspell_suggest_ms(language: str, runs: int) -> float:
    """`hunspell -a` on the five misspelled words, as a process (suggestions included)."""
    words = "".join(f"^{w}\n" for w in SUGGEST_WORDS).encode()
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(
            ["hunspell", "-a", "-d", HUNSPELL_DICT[language]],
            input=words,
            capture_output=True,
            check=True,
        )
        samples.append(time.perf_counter() - began)
    return statistics.median(samples) * 1000


def named_email(language: str) -> Path:
    """The clean email with unknown names (see UNKNOWN_NAMES)."""
    text = EMAIL.format(**SPELLINGS[language])
    for known, unknown in UNKNOWN_NAMES:
        text = text.replace(known, unknown, 1)
    path = OUT / f"spelling-email-{language}-names.txt"
    path.write_text(text, encoding="utf-8")
    return path


def emails(language: str) -> tuple[Path, Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    text = EMAIL.format(**SPELLINGS[language])
    clean = OUT / f"spelling-email-{language}.txt"
    clean.write_text(text, encoding="utf-8")
    for right, wrong in TYPOS:
        text = text.replace(right, wrong, 1)
    typos = OUT / f"spelling-email-{language}-typos.txt"
    typos.write_text(text, encoding="utf-8")
    return clean, typos


def body_words(path: Path) -> int:
    from afterview.writing.text import Document

    doc = Document(path.read_text(encoding="utf-8"))
    return len(doc.words)


def machine() -> dict[str, Any]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    hunspell = _output(["hunspell", "-v"]).splitlines()
    try:
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    return {
        "cpu": cpu,
        "cores": cores,
        "os": platform.platform(),
        "python": platform.python_version(),
        "hunspell": hunspell[0] if hunspell else "not installed",
        "scowl": _output(["dpkg-query", "-W", "-f", "${Version}", "scowl"]) or "?",
        "hunspell-en-gb": _output(["dpkg-query", "-W", "-f", "${Version}", "hunspell-en-gb"]),
        "hunspell-en-us": _output(["dpkg-query", "-W", "-f", "${Version}", "hunspell-en-us"]),
        "loadavg": load,
    }


def dictionary_sizes(language: str) -> dict[str, int]:
    from afterview.writing.spelling import load

    os.environ["AFTERVIEW_CACHE"] = str(CACHE)
    ours = len(load(language))
    dic = Path(f"/usr/share/hunspell/{HUNSPELL_DICT[language]}.dic")
    stems = 0
    if dic.exists():
        stems = int(
            dic.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0].strip("\ufeff ")
        )
    return {"ours_words": ours, "hunspell_stems": stems}


def _output(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=LANGUAGES, action="append")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    args = parser.parse_args()
    if not shutil.which("hunspell"):
        raise SystemExit(
            "hunspell is not installed: apt-get install hunspell hunspell-en-gb hunspell-en-us"
        )
    languages = tuple(args.language or LANGUAGES)
    info = machine()
    print("Machine: " + "; ".join(f"{k} {v}" for k, v in info.items()))
    results: dict[str, Any] = {"machine": info, "languages": {}}
    passed = True
    with tempfile.TemporaryDirectory() as home_dir:
        env = environment(Path(home_dir))
        afterview_ok = Path(AFTERVIEW).exists()
        for language in languages:
            built = build_time(language, env)
            clean, typos = emails(language)
            dict_name = HUNSPELL_DICT[language]
            load_only = (
                f"from afterview.writing.spelling import load; load({language!r}).known('x')"
            )
            check_file = (
                "import sys; from afterview.writing.checks.spelling import check; "
                "from afterview.writing.context import CheckContext; "
                "from afterview.writing.text import Document; "
                "check(Document(open(sys.argv[1], encoding='utf-8').read()), "
                f"CheckContext(language={language!r}))"
            )
            hunspell = Timing(
                f"hunspell -l -d {dict_name} < email", ["hunspell", "-l", "-d", dict_name], clean
            )
            timings = [
                hunspell,
                Timing("python -c: load the dictionary", [PYTHON, "-c", load_only]),
                Timing("python -c: load + check the email", [PYTHON, "-c", check_file, str(clean)]),
                Timing("python -c: ... email with 3 typos", [PYTHON, "-c", check_file, str(typos)]),
                Timing("python -c pass", [PYTHON, "-c", "pass"]),
            ]
            if afterview_ok:
                command = [AFTERVIEW, "check", "--language", language]
                timings.insert(4, Timing("afterview check email", [*command, str(clean)]))
                timings.insert(
                    5, Timing("afterview check email with 3 typos", [*command, str(typos)])
                )
                named = named_email(language)
                timings.insert(
                    6, Timing("afterview check email, unknown names", [*command, str(named)])
                )
            hunspell_typos = Timing(
                f"hunspell -l -d {dict_name} < email with typos",
                ["hunspell", "-l", "-d", dict_name],
                typos,
            )
            timings.insert(1, hunspell_typos)
            interleave(timings, env, args.runs, args.warmup)
            inner = in_process(language, clean, typos, env, max(5, args.runs // 3))
            hunspell_a = hunspell_suggest_ms(language, max(5, args.runs // 3))
            sizes = dictionary_sizes(language)
            print(
                f"\n{language}: email of {body_words(clean)} words; dictionary built in "
                f"{built:.2f} s ({sizes['ours_words']:,} words; Hunspell's {dict_name}.dic: "
                f"{sizes['hunspell_stems']:,} stems with affix rules)"
            )
            print_processes(timings, hunspell)
            print(f"  {'in-process (median of fresh interpreters)':<44} {'ms':>8}")
            labels = {
                "import": "import the spelling modules",
                "load": "load the compiled dictionary",
                "first_check": "first check of the email (after load)",
                "check": "check the 200-word email (loaded)",
                "suggest_cold": "5 suggestions, first in the process",
                "suggest_warm": "5 suggestions, warm",
                "check_typos": "check the email with 3 new typos",
            }
            for key, label in labels.items():
                print(f"  {label:<44} {inner[key]:8.1f}")
            print(f"  {'hunspell -a on the same 5 words (process)':<44} {hunspell_a:8.1f}")
            worst = max(
                (
                    t
                    for t in timings
                    if t.label.startswith(("python -c: load +", "afterview check email"))
                    and "typos" not in t.label
                ),
                key=lambda t: t.median,
            )
            checks = [
                (
                    f"check a 200-word email <= {TARGET_CHECK_MS:.0f} ms",
                    inner["check"] <= TARGET_CHECK_MS,
                    f"{inner['check']:.1f} ms",
                ),
                (
                    f"slowest checking process <= {TARGET_PROCESS_RATIO:.0f}x hunspell -l",
                    worst.median <= TARGET_PROCESS_RATIO * hunspell.median,
                    f"{worst.label}: {worst.median / hunspell.median:.2f}x "
                    f"(CPU time {worst.cpu_median / hunspell.cpu_median:.2f}x)",
                ),
                (
                    f"5 suggestions <= {TARGET_SUGGEST_MS:.0f} ms (warm)",
                    inner["suggest_warm"] <= TARGET_SUGGEST_MS,
                    f"{inner['suggest_warm']:.1f} ms "
                    f"(first in the process: {inner['suggest_cold']:.1f} ms)",
                ),
            ]
            for label, ok, detail in checks:
                passed &= ok
                print(f"  {'PASS' if ok else 'FAIL'}  {label}: {detail}")
            results["languages"][language] = {
                "build_seconds": built,
                "sizes": sizes,
                "processes": {
                    t.label: {
                        "median_ms": t.median * 1000,
                        "p90_ms": t.p90 * 1000,
                        "cpu_median_ms": t.cpu_median * 1000,
                    }
                    for t in timings
                },
                "in_process_ms": inner,
                "hunspell_a_5_words_ms": hunspell_a,
                "targets": {label: ok for label, ok, _ in checks},
            }
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
