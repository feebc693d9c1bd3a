"""P6 — every interview should end with a known hiring timeline."""

from __future__ import annotations

from datetime import datetime

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import ContactKind, Interview
from afterview.playbook.rules.common import Scope, possessive
from afterview.playbook.timing import add_days

GUIDANCE = (
    "Ask {whom} when {company} expects to decide, and whom to follow up with, when "
    "and how. Record it with `afterview timeline {opp_id} --decision-by DATE`."
)


def plan(scope: Scope) -> list[PlannedAction]:
    actions = []
    for interview in scope.opp.live_interviews:
        action = _obtain(scope, interview)
        if action is not None:
            actions.append(action)
    return actions


def _obtain(scope: Scope, interview: Interview) -> PlannedAction | None:
    mine = scope.candidate_tz(interview)  # the candidate asks, in their own day
    days_later = add_days(interview.end, scope.settings.timeline_check_days, mine)
    due = scope.calendar.within_working_days(days_later, mine)
    known = sorted(_answers(scope, interview))
    if known and known[0] <= due:
        return None  # the timeline arrived in time: nothing to chase
    recruiter = scope.recruiter()
    whom = recruiter.name if recruiter else "your follow-up contact"
    days = scope.settings.timeline_check_days
    why = f"no hiring timeline recorded {days} day{'s' if days != 1 else ''} after (P6)"
    asked = _asked_without_answer(scope, interview, known)
    if asked is not None:
        # "No timeline yet" is not an answer: ask again a while later (P6).
        again = scope.settings.first_follow_up_days
        due = scope.calendar.within_working_hours(add_days(asked, again, mine), mine)
        why = f"no timeline given yet when you asked on {scope.when(asked)} → ask again (P6)"
    return scope.action(
        f"timeline:interview={interview.id}",
        "P6",
        f"Obtain {possessive(scope.opp.company)} hiring timeline",
        due,
        why,
        tz=mine,
        guidance=GUIDANCE.format(whom=whom, company=scope.opp.company, opp_id=scope.opp.id),
        interview_id=interview.id,
        person_id=recruiter.id if recruiter else None,
        satisfied_at=known[0] if known else None,
        logs=ContactKind.REQUEST,
    )


def _asked_without_answer(
    scope: Scope, interview: Interview, known: list[datetime]
) -> datetime | None:
    """The latest "no timeline yet" for this round, when no answer came after it."""
    asked = [
        t.recorded_at
        for t in scope.opp.timelines
        if t.none_given and t.recorded_at >= interview.start
    ]
    latest = max(asked, default=None)
    if latest is None or any(k > latest for k in known):
        return None
    return latest


def _answers(scope: Scope, interview: Interview) -> list[datetime]:
    """When this round's timeline became known: for a first round any timeline (a
    recruiter often gives it beforehand), for a later round one recorded since it
    started; or any decision recorded since it started."""
    first = scope.opp.live_interviews[0] == interview
    timelines = [
        t.recorded_at
        for t in scope.opp.timelines
        if not t.none_given and (first or t.recorded_at >= interview.start)
    ]
    decisions = [e.at for e in scope.opp.outcomes if e.at >= interview.start]
    return timelines + decisions
