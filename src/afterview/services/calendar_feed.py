"""The live calendar feed: a secret URL a calendar app subscribes to once.

The token is a capability: whoever has the URL reads the plan (titles, companies,
guidance), so it is long, random, compared in constant time, and can be replaced
(`afterview export feed --reset`), which stops every old subscription at once.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime, timedelta

from afterview.services.app import App
from afterview.services.calendar_export import export_ics

META_KEY = "calendar_feed_token"
TOKEN_BYTES = 24  # 32 URL-safe characters
# How often subscribers are asked to poll: steps are planned to the hour.
REFRESH = timedelta(hours=1)


def feed_token(app: App, *, now: datetime, reset: bool = False) -> str:
    """The feed's token, made on first use; `reset` replaces it."""
    with app.transaction(now) as repo:
        token = repo.get_meta(META_KEY)
        if token is None or reset:
            token = secrets.token_urlsafe(TOKEN_BYTES)
            repo.set_meta(META_KEY, token)
    return token


def feed_path(token: str) -> str:
    return f"/calendar/{token}.ics"


def is_valid(app: App, token: str, *, now: datetime) -> bool:
    """True only for the current token (no token is made by asking)."""
    with app.transaction(now) as repo:
        current = repo.get_meta(META_KEY)
    return current is not None and hmac.compare_digest(current.encode(), token.encode())


def feed_ics(app: App, *, now: datetime) -> bytes:
    """Every open action from now on and those overdue, with alarms, as one calendar."""
    return export_ics(app, now, REFRESH)
