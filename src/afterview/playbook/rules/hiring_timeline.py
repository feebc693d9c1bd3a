"""P6 — every interview should end with a known hiring timeline."""

from __future__ import annotations

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import ContactKind, Interview
from afterview.playbook.rules.common import Scope
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
    days_later = add_days(interview.end, scope.settings.timeline_check_days, interview.tz)
    due = scope.calendar.within_working_days(days_later, interview.tz)
    known = sorted(t.recorded_at for t in scope.opp.timelines if t.recorded_at >= interview.start)
    if known and known[0] <= due:
        return None  # the timeline arrived in time: nothing to chase
    recruiter = scope.recruiter()
    whom = recruiter.name if recruiter else "your follow-up contact"
    days = scope.settings.timeline_check_days
    return scope.action(
        f"timeline:interview={interview.id}",
        "P6",
        f"Obtain {scope.opp.company}'s hiring timeline",
        due,
        f"no hiring timeline recorded {days} day{'s' if days != 1 else ''} after (P6)",
        tz=interview.tz,
        guidance=GUIDANCE.format(whom=whom, company=scope.opp.company, opp_id=scope.opp.id),
        interview_id=interview.id,
        person_id=recruiter.id if recruiter else None,
        satisfied_at=known[0] if known else None,
        logs=ContactKind.REQUEST,
    )
