"""`afterview feed`: the live calendar's secret address, stable until reset."""

from __future__ import annotations

import re

from .conftest import Runner

ADDRESS = re.compile(r"^http://127\.0\.0\.1:8765/calendar/([A-Za-z0-9_-]{32})\.ics$")


def test_the_address_is_stable_until_reset(run_default: Runner) -> None:
    first = run_default.ok("feed").stdout.strip()
    match = ADDRESS.match(first)
    assert match, first
    assert run_default.ok("feed").stdout.strip() == first
    reset = run_default.ok("feed", "--reset")
    assert reset.stdout.strip() != first
    assert ADDRESS.match(reset.stdout.strip())
    assert "the old one no longer answers" in reset.stderr
    other = run_default.ok("feed", "--host", "::1", "--port", "9000").stdout.strip()
    assert other.startswith("http://[::1]:9000/calendar/")
