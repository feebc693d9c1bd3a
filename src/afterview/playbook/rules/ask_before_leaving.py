"""P2 — walk in knowing what to ask before you leave."""

from __future__ import annotations

from datetime import timedelta

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import Interview, Route
from afterview.playbook.rules.common import Scope
from afterview.playbook.timing import elapsed

CHECKLIST = (
    "Before the interview ends, ask:\n"
    "1. What is the hiring manager's timeline for a decision?\n"
    "2. Whom should I follow up with, when, and how (email or phone)?\n"
    "And collect a business card from everyone you meet (P3); without one, ask the "
    "receptionist on the way out for their names and email addresses.\n"
    "Afterwards record the answers with `afterview timeline`."
)


def plan(scope: Scope) -> list[PlannedAction]:
    return [_checklist(scope, interview) for interview in scope.opp.live_interviews]


def _checklist(scope: Scope, interview: Interview) -> PlannedAction:
    lead = timedelta(minutes=scope.settings.checklist_lead_minutes)
    direct = scope.opp.route is Route.DIRECT
    why = (
        "direct application: the organisation is your only contact, so ask before you leave (P2)"
        if direct
        else "ask before you leave, so you know the timeline and whom to follow up with (P2)"
    )
    title = f"Before you leave {scope.opp.company}: ask about the timeline and whom to follow up"
    answered = [t.recorded_at for t in scope.opp.timelines if t.recorded_at >= interview.start]
    return scope.action(
        f"ask-before-leaving:interview={interview.id}",
        "P2",
        title + (" (essential)" if direct else ""),
        elapsed(interview.start, -lead),
        why,
        tz=scope.candidate_tz(interview),
        guidance=CHECKLIST,
        interview_id=interview.id,
        satisfied_at=min(answered) if answered else None,
        expires=interview.end,
    )
