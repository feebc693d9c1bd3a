"""What every page handler shares: the service, the clock, redirects and form errors."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from afterview.services.app import App
from afterview.web.pages import notices
from afterview.web.pages.notices import Notice, Tone


def service(request: Request) -> App:
    """The single-user app's one service; on the agency server, the signed-in
    candidate's (set by `server.web.SessionGate`)."""
    app: App = getattr(request.state, "service", None) or request.app.state.service
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


def back(
    request: Request, url: str, notice: str | Notice | None = None, tone: Tone = "ok"
) -> RedirectResponse:
    """POST → redirect → GET, so a reload never repeats an action; the notice rides
    in a signed one-shot cookie (pages/notices.py), never in the URL."""
    if isinstance(notice, str):
        notice = Notice(notice, tone)
    return notices.redirect(request, url, notice)


def form_text(form: Any, name: str) -> str | None:
    value = form.get(name)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return None


def pop_notice(request: Request) -> tuple[Notice | None, str | None]:
    """The one-shot notice for this page: (a notice to show, or a refusal's text for
    pages that show refusals in their own place). Pair with `shown` on the response."""
    notice = notices.take(request)
    if notice is not None and notice.tone == "error":
        return None, notice.text
    return notice, None


def shown(request: Request, response: Response) -> Response:
    """The response, with the notice it showed forgotten (a reload shows it no more)."""
    return notices.forget(request, response)
