"""P10 — prepare a further round from the earlier ones; P11 — review lessons first."""

from __future__ import annotations

from datetime import timedelta

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import Interview
from afterview.playbook.rules.common import Scope
from afterview.playbook.timing import elapsed

BRIEF_GUIDANCE = (
    "`afterview brief {opp_id}` gathers the earlier rounds: questions answered weakly "
    "and what to add, questions to ask, what the interviewers liked and disliked, the "
    "nuggets, and who you met."
)
LESSONS_GUIDANCE = (
    "`afterview lessons` shows recurring weak questions and what interviewers liked and "
    "disliked across all your interviews: a ten-minute review before you go in."
)


def plan(scope: Scope) -> list[PlannedAction]:
    """A brief before every further round; a lessons review before a first round."""
    actions = []
    lead = timedelta(hours=scope.settings.brief_before_hours)
    for index, interview in enumerate(scope.opp.live_interviews):
        due = elapsed(interview.start, -lead)
        if index > 0:
            actions.append(
                scope.action(
                    f"brief:interview={interview.id}",
                    "P10",
                    f"Read your brief for round {interview.round} at {scope.opp.company}",
                    due,
                    "a further round is scheduled: prepare from the earlier rounds (P10)",
                    tz=scope.candidate_tz(interview),
                    guidance=BRIEF_GUIDANCE.format(opp_id=scope.opp.id),
                    interview_id=interview.id,
                    expires=interview.start,
                )
            )
        elif _lessons_before(scope, interview):
            actions.append(
                scope.action(
                    f"review-lessons:interview={interview.id}",
                    "P11",
                    f"Review your lessons before the {scope.opp.company} interview",
                    due,
                    "earlier debriefs hold lessons for this interview (P11)",
                    tz=scope.candidate_tz(interview),
                    guidance=LESSONS_GUIDANCE,
                    interview_id=interview.id,
                    expires=interview.start,
                )
            )
    return actions


def _lessons_before(scope: Scope, interview: Interview) -> bool:
    """Only interviews after the first debrief ever written have lessons to review."""
    since = scope.context.lessons_since
    return scope.context.has_lessons and (since is None or interview.start > since)
