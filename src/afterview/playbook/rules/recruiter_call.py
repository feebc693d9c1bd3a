"""P1 — speak to the recruiter the same day."""

from __future__ import annotations

from datetime import datetime

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import ContactKind, Interview, Route
from afterview.playbook.rules.common import Scope, hours, name_of, possessive
from afterview.playbook.timing import earlier, elapsed, later, local

SCRIPT = (
    "1. Thank {recruiter} for arranging the interview.\n"
    "2. Ask them to follow up with {interviewers} on your behalf today.\n"
    "3. Say how much you want the role: they will pass your enthusiasm on.\n"
    "4. Ask for {company_s} hiring timeline, if it has one.\n"
    "Afterwards record the outcome: did they agree to follow up, the timeline "
    "(`afterview timeline`), and any feedback."
)


def plan(scope: Scope) -> list[PlannedAction]:
    if scope.opp.route is not Route.RECRUITER:
        return []
    return [_call(scope, interview) for interview in scope.opp.live_interviews]


def _call(scope: Scope, interview: Interview) -> PlannedAction:
    due, why = _due(scope, interview)
    recruiter = scope.recruiter()
    names = ", ".join(p.name for p in scope.interviewers(interview)) or "the interviewers"
    guidance = SCRIPT.format(
        recruiter=name_of(recruiter, "your recruiter"),
        interviewers=names,
        company_s=possessive(scope.opp.company),
    )
    return scope.action(
        f"recruiter-call:interview={interview.id}",
        "P1",
        f"Call {name_of(recruiter, 'the recruiter')} about the {scope.opp.company} interview",
        due,
        why,
        tz=scope.candidate_tz(interview),
        guidance=guidance,
        interview_id=interview.id,
        person_id=recruiter.id if recruiter else None,
        satisfied_at=scope.first_contact_after(ContactKind.RECRUITER_CALL, interview.start),
        expires=scope.stale_after(due, scope.candidate_tz(interview)),
        logs=ContactKind.RECRUITER_CALL,
    )


def _due(scope: Scope, interview: Interview) -> tuple[datetime, str]:
    if interview.recruiter_call_at is not None:
        at = scope.when(interview.recruiter_call_at, scope.candidate_tz(interview))
        return interview.recruiter_call_at, f"call arranged for {at} (P1)"
    within = scope.settings.recruiter_call_within_hours
    ended = local(interview.end, scope.candidate_tz(interview))
    day_end = scope.calendar.end_of(ended.date(), scope.candidate_tz(interview))
    end = ended.strftime("%H:%M")
    if interview.end >= day_end or not scope.calendar.is_working_day(ended.date()):
        # Ended after working hours (or on a day off): the recruiter's day is over, so
        # the call falls in the next working morning, not overdue the moment it ends.
        morning = scope.calendar.next_working_morning(interview.end, scope.candidate_tz(interview))
        due = elapsed(morning, hours(within))
        return due, (
            f"recruiter route: the interview ended at {end}, after working hours → "
            f"call within {within:g} h of the next working morning (P1)"
        )
    due = later(interview.end, earlier(elapsed(interview.end, hours(within)), day_end))
    return due, f"recruiter route: call within {within:g} h of the {end} end, same day (P1)"
