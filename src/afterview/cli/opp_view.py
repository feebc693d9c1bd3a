"""Rendering one opportunity for people."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from afterview.services.queries import OpportunityView


def render_opportunity(view: OpportunityView) -> None:
    from rich.console import Console
    from rich.table import Table

    from afterview.day import clock_in, elsewhere
    from afterview.text_safety import for_terminal as escape

    opp = view.opportunity
    console = Console()
    console.print(
        f"[bold]{escape(opp.company)}[/bold] — {escape(opp.role)}  "
        f"{escape('[' + view.status + ']')} route: {opp.route.value}  (opportunity {opp.id})"
    )
    if opp.people:
        console.print("\n[bold]People[/bold]")
        for p in opp.people:
            contact = escape(p.email) if p.email else "[yellow]no email (P3)[/yellow]"
            title = f", {escape(p.title)}" if p.title else ""
            console.print(f"  {p.id:>3}  {escape(p.name)} ({p.role.value}{title}) {contact}")
    if opp.interviews:
        console.print("\n[bold]Interviews[/bold]")
        for i in opp.interviews:
            start = i.start.astimezone(_zone(i.tz))
            end = i.end.astimezone(_zone(i.tz))
            state = " [red]cancelled[/red]" if i.cancelled else ""
            console.print(
                f"  {i.id:>3}  round {i.round}: {start:%a %d %b %Y %H:%M}–{end:%H:%M} "
                f"{escape(i.tz)} ({i.format.value}){state}"
            )
    if opp.org_tz or opp.holiday_country:
        where = ", ".join(
            part
            for part in (
                escape(opp.org_tz) if opp.org_tz else "",
                f"public holidays {escape(opp.holiday_country)}" if opp.holiday_country else "",
            )
            if part
        )
        console.print(f"\n[bold]Where they work[/bold]: {where} (P5, P8)")
    for t in opp.timelines:
        parts = [
            f"decision by {t.decision_by}" if t.decision_by else "",
            f"follow up on {t.follow_up_on}" if t.follow_up_on else "",
            f"with person {t.follow_up_with}" if t.follow_up_with else "",
            f"by {t.follow_up_how.value}" if t.follow_up_how else "",
        ]
        console.print(
            f"\n[bold]Timeline[/bold] ({_when(t.recorded_at, view.tz)}): "
            + ", ".join(p for p in parts if p)
        )
    if opp.contacts:
        console.print("\n[bold]Contacts[/bold]")
        for c in opp.contacts:
            flag = f"  [yellow]⚑ {escape(view.flags[c.id])}[/yellow]" if c.id in view.flags else ""
            console.print(f"  {_when(c.at, view.tz)}  {c.kind.value} by {c.channel.value}{flag}")
    for r in opp.replies:
        console.print(f"  {_when(r.at, view.tz)}  reply: {escape(r.note or '')}")
    table = Table(title="Plan", title_justify="left", expand=True)
    table.add_column("Due", no_wrap=True)
    table.add_column("State", no_wrap=True)
    table.add_column("Step", ratio=1)
    table.add_column("Key", style="dim", no_wrap=True)
    for item in view.actions:
        due = datetime.fromisoformat(item["snoozed_until"] or item["due"])
        theirs = item.get("other_tz")
        apart = elsewhere(due, item["tz"], theirs)
        beside = f"\n({clock_in(due, str(theirs), due)})" if apart else ""
        table.add_row(
            f"{due:%a %d %b %H:%M}{beside}",
            _state(item, view.now_utc),
            f"{escape(item['title'])}\n[italic]{escape(item['why'])}[/italic]",
            item["key"],
        )
    console.print()
    console.print(table)


def _zone(name: str):  # type: ignore[no-untyped-def]
    from afterview.playbook.timing import zone

    return zone(name)


def _when(moment: datetime, tz: str) -> str:
    return f"{moment.astimezone(_zone(tz)):%a %d %b %H:%M}"


def _state(item: dict[str, object], now_utc: str) -> str:
    """'missed' for an open step whose moment has passed (e.g. a checklist after the interview)."""
    expires = item.get("expires")
    if item["state"] in ("pending", "snoozed") and isinstance(expires, str) and expires <= now_utc:
        return "missed"
    return str(item["state"])
