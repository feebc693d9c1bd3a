"""Agency-server load benchmark: the consultant's day view under wrk, 1, 2 and 4 workers.

    make bench-server                                   # 50 × 40 × 20, workers 1 2 4, 3 rounds
    .venv/bin/python bench/server_load.py --scale 5x8x20 --duration 3 --rounds 1

Generates (or reuses) the deployment of bench/server_generate.py: 50 consultants, each
followed by 40 candidates sharing 20 opportunities (2,000 candidate schemas, 40,000
published projections). Serves it as `afterview server run` does (uvicorn workers on
loopback, plain HTTP, cookies without Secure) with the clock frozen at the data's
NOW, signs the 50 consultants in through the real sign-in form, and runs `wrk -c 50`:

* `/minimal` — a FastAPI endpoint that does nothing: the framework's ceiling, the
  baseline of the same server;
* `/agency` — the consultant's day view, each request carrying one of the 50
  consultants' session cookies in turn (a Lua script; wrk cannot pin one cookie to
  one connection, so every connection goes round all of them), and
  `Accept-Encoding: gzip` as browsers send it.

Round by round, a fresh server per worker count (1, 2, 4 by default), so the other
work on the machine spreads over every configuration alike; medians of the rounds.
`--explain` prints, in process, the statements, rows and bytes one day view costs
and where its time goes; `--profile` adds a pyinstrument profile of it (`pip install
pyinstrument`). Needs `wrk` (`make bench-deps`) and PostgreSQL (AFTERVIEW_BENCH_PG_URL).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import server_generate as gen
from web_load import free_port, wait_for

if TYPE_CHECKING:
    from fastapi import FastAPI

BENCH = Path(__file__).resolve().parent
AT_ENV = "AFTERVIEW_BENCH_AT"
LUA = """
local cookies = {}
for line in io.lines(os.getenv("BENCH_COOKIES")) do cookies[#cookies + 1] = line end
local started = 0
function setup(thread)
  thread:set("offset", started)
  started = started + 1
end
local i = nil
function request()
  if i == nil then i = (offset * 7) % #cookies end
  i = i % #cookies + 1
  return wrk.format("GET", "/agency", {["Cookie"] = cookies[i], ["Accept-Encoding"] = "gzip"})
end
"""


def worker_app() -> FastAPI:
    """Each uvicorn worker's app: `afterview.server.web.from_environment`, as `afterview
    server run` builds it, with the clock then frozen at AT_ENV (the CLI has no --at)."""
    from afterview.server.web import ServerMode, from_environment
    from afterview.web.pages.common import freeze_clock

    app = from_environment()
    at = datetime.fromisoformat(os.environ[AT_ENV])
    mode: ServerMode = app.state.server
    mode.clock = at
    freeze_clock(at)
    return app


def serve(url: str, scale: gen.Scale, port: int, workers: int) -> None:
    """What `afterview server run --insecure-cookies --workers N` does, with the clock."""
    import uvicorn

    from afterview.server import web

    os.environ[web.SETUP_ENV] = web.encode_setup(
        url, scale.prefix, ["127.0.0.1", "localhost", "::1"], secure=False
    )
    os.environ[AT_ENV] = gen.AT
    uvicorn.run(
        "server_load:worker_app",
        factory=True,
        app_dir=str(BENCH),
        host="127.0.0.1",
        port=port,
        workers=workers,
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
        log_level="warning",
        access_log=False,
    )


class Server:
    def __init__(self, url: str, scale: gen.Scale, workers: int) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(self.port), str(workers),
             "--scale", f"{scale.consultants}x{scale.candidates}x{scale.opportunities}",
             "--url", url],
            cwd=BENCH,
        )  # fmt: skip
        wait_for(self.base + "/minimal")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


def sign_in(base: str, email: str) -> str:
    """The session cookie of one consultant, through the sign-in form (CSRF and all)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login", timeout=60).read().decode()
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    if found is None:
        raise SystemExit("the sign-in page has no CSRF field")
    form = urllib.parse.urlencode(
        {"email": email, "password": gen.PASSWORD, "csrf_token": found.group(1), "next": "/"}
    ).encode()
    with opener.open(base + "/login", data=form, timeout=120) as answer:
        if not answer.geturl().endswith("/agency"):
            raise SystemExit(f"signing {email} in failed: {answer.geturl()}")
    session = [c for c in jar if c.name == "afterview_session"]
    if not session:
        raise SystemExit(f"no session cookie for {email}")
    return f"afterview_session={session[0].value}"


def day_page(base: str, cookie: str) -> bytes:
    request = urllib.request.Request(base + "/agency", headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=120) as answer:
        if answer.status != 200 or not answer.geturl().endswith("/agency"):
            raise SystemExit(f"the day view answered {answer.status} at {answer.geturl()}")
        return bytes(answer.read())


@dataclass(frozen=True)
class Run:
    rps: float
    p50: float
    p99: float


Samples = dict[tuple[int, str], list[Run]]


def wrk(url: str, args: argparse.Namespace, script: Path | None = None) -> Run:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s",
               "--timeout", "30s", "--latency"]  # fmt: skip
    if script is not None:
        command += ["-s", str(script)]
    out = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, env=os.environ
    ).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        raise SystemExit(f"wrk saw errors on {url}:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    return Run(rps, _latency(out, "50%"), _latency(out, "99%"))


def _latency(out: str, which: str) -> float:
    value, unit = re.search(rf"{which}\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def measure(args: argparse.Namespace, scale: gen.Scale) -> Samples:
    samples: Samples = {}
    cookies: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "rotate.lua"
        script.write_text(LUA)
        cookie_file = Path(tmp) / "cookies.txt"
        os.environ["BENCH_COOKIES"] = str(cookie_file)
        for round_ in range(1, args.rounds + 1):
            for workers in args.workers:
                server = Server(args.url, scale, workers)
                try:
                    if not cookies:  # sessions live in the database: once per run
                        emails = [gen.consultant_email(c) for c in range(scale.consultants)]
                        with ThreadPoolExecutor(8) as pool:
                            bases = [server.base] * len(emails)
                            cookies = list(pool.map(sign_in, bases, emails))
                        cookie_file.write_text("\n".join(cookies) + "\n")
                        first = day_page(server.base, cookies[0])
                        print(f"# the day view: {len(first):,} bytes of HTML", file=sys.stderr)
                    for cookie in cookies:  # warm every worker's caches a little
                        day_page(server.base, cookie)
                    for name, url, lua in (
                        ("minimal", "/minimal", None),
                        ("day view", "/agency", script),
                    ):
                        run = wrk(server.base + url, args, lua)
                        samples.setdefault((workers, name), []).append(run)
                        print(
                            f"# round {round_}, {workers} worker(s), {name}: {run.rps:.0f} req/s,"
                            f" p50 {run.p50:.0f} ms, p99 {run.p99:.0f} ms",
                            file=sys.stderr,
                            flush=True,
                        )
                finally:
                    server.stop()
    return samples


def report(
    args: argparse.Namespace, scale: gen.Scale, samples: dict[tuple[int, str], list[Run]]
) -> None:
    import afterview

    pg = _postgres_version(args.url)
    print(
        f"# {platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()} · "
        f"Afterview {afterview.__version__} · {pg} · {scale} · wrk -t{args.threads} "
        f"-c{args.connections} -d{args.duration}s × {args.rounds} rounds (medians)"
    )
    print(
        f"{'workers':>7} {'endpoint':<9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'vs minimal':>11} {'vs 1 worker':>12}"
    )
    base_workers = args.workers[0]
    for workers in args.workers:
        minimal = statistics.median(r.rps for r in samples[(workers, "minimal")])
        for name in ("minimal", "day view"):
            runs = samples[(workers, name)]
            rps = statistics.median(r.rps for r in runs)
            p50 = statistics.median(r.p50 for r in runs)
            p99 = statistics.median(r.p99 for r in runs)
            first = statistics.median(r.rps for r in samples[(base_workers, name)])
            print(
                f"{workers:>7} {name:<9} {rps:>8.1f} {p50:>8.1f} {p99:>8.1f} "
                f"{rps / minimal:>10.4f}× {rps / first:>11.2f}×"
            )


def _postgres_version(url: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar())
    finally:
        engine.dispose()
    return f"PostgreSQL {version.split(maxsplit=1)[0]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=gen.Scale.parse, default=gen.Scale(50, 40, 20))
    parser.add_argument("--url", default=gen.DEFAULT_URL)
    parser.add_argument("--workers", type=lambda s: [int(w) for w in s.split(",")],
                        default=[1, 2, 4], help="server processes, e.g. 1,2,4")  # fmt: skip
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2, help="processes generating the data")
    parser.add_argument("--explain", action="store_true", help="one day view, in process")
    parser.add_argument("--profile", action="store_true", help="--explain with pyinstrument")
    parser.add_argument("--serve", nargs=2, type=int, metavar=("PORT", "WORKERS"),
                        help=argparse.SUPPRESS)  # fmt: skip
    args = parser.parse_args()
    if args.serve:
        serve(args.url, args.scale, *args.serve)
        return 0
    gen.generate(args.url, args.scale, args.jobs)
    if args.explain or args.profile:
        import server_explain

        server_explain.explain(args.url, args.scale, profile=args.profile)
        return 0
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install -y wrk (or `make bench-deps`)")
    report(args, args.scale, measure(args, args.scale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
