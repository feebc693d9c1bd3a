"""The HTML pages, one module per page; each module owns its routes and templates."""

from __future__ import annotations

import importlib

from fastapi import APIRouter

# Modules under afterview.web.pages, each exposing `router`.
PAGES = ("today",)

router = APIRouter()
for _name in PAGES:
    router.include_router(importlib.import_module(f"afterview.web.pages.{_name}").router)
