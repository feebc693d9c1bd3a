"""`afterview draft …`: emails and call scripts written from your own notes, then checked.

Every new or edited draft is checked at once (spelling, names, tone, P5's shape)
so the candidate sees what to fix before exporting it to their mail client.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from afterview.cli.common import (
    INTERVIEW_ID,
    MESSAGE_ID,
    OPP_ID,
    PERSON_ID,
    Env,
    emit_json,
    json_option,
    pass_env,
    say,
    warn,
)


@click.group()
def draft() -> None:
    """Drafts: thank-you (P5), follow-up (P8), withdrawal (P7), recruiter call (P1), offers (P12).

    \b
    The usual path after an interview:
      afterview draft thank-you 3          one draft per interviewer
      afterview draft edit 7               opens $EDITOR
      afterview draft export 7 --eml thank-you.eml
      afterview draft sent 7               once sent: logs the contact
    """


@draft.command("thank-you")
@click.argument("interview_id", type=INTERVIEW_ID)
@click.option("--to", "to", type=PERSON_ID, metavar="PERSON", help="Only to this person (id).")
@click.option("--nugget", type=int, metavar="N", help="Use the debrief's Nth nugget (1 = first).")
@click.option("--at", metavar="TIME", help="Write it as of TIME (default: now).")
@click.option(
    "--again", is_flag=True, help="Another thank-you to someone already thanked for it (P5)."
)
@json_option
@pass_env
def thank_you(
    env: Env,
    interview_id: int,
    to: int | None,
    nugget: int | None,
    at: str | None,
    again: bool,
    as_json: bool,
) -> None:
    """Thank-you emails for an interview: thanks, one specific point, the sell (P5).

    Without --to, one draft per interviewer, each with a different nugget and
    wording. Someone already thanked for the interview (or with a draft) is
    skipped, or refused with --to, unless --again.
    """
    from afterview.services.drafts import draft_thank_you

    views = draft_thank_you(
        env.app, interview_id, now=env.recorded(at), to=to, nugget=nugget, again=again
    )
    _show_new(env, views, as_json)


def _opportunity_draft(kind: str, help_text: str, with_to: bool = True) -> click.Command:
    @click.argument("opp_id", type=OPP_ID)
    @click.option("--at", metavar="TIME", help="Write it as of TIME (default: now).")
    @json_option
    @pass_env
    def command(
        env: Env, opp_id: int, at: str | None, as_json: bool, to: int | None = None
    ) -> None:
        from afterview.services.drafts import draft_for_opportunity

        view = draft_for_opportunity(env.app, opp_id, kind, now=env.recorded(at), to=to)
        _show_new(env, [view], as_json)

    command.__doc__ = help_text
    if with_to:
        command = click.option(
            "--to", "to", type=PERSON_ID, metavar="PERSON", help="Address this person (id)."
        )(command)
    return draft.command(kind)(command)


_opportunity_draft(
    "follow-up",
    "A polite follow-up (P8). Refused while the weekly guard forbids one; says when.",
)
_opportunity_draft("withdrawal", "A short, courteous withdrawal from the process (P7).")
_opportunity_draft(
    "recruiter-call",
    "The call script for the recruiter, in P1's four parts.",
    with_to=False,
)
_opportunity_draft("accept", "Accept an offer (P12).")
_opportunity_draft("decline", "Decline an offer, keeping the door open (P12).")


@draft.command("list")
@click.option("--opp", "opp_id", type=OPP_ID, metavar="ID", help="Only this opportunity's.")
@json_option
@pass_env
def list_(env: Env, opp_id: int | None, as_json: bool) -> None:
    """Drafts and sent messages, oldest first."""
    from afterview.services.drafts import list_drafts

    views = list_drafts(env.app, now=env.now(), opp_id=opp_id)
    if as_json:
        emit_json([v.to_plain() for v in views])
        return
    if not views:
        say("No drafts yet. After an interview: afterview draft thank-you INTERVIEW")
        return
    from afterview.services.outbox import entries_by_message

    waiting = entries_by_message(env.app, now=env.now())
    words = {
        "queued": "queued",
        "sending": "sending",
        "uncertain": "maybe sent",
        "failed": "not sent",
    }
    for v in views:
        entry = waiting.get(v.id)
        state = f"sent {v.sent_at:%d %b}" if v.sent_at else "draft"
        if v.sent_at is None and entry is not None and entry.state in words:
            state = words[entry.state]
        to = f" to {v.to_name}" if v.to_name else ""
        say(f"{v.id:>4}  {state:<11} {v.kind:<15} {v.company} — {v.role}{to}: {v.subject}")


@draft.command("show")
@click.argument("message_id", type=MESSAGE_ID)
@json_option
@pass_env
def show(env: Env, message_id: int, as_json: bool) -> None:
    """Show a draft as it would be sent."""
    from afterview.services.drafts import get_draft

    view = get_draft(env.app, message_id, now=env.now())
    if as_json:
        emit_json(view.to_plain())
        return
    say(view.editable_text())


@draft.command("edit")
@click.argument("message_id", type=MESSAGE_ID)
@click.option("--subject", help="Set the subject without opening an editor.")
@click.option(
    "--body-file",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Take the body from this file ('-' = stdin) without opening an editor.",
)
@click.option("--to", "to", help='Set the recipient: "Name <address>".')
@pass_env
def edit(
    env: Env, message_id: int, subject: str | None, body_file: str | None, to: str | None
) -> None:
    """Edit a draft in $EDITOR (or with the options), then check it again."""
    from afterview.services.drafts import edit_draft, parse_editable

    body = None
    if body_file is not None:
        body = _read_body(body_file)
    elif subject is None and to is None:
        # no change yet: refuses a sent message, or one the outbox is sending or may
        # have sent, before the editor opens rather than after the work is done
        current = edit_draft(env.app, message_id, now=env.now())
        edited = click.edit(current.editable_text(), extension=".txt", require_save=True)
        if edited is None:
            say("No changes.")
            return
        subject, to, body = parse_editable(edited)
    view = edit_draft(env.app, message_id, now=env.now(), subject=subject, body=body, to=to)
    say(f"Saved draft {view.id}.")
    _report(env, view.id)


@draft.command("check")
@click.argument("message_id", type=MESSAGE_ID)
@json_option
@pass_env
def check(env: Env, message_id: int, as_json: bool) -> None:
    """Check a draft with everything the opportunity knows. Exit 1 when errors are found."""
    from afterview.services.drafts import check_draft

    view, report = check_draft(env.app, message_id, now=env.now())
    if as_json:
        emit_json({"id": view.id, **report.to_plain()})
    else:
        from afterview.cli.findings_view import render

        say(render(report, f"draft {view.id}"))
    if report.errors:
        sys.exit(1)


@draft.command("export")
@click.argument("message_id", type=MESSAGE_ID)
@click.option(
    "--eml",
    type=click.Path(dir_okay=False, writable=True),
    help="Write an RFC 5322 .eml file ('-' = stdout).",
)
@click.option("--mailto", is_flag=True, help="Print a mailto: link that opens your mail client.")
@pass_env
def export(env: Env, message_id: int, eml: str | None, mailto: bool) -> None:
    """Export a draft to your mail client: a .eml file or a mailto: link."""
    from afterview.errors import BadInput
    from afterview.services.drafts import export_eml, mailto_link

    if (eml is None) == (not mailto):
        raise BadInput("Choose one of --eml FILE or --mailto.")
    if mailto:
        say(mailto_link(env.app, message_id, now=env.now()))
        return
    assert eml is not None
    data = export_eml(env.app, message_id, now=env.now())
    if eml == "-":
        sys.stdout.buffer.write(data)
        return
    from afterview.services.backup import write_atomically

    write_atomically(eml, data)
    say(f"Wrote {eml}. Send it from your mail client, then: afterview draft sent {message_id}")


@draft.command("sent")
@click.argument("message_id", type=MESSAGE_ID)
@click.option("--at", metavar="TIME", default="now", show_default=True, help="When you sent it.")
@click.option(
    "--again", is_flag=True, help="Another thank-you to someone already thanked for it (P5)."
)
@pass_env
def sent(env: Env, message_id: int, at: str, again: bool) -> None:
    """Mark a draft sent (or a call made): logs the contact, so the plan moves on (P5, P8)."""
    from afterview.services.drafts import mark_sent

    view, flag = mark_sent(env.app, message_id, at=env.recorded(at), now=env.now(), again=again)
    what = "call" if view.is_call else view.kind
    say(f"Marked sent: the {what} to {view.to_name or 'them'} (contact logged).")
    if flag:
        warn(f"logged, but {flag}")
    for warning in view.warnings:  # e.g. the day word no longer true (P5)
        warn(warning)


@draft.command("delete")
@click.argument("message_id", type=MESSAGE_ID)
@pass_env
def delete(env: Env, message_id: int) -> None:
    """Delete a draft that was not sent."""
    from afterview.services.drafts import delete_draft

    delete_draft(env.app, message_id, now=env.now())
    say(f"Deleted draft {message_id}.")


def _show_new(env: Env, views: Sequence[object], as_json: bool) -> None:
    from afterview.services.drafts import DraftView, check_draft

    drafts = [v for v in views if isinstance(v, DraftView)]
    if as_json:
        out = []
        for view in drafts:
            _, report = check_draft(env.app, view.id, now=env.now())
            out.append({**view.to_plain(), "check": report.to_plain()})
        emit_json(out)
        return
    for view in drafts:
        to = f" to {view.to_name}" if view.to_name else ""
        say(f"── Draft {view.id}: {view.kind}{to} ({view.company}) ──")
        say(view.editable_text())
        say("")
        for note in view.notes:
            say(f"Note: {note}")
        _report(env, view.id)
        say("")
    if drafts:
        first = drafts[0].id
        if drafts[0].is_call:
            say(f"Next: make the call, then `afterview draft sent {first}`.")
        else:
            say(
                f"Next: `afterview draft edit {first}` to make it yours, then "
                f"`afterview draft export {first} --eml FILE` (or --mailto)."
            )


def _report(env: Env, message_id: int) -> None:
    from afterview.cli.findings_view import render
    from afterview.services.drafts import check_draft

    _, report = check_draft(env.app, message_id, now=env.now())
    say(render(report, f"draft {message_id}"))


def _read_body(name: str) -> str:
    from afterview.cli.check_cmd import read_text

    return read_text(name)
