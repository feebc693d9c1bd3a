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

from afterview.errors import UnknownInterview, UnknownMessage, UnknownOpportunity, UnknownPerson
from afterview.text_safety import clean_text, for_terminal
from afterview.validation import record_id

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
shown = for_terminal  # what every Rich renderer prints stored text through


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")(func)


def choice(enum: type[Enum]) -> click.Choice[str]:
    return click.Choice([str(m.value) for m in enum])


def emit_json(value: Any) -> None:
    text = json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False, default=_plain)
    sys.stdout.write(text.translate(_JSON_ESCAPES) + "\n")


# JSON escapes C0 controls itself; these would reach a terminal raw (DEL, C1, bidi
# overrides) or cannot be encoded (lone surrogates): written as \uXXXX, same value.
_JSON_ESCAPES = {
    code: f"\\u{code:04x}"
    for block in ((0x7F, 0xA0), (0x202A, 0x202F), (0x2066, 0x206A), (0xD800, 0xE000))
    for code in range(*block)
}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot serialise {type(value).__name__}")


def say(message: str) -> None:
    """Human output on stdout, without the control characters stored text may carry."""
    click.echo(clean_text(message, multiline=True))


def warn(message: str) -> None:
    """One line on stderr, whatever the message holds."""
    click.echo(f"afterview: {clean_text(message)}", err=True)


class IdType(click.ParamType):  # type: ignore[type-arg]
    """A record id typed on the command line. Outside 1..2^31-1 (the store's INTEGER
    ids) no record can have it: "No opportunity N" without asking the database."""

    name = "integer"

    def __init__(self, not_found: Callable[[int], Exception]) -> None:
        self.not_found = not_found

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return record_id(value, self.not_found)
        try:
            number = int(str(value).strip())
        except ValueError:
            self.fail(f"{clean_text(repr(value))} is not a valid integer.", param, ctx)
        return record_id(number, self.not_found)


def _outbox_entry(number: int) -> Exception:
    from afterview.services.outbox import UnknownOutbox

    return UnknownOutbox(number)


OPP_ID = IdType(UnknownOpportunity)
INTERVIEW_ID = IdType(UnknownInterview)
PERSON_ID = IdType(UnknownPerson)
MESSAGE_ID = IdType(UnknownMessage)
OUTBOX_ID = IdType(_outbox_entry)
