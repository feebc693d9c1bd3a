"""Prompts: "write my thank-you / follow-up / withdrawal" with the facts and the rules.

Each hands the assistant what Afterview knows (from the services), the playbook's
shape for that message (P5, P8, P7) and the word limit, and asks it to call
check_text before it finishes, so the candidate gets a checked text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from afterview.errors import BadInput

if TYPE_CHECKING:
    from afterview.services.app import App


@dataclass(frozen=True)
class PromptSpec:
    name: str
    title: str
    description: str
    arguments: tuple[tuple[str, str, bool], ...]  # (name, description, required)
    build: Callable[[App, dict[str, str], datetime], str]


def _int(args: dict[str, str], name: str) -> int:
    value = str(args.get(name) or "").strip()
    if not value.isdigit() or int(value) < 1:
        raise BadInput(f"{name} must be a positive whole number, not {value!r}.")
    return int(value)


def _nugget(item: Any) -> str:
    """A nugget as text, whatever shape the debrief gives it (text, or text with who said it)."""
    if isinstance(item, dict):
        said = item.get("said_by")
        body = str(item.get("text") or item.get("nugget") or "")
        return f"{body} (said by {said})" if said else body
    return str(item)


def _bullets(items: list[Any]) -> str:
    return "\n".join(f"- {_nugget(i)}" for i in items) if items else "- (none recorded)"


def _profile_lines(app: App, now: datetime) -> str:
    from afterview.services.profile import get_profile

    profile = get_profile(app, now)
    if profile is None:
        return "- No profile yet: ask the candidate for their name and email."
    skills = ", ".join(profile.skills) or "(none recorded)"
    return (
        f"- Name: {profile.name} <{profile.email}>\n- Skills: {skills}\n"
        f"- Experience: {profile.experience or '(none recorded)'}\n"
        f"- Spelling: {profile.language}"
    )


CHECK = (
    "Before you finish, call the `check_text` tool with your full text (Subject: line, a "
    "blank line, then the body), {context}kind `{kind}`; fix every error it reports and "
    "consider its warnings. Then show the candidate the final text. To keep it, call "
    "`create_draft` and `update_draft`; never call `queue_draft_to_send` unless the "
    "candidate explicitly says to send it."
)


def thank_you(app: App, args: dict[str, str], now: datetime) -> str:
    from afterview.services.debriefs import debrief_to_plain
    from afterview.services.interviews import show_interview

    interview_id = _int(args, "interview_id")
    view = show_interview(app, interview_id, now)
    person = _person(view.interviewers, view.opportunity.people, args.get("person", ""))
    opp, interview = view.opportunity, view.interview
    debrief = debrief_to_plain(view.debrief) if view.debrief else {}
    limit = app.settings.thank_you_max_words
    title = f", {person.title}" if person.title else ""
    address = person.email or "no address yet (P3)"
    local = interview.start.astimezone(_zone(interview.tz))
    return f"""Write my thank-you email to {person.name} for my interview at {opp.company}.

Facts (from Afterview):
- Role: {opp.role} at {opp.company}
- Interview: round {interview.round}, {local:%A %d %B %Y, %H:%M} ({interview.tz})
- To: {person.name}{title} <{address}>
- Nuggets from my debrief (pick ONE as the specific point):
{_bullets(list(debrief.get("nuggets", [])))}
- What went well:
{_bullets(list(debrief.get("went_well", [])))}
- What they seemed to like:
{_bullets(list(debrief.get("liked", [])))}
Me:
{_profile_lines(app, now)}

The playbook's shape (P5): brief, and exactly three parts, in this order:
1. thanks for their time;
2. one specific point or topic from the interview, drawn from the nuggets, showing I
   listened and am genuinely interested;
3. the subtle sell: enthusiasm for the role and {opp.company}, how my skills and
   experience fit, and an offer to provide any further documents or information.
At most about {limit} words of body. Spell {person.name} and {opp.company} exactly as
above. No negative words, no placeholders.

