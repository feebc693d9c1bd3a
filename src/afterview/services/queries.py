"""Read-only use cases: listing and showing opportunities, the brief (P10), the lessons (P11)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from afterview import serialize
from afterview.playbook.actions import State
from afterview.playbook.brief import Brief, build_brief
from afterview.playbook.facts import Opportunity
from afterview.playbook.lessons import ActionOutcome, Lessons, build_lessons
from afterview.playbook.status import status
from afterview.services.app import App

if TYPE_CHECKING:
    from afterview.store.repository import Repository


@dataclass(frozen=True)
class OpportunityView:
    opportunity: Opportunity
    status: str
    tz: str
    flags: dict[int, str]
    actions: list[dict[str, Any]]
    now_utc: str

    def to_json(self) -> dict[str, Any]:
        plain = serialize.opportunity(self.opportunity, self.status, self.tz, self.flags)
        plain["plan"] = self.actions
        return plain


def list_opportunities(app: App, now: datetime) -> list[dict[str, Any]]:
    with app.transaction(now) as repo:
        opps = repo.load_all_opportunities()
    rows = []
    for opp in opps:
        upcoming = [i for i in opp.live_interviews if i.start >= now]
        rows.append(
            {
                "id": opp.id,
                "company": opp.company,
                "role": opp.role,
                "route": opp.route.value,
                "status": status(opp, now).value,
                "interviews": len(opp.live_interviews),
                "next_interview": serialize.when(upcoming[0].start, upcoming[0].tz)
                if upcoming
                else None,
            }
        )
    return rows


def show_opportunity(app: App, opp_id: int, now: datetime) -> OpportunityView:
    from afterview.agenda_query import to_item, utc_text

    with app.transaction(now) as repo:
        opp = repo.load_opportunity(opp_id)
        flags = repo.contact_flags(opp_id)
        rows = repo.actions_for(opp_id)
    tz = opp.zone(app.timezone)
    now_text = utc_text(now)
    actions = [to_item(row, now_text) for row in sorted(rows, key=_row_order)]
    return OpportunityView(opp, status(opp, now).value, tz, flags, actions, now_text)


def _row_order(row: dict[str, Any]) -> tuple[str, str]:
    return (str(row["effective_due_utc"]), str(row["key"]))


def brief(app: App, opp_id: int, now: datetime) -> Brief:
    with app.transaction(now) as repo:
        return build_brief(repo.load_opportunity(opp_id))


def lessons(app: App, now: datetime) -> Lessons:
    with app.transaction(now) as repo:
        opps = repo.load_all_opportunities()
        rows = repo.all_action_rows()
        added = _entered(repo, {opp.id: opp.created_at for opp in opps})  # past by then: caught up
    outcomes = [
        ActionOutcome(
            rule=row["rule"],
            due=datetime.fromisoformat(row["due_local"]),
            state=State(row["state"]),
            closed_at=datetime.fromisoformat(row["closed_at"]) if row["closed_at"] else None,
            expires=_utc(row["expires_utc"]),
            known_from=added.get(row["opportunity_id"]),
        )
        for row in rows
    ]
    return build_lessons(opps, outcomes, now)


def _utc(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None


def added_at(
    app: App, opp_ids: Iterable[int], now: datetime, candidate_wide: bool = True
) -> dict[int | None, datetime]:
    """When each opportunity was entered and, under None (`candidate_wide`), the first
    interview: a step already past by then is a catch-up (P11). The statement is the one
    `afterview today` runs on its light path (agenda_query.entry_moments)."""
    from afterview.agenda_query import entry_moments

    with app.transaction(now) as repo:
        return entry_moments(repo.agenda_rows, opp_ids, candidate_wide)


def _entered(repo: Repository, opps: dict[int | None, datetime]) -> dict[int | None, datetime]:
    """The opportunities' entry moments and, under None, the first interview's: the
    candidate-wide steps (P9) are planned from it, so one already past when it was
    entered (its first reminder, typed in a day late) is a catch-up too."""
    first = repo.first_interview_entered()
    entered = dict(opps)
    if first is not None:
        entered[None] = first
    return entered


def opportunity_place(app: App, opp_id: int, now: datetime) -> dict[str, str]:
    """Where the organisation works and whose holidays it keeps, in words (P5, P8)."""
    with app.transaction(now) as repo:
        opp = repo.load_opportunity(opp_id)
    live = opp.live_interviews
    if opp.org_tz:
        zone = opp.org_tz
    elif live:
        zone = f"{live[-1].tz} (the zone the interview's times are given in)"
    else:
        zone = f"{app.timezone} (yours; no interview yet)"
    settings = app.settings
    if opp.holiday_country:
        holidays = opp.holiday_country
    elif settings.holiday_country:
        region = "-".join(p for p in (settings.holiday_country, settings.holiday_subdivision) if p)
        holidays = f"{region} (the holiday_country setting)"
    else:
        holidays = "none (no holiday_country setting)"
    return {"org_tz": zone, "holidays": holidays, "home_tz": app.timezone}
