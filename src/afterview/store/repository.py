"""Reading and writing facts, decisions and the materialised plan.

`Repository` wraps a Connection whose transaction the caller owns, so one use case
is one transaction: `with engine.begin() as conn: repo = Repository(conn)`.
Values go in and come out as the playbook's types: aware datetimes, dates and
the enums of facts.py; ids are the database's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import (
    Boolean,
    Date,
    Integer,
    Table,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection, RowMapping
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql import Select

from afterview.errors import (
    BadInput,
    Conflict,
    UnknownInterview,
    UnknownMessage,
    UnknownOpportunity,
    UnknownPerson,
)
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
from afterview.store import schema as t
from afterview.store.types import UTCDateTime, to_utc

Row = dict[str, Any]
E = TypeVar("E", bound=Enum)

ACTION_COLUMNS = tuple(column.name for column in t.actions.columns)
DUMP_TABLES = tuple(
    table for table in t.metadata.sorted_tables if table.name not in t.DERIVED_TABLES
)
ID_COUNTERS = "_id_counters"  # pseudo-table in dumps: the highest id each table issued

# Debrief list fields and the `section` each is stored under.
_SECTIONS = {
    "went_well": "went_well",
    "cover_more": "cover_more",
    "nuggets": "nugget",
    "new_questions": "new_question",
    "liked": "liked",
    "disliked": "disliked",
    "concerns": "concern",
}


class Repository:
    """Every query the use cases make; services never write SQL themselves."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # --- opportunities -------------------------------------------------------

    def add_opportunity(
        self, company: str, role: str, route: Route, created_at: datetime, tz: str | None
    ) -> int:
        return self._insert(
            t.opportunities,
            company=company,
            role=role,
            route=Route(route).value,
            created_at=created_at,
            tz=tz,
        )

    def update_opportunity(self, opp_id: int, **fields: Any) -> None:
        """Change columns of an opportunity (company, role, route, created_at, tz…)."""
        if "status" in fields:
            fields["status"] = Status(fields["status"])
        self._update(t.opportunities, opp_id, fields, UnknownOpportunity(opp_id))

    def set_status(self, opp_id: int, status: str, closed: bool) -> None:
        """Store the status the playbook derived, so lists need not re-derive it."""
        self.update_opportunity(opp_id, status=Status(status), closed=closed)

    def get_opportunity_row(self, opp_id: int) -> Row:
        row = self._one(select(t.opportunities).where(t.opportunities.c.id == opp_id))
        if row is None:
            raise UnknownOpportunity(opp_id)
        return _opportunity_row(row)

    def list_opportunities(self) -> list[Row]:
        """The columns lists show, by id; route and status as enums, closed as bool."""
        columns = ("id", "company", "role", "route", "status", "closed", "created_at")
        query = select(*(t.opportunities.c[c] for c in columns)).order_by(t.opportunities.c.id)
        return [_opportunity_row(row) for row in self._all(query)]

    def delete_opportunity(self, opp_id: int) -> None:
        """Remove an opportunity with everything recorded about it (cascades)."""
        gone = self.conn.execute(delete(t.opportunities).where(t.opportunities.c.id == opp_id))
        if gone.rowcount == 0:
            raise UnknownOpportunity(opp_id)

    # --- people --------------------------------------------------------------

    def add_person(
        self,
        opp_id: int,
        name: str,
        role: PersonRole,
        email: str | None = None,
        phone: str | None = None,
        title: str | None = None,
        source: Source = Source.TYPED,
    ) -> int:
        self._require_opportunity(opp_id)
        return self._insert(
            t.people,
            opportunity_id=opp_id,
            name=name,
            role=PersonRole(role).value,
            email=email,
            phone=phone,
            title=title,
            source=Source(source).value,
        )

    def update_person(self, person_id: int, **fields: Any) -> None:
        self._update(t.people, person_id, fields, UnknownPerson(person_id))

    def get_person(self, person_id: int) -> tuple[int, Person]:
        """The person and the opportunity they belong to."""
        row = self._one(select(t.people).where(t.people.c.id == person_id))
        if row is None:
            raise UnknownPerson(person_id)
        return row["opportunity_id"], _person(row)

    # --- interviews ----------------------------------------------------------

    def add_interview(
        self,
        opp_id: int,
        round: int,
        start: datetime,
        end: datetime,
        tz: str,
        format: InterviewFormat,
        location: str | None,
        recruiter_call_at: datetime | None,
        interviewer_ids: Sequence[int],
        invite_uid: str | None = None,
        invite_sequence: int | None = None,
        recorded_at: datetime | None = None,
    ) -> int:
        self._require_opportunity(opp_id)
        interview_id = self._insert(
            t.interviews,
            opportunity_id=opp_id,
            round=round,
            start_at=start,
            end_at=end,
            tz=tz,
            format=InterviewFormat(format).value,
            location=location,
            recruiter_call_at=recruiter_call_at,
            invite_uid=invite_uid,
            invite_sequence=invite_sequence,
            recorded_at=recorded_at,
        )
        self.set_interviewers(interview_id, interviewer_ids)
        return interview_id

    def update_interview(self, interview_id: int, **fields: Any) -> None:
        """Change columns; `start`/`end` name start_at/end_at, `interviewer_ids` the panel."""
        interviewer_ids = fields.pop("interviewer_ids", None)
        for alias in ("start", "end"):
            if alias in fields:
                fields[f"{alias}_at"] = fields.pop(alias)
        self._update(t.interviews, interview_id, fields, UnknownInterview(interview_id))
        if interviewer_ids is not None:
            self.set_interviewers(interview_id, interviewer_ids)

    def set_interviewers(self, interview_id: int, ids: Sequence[int]) -> None:
        """Replace the panel, keeping the given order; each must be the opportunity's."""
        opp_id = self.interview_opportunity(interview_id)
        wanted = list(dict.fromkeys(ids))
        self._require_people(opp_id, wanted)
        ip = t.interview_people
        self.conn.execute(delete(ip).where(ip.c.interview_id == interview_id))
        if wanted:
            self.conn.execute(
                insert(ip),
                [
                    {"interview_id": interview_id, "person_id": pid, "position": n}
                    for n, pid in enumerate(wanted)
                ],
            )

    def interview_opportunity(self, interview_id: int) -> int:
        query = select(t.interviews.c.opportunity_id).where(t.interviews.c.id == interview_id)
        opp_id = self.conn.execute(query).scalar()
        if opp_id is None:
            raise UnknownInterview(interview_id)
        return int(opp_id)

    def next_round(self, opp_id: int) -> int:
        """One past the highest round still on; a cancelled round is scheduled again."""
        iv = t.interviews
        query = select(func.max(iv.c.round)).where(
            iv.c.opportunity_id == opp_id, iv.c.cancelled.is_(False)
        )
        return int(self.conn.execute(query).scalar() or 0) + 1

    def interview_for_invite(self, invite_uid: str) -> Row | None:
        """The interview imported from a calendar invite (id, opportunity_id, sequence…)."""
        iv = t.interviews
        query = (
            select(iv.c.id, iv.c.opportunity_id, iv.c.invite_sequence, iv.c.cancelled)
            .where(iv.c.invite_uid == invite_uid)
            .order_by(iv.c.id.desc())
            .limit(1)
        )
        row = self._one(query)
        return dict(row) if row is not None else None

    # --- timelines, contacts, replies ----------------------------------------

    def add_timeline(self, opp_id: int, timeline: Timeline) -> int:
        self._require_opportunity(opp_id)
        if timeline.follow_up_with is not None:
            self._require_people(opp_id, [timeline.follow_up_with])
        return self._insert(
            t.timelines,
            opportunity_id=opp_id,
            recorded_at=timeline.recorded_at,
            decision_by=timeline.decision_by,
            follow_up_with=timeline.follow_up_with,
            follow_up_how=_value(timeline.follow_up_how),
            follow_up_on=timeline.follow_up_on,
            none_given=timeline.none_given,
        )

    def add_contact(
        self,
        opp_id: int,
        at: datetime,
        kind: ContactKind,
        channel: Channel,
        person_id: int | None = None,
        note: str | None = None,
        flag: str | None = None,
    ) -> int:
        """Record an outbound touch; `flag` keeps a warning shown with it (a guard breach)."""
        self._require_opportunity(opp_id)
        if person_id is not None:
            self._require_people(opp_id, [person_id])
        return self._insert(
            t.contacts,
            opportunity_id=opp_id,
            at=at,
            kind=ContactKind(kind).value,
            channel=Channel(channel).value,
            person_id=person_id,
            note=note,
            flag=flag,
        )

    def contact_flags(self, opp_id: int) -> dict[int, str]:
        """Contact id → warning, for the contacts that carry one."""
        c = t.contacts
        query = select(c.c.id, c.c.flag).where(c.c.opportunity_id == opp_id, c.c.flag.is_not(None))
        return {row.id: row.flag for row in self.conn.execute(query)}

    def add_reply(self, opp_id: int, at: datetime, note: str | None = None) -> int:
        self._require_opportunity(opp_id)
        return self._insert(t.replies, opportunity_id=opp_id, at=at, note=note)

    # --- debriefs, reflections, outcomes, competitors --------------------------

    def save_debrief(self, debrief: Debrief) -> None:
        """Store the debrief of an interview, replacing any earlier one entirely."""
        interview_id = debrief.interview_id
        self.interview_opportunity(interview_id)
        for table in (t.debrief_items, t.debrief_questions, t.debriefs):
            self.conn.execute(delete(table).where(table.c.interview_id == interview_id))
        self.conn.execute(
            insert(t.debriefs).values(
                interview_id=interview_id,
                recorded_at=debrief.recorded_at,
                overall=_value(debrief.overall),
            )
        )
        self._insert_many(t.debrief_items, _debrief_items(debrief))
        self._insert_many(t.debrief_questions, _debrief_questions(debrief))

    def keep_debrief_version(
        self, interview_id: int, recorded_at: datetime, replaced_at: datetime, content: str
    ) -> int:
        """The earlier version of a debrief, before it is added to or replaced (P4)."""
        return self._insert(
            t.debrief_history,
            interview_id=interview_id,
            recorded_at=recorded_at,
            replaced_at=replaced_at,
            content=content,
        )

    def debrief_versions(self, interview_id: int) -> list[RowMapping]:
        h = t.debrief_history
        query = select(h).where(h.c.interview_id == interview_id).order_by(h.c.id)
        return list(self._all(query))

    def add_reflection(
        self,
        opp_id: int,
        recorded_at: datetime,
        fit: int,
        growth: int,
        culture: int,
        values: int,
        happy: int,
        decision: FitDecision,
        concerns: str | None = None,
        interview_id: int | None = None,
    ) -> int:
        scores = {"fit": fit, "growth": growth, "culture": culture, "values": values}
        scores["happy"] = happy
        if not all(1 <= score <= 5 for score in scores.values()):
            raise ValueError(f"reflection scores must be 1-5, got {scores}")
        self._require_opportunity(opp_id)
        if interview_id is not None and self.interview_opportunity(interview_id) != opp_id:
            raise UnknownInterview(interview_id)
        return self._insert(
            t.reflections,
            opportunity_id=opp_id,
            interview_id=interview_id,
            recorded_at=recorded_at,
            concerns=concerns,
            decision=FitDecision(decision).value,
            **scores,
        )

    def add_outcome(self, opp_id: int, at: datetime, outcome: Outcome) -> int:
        self._require_opportunity(opp_id)
        return self._insert(
            t.outcomes, opportunity_id=opp_id, at=at, outcome=Outcome(outcome).value
        )

    def add_competitor(self, opp_id: int, name: str) -> None:
        """Note a competing process; adding the same name twice changes nothing."""
        self._require_opportunity(opp_id)
        c = t.competitors
        known = select(c.c.id).where(c.c.opportunity_id == opp_id, c.c.name == name)
        if self.conn.execute(known).first() is None:
            self._insert(c, opportunity_id=opp_id, name=name)

    # --- loading whole opportunities --------------------------------------------

    def load_opportunity(self, opp_id: int) -> Opportunity:
        """Every fact of one opportunity, tuples in chronological order."""
        loaded = self._load(opp_id)
        if not loaded:
            raise UnknownOpportunity(opp_id)
        return loaded[0]

    def load_all_opportunities(self) -> list[Opportunity]:
        """Every opportunity by id, with one query per table whatever their number."""
        return self._load(None)

    def _load(self, opp_id: int | None) -> list[Opportunity]:
        opportunities = self._all(
            _for(select(t.opportunities), t.opportunities.c.id, opp_id).order_by(
                t.opportunities.c.id
            )
        )
        if not opportunities:
            return []
        parts = _Parts(self, opp_id)
        return [parts.build(row) for row in opportunities]

    # --- decisions ----------------------------------------------------------------

    def get_decision(self, key: str) -> Decision | None:
        row = self._one(select(t.decisions).where(t.decisions.c.key == key))
        return _decision(row) if row is not None else None

    def put_decision(self, decision: Decision, opp_id: int | None) -> None:
        """Insert or replace the decision on an action key."""
        values = {
            "opportunity_id": opp_id,
            "kind": DecisionKind(decision.kind).value,
            "at": decision.at,
            "reason": decision.reason,
            "until": decision.until,
        }
        d = t.decisions
        changed = self.conn.execute(update(d).where(d.c.key == decision.key).values(values))
        if changed.rowcount == 0:
            self.conn.execute(insert(d).values(key=decision.key, **values))

    def delete_decision(self, key: str) -> bool:
        """Forget a decision (undo); True if there was one."""
        gone = self.conn.execute(delete(t.decisions).where(t.decisions.c.key == key))
        return gone.rowcount > 0

    def decisions_for(self, opp_id: int | None) -> dict[str, Decision]:
        """Decisions of one opportunity's actions; None gives the global actions'."""
        d = t.decisions
        where = d.c.opportunity_id.is_(None) if opp_id is None else d.c.opportunity_id == opp_id
        return {row["key"]: _decision(row) for row in self._all(select(d).where(where))}

    def all_decisions(self) -> dict[int | None, dict[str, Decision]]:
        """Every decision grouped by opportunity id (None for global), in one query."""
        grouped: dict[int | None, dict[str, Decision]] = defaultdict(dict)
        for row in self._all(select(t.decisions).order_by(t.decisions.c.key)):
            grouped[row["opportunity_id"]][row["key"]] = _decision(row)
        return dict(grouped)

    # --- the weekly search step and meta ------------------------------------------

    def add_search_close(self, at: datetime, kind: str) -> int:
        """Record that the weekly keep-searching step was closed ('done' or 'skipped')."""
        kind = DecisionKind(kind).value
        if kind == DecisionKind.SNOOZED:
            raise ValueError("the search step is closed as done or skipped, not snoozed")
        return self._insert(t.search_log, closed_at=at, kind=kind)

    def search_log(self) -> SearchLog:
        s = t.search_log
        query = select(s.c.closed_at).order_by(s.c.closed_at, s.c.id)
        return SearchLog(tuple(self.conn.execute(query).scalars()))

    def get_meta(self, key: str) -> str | None:
        return self.conn.execute(select(t.meta.c.value).where(t.meta.c.key == key)).scalar()

    def set_meta(self, key: str, value: str) -> None:
        m = t.meta
        changed = self.conn.execute(update(m).where(m.c.key == key).values(value=value))
        if changed.rowcount == 0:
            self.conn.execute(insert(m).values(key=key, value=value))

    # --- facts across opportunities (they change every plan) -------------------------

    def accepted_offer(self) -> tuple[int, datetime] | None:
        """The opportunity whose offer stands accepted, and when (P12).

        Outcomes are a history in which the latest stands: an "accepted" later
        corrected (e.g. to "rejected") no longer counts, so the other processes
        get their follow-ups and the search back.
        """
        o = t.outcomes
        later = t.outcomes.alias("later")
        superseded = (
            select(later.c.id)
            .where(
                later.c.opportunity_id == o.c.opportunity_id,
                or_(later.c.at > o.c.at, and_(later.c.at == o.c.at, later.c.id > o.c.id)),
            )
            .exists()
        )
        query = (
            select(o.c.opportunity_id, o.c.at)
            .where(o.c.outcome == Outcome.ACCEPTED.value, ~superseded)
            .order_by(o.c.at, o.c.id)
            .limit(1)
        )
        row = self.conn.execute(query).first()
        return (row.opportunity_id, row.at) if row is not None else None

    def first_debrief_at(self) -> datetime | None:
        """When the first debrief ever was recorded: lessons exist from then on (P11)."""
        return self.conn.execute(select(func.min(t.debriefs.c.recorded_at))).scalar()

    def first_interview_end(self) -> tuple[datetime, str] | None:
        """The end and zone of the earliest interview not cancelled, of any opportunity."""
        iv = t.interviews
        query = (
            select(iv.c.end_at, iv.c.tz)
            .where(iv.c.cancelled.is_(False))
            .order_by(iv.c.end_at, iv.c.id)
            .limit(1)
        )
        row = self.conn.execute(query).first()
        return (row.end_at, row.tz) if row is not None else None

    def first_interview_entered(self) -> datetime | None:
        """When the earliest interview not cancelled (the one P9 counts from) was
        entered: a candidate-wide step already past by then is a catch-up (P11).
        Its opportunity's creation stands in for an interview entered before
        interviews kept that moment. The statement is shared with `afterview today`."""
        from afterview.agenda_query import FIRST_INTERVIEW_ENTERED, instant

        row = self.conn.execute(text(FIRST_INTERVIEW_ENTERED)).first()
        return None if row is None else instant(row[0])

    def any_open_opportunity(self) -> bool:
        query = select(t.opportunities.c.id).where(t.opportunities.c.closed == 0).limit(1)
        return self.conn.execute(query).first() is not None

    # --- the materialised plan ----------------------------------------------------

    def replace_actions(self, opp_id: int | None, rows: Sequence[Mapping[str, Any]]) -> None:
        """Swap one opportunity's planned actions (None: the global ones) for `rows`.

        Each row maps `actions` columns to values (missing ones are NULL); a row
        without `opportunity_id` gets `opp_id`, one with another id is refused.
        """
        a = t.actions
        where = a.c.opportunity_id.is_(None) if opp_id is None else a.c.opportunity_id == opp_id
        prepared = [_action_values(opp_id, row) for row in rows]
        short = self._step_ids(opp_id, [row["key"] for row in prepared])
        for row in prepared:
            row["step_id"] = short[row["key"]]
        self.conn.execute(delete(a).where(where))
        self._insert_many(a, prepared)

    def _step_ids(self, opp_id: int | None, keys: Sequence[str]) -> dict[str, int]:
        """Each key's short id, giving the next free one to a key never seen (kept for ever)."""
        s = t.step_ids
        where = s.c.opportunity_id.is_(None) if opp_id is None else s.c.opportunity_id == opp_id
        known = {row.key: row.id for row in self.conn.execute(select(s.c.key, s.c.id).where(where))}
        new = [key for key in dict.fromkeys(keys) if key not in known]
        if new:
            self._insert_many(s, [{"key": key, "opportunity_id": opp_id} for key in new])
            query = select(s.c.key, s.c.id).where(s.c.key.in_(new))
            known.update({row.key: row.id for row in self.conn.execute(query)})
        return known

    def action_key_for_step(self, step_id: int) -> str | None:
        """The key a short id names, if that step is still in the plan."""
        a, s = t.actions, t.step_ids
        query = select(a.c.key).join(s, s.c.key == a.c.key).where(s.c.id == step_id)
        return self.conn.execute(query).scalar()

    def action_keys(self) -> list[str]:
        """Every planned key (for "did you mean" when a typed key names none)."""
        return list(self.conn.execute(select(t.actions.c.key)).scalars())

    def serialise_writers(self) -> None:
        """One use case at a time per database, as SQLite's BEGIN IMMEDIATE gives.

        Re-planning rewrites an opportunity's rows of the plan; two PostgreSQL
        transactions doing it at once would collide on their keys. A transaction-scoped
        advisory lock (per schema) makes the second wait instead.
        """
        if self.conn.dialect.name == "postgresql":
            self.conn.execute(
                text(
                    "SELECT pg_advisory_xact_lock(hashtext('afterview-write:' || current_schema()))"
                )
            )

    def get_action(self, key: str) -> Row | None:
        row = self._one(select(t.actions).where(t.actions.c.key == key))
        return dict(row) if row is not None else None

    def actions_for(self, opp_id: int | None) -> list[Row]:
        """One opportunity's actions (None: global), by effective due time then key."""
        a = t.actions
        where = a.c.opportunity_id.is_(None) if opp_id is None else a.c.opportunity_id == opp_id
        query = select(a).where(where).order_by(a.c.effective_due_utc, a.c.key)
        return [dict(row) for row in self._all(query)]

    def agenda_rows(self, sql: str, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Run a statement shared with the light sqlite3 path (agenda_query): the agenda,
        and when the overdue steps' opportunities were entered."""
        return [tuple(row) for row in self.conn.execute(text(sql), dict(params))]

    def all_action_rows(self) -> list[Row]:
        a = t.actions
        query = select(a).order_by(a.c.effective_due_utc, a.c.key)
        return [dict(row) for row in self._all(query)]

    # --- the candidate's profile and word list ------------------------------------

    def get_profile(self) -> RowMapping | None:
        return self._one(select(t.profile).where(t.profile.c.id == 1))

    def put_profile(self, **fields: Any) -> None:
        """Create or replace the one profile row."""
        self.conn.execute(delete(t.profile))
        self.conn.execute(insert(t.profile).values(id=1, **fields))

    def add_word(self, word: str, at: datetime) -> bool:
        """False when the word was already on the list."""
        if self._one(select(t.words.c.word).where(t.words.c.word == word)) is not None:
            return False
        self.conn.execute(insert(t.words).values(word=word, added_at=at))
        return True

    def remove_word(self, word: str) -> bool:
        return self.conn.execute(delete(t.words).where(t.words.c.word == word)).rowcount > 0

    def list_words(self) -> list[str]:
        return list(self.conn.execute(select(t.words.c.word).order_by(t.words.c.word)).scalars())

    # --- messages (drafts and sent) -------------------------------------------------

    def add_message(self, opp_id: int, **fields: Any) -> int:
        self._require_opportunity(opp_id)
        person_id = fields.get("person_id")
        if person_id is not None:
            self._require_people(opp_id, [person_id])
        return self._insert(t.messages, opportunity_id=opp_id, **fields)

    def get_message(self, message_id: int) -> RowMapping | None:
        return self._one(select(t.messages).where(t.messages.c.id == message_id))

    def update_message(self, message_id: int, **fields: Any) -> None:
        self._update(t.messages, message_id, fields, UnknownMessage(message_id))

    def delete_message(self, message_id: int) -> bool:
        m = t.messages
        return self.conn.execute(delete(m).where(m.c.id == message_id)).rowcount > 0

    def list_messages(
        self, opp_id: int | None = None, person_id: int | None = None
    ) -> list[RowMapping]:
        m = t.messages
        query = select(m).order_by(m.c.created_at, m.c.id)
        if opp_id is not None:
            query = query.where(m.c.opportunity_id == opp_id)
        if person_id is not None:
            query = query.where(m.c.person_id == person_id)
        return list(self._all(query))

    # --- backup, emptiness, wiping ------------------------------------------------

    def dump(self) -> dict[str, list[Row]]:
        """Every recorded row as JSON-safe dicts, ids included (not the derived plan).

        `_id_counters` records the highest id each table ever issued, so a restore
        never hands out an id that an old decision key could still name.
        """
        data = {table.name: self._dump_table(table) for table in DUMP_TABLES}
        data[ID_COUNTERS] = [
            {"table": table.name, "last_id": self._last_id(table)} for table in _id_tables()
        ]
        return data

    def load_dump(self, data: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
        """Restore a `dump()` into a database holding no facts; ids are kept."""
        if not self.is_empty():
            raise Conflict(
                "The database already holds data; restore into an empty database "
                "(or wipe this one first)."
            )
        known = {table.name for table in DUMP_TABLES} | {ID_COUNTERS}
        unknown = sorted(set(data) - known)
        if unknown:
            raise BadInput(f"The backup has unknown tables: {', '.join(unknown)}.")
        try:
            self._restore_rows(data)
        except IntegrityError as exc:
            raise BadInput(f"The backup is inconsistent: {_first_line(exc.orig)}") from exc
        counters = {c["table"]: int(c["last_id"]) for c in data.get(ID_COUNTERS, ())}
        for table in _id_tables():
            self._set_last_id(table, counters.get(table.name, 0))

    def _restore_rows(self, data: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
        for table in DUMP_TABLES:  # parents before children
            rows = [_from_json(table, row) for row in data.get(table.name, ())]
            if table is t.meta:
                for row in rows:
                    self.set_meta(row["key"], row["value"])
            else:
                self._insert_many(table, rows)

    def is_empty(self) -> bool:
        """True when no fact, decision or search-log row exists (meta and plan aside)."""
        return all(
            self.conn.execute(select(1).select_from(table).limit(1)).first() is None
            for table in t.FACT_TABLES
        )

    def wipe(self) -> None:
        """Delete every row of every table, children first."""
        for table in reversed(t.metadata.sorted_tables):
            self.conn.execute(delete(table))

    # --- helpers --------------------------------------------------------------------

    def _insert(self, table: Table, **values: Any) -> int:
        """Insert one row and return its new id."""
        key = self.conn.execute(insert(table).values(**values)).inserted_primary_key
        assert key is not None
        return int(key[0])

    def _insert_many(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            self.conn.execute(insert(table), list(rows))

    def _update(
        self, table: Table, row_id: int, fields: dict[str, Any], missing: Exception
    ) -> None:
        """Set `fields` on one row by id; unknown names are a programming error."""
        editable = {c.name for c in table.columns} - {"id", "opportunity_id"}
        wrong = sorted(set(fields) - editable)
        if wrong:
            raise TypeError(f"{table.name} has no editable column(s) {', '.join(wrong)}")
        if not fields:
            if self._one(select(table.c.id).where(table.c.id == row_id)) is None:
                raise missing
            return
        values = {name: _to_db(table, name, value) for name, value in fields.items()}
        changed = self.conn.execute(update(table).where(table.c.id == row_id).values(values))
        if changed.rowcount == 0:
            raise missing

    def _require_opportunity(self, opp_id: int) -> None:
        query = select(t.opportunities.c.id).where(t.opportunities.c.id == opp_id)
        if self.conn.execute(query).first() is None:
            raise UnknownOpportunity(opp_id)

    def _require_people(self, opp_id: int, person_ids: Sequence[int]) -> None:
        """Refuse people who do not exist or belong to another opportunity."""
        if not person_ids:
            return
        p = t.people
        query = select(p.c.id).where(p.c.opportunity_id == opp_id, p.c.id.in_(person_ids))
        found = set(self.conn.execute(query).scalars())
        for person_id in person_ids:
            if person_id not in found:
                raise UnknownPerson(person_id, opp_id)

    def _one(self, query: Select[Any]) -> RowMapping | None:
        return self.conn.execute(query).mappings().first()

    def _all(self, query: Select[Any]) -> Sequence[RowMapping]:
        return self.conn.execute(query).mappings().all()

    def _dump_table(self, table: Table) -> list[Row]:
        query = select(table).order_by(*table.primary_key.columns)
        return [{k: _to_json(v) for k, v in row.items()} for row in self._all(query)]

    def _last_id(self, table: Table) -> int:
        """The highest id the table ever issued (0 when none)."""
        if self.conn.dialect.name == "postgresql":
            sequence = self.conn.execute(
                text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
            ).scalar_one()
            row = self.conn.execute(text(f"SELECT last_value, is_called FROM {sequence}")).one()
            return int(row.last_value) if row.is_called else int(row.last_value) - 1
        seq = self.conn.execute(
            text("SELECT seq FROM sqlite_sequence WHERE name = :table"), {"table": table.name}
        ).scalar()
        return int(seq or 0)

    def _set_last_id(self, table: Table, last_id: int) -> None:
        """Make the next id `max(last_id, highest present id) + 1`."""
        highest = self.conn.execute(select(func.max(table.c.id))).scalar() or 0
        last_id = max(last_id, int(highest))
        if self.conn.dialect.name == "postgresql":
            self.conn.execute(
                text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :n, :called)"),
                {"table": table.name, "n": max(last_id, 1), "called": last_id > 0},
            )
            return
        params = {"table": table.name, "n": last_id}
        changed = self.conn.execute(
            text("UPDATE sqlite_sequence SET seq = :n WHERE name = :table"), params
        )
        if changed.rowcount == 0 and last_id > 0:
            self.conn.execute(
                text("INSERT INTO sqlite_sequence (name, seq) VALUES (:table, :n)"), params
            )


class _Parts:
    """The child rows of the loaded opportunities, fetched once per table and grouped."""

    def __init__(self, repo: Repository, opp_id: int | None) -> None:
        self.people = _grouped(repo, t.people, opp_id, t.people.c.id)
        self.interviews = _grouped(repo, t.interviews, opp_id, "start_at", "id")
        self.timelines = _grouped(repo, t.timelines, opp_id, "recorded_at", "id")
        self.contacts = _grouped(repo, t.contacts, opp_id, "at", "id")
        self.replies = _grouped(repo, t.replies, opp_id, "at", "id")
        self.reflections = _grouped(repo, t.reflections, opp_id, "recorded_at", "id")
        self.outcomes = _grouped(repo, t.outcomes, opp_id, "at", "id")
        self.competitors = _grouped(repo, t.competitors, opp_id, "id")
        self.debriefs = _grouped(repo, t.debriefs, opp_id, "recorded_at", "interview_id")
        self.panels = _by_interview(repo, t.interview_people, opp_id, "position")
        self.items = _by_interview(repo, t.debrief_items, opp_id, "position")
        self.questions = _by_interview(repo, t.debrief_questions, opp_id, "position")

    def build(self, row: RowMapping) -> Opportunity:
        opp_id = row["id"]
        return Opportunity(
            id=opp_id,
            company=row["company"],
            role=row["role"],
            route=Route(row["route"]),
            created_at=row["created_at"],
            tz=row["tz"],
            org_tz=row["org_tz"],
            holiday_country=row["holiday_country"],
            people=tuple(_person(r) for r in self.people[opp_id]),
            interviews=tuple(self._interview(r) for r in self.interviews[opp_id]),
            timelines=tuple(_timeline(r) for r in self.timelines[opp_id]),
            contacts=tuple(_contact(r) for r in self.contacts[opp_id]),
            replies=tuple(Reply(r["id"], r["at"], r["note"]) for r in self.replies[opp_id]),
            debriefs=tuple(self._debrief(r) for r in self.debriefs[opp_id]),
            reflections=tuple(_reflection(r) for r in self.reflections[opp_id]),
            outcomes=tuple(
                OutcomeEvent(r["at"], Outcome(r["outcome"])) for r in self.outcomes[opp_id]
            ),
            competitors=tuple(r["name"] for r in self.competitors[opp_id]),
        )

    def _interview(self, row: RowMapping) -> Interview:
        return Interview(
            id=row["id"],
            round=row["round"],
            start=row["start_at"],
            end=row["end_at"],
            tz=row["tz"],
            format=InterviewFormat(row["format"]),
            location=row["location"],
            interviewer_ids=tuple(r["person_id"] for r in self.panels[row["id"]]),
            recruiter_call_at=row["recruiter_call_at"],
            cancelled=bool(row["cancelled"]),
            recorded_at=row["recorded_at"],
        )

    def _debrief(self, row: RowMapping) -> Debrief:
        interview_id = row["interview_id"]
        sections: dict[str, list[str]] = defaultdict(list)
        said_by: list[int | None] = []
        for item in self.items[interview_id]:
            sections[item["section"]].append(item["text"])
            if item["section"] == "nugget":
                said_by.append(item["said_by"])
        lists = {field: tuple(sections[section]) for field, section in _SECTIONS.items()}
        return Debrief(
            interview_id=interview_id,
            recorded_at=row["recorded_at"],
            nugget_said_by=tuple(said_by) if any(s is not None for s in said_by) else (),
            questions=tuple(_question(q) for q in self.questions[interview_id]),
            overall=_enum_or_none(Overall, row["overall"]),
            **lists,
        )


# --- queries for loading ------------------------------------------------------------


def _for(query: Select[Any], column: Any, opp_id: int | None) -> Select[Any]:
    return query if opp_id is None else query.where(column == opp_id)


def _grouped(
    repo: Repository, table: Table, opp_id: int | None, *order: Any
) -> defaultdict[int, list[RowMapping]]:
    """Rows of a table with an opportunity_id, grouped by it, in the given order."""
    if table is t.debriefs:  # keyed by interview: reach the opportunity through it
        iv = t.interviews
        query = select(table, iv.c.opportunity_id).join(iv, iv.c.id == table.c.interview_id)
    else:
        query = select(table)
    columns = [table.c[c] if isinstance(c, str) else c for c in order]
    query = _for(query, query.selected_columns.opportunity_id, opp_id).order_by(*columns)
    return _group(repo._all(query), "opportunity_id")


def _by_interview(
    repo: Repository, table: Table, opp_id: int | None, order: str
) -> defaultdict[int, list[RowMapping]]:
    """Rows keyed by interview_id, restricted to one opportunity's interviews."""
    iv = t.interviews
    query = select(table).join(iv, iv.c.id == table.c.interview_id)
    query = _for(query, iv.c.opportunity_id, opp_id).order_by(table.c.interview_id, table.c[order])
    return _group(repo._all(query), "interview_id")


def _group(rows: Iterable[RowMapping], key: str) -> defaultdict[int, list[RowMapping]]:
    grouped: defaultdict[int, list[RowMapping]] = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return grouped


# --- rows to facts ------------------------------------------------------------------


def _opportunity_row(row: RowMapping) -> Row:
    converted = dict(row)
    converted["route"] = Route(row["route"])
    if "status" in row:
        converted["status"] = Status(row["status"])
    if "closed" in row:
        converted["closed"] = bool(row["closed"])
    return converted


def _person(row: RowMapping) -> Person:
    return Person(
        id=row["id"],
        name=row["name"],
        role=PersonRole(row["role"]),
        email=row["email"],
        phone=row["phone"],
        title=row["title"],
        source=Source(row["source"]),
    )


def _timeline(row: RowMapping) -> Timeline:
    return Timeline(
        recorded_at=row["recorded_at"],
        decision_by=row["decision_by"],
        follow_up_with=row["follow_up_with"],
        follow_up_how=_enum_or_none(Channel, row["follow_up_how"]),
        follow_up_on=row["follow_up_on"],
        none_given=bool(row["none_given"]),
    )


def _contact(row: RowMapping) -> Contact:
    return Contact(
        id=row["id"],
        at=row["at"],
        kind=ContactKind(row["kind"]),
        channel=Channel(row["channel"]),
        person_id=row["person_id"],
        note=row["note"],
    )


def _reflection(row: RowMapping) -> Reflection:
    return Reflection(
        id=row["id"],
        recorded_at=row["recorded_at"],
        fit=row["fit"],
        growth=row["growth"],
        culture=row["culture"],
        values=row["values"],
        happy=row["happy"],
        decision=FitDecision(row["decision"]),
        concerns=row["concerns"],
        interview_id=row["interview_id"],
    )


def _question(row: RowMapping) -> QuestionReview:
    return QuestionReview(
        question=row["question"],
        quality=AnswerQuality(row["quality"]),
        reason=_enum_or_none(AnswerReason, row["reason"]),
        add_next_time=row["add_next_time"],
    )


def _decision(row: RowMapping) -> Decision:
    return Decision(
        key=row["key"],
        kind=DecisionKind(row["kind"]),
        at=row["at"],
        reason=row["reason"],
        until=row["until"],
    )


# --- facts to rows ------------------------------------------------------------------


def _debrief_items(debrief: Debrief) -> list[Row]:
    return [
        {
            "interview_id": debrief.interview_id,
            "section": section,
            "position": n,
            "text": item,
            "said_by": debrief.said_by(n) if section == "nugget" else None,
        }
        for field, section in _SECTIONS.items()
        for n, item in enumerate(getattr(debrief, field))
    ]


def _debrief_questions(debrief: Debrief) -> list[Row]:
    return [
        {
            "interview_id": debrief.interview_id,
            "position": n,
            "question": q.question,
            "quality": AnswerQuality(q.quality).value,
            "reason": _value(q.reason),
            "add_next_time": q.add_next_time,
        }
        for n, q in enumerate(debrief.questions)
    ]


def _action_values(opp_id: int | None, row: Mapping[str, Any]) -> Row:
    wrong = sorted(set(row) - set(ACTION_COLUMNS))
    if wrong:
        raise ValueError(f"actions has no column(s) {', '.join(wrong)}")
    values = {name: row.get(name) for name in ACTION_COLUMNS}
    values["opportunity_id"] = row.get("opportunity_id", opp_id)
    if values["opportunity_id"] != opp_id:
        raise ValueError(f"action {row.get('key')!r} belongs to {values['opportunity_id']}")
    return values


# --- value conversions ----------------------------------------------------------------


def _value(member: Enum | None) -> Any:
    return None if member is None else member.value


def _enum_or_none(kind: type[E], value: str | None) -> E | None:
    return None if value is None else kind(value)


def _to_db(table: Table, name: str, value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool) and isinstance(table.c[name].type, Integer):
        return int(value)
    return value


def _to_json(value: Any) -> Any:
    if isinstance(value, date):  # datetimes included: both have isoformat
        return value.isoformat()
    return value


def _from_json(table: Table, row: Mapping[str, Any]) -> Row:
    wrong = sorted(set(row) - set(table.columns.keys()))
    if wrong:
        raise BadInput(f"The backup's {table.name} rows have unknown columns: {', '.join(wrong)}.")
    return {column.name: _parse(column.type, row.get(column.name)) for column in table.columns}


def _parse(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    try:
        if isinstance(kind, UTCDateTime):
            return to_utc(datetime.fromisoformat(value))
        if isinstance(kind, Date):
            return date.fromisoformat(value)
        if isinstance(kind, Boolean):
            return bool(value)
    except (TypeError, ValueError) as exc:  # NaiveDatetimeError is a ValueError
        raise BadInput(f"The backup holds an unreadable value {value!r}: {exc}") from exc
    return value


def _id_tables() -> list[Table]:
    """Tables whose key is an autoincrementing integer `id`."""
    return [
        table
        for table in DUMP_TABLES
        if [c.name for c in table.primary_key.columns] == ["id"]
        and table.c.id.autoincrement is not False
    ]


def _first_line(error: object) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
