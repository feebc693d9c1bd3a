"""The JSON API: the same use cases as the pages, for the page scripts and other tools.

State-changing calls need the `X-CSRF-Token` header matching the `afterview_csrf`
cookie; `GET /api/csrf` hands a tool both.
"""

from __future__ import annotations

import importlib
import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from afterview.agenda_query import AgendaQuery
from afterview.parsing import parse_datetime
from afterview.services import decisions
from afterview.services.agenda import marked_agenda
from afterview.web import security
from afterview.web.pages.common import now, service
from afterview.web.read_cache import ReadCache


class ErrorDetail(BaseModel):
    loc: list[str]
    msg: str


class ApiError(BaseModel):
    """Every refusal of the API: one sentence for a person, never a stack trace;
    `detail` says which part of a request that could not be read (422) is wrong."""

    error: str
    detail: list[ErrorDetail] | None = None


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ApiError, "description": "Bad input: the sentence says what to change"},
    403: {"model": ApiError, "description": "CSRF check failed (state-changing calls)"},
    404: {"model": ApiError, "description": "No such record"},
    409: {"model": ApiError, "description": "Conflicts with the recorded facts"},
    422: {"model": ApiError, "description": "The request could not be read"},
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

MAX_DAYS = 3660  # ten years ahead: the schema says so, so a larger value is a 422

# Further API modules under afterview.web, each exposing `router` (prefix /api).
MORE = ("api_records", "api_writing")


class Decided(BaseModel):
    key: str
    state: str
    logged_contact: int | None = None


class SkipBody(BaseModel):
    reason: str = Field(min_length=1, max_length=500)


class SnoozeBody(BaseModel):
    until: str = Field(
        min_length=1,
        max_length=64,
        description="ISO 8601; without an offset it is read in the user's zone.",
    )


@router.get("/csrf", summary="A CSRF token for tools (also set as a cookie)")
def csrf(request: Request) -> JSONResponse:
    token = security.token_of(request)
    response = JSONResponse({"token": token, "header": "X-CSRF-Token"})
    response.headers.append("set-cookie", security.cookie_header(token))
    return response


@router.get(
    "/agenda",
    summary="What is due or overdue (the CLI's `agenda --json` items)",
    response_model=list[dict[str, Any]],
)
async def agenda(
    request: Request,
    days: Annotated[float, Query(ge=0, le=MAX_DAYS, description="Days ahead to include.")] = 0,
    all: bool = False,
    include_closed: bool = False,
) -> Response:
    """Served as ready-made JSON: the same bytes until the data or the minute changes.
    Each item's `catch_up` is Today's (P11): already past when it was entered."""
    minute = now().replace(second=0, microsecond=0)
    query = AgendaQuery(minute, days=days, everything_ahead=all, include_closed=include_closed)
    cache: ReadCache = request.app.state.read_cache

    def body() -> bytes:
        from zoneinfo import ZoneInfo

        app = service(request)
        items, _ = marked_agenda(app, query, minute.astimezone(ZoneInfo(app.timezone)))
        return json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode()

    content = await cache.aget(("agenda", days, all, include_closed), minute, body)
    return Response(content, media_type="application/json")


@router.post("/actions/{key}/done", summary="Mark an action done", response_model=Decided)
def done(request: Request, key: str) -> Decided:
    result = decisions.done(service(request), key, at=now(), now=now())
    return Decided(key=key, state="done", logged_contact=result.logged_contact)


@router.post("/actions/{key}/skip", summary="Skip an action", response_model=Decided)
def skip(request: Request, key: str, body: SkipBody) -> Decided:
    decisions.skip(service(request), key, reason=body.reason, now=now())
    return Decided(key=key, state="skipped")


@router.post("/actions/{key}/snooze", summary="Snooze an action", response_model=Decided)
def snooze(request: Request, key: str, body: SnoozeBody) -> Decided:
    app = service(request)
    until = parse_datetime(body.until, app.timezone, now())
    decisions.snooze(app, key, until=until, now=now())
    return Decided(key=key, state="snoozed")


for _name in MORE:
    try:
        _module = importlib.import_module(f"afterview.web.{_name}")
    except ModuleNotFoundError as exc:  # an API module still being written
        if exc.name != f"afterview.web.{_name}":
            raise
        continue
    router.include_router(_module.router)
