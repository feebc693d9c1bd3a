"""Which overdue step comes first, and the command that acts on each step.

Overdue steps are ordered by **importance**, a fixed order of the playbook's rules,
then by due time (oldest first within a rule). The order puts first what another
person is waiting on today and what loses its value soonest:

1. P1 the recruiter call: the recruiter relays your thanks and enthusiasm that day;
2. P12 an offer to answer, or other processes to leave after accepting one;
3. P3 an interviewer's address: the thank-you cannot go without it;
4. P5 the thank-you: same day or next morning, or it is late;
5. P4 the debrief: memory fades by the hour, and P5 and P10 draw on it;
6. P8 a follow-up: paced, polite, and already due;
7. P7 the fit reflection: before more of anyone's time is taken;
8. P6 the hiring timeline: it paces everything after;
9. P2 the ask-before-you-leave checklist;
10. P10 the next-round brief, P11 the lessons;
11. P9 keep searching and look at competitors: never urgent, always on.

Steps due today and later keep the order of their due times.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

IMPORTANCE = ("P1", "P12", "P3", "P5", "P4", "P8", "P7", "P6", "P2", "P10", "P11", "P9")


def by_importance(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Overdue steps, most important first; the same rule oldest first."""
    rank = {rule: n for n, rule in enumerate(IMPORTANCE)}
    return sorted(
        items,
        key=lambda item: (
            rank.get(item["rule"], len(rank)),
            item["snoozed_until"] or item["due"],
            item["key"],
        ),
    )


def act_command(item: dict[str, Any], program: str = "afterview") -> str:
    """The command that does (or records) what the step asks, using its short id."""
    from afterview.cli.draft_hints import draft_command

    key = str(item["key"])
    step = item.get("id") or key
    opp = item.get("opportunity_id")
    done = f"{program} done {step}"
    drafted = draft_command(item, program)
    kind = key.split(":")[1] if ":" in key else ""
    if key.startswith("P1:recruiter-call:") and drafted:
        return f"{drafted} (the call script), then {done}"
    if drafted:
        return drafted
    interview = item.get("interview_id")
    person = item.get("person_id")
    by_kind = {
        "debrief": f"{program} debrief {interview}",
        "reflect": f"{program} reflect {opp} --fit N --growth N --culture N --values N "
        "--happy N --decision continue|withdraw",
        "timeline": f"{program} timeline {opp} --decision-by DATE",
        "contact-details": f"{program} person edit {person} --email ADDRESS",
        "names": f'{program} person add {opp} --name "NAME" --role interviewer --email ADDRESS',
        "brief": f"{program} brief {opp}",
        "review-lessons": f"{program} lessons",
        "competitors": f'{program} opp competitor {opp} "NAME", then {done}',
        "close-no-response": f"{program} outcome {opp} no-response",
    }
    return by_kind.get(kind, done)
