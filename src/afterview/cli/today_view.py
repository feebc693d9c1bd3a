"""The human view of the day: overdue (most important first), to catch up, due today,
coming up; the sections and what is a catch-up are decided as on the web (`day.py`).

Plain text, wrapped to the terminal: each step's continuation lines sit under its
text, and words (keys, commands) are never broken. A list rather than a table: it
stays readable in an 80-column terminal and on a phone-sized SSH session. No Rich:
colour is a few ANSI codes, only on a terminal and never with NO_COLOR.
"""

from __future__ import annotations

from datetime import datetime

from afterview.cli.urgency import act_command, by_importance
from afterview.day import CATCH_UP, SECTIONS, section_of, split_catch_ups, when_label
from afterview.text_safety import clean_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

STYLES = {"bold": "1", "dim": "2", "italic": "3", "red": "1;31", "yellow": "1;33", "cyan": "1;36"}


def render_today(
    items: list[dict[str, Any]],
    now: datetime,
    program: str = "afterview",
    entered: dict[int | None, datetime] | None = None,
) -> None:
    """`now` is on the user's wall clock: it decides what "today" means.

    `program` starts every command shown (`afterview --demo` on the demo database).
    `entered`: when the overdue steps' opportunities were entered (P9's under None);
    a step already past by then is listed "To catch up", not overdue (P11).
    """
    out = Output()
    out.line(f"{out.style('Afterview', 'bold')} · {now:%A %d %B %Y, %H:%M}")
    if not items:
        out.wrapped(
            "Nothing due this week. New here? `afterview demo` shows a sample; "
            "`afterview opp add …` then `afterview interview add …` start your own.",
            "",
        )
        return
    width = max(len(str(item.get("id") or "")) for item in items)
    by_section = [(t, [item for item in items if section_of(item, now) == t]) for t in SECTIONS]
    for title, rows in split_catch_ups(by_section, entered or {}):
        if not rows:
            continue
        colour = {"Overdue": "red", "Due today": "yellow"}.get(title, "cyan")
        order = ", most important first" if title == "Overdue" and len(rows) > 1 else ""
        if title == CATCH_UP:
            colour, order = "bold", ", past when entered: not counted as late (P11)"
        out.line("")
        out.wrapped(f"{out.style(title, colour)} ({len(rows)}){order}", "")
        for item in by_importance(rows) if title == "Overdue" else rows:
            _item(out, item, program, width)
    out.line("")
    out.wrapped(
        out.style(
            f"{program} done ID · skip ID --reason … · snooze ID --until TIME "
            "(ID: the number before each step)",
            "dim",
        ),
        "",
    )


def _item(out: Output, item: dict[str, Any], program: str, width: int) -> None:
    step = str(item.get("id") or "")
    lead = f"  {step:>{width}}  "
    under = " " * len(lead)
    company = item["company"] or ""
    company = f" · {company}" if company and company not in item["title"] else ""
    out.wrapped(out.style(item["title"], "bold") + company, lead, under)
    out.wrapped(f"{when_label(item)} — {out.style(item['why'], 'italic')}", under)
    out.wrapped(out.style(f"→ {act_command(item, program)}", "dim"), under, under + "  ")


class Output:
    """Lines for stdout, wrapped at the terminal's width (none when piped without COLUMNS)."""

    def __init__(self) -> None:
        import os
        import sys

        self.colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        self.width = terminal_width()

    def style(self, text: str, name: str) -> str:
        text = clean_text(text)
        return f"\x1b[{STYLES[name]}m{text}\x1b[0m" if self.colour else text

    def line(self, text: str) -> None:
        print(text)

    def wrapped(self, text: str, first: str, rest: str | None = None) -> None:
        for line in wrap(text, self.width, first, first if rest is None else rest):
            print(line)


def terminal_width() -> int | None:
    """COLUMNS when set, else the terminal's width; None (no wrapping) when piped."""
    import os
    import shutil
    import sys

    if os.environ.get("COLUMNS", "").strip().isdigit() or sys.stdout.isatty():
        return max(40, shutil.get_terminal_size().columns)
    return None


def wrap(text: str, width: int | None, first: str, rest: str) -> list[str]:
    """`text` in lines of at most `width` columns, never breaking a word; ANSI-aware.

    Spaces inside a line are kept as typed (`title  (key)`); a break eats them.
    """
    if width is None:
        return [first + text]
    lines: list[str] = []
    current, indent = first, len(first)
    shown = indent
    for word in text.split(" "):
        size = _visible(word)
        if shown == indent:  # at the start of a line: no separating space
            if word:
                current, shown = current + word, shown + size
        elif shown + 1 + size > width and word:
            lines.append(current.rstrip())
            current, indent = rest + word, len(rest)
            shown = indent + size
        else:
            current, shown = f"{current} {word}", shown + 1 + size
    lines.append(current.rstrip())
    return lines


def _visible(word: str) -> int:
    """Columns a word takes, not counting colour codes."""
    if "\x1b" not in word:
        return len(word)
    import re

    return len(re.sub(r"\x1b\[[0-9;]*m", "", word))
