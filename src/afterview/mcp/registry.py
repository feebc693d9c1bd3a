"""What a tool is: a name, words and a schema for the model, and a call into the services.

A tool's `run` is synchronous (the service layer is) and runs in a worker thread; it
gets a `Call` (the App, the arguments already checked against the schema, and the
server's clock) and returns an `Answer`: structured content and one short sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from afterview.mcp.schema import Schema

if TYPE_CHECKING:
    from afterview.services.app import App


@dataclass(frozen=True)
class Answer:
    data: dict[str, Any]
    text: str


@dataclass
class Call:
    """One tool call: the service App, the checked arguments and the moment it happens."""

    app: App
    args: dict[str, Any]
    now: datetime

    def get(self, name: str, default: Any = None) -> Any:
        return self.args.get(name, default)

    def time(self, name: str, tz: str | None = None) -> datetime | None:
        """A typed time (as the CLI's --at): without an offset, read in `tz` or the user's zone."""
        value = self.args.get(name)
        if value is None:
            return None
        from afterview.parsing import parse_datetime

        return parse_datetime(str(value), tz or self.app.timezone, self.now)

    def time_or_now(self, name: str) -> datetime:
        return self.time(name) or self.now

    def day(self, name: str) -> date | None:
        value = self.args.get(name)
        if value is None:
            return None
        from afterview.parsing import parse_date, parse_zone

        today = self.now.astimezone(parse_zone(self.app.timezone)).date()
        return parse_date(str(value), today)


@dataclass(frozen=True)
class Tool:
    name: str
    title: str
    description: str
    schema: Schema
    run: Callable[[Call], Answer] = field(repr=False)
    writes: bool = False
    destructive: bool = False  # undoing it needs more than another call (sending mail)
    idempotent: bool = False


def all_tools() -> list[Tool]:
    """Every tool, reads first; the modules are small and import services lazily."""
    # `from afterview.mcp import …` would read to mypy as the SDK's package `mcp`
    import afterview.mcp.tools_decide as tools_decide  # noqa: PLR0402
    import afterview.mcp.tools_read as tools_read  # noqa: PLR0402
    import afterview.mcp.tools_record as tools_record  # noqa: PLR0402
    import afterview.mcp.tools_writing as tools_writing  # noqa: PLR0402

    return [
        *tools_read.TOOLS,
        *tools_writing.READ_TOOLS,
        *tools_record.TOOLS,
        *tools_decide.TOOLS,
        *tools_writing.WRITE_TOOLS,
    ]


def tools_for(read_only: bool) -> dict[str, Tool]:
    return {t.name: t for t in all_tools() if not (read_only and t.writes)}
