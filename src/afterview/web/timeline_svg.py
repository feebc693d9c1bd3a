"""The opportunity's visual timeline: a server-rendered SVG, readable at 375 px, no script.

Time runs downwards (a phone is taller than wide): interviews are blocks on the axis,
contacts dots coloured and named by kind, replies diamonds, open steps triangles
(red when overdue), a line for today. The weekly follow-up guard of P8 is drawn as
hatched bands — a week after each follow-up in which no other is allowed — and a
dashed green line labelled "Next follow-up allowed from …", so the candidate sees at
a glance when chasing is polite again.

Pure: the facts, the plan rows and `now` in, markup out; no clock, no store. Every
piece of user text is escaped (`markupsafe.escape`), so a name like `<script>` is
drawn as text. Only presentation attributes are used (the page's CSP forbids inline
styles), and `role="img"` with `<title>`/`<desc>` gives screen readers a summary in words.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from markupsafe import Markup, escape

from afterview.playbook.facts import Channel, ContactKind, Opportunity
from afterview.playbook.pacing import follow_up_times, guard_verdict, week_after
from afterview.playbook.timing import at_local, local

# Geometry, in viewBox units: 400 wide, shown at most 28rem wide (app.css). On a 375 px
# phone the figure is about 315 px, a scale of ~0.79: the smallest text (15.5 units)
# renders at 12 px or more.
WIDTH = 400
GUTTER = 96  # day labels, right-aligned at GUTTER - 4
AXIS = 108
LABEL_X = 124
TOP_PAD = 18
LINE = 19  # one line of label text
ROW_PAD = 12  # between one event's lines and the next event's
BOTTOM_PAD = 28
LABEL_SIZE = 16.5
DETAIL_SIZE = 15.5
SMALL_SIZE = 15.5  # day labels, the legend: never under 12 px on a phone
MAX_PRIMARY = 29  # characters a line, at LABEL_SIZE in WIDTH - LABEL_X (wide letters included)
MAX_DETAIL = 32
LABEL_LINES = 2
PAST_LIMIT = timedelta(days=180)
FUTURE_LIMIT = timedelta(days=120)
MIN_SPAN_DAYS = 7
CLOSED_TAIL = timedelta(days=14)
NOW_GAP = 36  # room for "Today" and its date in the gutter

# Colours with at least 4.5:1 contrast on white (the page's palette).
INK = "#1b1f24"
MUTED = "#4a5361"
ACCENT = "#0b5cad"
DANGER = "#a61b1b"
OK = "#1f6b3a"
WARN = "#8a5a00"
GRID = "#d5dae1"
BAND = "#fdf0d5"
BAND_LINE = "#c98f1c"
KIND_COLOUR = {
    ContactKind.THANK_YOU: OK,
    ContactKind.FOLLOW_UP: ACCENT,
    ContactKind.RECRUITER_CALL: "#6a3d9a",
    ContactKind.REQUEST: WARN,
    ContactKind.WITHDRAWAL: MUTED,
    ContactKind.OFFER_REPLY: "#0e6e6e",
    ContactKind.OTHER: MUTED,
}
KIND_LABEL = {
    ContactKind.THANK_YOU: "Thank-you",
    ContactKind.FOLLOW_UP: "Follow-up",
    ContactKind.RECRUITER_CALL: "Recruiter call",
    ContactKind.REQUEST: "Request",
    ContactKind.WITHDRAWAL: "Withdrawal",
    ContactKind.OFFER_REPLY: "Offer reply",
    ContactKind.OTHER: "Contact",
}
CHANNEL_LABEL = {Channel.EMAIL: "email", Channel.PHONE: "phone", Channel.MESSAGE: "message"}
OPEN_STATES = ("pending", "snoozed")


@dataclass(frozen=True)
class Mark:
    """One thing on the timeline, with the two lines of text beside it (plain text)."""

    at: datetime
    kind: str  # interview | contact | reply | step | decision | outcome | allowed
    label: str
    detail: str
    colour: str = INK
    end: datetime | None = None
    warn: bool = False


@dataclass(frozen=True)
class Window:
    """A span after a follow-up in which P8 allows no other."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class TimelineModel:
    title: str
    summary: str
    tz: str
    now: datetime
    start: datetime
    end: datetime
    marks: tuple[Mark, ...]
    windows: tuple[Window, ...]
    next_allowed: datetime | None
    blocked: bool
    hidden: int


