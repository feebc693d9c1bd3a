"""Bounded fuzzing (issue 12): the debrief reader and `import json` either take a
document or refuse it with BadInput, never another exception; and whatever one path
accepts survives export json → import json unchanged, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterview.errors import BadInput
from afterview.playbook.facts import Channel, ContactKind, PersonRole, Route
from afterview.services import records
from afterview.services.app import App
from afterview.services.backup import export_json, import_json
from afterview.services.debriefs import parse_debrief, read_debrief_text
from services.helpers import make_app

NOW = datetime(2026, 3, 20, 9, tzinfo=UTC)
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Any character, surrogate halves and controls included: what a file can carry.
ANY_CHAR = st.characters(codec=None, exclude_categories=())
any_text = st.text(ANY_CHAR, max_size=30)
scalars = st.none() | st.booleans() | st.integers() | st.floats() | any_text
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=12,
)
debrief_keys = st.sampled_from(
    [
        "went_well",
        "nuggets",
        "liked",
        "questions",
        "overall",
        "question",
        "quality",
        "reason",
        "add_next_time",
    ]
)
debrief_like = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(debrief_keys | any_text, inner, max_size=4)
    ),
    max_leaves=12,
)
yaml_words = st.sampled_from(
    [
        "nuggets:",
        "questions:",
        "- ",
        "question: ",
        "quality: ",
        "yes",
        "~",
        "2026-02-30",
        "!!int 5",
        "&a [x]",
        "*a",
        "[",
        "]",
        "{",
        "}",
        ": ",
        "\n",
        "  ",
        "'",
        '"',
        "\\ud83d",
        "\x1b",
        "!!binary aGk=",
        "1e400",
        "0x1F",
        ".nan",
        "? ",
        "|\n  x",
        "%YAML 1.1\n---\n",
    ]
)
yaml_text = st.lists(yaml_words | any_text, max_size=15).map("".join)


def _read(text: str) -> None:
    with contextlib.suppress(BadInput):
        parse_debrief(read_debrief_text(text, "fuzz"), 1, NOW)


@FUZZ
@given(st.one_of(json_values.map(json.dumps), debrief_like.map(json.dumps), yaml_text, any_text))
def test_a_debrief_file_is_read_or_refused(text: str) -> None:
    _read(text)


@pytest.fixture(scope="module")
def sqlite_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = make_app(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.sqlite3'}")
    yield app
    app.close()


def _backup_of_one(app: App) -> dict[str, Any]:
    """A real backup of a small database, as the JSON a file would hold."""
    with app.transaction(NOW) as repo:
        repo.wipe()
    opp = records.add_opportunity(
        app,
        company="Acme",
        role="Engineer",
        route=Route.RECRUITER,
        now=NOW,
        recruiter_name="Priya",
        recruiter_email="p@r.example",
    )
    records.log_contact(
        app, opp, kind=ContactKind.OTHER, channel=Channel.EMAIL, at=NOW, now=NOW, note="Called"
    )
    document = json.loads(json.dumps(export_json(app, NOW)))
    with app.transaction(NOW) as repo:
        repo.wipe()
    return document  # type: ignore[no-any-return]


@FUZZ
@given(data=st.data())
def test_import_json_imports_or_refuses(sqlite_app: App, data: st.DataObject) -> None:
    document = _backup_of_one(sqlite_app)
    tables = document["tables"]
    table = data.draw(st.sampled_from(sorted(t for t in tables if tables[t])))
    row = tables[table][0]
    column = data.draw(st.sampled_from(sorted(row)))
    row[column] = data.draw(json_values)
    try:
        import_json(sqlite_app, document, NOW)
    except BadInput:
        with sqlite_app.transaction(NOW) as repo:
            assert repo.is_empty(), "a refused backup wrote something"


# --- round trip: accepted by a use case ⇒ unchanged through export/import ----------------

line = st.text(ANY_CHAR, min_size=1, max_size=60)


@pytest.fixture
def two_apps(new_db_url: Any) -> Iterator[tuple[App, App]]:
    source, target = make_app(new_db_url()), make_app(new_db_url())
    yield source, target
    source.close()
    target.close()


def _accepted(call: Any) -> bool:
    try:
        call()
    except BadInput:
        return False
    return True


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    company=line,
    name=line,
    title=line,
    phone=line,
    note=st.text(ANY_CHAR, max_size=80),
    competitor=line,
)
def test_what_a_use_case_accepts_round_trips_through_a_backup(
    two_apps: tuple[App, App],
    company: str,
    name: str,
    title: str,
    phone: str,
    note: str,
    competitor: str,
) -> None:
    source, target = two_apps
    for app in two_apps:
        with app.transaction(NOW) as repo:
            repo.wipe()
    try:
        opp = records.add_opportunity(
            source, company=company, role="Engineer", route=Route.DIRECT, now=NOW
        )
    except BadInput:
        opp = records.add_opportunity(
            source, company="Acme", role="Engineer", route=Route.DIRECT, now=NOW
        )
    _accepted(
        lambda: records.add_person(
            source, opp, name=name, role=PersonRole.OTHER, now=NOW, title=title, phone=phone
        )
    )
    _accepted(
        lambda: records.log_contact(
            source, opp, kind=ContactKind.OTHER, channel=Channel.PHONE, at=NOW, now=NOW, note=note
        )
    )
    _accepted(lambda: records.add_competitor(source, opp, competitor, NOW))
    exported = json.loads(json.dumps(export_json(source, NOW)))
    import_json(target, exported, NOW)
    assert export_json(target, NOW)["tables"] == exported["tables"]
