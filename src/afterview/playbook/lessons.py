"""P11 — lessons across every interview: recurring weak spots and punctuality per rule."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from afterview.playbook.actions import State
from afterview.playbook.facts import AnswerQuality, Opportunity


@dataclass(frozen=True)
class WeakQuestion:
    question: str
    times: int
    companies: tuple[str, ...]
    reasons: tuple[str, ...]
    add_next_time: tuple[str, ...]


@dataclass(frozen=True)
class RuleRecord:
    """How one playbook step went: on time (done by the end of the day it was due),
    late, skipped, missed (left open until it no longer mattered), overdue (still open).

    `caught_up` counts steps that were already past due when their facts were first
    recorded (yesterday's interview entered today): nobody could have done them on
    time, so they count neither for nor against punctuality."""

    rule: str
    on_time: int = 0
    late: int = 0
    skipped: int = 0
    overdue: int = 0
    upcoming: int = 0
    missed: int = 0
    caught_up: int = 0

    @property
    def due_so_far(self) -> int:
        return self.on_time + self.late + self.skipped + self.overdue + self.missed

    @property
    def on_time_share(self) -> float | None:
        total = self.due_so_far
        return self.on_time / total if total else None


@dataclass(frozen=True)
class ActionOutcome:
    """The slice of an agenda row that punctuality needs."""

    rule: str
    due: datetime
    state: State
    closed_at: datetime | None
    expires: datetime | None = None
    known_from: datetime | None = None  # when the facts that plan it were first recorded


@dataclass(frozen=True)
class Lessons:
    interviews_debriefed: int
    weak_questions: tuple[WeakQuestion, ...]
    liked: tuple[tuple[str, int], ...]
    disliked: tuple[tuple[str, int], ...]
    cover_more: tuple[tuple[str, int], ...]
    rules: tuple[RuleRecord, ...]


def build_lessons(
    opportunities: Iterable[Opportunity], actions: Iterable[ActionOutcome], now: datetime
) -> Lessons:
    opps = list(opportunities)
    return Lessons(
        interviews_debriefed=sum(len(o.debriefs) for o in opps),
        weak_questions=_weak_questions(opps),
        liked=_tally(item for o in opps for d in o.debriefs for item in d.liked),
        disliked=_tally(item for o in opps for d in o.debriefs for item in d.disliked),
        cover_more=_tally(item for o in opps for d in o.debriefs for item in d.cover_more),
        rules=punctuality(actions, now),
    )


def normalise(text: str) -> str:
    """Questions worded slightly differently still group together."""
    words = re.findall(r"[a-z0-9']+", text.casefold())
    return " ".join(words)


def _weak_questions(opps: Sequence[Opportunity]) -> tuple[WeakQuestion, ...]:
    groups: dict[str, list[tuple[str, str, str | None, str | None]]] = {}
    for opp in opps:
        for debrief in opp.debriefs:
            for q in debrief.questions:
                if q.quality is AnswerQuality.GOOD:
                    continue
                reason = q.reason.value if q.reason else None
                entry = (q.question, opp.company, reason, q.add_next_time)
                groups.setdefault(normalise(q.question), []).append(entry)
    found = [
        WeakQuestion(
            question=entries[0][0],
            times=len(entries),
            companies=_distinct(e[1] for e in entries),
            reasons=_distinct(e[2] for e in entries if e[2]),
            add_next_time=_distinct(e[3] for e in entries if e[3]),
        )
        for entries in groups.values()
    ]
    return tuple(sorted(found, key=lambda w: (-w.times, w.question.casefold())))


def _tally(items: Iterable[str]) -> tuple[tuple[str, int], ...]:
    counts: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    for item in items:
        key = normalise(item)
        if key:
            counts[key] += 1
            spelled.setdefault(key, item.strip())
    return tuple((spelled[k], n) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _distinct(items: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def punctuality(actions: Iterable[ActionOutcome], now: datetime) -> tuple[RuleRecord, ...]:
    counts: dict[str, Counter[str]] = {}
    for action in actions:
        verdict = _verdict(action, now)
        counts.setdefault(action.rule, Counter())
        if verdict != "moot":
            counts[action.rule][verdict] += 1
    return tuple(
        RuleRecord(rule, **{k: counts[rule][k] for k in counts[rule]})
        for rule in sorted(counts, key=lambda r: int(r[1:]))
    )


def _verdict(action: ActionOutcome, now: datetime) -> str:
    if action.known_from is not None and action.due < action.known_from:
        return "caught_up"  # already past when it became known: a catch-up, not a lapse
    if action.state is State.DONE:
        return "on_time" if _in_time(action.due, action.closed_at) else "late"
    if action.state is State.SKIPPED:
        return "skipped"
    if action.expires is not None and action.expires <= now:
        # moot before it was even due (e.g. rejected first) is nobody's lapse
        return "missed" if action.due < action.expires else "moot"
    return "overdue" if action.due <= now else "upcoming"


def _in_time(due: datetime, closed: datetime | None) -> bool:
    """Done before the due time, or later that same day on the due time's own clock."""
    if closed is None or closed <= due:
        return True
    return closed.astimezone(due.tzinfo).date() == due.date()
