"""The agency server's web side: sign-in, the session gate, and per-account routing.

Every request but the sign-in page and static files needs a session. A candidate's
request runs the single-user pages and API unchanged, on their own schema and role
(`ServerStore.candidate_app`); staff (admins, consultants) have pages of their own
and reach no candidate's pages. What acts for the whole machine in single-user mode
is per account here: the playbook settings (saved with the account), the calendar
feed (`server.calendar`, an address naming the account), and mail: a candidate's servers are in
their own schema, their passwords encrypted with the server's key
(`mail_secrets`), and the "send now" / "read replies now" buttons queue a job for
the workers (`queue`) instead of talking to a mail server from the web process.
The MCP endpoint is not served by the agency server.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import UTC, datetime
from threading import Lock
from typing import TYPE_CHECKING
from urllib.parse import quote

from anyio import to_thread
from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from afterview.playbook.settings import Settings
from afterview.server import accounts, sharing
from afterview.server.accounts import User
from afterview.server.mail_secrets import AccountPasswords
from afterview.server.queue import CandidateJobs, JobQueue
from afterview.web import security
from afterview.web.templating import render

if TYPE_CHECKING:
    from afterview.server.server_key import ServerKey
    from afterview.server.store import ServerStore
    from afterview.services.app import App

COOKIE = "afterview_session"
SECURE_COOKIE = "__Host-afterview_session"  # __Host-: Secure, Path=/, no Domain (RFC 6265bis)
OPEN_PATHS = (
    "/login",
    "/static/",
    "/healthz",
    "/minimal",
    "/favicon.ico",
    "/invitation/",
    "/calendar/",
)
STAFF_PATHS = ("/agency", "/logout", "/account")
APPS_KEPT = 512


class ServerMode:
    """What `create_app` needs to serve accounts instead of one user."""

    def __init__(
        self,
        store: ServerStore,
        *,
        hosts: list[str],
        secure_cookies: bool,
        clock: datetime | None = None,
        key: ServerKey | None = None,
        jobs: JobQueue | None = None,
    ) -> None:
        self.store = store
        self.hosts = hosts
        self.secure = secure_cookies
        self.clock = clock
        self.key = key  # mail passwords cannot be kept without it (mail_secrets.NO_KEY)
        self.jobs = jobs or JobQueue(store)
        self._apps: OrderedDict[int, tuple[App, tuple[int, str]]] = OrderedDict()
        self._lock = Lock()

    @property
    def cookie(self) -> str:
        return SECURE_COOKIE if self.secure else COOKIE

    def now(self) -> datetime:
        return self.clock or datetime.now(UTC)

    def add_gate(self, app: FastAPI) -> None:
        app.add_middleware(SessionGate, mode=self)

    def install(self, app: FastAPI) -> None:
        from afterview.server import (
            account_pages,
            admin_pages,
            agency_pages,
            calendar,
            sharing_pages,
        )

        app.state.server = self
        app.include_router(router)
        app.include_router(agency_pages.router)
        app.include_router(sharing_pages.router)
        app.include_router(calendar.router)
        app.include_router(account_pages.router)
        app.include_router(admin_pages.router)

    def service_for(self, user: User) -> App:
        """One service per candidate, kept while in use (they share one pool); made
        afresh when the account's settings or zone changed (in any process)."""
        with self._lock:
            found = self._apps.get(user.id)
            if found is not None and found[1] == (user.settings_version, user.timezone):
                self._apps.move_to_end(user.id)
                return found[0]
        made = self.store.candidate_app(user.id, user.timezone, self._settings(user))
        with self._lock:
            self._apps[user.id] = (made, (user.settings_version, user.timezone))
            while len(self._apps) > APPS_KEPT:
                self._apps.popitem(last=False)
        return made

    def _settings(self, user: User) -> Settings:
        if user.settings_version == 0:
            return Settings()
        return accounts.settings_of(self.store, user.agency_id, user.id)

    def save_settings(self, user: User, app: App, changes: dict[str, str]) -> None:
        """The settings page's save on the server: into the account, not a file."""
        from afterview.config import Config
        from afterview.playbook.settings import from_plain

        values, zone = accounts.save_settings(self.store, user, changes, self.now())
        app.config = Config(settings=from_plain(dict(values)), timezone=zone)
        app.__dict__.pop("calendar", None)  # a cached_property built from the old settings

    def shared_with(self, user: User, opp_id: int) -> str:
        """One sentence for the candidate's opportunity page: who sees what of it."""
        from afterview.server import projection

        parts = sharing.parts_by_opportunity(self.store, user).get(opp_id)
        live = [link.consultant for link in sharing.links(self.store, user) if link.state == "live"]
        if not parts or not live:
            return ""
        names = ", ".join(projection.PARTS[p][0] for p in parts)
        return f"Shared with {' and '.join(live)}: {names}."

    def session_cookie(self, token: str, max_age: int) -> str:
        secure = "; Secure" if self.secure else ""
        return f"{self.cookie}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"


