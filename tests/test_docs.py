"""The generated references in docs/ match the code (regenerate: python -m afterview.reference)."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterview import reference

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize(
    ("name", "build"),
    [("cli.md", reference.cli_reference), ("configuration.md", reference.config_reference)],
)
def test_generated_reference_is_current(name: str, build: object) -> None:
    assert callable(build)
    committed = (DOCS / name).read_text(encoding="utf-8")
    assert committed == build(), f"docs/{name} is stale: run `python -m afterview.reference`"


def test_every_setting_and_command_is_documented() -> None:
    from dataclasses import fields

    from afterview.cli.app import COMMANDS
    from afterview.playbook.settings import Settings

    config = (DOCS / "configuration.md").read_text(encoding="utf-8")
    cli = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert all(f"`{f.name}`" in config for f in fields(Settings))
    assert all(f"## afterview {name}" in cli for name in COMMANDS)
