"""Sending from the editor through the outbox, and the two mail buttons of Mail & calendar.

The same use cases as `afterview send`, `outbox cancel|resolve|run` and `sync`: a
draft is queued for a time (a thank-you's P5 due time by default) and leaves, at
most once, when the outbox runs — from cron, a systemd timer, or "Send due messages
now" here. An uncertain message is settled by the person, never resent by us.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Protocol

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from afterview.errors import AfterviewError, BadInput
from afterview.parsing import parse_datetime
from afterview.playbook.timing import describe_local
from afterview.services import mail_settings, outbox
from afterview.services.app import App
from afterview.web.pages.common import back, form_text, now, service

router = APIRouter()


class BackgroundJobs(Protocol):
    """On the agency server (`request.state.jobs`): the buttons hand the work to the
    server's worker queue instead of running it in the web process; each returns
    what to tell the person."""

    def send_outbox(self) -> str: ...

    def sync_replies(self) -> str: ...


MAX_ID = 2**63 - 1
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


def send_panel(app: App, message_id: int, moment: datetime) -> dict[str, Any]:
    """What the editor's "Send it" section shows about sending through the mail server."""
    entry = outbox.entry_for_message(app, message_id, now=moment)
    configured = mail_settings.load(app, moment).smtp is not None
    suggested = outbox.suggested_time(app, message_id, now=moment)
    local = suggested.astimezone(_zone(app.timezone))
    return {
        "configured": configured,
        "entry": entry,
        "leaves": describe_local(entry.next_attempt_at, app.timezone) if entry else None,
        "suggested_value": local.strftime("%Y-%m-%dT%H:%M"),
        "suggested_text": describe_local(suggested, app.timezone),
        "suggested_is_now": suggested <= moment,
        # P5: said before Send is pressed, as the queue would refuse it
        "day_word": None
        if entry
        else outbox.day_word_problem(app, message_id, suggested, now=moment),
        # P5: the same for a thank-you sent now from the mail client (Export, Open in mail
        # client, Mark as sent): "this morning" written on Friday is false on Sunday
        "day_word_now": None
        if entry or (configured and suggested <= moment)  # then the panel says it
        else outbox.day_word_problem(app, message_id, moment, now=moment),
    }


@router.post("/drafts/{message_id}/send", summary="Queue the draft to be sent at a time")
async def send(request: Request, message_id: Id) -> Response:
    form = await request.form()
    app = service(request)
    moment = now()
    try:
        from afterview.services.drafts import get_draft
        from afterview.web.pages.drafts import NO_ADDRESS

        if not get_draft(app, message_id, now=moment).to_email:
            raise BadInput(NO_ADDRESS)
        at_text = form_text(form, "at")
        at = parse_datetime(at_text, app.timezone, moment) if at_text else None
        entry = await run_in_threadpool(lambda: outbox.queue(app, message_id, now=moment, at=at))
    except AfterviewError as exc:
        return _problem(request, f"/drafts/{message_id}", exc.message)
    when = describe_local(entry.next_attempt_at, app.timezone)
    said = f"Queued: it leaves {when} (your time) when the outbox next runs, exactly once."
    # P8: a follow-up queued before the stated date is allowed, and said to be early
    return back(request, f"/drafts/{message_id}", " ".join((said, *entry.warnings)))


@router.post("/outbox/{outbox_id}/cancel", summary="Keep a queued message as a draft")
async def cancel(request: Request, outbox_id: Id) -> Response:
    await request.form()
    app = service(request)
    try:
        entry = await run_in_threadpool(lambda: outbox.cancel(app, outbox_id, now=now()))
    except AfterviewError as exc:
        return _problem(request, "/drafts", exc.message)
    return back(request, f"/drafts/{entry.message_id}", "Not sending it: it stays a draft.")


@router.post("/outbox/{outbox_id}/resolve", summary="Say whether an uncertain message left")
async def resolve(request: Request, outbox_id: Id) -> Response:
    form = await request.form()
    app = service(request)
    was_sent = form_text(form, "sent") == "yes"
    try:
        entry = await run_in_threadpool(lambda: outbox.resolve(app, outbox_id, was_sent, now=now()))
    except AfterviewError as exc:
        return _problem(request, "/drafts", exc.message)
    notice = (
        "Recorded as sent: the contact is logged and P8's follow-up clock started."
        if was_sent
        else "Recorded as not sent: it is a draft again; send it when you are ready."
    )
    return back(request, f"/drafts/{entry.message_id}", notice)


@router.post("/outbox/run", summary="Send the messages that are due now")
async def run(request: Request) -> Response:
    await request.form()
    jobs: BackgroundJobs | None = getattr(request.state, "jobs", None)
    if jobs is not None:
        return back(request, "/settings/mail", await run_in_threadpool(jobs.send_outbox))
    app = service(request)
    try:
        report = await run_in_threadpool(lambda: outbox.run(app, now=now()))
    except AfterviewError as exc:
        return _problem(request, "/settings/mail", exc.message)
    if not report.lines:
        return back(request, "/settings/mail", "Nothing was due to be sent.")
    lines = [f"{line.label}: {line.result} ({line.detail})" for line in report.lines]
    if report.stopped:
        lines.append(report.stopped)
    return back(request, "/settings/mail", " · ".join(lines))


@router.post("/sync/run", summary="Read new replies from the inbox")
async def sync_now(request: Request) -> Response:
    from afterview.services.sync import sync

    await request.form()
    jobs: BackgroundJobs | None = getattr(request.state, "jobs", None)
    if jobs is not None:
        return back(request, "/settings/mail", await run_in_threadpool(jobs.sync_replies))
    app = service(request)
    try:
        report = await run_in_threadpool(lambda: sync(app, now=now()))
    except AfterviewError as exc:
        return _problem(request, "/settings/mail", exc.message)
    if not report.recorded:
        return back(
            request, "/settings/mail", f"{report.read} new mail read; no reply from an employer."
        )
    replies = "; ".join(
        f"{r.company}: {r.from_name or r.from_email} — {r.subject}" for r in report.recorded
    )
    return back(
        request,
        "/settings/mail",
        f"{len(report.recorded)} repl{'y' if len(report.recorded) == 1 else 'ies'} recorded "
        f"(follow-ups pause, P8): {replies}.",
    )


def _problem(request: Request, url: str, message: str) -> Response:
    return back(request, url, message, tone="error")


def _zone(name: str) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)
