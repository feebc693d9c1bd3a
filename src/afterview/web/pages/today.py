"""Today: overdue, due today, coming up — each step with its why and one-click decisions."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from afterview.agenda_query import AgendaQuery
from afterview.day import SECTIONS, section_of, when_label
from afterview.errors import AfterviewError, BadInput
from afterview.parsing import parse_datetime
from afterview.services import decisions, outbox
from afterview.services.agenda import agenda
from afterview.web.pages.common import back, form_text, now, service
from afterview.web.read_cache import ReadCache
from afterview.web.templating import TOKEN_PLACEHOLDER, Page, page_html, respond

router = APIRouter()
SHOWN = 25  # per section; the rest is one click away: a long page hides what matters

# The draft each kind of step asks for (P1, P5, P7, P8, P12): kind, and which id it needs.
DRAFTS = {
    "P5:thank-you:": "thank-you",
    "P1:recruiter-call:": "recruiter-call",
    "P8:follow-up:": "follow-up",
    "P7:withdrawal:": "withdrawal",
    "P12:withdraw-after-acceptance:": "withdrawal",
    "P12:offer-reply:": "accept",
}


@router.get("/", response_class=HTMLResponse, summary="Today")
async def today(request: Request, notice: str | None = None, everything: bool = False) -> Response:
    moment = now()
    if notice is not None:  # just after an action: fresh, and not worth caching
        html = await run_in_threadpool(_page, request, moment, everything, notice)
        return respond(request, Page(html))
    cache: ReadCache = request.app.state.read_cache
    page = await cache.aget(
        ("today", everything), moment, lambda: Page(_page(request, moment, everything))
    )
    return respond(request, page)


def _page(request: Request, moment: datetime, everything: bool, notice: str | None = None) -> str:
    app = service(request)
    minute = moment.replace(second=0, microsecond=0)
    local_now = minute.astimezone(ZoneInfo(app.timezone))
    items = agenda(app, AgendaQuery(minute, days=7, with_guidance=True))
    sections: list[dict[str, Any]] = []
    for title in SECTIONS:
        rows = [_row(item) for item in items if section_of(item, local_now) == title]
        hidden = 0
        if not everything and len(rows) > SHOWN:
            hidden = len(rows) - SHOWN
            rows = rows[:SHOWN]
        sections.append({"title": title, "rows": rows, "hidden": hidden})
    context = {
        "sections": sections,
        "local_now": local_now,
        "notice": notice,
        "empty": not items,
        "snooze_default": (local_now + timedelta(days=1)).replace(hour=9, minute=0),
        "outbox": [
            {"entry": entry, "problem": problem}
            for entry, problem in outbox.needing_attention(app, now=minute)
        ],
    }
    return page_html(request, "today.html", context, TOKEN_PLACEHOLDER)


def _row(item: dict[str, Any]) -> dict[str, Any]:
    kind = next((k for prefix, k in DRAFTS.items() if item["key"].startswith(prefix)), None)
    return {**item, "when": when_label(item), "draft_kind": kind}


@router.post("/actions/done", summary="Mark an action done")
async def done(request: Request) -> Response:
    form = await request.form()
    key = _key(form)
    try:
        decisions.done(service(request), key, at=now(), now=now())
    except AfterviewError as exc:
        return back("/", exc.message)
    return back("/", "Done. Well handled.")


@router.post("/actions/skip", summary="Skip an action with a reason")
async def skip(request: Request) -> Response:
    form = await request.form()
    key = _key(form)
    reason = form_text(form, "reason")
    try:
        if not reason:
            raise BadInput("Say why you skip it (a few words are enough).")
        decisions.skip(service(request), key, reason=reason, now=now())
    except AfterviewError as exc:
        return back("/", exc.message)
    return back("/", "Skipped.")


@router.post("/actions/snooze", summary="Snooze an action until a time")
async def snooze(request: Request) -> Response:
    form = await request.form()
    key = _key(form)
    app = service(request)
    try:
        until_text = form_text(form, "until")
        if not until_text:
            raise BadInput("Choose when to be reminded.")
        until: datetime = parse_datetime(until_text, app.timezone, now())
        decisions.snooze(app, key, until=until, now=now())
    except AfterviewError as exc:
        return back("/", exc.message)
    return back("/", f"Snoozed until {until:%a %d %b %H:%M}.")


def _key(form: Any) -> str:
    key = form_text(form, "key")
    if not key:
        raise BadInput("Which action? The form lost its key; reload the page.")
    return key
