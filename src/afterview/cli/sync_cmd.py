"""`afterview sync`: read new replies from the IMAP mailbox; follow-ups pause (P8)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from afterview.cli.common import Env, emit_json, json_option, pass_env, say

if TYPE_CHECKING:
    from datetime import tzinfo

    from afterview.services.sync import RecordedReply, SyncReport


@click.command()
@click.option(
    "--at", metavar="TIME", default="now", show_default=True, help="The moment to sync as."
)
@click.option("--dry-run", is_flag=True, help="Show what would be recorded; write nothing.")
@click.option("-v", "--verbose", is_flag=True, help="Also list each ignored mail and why.")
@json_option
@pass_env
def sync(env: Env, at: str, dry_run: bool, verbose: bool, as_json: bool) -> None:
    """Read new mail in your IMAP mailbox and record the replies from employers (P8).

    A reply pauses that opportunity's follow-ups. Only headers, and a short snippet
    of the mails that match, are read; nothing on the server changes (no mail is
    marked read). Run it by hand or from cron/systemd beside `afterview outbox run`.

    \b
    Set up once:
      afterview mail set --imap-host imap.example.org --imap-user you@example.org
      afterview mail password imap
    """
    from afterview.services.sync import sync as run_sync

    report = run_sync(env.app, now=env.time(at), dry_run=dry_run)
    if as_json:
        emit_json(report.to_json())
        return
    from afterview.parsing import parse_zone

    _show(report, verbose, parse_zone(env.app.timezone))


def _show(report: SyncReport, verbose: bool, tz: tzinfo) -> None:
    mails = "mail" if report.read == 1 else "mails"
    fresh = " (read from the start: the mailbox is new to Afterview or was renumbered)"
    say(f"{report.mailbox}: {report.read} new {mails} read{fresh if report.restarted else ''}.")
    if report.dry_run:
        say("Dry run: nothing was recorded.")
    if report.recorded:
        verb = "Would record" if report.dry_run else "Recorded"
        n = len(report.recorded)
        say(f"{verb} {n} {'reply' if n == 1 else 'replies'}:")
        for item in report.recorded:
            say(f"  {_line(item, tz)}")
        companies = ", ".join(sorted({r.company for r in report.recorded}))
        pause = "would pause" if report.dry_run else "are paused"
        say(
            f"Follow-ups with {companies} {pause} (P8); when they give a new timeline, record "
            "it with `afterview timeline OPP`."
        )
    elif report.read:
        say("No replies from employers among them.")
    if report.ignored:
        counts = ", ".join(
            f"{n} {reason.value}" for reason, n in report.ignored_by_reason().items()
        )
        say(f"Ignored {len(report.ignored)}: {counts}.")
        if verbose:
            for mail in report.ignored:
                detail = f" ({mail.detail})" if mail.detail else ""
                say(
                    f"  uid {mail.uid}: {mail.from_email or '?'} {_quoted(mail.subject)} — "
                    f"{mail.reason.value}{detail}"
                )


def _line(item: RecordedReply, tz: tzinfo) -> str:
    sender = item.from_email or "?"
    if item.from_name:
        sender = f"{item.from_name} <{sender}>"
    answers = " (answers your message)" if item.how == "thread" else ""
    local = item.at.astimezone(tz).strftime("%a %d %b %H:%M")
    return (
        f"{item.company} [{item.opportunity_id}]: {sender}, {_quoted(item.subject)}, "
        f"{local}{answers}"
    )


def _quoted(subject: str) -> str:
    return f'"{subject}"' if subject else "(no subject)"
