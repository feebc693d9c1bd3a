"""P12 — answer offers; after accepting one, leave the other processes courteously."""

from __future__ import annotations

from datetime import datetime

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import ContactKind, Outcome
from afterview.playbook.rules.common import Scope, possessive
from afterview.playbook.status import outcome_events
from afterview.playbook.timing import local

OFFER_GUIDANCE = (
    "Weigh it against your fit reflection (P7). Then record "
    "`afterview outcome {opp_id} accepted` or `declined`; accepting ends the follow-ups "
    "and the search everywhere and offers to withdraw from the other processes."
)
WITHDRAW_GUIDANCE = (
    "You accepted an offer elsewhere. A short, courteous withdrawal keeps the door open: "
    "thank them, say you have accepted another role, wish them well."
)


def plan(scope: Scope) -> list[PlannedAction]:
    actions = []
    offer = _latest_offer(scope)
    if offer is not None:
        actions.append(_answer_offer(scope, offer))
    accepted = scope.accepted_elsewhere()
    if accepted is not None and _open_at(scope, accepted):
        actions.append(_withdraw(scope, accepted))
    return actions


def _latest_offer(scope: Scope) -> datetime | None:
    offers = [e.at for e in scope.opp.outcomes if e.outcome is Outcome.OFFER]
    return max(offers) if offers else None


def _answer_offer(scope: Scope, offered: datetime) -> PlannedAction:
    days = scope.settings.offer_reply_within_days
    day = scope.calendar.add_working_days(local(offered, scope.tz).date(), days)
    answered = [
        e.at
        for e in scope.opp.outcomes
        if e.outcome in (Outcome.ACCEPTED, Outcome.DECLINED) and e.at >= offered
    ]
    return scope.action(
        f"offer-reply:opp={scope.opp.id}",
        "P12",
        f"Answer {possessive(scope.opp.company)} offer",
        scope.calendar.end_of(day, scope.tz),
        f"an offer deserves an answer within {days} working days (P12)",
        guidance=OFFER_GUIDANCE.format(opp_id=scope.opp.id),
        satisfied_at=min(answered) if answered else None,
        logs=ContactKind.OFFER_REPLY,
    )


def _open_at(scope: Scope, moment: datetime) -> bool:
    """Was the opportunity still open when the other offer was accepted?"""
    before = [e for e in outcome_events(scope.opp) if e.at <= moment]
    if not before:
        return True
    return not is_closed_by(before[-1].outcome)


def is_closed_by(outcome: Outcome) -> bool:
    return outcome not in (Outcome.NEXT_ROUND, Outcome.OFFER)


def _withdraw(scope: Scope, accepted: datetime) -> PlannedAction:
    contacted = scope.first_contact_after(ContactKind.WITHDRAWAL, accepted)
    closed = [e.at for e in outcome_events(scope.opp) if e.at >= accepted]
    done = [m for m in (contacted, min(closed, default=None)) if m is not None]
    return scope.action(
        f"withdraw-after-acceptance:opp={scope.opp.id}",
        "P12",
        f"Withdraw courteously from {scope.opp.company}",
        accepted,
        "you accepted an offer elsewhere: free them to move on (P12, P7)",
        guidance=WITHDRAW_GUIDANCE,
        satisfied_at=min(done) if done else None,
        logs=ContactKind.WITHDRAWAL,
    )
