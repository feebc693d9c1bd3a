"""The JSON backup (services/backup.py): lossless round trip, all-or-nothing restore."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from afterview.agenda_query import AgendaQuery
from afterview.errors import BadInput, Conflict
from afterview.playbook.facts import Channel, ContactKind, FitDecision, Outcome, PersonRole, Route
from afterview.services import decisions, records
from afterview.services.agenda import agenda
from afterview.services.app import App
from afterview.services.backup import export_json, import_json, read_document, write_atomically
from afterview.services.debriefs import record_debrief

from .helpers import at, follow_up, make_app, newcomer, thank

DEBRIEF = {
    "went_well": ["System design"],
    "cover_more": ["Testing strategy"],
    "nuggets": ["Launching in Leeds", "New data platform"],
    "questions": [
        {"question": "Why us?", "quality": "good"},
        {
            "question": "Biggest failure?",
            "quality": "weak",
            "reason": "forgot",
            "add_next_time": "The 2024 migration",
        },
    ],
    "new_questions": ["Team size?"],
    "liked": ["Concrete examples"],
    "disliked": ["Long answers"],
    "overall": "good",
}


def fill(app: App) -> None:
    """One of every fact and decision, across three opportunities."""
    n = newcomer(app)
    other = newcomer(app, "Bluefin Analytics", route=Route.DIRECT, start=at(11, 14))
    records.add_person(
        app,
        n.opp,
        name="Ana Ortiz",
        role=PersonRole.RECEPTIONIST,
        now=at(10, 11),
        phone="+44 20 7946 0001",
        title="Front desk",
    )
    records.add_competitor(app, n.opp, "Southwind Care", at(10, 12))
    records.set_timeline(
        app,
        n.opp,
        now=at(10, 12),
        decision_by=date(2026, 3, 13),
        follow_up_with=n.dana,
        follow_up_how=Channel.EMAIL,
    )
    record_debrief(app, n.interview, DEBRIEF, at(10, 12, 15))
    thank(app, n.opp, at(10, 16, 40), n.dana)
    decisions.done(app, "P1:recruiter-call:interview=1", at=at(10, 13), now=at(10, 13))
    decisions.skip(app, "P9:keep-searching:n=1", reason="busy week", now=at(11, 9))
    decisions.snooze(app, "P7:reflect:interview=1", until=at(13, 9), now=at(12, 9))
    follow_up(app, n.opp, at(16, 9, 30))
    follow_up(app, n.opp, at(18, 9, 30))  # flagged
    records.record_reply(app, n.opp, at=at(19, 9), now=at(19, 9), note="Next round!")
    records.reflect(
        app,
        n.opp,
        scores={"fit": 5, "growth": 4, "culture": 4, "values": 5, "happy": 5},
        decision=FitDecision.CONTINUE,
        now=at(19, 10),
    )
    records.record_outcome(app, n.opp, Outcome.NEXT_ROUND, at=at(19, 11), now=at(19, 11))
    records.log_contact(
        app,
        other.opp,
        kind=ContactKind.OTHER,
        channel=Channel.MESSAGE,
        at=at(12, 9),
        now=at(12, 9),
        note="Sent portfolio ✓",
    )
    records.cancel_interview(app, other.interview, at(11, 9))


def everything(app: App) -> list[dict[str, Any]]:
    """The whole plan, without the short step ids: handles for typing, given afresh by
    the database a backup is restored into, not facts a backup carries."""
    items = agenda(app, AgendaQuery(at(20, 9), everything_ahead=True, include_closed=True))
    return [{k: v for k, v in item.items() if k != "id"} for item in items]


@pytest.fixture
def second_app(new_db_url: Callable[[], str]) -> Iterator[App]:
    other = make_app(new_db_url())
    yield other
    other.close()


def test_export_import_export_is_lossless(app: App, second_app: App) -> None:
    fill(app)
    first = export_json(app, at(20, 9))
    assert first["format"] == "afterview-backup" and first["version"] == 1
    document = json.loads(json.dumps(first))  # as it travels: plain JSON

    assert import_json(second_app, document, at(21, 9)) == 2
    again = export_json(second_app, at(22, 9))

    assert again["exported_at"] != first["exported_at"]
    del again["exported_at"], first["exported_at"]
    assert again == first
    assert everything(second_app) == everything(app)  # the plan follows from the facts


def test_a_restored_database_never_reuses_an_id(app: App, second_app: App) -> None:
    n = newcomer(app)
    extra = records.add_opportunity(app, company="Gone", role="R", route=Route.DIRECT, now=at(1, 9))
    with app.transaction(at(1, 9)) as repo:
        repo.delete_opportunity(extra)
    import_json(second_app, export_json(app, at(2, 9)), at(2, 9))
    again = records.add_opportunity(
        second_app, company="New", role="R", route=Route.DIRECT, now=at(2, 9)
    )
    assert again == extra + 1 and again != n.opp


def test_import_refuses_a_database_holding_data_unless_replace(app: App, second_app: App) -> None:
    fill(app)
    document = export_json(app, at(20, 9))
    newcomer(second_app, "Already Here")
    with pytest.raises(Conflict, match="--replace"):
        import_json(second_app, document, at(21, 9))
    assert [o["company"] for o in _companies(second_app)] == ["Already Here"]

    import_json(second_app, document, at(21, 9), replace=True)
    assert [o["company"] for o in _companies(second_app)] == [
        "Northwind Health",
        "Bluefin Analytics",
    ]


@pytest.mark.parametrize(
    ("table", "column", "value", "message"),
    [
        ("interviews", "tz", "Europe/Londinium", "unknown time zone 'Europe/Londinium'"),
        ("opportunities", "route", "pigeon", "opportunities.route 'pigeon' is not one of"),
        ("contacts", "kind", ["a", "list"], "contacts.kind ['a', 'list'] is not one of"),
    ],
)
def test_a_failed_replace_keeps_what_was_there(
    app: App, second_app: App, table: str, column: str, value: Any, message: str
) -> None:
    n = newcomer(app)  # one opportunity: its id counter is lower than the database's
    thank(app, n.opp, at(10, 16, 40))
    document = json.loads(json.dumps(export_json(app, at(20, 9))))
    document["tables"][table][0][column] = value
    for company in ("Here", "Also here", "Still here"):
        records.add_opportunity(
            second_app, company=company, role="R", route=Route.DIRECT, now=at(1, 9)
        )
    kept = export_json(second_app, at(21, 9))
    with pytest.raises(BadInput, match=re.escape(message)):
        import_json(second_app, document, at(21, 9), replace=True)
    assert export_json(second_app, at(21, 9)) == kept  # id counters too (setval ignores rollback)
    assert (
        records.add_opportunity(
            second_app, company="Next", role="R", route=Route.DIRECT, now=at(21, 9)
        )
        == 4
    )


def _companies(app: App) -> list[dict[str, Any]]:
    from afterview.services.queries import list_opportunities

    return list_opportunities(app, at(21, 9))


def _valid(app: App) -> dict[str, Any]:
    n = newcomer(app)
    thank(app, n.opp, at(10, 16, 40))
    source = export_json(app, at(20, 9))
    with app.transaction(at(20, 9)) as repo:
        repo.wipe()
    return json.loads(json.dumps(source))  # type: ignore[no-any-return]


def _tables(change: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    return lambda document: change(document["tables"])


MALFORMED: dict[str, Callable[[dict[str, Any]], Any]] = {
    "not an object": lambda d: [d],
    "no format": lambda d: d.pop("format"),
    "another format": lambda d: d.update(format="something-else"),
    "future version": lambda d: d.update(version=2),
    "tables not a map": lambda d: d.update(tables=[]),
    "rows not objects": _tables(lambda t: t["contacts"].append(5)),
    "unknown table": _tables(lambda t: t.update(secrets=[])),
    "unknown column": _tables(lambda t: t["people"][0].update(shoe_size=44)),
    "missing column": _tables(lambda t: t["opportunities"][0].pop("company")),
    "naive time": _tables(lambda t: t["interviews"][0].update(start_at="2026-03-10T10:00:00")),
    "time not text": _tables(lambda t: t["interviews"][0].update(end_at=12)),
    "bad date": _tables(lambda t: t["opportunities"][0].update(created_at="yesterday")),
    "duplicate id": _tables(lambda t: t["opportunities"].append(dict(t["opportunities"][0]))),
    "dangling reference": _tables(lambda t: t["people"][0].update(opportunity_id=42)),
    "bad counter": _tables(lambda t: t["_id_counters"][0].update(last_id="many")),
    "counter without id": _tables(lambda t: t["_id_counters"][0].pop("last_id")),
    "unknown route": _tables(lambda t: t["opportunities"][0].update(route="carrier-pigeon")),
    "unknown person role": _tables(lambda t: t["people"][0].update(role="overlord")),
    "unknown contact kind": _tables(lambda t: t["contacts"][0].update(kind="telepathy")),
    "unknown time zone": _tables(lambda t: t["interviews"][0].update(tz="Mars/Olympus_Mons")),
    "id not a number": _tables(lambda t: t["opportunities"][0].update(id="one")),
}


# Refused on the document's shape alone, before the database: SQLite's run covers them.
BEFORE_THE_DATABASE = {
    "not an object",
    "no format",
    "another format",
    "future version",
    "tables not a map",
    "rows not objects",
}
CASES = [pytest.param("sqlite", case, id=f"sqlite-{case}") for case in sorted(MALFORMED)] + [
    pytest.param("postgres", case, id=f"postgres-{case}", marks=pytest.mark.postgres)
    for case in sorted(MALFORMED)
    if case not in BEFORE_THE_DATABASE
]


@pytest.mark.parametrize(("new_db_url", "case"), CASES, indirect=["new_db_url"])
def test_a_malformed_backup_is_refused_and_nothing_is_written(app: App, case: str) -> None:
    document = _valid(app)
    changed = MALFORMED[case](document)
    if isinstance(changed, list):
        document = changed  # type: ignore[assignment]
    with pytest.raises(BadInput) as refused:
        import_json(app, document, at(21, 9))
    assert refused.value.exit_code == 2
    assert "\n" not in refused.value.message
    with app.transaction(at(21, 9)) as repo:
        assert repo.is_empty()
    assert everything(app) == []


def test_read_document_explains_unreadable_files(tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.json"
    truncated.write_text('{"format": "afterview-backup", "tab')
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"name": "Jos\xe9"}')
    cases = {
        truncated: "is not valid JSON",
        latin: "is not UTF-8 text",
        tmp_path / "missing.json": "Cannot read",
        tmp_path: "Cannot read",
    }
    for path, message in cases.items():
        with pytest.raises(BadInput, match=message):
            read_document(str(path))


def test_write_atomically_replaces_whole_files_only(tmp_path: Path) -> None:
    target = tmp_path / "backup.json"
    write_atomically(str(target), b"one")
    write_atomically(str(target), b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["backup.json"]  # no temporary left
    with pytest.raises(BadInput, match="does not exist"):
        write_atomically(str(tmp_path / "nowhere" / "b.json"), b"x")
    with pytest.raises(BadInput, match="is a folder"):
        write_atomically(str(tmp_path), b"x")
    with pytest.raises(BadInput, match="is a folder"):
        write_atomically(f"{tmp_path / 'new'}/", b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["backup.json"]


def test_the_backup_is_plain_json_with_sorted_stable_content(app: App) -> None:
    fill(app)
    document = export_json(app, at(20, 9))
    text = json.dumps(document, sort_keys=True)
    assert json.loads(text) == document
    assert copy.deepcopy(document) == export_json(app, at(20, 9))  # same facts, same backup
