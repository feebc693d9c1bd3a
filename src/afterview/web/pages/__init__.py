"""The HTML pages, one module per page; each module owns its routes and templates."""

from __future__ import annotations

import importlib

from fastapi import APIRouter

# Routes are matched in order, at a few microseconds each (FastAPI walks every
# included router): Today, the page reloaded most, is included before the API and
# the other pages (web/app.py), which are then in menu order.
FIRST = "today"
PAGES = (
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
first = APIRouter(include_in_schema=False)
first.include_router(importlib.import_module(f"afterview.web.pages.{FIRST}").router)
router = APIRouter(include_in_schema=False)
for _name in PAGES:
    router.include_router(importlib.import_module(f"afterview.web.pages.{_name}").router)