def timeline_svg(
    opp: Opportunity,
    actions: Sequence[Mapping[str, Any]],
    *,
    now: datetime,
    tz: str,
    guard_days: int = 7,
    flags: Mapping[int, str] | None = None,
    closed: bool = False,
    svg_id: str = "timeline",
) -> Markup:
    """The SVG of one opportunity (see the module's docstring), as markup safe to embed."""
    model = build_timeline(
        opp, actions, now=now, tz=tz, guard_days=guard_days, flags=flags, closed=closed
    )
    return render_svg(model, svg_id=svg_id)


def build_timeline(
    opp: Opportunity,
    actions: Sequence[Mapping[str, Any]],
    *,
    now: datetime,
    tz: str,
    guard_days: int = 7,
    flags: Mapping[int, str] | None = None,
    closed: bool = False,
) -> TimelineModel:
    """What to draw, and its summary in words; `actions` are the plan rows of `opp`."""
    flags = flags or {}
    marks: list[Mark] = []
    for interview in opp.live_interviews:
        marks.append(
            Mark(
                interview.start,
                "interview",
                f"Interview, round {interview.round} ({interview.format.value})",
                f"{_when(interview.start, tz, now)}–{local(interview.end, tz):%H:%M}",
                end=interview.end,
            )
        )
    for contact in sorted(opp.contacts, key=lambda c: (c.at, c.id)):
        person = opp.person(contact.person_id)
        who = f" · {person.name}" if person else ""
        flag = flags.get(contact.id)
        detail = f"{_when(contact.at, tz, now)} · {CHANNEL_LABEL[contact.channel]}"
        marks.append(
            Mark(
                contact.at,
                "contact",
                f"{KIND_LABEL[contact.kind]}{who}",
                detail + (" · ⚑ inside the weekly guard (P8)" if flag else ""),
                colour=KIND_COLOUR[contact.kind],
                warn=bool(flag),
            )
        )
    for reply in opp.replies:
        note = f": {reply.note}" if reply.note else ""
        marks.append(
            Mark(reply.at, "reply", f"They replied{note}", _when(reply.at, tz, now), colour=OK)
        )
    marks += _timeline_marks(opp, tz, now)
    for event in opp.outcomes:
        marks.append(
            Mark(
                event.at,
                "outcome",
                f"Outcome: {event.outcome.value} (P12)",
                _when(event.at, tz, now),
                colour=INK,
            )
        )
    steps = _steps(actions, now, tz)
    marks += steps

    windows = tuple(
        Window(moment, week_after(moment, guard_days, tz))
        for moment in follow_up_times(opp.contacts)
    )
    verdict = guard_verdict(opp.contacts, now, guard_days, tz)
    follow_ups = follow_up_times(opp.contacts)
    next_allowed: datetime | None = None
    blocked = False
    if not closed and follow_ups:
        blocked = not verdict.allowed
        last = week_after(follow_ups[-1], guard_days, tz)
        next_allowed = verdict.next_allowed if blocked else last
        if next_allowed is not None:
            marks.append(
                Mark(
                    next_allowed,
                    "allowed",
                    "Next follow-up allowed" if blocked else "Follow-ups allowed again",
                    f"{'from' if blocked else 'since'} {_when(next_allowed, tz, now)} (P8)",
                    colour=OK,
                )
            )

    low, high = now - PAST_LIMIT, now + FUTURE_LIMIT
    shown = [m for m in marks if low <= m.at <= high]
    hidden = len(marks) - len(shown)
    shown.sort(key=lambda m: (m.at, _ORDER.get(m.kind, 9)))
    # A closed opportunity ends at its last event: no long empty stretch up to today.
    latest = max((m.end or m.at for m in shown), default=now)
    with_now = not closed or now - latest <= CLOSED_TAIL
    start, end = _span(shown, windows, now if with_now else None, tz)
    title = f"Timeline of {opp.company} — {opp.role}"
    summary = _summary(opp, steps, tz, now, next_allowed, blocked, closed, guard_days, start, end)
    return TimelineModel(
        title=title,
        summary=summary,
        tz=tz,
        now=now,
        start=start,
        end=end,
        marks=tuple(shown),
        windows=windows,
        next_allowed=next_allowed,
        blocked=blocked,
        hidden=hidden,
    )


