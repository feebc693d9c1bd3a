"""Invariants of the whole plan over random but valid opportunities (hypothesis).

Each property names the rules it guards: P8's weekly guard, "due after the fact it
depends on" (P1–P12), determinism, key stability (so stored decisions keep applying),
and timezone-aware dues with a rule id at the end of every reason.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from afterview.playbook import pacing
from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import (
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
    PlanContext,
    Reflection,
    Reply,
    Route,
    SearchLog,
    Timeline,
)
from afterview.playbook.plan import plan_opportunity, plan_search
from afterview.playbook.settings import Settings
from afterview.playbook.timing import at_local, calendar_for

ZONES = (
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Asia/Kolkata",
    "UTC",
)
FIRST_DAY = date(2026, 1, 5)
BEFORE_THE_START = frozenset({"P2", "P10", "P11"})  # deliberately due before the interview
WHY_ENDS_WITH_RULE_IDS = re.compile(r"\((P\d+(?:, P\d+)*)\)$")

# Follow-ups weighted up so that the weekly guard (P8) is exercised often.
CONTACT_KINDS = [ContactKind.FOLLOW_UP] * 4 + list(ContactKind)

PROPERTY = hypothesis_settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

T = TypeVar("T")


# --- strategies -------------------------------------------------------------------------------


@st.composite
def written_in_some_zone(draw: st.DrawFn, moment: datetime) -> datetime:
    """The same instant, written in a random zone (the store gives UTC; others may not)."""
    return moment.astimezone(ZoneInfo(draw(st.sampled_from(ZONES))))


@st.composite
def interviews(draw: st.DrawFn, people: list[Person]) -> list[Interview]:
    """1–3 rounds at least two days apart, each in its own zone, on working-hour starts."""
    day = FIRST_DAY + timedelta(days=draw(st.integers(0, 330)))
    found: list[Interview] = []
    for index in range(draw(st.integers(1, 3))):
        if index:
            day += timedelta(days=draw(st.integers(2, 21)))
        tz = draw(st.sampled_from(ZONES))
        start = at_local(
            day, time(draw(st.integers(7, 19)), draw(st.sampled_from([0, 15, 30, 45]))), tz
        )
        end = start.astimezone(UTC) + timedelta(minutes=15 * draw(st.integers(2, 12)))
        call = None
        if draw(st.booleans()):
            call = end + timedelta(minutes=draw(st.integers(0, 300)))
        ids = [p.id for p in people]
        found.append(
            Interview(
                id=index + 1,
                round=index + 1,
                start=draw(written_in_some_zone(start)),
                end=draw(written_in_some_zone(end)),
                tz=tz,
                format=draw(st.sampled_from(list(InterviewFormat))),
                interviewer_ids=tuple(draw(st.lists(st.sampled_from(ids), unique=True)))
                if ids
                else (),
                recruiter_call_at=draw(written_in_some_zone(call)) if call else None,
                cancelled=index > 0 and draw(st.integers(0, 5)) == 0,
            )
        )
    return found


@st.composite
def opportunities(draw: st.DrawFn, oid: int = 1) -> Opportunity:
    """A random but valid opportunity: people, rounds, contacts, replies, timelines, outcomes."""
    people = [
        Person(
            id=pid,
            name=f"Person {pid}",
            role=draw(st.sampled_from(list(PersonRole))),
            email=draw(st.sampled_from([None, f"p{pid}@example.org"])),
        )
        for pid in range(1, draw(st.integers(0, 4)) + 1)
    ]
    rounds = draw(interviews(people))
    first = rounds[0].start.astimezone(UTC)
    span = int((rounds[-1].end - rounds[0].start).total_seconds() // 60) + 60 * 24 * 60

    def moment() -> datetime:
        offset = timedelta(minutes=draw(st.integers(-5 * 24 * 60, span)))
        return draw(written_in_some_zone(first + offset))

    ids: list[int | None] = [None, *(p.id for p in people)]
    contacts = [
        Contact(
            id=n,
            at=moment(),
            kind=draw(st.sampled_from(CONTACT_KINDS)),
            channel=draw(st.sampled_from(list(Channel))),
            person_id=draw(st.sampled_from(ids)),
        )
        for n in range(1, draw(st.integers(0, 8)) + 1)
    ]
    replies = [Reply(id=n, at=moment()) for n in range(1, draw(st.integers(0, 2)) + 1)]
    timelines = []
    for _ in range(draw(st.integers(0, 2))):
        recorded = moment()
        timelines.append(
            Timeline(
                recorded_at=recorded,
                decision_by=draw(_maybe_day_after(recorded)),
                follow_up_with=draw(st.sampled_from(ids)),
                follow_up_how=draw(st.sampled_from([None, *Channel])),
                follow_up_on=draw(_maybe_day_after(recorded)),
            )
        )
    live_ids = [i.id for i in rounds]
    debriefs = [
        Debrief(
            interview_id=i.id,
            recorded_at=draw(
                written_in_some_zone(i.end + timedelta(minutes=draw(st.integers(0, 2880))))
            ),
            overall=draw(st.sampled_from([None, *Overall])),
        )
        for i in rounds
        if draw(st.booleans())
    ]
    reflections = [
        Reflection(
            id=n,
            recorded_at=moment(),
            fit=3,
            growth=3,
            culture=3,
            values=3,
            happy=3,
            decision=draw(st.sampled_from(list(FitDecision))),
            interview_id=draw(st.sampled_from([None, *live_ids])),
        )
        for n in range(1, draw(st.integers(0, 2)) + 1)
    ]
    outcomes = [
        OutcomeEvent(at=moment(), outcome=draw(st.sampled_from(list(Outcome))))
        for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2])))  # mostly still open
    ]
    return Opportunity(
        id=oid,
        company="Acme",
        role="Engineer",
        route=draw(st.sampled_from(list(Route))),
        created_at=first - timedelta(days=10),
        people=tuple(people),
        interviews=tuple(rounds),
        timelines=tuple(timelines),
        contacts=tuple(contacts),
        replies=tuple(replies),
        debriefs=tuple(debriefs),
        reflections=tuple(reflections),
        outcomes=tuple(outcomes),
        competitors=tuple(draw(st.lists(st.sampled_from(["Globex", "Initech"]), unique=True))),
    )


def _maybe_day_after(moment: datetime) -> st.SearchStrategy[date | None]:
    return st.one_of(
        st.none(),
        st.integers(0, 21).map(lambda days: moment.astimezone(UTC).date() + timedelta(days=days)),
    )


playbook_settings = st.builds(
    Settings,
    first_follow_up_days=st.integers(1, 14),
    follow_up_guard_days=st.integers(1, 14),
    max_unanswered_follow_ups=st.integers(1, 4),
    resume_after_reply_days=st.integers(0, 21),
    thank_you_to=st.sampled_from(["each", "hiring-manager"]),
)


@st.composite
def contexts(draw: st.DrawFn) -> PlanContext:
    accepted_at = None
    if draw(st.integers(0, 3)) == 0:
        accepted_at = datetime(2026, 1, 5, tzinfo=UTC) + timedelta(hours=draw(st.integers(0, 9000)))
    return PlanContext(
        accepted_offer_opp=draw(st.sampled_from([1, 2])) if accepted_at else None,
        accepted_offer_at=accepted_at,
        has_lessons=draw(st.booleans()),
        default_tz=draw(st.sampled_from(ZONES)),
    )


# --- helpers ----------------------------------------------------------------------------------


def rezone(value: T, tz: str) -> T:
    """The same facts with every datetime written in `tz` (same instants)."""
    if isinstance(value, datetime):
        return value.astimezone(ZoneInfo(tz))  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(rezone(v, tz) for v in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: rezone(getattr(value, f.name), tz) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)  # type: ignore[return-value]
    return value


def comparable(actions: list[PlannedAction]) -> list[tuple[Any, ...]]:
    """What the user sees of a plan, with instants in UTC."""

    def utc(moment: datetime | None) -> datetime | None:
        return moment.astimezone(UTC) if moment else None

    return [
        (a.key, a.rule, a.title, utc(a.due), a.tz, a.why, a.person_id, utc(a.satisfied_at))
        for a in actions
    ]


def interview_bound(actions: list[PlannedAction]) -> dict[str, int | None]:
    return {a.key: a.interview_id for a in actions if a.interview_id is not None}


def pending_chases(actions: list[PlannedAction]) -> list[PlannedAction]:
    """The next follow-up (or the suggestion to close instead), not yet made."""
    return [
        a
        for a in actions
        if a.rule == "P8"
        and a.satisfied_at is None
        and (a.key.startswith("P8:follow-up:") or a.key.startswith("P8:close-no-response:"))
    ]


# --- (1) P8: the weekly guard -----------------------------------------------------------------


@PROPERTY
@given(opportunities(), playbook_settings, contexts())
def test_p8_pending_follow_up_is_never_within_the_guard_of_a_logged_one(
    opp: Opportunity, settings: Settings, context: PlanContext
) -> None:
    for action in pending_chases(plan_opportunity(opp, settings, context)):
        verdict = pacing.guard_verdict(opp.contacts, action.due, settings.follow_up_guard_days)
        assert verdict.allowed, (action.key, action.due, verdict)


@PROPERTY
@given(opportunities(), playbook_settings, contexts())
def test_p8_a_follow_up_falls_due_in_working_hours_of_a_working_day(
    opp: Opportunity, settings: Settings, context: PlanContext
) -> None:
    """P8: a message to a person at work; a thank-you sent at 04:05 gives 09:00, not 04:05."""
    calendar = calendar_for(settings)
    tz = opp.zone(context.default_tz)
    for action in pending_chases(plan_opportunity(opp, settings, context)):
        if not action.key.startswith("P8:follow-up:"):
            continue
        wall = action.due.astimezone(ZoneInfo(tz))
        assert calendar.is_working_day(wall.date()), (action.key, wall)
        assert settings.working_day_start <= wall.time() <= settings.working_day_end, (
            action.key,
            wall,
        )


# --- (2) nothing is due before the fact it depends on -----------------------------------------


@PROPERTY
@given(opportunities(), playbook_settings, contexts())
def test_no_action_is_due_before_the_fact_it_depends_on(
    opp: Opportunity, settings: Settings, context: PlanContext
) -> None:
    """P1, P3–P7: after that interview's end; P2/P10/P11 before its start; P8 after the last."""
    actions = plan_opportunity(opp, settings, context)
    by_id = {i.id: i for i in opp.interviews}
    for a in actions:
        if a.interview_id is None:
            continue
        iv = by_id[a.interview_id]
        if a.rule in BEFORE_THE_START:
            assert a.due <= iv.start, a
        else:
            assert a.due >= iv.end, a
    latest_end = opp.live_interviews[-1].end
    for a in pending_chases(actions):
        assert a.due >= latest_end, a
    withdraw_moments = [
        r.recorded_at for r in opp.reflections if r.decision is FitDecision.WITHDRAW
    ]
    withdraw_moments += [e.at for e in opp.outcomes if e.outcome is Outcome.WITHDRAWN]
    for a in actions:
        if a.key.startswith("P7:withdrawal:"):
            assert a.due >= min(withdraw_moments)
        if a.key.startswith("P12:withdraw-after-acceptance:"):
            assert context.accepted_offer_at is not None
            assert a.due >= context.accepted_offer_at
        if a.key.startswith("P12:offer-reply:"):
            offered = max(e.at for e in opp.outcomes if e.outcome is Outcome.OFFER)
            assert a.due >= offered
        if a.satisfied_at is not None:
            assert a.satisfied_at.tzinfo is not None


