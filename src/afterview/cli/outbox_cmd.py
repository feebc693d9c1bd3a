"""`afterview send` and `afterview outbox …`: drafts sent by SMTP, at a time, at most once.

`send` only queues; `outbox run` sends what is due and is meant for cron or a
systemd timer (docs/sending.md). Its exit status says whether anything needs you.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from afterview.cli.common import (
    MESSAGE_ID,
    OUTBOX_ID,
    Env,
    emit_json,
    json_option,
    pass_env,
    say,
    warn,
)

if TYPE_CHECKING:
    from afterview.services.outbox import RunLine


@click.command()
@click.argument("draft_id", type=MESSAGE_ID)
@click.option(
    "--at",
    metavar="TIME",
    help="When it should leave (default: a thank-you's P5 due time if still ahead, else now).",
)
@click.option(
    "--again", is_flag=True, help="Another thank-you to someone already thanked for it (P5)."
)
@json_option
@pass_env
def send(env: Env, draft_id: int, at: str | None, again: bool, as_json: bool) -> None:
    """Queue a draft to be sent by SMTP; `afterview outbox run` sends it when due.

    Refused for a follow-up that would break P8's one-a-week pacing (it says when
    the next one is allowed), a second thank-you to someone already thanked for the
    interview (P5; --again to mean it), a draft without an address, or without mail settings
    (`afterview mail set`). The draft can still be edited while it is queued.
    """
    from afterview.playbook.timing import describe_local
    from afterview.services.outbox import queue

    now = env.now()
    entry = queue(env.app, draft_id, now=now, at=env.time(at) if at else None, again=again)
    if as_json:
        emit_json(entry.to_plain())
        return
    when = "now" if entry.due_at <= now else describe_local(entry.due_at, env.app.timezone)
    to = f" to {entry.to_name or entry.to_email}"
    say(f"Queued draft {draft_id} ({entry.kind}{to}) as outbox {entry.id}: leaves {when}.")
    for warning in entry.warnings:
        warn(warning)
    say(
        "It leaves at the first `afterview outbox run` from then on: run that every few "
        "minutes from cron or a systemd timer (see docs/sending.md)."
    )


@click.group(invoke_without_command=True)
@click.pass_context
def outbox(ctx: click.Context) -> None:
    """The outbox: what `afterview send` queued, and what became of it.

    \b
      afterview outbox                  the list (same as `outbox list`)
      afterview outbox run              send what is due (for cron / a systemd timer)
      afterview outbox cancel ID        keep a queued message as a draft
      afterview outbox resolve ID --sent | --not-sent
                                        after an "uncertain" ending: say what happened
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_)


@outbox.command("list")
@click.option("--state", "states", multiple=True, help="Only this state (repeatable).")
@json_option
@pass_env
def list_(env: Env, states: tuple[str, ...] = (), as_json: bool = False) -> None:
    """Every queued, sent, failed, uncertain or cancelled message, by time."""
    from afterview.errors import BadInput
    from afterview.playbook.timing import describe_local
    from afterview.services.outbox import STATES, list_entries

    wrong = [s for s in states if s not in STATES]
    if wrong:
        raise BadInput(f"--state {wrong[0]}: choose from {', '.join(STATES)}.")
    entries = list_entries(env.app, now=env.now(), states=states or None)
    if as_json:
        emit_json([e.to_plain() for e in entries])
        return
    if not entries:
        say("The outbox is empty. Queue a draft with: afterview send DRAFT")
        return
    tz = env.app.timezone
    for e in entries:
        if e.state == "queued":
            when = f"leaves {describe_local(e.next_attempt_at, tz)}"
        elif e.finished_at is not None:
            when = describe_local(e.finished_at, tz)
        else:
            when = f"since {describe_local(e.started_at or e.queued_at, tz)}"
        to = e.to_name or e.to_email or "?"
        what = f"draft {e.message_id:<4} {e.kind} to {to} ({e.company})"
        say(f"{e.id:>4}  {e.state:<10} {what}, {when}")
        if e.state in ("failed", "uncertain", "cancelled") and e.last_error:
            say(f"      {e.last_error}")
        elif e.state == "queued" and e.last_error:
            say(f"      attempt {e.attempts} failed: {e.last_error}")
    if any(e.state == "uncertain" for e in entries):
        say(
            "Uncertain: check your Sent folder (or ask), then "
            "afterview outbox resolve ID --sent or --not-sent."
        )


@outbox.command("run")
@click.option("--at", metavar="TIME", help="Run as of TIME, not later than now (default: now).")
@click.option(
    "--timeout",
    type=click.FloatRange(min=1, max=600),
    metavar="SECONDS",
    help="For each SMTP step, 1 to 600 (default: 30).",
)
@json_option
@pass_env
def run(env: Env, at: str | None, timeout: float | None, as_json: bool) -> None:
    """Send every due message, once. For cron or a systemd timer: one line per message.

    \b
    Exit status: 0 all well (or nothing due); 1 something failed or is uncertain
    (it needs you); 75 something will be retried later; 2 cannot run (settings).
    """
    from afterview.services.outbox import run as run_outbox

    now = env.recorded(at) if at else env.now()
    report = run_outbox(env.app, now=now, timeout=timeout)
    if as_json:
        emit_json(
            {
                "lines": [line.to_plain() for line in report.lines],
                "stopped": report.stopped,
                "exit": report.exit_code,
            }
        )
    else:
        _print_run(env, report.lines)
    if report.stopped:
        warn(report.stopped)
    if report.exit_code:
        sys.exit(report.exit_code)


@outbox.command("cancel")
@click.argument("outbox_id", type=OUTBOX_ID)
@pass_env
def cancel(env: Env, outbox_id: int) -> None:
    """Keep a queued message as a draft (it can be edited and sent again)."""
    from afterview.services.outbox import cancel as cancel_entry

    entry = cancel_entry(env.app, outbox_id, now=env.now())
    say(f"Cancelled outbox {entry.id}: draft {entry.message_id} stays a draft.")


@outbox.command("resolve")
@click.argument("outbox_id", type=OUTBOX_ID)
@click.option(
    "--sent/--not-sent",
    "sent",
    default=None,
    help="It did go (logged as sent) / it did not (back to a draft).",
)
@pass_env
def resolve(env: Env, outbox_id: int, sent: bool | None) -> None:
    """Say what became of an uncertain message, after checking your Sent folder."""
    from afterview.errors import BadInput
    from afterview.services.outbox import resolve as resolve_entry

    if sent is None:
        raise BadInput("Say which: --sent (it went) or --not-sent (it did not).")
    entry = resolve_entry(env.app, outbox_id, sent, now=env.now())
    if sent:
        say(f"Outbox {entry.id}: recorded as sent (contact logged; P8 paces from it).")
    else:
        say(
            f"Outbox {entry.id}: not sent; draft {entry.message_id} is a draft again. "
            f"Send it with: afterview send {entry.message_id}"
        )


def _print_run(env: Env, lines: Sequence[RunLine]) -> None:
    from afterview.playbook.timing import describe_local

    for line in lines:
        head = f"{line.result:<9} outbox {line.outbox_id} (draft {line.message_id}, {line.label})"
        if line.result == "retry" and line.next_attempt_at is not None:
            when = describe_local(line.next_attempt_at, env.app.timezone)
            say(f"{head}: {line.detail}; next try {when}")
        else:
            say(f"{head}: {line.detail}")
