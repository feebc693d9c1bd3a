"""P11 — how each playbook step went, as a server-rendered SVG bar chart.

One 100 % bar per rule, split into on time / late / skipped / missed / overdue, so
the share done on time compares across rules whatever their counts. Pure: rule
records in, markup out. Every piece of text is escaped; positions are percentages
and text keeps its pixel size, so the chart reflows from 375 px to a wide screen
without shrinking its labels. The SVG carries `role="img"` with a title and a
description that says the same numbers in words; the page also shows them in a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from afterview.playbook.lessons import RuleRecord

# What each category means, in the order the bars stack; colours pass 3:1 on white
# and carry white numbers at 4.5:1.
CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("on_time", "On time", "#1f6b3a"),
    ("late", "Late", "#8a4b00"),
    ("skipped", "Skipped", "#5a6472"),
    ("missed", "Missed", "#a61b1b"),
    ("overdue", "Overdue", "#5b2d8c"),
)
RULE_NAMES = {
    "P1": "Recruiter call",
    "P2": "Ask before you leave",
    "P3": "Contact details",
    "P4": "Debrief",
    "P5": "Thank-you email",
    "P6": "Hiring timeline",
    "P7": "Fit reflection",
    "P8": "Follow-ups",
    "P9": "Keep searching",
    "P10": "Next-round brief",
    "P11": "Lessons",
    "P12": "Outcomes",
}
ROW = 46  # px per rule
BAR_Y = 20  # bar offset within a row
BAR_H = 18
LABEL_MIN_SHARE = 0.07  # a segment narrower than this gets no number inside
INK, MUTED, TRACK = "#1b1f24", "#4a5361", "#e6e9ee"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


@dataclass(frozen=True)
class LegendItem:
    key: str
    label: str
    colour: str


def rule_name(rule: str) -> str:
    return RULE_NAMES.get(rule, rule)


def legend() -> tuple[LegendItem, ...]:
    return tuple(LegendItem(k, label, colour) for k, label, colour in CATEGORIES)


def describe(record: RuleRecord) -> str:
    """One rule's numbers in words, e.g. 'P5 Thank-you email: 4 of 5 on time, 1 late.'"""
    head = f"{record.rule} {rule_name(record.rule)}"
    total = record.due_so_far
    if total == 0:
        return f"{head}: nothing due yet."
    parts = [f"{record.on_time} of {total} on time"]
    parts += [
        f"{getattr(record, key)} {label.lower()}"
        for key, label, _ in CATEGORIES[1:]
        if getattr(record, key)
    ]
    if record.caught_up:
        parts.append(f"{record.caught_up} caught up (already past when recorded, not counted)")
    return f"{head}: {', '.join(parts)}."


def render_chart(records: Sequence[RuleRecord], *, ident: str = "punctuality") -> Markup:
    """The SVG element (well-formed XML) for the given rules, in their order."""
    height = max(len(records), 1) * ROW + 4
    title = "How often each playbook step was done on time (P11)"
    summary = " ".join(describe(r) for r in records) or "No playbook steps yet."
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="lessons-chart" width="100%" '
        f'height="{height}" role="img" aria-labelledby="{_a(ident)}-title {_a(ident)}-desc" '
        f'font-family="{_a(FONT)}" font-size="13">',
        f'<title id="{_a(ident)}-title">{_t(title)}</title>',
        f'<desc id="{_a(ident)}-desc">{_t(summary)}</desc>',
    ]
    for n, record in enumerate(records):
        out.append(_row(record, n * ROW))
    out.append("</svg>")
    return Markup("".join(out))


def _row(record: RuleRecord, top: int) -> str:
    total = record.due_so_far
    name = f"{record.rule} · {rule_name(record.rule)}"
    bar_y = top + BAR_Y
    figure = f"{record.on_time} of {total} on time" if total else "nothing due yet"
    parts = [
        f'<g class="rule-row" data-rule="{_a(record.rule)}">',
        f'<text x="0" y="{top + 14}" fill="{INK}" font-weight="600">{_t(name)}</text>',
        f'<text x="100%" y="{top + 14}" fill="{MUTED}" text-anchor="end">{_t(figure)}</text>',
        f'<rect x="0" y="{bar_y}" width="100%" height="{BAR_H}" rx="3" fill="{TRACK}"/>',
    ]
    offset = 0.0
    for key, label, colour in CATEGORIES:
        count = int(getattr(record, key))
        if not count or not total:
            continue
        share = count / total
        tip = f"{record.rule} {rule_name(record.rule)}: {count} {label.lower()}"
        parts.append(
            f'<rect x="{offset * 100:.3f}%" y="{bar_y}" width="{share * 100:.3f}%" '
            f'height="{BAR_H}" fill="{colour}" data-category="{key}" data-count="{count}">'
            f"<title>{_t(tip)}</title></rect>"
        )
        if share >= LABEL_MIN_SHARE:
            parts.append(
                f'<text x="{(offset + share / 2) * 100:.3f}%" y="{bar_y + 13}" fill="#ffffff" '
                f'text-anchor="middle" font-size="12" aria-hidden="true">{count}</text>'
            )
        offset += share
    parts.append("</g>")
    return "".join(parts)


def _t(text: str) -> str:
    return escape(text, quote=False)


def _a(text: str) -> str:
    return escape(text, quote=True)
