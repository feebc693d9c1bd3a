"""/mcp on `afterview serve`: the same MCP server as Streamable HTTP, behind a bearer token.

`mount_mcp` puts a gate in front of the whole web app, so a request for /mcp is
answered before any other middleware sees it: gzip never buffers the event stream,
and the pages' CSRF check (meant for browsers) does not apply to a token-bearing
client. Without `Authorization: Bearer <afterview mcp token>` the answer is 401.

The SDK's session manager runs for the app's lifespan; it (and the SDK, a heavy
import) is loaded when the server starts, not when the app is built.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from afterview.services.app import App

PATH = "/mcp"
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGI = Callable[[Scope, Receive, Send], Awaitable[None]]


class Endpoint:
    """The MCP handler while the app's lifespan runs (None before and after)."""

    handler: ASGI | None = None


class McpGate:
    """Outermost ASGI layer: /mcp goes to the MCP session manager, the rest to the app."""

    def __init__(self, app: ASGI, service: App, endpoint: Endpoint) -> None:
        self.app = app
        self.service = service
        self.endpoint = endpoint

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or (path != PATH and not path.startswith(f"{PATH}/")):
            await self.app(scope, receive, send)
            return
        if not await self._authorised(scope):
            await _plain(send, 401, "Give the token from `afterview mcp token` as a Bearer token.")
            return
        handler = self.endpoint.handler
        if handler is None:
            await _plain(send, 503, "The MCP endpoint starts with the server; try again.")
            return
        await handler(scope, receive, send)

    async def _authorised(self, scope: Scope) -> bool:
        import anyio

        from afterview.services.mcp_token import is_valid

        headers = dict(scope.get("headers") or [])
        scheme, _, token = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return False
        return await anyio.to_thread.run_sync(
            lambda: is_valid(self.service, token.strip(), now=datetime.now(UTC))
        )


def mount_mcp(app: FastAPI, service: App, bound_host: str, clock: datetime | None) -> None:
    """Serve MCP at /mcp in front of `app`; its session manager lives with the app."""
    from afterview.web.security import allowed_hosts

    hosts = allowed_hosts(bound_host)
    endpoint = Endpoint()
    app.add_middleware(McpGate, service=service, endpoint=endpoint)
    outer = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(asgi: Any) -> AsyncIterator[Any]:
        from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
        from mcp.server.transport_security import TransportSecuritySettings

        from afterview.mcp.server import build_server

        manager = StreamableHTTPSessionManager(
            app=build_server(service, clock=clock),
            security_settings=TransportSecuritySettings(
                allowed_hosts=[f"{h}:*" for h in hosts] + hosts,
                allowed_origins=[f"http://{h}:*" for h in hosts],
            ),
        )
        async with manager.run():
            endpoint.handler = manager.asgi_app
            try:
                async with outer(asgi) as state:
                    yield state
            finally:
                endpoint.handler = None

    app.router.lifespan_context = lifespan


async def _plain(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    if status == 401:
        headers.append((b"www-authenticate", b'Bearer realm="afterview"'))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
