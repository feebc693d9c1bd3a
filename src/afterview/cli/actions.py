"""`done`, `skip`, `snooze`, `reopen`: the user's decisions on planned actions."""

from __future__ import annotations

import click

from afterview.cli.common import Env, choice, pass_env, say
from afterview.playbook.facts import Channel


@click.command()
@click.argument("key")
@click.option("--at", metavar="TIME", default="now", show_default=True, help="When you did it.")
@click.option("--channel", type=choice(Channel), help="How (for calls, emails and follow-ups).")
@click.option("--note")
@pass_env
def done(env: Env, key: str, at: str, channel: str | None, note: str | None) -> None:
    """Mark an action done. A call, thank-you or follow-up also logs that contact.

    \b
    Example:
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
    say(f"Done: {key}{logged}")


@click.command()
@click.argument("key")
@click.option("--reason", required=True, help="Why you skip it.")
@pass_env
def skip(env: Env, key: str, reason: str) -> None:
    """Skip an action, saying why."""
    from afterview.services.decisions import skip as decide

    decide(env.app, key, reason=reason, now=env.now())
    say(f"Skipped: {key}")


@click.command()
@click.argument("key")
@click.option("--until", required=True, metavar="TIME", help="When to be reminded again.")
@pass_env
def snooze(env: Env, key: str, until: str) -> None:
    """Hide an action until a time; it comes back then."""
    from afterview.services.decisions import snooze as decide

    moment = env.time(until)
    decide(env.app, key, until=moment, now=env.now())
    say(f"Snoozed until {moment.isoformat(timespec='minutes')}: {key}")


@click.command()
@click.argument("key")
@pass_env
def reopen(env: Env, key: str) -> None:
    """Undo a done, skip or snooze (a contact already logged stays logged)."""
    from afterview.services.decisions import reopen as decide

    decide(env.app, key, now=env.now())
    say(f"Reopened: {key}")
