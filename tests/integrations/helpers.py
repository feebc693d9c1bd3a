"""Fixtures' files, clocks and an App for the integration tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from afterview.config import Config
from afterview.playbook.settings import Settings
from afterview.services.app import App
from afterview.services.backup import export_json

FIXTURES = Path(__file__).parent / "fixtures"
TZ = "Europe/London"
LONDON = ZoneInfo(TZ)
ME = "alex.candidate@mailbox.example"  # the candidate in every fixture


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def at(day: int, hour: int, minute: int = 0, month: int = 3, tz: str = TZ) -> datetime:
    """A wall-clock moment of 2026 (London by default; 10 March 2026 is a Tuesday)."""
    return datetime(2026, month, day, hour, minute, tzinfo=ZoneInfo(tz))


def make_app(url: str, **settings: Any) -> App:
    return App(url=url, config=Config(settings=replace(Settings(), **settings), timezone=TZ))


def content(app: App) -> dict[str, Any]:
    """Every recorded row; equal before and after a refused import."""
    tables = export_json(app, at(1, 0))["tables"]
    tables.pop("_id_counters")  # PostgreSQL sequences advance even when rolled back
    return tables  # type: ignore[no-any-return]
