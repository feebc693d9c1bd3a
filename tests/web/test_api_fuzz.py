"""Schemathesis against the served OpenAPI schema: no input makes the server fail (500).

Runs the real `schemathesis` command against a live server on the demo data, with
a valid CSRF token so state-changing operations are exercised, not just refused.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from afterview.services import demo

from .conftest import Live

TOKEN = "t" * 43  # a well-formed token; the cookie and the header must match


@pytest.mark.slow
def test_no_request_makes_a_server_error(live: Live, tmp_path: Path) -> None:
    demo.seed(live.service, datetime.now(UTC))
    command = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    assert command, "schemathesis is a test dependency: pip install -e '.[test]'"
    result = subprocess.run(
        [
            command, "run", f"{live.url}/api/openapi.json",
            "--checks", "not_a_server_error",
            "--max-examples", "15",
            "--seed", "20261125",
            "--workers", "1",
            "-H", f"X-CSRF-Token: {TOKEN}",
            "-H", f"Cookie: afterview_csrf={TOKEN}",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # its cache folder goes here, not into the repository
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Server error" not in result.stdout and " passed" in result.stdout
