"""`agenda`, `today` and `check` as Click commands, forwarding to their light path.

`afterview.__main__` normally routes these three before Click is imported; this
bridge keeps them listed in `afterview --help`, working when reached via Click, and
completing on TAB: their options are declared here for Click's shell completion
only, and the arguments are handed on unparsed, so the light path stays the one
parser (one help, one set of errors).
"""

from __future__ import annotations

from typing import Any

import click

from afterview.cli.common import INTERVIEW_ID, OPP_ID, ZONE, Env

FORWARD = {"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []}


class Forwarding(click.Command):
    """Parses only to complete (resilient parsing); otherwise forwards every argument."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.resilient_parsing:
            return super().parse_args(ctx, args)
        ctx.args = list(args)
        return []


def _options(table: dict[str, Any]) -> list[click.Parameter]:
    params: list[click.Parameter] = []
    for name, (kind, metavar, help_text) in table.items():
        if help_text is None:
            continue
        if kind is bool:
            params.append(click.Option([name], is_flag=True, help=help_text))
        else:
            typed = ZONE if name == "--tz" else click.STRING
            params.append(click.Option([name], type=typed, metavar=metavar, help=help_text))
    return params


def _forward(command: str, ctx: click.Context) -> int:
    from afterview.cli.read import run

    env: Env = ctx.obj
    return run(command, list(ctx.args), env.db, env.demo)


def _read_options(name: str) -> list[click.Parameter]:
    from afterview.cli.read import AGENDA_OPTIONS, TODAY_OPTIONS

    return _options(AGENDA_OPTIONS if name == "agenda" else TODAY_OPTIONS)


@click.command(cls=Forwarding, context_settings=FORWARD, add_help_option=False)
@click.pass_context
def agenda(ctx: click.Context, /, **_: Any) -> int:
    """What is due or overdue (default: now)."""
    return _forward("agenda", ctx)


@click.command(cls=Forwarding, context_settings=FORWARD, add_help_option=False)
@click.pass_context
def today(ctx: click.Context, /, **_: Any) -> int:
    """Overdue, due today, and the week ahead."""
    return _forward("today", ctx)


agenda.params = _read_options("agenda")
today.params = _read_options("today")


@click.command(cls=Forwarding, context_settings=FORWARD, add_help_option=False)
@click.argument("file", required=False, type=click.Path(allow_dash=True))
@click.option("--opp", type=OPP_ID, metavar="ID")
@click.option("--interview", type=INTERVIEW_ID, metavar="ID")
@click.option(
    "--kind", type=click.Choice(["thank-you", "follow-up", "withdrawal", "accept", "decline"])
)
@click.option("--language", type=click.Choice(["en-GB", "en-US"]))
@click.option("--json", is_flag=True)
@click.pass_context
def check(ctx: click.Context, /, **_: Any) -> int:
    """Check an email before sending it (P5)."""
    from afterview.cli.check_cmd import run

    env: Env = ctx.obj
    return run(list(ctx.args), env.db, env.demo)
