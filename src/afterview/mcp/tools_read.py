"""Read tools: the day, the agenda, opportunities, the brief (P10), the lessons (P11)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from afterview.mcp.registry import Answer, Call, Tool
from afterview.mcp.schema import flag, ident, number, obj

AGENDA_HINT = (
    "Each item has a stable `key` (use it with mark_done, skip_action, snooze_action), "
    "the playbook rule it comes from (P1–P12), its due time in the interview's own time "
    "zone, `why` it is due then, and `guidance` on doing it well."
)
CATCH_UP_HINT = (
    "`to_catch_up` lists steps that were already past when their interview was entered "
    "(typed in a day late, say) or were re-planned because of it: they are not late and "
    "not counted as late in the lessons (P11), so suggest doing them now, without "
    "reproach."
)
CATCH_UP_MARK = "to catch up (not late): "


def _agenda_items(
    call: Call, days: float, everything: bool, closed: bool
) -> tuple[list[dict[str, Any]], dict[int | None, datetime], datetime]:
    """The agenda with each item's `catch_up` (`day.mark_catch_ups`, the rule of Today),
    the entry moments that took, and now on the candidate's wall clock."""
    from afterview.agenda_query import AgendaQuery
    from afterview.parsing import parse_zone
    from afterview.services.agenda import marked_agenda

    local_now = call.now.astimezone(parse_zone(call.app.timezone))
    query = AgendaQuery(call.now, days, everything, closed, with_guidance=True)
    return (*marked_agenda(call.app, query, local_now), local_now)


def _line(item: dict[str, Any], mark: str | None = None) -> str:
    if mark is None:
        mark = CATCH_UP_MARK if item["catch_up"] else "overdue: " if item["overdue"] else ""
    due = (item["snoozed_until"] or item["due"])[:16].replace("T", " ")
    return f"- {mark}{item['title']} (due {due}, {item['rule']}; key {item['key']})"


def today(call: Call) -> Answer:
    """The day split as `afterview today` and the web's Today page split it (`day.py`):
    steps already past when they were entered are to catch up, not overdue (P11)."""
    from afterview.day import CATCH_UP, SECTIONS, section_of, split_catch_ups

    week = float(call.get("days", 7))
    items, entered, local_now = _agenda_items(call, week, False, False)
    by_section = [(t, [i for i in items if section_of(i, local_now) == t]) for t in SECTIONS]
    sections = dict(split_catch_ups(by_section, entered))
    data = {
        "now": local_now.isoformat(timespec="minutes"),
        "overdue": sections["Overdue"],
        "to_catch_up": sections.get(CATCH_UP, []),
        "due_today": sections["Due today"],
        "coming_up": sections["Coming up"],
    }
    if not items:
        return Answer(data, f"Nothing due in the next {week:g} days.")
    counts = ", ".join(f"{len(rows)} {name.lower()}" for name, rows in sections.items() if rows)
    marks = {"Overdue": "overdue: ", CATCH_UP: CATCH_UP_MARK}
    lines = [_line(i, marks.get(name)) for name, rows in sections.items() for i in rows]
    return Answer(data, f"{counts}.\n" + "\n".join(lines[:20]))


def agenda(call: Call) -> Answer:
    """Every item with `catch_up` as `today` decides it (P11): a catch-up is counted and
    marked apart from the overdue steps, though its `overdue` still says past due."""
    days = float(call.get("days", 0))
    everything, closed = bool(call.get("all")), bool(call.get("include_closed"))
    items = _agenda_items(call, days, everything, closed)[0]
    data = {"now": call.now.isoformat(timespec="minutes"), "items": items}
    if not items:
        return Answer(data, "Nothing due. Call agenda with all=true to see what is ahead.")
    catch_ups = sum(1 for i in items if i["catch_up"])
    overdue = sum(1 for i in items if i["overdue"] and not i["catch_up"])
    head = f"{len(items)} action(s), {overdue} overdue"
    head += f", {catch_ups} to catch up (not late)." if catch_ups else "."
    return Answer(data, head + "\n" + "\n".join(_line(i) for i in items[:20]))