# --- (3) deterministic, idempotent, unique keys -----------------------------------------------


@PROPERTY
@given(opportunities(), playbook_settings, contexts())
def test_replanning_is_deterministic_with_unique_sorted_keys(
    opp: Opportunity, settings: Settings, context: PlanContext
) -> None:
    first = plan_opportunity(opp, settings, context)
    second = plan_opportunity(opp, settings, context)
    assert first == second
    keys = [a.key for a in first]
    assert len(keys) == len(set(keys))
    assert [(a.due, a.key) for a in first] == sorted((a.due, a.key) for a in first)
    for a in first:
        assert a.key.startswith(f"{a.rule}:")
        assert a.opportunity_id == opp.id


@PROPERTY
@given(opportunities(), playbook_settings, contexts(), st.sampled_from(ZONES))
def test_the_plan_does_not_depend_on_the_zone_facts_are_written_in(
    opp: Opportunity, settings: Settings, context: PlanContext, tz: str
) -> None:
    """Timing: instants and interview zones decide, not the zone an instant is written in."""
    in_utc = plan_opportunity(rezone(opp, "UTC"), settings, context)
    elsewhere = plan_opportunity(rezone(opp, tz), settings, context)
    assert comparable(in_utc) == comparable(elsewhere)


# --- (4) keys are stable when facts change ----------------------------------------------------


