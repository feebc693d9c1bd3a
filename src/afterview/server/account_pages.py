"""Pages of one's own account, for every role: two-step sign-in (turning it on and
off, and the code step of signing in) and taking up an invitation.

The code step and the invitation pages are open (no session yet: `/login/…` and
`/invitation/…` pass the session gate); /account/… needs a session of any role.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from afterview.errors import BadInput
from afterview.server import accounts, admin, totp
from afterview.server.accounts import LoginRefused, Throttled, User
from afterview.web import security
from afterview.web.pages.common import back, pop_notice, shown
from afterview.web.templating import render

if TYPE_CHECKING:
    from afterview.server.web import ServerMode

router = APIRouter(include_in_schema=False)
SECURITY = "/account/security"


def _mode(request: Request) -> ServerMode:
    mode: ServerMode = request.app.state.server
    return mode


def _ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


# --- /account/security ------------------------------------------------------------------


@router.get(SECURITY)
def security_page(request: Request) -> Response:
    notice, refusal = pop_notice(request)
    return shown(request, _security(request, notice=notice, error=refusal))


def _security(
    request: Request,
    *,
    secret: str | None = None,
    error: str | None = None,
    form: str | None = None,
    notice: object = None,
    status: int = 200,
) -> Response:
    user: User = request.state.user
    enabled = totp.is_enabled(_mode(request).store, user)
    context = {
        "user": user,
        "enabled": enabled,
        "enrolment": None if enabled else totp.enrolment(user, secret),
        "error": error,
        "form": form,
        "notice": notice,
    }
    return render(request, "account_security.html", context, status)


@router.post(SECURITY + "/enable")
def enable(request: Request, secret: str = Form(""), code: str = Form("")) -> Response:
    mode = _mode(request)
    try:
        totp.enable(mode.store, request.state.user, secret, code, mode.now())
    except BadInput as exc:
        try:
            kept = totp.checked_secret(secret)  # the one already in the phone's app
        except BadInput:
            kept = None
        return _security(request, secret=kept, error=exc.message, form="enable", status=400)
    return back(request, SECURITY, "Two-step sign-in is on: you will be asked for a code.")


@router.post(SECURITY + "/disable")
def disable(request: Request, password: str = Form("")) -> Response:
    mode = _mode(request)
    try:
        totp.disable(mode.store, request.state.user, password, ip=_ip(request), now=mode.now())
    except (totp.WrongPassword, Throttled) as exc:
        return _security(request, error=exc.message, form="disable", status=exc.http_status)
    return back(request, SECURITY, "Two-step sign-in is off.", tone="warn")


# --- signing in: the code step ------------------------------------------------------------


def code_page(
    request: Request, pending: str, next: str, error: str | None = None, status: int = 200
) -> Response:
    """The second step of signing in (shown by POST /login after a right password)."""
    context = {"pending": pending, "next": next, "error": error}
    return render(request, "login_code.html", context, status)


@router.post("/login/code")
def login_code(
    request: Request,
    pending: str = Form(""),
    code: str = Form(""),
    next: str = Form("/"),
) -> Response:
    from afterview.server.web import _local, _new_token

    mode = _mode(request)
    target = _local(next)
    try:
        token, user = totp.finish_login(mode.store, pending, code, ip=_ip(request), now=mode.now())
    except LoginRefused as exc:
        if exc.message == totp.WRONG_CODE:
            return code_page(request, pending, target, exc.message, exc.http_status)
        context = {"next": target, "error": exc.message, "email": ""}
        return render(request, "login.html", context, exc.http_status)
    except Throttled as exc:
        return code_page(request, pending, target, exc.message, exc.http_status)
    response = RedirectResponse(target if user.role == "candidate" else "/agency", 303)
    lifetime = int(accounts.SESSION_LIFETIME.total_seconds())
    response.headers.append("set-cookie", mode.session_cookie(token, lifetime))
    response.headers.append("set-cookie", security.cookie_header(_new_token()))
    return response


# --- invitations ------------------------------------------------------------------------


@router.get("/invitation/{token}")
def invitation_page(request: Request, token: str) -> Response:
    invitee = admin.open_invitation(_mode(request).store, token, _mode(request).now())
    return render(request, "invitation.html", {"invitee": invitee, "token": token, "error": None})


@router.post("/invitation/{token}")
def accept_invitation(
    request: Request, token: str, password: str = Form(""), confirmation: str = Form("")
) -> Response:
    mode = _mode(request)
    try:
        invitee = admin.accept_invitation(
            mode.store, token, password, confirmation, ip=_ip(request), now=mode.now()
        )
    except BadInput as exc:
        invitee = admin.open_invitation(mode.store, token, mode.now())
        context = {"invitee": invitee, "token": token, "error": exc.message}
        return render(request, "invitation.html", context, 400)
    context = {
        "next": "/",
        "error": None,
        "email": invitee.email,
        "notice": "Your password is set. Sign in with it now.",
    }
    return render(request, "login.html", context)
