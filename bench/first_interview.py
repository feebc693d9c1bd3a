"""The first interview's query, with and without the index on `interviews(end_at)`.

    .venv/bin/python bench/first_interview.py                # 10,000 and 100,000, 30 runs
    .venv/bin/python bench/first_interview.py --sizes 100000 --runs 50

P9's candidate-wide steps count from the first interview not cancelled, and one of
theirs already past when that interview was entered is a catch-up (P11): whenever a
P9 reminder is overdue, `agenda`, `today`, MCP and the web read
`agenda_query.FIRST_INTERVIEW_ENTERED` (`ORDER BY end_at, id LIMIT 1`). On the agenda
benchmark's databases (bench/generate.py, schema 0008 and later), each run times that
statement on a fresh read-only sqlite3 connection, alternating run by run with the
same statement forced off the index (`interviews NOT INDEXED`: the plan before
migration 0008, a scan and sort of every interview), and prints the medians and
both query plans. Results: docs/benchmarks.md ("Catch-ups in the agenda").
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from pathlib import Path

import generate
from afterview.agenda_query import FIRST_INTERVIEW_ENTERED

WITHOUT_INDEX = FIRST_INTERVIEW_ENTERED.replace(
    "FROM interviews i", "FROM interviews i NOT INDEXED"
)


def timed(path: Path, statement: str) -> tuple[float, object]:
    """One run, connection included (as a command's start-up pays it); seconds, answer."""
    began = time.perf_counter()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        answer = conn.execute(statement).fetchone()
    finally:
        conn.close()
    return time.perf_counter() - began, answer


def plan(path: Path, statement: str) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return "; ".join(row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {statement}"))
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    if WITHOUT_INDEX == FIRST_INTERVIEW_ENTERED:
        raise SystemExit("the statement no longer reads `FROM interviews i`: update this script")
    for n in (int(s) for s in args.sizes.split(",")):
        path = generate.generate(n)
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            interviews = conn.execute("SELECT count(*) FROM interviews").fetchone()[0]
        conn.close()
        samples: dict[str, list[float]] = {"with the index": [], "without (NOT INDEXED)": []}
        answers = set()
        for run in range(args.runs + 3):  # three warm-up rounds
            pairs = [("with the index", FIRST_INTERVIEW_ENTERED),
                     ("without (NOT INDEXED)", WITHOUT_INDEX)]  # fmt: skip
            for label, statement in pairs if run % 2 == 0 else reversed(pairs):
                took, answer = timed(path, statement)
                answers.add(answer)
                if run >= 3:
                    samples[label].append(took)
        if len(answers) != 1:
            raise SystemExit(f"the two plans answered differently: {answers}")
        print(f"\n{n:,} opportunities, {interviews:,} interviews ({path.name})")
        for label, statement in (("with the index", FIRST_INTERVIEW_ENTERED),
                                 ("without (NOT INDEXED)", WITHOUT_INDEX)):  # fmt: skip
            times = samples[label]
            print(f"  {label:<22} median {statistics.median(times) * 1000:7.2f} ms"
                  f"  min {min(times) * 1000:7.2f} ms   plan: {plan(path, statement)}")  # fmt: skip


if __name__ == "__main__":
    main()
