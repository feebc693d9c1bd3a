"""Safety on loopback: a checked Host header (DNS rebinding), CSRF tokens, and the
headers every response carries.

A page on another site can make the browser send requests to 127.0.0.1, so every
state-changing request must carry a token that only our own pages know: the
double-submit pattern with a SameSite=Strict cookie, the token in a form field or
the `X-CSRF-Token` header, and the Origin (when sent) naming this very server.
Every answer, not only the HTML pages, says `nosniff` and has a Content-Security-
Policy, so a JSON, .ics or .eml body holding user text is never run as a page.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from fastapi import Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from afterview.errors import AfterviewError

COOKIE = "afterview_csrf"
HEADER = "x-csrf-token"
FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


class CsrfFailure(AfterviewError):
    http_status = 403


def allowed_hosts(bound: str) -> list[str]:
    """Hosts the browser may call us by: loopback names and the address we bound."""
    hosts = list(LOOPBACK)
    if bound not in hosts and bound not in ("0.0.0.0", "::"):
        hosts.append(bound)
    return hosts


def token_of(request: Request) -> str:
    """This browser's token (set as a cookie by `remember_token`)."""
    existing = request.cookies.get(COOKIE, "")
    if len(existing) >= 32:
        return existing
    cached = getattr(request.state, "new_csrf", None)
    if cached is None:
        cached = secrets.token_urlsafe(32)
        request.state.new_csrf = cached
    return str(cached)


async def verify_csrf(request: Request) -> None:
    """A FastAPI dependency on every router: unsafe methods need the matching token."""
    if request.method in SAFE_METHODS:
        return
    cookie = request.cookies.get(COOKIE, "")
    sent = request.headers.get(HEADER, "")
    if not sent and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(FIELD)
        sent = value if isinstance(value, str) else ""
    if not cookie or not sent or not hmac.compare_digest(cookie, sent):
        raise CsrfFailure(
            "This form has expired or came from another site (CSRF check failed). "
            "Reload the page and try again."
        )
    origin = request.headers.get("origin")
    if origin and origin != "null" and not _same_origin(origin, request):
        raise CsrfFailure("Refused: the request came from another site.")


def _same_origin(origin: str, request: Request) -> bool:
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1].rstrip("/") == host


def cookie_header(token: str) -> str:
    return f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"


def hosts_text(hosts: Iterable[str]) -> str:
    return ", ".join(hosts)


def same_site_path(referer: str | None, host: str) -> str | None:
    """The path and query of a Referer naming this server, or None.

    A Referer is the browser's word, but a tool can forge it: only a plain local
    path comes back, never `//other.site/…` or `/\\other.site` (which browsers
    read as another host), nor anything with control characters.
    """
    if not referer:
        return None
    parts = urlsplit(referer)
    path = parts.path
    if parts.netloc != host or parts.scheme not in ("http", "https"):
        return None
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return None
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in referer):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


# HTML pages send their own policy (templating.SECURITY_HEADERS); anything else is
# data, never a document: it may load nothing, run nothing, be framed by nobody.
DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
DEFAULT_HEADERS = (
    ("x-content-type-options", "nosniff"),
    ("content-security-policy", DATA_POLICY),
    ("referrer-policy", "same-origin"),
)


class SecurityHeaders:
    """Adds nosniff, a Content-Security-Policy and a Referrer-Policy to every response
    that lacks them: JSON, the .ics feed, .eml downloads, static files, errors.

    Plain ASGI (no BaseHTTPMiddleware): a few microseconds on the cached Today page.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = message["headers"] = list(message.get("headers", ()))
                headers = MutableHeaders(raw=raw)
                for name, value in DEFAULT_HEADERS:
                    if name not in headers:
                        headers.append(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)


class HeadAsGet:
    """HEAD answered as GET without the body (RFC 9110: every GET resource answers
    HEAD with the same headers); FastAPI's routes would say 405 otherwise."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
