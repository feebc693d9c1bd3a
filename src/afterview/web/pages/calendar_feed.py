"""`/calendar/TOKEN.ics`: the plan as a subscribed calendar, for calendar apps to poll."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from afterview.services import calendar_feed
from afterview.web.pages.common import now, service
from afterview.web.read_cache import ReadCache

router = APIRouter()
# 32 URL-safe characters; anything else is not ours and is answered like any unknown path.
TOKEN_LENGTH = 32


@router.get("/calendar/{token}.ics")
def feed(request: Request, token: str) -> Response:
    app = service(request)
    moment = now()
    if len(token) != TOKEN_LENGTH or not calendar_feed.is_valid(app, token, now=moment):
        return Response("There is no such calendar.\n", 404, media_type="text/plain")
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
