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
    return SuggestingChoice([str(m.value) for m in enum])


class SuggestingChoice(click.Choice[str]):
    """A choice that names the closest value when a typo misses (`acepted` → accepted)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            import difflib

            names = [str(c) for c in self.choices]
            close = difflib.get_close_matches(str(value).lower(), names, n=1, cutoff=0.6)
            if close:
                hint = f"{exc.message.rstrip('.')}. Did you mean {close[0]!r}?"
                raise click.BadParameter(hint, ctx, param) from None
            raise


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


def completion_source(ctx: click.Context) -> tuple[str | None, bool]:
    """The database a TAB reads: `--db`/`--demo` as typed so far (no callback has run)."""
    params = ctx.find_root().params
    db = params.get("db")
    return (db if isinstance(db, str) else None), bool(params.get("demo"))


def _completed(ctx: click.Context, kind: str, incomplete: str) -> list[Any]:
    from click.shell_completion import CompletionItem

    from afterview.cli.completion import candidates

    db, demo = completion_source(ctx)
    found = candidates(kind, incomplete, db, demo)
    return [CompletionItem(value, help=text) for value, text in found]


class IdType(click.ParamType):  # type: ignore[type-arg]
    """A record id typed on the command line. Outside 1..2^31-1 (the store's INTEGER
    ids) no record can have it: "No opportunity N" without asking the database.
    TAB offers the ids the database holds, each with what it names."""

    name = "integer"

    def __init__(self, not_found: Callable[[int], Exception], kind: str = "") -> None:
        self.not_found = not_found
        self.kind = kind

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return record_id(value, self.not_found)
        try:
            number = int(str(value).strip())
        except ValueError:
            self.fail(f"{clean_text(repr(value))} is not a valid integer.", param, ctx)
        return record_id(number, self.not_found)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[Any]:
        return _completed(ctx, self.kind, incomplete) if self.kind else []


class StepType(click.ParamType):  # type: ignore[type-arg]
    """A step: its short id (`3`) or its key, any case; the service resolves it."""

    name = "step"

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).strip()
        if not text:
            self.fail("a step id or key is needed (`afterview today` shows ids).", param, ctx)
        return text

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[Any]:
        return _completed(ctx, self.kind, incomplete)


class ZoneType(click.ParamType):  # type: ignore[type-arg]
    """An IANA zone name; checked (with close matches) where it is used, completed here."""

    name = "zone"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        return str(value)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[Any]:
        from click.shell_completion import CompletionItem

        from afterview.cli.completion import zones

        return [CompletionItem(zone) for zone in zones(incomplete)]


def _outbox_entry(number: int) -> Exception:
    from afterview.services.outbox import UnknownOutbox

    return UnknownOutbox(number)


OPP_ID = IdType(UnknownOpportunity, "opp")
INTERVIEW_ID = IdType(UnknownInterview, "interview")
PERSON_ID = IdType(UnknownPerson, "person")
MESSAGE_ID = IdType(UnknownMessage, "message")
OUTBOX_ID = IdType(_outbox_entry)
STEP = StepType("open-step")
DECIDED_STEP = StepType("decided-step")
ZONE = ZoneType()
