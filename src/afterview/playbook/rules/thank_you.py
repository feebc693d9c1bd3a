"""P5 — a brief, specific thank-you email, same day or next working morning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import ContactKind, Interview, Person
from afterview.playbook.rules.common import Scope, decision_makers, hours
from afterview.playbook.timing import at_local, elapsed, later, local, out_of_night

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
        window = window_of(scope, interview)
        recipients = _recipients(scope, interview)
        if not recipients:
            actions.append(_thank(scope, interview, None, window))
        actions.extend(_thank(scope, interview, p, window) for p in recipients)
    return actions


@dataclass(frozen=True)
class Window:
    """When the thank-you should land (in the recipient's zone) and, for the candidate,
    the moment it is due by (the end of that window, moved out of their night)."""

    send_at: datetime
    due: datetime
    why: str
    end: datetime  # the window's end in the recipient's terms (P8 counts from it)


def window_of(scope: Scope, interview: Interview) -> Window:
    """P5 in the interviewers' zone and calendar, then the candidate's day.

    Morning start → lands the same day after the debrief, due by the end of the working
    day; afternoon → lands on the next working morning, due by the end of that morning
    (`morning_cutoff`): "next morning" is late from midday, not from 09:01.
    """
    org, calendar, settings = scope.org_tz(interview), scope.org_calendar, scope.settings
    start = local(interview.start, org)
    after_debrief = elapsed(interview.end, hours(settings.debrief_within_hours))
    if start.time() < settings.morning_cutoff:
        day_end = calendar.end_of(start.date(), org)
        due = later(day_end, after_debrief)
        land = calendar.within_working_hours(after_debrief, org)
        why = f"morning interview ({start:%H:%M} start) → send the same day (P5)"
    else:
        land = calendar.next_working_morning(interview.start, org)
        due = at_local(local(land, org).date(), settings.morning_cutoff, org)
        weekday = start.strftime("%A")
        if (land.date() - start.date()).days > 1:
            why = f"{weekday}-afternoon interview → next working morning, {land:%A} (P5)"
        else:
            why = f"afternoon interview ({start:%H:%M} start) → next working morning (P5)"
    mine = scope.candidate_tz(interview)
    candidate_due = out_of_night(due, mine, settings, not_before=after_debrief)
    if candidate_due > due:  # the candidate cannot act in the window: it lands later
        land = calendar.within_working_hours(candidate_due, org)
    return Window(send_at=land, due=candidate_due, why=why, end=due)


def _recipients(scope: Scope, interview: Interview) -> tuple[Person, ...]:
    met = scope.interviewers(interview)
    if scope.settings.thank_you_to == "hiring-manager":
        managers = decision_makers(met) or decision_makers(scope.opp.people)
        if managers:
            return managers[:1]
    return met


def _thank(
    scope: Scope, interview: Interview, person: Person | None, window: Window
) -> PlannedAction:
    guidance = GUIDANCE.format(company=scope.opp.company, words=scope.settings.thank_you_max_words)
    if person is None:
        key = f"thank-you:interview={interview.id}"
        title = f"Send a thank-you email for the {scope.opp.company} interview"
        guidance += " Add the interviewers (`afterview person add`) to address it."
    else:
        key = f"thank-you:interview={interview.id}:person={person.id}"
        title = f"Send {person.name} a thank-you email"
    mine, theirs = scope.candidate_tz(interview), scope.org_tz(interview)
    return scope.action(
        key,
        "P5",
        title,
        window.due,
        window.why,
        tz=mine,
        other_tz=theirs if theirs != mine else None,
        send_at=window.send_at,
        guidance=guidance,
        interview_id=interview.id,
        person_id=person.id if person else None,
        satisfied_at=scope.first_contact_after(
            ContactKind.THANK_YOU, interview.start, person.id if person else None
        ),
        logs=ContactKind.THANK_YOU,
        expires=scope.stale_after(window.due, mine),
    )
