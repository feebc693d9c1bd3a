"""Two CLI processes writing at once lose nothing: SQLite takes its write lock up front
(BEGIN IMMEDIATE), PostgreSQL a transaction-scoped advisory lock (Repository.serialise_writers)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from afterview.playbook.facts import Route
from afterview.services import records

pytestmark = pytest.mark.slow

PER_WRITER = 25


def test_two_writers_and_a_reader_on_one_database(run: Any, app: Any) -> None:
    london = ZoneInfo("Europe/London")
    now = datetime(2026, 3, 10, 12, tzinfo=london)
    opp = records.add_opportunity(app, company="Acme", role="R", route=Route.DIRECT, now=now)
    records.add_interview(
        app,
        opp,
        start=datetime(2026, 3, 10, 10, tzinfo=london),
        end=datetime(2026, 3, 10, 11, tzinfo=london),
        tz="Europe/London",
        now=now,
    )

    def writer(name: str) -> list[Any]:
        return [
            run(
                "contact",
                str(opp),
                "--kind",
                "other",
                "--channel",
                "email",
                "--at",
                "2026-03-10T12:00",
                "--note",
                f"{name}-{n}",
            )
            for n in range(PER_WRITER)
        ]

    def reader() -> list[Any]:
        return [run("agenda", "--json", "--all", "--at", "2026-03-10T12:00") for _ in range(8)]

    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(writer, "a"), pool.submit(writer, "b"), pool.submit(reader)]
        writes_a, writes_b, reads = (f.result() for f in futures)

    for result in writes_a + writes_b + reads:
        assert result.returncode == 0, str(result)
    for result in reads:
        assert {item["rule"] for item in json.loads(result.stdout)} >= {"P4", "P5"}

    shown = run.ok("opp", "show", str(opp), "--json").json()
    notes = sorted(contact["note"] for contact in shown["contacts"])
    assert notes == sorted(f"{w}-{n}" for w in "ab" for n in range(PER_WRITER))
    ids = [int(r.stdout) for r in writes_a + writes_b]
    assert sorted(ids) == list(range(1, 2 * PER_WRITER + 1))
