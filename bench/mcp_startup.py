"""MCP benchmark: `afterview mcp` start-up to its initialize answer, and the agenda tool.

    .venv/bin/python bench/mcp_startup.py            # 15 start-ups, 200 agenda calls
    .venv/bin/python bench/mcp_startup.py --quick    # 5 and 50

Start-up: the whole process, from spawning `afterview --db FILE mcp` until its
answer to `initialize` arrives on stdout (newline-delimited JSON-RPC, written by
hand here so no client library is timed), interleaved run by run with
`python -c pass` on the same interpreter. The time to the `tools/list` answer that
follows is reported beside it (the first real work a client asks for).

Agenda: one server on the generated 10,000-opportunity database (bench/generate.py,
the agenda benchmark's) answers `tools/call agenda` repeatedly; each call is timed
from the request written to the answer read (p50, p99). Results: docs/benchmarks.md#mcp.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import generate

AFTERVIEW = str(Path(sys.executable).with_name("afterview"))
INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "bench", "version": "1"},
    },
}


def send(process: subprocess.Popen[bytes], message: dict[str, Any]) -> None:
    assert process.stdin is not None
    process.stdin.write(json.dumps(message).encode() + b"\n")
    process.stdin.flush()


def answer(process: subprocess.Popen[bytes], wanted: int) -> dict[str, Any]:
    assert process.stdout is not None
    while True:
        line = process.stdout.readline()
        if not line:
            raise SystemExit("the server closed its output")
        message: dict[str, Any] = json.loads(line)
        if message.get("id") == wanted:
            if "error" in message:
                raise SystemExit(f"error: {message['error']}")
            return message


def start(db: str, env: dict[str, str], *options: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [AFTERVIEW, "--db", db, "mcp", *options],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def one_start(db: str, env: dict[str, str]) -> tuple[float, float, int]:
    """Seconds to the initialize answer and to the tools/list answer; the tool count."""
    began = time.perf_counter()
    process = start(db, env)
    send(process, INITIALIZE)
    answer(process, 1)
    initialized = time.perf_counter() - began
    send(process, {"jsonrpc": "2.0", "method": "notifications/initialized"})
    send(process, {"jsonrpc": "2.0", "id": 2, "method": "tools/list"})
    tools = len(answer(process, 2)["result"]["tools"])
    listed = time.perf_counter() - began
    process.stdin.close()  # type: ignore[union-attr]
    process.wait(timeout=30)
    return initialized, listed, tools


def bare_python() -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - began


def startup(runs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "AFTERVIEW_HOME": folder}
        db = str(Path(folder) / "empty.db")
        one_start(db, env)  # warm-up: the file exists and is migrated from here on
        inits, lists, pythons, tools = [], [], [], 0
        for _ in range(runs):
            pythons.append(bare_python())
            initialized, listed, tools = one_start(db, env)
            inits.append(initialized)
            lists.append(listed)
    python = statistics.median(pythons)
    init = statistics.median(inits)
    return {
        "tools": tools,
        "python_c_pass_ms": round(python * 1000, 1),
        "initialize_ms": round(init * 1000, 1),
        "initialize_vs_python": round(init / python, 1),
        "tools_list_ms": round(statistics.median(lists) * 1000, 1),
    }


def agenda_calls(calls: int) -> dict[str, Any]:
    path = generate.generate(10_000)
    process = start(str(path), generate.bench_env(), "--at", generate.AT)
    send(process, INITIALIZE)
    answer(process, 1)
    send(process, {"jsonrpc": "2.0", "method": "notifications/initialized"})
    timings = []
    items = 0
    for n in range(calls + 5):  # the first few warm the caches (engine, statement)
        began = time.perf_counter()
        request = {"name": "agenda", "arguments": {"days": 7}}
        send(process, {"jsonrpc": "2.0", "id": 10 + n, "method": "tools/call", "params": request})
        result = answer(process, 10 + n)["result"]
        if n >= 5:
            timings.append(time.perf_counter() - began)
        items = len(result["structuredContent"]["items"])
    process.stdin.close()  # type: ignore[union-attr]
    process.wait(timeout=30)
    timings.sort()
    return {
        "opportunities": 10_000,
        "items_per_answer": items,
        "calls": calls,
        "p50_ms": round(statistics.median(timings) * 1000, 1),
        "p99_ms": round(timings[min(len(timings) - 1, int(len(timings) * 0.99))] * 1000, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 start-ups, 50 agenda calls")
    options = parser.parse_args(argv)
    runs, calls = (5, 50) if options.quick else (15, 200)
    report = {"startup": startup(runs), "agenda_tool": agenda_calls(calls)}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
