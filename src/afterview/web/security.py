"""Safety on loopback: a checked Host header (DNS rebinding) and CSRF tokens.

A page on another site can make the browser send requests to 127.0.0.1, so every
state-changing request must carry a token that only our own pages know: the
double-submit pattern with a SameSite=Strict cookie, the token in a form field or
the `X-CSRF-Token` header, and the Origin (when sent) naming this very server.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable

from fastapi import Request

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
