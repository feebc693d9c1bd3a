"""P3 — every interviewer's contact details, so the thank-you can be addressed."""

from __future__ import annotations

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import ContactKind, Interview, Person, PersonRole
from afterview.playbook.rules.common import Scope

NEEDS_EMAIL = frozenset({PersonRole.INTERVIEWER, PersonRole.HIRING_MANAGER})

GUIDANCE = (
    "The thank-you email (P5) cannot be addressed without an email address. "
    "A business card has it; otherwise ask the receptionist on the way out for the "
    "names and emails of everyone you met, or ask the recruiter. Record it with "
    "`afterview person edit {person_id} --email … --source receptionist`."
)


NAMES_GUIDANCE = (
    "Nobody you met is recorded for this interview, so no thank-you can be written "
    "(P5). Ask the receptionist on the way out for the names and email addresses of "
    "everyone you met, or ask the recruiter; then record them as interviewers."
)


def plan(scope: Scope) -> list[PlannedAction]:
    interviews = scope.opp.live_interviews
    if not interviews:
        return []
    actions = [_names(scope, i) for i in interviews if not i.interviewer_ids]
    for person in scope.opp.people:
        if person.role not in NEEDS_EMAIL or person.email:
            continue
        met = [i for i in interviews if person.id in i.interviewer_ids]
        actions.append(_ask(scope, person, met[0] if met else interviews[-1]))
    return actions


def _ask(scope: Scope, person: Person, interview: Interview) -> PlannedAction:
    return scope.action(
        f"contact-details:person={person.id}",
        "P3",
        f"Get {person.name}'s email address",
        interview.end,
        f"{person.name} has no email address; ask before you leave the building (P3)",
        tz=scope.candidate_tz(interview),
        guidance=GUIDANCE.format(person_id=person.id),
        interview_id=interview.id,
        person_id=person.id,
        logs=ContactKind.REQUEST,
        expires=scope.stale_after(interview.end, scope.candidate_tz(interview)),
    )


def _names(scope: Scope, interview: Interview) -> PlannedAction:
    """P3: "ask the receptionist ... for the names and email addresses of everyone met"."""
    return scope.action(
        f"names:interview={interview.id}",
        "P3",
        f"Get the names and emails of everyone you met at {scope.opp.company}",
        interview.end,
        "nobody you met is recorded; ask before you leave the building (P3)",
        tz=scope.candidate_tz(interview),
        guidance=NAMES_GUIDANCE,
        interview_id=interview.id,
        logs=ContactKind.REQUEST,
        expires=scope.stale_after(interview.end, scope.candidate_tz(interview)),
    )
