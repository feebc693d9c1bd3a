"""Generates docs/cli.md and docs/configuration.md from the code, so they cannot drift.

`python -m afterview.reference` rewrites both files; a test fails when the committed
files differ from what this module produces.
"""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import click

DOCS = Path(__file__).resolve().parents[2] / "docs"

DESIGN_NOTE = """\
## How the command line is designed, and what it takes from others

- **git**: one program, sub-commands named by noun then verb (`opp add`, `draft edit`);
  a mistyped command, sub-command, option or value gets "Did you mean …?" on every
  level, and every error is one line, `afterview: …`, ending with where the help is
  ("See `afterview opp add -h`."); exit 2 for a usage error. Objects have
  short names you can type (git's abbreviated hashes; here short step ids).
- **gh**: `afterview completion bash|zsh|fish` prints the completion script; TAB
  completes commands, options, step ids, opportunity, interview, person and draft
  ids (each with what it names, in zsh and fish) and time zones; `--json` output is
  a contract for scripts, and fields are only ever added.
- **taskwarrior**: each step has a short integer id to act on (`afterview done 3`),
  but unlike Taskwarrior's, which renumber after a garbage collection, an id is
  given on first sight and kept while the step exists, never reused; `today` puts
  overdue steps in an explicit order of importance, not by age alone (P1 recruiter
  call, P12 offer, P3 contact details, P5 thank-you, P4 debrief, P8 follow-up, P7
  reflection, P6 timeline, P2 checklist, P10 brief, P11 lessons, P9 keep searching);
  steps already past when they were entered are "To catch up", apart from the overdue
  ones, as on the web's Today page; `agenda` marks them `~` (`"catch_up": true`).
- **todoman**: ids and dates are turned into records at the edge (an unknown id is
  refused before any question is asked); a stable `--json`; every step shows the
  command that acts on it, so the list is also the manual.
- Ours: `today` and `agenda` wrap to the terminal, continuation lines under their
  text, never breaking a word; `agenda`, `today` and `check` skip Click to start
  fast but print help and errors in the same style as every other command.\
"""


def cli_reference() -> str:
    import click

    from afterview.cli.app import COMMANDS, cli
    from afterview.cli.read import (
        AGENDA_HELP,
        AGENDA_OPTIONS,
        TODAY_HELP,
        TODAY_OPTIONS,
        _argparser,
    )

    os.environ["COLUMNS"] = "88"
    parts = [
        "# Command reference",
        "",
        "Generated from the code by `python -m afterview.reference`; do not edit by hand.",
        "",
        DESIGN_NOTE,
        "",
        "```text",
        _help(cli, "afterview", help_context()),
        "```",
    ]
    read_commands = {
        "agenda": (AGENDA_OPTIONS, AGENDA_HELP),
        "today": (TODAY_OPTIONS, TODAY_HELP),
    }
    group = help_context()
    for name in COMMANDS:
        parts += ["", f"## afterview {name}", "", "```text"]
        if name == "check":
            from afterview.cli.check_cmd import parser

            parts.append(parser().format_help().rstrip())
        elif name in read_commands:
            options, text = read_commands[name]
            parts.append(_argparser(options, f"afterview {name}", text).format_help().rstrip())
        else:
            command = cli.get_command(group, name)
            assert command is not None
            parts.append(_help(command, f"afterview {name}", group))
            if isinstance(command, click.Group):
                for sub in command.list_commands(group):
                    subcommand = command.get_command(group, sub)
                    assert subcommand is not None
                    parts += ["```", "", f"### afterview {name} {sub}", "", "```text"]
                    parts.append(_help(subcommand, f"afterview {name} {sub}", group))
        parts.append("```")
    return "\n".join(parts) + "\n"


def help_context() -> click.Context:
    """The group's context as the console script makes it (`-h` is `--help` everywhere)."""
    import click

    from afterview.cli.app import cli

    return click.Context(cli, info_name="afterview", help_option_names=["-h", "--help"])


def _help(command: object, name: str, parent: object | None = None) -> str:
    import click

    assert isinstance(command, click.Command)
    context = click.Context(
        command,
        info_name=name,
        parent=parent if isinstance(parent, click.Context) else None,
        max_content_width=88,
        terminal_width=88,
    )
    text = command.get_help(context)
    return text.replace("Usage: afterview afterview", "Usage: afterview").rstrip()


def config_reference() -> str:
    from afterview.playbook.settings import Settings, to_plain

    defaults = to_plain(Settings())
    lines = [
        "# Configuration reference",
        "",
        "Generated from the settings spec by `python -m afterview.reference`; do not edit.",
        "",
        "Settings live in `config.toml` in your config folder (`~/.config/afterview/` on",
        "Linux; `AFTERVIEW_HOME` moves everything). Change them with",
        "`afterview config set NAME=VALUE`; an environment variable `AFTERVIEW_<NAME>`",
        "(upper case) overrides the file. The plan is recomputed automatically.",
        "",
        "A value the playbook cannot use is refused when you set it (exit 2, nothing",
        "saved). One that reaches the file another way (edited by hand, an environment",
        "variable, an older version) never stops a command: it falls back to its default",
        "and each command says so in one warning line on stderr until it is fixed.",
        "",
        "| setting | default | allowed | rule | meaning |",
        "| --- | --- | --- | --- | --- |",
        "| `timezone` | your machine's zone | an IANA zone | timing | Zone for times typed "
        "without an offset (`AFTERVIEW_TZ` overrides). |",
    ]
    for f in fields(Settings):
        default = defaults[f.name]
        shown = ", ".join(map(str, default)) if isinstance(default, list) else str(default)
        lines.append(
            f"| `{f.name}` | `{shown or '(none)'}` | {_allowed(f.name)} | "
            f"{f.metadata['rule']} | {f.metadata['description']} |"
        )
    return "\n".join(lines) + "\n"


def _allowed(name: str) -> str:
    from afterview.playbook.settings import MAXIMUM, POSITIVE

    if name in MAXIMUM:
        return f"{1 if name in POSITIVE else 0}–{MAXIMUM[name]:g}"
    return {
        "holiday_country": "an ISO code the `holidays` package knows",
        "holiday_subdivision": "a region of that country",
        "working_days": "mon … sun, at least one",
        "thank_you_to": "each, hiring-manager",
        "working_day_start": "HH:MM, before the end",
        "working_day_end": "HH:MM, after the start",
    }.get(name, "")


def write() -> None:
    (DOCS / "cli.md").write_text(cli_reference(), encoding="utf-8")
    (DOCS / "configuration.md").write_text(config_reference(), encoding="utf-8")


if __name__ == "__main__":
    write()
