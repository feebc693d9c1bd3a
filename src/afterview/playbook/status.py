"""P12 — where an opportunity stands, derived from its facts."""

from __future__ import annotations

from datetime import datetime

from afterview.playbook.facts import (
    CLOSED_STATUSES,
    ContactKind,
    FitDecision,
    Opportunity,
    Outcome,
    OutcomeEvent,
    Status,
)


def outcome_events(opp: Opportunity) -> list[OutcomeEvent]:
    """Recorded outcomes plus withdraw decisions from the fit reflection (P7), in order."""
    events = list(opp.outcomes)
    events += [
        OutcomeEvent(r.recorded_at, Outcome.WITHDRAWN)
        for r in opp.reflections
        if r.decision is FitDecision.WITHDRAW
    ]
    return sorted(events, key=lambda e: e.at)


def latest_outcome(opp: Opportunity) -> OutcomeEvent | None:
    events = outcome_events(opp)
    return events[-1] if events else None


def stands_accepted(opp: Opportunity) -> bool:
    """P12: outcomes are a history in which the latest stands; a corrected "accepted" is not."""
    last = latest_outcome(opp)
    return last is not None and last.outcome is Outcome.ACCEPTED


def is_closed(opp: Opportunity) -> bool:
    """Closed for good: no chasing, no searching on its account (P8, P9)."""
    last = latest_outcome(opp)
    return last is not None and Status(last.outcome.value) in CLOSED_STATUSES


def awaits_employer(opp: Opportunity) -> bool:
    """True while the next move is the organisation's, so follow-ups make sense (P8)."""
    last = latest_outcome(opp)
    return last is None or last.outcome is Outcome.NEXT_ROUND


def status(opp: Opportunity, now: datetime) -> Status:
    """The status as of `now`: facts recorded later (an outcome, a thank-you) do not count."""
    events = [e for e in outcome_events(opp) if e.at <= now]
    last = events[-1] if events else None
    if last is not None and last.outcome is not Outcome.NEXT_ROUND:
        return Status(last.outcome.value)
    interviews = opp.live_interviews
    if last is not None:
        interviews = tuple(i for i in interviews if i.start >= last.at)
        if not interviews:
            return Status.NEXT_ROUND
    if not interviews:
        return Status.NEW
    latest = interviews[-1]
    if latest.end > now:
        return Status.INTERVIEW_SCHEDULED
    thanks = opp.contacts_of(ContactKind.THANK_YOU)
    thanked = any(latest.start <= c.at <= now for c in thanks)
    told = any(latest.start <= t.recorded_at <= now for t in opp.timelines)
    return Status.AWAITING_DECISION if thanked or told else Status.INTERVIEWED
