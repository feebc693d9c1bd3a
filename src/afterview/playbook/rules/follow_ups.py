"""P8 — paced follow-ups: first from the timeline or the thank-you, then weekly at most."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import (
    Channel,
    ContactKind,
    Outcome,
    Person,
    PersonRole,
    Route,
    Timeline,
)
from afterview.playbook.pacing import week_after
from afterview.playbook.rules.common import Scope, entered_late
from afterview.playbook.rules.thank_you import window_of as thank_you_window
from afterview.playbook.status import awaits_employer
from afterview.playbook.timing import add_days, elapsed, later, local, out_of_night

EMAIL_GUIDANCE = (
    "Polite, never pushy: you are still very interested in the role; you understand "
    "hiring takes time; ask where they are in the process, whether there is an updated "
    "timeline, and whether any further information or documents would help."
)
PHONE_GUIDANCE = (
    "Call script: introduce yourself and the role you interviewed for; say you are still "
    "very interested and understand these things take time; ask where they are in the "
    "process and whether the timeline has changed; offer anything that would help; "
    "thank them. If you get voicemail, leave one short message: it counts as this "
    "week's follow-up."
)
CLOSE_GUIDANCE = (
    "A fourth chase rarely helps and can hurt. Record the outcome with "
    "`afterview outcome {opp_id} no-response`; keep searching (P9)."
)


@dataclass(frozen=True)
class NextFollowUp:
    due: datetime
    why: str
    suggest_close: bool = False


def plan(scope: Scope) -> list[PlannedAction]:
    if not scope.opp.live_interviews:
        return []
    them = recipient_scope(scope)
    done = scope.opp.contacts_of(ContactKind.FOLLOW_UP)
    actions = [_history(scope, them, n, c.at) for n, c in enumerate(done, start=1)]
    if not _chasing(scope):
        return actions
    upcoming = next_follow_up(them)
    if upcoming is None:
        return actions  # paused by a reply (P8)
    if upcoming.suggest_close:
        actions.append(_close(scope, upcoming))
    else:
        actions.append(_action(scope, them, len(done) + 1, upcoming.due, upcoming.why, None))
    return actions


def recipient_scope(scope: Scope) -> Scope:
    """P8 as the person chased sees time: a recruiter works in the candidate's zone and
    calendar; anyone else at the organisation in its zone, by its public holidays."""
    person, _ = follow_up_contact(scope)
    if person is not None and person.role is PersonRole.RECRUITER:
        return replace(scope, zone_override=scope.candidate_tz())
    return scope.theirs()


def next_follow_up(scope: Scope, before: datetime | None = None) -> NextFollowUp | None:
    """The next follow-up allowed by the facts known before `before` (all if None)."""
    s = scope.settings
    seen = _Seen(scope, before)
    if seen.latest_interview is None:
        return None
    base, why = _base(scope, seen)
    if base is None:
        return None
    # A follow-up is a message to a person at work: in working hours of a working day.
    due = scope.calendar.within_working_hours(later(base, seen.latest_interview.end), scope.tz)
    if seen.last_follow_up is not None:
        allowed = week_after(seen.last_follow_up, s.follow_up_guard_days, scope.tz)
        if allowed > due:
            due = scope.calendar.within_working_hours(allowed, scope.tz)
            why += f"; not before {scope.when(allowed)} by the weekly guard"
    close = seen.unanswered >= s.max_unanswered_follow_ups
    if close:
        why = f"{seen.unanswered} follow-ups without a reply → suggest closing as no response (P8)"
    return NextFollowUp(due, why if close else f"{why} (P8)", close)


class _Seen:
    """The facts P8 reads, cut at `before` and limited to the current round."""

    def __init__(self, scope: Scope, before: datetime | None) -> None:
        def known(moment: datetime) -> bool:
            return before is None or moment < before

        opp = scope.opp
        live = [i for i in opp.live_interviews if known(i.start)]
        self.latest_interview = live[-1] if live else None
        round_start = live[-2].end if len(live) > 1 else None

        def this_round(moment: datetime) -> bool:
            return known(moment) and (round_start is None or moment > round_start)

        follow_ups = [c.at for c in opp.contacts_of(ContactKind.FOLLOW_UP) if known(c.at)]
        self.last_follow_up = follow_ups[-1] if follow_ups else None
        # Being interviewed (again) answers the chases and supersedes the replies before it
        # (an invitation is a reply): they neither pace this round nor pause it (P8).
        interviewed = live[-1].start if live else None

        def since_interview(moment: datetime) -> bool:
            return interviewed is None or moment >= interviewed

        # A next round announced since is news, like a reply: it pauses the chase and
        # supersedes the timeline given before it (the draft never asks about that date).
        announced = [
            e.at
            for e in opp.outcomes
            if e.outcome is Outcome.NEXT_ROUND and known(e.at) and since_interview(e.at)
        ]
        replies = sorted([*(r.at for r in opp.replies if known(r.at)), *announced])
        self.last_reply = replies[-1] if replies else None
        news = max(announced, default=None)

        answered = max((t for t in (self.last_reply, interviewed) if t is not None), default=None)
        self.unanswered = len([t for t in follow_ups if answered is None or t > answered])
        self.round_follow_up = max((t for t in follow_ups if since_interview(t)), default=None)
        self.round_reply = max((t for t in replies if since_interview(t)), default=None)
        timelines = sorted(
            (
                t
                for t in opp.timelines
                if this_round(t.recorded_at) and (news is None or t.recorded_at > news)
            ),
            key=lambda t: t.recorded_at,
        )
        self.timeline = timelines[-1] if timelines else None
        start = self.latest_interview.start if self.latest_interview else None
        thanks = [c.at for c in opp.contacts_of(ContactKind.THANK_YOU) if known(c.at)]
        self.thanked = next((t for t in thanks if start is not None and t >= start), None)


def _base(scope: Scope, seen: _Seen) -> tuple[datetime | None, str]:
    """The first moment the next follow-up makes sense, and why; None when paused."""
    events: list[tuple[datetime, str]] = []
    if seen.round_reply is not None:
        events.append((seen.round_reply, "reply"))
    if seen.timeline is not None:
        events.append((seen.timeline.recorded_at, "timeline"))
    if seen.round_follow_up is not None:
        events.append((seen.round_follow_up, "follow-up"))
    latest = max(events, default=None)
    if latest is not None and latest[1] == "reply":
        return _after_reply(scope, latest[0])
    if latest is not None and latest[1] == "timeline" and seen.timeline is not None:
        dated = _from_timeline(scope, seen.timeline)
        if dated is not None:
            return dated
        if seen.round_reply is not None:  # restart from it, not from the thank-you before
            return _after_dateless_timeline(scope, seen.timeline)
    if seen.round_follow_up is not None:
        days = scope.settings.follow_up_guard_days
        weekly = week_after(seen.round_follow_up, days, scope.tz)
        dated = _from_timeline(scope, seen.timeline) if seen.timeline else None
        if dated is not None and dated[0] > weekly:
            # an early chase does not turn into weekly chasing before the stated date
            return dated
        return weekly, f"{days} days after your follow-up of {scope.when(seen.round_follow_up)}"
    return _after_thank_you(scope, seen)


def _after_reply(scope: Scope, replied: datetime) -> tuple[datetime | None, str]:
    days = scope.settings.resume_after_reply_days
    if days == 0:
        return None, ""
    return (
        add_days(replied, days, scope.tz),
        f"their reply of {scope.when(replied)} paused follow-ups; resume {days} days later "
        "unless a new timeline arrives",
    )


def _from_timeline(scope: Scope, timeline: Timeline) -> tuple[datetime, str] | None:
    calendar = scope.calendar
    if timeline.follow_up_on is not None:
        due = calendar.on_or_after_working_morning(timeline.follow_up_on, scope.tz)
        return due, f"follow-up date agreed: {timeline.follow_up_on:%a %d %b}"
    if timeline.decision_by is not None:
        due = calendar.working_morning_after_date(timeline.decision_by, scope.tz)
        return due, (
            f"decision due by {timeline.decision_by:%a %d %b} → the working day after it passes"
        )
    return None


def _after_dateless_timeline(scope: Scope, timeline: Timeline) -> tuple[datetime, str]:
    """A new timeline after a reply restarts P8 from it, even without a date (P8)."""
    days = scope.settings.first_follow_up_days
    return (
        add_days(timeline.recorded_at, days, scope.tz),
        f"new timeline of {scope.when(timeline.recorded_at)} without a date → {days} days after it",
    )


def _after_thank_you(scope: Scope, seen: _Seen) -> tuple[datetime, str]:
    days = scope.settings.first_follow_up_days
    if seen.thanked is not None:
        return (
            add_days(seen.thanked, days, scope.tz),
            f"no decision date given → {days} days after the thank-you of "
            f"{scope.when(seen.thanked)}",
        )
    assert seen.latest_interview is not None
    window = thank_you_window(scope, seen.latest_interview)
    planned, shown = window.end, window.due  # theirs to count from; yours to show
    entered = entered_late(scope, seen.latest_interview, planned)
    if entered is not None:
        planned = shown = entered  # entered late: the thank-you is a catch-up, due from now
    mine = scope.candidate_tz(seen.latest_interview)
    return (
        add_days(planned, days, scope.tz),
        f"no decision date given → {days} days after the thank-you (due "
        f"{scope.when(shown, mine)}, not sent yet)",
    )


def _chasing(scope: Scope) -> bool:
    """Follow-ups make sense while the organisation owes the next move (P8, P12)."""
    return awaits_employer(scope.opp) and scope.accepted_elsewhere() is None


def current_timeline(scope: Scope) -> Timeline | None:
    """The timeline that speaks for the current round: one given for an earlier round
    is superseded by the round that followed, so a draft never asks about its date."""
    return _Seen(scope, None).timeline


def too_early(scope: Scope, at: datetime) -> str | None:
    """P8 ("follow up once that time has passed"): why a chase at `at` is early, and
    from when it is reasonable; None when it is not early (or no date was given)."""
    scope = recipient_scope(scope)
    seen = _Seen(scope, None)
    if seen.latest_interview is None or seen.timeline is None:
        return None
    dated = _from_timeline(scope, seen.timeline)
    if dated is None or at >= dated[0]:
        return None
    timeline = seen.timeline
    told = (
        f"you agreed to follow up on {timeline.follow_up_on:%a %d %b}"
        if timeline.follow_up_on is not None
        else f"{scope.opp.company} expects to decide by {timeline.decision_by:%a %d %b}"
    )
    return (
        f"It is early: {told}, so a follow-up makes sense from {scope.when(dated[0])} "
        "(P8: chase once that time has passed)."
    )


def follow_up_contact(scope: Scope) -> tuple[Person | None, Channel]:
    """Whom to chase and how: the timeline's answer, else the recruiter, else the manager."""
    opp = scope.opp
    for timeline in sorted(opp.timelines, key=lambda t: t.recorded_at, reverse=True):
        if timeline.follow_up_with is not None or timeline.follow_up_how is not None:
            person = opp.person(timeline.follow_up_with) or _default_person(scope)
            return person, timeline.follow_up_how or Channel.EMAIL
    return _default_person(scope), Channel.EMAIL


