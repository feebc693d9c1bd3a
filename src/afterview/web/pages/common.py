"""What every page handler shares: the service, the clock, redirects and form errors."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse

from afterview.services.app import App


def service(request: Request) -> App:
    app: App = request.app.state.service
    return app


_frozen: list[datetime] = []  # empty: the wall clock


def now() -> datetime:
    """The adapter's clock; use cases always receive `now` from here.

    `afterview serve --at TIME` freezes it (demos, screenshots, the benchmark on a
    generated database whose "now" is fixed); otherwise it is the wall clock.
    """
    return _frozen[0] if _frozen else datetime.now(UTC)


def freeze_clock(moment: datetime | None) -> None:
    _frozen[:] = [moment] if moment is not None else []


def back(url: str, notice: str | None = None) -> RedirectResponse:
    """POST → redirect → GET, so a reload never repeats an action."""
    from urllib.parse import quote

    target = f"{url}{'&' if '?' in url else '?'}notice={quote(notice)}" if notice else url
    return RedirectResponse(target, status_code=303)


def form_text(form: Any, name: str) -> str | None:
    value = form.get(name)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return None
