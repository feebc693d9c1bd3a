"""P7 — is this the right place for me? And, if not, withdraw well."""

from __future__ import annotations

from datetime import datetime

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import ContactKind, FitDecision, Interview, Outcome
from afterview.playbook.rules.common import Scope
from afterview.playbook.timing import add_days

QUESTIONS = (
    "With your debrief at hand, score from 1 to 5: Is this organisation a good fit for "
    "me? Can I grow and further my career here? Will I fit the culture? Are our values "
    "and ethics aligned? Would I be happy working here? Note anything that caused "
    "concern, then decide: continue or withdraw (`afterview reflect {opp_id} …`)."
)

WITHDRAWAL = (
    "Send a short, courteous note: thank them for their time, say your interests now lie "
    "elsewhere, and wish them well. Withdrawing now is kinder than another round or "
    "accepting and leaving soon after. Pending follow-ups are cancelled."
)


def plan(scope: Scope) -> list[PlannedAction]:
    actions = [_reflect(scope, i) for i in scope.opp.live_interviews]
    decided = withdrawal_decided_at(scope)
    if decided is not None:
        actions.append(_withdraw(scope, decided))
    return actions


def withdrawal_decided_at(scope: Scope) -> datetime | None:
    """When the candidate decided to withdraw, by reflection or recorded outcome."""
    moments = [r.recorded_at for r in scope.opp.reflections if r.decision is FitDecision.WITHDRAW]
    moments += [e.at for e in scope.opp.outcomes if e.outcome is Outcome.WITHDRAWN]
    return min(moments) if moments else None


def _reflect(scope: Scope, interview: Interview) -> PlannedAction:
    days = scope.settings.reflection_after_days
    done = [
        r.recorded_at
        for r in scope.opp.reflections
        if r.interview_id == interview.id
        or (r.interview_id is None and r.recorded_at >= interview.end)
    ]
    return scope.action(
        f"reflect:interview={interview.id}",
        "P7",
        f"Reflect: is {scope.opp.company} right for you?",
        add_days(interview.end, days, scope.candidate_tz(interview)),  # local days, across DST too
        f"{days} days after the interview, with the debrief at hand (P7)",
        tz=scope.candidate_tz(interview),
        guidance=QUESTIONS.format(opp_id=scope.opp.id),
        interview_id=interview.id,
        satisfied_at=min(done) if done else None,
        expires=_next_start(scope, interview),
    )


def _next_start(scope: Scope, interview: Interview) -> datetime | None:
    """Reflect before walking into another round; once it starts, the moment has passed."""
    later_rounds = [i.start for i in scope.opp.live_interviews if i.start > interview.end]
    return min(later_rounds, default=None)


def _withdraw(scope: Scope, decided: datetime) -> PlannedAction:
    return scope.action(
        f"withdrawal:opp={scope.opp.id}",
        "P7",
        f"Withdraw courteously from {scope.opp.company}",
        decided,
        "you decided to withdraw: tell them now, briefly and kindly (P7)",
        guidance=WITHDRAWAL,
        satisfied_at=scope.first_contact_after(ContactKind.WITHDRAWAL, decided),
        logs=ContactKind.WITHDRAWAL,
    )