{CHECK.format(context=f"interview_id {interview_id}, ", kind="thank-you")}"""


def follow_up(app: App, args: dict[str, str], now: datetime) -> str:
    from afterview.services.queries import show_opportunity

    view = show_opportunity(app, _int(args, "opportunity_id"), now)
    opp = view.opportunity
    plain = view.to_json()
    p8 = [a for a in view.actions if a["rule"] == "P8" and a["state"] in ("pending", "snoozed")]
    timing = (
        "\n".join(f"- {a['title']}: due {a['due'][:16]} — {a['why']}" for a in p8)
        or "- No follow-up is planned right now."
    )
    timeline = plain["timelines"][-1] if plain["timelines"] else {}
    contacts = [f"{c['at'][:16]} {c['kind']} by {c['channel']}" for c in plain["contacts"]]
    guard = app.settings.follow_up_guard_days
    return f"""Write my follow-up email about the {opp.role} role at {opp.company}.

Facts (from Afterview):
- Expected decision: {timeline.get("decision_by") or "not given"}
- Contacts so far:
{_bullets(contacts)}
- The plan's follow-up step (P8):
{timing}
Me:
{_profile_lines(app, now)}

The playbook (P8): never more than one follow-up every {guard} days. Say I am still
interested and understand hiring takes time; ask where they are in the process, whether
there is an updated timeline, and whether any further information or documents would
help. Polite, short, never pushy. If the step above is not due yet, tell me when it is
instead of writing it.

{CHECK.format(context=f"opportunity_id {opp.id}, ", kind="follow-up")}"""


def withdrawal(app: App, args: dict[str, str], now: datetime) -> str:
    from afterview.services.queries import show_opportunity

    view = show_opportunity(app, _int(args, "opportunity_id"), now)
    opp = view.opportunity
    people = [f"{p.name} ({p.role.value})" for p in opp.people]
    return f"""Write my withdrawal from the {opp.role} process at {opp.company}.

Facts (from Afterview):
- People:
{_bullets(people)}
Me:
{_profile_lines(app, now)}

The playbook (P7): withdrawing is better than taking more of the employer's time with a
further round, or accepting and resigning soon after. Keep it short and courteous: thank
them for their time and the opportunity, say my interests lie elsewhere, leave the door
open. No criticism, no detailed reasons.

{CHECK.format(context=f"opportunity_id {opp.id}, ", kind="withdrawal")}"""


def _person(interviewers: Any, people: Any, wanted: str) -> Any:
    wanted = (wanted or "").strip()
    pool = list(interviewers) or list(people)
    if not wanted:
        if not pool:
            raise BadInput("Nobody to thank is recorded for this interview: add the interviewer.")
        return pool[0]
    for person in people:
        if wanted == str(person.id) or wanted.casefold() == person.name.casefold():
            return person
    names = ", ".join(f"{p.id} {p.name}" for p in people) or "none"
    raise BadInput(f"No person {wanted!r} on this opportunity (people: {names}).")


def _zone(name: str) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


PROMPTS = {
    spec.name: spec
    for spec in (
        PromptSpec(
            "thank_you",
            "Write my thank-you from my debrief (P5)",
            "A thank-you email to one interviewer, from the debrief's nuggets, in P5's three "
            "parts, checked with check_text before it is shown.",
            (
                ("interview_id", "The interview (show_opportunity lists interviews).", True),
                (
                    "person",
                    "Whom to thank: a person id or their name (default: the first interviewer).",
                    False,
                ),
            ),
            thank_you,
        ),
        PromptSpec(
            "follow_up",
            "Write my follow-up (P8)",
            "A polite follow-up at P8's pace, with the contacts so far and when it is due.",
            (("opportunity_id", "The opportunity (list_opportunities shows ids).", True),),
            follow_up,
        ),
        PromptSpec(
            "withdrawal",
            "Write my withdrawal (P7)",
            "A short, courteous withdrawal from a process (P7).",
            (("opportunity_id", "The opportunity (list_opportunities shows ids).", True),),
            withdrawal,
        ),
    )
}
