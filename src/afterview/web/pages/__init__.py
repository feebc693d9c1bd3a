"""The HTML pages, one module per page; each module owns its routes and templates."""

from __future__ import annotations

import importlib

from fastapi import APIRouter

# Modules under afterview.web.pages, each exposing `router`.
PAGES = (
    "today",
    "opportunities",
    "interview",
    "reports",
    "settings",
    "drafts",
    "calendar_feed",
    "imports",
    "connections",
    "outbox",
)

# Pages are HTML for people; the JSON API (/api) is the documented, fuzzed contract.
router = APIRouter(include_in_schema=False)
for _name in PAGES:
    try:
        _module = importlib.import_module(f"afterview.web.pages.{_name}")
    except ModuleNotFoundError as exc:  # a page still being written
        if exc.name != f"afterview.web.pages.{_name}":
            raise
        continue
    router.include_router(_module.router)
