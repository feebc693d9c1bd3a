"""The playbook from the consultant's side of the desk: a pure day view.

On the recruiter route the candidate's first step is to call their consultant (P1), and
the consultant, not the candidate, chases the client (P8 through the recruiter). So
the consultant's day asks four things of the opportunities candidates share:

- **Calls to expect** (P1): interviews ending today; the call is due when the
  candidate's own plan says (2 hours after the end, within the working day, or the
  time arranged) and is *overdue* after that with no call recorded.
- **Client decisions** (P6, P8): the decision date the client gave, due and passed;
  once it has passed with no news, chase the client, never twice within the weekly
  guard (any follow-up of the opportunity counts, the candidate's own included).
  With no timeline a day after the interview, ask the client for one (P6).
- **Feedback and news**: replies and client feedback, which pause chasing (P8).
- **Offers and outcomes** (P12).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from afterview.playbook.facts import CLOSED_STATUSES, Channel, Contact, ContactKind, Status
from afterview.playbook.pacing import guard_verdict
from afterview.playbook.settings import Settings
from afterview.playbook.timing import WorkingCalendar, add_days, local

# How long an unanswered call stays on the day view after its interview ended.
CALLS_LOOK_BACK = timedelta(hours=36)
# Recent news, feedback and outcomes worth seeing again.
RECENT = timedelta(days=14)


@dataclass(frozen=True)
class ClientNote:
    """What a consultant recorded about one opportunity (server table client_notes)."""

    candidate_id: int
    opportunity_id: int
    kind: str  # chase | feedback | call
    at: datetime
    note: str | None = None
    decision_by: date | None = None
    by: str | None = None


@dataclass(frozen=True)
class Opening:
    """The facts of one shared opportunity the day view reads (`server.projection`)."""

    candidate_id: int
    candidate_name: str
    opportunity_id: int
    company: str
    role: str
    route: str
    tz: str
    status: Status
    interviews: Sequence[tuple[int, datetime, datetime, datetime | None, datetime | None]]
    # (round, start, end, call due, called at)
    timelines: Sequence[tuple[datetime, date | None, date | None, bool]]
    # (recorded at, decision by, follow up on, none given)
    follow_ups: Sequence[datetime]
    replies: Sequence[tuple[datetime, str | None]]
    outcomes: Sequence[tuple[datetime, str]]
    shares_timeline: bool


@dataclass(frozen=True)
class CallWatch:
    opening: Opening
    round: int
    end: datetime
    due: datetime | None
    called_at: datetime | None
    state: str  # upcoming | expected | overdue | received

    @property
    def alert(self) -> bool:
        return self.state == "overdue"


@dataclass(frozen=True)
class DecisionWatch:
    opening: Opening
    state: str  # awaiting | due-today | passed | news | no-timeline
    decision_by: date | None
    chase_from: datetime | None  # passed: when a chase is allowed (P8's guard)
    last_chase: datetime | None
    news_at: datetime | None = None

    @property
    def chase_now(self) -> bool:
        return self.state in ("passed", "no-timeline")


@dataclass(frozen=True)
class NewsItem:
    opening: Opening
    at: datetime
    what: str
    text: str | None


@dataclass
class ConsultantDay:
    today: date
    calls: list[CallWatch] = field(default_factory=list)
    decisions: list[DecisionWatch] = field(default_factory=list)
    news: list[NewsItem] = field(default_factory=list)
    offers: list[Opening] = field(default_factory=list)
    shared: list[Opening] = field(default_factory=list)  # everything shared, by candidate
    alerts: int = 0

    @property
    def to_act_on(self) -> list[DecisionWatch]:
        """Decisions that ask something of the consultant today (P6, P8)."""
        return [d for d in self.decisions if d.state in ACT_ON]

    @property
    def awaiting(self) -> int:
        """Decisions expected later: nothing to do yet."""
        return sum(1 for d in self.decisions if d.state == "awaiting")

    @property
    def candidates(self) -> list[CandidateSummary]:
        """One line per candidate: how much they share, how much is still open."""
        found: dict[int, CandidateSummary] = {}
        for o in self.shared:
            seen = found.get(o.candidate_id) or CandidateSummary(o.candidate_id, o.candidate_name)
            found[o.candidate_id] = CandidateSummary(
                seen.candidate_id,
                seen.name,
                seen.shared + 1,
                seen.open + (o.status not in CLOSED_STATUSES),
            )
        return sorted(found.values(), key=lambda c: (c.name, c.candidate_id))


ACT_ON = ("passed", "no-timeline", "due-today")


@dataclass(frozen=True)
class CandidateSummary:
    candidate_id: int
    name: str
    shared: int = 0
    open: int = 0


def consultant_day(
    openings: Iterable[Opening],
    notes: Iterable[ClientNote],
    *,
    now: datetime,
    tz: str,
    settings: Settings,
    calendar: WorkingCalendar,
) -> ConsultantDay:
    """Everything due or worth knowing today, across the candidates who share with you."""
    by_opp: dict[tuple[int, int], list[ClientNote]] = {}
    for n in notes:
        by_opp.setdefault((n.candidate_id, n.opportunity_id), []).append(n)
    today = local(now, tz).date()
    day = ConsultantDay(today=today)
    for opening in openings:
        day.shared.append(opening)
        own = sorted(by_opp.get((opening.candidate_id, opening.opportunity_id), []), key=_at)
        day.calls.extend(_calls(opening, own, now, today, tz))
        decision = _decision(opening, own, now, settings, calendar)
        if decision is not None:
            day.decisions.append(decision)
        day.news.extend(_news(opening, own, now))
        if opening.status is Status.OFFER:
            day.offers.append(opening)
    day.shared.sort(key=lambda o: (o.candidate_name, o.candidate_id, o.company))
    day.calls.sort(key=lambda c: (c.state != "overdue", c.end))
    order = {"passed": 0, "no-timeline": 1, "due-today": 2, "news": 3, "awaiting": 4}
    day.decisions.sort(
        key=lambda d: (order[d.state], d.decision_by or date.max, d.opening.candidate_name)
    )
    day.news.sort(key=lambda n: n.at, reverse=True)
    day.alerts = sum(c.alert for c in day.calls) + sum(d.chase_now for d in day.decisions)
    return day


def _calls(
    opening: Opening, own: Sequence[ClientNote], now: datetime, today: date, tz: str
) -> list[CallWatch]:
    if opening.route != "recruiter" or opening.status in (*CLOSED_STATUSES, Status.OFFER):
        return []  # an offer or an end came through the agency: the call is moot
    found = []
    for round_, start, end, due, published_call in opening.interviews:
        # A call the consultant recorded counts too (it is also in the candidate's
        # store, but may not have been published back yet).
        called_at = published_call or next(
            (n.at for n in own if n.kind == "call" and n.at >= start), None
        )
        ends_today = local(end, tz).date() == today
        unanswered = called_at is None and end <= now < end + CALLS_LOOK_BACK
        if not (ends_today or unanswered):
            continue
        if called_at is not None:
            state = "received"
        elif now < end:
            state = "upcoming"
        elif due is not None and now < due:
            state = "expected"
        else:
            state = "overdue"
        found.append(CallWatch(opening, round_, end, due, called_at, state))
    return found


def _decision(
    opening: Opening,
    own: Sequence[ClientNote],
    now: datetime,
    settings: Settings,
    calendar: WorkingCalendar,
) -> DecisionWatch | None:
    """Where the client's decision stands (P6) and whether to chase them (P8)."""
    if opening.status in (*CLOSED_STATUSES, Status.OFFER, Status.INTERVIEW_SCHEDULED):
        return None  # decided, or a further round is booked: nothing to chase
    ended = [end for _, _, end, _, _ in opening.interviews if end <= now]
    if not ended:
        return None
    last_end = max(ended)
    told = [(t[0], t[1] or t[2]) for t in opening.timelines if not t[3]]
    told += [(n.at, n.decision_by) for n in own if n.kind == "feedback" and n.decision_by]
    told = [t for t in told if t[1] is not None]
    chases = [n.at for n in own if n.kind == "chase"]
    guard = _guard(chases, opening.follow_ups, now, settings, opening.tz)
    last_chase = max(chases, default=None)
    if not told:
        asked_late = now >= add_days(last_end, settings.timeline_check_days, opening.tz)
        if not asked_late:
            return None
        return DecisionWatch(opening, "no-timeline", None, guard, last_chase)
    recorded_at, decision_by = max(told, key=lambda t: t[0])
    assert decision_by is not None
    news = [at for at, _ in opening.replies if at > recorded_at]
    news += [n.at for n in own if n.kind == "feedback" and n.at > recorded_at]
    if news:
        return DecisionWatch(opening, "news", decision_by, None, last_chase, max(news))
    today = local(now, opening.tz).date()
    if decision_by > today:
        return DecisionWatch(opening, "awaiting", decision_by, None, last_chase)
    if decision_by == today:
        return DecisionWatch(opening, "due-today", decision_by, None, last_chase)
    first = calendar.working_morning_after_date(decision_by, opening.tz)
    chase_from = max(first, guard) if guard else first
    state = "passed" if now >= chase_from else "awaiting"
    return DecisionWatch(opening, state, decision_by, chase_from, last_chase)


