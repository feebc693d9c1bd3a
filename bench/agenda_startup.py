"""Start-up benchmark: `afterview agenda --json` as a whole process, against `python -c pass`.

    make bench                                   # all sizes, 30 runs each
    .venv/bin/python bench/agenda_startup.py --quick
    .venv/bin/python bench/agenda_startup.py --sizes 10000 --runs 50

For each size (opportunities in a generated database, see bench/generate.py) it
times `afterview --db FILE agenda --json --at <the data's now>` as a subprocess
with stdout to /dev/null, interleaved run by run with `python -c pass` on the same
interpreter (the venv's), after warm-up runs. Targets (docs/benchmarks.md):

* at 10,000 opportunities the median is at most 4x the bare interpreter's;
* going from 10,000 to 100,000 opportunities costs less than 2x.

It then times `task next` (Taskwarrior) with as many pending tasks as the agenda
has live open actions, and `import sqlalchemy` / `import click` alone for context.
Taskwarrior is optional: `apt-get install -y taskwarrior` (see `make bench-deps`).

The timed runs must take the light read path. The script checks that they did:
SQLAlchemy never loads (`-X importtime`), and the database file, its meta rows and
its WAL are unchanged after all the runs (a re-plan would rewrite them).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generate
from afterview.agenda_query import json_text

PYTHON = sys.executable
AFTERVIEW = str(Path(sys.executable).with_name("afterview"))
TARGET_VS_PYTHON = 4.0  # at 10k: median(agenda) <= 4 x median(python -c pass)
TARGET_SCALING = 2.0  # median(100k) / median(10k) < 2
DEFAULT_SIZES = (1_000, 10_000, 100_000)
TASK_CAP = 100_000  # Taskwarrior data is built for sizes up to this many opportunities


@dataclass
class Timing:
    label: str
    argv: list[str]
    env: dict[str, str] | None = None
    samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p90(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]

    @property
    def low(self) -> float:
        return min(self.samples)


def short(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def run_once(timing: Timing) -> float:
    began = time.perf_counter()
    done = subprocess.run(
        timing.argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=timing.env,
        check=False,
    )
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"{timing.label}: exit code {done.returncode}: {' '.join(timing.argv)}")
    return elapsed


def interleave(timings: list[Timing], runs: int, warmup: int) -> None:
    """Warm up each command, then alternate them run by run (order flipped every round)."""
    for timing in timings:
        for _ in range(warmup):
            run_once(timing)
    for n in range(runs):
        for timing in timings if n % 2 == 0 else reversed(timings):
            timing.samples.append(run_once(timing))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def show(timings: list[Timing], base: Timing) -> None:
    print(f"  {'command':<44} {'median':>7} {'p90':>7} {'min':>7}  x python")
    for t in timings:
        ratio = t.median / base.median
        print(f"  {t.label:<44} {ms(t.median)} {ms(t.p90)} {ms(t.low)}  {ratio:5.2f}x")


# --- the machine ---------------------------------------------------------------------


def machine() -> dict[str, Any]:
    from importlib.metadata import version

    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    task = shutil.which("task")
    return {
        "cpu": cpu,
        "cores": usable,
        "os": platform.platform(),
        "python": platform.python_version(),
        "python_executable": PYTHON,
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": version("SQLAlchemy"),
        "click": version("click"),
        "afterview": version("afterview"),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--", "src")),
        "taskwarrior": _output([task, "--version"]) if task else None,
        "loadavg": _loadavg(),
    }


def _git(*args: str) -> str:
    return _output(["git", "-C", str(generate.BENCH.parent), *args]) or "?"


def _output(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def _loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


# --- one size --------------------------------------------------------------------------


@dataclass
class Size:
    n: int
    activity: int | None
    path: Path
    stats: dict[str, Any]
    items: int = 0
    agenda: Timing | None = None
    base: Timing | None = None
    human: Timing | None = None
    today: Timing | None = None
    task: Timing | None = None
    task_base: Timing | None = None
    task_agenda: Timing | None = None
    tasks: int = 0

    @property
    def label(self) -> str:
        if self.activity:
            return f"{short(self.n)} ({short(self.activity)} recent)"
        return short(self.n)


def agenda_argv(path: Path) -> list[str]:
    return [AFTERVIEW, "--db", str(path), "agenda", "--json", "--at", generate.AT]


def human_argv(path: Path, command: str) -> list[str]:
    """The human views people type (`agenda`, `today`), at 100 columns (COLUMNS in env)."""
    return [AFTERVIEW, "--db", str(path), command, "--at", generate.AT]


def fingerprint(path: Path) -> tuple[Any, ...]:
    """What a re-plan (or any write) would change: the file, its WAL, its meta rows."""
    stat = path.stat()
    wal = Path(f"{path}-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    return (stat.st_mtime_ns, stat.st_size, wal_size, sorted(generate.read_meta(path).items()))


def preflight(size: Size, env: dict[str, str]) -> None:
    """One checked run: valid JSON out, SQLAlchemy never imported, nothing written."""
    if generate.read_meta(size.path) != _expected_meta(env):
        raise SystemExit(f"{size.path.name}: meta fingerprints do not match this environment")
    before = fingerprint(size.path)
    done = subprocess.run(
        [PYTHON, "-X", "importtime", *agenda_argv(size.path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"agenda failed on {size.path.name}:\n{done.stderr[-2000:]}")
    items = json.loads(done.stdout)
    if not isinstance(items, list):
        raise SystemExit("agenda --json did not print a list")
    if done.stdout != json_text(items) + "\n":
        raise SystemExit("agenda --json is not laid out as agenda_query.json_text lays it out")
    size.items = len(items)
    loaded = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    heavy = sorted(loaded & {"sqlalchemy", "click", "alembic", "rich"})
    if heavy:
        raise SystemExit(f"the timed command imported {', '.join(heavy)}: not the light path")
    if fingerprint(size.path) != before:
        raise SystemExit(f"{size.path.name} changed during the agenda run: it re-planned")


def _expected_meta(env: dict[str, str]) -> dict[str, str]:
    code = "import json, generate; print(json.dumps(generate.settings_meta()))"
    out = subprocess.run(
        [PYTHON, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=generate.BENCH,
    ).stdout
    return dict(json.loads(out))


# --- Taskwarrior -------------------------------------------------------------------------


def task_setup(size: Size, folder: Path) -> tuple[dict[str, str], int]:
    """A private Taskwarrior with one pending task per live open action of the agenda."""
    data = folder / "data"
    data.mkdir(parents=True)
    rc = folder / "taskrc"
    rc.write_text(
        f"data.location={data}\nconfirmation=off\nhooks=off\nnews.version=99.0.0\nverbose=nothing\n"
    )
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}
    now = generate.NOW.strftime("%Y-%m-%dT%H:%M:%SZ")
    conn = sqlite3.connect(f"file:{size.path}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT key, rule, title, company, effective_due_utc, state FROM actions "
            "WHERE is_open = 1 AND (expires_utc IS NULL OR expires_utc > ?) "
            "ORDER BY effective_due_utc, key",
            (now,),
        ).fetchall()
    finally:
        conn.close()
    entry = generate.NOW.strftime("%Y%m%dT%H%M%SZ")
    tasks = [
        {
            "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"afterview:{key}")),
            "status": "pending",
            "description": title,
            "project": (company or "search").replace(" ", ""),
            "tags": [rule],
            "entry": entry,
            "due": due.replace("-", "").replace(":", ""),
        }
        for key, rule, title, company, due, _state in rows
    ]
    source = folder / "tasks.json"
    source.write_text(json.dumps(tasks))
    began = time.perf_counter()
    subprocess.run(
        ["task", "rc.verbose=nothing", "import", str(source)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"  imported {len(tasks)} tasks in {time.perf_counter() - began:.1f} s")
    count = subprocess.run(
        ["task", "rc.verbose=nothing", "rc.gc=off", "status:pending", "count"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if int(count) != len(tasks):
        raise SystemExit(f"Taskwarrior holds {count} pending tasks, expected {len(tasks)}")
    return env, len(tasks)


def taskwarrior(sizes: list[Size], runs: int, warmup: int, cap: int, env: dict[str, str]) -> None:
    print("\n== Taskwarrior: `task rc.verbose=nothing rc.gc=off next` ==")
    if shutil.which("task") is None:
        print(
            "  skipped: `task` is not installed (Debian: apt-get install -y taskwarrior;"
            " `make bench-deps` does it)"
        )
        return
    for size in sizes:
        if size.activity:
            continue
        if size.n > cap:
            print(
                f"  n={size.n}: skipped (Taskwarrior data built only up to {cap} opportunities;"
                " --task-cap raises it)"
            )
            continue
        with tempfile.TemporaryDirectory(prefix="afterview-bench-task-") as tmp:
            print(f"  n={size.n}: {size.stats['open_live']} live open actions")
            task_env, size.tasks = task_setup(size, Path(tmp))
            size.task_base = Timing("python -c pass", [PYTHON, "-c", "pass"])
            size.task_agenda = Timing(
                f"afterview agenda --json ({size.label})", agenda_argv(size.path), env
            )
            size.task = Timing(
                f"task next ({size.tasks} pending)",
                ["task", "rc.verbose=nothing", "rc.gc=off", "next"],
                task_env,
            )
            before = fingerprint(size.path)
            interleave([size.task_base, size.task_agenda, size.task], runs, warmup)
            if fingerprint(size.path) != before:
                raise SystemExit(f"{size.path.name} changed during the runs: it re-planned")
            show([size.task_base, size.task_agenda, size.task], size.task_base)


# --- main --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    runs = args.runs
    if args.quick:
        sizes, runs = [n for n in sizes if n <= 10_000] or [1_000], min(runs, 10)
    if not Path(AFTERVIEW).exists():
        raise SystemExit(f"{AFTERVIEW} not found: run with the venv's python (make bench)")

    info = machine()
    print("== Machine ==")
    for key, value in info.items():
        print(f"  {key:<18} {value}")
    env = generate.bench_env()
    print(f"  {'AFTERVIEW_HOME':<18} {env['AFTERVIEW_HOME']}")
    print(f"  {'AFTERVIEW_TZ':<18} {env['AFTERVIEW_TZ']}")
    print(f"  {'--at':<18} {generate.AT}")
    print(f"  {'runs':<18} {runs} timed after {args.warmup} warm-up, interleaved")

    print("\n== Databases ==")
    wanted: list[tuple[int, int | None]] = [(n, None) for n in sizes]
    if args.history and 10_000 in sizes and 100_000 in sizes:
        wanted.append((100_000, 10_000))
    measured = [prepare(n, activity, env) for n, activity in wanted]

    print("\n== Context: the interpreter and heavy imports alone ==")
    base = Timing("python -c pass", [PYTHON, "-c", "pass"])
    context = [
        base,
        Timing("python -c 'import click'", [PYTHON, "-c", "import click"]),
        Timing("python -c 'import sqlalchemy'", [PYTHON, "-c", "import sqlalchemy"]),
    ]
    interleave(context, runs, args.warmup)
    show(context, base)

    print("\n== afterview --db FILE agenda --json (and agenda, today) --at NOW, whole process ==")
    for size in measured:
        size.base = Timing("python -c pass", [PYTHON, "-c", "pass"])
        size.agenda = Timing(
            f"agenda --json {size.label}: {size.items} items", agenda_argv(size.path), env
        )
        if args.human:
            human_env = {**env, "COLUMNS": "100"}
            size.human = Timing(
                f"agenda (human) {size.label}", human_argv(size.path, "agenda"), human_env
            )
            size.today = Timing(f"today {size.label}", human_argv(size.path, "today"), human_env)
        timed = [t for t in (size.base, size.agenda, size.human, size.today) if t is not None]
        before = fingerprint(size.path)
        interleave(timed, runs, args.warmup)
        if fingerprint(size.path) != before:
            raise SystemExit(f"{size.path.name} changed during the timed runs: it re-planned")
        show(timed, size.base)

    print("\n== Targets ==")
    verdicts = targets(measured)

    if not args.no_taskwarrior:
        taskwarrior(measured, runs, args.warmup, args.task_cap, env)

    info["loadavg_end"] = _loadavg()
    print(f"\n  load average at the end: {info['loadavg_end']}")
    if args.json:
        args.json.write_text(json.dumps(_results(info, context, measured, runs), indent=2) + "\n")
    return 0 if verdicts and all(verdicts) else 1


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="comma-separated numbers of opportunities (1000,10000,100000)",
    )
    parser.add_argument("--runs", type=int, default=30, help="timed runs per command (30)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first (3)")
    parser.add_argument(
        "--quick", action="store_true", help="1000 and 10000 opportunities, 10 runs: a smoke test"
    )
    parser.add_argument(
        "--task-cap",
        type=int,
        default=TASK_CAP,
        help=f"largest size compared with Taskwarrior ({TASK_CAP})",
    )
    parser.add_argument("--no-taskwarrior", action="store_true", help="skip Taskwarrior")
    parser.add_argument(
        "--no-history",
        dest="history",
        action="store_false",
        help="skip 100k opportunities with the recent activity of 10k",
    )
    parser.add_argument(
        "--no-human",
        dest="human",
        action="store_false",
        help="skip the human views (`agenda` and `today` without --json)",
    )
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    return parser.parse_args(argv)


def prepare(n: int, activity: int | None, env: dict[str, str]) -> Size:
    """Generate (or reuse) the database and check one run of it."""
    began = time.perf_counter()
    path = generate.generate(n, activity=activity)
    stats = json.loads(generate.stats_path(n, activity).read_text())
    took = time.perf_counter() - began
    origin = f"built in {took:.0f} s" if took > 1 else "cached"
    size = Size(n, activity, path, stats)
    print(
        f"  {size.label:<15} {stats['bytes'] / 1e6:5.0f} MB  {stats['actions']:>8} actions,"
        f" {stats['open_rows']:>6} open ({stats['open_live']:>5} not expired),"
        f" {stats['open_opportunities']:>4} open opps  [{origin}]"
    )
    print(f"  {'':<15} {path.name}")
    preflight(size, env)
    return size


def targets(measured: list[Size]) -> list[bool]:
    """Print PASS/FAIL against the two targets; the verdicts."""
    verdicts = []
    by_n = {s.n: s for s in measured if not s.activity}
    if 10_000 in by_n:
        s = by_n[10_000]
        assert s.agenda and s.base
        ratio = s.agenda.median / s.base.median
        ok = ratio <= TARGET_VS_PYTHON
        verdicts.append(ok)
        print(
            f"  10k median / python -c pass = {ms(s.agenda.median).strip()} / "
            f"{ms(s.base.median).strip()} ms = {ratio:.2f}x  (target <= {TARGET_VS_PYTHON:g}x)"
            f"  {'PASS' if ok else 'FAIL'}"
        )
    if 10_000 in by_n and 100_000 in by_n:
        small, large = by_n[10_000], by_n[100_000]
        assert small.agenda and large.agenda and small.base and large.base
        scale = large.agenda.median / small.agenda.median
        ok = scale < TARGET_SCALING
        verdicts.append(ok)
        above = (large.agenda.median - large.base.median) / (
            small.agenda.median - small.base.median
        )
        print(
            f"  100k median / 10k median = {scale:.2f}x  (target < {TARGET_SCALING:g}x)"
            f"  {'PASS' if ok else 'FAIL'}"
        )
        print(f"    (above the interpreter: {above:.2f}x; items {small.items} -> {large.items})")
        for steady in (s for s in measured if s.activity == 10_000 and s.n == 100_000):
            assert steady.agenda
            ratio = steady.agenda.median / small.agenda.median
            print(
                f"  history alone: {steady.label} median / 10k median = {ratio:.2f}x"
                f"  ({small.items} -> {steady.items} items)"
                f"  {'PASS' if ratio < TARGET_SCALING else 'FAIL'} (supplementary)"
            )
    if not verdicts:
        print("  (the targets need the 10000 and 100000 sizes)")
    return verdicts


def _results(
    info: dict[str, Any], context: list[Timing], sizes: list[Size], runs: int
) -> dict[str, Any]:
    def summary(t: Timing | None) -> dict[str, float] | None:
        if t is None:
            return None
        return {"median_ms": t.median * 1000, "p90_ms": t.p90 * 1000, "min_ms": t.low * 1000}

    return {
        "machine": info,
        "runs": runs,
        "context": {t.label: summary(t) for t in context},
        "sizes": [
            {
                "n": s.n,
                "activity": s.activity,
                "items": s.items,
                "stats": s.stats,
                "python": summary(s.base),
                "agenda": summary(s.agenda),
                "agenda_human": summary(s.human),
                "today": summary(s.today),
                "tasks": s.tasks,
                "task_next": summary(s.task),
                "task_python": summary(s.task_base),
                "task_agenda": summary(s.task_agenda),
            }
            for s in sizes
        ],
    }


if __name__ == "__main__":
    sys.exit(main())