_ORDER = {"interview": 0, "contact": 1, "reply": 2, "decision": 3, "outcome": 4, "allowed": 5}


def _timeline_marks(opp: Opportunity, tz: str, now: datetime) -> list[Mark]:
    """The latest hiring timeline's dates (P6): when they decide, when to follow up."""
    if not opp.timelines:
        return []
    latest = max(opp.timelines, key=lambda t: t.recorded_at)
    marks = []
    if latest.decision_by is not None:
        moment = at_local(latest.decision_by, time(12), tz)
        marks.append(
            Mark(moment, "decision", "Decision expected (P6)", f"by {_day(moment, tz, now)}")
        )
    if latest.follow_up_on is not None:
        moment = at_local(latest.follow_up_on, time(9), tz)
        person = opp.person(latest.follow_up_with)
        who = f" {person.name}" if person else ""
        how = f" by {latest.follow_up_how.value}" if latest.follow_up_how else ""
        day = _day(moment, tz, now)
        marks.append(
            Mark(moment, "decision", f"Told to follow up{how}", f"{day} ·{who}" if who else day)
        )
    return marks


def _steps(actions: Sequence[Mapping[str, Any]], now: datetime, tz: str) -> list[Mark]:
    """Open steps of the plan, overdue ones in red; steps that became moot are left out."""
    now_text = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    marks = []
    for item in actions:
        if item.get("state") not in OPEN_STATES:
            continue
        expires = item.get("expires")
        if isinstance(expires, str) and expires <= now_text:
            continue
        due_text = item.get("snoozed_until") or item.get("due")
        if not isinstance(due_text, str):
            continue
        due = datetime.fromisoformat(due_text)
        overdue = bool(item.get("overdue"))
        state = "snoozed until" if item.get("state") == "snoozed" else "due"
        detail = f"{state} {_when(due, tz, now)}" + (" · overdue" if overdue else "")
        marks.append(
            Mark(
                due,
                "step",
                f"{item.get('rule', '')} {item.get('title', '')}".strip(),
                detail,
                colour=DANGER if overdue else ACCENT,
                warn=overdue,
            )
        )
    return marks


def _span(
    marks: Sequence[Mark], windows: Sequence[Window], now: datetime | None, tz: str
) -> tuple[datetime, datetime]:
    """From the start of the first day shown to the end of the last (at least a week)."""
    moments = [m.at for m in marks] + [m.end for m in marks if m.end is not None]
    if now is not None:
        moments.append(now)
        moments += [w.end for w in windows if w.end <= now + FUTURE_LIMIT]
    else:
        moments += [w.end for w in windows]
    first = local(min(moments), tz).date()
    last = local(max(moments), tz).date() + timedelta(days=1)
    if (last - first).days < MIN_SPAN_DAYS:
        last = first + timedelta(days=MIN_SPAN_DAYS)
    return at_local(first, time(0), tz), at_local(last, time(0), tz)


