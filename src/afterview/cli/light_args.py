"""argparse for the light commands (`agenda`, `today`, `check`), in Click's style.

Those commands skip Click for start-up time, but a person should not see two
programs: the help reads "Usage: … Options: … -h, --help Show this message and
exit.", and a mistake is one line worded as Click words it, with "Did you mean"
and where the help is. Imported only for help and errors, never on the fast path.
"""

from __future__ import annotations

import argparse
import os
import re

from afterview.errors import BadInput

# `afterview check` starts without importing typing (~3 ms); mypy reads this block.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn


class Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        # argparse imports shutil (and with it bz2 and lzma) for the terminal's width on
        # every parser it builds: a few ms of each `check`; os has the same answer.
        try:
            columns = int(os.environ.get("COLUMNS", "")) or os.get_terminal_size().columns
        except (ValueError, OSError):
            columns = 80
        super().__init__(prog, width=max(columns, 40) - 2)

    def add_usage(
        self, usage: str | None, actions: object, groups: object, prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, prefix="Usage: ")  # type: ignore[arg-type]


class LightParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors look like the Click commands'."""

    def __init__(self, prog: str, description: str, arguments: str = "") -> None:
        super().__init__(
            prog=prog,
            usage=f"{prog} [OPTIONS]{arguments}",
            description=description,
            formatter_class=Formatter,
            add_help=False,
        )
        self._optionals.title = "Options"
        self._positionals.title = "Arguments"

    def with_help(self) -> LightParser:
        """`-h, --help` last, as Click lists it."""
        self.add_argument("-h", "--help", action="help", help="Show this message and exit.")
        return self

    def error(self, message: str) -> NoReturn:
        raise BadInput(f"{click_wording(message, self._option_names())} See `{self.prog} -h`.")

    def _option_names(self) -> list[str]:
        return [name for action in self._actions for name in action.option_strings]


def click_wording(message: str, options: list[str]) -> str:
    """argparse's message, said as Click says it (and with the close option named)."""
    import difflib  # only on a mistake: not part of every `check` process's start

    unknown = re.match(r"unrecognized arguments: (\S+)(.*)", message)
    if unknown:
        word = unknown.group(1)
        if not word.startswith("-"):
            return f"Got unexpected extra argument ({unknown.group(1)}{unknown.group(2)})."
        close = difflib.get_close_matches(word.split("=")[0], options, n=1)
        hint = f" Did you mean {close[0]}?" if close else ""
        return f"No such option: {word.split('=')[0]}.{hint}"
    bad = re.match(r"argument (\S+?)(?:/\S+)?: invalid (\w+) value: (.*)", message)
    if bad:
        kind = {"float": "a valid float", "int": "a valid integer"}.get(bad.group(2), "valid")
        return f"Invalid value for '{bad.group(1)}': {bad.group(3)} is not {kind}."
    choice = re.match(r"argument (\S+?): invalid choice: '(.*)' \(choose from (.*)\)", message)
    if choice:
        names = [name.strip(" '") for name in choice.group(3).split(",")]
        close = difflib.get_close_matches(choice.group(2), names, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        listed = ", ".join(repr(name) for name in names)
        return f"Invalid value for '{choice.group(1)}': {choice.group(2)!r} is not one of {listed}.{hint}"  # noqa: E501
    missing = re.match(r"argument (\S+?)(?:/\S+)?: expected one argument", message)
    if missing:
        return f"Option '{missing.group(1)}' requires an argument."
    single = re.match(r"argument (\S+?): ignored explicit argument '(.*)'", message)
    if single:
        return f"Option '{single.group(1)}' does not take a value."
    return message[:1].upper() + message[1:].rstrip(".") + "."
