"""What `synchronous=FULL` costs on writes, against NORMAL (docs/benchmarks.md#durability).

    .venv/bin/python bench/sync_cost.py               # 1,000 transactions a mode, 3 rounds
    .venv/bin/python bench/sync_cost.py -n 300 --rounds 1

Afterview runs SQLite in WAL mode with synchronous=FULL: every commit is synced to
the disk before it returns, so a power loss cannot undo a committed outbox claim
(docs/sending.md). NORMAL syncs only at checkpoints: as safe against a killed
process, not against a power cut. Two workloads, each timed under both settings,
interleaved round by round on a fresh database file in bench/out/ (a real disk:
a tmpfs would make every sync free):

* `record`: the `add_opportunity` use case through the service layer (validation,
  the write, the re-plan), what `afterview opp add` does after start-up;
* `claim`: one conditional UPDATE per transaction (BEGIN IMMEDIATE … COMMIT) on
  the same engine, the shape of the outbox's claim and acceptance.

Prints the median of the rounds per transaction and the FULL/NORMAL ratio.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy

from afterview.config import Config
from afterview.playbook.facts import Route
from afterview.playbook.settings import Settings
from afterview.services import records
from afterview.services.app import App
from afterview.store import engine as store_engine

OUT = Path(__file__).resolve().parent / "out"
NOW = datetime(2026, 3, 11, 9, 0, tzinfo=UTC)
MODES = ("NORMAL", "FULL")


def use_mode(mode: str) -> None:
    """The engine's pragmas with `synchronous` set to `mode` (for connections opened next)."""
    store_engine._SQLITE_PRAGMAS = tuple(  # type: ignore[misc]
        f"synchronous={mode}" if p.startswith("synchronous=") else p
        for p in store_engine._SQLITE_PRAGMAS
    )


def fresh_app(mode: str, name: str) -> App:
    use_mode(mode)
    path = OUT / f"sync-cost-{name}-{mode.lower()}.sqlite3"
    for leftover in path.parent.glob(f"{path.name}*"):
        leftover.unlink()
    app = App(url=f"sqlite:///{path}", config=Config(settings=Settings(), timezone="UTC"))
    with app.engine.connect() as conn:
        level = conn.exec_driver_sql("PRAGMA synchronous").scalar()
    assert level == {"NORMAL": 1, "FULL": 2}[mode], level
    return app


def record(app: App, n: int) -> float:
    started = time.perf_counter()
    for i in range(n):
        records.add_opportunity(
            app, company=f"Org {i}", role="Data Engineer", route=Route.DIRECT,
            now=NOW + timedelta(seconds=i),
        )  # fmt: skip
    return time.perf_counter() - started


def claim(app: App, n: int) -> float:
    with app.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS claims (id INTEGER PRIMARY KEY, n INT)")
        conn.exec_driver_sql("INSERT OR IGNORE INTO claims VALUES (1, 0)")
    update = sqlalchemy.text("UPDATE claims SET n = :n WHERE id = 1 AND n = :before")
    started = time.perf_counter()
    for i in range(n):
        with app.engine.begin() as conn:
            changed = conn.execute(update, {"n": i + 1, "before": i}).rowcount
            assert changed == 1
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="transactions per mode and round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    workloads: dict[str, Callable[[App, int], float]] = {"record": record, "claim": claim}
    times: dict[tuple[str, str], list[float]] = {}
    for round_ in range(args.rounds):
        for name, work in workloads.items():
            for mode in MODES if round_ % 2 == 0 else MODES[::-1]:
                app = fresh_app(mode, name)
                try:
                    times.setdefault((name, mode), []).append(work(app, args.n))
                finally:
                    app.close()
    print(f"{platform.processor() or platform.machine()}, Python {sys.version.split()[0]}, "
          f"SQLite {__import__('sqlite3').sqlite_version}, SQLAlchemy {sqlalchemy.__version__}; "
          f"{args.n} transactions x {args.rounds} rounds, files in {OUT.name}/")  # fmt: skip
    for name in workloads:
        normal = statistics.median(times[(name, "NORMAL")]) / args.n * 1000
        full = statistics.median(times[(name, "FULL")]) / args.n * 1000
        print(
            f"{name:7} NORMAL {normal:7.3f} ms/tx   FULL {full:7.3f} ms/tx   "
            f"FULL/NORMAL {full / normal:5.2f}x"
        )


if __name__ == "__main__":
    main()
