"""One-shot notices after a form: carried in a signed cookie, never in the URL.

A message in the address bar can be forged by any link ("?notice=Your account is
locked"); this one is written by the server on the redirect after a POST, signed
with the browser's own CSRF token (which no other site knows, not even another
server on a loopback port that can set cookies for this host), read once on the
next page and then deleted.

A notice has a tone (`ok` green, `warn` amber, `error` red) and may carry what
it can undo (an action key on Today) and where on the page it belongs (`anchor`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Literal

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from afterview.web import security

COOKIE = "afterview_notice"
MAX_TEXT = 1_000
Tone = Literal["ok", "warn", "error"]
TONES: tuple[Tone, ...] = ("ok", "warn", "error")


@dataclass(frozen=True)
class Notice:
    text: str
    tone: Tone = "ok"
    undo: str | None = None  # the action key whose decision this notice can undo
    verb: str | None = None  # what was decided: done, skipped, snoozed
    due: str | None = None  # where the decided card stood (its due time, ISO 8601)
    section: str | None = None  # and its section on Today


def encode(notice: Notice, token: str) -> str:
    payload = json.dumps(
        {
            "t": notice.text[:MAX_TEXT],
            "k": notice.tone,
            "u": notice.undo,
            "v": notice.verb,
            "d": notice.due,
            "s": notice.section,
        },
        separators=(",", ":"),
    ).encode()
    body = base64.urlsafe_b64encode(payload).decode().rstrip("=")
    return f"{body}.{_sign(body, token)}"


def decode(value: str, token: str) -> Notice | None:
    """The notice in a cookie value, or None when it is absent, damaged or not ours."""
    body, _, signature = value.partition(".")
    if not body or not hmac.compare_digest(signature, _sign(body, token)):
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        tone: Tone = next((t for t in TONES if t == data.get("k")), "ok")
        text = str(data["t"])[:MAX_TEXT]
        extra = [data.get(name) for name in ("u", "v", "d", "s")]
        undo, verb, due, section = (v if isinstance(v, str) else None for v in extra)
        return Notice(text, tone, undo, verb, due, section)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _sign(body: str, token: str) -> str:
    digest = hmac.new(token.encode(), f"notice:{body}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def redirect(request: Request, url: str, notice: Notice | None) -> RedirectResponse:
    """POST → redirect → GET, the notice riding along in the signed cookie."""
    response = RedirectResponse(url, status_code=303)
    if notice is not None:
        token = security.token_of(request)
        response.set_cookie(
            COOKIE, encode(notice, token), max_age=120, path="/", httponly=True, samesite="strict"
        )
        if request.cookies.get(security.COOKIE) != token:  # first contact: keep the key
            response.headers.append("set-cookie", security.cookie_header(token))
    return response


def take(request: Request) -> Notice | None:
    """The notice waiting for this page (pair it with `forget` on the response)."""
    value = request.cookies.get(COOKIE)
    if not value:
        return None
    return decode(value, security.token_of(request))


def forget(request: Request, response: Response) -> Response:
    """Delete the notice once shown: a reload shows the page without it."""
    if COOKIE in request.cookies:
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response