def _default_person(scope: Scope) -> Person | None:
    opp = scope.opp
    if opp.route is Route.RECRUITER and opp.recruiters:
        return opp.recruiters[0]
    for role in (PersonRole.HIRING_MANAGER, PersonRole.INTERVIEWER):
        match = next((p for p in opp.people if p.role is role), None)
        if match is not None:
            return match
    return None


def _action(
    scope: Scope, them: Scope, n: int, lands: datetime, why: str, satisfied_at: datetime | None
) -> PlannedAction:
    """`lands` is when the follow-up may first land (their working hours); it is due by
    the end of that working day (a window, not its first minute), on the candidate's
    clock and out of the candidate's night."""
    person, channel = follow_up_contact(scope)
    whom = person.name if person else scope.opp.company
    how = "call" if channel is Channel.PHONE else "email"
    mine = scope.candidate_tz()
    end = later(lands, them.calendar.end_of(local(lands, them.tz).date(), them.tz))
    # An email can be written the evening before and queued; a call needs them awake.
    earliest = lands if channel is Channel.PHONE else elapsed(lands, timedelta(hours=-16))
    due = end if satisfied_at else out_of_night(end, mine, scope.settings, earliest)
    if due > end:  # the candidate cannot act in the window: it lands later
        lands = them.calendar.within_working_hours(due, them.tz)
    return scope.action(
        f"follow-up:opp={scope.opp.id}:n={n}",
        "P8",
        f"Follow up with {whom} ({scope.opp.company}) by {how}",
        due,
        why,
        tz=mine,
        other_tz=them.tz if them.tz != mine else None,
        send_at=lands,
        guidance=PHONE_GUIDANCE if channel is Channel.PHONE else EMAIL_GUIDANCE,
        person_id=person.id if person else None,
        satisfied_at=satisfied_at,
        logs=ContactKind.FOLLOW_UP,
    )


def _history(scope: Scope, them: Scope, n: int, at: datetime) -> PlannedAction:
    planned = next_follow_up(them, before=at)
    if planned is None or planned.suggest_close:
        return _action(scope, them, n, at, "follow-up you logged (P8)", at)
    return _action(scope, them, n, planned.due, planned.why, at)


def _close(scope: Scope, upcoming: NextFollowUp) -> PlannedAction:
    return scope.action(
        f"close-no-response:opp={scope.opp.id}",
        "P8",
        f"Consider closing {scope.opp.company} as 'no response'",
        upcoming.due,
        upcoming.why,
        guidance=CLOSE_GUIDANCE.format(opp_id=scope.opp.id),
    )
