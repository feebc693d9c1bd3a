"""`afterview check` is a whole process whose time counts (issue target: at most 3x
`hunspell -l`, docs/benchmarks.md): modules it has no use for stay unloaded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Each costs a few ms of start-up and nothing `check` on free text needs: the settings
# dataclass (no config file), P5's thank-you shape (no --kind thank-you), argparse's
# terminal-width import (shutil, with bz2 and lzma), typing, hashlib, json, difflib, gzip,
# dataclasses and the inspect module it imports (~10 ms: the records are `Frozen`).
UNWANTED = (
    "afterview.playbook.settings",
    "afterview.writing.checks.shape",
    "shutil",
    "typing",
    "hashlib",
    "json",
    "difflib",
    "gzip",
    "dataclasses",
    "inspect",
)
PROBE = """
import sys
from afterview.__main__ import main
code = main(["check", sys.argv[1], "--language", "en-GB"])
print("LOADED", *sorted(set(sys.argv[2:]) & set(sys.modules)))
"""


def _loaded(tmp_path: Path, text: str) -> tuple[list[str], str]:
    note = tmp_path / "note.txt"
    note.write_text(text, encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path), "AFTERVIEW_HOME": str(tmp_path / "av")}
    env = {k: v for k, v in env.items() if k not in ("AFTERVIEW_DB", "AFTERVIEW_CONFIG")}
    # The first run in a new home compiles the dictionary (once, with gzip and friends).
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", PROBE, str(note), *UNWANTED],
            capture_output=True, text=True, env=env, check=False,
        ).stdout  # fmt: skip
    line = next(x for x in out.splitlines() if x.startswith("LOADED"))
    return line.split()[1:], out


def test_free_text_check_loads_none_of_the_start_up_weight(tmp_path: Path) -> None:
    text = "Dear Ms Kim,\n\nThank you for the interview on Tuesday. Its been a pleasure.\n"
    loaded, out = _loaded(tmp_path, text)
    assert loaded == [], loaded
    assert "it's" in out.lower()  # and it still checked the text: the slip is reported


def test_the_console_script_ends_a_check_at_once_with_its_output_whole(tmp_path: Path) -> None:
    """`console` leaves a check with os._exit after flushing: the report, the JSON and
    the exit status arrive whole through a pipe; other commands exit as usual."""
    script = Path(sys.executable).parent / "afterview"
    note = tmp_path / "note.txt"
    note.write_text("Dear Ms Kim,\n\nI saw teh report. Its been a pleasure.\n", encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path), "AFTERVIEW_HOME": str(tmp_path / "av")}
    env = {k: v for k, v in env.items() if k not in ("AFTERVIEW_DB", "AFTERVIEW_CONFIG")}
    shown = subprocess.run(
        [str(script), "check", str(note), "--language", "en-GB"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert shown.returncode == 1, shown.stderr
    assert "“teh”" in shown.stdout
    assert shown.stdout.rstrip().endswith("(P5 asks for about 150 at most).")
    as_json = subprocess.run(
        [str(script), "check", str(note), "--json"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    import json

    assert as_json.returncode == 1
    assert any(f["rule"] == "spelling" for f in json.loads(as_json.stdout)["findings"])
    version = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, env=env, check=False
    )
    assert version.returncode == 0 and version.stdout.strip()
