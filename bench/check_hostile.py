"""Hostile input for `afterview check`: texts near the 100,000-character limit built to
make a checker's work grow faster than the text (one sentence of 9,000 clauses, 7,000
sentence-initial slips, a 90,000-letter word, 20,000 doubled words...). Each is timed as
a whole `afterview check` process, beside a 200-word email in the same run; the ratio
is what to read (docs/benchmarks.md, round 15).

    .venv/bin/python bench/check_hostile.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "afterview"
CASES = {
    "one run-on sentence": "the boss, " * 9000,
    "doubled words": "word " * 19000,
    "sentence-initial slips": "Thier plan. " * 7000,
    "a common name opening each sentence": "Kipp, thanks. " * 6000,
    "'its' before a verb": "its was " * 10000,
    "one 90,000-letter word": "x" * 90000,
    "a@ a@ …": "a@" * 40000,
    "ab.ab.ab…": "ab." * 30000,
    "many sentences of complaint": "my manager never answers, " * 3000,
}
EMAIL = (
    "Dear Ms Okafor,\n\nThank you for meeting me on Tuesday to discuss the Data Engineer "
    "role. I enjoyed hearing how your team moved its billing pipeline to a streaming "
    "design, and the way you test each change before it ships. My six years building data "
    "platforms, most recently at a retailer with forty stores, would let me contribute "
    "from the start. Please let me know if I can send anything else.\n\nKind regards,\nSam\n"
)


def timed(path: Path, env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(
        [str(SCRIPT), "check", str(path), "--language", "en-GB"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False,
    )  # fmt: skip
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "AFTERVIEW_HOME": home}
        folder = Path(home)
        email = folder / "email.txt"
        email.write_text(EMAIL, encoding="utf-8")
        timed(email, env)  # compiles the dictionary once
        base = statistics.median(timed(email, env) for _ in range(runs))
        print(f"{'200-word email':40} {base * 1000:8.0f} ms   1.0x")
        for name, text in CASES.items():
            path = folder / "case.txt"
            path.write_text(text + "\n", encoding="utf-8")
            took = statistics.median(timed(path, env) for _ in range(runs))
            print(f"{name:40} {took * 1000:8.0f} ms {took / base:6.1f}x  ({len(text):,} chars)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
