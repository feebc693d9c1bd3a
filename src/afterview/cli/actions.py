"""`done`, `skip`, `snooze`, `reopen`: the user's decisions on planned actions.

A step is named by its short id (the first column of `afterview today` and
`agenda`) or by its key, in any case; the shell completes both.
"""

from __future__ import annotations

import click

from afterview.cli.common import DECIDED_STEP, STEP, Env, choice, pass_env, say
from afterview.playbook.facts import Channel


@click.command()
@click.argument("key", metavar="STEP", type=STEP)
@click.option("--at", metavar="TIME", default="now", show_default=True, help="When you did it.")
@click.option("--channel", type=choice(Channel), help="How (for calls, emails and follow-ups).")
@click.option("--note")
@pass_env
def done(env: Env, key: str, at: str, channel: str | None, note: str | None) -> None:
    """Mark a step done. A call, thank-you or follow-up also logs that contact.

    STEP is the short id that `afterview today` shows (or the step's key).

    \b
    Examples:
      afterview done 3
      afterview done P5:thank-you:interview=2:person=3 --at 2026-03-10T16:40
    """
    from afterview.services.decisions import done as decide

    result = decide(
        env.app,
        key,
        at=env.time(at),
        now=env.now(),
        channel=Channel(channel) if channel else None,
        note=note,
    )
    logged = f" (contact {result.logged_contact} logged)" if result.logged_contact else ""
    say(f"Done: {result.key}{logged}")


@click.command()
@click.argument("key", metavar="STEP", type=STEP)
@click.option("--reason", required=True, help="Why you skip it.")
@pass_env
def skip(env: Env, key: str, reason: str) -> None:
    """Skip a step, saying why (your lessons count it, P11).

    STEP is the short id that `afterview today` shows (or the step's key).

    \b
    Example:
      afterview skip 4 --reason "they asked not to be contacted"
    """
    from afterview.services.decisions import skip as decide

    result = decide(env.app, key, reason=reason, now=env.now())
    say(f"Skipped: {result.key}")


@click.command()
@click.argument("key", metavar="STEP", type=STEP)
@click.option("--until", required=True, metavar="TIME", help="When to be reminded again.")
@pass_env
def snooze(env: Env, key: str, until: str) -> None:
    """Hide a step until a time; it comes back then.

    STEP is the short id that `afterview today` shows (or the step's key).

    \b
    Example:
      afterview snooze 3 --until "2026-03-16T09:00"
    """
    from afterview.services.decisions import snooze as decide

    moment = env.time(until)
    result = decide(env.app, key, until=moment, now=env.now())
    say(f"Snoozed until {moment.isoformat(timespec='minutes')}: {result.key}")


@click.command()
@click.argument("key", metavar="STEP", type=DECIDED_STEP)
@pass_env
def reopen(env: Env, key: str) -> None:
    """Undo a done, skip or snooze (a contact already logged stays logged).

    STEP is the short id that `afterview today` shows (or the step's key).
    """
    from afterview.services.decisions import reopen as decide

    result = decide(env.app, key, now=env.now())
    say(f"Reopened: {result.key}")
