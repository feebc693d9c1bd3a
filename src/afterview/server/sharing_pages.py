"""The candidate's sharing page on the agency server: invite a consultant, choose per
opportunity what they see (`server.sharing`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from afterview.errors import AfterviewError
from afterview.server import projection, sharing
from afterview.server.accounts import User
from afterview.services import queries
from afterview.web.pages.common import back, form_text, now, pop_notice, service, shown
from afterview.web.templating import render

if TYPE_CHECKING:
    from afterview.server.web import ServerMode

router = APIRouter(include_in_schema=False)
Id = Annotated[int, Path(ge=1, le=2**63 - 1)]


def _mode(request: Request) -> ServerMode:
    mode: ServerMode = request.app.state.server
    return mode


@router.get("/sharing")
def sharing_page(request: Request) -> Response:
    notice, problem = pop_notice(request)
    return shown(request, _page(request, notice=notice, problem=problem))


def _page(
    request: Request,
    *,
    notice: object = None,
    problem: str | None = None,
    email: str = "",
    status: int = 200,
) -> Response:
    user: User = request.state.user
    store = _mode(request).store
    moment = now()
    opportunities = queries.list_opportunities(service(request), moment)
    return render(
        request,
        "sharing.html",
        {
            "links": sharing.links(store, user),
            "shared": sharing.parts_by_opportunity(store, user),
            "opportunities": opportunities,
            "parts": projection.PARTS,
            "default_parts": projection.DEFAULT_PARTS,
            "notice": notice,
            "problem": problem,
            "email": email,
        },
        status,
    )


@router.post("/sharing/invite")
async def invite(request: Request) -> Response:
    form = await request.form()
    user: User = request.state.user
    email = form_text(form, "email") or ""
    try:
        link = await run_in_threadpool(sharing.invite, _mode(request).store, user, email, now())
    except AfterviewError as exc:
        return _page(request, problem=exc.message, email=email[:320], status=400)
    return back(
        request,
        "/sharing",
        f"Invitation sent to {link.consultant}. They see nothing until you share an "
        "opportunity below and they accept.",
    )


@router.post("/sharing/links/{link_id}/end")
async def end(request: Request, link_id: Id) -> Response:
    await request.form()
    user: User = request.state.user
    try:
        await run_in_threadpool(sharing.end_link, _mode(request).store, user, link_id, now())
    except AfterviewError as exc:
        return back(request, "/sharing", exc.message, tone="error")
    return back(request, "/sharing", "Stopped: they no longer see any of your opportunities.")


@router.post("/sharing/opportunities/{opp_id}")
async def choose(request: Request, opp_id: Id) -> Response:
    form = await request.form()
    user: User = request.state.user
    chosen = [str(v) for v in form.getlist("part") if v]
    app = service(request)
    try:
        parts = await run_in_threadpool(
            sharing.set_parts, _mode(request).store, user, app, opp_id, chosen, now()
        )
    except AfterviewError as exc:
        return back(request, "/sharing", exc.message, tone="error")
    names = [projection.PARTS[key][0] for key in parts]
    said = f"Shared: {', '.join(names)}." if parts else "Not shared any more."
    return back(request, f"/sharing#opp-{opp_id}", said)
