"""/agency/accounts: an administrator's page of their agency's accounts.

Only administrators: a consultant is answered 404 as for any page that does not
exist (and the session gate answers candidates 404 under /agency already). Ids of
another agency's accounts are not found either: every query runs under row-level
security as the administrator's agency (afterview.server.admin).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from afterview.errors import BadInput
from afterview.server import admin, totp
from afterview.server import tables as t
from afterview.server.accounts import User
from afterview.web.pages.common import back, pop_notice, shown
from afterview.web.templating import render

if TYPE_CHECKING:
    from afterview.server.web import ServerMode

router = APIRouter(include_in_schema=False)
PAGE = "/agency/accounts"


def _mode(request: Request) -> ServerMode:
    mode: ServerMode = request.app.state.server
    return mode


def _admin(request: Request) -> User:
    return admin.require_admin(request.state.user)


@router.get(PAGE)
def accounts_page(request: Request) -> Response:
    _admin(request)
    notice, refusal = pop_notice(request)
    return shown(request, _page(request, notice=notice, error=refusal))


def _page(
    request: Request,
    *,
    notice: object = None,
    error: str | None = None,
    add_error: str | None = None,
    values: dict[str, str] | None = None,
    invited: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    user = _admin(request)
    context = {
        "user": user,
        "accounts": admin.list_accounts(_mode(request).store, user),
        "roles": t.ROLES,
        "values": values or {"role": "candidate", "timezone": user.timezone},
        "error": error,
        "add_error": add_error,
        "invited": invited,
        "notice": notice,
    }
    return render(request, "agency_accounts.html", context, status)


@router.post(PAGE)
def invite(
    request: Request,
    name: str = Form(""),
    email: str = Form(""),
    role: str = Form(""),
    timezone: str = Form(""),
) -> Response:
    """The link is on this answer only (it is not kept): no redirect."""
    mode = _mode(request)
    values = {"name": name[:200], "email": email[:320], "role": role, "timezone": timezone[:80]}
    try:
        user, token = admin.invite(
            mode.store,
            _admin(request),
            email=email,
            name=name,
            role=role,
            timezone=timezone,
            now=mode.now(),
        )
    except BadInput as exc:
        return _page(request, add_error=exc.message, values=values, status=400)
    return _page(request, invited=_invited(request, user, token))


def _invited(request: Request, user: User, token: str) -> dict[str, str]:
    base = str(request.base_url).rstrip("/")  # the Host was checked (TrustedHostMiddleware)
    return {"name": user.name, "email": user.email, "link": f"{base}/invitation/{token}"}


@router.post(PAGE + "/{user_id}/invitation")
def new_invitation(request: Request, user_id: int) -> Response:
    mode = _mode(request)
    try:
        user, token = admin.new_invitation(mode.store, _admin(request), user_id, mode.now())
    except BadInput as exc:
        return back(request, PAGE, exc.message, tone="error")
    return _page(request, invited=_invited(request, user, token))


@router.post(PAGE + "/{user_id}/disable")
def disable(request: Request, user_id: int) -> Response:
    return _set_disabled(request, user_id, True)


@router.post(PAGE + "/{user_id}/enable")
def enable(request: Request, user_id: int) -> Response:
    return _set_disabled(request, user_id, False)


def _set_disabled(request: Request, user_id: int, disabled: bool) -> Response:
    mode = _mode(request)
    try:
        user = admin.set_disabled(mode.store, _admin(request), user_id, disabled, mode.now())
    except BadInput as exc:
        return back(request, PAGE, exc.message, tone="error")
    if disabled:
        return back(request, PAGE, f"{user.name}'s account is disabled and signed out.", "warn")
    return back(request, PAGE, f"{user.name}'s account is enabled again.")


@router.post(PAGE + "/{user_id}/reset-totp")
def reset_totp(request: Request, user_id: int) -> Response:
    mode = _mode(request)
    user = totp.reset(mode.store, _admin(request), user_id, mode.now())
    return back(
        request,
        PAGE,
        f"Two-step sign-in is off for {user.name}: they sign in with their password "
        "alone and can turn it on again.",
        "warn",
    )


@router.get("/agency/audit")
def audit_page(
    request: Request, candidate: int | None = None, before: int | None = None
) -> Response:
    """The audit log: who signed in, opened a candidate's shared opportunity, recorded
    or changed what, newest first."""
    user = _admin(request)
    entries = admin.audit_log(_mode(request).store, user, candidate_id=candidate, before_id=before)
    older = entries[-1][0] if len(entries) == admin.AUDIT_PAGE else None
    return render(
        request,
        "agency_audit.html",
        {
            "user": user,
            "tz": user.timezone,
            "entries": entries,
            "older": older,
            "candidate": candidate,
        },
    )
