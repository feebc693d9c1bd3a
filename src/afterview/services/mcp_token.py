"""The bearer token that opens `/mcp` on `afterview serve` to an AI assistant.

Stored like the calendar feed's token: made on first use, long and random, compared
in constant time, and replaced by `afterview mcp token --reset`, which locks out
every client still holding the old one at its next request.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime

from afterview.services.app import App

META_KEY = "mcp_token"
TOKEN_BYTES = 32  # 43 URL-safe characters


def mcp_token(app: App, *, now: datetime, reset: bool = False) -> str:
    """The token, made on first use; `reset` replaces it."""
    with app.transaction(now) as repo:
        token = repo.get_meta(META_KEY)
        if token is None or reset:
            token = secrets.token_urlsafe(TOKEN_BYTES)
            repo.set_meta(META_KEY, token)
    return token


def is_valid(app: App, token: str, *, now: datetime) -> bool:
    """True only for the current token; asking never makes one."""
    with app.transaction(now) as repo:
        current = repo.get_meta(META_KEY)
    return current is not None and hmac.compare_digest(current.encode(), token.encode())
