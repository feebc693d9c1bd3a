"""Decisions on planned actions: done, skipped (with a reason), snoozed, reopened.

Keys come from today / agenda / show_opportunity; the services refuse what the CLI
refuses (a follow-up inside P8's weekly guard, an action already closed).
"""

from __future__ import annotations

from afterview.mcp.registry import Answer, Call, Tool
from afterview.mcp.schema import choice, moment, obj, text
from afterview.playbook.facts import Channel

KEY = text(
    "The action's key, exactly as today / agenda give it, e.g. P5:thank-you:interview=2:person=3.",
    200,
)


def mark_done(call: Call) -> Answer:
    from afterview.services.decisions import done

    channel = call.get("channel")
    result = done(
        call.app,
        call.args["key"],
        at=call.time_or_now("at"),
        now=call.now,
        channel=Channel(channel) if channel else None,
        note=call.get("note"),
    )
    logged = f" (contact {result.logged_contact} logged)" if result.logged_contact else ""
    return Answer(
        {"key": result.key, "state": result.state, "contact_id": result.logged_contact},
        f"Done: {result.key}{logged}.",
    )


def skip_action(call: Call) -> Answer:
    from afterview.services.decisions import skip

    result = skip(call.app, call.args["key"], reason=call.args["reason"], now=call.now)
    return Answer({"key": result.key, "state": result.state}, f"Skipped: {result.key}.")


def snooze_action(call: Call) -> Answer:
    from afterview.services.decisions import snooze

    until = call.time("until")
    assert until is not None  # required by the schema
    result = snooze(call.app, call.args["key"], until=until, now=call.now)
    shown = until.isoformat(timespec="minutes")
    return Answer(
        {"key": result.key, "state": result.state, "until": shown},
        f"Snoozed until {shown}: {result.key}.",
    )


def reopen_action(call: Call) -> Answer:
    from afterview.services.decisions import reopen

    result = reopen(call.app, call.args["key"], now=call.now)
    return Answer({"key": result.key, "state": result.state}, f"Reopened: {result.key}.")


TOOLS = [
    Tool(
        "mark_done",
        "Mark an action done",
        "Mark a planned action done once the candidate has done it. A recruiter call, "
        "thank-you or follow-up also logs that contact, which paces the next follow-up (P8); "
        "a follow-up within a week of the last one is refused, saying when the next is allowed.",
        obj(
            {
                "key": KEY,
                "at": moment("When it was done (default now); never in the future."),
                "channel": choice(Channel, "How (for calls, emails and follow-ups)."),
                "note": text("A short note.", 500),
            },
            ("key",),
        ),
        mark_done,
        writes=True,
    ),
    Tool(
        "skip_action",
        "Skip an action",
        "Skip a planned action, with the candidate's reason (it feeds the lessons, P11).",
        obj({"key": KEY, "reason": text("Why it is skipped.", 500)}, ("key", "reason")),
        skip_action,
        writes=True,
    ),
    Tool(
        "snooze_action",
        "Snooze an action",
        "Hide a planned action until a later time; it comes back then.",
        obj({"key": KEY, "until": moment("When to be reminded again.")}, ("key", "until")),
        snooze_action,
        writes=True,
    ),
    Tool(
        "reopen_action",
        "Reopen an action",
        "Undo a done, skip or snooze (a contact already logged stays logged: it happened).",
        obj({"key": KEY}, ("key",)),
        reopen_action,
        writes=True,
    ),
]
