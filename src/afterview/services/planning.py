"""Keeping the materialised plan (the `actions` table) in step with the facts.

Every use case that changes an opportunity's facts calls `refresh_opportunity`;
facts that reach across opportunities (an accepted offer, the first debrief ever)
call `refresh_all`. The agenda then reads the table with one indexed query.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from afterview.agenda_query import utc_text
from afterview.playbook.actions import OPEN_STATES, Resolved, resolve
from afterview.playbook.facts import CLOSED_STATUSES, Opportunity, PlanContext
from afterview.playbook.plan import plan_opportunity
from afterview.playbook.rules.keep_searching import plan_search
from afterview.playbook.status import status
from afterview.playbook.timing import zone

if TYPE_CHECKING:
    from afterview.playbook.rules.common import Scope
    from afterview.services.app import App
    from afterview.store.repository import Repository


def refresh_opportunity(app: App, repo: Repository, opp_id: int, now: datetime) -> Opportunity:
    """Re-plan one opportunity (and the candidate-wide P9 reminders) from its facts."""
    opp = repo.load_opportunity(opp_id)
    _materialise(app, repo, opp, plan_context(app, repo), now)
    refresh_search(app, repo, now)
    return opp


def refresh_all(app: App, repo: Repository, now: datetime) -> None:
    context = plan_context(app, repo)
    for opp in repo.load_all_opportunities():
        _materialise(app, repo, opp, context, now)
    refresh_search(app, repo, now)


def plan_context(app: App, repo: Repository) -> PlanContext:
    accepted = repo.accepted_offer()
    first_debrief = repo.first_debrief_at()
    return PlanContext(
        accepted_offer_opp=accepted[0] if accepted else None,
        accepted_offer_at=accepted[1] if accepted else None,
        has_lessons=first_debrief is not None,
        lessons_since=first_debrief,
        default_tz=app.timezone,
        home_tz=app.timezone,
    )


def refresh_search(app: App, repo: Repository, now: datetime) -> None:
    """P9's weekly reminders depend on all opportunities: recomputed from aggregates."""
    # P9 is the candidate's own step: judged in their zone, wherever the interview was.
    first_end, tz = (repo.first_interview_end() or (None, None))[0], app.timezone
    # P9: until an offer is accepted, whatever else closed (after a last rejection too).
    searching = repo.accepted_offer() is None
    actions = plan_search(first_end, repo.search_log(), searching, app.settings, app.calendar, tz)
    decisions = repo.decisions_for(None)
    rows = [to_row(resolve(a, decisions.get(a.key)), None) for a in actions]
    repo.replace_actions(None, rows)


def _materialise(
    app: App, repo: Repository, opp: Opportunity, context: PlanContext, now: datetime
) -> None:
    actions = plan_opportunity(opp, app.settings, context, app.calendar)
    decisions = repo.decisions_for(opp.id)
    rows = [to_row(resolve(a, decisions.get(a.key)), opp) for a in actions]
    repo.replace_actions(opp.id, rows)
    current = status(opp, now)
    repo.set_status(opp.id, current.value, current in CLOSED_STATUSES)


def to_row(item: Resolved, opp: Opportunity | None) -> dict[str, Any]:
    """A materialised row: display-ready, so the read path converts nothing."""
    a = item.action
    return {
        "key": a.key,
        "opportunity_id": a.opportunity_id,
        "interview_id": a.interview_id,
        "person_id": a.person_id,
        "rule": a.rule,
        "title": a.title,
        "guidance": a.guidance,
        "why": a.why,
        "company": opp.company if opp else None,
        "role": opp.role if opp else None,
        "tz": a.tz,
        "due_utc": utc_text(a.due),
        "due_local": local_text(a.due, a.tz),
        "effective_due_utc": utc_text(item.effective_due),
        "effective_due_local": local_text(item.effective_due, a.tz),
        "expires_utc": utc_text(a.expires) if a.expires else None,
        "state": item.state.value,
        "is_open": int(item.state in OPEN_STATES),
        "closed_at": local_text(item.closed_at, a.tz) if item.closed_at else None,
        "reason": item.reason,
        "logs": a.logs.value if a.logs else None,
        "other_tz": a.other_tz,
        "send_at_utc": utc_text(a.send_at) if a.send_at else None,
    }


def local_text(moment: datetime, tz: str) -> str:
    return moment.astimezone(zone(tz)).isoformat(timespec="seconds")


def scope_of(app: App, repo: Repository, opp: Opportunity) -> Scope:
    """The playbook's view of one opportunity, for a use case that asks it a question."""
    from afterview.playbook.rules.common import Scope

    return Scope(opp=opp, settings=app.settings, calendar=app.calendar,
                 context=plan_context(app, repo))  # fmt: skip


def early_follow_up(app: App, repo: Repository, opp: Opportunity, at: datetime) -> str | None:
    """P8: a follow-up at `at` before the stated date is early; the warning says when."""
    from afterview.playbook.rules.follow_ups import too_early

    return too_early(scope_of(app, repo, opp), at)
