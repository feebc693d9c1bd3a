"""Real invitations and cards from other projects' test suites (tests/integrations/interop,
sources and licences in its SOURCES.md) through the service imports on real SQLite
files, each against the expectation written from reading the file; update sequences
from Thunderbird's invitation tests on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterview.services.app import App
from afterview.services.invites import import_invite
from afterview.services.queries import show_opportunity

from .helpers import ME
from .interop_corpus import (
    CORPUS,
    NOW,
    WRONG,
    check_cards,
    check_invite,
    expected,
    fresh_app,
    ics_cases,
    utc,
    vcf_cases,
)
from .test_invite_service import northwind


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("interop")


@pytest.mark.parametrize("path", ics_cases())
def test_invitation(folder: Path, path: str) -> None:
    app = fresh_app(folder, path)
    try:
        outcome = check_invite(app, path)
    finally:
        app.close()
    assert outcome.verdict != WRONG, outcome.detail


@pytest.mark.parametrize("path", vcf_cases())
def test_cards(folder: Path, path: str) -> None:
    app = fresh_app(folder, path)
    try:
        outcome = check_cards(app, path)
    finally:
        app.close()
    assert outcome.verdict != WRONG, outcome.detail


def test_every_file_has_an_expectation_and_a_source() -> None:
    files = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file()}
    listed = {f"ics/{p}" for p in expected()["ics"]} | {f"vcf/{p}" for p in expected()["vcf"]}
    assert files - {"expected.toml", "SOURCES.md"} == listed
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    for folder in {p.rsplit("/", 1)[0] for p in listed}:
        assert f"`{folder}/`" in sources, folder


@pytest.mark.parametrize("scenario", expected()["scenario"], ids=lambda s: s["files"][-1])
def test_update_sequence(app: App, scenario: dict[str, object]) -> None:
    opp = northwind(app)
    files = scenario["files"]
    assert isinstance(files, list)
    actions = []
    for name in files:
        data = (CORPUS / "ics" / name).read_bytes()
        result = import_invite(app, data, now=NOW, own_emails=(ME,), opp_id=opp)
        actions.append(result.action.value)
    (interview,) = show_opportunity(app, opp, NOW).opportunity.interviews
    assert actions == scenario["actions"]
    assert interview.start == utc(str(scenario["start"]))
    assert interview.cancelled is scenario["cancelled"]
