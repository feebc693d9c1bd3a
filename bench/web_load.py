"""Web load benchmark: the Today page and the agenda JSON under wrk, against a minimal endpoint.

    make bench-web                                  # 10,000 opportunities, 3 rounds
    .venv/bin/python bench/web_load.py --duration 5 --rounds 1

Starts `afterview serve` on the generated 10,000-opportunity database (bench/generate.py;
the server's clock frozen at the data's "now", so the page shows the day the data
was built for) on a free loopback port, then runs `wrk -c 50` against three URLs of
the same server, interleaved round by round:

* `/minimal` — a FastAPI endpoint that does nothing: the framework's ceiling;
* `/` — the Today page (HTML, 25 items per section, CSRF token per browser);
* `/api/agenda` — the agenda JSON (every item due or overdue).

Targets (docs/benchmarks.md): p99 under 50 ms, and at least a third of the minimal
endpoint's requests per second. Needs `wrk` (Debian package; `make bench-deps`).
The first, uncached request of each page is timed too (see web/read_cache.py).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import generate

AFTERVIEW = str(Path(sys.executable).with_name("afterview"))
URLS = {"minimal": "/minimal", "today": "/", "agenda JSON": "/api/agenda"}
TARGET_P99_MS = 50.0
TARGET_RATIO = 1 / 3


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.1)  # polling a starting server, not waiting for time itself
    raise SystemExit(f"the server at {url} did not answer")


def timed_get(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


def wrk(url: str, duration: int, connections: int, threads: int) -> tuple[float, float]:
    """(requests per second, p99 latency in ms) of one wrk run."""
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"wrk saw errors on {url}:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    return rps, p99


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install -y wrk (or `make bench-deps`)")

    path = generate.generate(args.size)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = generate.bench_env()
    server = subprocess.Popen(
        [
            AFTERVIEW,
            "--db",
            str(path),
            "serve",
            "--port",
            str(port),
            "--at",
            generate.AT,
            "--workers",
            str(args.workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for(base + "/minimal")
        cold = {name: timed_get(base + url) for name, url in URLS.items()}
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in URLS}
        for _ in range(args.rounds):
            for name, url in URLS.items():
                samples[name].append(wrk(base + url, args.duration, args.connections, args.threads))
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(
        f"# {platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()}"
        f" · {args.size:,} opportunities · wrk -t{args.threads} -c{args.connections}"
        f" -d{args.duration}s × {args.rounds} rounds · {args.workers} server process(es)"
    )
    minimal_rps = statistics.median(r for r, _ in samples["minimal"])
    header = f"{'endpoint':<12} {'req/s':>9} {'p99 ms':>8} {'vs minimal':>11} {'first ms':>9}"
    print(f"{header}  verdict")
    ok = True
    for name in URLS:
        rps = statistics.median(r for r, _ in samples[name])
        p99 = statistics.median(p for _, p in samples[name])
        ratio = rps / minimal_rps
        verdict = "baseline"
        if name != "minimal":
            passed = p99 < TARGET_P99_MS and ratio >= TARGET_RATIO
            ok = ok and passed
            verdict = "pass" if passed else "FAIL"
        print(f"{name:<12} {rps:>9.0f} {p99:>8.1f} {ratio:>10.2f}× {cold[name]:>9.1f}  {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
