"""The repository on both databases: facts round-trip, cascades, decisions, the plan."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import Connection, Engine

from afterview.errors import BadInput, Conflict, UnknownInterview, UnknownOpportunity, UnknownPerson
from afterview.playbook.actions import Decision, DecisionKind
from afterview.playbook.facts import (
    AnswerQuality,
    AnswerReason,
    Channel,
    Contact,
    ContactKind,
    Debrief,
    FitDecision,
    Interview,
    InterviewFormat,
    Opportunity,
    Outcome,
    OutcomeEvent,
    Overall,
    Person,
    PersonRole,
    QuestionReview,
    Reflection,
    Reply,
    Route,
    SearchLog,
    Source,
    Status,
    Timeline,
)
from afterview.store import schema
from afterview.store.engine import connect
from afterview.store.repository import Repository

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def at(day: int, hour: int, minute: int = 0, tz: ZoneInfo = LONDON) -> datetime:
    return datetime(2025, 3, day, hour, minute, tzinfo=tz)


@pytest.fixture
def repo(engine: Engine) -> Iterator[Repository]:
    """A repository in one transaction that the test commits by finishing."""
    with engine.begin() as conn:
        yield Repository(conn)


def write_rich_opportunity(repo: Repository, company: str = "Acme") -> Opportunity:
    """Record one of every fact through the repository; return what should load back."""
    created = datetime(2025, 3, 1, 8, 15, 30, 250_000, tzinfo=NEW_YORK)
    opp = repo.add_opportunity(company, "Staff Engineer", Route.RECRUITER, created, "Europe/Paris")
    dana = Person(0, "Dana Kim", PersonRole.INTERVIEWER, "dana@acme.test", None, "CTO",
                  Source.BUSINESS_CARD)  # fmt: skip
    sam = Person(0, "Sam Lee", PersonRole.HIRING_MANAGER, None, "+44 20 7946 0000")
    rae = Person(0, "Rae Fox", PersonRole.RECRUITER, "rae@agency.test", source=Source.RECRUITER)
    people = tuple(_add_person(repo, opp, p) for p in (dana, sam, rae))
    dana, sam, rae = people

    first = Interview(0, 1, at(4, 14), at(4, 15), "Europe/London", InterviewFormat.ONSITE,
                      "1 Main St", (sam.id, dana.id), at(4, 16, 30))  # fmt: skip
    second = Interview(0, 2, at(11, 9, 30), at(11, 10, 30), "America/New_York",
                       InterviewFormat.VIDEO, None, (dana.id,), None, cancelled=True)  # fmt: skip
    interviews = tuple(_add_interview(repo, opp, i) for i in (first, second))
    first = interviews[0]

    timeline = Timeline(at(4, 15, 5), date(2025, 3, 14), rae.id, Channel.PHONE, date(2025, 3, 17))
    repo.add_timeline(opp, timeline)
    early = Contact(0, at(4, 16, 40), ContactKind.THANK_YOU, Channel.EMAIL, dana.id, "thanks")
    late = Contact(0, at(12, 9), ContactKind.FOLLOW_UP, Channel.PHONE, None, None)
    contacts = tuple(
        _add_contact(repo, opp, c)
        for c in (late, early)  # written out of order: loads sorted by time
    )[::-1]
    reply = Reply(repo.add_reply(opp, at(13, 11), "next week"), at(13, 11), "next week")

    debrief = Debrief(
        interview_id=first.id,
        recorded_at=at(4, 15, 45),
        went_well=("system design", "rapport"),
        cover_more=("testing",),
        nuggets=("they ship weekly",),
        questions=(
            QuestionReview("Why us?", AnswerQuality.GOOD),
            QuestionReview("Big-O?", AnswerQuality.WRONG, AnswerReason.MISREAD, "read twice"),
        ),
        new_questions=("on-call?",),
        liked=("team",),
        disliked=("commute",),
        overall=Overall.MIXED,
    )
    repo.save_debrief(debrief)
    reflection = _add_reflection(
        repo, opp, Reflection(0, at(5, 20), 4, 5, 3, 4, 5, FitDecision.CONTINUE, "pay", first.id)
    )
    repo.add_outcome(opp, at(14, 12), Outcome.NEXT_ROUND)
    for name in ("Globex", "Initech", "Globex"):
        repo.add_competitor(opp, name)
    return Opportunity(
        id=opp,
        company=company,
        role="Staff Engineer",
        route=Route.RECRUITER,
        created_at=created,
        tz="Europe/Paris",
        people=people,
        interviews=interviews,
        timelines=(timeline,),
        contacts=contacts,
        replies=(reply,),
        debriefs=(debrief,),
        reflections=(reflection,),
        outcomes=(OutcomeEvent(at(14, 12), Outcome.NEXT_ROUND),),
        competitors=("Globex", "Initech"),
    )


def _add_person(repo: Repository, opp: int, p: Person) -> Person:
    new_id = repo.add_person(opp, p.name, p.role, p.email, p.phone, p.title, p.source)
    return Person(new_id, p.name, p.role, p.email, p.phone, p.title, p.source)


def _add_interview(repo: Repository, opp: int, i: Interview) -> Interview:
    new_id = repo.add_interview(
        opp, i.round, i.start, i.end, i.tz, i.format, i.location, i.recruiter_call_at,
        i.interviewer_ids,
    )  # fmt: skip
    if i.cancelled:
        repo.update_interview(new_id, cancelled=True)
    return Interview(new_id, i.round, i.start, i.end, i.tz, i.format, i.location,
                     i.interviewer_ids, i.recruiter_call_at, i.cancelled)  # fmt: skip


def _add_contact(repo: Repository, opp: int, c: Contact) -> Contact:
    new_id = repo.add_contact(opp, c.at, c.kind, c.channel, c.person_id, c.note)
    return Contact(new_id, c.at, c.kind, c.channel, c.person_id, c.note)


def _add_reflection(repo: Repository, opp: int, r: Reflection) -> Reflection:
    new_id = repo.add_reflection(
        opp, r.recorded_at, r.fit, r.growth, r.culture, r.values, r.happy, r.decision,
        r.concerns, r.interview_id,
    )  # fmt: skip
    return Reflection(new_id, r.recorded_at, r.fit, r.growth, r.culture, r.values, r.happy,
                      r.decision, r.concerns, r.interview_id)  # fmt: skip


# --- facts ------------------------------------------------------------------------


def test_every_fact_round_trips(repo: Repository) -> None:
    expected = write_rich_opportunity(repo)
    loaded = repo.load_opportunity(expected.id)
    assert loaded == expected
    assert loaded.created_at.tzinfo is UTC
    assert all(c.at.tzinfo is UTC for c in loaded.contacts)
    assert isinstance(loaded.people[0].role, PersonRole)


def test_load_all_matches_load_one(repo: Repository) -> None:
    written = [write_rich_opportunity(repo, name) for name in ("A", "B")]
    empty = repo.add_opportunity("C", "QA", Route.DIRECT, at(1, 9), None)
    loaded = repo.load_all_opportunities()
    assert loaded[:2] == written
    assert loaded[2] == Opportunity(empty, "C", "QA", Route.DIRECT, at(1, 9))
    assert [repo.load_opportunity(o.id) for o in loaded] == loaded


def _count_queries(conn: Connection, work: Callable[[], object]) -> int:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(conn, "before_cursor_execute", record)
    try:
        work()
    finally:
        event.remove(conn, "before_cursor_execute", record)
    return len(statements)


def test_loading_costs_the_same_queries_however_much_is_recorded(repo: Repository) -> None:
    one = write_rich_opportunity(repo, "One")
    single = _count_queries(repo.conn, lambda: repo.load_opportunity(one.id))
    for name in ("Two", "Three", "Four"):
        write_rich_opportunity(repo, name)
    all_at_once = _count_queries(repo.conn, repo.load_all_opportunities)
    assert single <= 13
    assert all_at_once == single


def test_unknown_ids_raise_the_domain_errors(repo: Repository) -> None:
    with pytest.raises(UnknownOpportunity):
        repo.load_opportunity(99)
    with pytest.raises(UnknownOpportunity):
        repo.add_person(99, "X", PersonRole.OTHER)
    with pytest.raises(UnknownPerson):
        repo.get_person(99)
    with pytest.raises(UnknownInterview):
        repo.interview_opportunity(99)
    with pytest.raises(UnknownOpportunity):
        repo.update_opportunity(99, company="X")


def test_people_of_another_opportunity_are_refused(repo: Repository) -> None:
    mine = repo.add_opportunity("A", "Dev", Route.DIRECT, at(1, 9), None)
    theirs = repo.add_opportunity("B", "Dev", Route.DIRECT, at(1, 9), None)
    stranger = repo.add_person(theirs, "Stranger", PersonRole.INTERVIEWER)
    with pytest.raises(UnknownPerson):
        repo.add_interview(mine, 1, at(4, 9), at(4, 10), "UTC", InterviewFormat.PHONE,
                           None, None, [stranger])  # fmt: skip
    with pytest.raises(UnknownPerson):
        repo.add_contact(mine, at(4, 9), ContactKind.OTHER, Channel.EMAIL, stranger)


def test_updates(repo: Repository) -> None:
    opp = repo.add_opportunity("A", "Dev", Route.DIRECT, at(1, 9), None)
    dana = repo.add_person(opp, "Dana", PersonRole.INTERVIEWER)
    sam = repo.add_person(opp, "Sam", PersonRole.INTERVIEWER)
    iv = repo.add_interview(opp, 1, at(4, 9), at(4, 10), "UTC", InterviewFormat.PHONE,
                            None, None, [dana])  # fmt: skip
    repo.update_opportunity(opp, company="A Ltd", route=Route.RECRUITER, tz="Asia/Tokyo")
    repo.update_person(sam, email="sam@a.test", role=PersonRole.HIRING_MANAGER)
    repo.update_interview(iv, start=at(5, 9), end=at(5, 11), interviewer_ids=[sam, dana])
    repo.set_status(opp, Status.AWAITING_DECISION, closed=False)
    loaded = repo.load_opportunity(opp)
    assert (loaded.company, loaded.route, loaded.tz) == ("A Ltd", Route.RECRUITER, "Asia/Tokyo")
    assert repo.get_person(sam) == (opp, Person(sam, "Sam", PersonRole.HIRING_MANAGER,
                                               "sam@a.test"))  # fmt: skip
    assert loaded.interviews[0].start == at(5, 9)
    assert loaded.interviews[0].interviewer_ids == (sam, dana)
    row = repo.get_opportunity_row(opp)
    assert row["status"] is Status.AWAITING_DECISION and row["closed"] is False
    repo.set_status(opp, "rejected", closed=True)
    listed = repo.list_opportunities()
    assert [(r["id"], r["status"], r["closed"]) for r in listed] == [(opp, Status.REJECTED, True)]
    with pytest.raises(TypeError):
        repo.update_opportunity(opp, nonsense=1)


def test_next_round_ignores_cancelled_rounds(repo: Repository) -> None:
    opp = repo.add_opportunity("A", "Dev", Route.DIRECT, at(1, 9), None)
    assert repo.next_round(opp) == 1
    first = repo.add_interview(opp, 1, at(4, 9), at(4, 10), "UTC", InterviewFormat.PHONE,
                               None, None, [])  # fmt: skip
    assert repo.next_round(opp) == 2
    repo.update_interview(first, cancelled=True)
    assert repo.next_round(opp) == 1


def test_saving_a_debrief_again_replaces_it(repo: Repository) -> None:
    expected = write_rich_opportunity(repo)
    interview_id = expected.interviews[0].id
    redo = Debrief(interview_id, at(4, 18), went_well=("only this",))
    repo.save_debrief(redo)
    assert repo.load_opportunity(expected.id).debriefs == (redo,)


def test_competitors_are_idempotent_and_flags_are_kept(repo: Repository) -> None:
    opp = repo.add_opportunity("A", "Dev", Route.DIRECT, at(1, 9), None)
    repo.add_competitor(opp, "Globex")
    repo.add_competitor(opp, "Globex")
    flagged = repo.add_contact(opp, at(3, 9), ContactKind.FOLLOW_UP, Channel.EMAIL,
                               flag="second follow-up this week")  # fmt: skip
    repo.add_contact(opp, at(4, 9), ContactKind.FOLLOW_UP, Channel.EMAIL)
    assert repo.load_opportunity(opp).competitors == ("Globex",)
    assert repo.contact_flags(opp) == {flagged: "second follow-up this week"}


def test_reflection_scores_outside_one_to_five_are_refused(repo: Repository) -> None:
    opp = repo.add_opportunity("A", "Dev", Route.DIRECT, at(1, 9), None)
    with pytest.raises(ValueError, match="1-5"):
        repo.add_reflection(opp, at(2, 9), 0, 3, 3, 3, 3, FitDecision.CONTINUE)


def test_facts_across_opportunities(repo: Repository) -> None:
    assert repo.accepted_offer() is None
    assert repo.first_debrief_at() is None
    assert repo.first_interview_end() is None
    assert repo.any_open_opportunity() is False
    first = write_rich_opportunity(repo, "First")  # interviews end 4th 15:00 and 11th (cancelled)
    second = repo.add_opportunity("Second", "Dev", Route.DIRECT, at(1, 9), None)
    repo.add_interview(second, 1, at(3, 9, tz=NEW_YORK), at(3, 10, tz=NEW_YORK),
                       "America/New_York", InterviewFormat.PHONE, None, None, [])  # fmt: skip
    repo.add_outcome(second, at(20, 9), Outcome.ACCEPTED)
    repo.set_status(first.id, Status.WITHDRAWN, closed=True)
    assert repo.accepted_offer() == (second, at(20, 9))
    assert repo.first_debrief_at() == at(4, 15, 45)
    assert repo.first_interview_end() == (at(3, 10, tz=NEW_YORK), "America/New_York")
    assert repo.any_open_opportunity() is True
    repo.set_status(second, Status.ACCEPTED, closed=True)
    assert repo.any_open_opportunity() is False


def test_the_first_interview_is_known_from_when_it_was_entered(repo: Repository) -> None:
    """P9's first reminder is planned from the first interview: a step already past
    when that interview was typed in is a catch-up (its opportunity's creation stands
    in for an interview entered before that moment was kept)."""
    assert repo.first_interview_entered() is None
    opp = repo.add_opportunity("A", "Dev", Route.DIRECT, at(1, 9), None)
    repo.add_interview(opp, 1, at(3, 22), at(3, 23), "Europe/London", InterviewFormat.PHONE,
                       None, None, [], recorded_at=at(5, 0, 9))  # fmt: skip
    assert repo.first_interview_entered() == at(5, 0, 9)
    earlier = repo.add_interview(opp, 2, at(2, 9), at(2, 10), "Europe/London",
                                 InterviewFormat.PHONE, None, None, [])  # fmt: skip
    assert repo.first_interview_entered() == at(1, 9)
    repo.update_interview(earlier, cancelled=True)
    assert repo.first_interview_entered() == at(5, 0, 9)


def test_the_latest_outcome_stands_for_the_accepted_offer(repo: Repository) -> None:
    """P12: a corrected "accepted" no longer counts; a later one elsewhere does."""
    first = repo.add_opportunity("First", "Dev", Route.DIRECT, at(1, 9), None)
    second = repo.add_opportunity("Second", "Dev", Route.DIRECT, at(1, 9), None)
    repo.add_outcome(first, at(20, 9), Outcome.ACCEPTED)
    assert repo.accepted_offer() == (first, at(20, 9))
    repo.add_outcome(first, at(20, 10), Outcome.REJECTED)
    assert repo.accepted_offer() is None
    repo.add_outcome(second, at(21, 9), Outcome.ACCEPTED)
    repo.add_outcome(second, at(21, 9), Outcome.DECLINED)  # same instant: the later row stands
    assert repo.accepted_offer() is None
    repo.add_outcome(second, at(22, 9), Outcome.ACCEPTED)
    assert repo.accepted_offer() == (second, at(22, 9))


def test_invite_lookup(repo: Repository) -> None:
    opp = repo.add_opportunity("A", "Dev", Route.DIRECT, at(1, 9), None)
    iv = repo.add_interview(opp, 1, at(4, 9), at(4, 10), "UTC", InterviewFormat.VIDEO,
                            None, None, [], invite_uid="uid-1@cal", invite_sequence=2)  # fmt: skip
    found = repo.interview_for_invite("uid-1@cal")
    assert found == {"id": iv, "opportunity_id": opp, "invite_sequence": 2, "cancelled": False}
    assert repo.interview_for_invite("other") is None


# --- cascades -------------------------------------------------------------------------


def _counts(conn: Connection) -> dict[str, int]:
    return {
        table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
        for table in schema.metadata.sorted_tables
    }


def test_deleting_an_opportunity_removes_everything_about_it(repo: Repository) -> None:
    doomed = write_rich_opportunity(repo, "Doomed")
    kept = write_rich_opportunity(repo, "Kept")
    repo.put_decision(Decision("P5:a", DecisionKind.DONE, at(5, 9)), doomed.id)
    repo.put_decision(Decision("P9:search", DecisionKind.DONE, at(5, 9)), None)
    repo.replace_actions(doomed.id, [_row("P5:a", doomed.id)])
    repo.replace_actions(None, [_row("P9:search", None)])
    before = _counts(repo.conn)
    repo.delete_opportunity(doomed.id)
    after = _counts(repo.conn)
    assert repo.load_all_opportunities() == [kept]
    assert repo.decisions_for(None).keys() == {"P9:search"}
    assert [r["key"] for r in repo.all_action_rows()] == ["P9:search"]
    halved = {name for name, n in before.items() if n and after[name] * 2 == n}
    assert halved >= {"people", "interviews", "contacts", "debrief_items", "interview_people"}
    with pytest.raises(UnknownOpportunity):
        repo.delete_opportunity(doomed.id)


def test_deleting_a_person_keeps_what_mentioned_them(repo: Repository) -> None:
    expected = write_rich_opportunity(repo)
    dana, _sam, rae = expected.people
    repo.conn.execute(schema.people.delete().where(schema.people.c.id.in_([dana.id, rae.id])))
    loaded = repo.load_opportunity(expected.id)
    assert loaded.contacts[0].person_id is None  # SET NULL
    assert loaded.timelines[0].follow_up_with is None
    assert dana.id not in loaded.interviews[0].interviewer_ids  # the panel row is gone


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(schema.people.insert().values(opportunity_id=42, name="X", role="other"))


# --- decisions, search log, meta ---------------------------------------------------------


def test_decisions_upsert_and_group(repo: Repository) -> None:
    opp = repo.add_opportunity("A", "Dev", Route.DIRECT, at(1, 9), None)
    snooze = Decision("P8:f", DecisionKind.SNOOZED, at(2, 9), "busy", at(9, 9))
    repo.put_decision(snooze, opp)
    assert repo.get_decision("P8:f") == snooze
    done = Decision("P8:f", DecisionKind.DONE, at(3, 9))
    repo.put_decision(done, opp)
    repo.put_decision(Decision("P9:s", DecisionKind.SKIPPED, at(3, 9), "holiday"), None)
    assert repo.get_decision("P8:f") == done
    assert repo.decisions_for(opp) == {"P8:f": done}
    assert repo.decisions_for(None).keys() == {"P9:s"}
    assert repo.all_decisions().keys() == {opp, None}
    assert repo.delete_decision("P8:f") is True
    assert repo.delete_decision("P8:f") is False
    assert repo.get_decision("P8:f") is None


def test_search_log_and_meta(repo: Repository) -> None:
    repo.add_search_close(at(10, 9), "skipped")
    repo.add_search_close(at(3, 9), DecisionKind.DONE)
    assert repo.search_log() == SearchLog((at(3, 9), at(10, 9)))
    with pytest.raises(ValueError):
        repo.add_search_close(at(3, 9), "snoozed")
    assert repo.get_meta("settings_fingerprint") is None
    repo.set_meta("settings_fingerprint", "abc")
    repo.set_meta("settings_fingerprint", "def")
    assert repo.get_meta("settings_fingerprint") == "def"


# --- the materialised plan ----------------------------------------------------------------


def _row(key: str, opp_id: int | None, due: datetime | None = None) -> dict[str, Any]:
    """An `actions` row in the documented text formats (services build the real ones)."""
    due = (due or at(5, 9)).astimezone(UTC)
    utc = due.strftime("%Y-%m-%dT%H:%M:%SZ")
    local = due.astimezone(LONDON).isoformat(timespec="seconds")
    return {
        "key": key, "opportunity_id": opp_id, "interview_id": None, "person_id": None,
        "rule": key.partition(":")[0], "title": "Do it", "guidance": "", "why": "because",
        "company": "Acme", "role": "Dev", "tz": "Europe/London", "due_utc": utc,
        "due_local": local, "effective_due_utc": utc, "effective_due_local": local,
        "state": "pending", "expires_utc": None, "is_open": 1, "closed_at": None,
        "reason": None, "logs": None,
    }  # fmt: skip


def test_replace_actions_touches_only_its_own_opportunity(repo: Repository) -> None:
    a = repo.add_opportunity("A", "Dev", Route.DIRECT, at(1, 9), None)
    b = repo.add_opportunity("B", "Dev", Route.DIRECT, at(1, 9), None)
    repo.replace_actions(a, [_row("P5:a1", a), _row("P4:a2", a, at(4, 9))])
    repo.replace_actions(b, [_row("P5:b1", b)])
    repo.replace_actions(None, [_row("P9:g", None)])
    repo.replace_actions(a, [_row("P5:a3", a)])
    assert [r["key"] for r in repo.actions_for(a)] == ["P5:a3"]
    assert [r["key"] for r in repo.actions_for(b)] == ["P5:b1"]
    assert [r["key"] for r in repo.actions_for(None)] == ["P9:g"]
    repo.replace_actions(None, [])
    assert repo.actions_for(None) == []
    # short ids in order of first sight (a1, a2, b1, g, a3), kept by re-planning
    stored = {**_row("P5:b1", b), "step_id": 3, "other_tz": None, "send_at_utc": None}
    assert repo.get_action("P5:b1") == stored
    assert repo.get_action("P5:a3")["step_id"] == 5  # type: ignore[index]
    assert repo.get_action("nope") is None
    with pytest.raises(ValueError, match="belongs"):
        repo.replace_actions(a, [_row("P5:x", b)])
    with pytest.raises(ValueError, match="no column"):
        repo.replace_actions(a, [{**_row("P5:x", a), "colour": "red"}])


def test_action_rows_sort_by_effective_due(repo: Repository) -> None:
    opp = repo.add_opportunity("A", "Dev", Route.DIRECT, at(1, 9), None)
    dues = [at(5, 9, tz=NEW_YORK), at(5, 9), at(5, 12)]  # NY 09:00 is London 13:00
    repo.replace_actions(opp, [_row(f"k{n}", opp, due) for n, due in enumerate(dues)])
    assert [r["key"] for r in repo.all_action_rows()] == ["k1", "k2", "k0"]


def test_agenda_rows_run_the_shared_statement(repo: Repository) -> None:
    opp = repo.add_opportunity("A", "Dev", Route.DIRECT, at(1, 9), None)
    repo.replace_actions(opp, [_row("k1", opp, at(5, 9)), _row("k2", opp, at(9, 9))])
    rows = repo.agenda_rows(
        "SELECT key, is_open FROM actions WHERE effective_due_utc <= :horizon ORDER BY key",
        {"horizon": "2025-03-06T00:00:00Z"},
    )
    assert rows == [("k1", 1)]


def test_the_light_path_reads_the_plan_with_plain_sqlite3(tmp_path: Any) -> None:
    import sqlite3

    engine = connect(f"sqlite:///{tmp_path}/plan.db")
    with engine.begin() as conn:
        repo = Repository(conn)
        opp = repo.add_opportunity("A", "Dev", Route.DIRECT, at(1, 9), None)
        repo.replace_actions(opp, [_row("P5:x", opp)])
    engine.dispose()
    from datetime import UTC, datetime

    from afterview.agenda_query import AgendaQuery, params, sql

    query = AgendaQuery(datetime(2025, 3, 6, tzinfo=UTC))
    with sqlite3.connect(tmp_path / "plan.db") as raw:
        rows = raw.execute(sql(query), params(query)).fetchall()
        plan = raw.execute("EXPLAIN QUERY PLAN " + sql(query), params(query)).fetchall()
    raw.close()
    assert [row[0] for row in rows] == ["P5:x"]
    # both halves of the agenda are index ranges: moot history is never scanned
    used = [detail for *_, detail in plan if "actions" in detail]
    assert len(used) == 2
    assert all("ix_actions_is_open_expires_utc_effective_due_utc" in d for d in used), used


# --- backup and restore ------------------------------------------------------------------


def _populate(repo: Repository) -> None:
    first = write_rich_opportunity(repo, "First")
    gone = write_rich_opportunity(repo, "Gone")  # leaves gaps in every id sequence
    write_rich_opportunity(repo, "Third")
    repo.delete_opportunity(gone.id)
    repo.put_decision(Decision("P5:x", DecisionKind.SNOOZED, at(5, 9), "r", at(6, 9)), first.id)
    repo.put_decision(Decision("P9:s", DecisionKind.DONE, at(5, 9)), None)
    repo.add_search_close(at(7, 9), "done")
    repo.set_meta("settings_fingerprint", "f1")
    repo.replace_actions(first.id, [_row("P5:x", first.id)])


def test_dump_load_dump_is_identical_and_keeps_ids(new_db_url: Callable[[], str]) -> None:
    source, target = connect(new_db_url()), connect(new_db_url())
    try:
        with source.begin() as conn:
            _populate(Repository(conn))
        with source.connect() as conn:
            original = Repository(conn).dump()
            expected_facts = Repository(conn).load_all_opportunities()
        wire = json.loads(json.dumps(original))  # must survive JSON
        with target.begin() as conn:
            assert Repository(conn).is_empty()
            Repository(conn).load_dump(wire)
        with target.connect() as conn:
            restored = Repository(conn)
            assert restored.dump() == original
            assert restored.load_all_opportunities() == expected_facts
            assert restored.all_action_rows() == []  # the plan is recomputed, not restored
    finally:
        source.dispose()
        target.dispose()
    assert "actions" not in original
    assert [r["company"] for r in original["opportunities"]] == ["First", "Third"]


def test_new_rows_after_a_restore_get_fresh_ids(new_db_url: Callable[[], str]) -> None:
    source, target = connect(new_db_url()), connect(new_db_url())
    try:
        with source.begin() as conn:
            _populate(Repository(conn))
            data = Repository(conn).dump()
        with target.begin() as conn:
            Repository(conn).load_dump(data)
        with target.begin() as conn:
            repo = Repository(conn)
            opp = repo.add_opportunity("New", "Dev", Route.DIRECT, at(20, 9), None)
            person = repo.add_person(opp, "P", PersonRole.OTHER)
            contact = repo.add_contact(opp, at(20, 9), ContactKind.OTHER, Channel.EMAIL)
            search = repo.add_search_close(at(20, 9), "done")
    finally:
        source.dispose()
        target.dispose()
    counters = {c["table"]: c["last_id"] for c in data["_id_counters"]}
    # The deleted "Gone" opportunity's ids are never handed out again, even after restore.
    assert opp == counters["opportunities"] + 1 == 4
    assert person == counters["people"] + 1
    assert contact == counters["contacts"] + 1
    assert search == counters["search_log"] + 1


def test_restoring_into_a_database_with_facts_is_refused(repo: Repository) -> None:
    write_rich_opportunity(repo)
    data = repo.dump()
    with pytest.raises(Conflict):
        repo.load_dump(data)


def test_wipe_empties_everything(repo: Repository) -> None:
    _populate(repo)
    assert not repo.is_empty()
    repo.wipe()
    assert repo.is_empty()
    assert set(_counts(repo.conn).values()) == {0}


def test_a_dump_from_sqlite_restores_into_any_backend(
    tmp_path: Any, new_db_url: Callable[[], str]
) -> None:
    source, target = connect(f"sqlite:///{tmp_path}/src.db"), connect(new_db_url())
    try:
        with source.begin() as conn:
            _populate(Repository(conn))
            data = Repository(conn).dump()
        with target.begin() as conn:
            Repository(conn).load_dump(data)
            assert Repository(conn).dump() == data
    finally:
        source.dispose()
        target.dispose()


def test_an_inconsistent_backup_is_bad_input(repo: Repository) -> None:
    _populate(repo)
    data = repo.dump()
    repo.wipe()
    data["people"] = [{**p, "opportunity_id": 999} for p in data["people"]]
    with pytest.raises(BadInput, match="inconsistent"):
        repo.load_dump(data)


@pytest.mark.parametrize(
    ("table", "change"),
    [
        ("opportunities", {"colour": "red"}),
        ("opportunities", {"created_at": "2025-03-01T09:00:00"}),  # no offset
        ("timelines", {"decision_by": "soon"}),
    ],
)
def test_unreadable_backup_rows_are_bad_input(
    repo: Repository, table: str, change: dict[str, Any]
) -> None:
    _populate(repo)
    data = repo.dump()
    repo.wipe()
    data[table] = [{**row, **change} for row in data[table]]
    with pytest.raises(BadInput):
        repo.load_dump(data)


def test_dump_values_are_json_types(repo: Repository) -> None:
    _populate(repo)
    data = repo.dump()
    opportunity = data["opportunities"][0]
    assert opportunity["created_at"] == "2025-03-01T13:15:30.250000+00:00"
    assert data["timelines"][0]["decision_by"] == "2025-03-14"
    assert data["interviews"][1]["cancelled"] is True
    assert json.loads(json.dumps(data)) == data


def test_relative_times_keep_their_order(repo: Repository) -> None:
    opp = repo.add_opportunity("A", "Dev", Route.DIRECT, at(1, 9), None)
    base = datetime(2025, 11, 2, 5, 59, 59, 999_999, tzinfo=UTC)
    moments = [base + timedelta(microseconds=n) for n in (3, 1, 2)]
    for n, moment in enumerate(moments):
        repo.add_reply(opp, moment, str(n))
    assert [r.note for r in repo.load_opportunity(opp).replies] == ["1", "2", "0"]
