"""The human view of the day: overdue, due today, coming up. Rich is imported only here.

A list rather than a table: it stays readable in an 80-column terminal and on a
phone-sized SSH session, where a four-column table wraps every word.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from afterview.cli.draft_hints import draft_command
from afterview.day import SECTIONS, section_of, when_label


def render_today(items: list[dict[str, Any]], now: datetime, program: str = "afterview") -> None:
    """`now` is on the user's wall clock: it decides what "today" means.

    `program` starts every command shown (`afterview --demo` on the demo database).
    """
    from rich.console import Console

    console = Console(highlight=False)
    local_now = now
    console.print(f"[bold]Afterview[/bold] · {local_now:%A %d %B %Y, %H:%M}")
    if not items:
        console.print(
            "Nothing due this week. New here? `afterview demo` shows a sample; "
            "`afterview opp add …` then `afterview interview add …` start your own."
        )
        return
    for title in SECTIONS:
        rows = [item for item in items if section_of(item, local_now) == title]
        if not rows:
            continue
        colour = {"Overdue": "red", "Due today": "yellow"}.get(title, "cyan")
        console.print(f"\n[bold {colour}]{title}[/bold {colour}] ({len(rows)})")
        for item in rows:
            _print_item(console, item, program)
    console.print(
        f"\n[dim]{program} done KEY · skip KEY --reason … · snooze KEY --until TIME[/dim]"
    )


def _print_item(console: Any, item: dict[str, Any], program: str) -> None:
    from afterview.text_safety import for_terminal as escape

    company = item["company"] or ""
    company = f" · {escape(company)}" if company and company not in item["title"] else ""
    console.print(f"  [bold]{escape(item['title'])}[/bold]{company}")
    console.print(f"    {when_label(item)} — [italic]{escape(item['why'])}[/italic]")
    console.print(f"    [dim]{escape(item['key'])}[/dim]")
    command = draft_command(item, program)
    if command:
        console.print(f"    [dim]draft: {escape(command)}[/dim]")
