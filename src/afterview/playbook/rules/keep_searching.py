"""P9 — nothing is certain until an offer is accepted: keep searching, weekly."""

from __future__ import annotations

from datetime import datetime

from afterview.playbook.actions import PlannedAction
from afterview.playbook.facts import FitDecision, Overall, SearchLog
from afterview.playbook.rules.common import Scope, possessive
from afterview.playbook.settings import Settings
from afterview.playbook.status import is_closed
from afterview.playbook.timing import WorkingCalendar, add_days

SEARCH_GUIDANCE = (
    "Until an offer is accepted nothing is guaranteed, even after a great interview. "
    "Spend time this week on new applications, your network, and the competitors "
    "listed on your open opportunities."
)
COMPETITOR_GUIDANCE = (
    "It went well and you want it, so look at {company_s} competitors that are hiring: the same "
    "strengths will sell there. {listed}Add names with "
    "`afterview opp competitor {opp_id} NAME`."
)


def plan_search(
    first_interview_end: datetime | None,
    log: SearchLog,
    searching: bool,
    settings: Settings,
    calendar: WorkingCalendar,
    tz: str,
) -> list[PlannedAction]:
    """The weekly reminders: the closed ones for history, then the next while searching."""
    if first_interview_end is None:
        return []
    every = settings.keep_searching_every_days
    due = calendar.next_working_morning(first_interview_end, tz)
    why = "the day after your first interview: keep your search going (P9)"
    actions = []
    for n, closed in enumerate(log.closed_at, start=1):
        actions.append(_search(n, due, why, tz, closed))
        # a week on, at the start of that working day: a reminder, not an alarm at 17:53
        due = calendar.on_or_after_working_morning(add_days(closed, every, tz).date(), tz)
        why = f"weekly: {every} days after the last one (P9)"
    if searching:
        actions.append(_search(len(log.closed_at) + 1, due, why, tz, None))
    return actions


def _search(
    n: int, due: datetime, why: str, tz: str, satisfied_at: datetime | None
) -> PlannedAction:
    return PlannedAction(
        key=f"P9:keep-searching:n={n}",
        rule="P9",
        title="Keep searching: apply, network, look at competitors",
        due=due,
        tz=tz,
        why=why,
        guidance=SEARCH_GUIDANCE,
        satisfied_at=satisfied_at,
    )


def plan_competitors(scope: Scope) -> list[PlannedAction]:
    """After a good interview, suggest the organisation's competitors (P9)."""
    if is_closed(scope.opp) or scope.accepted_elsewhere() is not None:
        return []
    # The article: it went well *and* you want to go on (a good debrief and a "continue"
    # reflection); the suggestion comes once both are known.
    good = [d.recorded_at for d in scope.opp.debriefs if d.overall is Overall.GOOD]
    wanted = [r.recorded_at for r in scope.opp.reflections if r.decision is FitDecision.CONTINUE]
    if not good or not wanted:
        return []
    moments = [max(min(good), min(wanted))]
    listed = ", ".join(scope.opp.competitors)
    return [
        scope.action(
            f"competitors:opp={scope.opp.id}",
            "P9",
            f"Look at {possessive(scope.opp.company)} competitors that are hiring",
            min(moments),
            "it went well and you want to go on: the same strengths sell to its competitors (P9)",
            guidance=COMPETITOR_GUIDANCE.format(
                company_s=possessive(scope.opp.company),
                listed=f"Listed so far: {listed}. " if listed else "",
                opp_id=scope.opp.id,
            ),
        )
    ]
