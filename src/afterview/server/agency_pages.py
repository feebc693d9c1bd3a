"""The consultant's pages on the agency server: the day view across the candidates who
share with them, one shared opportunity, and what they record about the client."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from afterview.errors import AfterviewError, BadInput, NotFound
from afterview.parsing import parse_datetime
from afterview.playbook.facts import Channel
from afterview.server import projection, sharing
from afterview.server.accounts import User
from afterview.web.pages.common import back, form_text, now, pop_notice, shown
from afterview.web.templating import render

if TYPE_CHECKING:
    from collections.abc import Callable

    from afterview.server.store import ServerStore
    from afterview.server.web import ServerMode

router = APIRouter(include_in_schema=False)
Id = Annotated[int, Path(ge=1, le=2**63 - 1)]


def _mode(request: Request) -> ServerMode:
    mode: ServerMode = request.app.state.server
    return mode


def _staff(request: Request) -> User:
    user: User = request.state.user
    return user


@router.get("/agency")
def agency_home(request: Request) -> Response:
    """Staff's landing page: the consultant's day (P1, P6, P8, P12 from their side)."""
    user = _staff(request)
    notice, problem = pop_notice(request)
    context: dict[str, object] = {
        "user": user,
        "tz": user.timezone,
        "notice": notice,
        "problem": problem,
        "day": None,
        "pending": [],
    }
    if user.role == "consultant":
        found, pending = sharing.day(_mode(request).store, user, now())
        context.update(day=found, pending=pending, now=now())
    return shown(request, render(request, "agency.html", context))


@router.post("/agency/invitations/{link_id}/accept")
async def accept(request: Request, link_id: Id) -> Response:
    return await _answer(
        request, link_id, sharing.accept, "Accepted: their shared opportunities are on your day."
    )


@router.post("/agency/invitations/{link_id}/decline")
async def decline(request: Request, link_id: Id) -> Response:
    return await _answer(request, link_id, sharing.end_link, "Declined.")


async def _answer(
    request: Request,
    link_id: int,
    change: Callable[[ServerStore, User, int, datetime], None],
    said: str,
) -> Response:
    await request.form()
    user = _staff(request)
    try:
        await run_in_threadpool(change, _mode(request).store, user, link_id, now())
    except AfterviewError as exc:
        return back(request, "/agency", exc.message, tone="error")
    return back(request, "/agency", said)


def _url(candidate_id: int, opp_id: int) -> str:
    return f"/agency/candidates/{candidate_id}/opportunities/{opp_id}"


@router.get("/agency/candidates/{candidate_id}")
def candidate_page(request: Request, candidate_id: Id) -> Response:
    """Everything one candidate shares with the consultant, by status."""
    user = _staff(request)
    openings = sharing.candidate_openings(_mode(request).store, user, candidate_id, now())
    return render(
        request,
        "agency_candidate.html",
        {
            "user": user,
            "tz": user.timezone,
            "openings": openings,
            "name": openings[0].candidate_name,
        },
    )


@router.get("/agency/candidates/{candidate_id}/opportunities/{opp_id}")
def shared_page(request: Request, candidate_id: Id, opp_id: Id) -> Response:
    user = _staff(request)
    notice, problem = pop_notice(request)
    view = sharing.shared_opportunity(_mode(request).store, user, candidate_id, opp_id, now())
    return shown(
        request,
        render(
            request,
            "agency_opportunity.html",
            {
                "user": user,
                "tz": user.timezone,
                "view": view,
                "facts": view.facts,
                "opening": view.opening,
                "parts": projection.PARTS,
                "notice": notice,
                "problem": problem,
                "url": _url(candidate_id, opp_id),
                "channels": [c.value for c in Channel],
            },
        ),
    )


@router.post("/agency/candidates/{candidate_id}/opportunities/{opp_id}/call")
async def call(request: Request, candidate_id: Id, opp_id: Id) -> Response:
    form = await request.form()
    user = _staff(request)
    mode = _mode(request)
    moment = now()
    try:
        at = _when(form_text(form, "at"), user, moment)
        await run_in_threadpool(
            lambda: sharing.record_call(
                mode.store, user, mode.service_for, candidate_id, opp_id, at=at, now=moment
            )
        )
    except NotFound:
        raise  # another's id answers 404, like every page (no IDOR)
    except AfterviewError as exc:
        return back(request, _back_to(form), exc.message, tone="error")
    return back(request, _back_to(form), "Call recorded: it is done on their plan too (P1).")


@router.post("/agency/candidates/{candidate_id}/opportunities/{opp_id}/chase")
async def chase(request: Request, candidate_id: Id, opp_id: Id) -> Response:
    form = await request.form()
    user = _staff(request)
    mode = _mode(request)
    moment = now()
    try:
        at = _when(form_text(form, "at"), user, moment)
        channel = Channel(form_text(form, "channel") or "phone")
        flag = await run_in_threadpool(
            lambda: sharing.record_chase(
                mode.store,
                user,
                mode.service_for,
                candidate_id,
                opp_id,
                at=at,
                channel=channel,
                note=form_text(form, "note"),
                now=moment,
                asking_timeline=form_text(form, "purpose") == "timeline",
            )
        )
    except ValueError:
        return back(request, _back_to(form), "Choose email, phone or message.", tone="error")
    except NotFound:
        raise  # another's id answers 404, like every page (no IDOR)
    except AfterviewError as exc:
        return back(request, _back_to(form), exc.message, tone="error")
    if flag:
        return back(request, _back_to(form), f"Recorded, but {flag}.", tone="warn")
    return back(
        request,
        _back_to(form),
        "Chase recorded. It counts as this week's follow-up for the candidate too (P8).",
    )


@router.post("/agency/candidates/{candidate_id}/opportunities/{opp_id}/feedback")
async def feedback(request: Request, candidate_id: Id, opp_id: Id) -> Response:
    form = await request.form()
    user = _staff(request)
    mode = _mode(request)
    moment = now()
    url = _url(candidate_id, opp_id)
    try:
        decision_text = form_text(form, "decision_by")
        decision_by = _date(decision_text) if decision_text else None
        await run_in_threadpool(
            lambda: sharing.record_feedback(
                mode.store,
                user,
                mode.service_for,
                candidate_id,
                opp_id,
                note=form_text(form, "note") or "",
                decision_by=decision_by,
                now=moment,
            )
        )
    except NotFound:
        raise
    except AfterviewError as exc:
        return back(request, url, exc.message, tone="error")
    return back(
        request, url, "Feedback recorded on the candidate's timeline; their chasing pauses (P8)."
    )


def _when(text: str | None, user: User, moment: datetime) -> datetime:
    """When it happened, in the consultant's zone; now when left empty."""
    if not text:
        return moment
    return parse_datetime(text, user.timezone, moment)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadInput(f"{text!r} is not a date (YYYY-MM-DD).") from None


def _back_to(form: object) -> str:
    """Back to the page the form was on: the day view or the opportunity (never elsewhere)."""
    target = form_text(form, "back") or "/agency"
    return target if target.startswith("/agency") and "//" not in target else "/agency"
