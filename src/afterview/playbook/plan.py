"""The playbook as one pure function: facts + settings → planned actions.

The plan does not depend on the clock: every due time follows from recorded facts,
so a plan materialised when the facts change stays right until they change again.
`now` enters only when the agenda asks what is due (see `agenda.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from afterview.playbook import CATCH_UP_MARK
from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import Opportunity, PlanContext, SearchLog
from afterview.playbook.rules import (
    ask_before_leaving,
    contact_details,
    debrief,
    fit_reflection,
    follow_ups,
    hiring_timeline,
    keep_searching,
    next_round,
    outcomes,
    recruiter_call,
    thank_you,
)
from afterview.playbook.rules.common import Scope, entered_late
from afterview.playbook.settings import Settings
from afterview.playbook.status import is_closed, latest_outcome, stands_accepted
from afterview.playbook.timing import (
    WorkingCalendar,
    calendar_for,
    elapsed,
    later,
    local,
    out_of_night,
)

Rule = Callable[[Scope], list[PlannedAction]]

RULES: tuple[Rule, ...] = (
    recruiter_call.plan,  # P1
    ask_before_leaving.plan,  # P2
    contact_details.plan,  # P3
    debrief.plan,  # P4
    thank_you.plan,  # P5
    hiring_timeline.plan,  # P6
    fit_reflection.plan,  # P7
    follow_ups.plan,  # P8
    keep_searching.plan_competitors,  # P9
    next_round.plan,  # P10, P11
    outcomes.plan,  # P12
)


def plan_opportunity(
    opp: Opportunity,
    settings: Settings,
    context: PlanContext | None = None,
    calendar: WorkingCalendar | None = None,
) -> list[PlannedAction]:
    """Every action P1–P12 asks of this opportunity, sorted by due time then key."""
    scope = Scope(
        opp=opp,
        settings=settings,
        calendar=calendar or calendar_for(settings),  # holiday_country too (timing)
        context=context or PlanContext(),
    )
    actions = [_out_of_night(catch_up(scope, a), settings) for rule in RULES for a in rule(scope)]
    _check_unique(actions)
    closed = closing_moment(scope)
    if closed is not None:
        actions = [_moot_after(action, closed) for action in actions]
    return sorted(actions, key=lambda a: (a.due, a.key))


# Steps that still matter once an opportunity is closed: the debrief feeds the lessons
# (P4, P11) "even when this application fails"; withdrawals and offer replies are how
# it closes (P7, P12).
OUTLIVE_CLOSING = ("P4:", "P7:withdrawal:", "P12:")


def closing_moment(scope: Scope) -> datetime | None:
    """When the opportunity closed: its own final outcome, or an offer accepted elsewhere."""
    moments = []
    last = latest_outcome(scope.opp)
    if last is not None and is_closed(scope.opp):
        moments.append(last.at)
    elsewhere = scope.accepted_elsewhere()
    if elsewhere is not None:
        moments.append(elsewhere)
    return min(moments, default=None)


def _moot_after(action: PlannedAction, closed: datetime) -> PlannedAction:
    """An open step of a closed opportunity leaves the agenda at the closing moment."""
    if action.satisfied_at is not None or action.key.startswith(OUTLIVE_CLOSING):
        return action
    expires = min(action.expires, closed) if action.expires else closed
    return replace(action, expires=expires)


def plan_search(
    opportunities: Iterable[Opportunity],
    log: SearchLog,
    settings: Settings,
    context: PlanContext | None = None,
    calendar: WorkingCalendar | None = None,
) -> list[PlannedAction]:
    """The candidate-wide weekly keep-searching reminders (P9)."""
    context = context or PlanContext()
    opps = list(opportunities)
    ends = [(i.end, i.tz) for o in opps for i in o.live_interviews]
    first_end, tz = min(ends) if ends else (None, context.default_tz)
    tz = context.home_tz or tz  # the candidate's own step, in their zone when known
    # P9: "until an offer is accepted" — recorded on one of these opportunities counts too.
    # A last rejection closes every process, which is when searching matters most.
    accepted = context.accepted_offer_at is not None or any(stands_accepted(o) for o in opps)
    searching = not accepted
    return keep_searching.plan_search(
        first_end, log, searching, settings, calendar or calendar_for(settings), tz
    )


# Steps an interview entered late still needs, and what catching up means for each.
CATCH_UP = {
    "P1": "call them now: they still need your debrief to sell you",
    "P3": "you have left the building: ask the recruiter or the organisation by email",
    "P4": "write down what you still remember",
    "P5": "thank them now",
    "P6": "ask for it now",
    "P7": "reflect now, with the debrief at hand",
}
APOLOGY = (
    " It is {days} days since the interview: open with one short apology for the delay "
    "(the draft does), then the three parts."
)


def catch_up(scope: Scope, action: PlannedAction) -> PlannedAction:
    """A step whose due time had passed before its interview was even entered is not
    lost: it is due at the end of the working day it was entered (after the hour the
    debrief needs), and its reason says it is a catch-up. Entered more than twice
    `stale_after_days` after the interview, it is history: the steps stay moot."""
    interview = next(
        (i for i in scope.opp.interviews if i.id == action.interview_id and i.recorded_at), None
    )
    rule = action.rule
    if interview is None or interview.recorded_at is None or rule not in CATCH_UP:
        return action
    entered = entered_late(scope, interview, action.due)
    if action.satisfied_at is not None or entered is None:
        return action  # in time, or typed in as history long after: nothing is owed
    soon = elapsed(entered, timedelta(hours=scope.settings.debrief_within_hours))
    if rule == "P4":
        due = soon
    else:
        start = scope.calendar.within_working_hours(soon, action.tz)
        due = later(start, scope.calendar.end_of(local(start, action.tz).date(), action.tz))
    days = (local(entered, action.tz).date() - local(interview.end, action.tz).date()).days
    late = f"{days} day{'s' if days != 1 else ''} after it" if days else "after it"
    why = f"interview entered {late}, {CATCH_UP_MARK}: {CATCH_UP[rule]} ({rule})"
    guidance = action.guidance
    send_at = action.send_at
    if rule == "P5":
        if days >= 2:
            guidance += APOLOGY.format(days=days)
        where = action.other_tz or action.tz
        send_at = scope.org_calendar.within_working_hours(soon, where)
    expires = scope.stale_after(due, action.tz) if action.expires is not None else None
    return replace(action, due=due, why=why, guidance=guidance, send_at=send_at, expires=expires)


# Steps bound to the interview's own moment (the checklist before it, what to ask on the
# way out, the debrief at once, the brief before the next round) keep their time.
TIED_TO_THE_INTERVIEW = ("P2:", "P3:", "P4:", "P10:")


def _out_of_night(action: PlannedAction, settings: Settings) -> PlannedAction:
    """No other step falls due in the candidate's night (20:00–07:00 in `action.tz`):
    it moves to the next morning (docs/playbook.md, "Time zones")."""
    if action.key.startswith(TIED_TO_THE_INTERVIEW) or action.satisfied_at is not None:
        return action
    due = out_of_night(action.due, action.tz, settings)
    return action if due == action.due else replace(action, due=due)


def _check_unique(actions: list[PlannedAction]) -> None:
    seen: set[str] = set()
    for action in actions:
        if action.key in seen:
            raise AssertionError(f"two planned actions share the key {action.key}")
        seen.add(action.key)