def _summary(
    opp: Opportunity,
    steps: Sequence[Mark],
    tz: str,
    now: datetime,
    next_allowed: datetime | None,
    blocked: bool,
    closed: bool,
    guard_days: int,
    start: datetime,
    end: datetime,
) -> str:
    """The timeline in words, for screen readers and anyone who prefers sentences."""
    parts = [
        f"{opp.company}, {opp.role}: from {_day(start, tz, now)} to "
        f"{_day(end - timedelta(seconds=1), tz, now)}, times in {tz}."
    ]
    interviews = opp.live_interviews
    if interviews:
        parts.append(
            "Interviews: "
            + "; ".join(f"round {i.round} on {_when(i.start, tz, now)}" for i in interviews)
            + "."
        )
    else:
        parts.append("No interview recorded yet.")
    contacts = sorted(opp.contacts, key=lambda c: c.at)
    if contacts:
        parts.append(
            "Contacts: "
            + "; ".join(f"{KIND_LABEL[c.kind].lower()} on {_when(c.at, tz, now)}" for c in contacts)
            + "."
        )
    if opp.replies:
        parts.append(
            "Replies: "
            + "; ".join(_when(r.at, tz, now) for r in sorted(opp.replies, key=_at))
            + "."
        )
    follow_ups = follow_up_times(opp.contacts)
    if closed:
        parts.append("The opportunity is closed: no more follow-ups.")
    elif next_allowed is not None and blocked:
        parts.append(
            f"Last follow-up {_when(follow_ups[-1], tz, now)}; the next follow-up is allowed "
            f"from {_when(next_allowed, tz, now)} (P8: at most one every {guard_days} days)."
        )
    elif next_allowed is not None:
        parts.append(
            f"Last follow-up {_when(follow_ups[-1], tz, now)}; the weekly guard (P8) allows "
            f"another since {_when(next_allowed, tz, now)}."
        )
    else:
        parts.append(
            "No follow-up yet, so the weekly guard (P8) blocks none; the plan says when the "
            "first one is due."
        )
    overdue = [s for s in steps if s.warn]
    upcoming = [s for s in steps if not s.warn]
    if overdue:
        parts.append(
            f"{len(overdue)} overdue step{'s' if len(overdue) != 1 else ''}: "
            + "; ".join(s.label for s in overdue)
            + "."
        )
    if upcoming:
        first = min(upcoming, key=lambda s: s.at)
        parts.append(
            f"{len(upcoming)} step{'s' if len(upcoming) != 1 else ''} ahead; the next is "
            f"{first.label}, {first.detail}."
        )
    parts.append(f"Now: {_when(now, tz, now)}.")
    return " ".join(parts)


def _at(reply: Any) -> datetime:
    moment: datetime = reply.at
    return moment


def _when(moment: datetime, tz: str, now: datetime) -> str:
    wall = local(moment, tz)
    year = f" {wall.year}" if wall.year != local(now, tz).year else ""
    return f"{wall:%a %d %b}{year} {wall:%H:%M}"


def _day(moment: datetime, tz: str, now: datetime) -> str:
    wall = local(moment, tz)
    year = f" {wall.year}" if wall.year != local(now, tz).year else ""
    return f"{wall:%a %d %b}{year}"


# --- drawing ----------------------------------------------------------------------------


