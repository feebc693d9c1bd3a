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


@router.get("/calendar/{token}.ics")
def feed(request: Request, token: str) -> Response:
    app = service(request)
    moment = now()
    if len(token) != TOKEN_LENGTH or not calendar_feed.is_valid(app, token, now=moment):
        # the very 404 of any unknown page, byte for byte: a wrong token must not
        # tell a guesser that this address exists (and is worth guessing at)
        raise HTTPException(404)
    cache: ReadCache = request.app.state.read_cache
    body = cache.get(("feed",), moment, lambda: calendar_feed.feed_ics(app, now=moment))
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