class SessionGate:
    """Pure ASGI: resolves the session cookie once per request and puts the user (and
    a candidate's service) on the request's state; otherwise sends to sign-in."""

    def __init__(self, app: ASGIApp, mode: ServerMode) -> None:
        self.app = app
        self.mode = mode

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        send = self._secure_cookies(send) if self.mode.secure else send
        if path.startswith(OPEN_PATHS):
            await self.app(scope, receive, send)
            return
        token = _cookie(scope, self.mode.cookie)
        user = await to_thread.run_sync(accounts.resolve, self.mode.store, token, self.mode.now())
        if user is None:
            await _refuse(scope, receive, send, 401, "Sign in first.", login=True)
            return
        state = scope.setdefault("state", {})
        state["user"] = user
        state["session_token"] = token
        method = "GET" if scope["method"] == "HEAD" else scope["method"]
        staff_path = path.startswith(STAFF_PATHS)
        if user.role != "candidate":
            if not staff_path:
                if path.startswith("/api/") or method != "GET":
                    await _refuse(scope, receive, send, 404, "There is no such page.")
                else:
                    await _redirect(scope, receive, send, "/agency")
                return
        else:
            if path.startswith("/agency"):
                await _refuse(scope, receive, send, 404, "There is no such page.")
                return
            service = state["service"] = self.mode.service_for(user)
            state["passwords"] = AccountPasswords(
                self.mode.store, self.mode.key, user.id, user.agency_id
            )
            state["jobs"] = CandidateJobs(self.mode.jobs, user.id)
            await self.app(scope, receive, send)
            if method not in ("GET", "OPTIONS"):
                # Whatever the request changed, the consultant's copy follows (sharing).
                await to_thread.run_sync(
                    sharing.publish_quietly, self.mode.store, user, service, self.mode.now()
                )
            return
        await self.app(scope, receive, send)

    @staticmethod
    def _secure_cookies(send: Send) -> Send:
        """Every cookie we set says Secure when the server is behind HTTPS."""

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = message["headers"] = list(message.get("headers", ()))
                headers = MutableHeaders(raw=raw)
                cookies = headers.getlist("set-cookie")
                if cookies:
                    del headers["set-cookie"]
                    for cookie in cookies:
                        extra = "" if "; secure" in cookie.lower() else "; Secure"
                        headers.append("set-cookie", cookie + extra)
            await send(message)

        return secured


def _cookie(scope: Scope, name: str) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == b"cookie":
            for part in value.decode("latin-1").split(";"):
                k, _, v = part.strip().partition("=")
                if k == name:
                    return str(v)
    return None


async def _redirect(scope: Scope, receive: Receive, send: Send, url: str) -> None:
    await RedirectResponse(url, status_code=303)(scope, receive, send)


