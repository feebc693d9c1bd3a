"""What every command shares: the environment, time parsing at the edge, and output."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from afterview.services.app import App

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Env:
    """Global options, and the service-layer App opened on first use."""

    db: str | None = None
    demo: bool = False
    debug: bool = False
    _app: App | None = field(default=None, repr=False)

    @property
    def app(self) -> App:
        if self._app is None:
            from afterview.services.app import App

            self._app = App.open(self.db, demo=self.demo)
        return self._app

    def close(self) -> None:
        if self._app is not None:
            self._app.close()

    def now(self) -> datetime:
        return datetime.now(UTC)

    def time(self, text: str | None, tz: str | None = None) -> datetime:
        """A typed time; without an offset it is read in `tz` or the user's zone."""
        from afterview.parsing import parse_datetime

        if not text:
            return self.now()
        return parse_datetime(text, tz or self.app.timezone, self.now())

    def recorded(self, text: str | None) -> datetime:
        """When a fact became known: a typed time not in the future, else now."""
        from afterview.errors import BadInput

        moment = self.time(text)
        if moment > self.now() + timedelta(minutes=5):
            raise BadInput(f"--at {text} is in the future; record things once they happen.")
        return moment

    def day(self, text: str | None) -> date | None:
        """A typed date; `today`/`tomorrow` are the user's, not the machine's."""
        from afterview.parsing import parse_date, parse_zone

        if text is None:
            return None
        return parse_date(text, self.now().astimezone(parse_zone(self.app.timezone)).date())


pass_env = click.make_pass_decorator(Env)


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")(func)


def choice(enum: type[Enum]) -> click.Choice[str]:
    return click.Choice([str(m.value) for m in enum])


def emit_json(value: Any) -> None:
    sys.stdout.write(
        json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False, default=_plain) + "\n"
    )


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot serialise {type(value).__name__}")


def say(message: str) -> None:
    """Human output on stdout."""
    click.echo(message)


def warn(message: str) -> None:
    click.echo(f"afterview: {message}", err=True)
