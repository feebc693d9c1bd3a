"""P4 — write everything down while it is fresh."""

from __future__ import annotations

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import Interview
from afterview.playbook.rules.common import Scope, hours
from afterview.playbook.timing import elapsed

GUIDANCE = (
    "Somewhere nearby (not right outside their office), note: what went well; what "
    "you should have covered more; nuggets about the role or organisation (one will "
    "make your thank-you specific); each question you remember, how well you answered "
    "(good / weak / wrong), why, and what to add next time; new questions for a next "
    "round; what the interviewers seemed to like and dislike. "
    "`afterview debrief {interview_id}` asks for each."
)


def plan(scope: Scope) -> list[PlannedAction]:
    return [_debrief(scope, i) for i in scope.opp.live_interviews]


def _debrief(scope: Scope, interview: Interview) -> PlannedAction:
    within = scope.settings.debrief_within_hours
    debrief = scope.opp.debrief_for(interview.id)
    return scope.action(
        f"debrief:interview={interview.id}",
        "P4",
        f"Debrief the {scope.opp.company} interview (round {interview.round})",
        elapsed(interview.end, hours(within)),
        f"write it down within {within:g} h of the end, while it is fresh (P4)",
        tz=scope.candidate_tz(interview),
        guidance=GUIDANCE.format(interview_id=interview.id),
        interview_id=interview.id,
        satisfied_at=debrief.recorded_at if debrief else None,
        expires=scope.stale_after(interview.end, scope.candidate_tz(interview)),  # no longer fresh
    )
