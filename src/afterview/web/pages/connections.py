"""Mail & calendar: the SMTP/IMAP servers, their passwords, and the calendar subscription.

The same use cases as `afterview mail set|password` and `afterview feed`. Passwords
typed here go to the OS keyring, never to the database, and are never shown back.
On the agency server the signed-in candidate's keeper (`request.state.passwords`,
`server.mail_secrets`) keeps them encrypted on the server instead.
"""

from __future__ import annotations

import os
from typing import Any, Protocol

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from afterview.errors import AfterviewError, BadInput
from afterview.integrations import secrets
from afterview.services import calendar_feed, mail_settings
from afterview.web.pages import notices
from afterview.web.pages.calendar_feed import feed_path
from afterview.web.pages.common import back, now, pop_notice, service, shown
from afterview.web.templating import render

router = APIRouter()
SERVER_FIELDS = (
    *(
        f"{kind}_{name}"
        for kind in ("smtp", "imap")
        for name in ("host", "port", "security", "user")
    ),
    "imap_mailbox",
)
PASSWORD_FIELDS = ("smtp_password", "imap_password")


class PasswordKeeper(Protocol):
    """Where a password typed on this page goes, and what the page says about it."""

    where: str

    def keep(self, kind: str, server: mail_settings.Server, secret: str) -> str: ...

    def status(self, kind: str, server: mail_settings.Server | None) -> str: ...


class KeyringKeeper:
    """The single-user app's: the OS keyring (or the environment, when set there)."""

    where = (
        "A password typed here goes to your system's keyring, never to Afterview's "
        "database; use an app password where your provider offers one."
    )

    def keep(self, kind: str, server: mail_settings.Server, secret: str) -> str:
        secrets.store_password(kind, server, secret)
        return "kept in the keyring"

    def status(self, kind: str, server: mail_settings.Server | None) -> str:
        return _password_status(kind, server)


KEYRING = KeyringKeeper()


def keeper(request: Request) -> PasswordKeeper:
    found: PasswordKeeper | None = getattr(request.state, "passwords", None)
    return found or KEYRING


@router.get("/settings/mail", response_class=HTMLResponse, summary="Mail & calendar")
def connections_page(request: Request) -> Response:
    notice, problem = pop_notice(request)
    return shown(request, _page(request, notice=notice, problem=problem))


@router.post("/settings/mail", summary="Save the mail servers")
async def save_servers(request: Request) -> Response:
    form = await request.form()
    posted = {name: _raw(form, name) for name in SERVER_FIELDS}
    passwords = {name: _raw(form, name) for name in PASSWORD_FIELDS}
    app = service(request)
    try:
        for kind in ("smtp", "imap"):
            if passwords[f"{kind}_password"] and not posted[f"{kind}_host"].strip():
                raise BadInput(f"Give the {kind.upper()} server before its password.")
        saved = await run_in_threadpool(lambda: mail_settings.save(app, now=now(), **posted))
    except AfterviewError as exc:
        return _page(request, values=posted, error=_form_words(exc.message), status=400)
    stored = []
    where = ""
    try:
        for kind, server in (("smtp", saved.smtp), ("imap", saved.imap)):
            secret = passwords[f"{kind}_password"]
            if secret and server is not None:
                where = await run_in_threadpool(keeper(request).keep, kind, server, secret)
                stored.append(kind.upper())
    except AfterviewError as exc:  # the servers are saved; say so, and why the password is not
        return _page(
            request,
            error=f"The servers were saved, but not the password: {exc.message}",
            status=400,
        )
    notice = "Mail servers saved."
    if stored:
        notice += f" {' and '.join(stored)} password {where}."
    return back(request, "/settings/mail", notice)


@router.post("/settings/mail/feed", summary="Make or replace the calendar address")
def replace_feed(request: Request) -> Response:
    app = service(request)
    had = _current_token(app) is not None
    calendar_feed.feed_token(app, now=now(), reset=had)
    notice = (
        "A new calendar address: subscribe to it again; the old one no longer answers."
        if had
        else "Your calendar address is ready: subscribe to it in your calendar app."
    )
    return back(request, "/settings/mail", notice)


def _current_token(app: Any) -> str | None:
    with app.transaction(now()) as repo:
        token = repo.get_meta(calendar_feed.META_KEY)
    return None if token is None else str(token)


def _page(
    request: Request,
    *,
    notice: str | notices.Notice | None = None,
    values: dict[str, str] | None = None,
    error: str | None = None,
    problem: str | None = None,
    status: int = 200,
) -> Response:
    from afterview.playbook.timing import describe_local
    from afterview.services import outbox

    app = service(request)
    saved = mail_settings.load(app, now())
    waiting = [
        {"entry": e, "when": describe_local(e.next_attempt_at, app.timezone)}
        for e in outbox.list_entries(
            app, now=now(), states=("queued", "sending", "uncertain", "failed")
        )
    ]
    if values is None:
        values = dict.fromkeys(SERVER_FIELDS, "")
        for kind, server in (("smtp", saved.smtp), ("imap", saved.imap)):
            if server is not None:
                values |= {
                    f"{kind}_host": server.host,
                    f"{kind}_port": ""  # empty follows the security, as the help says
                    if server.port == mail_settings.DEFAULT_PORTS[(kind, server.security)]
                    else str(server.port),
                    f"{kind}_security": server.security,
                    f"{kind}_user": server.user or "",
                }
        values["imap_mailbox"] = saved.imap_mailbox
    token = _current_token(app)
    base = str(request.base_url).rstrip("/")
    return render(
        request,
        "connections.html",
        {
            "notice": notice,
            "values": values,
            "error": error,
            "password_status": {
                kind: keeper(request).status(kind, server)
                for kind, server in (("smtp", saved.smtp), ("imap", saved.imap))
            },
            "password_where": keeper(request).where,
            "on_server": getattr(request.state, "jobs", None) is not None,
            "feed_url": f"{base}{feed_path(request, token)}" if token else None,
            "securities": mail_settings.SECURITY,
            "problem": problem,
            "outbox": waiting,
            "smtp_set": saved.smtp is not None,
            "imap_set": saved.imap is not None,
        },
        status=status,
    )


def _password_status(kind: str, server: mail_settings.Server | None) -> str:
    if server is None:
        return "Now: none (set the server first)."
    if os.environ.get(secrets.env_name(kind)):
        return f"Now: taken from {secrets.env_name(kind)} in the environment."
    if secrets.password(kind, server):
        return "Now: kept in the keyring."
    return "Now: none yet."


def _form_words(message: str) -> str:
    for name in SERVER_FIELDS:
        label = name.replace("_", " ").replace("smtp", "SMTP").replace("imap", "IMAP")
        message = message.replace(f"--{name.replace('_', '-')}", f"“{label}”")
    return message


def _raw(form: Any, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""