def _guard(
    chases: Sequence[datetime],
    follow_ups: Sequence[datetime],
    now: datetime,
    settings: Settings,
    tz: str,
) -> datetime | None:
    """When the next chase is allowed, if the weekly guard holds it back now (P8)."""
    contacts = [
        Contact(id=0, at=at, kind=ContactKind.FOLLOW_UP, channel=Channel.PHONE)
        for at in [*chases, *follow_ups]
    ]
    verdict = guard_verdict(contacts, now, settings.follow_up_guard_days, tz)
    return None if verdict.allowed else verdict.next_allowed


def chase_verdict(
    chases: Sequence[datetime],
    follow_ups: Sequence[datetime],
    at: datetime,
    settings: Settings,
    tz: str,
) -> datetime | None:
    """None if a chase at `at` keeps the weekly guard, else when the next one may be (P8)."""
    return _guard(chases, follow_ups, at, settings, tz)


def _news(opening: Opening, own: Sequence[ClientNote], now: datetime) -> list[NewsItem]:
    since = now - RECENT
    items = [
        NewsItem(opening, at, "reply", note) for at, note in opening.replies if since <= at <= now
    ]
    items += [
        NewsItem(opening, n.at, "feedback", n.note)
        for n in own
        if n.kind == "feedback" and since <= n.at <= now
    ]
    items += [
        NewsItem(opening, at, "outcome", outcome.replace("-", " "))
        for at, outcome in opening.outcomes
        if since <= at <= now
    ]
    # Feedback the consultant recorded is also a reply in the candidate's store: show it once.
    feedback_times = {n.at for n in own if n.kind == "feedback"}
    return [i for i in items if not (i.what == "reply" and i.at in feedback_times)]


def _at(note: ClientNote) -> datetime:
    return note.at
