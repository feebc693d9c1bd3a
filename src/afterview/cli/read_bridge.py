"""`agenda`, `today` and `check` as Click commands, forwarding to the fast argparse path.

`afterview.__main__` normally routes these two before Click is imported; this
bridge keeps them listed in `afterview --help` and working when reached via Click.
"""

from __future__ import annotations

import click

from afterview.cli.common import Env

FORWARD = {"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []}


@click.command(context_settings=FORWARD, add_help_option=False)
@click.pass_context
def agenda(ctx: click.Context) -> int:
    """What is due or overdue (default: now)."""
    from afterview.cli.read import run

    env: Env = ctx.obj
    return run("agenda", list(ctx.args), env.db, env.demo)


@click.command(context_settings=FORWARD, add_help_option=False)
@click.pass_context
def today(ctx: click.Context) -> int:
    """Overdue, due today, and the week ahead."""
    from afterview.cli.read import run

    env: Env = ctx.obj
    return run("today", list(ctx.args), env.db, env.demo)


@click.command(context_settings=FORWARD, add_help_option=False)
@click.pass_context
def check(ctx: click.Context) -> int:
    """Check an email before sending it (P5)."""
    from afterview.cli.check_cmd import run

    env: Env = ctx.obj
    return run(list(ctx.args), env.db, env.demo)