def render_svg(model: TimelineModel, *, svg_id: str = "timeline") -> Markup:
    """The model as an SVG element (well-formed XML; every text escaped).

    Each event gets a row of its own, anchored at its date: the axis runs in time, but
    where events crowd it stretches just enough to give every row its lines, so labels
    never drift from their markers, never overlap, and a step overdue before now stays
    above the "Today" line.
    """
    ident = "".join(ch for ch in svg_id if ch.isalnum() or ch in "-_") or "timeline"
    legend, legend_h = _legend(ident, model)
    top = legend_h + TOP_PAD
    labels = [_wrap(mark.label, MAX_PRIMARY, LABEL_LINES) for mark in model.marks]
    rows, y = _layout(model, labels, top)
    axis_end = y(model.end)
    body: list[str] = []
    # P8's bands first, so everything else is drawn over them.
    for window in model.windows:
        y1, y2 = max(y(window.start), top), min(y(window.end), axis_end)
        if y2 > y1:  # a light wash behind the labels, hatched along the axis
            body.append(
                f'<rect x="{GUTTER + 2}" y="{y1:.1f}" width="{WIDTH - GUTTER - 2}" '
                f'height="{y2 - y1:.1f}" fill="{BAND}"/>'
                f'<rect x="{GUTTER + 2}" y="{y1:.1f}" width="{LABEL_X - GUTTER - 8}" '
                f'height="{y2 - y1:.1f}" fill="url(#{ident}-hatch)" stroke="{BAND_LINE}" '
                'stroke-width="1"/>'
            )
    has_now = model.start <= model.now <= model.end
    body += _weeks(model, y, top, axis_end, y(model.now) if has_now else None)
    body.append(
        f'<line x1="{AXIS}" y1="{top:.1f}" x2="{AXIS}" y2="{axis_end:.1f}" '
        f'stroke="{MUTED}" stroke-width="2"/>'
    )
    if model.next_allowed is not None and model.start <= model.next_allowed <= model.end:
        body.append(_rule(y(model.next_allowed), GUTTER + 2, OK, dashed=True))
    if has_now:  # today's line, over the bands and under the marks
        yn = y(model.now)
        body.append(_rule(yn, 0, ACCENT))
        body.append(
            f'<text x="{GUTTER - 4}" y="{yn - 5:.1f}" text-anchor="end" '
            f'font-size="{SMALL_SIZE}" font-weight="700" fill="{ACCENT}">Today</text>'
        )
        body.append(
            f'<text x="{GUTTER - 4}" y="{yn + 16:.1f}" text-anchor="end" '
            f'font-size="{SMALL_SIZE}" fill="{ACCENT}">'
            f"{_t(_day(model.now, model.tz, model.now))}</text>"
        )
    for mark, lines, ym in zip(model.marks, labels, rows, strict=True):
        body.append(_marker(mark, ym, y(mark.end) if mark.end else None))
        weight = ' font-weight="700"' if mark.kind in ("allowed", "interview") else ""
        colour = mark.colour if mark.kind in ("allowed", "step") else INK
        for index, line in enumerate(lines):
            full = f"<title>{_t(mark.label)}</title>" if index == 0 and len(lines) > 1 else ""
            body.append(
                f'<text x="{LABEL_X}" y="{ym + 5 + index * LINE:.1f}" font-size="{LABEL_SIZE}"'
                f'{weight} fill="{colour}">{_t(line)}{full}</text>'
            )
        body.append(
            f'<text x="{LABEL_X}" y="{ym + 5 + len(lines) * LINE:.1f}" '
            f'font-size="{DETAIL_SIZE}" fill="{DANGER if mark.warn else MUTED}">'
            f"{_t(_clip(mark.detail, MAX_DETAIL))}</text>"
        )
    last = rows[-1] + (len(labels[-1]) + 1) * LINE if rows else top
    height = max(axis_end, last) + BOTTOM_PAD
    if model.hidden:
        body.append(
            f'<text x="{LABEL_X}" y="{height - 8:.1f}" font-size="{SMALL_SIZE}" fill="{MUTED}">'
            f"{model.hidden} more outside this view</text>"
        )
    title_id, desc_id = f"{ident}-title", f"{ident}-desc"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{ident}" class="timeline-svg" '
        f'role="img" aria-labelledby="{title_id}" aria-describedby="{desc_id}" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="100%" preserveAspectRatio="xMidYMin meet" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif">'
        f'<title id="{title_id}">{_t(model.title)}</title>'
        f'<desc id="{desc_id}">{_t(model.summary)}</desc>'
        "<defs>"
        f'<pattern id="{ident}-hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<rect width="8" height="8" fill="{BAND}"/>'
        f'<line x1="0" y1="0" x2="0" y2="8" stroke="{BAND_LINE}" stroke-width="2"/>'
        "</pattern></defs>"
        f'<rect width="{WIDTH}" height="{height:.0f}" fill="#ffffff"/>'
    )
    return Markup(head + legend + "".join(body) + "</svg>")


def _layout(
    model: TimelineModel, labels: Sequence[Sequence[str]], top: float
) -> tuple[list[float], Callable[[datetime], float]]:
    """Each mark's row, and the axis as a function of time through those rows.

    In time order, a row sits at its date on a linear scale unless the row before it
    (or the "Today" line) needs the room; then it moves down, and the axis stretches
    with it: between two anchors, time is interpolated, so a week line, a P8 band or
    an interview's end stays between the events it falls between.
    """
    span_days = max((model.end - model.start).total_seconds() / 86400, 1.0)
    per_day = min(36.0, max(6.0, 480.0 / span_days))

    def linear(moment: datetime) -> float:
        return top + (moment - model.start).total_seconds() / 86400 * per_day

    has_now = model.start <= model.now <= model.end
    anchors: list[tuple[datetime, float]] = [(model.start, top)]
    rows: list[float] = []
    floor = top
    now_placed = not has_now
    for mark, lines in zip(model.marks, labels, strict=True):
        if not now_placed and mark.at >= model.now:
            at_now = max(linear(model.now), floor + 8)
            anchors.append((model.now, at_now))
            floor = at_now + NOW_GAP
            now_placed = True
        row = max(linear(mark.at) + floor_shift(anchors, linear), floor)
        anchors.append((mark.at, row))
        rows.append(row)
        floor = row + (len(lines) + 1) * LINE + ROW_PAD
    if not now_placed:
        at_now = max(linear(model.now) + floor_shift(anchors, linear), floor + 8)
        anchors.append((model.now, at_now))
        floor = at_now + NOW_GAP
    end_y = max(linear(model.end) + floor_shift(anchors, linear), floor)
    anchors.append((model.end, end_y))

    def y(moment: datetime) -> float:
        if moment <= anchors[0][0]:
            return anchors[0][1]
        for (t1, y1), (t2, y2) in itertools.pairwise(anchors):
            if t1 <= moment <= t2:
                if t2 == t1:
                    return y2
                return y1 + (y2 - y1) * ((moment - t1) / (t2 - t1))
        return anchors[-1][1]

    return rows, y


