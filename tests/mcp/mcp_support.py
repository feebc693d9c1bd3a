"""Talking to the real `afterview mcp` through the official SDK's client.

(This folder has no __init__.py on purpose: as a package it would be named `mcp`
and hide the SDK. Module names here are therefore unique across the suite.)

The clock is frozen (`--at`) on Monday 16 March 2026, 09:00 London: an interview the
Friday before at 14:00 is thanked the next working morning, now (P5).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from mcp import Client, StdioServerParameters

AT = "2026-03-16T09:00"
TZ = "Europe/London"


def console_script() -> str:
    """The installed `afterview` next to this interpreter (the venv's), else on PATH."""
    beside = Path(sys.executable).parent / "afterview"
    found = str(beside) if beside.exists() else shutil.which("afterview")
    assert found, "the `afterview` console script is not installed: pip install -e ."
    return found


def environment() -> dict[str, str]:
    """The test's own (isolated AFTERVIEW_HOME), which the SDK would otherwise trim."""
    return {**os.environ, "AFTERVIEW_TZ": TZ}


@asynccontextmanager
async def stdio_session(db: str, *options: str, at: str = AT) -> AsyncIterator[Client]:
    """The server on `db` with its clock frozen at `at` (London, unless it has an offset)."""
    params = StdioServerParameters(
        command=console_script(),
        args=["--db", db, "mcp", "--at", at, *options],
        env=environment(),
    )
    async with Client(params, mode="legacy", read_timeout_seconds=60) as client:
        yield client


def count(db: str, table: str, where: str = "1=1") -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0])


def snapshot(db: str) -> dict[str, int]:
    """Row counts of every fact table: a refused call must leave them all as they were."""
    with sqlite3.connect(db) as conn:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if r[0] not in ("meta", "alembic_version")
        ]
        return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}


async def ok(client: Client, tool: str, arguments: dict[str, Any]) -> dict[str, Any]:
    """Call a tool that must succeed; its structured content, with the text beside it."""
    result = await client.call_tool(tool, arguments)
    text = result.content[0].text  # type: ignore[union-attr]
    assert not result.is_error, f"{tool}: {text}"
    assert text.strip(), f"{tool} gave no text"
    assert isinstance(result.structured_content, dict)
    return {**result.structured_content, "_text": text}


async def refused(client: Client, tool: str, arguments: dict[str, Any]) -> str:
    """Call a tool that must fail: one line, no traceback; returns the line."""
    result = await client.call_tool(tool, arguments)
    text = result.content[0].text  # type: ignore[union-attr]
    assert result.is_error, f"{tool} accepted {arguments}: {text}"
    assert "\n" not in text and "Traceback" not in text, text
    assert result.structured_content == {"error": text}
    return text
