"""P5 — a brief, specific thank-you email, same day or next working morning."""

from __future__ import annotations

from datetime import datetime

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import ContactKind, Interview, Person
from afterview.playbook.rules.common import Scope, decision_makers, hours
from afterview.playbook.timing import elapsed, later, local

GUIDANCE = (
    "Brief, and exactly three parts in this order: 1) thanks for their time; "
    "2) one specific point from the interview (a nugget from your debrief) showing you "
    "listened; 3) the subtle sell: enthusiasm for the role and {company}, how your "
    "skills and experience fit, and an offer to send any further documents or "
    "information. Check names and spelling; keep it under {words} words."
)


def plan(scope: Scope) -> list[PlannedAction]:
    actions: list[PlannedAction] = []
    for interview in scope.opp.live_interviews:
        due, why = due_time(scope, interview)
        recipients = _recipients(scope, interview)
        if not recipients:
            actions.append(_thank(scope, interview, None, due, why))
        actions.extend(_thank(scope, interview, p, due, why) for p in recipients)
    return actions


def due_time(scope: Scope, interview: Interview) -> tuple[datetime, str]:
    """Morning start → by the end of that day; afternoon → next working morning."""
    start = local(interview.start, interview.tz)
    cutoff = scope.settings.morning_cutoff
    if start.time() < cutoff:
        day_end = scope.calendar.end_of(start.date(), interview.tz)
        after_end = elapsed(interview.end, hours(scope.settings.debrief_within_hours))
        due = later(day_end, after_end)
        return due, f"morning interview ({start:%H:%M} start) → send the same day (P5)"
    due = scope.calendar.next_working_morning(interview.start, interview.tz)
    weekday = start.strftime("%A")
    if (due.date() - start.date()).days > 1:
        return due, (f"{weekday}-afternoon interview → next working morning, {due:%A} (P5)")
    return due, f"afternoon interview ({start:%H:%M} start) → next working morning (P5)"


def _recipients(scope: Scope, interview: Interview) -> tuple[Person, ...]:
    met = scope.interviewers(interview)
    if scope.settings.thank_you_to == "hiring-manager":
        managers = decision_makers(met) or decision_makers(scope.opp.people)
        if managers:
            return managers[:1]
    return met


def _thank(
    scope: Scope, interview: Interview, person: Person | None, due: datetime, why: str
) -> PlannedAction:
    guidance = GUIDANCE.format(company=scope.opp.company, words=scope.settings.thank_you_max_words)
    if person is None:
        key = f"thank-you:interview={interview.id}"
        title = f"Send a thank-you email for the {scope.opp.company} interview"
        guidance += " Add the interviewers (`afterview person add`) to address it."
    else:
        key = f"thank-you:interview={interview.id}:person={person.id}"
        title = f"Send {person.name} a thank-you email"
    return scope.action(
        key,
        "P5",
        title,
        due,
        why,
        tz=interview.tz,
        guidance=guidance,
        interview_id=interview.id,
        person_id=person.id if person else None,
        satisfied_at=scope.first_contact_after(
            ContactKind.THANK_YOU, interview.start, person.id if person else None
        ),
        logs=ContactKind.THANK_YOU,
        expires=scope.stale_after(due, interview.tz),
    )
