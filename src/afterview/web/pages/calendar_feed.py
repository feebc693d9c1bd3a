"""`/calendar/TOKEN.ics`: the plan as a subscribed calendar, for calendar apps to poll."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from afterview.services import calendar_feed
from afterview.web.pages.common import now, service
from afterview.web.read_cache import ReadCache

router = APIRouter()
# 32 URL-safe characters; anything else, like a wrong token, is answered as an unknown path.
TOKEN_LENGTH = 32


def feed_path(request: Request, token: str) -> str:
    """The feed's address on this server: the agency server's names the account
    (afterview.server.calendar), a calendar app having no session to tell it."""
    user = getattr(request.state, "user", None)
    if user is not None:
        return f"/calendar/{user.agency_id}/{user.id}/{token}.ics"
    return calendar_feed.feed_path(token)


@router.get("/calendar/{token}.ics")
def feed(request: Request, token: str) -> Response:
    if getattr(request.app.state, "server", None) is not None:
        raise HTTPException(404)  # the agency server's feeds name their account
    app = service(request)
    moment = now()
    if len(token) != TOKEN_LENGTH or not calendar_feed.is_valid(app, token, now=moment):
        # the very 404 of any unknown page, byte for byte: a wrong token must not
        # tell a guesser that this address exists (and is worth guessing at)
        raise HTTPException(404)
    cache: ReadCache = request.app.state.read_cache
    body = cache.get(("feed",), moment, lambda: calendar_feed.feed_ics(app, now=moment))
    return ics_response(body)


def ics_response(body: bytes) -> Response:
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={
            "Content-Disposition": 'inline; filename="afterview.ics"',
            "Cache-Control": "private, max-age=300",
            # the URL is the secret: keep it out of other sites' Referer headers
            "Referrer-Policy": "no-referrer",
        },
    )
