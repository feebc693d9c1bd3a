"""The README's tour is a real session: each `$ afterview …` line is run through the
console script, in order, on a fresh database, and must print exactly what is shown."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def tour() -> list[tuple[str, str]]:
    """(command, expected output) pairs from the README's console blocks."""
    text = README.read_text(encoding="utf-8")
    steps: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        command: str | None = None
        output: list[str] = []
        lines = block.splitlines()
        while lines:
            line = lines.pop(0)
            if line.startswith("$ "):
                if command is not None:
                    steps.append((command, "\n".join(output)))
                command, output = line[2:], []
                while command.endswith("\\"):
                    command = command[:-1] + lines.pop(0).strip()
            else:
                output.append(line)
        if command is not None:
            steps.append((command, "\n".join(output)))
    return steps


def console_script() -> str:
    found = shutil.which("afterview", path=os.path.dirname(sys.executable))
    assert found, "the afterview console script is not installed in this environment"
    return found


@pytest.mark.slow
def test_readme_tour_prints_what_it_shows(tmp_path: Path) -> None:
    steps = tour()
    assert len(steps) >= 8, "the README tour lost its commands"
    env = {
        **os.environ,
        "AFTERVIEW_HOME": str(tmp_path),
        "AFTERVIEW_TZ": "Europe/London",
        "COLUMNS": "200",
    }  # fmt: skip  (a wide terminal: lines as the README shows them)
    env.pop("AFTERVIEW_DB", None)
    for command, expected in steps:
        argv = shlex.split(command)
        assert argv[0] == "afterview"
        result = subprocess.run(
            [console_script(), *argv[1:]],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            cwd=README.parent,  # the tour names files of the repository (docs/examples/)
        )
        printed = (result.stdout + result.stderr).rstrip("\n")
        assert printed == expected.rstrip("\n"), command
        refused = printed.startswith("afterview:")
        assert (result.returncode == 2) if refused else (result.returncode == 0), command
