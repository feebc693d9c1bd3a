"""Today: overdue, due today, coming up — each step with its why, the place where it
gets done (steps.py), and decisions that can be undone from where the card was."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from afterview.agenda_query import AgendaQuery
from afterview.day import (
    CATCH_UP,
    SECTIONS,
    due_of,
    entries_needed,
    replanned_as_catch_up,
    section_of,
    split_catch_ups,
)
from afterview.errors import AfterviewError, BadInput
from afterview.parsing import parse_datetime
from afterview.playbook.timing import calendar_for
from afterview.services import decisions, drafts, outbox
from afterview.services.agenda import agenda
from afterview.services.app import App
from afterview.web.pages import notices, steps
from afterview.web.pages.common import back, form_text, now, service, shown
from afterview.web.pages.notices import Notice
from afterview.web.read_cache import ReadCache
from afterview.web.templating import TOKEN_PLACEHOLDER, Page, page_html, respond

router = APIRouter()
SHOWN = 25  # per section; the rest is one click away: a long page hides what matters
DECIDED = ("done", "skipped", "snoozed")  # the decisions whose notice stands in the card's place

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
async def today(request: Request, everything: bool = False) -> Response:
    moment = now()
    notice = notices.take(request)
    if notice is not None:  # just after an action: fresh, and not worth caching
        html = await run_in_threadpool(_page, request, moment, everything, notice)
        return shown(request, respond(request, Page(html)))
    cache: ReadCache = request.app.state.read_cache
    page = await cache.aget(
        ("today", everything), moment, lambda: Page(_page(request, moment, everything))
    )
    return respond(request, page)


def _page(
    request: Request, moment: datetime, everything: bool, notice: Notice | None = None
) -> str:
    app = service(request)
    minute = moment.replace(second=0, microsecond=0)
    local_now = minute.astimezone(ZoneInfo(app.timezone))
    items = agenda(app, AgendaQuery(minute, days=7, with_guidance=True))
    drafted = _drafted_thank_yous(app, minute)
    ghost = _ghost(notice)
    sections: list[dict[str, Any]] = []
    for title in SECTIONS:
        rows = [
            _row(item, app.timezone, drafted)
            for item in items
            if section_of(item, local_now) == title
        ]
        hidden = 0
        if not everything and len(rows) > SHOWN:
            hidden = len(rows) - SHOWN
            rows = rows[:SHOWN]
        sections.append({"title": title, "rows": rows, "hidden": hidden})
    _split_catch_ups(app, sections, minute)
    if ghost is not None:  # where the decided card stood (or last, if beyond this week)
        home = next((s for s in sections if s["title"] == ghost["section"]), sections[-1])
        rows = home["rows"]
        at = next((i for i, r in enumerate(rows) if r["due_at"] > ghost["due_at"]), len(rows))
        rows.insert(at, ghost)
    first_draft = next(
        (
            r
            for s in sections
            for r in s["rows"]
            if r.get("draft_kind") and r["draft_kind"] != "recruiter-call"
        ),
        None,
    )
    context = {
        "first_draft": first_draft,
        "sections": sections,
        "local_now": local_now,
        "zone_city": city(app.timezone),
        "notice": notice if ghost is None else None,
        "empty": not items,
        "first_visit": not items and _first_visit(app, minute),
        "snooze_default": calendar_for(app.settings).next_working_morning(minute, app.timezone),
        "outbox": [
            {"entry": entry, "problem": problem}
            for entry, problem in outbox.needing_attention(app, now=minute)
        ],
    }
    return page_html(request, "today.html", context, TOKEN_PLACEHOLDER)


def _split_catch_ups(app: Any, sections: list[dict[str, Any]], moment: datetime) -> None:
    """Steps already past when their opportunity was entered (P9's: when the first
    interview was), and steps re-planned as a catch-up because their interview was
    entered late (playbook.plan), move to "To catch up": not a lapse, and not counted
    as late in Lessons (P11). The decision is `day.is_catch_up`, as in `afterview today`."""
    from afterview.services.queries import added_at

    ids, candidate_wide = entries_needed(sections[0]["rows"])
    added = added_at(app, ids, moment, candidate_wide) if ids or candidate_wide else {}
    hidden = {s["title"]: s["hidden"] for s in sections}
    split = split_catch_ups([(s["title"], s["rows"]) for s in sections], added)
    sections[:] = [{"title": t, "rows": rows, "hidden": hidden.get(t, 0)} for t, rows in split]
    for row in next((rows for title, rows in split if title == CATCH_UP), []):
        row["catch_up"] = True  # its card's badge and help


def _first_visit(app: Any, moment: datetime) -> bool:
    from afterview.services import queries

    return not queries.list_opportunities(app, moment)


def city(tz: str) -> str:
    return tz.rsplit("/", maxsplit=1)[-1].replace("_", " ")


def when_text(due: datetime, own_tz: str, person_tz: str) -> str:
    """The due time on the person's clock; the step's own wall clock too when it differs.

    One clock on every page: "today" is the person's today, and a New York interview's
    step says "Thu 04 Dec 14:00 (09:00 New York)" rather than only New York's time.
    """
    mine = due.astimezone(ZoneInfo(person_tz))
    text = f"{mine:%a %d %b %H:%M}"
    if own_tz != person_tz:
        theirs = due.astimezone(ZoneInfo(own_tz))
        if theirs.utcoffset() != mine.utcoffset():
            same_day = theirs.date() == mine.date()
            there = f"{theirs:%H:%M}" if same_day else f"{theirs:%a %d %b %H:%M}"
            text += f" ({there} {city(own_tz)})"
    return text


def item_when(item: dict[str, Any], person_tz: str) -> str:
    """`when_text` for an agenda item: with the recipient's clock beside it when they
    are elsewhere, and when a message should land (docs/playbook.md, "Time zones")."""
    from afterview.day import clock_in, elsewhere

    due = due_of(item)
    text = when_text(due, item["tz"], person_tz)
    other = item.get("other_tz")
    apart = elsewhere(due, person_tz, other) and elsewhere(due, item["tz"], other)
    if apart:
        text += f" ({clock_in(due, str(other), due.astimezone(ZoneInfo(person_tz)))})"
    if item.get("send_at") and item["state"] in ("pending", "snoozed"):
        lands = datetime.fromisoformat(str(item["send_at"]).replace("Z", "+00:00"))
        if lands != due:
            where = str(other) if apart else item["tz"]
            text += f"; lands from {clock_in(lands, where, due.astimezone(ZoneInfo(where)))}"
    return text


THANK_YOU_KEY = re.compile(r"^P5:thank-you:interview=(\d+):person=(\d+)$")


def _drafted_thank_yous(app: App, moment: datetime) -> set[tuple[int, int]]:
    """(interview, person) of every thank-you drafted and not sent: its step opens the
    draft ("Open your draft"), not a new one."""
    return {
        (view.interview_id, view.person_id)
        for view in drafts.list_drafts(app, now=moment)
        if view.kind == "thank-you"
        and view.sent_at is None
        and view.interview_id is not None
        and view.person_id is not None
    }


def _has_draft(key: str, drafted: set[tuple[int, int]]) -> bool:
    found = THANK_YOU_KEY.match(key)
    return found is not None and (int(found.group(1)), int(found.group(2))) in drafted


def _row(
    item: dict[str, Any], person_tz: str, drafted: set[tuple[int, int]] | None = None
) -> dict[str, Any]:
    kind = next((k for prefix, k in DRAFTS.items() if item["key"].startswith(prefix)), None)
    place = steps.place_of(item)
    due = due_of(item)
    return {
        **item,
        "when": item_when(item, person_tz),
        "due_at": due.astimezone(UTC),
        "draft_kind": kind,
        "has_draft": _has_draft(item["key"], drafted or set()),
        "place": place,
        "anchor": steps.anchor(item["key"]),
        "guidance": steps.web_guidance(item.get("guidance")),
        "keep_chasing": item["key"].startswith("P8:close-no-response:"),
        "catch_up": replanned_as_catch_up(item),
    }


def _ghost(notice: Notice | None) -> dict[str, Any] | None:
    """Where a just-decided card stood: its notice and Undo, in the same place."""
    if notice is None or notice.undo is None or notice.verb not in DECIDED:
        return None
    due = datetime.fromisoformat(notice.due) if notice.due else None
    return {
        "ghost": True,
        "key": notice.undo,
        "anchor": steps.anchor(notice.undo),
        "text": notice.text,
        "verb": notice.verb,
        "section": notice.section or "Coming up",
        "due_at": (due or datetime.max.replace(tzinfo=UTC)).astimezone(UTC),
    }


def _decided(request: Request, form: Any, key: str, text: str, verb: str) -> RedirectResponse:
    """Back to Today at the card's place, its notice offering Undo there."""
    due = form_text(form, "due")
    notice = Notice(text, "ok", undo=key, verb=verb, due=due, section=form_text(form, "section"))
    return back(request, f"/#{steps.anchor(key)}", notice)


