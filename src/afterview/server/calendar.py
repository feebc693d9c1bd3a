"""The candidate's calendar feed on the agency server: `/calendar/AGENCY/USER/TOKEN.ics`.

A calendar app polls without a session, so the address names the account, and the
token (the same capability as the single-user feed: long, random, compared in
constant time, replaceable) proves the right to read it. Every wrong part answers the
same 404 as any unknown page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from afterview.server import tables as t
from afterview.server.accounts import User
from afterview.services import calendar_feed
from afterview.web.pages.calendar_feed import TOKEN_LENGTH, ics_response
from afterview.web.pages.common import now

if TYPE_CHECKING:
    from afterview.server.web import ServerMode

router = APIRouter(include_in_schema=False)
PREFIX = "/calendar/"
Id = Annotated[int, Path(ge=1, le=2**63 - 1)]


@router.get("/calendar/{agency_id}/{user_id}/{token}.ics")
async def feed(request: Request, agency_id: Id, user_id: Id, token: str) -> Response:
    mode: ServerMode = request.app.state.server
    if len(token) != TOKEN_LENGTH:
        raise HTTPException(404)
    body = await run_in_threadpool(_body, mode, agency_id, user_id, token)
    if body is None:
        raise HTTPException(404)
    return ics_response(body)


def _body(mode: ServerMode, agency_id: int, user_id: int, token: str) -> bytes | None:
    user = _candidate(mode, agency_id, user_id)
    if user is None:
        return None
    app = mode.service_for(user)
    moment = now()
    if not calendar_feed.is_valid(app, token, now=moment):
        return None
    return calendar_feed.feed_ics(app, now=moment)


def _candidate(mode: ServerMode, agency_id: int, user_id: int) -> User | None:
    u = t.users.c
    with mode.store.agency(agency_id) as conn:
        row = conn.execute(
            select(
                u.id, u.agency_id, u.role, u.name, u.email, u.timezone, u.settings_version
            ).where(u.id == user_id, u.role == "candidate", u.disabled_at.is_(None))
        ).first()
    return None if row is None else User(*row)
