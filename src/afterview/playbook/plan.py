"""The playbook as one pure function: facts + settings → planned actions.

The plan does not depend on the clock: every due time follows from recorded facts,
so a plan materialised when the facts change stays right until they change again.
`now` enters only when the agenda asks what is due (see `agenda.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import Opportunity, Outcome, PlanContext, SearchLog
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
from afterview.playbook.rules.common import Scope
from afterview.playbook.settings import Settings
from afterview.playbook.status import is_closed
from afterview.playbook.timing import WorkingCalendar, calendar_for

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
    actions = [action for rule in RULES for action in rule(scope)]
    _check_unique(actions)
    return sorted(actions, key=lambda a: (a.due, a.key))


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
    # P9: "until an offer is accepted" — recorded on one of these opportunities counts too.
    accepted = context.accepted_offer_at is not None or any(
        e.outcome is Outcome.ACCEPTED for o in opps for e in o.outcomes
    )
    searching = not accepted and any(not is_closed(o) for o in opps)
    return keep_searching.plan_search(
        first_end, log, searching, settings, calendar or calendar_for(settings), tz
    )


def _check_unique(actions: list[PlannedAction]) -> None:
    seen: set[str] = set()
    for action in actions:
        if action.key in seen:
            raise AssertionError(f"two planned actions share the key {action.key}")
        seen.add(action.key)
