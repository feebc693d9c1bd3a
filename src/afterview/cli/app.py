"""The Click command tree. Sub-commands load lazily: a command imports only its module.

Errors are translated once, here: an AfterviewError becomes one line on stderr and
its exit code; any other exception is a bug, shown in full only with --debug.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from afterview.cli.common import Env
from afterview.errors import AfterviewError
from afterview.text_safety import clean_text

# command name → (module, attribute, one-line help shown in `afterview --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "agenda": ("afterview.cli.read_bridge", "agenda", "What is due or overdue (default: now)."),
    "today": ("afterview.cli.read_bridge", "today", "Overdue, due today, and the week ahead."),
    "opp": ("afterview.cli.opp", "opp", "Opportunities: add, list, show, competitors."),
    "interview": ("afterview.cli.interview", "interview", "Interviews: add, move, cancel."),
    "person": ("afterview.cli.person", "person", "People met: add, edit."),
    "timeline": ("afterview.cli.record", "timeline", "Record the hiring timeline (P6)."),
    "contact": ("afterview.cli.record", "contact", "Log a contact you made (P8 reads it)."),
    "reply": ("afterview.cli.record", "reply", "Record a reply or news (pauses follow-ups)."),
    "debrief": ("afterview.cli.record", "debrief", "Write an interview's debrief (P4)."),
    "reflect": (
        "afterview.cli.record",
        "reflect",
        "The fit reflection: continue or withdraw (P7).",
    ),
    "outcome": ("afterview.cli.record", "outcome", "Record an outcome (P12)."),
    "done": ("afterview.cli.actions", "done", "Mark an action done (logs its contact)."),
    "skip": ("afterview.cli.actions", "skip", "Skip an action, with a reason."),
    "snooze": ("afterview.cli.actions", "snooze", "Snooze an action until a time."),
    "reopen": ("afterview.cli.actions", "reopen", "Undo a done, skip or snooze."),
    "profile": ("afterview.cli.profile_cmd", "profile", "Your name, email, skills, English."),
    "draft": (
        "afterview.cli.draft",
        "draft",
        "Draft, edit, check and export emails (P1, P5, P7, P8, P12).",
    ),
    "check": ("afterview.cli.read_bridge", "check", "Check an email before sending it (P5)."),
    "words": ("afterview.cli.profile_cmd", "words", "Your word list for the spelling check."),
    "brief": ("afterview.cli.reports", "brief", "The next-round brief (P10)."),
    "lessons": ("afterview.cli.reports", "lessons", "Lessons across all interviews (P11)."),
    "export": ("afterview.cli.backup", "export", "Export: json (backup) or ics (calendar)."),
    "import": (
        "afterview.cli.backup",
        "import_",
        "Import: json (backup), invite (calendar invitation), vcard (business cards).",
    ),
    "mail": ("afterview.cli.mail_cmd", "mail", "Mail servers for sending and replies."),
    "send": ("afterview.cli.outbox_cmd", "send", "Queue a draft to be sent by SMTP (P5, P8)."),
    "outbox": ("afterview.cli.outbox_cmd", "outbox", "Queued mail: list, run (cron), cancel."),
    "sync": ("afterview.cli.sync_cmd", "sync", "Read replies from your inbox (pauses P8)."),
    "serve": ("afterview.cli.serve", "serve", "The web app on this machine (loopback)."),
    "feed": ("afterview.cli.serve", "feed", "The live calendar feed's secret address."),
    "mcp": ("afterview.cli.mcp_cmd", "mcp", "Serve the plan to an AI assistant (MCP)."),
    "server": (
        "afterview.cli.server_cmd",
        "server",
        "The multi-user server for agencies (PostgreSQL).",
    ),
    "demo": ("afterview.cli.demo", "demo", "Fill a demo database and show its day."),
    "config": ("afterview.cli.config_cmd", "config", "Show or change settings."),
    "completion": (
        "afterview.cli.completion_cmd",
        "completion",
        "Print the shell completion script (bash, zsh, fish).",
    ),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        spec = COMMANDS.get(cmd_name)
        if spec is None:
            return None
        command = getattr(importlib.import_module(spec[0]), spec[1])
        assert isinstance(command, click.Command)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """As Click's, but a typo is compared with every command name (`todya` → today)."""
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:
            raise click.exceptions.NoSuchCommand(
                exc.command_name, possibilities=list(COMMANDS), ctx=ctx
            ) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List commands from the table, without importing every module for `--help`."""
        rows = [(name, spec[2]) for name, spec in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option("--db", metavar="URL", help="Database URL or SQLite file (or set AFTERVIEW_DB).")
@click.option("--demo", is_flag=True, help="Use the demo database (see `afterview demo`).")
@click.option("--debug", is_flag=True, help="Show tracebacks of unexpected errors.")
@click.version_option(package_name="afterview", prog_name="afterview")
@click.pass_context
def cli(ctx: click.Context, db: str | None, demo: bool, debug: bool) -> None:
    """Afterview: what to do after a job interview, and when.

    Record the facts (opportunity, interview, people, timeline, contacts); Afterview
    plans every step of the playbook (P1–P12) with its due time and reason.

    \b
    Start:  afterview demo            a sample, to see it work
            afterview opp add --company Acme --role "Data Engineer" --route direct
            afterview today
    """
    ctx.obj = Env(db=db, demo=demo, debug=debug)
    ctx.call_on_close(ctx.obj.close)


def run_click(argv: list[str]) -> int:
    debug = "--debug" in argv or bool(os.environ.get("AFTERVIEW_DEBUG"))
    try:
        result: Any = cli.main(args=argv, prog_name="afterview", standalone_mode=False)
    except AfterviewError as exc:
        click.echo(f"afterview: {clean_text(exc.message)}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except click.UsageError as exc:  # a typo in the command line: one line too, and the way on
        if type(exc).__name__ == "NoArgsIsHelpError":  # `afterview opp`: the help is the answer
            exc.show()
            return exc.exit_code
        click.echo(f"afterview: {usage_message(exc)}", err=True)
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return 130
    except Exception as exc:
        if debug:
            raise
        from afterview.cli.read import unexpected

        click.echo(unexpected(exc), err=True)
        return 70
    return result if isinstance(result, int) else 0


def usage_message(exc: click.UsageError) -> str:
    """One sentence or two on one line, then where the help is (the light path's style too)."""
    import re

    text = " ".join(clean_text(exc.format_message()).split())
    text = re.sub(
        r"\.? ?\(Did you mean one of: (.*)\?\)",
        lambda m: ". Did you mean " + " or ".join(m.group(1).split(", ")) + "?",
        text,
    )
    text = text.replace("Choose from: ", "Choose from ").replace("? Did you mean", "? Did you mean")
    text = re.sub(r"(?<![.?!]) Did you mean", ". Did you mean", text)
    if not text.endswith((".", "?", "!")):
        text += "."
    where = f" See `{exc.ctx.command_path} -h`." if exc.ctx is not None else ""
    return text + where


def main() -> None:
    sys.exit(run_click(sys.argv[1:]))
