"""Property: decisions survive fact changes (the plan is re-computed, the keys are stable).

Random sequences of fact changes — the interview moved, contacts, a timeline, a reply,
another interviewer — are applied through the use cases on a real SQLite file after the
user has snoozed and skipped steps; every decided step still planned keeps its state.
"""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterview.playbook.facts import Channel, ContactKind, PersonRole, Route
from afterview.services import decisions, records
from afterview.services.queries import show_opportunity
from afterview.services.records import NewInterviewer

from .helpers import TZ, at, make_app

NOW = at(20, 12)  # every fact below is recorded as of this moment
COUNTER = itertools.count()

change = st.one_of(
    st.tuples(st.just("move"), st.integers(-3, 3)),
    st.tuples(st.just("contact"), st.sampled_from([ContactKind.OTHER, ContactKind.REQUEST])),
    st.tuples(st.just("timeline"), st.integers(1, 20)),
    st.tuples(st.just("reply"), st.just(0)),
    st.tuples(st.just("person"), st.just(0)),
)


def _states(app: Any, opp: int) -> dict[str, str]:
    return {a["key"]: a["state"] for a in show_opportunity(app, opp, NOW).actions}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(change, min_size=1, max_size=6))
def test_decisions_survive_any_fact_change(tmp_path: Path, changes: list[tuple[str, Any]]) -> None:
    app = make_app(f"sqlite:///{tmp_path / f'p{next(COUNTER)}.sqlite3'}")
    try:
        opp = records.add_opportunity(
            app,
            company="Acme",
            role="Dev",
            route=Route.RECRUITER,
            now=at(9, 9),
            recruiter_name="Rita Recruiter",
        )
        start = at(10, 14)
        interview = records.add_interview(
            app,
            opp,
            start=start,
            end=start + timedelta(hours=1),
            tz=TZ,
            now=at(9, 9),
            interviewers=(NewInterviewer("Ada Lovelace", "ada@acme.example"),),
        )
        decided = {
            f"P4:debrief:interview={interview}": "skipped",
            f"P7:reflect:interview={interview}": "snoozed",
        }
        decisions.skip(app, f"P4:debrief:interview={interview}", reason="typed notes", now=NOW)
        decisions.snooze(app, f"P7:reflect:interview={interview}", until=at(25, 9), now=NOW)
        for kind, value in changes:
            _apply(app, opp, interview, kind, value)
        states = _states(app, opp)
        for key, state in decided.items():
            assert states.get(key) == state, (key, changes)
    finally:
        app.close()


def _apply(app: Any, opp: int, interview: int, kind: str, value: Any) -> None:
    if kind == "move":
        start = at(10, 14) + timedelta(hours=value)
        records.move_interview(app, interview, start=start, end=start + timedelta(hours=1), now=NOW)
    elif kind == "contact":
        records.log_contact(app, opp, kind=value, channel=Channel.EMAIL, at=at(19, 9), now=NOW)
    elif kind == "timeline":
        records.set_timeline(
            app, opp, now=NOW, decision_by=at(20, 9).date() + timedelta(days=value)
        )
    elif kind == "reply":
        records.record_reply(app, opp, at=at(19, 12), now=NOW, note="Still deciding")
    else:
        records.add_person(app, opp, name="Grace Hopper", role=PersonRole.HIRING_MANAGER, now=NOW)
