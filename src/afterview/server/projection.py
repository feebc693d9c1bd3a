"""What a consultant may see of one shared opportunity: a projection of exactly the
parts the candidate chose, as JSON, and its typed reading on the consultant's side.

Pure: the facts, the candidate's plan and the drafts come in; a dict goes out. The
server publishes it into the shared schema whenever the candidate's facts change, so
the consultant's pages never open a candidate's own schema. Nothing outside the
chosen parts is in it: a consultant who was shown only the interviews cannot find the
debrief in the page source, the API or the database rows they can read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from afterview.playbook.actions import PlannedAction
from afterview.playbook.consultant import Opening
from afterview.playbook.facts import ContactKind, Opportunity, Status
from afterview.playbook.status import status

VERSION = 1
# In the order the sharing page shows them. The first four are on by default; drafts
# and the fit reflection stay private unless the candidate ticks them (the issue's
# wording, and P7: the reflection is the candidate's own judgement).
PARTS: dict[str, tuple[str, str]] = {
    "interviews": ("interviews", "Interviews: rounds, times, and whether you have called (P1)"),
    "timeline": ("hiring timeline", "Hiring timeline, follow-ups and replies (P6, P8)"),
    "calls": ("call notes", "Notes of your calls with the agency (P1)"),
    "debrief": (
        "debrief summary",
        "Debrief summary: what went well, what to cover more, reactions (P4)",
    ),
    "drafts": ("drafts", "Drafts of your emails (P5, P8)"),
    "reflection": ("fit reflection", "Fit reflection: your scores and decision (P7)"),
}
DEFAULT_PARTS: tuple[str, ...] = ("interviews", "timeline", "calls", "debrief")


def checked_parts(chosen: Iterable[str]) -> tuple[str, ...]:
    """The known parts among `chosen`, in the canonical order."""
    wanted = set(chosen)
    unknown = wanted - PARTS.keys()
    if unknown:
        raise ValueError(f"unknown parts: {', '.join(sorted(unknown))}")
    return tuple(p for p in PARTS if p in wanted)


def project(
    opp: Opportunity,
    parts: Sequence[str],
    *,
    plan: Sequence[PlannedAction],
    drafts: Sequence[Mapping[str, Any]],
    published_at: datetime,
    tz: str,
) -> dict[str, Any]:
    """The JSON a consultant may read. Status is computed as of `published_at`, with
    the moment it changes on its own (a scheduled interview ending) beside it."""
    shown = set(parts)
    current = status(opp, published_at)
    pending_ends = [i.end for i in opp.live_interviews if i.end > published_at]
    facts: dict[str, Any] = {
        "v": VERSION,
        "parts": list(checked_parts(shown)),
        "company": opp.company,
        "role": opp.role,
        "route": opp.route.value,
        "tz": opp.zone(tz),
        "status": current.value,
        "status_until": _iso(max(pending_ends)) if pending_ends else None,
        "outcomes": [{"at": _iso(e.at), "outcome": e.outcome.value} for e in opp.outcomes],
    }
    if "interviews" in shown:
        calls = {a.interview_id: a for a in plan if a.rule == "P1"}
        facts["interviews"] = [
            {
                "round": i.round,
                "start": _iso(i.start),
                "end": _iso(i.end),
                "tz": i.tz,
                "format": i.format.value,
                "call_due": _iso(calls[i.id].due) if i.id in calls else None,
                "called_at": _maybe_iso(calls[i.id].satisfied_at) if i.id in calls else None,
            }
            for i in opp.live_interviews
        ]
    if "timeline" in shown:
        facts["timelines"] = [
            {
                "recorded_at": _iso(t.recorded_at),
                "decision_by": _day(t.decision_by),
                "follow_up_on": _day(t.follow_up_on),
                "none_given": t.none_given,
            }
            for t in opp.timelines
        ]
        facts["contacts"] = [
            {"at": _iso(c.at), "kind": c.kind.value, "channel": c.channel.value}
            for c in sorted(opp.contacts, key=lambda c: c.at)
        ]
        facts["replies"] = [{"at": _iso(r.at), "note": r.note} for r in opp.replies]
    if "calls" in shown:
        facts["calls"] = [
            {"at": _iso(c.at), "note": c.note}
            for c in opp.contacts_of(ContactKind.RECRUITER_CALL)
            if c.note
        ]
    if "debrief" in shown:
        facts["debriefs"] = [
            {
                "recorded_at": _iso(d.recorded_at),
                "round": _round_of(opp, d.interview_id),
                "overall": d.overall.value if d.overall else None,
                "went_well": list(d.went_well),
                "cover_more": list(d.cover_more),
                "liked": list(d.liked),
                "disliked": list(d.disliked),
                "new_questions": list(d.new_questions),
                "concerns": list(d.concerns),
                "weak_answers": sum(1 for q in d.questions if q.quality.value != "good"),
            }
            for d in opp.debriefs
        ]
    if "drafts" in shown:
        facts["drafts"] = [
            {
                "kind": str(m["kind"]),
                "subject": str(m["subject"]),
                "body": str(m["body"]),
                "to_name": m.get("to_name"),
                "sent_at": _iso(m["sent_at"]) if m.get("sent_at") else None,
            }
            for m in drafts
        ]
    if "reflection" in shown and opp.reflections:
        r = max(opp.reflections, key=lambda r: r.recorded_at)
        facts["reflection"] = {
            "recorded_at": _iso(r.recorded_at),
            "scores": {
                "fit": r.fit,
                "growth": r.growth,
                "culture": r.culture,
                "values": r.values,
                "happy": r.happy,
            },
            "decision": r.decision.value,
            "concerns": r.concerns,
        }
    return facts


# --- the consultant's side ------------------------------------------------------------


def read(
    candidate_id: int,
    candidate_name: str,
    opportunity_id: int,
    facts: Mapping[str, Any],
    now: datetime,
) -> Opening:
    """The consultant's typed reading of a published projection, as of `now`."""
    published = Status(facts["status"])
    until = _maybe(facts.get("status_until"))
    if published is Status.INTERVIEW_SCHEDULED and until is not None and now >= until:
        published = Status.INTERVIEWED  # the only change time makes on its own (P12)
    parts = tuple(facts.get("parts", ()))
    return Opening(
        candidate_id=candidate_id,
        candidate_name=candidate_name,
        opportunity_id=opportunity_id,
        company=str(facts["company"]),
        role=str(facts["role"]),
        route=str(facts["route"]),
        tz=str(facts["tz"]),
        status=published,
        interviews=tuple(
            (
                int(i["round"]),
                _at(i["start"]),
                _at(i["end"]),
                _maybe(i.get("call_due")),
                _maybe(i.get("called_at")),
            )
            for i in facts.get("interviews", ())
        ),
        timelines=tuple(
            (
                _at(t["recorded_at"]),
                _date(t.get("decision_by")),
                _date(t.get("follow_up_on")),
                bool(t.get("none_given")),
            )
            for t in facts.get("timelines", ())
        ),
        follow_ups=tuple(
            _at(c["at"]) for c in facts.get("contacts", ()) if c["kind"] == "follow-up"
        ),
        replies=tuple((_at(r["at"]), r.get("note")) for r in facts.get("replies", ())),
        outcomes=tuple((_at(o["at"]), str(o["outcome"])) for o in facts.get("outcomes", ())),
        shares_timeline="timeline" in parts,
    )


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _maybe_iso(moment: datetime | None) -> str | None:
    return _iso(moment) if moment else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _maybe(text: str | None) -> datetime | None:
    return _at(text) if text else None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _round_of(opp: Opportunity, interview_id: int) -> int | None:
    return next((i.round for i in opp.interviews if i.id == interview_id), None)