def floor_shift(
    anchors: Sequence[tuple[datetime, float]], linear: Callable[[datetime], float]
) -> float:
    """How far the rows so far were pushed down: later dates keep that offset."""
    moment, row = anchors[-1]
    return max(row - linear(moment), 0.0)


def _wrap(text: str, width: int, lines: int) -> list[str]:
    """Up to `lines` lines of at most `width` characters, cut at spaces; the last clipped."""
    words = text.split()
    out: list[str] = []
    current = ""
    for index, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
            continue
        out.append(current)
        current = word
        if len(out) == lines - 1:
            current = " ".join([word, *words[index + 1 :]])
            break
    out.append(_clip(current, width))
    return [line if len(line) <= width else _clip(line, width) for line in out if line] or [""]


def _rule(at: float, start: float, colour: str, *, dashed: bool = False) -> str:
    """A line across: strong up to the labels, faint behind them so text stays legible."""
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    return (
        f'<line x1="{start}" y1="{at:.1f}" x2="{LABEL_X - 4}" y2="{at:.1f}" stroke="{colour}" '
        f'stroke-width="2"{dash}/>'
        f'<line x1="{LABEL_X - 4}" y1="{at:.1f}" x2="{WIDTH}" y2="{at:.1f}" stroke="{colour}" '
        f'stroke-width="1" stroke-opacity="0.35"{dash}/>'
    )


def _weeks(
    model: TimelineModel,
    y: Callable[[datetime], float],
    top: float,
    bottom: float,
    y_now: float | None,
) -> list[str]:
    """A faint line at the start of the first day and of every Monday, each labelled
    unless it would crowd the label before it or "Today"."""
    out = []
    day = local(model.start, model.tz).date()
    last = local(model.end, model.tz).date()
    first = True
    last_label = -1e9
    while day < last:
        if first or day.weekday() == 0:
            moment = at_local(day, time(0), model.tz)
            yd = y(moment)
            out.append(
                f'<line x1="{GUTTER - 2}" y1="{yd:.1f}" x2="{LABEL_X - 6}" y2="{yd:.1f}" '
                f'stroke="{GRID}" stroke-width="1"/>'
            )
            clear_of_now = y_now is None or not (y_now - 24 < yd + 14 < y_now + 36)
            if clear_of_now and yd - last_label > 22 and bottom - yd > 8:
                last_label = yd
                out.append(
                    f'<text x="{GUTTER - 4}" y="{yd + 15:.1f}" text-anchor="end" '
                    f'font-size="{SMALL_SIZE}" fill="{MUTED}">'
                    f"{_t(_day(moment, model.tz, model.now))}</text>"
                )
        first = False
        day += timedelta(days=1)
    return out


def _marker(mark: Mark, ym: float, yend: float | None) -> str:
    x = AXIS
    if mark.kind == "interview":
        height = max((yend or ym) - ym, 12.0)
        return (
            f'<rect x="{x - 8}" y="{ym:.1f}" width="16" height="{height:.1f}" rx="3" fill="{INK}"/>'
        )
    if mark.kind == "contact":
        stroke = f' stroke="{DANGER}" stroke-width="3"' if mark.warn else ""
        return f'<circle cx="{x}" cy="{ym:.1f}" r="6" fill="{mark.colour}"{stroke}/>'
    if mark.kind in ("reply", "decision"):
        fill = mark.colour if mark.kind == "reply" else "#ffffff"
        return (
            f'<polygon points="{x},{ym - 7:.1f} {x + 7},{ym:.1f} {x},{ym + 7:.1f} '
            f'{x - 7},{ym:.1f}" fill="{fill}" stroke="{mark.colour}" stroke-width="2"/>'
        )
    if mark.kind == "step":
        fill = mark.colour if mark.warn else "#ffffff"
        return (
            f'<polygon points="{x},{ym - 7:.1f} {x + 7},{ym + 6:.1f} {x - 7},{ym + 6:.1f}" '
            f'fill="{fill}" stroke="{mark.colour}" stroke-width="2"/>'
        )
    if mark.kind == "allowed":
        return (
            f'<circle cx="{x}" cy="{ym:.1f}" r="7" fill="#ffffff" stroke="{OK}" stroke-width="3"/>'
        )
    return f'<rect x="{x - 6}" y="{ym - 6:.1f}" width="12" height="12" fill="{mark.colour}"/>'