@PROPERTY
@given(
    opportunities(),
    playbook_settings,
    contexts(),
    st.data(),
)
def test_moving_an_interview_by_hours_keeps_the_keys(
    opp: Opportunity, settings: Settings, context: PlanContext, data: st.DataObject
) -> None:
    """Stored decisions keep applying when the interview moves (P6 may come or go)."""
    index = data.draw(st.integers(0, len(opp.interviews) - 1))
    hours = data.draw(st.integers(-6, 6).filter(bool))
    moved_iv = dataclasses.replace(
        opp.interviews[index],
        start=opp.interviews[index].start + timedelta(hours=hours),
        end=opp.interviews[index].end + timedelta(hours=hours),
    )
    moved = dataclasses.replace(
        opp, interviews=tuple(moved_iv if i.id == moved_iv.id else i for i in opp.interviews)
    )

    def bound(o: Opportunity) -> dict[str, int | None]:
        actions = [a for a in plan_opportunity(o, settings, context) if a.rule != "P6"]
        return interview_bound(actions)

    assert bound(moved) == bound(opp)


@PROPERTY
@given(opportunities(), playbook_settings, contexts(), st.data())
def test_adding_a_contact_keeps_every_key_but_the_follow_ups(
    opp: Opportunity, settings: Settings, context: PlanContext, data: st.DataObject
) -> None:
    when = opp.interviews[0].start + timedelta(minutes=data.draw(st.integers(-2000, 60000)))
    new = Contact(
        id=999,
        at=when,
        kind=data.draw(st.sampled_from(list(ContactKind))),
        channel=data.draw(st.sampled_from(list(Channel))),
        person_id=data.draw(st.sampled_from([None, *(p.id for p in opp.people)])),
    )
    before = plan_opportunity(opp, settings, context)
    after = plan_opportunity(
        dataclasses.replace(opp, contacts=(*opp.contacts, new)), settings, context
    )
    assert interview_bound(after) == interview_bound(before)
    assert {a.key for a in after if a.rule != "P8"} == {a.key for a in before if a.rule != "P8"}
    follow_ups = len([c for c in opp.contacts if c.kind is ContactKind.FOLLOW_UP])
    for n in range(1, follow_ups + 1):  # history keys n=1..k stay put
        assert f"P8:follow-up:opp={opp.id}:n={n}" in {a.key for a in after}


# --- (5) aware dues, reasons ending with their rule id ----------------------------------------


@PROPERTY
@given(opportunities(), opportunities(oid=2), playbook_settings, contexts(), st.data())
def test_every_due_is_aware_and_every_why_ends_with_its_rule_id(
    opp: Opportunity,
    other: Opportunity,
    settings: Settings,
    context: PlanContext,
    data: st.DataObject,
) -> None:
    closed = data.draw(
        st.lists(
            st.integers(0, 8000).map(
                lambda h: datetime(2026, 1, 5, tzinfo=UTC) + timedelta(hours=h)
            ),
            max_size=4,
        )
    )
    log = SearchLog(closed_at=tuple(sorted(closed)))
    actions = [
        *plan_opportunity(opp, settings, context),
        *plan_opportunity(other, settings, context),
        *plan_search([opp, other], log, settings, context),
    ]
    assert actions
    for a in actions:
        assert a.due.tzinfo is not None and a.due.utcoffset() is not None, a
        ZoneInfo(a.tz)  # a real IANA zone
        match = WHY_ENDS_WITH_RULE_IDS.search(a.why)
        assert match is not None, a.why
        assert a.rule in match.group(1).split(", "), (a.rule, a.why)