def _refused(request: Request, key: str | None, message: str) -> RedirectResponse:
    anchor = f"#{steps.anchor(key)}" if key else ""
    return back(request, f"/{anchor}", message, tone="error")


@router.post("/actions/done", summary="Mark an action done")
async def done(request: Request) -> Response:
    form = await request.form()
    key = _key(form)
    place = steps.place_of(_item_of(form, key))
    if place is not None and place.needs_fact:  # the fact completes it: ask for it
        return back(request, place.url, place.ask, tone="warn")
    try:
        decisions.done(service(request), key, at=now(), now=now())
    except AfterviewError as exc:
        return _refused(request, key, exc.message)
    return _decided(request, form, key, f"Done: {_title(form)}.", "done")


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
        return _refused(request, key, exc.message)
    return _decided(request, form, key, f"Skipped: {_title(form)} ({reason}).", "skipped")


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
        return _refused(request, key, exc.message)
    local_until = until.astimezone(ZoneInfo(app.timezone))
    return _decided(
        request,
        form,
        key,
        f"Snoozed until {local_until:%a %d %b %H:%M}: {_title(form)}.",
        "snoozed",
    )


@router.post("/actions/undo", summary="Undo a done, skip or snooze")
async def undo(request: Request) -> Response:
    form = await request.form()
    key = _key(form)
    try:
        decisions.reopen(service(request), key, now=now())
    except AfterviewError as exc:
        return _refused(request, key, exc.message)
    return back(request, f"/#{steps.anchor(key)}", f"Back on your list: {_title(form)}.")


def _item_of(form: Any, key: str) -> dict[str, Any]:
    found = steps.ids(key)
    return {"key": key, "opportunity_id": _int(form_text(form, "opp")) or found.get("opp")}


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() and len(text) < 12 else None


def _title(form: Any) -> str:
    return (form_text(form, "title") or "the step")[:300]


def _key(form: Any) -> str:
    key = form_text(form, "key")
    if not key:
        raise BadInput("Which action? The form lost its key; reload the page.")
    return key
