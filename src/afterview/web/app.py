"""The FastAPI application: pages, the JSON API, static assets, and one error policy.

`create_app(service)` wires everything to one service-layer `App`, so the web and
the CLI are two faces of the same use cases. Routes are plain `def`s: the service
layer is synchronous and runs in the server's thread pool.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from afterview import __version__
from afterview.errors import AfterviewError
from afterview.services.app import App
from afterview.web import security
from afterview.web.read_cache import ReadCache
from afterview.web.static_files import STATIC, FingerprintedStatic
from afterview.web.templating import render

TYPE_CHECKING = False
if TYPE_CHECKING:
    from afterview.server.web import ServerMode

log = logging.getLogger("afterview.web")
# Smaller answers are not worth the CPU; level 6 costs a third of level 9's time
# for 1-2% more bytes (Today: 77 kB → 5 kB in 0.5 ms, docs/benchmarks.md#web).
GZIP_MINIMUM = 500
GZIP_LEVEL = 6


def create_app(
    service: App | None,
    *,
    bound_host: str = "127.0.0.1",
    clock: datetime | None = None,
    server: ServerMode | None = None,
) -> FastAPI:
    """The single-user app on `service`; or, with `server`, the agency server's app,
    whose every request runs as the signed-in account (afterview.server.web)."""
    app = FastAPI(
        title="Afterview",
        version=__version__,
        description="The candidate's companion after a job interview: the local JSON API.",
        docs_url=None,  # Swagger UI loads from a CDN; the app must work offline
        redoc_url=None,
        openapi_url="/api/openapi.json",
        dependencies=[Depends(security.verify_csrf)],
    )
    app.state.service = service
    # Server mode caches nothing: the cache's keys do not say whose answer it is.
    app.state.read_cache = ReadCache(service.url if service is not None else "")
    from afterview.web.pages.common import freeze_clock

    # The wall clock unless frozen: an earlier app's clock never lingers.
    freeze_clock(clock or (server.clock if server else None))
    _middleware(app, bound_host, server)
    app.mount("/static", FingerprintedStatic(directory=STATIC), name="static")
    _errors(app)

    @app.get("/minimal", include_in_schema=False)
    async def minimal() -> PlainTextResponse:
        """The benchmark's baseline: the same framework doing nothing (docs/benchmarks.md)."""
        return PlainTextResponse("ok")

    from afterview.web import api, pages

    # in the order they are matched: the busiest first (see pages/__init__.py)
    app.include_router(pages.first)
    app.include_router(api.router)
    app.include_router(pages.router)
    if server is not None:
        server.install(app)
        return app
    assert service is not None
    from afterview.mcp.http import mount_mcp

    mount_mcp(app, service, bound_host, clock)  # outermost: /mcp skips gzip (docs/assistants.md)
    return app


def from_environment() -> FastAPI:
    """The app for each worker of `afterview serve --workers N` (set up by that command)."""
    import os

    from afterview.parsing import parse_datetime

    db, demo, host, at = os.environ["AFTERVIEW_SERVE"].split("\n")
    service = App.open(db or None, demo=demo == "1")
    clock = parse_datetime(at, service.timezone) if at else None
    app = create_app(service, bound_host=host, clock=clock)
    freeze_heap()
    return app


def freeze_heap() -> None:
    """Everything loaded so far lives as long as the server: out of the collector's
    sight, full collections stay short, and so do the slowest responses."""
    import gc

    gc.collect()
    gc.freeze()


def _middleware(app: FastAPI, bound_host: str, server: ServerMode | None) -> None:
    """Outermost last: HEAD as GET, then the security headers on every answer
    (the Host check's refusals included), then the Host check, then (server mode)
    the session gate, then compression."""
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM, compresslevel=GZIP_LEVEL)
    if server is not None:
        server.add_gate(app)
    hosts = server.hosts if server is not None else security.allowed_hosts(bound_host)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    app.add_middleware(security.SecurityHeaders)
    app.add_middleware(security.HeadAsGet)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(AfterviewError)
    async def afterview_error(request: Request, exc: AfterviewError) -> Response:
        return _error(request, exc.http_status, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": "Invalid request.", "detail": _plain(exc)}, 422)
        return _error(request, 422, "Some of what was sent could not be read. " + _first(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = "There is no such page." if exc.status_code == 404 else str(exc.detail)
        headers = exc.headers
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": _allowed_methods(request)}
        return _error(request, exc.status_code, message, headers)

    @app.exception_handler(OverflowError)
    async def huge_id(request: Request, exc: OverflowError) -> Response:
        """An id past what the database can hold names nothing that exists."""
        return _error(request, 404, "There is no such record (the id is out of range).")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        print(f"afterview: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return _error(
            request, 500, "Something went wrong on our side; nothing was changed. Please try again."
        )


def _error(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    """The error as JSON or a page. The security headers are set here too: a 500 is
    answered outside the middleware stack."""
    extra = {**dict(security.DEFAULT_HEADERS), **(headers or {})}
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status, headers=extra)
    page = render(request, "error.html", {"message": message, "status": status}, status=status)
    for name, value in (headers or {}).items():
        page.headers[name] = value
    return page


def _allowed_methods(request: Request) -> str:
    """Every method some route answers at this path. Starlette names only the first
    route's (GET /api/drafts), though POST /api/drafts is a route of its own; asking
    each route whether it would take each method works however routers are nested."""
    from starlette.routing import Match

    routes = request.app.router.routes
    allowed = [
        method
        for method in ("DELETE", "GET", "PATCH", "POST", "PUT")
        if any(r.matches({**request.scope, "method": method})[0] is Match.FULL for r in routes)
    ]
    return ", ".join(allowed)


def _wants_json(request: Request) -> bool:
    return (
        request.url.path.startswith("/api/")
        or "application/json" in request.headers.get("accept", "").split(",")[0]
    )


def _plain(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
        for e in exc.errors()
    ]


def _first(exc: RequestValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return ""
    where = " → ".join(str(p) for p in errors[0].get("loc", ())[1:])
    return f"({where}: {errors[0].get('msg', '')})"