def _legend(ident: str, model: TimelineModel) -> tuple[str, float]:
    """A key to every shape and colour drawn (and only those); each also carries words,
    so colour is never alone."""
    kinds = {m.kind for m in model.marks}
    colours = {m.colour for m in model.marks if m.kind == "contact"}
    flagged = any(m.warn for m in model.marks if m.kind == "contact")
    steps = [m for m in model.marks if m.kind == "step"]
    items = [
        (
            "interview" in kinds,
            f'<rect x="-8" y="-6" width="16" height="12" rx="3" fill="{INK}"/>',
            "Interview",
        ),
        *(
            (colour in colours, f'<circle r="6" fill="{colour}"/>', KIND_LABEL[kind])
            for kind, colour in KIND_COLOUR.items()
            if kind is not ContactKind.OTHER or MUTED not in colours
        ),
        (
            flagged,
            f'<circle r="6" fill="{MUTED}" stroke="{DANGER}" stroke-width="3"/>',
            "Inside the weekly guard",
        ),
        (
            "reply" in kinds,
            f'<polygon points="0,-7 7,0 0,7 -7,0" fill="{OK}" stroke="{OK}" stroke-width="2"/>',
            "Reply or news",
        ),
        (
            "decision" in kinds,
            f'<polygon points="0,-7 7,0 0,7 -7,0" fill="#ffffff" stroke="{INK}" stroke-width="2"/>',
            "Their timeline (P6)",
        ),
        (
            any(not m.warn for m in steps),
            f'<polygon points="0,-7 7,6 -7,6" fill="#ffffff" stroke="{ACCENT}" stroke-width="2"/>',
            "Step due",
        ),
        (
            any(m.warn for m in steps),
            f'<polygon points="0,-7 7,6 -7,6" fill="{DANGER}" stroke="{DANGER}" stroke-width="2"/>',
            "Step overdue",
        ),
        (
            "outcome" in kinds,
            f'<rect x="-6" y="-6" width="12" height="12" fill="{INK}"/>',
            "Outcome (P12)",
        ),
        (
            bool(model.windows),
            f'<rect x="-9" y="-7" width="18" height="14" fill="url(#{ident}-hatch)" '
            f'stroke="{BAND_LINE}"/>',
            "No follow-up (P8)",
        ),
        (
            model.next_allowed is not None,
            f'<line x1="-10" y1="0" x2="10" y2="0" stroke="{OK}" stroke-width="2" '
            'stroke-dasharray="6 4"/>',
            "Follow-up allowed",
        ),
        (
            model.start <= model.now <= model.end,
            f'<line x1="-10" y1="0" x2="10" y2="0" stroke="{ACCENT}" stroke-width="2"/>',
            "Now",
        ),
    ]
    shown = [(shape, text) for present, shape, text in items if present]
    out = ['<g class="legend">']
    column_w = WIDTH / 2
    for index, (shape, text) in enumerate(shown):
        cx = 14 + (index % 2) * column_w
        cy = 16 + (index // 2) * 26
        out.append(f'<g transform="translate({cx:.0f},{cy})">{shape}</g>')
        out.append(
            f'<text x="{cx + 18:.0f}" y="{cy + 5}" font-size="{SMALL_SIZE}" fill="{INK}">'
            f"{_t(text)}</text>"
        )
    out.append("</g>")
    rows = (len(shown) + 1) // 2
    return "".join(out), rows * 26 + 8


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _t(text: str) -> str:
    """Escaped for XML text and attributes; control characters XML forbids are dropped."""
    clean = "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32)
    return str(escape(clean))
