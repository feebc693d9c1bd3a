"""Jinja2 with autoescaping everywhere: user text always renders as text, never as markup."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from afterview.web import security

TEMPLATES = Path(__file__).with_name("templates")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["local"] = local_time
    env.globals["static"] = static_url
    return env


def static_url(name: str) -> str:
    """`{{ static("app.css") }}`: the file's content-fingerprinted address, which
    browsers keep for good (web/static_files.py)."""
    from afterview.web.static_files import url

    return url(name)


def local_time(value: datetime | str | None, tz: str, fmt: str = "%a %d %b %H:%M") -> str:
    if value is None:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(tz)).strftime(fmt)


# Stands for the browser's CSRF token in a cached page; swapped in per response.
TOKEN_PLACEHOLDER = "__afterview_csrf_token__"


def page_html(request: Request, name: str, context: dict[str, Any], token: str) -> str:
    service = getattr(request.state, "service", None) or getattr(request.app.state, "service", None)
    values = {
        "request": request,
        "account": getattr(request.state, "user", None),  # server mode (afterview.server)
        "csrf_token": token,
        "tz": service.timezone if service is not None else "UTC",
        "path": request.url.path,
        **context,
    }
    return environment().get_template(name).render(values)


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """A page with the CSRF token in place; sets the token cookie on first contact."""
    token = security.token_of(request)
    return respond(request, page_html(request, name, context, token).encode(), status)


class Page:
    """A rendered page kept as UTF-8 pieces around each CSRF-token slot.

    A cached page is served to many browsers, each with its own token: joining
    bytes is one copy, where replacing in (and re-encoding) a 170 kB str cost about
    half a millisecond a response (docs/benchmarks.md#web).
    """

    __slots__ = ("pieces",)

    def __init__(self, html: str) -> None:
        self.pieces = html.encode().split(TOKEN_PLACEHOLDER.encode())

    def with_token(self, token: str) -> bytes:
        return token.encode().join(self.pieces)


SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "content-security-policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
}


def respond(request: Request, page: Page | bytes, status: int = 200) -> HTMLResponse:
    """Send a rendered page: the browser's token in each slot of a cached `Page`, the
    token cookie on first contact, and the security headers."""
    token = security.token_of(request)
    body = page.with_token(token) if isinstance(page, Page) else page
    headers = dict(SECURITY_HEADERS)
    if request.cookies.get(security.COOKIE) != token:
        headers["set-cookie"] = security.cookie_header(token)
    return HTMLResponse(body, status_code=status, headers=headers)
