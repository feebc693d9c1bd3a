"""`afterview check` works on a machine without /usr/share/dict (P5: spelling is checked
everywhere): the system lists are hidden with AFTERVIEW_DICT_DIR, in a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

EMAIL = (
    "Dear Priya,\n\nThank you for your time today. I enjoyed hearing about the new "
    "analytics platform and would be glad to send any further information.\n\n"
    "Kind regards,\nSam"
)


def run_check(tmp_path: Path, text: str, language: str) -> subprocess.CompletedProcess[str]:
    empty = tmp_path / "no-dict"
    empty.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "AFTERVIEW_DICT_DIR": str(empty),
        "AFTERVIEW_CACHE": str(tmp_path / "cache"),
        "AFTERVIEW_HOME": str(tmp_path / "home"),
    }
    env.pop("AFTERVIEW_DICTIONARY", None)
    return subprocess.run(
        [sys.executable, "-m", "afterview", "check", "-", "--language", language, "--json"],
        input=text,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_check_works_with_the_system_lists_hidden(tmp_path: Path) -> None:
    clean = run_check(tmp_path, EMAIL, "en-GB")
    assert clean.returncode == 0, clean.stderr
    assert json.loads(clean.stdout)["errors"] == 0

    slipped = run_check(tmp_path, EMAIL.replace("enjoyed", "enjoyd"), "en-US")
    assert slipped.returncode == 1, slipped.stderr
    findings = json.loads(slipped.stdout)["findings"]
    spelling = [f for f in findings if f["rule"] == "spelling"]
    assert [f["suggestions"][0] for f in spelling] == ["enjoyed"]
    assert any(p.name.startswith("spelling-en-US") for p in (tmp_path / "cache").iterdir())