def list_opportunities(call: Call) -> Answer:
    from afterview.services.queries import list_opportunities as listing

    rows = listing(call.app, call.now)
    text = (
        "\n".join(f"- {r['id']}: {r['company']} — {r['role']} [{r['status']}]" for r in rows)
        or "No opportunities yet: record_opportunity adds one."
    )
    return Answer({"opportunities": rows}, text)


def show_opportunity(call: Call) -> Answer:
    from afterview.services.queries import show_opportunity as show

    view = show(call.app, int(call.args["opportunity_id"]), call.now)
    plain = view.to_json()
    opp = view.opportunity
    pending = [a for a in view.actions if a["state"] in ("pending", "snoozed")]
    text = (
        f"{opp.company} — {opp.role} ({opp.route.value}), {view.status}: "
        f"{len(opp.people)} people, {len(opp.live_interviews)} interview(s), "
        f"{len(pending)} open action(s)."
    )
    return Answer(plain, text)


def next_round_brief(call: Call) -> Answer:
    from afterview import serialize
    from afterview.services.queries import brief

    plain = serialize.brief(brief(call.app, int(call.args["opportunity_id"]), call.now))
    text = (
        f"Brief for {plain['company']} — {plain['role']}: {len(plain['to_improve'])} answer(s) "
        f"to improve, {len(plain['questions_to_ask'])} question(s) to ask, "
        f"{len(plain['nuggets'])} nugget(s)."
    )
    return Answer(plain, text)


def lessons(call: Call) -> Answer:
    from afterview import serialize
    from afterview.services.queries import lessons as build

    plain = serialize.lessons(build(call.app, call.now))
    text = (
        f"{plain['interviews_debriefed']} interview(s) debriefed; "
        f"{len(plain['weak_questions'])} recurring weak question(s)."
    )
    return Answer(plain, text)


OPPORTUNITY = {"opportunity_id": ident("The opportunity's id (list_opportunities shows ids).")}

TOOLS = [
    Tool(
        "today",
        "Today at a glance",
        "What the candidate should do now: overdue steps, steps to catch up, steps due "
        "today, and those coming up in the next days, from the playbook (P1–P12). Start "
        "here. " + CATCH_UP_HINT + " Only `overdue` steps were missed. Each item is the "
        "agenda's, `catch_up` included. " + AGENDA_HINT,
        obj({"days": number("How far 'coming up' looks, in days (default 7).", 0, 366)}),
        today,
    ),
    Tool(
        "agenda",
        "Agenda",
        "The planned actions due by now (or within `days`), most urgent first; `all` lists "
        "every open action however far ahead. An item with `catch_up` true is one `today` "
        "lists under `to_catch_up`: already past when its interview was entered (or "
        "re-planned because of it), so not late and not counted as late in the lessons "
        "(P11): suggest doing it now, without reproach. Its `overdue` still says it is past "
        "due; a missed step is one with `overdue` true and `catch_up` false. " + AGENDA_HINT,
        obj(
            {
                "days": number("Also what falls due within this many days (default 0).", 0, 36600),
                "all": flag("Every open action ahead, however far."),
                "include_closed": flag("Add actions already done or skipped."),
            }
        ),
        agenda,
    ),
    Tool(
        "list_opportunities",
        "List opportunities",
        "Every opportunity (one role at one organisation) with its id, route (recruiter or "
        "direct), status (P12) and next interview.",
        obj({}),
        list_opportunities,
    ),
    Tool(
        "show_opportunity",
        "Show an opportunity",
        "Everything recorded about one opportunity: people (with ids, emails and where the "
        "details came from), interviews, timelines, contacts, replies, debriefs, reflections, "
        "outcomes, and its plan with each action's key, due time, why and guidance.",
        obj(OPPORTUNITY, ("opportunity_id",)),
        show_opportunity,
    ),
    Tool(
        "next_round_brief",
        "Next-round brief (P10)",
        "The brief to prepare a further round (P10): questions answered weakly or wrongly "
        "and what to add, new questions to ask, what interviewers liked and disliked, the "
        "nuggets, and who was met.",
        obj(OPPORTUNITY, ("opportunity_id",)),
        next_round_brief,
    ),
    Tool(
        "lessons",
        "Lessons across interviews (P11)",
        "Across every opportunity (P11): recurring weak questions, what interviewers liked "
        "and disliked, and how often each playbook step was done on time.",
        obj({}),
        lessons,
    ),
]