async def _refuse(
    scope: Scope, receive: Receive, send: Send, status: int, message: str, login: bool = False
) -> None:
    """A page for the browser's GETs (sign-in first when there is no session), JSON
    for the API and for anything else."""
    from fastapi.responses import JSONResponse
    from starlette.requests import Request as StarletteRequest

    path: str = scope["path"]
    page = scope["method"] in ("GET", "HEAD") and not path.startswith("/api/")
    if page and login:
        query = scope.get("query_string", b"").decode("latin-1")
        target = path + (f"?{query}" if query else "")
        await _redirect(scope, receive, send, f"/login?next={quote(target, safe='')}")
    elif page:
        request = StarletteRequest(scope, receive)
        answer = render(request, "error.html", {"message": message, "status": status}, status)
        await answer(scope, receive, send)
    else:
        await JSONResponse({"error": message}, status_code=status)(scope, receive, send)


# --- pages ---------------------------------------------------------------------------

router = APIRouter(include_in_schema=False)


def _mode(request: Request) -> ServerMode:
    mode: ServerMode = request.app.state.server
    return mode


@router.get("/healthz")
def healthz() -> Response:
    return Response("ok", media_type="text/plain")


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", {"next": _local(next), "error": None, "email": ""})


@router.post("/login")
def login(
    request: Request,
    email: str = Form(""),
    password: str = Form(""),
    next: str = Form("/"),
) -> Response:
    mode = _mode(request)
    ip = request.client.host if request.client else "unknown"
    try:
        token, user = accounts.login(mode.store, email, password, ip=ip, now=mode.now())
    except accounts.CodeNeeded as needed:  # two-step sign-in: no session yet
        from afterview.server.account_pages import code_page

        return code_page(request, needed.pending, _local(next))
    except (accounts.LoginRefused, accounts.Throttled) as exc:
        page = render(
            request,
            "login.html",
            {"next": _local(next), "error": exc.message, "email": email[:320]},
            status=exc.http_status,
        )
        return page
    target = _local(next) if user.role == "candidate" else "/agency"
    response = RedirectResponse(target, status_code=303)
    response.headers.append(
        "set-cookie", mode.session_cookie(token, int(accounts.SESSION_LIFETIME.total_seconds()))
    )
    # A fresh CSRF token too: nothing planted before sign-in survives it.
    response.headers.append("set-cookie", security.cookie_header(_new_token()))
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    mode = _mode(request)
    user: User = request.state.user
    accounts.logout(mode.store, user, request.state.session_token, mode.now())
    response = RedirectResponse("/login", status_code=303)
    response.headers.append("set-cookie", mode.session_cookie("", 0))
    return response


def _new_token() -> str:
    import secrets

    return secrets.token_urlsafe(32)


def _local(target: str) -> str:
    """Only a path on this server (never //other.site or a scheme) after sign-in."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in target):
        return "/"
    return target


# --- the worker processes of `afterview server run` -----------------------------------

SETUP_ENV = "AFTERVIEW_SERVER_SETUP"


def encode_setup(
    url: str, prefix: str, hosts: list[str], *, secure: bool, key_file: str | None = None
) -> str:
    import json

    setup = {"url": url, "prefix": prefix, "hosts": hosts, "secure": secure}
    return json.dumps(setup | {"key_file": key_file})


def from_environment() -> FastAPI:
    """The app of each worker process (set up by `afterview server run`)."""
    import json
    import os

    from afterview.server import server_key
    from afterview.server.naming import Naming
    from afterview.server.store import ServerStore
    from afterview.web.app import create_app, freeze_heap

    setup = json.loads(os.environ[SETUP_ENV])
    store = ServerStore.open(setup["url"], Naming(setup["prefix"]))
    mode = ServerMode(
        store,
        hosts=setup["hosts"],
        secure_cookies=setup["secure"],
        key=server_key.load(setup.get("key_file")),
    )
    app = create_app(None, server=mode)
    freeze_heap()
    return app
